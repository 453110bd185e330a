//! The screening: one arrest or conviction, the survivor's circumstances and a date, against
//! every remedy route of its jurisdiction. Pure: no I/O, the date comes in as a value.
//!
//! Honesty over optimism: a route that is not verified, a fact the intake cannot settle, a date
//! known too loosely, or a rule not confirmed in current statute text all give `needs_review`, never a
//! guess. `likely_eligible` needs a verified route and every condition it states shown.

use super::category;
use super::fields::{self, disposition};
use super::model::Rules;
use crate::engine::answer::PartialDate;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    LikelyEligible,
    NotYetEligible,
    NeedsReview,
    NotCovered,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Outcome::LikelyEligible => "likely_eligible",
            Outcome::NotYetEligible => "not_yet_eligible",
            Outcome::NeedsReview => "needs_review",
            Outcome::NotCovered => "not_covered",
        }
    }
}

/// yes / no / unsure. Absent means not known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Tri {
    Yes,
    No,
    Unsure,
}

/// The prosecutor's consent: given, not (yet) given, asked and refused, or not known. Attorney-side
/// only: no flow asks it and no survivor-facing text names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Consent {
    Yes,
    /// Not given, or not yet asked.
    No,
    /// Asked and refused.
    Refused,
    Unsure,
}

/// Documents held: either a yes/no/unsure, or the list of kinds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Documentation {
    Answer(Tri),
    Kinds(Vec<String>),
}

impl Documentation {
    pub fn held(&self) -> Option<bool> {
        match self {
            Documentation::Answer(Tri::Yes) => Some(true),
            Documentation::Answer(Tri::No) => Some(false),
            Documentation::Answer(Tri::Unsure) => None,
            Documentation::Kinds(k) => Some(k.iter().any(|d| d != fields::NO_DOCUMENTS && d != fields::COURT_RECORDS)),
        }
    }
}

mod route;
pub use route::screen_route;

// `Person` and `Case` are declared with the screening fields they carry.
pub use super::fields::{Case, Person};

/// The screening input: `clearpath screen --input case.json`.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Input {
    /// Screening date (YYYY-MM-DD); `--date` overrides; default today.
    pub date: Option<String>,
    #[serde(default)]
    pub person: Person,
    pub cases: Vec<Case>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RouteResult {
    pub jurisdiction: String,
    pub route: String,
    pub remedy: String,
    pub title: String,
    pub citation: String,
    pub verified: bool,
    pub outcome: Outcome,
    /// Why this outcome.
    pub reasons: Vec<String>,
    /// What still has to be shown for relief.
    pub conditions: Vec<String>,
    /// Facts that commonly matter to a court but that the statute does not make conditions (a
    /// trafficking defense lost at trial, relief sought before and denied): for the attorney to
    /// check; they never change the outcome.
    pub to_check: Vec<String>,
    pub documents: Vec<String>,
    pub notes: Vec<String>,
    /// For not_yet_eligible: the earliest and latest day eligibility may begin.
    pub eligible_from: Option<(Date, Date)>,
    /// Where the rule was read: "title <url> (read YYYY-MM-DD)".
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct CaseResult {
    pub case: Case,
    pub overall: Outcome,
    pub routes: Vec<RouteResult>,
    /// Said about the jurisdiction as a whole (no specific remedy, general relief, unknown).
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Flag {
    pub kind: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Screening {
    /// "Preliminary screening, not legal advice.": in every format, the JSON included.
    pub disclaimer: &'static str,
    pub date: Date,
    pub rules_version: String,
    pub cases: Vec<CaseResult>,
    pub flags: Vec<Flag>,
}

fn pdate(s: &Option<String>) -> Result<Option<PartialDate>, String> {
    match s.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        None => Ok(None),
        Some(v) => PartialDate::from_iso(v).map(Some).ok_or_else(|| {
            format!("\"{v}\" is not a date (write 2015, 2015-06, 2015-06-30, or ~2015 for around 2015)")
        }),
    }
}

/// Checks the dates and codes of an input; every problem names its field.
pub fn validate(input: &Input) -> Vec<String> {
    let mut errs = Vec::new();
    let p = &input.person;
    for (name, v) in [
        ("person.immigration_court_date", &p.immigration_court_date),
        ("person.urgent_deadline_date", &p.urgent_deadline_date),
        ("person.trafficking_ended", &p.trafficking_ended),
    ] {
        if let Err(e) = pdate(v) {
            errs.push(format!("{name}: {e}"));
        }
    }
    if let Some(d) = &input.date {
        if Date::strptime("%Y-%m-%d", d).is_err() {
            errs.push(format!("date: \"{d}\" is not a date (YYYY-MM-DD)"));
        }
    }
    if input.cases.is_empty() {
        errs.push("cases: at least one case is needed".into());
    }
    for (i, c) in input.cases.iter().enumerate() {
        for (name, v) in [
            ("offense_date", &c.offense_date),
            ("conviction_date", &c.conviction_date),
            ("sentence_completed_date", &c.sentence_completed_date),
        ] {
            if let Err(e) = pdate(v) {
                errs.push(format!("cases[{i}].{name}: {e}"));
            }
        }
        if let Some(cat) = &c.category {
            if !super::category::is_category(cat) && cat != category::UNKNOWN {
                errs.push(format!(
                    "cases[{i}].category: \"{cat}\" is not an offense category ({})",
                    super::category::NAMES.join(", ")
                ));
            }
        }
        if let Some(j) = &c.jurisdiction {
            if !crate::jurisdiction::is_code(&j.to_ascii_uppercase()) {
                errs.push(format!("cases[{i}].jurisdiction: \"{j}\" is not a USPS code (or US for federal)"));
            }
        }
        if let Some(l) = &c.level {
            if !super::fields::LEVELS.contains(&l.as_str()) {
                errs.push(format!("cases[{i}].level: \"{l}\" is not one of {}", super::fields::LEVELS.join(", ")));
            }
        }
        if let Some(d) = &c.disposition {
            if !super::fields::DISPOSITIONS.contains(&d.as_str()) {
                errs.push(format!(
                    "cases[{i}].disposition: \"{d}\" is not one of {}",
                    super::fields::DISPOSITIONS.join(", ")
                ));
            }
        }
    }
    errs
}

/// Screens every case of an input. Call [`validate`] first; invalid dates read as unknown here.
pub fn screen(rules: &Rules, input: &Input, date: Date) -> Screening {
    let cases = input.cases.iter().map(|c| screen_case(rules, &input.person, &input.cases, c, date)).collect();
    Screening {
        disclaimer: super::report::DISCLAIMER,
        date,
        rules_version: rules_version(rules, date),
        cases,
        flags: flags(&input.person, &input.cases, date),
    }
}

/// A short fingerprint of the rules in force, and the newest review date, as of `date`.
pub fn rules_version(rules: &Rules, date: Date) -> String {
    RulesVersion::of(rules).at(date)
}

/// The rules' fingerprint and newest review date, computed once for many screenings.
#[derive(Debug, Clone)]
pub struct RulesVersion {
    hash: String,
    newest: String,
}

impl RulesVersion {
    pub fn of(rules: &Rules) -> RulesVersion {
        let mut h = blake3::Hasher::new();
        for (code, (_, text)) in &rules.paths {
            h.update(code.as_bytes());
            h.update(text.as_bytes());
        }
        let newest = rules.by_code.values().map(|j| j.last_reviewed.as_str()).max().unwrap_or("-").to_string();
        RulesVersion { hash: h.finalize().to_hex()[..12].to_string(), newest }
    }

    /// As printed for a screening on `date`. A review later than that date (a screening "as of" an
    /// earlier day) says so: the rules applied are the ones reviewed up to then, not the law as it
    /// stood on the screening date. Never a review date after the screening date without saying so.
    pub fn at(&self, date: Date) -> String {
        let newest = &self.newest;
        let after = Date::strptime("%Y-%m-%d", newest).is_ok_and(|n| n > date);
        if after {
            format!(
                "{} (reviewed up to {newest}, after the screening date {date}: the law as recorded on {newest} is applied, not as it stood on {date})",
                self.hash
            )
        } else {
            format!("{} (reviewed up to {newest})", self.hash)
        }
    }
}

pub fn screen_case(rules: &Rules, person: &Person, all: &[Case], case: &Case, date: Date) -> CaseResult {
    let code = case.jurisdiction.as_deref().map(str::to_ascii_uppercase);
    let Some(j) = code.as_deref().and_then(|c| rules.get(c)) else {
        let note = match &code {
            None => {
                "The state of this case is not known: find it (the criminal record will show it), then screen again."
                    .to_string()
            }
            Some(c) => format!("No relief rules are recorded for \"{c}\"."),
        };
        return CaseResult { case: case.clone(), overall: Outcome::NeedsReview, routes: vec![], notes: vec![note] };
    };
    let mut notes = Vec::new();
    if !j.trafficking_specific {
        notes.push(format!("{} has no trafficking-specific relief recorded here.", j.name));
    }
    if !j.general_relief.trim().is_empty() {
        notes.push(format!("General relief: {}", super::model::one_line(&j.general_relief)));
    }
    if j.routes.is_empty() {
        notes.push(format!("{}: {}", j.name, super::model::one_line(&j.summary)));
        return CaseResult { case: case.clone(), overall: Outcome::NeedsReview, routes: vec![], notes };
    }
    let routes: Vec<RouteResult> = j.routes.iter().map(|r| screen_route(j, r, person, all, case, date)).collect();
    let overall = routes.iter().map(|r| r.outcome).min().unwrap_or(Outcome::NeedsReview);
    CaseResult { case: case.clone(), overall, routes, notes }
}

/// Cross-cutting flags for the attorney.
pub fn flags(person: &Person, cases: &[Case], date: Date) -> Vec<Flag> {
    let mut f = Vec::new();
    match person.citizenship.as_deref() {
        Some(fields::CITIZEN) => {}
        Some(fields::CITIZENSHIP_NOT_SAID) => f.push(Flag { kind: "immigration", text: "Citizenship not disclosed: if the survivor is not a citizen, involve an immigration attorney before filing (the kind of vacatur matters under Matter of Pickering).".into() }),
        _ => f.push(Flag { kind: "immigration", text: "Not a citizen, or unsure: refer to an immigration attorney before filing; whether a vacatur rests on the merits or a legal defect decides its immigration effect (Matter of Pickering).".into() }),
    }
    if let Ok(Some(d)) = pdate(&person.immigration_court_date) {
        let soon = (d.earliest() - date).get_days() <= 14;
        f.push(Flag {
            kind: "urgent",
            text: format!("Immigration court date: {}{}.", d.to_iso(), if soon { " (within two weeks)" } else { "" }),
        });
    }
    if person.urgent_deadline == Some(Tri::Yes) {
        let when = pdate(&person.urgent_deadline_date)
            .ok()
            .flatten()
            .map(|d| format!(" on {}", d.to_iso()))
            .unwrap_or_default();
        f.push(Flag { kind: "urgent", text: format!("A deadline soon (court, job or housing){when}.") });
    }
    if person.pending_charges == Some(Tri::Yes)
        || cases.iter().any(|c| c.disposition.as_deref() == Some(disposition::PENDING))
    {
        f.push(Flag {
            kind: "open_case",
            text: "Open case or warrant: refer to defense counsel; relief generally reaches only closed cases.".into(),
        });
    }
    if cases.iter().any(|c| c.jurisdiction.as_deref().is_some_and(|j| j.eq_ignore_ascii_case("US"))) {
        f.push(Flag {
            kind: "federal",
            text: "A federal case: relief under 18 U.S.C. § 3771A (Trafficking Survivors Relief Act, 2026) may apply."
                .into(),
        });
    }
    if cases
        .iter()
        .any(|c| c.age_at_offense.is_some_and(|a| a < 18) || c.disposition.as_deref() == Some(disposition::JUVENILE))
    {
        f.push(Flag {
            kind: "minor",
            text: "An offense committed as a minor: juvenile records and minor-specific relief may apply.".into(),
        });
    }
    if person.trafficking_ongoing == Some(Tri::Yes) {
        f.push(Flag { kind: "safety", text: "The survivor said someone may still be controlling them: contact only as they chose, and plan for safety first.".into() });
    }
    f
}

#[cfg(test)]
mod golden;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::model::{check, one_line, Jurisdiction};
    use std::path::Path;

    const RULE: &str = r#"
schema = 1
jurisdiction = "NY"
name = "Unit"
status = "verified"
last_reviewed = "2026-12-03"
trafficking_specific = true
summary = "unit"

[[route]]
id = "vacatur"
remedy = "vacatur"
status = "verified"
title = "Unit vacatur"
effect = "Vacated."
citation = "Unit § 1"
records = ["conviction"]
fact_source = "S1"
confidence = "high"
excerpt = "unit"
attorney_notes = """
  One note
  on two lines.
  """

  [route.offenses]
  scope = "any"
  source = "S1"
  confidence = "high"
  excerpt = "unit"

  [route.nexus]
  standard = "result of"
  source = "S1"
  confidence = "high"
  excerpt = "unit"

  [route.timing]
  kind = "any_time"
  source = "S1"
  confidence = "high"
  excerpt = "unit"

  [route.gatekeepers]
  prosecutor = "consent_required"
  consent_refused = "REFUSED"
  source = "S1"
  confidence = "high"
  excerpt = "unit"

  [route.disqualifiers]
BARS
  source = "S1"
  confidence = "high"
  notes = "read in full"

[[source]]
id = "S1"
title = "Unit"
kind = "statute"
read_on = "2026-12-03"
"#;

    fn rule(bars: &str, refused: &str) -> Jurisdiction {
        toml::from_str(&RULE.replace("BARS", bars).replace("REFUSED", refused)).unwrap()
    }

    fn errors(j: &Jurisdiction) -> Vec<String> {
        check(Path::new("NY.toml"), "", j).into_iter().filter(|d| d.code == "bars").map(|d| d.message).collect()
    }

    fn run(j: &Jurisdiction, person: Person, case: Case) -> RouteResult {
        let case = Case {
            category: Some("prostitution".into()),
            level: Some("misdemeanor".into()),
            disposition: Some("conviction".into()),
            nexus: Some(Tri::Yes),
            ..case
        };
        screen_route(j, &j.routes[0], &person, std::slice::from_ref(&case), &case, Date::constant(2026, 12, 3))
    }

    const NONE: &str = "  none = true\n  read_in_full = true\n  read_on = \"2026-12-03\"";

    #[test]
    fn a_route_states_its_bars_explicitly() {
        assert!(errors(&rule(NONE, "")).is_empty());
        assert!(errors(&rule("  unknown = true", "")).is_empty());
        assert!(errors(&rule("  pending_charges = true", "")).is_empty());
        let e = errors(&rule("", ""));
        assert!(e[0].contains("states no bar, and neither none = true nor unknown = true"), "{e:?}");
        let e = errors(&rule("  none = true\n  read_on = \"2026-12-03\"", ""));
        assert!(e[0].contains("needs read_in_full"), "{e:?}");
        let e = errors(&rule(&format!("{NONE}\n  once_only = true"), ""));
        assert!(e[0].contains("yet a bar is set"), "{e:?}");
        let mut j = rule(NONE, "");
        j.routes[0].disqualifiers = None;
        let e = errors(&j);
        assert!(e[0].contains("has no [route.disqualifiers]"), "{e:?}");
        // A refusal's meaning on a route that needs no consent would be ignored: refused.
        let mut j = rule(NONE, "final");
        if let Some(g) = j.routes[0].gatekeepers.as_mut() {
            g.prosecutor = "notice".into();
        }
        let d = check(Path::new("NY.toml"), "", &j);
        assert!(d.iter().any(|d| d.message.contains("consent_refused goes with prosecutor")), "{d:?}");
    }

    #[test]
    fn facts_a_court_weighs_are_to_check_never_outcomes() {
        let j = rule(NONE, "");
        let consent = Person { prosecutor_consent: Some(Consent::Yes), ..Person::default() };
        let lost = Case { defense_at_trial: Some(Tri::Yes), prior_relief: Some(Tri::No), ..Case::default() };
        let r = run(&j, consent.clone(), lost);
        assert_eq!(r.outcome, Outcome::LikelyEligible, "{r:?}");
        assert_eq!(r.to_check.len(), 1);
        assert!(r.to_check[0].contains("raised at trial and lost: the statute states no bar on it"));
        let r = run(&j, consent.clone(), Case::default());
        assert_eq!(r.to_check.len(), 2, "{r:?}");
        // Bars not checked: review, for that reason.
        let r = run(&rule("  unknown = true", ""), consent, Case::default());
        assert_eq!(r.outcome, Outcome::NeedsReview);
        assert!(r.reasons.iter().any(|x| x.starts_with("What bars this route was not checked")), "{r:?}");
    }

    #[test]
    fn a_refusal_follows_the_statute() {
        let refused = Person { prosecutor_consent: Some(Consent::Refused), ..Person::default() };
        let said = Case { defense_at_trial: Some(Tri::No), prior_relief: Some(Tri::No), ..Case::default() };
        assert_eq!(run(&rule(NONE, "final"), refused.clone(), said.clone()).outcome, Outcome::NotCovered);
        let r = run(&rule(NONE, "may_grant_later"), refused.clone(), said.clone());
        assert_eq!(r.outcome, Outcome::NeedsReview);
        assert!(r.reasons[0].contains("can still grant later"), "{r:?}");
        let not_yet = Person { prosecutor_consent: Some(Consent::No), ..Person::default() };
        let r = run(&rule(NONE, "final"), not_yet, said);
        assert_eq!(r.outcome, Outcome::NeedsReview, "not yet asked is not a refusal");
    }

    #[test]
    fn notes_on_one_line_and_the_review_date_against_the_screening_date() {
        let j = rule(NONE, "");
        assert_eq!(j.routes[0].all_notes(), vec!["One note on two lines.".to_string()]);
        assert_eq!(one_line("a\n   b \\\n c"), "a b \\ c");
        let rules = Rules { by_code: [("NY".to_string(), j)].into_iter().collect(), ..Rules::default() };
        let v = RulesVersion::of(&rules);
        assert!(v.at(Date::constant(2026, 12, 3)).ends_with("(reviewed up to 2026-12-03)"));
        let before = v.at(Date::constant(2026, 1, 15));
        assert!(before.contains("reviewed up to 2026-12-03, after the screening date 2026-01-15"), "{before}");
    }
}
