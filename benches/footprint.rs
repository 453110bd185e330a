//! Footprint of a bot at rest: cold start to serving, resident memory of the idle process with N
//! stored conversations, and the data directory's size per stored conversation. The real binary
//! (`clearpath serve`, release build) against the Bot API double on 127.0.0.1.
//!
//!     cargo bench --bench footprint                    # 0, 1,000, 10,000 and 100,000 conversations
//!     cargo bench --bench footprint -- 0 5000          # chosen sizes
//!     FOOTPRINT_CACHE_MB=1024 cargo bench --bench footprint   # with another sled cache cap
//!
//! A stored conversation here is a paused intake a few questions in (consented, a language, a
//! name and two answers), as most stored sessions are between visits. "Cold start" is the time
//! from starting the process to its first getUpdates: the key check, the store's probe copy and
//! opening, the flow, locales and rules loaded and checked, the desk's sweep.

#[path = "../tests/it/botapi.rs"]
mod botapi;

#[path = "support/du.rs"]
mod du_support;
use botapi::Double;
use clearpath::engine::answer::{Answer, Pos, Value};
use clearpath::engine::{Session, Status};
use du_support::du;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn rss_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

/// Where the resident memory is, from /proc/PID/smaps: the program's own file (code and read-only
/// data), other files (shared libraries), the heap, thread stacks and other anonymous mappings.
fn rss_breakdown(pid: u32) -> String {
    let smaps = std::fs::read_to_string(format!("/proc/{pid}/smaps")).unwrap_or_default();
    let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
    let mut parts: std::collections::BTreeMap<&str, u64> = Default::default();
    let mut current = "anonymous (other)";
    for line in smaps.lines() {
        let first = line.split_whitespace().next().unwrap_or("");
        if first.contains('-') && first.chars().all(|c| c.is_ascii_hexdigit() || c == '-') {
            let path = line.split_whitespace().nth(5).unwrap_or("");
            current = if path.is_empty() {
                "anonymous (other)"
            } else if Path::new(path) == exe {
                "the clearpath binary"
            } else if path == "[heap]" {
                "heap (brk)"
            } else if path.starts_with("[stack") {
                "main stack"
            } else if path.starts_with('[') {
                "kernel ([vdso] etc.)"
            } else {
                "other files (libraries)"
            };
        } else if let Some(v) = line.strip_prefix("Rss:") {
            *parts.entry(current).or_default() += v.split_whitespace().next().and_then(|v| v.parse().ok()).unwrap_or(0);
        }
    }
    parts.iter().map(|(k, v)| format!("{k} {:.1} MiB", *v as f64 / 1024.0)).collect::<Vec<_>>().join(", ")
}

/// Writes `n` paused conversations into the store at `data`.
fn populate(data: &Path, key: &Path, n: usize) {
    let key = clearpath::store::keyfile::read_file(key).unwrap();
    let store = clearpath::store::Store::open(data, key).unwrap();
    let flow = clearpath::flow::load_str(Path::new("intake.toml"), include_str!("../flows/intake.toml")).0;
    let now = jiff::Timestamp::now();
    for i in 0..n {
        let who = store.subject("telegram", &(10_000_000 + i).to_string());
        let mut s = Session::new(&flow.id, &flow.hash, now);
        s.status = Status::Paused;
        s.locale = Some("en".into());
        s.consented_at = Some(now);
        s.answers.insert("preferred_name".into(), Answer::Answered(Value::Text(format!("Name {i}"))));
        s.answers.insert("preferred_term".into(), Answer::Answered(Value::Choice("trafficking".into())));
        s.answers.insert("has_records".into(), Answer::Answered(Value::Choice("yes".into())));
        s.pos = Some(Pos::new("case_state", Some(0)));
        s.history = vec![Pos::new("consent", None), Pos::new("resume_code", None), Pos::new("preferred_name", None)];
        store.save_session(&who, &s).unwrap();
    }
    store.flush().unwrap();
}

fn measure(n: usize, cache_mb: Option<&str>) {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let key = dir.path().join("k");
    Command::new(env!("CARGO_BIN_EXE_clearpath")).args(["keys", "init", key.to_str().unwrap()]).output().unwrap();
    let t = Instant::now();
    populate(&data, &key, n);
    let populated = t.elapsed();
    // Let sled's background threads release the files.
    std::thread::sleep(Duration::from_millis(300));
    let size = du(&data);
    let cfg = dir.path().join("c.toml");
    let store = cache_mb.map(|m| format!("[store]\ncache_mb = {m}\n")).unwrap_or_default();
    std::fs::write(
        &cfg,
        format!("data_dir = {:?}\n{store}[telegram]\nthrottle = false\npoll_timeout_secs = 1\n", data),
    )
    .unwrap();
    let started = Instant::now();
    let mut bot = Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .arg("serve")
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("TELOXIDE_TOKEN", "1:footprint")
        .env("TELOXIDE_API_URL", &d.url)
        .env("CLEARPATH_CONFIG", &cfg)
        .env("CLEARPATH_MASTER_KEY_FILE", &key)
        .env("CLEARPATH_LOG", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = bot.id();
    let cold = loop {
        if d.requests().iter().any(|r| r.method == "getupdates") {
            break started.elapsed();
        }
        if started.elapsed() > Duration::from_secs(120) {
            panic!("the bot never polled");
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    // At rest: a few idle polls.
    std::thread::sleep(Duration::from_secs(3));
    let rss = rss_kib(pid);
    let breakdown = rss_breakdown(pid);
    Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    let _ = bot.wait();
    let per = if n > 0 { format!("{:.0} B", size as f64 / n as f64) } else { "-".into() };
    println!(
        "{n:>7} conversations: cold start {:>6.0} ms, idle RSS {:>7.1} MiB, data {:>8.1} MiB ({per} each); written in {:.1} s",
        cold.as_secs_f64() * 1000.0,
        rss as f64 / 1024.0,
        size as f64 / (1024.0 * 1024.0),
        populated.as_secs_f64()
    );
    println!("          resident: {breakdown}");
}

fn main() {
    let sizes: Vec<usize> =
        std::env::args().skip(1).filter(|a| !a.starts_with('-')).filter_map(|a| a.parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![0, 1_000, 10_000, 100_000] } else { sizes };
    let cache = std::env::var("FOOTPRINT_CACHE_MB").ok();
    for n in sizes {
        measure(n, cache.as_deref());
    }
}
