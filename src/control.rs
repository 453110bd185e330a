//! The control socket: how `clearpath purge` and `clearpath keys rotate` reach a running process,
//! which holds sled's exclusive lock. A Unix socket in the (0700) data directory, mode 0600, one
//! JSON request and one JSON reply per connection.
//!
//! What reaches it is outside input: only the user running clearpath is served (`SO_PEERCRED`),
//! a request is one line of at most 64 KiB sent within 5 s, every field is checked before it is
//! acted on ([`Request::check`]), and a bad request gets an error reply, never a panic. Several
//! clients are served at once, so a slow one blocks no one.

use crate::app::App;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Read, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const SOCKET: &str = "control.sock";

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Request {
    Ping,
    /// `clearpath doctor`'s checks of the open store ([`crate::doctor::store_checks`]), sent back
    /// as JSON in the reply's message: a running bot's store cannot be opened by anyone else.
    Health,
    Purge,
    /// Rotate to the key in this file (read by the running process, never sent over the socket).
    Rotate {
        new_key_file: PathBuf,
    },
    /// Write a backup of the store to this file (an absolute path; the running process writes it,
    /// between two handled updates).
    Backup {
        out: PathBuf,
    },
    /// A one-time enrolment code for an attorney.
    Invite {
        name: String,
        jurisdictions: Vec<String>,
        recipient: String,
        language: String,
        hours: i64,
    },
    Revoke {
        name: String,
    },
    Cases,
    /// Run the case sweep now, as at `now` (RFC 3339; default: the present).
    Sweep {
        now: Option<String>,
    },
    /// Check the chain; with `expect`, also that it holds that entry (a head noted earlier).
    AuditVerify {
        #[serde(default)]
        expect: Option<crate::audit::Head>,
    },
    /// What putting the flow in this directory (or file) in force would do to the conversations
    /// in progress (`flows impact`).
    Impact {
        flows: PathBuf,
    },
    /// Updates set aside after failing twice.
    Quarantine {
        op: QuarantineOp,
    },
}

impl Request {
    /// Every field checked before anything is done: a request from the socket is outside input.
    /// The case desk checks names, keys and jurisdictions again with its own rules.
    pub fn check(&self) -> Result<(), String> {
        match self {
            Request::Invite { name, jurisdictions, recipient, language, hours } => {
                check_name(name)?;
                if !(1..=MAX_INVITE_HOURS).contains(hours) {
                    return Err(format!("hours must be between 1 and {MAX_INVITE_HOURS} (got {hours})"));
                }
                if jurisdictions.len() > 100 || jurisdictions.iter().any(|j| j.chars().count() > 8) {
                    return Err("jurisdictions must be at most 100 codes such as NY, US or *".into());
                }
                if recipient.len() > 200 {
                    return Err("the recipient is not an age public key (age1...)".into());
                }
                let lang_ok = (1..=16).contains(&language.len())
                    && language.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
                if !lang_ok {
                    return Err("language must be a language tag such as en or es".into());
                }
                Ok(())
            }
            Request::Revoke { name } => check_name(name),
            Request::Sweep { now: Some(t) } if t.len() > 64 => Err("--now must be an RFC 3339 time".into()),
            Request::Backup { out } if !out.is_absolute() => {
                Err("the backup file must be given as an absolute path".into())
            }
            Request::Rotate { new_key_file } if !new_key_file.is_absolute() => {
                Err("the new key file must be given as an absolute path".into())
            }
            Request::AuditVerify { expect: Some(h) } => h.check(),
            _ => Ok(()),
        }
    }
}

/// An attorney's name as an administrator gives it: 1 to 80 characters, no control characters
/// (it goes into the audit log and into messages to administrators).
fn check_name(name: &str) -> Result<(), String> {
    let n = name.trim().chars().count();
    if n == 0 || n > 80 || name.chars().any(char::is_control) {
        return Err("a name of 1 to 80 characters, without control characters, is needed".into());
    }
    Ok(())
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum QuarantineOp {
    List,
    /// Handle the update again; on success it leaves the quarantine.
    Retry {
        id: u64,
    },
    /// Forget the update (its content is erased).
    Drop {
        id: u64,
    },
}

/// Handles a set-aside update again, as the channel it came from does it. The control socket has
/// one when a channel is serving; without one, `retry` is refused.
pub type Retry = Arc<dyn Fn(&App, &crate::store::Quarantined, jiff::Timestamp) -> Result<(), String> + Send + Sync>;

#[derive(Debug, Serialize, Deserialize)]
pub struct Response {
    pub ok: bool,
    pub message: String,
}

pub fn socket_path(data_dir: &Path) -> PathBuf {
    data_dir.join(SOCKET)
}

/// Removes the socket file when the process that serves it ends normally.
pub struct Served(PathBuf);

impl Drop for Served {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// The longest request line read (the longest real one, an invitation, is well under 1 KiB).
pub const MAX_REQUEST: usize = 64 * 1024;
/// How long a client has to send its whole request, and to take each part of the reply.
pub const IO_TIMEOUT: Duration = Duration::from_secs(5);
/// Connections served at once; more wait in the listener's backlog.
pub const MAX_CLIENTS: usize = 8;
/// The longest validity an invitation may have (as `attorney invite --valid-hours` allows).
pub const MAX_INVITE_HOURS: i64 = 24 * 30;

/// Whether a peer may use the socket: only the user that runs clearpath. The data directory is
/// private to that user too, but its mode is not the only guard (root or a loosened mode could
/// let others reach the socket file).
pub fn peer_allowed(peer_uid: u32, own_uid: u32) -> bool {
    peer_uid == own_uid
}

/// The peer's user id, from the kernel (`SO_PEERCRED`).
#[cfg(target_os = "linux")]
fn peer_uid(conn: &UnixStream) -> std::io::Result<u32> {
    Ok(rustix::net::sockopt::socket_peercred(conn)?.uid.as_raw())
}

/// Elsewhere the socket rests on the data directory's mode (0700, checked at every start).
#[cfg(not(target_os = "linux"))]
fn peer_uid(_conn: &UnixStream) -> std::io::Result<u32> {
    Ok(rustix::process::getuid().as_raw())
}

/// Starts serving the control socket on a background thread; keep the guard alive as long as it
/// should be served. Each connection gets a thread of its own (at most [`MAX_CLIENTS`]), so a
/// slow client holds up nobody else; requests themselves are carried out one at a time, as they
/// always were.
pub fn serve(app: Arc<App>, data_dir: &Path, retry: Option<Retry>) -> std::io::Result<Served> {
    let path = socket_path(data_dir);
    if path.exists() {
        // A socket nobody answers on is left over from a killed process.
        if UnixStream::connect(&path).is_ok() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::AddrInUse,
                "another clearpath process is serving this data directory",
            ));
        }
        std::fs::remove_file(&path)?;
    }
    let listener = UnixListener::bind(&path)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    let own_uid = rustix::process::getuid().as_raw();
    let busy = Arc::new(Mutex::new(()));
    let clients = Arc::new(AtomicUsize::new(0));
    std::thread::Builder::new().name("control".into()).spawn(move || {
        for conn in listener.incoming() {
            let Ok(conn) = conn else { continue };
            match peer_uid(&conn) {
                Ok(uid) if peer_allowed(uid, own_uid) => {}
                Ok(uid) => {
                    tracing::warn!(uid, "a control connection from another user was refused");
                    refuse(conn, "refused: only the user running clearpath may use this socket");
                    continue;
                }
                Err(e) => {
                    tracing::warn!(error = %e, "a control connection whose user cannot be known was refused");
                    refuse(conn, "refused: the connecting user cannot be checked");
                    continue;
                }
            }
            if clients.fetch_add(1, Ordering::SeqCst) >= MAX_CLIENTS {
                clients.fetch_sub(1, Ordering::SeqCst);
                refuse(conn, "busy: too many control connections at once; try again");
                continue;
            }
            let (app, retry, busy, clients2) = (app.clone(), retry.clone(), busy.clone(), clients.clone());
            let spawned = std::thread::Builder::new().name("control-conn".into()).spawn(move || {
                serve_one(conn, &app, retry.as_ref(), &busy);
                clients2.fetch_sub(1, Ordering::SeqCst);
            });
            if spawned.is_err() {
                clients.fetch_sub(1, Ordering::SeqCst);
            }
        }
    })?;
    Ok(Served(path))
}

/// Answers a connection that is not served with one line, without waiting on it.
fn refuse(mut conn: UnixStream, message: &str) {
    let _ = conn.set_write_timeout(Some(IO_TIMEOUT));
    reply(&mut conn, &Response { ok: false, message: message.into() });
}

fn reply(conn: &mut UnixStream, resp: &Response) {
    let _ = writeln!(conn, "{}", serde_json::to_string(resp).unwrap_or_default());
}

/// One connection: one request line (at most [`MAX_REQUEST`] bytes, all of it within
/// [`IO_TIMEOUT`]), checked, carried out, answered.
fn serve_one(mut conn: UnixStream, app: &App, retry: Option<&Retry>, busy: &Mutex<()>) {
    let _ = conn.set_write_timeout(Some(IO_TIMEOUT));
    let resp = match read_request(&mut conn, Instant::now() + IO_TIMEOUT) {
        Err(message) => Response { ok: false, message },
        Ok(line) => match serde_json::from_slice::<Request>(&line) {
            // serde's message can quote the request; it holds no record, only what the client sent.
            Err(e) => Response { ok: false, message: format!("bad request: {e}") },
            Ok(req) => {
                // A poisoned lock only means an earlier request panicked; the next may still run.
                let _g = busy.lock().unwrap_or_else(|p| p.into_inner());
                handle(app, req, retry)
            }
        },
    };
    reply(&mut conn, &resp);
}

/// Reads one line, refusing one longer than [`MAX_REQUEST`] or not complete by `deadline` (the
/// deadline bounds the whole request, so a client sending a byte at a time cannot hold on).
fn read_request(conn: &mut UnixStream, deadline: Instant) -> Result<Vec<u8>, String> {
    let mut line = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(format!("request not complete within {} s", IO_TIMEOUT.as_secs()));
        }
        conn.set_read_timeout(Some(left)).map_err(|e| format!("cannot read the request: {e}"))?;
        let n = match conn.read(&mut buf) {
            Ok(n) => n,
            Err(e) if matches!(e.kind(), std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut) => {
                return Err(format!("request not complete within {} s", IO_TIMEOUT.as_secs()))
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(format!("cannot read the request: {e}")),
        };
        let got = buf.get(..n).unwrap_or_default();
        if let Some(end) = got.iter().position(|b| *b == b'\n') {
            line.extend_from_slice(got.get(..end).unwrap_or_default());
        } else {
            line.extend_from_slice(got);
        }
        if line.len() > MAX_REQUEST {
            return Err(format!("request too long (more than {} KiB)", MAX_REQUEST / 1024));
        }
        if n == 0 || got.contains(&b'\n') {
            return Ok(line);
        }
    }
}

fn handle(app: &App, req: Request, retry: Option<&Retry>) -> Response {
    if let Err(message) = req.check() {
        return Response { ok: false, message: format!("bad request: {message}") };
    }
    let result = match req {
        Request::Quarantine { op } => quarantine(app, &op, retry, crate::clock::now()),
        Request::Ping => Ok("running".to_string()),
        Request::Health => app
            .store(|st| Ok(crate::doctor::store_checks(st)))
            .map_err(|e| format!("{e:#}"))
            .and_then(|checks| serde_json::to_string(&checks).map_err(|e| e.to_string())),
        Request::Purge => app.purge(crate::clock::now()).map(|p| describe_purge(&p)).map_err(|e| format!("{e:#}")),
        Request::Backup { out } => app
            .backup(&out, crate::clock::now())
            .inspect(|_| crate::metrics::get().backed_up(crate::clock::now()))
            .map(|m| format!("wrote the backup {}: {}", out.display(), crate::store::backup::describe(&m)))
            .map_err(|e| format!("{:#}", anyhow::Error::from(e))),
        Request::Rotate { new_key_file } => {
            match crate::store::keyfile::read_key_file(&new_key_file, crate::store::keyfile::NEW_FILE) {
                Ok(k) => app.rotate(k).map(|r| format!("{r:?}")).map_err(|e| format!("{:#}", anyhow::Error::from(e))),
                Err(e) => Err(format!("{:#}", anyhow::Error::from(e))),
            }
        }
        other => desk_request(app, other, crate::clock::now()),
    };
    match result {
        Ok(message) => Response { ok: true, message },
        Err(message) => Response { ok: false, message },
    }
}

/// The case desk's requests, shared by the control socket and the stopped-process path.
pub fn desk_request(app: &App, req: Request, now: jiff::Timestamp) -> Result<String, String> {
    let e = |e: crate::referral::DeskError| format!("{e:#}");
    req.check()?;
    match req {
        Request::Invite { name, jurisdictions, recipient, language, hours } => {
            crate::referral::invite(app, &name, jurisdictions, &recipient, &language, hours, now)
                .map(|(code, exp)| {
                    format!(
                        "invitation for {name}: the attorney sends\n\n    /enroll {code}\n\nto the bot before {} (one use only)",
                        exp.strftime("%Y-%m-%d %H:%M UTC")
                    )
                })
                .map_err(e)
        }
        Request::Revoke { name } => crate::referral::revoke(app, &name, now)
            .map(|n| format!("{name}'s access is revoked; {n} case(s) offered to them moved on"))
            .map_err(e),
        Request::Cases => crate::referral::list(app).map(|l| crate::referral::describe_list(&l)).map_err(e),
        Request::Sweep { now: at } => {
            let at = match at {
                Some(t) => t.parse::<jiff::Timestamp>().map_err(|x| format!("--now: {x}"))?,
                None => now,
            };
            crate::referral::sweep(app, at).map(|s| crate::referral::describe(&s)).map_err(e)
        }
        Request::Impact { flows } => crate::impact::impact(app, &flows),
        Request::AuditVerify { expect } => app
            .store(|st| Ok(crate::audit::verify_against(st, expect.as_ref())))
            .map_err(|x| format!("{x:#}"))?
            .map(|v| crate::audit::describe(&v))
            .map_err(|m| format!("the audit log is NOT intact: {m}")),
        _ => Err("not a case desk request".into()),
    }
}

/// The quarantine's requests, shared by the control socket and the stopped-process path. What an
/// administrator sees is the update's id, the kind of failure and when: never its content.
pub fn quarantine(app: &App, op: &QuarantineOp, retry: Option<&Retry>, now: jiff::Timestamp) -> Result<String, String> {
    let all = app.store(|st| st.quarantined()).map_err(|e| format!("{e:#}"))?;
    let find = |id: u64| {
        all.iter().find_map(|(s, q)| match q {
            Ok(q) if q.id == id => Some((*s, q.clone())),
            _ => None,
        })
    };
    match op {
        QuarantineOp::List => {
            if all.is_empty() {
                return Ok("no updates set aside".into());
            }
            let lines: Vec<String> = all
                .iter()
                .map(|(s, q)| match q {
                    Ok(q) => format!("{}  {}  {}  {}", q.id, q.channel, q.failure, q.at.strftime("%Y-%m-%d %H:%M UTC")),
                    Err(e) => format!("?  (a set-aside update of {} does not open: {})", s.tag(), e.kind()),
                })
                .collect();
            Ok(format!("id  channel  failure  set aside\n{}", lines.join("\n")))
        }
        QuarantineOp::Drop { id } => {
            let (s, _) = find(*id).ok_or_else(|| format!("no update {id} is set aside"))?;
            app.store(|st| {
                st.unquarantine(&s, *id)?;
                st.flush()
            })
            .map_err(|e| format!("{e:#}"))?;
            Ok(format!("update {id} dropped"))
        }
        QuarantineOp::Retry { id } => {
            let (s, q) = find(*id).ok_or_else(|| format!("no update {id} is set aside"))?;
            let retry = retry.ok_or("only a running bot (or a stopped one's `serve` settings) can handle it again")?;
            retry(app, &q, now).map_err(|e| format!("update {id} was not handled: {e}; it stays set aside"))?;
            app.store(|st| {
                st.unquarantine(&s, *id)?;
                st.flush()
            })
            .map_err(|e| format!("{e:#}"))?;
            Ok(format!("update {id} handled; its replies are on their way"))
        }
    }
}

pub fn describe_purge(p: &crate::store::Purged) -> String {
    format!(
        "purged {} session(s), {} intake(s), {} expired update id(s); {} survivor(s) erased entirely; {} unreadable record(s) left for review",
        p.sessions, p.intakes, p.inbox_entries, p.subjects_erased, p.unreadable
    )
}

/// Sends a request to the process serving `data_dir`, if there is one.
pub fn request(data_dir: &Path, req: &Request) -> Option<std::io::Result<Response>> {
    let mut conn = UnixStream::connect(socket_path(data_dir)).ok()?;
    Some((|| {
        writeln!(conn, "{}", serde_json::to_string(req)?)?;
        let mut line = String::new();
        BufReader::new(&conn).read_line(&mut line)?;
        Ok(serde_json::from_str(&line)?)
    })())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_user_running_clearpath_may_use_the_socket() {
        assert!(peer_allowed(1000, 1000));
        assert!(!peer_allowed(1001, 1000), "another user");
        assert!(!peer_allowed(0, 1000), "not even root: root has other ways in, and no need of this one");
        assert!(peer_allowed(0, 0));
    }

    #[test]
    fn an_invitation_outside_the_allowed_hours_is_refused_before_it_is_acted_on() {
        let invite = |hours| Request::Invite {
            name: "Dee D".into(),
            jurisdictions: vec!["NY".into()],
            recipient: "age1x".into(),
            language: "en".into(),
            hours,
        };
        for h in [i64::MIN, -1, 0, MAX_INVITE_HOURS + 1, i64::MAX] {
            assert!(invite(h).check().is_err(), "{h}");
        }
        for h in [1, 72, MAX_INVITE_HOURS] {
            assert_eq!(invite(h).check(), Ok(()), "{h}");
        }
    }
}
