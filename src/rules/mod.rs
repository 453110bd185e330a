//! Relief rules by jurisdiction (`rules/*.toml`) and the screening fields the intake feeds.

pub mod category;
pub mod fields;
