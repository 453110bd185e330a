//! `keys rotate`: a new database under a new master key, built from the live records only, then
//! swapped in, so that erased survivors' wrapped keys and deleted records do not survive in
//! sled's log. Every stage can be killed and the command run again.
//!
//! Stages: build `store.new/` (keycheck for the new key; every survivor's records re-sealed under
//! a fresh data key wrapped by the new master key; flushed), write
//! `store.new/READY`, rename `store` to `store.old`, rename `store.new` to `store`, remove
//! `store.old`. [`recover`] finishes or discards whatever a kill left behind.
//!
//! Every pseudonym moves. A rotation draws a fresh link key, stored (wrapped by the new master
//! key) at the end of the meta tree's pseudonym chain, and every record key that is a pseudonym
//! (a survivor's, a service id, an intake's case part) becomes the keyed hash of the old one under
//! it; so do the survivor pseudonyms written inside referrals. Sessions hold no chat id, so the
//! new pseudonym can only come from the old one; a chat finds its records by hashing through the
//! whole chain ([`Store::subject`]). Whoever held an older master key can compute the older links
//! only, and so cannot tell which record of a later copy belongs to a chat id, a case code or an
//! attorney. The link key is drawn inside the new directory's build: a build killed before READY
//! is thrown away with its key, and a complete one carries its own.

use super::crypto::{relink, Key};
use super::*;
use zeroize::Zeroize;

const NEW_DIR: &str = "store.new";
const OLD_DIR: &str = "store.old";
const READY: &str = "READY";

/// For crash tests: `CLEARPATH_PAUSE_AT=rotate:<stage>` makes the process stop at that stage,
/// say so on stderr and wait to be killed.
fn pause_point(stage: &str) {
    if std::env::var("CLEARPATH_PAUSE_AT").ok().as_deref() == Some(&format!("rotate:{stage}")) {
        eprintln!("paused at rotate:{stage}");
        loop {
            std::thread::sleep(std::time::Duration::from_secs(3600));
        }
    }
}

/// Finishes or discards an interrupted rotation. Safe to call at any time; called by
/// [`Store::open`]. A complete new store whose old store is still in place is left for `keys
/// rotate` to finish (the operator has to switch keys anyway).
pub fn recover(data_dir: &Path) -> Result<(), StoreError> {
    let store = data_dir.join(STORE_DIR);
    let new = data_dir.join(NEW_DIR);
    let old = data_dir.join(OLD_DIR);
    if new.exists() && !new.join(READY).exists() {
        // Killed while building: nothing of it counts.
        std::fs::remove_dir_all(&new)?;
    }
    if new.join(READY).exists() && !store.exists() && old.exists() {
        // Killed between the two renames.
        std::fs::rename(&new, &store)?;
        sync_dir(data_dir);
    }
    if store.exists() && old.exists() && !new.exists() {
        std::fs::remove_dir_all(&old)?;
    }
    if store.join(READY).exists() {
        std::fs::remove_file(store.join(READY))?;
    }
    if new.join(READY).exists() && store.exists() {
        tracing::warn!("a key rotation was built but not swapped in; run `clearpath keys rotate` again to finish it");
    }
    Ok(())
}

/// What a rotation did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rotated {
    Done {
        subjects: usize,
        records: usize,
    },
    /// The store already opens with the new key: an earlier run finished.
    AlreadyDone,
}

/// Builds `store.new` from an open store: re-wraps the metadata and every survivor's data key
/// under `new`, copies the survivors' sealed records as they are, re-seals service records.
pub fn build(store: &Store, new: &Key) -> Result<(usize, usize), StoreError> {
    let data_dir = store.dir();
    let new_dir = data_dir.join(NEW_DIR);
    let _ = std::fs::remove_dir_all(&new_dir);
    std::fs::create_dir_all(&new_dir)?;
    restrict_dir(&new_dir)?;
    write_keycheck(&new_dir.join(KEYCHECK_FILE), new)?;
    let db = super::sled_config().path(new_dir.join(DB_DIR)).open()?;
    let old_db = store.raw();
    let old_master = store.master();
    let (mut subjects, mut records) = (0, 0);
    // Metadata: wrapped by the master key. The pseudonym chain gets this rotation's link.
    let link = Key::generate();
    let meta = old_db.open_tree(TREE_META)?;
    let new_meta = db.open_tree(TREE_META)?;
    for item in meta.iter() {
        let (k, v) = item?;
        if &*k == META_CHAIN {
            continue;
        }
        // The store's format is plain (it says nothing about anyone): carried as it is.
        if &*k == super::META_SCHEMA {
            new_meta.insert(&k, v)?;
            continue;
        }
        let (version, plain) = decode_record(old_master, TREE_META, &k, &v)?;
        new_meta.insert(&k, encode_record(new, TREE_META, &k, version, &plain))?;
        records += 1;
    }
    let mut chain = Vec::with_capacity((store.chain().len() + 1) * 32);
    for k in store.chain().iter().chain([&link]) {
        chain.extend_from_slice(k.expose());
    }
    new_meta.insert(META_CHAIN, encode_record(new, TREE_META, META_CHAIN, 1, &chain))?;
    chain.zeroize();
    records += 1;
    let moved = |p: &[u8]| -> Result<[u8; 32], StoreError> {
        let p: [u8; 32] = p.try_into().map_err(|_| StoreError::Rotate("a pseudonym of the wrong length".into()))?;
        Ok(relink(&link, &p))
    };
    pause_point("meta");
    // Survivors: each gets a fresh data key, wrapped by the new master key, and every record of
    // theirs is re-sealed under it, so nothing in the new store opens with anything from the old
    // one. Records whose survivor has no key any more (erased) are not copied. Each moves to the
    // survivor's new pseudonym (and an intake's case part to the case's new id).
    let keys = old_db.open_tree(TREE_KEYS)?;
    let new_keys = db.open_tree(TREE_KEYS)?;
    for item in keys.iter() {
        let (k, v) = item?;
        let (version, plain) = decode_record(old_master, TREE_KEYS, &k, &v)?;
        let old_dk =
            Key::from_slice(&plain).ok_or_else(|| StoreError::Rotate("a data key has the wrong length".into()))?;
        let new_dk = Key::generate();
        let nk = moved(&k)?;
        new_keys.insert(nk, encode_record(new, TREE_KEYS, &nk, version, new_dk.expose()))?;
        subjects += 1;
        for t in SUBJECT_TREES {
            let tree = tree_name(t);
            let from = old_db.open_tree(t)?;
            let to = db.open_tree(t)?;
            for rec in from.scan_prefix(&k) {
                let (rk, rv) = rec?;
                let (rversion, rplain) = decode_record(&old_dk, tree, &rk, &rv)?;
                let suffix = rk.get(32..).unwrap_or_default();
                let mut nrk = nk.to_vec();
                if *t == TREE_INTAKES {
                    // The case part of an intake's key is a service id: it moves too.
                    nrk.extend_from_slice(&moved(suffix)?);
                } else {
                    nrk.extend_from_slice(suffix);
                }
                to.insert(&nrk, encode_record(&new_dk, tree, &nrk, rversion, &rplain))?;
                records += 1;
            }
        }
        if subjects == 1 {
            pause_point("keys");
        }
    }
    pause_point("records");
    // Service records (inbox, attorneys, invitations, referrals, audit log, counters, flow
    // versions): sealed
    // under a key derived from the master. Those keyed by a service id (attorneys, invitations,
    // referrals, counters, flow versions) move to its next link; the others are keyed by update ids, entry
    // numbers and channel names.
    let old_service = old_master.derive("clearpath service records");
    let new_service = new.derive("clearpath service records");
    for t in SERVICE_TREES {
        let from = old_db.open_tree(t)?;
        let to = db.open_tree(t)?;
        let by_id = [TREE_ATTORNEYS, TREE_INVITES, TREE_REFERRALS, TREE_STATS, TREE_FLOWS].contains(t);
        for item in from.iter() {
            let (k, v) = item?;
            match decode_record(&old_service, tree_name(t), &k, &v) {
                Ok((version, plain)) => {
                    let nk = if by_id { moved(&k)?.to_vec() } else { k.to_vec() };
                    let plain = if *t == TREE_REFERRALS { moved_referral(&plain, moved)? } else { plain };
                    to.insert(&nk, encode_record(&new_service, tree_name(t), &nk, version, &plain))?;
                    records += 1;
                }
                // An inbox entry that does not open only costs a possible redelivery; any other
                // service record must not be silently dropped.
                Err(_) if *t == TREE_INBOX => {}
                Err(e) => return Err(e),
            }
        }
    }
    db.flush()?;
    drop(db);
    pause_point("built");
    // The erasure log learns of the rotation before it can take effect: erasures after it name
    // survivors by pseudonyms a backup made before it does not have (a restore then refuses).
    if let Err(e) = erasures::record_rotation(data_dir, store.master(), new) {
        return Err(StoreError::Rotate(format!("the erasure log could not record the rotation: {e}")));
    }
    write_private(&new_dir.join(READY), b"ready\n")?;
    sync_dir(&new_dir);
    pause_point("ready");
    Ok((subjects, records))
}

/// A referral (`referral::Referral`, stored as JSON) with the survivor's pseudonym in its
/// `subject` field (hex) moved to the next link. A referral without one is refused: keeping the
/// old pseudonym would lose the case's intake and keep a link to the old copy.
fn moved_referral(plain: &[u8], moved: impl Fn(&[u8]) -> Result<[u8; 32], StoreError>) -> Result<Vec<u8>, StoreError> {
    let bad = || StoreError::Rotate("a referral without its survivor's pseudonym".into());
    let mut value: serde_json::Value = serde_json::from_slice(plain).map_err(|_| bad())?;
    let field = value.get_mut("subject").ok_or_else(bad)?;
    let old = field.as_str().and_then(|h| hex::decode(h).ok()).ok_or_else(bad)?;
    *field = serde_json::Value::String(hex::encode(moved(&old)?));
    serde_json::to_vec(&value).map_err(|_| bad())
}

/// Swaps a READY `store.new` in for `store` and removes the old one. The store must be closed.
pub fn swap(data_dir: &Path) -> Result<(), StoreError> {
    let store = data_dir.join(STORE_DIR);
    let new = data_dir.join(NEW_DIR);
    let old = data_dir.join(OLD_DIR);
    if !new.join(READY).exists() {
        return Err(StoreError::Rotate("no complete new store to swap in".into()));
    }
    if store.exists() {
        let _ = std::fs::remove_dir_all(&old);
        std::fs::rename(&store, &old)?;
        sync_dir(data_dir);
    }
    pause_point("retired");
    std::fs::rename(&new, &store)?;
    sync_dir(data_dir);
    pause_point("swapped");
    std::fs::remove_dir_all(&old)?;
    std::fs::remove_file(store.join(READY))?;
    sync_dir(data_dir);
    Ok(())
}

/// The whole rotation for a stopped store: finish an earlier attempt if there is one, else
/// build and swap. Re-runnable after a kill at any stage.
pub fn rotate(data_dir: &Path, current: Key, new: Key) -> Result<Rotated, StoreError> {
    recover(data_dir)?;
    let (check, _, _) = paths(data_dir);
    let new_dir = data_dir.join(NEW_DIR);
    if check.exists() && key_opens(&check, &new)? {
        return Ok(Rotated::AlreadyDone);
    }
    // A store.new left by a run killed before the swap is rebuilt: the old store may have
    // changed since, if the bot ran in between.
    let _ = std::fs::remove_dir_all(&new_dir);
    let store = Store::open(data_dir, current)?;
    let (subjects, records) = build(&store, &new)?;
    drop(store);
    swap(data_dir)?;
    Ok(Rotated::Done { subjects, records })
}

fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_referral_moves_to_its_survivors_next_pseudonym_and_keeps_the_rest() {
        let link = Key::generate();
        let old = [9u8; 32];
        let plain = serde_json::to_vec(&serde_json::json!({"code": "ABC", "subject": hex::encode(old)})).unwrap();
        let moved = |p: &[u8]| -> Result<[u8; 32], StoreError> { Ok(relink(&link, &p.try_into().unwrap())) };
        let out: serde_json::Value = serde_json::from_slice(&moved_referral(&plain, moved).unwrap()).unwrap();
        assert_eq!(out["code"], "ABC");
        assert_eq!(out["subject"], hex::encode(relink(&link, &old)));
        assert_ne!(out["subject"], hex::encode(old));
        let without = serde_json::to_vec(&serde_json::json!({"code": "ABC"})).unwrap();
        assert!(moved_referral(&without, moved).is_err());
    }
}
