//! `clearpath flows check` on broken flows, through the real binary: each mistake an admin can
//! make gives one clear diagnostic naming the file, line, column and step.

use crate::support::{root, run_bin};
use expect_test::{expect, Expect};

/// A small valid flow; each test breaks it in one way.
const BASE: &str = r#"[flow]
id = "mini"
start = "safety"
languages = ["en", "es"]

[[step]]
id = "safety"
kind = "single"
prompt = "q-safety"
options = [
  { value = "safe", label = "opt-safety-safe" },
  { value = "not_now", label = "opt-safety-not-now" },
]
next = "consent"
branch = [ { when = { answer = "safety", equals = "not_now" }, goto = "later" } ]

[[step]]
id = "consent"
kind = "consent"
prompt = "q-consent"
next = "has_records"
decline = "declined"

[[step]]
id = "has_records"
kind = "yes_no"
prompt = "q-other-names"
next = "age"

[[step]]
id = "age"
kind = "number"
prompt = "q-case-age"
next = "review"
branch = [ { when = { answer = "has_records", equals = "no" }, goto = "review" } ]

[[step]]
id = "review"
kind = "review"
prompt = "q-review"
next = "done"

[[step]]
id = "done"
kind = "end"
prompt = "end-done"

[[step]]
id = "later"
kind = "end"
result = "paused"
prompt = "end-later"

[[step]]
id = "declined"
kind = "end"
result = "declined"
prompt = "end-declined"
"#;

/// Writes `flow` as broken.toml in a fresh directory and runs `flows check` on it.
fn check_with(flow: &str, locales: &std::path::Path, expect: Expect) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), flow).unwrap();
    let (code, out, err) =
        run_bin(&["flows", "check", "broken.toml", "--locales", locales.to_str().unwrap()], &[], "", dir.path());
    expect.assert_eq(&format!("exit {code}\n{out}{err}"));
}

fn check(flow: &str, expect: Expect) {
    check_with(flow, &root().join("locales"), expect)
}

fn edit(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "fixture edit does not apply: {from}");
    BASE.replacen(from, to, 1)
}

#[test]
fn the_base_fixture_is_valid() {
    check(
        BASE,
        expect![[r#"
        exit 0
        ok: broken.toml checked against locales en, ar, es, ht, ko, pt-BR, ru, th, tl, uk, vi, zh-Hans (0 warning(s))
    "#]],
    );
}

#[test]
fn unknown_next_step() {
    check(
        &edit(r#"next = "age""#, r#"next = "agee""#),
        expect![[r#"
            exit 5
            error[unknown-target]: step "has_records": goes to step "agee", which does not exist (did you mean "age"?)
              --> broken.toml:28:8
               |
            28 | next = "agee"
               |        ^^^^^^
               |
               = help: use the id of a step in this file, or `new:<group>` to start another instance of a repeating group

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn unreachable_step() {
    check(
        &format!("{BASE}\n[[step]]\nid = \"orphan\"\nkind = \"yes_no\"\nprompt = \"q-pending\"\nnext = \"review\"\n"),
        expect![[r#"
            exit 5
            error[unreachable]: step "orphan": no path from the start leads to this step
              --> broken.toml:61:6
               |
            61 | id = "orphan"
               |      ^^^^^^^^
               |
               = help: make a `next` or a `branch` of another step go to it, or delete the step

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn step_that_can_never_reach_an_end() {
    let flow = edit(r#"goto = "review" } ]"#, r#"goto = "trap" } ]"#)
        + "\n[[step]]\nid = \"trap\"\nkind = \"yes_no\"\nprompt = \"q-pending\"\nnext = \"trap\"\n";
    check(
        &flow,
        expect![[r#"
            exit 5
            error[no-end]: step "trap": from this step the conversation can never reach an end step
              --> broken.toml:61:6
               |
            61 | id = "trap"
               |      ^^^^^^
               |
               = help: make every path lead to a step of kind "end"

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn duplicate_ids() {
    check(
        &format!("{BASE}\n[[step]]\nid = \"age\"\nkind = \"yes_no\"\nprompt = \"q-pending\"\nnext = \"review\"\n"),
        expect![[r#"
            exit 5
            error[duplicate-id]: step "age": another step already has the id "age"
              --> broken.toml:61:6
               |
            61 | id = "age"
               |      ^^^^^
               |
               = help: give each step its own id

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn message_missing_from_one_locale() {
    // A copy of the real locales with one question removed from Spanish.
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "es"] {
        let from = root().join("locales").join(lang);
        let to = dir.path().join(lang);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let p = entry.unwrap().path();
            let mut text = std::fs::read_to_string(&p).unwrap();
            if lang == "es" && p.file_name().unwrap() == "intake.ftl" {
                let start = text.find("q-case-age =").unwrap();
                let end = start + text[start..].find("\n\n").unwrap();
                text.replace_range(start..end, "");
            }
            std::fs::write(to.join(p.file_name().unwrap()), text).unwrap();
        }
    }
    check_with(
        BASE,
        dir.path(),
        expect![[r#"
            exit 5
            error[missing-message]: step "age": message "q-case-age" is missing from locale "es" (locales/es/*.ftl)
              --> broken.toml:33:10
               |
            33 | prompt = "q-case-age"
               |          ^^^^^^^^^^^^
               |
               = help: add the message to every language's .ftl files in locales/ (copy the English and translate it)

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn branch_on_an_unknown_answer() {
    check(
        &edit(r#"{ answer = "has_records", equals = "no" }"#, r#"{ answer = "has_record", equals = "no" }"#),
        expect![[r#"
            exit 5
            error[unknown-answer]: step "age": condition reads the answer to "has_record", which is not a step (did you mean "has_records"?)
              --> broken.toml:35:32
               |
            35 | branch = [ { when = { answer = "has_record", equals = "no" }, goto = "review" } ]
               |                                ^^^^^^^^^^^^
               |
               = help: name a step that comes before this one (conditions read earlier answers)

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn branch_on_a_later_answer() {
    check(
        &edit(
            r#"next = "age"
"#,
            r#"next = "age"
branch = [ { when = { answer = "age", gt = 17 }, goto = "review" } ]
"#,
        ),
        expect![[r#"
            exit 5
            error[later-answer]: step "has_records": condition reads "age", which is never asked before this step (it comes later or on another path)
              --> broken.toml:29:32
               |
            29 | branch = [ { when = { answer = "age", gt = 17 }, goto = "review" } ]
               |                                ^^^^^
               |

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn type_mismatch_in_a_condition() {
    check(
        &edit(r#"{ answer = "has_records", equals = "no" }"#, r#"{ answer = "has_records", gt = 3 }"#),
        expect![[r#"
            exit 5
            error[type-mismatch]: step "age": "has_records" is a yes_no step; gt/gte/lt/lte compare numbers with numbers and dates with dates
              --> broken.toml:35:32
               |
            35 | branch = [ { when = { answer = "has_records", gt = 3 }, goto = "review" } ]
               |                                ^^^^^^^^^^^^^
               |

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn option_that_does_not_exist_in_a_condition() {
    check(
        &edit(r#"{ answer = "has_records", equals = "no" }"#, r#"{ answer = "has_records", equals = "nope" }"#),
        expect![[r#"
            exit 5
            error[type-mismatch]: step "age": "nope" is not an option of "has_records" (options: yes, no, unsure)
              --> broken.toml:35:32
               |
            35 | branch = [ { when = { answer = "has_records", equals = "nope" }, goto = "review" } ]
               |                                ^^^^^^^^^^^^^
               |

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn personal_question_before_consent() {
    let flow = edit(
        r#"next = "consent"
branch"#,
        r#"next = "age_first"
branch"#,
    ) + "\n[[step]]\nid = \"age_first\"\nkind = \"number\"\nprompt = \"q-case-age\"\nnext = \"consent\"\n";
    check(
        &flow,
        expect![[r#"
            exit 5
            error[before-consent]: step "age_first": a number step can be reached before consent; only language, single, yes_no, info and end steps may come before it
              --> broken.toml:62:8
               |
            62 | kind = "number"
               |        ^^^^^^^^
               |
               = help: move the question after the consent step: nothing personal is asked before consent

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn toml_syntax_error_points_at_the_line() {
    check(
        &edit(r#"prompt = "q-review""#, r#"prompt = "q-review"#),
        expect![[r#"
            exit 5
            error[syntax]: invalid basic string
              --> broken.toml:40:19
               |
            40 | prompt = "q-review
               |                   ^
               |

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn unknown_field_name_is_rejected() {
    check(
        &edit(
            r#"kind = "review""#,
            r#"kind = "review"
promt = "typo""#,
        ),
        expect![[r#"
            exit 5
            error[syntax]: unknown field `promt`, expected one of `id`, `kind`, `prompt`, `hint`, `group`, `options`, `next`, `branch`, `skippable`, `short`, `prefer_not`, `dont_know`, `max_len`, `min`, `max`, `when`, `decline`, `send`, `result`, `field`
              --> broken.toml:40:1
               |
            40 | promt = "typo"
               | ^^^^^
               |

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn the_shipped_flows_pass() {
    let (code, out, err) = run_bin(&["flows", "check"], &[], "", &root());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.starts_with("ok: "), "{out}");
}

#[test]
fn graph_draws_every_step() {
    let (code, out, _) = run_bin(&["flows", "graph"], &[], "", &root());
    assert_eq!(code, 0);
    let flow = crate::support::intake_flow();
    for s in &flow.steps {
        assert!(
            out.contains(&format!("  {}[", s.id))
                || out.contains(&format!("  {}(", s.id))
                || out.contains(&format!("  {}{{", s.id)),
            "{} missing",
            s.id
        );
    }
    assert!(out.contains("case_another -->|\"case_another = yes\"| case_state"), "{out}");
}

#[test]
fn graph_as_dot_has_the_case_cluster_and_conditions_on_edges() {
    let (code, out, err) = run_bin(&["flows", "graph", "--format", "dot"], &[], "", &root());
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("digraph intake {\n"), "{out}");
    assert!(out.contains("  subgraph cluster_case {\n    label=\"repeats: case, up to 30\";"), "{out}");
    // The case steps are drawn inside the cluster, the others outside it.
    let cluster = out.split("subgraph cluster_case {").nth(1).and_then(|c| c.split("\n  }").next()).unwrap();
    assert!(cluster.contains("\"case_outcome\" [label=\"case_outcome\\nsingle\""), "{cluster}");
    assert!(!cluster.contains("\"has_records\" ["), "{cluster}");
    for edge in [
        "\"case_outcome\" -> \"case_final_charge\" [color=\"#1f5fa8\", label=\"case_outcome is conviction or deferred\"",
        "\"safety\" -> \"later\" [color=\"#1f5fa8\", label=\"safety = not_now\"",
        "\"consent\" -> \"declined\" [color=\"#b03a3a\", label=\"decline\"",
        "\"case_another\" -> \"case_state\" [color=\"#7a45b0\", label=\"case_another = yes\\n(next instance)\"",
    ] {
        assert!(out.contains(edge), "{edge} missing:\n{out}");
    }
    assert!(out.contains("\"language\" -> \"safety\" [color=\"#555555\"];"), "{out}");
}

/// `docs/flow.svg` is the picture of the shipped flow that the documentation shows: it must be
/// what `flows graph --format svg` draws today.
#[test]
fn docs_flow_svg_is_the_shipped_flow_as_drawn_now() {
    let (code, out, err) = run_bin(&["flows", "graph", "--format", "svg"], &[], "", &root());
    assert_eq!(code, 0, "{err}");
    let committed = std::fs::read_to_string(root().join("docs/flow.svg")).unwrap_or_default();
    assert!(
        committed == out,
        "docs/flow.svg is not the flow as drawn now (the flow, or the drawing, changed). Draw it again and commit it:\n\n    cargo run -- flows graph --format svg > docs/flow.svg\n"
    );
    // Well-formed enough for any viewer: one root, every step named, text escaped.
    assert!(
        out.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\""),
        "{out}"
    );
    assert!(out.ends_with("</svg>\n"));
    for s in &crate::support::intake_flow().steps {
        assert!(out.contains(&format!(">{}</text>", s.id)), "{} missing", s.id);
    }
    assert!(out.contains(">repeats: case, up to 30</text>"), "the case group is boxed and named");
    assert!(!out.contains(" & "), "unescaped ampersand");
}

/// Copies the shipped locales to a fresh directory, changing each file's text with `plant`
/// (given the language and the file name).
fn locales_with(plant: impl Fn(&str, &str, &mut String)) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for lang in ["en", "es"] {
        let from = root().join("locales").join(lang);
        let to = dir.path().join(lang);
        std::fs::create_dir_all(&to).unwrap();
        for entry in std::fs::read_dir(&from).unwrap() {
            let p = entry.unwrap().path();
            let name = p.file_name().unwrap().to_str().unwrap().to_string();
            let mut text = std::fs::read_to_string(&p).unwrap();
            plant(lang, &name, &mut text);
            std::fs::write(to.join(&name), text).unwrap();
        }
    }
    dir
}

fn replace_line(text: &mut String, from: &str, to: &str) {
    assert!(text.contains(from), "fixture edit does not apply: {from}");
    *text = text.replacen(from, to, 1);
}

/// Runs `flows check` on BASE against `locales`, with the temporary directory's path shown as
/// `<locales>`.
fn check_locales(locales: &std::path::Path, expect: Expect) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("broken.toml"), BASE).unwrap();
    let (code, out, err) =
        run_bin(&["flows", "check", "broken.toml", "--locales", locales.to_str().unwrap()], &[], "", dir.path());
    let shown = format!("exit {code}\n{out}{err}").replace(locales.to_str().unwrap(), "<locales>");
    expect.assert_eq(&shown);
}

#[test]
fn a_first_line_that_names_the_purpose_is_refused_in_every_locale() {
    // A lock-screen notification shows a message's first line: a question that says "arrest" in
    // English or "abogado" in Spanish, or a program message that opens with the organisation's
    // name, must not pass. The same words after the first line are fine.
    let locales = locales_with(|lang, file, text| {
        match (lang, file) {
        ("en", "intake.ftl") => replace_line(
            text,
            "q-case-age = About how old were you then?",
            "q-case-age = About how old were you at the time of the arrest?",
        ),
        ("es", "intake.ftl") => replace_line(
            text,
            "q-case-age = ¿Más o menos qué edad tenía entonces?",
            "q-case-age = ¿Qué edad tenía entonces? Su Abogada lo necesita saber.",
        ),
        ("es", "app.ftl") => replace_line(
            text,
            "exit-done = Chat en pausa. Escriba /start para volver.",
            "exit-done =\n    Chat en pausa con { $org }.\n    Escriba /start para volver.",
        ),
        ("en", "app.ftl") => replace_line(
            text,
            "exit-done = Chat paused. Type /start to come back.",
            "exit-done =\n    Chat paused.\n    Your lawyer at { $org } will be glad to hear from you: type /start to come back.",
        ),
        _ => {}
    }
    });
    check_locales(
        locales.path(),
        expect![[r#"
            exit 5
            error[sensitive-first-line]: message "q-case-age" (step "age"), locale "en": the first line names "arrest" ("arrest*" in sensitive_words), which a lock-screen notification shows to anyone near the phone; begin with a neutral line and say this on the next one
               --> <locales>/en/intake.ftl:169:56
                |
            169 | q-case-age = About how old were you at the time of the arrest?
                |                                                        ^^^^^^^
                |
                = help: reword the first line so that a lock-screen notification says nothing sensitive; the rest can follow on the next line

            error[sensitive-first-line]: message "exit-done", locale "es": the first line names the organisation ({ $org }), which a lock-screen notification shows to anyone near the phone; begin with a neutral line and say this on the next one
              --> <locales>/es/app.ftl:97:25
               |
            97 |     Chat en pausa con { $org }.
               |                         ^^^^
               |
               = help: reword the first line so that a lock-screen notification says nothing sensitive; the rest can follow on the next line

            error[sensitive-first-line]: message "q-case-age" (step "age"), locale "es": the first line names "abogada" ("abogad*" in sensitive_words), which a lock-screen notification shows to anyone near the phone; begin with a neutral line and say this on the next one
               --> <locales>/es/intake.ftl:169:43
                |
            169 | q-case-age = ¿Qué edad tenía entonces? Su Abogada lo necesita saber.
                |                                           ^^^^^^^
                |
                = help: reword the first line so that a lock-screen notification says nothing sensitive; the rest can follow on the next line

            3 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

#[test]
fn a_locale_without_a_list_of_sensitive_words_is_refused() {
    let locales = locales_with(|lang, file, text| {
        if lang == "es" && file == "locale.toml" {
            let start = text.find("sensitive_words").unwrap();
            text.truncate(start);
        }
    });
    check_locales(
        locales.path(),
        expect![[r#"
            exit 5
            error[no-sensitive-words]: locale "es": list the words a notification must not show, e.g. sensitive_words = ["arrest*", "court*", "lawyer*"]
              --> <locales>/es/locale.toml:1:1

            1 error(s), 0 warning(s) in broken.toml
        "#]],
    );
}

/// The BASE fixture with `has_records` on the short path, feeding a screened field.
fn short_base() -> String {
    edit(
        "prompt = \"q-other-names\"\nnext = \"age\"",
        "prompt = \"q-other-names\"\nshort = true\nfield = \"pending_charges\"\nnext = \"age\"",
    )
}

#[test]
fn a_short_path_that_reaches_the_review_is_accepted() {
    let flow = short_base().replacen(
        "field = \"pending_charges\"\nnext = \"age\"",
        "field = \"pending_charges\"\nnext = \"age\"\nbranch = [ { when = { answer = \"has_records\", equals = \"no\" }, goto = \"review\" } ]",
        1,
    );
    check(
        &flow,
        expect![[r#"
            exit 0
            ok: broken.toml checked against locales en, ar, es, ht, ko, pt-BR, ru, th, tl, uk, vi, zh-Hans (0 warning(s))
        "#]],
    );
}

#[test]
fn a_short_path_that_cannot_reach_submission_is_refused() {
    // has_records leads only to age, which is not on the short path.
    check(
        &short_base(),
        expect![[r#"
        exit 5
        error[short-path-no-submit]: step "has_records": from here, through steps marked short = true (and the review), no way reaches an end with result = "submitted": mark the steps between, or lead the short path to the review
          --> broken.toml:25:6
           |
        25 | id = "has_records"
           |      ^^^^^^^^^^^^^
           |
           = help: mark every step between with `short = true`, or let the short path lead to the review (docs/flows.md, "The short path")

        1 error(s), 0 warning(s) in broken.toml
    "#]],
    );
}

#[test]
fn a_short_path_question_that_serves_nothing_is_refused() {
    // age is on the short path (so the path reaches the review) but feeds no field.
    let flow = short_base().replacen("prompt = \"q-case-age\"\n", "prompt = \"q-case-age\"\nshort = true\n", 1);
    check(
        &flow,
        expect![[r#"
        exit 5
        error[short-serves-nothing]: step "age": a question on the short path must serve a screened field or a contact need, and it has no field: move it to the part after the short path, or say what it serves
          --> broken.toml:33:6
           |
        33 | id = "age"
           |      ^^^^^
           |
           = help: give the step `field = "..."` naming a screened field or one listed in `contact_needs`, or take `short = true` off it

        1 error(s), 0 warning(s) in broken.toml
    "#]],
    );
}

#[test]
fn a_short_path_must_begin_right_after_consent() {
    let flow = short_base().replacen("short = true\n", "", 1).replacen(
        "prompt = \"q-case-age\"\n",
        "prompt = \"q-case-age\"\nshort = true\n",
        1,
    );
    check(
        &flow,
        expect![[r#"
        exit 5
        error[short-path-start]: step "consent": the short path begins right after consent, but "has_records" is not marked short = true
          --> broken.toml:21:8
           |
        21 | next = "has_records"
           |        ^^^^^^^^^^^^^
           |
           = help: mark the step consent leads to with `short = true`: the short path begins right after consent

        error[short-serves-nothing]: step "age": a question on the short path must serve a screened field or a contact need, and it has no field: move it to the part after the short path, or say what it serves
          --> broken.toml:32:6
           |
        32 | id = "age"
           |      ^^^^^
           |
           = help: give the step `field = "..."` naming a screened field or one listed in `contact_needs`, or take `short = true` off it

        2 error(s), 0 warning(s) in broken.toml
    "#]],
    );
}
