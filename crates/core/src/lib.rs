//! The pure core of clearpath: what an intake is and how a conversation moves, in every
//! language, and what the relief rules say about a case.
//!
//! # Layout
//! - [`callback`]: the data behind every button, with one encode/decode place.
//! - [`engine`]: the conversation state machine, `step(&Flow, &Session, Input, now)`.
//! - [`flow`]: flows as data (`flows/*.toml`), their loader and `flows check`.
//! - [`locale`]: Fluent translations (`locales/<lang>/`), with English fallback.
//! - [`render`]: what a step's replies look like in a survivor's language, for every channel.
//! - [`intake`]: a completed intake, as the engine recorded it.
//! - [`rules`]: the relief rules (`rules/*.toml`), the screening, the attorney's summary.
//! - [`stats`]: the administrators' aggregate counts: what counts, where, and how it is shown.
//! - [`jurisdiction`]: the 50 states, DC and federal, with the names people type.
//! - [`lexicon`]: the words each language lends to reading what people type (month and
//!   jurisdiction names, command words, yes/no), from `locales/<lang>/locale.toml`.
//! - [`diag`]: file:line:column diagnostics for files admins edit.
//! - [`data`]: the files admins edit, already read (the binary reads them).
//!
//! What this crate never does (its dependencies cannot, and CI checks the tree): no file or
//! network I/O, no clock (time comes in as a value), no randomness, no tokio, no sled, no
//! teloxide. Outside input (an update, a file) never reaches a panic: outside tests the crate
//! denies `unwrap`, `expect`, `panic!`, `unreachable!` and unchecked indexing.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::indexing_slicing)
)]

pub mod callback;
pub mod data;
pub mod diag;
pub mod engine;
pub mod flow;
pub mod flowtest;
pub mod intake;
pub mod jurisdiction;
pub mod lexicon;
pub mod locale;
pub mod locale_check;
pub mod render;
pub mod rules;
pub mod stats;
