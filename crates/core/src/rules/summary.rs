//! The attorney's summary of a completed intake: who to contact and how, what is urgent, and for
//! each arrest or conviction what the survivor said and what the screening found, with
//! citations. Markdown for the sealed file; HTML for a chat, which a channel cuts to its limit with [`split`].
//!
//! It never contains what the survivor chose not to say: such answers are left out entirely.

use super::screen::{self, Screening};
use super::Rules;
use crate::engine::answer::{Answer, Pos};
use crate::engine::{AnswerView, Label, Msg};
use crate::flow::{Flow, Kind};
use crate::intake::Intake;
use crate::locale::{Arg, Locales};
use crate::render::Renderer;
use std::fmt::Write;

fn answer_text(r: &Renderer<'_>, lang: &str, flow: &Flow, key: &str, a: &Answer) -> Option<String> {
    let pos = Pos::from_key(key);
    let step = flow.step(&pos.step)?;
    let view = match a {
        Answer::PreferNot => return None,
        Answer::Skipped => return None,
        Answer::DontKnow => AnswerView::DontKnow,
        Answer::Answered(v) => {
            use crate::engine::answer::Value;
            let label = |id: &str| -> Label {
                if step.kind == Kind::Jurisdiction {
                    return Label::Jurisdiction(id.to_string());
                }
                flow.options_of(step)
                    .into_iter()
                    .find(|(v, _)| v == id)
                    .map(|(_, l)| Label::Msg(Msg::new(&l)))
                    .unwrap_or(Label::Msg(Msg::new("answer-none")))
            };
            match v {
                Value::Choice(c) => AnswerView::Choice(label(c)),
                Value::Choices(cs) => AnswerView::Choices(cs.iter().map(|c| label(c)).collect()),
                Value::Text(t) => AnswerView::Text(t.clone()),
                Value::Number(n) => AnswerView::Number(*n),
                Value::Date(d) => AnswerView::Date(*d),
                Value::Jurisdiction(j) => AnswerView::Choice(Label::Jurisdiction(j.clone())),
            }
        }
    };
    let q = r.msg(lang, &Msg::new(&format!("{}.short", step.prompt)));
    Some(format!("{q}: {}", r.answer(lang, &view)))
}

/// The summary in Markdown, in the attorney's language (`lang`, English by default).
pub fn markdown(
    flow: &Flow,
    locales: &Locales,
    rules: &Rules,
    intake: &Intake,
    date: jiff::civil::Date,
    lang: &str,
) -> (String, Screening) {
    let facts = super::intake::facts(flow, &intake.answers);
    let s = screen::screen(rules, &facts, date);
    let r = Renderer { locales };
    let mut o = String::new();
    let _ = writeln!(o, "# Referral {} — {}", intake.code, super::report::DISCLAIMER);
    let _ = writeln!(
        o,
        "\nSubmitted {} · screened {} · rules {} · intake language {}",
        intake.submitted_at.strftime("%Y-%m-%d"),
        s.date,
        s.rules_version,
        intake.locale
    );
    if !s.flags.is_empty() {
        let _ = writeln!(o, "\n## Flags");
        for f in &s.flags {
            let _ = writeln!(o, "- **{}**: {}", f.kind, f.text);
        }
    }
    // The person, and how to reach them.
    let _ = writeln!(o, "\n## The person and how to reach them");
    for (key, a) in &intake.answers {
        if Pos::from_key(key).instance.is_some() {
            continue;
        }
        if let Some(line) = answer_text(&r, lang, flow, key, a) {
            let _ = writeln!(o, "- {line}");
        }
    }
    // Each case: what they said, then the screening.
    for (i, c) in s.cases.iter().enumerate() {
        let _ = writeln!(o, "\n## {}", r.msg(lang, &Msg::new("group-case").arg("n", Arg::Num(i as i64 + 1))));
        for (key, a) in &intake.answers {
            if Pos::from_key(key).instance == Some(i as u32) {
                if let Some(line) = answer_text(&r, lang, flow, key, a) {
                    let _ = writeln!(o, "- {line}");
                }
            }
        }
        let _ = writeln!(o, "\n**Screening: {}**", c.overall.name().replace('_', " "));
        for n in &c.notes {
            let _ = writeln!(o, "- {}", n.replace('\n', " "));
        }
        for route in &c.routes {
            let _ = writeln!(
                o,
                "- {} ({}): **{}**{}",
                route.title,
                route.citation,
                route.outcome.name().replace('_', " "),
                if route.verified { "" } else { " — rule not verified" }
            );
            for reason in &route.reasons {
                let _ = writeln!(o, "  - {reason}");
            }
            if !route.conditions.is_empty() {
                let _ = writeln!(o, "  - To show: {}.", route.conditions.join("; "));
            }
            if !route.to_check.is_empty() {
                let _ = writeln!(o, "  - To check: {}.", route.to_check.join("; "));
            }
            if !route.documents.is_empty() {
                let _ = writeln!(o, "  - Documents: {}.", route.documents.join("; "));
            }
            for src in &route.sources {
                let _ = writeln!(o, "  - Source: {src}");
            }
        }
    }
    let _ = writeln!(o, "\n{}", super::report::DISCLAIMER);
    (o, s)
}

/// Markdown to Telegram HTML: escaped, headings and `**` in bold.
pub fn telegram_html(md: &str) -> String {
    let mut out = String::new();
    for line in md.lines() {
        let esc = line.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let trimmed = esc.trim_start_matches('#').trim_start();
        let mut l = if esc.starts_with('#') { format!("<b>{trimmed}</b>") } else { esc.clone() };
        while let (Some(a), true) = (l.find("**"), l.matches("**").count() >= 2) {
            l.replace_range(a..a + 2, "<b>");
            if let Some(b) = l.find("**") {
                l.replace_range(b..b + 2, "</b>");
            }
        }
        out.push_str(&l);
        out.push('\n');
    }
    out
}

/// Splits text into parts of at most `limit` characters, at line breaks where possible, so no
/// HTML tag (which never spans lines here) is cut.
pub fn split(text: &str, limit: usize) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    for line in text.split_inclusive('\n') {
        if cur.chars().count() + line.chars().count() > limit && !cur.is_empty() {
            parts.push(std::mem::take(&mut cur));
        }
        if line.chars().count() > limit {
            // A single very long line: cut it by characters.
            let chars: Vec<char> = line.chars().collect();
            for chunk in chars.chunks(limit) {
                parts.push(chunk.iter().collect());
            }
            continue;
        }
        cur.push_str(line);
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    parts
}
