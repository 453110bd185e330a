//! Coordinates: x by ordered least squares towards each item's neighbours, then straightened;
//! y by rank.

use super::layered::{Item, Layered};
use super::{CLUSTER_PAD, CLUSTER_TITLE, PLACE_ROUNDS, RANK_GAP};
use std::collections::BTreeMap;

impl Layered {
    pub(super) fn place_x(&mut self) {
        for r in 0..self.layers.len() {
            let layer = self.layers.get(r).cloned().unwrap_or_default();
            let mut x = 0.0;
            let mut xs = Vec::with_capacity(layer.len());
            for (k, &i) in layer.iter().enumerate() {
                if k > 0 {
                    x += layer.get(k - 1).map(|&prev| self.separation(prev, i)).unwrap_or(0.0);
                }
                xs.push(x);
            }
            let mid = x / 2.0;
            for (&i, x) in layer.iter().zip(xs) {
                if let Some(it) = self.items.get_mut(i) {
                    it.x = x - mid;
                }
            }
        }
        let depth = self.layers.len();
        for round in 0..PLACE_ROUNDS {
            if round % 2 == 0 {
                for r in 1..depth {
                    self.align(r, Some(true));
                }
            } else {
                for r in (0..depth.saturating_sub(1)).rev() {
                    self.align(r, Some(false));
                }
            }
        }
        // A last pass balances each item between what is above and below it.
        for r in 0..depth {
            self.align(r, None);
        }
        self.straighten();
    }

    /// Puts each item linked one to one with the item above it (a step with one way in from a
    /// step with one way out, the points of a long edge) right under it, where the rank leaves
    /// room: chains come out straight instead of leaning.
    fn straighten(&mut self) {
        for r in 1..self.layers.len() {
            let Some(layer) = self.layers.get(r).cloned() else {
                continue;
            };
            for (k, &b) in layer.iter().enumerate() {
                let Some(item) = self.item(b) else { continue };
                let above = match item.up.as_slice() {
                    [a] => self.item(*a).filter(|a| a.down.len() == 1),
                    _ => None,
                };
                let Some(above) = above else { continue };
                let mut x = above.port() - item.port_offset();
                let left = k.checked_sub(1).and_then(|p| layer.get(p));
                if let Some(&l) = left {
                    x = x.max(self.item(l).map_or(f64::NEG_INFINITY, |it| it.x + self.separation(l, b)));
                }
                if let Some(&n) = layer.get(k + 1) {
                    x = x.min(self.item(n).map_or(f64::INFINITY, |it| it.x - self.separation(b, n)));
                }
                if let Some(it) = self.items.get_mut(b) {
                    it.x = x;
                }
            }
        }
    }

    /// Moves one rank's items as near the mean of their neighbours above (`Some(true)`), below
    /// (`Some(false)`) or both (`None`) as the order and spacing allow.
    fn align(&mut self, r: usize, from_above: Option<bool>) {
        let Some(layer) = self.layers.get(r).cloned() else {
            return;
        };
        let mut desired = Vec::with_capacity(layer.len());
        let mut weights = Vec::with_capacity(layer.len());
        for &i in &layer {
            let Some(it) = self.item(i) else {
                desired.push(0.0);
                weights.push(1.0);
                continue;
            };
            let nbs: Vec<usize> = match from_above {
                None => it.up.iter().chain(&it.down).copied().collect(),
                Some(true) => it.up.clone(),
                Some(false) => it.down.clone(),
            };
            let ports: Vec<f64> = nbs.iter().filter_map(|&nb| self.item(nb)).map(Item::port).collect();
            desired.push(if ports.is_empty() {
                it.x
            } else {
                ports.iter().sum::<f64>() / ports.len() as f64 - it.port_offset()
            });
            weights.push(it.weight());
        }
        let seps: Vec<f64> = layer
            .windows(2)
            .map(|w| w.first().zip(w.get(1)))
            .map(|p| match p {
                Some((&a, &b)) => self.separation(a, b),
                None => 0.0,
            })
            .collect();
        for (&i, x) in layer.iter().zip(isotonic(&desired, &weights, &seps)) {
            if let Some(it) = self.items.get_mut(i) {
                it.x = x;
            }
        }
    }

    /// y by rank: each rank as tall as its tallest item, with room between for cluster titles.
    pub(super) fn place_y(&mut self) {
        let mut first: BTreeMap<usize, usize> = BTreeMap::new();
        let mut last: BTreeMap<usize, usize> = BTreeMap::new();
        for it in &self.items {
            if let Some(c) = it.cluster {
                let f = first.entry(c).or_insert(it.rank);
                *f = (*f).min(it.rank);
                let l = last.entry(c).or_insert(it.rank);
                *l = (*l).max(it.rank);
            }
        }
        let mut top = 0.0;
        self.bands.clear();
        for (r, layer) in self.layers.iter().enumerate() {
            if r > 0 {
                top += RANK_GAP;
                top += first.values().filter(|&&f| f == r).count() as f64 * (CLUSTER_TITLE + CLUSTER_PAD);
                top += last.values().filter(|&&l| l + 1 == r).count() as f64 * CLUSTER_PAD;
            }
            let h = layer.iter().filter_map(|&i| self.items.get(i)).map(|it| it.size.h).fold(0.0, f64::max);
            self.bands.push((top, h));
            top += h;
        }
        for it in &mut self.items {
            if let Some(&(t, h)) = self.bands.get(it.rank) {
                it.y = t + h / 2.0;
            }
        }
    }
}

/// Weighted least squares with order: the `x` nearest `desired` such that each is at least
/// `seps[i]` right of the one before. With `y = x - offset` this is isotonic regression, solved
/// by pooling adjacent violators.
fn isotonic(desired: &[f64], weights: &[f64], seps: &[f64]) -> Vec<f64> {
    let mut offsets = Vec::with_capacity(desired.len());
    let mut acc = 0.0;
    for k in 0..desired.len() {
        offsets.push(acc);
        acc += seps.get(k).copied().unwrap_or(0.0);
    }
    // Blocks of (total weight, weighted sum, count).
    let mut blocks: Vec<(f64, f64, usize)> = Vec::new();
    for ((d, w), o) in desired.iter().zip(weights).zip(&offsets) {
        blocks.push((*w, w * (d - o), 1));
        while blocks.len() >= 2 {
            let (Some(&b), Some(&a)) = (blocks.last(), blocks.iter().rev().nth(1)) else {
                break;
            };
            if a.1 / a.0 <= b.1 / b.0 {
                break;
            }
            blocks.pop();
            blocks.pop();
            blocks.push((a.0 + b.0, a.1 + b.1, a.2 + b.2));
        }
    }
    let ys = blocks.iter().flat_map(|&(w, s, count)| std::iter::repeat_n(s / w, count));
    ys.zip(&offsets).map(|(y, o)| y + o).collect()
}
