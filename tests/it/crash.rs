//! Crash safety through the real binary: `chat --json` killed with SIGKILL at random moments,
//! again and again, while an intake is typed in. After each restart every answer that had been
//! acknowledged (the line after it was written) is still there, and the conversation resumes at
//! the right question.

use crate::cli::FULL_INTAKE;
use crate::support::root;
use serde_json::Value;
use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

struct Proc {
    child: Child,
    lines: Receiver<Value>,
}

fn spawn(data: &str, session: &str) -> Proc {
    let mut child = Command::new(env!("CARGO_BIN_EXE_clearpath"))
        .args(["chat", "--json", "--data-dir", data, "--session", session])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let out = child.stdout.take().unwrap();
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let Ok(line) = line else { break };
            if tx.send(serde_json::from_str::<Value>(&line).unwrap()).is_err() {
                break;
            }
        }
    });
    Proc { child, lines: rx }
}

/// Reads lines until a prompt or the end; None if the process died first.
fn next_prompt(p: &Proc, timeout: Duration) -> Option<Value> {
    loop {
        let v = p.lines.recv_timeout(timeout).ok()?;
        if v["type"] == "prompt" || v["type"] == "done" {
            return Some(v);
        }
    }
}

fn key_of(v: &Value) -> String {
    if v["type"] == "done" {
        "done".into()
    } else {
        v["key"].as_str().unwrap().to_string()
    }
}

/// A tiny deterministic generator, so a failure can be replayed.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

#[test]
fn killed_a_hundred_times_nothing_acknowledged_is_lost() {
    // A clean run gives the prompt shown before each input, and the answers to expect.
    let clean = tempfile::tempdir().unwrap();
    let p = spawn(clean.path().to_str().unwrap(), "clean");
    let mut before = vec![key_of(&next_prompt(&p, Duration::from_secs(10)).unwrap())];
    let mut stdin = p.child.stdin.as_ref().unwrap();
    for input in FULL_INTAKE {
        writeln!(stdin, "{input}").unwrap();
        before.push(key_of(&next_prompt(&p, Duration::from_secs(10)).unwrap()));
    }
    assert_eq!(before.last().unwrap(), "done");
    let mut clean_child = p.child;
    drop(clean_child.stdin.take());
    clean_child.wait().unwrap();
    let clean_key = clearpath::store::keyfile::read_file(&clean.path().join("dev-master.key")).unwrap();
    let clean_store = clearpath::store::Store::open(clean.path(), clean_key).unwrap();
    let expected = clean_store.intakes(&clean_store.subject("console", "clean")).unwrap().remove(0).answers;
    drop(clean_store);

    // Several intakes in one data directory, each killed at random inputs, until 100 kills.
    let data = tempfile::tempdir().unwrap();
    let d = data.path().to_str().unwrap();
    let mut rng = Lcg(0x5eed_c1ea_7a7b);
    let mut kills = 0;
    let mut sessions = Vec::new();
    while kills < 100 {
        let session = format!("crash-{}", sessions.len());
        kills += crash_one_intake(d, &session, &before, &mut rng);
        sessions.push(session);
    }

    // Every completed intake holds every answer of the clean run, exactly once.
    let key = clearpath::store::keyfile::read_file(&data.path().join("dev-master.key")).unwrap();
    let store = clearpath::store::Store::open(data.path(), key).unwrap();
    for session in &sessions {
        let intakes = store.intakes(&store.subject("console", session)).unwrap();
        assert_eq!(intakes.len(), 1, "{session}: exactly one completed intake");
        assert_eq!(intakes[0].answers, expected, "{session}");
    }
}

/// Types one whole intake, killing the process at up to 9 random inputs; returns the kills.
fn crash_one_intake(d: &str, session: &str, before: &[String], rng: &mut Lcg) -> usize {
    // Inputs before consent is acknowledged are not kept, by design.
    let consent_index = FULL_INTAKE.iter().position(|l| l.contains("agree")).unwrap();
    let mut kills = 0;
    let mut acked = 0; // inputs whose following line was read
    for round in 0.. {
        assert!(round < 200, "no progress");
        let p = spawn(d, session);
        let first = next_prompt(&p, Duration::from_secs(10)).expect("a first prompt");
        let mut stdin = p.child.stdin.as_ref().unwrap();
        let mut current = first.clone();
        if first["key"] == "resume" {
            writeln!(stdin, "{{\"choice\": \"resume\"}}").unwrap();
            current = next_prompt(&p, Duration::from_secs(10)).expect("resumed");
        }
        let mut at = key_of(&current);
        if at == "resume" && current["choices"].as_array().is_some_and(|c| c.len() == 1 && c[0]["id"] == "restart") {
            // "Your answers have already been sent": the submission was stored before the kill.
            at = "done".into();
        }
        // Where did we resume? At the question after the last acknowledged input, or one further
        // (the unacknowledged input was stored before the kill); before consent, maybe the start.
        let pos = if at == before[acked] {
            acked
        } else if acked + 1 < before.len() && at == before[acked + 1] {
            acked + 1
        } else if acked <= consent_index && at == "language" {
            0
        } else {
            panic!(
                "{session}, after {kills} kills: resumed at {at}, but {acked} inputs were acknowledged (expected {})",
                before[acked]
            );
        };
        acked = pos;
        let mut child_done = pos == FULL_INTAKE.len();
        let mut killed = false;
        if !child_done {
            let kill_after = (kills < 9).then(|| pos + rng.next((FULL_INTAKE.len() - pos) as u64) as usize);
            for (i, input) in FULL_INTAKE.iter().enumerate().skip(pos) {
                writeln!(stdin, "{input}").unwrap();
                if Some(i) == kill_after {
                    std::thread::sleep(Duration::from_micros(rng.next(3000)));
                    let _ = Command::new("kill").args(["-9", &p.child.id().to_string()]).status();
                    kills += 1;
                    killed = true;
                    // A reply written before the kill still acknowledges the input.
                    if next_prompt(&p, Duration::from_millis(300)).is_some() {
                        acked = i + 1;
                    }
                    break;
                }
                let v = next_prompt(&p, Duration::from_secs(10)).expect("a reply");
                assert_eq!(key_of(&v), before[i + 1]);
                acked = i + 1;
            }
            child_done = !killed && acked == FULL_INTAKE.len();
        }
        let mut child = p.child;
        if !killed {
            drop(child.stdin.take());
        }
        child.wait().unwrap();
        if child_done {
            return kills;
        }
    }
    unreachable!()
}
