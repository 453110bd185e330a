//! The `clearpath` command line. Errors are printed with their causes (`{:#}`) and mapped to exit
//! codes a service manager or a script can act on.

use crate::app::App;
use crate::config::{Flags, Settings};
use crate::diag::{has_errors, Diagnostic, Severity};
use crate::escrow::EscrowError;
use crate::flow::{self, Flow};
use crate::locale::Locales;
use crate::store::keyfile::{self, KeyError, Origin};
use crate::store::{Store, StoreError};
use anyhow::{bail, Context};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit codes beyond 0 (success) and 1 (other failure).
pub mod exit {
    /// The command line asks for something that is not there (clap's own code for bad usage).
    pub const USAGE: u8 = 2;
    /// A problem with the master key (missing, unreadable, readable by others, or wrong), or a
    /// bot token file that others can read.
    pub const KEY: u8 = 3;
    /// The database does not open cleanly.
    pub const DATABASE: u8 = 4;
    /// A checked file (flow, locale, rule) has errors.
    pub const INVALID: u8 = 5;
}

#[derive(Parser, Debug)]
#[command(name = "clearpath", version, about = "A safe intake for survivors seeking criminal-record relief")]
pub struct Cli {
    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(Subcommand, Debug)]
pub enum Cmd {
    /// Run an intake in the terminal (or as JSON lines with --json).
    Chat {
        #[command(flatten)]
        settings: Flags,
        /// Which flow to run (the file flows/<ID>.toml).
        #[arg(long, default_value = "intake")]
        flow: String,
        /// Speak JSON lines on stdin/stdout instead of text.
        #[arg(long)]
        json: bool,
        /// Which conversation to continue.
        #[arg(long, default_value = "local")]
        session: String,
        /// Suggest this language first (default: from $LANG in the text mode).
        #[arg(long)]
        lang: Option<String>,
    },
    /// Run the Telegram bot (TELOXIDE_TOKEN or TELOXIDE_TOKEN_FILE; TELOXIDE_API_URL optional).
    Serve {
        #[command(flatten)]
        settings: Flags,
        /// Take updates as Telegram POSTs them, behind a reverse proxy, instead of polling (the
        /// file's [webhook] section; `enabled = true` there does the same; docs/deploy.md).
        #[arg(long)]
        webhook: bool,
    },
    /// Attorneys: make a key pair and open a case (on their computer); invite and revoke (admins).
    Attorney {
        #[command(subcommand)]
        cmd: AttorneyCmd,
    },
    /// Cases on their way to attorneys.
    Cases {
        #[command(subcommand)]
        cmd: CasesCmd,
    },
    /// The audit log of cases and attorneys.
    Audit {
        #[command(subcommand)]
        cmd: AuditCmd,
    },
    /// Updates whose handling failed twice and were set aside (ids, kinds and times only).
    Quarantine {
        #[command(subcommand)]
        cmd: QuarantineCmd,
    },
    /// Check everything an admin edits (settings, flows, locales, rules, flow tests) at once.
    Check {
        #[command(flatten)]
        settings: Flags,
    },
    /// Is this installation healthy? Settings, secret files, the data directory, the store (through
    /// the running bot, if it runs), flows, locales, rules, attorneys, the audit log, disk space
    /// and the Bot API: a pass/fail list, with what to do about each failure.
    Doctor {
        #[command(flatten)]
        settings: Flags,
    },
    /// Check translations against English; record which English text they were made from.
    Locales {
        #[command(subcommand)]
        cmd: LocalesCmd,
    },
    /// Check and draw flows.
    Flows {
        #[command(subcommand)]
        cmd: FlowsCmd,
    },
    /// Manage the master key.
    Keys {
        #[command(subcommand)]
        cmd: KeysCmd,
    },
    /// Check and tabulate the relief rules.
    Rules {
        #[command(subcommand)]
        cmd: RulesCmd,
    },
    /// Screen a case given as JSON (see docs/screening.md) against the relief rules.
    Screen {
        /// The case file ("-" for standard input).
        #[arg(long)]
        input: PathBuf,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Screening date, YYYY-MM-DD [default: the input's date, else today].
        #[arg(long)]
        date: Option<String>,
        /// Rules directory [default: ./rules if present, else the built-in copy]
        #[arg(long, env = "CLEARPATH_RULES")]
        rules: Option<PathBuf>,
    },
    /// Apply the retention periods now (also done at start-up and daily by a running process).
    Purge {
        #[command(flatten)]
        settings: Flags,
    },
    /// Write an encrypted backup of the store to OUT (through the running bot, between two
    /// updates, when it runs). It opens only with the master key; keep it off this server, with
    /// a copy of the erasure log (DATA_DIR/erasures). docs/operations.md: backup and restore.
    Backup {
        out: PathBuf,
        /// Read a backup through to its end and say what it holds; write nothing.
        #[arg(long)]
        verify: bool,
        #[command(flatten)]
        settings: Flags,
    },
    /// Restore a backup into an empty data directory (--data-dir): erasures made since the backup
    /// are replayed from the erasure log, the retention periods applied, before anything serves.
    Restore {
        input: PathBuf,
        /// The erasure log kept beside the store the backup came from (DATA_DIR/erasures, or a copy).
        #[arg(long, conflicts_with = "without_erasure_log")]
        erasures: Option<PathBuf>,
        /// Restore without an erasure log: survivors who deleted their data after the backup was
        /// made would be back until their retention period ends. Only when the log is lost.
        #[arg(long)]
        without_erasure_log: bool,
        #[command(flatten)]
        settings: Flags,
    },
}

#[derive(Subcommand, Debug)]
pub enum FlowsCmd {
    /// Validate flows against the locales; print every problem with file:line:column.
    Check {
        /// A flow file or a directory of them [default: the flows directory].
        path: Option<PathBuf>,
        /// Locales directory [default: ./locales if present, else the built-in copy]
        #[arg(long, env = "CLEARPATH_LOCALES")]
        locales: Option<PathBuf>,
    },
    /// Run the flow tests (flows/tests/*.toml): conversations and what must follow from them.
    Test {
        /// The flows directory [default: ./flows if present, else the built-in copy].
        path: Option<PathBuf>,
        /// Locales directory [default: ./locales if present, else the built-in copy]
        #[arg(long, env = "CLEARPATH_LOCALES")]
        locales: Option<PathBuf>,
        /// Rules directory [default: ./rules if present, else the built-in copy]
        #[arg(long, env = "CLEARPATH_RULES")]
        rules: Option<PathBuf>,
        /// Also report what the tests walk of the flow; fail below full coverage.
        #[arg(long)]
        coverage: bool,
        /// The day a test runs on when it names none, YYYY-MM-DD [default: today].
        #[arg(long)]
        date: Option<String>,
    },
    /// Before an edit goes live: what putting this flow in force would do to the conversations in
    /// progress (through the running bot, or from the stopped store). Counts and step ids only.
    Impact {
        /// The edited flows directory (or flow file).
        new: PathBuf,
        #[command(flatten)]
        settings: Flags,
    },
    /// Count the paths through the flow and show what the flow tests cover of it.
    Paths {
        /// The flows directory [default: ./flows if present, else the built-in copy].
        path: Option<PathBuf>,
        #[arg(long, env = "CLEARPATH_LOCALES")]
        locales: Option<PathBuf>,
        #[arg(long, env = "CLEARPATH_RULES")]
        rules: Option<PathBuf>,
        /// At most this many instances of each repeating group on a path.
        #[arg(long, default_value_t = 2)]
        bound: u32,
        /// The day a test runs on when it names none, YYYY-MM-DD [default: today].
        #[arg(long)]
        date: Option<String>,
    },
    /// Print a flow as a chart: Mermaid (paste into any Mermaid viewer, or GitHub), Graphviz DOT,
    /// or an SVG picture drawn by clearpath itself (open it in a browser).
    Graph {
        /// The flow file [default: flows/intake.toml].
        path: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "mermaid")]
        format: GraphFormat,
    },
    /// Walk a flow at the terminal as a survivor would, with nothing stored: each question is
    /// shown with its step id and the branch that led to it. Type answers as in `chat`.
    Preview {
        /// The flow file [default: flows/intake.toml].
        path: Option<PathBuf>,
        /// Show the questions in this language (one the flow is offered in).
        #[arg(long)]
        lang: Option<String>,
        /// Start at this step (inside a repeating group: its first instance; past consent: with
        /// consent given).
        #[arg(long, value_name = "STEP")]
        from: Option<String>,
        /// Locales directory [default: ./locales if present, else the built-in copy]
        #[arg(long, env = "CLEARPATH_LOCALES")]
        locales: Option<PathBuf>,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum GraphFormat {
    Mermaid,
    Dot,
    Svg,
}

#[derive(Subcommand, Debug)]
pub enum LocalesCmd {
    /// Every message in every locale, placeables as in English, lengths, unused and stale ones.
    Check {
        /// Locales directory [default: ./locales if present, else the built-in copy]
        #[arg(long, env = "CLEARPATH_LOCALES")]
        locales: Option<PathBuf>,
        /// Flows directory (for which messages are used) [default: ./flows, else the built-in copy]
        #[arg(long, env = "CLEARPATH_FLOWS")]
        flows: Option<PathBuf>,
    },
    /// After checking a translation against the English: record the English it matches, so a
    /// later change to the English is reported as a stale translation.
    Stamp {
        /// The locale (es, ...).
        lang: String,
        /// Only this message [default: every message of the locale].
        message: Option<String>,
        /// Locales directory [default: ./locales]
        #[arg(long, env = "CLEARPATH_LOCALES")]
        locales: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub enum AttorneyCmd {
    /// Make an age key pair ON YOUR OWN COMPUTER (never on the server): the identity file stays
    /// with you; give the printed public key (age1...) to the organisation.
    Keygen {
        /// Where to write the identity (mode 0600).
        #[arg(long)]
        out: PathBuf,
    },
    /// Decrypt and print a sealed case file (`case-XXXX.md.age`), for attorneys without `age`.
    Open {
        file: PathBuf,
        #[arg(long)]
        identity: PathBuf,
    },
    /// Invite an attorney: prints a one-time code they send to the bot as /enroll CODE.
    Invite {
        #[arg(long)]
        name: String,
        /// Jurisdictions they serve, e.g. NY,NJ (USPS codes, US for federal, * for any).
        #[arg(long, value_delimiter = ',')]
        jurisdictions: Vec<String>,
        /// Their age public key (age1...), from `clearpath attorney keygen` on their computer.
        #[arg(long)]
        recipient: String,
        /// Language of the survivor's answers in their summaries (the screening stays in English).
        #[arg(long, default_value = "en")]
        language: String,
        /// How long the code stays valid.
        #[arg(long, default_value_t = 72)]
        valid_hours: i64,
        #[command(flatten)]
        settings: Flags,
    },
    /// End an attorney's access at once; cases offered to them move on.
    Revoke {
        name: String,
        #[command(flatten)]
        settings: Flags,
    },
}

#[derive(Subcommand, Debug)]
pub enum CasesCmd {
    /// Every case on its way to or with an attorney (codes, states, attorneys; no personal data).
    List {
        #[command(flatten)]
        settings: Flags,
    },
    /// Route now: open cases for unrouted intakes, move lapsed offers, retry waiting cases.
    /// (A running bot does this every minute.)
    Sweep {
        /// Act as at this time (RFC 3339), e.g. to check what a lapse would do.
        #[arg(long)]
        now: Option<String>,
        #[command(flatten)]
        settings: Flags,
    },
}

#[derive(Subcommand, Debug)]
pub enum AuditCmd {
    /// Check the audit log's hash chain and print its head (number and hash) to compare later.
    Verify {
        /// A head noted earlier (N:HASH, as printed or sent to the administrators): fail unless
        /// the log still holds entry N with that hash (a log cut from the end or rewritten fails).
        #[arg(long, value_name = "N:HASH")]
        expect: Option<crate::audit::Head>,
        #[command(flatten)]
        settings: Flags,
    },
}

#[derive(Subcommand, Debug)]
pub enum QuarantineCmd {
    /// Every update set aside: its id, channel, kind of failure and when.
    List {
        #[command(flatten)]
        settings: Flags,
    },
    /// Handle an update again (after a fix); it leaves the quarantine if it succeeds.
    Retry {
        id: u64,
        #[command(flatten)]
        settings: Flags,
    },
    /// Forget an update; what it held is erased.
    Drop {
        id: u64,
        #[command(flatten)]
        settings: Flags,
    },
}

#[derive(Subcommand, Debug)]
pub enum RulesCmd {
    /// Validate every rules file and run its examples; list each jurisdiction's status.
    Check {
        /// Rules directory [default: ./rules if present, else the built-in copy]
        #[arg(long, env = "CLEARPATH_RULES")]
        rules: Option<PathBuf>,
    },
    /// Write the table of jurisdictions (docs/jurisdictions.md).
    Table {
        #[arg(long, env = "CLEARPATH_RULES")]
        rules: Option<PathBuf>,
        #[arg(long, default_value = "docs/jurisdictions.md")]
        out: PathBuf,
    },
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub enum Format {
    Text,
    Markdown,
    Json,
}

#[derive(Subcommand, Debug)]
pub enum KeysCmd {
    /// Write a new random 256-bit master key to PATH (mode 0600). Keep it off the data disk.
    Init { path: PathBuf },
    /// Re-encrypt the store under a new master key, rebuilt from live records only, so erased
    /// data does not survive in the database's log. Safe to interrupt and run again.
    Rotate {
        /// The new key (create it first with `clearpath keys init`).
        #[arg(long)]
        new_key_file: PathBuf,
        #[command(flatten)]
        settings: Flags,
    },
    /// Seal the master key to administrators' age public keys (from `clearpath attorney keygen`
    /// or `age-keygen`), so a lost key file can be rebuilt: by any one of them, or with
    /// --threshold K by any K of them together. The file holds no readable key.
    Escrow {
        /// The administrators' age public keys (age1...), comma-separated.
        #[arg(long, value_delimiter = ',', required = true)]
        to: Vec<String>,
        /// How many of them it takes to rebuild the key (Shamir secret sharing) [default: 1, any one].
        #[arg(long)]
        threshold: Option<u32>,
        /// Where to write the escrow [default: escrow.toml in the data directory].
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write over an existing escrow file (after `keys rotate`, the old one is useless).
        #[arg(long)]
        replace: bool,
        #[command(flatten)]
        settings: Flags,
    },
    /// Rebuild the master key from an escrow and administrators' identity files, into a new key
    /// file (mode 0600; never over an existing file).
    Recover {
        /// The administrators' identity files (AGE-SECRET-KEY-1...), comma-separated: one, or as
        /// many as the escrow's threshold.
        #[arg(long, value_delimiter = ',', required = true)]
        identity: Vec<PathBuf>,
        /// The escrow file written by `keys escrow`.
        #[arg(long)]
        escrow: PathBuf,
        /// Where to write the rebuilt key.
        #[arg(long)]
        out: PathBuf,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_tracing(&cli.command);
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("clearpath: {e:#}");
            ExitCode::from(exit_code_for(&e))
        }
    }
}

fn exit_code_for(e: &anyhow::Error) -> u8 {
    for cause in e.chain() {
        if let Some(b) = cause.downcast_ref::<crate::store::backup::BackupError>() {
            use crate::store::backup::BackupError as B;
            return match b {
                B::WrongKey { .. } => exit::KEY,
                B::NotEmpty(_) => exit::USAGE,
                B::Store(StoreError::WrongKey) => exit::KEY,
                _ => exit::DATABASE,
            };
        }
        if cause.downcast_ref::<KeyError>().is_some() {
            return exit::KEY;
        }
        if let Some(e) = cause.downcast_ref::<EscrowError>() {
            return match e {
                EscrowError::NoRecipients
                | EscrowError::DuplicateRecipient(_)
                | EscrowError::Threshold { .. }
                | EscrowError::TooMany
                | EscrowError::Recipient(_) => exit::USAGE,
                _ => exit::KEY,
            };
        }
        if let Some(se) = cause.downcast_ref::<StoreError>() {
            return match se {
                StoreError::WrongKey => exit::KEY,
                _ => exit::DATABASE,
            };
        }
    }
    1
}

/// Logs go to stderr. `CLEARPATH_LOG` takes a tracing filter (e.g. `debug`); the default is quiet
/// for the terminal chat. No log line ever carries an answer, a message text or a chat id.
fn init_tracing(cmd: &Cmd) {
    use tracing_subscriber::layer::SubscriberExt;
    use tracing_subscriber::util::SubscriberInitExt;
    use tracing_subscriber::Layer;
    let default = match cmd {
        Cmd::Chat { .. } | Cmd::Flows { cmd: FlowsCmd::Preview { .. } } => "warn",
        _ => "info",
    };
    let spec = std::env::var("CLEARPATH_LOG").unwrap_or_else(|_| default.to_string());
    let filter =
        tracing_subscriber::EnvFilter::try_new(&spec).unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(default));
    // Whatever CLEARPATH_LOG asks, even a directive more specific than any quiet list could be:
    // a second filter, applied after it, that no directive reaches.
    let layer = tracing_subscriber::fmt::layer()
        .with_writer(std::io::stderr)
        .with_target(false)
        .with_filter(tracing_subscriber::filter::filter_fn(|m| !silenced(m)))
        .with_filter(filter);
    let _ = tracing_subscriber::registry().with(layer).try_init();
}

/// Logs that never reach the output: the HTTP stack and teloxide log request URLs, which carry
/// the bot token; sled's detailed logs carry record keys (its warnings and errors still come
/// through: a database in trouble must be seen).
pub fn silenced(meta: &tracing::Metadata<'_>) -> bool {
    let target = meta.target();
    let under = |p: &str| target == p || target.strip_prefix(p).is_some_and(|rest| rest.starts_with("::"));
    const NEVER: &[&str] =
        &["reqwest", "hyper", "hyper_util", "h2", "http", "teloxide", "teloxide_core", "native_tls", "rustls", "mio"];
    NEVER.iter().any(|p| under(p)) || (under("sled") && *meta.level() > tracing::Level::WARN)
}

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Cmd::Chat { settings, flow, json, session, lang } => {
            let s = resolve(&settings)?;
            let mut app = open_app(&s, &flow, true)?;
            app.handoff = Some(chat_handoff(&s)?);
            let app = std::sync::Arc::new(app);
            match app.purge(crate::clock::now()) {
                Ok(p) => tracing::info!("{}", crate::control::describe_purge(&p)),
                Err(e) => tracing::error!(error = %e, "retention purge failed"),
            }
            let _served = match crate::control::serve(app.clone(), &s.data_dir, None) {
                Ok(guard) => Some(guard),
                Err(e) => {
                    tracing::warn!(error = %e, "no control socket; purge and rotate must wait until this chat ends");
                    None
                }
            };
            let who = app.subject("console", &session)?;
            let hint = lang.or_else(|| if json { None } else { lang_from_env() });
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            crate::channel::console::run(&app, &who, json, hint, stdin.lock(), stdout.lock())?;
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Flows { cmd: FlowsCmd::Check { path, locales } } => flows_check(path.as_deref(), locales.as_deref()),
        Cmd::Flows { cmd: FlowsCmd::Graph { path, format } } => {
            let flow = load_flow_for_tools(path.as_deref())?;
            let drawn = match format {
                GraphFormat::Mermaid => crate::flow::graph::mermaid(&flow),
                GraphFormat::Dot => crate::flow::graph::dot(&flow),
                GraphFormat::Svg => crate::flow::graph::svg(&flow),
            };
            print!("{drawn}");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Flows { cmd: FlowsCmd::Test { path, locales, rules, coverage, date } } => {
            let src = crate::authoring::Sources {
                flows: path.as_deref(),
                locales: locales.as_deref(),
                rules: rules.as_deref(),
            };
            crate::authoring::flows_test(&src, coverage, date.as_deref())
        }
        Cmd::Flows { cmd: FlowsCmd::Impact { new, settings } } => {
            let flows = std::path::absolute(&new).with_context(|| format!("{}", new.display()))?;
            desk_command(&settings, crate::control::Request::Impact { flows })
        }
        Cmd::Flows { cmd: FlowsCmd::Paths { path, locales, rules, bound, date } } => {
            let src = crate::authoring::Sources {
                flows: path.as_deref(),
                locales: locales.as_deref(),
                rules: rules.as_deref(),
            };
            crate::authoring::flows_paths(&src, bound, date.as_deref())
        }
        Cmd::Check { settings } => crate::check::check(&settings),
        Cmd::Doctor { settings } => crate::doctor::doctor(&settings),
        Cmd::Locales { cmd: LocalesCmd::Check { locales, flows } } => {
            crate::check::locales_check(locales.as_deref(), flows.as_deref())
        }
        Cmd::Locales { cmd: LocalesCmd::Stamp { lang, message, locales } } => {
            crate::check::locales_stamp(locales.as_deref(), &lang, message.as_deref())
        }
        Cmd::Flows { cmd: FlowsCmd::Preview { path, lang, from, locales } } => {
            flows_preview(path.as_deref(), locales.as_deref(), lang.as_deref(), from.as_deref())
        }
        Cmd::Serve { settings, webhook } => serve(&settings, webhook),
        Cmd::Attorney { cmd: AttorneyCmd::Keygen { out } } => {
            if out.exists() {
                bail!("{} already exists; refusing to overwrite a key", out.display());
            }
            let (identity, public) = crate::handoff::keygen();
            crate::store::write_private(&out, secrecy::ExposeSecret::expose_secret(&identity).as_bytes())?;
            eprintln!("wrote your private identity to {} (mode 0600): keep it on this computer only.", out.display());
            println!("{public}");
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Attorney { cmd: AttorneyCmd::Open { file, identity } } => {
            let id = crate::handoff::read_identity(&identity)?;
            let sealed = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            let plain = crate::handoff::open(&id, &sealed)?;
            print!("{}", String::from_utf8_lossy(&plain));
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Rules { cmd: RulesCmd::Check { rules } } => rules_check(rules.as_deref()),
        Cmd::Rules { cmd: RulesCmd::Table { rules, out } } => {
            let (r, diags) = crate::rules::Rules::load(&crate::data::resolve(rules.as_deref(), "rules"));
            if has_errors(&diags) {
                for d in &diags {
                    eprintln!("{d}");
                }
                bail!("the rules have errors (run `clearpath rules check`)");
            }
            std::fs::write(&out, crate::rules::report::table(&r))
                .with_context(|| format!("writing {}", out.display()))?;
            println!("wrote {} ({} jurisdictions)", out.display(), r.by_code.len());
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Screen { input, format, date, rules } => {
            let text = if input.as_os_str() == "-" {
                std::io::read_to_string(std::io::stdin())?
            } else {
                std::fs::read_to_string(&input).with_context(|| format!("reading {}", input.display()))?
            };
            let case = match crate::rules::parse_input(&text) {
                Ok(c) => c,
                Err(e) => {
                    eprintln!("clearpath: {} is not a valid case:\n{e}", input.display());
                    return Ok(ExitCode::from(exit::INVALID));
                }
            };
            let (r, diags) = crate::rules::Rules::load(&crate::data::resolve(rules.as_deref(), "rules"));
            // Problems in other jurisdictions' files do not stop this screening; problems in
            // the files it reads do.
            let codes: Vec<String> =
                case.cases.iter().filter_map(|c| c.jurisdiction.clone()).map(|j| j.to_ascii_uppercase()).collect();
            let relevant: Vec<&Diagnostic> = diags
                .iter()
                .filter(|d| {
                    d.severity == Severity::Error
                        && d.subject.as_deref().is_none_or(|s| codes.iter().any(|c| s.starts_with(c.as_str())))
                })
                .collect();
            if !relevant.is_empty() {
                for d in relevant {
                    eprintln!("{d}");
                }
                bail!("the rules for this case have errors (run `clearpath rules check`)");
            }
            let day = match date.or(case.date.clone()) {
                Some(d) => jiff::civil::Date::strptime("%Y-%m-%d", &d)
                    .with_context(|| format!("--date {d}: not a date (YYYY-MM-DD)"))?,
                None => jiff::Zoned::now().date(),
            };
            let s = crate::rules::screen::screen(&r, &case, day);
            match format {
                Format::Json => println!("{}", serde_json::to_string_pretty(&s)?),
                Format::Markdown => print!("{}", crate::rules::report::render(&s, true)),
                Format::Text => print!("{}", crate::rules::report::render(&s, false)),
            }
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Purge { settings } => {
            let s = resolve(&settings)?;
            if let Some(resp) = crate::control::request(&s.data_dir, &crate::control::Request::Purge) {
                // The running process applies the retention it was started with.
                eprintln!("clearpath: purged by the running process, with its own retention settings");
                return control_reply(resp?);
            }
            let (key, _) = s.master_key(false)?;
            let store = Store::open(&s.data_dir, key)
                .with_context(|| format!("opening the data directory {}", s.data_dir.display()))?;
            let p = store.purge(crate::clock::now(), &s.retention)?;
            println!("{}", s.describe_retention());
            println!("{}", crate::control::describe_purge(&p));
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Backup { out, verify, settings } => {
            let s = resolve(&settings)?;
            let (key, _) = s.master_key(false)?;
            if verify {
                let f = std::fs::File::open(&out).with_context(|| format!("opening {}", out.display()))?;
                let m = crate::store::backup::verify(std::io::BufReader::new(f), &out, &key)?;
                println!("{}: a complete backup, {}", out.display(), crate::store::backup::describe(&m));
                return Ok(ExitCode::SUCCESS);
            }
            let out = absolute(&out)?;
            if let Some(resp) =
                crate::control::request(&s.data_dir, &crate::control::Request::Backup { out: out.clone() })
            {
                return control_reply(resp?);
            }
            // Not running: the store is opened here (the key checked first), so nothing else writes.
            if crate::store::key_matches(&s.data_dir, &key)?.is_none() {
                bail!("there is no store in {} to back up", s.data_dir.display());
            }
            let store = Store::open(&s.data_dir, key)
                .with_context(|| format!("opening the data directory {}", s.data_dir.display()))?;
            let m = store.backup_file(&out, crate::clock::now())?;
            println!("wrote the backup {}: {}", out.display(), crate::store::backup::describe(&m));
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Restore { input, erasures, without_erasure_log, settings } => {
            let s = resolve(&settings)?;
            let (key, _) = s.master_key(false)?;
            restore(&s, key, &input, erasures.as_deref(), without_erasure_log)
        }
        Cmd::Keys { cmd: KeysCmd::Rotate { new_key_file, settings } } => {
            let s = resolve(&settings)?;
            let data_dir = s.data_dir.clone();
            let new_key_file = std::fs::canonicalize(&new_key_file)
                .with_context(|| format!("the new key file {}", new_key_file.display()))?;
            let new = keyfile::read_key_file(&new_key_file, keyfile::NEW_FILE)?;
            if let Some(resp) = crate::control::request(
                &data_dir,
                &crate::control::Request::Rotate { new_key_file: new_key_file.clone() },
            ) {
                let code = control_reply(resp?)?;
                eprintln!(
                    "now set {}={} for the next start, and destroy the old key once you have checked",
                    keyfile::ENV_FILE,
                    new_key_file.display()
                );
                eprintln!("{}", escrow_after_rotation(&data_dir, &new));
                return Ok(code);
            }
            let (current, _) = s.master_key(true)?;
            match crate::store::rotate::rotate(&data_dir, current, new.clone())? {
                crate::store::rotate::Rotated::Done { subjects, records } => {
                    println!("rotated: {subjects} survivor key(s) and {records} record(s) now under the new key")
                }
                crate::store::rotate::Rotated::AlreadyDone => {
                    println!("already rotated: the store opens with the new key")
                }
            }
            eprintln!(
                "now set {}={} (and destroy the old key once you have checked)",
                keyfile::ENV_FILE,
                new_key_file.display()
            );
            eprintln!("{}", escrow_after_rotation(&data_dir, &new));
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Keys { cmd: KeysCmd::Escrow { to, threshold, out, replace, settings } } => {
            let s = resolve(&settings)?;
            let recipients = crate::escrow::recipients(&to)?;
            let (key, _) = s.master_key(false)?;
            // Escrowing a key that does not open this store would be worse than none.
            if crate::store::key_matches(&s.data_dir, &key)? == Some(false) {
                return Err(StoreError::WrongKey.into());
            }
            let out = match out {
                Some(p) => p,
                None => {
                    std::fs::create_dir_all(&s.data_dir)
                        .with_context(|| format!("creating the data directory {}", s.data_dir.display()))?;
                    crate::store::restrict_dir(&s.data_dir)?;
                    crate::escrow::default_path(&s.data_dir)
                }
            };
            if out.symlink_metadata().is_ok() && !replace {
                let which = match crate::escrow::escrow_matches(&out, &key) {
                    Ok(true) => "it already escrows the current key",
                    Ok(false) => "it escrows another key",
                    Err(_) => "it is not a readable escrow",
                };
                bail!("{} exists ({which}); pass --replace to write over it", out.display());
            }
            let escrow = crate::escrow::create(&key, &recipients, threshold, crate::clock::now())?;
            crate::store::write_private(&out, escrow.to_text()?.as_bytes())
                .with_context(|| format!("writing {}", out.display()))?;
            println!("wrote {} (mode 0600): the master key, recoverable by {}", out.display(), escrow.describe());
            eprintln!(
                "keep a copy off this server too; it holds no readable key. Test it with the recovery drill in docs/operations.md."
            );
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Keys { cmd: KeysCmd::Recover { identity, escrow, out } } => {
            let e = crate::escrow::Escrow::read(&escrow)?;
            let ids = identity.iter().map(|p| crate::escrow::read_identity(p)).collect::<Result<Vec<_>, _>>()?;
            if out.symlink_metadata().is_ok() {
                return Err(KeyError::Exists(out).into());
            }
            let key = crate::escrow::recover(&e, &ids)?;
            keyfile::write_new(&out, &key)?;
            println!(
                "wrote the recovered master key to {} (mode 0600); it matches the escrow's fingerprint",
                out.display()
            );
            eprintln!("start clearpath with {}={}", keyfile::ENV_FILE, out.display());
            Ok(ExitCode::SUCCESS)
        }
        Cmd::Attorney {
            cmd: AttorneyCmd::Invite { name, jurisdictions, recipient, language, valid_hours, settings },
        } => {
            let req = crate::control::Request::Invite {
                name,
                jurisdictions,
                recipient,
                language,
                hours: valid_hours.clamp(1, 24 * 30),
            };
            desk_command(&settings, req)
        }
        Cmd::Attorney { cmd: AttorneyCmd::Revoke { name, settings } } => {
            desk_command(&settings, crate::control::Request::Revoke { name })
        }
        Cmd::Cases { cmd: CasesCmd::List { settings } } => desk_command(&settings, crate::control::Request::Cases),
        Cmd::Cases { cmd: CasesCmd::Sweep { now, settings } } => {
            desk_command(&settings, crate::control::Request::Sweep { now })
        }
        Cmd::Audit { cmd: AuditCmd::Verify { expect, settings } } => {
            desk_command(&settings, crate::control::Request::AuditVerify { expect })
        }
        Cmd::Quarantine { cmd } => {
            use crate::control::QuarantineOp;
            let (op, settings) = match cmd {
                QuarantineCmd::List { settings } => (QuarantineOp::List, settings),
                QuarantineCmd::Retry { id, settings } => (QuarantineOp::Retry { id }, settings),
                QuarantineCmd::Drop { id, settings } => (QuarantineOp::Drop { id }, settings),
            };
            desk_command(&settings, crate::control::Request::Quarantine { op })
        }
        Cmd::Keys { cmd: KeysCmd::Init { path } } => {
            keyfile::init(&path)?;
            eprintln!("wrote a new master key to {} (mode 0600). Keep a backup somewhere safe and away from the database: without it the data cannot be read.", path.display());
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What `keys rotate` says about the escrow: any escrow of the old key no longer matches.
fn escrow_after_rotation(data_dir: &Path, new: &crate::store::crypto::Key) -> String {
    let path = crate::escrow::default_path(data_dir);
    let escrow = match crate::escrow::Escrow::read(&path) {
        Ok(e) if e.matches(new) => format!("the key escrow {} already holds the new key", path.display()),
        Ok(e) => {
            let threshold = if e.threshold > 1 { format!(" --threshold {}", e.threshold) } else { String::new() };
            format!(
                "a new key escrow is needed: {} escrows the old key and no longer matches. Make a new one now:\n  clearpath keys escrow --to {}{threshold} --replace",
                path.display(),
                e.recipients.join(",")
            )
        }
        Err(_) => format!(
            "a new key escrow is needed: any escrow of the old key no longer matches. Make one now: clearpath keys escrow --to age1...[,age1...] [--threshold K] (it is written to {} by default)",
            path.display()
        ),
    };
    format!(
        "{escrow}\nmake a new backup now too (clearpath backup OUT): earlier backups open only with the old key, and restoring one cannot replay erasures made after this rotation"
    )
}

fn control_reply(resp: crate::control::Response) -> anyhow::Result<ExitCode> {
    if resp.ok {
        println!("{}", resp.message);
        Ok(ExitCode::SUCCESS)
    } else {
        bail!("the running process says: {}", resp.message)
    }
}

fn lang_from_env() -> Option<String> {
    let v = std::env::var("LC_ALL").ok().filter(|s| !s.is_empty()).or_else(|| std::env::var("LANG").ok())?;
    let base = v.split(['.', '@']).next()?.to_string();
    (!base.is_empty() && base != "C" && base != "POSIX").then_some(base)
}

/// The settings for this command: flag, then environment, then the settings file, then default.
fn resolve(flags: &Flags) -> anyhow::Result<Settings> {
    let s = Settings::load(flags, &crate::config::process_env)?;
    // Every store this command opens caches at most this much.
    crate::store::set_cache_mb(s.config.store.cache_mb.unwrap_or(crate::store::DEFAULT_CACHE_MB));
    Ok(s)
}

/// Loads and checks the flow and locales, opens the store. Refuses to run a flow with errors.
/// With `dev_key`, a missing master key means a development key in the data directory.
pub fn open_app(s: &Settings, flow_id: &str, dev_key: bool) -> anyhow::Result<App> {
    let (flow, mut locales) = load_checked(s, flow_id)?;
    if let Some(org) = &s.config.organisation {
        locales.set_global("org", crate::locale::Arg::Str(org.clone()));
    }
    let (key, origin) = s.master_key(dev_key)?;
    match &origin {
        Origin::DevCreated(p) => eprintln!(
            "clearpath: no master key configured; created a development key at {} (for trying clearpath only: in production set {} to a key kept off this disk)",
            p.display(),
            keyfile::ENV_FILE
        ),
        Origin::DevExisting(p) => tracing::info!(path = %p.display(), "using the development key"),
        _ => {}
    }
    let store = Store::open(&s.data_dir, key)
        .with_context(|| format!("opening the data directory {}", s.data_dir.display()))?;
    let mut app = App::new(flow, locales, store, s.retention);
    app.loaded_at = Some(crate::clock::now());
    Ok(app)
}

/// Loads the configured flow and locales and checks them; errors stop the program.
pub fn load_checked(s: &Settings, flow_id: &str) -> anyhow::Result<(Flow, Locales)> {
    let locales_tree = crate::data::resolve(s.locales.as_deref(), "locales");
    let (locales, mut diags) = Locales::load(&locales_tree);
    let (path, text) = flow_file(s.flows.as_deref(), flow_id)?;
    let (mut flow, load_diags) = flow::load_str(&path, &text);
    diags.extend(load_diags);
    diags.extend(flow::check::check(&flow, &locales));
    flow.languages = crate::locale::offered(&flow.languages, &locales, s.config.languages.offer).languages;
    if has_errors(&diags) {
        for d in &diags {
            eprintln!("{d}");
        }
        bail!("the flow or locales have errors (run `clearpath flows check`)");
    }
    for d in diags.iter().filter(|d| d.severity == Severity::Warning) {
        tracing::warn!("{}", d.headline());
    }
    Ok((flow, locales))
}

/// The flow files to read, as (path to show, text): the file given, every `*.toml` in the
/// directory given, or else in `./flows` (else the built-in copy). Every command that reads
/// flows reads them here.
fn flow_files(path: Option<&Path>) -> anyhow::Result<(Vec<(PathBuf, String)>, String)> {
    if let Some(p) = path.filter(|p| p.is_file()) {
        let text = std::fs::read_to_string(p).with_context(|| format!("reading {}", p.display()))?;
        return Ok((vec![(p.to_path_buf(), text)], p.display().to_string()));
    }
    let tree = crate::data::resolve(path, "flows");
    let files = tree.files("", "toml").with_context(|| format!("reading {}", tree.describe()))?;
    Ok((files.into_iter().map(|(rel, text)| (tree.display_path(&rel), text)).collect(), tree.describe()))
}

/// The flow `id` (the file `<id>.toml`) from [`flow_files`]; a file given by path is taken
/// whatever its name.
pub(crate) fn flow_file(path: Option<&Path>, id: &str) -> anyhow::Result<(PathBuf, String)> {
    let file = format!("{id}.toml");
    let (mut files, shown) = flow_files(path)?;
    if path.is_some_and(Path::is_file) {
        return files.pop().context("no flow file");
    }
    files
        .into_iter()
        .find(|(p, _)| p.file_name().is_some_and(|n| n == file.as_str()))
        .with_context(|| format!("no flow file {file} in {shown}"))
}

fn load_flow_for_tools(path: Option<&Path>) -> anyhow::Result<Flow> {
    let (p, text) = flow_file(path, "intake")?;
    let (flow, diags) = flow::load_str(&p, &text);
    if has_errors(&diags) {
        for d in &diags {
            eprintln!("{d}");
        }
        bail!("{} has errors", p.display());
    }
    Ok(flow)
}

/// `flows check`: prints every problem in every flow, then a summary line.
pub fn flows_check(path: Option<&Path>, locales: Option<&Path>) -> anyhow::Result<ExitCode> {
    let locales_tree = crate::data::resolve(locales, "locales");
    let (locales, mut diags) = Locales::load(&locales_tree);
    let (files, _) = flow_files(path)?;
    if files.is_empty() {
        bail!("no flow files (*.toml) found");
    }
    for (p, text) in &files {
        let (flow, load_diags) = flow::load_str(p, text);
        let had_load_errors = has_errors(&load_diags);
        diags.extend(load_diags);
        if !had_load_errors || !flow.steps.is_empty() {
            diags.extend(flow::check::check(&flow, &locales));
        }
    }
    dedup(&mut diags);
    for d in &diags {
        println!("{d}");
    }
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let warnings = diags.len() - errors;
    let names: Vec<String> = files.iter().map(|(p, _)| p.display().to_string()).collect();
    if errors == 0 {
        println!(
            "ok: {} checked against locales {} ({warnings} warning(s))",
            names.join(", "),
            locales.codes().join(", ")
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{errors} error(s), {warnings} warning(s) in {}", names.join(", "));
        Ok(ExitCode::from(exit::INVALID))
    }
}

/// `flows preview`: the flow and locales as `flows check` reads them (refused with their errors),
/// walked in memory.
fn flows_preview(
    path: Option<&Path>,
    locales: Option<&Path>,
    lang: Option<&str>,
    from: Option<&str>,
) -> anyhow::Result<ExitCode> {
    let flow = load_flow_for_tools(path)?;
    let (locales, mut diags) = Locales::load(&crate::data::resolve(locales, "locales"));
    diags.extend(flow::check::check(&flow, &locales));
    if has_errors(&diags) {
        for d in diags.iter().filter(|d| d.severity == Severity::Error) {
            eprint!("{d}");
        }
        eprintln!("clearpath: the flow or locales have errors (run `clearpath flows check`)");
        return Ok(ExitCode::from(exit::INVALID));
    }
    let start = match crate::preview::Start::new(&flow, lang, from) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("clearpath: {e}");
            return Ok(ExitCode::from(exit::USAGE));
        }
    };
    let stdin = std::io::stdin();
    let stdout = std::io::stdout();
    crate::preview::run(&flow, &locales, start, crate::clock::now, stdin.lock(), stdout.lock())?;
    Ok(ExitCode::SUCCESS)
}

/// Terminal mode seals each completed intake into `outbox/` in the data directory: to
/// `CLEARPATH_ATTORNEY_RECIPIENT` (age1...), or to a development attorney key it creates there.
fn chat_handoff(s: &Settings) -> anyhow::Result<crate::handoff::Handoff> {
    let data_dir = &s.data_dir;
    let (rules, diags) = crate::rules::Rules::load(&crate::data::resolve(s.rules.as_deref(), "rules"));
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        tracing::warn!("{}", d.headline());
    }
    let recipient = match std::env::var("CLEARPATH_ATTORNEY_RECIPIENT").ok().filter(|v| !v.is_empty()) {
        Some(r) => crate::handoff::recipient(&r)?,
        None => {
            let path = data_dir.join("dev-attorney.key");
            if !path.exists() {
                std::fs::create_dir_all(data_dir)?;
                crate::store::restrict_dir(data_dir)?;
                let (identity, _) = crate::handoff::keygen();
                crate::store::write_private(&path, secrecy::ExposeSecret::expose_secret(&identity).as_bytes())?;
                eprintln!(
                    "clearpath: completed intakes will be sealed to a development attorney key, {} (for trying clearpath only: set CLEARPATH_ATTORNEY_RECIPIENT to a real attorney's age1... key)",
                    path.display()
                );
            }
            crate::handoff::read_identity(&path)?.to_public()
        }
    };
    Ok(crate::handoff::Handoff {
        rules,
        recipient,
        outbox: data_dir.join("outbox"),
        lang: crate::locale::FALLBACK.into(),
    })
}

/// The bot token: `TELOXIDE_TOKEN` or `TELOXIDE_TOKEN_FILE`, not both.
fn token_from_env() -> anyhow::Result<secrecy::SecretString> {
    let inline = std::env::var("TELOXIDE_TOKEN").ok().filter(|v| !v.is_empty());
    let file = std::env::var_os("TELOXIDE_TOKEN_FILE").filter(|v| !v.is_empty());
    match (inline, file) {
        (Some(_), Some(_)) => bail!("both TELOXIDE_TOKEN and TELOXIDE_TOKEN_FILE are set; set only one"),
        (Some(t), None) => Ok(secrecy::SecretString::from(t)),
        (None, Some(f)) => {
            // Refused like a master key file that others can read (exit code 3).
            let t = keyfile::read_secret(Path::new(&f), "TELOXIDE_TOKEN_FILE: the bot token file")?;
            Ok(secrecy::SecretString::from(t.trim().to_string()))
        }
        (None, None) => bail!("no bot token: set TELOXIDE_TOKEN or TELOXIDE_TOKEN_FILE"),
    }
}

/// The application as `serve` runs it: flows, locales, the store, and the case desk.
fn serving_app(s: &Settings) -> anyhow::Result<App> {
    let mut app = open_app(s, "intake", false)?;
    let (rules, diags) = crate::rules::Rules::load(&crate::data::resolve(s.rules.as_deref(), "rules"));
    if has_errors(&diags) {
        bail!("the rules have errors (run `clearpath rules check`)");
    }
    let cfg = &s.config;
    app.desk = Some(crate::referral::Desk::new(
        rules,
        cfg.attorneys.clone(),
        cfg.telegram.admins.clone(),
        cfg.handoff.clone(),
        std::sync::Arc::new(crate::channel::telegram::DeskOutbound),
    ));
    if cfg.attorneys.is_empty() {
        tracing::warn!("no attorneys configured: completed cases wait until one enrols (clearpath attorney invite)");
    }
    // Conversations finish on the flow version they began on, across edits and restarts.
    let kept = app.keep_versions()?;
    if kept > 0 {
        tracing::info!(kept, "earlier flow versions kept for conversations in progress");
    }
    let src = crate::reload::Sources::of(s);
    app.reloader = Some(Box::new(move |app, now| crate::reload::reload(app, &src, "intake", now)));
    Ok(app)
}

/// A case-desk command: through the running bot's control socket, or directly when it is stopped.
fn desk_command(flags: &Flags, req: crate::control::Request) -> anyhow::Result<ExitCode> {
    let s = resolve(flags)?;
    if let Some(resp) = crate::control::request(&s.data_dir, &req) {
        return control_reply(resp?);
    }
    let app = serving_app(&s)?;
    let now = crate::clock::now();
    let done = match req {
        crate::control::Request::Quarantine { op } => {
            let retry = telegram_retry(s.config.telegram.clone());
            crate::control::quarantine(&app, &op, Some(&retry), now)
        }
        req => crate::control::desk_request(&app, req, now),
    };
    match done {
        Ok(m) => {
            println!("{m}");
            Ok(ExitCode::SUCCESS)
        }
        Err(m) => bail!("{m}"),
    }
}

/// How the Telegram channel handles a set-aside update again.
fn telegram_retry(cfg: crate::config::TelegramConfig) -> crate::control::Retry {
    std::sync::Arc::new(move |app, q, now| crate::channel::telegram::retry(app, &cfg, q, now))
}

/// Webhook mode's settings, the secret read from its file; `None` when polling.
fn webhook_settings(s: &Settings, asked: bool) -> anyhow::Result<Option<crate::channel::telegram::webhook::Settings>> {
    let cfg = &s.config.webhook;
    if !(asked || cfg.enabled) {
        return Ok(None);
    }
    let file = s.file.as_deref().map(|p| p.display().to_string()).unwrap_or_else(|| "no settings file".into());
    let w = cfg.resolve().map_err(|(setting, m)| anyhow::anyhow!("{file}: setting `{setting}`: {m}"))?;
    let secret = match crate::config::read_webhook_secret(&w.secret_token_file) {
        Ok(secret) => secret,
        // Refused like a bot token file that others can read (exit code 3).
        Err(crate::config::WebhookSecretError::File(e)) => return Err(e.into()),
        Err(e) => bail!("{e}"),
    };
    Ok(Some(crate::channel::telegram::webhook::Settings { listen: w.listen, url: w.url, secret, max_body: w.max_body }))
}

/// `serve`: the Telegram bot.
fn serve(flags: &Flags, webhook: bool) -> anyhow::Result<ExitCode> {
    let s = resolve(flags)?;
    let cfg = &s.config;
    let token = token_from_env()?;
    let webhook = webhook_settings(&s, webhook)?;
    let api_url = std::env::var("TELOXIDE_API_URL").ok().filter(|v| !v.is_empty());
    let app = std::sync::Arc::new(serving_app(&s)?);
    let _served = crate::control::serve(app.clone(), &s.data_dir, Some(telegram_retry(cfg.telegram.clone()))).ok();
    // Retention at start-up and daily.
    {
        let app = app.clone();
        std::thread::Builder::new().name("purge".into()).spawn(move || loop {
            match app.purge(crate::clock::now()) {
                Ok(p) => {
                    crate::metrics::get().retention_runs.inc();
                    tracing::info!("{}", crate::control::describe_purge(&p))
                }
                Err(e) => tracing::error!(error = %e, "retention purge failed"),
            }
            std::thread::sleep(std::time::Duration::from_secs(24 * 3600));
        })?;
    }
    if let Some(addr) = cfg.metrics.listen {
        let (app, fresh) = (app.clone(), 3 * i64::from(cfg.telegram.poll_timeout_secs) + 30);
        std::thread::Builder::new().name("metrics".into()).spawn(move || {
            match tokio::runtime::Builder::new_current_thread().enable_all().build() {
                Ok(rt) => {
                    if let Err(e) = rt.block_on(crate::metrics::serve(addr, app, fresh)) {
                        tracing::error!(error = %e, "health and metrics cannot listen");
                    }
                }
                Err(e) => tracing::error!(error = %e, "health and metrics cannot start"),
            }
        })?;
    }
    crate::reload::watch(app.clone(), std::sync::Arc::new(crate::reload::Sources::of(&s)), "intake".into())?;
    let bot = crate::channel::telegram::bot(&token, api_url.as_deref())?;
    tracing::info!("serving");
    crate::channel::telegram::run(app, cfg.telegram.clone(), bot, webhook)?;
    Ok(ExitCode::SUCCESS)
}

/// `rules check`: every problem in every file, every example screened, then each jurisdiction's
/// status.
pub fn rules_check(dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let (rules, mut diags) = load_rules_checked(dir);
    crate::diag::sort(&mut diags);
    for d in &diags {
        println!("{d}");
    }
    println!("{:<4} {:<22} {:<11} {:<13} routes", "code", "jurisdiction", "status", "reviewed");
    for (code, j) in &rules.by_code {
        let verified = j.routes.iter().filter(|r| r.status == crate::rules::model::Status::Verified).count();
        println!(
            "{code:<4} {:<22} {:<11} {:<13} {} ({verified} verified)",
            j.name,
            format!("{:?}", j.status).to_lowercase(),
            j.last_reviewed,
            j.routes.len()
        );
    }
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    let examples = crate::rules::run_examples(&rules).len();
    if errors == 0 {
        println!("ok: {} jurisdictions, {examples} examples screened as expected", rules.by_code.len());
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{errors} error(s) in the rules");
        Ok(ExitCode::from(exit::INVALID))
    }
}

/// The rules with every problem: loading, and each example that does not screen as it says.
pub(crate) fn load_rules_checked(dir: Option<&Path>) -> (crate::rules::Rules, Vec<Diagnostic>) {
    let tree = crate::data::resolve(dir, "rules");
    let (rules, mut diags) = crate::rules::Rules::load(&tree);
    for ex in crate::rules::run_examples(&rules) {
        if !ex.passed() {
            let (path, text) = rules.paths.get(&ex.code).cloned().unwrap_or_default();
            let needle = format!("name = \"{}\"", ex.name);
            let line = text.lines().position(|l| l.contains(&needle)).map(|i| i + 1).unwrap_or(1);
            let got = match &ex.got {
                Ok(o) => format!("screens as {o}"),
                Err(e) => format!("cannot be screened: {e}"),
            };
            diags.push(
                Diagnostic::error(
                    &path,
                    (line, 1),
                    "example",
                    format!("example \"{}\" expects {} for route {}, but {got}", ex.name, ex.expect, ex.route),
                )
                .about(ex.code.clone())
                .with_source(&text),
            );
        }
    }
    (rules, diags)
}

fn dedup(diags: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashSet::new();
    diags.retain(|d| seen.insert(d.headline()));
}

fn absolute(p: &Path) -> anyhow::Result<PathBuf> {
    if p.is_absolute() {
        return Ok(p.to_path_buf());
    }
    Ok(std::env::current_dir().context("the current directory")?.join(p))
}

/// `clearpath restore`: checks everything first (the key, the whole file, its age, the erasure
/// log), then restores, replays the erasures made since, and purges, so that the first start on
/// the restored directory serves nothing the retention periods or an erasure would have removed.
fn restore(
    s: &crate::config::Settings,
    key: crate::store::crypto::Key,
    input: &Path,
    erasures: Option<&Path>,
    without_log: bool,
) -> anyhow::Result<ExitCode> {
    use crate::store::backup::{self, BackupError};
    use crate::store::Keep;
    let dir = &s.data_dir;
    if dir.exists() && std::fs::read_dir(dir).with_context(|| format!("reading {}", dir.display()))?.next().is_some() {
        return Err(BackupError::NotEmpty(dir.clone()).into());
    }
    let open = || -> anyhow::Result<std::io::BufReader<std::fs::File>> {
        Ok(std::io::BufReader::new(std::fs::File::open(input).with_context(|| format!("opening {}", input.display()))?))
    };
    let manifest = backup::verify(open()?, input, &key)?;
    let now = crate::clock::now();
    let limit = s.retention.backup_days();
    if now.as_second() - manifest.created.as_second() > limit * 86_400 {
        return Err(BackupError::TooOld {
            path: input.to_path_buf(),
            made: manifest.created.strftime("%Y-%m-%d").to_string(),
            days: limit,
        }
        .into());
    }
    let log = match (erasures, without_log) {
        (Some(p), _) => Some(
            crate::store::erasures::read_file(p)?
                .ok_or_else(|| anyhow::anyhow!("{}: no erasure log there", p.display()))?,
        ),
        (None, true) => None,
        (None, false) => bail!(
            "give the erasure log that was beside the store (--erasures DATA_DIR/erasures, or its copy), so that survivors erased since the backup stay erased; only if it is lost, --without-erasure-log"
        ),
    };
    let todo = match (&log, &manifest.erasures) {
        (Some(l), Some(pos)) => {
            backup::erasures_since(l, pos, &key).map_err(|e| anyhow::anyhow!("{e}; nothing was restored"))?
        }
        _ => Vec::new(),
    };
    let restored = backup::restore(open()?, input, dir, &key)?;
    let store = Store::open(dir, key).with_context(|| format!("opening the restored store in {}", dir.display()))?;
    let again = store.replay_erasures(&todo)?;
    if let Some(p) = erasures {
        // The log goes on beside the restored store (same id, same numbering), so an older backup
        // can still be restored with it later.
        let text = std::fs::read(p).with_context(|| format!("reading {}", p.display()))?;
        crate::store::write_private(&crate::store::erasures::path(dir), &text)?;
    }
    let purged = store.purge(now, &s.retention)?;
    store.flush()?;
    println!("restored {} into {}: {}", input.display(), dir.display(), backup::describe(&restored));
    match (&log, todo.len()) {
        (None, _) => println!("no erasure log given: erasures made after the backup were not replayed"),
        (Some(_), 0) => println!("the erasure log has no erasure made after the backup"),
        (Some(_), n) => {
            println!("{n} erasure(s) made after the backup replayed ({again} of those survivors were in it)")
        }
    }
    println!("{}", s.describe_retention());
    println!("{}", crate::control::describe_purge(&purged));
    Ok(ExitCode::SUCCESS)
}
