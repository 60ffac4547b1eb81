//! The engine of `folio extract`: source/ → English units and layouts in locales/en/,
//! keeping every locale's record true across English edits. [`check_extraction`] compares
//! what extracting would write with what is there (`--check`); [`extract`] writes it.
//!
//! Documents are split in parallel and independently: one that fails is returned as a
//! [`DocumentError`] and the others go on. Nothing here prints; the outcomes say what
//! happened, in the order it happened.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use folio_ftl::{UnitFile, formatted_text, parse_ftl, write_units};
use folio_model::{Layout, Unit, UnitId, UnitKind};
use folio_policy::{EnglishDisclaimerProblem, english_disclaimer};
use folio_render::interface::{BUILTIN_ENGLISH, INTERFACE_DOCUMENT};
use folio_split::{Previous, SplitOptions, assign_ids, split_article_with};
use folio_track::{Status, classify, same_english};
use folio_workspace::{Document, Workspace, WorkspaceError, WorkspaceLock, layout_text};
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::document::read_record;
use crate::load::{DocumentError, RunError, last_extracted_units, read_translation, write_record};
use crate::units::{UnitName, resolve};

/// What extracting one document produces.
struct Extraction {
    /// The document name.
    name: String,
    /// Files to write, with their full contents.
    files: Vec<(PathBuf, String)>,
    units: usize,
    /// Ids that did not exist before this extraction.
    new_ids: usize,
    /// Ids retired by this extraction.
    retired: usize,
    /// Units whose English text changed: (id, old text, new text).
    changed: Vec<(String, String, String)>,
}

/// Every document extracted in memory, and the generated files no document owns.
struct Extracted {
    extractions: Vec<Extraction>,
    orphans: Vec<PathBuf>,
}

/// One generated file `extract --check` finds not as extracting would write it.
#[derive(Debug)]
pub enum OutOfDate {
    /// The file differs from what extracting writes.
    Changed(PathBuf),
    /// The file does not exist.
    Missing(PathBuf),
    /// The file belongs to no document in source/.
    Orphaned(PathBuf),
}

/// What `extract --check` found, in the order it found it. It writes nothing, and every
/// write is atomic, so it needs no lock.
#[derive(Debug, Default)]
pub struct ExtractCheck {
    /// Documents that could not be extracted, in document order.
    pub errors: Vec<DocumentError>,
    /// Generated files that could not be read to compare.
    pub read_errors: Vec<WorkspaceError>,
    /// Generated files not as extracting would write them: documents' files, then orphans.
    pub out_of_date: Vec<OutOfDate>,
    /// The error that ended the run early, after everything above.
    pub stopped: Option<RunError>,
}

/// One document `extract` wrote, for the line that says so.
#[derive(Debug)]
pub struct ExtractedDocument {
    /// The document name.
    pub name: String,
    /// Its English units file.
    pub units_path: PathBuf,
    /// How many units it has.
    pub units: usize,
    /// Ids that did not exist before.
    pub new_ids: usize,
    /// Ids whose English changed, in document order.
    pub changed: Vec<String>,
    /// Ids this extraction retired.
    pub retired: usize,
}

/// What `extract` did, in the order it did it. When `stopped` is set, everything listed
/// happened and nothing after it did.
#[derive(Debug, Default)]
pub struct ExtractOutcome {
    /// Documents that could not be extracted, in document order; nothing of theirs was
    /// written.
    pub errors: Vec<DocumentError>,
    /// Locale folders whose names are not locales (skipped).
    pub locale_errors: Vec<WorkspaceError>,
    /// `--minor` names that match no changed unit, or several: one message each. When
    /// there are any, nothing was written.
    pub unresolved: Vec<String>,
    /// The documents written (records first, then English units and layout).
    pub written: Vec<ExtractedDocument>,
    /// The units declared minor in every locale's record, as (document, id); set once
    /// every document was written.
    pub minor: Vec<(String, String)>,
    /// Generated files removed because their source is gone.
    pub removed: Vec<PathBuf>,
    /// The error that ended the run early, after everything above.
    pub stopped: Option<RunError>,
}

/// Extracts every document in memory and compares the generated files with what is
/// there (`folio extract --check`). Writes nothing.
pub fn check_extraction(workspace: &Workspace) -> ExtractCheck {
    let mut outcome = ExtractCheck::default();
    let extracted = match extract_all(workspace, &mut outcome.errors) {
        Ok(extracted) => extracted,
        Err(error) => {
            outcome.stopped = Some(error);
            return outcome;
        }
    };
    for (path, contents) in extracted.extractions.iter().flat_map(|e| &e.files) {
        match workspace.read_text_if_exists(path) {
            Ok(Some(old)) if old == *contents => {}
            Ok(Some(_)) => outcome.out_of_date.push(OutOfDate::Changed(path.clone())),
            Ok(None) => outcome.out_of_date.push(OutOfDate::Missing(path.clone())),
            Err(error) => outcome.read_errors.push(error),
        }
    }
    outcome
        .out_of_date
        .extend(extracted.orphans.into_iter().map(OutOfDate::Orphaned));
    outcome
}

/// Runs `folio extract` under the workspace lock: extracts every document, updates
/// every locale's record for the English that changed (declaring the `minor` units'
/// edits minor), writes the English units and layouts, and removes generated files whose
/// source is gone.
pub fn extract(workspace: &Workspace, _lock: &WorkspaceLock, minor: &[UnitName]) -> ExtractOutcome {
    let mut outcome = ExtractOutcome::default();
    if let Err(error) = extract_and_write(workspace, minor, &mut outcome) {
        outcome.stopped = Some(error);
    }
    outcome
}

fn extract_and_write(
    workspace: &Workspace,
    minor: &[UnitName],
    outcome: &mut ExtractOutcome,
) -> Result<(), RunError> {
    let extracted = extract_all(workspace, &mut outcome.errors)?;
    let (locales, locale_errors) = workspace.locales()?;
    outcome.locale_errors = locale_errors;
    // Minor edits must name units whose English changed now, or changed at an earlier
    // extraction and is still stale in some locale; check before writing anything.
    let earlier = if minor.is_empty() {
        Vec::new()
    } else {
        earlier_changes(workspace, &locales, &extracted.extractions)?
    };
    let changed: Vec<(&str, &str)> = extracted
        .extractions
        .iter()
        .flat_map(|e| {
            e.changed
                .iter()
                .map(|(id, _, _)| (e.name.as_str(), id.as_str()))
        })
        .chain(earlier.iter().map(|(d, i, _)| (d.as_str(), i.as_str())))
        .collect();
    let minor: BTreeSet<(String, String)> = match resolve(minor, &changed) {
        Ok(minor) => minor.into_iter().collect(),
        Err(errors) => {
            outcome.unresolved = errors;
            return Ok(());
        }
    };
    for (document, id, english) in &earlier {
        if !minor.contains(&(document.clone(), id.clone())) {
            continue;
        }
        for locale in &locales {
            declare_earlier_minor(workspace, locale, document, id, english)?;
        }
    }
    for extraction in &extracted.extractions {
        // Records first: if writing the English then fails, the records still hold.
        if !extraction.changed.is_empty() {
            let minor_ids: BTreeSet<&str> = minor
                .iter()
                .filter(|(d, _)| *d == extraction.name)
                .map(|(_, i)| i.as_str())
                .collect();
            for locale in &locales {
                update_record(
                    workspace,
                    locale,
                    &extraction.name,
                    &extraction.changed,
                    &minor_ids,
                )?;
            }
        }
        for (path, contents) in &extraction.files {
            workspace.write_atomic(path, contents.as_bytes())?;
        }
        outcome.written.push(ExtractedDocument {
            name: extraction.name.clone(),
            units_path: workspace.reference_units_path(&extraction.name),
            units: extraction.units,
            new_ids: extraction.new_ids,
            changed: extraction
                .changed
                .iter()
                .map(|(id, _, _)| id.clone())
                .collect(),
            retired: extraction.retired,
        });
    }
    outcome.minor = minor.into_iter().collect();
    for path in extracted.orphans {
        workspace.remove_file(&path)?;
        outcome.removed.push(path);
    }
    Ok(())
}

/// Extracts every document in parallel; the ones that fail go to `errors`, in document
/// order.
fn extract_all(
    workspace: &Workspace,
    errors: &mut Vec<DocumentError>,
) -> Result<Extracted, RunError> {
    let documents = workspace.documents()?;
    let mut results: Vec<Result<Extraction, DocumentError>> = documents
        .par_iter()
        .map(|doc| extract_document(workspace, doc))
        .collect();
    if workspace.config().extract.interface {
        results.push(extract_interface(workspace));
    }
    let mut extractions = Vec::new();
    for result in results {
        match result {
            Ok(extraction) => extractions.push(extraction),
            Err(error) => errors.push(error),
        }
    }
    let orphans = orphaned_files(workspace, &documents)?;
    Ok(Extracted {
        extractions,
        orphans,
    })
}

/// Units whose English did not change in this extraction but changed earlier: stale in
/// some locale (its record holds other English than today's). `--minor` may still
/// declare such an edit minor. (document, id, today's English).
fn earlier_changes(
    workspace: &Workspace,
    locales: &[LanguageIdentifier],
    extracted: &[Extraction],
) -> Result<Vec<(String, String, String)>, RunError> {
    let mut earlier = BTreeSet::new();
    for extraction in extracted {
        let changed_now: BTreeSet<&str> = extraction
            .changed
            .iter()
            .map(|(id, _, _)| id.as_str())
            .collect();
        let english = last_extracted_units(workspace, &extraction.name)
            .map_err(|_| RunError::EnglishUnparsable(extraction.name.clone()))?;
        for locale in locales {
            let record = read_record(workspace, locale, &extraction.name)?;
            for unit in &english {
                let stale = record
                    .get(&unit.id)
                    .is_some_and(|entry| !same_english(&entry.english, &unit.text));
                if stale && !changed_now.contains(&*unit.id) {
                    earlier.insert((
                        extraction.name.clone(),
                        unit.id.to_string(),
                        unit.text.to_string(),
                    ));
                }
            }
        }
    }
    Ok(earlier.into_iter().collect())
}

/// Declares an earlier English edit of `id` minor in one locale: a translation still
/// stale from it (unchanged since it was confirmed) moves on to today's English, and the
/// record keeps the English it was confirmed against. An updated translation is left
/// for the translator to confirm.
fn declare_earlier_minor(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    document: &str,
    id: &str,
    english: &str,
) -> Result<(), WorkspaceError> {
    let text = read_translation(workspace, locale, document)?;
    let original = read_record(workspace, locale, document)?;
    let unit = folio_track::EnglishUnit::new(id.to_owned(), english.to_owned());
    let file = parse_ftl(&text);
    let proper_names = &workspace.config().check.proper_names;
    let status = classify(std::slice::from_ref(&unit), &file, &original, proper_names).remove(0);
    if let (Status::Stale, Some(entry), Some(translation)) =
        (status.status, original.get(id), &status.translation)
    {
        let mut record = original.clone();
        record.confirm_minor(id, &entry.english, english, translation);
        write_record(workspace, locale, document, &record)?;
    }
    Ok(())
}

/// Generated English files whose source document is gone.
fn orphaned_files(
    workspace: &Workspace,
    documents: &[Document],
) -> Result<Vec<PathBuf>, WorkspaceError> {
    let interface = workspace
        .config()
        .extract
        .interface
        .then_some(INTERFACE_DOCUMENT);
    let current: BTreeSet<&str> = documents
        .iter()
        .map(|d| d.name.as_str())
        .chain(interface)
        .collect();
    Ok(workspace
        .extracted_names()?
        .into_iter()
        .filter(|name| !current.contains(name.as_str()))
        .flat_map(|name| workspace.generated_files(&name))
        .collect())
}

/// Keeps one locale's record true as the English of `changed` units moves on.
///
/// A translation with no record entry was made against the English that stood until
/// now, so it is recorded against the old text (and so turns stale, as it should). For a
/// unit declared minor, a translation confirmed against the old text moves on to the new
/// one, and the record keeps that the edit was declared minor.
fn update_record(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    document: &str,
    changed: &[(String, String, String)],
    minor: &BTreeSet<&str>,
) -> Result<(), WorkspaceError> {
    let text = read_translation(workspace, locale, document)?;
    let original = read_record(workspace, locale, document)?;
    let file = parse_ftl(&text);
    let old_english: Vec<_> = changed
        .iter()
        .map(|(id, old, _)| folio_track::EnglishUnit::new(id.clone(), old.clone()))
        .collect();
    let mut record = original.clone();
    let proper_names = &workspace.config().check.proper_names;
    let statuses = classify(&old_english, &file, &original, proper_names);
    for (status, (id, old, new)) in statuses.iter().zip(changed) {
        // Against the old English, current means: translated and confirmed (or new) then.
        let (Status::Current, Some(translation)) = (status.status, &status.translation) else {
            continue;
        };
        if minor.contains(id.as_str()) {
            record.confirm_minor(id, old, new, translation);
        } else if !status.recorded {
            record.confirm(id, old, translation);
        }
    }
    if record != original {
        write_record(workspace, locale, document, &record)?;
    }
    Ok(())
}

fn extract_document(workspace: &Workspace, doc: &Document) -> Result<Extraction, DocumentError> {
    if doc.name == INTERFACE_DOCUMENT {
        return Err(DocumentError::ReservedName {
            path: doc.source.clone(),
        });
    }
    if doc.name.contains(char::is_control) {
        return Err(DocumentError::ControlInName {
            path: doc.source.clone(),
        });
    }
    let text = workspace.read_text(&doc.source)?;
    let settings = &workspace.config().extract;
    let options = SplitOptions {
        translatable_keys: settings.translatable_keys.clone(),
        allow_scripts: settings.allow_scripts,
    };
    let article = match split_article_with(&text, &options) {
        Ok(article) => article,
        Err(errors) => {
            return Err(DocumentError::Split {
                path: doc.source.clone(),
                text,
                errors,
            });
        }
    };
    let previous = previous_units(workspace, &doc.name)?;
    let extracted = assign_ids(&article, &previous);
    if doc.is_disclaimer {
        // Every page carries the disclaimer: one with no text would remove it everywhere.
        let units = extracted
            .units
            .iter()
            .map(|(_, u)| (u.id.as_str(), u.text.as_str()));
        if let Err(problem) = english_disclaimer(units) {
            // Units come in the article's reading order, so the position finds the block.
            let line = extracted
                .units
                .iter()
                .position(|(_, u)| matches!(&problem, EnglishDisclaimerProblem::EmptyUnit(id) if u.id.as_str() == id))
                .map_or(1, |i| article.units[i].line);
            return Err(DocumentError::EmptyDisclaimer {
                path: doc.source.clone(),
                line,
                problem,
            });
        }
    }

    let config = workspace.config();
    let source_name = format!(
        "{}/{}",
        config.source.display(),
        doc.source
            .file_name()
            .map(|n| n.to_string_lossy())
            .unwrap_or_default()
    );
    let header = vec![
        format!("{}: English units of {source_name}", doc.name),
        "Generated by `folio extract`: edit the Markdown source, not this file.".to_owned(),
        "Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))"
            .to_owned(),
        "and the author's HTML tags as they are; translate their alt, title and aria-label."
            .to_owned(),
    ];
    let ftl = write_units(UnitFile {
        header: &header,
        units: &extracted.units,
    });

    let before: BTreeMap<&str, &str> = previous
        .units
        .iter()
        .map(|(_, id, text)| (id.as_str(), text.as_str()))
        .collect();
    let (new_ids, changed) = changes(&before, &extracted.units);
    let retired = extracted
        .layout
        .retired
        .len()
        .saturating_sub(previous.retired.len());
    Ok(Extraction {
        name: doc.name.clone(),
        files: vec![
            (workspace.reference_units_path(&doc.name), ftl),
            (
                workspace.layout_path(&doc.name),
                layout_text(&extracted.layout),
            ),
        ],
        units: extracted.units.len(),
        new_ids,
        retired,
        changed,
    })
}

/// How many of `units` are new against the `before` English, and which changed: (id,
/// old text, new text).
fn changes(
    before: &BTreeMap<&str, &str>,
    units: &[(Option<String>, Unit)],
) -> (usize, Vec<(String, String, String)>) {
    let new_ids = units
        .iter()
        .filter(|(_, u)| !before.contains_key(u.id.as_str()))
        .count();
    let changed = units
        .iter()
        .filter_map(|(_, unit)| {
            let old = before.get(unit.id.as_str())?;
            (!same_english(old, &unit.text))
                .then(|| (unit.id.to_string(), old.to_string(), unit.text.clone()))
        })
        .collect();
    (new_ids, changed)
}

/// The interface strings' English (`folio_render::interface`): Folio's built-in
/// messages, written to `locales/en/interface.ftl` in serializer normal form with their
/// translator comments, and an empty layout beside it, which makes the strings a
/// document every command tracks, checks and syncs like an article. When a new Folio
/// changes a message, extracting records it as changed, so its translations turn stale.
fn extract_interface(workspace: &Workspace) -> Result<Extraction, DocumentError> {
    let file = parse_ftl(BUILTIN_ENGLISH);
    let units: Vec<(Option<String>, Unit)> = file
        .messages
        .iter()
        .filter_map(|message| {
            let text = formatted_text(message.ast.value.as_ref()?)?;
            let context = message
                .ast
                .comment
                .as_ref()
                .map(|c| c.content.join(" "))
                .unwrap_or_default();
            Some((
                None,
                Unit {
                    id: UnitId::new(message.id).ok()?,
                    kind: UnitKind::Meta,
                    text,
                    context,
                },
            ))
        })
        .collect();
    let previous: BTreeMap<String, String> = if workspace.read_layout(INTERFACE_DOCUMENT)?.is_some()
    {
        last_extracted_units(workspace, INTERFACE_DOCUMENT)?
            .into_iter()
            .map(|unit| (unit.id.to_string(), unit.text.to_string()))
            .collect()
    } else {
        BTreeMap::new()
    };
    let before: BTreeMap<&str, &str> = previous
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    let (new_ids, changed) = changes(&before, &units);
    let header = vec![
        format!(
            "{INTERFACE_DOCUMENT}: the words around every article (navigation, dates, the 404 page)"
        ),
        "Generated by `folio extract` from Folio's built-in English: do not edit this file."
            .to_owned(),
        "Translators: translate locales/<locale>/interface.ftl; plain text, no Markdown."
            .to_owned(),
    ];
    let ftl = write_units(UnitFile {
        header: &header,
        units: &units,
    });
    Ok(Extraction {
        name: INTERFACE_DOCUMENT.to_owned(),
        files: vec![
            (workspace.reference_units_path(INTERFACE_DOCUMENT), ftl),
            (
                workspace.layout_path(INTERFACE_DOCUMENT),
                layout_text(&Layout::default()),
            ),
        ],
        units: units.len(),
        new_ids,
        retired: 0,
        changed,
    })
}

/// The English units of the last extraction, which new ids are matched against.
fn previous_units(workspace: &Workspace, name: &str) -> Result<Previous, DocumentError> {
    let Some(layout) = workspace.read_layout(name)? else {
        return Ok(Previous::default());
    };
    let texts: BTreeMap<String, String> = last_extracted_units(workspace, name)?
        .into_iter()
        .map(|unit| (unit.id.to_string(), unit.text.to_string()))
        .collect();
    Ok(Previous::new(&layout, &texts))
}
