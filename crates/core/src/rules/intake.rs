//! From a completed intake to screening facts: each flow step that declares a `field` feeds it,
//! as that field's declaration in [`super::fields`] says. What the survivor chose not to say stays
//! unknown, never a "no".

use super::screen::{Case, Input, Person};
use crate::engine::answer::{Answer, Pos, Value};
use crate::flow::Flow;
use std::collections::BTreeMap;

/// The screening input an intake's answers describe.
pub fn facts(flow: &Flow, answers: &BTreeMap<String, Answer>) -> Input {
    let mut person = Person::default();
    let mut cases: BTreeMap<u32, Case> = BTreeMap::new();
    for (key, answer) in answers {
        let pos = Pos::from_key(key);
        let Some(step) = flow.step(&pos.step) else { continue };
        let Some(field) = step.field.as_deref() else { continue };
        match pos.instance {
            Some(i) => cases.entry(i).or_default().set(field, answer),
            None => person.set(field, answer),
        }
    }
    // Asked once for every case: a case that does not say otherwise takes "all" or "none".
    let shared = match person.nexus_all.as_deref() {
        Some(super::fields::nexus_all::ALL) => Some(super::screen::Tri::Yes),
        Some(super::fields::nexus_all::NONE) => Some(super::screen::Tri::No),
        _ => None,
    };
    let mut cases: Vec<Case> = cases.into_values().collect();
    for c in &mut cases {
        if c.nexus.is_none() {
            c.nexus = shared;
        }
    }
    Input { date: None, person, cases }
}

/// Whether an answer to a step that declares `field` chose `value` (of a single or
/// multiple-choice step). Code reads the flow through its declared fields, never a step id.
pub fn chose(flow: &Flow, answers: &BTreeMap<String, Answer>, field: &str, value: &str) -> bool {
    answers.iter().any(|(key, answer)| {
        flow.step(&Pos::from_key(key).step).and_then(|s| s.field.as_deref()) == Some(field)
            && match answer {
                Answer::Answered(Value::Choices(cs)) => cs.iter().any(|c| c == value),
                Answer::Answered(Value::Choice(c)) => c == value,
                _ => false,
            }
    })
}
