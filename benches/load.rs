//! Load tool: the real bot (`clearpath serve`, release build) against the Bot API double on
//! 127.0.0.1, throttling off, wiping after each answer, one flush per batch, on the machine's
//! normal disk.
//!
//! Each simulated survivor goes through the first steps of the intake (`/start`, language,
//! safety, device, consent) and then goes back and forth (`/back`, consent again) as people do,
//! one input at a time: it sends its next input a think time after the bot's question arrives.
//! With N chats and a target rate R, the think time is N/R, so the offered load is about R
//! updates/s; rate 0 means no think time (each chat answers at once: the bot's capacity).
//!
//! Reported: updates/s achieved, p50/p99 latency from pushing an update into the double to the
//! double receiving the bot's next question for that chat, and the bot's CPU time per update
//! (user + system, from /proc), and the same for the double and the load generator together
//! (this process), which share the machine's cores with the bot.
//!
//!     cargo bench --bench load                     # the standard set
//!     cargo bench --bench load -- 1000:2000 1000:0  # chats:rate pairs
//!     cargo bench --bench load -- 1000:2000:125     # and inputs per chat (a longer run)
//!     LOAD_TRACE=/tmp/t cargo bench --bench load -- 1000:2000  # and every update's latency

#[path = "../tests/it/botapi.rs"]
mod botapi;

use botapi::Double;
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The intake's first inputs, then a cycle repeated.
const FIRST: &[Input] =
    &[Input::Text("/start"), Input::Press("en"), Input::Press("safe"), Input::Press("only_me"), Input::Press("agree")];
const CYCLE: &[Input] = &[Input::Text("/back"), Input::Press("agree")];

#[derive(Clone, Copy)]
enum Input {
    Text(&'static str),
    Press(&'static str),
}

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

struct Chat {
    /// Index of the next input.
    next: usize,
    /// When the input awaiting its answer was pushed.
    waiting: Option<Instant>,
    /// The question on screen: message id and buttons.
    shown: Option<(i64, Vec<(String, String)>)>,
}

fn input(i: usize) -> Input {
    if i < FIRST.len() {
        FIRST[i]
    } else {
        CYCLE[(i - FIRST.len()) % CYCLE.len()]
    }
}

fn run(chats: usize, rate: f64, per_chat: Option<usize>) {
    let d = Double::start();
    // The load tool reads no recorded requests: keeping every one would only cost the double.
    d.state.0.lock().unwrap().record = false;
    let events = d.watch();
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
        .env("CLEARPATH_LOG", std::env::var("LOAD_BOT_FILTER").unwrap_or_else(|_| "warn".into()))
        .stdout(Stdio::null())
        .stderr(match std::env::var_os("LOAD_BOT_LOG") {
            Some(p) => Stdio::from(std::fs::File::create(p).unwrap()),
            None => Stdio::null(),
        })
        .spawn()
        .unwrap();
    // Let it start (and set its command menu) before the clock starts.
    std::thread::sleep(Duration::from_millis(500));
    let pid = bot.id();
    let steps = per_chat.unwrap_or(FIRST.len() + CYCLE.len() * (10_000 / chats).clamp(5, 1000)).max(FIRST.len());
    let think = if rate > 0.0 { Duration::from_secs_f64(chats as f64 / rate) } else { Duration::ZERO };
    let mut state: Vec<Chat> = (0..chats).map(|_| Chat { next: 0, waiting: None, shown: None }).collect();
    let mut due: BinaryHeap<Reverse<(Instant, usize)>> = BinaryHeap::new();
    let started = Instant::now();
    for c in 0..chats {
        // Spread the first inputs over one think time.
        let offset = think.mul_f64(c as f64 / chats as f64);
        due.push(Reverse((started + offset, c)));
    }
    // LOAD_TRACE=<file>: one line per update (microseconds since the start when it was pushed,
    // its latency in microseconds, the chat), to see when slow updates happen.
    let mut trace = std::env::var_os("LOAD_TRACE").map(|p| std::io::BufWriter::new(std::fs::File::create(p).unwrap()));
    let cpu0 = cpu_ticks(pid);
    let own0 = cpu_ticks(std::process::id());
    let mut latencies = Vec::with_capacity(chats * steps);
    let mut finished = 0;
    let mut last_reply = started;
    while finished < chats {
        let now = Instant::now();
        while let Some(Reverse((t, c))) = due.peek().copied() {
            if t > now {
                break;
            }
            due.pop();
            let ch = &mut state[c];
            let chat = c as i64 + 1;
            match input(ch.next) {
                Input::Text(t) => {
                    d.send_text(chat, t, "en");
                }
                Input::Press(id) => {
                    let (mid, buttons) = ch.shown.clone().expect("a question on screen");
                    let data = buttons
                        .iter()
                        .find(|b| b.1.ends_with(&format!(":{id}")))
                        .unwrap_or_else(|| panic!("chat {chat}: no button {id} in {buttons:?}"))
                        .1
                        .clone();
                    d.press_known(chat, mid, &buttons, &data);
                }
            }
            ch.waiting = Some(Instant::now());
            ch.next += 1;
        }
        let wait =
            due.peek().map(|Reverse((t, _))| t.saturating_duration_since(now)).unwrap_or(Duration::from_millis(50));
        match events.recv_timeout(wait.min(Duration::from_millis(50))) {
            Ok((chat, at, mid, buttons)) => {
                let c = (chat - 1) as usize;
                let ch = &mut state[c];
                ch.shown = Some((mid, buttons));
                if let Some(sent) = ch.waiting.take() {
                    latencies.push(at.saturating_duration_since(sent));
                    if let Some(t) = trace.as_mut() {
                        use std::io::Write;
                        let (since, took) = (sent.duration_since(started), at.saturating_duration_since(sent));
                        writeln!(t, "{} {} {chat}", since.as_micros(), took.as_micros()).unwrap();
                    }
                    last_reply = last_reply.max(at);
                    if ch.next < steps {
                        due.push(Reverse((at + think, c)));
                    } else {
                        finished += 1;
                    }
                }
            }
            Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
                assert!(started.elapsed() < Duration::from_secs(600), "replies stopped arriving");
            }
            Err(e) => panic!("{e}"),
        }
    }
    let elapsed = last_reply.duration_since(started);
    let cpu = (cpu_ticks(pid) - cpu0) as f64 / 100.0; // USER_HZ
    let own = (cpu_ticks(std::process::id()) - own0) as f64 / 100.0;
    let _ = Command::new("kill").args(["-TERM", &pid.to_string()]).status();
    let _ = bot.wait();
    let updates = latencies.len();
    latencies.sort();
    println!(
        "| {chats} | {} | {updates} | {:.0} | {:.1} | {:.1} | {:.0} | {:.0} |",
        if rate > 0.0 { format!("{rate:.0}/s") } else { "as fast as possible".to_string() },
        updates as f64 / elapsed.as_secs_f64(),
        percentile(&latencies, 0.5).as_secs_f64() * 1000.0,
        percentile(&latencies, 0.99).as_secs_f64() * 1000.0,
        cpu / updates as f64 * 1e6,
        own / updates as f64 * 1e6,
    );
}

fn main() {
    // chats:rate, or chats:rate:inputs (inputs per chat, for a longer run).
    let runs: Vec<(usize, f64, Option<usize>)> = std::env::args()
        .skip(1)
        .filter_map(|a| {
            let mut f = a.split(':');
            let (c, r) = (f.next()?.parse().ok()?, f.next()?.parse().ok()?);
            let n = match f.next() {
                Some(n) => Some(n.parse().ok()?),
                None => None,
            };
            Some((c, r, n))
        })
        .collect();
    let runs = if runs.is_empty() {
        vec![(1, 0.0, None), (100, 1000.0, None), (1000, 2000.0, None), (100, 0.0, None), (1000, 0.0, None)]
    } else {
        runs
    };
    println!(
        "| chats | offered | updates | updates/s | p50 ms | p99 ms | bot CPU µs/update | double+generator CPU µs/update |\n|---|---|---|---|---|---|---|---|"
    );
    for (chats, rate, per_chat) in runs {
        run(chats, rate, per_chat);
    }
}
