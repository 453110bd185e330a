//! The settings file: the shipped example is valid, and mistakes name the setting.

use crate::support::{root, run_bin};
use clearpath::app::Retention;
use clearpath::config::{Config, Flags, KeySource, Settings, Wipe};
use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[test]
fn the_example_config_is_valid_and_shows_the_defaults() {
    let c = Config::load(&root().join("clearpath.example.toml")).unwrap();
    let d = Config::default();
    // The settings a flag or the environment can also give: the example shows their defaults.
    let no_env = |_: &str| None;
    let from_example = Settings::resolve(&Flags::default(), &no_env, Some(("x".into(), c.clone()))).unwrap();
    let defaults = Settings::resolve(&Flags::default(), &no_env, None).unwrap();
    assert_eq!(from_example.data_dir, defaults.data_dir);
    assert_eq!(from_example.retention, defaults.retention);
    assert_eq!(c.key_file, None);
    assert_eq!(c.telegram.wipe, Wipe::AfterEachAnswer);
    assert_eq!(c.telegram.throttle, d.telegram.throttle);
    assert_eq!(c.telegram.poll_timeout_secs, d.telegram.poll_timeout_secs);
    assert_eq!(c.telegram.exit_text, d.telegram.exit_text);
    assert_eq!(c.handoff.offer_hours, d.handoff.offer_hours);
    assert_eq!(c.handoff.summary_as_text, d.handoff.summary_as_text);
    assert_eq!(c.handoff.alert_after_failures, d.handoff.alert_after_failures);
}

#[test]
fn attorneys_in_the_config_are_checked() {
    let p = Path::new("c.toml");
    let key = age::x25519::Identity::generate().to_public().to_string();
    let one = |name: &str, recipient: &str, j: &str, default: bool| {
        format!("[[attorney]]\nname = {name:?}\nchat = 1\nrecipient = {recipient:?}\njurisdictions = [{j}]\ndefault = {default}\n")
    };
    let ok = Config::parse(p, &(one("Ana", &key, "\"NY\"", false) + &one("Ben", &key, "\"*\"", true))).unwrap();
    assert_eq!(ok.attorneys.len(), 2);
    assert_eq!(ok.attorneys[0].language, "en");
    let e = Config::parse(p, &one("Ana", "age1nope", "\"NY\"", false)).unwrap_err().to_string();
    assert_eq!(e, "c.toml: setting `attorney`: attorney #1 (Ana): \"age1nope\" is not an age recipient (age1...)");
    let e = Config::parse(p, &one("Ana", &key, "\"New York\"", false)).unwrap_err().to_string();
    assert!(e.contains("\"New York\" is not a jurisdiction code"), "{e}");
    let e = Config::parse(p, &(one("Ana", &key, "\"NY\"", false) + &one("ana", &key, "\"NJ\"", false))).unwrap_err();
    assert!(e.to_string().contains("attorney #2: the name \"ana\" is used twice"), "{e}");
    let e = Config::parse(p, &(one("Ana", &key, "\"NY\"", true) + &one("Ben", &key, "\"NJ\"", true))).unwrap_err();
    assert!(e.to_string().contains("only one attorney can be the default"), "{e}");
    let e = Config::parse(p, "[handoff]\noffer_hours = 0\n").unwrap_err().to_string();
    assert_eq!(e, "c.toml: setting `handoff.offer_hours`: must be between 1 and 1440 hours");
}

#[test]
fn mistakes_name_the_setting() {
    let p = Path::new("c.toml");
    let e = Config::parse(p, "[retention]\nabandoned_days = 0\n").unwrap_err().to_string();
    assert_eq!(e, "c.toml: setting `retention.abandoned_days`: must be between 1 and 3650 days");
    let e = Config::parse(p, "[telegram]\nwipe = \"sometimes\"\n").unwrap_err().to_string();
    assert!(e.starts_with("c.toml:2:8: unknown variant `sometimes`"), "{e}");
    let e = Config::parse(p, "[telegram]\ntoken = \"123:abc\"\n").unwrap_err().to_string();
    assert!(e.contains("unknown field `token`"), "{e}");
    let e = Config::parse(p, "[telegram.exit_text]\nes = \"ok\"\n").unwrap_err().to_string();
    assert!(e.contains("`telegram.exit_text`: needs an \"en\" text"), "{e}");
}

// ---- Settings resolve one way for every command: flag, then environment, then file, then default.

/// A running `clearpath serve` against the Bot API double, with the environment the test gives
/// (the `Bot` helper in telegram.rs always names the data directory in its file).
struct Serving {
    child: std::process::Child,
    log: std::path::PathBuf,
}

impl Serving {
    fn start(double: &crate::botapi::Double, dir: &Path, file: &str, env: &[(&str, &Path)]) -> Serving {
        use std::process::{Command, Stdio};
        let cfg = dir.join("clearpath.toml");
        std::fs::write(&cfg, format!("{file}\n[telegram]\nthrottle = false\npoll_timeout_secs = 1\n")).unwrap();
        let log = dir.join("bot.log");
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_clearpath"));
        cmd.arg("serve")
            .current_dir(dir)
            .env("TELOXIDE_TOKEN", "123456:CANARY-TOKEN-xyz")
            .env("TELOXIDE_API_URL", &double.url)
            .env("CLEARPATH_CONFIG", &cfg)
            .env("CLEARPATH_MASTER_KEY_FILE", master_key(dir))
            .env_remove("CLEARPATH_MASTER_KEY")
            .env_remove("CLEARPATH_DATA_DIR")
            .stdout(Stdio::null())
            .stderr(Stdio::from(std::fs::File::create(&log).unwrap()));
        for (k, v) in env {
            cmd.env(k, v);
        }
        Serving { child: cmd.spawn().unwrap(), log }
    }

    /// Waits until the bot answers /start with its first question.
    fn first_question(&self, double: &crate::botapi::Double, chat: i64) {
        double.send_text(chat, "/start", "en");
        double.wait_for(chat, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    }
}

impl Drop for Serving {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("--- bot log ---\n{}", std::fs::read_to_string(&self.log).unwrap_or_default());
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A master key in `dir` (made once).
fn master_key(dir: &Path) -> std::path::PathBuf {
    let key = dir.join("master.key");
    if !key.exists() {
        let (rc, _, err) = run_bin(&["keys", "init", key.to_str().unwrap()], &[], "", dir);
        assert_eq!(rc, 0, "{err}");
    }
    key
}

/// An environment made of these pairs only.
fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<OsString> {
    let pairs: Vec<(String, String)> = pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    move |name| pairs.iter().find(|(k, _)| k == name).map(|(_, v)| OsString::from(v))
}

/// Each setting, given by a flag, the environment and the file at once, then by fewer of them:
/// the flag wins, then the environment, then the file, then the default.
#[test]
fn each_setting_resolves_flag_then_environment_then_file_then_default() {
    let flags = Flags {
        config: None,
        data_dir: Some("flag-data".into()),
        flows: Some("flag-flows".into()),
        locales: Some("flag-locales".into()),
        rules: Some("flag-rules".into()),
        key_file: Some("flag.key".into()),
        abandoned_days: Some(2),
        delivered_days: Some(3),
        waiting_days: Some(20),
    };
    let env = [
        ("CLEARPATH_DATA_DIR", "env-data"),
        ("CLEARPATH_FLOWS", "env-flows"),
        ("CLEARPATH_LOCALES", "env-locales"),
        ("CLEARPATH_RULES", "env-rules"),
        ("CLEARPATH_MASTER_KEY_FILE", "env.key"),
        ("CLEARPATH_ABANDONED_DAYS", "4"),
        ("CLEARPATH_DELIVERED_DAYS", "5"),
        ("CLEARPATH_WAITING_DAYS", "30"),
    ];
    let file = Config::parse(
        Path::new("c.toml"),
        "data_dir = \"file-data\"\nflows = \"file-flows\"\nlocales = \"file-locales\"\nrules = \"file-rules\"\n\
         key_file = \"file.key\"\n[retention]\nabandoned_days = 6\ndelivered_days = 7\nwaiting_days = 40\n",
    )
    .unwrap();
    let file = || Some((PathBuf::from("c.toml"), file.clone()));
    // What each source gives, per setting: (flag, env, file, default), read off the result.
    type Get = fn(&Settings) -> String;
    let settings: [(&str, Get, [&str; 4]); 8] = [
        ("data_dir", |s| s.data_dir.display().to_string(), ["flag-data", "env-data", "file-data", "clearpath-data"]),
        (
            "flows",
            |s| format!("{:?}", s.flows),
            ["Some(\"flag-flows\")", "Some(\"env-flows\")", "Some(\"file-flows\")", "None"],
        ),
        (
            "locales",
            |s| format!("{:?}", s.locales),
            ["Some(\"flag-locales\")", "Some(\"env-locales\")", "Some(\"file-locales\")", "None"],
        ),
        (
            "rules",
            |s| format!("{:?}", s.rules),
            ["Some(\"flag-rules\")", "Some(\"env-rules\")", "Some(\"file-rules\")", "None"],
        ),
        ("key", |s| format!("{:?}", s.key), ["File(\"flag.key\")", "File(\"env.key\")", "File(\"file.key\")", "Unset"]),
        ("abandoned_days", |s| s.retention.abandoned_days.to_string(), ["2", "4", "6", "30"]),
        ("delivered_days", |s| s.retention.delivered_days.to_string(), ["3", "5", "7", "14"]),
        ("waiting_days", |s| s.retention.waiting_days.to_string(), ["20", "30", "40", "60"]),
    ];
    let no_flags = Flags::default();
    type Vars<'a> = &'a [(&'a str, &'a str)];
    let cases: [(&str, &Flags, Vars, bool); 4] = [
        ("flag, env and file", &flags, &env, true),
        ("env and file", &no_flags, &env, true),
        ("file only", &no_flags, &[], true),
        ("nothing", &no_flags, &[], false),
    ];
    for (i, (what, flags, env, with_file)) in cases.iter().enumerate() {
        let s = Settings::resolve(flags, &env_of(env), if *with_file { file() } else { None }).unwrap();
        for (name, get, expect) in &settings {
            assert_eq!(get(&s), expect[i], "{name} with {what}");
        }
    }
    // The defaults are the store's.
    assert_eq!(Settings::resolve(&no_flags, &env_of(&[]), None).unwrap().retention, Retention::default());
}

#[test]
fn the_master_key_and_retention_from_the_environment_are_checked() {
    let none = Flags::default();
    // The key itself in the environment; both ways at once are refused, unless a flag decides.
    let s = Settings::resolve(&none, &env_of(&[("CLEARPATH_MASTER_KEY", "ab")]), None).unwrap();
    assert_eq!(s.key, KeySource::Env);
    let both = env_of(&[("CLEARPATH_MASTER_KEY", "ab"), ("CLEARPATH_MASTER_KEY_FILE", "k")]);
    let e = Settings::resolve(&none, &both, None).unwrap_err();
    assert!(format!("{:#}", anyhow::Error::from(e)).contains("set only one"));
    let flag = Flags { key_file: Some("f.key".into()), ..Flags::default() };
    assert_eq!(Settings::resolve(&flag, &both, None).unwrap().key, KeySource::File("f.key".into()));
    // An empty variable counts as unset.
    let s = Settings::resolve(&none, &env_of(&[("CLEARPATH_DATA_DIR", "")]), None).unwrap();
    assert_eq!(s.data_dir, PathBuf::from("clearpath-data"));
    // Retention out of range, or not a number, names its source.
    let e = Settings::resolve(&none, &env_of(&[("CLEARPATH_DELIVERED_DAYS", "soon")]), None).unwrap_err();
    assert_eq!(e.to_string(), "CLEARPATH_DELIVERED_DAYS: not a whole number of days");
    let e = Settings::resolve(&Flags { abandoned_days: Some(0), ..Flags::default() }, &env_of(&[]), None).unwrap_err();
    assert_eq!(e.to_string(), "--abandoned-days: must be between 1 and 3650 days");
    let e = Settings::resolve(&none, &env_of(&[("CLEARPATH_DELIVERED_DAYS", "3651")]), None).unwrap_err();
    assert_eq!(e.to_string(), "CLEARPATH_DELIVERED_DAYS: must be between 0 and 3650 days");
}

/// The README's table is the code's, and every command's help names each variable.
#[test]
fn the_readme_table_and_the_help_show_the_settings_as_resolved() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let table = clearpath::config::table_markdown();
    assert!(readme.contains(&table), "README.md's settings table differs from the code's:\n{table}");
    for cmd in [
        &["serve"][..],
        &["chat"],
        &["purge"],
        &["keys", "rotate"],
        &["attorney", "invite"],
        &["attorney", "revoke"],
        &["cases", "list"],
        &["cases", "sweep"],
        &["audit", "verify"],
        &["quarantine", "list"],
        &["quarantine", "retry"],
        &["quarantine", "drop"],
        &["doctor"],
    ] {
        let (rc, out, err) = run_bin(&[cmd, &["--help"]].concat(), &[], "", &root());
        assert_eq!(rc, 0, "{cmd:?}: {err}");
        for row in clearpath::config::TABLE {
            if !row.flag.is_empty() {
                assert!(out.contains(row.flag), "{cmd:?} has no {}", row.flag);
            }
            assert!(out.contains(row.env), "{cmd:?}'s help does not name {}", row.env);
            assert!(out.contains(&format!("file: {}", row.key)) || row.key.is_empty(), "{cmd:?}: {}", row.key);
        }
    }
}

#[test]
fn chat_takes_the_data_directory_from_its_config_file() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("file-data");
    let cfg = dir.path().join("clearpath.toml");
    std::fs::write(&cfg, format!("data_dir = {:?}\n", data.to_str().unwrap())).unwrap();
    let (rc, _, err) = run_bin(&["chat", "--json", "--config", cfg.to_str().unwrap()], &[], "", dir.path());
    assert_eq!(rc, 0, "{err}");
    assert!(data.join("store/keycheck").exists());
    // CLEARPATH_CONFIG names the file too, and CLEARPATH_DATA_DIR comes before it.
    let env_data = dir.path().join("env-data");
    let (rc, _, err) = run_bin(
        &["chat", "--json"],
        &[("CLEARPATH_CONFIG", cfg.to_str().unwrap()), ("CLEARPATH_DATA_DIR", env_data.to_str().unwrap())],
        "",
        dir.path(),
    );
    assert_eq!(rc, 0, "{err}");
    assert!(env_data.join("store/keycheck").exists());
    assert!(!dir.path().join("clearpath-data").exists());
}

#[test]
fn serve_uses_clearpath_data_dir_over_the_config_file() {
    let d = crate::botapi::Double::start();
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("env-data");
    let from_file = dir.path().join("file-data");
    let bot = Serving::start(
        &d,
        dir.path(),
        &format!("data_dir = {:?}\n", from_file.to_str().unwrap()),
        &[("CLEARPATH_DATA_DIR", &from_env)],
    );
    bot.first_question(&d, 770020001);
    assert!(from_env.join("store/keycheck").exists(), "the store is not in CLEARPATH_DATA_DIR");
    assert!(!from_file.exists(), "the config file's data_dir was used");
}

#[test]
fn serve_without_a_data_dir_in_the_file_uses_clearpath_data_dir() {
    let d = crate::botapi::Double::start();
    let dir = tempfile::tempdir().unwrap();
    let from_env = dir.path().join("env-data");
    let bot = Serving::start(&d, dir.path(), "", &[("CLEARPATH_DATA_DIR", &from_env)]);
    bot.first_question(&d, 770020002);
    assert!(from_env.join("store/keycheck").exists(), "the store is not in CLEARPATH_DATA_DIR");
    assert!(!dir.path().join("clearpath-data").exists(), "the default data directory was used");
}

#[test]
fn case_desk_commands_with_clearpath_data_dir_reach_the_running_bot() {
    let d = crate::botapi::Double::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let bot = Serving::start(&d, dir.path(), &format!("data_dir = {:?}\n", data.to_str().unwrap()), &[]);
    bot.first_question(&d, 770020003);
    // Run from another directory, with only the environment naming the data directory. While the
    // bot runs it holds sled's lock, so opening the store directly would fail: a success here came
    // through the control socket.
    let elsewhere = tempfile::tempdir().unwrap();
    let key = master_key(dir.path());
    let env = [("CLEARPATH_DATA_DIR", data.to_str().unwrap()), ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap())];
    for args in [&["cases", "list"][..], &["audit", "verify"], &["quarantine", "list"], &["purge"]] {
        let (rc, out, err) = run_bin(args, &env, "", elsewhere.path());
        assert_eq!(rc, 0, "{args:?}: {out}{err}");
        assert!(!elsewhere.path().join("clearpath-data").exists(), "{args:?} opened ./clearpath-data");
    }
}

/// A stopped store in `dir/data` with one conversation in it, under `dir/master.key`.
fn stopped_store(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let data = dir.join("data");
    let key = master_key(dir);
    let (rc, _, err) = run_bin(
        &["chat", "--json", "--data-dir", data.to_str().unwrap()],
        &[("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap())],
        "{\"choice\": \"en\"}\n{\"choice\": \"safe\"}",
        dir,
    );
    assert_eq!(rc, 0, "{err}");
    (data, key)
}

#[test]
fn a_stopped_purge_uses_the_config_files_retention() {
    let dir = tempfile::tempdir().unwrap();
    let (data, key) = stopped_store(dir.path());
    let cfg = dir.path().join("clearpath.toml");
    std::fs::write(
        &cfg,
        format!("data_dir = {:?}\n[retention]\nabandoned_days = 1\ndelivered_days = 5\n", data.to_str().unwrap()),
    )
    .unwrap();
    let key = ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap());
    let cfg = cfg.to_str().unwrap();
    let purge = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec![key];
        all.extend_from_slice(env);
        let (rc, out, err) = run_bin(&[&["purge"], args].concat(), &all, "", dir.path());
        assert_eq!(rc, 0, "{args:?} {env:?}: {out}{err}");
        assert!(out.contains("purged "), "{out}");
        out
    };
    // The file, by flag and by CLEARPATH_CONFIG.
    let out = purge(&["--config", cfg], &[]);
    assert!(out.contains("retention: abandoned 1 day(s), delivered 5 day(s)"), "{out}");
    let out = purge(&[], &[("CLEARPATH_CONFIG", cfg)]);
    assert!(out.contains("retention: abandoned 1 day(s), delivered 5 day(s)"), "{out}");
    // The environment over the file; a flag over both.
    let out = purge(&["--config", cfg], &[("CLEARPATH_ABANDONED_DAYS", "3")]);
    assert!(out.contains("retention: abandoned 3 day(s), delivered 5 day(s)"), "{out}");
    let out = purge(
        &["--config", cfg, "--abandoned-days", "2", "--delivered-days", "0"],
        &[("CLEARPATH_ABANDONED_DAYS", "3"), ("CLEARPATH_DELIVERED_DAYS", "9")],
    );
    assert!(out.contains("retention: abandoned 2 day(s), delivered 0 day(s)"), "{out}");
    // Neither: the defaults.
    let out = purge(&["--data-dir", data.to_str().unwrap()], &[]);
    assert!(out.contains("retention: abandoned 30 day(s), delivered 14 day(s)"), "{out}");
    // A value out of range names where it came from.
    let (rc, _, err) = run_bin(&["purge", "--config", cfg], &[key, ("CLEARPATH_ABANDONED_DAYS", "0")], "", dir.path());
    assert_eq!(rc, 1);
    assert!(err.contains("CLEARPATH_ABANDONED_DAYS: must be between 1 and 3650 days"), "{err}");
}
