//! Issue 21: languages as data. Arabic runs right to left with every left-to-right value
//! isolated, English carries no mark; Thai and Arabic dates and digits are read; Telegram's
//! two-letter codes are declared or derived and checked; the help lines the messages name are the
//! ones `locales/helplines.toml` states; only reviewed languages are offered when the settings
//! ask for it.

use crate::cli::FULL_INTAKE;
use crate::support::{intake_flow, locales, root, run_bin};
use clearpath::locale::{Arg, Locales, Offer, CODE_MESSAGES, INNER_MESSAGES};
use serde_json::Value;

/// Strong right-to-left: Arabic letters, or the right-to-left mark.
fn opens_rtl(s: &str) -> bool {
    s.chars().next().is_some_and(
        |c| matches!(c, '\u{200F}' | '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{0750}'..='\u{077F}'),
    )
}

/// The Latin letters and digits of `s` that stand outside every U+2068 … U+2069 isolate.
fn unisolated_ltr(s: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '\u{2066}'..='\u{2068}' => depth += 1,
            '\u{2069}' => depth = depth.saturating_sub(1),
            c if depth == 0 && c.is_ascii_alphanumeric() => out.push(c),
            _ => {}
        }
    }
    out
}

/// Realistic arguments for any message.
fn args() -> Vec<(String, Arg)> {
    vec![
        ("n".into(), Arg::Num(3)),
        ("min".into(), Arg::Num(4)),
        ("max".into(), Arg::Num(100)),
        ("minutes".into(), Arg::Num(15)),
        ("date".into(), Arg::Str("2014".into())),
        ("month".into(), Arg::Str("مارس".into())),
        ("year".into(), Arg::Str("2014".into())),
        ("day".into(), Arg::Num(15)),
    ]
}

/// Every message that begins a message to a survivor: the program's (but for button labels and
/// words inside answers) and every prompt and hint of the intake.
fn opening_messages() -> Vec<String> {
    let flow = intake_flow();
    let mut ids: Vec<String> =
        CODE_MESSAGES.iter().filter(|id| !INNER_MESSAGES.contains(id)).map(|s| s.to_string()).collect();
    for s in &flow.steps {
        ids.push(s.prompt.clone());
        ids.extend(s.hint.clone());
    }
    ids
}

#[test]
fn each_arabic_message_opens_right_to_left_and_isolates_every_left_to_right_value() {
    let mut l = locales();
    l.set_global("org", Arg::Str("Example Legal Aid 2".into()));
    let ids = opening_messages();
    assert!(ids.len() > 80, "{}", ids.len());
    for id in &ids {
        let ar = l.format("ar", id, &args());
        assert!(l.has("ar", id), "ar lacks {id}");
        assert!(opens_rtl(&ar), "{id} does not open with a right-to-left character: {ar:?}");
        assert_eq!(unisolated_ltr(&ar), "", "{id}: left-to-right text outside an isolate in {ar:?}");
    }
    // The values placed in a message: a case number, a date, a number, the organisation's name.
    let consent = l.format("ar", "q-consent", &[]);
    assert!(consent.contains("\u{2068}Example Legal Aid 2\u{2069}"), "{consent}");
    assert!(consent.contains("\u{2068}1-888-373-7888\u{2069}"), "{consent}");
    assert!(consent.contains("\u{2068}/exit\u{2069}"), "{consent}");
    let change = l.format("ar", "choice-change", &[("n".into(), Arg::Num(12))]);
    assert_eq!(change, "تغيير الإجابة \u{2068}12\u{2069}");
    // Buttons too: a label with a left-to-right word in it.
    let t_visa = l.format("ar", "opt-doc-t-visa", &[]);
    assert!(t_visa.contains("\u{2068}T\u{2069}"), "{t_visa}");
    // The answers shown again on the review: isolated whole, whatever they are.
    let r = clearpath::render::Renderer { locales: &l };
    assert_eq!(r.shown("ar", "Canary-County-5521".into()), "\u{2068}Canary-County-5521\u{2069}");
    assert_eq!(r.shown("en", "Canary-County-5521".into()), "Canary-County-5521");
    let date = r.date(
        "ar",
        &clearpath::engine::answer::PartialDate { year: 2014, month: Some(3), day: Some(15), approx: true },
    );
    assert_eq!(unisolated_ltr(&date), "", "{date:?}");
    assert!(date.starts_with("حوالي"), "{date:?}");
}

#[test]
fn left_to_right_languages_carry_no_bidi_marks_anywhere() {
    let mut l = locales();
    l.set_global("org", Arg::Str("Example Legal Aid".into()));
    let marks = ['\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}'];
    for lang in ["en", "es", "th"] {
        for id in
            opening_messages().iter().chain(INNER_MESSAGES.iter().map(|s| s.to_string()).collect::<Vec<_>>().iter())
        {
            let s = l.format(lang, id, &args());
            assert!(!s.contains(marks), "{lang} {id}: {s:?}");
        }
        let r = clearpath::render::Renderer { locales: &l };
        assert_eq!(r.shown(lang, "12".into()), "12");
    }
}

/// A whole intake through the real binary in `lang`, with some answers replaced.
fn intake(lang: &str, replace: &[(usize, &str, &'static str)]) -> Vec<Value> {
    let dir = tempfile::tempdir().unwrap();
    let mut script: Vec<String> = FULL_INTAKE.iter().map(|s| s.to_string()).collect();
    script[0] = format!(r#"{{"choice": "{lang}"}}"#);
    for (i, was, now) in replace {
        assert_eq!(script[*i], *was, "FULL_INTAKE changed: update this test");
        script[*i] = now.to_string();
    }
    let (code, out, err) =
        run_bin(&["chat", "--json", "--data-dir", dir.path().to_str().unwrap()], &[], &script.join("\n"), &root());
    assert_eq!(code, 0, "{err}");
    let outs: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!outs.iter().any(|o| o["kind"] == "invalid" || o["kind"] == "error"), "{out}");
    let last = outs.last().unwrap();
    assert_eq!(last["type"], "done", "{out}");
    assert_eq!(last["submitted"], true);
    outs
}

#[test]
fn a_whole_intake_runs_to_submission_in_every_offered_language() {
    // Every language the flow offers: the same answers (buttons by their ids; typed state names
    // and dates are understood in any conversation) reach the review and are sent, with no
    // message missing (a missing one would show its id) and the review in that language.
    let english = intake("en", &[]);
    let en_review = english.iter().rev().find(|o| o["step"] == "review").unwrap().to_string();
    for lang in intake_flow().languages {
        let outs = intake(&lang, &[]);
        let text = serde_json::to_string(&outs).unwrap();
        assert!(
            !text.contains("q-") && !text.contains("opt-") && !text.contains("hint-"),
            "{lang}: a message id shown"
        );
        let review = outs.iter().rev().find(|o| o["step"] == "review").unwrap_or_else(|| panic!("{lang}: no review"));
        if lang != "en" {
            assert_ne!(review.to_string(), en_review, "{lang}: the review is in English");
        }
    }
}

#[test]
fn a_whole_intake_in_arabic_reads_arabic_digits_months_and_words() {
    let outs = intake(
        "ar",
        &[
            (10, r#"{"choice": "no_code"}"#, r#"{"text": "بدون رمز"}"#),
            (5, r#"{"text": "New York"}"#, r#"{"text": "ولاية نيويورك"}"#),
            (17, r#"{"command": "skip"}"#, r#"{"command": "تخطي"}"#),
            (19, r#"{"text": "around 2014"}"#, r#"{"text": "حوالي آذار ٢٠١٤"}"#),
            (20, r#"{"text": "2015"}"#, r#"{"text": "١٥ كانون الثاني ۲۰۱۵"}"#),
            (21, r#"{"choice": "yes"}"#, r#"{"text": "نعم"}"#),
            (23, r#"{"text": "20"}"#, r#"{"text": "٢٠ سنة"}"#),
            (26, r#"{"choice": "no"}"#, r#"{"text": "لا"}"#),
        ],
    );
    let review = outs.iter().rev().find(|o| o["input"] == "review").expect("a review prompt");
    let items = review["review"].as_array().unwrap();
    let answer = |needle: &str| -> String {
        items.iter().map(|i| i["answer"].as_str().unwrap().to_string()).find(|a| a.contains(needle)).unwrap_or_default()
    };
    // The survivor's own words, as typed, isolated whole.
    assert_eq!(answer("Canary-County"), "\u{2068}Canary-County-5521\u{2069}");
    // The state by its Arabic name; the dates in Arabic, their numbers isolated.
    assert!(items.iter().any(|i| i["answer"].as_str().unwrap().contains("نيويورك")), "{items:#?}");
    let march = answer("مارس");
    assert!(march.contains("حوالي") && march.contains("\u{2068}2014\u{2069}"), "{march:?}");
    let january = answer("يناير");
    assert!(january.contains("\u{2068}15\u{2069}") && january.contains("\u{2068}2015\u{2069}"), "{january:?}");
    assert_eq!(answer("\u{2068}20\u{2069}"), "\u{2068}20\u{2069}");
    // After the language question (asked before a language is chosen).
    for o in outs.iter().skip(1).filter(|o| o["text"].is_string()) {
        let t = o["text"].as_str().unwrap();
        assert!(opens_rtl(t), "{t:?}");
    }
}

#[test]
fn a_whole_intake_in_thai_reads_buddhist_era_years_and_thai_digits() {
    let outs = intake(
        "th",
        &[
            (19, r#"{"text": "around 2014"}"#, r#"{"text": "ประมาณ มีนาคม 2557"}"#),
            (20, r#"{"text": "2015"}"#, r#"{"text": "๑๕ ม.ค. ๒๕๕๘"}"#),
            (23, r#"{"text": "20"}"#, r#"{"text": "๒๐ ปี"}"#),
            (27, r#"{"text": "2017"}"#, r#"{"text": "พ.ศ. 2560"}"#),
            (17, r#"{"command": "skip"}"#, r#"{"command": "ข้าม"}"#),
        ],
    );
    let review = outs.iter().rev().find(|o| o["input"] == "review").expect("a review prompt");
    let text = review["review"].to_string();
    // Shown back in the Buddhist era the survivor counts in (2557 is 2014).
    assert!(text.contains("ประมาณ มีนาคม 2557"), "{text}");
    assert!(text.contains("15 มกราคม 2558"), "{text}");
    assert!(text.contains("\"20\""), "{text}");
    assert!(text.contains("\"2560\""), "{text}");
    assert!(text.contains("Canary-County-5521") && !text.contains('\u{2068}'), "{text}");
}

#[test]
fn telegram_codes_are_declared_or_derived_and_a_bad_one_is_refused_at_its_line() {
    let l = locales();
    for (lang, code) in [("en", "en"), ("es", "es"), ("ar", "ar"), ("th", "th")] {
        assert_eq!(l.get(lang).unwrap().telegram_code, code);
    }
    let dir = tempfile::tempdir().unwrap();
    for (code, toml) in [
        ("en", "name = \"English\"\ndraft = true\n"),
        ("pt-BR", "name = \"Português (Brasil)\"\ndraft = true\n"),
        ("zh-Hans", "name = \"简体中文\"\ndraft = true\ntelegram_code = \"zh\"\n"),
        ("fil", "name = \"Filipino\"\ndraft = true\n"),
        ("tl", "name = \"Tagalog\"\ndraft = true\n\ntelegram_code = \"tgl\"\n"),
    ] {
        std::fs::create_dir_all(dir.path().join(code)).unwrap();
        std::fs::write(dir.path().join(code).join("locale.toml"), toml).unwrap();
    }
    let (l, diags) = Locales::load(&clearpath::data::read_dir(dir.path()));
    assert_eq!(l.get("pt-BR").unwrap().telegram_code, "pt");
    assert_eq!(l.get("zh-Hans").unwrap().telegram_code, "zh");
    let found: Vec<String> = diags
        .iter()
        .map(|d| format!("{}:{}: {}", d.path.strip_prefix(dir.path()).unwrap().display(), d.line, d.message))
        .collect();
    assert_eq!(
        found,
        [
            "fil/locale.toml:1: \"fil\" does not begin with a two-letter ISO 639-1 code, which Telegram's command menu needs",
            "tl/locale.toml:4: telegram_code \"tgl\" is not a two-letter ISO 639-1 code",
        ],
        "{found:#?}"
    );
}

#[test]
fn telegram_language_codes_suggest_a_locale_without_choosing_it() {
    let langs: Vec<String> = ["en", "es", "pt-BR", "zh-Hans", "ar", "th"].iter().map(|s| s.to_string()).collect();
    let s = |h: &str| clearpath::locale::suggest(h, &langs).cloned();
    assert_eq!(s("pt-br"), Some("pt-BR".into()));
    assert_eq!(s("pt"), Some("pt-BR".into()));
    assert_eq!(s("zh-hans"), Some("zh-Hans".into()));
    assert_eq!(s("zh-CN"), Some("zh-Hans".into()));
    assert_eq!(s("zh"), Some("zh-Hans".into()));
    assert_eq!(s("ar"), Some("ar".into()));
    assert_eq!(s("es-MX"), Some("es".into()));
    assert_eq!(s("de"), None);
    assert_eq!(s(""), None);
}

#[test]
fn the_help_lines_every_language_names_are_the_ones_stated_with_their_source() {
    let text = std::fs::read_to_string(root().join("locales/helplines.toml")).unwrap();
    let data: toml::Value = toml::from_str(&text).unwrap();
    let lines = data["line"].as_array().unwrap();
    let nhth = lines.iter().find(|l| l["id"].as_str() == Some("nhth")).unwrap();
    for key in ["phone_languages", "text_languages"] {
        let claim = &nhth[key];
        assert!(claim["source"].as_str().is_some_and(|s| s.starts_with("https://")), "{key}");
        assert_eq!(claim["read"].as_str(), Some("2026-12-03"), "{key}");
        assert!(["verified", "unverified"].contains(&claim["status"].as_str().unwrap()), "{key}");
    }
    let phone = nhth["phone"].as_str().unwrap();
    let sms = nhth["text_number"].as_str().unwrap();
    let l = locales();
    for lang in intake_flow().languages {
        for id in ["help-text", "error-storage", "notify-not-taken", "info-still-in-situation", "q-consent"] {
            let s = l.format(&lang, id, &[]);
            assert!(s.contains(phone) && s.contains(sms) && s.contains("911"), "{lang} {id}: {s}");
        }
    }
}

#[test]
fn only_reviewed_languages_are_offered_when_asked_and_all_until_one_is() {
    let l = locales();
    let langs = intake_flow().languages;
    // Today every translation is a draft: all are offered, and that is said.
    let o = clearpath::locale::offered(&langs, &l, Offer::Reviewed);
    assert_eq!(o.languages, langs);
    assert!(o.none_reviewed);
    assert_eq!(o.drafts, ["es", "zh-Hans", "vi", "tl", "ko", "th", "ru", "uk", "ht", "pt-BR", "ar"]);
    let o = clearpath::locale::offered(&langs, &l, Offer::All);
    assert_eq!(o.languages, langs);
    assert!(!o.none_reviewed);
    // Once one is reviewed, only it (and English, the source) is offered.
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_dir(&root().join("locales"), dir.path());
    let toml = dir.path().join("th/locale.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replacen("draft = true", "draft = false", 1)).unwrap();
    let (l, _) = Locales::load(&clearpath::data::read_dir(dir.path()));
    let o = clearpath::locale::offered(&langs, &l, Offer::Reviewed);
    assert_eq!(o.languages, ["en", "th"]);
    assert!(o.drafts.is_empty() && !o.none_reviewed);
}

#[test]
fn language_changes_mid_intake_without_losing_an_answer() {
    let dir = tempfile::tempdir().unwrap();
    let mut script: Vec<&str> = FULL_INTAKE[..12].to_vec();
    // After the name: /language, typed as an Arabic speaker would ("اللغة"), then Arabic.
    script.push(r#"{"command": "اللغة"}"#);
    script.push(r#"{"choice": "ar"}"#);
    script.extend_from_slice(&FULL_INTAKE[12..]);
    let (code, out, err) =
        run_bin(&["chat", "--json", "--data-dir", dir.path().to_str().unwrap()], &[], &script.join("\n"), &root());
    assert_eq!(code, 0, "{err}");
    let outs: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!(!outs.iter().any(|o| o["kind"] == "invalid" || o["kind"] == "error"), "{out}");
    // The picker again, then the question the survivor was at, now in Arabic.
    let at = 1 + outs.iter().skip(1).position(|o| o["input"] == "language").expect("the picker");
    let next = outs[at + 1..].iter().find(|o| o["step"].is_string()).unwrap();
    assert_eq!(next["step"], "preferred_term", "{next}");
    assert!(opens_rtl(next["text"].as_str().unwrap()), "{next}");
    let review = outs.iter().rev().find(|o| o["input"] == "review").expect("a review prompt");
    let text = review["review"].to_string();
    assert!(text.contains("Canary-Name-7731"), "the name given in English is kept: {text}");
    assert_eq!(outs.last().unwrap()["submitted"], true);
}
