//! The store's aggregate counters: added to only with a session, in one change; a damaged week's
//! record stops no survivor; a key rotation keeps them, under a key the old master key cannot
//! compute; nothing readable on disk.

use crate::support::with_raw_sled;
use clearpath::engine::Session;
use clearpath::store::crypto::Key;
use clearpath::store::{Change, Store, Tally};

fn tally(period: &str, cells: &[&str]) -> Option<Tally> {
    Some(Tally { period: period.into(), cells: cells.iter().map(|c| c.to_string()).collect() })
}

fn counts(store: &Store) -> Vec<(String, Vec<(String, u64)>)> {
    let mut out: Vec<_> = store
        .counters()
        .unwrap()
        .into_iter()
        .map(|c| {
            let c = c.unwrap();
            (c.period, c.cells.into_iter().collect())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn counters_add_up_per_week_with_their_sessions_and_only_with_them() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let now = jiff::Timestamp::now();
    let (a, b) = (store.subject("telegram", "1"), store.subject("telegram", "2"));
    let s = Session::new("intake", "h", now);
    store
        .commit(
            &a,
            Change {
                session: Some(&s),
                tally: tally("2026-W49", &["started", "started/lang/en"]),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .commit(
            &b,
            Change {
                session: Some(&s),
                tally: tally("2026-W49", &["started", "started/lang/es"]),
                ..Default::default()
            },
        )
        .unwrap();
    store
        .commit(&b, Change { session: Some(&s), tally: tally("2026-W50", &["consented"]), ..Default::default() })
        .unwrap();
    // Without a session nothing is counted (the session records what it counted).
    store
        .commit(&a, Change { inbox: Some((7, now)), tally: tally("2026-W50", &["consented"]), ..Default::default() })
        .unwrap();
    let want = vec![
        (
            "2026-W49".to_string(),
            vec![("started".to_string(), 2), ("started/lang/en".to_string(), 1), ("started/lang/es".to_string(), 1)],
        ),
        ("2026-W50".to_string(), vec![("consented".to_string(), 1)]),
    ];
    assert_eq!(counts(&store), want);
    assert!(store.load_session(&a).unwrap().is_some());
    store.flush().unwrap();
    drop(store);
    // On disk: no week, no cell name, in a key or a value.
    with_raw_sled(dir.path(), |db| {
        let t = db.open_tree("stats").unwrap();
        assert_eq!(t.len(), 2);
        for item in t.iter() {
            let (k, v) = item.unwrap();
            for bytes in [&k[..], &v[..]] {
                for word in [&b"2026-W"[..], b"started", b"consented", b"lang"] {
                    assert!(
                        !bytes.windows(word.len()).any(|w| w == word),
                        "{:?} readable",
                        String::from_utf8_lossy(word)
                    );
                }
            }
        }
    });
}

#[test]
fn a_weeks_counters_that_do_not_open_stop_no_survivor() {
    let dir = tempfile::tempdir().unwrap();
    let key = Key::generate();
    let now = jiff::Timestamp::now();
    let s = Session::new("intake", "h", now);
    {
        let store = Store::open(dir.path(), key.clone()).unwrap();
        let a = store.subject("telegram", "1");
        store
            .commit(&a, Change { session: Some(&s), tally: tally("2026-W49", &["started"]), ..Default::default() })
            .unwrap();
        store.flush().unwrap();
    }
    crate::support::wait_unlocked(dir.path());
    with_raw_sled(dir.path(), |db| {
        let t = db.open_tree("stats").unwrap();
        let (k, v) = t.iter().next().unwrap().unwrap();
        let mut bad = v.to_vec();
        *bad.last_mut().unwrap() ^= 0x55;
        t.insert(k, bad).unwrap();
    });
    let store = Store::open(dir.path(), key).unwrap();
    let b = store.subject("telegram", "2");
    let mut later = s.clone();
    later.status = clearpath::engine::Status::Active;
    // The change goes ahead without its count; the damaged record is left for an administrator.
    store
        .commit(&b, Change { session: Some(&later), tally: tally("2026-W49", &["started"]), ..Default::default() })
        .unwrap();
    assert_eq!(store.load_session(&b).unwrap().unwrap().status, clearpath::engine::Status::Active);
    let all = store.counters().unwrap();
    assert_eq!(all.len(), 1);
    assert!(all[0].is_err());
    // Another week is counted as ever.
    store
        .commit(&b, Change { session: Some(&later), tally: tally("2026-W50", &["exited"]), ..Default::default() })
        .unwrap();
    assert_eq!(store.counters().unwrap().iter().filter(|c| c.is_ok()).count(), 1);
}

#[test]
fn a_key_rotation_keeps_the_counters_under_keys_the_old_key_cannot_compute() {
    let dir = tempfile::tempdir().unwrap();
    let (old, new) = (Key::generate(), Key::generate());
    let s = Session::new("intake", "h", jiff::Timestamp::now());
    let (before, old_id) = {
        let store = Store::open(dir.path(), old.clone()).unwrap();
        let a = store.subject("telegram", "1");
        store
            .commit(
                &a,
                Change {
                    session: Some(&s),
                    tally: tally("2026-W49", &["completed", "completed/jur/NY"]),
                    ..Default::default()
                },
            )
            .unwrap();
        store.flush().unwrap();
        (counts(&store), store.service_id("stats", "2026-W49"))
    };
    crate::support::wait_unlocked(dir.path());
    clearpath::store::rotate::rotate(dir.path(), old, new.clone()).unwrap();
    crate::support::wait_unlocked(dir.path());
    with_raw_sled(dir.path(), |db| {
        let keys: Vec<_> = db.open_tree("stats").unwrap().iter().keys().map(|k| k.unwrap().to_vec()).collect();
        assert_eq!(keys.len(), 1);
        assert_ne!(keys[0], old_id.to_vec(), "the counters' key did not move");
    });
    let store = Store::open(dir.path(), new).unwrap();
    assert_eq!(counts(&store), before);
    // And they are added to where they now lie.
    let a = store.subject("telegram", "1");
    store
        .commit(&a, Change { session: Some(&s), tally: tally("2026-W49", &["completed"]), ..Default::default() })
        .unwrap();
    assert_eq!(counts(&store)[0].1[0], ("completed".to_string(), 2));
}
