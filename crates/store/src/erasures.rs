//! The erasure log: a small file beside the store (`DATA_DIR/erasures`) that records every
//! survivor erased (by `/delete` or by the retention periods), so that restoring a backup made
//! before an erasure erases that survivor again before anything is served ([`crate::backup`]).
//!
//! A line per event, appended and fsynced before the erasure itself:
//!
//! ```text
//! clearpath erasure log v1 <log id>            the first line: a random id, named in backups
//! e <seq> <key fingerprint> <sealed, hex>      an erasure: sealed {at, survivor's pseudonym}
//! r <seq> <old fingerprint> <new fingerprint>  a key rotation (pseudonyms moved on)
//! ```
//!
//! What it shows without the master key: how many erasures there were and under which key (by its
//! one-way fingerprint), nothing of whom or when. The sealed part is bound to the log's id and the
//! line's sequence number, so a line moved to another place or another log does not open.
//!
//! A backup records the log's id and its next sequence number; a restore replays the entries
//! from that number on. Entries older than the longest retention period are pruned at each purge:
//! backups older than that are refused anyway.

use super::crypto::{aad, open, seal, Key};
use super::*;
use std::io::Write;

pub const ERASURE_LOG: &str = "erasures";
const HEADER: &str = "clearpath erasure log v1";

/// One line of the log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Erased { seq: u64, key: String, sealed: Vec<u8> },
    Rotated { seq: u64, old: String, new: String },
}

impl Line {
    pub fn seq(&self) -> u64 {
        match self {
            Line::Erased { seq, .. } | Line::Rotated { seq, .. } => *seq,
        }
    }
}

/// The log as read from its file.
#[derive(Debug, Clone)]
pub struct Log {
    pub id: String,
    pub lines: Vec<Line>,
}

/// What an erasure line holds once opened.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Erased {
    pub at: jiff::Timestamp,
    /// The survivor's pseudonym when erased (hex).
    pub subject: String,
}

/// Where a log stood when a backup was made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    pub log: String,
    /// The sequence number the next line gets.
    pub next: u64,
}

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{path}: line {line}: {why} (the erasure log is damaged)")]
    Damaged { path: PathBuf, line: usize, why: String },
    #[error("{0}: {1}")]
    Io(PathBuf, #[source] std::io::Error),
}

pub fn path(data_dir: &Path) -> PathBuf {
    data_dir.join(ERASURE_LOG)
}

fn log_key(master: &Key) -> Key {
    master.derive("clearpath erasure log v1")
}

fn line_aad(id: &str, seq: u64) -> Vec<u8> {
    let mut a = aad("erasure-log", id.as_bytes(), 1);
    a.extend_from_slice(&seq.to_be_bytes());
    a
}

impl Log {
    pub fn next(&self) -> u64 {
        self.lines.last().map(|l| l.seq() + 1).unwrap_or(0)
    }

    pub fn position(&self) -> Position {
        Position { log: self.id.clone(), next: self.next() }
    }

    /// Opens an erasure line with `master` (`None`: another key's line, or altered).
    pub fn open(&self, master: &Key, seq: u64, sealed: &[u8]) -> Option<Erased> {
        let plain = open(&log_key(master), &line_aad(&self.id, seq), sealed).ok()?;
        serde_json::from_slice(&plain).ok()
    }

    fn render(&self) -> String {
        let mut out = format!("{HEADER} {}\n", self.id);
        for l in &self.lines {
            match l {
                Line::Erased { seq, key, sealed } => out.push_str(&format!("e {seq} {key} {}\n", hex::encode(sealed))),
                Line::Rotated { seq, old, new } => out.push_str(&format!("r {seq} {old} {new}\n")),
            }
        }
        out
    }
}

/// Reads the log in `data_dir`, `None` when there is none.
pub fn read(data_dir: &Path) -> Result<Option<Log>, LogError> {
    read_file(&path(data_dir))
}

/// Reads a log file (a copy kept elsewhere, say).
pub fn read_file(p: &Path) -> Result<Option<Log>, LogError> {
    match std::fs::read_to_string(p) {
        Ok(t) => parse(p, &t).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(LogError::Io(p.to_path_buf(), e)),
    }
}

/// A log's text (`p` names it in errors).
fn parse(p: &Path, text: &str) -> Result<Log, LogError> {
    let bad = |line: usize, why: &str| LogError::Damaged { path: p.to_path_buf(), line, why: why.to_string() };
    // A last line without its newline was cut short by a crash while it was written: the erasure
    // it announced had not begun, so it never counted.
    let whole = match text.rfind('\n') {
        Some(i) => text.get(..=i).unwrap_or_default(),
        None => text,
    };
    let mut rows = whole.lines();
    let id = rows
        .next()
        .and_then(|h| h.strip_prefix(HEADER))
        .map(str::trim)
        .filter(|id| id.len() == 32 && id.bytes().all(|b| b.is_ascii_hexdigit()))
        .ok_or_else(|| bad(1, "the first line is not an erasure log's"))?
        .to_string();
    let mut lines = Vec::new();
    let mut expect = None;
    for (i, row) in rows.enumerate() {
        let n = i + 2;
        let parts: Vec<&str> = row.split(' ').collect();
        let seq = |s: Option<&&str>| s.and_then(|s| s.parse::<u64>().ok()).ok_or_else(|| bad(n, "no sequence number"));
        let line = match parts.first().copied() {
            _ if row.is_empty() => continue,
            Some("e") if parts.len() == 4 => Line::Erased {
                seq: seq(parts.get(1))?,
                key: parts.get(2).map(|s| s.to_string()).unwrap_or_default(),
                sealed: parts.get(3).and_then(|s| hex::decode(s).ok()).ok_or_else(|| bad(n, "not hex"))?,
            },
            Some("r") if parts.len() == 4 => Line::Rotated {
                seq: seq(parts.get(1))?,
                old: parts.get(2).map(|s| s.to_string()).unwrap_or_default(),
                new: parts.get(3).map(|s| s.to_string()).unwrap_or_default(),
            },
            _ => return Err(bad(n, "not an erasure log line")),
        };
        if expect.is_some_and(|e| line.seq() < e) {
            return Err(bad(n, "sequence numbers go backwards"));
        }
        expect = Some(line.seq() + 1);
        lines.push(line);
    }
    Ok(Log { id, lines })
}

/// Creates an empty log in `data_dir` unless there is one; returns where it stands.
pub fn ensure(data_dir: &Path) -> Result<Position, LogError> {
    if let Some(log) = read(data_dir)? {
        return Ok(log.position());
    }
    let log = Log { id: hex::encode(rand::random::<[u8; 16]>()), lines: Vec::new() };
    let p = path(data_dir);
    write_private(&p, log.render().as_bytes()).map_err(|e| LogError::Io(p.clone(), e))?;
    Ok(log.position())
}

fn append(data_dir: &Path, line: impl FnOnce(&Log) -> Line) -> Result<(), LogError> {
    let p = path(data_dir);
    let io = |e: std::io::Error| LogError::Io(p.clone(), e);
    // The file is read once: for the log's id and next number, and to see a torn last line.
    let (log, torn_at) = match std::fs::read_to_string(&p) {
        Ok(text) => {
            let log = parse(&p, &text)?;
            // A line torn by a crash (no newline after it) never counted ([`parse`]): it is cut
            // off, so the new line is not glued to it.
            let torn = (!text.is_empty() && !text.ends_with('\n')).then(|| text.rfind('\n').map_or(0, |i| i + 1));
            (log, torn)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let pos = ensure(data_dir)?;
            (Log { id: pos.log, lines: Vec::new() }, None)
        }
        Err(e) => return Err(io(e)),
    };
    let one = Log { id: log.id.clone(), lines: vec![line(&log)] };
    let text = one.render();
    let row = text.lines().nth(1).unwrap_or_default();
    let mut f = std::fs::OpenOptions::new().append(true).open(&p).map_err(io)?;
    if let Some(keep) = torn_at {
        f.set_len(keep as u64).map_err(io)?;
    }
    f.write_all(format!("{row}\n").as_bytes()).and_then(|_| f.sync_data()).map_err(io)
}

/// Records that `subject` is being erased, before it is.
pub fn record_erasure(data_dir: &Path, master: &Key, subject: &Subject, at: jiff::Timestamp) -> Result<(), LogError> {
    let plain = serde_json::to_vec(&Erased { at, subject: hex::encode(subject.0) }).unwrap_or_default();
    append(data_dir, |log| {
        let seq = log.next();
        Line::Erased {
            seq,
            key: keyfile::fingerprint(master),
            sealed: seal(&log_key(master), &line_aad(&log.id, seq), &plain),
        }
    })
}

/// Records a key rotation: entries before it name survivors by their earlier pseudonyms.
pub fn record_rotation(data_dir: &Path, old: &Key, new: &Key) -> Result<(), LogError> {
    append(data_dir, |log| Line::Rotated {
        seq: log.next(),
        old: keyfile::fingerprint(old),
        new: keyfile::fingerprint(new),
    })
}

/// Drops the entries older than `before` (no backup that old is restored: [`crate::backup`]),
/// rewriting the file atomically: every line up to the last erasure this key opens and dates
/// before `before` (the file is in time order, so earlier lines of other keys are older still).
/// The last line dropped stays as an empty mark, so the numbering goes on. Returns how many went.
pub fn prune(data_dir: &Path, master: &Key, before: jiff::Timestamp) -> Result<usize, LogError> {
    let Some(mut log) = read(data_dir)? else { return Ok(0) };
    let mut cut = None;
    for (i, l) in log.lines.iter().enumerate() {
        if let Line::Erased { seq, sealed, .. } = l {
            match log.open(master, *seq, sealed) {
                Some(e) if e.at < before => cut = Some(i),
                Some(_) => break,
                None => {}
            }
        }
    }
    let Some(cut) = cut else { return Ok(0) };
    let mut dropped: Vec<Line> = log.lines.drain(..=cut).collect();
    let mark = match dropped.pop() {
        Some(Line::Erased { seq, key, .. }) => Line::Erased { seq, key, sealed: Vec::new() },
        Some(other) => other,
        None => return Ok(0),
    };
    log.lines.insert(0, mark);
    let p = path(data_dir);
    write_private(&p, log.render().as_bytes()).map_err(|e| LogError::Io(p.clone(), e))?;
    Ok(dropped.len() + 1)
}
