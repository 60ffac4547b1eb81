//! The engine of `folio sync` and `folio new-locale`: msgmerge for Fluent. Every missing
//! unit goes into the translator's file — filled from the locale's own confirmed
//! translations where the English is the same, commented out with suggestions otherwise —
//! and nothing already there changes. Locales are synced in parallel; nothing here prints.

use std::collections::HashMap;

use folio_ftl::{FtlFile, parse_ftl};
use folio_render::interface::{
    INTERFACE_DOCUMENT, builtin_translation, english_interface, interface_strings,
};
use folio_track::{Memory, Status, SyncUnit, classify, sync_file};
use folio_workspace::{Workspace, WorkspaceError, WorkspaceLock};
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::document::read_record;
use crate::load::{DocumentError, RunError, read_translation, write_record};

/// One English document as sync needs it: its generated `.ftl` text.
struct English {
    name: String,
    text: String,
}

/// What syncing one document of one locale did, for the report.
#[derive(Debug)]
pub struct DocumentSync {
    /// The document name.
    pub document: String,
    /// Units filled from translations the locale has confirmed for the same English.
    pub filled: usize,
    /// Units added, commented out, to translate.
    pub to_translate: usize,
    /// Of those, how many carry suggestions from the locale's memory.
    pub suggested: usize,
}

/// One locale's sync: every document's, or the error that stopped the locale (the
/// other locales go on).
#[derive(Debug)]
pub struct LocaleSync {
    /// The locale.
    pub locale: LanguageIdentifier,
    /// What each document's sync did, in document order.
    pub documents: Result<Vec<DocumentSync>, WorkspaceError>,
}

/// What `sync` did, in the order it did it.
#[derive(Debug, Default)]
pub struct SyncOutcome {
    /// Generated English files that no longer parse; their documents were skipped.
    pub errors: Vec<DocumentError>,
    /// Each locale's sync, in the order the locales were given.
    pub locales: Vec<LocaleSync>,
    /// The error that ended the run before any locale was synced, after `errors`.
    pub stopped: Option<RunError>,
}

/// Runs `folio sync` (and `new-locale`, for a locale with no folder yet) under the
/// workspace lock: inserts into each of `locales`' translation files the units they
/// lack, and records the ones filled from the locale's confirmed translations.
pub fn sync(
    workspace: &Workspace,
    _lock: &WorkspaceLock,
    locales: &[LanguageIdentifier],
) -> SyncOutcome {
    let mut outcome = SyncOutcome::default();
    let english = match read_english(workspace, &mut outcome.errors) {
        Ok(english) => english,
        Err(error) => {
            outcome.stopped = Some(error);
            return outcome;
        }
    };
    let parsed: Vec<FtlFile<'_>> = english.iter().map(|e| parse_ftl(&e.text)).collect();
    outcome.locales = locales
        .par_iter()
        .map(|locale| LocaleSync {
            locale: locale.clone(),
            documents: sync_locale(workspace, locale, &english, &parsed),
        })
        .collect();
    outcome
}

/// Every extracted document's English `.ftl`; the ones that don't parse go to `errors`.
fn read_english(
    workspace: &Workspace,
    errors: &mut Vec<DocumentError>,
) -> Result<Vec<English>, RunError> {
    let mut english = Vec::new();
    for name in workspace.extracted_names()? {
        let path = workspace.reference_units_path(&name);
        let text = workspace.read_text(&path)?;
        let syntax = parse_ftl(&text).errors;
        if syntax.is_empty() {
            english.push(English { name, text });
        } else {
            errors.push(DocumentError::EnglishUnits {
                path,
                text,
                errors: syntax,
            });
        }
    }
    if english.is_empty() {
        return Err(RunError::NoEnglish);
    }
    Ok(english)
}

/// Syncs every document of one locale: builds the locale's translation memory from its
/// current translations, then inserts and fills.
fn sync_locale(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    english: &[English],
    parsed: &[FtlFile<'_>],
) -> Result<Vec<DocumentSync>, WorkspaceError> {
    let proper_names = &workspace.config().check.proper_names;
    let texts: Vec<String> = english
        .iter()
        .map(|e| read_translation(workspace, locale, &e.name))
        .collect::<Result<_, _>>()?;
    let files: Vec<FtlFile<'_>> = texts.iter().map(|t| parse_ftl(t)).collect();
    let mut memory = Memory::default();
    let mut classified = Vec::new();
    for ((document, reference), (file, _)) in
        english.iter().zip(parsed).zip(files.iter().zip(&texts))
    {
        let record = read_record(workspace, locale, &document.name)?;
        let units = folio_policy::reference_units(reference);
        let statuses = classify(&units, file, &record, proper_names);
        for unit in statuses.iter().filter(|u| u.status == Status::Current) {
            if let (Some(english), Some(translation)) = (&unit.english, &unit.translation) {
                memory.add(
                    english,
                    translation,
                    format!("{}:{}", document.name, unit.id),
                );
            }
        }
        classified.push((record, units, statuses));
    }
    // The interface strings start from Folio's own translation for the locale, where
    // the locale has none of its own for the same English.
    let mut interface_memory = memory.clone();
    if let Some(builtin) = builtin_translation(&locale.to_string()) {
        let builtin_english = english_interface();
        for (id, translation) in interface_strings(builtin) {
            if let Some(english) = builtin_english.get(&id) {
                interface_memory.add(
                    english,
                    &translation,
                    format!("Folio's built-in {INTERFACE_DOCUMENT}:{id}"),
                );
            }
        }
    }
    let mut report = Vec::new();
    for (((document, reference), (file, text)), (record, units, statuses)) in english
        .iter()
        .zip(parsed)
        .zip(files.iter().zip(&texts))
        .zip(classified)
    {
        let contexts: HashMap<&str, String> = reference
            .messages
            .iter()
            .filter_map(|m| Some((m.id, m.ast.comment.as_ref()?.content.join("\n"))))
            .collect();
        let units: Vec<SyncUnit<'_>> = units
            .iter()
            .map(|u| SyncUnit {
                id: &u.id,
                english: &u.text,
                context: contexts.get(&*u.id).map(String::as_str),
            })
            .collect();
        let header = header(locale, &document.name);
        let memory = if document.name == INTERFACE_DOCUMENT {
            &interface_memory
        } else {
            &memory
        };
        let synced = sync_file(&units, text, file, &statuses, memory, &header);
        if synced.text != *text {
            workspace.write_atomic(
                &workspace.translation_path(locale, &document.name),
                synced.text.as_bytes(),
            )?;
        }
        if !synced.filled.is_empty() {
            let mut record = record;
            for (id, english, translation) in &synced.filled {
                record.confirm(id, english, translation);
            }
            write_record(workspace, locale, &document.name, &record)?;
        }
        report.push(DocumentSync {
            document: document.name.clone(),
            filled: synced.filled.len(),
            to_translate: synced.to_translate,
            suggested: synced.suggested,
        });
    }
    Ok(report)
}

/// The resource comment that starts a translation file sync creates.
pub(crate) fn header(locale: &LanguageIdentifier, document: &str) -> String {
    format!(
        "### {} ({locale}): translation of {document}, from the English units in locales/en/{document}.ftl.\n\
         ### Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))\n\
         ### and the author's HTML tags as they are; translate their alt, title and aria-label.\n\
         ### A unit still to translate is commented out: remove the \"# \" before its message and replace the English.\n",
        folio_render::language_name(&locale.to_string())
    )
}
