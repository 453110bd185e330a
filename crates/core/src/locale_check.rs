//! `locales check`: every translation against English, the source language. Beyond what
//! `flows check` asks of the messages a flow uses, this finds messages missing from a translation,
//! messages nothing uses, placeables (`{ $name }`) that differ from English, messages longer than
//! Telegram accepts with realistic arguments, and translations older than their English source.
//!
//! Staleness: beside each translation, `locale.toml` records the hash of the English text it was
//! translated from (`[sources]`, `message-id = "hash"`, written by `clearpath locales stamp`). When
//! the English text changes, its hash no longer matches and the translation is reported as stale.

use crate::diag::Diagnostic;
use crate::flow::Flow;
use crate::locale::{Locale, Locales, CODE_MESSAGES, FALLBACK};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Telegram's limit for one message's text, in characters.
pub const TELEGRAM_TEXT_LIMIT: usize = 4096;

/// The message ids (with `.attr`) a flow shows: prompts, their `.short` names, hints, option labels
/// and group labels.
pub fn used_by_flow(flow: &Flow) -> BTreeSet<String> {
    let mut used = BTreeSet::new();
    for s in &flow.steps {
        used.insert(s.prompt.clone());
        used.insert(format!("{}.short", s.prompt));
        if let Some(h) = &s.hint {
            used.insert(h.clone());
        }
        for o in &s.options {
            used.insert(o.label.clone());
        }
    }
    for g in flow.groups.values() {
        used.insert(g.label.clone());
    }
    used
}

/// The English text of a message as written in its `.ftl` file (its lines, each trimmed), the
/// thing a translation is made from.
pub fn english_source(locale: &Locale, id: &str) -> Option<String> {
    let (path, line) = locale.defined.get(id.split('.').next().unwrap_or(id))?;
    let text = locale.sources.get(path)?;
    let mut lines = text.lines().skip(line.saturating_sub(1));
    let mut out = vec![lines.next()?.trim().to_string()];
    while let Some(l) = lines.next() {
        if l.trim().is_empty() {
            // A blank line inside a message (between its paragraphs) belongs to it when the
            // message goes on after it; the whole text is the source, not its first paragraph.
            let more = lines.clone().find(|n| !n.trim().is_empty()).is_some_and(|n| n.starts_with([' ', '\t']));
            if more {
                out.push(String::new());
                continue;
            }
            break;
        }
        if !l.starts_with([' ', '\t']) {
            break;
        }
        out.push(l.trim().to_string());
    }
    Some(out.join("\n"))
}

/// The hash recorded for a translation of the English source: 12 hex digits of BLAKE3.
pub fn source_hash(english: &str) -> String {
    blake3::hash(english.as_bytes()).to_hex()[..12].to_string()
}

/// Every message id (not attribute) defined in a locale.
fn messages(locale: &Locale) -> BTreeSet<String> {
    locale.defined.keys().filter(|k| !k.contains('.')).cloned().collect()
}

/// The `$variables` a message (with its attributes) uses, read from its source.
fn variables(source: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = source;
    while let Some(i) = rest.find('$') {
        let after = &rest[i + 1..];
        let end = after.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-')).unwrap_or(after.len());
        if end > 0 {
            out.insert(after[..end].to_string());
        }
        rest = &after[end..];
    }
    out
}

/// What `locales check` finds. `flows` are the flows in use (for "unused"); `skip_missing` are ids
/// whose absence another check already reports (`flows check`, in `clearpath check`).
pub fn check(locales: &Locales, flows: &[&Flow], skip_missing: &BTreeSet<String>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let Some(en) = locales.get(FALLBACK) else {
        return diags;
    };
    let mut used: BTreeSet<String> = CODE_MESSAGES.iter().map(|s| s.to_string()).collect();
    for f in flows {
        used.extend(used_by_flow(f).into_iter().map(|id| id.split('.').next().unwrap_or(&id).to_string()));
    }
    // A message another message names (`{ org-name }`) is used by it.
    for l in &locales.locales {
        for text in l.sources.values() {
            for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
                let mut rest = line;
                while let Some(i) = rest.find('{') {
                    let inner = rest[i + 1..].trim_start();
                    let end = inner
                        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                        .unwrap_or(inner.len());
                    if end > 0 && !inner.starts_with('$') {
                        used.insert(inner[..end].to_string());
                    }
                    rest = &rest[i + 1..];
                }
            }
        }
    }
    let english = messages(en);
    for locale in &locales.locales {
        let at = |id: &str| -> (std::path::PathBuf, usize, Option<String>) {
            match locale.defined.get(id) {
                Some((p, line)) => (p.clone(), *line, locale.sources.get(p).cloned()),
                None => (locale.meta_path.clone(), 1, None),
            }
        };
        let here = messages(locale);
        // With no flow to read, which messages are used cannot be told.
        let unused = if flows.is_empty() { BTreeSet::new() } else { here.difference(&used).cloned().collect() };
        for id in &unused {
            let (p, line, text) = at(id);
            let d = Diagnostic::warning(
                &p,
                (line, 1),
                "unused-message",
                format!("message \"{id}\" is not used by any flow or by the program"),
            )
            .about(format!("locale \"{}\"", locale.code))
            .help("delete it, or name it in a flow (`prompt`, `hint`, an option's `label`)");
            diags.push(with_source(d, text.as_deref()));
        }
        if locale.code == FALLBACK {
            continue;
        }
        let missing: Vec<&String> = english.difference(&here).filter(|id| !skip_missing.contains(*id)).collect();
        if !missing.is_empty() {
            let list: Vec<&str> = missing.iter().map(|s| s.as_str()).collect();
            diags.push(
                Diagnostic::error(
                    &locale.meta_path,
                    (1, 1),
                    "missing-translation",
                    format!("{} message(s) of English are missing: {}", list.len(), list.join(", ")),
                )
                .about(format!("locale \"{}\"", locale.code))
                .help(format!(
                    "add them to an .ftl file in {} (copy the English and translate it)",
                    dir_of(&locale.meta_path)
                )),
            );
        }
        for id in here.intersection(&english) {
            let (Some(src), Some(theirs)) = (english_source(en, id), english_source(locale, id)) else {
                continue;
            };
            let (want, got) = (variables(&src), variables(&theirs));
            if want != got {
                let lacks: Vec<String> = want.difference(&got).map(|v| format!("{{ ${v} }}")).collect();
                let extra: Vec<String> = got.difference(&want).map(|v| format!("{{ ${v} }}")).collect();
                let mut what = Vec::new();
                if !lacks.is_empty() {
                    what.push(format!("lacks {} that English has", lacks.join(", ")));
                }
                if !extra.is_empty() {
                    what.push(format!("uses {}, which English does not give it", extra.join(", ")));
                }
                let (p, line, text) = at(id);
                let col = text
                    .as_deref()
                    .and_then(|t| t.lines().nth(line.saturating_sub(1)))
                    .map(|l| l.find('$').map(|i| i + 1).unwrap_or(1))
                    .unwrap_or(1);
                let d = Diagnostic::error(&p, (line, col), "placeable-mismatch", format!("message \"{id}\" {}", what.join(" and ")))
                    .about(format!("locale \"{}\"", locale.code))
                    .help("use the same { $name } placeables as the English message; a misspelt one shows as its name to the survivor");
                diags.push(with_source(d, text.as_deref()));
            }
        }
        diags.extend(stale(en, locale, &here));
    }
    diags.extend(too_long(locales));
    diags
}

/// Translations whose recorded English source hash no longer matches, and, once per locale, how
/// many have none recorded.
fn stale(en: &Locale, locale: &Locale, here: &BTreeSet<String>) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let mut unrecorded = 0;
    for id in here {
        let Some(src) = english_source(en, id) else {
            continue;
        };
        match locale.source_hashes.get(id) {
            None => unrecorded += 1,
            Some(h) if *h != source_hash(&src) => {
                let (p, line) = locale.defined.get(id).cloned().unwrap_or((locale.meta_path.clone(), 1));
                let d = Diagnostic::warning(&p, (line, 1), "stale-translation", format!("message \"{id}\" was translated from an older English text"))
                    .about(format!("locale \"{}\"", locale.code))
                    .help(format!(
                        "compare it with the English now, update the translation, then run `clearpath locales stamp {} {id}`",
                        locale.code
                    ));
                diags.push(with_source(d, locale.sources.get(&p).map(String::as_str)));
            }
            Some(_) => {}
        }
    }
    if unrecorded > 0 {
        diags.push(
            Diagnostic::warning(&locale.meta_path, (1, 1), "unstamped", format!("{unrecorded} translation(s) record no English source, so a change to the English cannot be noticed"))
                .about(format!("locale \"{}\"", locale.code))
                .help(format!("once the translations are checked against the English, run `clearpath locales stamp {}`", locale.code)),
        );
    }
    diags
}

/// Messages longer than Telegram accepts, formatted with long but realistic arguments.
fn too_long(locales: &Locales) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for locale in &locales.locales {
        for (id, (p, line)) in &locale.defined {
            if id.contains('.') {
                continue;
            }
            let src = english_source(locale, id).unwrap_or_default();
            let args: Vec<(String, crate::locale::Arg)> = variables(&src)
                .into_iter()
                .map(|v| {
                    let value = if ["n", "count", "days", "total", "number", "minutes", "hours"].contains(&v.as_str()) {
                        crate::locale::Arg::Num(365)
                    } else {
                        crate::locale::Arg::Str("x".repeat(60))
                    };
                    (v, value)
                })
                .collect();
            let text = locales.format(&locale.code, id, &args);
            let n = text.chars().count();
            if n > TELEGRAM_TEXT_LIMIT {
                let d = Diagnostic::error(p, (*line, 1), "too-long", format!("message \"{id}\" is {n} characters with realistic values; Telegram takes at most {TELEGRAM_TEXT_LIMIT}"))
                    .about(format!("locale \"{}\"", locale.code))
                    .help("shorten it, or split it into a question and a `hint`");
                diags.push(with_source(d, locale.sources.get(p).map(String::as_str)));
            }
        }
    }
    diags
}

fn with_source(d: Diagnostic, text: Option<&str>) -> Diagnostic {
    match text {
        Some(t) => d.with_source(t),
        None => d,
    }
}

fn dir_of(p: &Path) -> String {
    p.parent().map(|d| d.display().to_string()).unwrap_or_default()
}

/// The hashes to record for every translation of `locale` (or only `only`), from English now.
pub fn stamps(locales: &Locales, lang: &str, only: Option<&str>) -> BTreeMap<String, String> {
    let (Some(en), Some(locale)) = (locales.get(FALLBACK), locales.get(lang)) else {
        return BTreeMap::new();
    };
    messages(locale)
        .into_iter()
        .filter(|id| only.is_none_or(|o| o == id))
        .filter_map(|id| english_source(en, &id).map(|src| (id, source_hash(&src))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variables_are_read_from_placeables_and_selectors() {
        let v = variables("q = You have { $n ->\n  [one] one case\n *[other] { $n } cases\n} in { $state }.");
        assert_eq!(v.into_iter().collect::<Vec<_>>(), vec!["n".to_string(), "state".to_string()]);
        assert!(variables("plain text, $ alone").is_empty());
    }

    #[test]
    fn a_hash_changes_with_the_text() {
        assert_eq!(source_hash("a = b").len(), 12);
        assert_ne!(source_hash("a = b"), source_hash("a = c"));
    }
}
