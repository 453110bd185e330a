//! Key escrow: the master key sealed to administrators' `age` keys, so that a lost key file is
//! not lost data (`clearpath keys escrow`, `clearpath keys recover`; the drill is in
//! docs/operations.md).
//!
//! An escrow is one TOML file. In the clear it says only what is public: the recipients (age
//! public keys), how many of them it takes, and the key's fingerprint
//! ([`keyfile::fingerprint`], a one-way derivation), so that [`matches`] can tell whether it
//! escrows the current key without decrypting anything. The key itself is only inside `age`
//! ciphertexts:
//! - one of one (no threshold): a single part, sealed to every recipient at once; any one of
//!   their identities opens it;
//! - K of N: the key split into N Shamir shares over GF(256) (`blahaj`, the maintained fork of
//!   `sharks` with RUSTSEC-2024-0398 fixed), each sealed to one recipient; any K identities
//!   rebuild it, fewer learn nothing about it.
//!
//! Each sealed part also carries the fingerprint, so a part from another escrow is named as such,
//! and a rebuilt key is checked against the fingerprint before it is written.

use crate::handoff;
use crate::store::crypto::Key;
use crate::store::keyfile;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

/// The `format` of an escrow file, and the first line of every sealed part.
pub const FORMAT: &str = "clearpath-key-escrow-v1";
/// Where `keys escrow` writes by default, inside the data directory (where `keys rotate`, and
/// later `doctor`, look for it). It holds no readable key: copy it off the server too.
pub const DEFAULT_NAME: &str = "escrow.toml";

pub fn default_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DEFAULT_NAME)
}

#[derive(Debug, thiserror::Error)]
pub enum EscrowError {
    #[error("no recipient given (--to age1...[,age1...])")]
    NoRecipients,
    #[error("{0} is given twice in --to")]
    DuplicateRecipient(String),
    #[error("--threshold {threshold} is not possible with {recipients} recipient(s): it must be at least 1 and at most the number of recipients")]
    Threshold { threshold: u32, recipients: usize },
    #[error("at most 255 recipients")]
    TooMany,
    #[error(transparent)]
    Recipient(#[from] handoff::HandoffError),
    #[error("sealing a part of the escrow failed")]
    Seal,
    #[error("cannot read the escrow file {0}")]
    Read(PathBuf, #[source] std::io::Error),
    #[error("{0} is not a clearpath key escrow: {1}")]
    Format(PathBuf, String),
    #[error("cannot read the identity file {0}")]
    IdentityRead(PathBuf, #[source] std::io::Error),
    #[error("{0} does not hold an age identity (AGE-SECRET-KEY-1...)")]
    Identity(PathBuf),
    #[error("the identity {file} ({public}) is not a recipient of this escrow (its recipients: {recipients})")]
    NotRecipient { file: PathBuf, public: String, recipients: String },
    #[error("the part of the escrow sealed to {0} does not open with its identity (the escrow file is damaged)")]
    Open(String),
    #[error("the part of the escrow sealed to {0} belongs to another escrow (the file was altered)")]
    Foreign(String),
    #[error("this escrow needs {need} of its {total} recipients' identities; given {given}: {have}. Still needed: {more} more of {missing}")]
    Insufficient { need: u8, total: usize, given: usize, have: String, more: usize, missing: String },
    #[error("the rebuilt key does not match the escrow's fingerprint (a part was altered or comes from another escrow); nothing was written")]
    Mismatch,
}

/// An escrow file: everything in it is public except the sealed parts.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Escrow {
    pub format: String,
    /// When it was made (RFC 3339).
    pub created: String,
    /// [`keyfile::fingerprint`] of the escrowed key.
    pub fingerprint: String,
    /// How many recipients' identities rebuild the key (1: any one of them).
    pub threshold: u8,
    /// Every recipient, in the order given.
    pub recipients: Vec<String>,
    #[serde(rename = "part")]
    pub parts: Vec<Part>,
}

/// One sealed part: the whole key (one of one) or one Shamir share (K of N).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct Part {
    /// Who can open it.
    pub recipients: Vec<String>,
    /// ASCII-armored `age` ciphertext.
    pub sealed: String,
}

impl Escrow {
    /// "2 of 3 (age1..., age1..., age1...)" or "any 1 of 2 (...)".
    pub fn describe(&self) -> String {
        let who = self.recipients.join(", ");
        if self.threshold == 1 {
            format!("any 1 of {} ({who})", self.recipients.len())
        } else {
            format!("{} of {} ({who})", self.threshold, self.recipients.len())
        }
    }

    /// Whether this escrow holds `key`, from its fingerprint alone (nothing is decrypted).
    pub fn matches(&self, key: &Key) -> bool {
        keyfile::fingerprint_matches(&self.fingerprint, key)
    }

    /// The file's text: a comment saying what it is, then TOML.
    pub fn to_text(&self) -> Result<String, EscrowError> {
        let body = toml::to_string(self).map_err(|e| EscrowError::Format(PathBuf::new(), e.to_string()))?;
        Ok(format!(
            "# clearpath key escrow: the master key sealed with age to the recipients below ({}).\n\
             # Nothing here opens without their identities. Recover with `clearpath keys recover` (docs/operations.md).\n{body}",
            self.describe()
        ))
    }

    pub fn parse(text: &str, path: &Path) -> Result<Escrow, EscrowError> {
        let e: Escrow =
            toml::from_str(text).map_err(|e| EscrowError::Format(path.to_path_buf(), e.message().to_string()))?;
        let bad = |why: &str| Err(EscrowError::Format(path.to_path_buf(), why.to_string()));
        if e.format != FORMAT {
            return bad(&format!("format is \"{}\", expected \"{FORMAT}\"", e.format));
        }
        if e.threshold == 0 || usize::from(e.threshold) > e.recipients.len() {
            return bad("its threshold is not between 1 and the number of recipients");
        }
        if e.parts.is_empty() {
            return bad("it has no sealed part");
        }
        Ok(e)
    }

    pub fn read(path: &Path) -> Result<Escrow, EscrowError> {
        let text = std::fs::read_to_string(path).map_err(|e| EscrowError::Read(path.to_path_buf(), e))?;
        Escrow::parse(&text, path)
    }
}

/// Whether the escrow file at `path` holds `key` (for `doctor`): its fingerprint against the key's,
/// nothing decrypted.
pub fn escrow_matches(path: &Path, key: &Key) -> Result<bool, EscrowError> {
    Ok(Escrow::read(path)?.matches(key))
}

/// Parses `--to` recipients, refusing duplicates.
pub fn recipients(given: &[String]) -> Result<Vec<age::x25519::Recipient>, EscrowError> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for g in given.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
        let r = handoff::recipient(g)?;
        let s = r.to_string();
        if seen.contains(&s) {
            return Err(EscrowError::DuplicateRecipient(s));
        }
        seen.push(s);
        out.push(r);
    }
    if out.is_empty() {
        return Err(EscrowError::NoRecipients);
    }
    Ok(out)
}

/// Seals `key` to `recipients`: any one of them alone (`threshold` `None` or 1), or any
/// `threshold` of them together.
pub fn create(
    key: &Key,
    recipients: &[age::x25519::Recipient],
    threshold: Option<u32>,
    created: jiff::Timestamp,
) -> Result<Escrow, EscrowError> {
    if recipients.is_empty() {
        return Err(EscrowError::NoRecipients);
    }
    let n = recipients.len();
    let n8 = u8::try_from(n).map_err(|_| EscrowError::TooMany)?;
    let k = threshold.unwrap_or(1);
    let k8 = u8::try_from(k).ok().filter(|k| (1..=n8).contains(k));
    let Some(k8) = k8 else {
        return Err(EscrowError::Threshold { threshold: k, recipients: n });
    };
    let fingerprint = keyfile::fingerprint(key);
    let names: Vec<String> = recipients.iter().map(|r| r.to_string()).collect();
    let parts = if k8 == 1 {
        let plain = plaintext(&fingerprint, "key", key.expose());
        vec![Part { recipients: names.clone(), sealed: seal(recipients.iter().collect(), plain.as_bytes())? }]
    } else {
        let dealer = blahaj::Sharks(k8).dealer(key.expose());
        recipients
            .iter()
            .zip(dealer)
            .map(|(r, share)| {
                let bytes = Zeroizing::new(Vec::from(&share));
                let plain = plaintext(&fingerprint, "share", &bytes);
                Ok(Part { recipients: vec![r.to_string()], sealed: seal(vec![r], plain.as_bytes())? })
            })
            .collect::<Result<Vec<_>, EscrowError>>()?
    };
    // The dealer yields up to 255 shares, so every recipient has one; were one missing, refuse
    // rather than write an escrow that silently needs more than it says.
    if k8 != 1 && parts.len() != n {
        return Err(EscrowError::Seal);
    }
    Ok(Escrow {
        format: FORMAT.into(),
        created: created.strftime("%Y-%m-%dT%H:%M:%SZ").to_string(),
        fingerprint,
        threshold: k8,
        recipients: names,
        parts,
    })
}

/// What a part seals: the format, the fingerprint, then `key HEX` or `share HEX`.
fn plaintext(fingerprint: &str, kind: &str, secret: &[u8]) -> Zeroizing<String> {
    let hexed = Zeroizing::new(hex::encode(secret));
    Zeroizing::new(format!("{FORMAT}\nfingerprint {fingerprint}\n{kind} {}\n", hexed.as_str()))
}

fn seal(to: Vec<&age::x25519::Recipient>, plain: &[u8]) -> Result<String, EscrowError> {
    use std::io::Write;
    let enc = age::Encryptor::with_recipients(to.into_iter().map(|r| r as &dyn age::Recipient))
        .map_err(|_| EscrowError::Seal)?;
    let mut out = Vec::new();
    let armor = age::armor::ArmoredWriter::wrap_output(&mut out, age::armor::Format::AsciiArmor)
        .map_err(|_| EscrowError::Seal)?;
    let mut w = enc.wrap_output(armor).map_err(|_| EscrowError::Seal)?;
    w.write_all(plain).map_err(|_| EscrowError::Seal)?;
    w.finish().and_then(|a| a.finish()).map_err(|_| EscrowError::Seal)?;
    String::from_utf8(out).map_err(|_| EscrowError::Seal)
}

/// An administrator's identity, read from its file (named in errors).
pub struct Identity {
    pub file: PathBuf,
    pub public: String,
    identity: age::x25519::Identity,
}

pub fn read_identity(file: &Path) -> Result<Identity, EscrowError> {
    let identity = handoff::read_identity(file).map_err(|e| match e {
        handoff::HandoffError::Io(io) => EscrowError::IdentityRead(file.to_path_buf(), io),
        _ => EscrowError::Identity(file.to_path_buf()),
    })?;
    Ok(Identity { file: file.to_path_buf(), public: identity.to_public().to_string(), identity })
}

/// Rebuilds the key from `identities`: one recipient's for a one-of-one escrow, `threshold`
/// distinct recipients' for K of N. Checked against the fingerprint before it is returned.
pub fn recover(escrow: &Escrow, identities: &[Identity]) -> Result<Key, EscrowError> {
    for id in identities {
        if !escrow.recipients.contains(&id.public) {
            return Err(EscrowError::NotRecipient {
                file: id.file.clone(),
                public: id.public.clone(),
                recipients: escrow.recipients.join(", "),
            });
        }
    }
    // The parts these identities open, each once.
    let mut opened: Vec<(String, Zeroizing<Vec<u8>>, &'static str)> = Vec::new();
    for part in &escrow.parts {
        let Some(id) = identities.iter().find(|id| part.recipients.contains(&id.public)) else {
            continue;
        };
        let plain = Zeroizing::new(
            handoff::open(&id.identity, part.sealed.as_bytes()).map_err(|_| EscrowError::Open(id.public.clone()))?,
        );
        let (fingerprint, secret, kind) = read_plaintext(&plain).ok_or_else(|| EscrowError::Open(id.public.clone()))?;
        if fingerprint != escrow.fingerprint {
            return Err(EscrowError::Foreign(id.public.clone()));
        }
        opened.push((id.public.clone(), secret, kind));
        if escrow.threshold == 1 {
            break;
        }
    }
    let need = usize::from(escrow.threshold);
    if opened.len() < need {
        let have: Vec<&str> = opened.iter().map(|(p, _, _)| p.as_str()).collect();
        let missing: Vec<&str> = escrow.recipients.iter().map(String::as_str).filter(|r| !have.contains(r)).collect();
        return Err(EscrowError::Insufficient {
            need: escrow.threshold,
            total: escrow.recipients.len(),
            given: have.len(),
            have: if have.is_empty() { "none".into() } else { have.join(", ") },
            more: need - have.len(),
            missing: missing.join(", "),
        });
    }
    let key = if escrow.threshold == 1 {
        let Some((public, secret, kind)) = opened.first() else {
            return Err(EscrowError::Mismatch);
        };
        if *kind != "key" {
            return Err(EscrowError::Open(public.clone()));
        }
        Key::from_slice(secret).ok_or(EscrowError::Mismatch)?
    } else {
        let mut shares = Vec::new();
        for (public, secret, kind) in &opened {
            if *kind != "share" {
                return Err(EscrowError::Open(public.clone()));
            }
            shares.push(blahaj::Share::try_from(secret.as_slice()).map_err(|_| EscrowError::Open(public.clone()))?);
        }
        let secret =
            Zeroizing::new(blahaj::Sharks(escrow.threshold).recover(&shares).map_err(|_| EscrowError::Mismatch)?);
        Key::from_slice(&secret).ok_or(EscrowError::Mismatch)?
    };
    if !escrow.matches(&key) {
        return Err(EscrowError::Mismatch);
    }
    Ok(key)
}

/// Reads a part's plaintext: (fingerprint, "key" or "share", the secret bytes).
fn read_plaintext(plain: &[u8]) -> Option<(String, Zeroizing<Vec<u8>>, &'static str)> {
    let text = std::str::from_utf8(plain).ok()?;
    let mut lines = text.lines();
    if lines.next()? != FORMAT {
        return None;
    }
    let fingerprint = lines.next()?.strip_prefix("fingerprint ")?.to_string();
    let last = lines.next()?;
    let (kind, hexed) =
        if let Some(h) = last.strip_prefix("key ") { ("key", h) } else { ("share", last.strip_prefix("share ")?) };
    let secret = Zeroizing::new(hex::decode(hexed).ok()?);
    Some((fingerprint, secret, kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(n: usize) -> Vec<(age::x25519::Identity, age::x25519::Recipient)> {
        (0..n)
            .map(|_| {
                let i = age::x25519::Identity::generate();
                let r = i.to_public();
                (i, r)
            })
            .collect()
    }

    fn wrap(i: &age::x25519::Identity) -> Identity {
        Identity { file: PathBuf::from("id.txt"), public: i.to_public().to_string(), identity: i.clone() }
    }

    #[test]
    fn any_k_of_n_rebuild_the_key_and_fewer_do_not() {
        let key = Key::generate();
        let people = ids(3);
        let rs: Vec<_> = people.iter().map(|(_, r)| r.clone()).collect();
        let e = create(&key, &rs, Some(2), jiff::Timestamp::UNIX_EPOCH).unwrap();
        let e = Escrow::parse(&e.to_text().unwrap(), Path::new("e")).unwrap();
        assert!(e.matches(&key) && !e.matches(&Key::generate()));
        for (a, b) in [(0, 1), (0, 2), (1, 2)] {
            let got = recover(&e, &[wrap(&people[a].0), wrap(&people[b].0)]).unwrap();
            assert_eq!(got.expose(), key.expose());
        }
        let err = recover(&e, &[wrap(&people[1].0)]).unwrap_err().to_string();
        assert!(err.contains("needs 2 of its 3") && err.contains("1 more of"), "{err}");
        // The same identity twice is still one.
        assert!(recover(&e, &[wrap(&people[1].0), wrap(&people[1].0)]).is_err());
        // The key is in no readable form in the file.
        let text = e.to_text().unwrap();
        assert!(!text.contains(&hex::encode(key.expose())));
    }

    #[test]
    fn one_of_one_opens_with_any_single_identity() {
        let key = Key::generate();
        let people = ids(2);
        let rs: Vec<_> = people.iter().map(|(_, r)| r.clone()).collect();
        let e = create(&key, &rs, None, jiff::Timestamp::UNIX_EPOCH).unwrap();
        assert_eq!(e.parts.len(), 1);
        for (i, _) in &people {
            assert_eq!(recover(&e, &[wrap(i)]).unwrap().expose(), key.expose());
        }
        let stranger = age::x25519::Identity::generate();
        assert!(matches!(recover(&e, &[wrap(&stranger)]), Err(EscrowError::NotRecipient { .. })));
    }

    #[test]
    fn impossible_thresholds_are_refused() {
        let people = ids(2);
        let rs: Vec<_> = people.iter().map(|(_, r)| r.clone()).collect();
        for k in [0, 3] {
            assert!(matches!(
                create(&Key::generate(), &rs, Some(k), jiff::Timestamp::UNIX_EPOCH),
                Err(EscrowError::Threshold { .. })
            ));
        }
    }
}
