//! What stays on the phone and what a notification shows (issue 16, item 12): the message left
//! after every ending is one neutral line, and every ending that offers help offers 911.

use crate::support::{compact, locales, Harness};
use clearpath::channel::render::Out;
use clearpath::flow::Kind;
use clearpath::locale::Arg;

const ORG: &str = "Example Legal Aid";

/// Problems with a message that stays on the phone after an ending, in `lang`.
fn problems(lang: &str, id: &str, text: &str) -> Vec<String> {
    let l = locales();
    let locale = l.get(lang).unwrap();
    let mut out = Vec::new();
    if text.trim().lines().count() != 1 {
        out.push(format!("{lang} {id}: more than one line: {text:?}"));
    }
    if let Some((entry, matched)) = locale.sensitive_word(text) {
        out.push(format!("{lang} {id}: names \"{matched}\" (sensitive word \"{entry}\"): {text:?}"));
    }
    if text.contains(ORG) || text.contains(&l.format(lang, "org-name", &[])) {
        out.push(format!("{lang} {id}: names the organisation: {text:?}"));
    }
    // A help line is a number to call or text, or the way to them (/help).
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let offers_help = text.contains("/help") || digits.contains("233733") || digits.contains("3737888");
    if offers_help && !text.contains("911") {
        out.push(format!("{lang} {id}: offers help lines without 911: {text:?}"));
    }
    out
}

#[test]
fn every_ending_leaves_one_neutral_line_and_offers_911_with_any_help() {
    let h = Harness::new();
    let mut l = locales();
    l.set_global("org", Arg::Str(ORG.into()));
    let mut ids: Vec<String> =
        h.flow.steps.iter().filter(|s| matches!(s.kind, Kind::End { .. })).map(|s| s.prompt.clone()).collect();
    assert_eq!(ids, ["end-done", "end-sent-early", "end-later", "end-declined"]);
    // What /exit and /delete leave (in Telegram, /exit leaves the operator's exit_text instead).
    ids.extend(["exit-done".to_string(), "delete-done".to_string()]);
    let mut found = Vec::new();
    for lang in l.codes() {
        for id in &ids {
            let text = l.format(lang, id, &[]);
            found.extend(problems(lang, id, &text));
            // The flow's endings point survivors to help: 911 at once, the help lines via /help.
            if id.starts_with("end-") && !(text.contains("911") && text.contains("/help")) {
                found.push(format!("{lang} {id}: an ending without 911 and /help: {text:?}"));
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// The replies to `line`, as the survivor's channel would show them.
fn outs(h: &mut Harness, line: &str) -> Vec<Out> {
    h.send(line);
    h.last_outs.clone()
}

fn done_text(outs: &[Out]) -> String {
    let texts: Vec<&str> = outs
        .iter()
        .filter_map(|o| match o {
            Out::Done { text, .. } => Some(text.as_str()),
            Out::Info { kind: clearpath::channel::render::InfoKind::Exit, text } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts.len(), 1, "{outs:?}");
    texts.first().unwrap().to_string()
}

/// From /start to the safety question, in `lang`.
fn start(h: &mut Harness, lang: &str) {
    h.run("/start");
    let n = h.last.as_ref().and_then(|p| p.choices.iter().position(|c| c.id == lang)).unwrap() + 1;
    h.send(&n.to_string());
}

#[test]
fn the_endings_a_survivor_reaches_are_the_neutral_lines() {
    for lang in ["en", "es"] {
        // Not safe to talk: the conversation ends at once.
        let mut h = Harness::new();
        start(&mut h, lang);
        let later = done_text(&outs(&mut h, "2"));
        assert_eq!(later, h.locales.format(lang, "end-later", &[]));
        assert!(problems(lang, "end-later", &later).is_empty(), "{:?}", problems(lang, "end-later", &later));
        // Consent declined.
        let mut h = Harness::new();
        start(&mut h, lang);
        h.run("1\n1");
        let declined = done_text(&outs(&mut h, "2"));
        assert_eq!(declined, h.locales.format(lang, "end-declined", &[]));
        assert!(problems(lang, "end-declined", &declined).is_empty());
        // A quick exit in the middle.
        let mut h = Harness::new();
        start(&mut h, lang);
        h.run("1\n1\n1");
        let exit = done_text(&outs(&mut h, "/exit"));
        assert!(problems(lang, "exit-done", &exit).is_empty(), "{exit}");
        // /help after an ending still gives every help line, 911 first.
        let help: Vec<String> = outs(&mut h, "/help").iter().map(compact).collect();
        let full = h.locales.format(lang, "help-text", &[]);
        assert!(full.lines().next().unwrap().contains("911") && full.contains("233733"), "{full}");
        assert!(help.iter().any(|c| c.contains("911")), "{help:?}");
    }
}

#[test]
fn the_exit_hint_and_help_say_what_is_deleted_and_the_consent_what_telegram_sees() {
    let l = locales();
    for lang in l.codes() {
        // /exit deletes what Telegram lets a bot delete: the last 48 hours.
        for id in ["hint-safety", "help-commands", "info-device-tips"] {
            let text = l.format(lang, id, &[]);
            assert!(text.contains("/exit") && text.contains("48"), "{lang} {id}: {text}");
        }
        let consent = l.format(lang, "q-consent", &[]);
        assert!(consent.contains("Telegram"), "{lang}: the consent does not say what Telegram sees");
        for (lang_, words) in [
            ("en", ["end-to-end", "name", "what happened"]),
            ("es", ["extremo a extremo", "nombre", "lo que le pasó"]),
            ("ar", ["من طرف إلى طرف", "اسم", "ما حدث لك"]),
            ("th", ["ต้นทางถึงปลายทาง", "ชื่อ", "เรื่องที่เกิดขึ้นกับคุณ"]),
        ] {
            if lang == lang_ {
                for w in words {
                    assert!(consent.contains(w), "{lang}: the consent lacks \"{w}\"");
                }
            }
        }
    }
}
