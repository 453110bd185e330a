//! Flow tests that admins write (`flows/tests/*.toml`): each a conversation and what must follow
//! from it, run through the real engine, rendering, screening and summary. `clearpath flows test`
//! runs them; `--coverage` and `flows paths` say what they walk of the flow.

pub mod coverage;
pub mod run;
pub mod spec;

pub use coverage::{coverage, Gap, Item, ItemKind};
pub use run::{run, Env, Failure, Outcome};
pub use spec::{parse, Spec};

use crate::engine::Via;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// What tests walked of a flow: steps reached, the routes each step was left by, options chosen,
/// and how many instances of each group a whole intake had (2 meaning two or more).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Walked {
    pub steps: BTreeSet<String>,
    pub routes: BTreeSet<(String, Via)>,
    pub options: BTreeSet<(String, String)>,
    pub group_sizes: BTreeMap<String, BTreeSet<u32>>,
}

impl Walked {
    pub fn merge(&mut self, other: &Walked) {
        self.steps.extend(other.steps.iter().cloned());
        self.routes.extend(other.routes.iter().cloned());
        self.options.extend(other.options.iter().cloned());
        for (g, sizes) in &other.group_sizes {
            self.group_sizes.entry(g.clone()).or_default().extend(sizes.iter().copied());
        }
    }
}

/// A failed test as an admin reads it: the file and line, what differed, and a diff.
pub fn describe_failure(spec: &Spec, outcome: &Outcome) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "FAILED {}: {}", spec.path.display(), spec.description);
    for f in &outcome.failures {
        let _ = writeln!(s, "  {}:{}: {}", spec.path.display(), f.line, f.what);
        for l in f.expected.lines() {
            let _ = writeln!(s, "    - expected: {l}");
        }
        for l in f.actual.lines() {
            let _ = writeln!(s, "    + actual:   {l}");
        }
    }
    if !outcome.transcript.is_empty() {
        let _ = writeln!(s, "  the conversation up to there:");
        let skip = outcome.transcript.len().saturating_sub(8);
        if skip > 0 {
            let _ = writeln!(s, "    ... {skip} earlier turn(s)");
        }
        for (asked, did) in outcome.transcript.iter().skip(skip) {
            let at = if asked.is_empty() {
                "(no question)".to_string()
            } else {
                run::shown(&crate::engine::answer::Pos::from_key(asked))
            };
            let _ = writeln!(s, "    {at}: {did}");
        }
    }
    s
}
