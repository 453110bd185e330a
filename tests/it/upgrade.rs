//! The store records its format. A store from before the format was recorded is migrated in
//! place (a copy taken first, removed once the migration holds) and its conversations carry on; a
//! store written by a newer program is refused by the real binary with a clear message and exit
//! code 4, and left exactly as it was.

use crate::support::{run_bin, with_raw_sled};

fn schema(dir: &std::path::Path) -> Option<Vec<u8>> {
    let mut out = None;
    with_raw_sled(dir, |db| out = db.open_tree("meta").unwrap().get(b"schema").unwrap().map(|v| v.to_vec()));
    out
}

#[test]
fn an_older_store_is_migrated_and_a_newer_one_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let key = dir.path().join("master.key");
    let (code, _, err) = run_bin(&["keys", "init", key.to_str().unwrap()], &[], "", dir.path());
    assert_eq!(code, 0, "{err}");
    let envs = [("CLEARPATH_DATA_DIR", data.to_str().unwrap()), ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap())];
    // A conversation begun and left (terminal JSON channel, its own store on disk).
    let script = ["en", "safe", "only_me", "agree", "no_code"].map(|c| format!("{{\"choice\": \"{c}\"}}\n")).concat();
    let (code, out, err) = run_bin(&["chat", "--json"], &envs, &script, dir.path());
    assert_eq!(code, 0, "{out}{err}");
    assert_eq!(schema(&data), Some(clearpath::store::SCHEMA.to_be_bytes().to_vec()));

    // As a store written before the format was recorded: migrated on the next open.
    with_raw_sled(&data, |db| {
        db.open_tree("meta").unwrap().remove(b"schema").unwrap();
    });
    let (code, out, err) = run_bin(&["chat", "--json"], &envs, "", dir.path());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("Welcome back"), "the conversation did not carry on: {out}");
    assert_eq!(schema(&data), Some(clearpath::store::SCHEMA.to_be_bytes().to_vec()));
    assert!(!data.join("store/.pre-migration").exists(), "the pre-migration copy outlived the migration");

    // Written by a newer program: refused, with the files left as they were.
    with_raw_sled(&data, |db| {
        db.open_tree("meta").unwrap().insert(b"schema", &99u32.to_be_bytes()).unwrap();
    });
    let before = std::fs::read(data.join("store/db/db")).unwrap();
    let (code, out, err) = run_bin(&["purge"], &envs, "", dir.path());
    assert_eq!(code, 4, "{out}{err}");
    assert!(
        err.contains("this store was written by a newer clearpath (store format 99; this program reads up to 2): run that newer version, or restore a backup made with this one"),
        "{err}"
    );
    assert_eq!(std::fs::read(data.join("store/db/db")).unwrap(), before, "a refused store was changed");
    assert_eq!(schema(&data), Some(99u32.to_be_bytes().to_vec()));
}
