//! Secret files (issue 16, item 8), through the real binary: the bot token file and the master
//! key file are refused when others can read them (exit code 3, naming the variable and the fix),
//! and private files are written through a fresh temporary name, never through a file or link
//! planted under a predictable one.

use crate::support::{root, run_bin};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

fn key_at(p: &Path) {
    let (rc, _, err) = run_bin(&["keys", "init", p.to_str().unwrap()], &[], "", &root());
    assert_eq!(rc, 0, "{err}");
}

#[test]
fn a_token_file_or_key_file_others_can_read_is_refused_with_exit_code_3() {
    let dir = tempfile::tempdir().unwrap();
    let key = dir.path().join("master.key");
    key_at(&key);
    let token = dir.path().join("token");
    std::fs::write(&token, "123:CANARY-TOKEN\n").unwrap();
    // No flows here: once the token is accepted, `serve` stops at the flows (exit code 1), before
    // it would reach for Telegram.
    let empty = dir.path().join("no-flows");
    std::fs::create_dir(&empty).unwrap();
    let data = dir.path().join("data");
    let serve = || {
        run_bin(
            &["serve", "--data-dir", data.to_str().unwrap()],
            &[
                ("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap()),
                ("TELOXIDE_TOKEN_FILE", token.to_str().unwrap()),
                ("TELOXIDE_TOKEN", ""),
                ("TELOXIDE_API_URL", "http://127.0.0.1:9/"),
                ("CLEARPATH_FLOWS", empty.to_str().unwrap()),
            ],
            "",
            &root(),
        )
    };
    for m in [0o644, 0o640, 0o604, 0o660] {
        std::fs::set_permissions(&token, std::fs::Permissions::from_mode(m)).unwrap();
        let (rc, _, err) = serve();
        assert_eq!(rc, 3, "mode {m:o}: {err}");
        assert!(err.contains("TELOXIDE_TOKEN_FILE") && err.contains("chmod 600"), "{err}");
        assert!(err.contains("can be read by other users"), "{err}");
        assert!(!err.contains("CANARY-TOKEN"), "{err}");
    }
    std::fs::set_permissions(&token, std::fs::Permissions::from_mode(0o600)).unwrap();
    let (rc, _, err) = serve();
    assert_eq!(rc, 1, "a private token file is taken; the missing flows stop it: {err}");
    assert!(!err.contains("TELOXIDE_TOKEN_FILE"), "{err}");

    // The master key file: the same refusal, naming its variable.
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o640)).unwrap();
    let (rc, _, err) = run_bin(
        &["chat", "--json", "--data-dir", data.to_str().unwrap()],
        &[("CLEARPATH_MASTER_KEY_FILE", key.to_str().unwrap())],
        "",
        &root(),
    );
    assert_eq!(rc, 3, "{err}");
    assert!(err.contains("CLEARPATH_MASTER_KEY_FILE") && err.contains("chmod 600"), "{err}");
}

#[test]
fn a_private_file_is_never_written_through_a_planted_file_or_link() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // Files an attacker planted under the temporary names the writer used (`<stem>.tmp`), and
    // under `<name>.tmp`: a link to a file of theirs, and a world-readable file.
    let victim = d.join("victim");
    std::fs::write(&victim, "theirs\n").unwrap();
    std::fs::set_permissions(&victim, std::fs::Permissions::from_mode(0o644)).unwrap();
    for planted in ["master.tmp", "master.key.tmp"] {
        std::os::unix::fs::symlink(&victim, d.join(planted)).unwrap();
    }
    for planted in ["other.tmp", "other.key.tmp"] {
        std::fs::write(d.join(planted), "planted\n").unwrap();
        std::fs::set_permissions(d.join(planted), std::fs::Permissions::from_mode(0o666)).unwrap();
    }
    key_at(&d.join("master.key"));
    key_at(&d.join("other.key"));

    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "theirs\n", "the key was written through the link");
    for k in ["master.key", "other.key"] {
        let p = d.join(k);
        assert!(std::fs::symlink_metadata(&p).unwrap().file_type().is_file(), "{k} must be a plain file");
        assert_eq!(mode(&p), 0o600, "{k}");
        assert_eq!(std::fs::read_to_string(&p).unwrap().trim().len(), 64, "{k} holds a key");
    }
    // The planted files are left as they were, and no temporary file is left behind.
    let mut names: Vec<String> =
        std::fs::read_dir(d).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    assert_eq!(
        names,
        ["master.key", "master.key.tmp", "master.tmp", "other.key", "other.key.tmp", "other.tmp", "victim"]
    );
    assert_eq!(std::fs::read_to_string(d.join("other.tmp")).unwrap(), "planted\n");
}
