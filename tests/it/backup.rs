//! Backup and restore through the real binary (`clearpath backup`, `clearpath restore`), the
//! backup taken through the running bot while updates keep arriving.

use crate::botapi::Double;
use crate::cli::FULL_INTAKE;
use crate::support::run_bin;
use crate::telegram::{act, Bot};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

const ERASED_BEFORE: i64 = 930_001;
const RESUMES: i64 = 930_002;
const ERASED_AFTER: i64 = 930_003;

fn env(dir: &Path) -> Vec<(&'static str, String)> {
    vec![
        ("CLEARPATH_CONFIG", dir.join("clearpath.toml").to_str().unwrap().to_string()),
        ("CLEARPATH_MASTER_KEY_FILE", dir.join("master.key").to_str().unwrap().to_string()),
    ]
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    run_at(dir, args, None)
}

/// With the clock moved forward by so many days (debug builds read CLEARPATH_TEST_CLOCK_FILE).
fn run_at(dir: &Path, args: &[&str], days: Option<i64>) -> (i32, String, String) {
    let mut env = env(dir);
    if let Some(days) = days {
        let clock = dir.join("clock");
        std::fs::write(&clock, (days * 86_400).to_string()).unwrap();
        env.push(("CLEARPATH_TEST_CLOCK_FILE", clock.to_str().unwrap().to_string()));
    }
    let env: Vec<(&str, &str)> = env.iter().map(|(k, v)| (*k, v.as_str())).collect();
    run_bin(args, &env, "", dir)
}

fn begin(d: &Double, chat: i64, steps: usize) {
    d.send_text(chat, "/start", "en");
    d.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    for l in &FULL_INTAKE[..steps] {
        act(d, chat, "en", l);
    }
}

fn delete(d: &Double, chat: i64) {
    d.send_text(chat, "/delete", "en");
    let q = d.wait_for(chat, 20, "the delete question", |m| {
        m.iter().any(|m| m.from_bot && !m.deleted && m.buttons.iter().any(|b| b.1.ends_with(":delete_confirm")))
    });
    let q =
        q.iter().filter(|m| m.buttons.iter().any(|b| b.1.ends_with(":delete_confirm"))).max_by_key(|m| m.seq).unwrap();
    let data = q.buttons.iter().find(|b| b.1.ends_with(":delete_confirm")).unwrap().1.clone();
    d.press(chat, q.id, &data, "en");
    d.wait_for(chat, 20, "the erasure", |m| m.iter().any(|m| m.from_bot && m.text.contains("has been deleted")));
}

/// The buttons the bot puts on screen for a typed word in a chat: the language question for a
/// conversation it does not know, the current question again for one it has.
fn word_shows(d: &Double, chat: i64) -> String {
    let before = d.seq(chat);
    d.send_text(chat, "hello", "en");
    let msgs = d.wait_for(chat, 20, "a reply to /start", |m| {
        m.iter().any(|m| m.from_bot && m.seq > before && !m.deleted && !m.buttons.is_empty())
    });
    let m =
        msgs.iter().filter(|m| m.from_bot && m.seq > before && !m.buttons.is_empty()).max_by_key(|m| m.seq).unwrap();
    m.buttons
        .iter()
        .map(|b| b.1.rsplit(':').next().unwrap().to_string())
        .collect::<Vec<_>>()
        .join(",")
        .replace("en,es", ",en,es,")
}

#[test]
fn a_backup_under_load_restores_every_conversation_replays_later_erasures_and_the_bot_resumes() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let bot = Bot::start(&d, dir.path(), "");
    begin(&d, ERASED_BEFORE, 2);
    delete(&d, ERASED_BEFORE);
    begin(&d, RESUMES, 12);
    begin(&d, ERASED_AFTER, 2);
    let resumes_at = d.last_bot(RESUMES).unwrap();
    assert!(resumes_at.buttons.iter().any(|b| b.1.ends_with(":what_happened")), "{resumes_at:?}");

    // Load: other chats keep writing while the backup is taken.
    let stop = Arc::new(AtomicBool::new(false));
    let load = {
        let (d, stop) = (Double { url: d.url.clone(), state: d.state.clone() }, stop.clone());
        std::thread::spawn(move || {
            let mut n = 0;
            while !stop.load(Ordering::Relaxed) {
                d.send_text(931_000 + (n % 20), "/start", "en");
                n += 1;
                std::thread::sleep(std::time::Duration::from_millis(5));
            }
            n
        })
    };
    std::thread::sleep(std::time::Duration::from_millis(300));
    let out = dir.path().join("backup.cpb");
    let (rc, o, e) = run(dir.path(), &["backup", out.to_str().unwrap()]);
    stop.store(true, Ordering::Relaxed);
    let sent = load.join().unwrap();
    assert_eq!(rc, 0, "{o}{e}");
    assert!(o.contains("wrote the backup") && o.contains("record(s)"), "{o}");
    assert!(sent > 10, "the load ran: {sent} updates");
    // The file: private, and nothing of what survivors typed in it.
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&out).unwrap().permissions().mode() & 0o777, 0o600);
    let bytes = std::fs::read(&out).unwrap();
    // (The name typed in the conversation that resumes is in the store: sealed.)
    assert!(!bytes.windows(6).any(|w| w == b"Canary"));
    // After the backup, a survivor erases their data.
    delete(&d, ERASED_AFTER);
    bot.stop();

    let (rc, o, e) = run(dir.path(), &["backup", "--verify", out.to_str().unwrap()]);
    assert_eq!(rc, 0, "{o}{e}");
    assert!(o.contains("a complete backup"), "{o}");

    // A second setting, whose data directory is new.
    let dir2 = tempfile::tempdir().unwrap();
    std::fs::copy(dir.path().join("master.key"), dir2.path().join("master.key")).unwrap();
    let data2 = dir2.path().join("data");
    std::fs::write(
        dir2.path().join("clearpath.toml"),
        format!("data_dir = {:?}\n\n[telegram]\nthrottle = false\npoll_timeout_secs = 1\n", data2.to_str().unwrap()),
    )
    .unwrap();
    let log = dir.path().join("data").join("erasures");
    // Without the erasure log it says what to give.
    let (rc, o, e) = run(dir2.path(), &["restore", out.to_str().unwrap()]);
    assert_ne!(rc, 0, "{o}{e}");
    assert!(e.contains("--erasures"), "{e}");
    assert!(!data2.join("store").exists());
    // A damaged copy is refused, naming it, with nothing restored.
    let mut bad = bytes.clone();
    let at = bad.len() / 2;
    bad[at] ^= 0x40;
    let badf = dir2.path().join("bad.cpb");
    std::fs::write(&badf, &bad).unwrap();
    let (rc, _, e) = run(dir2.path(), &["restore", badf.to_str().unwrap(), "--erasures", log.to_str().unwrap()]);
    assert_eq!(rc, 4, "{e}");
    assert!(e.contains("damaged"), "{e}");
    assert!(!data2.join("store").exists());
    // Another key is refused as such.
    let other = dir2.path().join("other.key");
    run_bin(&["keys", "init", other.to_str().unwrap()], &[], "", dir2.path());
    let (rc, _, e) = run_bin(
        &["restore", out.to_str().unwrap(), "--without-erasure-log"],
        &[
            ("CLEARPATH_CONFIG", dir2.path().join("clearpath.toml").to_str().unwrap()),
            ("CLEARPATH_MASTER_KEY_FILE", other.to_str().unwrap()),
        ],
        "",
        dir2.path(),
    );
    assert_eq!(rc, 3, "{e}");
    assert!(e.contains("another master key"), "{e}");
    // Older than the retention periods allow (74 days by default: waiting 60 + delivered 14):
    // refused, nothing restored.
    let (rc, _, e) =
        run_at(dir2.path(), &["restore", out.to_str().unwrap(), "--erasures", log.to_str().unwrap()], Some(75));
    assert_eq!(rc, 4, "{e}");
    assert!(e.contains("more than 74 days ago"), "{e}");
    assert!(!data2.join("store").exists());
    // 31 days on, it restores, and the retention periods are applied before anything serves: the
    // conversations untouched for 30 days are gone.
    let later = dir2.path().join("later");
    let (rc, o, e) = run_at(
        dir2.path(),
        &["restore", out.to_str().unwrap(), "--erasures", log.to_str().unwrap(), "--data-dir", later.to_str().unwrap()],
        Some(31),
    );
    assert_eq!(rc, 0, "{o}{e}");
    assert!(o.contains("survivor(s) erased entirely") && !o.contains("; 0 survivor(s) erased entirely"), "{o}");
    // The real restore.
    let (rc, o, e) = run(dir2.path(), &["restore", out.to_str().unwrap(), "--erasures", log.to_str().unwrap()]);
    assert_eq!(rc, 0, "{o}{e}");
    assert!(o.contains("1 erasure(s) made after the backup replayed (1 of those survivors were in it)"), "{o}");
    assert_eq!(std::fs::metadata(&data2).unwrap().permissions().mode() & 0o777, 0o700);
    assert!(data2.join("erasures").exists(), "the erasure log goes on beside the restored store");
    // Not into a directory that is not empty.
    let (rc, _, e) = run(dir2.path(), &["restore", out.to_str().unwrap(), "--erasures", log.to_str().unwrap()]);
    assert_eq!(rc, 2, "{e}");
    assert!(e.contains("not empty"), "{e}");

    // The bot on the restored directory: the conversation resumes where it was; the survivors who
    // erased their data, before or after the backup, are strangers to it.
    let bot = Bot::start(&d, dir2.path(), "");
    // Its question still on screen is answered, and the next one comes.
    act(&d, RESUMES, "en", FULL_INTAKE[12]);
    let next = d.last_bot(RESUMES).unwrap();
    assert!(next.text.starts_with("One question about all of them together."), "did not resume: {next:?}");
    assert!(!word_shows(&d, RESUMES).contains(",es,"), "a resumed conversation was asked its language again");
    let shown = word_shows(&d, ERASED_BEFORE);
    assert!(shown.contains(",es,"), "erased before the backup, yet known: {shown}");
    let shown = word_shows(&d, ERASED_AFTER);
    assert!(shown.contains(",es,"), "erased after the backup, yet restored: {shown}");
    bot.stop();
}
