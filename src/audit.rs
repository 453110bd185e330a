//! The audit log: which case went to which attorney, and every accept, decline, close, revoke
//! and enrolment. Append-only, each entry numbered and hash-chained to the one before (BLAKE3 of
//! the previous hash and this entry), sealed at rest like every record. `clearpath audit verify`
//! checks the whole chain and prints its head (number and hash): an administrator who notes the
//! head can later tell whether anything before it was changed or removed.
//!
//! Entries name cases by their code and attorneys by name; never a survivor, an answer or a chat.

use crate::store::{Store, StoreError, TREE_AUDIT};
use jiff::Timestamp;
use serde::{Deserialize, Serialize};

/// The hash before the first entry.
pub const GENESIS: &str = "0000000000000000000000000000000000000000000000000000000000000000";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub n: u64,
    pub at: Timestamp,
    /// offered | accepted | declined | timed_out | closed | unassigned | revoked | enrolled |
    /// invited | withdrawn | not_taken
    pub event: String,
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
        digest(self.n, &self.at, &self.event, self.case.as_deref(), self.attorney.as_deref(), &self.prev)
    }
}

/// Appends one entry. Callers serialise appends (the case desk holds one lock for them).
pub fn append(
    store: &Store,
    event: &str,
    case: Option<&str>,
    attorney: Option<&str>,
    now: Timestamp,
) -> Result<Entry, StoreError> {
    let head: Option<(Vec<u8>, Entry)> = store.service_last(TREE_AUDIT)?;
    let (n, prev) = match head {
        Some((_, e)) => (e.n + 1, e.hash),
        None => (1, GENESIS.to_string()),
    };
    let hash = digest(n, &now, event, case, attorney, &prev);
    let e = Entry {
        n,
        at: now,
        event: event.into(),
        case: case.map(str::to_string),
        attorney: attorney.map(str::to_string),
        prev,
        hash,
    };
    store.service_put(TREE_AUDIT, &n.to_be_bytes(), &e)?;
    Ok(e)
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verified {
    pub entries: u64,
    /// (number, hash) of the last entry, if any.
    pub head: Option<(u64, String)>,
}

/// Checks every entry: it opens, its number follows the previous one, it names the previous hash,
/// and its own hash matches its contents. The first problem is returned as a sentence.
pub fn verify(store: &Store) -> Result<Verified, String> {
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
        prev = e.hash.clone();
        head = Some((e.n, e.hash.clone()));
    }
    Ok(Verified { entries: entries.len() as u64, head })
}

fn u64_of(key: &[u8]) -> u64 {
    key.try_into().map(u64::from_be_bytes).unwrap_or(0)
}

pub fn describe(v: &Verified) -> String {
    match &v.head {
        Some((n, h)) => format!("audit log intact: {} entries; head #{n} {h}", v.entries),
        None => "audit log intact: no entries yet".to_string(),
    }
}
