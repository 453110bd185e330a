//! The admins' tools for changing the intake safely: `flows test` (their conversations, with
//! `--coverage`) and `flows paths`. The work is the core's (`flowtest`, `flow::paths`); this reads
//! the files and prints.

use crate::cli::exit;
use crate::diag::has_errors;
use crate::flow::Flow;
use crate::flowtest::{self, ItemKind, Spec};
use crate::locale::Locales;
use crate::rules::Rules;
use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the files come from: each a directory, or the working directory's, or the built-in copy.
pub struct Sources<'a> {
    pub flows: Option<&'a Path>,
    pub locales: Option<&'a Path>,
    pub rules: Option<&'a Path>,
}

struct Loaded {
    flow: Flow,
    locales: Locales,
    rules: Rules,
    tests: Vec<(PathBuf, String)>,
}

fn load(src: &Sources<'_>) -> anyhow::Result<Loaded> {
    let (path, text) = crate::cli::flow_file(src.flows, "intake")?;
    let (flow, mut diags) = crate::flow::load_str(&path, &text);
    let (locales, locale_diags) = Locales::load(&crate::data::resolve(src.locales, "locales"));
    diags.extend(locale_diags);
    diags.extend(crate::flow::check::check(&flow, &locales));
    let (rules, rule_diags) = Rules::load(&crate::data::resolve(src.rules, "rules"));
    diags.extend(rule_diags);
    if has_errors(&diags) {
        for d in diags.iter().filter(|d| d.severity == crate::diag::Severity::Error) {
            eprintln!("{d}");
        }
        bail!("the flow, locales or rules have errors: fix them first (`clearpath check`)");
    }
    let tree = match src.flows.filter(|p| p.is_file()) {
        Some(file) => crate::data::read_dir(file.parent().unwrap_or(Path::new("."))),
        None => crate::data::resolve(src.flows, "flows"),
    };
    let tests = tree
        .files("tests", "toml")
        .with_context(|| format!("reading {}", tree.describe()))?
        .into_iter()
        .map(|(rel, text)| (tree.display_path(&rel), text))
        .collect();
    Ok(Loaded { flow, locales, rules, tests })
}

fn today(date: Option<&str>) -> anyhow::Result<jiff::civil::Date> {
    match date {
        Some(d) => jiff::civil::Date::strptime("%Y-%m-%d", d).with_context(|| format!("--date {d}: use YYYY-MM-DD")),
        None => Ok(crate::clock::now().to_zoned(jiff::tz::TimeZone::UTC).date()),
    }
}

/// Runs every flow test; prints each result, failures as diffs; with `coverage`, what they walk
/// of the flow, failing below full coverage.
pub fn flows_test(src: &Sources<'_>, coverage: bool, date: Option<&str>) -> anyhow::Result<ExitCode> {
    let loaded = load(src)?;
    let env = flowtest::Env { flow: &loaded.flow, locales: &loaded.locales, rules: &loaded.rules, today: today(date)? };
    if loaded.tests.is_empty() {
        println!("no flow tests: write them as flows/tests/*.toml (docs/flows.md, \"Flow tests\")");
        return Ok(ExitCode::from(exit::INVALID));
    }
    let (mut passed, mut failed) = (0, 0);
    let mut walked = flowtest::Walked::default();
    for (path, text) in &loaded.tests {
        let spec: Spec = match flowtest::parse(path, text) {
            Ok(s) => s,
            Err(diags) => {
                failed += 1;
                println!("FAILED {}: the test file has errors", path.display());
                for d in &diags {
                    println!("{d}");
                }
                continue;
            }
        };
        let outcome = flowtest::run(&spec, &env);
        walked.merge(&outcome.walked);
        if outcome.passed() {
            passed += 1;
            println!("ok     {}: {}", path.display(), spec.description);
        } else {
            failed += 1;
            print!("{}", flowtest::describe_failure(&spec, &outcome));
        }
    }
    println!("{} flow test(s): {passed} passed, {failed} failed", passed + failed);
    let mut full = true;
    if coverage {
        println!();
        print_paths(&loaded.flow, 2);
        full = print_coverage(&loaded.flow, &walked, passed + failed);
    }
    Ok(if failed == 0 && full { ExitCode::SUCCESS } else { ExitCode::from(exit::INVALID) })
}

/// `flows paths`: the paths through the flow, and what the flow tests cover.
pub fn flows_paths(src: &Sources<'_>, bound: u32, date: Option<&str>) -> anyhow::Result<ExitCode> {
    let loaded = load(src)?;
    print_paths(&loaded.flow, bound);
    if loaded.tests.is_empty() {
        println!("no flow tests yet (flows/tests/*.toml): nothing is covered");
        return Ok(ExitCode::SUCCESS);
    }
    let env = flowtest::Env { flow: &loaded.flow, locales: &loaded.locales, rules: &loaded.rules, today: today(date)? };
    let mut walked = flowtest::Walked::default();
    for (path, text) in &loaded.tests {
        if let Ok(spec) = flowtest::parse(path, text) {
            walked.merge(&flowtest::run(&spec, &env).walked);
        }
    }
    print_coverage(&loaded.flow, &walked, loaded.tests.len());
    Ok(ExitCode::SUCCESS)
}

fn print_paths(flow: &Flow, bound: u32) {
    let c = crate::flow::paths::count(flow, bound);
    let groups: Vec<&str> = flow.groups.keys().map(String::as_str).collect();
    let by: Vec<String> = c.by_instances.iter().enumerate().map(|(n, k)| format!("{n}: {k}")).collect();
    println!(
        "paths: {} from `{}` to an end, each repeating group ({}) at most {bound} time(s); by instances {}",
        c.total(),
        flow.start,
        groups.join(", "),
        by.join(", ")
    );
    for (end, n) in &c.by_end {
        println!("  ending at `{end}`: {n}");
    }
    let full = crate::engine::default_path_prompts(flow);
    println!(
        "prompts: {full} on the default path from `{}` (every step's `next`: one instance of each group), about {} min at {} s a prompt",
        flow.start,
        crate::engine::minutes(full),
        crate::engine::SECONDS_PER_PROMPT
    );
    match (flow.checkpoint(), crate::engine::short_path_prompts(flow)) {
        (Some(cp), Some(n)) => println!(
            "short path: {n} prompts from `{}` to the checkpoint `{}`, whose \"Send this now\" submits (about {} min); the consent text quotes these minutes",
            flow.start,
            cp.id,
            crate::engine::minutes(n)
        ),
        (Some(cp), None) => println!("short path: the checkpoint `{}` is not on the default path", cp.id),
        (None, _) => println!("short path: none (no checkpoint step)"),
    }
}

/// Prints the coverage table and what is missing; true when nothing is.
fn print_coverage(flow: &Flow, walked: &flowtest::Walked, tests: usize) -> bool {
    let items = flowtest::coverage(flow, walked);
    println!("coverage by {tests} flow test(s):");
    let kinds =
        [ItemKind::Step, ItemKind::BranchTaken, ItemKind::BranchNotTaken, ItemKind::Option, ItemKind::GroupSize];
    for kind in kinds {
        let all = items.iter().filter(|i| i.kind == kind).count();
        let covered = items.iter().filter(|i| i.kind == kind && i.covered).count();
        println!("  {:<32} {covered}/{all}", kind.heading());
    }
    let missing: Vec<_> = items.iter().filter(|i| !i.covered).collect();
    if missing.is_empty() {
        println!("full coverage");
        return true;
    }
    println!("not covered ({}):", missing.len());
    for i in missing {
        println!("  - {}: {}", i.kind.heading(), i.what);
    }
    false
}
