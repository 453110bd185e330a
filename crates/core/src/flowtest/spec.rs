//! A flow test as an admin writes it (`flows/tests/*.toml`): a conversation, and what must follow.
//! See `docs/flows.md` ("Flow tests") for the format.

use crate::diag::Diagnostic;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One test file, read.
#[derive(Debug, Clone)]
pub struct Spec {
    pub path: PathBuf,
    pub description: String,
    /// The day the conversation happens and the screening is made (`YYYY-MM-DD`); the caller's
    /// today when absent.
    pub date: Option<jiff::civil::Date>,
    pub turns: Vec<Turn>,
    pub expect: Expect,
    /// 1-based line of the `[expect]` table, for failures about it.
    pub expect_line: usize,
}

/// What the survivor does at one turn.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The step that must be asking at this moment: `case_outcome` (any case) or
    /// `case_outcome#2` (the second case).
    pub at: Option<String>,
    pub act: Act,
    /// 1-based line in the test file.
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Act {
    /// Typed text, read as the terminal reads it: a number picks that option, an option's label
    /// (in the conversation's language) picks it, `/back` is a command.
    Say(String),
    /// Buttons pressed, by option value (`conviction`); several for a multiple choice.
    Press(Vec<String>),
    /// A command by its name (`back`, `skip`, `exit`, `delete`, `language`, `help`, `start`).
    Command(String),
}

/// What must hold at the end. Every field is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Expect {
    /// `submitted`, `sent_early` (sent before the end; the rest can follow), `paused`,
    /// `declined`, `erased` or `in_progress`.
    pub status: Option<String>,
    /// Steps that must have been asked (`case_date`, or `case_date#2`).
    pub asked: Vec<String>,
    pub not_asked: Vec<String>,
    /// Recorded answers, by step (1-based case number after `#`): an option value, the text
    /// typed, a number, a date (`2014-03`), `prefer_not`, `dont_know` or `skipped`; a list for
    /// a multiple choice.
    pub answers: BTreeMap<String, String>,
    /// Steps that must have no recorded answer.
    pub no_answer: Vec<String>,
    pub screening: Vec<ScreeningExpect>,
    pub summary_contains: Vec<String>,
    pub summary_lacks: Vec<String>,
}

/// An expected screening result for one case (1-based): its overall outcome, or one route's.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScreeningExpect {
    pub case: usize,
    #[serde(default)]
    pub overall: Option<String>,
    /// The route id (`rules/<J>.toml`, `[[route]] id`), with `outcome`.
    #[serde(default)]
    pub route: Option<String>,
    #[serde(default)]
    pub outcome: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    description: String,
    #[serde(default)]
    date: Option<Spanned<String>>,
    turns: Vec<Spanned<RawTurn>>,
    #[serde(default)]
    expect: Option<Spanned<RawExpect>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTurn {
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    say: Option<String>,
    #[serde(default)]
    press: Option<OneOrMany>,
    #[serde(default)]
    command: Option<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Value {
    Str(String),
    Int(i64),
    List(Vec<String>),
}

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawExpect {
    #[serde(default)]
    status: Option<String>,
    #[serde(default)]
    asked: Vec<String>,
    #[serde(default)]
    not_asked: Vec<String>,
    #[serde(default)]
    answers: BTreeMap<String, Value>,
    #[serde(default)]
    no_answer: Vec<String>,
    #[serde(default)]
    screening: Vec<ScreeningExpect>,
    #[serde(default)]
    summary_contains: Vec<String>,
    #[serde(default)]
    summary_lacks: Vec<String>,
}

pub const STATUSES: [&str; 6] = ["submitted", "sent_early", "paused", "declined", "erased", "in_progress"];

/// Reads a test file; a problem is a diagnostic with its line, as for flows.
pub fn parse(path: &Path, text: &str) -> Result<Spec, Vec<Diagnostic>> {
    let lc = |offset: usize| line_col(text, offset);
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let pos = e.span().map(|s| lc(s.start)).unwrap_or((1, 1));
        vec![Diagnostic::error(path, pos, "test-syntax", e.message().to_string()).with_source(text)]
    })?;
    let mut diags = Vec::new();
    let date = raw.date.as_ref().and_then(|d| match jiff::civil::Date::strptime("%Y-%m-%d", d.get_ref()) {
        Ok(date) => Some(date),
        Err(_) => {
            diags.push(
                Diagnostic::error(path, lc(d.span().start), "test-date", "`date` must be a day written YYYY-MM-DD")
                    .with_source(text),
            );
            None
        }
    });
    let mut turns = Vec::new();
    for t in &raw.turns {
        let pos = lc(t.span().start);
        let r = t.get_ref();
        let acts = [
            r.say.clone().map(Act::Say),
            r.press.as_ref().map(|p| match p {
                OneOrMany::One(s) => Act::Press(vec![s.clone()]),
                OneOrMany::Many(v) => Act::Press(v.clone()),
            }),
            r.command.clone().map(|c| Act::Command(c.trim_start_matches('/').to_string())),
        ];
        let mut acts: Vec<Act> = acts.into_iter().flatten().collect();
        if acts.len() != 1 {
            diags.push(
                Diagnostic::error(
                    path,
                    pos,
                    "test-turn",
                    "each turn does exactly one thing: `say = \"...\"`, `press = \"option\"` or `command = \"back\"`",
                )
                .with_source(text),
            );
            continue;
        }
        turns.push(Turn { at: r.at.clone(), act: acts.remove(0), line: pos.0 });
    }
    let (expect, expect_line) = match &raw.expect {
        None => (Expect::default(), 1),
        Some(e) => {
            let line = lc(e.span().start).0;
            let r = e.get_ref();
            if let Some(s) = r.status.as_deref().filter(|s| !STATUSES.contains(s)) {
                diags.push(
                    Diagnostic::error(
                        path,
                        (line, 1),
                        "test-status",
                        format!("unknown status \"{s}\"; use one of {}", STATUSES.join(", ")),
                    )
                    .with_source(text),
                );
            }
            let answers = r
                .answers
                .iter()
                .map(|(k, v)| {
                    let v = match v {
                        Value::Str(s) => s.clone(),
                        Value::Int(i) => i.to_string(),
                        Value::List(l) => l.join(", "),
                    };
                    (k.clone(), v)
                })
                .collect();
            let expect = Expect {
                status: r.status.clone(),
                asked: r.asked.clone(),
                not_asked: r.not_asked.clone(),
                answers,
                no_answer: r.no_answer.clone(),
                screening: r.screening.clone(),
                summary_contains: r.summary_contains.clone(),
                summary_lacks: r.summary_lacks.clone(),
            };
            (expect, line)
        }
    };
    if turns.is_empty() && diags.is_empty() {
        diags.push(Diagnostic::error(path, (1, 1), "test-empty", "a test needs at least one turn").with_source(text));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Spec { path: path.to_path_buf(), description: raw.description, date, turns, expect, expect_line })
}

fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, text[start..offset].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_turns_and_expectations_with_their_lines() {
        let text = r#"description = "x"
date = "2026-12-01"
turns = [
  { at = "language", press = "en" },
  { say = "1" },
  { command = "/back" },
  { press = ["a", "b"] },
]
[expect]
status = "submitted"
answers = { case_state = "NY", case_harm = ["a", "b"], case_age = 17 }
"#;
        let s = parse(Path::new("t.toml"), text).map_err(|d| d[0].headline()).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(s.turns.len(), 4);
        assert_eq!(s.turns[0].line, 4);
        assert_eq!(s.turns[0].at.as_deref(), Some("language"));
        assert_eq!(s.turns[2].act, Act::Command("back".into()));
        assert_eq!(s.turns[3].act, Act::Press(vec!["a".into(), "b".into()]));
        assert_eq!(s.expect.answers.get("case_harm").map(String::as_str), Some("a, b"));
        assert_eq!(s.expect.answers.get("case_age").map(String::as_str), Some("17"));
        assert_eq!(s.expect_line, 9);
    }

    #[test]
    fn a_turn_that_does_two_things_is_refused_with_its_line() {
        let text = "description = \"x\"\nturns = [\n  { say = \"1\", press = \"a\" },\n]\n";
        let d = parse(Path::new("t.toml"), text).err().unwrap_or_default();
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].line, d[0].code), (3, "test-turn"));
    }

    #[test]
    fn unknown_keys_and_statuses_are_refused() {
        let d =
            parse(Path::new("t.toml"), "description = \"x\"\nturns = [{ sey = \"1\" }]\n").err().unwrap_or_default();
        assert_eq!(d.first().map(|d| d.code), Some("test-syntax"));
        let d =
            parse(Path::new("t.toml"), "description = \"x\"\nturns = [{ say = \"1\" }]\n[expect]\nstatus = \"done\"\n")
                .err()
                .unwrap_or_default();
        assert_eq!(d.first().map(|d| (d.code, d.line)), Some(("test-status", 3)));
    }
}
