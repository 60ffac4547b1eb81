//! Tracking one locale's translation of one document for `folio accept`: read it and its
//! record, classify.

use std::path::PathBuf;

use folio_ftl::parse_ftl;
use folio_track::{EnglishUnit, Record, UnitStatus, classify};
use folio_workspace::{Workspace, WorkspaceError};
use unic_langid::LanguageIdentifier;

use crate::load::{read_record, read_translation};

/// One locale's translation of one document, classified unit by unit.
pub struct Tracked {
    /// The document name.
    pub document: String,
    /// The translation file (which may not exist).
    pub path: PathBuf,
    /// Every unit's status: English order, then obsolete translations.
    pub units: Vec<UnitStatus>,
    /// The record the statuses were computed from.
    pub record: Record,
}

/// Reads and classifies `locale`'s translation of `document` against `english`.
pub fn track(
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
