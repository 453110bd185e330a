//! The Telegram channel: the only module that imports teloxide.
//!
//! Updates come through clearpath's own long-polling loop (teloxide's dispatcher confirms an
//! update when it fetches the next batch, before it is handled): a batch is handled, its state
//! changes and the replies it causes are written to the store's outbox and flushed, and only then
//! is the next offset sent. Update ids already handled are skipped. Updates of one chat are
//! handled in order, different chats concurrently. In webhook mode ([`webhook`]) Telegram POSTs
//! each update instead, and it goes the same way as a batch of one, flushed before it is answered.
//!
//! Replies leave through the durable outbox (see [`sender`]), per chat, so one chat waiting out a
//! 429 never holds up the others or the offset.
//!
//! This file is the polling loop and the batch; the rest, a job per file:
//! - `update`: reading one update (who, what input) and handling it for a survivor or an attorney;
//! - `contain`: a failing update retried once, then set aside (quarantine);
//! - `idle`: conversations left unattended, paused;
//! - `payload`: what the outbox holds for Telegram, replies and wipes as payloads, the desk's
//!   messages (`DeskOutbound`), texts cut to Telegram's limit;
//! - `keyboard`: a question as a message with buttons, within Telegram's limits;
//! - [`sender`]: the outbox worker; [`api`]: the requests made for nearly every update.

pub mod api;
mod contain;
mod idle;
mod keyboard;
mod payload;
pub mod sender;
mod update;
pub mod webhook;

pub use contain::*;
pub use idle::*;
pub use keyboard::*;
pub use payload::*;
pub use update::*;

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

/// Asks the Bot API who the bot is (`getMe`), as `clearpath doctor` does: the bot's username, or
/// why not in words that never carry the token (reqwest's errors quote the request URL, which
/// holds it, so they are described by kind, never displayed).
pub fn get_me(token: &SecretString, api_url: Option<&str>, timeout: std::time::Duration) -> Result<String, String> {
    let bot = bot(token, api_url).map_err(|e| format!("{e:#}"))?;
    let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())?;
    let answer = rt.block_on(async { tokio::time::timeout(timeout, bot.get_me()).await });
    match answer {
        Err(_) => Err(format!("no answer within {} s", timeout.as_secs())),
        Ok(Ok(me)) => Ok(me.username.clone().map(|u| format!("@{u}")).unwrap_or_else(|| me.first_name.clone())),
        Ok(Err(teloxide::RequestError::Api(teloxide::ApiError::InvalidToken))) => {
            Err("Telegram refuses this token (revoked, mistyped, or not a bot token)".into())
        }
        Ok(Err(teloxide::RequestError::Api(e))) => Err(format!("the Bot API refused: {e}")),
        Ok(Err(teloxide::RequestError::Network(e))) => Err(if e.is_timeout() {
            "no answer in time".into()
        } else if e.is_connect() {
            "cannot connect (connection refused, no route, or no network)".into()
        } else {
            "a network error".into()
        }),
        Ok(Err(teloxide::RequestError::InvalidJson { .. })) => {
            Err("the answer is not the Bot API's (is TELOXIDE_API_URL right?)".into())
        }
        Ok(Err(teloxide::RequestError::RetryAfter(s))) => {
            Err(format!("Telegram asks to wait {} s (too many requests)", s.seconds()))
        }
        Ok(Err(_)) => Err("the request failed".into()),
    }
}

/// Runs the bot until SIGTERM or SIGINT: polling for updates, or with `webhook`, taking them as
/// Telegram POSTs them.
pub fn run(app: Arc<App>, cfg: TelegramConfig, bot: Bot, webhook: Option<webhook::Settings>) -> anyhow::Result<()> {
    // A panic is contained to its update (see `handle_logged`), but the default hook would print
    // its message, which can quote whatever the code was looking at: log where, never what.
    std::panic::set_hook(Box::new(|info| {
        let at = info.location().map(|l| format!("{}:{}", l.file(), l.line())).unwrap_or_default();
        tracing::error!(at = %at, "a panic (its message is not logged)");
    }));
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    rt.block_on(serve(app, cfg, bot, webhook))
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

pub async fn serve(
    app: Arc<App>,
    cfg: TelegramConfig,
    bot: Bot,
    webhook: Option<webhook::Settings>,
) -> anyhow::Result<()> {
    // The webhook's address first: one already taken stops the bot here, before the channel starts.
    let listener = match &webhook {
        Some(w) => Some(webhook::bind(w).await?),
        None => None,
    };
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
    // Where the last run got to: every update at or below it was handled and flushed, so it is
    // confirmed to Telegram at once and skipped if it is ever offered again.
    let done_through: Option<u64> = match app.store(|s| s.progress(CHANNEL)) {
        Ok(Some((id, at))) if fresh(at, crate::clock::now()) => Some(id),
        Ok(_) => None,
        Err(e) => {
            tracing::error!(error = %e, "the record of handled updates does not open; relying on per-chat marks");
            None
        }
    };
    if let (Some(w), Some(listener)) = (webhook, listener) {
        let hook = webhook::Hook::new(app.clone(), cfg.clone(), api.clone(), wake.clone(), &w, done_through);
        webhook::run(hook, listener, w, stop_rx.clone()).await;
    } else {
        poll(&app, &cfg, &api, &wake, done_through, stop_rx.clone()).await;
    }
    let _ = app.store(|s| s.flush());
    wake.notify_one();
    let _ = tokio::time::timeout(std::time::Duration::from_secs(5), sender).await;
    // What the sender recorded last (it does not fsync each round).
    let _ = app.store(|s| s.flush());
    tracing::info!("stopped");
    Ok(())
}

/// The kinds of update the bot asks for, polling or by webhook.
const UPDATE_KINDS: [teloxide::types::AllowedUpdate; 3] = [
    teloxide::types::AllowedUpdate::Message,
    teloxide::types::AllowedUpdate::CallbackQuery,
    teloxide::types::AllowedUpdate::EditedMessage,
];

/// The polling loop, until `stop`: fetch a batch, handle it, record and flush, confirm.
async fn poll(
    app: &Arc<App>,
    cfg: &TelegramConfig,
    api: &api::Api,
    wake: &Arc<tokio::sync::Notify>,
    mut done_through: Option<u64>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let kinds: Vec<String> = UPDATE_KINDS
        .iter()
        .filter_map(|k| serde_json::to_value(k).ok().and_then(|v| v.as_str().map(str::to_string)))
        .collect();
    let kinds: Vec<&str> = kinds.iter().map(String::as_str).collect();
    let mut offset: i64 = done_through.map(|id| id as i64 + 1).unwrap_or(0);
    let mut failures: u32 = 0;
    // Telegram refuses getUpdates while a webhook is set (a run in webhook mode set one): it is
    // removed first, keeping the updates waiting, so that switching back to polling just works.
    let mut webhook_removed = false;
    loop {
        if *stop.borrow() {
            break;
        }
        if !webhook_removed {
            use teloxide::payloads::DeleteWebhookSetters;
            let request = api.bot().delete_webhook().drop_pending_updates(false);
            let removed = tokio::select! {
                _ = stop.changed() => break,
                r = request => r,
            };
            match removed {
                Ok(_) => webhook_removed = true,
                Err(e) => {
                    failures += 1;
                    tracing::warn!(error = %redact(&e.to_string()), failures, "deleteWebhook failed; retrying");
                    let wait = std::time::Duration::from_millis(sender::backoff_ms(failures).unsigned_abs());
                    tokio::select! {
                        _ = stop.changed() => break,
                        _ = tokio::time::sleep(wait) => continue,
                    }
                }
            }
        }
        let request = api.get_updates(offset, cfg.poll_timeout_secs, &kinds);
        let updates = tokio::select! {
            _ = stop.changed() => break,
            r = request => r,
        };
        let updates = match updates {
            Ok(u) => {
                failures = 0;
                crate::metrics::get().polled(crate::clock::now());
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
        let paused = pause_idle(app, cfg, crate::clock::now()) > 0;
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
        handle_batch(app, cfg, api, wake, updates).await;
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

/// The channel's name in the store's records of progress.
const CHANNEL: &str = "telegram";

/// Whether a mark of handled updates still counts: Telegram restarts update ids at random after a
/// week without updates, which cannot have happened since a mark under six days old.
fn fresh(at: Timestamp, now: Timestamp) -> bool {
    now.as_second() - at.as_second() < 6 * 86_400
}

/// The command menu, per language, with neutral descriptions.
async fn set_commands(bot: &Bot, app: &App) {
    use teloxide::payloads::SetMyCommandsSetters;
    use teloxide::types::BotCommand;
    for l in &app.flow().languages {
        let d = |id: &str| app.locales().format(l, id, &[]);
        let commands = vec![
            BotCommand::new("start", d("menu-start")),
            BotCommand::new("back", d("menu-back")),
            BotCommand::new("help", d("menu-help")),
            BotCommand::new("language", d("menu-language")),
            BotCommand::new("exit", d("menu-exit")),
            BotCommand::new("delete", d("menu-delete")),
        ];
        let mut req = bot.set_my_commands(commands);
        // Telegram takes a two-letter ISO 639-1 code (`pt` for pt-BR, `zh` for zh-Hans), declared
        // or derived in locale.toml and checked at load; English is the menu for everyone else.
        if l != crate::locale::FALLBACK {
            match app.locales().get(l).map(|x| x.telegram_code.as_str()).filter(|c| !c.is_empty()) {
                Some(code) => req = req.language_code(code.to_string()),
                None => continue,
            }
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
        Words {
            done: w("Done"),
            type_number: String::new(),
            more: w("More"),
            back: w("Back"),
            change: w("Change"),
            rtl: false,
        }
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
            progress: None,
        }
    }

    #[test]
    fn twelve_languages_are_offered_a_page_at_a_time_each_in_its_own_script() {
        let names = [
            ("en", "English"),
            ("es", "Español"),
            ("zh-Hans", "简体中文"),
            ("vi", "Tiếng Việt"),
            ("tl", "Tagalog"),
            ("ko", "한국어"),
            ("th", "ไทย"),
            ("ru", "Русский"),
            ("uk", "Українська"),
            ("ht", "Kreyòl ayisyen"),
            ("pt-BR", "Português (Brasil)"),
            ("ar", "العربية"),
        ];
        let mut p = prompt("single", 0, 0);
        p.input = PromptKind::Language;
        p.choices =
            names.iter().map(|(id, l)| crate::render::OutChoice { id: id.to_string(), label: l.to_string() }).collect();
        let first = prompt_buttons(&p, &words(), 0, &BTreeSet::new());
        let labels: Vec<&str> = first.iter().flatten().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels[..8],
            [
                "1. English",
                "2. Español",
                "3. 简体中文",
                "4. Tiếng Việt",
                "5. Tagalog",
                "6. 한국어",
                "7. ไทย",
                "8. Русский"
            ]
        );
        assert_eq!(labels[8..], ["More", "✕"]);
        let second = prompt_buttons(&p, &words(), 1, &BTreeSet::new());
        let labels: Vec<&str> = second.iter().flatten().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            ["9. Українська", "10. Kreyòl ayisyen", "11. Português (Brasil)", "12. العربية", "Back", "✕"]
        );
        // Each press names its language within Telegram's 64 bytes, whatever page it is on.
        for (label, data) in first.iter().chain(second.iter()).flatten() {
            assert!(data.len() <= 64, "{label}: {data}");
            if let Callback::Choice { id, .. } = Callback::decode(data) {
                assert!(names.iter().any(|(code, name)| *code == id && label.ends_with(name)), "{label} {id}");
            }
        }
        // In a right-to-left language the numbers stand at the right: each line opens with RLM.
        let rtl = Words { rtl: true, ..words() };
        let rows = prompt_buttons(&p, &rtl, 0, &BTreeSet::new());
        assert_eq!(rows[0][0].0, "\u{200F}1. English");
        let mut review = prompt("review", 1, 2);
        review.text = "مراجعة".into();
        let (text, _) = prompt_message(&review, &rtl);
        assert!(text.lines().skip(1).all(|l| l.starts_with('\u{200F}')), "{text:?}");
        let (text, _) = prompt_message(&review, &words());
        assert!(!text.contains('\u{200F}'), "{text:?}");
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
