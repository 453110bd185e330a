//! From a completed intake to screening facts: each flow step that declares a `field` feeds it.
//! What the survivor chose not to say stays unknown, never a "no".

use super::screen::{Case, Documentation, Input, Person, Tri};
use crate::engine::answer::{Answer, Pos, Value};
use crate::flow::Flow;
use std::collections::BTreeMap;

fn tri(a: &Answer) -> Option<Tri> {
    match a {
        Answer::Answered(Value::Choice(c)) => match c.as_str() {
            "yes" => Some(Tri::Yes),
            "no" => Some(Tri::No),
            "unsure" => Some(Tri::Unsure),
            _ => None,
        },
        Answer::DontKnow => Some(Tri::Unsure),
        _ => None,
    }
}

fn text(a: &Answer) -> Option<String> {
    match a {
        Answer::Answered(Value::Text(t)) => Some(t.clone()),
        Answer::Answered(Value::Choice(c)) => Some(c.clone()),
        Answer::Answered(Value::Jurisdiction(j)) => Some(j.clone()),
        Answer::Answered(Value::Date(d)) => Some(d.to_iso()),
        Answer::Answered(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// The screening input an intake's answers describe.
pub fn facts(flow: &Flow, answers: &BTreeMap<String, Answer>) -> Input {
    let mut person = Person::default();
    let mut cases: BTreeMap<u32, Case> = BTreeMap::new();
    for (key, answer) in answers {
        let pos = Pos::from_key(key);
        let Some(step) = flow.step(&pos.step) else { continue };
        let Some(field) = step.field.as_deref() else { continue };
        if let Some(i) = pos.instance {
            let c = cases.entry(i).or_default();
            match field {
                "jurisdiction" => c.jurisdiction = text(answer),
                "county" => c.county = text(answer),
                "category" => c.category = text(answer),
                "charge_arrest" => c.charge_arrest = text(answer),
                "charge_final" => c.charge_final = text(answer),
                "level" => c.level = text(answer),
                "felony_class" => c.felony_class = text(answer),
                "disposition" => c.disposition = text(answer),
                "offense_date" => c.offense_date = text(answer),
                "conviction_date" => c.conviction_date = text(answer),
                "sentence_completed" => c.sentence_completed = tri(answer),
                "sentence_completed_date" => c.sentence_completed_date = text(answer),
                "nexus" => c.nexus = tri(answer),
                "harm" => {
                    if let Answer::Answered(Value::Choices(cs)) = answer {
                        let has = |x: &str| if cs.iter().any(|c| c == x) { Tri::Yes } else { Tri::No };
                        c.violence = Some(has("violence"));
                        c.weapon = Some(has("weapon"));
                        c.injury = Some(has("injury"));
                    } else if matches!(answer, Answer::DontKnow) {
                        c.violence = Some(Tri::Unsure);
                    }
                }
                "age_at_offense" => {
                    if let Answer::Answered(Value::Number(n)) = answer {
                        c.age_at_offense = Some(*n)
                    }
                }
                "defense_at_trial" => c.defense_at_trial = tri(answer),
                "prior_relief" => c.prior_relief = tri(answer),
                "docket" => c.docket = text(answer),
                _ => {}
            }
        } else {
            match field {
                "citizenship" => {
                    person.citizenship = match answer {
                        Answer::PreferNot => Some("prefer_not".into()),
                        Answer::DontKnow => Some("unsure".into()),
                        a => text(a),
                    }
                }
                "immigration_court_date" => person.immigration_court_date = text(answer),
                "urgent_deadline" => person.urgent_deadline = tri(answer),
                "urgent_deadline_date" => person.urgent_deadline_date = text(answer),
                "trafficking_ended" => person.trafficking_ended = text(answer),
                "trafficking_ongoing" => person.trafficking_ongoing = tri(answer),
                "later_convictions" => person.later_convictions = tri(answer),
                "pending_charges" => person.pending_charges = tri(answer),
                "prosecutor_consent" => person.prosecutor_consent = tri(answer),
                "official_documentation" => {
                    if let Answer::Answered(Value::Choices(cs)) = answer {
                        person.official_documentation = Some(Documentation::Kinds(cs.clone()));
                    }
                }
                _ => {}
            }
        }
    }
    Input { date: None, person, cases: cases.into_values().collect() }
}
