//! Logs at trace level, with every directive turned up that could bring back the HTTP stack's or
//! sled's own logs, a record that does not open, canary answers: nothing in the output identifies
//! anyone or can be joined with the database.

use crate::telegram::{full_intake, Bot};
use std::time::Duration;

const SURVIVOR: i64 = 775_011_223;

#[test]
fn nothing_in_the_logs_at_trace_level_identifies_anyone_or_names_a_record() {
    let d = crate::botapi::Double::start();
    let dir = tempfile::tempdir().unwrap();
    let everything = "trace,reqwest=trace,reqwest::connect=trace,hyper=trace,hyper_util=trace,h2=trace,\
                      teloxide=trace,teloxide_core=trace,sled=trace,sled::pagecache=trace,mio=trace";
    let env = [("CLEARPATH_LOG", everything)];
    let bot = Bot::start_with(&d, dir.path(), "", &env);
    full_intake(&d, SURVIVOR, "en");
    d.send_text(SURVIVOR + 1, "/start", "en");
    d.wait_for(SURVIVOR + 1, 20, "a question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    bot.stop();
    // Every record of the second chat made unreadable (a damaged disk, a wrong restore).
    let mut keys: Vec<Vec<u8>> = Vec::new();
    crate::support::with_raw_sled(&dir.path().join("data"), |db| {
        for name in db.tree_names() {
            let t = db.open_tree(&name).unwrap();
            for item in t.iter() {
                let (k, v) = item.unwrap();
                keys.push(k.to_vec());
                if name.as_ref() == b"sessions" {
                    let mut bad = v.to_vec();
                    if let Some(last) = bad.last_mut() {
                        *last ^= 0x55;
                    }
                    t.insert(k, bad).unwrap();
                }
            }
        }
    });
    let bot = Bot::start_with(&d, dir.path(), "", &env);
    let before = d.seq(SURVIVOR + 1);
    d.send_text(SURVIVOR + 1, "/back", "en");
    d.wait_for(SURVIVOR + 1, 20, "the calm reply", |m| m.iter().any(|m| m.from_bot && m.seq > before));
    std::thread::sleep(Duration::from_millis(300));
    bot.stop();
    let log = std::fs::read_to_string(dir.path().join("bot.log")).unwrap();
    assert!(log.contains("does not open"), "the damaged record was not logged: {log}");
    assert!(log.contains("TRACE") || log.contains("DEBUG"), "not at trace level");
    for canary in [
        "Canary-Name-7731",
        "Canary-County-5521",
        "Canary-Charge-9043",
        "Canary-Time-6610",
        "CANARY-TOKEN",
        &SURVIVOR.to_string(),
        &(SURVIVOR + 1).to_string(),
        "/bot123456",
    ] {
        assert!(!log.contains(canary), "{canary} in the log");
    }
    // No record key, nor its first four bytes as a log tag used to be, appears.
    let lower = log.to_lowercase();
    let mut checked = 0;
    for k in keys.iter().filter(|k| k.len() >= 8) {
        let prefix = hex::encode(&k[..4]);
        assert!(!lower.contains(&prefix), "a record key's prefix {prefix} is in the log");
        checked += 1;
    }
    assert!(checked > 10, "{checked} keys checked");
}
