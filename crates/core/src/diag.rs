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
    /// How to fix it, when the check can say.
    pub help: Option<String>,
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
            help: help_for(code).map(str::to_string),
        }
    }

    pub fn warning(path: &Path, pos: (usize, usize), code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(path, pos, code, message) }
    }

    pub fn about(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    /// Says how to fix the problem.
    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
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

/// Compiler-style, by `annotate-snippets`: the headline with its code, `--> path:line:col`, the
/// offending line with the token underlined, and how to fix it when the check knows.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use annotate_snippets::{Level, Renderer, Snippet};
        let renderer = Renderer::plain();
        let level = match self.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let title = match &self.subject {
            Some(s) => format!("{s}: {}", self.message),
            None => self.message.clone(),
        };
        let origin = self.path.display().to_string();
        let mut msg = level.title(&title).id(self.code);
        match &self.source_line {
            Some(line) => {
                let span = token_span(line, self.col);
                let snippet = Snippet::source(line).line_start(self.line).origin(&origin).annotation(level.span(span));
                msg = msg.snippet(snippet);
            }
            None => {
                // No line to show (a file that could not be read, a problem of the whole file).
                let at = format!("{origin}:{}:{}", self.line, self.col);
                let head = renderer.render(level.title(&title).id(self.code)).to_string();
                writeln!(f, "{head}")?;
                writeln!(f, "  --> {at}")?;
                if let Some(h) = &self.help {
                    writeln!(f, "   = help: {h}")?;
                }
                return Ok(());
            }
        }
        if let Some(h) = &self.help {
            msg = msg.footer(Level::Help.title(h));
        }
        let out = renderer.render(msg).to_string();
        writeln!(f, "{out}")
    }
}

/// The byte range of the token at 1-based character column `col`: a quoted string whole, else up
/// to the next space or TOML punctuation; at least one character when the line has one there.
fn token_span(line: &str, col: usize) -> std::ops::Range<usize> {
    let start = line.char_indices().nth(col.saturating_sub(1)).map(|(i, _)| i).unwrap_or(line.len());
    let rest = &line[start..];
    let len = match rest.chars().next() {
        None => 0,
        Some('"') => rest[1..].find('"').map(|i| i + 2).unwrap_or(rest.len()),
        Some(c) => {
            let end = rest.find(|ch: char| ch.is_whitespace() || ",]}=".contains(ch)).unwrap_or(rest.len());
            if end == 0 {
                c.len_utf8()
            } else {
                end
            }
        }
    };
    start..start + len
}

/// How to fix each kind of problem in the files admins edit, where one sentence can say it. A
/// check may say more for one case with [`Diagnostic::help`].
fn help_for(code: &str) -> Option<&'static str> {
    Some(match code {
        "unknown-start" => "set `start` to the id of a step in this file",
        "unknown-target" => "use the id of a step in this file, or `new:<group>` to start another instance of a repeating group",
        "unknown-group" => "use a group declared as `[groups.<id>]` at the top of the file",
        "unknown-answer" => "name a step that comes before this one (conditions read earlier answers)",
        "missing-message" => "add the message to every language's .ftl files in locales/ (copy the English and translate it)",
        "missing-next" => "add `next = \"<step id>\"`: every step but an end needs one",
        "unreachable" => "make a `next` or a `branch` of another step go to it, or delete the step",
        "duplicate-id" => "give each step its own id",
        "duplicate-option" => "give each option of a step its own value",
        "before-consent" => "move the question after the consent step: nothing personal is asked before consent",
        "no-consent" => "add a step of kind \"consent\" before the first question whose answer is kept",
        "no-end" => "make every path lead to a step of kind \"end\"",
        "sensitive-first-line" => "reword the first line so that a lock-screen notification says nothing sensitive; the rest can follow on the next line",
        "unknown-field" => "use a screening field listed in docs/screening.md, or remove `field`",
        "short-serves-nothing" => "give the step `field = \"...\"` naming a screened field or one listed in `contact_needs`, or take `short = true` off it",
        "short-path-start" => "mark the step consent leads to with `short = true`: the short path begins right after consent",
        "short-path-no-submit" => "mark every step between with `short = true`, or let the short path lead to the review (docs/flows.md, \"The short path\")",
        "bad-id" => "ids use lowercase letters, digits and _ (e.g. `case_date`)",
        "no-options" => "give the step `options = [{ value = \"...\", label = \"...\" }]`",
        "bars" => "state the route's bars in [route.disqualifiers]: the bars the statute sets; or `none = true` with `source`, `read_on` and `read_in_full = true` when its operative text, read in full, states none; or `unknown = true` when the text was not checked (rules/README.md)",
        "example" => "if the rule changed on purpose, change the example's `expect`; else fix the rule (rules/README.md)",
        _ => return None,
    })
}

/// Sorts diagnostics by file and position, errors first on the same line.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| (&a.path, a.line, a.col, a.severity).cmp(&(&b.path, b.line, b.col, b.severity)));
}

pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}
