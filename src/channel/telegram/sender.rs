//! The outbox worker: sends what handled updates left in the store's outbox, per chat and in
//! order, at least once. 429 `retry_after` is honoured for that chat only; 5xx and network errors
//! are retried with backoff; with throttling on, Telegram's rates are kept (one message a second
//! per chat, about 30 a second overall). An entry leaves the outbox only once Telegram accepted
//! it, so a crash between sending and recording may send it twice, never zero times.

use super::api::{Api, Failure};
use super::Payload;
use crate::app::App;
use crate::config::TelegramConfig;
use crate::store::Subject;
use jiff::Timestamp;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};
use teloxide::prelude::Requester;
use teloxide::types::ChatId;
use teloxide::ApiError;

/// Pacing shared by all chats: when each chat and the bot as a whole may send next.
#[derive(Default)]
struct Pace {
    chats: BTreeMap<i64, Instant>,
    global: Option<Instant>,
}

const PER_CHAT: Duration = Duration::from_millis(1000);
const GLOBAL: Duration = Duration::from_millis(34);

enum Sent {
    /// Done; the id of a message now on the device, if one was sent.
    Ok(Option<i64>),
    /// Telegram asks this chat to wait.
    RetryAfter(u32),
    /// Worth trying again later.
    Transient,
    /// Will never succeed (the message is gone, the bot was blocked): drop it.
    Permanent,
}

/// What every chat's sending shares.
struct Shared {
    pace: Mutex<Pace>,
    throttle: bool,
    /// Requests in flight at once: enough to keep many chats moving, few enough not to swamp the
    /// connection pool (or a self-hosted Bot API server).
    inflight: tokio::sync::Semaphore,
}

/// How often the whole outbox is looked over besides the survivors the store reports as queued
/// (a safety net: entries left by a restart, a key rotation or anything the report missed).
const RESCAN: Duration = Duration::from_secs(5);

/// Runs until `stop`. Each chat with something to send gets its own task, started as soon as its
/// entries are queued, never waiting for other chats: a chat whose replies arrive while its task
/// runs is picked up again when that task ends (so its messages stay in order), and a chat that
/// has to wait (429, backoff) waits alone.
pub async fn run(
    api: Api,
    app: Arc<App>,
    cfg: TelegramConfig,
    wake: Arc<tokio::sync::Notify>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    let shared = Arc::new(Shared {
        pace: Mutex::new(Pace::default()),
        throttle: cfg.throttle,
        inflight: tokio::sync::Semaphore::new(32),
    });
    let mut chats = Chats::default();
    let mut tasks: tokio::task::JoinSet<(Subject, Option<Timestamp>)> = tokio::task::JoinSet::new();
    let mut rescan_at = Instant::now();
    loop {
        if *stop.borrow() {
            // Let the sends in hand finish (the caller bounds how long); start nothing new.
            while tasks.join_next().await.is_some() {}
            return;
        }
        // Work to start: chats queued since last time, chats whose wait is over, and now and then
        // everything in the outbox.
        let mut candidates: Vec<Subject> = app.store(|s| Ok(s.take_queued())).unwrap_or_default();
        let now = crate::clock::now();
        let due: Vec<Subject> = chats.waiting.iter().filter(|(_, t)| **t <= now).map(|(s, _)| *s).collect();
        for s in &due {
            chats.waiting.remove(s);
        }
        candidates.extend(due);
        if Instant::now() >= rescan_at {
            rescan_at = Instant::now() + RESCAN;
            match app.store(|s| s.outbox_keys()) {
                Ok(keys) => {
                    let mut seen = std::collections::BTreeSet::new();
                    for (s, _) in keys {
                        if seen.insert(s) && !chats.waiting.contains_key(&s) {
                            candidates.push(s);
                        }
                    }
                }
                Err(e) => tracing::error!(error = %e, "outbox unreadable"),
            }
        }
        for subject in candidates {
            if chats.busy.contains(&subject) {
                // Its task may already be past these entries: look again when it ends.
                chats.again.insert(subject);
                continue;
            }
            start(&mut tasks, &mut chats, &api, &app, &shared, subject);
        }
        let next_due = chats.waiting.values().min().copied();
        let wait = next_due
            .map(|t| {
                Duration::from_millis(
                    (t.as_millisecond() - crate::clock::now().as_millisecond()).clamp(10, 60_000) as u64
                )
            })
            .unwrap_or(RESCAN)
            .min(rescan_at.saturating_duration_since(Instant::now()).max(Duration::from_millis(10)));
        tokio::select! {
            _ = stop.changed() => {}
            _ = wake.notified() => {}
            _ = tokio::time::sleep(wait) => {}
            Some(done) = tasks.join_next_with_id(), if !tasks.is_empty() => {
                let (subject, next) = match done {
                    Ok((id, (subject, next))) => {
                        chats.task_of.remove(&id);
                        (subject, next)
                    }
                    // A task that panicked: its chat is tried again in a moment, not left
                    // marked busy for ever.
                    Err(e) => {
                        let Some(subject) = chats.task_of.remove(&e.id()) else { continue };
                        tracing::error!("a chat's sending task failed; retrying in a second");
                        (subject, Some(crate::clock::now() + jiff::SignedDuration::from_secs(1)))
                    }
                };
                chats.busy.remove(&subject);
                let again = chats.again.remove(&subject);
                match next {
                    // It has to wait; anything queued meanwhile waits behind it, in order.
                    Some(t) => {
                        chats.waiting.insert(subject, t);
                    }
                    None if again => start(&mut tasks, &mut chats, &api, &app, &shared, subject),
                    None => {}
                }
            }
        }
    }
}

/// The sender's view of the chats it serves.
#[derive(Default)]
struct Chats {
    /// A task is sending this chat's entries.
    busy: std::collections::HashSet<Subject>,
    /// Queued again while its task ran.
    again: std::collections::HashSet<Subject>,
    /// Must wait until then (429, backoff, a message's not-before time).
    waiting: BTreeMap<Subject, Timestamp>,
    /// Which chat each running task serves.
    task_of: std::collections::HashMap<tokio::task::Id, Subject>,
}

/// Starts a task for one chat's waiting entries, if it has any.
fn start(
    tasks: &mut tokio::task::JoinSet<(Subject, Option<Timestamp>)>,
    chats: &mut Chats,
    api: &Api,
    app: &Arc<App>,
    shared: &Arc<Shared>,
    subject: Subject,
) {
    let keys = match app.store(|s| s.outbox_keys_of(&subject)) {
        Ok(k) => k,
        Err(e) => {
            tracing::error!(error = %e, "outbox unreadable");
            return;
        }
    };
    if keys.is_empty() {
        return;
    }
    chats.busy.insert(subject);
    let (api, app, shared) = (api.clone(), app.clone(), shared.clone());
    let task = tasks.spawn(async move { (subject, send_chat(&api, &app, subject, keys, &shared).await) });
    chats.task_of.insert(task.id(), subject);
}

/// Sends one chat's entries in order until one has to wait; returns when to try again.
async fn send_chat(
    api: &Api,
    app: &Arc<App>,
    subject: Subject,
    keys: Vec<Vec<u8>>,
    shared: &Shared,
) -> Option<Timestamp> {
    // Entries done and message ids sent, recorded together: at once after a message that is now
    // on the device (so a wipe right after sees it), else when this run ends.
    let mut done: Vec<Vec<u8>> = Vec::new();
    let mut sent: Vec<Sent1> = Vec::new();
    let settle = |done: &mut Vec<Vec<u8>>, sent: &mut Vec<Sent1>| -> Vec<i64> {
        if done.is_empty() && sent.is_empty() {
            return Vec::new();
        }
        // The update handler may be changing this chat's log too (see `App::chat_lock`).
        let _guard = app.chat_lock(&subject);
        let late = match app.store(|s| s.outbox_done(&subject, done, sent)) {
            Ok(late) => late,
            Err(e) => {
                tracing::error!(error = %e, "could not record sent messages; they may be sent again");
                Vec::new()
            }
        };
        done.clear();
        sent.clear();
        late
    };
    let next = send_entries(api, app, &subject, keys, shared, &mut done, &mut sent, &settle).await;
    // Messages were settled as each landed: what is left here is only entries without one.
    let late = settle(&mut done, &mut sent);
    debug_assert!(late.is_empty());
    next
}

/// A message sent and the outbox entry it came from: (entry key, message id, when).
type Sent1 = (Vec<u8>, i64, Timestamp);

/// Deletes messages that landed after the survivor's wipe (their entries were dropped by an exit
/// or an erasure while they were on their way). Directly, not through the outbox: an erased
/// survivor must get no new records. A few quick tries; the survivor is waiting for a clean screen.
async fn delete_late(api: &Api, chat: i64, late: Vec<i64>) {
    if late.is_empty() {
        return;
    }
    let payload = Payload::Delete { ids: late };
    for attempt in 0..5u32 {
        match send(api, chat, &payload).await {
            Sent::Ok(_) | Sent::Permanent => {
                tracing::info!("a reply that landed after a wipe was deleted");
                return;
            }
            Sent::RetryAfter(secs) => tokio::time::sleep(Duration::from_secs(secs.clamp(1, 5) as u64)).await,
            Sent::Transient => tokio::time::sleep(Duration::from_millis(200 << attempt)).await,
        }
    }
    tracing::warn!("a reply that landed after a wipe could not be deleted");
}

#[allow(clippy::too_many_arguments)]
async fn send_entries(
    api: &Api,
    app: &Arc<App>,
    subject: &Subject,
    keys: Vec<Vec<u8>>,
    shared: &Shared,
    done: &mut Vec<Vec<u8>>,
    sent: &mut Vec<Sent1>,
    settle: &impl Fn(&mut Vec<Vec<u8>>, &mut Vec<Sent1>) -> Vec<i64>,
) -> Option<Timestamp> {
    let subject = *subject;
    for key in keys {
        let mut entry = match app.store(|s| s.outbox_entry(&subject, &key)) {
            Ok(Some(e)) => e,
            Ok(None) => continue,
            Err(e) => {
                tracing::error!(subject = %subject.tag(), error = %e, "outbox record does not open; left in place");
                continue;
            }
        };
        let now = crate::clock::now();
        if let Some(nb) = entry.not_before {
            if nb > now {
                return Some(nb);
            }
        }
        let Ok(chat) = entry.chat.parse::<i64>() else { continue };
        let Ok(payload) = serde_json::from_value::<Payload>(entry.payload.clone()) else {
            done.push(key);
            continue;
        };
        if shared.throttle && matches!(payload, Payload::Send { .. } | Payload::Edit { .. }) {
            loop {
                let wait = {
                    let mut p = shared.pace.lock().unwrap_or_else(|e| e.into_inner());
                    let now = Instant::now();
                    let chat_ready = p.chats.get(&chat).copied().unwrap_or(now);
                    let global_ready = p.global.unwrap_or(now);
                    let ready = chat_ready.max(global_ready);
                    if ready <= now {
                        p.chats.insert(chat, now + PER_CHAT);
                        p.global = Some(now + GLOBAL);
                        None
                    } else {
                        Some(ready - now)
                    }
                };
                match wait {
                    None => break,
                    Some(d) => tokio::time::sleep(d).await,
                }
            }
        }
        let started = Instant::now();
        let permit = shared.inflight.acquire().await.ok();
        let mut result = send(api, chat, &payload).await;
        if let (Sent::Permanent, Payload::Edit { text, buttons, .. }) = (&result, &payload) {
            if !buttons.is_empty() {
                // The question could not be rewritten in place (too old, or gone): send it anew,
                // so the survivor is never left without the next question.
                let fresh = Payload::Send { text: text.clone(), buttons: buttons.clone(), protect: true };
                result = send(api, chat, &fresh).await;
            }
        }
        drop(permit);
        tracing::debug!(op = op_name(&payload), elapsed_ms = started.elapsed().as_millis() as u64, "outbox send");
        match &result {
            Sent::Ok(_) => {
                crate::metrics::get().reply(op_name(&payload), true);
                let since = (crate::clock::now() - entry.created_at).get_milliseconds();
                crate::metrics::get().delivered(started.elapsed(), since);
            }
            Sent::Permanent => crate::metrics::get().reply(op_name(&payload), false),
            _ => {}
        }
        match result {
            Sent::Ok(id) => {
                if let Some(id) = id {
                    done.push(key.clone());
                    sent.push((key, id, crate::clock::now()));
                    let late = settle(done, sent);
                    delete_late(api, chat, late).await;
                } else {
                    done.push(key);
                }
            }
            Sent::Permanent => {
                tracing::warn!(op = op_name(&payload), "outbox entry refused for good; dropped");
                done.push(key);
            }
            Sent::RetryAfter(secs) => {
                let nb = crate::clock::now() + jiff::SignedDuration::from_secs(secs.max(1) as i64);
                entry.not_before = Some(nb);
                entry.attempts += 1;
                entry.transient = 0;
                tracing::info!(retry_after = secs, "rate limited; this chat waits");
                let _ = app.store(|s| s.outbox_update(&subject, &key, Some(&entry)));
                return Some(nb);
            }
            Sent::Transient => {
                entry.attempts += 1;
                if let (Payload::Document { name, .. }, Some(d)) = (&payload, app.desk.as_ref()) {
                    if entry.attempts == d.settings.alert_after_failures {
                        let text = format!(
                            "Sending {name} to an attorney has failed {} times. clearpath keeps trying; check the bot's connection to Telegram.",
                            entry.attempts
                        );
                        let app2 = app.clone();
                        let _ = tokio::task::spawn_blocking(move || {
                            crate::referral::alert_admins(&app2, &text, crate::clock::now())
                        })
                        .await;
                    }
                }
                entry.transient += 1;
                let nb = crate::clock::now() + jiff::SignedDuration::from_millis(backoff_ms(entry.transient));
                entry.not_before = Some(nb);
                let _ = app.store(|s| s.outbox_update(&subject, &key, Some(&entry)));
                return Some(nb);
            }
        }
    }
    None
}

/// The wait before trying again after the `n`th server or network failure in a row: about half a
/// second, then doubling to at most five seconds, each drawn between half and all of that, so
/// that chats failed by one outage do not all come back in the same instant. A survivor waiting
/// for a reply should never wait long on a backoff: Telegram's own 5xx are short.
pub fn backoff_ms(n: u32) -> i64 {
    use rand::Rng;
    let ceiling = (500i64 << n.saturating_sub(1).min(4)).min(MAX_BACKOFF_MS);
    rand::thread_rng().gen_range(ceiling / 2..=ceiling)
}

/// The longest wait after a server or network failure.
pub const MAX_BACKOFF_MS: i64 = 5_000;

fn op_name(p: &Payload) -> &'static str {
    match p {
        Payload::Send { .. } => "send",
        Payload::Delete { .. } => "delete",
        Payload::Edit { .. } => "edit",
        Payload::EditButtons { .. } => "edit_buttons",
        Payload::AnswerCallback { .. } => "answer_callback",
        Payload::Document { .. } => "document",
    }
}

fn classify(e: &Failure) -> Sent {
    match e {
        Failure::RetryAfter(s) => Sent::RetryAfter(*s),
        Failure::Api(ApiError::MessageToDeleteNotFound)
        | Failure::Api(ApiError::MessageCantBeDeleted)
        | Failure::Api(ApiError::MessageToEditNotFound)
        | Failure::Api(ApiError::MessageNotModified)
        | Failure::Api(ApiError::BotBlocked)
        | Failure::Api(ApiError::ChatNotFound)
        | Failure::Api(ApiError::UserDeactivated) => Sent::Permanent,
        // A message Telegram will never take as it is: retrying would only hold up the chat's
        // later replies for ever. (The bot keeps within these limits; this is the net.)
        Failure::Api(ApiError::MessageIsTooLong)
        | Failure::Api(ApiError::EditedMessageIsTooLong)
        | Failure::Api(ApiError::MessageTextIsEmpty)
        | Failure::Api(ApiError::ButtonDataInvalid)
        | Failure::Api(ApiError::CantParseEntities(_)) => Sent::Permanent,
        Failure::Api(ApiError::Unknown(msg))
            if msg.contains("query is too old")
                || msg.contains("message can't be")
                || msg.contains("reply markup is too long") =>
        {
            Sent::Permanent
        }
        _ => Sent::Transient,
    }
}

async fn send(api: &Api, chat: i64, p: &Payload) -> Sent {
    let r = match p {
        Payload::Send { text, buttons, protect } => api.send_message(chat, text, buttons, *protect).await,
        Payload::Delete { ids } => match api.delete_messages(chat, ids).await {
            // Deleting what is already gone (or can no longer be deleted) is fine: the goal is
            // that it is gone, and retrying would not change the answer. A 5xx or a network
            // error is retried: the message may still be on the phone.
            Ok(()) | Err(Failure::Api(ApiError::MessageToDeleteNotFound | ApiError::MessageCantBeDeleted)) => Ok(None),
            Err(Failure::Api(e)) => {
                // Any other refusal would refuse again: said loudly, since a message may be left.
                tracing::warn!(error = ?e, "Telegram refused a deletion; a message may be left on the phone");
                Ok(None)
            }
            Err(e) => Err(e),
        },
        Payload::Edit { id, text, buttons } => match api.edit_text(chat, *id, text, buttons).await {
            // Already showing exactly this: nothing to do.
            Ok(()) | Err(Failure::Api(ApiError::MessageNotModified)) => Ok(None),
            Err(e) => Err(e),
        },
        Payload::EditButtons { id, buttons } => api.edit_buttons(chat, *id, buttons).await.map(|_| None),
        Payload::AnswerCallback { id } => api.answer_callback(id).await.map(|_| None),
        Payload::Document { name, text } => {
            let file = teloxide::types::InputFile::memory(text.clone().into_bytes()).file_name(name.clone());
            // Not protected: an attorney must be able to save the case file.
            api.bot().send_document(ChatId(chat), file).await.map(|_| None).map_err(Failure::from)
        }
    };
    match r {
        Ok(id) => Sent::Ok(id),
        Err(e) => {
            let c = classify(&e);
            match c {
                Sent::Transient => tracing::warn!(error = ?e, "send failed; will retry"),
                Sent::Permanent => tracing::debug!(error = ?e, "refused for good"),
                _ => {}
            }
            c
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_starts_within_a_second_and_never_passes_five_seconds() {
        for _ in 0..200 {
            let first = backoff_ms(1);
            assert!((250..=500).contains(&first), "{first}");
            for n in 2..100 {
                let b = backoff_ms(n);
                assert!((250..=MAX_BACKOFF_MS).contains(&b), "{n}: {b}");
            }
        }
        // Drawn, not fixed: two chats failed together rarely retry together.
        let draws: std::collections::BTreeSet<i64> = (0..50).map(|_| backoff_ms(3)).collect();
        assert!(draws.len() > 10, "{draws:?}");
    }
}
