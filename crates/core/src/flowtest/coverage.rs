//! What full coverage of a flow means, and what the tests walked of it: every step reached, every
//! branch taken and not taken (a consent's decline too), every option of every choice that a
//! branch reads, and each repeating group at 0, 1 and 2 instances.

use super::Walked;
use crate::engine::Via;
use crate::flow::{Flow, Kind, Target};
use std::collections::BTreeSet;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum ItemKind {
    Step,
    BranchTaken,
    BranchNotTaken,
    Option,
    GroupSize,
}

impl ItemKind {
    pub fn heading(self) -> &'static str {
        match self {
            ItemKind::Step => "steps reached",
            ItemKind::BranchTaken => "branches taken",
            ItemKind::BranchNotTaken => "branches not taken",
            ItemKind::Option => "options of choices that branch",
            ItemKind::GroupSize => "repeating groups at 0, 1, 2",
        }
    }
}

/// One thing full coverage needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub kind: ItemKind,
    /// What it is, for the report: "`urgent` → urgent_date when urgent is yes".
    pub what: String,
    pub covered: bool,
}

/// What is still missing, by kind.
pub type Gap = Item;

/// Every coverage item of the flow, each marked covered or not by what the tests walked.
pub fn coverage(flow: &Flow, walked: &Walked) -> Vec<Item> {
    let mut items = Vec::new();
    let mut push = |kind, what: String, covered| items.push(Item { kind, what, covered });
    for step in &flow.steps {
        push(ItemKind::Step, format!("`{}`", step.id), walked.steps.contains(&step.id));
    }
    let left: Vec<(&String, &Via)> = walked.routes.iter().map(|(s, r)| (s, r)).collect();
    for step in &flow.steps {
        let taken = |r: Via| left.iter().any(|(s, x)| **s == step.id && **x == r);
        let left_otherwise = |r: Via| left.iter().any(|(s, x)| **s == step.id && **x != r);
        for (i, b) in step.branches.iter().enumerate() {
            let what = format!("`{}` → {} when {}", step.id, target(&b.goto), b.when.describe());
            push(ItemKind::BranchTaken, what.clone(), taken(Via::Branch(i)));
            push(ItemKind::BranchNotTaken, what, left_otherwise(Via::Branch(i)));
        }
        if let Kind::Consent { decline } = &step.kind {
            let what = format!("`{}` declined → {}", step.id, target(decline));
            push(ItemKind::BranchTaken, what.clone(), taken(Via::Decline));
            push(ItemKind::BranchNotTaken, what, left_otherwise(Via::Decline));
        }
    }
    for step in branching_choices(flow) {
        for (value, _) in flow.options_of(step) {
            let covered = walked.options.contains(&(step.id.clone(), value.clone()));
            push(ItemKind::Option, format!("`{}` answered `{value}`", step.id), covered);
        }
    }
    for g in flow.groups.keys() {
        // No instance at all is a whole intake only where a submission can be reached without
        // entering the group (a flow that asks its first case on the short path has none).
        let from = if submits_without(flow, g) { 0 } else { 1 };
        for n in from..=2u32 {
            let covered = walked.group_sizes.get(g).is_some_and(|s| s.contains(&n));
            let what = match n {
                0 => format!("a whole intake with no `{g}`"),
                1 => format!("a whole intake with one `{g}`"),
                _ => format!("a whole intake with two or more `{g}`"),
            };
            push(ItemKind::GroupSize, what, covered);
        }
    }
    items
}

/// Whether an end with `result = "submitted"` can be reached from the start without entering
/// group `g`.
fn submits_without(flow: &Flow, g: &str) -> bool {
    let mut seen = std::collections::BTreeSet::new();
    let mut queue = vec![flow.start.clone()];
    while let Some(id) = queue.pop() {
        let Some(s) = flow.step(&id) else { continue };
        if s.group.as_deref() == Some(g) || !seen.insert(id) {
            continue;
        }
        if matches!(s.kind, Kind::End { result: crate::flow::EndResult::Submitted }) {
            return true;
        }
        queue.extend(flow.leads_to(s));
    }
    false
}

/// Choice steps whose answer some branch reads.
fn branching_choices(flow: &Flow) -> Vec<&crate::flow::Step> {
    let mut read = BTreeSet::new();
    for step in &flow.steps {
        for b in &step.branches {
            let mut refs = Vec::new();
            b.when.references(&mut refs);
            read.extend(refs);
        }
    }
    flow.steps
        .iter()
        .filter(|s| read.contains(&s.id) && matches!(s.kind, Kind::Single | Kind::Multi | Kind::YesNo))
        .collect()
}

fn target(t: &Target) -> String {
    match t {
        Target::Step(s) => s.clone(),
        Target::NewInstance(g) => format!("another {g}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow() -> Flow {
        let text = r#"
[flow]
id = "t"
start = "a"
languages = ["en"]

[[step]]
id = "a"
kind = "single"
prompt = "q-a"
options = [{ value = "x", label = "o-x" }, { value = "y", label = "o-y" }]
next = "done"
branch = [{ when = { answer = "a", equals = "x" }, goto = "b" }]

[[step]]
id = "b"
kind = "info"
prompt = "q-b"
next = "done"

[[step]]
id = "done"
kind = "end"
prompt = "q-done"
result = "paused"
"#;
        let (flow, diags) = crate::flow::load_str(std::path::Path::new("t.toml"), text);
        assert!(!crate::diag::has_errors(&diags), "{diags:?}");
        flow
    }

    #[test]
    fn a_branch_needs_to_be_taken_and_not_taken_and_each_option_chosen() {
        let flow = flow();
        let mut w = Walked::default();
        w.steps.extend(["a".to_string(), "b".to_string(), "done".to_string()]);
        w.routes.insert(("a".into(), Via::Branch(0)));
        w.options.insert(("a".into(), "x".into()));
        let items = coverage(&flow, &w);
        let missing: Vec<(ItemKind, &str)> =
            items.iter().filter(|i| !i.covered).map(|i| (i.kind, i.what.as_str())).collect();
        assert_eq!(
            missing,
            vec![(ItemKind::BranchNotTaken, "`a` → b when a = x"), (ItemKind::Option, "`a` answered `y`")]
        );
        w.routes.insert(("a".into(), Via::Next));
        w.options.insert(("a".into(), "y".into()));
        assert!(coverage(&flow, &w).iter().all(|i| i.covered));
    }
}
