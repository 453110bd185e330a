//! What kind of answer a prompt asks for: the engine names it, channels read it to lay the
//! prompt out (buttons to tick, a number to type, a review to page through). The JSON channel
//! prints it as the prompt's `"input"`, so the serde names are part of that output.

use crate::flow::Kind;
use serde::Serialize;

/// A prompt's input kind. The flow's step kinds, and the kinds of the engine's own questions
/// (confirm a deletion, resume or restart, a resume code).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PromptKind {
    Language,
    Single,
    Multi,
    YesNo,
    Text,
    Number,
    Date,
    Jurisdiction,
    Consent,
    ResumeCode,
    Info,
    Review,
    End,
    /// Delete everything, or not.
    Confirm,
    /// Resume or restart.
    Choice,
    /// A resume code, typed (once, then again).
    Code,
}

impl PromptKind {
    /// The kind of a flow step's prompt.
    pub fn of(kind: &Kind) -> PromptKind {
        match kind {
            Kind::Language => PromptKind::Language,
            Kind::Single => PromptKind::Single,
            Kind::Multi => PromptKind::Multi,
            Kind::YesNo => PromptKind::YesNo,
            Kind::Text { .. } => PromptKind::Text,
            Kind::Number { .. } => PromptKind::Number,
            Kind::Date { .. } => PromptKind::Date,
            Kind::Jurisdiction => PromptKind::Jurisdiction,
            Kind::Consent { .. } => PromptKind::Consent,
            Kind::ResumeCode => PromptKind::ResumeCode,
            Kind::Info => PromptKind::Info,
            Kind::Review => PromptKind::Review,
            // Two choices (send now, tell more), the answers so far listed above them.
            Kind::Checkpoint { .. } => PromptKind::Single,
            Kind::End { .. } => PromptKind::End,
        }
    }

    /// The name the JSON channel prints (its serde name).
    pub fn name(self) -> &'static str {
        match self {
            PromptKind::Language => "language",
            PromptKind::Single => "single",
            PromptKind::Multi => "multi",
            PromptKind::YesNo => "yes_no",
            PromptKind::Text => "text",
            PromptKind::Number => "number",
            PromptKind::Date => "date",
            PromptKind::Jurisdiction => "jurisdiction",
            PromptKind::Consent => "consent",
            PromptKind::ResumeCode => "resume_code",
            PromptKind::Info => "info",
            PromptKind::Review => "review",
            PromptKind::End => "end",
            PromptKind::Confirm => "confirm",
            PromptKind::Choice => "choice",
            PromptKind::Code => "code",
        }
    }

    /// Whether a typed number means a choice by its position (not on a question whose answer is
    /// itself typed: a number, a date, text or a code).
    pub fn numbers_choices(self) -> bool {
        !matches!(
            self,
            PromptKind::Number | PromptKind::Date | PromptKind::Text | PromptKind::Code | PromptKind::ResumeCode
        )
    }
}

impl std::fmt::Display for PromptKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// A kind equals its printed name, as a reader of the JSON output compares it (tests pin the
/// names this way). Code inside the crate matches on the variants.
impl PartialEq<&str> for PromptKind {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_prints_as_the_json_channel_printed_it() {
        let names = [
            (PromptKind::Language, "language"),
            (PromptKind::Single, "single"),
            (PromptKind::Multi, "multi"),
            (PromptKind::YesNo, "yes_no"),
            (PromptKind::Text, "text"),
            (PromptKind::Number, "number"),
            (PromptKind::Date, "date"),
            (PromptKind::Jurisdiction, "jurisdiction"),
            (PromptKind::Consent, "consent"),
            (PromptKind::ResumeCode, "resume_code"),
            (PromptKind::Info, "info"),
            (PromptKind::Review, "review"),
            (PromptKind::End, "end"),
            (PromptKind::Confirm, "confirm"),
            (PromptKind::Choice, "choice"),
            (PromptKind::Code, "code"),
        ];
        for (kind, name) in names {
            assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::Value::String(name.into())));
            assert_eq!(kind.to_string(), name);
        }
    }
}
