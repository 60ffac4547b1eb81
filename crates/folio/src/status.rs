//! `folio status`: per locale (and, asked, per document) units and English words by
//! status; the word diff of each stale unit; the translator's to-do list. Documents
//! stream through `folio-pipeline` and out through `report::status`.

use std::io::Write;

use folio_pipeline::{
    Cache, EnglishError, LocaleAssessment, assess_document, document_inputs, for_each_in_order,
};
use folio_policy::article_checks;
use folio_track::{Status, StatusCounts, UnitStatus, word_diff};
use folio_workspace::{Workspace, WorkspaceError};
use serde::{Deserialize, Serialize};

use crate::Outcome;
use crate::cli::{Cli, StatusArgs};
use crate::diagnostics::{Located, Reporter, stdout};
use crate::load::{DocumentError, open_workspace, report, select_locales};
use crate::progress::Progress;
use crate::report::Format;
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
    // `--document` and `--changed-since`: the (document, locale) pairs to read.
    let (selection, chosen) = crate::select::plan(
        &workspace,
        &all,
        &locales,
        (&args.document, args.changed_since.as_deref()),
        reporter,
    )?;
    let names = args.shard.select(chosen);
    // `--status current` lists current units too, which the cache does not keep.
    let with_current = args.status.contains(&Status::Current);
    let options = article_checks(workspace.config().check.proper_names.clone());
    let mut out = stdout(cli.color);
    let human = HumanOptions {
        documents: args.documents,
        diff: args.diff,
        todo: args.todo,
    };
    let mut printer = StatusReporter::new(args.format, &mut out, human)?;
    let mut totals = Totals::default();
    let config = workspace.read_text(&workspace.root().join(folio_workspace::CONFIG_FILE))?;
    let cache =
        (!args.no_cache && !with_current).then(|| Cache::new(&workspace, "status", &[&config]));
    let work = |name: &String| -> Result<Vec<Result<StatusItem, WorkspaceError>>, EnglishError> {
        let chosen = crate::select::Pairs {
            selection: &selection,
            locales: &locales,
        }
        .locales_of(name);
        let locales = &chosen[..];
        let inputs = document_inputs(&workspace, name, locales);
        if let Some(items) = cache
            .as_ref()
            .and_then(|c| c.get::<Vec<StatusItem>>(name, &inputs))
        {
            return Ok(items.into_iter().map(Ok).collect());
        }
        let document = assess_document(&workspace, name, locales, &options)?;
        let items: Vec<Result<StatusItem, WorkspaceError>> = document
            .locales
            .into_iter()
            .map(|one| Ok(status_item(&workspace, &document.name, one?, with_current)))
            .collect();
        // A file with syntax errors is shown with snippets of its text: not kept.
        if let Some(cache) = &cache
            && items
                .iter()
                .all(|item| item.as_ref().is_ok_and(|i| i.syntax.is_none()))
        {
            let kept: Vec<&StatusItem> = items.iter().flatten().collect();
            cache.put(name, document.inputs, &kept);
        }
        Ok(items)
    };
    // Broken translations are findings of the report, shown as snippets; only what kept
    // the report from being made (bad locale names, unreadable files) fails the command.
    let mut failures = reporter.error_count();
    let mut progress = Progress::new(names.len(), cli.quiet);
    let shows_units = args.diff || args.todo;
    for_each_in_order(&names, work, |document| {
        let prints = document.as_ref().map_or(true, |items| {
            items.iter().any(|item| {
                item.as_ref().map_or(true, |i| {
                    i.syntax.is_some() || (shows_units && !i.file.todo.is_empty())
                })
            })
        });
        progress.done_one(prints, || -> anyhow::Result<()> {
            match document {
                Ok(items) => {
                    for item in items {
                        match item {
                            Ok(mut item) => {
                                if let Some(syntax) = &item.syntax {
                                    reporter.located_findings(
                                        workspace.display_path(&syntax.path),
                                        &syntax.text,
                                        &syntax.errors,
                                    );
                                }
                                totals.add(&item.file, item.unrecorded);
                                // `--status`: only those units; a file with none is
                                // left out of the tables (its counts stay in the
                                // totals), but not of JSON, whose totals sum its entries.
                                if !args.status.is_empty() {
                                    item.file.todo.retain(|u| args.status.contains(&u.status));
                                    if item.file.todo.is_empty() && args.format != Format::Json {
                                        continue;
                                    }
                                }
                                printer.file(item.file)?;
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
                    report(reporter, &workspace, &DocumentError::from(error));
                }
            }
            Ok(())
        })
    })?;
    printer.finish(&totals)?;
    out.flush()?;
    Ok(if failures > 0 {
        Outcome::Error
    } else {
        Outcome::Clean
    })
}

fn is_unrecorded(unit: &UnitStatus) -> bool {
    unit.status == Status::Current && !unit.recorded
}

/// One locale's file of a document, as the report shows it and the cache keeps it.
#[derive(Serialize, Deserialize)]
struct StatusItem {
    file: StatusFile,
    /// New translations not recorded yet.
    unrecorded: usize,
    /// The file's syntax errors with what their snippets need; such an item is not
    /// cached.
    #[serde(skip)]
    syntax: Option<Syntax>,
}

/// A translation file's syntax errors, for snippets.
struct Syntax {
    path: std::path::PathBuf,
    text: String,
    errors: Vec<Located<'static>>,
}

fn status_item(
    workspace: &Workspace,
    document: &str,
    one: LocaleAssessment,
    with_current: bool,
) -> StatusItem {
    let unrecorded = one
        .assessment
        .statuses
        .iter()
        .filter(|u| is_unrecorded(u))
        .count();
    let syntax = (!one.syntax_errors.is_empty()).then(|| Syntax {
        path: one.path.clone(),
        text: one.text.clone(),
        errors: one
            .syntax_errors
            .iter()
            .map(|e| Located {
                offset: e.offset,
                message: format!("Fluent syntax error: {}", e.message),
                note: None,
            })
            .collect(),
    });
    StatusItem {
        file: status_file(workspace, document, one, with_current),
        unrecorded,
        syntax,
    }
}

/// One locale's file of a document as the report shows it; its to-do list holds current
/// units too when `with_current`.
pub(crate) fn status_file(
    workspace: &Workspace,
    document: &str,
    one: LocaleAssessment,
    with_current: bool,
) -> StatusFile {
    let (units, words) = StatusCounts::tally(&one.assessment.statuses);
    let todo = one
        .assessment
        .statuses
        .iter()
        .filter(|u| with_current || u.status != Status::Current)
        .map(|u| UnitReport {
            id: u.id.to_string(),
            status: u.status,
            line: u.line,
            english: u.english.as_deref().map(str::to_owned),
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
    folio_workspace::slash(workspace.display_path(path))
}
