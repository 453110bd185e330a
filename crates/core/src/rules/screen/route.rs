//! One remedy route against one case: the statute's questions asked in order, each a step
//! below that adds its findings to an [`Eval`]. The worst finding decides the outcome; every
//! finding keeps its reason, and what the attorney still has to show becomes a condition.

use super::{pdate, Case, Consent, Documentation, Outcome, Person, RouteResult, Tri};
use crate::engine::answer::PartialDate;
use crate::rules::category;
use crate::rules::fields::{disposition, level};
use crate::rules::model::{
    one_line, Confidence, Disqualifiers, Fact, Jurisdiction, Offenses, Route, Scope, Status, Timing, TimingKind,
};
use jiff::civil::Date;

/// Screens one case against one route. Each step answers one question the statute asks; the
/// order is the order of the reasons in the result.
pub fn screen_route(
    j: &Jurisdiction,
    r: &Route,
    person: &Person,
    all: &[Case],
    case: &Case,
    date: Date,
) -> RouteResult {
    let mut e = Eval {
        outcome: Outcome::LikelyEligible,
        reasons: Vec::new(),
        conditions: Vec::new(),
        to_check: Vec::new(),
        eligible_from: None,
    };
    rule_standing(&mut e, j, r, case);
    records(&mut e, r, case);
    offenses(&mut e, j, r, all, case);
    felony_level(&mut e, r, case);
    nexus(&mut e, r, case);
    timing(&mut e, r, person, case, date);
    disqualifiers(&mut e, j, r, person, all, case);
    gatekeepers(&mut e, r, person);
    proof(&mut e, r, person);
    result(j, r, e)
}

/// Accumulates a route's outcome: the worst finding wins (not_covered > not_yet > review).
struct Eval {
    outcome: Outcome,
    reasons: Vec<String>,
    conditions: Vec<String>,
    /// Facts that commonly matter to a court but are not conditions the statute states: for the
    /// attorney to check, never an outcome.
    to_check: Vec<String>,
    eligible_from: Option<(Date, Date)>,
}

impl Eval {
    /// A finding with its reason; the outcome becomes `o` if that is worse.
    fn worse(&mut self, o: Outcome, reason: impl Into<String>) {
        if o > self.outcome {
            self.outcome = o;
        }
        self.reasons.push(reason.into());
    }
    fn review(&mut self, reason: impl Into<String>) {
        self.worse(Outcome::NeedsReview, reason)
    }
    fn no(&mut self, reason: impl Into<String>) {
        self.worse(Outcome::NotCovered, reason)
    }
    /// Something the attorney must still show for relief (once, however many steps ask it).
    fn show(&mut self, condition: impl Into<String>) {
        let c = condition.into();
        if !self.conditions.contains(&c) {
            self.conditions.push(c);
        }
    }
    /// Something for the attorney to check that the statute does not make a condition.
    fn check(&mut self, what: impl Into<String>) {
        let c = what.into();
        if !self.to_check.contains(&c) {
            self.to_check.push(c);
        }
    }
}

/// The kind of record a disposition leaves, in the words rules use for `records`; `None` where
/// how the case ended is not known (or it has not ended).
fn record_kind(disposition: Option<&str>) -> Option<&'static str> {
    match disposition {
        Some(disposition::CONVICTION | disposition::DEFERRED) => Some("conviction"),
        Some(disposition::ARREST_ONLY | disposition::DISMISSED) => Some("arrest"),
        Some(disposition::JUVENILE) => Some("juvenile"),
        _ => None,
    }
}

/// Whether the survivor's answers make the offense violent (violence, a weapon or an injury),
/// not violent (no violence and no injury), or leave it open.
fn violent_facts(case: &Case) -> Option<bool> {
    let facts = [case.violence, case.weapon, case.injury];
    if facts.contains(&Some(Tri::Yes)) {
        Some(true)
    } else if facts.iter().all(|f| *f == Some(Tri::No))
        || (case.violence == Some(Tri::No) && case.injury == Some(Tri::No))
    {
        Some(false)
    } else {
        None
    }
}

/// A fact not confirmed in current statute text (read in a secondary source, or in statute text
/// that may have been amended since). It counts where it can change this case's outcome;
/// elsewhere it becomes something for the attorney to confirm.
fn unconfirmed(f: Option<Fact<'_>>) -> bool {
    f.is_some_and(|f| f.confidence != Some(Confidence::High))
}

/// What the rule file records about a fact below high confidence, in words that say exactly that:
/// read only in a secondary source, or read in primary text and recorded lower (with the notes
/// that say why). Completes "Which offenses this route covers ...".
fn why_unconfirmed(j: &Jurisdiction, f: Fact<'_>) -> String {
    let conf = match f.confidence {
        Some(Confidence::High) => "high",
        Some(Confidence::Medium) => "medium",
        Some(Confidence::Low) => "low",
        None => "no",
    };
    let source = j.sources.iter().find(|s| s.id == f.source);
    let title = source.map(|s| format!("{} ({})", s.title, s.id)).unwrap_or_else(|| f.source.to_string());
    let notes = one_line(f.notes).trim_end_matches('.').to_string();
    let because = if notes.is_empty() { String::new() } else { format!("; the rule says: {notes}") };
    match source {
        Some(s) if s.kind != "secondary" && !f.excerpt.trim().is_empty() => {
            format!("was read in {title} but is recorded at {conf} confidence{because}")
        }
        Some(s) if s.kind != "secondary" => {
            format!("is recorded from {title} at {conf} confidence, with no excerpt of the text{because}")
        }
        _ => format!("was read only in a secondary source ({title}), not confirmed in current statute text{because}"),
    }
}

/// Can the rule itself be relied on: is it verified against the statute text, and is each of its
/// facts that matters for this case confirmed in current statute text?
fn rule_standing(e: &mut Eval, j: &Jurisdiction, r: &Route, case: &Case) {
    if r.status != Status::Verified {
        e.review("This rule has not been verified against the statute text: check it before relying on it.");
    }
    if let Some(Confidence::Medium | Confidence::Low) = r.confidence {
        e.review("The citation was not confirmed in current statute text (see the rule's notes).");
    }
    if r.status == Status::Verified {
        let low = |f: Option<Fact<'_>>| f.filter(|f| unconfirmed(Some(*f))).map(|f| why_unconfirmed(j, f));
        if let Some(why) = low(r.offenses.as_ref().map(|x| x.fact())) {
            e.review(format!("Which offenses this route covers {why}."));
        }
        if let Some(why) = low(r.nexus.as_ref().map(|x| x.fact())) {
            e.review(format!("The required connection to the trafficking {why}."));
        }
        let felony_or_unknown = !matches!(case.level.as_deref(), Some(level::MISDEMEANOR | level::VIOLATION));
        if let Some(why) = low(r.felonies.as_ref().map(|x| x.fact())).filter(|_| felony_or_unknown) {
            e.review(format!("Which felonies this route covers {why}."));
        }
        if let Some(t) = &r.timing {
            if let Some(why) = low(Some(t.fact())) {
                if matches!(t.kind, TimingKind::AnyTime | TimingKind::DueDiligence) {
                    e.show(format!("confirmation that no time limit applies (the timing {why})"));
                } else {
                    e.review(format!("The time limits {why}."));
                }
            }
        }
        // (Bars recorded as not checked have their own reason, in `disqualifiers`.)
        // (Where the bars are in the notes, `other`, the notes are listed under "To check" once.)
        let dq = r.disqualifiers.as_ref().filter(|d| !d.unknown).map(|d| {
            let f = d.fact();
            if d.other {
                Fact { notes: "", ..f }
            } else {
                f
            }
        });
        if let Some(why) = low(dq) {
            e.show(format!("confirmation of what bars relief (this {why})"));
        }
    }
}

/// Which records does the route reach: convictions, arrests, juvenile records; and has the case
/// ended at all?
fn records(e: &mut Eval, r: &Route, case: &Case) {
    match (case.disposition.as_deref(), record_kind(case.disposition.as_deref())) {
        (Some(disposition::PENDING), _) => {
            e.no("The case is still open: relief reaches cases that have ended (refer to defense counsel).")
        }
        (_, None) => e.review("How the case ended is not known."),
        (_, Some(kind)) if !r.records.is_empty() && !r.records.iter().any(|x| x == kind) => {
            e.no(format!("This route reaches {} records, not {kind} records.", r.records.join(" and ")))
        }
        _ => {}
    }
}

/// Is the offense within the route's scope: the category, the statutes the route excludes, the
/// age at the offense?
fn offenses(e: &mut Eval, j: &Jurisdiction, r: &Route, all: &[Case], case: &Case) {
    // Where the scope is below high confidence, what the file records about it.
    let confirmed =
        r.offenses.as_ref().map(|x| x.fact()).filter(|f| unconfirmed(Some(*f))).map(|f| why_unconfirmed(j, f));
    match (&r.offenses, case.category.as_deref().filter(|c| *c != category::UNKNOWN)) {
        (None, _) => e.review("The offenses this route covers are not recorded."),
        (Some(_), None) => e.review("The kind of offense is not known."),
        (Some(o), Some(cat)) => {
            offense_scope(e, o, &confirmed, all, case, cat);
            excluded_statutes(e, o, case, cat);
            age_at_offense(e, o, case);
        }
    }
}

/// An offense outside the route's scope. Where the scope itself is below high confidence (`why`
/// says what the file records), that is a question for the attorney, not a firm "not covered".
fn outside(e: &mut Eval, unconfirmed_why: &Option<String>, msg: String) {
    match unconfirmed_why {
        None => e.no(msg),
        Some(why) => e.review(format!("{msg} (The scope {why}: check it.)")),
    }
}

/// Does the route's scope take this category: not excluded, and on its list, nonviolent, or
/// following a prior conviction, as the route says?
fn offense_scope(e: &mut Eval, o: &Offenses, confirmed: &Option<String>, all: &[Case], case: &Case, cat: &str) {
    if o.exclude.iter().any(|x| x == cat) {
        outside(e, confirmed, format!("{} is excluded from this route.", category::describe(cat)));
    } else {
        match o.scope {
            Scope::Any => {}
            Scope::List => {
                if !o.include.iter().any(|x| x == cat) {
                    if o.include.is_empty() || cat == category::OTHER {
                        e.review("Whether this offense is on the statute's list needs checking.");
                    } else {
                        outside(e, confirmed, format!("This route covers only: {}.", o.include.join(", ")));
                    }
                }
            }
            Scope::Nonviolent => {
                let def = if o.definition.is_empty() { String::new() } else { format!(" ({})", o.definition) };
                if category::violent_on_its_face(cat) {
                    outside(e, confirmed, format!("This route covers nonviolent offenses only{def}."));
                } else {
                    match violent_facts(case) {
                        Some(true) => e.review(format!("The charge involved violence, a weapon or an injury; the route covers nonviolent offenses only{def}.")),
                        None => e.review(format!("Whether the offense counts as nonviolent{def} needs checking.")),
                        Some(false) => {}
                    }
                }
            }
            Scope::RequiresPrior => {
                let has_prior = all.iter().any(|c| {
                    c.category.as_deref().is_some_and(|pc| o.prior.iter().any(|x| x == pc))
                        && record_kind(c.disposition.as_deref()) == Some("conviction")
                });
                if !has_prior {
                    e.review(format!(
                        "This route needs a prior conviction for: {}; none was reported.",
                        o.prior.join(", ")
                    ));
                }
            }
        }
    }
}

/// Is the offense one of the statutes the route excludes? Exclusions name statutes, finer than
/// the intake's categories, so this is asked only if nothing has ruled the route out already.
fn excluded_statutes(e: &mut Eval, o: &Offenses, case: &Case, cat: &str) {
    if !o.statutes_excluded.is_empty() && e.outcome < Outcome::NotCovered {
        let list = o.statutes_excluded.join("; ");
        if category::violent_on_its_face(cat) || violent_facts(case) == Some(true) {
            e.review(format!("Check the statute's exclusion list: {list}."));
        } else {
            // Exclusions are statutes, finer than the intake's categories (a driving
            // offense may or may not be the excluded DUI): the attorney checks the charge.
            e.show(format!("that the offense is not one the statute excludes ({list})"));
        }
    }
}

/// Was the survivor young enough at the offense, for a route limited by age?
fn age_at_offense(e: &mut Eval, o: &Offenses, case: &Case) {
    if o.max_age_at_offense > 0 {
        match case.age_at_offense {
            Some(a) if a > o.max_age_at_offense as i64 => {
                e.no(format!("This route covers offenses committed at {} or younger.", o.max_age_at_offense))
            }
            None => e.review(format!(
                "This route covers offenses committed at {} or younger; the age is not known.",
                o.max_age_at_offense
            )),
            _ => {}
        }
    }
}

/// Does the route reach this level: misdemeanors, felonies, and which felonies (by category or
/// class)?
fn felony_level(e: &mut Eval, r: &Route, case: &Case) {
    let level = case.level.as_deref().filter(|l| *l != level::UNKNOWN);
    match (&r.felonies, level) {
        (Some(f), None)
            if record_kind(case.disposition.as_deref()) == Some("conviction")
                && (f.covered != "all" || !f.misdemeanors) =>
        {
            e.review("Whether it was a misdemeanor or a felony is not known.");
        }
        (Some(f), Some(level::FELONY)) => match f.covered.as_str() {
            "none" => e.no("This route does not reach felonies."),
            // Only some felonies: the rule says which by category (`categories`) or by class. That
            // a route lists this offense does not settle it: a statute may list theft but reach
            // only misdemeanor theft.
            "some" => {
                let cat = case.category.as_deref().unwrap_or(category::UNKNOWN);
                if !f.categories.is_empty() && !f.categories.iter().any(|c| c == cat) {
                    let msg = format!(
                        "At felony level this route reaches only: {}.",
                        f.categories.iter().map(|c| category::describe(c)).collect::<Vec<_>>().join(", ")
                    );
                    if cat == category::UNKNOWN || cat == category::OTHER || unconfirmed(Some(f.fact())) {
                        // (Where the felony scope is below high confidence, the rule's standing
                        // says what the file records.)
                        e.review(msg);
                    } else {
                        e.no(msg);
                    }
                } else if f.classes.is_empty() {
                    if f.categories.is_empty() {
                        // Which ones, in the rule's own words where it has them.
                        let notes = one_line(&f.notes);
                        e.review(if notes.is_empty() {
                            "Only some felonies are covered; the rule does not record which.".to_string()
                        } else if e.reasons.iter().any(|r| r.contains(notes.trim_end_matches('.'))) {
                            "Only the felonies the rule's notes name are covered (quoted above).".to_string()
                        } else {
                            format!("Which felonies are covered, as the rule records it: {notes}")
                        });
                    }
                } else {
                    match &case.felony_class {
                        Some(c) if f.classes.iter().any(|x| x.eq_ignore_ascii_case(c)) => {}
                        Some(c) => e.no(format!(
                            "Felony class {c} is not among the classes covered ({}).",
                            f.classes.join(", ")
                        )),
                        None => e.review(format!("Only some felonies are covered (classes {}).", f.classes.join(", "))),
                    }
                }
            }
            "unknown" => e.review("Whether felonies are covered is not recorded."),
            _ => {}
        },
        (Some(f), Some(_)) if !f.misdemeanors => e.no("This route reaches felonies only."),
        (None, Some(level::FELONY)) => e.review("Whether felonies are covered is not recorded."),
        _ => {}
    }
}

/// Must the offense be connected to the trafficking (unless the route reaches offenses whatever
/// their cause), and did the survivor say it was?
fn nexus(e: &mut Eval, r: &Route, case: &Case) {
    match &r.nexus {
        Some(n) if !n.required => {}
        nexus => {
            match case.nexus {
                Some(Tri::Yes) => {}
                Some(Tri::No) => e.no("The survivor did not connect this offense to being trafficked."),
                _ => e.review("Whether the offense was connected to being trafficked is not settled."),
            }
            match nexus {
                Some(n) => e.show(format!("the required connection to the trafficking: {}", n.standard)),
                None => {
                    e.review("The required connection to the trafficking is not recorded.");
                    e.show("that the offense was connected to being trafficked");
                }
            }
        }
    }
}

/// When may a petition be filed: a completed sentence, a waiting period from a date, a filing
/// deadline, due diligence? A date known only loosely gives a range, and a range across the
/// screening date is for the attorney.
fn timing(e: &mut Eval, r: &Route, person: &Person, case: &Case, date: Date) {
    let Some(t) = &r.timing else {
        return e.review("When a petition may be filed is not recorded.");
    };
    if t.sentence_must_be_complete {
        match case.sentence_completed {
            Some(Tri::Yes) => {}
            Some(Tri::No) => e.worse(Outcome::NotYetEligible, "The sentence must be completed first."),
            _ => e.review("Whether the sentence is completed is not known."),
        }
    }
    match t.kind {
        TimingKind::AnyTime => {}
        TimingKind::DueDiligence => e.show("that the petition is filed with due diligence (reasonably soon after the trafficking ended or help was sought)"),
        TimingKind::Wait => waiting_period(e, t, start(&t.wait_from, person, case), date),
        TimingKind::Deadline => filing_deadline(e, t, start(&t.deadline_from, person, case), date),
        TimingKind::Unknown => e.review("When a petition may be filed is not recorded."),
    }
}

/// The date a waiting period or a deadline runs from (`judgment`, `sentence_completion`,
/// `trafficking_end`, ...): not known (`None`), or not yet come, and why (`Err`).
fn start(which: &str, person: &Person, case: &Case) -> Result<Option<PartialDate>, &'static str> {
    Ok(match which {
        "judgment" | "dismissal" => pdate(&case.conviction_date).ok().flatten(),
        "sentence_completion" => {
            if case.sentence_completed == Some(Tri::No) {
                return Err("the sentence is not completed yet");
            }
            pdate(&case.sentence_completed_date).ok().flatten()
        }
        "trafficking_end" => {
            if person.trafficking_ongoing == Some(Tri::Yes) {
                return Err("the trafficking has not ended");
            }
            pdate(&person.trafficking_ended).ok().flatten()
        }
        "offense" => pdate(&case.offense_date).ok().flatten(),
        "arrest" => pdate(&case.offense_date).ok().flatten(),
        _ => None,
    })
}

/// Has the waiting period (`wait_days` from `wait_from`) passed on the screening date? If not,
/// when does it end?
fn waiting_period(e: &mut Eval, t: &Timing, from: Result<Option<PartialDate>, &'static str>, date: Date) {
    match from {
        Err(why) => e.worse(
            Outcome::NotYetEligible,
            format!("A {}-day wait runs from {}, and {why}.", t.wait_days, t.wait_from.replace('_', " ")),
        ),
        Ok(None) => e.review(format!(
            "A {}-day wait runs from the {}, whose date is not known.",
            t.wait_days,
            t.wait_from.replace('_', " ")
        )),
        Ok(Some(d)) => {
            let span = jiff::Span::new().days(t.wait_days);
            let (earliest, latest) = (d.earliest().saturating_add(span), d.latest().saturating_add(span));
            if date >= latest {
            } else if date < earliest {
                e.eligible_from = Some((earliest, latest));
                e.worse(
                    Outcome::NotYetEligible,
                    format!(
                        "A {}-day wait from the {} ends on {}.",
                        t.wait_days,
                        t.wait_from.replace('_', " "),
                        range(earliest, latest)
                    ),
                );
            } else {
                e.eligible_from = Some((earliest, latest));
                e.review(format!(
                    "A {}-day wait from the {} ends {}: the exact date decides.",
                    t.wait_days,
                    t.wait_from.replace('_', " "),
                    range(earliest, latest)
                ));
            }
        }
    }
}

/// Is the filing deadline (`deadline_days` from `deadline_from`) still ahead on the screening
/// date? A deadline whose start has not come yet has not begun to run.
fn filing_deadline(e: &mut Eval, t: &Timing, from: Result<Option<PartialDate>, &'static str>, date: Date) {
    match from {
        Err(_) => {}
        Ok(None) => e.review(format!(
            "A petition must be filed within {} days of the {}, whose date is not known.",
            t.deadline_days,
            t.deadline_from.replace('_', " ")
        )),
        Ok(Some(d)) => {
            let span = jiff::Span::new().days(t.deadline_days);
            let (earliest, latest) = (d.earliest().saturating_add(span), d.latest().saturating_add(span));
            if date > latest {
                e.no(format!(
                    "The deadline ({} days from the {}) passed on {}.",
                    t.deadline_days,
                    t.deadline_from.replace('_', " "),
                    range(earliest, latest)
                ));
            } else if date > earliest {
                e.review(format!("The filing deadline falls {}: the exact date decides.", range(earliest, latest)));
            } else {
                e.show(format!(
                    "filing by {} ({} days from the {})",
                    earliest,
                    t.deadline_days,
                    t.deadline_from.replace('_', " ")
                ));
            }
        }
    }
}

/// What bars relief: later convictions (anywhere, or within a window in this jurisdiction), open
/// charges, a trafficking defense lost at trial, relief granted before, a bar only the notes can
/// describe. A route must say what bars it (`rules check`); bars not recorded, or recorded as not
/// checked, give needs_review, never "no bars".
fn disqualifiers(e: &mut Eval, j: &Jurisdiction, r: &Route, person: &Person, all: &[Case], case: &Case) {
    let Some(dq) = &r.disqualifiers else {
        e.review("What bars this route is not recorded.");
        return court_weighs(e, r, None, case);
    };
    if dq.unknown {
        e.review("What bars this route was not checked in the statute text: the attorney checks it.");
    }
    if dq.later_convictions {
        match dq.later_convictions_within_years {
            None => match person.later_convictions {
                Some(Tri::Yes) => e.no("A later conviction bars this route."),
                Some(Tri::No) => {}
                _ => e.review("A later conviction would bar this route; whether there is one is not known."),
            },
            Some(years) => later_in_window(e, j, years, person, all, case),
        }
    } else if dq.later_convictions_may_bar {
        match person.later_convictions {
            Some(Tri::No) => {}
            Some(Tri::Yes) => e.review("Whether a later conviction bars this route is not settled by the text (see the rule's notes): the attorney checks it."),
            _ => e.review("A later conviction may bar this route; whether there is one is not known."),
        }
    }
    if dq.pending_charges {
        match person.pending_charges {
            Some(Tri::Yes) => e.review("Open charges or warrants must be resolved first."),
            Some(Tri::No) => {}
            _ => e.review(
                "Open charges or warrants would have to be resolved first; whether there are any is not known.",
            ),
        }
    }
    if dq.defense_lost_at_trial {
        match case.defense_at_trial {
            Some(Tri::Yes) => e.no("A trafficking defense raised at trial and lost bars this route."),
            Some(Tri::No) => {}
            _ => e.review("A trafficking defense raised at trial and lost would bar this route."),
        }
    }
    if dq.once_only {
        match case.prior_relief {
            Some(Tri::Yes) => e.no("Relief under this route is available only once, and it was granted before."),
            Some(Tri::No) => {}
            _ => e.show("that relief under this route was not granted before (available once only)"),
        }
    }
    if dq.other {
        e.check(format!("the bars the rule records: {}", one_line(&dq.notes).trim_end_matches('.')));
    }
    court_weighs(e, r, Some(dq), case);
}

/// Facts that commonly matter to a court wherever the link to the trafficking must be proved,
/// though the statute makes neither a bar: a trafficking defense raised at trial and lost, relief
/// sought before and denied. The intake does not ask them; they are listed for the attorney to
/// check, and never change the outcome. (Where the rule makes one a bar, the step above decides.)
fn court_weighs(e: &mut Eval, r: &Route, dq: Option<&Disqualifiers>, case: &Case) {
    if r.nexus.as_ref().is_some_and(|n| !n.required) {
        return;
    }
    let said = match dq {
        Some(d) if d.none => "the statute states no bar on it",
        Some(d) if d.unknown => "the route's bars were not checked",
        Some(_) => "the rule records no bar on it",
        None => "the route's bars are not recorded",
    };
    if !dq.is_some_and(|d| d.defense_lost_at_trial) {
        match case.defense_at_trial {
            Some(Tri::No) => {}
            Some(Tri::Yes) => e.check(format!("a trafficking defense was raised at trial and lost: {said}, but after a jury rejected it a court may doubt the connection to the trafficking")),
            _ => e.check(format!("whether a trafficking defense was raised at trial and lost ({said}, but a court may weigh it against the connection)")),
        }
    }
    if !dq.is_some_and(|d| d.once_only) {
        match case.prior_relief {
            Some(Tri::No) => {}
            Some(Tri::Yes) => e.check("relief was sought before: how it ended (a court may weigh an earlier denial)"),
            _ => e.check("whether relief was sought before and denied (a court may weigh an earlier denial)"),
        }
    }
}

/// Who must agree or be told (the prosecutor), and is a hearing required? Conditions for the
/// attorney, not outcomes, except a consent that was refused.
fn gatekeepers(e: &mut Eval, r: &Route, person: &Person) {
    if let Some(g) = &r.gatekeepers {
        let what = match g.prosecutor.as_str() {
            "consent_required" => Some("consent"),
            "certification_required" => Some("certification"),
            _ => None,
        };
        if let Some(what) = what {
            e.show(format!("the prosecutor's {what}"));
            match person.prosecutor_consent {
                Some(Consent::No) if what == "consent" => {
                    e.review("The prosecutor's consent is required and has not been given (or not yet asked).")
                }
                // What a refusal yields follows the statute: a final bar, or a precondition the
                // prosecutor can still grant later. Attorney-side only: no survivor sees this.
                Some(Consent::Refused) => match g.consent_refused.as_str() {
                    "final" => e.no(format!("The prosecutor refused {what}, and under this statute a refusal bars the route.")),
                    "may_grant_later" => e.review(format!(
                        "The prosecutor refused {what}; the statute makes it a precondition the prosecutor can still grant later: the attorney may ask again."
                    )),
                    _ => e.review(format!(
                        "The prosecutor refused {what}; whether a refusal is final under this statute is not recorded: the attorney checks it."
                    )),
                },
                _ => {}
            }
        }
        match g.prosecutor.as_str() {
            "deemed_consent" => e.show(format!(
                "notice to the prosecutor (consent is deemed given after {} days without objection)",
                g.prosecutor_days
            )),
            "notice" => e.show("notice to the prosecutor"),
            _ => {}
        }
        if g.hearing == "mandatory" {
            e.show("a hearing");
        }
    }
}

/// What must be proved, to what standard, and with which official documents (and does the
/// survivor hold them)?
fn proof(e: &mut Eval, r: &Route, person: &Person) {
    if let Some(p) = &r.proof {
        let burden = match p.burden.as_str() {
            "preponderance" => Some("a preponderance of the evidence"),
            "clear_and_convincing" => Some("clear and convincing evidence"),
            "reasonable_probability" => Some("a reasonable probability"),
            _ => None,
        };
        if let Some(b) = burden {
            e.show(format!("proof by {b}"));
        }
        let held = person.official_documentation.as_ref().and_then(Documentation::held);
        match (p.documentation.as_str(), held) {
            ("presumption", Some(true)) => {
                e.show("official documentation, which the survivor holds (it creates a presumption)")
            }
            ("presumption", _) => {
                e.show("official documentation if available (it creates a presumption; not required)")
            }
            ("required", Some(true)) => e.show("official documentation (required), which the survivor holds"),
            ("required", Some(false)) => e.review("Official documentation is required and the survivor reported none."),
            ("required", None) => e.show("official documentation (required)"),
            _ => {}
        }
    }
}

/// The route's result: the findings, with the route's citation, effect, notes, documents and
/// the sources its facts were read in.
fn result(j: &Jurisdiction, r: &Route, e: Eval) -> RouteResult {
    let sources = j
        .sources
        .iter()
        .filter(|s| s.id == r.fact_source || r.facts().iter().any(|(_, f)| f.source == s.id))
        .map(|s| {
            format!(
                "{}{} (read {})",
                s.title,
                if s.url.is_empty() { String::new() } else { format!(" <{}>", s.url) },
                s.read_on
            )
        })
        .collect();
    let mut notes = r.all_notes();
    if !r.effect.trim().is_empty() {
        notes.insert(0, format!("Effect: {}", r.effect.trim()));
    }
    RouteResult {
        jurisdiction: j.jurisdiction.clone(),
        route: r.id.clone(),
        remedy: r.remedy.clone(),
        title: r.title.clone(),
        citation: r.citation.clone(),
        verified: r.status == Status::Verified,
        outcome: e.outcome,
        reasons: e.reasons,
        conditions: e.conditions,
        to_check: e.to_check,
        documents: r.all_documents(),
        notes,
        eligible_from: e.eligible_from,
        sources,
    }
}

/// A bar on later convictions that reaches only those within `years` after this conviction (in
/// this jurisdiction). The survivor's other reported convictions there are checked by date; a
/// later conviction the survivor mentioned in general cannot be placed, so it is for the attorney.
fn later_in_window(e: &mut Eval, j: &Jurisdiction, years: u32, person: &Person, all: &[Case], case: &Case) {
    let window = format!("{years} years after this conviction");
    let this = pdate(&case.conviction_date).ok().flatten();
    let mut unsure = false;
    for other in all.iter().filter(|c| !std::ptr::eq(*c, case)) {
        let same = other.jurisdiction.as_deref().is_some_and(|o| o.eq_ignore_ascii_case(&j.jurisdiction));
        if !same || record_kind(other.disposition.as_deref()) != Some("conviction") {
            continue;
        }
        let when = pdate(&other.conviction_date).ok().flatten();
        match (this, when) {
            (Some(a), Some(b)) => {
                let end = |d: Date| d.saturating_add(jiff::Span::new().years(years as i64));
                if b.latest() <= a.earliest() || b.earliest() > end(a.latest()) {
                    // Before this one, or past the window: no bar.
                } else if b.earliest() > a.latest() && b.latest() <= end(a.earliest()) {
                    e.no(format!(
                        "Another conviction in {} ({}) falls within the {window}, which bars this route.",
                        j.name,
                        b.to_iso()
                    ));
                    return;
                } else {
                    unsure = true;
                }
            }
            _ => unsure = true,
        }
    }
    if unsure {
        e.review(format!(
            "A conviction in {} within the {window} bars this route; whether another reported conviction falls in that window needs its exact date.",
            j.name
        ));
    }
    match person.later_convictions {
        Some(Tri::No) => {}
        Some(Tri::Yes) => e.review(format!(
            "A later conviction bars this route only if it is in {} and within the {window}: check its court and date.",
            j.name
        )),
        _ => e.review(format!(
            "A conviction in {} within the {window} would bar this route; whether there is one is not known.",
            j.name
        )),
    }
}

fn range(a: Date, b: Date) -> String {
    if a == b {
        a.to_string()
    } else {
        format!("between {a} and {b}")
    }
}
