//! Runs a flow test through the real engine, the real rendering (so typed text is read in the
//! survivor's language, as the terminal reads it) and the real screening and summary. Nothing is
//! stored: the session lives in memory for the length of the test.

use super::spec::{Act, Spec};
use super::Walked;
use crate::engine::answer::{Answer, Pos, Value};
use crate::engine::{self, Command, Effect, Input, Reply, Session, Status};
use crate::flow::{EndResult, Flow, Kind};
use crate::intake::Intake;
use crate::locale::Locales;
use crate::render::{resolve_text, Out, OutPrompt, Renderer};
use crate::rules::screen::Screening;
use crate::rules::{summary, Rules};
use std::collections::BTreeMap;

/// What a test runs against.
pub struct Env<'a> {
    pub flow: &'a Flow,
    pub locales: &'a Locales,
    pub rules: &'a Rules,
    /// The day used when a test names none.
    pub today: jiff::civil::Date,
}

/// One failed expectation: where, what, and the expected and actual values for a diff.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    pub line: usize,
    pub what: String,
    pub expected: String,
    pub actual: String,
}

/// The result of one test.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub failures: Vec<Failure>,
    /// The conversation as it went: (step asked, what the survivor did).
    pub transcript: Vec<(String, String)>,
    pub walked: Walked,
}

impl Outcome {
    pub fn passed(&self) -> bool {
        self.failures.is_empty()
    }
}

struct Run<'a> {
    env: &'a Env<'a>,
    session: Session,
    now: jiff::Timestamp,
    prompt: Option<OutPrompt>,
    /// The end step the conversation reached, if it did.
    ended: Option<(String, EndResult)>,
    erased: bool,
    asked: Vec<String>,
    intake: Option<Intake>,
    walked: Walked,
    transcript: Vec<(String, String)>,
}

/// Runs one test. A failure stops the conversation at that turn; expectations about the end are
/// then not checked (they would only repeat the first failure).
pub fn run(spec: &Spec, env: &Env<'_>) -> Outcome {
    let date = spec.date.unwrap_or(env.today);
    let now = date.at(12, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).map(|z| z.timestamp()).unwrap_or_default();
    let mut r = Run {
        env,
        session: Session::new(&env.flow.id, &env.flow.hash, now),
        now,
        prompt: None,
        ended: None,
        erased: false,
        asked: Vec::new(),
        intake: None,
        walked: Walked::default(),
        transcript: Vec::new(),
    };
    r.apply(Input::Command { cmd: Command::Start, arg: None }, None);
    let mut failures = Vec::new();
    for turn in &spec.turns {
        if let Some(f) = r.turn(turn) {
            failures.push(f);
            break;
        }
    }
    if failures.is_empty() {
        r.finish(spec, date, &mut failures);
    }
    Outcome { failures, transcript: r.transcript, walked: r.walked }
}

/// `case_outcome#2` (1-based, as admins count cases) to the engine's key `case_outcome#1`.
pub fn engine_key(key: &str) -> String {
    match key.rsplit_once('#') {
        Some((step, n)) => match n.parse::<u32>() {
            Ok(n) if n >= 1 => format!("{step}#{}", n - 1),
            _ => key.to_string(),
        },
        None => key.to_string(),
    }
}

/// The engine's position as admins write it: `step`, or `step#N` with N from 1.
pub fn shown(pos: &Pos) -> String {
    match pos.instance {
        Some(i) => format!("{}#{}", pos.step, i + 1),
        None => pos.step.clone(),
    }
}

/// An answer as a test writes it.
pub fn show_answer(a: &Answer) -> String {
    match a {
        Answer::Answered(v) => match v {
            Value::Choice(c) => c.clone(),
            Value::Choices(cs) => cs.join(", "),
            Value::Text(t) => t.clone(),
            Value::Number(n) => n.to_string(),
            Value::Date(d) => d.to_iso(),
            Value::Jurisdiction(j) => j.clone(),
        },
        other => other.state_name().to_string(),
    }
}

impl Run<'_> {
    fn prompt_shown(&self) -> String {
        match (&self.prompt, &self.ended) {
            (_, Some((end, _))) => format!("nothing: the conversation had ended at `{end}`"),
            (Some(p), None) => format!("`{}`", p.instance.map(|i| format!("{}#{i}", p.step)).unwrap_or(p.step.clone())),
            (None, None) => "nothing".to_string(),
        }
    }

    fn turn(&mut self, turn: &super::spec::Turn) -> Option<Failure> {
        let fail = |what: String, expected: String, actual: String| Failure { line: turn.line, what, expected, actual };
        if let Some(at) = &turn.at {
            let matches = self.ended.is_none()
                && self.prompt.as_ref().is_some_and(|p| {
                    let want = Pos::from_key(&engine_key(at));
                    p.step == want.step && (want.instance.is_none() || p.instance.map(|i| i - 1) == want.instance)
                });
            if !matches {
                return Some(fail(
                    "the flow asked something else at this turn".into(),
                    format!("`{at}`"),
                    self.prompt_shown(),
                ));
            }
        }
        let words = &self.env.locales.lexicon;
        let (input, said) = match &turn.act {
            Act::Say(text) => {
                let t = text.trim();
                let cmd = t.strip_prefix('/').and_then(|rest| Command::parse(rest.split_whitespace().next()?, words));
                let input = match (cmd, &self.prompt) {
                    (Some(cmd), _) => Input::Command { cmd, arg: None },
                    (None, Some(p)) => resolve_text(p, text, words),
                    (None, None) => Input::Text(text.clone()),
                };
                (input, format!("says \"{text}\""))
            }
            Act::Press(ids) => {
                let Some(p) = &self.prompt else {
                    return Some(fail(
                        "there is no question to press a button on".into(),
                        ids.join(", "),
                        self.prompt_shown(),
                    ));
                };
                if let Some(bad) = ids.iter().find(|id| !p.choices.iter().any(|c| &c.id == *id)) {
                    let offered: Vec<&str> = p.choices.iter().map(|c| c.id.as_str()).collect();
                    return Some(fail(
                        format!("`{}` has no button `{bad}`", p.step),
                        format!("one of: {}", offered.join(", ")),
                        format!("`{bad}`"),
                    ));
                }
                let input = if p.input == crate::engine::PromptKind::Multi {
                    Input::Choices { ids: ids.clone(), step: Some(p.key.clone()) }
                } else {
                    Input::Choice { id: ids.join(","), step: Some(p.key.clone()) }
                };
                (input, format!("presses {}", ids.join(" + ")))
            }
            Act::Command(name) => {
                let Some(cmd) = Command::parse(name, words) else {
                    let all: Vec<&str> = Command::ALL.iter().map(|c| c.name()).collect();
                    return Some(fail(format!("there is no command `{name}`"), all.join(", "), name.clone()));
                };
                (Input::Command { cmd, arg: None }, format!("/{}", cmd.name()))
            }
        };
        let asked = self.prompt.as_ref().map(|p| p.key.clone()).unwrap_or_default();
        self.transcript.push((asked, said));
        let answering = !matches!(input, Input::Command { .. });
        self.apply(input, answering.then_some(()));
        None
    }

    /// One input through the engine, its effects carried out as the app carries them out
    /// (nothing stored), its replies rendered.
    fn apply(&mut self, input: Input, answering: Option<()>) {
        let before = (self.session.mode.clone(), self.session.pos.clone());
        let transient = match &input {
            Input::Choice { id, .. } => Some(Answer::Answered(Value::Choice(id.clone()))),
            _ => None,
        };
        self.now += jiff::SignedDuration::from_secs(20);
        let out = engine::step(self.env.flow, &self.env.locales.lexicon, &self.session, input, self.now);
        self.session = out.session;
        for e in out.effects {
            match e {
                Effect::Wipe => {}
                Effect::Erase => self.erased = true,
                Effect::SetResumeCode(code) => {
                    use secrecy::ExposeSecret;
                    self.session.resume_code = Some(light_hash(code.expose_secret()));
                }
                Effect::Submit => {
                    self.intake = Some(Intake {
                        code: "TEST".into(),
                        flow_id: self.env.flow.id.clone(),
                        flow_hash: self.env.flow.hash.clone(),
                        locale: self.session.lang().to_string(),
                        answers: self.session.answers.clone(),
                        submitted_at: self.now,
                        delivered_at: None,
                        contact_chat: None,
                        addenda: vec![],
                        early: self.session.status == Status::Paused,
                    })
                }
            }
        }
        let renderer = Renderer { locales: self.env.locales };
        let lang = self.session.lang().to_string();
        let mut reached_end = None;
        for reply in &out.replies {
            match reply {
                Reply::Done { msg, .. } => {
                    let end =
                        self.env.flow.steps.iter().find(|s| matches!(s.kind, Kind::End { .. }) && s.prompt == msg.id);
                    if let Some(step) = end {
                        if let Kind::End { result } = step.kind {
                            reached_end = Some((step.id.clone(), result));
                        }
                    }
                    self.prompt = None;
                }
                Reply::Exited => self.prompt = None,
                Reply::Prompt(_) => {
                    if let Out::Prompt(p) = renderer.render(&lang, reply) {
                        self.walked.steps.insert(p.step.clone());
                        self.asked.push(p.key.clone());
                        self.prompt = Some(p);
                        self.ended = None;
                    }
                }
                Reply::Notice { .. } => {}
            }
        }
        if let Some((end, result)) = &reached_end {
            self.walked.steps.insert(end.clone());
            self.asked.push(end.clone());
            self.ended = Some((end.clone(), *result));
        }
        if let Some(m) = &out.moved {
            self.walked.routes.insert((m.from.step.clone(), m.via));
        }
        if answering.is_some() {
            self.record_options(&before, transient);
        }
    }

    /// The options the answer just given chose, for coverage.
    fn record_options(&mut self, before: &(engine::Mode, Option<Pos>), transient: Option<Answer>) {
        let (engine::Mode::Step, Some(pos)) = before else {
            return;
        };
        let Some(step) = self.env.flow.step(&pos.step) else {
            return;
        };
        let answer = self.session.answers.get(&pos.key()).cloned().or(transient);
        if let Some(a) = &answer {
            for chosen in chosen_values(a) {
                self.walked.options.insert((step.id.clone(), chosen));
            }
        }
    }

    fn status(&self) -> &'static str {
        match (&self.ended, self.erased, self.session.status) {
            (Some((_, EndResult::Declined)), _, _) => "declined",
            (_, true, _) => "erased",
            // Sent from the checkpoint or a later question: sent, and the rest can still follow.
            (Some((_, EndResult::Submitted)), _, Status::Paused) => "sent_early",
            (_, _, Status::Submitted) => "submitted",
            (Some((_, EndResult::Paused)), _, _) | (_, _, Status::Paused) => "paused",
            _ => "in_progress",
        }
    }

    fn finish(&mut self, spec: &Spec, date: jiff::civil::Date, failures: &mut Vec<Failure>) {
        let e = &spec.expect;
        let line = spec.expect_line;
        let mut fail = |what: &str, expected: String, actual: String| {
            failures.push(Failure { line, what: what.to_string(), expected, actual })
        };
        let status = self.status();
        if let Some(want) = &e.status {
            if want != status {
                fail("the conversation ended differently", want.clone(), status.to_string());
            }
        }
        // The group sizes this test reached, for coverage: only for a whole intake.
        let whole = status == "submitted"
            || self
                .prompt
                .as_ref()
                .is_some_and(|p| self.env.flow.step(&p.step).is_some_and(|s| s.kind == Kind::Review));
        if whole {
            for g in self.env.flow.groups.keys() {
                let n = instances(self.env.flow, g, &self.session.answers);
                self.walked.group_sizes.entry(g.clone()).or_default().insert(n.min(2));
            }
        }
        let asked_matches = |want: &str, key: &String| {
            let want = engine_key(want);
            *key == want || (!want.contains('#') && Pos::from_key(key).step == want)
        };
        for want in &e.asked {
            if !self.asked.iter().any(|k| asked_matches(want, k)) {
                fail("a step was never asked", format!("`{want}` asked"), format!("asked: {}", self.asked_list()));
            }
        }
        for not in &e.not_asked {
            if self.asked.iter().any(|k| asked_matches(not, k)) {
                fail("a step was asked that should not be", format!("`{not}` not asked"), format!("`{not}` was asked"));
            }
        }
        let answers = match &self.intake {
            Some(i) => i.answers.clone(),
            None => self.session.answers.clone(),
        };
        for (key, want) in &e.answers {
            let got = answers.get(&engine_key(key)).map(show_answer);
            if got.as_deref() != Some(want.as_str()) {
                fail(
                    "a recorded answer differs",
                    format!("{key} = \"{want}\""),
                    match got {
                        Some(g) => format!("{key} = \"{g}\""),
                        None => format!("{key}: no answer recorded"),
                    },
                );
            }
        }
        for key in &e.no_answer {
            if let Some(a) = answers.get(&engine_key(key)) {
                fail(
                    "an answer is recorded that should not be",
                    format!("{key}: no answer"),
                    format!("{key} = \"{}\"", show_answer(a)),
                );
            }
        }
        if e.screening.is_empty() && e.summary_contains.is_empty() && e.summary_lacks.is_empty() {
            return;
        }
        let Some(intake) = &self.intake else {
            fail("the screening and summary need a submitted intake", "submitted".into(), status.to_string());
            return;
        };
        let (text, screening) = summary::markdown(self.env.flow, self.env.locales, self.env.rules, intake, date, "en");
        for want in &e.screening {
            if let Some(f) = check_screening(&screening, want) {
                fail("the screening differs", f.0, f.1);
            }
        }
        for phrase in &e.summary_contains {
            if !text.contains(phrase.as_str()) {
                fail("the attorney's summary lacks a phrase", format!("contains \"{phrase}\""), excerpt(&text));
            }
        }
        for phrase in &e.summary_lacks {
            if text.contains(phrase.as_str()) {
                fail(
                    "the attorney's summary has a phrase it must not",
                    format!("no \"{phrase}\""),
                    format!("found \"{phrase}\""),
                );
            }
        }
    }

    fn asked_list(&self) -> String {
        let shown: Vec<String> = self.asked.iter().map(|k| shown(&Pos::from_key(k))).collect();
        shown.join(", ")
    }
}

/// The option values an answer chose, including the states `prefer_not` and `dont_know`.
fn chosen_values(a: &Answer) -> Vec<String> {
    match a {
        Answer::Answered(Value::Choice(c)) => vec![c.clone()],
        Answer::Answered(Value::Choices(cs)) => cs.clone(),
        Answer::Answered(_) => Vec::new(),
        other => vec![other.state_name().to_string()],
    }
}

/// How many instances of a group the answers hold.
fn instances(flow: &Flow, group: &str, answers: &BTreeMap<String, Answer>) -> u32 {
    let mut seen = std::collections::BTreeSet::new();
    for key in answers.keys() {
        let pos = Pos::from_key(key);
        if flow.step(&pos.step).and_then(|s| s.group.as_deref()) == Some(group) {
            if let Some(i) = pos.instance {
                seen.insert(i);
            }
        }
    }
    seen.len() as u32
}

fn check_screening(s: &Screening, want: &super::spec::ScreeningExpect) -> Option<(String, String)> {
    let Some(case) = want.case.checked_sub(1).and_then(|i| s.cases.get(i)) else {
        return Some((format!("case {}", want.case), format!("{} case(s) screened", s.cases.len())));
    };
    if let Some(o) = &want.overall {
        if case.overall.name() != o {
            return Some((
                format!("case {}: overall {o}", want.case),
                format!("case {}: overall {}", want.case, case.overall.name()),
            ));
        }
    }
    if let Some(route) = &want.route {
        let Some(r) = case.routes.iter().find(|r| &r.route == route) else {
            let ids: Vec<&str> = case.routes.iter().map(|r| r.route.as_str()).collect();
            return Some((
                format!("case {}: route {route}", want.case),
                format!("routes screened: {}", ids.join(", ")),
            ));
        };
        if let Some(o) = &want.outcome {
            if r.outcome.name() != o {
                return Some((
                    format!("case {}: {route} {o}", want.case),
                    format!("case {}: {route} {}", want.case, r.outcome.name()),
                ));
            }
        }
    }
    None
}

/// The first lines of the summary, so a failure shows what it did say.
fn excerpt(text: &str) -> String {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).take(12).collect();
    format!("the summary begins:\n{}", lines.join("\n"))
}

/// A resume code's hash for a test: cheap parameters and a fixed salt (it is never stored; the
/// engine verifies it as it verifies a real one).
fn light_hash(code: &str) -> String {
    use argon2::password_hash::{PasswordHasher, SaltString};
    let Ok(params) = argon2::Params::new(256, 1, 1, None) else {
        return String::new();
    };
    let argon = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
    let Ok(salt) = SaltString::from_b64("Zmxvd3Rlc3RzYWx0") else {
        return String::new();
    };
    argon.hash_password(code.as_bytes(), &salt).map(|h| h.to_string()).unwrap_or_default()
}
