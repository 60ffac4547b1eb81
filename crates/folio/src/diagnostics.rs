//! The one place that prints diagnostics: errors pointing into a source file are shown
//! as annotated snippets (file:line:col, the line, a caret), everything else as one line.
//! Both streams are [`Inert`]: nothing from a file reaches the terminal as a control
//! character.

use std::io::IsTerminal;
use std::path::Path;

use codespan_reporting::diagnostic::{Diagnostic, Label};
use codespan_reporting::files::SimpleFile;
use codespan_reporting::term::{self, termcolor};

use crate::cli::{ColorChoice, Verbosity};
use crate::color;
use crate::terminal::Inert;

/// Prints diagnostics to standard error, in colour when asked or on a terminal.
pub struct Reporter {
    stderr: Inert<termcolor::StandardStream>,
    config: term::Config,
    /// Failures, one sentence each: the command could not do (all of) its job. Check
    /// findings are not failures; the command's report decides what they mean.
    errors: Vec<String>,
    /// `-q`, `-v` or neither.
    verbosity: Verbosity,
}

/// Standard output for reports, coloured as [`crate::color`] decides (`--color`, then
/// CLICOLOR_FORCE, NO_COLOR, CLICOLOR, then whether it is a terminal), with terminal
/// controls escaped. Every command prints through it, and flushes it at the end to hear
/// of a failed write (dropping it flushes too, silently).
///
/// Written a line at a time on a terminal, so that it keeps pace with standard error and
/// the progress bar; in blocks otherwise, as C's stdio does: a JSON report of a large tree
/// is hundreds of thousands of lines, and a write per line cost a third of a tree check's
/// wall time.
pub fn stdout(color: ColorChoice) -> Inert<Box<dyn termcolor::WriteColor>> {
    let is_terminal = std::io::stdout().is_terminal();
    let choice = color::stream_choice(color, is_terminal);
    Inert::new(if is_terminal {
        Box::new(termcolor::StandardStream::stdout(choice))
    } else {
        Box::new(termcolor::BufferedStandardStream::stdout(choice))
    })
}

/// One problem at a byte offset of a file.
pub struct Located<'a> {
    /// The byte offset it points at.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// A hint shown under the snippet.
    pub note: Option<&'a str>,
}

impl Reporter {
    /// A reporter colouring standard error as [`crate::color`] decides, the same way as
    /// [`stdout`], and showing as much as `verbosity` asks.
    pub fn new(color: ColorChoice, verbosity: Verbosity) -> Self {
        let choice = color::stream_choice(color, std::io::stderr().is_terminal());
        Reporter {
            stderr: Inert::new(termcolor::StandardStream::stderr(choice)),
            config: term::Config::default(),
            errors: Vec::new(),
            verbosity,
        }
    }

    /// How much the user asked to see (`-q`, `-v`): a report that caps or skips output
    /// asks here.
    pub fn verbosity(&self) -> Verbosity {
        self.verbosity
    }

    /// Failures reported so far (not counting check findings).
    pub fn error_count(&self) -> usize {
        self.errors.len()
    }

    /// Failures reported so far, one sentence each (a report carries them).
    pub fn error_messages(&self) -> &[String] {
        &self.errors
    }

    /// Reports errors inside `text`, the contents of `path`, as annotated snippets, each
    /// a failure of the command.
    pub fn located_errors(&mut self, path: &Path, text: &str, problems: &[Located<'_>]) {
        let index = folio_model::LineIndex::new(text);
        for problem in problems {
            let (line, column) = index.line_col(problem.offset);
            self.errors.push(format!(
                "{}:{line}:{column}: {}",
                path.display(),
                problem.message
            ));
        }
        self.located_findings(path, text, problems);
    }

    /// Shows errors inside `text`, the contents of `path`, as annotated snippets, when
    /// they are findings of a report rather than failures of the command.
    pub fn located_findings(&mut self, path: &Path, text: &str, problems: &[Located<'_>]) {
        let file = SimpleFile::new(path.display().to_string(), text);
        for problem in problems {
            let mut diagnostic = Diagnostic::error()
                .with_message(&problem.message)
                .with_labels(vec![Label::primary((), problem.offset..problem.offset)]);
            if let Some(note) = problem.note {
                diagnostic = diagnostic.with_notes(vec![note.to_owned()]);
            }
            // Failing to print a diagnostic leaves nothing better to do.
            let _ = term::emit(&mut self.stderr, &self.config, &file, &diagnostic);
        }
    }

    /// Reports check findings inside `text`, the contents of `path`, as annotated
    /// snippets titled `error[check]` or `warning[check]`.
    pub fn findings(&mut self, path: &Path, text: &str, findings: &[folio_check::Finding]) {
        let file = SimpleFile::new(path.display().to_string(), text);
        for finding in findings {
            let diagnostic = match finding.severity {
                folio_check::Severity::Error => Diagnostic::error(),
                folio_check::Severity::Warning => Diagnostic::warning(),
            };
            let id = finding
                .id
                .as_deref()
                .map_or(String::new(), |id| format!("{id}: "));
            let diagnostic = diagnostic
                .with_code(finding.check.name())
                .with_message(format!("{id}{}", finding.message))
                .with_labels(vec![Label::primary((), finding.offset..finding.offset)]);
            let _ = term::emit(&mut self.stderr, &self.config, &file, &diagnostic);
        }
    }

    /// Reports a finding by its place alone, when the file's text is not at hand (a
    /// merged report): `file:line:col`, then the finding.
    pub fn finding_line(
        &mut self,
        place: &str,
        severity: folio_check::Severity,
        check: &str,
        message: &str,
    ) {
        let (label, color) = match severity {
            folio_check::Severity::Error => ("error", termcolor::Color::Red),
            folio_check::Severity::Warning => ("warning", termcolor::Color::Yellow),
        };
        self.line(
            &format!("{label}[{check}]"),
            color,
            &format!("{place}: {message}"),
        );
    }

    /// Reports a finding about a whole file (coverage, a missing disclaimer unit).
    pub fn whole_file_finding(&mut self, file: &str, check: &str, message: &str) {
        self.line(
            &format!("error[{check}]"),
            termcolor::Color::Red,
            &format!("{file}: {message}"),
        );
    }

    /// Reports an error with no position inside a file (its message names the file).
    pub fn error(&mut self, error: &dyn std::fmt::Display) {
        let message = error.to_string();
        self.line("error", termcolor::Color::Red, &message);
        self.errors.push(message);
    }

    /// Reports something the user should know that does not fail the command.
    pub fn warning(&mut self, message: &dyn std::fmt::Display) {
        self.line("warning", termcolor::Color::Yellow, &message.to_string());
    }

    /// Reports the error that ended the command, with its chain of causes.
    pub fn fatal(&mut self, error: &anyhow::Error) {
        let message = format!("{error:#}");
        self.line("error", termcolor::Color::Red, &message);
        self.errors.push(message);
    }

    /// Tells the user something they asked to see (`-v`), not a problem.
    pub fn note(&mut self, message: &dyn std::fmt::Display) {
        self.line("note", termcolor::Color::Cyan, &message.to_string());
    }

    fn line(&mut self, label: &str, color: termcolor::Color, message: &str) {
        use std::io::Write;
        use termcolor::WriteColor;
        let out = &mut self.stderr;
        let _ = out.set_color(
            termcolor::ColorSpec::new()
                .set_fg(Some(color))
                .set_bold(true),
        );
        let _ = write!(out, "{label}");
        let _ = out.reset();
        let _ = writeln!(out, ": {message}");
    }
}
