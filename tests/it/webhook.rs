//! Webhook mode through the real binary (`clearpath serve --webhook`) against the Bot API double,
//! which plays Telegram's side: it records `setWebhook`, POSTs each update to the listener as
//! Telegram would (the reverse proxy's forwarding is the double's `deliver_to`), refuses
//! `getUpdates` while a webhook is set, and removes it on `deleteWebhook`.

use crate::botapi::Double;
use crate::metrics::{free_port, get, value};
use crate::telegram::{full_intake, Bot};
use serde_json::json;
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;
use std::time::{Duration, Instant};

const SECRET: &str = "wh-SECRET_canary-0123456789";
const URL: &str = "https://bot.example.org/tg/hook";
const PATH: &str = "/tg/hook";

/// The secret file (mode 600) and the `[webhook]` section (and `[metrics]` on `metrics`).
fn webhook_section(dir: &Path, port: u16, metrics: Option<u16>) -> String {
    let file = dir.join("webhook.secret");
    std::fs::write(&file, format!("{SECRET}\n")).unwrap();
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    let metrics = metrics.map(|p| format!("\n[metrics]\nlisten = \"127.0.0.1:{p}\"\n")).unwrap_or_default();
    format!(
        "\n[webhook]\nlisten = \"127.0.0.1:{port}\"\nurl = \"{URL}\"\nsecret_token_file = {:?}\nmax_body_kb = 64\n{metrics}",
        file.to_str().unwrap()
    )
}

/// One raw HTTP/1.1 request to the listener (retried while it starts): its status. `body` is
/// sent as given; `head_only` declares its length but sends only the head.
fn request(port: u16, method: &str, path: &str, headers: &[(&str, String)], body: &[u8], head_only: bool) -> u16 {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
            let mut head = format!("{method} {path} HTTP/1.1\r\nHost: bot.example.org\r\nConnection: close\r\n");
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            if !headers.iter().any(|(k, _)| k.eq_ignore_ascii_case("transfer-encoding")) {
                head.push_str(&format!("Content-Length: {}\r\n", body.len()));
            }
            head.push_str("\r\n");
            s.write_all(head.as_bytes()).unwrap();
            if !head_only {
                // The listener may answer and close before reading all of an oversize body.
                let _ = s.write_all(body);
            }
            let mut raw = Vec::new();
            let _ = s.read_to_end(&mut raw);
            let text = String::from_utf8_lossy(&raw);
            return text.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
        }
        assert!(Instant::now() < deadline, "the webhook listener never answered");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// POSTs `body` to the webhook path with `secret` in Telegram's header.
fn post(port: u16, secret: Option<&str>, body: &[u8]) -> u16 {
    let mut headers = vec![("Content-Type", "application/json".to_string())];
    if let Some(s) = secret {
        headers.push(("X-Telegram-Bot-Api-Secret-Token", s.to_string()));
    }
    request(port, "POST", PATH, &headers, body, false)
}

fn handled(metrics: u16) -> f64 {
    let (status, body) = get(metrics, "/metrics");
    assert_eq!(status, 200, "{body}");
    let scrape = prometheus_parse::Scrape::parse(body.lines().map(|l| Ok(l.to_string()))).unwrap();
    value(&scrape, "clearpath_updates_handled_total", None)
}

fn bot_messages(d: &Double, chat: i64) -> usize {
    d.messages(chat).iter().filter(|m| m.from_bot).count()
}

/// Waits until `pred` holds, or fails with `what`.
fn wait(secs: u64, what: &str, pred: impl Fn() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(secs);
    while !pred() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn webhook_mode_sets_the_webhook_and_handles_only_authentic_whole_updates_once() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let (port, metrics) = (free_port(), free_port());
    let bot = Bot::start_args(&d, dir.path(), &webhook_section(dir.path(), port, Some(metrics)), &[], &["--webhook"]);

    // setWebhook: the public URL, the secret, the kinds polling asks for, nothing dropped, and one
    // connection (so that updates come in order).
    wait(20, "setWebhook", || d.webhook().is_some());
    let hook = d.webhook().unwrap();
    assert_eq!(hook["url"], URL, "{hook}");
    assert_eq!(hook["secret_token"], SECRET);
    assert_eq!(hook["allowed_updates"], json!(["message", "callback_query", "edited_message"]));
    assert_eq!(hook["drop_pending_updates"], false);
    assert_eq!(hook["max_connections"], 1);
    wait(20, "ready", || get(metrics, "/healthz") == (200, "ok\n".to_string()));

    let chat = 5_500_321;
    let start = serde_json::to_vec(&d.text_update(chat, "/start", "en")).unwrap();
    // Without the secret, or with a wrong one (even one differing only at the end, or longer): 401,
    // and nothing is handled.
    assert_eq!(post(port, None, &start), 401);
    assert_eq!(post(port, Some("wrong"), &start), 401);
    assert_eq!(post(port, Some(&SECRET[..SECRET.len() - 1]), &start), 401);
    assert_eq!(post(port, Some(&format!("{SECRET}x")), &start), 401);
    // Over the limit (64 KiB here): 413, whether the length is declared or the body just goes on.
    assert_eq!(
        request(port, "POST", PATH, &[("X-Telegram-Bot-Api-Secret-Token", SECRET.into())], &[b' '; 70_000], true),
        413
    );
    let mut chunked = Vec::new();
    for _ in 0..10 {
        chunked.extend_from_slice(format!("{:x}\r\n", 8192).as_bytes());
        chunked.extend_from_slice(&[b' '; 8192]);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let headers =
        [("X-Telegram-Bot-Api-Secret-Token", SECRET.to_string()), ("Transfer-Encoding", "chunked".to_string())];
    assert_eq!(request(port, "POST", PATH, &headers, &chunked, false), 413);
    // Not an update: 400, and nothing breaks.
    assert_eq!(post(port, Some(SECRET), b"{\"update_id\": 12, \"message\": {\"text\": "), 400);
    assert_eq!(post(port, Some(SECRET), b"\xff\xfe garbage"), 400);
    assert_eq!(post(port, Some(SECRET), b"{\"message\": {}}"), 400);
    assert_eq!(post(port, Some(SECRET), b""), 400);
    // Elsewhere: not found; not a POST: refused.
    assert_eq!(
        request(port, "POST", "/other", &[("X-Telegram-Bot-Api-Secret-Token", SECRET.into())], &start, false),
        404
    );
    assert_eq!(request(port, "GET", PATH, &[], b"", false), 405);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(bot_messages(&d, chat), 0, "nothing refused was handled");
    assert_eq!(handled(metrics), 0.0);

    // The real update, with the secret: answered only once handled, so the reply is already in
    // the outbox (and soon on the phone).
    assert_eq!(post(port, Some(SECRET), &start), 200);
    assert_eq!(handled(metrics), 1.0);
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    let replies = bot_messages(&d, chat);
    // The same update again (Telegram repeats one whose answer it did not get): 200, and it
    // changes nothing and sends nothing twice.
    assert_eq!(post(port, Some(SECRET), &start), 200);
    assert_eq!(post(port, Some(SECRET), &start), 200);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(bot_messages(&d, chat), replies, "{:#?}", d.messages(chat));
    // The next update is served as ever: the language chosen by typing it.
    let next = serde_json::to_vec(&d.text_update(chat, "English", "en")).unwrap();
    assert_eq!(post(port, Some(SECRET), &next), 200);
    d.wait_for(chat, 20, "the next question", |m| m.iter().filter(|m| m.from_bot).count() > replies);
    assert_eq!(get(metrics, "/healthz"), (200, "ok\n".to_string()));
    // An update of a kind the bot does not read is taken (else Telegram would send it for ever).
    let unknown = json!({ "update_id": d.take_update_id(), "poll": { "id": "p" } });
    assert_eq!(post(port, Some(SECRET), &serde_json::to_vec(&unknown).unwrap()), 200);

    let log = dir.path().join("bot.log");
    bot.stop();
    let log = std::fs::read_to_string(log).unwrap();
    assert!(!log.contains(SECRET), "the secret reached the log");
    assert!(log.contains("webhook request without the right secret was refused"), "{log}");
    assert!(!d.requests().iter().any(|r| r.method == "getupdates"), "no polling in webhook mode");
}

#[test]
fn an_intake_through_the_webhook_then_back_to_polling() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    d.deliver_to(&format!("http://127.0.0.1:{port}{PATH}"));
    let bot = Bot::start_args(&d, dir.path(), &webhook_section(dir.path(), port, None), &[], &["--webhook"]);
    let chat = 5_500_777;
    // The whole intake, each input POSTed by Telegram's side, each reply sent through the outbox.
    full_intake(&d, chat, "en");
    let sent = d.deliveries();
    assert!(sent.len() > 20, "{sent:?}");
    assert!(sent.iter().all(|(_, status)| *status == 200), "{sent:?}");
    assert!(d.messages(chat).iter().any(|m| m.from_bot && m.text.contains("Thank you")));
    assert!(!d.requests().iter().any(|r| r.method == "getupdates"));
    bot.stop();

    // While the bot is stopped a survivor writes; the webhook is still set, so Telegram keeps it.
    let before = d.requests().len();
    let waiting = d.send_text(chat, "/start", "en");
    let seq = d.seq(chat);
    // Back to polling (the settings without [webhook], no --webhook): the webhook is removed,
    // keeping what waits, before the first getUpdates; the waiting update is answered.
    let bot = Bot::start(&d, dir.path(), "");
    d.wait_for(chat, 20, "a reply by polling", |m| m.iter().any(|m| m.from_bot && m.seq > seq));
    let after: Vec<_> = d.requests().into_iter().skip(before).collect();
    let delete = after.iter().position(|r| r.method == "deletewebhook").expect("deleteWebhook");
    assert_ne!(after[delete].body["drop_pending_updates"], true, "{}", after[delete].body);
    let first_poll = after.iter().position(|r| r.method == "getupdates").expect("getUpdates");
    assert!(delete < first_poll);
    assert!(d.webhook().is_none());
    assert!(!d.deliveries().iter().any(|(id, status)| *id == waiting && *status == 200));
    // And the conversation carries on by polling.
    let seq = d.seq(chat);
    d.send_text(chat, "/help", "en");
    d.wait_for(chat, 20, "the help", |m| m.iter().any(|m| m.from_bot && m.seq > seq));
    bot.stop();
}

#[test]
fn webhook_settings_are_checked_and_the_secret_file_named_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    let check = |toml: &str| {
        let cfg = dir.path().join("c.toml");
        std::fs::write(&cfg, toml).unwrap();
        crate::support::run_bin(&["check", "--config", cfg.to_str().unwrap()], &[], "", &crate::support::root())
    };
    let (code, out, _) = check("[webhook]\nenabled = true\nurl = \"https://bot.example.org/hook\"\n");
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("`webhook.secret_token_file` must be set in webhook mode"), "{out}");
    let (code, out, _) = check("[webhook]\nurl = \"http://bot.example.org/hook\"\n");
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("`webhook.url` must be an https:// address"), "{out}");
    let (code, out, _) = check("[webhook]\nurl = \"https://bot.example.org:9000/hook\"\n");
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("must use port 443, 80, 88 or 8443"), "{out}");
    let (code, out, _) = check("[webhook]\nmax_body_kb = 0\n");
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("`webhook.max_body_kb` must be between 1 and 16384"), "{out}");

    // A secret Telegram would refuse, or a file others can read: named, the secret never shown.
    let secret = dir.path().join("secret");
    let section = |mode: u32, text: &str| {
        std::fs::write(&secret, text).unwrap();
        std::fs::set_permissions(&secret, std::fs::Permissions::from_mode(mode)).unwrap();
        format!("[webhook]\nenabled = true\nurl = \"{URL}\"\nsecret_token_file = {:?}\n", secret.to_str().unwrap())
    };
    let (code, out, _) = check(&section(0o600, "has spaces and a ! in it\n"));
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("the webhook secret must be 1 to 256 characters, each A-Z, a-z, 0-9, _ or -"), "{out}");
    assert!(!out.contains("has spaces"), "{out}");
    let (code, out, _) = check(&section(0o600, &"a".repeat(257)));
    assert_eq!(code, 5, "{out}");
    let (code, out, _) = check(&section(0o644, SECRET));
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("can be read by other users"), "{out}");
    assert!(!out.contains(SECRET), "{out}");
    let (code, out, _) = check(&section(0o600, SECRET));
    assert_eq!(code, 0, "{out}");

    // `serve --webhook` refuses to start on the same faults, before anything runs.
    let cfg = dir.path().join("serve.toml");
    std::fs::write(&cfg, section(0o600, "not allowed!")).unwrap();
    let key = dir.path().join("master.key");
    crate::support::run_bin(&["keys", "init", key.to_str().unwrap()], &[], "", dir.path());
    let data = dir.path().join("data");
    let envs = [
        ("CLEARPATH_CONFIG", cfg.to_str().unwrap()),
        ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap()),
        ("TELOXIDE_TOKEN", crate::telegram::TOKEN),
        ("TELOXIDE_API_URL", "http://127.0.0.1:9/"),
        ("CLEARPATH_DATA_DIR", data.to_str().unwrap()),
    ];
    let (code, out, err) = crate::support::run_bin(&["serve", "--webhook"], &envs, "", &crate::support::root());
    assert_ne!(code, 0, "{out}{err}");
    assert!(err.contains("the webhook secret must be"), "{err}");
    assert!(!err.contains("not allowed!"), "{err}");
    // --webhook without the settings names what is missing.
    std::fs::write(&cfg, "").unwrap();
    let (code, _, err) = crate::support::run_bin(&["serve", "--webhook"], &envs, "", &crate::support::root());
    assert_ne!(code, 0);
    assert!(err.contains("`webhook.url`: must be set in webhook mode"), "{err}");
}

#[test]
fn webhook_repeats_after_a_restart_change_nothing_and_a_failing_update_is_set_aside() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let section = webhook_section(dir.path(), port, None);
    let fail = [("CLEARPATH_TEST_FAIL_TEXT", "boom")];
    let bot = Bot::start_args(&d, dir.path(), &section, &fail, &["--webhook"]);
    let chat = 5_500_999;
    let start = serde_json::to_vec(&d.text_update(chat, "/start", "en")).unwrap();
    assert_eq!(post(port, Some(SECRET), &start), 200);
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // An update whose handling fails (twice): set aside, answered 200 (Telegram would otherwise
    // send it for ever), and the person asked calmly to send it again.
    let replies = bot_messages(&d, chat);
    let boom = serde_json::to_vec(&d.text_update(chat, "boom", "en")).unwrap();
    assert_eq!(post(port, Some(SECRET), &boom), 200);
    d.wait_for(chat, 20, "the notice", |m| m.iter().filter(|m| m.from_bot).count() > replies);
    bot.stop();

    // After a restart (the progress mark of the last run), the same updates again change nothing
    // and send nothing twice; a new one is served.
    let bot = Bot::start_args(&d, dir.path(), &section, &fail, &["--webhook"]);
    let replies = bot_messages(&d, chat);
    assert_eq!(post(port, Some(SECRET), &start), 200);
    assert_eq!(post(port, Some(SECRET), &boom), 200);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(bot_messages(&d, chat), replies, "{:#?}", d.messages(chat));
    let next = serde_json::to_vec(&d.text_update(chat, "English", "en")).unwrap();
    assert_eq!(post(port, Some(SECRET), &next), 200);
    d.wait_for(chat, 20, "the next question", |m| m.iter().filter(|m| m.from_bot).count() > replies);
    let log = dir.path().join("bot.log");
    bot.stop();
    let log = std::fs::read_to_string(log).unwrap();
    assert!(log.contains("an update was set aside after two failures"), "{log}");
    assert!(log.contains("update handled in an earlier run; skipped"), "{log}");
}

#[test]
fn the_example_webhook_section_reads_as_shown() {
    let example = std::fs::read_to_string(crate::support::root().join("clearpath.example.toml")).unwrap();
    let at = example.find("# [webhook]").expect("the example shows [webhook]");
    let section: String = example[at..]
        .lines()
        .take_while(|l| l.starts_with('#'))
        .filter(|l| !l.starts_with("#  ") && !l.trim_start_matches('#').trim().is_empty())
        .map(|l| format!("{}\n", l.trim_start_matches("# ")))
        .collect();
    let c = clearpath::config::Config::parse(Path::new("example.toml"), &section)
        .unwrap_or_else(|e| panic!("{e}\n{section}"));
    assert!(!c.webhook.enabled);
    let w = c.webhook.resolve().unwrap();
    assert_eq!(w.listen.to_string(), "127.0.0.1:8443");
    assert_eq!(w.max_body, 1024 * 1024);
    assert_eq!(w.url.path(), "/telegram/SOME-RANDOM-PATH");
}

#[test]
fn an_update_answered_200_survives_a_hard_kill_and_is_not_handled_again() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let (port, metrics) = (free_port(), free_port());
    let section = webhook_section(dir.path(), port, Some(metrics));
    let bot = Bot::start_args(&d, dir.path(), &section, &[], &["--webhook"]);
    let chat = 5_501_111;
    let start = serde_json::to_vec(&d.text_update(chat, "/start", "en")).unwrap();
    assert_eq!(post(port, Some(SECRET), &start), 200);
    // Killed at once: what the 200 promised must already be on disk (sled's own sync waits up to
    // half a second), the reply included, whether or not it had left yet.
    std::process::Command::new("kill").args(["-KILL", &bot.pid().to_string()]).status().unwrap();
    drop(bot);
    let bot = Bot::start_args(&d, dir.path(), &section, &[], &["--webhook"]);
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // (A reply sent just before the kill may go again: sending is at least once, and the sender's
    // record of it was not yet flushed. Wait until the outbox is empty.)
    wait(20, "the outbox to drain", || {
        let (_, body) = get(metrics, "/metrics");
        let scrape = prometheus_parse::Scrape::parse(body.lines().map(|l| Ok(l.to_string()))).unwrap();
        value(&scrape, "clearpath_outbox_depth", None) == 0.0
    });
    std::thread::sleep(Duration::from_millis(200));
    let replies = bot_messages(&d, chat);
    // Telegram, which may not have seen the 200, sends it again: it changes nothing, sends nothing.
    assert_eq!(post(port, Some(SECRET), &start), 200);
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(bot_messages(&d, chat), replies, "{:#?}", d.messages(chat));
    assert_eq!(handled(metrics), 0.0, "skipped by the last run's mark, not handled again");
    bot.stop();
}

#[test]
fn healthz_in_webhook_mode_waits_for_telegram_to_accept_the_webhook() {
    let d = Double::start();
    // Telegram's side fails setWebhook until told otherwise.
    d.fail("setWebhook", &[(500, None); 100]);
    let dir = tempfile::tempdir().unwrap();
    let (port, metrics) = (free_port(), free_port());
    let bot = Bot::start_args(&d, dir.path(), &webhook_section(dir.path(), port, Some(metrics)), &[], &["--webhook"]);
    wait(20, "a refused setWebhook", || d.requests().iter().any(|r| r.method == "setwebhook"));
    assert_eq!(get(metrics, "/healthz"), (503, "not ready: Telegram has not accepted setWebhook yet\n".into()));
    d.state.0.lock().unwrap().fail.clear();
    wait(20, "ready", || get(metrics, "/healthz") == (200, "ok\n".to_string()));
    assert!(d.webhook().is_some());
    bot.stop();
}

#[test]
fn healthz_in_webhook_mode_says_when_a_reply_has_waited_too_long() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("clock");
    std::fs::write(&clock, "0").unwrap();
    let (port, metrics) = (free_port(), free_port());
    let envs = [("CLEARPATH_TEST_CLOCK_FILE", clock.to_str().unwrap())];
    let bot = Bot::start_args(&d, dir.path(), &webhook_section(dir.path(), port, Some(metrics)), &envs, &["--webhook"]);
    wait(20, "ready", || get(metrics, "/healthz") == (200, "ok\n".to_string()));
    // Telegram fails every send for a while: the reply waits in the outbox.
    d.fail("sendMessage", &[(500, None); 1000]);
    let chat = 5_502_222;
    let start = serde_json::to_vec(&d.text_update(chat, "/start", "en")).unwrap();
    assert_eq!(post(port, Some(SECRET), &start), 200);
    assert_eq!(get(metrics, "/healthz"), (200, "ok\n".to_string()), "a reply just queued is not late");
    // Six minutes later it still waits: not ready, and why.
    std::fs::write(&clock, "360").unwrap();
    let (status, body) = get(metrics, "/healthz");
    assert_eq!(status, 503, "{body}");
    assert!(body.starts_with("not ready: a reply has waited 3"), "{body}");
    // Telegram takes it: ready again.
    d.state.0.lock().unwrap().fail.clear();
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    wait(20, "ready", || get(metrics, "/healthz") == (200, "ok\n".to_string()));
    bot.stop();
}
