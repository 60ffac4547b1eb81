//! `folio status`'s report in each format, fed one document's file at a time.

use std::collections::BTreeMap;
use std::io::{self, Write};

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
use folio_policy::percent;
use folio_track::{DiffPart, Status, StatusCounts, plain_diff};
use serde::Serialize;

use super::wire::{LocaleStatus, StatusFile, UnitReport, VERSION, round};
use super::{Format, JsonStream};

/// What the human format prints besides the totals.
#[derive(Debug, Clone, Copy, Default)]
pub struct HumanOptions {
    /// The per-document table.
    pub documents: bool,
    /// Each stale unit's English word diff.
    pub diff: bool,
    /// Every unit that is not current.
    pub todo: bool,
}

/// Per-locale totals, added up as files come.
#[derive(Default)]
pub struct Totals {
    locales: BTreeMap<String, Sums>,
}

#[derive(Default)]
struct Sums {
    documents: usize,
    units: StatusCounts,
    words: StatusCounts,
    publishable_words: usize,
    /// New translations not recorded yet.
    unrecorded: usize,
}

impl Totals {
    /// Adds one file.
    pub fn add(&mut self, file: &StatusFile, unrecorded: usize) {
        let sums = self.locales.entry(file.locale.clone()).or_default();
        sums.documents += 1;
        sums.units.add_all(&file.units);
        sums.words.add_all(&file.words);
        sums.publishable_words += file.publishable_words;
        sums.unrecorded += unrecorded;
    }

    /// Each locale's totals, sorted by tag.
    pub fn locales(&self) -> Vec<LocaleStatus> {
        self.locales
            .iter()
            .map(|(locale, s)| LocaleStatus {
                locale: locale.clone(),
                documents: s.documents,
                units: s.units,
                words: s.words,
                coverage: round(percent(s.publishable_words, s.words.english_total())),
            })
            .collect()
    }
}

/// The fields of the status report after `documents`.
#[derive(Serialize)]
struct Tail<'a> {
    locales: &'a [LocaleStatus],
}

/// Prints `folio status` in one format as files come, then the totals.
pub enum StatusReporter<'o, W: WriteColor> {
    /// To-do lists and diffs as files come; the table at the end.
    Human {
        /// Where to.
        out: &'o mut W,
        /// What to print.
        options: HumanOptions,
        /// The per-document rows, when asked for.
        rows: Vec<StatusFile>,
    },
    /// The report, streamed.
    Json(JsonStream<'o, W>),
    /// A workflow command per syntax error, stale and updated unit, on its line.
    Github(&'o mut W),
}

impl<'o, W: WriteColor> StatusReporter<'o, W> {
    /// A reporter in `format` writing to `out`.
    pub fn new(format: Format, out: &'o mut W, options: HumanOptions) -> io::Result<Self> {
        Ok(match format {
            Format::Human => StatusReporter::Human {
                out,
                options,
                rows: Vec::new(),
            },
            Format::Json => StatusReporter::Json(JsonStream::begin(out, VERSION)?),
            Format::Github => StatusReporter::Github(out),
            Format::Gitlab => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "`--format gitlab` is for `folio check`; `folio status` writes human, \
                     json or github",
                ));
            }
        })
    }

    /// Reports one locale's file of one document.
    pub fn file(&mut self, file: StatusFile) -> io::Result<()> {
        match self {
            StatusReporter::Json(stream) => stream.item(&file),
            StatusReporter::Github(out) => github_file(*out, &file),
            StatusReporter::Human { out, options, rows } => {
                if options.diff || options.todo {
                    print_todo(*out, &file, options.todo)?;
                }
                if options.documents {
                    rows.push(file);
                }
                Ok(())
            }
        }
    }

    /// Ends the report with the per-locale totals.
    pub fn finish(self, totals: &Totals) -> io::Result<()> {
        let locales = totals.locales();
        match self {
            StatusReporter::Json(stream) => stream.end(&Tail { locales: &locales }),
            StatusReporter::Github(_) => Ok(()),
            StatusReporter::Human { out, options, rows } => {
                if options.diff || options.todo {
                    writeln!(out)?;
                }
                if options.documents {
                    table(
                        out,
                        rows.iter()
                            .map(|r| (&r.locale, Some(&r.document), &r.units, r.coverage)),
                    )?;
                    writeln!(out)?;
                }
                table(
                    out,
                    locales
                        .iter()
                        .map(|l| (&l.locale, None, &l.units, l.coverage)),
                )?;
                for (locale, sums) in &totals.locales {
                    if sums.unrecorded > 0 {
                        writeln!(
                            out,
                            "\n{locale}: {} new translation(s) count as current but are not \
                             recorded yet; `folio accept {locale} --new` records them against \
                             today's English.",
                            sums.unrecorded
                        )?;
                    }
                }
                Ok(())
            }
        }
    }
}

/// A table of unit counts by status: one row per locale, or per document and locale.
fn table<'r>(
    out: &mut impl Write,
    rows: impl Iterator<Item = (&'r String, Option<&'r String>, &'r StatusCounts, f64)> + Clone,
) -> io::Result<()> {
    let documents = rows.clone().any(|(_, d, _, _)| d.is_some());
    let width = rows
        .clone()
        .filter_map(|(_, d, _, _)| d.map(String::len))
        .max()
        .unwrap_or(8)
        .max(8);
    let document_column = |name: &str| {
        if documents {
            format!(" {name:<width$}")
        } else {
            String::new()
        }
    };
    writeln!(
        out,
        "{:<8}{} {:>7} {:>7} {:>5} {:>12} {:>7} {:>8} {:>7}  {:>8}",
        "locale",
        document_column("document"),
        "current",
        "updated",
        "stale",
        "untranslated",
        "missing",
        "obsolete",
        "invalid",
        "coverage"
    )?;
    for (locale, document, u, coverage) in rows {
        writeln!(
            out,
            "{:<8}{} {:>7} {:>7} {:>5} {:>12} {:>7} {:>8} {:>7}  {:>8}",
            locale,
            document_column(document.map_or("", String::as_str)),
            u.current,
            u.updated,
            u.stale,
            u.untranslated,
            u.missing,
            u.obsolete,
            u.invalid,
            format!("{coverage:.1}%"),
        )?;
    }
    Ok(())
}

/// One file's to-do list: stale and updated units with their diffs, or (`everything`)
/// every unit that is not current.
fn print_todo(out: &mut impl WriteColor, file: &StatusFile, everything: bool) -> io::Result<()> {
    let items: Vec<&UnitReport> = file
        .todo
        .iter()
        .filter(|u| everything || matches!(u.status, Status::Stale | Status::Updated))
        .collect();
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    out.set_color(ColorSpec::new().set_bold(true))?;
    write!(out, "{} {}", file.locale, file.file)?;
    out.reset()?;
    writeln!(out)?;
    for unit in items {
        let place = unit
            .line
            .map_or(String::new(), |line| format!(" ({}:{line})", file.file));
        writeln!(out, "  {} {}{place}", unit.status.name(), unit.id)?;
        if let Some(diff) = &unit.diff {
            write!(out, "    English:     ")?;
            print_diff(out, diff)?;
            writeln!(out)?;
        } else if let Some(english) = &unit.english {
            writeln!(out, "    English:     {english}")?;
        }
        if let Some(diff) = &unit.translation_diff {
            write!(out, "    Translation: ")?;
            print_diff(out, diff)?;
            writeln!(out)?;
        } else if let Some(translation) = &unit.translation {
            writeln!(out, "    Translation: {translation}")?;
        }
    }
    Ok(())
}

/// Prints a word diff: red and green on a terminal, `[-old-]{+new+}` otherwise (the
/// markers of `git diff --word-diff=plain`, readable in a CI log).
fn print_diff(out: &mut impl WriteColor, diff: &[DiffPart]) -> io::Result<()> {
    let colour = out.supports_color();
    for part in diff {
        match part {
            DiffPart::Equal(text) => write!(out, "{text}")?,
            DiffPart::Delete(text) if colour => {
                out.set_color(
                    ColorSpec::new()
                        .set_fg(Some(Color::Red))
                        .set_strikethrough(true),
                )?;
                write!(out, "{text}")?;
                out.reset()?;
            }
            DiffPart::Insert(text) if colour => {
                out.set_color(
                    ColorSpec::new()
                        .set_fg(Some(Color::Green))
                        .set_underline(true),
                )?;
                write!(out, "{text}")?;
                out.reset()?;
            }
            DiffPart::Delete(text) => write!(out, "[-{text}-]")?,
            DiffPart::Insert(text) => write!(out, "{{+{text}+}}")?,
        }
    }
    Ok(())
}

/// Workflow commands for one file: its syntax errors, and its stale and updated units
/// with the English word diff, each on its line.
fn github_file(out: &mut impl Write, file: &StatusFile) -> io::Result<()> {
    for error in &file.syntax_errors {
        writeln!(
            out,
            "::error file={},line={},col={},title=folio syntax::{}",
            super::check::escape_property(&file.file),
            error.line,
            error.column,
            super::check::escape_data(&format!("{}: {}", file.locale, error.message))
        )?;
    }
    for unit in &file.todo {
        let (Some(line), Some(diff)) = (unit.line, &unit.diff) else {
            continue;
        };
        let diff = plain_diff(diff);
        writeln!(
            out,
            "::warning file={},line={line},title={}::{}",
            super::check::escape_property(&file.file),
            super::check::escape_property(&format!("folio {}", unit.status.name())),
            super::check::escape_data(&format!(
                "{} {}: the English changed: {diff}",
                file.locale, unit.id
            ))
        )?;
    }
    Ok(())
}
