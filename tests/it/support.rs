//! Shared test helpers: a transcript harness over the real flow, locales and runtime, and a
//! runner for the real binary.

#![allow(dead_code)]

use clearpath::app::App;
use clearpath::app::Retention;
use clearpath::channel::render::{resolve_text, Out, OutPrompt};
use clearpath::engine::{Input, Session};
use clearpath::flow::{self, Flow};
use clearpath::locale::Locales;
use clearpath::store::crypto::Key;
use clearpath::store::{Store, Subject};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn locales() -> Locales {
    let (l, diags) = Locales::load(&clearpath::data::read_dir(&root().join("locales")));
    assert!(diags.is_empty(), "locales have problems: {diags:?}");
    l
}

pub fn intake_flow() -> Flow {
    let (f, diags) = flow::load_file(&root().join("flows/intake.toml")).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    f
}

/// Drives a conversation through the runtime every channel uses ([`App`], with a real store in a
/// temporary directory), as the terminal does: typed lines are resolved against the last prompt,
/// `/commands` become commands. Nothing is flushed to disk per input (the channels' flush is
/// tested through the real binary); everything else is the channels' own path.
pub struct Harness {
    pub flow: Flow,
    pub locales: Locales,
    /// The conversation as stored after the last input (a new one if none is stored).
    pub session: Session,
    pub now: jiff::Timestamp,
    pub last: Option<OutPrompt>,
    /// The rendered replies to the last input, in full.
    pub last_outs: Vec<Out>,
    pub submitted: usize,
    app: App,
    who: Subject,
    _dir: tempfile::TempDir,
}

impl Harness {
    pub fn new() -> Harness {
        Harness::with_flow(intake_flow())
    }

    pub fn with_flow(flow: Flow) -> Harness {
        let now: jiff::Timestamp = "2026-11-25T20:00:00Z".parse().unwrap();
        let session = Session::new(&flow.id, &flow.hash, now);
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(dir.path(), Key::generate()).unwrap();
        let app = App::new(flow.clone(), locales(), store, Retention::default());
        let who = app.subject("terminal", "harness").unwrap();
        Harness {
            locales: {
                // The same words as the runtime's, with its retention periods filled in.
                let mut l = locales();
                let r = Retention::default();
                l.set_global("abandoned_days", clearpath::locale::Arg::Num(r.abandoned_days));
                l.set_global("delivered_days", clearpath::locale::Arg::Num(r.delivered_days));
                l.set_global("waiting_days", clearpath::locale::Arg::Num(r.waiting_days));
                l
            },
            flow,
            session,
            now,
            last: None,
            last_outs: Vec::new(),
            submitted: 0,
            app,
            who,
            _dir: dir,
        }
    }

    pub fn input_for(&self, line: &str) -> Input {
        if let Some(cmd) = clearpath::channel::parse_command(line, &self.locales.lexicon) {
            return cmd;
        }
        match &self.last {
            Some(p) => resolve_text(p, line, &self.locales.lexicon),
            None => Input::Text(line.to_string()),
        }
    }

    /// Sends one input; returns the rendered replies in the compact transcript form, then what
    /// the runtime did (submitted, erased, wiped).
    pub fn send_input(&mut self, input: Input) -> String {
        self.now += jiff::SignedDuration::from_secs(30);
        let handled =
            self.app.handle_with(&self.who, input, self.now, None, false, None, |_| (Vec::new(), None)).unwrap();
        let mut extra = String::new();
        if handled.submitted.is_some() {
            self.submitted += 1;
            extra.push_str("  [effect: submit]\n");
        }
        if handled.erased {
            extra.push_str("  [effect: erase]\n");
        }
        if handled.wipe {
            extra.push_str("  [effect: wipe]\n");
        }
        self.session = self
            .app
            .store(|st| st.load_session(&self.who))
            .unwrap()
            .unwrap_or_else(|| Session::new(&self.flow.id, &self.flow.hash, self.now));
        let mut s = String::new();
        self.last_outs.clear();
        for out in handled.out {
            if let Out::Prompt(p) = &out {
                self.last = Some(p.clone());
            }
            s.push_str(&compact(&out));
            self.last_outs.push(out);
        }
        s.push_str(&extra);
        s
    }

    pub fn send(&mut self, line: &str) -> String {
        let input = self.input_for(line);
        self.send_input(input)
    }

    /// Runs a script: one input per line (`#` starts a comment line). Returns the transcript.
    pub fn run(&mut self, script: &str) -> String {
        let mut out = String::new();
        for line in script.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(min) = line.strip_prefix("@wait ") {
                // Time passing without input (minutes).
                self.now += jiff::SignedDuration::from_mins(min.trim().parse().unwrap());
                out.push_str(&format!("({min} minutes pass)\n"));
                continue;
            }
            out.push_str(&format!("> {line}\n"));
            out.push_str(&self.send(line));
        }
        out
    }
}

fn first_line(s: &str, max: usize) -> String {
    let line = s.lines().find(|l| !l.trim().is_empty()).unwrap_or("").trim();
    if line.chars().count() > max {
        format!("{}…", line.chars().take(max).collect::<String>())
    } else {
        line.to_string()
    }
}

/// The compact form of a reply: `? key [input]: text | choices`, `! kind: text`, `= done`.
pub fn compact(out: &Out) -> String {
    match out {
        Out::Info { kind, text } => format!("  ! {kind}: {}\n", first_line(text, 70)),
        Out::Done { text, submitted } => {
            format!("  = done{}: {}\n", if *submitted { " (submitted)" } else { "" }, first_line(text, 60))
        }
        Out::Prompt(p) => {
            let mut s = format!("  ? {} [{}]: {}\n", p.key, p.input, first_line(&p.text, 60));
            if let Some(a) = &p.answer {
                s.push_str(&format!("    was: {a}\n"));
            }
            for item in &p.review {
                s.push_str(&format!("    - {}: {}\n", item.question, item.answer));
            }
            if !p.choices.is_empty() && p.input != clearpath::engine::PromptKind::Review {
                let ids: Vec<&str> = p.choices.iter().map(|c| c.id.as_str()).collect();
                s.push_str(&format!("    choices: {}\n", ids.join(" ")));
            }
            s
        }
    }
}

/// Runs the real binary with arguments and stdin; returns (status code, stdout, stderr).
pub fn run_bin(args: &[&str], envs: &[(&str, &str)], stdin: &str, cwd: &Path) -> (i32, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_clearpath"));
    cmd.args(args).current_dir(cwd).stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    cmd.env_remove("CLEARPATH_MASTER_KEY")
        .env_remove("CLEARPATH_MASTER_KEY_FILE")
        .env_remove("CLEARPATH_DATA_DIR")
        .env_remove("LANG");
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let mut child = cmd.spawn().expect("run clearpath");
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Opens sled directly (the store closed) to tamper with records as an attacker with the disk
/// could. Returns once sled's background thread has let go of the files.
pub fn with_raw_sled(dir: &Path, f: impl FnOnce(&sled::Db)) {
    // A store just dropped may still hold sled's lock for a moment (its background work ends
    // on sled's own threads): wait for it, as for the release below.
    let mut tries = 0;
    let db = loop {
        match sled::open(dir.join("store/db")) {
            Ok(db) => break db,
            Err(e) if tries < 200 && e.to_string().contains("could not acquire lock") => {
                tries += 1;
                std::thread::sleep(std::time::Duration::from_millis(10));
            }
            Err(e) => panic!("sled does not open: {e}"),
        }
    };
    f(&db);
    db.flush().unwrap();
    drop(db);
    wait_unlocked(dir);
}

/// Returns once no sled in this process holds the store's lock any more (a store just dropped
/// lets go when sled's own threads finish with it).
pub fn wait_unlocked(dir: &Path) {
    let lock = dir.join("store/db/db");
    for _ in 0..200 {
        let file = std::fs::OpenOptions::new().read(true).write(true).open(&lock).unwrap();
        if fs2::FileExt::try_lock_exclusive(&file).is_ok() {
            let _ = fs2::FileExt::unlock(&file);
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    panic!("sled kept its lock");
}

/// Copies a directory tree (a test's own copy of the shipped data, to change).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let dest = to.join(path.file_name().unwrap());
        if path.is_dir() {
            copy_dir(&path, &dest);
        } else {
            std::fs::copy(&path, &dest).unwrap();
        }
    }
}
