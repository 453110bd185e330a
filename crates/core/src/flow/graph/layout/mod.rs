//! A layered layout, top to bottom, for drawing a flow without an outside tool. It follows the
//! usual recipe (Sugiyama et al.; Graphviz's `dot` is one), kept small:
//!
//! 1. Edges that close a cycle, found by a depth-first walk from node 0, and edges the caller
//!    marks as going back ("start the next case"), are *back edges*: drawn up the right-hand
//!    side, they take no part in the ranks. The rest form a graph without cycles.
//! 2. Ranks by longest path from the nodes nothing leads to. An edge with a label spans at least
//!    two ranks, and its label takes the rank in between as if it were a node, so no label lies
//!    on a box or on another label.
//! 3. An edge spanning several ranks gets a point in each (a *dummy*), so it bends around boxes.
//! 4. The order within each rank comes from barycentre sweeps (each node moved towards the mean
//!    position of its neighbours in the rank before), keeping the order that crosses least; the
//!    members of a cluster stay side by side.
//! 5. x by ordered least squares: each node as near the mean of its neighbours as the order and
//!    the spacing allow (isotonic regression, pool-adjacent-violators); y by rank.
//! 6. Each cluster is boxed and anything else pushed out of its box; back edges get lanes to the
//!    right of what they pass.
//!
//! Deterministic (no hashing, no randomness; ties keep the earlier order), and it does not panic
//! on any graph: an edge naming a node that is not there is simply not drawn.

mod boxes;
mod layered;
mod order;
mod place;
mod rank;
mod route;

use layered::Layered;
use rank::{back_edges, ranks};
use std::collections::BTreeMap;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Size {
    pub w: f64,
    pub h: f64,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A rectangle by its top-left corner.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    pub fn cx(&self) -> f64 {
        self.x + self.w / 2.0
    }
    pub fn cy(&self) -> f64 {
        self.y + self.h / 2.0
    }
    /// Whether the two share any area (touching edges do not count).
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
    pub fn contains(&self, o: &Rect) -> bool {
        self.x <= o.x && self.y <= o.y && o.right() <= self.right() && o.bottom() <= self.bottom()
    }
    fn union(&self, o: &Rect) -> Rect {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        Rect { x, y, w: self.right().max(o.right()) - x, h: self.bottom().max(o.bottom()) - y }
    }
    fn shifted(&self, dx: f64, dy: f64) -> Rect {
        Rect { x: self.x + dx, y: self.y + dy, ..*self }
    }
}

/// What to lay out. Node 0 is where the depth-first walk starts (a flow's start step).
#[derive(Clone, Debug, Default)]
pub struct Graph {
    pub nodes: Vec<NodeSpec>,
    pub edges: Vec<EdgeSpec>,
    /// The least inner width of each cluster's box (room for its title).
    pub cluster_min_width: BTreeMap<usize, f64>,
}

#[derive(Clone, Copy, Debug)]
pub struct NodeSpec {
    pub size: Size,
    /// The cluster the node is boxed in.
    pub cluster: Option<usize>,
}

#[derive(Clone, Copy, Debug)]
pub struct EdgeSpec {
    pub from: usize,
    pub to: usize,
    /// The size of the text written on the edge.
    pub label: Option<Size>,
    /// Draw it as a back edge whatever the ranks say.
    pub back: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Each node's box, in the graph's order.
    pub nodes: Vec<Rect>,
    pub ranks: Vec<usize>,
    /// Each edge's line, in the graph's order (no points for an edge naming a missing node).
    pub edges: Vec<Route>,
    /// Each cluster's box; its title goes in the top [`CLUSTER_TITLE`] of it.
    pub clusters: BTreeMap<usize, Rect>,
    pub width: f64,
    pub height: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Route {
    /// The line, from the edge's source to its target (where the arrowhead goes).
    pub points: Vec<Point>,
    /// Where the edge's label is written.
    pub label: Option<Rect>,
    /// Drawn up the side, as a back edge.
    pub back: bool,
}
/// Room at the top of a cluster's box for its title.
pub const CLUSTER_TITLE: f64 = 18.0;
const CLUSTER_PAD: f64 = 10.0;
const NODE_GAP: f64 = 26.0;
const DUMMY_GAP: f64 = 14.0;
const RANK_GAP: f64 = 26.0;
const LANE_GAP: f64 = 20.0;
/// From an edge's line to the text of its label.
pub const LABEL_LINE: f64 = 6.0;
const MARGIN: f64 = 12.0;
const ORDER_SWEEPS: usize = 12;
const PLACE_ROUNDS: usize = 8;

pub fn layout(g: &Graph) -> Layout {
    let back = back_edges(g);
    let ranks = ranks(g, &back);
    let mut l = Layered::build(g, &back, &ranks);
    l.order();
    l.place_x();
    l.place_y();
    l.finish(g, &back, ranks)
}

fn set<T>(v: &mut [T], i: usize, value: T) {
    if let Some(slot) = v.get_mut(i) {
        *slot = value;
    }
}
