//! Aggregate counts for administrators (`/stats`): which of a conversation's transitions count
//! ([`reached`]), where they count ([`cells`]: overall, per language, per jurisdiction, per ISO
//! [`week`]), and how a count may be shown ([`Shown`]).
//!
//! Pure, like the engine: the runtime hands in the session before and after a step and writes
//! what this returns in the same store change as the session (`app::App::handle_with`), so a crash
//! can neither count a step twice nor lose it. Counts never come from sessions: retention deletes
//! those, and counting them would mean reading personal records.
//!
//! Each milestone counts at most once per conversation: the session keeps the set already counted
//! (`Session::counted`), which the runtime sets (never the engine) and carries across a restart of
//! the intake. Erasure takes it along: a conversation begun after `/delete` counts again. So the
//! counts are of conversations, not of cases (a survivor who submits, restarts and submits again
//! is one completed conversation and two cases).

mod cell;
mod shown;

pub use cell::*;
pub use shown::*;

use crate::engine::{Reply, Session, Status};
use serde::{Deserialize, Serialize};

/// What a conversation reached, in the order the report shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Milestone {
    /// The intake began: the conversation left `New` (its first question was put).
    Started,
    /// Consent was given (`consented_at` became set).
    Consented,
    /// The intake was submitted (the step asked for `Effect::Submit`).
    Completed,
    /// The survivor used the quick exit (`/exit`, or the Exit button) once the intake had begun.
    Exited,
    /// A conversation in progress stopped, to be taken up later, without the survivor's quick
    /// exit: the flow's "not now" ending, or its channel pausing it ([`Cause::Left`]).
    Paused,
}

impl Milestone {
    pub const ALL: [Milestone; 5] =
        [Milestone::Started, Milestone::Consented, Milestone::Completed, Milestone::Exited, Milestone::Paused];

    pub fn name(self) -> &'static str {
        match self {
            Milestone::Started => "started",
            Milestone::Consented => "consented",
            Milestone::Completed => "completed",
            Milestone::Exited => "exited",
            Milestone::Paused => "paused",
        }
    }

    pub fn from_name(name: &str) -> Option<Milestone> {
        Milestone::ALL.into_iter().find(|m| m.name() == name)
    }

    /// Whether a jurisdiction may be known when it is reached. Started and consented come before
    /// the case questions, so they are never counted by jurisdiction.
    pub fn by_jurisdiction(self) -> bool {
        matches!(self, Milestone::Completed | Milestone::Exited | Milestone::Paused)
    }
}

/// Who moved the conversation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cause {
    /// The survivor's own input.
    Survivor,
    /// The channel, for a conversation left alone: the idle pause (which runs the quick exit's
    /// transition, wipe included) or the end of a terminal's input. Counted as paused, not exited.
    Left,
}

/// The milestones one step reached that this conversation has not counted yet. `old` is the
/// session before the step, `new` after it; `replies` and `submitted` are what the step produced.
pub fn reached(old: &Session, new: &Session, replies: &[Reply], submitted: bool, cause: Cause) -> Vec<Milestone> {
    let began = old.status != Status::New || old.counted.contains(&Milestone::Started);
    let exit = replies.iter().any(|r| matches!(r, Reply::Exited));
    let ending = replies.iter().any(|r| matches!(r, Reply::Done { submitted: false, .. }));
    let stopped = old.status == Status::Active && new.status == Status::Paused;
    Milestone::ALL
        .into_iter()
        .filter(|m| !old.counted.contains(m))
        .filter(|m| match m {
            Milestone::Started => old.status == Status::New && new.status != Status::New,
            Milestone::Consented => old.consented_at.is_none() && new.consented_at.is_some(),
            Milestone::Completed => submitted,
            Milestone::Exited => exit && began && cause == Cause::Survivor,
            // A `/start` in the middle also pauses (to offer resume or restart): that is no stop.
            Milestone::Paused => stopped && (cause == Cause::Left || (ending && !exit)),
        })
        .collect()
}

#[cfg(test)]
mod tests;
