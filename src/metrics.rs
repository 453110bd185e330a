//! Health and metrics for `serve`, off by default: with `[metrics] listen = "127.0.0.1:PORT"` an
//! HTTP listener (loopback only) answers `/healthz` and `/metrics` (Prometheus text format, written
//! by `prometheus-client`). Labels are fixed words only (a reply's kind, a case's state): never a
//! chat, a case code or an answer.
//!
//! `/healthz` answers `ok` (200) or `not ready: WHY` (503). Polling: ready when the store answers
//! and a getUpdates succeeded recently. Webhook mode (no getUpdates): ready when the store
//! answers, Telegram accepted `setWebhook`, the last update received (if any) was written before
//! it was answered, and no reply has waited over five minutes in the outbox.

use crate::app::App;
use bytes::Bytes;
use http_body_util::Full;
use hyper::{Method, Request, Response, StatusCode};
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::{counter::Counter, family::Family, gauge::Gauge, histogram::Histogram};
use prometheus_client::registry::Registry;
use std::net::SocketAddr;
use std::sync::atomic::{AtomicI64, AtomicU8, Ordering};
use std::sync::{Arc, OnceLock};

/// A reply's kind (`send`, `edit`, `delete`, ...).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct KindLabel {
    pub kind: String,
}

/// A case's state (`waiting`, `offered`, `accepted`, `closed`).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct StateLabel {
    pub state: String,
}

/// An event of the case desk's audit log (`offered`, `accepted`, `not_taken`, ...).
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct EventLabel {
    pub event: String,
}

/// Every measure, process-wide (a bot runs one `serve`).
pub struct Metrics {
    pub updates: Counter,
    pub update_seconds: Histogram,
    pub replies_sent: Family<KindLabel, Counter>,
    pub replies_failed: Family<KindLabel, Counter>,
    pub quarantined: Counter,
    pub retention_runs: Counter,
    /// From a reply's creation (its update handled) to Telegram's acceptance of it.
    pub reply_delay_seconds: Histogram,
    /// One Bot API request of the sender.
    pub send_seconds: Histogram,
    pub backups: Counter,
    last_backup: Gauge,
    case_events: Family<EventLabel, Gauge>,
    outbox_depth: Gauge,
    outbox_oldest: Gauge,
    cases: Family<StateLabel, Gauge>,
    /// Unix seconds of the last getUpdates that succeeded (0: none yet).
    last_poll_ok: AtomicI64,
    /// Webhook mode: `WEBHOOK_*` below (polling: `WEBHOOK_OFF`).
    webhook: AtomicU8,
    /// Webhook mode: `LAST_*` below, for the last update received.
    last_update: AtomicU8,
    registry: Registry,
}

static METRICS: OnceLock<Metrics> = OnceLock::new();

const WEBHOOK_OFF: u8 = 0;
const WEBHOOK_UNSET: u8 = 1;
const WEBHOOK_SET: u8 = 2;
const LAST_NONE: u8 = 0;
const LAST_HANDLED: u8 = 1;
const LAST_FAILED: u8 = 2;

/// In webhook mode, the outbox drains when nothing in it has waited longer than this.
pub const WEBHOOK_OUTBOX_SECS: i64 = 300;

/// The process's metrics (created on first use; counting costs a few atomic additions).
pub fn get() -> &'static Metrics {
    METRICS.get_or_init(Metrics::new)
}

impl Metrics {
    fn new() -> Metrics {
        let mut registry = Registry::with_prefix("clearpath");
        let updates = Counter::default();
        let update_seconds = Histogram::new([0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0]);
        let replies_sent = Family::<KindLabel, Counter>::default();
        let replies_failed = Family::<KindLabel, Counter>::default();
        let quarantined = Counter::default();
        let retention_runs = Counter::default();
        let reply_delay_seconds = Histogram::new([0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 120.0]);
        let send_seconds = Histogram::new([0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 15.0]);
        let backups = Counter::default();
        let last_backup = Gauge::default();
        let case_events = Family::<EventLabel, Gauge>::default();
        let outbox_depth = Gauge::default();
        let outbox_oldest = Gauge::default();
        let cases = Family::<StateLabel, Gauge>::default();
        registry.register("updates_handled", "Telegram updates handled", updates.clone());
        registry.register("update_handling_seconds", "Time to handle one update", update_seconds.clone());
        registry.register("replies_sent", "Messages sent, edited or deleted, by kind", replies_sent.clone());
        registry.register("replies_failed", "Messages Telegram refused for good, by kind", replies_failed.clone());
        registry.register("updates_quarantined", "Updates set aside after failing twice", quarantined.clone());
        registry.register("retention_runs", "Retention purges run", retention_runs.clone());
        registry.register("outbox_depth", "Messages waiting in the outbox", outbox_depth.clone());
        registry.register(
            "outbox_oldest_seconds",
            "Age of the oldest message waiting in the outbox (0: none)",
            outbox_oldest.clone(),
        );
        registry.register("cases", "Cases by state", cases.clone());
        registry.register(
            "reply_delay_seconds",
            "From a reply being written (its update handled) to Telegram accepting it",
            reply_delay_seconds.clone(),
        );
        registry.register("send_seconds", "One Bot API request of the outbox sender", send_seconds.clone());
        registry.register("backups_written", "Backups written by this process", backups.clone());
        registry.register(
            "last_backup_timestamp_seconds",
            "When this process last wrote a backup (Unix seconds; 0: not since it started)",
            last_backup.clone(),
        );
        registry.register(
            "case_events_recorded",
            "Case events in the audit log, by event (offered, accepted, declined, timed_out, not_taken, ...)",
            case_events.clone(),
        );
        Metrics {
            updates,
            update_seconds,
            replies_sent,
            replies_failed,
            quarantined,
            retention_runs,
            reply_delay_seconds,
            send_seconds,
            backups,
            last_backup,
            case_events,
            outbox_depth,
            outbox_oldest,
            cases,
            last_poll_ok: AtomicI64::new(0),
            webhook: AtomicU8::new(WEBHOOK_OFF),
            last_update: AtomicU8::new(LAST_NONE),
            registry,
        }
    }

    pub fn update_handled(&self, elapsed: std::time::Duration) {
        self.updates.inc();
        self.update_seconds.observe(elapsed.as_secs_f64());
    }

    pub fn reply(&self, kind: &str, ok: bool) {
        let label = KindLabel { kind: kind.to_string() };
        if ok {
            self.replies_sent.get_or_create(&label).inc();
        } else {
            self.replies_failed.get_or_create(&label).inc();
        }
    }

    /// A reply Telegram accepted: how long the request took, and how long since it was written.
    pub fn delivered(&self, request: std::time::Duration, since_written: i64) {
        self.send_seconds.observe(request.as_secs_f64());
        self.reply_delay_seconds.observe(since_written.max(0) as f64 / 1000.0);
    }

    pub fn backed_up(&self, now: jiff::Timestamp) {
        self.backups.inc();
        self.last_backup.set(now.as_second());
    }

    pub fn polled(&self, now: jiff::Timestamp) {
        self.last_poll_ok.store(now.as_second(), Ordering::Relaxed);
    }

    /// Webhook mode: `set` once Telegram accepted `setWebhook` (until then, not ready).
    pub fn webhook(&self, set: bool) {
        self.webhook.store(if set { WEBHOOK_SET } else { WEBHOOK_UNSET }, Ordering::Relaxed);
    }

    /// Webhook mode: whether the last update received was written and flushed (handled, or set
    /// aside) before it was answered.
    pub fn webhook_update(&self, handled: bool) {
        self.last_update.store(if handled { LAST_HANDLED } else { LAST_FAILED }, Ordering::Relaxed);
    }

    /// The text a scrape reads: the gauges read from the store first.
    fn render(&self, app: &App) -> String {
        if let Ok(keys) = app.store(|st| st.outbox_keys()) {
            self.outbox_depth.set(keys.len() as i64);
            // The oldest entry's age (each is opened: a scrape is rare, the outbox short).
            let now = crate::clock::now();
            let oldest = keys
                .iter()
                .filter_map(|(who, key)| app.store(|st| st.outbox_entry(who, key)).ok().flatten())
                .map(|e| (now - e.created_at).get_seconds().max(0))
                .max()
                .unwrap_or(0);
            self.outbox_oldest.set(oldest);
        }
        if let Ok(cases) = crate::referral::list(app) {
            for state in ["waiting", "offered", "accepted", "closed"] {
                let n = cases.iter().filter(|c| format!("{:?}", c.state).eq_ignore_ascii_case(state)).count();
                self.cases.get_or_create(&StateLabel { state: state.to_string() }).set(n as i64);
            }
        }
        if let Ok(events) = app.store(|st| crate::audit::event_counts(st).map_err(crate::store::StoreError::Rotate)) {
            for (event, n) in events {
                self.case_events.get_or_create(&EventLabel { event: event.to_string() }).set(n as i64);
            }
        }
        let mut out = String::new();
        if prometheus_client::encoding::text::encode(&mut out, &self.registry).is_err() {
            return String::new();
        }
        out
    }

    /// Ready, polling: the store answers, and a getUpdates succeeded within `fresh`. Webhook mode:
    /// the store answers, Telegram accepted `setWebhook`, the last update received (if any) was
    /// handled, and nothing in the outbox has waited over [`WEBHOOK_OUTBOX_SECS`].
    fn health(&self, app: &App, fresh: i64, now: jiff::Timestamp) -> Result<(), String> {
        let keys = app.store(|st| st.outbox_keys()).map_err(|e| format!("the store does not answer ({})", e.kind()))?;
        match self.webhook.load(Ordering::Relaxed) {
            WEBHOOK_OFF => {}
            WEBHOOK_UNSET => return Err("Telegram has not accepted setWebhook yet".into()),
            _ => {
                if self.last_update.load(Ordering::Relaxed) == LAST_FAILED {
                    return Err("the last update could not be written (Telegram sends it again)".into());
                }
                let oldest = keys
                    .iter()
                    .filter_map(|(who, key)| app.store(|st| st.outbox_entry(who, key)).ok().flatten())
                    .map(|e| (now - e.created_at).get_seconds())
                    .max()
                    .unwrap_or(0);
                if oldest > WEBHOOK_OUTBOX_SECS {
                    return Err(format!("a reply has waited {oldest} s to be sent"));
                }
                return Ok(());
            }
        }
        let last = self.last_poll_ok.load(Ordering::Relaxed);
        if last == 0 {
            return Err("Telegram has not been reached yet".into());
        }
        let age = now.as_second() - last;
        if age > fresh {
            return Err(format!("the last successful getUpdates was {age} s ago"));
        }
        Ok(())
    }
}

/// Serves `/healthz` and `/metrics` on `addr` (loopback: checked when the settings are read).
pub async fn serve(addr: SocketAddr, app: Arc<App>, fresh_secs: i64) -> std::io::Result<()> {
    let listener = tokio::net::TcpListener::bind(addr).await?;
    tracing::info!(%addr, "health and metrics listening");
    loop {
        let (stream, _) = match listener.accept().await {
            Ok(c) => c,
            Err(e) => {
                tracing::warn!(error = %e, "a metrics connection failed");
                continue;
            }
        };
        let app = app.clone();
        tokio::spawn(async move {
            let io = hyper_util::rt::TokioIo::new(stream);
            let svc = hyper::service::service_fn(move |req: Request<hyper::body::Incoming>| {
                let app = app.clone();
                async move { Ok::<_, std::convert::Infallible>(respond(app, req, fresh_secs).await) }
            });
            let _ = hyper::server::conn::http1::Builder::new().serve_connection(io, svc).await;
        });
    }
}

async fn respond(app: Arc<App>, req: Request<hyper::body::Incoming>, fresh: i64) -> Response<Full<Bytes>> {
    let reply = |status: StatusCode, ctype: &'static str, body: String| {
        let mut r = Response::new(Full::new(Bytes::from(body)));
        *r.status_mut() = status;
        if let Ok(v) = hyper::header::HeaderValue::from_str(ctype) {
            r.headers_mut().insert(hyper::header::CONTENT_TYPE, v);
        }
        r
    };
    if req.method() != Method::GET {
        return reply(StatusCode::METHOD_NOT_ALLOWED, "text/plain", "GET only\n".into());
    }
    let path = req.uri().path().to_string();
    let work = tokio::task::spawn_blocking(move || match path.as_str() {
        "/metrics" => Some((true, get().render(&app))),
        "/healthz" => Some(match get().health(&app, fresh, crate::clock::now()) {
            Ok(()) => (true, "ok\n".to_string()),
            Err(why) => (false, format!("not ready: {why}\n")),
        }),
        _ => None,
    })
    .await;
    match work {
        Ok(Some((true, body))) if body.starts_with("ok") => reply(StatusCode::OK, "text/plain", body),
        Ok(Some((true, body))) => {
            reply(StatusCode::OK, "application/openmetrics-text; version=1.0.0; charset=utf-8", body)
        }
        Ok(Some((false, body))) => reply(StatusCode::SERVICE_UNAVAILABLE, "text/plain", body),
        Ok(None) => reply(StatusCode::NOT_FOUND, "text/plain", "not found\n".into()),
        Err(_) => reply(StatusCode::INTERNAL_SERVER_ERROR, "text/plain", "error\n".into()),
    }
}
