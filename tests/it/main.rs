//! One integration-test binary (matklad, "Delete Cargo Integration Tests"), with modules.

mod support;

mod attorneys;
mod botapi;

mod cli;
mod config;
mod crash;
mod desk_model;
mod flows_check;
mod handoff;
mod hostile_updates;
mod idle;
mod locales;
mod props;
mod resilience;
mod rules;
mod store;
mod telegram;
mod transcripts;
mod wording;
