//! The attorney's summary of a completed intake, written to be read in two minutes: an overview
//! (one line per case, the flags, how and when to reach the survivor), then the person, then
//! each arrest or conviction with what the survivor said and what the screening found, then the
//! sources, listed once and numbered, which every case cites by number. Markdown for the sealed
//! file; HTML for a chat, which a channel cuts to its limit with [`split`].
//!
//! It never contains what the survivor chose not to say: such answers are left out entirely; nor
//! answers that only steered the conversation ("Another case?", see [`Flow::steers_repeat`]).
//! What the survivor typed in their own words is shown as typed, in «», with the language of the
//! intake; the HTML escapes it, and nothing they typed is read as markup in either format.

use super::screen::{self, CaseResult, Outcome, RouteResult, Screening};
use super::{fields, Rules};
use crate::engine::answer::{Answer, PartialDate, Pos, Value};
use crate::engine::{AnswerView, Label, Msg};
use crate::flow::{Flow, Kind, Step};
use crate::intake::Intake;
use crate::locale::{Arg, Locales};
use crate::render::Renderer;
use std::collections::BTreeMap;
use std::fmt::Write;

/// The title of the section that opens the summary: [`overview_lines`] counts from it.
pub const OVERVIEW: &str = "Overview";

// ---- The document: lines of pieces, rendered as Markdown or as HTML ---------------------------

/// A piece of a line.
#[derive(Debug, Clone)]
enum Seg {
    Plain(String),
    Bold(String),
    /// What the survivor typed, exactly, and the note that says so ("as typed, intake in Spanish").
    Typed {
        text: String,
        note: String,
    },
}

#[derive(Debug, Clone)]
enum Line {
    Heading(usize, Vec<Seg>),
    /// A list item, indented by this many levels.
    Item(usize, Vec<Seg>),
    Para(Vec<Seg>),
    Blank,
}

fn plain(s: impl Into<String>) -> Seg {
    Seg::Plain(s.into())
}

/// A survivor's typed text on one line: line breaks they typed show as ↵ (a list item cannot hold
/// them), nothing else changes.
fn one_line(t: &str) -> String {
    t.trim().replace("\r\n", "\n").replace(['\n', '\r'], " ↵ ")
}

#[derive(Default)]
struct Doc {
    lines: Vec<Line>,
}

impl Doc {
    fn push(&mut self, l: Line) {
        self.lines.push(l);
    }

    fn heading(&mut self, level: usize, segs: Vec<Seg>) {
        if !self.lines.is_empty() {
            self.push(Line::Blank);
        }
        self.push(Line::Heading(level, segs));
    }

    fn markdown(&self) -> String {
        let segs = |v: &[Seg]| {
            v.iter()
                .map(|s| match s {
                    Seg::Plain(t) => t.clone(),
                    Seg::Bold(t) => format!("**{t}**"),
                    Seg::Typed { text, note } => format!("«{}» ({note})", one_line(text)),
                })
                .collect::<String>()
        };
        let mut o = String::new();
        for l in &self.lines {
            let _ = match l {
                Line::Heading(n, v) => writeln!(o, "{} {}", "#".repeat(*n), segs(v)),
                Line::Item(n, v) => writeln!(o, "{}- {}", "  ".repeat(*n), segs(v)),
                Line::Para(v) => writeln!(o, "{}", segs(v)),
                Line::Blank => writeln!(o),
            };
        }
        o
    }

    /// Telegram HTML: every text escaped, headings and emphasis in bold, what the survivor typed
    /// in italics. Each tag opens and closes on one line, so [`split`] never cuts one.
    fn html(&self) -> String {
        let esc = |t: &str| t.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let segs = |v: &[Seg]| {
            v.iter()
                .map(|s| match s {
                    Seg::Plain(t) => esc(t),
                    Seg::Bold(t) => format!("<b>{}</b>", esc(t)),
                    Seg::Typed { text, note } => format!("«<i>{}</i>» ({})", esc(&one_line(text)), esc(note)),
                })
                .collect::<String>()
        };
        let mut o = String::new();
        for l in &self.lines {
            let _ = match l {
                Line::Heading(_, v) => writeln!(o, "<b>{}</b>", segs(v)),
                Line::Item(n, v) => writeln!(o, "{}- {}", "  ".repeat(*n), segs(v)),
                Line::Para(v) => writeln!(o, "{}", segs(v)),
                Line::Blank => writeln!(o),
            };
        }
        o
    }
}

// ---- Sources: each listed once, numbered in the order first cited ------------------------------

#[derive(Default)]
struct Sources {
    list: Vec<String>,
}

impl Sources {
    fn number(&mut self, s: &str) -> usize {
        match self.list.iter().position(|x| x == s) {
            Some(i) => i + 1,
            None => {
                self.list.push(s.to_string());
                self.list.len()
            }
        }
    }

    /// "[1], [3]" for these sources (numbering any not yet listed).
    fn cite(&mut self, sources: &[String]) -> String {
        let mut n: Vec<usize> = sources.iter().map(|s| self.number(s)).collect();
        n.sort_unstable();
        n.dedup();
        n.iter().map(|n| format!("[{n}]")).collect::<Vec<_>>().join(", ")
    }
}

/// A jurisdiction's sources in the words a route's sources use (`screen::RouteResult::sources`).
fn jurisdiction_sources(rules: &Rules, code: &str) -> Vec<String> {
    rules
        .get(code)
        .map(|j| {
            j.sources
                .iter()
                .map(|s| {
                    format!(
                        "{}{} (read {})",
                        s.title,
                        if s.url.is_empty() { String::new() } else { format!(" <{}>", s.url) },
                        s.read_on
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

// ---- Answers -----------------------------------------------------------------------------------

/// One answer as the attorney reads it: the question's short name, then the answer. `None` for
/// what is not passed on.
fn answer_segs(
    r: &Renderer<'_>,
    lang: &str,
    typed_note: &str,
    step: &Step,
    flow: &Flow,
    a: &Answer,
) -> Option<Vec<Seg>> {
    let q = r.msg(lang, &Msg::new(&format!("{}.short", step.prompt)));
    let mut segs = vec![plain(format!("{q}: "))];
    segs.extend(answer_value(r, lang, typed_note, step, flow, a)?);
    Some(segs)
}

/// The answer alone, with what was typed marked as such. `None` for what is not passed on.
fn answer_value(
    r: &Renderer<'_>,
    lang: &str,
    typed_note: &str,
    step: &Step,
    flow: &Flow,
    a: &Answer,
) -> Option<Vec<Seg>> {
    let label = |id: &str| -> Label {
        if step.kind == Kind::Jurisdiction {
            return Label::Jurisdiction(id.to_string());
        }
        flow.options_of(step)
            .into_iter()
            .find(|(v, _)| v == id)
            .map(|(_, l)| Label::Msg(Msg::new(&l)))
            .unwrap_or(Label::Msg(Msg::new("answer-none")))
    };
    let view = match a {
        // What the survivor chose not to say, or passed over, is not passed on.
        Answer::PreferNot | Answer::Skipped => return None,
        Answer::DontKnow => AnswerView::DontKnow,
        Answer::Answered(Value::Text(t)) => {
            return Some(vec![Seg::Typed { text: t.clone(), note: typed_note.to_string() }])
        }
        Answer::Answered(v) => match v {
            Value::Choice(c) => AnswerView::Choice(label(c)),
            Value::Choices(cs) => AnswerView::Choices(cs.iter().map(|c| label(c)).collect()),
            Value::Text(t) => AnswerView::Text(t.clone()),
            Value::Number(n) => AnswerView::Number(*n),
            Value::Date(d) => AnswerView::Date(*d),
            Value::Jurisdiction(j) => AnswerView::Choice(Label::Jurisdiction(j.clone())),
        },
    };
    Some(vec![plain(r.answer(lang, &view))])
}

/// The answers to pass on, in the flow's order, person first (`None`) then each case instance.
fn answers_in_order<'a>(flow: &'a Flow, intake: &'a Intake) -> BTreeMap<Option<u32>, Vec<(&'a Step, &'a Answer)>> {
    let order: BTreeMap<&str, usize> = flow.steps.iter().enumerate().map(|(i, s)| (s.id.as_str(), i)).collect();
    let mut keyed: Vec<(Option<u32>, usize, &Step, &Answer)> = intake
        .answers
        .iter()
        .filter_map(|(key, a)| {
            let pos = Pos::from_key(key);
            let step = flow.step(&pos.step)?;
            if flow.steers_repeat(step) {
                return None;
            }
            Some((pos.instance, order.get(step.id.as_str()).copied().unwrap_or(usize::MAX), step, a))
        })
        .collect();
    keyed.sort_by_key(|(i, o, _, _)| (*i, *o));
    let mut out: BTreeMap<Option<u32>, Vec<(&Step, &Answer)>> = BTreeMap::new();
    for (i, _, s, a) in keyed {
        out.entry(i).or_default().push((s, a));
    }
    out
}

/// The instances that became screening cases, in order: those with an answer to a step that
/// feeds a field (as [`super::intake::facts`] builds them).
fn case_instances(flow: &Flow, intake: &Intake) -> Vec<u32> {
    let mut v: Vec<u32> = intake
        .answers
        .keys()
        .filter_map(|k| {
            let pos = Pos::from_key(k);
            flow.step(&pos.step).and_then(|s| s.field.as_ref()).and(pos.instance)
        })
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

// ---- The overview ------------------------------------------------------------------------------

fn outcome_words(o: Outcome) -> &'static str {
    match o {
        Outcome::LikelyEligible => "likely eligible",
        Outcome::NotYetEligible => "not yet eligible",
        Outcome::NeedsReview => "needs review",
        Outcome::NotCovered => "not covered",
    }
}

/// The route the overview names: the best outcome, the first listed among equals.
fn best_route(c: &CaseResult) -> Option<&RouteResult> {
    c.routes.iter().min_by_key(|r| r.outcome)
}

/// The one thing to check first for a case, from what its best route (or its jurisdiction) says:
/// one line of the overview, so only the statement itself (its provenance in parentheses, and
/// anything past 140 characters, is in the case's detail below).
fn check_first(c: &CaseResult, best: Option<&RouteResult>) -> Option<String> {
    check_first_full(c, best).map(|t| short(&t, 140))
}

/// `text` up to its first parenthesis, and at most `max` characters (cut at a word, with "…").
fn short(text: &str, max: usize) -> String {
    let head = match text.find(" (") {
        Some(i) if i > 0 => text.get(..i).unwrap_or(text),
        _ => text,
    };
    let head = head.trim_end_matches([':', ';', ',', ' ']);
    if head.chars().count() <= max {
        return head.to_string();
    }
    let cut: String = head.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => cut.get(..i).unwrap_or(&cut).to_string(),
        _ => cut,
    };
    format!("{}…", cut.trim_end_matches([':', ';', ',', ' ']))
}

fn check_first_full(c: &CaseResult, best: Option<&RouteResult>) -> Option<String> {
    let Some(r) = best else {
        return c.notes.first().map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "));
    };
    let first_reason = || r.reasons.first().cloned();
    let first_condition = || r.conditions.first().map(|c| format!("show {c}"));
    match r.outcome {
        Outcome::LikelyEligible => first_condition().or_else(first_reason),
        Outcome::NotYetEligible => r
            .eligible_from
            .map(|(a, z)| {
                if a == z {
                    format!("eligible from {a}")
                } else {
                    format!("eligible from {a} at the earliest, {z} at the latest")
                }
            })
            .or_else(first_reason),
        Outcome::NeedsReview | Outcome::NotCovered => first_reason().or_else(first_condition),
    }
}

fn place(code: Option<&str>) -> String {
    match code {
        Some(j) => {
            let up = j.to_ascii_uppercase();
            crate::jurisdiction::english_name(&up).map(str::to_string).unwrap_or(up)
        }
        None => "no state given".to_string(),
    }
}

fn year(d: Option<&str>) -> String {
    match d.and_then(PartialDate::from_iso) {
        Some(d) if d.approx => format!("around {}", d.year),
        Some(d) => d.year.to_string(),
        None => "year not given".to_string(),
    }
}

/// "prostitution, misdemeanor, conviction": what the case is, in the screening's own words.
fn what(c: &screen::Case) -> String {
    let mut parts = vec![c
        .category
        .as_deref()
        .filter(|c| *c != super::category::UNKNOWN)
        .map(|c| c.replace('_', " "))
        .unwrap_or_else(|| "offense not given".into())];
    if let Some(l) = c.level.as_deref().filter(|l| *l != fields::level::UNKNOWN) {
        parts.push(l.to_string());
    }
    if let Some(d) = c.disposition.as_deref().filter(|d| *d != fields::disposition::UNKNOWN) {
        parts.push(d.replace('_', " "));
    }
    parts.join(", ")
}

// ---- The summary -------------------------------------------------------------------------------

fn build(
    flow: &Flow,
    locales: &Locales,
    rules: &Rules,
    intake: &Intake,
    date: jiff::civil::Date,
    lang: &str,
) -> (Doc, Screening) {
    let facts = super::intake::facts(flow, &intake.answers);
    let s = screen::screen(rules, &facts, date);
    let r = Renderer { locales };
    let language = locales.get(&intake.locale).map(|l| l.english_name.clone()).unwrap_or_else(|| intake.locale.clone());
    let typed = format!("as typed, intake in {language}");
    let answers = answers_in_order(flow, intake);
    let instances = case_instances(flow, intake);
    let mut src = Sources::default();
    // Number the sources in the order the cases cite them, before anything cites one.
    let case_sources: Vec<Vec<String>> = s
        .cases
        .iter()
        .map(|c| {
            if c.routes.is_empty() {
                c.case
                    .jurisdiction
                    .as_deref()
                    .map(|j| jurisdiction_sources(rules, &j.to_ascii_uppercase()))
                    .unwrap_or_default()
            } else {
                c.routes.iter().flat_map(|r| r.sources.clone()).collect()
            }
        })
        .collect();
    for cs in &case_sources {
        src.cite(cs);
    }

    let mut d = Doc::default();
    d.push(Line::Heading(1, vec![plain(format!("Referral {} — {}", intake.code, super::report::DISCLAIMER))]));
    d.push(Line::Blank);
    d.push(Line::Para(vec![plain(format!(
        "Submitted {} · screened {} · rules {} · intake in {language}",
        intake.submitted_at.strftime("%Y-%m-%d"),
        s.date,
        s.rules_version,
    ))]));

    // Sent before the end: the questions the survivor did not reach, for the lawyer to ask.
    let unreached: Vec<(Option<u32>, &Step)> =
        intake.not_reached(flow).into_iter().filter_map(|p| flow.step(&p.step).map(|st| (p.instance, st))).collect();
    if !unreached.is_empty() {
        d.push(Line::Para(vec![
            Seg::Bold("Sent early".into()),
            plain(format!(
                ": the person sent this before the end of the intake; {} question(s) were not reached (listed under \"Not reached\"), to ask when you call. Not reached is not \"don't know\" and not \"rather not say\": they were not asked.",
                unreached.len()
            )),
        ]));
    }
    for note in &intake.addenda {
        d.push(Line::Para(vec![plain(format!(
            "Addendum {} added {}: {} answer(s) told after the first send.",
            note.n,
            note.at.strftime("%Y-%m-%d"),
            note.keys.len()
        ))]));
    }

    // The overview: a line per case, the flags, and how and when to make contact.
    d.heading(2, vec![plain(OVERVIEW)]);
    for (i, c) in s.cases.iter().enumerate() {
        let best = best_route(c);
        let mut segs = vec![plain(format!(
            "Case {} · {} · {} · {} · ",
            i + 1,
            place(c.case.jurisdiction.as_deref()),
            what(&c.case),
            year(c.case.offense_date.as_deref())
        ))];
        match best {
            Some(b) => {
                segs.push(plain(format!("{}: ", b.citation)));
                segs.push(Seg::Bold(outcome_words(b.outcome).to_string()));
                if !b.verified {
                    segs.push(plain(" (rule not verified)"));
                }
                segs.push(plain(format!(" {}", src.cite(&b.sources))));
            }
            None => segs.push(Seg::Bold(outcome_words(c.overall).to_string())),
        }
        if let Some(first) = check_first(c, best) {
            segs.push(plain(format!(" · check first: {first}")));
        }
        d.push(Line::Item(0, segs));
    }
    for f in &s.flags {
        d.push(Line::Item(
            0,
            vec![Seg::Bold(format!("Flag, {}", f.kind.replace('_', " "))), plain(format!(": {}", f.text))],
        ));
    }
    d.push(Line::Item(0, contact(&r, lang, &typed, flow, intake)));

    // The person.
    d.heading(2, vec![plain("The person")]);
    for (step, a) in answers.get(&None).into_iter().flatten() {
        if let Some(segs) = answer_segs(&r, lang, &typed, step, flow, a) {
            d.push(Line::Item(0, segs));
        }
    }

    // Each case: what they said, then the screening, citing the sources by number.
    for (i, c) in s.cases.iter().enumerate() {
        let name = r.msg(lang, &Msg::new("group-case").arg("n", Arg::Num(i as i64 + 1)));
        d.heading(2, vec![plain(format!("{name} · {}", place(c.case.jurisdiction.as_deref())))]);
        let instance = instances.get(i).copied();
        for (step, a) in instance.and_then(|n| answers.get(&Some(n))).into_iter().flatten() {
            if let Some(segs) = answer_segs(&r, lang, &typed, step, flow, a) {
                d.push(Line::Item(0, segs));
            }
        }
        d.push(Line::Blank);
        d.push(Line::Para(vec![plain("Screening: "), Seg::Bold(outcome_words(c.overall).to_string())]));
        let cases_own = case_sources.get(i).map(Vec::as_slice).unwrap_or_default();
        for n in &c.notes {
            let note = n.split_whitespace().collect::<Vec<_>>().join(" ");
            // Where no route applies, the jurisdiction's notes are what the screening found: they
            // cite the jurisdiction's sources.
            let cite = if c.routes.is_empty() && !cases_own.is_empty() {
                format!(" {}", src.cite(cases_own))
            } else {
                String::new()
            };
            d.push(Line::Item(0, vec![plain(format!("{note}{cite}"))]));
        }
        for route in &c.routes {
            d.push(Line::Item(
                0,
                vec![
                    plain(format!("{} ({}): ", route.title, route.citation)),
                    Seg::Bold(outcome_words(route.outcome).to_string()),
                    plain(format!(
                        "{}{}",
                        if route.verified { "" } else { " — rule not verified" },
                        if route.sources.is_empty() { String::new() } else { format!(" {}", src.cite(&route.sources)) }
                    )),
                ],
            ));
            for reason in &route.reasons {
                d.push(Line::Item(1, vec![plain(reason.clone())]));
            }
            if let Some((a, z)) = route.eligible_from {
                let when = if a == z { a.to_string() } else { format!("{a} at the earliest, {z} at the latest") };
                d.push(Line::Item(1, vec![plain(format!("Eligible from: {when}"))]));
            }
            if !route.conditions.is_empty() {
                d.push(Line::Item(1, vec![plain(format!("To show: {}.", route.conditions.join("; ")))]));
            }
            if !route.to_check.is_empty() {
                d.push(Line::Item(1, vec![plain(format!("To check: {}.", route.to_check.join("; ")))]));
            }
            if !route.documents.is_empty() {
                d.push(Line::Item(1, vec![plain(format!("Documents: {}.", route.documents.join("; ")))]));
            }
        }
    }

    // What was not reached, by where it would have been asked.
    if !unreached.is_empty() {
        d.heading(2, vec![plain("Not reached (sent early, not asked)")]);
        for (instance, step) in &unreached {
            let q = r.msg(lang, &Msg::new(&format!("{}.short", step.prompt)));
            let place = match instance {
                Some(i) => format!("{}: ", r.msg(lang, &Msg::new("group-case").arg("n", Arg::Num(*i as i64 + 1)))),
                None => String::new(),
            };
            d.push(Line::Item(0, vec![plain(format!("{place}{q}"))]));
        }
    }

    // The sources, once each.
    if !src.list.is_empty() {
        d.heading(2, vec![plain("Sources")]);
        for (n, text) in src.list.iter().enumerate() {
            d.push(Line::Para(vec![plain(format!("{}. {text}", n + 1))]));
        }
    }
    d.push(Line::Blank);
    d.push(Line::Para(vec![plain(super::report::DISCLAIMER)]));
    (d, s)
}

/// "Contact: A phone call, Text message · «555-0100» · when: «evenings»": how and when the
/// survivor said they may be reached, from the steps that feed the contact fields.
fn contact(r: &Renderer<'_>, lang: &str, typed: &str, flow: &Flow, intake: &Intake) -> Vec<Seg> {
    let answer = |field: &str| {
        intake.answers.iter().find_map(|(k, a)| {
            let pos = Pos::from_key(k);
            let step = flow.step(&pos.step)?;
            (pos.instance.is_none() && step.field.as_deref() == Some(field)).then_some((step, a))
        })
    };
    let value = |field: &str| -> Option<Vec<Seg>> {
        let (step, a) = answer(field)?;
        answer_value(r, lang, typed, step, flow, a)
    };
    let mut segs = vec![Seg::Bold("Contact".into()), plain(": ")];
    match value(fields::name::contact_method) {
        Some(v) => segs.extend(v),
        None => segs.push(plain("no safe way given (never contact a survivor in a way they have not said is safe)")),
    }
    if let Some(v) = value(fields::name::contact_details) {
        segs.push(plain(" · "));
        segs.extend(v);
    }
    if let Some(v) = value(fields::name::contact_time) {
        segs.push(plain(" · when: "));
        segs.extend(v);
    }
    segs
}

/// Some of an intake's answers (by `Pos::key()`), a Markdown item each, as the summary words
/// them ("Case 2: How it ended: Conviction"); what is not passed on ("rather not say",
/// skipped) says so without the answer.
pub fn answers_markdown(flow: &Flow, locales: &Locales, intake: &Intake, keys: &[String], lang: &str) -> String {
    let r = Renderer { locales };
    let language = locales.get(&intake.locale).map(|l| l.english_name.clone()).unwrap_or_else(|| intake.locale.clone());
    let typed = format!("as typed, intake in {language}");
    let mut out = String::new();
    for key in keys {
        let pos = Pos::from_key(key);
        let (Some(step), Some(a)) = (flow.step(&pos.step), intake.answers.get(key)) else { continue };
        if flow.steers_repeat(step) {
            continue;
        }
        let place = match pos.instance {
            Some(i) => format!("{}: ", r.msg(lang, &Msg::new("group-case").arg("n", Arg::Num(i as i64 + 1)))),
            None => String::new(),
        };
        let line = match answer_segs(&r, lang, &typed, step, flow, a) {
            Some(segs) => {
                let mut d = Doc::default();
                d.push(Line::Item(0, segs));
                d.markdown()
            }
            None => format!("- {}: (not passed on)\n", r.msg(lang, &Msg::new(&format!("{}.short", step.prompt)))),
        };
        let _ = write!(out, "{}", line.replacen("- ", &format!("- {place}"), 1));
    }
    out
}

/// The summary in Markdown, in the attorney's language (`lang`, English by default).
pub fn markdown(
    flow: &Flow,
    locales: &Locales,
    rules: &Rules,
    intake: &Intake,
    date: jiff::civil::Date,
    lang: &str,
) -> (String, Screening) {
    let (d, s) = build(flow, locales, rules, intake, date, lang);
    (d.markdown(), s)
}

/// The same summary as Telegram HTML (escaped; headings and emphasis in bold), for a channel that
/// sends it as text. Cut it to the channel's limit with [`split`].
pub fn html(
    flow: &Flow,
    locales: &Locales,
    rules: &Rules,
    intake: &Intake,
    date: jiff::civil::Date,
    lang: &str,
) -> (String, Screening) {
    let (d, s) = build(flow, locales, rules, intake, date, lang);
    (d.html(), s)
}

/// The overview's lines in a Markdown summary: its heading and every non-blank line up to the
/// next heading. What the overview's limit (15 lines for five cases) is measured on.
pub fn overview_lines(md: &str) -> Vec<&str> {
    let heading = format!("## {OVERVIEW}");
    let mut lines = md.lines().skip_while(|l| *l != heading);
    let Some(head) = lines.next() else { return vec![] };
    std::iter::once(head).chain(lines.take_while(|l| !l.starts_with('#')).filter(|l| !l.trim().is_empty())).collect()
}

/// Splits text into parts of at most `limit` characters, at line breaks where possible, so no
/// HTML tag (which never spans lines here) is cut.
pub fn split(text: &str, limit: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    for line in text.split_inclusive('\n') {
        if cur.chars().count() + line.chars().count() > limit && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        if line.chars().count() > limit {
            // A single very long line: cut it by characters.
            let chars: Vec<char> = line.chars().collect();
            for chunk in chars.chunks(limit) {
                parts.push(chunk.iter().collect());
            }
            continue;
        }
        cur.push_str(line);
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}
