//! A Bot API double on 127.0.0.1: serves `getUpdates` with offsets as Telegram does (updates
//! stay until confirmed by a later offset), keeps each chat's visible messages (sent, deleted,
//! edited), records every request with its time, and answers 429 or 500 on demand.
//!
//! Webhooks as Telegram has them: `setWebhook` (an HTTPS URL, a secret of Telegram's form) makes
//! it POST each waiting update, in order and one at a time, with the secret header, to the
//! address a test names with [`Double::deliver_to`] (the reverse proxy's job), sending one again
//! until it is answered 2xx; `getUpdates` is refused (409) while a webhook is set;
//! `deleteWebhook` removes it, keeping the waiting updates unless told to drop them.

#![allow(dead_code)]

use serde_json::{json, Value};
use std::collections::{BTreeMap, VecDeque};
use std::sync::{Arc, Condvar, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone)]
pub struct Msg {
    pub id: i64,
    pub text: String,
    pub from_bot: bool,
    pub protect: bool,
    /// (label, callback data)
    pub buttons: Vec<(String, String)>,
    pub deleted: bool,
    /// A file sent with sendDocument: (file name, contents as text).
    pub document: Option<(String, String)>,
    /// Order of the last change (sent or edited), across all chats: a question rewritten in place
    /// keeps its id but gets a new `seq`.
    pub seq: u64,
    /// When it landed (was sent, or last edited), as the double saw it.
    pub at: Instant,
}

#[derive(Debug, Clone)]
pub struct Req {
    pub at: Instant,
    pub method: String,
    pub body: Value,
}

/// A question the bot showed: (chat, when, message id, buttons as (label, callback data)).
pub type Shown = (i64, Instant, i64, Vec<(String, String)>);

impl State {
    fn bump(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }
}

#[derive(Default)]
pub struct State {
    next_update: u64,
    /// All updates ever offered, as (id, JSON text), serialised once; those below `confirmed` are
    /// gone.
    updates: Vec<(u64, String)>,
    confirmed: u64,
    next_message: i64,
    next_seq: u64,
    pub chats: BTreeMap<i64, Vec<Msg>>,
    pub requests: Vec<Req>,
    /// Whether requests are recorded (on, except in the load tool, which does not read them).
    pub record: bool,
    /// Failures to inject, in order, for a method: (HTTP-ish error code, retry_after).
    pub fail: BTreeMap<String, VecDeque<(u16, Option<u32>)>>,
    /// Delays to hold requests for, in order, keyed like `fail`: the request is answered (and its
    /// effect, such as a message appearing, happens) only after the delay, as with a slow network.
    pub hold: BTreeMap<String, VecDeque<Duration>>,
    /// Told of every question the bot shows (a message with buttons): (chat, when, message id,
    /// buttons). For the load tool, which must not scan the state.
    pub watcher: Option<std::sync::mpsc::Sender<Shown>>,
    /// The longest a getUpdates long poll is held open (default 2 s, to keep tests quick).
    pub max_poll_secs: Option<u64>,
    /// The webhook set with setWebhook (its request), if any.
    pub webhook: Option<Value>,
    /// Where webhook updates are POSTed (`http://127.0.0.1:PORT/path`: the proxy's target).
    pub deliver_to: Option<String>,
    /// Every webhook delivery: (update id, HTTP status, 0 if the request failed).
    pub deliveries: Vec<(u64, u16)>,
    /// Whether the webhook delivery thread runs.
    delivering: bool,
}

pub struct Double {
    pub url: String,
    pub state: Arc<(Mutex<State>, Condvar)>,
}

/// Telegram's refusal of a request: 400 and its description.
fn bad_request(description: &str) -> (u16, String) {
    (400, json!({ "ok": false, "error_code": 400, "description": description }).to_string())
}

fn ok(result: Value) -> String {
    format!("{{\"ok\":true,\"result\":{result}}}")
}

fn user(chat: i64, lang: &str) -> Value {
    json!({ "id": chat, "is_bot": false, "first_name": "Test", "language_code": lang })
}

fn bot_user() -> Value {
    json!({ "id": 42, "is_bot": true, "first_name": "Bot", "username": "clearpath_test_bot" })
}

fn message_json(chat: i64, m: &Msg, lang: &str) -> Value {
    let mut v = json!({
        "message_id": m.id,
        "date": 1_764_000_000,
        "chat": { "id": chat, "type": "private", "first_name": "Test" },
        "from": if m.from_bot { bot_user() } else { user(chat, lang) },
        "text": m.text,
    });
    if !m.buttons.is_empty() {
        let rows: Vec<Value> = m.buttons.iter().map(|(l, d)| json!([{ "text": l, "callback_data": d }])).collect();
        v["reply_markup"] = json!({ "inline_keyboard": rows });
    }
    v
}

impl Double {
    pub fn start() -> Double {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let url = format!("http://{}/", listener.local_addr().unwrap());
        let state = Arc::new((
            Mutex::new(State { next_update: 1, next_message: 1, record: true, ..Default::default() }),
            Condvar::new(),
        ));
        let st = state.clone();
        std::thread::spawn(move || {
            for conn in listener.incoming() {
                let Ok(conn) = conn else { continue };
                let st = st.clone();
                std::thread::spawn(move || serve_connection(conn, &st));
            }
        });
        Double { url, state }
    }

    fn push_update(&self, mut u: Value) -> u64 {
        let (m, cv) = &*self.state;
        let mut s = m.lock().unwrap();
        let id = s.next_update;
        s.next_update += 1;
        u["update_id"] = json!(id);
        s.updates.push((id, u.to_string()));
        cv.notify_all();
        id
    }

    /// The survivor types a message.
    pub fn send_text(&self, chat: i64, text: &str, lang: &str) -> u64 {
        let msg = {
            let (m, _) = &*self.state;
            let mut s = m.lock().unwrap();
            let id = s.next_message;
            s.next_message += 1;
            let msg = Msg {
                id,
                text: text.into(),
                from_bot: false,
                protect: false,
                buttons: vec![],
                deleted: false,
                document: None,
                seq: s.bump(),
                at: Instant::now(),
            };
            s.chats.entry(chat).or_default().push(msg.clone());
            msg
        };
        self.push_update(json!({ "message": message_json(chat, &msg, lang) }))
    }

    /// The survivor presses a button of a bot message.
    pub fn press(&self, chat: i64, message_id: i64, data: &str, lang: &str) -> u64 {
        let msg = self.messages(chat).into_iter().find(|m| m.id == message_id).unwrap();
        self.push_update(json!({
            "callback_query": {
                "id": format!("cb{}", message_id * 1000 + data.len() as i64),
                "from": user(chat, lang),
                "chat_instance": "ci",
                "data": data,
                "message": message_json(chat, &msg, lang),
            }
        }))
    }

    /// Something that is not a message or a button: a sticker, a membership change.
    pub fn push_raw(&self, u: Value) -> u64 {
        self.push_update(u)
    }

    pub fn messages(&self, chat: i64) -> Vec<Msg> {
        self.state.0.lock().unwrap().chats.get(&chat).cloned().unwrap_or_default()
    }

    pub fn visible(&self, chat: i64) -> Vec<Msg> {
        self.messages(chat).into_iter().filter(|m| !m.deleted).collect()
    }

    pub fn requests(&self) -> Vec<Req> {
        self.state.0.lock().unwrap().requests.clone()
    }

    /// Reports every question the bot shows from now on.
    pub fn watch(&self) -> std::sync::mpsc::Receiver<Shown> {
        let (tx, rx) = std::sync::mpsc::channel();
        self.state.0.lock().unwrap().watcher = Some(tx);
        rx
    }

    /// Pushes a button press without looking up the message (the load tool knows its buttons).
    pub fn press_known(&self, chat: i64, message_id: i64, buttons: &[(String, String)], data: &str) -> u64 {
        let msg = Msg {
            id: message_id,
            text: String::new(),
            from_bot: true,
            protect: true,
            buttons: buttons.to_vec(),
            deleted: false,
            document: None,
            seq: 0,
            at: Instant::now(),
        };
        self.push_update(json!({
            "callback_query": {
                "id": format!("cb{}", message_id * 1000 + data.len() as i64),
                "from": user(chat, "en"),
                "chat_instance": "ci",
                "data": data,
                "message": message_json(chat, &msg, "en"),
            }
        }))
    }

    /// Forgets confirmations: the last `n` updates are offered again (as after lost confirms).
    pub fn reoffer_last(&self, n: u64) {
        let mut s = self.state.0.lock().unwrap();
        s.confirmed = s.next_update.saturating_sub(n).max(1);
    }

    /// Like [`Double::reoffer_last`], but never skips ahead: an update not yet confirmed stays
    /// offered even when the bot is more than `n` updates behind (as after a restart).
    pub fn reoffer_confirmed(&self, n: u64) {
        let mut s = self.state.0.lock().unwrap();
        s.confirmed = s.confirmed.min(s.next_update.saturating_sub(n).max(1));
    }

    pub fn fail(&self, method: &str, failures: &[(u16, Option<u32>)]) {
        let mut s = self.state.0.lock().unwrap();
        s.fail.entry(method.to_ascii_lowercase()).or_default().extend(failures.iter().copied());
    }

    /// Like [`Double::fail`], for one chat's requests only.
    pub fn fail_chat(&self, method: &str, chat: i64, failures: &[(u16, Option<u32>)]) {
        let mut s = self.state.0.lock().unwrap();
        s.fail.entry(format!("{}@{chat}", method.to_ascii_lowercase())).or_default().extend(failures.iter().copied());
    }

    /// Holds the chat's next request of `method` for `delay` before it takes effect and is
    /// answered: a request in flight.
    pub fn hold_chat(&self, method: &str, chat: i64, delay: Duration) {
        let mut s = self.state.0.lock().unwrap();
        s.hold.entry(format!("{}@{chat}", method.to_ascii_lowercase())).or_default().push_back(delay);
    }

    /// Waits until `pred` holds for the chat's messages (or panics after `secs`).
    pub fn wait_for(&self, chat: i64, secs: u64, what: &str, pred: impl Fn(&[Msg]) -> bool) -> Vec<Msg> {
        let deadline = Instant::now() + Duration::from_secs(secs);
        loop {
            let msgs = self.messages(chat);
            if pred(&msgs) {
                return msgs;
            }
            assert!(Instant::now() < deadline, "timed out waiting for {what}; chat: {:#?}", self.visible(chat));
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Ticks the given options of the newest multiple-choice question, then presses Done.
    /// Returns the chat's `seq` just before Done was pressed (what comes after is the reply).
    pub fn tick_and_send(&self, chat: i64, ids: &[&str], lang: &str) -> u64 {
        let find = |msgs: &[Msg]| {
            msgs.iter()
                .filter(|m| m.from_bot && !m.deleted && m.buttons.iter().any(|b| b.1.starts_with("d:")))
                .max_by_key(|m| m.seq)
                .cloned()
        };
        let msgs = self.wait_for(chat, 90, "a multiple-choice question", |m| find(m).is_some());
        let q = find(&msgs).unwrap();
        for id in ids {
            let data = q
                .buttons
                .iter()
                .find(|b| b.1.starts_with("t:") && b.1.ends_with(&format!(":{id}")))
                .unwrap_or_else(|| panic!("no tick {id}"))
                .1
                .clone();
            self.press(chat, q.id, &data, lang);
            // The bot shows the tick by editing the buttons; wait for it before the next press.
            self.wait_for(chat, 30, "the tick", |m| {
                m.iter().any(|x| x.id == q.id && x.buttons.iter().any(|b| b.1 == data && b.0.starts_with("☑")))
            });
        }
        let now = self.messages(chat).into_iter().find(|m| m.id == q.id).unwrap();
        let done = now.buttons.iter().find(|b| b.1.starts_with("d:")).unwrap().1.clone();
        let before = self.seq(chat);
        self.press(chat, q.id, &done, lang);
        before
    }

    /// The newest visible bot message.
    pub fn last_bot(&self, chat: i64) -> Option<Msg> {
        self.visible(chat).into_iter().filter(|m| m.from_bot).max_by_key(|m| m.seq)
    }

    /// The order number of the chat's latest change, to wait for what comes after it.
    pub fn seq(&self, chat: i64) -> u64 {
        self.messages(chat).iter().map(|m| m.seq).max().unwrap_or(0)
    }

    /// What the phones show, as JSON (ids, texts, buttons, documents), with the next update and
    /// message ids: written beside a data-directory fixture, so a later double can carry on from
    /// the same screens (see `stored_data`).
    pub fn snapshot(&self) -> Value {
        let s = self.state.0.lock().unwrap();
        let chats: BTreeMap<String, Vec<Value>> = s
            .chats
            .iter()
            .map(|(c, msgs)| {
                let msgs = msgs
                    .iter()
                    .map(|m| {
                        json!({ "id": m.id, "text": m.text, "from_bot": m.from_bot, "protect": m.protect,
                                "buttons": m.buttons, "deleted": m.deleted, "document": m.document })
                    })
                    .collect();
                (c.to_string(), msgs)
            })
            .collect();
        json!({ "next_update": s.next_update, "next_message": s.next_message, "chats": chats })
    }

    /// A double that shows what [`Double::snapshot`] recorded and numbers on from it.
    pub fn restore(snapshot: &Value) -> Double {
        let d = Double::start();
        {
            let mut s = d.state.0.lock().unwrap();
            s.next_update = snapshot["next_update"].as_u64().unwrap();
            s.next_message = snapshot["next_message"].as_i64().unwrap();
            for (chat, msgs) in snapshot["chats"].as_object().unwrap() {
                let chat: i64 = chat.parse().unwrap();
                for m in msgs.as_array().unwrap() {
                    let seq = s.bump();
                    let msg = Msg {
                        id: m["id"].as_i64().unwrap(),
                        text: m["text"].as_str().unwrap().to_string(),
                        from_bot: m["from_bot"].as_bool().unwrap(),
                        protect: m["protect"].as_bool().unwrap(),
                        buttons: serde_json::from_value(m["buttons"].clone()).unwrap(),
                        deleted: m["deleted"].as_bool().unwrap(),
                        document: serde_json::from_value(m["document"].clone()).unwrap(),
                        seq,
                        at: Instant::now(),
                    };
                    s.chats.entry(chat).or_default().push(msg);
                }
            }
        }
        d
    }

    /// Webhook updates go to `url` (the listener behind the reverse proxy).
    pub fn deliver_to(&self, url: &str) {
        let (m, cv) = &*self.state;
        m.lock().unwrap().deliver_to = Some(url.to_string());
        cv.notify_all();
    }

    /// The webhook set, if any (the setWebhook request's body).
    pub fn webhook(&self) -> Option<Value> {
        self.state.0.lock().unwrap().webhook.clone()
    }

    /// Webhook deliveries so far: (update id, HTTP status).
    pub fn deliveries(&self) -> Vec<(u64, u16)> {
        self.state.0.lock().unwrap().deliveries.clone()
    }

    /// A message typed by the survivor, as an update, shown in the chat but not queued: for a
    /// test that POSTs it itself. Its id is the next update id.
    pub fn text_update(&self, chat: i64, text: &str, lang: &str) -> Value {
        let (m, _) = &*self.state;
        let mut s = m.lock().unwrap();
        let id = s.next_message;
        s.next_message += 1;
        let msg = Msg {
            id,
            text: text.into(),
            from_bot: false,
            protect: false,
            buttons: vec![],
            deleted: false,
            document: None,
            seq: s.bump(),
            at: Instant::now(),
        };
        s.chats.entry(chat).or_default().push(msg.clone());
        // Its id is taken, but it is not queued: getUpdates and the webhook never offer it.
        let update = s.next_update;
        s.next_update += 1;
        json!({ "update_id": update, "message": message_json(chat, &msg, lang) })
    }

    /// The next update id, taken and never queued (for an update a test POSTs itself).
    pub fn take_update_id(&self) -> u64 {
        let mut s = self.state.0.lock().unwrap();
        s.next_update += 1;
        s.next_update - 1
    }

    /// Highest update id handed out so far.
    pub fn last_update_id(&self) -> u64 {
        self.state.0.lock().unwrap().next_update - 1
    }
}

/// One keep-alive HTTP/1.1 connection: a thread per connection (the bot keeps a small pool), each
/// request answered as it comes. Bodies by Content-Length or chunked.
fn serve_connection(conn: std::net::TcpStream, st: &Arc<(Mutex<State>, Condvar)>) {
    use std::io::{BufRead, BufReader, Read, Write};
    let _ = conn.set_nodelay(true);
    let Ok(read_half) = conn.try_clone() else { return };
    let mut reader = BufReader::new(read_half);
    let mut writer = conn;
    loop {
        let mut line = String::new();
        match reader.read_line(&mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        let path = line.split_whitespace().nth(1).unwrap_or("").to_string();
        let (mut len, mut chunked, mut ctype, mut close) = (0usize, false, String::new(), false);
        loop {
            let mut h = String::new();
            if reader.read_line(&mut h).unwrap_or(0) == 0 {
                return;
            }
            let h = h.trim_end();
            if h.is_empty() {
                break;
            }
            let Some((k, v)) = h.split_once(':') else { continue };
            let (k, v) = (k.trim().to_ascii_lowercase(), v.trim());
            match k.as_str() {
                "content-length" => len = v.parse().unwrap_or(0),
                "transfer-encoding" => chunked = v.eq_ignore_ascii_case("chunked"),
                "content-type" => ctype = v.to_string(),
                "connection" => close = v.eq_ignore_ascii_case("close"),
                _ => {}
            }
        }
        let mut raw = Vec::new();
        if chunked {
            loop {
                let mut size = String::new();
                if reader.read_line(&mut size).unwrap_or(0) == 0 {
                    return;
                }
                let n = usize::from_str_radix(size.trim().split(';').next().unwrap_or("0"), 16).unwrap_or(0);
                let mut chunk = vec![0; n + 2];
                if reader.read_exact(&mut chunk).is_err() {
                    return;
                }
                if n == 0 {
                    break;
                }
                raw.extend_from_slice(&chunk[..n]);
            }
        } else {
            raw.resize(len, 0);
            if reader.read_exact(&mut raw).is_err() {
                return;
            }
        }
        // Method names are case-insensitive in the Bot API (teloxide sends "SendMessage").
        let method = path.rsplit('/').next().unwrap_or("").to_ascii_lowercase();
        let body: Value = match ctype.split("boundary=").nth(1) {
            Some(b) => multipart(&raw, b.trim_matches('"')),
            None => serde_json::from_slice(&raw).unwrap_or(Value::Null),
        };
        let (code, resp) = handle(st, &method, &body);
        let reason = match code {
            200 => "OK",
            400 => "Bad Request",
            409 => "Conflict",
            429 => "Too Many Requests",
            502 => "Bad Gateway",
            _ => "Internal Server Error",
        };
        // Head and body in one write, as a server does: one segment on the wire, not two.
        let reply = format!(
            "HTTP/1.1 {code} {reason}\r\nContent-Type: {}\r\nContent-Length: {}\r\n\r\n{resp}",
            if resp.starts_with('<') { "text/html" } else { "application/json" },
            resp.len()
        );
        if writer.write_all(reply.as_bytes()).is_err() || close {
            return;
        }
    }
}

/// Telegram's side of a webhook: while one is set and a target is named, each waiting update is
/// POSTed in order, one at a time, with the secret header; one not answered 2xx is sent again.
fn deliver(st: &Arc<(Mutex<State>, Condvar)>) {
    use std::io::{Read, Write};
    let (m, cv) = &**st;
    loop {
        let next = {
            let mut s = m.lock().unwrap();
            loop {
                let confirmed = s.confirmed;
                let first = s.updates.partition_point(|(id, _)| *id < confirmed);
                let ready = s.webhook.is_some() && s.deliver_to.is_some();
                if let (true, Some((id, u))) = (ready, s.updates.get(first)) {
                    let secret = s.webhook.as_ref().and_then(|w| w["secret_token"].as_str().map(str::to_string));
                    break (*id, u.clone(), s.deliver_to.clone().unwrap(), secret);
                }
                s = cv.wait_timeout(s, Duration::from_millis(200)).unwrap().0;
            }
        };
        let (id, update, target, secret) = next;
        let rest = target.strip_prefix("http://").unwrap();
        let (host, path) = rest.split_once('/').map(|(h, p)| (h, format!("/{p}"))).unwrap_or((rest, "/".into()));
        let mut status = 0u16;
        if let Ok(mut conn) = std::net::TcpStream::connect(host) {
            let _ = conn.set_read_timeout(Some(Duration::from_secs(30)));
            let header = secret.map(|s| format!("X-Telegram-Bot-Api-Secret-Token: {s}\r\n")).unwrap_or_default();
            let head = format!(
                "POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n{header}Content-Length: {}\r\nConnection: close\r\n\r\n",
                update.len()
            );
            if conn.write_all(head.as_bytes()).is_ok() && conn.write_all(update.as_bytes()).is_ok() {
                let mut answer = String::new();
                let _ = conn.read_to_string(&mut answer);
                status = answer.split_whitespace().nth(1).and_then(|c| c.parse().ok()).unwrap_or(0);
            }
        }
        let mut s = m.lock().unwrap();
        s.deliveries.push((id, status));
        if (200..300).contains(&status) {
            s.confirmed = s.confirmed.max(id + 1);
        } else {
            // As Telegram does, after a pause.
            drop(s);
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

/// A multipart/form-data body (sendDocument) as a JSON object: text fields parsed as JSON where
/// they are JSON (numbers, keyboards), the file as "document" (text) and "document_name".
fn multipart(raw: &[u8], boundary: &str) -> Value {
    let text = String::from_utf8_lossy(raw);
    let mut out = serde_json::Map::new();
    let mut files: BTreeMap<String, (String, String)> = BTreeMap::new();
    for part in text.split(&format!("--{boundary}")) {
        let Some((head, content)) = part.split_once("\r\n\r\n") else { continue };
        let content = content.strip_suffix("\r\n").unwrap_or(content);
        let disposition =
            head.lines().find(|l| l.to_ascii_lowercase().starts_with("content-disposition")).unwrap_or("");
        let attr = |key: &str| {
            disposition.split(';').map(str::trim).find_map(|kv| {
                kv.strip_prefix(&format!("{key}=\"")).map(|v| v.split('"').next().unwrap_or("").to_string())
            })
        };
        let Some(name) = attr("name") else { continue };
        match attr("filename") {
            Some(file) => {
                files.insert(name, (file, content.to_string()));
            }
            None => {
                let v = serde_json::from_str(content).unwrap_or_else(|_| Value::String(content.to_string()));
                out.insert(name, v);
            }
        }
    }
    // teloxide names a file field "attach://<part>" and sends the file as that part.
    for (field, v) in out.clone() {
        if let Some((file, content)) = v.as_str().and_then(|s| s.strip_prefix("attach://")).and_then(|p| files.get(p)) {
            out.insert(field.clone(), Value::String(content.clone()));
            out.insert(format!("{field}_name"), Value::String(file.clone()));
        }
    }
    Value::Object(out)
}

/// The inline keyboard of a request, as (label, callback data).
fn buttons_of(body: &Value) -> Vec<(String, String)> {
    body["reply_markup"]["inline_keyboard"]
        .as_array()
        .map(|rows| {
            rows.iter()
                .flat_map(|r| r.as_array().cloned().unwrap_or_default())
                .map(|b| {
                    (
                        b["text"].as_str().unwrap_or("").to_string(),
                        b["callback_data"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What Telegram refuses in a message, with its own descriptions: text over 4096 characters, a
/// keyboard over 100 buttons (Telegram's "reply markup is too long" comes at about that size),
/// callback data over 64 bytes.
fn refuse_message(body: &Value, buttons: &[(String, String)]) -> Option<(u16, String)> {
    let refuse = |d: &str| Some(bad_request(d));
    if body["text"].as_str().is_some_and(|t| t.chars().count() > 4096) {
        return refuse("Bad Request: message is too long");
    }
    if buttons.len() > 100 {
        return refuse("Bad Request: reply markup is too long");
    }
    if buttons.iter().any(|(_, d)| d.len() > 64) {
        return refuse("Bad Request: BUTTON_DATA_INVALID");
    }
    None
}

fn s_max_poll(st: &Arc<(Mutex<State>, Condvar)>) -> u64 {
    st.0.lock().unwrap().max_poll_secs.unwrap_or(2)
}

fn handle(st: &Arc<(Mutex<State>, Condvar)>, method: &str, body: &Value) -> (u16, String) {
    let (m, cv) = &**st;
    let hold = {
        let mut s = m.lock().unwrap();
        if s.record {
            s.requests.push(Req { at: Instant::now(), method: method.to_string(), body: body.clone() });
        }
        // Failures for this chat only ("method@chat"), else for the method.
        let for_chat = body["chat_id"].as_i64().map(|c| format!("{method}@{c}"));
        let key = match for_chat {
            Some(k) if s.fail.get(&k).is_some_and(|q| !q.is_empty()) => k,
            _ => method.to_string(),
        };
        if let Some(q) = s.fail.get_mut(&key) {
            if let Some((code, retry)) = q.pop_front() {
                if code == 502 {
                    // As a proxy in front of a Bot API server answers: a page, not the API's JSON.
                    return (code, "<html><body><h1>502 Bad Gateway</h1></body></html>".to_string());
                }
                let mut v = json!({ "ok": false, "error_code": code, "description": if code == 429 { format!("Too Many Requests: retry after {}", retry.unwrap_or(1)) } else { "Internal Server Error".to_string() } });
                if let Some(r) = retry {
                    v["parameters"] = json!({ "retry_after": r });
                }
                return (code, v.to_string());
            }
        }
        let held = body["chat_id"].as_i64().map(|c| format!("{method}@{c}"));
        held.and_then(|k| s.hold.get_mut(&k).and_then(|q| q.pop_front()))
    };
    if let Some(delay) = hold {
        std::thread::sleep(delay);
    }
    match method {
        "getme" => {
            // As Telegram answers getMe: the bot's user and what it may do.
            let mut me = bot_user();
            for (k, v) in [
                ("can_join_groups", false),
                ("can_read_all_group_messages", false),
                ("supports_inline_queries", false),
                ("can_connect_to_business", false),
                ("has_main_web_app", false),
            ] {
                me[k] = json!(v);
            }
            (200, ok(me))
        }
        "setmycommands" => (200, ok(json!(true))),
        "setwebhook" => {
            // Telegram's own refusals.
            let url = body["url"].as_str().unwrap_or("");
            if !url.starts_with("https://") {
                return bad_request("Bad Request: bad webhook: An HTTPS URL must be provided for webhook");
            }
            let secret = body["secret_token"].as_str().unwrap_or("");
            if !secret.is_empty()
                && (secret.len() > 256 || !secret.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
            {
                return bad_request("Bad Request: secret token contains unallowed characters");
            }
            let start = {
                let mut s = m.lock().unwrap();
                s.webhook = Some(body.clone());
                if body["drop_pending_updates"].as_bool() == Some(true) {
                    s.confirmed = s.next_update;
                }
                !std::mem::replace(&mut s.delivering, true)
            };
            if start {
                let st = st.clone();
                std::thread::spawn(move || deliver(&st));
            }
            cv.notify_all();
            (200, ok(json!(true)))
        }
        "deletewebhook" => {
            let mut s = m.lock().unwrap();
            s.webhook = None;
            if body["drop_pending_updates"].as_bool() == Some(true) {
                s.confirmed = s.next_update;
            }
            (200, ok(json!(true)))
        }
        "getupdates" => {
            if m.lock().unwrap().webhook.is_some() {
                let description = "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";
                return (409, json!({ "ok": false, "error_code": 409, "description": description }).to_string());
            }
            let offset = body["offset"].as_u64().unwrap_or(0);
            let timeout = body["timeout"].as_u64().unwrap_or(0).min(s_max_poll(st));
            let deadline = Instant::now() + Duration::from_secs(timeout);
            let mut s = m.lock().unwrap();
            if offset > s.confirmed {
                s.confirmed = offset;
            }
            loop {
                let confirmed = s.confirmed;
                // Updates are kept in id order: find the first unconfirmed one without a scan.
                let first = s.updates.partition_point(|(id, _)| *id < confirmed);
                let pending: Vec<&str> = s.updates[first..].iter().take(100).map(|(_, u)| u.as_str()).collect();
                if !pending.is_empty() || Instant::now() >= deadline {
                    return (200, format!("{{\"ok\":true,\"result\":[{}]}}", pending.join(",")));
                }
                let (g, _) = cv.wait_timeout(s, Duration::from_millis(20)).unwrap();
                s = g;
            }
        }
        "sendmessage" => {
            let chat = body["chat_id"].as_i64().unwrap();
            let buttons = buttons_of(body);
            if let Some(refused) = refuse_message(body, &buttons) {
                return refused;
            }
            let mut s = m.lock().unwrap();
            let id = s.next_message;
            s.next_message += 1;
            let msg = Msg {
                id,
                text: body["text"].as_str().unwrap_or("").to_string(),
                from_bot: true,
                protect: body["protect_content"].as_bool().unwrap_or(false),
                buttons,
                deleted: false,
                document: None,
                seq: s.bump(),
                at: Instant::now(),
            };
            s.chats.entry(chat).or_default().push(msg.clone());
            if !msg.buttons.is_empty() {
                if let Some(w) = &s.watcher {
                    let _ = w.send((chat, Instant::now(), msg.id, msg.buttons.clone()));
                }
            }
            (200, ok(message_json(chat, &msg, "en")))
        }
        "senddocument" => {
            let chat = body["chat_id"].as_i64().unwrap();
            let name = body["document_name"].as_str().unwrap_or("").to_string();
            let contents = body["document"].as_str().unwrap_or("").to_string();
            let mut s = m.lock().unwrap();
            let id = s.next_message;
            s.next_message += 1;
            let msg = Msg {
                id,
                text: String::new(),
                from_bot: true,
                protect: body["protect_content"].as_bool().unwrap_or(false),
                buttons: vec![],
                deleted: false,
                document: Some((name.clone(), contents.clone())),
                seq: s.bump(),
                at: Instant::now(),
            };
            s.chats.entry(chat).or_default().push(msg);
            let v = json!({
                "message_id": id,
                "date": 1_764_000_000,
                "chat": { "id": chat, "type": "private", "first_name": "Test" },
                "from": bot_user(),
                "document": { "file_id": format!("f{id}"), "file_unique_id": format!("u{id}"), "file_name": name, "file_size": contents.len() },
            });
            (200, ok(v))
        }
        "deletemessages" | "deletemessage" => {
            let chat = body["chat_id"].as_i64().unwrap();
            let ids: Vec<i64> = match body.get("message_ids") {
                Some(v) => v.as_array().unwrap().iter().map(|x| x.as_i64().unwrap()).collect(),
                None => vec![body["message_id"].as_i64().unwrap()],
            };
            // Telegram's limits for deleteMessages: 1 to 100 identifiers (its own descriptions).
            if ids.is_empty() {
                return bad_request("Bad Request: message identifiers are not specified");
            }
            if ids.len() > 100 {
                return bad_request("Bad Request: too many message identifiers specified");
            }
            let mut s = m.lock().unwrap();
            for msg in s.chats.entry(chat).or_default().iter_mut() {
                if ids.contains(&msg.id) {
                    msg.deleted = true;
                }
            }
            (200, ok(json!(true)))
        }
        // A text edit (the neutral exit text, or the next question in place of the answered one)
        // or a keyboard edit (a tick toggled).
        "editmessagetext" | "editmessagereplymarkup" => {
            let chat = body["chat_id"].as_i64().unwrap();
            let id = body["message_id"].as_i64().unwrap();
            let buttons = buttons_of(body);
            let text = (method == "editmessagetext").then(|| body["text"].as_str().unwrap_or("").to_string());
            if let Some(refused) = refuse_message(body, &buttons) {
                return refused;
            }
            let mut s = m.lock().unwrap();
            let unchanged = s
                .chats
                .entry(chat)
                .or_default()
                .iter()
                .any(|x| x.id == id && text.as_ref().is_none_or(|t| *t == x.text) && x.buttons == buttons);
            if unchanged {
                // As Telegram does.
                return bad_request("Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message");
            }
            let seq = s.bump();
            let mut found = None;
            for msg in s.chats.entry(chat).or_default().iter_mut() {
                if msg.id == id && !msg.deleted {
                    if let Some(t) = &text {
                        msg.text = t.clone();
                    }
                    // Without a keyboard in the edit, Telegram removes the old one.
                    msg.buttons = buttons.clone();
                    msg.seq = seq;
                    msg.at = Instant::now();
                    found = Some(msg.clone());
                }
            }
            if let (Some(msg), Some(w), true) = (&found, &s.watcher, text.is_some()) {
                if !msg.buttons.is_empty() {
                    let _ = w.send((chat, Instant::now(), msg.id, msg.buttons.clone()));
                }
            }
            match found {
                Some(msg) => (200, ok(message_json(chat, &msg, "en"))),
                None => bad_request("Bad Request: message to edit not found"),
            }
        }
        "answercallbackquery" => (200, ok(json!(true))),
        _ => (200, ok(json!(true))),
    }
}
