//! The order within each rank: barycentre sweeps, keeping the order that crosses least.

use super::layered::Layered;
use super::ORDER_SWEEPS;
use std::collections::BTreeMap;

/// What [`Layered::reorder`] sorts: an item alone, or a cluster's members as one block.
struct Entry {
    key: f64,
    /// Where it began in the rank: ties keep the earlier.
    pos: usize,
    members: Vec<Member>,
}

struct Member {
    key: f64,
    pos: usize,
    item: usize,
}

impl Layered {
    pub(super) fn order(&mut self) {
        let mut best = self.layers.clone();
        let mut best_crossings = self.crossings();
        for sweep in 0..ORDER_SWEEPS {
            let downwards = sweep % 2 == 0;
            let ranks: Vec<usize> = if downwards {
                (1..self.layers.len()).collect()
            } else {
                (0..self.layers.len()).rev().skip(1).collect()
            };
            for r in ranks {
                self.reorder(r, downwards);
            }
            let c = self.crossings();
            if c < best_crossings {
                best_crossings = c;
                best = self.layers.clone();
            }
        }
        self.layers = best;
    }

    /// Sorts one rank by the barycentre of each item's neighbours in the rank above (`downwards`)
    /// or below; a cluster's members move as one block, at their mean.
    fn reorder(&mut self, r: usize, downwards: bool) {
        let pos = self.positions();
        let Some(layer) = self.layers.get(r) else {
            return;
        };
        let bary = |i: usize| -> f64 {
            let own = pos.get(i).copied().unwrap_or(0) as f64;
            let Some(item) = self.item(i) else {
                return own;
            };
            let nbs = if downwards { &item.up } else { &item.down };
            if nbs.is_empty() {
                return own;
            }
            nbs.iter().map(|&nb| pos.get(nb).copied().unwrap_or(0) as f64).sum::<f64>() / nbs.len() as f64
        };
        let mut entries: Vec<Entry> = Vec::new();
        let mut blocks: BTreeMap<usize, usize> = BTreeMap::new();
        for (p, &i) in layer.iter().enumerate() {
            let member = Member { key: bary(i), pos: p, item: i };
            match self.item(i).and_then(|it| it.cluster) {
                Some(c) => match blocks.get(&c).and_then(|&e| entries.get_mut(e)) {
                    Some(entry) => entry.members.push(member),
                    None => {
                        blocks.insert(c, entries.len());
                        entries.push(Entry { key: 0.0, pos: p, members: vec![member] });
                    }
                },
                None => entries.push(Entry { key: member.key, pos: p, members: vec![member] }),
            }
        }
        for entry in &mut entries {
            let n = entry.members.len().max(1) as f64;
            entry.key = entry.members.iter().map(|m| m.key).sum::<f64>() / n;
            entry.members.sort_by(|a, b| a.key.total_cmp(&b.key).then(a.pos.cmp(&b.pos)));
        }
        entries.sort_by(|a, b| a.key.total_cmp(&b.key).then(a.pos.cmp(&b.pos)));
        let new: Vec<usize> = entries.into_iter().flat_map(|e| e.members.into_iter().map(|m| m.item)).collect();
        if let Some(l) = self.layers.get_mut(r) {
            *l = new;
        }
    }

    fn crossings(&self) -> usize {
        let pos = self.positions();
        let p = |i: usize| pos.get(i).copied().unwrap_or(0);
        let mut total = 0;
        for layer in &self.layers {
            let segs: Vec<(usize, usize)> = layer
                .iter()
                .flat_map(|&a| self.item(a).map(|it| it.down.as_slice()).unwrap_or(&[]).iter().map(move |&b| (a, b)))
                .map(|(a, b)| (p(a), p(b)))
                .collect();
            for (k, s) in segs.iter().enumerate() {
                total +=
                    segs.iter().skip(k + 1).filter(|t| (s.0 < t.0 && s.1 > t.1) || (s.0 > t.0 && s.1 < t.1)).count();
            }
        }
        total
    }
}
