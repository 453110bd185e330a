//! Every message the flows and the program use exists in every shipped locale, and every locale
//! file parses.

use crate::support::{intake_flow, locales, root};
use clearpath::locale::{Locales, CODE_MESSAGES, INNER_MESSAGES};

#[test]
fn every_locale_file_parses_and_has_its_metadata() {
    let (l, diags) = Locales::load(&clearpath::data::read_dir(&root().join("locales")));
    assert!(diags.is_empty(), "{}", diags.iter().map(|d| d.to_string()).collect::<String>());
    assert_eq!(l.codes(), vec!["en", "ar", "es", "ht", "ko", "pt-BR", "ru", "th", "tl", "uk", "vi", "zh-Hans"]);
    // No translation has been reviewed by a native speaker yet: each must say it is a draft.
    for lang in l.codes().into_iter().filter(|c| *c != "en") {
        let x = l.get(lang).unwrap();
        assert!(x.draft && x.reviewed_by.is_empty() && !x.notes.is_empty(), "{lang}");
    }
    assert!(l.get("ar").unwrap().rtl && !l.get("th").unwrap().rtl);
    let es = l.get("es").unwrap();
    assert_eq!(es.name, "Español");
}

#[test]
fn every_message_used_exists_in_every_locale() {
    let flow = intake_flow();
    let l = locales();
    let mut used: Vec<String> = CODE_MESSAGES.iter().map(|s| s.to_string()).collect();
    for s in &flow.steps {
        used.push(s.prompt.clone());
        used.extend(s.hint.clone());
        if s.kind.keeps_answer() && !matches!(s.id.as_str(), "safety" | "device") {
            used.push(format!("{}.short", s.prompt));
        }
        for (_, label) in flow.options_of(s) {
            if !label.is_empty() {
                used.push(label);
            }
        }
    }
    for g in flow.groups.values() {
        used.push(g.label.clone());
    }
    for lang in l.codes() {
        let missing: Vec<&String> = used.iter().filter(|id| !l.has(lang, id)).collect();
        assert!(missing.is_empty(), "locale {lang} lacks {missing:?}");
    }
}

#[test]
fn a_missing_translation_falls_back_to_english_never_to_the_raw_id() {
    let mut l = locales();
    l.set_global("org", clearpath::locale::Arg::Str("Example Legal Aid".into()));
    // "xx" has no bundle at all: English is used.
    assert_eq!(l.format("xx", "choice-yes", &[]), "Yes");
    // An id missing everywhere gives a neutral mark, not the id.
    assert_eq!(l.format("es", "no-such-message", &[]), "…");
    assert!(l.format("es", "q-consent", &[]).contains("Example Legal Aid"));
}

#[test]
fn left_to_right_locales_carry_no_bidi_isolation_marks() {
    let l = locales();
    let s = l.format("es", "choice-change", &[("n".into(), clearpath::locale::Arg::Num(3))]);
    assert_eq!(s, "Cambiar respuesta 3");
    assert!(!s.contains('\u{2068}'));
}

#[test]
fn the_shipped_word_lists_cover_the_words_issue_16_names() {
    // The words a notification must not show (issue 16, item 12) and the forms a message would
    // use; `flows check` refuses a first line with any of them.
    let l = locales();
    let cases: &[(&str, &[&str])] = &[
        (
            "en",
            &[
                "record",
                "criminal records",
                "arrested",
                "conviction",
                "convicted",
                "court",
                "lawyer",
                "attorney",
                "trafficking",
                "trafficked",
                "hotline",
                "warrants",
                "charged",
                "legal-aid",
            ],
        ),
        (
            "es",
            &[
                "antecedentes",
                "arresto",
                "le arrestaron",
                "condena",
                "le condenaron",
                "corte",
                "tribunal",
                "abogado",
                "abogada",
                "trata de personas",
                "Línea Nacional",
                "orden de arresto",
                "acusaron",
            ],
        ),
    ];
    for (lang, words) in cases {
        let locale = l.get(lang).unwrap();
        for w in *words {
            assert!(locale.sensitive_word(w).is_some(), "locale {lang}: \"{w}\" is not listed");
        }
    }
    // Whole words: a word that merely contains a listed one passes ("trata" is not "tratan").
    let es = l.get("es").unwrap();
    assert_eq!(es.sensitive_word("algunas leyes tratan estos casos de otra manera"), None);
    assert_eq!(l.get("en").unwrap().sensitive_word("Hi. Is it safe for you to chat right now?"), None);
}

#[test]
fn a_first_line_is_read_up_to_the_first_line_break_and_shows_the_organisation_placeable() {
    let l = locales();
    let en = l.get("en").unwrap();
    let consent = en.first_line("q-consent").unwrap();
    assert_eq!(consent.text, "Before we start, please read this. It's short.");
    assert!(!consent.names_org, "{{ $org }} comes only after the first line");
    let contact = en.first_line("q-contact-method").unwrap();
    assert!(!contact.names_org && !contact.text.contains('\n'), "{contact:?}");
    let more = en.first_line("q-still-in-situation").unwrap();
    assert_eq!(more.text, "First, your safety.");
    assert_eq!(en.first_line("q-case-age.short").unwrap().text, "Age then");
    assert!(en.first_line("no-such-message").is_none());
}

#[test]
fn the_messages_spared_the_first_line_check_are_program_messages() {
    // A typo here would spare nothing and check nothing less; a stale id would hide a removal.
    for id in INNER_MESSAGES {
        assert!(CODE_MESSAGES.contains(id), "{id} is not a message the program uses");
    }
}

#[test]
fn the_words_of_a_locale_toml_are_checked_with_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    for (code, toml) in [
        (
            "en",
            "name = \"English\"\ndraft = true\n[dates]\nmonths = [[\"january\"], [\"march\", \"mar\"]]\n",
        ),
        (
            "xx",
            concat!(
                "name = \"X\"\n",
                "draft = true\n",
                "direction = \"sideways\"\n",
            ),
        ),
        (
            "yy",
            concat!(
                "name = \"Y\"\n",
                "draft = true\n",
                "[commands]\n",
                "exit = [\"back\"]\n",
                "help = [\"two words\"]\n",
                "[jurisdictions.names]\n",
                "ZZ = [\"Nowhere\"]\n",
                "NY = [\"Ohio\"]\n",
                "[dates]\n",
                "months = [[\"mar\"], [\"b\"], [\"c\"], [\"d\"], [\"e\"], [\"f\"], [\"g\"], [\"h\"], [\"i\"], [\"j\"], [\"k\"], [\"l\"]]\n",
                "[answers]\n",
                "yes = [\"da\"]\n",
                "no = [\"Da\"]\n",
            ),
        ),
        ("zz", "name = \"Z\"\ndraft = true\n[commands]\nfly = [\"vole\"]\n"),
    ] {
        std::fs::create_dir_all(dir.path().join(code)).unwrap();
        std::fs::write(dir.path().join(code).join("locale.toml"), toml).unwrap();
    }
    let (_, diags) = Locales::load(&clearpath::data::read_dir(dir.path()));
    let found: Vec<String> = diags
        .iter()
        .map(|d| format!("{}:{}: {}", d.path.strip_prefix(dir.path()).unwrap().display(), d.line, d.message))
        .collect();
    let expect = [
        "en/locale.toml:4: months must list the twelve months, January first; this lists 2",
        "xx/locale.toml:3: unknown variant `sideways`, expected `ltr` or `rtl`",
        "yy/locale.toml:4: \"back\" already means /back (its own name)",
        "yy/locale.toml:5: \"two words\" must be one word, without / or @",
        "yy/locale.toml:7: \"ZZ\" is not a jurisdiction (use a USPS code such as NY, or US)",
        "yy/locale.toml:8: \"Ohio\" already names OH (an English name)",
        "yy/locale.toml:10: \"mar\" is already month 2 in locale en",
        "yy/locale.toml:13: \"Da\" is listed both as Yes and as No",
        "zz/locale.toml:4: unknown variant `fly`, expected one of `start`, `back`, `skip`, `exit`, `delete`, `language`, `help`",
    ];
    for e in expect {
        assert!(found.iter().any(|f| f == e), "missing {e:?} in {found:#?}");
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
}

/// The English source a translation is stamped against is the whole message: a blank line
/// between paragraphs does not end it (it did, and a change to the consent's later bullets, such
/// as the minutes each way takes, went unnoticed by every translation).
#[test]
fn the_english_source_of_a_message_runs_past_its_blank_lines() {
    let l = locales();
    let en = l.get("en").unwrap();
    let src = clearpath::locale_check::english_source(en, "q-consent").unwrap();
    assert!(src.starts_with("q-consent =\nBefore we start, please read this. It's short.\n\n"), "{src}");
    assert!(src.contains("{ $short_minutes }") && src.ends_with("Would you like to continue?"), "{src}");
    // It ends where the next message begins.
    assert!(!src.contains("q-resume-code"), "{src}");
}
