//! The flow as a Mermaid flowchart: text to paste into any Mermaid viewer, or a GitHub comment.

use crate::flow::{Flow, Kind, Step, Target};
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
                writeln!(s, "  {} -->|\"{}\"| {}", step.id, b.when.describe().replace('"', "'"), target(flow, &b.goto));
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

fn node(step: &Step) -> String {
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
