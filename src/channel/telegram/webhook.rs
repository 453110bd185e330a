//! Webhook mode: Telegram POSTs each update to a public HTTPS address; a reverse proxy there
//! (which terminates TLS) forwards it to this listener.
//!
//! Each request is checked before anything is read into the bot: the path, the secret header
//! (compared in constant time; 401 without it), the body's size (413 over the limit), that the
//! body is an update (400 otherwise). The update then goes the polling loop's own way, as a batch
//! of one ([`handle_batch`]): skipped if handled before, else handled with every failure contained
//! to it (set aside after two), its state and replies written, the progress mark moved, and the
//! store flushed; only then is it answered 200. Telegram sends again whatever is not answered with
//! a 2xx, so an update whose flush failed gets a 500 and comes back.
//!
//! Updates are handled one at a time, in the order they arrive, and Telegram is asked for a single
//! connection (`max_connections = 1`, so it sends the next update after the last was answered):
//! the per-chat marks that skip an update already applied assume a chat's updates come in order.
//! Replies still leave through the outbox and the sender task.

use super::*;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, Limited};
use hyper::{Method, Request, Response, StatusCode};
use std::net::SocketAddr;

/// The header Telegram sends the secret in.
const SECRET_HEADER: &str = "x-telegram-bot-api-secret-token";

/// What webhook mode needs, read and checked (see `crate::config::WebhookConfig`).
pub struct Settings {
    pub listen: SocketAddr,
    /// The public address given to Telegram; its path is the only one answered here.
    pub url: reqwest::Url,
    pub secret: SecretString,
    /// The largest body taken, in bytes.
    pub max_body: usize,
}

/// Binds the listener (before the channel starts: an address already taken stops the bot).
pub(super) async fn bind(w: &Settings) -> anyhow::Result<tokio::net::TcpListener> {
    tokio::net::TcpListener::bind(w.listen)
        .await
        .map_err(|e| anyhow::anyhow!("the webhook cannot listen on {} (webhook.listen): {e}", w.listen))
}

/// The listener's shared state.
pub(super) struct Hook {
    app: Arc<App>,
    cfg: TelegramConfig,
    api: api::Api,
    wake: Arc<tokio::sync::Notify>,
    secret: SecretString,
    path: String,
    max_body: usize,
    /// Held while an update is handled (or idle conversations are paused): one at a time.
    turn: tokio::sync::Mutex<Marks>,
}

/// How far the updates go.
struct Marks {
    /// The last run's mark: every update at or below it was handled and flushed then.
    before: Option<u64>,
    /// The newest update handled in this run (the mark recorded for the next run).
    newest: Option<u64>,
}

impl Hook {
    pub(super) fn new(
        app: Arc<App>,
        cfg: TelegramConfig,
        api: api::Api,
        wake: Arc<tokio::sync::Notify>,
        w: &Settings,
        before: Option<u64>,
    ) -> Arc<Hook> {
        Arc::new(Hook {
            app,
            cfg,
            api,
            wake,
            secret: w.secret.clone(),
            path: w.url.path().to_string(),
            max_body: w.max_body,
            turn: tokio::sync::Mutex::new(Marks { before, newest: before }),
        })
    }

    /// Handles one update as the polling loop handles a batch, and flushes. Returns whether it is
    /// written for good (then it is answered 200).
    async fn handle(&self, u: Update) -> bool {
        let mut marks = self.turn.lock().await;
        let id = u.id.0 as u64;
        // Handled and flushed by an earlier run: it changes nothing and sends nothing twice. (Within
        // this run, the inbox and the per-chat marks skip a repeat, as they do when polling.)
        if marks.before.is_some_and(|d| id <= d) {
            tracing::debug!("update handled in an earlier run; skipped");
            return true;
        }
        handle_batch(&self.app, &self.cfg, &self.api, &self.wake, vec![u]).await;
        let newest = marks.newest.map_or(id, |n| n.max(id));
        match self.app.store(|s| s.set_progress(CHANNEL, newest, crate::clock::now())) {
            Ok(()) => marks.newest = Some(newest),
            Err(e) => tracing::error!(error = %e, "could not record the handled updates"),
        }
        let a = self.app.clone();
        let flushed = tokio::task::spawn_blocking(move || a.store(|s| s.flush()))
            .await
            .unwrap_or_else(|e| Err(crate::store::StoreError::Io(std::io::Error::other(e.to_string()))));
        let ok = match flushed {
            Ok(()) => {
                self.wake.notify_one();
                true
            }
            Err(e) => {
                tracing::error!(error = %e, "flush failed; the update is answered 500 and Telegram sends it again");
                false
            }
        };
        crate::metrics::get().webhook_update(ok);
        ok
    }

    /// Pauses the conversations left idle, between updates (polling does it between batches).
    async fn pause_idle(&self) {
        let _turn = self.turn.lock().await;
        if pause_idle(&self.app, &self.cfg, crate::clock::now()) > 0 {
            let a = self.app.clone();
            let _ = tokio::task::spawn_blocking(move || a.store(|s| s.flush())).await;
            self.wake.notify_one();
        }
    }
}

/// Serves the webhook until `stop`: Telegram is given the address (and told again until it
/// accepts), idle conversations are paused every `poll_timeout_secs`, and each connection is
/// served on its own task, so that one failing request never stops the listener.
pub(super) async fn run(
    hook: Arc<Hook>,
    listener: tokio::net::TcpListener,
    w: Settings,
    mut stop: tokio::sync::watch::Receiver<bool>,
) {
    crate::metrics::get().webhook(false);
    tracing::info!(listen = %w.listen, "webhook listening");
    {
        let (bot, stop) = (hook.api.bot().clone(), stop.clone());
        tokio::spawn(set_webhook(bot, w.url.clone(), w.secret.clone(), stop));
    }
    {
        let (hook, mut stop) = (hook.clone(), stop.clone());
        let every = std::time::Duration::from_secs(u64::from(hook.cfg.poll_timeout_secs.max(1)));
        tokio::spawn(async move {
            loop {
                tokio::select! {
                    _ = stop.changed() => return,
                    _ = tokio::time::sleep(every) => hook.pause_idle().await,
                }
            }
        });
    }
    loop {
        let accepted = tokio::select! {
            _ = stop.changed() => break,
            a = listener.accept() => a,
        };
        let stream = match accepted {
            Ok((s, _)) => s,
            Err(e) => {
                tracing::warn!(error = %e, "a webhook connection failed");
                // (Out of file descriptors, say: a moment before the next.)
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let hook = hook.clone();
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            let svc = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                let hook = hook.clone();
                async move { Ok::<_, std::convert::Infallible>(respond(&hook, req).await) }
            });
            let conn = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(std::time::Duration::from_secs(30))
                .serve_connection(io, svc);
            if let Err(e) = conn.await {
                tracing::debug!(error = %e, "a webhook connection ended with an error");
            }
        });
    }
    // An update being handled finishes (and is flushed) before the bot stops.
    let _turn = hook.turn.lock().await;
}

/// Gives Telegram the webhook (the same kinds of update as polling, the updates waiting kept, one
/// connection at a time), trying again until it accepts or the bot stops.
async fn set_webhook(bot: Bot, url: reqwest::Url, secret: SecretString, mut stop: tokio::sync::watch::Receiver<bool>) {
    use teloxide::payloads::SetWebhookSetters;
    let mut failures: u32 = 0;
    loop {
        let request = bot
            .set_webhook(url.clone())
            .secret_token(secret.expose_secret())
            .allowed_updates(UPDATE_KINDS)
            .drop_pending_updates(false)
            .max_connections(1);
        let answer = tokio::select! {
            _ = stop.changed() => return,
            r = request => r,
        };
        match answer {
            Ok(_) => {
                crate::metrics::get().webhook(true);
                tracing::info!("Telegram accepted the webhook");
                return;
            }
            Err(e) => {
                failures += 1;
                // (The secret travels in the request's body, which no error quotes.)
                tracing::warn!(error = %redact(&e.to_string()), failures, "setWebhook failed; retrying");
            }
        }
        let wait = std::time::Duration::from_millis(sender::backoff_ms(failures).unsigned_abs());
        tokio::select! {
            _ = stop.changed() => return,
            _ = tokio::time::sleep(wait) => {}
        }
    }
}

fn reply(status: StatusCode, body: &'static str) -> Response<Full<Bytes>> {
    let mut r = Response::new(Full::new(Bytes::from_static(body.as_bytes())));
    *r.status_mut() = status;
    r.headers_mut().insert(hyper::header::CONTENT_TYPE, hyper::header::HeaderValue::from_static("text/plain"));
    r
}

/// One request: checked, then handled. Nothing in it reaches a panic or the log (neither the
/// secret nor the body).
async fn respond(hook: &Hook, req: Request<hyper::body::Incoming>) -> Response<Full<Bytes>> {
    use subtle::ConstantTimeEq;
    if req.uri().path() != hook.path {
        return reply(StatusCode::NOT_FOUND, "not found\n");
    }
    if req.method() != Method::POST {
        return reply(StatusCode::METHOD_NOT_ALLOWED, "POST only\n");
    }
    let given = req.headers().get(SECRET_HEADER).map(|v| v.as_bytes()).unwrap_or_default();
    if !bool::from(given.ct_eq(hook.secret.expose_secret().as_bytes())) {
        tracing::warn!(
            with_header = req.headers().contains_key(SECRET_HEADER),
            "a webhook request without the right secret was refused"
        );
        return reply(StatusCode::UNAUTHORIZED, "unauthorized\n");
    }
    // A declared length over the limit is refused before reading; a body without one is read up
    // to the limit and no further.
    let declared = req
        .headers()
        .get(hyper::header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > hook.max_body as u64) {
        return reply(StatusCode::PAYLOAD_TOO_LARGE, "too large\n");
    }
    let body = match Limited::new(req.into_body(), hook.max_body).collect().await {
        Ok(b) => b.to_bytes(),
        Err(e) if e.downcast_ref::<http_body_util::LengthLimitError>().is_some() => {
            return reply(StatusCode::PAYLOAD_TOO_LARGE, "too large\n");
        }
        Err(_) => return reply(StatusCode::BAD_REQUEST, "the body could not be read\n"),
    };
    let Some(update) = api::read_update(&body) else {
        tracing::warn!(bytes = body.len(), "a webhook request that is not an update was refused");
        return reply(StatusCode::BAD_REQUEST, "not an update\n");
    };
    if hook.handle(update).await {
        reply(StatusCode::OK, "ok\n")
    } else {
        reply(StatusCode::INTERNAL_SERVER_ERROR, "not written; send it again\n")
    }
}
