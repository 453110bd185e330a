//! Where the files admins edit come from: a directory on disk, or the copy built into the binary
//! so that `clearpath chat` works on a fresh machine with nothing configured.

use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

static EMBEDDED_FLOWS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/flows");
static EMBEDDED_LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static EMBEDDED_RULES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// A tree of text files: a real directory, or one built into the binary.
#[derive(Debug, Clone)]
pub enum Tree {
    Fs(PathBuf),
    Embedded(&'static Dir<'static>, &'static str),
}

impl Tree {
    pub fn embedded_flows() -> Tree {
        Tree::Embedded(&EMBEDDED_FLOWS, "flows")
    }
    pub fn embedded_locales() -> Tree {
        Tree::Embedded(&EMBEDDED_LOCALES, "locales")
    }
    pub fn embedded_rules() -> Tree {
        Tree::Embedded(&EMBEDDED_RULES, "rules")
    }

    /// `explicit` if given; else `./<name>` when it exists; else the built-in copy.
    pub fn resolve(explicit: Option<&Path>, name: &str) -> Tree {
        if let Some(p) = explicit {
            return Tree::Fs(p.to_path_buf());
        }
        let local = Path::new(name);
        if local.is_dir() {
            return Tree::Fs(local.to_path_buf());
        }
        match name {
            "flows" => Tree::embedded_flows(),
            "locales" => Tree::embedded_locales(),
            _ => Tree::embedded_rules(),
        }
    }

    /// How to name this tree to a person.
    pub fn describe(&self) -> String {
        match self {
            Tree::Fs(p) => p.display().to_string(),
            Tree::Embedded(_, name) => format!("(built-in) {name}"),
        }
    }

    /// Path shown in diagnostics for a file of this tree.
    pub fn display_path(&self, rel: &Path) -> PathBuf {
        match self {
            Tree::Fs(p) => p.join(rel),
            Tree::Embedded(_, name) => Path::new(name).join(rel),
        }
    }

    /// Files directly in `sub` (relative; "" for the top) with the given extension, sorted by name.
    pub fn files(&self, sub: &str, ext: &str) -> std::io::Result<Vec<(PathBuf, String)>> {
        let mut out = Vec::new();
        match self {
            Tree::Fs(root) => {
                let dir = if sub.is_empty() { root.clone() } else { root.join(sub) };
                for entry in std::fs::read_dir(&dir)? {
                    let path = entry?.path();
                    if path.is_file() && path.extension().and_then(|e| e.to_str()) == Some(ext) {
                        let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
                        out.push((rel, std::fs::read_to_string(&path)?));
                    }
                }
            }
            Tree::Embedded(dir, _) => {
                let d = if sub.is_empty() { Some(*dir) } else { dir.get_dir(sub) };
                if let Some(d) = d {
                    for f in d.files() {
                        if f.path().extension().and_then(|e| e.to_str()) == Some(ext) {
                            if let Some(text) = f.contents_utf8() {
                                out.push((f.path().to_path_buf(), text.to_string()));
                            }
                        }
                    }
                }
            }
        }
        out.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(out)
    }

    /// Immediate subdirectories, sorted.
    pub fn subdirs(&self) -> std::io::Result<Vec<String>> {
        let mut out = Vec::new();
        match self {
            Tree::Fs(root) => {
                for entry in std::fs::read_dir(root)? {
                    let e = entry?;
                    if e.file_type()?.is_dir() {
                        out.push(e.file_name().to_string_lossy().into_owned());
                    }
                }
            }
            Tree::Embedded(dir, _) => {
                for d in dir.dirs() {
                    if let Some(name) = d.path().file_name() {
                        out.push(name.to_string_lossy().into_owned());
                    }
                }
            }
        }
        out.sort();
        Ok(out)
    }
}
