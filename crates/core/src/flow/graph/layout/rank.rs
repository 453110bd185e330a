//! Which edges go back, and the ranks of the rest.

use super::{set, Graph};
use std::collections::VecDeque;

/// Which edges go back: marked so, loops, and those closing a cycle in a depth-first walk from
/// node 0 (then from each node not yet reached, in order).
pub(super) fn back_edges(g: &Graph) -> Vec<bool> {
    let n = g.nodes.len();
    let mut back: Vec<bool> = g.edges.iter().map(|e| e.back || e.from == e.to).collect();
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    for (i, e) in g.edges.iter().enumerate() {
        if e.to < n && !back.get(i).copied().unwrap_or(true) {
            if let Some(o) = out.get_mut(e.from) {
                o.push((i, e.to));
            }
        }
    }
    // 0: not seen, 1: on the walk's path, 2: done.
    let mut state = vec![0u8; n];
    for root in 0..n {
        if state.get(root) != Some(&0) {
            continue;
        }
        set(&mut state, root, 1);
        let mut stack = vec![(root, 0usize)];
        while let Some(&(u, k)) = stack.last() {
            match out.get(u).and_then(|o| o.get(k)).copied() {
                None => {
                    set(&mut state, u, 2);
                    stack.pop();
                }
                Some((edge, v)) => {
                    if let Some(top) = stack.last_mut() {
                        top.1 += 1;
                    }
                    match state.get(v) {
                        Some(0) => {
                            set(&mut state, v, 1);
                            stack.push((v, 0));
                        }
                        Some(1) => set(&mut back, edge, true),
                        _ => {}
                    }
                }
            }
        }
    }
    back
}

/// Longest-path ranks over the forward edges; a labelled edge counts two.
pub(super) fn ranks(g: &Graph, back: &[bool]) -> Vec<usize> {
    let n = g.nodes.len();
    let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
    let mut indegree = vec![0usize; n];
    for (e, is_back) in g.edges.iter().zip(back) {
        if !is_back && e.from < n && e.to < n {
            if let Some(o) = out.get_mut(e.from) {
                o.push((e.to, if e.label.is_some() { 2 } else { 1 }));
            }
            if let Some(d) = indegree.get_mut(e.to) {
                *d += 1;
            }
        }
    }
    let mut rank = vec![0usize; n];
    let mut queue: VecDeque<usize> = (0..n).filter(|&i| indegree.get(i) == Some(&0)).collect();
    while let Some(u) = queue.pop_front() {
        let ru = rank.get(u).copied().unwrap_or(0);
        for &(v, len) in out.get(u).map(Vec::as_slice).unwrap_or(&[]) {
            if let Some(rv) = rank.get_mut(v) {
                *rv = (*rv).max(ru + len);
            }
            if let Some(d) = indegree.get_mut(v) {
                *d = d.saturating_sub(1);
                if *d == 0 {
                    queue.push_back(v);
                }
            }
        }
    }
    rank
}
