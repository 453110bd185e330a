//! Sealing records: XChaCha20-Poly1305 with a fresh random 24-byte nonce per record, and
//! associated data that binds each ciphertext to its tree, its key and its schema version, so a
//! record copied to another key or tree fails to open.

use chacha20poly1305::aead::{Aead, AeadInPlace, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use rand::RngCore;
use zeroize::{Zeroize, ZeroizeOnDrop};

pub const NONCE_LEN: usize = 24;
pub const TAG_LEN: usize = 16;

/// A 256-bit symmetric key that cannot be printed and is wiped from memory when dropped.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Key([u8; 32]);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(<redacted>)")
    }
}

impl Key {
    pub fn generate() -> Key {
        let mut k = [0u8; 32];
        rand::rngs::OsRng.fill_bytes(&mut k);
        Key(k)
    }

    pub fn from_bytes(b: [u8; 32]) -> Key {
        Key(b)
    }

    pub fn from_slice(b: &[u8]) -> Option<Key> {
        let arr: [u8; 32] = b.try_into().ok()?;
        Some(Key(arr))
    }

    /// The raw bytes, for wrapping under another key or writing a key file. Keep the borrow short.
    pub fn expose(&self) -> &[u8; 32] {
        &self.0
    }

    /// Derives a sub-key for one purpose (BLAKE3 key derivation), so one master key never
    /// encrypts two kinds of thing directly.
    pub fn derive(&self, context: &str) -> Key {
        Key(blake3::derive_key(context, &self.0))
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CryptoError {
    #[error("the record is too short to be a sealed record")]
    Truncated,
    #[error("the record does not open with this key (altered, moved, or sealed with another key)")]
    Open,
}

/// Associated data: tree name, a zero byte, record key, schema version.
pub fn aad(tree: &str, key: &[u8], version: u16) -> Vec<u8> {
    let mut v = Vec::with_capacity(tree.len() + key.len() + 3);
    v.extend_from_slice(tree.as_bytes());
    v.push(0);
    v.extend_from_slice(key);
    v.extend_from_slice(&version.to_be_bytes());
    v
}

/// Seals `plain` as `nonce || ciphertext+tag`.
pub fn seal(key: &Key, aad: &[u8], plain: &[u8]) -> Vec<u8> {
    let mut buf = Vec::with_capacity(NONCE_LEN + plain.len() + TAG_LEN);
    buf.resize(NONCE_LEN, 0);
    buf.extend_from_slice(plain);
    seal_in_place(key, aad, &mut buf, 0);
    buf
}

/// Seals without copying: `buf` holds `header || NONCE_LEN bytes of room || plaintext`; the
/// nonce is written into the room, the plaintext is encrypted where it lies and the tag appended,
/// leaving `header || nonce || ciphertext+tag`. The header is not sealed (bind it through `aad`).
pub fn seal_in_place(key: &Key, aad: &[u8], buf: &mut Vec<u8>, header: usize) {
    assert!(buf.len() >= header + NONCE_LEN, "no room for the nonce");
    let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
    // Nonces come from the thread's CSPRNG (ChaCha, seeded and periodically reseeded from the
    // OS): random 192-bit nonces never repeat in practice, and a syscall per record is avoided.
    // In range: asserted above. Encryption fails only for a message over 2^38 bytes, which no
    // record comes near (Telegram's texts are 4096 characters).
    #[allow(clippy::indexing_slicing, clippy::expect_used)]
    let tag = {
        let (nonce, plain) = buf[header..].split_at_mut(NONCE_LEN);
        rand::thread_rng().fill_bytes(nonce);
        cipher
            .encrypt_in_place_detached(XNonce::from_slice(nonce), aad, plain)
            .expect("XChaCha20-Poly1305 encryption does not fail for in-memory buffers")
    };
    buf.extend_from_slice(&tag);
}

pub fn open(key: &Key, aad: &[u8], sealed: &[u8]) -> Result<Vec<u8>, CryptoError> {
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(CryptoError::Truncated);
    }
    let (nonce, ct) = sealed.split_at(NONCE_LEN);
    let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
    cipher.decrypt(XNonce::from_slice(nonce), Payload { msg: ct, aad }).map_err(|_| CryptoError::Open)
}

/// Keyed hash of an identifier (a chat id), used as a record key so that no raw identifier is
/// ever a key on disk.
pub fn pseudonym(key: &Key, id: &str) -> [u8; 32] {
    *blake3::keyed_hash(&key.0, id.as_bytes()).as_bytes()
}

/// One link of the pseudonym chain: the pseudonym a record moves to when the master key is
/// rotated, a keyed hash of the one before under the rotation's own key. Without that key the new
/// pseudonym cannot be computed from the old one (nor from the identifier).
pub fn relink(key: &Key, previous: &[u8; 32]) -> [u8; 32] {
    *blake3::keyed_hash(&key.0, previous).as_bytes()
}
