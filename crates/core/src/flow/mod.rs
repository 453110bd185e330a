//! Flows: the intake script as data (`flows/*.toml`), edited by legal-aid staff.
//!
//! Loading keeps every source position so that `flows check` can point at the exact line an admin
//! has to fix. The compiled [`Flow`] is plain data; the engine walks it and never reads files.

pub mod check;
mod describe;
pub mod graph;
mod load;
pub mod paths;

pub use load::load_str;

use crate::engine::answer::PartialDate;
use crate::engine::parse::When;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::ops::Range;
use std::path::PathBuf;

/// A byte range in the flow file, kept for diagnostics only.
pub type Span = Range<usize>;

#[derive(Debug, Clone, Serialize)]
pub struct Flow {
    pub id: String,
    pub start: String,
    /// Languages this flow is offered in, in the order the picker shows them.
    pub languages: Vec<String>,
    /// Screening fields kept for the attorney that a legal-aid office needs to call back (how and
    /// when contact is safe): a step on the short path must feed a screened field or one of these.
    /// Left out of the hash when empty, so flows that declare none keep their hash.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub contact_needs: Vec<String>,
    pub groups: BTreeMap<String, Group>,
    pub steps: Vec<Step>,
    /// Short hash of the flow's content (not its comments or layout), stored in each session so a
    /// conversation notices when the flow it started on has been edited.
    #[serde(skip)]
    pub hash: String,
    #[serde(skip)]
    index: HashMap<String, usize>,
    #[serde(skip)]
    pub source: Source,
}

/// Where a flow came from, for diagnostics.
#[derive(Debug, Clone, Default)]
pub struct Source {
    pub path: PathBuf,
    pub text: String,
    pub header_span: Span,
    pub start_span: Span,
    pub languages_span: Span,
    pub contact_needs_span: Span,
}

impl Source {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
        let col = self.text[line_start..offset].chars().count() + 1;
        (line, col)
    }
}

/// A repeating group: "tell me about another arrest or conviction".
#[derive(Debug, Clone, Serialize)]
pub struct Group {
    pub id: String,
    /// First step of every instance.
    pub start: String,
    /// Fluent message naming one instance in the review ("Case { $n }").
    pub label: String,
    pub max: u32,
    #[serde(skip)]
    pub span: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub kind: Kind,
    /// Fluent message id of the question. Its `.short` attribute names the answer in the review.
    pub prompt: String,
    /// Optional Fluent message explaining why the question is asked.
    pub hint: Option<String>,
    pub group: Option<String>,
    pub options: Vec<Choice>,
    pub next: Option<Target>,
    pub branches: Vec<Branch>,
    pub skippable: bool,
    /// On the short path: what a first referral needs, asked right after consent (see
    /// `docs/flows.md`). Left out of the hash when false, so unmarked steps keep theirs.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub short: bool,
    pub prefer_not: bool,
    pub dont_know: bool,
    /// The screening field this answer feeds (see `rules/README.md`).
    pub field: Option<String>,
    #[serde(skip)]
    pub spans: StepSpans,
}

#[derive(Debug, Clone, Default)]
pub struct StepSpans {
    pub whole: Span,
    pub id: Span,
    pub kind: Span,
    pub prompt: Span,
    pub hint: Span,
    pub next: Span,
    pub group: Span,
    pub field: Span,
    pub extra: Span,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    /// Stable id stored as the answer; translations change labels, never values.
    pub value: String,
    /// Fluent message id of the label.
    pub label: String,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub label_span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Kind {
    /// Pick the conversation language.
    Language,
    Single,
    Multi,
    /// Yes / no / not sure.
    YesNo,
    Text {
        max_len: u32,
    },
    Number {
        min: Option<i64>,
        max: Option<i64>,
    },
    Date {
        when: When,
    },
    /// A US state, DC or federal: two-letter code, a name, or one of `options`.
    Jurisdiction,
    /// Agreement to the terms. Nothing is kept before this step is passed.
    Consent {
        decline: Target,
    },
    /// Optional code that protects resuming and the review.
    ResumeCode,
    /// A message with a "continue" button.
    Info,
    /// Every answer, with the chance to change any before submitting.
    Review,
    /// The end of the short path: the answers so far, then "Send this now" (to `send`, an end
    /// with `result = "submitted"`) or "Tell you more" (to `next`). After it, every question
    /// also offers "Send what I've told you", which goes to `send` as well.
    Checkpoint {
        send: Target,
    },
    /// The conversation ends here.
    End {
        result: EndResult,
    },
}

impl Kind {
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Language => "language",
            Kind::Single => "single",
            Kind::Multi => "multi",
            Kind::YesNo => "yes_no",
            Kind::Text { .. } => "text",
            Kind::Number { .. } => "number",
            Kind::Date { .. } => "date",
            Kind::Jurisdiction => "jurisdiction",
            Kind::Consent { .. } => "consent",
            Kind::ResumeCode => "resume_code",
            Kind::Info => "info",
            Kind::Review => "review",
            Kind::Checkpoint { .. } => "checkpoint",
            Kind::End { .. } => "end",
        }
    }

    /// Steps whose answer is kept in the session (and so needs consent first).
    pub fn keeps_answer(&self) -> bool {
        matches!(
            self,
            Kind::Single
                | Kind::Multi
                | Kind::YesNo
                | Kind::Text { .. }
                | Kind::Number { .. }
                | Kind::Date { .. }
                | Kind::Jurisdiction
        )
    }

    /// Kinds that may come before consent: they ask nothing personal.
    pub fn allowed_before_consent(&self) -> bool {
        matches!(
            self,
            Kind::Language | Kind::Single | Kind::YesNo | Kind::Info | Kind::Consent { .. } | Kind::End { .. }
        )
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EndResult {
    /// The intake is complete and is handed on.
    Submitted,
    /// The conversation stops for now and can be resumed (e.g. "not safe right now").
    Paused,
    /// Consent was declined: nothing is kept.
    Declined,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Target {
    Step(String),
    /// Start a new instance of the group (`new:case`).
    NewInstance(String),
}

impl Target {
    pub fn parse(s: &str) -> Target {
        match s.strip_prefix("new:") {
            Some(g) => Target::NewInstance(g.trim().to_string()),
            None => Target::Step(s.trim().to_string()),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Branch {
    pub when: Condition,
    pub goto: Target,
    #[serde(skip)]
    pub span: Span,
    #[serde(skip)]
    pub goto_span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Condition {
    Equals {
        answer: String,
        value: CondValue,
    },
    OneOf {
        answer: String,
        values: Vec<CondValue>,
    },
    /// Answered with a value (`true`), or not (`false`: unasked, skipped, don't know, prefer not).
    Present {
        answer: String,
        present: bool,
    },
    State {
        answer: String,
        state: String,
    },
    Compare {
        answer: String,
        op: CompareOp,
        value: CondValue,
    },
    /// A multiple-choice answer includes this option.
    Includes {
        answer: String,
        value: String,
    },
    /// The repeating group's instance being asked is this one, counting from 1 (`instance = 1`:
    /// the first case). Holds for no step outside a group.
    Instance(u32),
    All(Vec<Condition>),
    Any(Vec<Condition>),
    Not(Box<Condition>),
}

impl Condition {
    /// Every (answer id, value compared against, span of the reference) this condition reads.
    pub fn references(&self, out: &mut Vec<String>) {
        match self {
            Condition::Equals { answer, .. }
            | Condition::OneOf { answer, .. }
            | Condition::Present { answer, .. }
            | Condition::State { answer, .. }
            | Condition::Compare { answer, .. }
            | Condition::Includes { answer, .. } => out.push(answer.clone()),
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| c.references(out)),
            Condition::Not(c) => c.references(out),
            Condition::Instance(_) => {}
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CompareOp {
    Gt,
    Gte,
    Lt,
    Lte,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum CondValue {
    Str(String),
    Num(i64),
    Bool(bool),
    Date(PartialDate),
}

/// Reserved option values the engine adds where a step allows them.
pub const PREFER_NOT: &str = "prefer_not";
pub const DONT_KNOW: &str = "dont_know";
/// The choice that sends what was told so far: "Send this now" at the checkpoint, "Send what
/// I've told you" on every question after it.
pub const SEND_NOW: &str = "send_now";
/// The checkpoint's "Tell you more".
pub const MORE: &str = "more";

impl Flow {
    pub fn step(&self, id: &str) -> Option<&Step> {
        self.index.get(id).and_then(|&i| self.steps.get(i))
    }

    /// The checkpoint at the end of the short path, if the flow has one.
    pub fn checkpoint(&self) -> Option<&Step> {
        self.first_step_of_kind(|k| matches!(k, Kind::Checkpoint { .. }))
    }

    pub fn first_step_of_kind(&self, pred: impl Fn(&Kind) -> bool) -> Option<&Step> {
        self.steps.iter().find(|s| pred(&s.kind))
    }

    pub(crate) fn reindex(&mut self) {
        self.index = self.steps.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).rev().collect();
        let json = serde_json::to_vec(self).unwrap_or_default();
        self.hash = blake3::hash(&json).to_hex()[..16].to_string();
    }

    /// The steps a step can lead to: its `next`, its branches, a consent's decline (a new
    /// instance of a group as the group's first step). An end leads nowhere.
    pub fn leads_to(&self, s: &Step) -> Vec<String> {
        if matches!(s.kind, Kind::End { .. }) {
            return vec![];
        }
        let mut out = Vec::new();
        let mut push = |t: &Target| match t {
            Target::Step(id) => out.push(id.clone()),
            Target::NewInstance(g) => {
                if let Some(gr) = self.groups.get(g) {
                    out.push(gr.start.clone())
                }
            }
        };
        if let Some(n) = &s.next {
            push(n);
        }
        for b in &s.branches {
            push(&b.goto);
        }
        if let Kind::Consent { decline } = &s.kind {
            push(decline);
        }
        if let Kind::Checkpoint { send } = &s.kind {
            push(send);
        }
        out
    }

    /// Whether a step only steers the conversation: it feeds no screening field and one of its
    /// ways on starts a new instance of a repeating group ("Another case?": `new:case`). Its
    /// answer is about the flow's mechanics, not the person, so the attorney's summary leaves it
    /// out. Read from the flow's shape, so an administrator's flow is treated alike with no flag
    /// to set.
    pub fn steers_repeat(&self, s: &Step) -> bool {
        s.field.is_none()
            && s.next.iter().chain(s.branches.iter().map(|b| &b.goto)).any(|t| matches!(t, Target::NewInstance(_)))
    }

    /// Every step reachable from `start` (itself included). With `stop_at_consent`, the walk
    /// does not go past a consent step: what it finds is what comes before consent (the consent
    /// step included).
    pub fn reachable_from(&self, start: &str, stop_at_consent: bool) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut queue = VecDeque::from([start.to_string()]);
        while let Some(id) = queue.pop_front() {
            let Some(s) = self.step(&id) else {
                continue;
            };
            if !seen.insert(id.clone()) {
                continue;
            }
            if stop_at_consent && matches!(s.kind, Kind::Consent { .. }) {
                continue;
            }
            queue.extend(self.leads_to(s));
        }
        seen
    }

    /// The options a step offers, including the answer states it allows.
    pub fn options_of(&self, step: &Step) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = match step.kind {
            Kind::YesNo if step.options.is_empty() => vec![
                ("yes".into(), "choice-yes".into()),
                ("no".into(), "choice-no".into()),
                ("unsure".into(), "choice-unsure".into()),
            ],
            Kind::Consent { .. } if step.options.is_empty() => vec![
                ("agree".into(), "choice-consent-agree".into()),
                ("decline".into(), "choice-consent-decline".into()),
            ],
            Kind::Info if step.options.is_empty() => {
                vec![("continue".into(), "choice-continue".into())]
            }
            Kind::ResumeCode => vec![("no_code".into(), "choice-no-code".into())],
            Kind::Checkpoint { .. } => {
                vec![(SEND_NOW.into(), "choice-send-now".into()), (MORE.into(), "choice-tell-more".into())]
            }
            _ => step.options.iter().map(|o| (o.value.clone(), o.label.clone())).collect(),
        };
        if step.dont_know {
            out.push((DONT_KNOW.into(), "choice-dont-know".into()));
        }
        if step.prefer_not {
            out.push((PREFER_NOT.into(), "choice-prefer-not".into()));
        }
        out
    }
}
