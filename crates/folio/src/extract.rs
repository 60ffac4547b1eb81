//! `folio extract [--check] [--minor UNIT…]`: source/ → English units and layouts in
//! locales/en/, keeping every locale's record true across English edits.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;

use folio_ftl::{UnitFile, parse_ftl, write_units};
use folio_policy::{EnglishDisclaimerProblem, english_disclaimer};
use folio_split::{Previous, SplitOptions, assign_ids, split_article_with};
use folio_track::{Status, classify, same_english};
use folio_workspace::{Document, Workspace, layout_text};
use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::Outcome;
use crate::cli::{Cli, ExtractArgs};
use crate::diagnostics::Reporter;
use crate::load::{
    DocumentError, english_units, lock_workspace, open_workspace, read_record, read_translation,
    report, write_record,
};
use crate::units::resolve;

/// What extracting one document produces.
struct Extraction {
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

/// Runs `folio extract`.
pub fn run(cli: &Cli, args: &ExtractArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    // `--check` writes nothing, and every write is atomic, so it needs no lock.
    let _lock = if args.check {
        None
    } else {
        Some(lock_workspace(&workspace, reporter)?)
    };
    let documents = workspace.documents()?;
    let results: Vec<(&Document, Result<Extraction, DocumentError>)> = documents
        .par_iter()
        .map(|doc| (doc, extract_document(&workspace, doc)))
        .collect();

    let mut extracted = Vec::new();
    for (doc, result) in results {
        match result {
            Ok(extraction) => extracted.push((doc, extraction)),
            Err(error) => report(reporter, &workspace, &error),
        }
    }
    let orphans = orphaned_files(&workspace, &documents)?;
    let mut out = crate::diagnostics::stdout(cli.color);

    if args.check {
        let mut out_of_date = Vec::new();
        for (path, contents) in extracted.iter().flat_map(|(_, e)| &e.files) {
            let shown = workspace.display_path(path).display();
            match workspace.read_text_if_exists(path) {
                Ok(Some(old)) if old == *contents => {}
                Ok(Some(_)) => out_of_date.push(format!("{shown} is out of date")),
                Ok(None) => out_of_date.push(format!("{shown} is missing")),
                Err(error) => reporter.error(&error),
            }
        }
        for path in &orphans {
            out_of_date.push(format!(
                "{} belongs to no document in source/",
                workspace.display_path(path).display()
            ));
        }
        if reporter.error_count() > 0 {
            return Ok(Outcome::Error);
        }
        if out_of_date.is_empty() {
            writeln!(
                out,
                "locales/{} is up to date with source/",
                workspace.reference()
            )?;
            return Ok(Outcome::Clean);
        }
        for finding in &out_of_date {
            writeln!(out, "{finding}")?;
        }
        writeln!(out, "run `folio extract` and commit the result")?;
        return Ok(Outcome::Findings);
    }

    let (locales, locale_errors) = workspace.locales()?;
    for error in &locale_errors {
        reporter.error(error);
    }
    // Minor edits must name units whose English changed now, or changed at an earlier
    // extraction and is still stale in some locale; check before writing anything.
    let earlier = if args.minor.is_empty() {
        Vec::new()
    } else {
        earlier_changes(&workspace, &locales, &extracted)?
    };
    let changed: Vec<(&str, &str)> = extracted
        .iter()
        .flat_map(|(doc, e)| {
            e.changed
                .iter()
                .map(|(id, _, _)| (doc.name.as_str(), id.as_str()))
        })
        .chain(earlier.iter().map(|(d, i, _)| (d.as_str(), i.as_str())))
        .collect();
    let minor: BTreeSet<(String, String)> = match resolve(&args.minor, &changed) {
        Ok(minor) => minor.into_iter().collect(),
        Err(errors) => {
            for error in errors {
                reporter.error(&format!(
                    "--minor names units whose English changed, now or since a locale confirmed \
                     them; {error}"
                ));
            }
            return Ok(Outcome::Error);
        }
    };
    for (document, id, english) in &earlier {
        if !minor.contains(&(document.clone(), id.clone())) {
            continue;
        }
        for locale in &locales {
            declare_earlier_minor(&workspace, locale, document, id, english)?;
        }
    }
    for (doc, extraction) in &extracted {
        // Records first: if writing the English then fails, the records still hold.
        if !extraction.changed.is_empty() {
            let minor_ids: BTreeSet<&str> = minor
                .iter()
                .filter(|(d, _)| *d == doc.name)
                .map(|(_, i)| i.as_str())
                .collect();
            for locale in &locales {
                update_record(
                    &workspace,
                    locale,
                    &doc.name,
                    &extraction.changed,
                    &minor_ids,
                )?;
            }
        }
        for (path, contents) in &extraction.files {
            workspace.write_atomic(path, contents.as_bytes())?;
        }
        writeln!(
            out,
            "{}: {} units ({} new, {} changed, {} retired) -> {}",
            doc.name,
            extraction.units,
            extraction.new_ids,
            extraction.changed.len(),
            extraction.retired,
            workspace
                .display_path(&workspace.reference_units_path(&doc.name))
                .display()
        )?;
        if !extraction.changed.is_empty() {
            let ids: Vec<&str> = extraction
                .changed
                .iter()
                .map(|(id, _, _)| id.as_str())
                .collect();
            writeln!(
                out,
                "  changed: {} (a typo fix needing no retranslation: `folio extract --minor ID…`)",
                ids.join(", ")
            )?;
        }
    }
    if !minor.is_empty() {
        writeln!(
            out,
            "declared minor in every locale's record: {}",
            minor
                .iter()
                .map(|(d, i)| format!("{d}:{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        )?;
    }
    for path in &orphans {
        workspace.remove_file(path)?;
        writeln!(
            out,
            "removed {}: its source is gone",
            workspace.display_path(path).display()
        )?;
    }
    Ok(if reporter.error_count() > 0 {
        Outcome::Error
    } else {
        Outcome::Clean
    })
}

/// Units whose English did not change in this extraction but changed earlier: stale in
/// some locale (its record holds other English than today's). `--minor` may still
/// declare such an edit minor. (document, id, today's English).
fn earlier_changes(
    workspace: &Workspace,
    locales: &[LanguageIdentifier],
    extracted: &[(&Document, Extraction)],
) -> anyhow::Result<Vec<(String, String, String)>> {
    let mut earlier = BTreeSet::new();
    for (doc, extraction) in extracted {
        let changed_now: BTreeSet<&str> = extraction
            .changed
            .iter()
            .map(|(id, _, _)| id.as_str())
            .collect();
        let english = english_units(workspace, &doc.name)
            .map_err(|_| anyhow::anyhow!("{}: the English units do not parse", doc.name))?;
        for locale in locales {
            let record = read_record(workspace, locale, &doc.name)?;
            for unit in &english {
                let stale = record
                    .get(&unit.id)
                    .is_some_and(|entry| !same_english(&entry.english, &unit.text));
                if stale && !changed_now.contains(unit.id.as_str()) {
                    earlier.insert((doc.name.clone(), unit.id.clone(), unit.text.clone()));
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
) -> anyhow::Result<()> {
    let text = read_translation(workspace, locale, document)?;
    let original = read_record(workspace, locale, document)?;
    let unit = folio_track::EnglishUnit {
        id: id.to_owned(),
        text: english.to_owned(),
    };
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
fn orphaned_files(workspace: &Workspace, documents: &[Document]) -> anyhow::Result<Vec<PathBuf>> {
    let current: BTreeSet<&str> = documents.iter().map(|d| d.name.as_str()).collect();
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
) -> anyhow::Result<()> {
    let text = read_translation(workspace, locale, document)?;
    let original = read_record(workspace, locale, document)?;
    let file = parse_ftl(&text);
    let old_english: Vec<_> = changed
        .iter()
        .map(|(id, old, _)| folio_track::EnglishUnit {
            id: id.clone(),
            text: old.clone(),
        })
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
    let new_ids = extracted
        .units
        .iter()
        .filter(|(_, u)| !before.contains_key(u.id.as_str()))
        .count();
    let changed = extracted
        .units
        .iter()
        .filter_map(|(_, unit)| {
            let old = before.get(unit.id.as_str())?;
            (!same_english(old, &unit.text))
                .then(|| (unit.id.to_string(), old.to_string(), unit.text.clone()))
        })
        .collect();
    let retired = extracted
        .layout
        .retired
        .len()
        .saturating_sub(previous.retired.len());
    Ok(Extraction {
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

/// The English units of the last extraction, which new ids are matched against.
fn previous_units(workspace: &Workspace, name: &str) -> Result<Previous, DocumentError> {
    let Some(layout) = workspace.read_layout(name)? else {
        return Ok(Previous::default());
    };
    let texts: BTreeMap<String, String> = english_units(workspace, name)?
        .into_iter()
        .map(|unit| (unit.id, unit.text))
        .collect();
    Ok(Previous::new(&layout, &texts))
}
