//! Settings that are not secrets, from a TOML file (`--config` or `CLEARPATH_CONFIG`), validated
//! at start with errors that name the setting. Secrets (the bot token, the master key) come only
//! from the environment or files named there. `clearpath.example.toml` documents every setting.
//!
//! The settings a command line or the environment can also give (the data directory, flows,
//! locales, rules, the master key file, retention) are resolved in one place, [`Settings`], the
//! same way for every command: flag, then environment variable, then the file, then the default.
//! The file's own fields for them stay unset (`None`) when the file does not name them, so the
//! default is applied once, there, and a file cannot hide an environment variable by repeating a
//! default.

use crate::app::Retention;
use crate::store::crypto::Key;
use crate::store::keyfile::{self, KeyError, Origin};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where runtime state lives. Read through [`Settings`], not here.
    #[serde(default)]
    pub data_dir: Option<PathBuf>,
    /// The master key file, when CLEARPATH_MASTER_KEY_FILE / CLEARPATH_MASTER_KEY are unset.
    /// Read through [`Settings`], not here.
    #[serde(default)]
    pub key_file: Option<PathBuf>,
    /// The organisation's name as survivors see it ("$org" in messages).
    #[serde(default)]
    pub organisation: Option<String>,
    #[serde(default)]
    pub retention: RetentionConfig,
    #[serde(default)]
    pub telegram: TelegramConfig,
    #[serde(default)]
    pub flows: Option<PathBuf>,
    #[serde(default)]
    pub locales: Option<PathBuf>,
    #[serde(default)]
    pub rules: Option<PathBuf>,
    #[serde(default)]
    pub handoff: HandoffConfig,
    /// Attorneys who receive cases, in the order cases are offered to them.
    #[serde(default, rename = "attorney")]
    pub attorneys: Vec<crate::referral::Attorney>,
    /// Health and metrics over HTTP (off unless `listen` is set).
    #[serde(default)]
    pub metrics: MetricsConfig,
    #[serde(default)]
    pub store: StoreConfig,
    /// Webhook mode (`serve --webhook`, or `enabled = true` here).
    #[serde(default)]
    pub webhook: WebhookConfig,
    /// Which languages survivors are offered (docs/locales.md).
    #[serde(default)]
    pub languages: LanguagesConfig,
}

/// The file's `[languages]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguagesConfig {
    /// "all" (the default) or "reviewed": only languages a native speaker has reviewed, and
    /// English; until any is reviewed, all are offered (and `clearpath doctor` says so).
    #[serde(default)]
    pub offer: crate::locale::Offer,
}

/// The file's `[webhook]`: Telegram POSTs each update to `url` (a reverse proxy terminating TLS),
/// which forwards it to `listen`. Off unless `enabled` or `serve --webhook`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebhookConfig {
    /// Serve in webhook mode without `--webhook`.
    #[serde(default)]
    pub enabled: bool,
    /// Where the bot listens for the proxy (default 127.0.0.1:8443).
    #[serde(default)]
    pub listen: Option<std::net::SocketAddr>,
    /// The public HTTPS address Telegram sends updates to; its path is the one the bot answers.
    #[serde(default)]
    pub url: Option<String>,
    /// A file (mode 600) holding the secret Telegram sends with each update: 1 to 256 characters
    /// of A-Z a-z 0-9 _ -.
    #[serde(default)]
    pub secret_token_file: Option<PathBuf>,
    /// The largest request body taken, in KiB (default 1024; between 1 and 16384).
    #[serde(default)]
    pub max_body_kb: Option<u64>,
}

/// The default webhook listener's port, on 127.0.0.1: for a reverse proxy on the same machine.
pub const DEFAULT_WEBHOOK_PORT: u16 = 8443;
/// The default webhook body limit (KiB): Telegram's updates are a few KiB.
pub const DEFAULT_WEBHOOK_BODY_KB: u64 = 1024;

/// Webhook mode's settings, checked and complete (see [`WebhookConfig::resolve`]).
#[derive(Debug, Clone)]
pub struct Webhook {
    pub listen: std::net::SocketAddr,
    pub url: reqwest::Url,
    pub secret_token_file: PathBuf,
    pub max_body: usize,
}

impl WebhookConfig {
    /// The settings for webhook mode, or the setting at fault and why. The secret itself is read
    /// by [`read_webhook_secret`].
    pub fn resolve(&self) -> Result<Webhook, (&'static str, String)> {
        let url = self
            .url
            .as_deref()
            .ok_or(("webhook.url", "must be set in webhook mode (the public HTTPS address of the proxy)".into()))?;
        let url = check_webhook_url(url).map_err(|m| ("webhook.url", m.to_string()))?;
        let secret_token_file = self.secret_token_file.clone().ok_or((
            "webhook.secret_token_file",
            "must be set in webhook mode (a file of mode 600 holding the secret)".to_string(),
        ))?;
        let listen = self.listen.unwrap_or(std::net::SocketAddr::from(([127, 0, 0, 1], DEFAULT_WEBHOOK_PORT)));
        let kb = self.max_body_kb.unwrap_or(DEFAULT_WEBHOOK_BODY_KB);
        Ok(Webhook { listen, url, secret_token_file, max_body: (kb as usize).saturating_mul(1024) })
    }
}

/// Telegram sends webhooks to HTTPS addresses on ports 443, 80, 88 or 8443 only.
fn check_webhook_url(url: &str) -> Result<reqwest::Url, &'static str> {
    let u = reqwest::Url::parse(url).map_err(|_| "is not a URL")?;
    if u.scheme() != "https" || u.host_str().is_none_or(str::is_empty) {
        return Err("must be an https:// address (Telegram sends webhooks over HTTPS only)");
    }
    if !matches!(u.port_or_known_default(), Some(443 | 80 | 88 | 8443)) {
        return Err("must use port 443, 80, 88 or 8443 (the only ports Telegram sends webhooks to)");
    }
    if u.fragment().is_some() || !u.username().is_empty() || u.password().is_some() {
        return Err("must not carry a fragment or a user name");
    }
    Ok(u)
}

/// Why the webhook's secret cannot be used. Never carries the secret.
#[derive(Debug, thiserror::Error)]
pub enum WebhookSecretError {
    #[error(transparent)]
    File(#[from] KeyError),
    #[error("{}: the webhook secret must be 1 to 256 characters, each A-Z, a-z, 0-9, _ or - (Telegram's rule); make one with `openssl rand -hex 32`", .0.display())]
    Form(PathBuf),
}

/// Reads the webhook's secret token from its file (refused when other users can read it, as the
/// bot token file is), checked against Telegram's rule. Surrounding whitespace (a final newline)
/// is not part of it.
pub fn read_webhook_secret(path: &Path) -> Result<secrecy::SecretString, WebhookSecretError> {
    let text = keyfile::read_secret(path, "webhook.secret_token_file: the webhook secret file")?;
    let t = text.trim();
    let ok = (1..=256).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if !ok {
        return Err(WebhookSecretError::Form(path.to_path_buf()));
    }
    Ok(secrecy::SecretString::from(t.to_string()))
}

/// The file's `[store]`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoreConfig {
    /// sled's page cache in MiB: at most this much of the database is kept in memory (default 64;
    /// between 8 and 4096).
    #[serde(default)]
    pub cache_mb: Option<u64>,
}

/// The file's `[metrics]`: `listen = "127.0.0.1:9898"` turns on `/healthz` and `/metrics`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MetricsConfig {
    /// A loopback address and port; put a reverse proxy in front to reach it from elsewhere.
    #[serde(default)]
    pub listen: Option<std::net::SocketAddr>,
}

/// How completed intakes reach attorneys: the desk's own settings.
pub use clearpath_desk::referral::HandoffConfig;

/// The file's `[retention]`; unset values fall to the environment's or the defaults
/// ([`Settings`]).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionConfig {
    #[serde(default)]
    pub abandoned_days: Option<i64>,
    #[serde(default)]
    pub delivered_days: Option<i64>,
    #[serde(default)]
    pub waiting_days: Option<i64>,
}

/// What the bot deletes from the survivor's phone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Wipe {
    /// After each answer, the answer and the question it answered (and help messages).
    AfterEachAnswer,
    /// Only when the survivor exits.
    OnExit,
    Never,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TelegramConfig {
    #[serde(default = "after_each")]
    pub wipe: Wipe,
    /// The one neutral message left after /exit, per language. It should look ordinary.
    #[serde(default = "default_exit_text")]
    pub exit_text: BTreeMap<String, String>,
    /// Keep Telegram's rate limits (about 1 message a second per chat, 30 overall). Switch off
    /// only for a self-hosted Bot API server or a benchmark.
    #[serde(default = "yes")]
    pub throttle: bool,
    /// Chat ids of administrators told about delivery problems.
    #[serde(default)]
    pub admins: Vec<i64>,
    /// Long-polling timeout in seconds.
    #[serde(default = "poll_timeout")]
    pub poll_timeout_secs: u32,
    /// A conversation nobody has touched for this many minutes is paused as if the survivor had
    /// sent /exit (the wipe included): whoever picks up an unattended phone sees one neutral
    /// message, and must give the resume code, if one was set, to see anything else.
    #[serde(default = "ten")]
    pub idle_pause_minutes: i64,
}

fn ten() -> i64 {
    10
}

fn after_each() -> Wipe {
    Wipe::AfterEachAnswer
}
fn yes() -> bool {
    true
}
fn poll_timeout() -> u32 {
    25
}
/// One text for every language: a language without its own uses the English one (`"en"`).
fn default_exit_text() -> BTreeMap<String, String> {
    BTreeMap::from([("en".to_string(), "👍".to_string())])
}

impl Default for TelegramConfig {
    fn default() -> Self {
        TelegramConfig {
            wipe: Wipe::AfterEachAnswer,
            exit_text: default_exit_text(),
            throttle: true,
            admins: vec![],
            poll_timeout_secs: 25,
            idle_pause_minutes: 10,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read the configuration file {0}")]
    Read(PathBuf, #[source] std::io::Error),
    #[error("{path}:{line}:{col}: {message}")]
    Parse { path: PathBuf, line: usize, col: usize, message: String },
    #[error("{path}: setting `{setting}`: {message}")]
    Invalid { path: PathBuf, setting: &'static str, message: String },
}

impl Config {
    pub fn load(path: &Path) -> Result<Config, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError::Read(path.to_path_buf(), e))?;
        Config::parse(path, &text)
    }

    /// The file's settings as written, their ranges and attorneys not checked: for `doctor`,
    /// which reports those problems one by one and goes on with the rest. Every other command
    /// uses [`Config::parse`].
    pub fn parse_unchecked(path: &Path, text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text).map_err(|e| {
            let src = crate::flow::Source { text: text.to_string(), ..Default::default() };
            let (line, col) = src.line_col(e.span().map(|s| s.start).unwrap_or(0));
            ConfigError::Parse { path: path.to_path_buf(), line, col, message: e.message().trim().to_string() }
        })
    }

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let c = Config::parse_unchecked(path, text)?;
        let invalid = |setting, message: String| ConfigError::Invalid { path: path.to_path_buf(), setting, message };
        if let Some(Err(m)) = c.retention.abandoned_days.map(check_abandoned) {
            return Err(invalid("retention.abandoned_days", m.into()));
        }
        if let Some(Err(m)) = c.retention.delivered_days.map(check_delivered) {
            return Err(invalid("retention.delivered_days", m.into()));
        }
        if let Some(Err(m)) = c.retention.waiting_days.map(check_waiting) {
            return Err(invalid("retention.waiting_days", m.into()));
        }
        if !(1..=50).contains(&c.telegram.poll_timeout_secs) {
            return Err(invalid("telegram.poll_timeout_secs", "must be between 1 and 50 seconds".into()));
        }
        if !(1..=24 * 60).contains(&c.telegram.idle_pause_minutes) {
            return Err(invalid(
                "telegram.idle_pause_minutes",
                "must be between 1 and 1440 minutes (an unattended phone must not stay open)".into(),
            ));
        }
        if c.telegram.exit_text.values().any(|t| t.trim().is_empty() || t.chars().count() > 200) {
            return Err(invalid("telegram.exit_text", "each text must be between 1 and 200 characters".into()));
        }
        if !c.telegram.exit_text.contains_key("en") {
            return Err(invalid("telegram.exit_text", "needs an \"en\" text (the fallback)".into()));
        }
        if !(1..=24 * 60).contains(&c.handoff.offer_hours) {
            return Err(invalid("handoff.offer_hours", "must be between 1 and 1440 hours".into()));
        }
        if c.store.cache_mb.is_some_and(|m| !(8..=4096).contains(&m)) {
            return Err(invalid("store.cache_mb", "must be between 8 and 4096 (MiB)".into()));
        }
        if c.metrics.listen.is_some_and(|a| !a.ip().is_loopback()) {
            return Err(invalid(
                "metrics.listen",
                "must be a loopback address such as 127.0.0.1:9898 (the metrics are not for the network)".into(),
            ));
        }
        if let Some(Err(m)) = c.webhook.url.as_deref().map(check_webhook_url) {
            return Err(invalid("webhook.url", m.into()));
        }
        if c.webhook.max_body_kb.is_some_and(|k| !(1..=16 * 1024).contains(&k)) {
            return Err(invalid("webhook.max_body_kb", "must be between 1 and 16384 (KiB)".into()));
        }
        if c.webhook.enabled {
            if let Err((setting, m)) = c.webhook.resolve() {
                return Err(invalid(setting, m));
            }
        }
        if c.handoff.alert_after_failures == 0 {
            return Err(invalid("handoff.alert_after_failures", "must be at least 1".into()));
        }
        let mut names = std::collections::BTreeSet::new();
        for (i, a) in c.attorneys.iter().enumerate() {
            let n = i + 1;
            if let Err(e) = a.validate() {
                return Err(invalid("attorney", format!("attorney #{n} ({}): {e}", a.name)));
            }
            if !names.insert(a.name.to_lowercase()) {
                return Err(invalid("attorney", format!("attorney #{n}: the name \"{}\" is used twice", a.name)));
            }
        }
        if c.attorneys.iter().filter(|a| a.default).count() > 1 {
            return Err(invalid("attorney", "only one attorney can be the default".into()));
        }
        Ok(c)
    }
}

fn check_abandoned(days: i64) -> Result<i64, &'static str> {
    if (1..=3650).contains(&days) {
        Ok(days)
    } else {
        Err("must be between 1 and 3650 days")
    }
}

fn check_delivered(days: i64) -> Result<i64, &'static str> {
    if (0..=3650).contains(&days) {
        Ok(days)
    } else {
        Err("must be between 0 and 3650 days")
    }
}

fn check_waiting(days: i64) -> Result<i64, &'static str> {
    if (8..=3650).contains(&days) {
        Ok(days)
    } else {
        Err("must be between 8 and 3650 days (administrators are reminded a week before)")
    }
}

/// The environment variables of the settings below (the master key's are in
/// [`crate::store::keyfile`]).
pub mod env {
    pub const CONFIG: &str = "CLEARPATH_CONFIG";
    pub const DATA_DIR: &str = "CLEARPATH_DATA_DIR";
    pub const FLOWS: &str = "CLEARPATH_FLOWS";
    pub const LOCALES: &str = "CLEARPATH_LOCALES";
    pub const RULES: &str = "CLEARPATH_RULES";
    pub const ABANDONED_DAYS: &str = "CLEARPATH_ABANDONED_DAYS";
    pub const DELIVERED_DAYS: &str = "CLEARPATH_DELIVERED_DAYS";
    pub const WAITING_DAYS: &str = "CLEARPATH_WAITING_DAYS";
}

/// The default data directory (relative to the working directory).
pub const DEFAULT_DATA_DIR: &str = "clearpath-data";

/// The settings that flags, the environment and the file can each give, as flags. None has a
/// clap default or `env`: a flag not given stays `None`, so [`Settings::resolve`] can tell it
/// from a flag given with the default's value, and the environment is read in one place.
/// Each help line names the variable and the file's key; `tests/it/config.rs` checks they match
/// [`TABLE`].
#[derive(clap::Args, Debug, Clone, Default)]
pub struct Flags {
    /// Settings file (see clearpath.example.toml) [env: CLEARPATH_CONFIG]
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Where runtime state lives (the encrypted database) [env: CLEARPATH_DATA_DIR; file: data_dir; default: clearpath-data]
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// Flows directory [env: CLEARPATH_FLOWS; file: flows; default: ./flows if present, else built in]
    #[arg(long, value_name = "DIR")]
    pub flows: Option<PathBuf>,
    /// Locales directory [env: CLEARPATH_LOCALES; file: locales; default: ./locales if present, else built in]
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
    /// Rules directory [env: CLEARPATH_RULES; file: rules; default: ./rules if present, else built in]
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// The master key file, mode 0600 [env: CLEARPATH_MASTER_KEY_FILE, or the key itself in CLEARPATH_MASTER_KEY; file: key_file]
    #[arg(long, value_name = "FILE")]
    pub key_file: Option<PathBuf>,
    /// Erase conversations not finished and untouched for this many days [env: CLEARPATH_ABANDONED_DAYS; file: retention.abandoned_days; default: 30]
    #[arg(long, value_name = "DAYS")]
    pub abandoned_days: Option<i64>,
    /// Erase completed intakes this many days after an attorney received them [env: CLEARPATH_DELIVERED_DAYS; file: retention.delivered_days; default: 14]
    #[arg(long, value_name = "DAYS")]
    pub delivered_days: Option<i64>,
    /// Erase completed intakes no attorney accepted this many days after they were completed [env: CLEARPATH_WAITING_DAYS; file: retention.waiting_days; default: 60]
    #[arg(long, value_name = "DAYS")]
    pub waiting_days: Option<i64>,
}

/// One row of the settings table in the README: setting, flag, environment variable, config key,
/// default.
pub struct Row {
    pub setting: &'static str,
    pub flag: &'static str,
    pub env: &'static str,
    pub key: &'static str,
    pub default: &'static str,
}

/// Every setting that can come from a flag, the environment or the file (README "Settings").
/// The `default` column is Markdown.
pub const TABLE: &[Row] = &[
    Row { setting: "settings file", flag: "--config", env: env::CONFIG, key: "", default: "none" },
    Row {
        setting: "data directory",
        flag: "--data-dir",
        env: env::DATA_DIR,
        key: "data_dir",
        default: "`clearpath-data`",
    },
    Row {
        setting: "flows",
        flag: "--flows",
        env: env::FLOWS,
        key: "flows",
        default: "`./flows` if present, else built in",
    },
    Row {
        setting: "locales",
        flag: "--locales",
        env: env::LOCALES,
        key: "locales",
        default: "`./locales` if present, else built in",
    },
    Row {
        setting: "rules",
        flag: "--rules",
        env: env::RULES,
        key: "rules",
        default: "`./rules` if present, else built in",
    },
    Row {
        setting: "master key file",
        flag: "--key-file",
        env: keyfile::ENV_FILE,
        key: "key_file",
        default: "none (`chat`: a development key in the data directory)",
    },
    Row { setting: "master key itself", flag: "", env: keyfile::ENV_KEY, key: "", default: "none" },
    Row {
        setting: "abandoned conversations kept (days)",
        flag: "--abandoned-days",
        env: env::ABANDONED_DAYS,
        key: "retention.abandoned_days",
        default: "`30`",
    },
    Row {
        setting: "completed intakes kept after delivery (days)",
        flag: "--delivered-days",
        env: env::DELIVERED_DAYS,
        key: "retention.delivered_days",
        default: "`14`",
    },
    Row {
        setting: "completed intakes no attorney accepted kept (days)",
        flag: "--waiting-days",
        env: env::WAITING_DAYS,
        key: "retention.waiting_days",
        default: "`60`",
    },
];

/// [`TABLE`] as Markdown, as the README has it.
pub fn table_markdown() -> String {
    let code = |s: &str| if s.is_empty() { "–".to_string() } else { format!("`{s}`") };
    let mut out =
        String::from("| setting | flag | environment variable | config key | default |\n|---|---|---|---|---|\n");
    for r in TABLE {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            r.setting,
            code(r.flag),
            code(r.env),
            code(r.key),
            r.default
        ));
    }
    out
}

/// Where the master key comes from. The key itself is read only when it is needed
/// ([`Settings::master_key`]), so a command that only talks to a running process never reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// A key file: `--key-file`, CLEARPATH_MASTER_KEY_FILE or the file's `key_file`.
    File(PathBuf),
    /// The digits themselves, in CLEARPATH_MASTER_KEY.
    Env,
    /// Nothing configured.
    Unset,
}

/// Why the settings could not be resolved. Each names the flag, variable or file at fault.
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("the master key")]
    Key(#[source] KeyError),
    #[error("{from}: {message}")]
    Invalid { from: String, message: String },
}

/// The settings every command runs with, resolved once: flag, then environment variable, then the
/// settings file, then the default.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The settings file used, if any.
    pub file: Option<PathBuf>,
    /// The file's contents (or the defaults), for the settings only the file gives (telegram,
    /// handoff, attorneys, organisation). Its `data_dir`, `key_file`, `flows`, `locales`, `rules`
    /// and `retention` are the file's own values: use the fields below.
    pub config: Config,
    pub data_dir: PathBuf,
    /// `None`: `./flows` if present, else the built-in copy ([`crate::data::Tree::resolve`]).
    pub flows: Option<PathBuf>,
    pub locales: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    pub key: KeySource,
    pub retention: Retention,
}

/// Reads an environment variable; an empty value counts as unset.
pub fn process_env(name: &str) -> Option<OsString> {
    std::env::var_os(name).filter(|v| !v.is_empty())
}

impl Settings {
    /// Finds the settings file (`--config`, else CLEARPATH_CONFIG), loads it, and resolves.
    pub fn load(flags: &Flags, env: &dyn Fn(&str) -> Option<OsString>) -> Result<Settings, SettingsError> {
        let file = match flags.config.clone().or_else(|| env(env::CONFIG).map(PathBuf::from)) {
            Some(p) => {
                let c = Config::load(&p)?;
                Some((p, c))
            }
            None => None,
        };
        Settings::resolve(flags, env, file)
    }

    /// The precedence itself, without I/O: `env` looks a variable up (empty counts as unset),
    /// `file` is the settings file already loaded.
    pub fn resolve(
        flags: &Flags,
        env: &dyn Fn(&str) -> Option<OsString>,
        file: Option<(PathBuf, Config)>,
    ) -> Result<Settings, SettingsError> {
        let env = |name: &str| env(name).filter(|v| !v.is_empty());
        let (path, config) = match file {
            Some((p, c)) => (Some(p), c),
            None => (None, Config::default()),
        };
        let dir = |flag: &Option<PathBuf>, var: &str, key: &Option<PathBuf>| {
            flag.clone().or_else(|| env(var).map(PathBuf::from)).or_else(|| key.clone())
        };
        let days = |flag: Option<i64>,
                    flag_name: &str,
                    var: &str,
                    key: Option<i64>,
                    default: i64,
                    check: fn(i64) -> Result<i64, &'static str>| {
            let invalid =
                |from: &str, message: &str| SettingsError::Invalid { from: from.into(), message: message.into() };
            let (from, days) = if let Some(d) = flag {
                (flag_name.to_string(), d)
            } else if let Some(v) = env(var) {
                let d = v.to_str().and_then(|s| s.trim().parse::<i64>().ok());
                (var.to_string(), d.ok_or_else(|| invalid(var, "not a whole number of days"))?)
            } else {
                // The file's values were checked when it was read.
                return Ok(key.unwrap_or(default));
            };
            check(days).map_err(|m| invalid(&from, m))
        };
        let key = if let Some(p) = &flags.key_file {
            KeySource::File(p.clone())
        } else {
            match (env(keyfile::ENV_FILE), env(keyfile::ENV_KEY)) {
                (Some(_), Some(_)) => return Err(SettingsError::Key(KeyError::Both)),
                (Some(f), None) => KeySource::File(PathBuf::from(f)),
                (None, Some(_)) => KeySource::Env,
                (None, None) => config.key_file.clone().map_or(KeySource::Unset, KeySource::File),
            }
        };
        let defaults = Retention::default();
        let retention = Retention {
            abandoned_days: days(
                flags.abandoned_days,
                "--abandoned-days",
                env::ABANDONED_DAYS,
                config.retention.abandoned_days,
                defaults.abandoned_days,
                check_abandoned,
            )?,
            delivered_days: days(
                flags.delivered_days,
                "--delivered-days",
                env::DELIVERED_DAYS,
                config.retention.delivered_days,
                defaults.delivered_days,
                check_delivered,
            )?,
            waiting_days: days(
                flags.waiting_days,
                "--waiting-days",
                env::WAITING_DAYS,
                config.retention.waiting_days,
                defaults.waiting_days,
                check_waiting,
            )?,
        };
        Ok(Settings {
            data_dir: dir(&flags.data_dir, env::DATA_DIR, &config.data_dir)
                .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR)),
            flows: dir(&flags.flows, env::FLOWS, &config.flows),
            locales: dir(&flags.locales, env::LOCALES, &config.locales),
            rules: dir(&flags.rules, env::RULES, &config.rules),
            key,
            retention,
            file: path,
            config,
        })
    }

    /// Reads the master key. With `dev`, an unset key means the development key in the data
    /// directory, created if missing (`chat` and `keys rotate`, as before settings were resolved
    /// here); without, it is an error naming the variables to set.
    pub fn master_key(&self, dev: bool) -> Result<(Key, Origin), KeyError> {
        match &self.key {
            KeySource::File(p) => Ok((keyfile::read_file(p)?, Origin::File(p.clone()))),
            KeySource::Env => {
                let text = zeroize::Zeroizing::new(
                    std::env::var(keyfile::ENV_KEY).map_err(|_| KeyError::Format(keyfile::ENV_KEY.into()))?,
                );
                Ok((keyfile::parse(&text, keyfile::ENV_KEY)?, Origin::Env))
            }
            // Neither variable is set (else the key would not be unset), so this finds or makes
            // the development key.
            KeySource::Unset if dev => keyfile::from_env(Some(&self.data_dir)),
            KeySource::Unset => Err(KeyError::Missing),
        }
    }

    /// The retention as a person reads it.
    pub fn describe_retention(&self) -> String {
        format!(
            "retention: abandoned {} day(s), delivered {} day(s), waiting {} day(s)",
            self.retention.abandoned_days, self.retention.delivered_days, self.retention.waiting_days
        )
    }
}
