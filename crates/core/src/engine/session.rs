//! A conversation as plain data, so it can be stored, resumed and carried across flow edits.

use super::answer::{Answer, Pos};
use crate::lexicon::Lexicon;
use crate::locale::Arg;
use jiff::Timestamp;
use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Session {
    pub flow_id: String,
    /// Hash of the flow the session last ran on; a mismatch triggers reconciliation.
    pub flow_hash: String,
    pub locale: Option<String>,
    pub status: Status,
    /// The step awaiting an answer.
    pub pos: Option<Pos>,
    /// Answers by `Pos::key()`. Only kept once consent is given.
    pub answers: BTreeMap<String, Answer>,
    /// Steps passed through, for `/back`.
    pub history: Vec<Pos>,
    pub mode: Mode,
    pub consented_at: Option<Timestamp>,
    /// Argon2 hash (PHC string) of the optional resume code. Never the code itself.
    pub resume_code: Option<String>,
    pub code_failures: u32,
    pub locked_until: Option<Timestamp>,
    /// The code was entered for this sitting, so the review may be shown.
    pub unlocked: bool,
    /// An answer is being changed from the review: return there once the path is whole again.
    pub review_edit: bool,
    pub created_at: Timestamp,
    pub updated_at: Timestamp,
    pub submitted_at: Option<Timestamp>,
    /// Set by the app, never by the engine: the channel's id of the last input applied to this
    /// session and when, written with the session itself, so a redelivered input is recognised
    /// without a separate record (see `App::handle_with`).
    #[serde(default)]
    pub last_input: Option<(u64, Timestamp)>,
    /// Set by the app, never by the engine: the milestones this conversation has counted in the
    /// administrators' aggregate counts (`crate::stats`), so each counts once. Kept across a
    /// restart of the intake; gone with an erasure.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub counted: BTreeSet<crate::stats::Milestone>,
    /// Set by the app, never by the engine: the case this conversation's answers went to and
    /// what went, so that a later send (after sending early) is an addendum to that case, never a
    /// second case. Gone with a restart or an erasure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent: Option<Sent>,
}

/// What a conversation sent, and to which case.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sent {
    pub case: String,
    /// The answers as they were at the last send.
    pub answers: BTreeMap<String, super::answer::Answer>,
    /// Addenda sent so far.
    pub addenda: u32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Nothing has happened yet.
    New,
    Active,
    /// Stopped by `/exit`, end of input, or a "not now" ending; can be resumed.
    Paused,
    Submitted,
}

/// What the next input answers, when it is not the current step.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "mode", rename_all = "snake_case")]
pub enum Mode {
    Step,
    ConfirmDelete,
    ChooseLanguage,
    ResumeOrRestart,
    EnterCode {
        then: AfterCode,
    },
    /// A new resume code was typed once: it must be typed again, the same, before it counts (a
    /// mistyped code would lock the survivor out). Holds a BLAKE3 hash of the first typing, for
    /// this one step only.
    ConfirmCode {
        first: String,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AfterCode {
    Resume,
    Review,
}

impl Session {
    pub fn new(flow_id: &str, flow_hash: &str, now: Timestamp) -> Session {
        Session {
            flow_id: flow_id.to_string(),
            flow_hash: flow_hash.to_string(),
            locale: None,
            status: Status::New,
            pos: None,
            answers: BTreeMap::new(),
            history: Vec::new(),
            mode: Mode::Step,
            consented_at: None,
            resume_code: None,
            code_failures: 0,
            locked_until: None,
            unlocked: false,
            review_edit: false,
            created_at: now,
            updated_at: now,
            submitted_at: None,
            last_input: None,
            counted: BTreeSet::new(),
            sent: None,
        }
    }

    pub fn lang(&self) -> &str {
        self.locale.as_deref().unwrap_or(crate::locale::FALLBACK)
    }
}

/// What the survivor did.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Text(String),
    /// A pressed button or a chosen number. `step` is the `Pos::key()` the button was shown for,
    /// when the channel knows it: a press for another step is stale and re-prompts.
    Choice {
        id: String,
        step: Option<String>,
    },
    Choices {
        ids: Vec<String>,
        step: Option<String>,
    },
    Command {
        cmd: Command,
        arg: Option<String>,
    },
}

impl Input {
    pub fn cmd(cmd: Command) -> Input {
        Input::Command { cmd, arg: None }
    }
    pub fn choice(id: &str) -> Input {
        Input::Choice { id: id.to_string(), step: None }
    }
}

/// A command by its own name (`exit`): the name is the protocol (the JSON channel's
/// `{"command": ...}`, Telegram's command menu); what people type in their own language for it
/// (`/salir`) is locale data (`[commands]` in `locale.toml`, read into the [`Lexicon`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Command {
    /// Begin, or offer to resume. The argument may carry the channel's language hint.
    Start,
    Back,
    Skip,
    /// Quick exit: pause and ask the channel to wipe what it can.
    Exit,
    /// Erase my data (after one confirmation).
    Delete,
    Language,
    Help,
}

impl Command {
    /// A command by its own name or by a word some loaded language types for it.
    pub fn parse(s: &str, words: &Lexicon) -> Option<Command> {
        words.command(s)
    }

    pub const ALL: [Command; 7] = [
        Command::Start,
        Command::Back,
        Command::Skip,
        Command::Exit,
        Command::Delete,
        Command::Language,
        Command::Help,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Command::Start => "start",
            Command::Back => "back",
            Command::Skip => "skip",
            Command::Exit => "exit",
            Command::Delete => "delete",
            Command::Language => "language",
            Command::Help => "help",
        }
    }
}

/// A message to render: a Fluent id and its arguments.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Msg {
    pub id: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub args: Vec<(String, Arg)>,
}

impl Msg {
    pub fn new(id: &str) -> Msg {
        Msg { id: id.to_string(), args: Vec::new() }
    }
    pub fn arg(mut self, name: &str, value: Arg) -> Msg {
        self.args.push((name.to_string(), value));
        self
    }
}

/// What the engine wants said.
#[derive(Clone, Debug, PartialEq)]
pub enum Reply {
    /// Help, an explanation of invalid input, a confirmation.
    Notice {
        kind: NoticeKind,
        msg: Msg,
    },
    Prompt(Box<Prompt>),
    /// The quick exit happened; the channel shows its neutral text.
    Exited,
    /// The conversation reached an end step.
    Done {
        msg: Msg,
        submitted: bool,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    Help,
    Invalid,
    Info,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Prompt {
    /// `Pos::key()` of the step, or a mode name (`delete`, `language`, `resume`, `code`).
    pub key: String,
    pub step: String,
    pub instance: Option<u32>,
    pub kind: super::PromptKind,
    pub text: Msg,
    pub hint: Option<Msg>,
    pub choices: Vec<ChoiceView>,
    /// Whether typed text is accepted (besides the choices).
    pub free_input: bool,
    /// The answer given earlier, when coming back to a question.
    pub current: Option<AnswerView>,
    /// For the review: every answer on the path.
    pub review: Vec<ReviewItem>,
    pub skippable: bool,
    /// Where the survivor is on the path their answers lead to (see [`super::progress`]).
    pub progress: Option<Progress>,
}

/// "Question `n` of about `total`": `n` counts the prompts from the start of the flow to this one
/// on the path the answers so far lead to, `total` the prompts on that path up to the end, taking
/// the default way wherever an answer is still to come (so "about").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    pub n: u32,
    pub total: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChoiceView {
    pub id: String,
    pub label: Label,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Label {
    Msg(Msg),
    /// A language, shown by its own name.
    Language(String),
    /// A jurisdiction code, shown by name.
    Jurisdiction(String),
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReviewItem {
    pub key: String,
    /// The question's short name (the prompt's `.short` attribute).
    pub question: Msg,
    /// "Case 2" for answers inside a repeating group.
    pub group: Option<Msg>,
    pub answer: AnswerView,
}

/// An answer ready for display: choice labels as messages, values as they are.
#[derive(Clone, Debug, PartialEq)]
pub enum AnswerView {
    Choice(Label),
    Choices(Vec<Label>),
    Text(String),
    Number(i64),
    Date(super::answer::PartialDate),
    PreferNot,
    DontKnow,
    Skipped,
}

/// What the channel or store must do besides replying.
#[derive(Debug)]
pub enum Effect {
    /// Delete what can be deleted of this conversation on the survivor's device.
    Wipe,
    /// Erase every stored record of this survivor (crypto-shredding in the store).
    Erase,
    /// The intake is complete: hand it on.
    Submit,
    /// Hash this code (slowly, with a random salt) into `Session::resume_code`.
    SetResumeCode(SecretString),
}

impl PartialEq for Effect {
    fn eq(&self, other: &Self) -> bool {
        std::mem::discriminant(self) == std::mem::discriminant(other)
    }
}

#[derive(Debug)]
pub struct Outcome {
    pub session: Session,
    pub replies: Vec<Reply>,
    pub effects: Vec<Effect>,
    /// How the conversation left a step on this input, if it did. Channels do not need it; a
    /// tool that explains a walk does (`flows preview`: "→ case_final_charge because ...").
    pub moved: Option<Move>,
}

/// A step left for another.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Move {
    pub from: Pos,
    /// Where the flow leads, before an answer changed from the review skips what is answered.
    pub to: Pos,
    pub via: Via,
}

/// Which way out of a step was taken.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Via {
    /// The step's `next`.
    Next,
    /// The step's branch with this index (its first that held).
    Branch(usize),
    /// A consent step's `decline`.
    Decline,
    /// "Send this now" at the checkpoint, or "Send what I've told you" after it: the checkpoint's
    /// `send`.
    Send,
}
