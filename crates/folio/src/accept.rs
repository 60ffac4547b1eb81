//! `folio accept`: the translator's act that clears *stale* and *updated* — confirms
//! translations against today's English in the locale's record.

use std::io::Write;

use folio_track::{Status, UnitStatus};
use rayon::prelude::*;

use crate::Outcome;
use crate::cli::{AcceptArgs, Cli};
use crate::diagnostics::Reporter;
use crate::load::{
    english_units, lock_workspace, open_workspace, report, select_locales, write_record,
};
use crate::track::{Tracked, track};
use crate::units::resolve;

/// What one run confirmed, for the closing line.
#[derive(Default)]
struct Confirmed {
    updated: usize,
    unchanged: usize,
    new: usize,
    already: usize,
}

/// Runs `folio accept`.
pub fn run(cli: &Cli, args: &AcceptArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let _lock = lock_workspace(&workspace, reporter)?;
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

    // Units named must exist in the English; each must then be one that can be confirmed.
    let english: Vec<(&str, &str)> = tracked
        .iter()
        .flat_map(|t| {
            t.units
                .iter()
                .filter(|u| u.english.is_some())
                .map(|u| (t.document.as_str(), u.id.as_str()))
        })
        .collect();
    let chosen = match resolve(&args.units, &english) {
        Ok(chosen) => chosen,
        Err(errors) => {
            for error in errors {
                reporter.error(&format!("{error} (the English units of {locale})"));
            }
            return Ok(Outcome::Error);
        }
    };
    for t in &tracked {
        for unit in &t.units {
            let named = chosen
                .iter()
                .any(|(d, i)| *d == t.document && *i == unit.id);
            if let Some(problem) = named.then(|| why_not(unit, args.unchanged)).flatten() {
                let place = unit.line.map_or(String::new(), |line| {
                    format!(" ({}:{line})", workspace.display_path(&t.path).display())
                });
                reporter.error(&format!("{locale}: `{}`{place} {problem}", unit.id));
            }
        }
    }
    if reporter.error_count() > 0 {
        return Ok(Outcome::Error);
    }

    let mut confirmed = Confirmed::default();
    let mut left_stale = 0;
    for t in &tracked {
        let mut record = t.record.clone();
        for unit in &t.units {
            let (Some(english), Some(translation)) = (&unit.english, &unit.translation) else {
                continue;
            };
            let named = chosen
                .iter()
                .any(|(d, i)| *d == t.document && *i == unit.id);
            let wanted = named || args.all;
            match unit.status {
                Status::Updated if wanted || args.updated => {
                    record.confirm(&unit.id, english, translation);
                    confirmed.updated += 1;
                }
                Status::Stale if wanted && args.unchanged => {
                    record.confirm_unchanged(&unit.id, english, translation);
                    confirmed.unchanged += 1;
                }
                Status::Stale if args.all => left_stale += 1,
                Status::Current if !unit.recorded => {
                    record.confirm(&unit.id, english, translation);
                    confirmed.new += 1;
                }
                Status::Current if unit.confirmed_translation.is_none() => {
                    // A record written before Folio kept translations: the unit is current,
                    // so the translation it stands confirmed with is today's.
                    record.complete(&unit.id, translation);
                    confirmed.already += usize::from(named);
                }
                Status::Current if named => confirmed.already += 1,
                _ => {}
            }
        }
        if record != t.record {
            write_record(&workspace, &locale, &t.document, &record)?;
        }
    }
    let mut out = crate::diagnostics::stdout(cli.color);
    writeln!(
        out,
        "{locale}: confirmed {} updated unit(s) and {} unchanged stale unit(s), recorded {} new translation(s)",
        confirmed.updated, confirmed.unchanged, confirmed.new
    )?;
    if confirmed.already > 0 {
        writeln!(
            out,
            "{locale}: {} named unit(s) were already current; nothing to do for them",
            confirmed.already
        )?;
    }
    if left_stale > 0 {
        writeln!(
            out,
            "{locale}: {left_stale} stale unit(s) left as they are: their translation has not \
             changed since the English did; update them, or confirm them as they are with \
             `folio accept {locale} --all --unchanged`"
        )?;
    }
    Ok(Outcome::Clean)
}

/// Why a unit named on the command line can't be confirmed, if it can't.
fn why_not(unit: &UnitStatus, unchanged: bool) -> Option<&'static str> {
    match unit.status {
        Status::Current | Status::Updated => None,
        Status::Stale if unchanged => None,
        Status::Stale => Some(
            "is stale and its translation has not changed since it was confirmed: update \
             the translation, or confirm it as it is with --unchanged",
        ),
        Status::Untranslated => {
            Some("is untranslated (its translation is the English): translate it first")
        }
        Status::Missing => Some("has no translation yet: translate it first"),
        Status::Invalid => Some("is invalid: fix its syntax first (`folio check` shows where)"),
        Status::Obsolete => Some("is obsolete: its English unit no longer exists"),
    }
}
