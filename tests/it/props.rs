//! Property tests: nothing a survivor types can crash or wedge the engine.

use crate::support::Harness;
use clearpath::engine::{Command, Input, Reply};
use proptest::prelude::*;

fn input_strategy(ids: Vec<String>) -> impl Strategy<Value = Input> {
    let cmd = prop::sample::select(Command::ALL.to_vec()).prop_map(|c| Input::Command { cmd: c, arg: None });
    let lang = prop::sample::select(vec!["en", "es", "xx", ""])
        .prop_map(|a| Input::Command { cmd: Command::Language, arg: Some(a.to_string()) });
    let choice = (prop::sample::select(ids.clone()), proptest::option::of("[a-z_#0-9]{0,12}"))
        .prop_map(|(id, step)| Input::Choice { id, step });
    let choices =
        prop::collection::vec(prop::sample::select(ids), 0..4).prop_map(|ids| Input::Choices { ids, step: None });
    let text = prop_oneof![
        "\\PC{0,40}",
        "[0-9]{1,4}",
        Just("around 2014".to_string()),
        Just("marzo de 2014".to_string()),
        Just("New York".to_string()),
        Just("".to_string()),
        "[ -~]{200,300}",
    ]
    .prop_map(Input::Text);
    prop_oneof![3 => choice, 1 => choices, 3 => text, 2 => cmd, 1 => lang]
}

fn all_ids() -> Vec<String> {
    let h = Harness::new();
    let mut ids: Vec<String> = vec![
        "agree",
        "decline",
        "submit",
        "resume",
        "restart",
        "delete_confirm",
        "delete_cancel",
        "no_code",
        "continue",
        "en",
        "es",
        "garbage",
        "change:case_state#0",
        "change:nope",
    ]
    .into_iter()
    .map(String::from)
    .collect();
    for s in &h.flow.steps {
        for (v, _) in h.flow.options_of(s) {
            ids.push(v);
        }
    }
    ids.sort();
    ids.dedup();
    ids
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn from_any_state_exit_then_start_reaches_a_prompt(inputs in prop::collection::vec(input_strategy(all_ids()), 0..60)) {
        let mut h = Harness::new();
        for i in inputs {
            h.send_input(i);
            // The session is always plain data that survives a store round trip.
            let json = serde_json::to_string(&h.session).unwrap();
            let back: clearpath::engine::Session = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(&back, &h.session);
        }
        h.send_input(Input::Command { cmd: Command::Exit, arg: None });
        let now = h.now;
        let out = clearpath::engine::step(&h.flow, &h.locales.lexicon, &h.session, Input::Command { cmd: Command::Start, arg: None }, now);
        prop_assert!(out.replies.iter().any(|r| matches!(r, Reply::Prompt(_))), "no prompt after /exit, /start: {:?}", out.replies);
    }
}
