//! The flow as Graphviz DOT, for admins who have Graphviz (`dot -Tpng`) or a viewer that reads
//! it: conditions on the arrows, each repeating group a labelled cluster.

use super::{group_title, wrap, Chart, EdgeKind, Node, Shape};
use crate::flow::Flow;
use std::fmt::Write;

/// Characters per line of an edge's label before it wraps.
const LABEL_WRAP: usize = 40;

pub fn dot(flow: &Flow) -> String {
    let chart = Chart::of(flow);
    let mut s = String::new();
    let _ = writeln!(s, "digraph {} {{", id(&flow.id));
    s.push_str("  graph [rankdir=TB, fontname=\"Helvetica\", fontsize=11, nodesep=0.35, ranksep=0.4];\n");
    s.push_str("  node [fontname=\"Helvetica\", fontsize=11, style=filled];\n");
    s.push_str("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for g in flow.groups.values() {
        let _ = writeln!(s, "  subgraph {} {{", id(&format!("cluster_{}", g.id)));
        let _ = writeln!(s, "    label={};", quote(&group_title(g)));
        s.push_str("    labeljust=l;\n    style=\"dashed,rounded\";\n    color=\"#888888\";\n");
        for i in chart.members(g) {
            if let Some(n) = chart.nodes.get(i) {
                let _ = writeln!(s, "    {}", node(n));
            }
        }
        s.push_str("  }\n");
    }
    for n in chart.nodes.iter().filter(|n| n.group().is_none_or(|g| !flow.groups.contains_key(g))) {
        let _ = writeln!(s, "  {}", node(n));
    }
    for e in &chart.edges {
        let (Some(from), Some(to)) = (chart.nodes.get(e.from), chart.nodes.get(e.to)) else {
            continue;
        };
        let (colour, dashed) = e.kind.stroke();
        let mut attrs = vec![format!("color=\"{colour}\"")];
        let label = e.label.as_deref().map(|l| wrap(l, LABEL_WRAP).join("\n")).map(|l| match e.kind {
            EdgeKind::Repeat => format!("{l}\n(next instance)"),
            _ => l,
        });
        if let Some(l) = label {
            attrs.push(format!("label={}", quote(&l)));
            attrs.push(format!("fontcolor=\"{colour}\""));
        }
        if dashed {
            attrs.push("style=dashed".into());
        }
        if e.kind == EdgeKind::Repeat {
            // Drawn back up the chart without pulling the group's first step below its last.
            attrs.push("constraint=false".into());
        }
        let _ = writeln!(s, "  {} -> {} [{}];", quote(&from.id), quote(&to.id), attrs.join(", "));
    }
    s.push_str("}\n");
    s
}

fn node(n: &Node<'_>) -> String {
    let st = n.style();
    let (shape, style, extra) = match st.shape {
        Shape::Box => ("box", "filled", ""),
        Shape::Rounded => ("note", "filled", ""),
        Shape::Pill => ("box", "rounded,filled", ""),
        Shape::Hexagon => ("hexagon", "filled", ""),
        Shape::Double => ("box", "filled", ", peripheries=2"),
        Shape::Missing => ("box", "dashed,filled", ""),
    };
    format!(
        "{} [label={}, shape={shape}, style=\"{style}\"{extra}, fillcolor=\"{}\", color=\"{}\"];",
        quote(&n.id),
        quote(&format!("{}\n{}", n.id, n.kind_text())),
        st.fill,
        st.stroke
    )
}

/// A DOT identifier: bare when it is one (letters, digits, `_`, not starting with a digit),
/// else quoted. `subgraph cluster_case` must stay bare for every viewer to see a cluster.
fn id(s: &str) -> String {
    let bare = s.chars().next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
    if bare {
        s.to_string()
    } else {
        quote(s)
    }
}

/// A DOT double-quoted string; a line break becomes `\n`.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
