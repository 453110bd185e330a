//! Retention as promised: a case nobody accepts is not kept for ever, and what survivors are told
//! about keeping their data is what the settings make the code do.

use crate::attorneys::{admin, attorney, documents, triage, Keys};
use crate::botapi::Double;
use crate::telegram::{full_intake, Bot};
use jiff::{SignedDuration, Timestamp};

const SURVIVOR: i64 = 773_055_123;
const A: i64 = 773_066_101;
const ADMIN: i64 = 773_066_909;

#[test]
fn a_case_nobody_accepts_is_deleted_after_the_waiting_period_with_everyone_told() {
    let d = Double::start();
    let dir = tempfile::tempdir().unwrap();
    let keys = Keys::new(1);
    let extra = format!("admins = [{ADMIN}]\n{}", attorney("Ana A", A, &keys.public(0), "\"*\"", false));
    let bot = Bot::start(&d, dir.path(), &extra);
    full_intake(&d, SURVIVOR, "en");
    d.wait_for(A, 30, "the case for A", |m| triage(m).is_some() && !documents(m).is_empty());
    let at = |days: i64| (Timestamp::now() + SignedDuration::from_hours(24 * days)).to_string();
    // Ana lets the offer lapse; nobody else serves it: it waits.
    let (rc, out, err) = admin(dir.path(), &["cases", "sweep", "--now", &at(4)]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.contains("1 offer(s) timed out"), "{out}");
    // A week before the 60 days: the administrators are reminded, once.
    let (_, out, _) = admin(dir.path(), &["cases", "sweep", "--now", &at(52)]);
    assert!(out.contains("0 reminder(s)"), "{out}");
    let (_, out, _) = admin(dir.path(), &["cases", "sweep", "--now", &at(54)]);
    assert!(out.contains("1 reminder(s)"), "{out}");
    d.wait_for(ADMIN, 20, "the reminder", |m| m.iter().any(|m| m.text.contains("will be deleted in 7 days")));
    let (_, out, _) = admin(dir.path(), &["cases", "sweep", "--now", &at(55)]);
    assert!(out.contains("0 reminder(s)"), "reminded once: {out}");
    // At 60 days it goes.
    let (_, out, _) = admin(dir.path(), &["cases", "sweep", "--now", &at(61)]);
    assert!(out.contains("1 case(s) nobody accepted deleted"), "{out}");
    let (_, out, _) = admin(dir.path(), &["cases", "list"]);
    assert_eq!(out.trim(), "no cases");
    d.wait_for(ADMIN, 20, "the deletion notice", |m| {
        m.iter().any(|m| m.text.contains("no attorney accepted it within 60 days"))
    });
    // The survivor, who chose this chat, is told: a neutral first line, the help lines, 911.
    let msgs =
        d.wait_for(SURVIVOR, 20, "the survivor's notice", |m| m.iter().any(|m| m.text.starts_with("Hello again.\n")));
    let notice = msgs.iter().find(|m| m.text.starts_with("Hello again.\n")).unwrap();
    assert!(notice.protect && notice.text.contains("911") && notice.text.contains("1-888-373-7888"), "{notice:#?}");
    // Nothing of the intake is left: a sweep that looks for intakes without a case finds none.
    bot.stop();
    let (rc, out, err) = admin(dir.path(), &["cases", "sweep", "--now", &at(62)]);
    assert_eq!(rc, 0, "{out}{err}");
    assert!(out.starts_with("0 case(s) opened"), "{out}");
    let (rc, out, _) = admin(dir.path(), &["audit", "verify"]);
    assert_eq!(rc, 0);
    // offered, timed_out, unassigned, not_taken
    assert!(out.contains("4 entries"), "{out}");
}

#[test]
fn what_survivors_are_told_about_keeping_data_follows_the_settings() {
    // Unusual values, so that each number can only have come from its own setting.
    use clearpath::app::Retention;
    use clearpath::store::{crypto::Key, Store};
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let retention = Retention { abandoned_days: 23, delivered_days: 17, waiting_days: 41 };
    let app = clearpath::app::App::new(crate::support::intake_flow(), crate::support::locales(), store, retention);
    for lang in ["en", "es"] {
        let consent = app.locales().format(lang, "q-consent", &[]);
        let line = consent.lines().find(|l| l.contains("23")).unwrap_or_else(|| {
            panic!("{lang}: the consent does not say how long unfinished answers are kept: {consent}")
        });
        for n in ["23", "17", "41"] {
            assert!(line.contains(n), "{lang}: the consent's retention line lacks {n}: {line}");
        }
        for stale in ["30", "14", "60"] {
            assert!(!line.contains(stale), "{lang}: a default ({stale}) instead of the setting: {line}");
        }
    }
    // Without settings, what the locales say is the code's own defaults (two lists of the same
    // numbers: `Retention::default` and the locales' default globals).
    let d = Retention::default();
    let consent = crate::support::locales().format("en", "q-consent", &[]);
    for n in [d.abandoned_days, d.delivered_days, d.waiting_days] {
        assert!(consent.contains(&format!(" {n} ")), "the locales' default says other than {n}: {consent}");
    }
}
