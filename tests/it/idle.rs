//! An unattended phone: the real bot, with its clock moved forward (a debug-build setting), pauses
//! a conversation left idle as /exit does, wipe included; whoever picks the phone up sees one
//! neutral message and must give the resume code to see anything more. Also Telegram's 48-hour
//! limit: older messages are made neutral instead of deleted.

use crate::botapi::{Double, Msg};
use crate::telegram::{act, Bot};
use std::path::Path;
use std::time::{Duration, Instant};

const CODE: &str = "tulip-4471";
const NAME: &str = "Canary-Name-7731";

/// Moves the bot's clock to `secs` after the real time.
fn set_clock(file: &Path, secs: i64) {
    std::fs::write(file, secs.to_string()).unwrap();
}

/// Waits until the chat shows only the neutral message an exit leaves; returns its messages.
fn paused_and_wiped(d: &Double, chat: i64, what: &str) -> Vec<Msg> {
    d.wait_for(chat, 20, what, |m| {
        let v: Vec<&Msg> = m.iter().filter(|m| !m.deleted).collect();
        v.len() == 1 && v[0].text == "👍"
    })
}

/// The bot's first message after `before`, once its answer is complete: an answer can be several
/// messages (help, then the prompt again), and under load the last of them may come late, to be
/// mistaken for the answer to the next input.
fn next_reply(d: &Double, chat: i64, before: u64) -> Msg {
    replies(d, chat, before).into_iter().next().unwrap()
}

/// Every message of the bot's answer after `before`, oldest first: waited for until none has come
/// for half a second.
fn replies(d: &Double, chat: i64, before: u64) -> Vec<Msg> {
    d.wait_for(chat, 20, "a reply", |m| m.iter().any(|m| m.from_bot && m.seq > before));
    let mut last = d.seq(chat);
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_millis(500) {
        std::thread::sleep(Duration::from_millis(50));
        let now = d.seq(chat);
        if now != last {
            last = now;
            quiet_since = Instant::now();
        }
    }
    let mut out: Vec<Msg> = d.messages(chat).into_iter().filter(|m| m.from_bot && m.seq > before).collect();
    out.sort_by_key(|m| m.seq);
    out
}

fn start_intake(d: &Double, chat: i64, code: bool) {
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // Others may see this phone (so a few safety tips come first).
    for line in [
        r#"{"choice": "en"}"#,
        r#"{"choice": "safe"}"#,
        r#"{"choice": "others"}"#,
        r#"{"choice": "continue"}"#,
        r#"{"choice": "agree"}"#,
        // The short path, then "Tell you more", where the code is asked.
        r#"{"choice": "no"}"#,
        r#"{"text": "New York"}"#,
        r#"{"choice": "prostitution"}"#,
        r#"{"choices": ["this_chat"]}"#,
        r#"{"text": "evenings"}"#,
        r#"{"choice": "more"}"#,
    ] {
        if line.contains("continue") {
            // Where others may see the phone, the tips say a code can protect the answers.
            let tips = d.last_bot(chat).unwrap();
            assert!(tips.text.contains("code"), "the tips do not mention the code: {tips:#?}");
        }
        act(d, chat, "en", line);
    }
    if code {
        // Typed twice, as a new code must be.
        act(d, chat, "en", &format!(r#"{{"text": "{CODE}"}}"#));
        act(d, chat, "en", &format!(r#"{{"text": "{CODE}"}}"#));
    } else {
        act(d, chat, "en", r#"{"choice": "no_code"}"#);
    }
    act(d, chat, "en", &format!(r#"{{"text": "{NAME}"}}"#));
}

#[test]
fn a_conversation_left_idle_is_paused_and_wiped_and_shows_nothing_without_the_code() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("clock");
    set_clock(&clock, 0);
    let bot = Bot::start_with(
        &d,
        dir.path(),
        "wipe = \"on_exit\"\nidle_pause_minutes = 10",
        &[("CLEARPATH_TEST_CLOCK_FILE", clock.to_str().unwrap())],
    );
    let chat = 771_200_001;
    start_intake(&d, chat, true);
    assert!(d.visible(chat).len() > 5, "with wipe = on_exit the conversation is still on the screen");
    // Nine minutes: nothing happens.
    set_clock(&clock, 9 * 60);
    std::thread::sleep(Duration::from_millis(2500));
    assert!(d.visible(chat).len() > 5);
    // Eleven: the phone is left with one neutral message.
    set_clock(&clock, 11 * 60);
    let t = Instant::now();
    let msgs = paused_and_wiped(&d, chat, "the idle pause");
    assert!(t.elapsed() < Duration::from_secs(10));
    assert!(msgs.iter().filter(|m| !m.deleted).all(|m| m.from_bot && m.buttons.is_empty()));
    // Whoever picks the phone up: /back, an old button, /help, a wrong code show nothing of it.
    let mut seen = Vec::new();
    for text in ["/back", "/back", "/help", "/start", "0000"] {
        let before = d.seq(chat);
        d.send_text(chat, text, "en");
        seen.push(next_reply(&d, chat, before));
    }
    let old_button = msgs.iter().find(|m| m.from_bot && m.buttons.iter().any(|b| b.1.starts_with("c:"))).cloned();
    if let Some(q) = old_button {
        let before = d.seq(chat);
        d.press(chat, q.id, &q.buttons[0].1, "en");
        seen.push(next_reply(&d, chat, before));
    }
    for m in d.messages(chat).iter().filter(|m| m.from_bot && m.seq > msgs.iter().map(|m| m.seq).max().unwrap()) {
        assert!(!m.text.contains(NAME), "an answer shown without the code: {m:#?}");
    }
    let texts: Vec<&str> = seen.iter().map(|m| m.text.as_str()).collect();
    // /back, /back, /start and the old button ask for the code; /help helps; a wrong code fails.
    for i in [0, 1, 3, 5] {
        assert!(texts.get(i).is_some_and(|t| t.contains("type your code")), "{i}: {texts:#?}");
    }
    assert!(texts[2].contains("911"), "{texts:#?}");
    assert!(texts[4].contains("doesn't match"), "{texts:#?}");
    // /delete works without the code (asks to confirm; nothing shown).
    let before = d.seq(chat);
    d.send_text(chat, "/delete", "en");
    let q = next_reply(&d, chat, before);
    assert!(q.buttons.iter().any(|b| b.1.ends_with(":delete_cancel")), "{q:#?}");
    let cancel = q.buttons.iter().find(|b| b.1.ends_with(":delete_cancel")).unwrap().1.clone();
    let before = d.seq(chat);
    d.press(chat, q.id, &cancel, "en");
    let after_cancel = next_reply(&d, chat, before);
    assert!(!after_cancel.text.contains(NAME), "{after_cancel:#?}");
    // The code opens it again.
    let before = d.seq(chat);
    d.send_text(chat, CODE, "en");
    let resumed = next_reply(&d, chat, before);
    assert!(!resumed.buttons.is_empty(), "{resumed:#?}");
    bot.stop();
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    assert!(log.contains("idle conversations paused"), "{log}");
    assert!(!log.contains(NAME) && !log.contains(CODE));
}

#[test]
fn a_conversation_idle_while_the_bot_was_stopped_is_paused_at_the_next_start() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("clock");
    set_clock(&clock, 0);
    let env = [("CLEARPATH_TEST_CLOCK_FILE", clock.to_str().unwrap())];
    let bot = Bot::start_with(&d, dir.path(), "wipe = \"on_exit\"", &env);
    let chat = 771_200_002;
    start_intake(&d, chat, false);
    bot.stop();
    set_clock(&clock, 60 * 60);
    let bot = Bot::start_with(&d, dir.path(), "wipe = \"on_exit\"", &env);
    paused_and_wiped(&d, chat, "the idle pause after a restart");
    bot.stop();
}

/// Issue 16, item 5: a rotation while the bot runs moves every pseudonym; the conversations the
/// running bot watches for idleness move with them (still paused when left idle), and the chat
/// finds its conversation afterwards.
#[test]
fn a_conversation_watched_across_a_running_rotation_is_still_paused_and_found() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("clock");
    set_clock(&clock, 0);
    let bot = Bot::start_with(
        &d,
        dir.path(),
        "wipe = \"on_exit\"\nidle_pause_minutes = 10",
        &[("CLEARPATH_TEST_CLOCK_FILE", clock.to_str().unwrap())],
    );
    let chat = 771_200_004;
    start_intake(&d, chat, false);
    let new_key = dir.path().join("new.key");
    let (rc, _, err) = crate::support::run_bin(&["keys", "init", new_key.to_str().unwrap()], &[], "", dir.path());
    assert_eq!(rc, 0, "{err}");
    let (rc, out, err) =
        crate::attorneys::admin(dir.path(), &["keys", "rotate", "--new-key-file", new_key.to_str().unwrap()]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("Done"), "{out}{err}");
    set_clock(&clock, 11 * 60);
    paused_and_wiped(&d, chat, "the idle pause after the rotation");
    // Coming back: no code was set, so the conversation resumes where it was.
    let before = d.seq(chat);
    d.send_text(chat, "/start", "en");
    let back = next_reply(&d, chat, before);
    // A paused conversation is offered back; a chat whose records were lost would start afresh.
    assert!(back.buttons.iter().any(|b| b.1.ends_with(":resume")), "not found after the rotation: {back:#?}");
    assert!(!back.text.contains("Choose a language"), "{back:#?}");
    bot.stop();
}

#[test]
fn messages_older_than_telegrams_48_hours_are_made_neutral_instead_of_deleted() {
    // Bots may delete messages in private chats for 48 hours only; older ones of the bot's are
    // edited to the neutral text. A survivor who stopped mid-question two days ago.
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("clock");
    set_clock(&clock, 0);
    let bot = Bot::start_with(&d, dir.path(), "", &[("CLEARPATH_TEST_CLOCK_FILE", clock.to_str().unwrap())]);
    let chat = 771_200_003;
    start_intake(&d, chat, false);
    // The question now on screen, once the answer's wipe has settled (under load the bot may
    // still be tidying the question before it when the answer's reply has come).
    let msgs = d.wait_for(chat, 20, "the words question alone on screen", |m| {
        let shown: Vec<&Msg> = m.iter().filter(|m| m.from_bot && !m.deleted).collect();
        shown.len() == 1 && shown[0].text.starts_with("How would you like us to talk")
    });
    let question = msgs.into_iter().find(|m| m.from_bot && !m.deleted).unwrap();
    // And the bot done with this chat for now (it records each message it sent, with the time it
    // sent it, after the send: under load that can come late, and a send recorded after the clock
    // jump below would count as new, to be deleted rather than made neutral).
    // (Its long polls for updates go on all the time: they are not work for this chat.)
    let sent = || d.requests().iter().filter(|r| r.method != "getupdates").count();
    let mut last = sent();
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_secs(1) {
        std::thread::sleep(Duration::from_millis(50));
        let now = sent();
        if now != last {
            last = now;
            quiet_since = Instant::now();
        }
    }
    let requests_before = d.requests().len();
    set_clock(&clock, 49 * 3600);
    d.wait_for(chat, 20, "the old question made neutral", |m| {
        m.iter().any(|m| m.id == question.id && !m.deleted && m.text == "👍")
    });
    let later: Vec<_> = d.requests().into_iter().skip(requests_before).collect();
    let deleted_it = later.iter().any(|r| {
        r.method == "deletemessages"
            && r.body["message_ids"].as_array().is_some_and(|ids| ids.iter().any(|i| i.as_i64() == Some(question.id)))
    });
    assert!(!deleted_it, "a 49-hour-old message was deleted (Telegram refuses that)");
    assert!(later.iter().any(|r| r.method == "editmessagetext" && r.body["message_id"].as_i64() == Some(question.id)));
    bot.stop();
}

#[test]
fn a_mistyped_second_code_sets_none_so_nothing_locks_the_survivor_out() {
    // Through the real binary (`chat --json`): a code typed, then mistyped: no code is set, so
    // coming back asks for none. Typed twice the same, it is asked for.
    let run = |second: &str| {
        let dir = tempfile::tempdir().unwrap();
        let mut input: Vec<String> = crate::cli::FULL_INTAKE[..10].iter().map(|s| s.to_string()).collect();
        input.push(r#"{"text": "tulip42"}"#.into());
        input.push(format!(r#"{{"text": "{second}"}}"#));
        input.push(r#"{"command": "exit"}"#.into());
        input.push(r#"{"command": "start"}"#.into());
        let (rc, out, err) = crate::support::run_bin(
            &["chat", "--json", "--data-dir", dir.path().to_str().unwrap()],
            &[],
            &input.join("\n"),
            &crate::support::root(),
        );
        assert_eq!(rc, 0, "{err}");
        out.lines().last().unwrap_or_default().to_string()
    };
    let last = run("tulpi42");
    assert!(!last.contains("\"step\":\"code\""), "a mistyped code was set: {last}");
    let last = run("tulip42");
    assert!(last.contains("\"step\":\"code\""), "the code typed twice was not set: {last}");
}
