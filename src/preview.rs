//! `flows preview`: walk a flow at the terminal as a survivor would see it, with nothing stored.
//!
//! It drives the pure engine (`engine::step`) with a session kept in memory: no store, no data
//! directory, no master key, no outbox. What it shows is rendered as the console channel renders
//! it, and before each question it says which step that is and, when a branch led there, which
//! branch and why, so an admin can check a flow edit by walking it.

use crate::channel::console::format_out;
use crate::channel::render::{resolve_text, Out, OutPrompt, Renderer};
use crate::engine::answer::Pos;
use crate::engine::{self, Command, Effect, Input, Move, Outcome, Reply, Session, Status, Via};
use crate::flow::{Flow, Target};
use crate::locale::Locales;
use jiff::Timestamp;
use std::io::{BufRead, Write};

/// Where a preview starts, checked against the flow.
#[derive(Debug)]
pub struct Start {
    lang: Option<String>,
    from: Option<Pos>,
    consented: bool,
}

/// Why a preview cannot start: what the admin asked for is not in the flow.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    #[error("--lang {lang}: flow \"{flow}\" is offered in {offered}")]
    Language { lang: String, flow: String, offered: String },
    #[error("--from {step}: flow \"{flow}\" has no such step; its steps are: {steps}")]
    Step { step: String, flow: String, steps: String },
}

impl Start {
    /// From the beginning, or from step `from` (inside a repeating group, as its first
    /// instance; after consent, with consent given), in language `lang`.
    pub fn new(flow: &Flow, lang: Option<&str>, from: Option<&str>) -> Result<Start, StartError> {
        if let Some(l) = lang.filter(|l| !flow.languages.iter().any(|x| x == l)) {
            return Err(StartError::Language {
                lang: l.to_string(),
                flow: flow.id.clone(),
                offered: flow.languages.join(", "),
            });
        }
        let from = match from {
            None => None,
            Some(id) => {
                let step = flow.step(id).ok_or_else(|| StartError::Step {
                    step: id.to_string(),
                    flow: flow.id.clone(),
                    steps: flow.steps.iter().map(|s| s.id.as_str()).collect::<Vec<_>>().join(", "),
                })?;
                Some(Pos::new(id, step.group.as_ref().map(|_| 0)))
            }
        };
        // Consent is given for a walk starting past it: what comes before it is the start's
        // reach that stops at consent (the consent step included).
        let consented = from.as_ref().is_some_and(|p| !flow.reachable_from(&flow.start, true).contains(&p.step));
        Ok(Start { lang: lang.map(str::to_string), from, consented })
    }
}

/// Runs the walk until the flow ends or the input does. Writes nothing but `output`.
pub fn run(
    flow: &Flow,
    locales: &Locales,
    start: Start,
    now: impl Fn() -> Timestamp,
    input: impl BufRead,
    mut output: impl Write,
) -> anyhow::Result<()> {
    let walk = Walk { flow, locales, renderer: Renderer { locales } };
    let t = now();
    let first = match &start.from {
        None => {
            let fresh = Session::new(&flow.id, &flow.hash, t);
            engine::step(flow, &locales.lexicon, &fresh, Input::Command { cmd: Command::Start, arg: start.lang }, t)
        }
        Some(pos) => {
            let mut s = Session::new(&flow.id, &flow.hash, t);
            s.status = Status::Active;
            s.locale = start.lang;
            s.pos = Some(pos.clone());
            s.consented_at = start.consented.then_some(t);
            engine::enter(flow, &locales.lexicon, &s, t)
        }
    };
    let (mut session, mut last, done) = walk.show(first, None, &mut output)?;
    if done {
        return Ok(());
    }
    for line in input.lines() {
        let line = line?;
        let parsed = match crate::channel::parse_command(&line, &locales.lexicon) {
            Some(cmd) => cmd,
            None => match &last {
                Some(p) => resolve_text(p, &line, &locales.lexicon),
                None => Input::Text(line.clone()),
            },
        };
        let outcome = engine::step(flow, &locales.lexicon, &session, parsed, now());
        let done;
        (session, last, done) = walk.show(outcome, last, &mut output)?;
        if done {
            return Ok(());
        }
    }
    writeln!(output, "(preview: end of input; nothing was stored)")?;
    Ok(())
}

struct Walk<'a> {
    flow: &'a Flow,
    locales: &'a Locales,
    renderer: Renderer<'a>,
}

impl Walk<'_> {
    /// Prints one outcome; returns the session to go on with, the last question shown, and
    /// whether the walk is over.
    fn show(
        &self,
        outcome: Outcome,
        mut last: Option<OutPrompt>,
        out: &mut impl Write,
    ) -> anyhow::Result<(Session, Option<OutPrompt>, bool)> {
        let Outcome { mut session, replies, effects, moved } = outcome;
        let mut submitted = false;
        for effect in effects {
            match effect {
                // Hashed in memory only, so the code works at the review as it would for real.
                Effect::SetResumeCode(code) => {
                    session.resume_code = Some(crate::app::hash_code(secrecy::ExposeSecret::expose_secret(&code)))
                }
                Effect::Submit => submitted = true,
                // Nothing is kept and nothing is on a phone: nothing to wipe or erase.
                Effect::Wipe | Effect::Erase => {}
            }
        }
        let lang = session.lang().to_string();
        let hint = self.locales.format(&lang, "console-free-input-choices", &[]);
        if let Some(m) = &moved {
            if let Some(line) = self.route(m) {
                writeln!(out, "{line}")?;
            }
        }
        let mut ended = false;
        for reply in &replies {
            let shown = self.renderer.render(&lang, reply);
            if let Out::Prompt(p) = &shown {
                writeln!(out, "{}", self.where_(p))?;
                last = Some(p.clone());
            }
            ended |= matches!(reply, Reply::Done { .. });
            write!(out, "{}", format_out(&shown, &hint))?;
            writeln!(out)?;
        }
        if submitted {
            writeln!(
                out,
                "(preview: here the intake would be submitted and handed to an attorney; nothing was stored)"
            )?;
        } else if ended {
            writeln!(out, "(preview: the conversation ends here; nothing was stored)")?;
        } else {
            write!(out, "> ")?;
        }
        out.flush()?;
        Ok((session, last, ended || submitted))
    }

    /// `[step case_outcome · case #1]`, or the side question asked (`[asking: code]`).
    fn where_(&self, p: &OutPrompt) -> String {
        match self.flow.step(&p.step) {
            Some(step) => match (&step.group, p.instance) {
                (Some(g), Some(n)) => format!("[step {} · {g} #{n}]", p.step),
                _ => format!("[step {}]", p.step),
            },
            None => format!("[asking: {}]", p.step),
        }
    }

    /// The line saying which branch was taken; none for a step's plain `next`.
    fn route(&self, m: &Move) -> Option<String> {
        let step = self.flow.step(&m.from.step)?;
        let to = self.place(&m.to);
        match m.via {
            Via::Next => None,
            Via::Branch(i) => {
                let b = step.branches.get(i)?;
                let new = match &b.goto {
                    Target::NewInstance(_) => " (a new one)",
                    Target::Step(_) => "",
                };
                Some(format!("→ {to}{new} because {}", b.when.describe()))
            }
            Via::Decline => Some(format!("→ {to} because {} was declined", step.id)),
            Via::Send => Some(format!("→ {to} because the person chose to send now, at {}", step.id)),
        }
    }

    fn place(&self, p: &Pos) -> String {
        let group = self.flow.step(&p.step).and_then(|s| s.group.as_deref());
        match (group, p.instance) {
            (Some(g), Some(i)) => format!("{} · {g} #{}", p.step, i + 1),
            _ => p.step.clone(),
        }
    }
}
