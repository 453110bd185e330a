//! The audit log's head outside the database (issue 16, item 9), through the real bot and the
//! real binary: the head goes to the administrators' chats daily (the interval shortened for the
//! test) and on every revocation, and `audit verify --expect N:HASH` fails on a log cut from its
//! end or rewritten, and passes on the same or a longer one.

use crate::attorneys::{admin, attorney, Keys};
use crate::botapi::Double;
use crate::telegram::Bot;
use std::path::Path;

const ADMIN: i64 = 772_066_909;
const A: i64 = 772_066_101;

/// `audit verify`'s head: (number, hash).
fn head(dir: &Path) -> (u64, String) {
    let (rc, out, err) = admin(dir, &["audit", "verify"]);
    assert_eq!(rc, 0, "{out}{err}");
    let rest = out.split("head #").nth(1).unwrap_or_else(|| panic!("no head in {out}"));
    let (n, h) = rest.trim().split_once(' ').unwrap();
    (n.parse().unwrap(), h.to_string())
}

#[test]
fn the_audit_head_goes_to_the_administrators_and_verify_expect_catches_a_cut_log() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(2);
    let extra = format!("admins = [{ADMIN}]\n{}", attorney("Ana A", A, &keys.public(0), "\"*\"", true));
    let bot = Bot::start_with(&d, dir.path(), &extra, &[("CLEARPATH_TEST_AUDIT_HEAD_SECS", "2")]);
    crate::control_socket::socket_of(dir.path());

    // An invitation is entry #1; the next daily note carries it.
    let (rc, out, err) = admin(
        dir.path(),
        &["attorney", "invite", "--name", "Dee D", "--jurisdictions", "NY", "--recipient", &keys.public(1)],
    );
    assert_eq!(rc, 0, "{out}{err}");
    let (n1, h1) = head(dir.path());
    assert_eq!(n1, 1);
    d.wait_for(ADMIN, 30, "the daily audit head", |m| {
        m.iter().any(|m| m.text.contains(&format!("Audit log head (daily): #1 {h1}")))
    });

    // A revocation sends the head that includes it at once.
    let (rc, out, err) = admin(dir.path(), &["attorney", "revoke", "Ana A"]);
    assert_eq!(rc, 0, "{out}{err}");
    let (n2, h2) = head(dir.path());
    assert_eq!(n2, 2);
    let msgs = d.wait_for(ADMIN, 30, "the head after the revocation", |m| {
        m.iter().any(|m| m.text.contains(&format!("Audit log head (after a revocation): #2 {h2}")))
    });
    let note = msgs.iter().find(|m| m.text.contains("after a revocation")).unwrap();
    assert!(note.text.contains(&format!("clearpath audit verify --expect 2:{h2}")), "{}", note.text);

    // --expect: the same head passes, an earlier head of a longer log passes.
    for expect in [format!("2:{h2}"), format!("1:{h1}"), format!("#2 {}", h2.to_uppercase())] {
        let (rc, out, err) = admin(dir.path(), &["audit", "verify", "--expect", &expect]);
        assert_eq!(rc, 0, "{expect}: {out}{err}");
        assert!(out.contains("is the one noted"), "{out}");
    }
    // A head the log does not reach, or a different hash: not intact.
    let (rc, out, err) = admin(dir.path(), &["audit", "verify", "--expect", &format!("3:{h2}")]);
    assert_ne!(rc, 0, "{out}");
    assert!(err.contains("NOT intact") && err.contains("entries were removed from its end"), "{err}");
    let (rc, out, err) = admin(dir.path(), &["audit", "verify", "--expect", &format!("1:{h2}")]);
    assert_ne!(rc, 0, "{out}");
    assert!(err.contains("entry #1 is not the one noted earlier"), "{err}");
    let (rc, _, err) = admin(dir.path(), &["audit", "verify", "--expect", "2:nothex"]);
    assert_eq!(rc, 2, "a malformed head is a usage error: {err}");
    bot.stop();

    // The log cut from its end, as someone with the disk and the key could: still a clean chain,
    // so plain `verify` passes, but not against the head noted earlier.
    {
        use clearpath::store::{keyfile, Store, TREE_AUDIT};
        let master = keyfile::read_file(&dir.path().join("master.key")).unwrap();
        let store = Store::open(&dir.path().join("data"), master).unwrap();
        store.service_remove(TREE_AUDIT, &2u64.to_be_bytes()).unwrap();
        store.flush().unwrap();
    }
    std::thread::sleep(std::time::Duration::from_millis(500));
    let (rc, out, err) = admin(dir.path(), &["audit", "verify"]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("head #1 "), "{out}");
    let (rc, out, err) = admin(dir.path(), &["audit", "verify", "--expect", &format!("2:{h2}")]);
    assert_ne!(rc, 0, "{out}");
    assert!(err.contains("entry #2 was noted earlier, but the log ends at #1"), "{err}");
}
