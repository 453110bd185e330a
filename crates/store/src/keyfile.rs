//! The master key: where it comes from and how it is written.
//!
//! `CLEARPATH_MASTER_KEY_FILE` names a file holding 64 hex digits (mode 0600);
//! `CLEARPATH_MASTER_KEY` holds the digits themselves. Setting both is refused, as is a key file
//! others can read. Without either, `chat` (and only `chat`) makes a development key in its data
//! directory and says so.

use super::crypto::Key;
use std::path::{Path, PathBuf};
use zeroize::Zeroizing;

pub const ENV_FILE: &str = "CLEARPATH_MASTER_KEY_FILE";
pub const ENV_KEY: &str = "CLEARPATH_MASTER_KEY";
pub const DEV_KEY_NAME: &str = "dev-master.key";

#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    #[error("both {ENV_FILE} and {ENV_KEY} are set; set only one")]
    Both,
    #[error("no master key: set {ENV_FILE} (create one with `clearpath keys init PATH`) or {ENV_KEY}")]
    Missing,
    /// A secret file (named with the variable or flag that gave it) that others can read.
    #[error("{0} {1} can be read by other users (mode {2:o}); run `chmod 600 {1}`")]
    Permissions(String, PathBuf, u32),
    #[error("cannot read {0} {1}")]
    Read(String, PathBuf, #[source] std::io::Error),
    #[error("{0} does not hold a key (expected 64 hexadecimal digits)")]
    Format(String),
    #[error("{0} already exists; refusing to overwrite a key")]
    Exists(PathBuf),
    #[error("cannot write the key file {0}")]
    Write(PathBuf, #[source] std::io::Error),
}

/// Where the key came from, to tell the operator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    File(PathBuf),
    Env,
    /// A development key created just now in the data directory.
    DevCreated(PathBuf),
    DevExisting(PathBuf),
}

pub fn parse(text: &str, what: &str) -> Result<Key, KeyError> {
    let t = Zeroizing::new(text.trim().to_string());
    let bytes = Zeroizing::new(hex::decode(t.as_bytes()).map_err(|_| KeyError::Format(what.to_string()))?);
    Key::from_slice(&bytes).ok_or_else(|| KeyError::Format(what.to_string()))
}

/// What a master key file is called in messages.
pub const MASTER_FILE: &str = "CLEARPATH_MASTER_KEY_FILE: the master key file";
/// What the development key file is called in messages.
pub const DEV_FILE: &str = "the development key file";
/// What the key file given to `keys rotate` is called in messages.
pub const NEW_FILE: &str = "--new-key-file: the new key file";

pub fn read_file(path: &Path) -> Result<Key, KeyError> {
    read_key_file(path, MASTER_FILE)
}

/// Reads a key file; `what` names it in errors (the variable or flag, and what it holds).
pub fn read_key_file(path: &Path, what: &str) -> Result<Key, KeyError> {
    let text = read_secret(path, what)?;
    parse(&text, &path.display().to_string())
}

/// Reads a secret file (the master key, the bot token): refused if its group or others have any
/// access. The mode is checked on the file as opened, so the file checked is the file read.
pub fn read_secret(path: &Path, what: &str) -> Result<Zeroizing<String>, KeyError> {
    use std::io::Read;
    let mut f = std::fs::File::open(path).map_err(|e| KeyError::Read(what.to_string(), path.to_path_buf(), e))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = f.metadata().map_err(|e| KeyError::Read(what.to_string(), path.to_path_buf(), e))?;
        let mode = meta.permissions().mode() & 0o777;
        if mode & 0o077 != 0 {
            return Err(KeyError::Permissions(what.to_string(), path.to_path_buf(), mode));
        }
    }
    let mut text = Zeroizing::new(String::new());
    f.read_to_string(&mut text).map_err(|e| KeyError::Read(what.to_string(), path.to_path_buf(), e))?;
    Ok(text)
}

/// Writes a new random key to `path` (mode 0600). Never overwrites.
pub fn init(path: &Path) -> Result<(), KeyError> {
    write_new(path, &Key::generate())
}

/// Writes `key` as a key file at `path` (mode 0600), as `keys init` does. Never overwrites.
pub fn write_new(path: &Path, key: &Key) -> Result<(), KeyError> {
    if path.symlink_metadata().is_ok() {
        return Err(KeyError::Exists(path.to_path_buf()));
    }
    let hexed = Zeroizing::new(hex::encode(key.expose()));
    let text = Zeroizing::new(format!("{}\n", hexed.as_str()));
    super::write_private(path, text.as_bytes()).map_err(|e| KeyError::Write(path.to_path_buf(), e))
}

/// The master key's fingerprint: a one-way derivation (BLAKE3 `derive_key` under its own
/// context), 64 hex digits. It tells whether two things (an escrow, a key file) hold the same key
/// without revealing it or decrypting anything; it is never used as a key.
pub fn fingerprint(key: &Key) -> String {
    hex::encode(blake3::derive_key("clearpath master key fingerprint v1", key.expose()))
}

/// Whether `fingerprint` (as written by [`fingerprint`]) is `key`'s, compared in constant time.
pub fn fingerprint_matches(fingerprint: &str, key: &Key) -> bool {
    let Ok(given) = <[u8; 32]>::try_from(hex::decode(fingerprint.trim()).unwrap_or_default().as_slice()) else {
        return false;
    };
    blake3::Hash::from(given)
        == blake3::Hash::from(blake3::derive_key("clearpath master key fingerprint v1", key.expose()))
}

/// Finds the master key from the environment. With `dev_dir`, a missing key is created there.
pub fn from_env(dev_dir: Option<&Path>) -> Result<(Key, Origin), KeyError> {
    let file = std::env::var_os(ENV_FILE).filter(|v| !v.is_empty());
    let inline = std::env::var(ENV_KEY).ok().filter(|v| !v.is_empty()).map(Zeroizing::new);
    match (file, inline) {
        (Some(_), Some(_)) => Err(KeyError::Both),
        (Some(f), None) => {
            let p = PathBuf::from(f);
            Ok((read_file(&p)?, Origin::File(p)))
        }
        (None, Some(k)) => Ok((parse(&k, ENV_KEY)?, Origin::Env)),
        (None, None) => {
            let Some(dir) = dev_dir else {
                return Err(KeyError::Missing);
            };
            let p = dir.join(DEV_KEY_NAME);
            if p.exists() {
                return Ok((read_key_file(&p, DEV_FILE)?, Origin::DevExisting(p)));
            }
            std::fs::create_dir_all(dir).map_err(|e| KeyError::Write(p.clone(), e))?;
            // Made private from the start (the store would repair it, with a warning).
            crate::restrict_dir(dir).map_err(|e| KeyError::Write(p.clone(), e))?;
            init(&p)?;
            Ok((read_key_file(&p, DEV_FILE)?, Origin::DevCreated(p)))
        }
    }
}
