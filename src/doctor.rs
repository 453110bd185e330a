//! `clearpath doctor`: is this installation healthy? Each check prints one line (`ok`, `warn`,
//! `FAIL` or `skip`), and a failure says what to do in plain words, for the one technical
//! volunteer of a legal-aid organisation. The exit code is the most specific of the failures'
//! (`cli::exit`: key 3, database 4, invalid files 5, else 1).
//!
//! Doctor only looks: it writes nothing, with one exception it cannot avoid. A running bot holds
//! sled's lock and sled has no read-only open, so the store of a running bot is never opened here:
//! it is asked through the control socket ([`crate::control::Request::Health`]), which runs the
//! same [`store_checks`] inside the bot. A stopped bot's store is checked against the key first
//! (the key-check file, read only), and only then opened, which runs sled's recovery as any start
//! would.

use crate::cli::exit;
use crate::config::{Config, ConfigError, Flags, KeySource, Settings, SettingsError};
use crate::store::crypto::Key;
use crate::store::keyfile::{self, KeyError};
use crate::store::{KeyCheck, Store};
use serde::{Deserialize, Serialize};
use std::ffi::OsString;
use std::path::Path;
use std::process::ExitCode;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Pass,
    /// Worth a look; does not fail the run.
    Warn,
    Fail,
    /// Not checked, and why.
    Skip,
}

/// One check's verdict. Serialisable: a running bot sends its store checks back through the
/// control socket.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Check {
    pub name: String,
    pub status: Status,
    pub detail: String,
    /// What to do about a failure or a warning.
    #[serde(default)]
    pub fix: Option<String>,
    /// The exit code a failure asks for ([`exit`], or 1).
    #[serde(default)]
    pub code: u8,
    /// Lines shown under it (each problem, when there are several).
    #[serde(default)]
    pub more: Vec<String>,
}

impl Check {
    fn new(name: &str, status: Status, detail: impl Into<String>) -> Check {
        Check { name: name.into(), status, detail: detail.into(), fix: None, code: 0, more: vec![] }
    }
    fn pass(name: &str, detail: impl Into<String>) -> Check {
        Check::new(name, Status::Pass, detail)
    }
    fn skip(name: &str, detail: impl Into<String>) -> Check {
        Check::new(name, Status::Skip, detail)
    }
    fn warn(name: &str, detail: impl Into<String>, fix: impl Into<String>) -> Check {
        Check { fix: Some(fix.into()), ..Check::new(name, Status::Warn, detail) }
    }
    fn fail(name: &str, detail: impl Into<String>, fix: impl Into<String>, code: u8) -> Check {
        Check { fix: Some(fix.into()), code, ..Check::new(name, Status::Fail, detail) }
    }
    fn with_more(mut self, more: Vec<String>) -> Check {
        self.more = more;
        self
    }

    /// The lines printed for this check.
    pub fn render(&self) -> String {
        let tag = match self.status {
            Status::Pass => "ok",
            Status::Warn => "warn",
            Status::Fail => "FAIL",
            Status::Skip => "skip",
        };
        let mut s = format!("{tag:<5} {}: {}\n", self.name, self.detail);
        for m in &self.more {
            s.push_str(&format!("        - {m}\n"));
        }
        if let Some(fix) = &self.fix {
            s.push_str(&format!("      fix: {fix}\n"));
        }
        s
    }
}

/// The exit code for these checks: 0 when none failed; else the most specific code a failure
/// asks for, in this order: a key problem, the database, invalid files; else 1.
pub fn exit_code(checks: &[Check]) -> u8 {
    let failed: Vec<u8> = checks.iter().filter(|c| c.status == Status::Fail).map(|c| c.code).collect();
    if failed.is_empty() {
        return 0;
    }
    [exit::KEY, exit::DATABASE, exit::INVALID].into_iter().find(|c| failed.contains(c)).unwrap_or(1)
}

/// `clearpath doctor`.
pub fn doctor(flags: &Flags) -> anyhow::Result<ExitCode> {
    let checks = run(flags, &crate::config::process_env);
    for c in &checks {
        print!("{}", c.render());
    }
    let failed = checks.iter().filter(|c| c.status == Status::Fail).count();
    let warned = checks.iter().filter(|c| c.status == Status::Warn).count();
    if failed == 0 {
        println!("doctor: all checks passed ({warned} warning(s))");
    } else {
        println!("doctor: {failed} check(s) failed, {warned} warning(s): fix them from the top, then run doctor again");
    }
    Ok(ExitCode::from(exit_code(&checks)))
}

/// Every check, in the order printed.
pub fn run(flags: &Flags, env: &dyn Fn(&str) -> Option<OsString>) -> Vec<Check> {
    let mut out = Vec::new();
    let Some(s) = settings(flags, env, &mut out) else {
        out.push(Check::skip("everything else", "not checked: the settings must be read first"));
        return out;
    };
    let key = master_key(&s, &mut out);
    let token = bot_token(env, &mut out);
    out.extend(webhook_secret(&s));
    let dir_ok = data_dir(&s.data_dir, &mut out);
    files(&s, &mut out);
    languages(&s, &mut out);
    configured_attorneys(&s.config, &mut out);
    out.push(escrow(&s.data_dir, key.as_ref()));
    out.push(erasure_log(&s.data_dir, key.as_ref()));
    store(&s, key, dir_ok, &mut out);
    out.push(disk_space(&s.data_dir));
    out.push(bot_api(token, env));
    out
}

const SETTINGS_HELP: &str = "the settings, their form and ranges: README, \"Settings\", and clearpath.example.toml";

/// The settings file parses and validates. When only a value is out of range (or an attorney is
/// wrong), the rest of the file still says where everything is, so the other checks go on.
fn settings(flags: &Flags, env: &dyn Fn(&str) -> Option<OsString>, out: &mut Vec<Check>) -> Option<Settings> {
    const NAME: &str = "settings";
    match Settings::load(flags, env) {
        Ok(s) => {
            out.push(Check::pass(
                NAME,
                match &s.file {
                    Some(p) => format!("{} is valid", p.display()),
                    None => "no settings file (--config or CLEARPATH_CONFIG): defaults and the environment".into(),
                },
            ));
            Some(s)
        }
        Err(SettingsError::Config(ConfigError::Invalid { path, setting, message })) => {
            out.push(Check::fail(
                NAME,
                format!("{}: setting `{setting}`: {message}", path.display()),
                format!("correct it (`clearpath serve` refuses to start until then); {SETTINGS_HELP}"),
                exit::INVALID,
            ));
            let text = std::fs::read_to_string(&path).ok()?;
            let c = Config::parse_unchecked(&path, &text).ok()?;
            Settings::resolve(flags, env, Some((path, c))).ok()
        }
        Err(SettingsError::Key(e)) => {
            out.push(key_failure(NAME, &e, keyfile::ENV_FILE));
            None
        }
        Err(e @ SettingsError::Config(_)) => {
            out.push(Check::fail(NAME, format!("{:#}", anyhow::Error::from(e)), SETTINGS_HELP, exit::INVALID));
            None
        }
        Err(e) => {
            out.push(Check::fail(NAME, format!("{e:#}"), "correct the flag or environment variable named", 1));
            None
        }
    }
}

/// A secret file's problem in plain words (`var` is where its path comes from).
fn key_failure(name: &str, e: &KeyError, var: &str) -> Check {
    let (detail, fix) = match e {
        KeyError::Permissions(_, p, mode) => (
            format!("{} can be read by other users (mode {mode:o})", p.display()),
            format!("run `chmod 600 {}`", p.display()),
        ),
        KeyError::Read(_, p, io) => (
            format!("cannot read {}: {io}", p.display()),
            format!("check that {var} names the right file and that the user running clearpath can read it"),
        ),
        KeyError::Format(what) => (
            format!("{what} does not hold a key (64 hexadecimal digits)"),
            "restore the key file from your safe copy: without the right key the data cannot be read".into(),
        ),
        KeyError::Missing => (
            "no master key is configured".into(),
            format!(
                "set {} to the key file (only a new installation makes one, with `clearpath keys init PATH`)",
                keyfile::ENV_FILE
            ),
        ),
        other => (other.to_string(), "README, \"Settings\", says how the master key is given".into()),
    };
    Check::fail(name, detail, fix, exit::KEY)
}

fn master_key(s: &Settings, out: &mut Vec<Check>) -> Option<Key> {
    const NAME: &str = "master key";
    match (&s.key, s.master_key(false)) {
        (KeySource::File(p), Ok((k, _))) => {
            out.push(Check::pass(NAME, format!("{} is readable by its owner only", p.display())));
            Some(k)
        }
        (_, Ok((k, _))) => {
            out.push(Check::pass(NAME, format!("from {} (no file to check)", keyfile::ENV_KEY)));
            Some(k)
        }
        (_, Err(e)) => {
            out.push(key_failure(NAME, &e, keyfile::ENV_FILE));
            None
        }
    }
}

/// The bot token, as `serve` takes it (`TELOXIDE_TOKEN` or `TELOXIDE_TOKEN_FILE`, not both).
fn bot_token(env: &dyn Fn(&str) -> Option<OsString>, out: &mut Vec<Check>) -> Option<secrecy::SecretString> {
    const NAME: &str = "bot token";
    match (env("TELOXIDE_TOKEN"), env("TELOXIDE_TOKEN_FILE")) {
        (Some(_), Some(_)) => {
            out.push(Check::fail(
                NAME,
                "both TELOXIDE_TOKEN and TELOXIDE_TOKEN_FILE are set",
                "set only one: TELOXIDE_TOKEN_FILE, naming a file of mode 600, is the safer",
                exit::KEY,
            ));
            None
        }
        (Some(t), None) => {
            out.push(Check::pass(NAME, "from TELOXIDE_TOKEN (no file to check)"));
            Some(secrecy::SecretString::from(t.to_string_lossy().into_owned()))
        }
        (None, Some(f)) => {
            let p = Path::new(&f);
            match keyfile::read_secret(p, "TELOXIDE_TOKEN_FILE: the bot token file") {
                Ok(t) => {
                    out.push(Check::pass(NAME, format!("{} is readable by its owner only", p.display())));
                    Some(secrecy::SecretString::from(t.trim().to_string()))
                }
                Err(e) => {
                    out.push(key_failure(NAME, &e, "TELOXIDE_TOKEN_FILE"));
                    None
                }
            }
        }
        (None, None) => {
            out.push(Check::skip(NAME, "not set (TELOXIDE_TOKEN_FILE or TELOXIDE_TOKEN); `clearpath serve` needs one"));
            None
        }
    }
}

/// The webhook's secret file, when the settings name one: private, and a secret Telegram takes.
fn webhook_secret(s: &Settings) -> Option<Check> {
    const NAME: &str = "webhook secret";
    let p = s.config.webhook.secret_token_file.as_deref()?;
    Some(match crate::config::read_webhook_secret(p) {
        Ok(_) => Check::pass(NAME, format!("{} is readable by its owner only", p.display())),
        Err(crate::config::WebhookSecretError::File(e)) => key_failure(NAME, &e, "webhook.secret_token_file"),
        Err(e) => Check::fail(
            NAME,
            e.to_string(),
            "write a new secret (`openssl rand -hex 32`, mode 600) and restart the bot, which gives it to Telegram",
            exit::INVALID,
        ),
    })
}

/// The data directory exists and is private to its owner. Returns whether it passed.
fn data_dir(dir: &Path, out: &mut Vec<Check>) -> bool {
    use std::os::unix::fs::PermissionsExt;
    const NAME: &str = "data directory";
    let shown = dir.display();
    let check = match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Check::fail(
            NAME,
            format!("{shown} does not exist"),
            "a new installation: `clearpath serve` makes it at its first start. Otherwise check --data-dir, CLEARPATH_DATA_DIR or `data_dir` in the settings, and that its disk is mounted",
            exit::DATABASE,
        ),
        Err(e) => Check::fail(
            NAME,
            format!("cannot look at {shown}: {e}"),
            "check that the user running clearpath can reach it",
            exit::DATABASE,
        ),
        Ok(m) if !m.is_dir() => Check::fail(
            NAME,
            format!("{shown} is not a directory"),
            "point --data-dir, CLEARPATH_DATA_DIR or `data_dir` at the data directory",
            exit::DATABASE,
        ),
        Ok(m) => match m.permissions().mode() & 0o7777 {
            0o700 => Check::pass(NAME, format!("{shown} exists, mode 700")),
            mode => Check::fail(
                NAME,
                format!("{shown} has mode {mode:o}, not 700: other users may reach what is inside"),
                format!("run `chmod 700 {shown}`"),
                exit::DATABASE,
            ),
        },
    };
    let ok = check.status == Status::Pass;
    out.push(check);
    ok
}

/// Flows, locales and rules, as `clearpath check` reads them, flow tests included.
fn files(s: &Settings, out: &mut Vec<Check>) {
    const NAME: &str = "flows, locales, rules";
    let fix = "run `clearpath check`: it shows each problem with its file, line and how to fix it";
    let g = match crate::check::gather(s.flows.as_deref(), s.locales.as_deref(), s.rules.as_deref()) {
        Ok(g) => g,
        Err(e) => {
            out.push(Check::fail(NAME, format!("{e:#}"), fix, exit::INVALID));
            return;
        }
    };
    let summary: Vec<String> = g
        .summary()
        .map(|(name, errors, warnings)| match (errors, warnings) {
            (0, 0) => format!("{name} ok"),
            (0, w) => format!("{name} ok ({w} warning(s))"),
            (e, w) => format!("{name} {e} error(s), {w} warning(s)"),
        })
        .collect();
    let mut diags = g.diags.clone();
    crate::diag::sort(&mut diags);
    diags.sort_by_key(|d| d.severity != crate::diag::Severity::Error);
    let mut more: Vec<String> = diags.iter().take(20).map(|d| d.headline()).collect();
    if diags.len() > 20 {
        more.push(format!("... and {} more", diags.len() - 20));
    }
    let detail = summary.join("; ");
    let check = if crate::diag::has_errors(&g.diags) {
        Check::fail(NAME, detail, fix, exit::INVALID)
    } else if g.diags.is_empty() {
        Check::pass(NAME, detail)
    } else {
        Check::warn(NAME, detail, fix)
    };
    out.push(check.with_more(more));
}

/// Which languages survivors are offered, and whether a native speaker has reviewed them: until
/// one has, every language is offered (even with `offer = "reviewed"`), and that is worth a warning.
fn languages(s: &Settings, out: &mut Vec<Check>) {
    const NAME: &str = "languages offered";
    let Ok(g) = crate::check::gather(s.flows.as_deref(), s.locales.as_deref(), s.rules.as_deref()) else {
        out.push(Check::skip(NAME, "not checked: the flows and locales could not be read"));
        return;
    };
    let Some(flow) = g.flows.iter().find(|f| f.id == "intake").or(g.flows.first()) else {
        out.push(Check::skip(NAME, "not checked: no flow"));
        return;
    };
    let offer = s.config.languages.offer;
    let o = crate::locale::offered(&flow.languages, &g.locales, offer);
    let list = o.languages.join(", ");
    let check = if o.none_reviewed {
        Check::warn(
            NAME,
            format!("{list}: no translation has been reviewed by a native speaker yet, so all are offered although the settings say offer = \"reviewed\""),
            "have a native speaker review a language, then set draft = false and reviewed_by in its locales/<lang>/locale.toml (docs/locales.md)",
        )
    } else if !o.drafts.is_empty() {
        Check::warn(
            NAME,
            format!("{list}; drafts no native speaker has reviewed: {}", o.drafts.join(", ")),
            "have them reviewed (draft = false, reviewed_by in locale.toml), or set [languages] offer = \"reviewed\" to offer only reviewed ones",
        )
    } else {
        Check::pass(NAME, list)
    };
    out.push(check);
}

/// Every attorney in the settings file, each recipient an age public key.
fn configured_attorneys(cfg: &Config, out: &mut Vec<Check>) {
    const NAME: &str = "attorneys in the settings file";
    let bad: Vec<String> =
        cfg.attorneys.iter().filter_map(|a| a.validate().err().map(|e| format!("\"{}\": {e}", a.name))).collect();
    out.push(match bad.as_slice() {
        [] => Check::pass(NAME, counted(cfg.attorneys.len())),
        [one] => Check::fail(NAME, one.clone(), ATTORNEY_FIX, exit::INVALID),
        _ => {
            Check::fail(NAME, format!("{} attorneys are wrong", bad.len()), ATTORNEY_FIX, exit::INVALID).with_more(bad)
        }
    });
}

const ATTORNEY_FIX: &str = "ask the attorney for the public key that `clearpath attorney keygen` printed on their computer (it starts with age1) and put it, whole, in `recipient`";

/// The store: through the running bot, or opened here after the key check.
fn store(s: &Settings, key: Option<Key>, dir_ok: bool, out: &mut Vec<Check>) {
    const NAME: &str = "store";
    let dir = &s.data_dir;
    // A key that does not open the store is named whether or not the bot is running: the bot may
    // be running on a key the settings no longer give, and would not start again.
    let key_check = key.as_ref().filter(|_| dir.is_dir()).map(|k| crate::store::check_key(dir, k));
    let wrong_key = || {
        Check::fail(
            NAME,
            "the master key does not open this database (wrong key)",
            format!(
                "set {} to the key this database was made with (after `clearpath keys rotate`, the new one): without it the data cannot be read",
                keyfile::ENV_FILE
            ),
            exit::KEY,
        )
    };
    if let Some(reply) = crate::control::request(dir, &crate::control::Request::Health) {
        if let Some(Ok(KeyCheck::Wrong)) = key_check {
            out.push(wrong_key());
        }
        out.extend(from_running(reply));
        return;
    }
    if !dir_ok {
        out.push(Check::skip(NAME, "not checked: fix the data directory first"));
        return;
    }
    let Some(key) = key else {
        out.push(Check::skip(NAME, "not checked: no usable master key"));
        return;
    };
    let refused = match key_check {
        // Both taken care of above (no key, or no data directory).
        None => return,
        Some(Ok(KeyCheck::Opens)) => None,
        Some(Ok(KeyCheck::Wrong)) => Some(wrong_key()),
        Some(Ok(KeyCheck::NoStore)) => Some(Check::fail(
            NAME,
            format!("no database in {} yet", dir.display()),
            "a new installation: `clearpath serve` makes it at its first start. Otherwise this is not the data directory in use",
            exit::DATABASE,
        )),
        Some(Ok(KeyCheck::MissingCheckFile)) => Some(Check::fail(
            NAME,
            "the key-check file (store/keycheck) is missing beside the database",
            "restore it from a backup of the data directory: clearpath will not guess whether the key is right",
            exit::DATABASE,
        )),
        Some(Err(e)) => Some(Check::fail(
            NAME,
            format!("cannot read the key-check file: {:#}", anyhow::Error::from(e)),
            "check that the user running clearpath owns the data directory",
            exit::DATABASE,
        )),
    };
    if let Some(c) = refused {
        out.push(c);
        return;
    }
    match Store::open(dir, key) {
        Ok(st) => {
            out.push(Check::pass(NAME, "the master key matches and the database opens (the bot is not running)"));
            out.extend(store_checks(&st));
        }
        Err(e) => {
            let code = if matches!(e, crate::store::StoreError::WrongKey) { exit::KEY } else { exit::DATABASE };
            out.push(Check::fail(
                NAME,
                format!("{:#}", anyhow::Error::from(e)),
                "stop any other clearpath process using this data directory; if the database itself does not open, keep a copy of the data directory as it is and restore the last backup",
                code,
            ));
        }
    }
}

/// The running bot's answer to [`crate::control::Request::Health`].
fn from_running(reply: std::io::Result<crate::control::Response>) -> Vec<Check> {
    const NAME: &str = "store";
    let restart = "if the running bot is an older version, restart it with this one";
    let checks = match reply {
        Err(e) => Err(format!("the running bot's control socket does not answer: {e}")),
        Ok(r) if !r.ok => Err(format!("the running bot refused the health request: {}", r.message)),
        Ok(r) => serde_json::from_str::<Vec<Check>>(&r.message)
            .map_err(|_| "the running bot's answer is not understood".to_string()),
    };
    match checks {
        Ok(checks) => {
            let mut out = vec![Check::pass(
                NAME,
                "the running bot has it open (asked through its control socket; not opened here)",
            )];
            out.extend(checks);
            out
        }
        Err(m) => vec![Check::fail(NAME, m, restart, 1)],
    }
}

/// What is checked inside an open store: run here for a stopped bot, inside the bot (through the
/// control socket) for a running one.
pub fn store_checks(st: &Store) -> Vec<Check> {
    let mut out = Vec::new();
    const ENROLLED: &str = "enrolled attorneys";
    match st.service_all::<crate::referral::AttorneyRecord>(crate::store::TREE_ATTORNEYS) {
        Err(e) => out.push(Check::fail(
            ENROLLED,
            format!("an attorney's record does not open ({})", e.kind()),
            "keep a copy of the data directory as it is and restore the last backup",
            exit::DATABASE,
        )),
        Ok(records) => {
            let active: Vec<_> = records.iter().map(|(_, r)| r).filter(|r| r.revoked_at.is_none()).collect();
            let bad: Vec<String> = active
                .iter()
                .filter(|r| crate::handoff::recipient(&r.attorney.recipient).is_err())
                .map(|r| format!("\"{}\": the recipient is not an age public key (age1...)", r.attorney.name))
                .collect();
            out.push(if bad.is_empty() {
                Check::pass(ENROLLED, counted(active.len()))
            } else {
                Check::fail(
                    ENROLLED,
                    format!("{} with a recipient that does not work", bad.len()),
                    "revoke them (`clearpath attorney revoke NAME`) and invite them again with the key `clearpath attorney keygen` printed",
                    exit::DATABASE,
                )
                .with_more(bad)
            });
        }
    }
    out.push(match crate::audit::verify(st) {
        Ok(v) => Check::pass("audit log", crate::audit::describe(&v)),
        Err(m) => Check::fail(
            "audit log",
            format!("NOT intact: {m}"),
            "the log was changed outside clearpath or damaged on disk. Keep a copy of the data directory as it is now, compare with the last head sent to the administrators (`clearpath audit verify --expect N:HASH`), and get help before restoring a backup",
            exit::DATABASE,
        ),
    });
    out
}

fn counted(attorneys: usize) -> String {
    match attorneys {
        0 => "none".into(),
        n => format!("{n}, each with a valid age recipient"),
    }
}

/// Under this much free space, a warning.
const LOW_BYTES: u64 = 1 << 30;
/// Or under this share of the filesystem (percent).
const LOW_PERCENT: u64 = 10;

/// Free space where the data directory is (or would be).
fn disk_space(dir: &Path) -> Check {
    const NAME: &str = "disk space";
    let Some(at) = dir.ancestors().find(|p| p.exists()).map(Path::to_path_buf).or_else(|| std::env::current_dir().ok())
    else {
        return Check::skip(NAME, "not checked: no directory to look at");
    };
    match (fs2::available_space(&at), fs2::total_space(&at)) {
        (Ok(free), Ok(total)) => {
            let percent = free.saturating_mul(100).checked_div(total).unwrap_or(0);
            let detail = format!("{} free of {} ({percent}%) where {} is", size(free), size(total), dir.display());
            if free < LOW_BYTES || percent < LOW_PERCENT {
                Check::warn(
                    NAME,
                    detail,
                    "free some space on that disk, or move the data directory to a larger one: a full disk stops the bot from saving answers",
                )
            } else {
                Check::pass(NAME, detail)
            }
        }
        (Err(e), _) | (_, Err(e)) => Check::skip(NAME, format!("not checked: {e}")),
    }
}

fn size(bytes: u64) -> String {
    const GIB: u64 = 1 << 30;
    const MIB: u64 = 1 << 20;
    if bytes >= GIB {
        format!("{:.1} GiB", bytes as f64 / GIB as f64)
    } else {
        format!("{} MiB", bytes / MIB)
    }
}

/// How long the Bot API has to answer `getMe`.
const GET_ME_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(5);

fn bot_api(token: Option<secrecy::SecretString>, env: &dyn Fn(&str) -> Option<OsString>) -> Check {
    const NAME: &str = "Bot API";
    let Some(token) = token else {
        return Check::skip(NAME, "not checked: no usable bot token");
    };
    let api = env("TELOXIDE_API_URL").map(|u| u.to_string_lossy().into_owned());
    let at = api.clone().unwrap_or_else(|| "https://api.telegram.org".into());
    match crate::channel::telegram::get_me(&token, api.as_deref(), GET_ME_TIMEOUT) {
        Ok(me) => Check::pass(NAME, format!("{at} answers getMe: the token is the bot {me}")),
        Err(why) => Check::fail(
            NAME,
            format!("{at} does not answer getMe: {why}"),
            "check that this machine reaches the Bot API (network, firewall, proxy; TELOXIDE_API_URL if you set one), and that the token is the one @BotFather gave for this bot",
            1,
        ),
    }
}

/// The key escrow (`keys escrow`) in the data directory matches the master key in use, compared
/// by fingerprint (nothing is decrypted). None made: a warning (a lost key would be lost data).
/// One made for another key (before a `keys rotate`): a failure until a new one is made.
fn escrow(data_dir: &std::path::Path, key: Option<&Key>) -> Check {
    const NAME: &str = "key escrow";
    let path = crate::escrow::default_path(data_dir);
    if !path.exists() {
        return Check::warn(
            NAME,
            format!("none at {}", path.display()),
            "escrow the master key to administrators' age keys: `clearpath keys escrow --to age1...` (docs/operations.md); without it a lost key is lost data",
        );
    }
    let Some(key) = key else {
        return Check::skip(NAME, "not checked: the master key could not be read");
    };
    match crate::escrow::escrow_matches(&path, key) {
        Ok(true) => Check::pass(NAME, format!("{} escrows the master key in use", path.display())),
        Ok(false) => Check::fail(
            NAME,
            format!("{} escrows another key, not the one in use (made before a `keys rotate`?)", path.display()),
            "make a new escrow for the current key: `clearpath keys escrow --to age1...[,age1...] --replace` (docs/operations.md)",
            exit::KEY,
        ),
        Err(e) => Check::fail(
            NAME,
            format!("{} cannot be read: {e}", path.display()),
            "make a new escrow: `clearpath keys escrow --to age1... --replace`",
            exit::KEY,
        ),
    }
}

/// The erasure log beside the store (what a restore replays): it reads, and its entries since the
/// last rotation open with the key in use.
fn erasure_log(data_dir: &std::path::Path, key: Option<&Key>) -> Check {
    const NAME: &str = "erasure log";
    let fix = "put back the copy kept with the backups (docs/operations.md, \"Backup and restore\"); until then a restore cannot replay erasures";
    let log = match crate::store::erasures::read(data_dir) {
        Ok(Some(l)) => l,
        Ok(None) => return Check::pass(NAME, "none yet (it begins with the first erasure or backup)"),
        Err(e) => return Check::fail(NAME, e.to_string(), fix, exit::DATABASE),
    };
    let Some(key) = key else {
        return Check::skip(NAME, "not checked: the master key could not be read");
    };
    let current = crate::store::keyfile::fingerprint(key);
    let since_rotation = log
        .lines
        .iter()
        .rev()
        .take_while(|l| !matches!(l, crate::store::erasures::Line::Rotated { .. }))
        .filter_map(|l| match l {
            crate::store::erasures::Line::Erased { seq, key, sealed } if !sealed.is_empty() => {
                Some((*seq, key, sealed))
            }
            _ => None,
        })
        .collect::<Vec<_>>();
    if let Some((seq, _, _)) =
        since_rotation.iter().find(|(seq, k, sealed)| **k != current || log.open(key, *seq, sealed).is_none())
    {
        return Check::fail(
            NAME,
            format!("entry {seq} does not open with the key in use (altered, or written under another key)"),
            fix,
            exit::DATABASE,
        );
    }
    Check::pass(
        NAME,
        format!("{} entries, {} since the last key rotation, all readable", log.lines.len(), since_rotation.len()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_exit_code_is_the_most_specific_failure_and_warnings_do_not_count() {
        let fail = |code| Check::fail("x", "", "", code);
        assert_eq!(exit_code(&[Check::pass("a", ""), Check::warn("b", "", ""), Check::skip("c", "")]), 0);
        assert_eq!(exit_code(&[fail(1)]), 1);
        assert_eq!(exit_code(&[fail(1), fail(exit::INVALID)]), exit::INVALID);
        assert_eq!(exit_code(&[fail(exit::INVALID), fail(exit::DATABASE)]), exit::DATABASE);
        assert_eq!(exit_code(&[fail(exit::DATABASE), fail(1), fail(exit::KEY)]), exit::KEY);
    }
}
