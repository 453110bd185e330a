//! Screening fields: the facts the relief rules use, and what kind of answer feeds each. A flow
//! step declares `field = "<name>"`; `flows check` verifies the step can feed it, so an admin's
//! edit cannot silently disconnect a question from the screening.
//!
//! Each field is declared once, in the [`screening_fields!`] invocation below. From that one
//! declaration come the screening input's structs ([`Person`], [`Case`], whose members and serde
//! attributes are the `screen --format json` wire format), the [`FIELDS`] table `flows check`
//! reads, the code that sets a field from an intake answer, the [`name`] constants Rust uses to
//! find a field in a flow, and the table in `docs/screening.md` ([`markdown_table`]; a test keeps
//! the doc in step).

use super::screen::{Consent, Documentation, Tri};
use crate::engine::answer::{Answer, Value};
use crate::flow::{Kind, Step};
use serde::{Deserialize, Serialize};
use FieldKind::{Date, Jurisdiction, ManyOf, Number, OneOf, Text};

/// What kind of answer a field takes.
#[derive(Debug, Clone, Copy)]
pub enum FieldKind {
    /// One of these values (option ids must be among them).
    OneOf(&'static [&'static str]),
    /// Any of these values.
    ManyOf(&'static [&'static str]),
    YesNo,
    Date,
    Number,
    Jurisdiction,
    Text,
}

/// Whether a field describes one arrest or conviction (asked inside the repeating group) or the
/// person as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Case,
    Person,
}

/// One screening field, as `flows check` and the docs see it.
#[derive(Debug, Clone, Copy)]
pub struct Field {
    pub name: &'static str,
    pub scope: Scope,
    pub kind: FieldKind,
    /// What it means, in a few words.
    pub meaning: &'static str,
    /// The members of the screening input it sets (`Case` or `Person`, by its scope); none when the
    /// field is kept for the attorney but not screened.
    pub members: &'static [&'static str],
}

const YNU: &[&str] = &["yes", "no", "unsure"];
/// Values of `nexus_all`: whether every case, some, or none was linked to being trafficked.
pub mod nexus_all {
    pub const ALL: &str = "all";
    pub const SOME: &str = "some";
    pub const NONE: &str = "none";
}
pub const NEXUS_ALL: &[&str] = &[nexus_all::ALL, nexus_all::SOME, nexus_all::NONE];
/// Values of `prosecutor_consent`: a refusal is not the same as not (yet) asked.
pub const CONSENT: &[&str] = &["yes", "no", "refused", "unsure"];
// The values the screening decides on are constants, so its code and these lists name each once.

/// Values of `level`.
pub mod level {
    pub const VIOLATION: &str = "violation";
    pub const MISDEMEANOR: &str = "misdemeanor";
    pub const FELONY: &str = "felony";
    pub const UNKNOWN: &str = "unknown";
}
pub const LEVELS: &[&str] = &[level::VIOLATION, level::MISDEMEANOR, level::FELONY, level::UNKNOWN];

/// Values of `disposition`.
pub mod disposition {
    pub const CONVICTION: &str = "conviction";
    pub const ARREST_ONLY: &str = "arrest_only";
    pub const DISMISSED: &str = "dismissed";
    pub const DEFERRED: &str = "deferred";
    pub const JUVENILE: &str = "juvenile";
    pub const PENDING: &str = "pending";
    pub const UNKNOWN: &str = "unknown";
}
pub const DISPOSITIONS: &[&str] = &[
    disposition::CONVICTION,
    disposition::ARREST_ONLY,
    disposition::DISMISSED,
    disposition::DEFERRED,
    disposition::JUVENILE,
    disposition::PENDING,
    disposition::UNKNOWN,
];
pub const CITIZEN: &str = "citizen";
/// The `citizenship` fact when the survivor chose not to say (not an option of the step).
pub const CITIZENSHIP_NOT_SAID: &str = "prefer_not";
pub const CITIZENSHIP: &[&str] = &[CITIZEN, "permanent_resident", "other_status", "no_status", "unsure"];
/// The `contact_method` value saying the survivor may be reached in the chat they used: the desk
/// then keeps that chat for the attorney.
pub const THIS_CHAT: &str = "this_chat";
pub const CONTACT: &[&str] = &[THIS_CHAT, "phone_call", "text_message", "email", "through_advocate", "in_person"];
const VIOLENCE: &str = "violence";
const WEAPON: &str = "weapon";
const INJURY: &str = "injury";
pub const HARM: &[&str] = &[VIOLENCE, WEAPON, INJURY, "none"];
pub const TERMS: &[&str] = &["trafficking", "exploitation", "forced_work", "what_happened"];
/// A document that does not by itself show that the person was trafficked.
pub const COURT_RECORDS: &str = "court_records";
pub const NO_DOCUMENTS: &str = "none";
pub const DOCUMENTS: &[&str] = &[
    "t_visa",
    "u_visa",
    "continued_presence",
    "hhs_letter",
    "law_enforcement_letter",
    "service_provider_letter",
    COURT_RECORDS,
    NO_DOCUMENTS,
];

/// Declares the screening fields. Each entry is
///
/// ```text
/// name: kind, "what it means" => setter(member: Type, ...);
/// ```
///
/// inside `struct Case` (the field describes one case; its scope is `Scope::Case`) or
/// `struct Person` (`Scope::Person`). The members become the struct's members, in order, with the
/// meaning as their doc (more attributes, such as serde ones, may precede a member); `setter` is a
/// function `fn(&Answer, &mut Member, ...)` that sets them from an intake answer. A field with no
/// members is asked and kept for the attorney, but not screened.
macro_rules! screening_fields {
    ($(
        $(#[$smeta:meta])*
        pub struct $S:ident {
            $(
                $name:ident: $kind:expr, $meaning:literal =>
                    $set:ident($( $(#[$mmeta:meta])* $member:ident: $ty:ty ),* $(,)?);
            )*
        }
    )*) => {
        $(
            $(#[$smeta])*
            pub struct $S {
                $($(
                    #[doc = $meaning]
                    $(#[$mmeta])*
                    pub $member: $ty,
                )*)*
            }

            impl $S {
                /// The members' names, in order: the keys of the screening input's JSON.
                pub const KEYS: &'static [&'static str] = &[$($(stringify!($member),)*)*];

                /// Sets what `field` feeds from an answer; a field of the other scope sets nothing.
                pub fn set(&mut self, field: &str, answer: &Answer) {
                    match field {
                        $(stringify!($name) => $set(answer $(, &mut self.$member)*),)*
                        _ => {}
                    }
                }
            }
        )*

        /// Every screening field, case fields first.
        pub const FIELDS: &[Field] = &[$($(
            Field {
                name: stringify!($name),
                scope: Scope::$S,
                kind: $kind,
                meaning: $meaning,
                members: &[$(stringify!($member)),*],
            },
        )*)*];

        /// Each field's name, for Rust that finds a field's step in a flow: a misspelt name does not
        /// compile.
        #[allow(non_upper_case_globals)]
        pub mod name {
            $($(pub const $name: &str = stringify!($name);)*)*
        }
    };
}

screening_fields! {
    /// One arrest or conviction.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Case {
        jurisdiction: Jurisdiction, "state of the court (USPS code), or US for a federal court" =>
            text(jurisdiction: Option<String>);
        county: Text, "county, city or court" => text(county: Option<String>);
        category: OneOf(super::category::NAMES), "offense category" => text(category: Option<String>);
        charge_arrest: Text, "the charge at arrest, in the person's words" => text(charge_arrest: Option<String>);
        charge_final: Text, "the final charge or plea, in the person's words" => text(charge_final: Option<String>);
        level: OneOf(LEVELS), "violation, misdemeanor or felony" => text(level: Option<String>);
        felony_class: Text, "felony class, if known" => text(felony_class: Option<String>);
        disposition: OneOf(DISPOSITIONS), "how the case ended" => text(disposition: Option<String>);
        offense_date: Date, "when the offense happened" => text(offense_date: Option<String>);
        conviction_date: Date, "when the case ended (judgment)" => text(conviction_date: Option<String>);
        sentence_completed: OneOf(YNU), "whether the sentence is finished" => tri(sentence_completed: Option<Tri>);
        sentence_completed_date: Date, "when the sentence was finished" =>
            text(sentence_completed_date: Option<String>);
        nexus: OneOf(YNU), "the offense happened because of, or while, being trafficked" => tri(nexus: Option<Tri>);
        harm: ManyOf(HARM), "whether the charge involved violence or threats, a weapon, or an injury" =>
            harm(violence: Option<Tri>, weapon: Option<Tri>, injury: Option<Tri>);
        age_at_offense: Number, "age at the time" => number(age_at_offense: Option<i64>);
        defense_at_trial: OneOf(YNU), "a trafficking defense was raised at trial and lost" =>
            tri(defense_at_trial: Option<Tri>);
        prior_relief: OneOf(YNU), "relief was asked for before" => tri(prior_relief: Option<Tri>);
        docket: Text, "case or docket number" => text(docket: Option<String>);
    }

    /// The survivor's circumstances that apply to every case.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Person {
        citizenship: OneOf(CITIZENSHIP), "citizenship or immigration status" => citizenship(citizenship: Option<String>);
        immigration_court_date: Date, "date of an immigration court hearing" =>
            text(immigration_court_date: Option<String>);
        urgent_deadline: OneOf(YNU), "a deadline soon (court, job, housing)" => tri(urgent_deadline: Option<Tri>);
        urgent_deadline_date: Date, "when that deadline is" => text(urgent_deadline_date: Option<String>);
        trafficking_ended: Date, "when the trafficking situation ended" => text(trafficking_ended: Option<String>);
        trafficking_ongoing: OneOf(YNU), "the person may still be in the situation" =>
            tri(trafficking_ongoing: Option<Tri>);
        nexus_all: OneOf(NEXUS_ALL),
            "asked once for every case: all of them happened because of, or while, being trafficked (`all`), some did (`some`: each case then says), or none did (`none`); a case's own `nexus` comes first" =>
            text(nexus_all: Option<String>);
        later_convictions: OneOf(YNU), "convictions after the trafficking ended" => tri(later_convictions: Option<Tri>);
        pending_charges: OneOf(YNU), "open cases or warrants" => tri(pending_charges: Option<Tri>);
        official_documentation: ManyOf(DOCUMENTS), "documents held" =>
            documents(official_documentation: Option<Documentation>);
        prosecutor_consent: OneOf(CONSENT),
            "whether a prosecutor consents: `no` not (yet) given or not yet asked, `refused` asked and refused" =>
            consent(prosecutor_consent: Option<Consent>);
        other_names: OneOf(YNU), "records may be under another name" => kept();
        record_consent: OneOf(YNU), "consent for the attorney to request the criminal record" => kept();
        contact_method: ManyOf(CONTACT), "safe ways to be contacted" => kept();
        contact_details: Text, "number or address for that contact" => kept();
        contact_time: Text, "safe times to be contacted" => kept();
        preferred_term: OneOf(TERMS), "how the person wants to refer to what happened" => kept();
        preferred_name: Text, "what to call the person" => kept();
    }
}

// How an answer sets a field's members. What the survivor chose not to say leaves a fact unknown,
// never a "no".

/// The answer as text: a choice, a code, a date in ISO form, a number.
fn as_text(a: &Answer) -> Option<String> {
    match a {
        Answer::Answered(Value::Text(t)) => Some(t.clone()),
        Answer::Answered(Value::Choice(c)) => Some(c.clone()),
        Answer::Answered(Value::Jurisdiction(j)) => Some(j.clone()),
        Answer::Answered(Value::Date(d)) => Some(d.to_iso()),
        Answer::Answered(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

fn text(a: &Answer, to: &mut Option<String>) {
    *to = as_text(a);
}

/// yes / no / unsure; "I don't know" is unsure.
fn tri(a: &Answer, to: &mut Option<Tri>) {
    *to = match a {
        Answer::Answered(Value::Choice(c)) => match c.as_str() {
            "yes" => Some(Tri::Yes),
            "no" => Some(Tri::No),
            "unsure" => Some(Tri::Unsure),
            _ => None,
        },
        Answer::DontKnow => Some(Tri::Unsure),
        _ => None,
    };
}

/// yes / no (not yet given) / refused / unsure; "I don't know" is unsure.
fn consent(a: &Answer, to: &mut Option<Consent>) {
    *to = match a {
        Answer::Answered(Value::Choice(c)) => match c.as_str() {
            "yes" => Some(Consent::Yes),
            "no" => Some(Consent::No),
            "refused" => Some(Consent::Refused),
            "unsure" => Some(Consent::Unsure),
            _ => None,
        },
        Answer::DontKnow => Some(Consent::Unsure),
        _ => None,
    };
}

fn number(a: &Answer, to: &mut Option<i64>) {
    if let Answer::Answered(Value::Number(n)) = a {
        *to = Some(*n);
    }
}

/// Not saying is itself a fact here (`prefer_not`): the screening flags it for an immigration
/// attorney's advice.
fn citizenship(a: &Answer, to: &mut Option<String>) {
    *to = match a {
        Answer::PreferNot => Some(CITIZENSHIP_NOT_SAID.into()),
        Answer::DontKnow => Some("unsure".into()),
        a => as_text(a),
    };
}

fn documents(a: &Answer, to: &mut Option<Documentation>) {
    if let Answer::Answered(Value::Choices(cs)) = a {
        *to = Some(Documentation::Kinds(cs.clone()));
    }
}

/// One multiple-choice question sets three facts; each not chosen is a "no". "I don't know" leaves
/// violence unsure, and so the screening asks for review.
fn harm(a: &Answer, violence: &mut Option<Tri>, weapon: &mut Option<Tri>, injury: &mut Option<Tri>) {
    if let Answer::Answered(Value::Choices(cs)) = a {
        let has = |x: &str| if cs.iter().any(|c| c == x) { Tri::Yes } else { Tri::No };
        *violence = Some(has(VIOLENCE));
        *weapon = Some(has(WEAPON));
        *injury = Some(has(INJURY));
    } else if matches!(a, Answer::DontKnow) {
        *violence = Some(Tri::Unsure);
    }
}

/// Asked and kept for the attorney; no screening rule reads it.
fn kept(_: &Answer) {}

pub fn is_field(name: &str) -> bool {
    FIELDS.iter().any(|f| f.name == name)
}

pub fn names() -> Vec<&'static str> {
    FIELDS.iter().map(|f| f.name).collect()
}

pub fn get(name: &str) -> Option<(Scope, FieldKind)> {
    FIELDS.iter().find(|f| f.name == name).map(|f| (f.scope, f.kind))
}

/// The table of fields in `docs/screening.md` (between its `fields:begin` and `fields:end`
/// markers), as the declaration says it; a test compares the two.
pub fn markdown_table() -> String {
    let code = |v: &[&str]| v.iter().map(|v| format!("`{v}`")).collect::<Vec<_>>().join(", ");
    let mut t = String::from("| field | about | answer | screening input | meaning |\n|---|---|---|---|---|\n");
    for f in FIELDS {
        let (about, prefix) = match f.scope {
            Scope::Case => ("each case", "cases[]."),
            Scope::Person => ("the person", "person."),
        };
        let answer = match f.kind {
            FieldKind::OneOf(v) => format!("one of {}", code(v)),
            FieldKind::ManyOf(v) => format!("any of {}", code(v)),
            FieldKind::YesNo => "yes or no".to_string(),
            FieldKind::Date => "a date".to_string(),
            FieldKind::Number => "a whole number".to_string(),
            FieldKind::Jurisdiction => "a USPS code, or `US`".to_string(),
            FieldKind::Text => "text".to_string(),
        };
        let input = if f.members.is_empty() {
            "not screened".to_string()
        } else {
            f.members.iter().map(|m| format!("`{prefix}{m}`")).collect::<Vec<_>>().join(", ")
        };
        t.push_str(&format!("| `{}` | {about} | {answer} | {input} | {} |\n", f.name, f.meaning));
    }
    t
}

/// Whether `step` can feed `field`: a problem description, or `None` when it fits.
pub fn check_step(field: &str, step: &Step) -> Option<String> {
    let (scope, kind) = get(field)?;
    if scope == Scope::Case && step.group.is_none() {
        return Some(format!(
            "\"{field}\" describes one arrest or conviction; the step must be inside the repeating group"
        ));
    }
    if scope == Scope::Person && step.group.is_some() {
        return Some(format!(
            "\"{field}\" describes the person, not one case; the step must be outside the repeating group"
        ));
    }
    let opts: Vec<&str> = step.options.iter().map(|o| o.value.as_str()).collect();
    let fits = |allowed: &[&str]| -> Option<String> {
        let bad: Vec<&str> = opts.iter().copied().filter(|o| !allowed.contains(o)).collect();
        (!bad.is_empty()).then(|| {
            format!("options {} are not values of \"{field}\" (allowed: {})", bad.join(", "), allowed.join(", "))
        })
    };
    match (kind, &step.kind) {
        (FieldKind::OneOf(allowed), Kind::Single) => fits(allowed),
        (FieldKind::OneOf(allowed), Kind::YesNo) if allowed == YNU => fits(allowed),
        (FieldKind::ManyOf(allowed), Kind::Multi | Kind::Single) => fits(allowed),
        (FieldKind::Date, Kind::Date { .. }) => None,
        (FieldKind::Number, Kind::Number { .. }) => None,
        (FieldKind::Jurisdiction, Kind::Jurisdiction) => None,
        (FieldKind::Text, Kind::Text { .. }) => None,
        (k, sk) => Some(format!("\"{field}\" takes {} answers, but this is a {} step", describe(k), sk.name())),
    }
}

fn describe(k: FieldKind) -> &'static str {
    match k {
        FieldKind::OneOf(_) => "single-choice",
        FieldKind::ManyOf(_) => "multiple-choice",
        FieldKind::YesNo => "yes/no",
        FieldKind::Date => "date",
        FieldKind::Number => "number",
        FieldKind::Jurisdiction => "jurisdiction",
        FieldKind::Text => "text",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `KEYS` is the members' Rust names; the screening input's JSON uses serde's names. They are
    /// the same while no member is renamed: this fails the day one is.
    #[test]
    fn keys_are_the_json_keys() {
        for (keys, json) in [
            (Person::KEYS, serde_json::to_value(Person::default())),
            (Case::KEYS, serde_json::to_value(Case::default())),
        ] {
            let json = json.map_err(|e| e.to_string());
            let names: Vec<String> = match json {
                Ok(serde_json::Value::Object(m)) => m.keys().cloned().collect(),
                other => panic!("not an object: {other:?}"),
            };
            let mut keys: Vec<String> = keys.iter().map(|k| k.to_string()).collect();
            keys.sort();
            assert_eq!(names, keys);
        }
    }

    #[test]
    fn every_member_belongs_to_one_field_and_names_are_unique() {
        let mut names = names();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), FIELDS.len());
        for f in FIELDS {
            let keys = match f.scope {
                Scope::Case => Case::KEYS,
                Scope::Person => Person::KEYS,
            };
            assert!(f.members.iter().all(|m| keys.contains(m)), "{}", f.name);
        }
    }
}
