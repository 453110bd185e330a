//! What the outbox holds for Telegram, and how a handled input's replies and wipes become it
//! (including the desk's messages, through `DeskOutbound`), cut to Telegram's limits.

use super::*;

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

/// Turns what was handled into outbox entries: wipes first (per the configured mode), then the
/// replies, every one protected.
#[allow(clippy::too_many_arguments)]
pub(super) fn deliver(
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
pub(super) fn exit_text(cfg: &TelegramConfig, lang: &str) -> String {
    cfg.exit_text.get(lang).or_else(|| cfg.exit_text.get("en")).cloned().unwrap_or_else(|| "👍".into())
}
