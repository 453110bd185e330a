//! The settings file: the shipped example is valid, and mistakes name the setting.

use crate::support::root;
use clearpath::config::{Config, Wipe};
use std::path::Path;

#[test]
fn the_example_config_is_valid_and_shows_the_defaults() {
    let c = Config::load(&root().join("clearpath.example.toml")).unwrap();
    let d = Config::default();
    assert_eq!(c.data_dir, d.data_dir);
    assert_eq!(c.retention.abandoned_days, d.retention.abandoned_days);
    assert_eq!(c.retention.delivered_days, d.retention.delivered_days);
    assert_eq!(c.telegram.wipe, Wipe::AfterEachAnswer);
    assert_eq!(c.telegram.throttle, d.telegram.throttle);
    assert_eq!(c.telegram.poll_timeout_secs, d.telegram.poll_timeout_secs);
    assert_eq!(c.telegram.exit_text, d.telegram.exit_text);
}

#[test]
fn mistakes_name_the_setting() {
    let p = Path::new("c.toml");
    let e = Config::parse(p, "[retention]\nabandoned_days = 0\n").unwrap_err().to_string();
    assert_eq!(e, "c.toml: setting `retention.abandoned_days`: must be between 1 and 3650 days");
    let e = Config::parse(p, "[telegram]\nwipe = \"sometimes\"\n").unwrap_err().to_string();
    assert!(e.starts_with("c.toml:2:8: unknown variant `sometimes`"), "{e}");
    let e = Config::parse(p, "[telegram]\ntoken = \"123:abc\"\n").unwrap_err().to_string();
    assert!(e.contains("unknown field `token`"), "{e}");
    let e = Config::parse(p, "[telegram.exit_text]\nes = \"ok\"\n").unwrap_err().to_string();
    assert!(e.contains("`telegram.exit_text`: needs an \"en\" text"), "{e}");
}
