//! `flows paths`: how many ways there are through a flow, from its start to an end, counting each
//! branch, `next` and consent decline as a way on, with each repeating group bounded (a path may
//! start at most `bound` instances of it). Conditions are not evaluated: two branches with the same
//! target are two paths, and so is a branch no answer could take.

use super::{Flow, Kind, Target};
use std::collections::{BTreeMap, HashMap};

/// Paths through a flow, by how many group instances they hold in all (index 0..=bound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathCount {
    pub bound: u32,
    pub by_instances: Vec<u128>,
    /// Paths ending at each end step.
    pub by_end: BTreeMap<String, u128>,
}

impl PathCount {
    pub fn total(&self) -> u128 {
        self.by_instances.iter().sum()
    }
}

/// A step and how many instances of each group (in `Flow::groups` order) the path has started.
type State = (String, Vec<u32>);

#[derive(Clone)]
struct Counts {
    by_instances: Vec<u128>,
    by_end: BTreeMap<String, u128>,
}

struct Counter<'a> {
    flow: &'a Flow,
    bound: u32,
    groups: Vec<&'a str>,
    memo: HashMap<State, Counts>,
    on_stack: std::collections::HashSet<State>,
}

/// Counts the paths from the flow's start with each group started at most `bound` times.
pub fn count(flow: &Flow, bound: u32) -> PathCount {
    let groups: Vec<&str> = flow.groups.keys().map(String::as_str).collect();
    let mut c = Counter { flow, bound, groups, memo: HashMap::new(), on_stack: Default::default() };
    let zero = vec![0; c.groups.len()];
    let counts = match c.enter(&flow.start, None, &zero) {
        Some(state) => c.paths(state),
        None => c.zero(),
    };
    PathCount { bound, by_instances: counts.by_instances, by_end: counts.by_end }
}

impl Counter<'_> {
    fn zero(&self) -> Counts {
        Counts { by_instances: vec![0; self.bound as usize + 1], by_end: BTreeMap::new() }
    }

    /// One more instance of group `g`, unless that passes the bound.
    fn bump(&self, g: &str, counts: &[u32]) -> Option<Vec<u32>> {
        let gi = self.groups.iter().position(|x| *x == g)?;
        let mut counts = counts.to_vec();
        let n = counts.get_mut(gi)?;
        *n += 1;
        (*n <= self.bound).then_some(counts)
    }

    /// The state on arriving at step `to` from step `from`: entering a group from outside starts
    /// an instance (refused past the bound).
    fn enter(&self, to: &str, from: Option<&str>, counts: &[u32]) -> Option<State> {
        let to_group = self.flow.step(to)?.group.as_deref();
        let from_group = from.and_then(|f| self.flow.step(f)).and_then(|s| s.group.as_deref());
        match to_group {
            Some(g) if from_group != Some(g) => Some((to.to_string(), self.bump(g, counts)?)),
            _ => Some((to.to_string(), counts.to_vec())),
        }
    }

    fn paths(&mut self, state: State) -> Counts {
        if let Some(c) = self.memo.get(&state) {
            return c.clone();
        }
        let mut out = self.zero();
        if !self.on_stack.insert(state.clone()) {
            // A loop outside any group: no finite path goes round it.
            return out;
        }
        let flow = self.flow;
        let (id, counts) = &state;
        if let Some(step) = flow.step(id) {
            if let Kind::End { .. } = step.kind {
                // With several groups the total can pass the bound: it counts in the last column.
                let total: u32 = counts.iter().sum();
                if let Some(slot) = out.by_instances.get_mut(total.min(self.bound) as usize) {
                    *slot = 1;
                }
                out.by_end.insert(step.id.clone(), 1);
            } else {
                let mut targets: Vec<&Target> = step.branches.iter().map(|b| &b.goto).collect();
                if let Kind::Consent { decline } = &step.kind {
                    targets.push(decline);
                }
                if let Kind::Checkpoint { send } = &step.kind {
                    targets.push(send);
                }
                if let Some(n) = &step.next {
                    targets.push(n);
                }
                for t in targets {
                    let next = match t {
                        Target::Step(to) => self.enter(to, Some(id), counts),
                        Target::NewInstance(g) => {
                            let start = flow.groups.get(g).map(|gr| gr.start.clone());
                            start.zip(self.bump(g, counts))
                        }
                    };
                    if let Some(next) = next {
                        let sub = self.paths(next);
                        for (a, b) in out.by_instances.iter_mut().zip(&sub.by_instances) {
                            *a = a.saturating_add(*b);
                        }
                        for (end, n) in sub.by_end {
                            let e = out.by_end.entry(end).or_insert(0);
                            *e = e.saturating_add(n);
                        }
                    }
                }
            }
        }
        self.on_stack.remove(&state);
        self.memo.insert(state, out.clone());
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Flow {
        let (flow, diags) = super::super::load_str(std::path::Path::new("t.toml"), text);
        assert!(!crate::diag::has_errors(&diags), "{diags:?}");
        flow
    }

    #[test]
    fn counts_branches_and_bounded_repeats() {
        // a -(x)-> g1 | -> done ; group g: g1 -> g2 -(more)-> new:g | -> done
        let flow = load(
            r#"
[flow]
id = "t"
start = "a"
languages = ["en"]
[groups.g]
start = "g1"
label = "l"
max = 30
[[step]]
id = "a"
kind = "single"
prompt = "q"
options = [{ value = "x", label = "o" }, { value = "y", label = "o" }]
next = "done"
branch = [{ when = { answer = "a", equals = "x" }, goto = "g1" }]
[[step]]
id = "g1"
group = "g"
kind = "single"
prompt = "q"
options = [{ value = "more", label = "o" }, { value = "no", label = "o" }]
next = "done"
branch = [{ when = { answer = "g1", equals = "more" }, goto = "new:g" }]
[[step]]
id = "done"
kind = "end"
result = "paused"
prompt = "q"
"#,
        );
        // Bound 2: a→done (0); a→g1→done (1); a→g1→g1→done (2).
        let c = count(&flow, 2);
        assert_eq!(c.by_instances, vec![1, 1, 1]);
        assert_eq!(c.total(), 3);
        assert_eq!(c.by_end.get("done"), Some(&3));
        let c = count(&flow, 0);
        assert_eq!(c.total(), 1);
    }
}
