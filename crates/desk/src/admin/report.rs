//! The `/stats` reply: the weekly counters summed, and shown only as [`Shown`] (rounded to the
//! nearest 5; "fewer than 5" for 0 to 4). No exact count is ever formatted here.
//!
//! Rows are decided so that their presence tells nothing a shown cell does not: every language of
//! the flow always has its row (a language nobody used reads "fewer than 5" like one used once),
//! and a jurisdiction has its own row only once one of its counts in total is 5 or more; the
//! others are summed into one row.

use crate::jurisdiction::english_name;
use crate::stats::{By, Cell, Milestone, Shown};
use crate::store::Counters;
use std::collections::{BTreeMap, BTreeSet};

/// The counters summed: this week's, and every week's.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Sums {
    pub week: BTreeMap<Cell, u64>,
    pub total: BTreeMap<Cell, u64>,
    /// Weeks whose counters do not open (left out of the sums).
    pub unreadable: usize,
}

impl Sums {
    /// Sums the counters of every week; `week` is this week's period. Cells this program does
    /// not write are left out.
    pub fn of(counters: &[Counters], week: &str) -> Sums {
        let mut sums = Sums::default();
        for c in counters {
            for (name, n) in &c.cells {
                let Some(cell) = Cell::decode(name) else { continue };
                if c.period == week {
                    add(&mut sums.week, cell.clone(), *n);
                }
                add(&mut sums.total, cell, *n);
            }
        }
        sums
    }

    /// Adds `n` to a cell this week (and so in total).
    pub fn add(&mut self, cell: Cell, n: u64) {
        add(&mut self.week, cell.clone(), n);
        add(&mut self.total, cell, n);
    }
}

fn add(map: &mut BTreeMap<Cell, u64>, cell: Cell, n: u64) {
    let e = map.entry(cell).or_insert(0);
    *e = e.saturating_add(n);
}

fn sum(map: &BTreeMap<Cell, u64>, m: Milestone, by: &[By]) -> u64 {
    by.iter().filter_map(|b| map.get(&Cell::new(m, b.clone()))).fold(0, |a, n| a.saturating_add(*n))
}

/// The reply to `/stats`. `languages` are the flow's, as (code, name).
pub fn report(sums: &Sums, week: &str, languages: &[(String, String)]) -> String {
    let mut out = format!(
        "Intake counts, this week ({week}, UTC) and in total.\n\
         Each count is rounded to the nearest 5, and \"fewer than 5\" stands for 0 to 4. \
         A conversation counts at most once in each line.\n"
    );
    let used: BTreeSet<&By> = sums.total.keys().map(|c| &c.by).collect();
    block(&mut out, sums, "All conversations", &[By::All], &Milestone::ALL);
    // A language with a count of 5 or more has its own row; the others are counted together (as
    // jurisdictions are), so that twelve languages do not make twelve rows of "fewer than 5".
    let large_language = |code: &String| {
        Milestone::ALL.into_iter().any(|m| sum(&sums.total, m, &[By::Language(Some(code.clone()))]) >= 5)
    };
    let mut small = Vec::new();
    for (code, name) in languages {
        if large_language(code) {
            block(&mut out, sums, &format!("{name} ({code})"), &[By::Language(Some(code.clone()))], &Milestone::ALL);
        } else {
            small.push((code, name));
        }
    }
    if !small.is_empty() {
        let names: Vec<String> = small.iter().map(|(c, n)| format!("{n} ({c})")).collect();
        let by: Vec<By> = small.iter().map(|(c, _)| By::Language(Some((*c).clone()))).collect();
        block(&mut out, sums, &format!("Other languages, together: {}", names.join(", ")), &by, &Milestone::ALL);
    }
    // Not chosen yet, or a language the flow no longer offers.
    let mut other: Vec<By> = vec![By::Language(None)];
    other.extend(
        used.iter()
            .filter(|b| matches!(b, By::Language(Some(l)) if !languages.iter().any(|(c, _)| c == l)))
            .map(|b| (*b).clone()),
    );
    block(&mut out, sums, "Language not chosen, or no longer offered", &other, &Milestone::ALL);

    let later: Vec<Milestone> = Milestone::ALL.into_iter().filter(|m| m.by_jurisdiction()).collect();
    out.push_str(
        "\nBy jurisdiction: completed, exited and paused only (the case questions come after \
         consent); a conversation naming several jurisdictions counts in each.\n",
    );
    let named: Vec<&String> =
        used.iter().filter_map(|b| if let By::Jurisdiction(Some(j)) = b { Some(j) } else { None }).collect();
    let large =
        |j: &String| Milestone::ALL.into_iter().any(|m| sum(&sums.total, m, &[By::Jurisdiction(Some(j.clone()))]) >= 5);
    let mut rest = Vec::new();
    for j in named {
        let by = By::Jurisdiction(Some(j.clone()));
        if large(j) {
            let name = english_name(j).unwrap_or("unknown");
            block(&mut out, sums, &format!("{name} ({j})"), &[by], &later);
        } else {
            rest.push(by);
        }
    }
    block(&mut out, sums, "Other jurisdictions", &rest, &later);
    block(&mut out, sums, "No jurisdiction given", &[By::Jurisdiction(None)], &later);
    if sums.unreadable > 0 {
        out.push_str(&format!(
            "\nThe counters of {} week(s) do not open and are left out (the log says more).\n",
            sums.unreadable
        ));
    }
    out
}

/// One row: its heading, then a line per milestone, this week and in total.
fn block(out: &mut String, sums: &Sums, heading: &str, by: &[By], milestones: &[Milestone]) {
    out.push_str(&format!("\n{heading}\n"));
    for m in milestones {
        let week = Shown::of(sum(&sums.week, *m, by));
        let total = Shown::of(sum(&sums.total, *m, by));
        out.push_str(&format!("  {}: {week} this week, {total} in total\n", m.name()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn languages() -> Vec<(String, String)> {
        vec![("en".into(), "English".into()), ("es".into(), "Español".into())]
    }

    fn cell(name: &str) -> Cell {
        Cell::decode(name).unwrap()
    }

    #[test]
    fn the_report_shows_rounded_counts_and_small_jurisdictions_only_summed() {
        let mut sums = Sums::default();
        for (name, week, total) in [
            ("started", 9, 23),
            ("started/lang/en", 6, 14),
            ("started/lang/es", 3, 8),
            ("started/lang/-", 0, 1),
            ("consented", 7, 17),
            ("completed", 2, 12),
            ("completed/jur/CA", 1, 7),
            ("completed/jur/WY", 1, 1),
            ("completed/jur/NY", 0, 3),
            ("exited/jur/-", 4, 4),
            ("paused/lang/fr", 2, 2),
        ] {
            sums.add(cell(name), week);
            sums.total.entry(cell(name)).and_modify(|n| *n = total);
        }
        let text = report(&sums, "2026-W49", &languages());
        let expected = "\
Intake counts, this week (2026-W49, UTC) and in total.
Each count is rounded to the nearest 5, and \"fewer than 5\" stands for 0 to 4. A conversation counts at most once in each line.

All conversations
  started: 10 this week, 25 in total
  consented: 5 this week, 15 in total
  completed: fewer than 5 this week, 10 in total
  exited: fewer than 5 this week, fewer than 5 in total
  paused: fewer than 5 this week, fewer than 5 in total

English (en)
  started: 5 this week, 15 in total
  consented: fewer than 5 this week, fewer than 5 in total
  completed: fewer than 5 this week, fewer than 5 in total
  exited: fewer than 5 this week, fewer than 5 in total
  paused: fewer than 5 this week, fewer than 5 in total

Español (es)
  started: fewer than 5 this week, 10 in total
  consented: fewer than 5 this week, fewer than 5 in total
  completed: fewer than 5 this week, fewer than 5 in total
  exited: fewer than 5 this week, fewer than 5 in total
  paused: fewer than 5 this week, fewer than 5 in total

Language not chosen, or no longer offered
  started: fewer than 5 this week, fewer than 5 in total
  consented: fewer than 5 this week, fewer than 5 in total
  completed: fewer than 5 this week, fewer than 5 in total
  exited: fewer than 5 this week, fewer than 5 in total
  paused: fewer than 5 this week, fewer than 5 in total

By jurisdiction: completed, exited and paused only (the case questions come after consent); a conversation naming several jurisdictions counts in each.

California (CA)
  completed: fewer than 5 this week, 5 in total
  exited: fewer than 5 this week, fewer than 5 in total
  paused: fewer than 5 this week, fewer than 5 in total

Other jurisdictions
  completed: fewer than 5 this week, fewer than 5 in total
  exited: fewer than 5 this week, fewer than 5 in total
  paused: fewer than 5 this week, fewer than 5 in total

No jurisdiction given
  completed: fewer than 5 this week, fewer than 5 in total
  exited: fewer than 5 this week, fewer than 5 in total
  paused: fewer than 5 this week, fewer than 5 in total
";
        assert_eq!(text, expected);
    }

    #[test]
    fn one_person_more_in_a_small_cell_changes_nothing_shown() {
        let empty = report(&Sums::default(), "2026-W49", &languages());
        let mut one = Sums::default();
        for name in ["completed", "completed/lang/es", "completed/jur/WY"] {
            one.add(cell(name), 1);
        }
        assert_eq!(report(&one, "2026-W49", &languages()), empty);
        assert!(!empty.contains("Wyoming"));
    }

    #[test]
    fn counters_of_every_week_sum_and_this_weeks_apart() {
        let week = |p: &str, cells: &[(&str, u64)]| Counters {
            period: p.into(),
            cells: cells.iter().map(|(c, n)| (c.to_string(), *n)).collect(),
        };
        let sums = Sums::of(
            &[
                week("2026-W48", &[("started", 4), ("started/lang/es", 4), ("nonsense/x", 9)]),
                week("2026-W49", &[("started", 2), ("started/lang/en", 2)]),
            ],
            "2026-W49",
        );
        assert_eq!(sums.total.get(&cell("started")), Some(&6));
        assert_eq!(sums.week.get(&cell("started")), Some(&2));
        assert_eq!(sums.week.get(&cell("started/lang/es")), None);
        assert_eq!(sums.total.len(), 3, "an unknown cell is left out: {sums:?}");
    }

    fn any_cell() -> impl Strategy<Value = Cell> {
        let m = prop::sample::select(Milestone::ALL.to_vec());
        let by = prop_oneof![
            Just(By::All),
            prop::sample::select(vec!["en", "es", "fr"]).prop_map(|l| By::Language(Some(l.to_string()))),
            Just(By::Language(None)),
            prop::sample::select(vec!["CA", "NY", "TX", "WY"]).prop_map(|j| By::Jurisdiction(Some(j.to_string()))),
            Just(By::Jurisdiction(None)),
        ];
        (m, by).prop_map(|(m, by)| Cell::new(m, by))
    }

    proptest! {
        #[test]
        fn no_line_of_the_report_shows_an_exact_count_under_five_or_an_unrounded_one(
            cells in prop::collection::vec((any_cell(), 0u64..40, 0u64..40), 0..40)
        ) {
            let mut sums = Sums::default();
            for (c, week, earlier) in cells {
                sums.add(c.clone(), week);
                add(&mut sums.total, c, earlier);
            }
            let text = report(&sums, "2026-W49", &languages());
            for line in text.lines().filter(|l| l.starts_with("  ")) {
                // Every number shown is a multiple of 5 and at least 5 ("fewer than 5" aside).
                let rest = line.replace("fewer than 5", "");
                for n in rest.split(|c: char| !c.is_ascii_digit()).filter(|t| !t.is_empty()) {
                    let n: u64 = n.parse().unwrap();
                    prop_assert!(n >= 5 && n % 5 == 0, "{} in {:?}", n, line);
                }
            }
            // A jurisdiction's own row only once one of its counts in total is 5 or more.
            for (code, name) in [("CA", "California"), ("NY", "New York"), ("TX", "Texas"), ("WY", "Wyoming")] {
                let large = Milestone::ALL.into_iter().any(|m| {
                    sums.total.get(&Cell::new(m, By::Jurisdiction(Some(code.into())))).is_some_and(|n| *n >= 5)
                });
                prop_assert_eq!(text.contains(name), large, "{}", code);
            }
        }
    }
}
