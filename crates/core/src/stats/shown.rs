//! How a count may be shown: rounded to the nearest 5, and anything under 5 (none included) shown
//! as "fewer than 5". So no shown cell tells about one person, zero is not told apart from one,
//! and a small cell cannot be worked out exactly from the others (each is rounded on its own).

use std::fmt;

/// A count as administrators see it. The exact count is not kept in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shown {
    /// 0 to 4.
    FewerThanFive,
    /// The count rounded to the nearest multiple of 5 (halves cannot occur); always at least 5.
    About(u64),
}

impl Shown {
    pub fn of(count: u64) -> Shown {
        if count < 5 {
            Shown::FewerThanFive
        } else {
            Shown::About(count.saturating_add(2) / 5 * 5)
        }
    }
}

impl fmt::Display for Shown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Shown::FewerThanFive => f.write_str("fewer than 5"),
            Shown::About(n) => write!(f, "{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counts_round_to_the_nearest_five_and_small_ones_are_not_told() {
        let shown: Vec<String> =
            [0, 1, 4, 5, 7, 8, 12, 13, 100, 102, 103].iter().map(|n| Shown::of(*n).to_string()).collect();
        assert_eq!(
            shown,
            ["fewer than 5", "fewer than 5", "fewer than 5", "5", "5", "10", "10", "15", "100", "100", "105"]
        );
        assert_eq!(Shown::of(u64::MAX), Shown::About(u64::MAX / 5 * 5));
    }

    proptest! {
        #[test]
        fn a_shown_count_never_reveals_an_exact_count_under_five(n in 0u64..10_000) {
            let s = Shown::of(n);
            if n < 5 {
                // Zero and one to four read alike.
                prop_assert_eq!(s, Shown::of(0));
                prop_assert_eq!(s.to_string(), "fewer than 5");
            } else {
                let Shown::About(m) = s else { panic!("{n} shown as {s:?}") };
                prop_assert!(m % 5 == 0 && m >= 5 && m.abs_diff(n) <= 2, "{} shown as {}", n, m);
            }
        }

        #[test]
        fn every_count_within_a_rounding_step_reads_the_same(n in 5u64..10_000) {
            // What is shown depends only on the nearest multiple of 5: the five counts that round
            // to it read alike, so one more or one fewer person is not told apart.
            let m = Shown::of(n);
            let base = (n + 2) / 5 * 5;
            for k in base.saturating_sub(2)..=base + 2 {
                if k >= 5 {
                    prop_assert_eq!(Shown::of(k), m);
                }
            }
        }
    }
}
