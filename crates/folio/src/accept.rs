//! `folio accept`: the translator's act that clears *stale* and *updated* — confirms
//! translations against today's English in the locale's record. The work is
//! folio-pipeline's `accept`; this module checks the arguments, takes the lock, prints
//! what was confirmed (or why nothing was) and picks the exit code.

use std::io::Write;

use folio_pipeline::{AcceptRequest, Accepted};

use crate::Outcome;
use crate::cli::{AcceptArgs, Cli};
use crate::diagnostics::Reporter;
use crate::load::{lock_workspace, open_workspace, report, select_locales};

/// Runs `folio accept`.
pub fn run(cli: &Cli, args: &AcceptArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let lock = lock_workspace(&workspace, reporter)?;
    let Some(locale) =
        select_locales(&workspace, std::slice::from_ref(&args.locale), reporter)?.pop()
    else {
        // The reference locale: select_locales said why there is nothing to confirm.
        return Ok(Outcome::Clean);
    };
    if args.units.is_empty() && !args.all && !args.new && !args.updated {
        anyhow::bail!(
            "name the units to confirm (ID or DOCUMENT:ID), or pass --all, --updated or --new"
        );
    }
    let request = AcceptRequest {
        units: args.units.clone(),
        all: args.all,
        updated: args.updated,
        unchanged: args.unchanged,
    };
    let confirmed = match folio_pipeline::accept(&workspace, &lock, &locale, &request)? {
        Accepted::Confirmed(confirmed) => confirmed,
        Accepted::Unreadable(errors) => {
            for error in &errors {
                report(reporter, &workspace, error);
            }
            return Ok(Outcome::Error);
        }
        Accepted::Unresolved(errors) => {
            for error in errors {
                reporter.error(&format!("{error} (the English units of {locale})"));
            }
            return Ok(Outcome::Error);
        }
        Accepted::Refused(refused) => {
            for r in refused {
                let place = r.line.map_or(String::new(), |line| {
                    format!(" ({}:{line})", workspace.display_path(&r.path).display())
                });
                reporter.error(&format!("{locale}: `{}`{place} {}", r.id, r.problem));
            }
            return Ok(Outcome::Error);
        }
    };
    let mut out = crate::diagnostics::stdout(cli.color);
    writeln!(
        out,
        "{locale}: confirmed {} updated unit(s) and {} unchanged stale unit(s), recorded {} new translation(s)",
        confirmed.updated, confirmed.unchanged, confirmed.new
    )?;
    if confirmed.revised > 0 {
        writeln!(
            out,
            "{locale}: re-confirmed {} current unit(s) whose translation was revised",
            confirmed.revised
        )?;
    }
    if confirmed.already > 0 {
        writeln!(
            out,
            "{locale}: {} named unit(s) were already current; nothing to do for them",
            confirmed.already
        )?;
    }
    if confirmed.left_stale > 0 {
        writeln!(
            out,
            "{locale}: {} stale unit(s) left as they are: their translation has not \
             changed since the English did; update them, or confirm them as they are with \
             `folio accept {locale} --all --unchanged`",
            confirmed.left_stale
        )?;
    }
    out.flush()?;
    Ok(Outcome::Clean)
}
