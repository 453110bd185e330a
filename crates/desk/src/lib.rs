//! The clearpath runtime and case desk: everything between a channel and the store that is not
//! pure. It speaks channel-neutral messages ([`outbound`]); the binary's channels render them.
//!
//! # Layout
//! - [`app`]: the runtime around the engine: load, step, apply effects, store, flush; the
//!   aggregate counters each step adds to.
//! - [`admin`]: administrators' commands in their chat (`/stats`, `/flowversion`).
//! - [`referral`]: the case desk: attorneys, routing, delivery, attorney commands, retention of
//!   cases.
//! - [`handoff`]: the referral sealed with `age` to the attorney's key.
//! - [`audit`]: the hash-chained, encrypted audit log of what happened to each case.
//! - [`retention`]: how long things are kept, the policy the store carries out.
//! - [`outbound`]: what the desk sends, and the trait a channel implements to carry it.
//!
//! What this crate never does: name a channel (no channel library, no channel's payloads), or touch sled
//! except through `clearpath-store`. Outside tests it denies `unwrap`, `expect`, `panic!`,
//! `unreachable!` and unchecked indexing.

#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::unreachable, clippy::indexing_slicing)
)]

pub mod admin;
pub mod app;
pub mod audit;
pub mod handoff;
pub mod outbound;
pub mod referral;
pub mod retention;

// The lower layers, under the names the modules here use.
use clearpath_core::{callback, engine, flow, intake, jurisdiction, locale, render, rules, stats};
use clearpath_store as store;
