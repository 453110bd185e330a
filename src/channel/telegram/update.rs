//! Reading one update: who it is from, what input it is (a typed answer, a command, a button),
//! and handling it for a survivor, an attorney or an administrator.

use super::*;

/// What an update means for the conversation.
pub(super) struct Incoming {
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
pub(super) fn stale_press() -> Input {
    Input::Choice { id: String::new(), step: Some("stale".into()) }
}

/// A short tag of a prompt key, to keep callback data within Telegram's 64 bytes.
pub fn key_tag(key: &str) -> String {
    blake3::hash(key.as_bytes()).to_hex()[..8].to_string()
}

/// On the review, a typed number is the answer of that number to change, as the message numbers
/// them (never "send", which only its button or its words do).
pub(super) fn review_number(p: &OutPrompt, t: &str) -> Option<Input> {
    if p.input != PromptKind::Review {
        return None;
    }
    let n = t.trim().trim_end_matches('.').parse::<usize>().ok().filter(|n| *n >= 1)?;
    let item = p.review.get(n - 1)?;
    Some(Input::Choice { id: format!("change:{}", item.key), step: Some(p.key.clone()) })
}

pub(super) fn incoming(
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
                        Some(p) => {
                            review_number(p, &lexicon.ascii_digits(t)).unwrap_or_else(|| resolve_text(p, t, lexicon))
                        }
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
pub(super) fn handle_update_as(
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
        // Administrators' commands are read for a configured administrator's chat only: to
        // anyone else they are unknown commands, answered below as any other.
        let admin = crate::admin::is_admin(app, chat);
        if let Some(cmd) = admin.then(|| admin_command(&u)).flatten() {
            return admin_update(app, Some(cmd), chat, &who, inbox, now);
        }
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
        if admin {
            // An administrator's chat is not a survivor's: the list of commands, or nothing.
            let help = matches!(&u.kind, UpdateKind::Message(m) if m.text().is_some());
            return admin_update(app, help.then_some(crate::admin::AdminCommand::Help), chat, &who, inbox, now);
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
    let inc = incoming(&u, last_prompt.as_ref(), &current, &words, &app.locales().lexicon);
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
pub(super) fn fail_point(u: &Update) {
    let Ok(marker) = std::env::var("CLEARPATH_TEST_FAIL_TEXT") else { return };
    if let UpdateKind::Message(m) = &u.kind {
        if m.text() == Some(marker.as_str()) {
            panic!("a failure injected for a test");
        }
    }
}

/// `/enroll CODE` in a message.
pub(super) fn enroll_code(u: &Update) -> Option<String> {
    let UpdateKind::Message(m) = &u.kind else { return None };
    let (cmd, arg) = command_of(m.text()?)?;
    (cmd == "enroll" && !arg.is_empty()).then(|| arg.to_string())
}

/// A slash command and its argument (`/accept@bot CODE` -> ("accept", "CODE")).
pub(super) fn command_of(text: &str) -> Option<(String, &str)> {
    let rest = text.trim().strip_prefix('/')?;
    let (head, arg) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let cmd = head.split('@').next().unwrap_or("").to_ascii_lowercase();
    Some((cmd, arg.trim()))
}

/// An update from an enrolled attorney's chat: commands and the Accept/Decline buttons. Their
/// replies are not protected (attorneys may keep them).
pub(super) fn attorney_update(
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

/// An administrator's command in a message (`/stats@bot` -> `Stats`).
fn admin_command(u: &Update) -> Option<crate::admin::AdminCommand> {
    let UpdateKind::Message(m) = &u.kind else { return None };
    let (cmd, _) = command_of(m.text()?)?;
    crate::admin::AdminCommand::parse(&cmd)
}

/// An update from a configured administrator's chat: their command's reply, not protected (an
/// administrator may keep it), or nothing.
fn admin_update(
    app: &App,
    cmd: Option<crate::admin::AdminCommand>,
    chat: i64,
    who: &Subject,
    inbox: Option<(u64, Timestamp)>,
    now: Timestamp,
) -> Result<(), crate::store::StoreError> {
    let payloads: Vec<Payload> = cmd
        .map(|cmd| {
            tracing::debug!("administrator command");
            Payload::Send { text: crate::admin::command(app, cmd, now), buttons: vec![], protect: false }
        })
        .into_iter()
        .collect();
    let entries = entries(chat, now, payloads);
    app.store(|s| s.commit(who, crate::store::Change { inbox, outbox: entries, ..Default::default() }))
}

/// The prompt a session shows, rendered, to resolve typed words and numbers against it.
pub(super) fn last_prompt(app: &App, s: &crate::engine::Session) -> Option<OutPrompt> {
    let content = app.content();
    let flow = app.flow_for(s, &content);
    let out = crate::engine::step(&flow, &content.locales.lexicon, s, Input::cmd(Command::Help), s.updated_at);
    let r = crate::render::Renderer { locales: &content.locales };
    out.replies.iter().rev().find_map(|rep| match r.render(s.lang(), rep) {
        Out::Prompt(p) => Some(p),
        _ => None,
    })
}
