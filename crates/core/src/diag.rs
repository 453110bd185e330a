//! Diagnostics for files admins edit (flows, locales, rules): every problem at once, each with
//! file, line, column and the step or rule it concerns, so a person can fix it from the message.

use std::fmt;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    /// The step, rule or message the problem is about, when there is one.
    pub subject: Option<String>,
    /// A short stable name for the kind of problem (`unknown-next`, `missing-message`, ...).
    pub code: &'static str,
    pub message: String,
    /// The offending source line, for the caret display.
    pub source_line: Option<String>,
}

impl Diagnostic {
    pub fn error(path: &Path, (line, col): (usize, usize), code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            line,
            col,
            subject: None,
            code,
            message: message.into(),
            source_line: None,
        }
    }

    pub fn warning(path: &Path, pos: (usize, usize), code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, pos, code, message) }
    }

    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Attaches the source line the position points into.
    pub fn with_source(mut self, text: &str) -> Self {
        self.source_line = text.lines().nth(self.line.saturating_sub(1)).map(str::to_string);
        self
    }

    /// The one-line form: `path:line:col: error[code]: step "x": message`.
    pub fn headline(&self) -> String {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let subject = match &self.subject {
            Some(s) => format!("{s}: "),
            None => String::new(),
        };
        format!("{}:{}:{}: {sev}[{}]: {subject}{}", self.path.display(), self.line, self.col, self.code, self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{}", self.headline())?;
        if let Some(line) = &self.source_line {
            let gutter = self.line.to_string().len();
            writeln!(f, "{:gutter$} |", "")?;
            writeln!(f, "{} | {}", self.line, line)?;
            let pad: String =
                line.chars().take(self.col.saturating_sub(1)).map(|c| if c == '\t' { '\t' } else { ' ' }).collect();
            writeln!(f, "{:gutter$} | {pad}^", "")?;
        }
        Ok(())
    }
}

/// Sorts diagnostics by file and position, errors first on the same line.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.path, a.line, a.col, a.severity).cmp(&(&b.path, b.line, b.col, b.severity)));
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
