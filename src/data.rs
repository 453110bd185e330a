//! Where the files admins edit come from: a directory on disk, or the copy built into the binary
//! so that `clearpath chat` works on a fresh machine with nothing configured. Both are read here,
//! whole, into a [`Tree`] that the core loads from (the core does no file I/O).

use include_dir::{include_dir, Dir};
use std::path::{Path, PathBuf};

pub use clearpath_core::data::Tree;

static EMBEDDED_FLOWS: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/flows");
static EMBEDDED_LOCALES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/locales");
static EMBEDDED_RULES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/rules");

/// Every text file under `root` (recursively), with the directories. A directory that cannot be
/// read gives a tree that says so when it is listed (and the loaders report it).
pub fn read_dir(root: &Path) -> Tree {
    fn walk(
        root: &Path,
        dir: &Path,
        files: &mut Vec<(PathBuf, String)>,
        dirs: &mut Vec<PathBuf>,
    ) -> std::io::Result<()> {
        for entry in std::fs::read_dir(dir)? {
            let e = entry?;
            let path = e.path();
            let rel = path.strip_prefix(root).unwrap_or(&path).to_path_buf();
            let kind = e.file_type()?;
            if kind.is_dir() {
                dirs.push(rel);
                walk(root, &path, files, dirs)?;
            } else if kind.is_file() {
                // Only text: a stray binary file (an editor's backup, a picture) is not ours to read.
                if let Ok(text) = std::fs::read_to_string(&path) {
                    files.push((rel, text));
                }
            }
        }
        Ok(())
    }
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    match walk(root, root, &mut files, &mut dirs) {
        Ok(()) => Tree::new(root.display().to_string(), root, files, dirs),
        Err(e) => Tree::unreadable(root.display().to_string(), root, &e),
    }
}

fn embedded(dir: &'static Dir<'static>, name: &str) -> Tree {
    fn walk(d: &'static Dir<'static>, files: &mut Vec<(PathBuf, String)>, dirs: &mut Vec<PathBuf>) {
        for f in d.files() {
            if let Some(text) = f.contents_utf8() {
                files.push((f.path().to_path_buf(), text.to_string()));
            }
        }
        for sub in d.dirs() {
            dirs.push(sub.path().to_path_buf());
            walk(sub, files, dirs);
        }
    }
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    walk(dir, &mut files, &mut dirs);
    Tree::new(format!("(built-in) {name}"), name, files, dirs)
}

pub fn embedded_flows() -> Tree {
    embedded(&EMBEDDED_FLOWS, "flows")
}

pub fn embedded_locales() -> Tree {
    embedded(&EMBEDDED_LOCALES, "locales")
}

pub fn embedded_rules() -> Tree {
    embedded(&EMBEDDED_RULES, "rules")
}

/// The directory given, else `./<name>` if there is one, else the built-in copy.
pub fn resolve(explicit: Option<&Path>, name: &str) -> Tree {
    if let Some(p) = explicit {
        return read_dir(p);
    }
    let local = Path::new(name);
    if local.is_dir() {
        return read_dir(local);
    }
    match name {
        "flows" => embedded_flows(),
        "locales" => embedded_locales(),
        _ => embedded_rules(),
    }
}

/// One flow file from disk.
pub fn load_flow_file(
    path: &Path,
) -> Result<(clearpath_core::flow::Flow, Vec<clearpath_core::diag::Diagnostic>), std::io::Error> {
    let text = std::fs::read_to_string(path)?;
    Ok(clearpath_core::flow::load_str(path, &text))
}
