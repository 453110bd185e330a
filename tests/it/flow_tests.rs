//! Flow tests that admins write (`flows/tests/*.toml`), run by the real binary: the shipped ones
//! pass with full coverage, a failing one reads as a diff with its line, and an edit to the flow
//! that breaks a path is caught.

use crate::support::{root, run_bin};
use std::path::Path;

/// A copy of the shipped flows directory (flow and tests) in a temporary directory.
fn flows_copy(dir: &Path) -> std::path::PathBuf {
    let flows = dir.join("flows");
    std::fs::create_dir_all(flows.join("tests")).unwrap();
    std::fs::copy(root().join("flows/intake.toml"), flows.join("intake.toml")).unwrap();
    for e in std::fs::read_dir(root().join("flows/tests")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, flows.join("tests").join(p.file_name().unwrap())).unwrap();
    }
    flows
}

fn shipped_tests() -> usize {
    std::fs::read_dir(root().join("flows/tests"))
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml"))
        .count()
}

#[test]
fn the_shipped_flow_tests_pass_and_cover_the_whole_flow() {
    let (code, out, err) = run_bin(&["flows", "test", "--coverage"], &[], "", &root());
    assert_eq!(code, 0, "{out}\n{err}");
    let n = shipped_tests();
    assert!(n >= 7, "{n}");
    assert!(out.contains(&format!("{n} flow test(s): {n} passed, 0 failed")), "{out}");
    assert!(out.contains("\nfull coverage\n"), "{out}");
    // Coverage is measured, not declared: each line has as many covered as exist.
    for heading in ["steps reached", "branches taken", "branches not taken", "options of choices that branch"] {
        let line = out.lines().find(|l| l.trim_start().starts_with(heading)).unwrap_or_else(|| panic!("{out}"));
        let frac = line.split_whitespace().last().unwrap();
        let (a, b) = frac.split_once('/').unwrap();
        assert_eq!(a, b, "{line}");
        assert!(b.parse::<u32>().unwrap() > 5, "{line}");
    }
    // The first case is asked on the short path: a whole intake with none is not a way through.
    assert!(out.contains("repeating groups at 0, 1, 2      2/2"), "{out}");
}

#[test]
fn the_tests_also_run_from_the_copy_built_into_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out, err) = run_bin(&["flows", "test"], &[], "", dir.path());
    assert_eq!(code, 0, "{out}\n{err}");
    assert!(out.contains("(built-in) flows") || out.contains("flows/tests/"), "{out}");
    let n = shipped_tests();
    assert!(out.contains(&format!("{n} passed, 0 failed")), "{out}");
}

#[test]
fn a_failing_test_says_where_what_was_expected_and_what_happened() {
    let dir = tempfile::tempdir().unwrap();
    let flows = dir.path().join("flows");
    std::fs::create_dir_all(flows.join("tests")).unwrap();
    std::fs::copy(root().join("flows/intake.toml"), flows.join("intake.toml")).unwrap();
    std::fs::write(
        flows.join("tests/wrong.toml"),
        r#"description = "expects the consent straight after the safety question"
date = "2026-12-01"
turns = [
  { at = "language", press = "en" },
  { at = "safety", press = "safe" },
  { at = "consent", press = "agree" },
]
"#,
    )
    .unwrap();
    let (code, out, _) = run_bin(&["flows", "test", flows.to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 5, "{out}");
    let file = flows.join("tests/wrong.toml");
    let expected = format!(
        "FAILED {f}: expects the consent straight after the safety question
  {f}:6: the flow asked something else at this turn
    - expected: `consent`
    + actual:   `device`
  the conversation up to there:
    language: presses en
    safety: presses safe
1 flow test(s): 0 passed, 1 failed
",
        f = file.display()
    );
    assert_eq!(out, expected);
}

#[test]
fn a_wrong_answer_a_button_that_does_not_exist_and_a_malformed_turn_are_each_reported() {
    let dir = tempfile::tempdir().unwrap();
    let flows = dir.path().join("flows");
    std::fs::create_dir_all(flows.join("tests")).unwrap();
    std::fs::copy(root().join("flows/intake.toml"), flows.join("intake.toml")).unwrap();
    let head = "date = \"2026-12-01\"\nturns = [\n  { at = \"language\", press = \"en\" },\n";
    std::fs::write(
        flows.join("tests/a-button.toml"),
        format!("description = \"a\"\n{head}  {{ at = \"safety\", press = \"safe_now\" }},\n]\n"),
    )
    .unwrap();
    std::fs::write(
        flows.join("tests/b-turn.toml"),
        format!("description = \"b\"\n{head}  {{ say = \"1\", press = \"safe\" }},\n]\n"),
    )
    .unwrap();
    std::fs::write(
        flows.join("tests/c-answer.toml"),
        format!(
            "description = \"c\"\n{head}  {{ press = \"safe\" }},\n  {{ press = \"only_me\" }},\n  {{ press = \"agree\" }},\n  {{ press = \"no\" }},\n  {{ say = \"New York\" }},\n]\n[expect]\nstatus = \"in_progress\"\nanswers = {{ \"case_state#1\" = \"NJ\" }}\n"
        ),
    )
    .unwrap();
    let (code, out, _) = run_bin(&["flows", "test", flows.to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 5, "{out}");
    assert!(out.contains(":5: `safety` has no button `safe_now`\n    - expected: one of: safe, not_now\n    + actual:   `safe_now`\n"), "{out}");
    assert!(out.contains("b-turn.toml: the test file has errors"), "{out}");
    assert!(out.contains("error[test-turn]: each turn does exactly one thing"), "{out}");
    assert!(out.contains("b-turn.toml:5:3\n"), "{out}");
    assert!(out.contains(":11: a recorded answer differs\n    - expected: case_state#1 = \"NJ\"\n    + actual:   case_state#1 = \"NY\"\n"), "{out}");
    assert!(out.contains("3 flow test(s): 0 passed, 3 failed"), "{out}");
}

#[test]
fn an_edit_that_cuts_a_branch_is_caught_by_the_tests() {
    let dir = tempfile::tempdir().unwrap();
    let flows = flows_copy(dir.path());
    // An admin decides that "not sure" about the phone no longer gets the tips.
    let path = flows.join("intake.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let from = r#"{ when = { answer = "device", one_of = ["others", "not_sure"] }, goto = "device_tips" }"#;
    assert!(text.contains(from));
    std::fs::write(
        &path,
        text.replace(from, r#"{ when = { answer = "device", equals = "others" }, goto = "device_tips" }"#),
    )
    .unwrap();
    let (code, out, _) = run_bin(&["flows", "test", flows.to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 5, "{out}");
    assert!(out.contains("three-cases-other-outcomes.toml:9: the flow asked something else at this turn\n    - expected: `device_tips`\n    + actual:   `consent`\n"), "{out}");
    let n = shipped_tests();
    assert!(out.contains(&format!("{n} flow test(s): {} passed, 1 failed", n - 1)), "{out}");
}

#[test]
fn coverage_names_what_no_test_walks() {
    let dir = tempfile::tempdir().unwrap();
    let flows = flows_copy(dir.path());
    // Without the test that changes its mind, nobody declines to say how to be contacted, and
    // without the one that sends early, nothing reaches the early ending.
    std::fs::remove_file(flows.join("tests/changes-of-mind.toml")).unwrap();
    std::fs::remove_file(flows.join("tests/send-early-not-sure-of-record.toml")).unwrap();
    let (code, out, _) = run_bin(&["flows", "test", "--coverage", flows.to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 5, "{out}");
    assert!(out.contains(" passed, 0 failed"), "{out}");
    assert!(out.contains("  - options of choices that branch: `contact_method` answered `prefer_not`\n"), "{out}");
    assert!(out.contains("  - steps reached: `sent_early`\n"), "{out}");
    // The first case is asked on the short path: a whole intake always has one, and coverage
    // asks for no test of an intake without.
    assert!(!out.contains("a whole intake with no `case`"), "{out}");
    assert!(out.contains("  repeating groups at 0, 1, 2      2/2\n"), "{out}");
    assert!(!out.contains("\nfull coverage\n"), "{out}");
}

#[test]
fn flows_paths_counts_the_ways_through_and_what_the_tests_walk() {
    let (code, out, err) = run_bin(&["flows", "paths"], &[], "", &root());
    assert_eq!(code, 0, "{err}");
    let first = out.lines().next().unwrap();
    assert!(first.starts_with("paths: "), "{out}");
    assert!(
        first.contains(" from `language` to an end, each repeating group (case) at most 2 time(s); by instances 0: "),
        "{out}"
    );
    assert!(out.contains("  ending at `done`: "), "{out}");
    assert!(out.contains("full coverage"), "{out}");
    // One case at most: fewer paths than with two.
    let total = |o: &str| o.split_whitespace().nth(1).unwrap().parse::<u64>().unwrap();
    let (_, one, _) = run_bin(&["flows", "paths", "--bound", "1"], &[], "", &root());
    assert!(total(&one) < total(&out), "{one}\n{out}");
}
