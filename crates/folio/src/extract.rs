//! `folio extract [--check] [--minor UNIT…]`: source/ → English units and layouts in
//! locales/en/. The work is folio-pipeline's (`extract`, `check_extraction`); this module
//! takes the lock, prints what was done and picks the exit code.

use std::io::Write;

use folio_pipeline::{ExtractCheck, ExtractOutcome, OutOfDate};
use folio_workspace::Workspace;

use crate::Outcome;
use crate::cli::{Cli, ExtractArgs};
use crate::diagnostics::Reporter;
use crate::load::{lock_workspace, open_workspace, report};

/// Runs `folio extract`.
pub fn run(cli: &Cli, args: &ExtractArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    if args.check {
        // `--check` writes nothing, and every write is atomic, so it needs no lock.
        let checked = folio_pipeline::check_extraction(&workspace);
        return print_check(cli, &workspace, checked, reporter);
    }
    let lock = lock_workspace(&workspace, reporter)?;
    let outcome = folio_pipeline::extract(&workspace, &lock, &args.minor);
    print_extraction(cli, &workspace, outcome, reporter)
}

/// Prints what `extract --check` found: 0 up to date, 1 out of date, 2 errors.
fn print_check(
    cli: &Cli,
    workspace: &Workspace,
    checked: ExtractCheck,
    reporter: &mut Reporter,
) -> anyhow::Result<Outcome> {
    for error in &checked.errors {
        report(reporter, workspace, error);
    }
    if let Some(error) = checked.stopped {
        return Err(error.into());
    }
    for error in &checked.read_errors {
        reporter.error(error);
    }
    if reporter.error_count() > 0 {
        return Ok(Outcome::Error);
    }
    let mut out = crate::diagnostics::stdout(cli.color);
    if checked.out_of_date.is_empty() {
        writeln!(
            out,
            "locales/{} is up to date with source/",
            workspace.reference()
        )?;
        out.flush()?;
        return Ok(Outcome::Clean);
    }
    for finding in &checked.out_of_date {
        let (path, what) = match finding {
            OutOfDate::Changed(path) => (path, "is out of date"),
            OutOfDate::Missing(path) => (path, "is missing"),
            OutOfDate::Orphaned(path) => (path, "belongs to no document in source/"),
        };
        writeln!(out, "{} {what}", workspace.display_path(path).display())?;
    }
    writeln!(out, "run `folio extract` and commit the result")?;
    out.flush()?;
    Ok(Outcome::Findings)
}

/// Prints what `extract` wrote and removed, in the order it did.
fn print_extraction(
    cli: &Cli,
    workspace: &Workspace,
    outcome: ExtractOutcome,
    reporter: &mut Reporter,
) -> anyhow::Result<Outcome> {
    for error in &outcome.errors {
        report(reporter, workspace, error);
    }
    for error in &outcome.locale_errors {
        reporter.error(error);
    }
    for error in &outcome.unresolved {
        reporter.error(&format!(
            "--minor names units whose English changed, now or since a locale confirmed them; \
             {error}"
        ));
    }
    if !outcome.unresolved.is_empty() {
        return Ok(Outcome::Error);
    }
    let mut out = crate::diagnostics::stdout(cli.color);
    for doc in &outcome.written {
        writeln!(
            out,
            "{}: {} units ({} new, {} changed, {} retired) -> {}",
            doc.name,
            doc.units,
            doc.new_ids,
            doc.changed.len(),
            doc.retired,
            workspace.display_path(&doc.units_path).display()
        )?;
        if !doc.changed.is_empty() {
            writeln!(
                out,
                "  changed: {} (a typo fix needing no retranslation: `folio extract --minor ID…`)",
                doc.changed.join(", ")
            )?;
        }
    }
    if !outcome.minor.is_empty() {
        writeln!(
            out,
            "declared minor in every locale's record: {}",
            outcome
                .minor
                .iter()
                .map(|(d, i)| format!("{d}:{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    for path in &outcome.removed {
        writeln!(
            out,
            "removed {}: its source is gone",
            workspace.display_path(path).display()
        )?;
    }
    out.flush()?;
    if let Some(error) = outcome.stopped {
        return Err(error.into());
    }
    Ok(if reporter.error_count() > 0 {
        Outcome::Error
    } else {
        Outcome::Clean
    })
}
