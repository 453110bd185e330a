//! Load tool: the real bot (`clearpath serve`, release build) against the Bot API double on
//! 127.0.0.1, throttling off, wiping on, one flush per batch, on the machine's normal disk.
//! Reports updates/s, p50/p99 update-to-reply latency and the bot's CPU time per update at 1,
//! 100 and 1,000 concurrent chats.
//!
//!     cargo bench --bench load            (or: cargo bench --bench load -- 1000 for one size)

#[path = "../tests/it/botapi.rs"]
mod botapi;

use botapi::Double;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The first inputs of an intake, as button presses (choice ids).
const ROUNDS: &[&str] = &["start", "en", "safe", "only_me", "agree"];

fn cpu_ticks(pid: u32) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap_or_default();
    let after = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<&str> = after.split_whitespace().collect();
    // utime and stime are fields 14 and 15 (1-based); after ")" they are at 11 and 12.
    f.get(11).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
        + f.get(12).and_then(|v| v.parse::<u64>().ok()).unwrap_or(0)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

#[allow(clippy::needless_range_loop)]
fn run(chats: i64) {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let cfg = dir.path().join("c.toml");
    std::fs::write(
        &cfg,
        format!(
            "data_dir = {:?}\n[telegram]\nthrottle = false\nwipe = \"after_each_answer\"\npoll_timeout_secs = 1\n",
            data
        ),
    )
    .unwrap();
    let key = dir.path().join("k");
    Command::new(env!("CARGO_BIN_EXE_clearpath")).args(["keys", "init", key.to_str().unwrap()]).output().unwrap();
    let mut bot = Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TELOXIDE_TOKEN", "1:load")
        .env("TELOXIDE_API_URL", &d.url)
        .env("CLEARPATH_CONFIG", &cfg)
        .env("CLEARPATH_MASTER_KEY_FILE", &key)
        .env("CLEARPATH_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(match std::env::var_os("LOAD_BOT_LOG") {
            Some(p) => Stdio::from(std::fs::File::create(p).unwrap()),
            None => Stdio::null(),
        })
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let pid = bot.id();
    let ticks_per_sec = 100.0; // USER_HZ on Linux
    let cpu0 = cpu_ticks(pid);
    let mut latencies = Vec::new();
    let started = Instant::now();
    let mut updates = 0u64;
    for round in ROUNDS {
        let before: Vec<i64> = (0..chats).map(|c| d.messages(c + 1).iter().map(|m| m.id).max().unwrap_or(0)).collect();
        let mut pushed = Vec::new();
        for c in 0..chats {
            let chat = c + 1;
            let t = Instant::now();
            if *round == "start" {
                d.send_text(chat, "/start", "en");
            } else {
                let m = d.last_bot(chat).unwrap();
                let data = m.buttons.iter().find(|b| b.1.ends_with(&format!(":{round}"))).unwrap().1.clone();
                d.press(chat, m.id, &data, "en");
            }
            pushed.push(t);
            updates += 1;
        }
        // Wait for every chat's reply; latency = push to the reply's arrival at the double.
        let deadline = Instant::now() + Duration::from_secs(300);
        let mut done = vec![false; chats as usize];
        while done.iter().any(|x| !x) {
            assert!(Instant::now() < deadline, "replies did not arrive");
            let state = d.state.0.lock().unwrap();
            for c in 0..chats as usize {
                if done[c] {
                    continue;
                }
                if let Some(msgs) = state.chats.get(&(c as i64 + 1)) {
                    if msgs.iter().any(|m| m.from_bot && m.id > before[c] && !m.buttons.is_empty()) {
                        done[c] = true;
                    }
                }
            }
            drop(state);
            std::thread::sleep(Duration::from_millis(2));
        }
        // Exact arrival times from the double's request log.
        let reqs = d.requests();
        for c in 0..chats as usize {
            let chat = c as i64 + 1;
            if let Some(r) = reqs.iter().find(|r| {
                r.method == "sendmessage"
                    && r.body["chat_id"] == chat
                    && r.at >= pushed[c]
                    && r.body.get("reply_markup").is_some()
            }) {
                latencies.push(r.at.duration_since(pushed[c]));
            }
        }
    }
    let elapsed = started.elapsed();
    let cpu = (cpu_ticks(pid) - cpu0) as f64 / ticks_per_sec;
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let _ = bot.wait();
    latencies.sort();
    println!(
        "| {chats} | {updates} | {:.0} | {:.1} | {:.1} | {:.0} |",
        updates as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        cpu / updates as f64 * 1e6,
    );
}

fn main() {
    let sizes: Vec<i64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![1, 100, 1000] } else { sizes };
    println!("| chats | updates | updates/s | p50 ms | p99 ms | bot CPU µs/update |\n|---|---|---|---|---|---|");
    for n in sizes {
        run(n);
    }
}
