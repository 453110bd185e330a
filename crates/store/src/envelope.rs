//! How a record lies in sled: its schema version, then its sealed bytes, bound to its tree and key.

use super::*;

/// Envelope stored in sled: version, then the sealed payload.
pub(crate) fn encode_record(key_mat: &Key, tree: &str, key: &[u8], version: u16, value: &[u8]) -> Vec<u8> {
    let mut buf = envelope(version, value.len());
    buf.extend_from_slice(value);
    crypto::seal_in_place(key_mat, &aad(tree, key, version), &mut buf, ENVELOPE_HEADER);
    buf
}

/// Bytes before the sealed payload in an envelope: the schema version.
pub(crate) const ENVELOPE_HEADER: usize = 2;

/// An envelope's start (version, room for the nonce) with capacity for `len` bytes of plaintext.
pub(crate) fn envelope(version: u16, len: usize) -> Vec<u8> {
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
        TREE_STATS => TREE_STATS,
        TREE_FLOWS => TREE_FLOWS,
        _ => "other",
    }
}
