//! The only code that touches sled. Every value is sealed (see [`crypto`]); every key is either a
//! keyed hash of an identifier or a random id, never an identifier itself.
//!
//! Keys: a 256-bit master key (kept outside the data directory in production) wraps a
//! pseudonymisation key, the pseudonym chain (one link key per rotation) and one data key per
//! survivor. Erasing a survivor destroys their data key and their records (crypto-shredding);
//! `keys rotate` rebuilds the database from live records so that old bytes do not linger in
//! sled's log, and moves every pseudonym to the chain's next link. The API is synchronous. Calls that
//! wait on the disk (`flush`, `open`, rotation, `purge`) belong off async workers
//! (`spawn_blocking` or a dedicated thread); reading or writing a record is short (sled buffers
//! it) and async code calls it directly.
//!
//! Layout of the data directory:
//! ```text
//! store/keycheck   proves the master key before sled is opened (sled writes on open)
//! store/db/        the sled database
//! store.new/       a rotation in progress (store.new/READY once complete)
//! control.sock     the running process's control socket (mode 0600)
//! ```

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::indexing_slicing)
)]

pub mod crypto;
pub mod keyfile;
pub mod rotate;

use clearpath_core::engine;
/// A completed intake is the core's type; this crate only keeps it, sealed.
pub use clearpath_core::intake::Intake;

use crypto::{aad, open, pseudonym, relink, seal, CryptoError, Key};
use engine::Session;
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use sled::Transactional;
use std::path::{Path, PathBuf};

pub const STORE_DIR: &str = "store";
const KEYCHECK_FILE: &str = "keycheck";
const DB_DIR: &str = "db";
const KEYCHECK_PLAIN: &[u8] = b"clearpath key check v1";
/// The meta record of the pseudonymisation key (the first link of every pseudonym).
pub(crate) const META_PSEUD: &[u8] = b"pseudonym-key";
/// The meta record of the pseudonym chain: one 32-byte key per rotation, oldest first.
pub(crate) const META_CHAIN: &[u8] = b"pseudonym-chain";

pub(crate) const TREE_META: &str = "meta";
pub(crate) const TREE_KEYS: &str = "keys";
pub(crate) const TREE_SESSIONS: &str = "sessions";
pub(crate) const TREE_INTAKES: &str = "intakes";
pub(crate) const TREE_INBOX: &str = "inbox";
pub(crate) const TREE_OUTBOX: &str = "outbox";
pub const TREE_ATTORNEYS: &str = "attorneys";
pub const TREE_INVITES: &str = "invites";
pub const TREE_REFERRALS: &str = "referrals";
pub const TREE_AUDIT: &str = "audit";
/// How far each channel got: the newest update id of a batch handled and flushed.
pub(crate) const TREE_PROGRESS: &str = "progress";
/// Updates whose handling failed twice, set aside for an administrator.
pub(crate) const TREE_QUARANTINE: &str = "quarantine";
/// Trees of the service's own records, sealed under a key derived from the master key.
pub(crate) const SERVICE_TREES: &[&str] =
    &[TREE_INBOX, TREE_ATTORNEYS, TREE_INVITES, TREE_REFERRALS, TREE_AUDIT, TREE_PROGRESS];
/// Trees whose records are sealed under a survivor's data key, keyed by subject first.
pub(crate) const SUBJECT_TREES: &[&str] = &[TREE_SESSIONS, TREE_INTAKES, TREE_OUTBOX, TREE_QUARANTINE];

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("this key does not open this database (wrong master key)")]
    WrongKey,
    #[error("the database at {0} does not open cleanly; it was left untouched")]
    Corrupt(PathBuf, #[source] sled::Error),
    #[error("the database at {0} is in use by another clearpath process (use its control socket, or stop it)")]
    Locked(PathBuf),
    #[error("the key-check file {0} is missing, but a database exists; refusing to guess (restore the file or the matching key)")]
    MissingKeyCheck(PathBuf),
    #[error("record {tree}/{key} does not open: {source}")]
    Record {
        tree: &'static str,
        key: String,
        #[source]
        source: CryptoError,
    },
    #[error("record {tree}/{key} has schema version {version}, which this program cannot read")]
    Version { tree: &'static str, key: String, version: u16 },
    #[error("record {tree}/{key} does not decode: {message}")]
    Decode { tree: &'static str, key: String, message: String },
    #[error("rotation: {0}")]
    Rotate(String),
    #[error("database error")]
    Db(#[from] sled::Error),
    #[error("file error")]
    Io(#[from] std::io::Error),
}

impl StoreError {
    /// What kind of failure this is, for logs and alerts that must not carry any text a record
    /// could have put into the error.
    pub fn kind(&self) -> &'static str {
        match self {
            StoreError::WrongKey => "wrong_key",
            StoreError::Corrupt(..) => "corrupt",
            StoreError::Locked(_) => "locked",
            StoreError::MissingKeyCheck(_) => "missing_key_check",
            StoreError::Record { .. } => "record_does_not_open",
            StoreError::Version { .. } => "record_version",
            StoreError::Decode { .. } => "record_does_not_decode",
            StoreError::Rotate(_) => "rotation",
            StoreError::Db(_) => "database",
            StoreError::Io(_) => "file",
        }
    }
}

impl From<sled::transaction::TransactionError<StoreError>> for StoreError {
    fn from(e: sled::transaction::TransactionError<StoreError>) -> Self {
        match e {
            sled::transaction::TransactionError::Abort(e) => e,
            sled::transaction::TransactionError::Storage(e) => StoreError::Db(e),
        }
    }
}

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

pub struct Store {
    /// Unwrapped data keys of survivors seen recently (wiped on drop; dropped on erase).
    keys: std::sync::Mutex<std::collections::HashMap<Subject, Key>>,
    trees: Vec<(&'static str, sled::Tree)>,
    db: sled::Db,
    master: Key,
    pseud: Key,
    /// One key per rotation so far, oldest first: a pseudonym is the keyed hash under `pseud`,
    /// then hashed again under each of these in turn (see [`rotate`]). Wrapped by the master key
    /// in the meta tree, so only the current master key gives the whole chain.
    chain: Vec<Key>,
    /// Seals records that belong to no survivor (inbox entries).
    service: Key,
    dir: PathBuf,
    /// Survivors with outbox entries added since the sender last asked ([`Store::take_queued`]),
    /// so it need not scan the whole outbox to find new work. Memory only: after a restart the
    /// sender scans the outbox once.
    queued: std::sync::Mutex<std::collections::HashSet<Subject>>,
    /// Outbox entries just written, by record key, so the sender need not read back and open
    /// what this process sealed a moment ago. The sealed record in sled stays the durable copy
    /// (read after a restart, a failed attempt, or when this is full). Taken when read.
    fresh: std::sync::Mutex<std::collections::HashMap<Vec<u8>, OutboxEntry>>,
}

/// At most this many outbox entries are kept in memory (a stalled sender never grows it further).
const FRESH_MAX: usize = 10_000;

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("dir", &self.dir).finish_non_exhaustive()
    }
}

/// Envelope stored in sled: version, then the sealed payload.
pub(crate) fn encode_record(key_mat: &Key, tree: &str, key: &[u8], version: u16, value: &[u8]) -> Vec<u8> {
    let mut buf = envelope(version, value.len());
    buf.extend_from_slice(value);
    crypto::seal_in_place(key_mat, &aad(tree, key, version), &mut buf, ENVELOPE_HEADER);
    buf
}

/// Bytes before the sealed payload in an envelope: the schema version.
const ENVELOPE_HEADER: usize = 2;

/// An envelope's start (version, room for the nonce) with capacity for `len` bytes of plaintext.
fn envelope(version: u16, len: usize) -> Vec<u8> {
    let mut buf = Vec::with_capacity(ENVELOPE_HEADER + crypto::NONCE_LEN + len + crypto::TAG_LEN);
    buf.extend_from_slice(&version.to_be_bytes());
    buf.resize(ENVELOPE_HEADER + crypto::NONCE_LEN, 0);
    buf
}

/// Opens an envelope; returns its version and plaintext.
pub(crate) fn decode_record(
    key_mat: &Key,
    tree: &'static str,
    key: &[u8],
    raw: &[u8],
) -> Result<(u16, Vec<u8>), StoreError> {
    let label = || log_tag(key);
    let [v0, v1, sealed @ ..] = raw else {
        return Err(StoreError::Record { tree, key: label(), source: CryptoError::Truncated });
    };
    let version = u16::from_be_bytes([*v0, *v1]);
    let plain = open(key_mat, &aad(tree, key, version), sealed).map_err(|source| StoreError::Record {
        tree,
        key: label(),
        source,
    })?;
    Ok((version, plain))
}

pub(crate) fn tree_name(t: &str) -> &'static str {
    match t {
        TREE_META => TREE_META,
        TREE_KEYS => TREE_KEYS,
        TREE_SESSIONS => TREE_SESSIONS,
        TREE_INTAKES => TREE_INTAKES,
        TREE_INBOX => TREE_INBOX,
        TREE_OUTBOX => TREE_OUTBOX,
        TREE_ATTORNEYS => TREE_ATTORNEYS,
        TREE_INVITES => TREE_INVITES,
        TREE_REFERRALS => TREE_REFERRALS,
        TREE_AUDIT => TREE_AUDIT,
        TREE_PROGRESS => TREE_PROGRESS,
        TREE_QUARANTINE => TREE_QUARANTINE,
        _ => "other",
    }
}

/// How clearpath opens sled, everywhere (the store, rotation, the probe, the benchmarks), so a
/// setting changed here applies to all of them. sled's defaults: `HighThroughput` mode was tried
/// and made no measurable difference under the load tool (BENCHMARKS.md).
pub fn sled_config() -> sled::Config {
    sled::Config::new()
}

/// Paths of the store inside a data directory.
pub fn paths(data_dir: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let store = data_dir.join(STORE_DIR);
    (store.join(KEYCHECK_FILE), store.join(DB_DIR), store)
}

/// Checks `key` against a key-check file.
pub(crate) fn key_opens(check_path: &Path, key: &Key) -> Result<bool, StoreError> {
    let raw = std::fs::read(check_path)?;
    Ok(matches!(open(&key.derive("clearpath keycheck"), &aad("keycheck", b"", 1), &raw), Ok(p) if p == KEYCHECK_PLAIN))
}

pub(crate) fn write_keycheck(check_path: &Path, key: &Key) -> std::io::Result<()> {
    let sealed = seal(&key.derive("clearpath keycheck"), &aad("keycheck", b"", 1), KEYCHECK_PLAIN);
    write_private(check_path, &sealed)
}

impl Store {
    /// Opens (or creates) the store in `data_dir`. Refuses, leaving every file as it was: a wrong
    /// key (checked before sled, which writes on open), a database without its key-check file, a
    /// database another process holds, and a database that does not open cleanly (tried first on
    /// a copy, so a failed recovery never touches the real files).
    pub fn open(data_dir: &Path, master: Key) -> Result<Store, StoreError> {
        rotate::recover(data_dir)?;
        let (check_path, db_path, store_dir) = paths(data_dir);
        // Private to its owner, checked and repaired at every start (not only when first made),
        // before anything is read or written inside.
        let existed = (data_dir.exists(), store_dir.exists());
        std::fs::create_dir_all(&store_dir)?;
        keep_private(data_dir, existed.0)?;
        keep_private(&store_dir, existed.1)?;
        if check_path.exists() {
            if !key_opens(&check_path, &master)? {
                return Err(StoreError::WrongKey);
            }
        } else if db_path.exists() {
            return Err(StoreError::MissingKeyCheck(check_path));
        } else {
            write_keycheck(&check_path, &master)?;
        }
        if db_path.exists() {
            ensure_unlocked(&db_path)?;
            probe(&db_path, &store_dir, &master)?;
        }
        let db = sled_config().path(&db_path).open().map_err(|e| match e {
            sled::Error::Io(ref io) if io.to_string().contains("could not acquire lock") => {
                StoreError::Locked(db_path.clone())
            }
            e => StoreError::Corrupt(db_path.clone(), e),
        })?;
        let pseud = load_or_create_meta_key(&db, &master, META_PSEUD)?;
        let chain = load_chain(&db, &master)?;
        let service = master.derive("clearpath service records");
        let mut trees = Vec::new();
        for t in [
            TREE_KEYS,
            TREE_SESSIONS,
            TREE_INTAKES,
            TREE_INBOX,
            TREE_OUTBOX,
            TREE_ATTORNEYS,
            TREE_INVITES,
            TREE_REFERRALS,
            TREE_AUDIT,
        ] {
            trees.push((t, db.open_tree(t)?));
        }
        Ok(Store {
            keys: Default::default(),
            trees,
            db,
            master,
            pseud,
            chain,
            service,
            dir: data_dir.to_path_buf(),
            queued: Default::default(),
            fresh: Default::default(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The store's name for a survivor on a channel.
    pub fn subject(&self, channel: &str, chat: &str) -> Subject {
        Subject(self.pseudonym(&format!("{channel}\0{chat}")))
    }

    /// A keyed hash of `id` under the pseudonymisation key, then through every link of the
    /// chain (one BLAKE3 keyed hash of 32 bytes per rotation: cheap enough to do per update).
    fn pseudonym(&self, id: &str) -> [u8; 32] {
        self.chain.iter().fold(pseudonym(&self.pseud, id), |p, k| relink(k, &p))
    }

    /// Where a survivor known by their pseudonym before the latest rotation is now (the last
    /// link only), for a running process that kept pseudonyms in memory across a rotation.
    pub fn forward(&self, s: &Subject) -> Subject {
        match self.chain.last() {
            Some(k) => Subject(relink(k, &s.0)),
            None => *s,
        }
    }

    /// A tree handle; the store's own trees are opened once and kept.
    fn tree(&self, name: &str) -> Result<sled::Tree, StoreError> {
        if let Some((_, t)) = self.trees.iter().find(|(n, _)| *n == name) {
            return Ok(t.clone());
        }
        Ok(self.db.open_tree(name)?)
    }

    /// The survivor's data key; with `create`, a new one (not yet stored) when there is none.
    fn data_key(&self, s: &Subject) -> Result<Option<Key>, StoreError> {
        if let Some(k) = self.keys.lock().unwrap_or_else(|p| p.into_inner()).get(s) {
            return Ok(Some(k.clone()));
        }
        match self.tree(TREE_KEYS)?.get(s.0)? {
            Some(raw) => {
                let (_, plain) = decode_record(&self.master, TREE_KEYS, &s.0, &raw)?;
                let key = Key::from_slice(&plain);
                if let Some(k) = &key {
                    self.cache_key(s, k.clone());
                }
                Ok(key)
            }
            None => Ok(None),
        }
    }

    fn cache_key(&self, s: &Subject, k: Key) {
        let mut cache = self.keys.lock().unwrap_or_else(|p| p.into_inner());
        if cache.len() >= 4096 {
            cache.clear();
        }
        cache.insert(*s, k);
    }

    /// The survivor's data key, creating and storing one on first use. A key stored without a
    /// record (a crash in between) is harmless: the retention purge erases it.
    ///
    /// Created with one compare-and-swap (store the new key only if there is none): no separate
    /// lookup on the way, and two writers racing for the same new survivor both end up with the
    /// one key that was stored, never a record sealed under a key that another write replaced.
    fn data_key_or_create(&self, s: &Subject) -> Result<Key, StoreError> {
        if let Some(k) = self.keys.lock().unwrap_or_else(|p| p.into_inner()).get(s) {
            return Ok(k.clone());
        }
        let k = Key::generate();
        let wrapped = encode_record(&self.master, TREE_KEYS, &s.0, 1, k.expose());
        match self.tree(TREE_KEYS)?.compare_and_swap(s.0, None as Option<&[u8]>, Some(wrapped))? {
            Ok(()) => {
                self.cache_key(s, k.clone());
                Ok(k)
            }
            // A key was there already (stored earlier, or by a racing writer): use that one.
            Err(sled::CompareAndSwapError { current: Some(raw), .. }) => {
                let (_, plain) = decode_record(&self.master, TREE_KEYS, &s.0, &raw)?;
                let key = Key::from_slice(&plain).ok_or_else(|| StoreError::Decode {
                    tree: TREE_KEYS,
                    key: hex::encode(&s.0[..4]),
                    message: "a data key of the wrong length".into(),
                })?;
                self.cache_key(s, key.clone());
                Ok(key)
            }
            // Unreachable: the swap fails only when a value is present.
            Err(sled::CompareAndSwapError { current: None, .. }) => self.data_key_or_create(s),
        }
    }

    fn seal_record<T: Record>(&self, dk: &Key, key: &[u8], value: &T) -> Result<Vec<u8>, StoreError> {
        // Serialised straight into the envelope and sealed where it lies: no copies.
        let mut buf = envelope(T::VERSION, 2048);
        serde_json::to_writer(&mut buf, value).map_err(|e| StoreError::Decode {
            tree: tree_name(T::TREE),
            key: String::new(),
            message: json_error(&e),
        })?;
        crypto::seal_in_place(dk, &aad(T::TREE, key, T::VERSION), &mut buf, ENVELOPE_HEADER);
        Ok(buf)
    }

    fn open_record<T: Record>(&self, dk: &Key, key: &[u8], raw: &[u8]) -> Result<T, StoreError> {
        let tree = tree_name(T::TREE);
        let label = || log_tag(key);
        let (version, plain) = decode_record(dk, tree, key, raw)?;
        if version == T::VERSION {
            return serde_json::from_slice(&plain).map_err(|e| StoreError::Decode {
                tree,
                key: label(),
                message: json_error(&e),
            });
        }
        let value: serde_json::Value = serde_json::from_slice(&plain).map_err(|e| StoreError::Decode {
            tree,
            key: label(),
            message: json_error(&e),
        })?;
        let value = match version {
            v if v == T::VERSION => value,
            v if v < T::VERSION => {
                T::migrate(v, value).map_err(|message| StoreError::Decode { tree, key: label(), message })?
            }
            v => return Err(StoreError::Version { tree, key: label(), version: v }),
        };
        serde_json::from_value(value).map_err(|e| StoreError::Decode { tree, key: label(), message: json_error(&e) })
    }

    /// Writes one record of a survivor (creating their data key on first use).
    pub fn put<T: Record>(&self, s: &Subject, key: &[u8], value: &T) -> Result<(), StoreError> {
        let dk = self.data_key_or_create(s)?;
        let sealed = self.seal_record(&dk, key, value)?;
        self.tree(T::TREE)?.insert(key, sealed)?;
        Ok(())
    }

    /// Reads one record of a survivor. A record whose data key is gone (erased) reads as absent.
    pub fn get<T: Record>(&self, s: &Subject, key: &[u8]) -> Result<Option<T>, StoreError> {
        let Some(raw) = self.tree(T::TREE)?.get(key)? else { return Ok(None) };
        let Some(dk) = self.data_key(s)? else { return Ok(None) };
        self.open_record(&dk, key, &raw).map(Some)
    }

    pub fn load_session(&self, s: &Subject) -> Result<Option<Session>, StoreError> {
        self.get(s, &s.0)
    }

    pub fn save_session(&self, s: &Subject, session: &Session) -> Result<(), StoreError> {
        self.put(s, &s.0, session)
    }

    /// An intake's record key: the survivor's pseudonym, then a keyed hash of the case code (case
    /// codes are never readable on disk).
    fn intake_key(&self, s: &Subject, code: &str) -> Vec<u8> {
        subject_key(s, &self.service_id("intake", code))
    }

    /// Keeps a completed intake under the survivor's data key.
    pub fn save_intake(&self, s: &Subject, intake: &Intake) -> Result<(), StoreError> {
        self.put(s, &self.intake_key(s, &intake.code), intake)
    }

    pub fn load_log(&self, s: &Subject) -> Result<ChatLog, StoreError> {
        Ok(self.get(s, &subject_key(s, b"log"))?.unwrap_or_default())
    }

    pub fn save_log(&self, s: &Subject, log: &ChatLog) -> Result<(), StoreError> {
        self.put(s, &subject_key(s, b"log"), log)
    }

    pub fn load_intake(&self, s: &Subject, code: &str) -> Result<Option<Intake>, StoreError> {
        self.get(s, &self.intake_key(s, code))
    }

    /// Removes a completed intake (once an attorney has accepted its sealed copy).
    pub fn remove_intake(&self, s: &Subject, code: &str) -> Result<(), StoreError> {
        self.tree(TREE_INTAKES)?.remove(self.intake_key(s, code))?;
        Ok(())
    }

    /// Every intake of a survivor.
    pub fn intakes(&self, s: &Subject) -> Result<Vec<Intake>, StoreError> {
        let Some(dk) = self.data_key(s)? else { return Ok(vec![]) };
        let mut out = Vec::new();
        for item in self.tree(TREE_INTAKES)?.scan_prefix(s.0) {
            let (k, v) = item?;
            out.push(self.open_record(&dk, &k, &v)?);
        }
        Ok(out)
    }

    /// Applies everything one handled input changed, atomically: the session, the update id it
    /// came with, the replies it caused, and a completed intake. Not flushed: call
    /// [`Store::flush`] once per batch, before confirming the batch to its source.
    pub fn commit(&self, s: &Subject, mut change: Change<'_>) -> Result<(), StoreError> {
        let input = change.input.or(change.inbox.map(|(id, _)| id));
        for e in &mut change.outbox {
            e.input = e.input.or(input);
        }
        let personal =
            change.session.is_some() || change.intake.is_some() || change.log.is_some() || !change.outbox.is_empty();
        if !personal {
            // Nothing of the survivor's: no data key is created for them (an erased survivor
            // stays erased).
            // The inbox mark last: it is what makes the input count as applied.
            if change.discard_unsent {
                let unsent = self.outbox_keys_of(s)?;
                self.outbox_done(s, &unsent, &[])?;
            }
            if let Some((id, expires)) = change.inbox {
                self.mark_seen(id, expires)?;
            }
            return Ok(());
        }
        let dk = self.data_key_or_create(s)?;
        let session = change.session.map(|sess| self.seal_record(&dk, &s.0, sess)).transpose()?;
        let log = change.log.map(|l| {
            let key = subject_key(s, b"log");
            self.seal_record(&dk, &key, l).map(|v| (key, v))
        });
        let log = log.transpose()?;
        let intake = change
            .intake
            .map(|i| {
                let key = self.intake_key(s, &i.code);
                self.seal_record(&dk, &key, i).map(|v| (key, v))
            })
            .transpose()?;
        let inbox = change.inbox.map(|(id, expires)| self.inbox_record(id, expires));
        let unsent = if change.discard_unsent { self.outbox_keys_of(s)? } else { Vec::new() };
        let mut outbox = Vec::new();
        if !change.outbox.is_empty() {
            let mut seq = self.db.generate_id()?;
            for entry in &change.outbox {
                let key = subject_key(s, &seq.to_be_bytes());
                outbox.push((key.clone(), self.seal_record(&dk, &key, entry)?));
                seq = self.db.generate_id()?;
            }
        }
        if intake.is_none() {
            // Single writes, in order, the record that marks the input as applied (the session,
            // else the inbox entry) last. sled recovers its log as a prefix, in write order: after
            // a crash either that record is there, and everything before it too, or the input is
            // offered again and applied again; the replies it had left in the outbox are then
            // dropped at start-up (`drop_unapplied`: each carries its input's id), so the outcome
            // is that of a transaction. No transaction: in sled 0.34 each one writes and syncs the
            // log buffer twice (it rolls the buffer and seals the batch manifest in one of its
            // own), where single writes wait for the batch's one flush (BENCHMARKS.md).
            let outbox_tree = self.tree(TREE_OUTBOX)?;
            for k in &unsent {
                outbox_tree.remove(k.as_slice())?;
            }
            for (k, v) in &outbox {
                outbox_tree.insert(k.as_slice(), v.as_slice())?;
            }
            let sessions = self.tree(TREE_SESSIONS)?;
            if let Some((k, v)) = log {
                sessions.insert(k, v)?;
            }
            if let Some((k, v)) = inbox {
                self.tree(TREE_INBOX)?.insert(k, v)?;
            }
            if let Some(v) = session {
                sessions.insert(s.0, v)?;
            }
            self.after_commit(s, &unsent, outbox, change.outbox);
            return Ok(());
        }
        // A completed intake is written in one transaction with the rest: applied twice, it
        // would become two cases. A transaction costs per tree it spans: it spans only the trees
        // this change writes.
        let mut trees = Vec::new();
        let slot = |trees: &mut Vec<sled::Tree>, used: bool, name: &str| -> Result<Option<usize>, StoreError> {
            Ok(if used {
                trees.push(self.tree(name)?);
                Some(trees.len() - 1)
            } else {
                None
            })
        };
        let sessions_at = slot(&mut trees, session.is_some() || log.is_some(), TREE_SESSIONS)?;
        let inbox_at = slot(&mut trees, inbox.is_some(), TREE_INBOX)?;
        let outbox_at = slot(&mut trees, !outbox.is_empty() || !unsent.is_empty(), TREE_OUTBOX)?;
        let intake_at = slot(&mut trees, intake.is_some(), TREE_INTAKES)?;
        let refs: Vec<&sled::Tree> = trees.iter().collect();
        // Each slot is the index `slot` gave when it pushed that tree: always in range.
        #[allow(clippy::indexing_slicing)]
        refs.as_slice().transaction(|t| {
            if let (Some(i), Some(v)) = (sessions_at, &session) {
                t[i].insert(&s.0, v.clone())?;
            }
            if let (Some(i), Some((k, v))) = (sessions_at, &log) {
                t[i].insert(k.clone(), v.clone())?;
            }
            if let (Some(i), Some((k, v))) = (inbox_at, &inbox) {
                t[i].insert(k.to_vec(), v.clone())?;
            }
            if let Some(i) = outbox_at {
                for k in &unsent {
                    t[i].remove(k.as_slice())?;
                }
                for (k, v) in &outbox {
                    t[i].insert(k.clone(), v.clone())?;
                }
            }
            if let (Some(i), Some((k, v))) = (intake_at, &intake) {
                t[i].insert(k.clone(), v.clone())?;
            }
            Ok::<_, sled::transaction::ConflictableTransactionError<StoreError>>(())
        })?;
        self.after_commit(s, &unsent, outbox, change.outbox);
        Ok(())
    }

    /// After a commit: the dropped entries are forgotten, the new ones handed to the sender.
    fn after_commit(
        &self,
        s: &Subject,
        unsent: &[Vec<u8>],
        outbox: Vec<(Vec<u8>, Vec<u8>)>,
        entries: Vec<OutboxEntry>,
    ) {
        if !unsent.is_empty() {
            self.forget_fresh(unsent);
        }
        if !outbox.is_empty() {
            let mut fresh = self.fresh.lock().unwrap_or_else(|p| p.into_inner());
            if fresh.len() + outbox.len() <= FRESH_MAX {
                for ((k, _), e) in outbox.into_iter().zip(entries) {
                    fresh.insert(k, e);
                }
            }
            drop(fresh);
            self.queued.lock().unwrap_or_else(|p| p.into_inner()).insert(*s);
        }
    }

    /// The survivors whose outbox got new entries since the last call (then forgotten).
    pub fn take_queued(&self) -> Vec<Subject> {
        self.queued.lock().unwrap_or_else(|p| p.into_inner()).drain().collect()
    }

    /// After a crash: drops outbox entries whose input never counted as applied (its session
    /// carries no mark at or past the input's id and the inbox has no entry for it). Their input
    /// is offered again, since a batch is confirmed only after its flush, and answered again.
    /// Entries without an input id (older records, the case desk's deliveries) are kept. Call it
    /// at start-up, before sending. Returns how many were dropped.
    pub fn drop_unapplied(&self) -> Result<usize, StoreError> {
        let mut dropped = 0;
        let outbox = self.tree(TREE_OUTBOX)?;
        // Keys begin with their survivor's: each survivor's session is read once, for the mark.
        let mut last: Option<(Subject, Option<u64>)> = None;
        for (s, key) in self.outbox_keys()? {
            let Ok(Some(entry)) = self.get::<OutboxEntry>(&s, &key) else { continue };
            let Some(id) = entry.input else { continue };
            let mark = match &last {
                Some((who, mark)) if *who == s => *mark,
                _ => {
                    let mark = match self.load_session(&s) {
                        Ok(Some(session)) => session.last_input.map(|(last, _)| last),
                        _ => None,
                    };
                    last = Some((s, mark));
                    mark
                }
            };
            let applied = mark.is_some_and(|m| m >= id);
            if !applied && !self.seen(id)? {
                outbox.remove(&key)?;
                self.forget_fresh([&key]);
                dropped += 1;
            }
        }
        Ok(dropped)
    }

    /// Keys of one survivor's waiting messages, oldest first.
    pub fn outbox_keys_of(&self, s: &Subject) -> Result<Vec<Vec<u8>>, StoreError> {
        let mut out = Vec::new();
        for k in self.tree(TREE_OUTBOX)?.scan_prefix(s.0).keys() {
            out.push(k?.to_vec());
        }
        Ok(out)
    }

    /// Remembers an update that changed nothing (so a redelivery is skipped too).
    pub fn mark_seen(&self, update_id: u64, expires: jiff::Timestamp) -> Result<(), StoreError> {
        let (key, value) = self.inbox_record(update_id, expires);
        self.tree(TREE_INBOX)?.insert(key, value)?;
        Ok(())
    }

    /// An inbox entry: the update id as key, its expiry sealed under the service key.
    fn inbox_record(&self, update_id: u64, expires: jiff::Timestamp) -> ([u8; 8], Vec<u8>) {
        let key = update_id.to_be_bytes();
        let plain = serde_json::to_vec(&expires).unwrap_or_default();
        let value = encode_record(&self.service, TREE_INBOX, &key, 1, &plain);
        (key, value)
    }

    /// Whether a channel update was already handled.
    pub fn seen(&self, update_id: u64) -> Result<bool, StoreError> {
        Ok(self.tree(TREE_INBOX)?.contains_key(update_id.to_be_bytes())?)
    }

    /// Keys of the messages waiting to be sent, oldest first per survivor. Entries are opened
    /// one at a time with [`Store::outbox_entry`], as they are sent, so a long queue costs no
    /// decryption until its turn comes.
    pub fn outbox_keys(&self) -> Result<Vec<(Subject, Vec<u8>)>, StoreError> {
        let mut out = Vec::new();
        for k in self.tree(TREE_OUTBOX)?.iter().keys() {
            let k = k?;
            if let Some(s) = subject_of(&k) {
                out.push((s, k.to_vec()));
            }
        }
        Ok(out)
    }

    /// One waiting message; `None` if it was sent meanwhile or its survivor was erased.
    pub fn outbox_entry(&self, s: &Subject, key: &[u8]) -> Result<Option<OutboxEntry>, StoreError> {
        if let Some(e) = self.fresh.lock().unwrap_or_else(|p| p.into_inner()).remove(key) {
            return Ok(Some(e));
        }
        self.get(s, key)
    }

    fn forget_fresh(&self, keys: impl IntoIterator<Item = impl AsRef<[u8]>>) {
        let mut fresh = self.fresh.lock().unwrap_or_else(|p| p.into_inner());
        for k in keys {
            fresh.remove(k.as_ref());
        }
    }

    /// Replaces an outbox entry (e.g. after a failed attempt) or removes it once sent.
    pub fn outbox_update(&self, s: &Subject, key: &[u8], entry: Option<&OutboxEntry>) -> Result<(), StoreError> {
        let t = self.tree(TREE_OUTBOX)?;
        self.forget_fresh([key]);
        match entry {
            None => {
                t.remove(key)?;
            }
            Some(e) => {
                let Some(dk) = self.data_key(s)? else { return Ok(()) };
                // Only over the entry as it is: one dropped meanwhile (an exit discards unsent
                // replies, an erasure everything) stays dropped.
                let Some(old) = t.get(key)? else { return Ok(()) };
                let _ = t.compare_and_swap(key, Some(old), Some(self.seal_record(&dk, key, e)?))?;
            }
        }
        Ok(())
    }

    /// Records what left the outbox for one chat: the entries done, removed, and the messages
    /// now on the device, added to the chat's log (so they can be wiped); one log update for
    /// several messages. A crash before this runs sends those entries again (at least once).
    ///
    /// `sent` pairs each message with the entry it came from. An entry that is no longer there
    /// was dropped while its message was on its way (the survivor exited, or was erased): that
    /// message landed after the wipe, so it is not logged, and its id is returned for the caller
    /// to delete at once. Call it under the chat's lock (`App::chat_lock`), so an exit either sees
    /// the message in the log or has already dropped its entry.
    pub fn outbox_done(
        &self,
        s: &Subject,
        keys: &[Vec<u8>],
        sent: &[(Vec<u8>, i64, jiff::Timestamp)],
    ) -> Result<Vec<i64>, StoreError> {
        let t = self.tree(TREE_OUTBOX)?;
        let (mut late, mut kept) = (Vec::new(), Vec::new());
        for (k, id, at) in sent {
            if t.contains_key(k)? {
                kept.push((*id, *at, true));
            } else {
                late.push(*id);
            }
        }
        // The log first, then the entries: a crash in between sends an entry again (and logs it
        // twice, harmlessly), never leaves a message on the device that no wipe knows of.
        if !kept.is_empty() {
            let mut log = self.load_log(s)?;
            log.messages.extend(kept);
            self.save_log(s, &log)?;
        }
        self.forget_fresh(keys);
        for k in keys {
            t.remove(k.as_slice())?;
        }
        Ok(late)
    }

    /// Erases everything of one survivor: their data key first (so nothing of theirs can be
    /// opened any more, even from old log segments), then their records; then flushes.
    pub fn erase(&self, s: &Subject) -> Result<(), StoreError> {
        self.keys.lock().unwrap_or_else(|p| p.into_inner()).remove(s);
        self.fresh.lock().unwrap_or_else(|p| p.into_inner()).retain(|k, _| !k.starts_with(&s.0));
        self.tree(TREE_KEYS)?.remove(s.0)?;
        for t in SUBJECT_TREES {
            let tree = self.tree(t)?;
            for k in tree.scan_prefix(s.0).keys() {
                tree.remove(k?)?;
            }
        }
        self.flush()
    }

    /// Every survivor with a data key.
    pub fn subjects(&self) -> Result<Vec<Subject>, StoreError> {
        let mut out = Vec::new();
        for k in self.tree(TREE_KEYS)?.iter().keys() {
            if let Some(s) = subject_of(&k?) {
                out.push(s);
            }
        }
        Ok(out)
    }

    /// Applies the retention periods at `now`: abandoned conversations, intakes delivered long
    /// enough ago, expired inbox entries. A survivor left with nothing is erased entirely.
    /// An intake nobody accepted goes after the waiting period (the case desk deletes it first,
    /// telling those concerned; this is the backstop, and the only rule where there is no desk).
    pub fn purge(&self, now: jiff::Timestamp, r: Retention) -> Result<Purged, StoreError> {
        let mut p = Purged::default();
        let day = 86_400;
        for s in self.subjects()? {
            let session = match self.load_session(&s) {
                Ok(sess) => sess,
                Err(e) => {
                    tracing::error!(subject = %s.tag(), error = %e, "session does not open; left for an administrator");
                    p.unreadable += 1;
                    continue;
                }
            };
            let intakes = match self.intakes(&s) {
                Ok(i) => i,
                Err(e) => {
                    tracing::error!(subject = %s.tag(), error = %e, "intake does not open; left for an administrator");
                    p.unreadable += 1;
                    continue;
                }
            };
            let mut live_intakes = 0;
            for i in &intakes {
                // Delivered long enough ago, or never taken on in time (the case desk deletes those
                // first, telling those concerned; this is the backstop, and the only rule where
                // there is no desk).
                let expired = i.delivered_at.is_some_and(|d| d.as_second() + r.delivered_days * day <= now.as_second())
                    || i.submitted_at.as_second() + r.waiting_days * day <= now.as_second();
                if expired {
                    self.tree(TREE_INTAKES)?.remove(self.intake_key(&s, &i.code))?;
                    p.intakes += 1;
                } else {
                    live_intakes += 1;
                }
            }
            let mut has_session = session.is_some();
            // Replies still to go out need the session: its mark of the last input applied is what
            // tells them, after a restart, from replies to an input never applied
            // (`drop_unapplied`). A finished session goes only once they are sent.
            let has_outbox = self.tree(TREE_OUTBOX)?.scan_prefix(s.0).next().is_some();
            if let Some(sess) = &session {
                let idle = now.as_second() - sess.updated_at.as_second();
                let abandoned = sess.status != engine::Status::Submitted && idle >= r.abandoned_days * day;
                let finished = sess.status == engine::Status::Submitted && live_intakes == 0 && !has_outbox;
                if abandoned || finished {
                    self.tree(TREE_SESSIONS)?.remove(s.0)?;
                    p.sessions += 1;
                    has_session = false;
                }
            }
            // Set-aside updates are kept no longer than an abandoned conversation.
            let quarantine = self.tree(TREE_QUARANTINE)?;
            for item in quarantine.scan_prefix(s.0) {
                let (k, v) = item?;
                let old = match self.data_key(&s)? {
                    Some(dk) => self
                        .open_record::<Quarantined>(&dk, &k, &v)
                        .map(|q| now.as_second() - q.at.as_second() >= r.abandoned_days * day)
                        .unwrap_or(false),
                    None => true,
                };
                if old {
                    quarantine.remove(k)?;
                }
            }
            let has_quarantine = quarantine.scan_prefix(s.0).next().is_some();
            if !has_session && live_intakes == 0 && !has_outbox && !has_quarantine {
                self.erase(&s)?;
                p.subjects_erased += 1;
            }
        }
        let inbox = self.tree(TREE_INBOX)?;
        for item in inbox.iter() {
            let (k, v) = item?;
            let expired = match decode_record(&self.service, TREE_INBOX, &k, &v) {
                Ok((_, plain)) => serde_json::from_slice::<jiff::Timestamp>(&plain).map(|t| t <= now).unwrap_or(true),
                Err(_) => true,
            };
            if expired {
                inbox.remove(k)?;
                p.inbox_entries += 1;
            }
        }
        self.flush()?;
        Ok(p)
    }

    /// The store's name for a service record (an attorney, an invitation, a case): a keyed hash,
    /// so names and case codes are never keys on disk.
    ///
    /// Service ids move with every rotation, as survivors' pseudonyms do: a case code's or an
    /// attorney's id computed with an old key must not find the record in a later copy.
    pub fn service_id(&self, kind: &str, name: &str) -> [u8; 32] {
        self.pseudonym(&format!("service\0{kind}\0{name}"))
    }

    /// Writes a service record (attorneys, invitations, referrals, the audit log): sealed under
    /// the service key, bound to its tree and key like every record.
    pub fn service_put<T: Serialize>(&self, tree: &'static str, key: &[u8], value: &T) -> Result<(), StoreError> {
        let plain = serde_json::to_vec(value).map_err(|e| StoreError::Decode {
            tree: tree_name(tree),
            key: String::new(),
            message: json_error(&e),
        })?;
        self.tree(tree)?.insert(key, encode_record(&self.service, tree, key, 1, &plain))?;
        Ok(())
    }

    pub fn service_get<T: DeserializeOwned>(&self, tree: &'static str, key: &[u8]) -> Result<Option<T>, StoreError> {
        let Some(raw) = self.tree(tree)?.get(key)? else { return Ok(None) };
        self.service_open(tree, key, &raw).map(Some)
    }

    fn service_open<T: DeserializeOwned>(&self, tree: &'static str, key: &[u8], raw: &[u8]) -> Result<T, StoreError> {
        let (_, plain) = decode_record(&self.service, tree_name(tree), key, raw)?;
        serde_json::from_slice(&plain).map_err(|e| StoreError::Decode {
            tree: tree_name(tree),
            key: log_tag(key),
            message: json_error(&e),
        })
    }

    /// Every record of a service tree, in key order.
    pub fn service_all<T: DeserializeOwned>(&self, tree: &'static str) -> Result<Vec<(Vec<u8>, T)>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(tree)?.iter() {
            let (k, v) = item?;
            out.push((k.to_vec(), self.service_open(tree, &k, &v)?));
        }
        Ok(out)
    }

    /// The last record of a service tree (the audit log's head).
    pub fn service_last<T: DeserializeOwned>(&self, tree: &'static str) -> Result<Option<(Vec<u8>, T)>, StoreError> {
        match self.tree(tree)?.last()? {
            Some((k, v)) => Ok(Some((k.to_vec(), self.service_open(tree, &k, &v)?))),
            None => Ok(None),
        }
    }

    pub fn service_remove(&self, tree: &'static str, key: &[u8]) -> Result<(), StoreError> {
        self.tree(tree)?.remove(key)?;
        Ok(())
    }

    /// Records how far a channel got: `id` is the newest update id of a batch whose every change
    /// is written (flush after it). Not flushed here: the batch's flush makes it durable.
    pub fn set_progress(&self, channel: &str, id: u64, at: jiff::Timestamp) -> Result<(), StoreError> {
        self.service_put(TREE_PROGRESS, channel.as_bytes(), &(id, at))
    }

    /// How far a channel got (see [`Store::set_progress`]).
    pub fn progress(&self, channel: &str) -> Result<Option<(u64, jiff::Timestamp)>, StoreError> {
        self.service_get(TREE_PROGRESS, channel.as_bytes())
    }

    /// Sets an update aside under its survivor's key, marks it handled (so a redelivery does not
    /// bring it back), and queues `notice` (a calm reply) to the chat, in one change.
    pub fn quarantine(
        &self,
        s: &Subject,
        q: &Quarantined,
        inbox_expires: jiff::Timestamp,
        notice: Vec<OutboxEntry>,
    ) -> Result<(), StoreError> {
        let dk = self.data_key_or_create(s)?;
        let key = subject_key(s, &q.id.to_be_bytes());
        let sealed = self.seal_record(&dk, &key, q)?;
        self.tree(TREE_QUARANTINE)?.insert(key, sealed)?;
        self.commit(s, Change { inbox: Some((q.id, inbox_expires)), outbox: notice, ..Default::default() })
    }

    /// Every update set aside, with its survivor. One that does not open is reported as an error
    /// entry rather than hiding the rest.
    pub fn quarantined(&self) -> Result<Vec<SetAside>, StoreError> {
        let mut out = Vec::new();
        for item in self.tree(TREE_QUARANTINE)?.iter() {
            let (k, v) = item?;
            let Some(s) = subject_of(&k) else { continue };
            let opened = match self.data_key(&s) {
                Ok(Some(dk)) => self.open_record::<Quarantined>(&dk, &k, &v),
                Ok(None) => continue,
                Err(e) => Err(e),
            };
            out.push((s, opened));
        }
        Ok(out)
    }

    /// Removes an update from the quarantine.
    pub fn unquarantine(&self, s: &Subject, id: u64) -> Result<bool, StoreError> {
        Ok(self.tree(TREE_QUARANTINE)?.remove(subject_key(s, &id.to_be_bytes()))?.is_some())
    }

    /// Writes a message to the outbox of a chat that is not a survivor's conversation (an
    /// attorney, an administrator), sealed under that chat's own data key.
    pub fn enqueue(&self, s: &Subject, entries: &[OutboxEntry]) -> Result<(), StoreError> {
        self.commit(s, Change { outbox: entries.to_vec(), ..Default::default() })
    }

    /// Makes every write so far durable (fsync).
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }

    /// Raw access for rotation, which copies live records without opening survivors' data.
    pub(crate) fn raw(&self) -> &sled::Db {
        &self.db
    }

    /// The master key: the runtime keeps it across a rotation, to reopen the old store if the
    /// swap fails.
    pub fn master(&self) -> &Key {
        &self.master
    }

    pub(crate) fn chain(&self) -> &[Key] {
        &self.chain
    }
}

/// The pseudonym chain's keys, oldest first (none before the first rotation).
fn load_chain(db: &sled::Db, master: &Key) -> Result<Vec<Key>, StoreError> {
    let meta = db.open_tree(TREE_META)?;
    let Some(raw) = meta.get(META_CHAIN)? else { return Ok(Vec::new()) };
    let (_, plain) = decode_record(master, TREE_META, META_CHAIN, &raw)?;
    let bad = || StoreError::Record { tree: TREE_META, key: "chain".into(), source: CryptoError::Truncated };
    if plain.len() % 32 != 0 {
        return Err(bad());
    }
    plain.chunks(32).map(|c| Key::from_slice(c).ok_or_else(bad)).collect()
}

fn load_or_create_meta_key(db: &sled::Db, master: &Key, name: &[u8]) -> Result<Key, StoreError> {
    let meta = db.open_tree(TREE_META)?;
    match meta.get(name)? {
        Some(raw) => {
            let (_, plain) = decode_record(master, TREE_META, name, &raw)?;
            Key::from_slice(&plain).ok_or(StoreError::Record {
                tree: TREE_META,
                key: "meta".into(),
                source: CryptoError::Truncated,
            })
        }
        None => {
            let k = Key::generate();
            meta.insert(name, encode_record(master, TREE_META, name, 1, k.expose()))?;
            db.flush()?;
            Ok(k)
        }
    }
}

/// Refuses a database another process holds, without touching it.
fn ensure_unlocked(db_path: &Path) -> Result<(), StoreError> {
    use fs2::FileExt;
    let file = db_path.join("db");
    if !file.exists() {
        return Ok(());
    }
    let f = std::fs::OpenOptions::new().read(true).write(true).open(&file)?;
    if f.try_lock_exclusive().is_err() {
        return Err(StoreError::Locked(db_path.to_path_buf()));
    }
    let _ = fs2::FileExt::unlock(&f);
    Ok(())
}

/// Opens a copy of the database first: sled's recovery writes, and a database that does not
/// open cleanly must be left exactly as it was for an administrator to look at.
fn probe(db_path: &Path, store_dir: &Path, master: &Key) -> Result<(), StoreError> {
    let probe_dir = store_dir.join(".probe");
    let _ = std::fs::remove_dir_all(&probe_dir);
    copy_dir(db_path, &probe_dir)?;
    let result = (|| {
        let db = sled_config().path(&probe_dir).open().map_err(|e| StoreError::Corrupt(db_path.to_path_buf(), e))?;
        let meta = db.open_tree(TREE_META).map_err(|e| StoreError::Corrupt(db_path.to_path_buf(), e))?;
        if let Some(raw) = meta.get(META_PSEUD).map_err(|e| StoreError::Corrupt(db_path.to_path_buf(), e))? {
            decode_record(master, TREE_META, META_PSEUD, &raw)?;
        }
        Ok(())
    })();
    let _ = std::fs::remove_dir_all(&probe_dir);
    result
}

pub(crate) fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let e = entry?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            std::fs::copy(e.path(), &target)?;
        }
    }
    Ok(())
}

/// A record key (or a pseudonym) as logs and errors name it: a keyed hash under a key of its own,
/// drawn afresh by each process, so that a tag lets log lines of one run be read together but can
/// never be matched with a key in the database (nor with the tags of another run).
pub fn log_tag(key: &[u8]) -> String {
    static TAG_KEY: std::sync::OnceLock<[u8; 32]> = std::sync::OnceLock::new();
    let k = TAG_KEY.get_or_init(|| {
        let mut k = [0u8; 32];
        rand::RngCore::fill_bytes(&mut rand::rngs::OsRng, &mut k);
        k
    });
    hex::encode(blake3::keyed_hash(k, key).as_bytes().get(..4).unwrap_or_default())
}

/// What went wrong reading a record's JSON, without serde's message: it can quote the value
/// (`unknown variant "…"`, `invalid type: string "…"`), which is a survivor's data.
fn json_error(e: &serde_json::Error) -> String {
    let what = match e.classify() {
        serde_json::error::Category::Io => "a read error",
        serde_json::error::Category::Syntax => "not valid JSON",
        serde_json::error::Category::Data => "a value of another shape than expected",
        serde_json::error::Category::Eof => "cut short",
    };
    format!("{what} (line {}, column {})", e.line(), e.column())
}

pub(crate) fn subject_key(s: &Subject, suffix: &[u8]) -> Vec<u8> {
    let mut k = s.0.to_vec();
    k.extend_from_slice(suffix);
    k
}

pub(crate) fn subject_of(key: &[u8]) -> Option<Subject> {
    key.get(..32).and_then(|k| <[u8; 32]>::try_from(k).ok()).map(Subject)
}

/// Makes a directory private to its owner (mode 0700). Returns the mode it had when that was
/// not 0700 (and so was changed).
pub fn restrict_dir(dir: &Path) -> std::io::Result<Option<u32>> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir)?.permissions().mode() & 0o7777;
        if mode != 0o700 {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o700))?;
            return Ok(Some(mode));
        }
    }
    Ok(None)
}

/// [`restrict_dir`] at every start, not only when the directory is made: a mode loosened since
/// (by hand, a restore, a provisioning tool) is put back, and the log says so.
fn keep_private(dir: &Path, existed: bool) -> std::io::Result<()> {
    if let Some(was) = restrict_dir(dir)? {
        if existed {
            tracing::warn!(dir = %dir.display(), was = format!("{was:o}"), "a data directory was not private; set to mode 0700");
        }
    }
    Ok(())
}

/// Writes a file readable by its owner only, atomically: a temporary file with a fresh random
/// name in the same directory, created new (never an existing file, never through a link) with
/// mode 0600, fsynced, then renamed over `path`. A file or link planted under a predictable name
/// is never written through.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let name = path.file_name().ok_or_else(|| std::io::Error::other("not a file path"))?;
    let mut tmp_name = std::ffi::OsString::from(".");
    tmp_name.push(name);
    tmp_name.push(format!(".{:016x}.tmp", rand::random::<u64>()));
    let tmp = path.with_file_name(tmp_name);
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create_new(true);
    #[cfg(unix)]
    opts.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    let mut f = opts.open(&tmp)?;
    let written = (|| {
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if let Err(e) = written {
        let _ = std::fs::remove_file(&tmp);
        return Err(e);
    }
    if let Some(parent) = path.parent() {
        if let Ok(d) = std::fs::File::open(parent) {
            let _ = d.sync_all();
        }
    }
    Ok(())
}

#[cfg(test)]
mod log_safety {
    use super::*;

    #[test]
    fn a_record_that_does_not_decode_is_reported_without_its_value() {
        // serde's own messages quote what they read: `unknown variant "Canary-…"`.
        let e = serde_json::from_str::<engine::Status>(r#""Canary-Status-1""#).unwrap_err();
        assert!(e.to_string().contains("Canary"), "the premise: serde quotes the value");
        let told = json_error(&e);
        assert!(!told.contains("Canary"), "{told}");
        assert!(told.starts_with("a value of another shape"), "{told}");
    }

    #[test]
    fn log_tags_are_not_key_prefixes() {
        let key = [7u8; 32];
        let tag = log_tag(&key);
        assert_eq!(tag.len(), 8);
        assert_ne!(tag, hex::encode(&key[..4]));
        assert_eq!(tag, log_tag(&key), "stable within a run");
        assert_eq!(Subject(key).tag(), tag);
    }
}
