//! Live reload under a running bot (the real binary, the Bot API double, sled on disk): a flow
//! edit is checked and put in force on SIGHUP; a conversation in progress finishes on the version
//! it began, a new one gets the new version, new wording reaches both at once; a broken edit,
//! seen by the file watch, is refused with its problems sent to the administrator while the bot
//! keeps serving; the kept version survives a restart.

use crate::botapi::Double;
use crate::support::{copy_dir, root};
use crate::telegram::{act, Bot};
use std::path::Path;

const ADMIN: i64 = 770_095_111;
const EARLY: i64 = 5_100_001;
const LATE: i64 = 5_100_002;

fn edit(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has no {from:?}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// Up to the name question: language, safety, phone, consent, no code.
fn to_the_name(d: &Double, chat: i64) {
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for line in [
        r#"{"choice": "en"}"#,
        r#"{"choice": "safe"}"#,
        r#"{"choice": "only_me"}"#,
        r#"{"choice": "agree"}"#,
        r#"{"choice": "no"}"#,
        r#"{"text": "New York"}"#,
        r#"{"choice": "prostitution"}"#,
        r#"{"choices": ["this_chat"]}"#,
        r#"{"text": "evenings"}"#,
        r#"{"choice": "more"}"#,
        r#"{"choice": "no_code"}"#,
    ] {
        act(d, chat, "en", line);
    }
    assert!(d.last_bot(chat).unwrap().text.starts_with("What would you like us to call you?"));
}

/// The administrator's newest message from the bot that starts with `prefix`, waiting for it.
fn admin_told(d: &Double, prefix: &str, after: u64) -> String {
    let msgs =
        d.wait_for(ADMIN, 30, prefix, |m| m.iter().any(|m| m.from_bot && m.seq > after && m.text.starts_with(prefix)));
    msgs.into_iter().rfind(|m| m.from_bot && m.seq > after && m.text.starts_with(prefix)).unwrap().text
}

#[test]
fn an_edit_under_a_running_bot_reaches_new_conversations_and_a_broken_one_is_refused() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    for sub in ["flows", "locales", "rules"] {
        copy_dir(&root().join(sub), &dir.path().join(sub));
    }
    let flows = dir.path().join("flows");
    let envs = [
        ("CLEARPATH_FLOWS", flows.to_str().unwrap().to_string()),
        ("CLEARPATH_LOCALES", dir.path().join("locales").to_str().unwrap().to_string()),
        ("CLEARPATH_RULES", dir.path().join("rules").to_str().unwrap().to_string()),
    ];
    let envs: Vec<(&str, &str)> = envs.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let config = format!("admins = [{ADMIN}]\n");
    let bot = Bot::start_with(&d, dir.path(), &config, &envs);
    let old_hash = crate::support::intake_flow().hash;

    // A survivor is at the name question when the flow changes.
    to_the_name(&d, EARLY);

    // The admins drop the question about words to use, and reword the one that follows it.
    let intake = flows.join("intake.toml");
    edit(
        &intake,
        "field = \"preferred_name\"\nnext = \"preferred_term\"",
        "field = \"preferred_name\"\nnext = \"nexus_all\"",
    );
    let text = std::fs::read_to_string(&intake).unwrap();
    let start = text.find("[[step]]\nid = \"preferred_term\"").unwrap();
    let end = start + text[start..].find("[[step]]\nid = \"nexus_all\"").unwrap();
    std::fs::write(&intake, format!("{}{}", &text[..start], &text[end..])).unwrap();
    edit(
        &dir.path().join("locales/en/intake.ftl"),
        "    One question about all of them together.",
        "    One question about every one of them.",
    );
    // The flow tests that walked the question now fail the check: they change with it.
    for e in std::fs::read_dir(flows.join("tests")).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    // Before it goes live: what it would do to the conversations in progress (through the
    // running bot's control socket). The one at the name question would finish on its version.
    let cfg = dir.path().join("clearpath.toml");
    let key = dir.path().join("master.key");
    let run_envs = [("CLEARPATH_CONFIG", cfg.to_str().unwrap()), ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap())];
    let (code, out, err) =
        crate::support::run_bin(&["flows", "impact", flows.to_str().unwrap()], &run_envs, "", dir.path());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("  1 conversation(s) in progress\n"), "{out}");
    assert!(out.contains("  0 go on in the new version"), "{out}");
    assert!(out.contains("  1 stand at or passed a step the new version alters (standing at preferred_name: 1): they finish on the version they began"), "{out}");
    assert!(!out.contains("Ana") && !out.contains(&EARLY.to_string()), "{out}");
    let seen = d.seq(ADMIN);
    std::process::Command::new("kill").args(["-HUP", &bot.pid().to_string()]).status().unwrap();
    let told = admin_told(&d, "Reloaded", seen);
    let new_hash = clearpath::flow::load_file(&intake).unwrap().0.hash;
    assert_ne!(new_hash, old_hash);
    assert!(told.contains(&format!("flow {new_hash} is in force for new conversations (was {old_hash})")), "{told}");

    // A new conversation gets the new version: after the name, straight to the question after.
    to_the_name(&d, LATE);
    act(&d, LATE, "en", r#"{"text": "Sam"}"#);
    let q = d.last_bot(LATE).unwrap().text;
    assert!(q.starts_with("One question about every one of them."), "{q}");

    // The conversation in progress finishes on its version: the question about words comes...
    act(&d, EARLY, "en", r#"{"text": "Ana"}"#);
    let q = d.last_bot(EARLY).unwrap().text;
    assert!(q.starts_with("How would you like us to talk about what happened to you?"), "{q}");
    // ...and the new wording reaches it at once.
    act(&d, EARLY, "en", r#"{"choice": "trafficking"}"#);
    let q = d.last_bot(EARLY).unwrap().text;
    assert!(q.starts_with("One question about every one of them."), "{q}");

    // A broken edit, noticed by the file watch (no signal): refused, with its problem.
    let seen = d.seq(ADMIN);
    edit(&intake, "next = \"nexus_all\"", "next = \"nexus_alz\"");
    let told = admin_told(&d, "Reload refused", seen);
    assert!(told.contains("error[unknown-target]"), "{told}");
    assert!(told.contains("nexus_alz"), "{told}");
    // The bot keeps serving the version in force.
    act(&d, EARLY, "en", r#"{"choice": "all"}"#);
    assert!(!d.last_bot(EARLY).unwrap().buttons.is_empty());
    let before = d.seq(ADMIN);
    d.send_text(ADMIN, "/flowversion", "en");
    let fv = admin_told(&d, "Flow: intake", before);
    assert!(fv.contains(&format!("Content hash: {new_hash}")), "{fv}");
    assert!(fv.contains(&format!("Earlier versions kept for conversations in progress: {old_hash}")), "{fv}");
    assert!(fv.contains("(reloaded)"), "{fv}");

    // After a restart the earlier version is still kept (sealed in the store).
    bot.stop();
    edit(&intake, "next = \"nexus_alz\"", "next = \"nexus_all\"");
    let bot = Bot::start_with(&d, dir.path(), &config, &envs);
    let before = d.seq(ADMIN);
    d.send_text(ADMIN, "/flowversion", "en");
    let fv = admin_told(&d, "Flow: intake", before);
    assert!(fv.contains(&format!("Earlier versions kept for conversations in progress: {old_hash}")), "{fv}");

    // A purge keeps a version while a conversation uses it, and drops it once none does.
    let cfg = dir.path().join("clearpath.toml");
    let key = dir.path().join("master.key");
    let run_envs = [("CLEARPATH_CONFIG", cfg.to_str().unwrap()), ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap())];
    let flowversion = || {
        let before = d.seq(ADMIN);
        d.send_text(ADMIN, "/flowversion", "en");
        admin_told(&d, "Flow: intake", before)
    };
    let (code, out, err) = crate::support::run_bin(&["purge"], &run_envs, "", dir.path());
    assert_eq!(code, 0, "{out}{err}");
    assert!(flowversion().contains(&format!("conversations in progress: {old_hash}")));
    // The survivor on the old version erases their data.
    d.send_text(EARLY, "/delete", "en");
    d.wait_for(EARLY, 20, "the question whether to delete", |m| {
        m.iter().any(|m| m.from_bot && m.buttons.iter().any(|(_, data)| data.ends_with(":delete_confirm")))
    });
    let m = d.last_bot(EARLY).unwrap();
    let data = m.buttons.iter().find(|(_, data)| data.ends_with(":delete_confirm")).unwrap().1.clone();
    d.press(EARLY, m.id, &data, "en");
    d.wait_for(EARLY, 20, "the erasure", |m| m.iter().any(|m| m.from_bot && m.text.contains("has been deleted")));
    let (code, out, err) = crate::support::run_bin(&["purge"], &run_envs, "", dir.path());
    assert_eq!(code, 0, "{out}{err}");
    let fv = flowversion();
    assert!(fv.contains("Earlier versions kept for conversations in progress: none"), "{fv}");
    bot.stop();
}
