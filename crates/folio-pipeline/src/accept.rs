//! The engine of `folio accept`: the translator's act that clears *stale* and *updated*
//! — classifies one locale's documents in parallel, checks that every unit named can be
//! confirmed, then confirms translations against today's English in the locale's record.
//! Nothing is written unless every document was read and every name holds; nothing here
//! prints.

use std::path::PathBuf;

use folio_ftl::parse_ftl;
use folio_track::{EnglishUnit, Record, Status, UnitStatus, classify, same_english};
use folio_workspace::{Workspace, WorkspaceError, WorkspaceLock};
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::document::read_record;
use crate::load::{DocumentError, last_extracted_units, read_translation, write_record};
use crate::units::{UnitName, resolve};

/// What to confirm: the command line of `folio accept`, validated. New translations
/// (no record entry yet) are always recorded.
#[derive(Debug, Clone, Default)]
pub struct AcceptRequest {
    /// Units named (`ID` or `DOCUMENT:ID`).
    pub units: Vec<UnitName>,
    /// Every updated unit, and every unit named; stale ones too with `unchanged`.
    pub all: bool,
    /// Every updated unit.
    pub updated: bool,
    /// Confirm stale units named (or all, with `all`) whose translation did not change.
    pub unchanged: bool,
}

/// A unit named on the command line that can't be confirmed, and why.
#[derive(Debug)]
pub struct Refusal {
    /// The unit id.
    pub id: String,
    /// The translation file it is in.
    pub path: PathBuf,
    /// Its line there, when it has a translation.
    pub line: Option<usize>,
    /// Why it can't be confirmed, said for the translator.
    pub problem: &'static str,
}

/// What one run confirmed, for the closing lines.
#[derive(Debug, Default)]
pub struct Confirmed {
    /// Updated units confirmed.
    pub updated: usize,
    /// Stale units confirmed as they are (`--unchanged`).
    pub unchanged: usize,
    /// New translations recorded.
    pub new: usize,
    /// Current units named (or all, with `all`) whose translation was edited since it was
    /// confirmed — a reviewer's fix: the record now holds the edited translation, so a
    /// later English change is measured against it.
    pub revised: usize,
    /// Units named that were already current, their translation as confirmed.
    pub already: usize,
    /// Stale units `--all` left alone (no `--unchanged`).
    pub left_stale: usize,
}

/// How `accept` ended. Only [`Accepted::Confirmed`] wrote anything.
#[derive(Debug)]
pub enum Accepted {
    /// Some documents could not be read or classified; nothing was written.
    Unreadable(Vec<DocumentError>),
    /// Names that match no English unit, or several: one message each; nothing written.
    Unresolved(Vec<String>),
    /// Units named that can't be confirmed; nothing was written.
    Refused(Vec<Refusal>),
    /// The records were written.
    Confirmed(Confirmed),
}

/// One locale's translation of one document, classified unit by unit.
struct Tracked {
    /// The document name.
    document: String,
    /// The translation file (which may not exist).
    path: PathBuf,
    /// Every unit's status: English order, then obsolete translations.
    units: Vec<UnitStatus>,
    /// The record the statuses were computed from.
    record: Record,
}

/// Runs `folio accept` for `locale` under the workspace lock: confirms what `request`
/// asks for in the locale's records.
pub fn accept(
    workspace: &Workspace,
    _lock: &WorkspaceLock,
    locale: &LanguageIdentifier,
    request: &AcceptRequest,
) -> Result<Accepted, WorkspaceError> {
    let names = workspace.extracted_names()?;
    let results: Vec<_> = names
        .par_iter()
        .map(|name| {
            let english = last_extracted_units(workspace, name)?;
            Ok::<_, DocumentError>(track(workspace, &english, locale, name)?)
        })
        .collect();
    let mut tracked: Vec<Tracked> = Vec::new();
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(t) => tracked.push(t),
            Err(error) => errors.push(error),
        }
    }
    if !errors.is_empty() {
        return Ok(Accepted::Unreadable(errors));
    }

    // Units named must exist in the English; each must then be one that can be confirmed.
    let english: Vec<(&str, &str)> = tracked
        .iter()
        .flat_map(|t| {
            t.units
                .iter()
                .filter(|u| u.english.is_some())
                .map(|u| (t.document.as_str(), &*u.id))
        })
        .collect();
    let chosen = match resolve(&request.units, &english) {
        Ok(chosen) => chosen,
        Err(errors) => return Ok(Accepted::Unresolved(errors)),
    };
    let is_named = |t: &Tracked, unit: &UnitStatus| {
        chosen
            .iter()
            .any(|(d, i)| *d == t.document && *i == *unit.id)
    };
    let mut refused = Vec::new();
    for t in &tracked {
        for unit in &t.units {
            if let Some(problem) = is_named(t, unit)
                .then(|| why_not(unit, request.unchanged))
                .flatten()
            {
                refused.push(Refusal {
                    id: unit.id.to_string(),
                    path: t.path.clone(),
                    line: unit.line,
                    problem,
                });
            }
        }
    }
    if !refused.is_empty() {
        return Ok(Accepted::Refused(refused));
    }

    let mut confirmed = Confirmed::default();
    for t in &tracked {
        let mut record = t.record.clone();
        for unit in &t.units {
            let (Some(english), Some(translation)) = (&unit.english, &unit.translation) else {
                continue;
            };
            let named = is_named(t, unit);
            let wanted = named || request.all;
            match unit.status {
                Status::Updated if wanted || request.updated => {
                    record.confirm(&unit.id, english, translation);
                    confirmed.updated += 1;
                }
                Status::Stale if wanted && request.unchanged => {
                    record.confirm_unchanged(&unit.id, english, translation);
                    confirmed.unchanged += 1;
                }
                Status::Stale if request.all => confirmed.left_stale += 1,
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
                Status::Current
                    if wanted
                        && unit
                            .confirmed_translation
                            .as_deref()
                            .is_some_and(|c| !same_english(c, translation)) =>
                {
                    record.confirm(&unit.id, english, translation);
                    confirmed.revised += 1;
                }
                Status::Current if named => confirmed.already += 1,
                _ => {}
            }
        }
        if record != t.record {
            write_record(workspace, locale, &t.document, &record)?;
        }
    }
    Ok(Accepted::Confirmed(confirmed))
}

/// Reads and classifies `locale`'s translation of `document` against `english`.
fn track(
    workspace: &Workspace,
    english: &[EnglishUnit],
    locale: &LanguageIdentifier,
    document: &str,
) -> Result<Tracked, WorkspaceError> {
    let text = read_translation(workspace, locale, document)?;
    let record = read_record(workspace, locale, document)?;
    let units = classify(
        english,
        &parse_ftl(&text),
        &record,
        &workspace.config().check.proper_names,
    );
    Ok(Tracked {
        document: document.to_owned(),
        path: workspace.translation_path(locale, document),
        units,
        record,
    })
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
