//! Conversations left unattended: paused as `/exit` does it, after `idle_pause_minutes`.

use super::*;

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
pub(super) fn pause_chat(
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
    // The exit's own path, counted as a pause: the survivor did not choose it.
    app.pause_left(who, now, loaded, |h| {
        let words = Words::new(app, &h.lang);
        let (entries, log) = deliver(cfg, chat, h, &mut log, None, false, now, &words);
        (entries, log.filter(|l| *l != original))
    })?;
    Ok(true)
}

/// At start-up: every conversation still in progress, with its chat (from its chat log), is
/// watched for idleness from now on.
pub(super) fn watch_active(app: &App) -> Result<usize, crate::store::StoreError> {
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
