//! `clearpath flows preview`, through the real binary, in an empty directory (so the built-in
//! flow and locales are used): it shows each step's id, the branch that led there, the words
//! in the chosen language, and leaves nothing behind.

use crate::support::run_bin;

/// Runs `flows preview ARGS` in a fresh empty directory with `stdin`; checks nothing was
/// written there (no data directory, no key, no outbox) or in the home directory it is given.
fn preview(args: &[&str], stdin: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut all = vec!["flows", "preview"];
    all.extend_from_slice(args);
    let home_path = home.path().to_str().unwrap();
    let (code, out, err) = run_bin(&all, &[("HOME", home_path), ("XDG_DATA_HOME", home_path)], stdin, dir.path());
    for d in [dir.path(), home.path()] {
        let left: Vec<_> = std::fs::read_dir(d).unwrap().map(|e| e.unwrap().path()).collect();
        assert!(left.is_empty(), "flows preview wrote {left:?}\n{out}{err}");
    }
    (code, out, err)
}

#[test]
fn preview_walks_the_flow_in_english_showing_steps_and_branches() {
    // English; safe to chat; someone else uses the phone (a branch); continue; decline consent.
    let (code, out, err) = preview(&[], "1\n1\n2\n1\n2\n");
    assert_eq!(code, 0, "{out}{err}");
    for step in ["[step language]", "[step safety]", "[step device]", "[step device_tips]", "[step consent]"] {
        assert!(out.contains(step), "{step} missing:\n{out}");
    }
    assert!(out.contains("Is it safe for you to chat right now?"), "{out}");
    assert!(out.contains("→ device_tips because device is others or not_sure\n[step device_tips]"), "{out}");
    assert!(out.contains("→ declined because consent was declined"), "{out}");
    assert!(out.contains("(preview: the conversation ends here; nothing was stored)"), "{out}");
    // A plain `next` is not announced as a branch.
    assert!(!out.contains("→ safety"), "{out}");
}

#[test]
fn preview_speaks_spanish_with_lang_es() {
    // Spanish offered first; then not safe right now, which ends the conversation for later.
    let (code, out, err) = preview(&["--lang", "es"], "2\n2\n");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("[step language]\nElija un idioma"), "{out}");
    assert!(out.contains("¿Es seguro para usted chatear ahora?"), "{out}");
    assert!(out.contains("Ahora no"), "{out}");
    assert!(out.contains("→ later because safety = not_now"), "{out}");
}

#[test]
fn preview_from_a_step_in_the_case_group_starts_at_case_one() {
    let (code, out, err) = preview(&["--from", "case_outcome"], "1\n");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("[step case_outcome · case #1]\n"), "{out}");
    assert!(
        out.contains("→ case_final_charge · case #1 because case_outcome is conviction or deferred\n[step case_final_charge · case #1]"),
        "{out}"
    );
    assert!(out.ends_with("(preview: end of input; nothing was stored)\n"), "{out}");

    // Another case starts the group again, as case 2.
    let (code, out, _) = preview(&["--from", "case_another"], "1\n");
    assert_eq!(code, 0);
    assert!(
        out.contains("→ case_state · case #2 (a new one) because case_another = yes\n[step case_state · case #2]"),
        "{out}"
    );
}

#[test]
fn preview_stops_where_the_intake_would_be_submitted() {
    let (code, out, err) = preview(&["--from", "review", "--lang", "es"], "1\nnever read\n");
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("[step review]\n"), "{out}");
    assert!(
        out.contains("(preview: here the intake would be submitted and handed to an attorney; nothing was stored)"),
        "{out}"
    );
    assert!(!out.contains("end of input"), "the walk stops at the submission:\n{out}");
}

#[test]
fn preview_refuses_an_unknown_step_or_language_clearly() {
    let (code, out, err) = preview(&["--from", "case_outcomes"], "");
    assert_eq!(code, 2, "{out}{err}");
    assert!(
        err.contains("--from case_outcomes: flow \"intake\" has no such step; its steps are: language, safety,"),
        "{err}"
    );
    let (code, _, err) = preview(&["--lang", "fr"], "");
    assert_eq!(code, 2);
    assert!(err.contains("--lang fr: flow \"intake\" is offered in en, es"), "{err}");
}
