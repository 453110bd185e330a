//! The Telegram channel: the only module that imports teloxide.
//!
//! Updates come through clearpath's own long-polling loop (teloxide's dispatcher confirms an
//! update when it fetches the next batch, before it is handled): a batch is handled, its state
//! changes and the replies it causes are written to the store's outbox and flushed, and only then
//! is the next offset sent. Update ids already handled are skipped. Updates of one chat are
//! handled in order, different chats concurrently.
//!
//! Replies leave through the durable outbox (see [`sender`]), per chat, so one chat waiting out a
//! 429 never holds up the others or the offset.

pub mod api;
pub mod sender;

use crate::app::{App, Handled};
use crate::channel::callback::Callback;
use crate::config::{TelegramConfig, Wipe};
use crate::engine::{Command, Input, PromptKind};
use crate::render::{resolve_text, InfoKind, Out, OutPrompt};
use crate::store::{ChatLog, OutboxEntry, Subject};
use jiff::Timestamp;
use secrecy::{ExposeSecret, SecretString};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use teloxide::prelude::Requester;
use teloxide::types::{Update, UpdateKind};
use teloxide::Bot;

/// How long a handled update id is remembered (Telegram restarts ids after a quiet week).
const INBOX_DAYS: i64 = 8;
/// Bots may delete messages in private chats for 48 hours.
const DELETABLE_SECS: i64 = 48 * 3600 - 300;

/// Telegram's limit on one message's text.
pub const TELEGRAM_LIMIT: usize = 4096;

/// What the outbox holds for Telegram, as JSON inside a sealed outbox entry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Payload {
    Send {
        text: String,
        /// Rows of (label, callback data).
        #[serde(default)]
        buttons: Vec<Vec<(String, String)>>,
        /// Forwarding and saving blocked: true for everything sent to a survivor.
        protect: bool,
    },
    Delete {
        ids: Vec<i64>,
    },
    /// A bot message rewritten: the neutral text on exit, or the next question in place of the
    /// one just answered (with its buttons).
    Edit {
        id: i64,
        text: String,
        #[serde(default)]
        buttons: Vec<Vec<(String, String)>>,
    },
    /// A multiple-choice question's buttons, after a tick was toggled.
    EditButtons {
        id: i64,
        buttons: Vec<Vec<(String, String)>>,
    },
    /// No longer written: presses are acknowledged directly, outside the outbox (see
    /// `handle_batch`). Still delivered if an outbox written by an older version holds one.
    AnswerCallback {
        id: String,
    },
    /// A file for an attorney (the sealed case): never protected, so it can be saved.
    Document {
        name: String,
        text: String,
    },
}

/// Builds the bot: the token from `TELOXIDE_TOKEN` or `TELOXIDE_TOKEN_FILE`, the API from
/// `TELOXIDE_API_URL` (a self-hosted Bot API server or a test double).
pub fn bot(token: &SecretString, api_url: Option<&str>) -> anyhow::Result<Bot> {
    // teloxide's client settings, but never following a redirect: the Bot API does not redirect,
    // and every request URL carries the token (the policy also cost a URL parse per request).
    let client = teloxide::net::default_reqwest_settings().redirect(reqwest::redirect::Policy::none()).build()?;
    let bot = Bot::with_client(token.expose_secret(), client);
    Ok(match api_url {
        Some(u) => {
            bot.set_api_url(reqwest::Url::parse(u).map_err(|e| anyhow::anyhow!("TELOXIDE_API_URL is not a URL: {e}"))?)
        }
        None => bot,
    })
}

/// Runs the bot until SIGTERM or SIGINT.
pub fn run(app: Arc<App>, cfg: TelegramConfig, bot: Bot) -> anyhow::Result<()> {
    // A panic is contained to its update (see `handle_logged`), but the default hook would print
    // its message, which can quote whatever the code was looking at: log where, never what.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(at = %at, "a panic (its message is not logged)");
    }));
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(serve(app, cfg, bot))
}

async fn shutdown_signal() {
    use tokio::signal::unix::{signal, SignalKind};
    // Without a handler for one of them (which the OS does not refuse in practice), the other
    // still stops the bot; with neither, it runs until killed.
    let wait = |kind: SignalKind| async move {
        match signal(kind) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "a stop signal cannot be handled");
                std::future::pending::<()>().await;
            }
        }
    };
    tokio::select! {
        _ = wait(SignalKind::terminate()) => {}
        _ = wait(SignalKind::interrupt()) => {}
    }
}

pub async fn serve(app: Arc<App>, cfg: TelegramConfig, bot: Bot) -> anyhow::Result<()> {
    let (stop_tx, stop_rx) = tokio::sync::watch::channel(false);
    tokio::spawn(async move {
        shutdown_signal().await;
        tracing::info!("stopping: finishing the batch in hand");
        let _ = stop_tx.send(true);
    });
    // The command menu is not needed to serve: set it alongside, so that an unreachable Bot API
    // at start-up neither delays the first update nor a stop (each try may wait 17 s).
    {
        let (bot, app, mut stop) = (bot.clone(), app.clone(), stop_rx.clone());
        tokio::spawn(async move {
            tokio::select! {
                _ = set_commands(&bot, &app) => {}
                _ = stop.changed() => {}
            }
        });
    }
    // The case desk: at start-up (cases a crash left unrouted, offers that lapsed while stopped),
    // then every minute.
    if app.desk.is_some() {
        if let Err(e) = crate::referral::revoked_in_config(&app, crate::clock::now()) {
            tracing::error!(error = %e, "the configured attorneys could not be checked against revocations");
        }
        let app = app.clone();
        let mut stop = stop_rx.clone();
        tokio::spawn(async move {
            loop {
                let a = app.clone();
                match tokio::task::spawn_blocking(move || crate::referral::sweep(&a, crate::clock::now())).await {
                    Ok(Ok(s)) if s != Default::default() => tracing::info!("{}", crate::referral::describe(&s)),
                    Ok(Err(e)) => tracing::error!(error = %e, "case sweep failed"),
                    _ => {}
                }
                tokio::select! {
                    _ = stop.changed() => return,
                    _ = tokio::time::sleep(std::time::Duration::from_secs(60)) => {}
                }
            }
        });
    }
    // The audit log's head to the administrators at start-up and daily, so that a log cut from
    // its end shows against a note kept outside the database (revocations send it too).
    if app.desk.is_some() {
        let (app, mut stop) = (app.clone(), stop_rx.clone());
        tokio::spawn(async move {
            loop {
                let a = app.clone();
                let _ =
                    tokio::task::spawn_blocking(move || crate::audit::publish_head(&a, "daily", crate::clock::now()))
                        .await;
                tokio::select! {
                    _ = stop.changed() => return,
                    _ = tokio::time::sleep(crate::audit::head_interval()) => {}
                }
            }
        });
    }
    // Replies a crash left behind for inputs that never counted as applied: those inputs come
    // again and are answered again, so these would go out twice.
    match app.store(|s| s.drop_unapplied()) {
        Ok(0) => {}
        Ok(n) => tracing::info!(dropped = n, "replies to inputs not applied before a crash dropped"),
        Err(e) => tracing::error!(error = %e, "outbox unreadable at start-up"),
    }
    // Conversations left in progress by the last run, so that they too are paused when idle.
    {
        let a = app.clone();
        match tokio::task::spawn_blocking(move || watch_active(&a)).await {
            Ok(Ok(n)) if n > 0 => tracing::info!(conversations = n, "conversations in progress watched for idleness"),
            Ok(Err(e)) => tracing::error!(error = %e.kind(), "conversations in progress could not be listed"),
            _ => {}
        }
    }
    let wake = Arc::new(tokio::sync::Notify::new());
    let api = api::Api::new(bot.clone());
    let sender = tokio::spawn(sender::run(api.clone(), app.clone(), cfg.clone(), wake.clone(), stop_rx.clone()));
    let mut stop = stop_rx.clone();
    // Where the last run got to: every update at or below it was handled and flushed, so it is
    // confirmed to Telegram at once and skipped if it is ever offered again.
    let mut done_through: Option<u64> = match app.store(|s| s.progress(CHANNEL)) {
        Ok(Some((id, at))) if fresh(at, crate::clock::now()) => Some(id),
        Ok(_) => None,
        Err(e) => {
            tracing::error!(error = %e, "the record of handled updates does not open; relying on per-chat marks");
            None
        }
    };
    let mut offset: i64 = done_through.map(|id| id as i64 + 1).unwrap_or(0);
    let mut failures: u32 = 0;
    loop {
        if *stop.borrow() {
            break;
        }
        let request = api.get_updates(offset, cfg.poll_timeout_secs, &["message", "callback_query", "edited_message"]);
        let updates = tokio::select! {
            _ = stop.changed() => break,
            r = request => r,
        };
        let updates = match updates {
            Ok(u) => {
                failures = 0;
                u
            }
            Err(e) => {
                failures += 1;
                tracing::warn!(error = ?e, failures, "getUpdates failed; retrying");
                // Every survivor waits while polling fails: short, jittered waits, as for sends.
                let wait = std::time::Duration::from_millis(sender::backoff_ms(failures).unsigned_abs());
                tokio::select! {
                    _ = stop.changed() => break,
                    _ = tokio::time::sleep(wait) => continue,
                }
            }
        };
        // Between batches (at least once a long poll): conversations left idle are paused, on
        // this task, so that no update of theirs is being handled meanwhile.
        let paused = pause_idle(&app, &cfg, crate::clock::now()) > 0;
        if updates.is_empty() {
            // (A batch flushes its own writes, the pauses' with them; a quiet poll only when it
            // paused a conversation, and the wipe may then go.)
            if paused {
                let _ = app.store(|s| s.flush());
                wake.notify_one();
            }
            continue;
        }
        let started = std::time::Instant::now();
        let next = updates.iter().map(|u| u.id.0 as i64 + 1).max().unwrap_or(offset);
        let newest = updates.iter().map(|u| u.id.0 as u64).max();
        // An update at or below the mark was handled in an earlier batch: Telegram offers it again
        // only when a confirmation was lost, and it must change nothing and send nothing twice.
        let updates: Vec<Update> =
            updates.into_iter().filter(|u| done_through.is_none_or(|d| u.id.0 as u64 > d)).collect();
        let count = updates.len();
        handle_batch(&app, &cfg, &api, &wake, updates).await;
        let handled_us = started.elapsed().as_micros() as u64;
        // Every update of the batch is now handled or set aside: the mark moves with the batch's
        // flush (written before it, so durable with it).
        if let Some(n) = newest.filter(|n| done_through.is_none_or(|d| *n > d)) {
            match app.store(|s| s.set_progress(CHANNEL, n, crate::clock::now())) {
                Ok(()) => done_through = Some(n),
                Err(e) => tracing::error!(error = %e, "could not record the handled updates"),
            }
        }
        // The fsync waits on the disk: off the async workers, which meanwhile keep sending.
        let a = app.clone();
        let flushed = tokio::task::spawn_blocking(move || a.store(|s| s.flush()))
            .await
            .unwrap_or_else(|e| Err(crate::store::StoreError::Io(std::io::Error::other(e.to_string()))));
        if let Err(e) = flushed {
            tracing::error!(error = %e, "flush failed; the batch will be offered again");
            continue;
        }
        offset = next;
        wake.notify_one();
        tracing::debug!(
            updates = count,
            handled_us,
            elapsed_us = started.elapsed().as_micros() as u64,
            "batch handled and flushed"
        );
    }
    let _ = app.store(|s| s.flush());
    wake.notify_one();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), sender).await;
    // What the sender recorded last (it does not fsync each round).
    let _ = app.store(|s| s.flush());
    tracing::info!("stopped");
    Ok(())
}

/// Handles a batch: each chat's updates in order; the chats of a larger batch in parallel on
/// worker threads. (Handling is short CPU work, no network: what must never wait on another
/// chat is sending, which the sender does per chat.)
async fn handle_batch(
    app: &Arc<App>,
    cfg: &TelegramConfig,
    api: &api::Api,
    wake: &Arc<tokio::sync::Notify>,
    updates: Vec<Update>,
) {
    // Every button press is acknowledged at once, straight to Telegram (the button stops
    // spinning), even in a chat that is waiting out a rate limit. The acknowledgement carries
    // nothing of the survivor's and losing it loses nothing, so it skips the sealed outbox: no
    // record to seal, write and remove for it. Answering a press twice (after a restart) only
    // earns an error from Telegram.
    for u in &updates {
        if let UpdateKind::CallbackQuery(q) = &u.kind {
            let (api, id) = (api.clone(), q.id.clone());
            tokio::spawn(async move {
                if let Err(e) = api.answer_callback(&id.0).await {
                    tracing::debug!(error = ?e, "a button press was not acknowledged");
                }
            });
        }
    }
    let mut by_chat: BTreeMap<i64, Vec<Update>> = BTreeMap::new();
    let mut other = Vec::new();
    for u in updates {
        match chat_of(&u) {
            Some(c) => by_chat.entry(c).or_default().push(u),
            None => other.push(u),
        }
    }
    for u in other {
        handle_one(app, cfg, u);
    }
    // A batch from a few chats (the usual case, even under load: most batches hold one to three
    // updates) is handled right here: handing it to worker threads cost more in wake-ups than
    // it saved (BENCHMARKS.md, session 6).
    if by_chat.len() <= INLINE_CHATS {
        for (chat, ups) in by_chat {
            handle_chat(app, cfg, chat, ups);
            wake.notify_one();
        }
        return;
    }
    // A few workers take chats from the batch, each chat's updates in order. More threads than
    // cores only contend.
    let workers = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(2).clamp(2, 8).min(by_chat.len());
    let queue = Arc::new(std::sync::Mutex::new(by_chat.into_iter().collect::<Vec<_>>()));
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..workers {
        let (app, cfg, queue, wake) = (app.clone(), cfg.clone(), queue.clone(), wake.clone());
        tasks.spawn_blocking(move || loop {
            let next = queue.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let Some((chat, ups)) = next else { return };
            handle_chat(&app, &cfg, chat, ups);
            // This chat's replies are in the outbox: the sender may take them now, without
            // waiting for the rest of the batch and its flush (sending is at least once: a crash
            // before the flush offers the updates again and the replies go out twice).
            wake.notify_one();
        });
    }
    while tasks.join_next().await.is_some() {}
}

/// One chat's updates of a batch, in order. Before each, the ids of the chat's earlier ones in the
/// batch are marked as seen: their mark rides in the session, and an update that erases the
/// session (a declined consent, `/delete`) would take it along, so that after a crash before the
/// batch's flush they would be answered again.
pub fn handle_chat(app: &App, cfg: &TelegramConfig, chat: i64, ups: Vec<Update>) {
    let mut previous: Option<u64> = None;
    for u in ups {
        if let Some(id) = previous {
            let expires = crate::clock::now() + jiff::SignedDuration::from_hours(24 * INBOX_DAYS);
            if let Err(e) = app.store(|s| s.mark_seen(id, expires)) {
                tracing::warn!(error = %e.kind(), "an update could not be marked as seen");
            }
        }
        previous = Some(u.id.0 as u64);
        handle_logged(app, cfg, chat, u);
    }
}

/// Handles one update as the polling loop does, outside any batch: an update of a private chat
/// goes to that chat's conversation (every failure contained, see [`handle_logged`]); anything
/// else (a group, a channel post, a kind never asked for, one that did not read) is only marked
/// as seen, and answered with nothing.
pub fn handle_one(app: &App, cfg: &TelegramConfig, u: Update) {
    match chat_of(&u) {
        Some(chat) => handle_logged(app, cfg, chat, u),
        None => {
            let expires = crate::clock::now() + jiff::SignedDuration::from_hours(24 * INBOX_DAYS);
            if let Err(e) = app.store(|s| s.mark_seen(u.id.0 as u64, expires)) {
                tracing::warn!(error = %e.kind(), "an ignored update could not be marked as seen");
            }
            tracing::debug!(kind = kind_name(&u), "ignored update");
        }
    }
}

/// Batches from at most this many chats are handled on the polling task itself.
const INLINE_CHATS: usize = 4;

/// Pauses every watched conversation idle for `idle_pause_minutes`, as if the survivor had sent
/// /exit: locked (the resume code, if set, is asked at the next input), and wiped from the phone
/// as an exit is. Returns how many were paused. Not flushed: the caller flushes.
pub fn pause_idle(app: &App, cfg: &TelegramConfig, now: Timestamp) -> usize {
    let idle = jiff::SignedDuration::from_mins(cfg.idle_pause_minutes);
    let due: Vec<(Subject, i64)> = {
        let mut active = app.active.lock().unwrap_or_else(|p| p.into_inner());
        let due: Vec<(Subject, i64)> =
            active.iter().filter(|(_, (_, at))| *at + idle <= now).map(|(s, (chat, _))| (*s, *chat)).collect();
        for (s, _) in &due {
            active.remove(s);
        }
        due
    };
    let mut paused = 0;
    for (who, chat) in due {
        match pause_chat(app, cfg, chat, &who, now) {
            Ok(true) => paused += 1,
            Ok(false) => {}
            Err(e) => tracing::error!(error = %e.kind(), "an idle conversation could not be paused"),
        }
    }
    if paused > 0 {
        tracing::info!(paused, "idle conversations paused");
    }
    paused
}

/// Pauses one conversation as /exit does, if it is still in progress. Returns whether it was.
fn pause_chat(
    app: &App,
    cfg: &TelegramConfig,
    chat: i64,
    who: &Subject,
    now: Timestamp,
) -> Result<bool, crate::store::StoreError> {
    let loaded = app.store(|s| s.load_session(who));
    if !matches!(&loaded, Ok(Some(s)) if s.status == crate::engine::Status::Active) {
        return Ok(false);
    }
    let _held = app.chat_lock(who);
    let mut log = app.store(|s| s.load_log(who)).unwrap_or_default();
    let original = log.clone();
    app.handle_with(who, Input::cmd(Command::Exit), now, None, false, Some(loaded), |h| {
        let words = Words::new(app, &h.lang);
        let (entries, log) = deliver(cfg, chat, h, &mut log, None, false, now, &words);
        (entries, log.filter(|l| *l != original))
    })?;
    Ok(true)
}

/// At start-up: every conversation still in progress, with its chat (from its chat log), is
/// watched for idleness from now on.
fn watch_active(app: &App) -> Result<usize, crate::store::StoreError> {
    let mut found = Vec::new();
    for who in app.store(|s| s.subjects())? {
        let Ok(Some(session)) = app.store(|s| s.load_session(&who)) else { continue };
        if session.status != crate::engine::Status::Active {
            continue;
        }
        let Ok(log) = app.store(|s| s.load_log(&who)) else { continue };
        if let Some(chat) = log.chat.as_deref().and_then(|c| c.parse::<i64>().ok()) {
            // Idle since its last input: one left idle while the bot was stopped is paused at once.
            found.push((who, (chat, session.updated_at)));
        }
    }
    let n = found.len();
    app.active.lock().unwrap_or_else(|p| p.into_inner()).extend(found);
    Ok(n)
}

/// The channel's name in the store's records of progress.
const CHANNEL: &str = "telegram";

/// Whether a mark of handled updates still counts: Telegram restarts update ids at random after a
/// week without updates, which cannot have happened since a mark under six days old.
fn fresh(at: Timestamp, now: Timestamp) -> bool {
    now.as_second() - at.as_second() < 6 * 86_400
}

/// Why handling one update failed, as a kind: never the error's text, which could quote a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Failed {
    Panic,
    Store(&'static str),
}

impl Failed {
    fn kind(self) -> &'static str {
        match self {
            Failed::Panic => "panic",
            Failed::Store(k) => k,
        }
    }
}

/// Handles one update, containing any failure to it: an error or a panic is tried once more,
/// then the update is set aside (see [`set_aside`]) and the chat told to send it again. Nothing
/// here can stop the batch, the polling loop or any other chat.
fn handle_logged(app: &App, cfg: &TelegramConfig, chat: i64, u: Update) {
    let kind = kind_name(&u);
    let started = std::time::Instant::now();
    let mut failed = Failed::Panic;
    for attempt in 1..=2u32 {
        let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            handle_update(app, cfg, chat, u.clone(), crate::clock::now())
        }));
        match outcome {
            Ok(Ok(())) => {
                tracing::debug!(kind, elapsed_us = started.elapsed().as_micros() as u64, "update handled");
                return;
            }
            Ok(Err(e)) => failed = Failed::Store(e.kind()),
            Err(_) => failed = Failed::Panic,
        }
        tracing::warn!(kind, failure = failed.kind(), attempt, "an update could not be handled");
    }
    set_aside(app, chat, &u, failed, crate::clock::now());
}

/// Sets a failing update aside: sealed under its survivor's data key (so `/delete` and the
/// retention purge erase it like the rest), marked handled so that it is not offered again, the
/// chat told calmly to send it again, and the administrators told the kind of failure only.
fn set_aside(app: &App, chat: i64, u: &Update, failed: Failed, now: Timestamp) {
    let id = u.id.0 as u64;
    let expires = now + jiff::SignedDuration::from_hours(24 * INBOX_DAYS);
    let who = match subject(app, chat) {
        Ok(w) => w,
        Err(e) => {
            tracing::error!(error = %e.kind(), "an update could not be set aside; the store is unavailable");
            return;
        }
    };
    // The survivor's language if their session opens, else what Telegram says, else English.
    let lang = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        app.store(|s| s.load_session(&who)).ok().flatten().map(|s| s.lang().to_string())
    }))
    .ok()
    .flatten()
    .or_else(|| user_language(u).filter(|l| app.flow.languages.iter().any(|x| x == l)))
    .unwrap_or_else(|| crate::locale::FALLBACK.to_string());
    let text = app.locales.format(&lang, "error-retry", &[]);
    let protect = crate::referral::attorney_by_chat(app, chat).is_none();
    let notice = entries(chat, now, [Payload::Send { text, buttons: vec![], protect }]);
    let q = crate::store::Quarantined {
        id,
        channel: CHANNEL.to_string(),
        chat: chat.to_string(),
        failure: failed.kind().to_string(),
        at: now,
        update: freeze(u),
    };
    match app.store(|s| s.quarantine(&who, &q, expires, notice)) {
        Ok(()) => tracing::error!(failure = failed.kind(), update = id, "an update was set aside after two failures"),
        Err(e) => {
            tracing::error!(failure = failed.kind(), error = %e.kind(), "an update could not be set aside; skipped");
            let _ = app.store(|s| s.mark_seen(id, expires));
        }
    }
    if app.desk.is_some() {
        crate::referral::alert_admins(
            app,
            &format!(
                "An update could not be handled ({}) and was set aside; the person was asked to send it again. See `clearpath quarantine list`.",
                failed.kind()
            ),
            now,
        );
    }
}

/// An update as text, to keep. (Not as a `serde_json::Value`: teloxide's `Update` flattens its
/// kind, which reads back from text but not from a `Value`.)
fn freeze(u: &Update) -> String {
    serde_json::to_string(u).unwrap_or_default()
}

/// An update kept by [`freeze`]; `None` if it no longer reads as one.
fn thaw(s: &str) -> Option<Update> {
    let u: Update = serde_json::from_str(s).ok()?;
    (!matches!(u.kind, UpdateKind::Error(_))).then_some(u)
}

/// The language Telegram reports for the sender of an update.
fn user_language(u: &Update) -> Option<String> {
    let from = match &u.kind {
        UpdateKind::Message(m) | UpdateKind::EditedMessage(m) => m.from.as_ref(),
        UpdateKind::CallbackQuery(q) => Some(&q.from),
        _ => None,
    }?;
    let code = from.language_code.as_deref()?;
    Some(code.split(['-', '_']).next().unwrap_or(code).to_ascii_lowercase())
}

/// Handles a set-aside update again (`clearpath quarantine retry`): as if it had just arrived,
/// except that its id was already marked handled.
pub fn retry(app: &App, cfg: &TelegramConfig, q: &crate::store::Quarantined, now: Timestamp) -> Result<(), String> {
    let u = thaw(&q.update).ok_or_else(|| "the update no longer reads".to_string())?;
    let chat: i64 = q.chat.parse().map_err(|_| "the update's chat does not read".to_string())?;
    let outcome =
        std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| handle_update_as(app, cfg, chat, u, now, true)));
    match outcome {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(format!("it failed again ({})", e.kind())),
        Err(_) => Err("it failed again (panic)".to_string()),
    }
}

fn chat_of(u: &Update) -> Option<i64> {
    match &u.kind {
        UpdateKind::Message(m) | UpdateKind::EditedMessage(m) if m.chat.is_private() => Some(m.chat.id.0),
        // The bot's buttons are only ever in private chats: a press anywhere else is not ours.
        UpdateKind::CallbackQuery(q) => match &q.message {
            Some(m) if m.chat().is_private() => Some(m.chat().id.0),
            Some(_) => None,
            None => Some(q.from.id.0 as i64),
        },
        _ => None,
    }
}

fn kind_name(u: &Update) -> &'static str {
    match &u.kind {
        UpdateKind::Message(m) if m.text().is_some() => "text",
        UpdateKind::Message(_) => "other_message",
        UpdateKind::EditedMessage(_) => "edited_message",
        UpdateKind::CallbackQuery(_) => "callback",
        _ => "other",
    }
}

/// What an update means for the conversation.
struct Incoming {
    input: Option<Input>,
    /// The survivor's own message, to wipe later.
    message_id: Option<i64>,
    /// The bot message whose button was pressed: it may not be in the chat log yet if the
    /// press came before the sender recorded it.
    pressed: Option<i64>,
    /// A tick toggled on a multiple-choice question, or another page of a long list: the
    /// message's buttons, updated (the session does not change). The
    /// selection lives in the message itself until "Done" is pressed.
    toggled: Option<Vec<Vec<(String, String)>>>,
}

/// A press the conversation cannot take: a choice for a step other than the one shown, so the
/// engine says the button is old and asks again. (The engine compares the step key; a flow step
/// named `stale` would defeat this, as it did before the callback enum; the shipped flows have none.)
fn stale_press() -> Input {
    Input::Choice { id: String::new(), step: Some("stale".into()) }
}

/// A short tag of a prompt key, to keep callback data within Telegram's 64 bytes.
pub fn key_tag(key: &str) -> String {
    blake3::hash(key.as_bytes()).to_hex()[..8].to_string()
}

/// On the review, a typed number is the answer of that number to change, as the message numbers
/// them (never "send", which only its button or its words do).
fn review_number(p: &OutPrompt, t: &str) -> Option<Input> {
    if p.input != PromptKind::Review {
        return None;
    }
    let n = t.trim().trim_end_matches('.').parse::<usize>().ok().filter(|n| *n >= 1)?;
    let item = p.review.get(n - 1)?;
    Some(Input::Choice { id: format!("change:{}", item.key), step: Some(p.key.clone()) })
}

fn incoming(
    u: &Update,
    last_prompt: Option<&OutPrompt>,
    current_key: &str,
    words: &Words,
    lexicon: &crate::lexicon::Lexicon,
) -> Incoming {
    match &u.kind {
        UpdateKind::Message(m) => {
            let message_id = Some(m.id.0 as i64);
            let lang_hint = m.from.as_ref().and_then(|f| f.language_code.clone());
            let input = match m.text() {
                Some(t) if t.chars().count() > 2000 => Some(Input::Text(t.chars().take(2000).collect())),
                Some(t) => Some(match crate::channel::parse_command(t, lexicon) {
                    Some(Input::Command { cmd: Command::Start, arg: None }) => {
                        Input::Command { cmd: Command::Start, arg: lang_hint.clone() }
                    }
                    Some(cmd) => cmd,
                    None => match last_prompt {
                        Some(p) => review_number(p, t).unwrap_or_else(|| resolve_text(p, t)),
                        None => Input::Text(t.to_string()),
                    },
                }),
                // Stickers, photos, voice: not answers, and nothing changes (the message is still
                // remembered, so it is wiped with the rest).
                None => None,
            };
            Incoming { input, message_id, pressed: None, toggled: None }
        }
        UpdateKind::CallbackQuery(q) => {
            let pressed = q.message.as_ref().map(|m| m.id().0 as i64);
            let markup: Vec<Vec<(String, String)>> = match &q.message {
                Some(teloxide::types::MaybeInaccessibleMessage::Regular(m)) => m
                    .reply_markup()
                    .map(|k| {
                        k.inline_keyboard
                            .iter()
                            .map(|row| {
                                row.iter()
                                    .filter_map(|b| match &b.kind {
                                        teloxide::types::InlineKeyboardButtonKind::CallbackData(d) => {
                                            Some((b.text.clone(), d.clone()))
                                        }
                                        _ => None,
                                    })
                                    .collect()
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
                _ => vec![],
            };
            let data = q.data.as_deref().unwrap_or("");
            let mut toggled = None;
            let current = key_tag(current_key);
            let input = match Callback::decode(data) {
                Callback::Exit => Some(Input::cmd(Command::Exit)),
                // Tick or untick one option; nothing changes in the conversation yet.
                Callback::Tick { tag, .. } if tag == current => {
                    toggled = Some(toggle(&markup, data));
                    None
                }
                // Another page of the same buttons: the conversation does not change. Ticks on
                // the page left join those of other pages, which the press carries.
                Callback::Page { tag, page, mut ticks } => match last_prompt {
                    Some(p) if tag == current && tag == key_tag(&p.key) => {
                        ticks.extend(
                            ticked(&markup, &tag).iter().filter_map(|id| p.choices.iter().position(|c| c.id == *id)),
                        );
                        toggled = Some(prompt_buttons(p, words, page, &ticks));
                        None
                    }
                    _ => Some(stale_press()),
                },
                // Done: the ticks on this page, and on a long list those of the other pages.
                Callback::Done { tag, elsewhere } if tag == current => {
                    let mut ids = ticked(&markup, &tag);
                    if let (Some(mut set), Some(p)) = (elsewhere, last_prompt) {
                        set.extend(ids.iter().filter_map(|id| p.choices.iter().position(|c| c.id == *id)));
                        ids = p
                            .choices
                            .iter()
                            .enumerate()
                            .filter(|(i, _)| set.contains(i))
                            .map(|(_, c)| c.id.clone())
                            .collect();
                    }
                    Some(Input::Choices { ids, step: Some(current_key.to_string()) })
                }
                // A press for the prompt now shown names it; any other press is stale.
                Callback::Choice { tag, id } => {
                    let step = if tag == current { current_key.to_string() } else { format!("stale:{tag}") };
                    Some(Input::Choice { id, step: Some(step) })
                }
                Callback::Tick { .. }
                | Callback::Done { .. }
                | Callback::Accept(_)
                | Callback::Decline(_)
                | Callback::Stale => Some(stale_press()),
            };
            Incoming { input, message_id: None, pressed, toggled }
        }
        // Edited messages change nothing: an answer is taken as it was first sent.
        _ => Incoming { input: None, message_id: None, pressed: None, toggled: None },
    }
}

/// Handles one update, writing the session, the update id and the replies atomically (flushed by
/// the caller with the batch).
pub fn handle_update(
    app: &App,
    cfg: &TelegramConfig,
    chat: i64,
    u: Update,
    now: Timestamp,
) -> Result<(), crate::store::StoreError> {
    handle_update_as(app, cfg, chat, u, now, false)
}

/// [`handle_update`]; with `again`, for an update set aside earlier, whose id is marked handled.
fn handle_update_as(
    app: &App,
    cfg: &TelegramConfig,
    chat: i64,
    u: Update,
    now: Timestamp,
    again: bool,
) -> Result<(), crate::store::StoreError> {
    #[cfg(debug_assertions)]
    fail_point(&u);
    let update_id = u.id.0 as u64;
    if !again && app.store(|s| s.seen(update_id))? {
        tracing::debug!("update already handled; skipped");
        return Ok(());
    }
    let inbox = Some((update_id, now + jiff::SignedDuration::from_hours(24 * INBOX_DAYS)));
    let who = app.subject("telegram", &chat.to_string())?;
    if app.desk.is_some() {
        if let Some(a) = crate::referral::attorney_by_chat(app, chat) {
            return attorney_update(app, &a, chat, &who, &u, inbox, now);
        }
        if let Some(code) = enroll_code(&u) {
            match crate::referral::enroll(app, &code, chat, now) {
                Ok(Some(a)) => {
                    let text = format!(
                        "Welcome, {}. You are enrolled and will receive cases for {}. Commands: /cases, /case CODE, /accept CODE, /decline CODE, /close CODE.",
                        a.name,
                        a.jurisdictions.join(", ")
                    );
                    let entries = entries(chat, now, [Payload::Send { text, buttons: vec![], protect: false }]);
                    return app.store(|s| {
                        s.commit(&who, crate::store::Change { inbox, outbox: entries, ..Default::default() })
                    });
                }
                Ok(None) => {} // answered below exactly like any unknown command
                Err(e) => tracing::error!(error = %e, "enrolment failed"),
            }
        }
    }
    let loaded = app.store(|s| s.load_session(&who));
    let session = loaded.as_ref().ok().and_then(|s| s.as_ref());
    if !again && session.is_some_and(|s| App::already_applied(s, update_id, now)) {
        tracing::debug!("update already applied to the session; skipped");
        return Ok(());
    }
    // Left idle past the pause and not yet paused (the bot was stopped meanwhile, say): paused
    // now, wipe included, and this input is then a return.
    let idle = jiff::SignedDuration::from_mins(cfg.idle_pause_minutes);
    if session.is_some_and(|s| s.status == crate::engine::Status::Active && s.updated_at + idle <= now)
        && pause_chat(app, cfg, chat, &who, now)?
    {
        return handle_update_as(app, cfg, chat, u, now, again);
    }
    let current = session.map(crate::engine::current_key).unwrap_or_default();
    // Only typed text is resolved against the prompt (numbers, labels): render it only then.
    let typed = matches!(&u.kind, UpdateKind::Message(m) if m.text().is_some_and(|t| !t.starts_with('/')));
    // A page of buttons, and Done on a long list, are built from the prompt too.
    let paging = match &u.kind {
        UpdateKind::CallbackQuery(q) => matches!(
            q.data.as_deref().map(Callback::decode),
            Some(Callback::Page { .. } | Callback::Done { elsewhere: Some(_), .. })
        ),
        _ => false,
    };
    let last_prompt = if typed || paging { session.and_then(|s| last_prompt(app, s)) } else { None };
    let words = Words::new(app, session.map_or(crate::locale::FALLBACK, |s| s.lang()));
    let inc = incoming(&u, last_prompt.as_ref(), &current, &words, &app.locales.lexicon);
    // From reading the chat log to writing it back, the sender must not record into it.
    let log_held = app.chat_lock(&who);
    let mut log = app.store(|s| s.load_log(&who)).unwrap_or_default();
    // Written back only if this update changed it (often it does not: a rewritten question keeps
    // its message).
    let original = log.clone();
    if log.chat.is_none() {
        log.chat = Some(chat.to_string());
    }
    if let Some(id) = inc.message_id {
        log.messages.push((id, now, false));
    }
    if let Some(id) = inc.pressed {
        if !log.messages.iter().any(|m| m.0 == id) {
            log.messages.push((id, now, true));
        }
    }
    if let (Some(buttons), Some(id)) = (inc.toggled, inc.pressed) {
        let entries = entries(chat, now, [Payload::EditButtons { id, buttons }]);
        return app.store(|s| {
            let log = (log != original).then_some(&log);
            s.commit(&who, crate::store::Change { inbox, outbox: entries, log, ..Default::default() })
        });
    }
    let Some(input) = inc.input else {
        // Nothing to do but remember the update (and the message, to wipe it later).
        let log = (log != original).then_some(&log);
        return app.store(|s| s.commit(&who, crate::store::Change { inbox, log, ..Default::default() }));
    };
    let is_answer = !matches!(input, Input::Command { .. });
    let handled = app.handle_with(&who, input, now, inbox, false, Some(loaded), |h| {
        let words = Words::new(app, &h.lang);
        let (entries, log) = deliver(cfg, chat, h, &mut log, inc.pressed, is_answer, now, &words);
        (entries, log.filter(|l| *l != original))
    })?;
    drop(log_held);
    {
        let mut active = app.active.lock().unwrap_or_else(|p| p.into_inner());
        if handled.active {
            active.insert(who, (chat, now));
        } else {
            active.remove(&who);
        }
    }
    if let (Some(code), true) = (&handled.submitted, app.desk.is_some()) {
        // A crash before this line leaves the intake without a referral; the sweep opens it.
        if let Err(e) = crate::referral::submitted(app, &who, code, Some(chat), now) {
            tracing::error!(error = %e, "a completed intake could not be routed yet; the sweep retries");
        }
    }
    Ok(())
}

/// For tests of failure containment, in debug builds only (release builds have no such code):
/// an update whose text is `CLEARPATH_TEST_FAIL_TEXT` makes the handler panic, as a bug would.
#[cfg(debug_assertions)]
#[allow(clippy::panic)] // The point: a debug-only way to make the handler fail on a chosen update.
fn fail_point(u: &Update) {
    let Ok(marker) = std::env::var("CLEARPATH_TEST_FAIL_TEXT") else { return };
    if let UpdateKind::Message(m) = &u.kind {
        if m.text() == Some(marker.as_str()) {
            panic!("a failure injected for a test");
        }
    }
}

/// `/enroll CODE` in a message.
fn enroll_code(u: &Update) -> Option<String> {
    let UpdateKind::Message(m) = &u.kind else { return None };
    let (cmd, arg) = command_of(m.text()?)?;
    (cmd == "enroll" && !arg.is_empty()).then(|| arg.to_string())
}

/// A slash command and its argument (`/accept@bot CODE` -> ("accept", "CODE")).
fn command_of(text: &str) -> Option<(String, &str)> {
    let rest = text.trim().strip_prefix('/')?;
    let (head, arg) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let cmd = head.split('@').next().unwrap_or("").to_ascii_lowercase();
    Some((cmd, arg.trim()))
}

/// An update from an enrolled attorney's chat: commands and the Accept/Decline buttons. Their
/// replies are not protected (attorneys may keep them).
fn attorney_update(
    app: &App,
    a: &crate::referral::Attorney,
    chat: i64,
    who: &Subject,
    u: &Update,
    inbox: Option<(u64, Timestamp)>,
    now: Timestamp,
) -> Result<(), crate::store::StoreError> {
    let mut payloads = Vec::new();
    let action: Option<crate::referral::DeskCommand> = match &u.kind {
        UpdateKind::Message(m) => m.text().map(|t| match command_of(t) {
            Some((cmd, arg)) => crate::referral::DeskCommand::parse(&cmd, arg),
            None => crate::referral::DeskCommand::Help,
        }),
        UpdateKind::CallbackQuery(q) => q.data.as_deref().and_then(crate::referral::DeskCommand::from_button),
        _ => None,
    };
    if let Some(cmd) = action {
        tracing::debug!("attorney command");
        let text = match crate::referral::command(app, a, &cmd, now) {
            Ok(t) => t,
            Err(e) => {
                tracing::error!(error = %e, "attorney command failed");
                "Something went wrong; please try again in a moment.".to_string()
            }
        };
        payloads.push(Payload::Send { text, buttons: vec![], protect: false });
    }
    let entries = entries(chat, now, payloads);
    app.store(|s| s.commit(who, crate::store::Change { inbox, outbox: entries, ..Default::default() }))
}

/// The prompt a session shows, rendered, to resolve typed words and numbers against it.
fn last_prompt(app: &App, s: &crate::engine::Session) -> Option<OutPrompt> {
    let out = crate::engine::step(&app.flow, &app.locales.lexicon, s, Input::cmd(Command::Help), s.updated_at);
    let r = app.renderer();
    out.replies.iter().rev().find_map(|rep| match r.render(s.lang(), rep) {
        Out::Prompt(p) => Some(p),
        _ => None,
    })
}

/// Turns what was handled into outbox entries: wipes first (per the configured mode), then the
/// replies, every one protected.
#[allow(clippy::too_many_arguments)]
fn deliver(
    cfg: &TelegramConfig,
    chat: i64,
    h: &Handled,
    log: &mut ChatLog,
    pressed: Option<i64>,
    is_answer: bool,
    now: Timestamp,
    words: &Words,
) -> (Vec<OutboxEntry>, Option<ChatLog>) {
    let mut payloads = Vec::new();
    let exiting = h.wipe;
    let wipe_now =
        ((exiting || h.erased) && cfg.wipe != Wipe::Never) || (is_answer && cfg.wipe == Wipe::AfterEachAnswer);
    // A button answered with the next question as the only reply: the answered question becomes
    // the next one (one request instead of a deletion and a new message, and nothing piles up on
    // the phone). Its text fits one message.
    let rewrite = match (wipe_now && !exiting && !h.erased, pressed, h.out.as_slice()) {
        (true, Some(id), [Out::Prompt(p)]) => {
            let (text, buttons) = prompt_message(p, words);
            (text.chars().count() <= TELEGRAM_LIMIT).then_some((id, text, buttons))
        }
        _ => None,
    };
    if wipe_now {
        let (deletable, old): (Vec<_>, Vec<_>) =
            log.messages.iter().partition(|(_, at, _)| now.as_second() - at.as_second() < DELETABLE_SECS);
        let kept = rewrite.as_ref().map(|(id, ..)| *id);
        let ids: Vec<i64> = deletable.iter().map(|(id, _, _)| *id).filter(|id| Some(*id) != kept).collect();
        if !ids.is_empty() {
            payloads.push(Payload::Delete { ids });
        }
        // Too old to delete (a survivor who paused for days): the bot's own messages are edited
        // to the neutral text, on every wipe, not only on exit, since the log forgets them now.
        // (What the survivor typed that long ago, the bot can neither delete nor edit.)
        let neutral = exit_text(cfg, &h.lang);
        for m in &old {
            if m.2 && Some(m.0) != kept {
                payloads.push(Payload::Edit { id: m.0, text: neutral.clone(), buttons: vec![] });
            }
        }
        let kept_entry = kept.map(|id| log.messages.iter().find(|m| m.0 == id).copied().unwrap_or((id, now, true)));
        log.messages.clear();
        log.messages.extend(kept_entry);
    }
    if let Some((id, text, buttons)) = rewrite {
        payloads.push(Payload::Edit { id, text, buttons });
        return (entries(chat, now, payloads), Some(log.clone()));
    }
    for o in &h.out {
        let (text, buttons) = match o {
            Out::Info { kind: InfoKind::Exit, .. } => (exit_text(cfg, &h.lang), vec![]),
            Out::Info { text, .. } => (text.clone(), vec![]),
            Out::Done { text, .. } => (text.clone(), vec![]),
            Out::Prompt(p) => prompt_message(p, words),
        };
        // Telegram refuses an empty message.
        if !text.trim().is_empty() {
            payloads.push(Payload::Send { text, buttons, protect: true });
        }
    }
    (entries(chat, now, payloads), Some(log.clone()))
}

impl From<crate::outbound::Message> for Payload {
    fn from(m: crate::outbound::Message) -> Payload {
        match m {
            crate::outbound::Message::Text { text, buttons, protect } => Payload::Send { text, buttons, protect },
            crate::outbound::Message::File { name, text } => Payload::Document { name, text },
        }
    }
}

/// The case desk speaks through Telegram: its messages become Telegram payloads, cut to
/// Telegram's limit, in the outbox of the chat's pseudonym under "telegram".
pub struct DeskOutbound;

impl crate::outbound::Outbound for DeskOutbound {
    fn channel(&self) -> &'static str {
        "telegram"
    }

    fn entries(&self, chat: i64, now: Timestamp, messages: Vec<crate::outbound::Message>) -> Vec<OutboxEntry> {
        entries(chat, now, messages.into_iter().map(Payload::from))
    }
}

/// Payloads for one chat as outbox entries. A text longer than one Telegram message goes as
/// several, cut at line breaks where it can, with its buttons under the last part: every
/// message to anyone (a survivor's review, an attorney's list of cases) passes here.
pub fn entries(chat: i64, now: Timestamp, payloads: impl IntoIterator<Item = Payload>) -> Vec<OutboxEntry> {
    use crate::rules::summary::split;
    payloads
        .into_iter()
        .flat_map(|p| match p {
            Payload::Send { text, buttons, protect } if text.chars().count() > TELEGRAM_LIMIT => {
                let mut parts: Vec<Payload> = split(&text, TELEGRAM_LIMIT)
                    .into_iter()
                    .map(|text| Payload::Send { text, buttons: vec![], protect })
                    .collect();
                if let Some(Payload::Send { buttons: b, .. }) = parts.last_mut() {
                    *b = buttons;
                }
                parts
            }
            p => vec![p],
        })
        .map(|p| OutboxEntry {
            chat: chat.to_string(),
            created_at: now,
            attempts: 0,
            transient: 0,
            not_before: None,
            payload: serde_json::to_value(p).unwrap_or_default(),
            input: None,
        })
        .collect()
}

/// The neutral text left after an exit, in the survivor's language or English.
fn exit_text(cfg: &TelegramConfig, lang: &str) -> String {
    cfg.exit_text.get(lang).or_else(|| cfg.exit_text.get("en")).cloned().unwrap_or_else(|| "👍".into())
}

/// Words of the interface that a prompt's message needs, in the survivor's language.
pub struct Words {
    /// The button that ends a multiple choice.
    pub done: String,
    /// On a review longer than a page: how to change an answer without the buttons.
    pub type_number: String,
    /// The buttons that move between the pages of a long list.
    pub more: String,
    pub back: String,
    /// On the review: opens the answers, a page at a time, to pick one to change.
    pub change: String,
}

impl Words {
    pub fn new(app: &App, lang: &str) -> Words {
        let f = |id: &str| app.locales.format(lang, id, &[]);
        Words {
            done: f("choice-done"),
            type_number: f("review-type-number"),
            more: f("choice-page-more"),
            back: f("choice-page-back"),
            change: f("choice-change-some"),
        }
    }
}

/// No message carries more buttons than this, navigation and ✕ included: a wall of buttons is
/// hard to read, with a screen reader above all (issue 16, item 11).
pub const MAX_BUTTONS: usize = 12;
/// A list of more choices than this goes a page at a time (with ✕ and Done it still fits).
pub const PAGE_OVER: usize = 10;
/// Choices on one page of a long list: with Back, More, Done and ✕, `MAX_BUTTONS`.
pub const PAGE: usize = 8;
/// A button label longer than this is cut (a review page names each answer's question).
const LABEL_CHARS: usize = 40;

/// A prompt as a message: the question (and hint, and the earlier answer), with the buttons of
/// its first page and an Exit button. A review numbers its answers; its buttons are Send and
/// "Change an answer", which opens the answers a page at a time (see [`prompt_buttons`]).
pub fn prompt_message(p: &OutPrompt, words: &Words) -> (String, Vec<Vec<(String, String)>>) {
    let mut text = p.text.clone();
    if let Some(h) = &p.hint {
        text.push_str(&format!("\n\n{h}"));
    }
    for (i, item) in p.review.iter().enumerate() {
        text.push_str(&format!("\n{}. {}: {}", i + 1, item.question, item.answer));
    }
    if p.input == PromptKind::Review && p.review.len() > PAGE {
        text.push_str(&format!("\n\n{}", words.type_number));
    }
    if let Some(a) = &p.answer {
        text.push_str(&format!("\n\n→ {a}"));
    }
    (text, prompt_buttons(p, words, 0, &BTreeSet::new()))
}

fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        format!("{}…", label.chars().take(LABEL_CHARS - 1).collect::<String>())
    }
}

/// One page of a prompt's buttons, at most [`MAX_BUTTONS`]. A list of more than [`PAGE_OVER`]
/// choices shows [`PAGE`] at a time, each numbered as in the full list (a typed number means the
/// same choice on every page), with Back and More. `ticks` are the ticked options of a multiple
/// choice, by index in the full list; those not on this page travel in the navigation and Done
/// buttons, so paging never loses a tick. On a review, page 0 is Send and "Change an answer";
/// page N is the N-th page of answers, a button each.
pub fn prompt_buttons(
    p: &OutPrompt,
    words: &Words,
    page: usize,
    ticks: &BTreeSet<usize>,
) -> Vec<Vec<(String, String)>> {
    let tag = key_tag(&p.key);
    let choice = |id: &str| Callback::Choice { tag: tag.clone(), id: id.to_string() }.encode();
    // Which page a press asks for; the ticks of the other pages travel with it, so paging needs
    // no state in the session and never changes it (the ticks of the page shown are its labels).
    let page_to = |tag: &str, page: usize, ticks: &BTreeSet<usize>| {
        Callback::Page { tag: tag.to_string(), page, ticks: ticks.clone() }.encode()
    };
    let exit = || vec![("✕".to_string(), Callback::Exit.encode())];
    let nav = |page: usize, pages: usize, ticks: &BTreeSet<usize>| {
        let mut row = Vec::new();
        if page > 0 {
            row.push((words.back.clone(), page_to(&tag, page.saturating_sub(1), ticks)));
        }
        if page + 1 < pages {
            row.push((words.more.clone(), page_to(&tag, page + 1, ticks)));
        }
        row
    };
    let mut rows: Vec<Vec<(String, String)>> = Vec::new();
    if p.input == PromptKind::Review {
        let pages = p.review.len().div_ceil(PAGE);
        if page == 0 || pages == 0 {
            rows.extend(p.choices.iter().filter(|c| c.id == "submit").map(|c| vec![(c.label.clone(), choice(&c.id))]));
            if pages > 0 {
                rows.push(vec![(words.change.clone(), page_to(&tag, 1, ticks))]);
            }
        } else {
            // Review pages are 1-based: Back from the first goes to Send and Change.
            let page = page.min(pages);
            let from = (page - 1) * PAGE;
            for (i, item) in p.review.iter().enumerate().skip(from).take(PAGE) {
                rows.push(vec![(
                    cut(&format!("{}. {}", i + 1, item.question)),
                    choice(&format!("change:{}", item.key)),
                )]);
            }
            let mut row = vec![(words.back.clone(), page_to(&tag, page - 1, ticks))];
            if page < pages {
                row.push((words.more.clone(), page_to(&tag, page + 1, ticks)));
            }
            rows.push(row);
        }
        rows.push(exit());
        return rows;
    }
    let paged = p.choices.len() > PAGE_OVER;
    let pages = if paged { p.choices.len().div_ceil(PAGE) } else { 1 };
    let page = page.min(pages.saturating_sub(1));
    let (from, count) = if paged { (page * PAGE, PAGE) } else { (0, p.choices.len()) };
    let on_page = |i: &usize| (from..from + count).contains(i);
    // Ticks of other pages, carried by this page's navigation and Done buttons.
    let elsewhere: BTreeSet<usize> = ticks.iter().copied().filter(|i| !on_page(i)).collect();
    for (i, c) in p.choices.iter().enumerate().skip(from).take(count) {
        let label = if paged { format!("{}. {}", i + 1, c.label) } else { c.label.clone() };
        // Ticks that toggle, then "Done"; "don't know" and "rather not say" answer at once.
        let at_once =
            p.input != PromptKind::Multi || matches!(c.id.as_str(), crate::flow::DONT_KNOW | crate::flow::PREFER_NOT);
        let button = if at_once {
            (label, choice(&c.id))
        } else {
            let mark = if ticks.contains(&i) { TICKED } else { UNTICKED };
            (format!("{mark}{label}"), Callback::Tick { tag: tag.clone(), id: c.id.clone() }.encode())
        };
        rows.push(vec![button]);
    }
    if paged {
        rows.push(nav(page, pages, &elsewhere));
    }
    if p.input == PromptKind::Multi {
        let done = Callback::Done { tag: tag.clone(), elsewhere: paged.then_some(elsewhere) }.encode();
        rows.push(vec![(words.done.clone(), done)]);
    }
    rows.push(exit());
    rows
}

const UNTICKED: &str = "☐ ";
const TICKED: &str = "☑ ";

/// The buttons with one option's tick flipped.
fn toggle(markup: &[Vec<(String, String)>], data: &str) -> Vec<Vec<(String, String)>> {
    markup
        .iter()
        .map(|row| {
            row.iter()
                .map(|(label, d)| {
                    if d != data {
                        (label.clone(), d.clone())
                    } else if let Some(rest) = label.strip_prefix(TICKED) {
                        (format!("{UNTICKED}{rest}"), d.clone())
                    } else {
                        (format!("{TICKED}{}", label.strip_prefix(UNTICKED).unwrap_or(label)), d.clone())
                    }
                })
                .collect()
        })
        .collect()
}

/// The option ids ticked on a multiple-choice question's buttons.
fn ticked(markup: &[Vec<(String, String)>], tag: &str) -> Vec<String> {
    markup
        .iter()
        .flatten()
        .filter(|(label, _)| label.starts_with(TICKED))
        .filter_map(|(_, d)| match Callback::decode(d) {
            Callback::Tick { tag: t, id } if t == tag => Some(id),
            _ => None,
        })
        .collect()
}

/// The command menu, per language, with neutral descriptions.
async fn set_commands(bot: &Bot, app: &App) {
    use teloxide::payloads::SetMyCommandsSetters;
    use teloxide::types::BotCommand;
    for l in &app.flow.languages {
        let d = |id: &str| app.locales.format(l, id, &[]);
        let commands = vec![
            BotCommand::new("start", d("menu-start")),
            BotCommand::new("back", d("menu-back")),
            BotCommand::new("help", d("menu-help")),
            BotCommand::new("language", d("menu-language")),
            BotCommand::new("exit", d("menu-exit")),
            BotCommand::new("delete", d("menu-delete")),
        ];
        let mut req = bot.set_my_commands(commands);
        if l != crate::locale::FALLBACK {
            req = req.language_code(l.clone());
        }
        if let Err(e) = req.await {
            tracing::warn!(error = %redact(&e.to_string()), "setMyCommands failed");
        }
    }
}

/// Bot API URLs carry the token: never let one reach a log.
pub fn redact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("/bot") {
        out.push_str(&rest[..i + 4]);
        let after = &rest[i + 4..];
        let end = after.find('/').unwrap_or(after.len());
        out.push_str("<token>");
        rest = &after[end..];
    }
    out.push_str(rest);
    out
}

/// A subject for a Telegram chat.
pub fn subject(app: &App, chat: i64) -> Result<Subject, crate::store::StoreError> {
    app.subject("telegram", &chat.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handled(wipe: bool, out: Vec<Out>) -> Handled {
        Handled { lang: "en".into(), replies: vec![], out, wipe, active: false, submitted: None, erased: false }
    }

    fn config(wipe: &str) -> TelegramConfig {
        toml::from_str(&format!("wipe = \"{wipe}\"\nexit_text = {{ en = \"OK\" }}")).unwrap()
    }

    fn payloads(entries: &[OutboxEntry]) -> Vec<Payload> {
        entries.iter().map(|e| serde_json::from_value(e.payload.clone()).unwrap()).collect()
    }

    /// What `deliver` sends for `out`, with the log below, in the given wiping mode.
    fn delivered(wipe_mode: &str, exiting: bool, is_answer: bool, out: Out) -> (Vec<Payload>, Option<ChatLog>) {
        let now = crate::clock::now();
        let mut l = log(now);
        let words = words();
        let (entries, kept) =
            deliver(&config(wipe_mode), 5, &handled(exiting, vec![out]), &mut l, None, is_answer, now, &words);
        (payloads(&entries), kept)
    }

    fn words() -> Words {
        let w = |s: &str| s.to_string();
        Words { done: w("Done"), type_number: String::new(), more: w("More"), back: w("Back"), change: w("Change") }
    }

    fn prompt(input: &'static str, choices: usize, answers: usize) -> OutPrompt {
        use crate::render::{OutChoice, OutReview};
        OutPrompt {
            step: "s".into(),
            key: "a_step_id_of_forty_characters_at_most_xx#29".into(),
            instance: None,
            input: match input {
                "review" => PromptKind::Review,
                "multi" => PromptKind::Multi,
                _ => PromptKind::Single,
            },
            text: "Q".into(),
            hint: None,
            choices: (0..choices)
                .map(|i| match input {
                    "review" => OutChoice { id: "submit".into(), label: "Send".into() },
                    _ => OutChoice { id: format!("option_{i}"), label: format!("Option {i}") },
                })
                .collect(),
            free_input: false,
            answer: None,
            review: (0..answers)
                .map(|i| OutReview {
                    key: format!("a_step_id_of_forty_characters_at_most_xx#{i}"),
                    question: format!("Question {i}"),
                    answer: "A".into(),
                })
                .collect(),
            skippable: false,
        }
    }

    #[test]
    fn no_page_of_a_long_list_or_review_has_more_than_twelve_buttons_or_long_callback_data() {
        let all: BTreeSet<usize> = (0..120).collect();
        for (input, choices, answers) in [("single", 120, 0), ("multi", 120, 0), ("review", 1, 150), ("single", 10, 0)]
        {
            let p = prompt(input, choices, answers);
            let mut seen = BTreeSet::new();
            for page in 0..20 {
                for ticks in [BTreeSet::new(), all.clone()] {
                    let rows = prompt_buttons(&p, &words(), page, &ticks);
                    let buttons: Vec<&(String, String)> = rows.iter().flatten().collect();
                    assert!(buttons.len() <= MAX_BUTTONS, "{input} page {page}: {}", buttons.len());
                    assert!(buttons.iter().all(|(_, d)| d.len() <= 64), "{buttons:?}");
                    seen.extend(
                        buttons
                            .iter()
                            .filter(|(_, d)| d.starts_with("c:") || d.starts_with("t:"))
                            .map(|(_, d)| d.clone()),
                    );
                }
            }
            // Every choice (or answer) is on some page.
            let expected = if input == "review" { answers + 1 } else { choices };
            assert_eq!(seen.len(), expected, "{input}");
        }
    }

    /// Message 1: the bot's, 3 days old; 2: the survivor's, 3 days old; 3: the bot's, an hour old.
    fn log(now: Timestamp) -> ChatLog {
        let ago = |h: i64| now - jiff::SignedDuration::from_hours(h);
        ChatLog { messages: vec![(1, ago(72), true), (2, ago(72), false), (3, ago(1), true)], chat: None }
    }

    #[test]
    fn an_exit_deletes_what_it_can_and_makes_older_bot_messages_neutral() {
        let (p, kept) = delivered("on_exit", true, false, Out::Info { kind: InfoKind::Exit, text: "Paused.".into() });
        assert!(matches!(&p[0], Payload::Delete { ids } if ids == &vec![3]), "{p:?}");
        assert!(matches!(&p[1], Payload::Edit { id: 1, text, buttons } if text == "OK" && buttons.is_empty()), "{p:?}");
        assert!(matches!(&p[2], Payload::Send { text, protect: true, .. } if text == "OK"), "{p:?}");
        assert_eq!(p.len(), 3, "{p:?}");
        assert!(kept.unwrap().messages.is_empty());
    }

    #[test]
    fn an_answer_after_days_away_makes_the_old_question_neutral_before_forgetting_it() {
        let (p, _) = delivered(
            "after_each_answer",
            false,
            true,
            Out::Info { kind: InfoKind::Help, text: "Next question".into() },
        );
        assert!(matches!(&p[0], Payload::Delete { ids } if ids == &vec![3]), "{p:?}");
        assert!(matches!(&p[1], Payload::Edit { id: 1, text, .. } if text == "OK"), "the 3-day-old question: {p:?}");
        assert!(matches!(&p[2], Payload::Send { text, .. } if text == "Next question"), "{p:?}");
        assert_eq!(p.len(), 3, "the survivor's own old message cannot be touched: {p:?}");
    }

    #[test]
    fn a_set_aside_update_reads_back_as_it_came() {
        let raw = r#"{"update_id":5,"message":{"message_id":3,"date":1764000000,"chat":{"id":77,"type":"private","first_name":"T"},"from":{"id":77,"is_bot":false,"first_name":"T","language_code":"es"},"text":"hola"}}"#;
        let u: Update = serde_json::from_str(raw).unwrap();
        let back = thaw(&freeze(&u)).expect("reads back");
        assert_eq!(back, u);
        assert!(matches!(&back.kind, UpdateKind::Message(m) if m.text() == Some("hola")));
        assert!(thaw("{\"update_id\": 1, \"something_new\": {}}").is_none());
    }

    #[test]
    fn a_long_text_goes_as_several_messages_with_its_buttons_under_the_last() {
        let line = "A line of a long list, such as an attorney's cases or a long review.\n";
        let text = line.repeat(150);
        let buttons = vec![vec![("Send".to_string(), "c:x:submit".to_string())]];
        let short = Payload::Send { text: "Hi".into(), buttons: vec![], protect: true };
        let long = Payload::Send { text: text.clone(), buttons: buttons.clone(), protect: true };
        let out = entries(7, Timestamp::UNIX_EPOCH, [short, long]);
        let sends: Vec<Payload> = out.iter().map(|e| serde_json::from_value(e.payload.clone()).unwrap()).collect();
        assert!(sends.len() >= 4, "{}", sends.len());
        let mut joined = String::new();
        for (i, p) in sends.iter().enumerate().skip(1) {
            let Payload::Send { text: t, buttons: b, protect } = p else { panic!("{p:?}") };
            assert!(t.chars().count() <= TELEGRAM_LIMIT);
            assert!(t.ends_with('\n'), "cut at a line break");
            assert!(*protect);
            assert_eq!(b.is_empty(), i + 1 < sends.len(), "buttons only under the last part");
            joined.push_str(t);
        }
        assert_eq!(joined, text);
        assert!(matches!(&sends[0], Payload::Send { text, .. } if text == "Hi"));
    }
}
