//! The sealed referral, through the real binary: the terminal chat seals each completed intake
//! to the attorney's age key; it opens with that identity (age crate, stock `age`, `clearpath
//! attorney open`) and with nothing else.

use crate::cli::FULL_INTAKE;
use crate::support::{root, run_bin};
use std::str::FromStr;

#[test]
fn a_completed_intake_is_sealed_to_the_attorney_and_opens_only_with_their_key() {
    let keys = tempfile::tempdir().unwrap();
    let id_path = keys.path().join("attorney.txt");
    // The attorney makes a key pair on their own computer.
    let (code, public, err) = run_bin(&["attorney", "keygen", "--out", id_path.to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 0, "{err}");
    let public = public.trim().to_string();
    assert!(public.starts_with("age1"), "{public}");
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(std::fs::metadata(&id_path).unwrap().permissions().mode() & 0o777, 0o600);

    let data = tempfile::tempdir().unwrap();
    let (code, out, err) = run_bin(
        &["chat", "--json", "--data-dir", data.path().to_str().unwrap()],
        &[("CLEARPATH_ATTORNEY_RECIPIENT", &public)],
        &FULL_INTAKE.join("\n"),
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("\"submitted\":true"));
    let files: Vec<_> = std::fs::read_dir(data.path().join("outbox")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_str().unwrap().to_string();
    assert!(name.starts_with("case-") && name.ends_with(".md.age"), "{name}");
    let sealed = std::fs::read(&files[0]).unwrap();
    assert!(!sealed.windows(16).any(|w| w == b"Canary-Name-7731"));

    // The age crate, with the attorney's identity.
    let text = std::fs::read_to_string(&id_path).unwrap();
    let line = text.lines().find(|l| l.starts_with("AGE-SECRET-KEY-")).unwrap();
    let identity = age::x25519::Identity::from_str(line).unwrap();
    let plain = String::from_utf8(age::decrypt(&identity, &sealed).unwrap()).unwrap();
    let code_in_name = &name["case-".len()..name.len() - ".md.age".len()];
    assert!(
        plain.starts_with(&format!("# Referral {code_in_name} — Preliminary screening, not legal advice.")),
        "{plain}"
    );
    assert!(plain.contains("Name to use: «Canary-Name-7731»") && plain.contains("```json"), "{plain}");
    assert!(plain.contains("N.Y. Crim. Proc. Law"), "{plain}");
    // Any other identity (such as one the server could make) fails.
    assert!(age::decrypt(&age::x25519::Identity::generate(), &sealed).is_err());

    // `clearpath attorney open`, for attorneys without the age tool.
    let (code, opened, err) = run_bin(
        &["attorney", "open", files[0].to_str().unwrap(), "--identity", id_path.to_str().unwrap()],
        &[],
        "",
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(opened, plain);

    // Stock `age -d -i key.txt` (CI installs it; skipped with a note where it is missing).
    match std::process::Command::new("age")
        .args(["-d", "-i", id_path.to_str().unwrap(), files[0].to_str().unwrap()])
        .output()
    {
        Ok(o) => {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            assert_eq!(String::from_utf8(o.stdout).unwrap(), plain);
        }
        Err(_) => eprintln!("note: the `age` tool is not installed here; .ci/run installs it"),
    }
}

#[test]
fn without_a_configured_attorney_the_chat_makes_a_development_key_and_says_so() {
    let data = tempfile::tempdir().unwrap();
    let (code, _, err) = run_bin(
        &["chat", "--json", "--data-dir", data.path().to_str().unwrap()],
        &[],
        &FULL_INTAKE.join("\n"),
        &root(),
    );
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("development attorney key"), "{err}");
    let key = data.path().join("dev-attorney.key");
    let file = std::fs::read_dir(data.path().join("outbox")).unwrap().next().unwrap().unwrap().path();
    let (code, opened, _) =
        run_bin(&["attorney", "open", file.to_str().unwrap(), "--identity", key.to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 0);
    assert!(opened.contains("Referral"));
}

/// The terminal chat, sending early: the case is sealed at the checkpoint; coming back to tell
/// more writes one addendum beside it, sealed the same way, and no second case file.
#[test]
fn a_case_sent_early_at_the_terminal_gets_one_addendum_beside_it() {
    let identity = age::x25519::Identity::generate();
    let public = identity.to_public().to_string();
    let data = tempfile::tempdir().unwrap();
    let chat = |input: &str| {
        let (code, out, err) = run_bin(
            &["chat", "--json", "--data-dir", data.path().to_str().unwrap()],
            &[("CLEARPATH_ATTORNEY_RECIPIENT", &public)],
            input,
            &root(),
        );
        assert_eq!(code, 0, "{err}");
        out
    };
    let outbox = || {
        let mut names: Vec<String> = std::fs::read_dir(data.path().join("outbox"))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_str().unwrap().to_string())
            .collect();
        names.sort();
        names
    };
    // The short path (nine answers), then "Send this now".
    let mut first: Vec<&str> = FULL_INTAKE[..9].to_vec();
    first.push(r#"{"choice": "send_now"}"#);
    let out = chat(&first.join("\n"));
    assert!(out.contains("\"submitted\":true") && out.contains("What you told us has been sent"), "{out}");
    let names = outbox();
    assert_eq!(names.len(), 1, "{names:?}");
    let code = names[0]["case-".len()..names[0].len() - ".md.age".len()].to_string();
    let open = |name: &str| {
        let sealed = std::fs::read(data.path().join("outbox").join(name)).unwrap();
        String::from_utf8(age::decrypt(&identity, &sealed).unwrap()).unwrap()
    };
    let case = open(&names[0]);
    assert!(case.contains("**Sent early**") && case.contains("## Not reached (sent early, not asked)"), "{case}");

    // Later: the offer to tell more, then a code declined, the name, and "Send what I've told you".
    let more = [
        r#"{"choice": "resume"}"#,
        r#"{"choice": "no_code"}"#,
        r#"{"text": "Canary-Name-7731"}"#,
        r#"{"choice": "send_now"}"#,
    ];
    let out = chat(&more.join("\n"));
    assert!(out.contains("What you told us before has been sent"), "{out}");
    assert!(out.contains("\"submitted\":true"), "{out}");
    assert_eq!(outbox(), [format!("case-{code}-addendum-1.md.age"), format!("case-{code}.md.age")]);
    let addendum = open(&format!("case-{code}-addendum-1.md.age"));
    assert!(addendum.starts_with(&format!("# Addendum 1 to case {code}")), "{addendum}");
    assert!(addendum.contains("Name to use: «Canary-Name-7731»"), "{addendum}");
    assert!(age::decrypt(
        &age::x25519::Identity::generate(),
        &std::fs::read(data.path().join("outbox").join(format!("case-{code}-addendum-1.md.age"))).unwrap()
    )
    .is_err());

    // Sending again with nothing new writes nothing.
    let out = chat(&[r#"{"choice": "resume"}"#, r#"{"choice": "send_now"}"#].join("\n"));
    assert!(out.contains("\"submitted\":true"), "{out}");
    assert_eq!(outbox().len(), 2);
}
