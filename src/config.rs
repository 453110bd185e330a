//! Settings that are not secrets, from a TOML file (`--config` or `CLEARPATH_CONFIG`), validated
//! at start with errors that name the setting. Secrets (the bot token, the master key) come only
//! from the environment or files named there. `clearpath.example.toml` documents every setting.

use crate::store::Retention;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Where runtime state lives.
    #[serde(default = "default_data_dir")]
    pub data_dir: PathBuf,
    /// The master key file (else CLEARPATH_MASTER_KEY_FILE / CLEARPATH_MASTER_KEY).
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
}

/// How completed intakes reach attorneys.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandoffConfig {
    /// Hours an attorney has to accept or decline before the case moves to the next one.
    #[serde(default = "seventy_two")]
    pub offer_hours: i64,
    /// Also send the full summary as Telegram text. Telegram can read it (it is not end-to-end
    /// encrypted): only for organisations that accept that risk.
    #[serde(default)]
    pub summary_as_text: bool,
    /// Tell the administrators after this many failed attempts to deliver a case file.
    #[serde(default = "five")]
    pub alert_after_failures: u32,
}

fn seventy_two() -> i64 {
    72
}
fn five() -> u32 {
    5
}

impl Default for HandoffConfig {
    fn default() -> Self {
        HandoffConfig { offer_hours: 72, summary_as_text: false, alert_after_failures: 5 }
    }
}

fn default_data_dir() -> PathBuf {
    PathBuf::from("clearpath-data")
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetentionConfig {
    #[serde(default = "thirty")]
    pub abandoned_days: i64,
    #[serde(default = "fourteen")]
    pub delivered_days: i64,
}

fn thirty() -> i64 {
    30
}
fn fourteen() -> i64 {
    14
}

impl Default for RetentionConfig {
    fn default() -> Self {
        RetentionConfig { abandoned_days: 30, delivered_days: 14 }
    }
}

impl RetentionConfig {
    pub fn retention(&self) -> Retention {
        Retention { abandoned_days: self.abandoned_days, delivered_days: self.delivered_days }
    }
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
fn default_exit_text() -> BTreeMap<String, String> {
    BTreeMap::from([("en".to_string(), "👍".to_string()), ("es".to_string(), "👍".to_string())])
}

impl Default for TelegramConfig {
    fn default() -> Self {
        TelegramConfig {
            wipe: Wipe::AfterEachAnswer,
            exit_text: default_exit_text(),
            throttle: true,
            admins: vec![],
            poll_timeout_secs: 25,
        }
    }
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_dir: default_data_dir(),
            key_file: None,
            organisation: None,
            retention: RetentionConfig::default(),
            telegram: TelegramConfig::default(),
            flows: None,
            locales: None,
            rules: None,
            handoff: HandoffConfig::default(),
            attorneys: vec![],
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

    pub fn parse(path: &Path, text: &str) -> Result<Config, ConfigError> {
        let c: Config = toml::from_str(text).map_err(|e| {
            let src = crate::flow::Source { text: text.to_string(), ..Default::default() };
            let (line, col) = src.line_col(e.span().map(|s| s.start).unwrap_or(0));
            ConfigError::Parse { path: path.to_path_buf(), line, col, message: e.message().trim().to_string() }
        })?;
        let invalid = |setting, message: String| ConfigError::Invalid { path: path.to_path_buf(), setting, message };
        if !(1..=3650).contains(&c.retention.abandoned_days) {
            return Err(invalid("retention.abandoned_days", "must be between 1 and 3650 days".into()));
        }
        if !(0..=3650).contains(&c.retention.delivered_days) {
            return Err(invalid("retention.delivered_days", "must be between 0 and 3650 days".into()));
        }
        if !(1..=50).contains(&c.telegram.poll_timeout_secs) {
            return Err(invalid("telegram.poll_timeout_secs", "must be between 1 and 50 seconds".into()));
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
