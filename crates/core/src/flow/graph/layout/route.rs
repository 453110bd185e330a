//! The lines: forward edges through their points, back edges up lanes on the right.

use super::layered::{Item, ItemKind, Layered};
use super::{set, EdgeSpec, Graph, Layout, Point, Rect, Route, Size, LABEL_LINE, LANE_GAP, MARGIN};
use std::collections::{BTreeMap, BTreeSet};

impl Layered {
    pub(super) fn finish(mut self, g: &Graph, back: &[bool], ranks: Vec<usize>) -> Layout {
        let mut lanes = Lanes::default();
        let mut routes: Vec<Route> = vec![Route::default(); g.edges.len()];
        let is_back = |k: usize| back.get(k) == Some(&true);
        // Cluster by cluster: its own back edges, in lanes right of its items; its box around
        // both; then whatever else lies in the box pushed out of it.
        let ids: BTreeSet<usize> = g.nodes.iter().filter_map(|n| n.cluster).collect();
        for &c in &ids {
            for (k, e) in g.edges.iter().enumerate() {
                if is_back(k) && self.shared_cluster(g, e) == Some(c) {
                    if let Some(route) = self.back_route(e, &mut lanes, Some(c)) {
                        set(&mut routes, k, route);
                    }
                }
            }
            if let Some(b) = self.cluster_box(c, &lanes, g) {
                self.push_out(c, &b);
            }
        }
        // Other back edges, right of everything they pass, boxes included.
        let mut clusters: BTreeMap<usize, Rect> =
            ids.iter().filter_map(|&c| Some((c, self.cluster_box(c, &lanes, g)?))).collect();
        for (k, e) in g.edges.iter().enumerate() {
            if is_back(k) && self.shared_cluster(g, e).is_none() {
                if let Some(route) = self.back_route_outside(e, &mut lanes, &clusters) {
                    set(&mut routes, k, route);
                }
            }
        }
        self.forward_routes(g, &mut routes);
        // The boxes again, from where their members ended up (a push for one group can move
        // another's members: with groups side by side, their boxes may overlap).
        clusters = ids.iter().filter_map(|&c| Some((c, self.cluster_box(c, &lanes, g)?))).collect();

        // Move everything so the picture starts at the margin.
        let mut all: Vec<Rect> = self.items.iter().map(Item::rect).collect();
        all.extend(clusters.values().copied());
        for r in &routes {
            all.extend(r.points.iter().map(|p| Rect { x: p.x, y: p.y, w: 0.0, h: 0.0 }));
            all.extend(r.label);
        }
        let bounds = all.iter().copied().reduce(|a, b| a.union(&b)).unwrap_or_default();
        let (dx, dy) = (MARGIN - bounds.x, MARGIN - bounds.y);
        let n = g.nodes.len();
        let nodes = self.items.iter().take(n).map(|it| it.rect().shifted(dx, dy)).collect();
        for r in &mut routes {
            for p in &mut r.points {
                p.x += dx;
                p.y += dy;
            }
            r.label = r.label.map(|l| l.shifted(dx, dy));
        }
        let clusters = clusters.into_iter().map(|(c, b)| (c, b.shifted(dx, dy))).collect();
        Layout {
            nodes,
            ranks,
            edges: routes,
            clusters,
            width: bounds.w + 2.0 * MARGIN,
            height: bounds.h + 2.0 * MARGIN,
        }
    }

    fn shared_cluster(&self, g: &Graph, e: &EdgeSpec) -> Option<usize> {
        let a = g.nodes.get(e.from)?.cluster?;
        (g.nodes.get(e.to)?.cluster == Some(a)).then_some(a)
    }

    /// The right edge of the items (of cluster `only`, when given) between heights `top` and
    /// `bottom`.
    fn extent(&self, top: f64, bottom: f64, only: Option<usize>) -> f64 {
        self.items
            .iter()
            .filter(|it| only.is_none() || it.cluster == only)
            .map(Item::rect)
            .filter(|r| r.bottom() >= top && r.y <= bottom)
            .map(|r| r.right())
            .fold(f64::NEG_INFINITY, f64::max)
    }

    /// A back edge inside cluster `c` (or, with `None`, anywhere): a lane right of the items it
    /// passes.
    fn back_route(&self, e: &EdgeSpec, lanes: &mut Lanes, c: Option<usize>) -> Option<Route> {
        let (u, v) = (self.item(e.from)?, self.item(e.to)?);
        Some(lanes.route(u.rect(), v.rect(), e.label, c, |top, bottom| self.extent(top, bottom, c)))
    }

    /// A back edge between clusters, or outside any: a lane right of everything it passes,
    /// cluster boxes included.
    fn back_route_outside(&self, e: &EdgeSpec, lanes: &mut Lanes, clusters: &BTreeMap<usize, Rect>) -> Option<Route> {
        let (u, v) = (self.item(e.from)?, self.item(e.to)?);
        Some(lanes.route(u.rect(), v.rect(), e.label, None, |top, bottom| {
            let boxes = clusters.values().filter(|b| b.y <= bottom && b.bottom() >= top).map(Rect::right);
            boxes.fold(self.extent(top, bottom, None), f64::max)
        }))
    }

    /// Lines for the forward edges through their items, ports spread along each box's side.
    fn forward_routes(&self, g: &Graph, routes: &mut [Route]) {
        let mut lines: Vec<(usize, Vec<Point>)> = Vec::new();
        for (k, chain) in self.chains.iter().enumerate() {
            let (Some(&first), Some(&last)) = (chain.first(), chain.last()) else {
                continue;
            };
            let (Some(u), Some(v)) = (self.item(first), self.item(last)) else {
                continue;
            };
            let mut pts = vec![Point { x: u.x, y: u.rect().bottom() }];
            for &m in chain.iter().skip(1).take(chain.len().saturating_sub(2)) {
                let Some(it) = self.item(m) else { continue };
                let (top, h) = self.band(it.rank);
                pts.push(Point { x: it.port(), y: top });
                if h > 0.0 {
                    pts.push(Point { x: it.port(), y: top + h });
                }
            }
            pts.push(Point { x: v.x, y: v.rect().y });
            lines.push((k, pts));
        }
        // Spread the ends that share a box side, in the order of where they head.
        for node in 0..g.nodes.len() {
            let Some(item) = self.item(node) else { continue };
            let mut outs: Vec<(f64, usize)> = lines
                .iter()
                .enumerate()
                .filter(|(_, (k, _))| self.chains.get(*k).and_then(|c| c.first()) == Some(&node))
                .map(|(li, (_, pts))| (pts.get(1).map(|p| p.x).unwrap_or(0.0), li))
                .collect();
            outs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (slot, &(_, li)) in outs.iter().enumerate() {
                if let Some(p) = lines.get_mut(li).and_then(|l| l.1.first_mut()) {
                    p.x = spread(item, slot, outs.len());
                }
            }
            let mut ins: Vec<(f64, usize)> = lines
                .iter()
                .enumerate()
                .filter(|(_, (k, _))| self.chains.get(*k).and_then(|c| c.last()) == Some(&node))
                .map(|(li, (_, pts))| (pts.iter().rev().nth(1).map(|p| p.x).unwrap_or(0.0), li))
                .collect();
            ins.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            for (slot, &(_, li)) in ins.iter().enumerate() {
                if let Some(p) = lines.get_mut(li).and_then(|l| l.1.last_mut()) {
                    p.x = spread(item, slot, ins.len());
                }
            }
        }
        for (k, pts) in lines {
            let label = self.chains.get(k).and_then(|c| c.get(1)).and_then(|&m| self.item(m)).and_then(|it| {
                let text = g.edges.get(k)?.label?;
                (it.kind == ItemKind::Label).then(|| {
                    let r = it.rect();
                    Rect { x: r.x + LABEL_LINE, y: r.y, w: text.w, h: text.h }
                })
            });
            set(routes, k, Route { points: pts, label, back: false });
        }
    }
}

/// Where the `slot`th of `n` lines meets a box's side: spread over the middle of it.
fn spread(item: &Item, slot: usize, n: usize) -> f64 {
    if n < 2 {
        return item.x;
    }
    let span = (item.size.w * 0.6).min(14.0 * (n - 1) as f64);
    item.x - span / 2.0 + span * slot as f64 / (n - 1) as f64
}

/// The lanes back edges run in, so that no two share one.
#[derive(Default)]
pub(super) struct Lanes {
    pub(super) used: Vec<Lane>,
}

pub(super) struct Lane {
    /// The vertical line and its label.
    pub(super) area: Rect,
    pub(super) cluster: Option<usize>,
}

impl Lanes {
    /// From the right side of `from`, out to a lane right of what it passes (`extent` of the
    /// heights it spans, its label included) and of every lane beside it, along the lane, and
    /// into the right side of `to`.
    fn route(
        &mut self,
        from: Rect,
        to: Rect,
        label: Option<Size>,
        cluster: Option<usize>,
        extent: impl Fn(f64, f64) -> f64,
    ) -> Route {
        let (y0, y1) = (from.cy() + 5.0, to.cy() - 5.0);
        let mid = (y0 + y1) / 2.0;
        let half = label.map(|s| s.h / 2.0).unwrap_or(0.0);
        let (top, bottom) = (y0.min(y1).min(mid - half), y0.max(y1).max(mid + half));
        let beside = self
            .used
            .iter()
            .filter(|l| l.area.y <= bottom && l.area.bottom() >= top && (cluster.is_none() || l.cluster == cluster))
            .map(|l| l.area.right());
        let right = beside.fold(extent(top, bottom).max(from.right()).max(to.right()), f64::max);
        let x = right + LANE_GAP;
        let label = label.map(|s| Rect { x: x + LABEL_LINE, y: mid - s.h / 2.0, w: s.w, h: s.h });
        let mut area = Rect { x, y: top, w: 0.0, h: bottom - top };
        if let Some(l) = label {
            area = area.union(&l);
        }
        self.used.push(Lane { area, cluster });
        let points = vec![
            Point { x: from.right(), y: y0 },
            Point { x, y: y0 },
            Point { x, y: y1 },
            Point { x: to.right(), y: y1 },
        ];
        Route { points, label, back: true }
    }
}
