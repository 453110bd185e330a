//! Black-box tests of the real binary: `chat --json` to completion, and pause/resume across
//! processes.

use crate::support::{root, run_bin};
use serde_json::Value;

fn lines(out: &str) -> Vec<Value> {
    out.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON: {l}: {e}"))).collect()
}

/// Answers for a complete English intake, as JSON input lines.
pub const FULL_INTAKE: &[&str] = &[
    r#"{"choice": "en"}"#,
    r#"{"choice": "safe"}"#,
    r#"{"choice": "only_me"}"#,
    r#"{"choice": "agree"}"#,
    r#"{"choice": "no"}"#,
    r#"{"text": "New York"}"#,
    r#"{"choice": "prostitution"}"#,
    r#"{"choices": ["this_chat"]}"#,
    r#"{"text": "Canary-Time-6610"}"#,
    r#"{"choice": "more"}"#,
    r#"{"choice": "no_code"}"#,
    r#"{"text": "Canary-Name-7731"}"#,
    r#"{"choice": "what_happened"}"#,
    r#"{"choice": "all"}"#,
    r#"{"text": "Canary-County-5521"}"#,
    r#"{"text": "Canary-Charge-9043"}"#,
    r#"{"choice": "conviction"}"#,
    r#"{"command": "skip"}"#,
    r#"{"choice": "misdemeanor"}"#,
    r#"{"text": "around 2014"}"#,
    r#"{"text": "2015"}"#,
    r#"{"choice": "yes"}"#,
    r#"{"choices": ["none"]}"#,
    r#"{"text": "20"}"#,
    r#"{"command": "skip"}"#,
    r#"{"choice": "no"}"#,
    r#"{"choice": "no"}"#,
    r#"{"text": "2017"}"#,
    r#"{"choice": "no"}"#,
    r#"{"choice": "no"}"#,
    r#"{"choices": ["none"]}"#,
    r#"{"choice": "citizen"}"#,
    r#"{"choice": "no"}"#,
    r#"{"choice": "yes"}"#,
    r#"{"choice": "submit"}"#,
];

fn data_dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

#[test]
fn json_chat_runs_a_whole_intake() {
    let dir = data_dir();
    let input = FULL_INTAKE.join("\n");
    let (code, out, err) =
        run_bin(&["chat", "--json", "--data-dir", dir.path().to_str().unwrap()], &[], &input, &root());
    assert_eq!(code, 0, "{err}");
    let outs = lines(&out);
    // The first line is the language question, before any input.
    assert_eq!(outs[0]["type"], "prompt");
    assert_eq!(outs[0]["step"], "language");
    assert_eq!(outs[0]["input"], "language");
    assert_eq!(outs[0]["choices"][1]["label"], "Español");
    let last = outs.last().unwrap();
    assert_eq!(last["type"], "done", "{out}");
    assert_eq!(last["submitted"], true);
    // No invalid-input notices on the way.
    assert!(!outs.iter().any(|o| o["kind"] == "invalid"), "{out}");
    // The review listed the canary answers before submission.
    let review = outs.iter().rev().find(|o| o["input"] == "review").expect("a review prompt");
    let text = review["review"].to_string();
    assert!(text.contains("Canary-Name-7731") && text.contains("around 2014"), "{text}");
    assert!(err.contains("created a development key"), "{err}");
}

#[test]
fn end_of_input_pauses_and_a_new_process_resumes() {
    let dir = data_dir();
    let d = dir.path().to_str().unwrap();
    let first = FULL_INTAKE[..15].join("\n");
    let (code, out, err) = run_bin(&["chat", "--json", "--data-dir", d, "--session", "alex"], &[], &first, &root());
    assert_eq!(code, 0, "{err}");
    let outs = lines(&out);
    assert_eq!(outs.last().unwrap()["step"], "case_charge", "{out}");

    // A new process: it offers to resume, and resuming lands on the same question.
    let (code, out, err) =
        run_bin(&["chat", "--json", "--data-dir", d, "--session", "alex"], &[], r#"{"choice": "resume"}"#, &root());
    assert_eq!(code, 0, "{err}");
    let outs = lines(&out);
    assert_eq!(outs[0]["step"], "resume", "{out}");
    assert_eq!(outs[1]["step"], "case_charge", "{out}");
    assert_eq!(outs[1]["instance"], 1);

    // Another session name is another conversation.
    let (_, out, _) = run_bin(&["chat", "--json", "--data-dir", d, "--session", "other"], &[], "", &root());
    assert_eq!(lines(&out)[0]["step"], "language");

    // And the rest of the intake completes.
    let rest = FULL_INTAKE[15..].join("\n");
    let (code, out, _) = run_bin(
        &["chat", "--json", "--data-dir", d, "--session", "alex"],
        &[],
        &format!("{{\"choice\": \"resume\"}}\n{rest}"),
        &root(),
    );
    assert_eq!(code, 0);
    assert_eq!(lines(&out).last().unwrap()["type"], "done", "{out}");
}

#[test]
fn malformed_json_lines_are_answered_and_do_not_stop_the_chat() {
    let dir = data_dir();
    let input = "not json\n{\"text\": \"a\", \"choice\": \"b\"}\n{\"command\": \"dance\"}\n{\"choice\": \"es\"}";
    let (code, out, _) = run_bin(&["chat", "--json", "--data-dir", dir.path().to_str().unwrap()], &[], input, &root());
    assert_eq!(code, 0);
    let outs = lines(&out);
    let errors: Vec<&Value> = outs.iter().filter(|o| o["kind"] == "error").collect();
    assert_eq!(errors.len(), 3, "{out}");
    assert_eq!(outs.last().unwrap()["step"], "safety");
    assert!(outs.last().unwrap()["text"].as_str().unwrap().starts_with("Hola"), "{out}");
}

#[test]
fn the_terminal_chat_numbers_choices_and_accepts_labels() {
    let dir = data_dir();
    let (code, out, _) = run_bin(&["chat", "--data-dir", dir.path().to_str().unwrap()], &[], "Español\n1\n", &root());
    assert_eq!(code, 0);
    assert!(out.contains("  1. English\n  2. Español"), "{out}");
    assert!(out.contains("Hola. ¿Es seguro para usted chatear ahora?"), "{out}");
    assert!(out.contains("¿Alguien más usa o revisa este teléfono?"), "{out}");
}

#[test]
fn the_built_in_data_is_used_outside_the_repository() {
    let dir = data_dir();
    let (code, out, err) = run_bin(&["chat", "--json", "--data-dir", "state"], &[], r#"{"choice": "en"}"#, dir.path());
    assert_eq!(code, 0, "{err}");
    assert_eq!(lines(&out).last().unwrap()["step"], "safety");
    assert!(dir.path().join("state/store/keycheck").exists());
}
