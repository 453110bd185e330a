//! Key escrow through the real binary: the recovery drill of docs/operations.md, step by step.

use crate::cli::FULL_INTAKE;
use crate::support::{root, run_bin};
use clearpath::escrow::escrow_matches;
use clearpath::store::keyfile;
use clearpath::store::Store;
use std::path::{Path, PathBuf};

fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

/// `clearpath attorney keygen` for an administrator: (identity file, public key).
fn admin_key(dir: &Path, name: &str) -> (PathBuf, String) {
    let id = dir.join(name);
    let (rc, out, err) = run_bin(&["attorney", "keygen", "--out", id.to_str().unwrap()], &[], "", dir);
    assert_eq!(rc, 0, "{err}");
    (id, out.trim().to_string())
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn recovery_drill_two_of_three_then_rotation_needs_a_new_escrow() {
    let admins = tempfile::tempdir().unwrap();
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let d = s(data.path());
    // 1. Three administrators make age keys (on their own computers).
    let (id_a, pub_a) = admin_key(admins.path(), "alice.txt");
    let (id_b, pub_b) = admin_key(admins.path(), "bo.txt");
    let (id_c, pub_c) = admin_key(admins.path(), "chen.txt");
    // 2. The master key, and some data under it.
    let master = keys.path().join("master.key");
    let (rc, _, err) = run_bin(&["keys", "init", s(&master)], &[], "", keys.path());
    assert_eq!(rc, 0, "{err}");
    let key_hex = std::fs::read_to_string(&master).unwrap().trim().to_string();
    let env = [("CLEARPATH_MASTER_KEY_FILE", s(&master))];
    let (rc, out, err) =
        run_bin(&["chat", "--json", "--data-dir", d, "--session", "drill"], &env, &FULL_INTAKE.join("\n"), &root());
    assert_eq!(rc, 0, "{err}");
    assert!(out.contains("\"submitted\":true"), "{out}");
    // 3. Escrow, two of three.
    let to = format!("{pub_a},{pub_b},{pub_c}");
    let (rc, out, err) =
        run_bin(&["keys", "escrow", "--to", &to, "--threshold", "2", "--data-dir", d], &env, "", &root());
    assert_eq!(rc, 0, "{err}");
    assert!(out.contains("2 of 3"), "{out}");
    let escrow = data.path().join("escrow.toml");
    assert_eq!(mode(&escrow), 0o600);
    let text = std::fs::read_to_string(&escrow).unwrap();
    let key = keyfile::read_file(&master).unwrap();
    // It records the recipients, the threshold and the key's fingerprint, and not the key.
    assert!(text.contains("threshold = 2"), "{text}");
    for p in [&pub_a, &pub_b, &pub_c] {
        assert!(text.contains(p.as_str()), "{text}");
    }
    assert!(text.contains(&keyfile::fingerprint(&key)), "{text}");
    assert!(!text.to_lowercase().contains(&key_hex.to_lowercase()), "the key is readable in the escrow");
    assert!(escrow_matches(&escrow, &key).unwrap());
    // A second escrow does not silently replace the first.
    let (rc, _, err) = run_bin(&["keys", "escrow", "--to", &pub_a, "--data-dir", d], &env, "", &root());
    assert_eq!(rc, 1, "{err}");
    assert!(err.contains("already escrows the current key") && err.contains("--replace"), "{err}");

    // 4. The master key is lost.
    std::fs::remove_file(&master).unwrap();
    drop(key);

    // 5. One identity is not enough, and says who else is needed.
    let recovered = keys.path().join("recovered.key");
    let (rc, _, err) = run_bin(
        &["keys", "recover", "--identity", s(&id_b), "--escrow", s(&escrow), "--out", s(&recovered)],
        &[],
        "",
        &root(),
    );
    assert_eq!(rc, 3, "{err}");
    assert!(err.contains("needs 2 of its 3 recipients' identities; given 1"), "{err}");
    assert!(err.contains(&format!("1 more of {pub_a}, {pub_c}")), "{err}");
    assert!(!recovered.exists());
    // An identity that is no recipient is named.
    let (id_x, pub_x) = admin_key(admins.path(), "stranger.txt");
    let ids = format!("{},{}", s(&id_b), s(&id_x));
    let (rc, _, err) = run_bin(
        &["keys", "recover", "--identity", &ids, "--escrow", s(&escrow), "--out", s(&recovered)],
        &[],
        "",
        &root(),
    );
    assert_eq!(rc, 3, "{err}");
    assert!(err.contains(&pub_x) && err.contains("is not a recipient"), "{err}");

    // 6. Two identities rebuild it.
    let ids = format!("{},{}", s(&id_a), s(&id_c));
    let (rc, out, err) = run_bin(
        &["keys", "recover", "--identity", &ids, "--escrow", s(&escrow), "--out", s(&recovered)],
        &[],
        "",
        &root(),
    );
    assert_eq!(rc, 0, "{err}");
    assert!(out.contains("matches the escrow's fingerprint"), "{out}");
    assert_eq!(mode(&recovered), 0o600);
    assert_eq!(std::fs::read_to_string(&recovered).unwrap().trim(), key_hex);
    // Never over an existing file.
    let (rc, _, err) = run_bin(
        &["keys", "recover", "--identity", &ids, "--escrow", s(&escrow), "--out", s(&recovered)],
        &[],
        "",
        &root(),
    );
    assert_eq!(rc, 3, "{err}");
    assert!(err.contains("already exists"), "{err}");

    // 7. Start again with the recovered key: the binary opens the store, and the data is there.
    let env = [("CLEARPATH_MASTER_KEY_FILE", s(&recovered))];
    let (rc, out, err) = run_bin(
        &["chat", "--json", "--data-dir", d, "--session", "after"],
        &env,
        &FULL_INTAKE[..3].join("\n"),
        &root(),
    );
    assert_eq!(rc, 0, "{err}");
    assert!(out.contains("\"type\":\"prompt\""), "{out}");
    {
        let store = Store::open(data.path(), keyfile::read_file(&recovered).unwrap()).unwrap();
        let who = store.subject("console", "drill");
        let intakes = store.intakes(&who).unwrap();
        assert_eq!(intakes.len(), 1);
        assert!(format!("{:?}", intakes[0].answers).contains("Canary-Name-7731"));
    }

    // 8. After a rotation the escrow no longer matches, and `keys rotate` says so.
    let new = keys.path().join("new.key");
    let (rc, _, err) = run_bin(&["keys", "init", s(&new)], &[], "", keys.path());
    assert_eq!(rc, 0, "{err}");
    let (rc, _, err) = run_bin(&["keys", "rotate", "--new-key-file", s(&new), "--data-dir", d], &env, "", &root());
    assert_eq!(rc, 0, "{err}");
    assert!(err.contains("a new key escrow is needed"), "{err}");
    assert!(err.contains(&format!("clearpath keys escrow --to {to} --threshold 2 --replace")), "{err}");
    assert!(err.contains("make a new backup now too"), "{err}");
    // The erasure log marks the rotation (a restore of an earlier backup refuses erasures after it).
    let log = std::fs::read_to_string(std::path::Path::new(d).join("erasures")).unwrap();
    assert!(log.lines().any(|l| l.starts_with("r ")), "{log}");
    assert!(!escrow_matches(&escrow, &keyfile::read_file(&new).unwrap()).unwrap());
    assert!(escrow_matches(&escrow, &keyfile::read_file(&recovered).unwrap()).unwrap());
    // `doctor` fails on the old escrow until a new one is made.
    let new_env = [("CLEARPATH_MASTER_KEY_FILE", s(&new)), ("TELOXIDE_TOKEN_FILE", "")];
    let (rc, out, _) = run_bin(&["doctor", "--data-dir", d], &new_env, "", &root());
    assert_eq!(rc, 3, "{out}");
    let stale = format!(
        "FAIL  key escrow: {} escrows another key, not the one in use (made before a `keys rotate`?)",
        escrow.display()
    );
    assert!(out.lines().any(|l| l == stale), "{out}");
    let (rc, _, err) = run_bin(
        &["keys", "escrow", "--to", &to, "--threshold", "2", "--replace", "--data-dir", d],
        &new_env,
        "",
        &root(),
    );
    assert_eq!(rc, 0, "{err}");
    let (_, out, _) = run_bin(&["doctor", "--data-dir", d], &new_env, "", &root());
    let ok = format!("ok    key escrow: {} escrows the master key in use", escrow.display());
    assert!(out.lines().any(|l| l == ok), "{out}");
}

#[test]
fn a_single_recipient_escrow_recovers_with_its_one_identity() {
    let admins = tempfile::tempdir().unwrap();
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let (id, public) = admin_key(admins.path(), "admin.txt");
    let master = keys.path().join("master.key");
    assert_eq!(run_bin(&["keys", "init", s(&master)], &[], "", keys.path()).0, 0);
    let env = [("CLEARPATH_MASTER_KEY_FILE", s(&master))];
    let escrow = keys.path().join("offsite.escrow");
    let (rc, out, err) = run_bin(
        &["keys", "escrow", "--to", &public, "--out", s(&escrow), "--data-dir", s(data.path())],
        &env,
        "",
        &root(),
    );
    assert_eq!(rc, 0, "{err}");
    assert!(out.contains("any 1 of 1"), "{out}");
    assert_eq!(mode(&escrow), 0o600);
    let out_key = keys.path().join("back.key");
    let (rc, _, err) = run_bin(
        &["keys", "recover", "--identity", s(&id), "--escrow", s(&escrow), "--out", s(&out_key)],
        &[],
        "",
        &root(),
    );
    assert_eq!(rc, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&out_key).unwrap(), std::fs::read_to_string(&master).unwrap());

    // Without clearpath: a one-of-N escrow's sealed part is a stock age file (CI installs `age`).
    let e = clearpath::escrow::Escrow::read(&escrow).unwrap();
    let part = keys.path().join("part.age");
    std::fs::write(&part, &e.parts[0].sealed).unwrap();
    match std::process::Command::new("age").args(["-d", "-i", s(&id), s(&part)]).output() {
        Ok(o) => {
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let plain = String::from_utf8(o.stdout).unwrap();
            let key_hex = std::fs::read_to_string(&master).unwrap();
            assert!(plain.starts_with("clearpath-key-escrow-v1\n"), "unexpected plaintext layout");
            assert!(plain.contains(&format!("key {}", key_hex.trim())), "unexpected plaintext layout");
        }
        Err(_) => eprintln!("note: the `age` tool is not installed here; .ci/run installs it"),
    }
}

#[test]
fn escrow_refuses_impossible_thresholds_and_a_key_that_does_not_open_the_store() {
    let admins = tempfile::tempdir().unwrap();
    let keys = tempfile::tempdir().unwrap();
    let data = tempfile::tempdir().unwrap();
    let d = s(data.path());
    let (_, a) = admin_key(admins.path(), "a.txt");
    let (_, b) = admin_key(admins.path(), "b.txt");
    let master = keys.path().join("master.key");
    let other = keys.path().join("other.key");
    assert_eq!(run_bin(&["keys", "init", s(&master)], &[], "", keys.path()).0, 0);
    assert_eq!(run_bin(&["keys", "init", s(&other)], &[], "", keys.path()).0, 0);
    let env = [("CLEARPATH_MASTER_KEY_FILE", s(&master))];
    let to = format!("{a},{b}");
    let (rc, _, err) =
        run_bin(&["keys", "escrow", "--to", &to, "--threshold", "3", "--data-dir", d], &env, "", &root());
    assert_eq!(rc, 2, "{err}");
    assert!(err.contains("--threshold 3 is not possible with 2 recipient(s)"), "{err}");
    let (rc, _, err) = run_bin(&["keys", "escrow", "--to", "age1nope", "--data-dir", d], &env, "", &root());
    assert_eq!(rc, 2, "{err}");
    // A store made under one key; escrowing another is refused.
    let (rc, _, err) = run_bin(&["chat", "--json", "--data-dir", d], &env, "", &root());
    assert_eq!(rc, 0, "{err}");
    let env = [("CLEARPATH_MASTER_KEY_FILE", s(&other))];
    let (rc, _, err) = run_bin(&["keys", "escrow", "--to", &to, "--data-dir", d], &env, "", &root());
    assert_eq!(rc, 3, "{err}");
    assert!(!data.path().join("escrow.toml").exists());
}
