//! The flow as an SVG picture, laid out ([`super::layout`]) and drawn here, so an admin sees the
//! flow in any browser with no outside tool. Text is monospace, so its width is known from the
//! number of characters.

use super::layout::{self, Graph, Layout, NodeSpec, Rect, Size, CLUSTER_TITLE};
use super::{group_title, wrap, Chart, EdgeKind, Node, Shape};
use crate::flow::Flow;
use std::collections::BTreeMap;
use std::fmt::Write;

const FONT: &str = "DejaVu Sans Mono, Menlo, Consolas, monospace";
/// Width of a monospace character, as a share of the font size (0.6 in the common ones).
const CHAR_WIDTH: f64 = 0.61;
const ID_SIZE: f64 = 12.0;
const KIND_SIZE: f64 = 10.0;
const LABEL_SIZE: f64 = 11.0;
const LABEL_LINE_HEIGHT: f64 = 13.0;
/// Characters per line of an edge's label before it wraps.
const LABEL_WRAP: usize = 30;
const NODE_HEIGHT: f64 = 38.0;
const NODE_PAD: f64 = 12.0;
/// Room above the chart for its title.
const HEADER: f64 = 26.0;

pub fn svg(flow: &Flow) -> String {
    let chart = Chart::of(flow);
    let groups: BTreeMap<&str, usize> = flow.groups.keys().enumerate().map(|(i, g)| (g.as_str(), i)).collect();
    let labels: Vec<Option<Vec<String>>> = chart.edges.iter().map(|e| edge_text(&chart, e)).collect();
    let graph = Graph {
        nodes: chart
            .nodes
            .iter()
            .map(|n| NodeSpec { size: node_size(n), cluster: n.group().and_then(|g| groups.get(g).copied()) })
            .collect(),
        edges: chart
            .edges
            .iter()
            .zip(&labels)
            .map(|(e, text)| layout::EdgeSpec {
                from: e.from,
                to: e.to,
                label: text.as_ref().map(|lines| text_size(lines)),
                back: e.kind == EdgeKind::Repeat,
            })
            .collect(),
        cluster_min_width: flow
            .groups
            .values()
            .enumerate()
            .map(|(i, g)| (i, width(&group_title(g), LABEL_SIZE) + 4.0))
            .collect(),
    };
    let l = layout::layout(&graph);
    draw(flow, &chart, &labels, &l)
}

fn draw(flow: &Flow, chart: &Chart<'_>, labels: &[Option<Vec<String>>], l: &Layout) -> String {
    let (w, h) = (l.width.max(width(&header(flow, chart), ID_SIZE) + 24.0), l.height + HEADER);
    let mut s = String::new();
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0}\" height=\"{1}\" viewBox=\"0 0 {0} {1}\" font-family=\"{FONT}\" font-size=\"{2}\">",
        num(w),
        num(h),
        num(ID_SIZE)
    );
    let _ = writeln!(s, "<title>{}</title>", esc(&format!("flow {}", flow.id)));
    s.push_str("<desc>Drawn by `clearpath flows graph --format svg`: run it again after editing the flow.</desc>\n");
    s.push_str("<defs>\n");
    for kind in [EdgeKind::Next, EdgeKind::Branch, EdgeKind::Decline, EdgeKind::Repeat] {
        let _ = writeln!(
            s,
            "<marker id=\"{}\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" markerUnits=\"userSpaceOnUse\" orient=\"auto\"><path d=\"M0,0 L10,5 L0,10 z\" fill=\"{}\"/></marker>",
            marker(kind),
            kind.stroke().0
        );
    }
    s.push_str("</defs>\n");
    s.push_str("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
    let _ = writeln!(s, "<text x=\"12\" y=\"18\" font-weight=\"bold\">{}</text>", esc(&header(flow, chart)));
    let _ = writeln!(s, "<g transform=\"translate(0,{})\">", num(HEADER));

    s.push_str("<g class=\"groups\">\n");
    for (i, g) in flow.groups.values().enumerate() {
        let Some(b) = l.clusters.get(&i) else { continue };
        let _ = writeln!(
            s,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"8\" fill=\"#f6f6fa\" stroke=\"#8a8aa0\" stroke-dasharray=\"6,3\"/>",
            num(b.x),
            num(b.y),
            num(b.w),
            num(b.h)
        );
        let _ = writeln!(
            s,
            "<text x=\"{}\" y=\"{}\" font-size=\"{}\" fill=\"#4a4a66\">{}</text>",
            num(b.x + 8.0),
            num(b.y + CLUSTER_TITLE - 4.0),
            num(LABEL_SIZE),
            esc(&group_title(g))
        );
    }
    s.push_str("</g>\n<g class=\"edges\" fill=\"none\" stroke-width=\"1.3\">\n");
    for (e, route) in chart.edges.iter().zip(&l.edges) {
        if route.points.len() < 2 {
            continue;
        }
        let d: Vec<String> = route.points.iter().map(|p| format!("{},{}", num(p.x), num(p.y))).collect();
        let (colour, dashed) = e.kind.stroke();
        let _ = writeln!(
            s,
            "<path d=\"M{}\" stroke=\"{colour}\"{} marker-end=\"url(#{})\"/>",
            d.join(" L"),
            if dashed { " stroke-dasharray=\"5,3\"" } else { "" },
            marker(e.kind)
        );
    }
    s.push_str("</g>\n<g class=\"conditions\">\n");
    for ((e, route), text) in chart.edges.iter().zip(&l.edges).zip(labels) {
        if let (Some(at), Some(lines)) = (route.label, text) {
            label(&mut s, &at, lines, e.kind.stroke().0);
        }
    }
    s.push_str("</g>\n<g class=\"steps\">\n");
    for (n, r) in chart.nodes.iter().zip(&l.nodes) {
        node(&mut s, n, r);
    }
    s.push_str("</g>\n</g>\n</svg>\n");
    s
}

fn header(flow: &Flow, chart: &Chart<'_>) -> String {
    let steps = chart.nodes.iter().filter(|n| n.step.is_some()).count();
    format!("flow {}: {steps} steps, start {}", flow.id, flow.start)
}

fn node(s: &mut String, n: &Node<'_>, r: &Rect) {
    let st = n.style();
    let paint = format!("fill=\"{}\" stroke=\"{}\" stroke-width=\"1.4\"", st.fill, st.stroke);
    let rect = |rx: f64, extra: &str| {
        format!(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"{}\" {paint}{extra}/>",
            num(r.x),
            num(r.y),
            num(r.w),
            num(r.h),
            num(rx)
        )
    };
    let shape = match st.shape {
        Shape::Box => rect(3.0, ""),
        Shape::Rounded => rect(12.0, ""),
        Shape::Pill => rect(r.h / 2.0, ""),
        Shape::Missing => rect(3.0, " stroke-dasharray=\"4,3\""),
        Shape::Double => format!(
            "{}<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"1\" fill=\"none\" stroke=\"{}\"/>",
            rect(3.0, ""),
            num(r.x + 3.0),
            num(r.y + 3.0),
            num(r.w - 6.0),
            num(r.h - 6.0),
            st.stroke
        ),
        Shape::Hexagon => {
            let (x0, x1, x2, x3) = (r.x, r.x + 10.0, r.right() - 10.0, r.right());
            let pts = [(x1, r.y), (x2, r.y), (x3, r.cy()), (x2, r.bottom()), (x1, r.bottom()), (x0, r.cy())];
            let pts: Vec<String> = pts.iter().map(|(x, y)| format!("{},{}", num(*x), num(*y))).collect();
            format!("<polygon points=\"{}\" {paint}/>", pts.join(" "))
        }
    };
    let _ = writeln!(s, "<g>{shape}");
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-weight=\"bold\" fill=\"#1a1a1a\">{}</text>",
        num(r.cx()),
        num(r.y + 16.0),
        esc(&n.id)
    );
    let _ = writeln!(
        s,
        "<text x=\"{}\" y=\"{}\" text-anchor=\"middle\" font-size=\"{}\" font-style=\"italic\" fill=\"#555555\">{}</text></g>",
        num(r.cx()),
        num(r.y + 30.0),
        num(KIND_SIZE),
        esc(&n.kind_text())
    );
}

fn label(s: &mut String, at: &Rect, lines: &[String], colour: &str) {
    let _ = writeln!(
        s,
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#ffffff\" fill-opacity=\"0.85\"/>",
        num(at.x - 2.0),
        num(at.y),
        num(at.w + 4.0),
        num(at.h)
    );
    let _ = write!(s, "<text font-size=\"{}\" fill=\"{colour}\">", num(LABEL_SIZE));
    for (k, line) in lines.iter().enumerate() {
        let _ = write!(
            s,
            "<tspan x=\"{}\" y=\"{}\">{}</tspan>",
            num(at.x),
            num(at.y + LABEL_LINE_HEIGHT * (k as f64 + 1.0) - 3.0),
            esc(line)
        );
    }
    s.push_str("</text>\n");
}

/// What is written on an edge, in lines: its condition, and for a repeat what it starts.
fn edge_text(chart: &Chart<'_>, e: &super::Edge) -> Option<Vec<String>> {
    let mut lines = wrap(e.label.as_deref()?, LABEL_WRAP);
    if e.kind == EdgeKind::Repeat {
        let group = chart.nodes.get(e.to).and_then(Node::group).unwrap_or("group");
        lines.push(format!("→ next {group}"));
    }
    Some(lines)
}

fn node_size(n: &Node<'_>) -> Size {
    let text = width(&n.id, ID_SIZE).max(width(&n.kind_text(), KIND_SIZE));
    let extra = match n.style().shape {
        Shape::Hexagon => 20.0,
        Shape::Pill => NODE_HEIGHT / 2.0,
        _ => 0.0,
    };
    Size { w: text + 2.0 * NODE_PAD + extra, h: NODE_HEIGHT }
}

fn text_size(lines: &[String]) -> Size {
    let w = lines.iter().map(|l| width(l, LABEL_SIZE)).fold(0.0, f64::max);
    Size { w, h: LABEL_LINE_HEIGHT * lines.len() as f64 + 3.0 }
}

/// Approximate width of a line of monospace text.
fn width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * CHAR_WIDTH
}

fn marker(kind: EdgeKind) -> &'static str {
    match kind {
        EdgeKind::Next => "arrow-next",
        EdgeKind::Branch => "arrow-branch",
        EdgeKind::Decline => "arrow-decline",
        EdgeKind::Repeat => "arrow-repeat",
    }
}

/// A coordinate with at most one decimal, and never `-0`.
fn num(v: f64) -> String {
    let r = (v * 10.0).round() / 10.0;
    if !r.is_finite() || r == 0.0 {
        "0".into()
    } else if r.fract() == 0.0 {
        format!("{r:.0}")
    } else {
        format!("{r:.1}")
    }
}

/// Text for XML: content and attribute values alike.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Characters XML 1.0 does not allow at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(esc("a<b & \"c\" 'd'>\u{1}"), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt;\u{fffd}");
    }

    #[test]
    fn numbers_are_short_and_never_negative_zero() {
        assert_eq!(num(-0.01), "0");
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.3");
        assert_eq!(num(f64::NAN), "0");
    }
}
