//! The terminal channel: `clearpath chat` as a person types it, and `clearpath chat --json` as a
//! program drives it (one JSON object per line each way).
//!
//! Both flush the store before writing the reply to an input, so an answer counts as stored once
//! the line after it has appeared.

use super::render::{resolve_text, Out, OutPrompt};
use crate::app::App;
use crate::engine::{Command, Input, PromptKind};
use crate::store::Subject;
use serde::Deserialize;
use std::io::{BufRead, Write};

/// One line of `chat --json` input.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonIn {
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub choice: Option<String>,
    #[serde(default)]
    pub choices: Option<Vec<String>>,
    #[serde(default)]
    pub command: Option<String>,
    #[serde(default)]
    pub arg: Option<String>,
    /// The prompt `key` a choice was made for; a choice for another prompt is stale.
    #[serde(default)]
    pub step: Option<String>,
}

impl JsonIn {
    pub fn into_input(self, words: &crate::lexicon::Lexicon) -> Result<Input, String> {
        let set = [self.text.is_some(), self.choice.is_some(), self.choices.is_some(), self.command.is_some()];
        if set.iter().filter(|x| **x).count() != 1 {
            return Err("each line needs exactly one of \"text\", \"choice\", \"choices\" or \"command\"".into());
        }
        if let Some(t) = self.text {
            return Ok(Input::Text(t));
        }
        if let Some(id) = self.choice {
            return Ok(Input::Choice { id, step: self.step });
        }
        if let Some(ids) = self.choices {
            return Ok(Input::Choices { ids, step: self.step });
        }
        let name = self.command.unwrap_or_default();
        match Command::parse(&name, words) {
            Some(cmd) => Ok(Input::Command { cmd, arg: self.arg }),
            None => Err(format!("unknown command \"{name}\"; use back, skip, exit, delete, language, help or start")),
        }
    }
}

/// Formats a reply for a person at a terminal.
pub fn format_out(out: &Out, free_input_hint: &str) -> String {
    let mut s = String::new();
    match out {
        Out::Info { text, .. } => {
            s.push_str(text.trim_end());
            s.push('\n');
        }
        Out::Done { text, .. } => {
            s.push_str(text.trim_end());
            s.push('\n');
        }
        Out::Prompt(p) => format_prompt(&mut s, p, free_input_hint),
    }
    s
}

fn format_prompt(s: &mut String, p: &OutPrompt, free_input_hint: &str) {
    s.push_str(p.text.trim_end());
    s.push('\n');
    if let Some(h) = &p.hint {
        s.push_str(&format!("  ({})\n", h.trim()));
    }
    if let Some(pr) = &p.progress {
        s.push_str(&format!("  [{}]\n", pr.trim()));
    }
    if p.input == PromptKind::Review {
        // "1. Send", then each answer under the number that changes it.
        if let Some(submit) = p.choices.first() {
            s.push_str(&format!("  1. {}\n", submit.label));
        }
        for (i, item) in p.review.iter().enumerate() {
            s.push_str(&format!("  {}. {}: {}\n", i + 2, item.question, item.answer));
        }
        return;
    }
    // The answers so far, above the choice (the checkpoint: send them now, or tell more).
    for item in &p.review {
        s.push_str(&format!("  · {}: {}\n", item.question, item.answer));
    }
    if let Some(a) = &p.answer {
        s.push_str(&format!("  → {a}\n"));
    }
    if p.free_input
        && !p.choices.is_empty()
        && matches!(p.input, PromptKind::Number | PromptKind::Date | PromptKind::Text | PromptKind::ResumeCode)
    {
        // Numbers would be ambiguous on these steps: the choices are typed by their words.
        let words: Vec<String> = p.choices.iter().map(|c| format!("\"{}\"", c.label)).collect();
        s.push_str(&format!("  {} {}\n", free_input_hint, words.join(" · ")));
    } else {
        for (i, c) in p.choices.iter().enumerate() {
            s.push_str(&format!("  {}. {}\n", i + 1, c.label));
        }
    }
}

/// Runs a conversation at a terminal (or, with `json`, as JSON lines) until end of input, which
/// pauses it.
pub fn run(
    app: &App,
    who: &Subject,
    json: bool,
    lang_hint: Option<String>,
    input: impl BufRead,
    mut output: impl Write,
) -> anyhow::Result<()> {
    let mut last_prompt: Option<OutPrompt> = None;
    let mut lang = String::from(crate::locale::FALLBACK);
    let emit = |handled: crate::app::Handled,
                last: &mut Option<OutPrompt>,
                lang: &mut String,
                output: &mut dyn Write|
     -> anyhow::Result<()> {
        *lang = handled.lang.clone();
        for o in &handled.out {
            if let Out::Prompt(p) = o {
                *last = Some(p.clone());
            }
            if json {
                writeln!(output, "{}", serde_json::to_string(o)?)?;
            } else {
                let hint = app.locales().format(lang, "console-free-input-choices", &[]);
                write!(output, "{}", format_out(o, &hint))?;
                writeln!(output)?;
            }
        }
        if !json && handled.wipe {
            // Clear the terminal screen and its scrollback: the closest a terminal has to wiping.
            write!(output, "\x1b[3J\x1b[2J\x1b[H")?;
            for o in &handled.out {
                let hint = app.locales().format(lang, "console-free-input-choices", &[]);
                write!(output, "{}", format_out(o, &hint))?;
            }
        }
        if let Some(code) = &handled.submitted {
            tracing::info!(case = %code, "intake submitted");
            if let Some(h) = &app.handoff {
                match crate::handoff::write_to_outbox(app, h, who, code) {
                    Ok(path) => tracing::info!(path = %path.display(), "sealed referral written"),
                    Err(e) => {
                        tracing::error!(error = %e, "the sealed referral could not be written; the intake is kept")
                    }
                }
            }
        }
        output.flush()?;
        Ok(())
    };

    let first = app.handle(who, Input::Command { cmd: Command::Start, arg: lang_hint }, jiff::Timestamp::now())?;
    emit(first, &mut last_prompt, &mut lang, &mut output)?;
    if !json {
        write!(output, "> ")?;
        output.flush()?;
    }

    for line in input.lines() {
        let line = line?;
        let parsed: Result<Input, String> = if json {
            if line.trim().is_empty() {
                continue;
            }
            serde_json::from_str::<JsonIn>(&line)
                .map_err(|e| format!("not a valid input line: {e}"))
                .and_then(|j| j.into_input(&app.locales().lexicon))
        } else if let Some(cmd) = super::parse_command(&line, &app.locales().lexicon) {
            Ok(cmd)
        } else {
            Ok(match &last_prompt {
                Some(p) => resolve_text(p, &line, &app.locales().lexicon),
                None => Input::Text(line.clone()),
            })
        };
        match parsed {
            Ok(input) => {
                let handled = app.handle(who, input, jiff::Timestamp::now())?;
                emit(handled, &mut last_prompt, &mut lang, &mut output)?;
            }
            Err(e) => {
                let o = Out::Info { kind: crate::channel::render::InfoKind::Error, text: e };
                writeln!(output, "{}", serde_json::to_string(&o)?)?;
                output.flush()?;
            }
        }
        if !json {
            write!(output, "> ")?;
            output.flush()?;
        }
    }
    app.pause(who, jiff::Timestamp::now())?;
    Ok(())
}
