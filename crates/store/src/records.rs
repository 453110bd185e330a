//! The kinds of record the store keeps, and what a change, a purge and a retention policy are.

use super::*;

/// A kind of record: where it lives and which version of its shape is current.
pub trait Record: Serialize + DeserializeOwned {
    const TREE: &'static str;
    /// Bump when the shape changes, and teach [`Record::migrate`] to read the older one.
    const VERSION: u16;
    /// Turns the JSON of an older version into the current shape.
    fn migrate(from: u16, value: serde_json::Value) -> Result<serde_json::Value, String> {
        Err(format!("no migration from version {from}: {}", value.is_object()))
    }
}

impl Record for Session {
    const TREE: &'static str = TREE_SESSIONS;
    const VERSION: u16 = 1;
}

/// An update whose handling failed twice, set aside so that it no longer holds up the channel.
/// Sealed under its survivor's data key like their other records, so `/delete` and the retention
/// purge erase it with the rest. Administrators see only its id, kind of failure and time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Quarantined {
    /// The channel's id of the update (not personal: Telegram numbers every bot's updates).
    pub id: u64,
    pub channel: String,
    /// The chat it came from, to handle it again on `quarantine retry`.
    pub chat: String,
    /// What went wrong, as a kind (`panic`, `store`): never a message that could quote data.
    pub failure: String,
    pub at: jiff::Timestamp,
    /// The update as the channel delivered it (its own text form).
    pub update: String,
}

/// A set-aside update and its survivor; the update itself may fail to open.
pub type SetAside = (Subject, Result<Quarantined, StoreError>);

impl Record for Quarantined {
    const TREE: &'static str = TREE_QUARANTINE;
    const VERSION: u16 = 1;
}

impl Record for Intake {
    const TREE: &'static str = TREE_INTAKES;
    const VERSION: u16 = 1;
}

/// A message waiting to be sent, kept until the channel confirms it left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutboxEntry {
    /// The channel's own address for the chat (e.g. the Telegram chat id), sealed here and never
    /// used as a key.
    pub chat: String,
    pub created_at: jiff::Timestamp,
    /// Failed attempts of every kind (for alerts).
    pub attempts: u32,
    /// Server or network failures in a row (for the backoff: a 429's wait is Telegram's own and
    /// does not lengthen the next backoff).
    #[serde(default)]
    pub transient: u32,
    pub not_before: Option<jiff::Timestamp>,
    /// What to send; the channel decides its meaning.
    pub payload: serde_json::Value,
    /// The channel's id of the input this answers (set by [`Store::commit`]): an entry whose
    /// input never counted as applied is dropped after a crash ([`Store::drop_unapplied`]).
    #[serde(default)]
    pub input: Option<u64>,
}

impl Record for OutboxEntry {
    const TREE: &'static str = TREE_OUTBOX;
    const VERSION: u16 = 1;
}

/// The messages of one conversation still on the survivor's device, so that they can be wiped:
/// message ids and when they were sent (bots may delete only for 48 hours). Sealed like the rest.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ChatLog {
    /// (message id, sent at, sent by the bot)
    pub messages: Vec<(i64, jiff::Timestamp, bool)>,
    /// The channel's address of the chat, so that an idle conversation can be paused and wiped
    /// after a restart (sessions hold no chat id). Sealed with the rest.
    #[serde(default)]
    pub chat: Option<String>,
}

impl Record for ChatLog {
    const TREE: &'static str = TREE_SESSIONS;
    const VERSION: u16 = 1;
}

/// A survivor as the store knows them: the keyed hash of their channel and chat id.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Subject(pub(crate) [u8; 32]);

impl std::fmt::Debug for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Short prefix only: enough to correlate log lines, not to identify anyone.
        write!(f, "Subject({})", self.tag())
    }
}

impl Subject {
    /// A byte of the pseudonym (a keyed hash, so evenly spread): for striping locks.
    pub fn stripe(&self) -> u8 {
        self.0[0]
    }

    /// A short, non-identifying tag for logs (see [`log_tag`]).
    pub fn tag(&self) -> String {
        log_tag(&self.0)
    }

    /// The full pseudonym, for service records that point at a survivor's records.
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }

    pub fn from_hex(s: &str) -> Option<Subject> {
        let b = hex::decode(s).ok()?;
        Some(Subject(b.try_into().ok()?))
    }
}

/// Everything one handled input changes, written atomically: the session, the processed update
/// id, and the replies it causes.
#[derive(Debug, Default)]
pub struct Change<'a> {
    pub session: Option<&'a Session>,
    /// (update id, expiry) of the channel update that caused this change.
    pub inbox: Option<(u64, jiff::Timestamp)>,
    pub outbox: Vec<OutboxEntry>,
    pub intake: Option<&'a Intake>,
    pub log: Option<&'a ChatLog>,
    /// Drop the survivor's replies not yet sent (they leave the chat on exit: sent after the
    /// wipe, they would stay on the phone). The entries of this change are kept.
    pub discard_unsent: bool,
    /// The channel's id of the input this change applies, stamped on its outbox entries (when
    /// not given, the `inbox` id; give it where the id rides in the session instead).
    pub input: Option<u64>,
    /// Aggregate counters this change adds one to, written in the same transaction as the
    /// session (which records what it counted), so a crash neither counts twice nor loses a
    /// count. Only with a session.
    pub tally: Option<Tally>,
}

/// Counters to add one to: cells of one period. The names are the runtime's
/// (`clearpath_core::stats::Cell`); the store only adds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    pub period: String,
    pub cells: Vec<String>,
}

/// The aggregate counters of one period (an ISO week): a count per cell. A service record, sealed
/// under the service key and keyed by a service id of the period: no chat id, case code or answer
/// is in its key or its value.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counters {
    pub period: String,
    pub cells: std::collections::BTreeMap<String, u64>,
}

/// Counts from a retention purge.
#[derive(Debug, Default, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purged {
    pub sessions: usize,
    pub intakes: usize,
    pub subjects_erased: usize,
    pub inbox_entries: usize,
    /// Records that did not open and were left for an administrator.
    pub unreadable: usize,
}

/// What the retention periods keep, decided above the store by the runtime, which knows what a
/// session's state means (`clearpath_desk::app::Retention`); the store only carries it out
/// ([`Store::purge`]).
pub trait Keep {
    /// Whether a completed intake's time is up.
    fn intake_expired(&self, intake: &Intake, now: jiff::Timestamp) -> bool;
    /// Whether a conversation's time is up, given how many of its intakes are still kept and
    /// whether replies to it are still waiting to leave.
    fn session_expired(
        &self,
        session: &engine::Session,
        live_intakes: usize,
        replies_waiting: bool,
        now: jiff::Timestamp,
    ) -> bool;
    /// Whether an update set aside at `at` has been kept long enough.
    fn set_aside_expired(&self, at: jiff::Timestamp, now: jiff::Timestamp) -> bool;
    /// The oldest a backup may be and still be restored, in days: the longest a survivor's record
    /// is kept. A backup older than this is refused, and the erasure log is pruned to it.
    fn backup_days(&self) -> i64;
}
