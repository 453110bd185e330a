//! The only code that touches sled. Every value is sealed (see [`crypto`]); every key is either a
//! keyed hash of an identifier or a random id, never an identifier itself.
//!
//! Keys: a 256-bit master key (kept outside the data directory in production) wraps a
//! pseudonymisation key and one data key per survivor. Erasing a survivor destroys their data key
//! and their records (crypto-shredding). The API is synchronous; async callers use
//! `spawn_blocking` or a dedicated thread.

pub mod crypto;
pub mod keyfile;

use crate::engine::Session;
use crypto::{aad, open, pseudonym, seal, CryptoError, Key};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Version of the record format. Bump when a record's shape changes, and teach `decode` to read
/// the older one.
pub const SCHEMA: u16 = 1;

const TREE_META: &str = "meta";
const TREE_KEYS: &str = "keys";
const TREE_SESSIONS: &str = "sessions";
const TREE_INTAKES: &str = "intakes";

const KEYCHECK_FILE: &str = "keycheck";
const DB_DIR: &str = "db";
const KEYCHECK_PLAIN: &[u8] = b"clearpath key check v1";

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("this key does not open this database (wrong master key)")]
    WrongKey,
    #[error("the database at {0} does not open cleanly; it was left untouched")]
    Corrupt(PathBuf, #[source] sled::Error),
    #[error("the key-check file {0} is missing, but a database exists; refusing to guess (restore the file or the matching key)")]
    MissingKeyCheck(PathBuf),
    #[error("record {tree}/{key} does not open: {source}")]
    Record {
        tree: &'static str,
        key: String,
        #[source]
        source: CryptoError,
    },
    #[error(
        "record {tree}/{key} has schema version {version}, newer than this program ({SCHEMA})"
    )]
    Version {
        tree: &'static str,
        key: String,
        version: u16,
    },
    #[error("record {tree}/{key} does not decode: {source}")]
    Decode {
        tree: &'static str,
        key: String,
        #[source]
        source: serde_json::Error,
    },
    #[error("database error")]
    Db(#[from] sled::Error),
    #[error("file error")]
    Io(#[from] std::io::Error),
}

/// A survivor as the store knows them: the keyed hash of their channel and chat id.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Subject([u8; 32]);

impl std::fmt::Debug for Subject {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // Short prefix only: enough to correlate log lines, not to identify anyone.
        write!(f, "Subject({})", &hex::encode(&self.0[..4]))
    }
}

impl Subject {
    /// A short, non-identifying tag for logs.
    pub fn tag(&self) -> String {
        hex::encode(&self.0[..4])
    }
}

/// A completed intake, kept until it is delivered and the retention period has passed.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Intake {
    /// Short random case code shown to attorneys and admins.
    pub code: String,
    pub flow_id: String,
    pub locale: String,
    pub answers: std::collections::BTreeMap<String, crate::engine::answer::Answer>,
    pub submitted_at: jiff::Timestamp,
}

pub struct Store {
    db: sled::Db,
    master: Key,
    pseud: Key,
    dir: PathBuf,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// Envelope stored in sled: version, then the sealed payload.
fn encode_record(key_mat: &Key, tree: &str, key: &[u8], value: &[u8]) -> Vec<u8> {
    let mut out = SCHEMA.to_be_bytes().to_vec();
    out.extend(seal(key_mat, &aad(tree, key, SCHEMA), value));
    out
}

fn decode_record(
    key_mat: &Key,
    tree: &'static str,
    key: &[u8],
    raw: &[u8],
) -> Result<Vec<u8>, StoreError> {
    let label = || hex::encode(&key[..key.len().min(4)]);
    if raw.len() < 2 {
        return Err(StoreError::Record {
            tree,
            key: label(),
            source: CryptoError::Truncated,
        });
    }
    let version = u16::from_be_bytes([raw[0], raw[1]]);
    if version > SCHEMA {
        return Err(StoreError::Version {
            tree,
            key: label(),
            version,
        });
    }
    open(key_mat, &aad(tree, key, version), &raw[2..]).map_err(|source| StoreError::Record {
        tree,
        key: label(),
        source,
    })
}

impl Store {
    /// Opens (or creates) the store in `dir`. The key is checked against `dir/keycheck` before
    /// sled is opened, because opening sled writes to it.
    pub fn open(dir: &Path, master: Key) -> Result<Store, StoreError> {
        std::fs::create_dir_all(dir)?;
        let check_path = dir.join(KEYCHECK_FILE);
        let db_path = dir.join(DB_DIR);
        let check_aad = aad("keycheck", b"", SCHEMA);
        if check_path.exists() {
            let raw = std::fs::read(&check_path)?;
            match open(&master.derive("clearpath keycheck"), &check_aad, &raw) {
                Ok(p) if p == KEYCHECK_PLAIN => {}
                _ => return Err(StoreError::WrongKey),
            }
        } else if db_path.exists() {
            return Err(StoreError::MissingKeyCheck(check_path));
        } else {
            let sealed = seal(
                &master.derive("clearpath keycheck"),
                &check_aad,
                KEYCHECK_PLAIN,
            );
            write_private(&check_path, &sealed)?;
        }
        let db = sled::Config::new()
            .path(&db_path)
            .open()
            .map_err(|e| StoreError::Corrupt(db_path.clone(), e))?;
        let meta = db.open_tree(TREE_META)?;
        let pseud = match meta.get(b"pseudonym-key")? {
            Some(raw) => {
                let plain = decode_record(&master, TREE_META, b"pseudonym-key", &raw)?;
                Key::from_slice(&plain).ok_or(StoreError::Record {
                    tree: TREE_META,
                    key: "pseudonym-key".into(),
                    source: CryptoError::Truncated,
                })?
            }
            None => {
                let k = Key::generate();
                meta.insert(
                    b"pseudonym-key",
                    encode_record(&master, TREE_META, b"pseudonym-key", k.expose()),
                )?;
                db.flush()?;
                k
            }
        };
        Ok(Store {
            db,
            master,
            pseud,
            dir: dir.to_path_buf(),
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The store's name for a survivor on a channel.
    pub fn subject(&self, channel: &str, chat: &str) -> Subject {
        Subject(pseudonym(&self.pseud, &format!("{channel}\0{chat}")))
    }

    /// The survivor's data key, created on first use.
    fn data_key(&self, s: &Subject, create: bool) -> Result<Option<Key>, StoreError> {
        let keys = self.db.open_tree(TREE_KEYS)?;
        if let Some(raw) = keys.get(s.0)? {
            let plain = decode_record(&self.master, TREE_KEYS, &s.0, &raw)?;
            return Ok(Key::from_slice(&plain));
        }
        if !create {
            return Ok(None);
        }
        let k = Key::generate();
        keys.insert(
            s.0,
            encode_record(&self.master, TREE_KEYS, &s.0, k.expose()),
        )?;
        Ok(Some(k))
    }

    fn put<T: Serialize>(
        &self,
        tree: &'static str,
        s: &Subject,
        key: &[u8],
        value: &T,
    ) -> Result<(), StoreError> {
        let dk = self.data_key(s, true)?.expect("created above");
        let plain = serde_json::to_vec(value).map_err(|source| StoreError::Decode {
            tree,
            key: String::new(),
            source,
        })?;
        self.db
            .open_tree(tree)?
            .insert(key, encode_record(&dk, tree, key, &plain))?;
        Ok(())
    }

    fn get<T: DeserializeOwned>(
        &self,
        tree: &'static str,
        s: &Subject,
        key: &[u8],
    ) -> Result<Option<T>, StoreError> {
        let Some(raw) = self.db.open_tree(tree)?.get(key)? else {
            return Ok(None);
        };
        let Some(dk) = self.data_key(s, false)? else {
            // The key is gone (erased): the record is unreadable by design.
            return Err(StoreError::Record {
                tree,
                key: s.tag(),
                source: CryptoError::Open,
            });
        };
        let plain = decode_record(&dk, tree, key, &raw)?;
        serde_json::from_slice(&plain)
            .map(Some)
            .map_err(|source| StoreError::Decode {
                tree,
                key: s.tag(),
                source,
            })
    }

    pub fn load_session(&self, s: &Subject) -> Result<Option<Session>, StoreError> {
        self.get(TREE_SESSIONS, s, &s.0)
    }

    pub fn save_session(&self, s: &Subject, session: &Session) -> Result<(), StoreError> {
        self.put(TREE_SESSIONS, s, &s.0, session)
    }

    /// Keeps a completed intake under the survivor's data key.
    pub fn save_intake(&self, s: &Subject, intake: &Intake) -> Result<(), StoreError> {
        let key = intake_key(s, &intake.code);
        self.put(TREE_INTAKES, s, &key, intake)
    }

    pub fn load_intake(&self, s: &Subject, code: &str) -> Result<Option<Intake>, StoreError> {
        self.get(TREE_INTAKES, s, &intake_key(s, code))
    }

    /// Erases everything of one survivor: their data key first (so nothing of theirs can be
    /// opened any more, even from old log segments), then their records; then flushes.
    pub fn erase(&self, s: &Subject) -> Result<(), StoreError> {
        self.db.open_tree(TREE_KEYS)?.remove(s.0)?;
        self.db.open_tree(TREE_SESSIONS)?.remove(s.0)?;
        let intakes = self.db.open_tree(TREE_INTAKES)?;
        for k in intakes.scan_prefix(s.0).keys() {
            intakes.remove(k?)?;
        }
        self.flush()
    }

    /// Makes every write so far durable (fsync).
    pub fn flush(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        Ok(())
    }
}

fn intake_key(s: &Subject, code: &str) -> Vec<u8> {
    let mut k = s.0.to_vec();
    k.extend_from_slice(code.as_bytes());
    k
}

/// Writes a file readable by its owner only.
pub fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write;
    #[cfg(unix)]
    use std::os::unix::fs::OpenOptionsExt;
    let tmp = path.with_extension("tmp");
    let mut opts = std::fs::OpenOptions::new();
    opts.write(true).create(true).truncate(true);
    #[cfg(unix)]
    opts.mode(0o600);
    let mut f = opts.open(&tmp)?;
    f.write_all(bytes)?;
    f.sync_all()?;
    std::fs::rename(&tmp, path)?;
    Ok(())
}
