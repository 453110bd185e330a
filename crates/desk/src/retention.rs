//! How long things are kept, and what that means for each kind of record: the policy the store
//! carries out ([`crate::store::Keep`]). It lives here, not in the store, because it reads what a
//! conversation's state means.

use crate::engine::{Session, Status};
use crate::store::{Intake, Keep};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

const DAY: i64 = 86_400;

/// How long things are kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Retention {
    /// Conversations not finished and not touched for this long are erased.
    pub abandoned_days: i64,
    /// Completed intakes are erased this long after an attorney received them.
    pub delivered_days: i64,
    /// A completed intake no attorney has accepted is erased this long after it was completed
    /// (administrators are reminded a week before).
    pub waiting_days: i64,
}

impl Default for Retention {
    fn default() -> Self {
        Retention { abandoned_days: 30, delivered_days: 14, waiting_days: 60 }
    }
}

impl Keep for Retention {
    /// Delivered long enough ago, or never taken on in time (the case desk deletes those first,
    /// telling those concerned; this is the backstop, and the only rule where there is no desk).
    fn intake_expired(&self, i: &Intake, now: Timestamp) -> bool {
        i.delivered_at.is_some_and(|d| d.as_second() + self.delivered_days * DAY <= now.as_second())
            || i.submitted_at.as_second() + self.waiting_days * DAY <= now.as_second()
    }

    /// An unfinished conversation untouched for `abandoned_days`; a finished one once its intakes
    /// are gone and its replies have left (the session's mark of the last input applied is what
    /// tells replies still to go from replies to an input never applied, after a restart).
    fn session_expired(&self, s: &Session, live_intakes: usize, replies_waiting: bool, now: Timestamp) -> bool {
        let idle = now.as_second() - s.updated_at.as_second();
        let abandoned = s.status != Status::Submitted && idle >= self.abandoned_days * DAY;
        let finished = s.status == Status::Submitted && live_intakes == 0 && !replies_waiting;
        abandoned || finished
    }

    /// Set-aside updates are kept no longer than an abandoned conversation.
    fn set_aside_expired(&self, at: Timestamp, now: Timestamp) -> bool {
        now.as_second() - at.as_second() >= self.abandoned_days * DAY
    }

    /// The longest a survivor's record is kept: an unfinished conversation, or an intake that
    /// waited its full time for an attorney and was then delivered on the last day.
    fn backup_days(&self) -> i64 {
        self.abandoned_days.max(self.waiting_days.saturating_add(self.delivered_days))
    }
}
