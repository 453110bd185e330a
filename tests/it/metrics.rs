//! Health and metrics through the real bot: after a known conversation, `/metrics` (parsed by a
//! Prometheus text-format parser) counts what happened, and no label carries a chat id or a case
//! code; `/healthz` is ready once Telegram has been reached; the listener is loopback only.

use crate::botapi::Double;
use crate::telegram::{full_intake, Bot};
use std::io::{Read, Write};

pub(crate) fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// GET `path` from the listener: (status, body). Retries while the listener starts.
pub(crate) fn get(port: u16, path: &str) -> (u16, String) {
    for _ in 0..100 {
        if let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) {
            write!(s, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").unwrap();
            let mut raw = String::new();
            s.read_to_string(&mut raw).unwrap();
            let (head, body) = raw.split_once("\r\n\r\n").unwrap();
            let status = head.split_whitespace().nth(1).unwrap().parse().unwrap();
            return (status, body.to_string());
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the metrics listener never answered");
}

pub(crate) fn value(scrape: &prometheus_parse::Scrape, name: &str, label: Option<(&str, &str)>) -> f64 {
    let s = scrape
        .samples
        .iter()
        .find(|s| s.metric == name && label.is_none_or(|(k, v)| s.labels.get(k) == Some(v)))
        .unwrap_or_else(|| panic!("no sample {name} {label:?}"));
    match s.value {
        prometheus_parse::Value::Counter(v)
        | prometheus_parse::Value::Gauge(v)
        | prometheus_parse::Value::Untyped(v) => v,
        _ => panic!("{name} is not a number"),
    }
}

/// How many observations a histogram holds (its `+Inf` bucket).
fn histogram_count(scrape: &prometheus_parse::Scrape, name: &str) -> f64 {
    let s = scrape.samples.iter().find(|s| s.metric == name).unwrap_or_else(|| panic!("no histogram {name}"));
    match &s.value {
        prometheus_parse::Value::Histogram(buckets) => {
            buckets.iter().find(|b| b.less_than.is_infinite()).map(|b| b.count).unwrap_or(0.0)
        }
        _ => panic!("{name} is not a histogram"),
    }
}

#[test]
fn metrics_count_a_known_conversation_and_no_label_names_anyone() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let port = free_port();
    let bot = Bot::start(&d, dir.path(), &format!("\n[metrics]\nlisten = \"127.0.0.1:{port}\"\n"));
    let chat = 4_400_123;
    full_intake(&d, chat, "en");
    // Ready: the store answers and getUpdates has succeeded.
    let (status, body) = get(port, "/healthz");
    assert_eq!((status, body.as_str()), (200, "ok\n"));
    let updates_sent = d.requests().iter().filter(|r| r.method == "getupdates").count();
    assert!(updates_sent > 0);
    let (status, body) = get(port, "/metrics");
    assert_eq!(status, 200, "{body}");
    let scrape = prometheus_parse::Scrape::parse(body.lines().map(|l| Ok(l.to_string()))).unwrap();
    // Every input of the intake was one update handled (and nothing else was sent).
    let inputs = d.messages(chat).iter().filter(|m| !m.from_bot).count() as f64;
    let handled = value(&scrape, "clearpath_updates_handled_total", None);
    assert!(handled >= inputs - 1.0 && handled > 20.0, "handled {handled}, inputs {inputs}\n{body}");
    assert!(value(&scrape, "clearpath_replies_sent_total", Some(("kind", "send"))) > 0.0, "{body}");
    // The completed intake is one case, waiting (no attorney is configured).
    assert_eq!(value(&scrape, "clearpath_cases", Some(("state", "waiting"))), 1.0, "{body}");
    assert_eq!(value(&scrape, "clearpath_updates_quarantined_total", None), 0.0);
    // Everything is sent: nothing waits (the last entry leaves the outbox just after its send).
    let drained = (0..50).any(|_| {
        let (_, body) = get(port, "/metrics");
        let s = prometheus_parse::Scrape::parse(body.lines().map(|l| Ok(l.to_string()))).unwrap();
        let done = value(&s, "clearpath_outbox_depth", None) == 0.0
            && value(&s, "clearpath_outbox_oldest_seconds", None) == 0.0;
        if !done {
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        done
    });
    assert!(drained, "the outbox never drained");
    // Every reply Telegram accepted was timed: its request, and its delay since it was written.
    let (_, body) = get(port, "/metrics");
    let scrape = prometheus_parse::Scrape::parse(body.lines().map(|l| Ok(l.to_string()))).unwrap();
    let accepted: f64 = scrape
        .samples
        .iter()
        .filter(|s| s.metric == "clearpath_replies_sent_total")
        .map(|s| match s.value {
            prometheus_parse::Value::Counter(v) | prometheus_parse::Value::Untyped(v) => v,
            _ => panic!("a counter that is not a number"),
        })
        .sum();
    assert!(accepted > 20.0, "{body}");
    assert_eq!(histogram_count(&scrape, "clearpath_reply_delay_seconds"), accepted, "{body}");
    assert_eq!(histogram_count(&scrape, "clearpath_send_seconds"), accepted, "{body}");
    // A backup through the running bot is counted, with its time.
    assert_eq!(value(&scrape, "clearpath_backups_written_total", None), 0.0);
    // The case waits for an attorney: the audit log recorded it as not assigned, once.
    assert_eq!(value(&scrape, "clearpath_case_events_recorded", Some(("event", "unassigned"))), 1.0, "{body}");
    let out = dir.path().join("b.cpb");
    let (code, o, e) = crate::support::run_bin(
        &["backup", out.to_str().unwrap()],
        &[
            ("CLEARPATH_CONFIG", dir.path().join("clearpath.toml").to_str().unwrap()),
            ("CLEARPATH_MASTER_KEY_FILE", dir.path().join("master.key").to_str().unwrap()),
        ],
        "",
        dir.path(),
    );
    assert_eq!(code, 0, "{o}{e}");
    let (_, body) = get(port, "/metrics");
    let scrape = prometheus_parse::Scrape::parse(body.lines().map(|l| Ok(l.to_string()))).unwrap();
    assert_eq!(value(&scrape, "clearpath_backups_written_total", None), 1.0, "{body}");
    let at = value(&scrape, "clearpath_last_backup_timestamp_seconds", None);
    assert!((at - jiff::Timestamp::now().as_second() as f64).abs() < 120.0, "{at}");
    // No label is anything but a fixed word: no digits (chat ids, case codes), nothing typed.
    for s in &scrape.samples {
        for (k, v) in s.labels.iter() {
            assert!(
                v.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.' || c == '+'),
                "{k}={v} in {}",
                s.metric
            );
            assert_ne!(v, &chat.to_string());
        }
    }
    assert!(!body.contains(&chat.to_string()));
    // Anything else is not found; other methods are refused.
    assert_eq!(get(port, "/").0, 404);
    bot.stop();
}

#[test]
fn the_listener_is_loopback_only_and_off_by_default() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("c.toml");
    std::fs::write(&cfg, "[metrics]\nlisten = \"0.0.0.0:9898\"\n").unwrap();
    let (code, out, err) =
        crate::support::run_bin(&["check", "--config", cfg.to_str().unwrap()], &[], "", &crate::support::root());
    assert_eq!(code, 5, "{out}{err}");
    assert!(out.contains("error[config-invalid]: `metrics.listen` must be a loopback address"), "{out}");
    assert!(clearpath::config::Config::parse(&cfg, "").unwrap().metrics.listen.is_none());
}
