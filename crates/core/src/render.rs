//! Turning the engine's replies into text in the survivor's language. Shared by every channel,
//! so the terminal, the JSON lines and Telegram say exactly the same things.

use crate::engine::answer::PartialDate;
use crate::engine::{AnswerView, Label, Msg, NoticeKind, PromptKind, Reply};
use crate::locale::{Arg, Locales};
use serde::Serialize;

/// A reply ready to show: the JSON channel prints these as they are.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Out {
    Prompt(OutPrompt),
    Info { kind: InfoKind, text: String },
    Done { text: String, submitted: bool },
}

/// What a line that is not a question is: the JSON channel prints it as `"kind"`, the terminal
/// test transcripts as `! <kind>:`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InfoKind {
    Help,
    Invalid,
    Info,
    /// The quick exit's neutral words (Telegram shows the operator's own instead).
    Exit,
    /// Something went wrong on our side (a calm message, never the cause).
    Error,
}

impl InfoKind {
    pub fn name(self) -> &'static str {
        match self {
            InfoKind::Help => "help",
            InfoKind::Invalid => "invalid",
            InfoKind::Info => "info",
            InfoKind::Exit => "exit",
            InfoKind::Error => "error",
        }
    }
}

impl std::fmt::Display for InfoKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutPrompt {
    pub step: String,
    /// `step` or `step#N`: what a choice press must name to count (see `{"choice", "step"}`).
    pub key: String,
    /// 1-based instance number inside a repeating group.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<u32>,
    pub input: PromptKind,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
    pub choices: Vec<OutChoice>,
    /// Whether typed text is accepted besides the choices.
    pub free_input: bool,
    /// The earlier answer, when coming back to a question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub review: Vec<OutReview>,
    pub skippable: bool,
    /// "Question 7 of about 30": shown under the question, never as a message's first line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub progress: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutChoice {
    pub id: String,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OutReview {
    pub key: String,
    pub question: String,
    pub answer: String,
}

pub struct Renderer<'a> {
    pub locales: &'a Locales,
}

impl Renderer<'_> {
    pub fn msg(&self, lang: &str, m: &Msg) -> String {
        self.locales.format(lang, &m.id, &m.args)
    }

    pub fn label(&self, lang: &str, l: &Label) -> String {
        match l {
            Label::Msg(m) => self.msg(lang, m),
            Label::Language(code) => self.locales.get(code).map(|l| l.name.clone()).unwrap_or_else(|| code.clone()),
            Label::Jurisdiction(code) => self.locales.lexicon.jurisdiction_name(lang, code),
        }
    }

    /// A date in `lang`, its year counted in the language's era (Thai: 2014 shows as 2557).
    pub fn date(&self, lang: &str, d: &PartialDate) -> String {
        let month = |m: u8| self.locales.format(lang, &format!("month-{m}"), &[]);
        let era = self.locales.lexicon.era_offset(lang).unwrap_or(0);
        let d = &PartialDate { year: d.year.saturating_add(era), ..*d };
        let base = match (d.month, d.day) {
            (Some(m), Some(day)) => self.locales.format(
                lang,
                "answer-date-day",
                &[
                    ("month".into(), Arg::Str(month(m))),
                    ("day".into(), Arg::Num(day as i64)),
                    ("year".into(), Arg::Str(d.year.to_string())),
                ],
            ),
            (Some(m), None) => self.locales.format(
                lang,
                "answer-date-month",
                &[("month".into(), Arg::Str(month(m))), ("year".into(), Arg::Str(d.year.to_string()))],
            ),
            _ => d.year.to_string(),
        };
        if d.approx {
            self.locales.format(lang, "answer-date-approx", &[("date".into(), Arg::Str(base))])
        } else {
            base
        }
    }

    /// An answer as the survivor sees it again: in a right-to-left language, isolated whole (its
    /// own words may be in either direction; first-strong isolation takes theirs), so a case code,
    /// a number or a date keeps its order. Left-to-right languages get it as it is.
    pub fn shown(&self, lang: &str, answer: String) -> String {
        if self.locales.get(lang).is_some_and(|l| l.rtl) {
            format!("{}{answer}{}", crate::locale::FSI, crate::locale::PDI)
        } else {
            answer
        }
    }

    pub fn answer(&self, lang: &str, a: &AnswerView) -> String {
        match a {
            AnswerView::Choice(l) => self.label(lang, l),
            AnswerView::Choices(ls) => ls.iter().map(|l| self.label(lang, l)).collect::<Vec<_>>().join(", "),
            AnswerView::Text(t) => t.clone(),
            AnswerView::Number(n) => n.to_string(),
            AnswerView::Date(d) => self.date(lang, d),
            AnswerView::PreferNot => self.locales.format(lang, "answer-prefer-not", &[]),
            AnswerView::DontKnow => self.locales.format(lang, "answer-dont-know", &[]),
            AnswerView::Skipped => self.locales.format(lang, "answer-skipped", &[]),
        }
    }

    /// Renders one reply. `exit_text` is what the quick exit leaves behind (neutral, set by the
    /// operator).
    pub fn render(&self, lang: &str, r: &Reply) -> Out {
        match r {
            Reply::Notice { kind, msg } => Out::Info {
                kind: match kind {
                    NoticeKind::Help => InfoKind::Help,
                    NoticeKind::Invalid => InfoKind::Invalid,
                    NoticeKind::Info => InfoKind::Info,
                },
                text: self.msg(lang, msg),
            },
            Reply::Exited => Out::Info { kind: InfoKind::Exit, text: self.locales.format(lang, "exit-done", &[]) },
            Reply::Done { msg, submitted } => Out::Done { text: self.msg(lang, msg), submitted: *submitted },
            Reply::Prompt(p) => Out::Prompt(OutPrompt {
                step: p.step.clone(),
                key: p.key.clone(),
                instance: p.instance.map(|i| i + 1),
                input: p.kind,
                text: self.msg(lang, &p.text),
                hint: p.hint.as_ref().map(|h| self.msg(lang, h)),
                choices: p
                    .choices
                    .iter()
                    .map(|c| OutChoice { id: c.id.clone(), label: self.label(lang, &c.label) })
                    .collect(),
                free_input: p.free_input,
                answer: p.current.as_ref().map(|a| self.shown(lang, self.answer(lang, a))),
                review: p
                    .review
                    .iter()
                    .map(|item| {
                        let q = self.msg(lang, &item.question);
                        let question = match &item.group {
                            Some(g) => format!("{} · {q}", self.msg(lang, g)),
                            None => q,
                        };
                        OutReview {
                            key: item.key.clone(),
                            question,
                            answer: self.shown(lang, self.answer(lang, &item.answer)),
                        }
                    })
                    .collect(),
                skippable: p.skippable,
                progress: p.progress.map(|pr| {
                    self.locales.format(
                        lang,
                        "progress",
                        &[("n".into(), Arg::Num(pr.n.into())), ("total".into(), Arg::Num(pr.total.into()))],
                    )
                }),
            }),
        }
    }
}

/// Resolves typed text against a prompt's choices, as a person would mean it: a choice number
/// (on steps that are choices, not numbers or dates), or a label's text. Anything else stays text.
/// Choice numbers may be written in any digits a language declares (`٣`).
pub fn resolve_text(p: &OutPrompt, text: &str, words: &crate::lexicon::Lexicon) -> crate::engine::Input {
    use crate::engine::Input;
    let ascii = words.ascii_digits(text);
    let t = ascii.trim();
    if p.input.numbers_choices() {
        // "1, 3" or "1 3" selects several on a multiple-choice step.
        if p.input == PromptKind::Multi {
            let parts: Vec<&str> = t.split([',', ' ']).filter(|s| !s.is_empty()).collect();
            let picked: Option<Vec<String>> = parts
                .iter()
                .map(|s| s.parse::<usize>().ok().and_then(|n| p.choices.get(n.checked_sub(1)?)).map(|c| c.id.clone()))
                .collect();
            if let Some(ids) = picked.filter(|v| !v.is_empty()) {
                return Input::Choices { ids, step: Some(p.key.clone()) };
            }
        } else if let Some(c) = t.parse::<usize>().ok().and_then(|n| p.choices.get(n.checked_sub(1)?)) {
            return Input::Choice { id: c.id.clone(), step: Some(p.key.clone()) };
        }
    }
    let folded = crate::jurisdiction::fold(t);
    if let Some(c) = p.choices.iter().find(|c| crate::jurisdiction::fold(&c.label) == folded || c.id == t) {
        return Input::Choice { id: c.id.clone(), step: Some(p.key.clone()) };
    }
    Input::Text(text.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_kinds_print_as_the_json_channel_printed_them() {
        for (kind, name) in [
            (InfoKind::Help, "help"),
            (InfoKind::Invalid, "invalid"),
            (InfoKind::Info, "info"),
            (InfoKind::Exit, "exit"),
            (InfoKind::Error, "error"),
        ] {
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::Value::String(name.into())));
            assert_eq!(kind.to_string(), name);
        }
    }
}
