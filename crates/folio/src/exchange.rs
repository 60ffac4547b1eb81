//! `folio xliff export|import` and `folio tmx export`: exchange with translation
//! agencies. The work is folio-pipeline's (`exchange.rs`); this module opens the
//! workspace, takes the lock for an import, prints what was done (or why nothing was)
//! and picks the exit code.

use std::io::Write;
use std::path::Path;

use folio_pipeline::{ImportProblem, Imported};

use crate::Outcome;
use crate::cli::{Cli, TmxCommand, TmxExportArgs, XliffCommand, XliffExportArgs, XliffImportArgs};
use crate::diagnostics::Reporter;
use crate::load::{lock_workspace, open_workspace, report, select_locales};

/// Runs `folio xliff …`.
pub fn xliff(
    cli: &Cli,
    command: &XliffCommand,
    reporter: &mut Reporter,
) -> anyhow::Result<Outcome> {
    match command {
        XliffCommand::Export(args) => export(cli, args, reporter),
        XliffCommand::Import(args) => import(cli, args, reporter),
    }
}

/// Runs `folio tmx …`.
pub fn tmx(cli: &Cli, command: &TmxCommand, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    match command {
        TmxCommand::Export(args) => tmx_export(cli, args, reporter),
    }
}

/// `folio xliff export LOCALE --out FILE`.
fn export(cli: &Cli, args: &XliffExportArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let Some(locale) =
        select_locales(&workspace, std::slice::from_ref(&args.locale), reporter)?.pop()
    else {
        // The reference locale: select_locales said why there is nothing to export.
        return Ok(Outcome::Clean);
    };
    let documents =
        folio_pipeline::select_documents(&workspace.extracted_names()?, &args.document)?;
    let exported = match folio_pipeline::xliff_export(
        &workspace,
        &locale,
        &documents,
        &args.status,
        &args.out,
    ) {
        Ok(exported) => exported,
        Err(errors) => {
            for error in &errors {
                report(reporter, &workspace, error);
            }
            return Ok(Outcome::Error);
        }
    };
    for (document, id) in &exported.invalid {
        reporter.warning(&format!(
            "{locale}: `{document}:{id}` is left out: its translation has a syntax error; fix \
             it first (`folio check {locale}` shows where)"
        ));
    }
    let counts = folio_track::Status::ALL
        .into_iter()
        .filter(|s| exported.units.get(*s) > 0)
        .map(|s| format!("{} {}", exported.units.get(s), s.name()))
        .collect::<Vec<_>>()
        .join(", ");
    let total = exported.units.english_total();
    let mut out = crate::diagnostics::stdout(cli.color);
    writeln!(
        out,
        "{locale}: {total} unit(s) of {} document(s){} -> {}",
        exported.documents,
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({counts})")
        },
        args.out.display()
    )?;
    out.flush()?;
    Ok(Outcome::Clean)
}

/// `folio xliff import FILE`.
fn import(cli: &Cli, args: &XliffImportArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let lock = lock_workspace(&workspace, reporter)?;
    let expected = args
        .locale
        .as_deref()
        .map(folio_workspace::parse_locale)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    match folio_pipeline::xliff_import(&workspace, &lock, &args.file, expected.as_ref())? {
        Imported::Refused(problems) => {
            for problem in &problems {
                reporter.error(&describe(&args.file, problem));
            }
            reporter.note(&format!(
                "nothing was imported from {}: fix the file (or export it again) and import it again",
                args.file.display()
            ));
            Ok(Outcome::Error)
        }
        Imported::Unreadable(errors) => {
            for error in &errors {
                report(reporter, &workspace, error);
            }
            Ok(Outcome::Error)
        }
        Imported::Applied { locale, documents } => {
            let mut out = crate::diagnostics::stdout(cli.color);
            if documents
                .iter()
                .all(|d| d.written.is_empty() && d.confirmed.is_empty())
            {
                writeln!(
                    out,
                    "{locale}: nothing to import: every target is what the .ftl files have"
                )?;
            }
            for d in documents
                .iter()
                .filter(|d| !d.written.is_empty() || !d.confirmed.is_empty())
            {
                writeln!(
                    out,
                    "{locale}: {}: {} translation(s) written, {} unchanged translation(s) confirmed -> {}",
                    d.document,
                    d.written.len(),
                    d.confirmed.len(),
                    workspace.display_path(&d.path).display()
                )?;
                for id in &d.stale {
                    reporter.warning(&format!(
                        "{locale}: `{}:{id}` is stale: its English changed while the file was \
                         away (`folio status {locale} --diff` shows how)",
                        d.document
                    ));
                }
            }
            out.flush()?;
            Ok(Outcome::Clean)
        }
    }
}

/// An import problem as one line: `FILE:LINE[:COL]: [document:unit: ]message`.
fn describe(file: &Path, problem: &ImportProblem) -> String {
    let column = problem.column.map_or(String::new(), |c| format!(":{c}"));
    let unit = problem
        .unit
        .as_ref()
        .map_or(String::new(), |(d, u)| format!("unit `{d}:{u}`: "));
    format!(
        "{}:{}{column}: {unit}{}",
        file.display(),
        problem.line,
        problem.message
    )
}

/// `folio tmx export [LOCALE…] --out FILE`.
fn tmx_export(cli: &Cli, args: &TmxExportArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let locales = select_locales(&workspace, &args.locales, reporter)?;
    let exported = match folio_pipeline::tmx_export(&workspace, &locales, &args.out) {
        Ok(exported) => exported,
        Err(errors) => {
            for error in &errors {
                report(reporter, &workspace, error);
            }
            return Ok(Outcome::Error);
        }
    };
    if exported.alternatives > 0 {
        reporter.note(&format!(
            "{} other confirmed translation(s) of English a locale already had one for are \
             left out (the first, in document order, is kept)",
            exported.alternatives
        ));
    }
    if exported.unsafe_pairs > 0 {
        reporter.warning(&format!(
            "{} pair(s) with control characters XML can't carry are left out",
            exported.unsafe_pairs
        ));
    }
    let mut out = crate::diagnostics::stdout(cli.color);
    writeln!(
        out,
        "tmx: {} English text(s), {} confirmed translation(s) in {} locale(s) -> {}",
        exported.entries,
        exported.pairs,
        locales.len(),
        args.out.display()
    )?;
    out.flush()?;
    Ok(Outcome::Clean)
}
