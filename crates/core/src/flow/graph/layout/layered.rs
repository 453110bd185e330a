//! The graph in ranks: nodes, and a point per rank for each edge spanning several.

use super::{set, Graph, Rect, Size, CLUSTER_PAD, DUMMY_GAP, LABEL_LINE, NODE_GAP};
use std::collections::BTreeSet;

#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum ItemKind {
    Node,
    /// A point of an edge spanning several ranks.
    Dummy,
    /// A point of an edge, with its label to the right of the line.
    Label,
}

/// A node, or one rank's point of a long edge.
#[derive(Clone, Debug)]
pub(super) struct Item {
    pub(super) rank: usize,
    pub(super) size: Size,
    pub(super) kind: ItemKind,
    pub(super) cluster: Option<usize>,
    /// Centre.
    pub(super) x: f64,
    pub(super) y: f64,
    pub(super) up: Vec<usize>,
    pub(super) down: Vec<usize>,
}

impl Item {
    /// Where the edge line passes, from the centre: a label's line runs down its left side.
    pub(super) fn port_offset(&self) -> f64 {
        match self.kind {
            ItemKind::Label => -self.size.w / 2.0,
            _ => 0.0,
        }
    }
    pub(super) fn port(&self) -> f64 {
        self.x + self.port_offset()
    }
    pub(super) fn rect(&self) -> Rect {
        Rect { x: self.x - self.size.w / 2.0, y: self.y - self.size.h / 2.0, w: self.size.w, h: self.size.h }
    }
    pub(super) fn weight(&self) -> f64 {
        match self.kind {
            ItemKind::Node => 1.0,
            ItemKind::Label => 2.0,
            ItemKind::Dummy => 4.0,
        }
    }
}

pub(super) struct Layered {
    pub(super) items: Vec<Item>,
    pub(super) layers: Vec<Vec<usize>>,
    /// Per edge, the items its line passes through (forward edges only).
    pub(super) chains: Vec<Vec<usize>>,
    /// Per rank: top and height of its band.
    pub(super) bands: Vec<(f64, f64)>,
}

impl Layered {
    pub(super) fn build(g: &Graph, back: &[bool], ranks: &[usize]) -> Layered {
        let n = g.nodes.len();
        let mut items: Vec<Item> = g
            .nodes
            .iter()
            .zip(ranks)
            .map(|(spec, &rank)| Item {
                rank,
                size: spec.size,
                kind: ItemKind::Node,
                cluster: spec.cluster,
                x: 0.0,
                y: 0.0,
                up: Vec::new(),
                down: Vec::new(),
            })
            .collect();
        let mut chains = vec![Vec::new(); g.edges.len()];
        for ((e, is_back), chain) in g.edges.iter().zip(back).zip(chains.iter_mut()) {
            let (Some(ru), Some(rv)) = (ranks.get(e.from), ranks.get(e.to)) else {
                continue;
            };
            if *is_back || e.from >= n || e.to >= n || rv <= ru {
                continue;
            }
            let from_cluster = g.nodes.get(e.from).and_then(|s| s.cluster);
            let cluster = from_cluster.filter(|c| g.nodes.get(e.to).and_then(|s| s.cluster) == Some(*c));
            chain.push(e.from);
            for r in ru + 1..*rv {
                let (kind, size) = match e.label {
                    Some(s) if r == ru + 1 => (ItemKind::Label, Size { w: s.w + LABEL_LINE + 2.0, h: s.h }),
                    _ => (ItemKind::Dummy, Size::default()),
                };
                chain.push(items.len());
                items.push(Item { rank: r, size, kind, cluster, x: 0.0, y: 0.0, up: Vec::new(), down: Vec::new() });
            }
            chain.push(e.to);
            for pair in chain.windows(2) {
                if let [a, b] = *pair {
                    if let Some(i) = items.get_mut(a) {
                        i.down.push(b);
                    }
                    if let Some(i) = items.get_mut(b) {
                        i.up.push(a);
                    }
                }
            }
        }
        let depth = items.iter().map(|i| i.rank + 1).max().unwrap_or(0);
        let layers = initial_order(&items, depth).iter().map(|layer| clustered(layer, &items)).collect();
        Layered { items, layers, chains, bands: Vec::new() }
    }

    pub(super) fn item(&self, i: usize) -> Option<&Item> {
        self.items.get(i)
    }

    /// Each item's index within its rank.
    pub(super) fn positions(&self) -> Vec<usize> {
        let mut pos = vec![0; self.items.len()];
        for layer in &self.layers {
            for (p, &i) in layer.iter().enumerate() {
                set(&mut pos, i, p);
            }
        }
        pos
    }

    /// The least distance between the centres of two items side by side.
    pub(super) fn separation(&self, a: usize, b: usize) -> f64 {
        let (Some(a), Some(b)) = (self.item(a), self.item(b)) else {
            return NODE_GAP;
        };
        let gap = if a.kind == ItemKind::Dummy || b.kind == ItemKind::Dummy { DUMMY_GAP } else { NODE_GAP };
        let boxes = if a.cluster != b.cluster { 2.0 * CLUSTER_PAD } else { 0.0 };
        a.size.w / 2.0 + b.size.w / 2.0 + gap + boxes
    }

    pub(super) fn band(&self, r: usize) -> (f64, f64) {
        self.bands.get(r).copied().unwrap_or((0.0, 0.0))
    }
}

/// The first items of each rank in the order a depth-first walk down the edges meets them.
fn initial_order(items: &[Item], depth: usize) -> Vec<Vec<usize>> {
    let mut layers = vec![Vec::new(); depth];
    let mut seen = vec![false; items.len()];
    let roots: Vec<usize> = (0..items.len()).filter(|&i| items.get(i).is_some_and(|it| it.up.is_empty())).collect();
    for root in roots.into_iter().chain(0..items.len()) {
        let mut stack = vec![root];
        while let Some(i) = stack.pop() {
            if seen.get(i) != Some(&false) {
                continue;
            }
            set(&mut seen, i, true);
            let Some(it) = items.get(i) else { continue };
            if let Some(layer) = layers.get_mut(it.rank) {
                layer.push(i);
            }
            stack.extend(it.down.iter().rev());
        }
    }
    layers
}

/// The rank with each cluster's members moved up to follow its first one.
fn clustered(layer: &[usize], items: &[Item]) -> Vec<usize> {
    let cluster = |i: usize| items.get(i).and_then(|it| it.cluster);
    let mut out = Vec::with_capacity(layer.len());
    let mut done = BTreeSet::new();
    for &i in layer {
        match cluster(i) {
            None => out.push(i),
            Some(c) => {
                if done.insert(c) {
                    out.extend(layer.iter().copied().filter(|&j| cluster(j) == Some(c)));
                }
            }
        }
    }
    out
}
