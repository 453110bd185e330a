//! `flows graph`: the flow drawn, so admins can see what they edit. As Mermaid text
//! ([`mermaid`]), as Graphviz DOT ([`dot`]), or as an SVG picture the program lays out and draws
//! itself ([`svg`], with [`layout`]), so no outside tool is needed to see a flow.
//!
//! DOT and SVG read the flow through one [`Chart`]: its boxes (steps, and any target that names
//! no step), its arrows with what is written on them, and how each kind of step looks. Mermaid
//! keeps its own, older, reading, whose output admins may already have saved.

mod dot;
pub mod layout;
mod mermaid;
mod svg;
#[cfg(test)]
mod tests;

pub use dot::dot;
pub use mermaid::mermaid;
pub use svg::svg;

use super::{EndResult, Flow, Group, Kind, Step, Target};

/// The flow as boxes and arrows.
pub(crate) struct Chart<'a> {
    /// The start step first, then the other steps in file order, then targets naming no step.
    pub nodes: Vec<Node<'a>>,
    /// Per step in file order: its branches, a consent's decline, then its `next`.
    pub edges: Vec<Edge>,
}

pub(crate) struct Node<'a> {
    pub id: String,
    /// `None` for a target that names no step (`flows check` reports it; the chart shows it).
    pub step: Option<&'a Step>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EdgeKind {
    /// The step's `next`.
    Next,
    /// A branch, with its condition written on the arrow.
    Branch,
    /// Where a consent step goes when the person does not agree.
    Decline,
    /// A branch that starts the next instance of a repeating group (`new:case`).
    Repeat,
}

pub(crate) struct Edge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// What is written on the arrow.
    pub label: Option<String>,
}

impl<'a> Chart<'a> {
    pub fn of(flow: &'a Flow) -> Chart<'a> {
        let start = flow.steps.iter().filter(|s| s.id == flow.start);
        let rest = flow.steps.iter().filter(|s| s.id != flow.start);
        let mut nodes: Vec<Node<'a>> = start.chain(rest).map(|s| Node { id: s.id.clone(), step: Some(s) }).collect();
        let mut edges = Vec::new();
        for step in &flow.steps {
            let Some(from) = index(&nodes, &step.id) else {
                continue;
            };
            let mut add = |nodes: &mut Vec<Node<'a>>, t: &Target, kind: EdgeKind, label: Option<String>| {
                let to = target_node(flow, nodes, t);
                let kind = match (kind, t) {
                    (EdgeKind::Branch, Target::NewInstance(_)) => EdgeKind::Repeat,
                    _ => kind,
                };
                edges.push(Edge { from, to, kind, label });
            };
            for b in &step.branches {
                add(&mut nodes, &b.goto, EdgeKind::Branch, Some(b.when.describe()));
            }
            if let Kind::Consent { decline } = &step.kind {
                add(&mut nodes, decline, EdgeKind::Decline, Some("decline".into()));
            }
            if let (Some(n), false) = (&step.next, matches!(step.kind, Kind::End { .. })) {
                add(&mut nodes, n, EdgeKind::Next, None);
            }
        }
        Chart { nodes, edges }
    }

    /// The nodes of a group's steps.
    pub fn members(&self, group: &Group) -> impl Iterator<Item = usize> + '_ {
        let id = group.id.clone();
        self.nodes.iter().enumerate().filter(move |(_, n)| n.group() == Some(id.as_str())).map(|(i, _)| i)
    }
}

impl Node<'_> {
    pub fn group(&self) -> Option<&str> {
        self.step.and_then(|s| s.group.as_deref())
    }

    /// The second line of the box: the kind of step (and an end's result).
    pub fn kind_text(&self) -> String {
        match self.step.map(|s| &s.kind) {
            None => "no such step".into(),
            Some(Kind::End { result }) => format!("end: {}", result_name(*result)),
            Some(k) => k.name().into(),
        }
    }

    pub fn style(&self) -> Style {
        match self.step.map(|s| &s.kind) {
            None => Style { shape: Shape::Missing, fill: "#ffffff", stroke: "#c0392b" },
            Some(Kind::Info) => Style { shape: Shape::Rounded, fill: "#fff6d5", stroke: "#a07800" },
            Some(Kind::Consent { .. }) => Style { shape: Shape::Hexagon, fill: "#fde6cf", stroke: "#b85c00" },
            Some(Kind::Review) => Style { shape: Shape::Double, fill: "#efe5fa", stroke: "#6a45a0" },
            Some(Kind::End { result: EndResult::Submitted }) => {
                Style { shape: Shape::Pill, fill: "#dff2dc", stroke: "#2e7d32" }
            }
            Some(Kind::End { result: EndResult::Paused }) => {
                Style { shape: Shape::Pill, fill: "#ececec", stroke: "#666666" }
            }
            Some(Kind::End { result: EndResult::Declined }) => {
                Style { shape: Shape::Pill, fill: "#f8dede", stroke: "#b03a3a" }
            }
            Some(_) => Style { shape: Shape::Box, fill: "#eaf1fb", stroke: "#44689a" },
        }
    }
}

/// How a box is drawn: questions are boxes, messages rounded, consent a hexagon, the review a
/// double box, endings pills coloured by their result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shape {
    Box,
    Rounded,
    Hexagon,
    Double,
    Pill,
    /// A target that names no step: dashed.
    Missing,
}

#[derive(Clone, Copy, Debug)]
pub(crate) struct Style {
    pub shape: Shape,
    pub fill: &'static str,
    pub stroke: &'static str,
}

impl EdgeKind {
    /// Line colour, and whether the line is dashed.
    pub fn stroke(self) -> (&'static str, bool) {
        match self {
            EdgeKind::Next => ("#555555", false),
            EdgeKind::Branch => ("#1f5fa8", false),
            EdgeKind::Decline => ("#b03a3a", true),
            EdgeKind::Repeat => ("#7a45b0", true),
        }
    }
}

/// The words under a repeating group's name: "repeats: case, up to 30".
pub(crate) fn group_title(g: &Group) -> String {
    format!("repeats: {}, up to {}", g.id, g.max)
}

/// Breaks text into lines of at most `max` characters at spaces (a longer word stays whole).
pub(crate) fn wrap(text: &str, max: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > max {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn result_name(r: EndResult) -> &'static str {
    match r {
        EndResult::Submitted => "submitted",
        EndResult::Paused => "paused",
        EndResult::Declined => "declined",
    }
}

fn index(nodes: &[Node<'_>], id: &str) -> Option<usize> {
    nodes.iter().position(|n| n.id == id)
}

/// The node a target leads to; a target naming no step (or no group) gets a node of its own.
fn target_node<'a>(flow: &'a Flow, nodes: &mut Vec<Node<'a>>, t: &Target) -> usize {
    let id = match t {
        Target::Step(id) => id.clone(),
        Target::NewInstance(g) => flow.groups.get(g).map(|gr| gr.start.clone()).unwrap_or_else(|| format!("new:{g}")),
    };
    index(nodes, &id).unwrap_or_else(|| {
        nodes.push(Node { id, step: None });
        nodes.len() - 1
    })
}
