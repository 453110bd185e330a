//! Channels carry a conversation to and from a person. Each turns what arrives into an engine
//! [`Input`](crate::engine::Input), hands it to [`App::handle`](crate::app::App::handle), and shows
//! the rendered replies. Only `telegram` (when it exists) imports teloxide.

/// Callback data is a protocol the desk speaks too: it lives in the core.
pub use clearpath_core::callback;
pub mod console;
/// The renderer lives in the core, shared by every channel.
pub use clearpath_core::render;
pub mod telegram;

use crate::engine::{Command, Input};
use crate::lexicon::Lexicon;

/// Parses a typed `/command arg` (a command's own name, or what a loaded language types for it).
/// Returns `None` for anything that is not a known command.
pub fn parse_command(text: &str, words: &Lexicon) -> Option<Input> {
    let t = text.trim();
    let rest = t.strip_prefix('/')?;
    let (name, arg) = match rest.split_once(char::is_whitespace) {
        Some((n, a)) => (n, Some(a.trim().to_string()).filter(|a| !a.is_empty())),
        None => (rest, None),
    };
    // Telegram appends the bot's name in groups: /help@clearpath_bot
    let name = name.split('@').next().unwrap_or(name);
    Command::parse(name, words).map(|cmd| Input::Command { cmd, arg })
}
