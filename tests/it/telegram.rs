//! The real bot (`clearpath serve`, the real binary and teloxide client) against the Bot API
//! double on 127.0.0.1.

use crate::botapi::{Double, Req};
use crate::cli::FULL_INTAKE;
use crate::support::root;
use serde_json::Value;
use std::io::Read;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub(crate) const TOKEN: &str = "123456:CANARY-TOKEN-xyz";

pub(crate) struct Bot {
    child: Child,
    log: std::path::PathBuf,
}

impl Bot {
    pub(crate) fn start(double: &Double, dir: &Path, extra: &str) -> Bot {
        Bot::start_with(double, dir, extra, &[])
    }

    /// [`Bot::start`] with more environment variables.
    pub(crate) fn start_with(double: &Double, dir: &Path, extra: &str, envs: &[(&str, &str)]) -> Bot {
        Bot::start_args(double, dir, extra, envs, &[])
    }

    /// [`Bot::start_with`] with more arguments to `serve` (`--webhook`).
    pub(crate) fn start_args(double: &Double, dir: &Path, extra: &str, envs: &[(&str, &str)], args: &[&str]) -> Bot {
        let data = dir.join("data");
        let cfg = dir.join("clearpath.toml");
        // Throttling off unless a test asks for it: it would slow every test to Telegram's pace.
        let throttle = if extra.contains("throttle") { "" } else { "throttle = false\n" };
        let poll = if extra.contains("poll_timeout_secs") { "" } else { "poll_timeout_secs = 1\n" };
        let text = format!("data_dir = {:?}\n\n[telegram]\n{throttle}{poll}{extra}\n", data.to_str().unwrap());
        std::fs::write(&cfg, text).unwrap();
        let key = dir.join("master.key");
        if !key.exists() {
            let st = Command::new(env!("CARGO_BIN_EXE_clearpath"))
                .args(["keys", "init", key.to_str().unwrap()])
                .output()
                .unwrap();
            assert!(st.status.success());
        }
        let log = std::fs::OpenOptions::new().create(true).append(true).open(dir.join("bot.log")).unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_clearpath"))
            .arg("serve")
            .args(args)
            .current_dir(root())
            .env("TELOXIDE_TOKEN", TOKEN)
            .env("TELOXIDE_API_URL", &double.url)
            .env("CLEARPATH_CONFIG", &cfg)
            .env("CLEARPATH_MASTER_KEY_FILE", &key)
            .env("CLEARPATH_LOG", "trace,sled=warn")
            .env_remove("CLEARPATH_MASTER_KEY")
            .envs(envs.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::from(log))
            .spawn()
            .unwrap();
        Bot { child, log: dir.join("bot.log") }
    }

    /// The process id (to send it a signal).
    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// SIGTERM, and how long the process took to exit.
    pub(crate) fn stop(self) -> Duration {
        let mut this = self;
        this.stop_inner()
    }

    fn stop_inner(&mut self) -> Duration {
        let t = Instant::now();
        Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status().unwrap();
        loop {
            if self.child.try_wait().unwrap().is_some() {
                return t.elapsed();
            }
            assert!(t.elapsed() < Duration::from_secs(15), "the bot did not stop");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Bot {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- bot log ---\n{}", std::fs::read_to_string(&self.log).unwrap_or_default());
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends one scripted input (a `chat --json` line) the way a person would in Telegram: choices
/// by pressing the button, text by typing. Waits for the next prompt (or the end).
pub(crate) fn act(d: &Double, chat: i64, lang: &str, line: &str) {
    let v: Value = serde_json::from_str(line).unwrap();
    let mut before = d.seq(chat);
    let press = |id: &str| {
        let m = d.last_bot(chat).expect("a prompt on screen");
        let data = m
            .buttons
            .iter()
            .find(|(_, data)| data.ends_with(&format!(":{id}")))
            .unwrap_or_else(|| panic!("no button {id} in {m:#?}"))
            .1
            .clone();
        d.press(chat, m.id, &data, lang);
    };
    if let Some(id) = v["choice"].as_str() {
        press(id);
    } else if let Some(ids) = v["choices"].as_array() {
        let ids: Vec<&str> = ids.iter().map(|i| i.as_str().unwrap()).collect();
        before = d.tick_and_send(chat, &ids, lang);
    } else if let Some(t) = v["text"].as_str() {
        d.send_text(chat, t, lang);
    } else if let Some(c) = v["command"].as_str() {
        d.send_text(chat, &format!("/{c}"), lang);
    }
    d.wait_for(chat, 20, &format!("a reply to {line}"), |msgs| {
        msgs.iter().any(|m| {
            m.from_bot
                && m.seq > before
                && !m.deleted
                && (!m.buttons.is_empty() || m.text.contains("Thank you") || m.text.contains("Gracias"))
        })
    });
}

pub(crate) fn full_intake(d: &Double, chat: i64, lang: &str) {
    d.send_text(chat, "/start", lang);
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    let mut lines: Vec<String> = FULL_INTAKE.iter().map(|s| s.to_string()).collect();
    lines[0] = format!("{{\"choice\": \"{lang}\"}}");
    for l in &lines {
        act(d, chat, lang, l);
    }
}

#[test]
fn a_survivor_completes_an_intake_in_english_and_in_spanish() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&d, dir.path(), "");
    full_intake(&d, 770011223, "en");
    full_intake(&d, 770011224, "es");
    let en = d.last_bot(770011223).unwrap();
    assert!(en.text.starts_with("Thank you. Your answers have been sent"), "{en:#?}");
    let es = d.last_bot(770011224).unwrap();
    assert!(es.text.starts_with("Gracias. Sus respuestas fueron enviadas"), "{es:#?}");
    // What stays on the phone after the ending is that one line: no organisation, no hotline,
    // nothing about records; 911 and the way to the help lines (/help).
    for chat in [770011223, 770011224] {
        let left = d.visible(chat);
        assert_eq!(left.len(), 1, "{left:#?}");
        let text = &left[0].text;
        assert!(!text.contains('\n') && text.contains("911") && text.contains("/help"), "{text}");
        for word in ["legal", "lawyer", "abogad", "record", "antecedentes", "Hotline", "Trata", "233733"] {
            assert!(!text.contains(word), "{word}: {text}");
        }
    }
    // Every message to a survivor carried protect_content.
    // (A question answered with a button is rewritten in place into the next one: that message
    // was sent protected.)
    let sends: Vec<_> = d.requests().into_iter().filter(|r| r.method == "sendmessage").collect();
    assert!(sends.iter().all(|r| r.body["protect_content"] == true), "a message without protect_content");
    let rewrites = d.requests().into_iter().filter(|r| r.method == "editmessagetext").count();
    assert!(sends.len() + rewrites > 70, "{} sends, {rewrites} rewrites", sends.len());
    assert!(rewrites > 20, "questions answered by buttons are rewritten in place: {rewrites}");
    for chat in [770011223, 770011224] {
        assert!(d.messages(chat).iter().filter(|m| m.from_bot).all(|m| m.protect));
    }
    let sends: Vec<_> = d
        .requests()
        .into_iter()
        .filter(|r| {
            r.method == "sendmessage" || (r.method == "editmessagetext" && r.body.get("reply_markup").is_some())
        })
        .collect();
    // Wiping after each answer: only the last message is left on the phone.
    assert_eq!(d.visible(770011223).len(), 1, "{:#?}", d.visible(770011223));
    // Every question had an Exit button.
    assert!(sends
        .iter()
        .filter(|r| r.body.get("reply_markup").is_some())
        .all(|r| r.body["reply_markup"].to_string().contains("\"callback_data\":\"x\"")));
    // A neutral command menu per language.
    let menus: Vec<_> = d.requests().into_iter().filter(|r| r.method == "setmycommands").collect();
    assert!(
        menus.iter().any(|r| r.body["language_code"] == "es" && r.body["commands"].to_string().contains("Ayuda")),
        "{menus:#?}"
    );
    assert!(menus
        .iter()
        .any(|r| r.body.get("language_code").is_none() && r.body["commands"].to_string().contains("\"Help\"")));
    // Arabic and Thai by their two-letter codes, the command names Latin, the descriptions not.
    for (code, help) in [("ar", "مساعدة"), ("th", "ช่วยเหลือ")] {
        let menu =
            menus.iter().find(|r| r.body["language_code"] == code).unwrap_or_else(|| panic!("{code}: {menus:#?}"));
        let commands = menu.body["commands"].as_array().unwrap();
        assert!(commands.iter().all(|c| c["command"].as_str().unwrap().chars().all(|ch| ch.is_ascii_lowercase())));
        assert!(menu.body["commands"].to_string().contains(help), "{menu:#?}");
    }
    let took = bot.stop();
    assert!(took < Duration::from_secs(10), "stopping took {took:?}");
    // Logs at trace level: no answer, chat id or token.
    let mut logs = String::new();
    std::fs::File::open(dir.path().join("bot.log")).unwrap().read_to_string(&mut logs).unwrap();
    assert!(logs.contains("serving"), "{logs}");
    for canary in
        ["Canary-Name-7731", "Canary-County-5521", "Canary-Charge-9043", "CANARY-TOKEN", "770011223", "770011224"]
    {
        assert!(!logs.contains(canary), "{canary} in the logs");
    }
    for f in crate::store::walk(&dir.path().join("data")) {
        let bytes = std::fs::read(&f).unwrap();
        for canary in [&b"Canary-Name-7731"[..], b"770011223", b"CANARY-TOKEN"] {
            assert!(!bytes.windows(canary.len()).any(|w| w == canary), "canary on disk in {f:?}");
        }
    }
}

#[test]
fn exit_leaves_one_neutral_message_and_start_resumes() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "wipe = \"on_exit\"");
    d.send_text(7, "/start", "en");
    d.wait_for(7, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for l in &FULL_INTAKE[..15] {
        act(&d, 7, "en", l);
    }
    assert!(d.visible(7).len() > 10, "on_exit keeps messages until the exit");
    let prompt = d.last_bot(7).unwrap();
    let before = d.seq(7);
    d.press(7, prompt.id, "x", "en");
    let v = d.wait_for(7, 20, "the exit", |m| m.iter().any(|m| m.seq > before && m.from_bot && m.text == "👍"));
    let visible: Vec<_> = v.iter().filter(|m| !m.deleted).collect();
    assert_eq!(visible.len(), 1, "{visible:#?}");
    assert_eq!(visible[0].text, "👍");
    // /start offers to resume; resuming lands on the same question.
    let before = d.seq(7);
    d.send_text(7, "/start", "en");
    d.wait_for(7, 20, "the resume offer", |m| {
        m.iter().any(|m| m.seq > before && m.from_bot && m.buttons.iter().any(|b| b.1.ends_with(":resume")))
    });
    act(&d, 7, "en", r#"{"choice": "resume"}"#);
    assert!(d.last_bot(7).unwrap().text.starts_with("If you remember, what was it called"), "{:#?}", d.last_bot(7));
}

#[test]
fn a_burst_of_messages_leaves_nothing_behind_on_exit() {
    // The sender records each message it sends in the chat's log while the handler may be
    // changing the same log for the survivor's next message: neither may lose the other's
    // change, or a message would never be wiped.
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "wipe = \"on_exit\"");
    d.send_text(8, "/start", "en");
    d.wait_for(8, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for round in 0..6 {
        let before = d.seq(8);
        for _ in 0..15 {
            d.send_text(8, "/help", "en");
            std::thread::sleep(Duration::from_millis(3));
        }
        d.wait_for(8, 30, &format!("round {round}: the replies to the burst"), |m| {
            m.iter().filter(|m| m.seq > before && m.from_bot && !m.deleted).count() >= 15
        });
    }
    // Every reply delivered (nothing new for a while) before the exit: what is at stake here is
    // the log, not replies still queued when the survivor exits.
    let t = Instant::now();
    let mut last = d.seq(8);
    loop {
        std::thread::sleep(Duration::from_millis(500));
        let now = d.seq(8);
        if now == last {
            break;
        }
        assert!(t.elapsed() < Duration::from_secs(60), "the replies to the bursts never stopped");
        last = now;
    }
    let before = d.seq(8);
    d.send_text(8, "/exit", "en");
    let v = d.wait_for(8, 20, "the exit", |m| m.iter().any(|m| m.seq > before && m.from_bot && m.text == "👍"));
    std::thread::sleep(Duration::from_millis(300));
    let visible: Vec<_> = d.visible(8);
    assert!(v.len() > 90, "the burst was answered ({} messages)", v.len());
    assert_eq!(
        visible.len(),
        1,
        "left on the phone: {:#?}",
        visible.iter().map(|m| (m.id, m.from_bot, m.text.chars().take(30).collect::<String>())).collect::<Vec<_>>()
    );
}

/// The chat's sendMessage requests so far.
fn sends(d: &Double, chat: i64) -> usize {
    d.requests().iter().filter(|r| r.method == "sendmessage" && r.body["chat_id"].as_i64() == Some(chat)).count()
}

/// The survivor asks for help; returns once the bot has tried to send the reply (the double may be
/// refusing or holding it): the chat's sends before, and when /help was typed.
fn help_reply_attempted(d: &Double, chat: i64) -> (usize, Instant) {
    let before = sends(d, chat);
    let t = Instant::now();
    d.send_text(chat, "/help", "en");
    while sends(d, chat) == before {
        assert!(t.elapsed() < Duration::from_secs(5), "chat {chat}: the help reply was never attempted");
        std::thread::sleep(Duration::from_millis(10));
    }
    (before, t)
}

#[test]
fn replies_still_waiting_when_the_survivor_exits_are_never_sent() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.send_text(24, "/start", "en");
    d.wait_for(24, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // The replies to /help meet a 4 s rate limit ...
    d.fail_chat("sendmessage", 24, &[(429, Some(4))]);
    let (before, t) = help_reply_attempted(&d, 24);
    // ... and the survivor exits while they wait: they must never arrive after the wipe.
    let seq = d.seq(24);
    d.send_text(24, "/exit", "en");
    d.wait_for(24, 20, "the exit", |m| m.iter().any(|m| m.seq > seq && m.from_bot && m.text == "👍"));
    // Past the rate limit's end, when the held replies would have gone out.
    std::thread::sleep(Duration::from_secs(6).saturating_sub(t.elapsed()) + Duration::from_secs(1));
    let visible = d.visible(24);
    assert_eq!(visible.len(), 1, "{visible:#?}");
    assert_eq!(visible[0].text, "👍");
    assert_eq!(sends(&d, 24), before + 2, "one attempt at the help reply (refused), then the exit's message");
}

#[test]
fn a_reply_in_flight_when_the_survivor_exits_is_deleted_as_it_lands() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.send_text(25, "/start", "en");
    d.wait_for(25, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // The reply to /help is slow on the network: Telegram shows it only 1.5 s after it left ...
    d.hold_chat("sendmessage", 25, Duration::from_millis(1500));
    help_reply_attempted(&d, 25);
    // ... and the survivor exits while it is on its way: it lands after the wipe was decided.
    let seq = d.seq(25);
    d.send_text(25, "/exit", "en");
    d.wait_for(25, 20, "the exit", |m| m.iter().any(|m| m.seq > seq && m.from_bot && m.text == "👍"));
    // The chat's replies go out in order, so the held reply has landed by now (the scenario is real).
    assert!(d.messages(25).iter().any(|m| m.from_bot && m.text.contains("Hotline")), "the held reply never landed");
    // Give a late deletion its moment, then nothing but the neutral message may be left.
    std::thread::sleep(Duration::from_millis(500));
    let visible = d.visible(25);
    assert_eq!(visible.len(), 1, "{visible:#?}");
    assert_eq!(visible[0].text, "👍");
}

#[test]
fn a_reply_in_flight_when_the_survivor_erases_their_data_is_deleted_as_it_lands() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.send_text(26, "/start", "en");
    d.wait_for(26, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    d.send_text(26, "/delete", "en");
    let msgs = d.wait_for(26, 20, "the delete question", |m| {
        m.iter().any(|m| !m.deleted && m.buttons.iter().any(|b| b.1.ends_with(":delete_confirm")))
    });
    let q = msgs.iter().rev().find(|m| m.buttons.iter().any(|b| b.1.ends_with(":delete_confirm"))).unwrap().clone();
    // The survivor asks for help first, and its reply is slow on the network ...
    d.hold_chat("sendmessage", 26, Duration::from_millis(1500));
    help_reply_attempted(&d, 26);
    // ... and confirms the deletion while it is on its way.
    let data = q.buttons.iter().find(|b| b.1.ends_with(":delete_confirm")).unwrap().1.clone();
    d.press(26, q.id, &data, "en");
    d.wait_for(26, 20, "the deletion", |m| {
        m.iter().any(|m| !m.deleted && m.text.starts_with("Everything you told us"))
    });
    assert!(d.messages(26).iter().any(|m| m.text.contains("Hotline")), "the held reply never landed");
    std::thread::sleep(Duration::from_millis(500));
    let visible = d.visible(26);
    assert!(!visible.iter().any(|m| m.text.contains("Hotline")), "{visible:#?}");
    assert!(!visible.iter().any(|m| !m.from_bot), "{visible:#?}");
}

#[test]
fn replies_a_crash_left_for_an_update_never_applied_are_not_sent_after_a_restart() {
    use clearpath::channel::telegram::{entries, Payload};
    use clearpath::store::{Change, Store};
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("master.key");
    clearpath::store::keyfile::init(&key).unwrap();
    {
        // What sled can recover after a crash mid-update: the reply to update 50 was written, the
        // session that marks the update applied was not. And a delivery that answers no update.
        let store = Store::open(&dir.path().join("data"), clearpath::store::keyfile::read_file(&key).unwrap()).unwrap();
        let now = jiff::Timestamp::now();
        let send = |text: &str| entries(27, now, [Payload::Send { text: text.into(), buttons: vec![], protect: true }]);
        let who = store.subject("telegram", "27");
        store.commit(&who, Change { outbox: send("orphan reply"), input: Some(50), ..Default::default() }).unwrap();
        store.enqueue(&who, &send("queued notice")).unwrap();
        store.flush().unwrap();
    }
    crate::support::wait_unlocked(&dir.path().join("data"));
    let _bot = Bot::start(&d, dir.path(), "");
    d.wait_for(27, 20, "the queued notice", |m| m.iter().any(|m| m.text == "queued notice"));
    // The update itself would be offered again and answered anew; its old reply never goes out.
    std::thread::sleep(Duration::from_millis(500));
    assert!(!d.messages(27).iter().any(|m| m.text == "orphan reply"), "{:#?}", d.messages(27));
}

#[test]
fn replayed_updates_after_a_restart_change_nothing() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&d, dir.path(), "");
    full_intake(&d, 55, "en");
    assert!(bot.stop() < Duration::from_secs(10));
    let sent_before = d.requests().iter().filter(|r| r.method == "sendmessage").count();
    // Confirmations lost: the last 30 updates are offered again to a new process.
    d.reoffer_last(30);
    let _bot = Bot::start(&d, dir.path(), "");
    let t = Instant::now();
    while t.elapsed() < Duration::from_secs(4) {
        std::thread::sleep(Duration::from_millis(100));
    }
    let sent_after = d.requests().iter().filter(|r| r.method == "sendmessage").count();
    assert_eq!(sent_before, sent_after, "a replayed update was answered again");
    assert!(d.last_bot(55).unwrap().text.starts_with("Thank you"));
}

#[test]
fn rate_limits_and_server_errors_delay_replies_but_lose_none() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.fail("sendmessage", &[(429, Some(1)), (500, None)]);
    let t = Instant::now();
    d.send_text(9, "/start", "en");
    d.wait_for(9, 40, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    assert!(t.elapsed() >= Duration::from_secs(1), "retry_after was not honoured");
    for l in &FULL_INTAKE[..12] {
        act(&d, 9, "en", l);
    }
    // Every reply arrived, in order; the 429 was waited out, the 500 retried after a backoff.
    let reqs = d.requests();
    let sends: Vec<&Req> = reqs.iter().filter(|r| r.method == "sendmessage").collect();
    assert!(sends[1].at.duration_since(sends[0].at) >= Duration::from_millis(990), "sent again before retry_after");
    // The first retry after a server error: a quarter to half a second, jittered (never at once,
    // never long: a survivor is waiting).
    let after_500 = sends[2].at.duration_since(sends[1].at);
    assert!(after_500 >= Duration::from_millis(240), "a 500 was retried without backing off: {after_500:?}");
    assert!(after_500 <= Duration::from_millis(1500), "a 500 held the reply back {after_500:?}");
    assert!(d.last_bot(9).unwrap().text.starts_with("How would you like us to talk"), "{:#?}", d.last_bot(9));
}

#[test]
fn a_wipe_answered_with_server_errors_is_retried_until_the_answer_is_gone() {
    // A 5xx says nothing about whether the message was deleted: it must be tried again, or the
    // survivor's answer stays on the phone. (Only Telegram's own refusals, such as a message
    // already gone, end a deletion.) The 502 comes as a proxy's HTML page, not the API's JSON.
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.send_text(31, "/start", "en");
    d.wait_for(31, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for l in &FULL_INTAKE[..11] {
        act(&d, 31, "en", l);
    }
    d.fail("deletemessages", &[(500, None), (502, None)]);
    act(&d, 31, "en", FULL_INTAKE[11]);
    let msgs = d.wait_for(31, 30, "the typed answer wiped", |m| {
        m.iter().any(|m| !m.from_bot && m.text == "Canary-Name-7731" && m.deleted)
    });
    assert!(msgs.iter().filter(|m| !m.from_bot).all(|m| m.deleted), "{msgs:#?}");
}

#[test]
fn a_quiet_long_poll_outlasts_the_http_clients_own_timeout() {
    // teloxide's HTTP client gives up on any request after 17 s, its own long polls included. A
    // 20 s poll on a quiet night must be waited out, not failed, logged and retried after a pause.
    let d = Double::start();
    d.state.0.lock().unwrap().max_poll_secs = Some(30);
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&d, dir.path(), "poll_timeout_secs = 20");
    std::thread::sleep(Duration::from_secs(19));
    let polls = d.requests().iter().filter(|r| r.method == "getupdates").count();
    assert_eq!(polls, 1, "the first long poll was cut short");
    let t = Instant::now();
    d.send_text(5, "/start", "en");
    d.wait_for(5, 5, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    assert!(t.elapsed() < Duration::from_secs(3), "the update waited {:?}", t.elapsed());
    drop(bot);
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    assert!(!log.contains("getUpdates failed"), "{log}");
}

#[test]
fn a_chat_waiting_out_a_429_holds_up_no_other_chat() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.fail_chat("sendmessage", 21, &[(429, Some(6))]);
    let t = Instant::now();
    d.send_text(21, "/start", "en");
    // Chat 21's reply meets its 429 ...
    while !d.requests().iter().any(|r| r.method == "sendmessage" && r.body["chat_id"].as_i64() == Some(21)) {
        assert!(t.elapsed() < Duration::from_secs(10), "chat 21's reply was never attempted");
        std::thread::sleep(Duration::from_millis(20));
    }
    // ... and chat 22, arriving now, is answered at once (its update handled: the offset moved on).
    d.send_text(22, "/start", "en");
    d.wait_for(22, 5, "chat 22's first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    assert!(t.elapsed() < Duration::from_secs(5), "chat 22 waited behind chat 21's retry_after");
    // Chat 21 gets its reply after its wait, not before.
    d.wait_for(21, 20, "chat 21's first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    assert!(t.elapsed() >= Duration::from_secs(6), "retry_after was not honoured for chat 21");
}

#[test]
fn a_press_is_acknowledged_at_once_even_while_the_chat_waits_out_a_429() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.send_text(23, "/start", "en");
    let q = d.wait_for(23, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    let q = q.into_iter().rev().find(|m| m.from_bot && !m.buttons.is_empty()).unwrap();
    let button = |lang: &str| q.buttons.iter().find(|(_, d)| d.ends_with(&format!(":{lang}"))).unwrap().1.clone();
    // The reply to the first press (the next question, rewritten in place) meets a 6 s rate
    // limit, so the chat's messages wait ...
    d.fail_chat("editmessagetext", 23, &[(429, Some(6))]);
    d.fail_chat("sendmessage", 23, &[(429, Some(6))]);
    let acks = |d: &Double| d.requests().iter().filter(|r| r.method == "answercallbackquery").count();
    let t = Instant::now();
    d.press(23, q.id, &button("en"), "en");
    while !d.requests().iter().any(|r| r.method == "editmessagetext" && r.body["chat_id"].as_i64() == Some(23)) {
        assert!(t.elapsed() < Duration::from_secs(5), "the reply was never attempted");
        std::thread::sleep(Duration::from_millis(20));
    }
    // ... and a second press, made while they wait, is acknowledged at once all the same (the
    // button would otherwise spin on the survivor's screen for the whole wait).
    d.press(23, q.id, &button("es"), "es");
    while acks(&d) < 2 {
        assert!(t.elapsed() < Duration::from_secs(4), "a press was not acknowledged while the chat waited");
        std::thread::sleep(Duration::from_millis(20));
    }
    // The reply itself still comes, after the wait, and each press was acknowledged once.
    d.wait_for(23, 20, "the next question", |m| m.iter().any(|m| m.from_bot && m.text.starts_with("Hi. Is it safe")));
    assert!(t.elapsed() >= Duration::from_secs(6), "retry_after was not honoured");
    assert_eq!(acks(&d), 2, "two presses, two acknowledgements");
}

#[test]
fn forged_presses_stickers_and_edits_change_nothing() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.send_text(11, "/start", "en");
    d.wait_for(11, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    act(&d, 11, "en", r#"{"choice": "en"}"#);
    let q = d.last_bot(11).unwrap();
    assert!(q.text.starts_with("Hi. Is it safe"));
    // Garbage data, a press for another step, a sticker, an edited message, a membership update.
    // The question as the bot sends or rewrites it (a re-prompt rewrites the message in place).
    let asked = || {
        d.requests()
            .iter()
            .filter(|r| {
                matches!(r.method.as_str(), "sendmessage" | "editmessagetext")
                    && r.body["text"].as_str().is_some_and(|t| t.starts_with("Hi. Is it safe"))
            })
            .count()
    };
    let asked_before = asked();
    d.press(11, q.id, "c:deadbeef:safe", "en");
    d.press(11, q.id, "garbage \u{1F4A9}", "en");
    d.push_raw(serde_json::json!({ "message": { "message_id": 9001, "date": 1764000000, "chat": { "id": 11, "type": "private", "first_name": "T" }, "from": { "id": 11, "is_bot": false, "first_name": "T" }, "sticker": { "file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1, "is_animated": false, "is_video": false } } }));
    d.push_raw(serde_json::json!({ "edited_message": { "message_id": 9002, "date": 1764000000, "edit_date": 1764000001, "chat": { "id": 11, "type": "private", "first_name": "T" }, "from": { "id": 11, "is_bot": false, "first_name": "T" }, "text": "2" } }));
    d.push_raw(serde_json::json!({ "my_chat_member": { "chat": { "id": 11, "type": "private", "first_name": "T" }, "from": { "id": 11, "is_bot": false, "first_name": "T" }, "date": 1764000000, "old_chat_member": { "status": "member", "user": { "id": 42, "is_bot": true, "first_name": "Bot" } }, "new_chat_member": { "status": "kicked", "until_date": 0, "user": { "id": 42, "is_bot": true, "first_name": "Bot" } } } }));
    // What teloxide cannot read (a message from a newer API, a broken one, a kind never asked
    // for) must not stop the batch it came in, or every later one: it is skipped.
    d.push_raw(serde_json::json!({ "message": { "message_id": 9003, "date": 1764000000, "chat": { "id": 11, "type": "private", "first_name": "T" }, "from": { "id": 11, "is_bot": false, "first_name": "T" }, "hologram": { "id": "h" } } }));
    d.push_raw(serde_json::json!({ "message": { "message_id": "not a number", "chat": 11 } }));
    d.push_raw(serde_json::json!({ "teleportation": { "chat": { "id": 11 } } }));
    // The stale and garbage presses re-prompt the same question; nothing moves on.
    let deadline = Instant::now() + Duration::from_secs(20);
    while asked() < asked_before + 2 {
        assert!(Instant::now() < deadline, "two re-prompts expected");
        std::thread::sleep(Duration::from_millis(5));
    }
    std::thread::sleep(Duration::from_millis(500));
    let now = d.last_bot(11).unwrap();
    assert!(now.text.starts_with("Hi. Is it safe"), "{now:#?}");
    // And the real button still works.
    act(&d, 11, "en", r#"{"choice": "safe"}"#);
    assert!(d.last_bot(11).unwrap().text.starts_with("Does anyone else"));
}

/// The bot is killed with SIGKILL at random moments while survivors keep typing and the double
/// keeps offering unconfirmed updates; then stopped with SIGTERM in the middle of a burst. Every
/// update is applied exactly once (an update applied twice would move a conversation one
/// question too far) and every reply arrives.
#[test]
fn kills_and_a_sigterm_mid_burst_lose_nothing_and_apply_nothing_twice() {
    let d = std::sync::Arc::new(Double::start());
    let dir = tempfile::tempdir().unwrap();
    let mut bot = Some(Bot::start(&d, dir.path(), ""));
    let chats: Vec<i64> = (0..12).map(|i| 880_000 + i).collect();
    let inputs = &FULL_INTAKE[..16];
    let mut drivers = Vec::new();
    for &chat in &chats {
        let d = d.clone();
        drivers.push(std::thread::spawn(move || {
            d.send_text(chat, "/start", "en");
            d.wait_for(chat, 60, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
            for l in inputs {
                act_patient(&d, chat, l);
            }
        }));
    }
    // Kill at pseudo-random moments, restarting each time.
    let mut seed: u64 = 0x0dd5_eed5;
    for _ in 0..8 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        std::thread::sleep(Duration::from_millis(150 + (seed >> 33) % 400));
        drop(bot.take()); // SIGKILL
        bot = Some(Bot::start(&d, dir.path(), ""));
    }
    // SIGTERM while the survivors are still typing: a clean stop within 10 seconds.
    std::thread::sleep(Duration::from_millis(200));
    let took = bot.take().unwrap().stop();
    assert!(took < Duration::from_secs(10), "stopping took {took:?}");
    let _bot = Bot::start(&d, dir.path(), "");
    for t in drivers {
        t.join().unwrap();
    }
    for &chat in &chats {
        // After 16 inputs every conversation reaches "how did this case end": no input lost.
        // (A repeated message after a kill can make a driver move on before the real reply has
        // arrived, so wait for it.)
        d.wait_for(chat, 60, "the sixth case question", |m| {
            m.iter()
                .rev()
                .find(|m| m.from_bot && !m.deleted)
                .is_some_and(|m| m.text.starts_with("How did this case end"))
        });
    }
    // And none applied twice: a second copy of any answer would have moved a conversation on.
    std::thread::sleep(Duration::from_secs(2));
    for &chat in &chats {
        let last = d.last_bot(chat).unwrap();
        assert!(last.text.starts_with("How did this case end"), "chat {chat}: {last:#?}");
    }
}

/// Like `act`, but waits as long as a restart may take.
pub(crate) fn act_patient(d: &Double, chat: i64, line: &str) {
    let v: Value = serde_json::from_str(line).unwrap();
    let before = d.seq(chat);
    if let Some(ids) = v["choices"].as_array() {
        let ids: Vec<&str> = ids.iter().map(|i| i.as_str().unwrap()).collect();
        let before = d.tick_and_send(chat, &ids, "en");
        d.wait_for(chat, 90, &format!("chat {chat}: a reply to {line}"), |msgs| {
            msgs.iter().any(|m| m.from_bot && m.seq > before && !m.deleted && !m.buttons.is_empty())
        });
        return;
    }
    let want = v["choice"].as_str().map(str::to_string);
    match want {
        Some(id) => {
            // A kill between sending and recording may repeat an earlier message (at least
            // once): press the newest message that has the button.
            let suffix = format!(":{id}");
            let msgs = d.wait_for(chat, 90, &format!("chat {chat}: a button {id}"), |msgs| {
                msgs.iter().any(|m| m.from_bot && !m.deleted && m.buttons.iter().any(|b| b.1.ends_with(&suffix)))
            });
            let m = msgs
                .iter()
                .filter(|m| m.from_bot && !m.deleted && m.buttons.iter().any(|b| b.1.ends_with(&suffix)))
                .max_by_key(|m| m.seq)
                .unwrap();
            let data = m.buttons.iter().find(|b| b.1.ends_with(&suffix)).unwrap().1.clone();
            d.press(chat, m.id, &data, "en");
        }
        None => {
            let t = v["text"]
                .as_str()
                .map(str::to_string)
                .unwrap_or_else(|| format!("/{}", v["command"].as_str().unwrap()));
            d.send_text(chat, &t, "en");
        }
    }
    d.wait_for(chat, 90, &format!("chat {chat}: a reply to {line}"), |msgs| {
        msgs.iter().any(|m| m.from_bot && m.seq > before && !m.deleted && !m.buttons.is_empty())
    });
}

/// 10,000 updates from 200 chats that are not answers (forged and garbage presses, stickers,
/// oversized texts, edits, membership changes): no panic, nothing changes, and every chat is
/// still served, in order.
#[test]
fn ten_thousand_junk_updates_from_two_hundred_chats() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "wipe = \"never\"");
    let big = "x".repeat(5000);
    for i in 0..10_000u64 {
        let chat = 990_000 + (i % 200) as i64;
        let who = serde_json::json!({ "id": chat, "type": "private", "first_name": "T" });
        let from = serde_json::json!({ "id": chat, "is_bot": false, "first_name": "T" });
        let u = match i % 5 {
            0 => {
                serde_json::json!({ "message": { "message_id": 1_000_000 + i, "date": 1764000000, "chat": who, "from": from, "sticker": { "file_id": "s", "file_unique_id": "s", "type": "regular", "width": 1, "height": 1, "is_animated": false, "is_video": false } } })
            }
            1 => {
                serde_json::json!({ "edited_message": { "message_id": 1_000_000 + i, "date": 1764000000, "edit_date": 1764000001, "chat": who, "from": from, "text": "2" } })
            }
            2 => {
                serde_json::json!({ "my_chat_member": { "chat": who, "from": from, "date": 1764000000, "old_chat_member": { "status": "member", "user": { "id": 42, "is_bot": true, "first_name": "Bot" } }, "new_chat_member": { "status": "member", "user": { "id": 42, "is_bot": true, "first_name": "Bot" } } } })
            }
            3 if i % 50 == 3 => {
                serde_json::json!({ "message": { "message_id": 1_000_000 + i, "date": 1764000000, "chat": who, "from": from, "text": big } })
            }
            _ => {
                serde_json::json!({ "callback_query": { "id": format!("q{i}"), "from": from, "chat_instance": "c", "data": format!("c:{:08x}:zz{i}", i) } })
            }
        };
        d.push_raw(u);
    }
    // Wait until the bot has taken every update (the double drops those confirmed).
    let last = d.last_update_id();
    let t = Instant::now();
    while d.requests().iter().rev().find(|r| r.method == "getupdates").map(|r| r.body["offset"].as_u64().unwrap_or(0))
        < Some(last + 1)
    {
        assert!(t.elapsed() < Duration::from_secs(120), "the bot did not get through the flood");
        std::thread::sleep(Duration::from_millis(100));
    }
    // Every chat is still served, and its own messages are answered in order.
    for i in 0..200i64 {
        d.send_text(990_000 + i, "/start", "en");
    }
    for i in 0..200i64 {
        let chat = 990_000 + i;
        d.wait_for(chat, 60, "the language question", |m| {
            m.iter().any(|m| m.from_bot && m.text.starts_with("Choose a language"))
        });
    }
    act(&d, 990_007, "en", r#"{"choice": "en"}"#);
    act(&d, 990_007, "en", r#"{"choice": "safe"}"#);
    assert!(d.last_bot(990_007).unwrap().text.starts_with("Does anyone else"));
}

/// With throttling on, one chat gets at most about one message a second.
#[test]
fn throttling_keeps_telegrams_per_chat_rate() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "throttle = true");
    d.send_text(31, "/start", "en");
    d.wait_for(31, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    act(&d, 31, "en", r#"{"choice": "en"}"#);
    act(&d, 31, "en", r#"{"command": "help"}"#);
    let times: Vec<Instant> = d
        .requests()
        .into_iter()
        .filter(|r| r.method == "sendmessage" && r.body["chat_id"] == 31)
        .map(|r| r.at)
        .collect();
    assert!(times.len() >= 4, "{}", times.len());
    for w in times.windows(2) {
        assert!(
            w[1].duration_since(w[0]) >= Duration::from_millis(950),
            "two messages {:?} apart",
            w[1].duration_since(w[0])
        );
    }
}

/// Multiple choice in Telegram: ticks toggle in place (the message's buttons are edited), Done
/// sends them all.
#[test]
fn multiple_choice_ticks_several_options() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    d.send_text(21, "/start", "en");
    d.wait_for(21, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    let harm = FULL_INTAKE.iter().position(|l| l.contains(r#"["none"]"#)).unwrap();
    for l in &FULL_INTAKE[..harm] {
        act(&d, 21, "en", l);
    }
    assert!(d.last_bot(21).unwrap().text.starts_with("Did it say any of these"));
    // Three ticks, pressed in another order than shown: the answer keeps the flow's order.
    act(&d, 21, "en", r#"{"choices": ["injury", "violence", "weapon"]}"#);
    assert!(d.last_bot(21).unwrap().text.starts_with("About how old"), "{:#?}", d.last_bot(21));
    act(&d, 21, "en", r#"{"command": "back"}"#);
    let back = d.last_bot(21).unwrap();
    assert!(
        back.text.contains("→ Someone was threatened or attacked, A weapon was involved, Someone was hurt"),
        "{back:#?}"
    );
}

/// A survivor with many convictions reaches a review with more answers than a keyboard can hold
/// (Telegram refuses one much over 100 buttons, and the double does too): the review still
/// arrives, numbers its answers, and a typed number changes that answer (it never sends).
#[test]
fn a_review_of_many_cases_arrives_and_a_typed_number_changes_that_answer() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    let chat = 61;
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // The intake up to its first case, seven cases (over 100 answers), then the rest up to the
    // review.
    let lines = up_to_review(7);
    for l in &lines {
        act(&d, chat, "en", l);
    }
    let review = d.last_bot(chat).unwrap();
    assert!(review.buttons.iter().any(|b| b.0 == "Send my answers"), "{review:#?}");
    assert!(review.buttons.len() <= 12, "{}", review.buttons.len());
    assert!(!review.buttons.iter().any(|b| b.0.starts_with("Change answer")), "no button per answer");
    let all: String = d.visible(chat).iter().filter(|m| m.from_bot).map(|m| m.text.clone()).collect();
    assert!(all.contains("6. Name to use: Canary-Name-7731"), "{all}");
    assert!(all.contains("\n101. "), "every answer numbered: {all}");
    assert!(review.text.contains("To change an answer, type its number."), "{}", review.text);
    // "9" is the ninth answer (case 1's county), as numbered: it is asked again, not sent.
    let before = d.seq(chat);
    d.send_text(chat, "9", "en");
    let msgs = d.wait_for(chat, 20, "the county question again", |m| {
        m.iter().any(|m| m.from_bot && m.seq > before && !m.deleted && m.text.starts_with("Which county"))
    });
    assert!(
        !msgs.iter().any(|m| m.seq > before && m.text.contains("have been sent")),
        "a number must never send the answers"
    );
    act(&d, chat, "en", r#"{"text": "Canary-County-0005"}"#);
    let review = d.last_bot(chat).unwrap();
    assert!(review.buttons.iter().any(|b| b.0 == "Send my answers"), "back on the review: {review:#?}");
    let all: String = d.visible(chat).iter().filter(|m| m.from_bot).map(|m| m.text.clone()).collect();
    assert!(all.contains("9. Case 1 · County or court: Canary-County-0005"), "{all}");
    act(&d, chat, "en", r#"{"choice": "submit"}"#);
    assert!(d.visible(chat).iter().any(|m| m.from_bot && m.text.contains("Thank you")));
}

/// A wipe of more than 100 messages goes in parts (Telegram's limit for one deleteMessages): a
/// part Telegram refuses does not keep the parts after it from going.
#[test]
fn a_refused_part_of_a_long_wipe_does_not_stop_the_rest() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&d, dir.path(), "wipe = \"on_exit\"");
    let chat = 62;
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for i in 0..70 {
        let before = d.seq(chat);
        d.send_text(chat, "/help", "en");
        d.wait_for(chat, 20, &format!("help {i}"), |m| m.iter().any(|m| m.from_bot && m.seq > before));
    }
    let newest = d.messages(chat).iter().filter(|m| !m.from_bot).map(|m| m.id).max().unwrap();
    // Telegram refuses the first part (as it does when those messages are already gone).
    d.fail("deletemessages", &[(400, None)]);
    let before = d.seq(chat);
    d.send_text(chat, "/exit", "en");
    d.wait_for(chat, 20, "the exit", |m| m.iter().any(|m| m.seq > before && m.from_bot && m.text == "👍"));
    let deletes = || d.requests().iter().filter(|r| r.method == "deletemessages").count();
    let t = Instant::now();
    while deletes() < 2 {
        assert!(t.elapsed() < Duration::from_secs(10), "the second part was never sent");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(200));
    let msgs = d.messages(chat);
    assert!(msgs.iter().any(|m| m.id == newest && m.deleted), "the newest messages (the second part) are wiped");
    let parts: Vec<usize> = d
        .requests()
        .iter()
        .filter(|r| r.method == "deletemessages")
        .map(|r| r.body["message_ids"].as_array().unwrap().len())
        .collect();
    assert!(parts.iter().all(|n| (1..=100).contains(n)) && parts.iter().sum::<usize>() > 100, "{parts:?}");
    bot.stop();
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    assert!(log.contains("Telegram refused a deletion"), "the refusal is logged");
}

/// A Bot API that accepts connections and never answers (a network black hole) at start-up: a
/// SIGTERM still stops the bot within 10 seconds.
#[test]
fn a_sigterm_while_the_bot_api_never_answers_stops_within_ten_seconds() {
    let hole = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let double = Double { url: format!("http://{}/", hole.local_addr().unwrap()), state: Default::default() };
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&double, dir.path(), "");
    std::thread::sleep(Duration::from_millis(1500));
    let took = bot.stop();
    assert!(took < Duration::from_secs(10), "stopping took {took:?}");
    drop(hole);
}

// ----- long lists a page at a time (issue 16, item 11) ------------------------------------------

/// The most buttons any message to the survivor carried, in every request that sets them.
fn most_buttons(d: &Double) -> usize {
    d.requests()
        .iter()
        .filter(|r| matches!(r.method.as_str(), "sendmessage" | "editmessagetext" | "editmessagereplymarkup"))
        .map(|r| {
            r.body["reply_markup"]["inline_keyboard"]
                .as_array()
                .map(|rows| rows.iter().map(|row| row.as_array().map_or(0, |b| b.len())).sum())
                .unwrap_or(0)
        })
        .max()
        .unwrap_or(0)
}

/// Presses a button of a bot message whose label satisfies `pick`, and waits for the message's
/// buttons to change (another page) or for a newer message.
fn press_label(d: &Double, chat: i64, pick: impl Fn(&str) -> bool) -> crate::botapi::Msg {
    let m = d.last_bot(chat).unwrap();
    let (_, data) = m.buttons.iter().find(|b| pick(&b.0)).unwrap_or_else(|| panic!("no such button in {m:#?}")).clone();
    let before = d.seq(chat);
    d.press(chat, m.id, &data, "en");
    d.wait_for(chat, 20, "the next page or reply", |msgs| {
        msgs.iter().any(|x| x.from_bot && !x.deleted && x.seq > before && !x.buttons.is_empty())
    });
    d.last_bot(chat).unwrap()
}

/// The number a paged button's label starts with ("12. Theft" -> 12; "☐ 3. Visa" -> 3).
fn number_of(label: &str) -> Option<usize> {
    label.trim_start_matches(['☐', '☑', ' ']).split_once(". ").and_then(|(n, _)| n.parse().ok())
}

/// The intake's inputs up to its review, with `cases` cases (at least one): the first as
/// `FULL_INTAKE` tells it (its state and kind on the short path, the rest after the
/// checkpoint), each other told the same way in one go.
fn up_to_review(cases: usize) -> Vec<&'static str> {
    // The first case's last answer is the docket (/skip), before "another case?".
    let docket = FULL_INTAKE.iter().rposition(|l| l.contains("skip")).unwrap();
    let mut lines: Vec<&str> = FULL_INTAKE[..=docket].to_vec();
    let state = FULL_INTAKE.iter().position(|l| l.contains("New York")).unwrap();
    let county = FULL_INTAKE.iter().position(|l| l.contains("Canary-County")).unwrap();
    for _ in 1..cases {
        lines.push(r#"{"choice": "yes"}"#);
        lines.extend_from_slice(&FULL_INTAKE[state..state + 2]);
        lines.extend_from_slice(&FULL_INTAKE[county..=docket]);
    }
    lines.push(r#"{"choice": "no"}"#);
    lines.extend_from_slice(&FULL_INTAKE[docket + 2..FULL_INTAKE.len() - 1]);
    lines
}

/// Reaches the review with `cases` cases; returns the number of answers it lists.
fn reach_review(d: &Double, chat: i64, cases: usize) -> usize {
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    let lines = up_to_review(cases);
    for l in &lines {
        act(d, chat, "en", l);
    }
    let all: String = d.visible(chat).iter().filter(|m| m.from_bot).map(|m| m.text.clone()).collect();
    (1..).take_while(|n| all.contains(&format!("\n{n}. "))).count()
}

/// Send and Change; Change pages through every answer with More and Back, a button each; one is
/// changed, the review comes back, and Send sends.
fn review_pages_through(cases: usize, at_least: usize) {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    let chat = 71;
    let n = reach_review(&d, chat, cases);
    assert!(n >= at_least, "{n} answers");
    let review = d.last_bot(chat).unwrap();
    let labels: Vec<&str> = review.buttons.iter().map(|b| b.0.as_str()).collect();
    assert_eq!(labels, ["Send my answers", "Change an answer", "✕"], "{review:#?}");
    // Change: the first page of answers, then More to the end.
    let mut page = press_label(&d, chat, |l| l == "Change an answer");
    let mut seen = Vec::new();
    loop {
        assert_eq!(page.id, review.id, "paging edits the review's own buttons");
        assert!(page.buttons.len() <= 12, "{page:#?}");
        assert!(page.buttons.iter().any(|b| b.0 == "◀ Back"), "{page:#?}");
        seen.extend(page.buttons.iter().filter_map(|b| number_of(&b.0)));
        if !page.buttons.iter().any(|b| b.0 == "More ▶") {
            break;
        }
        page = press_label(&d, chat, |l| l == "More ▶");
    }
    assert_eq!(seen, (1..=n).collect::<Vec<_>>(), "every answer, once, in order");
    // Back, page by page, to the ninth answer (case 1's county, after the short path, the
    // name, the words to use and whether every case was linked), and change it.
    while !page.buttons.iter().any(|b| number_of(&b.0) == Some(9)) {
        page = press_label(&d, chat, |l| l == "◀ Back");
    }
    let before = d.seq(chat);
    let nine = page.buttons.iter().find(|b| number_of(&b.0) == Some(9)).unwrap().1.clone();
    d.press(chat, page.id, &nine, "en");
    d.wait_for(chat, 20, "the county question again", |m| {
        m.iter().any(|m| m.from_bot && m.seq > before && !m.deleted && m.text.starts_with("Which county"))
    });
    act(&d, chat, "en", r#"{"text": "Canary-County-0005"}"#);
    let review = d.last_bot(chat).unwrap();
    assert!(review.buttons.iter().any(|b| b.0 == "Change an answer"), "back on the review: {review:#?}");
    let all: String = d.visible(chat).iter().filter(|m| m.from_bot).map(|m| m.text.clone()).collect();
    assert!(all.contains("9. Case 1 · County or court: Canary-County-0005"), "{all}");
    // Change, then Back: Send and Change again; Send sends.
    press_label(&d, chat, |l| l == "Change an answer");
    let main = press_label(&d, chat, |l| l == "◀ Back");
    assert!(main.buttons.iter().any(|b| b.0 == "Send my answers"), "{main:#?}");
    act(&d, chat, "en", r#"{"choice": "submit"}"#);
    assert!(d.visible(chat).iter().any(|m| m.from_bot && m.text.contains("Thank you")));
    assert!(most_buttons(&d) <= 12, "a message with {} buttons", most_buttons(&d));
}

/// Two cases: 44 answers today (the blind run that found the wall had 39).
#[test]
fn a_review_of_about_40_answers_is_send_and_change_with_a_page_of_answers_at_a_time() {
    review_pages_through(2, 39);
}

/// Seven cases: 119 answers today.
#[test]
fn a_review_of_over_100_answers_is_send_and_change_with_a_page_of_answers_at_a_time() {
    review_pages_through(7, 101);
}

/// The charge-kind question (19 choices) goes a page at a time; a choice on page 2 is recorded,
/// and a typed number means the choice of that number in the whole list.
#[test]
fn a_long_single_choice_pages_with_more_and_back_and_a_choice_on_page_2_counts() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let _bot = Bot::start(&d, dir.path(), "");
    let chat = 73;
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for l in &FULL_INTAKE[..6] {
        act(&d, chat, "en", l);
    }
    let q = d.last_bot(chat).unwrap();
    assert!(q.buttons.len() <= 12 && q.buttons.iter().any(|b| b.0 == "More ▶"), "{q:#?}");
    assert_eq!(number_of(&q.buttons[0].0), Some(1), "{q:#?}");
    let p2 = press_label(&d, chat, |l| l == "More ▶");
    assert_eq!(p2.id, q.id);
    assert!(p2.buttons.iter().any(|b| b.0 == "◀ Back"), "{p2:#?}");
    let back = press_label(&d, chat, |l| l == "◀ Back");
    assert_eq!(back.buttons, q.buttons, "Back shows page 1 again");
    let p2 = press_label(&d, chat, |l| l == "More ▶");
    let (label, data) = p2.buttons.iter().find(|b| number_of(&b.0) == Some(10)).unwrap().clone();
    let name = label.split_once(". ").unwrap().1.to_string();
    let before = d.seq(chat);
    d.press(chat, p2.id, &data, "en");
    d.wait_for(chat, 20, "the next question", |m| m.iter().any(|m| m.from_bot && m.seq > before && !m.deleted));
    act(&d, chat, "en", r#"{"command": "back"}"#);
    let again = d.last_bot(chat).unwrap();
    assert!(again.text.contains(&format!("→ {name}")), "the choice on page 2 was recorded: {again:#?}");
    // Typed "12" is choice 12 of the whole list, though page 1 shows 1 to 8.
    let p2 = press_label(&d, chat, |l| l == "More ▶");
    let name12 =
        p2.buttons.iter().find(|b| number_of(&b.0) == Some(12)).unwrap().0.split_once(". ").unwrap().1.to_string();
    act(&d, chat, "en", r#"{"text": "12"}"#);
    act(&d, chat, "en", r#"{"command": "back"}"#);
    let again = d.last_bot(chat).unwrap();
    assert!(again.text.contains(&format!("→ {name12}")), "{again:#?}");
    assert!(most_buttons(&d) <= 12, "a message with {} buttons", most_buttons(&d));
}

/// A multiple choice of more than ten options goes a page at a time; a tick on one page is kept
/// while another page is shown, and Done sends the ticks of every page.
#[test]
fn a_long_multiple_choice_keeps_its_ticks_across_pages() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    // The intake with three more documents (13 choices with "don't know" and "rather not say").
    let flows = dir.path().join("flows");
    std::fs::create_dir_all(&flows).unwrap();
    let flow = std::fs::read_to_string(root().join("flows/intake.toml")).unwrap();
    let none = "  { value = \"none\", label = \"opt-doc-none\" },\n";
    assert!(flow.contains(none));
    let flow = flow
        .replace(
            none,
            &format!(
                "{none}  {{ value = \"extra_theft\", label = \"opt-cat-theft\" }},\n  {{ value = \"extra_fraud\", label = \"opt-cat-fraud\" }},\n  {{ value = \"extra_driving\", label = \"opt-cat-driving\" }},\n"
            ),
        )
        .replace("field = \"official_documentation\"\n", "");
    std::fs::write(flows.join("intake.toml"), flow).unwrap();
    let _bot = Bot::start_with(&d, dir.path(), "", &[("CLEARPATH_FLOWS", flows.to_str().unwrap())]);
    let chat = 74;
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    let documents = FULL_INTAKE.iter().rposition(|l| l.contains("\"none\"")).unwrap();
    for l in &FULL_INTAKE[..documents] {
        act(&d, chat, "en", l);
    }
    let q = d.last_bot(chat).unwrap();
    assert!(q.buttons.len() <= 12 && q.buttons.iter().any(|b| b.0 == "More ▶"), "{q:#?}");
    let tick = |id: &str| {
        let m = d.last_bot(chat).unwrap();
        let data =
            m.buttons.iter().find(|b| b.1.starts_with("t:") && b.1.ends_with(&format!(":{id}"))).unwrap().1.clone();
        d.press(chat, m.id, &data, "en");
        d.wait_for(chat, 20, "the tick", |msgs| {
            msgs.iter().any(|x| x.id == m.id && x.buttons.iter().any(|b| b.1 == data && b.0.starts_with('☑')))
        });
    };
    let ticked = |m: &crate::botapi::Msg| -> Vec<String> {
        m.buttons.iter().filter(|b| b.0.starts_with('☑')).map(|b| b.1.rsplit(':').next().unwrap().to_string()).collect()
    };
    tick("t_visa");
    let p2 = press_label(&d, chat, |l| l == "More ▶");
    assert!(p2.buttons.len() <= 12, "{p2:#?}");
    assert!(ticked(&p2).is_empty(), "{p2:#?}");
    tick("extra_fraud");
    let p1 = press_label(&d, chat, |l| l == "◀ Back");
    assert_eq!(ticked(&p1), ["t_visa"], "the tick on page 1 is still there: {p1:#?}");
    let p2 = press_label(&d, chat, |l| l == "More ▶");
    assert_eq!(ticked(&p2), ["extra_fraud"], "the tick on page 2 is still there: {p2:#?}");
    let labels: Vec<String> = [&p1, &p2]
        .iter()
        .flat_map(|m| m.buttons.iter().filter(|b| b.0.starts_with('☑')))
        .map(|b| b.0.split_once(". ").unwrap().1.to_string())
        .collect();
    let done = p2.buttons.iter().find(|b| b.1.starts_with("d:")).unwrap().1.clone();
    let before = d.seq(chat);
    d.press(chat, p2.id, &done, "en");
    d.wait_for(chat, 20, "the next question", |m| m.iter().any(|m| m.from_bot && m.seq > before && !m.deleted));
    act(&d, chat, "en", r#"{"command": "back"}"#);
    let again = d.last_bot(chat).unwrap();
    assert!(again.text.contains(&format!("→ {}", labels.join(", "))), "both ticks were sent: {labels:?} {again:#?}");
    assert!(most_buttons(&d) <= 12, "a message with {} buttons", most_buttons(&d));
}
