//! Relief rules and the screening, through the real binary.

use crate::support::{root, run_bin};
use serde_json::{json, Value};

fn screen(rules: Option<&str>, input: &Value, format: &str) -> (i32, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("case.json");
    std::fs::write(&path, input.to_string()).unwrap();
    let mut args = vec!["screen", "--input", path.to_str().unwrap(), "--format", format];
    if let Some(r) = rules {
        args.extend(["--rules", r]);
    }
    run_bin(&args, &[], "", &root())
}

fn fixture() -> String {
    root().join("tests/fixtures/rules").to_str().unwrap().to_string()
}

/// Outcomes by route id of the first case.
fn outcomes(out: &str) -> Vec<(String, String)> {
    let v: Value = serde_json::from_str(out).unwrap_or_else(|e| panic!("{e}: {out}"));
    v["cases"][0]["routes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["route"].as_str().unwrap().to_string(), r["outcome"].as_str().unwrap().to_string()))
        .collect()
}

fn case(extra: Value) -> Value {
    let mut c = json!({
        "jurisdiction": "NY", "category": "prostitution", "level": "misdemeanor", "disposition": "conviction",
        "offense_date": "2015-03", "conviction_date": "2015-06-01", "sentence_completed": "yes",
        "sentence_completed_date": "2025-06-30", "nexus": "yes", "violence": "no", "weapon": "no", "injury": "no"
    });
    for (k, v) in extra.as_object().unwrap() {
        c[k] = v.clone();
    }
    c
}

fn input(date: &str, c: Value) -> Value {
    json!({ "date": date, "person": { "citizenship": "citizen", "later_convictions": "no" }, "cases": [c] })
}

#[test]
fn the_shipped_rules_pass_rules_check() {
    let (code, out, err) = run_bin(&["rules", "check"], &[], "", &root());
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("ok: 52 jurisdictions"), "{out}");
    // Every state, DC and federal law has a file.
    for (c, _) in clearpath::jurisdiction::JURISDICTIONS {
        assert!(root().join(format!("rules/{c}.toml")).exists(), "no rules/{c}.toml");
    }
}

#[test]
fn docs_jurisdictions_md_is_generated_from_the_rules() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("j.md");
    let (code, _, err) = run_bin(&["rules", "table", "--out", out.to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 0, "{err}");
    let committed = std::fs::read_to_string(root().join("docs/jurisdictions.md")).unwrap();
    assert_eq!(
        committed,
        std::fs::read_to_string(out).unwrap(),
        "docs/jurisdictions.md is stale: run `cargo run -- rules table`"
    );
}

/// The field table in docs/screening.md is the one the declaration in `rules/fields.rs` makes.
#[test]
fn docs_screening_md_field_table_follows_the_declaration() {
    let doc = std::fs::read_to_string(root().join("docs/screening.md")).unwrap();
    let (begin, end) = ("<!-- fields:begin", "<!-- fields:end -->");
    let start = doc.find(begin).expect("docs/screening.md has no `<!-- fields:begin` marker");
    let start = start + doc[start..].find("-->\n").unwrap() + "-->\n".len();
    let stop = doc.find(end).expect("docs/screening.md has no `<!-- fields:end -->` marker");
    let table = clearpath::rules::fields::markdown_table();
    assert_eq!(
        &doc[start..stop],
        table,
        "the field table in docs/screening.md is stale; put this between its markers:\n{table}"
    );
}

/// Every example of every rules file, screened through `clearpath screen`; every verified route
/// has at least two, one of them not likely eligible, each naming its source.
#[test]
fn every_rules_example_screens_as_expected_through_the_binary() {
    let (rules, diags) = clearpath::rules::Rules::load(&clearpath::data::read_dir(&root().join("rules")));
    assert!(!clearpath::diag::has_errors(&diags));
    let mut checked = 0;
    for (code, j) in &rules.by_code {
        for r in j.routes.iter().filter(|r| r.status == clearpath::rules::model::Status::Verified) {
            let ex: Vec<_> = j.examples.iter().filter(|e| e.route == r.id).collect();
            assert!(ex.len() >= 2, "{code} route {} has {} examples", r.id, ex.len());
            assert!(ex.iter().any(|e| e.expect != "likely_eligible"), "{code} route {}: no out-of-scope example", r.id);
            assert!(ex.iter().all(|e| !e.source.is_empty()), "{code} route {}: an example names no source", r.id);
        }
        for ex in &j.examples {
            let input = clearpath::rules::example_input(code, ex).unwrap();
            let (status, out, err) = screen(None, &serde_json::to_value(&input).unwrap(), "json");
            assert_eq!(status, 0, "{code} {}: {err}", ex.name);
            let got = outcomes(&out).into_iter().find(|(r, _)| *r == ex.route).map(|(_, o)| o);
            assert_eq!(got.as_deref(), Some(ex.expect.as_str()), "{code}: {}", ex.name);
            checked += 1;
        }
    }
    assert!(checked >= 60, "only {checked} examples");
}

#[test]
fn two_routes_with_different_outcomes_and_the_best_one_wins() {
    let (code, out, err) = screen(Some(&fixture()), &input("2026-01-15", case(json!({}))), "json");
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        outcomes(&out),
        vec![("vacatur".into(), "likely_eligible".into()), ("sealing".into(), "not_yet_eligible".into())]
    );
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["cases"][0]["overall"], "likely_eligible");
    assert_eq!(v["cases"][0]["routes"][1]["eligible_from"], json!(["2026-06-30", "2026-06-30"]));
}

#[test]
fn a_waiting_period_ending_tomorrow() {
    // Sentence completed 2025-06-30; 365 days later is 2026-06-30.
    let c = case(json!({ "category": "theft" }));
    let (_, out, _) = screen(Some(&fixture()), &input("2026-06-29", c.clone()), "json");
    assert_eq!(outcomes(&out)[1], ("sealing".into(), "not_yet_eligible".into()));
    assert!(out.contains("ends on 2026-06-30"), "{out}");
    let (_, out, _) = screen(Some(&fixture()), &input("2026-06-30", c), "json");
    assert_eq!(outcomes(&out)[1], ("sealing".into(), "likely_eligible".into()));
}

#[test]
fn year_only_dates_give_a_range_and_need_review_when_it_matters() {
    let c = case(json!({ "category": "theft", "sentence_completed_date": "2025" }));
    let (_, out, _) = screen(Some(&fixture()), &input("2026-06-01", c.clone()), "json");
    assert_eq!(outcomes(&out)[1], ("sealing".into(), "needs_review".into()));
    assert!(out.contains("between 2026-01-01 and 2026-12-31"), "{out}");
    // Where the whole year is past, the precision no longer matters.
    let (_, out, _) = screen(Some(&fixture()), &input("2027-01-01", c), "json");
    assert_eq!(outcomes(&out)[1], ("sealing".into(), "likely_eligible".into()));
}

#[test]
fn unknown_jurisdiction_and_unknown_offense() {
    // No rules for this state in the fixture directory.
    let (code, out, _) = screen(Some(&fixture()), &input("2026-01-15", case(json!({ "jurisdiction": "CA" }))), "text");
    assert_eq!(code, 0);
    assert!(out.contains("needs review") && out.contains("No relief rules are recorded for \"CA\""), "{out}");
    // Not a jurisdiction at all: refused, naming the field.
    let (code, _, err) = screen(Some(&fixture()), &input("2026-01-15", case(json!({ "jurisdiction": "ZZ" }))), "text");
    assert_eq!(code, 5);
    assert!(err.contains("cases[0].jurisdiction"), "{err}");
    // An offense the survivor could not name.
    let (_, out, _) = screen(Some(&fixture()), &input("2026-01-15", case(json!({ "category": "other" }))), "json");
    assert_eq!(outcomes(&out)[0], ("vacatur".into(), "needs_review".into()));
    let c = case(json!({}));
    let mut c2 = c.clone();
    c2.as_object_mut().unwrap().remove("category");
    let (_, out, _) = screen(Some(&fixture()), &input("2026-01-15", c2), "json");
    assert!(outcomes(&out).iter().all(|(_, o)| o == "needs_review"), "{out}");
}

#[test]
fn dont_know_answers_need_review_never_a_no() {
    let c = case(json!({ "nexus": "unsure", "level": "unknown" }));
    let (_, out, _) = screen(Some(&fixture()), &input("2027-01-15", c), "json");
    assert!(outcomes(&out).iter().all(|(_, o)| o == "needs_review"), "{out}");
    // A later conviction bars the sealing route only; an unknown one needs review.
    let mut i = input("2027-01-15", case(json!({})));
    i["person"]["later_convictions"] = json!("yes");
    let (_, out, _) = screen(Some(&fixture()), &i, "json");
    assert_eq!(
        outcomes(&out),
        vec![("vacatur".into(), "likely_eligible".into()), ("sealing".into(), "not_covered".into())]
    );
    i["person"]["later_convictions"] = json!("unsure");
    let (_, out, _) = screen(Some(&fixture()), &i, "json");
    assert_eq!(outcomes(&out)[1], ("sealing".into(), "needs_review".into()));
}

#[test]
fn felony_classes_and_flags() {
    let c = case(json!({ "category": "theft", "level": "felony", "felony_class": "C", "age_at_offense": 16 }));
    let mut i = input("2027-01-15", c);
    i["person"]["citizenship"] = json!("no_status");
    i["person"]["immigration_court_date"] = json!("2027-01-20");
    let (_, out, _) = screen(Some(&fixture()), &i, "markdown");
    assert!(out.contains("Felony class C is not among the classes covered (D, E)"), "{out}");
    assert!(
        out.contains("**immigration**") && out.contains("Immigration court date: 2027-01-20 (within two weeks)"),
        "{out}"
    );
    assert!(out.contains("**minor**"), "{out}");
    assert!(out.trim_end().ends_with("Preliminary screening, not legal advice."), "{out}");
}

#[test]
fn malformed_input_names_the_field() {
    let (code, _, err) = screen(Some(&fixture()), &json!({ "cases": [{ "nexus": "maybe" }] }), "text");
    assert_eq!(code, 5);
    assert!(err.contains("cases[0].nexus"), "{err}");
    let (code, _, err) = screen(Some(&fixture()), &json!({ "cases": [{ "offense_date": "March" }] }), "text");
    assert_eq!(code, 5);
    assert!(err.contains("cases[0].offense_date: \"March\" is not a date"), "{err}");
    let (code, _, err) = screen(Some(&fixture()), &json!({ "cases": [{ "colour": "red" }] }), "text");
    assert_eq!(code, 5);
    assert!(err.contains("cases[0]") && err.contains("unknown field `colour`"), "{err}");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.json"), "{ not json").unwrap();
    let (code, _, err) =
        run_bin(&["screen", "--input", dir.path().join("bad.json").to_str().unwrap()], &[], "", &root());
    assert_eq!(code, 5);
    assert!(err.contains("not a valid case"), "{err}");
}

/// The attorney summary of a real intake: cited, flagged, and without what the survivor chose
/// not to say.
#[test]
fn attorney_summary_of_an_intake() {
    let mut h = crate::support::Harness::new();
    h.run(
        "
        /start
        1
        1
        1
        1
        2
        NY
        1
        2
        555-0100
        evenings
        2
        no
        Canary-Robin
        5
        2
        Kings
        /skip
        1
        /skip
        2
        2014
        2015
        1
        1
        4
        22
        /skip
        2
        2
        2017
        2
        2
        1
        3
        1
        March 2027
        2
        1
        ",
    );
    assert_eq!(h.last.as_ref().unwrap().input, "review");
    let intake = clearpath::store::Intake {
        code: "ABCD2345".into(),
        flow_id: "intake".into(),
        flow_hash: String::new(),
        locale: "en".into(),
        answers: h.session.answers.clone(),
        submitted_at: "2026-11-25T20:00:00Z".parse().unwrap(),
        delivered_at: None,
        contact_chat: None,
        addenda: vec![],
        early: false,
    };
    let (rules, _) = clearpath::rules::Rules::load(&clearpath::data::read_dir(&root().join("rules")));
    let date = jiff::civil::date(2026, 11, 25);
    let (md, screening) = clearpath::rules::summary::markdown(&h.flow, &h.locales, &rules, &intake, date, "en");
    assert!(md.starts_with("# Referral ABCD2345 — Preliminary screening, not legal advice."), "{md}");
    assert!(md.trim_end().ends_with("Preliminary screening, not legal advice."));
    assert!(md.contains("Name to use: «Canary-Robin»"), "{md}");
    assert!(md.contains("Safe ways to contact: A phone call") && md.contains("Contact details: «555-0100»"), "{md}");
    // Chosen not to say: the words to use were "rather not say"; that line is absent.
    assert!(!md.contains("Words to use"), "{md}");
    // Every route carries its citation; New York's vacatur route (verified against the current
    // text of CPL 440.10(1)(i) as restated in S.7356) reaches a conviction linked to trafficking.
    assert!(md.contains("N.Y. Crim. Proc. Law"), "{md}");
    assert_eq!(screening.cases.len(), 1);
    assert_eq!(screening.cases[0].overall, clearpath::rules::screen::Outcome::LikelyEligible);
    assert!(md.contains("Screening: **likely eligible**"), "{md}");
    // Not a citizen, with an immigration court date: flagged in the overview, before the cases.
    let overview = clearpath::rules::summary::overview_lines(&md);
    assert!(overview.iter().any(|l| l.contains("Immigration court date: 2027-03")), "{overview:#?}");
    assert!(md.find("Immigration court date").unwrap() < md.find("## Case 1").unwrap());

    // Telegram: HTML, in parts that each fit one message.
    let (html, _) = clearpath::rules::summary::html(&h.flow, &h.locales, &rules, &intake, date, "en");
    assert!(html.contains("<b>Referral ABCD2345"), "{html}");
    let long = html.repeat(4);
    let parts = clearpath::rules::summary::split(&long, clearpath::channel::telegram::TELEGRAM_LIMIT);
    assert!(parts.len() >= 2);
    assert!(parts.iter().all(|p| p.chars().count() <= 4096));
    assert_eq!(parts.concat(), long);
}

#[test]
fn a_listed_offense_does_not_settle_its_felonies_and_excluded_statutes_are_a_condition() {
    // Virginia lists larceny among the offenses it reaches, but at felony level only possession
    // under § 18.2-250 (rules/VA.toml, felonies.categories).
    let felony = |category: &str| case(json!({ "jurisdiction": "VA", "category": category, "level": "felony" }));
    let (_, out, _) = screen(None, &input("2026-11-25", felony("theft")), "json");
    assert_eq!(outcomes(&out), vec![("vacatur".to_string(), "not_covered".to_string())], "{out}");
    assert!(out.contains("At felony level this route reaches only: "), "{out}");
    let (_, out, _) = screen(None, &input("2026-11-25", felony("drug_possession")), "json");
    assert_ne!(outcomes(&out)[0].1, "not_covered", "{out}");
    // Washington's misdemeanor route excludes DUI-related convictions by statute, finer than the
    // intake's "driving": a driving conviction carries the exclusion as a condition to check.
    let driving = case(json!({ "jurisdiction": "WA", "category": "driving" }));
    let (_, out, _) = screen(None, &input("2026-11-25", driving), "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    let route = v["cases"][0]["routes"].as_array().unwrap().iter().find(|r| r["route"] == "victim_vacatur").unwrap();
    assert!(
        route["conditions"].as_array().unwrap().iter().any(|c| c.as_str().unwrap().contains("RCW 46.61.5055")),
        "{route:#}"
    );
}

#[test]
fn a_later_conviction_bars_hawaii_vacatur_only_within_three_years() {
    // HRS § 712-1209.6 (rules/HI.toml, S8): relief "if the defendant is not subsequently convicted
    // of any offense under the Hawaii Penal Code within three years after the date of the original
    // conviction". Before, any later conviction screened `not_covered`.
    let hi = |conviction: &str| {
        case(json!({ "jurisdiction": "HI", "conviction_date": conviction, "offense_date": conviction,
                     "sentence_completed_date": conviction }))
    };
    let two = |later: Value, said: &str| {
        json!({ "date": "2026-11-25", "person": { "citizenship": "citizen", "later_convictions": said,
                "trafficking_ended": "2020" },
                "cases": [hi("2015-04-10"), later] })
    };
    let vacatur = |out: &str| outcomes(out).into_iter().find(|(r, _)| r == "vacatur").unwrap().1;
    // A Hawaii conviction 14 months later, inside the window: barred, with the reason.
    let theft = |date: &str| case(json!({ "jurisdiction": "HI", "category": "theft", "conviction_date": date }));
    let (_, out, _) = screen(None, &two(theft("2016-06-15"), "no"), "json");
    assert_eq!(vacatur(&out), "not_covered", "{out}");
    assert!(out.contains("falls within the 3 years after this conviction"), "{out}");
    // Four years later: outside the window, no bar.
    let (_, out, _) = screen(None, &two(theft("2019-06-15"), "no"), "json");
    assert_eq!(vacatur(&out), "likely_eligible", "{out}");
    // In another state, inside the window: not a Hawaii Penal Code conviction.
    let elsewhere = case(json!({ "jurisdiction": "CA", "category": "theft", "conviction_date": "2016-06-15" }));
    let (_, out, _) = screen(None, &two(elsewhere, "no"), "json");
    assert_eq!(vacatur(&out), "likely_eligible", "{out}");
    // Known only to the year 2018, which may or may not be within three years of April 2015.
    let (_, out, _) = screen(None, &two(theft("2018"), "no"), "json");
    assert_eq!(vacatur(&out), "needs_review", "{out}");
    // A later conviction mentioned only in general cannot be placed: for the attorney, never a no.
    let single = json!({ "date": "2026-11-25", "person": { "citizenship": "citizen", "later_convictions": "yes" },
                         "cases": [hi("2015-04-10")] });
    let (_, out, _) = screen(None, &single, "json");
    assert_eq!(vacatur(&out), "needs_review", "{out}");
}

#[test]
fn a_later_conviction_refinement_set_the_wrong_way_is_an_error_with_its_line() {
    // An admin turns Hawaii's bar off but leaves its window: the window would be silently ignored.
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(root().join("rules/HI.toml")).unwrap();
    let broken = text.replacen(
        "later_convictions = true\n  later_convictions_within_years = 3",
        "later_convictions = false\n  later_convictions_within_years = 3",
        1,
    );
    assert_ne!(broken, text);
    std::fs::write(dir.path().join("HI.toml"), broken).unwrap();
    let (code, out, err) = run_bin(&["rules", "check", "--rules", dir.path().to_str().unwrap()], &[], "", &root());
    assert_ne!(code, 0, "{out}{err}");
    let all = format!("{out}{err}");
    assert!(all.contains("HI.toml:") && all.contains("error[disqualifiers]"), "{all}");
    assert!(all.contains("later_convictions_within_years goes with later_convictions = true"), "{all}");
}

/// A scope or timing kind the screening does not know is a load error at its line (serde enums),
/// not a route that the screening later answers with a catch-all "not one it knows".
#[test]
fn an_unknown_scope_or_timing_kind_fails_to_load_at_its_line() {
    let text = std::fs::read_to_string(root().join("tests/fixtures/rules/NY.toml")).unwrap();
    for (from, to, value) in
        [("scope = \"any\"", "scope = \"most\"", "most"), ("kind = \"wait\"", "kind = \"eventually\"", "eventually")]
    {
        let line = text.lines().position(|l| l.trim() == from).unwrap() + 1;
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("NY.toml"), text.replacen(from, to, 1)).unwrap();
        let (rules, diags) = clearpath::rules::Rules::load(&clearpath::data::read_dir(dir.path()));
        assert!(rules.get("NY").is_none(), "{value}: the file did not load");
        let d = diags.iter().find(|d| d.message.contains(value)).unwrap_or_else(|| panic!("{value}: {diags:?}"));
        assert_eq!(d.line, line, "{value}: {d:?}");
        assert!(d.path.ends_with("NY.toml"), "{d:?}");
    }
}

/// The desk reads "contact me in this chat" from the step that declares the `contact_method`
/// field, whatever that step is called.
#[test]
fn this_chat_is_read_through_the_declared_field_not_a_step_id() {
    use clearpath::engine::answer::{Answer, Value};
    use clearpath::rules::fields;
    let toml = std::fs::read_to_string(root().join("flows/intake.toml"))
        .unwrap()
        .replace("\"contact_method\"", "\"how_to_reach\"")
        .replace("field = \"how_to_reach\"", "field = \"contact_method\"");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.toml");
    std::fs::write(&path, toml).unwrap();
    let (flow, diags) = clearpath::flow::load_file(&path).unwrap();
    assert!(diags.is_empty(), "{diags:?}");
    let chose = |key: &str, v: Value| {
        let answers = [(key.to_string(), Answer::Answered(v))].into_iter().collect();
        clearpath::rules::intake::chose(&flow, &answers, fields::name::contact_method, fields::THIS_CHAT)
    };
    assert!(chose("how_to_reach", Value::Choices(vec!["email".into(), "this_chat".into()])));
    assert!(!chose("how_to_reach", Value::Choices(vec!["email".into()])));
    assert!(!chose("contact_method", Value::Choices(vec!["this_chat".into()])), "no step has that id now");
}

/// The fixture rules with one edit, in a directory of their own.
fn fixture_with(from: &str, to: &str) -> tempfile::TempDir {
    let text = std::fs::read_to_string(root().join("tests/fixtures/rules/NY.toml")).unwrap();
    let edited = text.replacen(from, to, 1);
    assert_ne!(edited, text, "the edit {from:?} did not apply");
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("NY.toml"), edited).unwrap();
    dir
}

/// The fixture vacatur route's bars statement, as the fixture writes it.
const FIXTURE_NO_BARS: &str =
    "  [route.disqualifiers]\n  none = true\n  read_in_full = true\n  read_on = \"2026-11-25\"\n";

fn route<'a>(v: &'a Value, id: &str) -> &'a Value {
    v["cases"][0]["routes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["route"] == id)
        .unwrap_or_else(|| panic!("{id}: {v:#}"))
}

/// A missing section is not "no bars": `rules check` refuses a route that does not state its
/// bars, at the route, with the fix in its help; so do an empty section and a `none` not read in full.
#[test]
fn rules_check_refuses_a_route_without_an_explicit_bars_statement() {
    let check = |dir: &tempfile::TempDir| {
        let (code, out, err) = run_bin(&["rules", "check", "--rules", dir.path().to_str().unwrap()], &[], "", &root());
        (code, format!("{out}{err}"))
    };
    // No section at all.
    let text = std::fs::read_to_string(root().join("tests/fixtures/rules/NY.toml")).unwrap();
    let start = text.find(FIXTURE_NO_BARS).unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("NY.toml"), format!("{}{}", &text[..start], &text[end + 1..])).unwrap();
    let (code, all) = check(&dir);
    assert_ne!(code, 0, "{all}");
    assert!(all.contains("error[bars]") && all.contains("route vacatur has no [route.disqualifiers]"), "{all}");
    assert!(all.contains("a missing section is not \"no bars\""), "{all}");
    assert!(all.contains("help: state the route's bars"), "{all}");
    assert!(all.contains("NY.toml:12:"), "at the route's id line: {all}");
    // A section with every bar false and neither none nor unknown.
    let (code, all) = check(&fixture_with("  none = true\n", "  none = false\n"));
    assert_ne!(code, 0);
    assert!(all.contains("states no bar, and neither none = true nor unknown = true"), "{all}");
    // `none` needs the operative text read in full.
    let (code, all) = check(&fixture_with("  read_in_full = true\n", ""));
    assert_ne!(code, 0);
    assert!(all.contains("none = true needs read_in_full = true"), "{all}");
    // And the unedited fixture passes.
    let dir = fixture_with("Fixture: the whole of", "Fixture: all of");
    assert_eq!(check(&dir).0, 0, "{}", check(&dir).1);
}

/// Every shipped route states its bars: the bars, `none` read in full with its date and source,
/// or `unknown`.
#[test]
fn every_shipped_route_states_its_bars() {
    let (rules, diags) = clearpath::rules::Rules::load(&clearpath::data::read_dir(&root().join("rules")));
    assert!(!clearpath::diag::has_errors(&diags), "{diags:?}");
    let mut n = 0;
    for (code, j) in &rules.by_code {
        for r in &j.routes {
            let d = r.disqualifiers.as_ref().unwrap_or_else(|| panic!("{code} {}: no bars statement", r.id));
            assert!(d.states_a_bar() || d.unknown || d.none, "{code} {}", r.id);
            if d.none {
                assert!(d.read_in_full && !d.read_on.is_empty() && !d.source.is_empty(), "{code} {}", r.id);
            }
            n += 1;
        }
    }
    assert_eq!(n, 70);
}

/// A trafficking defense raised at trial and lost, on a route whose statute states no bar: a fact
/// for the attorney to check, not an outcome. On a route whose statute makes it a bar (Colorado),
/// it is one; on a route whose bars were not checked (California), the screening says so.
#[test]
fn a_lost_trial_defense_is_to_check_where_no_bar_is_stated() {
    let c = case(json!({ "defense_at_trial": "yes", "prior_relief": "no" }));
    let (code, out, err) = screen(Some(&fixture()), &input("2026-01-15", c), "json");
    assert_eq!(code, 0, "{err}");
    let v: Value = serde_json::from_str(&out).unwrap();
    let vacatur = route(&v, "vacatur");
    assert_eq!(vacatur["outcome"], "likely_eligible", "{vacatur:#}");
    let to_check = vacatur["to_check"].as_array().unwrap();
    assert_eq!(to_check.len(), 1, "{vacatur:#}");
    assert!(
        to_check[0]
            .as_str()
            .unwrap()
            .starts_with("a trafficking defense was raised at trial and lost: the statute states no bar on it"),
        "{vacatur:#}"
    );
    // Not said, so both facts are to check; the text report lists them under "To check".
    let c = case(json!({}));
    let (_, out, _) = screen(Some(&fixture()), &input("2026-01-15", c), "text");
    assert!(out.contains("- To check: whether a trafficking defense was raised at trial and lost (the statute states no bar on it, but a court may weigh it against the connection); whether relief was sought before and denied"), "{out}");
    // Said "no" to both: nothing to check.
    let c = case(json!({ "defense_at_trial": "no", "prior_relief": "no" }));
    let (_, out, _) = screen(Some(&fixture()), &input("2026-01-15", c), "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(route(&v, "vacatur")["to_check"], json!([]));
    // Colorado's statute bars it.
    let co = case(json!({ "jurisdiction": "CO", "defense_at_trial": "yes" }));
    let (_, out, _) = screen(None, &input("2026-11-25", co), "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(route(&v, "vacatur")["outcome"], "not_covered", "{out}");
    // California's bars were not checked in the statute text: needs review, for that reason.
    let ca = case(json!({ "jurisdiction": "CA", "defense_at_trial": "yes" }));
    let (_, out, _) = screen(None, &input("2026-11-25", ca), "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    let r = route(&v, "vacatur");
    assert_eq!(r["outcome"], "needs_review", "{r:#}");
    assert!(r["reasons"].to_string().contains("What bars this route was not checked in the statute text"), "{r:#}");
    assert!(r["to_check"].to_string().contains("the route's bars were not checked"), "{r:#}");
}

/// A refused consent is not one not yet asked: what it yields follows the statute.
#[test]
fn a_refused_prosecutor_consent_follows_the_statute() {
    let with = |refused: &str| {
        fixture_with(
            "  [route.timing]\n  kind = \"any_time\"\n  source = \"S1\"\n  confidence = \"high\"\n  excerpt = \"fixture\"\n",
            &format!("  [route.timing]\n  kind = \"any_time\"\n  source = \"S1\"\n  confidence = \"high\"\n  excerpt = \"fixture\"\n\n  [route.gatekeepers]\n  prosecutor = \"consent_required\"\n  consent_refused = \"{refused}\"\n  source = \"S1\"\n  confidence = \"high\"\n  excerpt = \"fixture\"\n"),
        )
    };
    let run = |dir: &tempfile::TempDir, consent: &str| {
        let mut i = input("2026-01-15", case(json!({ "defense_at_trial": "no", "prior_relief": "no" })));
        i["person"]["prosecutor_consent"] = json!(consent);
        let (code, out, err) = screen(Some(dir.path().to_str().unwrap()), &i, "json");
        assert_eq!(code, 0, "{err}");
        let v: Value = serde_json::from_str(&out).unwrap();
        route(&v, "vacatur").clone()
    };
    let fin = with("final");
    let r = run(&fin, "refused");
    assert_eq!(r["outcome"], "not_covered", "{r:#}");
    assert!(r["reasons"].to_string().contains("under this statute a refusal bars the route"), "{r:#}");
    // Not yet given (or asked): review, with a different reason.
    let r = run(&fin, "no");
    assert_eq!(r["outcome"], "needs_review", "{r:#}");
    assert!(r["reasons"].to_string().contains("has not been given (or not yet asked)"), "{r:#}");
    assert_eq!(run(&fin, "yes")["outcome"], "likely_eligible");
    let later = with("may_grant_later");
    let r = run(&later, "refused");
    assert_eq!(r["outcome"], "needs_review", "{r:#}");
    assert!(r["reasons"].to_string().contains("a precondition the prosecutor can still grant later"), "{r:#}");
    let unrecorded = with("");
    let r = run(&unrecorded, "refused");
    assert_eq!(r["outcome"], "needs_review", "{r:#}");
    assert!(
        r["reasons"].to_string().contains("whether a refusal is final under this statute is not recorded"),
        "{r:#}"
    );
    // An unknown value of the statute's meaning is refused by `rules check`.
    let bad = with("forever");
    let (code, out, err) = run_bin(&["rules", "check", "--rules", bad.path().to_str().unwrap()], &[], "", &root());
    assert_ne!(code, 0);
    assert!(format!("{out}{err}").contains("consent_refused \"forever\""), "{out}{err}");
    // Pennsylvania (§ 3019(d)(2)(ii)): consent is a precondition the prosecutor can still grant.
    let mut i = input("2026-11-25", case(json!({ "jurisdiction": "PA", "category": "trespass" })));
    i["person"]["prosecutor_consent"] = json!("refused");
    let (_, out, _) = screen(None, &i, "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    assert!(route(&v, "vacatur")["reasons"].to_string().contains("can still grant later"), "{out}");
    // Never shown to the survivor: no flow asks it.
    for f in std::fs::read_dir(root().join("flows")).unwrap() {
        let text = std::fs::read_to_string(f.unwrap().path()).unwrap_or_default();
        assert!(!text.contains("prosecutor_consent"), "a flow asks the survivor about prosecutor consent");
    }
}

/// Each message says what the rule file records.
#[test]
fn messages_say_what_the_rule_file_records() {
    // Alabama's listed-convictions felony scope was read in the statute text and deliberately
    // recorded at medium confidence: said so, with the file's reason, never "not confirmed".
    let al = case(json!({ "jurisdiction": "AL", "category": "promoting_prostitution", "level": "felony" }));
    let (_, out, _) = screen(None, &input("2026-11-25", al), "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    let r = route(&v, "listed_convictions").to_string();
    assert!(!r.contains("not confirmed in current statute text"), "{r}");
    assert!(r.contains("Which felonies this route covers was read in") && r.contains("but is recorded at medium confidence; the rule says: Only the three listed offenses. Confidence set to medium"), "{r}");
    // The federal vacatur route reaches any non-violent felony: never "Only some felonies".
    let us = case(json!({ "jurisdiction": "US", "category": "drug_possession", "level": "felony" }));
    let (_, out, _) = screen(None, &input("2026-11-25", us.clone()), "text");
    assert!(!out.contains("Only some felonies are covered"), "{out}");
    // Multi-line notes print without runs of spaces, in every format.
    for format in ["text", "markdown", "json"] {
        let (_, out, _) = screen(None, &input("2026-11-25", us.clone()), format);
        let v: Value = if format == "json" { serde_json::from_str(&out).unwrap() } else { json!(out) };
        let mut texts = vec![];
        if format == "json" {
            for r in v["cases"][0]["routes"].as_array().unwrap() {
                for k in ["notes", "reasons", "conditions", "to_check"] {
                    texts.extend(r[k].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()));
                }
            }
            texts.extend(v["cases"][0]["notes"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().to_string()));
        } else {
            texts.extend(out.lines().filter(|l| l.starts_with("- ")).map(str::to_string));
        }
        assert!(texts.iter().any(|t| t.contains("Verify the enacted text of § 3771A")), "{format}: {out}");
        for t in &texts {
            assert!(!t.contains("  ") && !t.contains('\n'), "{format}: {t:?}");
        }
    }
    // "Reviewed up to" never after the screening date without saying so.
    let (_, out, _) = screen(None, &input("2026-01-15", case(json!({}))), "json");
    let v: Value = serde_json::from_str(&out).unwrap();
    let version = v["rules_version"].as_str().unwrap();
    assert!(version.contains("after the screening date 2026-01-15"), "{version}");
    let (_, out, _) = screen(None, &input("2027-01-15", case(json!({}))), "text");
    assert!(out.contains("(reviewed up to 2026-12-03)") && !out.contains("after the screening date"), "{out}");
}

/// The JSON carries the disclaimer, as docs/screening.md promises of every format.
#[test]
fn json_screening_carries_the_disclaimer() {
    let (code, out, _) = screen(Some(&fixture()), &input("2026-01-15", case(json!({}))), "json");
    assert_eq!(code, 0);
    let v: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["disclaimer"], "Preliminary screening, not legal advice.");
    let doc = std::fs::read_to_string(root().join("docs/screening.md")).unwrap();
    assert!(doc.contains("*Preliminary screening, not legal advice.* (in JSON, the\ntop-level `disclaimer` field)"));
}
