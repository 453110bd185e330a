//! The rules files (`rules/XX.toml`) as data, their loader, and `rules check`.
//!
//! The format is documented for its editors in `rules/README.md`. Loading is lenient where
//! editors reasonably differ (where `documents` and `attorney_notes` sit) and strict where a
//! mistake would change a screening (unknown keys, categories, statuses, dates).

use crate::data::Tree;
use crate::diag::Diagnostic;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Verified,
    Partial,
    Unverified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    High,
    Medium,
    Low,
}

/// Provenance of one fact section, and the keys editors may put in any section (they belong to
/// the route and are collected on load).
#[derive(Debug, Clone, Copy)]
pub struct Fact<'a> {
    pub source: &'a str,
    pub confidence: Option<Confidence>,
    pub excerpt: &'a str,
    pub documents: &'a [String],
    pub attorney_notes: &'a str,
    /// The section's own notes (where it has them): an absence read in the text ("no time
    /// limit appears in subsections (a)-(e)") cannot be quoted, only described.
    pub notes: &'a str,
}

/// Each fact section's provenance; `notes` where the section has them.
macro_rules! fact_section {
    ($t:ty) => {
        fact_section!($t, |_: &$t| "");
    };
    ($t:ty, notes) => {
        fact_section!($t, |x: &$t| x.notes.as_str());
    };
    ($t:ty, $notes:expr) => {
        impl $t {
            pub fn fact(&self) -> Fact<'_> {
                let notes: fn(&$t) -> &str = $notes;
                Fact {
                    source: &self.source,
                    confidence: self.confidence,
                    excerpt: &self.excerpt,
                    documents: &self.documents,
                    attorney_notes: &self.attorney_notes,
                    notes: notes(self),
                }
            }
        }
    };
}
fact_section!(Offenses);
fact_section!(Felonies, notes);
fact_section!(Nexus);
fact_section!(Timing, notes);
fact_section!(Gatekeepers);
fact_section!(Disqualifiers, notes);
fact_section!(Proof, notes);

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jurisdiction {
    pub schema: u32,
    pub jurisdiction: String,
    pub name: String,
    pub status: Status,
    pub last_reviewed: String,
    pub trafficking_specific: bool,
    pub summary: String,
    #[serde(default)]
    pub general_relief: String,
    #[serde(default, rename = "route")]
    pub routes: Vec<Route>,
    #[serde(default, rename = "source")]
    pub sources: Vec<Source>,
    #[serde(default, rename = "example")]
    pub examples: Vec<Example>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub url: String,
    pub kind: String,
    pub read_on: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    pub id: String,
    pub remedy: String,
    pub status: Status,
    pub title: String,
    pub effect: String,
    #[serde(default)]
    pub basis: String,
    pub citation: String,
    #[serde(default)]
    pub effective: String,
    #[serde(default)]
    pub records: Vec<String>,
    #[serde(default)]
    pub fact_source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
    pub offenses: Option<Offenses>,
    pub felonies: Option<Felonies>,
    pub nexus: Option<Nexus>,
    pub timing: Option<Timing>,
    pub gatekeepers: Option<Gatekeepers>,
    pub disqualifiers: Option<Disqualifiers>,
    pub proof: Option<Proof>,
}

/// Which offenses a route covers. A value not listed here fails the file's loading, at its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    /// Every offense (less `exclude`).
    Any,
    /// Only the `include` categories (or the statutes in `statutes_included`).
    List,
    /// Nonviolent offenses, as the statute defines them (`definition`).
    Nonviolent,
    /// Only with a prior conviction in one of the `prior` categories.
    RequiresPrior,
}

/// When a petition may be filed. A value not listed here fails the file's loading, at its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimingKind {
    AnyTime,
    /// Filed with due diligence: no fixed number of days.
    DueDiligence,
    /// Not before `wait_days` from `wait_from`.
    Wait,
    /// Within `deadline_days` of `deadline_from`.
    Deadline,
    /// The text was read and says nothing settled.
    Unknown,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offenses {
    pub scope: Scope,
    #[serde(default)]
    pub include: Vec<String>,
    #[serde(default)]
    pub exclude: Vec<String>,
    #[serde(default)]
    pub prior: Vec<String>,
    #[serde(default)]
    pub statutes_included: Vec<String>,
    #[serde(default)]
    pub statutes_excluded: Vec<String>,
    #[serde(default)]
    pub definition: String,
    #[serde(default)]
    pub max_age_at_offense: u32,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Felonies {
    pub covered: String,
    #[serde(default)]
    pub classes: Vec<String>,
    /// With `covered = "some"`: the offense categories whose felony forms the route reaches
    /// (a route may list theft and drug possession but reach only felony drug possession).
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default = "yes")]
    pub misdemeanors: bool,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
}

fn yes() -> bool {
    true
}

fn required() -> bool {
    true
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Nexus {
    pub standard: String,
    /// Whether the person must connect the offense to being trafficked. `false` for routes that
    /// reach offenses whatever their cause (e.g. a general sealing route listed for survivors).
    #[serde(default = "required")]
    pub required: bool,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Timing {
    pub kind: TimingKind,
    #[serde(default)]
    pub wait_days: i64,
    #[serde(default)]
    pub wait_from: String,
    #[serde(default)]
    pub deadline_days: i64,
    #[serde(default)]
    pub deadline_from: String,
    #[serde(default)]
    pub sentence_must_be_complete: bool,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gatekeepers {
    #[serde(default)]
    pub prosecutor: String,
    #[serde(default)]
    pub prosecutor_days: i64,
    /// Where the prosecutor's consent or certification is required, what a refusal means under the
    /// statute: `final` (it bars the route), `may_grant_later` (a precondition the prosecutor can
    /// still grant later), or empty (not recorded: the attorney checks it).
    #[serde(default)]
    pub consent_refused: String,
    #[serde(default)]
    pub hearing: String,
    /// What the fields cannot say (e.g. a hearing only if the prosecutor objects; the statute is
    /// silent on notice).
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Disqualifiers {
    #[serde(default)]
    pub later_convictions: bool,
    /// Only a conviction within this many years after the one to be relieved bars the route (and,
    /// like the route itself, only one in the same jurisdiction); unset: any later conviction.
    #[serde(default)]
    pub later_convictions_within_years: Option<u32>,
    /// The text leaves open whether a later conviction bars the route (e.g. conditions of another
    /// chapter that may or may not apply): a later conviction, or not knowing, gives needs_review.
    #[serde(default)]
    pub later_convictions_may_bar: bool,
    #[serde(default)]
    pub pending_charges: bool,
    #[serde(default)]
    pub defense_lost_at_trial: bool,
    #[serde(default)]
    pub once_only: bool,
    /// A bar the fields above cannot express, described in `notes`: the screening lists the notes
    /// for the attorney to check.
    #[serde(default)]
    pub other: bool,
    /// The statute states no bar: its operative text was read in full (`read_in_full`) on
    /// `read_on`, in `source`. Never inferred from a missing section.
    #[serde(default)]
    pub none: bool,
    #[serde(default)]
    pub read_in_full: bool,
    #[serde(default)]
    pub read_on: String,
    /// What bars the route was not checked in the statute text: the screening answers
    /// `needs_review` for that reason.
    #[serde(default)]
    pub unknown: bool,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proof {
    #[serde(default)]
    pub burden: String,
    #[serde(default)]
    pub documentation: String,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub confidence: Option<Confidence>,
    #[serde(default)]
    pub excerpt: String,
    #[serde(default)]
    pub documents: Vec<String>,
    #[serde(default)]
    pub attorney_notes: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Example {
    pub name: String,
    pub source: String,
    pub date: String,
    pub route: String,
    pub expect: String,
    pub case: toml::Table,
}

/// Every jurisdiction, by code.
#[derive(Debug, Clone, Default)]
pub struct Rules {
    pub by_code: BTreeMap<String, Jurisdiction>,
    /// Where each came from, for diagnostics.
    pub paths: BTreeMap<String, (PathBuf, String)>,
}

pub const REMEDIES: &[&str] =
    &["vacatur", "expungement", "sealing", "set_aside", "nondisclosure", "arrest_expungement", "sentence_reduction"];
pub const FROM: &[&str] = &["", "judgment", "sentence_completion", "trafficking_end", "dismissal", "arrest", "offense"];
pub const RECORDS: &[&str] = &["conviction", "arrest", "juvenile"];
pub const OUTCOMES: &[&str] = &["likely_eligible", "not_yet_eligible", "needs_review", "not_covered"];

pub const CONSENT_REFUSED: &[&str] = &["", "final", "may_grant_later"];

/// Text from a rules file on one line: a multi-line TOML string (indented continuation lines,
/// `\\` line ends) without its runs of spaces and line breaks.
pub fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl Disqualifiers {
    /// Whether the section states a bar (rather than none, or not knowing).
    pub fn states_a_bar(&self) -> bool {
        self.later_convictions
            || self.later_convictions_may_bar
            || self.pending_charges
            || self.defense_lost_at_trial
            || self.once_only
            || self.other
    }
}

impl Route {
    /// `documents` and `attorney_notes` wherever the editor put them.
    pub fn all_documents(&self) -> Vec<String> {
        let mut d = self.documents.clone();
        for (_, f) in self.facts() {
            for doc in f.documents {
                if !d.contains(doc) {
                    d.push(doc.clone());
                }
            }
        }
        d
    }

    pub fn all_notes(&self) -> Vec<String> {
        let mut n: Vec<String> = Some(one_line(&self.attorney_notes)).filter(|s| !s.is_empty()).into_iter().collect();
        for (_, f) in self.facts() {
            let t = one_line(f.attorney_notes);
            if !t.is_empty() && !n.contains(&t) {
                n.push(t);
            }
        }
        n
    }

    /// Each fact section present: (name, provenance).
    pub fn facts(&self) -> Vec<(&'static str, Fact<'_>)> {
        let mut v = Vec::new();
        if let Some(x) = &self.offenses {
            v.push(("offenses", x.fact()));
        }
        if let Some(x) = &self.felonies {
            v.push(("felonies", x.fact()));
        }
        if let Some(x) = &self.nexus {
            v.push(("nexus", x.fact()));
        }
        if let Some(x) = &self.timing {
            v.push(("timing", x.fact()));
        }
        if let Some(x) = &self.gatekeepers {
            v.push(("gatekeepers", x.fact()));
        }
        if let Some(x) = &self.disqualifiers {
            v.push(("disqualifiers", x.fact()));
        }
        if let Some(x) = &self.proof {
            v.push(("proof", x.fact()));
        }
        v
    }
}

impl Rules {
    /// Loads every `XX.toml` in the tree. Returns what loaded and every problem found.
    pub fn load(tree: &Tree) -> (Rules, Vec<Diagnostic>) {
        let mut rules = Rules::default();
        let mut diags = Vec::new();
        let files = match tree.files("", "toml") {
            Ok(f) => f,
            Err(e) => {
                diags.push(Diagnostic::error(
                    &tree.display_path(Path::new("")),
                    (1, 1),
                    "io",
                    format!("cannot read the rules directory: {e}"),
                ));
                return (rules, diags);
            }
        };
        for (rel, text) in files {
            let path = tree.display_path(&rel);
            match toml::from_str::<Jurisdiction>(&text) {
                Ok(j) => {
                    let code = j.jurisdiction.clone();
                    let stem = rel.file_stem().and_then(|s| s.to_str()).unwrap_or("").to_string();
                    if stem != code {
                        diags.push(err_at(
                            &path,
                            &text,
                            "jurisdiction =",
                            "file-name",
                            format!("the file is {stem}.toml but says jurisdiction = \"{code}\""),
                        ));
                    }
                    diags.extend(check(&path, &text, &j));
                    rules.paths.insert(code.clone(), (path, text));
                    rules.by_code.insert(code, j);
                }
                Err(e) => {
                    let src = crate::flow::Source { text: text.clone(), ..Default::default() };
                    let pos = src.line_col(e.span().map(|s| s.start).unwrap_or(0));
                    diags.push(
                        Diagnostic::error(&path, pos, "syntax", e.message().trim().to_string()).with_source(&text),
                    );
                }
            }
        }
        (rules, diags)
    }

    pub fn get(&self, code: &str) -> Option<&Jurisdiction> {
        self.by_code.get(code)
    }
}

/// A route states its bars explicitly: the bars it has, or `none = true` read in full (with its
/// source and date), or `unknown = true`. A missing section is not "no bars".
fn bars_statement(e: &mut impl FnMut(&str, &'static str, String), at: &str, r: &Route) {
    let Some(d) = &r.disqualifiers else {
        return e(
            at,
            "bars",
            format!("route {} has no [route.disqualifiers]: a missing section is not \"no bars\"", r.id),
        );
    };
    let id = &r.id;
    if d.none && d.unknown {
        e(at, "bars", format!("route {id}: bars are either none or unknown, not both"));
    }
    if d.none && d.states_a_bar() {
        e(at, "bars", format!("route {id}: none = true, yet a bar is set"));
    }
    if d.none {
        if !d.read_in_full {
            e(
                at,
                "bars",
                format!("route {id}: none = true needs read_in_full = true (the operative text read in full)"),
            );
        }
        if !is_date(&d.read_on) {
            e(at, "bars", format!("route {id}: none = true needs read_on, the date the text was read (YYYY-MM-DD)"));
        }
        if d.source.trim().is_empty() {
            e(at, "bars", format!("route {id}: none = true needs the source the text was read in"));
        }
    } else if !d.read_on.is_empty() && !is_date(&d.read_on) {
        e(at, "date", format!("route {id}: disqualifiers read_on \"{}\" is not a date (YYYY-MM-DD)", d.read_on));
    }
    if !d.none && !d.unknown && !d.states_a_bar() {
        e(
            at,
            "bars",
            format!("route {id}: [route.disqualifiers] states no bar, and neither none = true nor unknown = true"),
        );
    }
    if d.other && d.notes.trim().is_empty() {
        e(at, "bars", format!("route {id}: other = true needs notes describing the bar"));
    }
}

/// A diagnostic at the first line containing `needle` (or the top of the file).
fn err_at(path: &Path, text: &str, needle: &str, code: &'static str, msg: String) -> Diagnostic {
    let line = text.lines().position(|l| l.contains(needle)).map(|i| i + 1).unwrap_or(1);
    let col = text.lines().nth(line - 1).and_then(|l| l.find(needle)).map(|c| c + 1).unwrap_or(1);
    Diagnostic::error(path, (line, col), code, msg).with_source(text)
}

fn is_date(s: &str) -> bool {
    jiff::civil::Date::strptime("%Y-%m-%d", s).is_ok()
}

/// Semantic checks of one file; every problem at once.
pub fn check(path: &Path, text: &str, j: &Jurisdiction) -> Vec<Diagnostic> {
    let mut d = Vec::new();
    let subject = format!("{} ({})", j.jurisdiction, j.name);
    let mut e = |needle: &str, code: &'static str, msg: String| {
        d.push(err_at(path, text, needle, code, msg).about(subject.clone()))
    };
    if j.schema != 1 {
        e("schema", "schema", format!("schema {} is not known (use 1)", j.schema));
    }
    if !crate::jurisdiction::is_code(&j.jurisdiction) {
        e("jurisdiction =", "jurisdiction", format!("\"{}\" is not a USPS code (or US)", j.jurisdiction));
    }
    if !is_date(&j.last_reviewed) {
        e("last_reviewed", "date", format!("last_reviewed \"{}\" is not a date (YYYY-MM-DD)", j.last_reviewed));
    }
    let source_ids: Vec<&str> = j.sources.iter().map(|s| s.id.as_str()).collect();
    for s in &j.sources {
        if !is_date(&s.read_on) {
            e(
                &format!("id = \"{}\"", s.id),
                "date",
                format!("source {}: read_on \"{}\" is not a date (YYYY-MM-DD)", s.id, s.read_on),
            );
        }
    }
    if j.status == Status::Verified && j.routes.iter().any(|r| r.status != Status::Verified) {
        e("status", "status", "status is verified, but a route is not: use \"partial\"".into());
    }
    if j.status != Status::Unverified && !j.routes.iter().any(|r| r.status == Status::Verified) {
        e(
            "status",
            "status",
            format!("status is {:?}, but no route is verified: use \"unverified\"", j.status).to_lowercase(),
        );
    }
    if j.routes.is_empty() && j.trafficking_specific {
        e("trafficking_specific", "routes", "no [[route]], yet trafficking_specific = true".into());
    }
    let mut route_ids = Vec::new();
    for r in &j.routes {
        let at = format!("id = \"{}\"", r.id);
        if route_ids.contains(&r.id) {
            e(&at, "duplicate-id", format!("route \"{}\" appears twice", r.id));
        }
        route_ids.push(r.id.clone());
        if !REMEDIES.contains(&r.remedy.as_str()) {
            e(&at, "remedy", format!("route {}: remedy \"{}\" is not one of {}", r.id, r.remedy, REMEDIES.join(", ")));
        }
        if r.citation.trim().is_empty() {
            e(&at, "citation", format!("route {}: every route needs its citation", r.id));
        }
        if !r.effective.is_empty() && !is_date(&r.effective) {
            e(&at, "date", format!("route {}: effective \"{}\" is not a date (YYYY-MM-DD)", r.id, r.effective));
        }
        for rec in &r.records {
            if !RECORDS.contains(&rec.as_str()) {
                e(&at, "records", format!("route {}: records \"{rec}\" is not one of {}", r.id, RECORDS.join(", ")));
            }
        }
        if !r.fact_source.is_empty() && !source_ids.contains(&r.fact_source.as_str()) {
            e(&at, "source", format!("route {}: fact_source \"{}\" is not a [[source]] id", r.id, r.fact_source));
        }
        if r.status == Status::Verified {
            if r.excerpt.trim().is_empty() {
                e(
                    &at,
                    "excerpt",
                    format!("route {} is verified, so it needs an excerpt of the text it rests on", r.id),
                );
            }
            if r.confidence != Some(Confidence::High) {
                e(&at, "confidence", format!("route {} is verified, so its citation must be high confidence", r.id));
            }
            if r.offenses.is_none() {
                e(&at, "offenses", format!("route {} is verified but says nothing of the offenses it covers", r.id));
            }
        }
        for (name, f) in r.facts() {
            if !f.source.is_empty() && !source_ids.contains(&f.source) {
                e(&at, "source", format!("route {}, {name}: source \"{}\" is not a [[source]] id", r.id, f.source));
            }
            if f.source.is_empty() {
                e(&at, "source", format!("route {}, {name}: every fact names its source", r.id));
            }
            if f.confidence == Some(Confidence::High) && f.excerpt.trim().is_empty() && f.notes.trim().is_empty() {
                e(&at, "excerpt", format!("route {}, {name}: high confidence needs an excerpt of the text (or, for something the text does not say, notes saying what was read)", r.id));
            }
        }
        if let Some(o) = &r.offenses {
            for c in o.include.iter().chain(&o.exclude).chain(&o.prior) {
                if !super::category::is_category(c) {
                    e(
                        &format!("\"{c}\""),
                        "category",
                        format!("route {}: \"{c}\" is not an offense category (see rules/README.md)", r.id),
                    );
                }
            }
            if o.scope == Scope::List && o.include.is_empty() && o.statutes_included.is_empty() {
                e(&at, "scope", format!("route {}: scope = \"list\" needs `include` categories", r.id));
            }
        }
        if let Some(t) = &r.timing {
            if !FROM.contains(&t.wait_from.as_str()) || !FROM.contains(&t.deadline_from.as_str()) {
                e(
                    &at,
                    "timing",
                    format!(
                        "route {}: wait_from/deadline_from must be one of {}",
                        r.id,
                        FROM.get(1..).unwrap_or_default().join(", ")
                    ),
                );
            }
            if t.kind == TimingKind::Wait && (t.wait_days <= 0 || t.wait_from.is_empty()) {
                e(&at, "timing", format!("route {}: a wait needs wait_days and wait_from", r.id));
            }
            if t.kind == TimingKind::Deadline && (t.deadline_days <= 0 || t.deadline_from.is_empty()) {
                e(&at, "timing", format!("route {}: a deadline needs deadline_days and deadline_from", r.id));
            }
        }
        if let Some(f) = &r.felonies {
            if !["all", "none", "some", "unknown"].contains(&f.covered.as_str()) {
                e(
                    &at,
                    "felonies",
                    format!("route {}: covered \"{}\" is not all, none, some or unknown", r.id, f.covered),
                );
            }
            for c in &f.categories {
                if !super::category::is_category(c) {
                    e(
                        &format!("\"{c}\""),
                        "category",
                        format!("route {}: \"{c}\" is not an offense category (see rules/README.md)", r.id),
                    );
                }
            }
            if !f.categories.is_empty() && f.covered != "some" {
                e(&at, "felonies", format!("route {}: felony `categories` go with covered = \"some\"", r.id));
            }
        }
        bars_statement(&mut e, &at, r);
        if let Some(g) = &r.gatekeepers {
            if !CONSENT_REFUSED.contains(&g.consent_refused.as_str()) {
                e(
                    &at,
                    "gatekeepers",
                    format!(
                        "route {}: consent_refused \"{}\" is not final or may_grant_later",
                        r.id, g.consent_refused
                    ),
                );
            }
            // Set on a route that needs no consent, it would be silently ignored.
            let needs_consent = ["consent_required", "certification_required"].contains(&g.prosecutor.as_str());
            if !g.consent_refused.is_empty() && !needs_consent {
                e(
                    &at,
                    "gatekeepers",
                    format!(
                        "route {}: consent_refused goes with prosecutor = \"consent_required\" or \"certification_required\"",
                        r.id
                    ),
                );
            }
        }
        if let Some(d) = &r.disqualifiers {
            // Either refines a bar on later convictions; set the wrong way, it would be ignored.
            if d.later_convictions_within_years.is_some() && !d.later_convictions {
                e(
                    &at,
                    "disqualifiers",
                    format!("route {}: later_convictions_within_years goes with later_convictions = true", r.id),
                );
            }
            if d.later_convictions_may_bar && d.later_convictions {
                e(
                    &at,
                    "disqualifiers",
                    format!("route {}: later_convictions_may_bar is for a route without a firm bar (later_convictions = false)", r.id),
                );
            }
        }
    }
    for ex in &j.examples {
        let at = format!("name = \"{}\"", ex.name);
        if !route_ids.contains(&ex.route) {
            e(&at, "example", format!("example \"{}\" checks route \"{}\", which does not exist", ex.name, ex.route));
        }
        if !OUTCOMES.contains(&ex.expect.as_str()) {
            e(
                &at,
                "example",
                format!("example \"{}\": expect \"{}\" is not one of {}", ex.name, ex.expect, OUTCOMES.join(", ")),
            );
        }
        if !is_date(&ex.date) {
            e(&at, "date", format!("example \"{}\": date \"{}\" is not a date (YYYY-MM-DD)", ex.name, ex.date));
        }
        if !ex.source.is_empty() && !source_ids.contains(&ex.source.as_str()) {
            e(&at, "source", format!("example \"{}\": source \"{}\" is not a [[source]] id", ex.name, ex.source));
        }
    }
    for r in j.routes.iter().filter(|r| r.status == Status::Verified) {
        let n = j.examples.iter().filter(|x| x.route == r.id).count();
        if n < 2 {
            e(
                &format!("id = \"{}\"", r.id),
                "examples",
                format!("verified route {} needs at least two [[example]]s (one in scope, one not)", r.id),
            );
        }
    }
    d
}
