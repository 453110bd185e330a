//! `clearpath check` and `clearpath locales check` through the binary: each new diagnostic from a
//! broken fixture, with its exact message, and the shipped data checking clean.

use crate::support::{copy_dir, root, run_bin};
use expect_test::expect;
use std::path::PathBuf;

/// A copy of the shipped flows, locales and rules in a temporary directory, to break. Of the
/// locales only English and Spanish, the languages these tests break on purpose: every other
/// translation would repeat the same stale and missing-message reports.
struct Data {
    dir: tempfile::TempDir,
}

impl Data {
    fn new() -> Data {
        let dir = tempfile::tempdir().unwrap();
        for d in ["flows", "rules"] {
            copy_dir(&root().join(d), &dir.path().join(d));
        }
        // English and Spanish only (every other language would repeat the planted warnings), so
        // the copy's flow offers those two.
        for lang in ["en", "es"] {
            copy_dir(&root().join("locales").join(lang), &dir.path().join("locales").join(lang));
        }
        let flow = dir.path().join("flows/intake.toml");
        let text = std::fs::read_to_string(&flow).unwrap();
        let two: String = text
            .lines()
            .map(|l| {
                if l.starts_with("languages = [") {
                    "languages = [\"en\", \"es\"]\n".to_string()
                } else {
                    format!("{l}\n")
                }
            })
            .collect();
        std::fs::write(&flow, two).unwrap();
        Data { dir }
    }
    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }
    fn edit(&self, rel: &str, from: &str, to: &str) {
        let p = self.path(rel);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{rel} has no {from:?}");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    }
    /// Runs the binary in the copy, with its paths shown relative to it.
    fn run(&self, args: &[&str]) -> String {
        let (code, out, err) = run_bin(args, &[], "", self.dir.path());
        format!("exit {code}\n{out}{err}")
    }
}

#[test]
fn the_shipped_data_checks_clean() {
    let (code, out, err) = run_bin(&["check"], &[], "", &root());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.ends_with("check: ok (0 warning(s)): safe to deploy\n"), "{out}");
    let (code, out, _) = run_bin(&["locales", "check"], &[], "", &root());
    assert_eq!(code, 0, "{out}");
    assert_eq!(out, "ok: locales (en, ar, es, ht, ko, pt-BR, ru, th, tl, uk, vi, zh-Hans), 0 warning(s)\n");
}

#[test]
fn locales_check_finds_unused_missing_mismatched_stale_and_too_long_messages() {
    let d = Data::new();
    // A message nothing uses.
    d.edit("locales/es/app.ftl", "choice-change = ", "saludo-viejo = Hola\nchoice-change = ");
    // A placeable renamed in the translation.
    d.edit(
        "locales/es/app.ftl",
        "Por favor escriba un número entre { $min } y { $max }.",
        "Por favor escriba un número entre { $minimo } y { $max }.",
    );
    // The English of a stamped message changes: its translation is now stale.
    d.edit(
        "locales/en/app.ftl",
        "resume-prompt = Welcome back. Would you like to continue where you left off?",
        "resume-prompt = Welcome back. Do you want to go on from where you stopped?",
    );
    // A message only English has.
    d.edit("locales/en/app.ftl", "choice-change = ", "app-extra = Something new\nchoice-change = ");
    // A message far longer than Telegram takes.
    let long = format!("    {}\n", "palabra ".repeat(12)).repeat(50);
    d.edit("locales/es/app.ftl", "review-intro =\n", &format!("review-intro =\n{long}"));
    expect![[r#"
        exit 5
        warning[unused-message]: locale "en": message "app-extra" is not used by any flow or by the program
          --> locales/en/app.ftl:14:1
           |
        14 | app-extra = Something new
           | ---------
           |
           = help: delete it, or name it in a flow (`prompt`, `hint`, an option's `label`)

        warning[unused-message]: locale "es": message "saludo-viejo" is not used by any flow or by the program
          --> locales/es/app.ftl:13:1
           |
        13 | saludo-viejo = Hola
           | ------------
           |
           = help: delete it, or name it in a flow (`prompt`, `hint`, an option's `label`)

        error[placeable-mismatch]: locale "es": message "invalid-number-range" lacks { $min } that English has and uses { $minimo }, which English does not give it
          --> locales/es/app.ftl:61:61
           |
        61 | invalid-number-range = Por favor escriba un número entre { $minimo } y { $max }.
           |                                                             ^^^^^^
           |
           = help: use the same { $name } placeables as the English message; a misspelt one shows as its name to the survivor

        error[too-long]: locale "es": message "review-intro" is 4948 characters with realistic values; Telegram takes at most 4096
          --> locales/es/app.ftl:74:1
           |
        74 | review-intro =
           | ^^^^^^^^^^^^
           |
           = help: shorten it, or split it into a question and a `hint`

        warning[stale-translation]: locale "es": message "resume-prompt" was translated from an older English text
           --> locales/es/app.ftl:131:1
            |
        131 | resume-prompt = Hola de nuevo. ¿Quiere seguir donde se quedó?
            | -------------
            |
            = help: compare it with the English now, update the translation, then run `clearpath locales stamp es resume-prompt`

        error[missing-translation]: locale "es": 1 message(s) of English are missing: app-extra
          --> locales/es/locale.toml:1:1
           = help: add them to an .ftl file in locales/es (copy the English and translate it)

        3 error(s), 3 warning(s) in locales (en, es)
    "#]]
    .assert_eq(&d.run(&["locales", "check"]));
}

#[test]
fn check_reports_the_settings_the_rules_the_flow_and_the_flow_tests_at_once() {
    let d = Data::new();
    // A settings file with a value out of range.
    std::fs::write(d.path("clearpath.toml"), "[telegram]\npoll_timeout_secs = 99\n").unwrap();
    // A jurisdiction offered as a button whose rules file is gone.
    std::fs::remove_file(d.path("rules/TX.toml")).unwrap();
    // A flow test that no longer matches the flow.
    d.edit(
        "flows/tests/not-safe-now.toml",
        "{ at = \"safety\", press = \"not_now\" }",
        "{ at = \"device\", press = \"not_now\" }",
    );
    expect![[r#"
        exit 5
        error[config-invalid]: `telegram.poll_timeout_secs` must be between 1 and 50 seconds
         --> clearpath.toml:2:1
          |
        2 | poll_timeout_secs = 99
          | ^^^^^^^^^^^^^^^^^
          |
          = help: the settings, their form and ranges: README, "Settings", and clearpath.example.toml

        error[no-rules]: step "case_state": jurisdiction "TX" is offered, but rules/ has no TX.toml
           --> flows/intake.toml:113:13
            |
        113 |   { value = "TX" },
            |             ^^^^
            |
            = help: offer a jurisdiction that has a rules file, or add the file (rules/README.md)

        settings    1 error(s), 0 warning(s)  (invalid)
        flows       ok  (flows)
        locales     ok  (locales (en, es))
        rules       1 error(s), 0 warning(s)  (51 jurisdictions)
        flow tests  not run (fix the errors above first)
        check: 2 error(s), 0 warning(s): fix the errors before this goes live
    "#]]
    .assert_eq(&d.run(&["check", "--config", "clearpath.toml"]));
}

#[test]
fn check_runs_the_flow_tests_once_everything_else_is_valid() {
    let d = Data::new();
    d.edit(
        "flows/tests/not-safe-now.toml",
        "{ at = \"safety\", press = \"not_now\" }",
        "{ at = \"device\", press = \"not_now\" }",
    );
    std::fs::remove_file(d.path("flows/tests/declines-consent.toml")).unwrap();
    expect![[r#"
        exit 5
        warning[coverage]: 5 part(s) of the flow no flow test walks
          --> flows/intake.toml:1:1
           = help: `clearpath flows test --coverage` lists them

        error[flow-test]: test "Not safe to talk right now: the conversation stops at once, before anything is kept.": the flow asked something else at this turn: expected `device`, got `safety`
         --> flows/tests/not-safe-now.toml:7:3
          |
        7 |   { at = "device", press = "not_now" },
          |   ^
          |
          = help: `clearpath flows test` shows the conversation up to there; change the test or the flow

        settings    ok  (no settings file (defaults))
        flows       ok  (flows)
        locales     ok  (locales (en, es))
        rules       ok  (52 jurisdictions)
        flow tests  1 error(s), 1 warning(s)
        check: 1 error(s), 1 warning(s): fix the errors before this goes live
    "#]].assert_eq(&d.run(&["check"]));
}

#[test]
fn check_reports_a_settings_file_that_does_not_parse_and_a_broken_flow_test_file() {
    let d = Data::new();
    std::fs::write(d.path("clearpath.toml"), "[telegram]\npoll_timeout_secs = \"ten\"\n").unwrap();
    std::fs::write(
        d.path("flows/tests/broken.toml"),
        "description = \"x\"\nturns = [\n  { say = \"1\", command = \"back\" },\n]\n[expect]\nstatus = \"finished\"\n",
    )
    .unwrap();
    expect![[r#"
        exit 5
        error[config-syntax]: invalid type: string "ten", expected u32
         --> clearpath.toml:2:21
          |
        2 | poll_timeout_secs = "ten"
          |                     ^^^^^
          |
          = help: the settings, their form and ranges: README, "Settings", and clearpath.example.toml

        error[test-turn]: each turn does exactly one thing: `say = "..."`, `press = "option"` or `command = "back"`
         --> flows/tests/broken.toml:3:3
          |
        3 |   { say = "1", command = "back" },
          |   ^
          |

        error[test-status]: unknown status "finished"; use one of submitted, sent_early, paused, declined, erased, in_progress
         --> flows/tests/broken.toml:5:1
          |
        5 | [expect]
          | ^^^^^^^
          |

        settings    1 error(s), 0 warning(s)  (invalid)
        flows       ok  (flows)
        locales     ok  (locales (en, es))
        rules       ok  (52 jurisdictions)
        flow tests  2 error(s), 0 warning(s)
        check: 3 error(s), 0 warning(s): fix the errors before this goes live
    "#]]
    .assert_eq(&d.run(&["check", "--config", "clearpath.toml"]));
    // With no flow tests at all, check says so.
    for e in std::fs::read_dir(d.path("flows/tests")).unwrap() {
        std::fs::remove_file(e.unwrap().path()).unwrap();
    }
    std::fs::remove_file(d.path("clearpath.toml")).unwrap();
    expect![[r#"
        exit 0
        warning[no-flow-tests]: no flow tests (flows/tests/*.toml): nothing checks that the flow still does what you mean
          --> flows/intake.toml:1:1
           = help: write one: docs/flows.md, "Flow tests"

        settings    ok  (no settings file (defaults))
        flows       ok  (flows)
        locales     ok  (locales (en, es))
        rules       ok  (52 jurisdictions)
        flow tests  ok, 1 warning(s)
        check: ok (1 warning(s)): safe to deploy
    "#]].assert_eq(&d.run(&["check"]));
}

#[test]
fn stamping_a_checked_translation_clears_its_stale_warning() {
    let d = Data::new();
    d.edit(
        "locales/en/app.ftl",
        "resume-prompt = Welcome back. Would you like to continue where you left off?",
        "resume-prompt = Welcome back. Do you want to go on from where you stopped?",
    );
    let out = d.run(&["locales", "check"]);
    assert!(
        out.starts_with("exit 0\n")
            && out.contains("warning[stale-translation]: locale \"es\": message \"resume-prompt\""),
        "{out}"
    );
    // The translator updates the Spanish, then records that it matches the English now.
    d.edit(
        "locales/es/app.ftl",
        "resume-prompt = Hola de nuevo. ¿Quiere seguir donde se quedó?",
        "resume-prompt = Hola de nuevo. ¿Quiere seguir desde donde lo dejó?",
    );
    expect![[r#"
        exit 0
        stamped 1 message(s) of es against the English now, in locales/es/locale.toml
    "#]]
    .assert_eq(&d.run(&["locales", "stamp", "es", "resume-prompt", "--locales", "locales"]));
    // Spanish is no longer stale; the other translations of the message still are, until
    // their translators do the same.
    let out = d.run(&["locales", "check"]);
    assert!(out.starts_with("exit 0\n") && !out.contains("locale \"es\": message \"resume-prompt\""), "{out}");
    // English is the source: it is never stamped; an unknown locale is named.
    let out = d.run(&["locales", "stamp", "en", "--locales", "locales"]);
    assert!(out.starts_with("exit 1\n") && out.contains("English is the source language"), "{out}");
    let out = d.run(&["locales", "stamp", "xx", "--locales", "locales"]);
    assert!(out.contains("no locale \"xx\""), "{out}");
}

#[test]
fn the_remaining_diagnostics_each_from_a_broken_fixture() {
    let d = Data::new();
    // Flow test files: not TOML, a bad date, no turns.
    std::fs::write(d.path("flows/tests/a-syntax.toml"), "description = \"x\"\nturns = [\n").unwrap();
    std::fs::write(
        d.path("flows/tests/b-date.toml"),
        "description = \"x\"\ndate = \"1 March 2026\"\nturns = [{ press = \"en\" }]\n",
    )
    .unwrap();
    std::fs::write(d.path("flows/tests/c-empty.toml"), "description = \"x\"\nturns = []\n").unwrap();
    expect![[r#"
        exit 5
        FAILED flows/tests/a-syntax.toml: the test file has errors
        error[test-syntax]: invalid array
        expected `]`
          --> flows/tests/a-syntax.toml:3:1

        FAILED flows/tests/b-date.toml: the test file has errors
        error[test-date]: `date` must be a day written YYYY-MM-DD
         --> flows/tests/b-date.toml:2:8
          |
        2 | date = "1 March 2026"
          |        ^^^^^^^^^^^^^^
          |

        FAILED flows/tests/c-empty.toml: the test file has errors
        error[test-empty]: a test needs at least one turn
         --> flows/tests/c-empty.toml:1:1
          |
        1 | description = "x"
          | ^^^^^^^^^^^
          |

        ok     flows/tests/changes-of-mind.toml: A survivor goes back to change answers, says they don't know or would rather not say, and leaves with /exit before the end.
        ok     flows/tests/declines-consent.toml: The survivor reads the consent and declines: nothing is kept.
        ok     flows/tests/not-safe-now.toml: Not safe to talk right now: the conversation stops at once, before anything is kept.
        ok     flows/tests/one-conviction-new-york.toml: One prostitution conviction in New York, answered in full in English, sent through this chat.
        ok     flows/tests/send-early-not-sure-of-record.toml: Three minutes, not sure there is a record: the short path with "I don't know", then "Send this now" at the tenth prompt; the rest is not reached.
        ok     flows/tests/three-cases-other-outcomes.toml: Three cases that did not end in a conviction (dismissed, still pending, juvenile), unsure whether the phone is private, a permanent resident, contact through an advocate.
        ok     flows/tests/two-cases-spanish-immigration-court.toml: In Spanish, on a shared phone, with a resume code: an arrest in Texas and a deferred case in California, a hearing in immigration court, contact by phone.
        10 flow test(s): 7 passed, 3 failed
    "#]].assert_eq(&d.run(&["flows", "test"]));
    // A translation with no English source recorded.
    let meta = d.path("locales/es/locale.toml");
    let text = std::fs::read_to_string(&meta).unwrap();
    let cut = text.find("\n# The English text each translation was made from").unwrap();
    std::fs::write(&meta, &text[..cut + 1]).unwrap();
    expect![[r#"
        exit 0
        warning[unstamped]: locale "es": 224 translation(s) record no English source, so a change to the English cannot be noticed
          --> locales/es/locale.toml:1:1
           = help: once the translations are checked against the English, run `clearpath locales stamp es`

        ok: locales (en, es), 1 warning(s)
    "#]].assert_eq(&d.run(&["locales", "check"]));
    // No flows at all, and a settings file that is not there.
    for e in std::fs::read_dir(d.path("flows")).unwrap() {
        let p = e.unwrap().path();
        if p.is_file() {
            std::fs::remove_file(p).unwrap();
        }
    }
    expect![[r#"
        exit 5
        error[no-flows]: no flow files (*.toml) here
          --> flows/:1:1
           = help: the intake is flows/intake.toml; point --flows (or CLEARPATH_FLOWS) at the directory that holds it

        warning[unstamped]: locale "es": 224 translation(s) record no English source, so a change to the English cannot be noticed
          --> locales/es/locale.toml:1:1
           = help: once the translations are checked against the English, run `clearpath locales stamp es`

        error[config-unreadable]: cannot read the settings file: No such file or directory (os error 2)
          --> missing.toml:1:1
           = help: check the path given with --config or CLEARPATH_CONFIG, and that the file can be read

        settings    1 error(s), 0 warning(s)  (invalid)
        flows       1 error(s), 0 warning(s)  (flows)
        locales     ok, 1 warning(s)  (locales (en, es))
        rules       ok  (52 jurisdictions)
        flow tests  not run (fix the errors above first)
        check: 2 error(s), 1 warning(s): fix the errors before this goes live
    "#]].assert_eq(&d.run(&["check", "--config", "missing.toml"]));
}
