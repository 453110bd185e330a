//! `flows check`: everything that can be wrong with a flow, found at once, each problem pointing
//! at the line to fix. A flow that passes cannot strand a survivor: every step is reachable,
//! every step can reach an end, every message exists in every language the flow is offered in,
//! and no message's first line (what a lock-screen notification shows) names what it is about.

use super::load::condition_refs;
use super::*;
use crate::diag::Diagnostic;
use crate::locale::{Locale, Locales, CODE_MESSAGES, INNER_MESSAGES};
use std::collections::{BTreeMap, BTreeSet, HashSet};

pub fn check(flow: &Flow, locales: &Locales) -> Vec<Diagnostic> {
    let mut c = Checker { flow, locales, diags: Vec::new(), graph_ok: true };
    c.header();
    c.ids();
    c.targets();
    // A broken link makes every reachability finding a consequence of it: report the cause only.
    c.graph_ok = !c.diags.iter().any(|d| {
        matches!(d.code, "unknown-target" | "unknown-start" | "unknown-group" | "duplicate-id" | "group-start")
    });
    if c.graph_ok {
        c.graph();
        c.consent();
        c.short_path();
    }
    c.conditions();
    c.messages();
    c.first_lines();
    crate::diag::sort(&mut c.diags);
    c.diags
}

struct Checker<'a> {
    flow: &'a Flow,
    locales: &'a Locales,
    diags: Vec<Diagnostic>,
    /// Every link resolves, so reachability can be judged.
    graph_ok: bool,
}

fn valid_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 40 && s.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

impl Checker<'_> {
    fn at(&self, span: &Span) -> (usize, usize) {
        self.flow.source.line_col(span.start)
    }

    fn err(&mut self, span: &Span, step: Option<&str>, code: &'static str, msg: String) {
        let mut d =
            Diagnostic::error(&self.flow.source.path, self.at(span), code, msg).with_source(&self.flow.source.text);
        if let Some(s) = step {
            d = d.about(format!("step \"{s}\""));
        }
        self.diags.push(d);
    }

    fn warn(&mut self, span: &Span, step: Option<&str>, code: &'static str, msg: String) {
        let mut d =
            Diagnostic::warning(&self.flow.source.path, self.at(span), code, msg).with_source(&self.flow.source.text);
        if let Some(s) = step {
            d = d.about(format!("step \"{s}\""));
        }
        self.diags.push(d);
    }

    fn header(&mut self) {
        let f = self.flow;
        if f.steps.is_empty() {
            self.err(&f.source.header_span, None, "no-steps", "the flow has no [[step]] entries".into());
            return;
        }
        if f.step(&f.start).is_none() {
            self.err(
                &f.source.start_span,
                None,
                "unknown-start",
                format!("start step \"{}\" does not exist{}", f.start, self.suggest(&f.start)),
            );
        }
        if f.languages.is_empty() {
            self.err(
                &f.source.languages_span,
                None,
                "no-languages",
                "list at least one language, e.g. languages = [\"en\", \"es\"]".into(),
            );
        }
        for lang in &f.languages {
            if self.locales.get(lang).is_none() {
                self.err(
                    &f.source.languages_span,
                    None,
                    "unknown-language",
                    format!(
                        "language \"{lang}\" has no locale directory (locales/{lang}/ with locale.toml and .ftl files)"
                    ),
                );
            }
        }
        for (id, g) in &f.groups {
            if !valid_id(id) {
                self.err(&g.span, None, "bad-id", format!("group id \"{id}\" must use only a-z, 0-9 and _"));
            }
            match f.step(&g.start) {
                None => self.err(
                    &g.span,
                    None,
                    "unknown-target",
                    format!("group \"{id}\" starts at \"{}\", which does not exist", g.start),
                ),
                Some(s) if s.group.as_deref() != Some(id) => self.err(
                    &g.span,
                    None,
                    "group-start",
                    format!("group \"{id}\" starts at \"{}\", but that step does not say group = \"{id}\"", g.start),
                ),
                _ => {}
            }
        }
    }

    fn ids(&mut self) {
        let mut seen: HashSet<&str> = HashSet::new();
        for s in &self.flow.steps {
            if !valid_id(&s.id) {
                self.err(
                    &s.spans.id,
                    Some(&s.id),
                    "bad-id",
                    "step ids use only a-z, 0-9 and _ (at most 40 characters)".into(),
                );
            }
            if !seen.insert(&s.id) {
                self.err(
                    &s.spans.id,
                    Some(&s.id),
                    "duplicate-id",
                    format!("another step already has the id \"{}\"", s.id),
                );
            }
            if let Some(g) = &s.group {
                if !self.flow.groups.contains_key(g) {
                    self.err(
                        &s.spans.group,
                        Some(&s.id),
                        "unknown-group",
                        format!("group \"{g}\" is not defined (add [groups.{g}])"),
                    );
                }
            }
            let mut values = HashSet::new();
            for o in &s.options {
                if s.kind != Kind::Jurisdiction && !valid_id(&o.value) {
                    self.err(
                        &o.span,
                        Some(&s.id),
                        "bad-id",
                        format!("option value \"{}\" must use only a-z, 0-9 and _", o.value),
                    );
                } else if o.value == PREFER_NOT || o.value == DONT_KNOW {
                    self.err(
                        &o.span,
                        Some(&s.id),
                        "reserved-value",
                        format!("\"{}\" is added by prefer_not/dont_know = true; do not list it", o.value),
                    );
                }
                if !values.insert(&o.value) {
                    self.err(
                        &o.span,
                        Some(&s.id),
                        "duplicate-option",
                        format!("option \"{}\" is listed twice", o.value),
                    );
                }
                if s.kind != Kind::Jurisdiction && o.label.is_empty() {
                    self.err(
                        &o.span,
                        Some(&s.id),
                        "missing-label",
                        format!("option \"{}\" needs a label (a message id)", o.value),
                    );
                }
                if s.kind == Kind::Jurisdiction && !crate::jurisdiction::is_code(&o.value) {
                    self.err(&o.span, Some(&s.id), "bad-value", format!("\"{}\" is not a USPS code (or US)", o.value));
                }
            }
            if matches!(s.kind, Kind::Single | Kind::Multi) && s.options.is_empty() {
                self.err(&s.spans.kind, Some(&s.id), "no-options", format!("a {} step needs options", s.kind.name()));
            }
            if let Some(f) = &s.field {
                if !s.kind.keeps_answer() {
                    self.err(
                        &s.spans.field,
                        Some(&s.id),
                        "bad-field",
                        format!("a {} step has no answer to feed field \"{f}\"", s.kind.name()),
                    );
                } else if !crate::rules::fields::is_field(f) {
                    self.err(
                        &s.spans.field,
                        Some(&s.id),
                        "unknown-field",
                        format!(
                            "\"{f}\" is not a screening field; known fields: {}",
                            crate::rules::fields::names().join(", ")
                        ),
                    );
                } else if let Some(problem) = crate::rules::fields::check_step(f, s) {
                    self.err(&s.spans.field, Some(&s.id), "field-mismatch", problem);
                }
            }
        }
    }

    fn suggest(&self, wrong: &str) -> String {
        let best = self
            .flow
            .steps
            .iter()
            .map(|s| (edit_distance(wrong, &s.id), &s.id))
            .filter(|(d, _)| *d <= 3)
            .min_by_key(|(d, _)| *d);
        match best {
            Some((_, id)) => format!(" (did you mean \"{id}\"?)"),
            None => String::new(),
        }
    }

    fn check_target(&mut self, step: &Step, t: &Target, span: &Span) {
        match t {
            Target::Step(id) => {
                if self.flow.step(id).is_none() {
                    self.err(
                        span,
                        Some(&step.id),
                        "unknown-target",
                        format!("goes to step \"{id}\", which does not exist{}", self.suggest(id)),
                    );
                }
            }
            Target::NewInstance(g) => {
                if !self.flow.groups.contains_key(g) {
                    self.err(
                        span,
                        Some(&step.id),
                        "unknown-group",
                        format!("\"new:{g}\" names a group that is not defined"),
                    );
                }
            }
        }
    }

    fn targets(&mut self) {
        for s in &self.flow.steps {
            let is_end = matches!(s.kind, Kind::End { .. });
            match (&s.next, is_end) {
                (Some(t), false) => self.check_target(s, t, &s.spans.next),
                (Some(_), true) => self.warn(
                    &s.spans.next,
                    Some(&s.id),
                    "ignored",
                    "an end step does not go anywhere; `next` is ignored".into(),
                ),
                (None, false) => self.err(
                    &s.spans.whole,
                    Some(&s.id),
                    "missing-next",
                    "this step needs `next = \"<step>\"` (the default when no branch applies)".into(),
                ),
                (None, true) => {}
            }
            if let (true, Some(first)) = (is_end, s.branches.first()) {
                self.warn(
                    &first.span,
                    Some(&s.id),
                    "ignored",
                    "an end step does not branch; these branches are ignored".into(),
                );
            }
            for b in &s.branches {
                self.check_target(s, &b.goto, &b.goto_span);
            }
            if let Kind::Consent { decline } = &s.kind {
                self.check_target(s, decline, &s.spans.extra);
            }
            if let Kind::Checkpoint { send } = &s.kind {
                self.check_target(s, send, &s.spans.extra);
                let to = match send {
                    Target::Step(id) => self.flow.step(id),
                    Target::NewInstance(_) => None,
                };
                if to.is_some_and(|t| !matches!(t.kind, Kind::End { result: EndResult::Submitted })) {
                    self.err(
                        &s.spans.extra,
                        Some(&s.id),
                        "checkpoint-send",
                        "`send` must name an end step with result = \"submitted\": where sending now leads".into(),
                    );
                }
            }
        }
        let checkpoints: Vec<&Step> =
            self.flow.steps.iter().filter(|s| matches!(s.kind, Kind::Checkpoint { .. })).collect();
        if let (Some(first), Some(second)) = (checkpoints.first(), checkpoints.get(1)) {
            self.err(
                &second.spans.kind,
                Some(&second.id),
                "checkpoint-twice",
                format!("a flow has at most one checkpoint, and \"{}\" is one already", first.id),
            );
        }
    }

    /// Steps a step can lead to.
    fn edges(&self, s: &Step) -> Vec<String> {
        self.flow.leads_to(s)
    }

    fn reachable_from(&self, start: &str, stop_at_consent: bool) -> BTreeSet<String> {
        self.flow.reachable_from(start, stop_at_consent)
    }

    fn graph(&mut self) {
        let f = self.flow;
        if f.step(&f.start).is_none() {
            return;
        }
        let reachable = self.reachable_from(&f.start, false);
        for s in &f.steps {
            if !reachable.contains(&s.id) {
                self.err(&s.spans.id, Some(&s.id), "unreachable", "no path from the start leads to this step".into());
            }
        }
        // Steps that can reach an end: walk the edges backwards from every end step.
        let mut can_end: BTreeSet<String> =
            f.steps.iter().filter(|s| matches!(s.kind, Kind::End { .. })).map(|s| s.id.clone()).collect();
        loop {
            let before = can_end.len();
            for s in &f.steps {
                if !can_end.contains(&s.id) && self.edges(s).iter().any(|e| can_end.contains(e)) {
                    can_end.insert(s.id.clone());
                }
            }
            if can_end.len() == before {
                break;
            }
        }
        for s in &f.steps {
            if reachable.contains(&s.id) && !can_end.contains(&s.id) {
                self.err(
                    &s.spans.id,
                    Some(&s.id),
                    "no-end",
                    "from this step the conversation can never reach an end step".into(),
                );
            }
        }
        if !f.steps.iter().any(|s| matches!(s.kind, Kind::End { result: EndResult::Submitted })) {
            self.err(
                &f.source.header_span,
                None,
                "no-submit",
                "the flow needs an end step with result = \"submitted\"".into(),
            );
        }
    }

    fn consent(&mut self) {
        let f = self.flow;
        if f.step(&f.start).is_none() {
            return;
        }
        let consents: Vec<&Step> = f.steps.iter().filter(|s| matches!(s.kind, Kind::Consent { .. })).collect();
        if consents.is_empty() {
            if f.steps.iter().any(|s| s.kind.keeps_answer()) {
                self.err(
                    &f.source.header_span,
                    None,
                    "no-consent",
                    "the flow keeps answers but has no consent step".into(),
                );
            }
            return;
        }
        if let Some(second) = consents.get(1) {
            self.err(&second.spans.kind, Some(&second.id), "duplicate-consent", "a flow has one consent step".into());
        }
        let before = self.reachable_from(&f.start, true);
        for s in &f.steps {
            if before.contains(&s.id) && !s.kind.allowed_before_consent() {
                self.err(
                    &s.spans.kind,
                    Some(&s.id),
                    "before-consent",
                    format!("a {} step can be reached before consent; only language, single, yes_no, info and end steps may come before it", s.kind.name()),
                );
            }
            if before.contains(&s.id) && s.field.is_some() {
                self.err(
                    &s.spans.field,
                    Some(&s.id),
                    "before-consent",
                    "answers before consent are not kept, so they cannot feed the screening".into(),
                );
            }
        }
    }

    /// The short path (steps marked `short = true`): it begins right after consent, reaches a
    /// submission through short steps alone (the review and ends need no mark), and each of its
    /// questions feeds a screened field or one of the flow's `contact_needs`: a question a first
    /// referral does not need belongs to the "tell more" part.
    fn short_path(&mut self) {
        let f = self.flow;
        for need in &f.contact_needs {
            if !crate::rules::fields::is_field(need) {
                self.err(
                    &f.source.contact_needs_span,
                    None,
                    "unknown-field",
                    format!(
                        "contact need \"{need}\" is not a screening field; known fields: {}",
                        crate::rules::fields::names().join(", ")
                    ),
                );
            }
        }
        let short: Vec<&Step> = f.steps.iter().filter(|s| s.short).collect();
        if short.is_empty() {
            return;
        }
        for s in &short {
            if !s.kind.keeps_answer() {
                continue;
            }
            let serves = s.field.as_deref().is_some_and(|field| {
                f.contact_needs.iter().any(|n| n == field)
                    || crate::rules::fields::FIELDS.iter().any(|x| x.name == field && !x.members.is_empty())
            });
            if !serves {
                let what = match &s.field {
                    Some(field) => format!("its field \"{field}\" is neither screened nor in [flow] contact_needs"),
                    None => "it has no field".to_string(),
                };
                self.err(
                    &s.spans.id,
                    Some(&s.id),
                    "short-serves-nothing",
                    format!("a question on the short path must serve a screened field or a contact need, and {what}: move it to the part after the short path, or say what it serves"),
                );
            }
        }
        let Some(consent) = f.steps.iter().find(|s| matches!(s.kind, Kind::Consent { .. })) else {
            return;
        };
        let first = match &consent.next {
            Some(Target::Step(id)) => id.clone(),
            _ => return,
        };
        let on_short =
            |id: &str| f.step(id).is_some_and(|s| s.short || matches!(s.kind, Kind::Review | Kind::End { .. }));
        let Some(first_step) = f.step(&first).filter(|_| on_short(&first)) else {
            self.err(
                &consent.spans.next,
                Some(&consent.id),
                "short-path-start",
                format!("the short path begins right after consent, but \"{first}\" is not marked short = true"),
            );
            return;
        };
        // Walk from the first step after consent through short steps only.
        let mut seen = BTreeSet::new();
        let mut queue = vec![first_step.id.clone()];
        let mut submits = false;
        while let Some(id) = queue.pop() {
            let Some(s) = f.step(&id) else {
                continue;
            };
            if !seen.insert(id.clone()) {
                continue;
            }
            if matches!(s.kind, Kind::End { result: EndResult::Submitted }) {
                submits = true;
                break;
            }
            queue.extend(f.leads_to(s).into_iter().filter(|t| on_short(t)));
        }
        if !submits {
            self.err(
                &first_step.spans.id,
                Some(&first_step.id),
                "short-path-no-submit",
                "from here, through steps marked short = true (and the review), no way reaches an end with result = \"submitted\": mark the steps between, or lead the short path to the review".into(),
            );
        }
    }

    fn conditions(&mut self) {
        let f = self.flow;
        let before_consent = if f.step(&f.start).is_some() && self.graph_ok {
            self.reachable_from(&f.start, true)
        } else {
            BTreeSet::new()
        };
        for s in &f.steps {
            let refs = condition_refs(f, s);
            for (name, span) in &refs {
                let Some(target) = f.step(name) else {
                    self.err(
                        span,
                        Some(&s.id),
                        "unknown-answer",
                        format!("condition reads the answer to \"{name}\", which is not a step{}", self.suggest(name)),
                    );
                    continue;
                };
                if !target.kind.keeps_answer() && target.id != s.id {
                    self.err(
                        span,
                        Some(&s.id),
                        "type-mismatch",
                        format!("\"{name}\" is a {} step and has no answer to test", target.kind.name()),
                    );
                    continue;
                }
                if target.id != s.id && self.graph_ok {
                    if before_consent.contains(&target.id) {
                        self.err(span, Some(&s.id), "before-consent", format!("the answer to \"{name}\" comes before consent and is not kept; only \"{name}\" itself can branch on it"));
                        continue;
                    }
                    let after = self.reachable_from(&target.id, false);
                    if !after.contains(&s.id) {
                        self.err(
                            span,
                            Some(&s.id),
                            "later-answer",
                            format!("condition reads \"{name}\", which is never asked before this step (it comes later or on another path)"),
                        );
                        continue;
                    }
                    if let (Some(g), None) = (&target.group, &s.group) {
                        self.warn(span, Some(&s.id), "group-answer", format!("\"{name}\" is inside repeating group \"{g}\"; from outside it, the condition holds if any instance matches"));
                    }
                }
            }
            for b in &s.branches {
                self.types(s, &b.when, &refs);
            }
        }
    }

    fn types(&mut self, s: &Step, c: &Condition, refs: &[(String, Span)]) {
        let span_of = |name: &str| refs.iter().find(|(n, _)| n == name).map(|(_, sp)| sp.clone()).unwrap_or_default();
        let f = self.flow;
        let check_value = |this: &mut Self, answer: &str, v: &CondValue| {
            let Some(t) = f.step(answer) else { return };
            let options: Vec<String> = f.options_of(t).into_iter().map(|(v, _)| v).collect();
            let problem = match (&t.kind, v) {
                (Kind::Single | Kind::YesNo | Kind::Multi, CondValue::Str(x)) if !options.contains(x) => {
                    Some(format!("\"{x}\" is not an option of \"{answer}\" (options: {})", options.join(", ")))
                }
                (Kind::Jurisdiction, CondValue::Str(x)) if !crate::jurisdiction::is_code(x) => {
                    Some(format!("\"{x}\" is not a USPS code"))
                }
                (
                    Kind::Single | Kind::YesNo | Kind::Multi | Kind::Jurisdiction | Kind::Text { .. },
                    CondValue::Str(_),
                ) => None,
                (Kind::Number { .. }, CondValue::Num(_)) => None,
                (Kind::Date { .. }, CondValue::Date(_)) => None,
                (k, v) => {
                    Some(format!("\"{answer}\" is a {} step and cannot be compared with {}", k.name(), describe(v)))
                }
            };
            if let Some(p) = problem {
                let sp = span_of(answer);
                this.err(&sp, Some(&s.id), "type-mismatch", p);
            }
        };
        match c {
            Condition::Equals { answer, value } => check_value(self, answer, value),
            Condition::OneOf { answer, values } => values.iter().for_each(|v| check_value(self, answer, v)),
            Condition::Compare { answer, value, .. } => {
                if let Some(t) = f.step(answer) {
                    let ok = matches!(
                        (&t.kind, value),
                        (Kind::Number { .. }, CondValue::Num(_)) | (Kind::Date { .. }, CondValue::Date(_))
                    );
                    if !ok {
                        let sp = span_of(answer);
                        self.err(
                            &sp,
                            Some(&s.id),
                            "type-mismatch",
                            format!("\"{answer}\" is a {} step; gt/gte/lt/lte compare numbers with numbers and dates with dates", t.kind.name()),
                        );
                    }
                }
            }
            Condition::Includes { answer, value } => {
                if let Some(t) = f.step(answer) {
                    let sp = span_of(answer);
                    if t.kind != Kind::Multi {
                        self.err(
                            &sp,
                            Some(&s.id),
                            "type-mismatch",
                            format!(
                                "`includes` tests multiple-choice answers; \"{answer}\" is a {} step",
                                t.kind.name()
                            ),
                        );
                    } else if !t.options.iter().any(|o| &o.value == value) {
                        self.err(
                            &sp,
                            Some(&s.id),
                            "type-mismatch",
                            format!("\"{value}\" is not an option of \"{answer}\""),
                        );
                    }
                }
            }
            Condition::All(cs) | Condition::Any(cs) => cs.iter().for_each(|c| self.types(s, c, refs)),
            Condition::Not(c) => self.types(s, c, refs),
            Condition::Present { .. } | Condition::State { .. } => {}
            Condition::Instance(_) if s.group.is_none() => self.err(
                &s.spans.id,
                Some(&s.id),
                "instance-outside-group",
                "`instance = N` tests which instance of a repeating group is asked; this step is in no group, so it never holds".into(),
            ),
            Condition::Instance(_) => {}
        }
    }

    fn messages(&mut self) {
        let f = self.flow;
        let before_consent =
            if f.step(&f.start).is_some() { self.reachable_from(&f.start, true) } else { BTreeSet::new() };
        // (message id, span in the flow, step)
        let mut used: Vec<(String, Span, Option<String>)> = Vec::new();
        for s in &f.steps {
            used.push((s.prompt.clone(), s.spans.prompt.clone(), Some(s.id.clone())));
            if s.kind.keeps_answer() && !before_consent.contains(&s.id) {
                used.push((format!("{}.short", s.prompt), s.spans.prompt.clone(), Some(s.id.clone())));
            }
            if let Some(h) = &s.hint {
                used.push((h.clone(), s.spans.hint.clone(), Some(s.id.clone())));
            }
            if s.kind != Kind::Jurisdiction {
                for o in &s.options {
                    used.push((o.label.clone(), o.label_span.clone(), Some(s.id.clone())));
                }
            }
        }
        for g in f.groups.values() {
            used.push((g.label.clone(), g.span.clone(), None));
        }
        for lang in &f.languages {
            let Some(locale) = self.locales.get(lang) else {
                continue;
            };
            for (id, span, step) in &used {
                // A missing message is one problem, not two: skip its `.short` then.
                let base_missing = id.strip_suffix(".short").is_some_and(|b| !locale.defined.contains_key(b));
                if !locale.defined.contains_key(id) && !base_missing {
                    let what = if id.ends_with(".short") {
                        format!("message \"{}\" has no `.short` attribute in locale \"{lang}\" (the review and the attorney summary name the answer with it)", id.trim_end_matches(".short"))
                    } else {
                        format!("message \"{id}\" is missing from locale \"{lang}\" (locales/{lang}/*.ftl)")
                    };
                    self.err(span, step.as_deref(), "missing-message", what);
                }
            }
            let missing: Vec<&str> =
                CODE_MESSAGES.iter().copied().filter(|id| !locale.defined.contains_key(*id)).collect();
            if !missing.is_empty() {
                let path = std::path::PathBuf::from(format!("locales/{lang}"));
                self.diags.push(
                    Diagnostic::error(
                        &path,
                        (1, 1),
                        "missing-message",
                        format!("messages the program uses are missing: {}", missing.join(", ")),
                    )
                    .about(format!("locale \"{lang}\"")),
                );
            }
        }
    }
}

impl Checker<'_> {
    /// A lock-screen notification shows the first line of a message to anyone near the phone:
    /// in every language, the first line of every prompt, hint and program message a survivor is
    /// sent must carry none of the locale's `sensitive_words`, nor the organisation's name.
    fn first_lines(&mut self) {
        let f = self.flow;
        // message id -> the first step that shows it (None: the program's own messages).
        let mut shown: BTreeMap<&str, Option<&str>> = BTreeMap::new();
        for s in &f.steps {
            shown.entry(s.prompt.as_str()).or_insert(Some(s.id.as_str()));
            if let Some(h) = &s.hint {
                shown.entry(h.as_str()).or_insert(Some(s.id.as_str()));
            }
        }
        for id in CODE_MESSAGES.iter().filter(|id| !INNER_MESSAGES.contains(id)) {
            shown.entry(id).or_insert(None);
        }
        for lang in &f.languages {
            let Some(locale) = self.locales.get(lang) else {
                continue;
            };
            if locale.sensitive_words.is_empty() {
                self.diags.push(
                    Diagnostic::error(
                        &locale.meta_path,
                        (1, 1),
                        "no-sensitive-words",
                        "list the words a notification must not show, e.g. sensitive_words = [\"arrest*\", \"court*\", \"lawyer*\"]".to_string(),
                    )
                    .about(format!("locale \"{lang}\"")),
                );
            }
            for (id, step) in &shown {
                if let Some(d) = sensitive_first_line(locale, id, *step) {
                    self.diags.push(d);
                }
            }
        }
    }
}

/// The problem with message `id`'s first line in `locale`, if it has one.
fn sensitive_first_line(locale: &Locale, id: &str, step: Option<&str>) -> Option<Diagnostic> {
    let line = locale.first_line(id)?;
    let (what, needle) = match locale.sensitive_word(&line.text) {
        Some((entry, matched)) => {
            let first = matched.split(' ').next().unwrap_or_default().to_string();
            (format!("names \"{matched}\" (\"{entry}\" in sensitive_words)"), first)
        }
        None if line.names_org => ("names the organisation ({ $org })".to_string(), "$org".to_string()),
        None => return None,
    };
    let (path, def_line) = locale.defined.get(id.split('.').next().unwrap_or(id))?;
    let text = locale.sources.get(path).map(String::as_str).unwrap_or_default();
    let (line_no, col) = first_line_position(text, *def_line, &needle);
    let subject = match step {
        Some(s) => format!("message \"{id}\" (step \"{s}\"), locale \"{}\"", locale.code),
        None => format!("message \"{id}\", locale \"{}\"", locale.code),
    };
    Some(
        Diagnostic::error(
            path,
            (line_no, col),
            "sensitive-first-line",
            format!("the first line {what}, which a lock-screen notification shows to anyone near the phone; begin with a neutral line and say this on the next one"),
        )
        .about(subject)
        .with_source(text),
    )
}

/// Where the first line of the message defined at `def_line` (1-based) begins in `text`, and the
/// column of `needle` in it when it is there (columns count characters, from 1).
fn first_line_position(text: &str, def_line: usize, needle: &str) -> (usize, usize) {
    let mut lines = text.lines().enumerate().skip(def_line.saturating_sub(1));
    let Some((i, def)) = lines.next() else {
        return (def_line, 1);
    };
    let (line_no, src, start) = match def.split_once('=') {
        Some((before, after)) if !after.trim().is_empty() => {
            let skipped = after.chars().count() - after.trim_start().chars().count();
            (i + 1, def, before.chars().count() + 1 + skipped)
        }
        _ => match lines.find(|(_, l)| !l.trim().is_empty()) {
            Some((j, l)) => (j + 1, l, l.chars().count() - l.trim_start().chars().count()),
            None => return (def_line, 1),
        },
    };
    let needle = needle.to_lowercase();
    let at = src
        .char_indices()
        .map(|(b, _)| b)
        .enumerate()
        .skip(start)
        .find(|(_, b)| src.get(*b..).is_some_and(|rest| rest.to_lowercase().starts_with(&needle)))
        .map(|(chars, _)| chars);
    (line_no, at.unwrap_or(start) + 1)
}

fn describe(v: &CondValue) -> &'static str {
    match v {
        CondValue::Str(_) => "a text",
        CondValue::Num(_) => "a number",
        CondValue::Bool(_) => "true/false",
        CondValue::Date(_) => "a date",
    }
}

// Every index below is within the vectors' lengths by construction (1..=len, minus one).
#[allow(clippy::indexing_slicing)]
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            cur[j] = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
        }
        prev = cur;
    }
    prev[b.len()]
}
