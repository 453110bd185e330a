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
    assert_eq!(c.handoff.offer_hours, d.handoff.offer_hours);
    assert_eq!(c.handoff.summary_as_text, d.handoff.summary_as_text);
    assert_eq!(c.handoff.alert_after_failures, d.handoff.alert_after_failures);
}

#[test]
fn attorneys_in_the_config_are_checked() {
    let p = Path::new("c.toml");
    let key = age::x25519::Identity::generate().to_public().to_string();
    let one = |name: &str, recipient: &str, j: &str, default: bool| {
        format!("[[attorney]]\nname = {name:?}\nchat = 1\nrecipient = {recipient:?}\njurisdictions = [{j}]\ndefault = {default}\n")
    };
    let ok = Config::parse(p, &(one("Ana", &key, "\"NY\"", false) + &one("Ben", &key, "\"*\"", true))).unwrap();
    assert_eq!(ok.attorneys.len(), 2);
    assert_eq!(ok.attorneys[0].language, "en");
    let e = Config::parse(p, &one("Ana", "age1nope", "\"NY\"", false)).unwrap_err().to_string();
    assert_eq!(e, "c.toml: setting `attorney`: attorney #1 (Ana): \"age1nope\" is not an age recipient (age1...)");
    let e = Config::parse(p, &one("Ana", &key, "\"New York\"", false)).unwrap_err().to_string();
    assert!(e.contains("\"New York\" is not a jurisdiction code"), "{e}");
    let e = Config::parse(p, &(one("Ana", &key, "\"NY\"", false) + &one("ana", &key, "\"NJ\"", false))).unwrap_err();
    assert!(e.to_string().contains("attorney #2: the name \"ana\" is used twice"), "{e}");
    let e = Config::parse(p, &(one("Ana", &key, "\"NY\"", true) + &one("Ben", &key, "\"NJ\"", true))).unwrap_err();
    assert!(e.to_string().contains("only one attorney can be the default"), "{e}");
    let e = Config::parse(p, "[handoff]\noffer_hours = 0\n").unwrap_err().to_string();
    assert_eq!(e, "c.toml: setting `handoff.offer_hours`: must be between 1 and 1440 hours");
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
