//! The bytes of every file under a directory (a data directory's size), for the benchmarks.

use std::path::Path;

pub fn du(path: &Path) -> u64 {
    let mut total = 0;
    if let Ok(entries) = std::fs::read_dir(path) {
        for e in entries.flatten() {
            let Ok(m) = e.metadata() else { continue };
            total += if m.is_dir() { du(&e.path()) } else { m.len() };
        }
    }
    total
}
