//! Translations: Fluent files under `locales/<lang>/`, plus `locale.toml` with the language's own
//! name, its direction, whether a native speaker has reviewed it, and the words the program reads
//! in it (month names, jurisdiction names, command words, yes/no: see [`crate::lexicon`] and
//! docs/locales.md).
//!
//! A missing message never reaches a survivor as a raw id: it falls back to English, and the id
//! (never the text) is logged so translators can fill the gap.

use crate::data::Tree;
use crate::diag::Diagnostic;
use crate::engine::Command;
use crate::lexicon::{Language, Lexicon, Part, Word};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use toml::Spanned;

/// The language every other falls back to.
pub const FALLBACK: &str = "en";

/// Message ids the program itself uses (flows add their own). Every shipped locale must have them;
/// a test checks it.
pub const CODE_MESSAGES: &[&str] = &[
    "choice-yes",
    "choice-no",
    "choice-unsure",
    "choice-dont-know",
    "choice-prefer-not",
    "choice-continue",
    "choice-consent-agree",
    "choice-consent-decline",
    "choice-no-code",
    "choice-submit",
    "choice-change",
    "choice-resume",
    "choice-restart",
    "choice-delete-confirm",
    "choice-delete-cancel",
    "answer-prefer-not",
    "answer-dont-know",
    "answer-skipped",
    "answer-none",
    "answer-date-approx",
    "answer-date-month",
    "answer-date-day",
    "month-1",
    "month-2",
    "month-3",
    "month-4",
    "month-5",
    "month-6",
    "month-7",
    "month-8",
    "month-9",
    "month-10",
    "month-11",
    "month-12",
    "help-text",
    "help-commands",
    "invalid-choice",
    "invalid-choices",
    "invalid-number",
    "invalid-number-range",
    "invalid-date",
    "invalid-date-past",
    "invalid-date-future",
    "invalid-text-long",
    "invalid-text-empty",
    "invalid-jurisdiction",
    "invalid-stale",
    "invalid-code",
    "cannot-skip",
    "nothing-to-go-back-to",
    "previous-answer",
    "review-intro",
    "review-group-item",
    "group-case",
    "review-empty",
    "review-type-number",
    "resume-prompt",
    "resume-prompt-sent",
    "choice-send-now",
    "choice-tell-more",
    "choice-send-told",
    "choice-tell-more-later",
    "resume-code-ask",
    "resume-code-set",
    "resume-code-again",
    "resume-code-mismatch",
    "resume-code-wrong",
    "resume-code-locked",
    "resume-code-too-short",
    "delete-confirm",
    "delete-done",
    "delete-cancelled",
    "exit-done",
    "language-prompt",
    "language-changed",
    "already-submitted",
    "multi-instructions",
    "console-free-input-choices",
    "jurisdiction-other",
    "not-started",
    "org-name",
    "error-storage",
    "error-retry",
    "menu-start",
    "menu-back",
    "menu-help",
    "menu-language",
    "menu-exit",
    "menu-delete",
    "choice-done",
    "choice-page-more",
    "choice-page-back",
    "choice-change-some",
    "notify-accepted",
    "notify-not-taken",
    "progress",
];

/// Of `CODE_MESSAGES`, the ones that never begin a message of their own: button labels, words
/// inside an answer, month names, the command menu, the organisation's default name, text added
/// under a prompt. Every other code message, and every prompt and hint of a flow, begins a message
/// to a survivor, so `flows check` holds its first line to the locale's `sensitive_words`. A new
/// code message is checked unless it is added here.
pub const INNER_MESSAGES: &[&str] = &[
    "choice-yes",
    "choice-no",
    "choice-unsure",
    "choice-dont-know",
    "choice-prefer-not",
    "choice-continue",
    "choice-consent-agree",
    "choice-consent-decline",
    "choice-no-code",
    "choice-submit",
    "choice-change",
    "choice-resume",
    "choice-restart",
    "choice-delete-confirm",
    "choice-delete-cancel",
    "choice-done",
    "choice-page-more",
    "choice-page-back",
    "choice-change-some",
    "answer-prefer-not",
    "answer-dont-know",
    "answer-skipped",
    "answer-none",
    "answer-date-approx",
    "answer-date-month",
    "answer-date-day",
    "month-1",
    "month-2",
    "month-3",
    "month-4",
    "month-5",
    "month-6",
    "month-7",
    "month-8",
    "month-9",
    "month-10",
    "month-11",
    "month-12",
    "review-group-item",
    "group-case",
    "review-type-number",
    "console-free-input-choices",
    "jurisdiction-other",
    "org-name",
    "menu-start",
    "menu-back",
    "menu-help",
    "menu-language",
    "menu-exit",
    "menu-delete",
    "progress",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Meta {
    /// The language's name in its own script ("Español").
    name: String,
    /// The language's name in English ("Spanish"): the attorney's summary marks what the survivor
    /// typed with the language of the conversation. `name` when absent.
    #[serde(default)]
    english_name: Option<String>,
    #[serde(default)]
    direction: Direction,
    /// True until a native speaker has reviewed every message.
    draft: bool,
    #[serde(default)]
    reviewed_by: Vec<String>,
    /// The translator's notes: who made it, how, what a reviewer should know.
    #[serde(default)]
    notes: String,
    /// The two-letter ISO 639-1 code Telegram's `setMyCommands` takes for this language; by
    /// default the language code's first part (`pt` for `pt-BR`).
    #[serde(default)]
    telegram_code: Option<Spanned<String>>,
    /// Digits other than 0-9 people write in this language: each a string of ten, zero first.
    #[serde(default)]
    digits: Vec<Spanned<String>>,
    /// Words that must not appear in the first line of a message (see [`Locale::sensitive_word`]).
    #[serde(default)]
    sensitive_words: Vec<String>,
    #[serde(default)]
    dates: Dates,
    #[serde(default)]
    answers: Answers,
    /// Command (by its own name) -> what people type for it.
    #[serde(default)]
    commands: BTreeMap<Command, Vec<Spanned<String>>>,
    #[serde(default)]
    jurisdictions: Jurisdictions,
    /// Message id -> hash of the English text it was translated from (`locales stamp`).
    #[serde(default)]
    sources: BTreeMap<String, String>,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
enum Direction {
    #[default]
    Ltr,
    Rtl,
}

/// How `3/4/2014` reads.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Numeric {
    /// 3 April: most of the world, and what a language that does not say gets.
    #[default]
    DayMonth,
    MonthDay,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Dates {
    #[serde(default)]
    numeric: Numeric,
    /// Twelve lists of spellings, January first.
    #[serde(default)]
    months: Option<Spanned<Vec<Vec<Spanned<String>>>>>,
    #[serde(default)]
    approximate: Vec<Spanned<String>>,
    /// Words after a date that make it approximate ("2014년쯤").
    #[serde(default)]
    approximate_after: Vec<Spanned<String>>,
    #[serde(default)]
    filler: Vec<Spanned<String>>,
    /// Marks written right after a number: "年" after a year, "月" after a month, "日" after a day.
    #[serde(default)]
    year_marks: Vec<Spanned<String>>,
    #[serde(default)]
    month_marks: Vec<Spanned<String>>,
    #[serde(default)]
    day_marks: Vec<Spanned<String>>,
    /// Words written right before a month's number ("tháng 3").
    #[serde(default)]
    month_before: Vec<Spanned<String>>,
    /// Years counted from another era: `543` reads the Thai Buddhist year 2557 as 2014.
    #[serde(default)]
    era_offset: Option<Spanned<i64>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Answers {
    #[serde(default)]
    yes: Vec<Spanned<String>>,
    #[serde(default)]
    no: Vec<Spanned<String>>,
    #[serde(default)]
    dont_know: Vec<Spanned<String>>,
    #[serde(default)]
    no_code: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Jurisdictions {
    #[serde(default)]
    before: Vec<Spanned<String>>,
    #[serde(default)]
    after: Vec<Spanned<String>>,
    /// USPS code -> names people type, the one shown first.
    #[serde(default)]
    names: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
}

pub struct Locale {
    pub code: String,
    pub name: String,
    /// The language's name in English (`english_name` in `locale.toml`, else `name`).
    pub english_name: String,
    pub rtl: bool,
    pub draft: bool,
    pub reviewed_by: Vec<String>,
    /// The translator's notes (`notes`).
    pub notes: String,
    /// The two-letter code Telegram's command menu is set for (`telegram_code`, or derived).
    pub telegram_code: String,
    /// Words a lock-screen notification must not show, in this language: what the first line of a
    /// message may not contain (`flows check`). An entry is a word or a phrase, matched whole and
    /// without regard to case; a trailing `*` matches any word that begins so (`arrest*`).
    pub sensitive_words: Vec<String>,
    /// Where `locale.toml` is, for diagnostics about it.
    pub meta_path: PathBuf,
    bundle: FluentBundle<FluentResource>,
    /// message id -> (file, line) where it is defined; attributes as `id.attr`.
    pub defined: BTreeMap<String, (PathBuf, usize)>,
    /// The text of each .ftl file, by the path in `defined`, to point diagnostics at a column.
    pub sources: BTreeMap<PathBuf, String>,
    /// Message id -> hash of the English text the translation was made from (`[sources]` in
    /// `locale.toml`; see `locale_check`).
    pub source_hashes: BTreeMap<String, String>,
}

impl std::fmt::Debug for Locale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Locale").field("code", &self.code).finish()
    }
}

/// An argument to a message.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(untagged)]
pub enum Arg {
    Num(i64),
    Str(String),
}

#[derive(Debug)]
pub struct Locales {
    pub locales: Vec<Locale>,
    /// Arguments every message may use: organisation name, retention periods, hotline.
    pub globals: Vec<(String, Arg)>,
    /// The words of every loaded language, for reading what people type (handed to the engine).
    pub lexicon: Lexicon,
}

impl Locales {
    /// Loads every `locales/<lang>/` directory. Returns the locales that loaded and every problem.
    pub fn load(tree: &Tree) -> (Locales, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut locales = Vec::new();
        let dirs = match tree.subdirs() {
            Ok(d) => d,
            Err(e) => {
                diags.push(Diagnostic::error(
                    &tree.display_path("".as_ref()),
                    (1, 1),
                    "io",
                    format!("cannot read the locales directory: {e}"),
                ));
                return (Locales { locales, globals: Vec::new(), lexicon: Lexicon::new() }, diags);
            }
        };
        let mut metas = Vec::new();
        for code in dirs {
            match load_one(tree, &code, &mut diags) {
                Some((l, meta, text)) => {
                    metas.push((l.code.clone(), meta, text));
                    locales.push(l);
                }
                None => continue,
            }
        }
        // English first: it is the fallback (and its words are read first).
        locales.sort_by_key(|l| (l.code != FALLBACK, l.code.clone()));
        metas.sort_by_key(|(code, _, _)| (code != FALLBACK, code.clone()));
        let mut lexicon = Lexicon::new();
        for (code, meta, text) in &metas {
            let path = locales.iter().find(|l| &l.code == code).map(|l| l.meta_path.clone()).unwrap_or_default();
            add_words(&mut lexicon, code, meta, &path, text, &mut diags);
        }
        (Locales { locales, globals: default_globals(), lexicon }, diags)
    }

    pub fn get(&self, code: &str) -> Option<&Locale> {
        self.locales.iter().find(|l| l.code == code)
    }

    pub fn codes(&self) -> Vec<&str> {
        self.locales.iter().map(|l| l.code.as_str()).collect()
    }

    /// Sets an argument every message can use.
    pub fn set_global(&mut self, name: &str, value: Arg) {
        self.globals.retain(|(n, _)| n != name);
        self.globals.push((name.to_string(), value));
    }

    /// Formats a message (or `id.attr`) in `lang`, falling back to English, then to a neutral
    /// placeholder. Never returns the raw id.
    pub fn format(&self, lang: &str, id: &str, args: &[(String, Arg)]) -> String {
        if let Some(s) = self.get(lang).and_then(|l| l.format(id, args, &self.globals)) {
            return s;
        }
        if lang != FALLBACK {
            tracing::warn!(message_id = id, locale = lang, "message missing; using English");
            if let Some(s) = self.get(FALLBACK).and_then(|l| l.format(id, args, &self.globals)) {
                return s;
            }
        }
        tracing::error!(message_id = id, "message missing in every locale");
        "…".to_string()
    }

    /// Whether `id` (or `id.attr`) exists in `lang`.
    pub fn has(&self, lang: &str, id: &str) -> bool {
        self.get(lang).is_some_and(|l| l.defined.contains_key(id))
    }
}

impl Locale {
    fn format(&self, id: &str, args: &[(String, Arg)], globals: &[(String, Arg)]) -> Option<String> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let msg = self.bundle.get_message(msg_id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut fargs = FluentArgs::new();
        // Until an operator names the organisation, each language has its own neutral wording.
        if id != "org-name" && !globals.iter().any(|(k, _)| k == "org") {
            if let Some(org) = self.format("org-name", &[], globals) {
                fargs.set("org", FluentValue::from(org));
            }
        }
        for (k, v) in globals.iter().chain(args.iter()) {
            match v {
                Arg::Num(n) => fargs.set(k.as_str(), FluentValue::from(*n)),
                Arg::Str(s) => fargs.set(k.as_str(), FluentValue::from(s.as_str())),
            }
        }
        let mut errors = Vec::new();
        let out = self.bundle.format_pattern(pattern, Some(&fargs), &mut errors);
        if !errors.is_empty() {
            tracing::warn!(message_id = id, locale = %self.code, errors = errors.len(), "message formatted with errors");
        }
        // Fluent isolates the placeables; the left-to-right runs written in the text itself
        // (/exit, 911, 1-888-373-7888, HELP) are isolated here.
        Some(if self.rtl { isolate_ltr(&out) } else { out.into_owned() })
    }
}

/// The first line of a message as a notification would show it: the text up to the first line
/// break of its value (or of `id.attr`'s), with the messages it references filled in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FirstLine {
    /// The words of the line. A placeable with a variable stands as `{ $name }`.
    pub text: String,
    /// Whether the line shows the organisation's name: `{ $org }`, or the `org-name` message.
    pub names_org: bool,
}

impl Locale {
    /// The first line of message `id` (or `id.attr`), or `None` when this locale lacks it.
    pub fn first_line(&self, id: &str) -> Option<FirstLine> {
        let (msg_id, attr) = match id.split_once('.') {
            Some((m, a)) => (m, Some(a)),
            None => (id, None),
        };
        let msg = self.bundle.get_message(msg_id)?;
        let pattern = match attr {
            Some(a) => msg.get_attribute(a)?.value(),
            None => msg.value()?,
        };
        let mut line = FirstLine { text: String::new(), names_org: false };
        self.first_line_of(pattern, &mut line, 0);
        Some(line)
    }

    /// Appends the pattern's text up to its first line break; returns whether it met one.
    fn first_line_of(&self, pattern: &fluent_syntax::ast::Pattern<&str>, out: &mut FirstLine, depth: u8) -> bool {
        use fluent_syntax::ast::{Expression, PatternElement};
        for element in &pattern.elements {
            match element {
                PatternElement::TextElement { value } => match value.split_once('\n') {
                    Some((before, _)) => {
                        out.text.push_str(before);
                        return true;
                    }
                    None => out.text.push_str(value),
                },
                PatternElement::Placeable { expression: Expression::Inline(inline) } => {
                    if self.first_line_of_inline(inline, out, depth) {
                        return true;
                    }
                }
                // Any variant may be the one shown: all of them count, side by side.
                PatternElement::Placeable { expression: Expression::Select { variants, .. } } => {
                    let mut ended = false;
                    for v in variants {
                        out.text.push(' ');
                        ended |= self.first_line_of(&v.value, out, depth);
                    }
                    if ended {
                        return true;
                    }
                }
            }
        }
        false
    }

    fn first_line_of_inline(
        &self,
        inline: &fluent_syntax::ast::InlineExpression<&str>,
        out: &mut FirstLine,
        depth: u8,
    ) -> bool {
        use fluent_syntax::ast::{Expression, InlineExpression};
        match inline {
            InlineExpression::StringLiteral { value } | InlineExpression::NumberLiteral { value } => {
                out.text.push_str(value);
                false
            }
            InlineExpression::VariableReference { id } => {
                out.names_org |= id.name == "org";
                out.text.push_str(&format!("{{ ${} }}", id.name));
                false
            }
            // A reference cycle is refused by Fluent when formatting; stop following one here too.
            InlineExpression::MessageReference { id, attribute } if depth < 8 => {
                out.names_org |= id.name == "org-name";
                let Some(msg) = self.bundle.get_message(id.name) else {
                    return false;
                };
                let pattern = match attribute {
                    Some(a) => msg.get_attribute(a.name).map(|a| a.value()),
                    None => msg.value(),
                };
                pattern.is_some_and(|p| self.first_line_of(p, out, depth + 1))
            }
            InlineExpression::Placeable { expression } => match expression.as_ref() {
                Expression::Inline(i) => self.first_line_of_inline(i, out, depth),
                Expression::Select { variants, .. } => {
                    let mut ended = false;
                    for v in variants {
                        out.text.push(' ');
                        ended |= self.first_line_of(&v.value, out, depth);
                    }
                    ended
                }
            },
            _ => {
                out.text.push(' ');
                false
            }
        }
    }

    /// The first entry of `sensitive_words` that `text` contains, with the words of `text` it
    /// matched, or `None`. Words are runs of letters and digits, compared in lower case.
    pub fn sensitive_word(&self, text: &str) -> Option<(&str, String)> {
        sensitive_word(&self.sensitive_words, text)
    }
}

/// First strong isolate and pop directional isolate: what Fluent puts around a placeable in a
/// right-to-left message, and what [`isolate_ltr`] puts around a left-to-right run.
pub const FSI: char = '\u{2068}';
pub const PDI: char = '\u{2069}';

/// In a right-to-left text, wraps each run of left-to-right text (Latin letters and digits, with
/// the `-./:@_+` and spaces between them: a command, a phone number, a case code, a name such as
/// "National Human Trafficking Hotline") in [`FSI`] … [`PDI`], so it keeps its order and does not
/// reorder the Arabic around it. Text already inside an isolate (a Fluent placeable) is left as it
/// is, so the function can be applied twice to no effect.
pub fn isolate_ltr(text: &str) -> String {
    fn core(c: char) -> bool {
        c.is_ascii_alphanumeric() || (('\u{00C0}'..='\u{024F}').contains(&c) && c.is_alphabetic())
    }
    fn joiner(c: char) -> bool {
        matches!(c, '-' | '.' | '/' | ':' | '@' | '_' | '+' | ' ')
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 16);
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(&c) = chars.get(i) {
        match c {
            '\u{2066}' | '\u{2067}' | FSI => depth += 1,
            PDI => depth = depth.saturating_sub(1),
            _ => {}
        }
        let next_core = chars.get(i + 1).is_some_and(|n| core(*n));
        if depth == 0 && (core(c) || (matches!(c, '/' | '+') && next_core)) {
            let mut end = i + 1;
            let mut j = i + 1;
            while let Some(&d) = chars.get(j) {
                if core(d) {
                    j += 1;
                    end = j;
                } else if joiner(d) && chars.get(j + 1).is_some_and(|n| core(*n) || joiner(*n)) {
                    j += 1;
                } else {
                    break;
                }
            }
            out.push(FSI);
            out.extend(chars.get(i..end).unwrap_or(&[]));
            out.push(PDI);
            i = end;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

/// See [`Locale::sensitive_word`].
pub fn sensitive_word<'w>(list: &'w [String], text: &str) -> Option<(&'w str, String)> {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
    };
    let text_words = words(text);
    for entry in list {
        let prefix = entry.trim_end().ends_with('*');
        let wanted = words(entry);
        let Some((last, whole)) = wanted.split_last() else {
            continue;
        };
        let found = text_words.windows(wanted.len()).find(|window| {
            let Some((w_last, w_whole)) = window.split_last() else {
                return false;
            };
            w_whole == whole && if prefix { w_last.starts_with(last.as_str()) } else { w_last == last }
        });
        if let Some(window) = found {
            return Some((entry.as_str(), window.join(" ")));
        }
    }
    None
}

fn default_globals() -> Vec<(String, Arg)> {
    vec![
        ("abandoned_days".into(), Arg::Num(30)),
        ("delivered_days".into(), Arg::Num(14)),
        ("waiting_days".into(), Arg::Num(60)),
    ]
}

fn load_one(tree: &Tree, code: &str, diags: &mut Vec<Diagnostic>) -> Option<(Locale, Meta, String)> {
    let meta_path = tree.display_path(format!("{code}/locale.toml").as_ref());
    let metas = tree.files(code, "toml").unwrap_or_default();
    let meta_text =
        metas.iter().find(|(p, _)| p.file_name().is_some_and(|n| n == "locale.toml")).map(|(_, t)| t.clone());
    let meta: Meta = match meta_text.as_deref().map(toml::from_str::<Meta>) {
        Some(Ok(m)) => m,
        Some(Err(e)) => {
            let text = meta_text.unwrap_or_default();
            let src = crate::flow::Source { text: text.clone(), ..Default::default() };
            let pos = src.line_col(e.span().map(|s| s.start).unwrap_or(0));
            diags.push(
                Diagnostic::error(&meta_path, pos, "locale-meta", e.message().trim().to_string()).with_source(&text),
            );
            return None;
        }
        None => {
            diags.push(Diagnostic::error(
                &meta_path,
                (1, 1),
                "locale-meta",
                "missing locale.toml (name = \"<the language's own name>\", draft = true|false)",
            ));
            return None;
        }
    };
    let langid: unic_langid::LanguageIdentifier = match code.parse() {
        Ok(l) => l,
        Err(_) => {
            diags.push(Diagnostic::error(
                &meta_path,
                (1, 1),
                "locale-code",
                format!("\"{code}\" is not a language code (use e.g. en, es, pt-BR)"),
            ));
            return None;
        }
    };
    let rtl = meta.direction == Direction::Rtl;
    let mut bundle = FluentBundle::new_concurrent(vec![langid]);
    // Bidi isolation marks help right-to-left text but clutter left-to-right transcripts.
    bundle.set_use_isolating(rtl);
    let mut defined = BTreeMap::new();
    let mut sources = BTreeMap::new();
    let files = match tree.files(code, "ftl") {
        Ok(f) => f,
        Err(e) => {
            diags.push(Diagnostic::error(&meta_path, (1, 1), "io", format!("cannot read locale files: {e}")));
            return None;
        }
    };
    for (rel, text) in files {
        let path = tree.display_path(&rel);
        let src = crate::flow::Source { text: text.clone(), ..Default::default() };
        let resource = match FluentResource::try_new(text.clone()) {
            Ok(r) => r,
            Err((r, errors)) => {
                for e in errors {
                    diags.push(
                        Diagnostic::error(&path, src.line_col(e.pos.start), "ftl-syntax", format!("{}", e.kind))
                            .about(format!("locale {code}"))
                            .with_source(&text),
                    );
                }
                r
            }
        };
        for entry in resource.entries() {
            if let fluent_syntax::ast::Entry::Message(m) = entry {
                let line = find_definition_line(&text, m.id.name);
                defined.insert(m.id.name.to_string(), (path.clone(), line));
                for a in &m.attributes {
                    defined.insert(format!("{}.{}", m.id.name, a.id.name), (path.clone(), line));
                }
            }
        }
        sources.insert(path.clone(), text);
        if let Err(errs) = bundle.add_resource(resource) {
            for e in errs {
                diags.push(
                    Diagnostic::error(&path, (1, 1), "ftl-duplicate", format!("{e:?}")).about(format!("locale {code}")),
                );
            }
        }
    }
    let locale = Locale {
        code: code.to_string(),
        name: meta.name.clone(),
        english_name: meta.english_name.clone().unwrap_or_else(|| meta.name.clone()),
        rtl,
        draft: meta.draft,
        reviewed_by: meta.reviewed_by.clone(),
        notes: meta.notes.clone(),
        telegram_code: telegram_code(code, &meta, &meta_path, meta_text.as_deref().unwrap_or_default(), diags),
        sensitive_words: meta.sensitive_words.clone(),
        meta_path,
        bundle,
        defined,
        sources,
        source_hashes: meta.sources.clone(),
    };
    Some((locale, meta, meta_text.unwrap_or_default()))
}

/// Adds one locale's words to the lexicon, with a diagnostic for each word it cannot take: a
/// month list that is not twelve lists of single words, an unknown jurisdiction code, an empty
/// word, or a spelling that already means something else (in this language or another).
fn add_words(lexicon: &mut Lexicon, code: &str, meta: &Meta, path: &Path, text: &str, diags: &mut Vec<Diagnostic>) {
    let src = crate::flow::Source { text: text.to_string(), ..Default::default() };
    let mut problem = |span: std::ops::Range<usize>, message: String| {
        diags.push(
            Diagnostic::error(path, src.line_col(span.start), "locale-words", message)
                .about(format!("locale {code}"))
                .with_source(text),
        );
    };
    let from = |lang: &str| if lang.is_empty() { "an English name".to_string() } else { format!("locale {lang}") };

    let d = &meta.dates;
    if let Some(months) = &d.months {
        if months.get_ref().len() != 12 {
            problem(
                months.span(),
                format!("months must list the twelve months, January first; this lists {}", months.get_ref().len()),
            );
        }
        for (month, spellings) in (1u8..=12).zip(months.get_ref()) {
            if spellings.is_empty() {
                problem(months.span(), format!("month {month} has no spelling"));
            }
            for w in spellings {
                let t = w.get_ref().trim();
                if t.is_empty() || t.chars().any(|c| c.is_ascii_digit() || c == ',') {
                    problem(w.span(), format!("\"{t}\" (month {month}) must be a word, without digits or commas"));
                } else if let Err((other, lang)) = lexicon.add_month(t, month, code) {
                    problem(w.span(), format!("\"{t}\" is already month {other} in {}", from(&lang)));
                }
            }
        }
    }
    for w in &d.approximate {
        match w.get_ref().trim() {
            "" => problem(w.span(), "an approximation word is empty".into()),
            t => lexicon.add_approx(t),
        }
    }
    for w in &d.approximate_after {
        match w.get_ref().trim() {
            "" => problem(w.span(), "an approximation word is empty".into()),
            t => lexicon.add_approx_after(t),
        }
    }
    for w in &d.filler {
        match w.get_ref().trim() {
            "" => problem(w.span(), "a filler word is empty".into()),
            t => lexicon.add_filler(t),
        }
    }
    for (list, part) in [(&d.year_marks, Part::Year), (&d.month_marks, Part::Month), (&d.day_marks, Part::Day)] {
        for w in list {
            let t = w.get_ref().trim();
            if t.is_empty() || t.chars().any(|c| c.is_whitespace() || c.is_ascii_digit()) {
                problem(w.span(), format!("\"{t}\" must be a mark of one word, without digits"));
            } else if let Err(other) = lexicon.add_mark(t, part) {
                problem(w.span(), format!("\"{t}\" already marks a {other:?}, here a {part:?}"));
            }
        }
    }
    for w in &d.month_before {
        match w.get_ref().trim() {
            t if t.is_empty() || t.contains(char::is_whitespace) => {
                problem(w.span(), format!("\"{t}\" must be one word"))
            }
            t => lexicon.add_month_before(t),
        }
    }
    for w in &meta.digits {
        let chars: Vec<char> = w.get_ref().trim().chars().collect();
        if chars.len() != 10 || chars.iter().any(|c| c.is_ascii() || !c.is_numeric()) {
            problem(w.span(), format!("\"{}\" must be ten digits, zero first, other than 0-9", w.get_ref()));
        } else if let Err(c) = lexicon.add_digits(&chars) {
            problem(w.span(), format!("\"{c}\" already stands for another digit"));
        }
    }

    let mut language = Language::new(d.numeric == Numeric::DayMonth);
    if let Some(era) = &d.era_offset {
        match i16::try_from(*era.get_ref()) {
            Ok(n) if (1..=5000).contains(&n) => language.era_offset = Some(n),
            _ => problem(era.span(), format!("era_offset {} must be a number of years from 1 to 5000", era.get_ref())),
        }
    }
    let a = &meta.answers;
    for (list, word) in [(&a.yes, Word::Yes), (&a.no, Word::No), (&a.dont_know, Word::DontKnow)] {
        for w in list {
            let t = w.get_ref().trim();
            if t.is_empty() {
                problem(w.span(), "an answer word is empty".into());
            } else if let Err(other) = language.add_word(t, word) {
                problem(w.span(), format!("\"{t}\" is listed both as {other:?} and as {word:?}"));
            }
        }
    }
    for w in &a.no_code {
        match w.get_ref().trim() {
            "" => problem(w.span(), "a no_code entry is empty".into()),
            t => lexicon.add_no_code(t),
        }
    }

    for (cmd, aliases) in &meta.commands {
        for w in aliases {
            let t = w.get_ref().trim().trim_start_matches('/');
            if t.is_empty() || t.contains(|c: char| c.is_whitespace() || c == '/' || c == '@') {
                problem(w.span(), format!("\"{t}\" must be one word, without / or @"));
            } else if let Err((other, lang)) = lexicon.add_command(t, *cmd, code) {
                let whose = if lang.is_empty() { "its own name".to_string() } else { from(&lang) };
                problem(w.span(), format!("\"{t}\" already means /{} ({whose})", other.name()));
            }
        }
    }

    let j = &meta.jurisdictions;
    for w in &j.before {
        match w.get_ref().trim() {
            "" => problem(w.span(), "an empty word".into()),
            t => lexicon.add_jurisdiction_before(t),
        }
    }
    for w in &j.after {
        match w.get_ref().trim() {
            "" => problem(w.span(), "an empty word".into()),
            t => lexicon.add_jurisdiction_after(t),
        }
    }
    for (jcode, names) in &j.names {
        let Some(&(known, _)) = crate::jurisdiction::JURISDICTIONS.iter().find(|(c, _)| c == jcode) else {
            problem(names.span(), format!("\"{jcode}\" is not a jurisdiction (use a USPS code such as NY, or US)"));
            continue;
        };
        if names.get_ref().is_empty() {
            problem(names.span(), format!("{jcode} lists no name"));
        }
        for (i, w) in names.get_ref().iter().enumerate() {
            let t = w.get_ref().trim();
            if t.is_empty() {
                problem(w.span(), format!("a name of {jcode} is empty"));
                continue;
            }
            if i == 0 {
                language.show_name(known, t);
            }
            if let Err((other, lang)) = lexicon.add_jurisdiction_name(t, known, code) {
                problem(w.span(), format!("\"{t}\" already names {other} ({})", from(&lang)));
            }
        }
    }
    lexicon.set_language(code, language);
}

/// The two-letter ISO 639-1 code Telegram's `setMyCommands` takes for a locale: `telegram_code`
/// when given (it must be two lower-case letters), else the first part of the locale's code when
/// that is one. Otherwise "" and a diagnostic: the command menu would be refused by Telegram.
fn telegram_code(code: &str, meta: &Meta, path: &Path, text: &str, diags: &mut Vec<Diagnostic>) -> String {
    let two = |s: &str| s.len() == 2 && s.chars().all(|c| c.is_ascii_lowercase());
    let src = crate::flow::Source { text: text.to_string(), ..Default::default() };
    match &meta.telegram_code {
        Some(t) if two(t.get_ref()) => t.get_ref().clone(),
        Some(t) => {
            diags.push(
                Diagnostic::error(
                    path,
                    src.line_col(t.span().start),
                    "telegram-code",
                    format!("telegram_code \"{}\" is not a two-letter ISO 639-1 code", t.get_ref()),
                )
                .about(format!("locale {code}"))
                .help("Telegram's setMyCommands takes two lower-case letters, such as pt for pt-BR or zh for zh-Hans")
                .with_source(text),
            );
            String::new()
        }
        None => {
            let base = code.split(['-', '_']).next().unwrap_or(code).to_ascii_lowercase();
            if two(&base) {
                base
            } else {
                diags.push(
                    Diagnostic::error(
                        path,
                        (1, 1),
                        "telegram-code",
                        format!("\"{code}\" does not begin with a two-letter ISO 639-1 code, which Telegram's command menu needs"),
                    )
                    .about(format!("locale {code}"))
                    .help("add telegram_code = \"xx\" to locale.toml"),
                );
                String::new()
            }
        }
    }
}

/// Which of `languages` to suggest for a Telegram `language_code` such as `pt-br`, `zh-hans` or
/// `zh`: the same code (whatever its case), else the first whose language part is the same
/// (`pt` -> `pt-BR`, `zh-CN` -> `zh-Hans`). Only a suggestion: the survivor still chooses.
pub fn suggest<'a>(hint: &str, languages: &'a [String]) -> Option<&'a String> {
    let hint = hint.trim().replace('_', "-");
    let base = |s: &str| s.split('-').next().unwrap_or("").to_ascii_lowercase();
    languages
        .iter()
        .find(|l| l.eq_ignore_ascii_case(&hint))
        .or_else(|| languages.iter().find(|l| !hint.is_empty() && base(l) == base(&hint)))
}

/// Which languages an organisation offers (the settings file's `[languages] offer`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Offer {
    /// Every language the flow names (the default).
    #[default]
    All,
    /// Only languages a native speaker has reviewed (`draft = false`), and English, the source
    /// text. Until any translation is reviewed, every language is offered.
    Reviewed,
}

/// What is offered of a flow's `languages`, and which of the offered ones are still drafts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offered {
    pub languages: Vec<String>,
    /// Offered languages (English aside) that no native speaker has reviewed yet.
    pub drafts: Vec<String>,
    /// `offer = "reviewed"`, but no translation is reviewed yet, so all are offered.
    pub none_reviewed: bool,
}

/// Applies an [`Offer`] to a flow's languages (a language with no locale loaded counts as a
/// draft).
pub fn offered(languages: &[String], locales: &Locales, offer: Offer) -> Offered {
    let reviewed = |l: &String| l == FALLBACK || locales.get(l).is_some_and(|x| !x.draft);
    let any_reviewed = languages.iter().any(|l| l != FALLBACK && reviewed(l));
    let none_reviewed = offer == Offer::Reviewed && !any_reviewed;
    let languages: Vec<String> = match offer {
        Offer::Reviewed if any_reviewed => languages.iter().filter(|l| reviewed(l)).cloned().collect(),
        _ => languages.to_vec(),
    };
    let drafts = languages.iter().filter(|l| !reviewed(l)).cloned().collect();
    Offered { languages, drafts, none_reviewed }
}

/// The lexicon of the locales built into the binary, for unit tests of the code that reads it.
#[cfg(test)]
pub fn shipped_lexicon() -> Lexicon {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../locales");
    Locales::load(&crate::data::read_for_tests(&root)).0.lexicon
}

fn find_definition_line(text: &str, id: &str) -> usize {
    text.lines()
        .position(|l| l.strip_prefix(id).is_some_and(|rest| rest.trim_start().starts_with('=')))
        .map(|i| i + 1)
        .unwrap_or(1)
}

/// Every message id a locale file defines but nobody uses is harmless; every id used but missing
/// in some locale is a problem. Returns the used ids missing from `lang`.
pub fn missing(locales: &Locales, lang: &str, used: &BTreeSet<String>) -> Vec<String> {
    used.iter().filter(|id| !locales.has(lang, id)).cloned().collect()
}
