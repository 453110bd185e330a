//! `clearpath doctor` (issue 19), through the real binary: it passes on a healthy installation
//! (getMe answered by the Bot API double), and names each fault of a broken one with its line,
//! its fix and the exit code from the one table; with the bot running, it asks the bot through
//! the control socket and never opens the store itself.

use crate::attorneys::{attorney, Keys};
use crate::botapi::Double;
use crate::support::{root, run_bin, wait_unlocked};
use crate::telegram::Bot;
use clearpath::store::{keyfile, Store, TREE_AUDIT};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

const TOKEN: &str = "123456:CANARY-TOKEN-doctor";

/// A stopped installation in a temporary directory: settings file, master key, token file, and a
/// store with two audit entries.
struct Setup {
    dir: tempfile::TempDir,
    api: String,
    keys: Keys,
}

impl Setup {
    fn new(api: &str) -> Setup {
        let dir = tempfile::tempdir().unwrap();
        let keys = Keys::new(1);
        let s = Setup { dir, api: api.to_string(), keys };
        s.write_config(&s.keys.public(0));
        let (rc, _, err) = run_bin(&["keys", "init", s.key().to_str().unwrap()], &[], "", &root());
        assert_eq!(rc, 0, "{err}");
        std::fs::write(s.token(), format!("{TOKEN}\n")).unwrap();
        std::fs::set_permissions(s.token(), std::fs::Permissions::from_mode(0o600)).unwrap();
        {
            let store = Store::open(&s.data(), keyfile::read_file(&s.key()).unwrap()).unwrap();
            let now = jiff::Timestamp::now();
            clearpath::audit::append(&store, clearpath::audit::Event::Invited, None, Some("Ana A"), now).unwrap();
            clearpath::audit::append(&store, clearpath::audit::Event::Enrolled, None, Some("Ana A"), now).unwrap();
            store.flush().unwrap();
        }
        wait_unlocked(&s.data());
        s
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
    fn key(&self) -> PathBuf {
        self.path("master.key")
    }
    fn token(&self) -> PathBuf {
        self.path("token")
    }
    fn data(&self) -> PathBuf {
        self.path("data")
    }

    fn write_config(&self, recipient: &str) {
        let text = format!(
            "data_dir = {:?}\n\n[telegram]\nadmins = [1]\n{}",
            self.data().to_str().unwrap(),
            attorney("Ana A", 772_066_101, recipient, "\"*\"", true)
        );
        std::fs::write(self.path("clearpath.toml"), text).unwrap();
    }

    /// `clearpath doctor` with this installation's settings; `envs` replace them.
    fn doctor(&self, envs: &[(&str, &str)]) -> (i32, String) {
        let (cfg, key, token) = (self.path("clearpath.toml"), self.key(), self.token());
        let mut all: Vec<(&str, &str)> = vec![
            ("CLEARPATH_CONFIG", cfg.to_str().unwrap()),
            ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap()),
            ("TELOXIDE_TOKEN_FILE", token.to_str().unwrap()),
            ("TELOXIDE_TOKEN", ""),
            ("TELOXIDE_API_URL", &self.api),
        ];
        all.retain(|(k, _)| !envs.iter().any(|(e, _)| e == k));
        all.extend_from_slice(envs);
        let (rc, out, err) = run_bin(&["doctor"], &all, "", &root());
        assert!(!out.contains("CANARY") && !err.contains("CANARY"), "the token leaked:\n{out}{err}");
        (rc, format!("{out}{err}"))
    }
}

fn has_line(out: &str, line: &str) -> bool {
    out.lines().any(|l| l == line)
}

#[track_caller]
fn assert_line(out: &str, line: &str) {
    assert!(has_line(out, line), "no line\n{line}\nin\n{out}");
}

/// A port nothing listens on (bound, then let go).
fn closed_port() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", l.local_addr().unwrap());
    drop(l);
    url
}

fn mode(p: &Path, m: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(m)).unwrap();
}

#[test]
fn doctor_passes_on_a_healthy_setup_and_names_each_fault_with_its_fix_and_exit_code() {
    let d = Double::start();
    let s = Setup::new(&d.url);

    // Healthy.
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 0, "{out}");
    for line in [
        format!("ok    settings: {} is valid", s.path("clearpath.toml").display()),
        format!("ok    master key: {} is readable by its owner only", s.key().display()),
        format!("ok    bot token: {} is readable by its owner only", s.token().display()),
        format!("ok    data directory: {} exists, mode 700", s.data().display()),
        "ok    attorneys in the settings file: 1, each with a valid age recipient".into(),
        "ok    store: the master key matches and the database opens (the bot is not running)".into(),
        "ok    enrolled attorneys: none".into(),
        format!("warn  key escrow: none at {}", s.data().join("escrow.toml").display()),
        "ok    erasure log: none yet (it begins with the first erasure or backup)".into(),
        format!("ok    Bot API: {} answers getMe: the token is the bot @clearpath_test_bot", d.url),
    ] {
        assert_line(&out, &line);
    }
    assert!(out.lines().any(|l| l.starts_with("ok    audit log: audit log intact: 2 entries; head #2 ")), "{out}");
    assert!(
        out.lines().any(|l| l.starts_with("ok    flows, locales, rules: ") || l.starts_with("warn  flows")),
        "{out}"
    );
    assert!(out.lines().any(|l| l.starts_with("ok    disk space: ") || l.starts_with("warn  disk space: ")), "{out}");
    assert!(out.contains("doctor: all checks passed"), "{out}");
    assert!(d.requests().iter().any(|r| r.method.eq_ignore_ascii_case("getMe")), "getMe was not asked");
    // Every translation is a draft: doctor says which, and, when only reviewed ones are to be
    // offered, that all are offered until one is.
    assert_line(&out, "warn  languages offered: en, es, zh-Hans, vi, tl, ko, th, ru, uk, ht, pt-BR, ar; drafts no native speaker has reviewed: es, zh-Hans, vi, tl, ko, th, ru, uk, ht, pt-BR, ar");
    let cfg = s.path("clearpath.toml");
    let text = std::fs::read_to_string(&cfg).unwrap();
    std::fs::write(&cfg, format!("{text}\n[languages]\noffer = \"reviewed\"\n")).unwrap();
    let (rc, reviewed) = s.doctor(&[]);
    assert_eq!(rc, 0, "{reviewed}");
    assert!(
        reviewed
            .lines()
            .any(|l| l.starts_with("warn  languages offered: en, es, zh-Hans, vi, tl, ko, th, ru, uk, ht, pt-BR, ar: no translation has been reviewed")),
        "{reviewed}"
    );
    std::fs::write(&cfg, text).unwrap();

    // No token: the Bot API is skipped, nothing fails.
    let (rc, out) = s.doctor(&[("TELOXIDE_TOKEN_FILE", "")]);
    assert_eq!(rc, 0, "{out}");
    assert_line(&out, "skip  bot token: not set (TELOXIDE_TOKEN_FILE or TELOXIDE_TOKEN); `clearpath serve` needs one");
    assert_line(&out, "skip  Bot API: not checked: no usable bot token");

    // A master key file others can read: exit code 3.
    mode(&s.key(), 0o644);
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 3, "{out}");
    assert_line(&out, &format!("FAIL  master key: {} can be read by other users (mode 644)", s.key().display()));
    assert_line(&out, &format!("      fix: run `chmod 600 {}`", s.key().display()));
    assert_line(&out, "skip  store: not checked: no usable master key");
    mode(&s.key(), 0o600);

    // A token file others can read: exit code 3 too.
    mode(&s.token(), 0o640);
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 3, "{out}");
    assert_line(&out, &format!("FAIL  bot token: {} can be read by other users (mode 640)", s.token().display()));
    mode(&s.token(), 0o600);

    // A key that is not this database's: exit code 3, and the store is not opened.
    let other = s.path("other.key");
    let (rc, _, err) = run_bin(&["keys", "init", other.to_str().unwrap()], &[], "", &root());
    assert_eq!(rc, 0, "{err}");
    let (rc, out) = s.doctor(&[("CLEARPATH_MASTER_KEY_FILE", other.to_str().unwrap())]);
    assert_eq!(rc, 3, "{out}");
    assert_line(&out, "FAIL  store: the master key does not open this database (wrong key)");
    assert!(!out.contains("enrolled attorneys"), "{out}");

    // The Bot API does not answer (a closed port): exit code 1.
    let closed = closed_port();
    let (rc, out) = s.doctor(&[("TELOXIDE_API_URL", &closed)]);
    assert_eq!(rc, 1, "{out}");
    assert_line(
        &out,
        &format!("FAIL  Bot API: {closed} does not answer getMe: cannot connect (connection refused, no route, or no network)"),
    );

    // A data directory others can enter: exit code 4, and the store is left alone.
    mode(&s.data(), 0o755);
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 4, "{out}");
    assert_line(
        &out,
        &format!(
            "FAIL  data directory: {} has mode 755, not 700: other users may reach what is inside",
            s.data().display()
        ),
    );
    assert_line(&out, "skip  store: not checked: fix the data directory first");
    assert_eq!(std::fs::metadata(s.data()).unwrap().permissions().mode() & 0o777, 0o755, "doctor changed the mode");
    mode(&s.data(), 0o700);

    // A configured attorney whose recipient is not an age key: exit code 5, the attorney named.
    s.write_config("age1notakey");
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 5, "{out}");
    assert_line(
        &out,
        "FAIL  attorneys in the settings file: \"Ana A\": \"age1notakey\" is not an age recipient (age1...)",
    );
    assert!(out.lines().any(|l| l.starts_with("FAIL  settings: ") && l.contains("setting `attorney`")), "{out}");
    // The other checks still ran, with the file's other settings.
    assert_line(&out, "ok    store: the master key matches and the database opens (the bot is not running)");
    s.write_config(&s.keys.public(0));

    // A broken audit chain (its first entry removed, as someone with the disk and the key could):
    // exit code 4.
    {
        let store = Store::open(&s.data(), keyfile::read_file(&s.key()).unwrap()).unwrap();
        store.service_remove(TREE_AUDIT, &1u64.to_be_bytes()).unwrap();
        store.flush().unwrap();
    }
    wait_unlocked(&s.data());
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 4, "{out}");
    assert_line(&out, "FAIL  audit log: NOT intact: entry #1 is missing (the next entry is #2)");
    assert!(out.contains("doctor: 1 check(s) failed"), "{out}");

    // The erasure log: one erasure recorded reads; an altered entry fails with exit code 4.
    {
        let store = Store::open(&s.data(), keyfile::read_file(&s.key()).unwrap()).unwrap();
        store.erase(&store.subject("telegram", "5"), jiff::Timestamp::now()).unwrap();
    }
    wait_unlocked(&s.data());
    let (_, out) = s.doctor(&[]);
    assert_line(&out, "ok    erasure log: 1 entries, 1 since the last key rotation, all readable");
    let log = s.data().join("erasures");
    let text = std::fs::read_to_string(&log).unwrap();
    // The sealed part's last hex digit changed.
    let mut altered = text.trim_end().to_string();
    let last = altered.pop().unwrap();
    altered.push(if last == '0' { '1' } else { '0' });
    std::fs::write(&log, altered + "\n").unwrap();
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 4, "{out}");
    assert!(out.lines().any(|l| l.starts_with("FAIL  erasure log: ")), "{out}");
}

#[test]
fn doctor_asks_a_running_bot_through_its_control_socket_and_never_opens_its_store() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(1);
    let bot = Bot::start(
        &d,
        dir.path(),
        &format!("admins = [1]\n{}", attorney("Ana A", 772_066_101, &keys.public(0), "\"*\"", true)),
    );
    crate::control_socket::socket_of(dir.path());
    let (cfg, key) = (dir.path().join("clearpath.toml"), dir.path().join("master.key"));
    let (rc, out, err) = run_bin(
        &["doctor"],
        &[
            ("CLEARPATH_CONFIG", cfg.to_str().unwrap()),
            ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap()),
            ("TELOXIDE_TOKEN", TOKEN),
            ("TELOXIDE_API_URL", &d.url),
        ],
        "",
        &root(),
    );
    // Opening the store would have met sled's lock and failed: the pass is the proof.
    assert_eq!(rc, 0, "{out}{err}");
    assert_line(&out, "ok    store: the running bot has it open (asked through its control socket; not opened here)");
    assert_line(&out, "ok    enrolled attorneys: none");
    assert!(out.lines().any(|l| l.starts_with("ok    audit log: audit log intact")), "{out}");
    assert_line(&out, "ok    bot token: from TELOXIDE_TOKEN (no file to check)");
    // The bot goes on serving.
    crate::control_socket::socket_of(dir.path());
    bot.stop();
}

#[test]
fn doctor_checks_the_webhook_secret_file_when_one_is_named() {
    let d = Double::start();
    let s = Setup::new(&d.url);
    let secret = s.path("webhook-secret");
    let cfg = std::fs::read_to_string(s.path("clearpath.toml")).unwrap();
    std::fs::write(
        s.path("clearpath.toml"),
        format!(
            "{cfg}\n[webhook]\nurl = \"https://bot.example.org/hook\"\nsecret_token_file = {:?}\n",
            secret.to_str().unwrap()
        ),
    )
    .unwrap();
    std::fs::write(&secret, "Webhook-CANARY-secret_1\n").unwrap();
    mode(&secret, 0o600);
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 0, "{out}");
    assert_line(&out, &format!("ok    webhook secret: {} is readable by its owner only", secret.display()));
    mode(&secret, 0o644);
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 3, "{out}");
    assert_line(&out, &format!("FAIL  webhook secret: {} can be read by other users (mode 644)", secret.display()));
    std::fs::write(&secret, "not a CANARY secret: spaces!\n").unwrap();
    mode(&secret, 0o600);
    let (rc, out) = s.doctor(&[]);
    assert_eq!(rc, 5, "{out}");
    assert!(out.contains("FAIL  webhook secret: ") && out.contains("the webhook secret must be 1 to 256"), "{out}");
}
