//! `keys rotate`: a new database under a new master key, built from the live records only, then
//! swapped in, so that erased survivors' wrapped keys and deleted records do not survive in
//! sled's log. Every stage can be killed and the command run again.
//!
//! Stages: build `store.new/` (keycheck for the new key; every survivor's records re-sealed under
//! a fresh data key wrapped by the new master key; flushed), write
//! `store.new/READY`, rename `store` to `store.old`, rename `store.new` to `store`, remove
//! `store.old`. [`recover`] finishes or discards whatever a kill left behind.

use super::crypto::Key;
use super::*;

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
    // Metadata: wrapped by the master key.
    let meta = old_db.open_tree(TREE_META)?;
    let new_meta = db.open_tree(TREE_META)?;
    for item in meta.iter() {
        let (k, v) = item?;
        let (version, plain) = decode_record(old_master, TREE_META, &k, &v)?;
        new_meta.insert(&k, encode_record(new, TREE_META, &k, version, &plain))?;
        records += 1;
    }
    pause_point("meta");
    // Survivors: each gets a fresh data key, wrapped by the new master key, and every record of
    // theirs is re-sealed under it, so nothing in the new store opens with anything from the old
    // one. Records whose survivor has no key any more (erased) are not copied.
    let keys = old_db.open_tree(TREE_KEYS)?;
    let new_keys = db.open_tree(TREE_KEYS)?;
    for item in keys.iter() {
        let (k, v) = item?;
        let (version, plain) = decode_record(old_master, TREE_KEYS, &k, &v)?;
        let old_dk =
            Key::from_slice(&plain).ok_or_else(|| StoreError::Rotate("a data key has the wrong length".into()))?;
        let new_dk = Key::generate();
        new_keys.insert(&k, encode_record(new, TREE_KEYS, &k, version, new_dk.expose()))?;
        subjects += 1;
        for t in SUBJECT_TREES {
            let tree = tree_name(t);
            let from = old_db.open_tree(t)?;
            let to = db.open_tree(t)?;
            for rec in from.scan_prefix(&k) {
                let (rk, rv) = rec?;
                let (rversion, rplain) = decode_record(&old_dk, tree, &rk, &rv)?;
                to.insert(&rk, encode_record(&new_dk, tree, &rk, rversion, &rplain))?;
                records += 1;
            }
        }
        if subjects == 1 {
            pause_point("keys");
        }
    }
    pause_point("records");
    // Service records (inbox, attorneys, invitations, referrals, audit log): sealed under a key derived from the master.
    let old_service = old_master.derive("clearpath service records");
    let new_service = new.derive("clearpath service records");
    for t in SERVICE_TREES {
        let from = old_db.open_tree(t)?;
        let to = db.open_tree(t)?;
        for item in from.iter() {
            let (k, v) = item?;
            match decode_record(&old_service, tree_name(t), &k, &v) {
                Ok((version, plain)) => {
                    to.insert(&k, encode_record(&new_service, tree_name(t), &k, version, &plain))?;
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
    write_private(&new_dir.join(READY), b"ready\n")?;
    sync_dir(&new_dir);
    pause_point("ready");
    Ok((subjects, records))
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
