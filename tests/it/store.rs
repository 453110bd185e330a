//! The encrypted store on the real sled on disk.

use clearpath::engine::Session;
use clearpath::store::crypto::Key;
use clearpath::store::{Store, StoreError};

fn session(name: &str) -> Session {
    let mut s = Session::new("intake", "h", "2026-11-25T00:00:00Z".parse().unwrap());
    s.answers.insert(
        "preferred_name".into(),
        clearpath::engine::answer::Answer::Answered(clearpath::engine::answer::Value::Text(
            name.into(),
        )),
    );
    s
}

fn grep_dir(dir: &std::path::Path, needle: &[u8]) -> Vec<std::path::PathBuf> {
    let mut hits = Vec::new();
    for entry in walk(dir) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        if bytes.windows(needle.len()).any(|w| w == needle) {
            hits.push(entry);
        }
    }
    hits
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out
}

#[test]
fn sessions_round_trip_and_nothing_is_readable_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let key = Key::generate();
    {
        let store = Store::open(dir.path(), key.clone()).unwrap();
        let who = store.subject("telegram", "555123987");
        store
            .save_session(&who, &session("Canary-Zebra-4410"))
            .unwrap();
        store.flush().unwrap();
        assert_eq!(
            store.load_session(&who).unwrap().unwrap(),
            session("Canary-Zebra-4410")
        );
    }
    assert!(grep_dir(dir.path(), b"Canary-Zebra").is_empty());
    assert!(grep_dir(dir.path(), b"555123987").is_empty());
    // Reopened with the same key, it is all there.
    let store = Store::open(dir.path(), key).unwrap();
    let who = store.subject("telegram", "555123987");
    assert!(store.load_session(&who).unwrap().is_some());
}

#[test]
fn a_wrong_key_is_refused_before_the_database_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path(), Key::generate()).unwrap());
    match Store::open(dir.path(), Key::generate()) {
        Err(StoreError::WrongKey) => {}
        other => panic!("expected WrongKey, got {other:?}"),
    }
}

#[test]
fn erase_makes_a_survivor_unreadable() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let a = store.subject("console", "a");
    let b = store.subject("console", "b");
    store.save_session(&a, &session("A")).unwrap();
    store.save_session(&b, &session("B")).unwrap();
    store.erase(&a).unwrap();
    assert!(store.load_session(&a).unwrap().is_none());
    assert_eq!(store.load_session(&b).unwrap().unwrap(), session("B"));
}
