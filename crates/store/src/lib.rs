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
//! store.restoring/ a restore in progress (renamed to store/ once complete)
//! erasures         the erasure log: who was erased, sealed, to replay on a restored backup
//! control.sock     the running process's control socket (mode 0600)
//! ```

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::indexing_slicing)
)]

pub mod backup;
pub mod crypto;
mod envelope;
pub mod erasures;
mod files;
pub mod keyfile;
mod outbox;
mod records;
mod retention;
pub mod rotate;
mod service;
mod stats;

pub(crate) use envelope::*;
pub use files::*;
pub use records::*;

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
/// The administrators' aggregate counters, a record per week (see `stats.rs`).
pub(crate) const TREE_STATS: &str = "stats";
/// The versions of the flow that conversations started on, by content hash (see `desk::app`):
/// kept so that a conversation finishes on the version it began, across an edit and a restart.
pub const TREE_FLOWS: &str = "flows";
/// Trees of the service's own records, sealed under a key derived from the master key.
pub(crate) const SERVICE_TREES: &[&str] =
    &[TREE_INBOX, TREE_ATTORNEYS, TREE_INVITES, TREE_REFERRALS, TREE_AUDIT, TREE_PROGRESS, TREE_STATS, TREE_FLOWS];
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
    #[error(
        "this store was written by a newer clearpath (store format {found}; this program reads up to {supported}): run that newer version, or restore a backup made with this one"
    )]
    Newer { found: u32, supported: u32 },
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
            StoreError::Newer { .. } => "newer_store",
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

/// How clearpath opens sled, everywhere (the store, rotation, the probe, the benchmarks), so a
/// setting changed here applies to all of them. sled's defaults: `HighThroughput` mode was tried
/// and made no measurable difference under the load tool (BENCHMARKS.md).
/// sled's page cache, by default: an upper bound on what it keeps in memory (sled's own default
/// is 1 GiB). Settings may change it (`[store] cache_mb`).
pub const DEFAULT_CACHE_MB: u64 = 64;
static CACHE_BYTES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(DEFAULT_CACHE_MB * 1024 * 1024);

/// Sets sled's cache for every store this process opens from now on.
pub fn set_cache_mb(mb: u64) {
    CACHE_BYTES.store(mb.saturating_mul(1024 * 1024), std::sync::atomic::Ordering::Relaxed);
}

pub fn sled_config() -> sled::Config {
    sled::Config::new().cache_capacity(CACHE_BYTES.load(std::sync::atomic::Ordering::Relaxed))
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

/// What the key-check file says of a key, found without opening, creating or changing anything
/// (`clearpath doctor`, which must not write into a data directory it only inspects).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyCheck {
    /// The key opens this store.
    Opens,
    /// The key-check file refuses the key: it is not the key this store was made with.
    Wrong,
    /// Neither a key-check file nor a database: nothing has been stored here yet.
    NoStore,
    /// A database without its key-check file ([`StoreError::MissingKeyCheck`]).
    MissingCheckFile,
}

/// Checks `key` against the store in `data_dir` by reading its key-check file only.
pub fn check_key(data_dir: &Path, key: &Key) -> Result<KeyCheck, StoreError> {
    let (check_path, db_path, _) = paths(data_dir);
    if check_path.exists() {
        Ok(if key_opens(&check_path, key)? { KeyCheck::Opens } else { KeyCheck::Wrong })
    } else if db_path.exists() {
        Ok(KeyCheck::MissingCheckFile)
    } else {
        Ok(KeyCheck::NoStore)
    }
}

/// Whether `key` is the key of the store in `data_dir`, from its key-check file alone (sled is
/// not opened, so this works while a running process holds the database). `None`: there is no
/// key-check file (no store yet).
pub fn key_matches(data_dir: &Path, key: &Key) -> Result<Option<bool>, StoreError> {
    Ok(match check_key(data_dir, key)? {
        KeyCheck::Opens => Some(true),
        KeyCheck::Wrong => Some(false),
        KeyCheck::NoStore | KeyCheck::MissingCheckFile => None,
    })
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
        // The store's format: a newer one is refused before the real files are opened (the probe
        // read it from a copy); an older one is copied aside, migrated, and the copy removed once
        // the migrated store opens (a copy left behind would outlive erasures).
        let mut migrate_from = None;
        if db_path.exists() {
            ensure_unlocked(&db_path)?;
            let found = probe(&db_path, &store_dir, &master)?;
            if found > SCHEMA {
                return Err(StoreError::Newer { found, supported: SCHEMA });
            }
            if found < SCHEMA {
                let backup = store_dir.join(PRE_MIGRATION);
                let _ = std::fs::remove_dir_all(&backup);
                copy_dir(&db_path, &backup)?;
                migrate_from = Some(found);
            }
        }
        let db = sled_config().path(&db_path).open().map_err(|e| match e {
            sled::Error::Io(ref io) if io.to_string().contains("could not acquire lock") => {
                StoreError::Locked(db_path.clone())
            }
            e => StoreError::Corrupt(db_path.clone(), e),
        })?;
        let meta = db.open_tree(TREE_META)?;
        if let Some(from) = migrate_from {
            // Formats 1 to 2 differ only by trees added since (counters, flow versions): nothing
            // to convert. A later format's conversion goes here, from `from`.
            meta.insert(META_SCHEMA, &SCHEMA.to_be_bytes())?;
            db.flush()?;
            let _ = std::fs::remove_dir_all(store_dir.join(PRE_MIGRATION));
            tracing::info!(from, to = SCHEMA, "the store was migrated to this program's format");
        } else if meta.get(META_SCHEMA)?.is_none() {
            meta.insert(META_SCHEMA, &SCHEMA.to_be_bytes())?;
        }
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

/// The format of the records this program reads and writes, kept in the store (`meta/schema`,
/// plain: it says nothing about anyone). 1: stores from before it was recorded; 2: adds the
/// counters and flow-version trees.
pub const SCHEMA: u32 = 2;
pub(crate) const META_SCHEMA: &[u8] = b"schema";
/// Where an older store is copied before it is migrated (removed once the migration holds).
const PRE_MIGRATION: &str = ".pre-migration";

/// A store's recorded format (1 when none is recorded).
fn schema_of(meta: &sled::Tree, db_path: &Path) -> Result<u32, StoreError> {
    match meta.get(META_SCHEMA).map_err(|e| StoreError::Corrupt(db_path.to_path_buf(), e))? {
        None => Ok(1),
        Some(raw) => {
            let bytes: [u8; 4] = raw.as_ref().try_into().map_err(|_| StoreError::Record {
                tree: TREE_META,
                key: "schema".into(),
                source: CryptoError::Truncated,
            })?;
            Ok(u32::from_be_bytes(bytes))
        }
    }
}

/// Opens a copy of the database first: sled's recovery writes, and a database that does not
/// open cleanly must be left exactly as it was for an administrator to look at. Returns the
/// store's format, read from the copy.
fn probe(db_path: &Path, store_dir: &Path, master: &Key) -> Result<u32, StoreError> {
    let probe_dir = store_dir.join(".probe");
    let _ = std::fs::remove_dir_all(&probe_dir);
    copy_dir(db_path, &probe_dir)?;
    let result = (|| {
        let db = sled_config().path(&probe_dir).open().map_err(|e| StoreError::Corrupt(db_path.to_path_buf(), e))?;
        let meta = db.open_tree(TREE_META).map_err(|e| StoreError::Corrupt(db_path.to_path_buf(), e))?;
        if let Some(raw) = meta.get(META_PSEUD).map_err(|e| StoreError::Corrupt(db_path.to_path_buf(), e))? {
            decode_record(master, TREE_META, META_PSEUD, &raw)?;
        }
        schema_of(&meta, db_path)
    })();
    let _ = std::fs::remove_dir_all(&probe_dir);
    result
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
