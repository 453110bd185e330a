//! clearpath: a trauma-informed intake that helps survivors of human trafficking reach
//! criminal-record relief, and hands a cited, sealed summary to an attorney.
//!
//! The crates are the layers, and Cargo refuses an import that goes the wrong way:
//! `clearpath-core` (pure: flows, engine, locales, rules) <- `clearpath-store` (sled, sealing)
//! <- `clearpath-desk` (the runtime and the case desk, channel-neutral) <- this crate.
//!
//! # Layout
//! - [`cli`]: the `clearpath` command line.
//! - [`channel`]: how a conversation reaches a person (terminal, JSON lines, Telegram).
//! - [`config`]: settings that are not secrets: flag, then environment, then a TOML file, then
//!   the default, resolved in one place.
//! - [`data`]: reads flows, locales and rules from a directory, or the copy built in.
//! - [`escrow`]: the master key sealed to administrators' age keys (one of N, or K of N), and
//!   rebuilt from their identities.
//! - [`clock`]: the time (which tests of the real binary can move forward).
//! - [`control`]: the control socket through which commands reach a running process.
//! - [`doctor`]: `clearpath doctor`, every check of an installation's health at once.
//! - [`preview`]: `flows preview`, a walk through a flow in memory, nothing stored.
//!
//! The lower crates' modules are re-exported under their old names (`clearpath::engine`,
//! `clearpath::store`, `clearpath::referral`, ...), so tests and tools name one crate.
//!
//! Outside input (an update, a command, a file, a socket line) never reaches a panic: outside
//! tests the crate denies `unwrap`, `expect`, `panic!`, `unreachable!` and unchecked indexing,
//! and each remaining `allow` says why it cannot fire.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::indexing_slicing)
)]

pub mod authoring;
pub mod channel;
pub mod check;
pub mod cli;
pub mod clock;
pub mod config;
pub mod control;
pub mod data;
pub mod doctor;
pub mod escrow;
pub mod impact;
pub mod metrics;
pub mod preview;
pub mod reload;

pub use clearpath_core::{
    diag, engine, flowtest, intake, jurisdiction, lexicon, locale, locale_check, render, rules, stats,
};
pub use clearpath_desk::{admin, app, audit, handoff, outbound, referral};
pub use clearpath_store as store;

/// Flows as data: the core's loader, and reading one from a file.
pub mod flow {
    pub use crate::data::load_flow_file as load_file;
    pub use clearpath_core::flow::*;
}
