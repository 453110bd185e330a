//! The control socket: how `clearpath purge` and `clearpath keys rotate` reach a running process,
//! which holds sled's exclusive lock. A Unix socket in the (0700) data directory, mode 0600, one
//! JSON request and one JSON reply per connection.

use crate::app::App;
use serde::{Deserialize, Serialize};
use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub const SOCKET: &str = "control.sock";

#[derive(Debug, Serialize, Deserialize)]
#[serde(tag = "cmd", rename_all = "snake_case")]
pub enum Request {
    Ping,
    Purge,
    /// Rotate to the key in this file (read by the running process, never sent over the socket).
    Rotate {
        new_key_file: PathBuf,
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
    AuditVerify,
    /// Updates set aside after failing twice.
    Quarantine {
        op: QuarantineOp,
    },
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

/// Starts serving the control socket on a background thread; keep the guard alive as long as it
/// should be served.
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
    std::thread::Builder::new().name("control".into()).spawn(move || {
        for conn in listener.incoming() {
            let Ok(mut conn) = conn else { continue };
            let mut line = String::new();
            if BufReader::new(&conn).read_line(&mut line).is_err() {
                continue;
            }
            let resp = match serde_json::from_str::<Request>(&line) {
                Ok(req) => handle(&app, req, retry.as_ref()),
                Err(e) => Response { ok: false, message: format!("bad request: {e}") },
            };
            let _ = writeln!(conn, "{}", serde_json::to_string(&resp).unwrap_or_default());
        }
    })?;
    Ok(Served(path))
}

fn handle(app: &App, req: Request, retry: Option<&Retry>) -> Response {
    let result = match req {
        Request::Quarantine { op } => quarantine(app, &op, retry, jiff::Timestamp::now()),
        Request::Ping => Ok("running".to_string()),
        Request::Purge => app.purge(jiff::Timestamp::now()).map(|p| describe_purge(&p)).map_err(|e| format!("{e:#}")),
        Request::Rotate { new_key_file } => match crate::store::keyfile::read_key_file(&new_key_file, crate::store::keyfile::NEW_FILE) {
            Ok(k) => app.rotate(k).map(|r| format!("{r:?}")).map_err(|e| format!("{:#}", anyhow::Error::from(e))),
            Err(e) => Err(format!("{:#}", anyhow::Error::from(e))),
        },
        other => desk_request(app, other, jiff::Timestamp::now()),
    };
    match result {
        Ok(message) => Response { ok: true, message },
        Err(message) => Response { ok: false, message },
    }
}

/// The case desk's requests, shared by the control socket and the stopped-process path.
pub fn desk_request(app: &App, req: Request, now: jiff::Timestamp) -> Result<String, String> {
    let e = |e: crate::referral::DeskError| format!("{e:#}");
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
        Request::AuditVerify => app
            .store(|st| Ok(crate::audit::verify(st)))
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
