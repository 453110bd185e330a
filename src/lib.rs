//! clearpath: a trauma-informed intake that helps survivors of human trafficking reach
//! criminal-record relief, and hands a cited, sealed summary to an attorney.
//!
//! # Layout
//! - [`engine`]: the pure conversation state machine,
//!   `step(&Flow, &Lexicon, &Session, Input, now)`.
//! - [`flow`]: flows as data (`flows/*.toml`), their loader and `flows check`.
//! - [`locale`]: Fluent translations (`locales/<lang>/`), with English fallback.
//! - [`channel`]: how a conversation reaches a person (terminal, JSON lines, Telegram) and the
//!   shared renderer.
//! - [`app`]: the runtime around the engine: load, step, apply effects, store, flush.
//! - [`handoff`]: the referral sealed with `age` to the attorney's key.
//! - [`referral`]: the case desk: attorneys, routing, delivery, attorney commands.
//! - [`audit`]: the hash-chained, encrypted audit log of what happened to each case.
//! - [`store`]: the only code that touches sled; every record sealed with XChaCha20-Poly1305.
//! - [`rules`]: offense categories and screening fields shared by rules and flows.
//! - [`jurisdiction`]: the 50 states, DC and federal: their codes and English names.
//! - [`lexicon`]: the words each language lends to reading what people type (month and
//!   jurisdiction names, command words, yes/no), from `locales/<lang>/locale.toml`.
//! - [`diag`]: file:line:column diagnostics for files admins edit.
//! - [`data`]: where flows, locales and rules come from (a directory, or built in).
//! - [`cli`]: the `clearpath` command line.
//! - [`config`]: settings that are not secrets: flag, then environment, then a TOML file, then
//!   the default, resolved in one place.
//! - [`clock`]: the time (which tests of the real binary can move forward).
//! - [`control`]: the control socket through which commands reach a running process.
//!
//! Outside input (an update, a command, a file, a socket line) never reaches a panic: outside
//! tests the crate denies `unwrap`, `expect`, `panic!`, `unreachable!` and unchecked indexing,
//! and each remaining `allow` says why it cannot fire.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::indexing_slicing)
)]

pub mod app;
pub mod audit;
pub mod channel;
pub mod cli;
pub mod clock;
pub mod config;
pub mod control;
pub mod data;
pub mod diag;
pub mod engine;
pub mod flow;
pub mod handoff;
pub mod jurisdiction;
pub mod lexicon;
pub mod locale;
pub mod referral;
pub mod rules;
pub mod store;
