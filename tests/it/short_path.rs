//! The short path through the real bot (`clearpath serve` against the Bot API double): ten
//! prompts to "Send this now", the case reaching the attorney with what was not reached listed,
//! and, when the survivor comes back and tells more, one sealed addendum to the same attorney,
//! recorded in the audit log, never a second case.

use crate::attorneys::{admin, attorney, documents, triage, Keys};
use crate::botapi::Double;
use crate::cli::FULL_INTAKE;
use crate::telegram::{act, Bot};
use std::time::Duration;

const SURVIVOR: i64 = 770_077_131;
const A: i64 = 770_077_201;
const ADMIN: i64 = 770_077_909;

fn open_with(id: &age::x25519::Identity, sealed: &str) -> Option<String> {
    clearpath::handoff::open(id, sealed.as_bytes()).ok().map(|b| String::from_utf8(b).unwrap())
}

#[test]
fn a_case_sent_early_lists_what_was_not_reached_and_what_is_told_later_arrives_as_one_addendum() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(2);
    let extra = format!("admins = [{ADMIN}]\n{}", attorney("Ana A", A, &keys.public(0), "\"NY\"", true));
    let bot = Bot::start(&d, dir.path(), &extra);

    d.send_text(SURVIVOR, "/start", "en");
    d.wait_for(SURVIVOR, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // The consent says how long each way takes, from the flow as it is.
    // The short path, as a survivor with three minutes walks it: the whole intake's first nine
    // inputs, every prompt up to the checkpoint.
    for (i, l) in FULL_INTAKE[..9].iter().enumerate() {
        if i == 3 {
            let consent = d.last_bot(SURVIVOR).unwrap();
            assert!(consent.text.contains("It takes about 3 minutes"), "{}", consent.text);
            assert!(consent.text.contains("Telling everything takes about 9 minutes"), "{}", consent.text);
        }
        act(&d, SURVIVOR, "en", l);
    }

    // The tenth prompt: what was told, then send now or tell more, with how much more.
    let cp = d.last_bot(SURVIVOR).unwrap();
    assert!(cp.text.contains("Question 10 of about 33"), "{}", cp.text);
    assert!(cp.text.contains("Canary-Time-6610") && cp.text.contains("New York"), "the answers so far: {}", cp.text);
    let labels: Vec<&str> = cp.buttons.iter().map(|b| b.0.as_str()).collect();
    assert!(labels.contains(&"Send this now"), "{labels:?}");
    assert!(labels.contains(&"Tell you more (about 23 questions, 6 minutes)"), "{labels:?}");
    act(&d, SURVIVOR, "en", r#"{"choice": "send_now"}"#);
    let end = d.last_bot(SURVIVOR).unwrap();
    assert!(end.text.starts_with("Thank you. What you told us has been sent."), "{}", end.text);

    // The attorney gets the case: sealed to their key, saying it was sent early and what was not
    // reached, screened on what is known.
    let msgs = d.wait_for(A, 30, "the case for attorney A", |m| triage(m).is_some() && !documents(m).is_empty());
    let t = triage(&msgs).unwrap();
    let code = t.buttons.iter().find(|b| b.1.starts_with("a:")).unwrap().1[2..].to_string();
    let (name, sealed) = documents(&msgs).pop().unwrap();
    assert_eq!(name, format!("case-{code}.md.age"));
    let plain = open_with(&keys.ids[0], &sealed).expect("A's key opens the case");
    assert!(open_with(&keys.ids[1], &sealed).is_none());
    assert!(plain.contains("**Sent early**"), "{plain}");
    let not_reached = plain.split("## Not reached (sent early, not asked)").nth(1).expect("a Not reached section");
    let not_reached = not_reached.split("\n## ").next().unwrap();
    for q in ["Case 1: How it ended", "Case 1: When arrested", "Name to use", "Citizenship"] {
        assert!(not_reached.contains(q), "{q} is not reached: {not_reached}");
    }
    // What was answered is not among them, and "not reached" is never "don't know".
    for q in ["Safe times", "Case 1: State", "Still in the situation"] {
        assert!(!not_reached.contains(q), "{q} was answered: {not_reached}");
    }
    assert!(plain.contains("Canary-Time-6610"), "{plain}");
    assert!(plain.contains("Case 1 · New York"), "screened on what is known: {plain}");
    assert!(plain.contains("Preliminary screening, not legal advice."));
    // The answers for import say it too, by key.
    assert!(plain.contains("\"sent_early\": true") && plain.contains("\"case_outcome#0\""), "{plain}");

    // Later, the survivor comes back: what was sent is said, and they can tell more.
    d.send_text(SURVIVOR, "/start", "en");
    let back = d.wait_for(SURVIVOR, 20, "the welcome back", |m| {
        m.iter().any(|m| m.from_bot && m.text.contains("What you told us before has been sent"))
    });
    assert!(back.iter().any(|m| m.buttons.iter().any(|b| b.0 == "Tell you more")), "{back:#?}");
    act(&d, SURVIVOR, "en", r#"{"choice": "resume"}"#);
    let q = d.last_bot(SURVIVOR).unwrap();
    assert!(
        q.text.starts_with("Would you like to set a code?"),
        "they go on where \"Tell you more\" leads: {}",
        q.text
    );
    for l in [
        r#"{"choice": "no_code"}"#,
        r#"{"text": "Canary-Name-7731"}"#,
        r#"{"choice": "what_happened"}"#,
        r#"{"choice": "all"}"#,
        r#"{"text": "Canary-County-5521"}"#,
        r#"{"text": "Canary-Charge-9043"}"#,
        r#"{"choice": "conviction"}"#,
    ] {
        act(&d, SURVIVOR, "en", l);
    }
    // Every question after the checkpoint offers to send what was told.
    let q = d.last_bot(SURVIVOR).unwrap();
    assert!(q.buttons.iter().any(|b| b.0 == "Send what I've told you"), "{q:#?}");
    act(&d, SURVIVOR, "en", r#"{"choice": "send_now"}"#);
    assert!(d.last_bot(SURVIVOR).unwrap().text.starts_with("Thank you. What you told us has been sent."));

    // The same attorney gets one addendum, sealed the same way; no second case.
    d.wait_for(A, 30, "the addendum", |m| documents(m).len() >= 2);
    std::thread::sleep(Duration::from_millis(500));
    let msgs = d.messages(A).into_iter().filter(|m| m.from_bot).collect::<Vec<_>>();
    let docs = documents(&msgs);
    assert_eq!(docs.len(), 2, "the case and one addendum: {docs:?}");
    let (name, sealed) = docs.last().unwrap().clone();
    assert_eq!(name, format!("case-{code}-addendum-1.md.age"));
    let add = open_with(&keys.ids[0], &sealed).expect("A's key opens the addendum");
    assert!(open_with(&keys.ids[1], &sealed).is_none(), "sealed to A only");
    assert!(add.starts_with(&format!("# Addendum 1 to case {code}")), "{add}");
    let new_part = add.split("The whole case as now known follows").next().unwrap();
    for told in ["Canary-Name-7731", "Canary-County-5521", "Canary-Charge-9043", "How it ended"] {
        assert!(new_part.contains(told), "{told} is new: {new_part}");
    }
    assert!(!new_part.contains("Canary-Time-6610"), "what was sent before is not new: {new_part}");
    // The whole case follows, screened again; what is still not reached is listed.
    assert!(add.contains(&format!("# Referral {code}")) && add.contains("Case 1: When arrested"), "{add}");
    assert_eq!(msgs.iter().filter(|m| triage(std::slice::from_ref(m)).is_some()).count(), 1, "one offer, one case");
    let (rc, out, _) = admin(dir.path(), &["cases", "list"]);
    assert_eq!(rc, 0);
    assert_eq!(out.matches("Ana A").count(), 1, "one case: {out}");
    assert!(out.contains(&code), "{out}");
    // /case sends the case and its addendum again.
    let before = documents(&d.messages(A)).len();
    d.send_text(A, &format!("/case {code}"), "en");
    let again = d.wait_for(A, 20, "the files again", |m| documents(m).len() >= before + 2);
    let names: Vec<String> = documents(&again).into_iter().skip(before).map(|(n, _)| n).collect();
    assert_eq!(names, [format!("case-{code}.md.age"), format!("case-{code}-addendum-1.md.age")]);

    bot.stop();
    // The audit log: the offer, then the addendum, to the same attorney.
    let data = dir.path().join("data");
    crate::support::wait_unlocked(&data);
    let key = clearpath::store::keyfile::read_file(&dir.path().join("master.key")).unwrap();
    let store = clearpath::store::Store::open(&data, key).unwrap();
    let counts = clearpath::audit::event_counts(&store).unwrap();
    assert_eq!(counts.get("offered"), Some(&1), "{counts:?}");
    assert_eq!(counts.get("addendum"), Some(&1), "{counts:?}");
    assert_eq!(counts.values().sum::<u64>(), 2, "{counts:?}");
    assert!(clearpath::audit::verify(&store).is_ok());
    drop(store);
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    for canary in ["Canary", &SURVIVOR.to_string(), &A.to_string()] {
        assert!(!log.contains(canary), "the log must not contain {canary}");
    }
}
