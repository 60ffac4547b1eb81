//! `folio status`: per locale and document, units and English words by status; the word
//! diff of each stale unit; the translator's to-do list.
//!
//! # JSON wire format (`--format json`), version 1
//!
//! One object, [`StatusReport`]: `{"version": 1, "locales": [LocaleReport…]}`. Each
//! [`LocaleReport`] lists its documents ([`DocumentReport`]) with unit and word counts by
//! status, every unit that is not current ([`UnitReport`], in file order, with the word
//! diff of stale ones), and the file's syntax errors ([`ErrorReport`]). Fields are only
//! ever added within a version; a removal or change of meaning bumps `version`.

use std::io::Write;

use codespan_reporting::term::termcolor::{Color, ColorSpec, WriteColor};
use folio_policy::article_checks;
use folio_track::{DiffPart, Status, StatusCounts, UnitStatus, word_diff};
use folio_workspace::Workspace;
use rayon::prelude::*;
use serde::Serialize;
use unic_langid::LanguageIdentifier;

use crate::Outcome;
use crate::assess::{Assessed, EnglishTexts, assess_locale};
use crate::cli::{Cli, OutputFormat, StatusArgs};
use crate::diagnostics::{Located, Reporter, stdout};
use crate::load::{open_workspace, select_locales};

/// The version of the JSON wire format.
pub const STATUS_SCHEMA_VERSION: u32 = 1;

/// `folio status --format json`: the whole report.
#[derive(Debug, Serialize)]
pub struct StatusReport {
    /// The wire-format version, [`STATUS_SCHEMA_VERSION`].
    pub version: u32,
    /// One entry per locale, sorted by tag.
    pub locales: Vec<LocaleReport>,
}

/// One locale's status.
#[derive(Debug, Serialize)]
pub struct LocaleReport {
    /// The BCP 47 tag.
    pub locale: String,
    /// Unit counts by status over all documents.
    pub units: StatusCounts,
    /// English word counts by status over all documents.
    pub words: StatusCounts,
    /// Percent of the English words whose unit is publishable (current, free of error
    /// findings, formatting and showing text: `folio check`'s and `folio render`'s
    /// coverage), over all documents.
    pub coverage: f64,
    /// One entry per document, sorted by name.
    pub documents: Vec<DocumentReport>,
}

/// One locale's status for one document.
#[derive(Debug, Serialize)]
pub struct DocumentReport {
    /// The document name (its file stem).
    pub document: String,
    /// The translation file, relative to the workspace root, with `/` separators.
    pub file: String,
    /// Unit counts by status.
    pub units: StatusCounts,
    /// English word counts by status (obsolete: the words of the English last confirmed).
    pub words: StatusCounts,
    /// Percent of the English words whose unit is publishable: the coverage `folio
    /// check` holds to the bar and `folio render` publishes by.
    pub coverage: f64,
    /// Every unit that is not current, in English order then file order.
    pub todo: Vec<UnitReport>,
    /// Syntax errors of the translation file.
    pub syntax_errors: Vec<ErrorReport>,
}

/// One unit that needs the translator: its [`UnitStatus`] fields (`id`, `status`,
/// `line`, `english`, `confirmed`, `confirmed_translation`, `translation`, `words`,
/// `recorded`) and, when stale or updated, the word diffs.
#[derive(Debug, Serialize)]
pub struct UnitReport {
    /// The unit's status and texts.
    #[serde(flatten)]
    pub unit: UnitStatus,
    /// For a stale or updated unit, the word diff of the English from `confirmed` to
    /// `english`.
    pub diff: Option<Vec<DiffPart>>,
    /// For an updated unit, the word diff of the translation from
    /// `confirmed_translation` to `translation`.
    pub translation_diff: Option<Vec<DiffPart>>,
}

/// A syntax error in a translation file.
#[derive(Debug, Serialize)]
pub struct ErrorReport {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What the parser expected.
    pub message: String,
    /// The offending line.
    pub line_text: String,
}

/// Runs `folio status`.
pub fn run(cli: &Cli, args: &StatusArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let locales = select_locales(&workspace, &args.locales, reporter)?;
    let names = workspace.extracted_names()?;
    if names.is_empty() {
        anyhow::bail!(
            "no English units in {}: run `folio extract` first",
            workspace.locale_dir(workspace.reference()).display()
        );
    }
    let english = EnglishTexts::read(&workspace, &names, reporter)?;
    let references = english.parse();
    let options = article_checks(workspace.config().check.proper_names.clone());
    let results: Vec<_> = locales
        .par_iter()
        .map(|locale| assess_locale(&workspace, locale, &references, &options))
        .collect();
    let mut tracked: Vec<(LanguageIdentifier, Assessed)> = Vec::new();
    for (locale, result) in locales.iter().zip(results) {
        match result {
            Ok(documents) => tracked.extend(documents.into_iter().map(|d| (locale.clone(), d))),
            Err(error) => reporter.error(&error),
        }
    }
    // Broken translations are findings of the report, shown as snippets; only what kept
    // the report from being made (bad locale names, unreadable files) fails the command.
    let failures = reporter.error_count();
    for (_, assessed) in &tracked {
        report_syntax_errors(reporter, &workspace, assessed);
    }

    let report = build_report(&workspace, &locales, &tracked);
    let mut out = stdout(cli.color);
    match args.format {
        OutputFormat::Json => {
            crate::terminal::write_json(&mut out, &report)?;
            writeln!(out)?;
        }
        OutputFormat::Human => {
            print_table(&mut out, &report)?;
            if args.diff || args.todo {
                print_todo(&mut out, &report, args.todo)?;
            }
            for locale in &locales {
                let unrecorded = tracked
                    .iter()
                    .filter(|(l, _)| l == locale)
                    .flat_map(|(_, t)| &t.assessment.statuses)
                    .filter(|u| is_unrecorded(u))
                    .count();
                if unrecorded > 0 {
                    writeln!(
                        out,
                        "\n{locale}: {unrecorded} new translation(s) count as current but are not \
                         recorded yet; `folio accept {locale} --new` records them against today's English."
                    )?;
                }
            }
        }
    }
    Ok(if failures > 0 {
        Outcome::Error
    } else {
        Outcome::Clean
    })
}

fn is_unrecorded(unit: &UnitStatus) -> bool {
    unit.status == Status::Current && !unit.recorded
}

fn report_syntax_errors(reporter: &mut Reporter, workspace: &Workspace, tracked: &Assessed) {
    let problems: Vec<Located<'_>> = tracked
        .syntax_errors
        .iter()
        .map(|e| Located {
            offset: e.offset,
            message: format!("Fluent syntax error: {}", e.message),
            note: None,
        })
        .collect();
    reporter.located_errors(
        workspace.display_path(&tracked.path),
        &tracked.text,
        &problems,
    );
}

fn build_report(
    workspace: &Workspace,
    locales: &[LanguageIdentifier],
    tracked: &[(LanguageIdentifier, Assessed)],
) -> StatusReport {
    let locales = locales
        .iter()
        .map(|locale| {
            let documents: Vec<DocumentReport> = tracked
                .iter()
                .filter(|(l, _)| l == locale)
                .map(|(_, t)| document_report(workspace, t))
                .collect();
            let mut units = StatusCounts::default();
            let mut words = StatusCounts::default();
            let mut publishable = 0.0;
            for document in &documents {
                units.add_all(&document.units);
                words.add_all(&document.words);
                publishable += document.coverage * document.words.english_total() as f64;
            }
            let coverage = match words.english_total() {
                0 => 100.0,
                total => publishable / total as f64,
            };
            LocaleReport {
                locale: locale.to_string(),
                units,
                words,
                coverage: round(coverage),
                documents,
            }
        })
        .collect();
    StatusReport {
        version: STATUS_SCHEMA_VERSION,
        locales,
    }
}

/// A percentage to one decimal, as reports show it.
fn round(percent: f64) -> f64 {
    (percent * 10.0).round() / 10.0
}

fn document_report(workspace: &Workspace, tracked: &Assessed) -> DocumentReport {
    let (units, words) = StatusCounts::tally(&tracked.assessment.statuses);
    let todo = tracked
        .assessment
        .statuses
        .iter()
        .filter(|u| u.status != Status::Current)
        .map(|u| UnitReport {
            diff: match (u.status, &u.confirmed, &u.english) {
                (Status::Stale | Status::Updated, Some(then), Some(now)) => {
                    Some(word_diff(then, now))
                }
                _ => None,
            },
            translation_diff: match (u.status, &u.confirmed_translation, &u.translation) {
                (Status::Updated, Some(then), Some(now)) => Some(word_diff(then, now)),
                _ => None,
            },
            unit: u.clone(),
        })
        .collect();
    let syntax_errors = tracked
        .syntax_errors
        .iter()
        .map(|e| ErrorReport {
            line: e.line,
            column: e.column,
            message: e.message.clone(),
            line_text: e.line_text.clone(),
        })
        .collect();
    DocumentReport {
        document: tracked.document.clone(),
        file: slash_path(workspace, &tracked.path),
        units,
        words,
        coverage: round(tracked.assessment.coverage),
        todo,
        syntax_errors,
    }
}

/// `path` relative to the workspace, with `/` separators on every platform.
pub fn slash_path(workspace: &Workspace, path: &std::path::Path) -> String {
    workspace
        .display_path(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

fn print_table(out: &mut impl WriteColor, report: &StatusReport) -> std::io::Result<()> {
    let width = report
        .locales
        .iter()
        .flat_map(|l| &l.documents)
        .map(|d| d.document.len())
        .max()
        .unwrap_or(8)
        .max(8);
    writeln!(
        out,
        "{:<8} {:<width$} {:>7} {:>7} {:>5} {:>12} {:>7} {:>8} {:>7}  {:>13}",
        "locale",
        "document",
        "current",
        "updated",
        "stale",
        "untranslated",
        "missing",
        "obsolete",
        "invalid",
        "coverage"
    )?;
    for locale in &report.locales {
        for document in &locale.documents {
            let u = &document.units;
            writeln!(
                out,
                "{:<8} {:<width$} {:>7} {:>7} {:>5} {:>12} {:>7} {:>8} {:>7}  {:>13}",
                locale.locale,
                document.document,
                u.current,
                u.updated,
                u.stale,
                u.untranslated,
                u.missing,
                u.obsolete,
                u.invalid,
                format!("{:.1}%", document.coverage),
            )?;
        }
    }
    Ok(())
}

fn print_todo(
    out: &mut impl WriteColor,
    report: &StatusReport,
    everything: bool,
) -> std::io::Result<()> {
    for locale in &report.locales {
        for document in &locale.documents {
            let items: Vec<&UnitReport> = document
                .todo
                .iter()
                .filter(|u| everything || matches!(u.unit.status, Status::Stale | Status::Updated))
                .collect();
            if items.is_empty() {
                continue;
            }
            writeln!(out)?;
            out.set_color(ColorSpec::new().set_bold(true))?;
            write!(out, "{} {}", locale.locale, document.file)?;
            out.reset()?;
            writeln!(out)?;
            for UnitReport {
                unit,
                diff,
                translation_diff,
            } in items
            {
                let place = unit
                    .line
                    .map_or(String::new(), |line| format!(" ({}:{line})", document.file));
                writeln!(out, "  {} {}{place}", unit.status.name(), unit.id)?;
                if let Some(diff) = diff {
                    write!(out, "    English:     ")?;
                    print_diff(out, diff)?;
                    writeln!(out)?;
                } else if let Some(english) = &unit.english {
                    writeln!(out, "    English:     {english}")?;
                }
                if let Some(diff) = translation_diff {
                    write!(out, "    Translation: ")?;
                    print_diff(out, diff)?;
                    writeln!(out)?;
                } else if let Some(translation) = &unit.translation {
                    writeln!(out, "    Translation: {translation}")?;
                }
            }
        }
    }
    Ok(())
}

/// Prints a word diff: red and green on a terminal, `[-old-]{+new+}` otherwise (the
/// markers of `git diff --word-diff=plain`, readable in a CI log).
fn print_diff(out: &mut impl WriteColor, diff: &[DiffPart]) -> std::io::Result<()> {
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
