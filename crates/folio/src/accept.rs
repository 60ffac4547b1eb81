//! `folio accept`: the translator's act that clears *stale* — confirms translations
//! against today's English in the locale's record.

use std::io::Write;

use folio_track::Status;
use rayon::prelude::*;

use crate::Outcome;
use crate::cli::{AcceptArgs, Cli};
use crate::diagnostics::Reporter;
use crate::load::{
    english_units, lock_workspace, open_workspace, report, select_locales, write_record,
};
use crate::track::{Tracked, track};
use crate::units::resolve;

/// Runs `folio accept`.
pub fn run(cli: &Cli, args: &AcceptArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let _lock = lock_workspace(&workspace, reporter)?;
    let locale =
        select_locales(&workspace, std::slice::from_ref(&args.locale), reporter)?.remove(0);
    if args.units.is_empty() && !args.all && !args.new {
        anyhow::bail!("name the units to accept (ID or DOCUMENT:ID), or pass --all or --new");
    }
    let mut tracked: Vec<Tracked> = Vec::new();
    let names = workspace.extracted_names()?;
    let results: Vec<_> = names
        .par_iter()
        .map(|name| {
            english_units(&workspace, name)
                .map(|english| track(&workspace, &english, &locale, name))
        })
        .collect();
    for result in results {
        match result {
            Ok(Ok(t)) => tracked.push(t),
            Ok(Err(error)) => reporter.error(&error),
            Err(error) => report(reporter, &workspace, &error),
        }
    }
    if reporter.error_count() > 0 {
        return Ok(Outcome::Error);
    }

    // Only a stale unit can be accepted by name; anything else is a mistake to point out.
    let stale: Vec<(&str, &str)> = tracked
        .iter()
        .flat_map(|t| {
            t.units
                .iter()
                .filter(|u| u.status == Status::Stale)
                .map(|u| (t.document.as_str(), u.id.as_str()))
        })
        .collect();
    let chosen: Vec<(String, String)> = match resolve(&args.units, &stale) {
        Ok(chosen) => chosen.into_iter().collect(),
        Err(errors) => {
            for error in errors {
                reporter.error(&format!(
                    "only stale units of {locale} can be accepted; {error}"
                ));
            }
            return Ok(Outcome::Error);
        }
    };

    let (mut accepted, mut recorded) = (0, 0);
    for t in &tracked {
        let mut record = t.record.clone();
        for unit in &t.units {
            let Some(english) = &unit.english else {
                continue;
            };
            let named = chosen
                .iter()
                .any(|(d, i)| *d == t.document && *i == unit.id);
            match unit.status {
                Status::Stale if named || args.all => {
                    record.confirm(&unit.id, english);
                    accepted += 1;
                }
                Status::Current if !unit.recorded => {
                    record.confirm(&unit.id, english);
                    recorded += 1;
                }
                _ => {}
            }
        }
        if record != t.record {
            write_record(&workspace, &locale, &t.document, &record)?;
        }
    }
    writeln!(
        crate::diagnostics::stdout(cli.color),
        "{locale}: accepted {accepted} stale unit(s), recorded {recorded} new translation(s)"
    )?;
    Ok(Outcome::Clean)
}
