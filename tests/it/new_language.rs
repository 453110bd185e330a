//! A language is data: a fixture language added to a copy of `locales/` (and named in a copy of
//! the flow) runs a whole intake through the real binary, with no change to the program. Its
//! month names, command words, yes/no words, resume-code refusal and a jurisdiction name all come
//! from its `locale.toml`.

use crate::cli::FULL_INTAKE;
use crate::support::{copy_dir, root, run_bin};
use serde_json::Value;
use std::path::Path;

/// French, as a translator would start it: the English files with a few messages translated
/// (`flows check` refuses a language that lacks a message, so the rest is still English text).
const FR_MESSAGES: &[(&str, &str)] = &[
    ("choice-yes", "Oui"),
    ("choice-no", "Non"),
    ("answer-date-approx", "vers { $date }"),
    ("answer-date-month", "{ $month } { $year }"),
    ("month-1", "janvier"),
    ("month-2", "février"),
    ("month-3", "mars"),
    ("month-4", "avril"),
    ("month-5", "mai"),
    ("month-6", "juin"),
    ("month-7", "juillet"),
    ("month-8", "août"),
    ("month-9", "septembre"),
    ("month-10", "octobre"),
    ("month-11", "novembre"),
    ("month-12", "décembre"),
];

const FR_LOCALE_TOML: &str = r#"
name = "Français"
direction = "ltr"
draft = true
sensitive_words = ["avocat*", "condamn*", "tribunal*", "traite"]

[dates]
numeric = "day-month"
months = [
  ["janvier", "janv"], ["février", "févr"], ["mars"], ["avril", "avr"], ["mai"], ["juin"],
  ["juillet", "juil"], ["août"], ["septembre"], ["octobre"], ["novembre"], ["décembre", "déc"],
]
approximate = ["vers", "environ"]
filler = ["en", "de", "le"]

[answers]
yes = ["oui", "ouais"]
no = ["non"]
dont_know = ["je ne sais pas"]
no_code = ["pas de code", "non merci"]

[commands]
back = ["retour"]
skip = ["passer"]
exit = ["quitter"]
help = ["aide"]

[jurisdictions]
before = ["état de"]

[jurisdictions.names]
NC = ["Caroline du Nord"]
"#;

/// A copy of the shipped locales and flows with French added; returns (locales, flows).
fn with_french(dir: &Path) -> (String, String) {
    let locales = dir.join("locales");
    let flows = dir.join("flows");
    copy_dir(&root().join("locales"), &locales);
    copy_dir(&root().join("flows"), &flows);
    let fr = locales.join("fr");
    std::fs::create_dir_all(&fr).unwrap();
    for file in ["app.ftl", "intake.ftl"] {
        let text = std::fs::read_to_string(locales.join("en").join(file)).unwrap();
        let translated: Vec<String> = text
            .lines()
            .map(|line| {
                let translation = FR_MESSAGES
                    .iter()
                    .find(|(id, _)| line.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')));
                match translation {
                    Some((id, fr)) => format!("{id} = {fr}"),
                    None => line.to_string(),
                }
            })
            .collect();
        std::fs::write(fr.join(file), translated.join("\n") + "\n").unwrap();
    }
    std::fs::write(fr.join("locale.toml"), FR_LOCALE_TOML).unwrap();
    let flow = flows.join("intake.toml");
    let text = std::fs::read_to_string(&flow).unwrap();
    // The flow's own list of languages, with French added at its end.
    let named: String = text
        .lines()
        .map(|l| match l.strip_prefix("languages = [").and_then(|rest| rest.strip_suffix(']')) {
            Some(list) => format!("languages = [{list}, \"fr\"]\n"),
            None => format!("{l}\n"),
        })
        .collect();
    assert_ne!(text, named, "the flow's language list moved: update this test");
    std::fs::write(&flow, named).unwrap();
    (locales.to_str().unwrap().to_string(), flows.to_str().unwrap().to_string())
}

#[test]
fn a_language_added_as_files_runs_a_whole_intake_with_its_own_words() {
    let dir = tempfile::tempdir().unwrap();
    let (locales, flows) = with_french(dir.path());

    // `flows check` takes the new language as it is.
    let (code, out, err) = run_bin(&["flows", "check", "--locales", &locales, &flows], &[], "", &root());
    assert_eq!(code, 0, "{out}{err}");

    // The whole intake of the CLI tests, in French: where a step allows it, typed French words
    // stand in for the buttons and commands.
    let mut script: Vec<&str> = FULL_INTAKE.to_vec();
    let replace = |script: &mut Vec<&str>, i: usize, was: &str, now: &'static str| {
        assert_eq!(script[i], was, "FULL_INTAKE changed: update this test");
        script[i] = now;
    };
    replace(&mut script, 0, r#"{"choice": "en"}"#, r#"{"choice": "fr"}"#);
    // The resume code, turned down in words.
    replace(&mut script, 10, r#"{"choice": "no_code"}"#, r#"{"text": "pas de code"}"#);
    // A jurisdiction by its French name.
    replace(&mut script, 5, r#"{"text": "New York"}"#, r#"{"text": "Caroline du Nord"}"#);
    // /skip as a French speaker types it.
    replace(&mut script, 17, r#"{"command": "skip"}"#, r#"{"command": "passer"}"#);
    // A date with a French month name and approximation word.
    replace(&mut script, 19, r#"{"text": "around 2014"}"#, r#"{"text": "vers mars 2014"}"#);
    // Yes and no, typed (not the buttons' labels).
    replace(&mut script, 21, r#"{"choice": "yes"}"#, r#"{"text": "ouais"}"#);
    replace(&mut script, 26, r#"{"choice": "no"}"#, r#"{"text": "non"}"#);
    // /back as a French speaker types it, after the county; then the county again.
    script.insert(15, r#"{"command": "retour"}"#);
    script.insert(16, r#"{"text": "Canary-County-5521"}"#);

    let data = dir.path().join("data");
    let (code, out, err) = run_bin(
        &["chat", "--json", "--data-dir", data.to_str().unwrap(), "--locales", &locales, "--flows", &flows],
        &[],
        &script.join("\n"),
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    let outs: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let labels = outs[0]["choices"].to_string();
    assert!(labels.contains("Français"), "{labels}");
    // Nothing was refused: every French word was understood.
    assert!(!outs.iter().any(|o| o["kind"] == "invalid" || o["kind"] == "error"), "{out}");
    // /retour went back to the county question.
    let counties = outs.iter().filter(|o| o["step"] == "case_county").count();
    assert_eq!(counties, 2, "{out}");
    let last = outs.last().unwrap();
    assert_eq!(last["type"], "done", "{out}");
    assert_eq!(last["submitted"], true);
    // The review shows what the French words meant: the state, the date (its month a French
    // message), the typed yes.
    let review = outs.iter().rev().find(|o| o["input"] == "review").expect("a review prompt");
    let text = review["review"].to_string();
    assert!(text.contains("Caroline du Nord"), "{text}");
    assert!(text.contains("vers mars 2014"), "{text}");
    assert!(text.contains("Oui"), "{text}");
}
