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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::screen::Tri;

    fn flow() -> Flow {
        let (f, d) =
            crate::flow::load_str(std::path::Path::new("intake.toml"), include_str!("../../../../flows/intake.toml"));
        assert!(!crate::diag::has_errors(&d), "{d:?}");
        f
    }

    fn choice(v: &str) -> Answer {
        Answer::Answered(Value::Choice(v.into()))
    }

    #[test]
    fn every_case_takes_the_answer_given_once_unless_it_says_otherwise() {
        let flow = flow();
        let facts_with = |all: Answer| {
            let mut a = BTreeMap::new();
            a.insert("nexus_all".to_string(), all);
            a.insert("case_state#0".to_string(), Answer::Answered(Value::Jurisdiction("NY".into())));
            a.insert("case_state#1".to_string(), Answer::Answered(Value::Jurisdiction("CA".into())));
            // The second case says otherwise.
            a.insert("case_nexus#1".to_string(), choice("no"));
            facts(&flow, &a).cases.iter().map(|c| c.nexus).collect::<Vec<_>>()
        };
        assert_eq!(facts_with(choice("all")), [Some(Tri::Yes), Some(Tri::No)]);
        assert_eq!(facts_with(choice("none")), [Some(Tri::No), Some(Tri::No)]);
        // "Some of them", "I don't know", "rather not say": a case that does not say is unknown.
        for a in [choice("some"), Answer::DontKnow, Answer::PreferNot] {
            assert_eq!(facts_with(a), [None, Some(Tri::No)]);
        }
    }
}
