//! `flows graph`: the flow as a Mermaid flowchart, so admins can see what they edit.

use super::{CompareOp, CondValue, Condition, Flow, Kind, Target};
use std::fmt::Write;

pub fn mermaid(flow: &Flow) -> String {
    let mut s = String::from("flowchart TD\n");
    for g in flow.groups.values() {
        let _ = writeln!(s, "  subgraph group_{}[\"repeats: {}\"]", g.id, g.id);
        for step in flow.steps.iter().filter(|st| st.group.as_deref() == Some(&g.id)) {
            let _ = writeln!(s, "    {}", node(step));
        }
        let _ = writeln!(s, "  end");
    }
    for step in flow.steps.iter().filter(|st| st.group.is_none()) {
        let _ = writeln!(s, "  {}", node(step));
    }
    for step in &flow.steps {
        for b in &step.branches {
            let _ =
                writeln!(s, "  {} -->|\"{}\"| {}", step.id, describe(&b.when).replace('"', "'"), target(flow, &b.goto));
        }
        if let Kind::Consent { decline } = &step.kind {
            let _ = writeln!(s, "  {} -->|decline| {}", step.id, target(flow, decline));
        }
        if let Some(n) = &step.next {
            if !matches!(step.kind, Kind::End { .. }) {
                let _ = writeln!(s, "  {} --> {}", step.id, target(flow, n));
            }
        }
    }
    s
}

fn node(step: &super::Step) -> String {
    let label = format!("{}<br/><i>{}</i>", step.id, step.kind.name());
    match step.kind {
        Kind::End { .. } => format!("{}([\"{label}\"])", step.id),
        Kind::Consent { .. } | Kind::Review => format!("{}{{{{\"{label}\"}}}}", step.id),
        _ => format!("{}[\"{label}\"]", step.id),
    }
}

fn target(flow: &Flow, t: &Target) -> String {
    match t {
        Target::Step(id) => id.clone(),
        Target::NewInstance(g) => flow.groups.get(g).map(|gr| gr.start.clone()).unwrap_or_else(|| g.clone()),
    }
}

fn value(v: &CondValue) -> String {
    match v {
        CondValue::Str(s) => s.clone(),
        CondValue::Num(n) => n.to_string(),
        CondValue::Bool(b) => b.to_string(),
        CondValue::Date(d) => d.to_iso(),
    }
}

/// A condition in words, for edges and reports.
pub fn describe(c: &Condition) -> String {
    match c {
        Condition::Equals { answer, value: v } => format!("{answer} = {}", value(v)),
        Condition::OneOf { answer, values } => {
            format!("{answer} is {}", values.iter().map(value).collect::<Vec<_>>().join(" or "))
        }
        Condition::Present { answer, present } => {
            format!("{answer} {}", if *present { "answered" } else { "not answered" })
        }
        Condition::State { answer, state } => format!("{answer} is {state}"),
        Condition::Compare { answer, op, value: v } => {
            let op = match op {
                CompareOp::Gt => ">",
                CompareOp::Gte => ">=",
                CompareOp::Lt => "<",
                CompareOp::Lte => "<=",
            };
            format!("{answer} {op} {}", value(v))
        }
        Condition::Includes { answer, value } => format!("{answer} includes {value}"),
        Condition::All(cs) => cs.iter().map(describe).collect::<Vec<_>>().join(" and "),
        Condition::Any(cs) => cs.iter().map(describe).collect::<Vec<_>>().join(" or "),
        Condition::Not(c) => format!("not ({})", describe(c)),
    }
}
