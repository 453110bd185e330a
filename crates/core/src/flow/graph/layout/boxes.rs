//! Cluster boxes, and keeping what is not in a cluster out of its box.

use super::layered::{Item, Layered};
use super::route::Lanes;
use super::{Graph, Rect, CLUSTER_PAD, CLUSTER_TITLE, DUMMY_GAP};

impl Layered {
    /// A cluster's box: its items and its own back edges, with padding and room for the title.
    pub(super) fn cluster_box(&self, c: usize, lanes: &Lanes, g: &Graph) -> Option<Rect> {
        let inner = self
            .items
            .iter()
            .filter(|it| it.cluster == Some(c))
            .map(Item::rect)
            .chain(lanes.used.iter().filter(|l| l.cluster == Some(c)).map(|l| l.area))
            .reduce(|a, b| a.union(&b))?;
        let w = inner.w.max(g.cluster_min_width.get(&c).copied().unwrap_or(0.0));
        Some(Rect {
            x: inner.x - CLUSTER_PAD,
            y: inner.y - CLUSTER_PAD - CLUSTER_TITLE,
            w: w + 2.0 * CLUSTER_PAD,
            h: inner.h + 2.0 * CLUSTER_PAD + CLUSTER_TITLE,
        })
    }

    /// Moves what is not in cluster `c` out of its box, rank by rank: what lies left of the
    /// cluster's block goes left, what lies right goes right, each side keeping its spacing.
    pub(super) fn push_out(&mut self, c: usize, b: &Rect) {
        for r in 0..self.layers.len() {
            let (top, h) = self.band(r);
            if top + h < b.y || top > b.bottom() {
                continue;
            }
            let Some(layer) = self.layers.get(r).cloned() else {
                continue;
            };
            let member = |i: &usize| self.item(*i).is_some_and(|it| it.cluster == Some(c));
            let (first, last) = (layer.iter().position(member), layer.iter().rposition(member));
            let side = |k: usize, it: &Item| -> i8 {
                match (first, last) {
                    (Some(f), Some(l)) => {
                        if k < f {
                            -1
                        } else if k > l {
                            1
                        } else {
                            0
                        }
                    }
                    _ if it.x < b.cx() => -1,
                    _ => 1,
                }
            };
            let (mut need_left, mut need_right): (f64, f64) = (0.0, 0.0);
            for (k, &i) in layer.iter().enumerate() {
                let Some(it) = self.item(i) else { continue };
                let rect = it.rect();
                match side(k, it) {
                    -1 => need_left = need_left.max(rect.right() + DUMMY_GAP - b.x),
                    1 => need_right = need_right.max(b.right() + DUMMY_GAP - rect.x),
                    _ => {}
                }
            }
            for (k, &i) in layer.iter().enumerate() {
                let dx = match self.item(i).map(|it| side(k, it)) {
                    Some(-1) => -need_left,
                    Some(1) => need_right,
                    _ => 0.0,
                };
                if let Some(it) = self.items.get_mut(i) {
                    it.x += dx;
                }
            }
        }
    }
}
