//! Administrators' commands through the real bot and the Bot API double: `/stats` counts what
//! survivors did, from counters kept with their sessions (rounded, small counts not told), and the
//! counts survive a restart, a redelivery and kills; `/flowversion` names the flow running. To
//! anyone who is not a configured administrator these commands are unknown commands, answered
//! byte for byte as `/nosuchcommand` is, with the same change to their session.

use crate::botapi::{Double, Msg};
use crate::telegram::{act, act_patient, full_intake, Bot};
use clearpath::stats::{week, Cell, Milestone};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

const ADMIN: i64 = 770_095_999;

fn config() -> String {
    format!("admins = [{ADMIN}]\n")
}

/// Seconds to add to the real clock to land on a Wednesday at noon (UTC), 7 to 13 days ahead:
/// the weeks a test moves through are then whole, whenever it runs.
fn midweek_offset() -> i64 {
    let now = jiff::Timestamp::now();
    let today = now.to_zoned(jiff::tz::TimeZone::UTC).date();
    let ahead = 7 + (3 - i64::from(today.weekday().to_monday_one_offset())).rem_euclid(7);
    let wednesday = today.checked_add(jiff::Span::new().days(ahead)).unwrap();
    let noon = wednesday.at(12, 0, 0, 0).to_zoned(jiff::tz::TimeZone::UTC).unwrap().timestamp();
    noon.as_second() - now.as_second()
}

fn set_clock(file: &Path, secs: i64) {
    std::fs::write(file, secs.to_string()).unwrap();
}

/// The week the bot's clock is in, `secs` after the real time.
fn week_at(secs: i64) -> String {
    week(jiff::Timestamp::now() + jiff::SignedDuration::from_secs(secs))
}

/// Every message of the bot's answer after `before`, once none has come for 400 ms.
fn replies(d: &Double, chat: i64, before: u64) -> Vec<Msg> {
    d.wait_for(chat, 30, "a reply", |m| m.iter().any(|m| m.from_bot && m.seq > before));
    let mut last = d.seq(chat);
    let mut quiet_since = Instant::now();
    while quiet_since.elapsed() < Duration::from_millis(400) {
        std::thread::sleep(Duration::from_millis(40));
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

/// Types a text and returns the bot's whole answer.
fn say(d: &Double, chat: i64, text: &str) -> Vec<Msg> {
    let before = d.seq(chat);
    d.send_text(chat, text, "en");
    replies(d, chat, before)
}

/// Presses a button of the newest question and returns the bot's whole answer.
fn press(d: &Double, chat: i64, id: &str) -> Vec<Msg> {
    let m = d.last_bot(chat).expect("a question on screen");
    let data = m.buttons.iter().find(|(_, data)| data.ends_with(&format!(":{id}"))).expect("the button").1.clone();
    let before = d.seq(chat);
    d.press(chat, m.id, &data, "en");
    replies(d, chat, before)
}

/// The administrator's `/stats` reply.
fn stats(d: &Double) -> String {
    let before = d.seq(ADMIN);
    d.send_text(ADMIN, "/stats", "en");
    let msgs = d.wait_for(ADMIN, 30, "the counts", |m| {
        m.iter().any(|m| m.from_bot && m.seq > before && m.text.starts_with("Intake counts"))
    });
    let reply = msgs.into_iter().rfind(|m| m.from_bot && m.seq > before && m.text.starts_with("Intake counts"));
    let reply = reply.unwrap();
    assert!(!reply.protect, "an administrator may keep the counts");
    reply.text
}

/// The lines of one row of the report (its heading, then a line per milestone).
fn row(report: &str, heading: &str) -> Vec<String> {
    let lines: Vec<&str> = report.lines().collect();
    let at = lines.iter().position(|l| *l == heading).unwrap_or_else(|| panic!("no row {heading:?} in\n{report}"));
    lines[at + 1..].iter().take_while(|l| l.starts_with("  ")).map(|l| l.trim().to_string()).collect()
}

/// Every counter in the stopped bot's store: (period, cell) -> count.
fn counters(dir: &Path) -> BTreeMap<(String, String), u64> {
    let data = dir.join("data");
    crate::support::wait_unlocked(&data);
    let key = clearpath::store::keyfile::read_file(&dir.join("master.key")).unwrap();
    let store = clearpath::store::Store::open(&data, key).unwrap();
    let mut out = BTreeMap::new();
    for c in store.counters().unwrap() {
        let c = c.unwrap();
        for (cell, n) in c.cells {
            assert!(Cell::decode(&cell).is_some(), "a cell this program does not write: {cell}");
            out.insert((c.period.clone(), cell), n);
        }
    }
    drop(store);
    crate::support::wait_unlocked(&data);
    out
}

/// One cell's count summed over every week.
fn total(counters: &BTreeMap<(String, String), u64>, cell: &str) -> u64 {
    counters.iter().filter(|((_, c), _)| c == cell).map(|(_, n)| n).sum()
}

#[test]
fn stats_counts_what_survivors_did_rounded_and_the_counts_survive_a_restart_and_a_redelivery() {
    let d = std::sync::Arc::new(Double::start());
    let dir = tempfile::tempdir().unwrap();
    let clock = dir.path().join("clock");
    let base = midweek_offset();
    set_clock(&clock, base);
    let env = [("CLEARPATH_TEST_CLOCK_FILE", clock.to_str().unwrap())];
    let bot = Bot::start_with(&d, dir.path(), &config(), &env);
    let (week_a, week_b) = (week_at(base), week_at(base + 8 * 86_400));
    assert_ne!(week_a, week_b);

    // Week A: five complete an intake (three in Spanish, two in English), all naming New York; one
    // more consents and leaves the phone, which the bot pauses once it has been idle.
    let drivers: Vec<_> = (0..5)
        .map(|i| {
            let d = d.clone();
            std::thread::spawn(move || full_intake(&d, 771_095_100 + i, if i < 3 { "es" } else { "en" }))
        })
        .collect();
    for t in drivers {
        t.join().unwrap();
    }
    const IDLE: i64 = 771_095_110;
    d.send_text(IDLE, "/start", "en");
    d.wait_for(IDLE, 20, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for line in [r#"{"choice": "en"}"#, r#"{"choice": "safe"}"#, r#"{"choice": "only_me"}"#, r#"{"choice": "agree"}"#] {
        act(&d, IDLE, "en", line);
    }
    let before = d.seq(IDLE);
    set_clock(&clock, base + 15 * 60);
    d.wait_for(IDLE, 30, "the idle pause", |m| m.iter().any(|m| m.from_bot && m.seq > before && m.text == "👍"));

    let report = stats(&d);
    assert!(report.contains(&format!("this week ({week_a}, UTC)")), "{report}");
    assert_eq!(
        row(&report, "All conversations"),
        [
            "started: 5 this week, 5 in total",
            "consented: 5 this week, 5 in total",
            "completed: 5 this week, 5 in total",
            "exited: fewer than 5 this week, fewer than 5 in total",
            "paused: fewer than 5 this week, fewer than 5 in total",
        ],
        "{report}"
    );

    // Week B: one exits at the second question, one chooses "not now".
    set_clock(&clock, base + 8 * 86_400);
    const EXIT: i64 = 771_095_120;
    const LATER: i64 = 771_095_130;
    for chat in [EXIT, LATER] {
        say(&d, chat, "/start");
        press(&d, chat, "en");
    }
    let left = say(&d, EXIT, "/exit");
    assert!(left.iter().any(|m| m.text == "👍"), "{left:#?}");
    let later = press(&d, LATER, "not_now");
    assert!(!later.is_empty());

    let report = stats(&d);
    assert!(report.contains(&format!("this week ({week_b}, UTC)")), "{report}");
    assert_eq!(
        row(&report, "All conversations"),
        [
            "started: fewer than 5 this week, 10 in total",
            "consented: fewer than 5 this week, 5 in total",
            "completed: fewer than 5 this week, 5 in total",
            "exited: fewer than 5 this week, fewer than 5 in total",
            "paused: fewer than 5 this week, fewer than 5 in total",
        ],
        "{report}"
    );
    assert_eq!(row(&report, "English (en)")[0], "started: fewer than 5 this week, 5 in total", "{report}");
    // The languages with fewer than 5 in every line are counted together, Spanish among them.
    let others = report
        .lines()
        .find(|l| l.starts_with("Other languages, together: "))
        .unwrap_or_else(|| panic!("no row of other languages in\n{report}"));
    assert!(others.contains("Español (es)") && others.contains("العربية (ar)") && !others.contains("(en)"), "{others}");
    assert!(
        row(&report, others).iter().all(|l| l.contains("fewer than 5 this week, fewer than 5 in total")),
        "{report}"
    );
    // New York has a row of its own (five completed there); no other jurisdiction has one.
    assert_eq!(
        row(&report, "New York (NY)"),
        [
            "completed: fewer than 5 this week, 5 in total",
            "exited: fewer than 5 this week, fewer than 5 in total",
            "paused: fewer than 5 this week, fewer than 5 in total",
        ],
        "{report}"
    );
    assert_eq!(row(&report, "Other jurisdictions").len(), 3);
    assert_eq!(row(&report, "No jurisdiction given").len(), 3);
    assert!(!report.contains("California"), "{report}");
    let took = bot.stop();
    assert!(took < Duration::from_secs(10));

    // The counters themselves: each conversation once, in the week it happened, nowhere else.
    let exact = counters(dir.path());
    let want: BTreeMap<(String, String), u64> = [
        (&week_a, "started", 6),
        (&week_a, "started/lang/en", 3),
        (&week_a, "started/lang/es", 3),
        (&week_a, "consented", 6),
        (&week_a, "consented/lang/en", 3),
        (&week_a, "consented/lang/es", 3),
        (&week_a, "completed", 5),
        (&week_a, "completed/lang/en", 2),
        (&week_a, "completed/lang/es", 3),
        (&week_a, "completed/jur/NY", 5),
        (&week_a, "paused", 1),
        (&week_a, "paused/lang/en", 1),
        (&week_a, "paused/jur/-", 1),
        (&week_b, "started", 2),
        (&week_b, "started/lang/en", 2),
        (&week_b, "exited", 1),
        (&week_b, "exited/lang/en", 1),
        (&week_b, "exited/jur/-", 1),
        (&week_b, "paused", 1),
        (&week_b, "paused/lang/en", 1),
        (&week_b, "paused/jur/-", 1),
    ]
    .into_iter()
    .map(|(w, c, n)| ((w.clone(), c.to_string()), n))
    .collect();
    assert_eq!(exact, want);

    // Confirmations lost: the last updates (the exit, "not now", the administrator's commands)
    // are offered again to a new process, which skips them. Nothing is counted again.
    d.reoffer_last(12);
    let bot = Bot::start_with(&d, dir.path(), &config(), &env);
    std::thread::sleep(Duration::from_secs(3));
    assert_eq!(stats(&d), report, "the counts changed over a restart");
    bot.stop();
    assert_eq!(counters(dir.path()), want);

    // The administrator's chat never became a conversation, and no log line names a chat.
    {
        let data = dir.path().join("data");
        let key = clearpath::store::keyfile::read_file(&dir.path().join("master.key")).unwrap();
        let store = clearpath::store::Store::open(&data, key).unwrap();
        assert_eq!(store.load_session(&store.subject("telegram", &ADMIN.to_string())).unwrap(), None);
    }
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    assert!(log.contains("administrator command"), "the command was not logged at all");
    for chat in [ADMIN, IDLE, EXIT, LATER, 771_095_100, 771_095_104] {
        assert!(!log.contains(&chat.to_string()), "chat {chat} in the log");
    }
}

#[test]
fn flowversion_names_the_flow_running_and_other_words_get_the_list_of_commands() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&d, dir.path(), &config());
    // (The audit log's head, sent to administrators at start-up, may arrive among the replies.)
    let reply = say(&d, ADMIN, "/flowversion");
    let flow = crate::support::intake_flow();
    let text = &reply.iter().rfind(|m| m.text.starts_with("Flow: intake")).expect("the flow version").text;
    let lines: Vec<&str> = text.lines().collect();
    let want = vec![
        "Flow: intake".to_string(),
        format!("Content hash: {}", flow.hash),
        format!("Steps: {}", flow.steps.len()),
        "Languages: en, es, zh-Hans, vi, tl, ko, th, ru, uk, ht, pt-BR, ar".to_string(),
        "Locales loaded: en, ar, es, ht, ko, pt-BR, ru, th, tl, uk, vi, zh-Hans".to_string(),
    ];
    assert_eq!(lines[..5].to_vec(), want, "{text}");
    assert!(lines[5].starts_with("Loaded: ") && lines[5].ends_with(" UTC (process start)"), "{text}");
    // `/flowversion@bot`, as Telegram writes commands in groups, is the same command.
    let again = say(&d, ADMIN, "/flowversion@clearpath_bot");
    assert_eq!(again.iter().rfind(|m| m.text.starts_with("Flow: intake")).expect("the flow version").text, *text);
    // Anything else: the list of commands, never the intake.
    for other in ["/start", "hello"] {
        let reply: Vec<_> = say(&d, ADMIN, other).into_iter().filter(|m| !m.text.starts_with("Audit log")).collect();
        assert_eq!(reply.len(), 1, "{reply:#?}");
        assert!(reply[0].text.starts_with("Administrator commands: /stats"), "{reply:#?}");
        assert!(reply[0].buttons.is_empty());
    }
    bot.stop();
}

/// What the bot sent a chat, without the ids that differ from chat to chat.
fn sent(d: &Double, chat: i64) -> Vec<Value> {
    d.requests()
        .into_iter()
        .filter(|r| r.body["chat_id"].as_i64() == Some(chat))
        .filter(|r| matches!(r.method.as_str(), "sendmessage" | "editmessagetext" | "editmessagereplymarkup"))
        .map(|r| {
            let mut body = r.body.clone();
            let fields = body.as_object_mut().unwrap();
            fields.remove("chat_id");
            fields.remove("message_id");
            serde_json::json!({ "method": r.method, "body": body })
        })
        .collect()
}

/// A bot message as the survivor sees it: text, buttons, protection.
type Shown = (String, Vec<(String, String)>, bool);

fn shown(m: &Msg) -> Shown {
    (m.text.clone(), m.buttons.clone(), m.protect)
}

/// What a chat shows: each bot message as the survivor sees it.
fn screen(d: &Double, chat: i64) -> Vec<Shown> {
    d.visible(chat).iter().filter(|m| m.from_bot).map(shown).collect()
}

#[test]
fn to_anyone_but_an_administrator_stats_and_flowversion_are_unknown_commands() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&d, dir.path(), &config());
    // Two survivors, the same steps: one types an unknown command where the other types an
    // administrator's.
    const A: i64 = 772_095_001;
    const B: i64 = 772_095_002;
    for chat in [A, B] {
        say(&d, chat, "/start");
        press(&d, chat, "en");
    }
    for (a, b) in [
        ("/nosuchcommand", "/stats"),
        ("/nosuchcommand", "/flowversion"),
        ("/nosuchcommand", "/stats@clearpath_bot"),
        ("/nosuchcommand", "/reload"),
    ] {
        let (ra, rb) = (say(&d, A, a), say(&d, B, b));
        let (ra, rb): (Vec<Shown>, Vec<Shown>) = (ra.iter().map(shown).collect(), rb.iter().map(shown).collect());
        assert_eq!(ra, rb, "{b} was answered unlike {a}");
        assert!(!rb.iter().any(|(text, _, _)| text.contains("Intake counts")
            || text.contains("Content hash")
            || text.contains("Reload")));
    }
    assert_eq!(sent(&d, A), sent(&d, B), "the requests differ");
    assert_eq!(screen(&d, A), screen(&d, B));
    bot.stop();

    // The same change to their sessions (but for the times and update ids).
    let data = dir.path().join("data");
    crate::support::wait_unlocked(&data);
    let key = clearpath::store::keyfile::read_file(&dir.path().join("master.key")).unwrap();
    let store = clearpath::store::Store::open(&data, key).unwrap();
    let session = |chat: i64| {
        let mut s = store.load_session(&store.subject("telegram", &chat.to_string())).unwrap().unwrap();
        s.created_at = jiff::Timestamp::UNIX_EPOCH;
        s.updated_at = jiff::Timestamp::UNIX_EPOCH;
        s.last_input = None;
        s
    };
    let (a, b) = (session(A), session(B));
    assert_eq!(a, b);
    assert_eq!(b.counted.into_iter().collect::<Vec<_>>(), [Milestone::Started]);
    drop(store);
    // And no log line of an administrator's command.
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    assert!(!log.contains("administrator command"), "{log}");
}

/// The bot is killed with SIGKILL at random moments while survivors start and consent: every
/// start and every consent is counted exactly once (a count applied twice, or lost with an update
/// offered again, would show).
#[test]
fn kills_mid_burst_neither_lose_a_count_nor_count_twice() {
    let d = std::sync::Arc::new(Double::start());
    let dir = tempfile::tempdir().unwrap();
    let mut bot = Some(Bot::start(&d, dir.path(), &config()));
    let chats: Vec<i64> = (0..10).map(|i| 773_095_000 + i).collect();
    let drivers: Vec<_> = chats
        .iter()
        .map(|&chat| {
            let d = d.clone();
            std::thread::spawn(move || {
                d.send_text(chat, "/start", "en");
                d.wait_for(chat, 90, "the first question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
                for line in [
                    r#"{"choice": "en"}"#,
                    r#"{"choice": "safe"}"#,
                    r#"{"choice": "only_me"}"#,
                    r#"{"choice": "agree"}"#,
                ] {
                    act_patient(&d, chat, line);
                }
            })
        })
        .collect();
    let mut seed: u64 = 0x57a7_5eed;
    for _ in 0..6 {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        std::thread::sleep(Duration::from_millis(100 + (seed >> 33) % 300));
        drop(bot.take()); // SIGKILL
        bot = Some(Bot::start(&d, dir.path(), &config()));
    }
    for t in drivers {
        t.join().unwrap();
    }
    // A message repeated after a kill can let a driver move on early: wait for the question
    // after consent.
    for &chat in &chats {
        d.wait_for(chat, 90, "the safety question after consent", |m| {
            let newest = m.iter().filter(|m| m.from_bot && !m.deleted).max_by_key(|m| m.seq);
            newest.is_some_and(|m| m.text.starts_with("First, your safety."))
        });
    }
    bot.take().unwrap().stop();
    let exact = counters(dir.path());
    assert_eq!(total(&exact, "started"), 10, "{exact:#?}");
    assert_eq!(total(&exact, "started/lang/en"), 10, "{exact:#?}");
    assert_eq!(total(&exact, "consented"), 10, "{exact:#?}");
    assert_eq!(total(&exact, "consented/lang/en"), 10, "{exact:#?}");
}
