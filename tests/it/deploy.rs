//! The shipped systemd unit runs the real binary as it reads its settings: the unit's environment
//! (credentials as files under `%d`, the state directory under `%S`) is applied to `serve` against
//! the Bot API double, and the bot answers. The hardening the deployment promises is in the unit.

use crate::botapi::Double;
use crate::support::root;
use crate::telegram::TOKEN;
use std::os::unix::fs::PermissionsExt;
use std::process::{Command, Stdio};

#[test]
fn the_systemd_unit_serves_with_its_own_environment_and_promised_hardening() {
    let unit = std::fs::read_to_string(root().join("deploy/clearpath.service")).unwrap();
    for line in [
        "ExecStart=/usr/local/bin/clearpath serve",
        "ExecReload=/bin/kill -HUP $MAINPID",
        "LoadCredential=token:/etc/clearpath/credentials/token",
        "LoadCredential=master.key:/etc/clearpath/credentials/master.key",
        "User=clearpath",
        "StateDirectory=clearpath",
        "StateDirectoryMode=0700",
        "UMask=0077",
        "NoNewPrivileges=yes",
        "ProtectSystem=strict",
        "ProtectHome=yes",
        "PrivateTmp=yes",
        "PrivateDevices=yes",
        "CapabilityBoundingSet=",
        "SystemCallFilter=@system-service",
    ] {
        assert!(unit.lines().any(|l| l == line), "the unit lacks {line}");
    }
    // The credentials and state directory systemd would provide, in a temporary directory.
    let dir = tempfile::tempdir().unwrap();
    let creds = dir.path().join("credentials");
    let state = dir.path().join("state");
    std::fs::create_dir_all(&creds).unwrap();
    std::fs::create_dir_all(&state).unwrap();
    std::fs::write(creds.join("token"), TOKEN).unwrap();
    std::fs::set_permissions(creds.join("token"), std::fs::Permissions::from_mode(0o600)).unwrap();
    let st = Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .args(["keys", "init", creds.join("master.key").to_str().unwrap()])
        .output()
        .unwrap();
    assert!(st.status.success());
    let cfg = dir.path().join("clearpath.toml");
    std::fs::write(&cfg, "[telegram]\npoll_timeout_secs = 1\nthrottle = false\n").unwrap();
    let envs: Vec<(String, String)> = unit
        .lines()
        .filter_map(|l| l.strip_prefix("Environment="))
        .map(|kv| {
            let (k, v) = kv.split_once('=').unwrap();
            let v = v
                .replace("%d", creds.to_str().unwrap())
                .replace("%S", state.to_str().unwrap())
                .replace("/etc/clearpath/clearpath.toml", cfg.to_str().unwrap());
            (k.to_string(), v)
        })
        .collect();
    assert!(envs.len() >= 4, "{envs:?}");
    let d = Double::start();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .arg("serve")
        .current_dir(dir.path())
        .env_remove("TELOXIDE_TOKEN")
        .env_remove("CLEARPATH_MASTER_KEY")
        .env("TELOXIDE_API_URL", &d.url)
        .envs(envs)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    d.send_text(9_900_001, "/start", "en");
    d.wait_for(9_900_001, 20, "the language question", |m| m.iter().any(|m| m.from_bot && !m.buttons.is_empty()));
    // The data went where the unit says, private.
    let data = state.join("clearpath");
    assert!(data.is_dir(), "no data directory at {}", data.display());
    assert_eq!(std::fs::metadata(&data).unwrap().permissions().mode() & 0o777, 0o700);
    Command::new("kill").args(["-TERM", &child.id().to_string()]).status().unwrap();
    let _ = child.wait();
}
