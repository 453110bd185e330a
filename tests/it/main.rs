//! One integration-test binary (matklad, "Delete Cargo Integration Tests"), with modules.

mod support;

mod admin;
mod attorneys;
mod audit_head;
mod backup;
mod botapi;

mod check;
mod cli;
mod config;
mod control_socket;
mod counters;
mod crash;
mod deploy;
mod desk_model;
mod doctor;
mod escrow;
mod flow_tests;
mod flows_check;
mod flows_preview;
mod handoff;
mod hostile_updates;
mod idle;
mod languages;
mod locales;
mod logs;
mod metrics;
mod new_language;
mod props;
mod reload;
mod resilience;
mod retention;
mod revocation;
mod rules;
mod secret_files;
mod short_path;
mod store;
mod stored_data;
mod summary;
mod telegram;
mod transcripts;
mod upgrade;
mod webhook;
mod wording;
