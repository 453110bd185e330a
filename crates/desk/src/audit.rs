//! The audit log: which case went to which attorney, and every accept, decline, close, revoke
//! and enrolment. Append-only, each entry numbered and hash-chained to the one before (BLAKE3 of
//! the previous hash and this entry), sealed at rest like every record. `clearpath audit verify`
//! checks the whole chain and prints its head (number and hash): an administrator who notes the
//! head can later tell whether anything before it was changed or removed. A running bot sends the
//! head to the administrators daily and after every revocation ([`publish_head`]), so a note of it
//! exists outside the database; `audit verify --expect N:HASH` checks the log against one.
//!
//! Entries name cases by their code and attorneys by name; never a survivor, an answer or a chat.

use crate::store::{Store, StoreError, TREE_AUDIT};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// What happened to a case or an attorney. Each entry stores the event's name, and the chain
/// hashes it, so a name never changes: a new event is a new name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Event {
    /// A case went to an attorney.
    Offered,
    Accepted,
    Declined,
    /// An offer lapsed unanswered.
    TimedOut,
    Closed,
    /// No attorney could take the case.
    Unassigned,
    /// An attorney's access was revoked.
    Revoked,
    Enrolled,
    Invited,
    /// The survivor withdrew (erased their data) while the case was out.
    Withdrawn,
    /// Nobody accepted the case in the end.
    NotTaken,
    /// The survivor, having sent early, told more: an addendum went to the case's attorney (or,
    /// with no attorney named, joined the case still waiting for one).
    Addendum,
}

impl Event {
    /// The stored (and hashed) name, the same as the serde name.
    pub fn name(self) -> &'static str {
        match self {
            Event::Offered => "offered",
            Event::Accepted => "accepted",
            Event::Declined => "declined",
            Event::TimedOut => "timed_out",
            Event::Closed => "closed",
            Event::Unassigned => "unassigned",
            Event::Revoked => "revoked",
            Event::Enrolled => "enrolled",
            Event::Invited => "invited",
            Event::Withdrawn => "withdrawn",
            Event::NotTaken => "not_taken",
            Event::Addendum => "addendum",
        }
    }
}

impl std::fmt::Display for Event {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// An event equals its stored name, as a reader of the log compares it.
impl PartialEq<&str> for Event {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub n: u64,
    pub at: Timestamp,
    pub event: Event,
    #[serde(default)]
    pub case: Option<String>,
    #[serde(default)]
    pub attorney: Option<String>,
    /// Hash of the previous entry ([`GENESIS`] for the first).
    pub prev: String,
    /// BLAKE3 of `prev` and this entry's fields.
    pub hash: String,
}

fn digest(n: u64, at: &Timestamp, event: &str, case: Option<&str>, attorney: Option<&str>, prev: &str) -> String {
    let mut h = blake3::Hasher::new();
    h.update(b"clearpath audit v1\0");
    h.update(prev.as_bytes());
    h.update(&n.to_be_bytes());
    for part in [at.to_string().as_str(), event, case.unwrap_or(""), attorney.unwrap_or("")] {
        h.update(&(part.len() as u64).to_be_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().to_hex().to_string()
}

impl Entry {
    fn expected_hash(&self) -> String {
        digest(self.n, &self.at, self.event.name(), self.case.as_deref(), self.attorney.as_deref(), &self.prev)
    }
}

/// Appends one entry. Callers serialise appends (the case desk holds one lock for them).
pub fn append(
    store: &Store,
    event: Event,
    case: Option<&str>,
    attorney: Option<&str>,
    now: Timestamp,
) -> Result<Entry, StoreError> {
    let head: Option<(Vec<u8>, Entry)> = store.service_last(TREE_AUDIT)?;
    let (n, prev) = match head {
        Some((_, e)) => (e.n + 1, e.hash),
        None => (1, GENESIS.to_string()),
    };
    let hash = digest(n, &now, event.name(), case, attorney, &prev);
    let e =
        Entry { n, at: now, event, case: case.map(str::to_string), attorney: attorney.map(str::to_string), prev, hash };
    store.service_put(TREE_AUDIT, &n.to_be_bytes(), &e)?;
    Ok(e)
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub entries: u64,
    /// (number, hash) of the last entry, if any.
    pub head: Option<(u64, String)>,
    /// The entry checked against a head noted earlier, when one was given.
    pub holds: Option<u64>,
}

/// A head noted earlier (number and hash), as `audit verify --expect N:HASH` takes it: the chain
/// must still hold entry N with that hash. A chain cut below N, or rewritten at or before N, fails.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Head {
    pub n: u64,
    pub hash: String,
}

impl Head {
    pub fn check(&self) -> Result<(), String> {
        if self.n == 0 {
            return Err("audit entries are numbered from 1".into());
        }
        if self.hash.len() != 64 || !self.hash.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err("an audit hash is 64 hexadecimal digits".into());
        }
        Ok(())
    }
}

impl std::str::FromStr for Head {
    type Err = String;
    /// `N:HASH`, as the head is printed (`#N HASH` and `#N:HASH` are taken too).
    fn from_str(s: &str) -> Result<Head, String> {
        let s = s.trim().trim_start_matches('#');
        let (n, hash) = s.split_once([':', ' ']).ok_or("expected N:HASH, e.g. 7:3f2a...")?;
        let n = n.trim().parse::<u64>().map_err(|_| format!("\"{n}\" is not an entry number"))?;
        let head = Head { n, hash: hash.trim().to_ascii_lowercase() };
        head.check()?;
        Ok(head)
    }
}

/// How many entries of each event the audit log holds (for `/metrics`: cases offered, accepted,
/// not taken, ...). Fixed words only: never a case code or a name.
pub fn event_counts(store: &Store) -> Result<std::collections::BTreeMap<&'static str, u64>, String> {
    let entries: Vec<(Vec<u8>, Entry)> =
        store.service_all(TREE_AUDIT).map_err(|e| format!("an audit entry does not open: {e}"))?;
    let mut counts = std::collections::BTreeMap::new();
    for (_, e) in entries {
        *counts.entry(e.event.name()).or_insert(0) += 1;
    }
    Ok(counts)
}

/// Checks every entry: it opens, its number follows the previous one, it names the previous hash,
/// and its own hash matches its contents. The first problem is returned as a sentence.
pub fn verify(store: &Store) -> Result<Verified, String> {
    verify_against(store, None)
}

/// [`verify`], and with `expect`, that the chain still holds that entry with that hash: a log
/// cut from the end below it, or rewritten up to it, fails, though each alone re-chains cleanly.
pub fn verify_against(store: &Store, expect: Option<&Head>) -> Result<Verified, String> {
    let entries: Vec<(Vec<u8>, Entry)> = match store.service_all(TREE_AUDIT) {
        Ok(e) => e,
        Err(e) => return Err(format!("an audit entry does not open: {e}")),
    };
    let mut prev = GENESIS.to_string();
    let mut head = None;
    for (i, (key, e)) in entries.iter().enumerate() {
        let expected_n = i as u64 + 1;
        if key.as_slice() != e.n.to_be_bytes() {
            return Err(format!("entry stored as #{} says it is #{}", u64_of(key), e.n));
        }
        if e.n != expected_n {
            return Err(format!("entry #{expected_n} is missing (the next entry is #{})", e.n));
        }
        if e.prev != prev {
            return Err(format!("entry #{} does not follow entry #{}: the chain is broken", e.n, e.n - 1));
        }
        if e.hash != e.expected_hash() {
            return Err(format!("entry #{} was altered: its hash does not match its contents", e.n));
        }
        if let Some(x) = expect.filter(|x| x.n == e.n) {
            if !x.hash.eq_ignore_ascii_case(&e.hash) {
                return Err(format!(
                    "entry #{} is not the one noted earlier (its hash is {}, not {}): the log was rewritten",
                    e.n, e.hash, x.hash
                ));
            }
        }
        prev = e.hash.clone();
        head = Some((e.n, e.hash.clone()));
    }
    let count = entries.len() as u64;
    if let Some(x) = expect {
        if count < x.n {
            return Err(format!(
                "entry #{} was noted earlier, but the log ends at {}: entries were removed from its end",
                x.n,
                if count == 0 { "no entry".to_string() } else { format!("#{count}") }
            ));
        }
    }
    Ok(Verified { entries: count, head, holds: expect.map(|x| x.n) })
}

fn u64_of(key: &[u8]) -> u64 {
    key.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

pub fn describe(v: &Verified) -> String {
    let mut s = match &v.head {
        Some((n, h)) => format!("audit log intact: {} entries; head #{n} {h}", v.entries),
        None => "audit log intact: no entries yet".to_string(),
    };
    if let Some(n) = v.holds {
        s.push_str(&format!("; entry #{n} is the one noted"));
    }
    s
}

/// How often a running bot sends the head to the administrators: daily. Debug builds take
/// `CLEARPATH_TEST_AUDIT_HEAD_SECS` instead, for tests (release builds have no such setting).
pub fn head_interval() -> std::time::Duration {
    #[cfg(debug_assertions)]
    if let Some(secs) = std::env::var("CLEARPATH_TEST_AUDIT_HEAD_SECS").ok().and_then(|v| v.parse::<u64>().ok()) {
        return std::time::Duration::from_secs(secs.max(1));
    }
    std::time::Duration::from_secs(24 * 3600)
}

/// Sends the audit log's head (number and hash, after checking the chain) to the administrators'
/// chats, so that a record of it exists outside the database: a log later cut from the end, or
/// rewritten and re-chained, no longer holds it (`audit verify --expect N:HASH`). `why` says
/// what prompted it (the daily note, a revocation).
pub fn publish_head(app: &crate::app::App, why: &str, now: Timestamp) {
    let text = match app.store(|st| Ok(verify(st))) {
        Ok(Ok(Verified { head: Some((n, h)), entries, .. })) => format!(
            "Audit log head ({why}): #{n} {h} ({entries} entries, chain intact). Note it off the server; later, `clearpath audit verify --expect {n}:{h}` fails if the log was cut or changed up to here."
        ),
        Ok(Ok(_)) => format!("Audit log ({why}): no entries yet."),
        Ok(Err(m)) => format!("Audit log ({why}): NOT intact: {m}. Compare with the last head you noted."),
        Err(e) => {
            tracing::error!(error = %e, "the audit log could not be read to send its head");
            return;
        }
    };
    crate::referral::alert_admins(app, &text, now);
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Event; 12] = [
        Event::Offered,
        Event::Accepted,
        Event::Declined,
        Event::TimedOut,
        Event::Closed,
        Event::Unassigned,
        Event::Revoked,
        Event::Enrolled,
        Event::Invited,
        Event::Withdrawn,
        Event::NotTaken,
        Event::Addendum,
    ];

    /// The names were strings before the enum; entries on disk hold them, and the chain hashes
    /// them: the serde name, the hashed name and the old string are one.
    #[test]
    fn events_keep_the_names_stored_and_hashed_before() {
        let old = [
            "offered",
            "accepted",
            "declined",
            "timed_out",
            "closed",
            "unassigned",
            "revoked",
            "enrolled",
            "invited",
            "withdrawn",
            "not_taken",
            "addendum",
        ];
        for (e, name) in ALL.into_iter().zip(old) {
            assert_eq!(e.name(), name);
            assert_eq!(serde_json::to_string(&e).ok(), Some(format!("\"{name}\"")));
            assert_eq!(serde_json::from_str::<Event>(&format!("\"{name}\"")).ok(), Some(e));
        }
    }

    #[test]
    fn an_entry_written_with_a_string_event_reads_back_and_rewrites_byte_for_byte() {
        let at: Timestamp = "2026-12-02T17:40:00Z".parse().unwrap();
        let hash = digest(1, &at, "timed_out", Some("K7QX2M"), Some("Ana A"), GENESIS);
        let old = format!(
            r#"{{"n":1,"at":"2026-12-02T17:40:00Z","event":"timed_out","case":"K7QX2M","attorney":"Ana A","prev":"{GENESIS}","hash":"{hash}"}}"#
        );
        let e: Entry = serde_json::from_str(&old).unwrap();
        assert_eq!(e.event, Event::TimedOut);
        assert_eq!(e.expected_hash(), e.hash);
        assert_eq!(serde_json::to_string(&e).unwrap(), old);
    }
}
