//! Backups: the whole database as one encrypted file, and its restore into an empty directory.
//!
//! A backup is every record of every tree, as it lies in sled (already sealed: survivors' records
//! under their data keys, service records under the service key, keys pseudonyms), sealed once
//! more as a stream under a key derived from the master key, so the file shows nothing but its
//! size and the fingerprint of the key it needs:
//!
//! ```text
//! clearpath backup v1\n
//! {"format":1,"key":"<fingerprint>","file":"<random id>"}\n      in the clear
//! chunk*: u32 length (big-endian) || nonce || ciphertext+tag       XChaCha20-Poly1305
//! ```
//!
//! Each chunk is bound to the file's id, its number and whether it is the last, so a chunk
//! dropped, repeated, reordered, moved from another backup or cut off at the end does not open.
//! Inside, entries: a tree's name, then its records; the last chunk ends with the manifest (when
//! it was made, the store format, the count of records per tree, where the erasure log stood).
//!
//! Consistency: a running bot makes its backup under the store's exclusive lock (between two
//! handled updates: every update's changes are one transaction), so the copy is the store as of
//! its last handled update.

use super::crypto::{open, seal, Key, NONCE_LEN, TAG_LEN};
use super::*;
use std::collections::BTreeMap;
use std::io::{Read, Write};

const MAGIC: &[u8] = b"clearpath backup v1\n";
const FORMAT: u32 = 1;
/// Plaintext gathered before a chunk is sealed.
const CHUNK: usize = 1 << 20;
/// No honest chunk comes near this (one record is far smaller than a chunk).
const MAX_CHUNK: usize = 64 << 20;

const TAG_TREE: u8 = 1;
const TAG_RECORD: u8 = 2;
const TAG_MANIFEST: u8 = 3;

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Header {
    format: u32,
    /// [`keyfile::fingerprint`] of the master key it opens with.
    key: String,
    file: String,
}

/// What a backup says of itself (sealed inside it).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    pub created: jiff::Timestamp,
    /// The store format it was made from.
    pub schema: u32,
    pub records: BTreeMap<String, u64>,
    /// Where the erasure log stood: the entries from this one on are erasures made since.
    pub erasures: Option<erasures::Position>,
}

impl Manifest {
    pub fn total(&self) -> u64 {
        self.records.values().sum()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{0} is not a clearpath backup")]
    NotABackup(PathBuf),
    #[error("{path} was made by a newer clearpath (backup format {found}); restore it with that version")]
    Newer { path: PathBuf, found: u32 },
    #[error("{path} was made with another master key (fingerprint {made_with}...); give the key that was in use when it was made")]
    WrongKey { path: PathBuf, made_with: String },
    #[error("{path} is damaged: {why}; nothing was restored from it")]
    Damaged { path: PathBuf, why: String },
    #[error("{path} was made {made}, more than {days} days ago, the longest the retention periods keep a survivor's record: restoring it would bring back what survivors have erased since; nothing was restored")]
    TooOld { path: PathBuf, made: String, days: i64 },
    #[error("{0} is not empty: a backup is restored into an empty or new directory only")]
    NotEmpty(PathBuf),
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sled::Error> for BackupError {
    fn from(e: sled::Error) -> Self {
        BackupError::Store(StoreError::Db(e))
    }
}

fn stream_key(master: &Key) -> Key {
    master.derive("clearpath backup v1")
}

fn chunk_aad(file: &str, n: u64, last: bool) -> Vec<u8> {
    let mut a = b"clearpath backup chunk\0".to_vec();
    a.extend_from_slice(file.as_bytes());
    a.extend_from_slice(&n.to_be_bytes());
    a.push(u8::from(last));
    a
}

struct Writer<W: Write> {
    out: W,
    key: Key,
    file: String,
    n: u64,
    buf: Vec<u8>,
}

impl<W: Write> Writer<W> {
    fn entry(&mut self, tag: u8, parts: &[&[u8]]) -> std::io::Result<()> {
        self.buf.push(tag);
        for p in parts {
            let len = u32::try_from(p.len()).map_err(|_| std::io::Error::other("a record over 4 GiB"))?;
            self.buf.extend_from_slice(&len.to_be_bytes());
            self.buf.extend_from_slice(p);
        }
        if self.buf.len() >= CHUNK {
            self.chunk(false)?;
        }
        Ok(())
    }

    fn chunk(&mut self, last: bool) -> std::io::Result<()> {
        let sealed = seal(&self.key, &chunk_aad(&self.file, self.n, last), &self.buf);
        self.buf.clear();
        self.n += 1;
        let len = u32::try_from(sealed.len()).map_err(|_| std::io::Error::other("chunk too large"))?;
        self.out.write_all(&len.to_be_bytes())?;
        self.out.write_all(&sealed)
    }
}

impl Store {
    /// Writes a backup of the whole store to `out` (see the module). The caller keeps every other
    /// writer out meanwhile (a running bot holds the store's exclusive lock).
    pub fn backup(&self, out: impl Write, now: jiff::Timestamp) -> Result<Manifest, BackupError> {
        let io = |e: std::io::Error| BackupError::Io { path: PathBuf::from("(backup)"), source: e };
        self.flush()?;
        let position = erasures::ensure(&self.dir).map_err(|e| BackupError::Io {
            path: erasures::path(&self.dir),
            source: std::io::Error::other(e.to_string()),
        })?;
        let file = hex::encode(rand::random::<[u8; 16]>());
        let header = Header { format: FORMAT, key: keyfile::fingerprint(&self.master), file: file.clone() };
        let mut w = Writer { out, key: stream_key(&self.master), file, n: 0, buf: Vec::with_capacity(CHUNK + 4096) };
        w.out.write_all(MAGIC).map_err(io)?;
        let head = serde_json::to_string(&header).unwrap_or_default();
        w.out.write_all(format!("{head}\n").as_bytes()).map_err(io)?;
        let mut records = BTreeMap::new();
        for name in self.db.tree_names() {
            let Ok(label) = std::str::from_utf8(&name) else { continue };
            // sled's own default tree holds nothing of clearpath's.
            if label == "__sled__default" {
                continue;
            }
            let tree = self.db.open_tree(&name)?;
            w.entry(TAG_TREE, &[&name]).map_err(io)?;
            let mut count = 0u64;
            for item in tree.iter() {
                let (k, v) = item?;
                w.entry(TAG_RECORD, &[&k, &v]).map_err(io)?;
                count += 1;
            }
            records.insert(label.to_string(), count);
        }
        let manifest = Manifest { created: now, schema: SCHEMA, records, erasures: Some(position) };
        let m = serde_json::to_vec(&manifest).unwrap_or_default();
        w.entry(TAG_MANIFEST, &[&m]).map_err(io)?;
        w.chunk(true).map_err(io)?;
        w.out.flush().map_err(io)?;
        Ok(manifest)
    }
}

/// Reads a backup's header: the key fingerprint it needs. Checks the key before anything is
/// decrypted.
fn read_header(input: &mut impl Read, path: &Path, master: &Key) -> Result<Header, BackupError> {
    let mut magic = vec![0u8; MAGIC.len()];
    if input.read_exact(&mut magic).is_err() || magic != MAGIC {
        return Err(BackupError::NotABackup(path.to_path_buf()));
    }
    let mut line = Vec::new();
    let mut b = [0u8; 1];
    while line.len() < 4096 {
        match input.read(&mut b) {
            Ok(1) if b[0] == b'\n' => break,
            Ok(1) => line.push(b[0]),
            _ => return Err(BackupError::Damaged { path: path.to_path_buf(), why: "its header is cut short".into() }),
        }
    }
    let header: Header = serde_json::from_slice(&line)
        .map_err(|_| BackupError::Damaged { path: path.to_path_buf(), why: "its header does not read".into() })?;
    if header.format > FORMAT {
        return Err(BackupError::Newer { path: path.to_path_buf(), found: header.format });
    }
    if !keyfile::fingerprint_matches(&header.key, master) {
        return Err(BackupError::WrongKey {
            path: path.to_path_buf(),
            made_with: header.key.chars().take(16).collect(),
        });
    }
    Ok(header)
}

/// One entry of a backup.
pub enum Entry<'a> {
    Tree(&'a [u8]),
    Record(&'a [u8], &'a [u8]),
}

/// Reads and checks a whole backup, calling `sink` with each tree and record in order; returns
/// the manifest once the last chunk has opened and every count matched. Nothing in it is trusted
/// before its chunk opens; a damaged file is named with the chunk where it fails.
pub fn read(
    mut input: impl Read,
    path: &Path,
    master: &Key,
    mut sink: impl FnMut(Entry<'_>) -> Result<(), StoreError>,
) -> Result<Manifest, BackupError> {
    let header = read_header(&mut input, path, master)?;
    let key = stream_key(master);
    let damaged = |why: String| BackupError::Damaged { path: path.to_path_buf(), why };
    let mut counts: BTreeMap<String, u64> = BTreeMap::new();
    let mut current: Option<String> = None;
    let mut n = 0u64;
    loop {
        let mut len = [0u8; 4];
        match input.read_exact(&mut len) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                return Err(damaged(format!("it ends after {n} part(s), before its last")))
            }
            Err(e) => return Err(BackupError::Io { path: path.to_path_buf(), source: e }),
        }
        let len = u32::from_be_bytes(len) as usize;
        if !(NONCE_LEN + TAG_LEN..=MAX_CHUNK).contains(&len) {
            return Err(damaged(format!("part {} has an impossible length", n + 1)));
        }
        let mut sealed = vec![0u8; len];
        input.read_exact(&mut sealed).map_err(|_| damaged(format!("part {} is cut short", n + 1)))?;
        // The last chunk is the one that opens as last; any other that opens so is not.
        let (plain, last) = match open(&key, &chunk_aad(&header.file, n, false), &sealed) {
            Ok(p) => (p, false),
            Err(_) => match open(&key, &chunk_aad(&header.file, n, true), &sealed) {
                Ok(p) => (p, true),
                Err(_) => {
                    return Err(damaged(format!("part {} does not open (altered, or from another backup)", n + 1)))
                }
            },
        };
        n += 1;
        let mut at = 0usize;
        let mut manifest = None;
        while at < plain.len() {
            let tag = plain.get(at).copied().unwrap_or_default();
            at += 1;
            let mut field = || -> Option<&[u8]> {
                let len = u32::from_be_bytes(plain.get(at..at + 4)?.try_into().ok()?) as usize;
                let f = plain.get(at + 4..at + 4 + len)?;
                at += 4 + len;
                Some(f)
            };
            let bad = || damaged(format!("part {n} does not read"));
            match tag {
                TAG_TREE => {
                    let name = field().ok_or_else(bad)?;
                    let label = String::from_utf8(name.to_vec()).map_err(|_| bad())?;
                    sink(Entry::Tree(name))?;
                    counts.insert(label.clone(), 0);
                    current = Some(label);
                }
                TAG_RECORD => {
                    let k = field().ok_or_else(bad)?;
                    let v = field().ok_or_else(bad)?;
                    let tree = current.as_ref().ok_or_else(bad)?;
                    sink(Entry::Record(k, v))?;
                    *counts.entry(tree.clone()).or_default() += 1;
                }
                TAG_MANIFEST => {
                    let m = field().ok_or_else(bad)?;
                    manifest = Some(serde_json::from_slice::<Manifest>(m).map_err(|_| bad())?);
                }
                _ => return Err(bad()),
            }
        }
        if last {
            let m = manifest.ok_or_else(|| damaged("its last part has no manifest".into()))?;
            if m.records != counts {
                return Err(damaged("its record counts do not match its manifest".into()));
            }
            let mut rest = [0u8; 1];
            if matches!(input.read(&mut rest), Ok(1)) {
                return Err(damaged("something follows its last part".into()));
            }
            return Ok(m);
        }
    }
}

/// Checks a backup through to its end without writing anything (`clearpath backup --verify`).
pub fn verify(input: impl Read, path: &Path, master: &Key) -> Result<Manifest, BackupError> {
    read(input, path, master, |_| Ok(()))
}

/// Restores a backup into `data_dir`, which must be missing or empty: built in `store.restoring/`
/// and renamed into place once complete, so a restore cut short leaves no store that looks whole.
/// The caller then opens the store (format checks, migration), replays erasures and purges.
pub fn restore(input: impl Read, path: &Path, data_dir: &Path, master: &Key) -> Result<Manifest, BackupError> {
    let io = |p: &Path| {
        let p = p.to_path_buf();
        move |e: std::io::Error| BackupError::Io { path: p.clone(), source: e }
    };
    if data_dir.exists() {
        let mut entries = std::fs::read_dir(data_dir).map_err(io(data_dir))?;
        if entries.next().is_some() {
            return Err(BackupError::NotEmpty(data_dir.to_path_buf()));
        }
    }
    // The key is checked before anything is created.
    let mut input = std::io::BufReader::new(input);
    let mut peek = Vec::new();
    {
        let mut tee = TeeReader { inner: &mut input, copy: &mut peek };
        read_header(&mut tee, path, master)?;
    }
    std::fs::create_dir_all(data_dir).map_err(io(data_dir))?;
    restrict_dir(data_dir).map_err(io(data_dir))?;
    let building = data_dir.join("store.restoring");
    std::fs::create_dir_all(&building).map_err(io(&building))?;
    restrict_dir(&building).map_err(io(&building))?;
    let result = (|| {
        let db = sled_config().path(building.join(DB_DIR)).open()?;
        let mut tree: Option<sled::Tree> = None;
        let manifest = read(std::io::Cursor::new(&peek).chain(&mut input), path, master, |e| {
            match e {
                Entry::Tree(name) => tree = Some(db.open_tree(name)?),
                Entry::Record(k, v) => {
                    if let Some(t) = &tree {
                        t.insert(k, v)?;
                    }
                }
            }
            Ok(())
        })?;
        db.flush()?;
        drop(tree);
        drop(db);
        write_keycheck(&building.join(KEYCHECK_FILE), master).map_err(io(&building))?;
        Ok::<_, BackupError>(manifest)
    })();
    match result {
        Ok(m) => {
            std::fs::rename(&building, data_dir.join(STORE_DIR)).map_err(io(data_dir))?;
            if let Ok(d) = std::fs::File::open(data_dir) {
                let _ = d.sync_all();
            }
            Ok(m)
        }
        Err(e) => {
            let _ = std::fs::remove_dir_all(&building);
            Err(e)
        }
    }
}

/// Copies what it reads (the header, read once to check the key, then again in full).
struct TeeReader<'a, R: Read> {
    inner: &'a mut R,
    copy: &'a mut Vec<u8>,
}

impl<R: Read> Read for TeeReader<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.copy.extend_from_slice(buf.get(..n).unwrap_or_default());
        Ok(n)
    }
}

/// The survivors to erase again on a store restored from a backup whose erasure log stood at
/// `since`: every erasure in `log` from there on. Refuses (before anything is erased) when one
/// cannot be applied: another log, a key rotation since the backup (later erasures name
/// survivors by pseudonyms the backup does not have), an entry under another key, or a damaged
/// entry.
pub fn erasures_since(log: &erasures::Log, since: &erasures::Position, master: &Key) -> Result<Vec<Subject>, String> {
    if log.id != since.log {
        return Err(format!(
            "the erasure log given is not the one this backup was made beside (log {}, the backup names {})",
            log.id, since.log
        ));
    }
    let mine = keyfile::fingerprint(master);
    let mut todo = Vec::new();
    for l in log.lines.iter().filter(|l| l.seq() >= since.next) {
        match l {
            erasures::Line::Rotated { .. } => {
                return Err("the master key was rotated after this backup was made: erasures since then name survivors by pseudonyms this backup does not have; restore a backup made after the rotation".into())
            }
            erasures::Line::Erased { seq, key, sealed } => {
                if *key != mine {
                    return Err(format!("erasure {seq} of the log was recorded under another key; restore a backup made with that key"));
                }
                let e = log.open(master, *seq, sealed).ok_or_else(|| format!("erasure {seq} of the log does not open (the log is damaged)"))?;
                let s = hex::decode(&e.subject)
                    .ok()
                    .and_then(|b| <[u8; 32]>::try_from(b.as_slice()).ok())
                    .ok_or_else(|| format!("erasure {seq} of the log does not read"))?;
                todo.push(Subject(s));
            }
        }
    }
    Ok(todo)
}

impl Store {
    /// Erases again the survivors [`erasures_since`] lists (not logged again: the log that names
    /// them is copied beside the restored store). Returns how many were in the backup.
    pub fn replay_erasures(&self, subjects: &[Subject]) -> Result<usize, StoreError> {
        let mut n = 0;
        for s in subjects {
            n += usize::from(self.tree(TREE_KEYS)?.contains_key(s.0)?);
            self.erase_unlogged(s)?;
        }
        Ok(n)
    }

    /// [`Store::backup`] into a new file readable by its owner only, renamed into place once
    /// complete and fsynced.
    pub fn backup_file(&self, path: &Path, now: jiff::Timestamp) -> Result<Manifest, BackupError> {
        write_private_with(path, |w| self.backup(w, now).map_err(|e| std::io::Error::other(e.to_string())))
            .map_err(|e| BackupError::Io { path: path.to_path_buf(), source: e })
    }
}

/// How a backup's manifest reads for an operator.
pub fn describe(m: &Manifest) -> String {
    format!(
        "made {}, store format {}, {} record(s) in {} tree(s)",
        m.created.strftime("%Y-%m-%d %H:%M UTC"),
        m.schema,
        m.total(),
        m.records.len()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, Serialize, Deserialize)]
    struct Note(String);
    impl Record for Note {
        const TREE: &'static str = TREE_INTAKES;
        const VERSION: u16 = 1;
    }

    fn now() -> jiff::Timestamp {
        "2026-12-01T10:00:00Z".parse().unwrap()
    }

    /// A store with two survivors' sessions-like records and a service record.
    fn filled(dir: &Path, key: &Key) -> (Store, Subject, Subject) {
        let st = Store::open(dir, key.clone()).unwrap();
        let a = st.subject("telegram", "1");
        let b = st.subject("telegram", "2");
        st.put(&a, &subject_key(&a, b"note"), &Note("alpha".into())).unwrap();
        st.put(&b, &subject_key(&b, b"note"), &Note("beta".into())).unwrap();
        st.service_put(TREE_ATTORNEYS, b"x", &"attorney".to_string()).unwrap();
        st.flush().unwrap();
        (st, a, b)
    }

    fn backup_of(st: &Store) -> Vec<u8> {
        let mut out = Vec::new();
        st.backup(&mut out, now()).unwrap();
        out
    }

    #[test]
    fn a_backup_restores_every_record_and_shows_nothing_readable() {
        let src = tempfile::tempdir().unwrap();
        let key = Key::generate();
        let (st, a, b) = filled(src.path(), &key);
        let bytes = backup_of(&st);
        for canary in ["alpha", "beta", "attorney"] {
            assert!(!bytes.windows(canary.len()).any(|w| w == canary.as_bytes()), "{canary} in the clear");
        }
        // A subject's pseudonym is not in the file either (the records are sealed once more).
        assert!(!bytes.windows(32).any(|w| w == a.0));
        drop(st);
        let dst = tempfile::tempdir().unwrap();
        let dir = dst.path().join("restored");
        let m = restore(bytes.as_slice(), Path::new("b"), &dir, &key).unwrap();
        assert_eq!(m.records.get(TREE_ATTORNEYS), Some(&1));
        let st = Store::open(&dir, key).unwrap();
        assert_eq!(st.get::<Note>(&a, &subject_key(&a, b"note")).unwrap(), Some(Note("alpha".into())));
        assert_eq!(st.get::<Note>(&b, &subject_key(&b, b"note")).unwrap(), Some(Note("beta".into())));
        assert_eq!(st.service_get::<String>(TREE_ATTORNEYS, b"x").unwrap().as_deref(), Some("attorney"));
        assert_eq!(st.subject("telegram", "1"), a, "the pseudonym key came back");
    }

    #[test]
    fn restore_names_a_wrong_key_a_damaged_file_a_cut_file_and_a_full_directory() {
        let src = tempfile::tempdir().unwrap();
        let key = Key::generate();
        let (st, ..) = filled(src.path(), &key);
        let bytes = backup_of(&st);
        let dst = tempfile::tempdir().unwrap();
        let fresh = |n: &str| dst.path().join(n);
        let e = restore(bytes.as_slice(), Path::new("b"), &fresh("w"), &Key::generate()).unwrap_err();
        assert!(matches!(e, BackupError::WrongKey { .. }), "{e}");
        assert!(!fresh("w").exists(), "nothing created for a wrong key");
        let mut bad = bytes.clone();
        let last = bad.len() - 20;
        bad[last] ^= 1;
        let e = restore(bad.as_slice(), Path::new("b"), &fresh("d"), &key).unwrap_err();
        assert!(matches!(e, BackupError::Damaged { .. }), "{e}");
        assert!(!fresh("d").join(STORE_DIR).exists(), "no store from a damaged file");
        let cut = &bytes[..bytes.len() - 30];
        let e = restore(cut, Path::new("b"), &fresh("c"), &key).unwrap_err();
        assert!(e.to_string().contains("damaged") || e.to_string().contains("cut"), "{e}");
        let e = restore(&b"hello"[..], Path::new("b"), &fresh("n"), &key).unwrap_err();
        assert!(matches!(e, BackupError::NotABackup(_)), "{e}");
        std::fs::create_dir_all(fresh("full")).unwrap();
        std::fs::write(fresh("full").join("x"), b"x").unwrap();
        let e = restore(bytes.as_slice(), Path::new("b"), &fresh("full"), &key).unwrap_err();
        assert!(matches!(e, BackupError::NotEmpty(_)), "{e}");
    }

    #[test]
    fn erasures_since_the_backup_are_replayed_and_a_rotation_since_is_refused() {
        let src = tempfile::tempdir().unwrap();
        let key = Key::generate();
        let (st, a, b) = filled(src.path(), &key);
        st.erase(&a, now()).unwrap();
        let bytes = backup_of(&st);
        st.erase(&b, now()).unwrap();
        let log = erasures::read(src.path()).unwrap().unwrap();
        drop(st);
        let dst = tempfile::tempdir().unwrap();
        let dir = dst.path().join("r");
        let m = restore(bytes.as_slice(), Path::new("b"), &dir, &key).unwrap();
        let st = Store::open(&dir, key.clone()).unwrap();
        assert_eq!(st.get::<Note>(&a, &subject_key(&a, b"note")).unwrap(), None, "erased before the backup");
        assert_eq!(st.get::<Note>(&b, &subject_key(&b, b"note")).unwrap(), Some(Note("beta".into())), "in the backup");
        let todo = erasures_since(&log, m.erasures.as_ref().unwrap(), &key).unwrap();
        assert_eq!(st.replay_erasures(&todo).unwrap(), 1);
        assert_eq!(st.get::<Note>(&b, &subject_key(&b, b"note")).unwrap(), None, "erased again");
        // Another log is refused; so is a log with a rotation since the backup.
        let other = erasures::Log { id: "0".repeat(32), lines: Vec::new() };
        assert!(erasures_since(&other, m.erasures.as_ref().unwrap(), &key).is_err());
        drop(st);
        erasures::record_rotation(src.path(), &key, &Key::generate()).unwrap();
        let log = erasures::read(src.path()).unwrap().unwrap();
        let dir2 = dst.path().join("r2");
        restore(bytes.as_slice(), Path::new("b"), &dir2, &key).unwrap();
        let e = erasures_since(&log, m.erasures.as_ref().unwrap(), &key).unwrap_err();
        assert!(e.contains("rotated"), "{e}");
    }

    #[test]
    fn the_erasure_log_shows_no_pseudonym_survives_a_torn_line_and_prunes_old_entries() {
        let dir = tempfile::tempdir().unwrap();
        let key = Key::generate();
        let st = Store::open(dir.path(), key.clone()).unwrap();
        let a = st.subject("telegram", "1");
        let old: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
        erasures::record_erasure(dir.path(), &key, &a, old).unwrap();
        erasures::record_erasure(dir.path(), &key, &a, now()).unwrap();
        let text = std::fs::read_to_string(erasures::path(dir.path())).unwrap();
        assert!(!text.contains(&hex::encode(a.0)), "{text}");
        // A line torn by a crash does not count and does not break the next append.
        let mut f = std::fs::OpenOptions::new().append(true).open(erasures::path(dir.path())).unwrap();
        // (The torn line would be number 2.)
        std::io::Write::write_all(&mut f, b"e 2 abc 00ff").unwrap();
        let log = erasures::read(dir.path()).unwrap().unwrap();
        assert_eq!(log.next(), 2);
        erasures::record_erasure(dir.path(), &key, &a, now()).unwrap();
        let log = erasures::read(dir.path()).unwrap().unwrap();
        assert_eq!(log.next(), 3);
        assert_eq!(erasures::prune(dir.path(), &key, "2026-06-01T00:00:00Z".parse().unwrap()).unwrap(), 1);
        let log = erasures::read(dir.path()).unwrap().unwrap();
        assert_eq!(log.next(), 3, "the numbering goes on");
        assert_eq!(log.lines.len(), 3, "the old entry stays as an empty mark");
        assert!(matches!(&log.lines[0], erasures::Line::Erased { sealed, .. } if sealed.is_empty()));
    }
}
