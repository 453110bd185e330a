//! Branch conditions in words, as the charts write them on their edges and `flows preview` says
//! why it went where it did: one wording for both, so what an admin reads on the chart is what
//! the preview prints.

use super::{CompareOp, CondValue, Condition};

impl Condition {
    /// The condition as a short phrase: `case_outcome is conviction or deferred`.
    pub fn describe(&self) -> String {
        match self {
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
            Condition::All(cs) => cs.iter().map(Condition::describe).collect::<Vec<_>>().join(" and "),
            Condition::Any(cs) => cs.iter().map(Condition::describe).collect::<Vec<_>>().join(" or "),
            Condition::Not(c) => format!("not ({})", c.describe()),
            Condition::Instance(n) => format!("this is instance {n} of the group"),
        }
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
