//! Revocation sticks: a revoked attorney (name, chat, key) receives nothing again, not even what
//! was already queued for them, unless an administrator adds them again with a new key; a config
//! that still names them starts without them and tells the administrators.

use crate::attorneys::{admin, attorney, documents, reply_to, triage, Keys};
use crate::botapi::Double;
use crate::telegram::{full_intake, Bot};
use std::time::Duration;

const SURVIVOR: i64 = 774_055_123;
const A: i64 = 774_066_101;
const A2: i64 = 774_066_102;
const ADMIN: i64 = 774_066_909;

#[test]
fn a_revoked_attorney_receives_nothing_again_unless_added_again_with_a_new_key() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(2);
    let extra = format!("admins = [{ADMIN}]\n{}", attorney("Ana A", A, &keys.public(0), "\"*\"", true));
    let stranger = {
        // What a chat that is no attorney's gets for /cases, from a bot with no attorneys.
        let d0 = Double::start();
        let dir0 = tempfile::tempdir().unwrap();
        let b = Bot::start(&d0, dir0.path(), "");
        let s = reply_to(&d0, 5999, "/cases");
        b.stop();
        s
    };
    // The case file to Ana fails for a while: it is still queued when she is revoked.
    d.fail_chat("senddocument", A, &[(500, None); 30]);
    let bot = Bot::start(&d, dir.path(), &extra);
    full_intake(&d, SURVIVOR, "en");
    d.wait_for(A, 30, "the triage message", |m| triage(m).is_some());
    let (rc, out, err) = admin(dir.path(), &["attorney", "revoke", "Ana A"]);
    assert_eq!(rc, 0, "{out}{err}");
    let seen_by_a = d.messages(A).len();
    d.state.0.lock().unwrap().fail.clear();
    std::thread::sleep(Duration::from_secs(7));
    assert!(documents(&d.messages(A)).is_empty(), "the queued case file reached a revoked attorney");
    assert_eq!(d.messages(A).len(), seen_by_a, "something reached a revoked attorney");
    // The same key cannot be invited again.
    let (rc, _, err) = admin(
        dir.path(),
        &["attorney", "invite", "--name", "Ana A", "--jurisdictions", "NY", "--recipient", &keys.public(0)],
    );
    assert_ne!(rc, 0);
    assert!(err.contains("revoked"), "{err}");
    // Added again with a new key, from a new chat: the waiting case goes to that key only.
    let (rc, out, err) = admin(
        dir.path(),
        &["attorney", "invite", "--name", "Ana A", "--jurisdictions", "NY", "--recipient", &keys.public(1)],
    );
    assert_eq!(rc, 0, "{out}{err}");
    let code = out.split("/enroll ").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    assert!(reply_to(&d, A2, &format!("/enroll {code}")).starts_with("Welcome, Ana A"));
    let (rc, out, err) = admin(dir.path(), &["cases", "sweep"]);
    assert_eq!(rc, 0, "{out}{err}");
    let msgs = d.wait_for(A2, 30, "the case for the new key", |m| triage(m).is_some() && !documents(m).is_empty());
    let sealed = documents(&msgs).pop().unwrap().1;
    assert!(clearpath::handoff::open(&keys.ids[1], sealed.as_bytes()).is_ok());
    assert!(clearpath::handoff::open(&keys.ids[0], sealed.as_bytes()).is_err(), "the revoked key opens nothing new");
    assert_eq!(d.messages(A).len(), seen_by_a, "the old chat got something");
    // The settings still name Ana with her old chat and key: the next start leaves them out and
    // tells the administrators.
    bot.stop();
    let bot = Bot::start(&d, dir.path(), &extra);
    d.wait_for(ADMIN, 20, "the alert about the settings", |m| {
        m.iter().any(|m| m.text.starts_with("The settings name attorney Ana A, whose access was revoked"))
    });
    assert_eq!(reply_to(&d, A, "/cases"), stranger, "the old chat is no attorney's any more");
    assert!(reply_to(&d, A2, "/cases").contains("offered"), "the new one holds the case");
    bot.stop();
}
