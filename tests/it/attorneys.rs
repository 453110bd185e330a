//! Attorney hand-off through the real bot (`clearpath serve`) against the Bot API double, and the
//! real binary for the administrators' commands: routing, the triage message and the sealed
//! case file, decline, a lapsed offer, revocation, enrolment, acceptance, the audit log, and a
//! delivery that fails for a while across a restart.

use crate::botapi::{Double, Msg};
use crate::support::{root, run_bin};
use crate::telegram::{full_intake, Bot};
use std::path::Path;
use std::time::Duration;

// Distinctive chat ids, so that finding one in a log means a leak, not a coincidence.
const SURVIVOR: i64 = 770_055_123;
const A: i64 = 770_066_101;
const B: i64 = 770_066_202;
const C: i64 = 770_066_303;
const ADMIN: i64 = 770_066_909;

pub(crate) struct Keys {
    pub(crate) ids: Vec<age::x25519::Identity>,
}

impl Keys {
    pub(crate) fn new(n: usize) -> Keys {
        Keys { ids: (0..n).map(|_| age::x25519::Identity::generate()).collect() }
    }
    pub(crate) fn public(&self, i: usize) -> String {
        self.ids[i].to_public().to_string()
    }
}

pub(crate) fn attorney(name: &str, chat: i64, recipient: &str, jurisdictions: &str, default: bool) -> String {
    format!(
        "\n[[attorney]]\nname = {name:?}\nchat = {chat}\nrecipient = {recipient:?}\njurisdictions = [{jurisdictions}]\ndefault = {default}\n"
    )
}

/// Runs an admin command against the running bot (through its control socket).
pub(crate) fn admin(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let cfg = dir.join("clearpath.toml");
    let key = dir.join("master.key");
    run_bin(
        args,
        &[("CLEARPATH_CONFIG", cfg.to_str().unwrap()), ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap())],
        "",
        &root(),
    )
}

/// The newest triage message in an attorney's chat (the one with Accept/Decline buttons).
pub(crate) fn triage(msgs: &[Msg]) -> Option<Msg> {
    msgs.iter().rev().find(|m| m.from_bot && m.buttons.iter().any(|b| b.1.starts_with("a:"))).cloned()
}

pub(crate) fn documents(msgs: &[Msg]) -> Vec<(String, String)> {
    msgs.iter().filter_map(|m| m.document.clone()).collect()
}

fn open_with(id: &age::x25519::Identity, sealed: &str) -> Option<String> {
    clearpath::handoff::open(id, sealed.as_bytes()).ok().map(|b| String::from_utf8(b).unwrap())
}

/// What a chat that is not an attorney's gets for `/cases`: the unknown-command answer.
pub(crate) fn unknown_command_reply(d: &Double, chat: i64) -> String {
    reply_to(d, chat, "/cases")
}

/// Sends a text and returns the bot's next message in that chat.
pub(crate) fn reply_to(d: &Double, chat: i64, text: &str) -> String {
    let before = d.seq(chat);
    d.send_text(chat, text, "en");
    let msgs = d.wait_for(chat, 20, &format!("a reply to {text}"), |m| m.iter().any(|m| m.from_bot && m.seq > before));
    msgs.iter().filter(|m| m.from_bot && m.seq > before).min_by_key(|m| m.seq).unwrap().text.clone()
}

#[test]
fn a_case_reaches_an_attorney_sealed_and_moves_on_decline_lapse_and_revocation() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(4);
    let extra = format!(
        "admins = [{ADMIN}]\n\n[handoff]\noffer_hours = 1\n{}{}{}",
        attorney("Ana A", A, &keys.public(0), "\"NY\"", false),
        attorney("Ben B", B, &keys.public(1), "\"NJ\", \"NY\"", false),
        attorney("Cai C", C, &keys.public(2), "\"*\"", true),
    );
    let bot = Bot::start(&d, dir.path(), &extra);
    let stranger = unknown_command_reply(&d, 5999);

    full_intake(&d, SURVIVOR, "en");

    // The first attorney serving New York gets the triage message and the sealed file.
    let msgs = d.wait_for(A, 30, "the case for attorney A", |m| triage(m).is_some() && !documents(m).is_empty());
    let t = triage(&msgs).unwrap();
    let code = t.buttons.iter().find(|b| b.1.starts_with("a:")).unwrap().1[2..].to_string();
    assert!(t.text.contains(&format!("New referral {code}")), "{}", t.text);
    assert!(t.text.contains("NY") && t.text.contains("prostitution"), "{}", t.text);
    assert!(t.text.contains("Preliminary screening, not legal advice"), "{}", t.text);
    assert!(!t.text.contains("Canary"), "the triage message carries no personal data: {}", t.text);
    let (name, sealed) = documents(&msgs).pop().unwrap();
    assert_eq!(name, format!("case-{code}.md.age"));
    let doc_msg = msgs.iter().find(|m| m.document.is_some()).unwrap();
    assert!(!doc_msg.protect && !t.protect, "attorney messages can be saved");
    let plain = open_with(&keys.ids[0], &sealed).expect("A's identity opens A's file");
    assert!(plain.contains(&format!("# Referral {code}")), "{plain}");
    assert!(plain.contains("Canary-County-5521") && plain.contains("\"answers\""), "{plain}");
    assert!(plain.contains("Preliminary screening, not legal advice."));
    for other in [&keys.ids[1], &keys.ids[2], &keys.ids[3]] {
        assert!(open_with(other, &sealed).is_none(), "another identity must not open it");
    }
    // Stock `age -d -i key.txt` opens it too (CI installs age; skipped with a note elsewhere).
    let id_file = dir.path().join("a.key");
    std::fs::write(&id_file, format!("{}\n", secrecy::ExposeSecret::expose_secret(&keys.ids[0].to_string()))).unwrap();
    let case_file = dir.path().join(&name);
    std::fs::write(&case_file, &sealed).unwrap();
    match std::process::Command::new("age")
        .args(["-d", "-i", id_file.to_str().unwrap(), case_file.to_str().unwrap()])
        .output()
    {
        Ok(o) => {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            assert_eq!(String::from_utf8(o.stdout).unwrap(), plain);
        }
        Err(_) => eprintln!("note: the `age` tool is not installed here; .ci/run installs it"),
    }
    // And with `clearpath attorney open`, for attorneys without the age tool.
    let (rc, out, err) = run_bin(
        &["attorney", "open", case_file.to_str().unwrap(), "--identity", id_file.to_str().unwrap()],
        &[],
        "",
        &root(),
    );
    assert_eq!(rc, 0, "{err}");
    assert_eq!(out, plain);
    // The server holds no age identity: nothing it has can open the file.
    for entry in crate::store::walk(&dir.path().join("data")) {
        let bytes = std::fs::read(&entry).unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains("AGE-SECRET-KEY"), "{} holds an age identity", entry.display());
        // Nothing readable at rest: no answer, chat id, attorney name or case file.
        for canary in ["Canary", &SURVIVOR.to_string(), &A.to_string(), "Ana A", "BEGIN AGE", &code] {
            assert!(!text.contains(canary), "{canary} readable in {}", entry.display());
        }
    }

    // A declines with the button: the case goes to B, sealed to B's key only.
    d.press(A, t.id, &format!("n:{code}"), "en");
    d.wait_for(A, 20, "A's confirmation", |m| m.iter().any(|m| m.text.contains(&format!("You declined case {code}"))));
    let msgs = d.wait_for(B, 30, "the case for attorney B", |m| triage(m).is_some() && !documents(m).is_empty());
    let (_, sealed_b) = documents(&msgs).pop().unwrap();
    assert!(open_with(&keys.ids[1], &sealed_b).is_some());
    assert!(open_with(&keys.ids[0], &sealed_b).is_none(), "A, who declined, cannot open B's copy");
    d.send_text(B, "/cases", "en");
    d.wait_for(B, 20, "B's list", |m| m.iter().any(|m| m.text.contains(&code) && m.text.contains("offered")));

    // B does not answer: two hours later (time passed in, not waited for) it lapses to the
    // default attorney.
    let later = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(2)).to_string();
    let (rc, out, err) = admin(dir.path(), &["cases", "sweep", "--now", &later]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("1 offer(s) timed out"), "{out}");
    let msgs = d.wait_for(C, 30, "the case for attorney C", |m| triage(m).is_some() && !documents(m).is_empty());
    assert!(open_with(&keys.ids[2], &documents(&msgs).pop().unwrap().1).is_some());

    // Revoking B ends B's access at once: /cases now gets exactly what a stranger gets.
    let (rc, out, err) = admin(dir.path(), &["attorney", "revoke", "Ben B"]);
    assert_eq!(rc, 0, "{out}{err}");
    assert_eq!(unknown_command_reply(&d, B), stranger);
    // And a stranger's attorney commands change nothing.
    d.send_text(5999, &format!("/accept {code}"), "en");
    std::thread::sleep(Duration::from_millis(300));

    // C accepts: the survivor, who chose this chat, gets one neutral, protected message.
    d.send_text(C, &format!("/accept {code}"), "en");
    d.wait_for(C, 20, "C's confirmation", |m| m.iter().any(|m| m.text.contains(&format!("You accepted case {code}"))));
    let msgs = d.wait_for(SURVIVOR, 20, "the neutral notice", |m| m.iter().any(|m| m.text.starts_with("Hello again")));
    let notice = msgs.iter().find(|m| m.text.starts_with("Hello again")).unwrap();
    assert!(notice.protect);
    for word in ["attorney", "lawyer", "case", "record", "legal"] {
        assert!(!notice.text.to_lowercase().contains(word), "the notice must stay neutral: {}", notice.text);
    }

    // A command that comes again (as after a crash between its effect and the record of its
    // update) changes nothing: it is answered, and the audit log below has no second entry.
    assert_eq!(reply_to(&d, C, &format!("/accept {code}")), format!("You already accepted case {code}."));
    assert_eq!(
        reply_to(&d, A, &format!("/decline {code}")),
        format!("There is no case {code} that you hold."),
        "a decline that comes again after the case moved on"
    );
    std::thread::sleep(Duration::from_millis(300));
    let notices = d.messages(SURVIVOR).iter().filter(|m| m.text.starts_with("Hello again")).count();
    assert_eq!(notices, 1, "the survivor is told once");

    // /case sends the sealed copy again, to the holder only.
    let before = documents(&d.messages(C)).len();
    d.send_text(C, &format!("/case {code}"), "en");
    let msgs = d.wait_for(C, 20, "the file again", |m| documents(m).len() > before);
    assert!(open_with(&keys.ids[2], &documents(&msgs).pop().unwrap().1).is_some());
    assert_eq!(reply_to(&d, A, &format!("/case {code}")), format!("There is no case {code} that you hold."));

    let (rc, out, _) = admin(dir.path(), &["cases", "list"]);
    assert_eq!(rc, 0);
    assert!(out.contains(&code) && out.contains("accepted") && out.contains("Cai C"), "{out}");

    // The audit log: offered A, declined A, offered B, timed out B, offered C, revoked B, accepted C.
    let (rc, out, err) = admin(dir.path(), &["audit", "verify"]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("audit log intact: 7 entries; head #7 "), "{out}");
    bot.stop();
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    for canary in ["Canary", &SURVIVOR.to_string(), &A.to_string(), &C.to_string(), "CANARY-TOKEN"] {
        assert!(!log.contains(canary), "the log must not contain {canary}");
    }
    // Stopped: the same commands work directly on the store.
    let (rc, out, err) = admin(dir.path(), &["audit", "verify"]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("head #7 "), "{out}");
    // The sealed copy is kept for the retention period after acceptance (14 days), then deleted.
    let soon = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * 13)).to_string();
    let (_, out, _) = admin(dir.path(), &["cases", "sweep", "--now", &soon]);
    assert!(out.contains("0 delivered case(s) past retention deleted"), "{out}");
    let past = (jiff::Timestamp::now() + jiff::SignedDuration::from_hours(24 * 15)).to_string();
    let (rc, out, err) = admin(dir.path(), &["cases", "sweep", "--now", &past]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("1 delivered case(s) past retention deleted"), "{out}");
    let (_, out, _) = admin(dir.path(), &["cases", "list"]);
    assert_eq!(out.trim(), "no cases");
}

#[test]
fn the_audit_log_detects_an_altered_a_removed_or_a_reordered_entry() {
    use clearpath::audit;
    use clearpath::store::{crypto::Key, Store, TREE_AUDIT};
    let dir = tempfile::tempdir().unwrap();
    let master = Key::generate();
    let store = Store::open(dir.path(), master.clone()).unwrap();
    let t0: jiff::Timestamp = "2026-11-25T10:00:00Z".parse().unwrap();
    assert_eq!(audit::describe(&audit::verify(&store).unwrap()), "audit log intact: no entries yet");
    use audit::Event::{Accepted, Declined, Offered};
    for (i, ev) in [Offered, Declined, Offered, Accepted].into_iter().enumerate() {
        audit::append(&store, ev, Some("ABCD2345"), Some(if i < 2 { "Ana A" } else { "Ben B" }), t0).unwrap();
    }
    let v = audit::verify(&store).unwrap();
    assert_eq!(v.entries, 4);
    let head = v.head.clone().unwrap();
    assert_eq!(head.0, 4);
    let key = |n: u64| n.to_be_bytes();
    let get = |n: u64| store.service_get::<audit::Entry>(TREE_AUDIT, &key(n)).unwrap().unwrap();
    let original = get(2);

    // Altered: who declined is changed (the record re-sealed properly, as someone with the key
    // could).
    let mut forged = original.clone();
    forged.attorney = Some("Ben B".into());
    store.service_put(TREE_AUDIT, &key(2), &forged).unwrap();
    assert_eq!(audit::verify(&store).unwrap_err(), "entry #2 was altered: its hash does not match its contents");
    // Altered and re-hashed: the next entry no longer follows it.
    let mut rehashed = forged.clone();
    rehashed.hash = "f".repeat(64);
    store.service_put(TREE_AUDIT, &key(2), &rehashed).unwrap();
    assert!(audit::verify(&store).unwrap_err().contains("entry #2"), "either the hash or the chain gives it away");
    store.service_put(TREE_AUDIT, &key(2), &original).unwrap();
    assert_eq!(audit::verify(&store).unwrap(), v);

    // Removed from the middle.
    store.service_remove(TREE_AUDIT, &key(3)).unwrap();
    assert_eq!(audit::verify(&store).unwrap_err(), "entry #3 is missing (the next entry is #4)");
    // Removing the newest entries leaves an intact but shorter chain: comparing the head printed
    // earlier shows it.
    store.service_remove(TREE_AUDIT, &key(4)).unwrap();
    let v2 = audit::verify(&store).unwrap();
    assert_ne!(v2.head.unwrap(), head);
    // Copied to another place on disk: the sealed record is bound to its key and does not open.
    drop(store);
    crate::support::with_raw_sled(dir.path(), |db| {
        let t = db.open_tree(TREE_AUDIT).unwrap();
        let raw = t.get(key(2)).unwrap().unwrap();
        t.insert(key(3), raw).unwrap();
    });
    let store = Store::open(dir.path(), master).unwrap();
    assert!(audit::verify(&store).unwrap_err().contains("does not open"), "{:?}", audit::verify(&store));
}

#[test]
fn an_invited_attorney_enrolls_once_and_receives_waiting_cases() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(1);
    // No attorney configured: the completed case waits, and the administrator is told.
    let bot = Bot::start(&d, dir.path(), &format!("admins = [{ADMIN}]\n\n[handoff]\nsummary_as_text = true\n"));
    let stranger = unknown_command_reply(&d, 5999);
    full_intake(&d, SURVIVOR, "en");
    let msgs = d.wait_for(ADMIN, 30, "the administrators' alert", |m| {
        m.iter().any(|m| m.text.starts_with("No attorney is left"))
    });
    assert!(!msgs.iter().any(|m| m.text.contains("Canary")));

    let (rc, out, err) = admin(
        dir.path(),
        &["attorney", "invite", "--name", "Dee D", "--jurisdictions", "NY,NJ", "--recipient", &keys.public(0)],
    );
    assert_eq!(rc, 0, "{out}{err}");
    let code = out.split("/enroll ").nth(1).unwrap().split_whitespace().next().unwrap().to_string();
    assert_eq!(code.len(), 14, "{out}");

    // A wrong code gets the unknown-command answer; the right one enrolls, once.
    assert_eq!(reply_to(&d, 7004, "/enroll AAAA-BBBB-CCCC"), stranger);
    assert!(reply_to(&d, 7004, &format!("/enroll {code}")).starts_with("Welcome, Dee D"));
    assert_eq!(reply_to(&d, 7005, &format!("/enroll {code}")), stranger, "a code works once");
    assert_eq!(reply_to(&d, 7004, "/cases"), "You hold no cases right now.");

    // The waiting case goes to the new attorney at the next sweep.
    let (rc, out, err) = admin(dir.path(), &["cases", "sweep"]);
    assert_eq!(rc, 0, "{out}{err}");
    let msgs = d.wait_for(7004, 30, "the waiting case", |m| triage(m).is_some() && !documents(m).is_empty());
    assert!(open_with(&keys.ids[0], &documents(&msgs).pop().unwrap().1).is_some());
    // This organisation chose to send the summary as text too.
    let msgs = d.wait_for(7004, 30, "the summary as text", |m| m.iter().any(|m| m.text.starts_with("# Referral ")));
    assert!(msgs.iter().all(|m| m.text.chars().count() <= 4096));
    let (rc, out, _) = admin(dir.path(), &["audit", "verify"]);
    assert_eq!(rc, 0);
    // unassigned, invited, enrolled, offered
    assert!(out.contains("4 entries"), "{out}");

    // The survivor deletes their data: the case is withdrawn and the attorney asked to delete
    // their copy.
    d.send_text(SURVIVOR, "/delete", "en");
    let q = d.wait_for(SURVIVOR, 20, "the delete question", |m| {
        m.iter().any(|m| m.from_bot && !m.deleted && m.buttons.iter().any(|b| b.1.ends_with(":delete_confirm")))
    });
    let q =
        q.iter().filter(|m| m.buttons.iter().any(|b| b.1.ends_with(":delete_confirm"))).max_by_key(|m| m.seq).unwrap();
    let data = q.buttons.iter().find(|b| b.1.ends_with(":delete_confirm")).unwrap().1.clone();
    d.press(SURVIVOR, q.id, &data, "en");
    d.wait_for(7004, 20, "the withdrawal", |m| m.iter().any(|m| m.text.contains("was withdrawn")));
    let (_, out, _) = admin(dir.path(), &["cases", "list"]);
    assert_eq!(out.trim(), "no cases");
    let (rc, out, _) = admin(dir.path(), &["audit", "verify"]);
    assert_eq!(rc, 0);
    assert!(out.contains("5 entries"), "{out}");
    bot.stop();
}

#[test]
fn a_case_file_that_fails_to_send_for_a_while_arrives_once_across_a_restart() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(1);
    let extra = format!(
        "admins = [{ADMIN}]\n\n[handoff]\nalert_after_failures = 2\n{}",
        attorney("Ana A", A, &keys.public(0), "\"NY\"", false)
    );
    d.fail("sendDocument", &[(500, None), (500, None), (500, None)]);
    let bot = Bot::start(&d, dir.path(), &extra);
    full_intake(&d, SURVIVOR, "en");
    d.wait_for(A, 30, "the triage message", |m| triage(m).is_some());
    // After two failures the administrators hear of it; then the bot is killed mid-retry.
    d.wait_for(ADMIN, 90, "the delivery alert", |m| m.iter().any(|m| m.text.contains("has failed 2 times")));
    drop(bot);
    let failed = d.requests().iter().filter(|r| r.method == "senddocument").count();
    assert!(failed >= 2, "{failed}");
    let bot = Bot::start(&d, dir.path(), &extra);
    let msgs = d.wait_for(A, 90, "the case file", |m| !documents(m).is_empty());
    assert!(open_with(&keys.ids[0], &documents(&msgs).pop().unwrap().1).is_some());
    // Give a duplicate every chance to appear.
    std::thread::sleep(Duration::from_secs(2));
    assert_eq!(documents(&d.messages(A)).len(), 1, "exactly one copy reaches the attorney");
    assert_eq!(d.messages(A).iter().filter(|m| triage(std::slice::from_ref(m)).is_some()).count(), 1);
    bot.stop();
}

#[test]
fn a_completed_intake_left_without_a_referral_is_routed_at_the_next_start() {
    // An intake stored with no referral (as a crash between the two would leave it): here made by
    // the terminal chat, which has no case desk. The next start (a direct `cases sweep`) opens and
    // offers it.
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let input = crate::cli::FULL_INTAKE.join("\n");
    let (rc, _, err) = run_bin(&["chat", "--json", "--data-dir", data.to_str().unwrap()], &[], &input, &root());
    assert_eq!(rc, 0, "{err}");
    let key = age::x25519::Identity::generate().to_public().to_string();
    let cfg = dir.path().join("clearpath.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = {:?}\nkey_file = {:?}\n{}",
            data.to_str().unwrap(),
            data.join("dev-master.key").to_str().unwrap(),
            attorney("Ana A", A, &key, "\"NY\"", false)
        ),
    )
    .unwrap();
    let (rc, out, err) = run_bin(&["cases", "sweep", "--config", cfg.to_str().unwrap()], &[], "", &root());
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.starts_with("1 case(s) opened"), "{out}");
    let (_, out, _) = run_bin(&["cases", "list", "--config", cfg.to_str().unwrap()], &[], "", &root());
    assert!(out.contains("offered") && out.contains("Ana A") && out.contains("NY"), "{out}");
    // Once only.
    let (_, out, _) = run_bin(&["cases", "sweep", "--config", cfg.to_str().unwrap()], &[], "", &root());
    assert!(out.starts_with("0 case(s) opened"), "{out}");
}
