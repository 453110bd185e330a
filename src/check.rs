//! `clearpath check`: everything an admin can edit, checked at once (the settings file, flows,
//! locales, rules, the flows against the rules, the flow tests), every problem printed with its
//! file, line and column and how to fix it; and `locales check` / `locales stamp`.

use crate::cli::exit;
use crate::config::{Flags, Settings};
use crate::diag::{Diagnostic, Severity};
use crate::flow::Flow;
use crate::locale::Locales;
use anyhow::{bail, Context};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// One area's result, for the summary table.
struct Area {
    name: &'static str,
    detail: String,
    errors: usize,
    warnings: usize,
}

fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.severity == Severity::Error).count();
    (errors, diags.len() - errors)
}

/// A settings file problem as a diagnostic pointing into the file.
fn settings_diag(e: &crate::config::SettingsError, flags: &Flags) -> Diagnostic {
    use crate::config::{ConfigError, SettingsError};
    let file = flags.config.clone().unwrap_or_else(|| PathBuf::from("(settings)"));
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    match e {
        SettingsError::Config(ConfigError::Parse { path, line, col, message }) => {
            Diagnostic::error(path, (*line, *col), "config-syntax", message.clone())
                .with_source(&text)
                .help("the settings, their form and ranges: README, \"Settings\", and clearpath.example.toml")
        }
        SettingsError::Config(ConfigError::Invalid { path, setting, message }) => {
            let key = setting.rsplit('.').next().unwrap_or(setting);
            let line = text.lines().position(|l| l.trim_start().starts_with(key)).map(|i| i + 1).unwrap_or(1);
            Diagnostic::error(path, (line, 1), "config-invalid", format!("`{setting}` {message}"))
                .with_source(&text)
                .help("the settings, their form and ranges: README, \"Settings\", and clearpath.example.toml")
        }
        SettingsError::Config(ConfigError::Read(path, err)) => {
            Diagnostic::error(path, (1, 1), "config-unreadable", format!("cannot read the settings file: {err}"))
                .help("check the path given with --config or CLEARPATH_CONFIG, and that the file can be read")
        }
        other => Diagnostic::error(&file, (1, 1), "config-invalid", format!("{other:#}")),
    }
}

/// The webhook's secret file, when one is named: readable by the bot's user only, and a secret
/// Telegram takes (never shown).
fn webhook_secret_diag(s: &Settings) -> Option<Diagnostic> {
    let path = s.config.webhook.secret_token_file.as_deref()?;
    let e = crate::config::read_webhook_secret(path).err()?;
    let file = s.file.clone().unwrap_or_else(|| PathBuf::from("(settings)"));
    let text = std::fs::read_to_string(&file).unwrap_or_default();
    let line = text.lines().position(|l| l.trim_start().starts_with("secret_token_file")).map(|i| i + 1).unwrap_or(1);
    Some(
        Diagnostic::error(&file, (line, 1), "config-invalid", format!("`webhook.secret_token_file`: {e:#}"))
            .with_source(&text)
            .help("docs/deploy.md, \"Webhook mode\": the secret file and its mode"),
    )
}

/// The jurisdictions a flow offers as buttons must have rules: else every case there screens as
/// "needs review" with nothing to go on.
fn flow_against_rules(flow: &Flow, rules: &crate::rules::Rules) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    for step in flow.steps.iter().filter(|s| s.kind == crate::flow::Kind::Jurisdiction) {
        for o in &step.options {
            if !rules.by_code.contains_key(&o.value) {
                let pos = flow.source.line_col(o.span.start);
                diags.push(
                    Diagnostic::error(
                        &flow.source.path,
                        pos,
                        "no-rules",
                        format!("jurisdiction \"{}\" is offered, but rules/ has no {}.toml", o.value, o.value),
                    )
                    .about(format!("step \"{}\"", step.id))
                    .with_source(&flow.source.text)
                    .help("offer a jurisdiction that has a rules file, or add the file (rules/README.md)"),
                );
            }
        }
    }
    diags
}

/// Flows, locales and rules read and checked in full, the flow tests run on them: what `check`
/// prints, and what a reload of the running bot must pass (`crate::reload`).
pub(crate) struct Gathered {
    pub flows: Vec<Flow>,
    pub locales: Locales,
    pub rules: crate::rules::Rules,
    pub diags: Vec<Diagnostic>,
    areas: Vec<Area>,
}

impl Gathered {
    /// Each area's name, errors and warnings, as `check` sums them up.
    pub(crate) fn summary(&self) -> impl Iterator<Item = (&'static str, usize, usize)> + '_ {
        self.areas.iter().map(|a| (a.name, a.errors, a.warnings))
    }
}

pub(crate) fn gather(
    flows_dir: Option<&Path>,
    locales_dir: Option<&Path>,
    rules_dir: Option<&Path>,
) -> anyhow::Result<Gathered> {
    let mut all = Vec::new();
    let mut areas = Vec::new();
    let locales_tree = crate::data::resolve(locales_dir, "locales");
    let (locales, locale_load) = Locales::load(&locales_tree);

    let flows_tree = crate::data::resolve(flows_dir, "flows");
    let files = flows_tree.files("", "toml").with_context(|| format!("reading {}", flows_tree.describe()))?;
    let mut flow_diags = Vec::new();
    let mut flows = Vec::new();
    for (rel, text) in &files {
        let (flow, load) = crate::flow::load_str(&flows_tree.display_path(rel), text);
        let loaded = !crate::diag::has_errors(&load);
        flow_diags.extend(load);
        if loaded || !flow.steps.is_empty() {
            flow_diags.extend(crate::flow::check::check(&flow, &locales));
        }
        if loaded {
            flows.push(flow);
        }
    }
    if files.is_empty() {
        flow_diags.push(
            Diagnostic::error(
                &flows_tree.display_path(Path::new("")),
                (1, 1),
                "no-flows",
                "no flow files (*.toml) here",
            )
            .help("the intake is flows/intake.toml; point --flows (or CLEARPATH_FLOWS) at the directory that holds it"),
        );
    }
    let (e, w) = count(&flow_diags);
    areas.push(Area { name: "flows", detail: flows_tree.describe(), errors: e, warnings: w });
    all.extend(flow_diags);

    // What `flows check` already reports missing is not reported again.
    let mut skip: BTreeSet<String> = crate::locale::CODE_MESSAGES.iter().map(|s| s.to_string()).collect();
    for f in &flows {
        skip.extend(crate::locale_check::used_by_flow(f).into_iter().filter(|id| !id.contains('.')));
    }
    let flow_refs: Vec<&Flow> = flows.iter().collect();
    let mut locale_diags = locale_load;
    locale_diags.extend(crate::locale_check::check(&locales, &flow_refs, &skip));
    let (e, w) = count(&locale_diags);
    areas.push(Area {
        name: "locales",
        detail: format!("{} ({})", locales_tree.describe(), locales.codes().join(", ")),
        errors: e,
        warnings: w,
    });
    all.extend(locale_diags);

    let (rules, mut rule_diags) = crate::cli::load_rules_checked(rules_dir);
    for f in &flows {
        rule_diags.extend(flow_against_rules(f, &rules));
    }
    let (e, w) = count(&rule_diags);
    areas.push(Area {
        name: "rules",
        detail: format!("{} jurisdictions", rules.by_code.len()),
        errors: e,
        warnings: w,
    });
    all.extend(rule_diags);

    // The test files are always read; the tests run only on data that is otherwise valid.
    let runnable = !crate::diag::has_errors(&all);
    let test_diags = match flows.iter().find(|f| f.id == "intake").or(flows.first()) {
        Some(flow) => flow_tests(flow, &locales, &rules, &flows_tree, runnable),
        None => vec![],
    };
    let (e, w) = count(&test_diags);
    let detail = if runnable { String::new() } else { "not run: fix the errors above first".to_string() };
    areas.push(Area { name: "flow tests", detail, errors: e, warnings: w });
    all.extend(test_diags);

    Ok(Gathered { flows, locales, rules, diags: all, areas })
}

/// `clearpath check`.
pub fn check(flags: &Flags) -> anyhow::Result<ExitCode> {
    let mut all = Vec::new();
    let mut areas = Vec::new();

    let settings = Settings::load(flags, &crate::config::process_env);
    let (flows_dir, locales_dir, rules_dir) = match &settings {
        Ok(s) => {
            let detail = match &s.file {
                Some(p) => format!("{}", p.display()),
                None => "no settings file (defaults)".to_string(),
            };
            let secret = webhook_secret_diag(s);
            let errors = usize::from(secret.is_some());
            all.extend(secret);
            areas.push(Area { name: "settings", detail, errors, warnings: 0 });
            (s.flows.clone(), s.locales.clone(), s.rules.clone())
        }
        Err(e) => {
            all.push(settings_diag(e, flags));
            areas.push(Area { name: "settings", detail: "invalid".into(), errors: 1, warnings: 0 });
            (flags.flows.clone(), flags.locales.clone(), flags.rules.clone())
        }
    };

    let g = gather(flows_dir.as_deref(), locales_dir.as_deref(), rules_dir.as_deref())?;
    all.extend(g.diags);
    areas.extend(g.areas);
    crate::diag::sort(&mut all);
    let mut seen = std::collections::HashSet::new();
    all.retain(|d| seen.insert(d.headline()));
    for d in &all {
        println!("{d}");
    }
    for a in &areas {
        let verdict = match (a.errors, a.warnings) {
            (0, 0) if a.name == "flow tests" && !a.detail.is_empty() => "not run".to_string(),
            (0, 0) => "ok".to_string(),
            (0, w) => format!("ok, {w} warning(s)"),
            (e, w) => format!("{e} error(s), {w} warning(s)"),
        };
        let detail = match a.detail.as_str() {
            "" => String::new(),
            d if d.starts_with("not run") && verdict == "not run" => {
                format!(" ({})", d.trim_start_matches("not run: "))
            }
            d if d.starts_with("not run") => "  (the tests were not run: fix the errors above first)".to_string(),
            d => format!("  ({d})"),
        };
        println!("{:<11} {verdict}{detail}", a.name);
    }
    let (errors, warnings) = count(&all);
    if errors == 0 {
        println!("check: ok ({warnings} warning(s)): safe to deploy");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("check: {errors} error(s), {warnings} warning(s): fix the errors before this goes live");
        Ok(ExitCode::from(exit::INVALID))
    }
}

/// The flow tests as diagnostics: a failure is an error at its line; what they do not cover, one
/// warning.
fn flow_tests(
    flow: &Flow,
    locales: &Locales,
    rules: &crate::rules::Rules,
    tree: &crate::data::Tree,
    run: bool,
) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let Ok(files) = tree.files("tests", "toml") else {
        return diags;
    };
    let today = crate::clock::now().to_zoned(jiff::tz::TimeZone::UTC).date();
    let env = crate::flowtest::Env { flow, locales, rules, today };
    let mut walked = crate::flowtest::Walked::default();
    for (rel, text) in &files {
        let path = tree.display_path(rel);
        match crate::flowtest::parse(&path, text) {
            Err(d) => diags.extend(d),
            Ok(_) if !run => {}
            Ok(spec) => {
                let out = crate::flowtest::run(&spec, &env);
                walked.merge(&out.walked);
                for f in &out.failures {
                    let col = text
                        .lines()
                        .nth(f.line.saturating_sub(1))
                        .map(|l| l.len() - l.trim_start().len() + 1)
                        .unwrap_or(1);
                    diags.push(
                        Diagnostic::error(
                            &path,
                            (f.line, col),
                            "flow-test",
                            format!(
                                "{}: expected {}, got {}",
                                f.what,
                                f.expected,
                                f.actual.lines().next().unwrap_or("")
                            ),
                        )
                        .about(format!("test \"{}\"", spec.description))
                        .with_source(text)
                        .help("`clearpath flows test` shows the conversation up to there; change the test or the flow"),
                    );
                }
            }
        }
    }
    let gaps = crate::flowtest::coverage(flow, &walked).into_iter().filter(|i| !i.covered).count();
    if !run {
        return diags;
    }
    if files.is_empty() {
        diags.push(
            Diagnostic::warning(
                &flow.source.path,
                (1, 1),
                "no-flow-tests",
                "no flow tests (flows/tests/*.toml): nothing checks that the flow still does what you mean",
            )
            .help("write one: docs/flows.md, \"Flow tests\""),
        );
    } else if gaps > 0 {
        diags.push(
            Diagnostic::warning(
                &flow.source.path,
                (1, 1),
                "coverage",
                format!("{gaps} part(s) of the flow no flow test walks"),
            )
            .help("`clearpath flows test --coverage` lists them"),
        );
    }
    diags
}

/// `locales check`: every translation against English.
pub fn locales_check(locales_dir: Option<&Path>, flows_dir: Option<&Path>) -> anyhow::Result<ExitCode> {
    let locales_tree = crate::data::resolve(locales_dir, "locales");
    let (locales, mut diags) = Locales::load(&locales_tree);
    let flows_tree = crate::data::resolve(flows_dir, "flows");
    let mut flows = Vec::new();
    for (rel, text) in flows_tree.files("", "toml").with_context(|| format!("reading {}", flows_tree.describe()))? {
        let (flow, load) = crate::flow::load_str(&flows_tree.display_path(&rel), &text);
        if !crate::diag::has_errors(&load) {
            flows.push(flow);
        }
    }
    let refs: Vec<&Flow> = flows.iter().collect();
    diags.extend(crate::locale_check::check(&locales, &refs, &BTreeSet::new()));
    crate::diag::sort(&mut diags);
    for d in &diags {
        println!("{d}");
    }
    let (errors, warnings) = count(&diags);
    let summary = format!("{} ({})", locales_tree.describe(), locales.codes().join(", "));
    if errors == 0 {
        println!("ok: {summary}, {warnings} warning(s)");
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{errors} error(s), {warnings} warning(s) in {summary}");
        Ok(ExitCode::from(exit::INVALID))
    }
}

/// `locales stamp LANG [MESSAGE]`: records, in `locales/LANG/locale.toml`, that the translation
/// of each message (or one) matches the English as it is now.
pub fn locales_stamp(locales_dir: Option<&Path>, lang: &str, message: Option<&str>) -> anyhow::Result<ExitCode> {
    let dir = match locales_dir {
        Some(d) => d.to_path_buf(),
        None if Path::new("locales").is_dir() => PathBuf::from("locales"),
        None => {
            bail!("no locales directory here: stamping writes into locales/{lang}/locale.toml (give --locales DIR)")
        }
    };
    if lang == crate::locale::FALLBACK {
        bail!("English is the source language: translations are stamped against it, not it");
    }
    let (locales, diags) = Locales::load(&crate::data::read_dir(&dir));
    if crate::diag::has_errors(&diags) {
        for d in diags.iter().filter(|d| d.severity == Severity::Error) {
            eprintln!("{d}");
        }
        bail!("the locales have errors: fix them before stamping");
    }
    if locales.get(lang).is_none() {
        bail!("no locale \"{lang}\" in {} (have: {})", dir.display(), locales.codes().join(", "));
    }
    let stamps = crate::locale_check::stamps(&locales, lang, message);
    if stamps.is_empty() {
        bail!(
            "nothing to stamp: {}",
            message.map(|m| format!("\"{m}\" is not a message of {lang} and English")).unwrap_or_default()
        );
    }
    let path = dir.join(lang).join("locale.toml");
    let text = std::fs::read_to_string(&path).with_context(|| format!("reading {}", path.display()))?;
    let mut doc: toml_edit::DocumentMut = text.parse().with_context(|| format!("reading {}", path.display()))?;
    let table = doc.entry("sources").or_insert_with(|| {
        let mut t = toml_edit::Table::new();
        t.decor_mut().set_prefix(
            "\n# The English text each translation was made from (a hash of it), written by\n# `clearpath locales stamp`. `locales check` warns when the English has changed since.\n",
        );
        toml_edit::Item::Table(t)
    });
    let Some(table) = table.as_table_mut() else {
        bail!("{}: `sources` must be a table", path.display());
    };
    for (id, hash) in &stamps {
        table.insert(id, toml_edit::value(hash.as_str()));
    }
    table.sort_values();
    std::fs::write(&path, doc.to_string()).with_context(|| format!("writing {}", path.display()))?;
    println!("stamped {} message(s) of {lang} against the English now, in {}", stamps.len(), path.display());
    Ok(ExitCode::SUCCESS)
}
