//! Anything Telegram can send, and much it never would, through the real handler: a property test
//! feeds batches of arbitrary and malformed updates (unknown kinds, broken messages, huge and empty
//! texts, group and channel chats, channel posts, forged callback data, updates without an id)
//! as a getUpdates reply, read by the bot's own reader and handled as the polling loop does.
//! Checked: the batch always reads, nothing panics or is set aside, nothing is sent to a group or
//! a channel, and a survivor mid-intake is not touched by anything that is not theirs.

use clearpath::app::App;
use clearpath::app::Retention;
use clearpath::channel::telegram::{self, api};
use clearpath::engine::{Command, Input};
use clearpath::store::crypto::Key;
use clearpath::store::Store;
use proptest::prelude::*;
use serde_json::{json, Value};

/// The survivor mid-intake. Never the chat of a generated private message; often the sender of
/// one in a group, and the target of forged presses.
const SURVIVOR: i64 = 772_000_001;
/// Private chats that may write.
const OTHERS: [i64; 3] = [772_000_002, 772_000_003, 9_007_199_254_740_991];
/// Groups, supergroups and channels: never answered.
const GROUPS: [i64; 3] = [-772_000_100, -1_001_772_000_200, -1_001_772_000_300];

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("/start".to_string()),
        Just("/back".to_string()),
        Just("/delete".to_string()),
        Just("/exit".to_string()),
        Just("/accept ABCD2345".to_string()),
        Just("/enroll AAAA-BBBB-CCCC".to_string()),
        Just("/start@someone_else_bot es".to_string()),
        Just("1".to_string()),
        Just("x".repeat(5000)),
        Just("\u{202e}\u{0000}\u{feff}🙂".to_string()),
        ".{0,40}",
    ]
}

fn user(id: i64) -> Value {
    json!({ "id": id, "is_bot": false, "first_name": "X", "language_code": "es" })
}

fn chat(id: i64) -> Value {
    if id > 0 {
        json!({ "id": id, "type": "private", "first_name": "X" })
    } else if id > -1_000_000_000_000 {
        json!({ "id": id, "type": "group", "title": "G" })
    } else {
        json!({ "id": id, "type": "supergroup", "title": "S" })
    }
}

/// A message in a chat; `from` is a user (a channel's posts have none: give 0).
fn message(chat_id: i64, from: i64, body: Value) -> Value {
    let mut m = json!({ "message_id": 7, "date": 1_764_000_000, "chat": chat(chat_id) });
    if from > 0 {
        m["from"] = user(from);
    }
    if let (Some(m), Some(b)) = (m.as_object_mut(), body.as_object()) {
        for (k, v) in b {
            m.insert(k.clone(), v.clone());
        }
    }
    m
}

/// Any JSON, a little of it.
fn junk() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// One update without its id (given later), or with a broken one.
fn update() -> impl Strategy<Value = Value> {
    let private = prop::sample::select(OTHERS.to_vec());
    let group = prop::sample::select(GROUPS.to_vec());
    prop_oneof![
        // Someone else types in their own private chat.
        (private.clone(), text()).prop_map(|(c, t)| json!({ "message": message(c, c, json!({ "text": t })) })),
        // The survivor, or anyone, types in a group or a supergroup.
        (group.clone(), prop_oneof![Just(SURVIVOR), private.clone()], text())
            .prop_map(|(g, from, t)| json!({ "message": message(g, from, json!({ "text": t })) })),
        // Channel posts and edits.
        (group.clone(), text()).prop_map(|(g, t)| json!({ "channel_post": message(g, 0, json!({ "text": t })) })),
        (private.clone(), text()).prop_map(|(c, t)| json!({ "edited_message": message(c, c, json!({ "text": t })) })),
        // Stickers, photos: no text.
        private.clone().prop_map(|c| json!({ "message": message(c, c, json!({ "sticker": { "file_id": "f", "file_unique_id": "u", "type": "regular", "width": 1, "height": 1, "is_animated": false, "is_video": false } })) })),
        // Forged presses: on a group message, from the survivor on another chat's message, or
        // with nonsense data.
        (prop_oneof![group.clone(), private.clone()], prop_oneof![Just(SURVIVOR), private.clone()], prop_oneof![
            Just("x".to_string()),
            Just("a:ABCD2345".to_string()),
            Just("n:ABCD2345".to_string()),
            Just("d:deadbeef".to_string()),
            Just("t:deadbeef:en".to_string()),
            Just("c:deadbeef:delete_confirm".to_string()),
            ".{0,80}",
        ])
            .prop_map(|(c, from, data)| json!({ "callback_query": {
                "id": "q", "from": user(from), "chat_instance": "i", "data": data,
                "message": message(c, 0, json!({ "text": "?" })),
            } })),
        // A kind never asked for, one from the future, a broken message.
        junk().prop_map(|j| json!({ "my_chat_member": j })),
        junk().prop_map(|j| json!({ "something_new": j })),
        junk().prop_map(|j| json!({ "message": j })),
        junk().prop_map(|j| json!({ "callback_query": j })),
    ]
}

/// A batch: updates with increasing ids, now and then one without an id or with a broken one.
fn batch() -> impl Strategy<Value = Vec<Value>> {
    prop::collection::vec((update(), 0..20u8), 1..12).prop_map(|us| {
        us.into_iter()
            .enumerate()
            .map(|(i, (mut u, roll))| {
                if let Some(o) = u.as_object_mut() {
                    match roll {
                        0 => {}
                        1 => {
                            o.insert("update_id".into(), json!("seven"));
                        }
                        _ => {
                            o.insert("update_id".into(), json!(1000 + i));
                        }
                    }
                }
                u
            })
            .collect()
    })
}

struct World {
    _dir: tempfile::TempDir,
    app: App,
    cfg: clearpath::config::TelegramConfig,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(dir.path(), Key::generate()).unwrap();
    let app = App::new(crate::support::intake_flow(), crate::support::locales(), store, Retention::default());
    // The survivor is three questions in.
    let who = telegram::subject(&app, SURVIVOR).unwrap();
    let now = jiff::Timestamp::now();
    for input in [
        Input::cmd(Command::Start),
        Input::Choice { id: "es".into(), step: Some("language".into()) },
        Input::Choice { id: "safe".into(), step: Some("safety".into()) },
    ] {
        app.handle(&who, input, now).unwrap();
    }
    World { _dir: dir, app, cfg: clearpath::config::TelegramConfig::default() }
}

fn survivor_state(app: &App) -> (String, usize) {
    let who = telegram::subject(app, SURVIVOR).unwrap();
    let session = app.store(|st| st.load_session(&who)).unwrap().expect("the survivor's session");
    let outbox = app.store(|st| st.outbox_keys_of(&who)).unwrap().len();
    (serde_json::to_string(&session).unwrap(), outbox)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn no_update_telegram_could_send_panics_answers_a_group_or_touches_another_chat(b in batch()) {
        let w = world();
        let before = survivor_state(&w.app);
        let body = json!({ "ok": true, "result": b }).to_string();
        let updates = api::read_updates(200, body.as_bytes());
        prop_assert!(updates.is_ok(), "the batch did not read: {:?}", updates.err());
        let updates = updates.unwrap();
        let with_ids = b.iter().filter(|u| u["update_id"].is_u64()).count();
        prop_assert_eq!(updates.len(), with_ids, "every update with an id is handled, even one that does not read");
        for u in updates {
            telegram::handle_one(&w.app, &w.cfg, u);
        }
        // (That the generator makes updates teloxide reads, not only ones it turns into errors, is
        // `the_generated_updates_are_mostly_real_ones` below.)
        // Nothing panicked or failed (a failure would have been set aside).
        let set_aside = w.app.store(|st| st.quarantined()).unwrap();
        prop_assert!(set_aside.is_empty(), "{} update(s) set aside", set_aside.len());
        // Nothing for a group or a channel.
        for g in GROUPS {
            let s = telegram::subject(&w.app, g).unwrap();
            prop_assert!(w.app.store(|st| st.outbox_keys_of(&s)).unwrap().is_empty(), "a reply to group {}", g);
            prop_assert!(w.app.store(|st| st.load_session(&s)).unwrap().is_none(), "a session for group {}", g);
        }
        // The survivor, who wrote only in groups and pressed only others' buttons, is untouched.
        prop_assert_eq!(survivor_state(&w.app), before);
    }
}

#[test]
fn the_generated_updates_are_mostly_real_ones() {
    // A generator whose updates teloxide cannot read would test only the error path.
    use proptest::strategy::ValueTree;
    let mut runner = proptest::test_runner::TestRunner::deterministic();
    let (mut read, mut total, mut presses_in_groups) = (0, 0, 0);
    for _ in 0..200 {
        let b = batch().new_tree(&mut runner).unwrap().current();
        let body = json!({ "ok": true, "result": b }).to_string();
        for u in api::read_updates(200, body.as_bytes()).unwrap() {
            total += 1;
            match &u.kind {
                teloxide::types::UpdateKind::Error(_) => {}
                teloxide::types::UpdateKind::CallbackQuery(q) => {
                    read += 1;
                    presses_in_groups += usize::from(q.message.as_ref().is_some_and(|m| !m.chat().is_private()));
                }
                _ => read += 1,
            }
        }
    }
    assert!(read * 2 > total, "{read} of {total} updates read");
    assert!(presses_in_groups > 10, "{presses_in_groups}");
}
