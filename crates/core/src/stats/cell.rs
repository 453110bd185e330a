//! Where a milestone counts (a [`Cell`]: overall, in a language, in a jurisdiction), the one place
//! a cell's name in the counters is written and read, and the week a moment counts in.

use super::Milestone;
use crate::engine::Session;
use crate::flow::Flow;
use jiff::Timestamp;

/// Where a milestone counts besides overall. Cells are counted on their own (marginals), never
/// crossed (no language-by-jurisdiction cell), which keeps cells large.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum By {
    All,
    /// The conversation's language; `None` while none is chosen.
    Language(Option<String>),
    /// A jurisdiction named for one of the cases (a conversation naming two counts in both);
    /// `None` when no case names one. Only for milestones that may come after the case questions
    /// ([`Milestone::by_jurisdiction`]).
    Jurisdiction(Option<String>),
}

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    pub milestone: Milestone,
    pub by: By,
}

/// Stands for "none" in a cell's name.
const NONE: &str = "-";

impl Cell {
    pub fn new(milestone: Milestone, by: By) -> Cell {
        Cell { milestone, by }
    }

    /// The cell's name in the counters: `started`, `started/lang/es`, `started/lang/-`,
    /// `completed/jur/CA`, `completed/jur/-`.
    pub fn encode(&self) -> String {
        let m = self.milestone.name();
        match &self.by {
            By::All => m.to_string(),
            By::Language(l) => format!("{m}/lang/{}", l.as_deref().unwrap_or(NONE)),
            By::Jurisdiction(j) => format!("{m}/jur/{}", j.as_deref().unwrap_or(NONE)),
        }
    }

    /// Reads a cell's name; `None` for a name this program does not write.
    pub fn decode(name: &str) -> Option<Cell> {
        let mut parts = name.split('/');
        let milestone = Milestone::from_name(parts.next()?)?;
        let value = |v: &str| (v != NONE).then(|| v.to_string());
        let by = match (parts.next(), parts.next(), parts.next()) {
            (None, _, _) => By::All,
            (Some("lang"), Some(v), None) if is_code(v) => By::Language(value(v)),
            (Some("jur"), Some(v), None) if is_code(v) => By::Jurisdiction(value(v)),
            _ => return None,
        };
        Some(Cell { milestone, by })
    }
}

/// A language or jurisdiction code, or the "none" mark: short, and nothing that could be text.
fn is_code(v: &str) -> bool {
    v == NONE
        || (!v.is_empty() && v.len() <= 16 && v.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'))
}

/// The cells a milestone counts in, for the conversation as it stands after the step that
/// reached it: overall, its language, and for a milestone after the case questions may have come
/// each jurisdiction its cases name. Only a language of the flow and a known jurisdiction code
/// are ever written: nothing typed reaches a counter.
pub fn cells(flow: &Flow, s: &Session, milestone: Milestone) -> Vec<Cell> {
    let language = s.locale.clone().filter(|l| flow.languages.contains(l) && is_code(l));
    let mut out = vec![Cell::new(milestone, By::All), Cell::new(milestone, By::Language(language))];
    if milestone.by_jurisdiction() {
        let facts = crate::rules::intake::facts(flow, &s.answers);
        let mut named: Vec<String> = facts
            .cases
            .into_iter()
            .filter_map(|c| c.jurisdiction)
            .filter(|j| crate::jurisdiction::is_code(j))
            .collect();
        named.sort();
        named.dedup();
        if named.is_empty() {
            out.push(Cell::new(milestone, By::Jurisdiction(None)));
        }
        out.extend(named.into_iter().map(|j| Cell::new(milestone, By::Jurisdiction(Some(j)))));
    }
    out
}

/// The ISO week a moment counts in, in UTC: `2026-W49`. Counters are kept per week.
pub fn week(now: Timestamp) -> String {
    let w = now.to_zoned(jiff::tz::TimeZone::UTC).date().iso_week_date();
    format!("{:04}-W{:02}", w.year(), w.week())
}
