//! Data size per completed intake, and the data directory through a simulated year of use with
//! the retention periods applied daily: the real runtime (`App`, the intake flow, locales, the
//! sled store on disk), in process, the clock moved a day at a time.
//!
//!     cargo bench --bench year                 # 10 completed and 10 abandoned intakes a day
//!     cargo bench --bench year -- 30 30        # completed and abandoned a day
//!
//! A completed intake is the scripted full intake the tests use (one case, every question
//! answered, 42 inputs); an abandoned one stops after the name (7 inputs). No attorney is
//! configured, so a completed intake is kept for `waiting_days` (60) and then erased, an abandoned
//! one for `abandoned_days` (30). Each day ends with the purge a running bot does daily.

#[path = "support/du.rs"]
mod du_support;
use clearpath::app::{App, Retention};
use clearpath::engine::{Command, Input};
use clearpath::flow;
use clearpath::locale::Locales;
use clearpath::store::crypto::Key;
use clearpath::store::Store;
use du_support::du;
use std::path::Path;

/// The tests' full intake (tests/it/cli.rs `FULL_INTAKE`), as inputs.
const FULL: &[&str] = &[
    "c:en",
    "c:safe",
    "c:only_me",
    "c:agree",
    "c:no_code",
    "t:Name",
    "c:what_happened",
    "c:yes",
    "t:New York",
    "t:Kings",
    "c:prostitution",
    "t:Loitering",
    "c:conviction",
    "/skip",
    "c:misdemeanor",
    "t:around 2014",
    "t:2015",
    "c:yes",
    "c:yes",
    "m:none",
    "t:20",
    "/skip",
    "c:no",
    "c:no",
    "c:no",
    "c:no",
    "c:no",
    "t:2017",
    "c:no",
    "c:no",
    "m:none",
    "c:citizen",
    "c:no",
    "c:yes",
    "m:this_chat",
    "t:Evenings after 7",
    "c:submit",
];

fn input(s: &str) -> Input {
    match s.split_once(':') {
        Some(("c", id)) => Input::Choice { id: id.into(), step: None },
        Some(("m", ids)) => Input::Choices { ids: ids.split(',').map(Into::into).collect(), step: None },
        Some(("t", t)) => Input::Text(t.into()),
        _ if s == "/skip" => Input::cmd(Command::Skip),
        _ => panic!("{s}"),
    }
}

fn main() {
    let args: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (done_a_day, left_a_day) = (args.first().copied().unwrap_or(10), args.get(1).copied().unwrap_or(10));
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (flow, diags) = flow::load_file(&root.join("flows/intake.toml")).unwrap();
    assert!(diags.is_empty());
    let (locales, _) = Locales::load(&clearpath::data::read_dir(&root.join("locales")));
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let retention = Retention::default();
    let app = App::new(flow, locales, store, retention);
    let mut now: jiff::Timestamp = "2026-01-01T09:00:00Z".parse().unwrap();
    let mut n = 0u64;
    let mut submitted = 0u64;
    println!("{done_a_day} completed and {left_a_day} abandoned intakes a day; retention {retention:?}");
    println!("| day | completed so far | data directory | erasure log |");
    println!("|---|---|---|---|");
    let started = std::time::Instant::now();
    for day in 1..=365 {
        for k in 0..(done_a_day + left_a_day) {
            n += 1;
            let who = app.subject("telegram", &(100_000_000 + n).to_string()).unwrap();
            let steps = if k < done_a_day { FULL } else { &FULL[..6] };
            let mut t = now;
            app.handle(&who, Input::cmd(Command::Start), t).unwrap();
            for s in steps {
                t += jiff::SignedDuration::from_secs(20);
                let h = app.handle(&who, input(s), t).unwrap();
                submitted += u64::from(h.submitted.is_some());
            }
        }
        app.purge(now + jiff::SignedDuration::from_hours(12)).unwrap();
        app.store(|s| s.flush()).unwrap();
        if day == 1 {
            let size = du(dir.path());
            println!(
                "| 1 | {submitted} | {:.1} MiB ({} B per conversation begun) | {} B |",
                size as f64 / 1048576.0,
                size / (done_a_day + left_a_day) as u64,
                std::fs::metadata(dir.path().join("erasures")).map(|m| m.len()).unwrap_or(0)
            );
        }
        if [7, 30, 60, 61, 90, 180, 270, 365].contains(&day) {
            println!(
                "| {day} | {submitted} | {:.1} MiB | {} B |",
                du(dir.path()) as f64 / 1048576.0,
                std::fs::metadata(dir.path().join("erasures")).map(|m| m.len()).unwrap_or(0)
            );
        }
        now += jiff::SignedDuration::from_hours(24);
    }
    assert_eq!(submitted, 365 * done_a_day as u64, "every completed intake was submitted");
    println!("({} s)", started.elapsed().as_secs());
}
