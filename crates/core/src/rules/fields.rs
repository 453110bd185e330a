//! Screening fields: the facts the relief rules use, and what kind of answer feeds each. A flow
//! step declares `field = "<name>"`; `flows check` verifies the step can feed it, so an admin's
//! edit cannot silently disconnect a question from the screening.

use crate::flow::{Kind, Step};

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

const YNU: &[&str] = &["yes", "no", "unsure"];
pub const LEVELS: &[&str] = &["violation", "misdemeanor", "felony", "unknown"];
pub const DISPOSITIONS: &[&str] =
    &["conviction", "arrest_only", "dismissed", "deferred", "juvenile", "pending", "unknown"];
pub const CITIZENSHIP: &[&str] = &["citizen", "permanent_resident", "other_status", "no_status", "unsure"];
pub const CONTACT: &[&str] = &["this_chat", "phone_call", "text_message", "email", "through_advocate", "in_person"];
pub const HARM: &[&str] = &["violence", "weapon", "injury", "none"];
pub const TERMS: &[&str] = &["trafficking", "exploitation", "forced_work", "what_happened"];
pub const DOCUMENTS: &[&str] = &[
    "t_visa",
    "u_visa",
    "continued_presence",
    "hhs_letter",
    "law_enforcement_letter",
    "service_provider_letter",
    "court_records",
    "none",
];

/// (name, scope, kind, what it means)
pub const FIELDS: &[(&str, Scope, FieldKind, &str)] = &[
    ("jurisdiction", Scope::Case, FieldKind::Jurisdiction, "state of the court (USPS code), or US for a federal court"),
    ("county", Scope::Case, FieldKind::Text, "county, city or court"),
    ("category", Scope::Case, FieldKind::OneOf(super::category::NAMES), "offense category"),
    ("charge_arrest", Scope::Case, FieldKind::Text, "the charge at arrest, in the person's words"),
    ("charge_final", Scope::Case, FieldKind::Text, "the final charge or plea, in the person's words"),
    ("level", Scope::Case, FieldKind::OneOf(LEVELS), "violation, misdemeanor or felony"),
    ("felony_class", Scope::Case, FieldKind::Text, "felony class, if known"),
    ("disposition", Scope::Case, FieldKind::OneOf(DISPOSITIONS), "how the case ended"),
    ("offense_date", Scope::Case, FieldKind::Date, "when the offense happened"),
    ("conviction_date", Scope::Case, FieldKind::Date, "when the case ended (judgment)"),
    ("sentence_completed", Scope::Case, FieldKind::OneOf(YNU), "whether the sentence is finished"),
    ("sentence_completed_date", Scope::Case, FieldKind::Date, "when the sentence was finished"),
    ("nexus", Scope::Case, FieldKind::OneOf(YNU), "the offense happened because of, or while, being trafficked"),
    (
        "harm",
        Scope::Case,
        FieldKind::ManyOf(HARM),
        "whether the charge involved violence or threats, a weapon, or an injury",
    ),
    ("age_at_offense", Scope::Case, FieldKind::Number, "age at the time"),
    ("defense_at_trial", Scope::Case, FieldKind::OneOf(YNU), "a trafficking defense was raised at trial and lost"),
    ("docket", Scope::Case, FieldKind::Text, "case or docket number"),
    ("prior_relief", Scope::Case, FieldKind::OneOf(YNU), "relief was asked for before"),
    ("trafficking_ended", Scope::Person, FieldKind::Date, "when the trafficking situation ended"),
    ("trafficking_ongoing", Scope::Person, FieldKind::OneOf(YNU), "the person may still be in the situation"),
    ("later_convictions", Scope::Person, FieldKind::OneOf(YNU), "convictions after the trafficking ended"),
    ("pending_charges", Scope::Person, FieldKind::OneOf(YNU), "open cases or warrants"),
    ("official_documentation", Scope::Person, FieldKind::ManyOf(DOCUMENTS), "documents held"),
    ("prosecutor_consent", Scope::Person, FieldKind::OneOf(YNU), "a prosecutor supports the motion"),
    ("citizenship", Scope::Person, FieldKind::OneOf(CITIZENSHIP), "citizenship or immigration status"),
    ("immigration_court_date", Scope::Person, FieldKind::Date, "date of an immigration court hearing"),
    ("urgent_deadline", Scope::Person, FieldKind::OneOf(YNU), "a deadline soon (court, job, housing)"),
    ("urgent_deadline_date", Scope::Person, FieldKind::Date, "when that deadline is"),
    ("other_names", Scope::Person, FieldKind::OneOf(YNU), "records may be under another name"),
    ("record_consent", Scope::Person, FieldKind::OneOf(YNU), "consent for the attorney to request the criminal record"),
    ("contact_method", Scope::Person, FieldKind::ManyOf(CONTACT), "safe ways to be contacted"),
    ("contact_details", Scope::Person, FieldKind::Text, "number or address for that contact"),
    ("contact_time", Scope::Person, FieldKind::Text, "safe times to be contacted"),
    ("preferred_term", Scope::Person, FieldKind::OneOf(TERMS), "how the person wants to refer to what happened"),
    ("preferred_name", Scope::Person, FieldKind::Text, "what to call the person"),
];

pub fn is_field(name: &str) -> bool {
    FIELDS.iter().any(|(n, ..)| *n == name)
}

pub fn names() -> Vec<&'static str> {
    FIELDS.iter().map(|(n, ..)| *n).collect()
}

pub fn get(name: &str) -> Option<(Scope, FieldKind)> {
    FIELDS.iter().find(|(n, ..)| *n == name).map(|(_, s, k, _)| (*s, *k))
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
