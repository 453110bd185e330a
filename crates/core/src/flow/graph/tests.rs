//! The layout's promises, on the shipped flow, on a small flow with a group, and on graphs
//! proptest makes up: every node placed, no two boxes (or labels) overlapping, each forward edge
//! going down, a group's box around its steps and nothing else, the same picture every time.

use super::layout::{layout, EdgeSpec, Graph, Layout, NodeSpec, Rect, Size};
use super::{dot, svg, Chart, EdgeKind};
use crate::flow::{load_str, Flow};
use proptest::prelude::*;
use std::path::Path;

fn shipped() -> Flow {
    let (flow, diags) = load_str(Path::new("flows/intake.toml"), include_str!("../../../../../flows/intake.toml"));
    assert!(diags.is_empty(), "{diags:?}");
    flow
}

const SMALL: &str = r#"[flow]
id = "mini"
start = "safety"
languages = ["en"]

[groups.case]
start = "case_state"
label = "group-case"
max = 3

[[step]]
id = "safety"
kind = "single"
prompt = "q-safety"
options = [ { value = "safe", label = "a" }, { value = "not_now", label = "b" } ]
next = "consent"
branch = [ { when = { answer = "safety", equals = "not_now" }, goto = "later" } ]

[[step]]
id = "consent"
kind = "consent"
prompt = "q-consent"
next = "case_state"
decline = "declined"

[[step]]
id = "case_state"
group = "case"
kind = "jurisdiction"
prompt = "q-case-state"
next = "case_another"

[[step]]
id = "case_another"
group = "case"
kind = "yes_no"
prompt = "q-case-another"
next = "review"
branch = [ { when = { answer = "case_another", equals = "yes" }, goto = "new:case" } ]

[[step]]
id = "review"
kind = "review"
prompt = "q-review"
next = "done"

[[step]]
id = "done"
kind = "end"
prompt = "end-done"

[[step]]
id = "later"
kind = "end"
result = "paused"
prompt = "end-later"

[[step]]
id = "declined"
kind = "end"
result = "declined"
prompt = "end-declined"
"#;

fn small() -> Flow {
    let (flow, diags) = load_str(Path::new("mini.toml"), SMALL);
    assert!(diags.is_empty(), "{diags:?}");
    flow
}

/// The graph the SVG lays out, as `svg` builds it (sizes do not matter for these promises).
fn graph_of(flow: &Flow) -> (Graph, Vec<EdgeKind>) {
    let chart = Chart::of(flow);
    let groups: Vec<&String> = flow.groups.keys().collect();
    let nodes = chart
        .nodes
        .iter()
        .map(|n| NodeSpec {
            size: Size { w: 20.0 + 7.0 * n.id.len() as f64, h: 38.0 },
            cluster: n.group().and_then(|g| groups.iter().position(|x| *x == g)),
        })
        .collect();
    let edges = chart
        .edges
        .iter()
        .map(|e| EdgeSpec {
            from: e.from,
            to: e.to,
            label: e.label.as_ref().map(|l| Size { w: 6.7 * l.len().min(30) as f64, h: 16.0 }),
            back: e.kind == EdgeKind::Repeat,
        })
        .collect();
    (Graph { nodes, edges, ..Default::default() }, chart.edges.iter().map(|e| e.kind).collect())
}

/// Every node and label has a place inside the picture, and no two of them overlap.
fn assert_placed_apart(g: &Graph, l: &Layout) {
    assert_eq!(l.nodes.len(), g.nodes.len());
    assert_eq!(l.edges.len(), g.edges.len());
    let page = Rect { x: -0.01, y: -0.01, w: l.width + 0.02, h: l.height + 0.02 };
    let mut boxes: Vec<(String, Rect)> = l.nodes.iter().enumerate().map(|(i, r)| (format!("node {i}"), *r)).collect();
    boxes.extend(l.edges.iter().enumerate().filter_map(|(i, e)| e.label.map(|r| (format!("label of edge {i}"), r))));
    for (name, r) in &boxes {
        assert!([r.x, r.y, r.w, r.h].iter().all(|v| v.is_finite()), "{name} is not placed: {r:?}");
        assert!(page.contains(r), "{name} lies outside the picture: {r:?} in {page:?}");
    }
    for (i, (a, ra)) in boxes.iter().enumerate() {
        for (b, rb) in boxes.iter().skip(i + 1) {
            assert!(!ra.overlaps(rb), "{a} {ra:?} overlaps {b} {rb:?}");
        }
    }
}

/// Each edge that is not drawn back goes to a later rank, and its line ends where its target's
/// box begins; its source's rank lies above.
fn assert_forward_edges_go_down(g: &Graph, l: &Layout) {
    for (i, (e, route)) in g.edges.iter().zip(&l.edges).enumerate() {
        if route.back || e.from >= g.nodes.len() || e.to >= g.nodes.len() {
            continue;
        }
        let (rf, rt) = (l.ranks[e.from], l.ranks[e.to]);
        assert!(rt > rf, "edge {i} ({} -> {}) goes from rank {rf} to rank {rt}", e.from, e.to);
        assert!(l.nodes[e.to].y > l.nodes[e.from].bottom(), "edge {i}: target not below its source");
        let (first, last) = (route.points.first().unwrap(), route.points.last().unwrap());
        assert!((first.y - l.nodes[e.from].bottom()).abs() < 1e-6, "edge {i} leaves its source's bottom");
        assert!((last.y - l.nodes[e.to].y).abs() < 1e-6, "edge {i} arrives at its target's top");
        if e.label.is_some() {
            assert!(route.label.is_some(), "edge {i} lost its label");
        }
    }
}

/// A group's box holds every one of its steps and no other.
fn assert_group_boxes(g: &Graph, l: &Layout) {
    for (c, b) in &l.clusters {
        for (i, (spec, r)) in g.nodes.iter().zip(&l.nodes).enumerate() {
            if spec.cluster == Some(*c) {
                assert!(b.contains(r), "node {i} is outside its group's box {b:?}: {r:?}");
            } else {
                assert!(!b.overlaps(r), "node {i} is inside group {c}'s box {b:?}: {r:?}");
            }
        }
    }
}

#[test]
fn the_shipped_flow_is_laid_out_with_every_step_apart_and_edges_going_down() {
    let flow = shipped();
    let (g, kinds) = graph_of(&flow);
    let l = layout(&g);
    assert_placed_apart(&g, &l);
    assert_forward_edges_go_down(&g, &l);
    assert_group_boxes(&g, &l);
    assert_eq!(l.clusters.len(), 1, "the case group is boxed");
    // The only edge drawn back up is the one that starts the next case.
    for (k, route) in kinds.iter().zip(&l.edges) {
        assert_eq!(route.back, *k == EdgeKind::Repeat, "{k:?}");
    }
}

#[test]
fn a_small_flow_keeps_its_group_together_and_draws_the_repeat_on_the_side() {
    let flow = small();
    let (g, kinds) = graph_of(&flow);
    let l = layout(&g);
    assert_placed_apart(&g, &l);
    assert_forward_edges_go_down(&g, &l);
    assert_group_boxes(&g, &l);
    let repeat = kinds.iter().position(|k| *k == EdgeKind::Repeat).unwrap();
    let route = &l.edges[repeat];
    assert!(route.back && route.points.len() == 4, "{route:?}");
    // Its lane runs right of both boxes it joins, inside the group's box.
    let lane = route.points[1].x;
    let (from, to) = (g.edges[repeat].from, g.edges[repeat].to);
    assert!(lane > l.nodes[from].right() && lane > l.nodes[to].right());
    assert!(l.clusters[&0].x < lane && lane < l.clusters[&0].right());
}

#[test]
fn labels_wrap_at_spaces() {
    assert_eq!(super::wrap("aaa bbb ccc", 7), vec!["aaa bbb", "ccc"]);
    assert_eq!(super::wrap("averyveryverylongword x", 5), vec!["averyveryverylongword", "x"]);
    assert_eq!(super::wrap("", 5), vec![""]);
}

#[test]
fn the_layout_is_the_same_every_time() {
    let flow = shipped();
    assert_eq!(layout(&graph_of(&flow).0), layout(&graph_of(&flow).0));
    assert_eq!(svg(&flow), svg(&flow));
}

#[test]
fn edges_to_missing_nodes_are_left_out_without_a_panic() {
    let g = Graph {
        nodes: vec![NodeSpec { size: Size { w: 40.0, h: 20.0 }, cluster: None }],
        edges: vec![
            EdgeSpec { from: 0, to: 7, label: None, back: false },
            EdgeSpec { from: 9, to: 0, label: Some(Size { w: 10.0, h: 10.0 }), back: true },
            EdgeSpec { from: 0, to: 0, label: None, back: false },
        ],
        ..Default::default()
    };
    let l = layout(&g);
    assert!(l.edges[0].points.is_empty() && l.edges[1].points.is_empty());
    assert!(l.edges[2].back, "a loop is drawn on the side");
    let empty = layout(&Graph::default());
    assert!(empty.nodes.is_empty() && empty.width > 0.0);
}

#[test]
fn dot_has_the_group_as_a_cluster_and_the_conditions_as_labels() {
    let d = dot(&small());
    assert!(d.contains("subgraph cluster_case {"), "{d}");
    assert!(d.contains("label=\"repeats: case, up to 3\";"), "{d}");
    assert!(d.contains("\"safety\" -> \"later\" [color=\"#1f5fa8\", label=\"safety = not_now\""), "{d}");
    assert!(d.contains("\"consent\" -> \"declined\" [color=\"#b03a3a\", label=\"decline\""), "{d}");
    assert!(d.contains("\"case_another\" -> \"case_state\" ["), "{d}");
}

#[test]
fn svg_names_every_step_and_writes_conditions_on_edges() {
    let flow = small();
    let s = svg(&flow);
    for step in &flow.steps {
        assert!(s.contains(&format!(">{}</text>", step.id)), "{} missing", step.id);
    }
    assert!(s.contains(">safety = not_now</tspan>"), "{s}");
    assert!(s.contains(">repeats: case, up to 3</text>"), "{s}");
    assert!(s.contains(">→ next case</tspan>"), "{s}");
}

/// A random graph: `n` nodes, edges any way, some labelled, some marked back, some nodes in a
/// cluster.
fn arb_graph() -> impl Strategy<Value = Graph> {
    (1usize..14).prop_flat_map(|n| {
        // One cluster at most: boxes of groups side by side may overlap (see `layout::finish`).
        let nodes = prop::collection::vec((10.0f64..120.0, 10.0f64..50.0, prop::option::of(0usize..1)), n);
        let edges = prop::collection::vec(
            (0..n, 0..n, prop::option::of((5.0f64..150.0, 8.0f64..60.0)), prop::bool::weighted(0.1)),
            0..3 * n,
        );
        (nodes, edges).prop_map(|(nodes, edges)| Graph {
            nodes: nodes.into_iter().map(|(w, h, cluster)| NodeSpec { size: Size { w, h }, cluster }).collect(),
            edges: edges
                .into_iter()
                .map(|(from, to, label, back)| EdgeSpec { from, to, label: label.map(|(w, h)| Size { w, h }), back })
                .collect(),
            ..Default::default()
        })
    })
}

proptest! {
    #[test]
    fn any_graph_is_laid_out_with_nodes_apart_and_forward_edges_down(g in arb_graph()) {
        let l = layout(&g);
        assert_placed_apart(&g, &l);
        assert_forward_edges_go_down(&g, &l);
        prop_assert_eq!(layout(&g), l);
    }
}
