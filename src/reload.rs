//! Live reload for `serve`: on a change under the flows, locales or rules directories (watched
//! every second), on SIGHUP, or on an administrator's `/reload`, the files are read again and
//! checked in full (what `clearpath check` checks, the flow tests included). Valid, they are put in
//! force at once (`App::reload`): new conversations start on the new flow, conversations in
//! progress finish on the version they began on unless the new one is the same where they stand,
//! and wording and rules apply to everyone from their next message. Invalid, they are refused, the
//! old version keeps serving, and the administrators are sent the problems.

use crate::app::App;
use crate::config::Settings;
use crate::diag::Severity;
use jiff::Timestamp;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// The directories a reload reads: each as configured, else `./<name>` when it exists. The copy
/// built into the binary never changes, so it is not watched.
pub struct Sources {
    pub flows: Option<PathBuf>,
    pub locales: Option<PathBuf>,
    pub rules: Option<PathBuf>,
    /// Which languages are offered (`[languages] offer`), applied to each flow reloaded.
    pub offer: crate::locale::Offer,
}

impl Sources {
    pub fn of(s: &Settings) -> Sources {
        let local = |given: &Option<PathBuf>, name: &str| {
            given.clone().or_else(|| Path::new(name).is_dir().then(|| PathBuf::from(name)))
        };
        Sources {
            flows: local(&s.flows, "flows"),
            locales: local(&s.locales, "locales"),
            rules: local(&s.rules, "rules"),
            offer: s.config.languages.offer,
        }
    }

    fn dirs(&self) -> Vec<&Path> {
        [&self.flows, &self.locales, &self.rules].into_iter().flatten().map(PathBuf::as_path).collect()
    }
}

/// Reads, checks and reloads; returns what to tell the administrators.
pub fn reload(app: &App, src: &Sources, flow_id: &str, now: Timestamp) -> String {
    let g = match crate::check::gather(src.flows.as_deref(), src.locales.as_deref(), src.rules.as_deref()) {
        Ok(g) => g,
        Err(e) => {
            return format!("Reload refused: the files could not be read ({e:#}). The version in force keeps serving.")
        }
    };
    let errors: Vec<String> = g.diags.iter().filter(|d| d.severity == Severity::Error).map(|d| d.headline()).collect();
    if !errors.is_empty() {
        return refused(&errors);
    }
    let Some(mut flow) = g.flows.into_iter().find(|f| f.id == flow_id) else {
        return refused(&[format!("no flow \"{flow_id}\" in the flows directory")]);
    };
    flow.languages = crate::locale::offered(&flow.languages, &g.locales, src.offer).languages;
    match app.reload(flow, g.locales, Some(g.rules), now) {
        Ok(r) if r.old_hash == r.new_hash => {
            format!("Reloaded: the flow is unchanged ({}); wording and rules are in force now.", r.new_hash)
        }
        Ok(r) => format!(
            "Reloaded: flow {} is in force for new conversations (was {}). Conversations in progress finish on the version they began on unless it is the same where they stand; {} earlier version(s) kept. Wording and rules are in force for everyone now.",
            r.new_hash, r.old_hash, r.kept
        ),
        Err(problems) => refused(&problems),
    }
}

fn refused(problems: &[String]) -> String {
    let mut text = format!(
        "Reload refused: {} problem(s). The version in force keeps serving. Run `clearpath check` for the details.\n",
        problems.len()
    );
    for p in problems.iter().take(20) {
        text.push_str("\n- ");
        text.push_str(p);
    }
    if problems.len() > 20 {
        text.push_str(&format!("\n- ... and {} more", problems.len() - 20));
    }
    text
}

/// What the watched directories hold: each file's path, size and modification time.
fn fingerprint(dirs: &[&Path]) -> Vec<(PathBuf, u64, Option<SystemTime>)> {
    fn walk(dir: &Path, out: &mut Vec<(PathBuf, u64, Option<SystemTime>)>) {
        let Ok(entries) = std::fs::read_dir(dir) else { return };
        for e in entries.flatten() {
            let p = e.path();
            match e.metadata() {
                Ok(m) if m.is_dir() => walk(&p, out),
                Ok(m) => out.push((p, m.len(), m.modified().ok())),
                Err(_) => {}
            }
        }
    }
    let mut out = Vec::new();
    for d in dirs {
        walk(d, &mut out);
    }
    out.sort();
    out
}

/// Starts the watcher: a thread that reloads on SIGHUP and when the files change (checked every
/// second; a burst of saves is reloaded once it has been still for a second), and tells the
/// administrators each result.
pub fn watch(app: Arc<App>, src: Arc<Sources>, flow_id: String) -> std::io::Result<()> {
    std::thread::Builder::new().name("reload".into()).spawn(move || {
        let rt = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
            Ok(rt) => rt,
            Err(e) => {
                tracing::error!(error = %e, "the reload watcher cannot start; reload with /reload");
                return;
            }
        };
        rt.block_on(async move {
            use tokio::signal::unix::{signal, SignalKind};
            let mut hup = match signal(SignalKind::hangup()) {
                Ok(s) => Some(s),
                Err(e) => {
                    tracing::error!(error = %e, "SIGHUP cannot be handled; files are still watched");
                    None
                }
            };
            let dirs: Vec<PathBuf> = src.dirs().into_iter().map(Path::to_path_buf).collect();
            let refs = |d: &[PathBuf]| -> Vec<(PathBuf, u64, Option<SystemTime>)> {
                fingerprint(&d.iter().map(PathBuf::as_path).collect::<Vec<_>>())
            };
            let mut seen = refs(&dirs);
            let mut tick = tokio::time::interval(Duration::from_secs(1));
            loop {
                let why = tokio::select! {
                    Some(()) = async { match hup.as_mut() { Some(h) => h.recv().await, None => std::future::pending().await } } => "SIGHUP",
                    _ = tick.tick() => {
                        let now = refs(&dirs);
                        if now == seen {
                            continue;
                        }
                        // Wait for the editor to finish writing: still for one more second.
                        tokio::time::sleep(Duration::from_secs(1)).await;
                        let settled = refs(&dirs);
                        if settled != now {
                            continue;
                        }
                        "a change to the files"
                    }
                };
                seen = refs(&dirs);
                let (app2, src2, id) = (app.clone(), src.clone(), flow_id.clone());
                let text = tokio::task::spawn_blocking(move || {
                    let now = crate::clock::now();
                    let text = reload(&app2, &src2, &id, now);
                    crate::referral::alert_admins(&app2, &text, now);
                    text
                })
                .await
                .unwrap_or_else(|_| "the reload failed unexpectedly".to_string());
                tracing::info!(trigger = why, result = %text.lines().next().unwrap_or(""), "reload");
            }
        });
    })?;
    Ok(())
}
