//! Parsing a flow file into a [`Flow`], with every problem reported at its source position.

use super::*;
use crate::diag::Diagnostic;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    flow: Spanned<RawHeader>,
    #[serde(default)]
    groups: BTreeMap<String, Spanned<RawGroup>>,
    #[serde(default, rename = "step")]
    steps: Vec<Spanned<RawStep>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    id: Spanned<String>,
    start: Spanned<String>,
    languages: Spanned<Vec<String>>,
    #[serde(default)]
    contact_needs: Option<Spanned<Vec<String>>>,
    #[serde(default)]
    #[allow(dead_code)]
    description: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    start: Spanned<String>,
    label: Spanned<String>,
    #[serde(default)]
    max: Option<u32>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStep {
    id: Spanned<String>,
    kind: Spanned<String>,
    prompt: Spanned<String>,
    #[serde(default)]
    hint: Option<Spanned<String>>,
    #[serde(default)]
    group: Option<Spanned<String>>,
    #[serde(default)]
    options: Vec<Spanned<RawOption>>,
    #[serde(default)]
    next: Option<Spanned<String>>,
    #[serde(default)]
    branch: Vec<Spanned<RawBranch>>,
    #[serde(default)]
    skippable: bool,
    #[serde(default)]
    short: bool,
    #[serde(default)]
    prefer_not: bool,
    #[serde(default)]
    dont_know: bool,
    #[serde(default)]
    max_len: Option<Spanned<u32>>,
    #[serde(default)]
    min: Option<i64>,
    #[serde(default)]
    max: Option<i64>,
    #[serde(default)]
    when: Option<Spanned<String>>,
    #[serde(default)]
    decline: Option<Spanned<String>>,
    #[serde(default)]
    send: Option<Spanned<String>>,
    #[serde(default)]
    result: Option<Spanned<String>>,
    #[serde(default)]
    field: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOption {
    value: Spanned<String>,
    /// Optional only on jurisdiction steps, which name states themselves.
    #[serde(default)]
    label: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBranch {
    when: Spanned<RawCond>,
    goto: Spanned<String>,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawCond {
    answer: Option<Spanned<String>>,
    equals: Option<Spanned<toml::Value>>,
    one_of: Option<Spanned<Vec<toml::Value>>>,
    present: Option<bool>,
    state: Option<Spanned<String>>,
    gt: Option<Spanned<toml::Value>>,
    gte: Option<Spanned<toml::Value>>,
    lt: Option<Spanned<toml::Value>>,
    lte: Option<Spanned<toml::Value>>,
    includes: Option<Spanned<String>>,
    instance: Option<Spanned<i64>>,
    all: Option<Vec<Spanned<RawCond>>>,
    any: Option<Vec<Spanned<RawCond>>>,
    not: Option<Box<Spanned<RawCond>>>,
}

/// Parses a flow. Always returns a flow (possibly empty) and every problem found while loading;
/// `check` finds the rest.
pub fn load_str(path: &Path, text: &str) -> (Flow, Vec<Diagnostic>) {
    let mut source = Source { path: path.to_path_buf(), text: text.to_string(), ..Default::default() };
    let mut diags = Vec::new();
    let err = |diags: &mut Vec<Diagnostic>, source: &Source, span: &Span, code, msg: String, subject: Option<&str>| {
        let mut d = Diagnostic::error(&source.path, source.line_col(span.start), code, msg).with_source(&source.text);
        if let Some(s) = subject {
            d = d.about(format!("step \"{s}\""));
        }
        diags.push(d);
    };

    let raw: RawFile = match toml::from_str(text) {
        Ok(r) => r,
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            err(&mut diags, &source, &span, "syntax", e.message().trim().to_string(), None);
            let mut flow = empty_flow(source);
            flow.reindex();
            return (flow, diags);
        }
    };

    let header = raw.flow.get_ref();
    source.header_span = raw.flow.span();
    source.start_span = header.start.span();
    source.languages_span = header.languages.span();
    source.contact_needs_span = header.contact_needs.as_ref().map(|c| c.span()).unwrap_or(source.header_span.clone());

    let mut groups = BTreeMap::new();
    for (id, g) in &raw.groups {
        let gr = g.get_ref();
        groups.insert(
            id.clone(),
            Group {
                id: id.clone(),
                start: gr.start.get_ref().clone(),
                label: gr.label.get_ref().clone(),
                max: gr.max.unwrap_or(30),
                span: g.span(),
            },
        );
    }

    let mut steps = Vec::new();
    for s in &raw.steps {
        let rs = s.get_ref();
        let id = rs.id.get_ref().clone();
        let mut spans = StepSpans {
            whole: s.span(),
            id: rs.id.span(),
            kind: rs.kind.span(),
            prompt: rs.prompt.span(),
            hint: rs.hint.as_ref().map(|h| h.span()).unwrap_or_default(),
            next: rs.next.as_ref().map(|n| n.span()).unwrap_or_default(),
            group: rs.group.as_ref().map(|n| n.span()).unwrap_or_default(),
            field: rs.field.as_ref().map(|n| n.span()).unwrap_or_default(),
            extra: 0..0,
        };
        // The required setting naming where a kind leads besides `next` (a consent's `decline`, a
        // checkpoint's `send`): its target, with its place in the source, or a diagnostic.
        let mut required_target =
            |setting: &Option<Spanned<String>>, diags: &mut Vec<Diagnostic>, missing: &str| match setting {
                Some(d) => {
                    spans.extra = d.span();
                    Target::parse(d.get_ref())
                }
                None => {
                    err(diags, &source, &rs.kind.span(), "missing-field", missing.to_string(), Some(&id));
                    Target::Step(String::new())
                }
            };
        let kind = match rs.kind.get_ref().as_str() {
            "language" => Kind::Language,
            "single" => Kind::Single,
            "multi" => Kind::Multi,
            "yes_no" => Kind::YesNo,
            "text" => Kind::Text { max_len: rs.max_len.as_ref().map(|m| *m.get_ref()).unwrap_or(500) },
            "number" => Kind::Number { min: rs.min, max: rs.max },
            "date" => {
                let when = match rs.when.as_ref().map(|w| w.get_ref().as_str()) {
                    None | Some("past") => When::Past,
                    Some("future") => When::Future,
                    Some("any") => When::Any,
                    Some(other) => {
                        let span = rs.when.as_ref().map(|w| w.span()).unwrap_or_default();
                        err(
                            &mut diags,
                            &source,
                            &span,
                            "bad-value",
                            format!("`when` must be \"past\", \"future\" or \"any\", not \"{other}\""),
                            Some(&id),
                        );
                        When::Past
                    }
                };
                Kind::Date { when }
            }
            "jurisdiction" => Kind::Jurisdiction,
            "consent" => Kind::Consent {
                decline: required_target(
                    &rs.decline,
                    &mut diags,
                    "a consent step needs `decline = \"<step>\"`: where to go when the person does not agree",
                ),
            },
            "resume_code" => Kind::ResumeCode,
            "info" => Kind::Info,
            "review" => Kind::Review,
            "checkpoint" => Kind::Checkpoint {
                send: required_target(
                    &rs.send,
                    &mut diags,
                    "a checkpoint step needs `send = \"<step>\"`: the end (result = \"submitted\") that sending now reaches",
                ),
            },
            "end" => {
                let result = match rs.result.as_ref().map(|r| r.get_ref().as_str()) {
                    None | Some("submitted") => EndResult::Submitted,
                    Some("paused") => EndResult::Paused,
                    Some("declined") => EndResult::Declined,
                    Some(other) => {
                        let span = rs.result.as_ref().map(|w| w.span()).unwrap_or_default();
                        err(
                            &mut diags,
                            &source,
                            &span,
                            "bad-value",
                            format!("`result` must be \"submitted\", \"paused\" or \"declined\", not \"{other}\""),
                            Some(&id),
                        );
                        EndResult::Submitted
                    }
                };
                Kind::End { result }
            }
            other => {
                err(
                    &mut diags,
                    &source,
                    &rs.kind.span(),
                    "unknown-kind",
                    format!("unknown kind \"{other}\"; use one of: language, single, multi, yes_no, text, number, date, jurisdiction, consent, resume_code, info, review, end"),
                    Some(&id),
                );
                Kind::Info
            }
        };
        let options = rs
            .options
            .iter()
            .map(|o| Choice {
                value: o.get_ref().value.get_ref().clone(),
                label: o.get_ref().label.as_ref().map(|l| l.get_ref().clone()).unwrap_or_default(),
                span: o.get_ref().value.span(),
                label_span: o.get_ref().label.as_ref().map(|l| l.span()).unwrap_or_else(|| o.span()),
            })
            .collect();
        let mut branches = Vec::new();
        for b in &rs.branch {
            let rb = b.get_ref();
            match compile_cond(&rb.when) {
                Ok(when) => branches.push(Branch {
                    when,
                    goto: Target::parse(rb.goto.get_ref()),
                    span: rb.when.span(),
                    goto_span: rb.goto.span(),
                }),
                Err((span, msg)) => err(&mut diags, &source, &span, "bad-condition", msg, Some(&id)),
            }
        }
        steps.push(Step {
            id: id.clone(),
            kind,
            prompt: rs.prompt.get_ref().clone(),
            hint: rs.hint.as_ref().map(|h| h.get_ref().clone()),
            group: rs.group.as_ref().map(|g| g.get_ref().clone()),
            options,
            next: rs.next.as_ref().map(|n| Target::parse(n.get_ref())),
            branches,
            skippable: rs.skippable,
            short: rs.short,
            prefer_not: rs.prefer_not,
            dont_know: rs.dont_know,
            field: rs.field.as_ref().map(|f| f.get_ref().clone()),
            spans,
        });
    }

    let mut flow = Flow {
        id: header.id.get_ref().clone(),
        start: header.start.get_ref().clone(),
        languages: header.languages.get_ref().clone(),
        contact_needs: header.contact_needs.as_ref().map(|c| c.get_ref().clone()).unwrap_or_default(),
        groups,
        steps,
        hash: String::new(),
        index: HashMap::new(),
        source,
    };
    flow.reindex();
    (flow, diags)
}

fn empty_flow(source: Source) -> Flow {
    Flow {
        id: String::new(),
        start: String::new(),
        languages: Vec::new(),
        contact_needs: Vec::new(),
        groups: BTreeMap::new(),
        steps: Vec::new(),
        hash: String::new(),
        index: HashMap::new(),
        source,
    }
}

fn value_of(v: &toml::Value) -> Option<CondValue> {
    match v {
        toml::Value::String(s) => Some(CondValue::Str(s.clone())),
        toml::Value::Integer(i) => Some(CondValue::Num(*i)),
        toml::Value::Boolean(b) => Some(CondValue::Bool(*b)),
        _ => None,
    }
}

/// Compiles a condition table. A condition is either a combinator (`all`, `any`, `not`) or
/// `answer = "<step>"` with exactly one test.
fn compile_cond(c: &Spanned<RawCond>) -> Result<Condition, (Span, String)> {
    let r = c.get_ref();
    if let Some(all) = &r.all {
        return Ok(Condition::All(all.iter().map(compile_cond).collect::<Result<_, _>>()?));
    }
    if let Some(any) = &r.any {
        return Ok(Condition::Any(any.iter().map(compile_cond).collect::<Result<_, _>>()?));
    }
    if let Some(not) = &r.not {
        return Ok(Condition::Not(Box::new(compile_cond(not)?)));
    }
    if let Some(n) = &r.instance {
        if r.answer.is_some() {
            return Err((c.span(), "`instance = N` is a test on its own: it takes no `answer`".to_string()));
        }
        return match u32::try_from(*n.get_ref()) {
            Ok(v) if v >= 1 => Ok(Condition::Instance(v)),
            _ => Err((n.span(), "`instance` counts from 1 (the first case is instance 1)".to_string())),
        };
    }
    let answer = r.answer.as_ref().ok_or_else(|| {
        (c.span(), "a condition needs `answer = \"<step id>\"` (or `all`, `any`, `not`, `instance`)".to_string())
    })?;
    let a = answer.get_ref().clone();
    let tests = [
        r.equals.is_some(),
        r.one_of.is_some(),
        r.present.is_some(),
        r.state.is_some(),
        r.gt.is_some(),
        r.gte.is_some(),
        r.lt.is_some(),
        r.lte.is_some(),
        r.includes.is_some(),
    ]
    .iter()
    .filter(|x| **x)
    .count();
    if tests != 1 {
        return Err((
            c.span(),
            "a condition needs exactly one test: equals, one_of, present, state, gt, gte, lt, lte or includes"
                .to_string(),
        ));
    }
    let bad_value = |s: &Spanned<toml::Value>| {
        (s.span(), "compare with a text, a whole number or a date written as text (\"2014-06\")".to_string())
    };
    if let Some(v) = &r.equals {
        return Ok(Condition::Equals { answer: a, value: value_of(v.get_ref()).ok_or_else(|| bad_value(v))? });
    }
    if let Some(vs) = &r.one_of {
        let values = vs
            .get_ref()
            .iter()
            .map(value_of)
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| (vs.span(), "one_of takes a list of texts or numbers".to_string()))?;
        return Ok(Condition::OneOf { answer: a, values });
    }
    if let Some(p) = r.present {
        return Ok(Condition::Present { answer: a, present: p });
    }
    if let Some(s) = &r.state {
        let st = s.get_ref().as_str();
        if !["answered", "prefer_not", "dont_know", "skipped", "unasked"].contains(&st) {
            return Err((
                s.span(),
                format!("state must be answered, prefer_not, dont_know, skipped or unasked, not \"{st}\""),
            ));
        }
        return Ok(Condition::State { answer: a, state: st.to_string() });
    }
    if let Some(v) = &r.includes {
        return Ok(Condition::Includes { answer: a, value: v.get_ref().clone() });
    }
    let (op, v) = if let Some(v) = &r.gt {
        (CompareOp::Gt, v)
    } else if let Some(v) = &r.gte {
        (CompareOp::Gte, v)
    } else if let Some(v) = &r.lt {
        (CompareOp::Lt, v)
    } else if let Some(v) = &r.lte {
        (CompareOp::Lte, v)
    } else {
        return Err((
            c.span(),
            "a condition needs exactly one test: equals, one_of, present, state, gt, gte, lt, lte or includes"
                .to_string(),
        ));
    };
    let value = match v.get_ref() {
        toml::Value::Integer(i) => CondValue::Num(*i),
        toml::Value::String(s) => CondValue::Date(PartialDate::from_iso(s).ok_or_else(|| {
            (v.span(), format!("\"{s}\" is not a date: write it as \"2014\", \"2014-06\" or \"2014-06-30\""))
        })?),
        _ => return Err(bad_value(v)),
    };
    Ok(Condition::Compare { answer: a, op, value })
}

/// Spans of every answer reference in a step's conditions, in source order. The checker uses
/// these to point at the exact reference that is wrong.
pub fn condition_refs(flow: &Flow, step: &Step) -> Vec<(String, Span)> {
    let text = &flow.source.text;
    let mut out = Vec::new();
    for b in &step.branches {
        let mut names = Vec::new();
        b.when.references(&mut names);
        let region = &text.get(b.span.clone()).unwrap_or("");
        let mut from = 0;
        for name in names {
            // Find `answer = "name"` inside the branch's source to point at it precisely.
            let needle = format!("\"{name}\"");
            let at = region[from..].find(&needle).map(|i| i + from);
            let span = match at {
                Some(i) => {
                    from = i + needle.len();
                    (b.span.start + i)..(b.span.start + i + needle.len())
                }
                None => b.span.clone(),
            };
            out.push((name, span));
        }
    }
    out
}
