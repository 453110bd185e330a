//! How the case desk reaches a person without naming a channel: it says what to send (a text
//! with buttons, a file) to which chat, and the channel that serves attorneys turns that into
//! its own outbox entries, cut to its own limits, in its own wire format.

use crate::store::{OutboxEntry, StoreError, Subject};
use jiff::Timestamp;

/// One message from the desk, before any channel has shaped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// A text, with rows of buttons (label, callback data). `protect` blocks forwarding and
    /// saving: true for what goes to a survivor, false for an attorney, who must keep the case.
    Text { text: String, buttons: Vec<Vec<(String, String)>>, protect: bool },
    /// A file: the sealed case for an attorney (never protected, so it can be saved).
    File { name: String, text: String },
}

impl Message {
    /// A plain text without buttons.
    pub fn text(text: impl Into<String>, protect: bool) -> Message {
        Message::Text { text: text.into(), buttons: vec![], protect }
    }
}

/// The channel the desk speaks through (Telegram, in the binary).
pub trait Outbound: Send + Sync {
    /// The channel's name, under which a chat's pseudonym is kept.
    fn channel(&self) -> &'static str;
    /// Messages for one chat as outbox entries, in order (a text longer than the channel allows
    /// becomes several entries).
    fn entries(&self, chat: i64, now: Timestamp, messages: Vec<Message>) -> Vec<OutboxEntry>;
}

/// The pseudonym of a chat on the desk's channel.
pub fn subject(app: &crate::app::App, out: &dyn Outbound, chat: i64) -> Result<Subject, StoreError> {
    app.subject(out.channel(), &chat.to_string())
}
