//! Administrators' commands in their own chat: `/stats` (aggregate counts) and `/flowversion`
//! (the flow running). Only the chats configured as administrators' (the desk's `admins`, from the settings) reach
//! them: to anyone else these words are unknown commands, answered as any other (the channel
//! decides who is an administrator before anything else reads the update). An administrator's
//! chat is not a survivor's: it never enters a conversation.
//!
//! Nothing here is about one person: the counts come from aggregate counters (never from
//! sessions), are rounded, and small ones are not told ([`report`]).

mod report;

pub use report::{report, Sums};

use crate::app::App;
use jiff::Timestamp;

/// An administrator's command. One place reads them ([`AdminCommand::parse`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AdminCommand {
    /// `/stats`: started, consented, completed, exited and paused conversations, this week and in
    /// total, overall, per language and per jurisdiction.
    Stats,
    /// `/flowversion`: the flow's id, content hash, number of steps, the languages, and when it
    /// was loaded.
    FlowVersion,
    /// `/reload`: read the flows, locales and rules again, check them in full, and put them in
    /// force if they are valid (the diagnostics otherwise).
    Reload,
    /// Anything else an administrator sends that no other role takes: the list of commands.
    Help,
}

/// The commands, as an administrator's help.
pub const COMMANDS: &str = "Administrator commands: /stats (intake counts, rounded), /flowversion (the flow running), /reload (read the flows, locales and rules again; refused with the problems if they have errors).";

impl AdminCommand {
    /// A typed command's name, as the channel read it (`/stats@bot` -> `stats`); `None` for any
    /// word that is not an administrator's command (the chat may also be an attorney's).
    pub fn parse(name: &str) -> Option<AdminCommand> {
        match name {
            "stats" => Some(AdminCommand::Stats),
            "flowversion" => Some(AdminCommand::FlowVersion),
            "reload" => Some(AdminCommand::Reload),
            _ => None,
        }
    }
}

/// Whether this chat is a configured administrator's.
pub fn is_admin(app: &App, chat: i64) -> bool {
    app.desk.as_ref().is_some_and(|d| d.admins.contains(&chat))
}

/// An administrator's command; returns the reply text. Never fails: a store that cannot be read
/// is said so, and the cause goes to the log.
pub fn command(app: &App, cmd: AdminCommand, now: Timestamp) -> String {
    match cmd {
        AdminCommand::Stats => stats(app, now),
        AdminCommand::FlowVersion => flow_version(app),
        AdminCommand::Reload => match &app.reloader {
            Some(reload) => reload(app, now),
            None => "This process cannot reload (it was started without files to read again).".to_string(),
        },
        AdminCommand::Help => COMMANDS.to_string(),
    }
}

fn stats(app: &App, now: Timestamp) -> String {
    let counters = match app.store(|st| st.counters()) {
        Ok(c) => c,
        Err(e) => {
            tracing::error!(error = %e.kind(), "the counters could not be read");
            return "The counts cannot be read just now (the log says why); please try again later.".to_string();
        }
    };
    let mut readable = Vec::new();
    let mut unreadable = 0;
    for c in counters {
        match c {
            Ok(c) => readable.push(c),
            Err(e) => {
                tracing::error!(error = %e.kind(), "a week's counters do not open; left out of /stats");
                unreadable += 1;
            }
        }
    }
    let week = crate::stats::week(now);
    let mut sums = Sums::of(&readable, &week);
    sums.unreadable = unreadable;
    let content = app.content();
    let languages: Vec<(String, String)> = content
        .flow
        .languages
        .iter()
        .map(|code| {
            let name = content.locales.get(code).map_or_else(|| code.clone(), |l| l.name.clone());
            (code.clone(), name)
        })
        .collect();
    report(&sums, &week, &languages)
}

fn flow_version(app: &App) -> String {
    let content = app.content();
    let f = &content.flow;
    let loaded = match (content.reloaded_at, app.loaded_at) {
        (Some(t), _) => format!("{} (reloaded)", t.strftime("%Y-%m-%d %H:%M:%S UTC")),
        (None, Some(t)) => format!("{} (process start)", t.strftime("%Y-%m-%d %H:%M:%S UTC")),
        (None, None) => "not known".to_string(),
    };
    let kept = app.kept_versions();
    let kept = if kept.is_empty() { "none".to_string() } else { kept.join(", ") };
    format!(
        "Flow: {}\nContent hash: {}\nSteps: {}\nLanguages: {}\nLocales loaded: {}\nLoaded: {loaded}\nEarlier versions kept for conversations in progress: {kept}",
        f.id,
        f.hash,
        f.steps.len(),
        f.languages.join(", "),
        content.locales.codes().join(", "),
    )
}
