//! Failure containment: one update's failure is retried once, then set aside (quarantine),
//! and never stops the batch, the loop or any other chat.

use super::*;

/// Why handling one update failed, as a kind: never the error's text, which could quote a value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Failed {
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
pub(super) fn handle_logged(app: &App, cfg: &TelegramConfig, chat: i64, u: Update) {
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
                crate::metrics::get().update_handled(started.elapsed());
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
pub(super) fn set_aside(app: &App, chat: i64, u: &Update, failed: Failed, now: Timestamp) {
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
    .or_else(|| user_language(u).and_then(|l| crate::locale::suggest(&l, &app.flow().languages).cloned()))
    .unwrap_or_else(|| crate::locale::FALLBACK.to_string());
    let text = app.locales().format(&lang, "error-retry", &[]);
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
        Ok(()) => {
            crate::metrics::get().quarantined.inc();
            tracing::error!(failure = failed.kind(), update = id, "an update was set aside after two failures")
        }
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
pub(super) fn freeze(u: &Update) -> String {
    serde_json::to_string(u).unwrap_or_default()
}

/// An update kept by [`freeze`]; `None` if it no longer reads as one.
pub(super) fn thaw(s: &str) -> Option<Update> {
    let u: Update = serde_json::from_str(s).ok()?;
    (!matches!(u.kind, UpdateKind::Error(_))).then_some(u)
}

/// The language Telegram reports for the sender of an update.
pub(super) fn user_language(u: &Update) -> Option<String> {
    let from = match &u.kind {
        UpdateKind::Message(m) | UpdateKind::EditedMessage(m) => m.from.as_ref(),
        UpdateKind::CallbackQuery(q) => Some(&q.from),
        _ => None,
    }?;
    from.language_code.clone()
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

pub(super) fn chat_of(u: &Update) -> Option<i64> {
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

pub(super) fn kind_name(u: &Update) -> &'static str {
    match &u.kind {
        UpdateKind::Message(m) if m.text().is_some() => "text",
        UpdateKind::Message(_) => "other_message",
        UpdateKind::EditedMessage(_) => "edited_message",
        UpdateKind::CallbackQuery(_) => "callback",
        _ => "other",
    }
}
