//! The regression guard for the screening: every example of `rules/*.toml` and of the fixture
//! rules (`tests/fixtures/rules`), and a generated grid of inputs over every jurisdiction, screened
//! and written out in full (the JSON and the plain-text report). What is committed is one line per
//! jurisdiction: how many screenings, their outcomes, and a hash of everything they printed, so a
//! change in any reason, condition, date or citation shows up, and shows where.
//!
//! A deliberate change to the rules or the screening changes `golden.txt`: look at what changed
//! (the outcome counts say how much), then run `UPDATE_EXPECT=1 cargo test -p clearpath-core
//! golden` and commit the new file with the change.

use super::*;
use crate::rules::{category, fields, report, run_examples, Rules};
use std::collections::BTreeMap;
use std::path::Path;

fn load(dir: &str) -> Rules {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(dir);
    let (rules, diags) = Rules::load(&crate::data::read_for_tests(&root));
    assert!(!crate::diag::has_errors(&diags), "{dir}: {diags:?}");
    rules
}

/// splitmix64: a fixed, well-mixed choice for grid point `i` and fact `salt`.
fn mix(i: u64, salt: u64) -> u64 {
    let mut z = i.wrapping_mul(64).wrapping_add(salt).wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn pick<T: Clone>(i: u64, salt: u64, from: &[T]) -> T {
    from[(mix(i, salt) % from.len() as u64) as usize].clone()
}

const TRI: &[Option<Tri>] = &[None, Some(Tri::Yes), Some(Tri::No), Some(Tri::Unsure)];

fn some(v: &[&str]) -> Vec<Option<String>> {
    std::iter::once(None).chain(v.iter().map(|s| Some(s.to_string()))).collect()
}

/// A date some days before the screening date `on` (the waits in the rules are 21, 60, 365 and
/// 1095 days, the later-conviction window 3 years; each is met, missed and straddled), or after
/// it, written as a day, a month, a year or an approximate year, or not known.
fn near(i: u64, salt: u64, on: Date) -> Option<String> {
    const DAYS: &[i64] =
        &[-40, 0, 1, 20, 21, 22, 59, 60, 61, 200, 364, 365, 366, 700, 1094, 1095, 1096, 1200, 1500, 4000];
    let d = on.saturating_sub(jiff::Span::new().days(pick(i, salt, DAYS)));
    match mix(i, salt + 100) % 10 {
        0 => None,
        1 | 2 => Some(format!("{:04}-{:02}", d.year(), d.month())),
        3 => Some(format!("{:04}", d.year())),
        4 => Some(format!("~{:04}", d.year())),
        _ => Some(d.to_string()),
    }
}

/// The grid point `i` for jurisdiction `code`: category, disposition and level as given, every
/// other fact chosen from its values (known, unknown, borderline dates) by `i`.
fn grid_input(code: &str, i: u64, cat: Option<String>, disp: Option<String>, lvl: Option<String>) -> (Input, Date) {
    let date = pick(i, 30, &["2026-01-15", "2016-03-01", "2031-07-04"]);
    let date = Date::strptime("%Y-%m-%d", date).unwrap();
    let docs = [
        None,
        Some(Documentation::Answer(Tri::Yes)),
        Some(Documentation::Answer(Tri::No)),
        Some(Documentation::Answer(Tri::Unsure)),
        Some(Documentation::Kinds(vec![fields::NO_DOCUMENTS.into()])),
        Some(Documentation::Kinds(vec![fields::COURT_RECORDS.into()])),
        Some(Documentation::Kinds(vec!["t_visa".into(), fields::COURT_RECORDS.into()])),
    ];
    let case = Case {
        jurisdiction: Some(pick(i, 1, &[code.to_string(), code.to_ascii_lowercase()])),
        category: cat,
        level: lvl,
        felony_class: pick(i, 2, &some(&["A", "B", "C", "D", "E", "1", "4", "F"])),
        disposition: disp,
        offense_date: near(i, 3, date),
        conviction_date: near(i, 4, date),
        sentence_completed: pick(i, 5, TRI),
        sentence_completed_date: near(i, 6, date),
        nexus: pick(i, 7, &[Some(Tri::Yes), Some(Tri::Yes), None, Some(Tri::No), Some(Tri::Unsure)]),
        violence: pick(i, 8, TRI),
        weapon: pick(i, 9, TRI),
        injury: pick(i, 10, TRI),
        age_at_offense: pick(i, 11, &[None, Some(15), Some(17), Some(18), Some(24), Some(40)]),
        defense_at_trial: pick(i, 12, TRI),
        prior_relief: pick(i, 13, TRI),
        ..Case::default()
    };
    let person = Person {
        citizenship: pick(i, 14, &some(fields::CITIZENSHIP)),
        immigration_court_date: pick(i, 15, &some(&["2026-01-20", "2026-06"])),
        urgent_deadline: pick(i, 16, TRI),
        urgent_deadline_date: pick(i, 17, &some(&["2026-02-01"])),
        trafficking_ended: near(i, 18, date),
        trafficking_ongoing: pick(i, 19, TRI),
        later_convictions: pick(i, 20, TRI),
        pending_charges: pick(i, 21, TRI),
        official_documentation: pick(i, 22, &docs),
        prosecutor_consent: pick(
            i,
            23,
            &[None, Some(Consent::Yes), Some(Consent::No), Some(Consent::Refused), Some(Consent::Unsure)],
        ),
        // Not read by the screening: the intake's facts give each case its share of it.
        nexus_all: None,
    };
    let cases = vec![case];
    // Sometimes a second case: later convictions in a window, prior convictions a route needs.
    let mut cases = cases;
    if mix(i, 24) % 3 == 0 {
        let second = Case {
            jurisdiction: Some(pick(i, 25, &[code.to_string(), "US".to_string(), "NY".to_string()])),
            category: pick(i, 26, &some(category::NAMES)),
            level: pick(i, 27, &some(fields::LEVELS)),
            disposition: pick(i, 28, &some(fields::DISPOSITIONS)),
            // Often on the first case's date, or just before or after it.
            conviction_date: pick(i, 31, &[cases[0].conviction_date.clone(), near(i, 29, date)]),
            ..Case::default()
        };
        cases.push(second);
    }
    (Input { date: None, person, cases }, date)
}

/// One jurisdiction's line: screenings, overall outcomes (likely, not yet, review, not covered),
/// and the hash of everything printed.
#[derive(Default)]
struct Tally {
    n: usize,
    outcomes: [usize; 4],
    hash: blake3::Hasher,
}

impl Tally {
    fn add(&mut self, s: &Screening) {
        self.n += 1;
        for c in &s.cases {
            self.outcomes[c.overall as usize] += 1;
        }
        self.hash.update(serde_json::to_string(s).unwrap().as_bytes());
        self.hash.update(report::render(s, false).as_bytes());
    }
    /// What can differ between two screenings of one jurisdiction (a route's title, citation,
    /// notes, documents and sources do not depend on the case; [`Tally::add`] hashes them).
    fn add_findings(&mut self, s: &Screening) {
        self.n += 1;
        let h = &mut self.hash;
        for c in &s.cases {
            self.outcomes[c.overall as usize] += 1;
            h.update(c.overall.name().as_bytes());
            for n in &c.notes {
                h.update(n.as_bytes());
            }
            for r in &c.routes {
                h.update(r.route.as_bytes());
                h.update(r.outcome.name().as_bytes());
                for x in r.reasons.iter().chain(&r.conditions) {
                    h.update(x.as_bytes());
                    h.update(b"\n");
                }
                if let Some((a, z)) = r.eligible_from {
                    h.update(format!("{a}..{z}").as_bytes());
                }
            }
        }
        for f in &s.flags {
            h.update(f.kind.as_bytes());
            h.update(f.text.as_bytes());
        }
    }
    fn line(&self, kind: &str, code: &str) -> String {
        let [le, ny, nr, nc] = self.outcomes;
        let h = self.hash.finalize().to_hex();
        format!("{kind:8} {code:3} {:5} le={le} ny={ny} nr={nr} nc={nc} {}\n", self.n, &h[..16])
    }
}

fn examples(kind: &str, rules: &Rules, out: &mut String) {
    let results = run_examples(rules);
    let mut by_code: BTreeMap<&str, Tally> = BTreeMap::new();
    for (code, j) in &rules.by_code {
        let t = by_code.entry(code).or_default();
        for ex in &j.examples {
            let input = crate::rules::example_input(code, ex).unwrap();
            let date = Date::strptime("%Y-%m-%d", &ex.date).unwrap();
            let s = screen(rules, &input, date);
            t.add(&s);
            t.hash.update(report::render(&s, true).as_bytes());
        }
    }
    for r in &results {
        let t = by_code.entry(&r.code).or_default();
        t.hash.update(format!("{} {} {} {:?}", r.name, r.route, r.expect, r.got).as_bytes());
    }
    for (code, t) in by_code {
        out.push_str(&t.line(kind, code));
    }
}

fn grid(kind: &str, rules: &Rules, out: &mut String) {
    let cats: Vec<Option<String>> = some(category::NAMES).into_iter().chain([Some(category::UNKNOWN.into())]).collect();
    let disps = some(fields::DISPOSITIONS);
    let lvls = some(fields::LEVELS);
    // A code with no rules file, and none at all, once each.
    let mut codes: Vec<&str> = rules.by_code.keys().map(String::as_str).collect();
    // `screen` hashes every rules file for the version, once per screening: here it is done once,
    // and the cases and flags screened as `screen` screens them.
    let version = RulesVersion::of(rules);
    let screen = |rules: &Rules, input: &Input, date: Date| {
        let cases = input.cases.iter().map(|c| screen_case(rules, &input.person, &input.cases, c, date)).collect();
        Screening {
            disclaimer: report::DISCLAIMER,
            date,
            rules_version: version.at(date),
            cases,
            flags: flags(&input.person, &input.cases, date),
        }
    };
    codes.push("ZZ");
    for code in codes {
        let mut t = Tally::default();
        let mut i = 0u64;
        for cat in &cats {
            for disp in &disps {
                for lvl in &lvls {
                    let (input, date) = grid_input(code, i, cat.clone(), disp.clone(), lvl.clone());
                    let s = screen(rules, &input, date);
                    // Everything printed for one point in 16; what can differ for every point.
                    if i % 16 == 0 {
                        t.add(&s);
                    } else {
                        t.add_findings(&s);
                    }
                    i += 1;
                    if code == "ZZ" {
                        break;
                    }
                }
            }
        }
        out.push_str(&t.line(kind, code));
    }
    let mut t = Tally::default();
    t.add(&screen(rules, &Input { cases: vec![Case::default()], ..Input::default() }, Date::constant(2026, 1, 15)));
    out.push_str(&t.line(kind, "-"));
}

#[test]
fn golden_every_screening_prints_what_it_printed_before() {
    let mut out = String::new();
    let shipped = load("rules");
    examples("example", &shipped, &mut out);
    grid("grid", &shipped, &mut out);
    let fixture = load("tests/fixtures/rules");
    examples("fixture", &fixture, &mut out);
    grid("fixgrid", &fixture, &mut out);
    expect_test::expect_file!["golden.txt"].assert_eq(&out);
}
