//! The files admins edit (flows, locales, rules), as text already read: the core never opens a
//! file. The binary reads a directory on disk or the copy built into it (`clearpath::data`) and
//! hands the core a [`Tree`].

use std::path::{Path, PathBuf};

/// A tree of text files, read in advance: paths relative to its root, with their contents.
#[derive(Debug, Clone, Default)]
pub struct Tree {
    /// How to name the tree in a message: a directory, or "(built-in) flows".
    label: String,
    /// What [`Tree::display_path`] puts before a relative path: the directory, or the tree's
    /// name for the built-in copy.
    shown_root: PathBuf,
    /// (relative path, text), sorted by path.
    files: Vec<(PathBuf, String)>,
    /// Directories, relative, sorted (including ones with no text file in them).
    dirs: Vec<PathBuf>,
    /// Why the tree could not be read, if it could not: every listing then fails with it, and
    /// the loaders report it as they report any unreadable file.
    error: Option<(std::io::ErrorKind, String)>,
}

impl Tree {
    /// A tree from files already read. `shown_root` is what messages put before a relative path.
    pub fn new(
        label: impl Into<String>,
        shown_root: impl Into<PathBuf>,
        files: Vec<(PathBuf, String)>,
        dirs: Vec<PathBuf>,
    ) -> Tree {
        let mut files = files;
        files.sort_by(|a, b| a.0.cmp(&b.0));
        let mut dirs = dirs;
        dirs.sort();
        dirs.dedup();
        Tree { label: label.into(), shown_root: shown_root.into(), files, dirs, error: None }
    }

    /// A tree that could not be read: listing it fails with `error`.
    pub fn unreadable(label: impl Into<String>, shown_root: impl Into<PathBuf>, error: &std::io::Error) -> Tree {
        Tree {
            label: label.into(),
            shown_root: shown_root.into(),
            error: Some((error.kind(), error.to_string())),
            ..Tree::default()
        }
    }

    fn failed(&self) -> std::io::Result<()> {
        match &self.error {
            Some((kind, text)) => Err(std::io::Error::new(*kind, text.clone())),
            None => Ok(()),
        }
    }

    pub fn describe(&self) -> String {
        self.label.clone()
    }

    pub fn display_path(&self, rel: &Path) -> PathBuf {
        self.shown_root.join(rel)
    }

    /// The files directly in `sub` ("" for the root) whose extension is `ext`, sorted by path.
    /// Fails only for a tree that could not be read (see [`Tree::unreadable`]).
    pub fn files(&self, sub: &str, ext: &str) -> std::io::Result<Vec<(PathBuf, String)>> {
        self.failed()?;
        let dir = Path::new(sub);
        Ok(self
            .files
            .iter()
            .filter(|(p, _)| p.parent().unwrap_or(Path::new("")) == dir)
            .filter(|(p, _)| p.extension().and_then(|e| e.to_str()) == Some(ext))
            .cloned()
            .collect())
    }

    /// Immediate subdirectories of the root, sorted.
    pub fn subdirs(&self) -> std::io::Result<Vec<String>> {
        self.failed()?;
        let mut out: Vec<String> = self
            .dirs
            .iter()
            .filter(|d| d.components().count() == 1)
            .map(|d| d.to_string_lossy().into_owned())
            .collect();
        out.dedup();
        Ok(out)
    }
}

/// The shipped files, read from disk for the core's own unit tests (the core does no file I/O
/// outside tests; the binary reads them).
#[cfg(test)]
pub(crate) fn read_for_tests(root: &Path) -> Tree {
    fn walk(root: &Path, dir: &Path, files: &mut Vec<(PathBuf, String)>, dirs: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap() {
            let path = e.unwrap().path();
            let rel = path.strip_prefix(root).unwrap().to_path_buf();
            if path.is_dir() {
                dirs.push(rel);
                walk(root, &path, files, dirs);
            } else if let Ok(text) = std::fs::read_to_string(&path) {
                files.push((rel, text));
            }
        }
    }
    let (mut files, mut dirs) = (Vec::new(), Vec::new());
    walk(root, root, &mut files, &mut dirs);
    Tree::new(root.display().to_string(), root, files, dirs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_those_directly_in_the_directory_asked_with_the_extension_asked() {
        let t = Tree::new(
            "x",
            "/r",
            vec![
                ("a.toml".into(), "1".into()),
                ("en/b.ftl".into(), "2".into()),
                ("en/locale.toml".into(), "3".into()),
                ("en/sub/c.ftl".into(), "4".into()),
            ],
            vec!["en".into(), "en/sub".into(), "es".into()],
        );
        let names = |v: Vec<(PathBuf, String)>| v.into_iter().map(|(p, _)| p.display().to_string()).collect::<Vec<_>>();
        assert_eq!(names(t.files("", "toml").unwrap()), ["a.toml"]);
        assert_eq!(names(t.files("en", "ftl").unwrap()), ["en/b.ftl"]);
        assert_eq!(t.subdirs().unwrap(), ["en", "es"]);
        assert_eq!(t.display_path(Path::new("en/b.ftl")), Path::new("/r/en/b.ftl"));
        let gone = Tree::unreadable("y", "/y", &std::io::Error::from(std::io::ErrorKind::NotFound));
        assert_eq!(gone.files("", "toml").unwrap_err().kind(), std::io::ErrorKind::NotFound);
        assert!(gone.subdirs().is_err());
    }
}
