//! The encrypted store, on the real sled on disk and through the real binary.

use crate::cli::FULL_INTAKE;
use crate::support::{root, run_bin, with_raw_sled};
use clearpath::app::Retention;
use clearpath::engine::answer::{Answer, Value};
use clearpath::engine::Session;
use clearpath::store::crypto::Key;
use clearpath::store::{Intake, Record, Store, StoreError};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn session(name: &str) -> Session {
    let mut s = Session::new("intake", "h", "2026-11-25T00:00:00Z".parse().unwrap());
    s.answers.insert("preferred_name".into(), Answer::Answered(Value::Text(name.into())));
    s
}

pub fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.is_file() {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Files under `dir` whose bytes contain `needle`.
pub fn grep_dir(dir: &Path, needle: &[u8]) -> Vec<PathBuf> {
    walk(dir)
        .into_iter()
        .filter(|p| std::fs::read(p).unwrap_or_default().windows(needle.len()).any(|w| w == needle))
        .collect()
}

/// Every file's path and content, to show nothing changed.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walk(dir).into_iter().map(|p| (p.clone(), std::fs::read(&p).unwrap())).collect()
}

fn key_file(dir: &Path, name: &str) -> PathBuf {
    let p = dir.join(name);
    let (code, _, err) = run_bin(&["keys", "init", p.to_str().unwrap()], &[], "", dir);
    assert_eq!(code, 0, "{err}");
    p
}

#[test]
fn sessions_round_trip_and_nothing_is_readable_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let key = Key::generate();
    {
        let store = Store::open(dir.path(), key.clone()).unwrap();
        let who = store.subject("telegram", "555123987");
        store.save_session(&who, &session("Canary-Zebra-4410")).unwrap();
        store.flush().unwrap();
        assert_eq!(store.load_session(&who).unwrap().unwrap(), session("Canary-Zebra-4410"));
    }
    assert!(grep_dir(dir.path(), b"Canary-Zebra").is_empty());
    assert!(grep_dir(dir.path(), b"555123987").is_empty());
    let store = Store::open(dir.path(), key).unwrap();
    let who = store.subject("telegram", "555123987");
    assert!(store.load_session(&who).unwrap().is_some());
}

/// Full intakes through the real binary, logging at trace level: no canary answer, no session
/// name (the console's chat id) in any file of the data directory or in the logs.
#[test]
fn after_full_intakes_no_canary_is_on_disk_or_in_the_logs() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let mut logs = String::new();
    for chat in ["chat-88123401", "chat-88123402"] {
        let (code, out, err) = run_bin(
            &["chat", "--json", "--data-dir", d, "--session", chat],
            &[("CLEARPATH_LOG", "trace")],
            &FULL_INTAKE.join("\n"),
            &root(),
        );
        assert_eq!(code, 0, "{err}");
        assert!(out.contains("\"submitted\":true"), "{out}");
        logs.push_str(&err);
    }
    assert!(logs.contains("intake submitted"), "trace logging was on: {logs}");
    for canary in [
        "Canary-Name-7731",
        "Canary-County-5521",
        "Canary-Charge-9043",
        "Canary-Time-6610",
        "chat-88123401",
        "chat-88123402",
    ] {
        assert!(grep_dir(dir.path(), canary.as_bytes()).is_empty(), "{canary} found on disk");
        assert!(!logs.contains(canary), "{canary} found in the logs");
    }
}

#[test]
fn a_wrong_key_is_refused_before_the_database_is_touched() {
    let dir = tempfile::tempdir().unwrap();
    drop(Store::open(dir.path(), Key::generate()).unwrap());
    let before = snapshot(dir.path());
    match Store::open(dir.path(), Key::generate()) {
        Err(StoreError::WrongKey) => {}
        other => panic!("expected WrongKey, got {other:?}"),
    }
    assert_eq!(snapshot(dir.path()), before);
}

/// Start-up refusals through the binary: each has a clear message and exit code, and leaves every
/// file byte for byte as it was.
#[test]
fn startup_refuses_bad_keys_and_a_corrupted_database_without_touching_files() {
    let keys = tempfile::tempdir().unwrap();
    let good = key_file(keys.path(), "good.key");
    let other = key_file(keys.path(), "other.key");
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let env_good = [("CLEARPATH_MASTER_KEY_FILE", good.to_str().unwrap())];
    let (code, _, err) = run_bin(&["chat", "--json", "--data-dir", d], &env_good, r#"{"choice": "en"}"#, &root());
    assert_eq!(code, 0, "{err}");

    // A wrong key.
    let before = snapshot(data.path());
    let (code, _, err) = run_bin(
        &["chat", "--json", "--data-dir", d],
        &[("CLEARPATH_MASTER_KEY_FILE", other.to_str().unwrap())],
        "",
        &root(),
    );
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("this key does not open this database"), "{err}");
    assert_eq!(snapshot(data.path()), before);

    // A key file others can read.
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&good, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (code, _, err) = run_bin(&["chat", "--json", "--data-dir", d], &env_good, "", &root());
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("can be read by other users"), "{err}");
    assert_eq!(snapshot(data.path()), before);
    std::fs::set_permissions(&good, std::fs::Permissions::from_mode(0o600)).unwrap();

    // Both ways of giving a key at once.
    let (code, _, err) =
        run_bin(&["chat", "--data-dir", d], &[env_good[0], ("CLEARPATH_MASTER_KEY", &"ab".repeat(32))], "", &root());
    assert_eq!(code, 3, "{err}");
    assert!(err.contains("set only one"), "{err}");

    // A corrupted database: sled's main file overwritten with garbage.
    let db_file = data.path().join("store/db/db");
    let mut bytes = std::fs::read(&db_file).unwrap();
    for b in bytes.iter_mut().take(64) {
        *b ^= 0x5a;
    }
    std::fs::write(&db_file, &bytes).unwrap();
    let conf = data.path().join("store/db/conf");
    std::fs::write(&conf, b"garbage that is not a sled config").unwrap();
    let before = snapshot(data.path());
    let (code, _, err) = run_bin(&["chat", "--json", "--data-dir", d], &env_good, "", &root());
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("does not open cleanly; it was left untouched"), "{err}");
    assert_eq!(snapshot(data.path()), before);

    // The key-check file missing beside an existing database: refused, never re-created.
    std::fs::remove_file(data.path().join("store/keycheck")).unwrap();
    let before = snapshot(data.path());
    let (code, _, err) = run_bin(&["chat", "--json", "--data-dir", d], &env_good, "", &root());
    assert_eq!(code, 4, "{err}");
    assert!(err.contains("refusing to guess"), "{err}");
    assert_eq!(snapshot(data.path()), before);
}

#[test]
fn altered_truncated_or_moved_records_fail_to_open_and_others_are_served_on() {
    let dir = tempfile::tempdir().unwrap();
    let key = Key::generate();
    let (a, b, c) = {
        let store = Store::open(dir.path(), key.clone()).unwrap();
        let (a, b, c) = (store.subject("t", "a"), store.subject("t", "b"), store.subject("t", "c"));
        for (s, name) in [(a, "A"), (b, "B"), (c, "C")] {
            store.save_session(&s, &session(name)).unwrap();
        }
        store.flush().unwrap();
        (a, b, c)
    };
    with_raw_sled(dir.path(), |db| {
        let sessions = db.open_tree("sessions").unwrap();
        let mut keys: Vec<Vec<u8>> = sessions.iter().keys().map(|k| k.unwrap().to_vec()).collect();
        keys.sort();
        // Flip one byte of one record, truncate another, and move a third under a new key.
        let mut v = sessions.get(&keys[0]).unwrap().unwrap().to_vec();
        let last = v.len() - 1;
        v[last] ^= 1;
        sessions.insert(&keys[0], v).unwrap();
        let v = sessions.get(&keys[1]).unwrap().unwrap().to_vec();
        sessions.insert(&keys[1], &v[..10]).unwrap();
        let v = sessions.get(&keys[2]).unwrap().unwrap().to_vec();
        let mut moved = keys[2].clone();
        moved[31] ^= 1;
        sessions.insert(&moved, v.clone()).unwrap();
        // ... and copy the moved record over the first survivor's key too.
        let keys_tree = db.open_tree("keys").unwrap();
        let wrapped = keys_tree.get(&keys[2]).unwrap().unwrap();
        keys_tree.insert(&moved, wrapped).unwrap();
    });
    let store = Store::open(dir.path(), key).unwrap();
    let mut errors = 0;
    for s in [a, b, c] {
        match store.load_session(&s) {
            Ok(Some(_)) => {}
            Ok(None) => panic!("a record vanished"),
            Err(e) => {
                errors += 1;
                let msg = e.to_string();
                assert!(msg.contains("does not open"), "{msg}");
            }
        }
    }
    assert_eq!(errors, 2, "the flipped and the truncated record fail; the third still opens at its own key");
    // The record moved to another key does not open there, even with the right data key.
    let moved_ok = store
        .subjects()
        .unwrap()
        .into_iter()
        .filter(|s| ![a, b, c].contains(s))
        .map(|s| store.load_session(&s))
        .all(|r| r.is_err());
    assert!(moved_ok, "a record moved under another key must not open");
    // A fresh survivor is served as usual.
    let d = store.subject("t", "d");
    store.save_session(&d, &session("D")).unwrap();
    assert_eq!(store.load_session(&d).unwrap().unwrap(), session("D"));
}

#[test]
fn a_damaged_session_gets_a_calm_message_through_the_app() {
    let dir = tempfile::tempdir().unwrap();
    let key = Key::generate();
    {
        let store = Store::open(dir.path(), key.clone()).unwrap();
        let who = store.subject("console", "x");
        store.save_session(&who, &session("X")).unwrap();
        store.flush().unwrap();
    }
    with_raw_sled(dir.path(), |db| {
        let sessions = db.open_tree("sessions").unwrap();
        let k = sessions.iter().keys().next().unwrap().unwrap();
        sessions.insert(k, &b"\x00\x01short"[..]).unwrap();
    });
    let store = Store::open(dir.path(), key).unwrap();
    let app =
        clearpath::app::App::new(crate::support::intake_flow(), crate::support::locales(), store, Retention::default());
    let who = app.subject("console", "x").unwrap();
    let h = app.handle(&who, clearpath::engine::Input::Text("hello".into()), jiff::Timestamp::now()).unwrap();
    let text = format!("{:?}", h.out);
    assert!(text.contains("something went wrong on our side"), "{text}");
}

#[test]
fn delete_shreds_a_survivor_and_rotation_removes_every_trace() {
    let keys = tempfile::tempdir().unwrap();
    let new_key = key_file(keys.path(), "new.key");
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    // Two survivors complete intakes; one then deletes everything.
    for chat in ["keep-me", "erase-me"] {
        let (code, _, err) =
            run_bin(&["chat", "--json", "--data-dir", d, "--session", chat], &[], &FULL_INTAKE.join("\n"), &root());
        assert_eq!(code, 0, "{err}");
    }
    let dev_key = clearpath::store::keyfile::read_file(&data.path().join("dev-master.key")).unwrap();
    let (erased_subject, wrapped) = {
        let store = Store::open(data.path(), dev_key.clone()).unwrap();
        let s = store.subject("console", "erase-me");
        drop(store);
        let mut wrapped = Vec::new();
        with_raw_sled(data.path(), |db| {
            let k = db.open_tree("keys").unwrap();
            for item in k.iter() {
                let (key, v) = item.unwrap();
                wrapped.push((key.to_vec(), v.to_vec()));
            }
        });
        (s, wrapped)
    };
    let (code, out, _) = run_bin(
        &["chat", "--json", "--data-dir", d, "--session", "erase-me"],
        &[],
        "{\"command\": \"delete\"}\n{\"choice\": \"delete_confirm\"}",
        &root(),
    );
    assert_eq!(code, 0);
    assert!(out.contains("has been deleted"), "{out}");
    {
        let store = Store::open(data.path(), dev_key.clone()).unwrap();
        assert!(store.load_session(&erased_subject).unwrap().is_none());
        assert!(store.intakes(&erased_subject).unwrap().is_empty());
        assert!(!store.subjects().unwrap().contains(&erased_subject));
        let kept = store.subject("console", "keep-me");
        assert_eq!(store.intakes(&kept).unwrap().len(), 1);
    }
    // Rotate: afterwards no file holds any old wrapped key (the erased survivor's included).
    let (code, out, err) =
        run_bin(&["keys", "rotate", "--new-key-file", new_key.to_str().unwrap(), "--data-dir", d], &[], "", &root());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("rotated:"), "{out}");
    for (_, w) in &wrapped {
        assert!(grep_dir(data.path(), &w[2..34]).is_empty(), "an old wrapped key survived rotation");
    }
    // Every other record opens under the new key only.
    let new = clearpath::store::keyfile::read_file(&new_key).unwrap();
    assert!(matches!(Store::open(data.path(), dev_key), Err(StoreError::WrongKey)));
    let store = Store::open(data.path(), new).unwrap();
    let kept = store.subject("console", "keep-me");
    assert_eq!(store.intakes(&kept).unwrap().len(), 1);
    assert!(store.load_session(&kept).unwrap().is_some());
    assert!(store.load_session(&erased_subject).unwrap().is_none());
}

/// Rotation killed with SIGKILL at each of its stages in turn, then run again to success.
#[test]
fn rotation_survives_a_kill_at_every_stage() {
    for stage in ["meta", "keys", "records", "built", "ready", "retired", "swapped"] {
        let keys = tempfile::tempdir().unwrap();
        let new_key = key_file(keys.path(), "new.key");
        let old_key = key_file(keys.path(), "old.key");
        let data = tempfile::tempdir().unwrap();
        let d = data.path().to_str().unwrap();
        let old_env = [("CLEARPATH_MASTER_KEY_FILE", old_key.to_str().unwrap())];
        let (code, _, err) = run_bin(
            &["chat", "--json", "--data-dir", d, "--session", "s"],
            &old_env,
            &FULL_INTAKE[..16].join("\n"),
            &root(),
        );
        assert_eq!(code, 0, "{err}");
        let old = old_pseudonyms(data.path(), &clearpath::store::keyfile::read_file(&old_key).unwrap(), &["s"]);

        // Start a rotation that stops at `stage`, and kill it there.
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_clearpath"))
            .args(["keys", "rotate", "--new-key-file", new_key.to_str().unwrap(), "--data-dir", d])
            .env("CLEARPATH_MASTER_KEY_FILE", &old_key)
            .env("CLEARPATH_PAUSE_AT", format!("rotate:{stage}"))
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let mut line = String::new();
        std::io::BufRead::read_line(&mut std::io::BufReader::new(child.stderr.as_mut().unwrap()), &mut line).unwrap();
        assert_eq!(line.trim(), format!("paused at rotate:{stage}"));
        let status = std::process::Command::new("kill").args(["-9", &child.id().to_string()]).status().unwrap();
        assert!(status.success());
        child.wait().unwrap();

        // Run it again: it finishes.
        let (code, out, err) = run_bin(
            &["keys", "rotate", "--new-key-file", new_key.to_str().unwrap(), "--data-dir", d],
            &old_env,
            "",
            &root(),
        );
        assert_eq!(code, 0, "stage {stage}: {err}");
        assert!(out.starts_with("rotated") || out.starts_with("already rotated"), "stage {stage}: {out}");
        assert!(
            !data.path().join("store.new").exists() && !data.path().join("store.old").exists(),
            "stage {stage}: leftovers"
        );

        // Every pseudonym moved, whichever stage the first run died at.
        assert_unlinkable(data.path(), &old);

        // The conversation resumes under the new key, at the same question.
        let new_env = [("CLEARPATH_MASTER_KEY_FILE", new_key.to_str().unwrap())];
        let (code, out, err) = run_bin(
            &["chat", "--json", "--data-dir", d, "--session", "s"],
            &new_env,
            r#"{"choice": "resume"}"#,
            &root(),
        );
        assert_eq!(code, 0, "stage {stage}: {err}");
        assert!(out.lines().last().unwrap().contains("\"step\":\"case_outcome\""), "stage {stage}: {out}");
    }
}

/// What whoever held an older master key can compute about the given console chats: their
/// pseudonyms then, the ids of their cases (intake and referral keys), and every 32-byte part of
/// every record key of the database as it was. Worked out on a copy, as such a holder would.
fn old_pseudonyms(data: &Path, key: &Key, chats: &[&str]) -> Vec<[u8; 32]> {
    let copy = tempfile::tempdir().unwrap();
    let status = std::process::Command::new("cp")
        .args(["-a", data.join("store").to_str().unwrap(), copy.path().to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    let mut out = Vec::new();
    let store = Store::open(copy.path(), key.clone()).unwrap();
    for chat in chats {
        let s = store.subject("console", chat);
        out.push(hex::decode(s.to_hex()).unwrap().try_into().unwrap());
        assert!(store.load_session(&s).unwrap().is_some(), "the premise: the old key finds the chat's session");
        for i in store.intakes(&s).unwrap() {
            out.push(store.service_id("intake", &i.code));
            out.push(store.service_id("case", &i.code));
        }
    }
    drop(store);
    with_raw_sled(copy.path(), |db| {
        for name in db.tree_names() {
            for k in db.open_tree(&name).unwrap().iter().keys() {
                let k = k.unwrap();
                for part in k.chunks_exact(32) {
                    out.push(part.try_into().unwrap());
                }
            }
        }
    });
    out
}

/// No record key of the database holds any of `old` anywhere in it.
fn assert_unlinkable(data: &Path, old: &[[u8; 32]]) {
    with_raw_sled(data, |db| {
        for name in db.tree_names() {
            for k in db.open_tree(&name).unwrap().iter().keys() {
                let k = k.unwrap();
                let linked = k.windows(32).any(|w| old.iter().any(|o| o == w));
                assert!(!linked, "tree {:?}: a key the old master key can compute", String::from_utf8_lossy(&name));
            }
        }
    });
}

fn referral(code: &str, who: &clearpath::store::Subject) -> clearpath::referral::Referral {
    clearpath::referral::Referral {
        code: code.into(),
        subject: who.to_hex(),
        jurisdictions: vec!["NY".into()],
        state: clearpath::referral::CaseState::Waiting,
        holder: None,
        offered_at: None,
        tried: vec![],
        triage: "triage".into(),
        sealed: None,
        created_at: "2026-11-25T00:00:00Z".parse().unwrap(),
        accepted_at: None,
        closed_at: None,
        reminded: false,
        addenda: vec![],
    }
}

/// Issue 16, item 5: after `keys rotate` no record is where the old keys would look for it, yet
/// the same chat finds its conversation, a case its intake, and `/delete` still erases.
#[test]
fn rotation_moves_every_pseudonym_out_of_reach_of_the_old_key() {
    let keys = tempfile::tempdir().unwrap();
    let old_key = key_file(keys.path(), "old.key");
    let new_key = key_file(keys.path(), "new.key");
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let old_env = [("CLEARPATH_MASTER_KEY_FILE", old_key.to_str().unwrap())];
    let new_env = [("CLEARPATH_MASTER_KEY_FILE", new_key.to_str().unwrap())];
    let chat = |session: &str, env: &[(&str, &str)], input: &str| {
        let (code, out, err) = run_bin(&["chat", "--json", "--data-dir", d, "--session", session], env, input, &root());
        assert_eq!(code, 0, "{err}");
        out
    };
    chat("done", &old_env, &FULL_INTAKE.join("\n"));
    chat("midway", &old_env, &FULL_INTAKE[..16].join("\n"));
    // A case on the desk for the completed intake (a service record pointing at the survivor).
    let old_master = clearpath::store::keyfile::read_file(&old_key).unwrap();
    let code = {
        let store = Store::open(data.path(), old_master.clone()).unwrap();
        let who = store.subject("console", "done");
        let code = store.intakes(&who).unwrap().pop().unwrap().code;
        store
            .service_put(clearpath::store::TREE_REFERRALS, &store.service_id("case", &code), &referral(&code, &who))
            .unwrap();
        store.flush().unwrap();
        code
    };
    crate::support::wait_unlocked(data.path());
    let old = old_pseudonyms(data.path(), &old_master, &["done", "midway"]);

    let (code_, out, err) = run_bin(
        &["keys", "rotate", "--new-key-file", new_key.to_str().unwrap(), "--data-dir", d],
        &old_env,
        "",
        &root(),
    );
    assert_eq!(code_, 0, "{err}");
    assert!(out.starts_with("rotated:"), "{out}");
    assert_unlinkable(data.path(), &old);

    // The conversation in progress resumes at the same question.
    let out = chat("midway", &new_env, r#"{"choice": "resume"}"#);
    assert!(out.lines().last().unwrap().contains("\"step\":\"case_outcome\""), "{out}");
    // The case finds its survivor's intake through the moved pseudonym in its referral.
    {
        let store = Store::open(data.path(), clearpath::store::keyfile::read_file(&new_key).unwrap()).unwrap();
        let r: clearpath::referral::Referral = store
            .service_get(clearpath::store::TREE_REFERRALS, &store.service_id("case", &code))
            .unwrap()
            .expect("the referral under the case's new id");
        let who = clearpath::store::Subject::from_hex(&r.subject).unwrap();
        assert_eq!(who, store.subject("console", "done"));
        assert_eq!(store.load_intake(&who, &code).unwrap().unwrap().code, code);
    }
    crate::support::wait_unlocked(data.path());
    // `/delete` still erases everything of that chat.
    let out = chat("done", &new_env, "{\"command\": \"delete\"}\n{\"choice\": \"delete_confirm\"}");
    assert!(out.contains("has been deleted"), "{out}");
    let store = Store::open(data.path(), clearpath::store::keyfile::read_file(&new_key).unwrap()).unwrap();
    let who = store.subject("console", "done");
    assert!(store.load_session(&who).unwrap().is_none());
    assert!(store.intakes(&who).unwrap().is_empty());
    assert!(!store.subjects().unwrap().contains(&who));
}

/// Two rotations: the chain has two links; neither older key computes where a record is now.
#[test]
fn two_rotations_in_a_row_chain_the_pseudonyms() {
    let keys = tempfile::tempdir().unwrap();
    let k: Vec<PathBuf> = (1..=3).map(|i| key_file(keys.path(), &format!("k{i}.key"))).collect();
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let env = |i: usize| [("CLEARPATH_MASTER_KEY_FILE", k[i].to_str().unwrap())];
    let master = |i: usize| clearpath::store::keyfile::read_file(&k[i]).unwrap();
    let (code, _, err) = run_bin(
        &["chat", "--json", "--data-dir", d, "--session", "s"],
        &env(0),
        &FULL_INTAKE[..16].join("\n"),
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    let mut old = old_pseudonyms(data.path(), &master(0), &["s"]);
    for (i, next) in k.iter().enumerate().skip(1) {
        let (code, out, err) = run_bin(
            &["keys", "rotate", "--new-key-file", next.to_str().unwrap(), "--data-dir", d],
            &env(i - 1),
            "",
            &root(),
        );
        assert_eq!(code, 0, "{err}");
        assert!(out.starts_with("rotated:"), "{out}");
        assert_unlinkable(data.path(), &old);
        old.extend(old_pseudonyms(data.path(), &master(i), &["s"]));
    }
    let (code, out, err) =
        run_bin(&["chat", "--json", "--data-dir", d, "--session", "s"], &env(2), r#"{"choice": "resume"}"#, &root());
    assert_eq!(code, 0, "{err}");
    assert!(out.lines().last().unwrap().contains("\"step\":\"case_outcome\""), "{out}");
}

#[test]
fn retention_purges_abandoned_and_delivered_and_undelivered_cases_only_after_the_waiting_period() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let t0: jiff::Timestamp = "2026-01-01T00:00:00Z".parse().unwrap();
    let day = jiff::SignedDuration::from_hours(24);
    let mk = |chat: &str, status: clearpath::engine::Status, updated: jiff::Timestamp| {
        let s = store.subject("t", chat);
        let mut sess = session(chat);
        sess.status = status;
        sess.updated_at = updated;
        store.save_session(&s, &sess).unwrap();
        s
    };
    use clearpath::engine::Status::*;
    let abandoned = mk("abandoned", Paused, t0);
    let recent = mk("recent", Active, t0 + day * 20);
    let undelivered = mk("undelivered", Submitted, t0);
    let delivered_long_ago = mk("delivered", Submitted, t0);
    let intake = |code: &str, delivered: Option<jiff::Timestamp>| Intake {
        code: code.into(),
        flow_id: "intake".into(),
        flow_hash: String::new(),
        locale: "en".into(),
        answers: BTreeMap::new(),
        submitted_at: t0,
        delivered_at: delivered,
        contact_chat: None,
        addenda: vec![],
        early: false,
    };
    store.save_intake(&undelivered, &intake("UNDELIV1", None)).unwrap();
    store.save_intake(&delivered_long_ago, &intake("DELIVER1", Some(t0 + day * 2))).unwrap();
    let now = t0 + day * 31;
    let p = store.purge(now, &Retention::default()).unwrap();
    assert!(store.load_session(&abandoned).unwrap().is_none());
    assert!(store.load_session(&recent).unwrap().is_some());
    assert!(store.load_session(&undelivered).unwrap().is_some());
    assert_eq!(store.intakes(&undelivered).unwrap().len(), 1, "an undelivered case is never purged");
    assert!(store.intakes(&delivered_long_ago).unwrap().is_empty());
    assert!(store.load_session(&delivered_long_ago).unwrap().is_none());
    assert_eq!((p.sessions, p.intakes, p.subjects_erased), (2, 1, 2));
    // Nobody took the undelivered case on in 60 days: it goes too (the case desk, when there is
    // one, has deleted it first and told those concerned).
    let p = store.purge(t0 + day * 61, &Retention::default()).unwrap();
    assert!(store.intakes(&undelivered).unwrap().is_empty());
    // (The "recent" conversation is abandoned by then too.)
    assert_eq!((p.intakes, p.subjects_erased), (1, 2));
}

#[test]
fn a_finished_session_whose_replies_are_still_queued_is_kept_until_they_leave() {
    // Found by the soak run: an attorney accepted a case (its readable intake deleted), the
    // survivor's last replies were still waiting out a 429, and the bot restarted: the purge
    // removed the finished session, and with it the mark that its last input was applied, so the
    // replies were dropped as if their input had never been applied ("Thank you" never came).
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let s = store.subject("telegram", "776000001");
    let now: jiff::Timestamp = "2026-03-01T00:00:00Z".parse().unwrap();
    let mut sess = session("776000001");
    sess.status = clearpath::engine::Status::Submitted;
    sess.updated_at = now;
    sess.last_input = Some((41, now));
    store.save_session(&s, &sess).unwrap();
    let reply = clearpath::store::OutboxEntry {
        chat: "776000001".into(),
        created_at: now,
        attempts: 0,
        transient: 0,
        not_before: None,
        payload: serde_json::json!({ "op": "send", "text": "Thank you", "protect": true }),
        input: Some(41),
    };
    store.enqueue(&s, &[reply]).unwrap();
    store.purge(now, &Retention::default()).unwrap();
    assert!(store.load_session(&s).unwrap().is_some(), "the session went while its replies waited");
    assert_eq!(store.drop_unapplied().unwrap(), 0, "an applied input's reply was dropped");
    assert_eq!(store.outbox_keys_of(&s).unwrap().len(), 1);
    // Once sent, the finished session goes.
    let keys = store.outbox_keys_of(&s).unwrap();
    store.outbox_done(&s, &keys, &[]).unwrap();
    store.purge(now, &Retention::default()).unwrap();
    assert!(store.load_session(&s).unwrap().is_none());
}

/// `clearpath purge` reaches a running chat through its control socket.
#[test]
fn purge_works_while_a_chat_holds_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    let mut chat = std::process::Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .args(["chat", "--json", "--data-dir", d])
        .current_dir(root())
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut first = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(chat.stdout.as_mut().unwrap()), &mut first).unwrap();
    assert!(first.contains("language"));
    let (code, out, err) = run_bin(&["purge", "--data-dir", d], &[], "", &root());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("purged "), "{out}");
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(dir.path().join("control.sock")).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    drop(chat.stdin.take());
    chat.wait().unwrap();
}

#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct NoteV1 {
    text: String,
}
impl Record for NoteV1 {
    const TREE: &'static str = "sessions";
    const VERSION: u16 = 1;
}
#[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
struct NoteV2 {
    text: String,
    lang: String,
}
impl Record for NoteV2 {
    const TREE: &'static str = "sessions";
    const VERSION: u16 = 2;
    fn migrate(from: u16, mut value: serde_json::Value) -> Result<serde_json::Value, String> {
        match from {
            1 => {
                value["lang"] = "en".into();
                Ok(value)
            }
            _ => Err(format!("unknown version {from}")),
        }
    }
}

#[test]
fn an_older_record_is_read_after_a_version_bump() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let s = store.subject("t", "v");
    store.put(&s, b"note", &NoteV1 { text: "hi".into() }).unwrap();
    let read: NoteV2 = store.get(&s, b"note").unwrap().unwrap();
    assert_eq!(read, NoteV2 { text: "hi".into(), lang: "en".into() });
    // The reverse (a newer record read by an older program) is refused, not misread.
    store.put(&s, b"note2", &NoteV2 { text: "x".into(), lang: "es".into() }).unwrap();
    assert!(matches!(store.get::<NoteV1>(&s, b"note2"), Err(StoreError::Version { version: 2, .. })));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn sealing_round_trips_and_never_repeats(plain in prop::collection::vec(any::<u8>(), 0..2048), tree in "[a-z]{1,8}", key in prop::collection::vec(any::<u8>(), 0..40)) {
        use clearpath::store::crypto::{aad, open, seal};
        let k = Key::generate();
        let ad = aad(&tree, &key, 1);
        let a = seal(&k, &ad, &plain);
        let b = seal(&k, &ad, &plain);
        prop_assert_ne!(&a, &b);
        prop_assert_eq!(open(&k, &ad, &a).unwrap(), plain.clone());
        // Any other tree, key or version fails to open.
        prop_assert!(open(&k, &aad(&tree, &key, 2), &a).is_err());
        let mut other = key.clone();
        other.push(0);
        prop_assert!(open(&k, &aad(&tree, &other, 1), &a).is_err());
        prop_assert!(open(&Key::generate(), &ad, &a).is_err());
    }
}

#[test]
fn writers_racing_on_a_new_survivor_share_one_data_key() {
    // Several threads write the first records of the same new survivors at once (a session and
    // intakes). Each survivor must end with one data key that opens every record, after a
    // restart too (no record sealed under a key another writer replaced).
    let dir = tempfile::tempdir().unwrap();
    let key = Key::generate();
    let names: Vec<String> = (0..100).map(|i| format!("racer-{i}")).collect();
    {
        let store = Store::open(dir.path(), key.clone()).unwrap();
        let subjects: Vec<_> = names.iter().map(|n| store.subject("test", n)).collect();
        std::thread::scope(|scope| {
            for t in 0..4 {
                let (store, subjects) = (&store, &subjects);
                scope.spawn(move || {
                    for s in subjects {
                        if t == 0 {
                            store.save_session(s, &session("racer")).unwrap();
                        } else {
                            let intake = Intake {
                                code: format!("CODE{t}"),
                                flow_id: "intake".into(),
                                flow_hash: String::new(),
                                locale: "en".into(),
                                answers: Default::default(),
                                submitted_at: "2026-11-25T00:00:00Z".parse().unwrap(),
                                delivered_at: None,
                                contact_chat: None,
                                addenda: vec![],
                                early: false,
                            };
                            store.save_intake(s, &intake).unwrap();
                        }
                    }
                });
            }
        });
    }
    crate::support::wait_unlocked(dir.path());
    let store = Store::open(dir.path(), key).unwrap();
    for n in &names {
        let s = store.subject("test", n);
        assert!(store.load_session(&s).unwrap().is_some(), "{n}: session");
        let codes: Vec<String> = store.intakes(&s).unwrap().into_iter().map(|i| i.code).collect();
        assert_eq!(codes.len(), 3, "{n}: intakes {codes:?}");
    }
}

#[test]
fn a_redelivered_update_is_recognised_by_the_session_mark_only_while_it_is_recent() {
    use clearpath::app::App;
    let now: jiff::Timestamp = "2026-11-25T12:00:00Z".parse().unwrap();
    let mut s = session("x");
    assert!(!App::already_applied(&s, 7, now), "no mark yet");
    s.last_input = Some((100, now - jiff::SignedDuration::from_hours(1)));
    assert!(App::already_applied(&s, 100, now), "the last update itself");
    assert!(App::already_applied(&s, 95, now), "an earlier update of the same chat");
    assert!(!App::already_applied(&s, 101, now), "a new update");
    // Telegram picks update ids at random after a week without updates: an old mark says nothing.
    s.last_input = Some((100, now - jiff::SignedDuration::from_hours(24 * 8)));
    assert!(!App::already_applied(&s, 42, now), "a mark older than six days");
}

#[test]
fn replies_to_an_input_not_applied_before_a_crash_are_dropped_at_start_up() {
    use clearpath::channel::telegram::{entries, Payload};
    use clearpath::store::Change;
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let now: jiff::Timestamp = "2026-11-25T12:00:00Z".parse().unwrap();
    let reply = |chat: i64| entries(chat, now, [Payload::Send { text: "next".into(), buttons: vec![], protect: true }]);
    // A crash came after this input's replies were written and before its session: what sled
    // recovers is a prefix of the writes, and this is the prefix that ends there.
    let lost = store.subject("telegram", "1");
    store.commit(&lost, Change { outbox: reply(1), input: Some(50), ..Default::default() }).unwrap();
    // Applied: the session carries the input's mark ...
    let marked = store.subject("telegram", "2");
    let mut s = session("x");
    s.last_input = Some((60, now));
    store
        .commit(&marked, Change { session: Some(&s), outbox: reply(2), input: Some(60), ..Default::default() })
        .unwrap();
    // ... while the same survivor's next input, 61, was lost like the first one.
    store.commit(&marked, Change { outbox: reply(2), input: Some(61), ..Default::default() }).unwrap();
    // ... or the inbox has it (an update that left no session) ...
    let seen = store.subject("telegram", "3");
    let inbox = Some((70, now + jiff::SignedDuration::from_hours(24)));
    store.commit(&seen, Change { inbox, outbox: reply(3), ..Default::default() }).unwrap();
    // ... and the case desk's deliveries answer no input at all.
    let desk = store.subject("telegram", "4");
    store.enqueue(&desk, &reply(4)).unwrap();
    assert_eq!(store.outbox_keys().unwrap().len(), 5);
    assert_eq!(store.drop_unapplied().unwrap(), 2);
    let left: Vec<_> = store.outbox_keys().unwrap().into_iter().map(|(s, _)| s).collect();
    assert!(!left.contains(&lost), "the reply to the lost input is still queued");
    for s in [marked, seen, desk] {
        assert_eq!(left.iter().filter(|l| **l == s).count(), 1);
    }
    // Nothing more to drop the second time.
    assert_eq!(store.drop_unapplied().unwrap(), 0);
}
