//! `folio status`: per locale (and, asked, per document) units and English words by
//! status; the word diff of each stale unit; the translator's to-do list. Documents
//! stream through `folio-pipeline` and out through `report::status`.

use folio_pipeline::{EnglishError, LocaleAssessment, assess_document, for_each_in_order};
use folio_policy::article_checks;
use folio_track::{Status, StatusCounts, UnitStatus, word_diff};
use folio_workspace::Workspace;

use crate::Outcome;
use crate::cli::{Cli, StatusArgs};
use crate::diagnostics::{Located, Reporter, stdout};
use crate::load::{DocumentError, open_workspace, report, select_locales};
use crate::report::status::{HumanOptions, StatusReporter, Totals};
use crate::report::wire::{ErrorReport, StatusFile, UnitReport, round};

/// Runs `folio status`.
pub fn run(cli: &Cli, args: &StatusArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let locales = select_locales(&workspace, &args.locales, reporter)?;
    let all = workspace.extracted_names()?;
    if all.is_empty() {
        anyhow::bail!(
            "no English units in {}: run `folio extract` first",
            workspace.locale_dir(workspace.reference()).display()
        );
    }
    let names = args.shard.select(all);
    let options = article_checks(workspace.config().check.proper_names.clone());
    let mut out = stdout(cli.color);
    let human = HumanOptions {
        documents: args.documents,
        diff: args.diff,
        todo: args.todo,
    };
    let mut printer = StatusReporter::new(args.format, &mut out, human)?;
    let mut totals = Totals::default();
    // Broken translations are findings of the report, shown as snippets; only what kept
    // the report from being made (bad locale names, unreadable files) fails the command.
    let mut failures = reporter.error_count();
    for_each_in_order(
        &names,
        |name| assess_document(&workspace, name, &locales, &options),
        |document| -> anyhow::Result<()> {
            match document {
                Ok(document) => {
                    for one in document.locales {
                        match one {
                            Ok(one) => {
                                report_syntax_errors(reporter, &workspace, &one);
                                let unrecorded = one
                                    .assessment
                                    .statuses
                                    .iter()
                                    .filter(|u| is_unrecorded(u))
                                    .count();
                                let file = status_file(&workspace, &document.name, one);
                                totals.add(&file, unrecorded);
                                printer.file(file)?;
                            }
                            Err(error) => {
                                failures += 1;
                                reporter.error(&error);
                            }
                        }
                    }
                }
                Err(error) => {
                    failures += 1;
                    let error = match error {
                        EnglishError::Workspace(error) => DocumentError::Workspace(error),
                        EnglishError::Syntax { path, text, errors } => {
                            DocumentError::EnglishUnits { path, text, errors }
                        }
                    };
                    report(reporter, &workspace, &error);
                }
            }
            Ok(())
        },
    )?;
    printer.finish(&totals)?;
    Ok(if failures > 0 {
        Outcome::Error
    } else {
        Outcome::Clean
    })
}

fn is_unrecorded(unit: &UnitStatus) -> bool {
    unit.status == Status::Current && !unit.recorded
}

fn report_syntax_errors(reporter: &mut Reporter, workspace: &Workspace, one: &LocaleAssessment) {
    let problems: Vec<Located<'_>> = one
        .syntax_errors
        .iter()
        .map(|e| Located {
            offset: e.offset,
            message: format!("Fluent syntax error: {}", e.message),
            note: None,
        })
        .collect();
    reporter.located_findings(workspace.display_path(&one.path), &one.text, &problems);
}

/// One locale's file of a document as the report shows it.
fn status_file(workspace: &Workspace, document: &str, one: LocaleAssessment) -> StatusFile {
    let (units, words) = StatusCounts::tally(&one.assessment.statuses);
    let todo = one
        .assessment
        .statuses
        .iter()
        .filter(|u| u.status != Status::Current)
        .map(|u| UnitReport {
            id: u.id.clone(),
            status: u.status,
            line: u.line,
            english: u.english.clone(),
            confirmed: u.confirmed.clone(),
            confirmed_translation: u.confirmed_translation.clone(),
            translation: u.translation.clone(),
            words: u.words,
            recorded: u.recorded,
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
        })
        .collect();
    let syntax_errors = one
        .syntax_errors
        .iter()
        .map(|e| ErrorReport {
            line: e.line,
            column: e.column,
            message: e.message.clone(),
            line_text: e.line_text.clone(),
        })
        .collect();
    StatusFile {
        document: document.to_owned(),
        locale: one.locale.to_string(),
        file: slash_path(workspace, &one.path),
        units,
        words,
        publishable_words: one.assessment.publishable_words,
        coverage: round(one.assessment.coverage()),
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
