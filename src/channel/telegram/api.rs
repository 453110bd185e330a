//! The requests the bot makes for nearly every update (fetch updates, send or edit a question,
//! delete an answer, acknowledge a press), made with the teloxide bot's own HTTP client, token and
//! API URL, but read with a slim parser.
//!
//! teloxide reads every reply into its full `Message` through untagged enums, so serde buffers
//! the whole JSON and then tries variant after variant: under load that was about a tenth of the
//! bot's CPU, for replies of which the outbox needs only the message id. Updates are still read
//! into teloxide's `Update`, without the untagged wrapper around the batch. The method URLs are
//! built once, not per request. Everything else (the command menu, documents) goes through
//! teloxide's own requests.

use serde::de::{Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::sync::Arc;
use teloxide::{ApiError, Bot, RequestError};

/// Why a request did not succeed, as the outbox needs to know it.
#[derive(Debug)]
pub enum Failure {
    /// Telegram asks this chat to wait so many seconds.
    RetryAfter(u32),
    /// Telegram refused the request (the message is gone, the bot was blocked ...).
    Api(ApiError),
    /// A 5xx, a network error or a reply that is not the Bot API's: worth trying again.
    Transient(String),
}

/// For the requests still made through teloxide (documents). teloxide reports a 5xx as an
/// unknown API error, which the sender retries like any refusal it does not know.
impl From<RequestError> for Failure {
    fn from(e: RequestError) -> Self {
        match e {
            RequestError::RetryAfter(s) => Failure::RetryAfter(s.seconds()),
            RequestError::Api(a) => Failure::Api(a),
            other => Failure::Transient(super::redact(&other.to_string())),
        }
    }
}

#[derive(Clone, Copy)]
enum Method {
    GetUpdates,
    SendMessage,
    EditMessageText,
    EditMessageReplyMarkup,
    DeleteMessages,
    AnswerCallbackQuery,
}

const METHODS: [(Method, &str); 6] = [
    (Method::GetUpdates, "getUpdates"),
    (Method::SendMessage, "sendMessage"),
    (Method::EditMessageText, "editMessageText"),
    (Method::EditMessageReplyMarkup, "editMessageReplyMarkup"),
    (Method::DeleteMessages, "deleteMessages"),
    (Method::AnswerCallbackQuery, "answerCallbackQuery"),
];

/// The bot and its hot methods. Cheap to clone.
#[derive(Clone)]
pub struct Api {
    inner: Arc<Inner>,
}

struct Inner {
    bot: Bot,
    /// Indexed by `Method`; each carries the token, so never log one.
    urls: Vec<reqwest::Url>,
}

/// Rows of (label, callback data) as Telegram's inline keyboard.
#[derive(Serialize)]
struct Markup<'a> {
    inline_keyboard: Vec<Vec<Button<'a>>>,
}

#[derive(Serialize)]
struct Button<'a> {
    text: &'a str,
    callback_data: &'a str,
}

fn markup(buttons: &[Vec<(String, String)>]) -> Option<Markup<'_>> {
    (!buttons.is_empty()).then(|| Markup {
        inline_keyboard: buttons
            .iter()
            .map(|row| row.iter().map(|(text, data)| Button { text, callback_data: data }).collect())
            .collect(),
    })
}

#[derive(Serialize)]
struct SendBody<'a> {
    chat_id: i64,
    text: &'a str,
    protect_content: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_markup: Option<Markup<'a>>,
}

#[derive(Serialize)]
struct EditBody<'a> {
    chat_id: i64,
    message_id: i64,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    reply_markup: Option<Markup<'a>>,
}

/// The most messages one `deleteMessages` request may name.
const MAX_DELETE: usize = 100;

#[derive(Serialize)]
struct DeleteBody<'a> {
    chat_id: i64,
    message_ids: &'a [i64],
}

#[derive(Serialize)]
struct GetUpdatesBody<'a> {
    offset: i64,
    timeout: u32,
    allowed_updates: &'a [&'a str],
}

#[derive(Serialize)]
struct AnswerBody<'a> {
    callback_query_id: &'a str,
}

/// A Bot API reply: `{"ok": true, "result": ...}` or `{"ok": false, "description": ...}`.
#[derive(Deserialize)]
struct Reply<T> {
    ok: bool,
    result: Option<T>,
    #[serde(default)]
    error_code: Option<u16>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default)]
    parameters: Option<Parameters>,
}

#[derive(Deserialize)]
struct Parameters {
    #[serde(default)]
    retry_after: Option<u32>,
}

/// A result's message id, if the result is a message (`true` and anything else give none).
struct SentId(Option<i64>);

impl<'de> Deserialize<'de> for SentId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(field_identifier, rename_all = "snake_case")]
        enum Field {
            MessageId,
            #[serde(other)]
            Other,
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = SentId;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a message or true")
            }
            fn visit_bool<E>(self, _: bool) -> Result<SentId, E> {
                Ok(SentId(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<SentId, A::Error> {
                let mut id = None;
                while let Some(k) = m.next_key::<Field>()? {
                    match k {
                        Field::MessageId => id = Some(m.next_value::<i64>()?),
                        Field::Other => {
                            m.next_value::<IgnoredAny>()?;
                        }
                    }
                }
                Ok(SentId(id))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut s: A) -> Result<SentId, A::Error> {
                while s.next_element::<IgnoredAny>()?.is_some() {}
                Ok(SentId(None))
            }
        }
        d.deserialize_any(V)
    }
}

impl Api {
    pub fn new(bot: Bot) -> Self {
        let base = bot.api_url();
        let urls = METHODS
            .iter()
            .map(|(_, name)| {
                let mut url = base.clone();
                // As teloxide builds them: <api url>/bot<token>/<method>.
                if let Ok(mut segments) = url.path_segments_mut() {
                    segments.pop_if_empty().push(&format!("bot{}", bot.token())).push(name);
                }
                url
            })
            .collect();
        Api { inner: Arc::new(Inner { bot, urls }) }
    }

    /// The teloxide bot, for the requests not made here.
    pub fn bot(&self) -> &Bot {
        &self.inner.bot
    }

    /// Sends a message; its id.
    pub async fn send_message(
        &self,
        chat: i64,
        text: &str,
        buttons: &[Vec<(String, String)>],
        protect: bool,
    ) -> Result<Option<i64>, Failure> {
        let body = SendBody { chat_id: chat, text, protect_content: protect, reply_markup: markup(buttons) };
        self.call(Method::SendMessage, &body).await
    }

    /// Rewrites a message's text, and its buttons (none removes them).
    pub async fn edit_text(
        &self,
        chat: i64,
        id: i64,
        text: &str,
        buttons: &[Vec<(String, String)>],
    ) -> Result<(), Failure> {
        let body = EditBody { chat_id: chat, message_id: id, text: Some(text), reply_markup: markup(buttons) };
        self.call(Method::EditMessageText, &body).await.map(|_| ())
    }

    /// Replaces a message's buttons.
    pub async fn edit_buttons(&self, chat: i64, id: i64, buttons: &[Vec<(String, String)>]) -> Result<(), Failure> {
        let body = EditBody { chat_id: chat, message_id: id, text: None, reply_markup: markup(buttons) };
        self.call(Method::EditMessageReplyMarkup, &body).await.map(|_| ())
    }

    /// Deletes messages, at most 100 to a request (Telegram refuses more, and refusing is not
    /// deleting: a quick exit after a long conversation wipes hundreds). Messages already gone
    /// are skipped by Telegram, so a retry after a failed request may send every part again.
    ///
    /// A part Telegram refuses (its messages gone, or too old) does not stop the parts after it:
    /// the first refusal is returned once every part was tried. A 429, 5xx or network error is
    /// returned at once, to try the whole deletion again later.
    pub async fn delete_messages(&self, chat: i64, ids: &[i64]) -> Result<(), Failure> {
        let mut refused = None;
        for part in ids.chunks(MAX_DELETE) {
            match self.call(Method::DeleteMessages, &DeleteBody { chat_id: chat, message_ids: part }).await {
                Ok(_) => {}
                Err(Failure::Api(e)) => {
                    refused.get_or_insert(e);
                }
                Err(e) => return Err(e),
            }
        }
        refused.map_or(Ok(()), |e| Err(Failure::Api(e)))
    }

    /// The next updates from `offset` on (confirming those before it), waiting up to `timeout`
    /// seconds for one. Read without teloxide's untagged response wrapper, which buffered each
    /// whole batch before reading it again.
    pub async fn get_updates(
        &self,
        offset: i64,
        timeout: u32,
        allowed: &[&str],
    ) -> Result<Vec<teloxide::types::Update>, Failure> {
        let body = GetUpdatesBody { offset, timeout, allowed_updates: allowed };
        // The client gives up on a request after 17 s (teloxide's setting, which its own polling
        // never raises for a long poll): give the long poll its whole timeout and some.
        let wait = std::time::Duration::from_secs(timeout as u64 + 10);
        let (status, bytes) = self.post(Method::GetUpdates, &body, Some(wait)).await?;
        read_updates(status.as_u16(), bytes.as_ref())
    }

    /// Stops a pressed button's spinner.
    pub async fn answer_callback(&self, id: &str) -> Result<(), Failure> {
        self.call(Method::AnswerCallbackQuery, &AnswerBody { callback_query_id: id }).await.map(|_| ())
    }

    /// A method's URL (built once, in the order of `METHODS`; every `Method` has one).
    #[allow(clippy::indexing_slicing)] // `urls` holds one URL per `Method` variant, in order.
    fn url(&self, method: Method) -> reqwest::Url {
        self.inner.urls[method as usize].clone()
    }

    async fn post(
        &self,
        method: Method,
        body: &impl Serialize,
        timeout: Option<std::time::Duration>,
    ) -> Result<(reqwest::StatusCode, impl AsRef<[u8]>), Failure> {
        let body = serde_json::to_vec(body).map_err(|e| Failure::Transient(e.to_string()))?;
        let request = self
            .inner
            .bot
            .client()
            .post(self.url(method))
            .header(reqwest::header::CONTENT_TYPE, reqwest::header::HeaderValue::from_static("application/json"))
            .body(body);
        let request = match timeout {
            Some(t) => request.timeout(t),
            None => request,
        };
        let response = request
            .send()
            .await
            // reqwest's errors name the URL, and the URL carries the token.
            .map_err(|e| Failure::Transient(e.without_url().to_string()))?;
        let status = response.status();
        let bytes = response.bytes().await.map_err(|e| Failure::Transient(e.without_url().to_string()))?;
        Ok((status, bytes))
    }

    async fn call(&self, method: Method, body: &impl Serialize) -> Result<Option<i64>, Failure> {
        let (status, bytes) = self.post(method, body, None).await?;
        Ok(read_reply::<SentId>(status.as_u16(), bytes.as_ref())?.and_then(|r| r.0))
    }
}

/// A Bot API reply's result, or why there is none. A body that is not the Bot API's (a proxy's
/// error page, a cut-off reply) is transient, like a 5xx.
fn read_reply<T: serde::de::DeserializeOwned>(status: u16, body: &[u8]) -> Result<Option<T>, Failure> {
    let reply: Reply<T> = serde_json::from_slice(body)
        .map_err(|_| Failure::Transient(format!("a reply that is not the Bot API's (HTTP {status})")))?;
    if reply.ok {
        return Ok(reply.result);
    }
    if let Some(secs) = reply.parameters.and_then(|p| p.retry_after) {
        return Err(Failure::RetryAfter(secs));
    }
    let description = reply.description.unwrap_or_default();
    if status >= 500 || reply.error_code.is_some_and(|c| c >= 500) {
        return Err(Failure::Transient(description));
    }
    // teloxide's own reading of the description (it falls back to `Unknown`).
    let error = ApiError::deserialize(serde::de::value::StrDeserializer::<serde::de::value::Error>::new(&description))
        .unwrap_or(ApiError::Unknown(description));
    Err(Failure::Api(error))
}

/// A getUpdates reply's updates, each read on its own by teloxide's `Update` (which turns a kind
/// or a message it cannot read into `UpdateKind::Error`). One that does not read at all never
/// fails the batch, which would be offered again for ever and hold up every chat: it comes back
/// as its id alone (kind `Error`, so it is only marked as seen) when its id reads, and is left
/// out otherwise (a later update's id confirms it).
pub fn read_updates(status: u16, body: &[u8]) -> Result<Vec<teloxide::types::Update>, Failure> {
    let raw = read_reply::<Vec<Box<serde_json::value::RawValue>>>(status, body)?.unwrap_or_default();
    Ok(raw.iter().filter_map(|r| read_update(r.get().as_bytes())).collect())
}

/// One update as JSON (an element of a getUpdates batch, or a webhook request's body): as
/// teloxide reads it, or, when only its id reads, as its id alone (kind `Error`, only marked as
/// seen); `None` when it is not an update at all.
pub fn read_update(raw: &[u8]) -> Option<teloxide::types::Update> {
    use teloxide::types::{Update, UpdateId, UpdateKind};
    #[derive(Deserialize)]
    struct IdOnly {
        update_id: u32,
    }
    match serde_json::from_slice::<Update>(raw) {
        Ok(u) => Some(u),
        Err(_) => serde_json::from_slice::<IdOnly>(raw)
            .ok()
            .map(|i| Update { id: UpdateId(i.update_id), kind: UpdateKind::Error(serde_json::Value::Null) }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(status: u16, body: &[u8]) -> Result<Option<i64>, Failure> {
        read_reply::<SentId>(status, body).map(|r| r.and_then(|r| r.0))
    }

    #[test]
    fn replies_read_as_the_outbox_needs_them() {
        let sent = br#"{"ok":true,"result":{"message_id":42,"date":1,"chat":{"id":5,"type":"private"},"text":"x","reply_markup":{"inline_keyboard":[[{"text":"a","callback_data":"b"}]]}}}"#;
        assert!(matches!(read(200, sent), Ok(Some(42))));
        assert!(matches!(read(200, br#"{"ok":true,"result":true}"#), Ok(None)));
        let wait = br#"{"ok":false,"error_code":429,"description":"Too Many Requests: retry after 7","parameters":{"retry_after":7}}"#;
        assert!(matches!(read(429, wait), Err(Failure::RetryAfter(7))));
        let gone = br#"{"ok":false,"error_code":400,"description":"Bad Request: message to delete not found"}"#;
        assert!(matches!(read(400, gone), Err(Failure::Api(ApiError::MessageToDeleteNotFound))));
        let odd = br#"{"ok":false,"error_code":400,"description":"Bad Request: something new"}"#;
        assert!(matches!(read(400, odd), Err(Failure::Api(ApiError::Unknown(_)))));
        // A 5xx is worth retrying whatever its body says, and so is a proxy's HTML page.
        let busy = br#"{"ok":false,"error_code":500,"description":"Internal Server Error"}"#;
        assert!(matches!(read(500, busy), Err(Failure::Transient(_))));
        assert!(matches!(read(502, b"<html>Bad Gateway</html>"), Err(Failure::Transient(_))));
        assert!(matches!(read(200, br#"{"ok":tr"#), Err(Failure::Transient(_))));
    }
}
