//! Reading a locale's translations and assessing them with the publishing policy
//! (`folio-policy`): the one path by which `check`, `status` and `render` learn what a
//! translation is worth, so they can't disagree.

use std::path::PathBuf;

use folio_check::CheckOptions;
use folio_ftl::{FtlFile, SyntaxError, parse_ftl};
use folio_policy::{
    Assessment, EnglishDisclaimerProblem, Translation, assess, defined_ids,
    english_disclaimer_in_layout, reference_units,
};
use folio_track::EnglishUnit;
use folio_workspace::{Workspace, WorkspaceError};
use unic_langid::LanguageIdentifier;

use crate::diagnostics::Reporter;
use crate::load::{DocumentError, read_record, read_translation, report};

/// The generated English `.ftl` texts of some documents, by name, as read.
pub struct EnglishTexts(Vec<(String, String)>);

/// One English document, parsed once and shared by every locale.
pub struct Reference<'s> {
    /// The document name.
    pub name: &'s str,
    /// Its English units file, parsed.
    pub file: FtlFile<'s>,
    /// Its units.
    pub units: Vec<EnglishUnit>,
}

impl EnglishTexts {
    /// Reads the English units of `names`. A file that no longer parses (edited by hand)
    /// is reported with its snippets and left out; the others are read.
    pub fn read(
        workspace: &Workspace,
        names: &[String],
        reporter: &mut Reporter,
    ) -> Result<Self, WorkspaceError> {
        let mut texts = Vec::new();
        for name in names {
            let path = workspace.reference_units_path(name);
            let text = workspace.read_text(&path)?;
            let errors = parse_ftl(&text).errors;
            if errors.is_empty() {
                texts.push((name.clone(), text));
            } else {
                report(
                    reporter,
                    workspace,
                    &DocumentError::EnglishUnits { path, text, errors },
                );
            }
        }
        Ok(EnglishTexts(texts))
    }

    /// Each document parsed, with its units.
    pub fn parse(&self) -> Vec<Reference<'_>> {
        self.0
            .iter()
            .map(|(name, text)| {
                let file = parse_ftl(text);
                let units = reference_units(&file);
                Reference { name, file, units }
            })
            .collect()
    }
}

/// One locale's translation of one document, assessed.
pub struct Assessed {
    /// The document name.
    pub document: String,
    /// The translation file (which may not exist).
    pub path: PathBuf,
    /// Its text, for snippets (empty when there is no file).
    pub text: String,
    /// Statuses, findings, publishable units and coverage.
    pub assessment: Assessment,
    /// The file's syntax errors.
    pub syntax_errors: Vec<SyntaxError>,
}

/// Reads and assesses every document of `references` in one locale. References to
/// messages resolve across all of the locale's files read here.
pub fn assess_locale(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    references: &[Reference<'_>],
    options: &CheckOptions,
) -> Result<Vec<Assessed>, WorkspaceError> {
    let texts: Vec<String> = references
        .iter()
        .map(|reference| read_translation(workspace, locale, reference.name))
        .collect::<Result<_, _>>()?;
    let files: Vec<FtlFile<'_>> = texts.iter().map(|text| parse_ftl(text)).collect();
    let defined = defined_ids(files.iter());
    let mut assessed = Vec::with_capacity(references.len());
    for ((reference, text), file) in references.iter().zip(&texts).zip(&files) {
        let record = read_record(workspace, locale, reference.name)?;
        let assessment = assess(
            &reference.file,
            &reference.units,
            Translation {
                locale,
                text,
                file,
                record: &record,
            },
            &defined,
            options,
        );
        assessed.push(Assessed {
            document: reference.name.to_owned(),
            path: workspace.translation_path(locale, reference.name),
            text: text.clone(),
            assessment,
            syntax_errors: file.errors.clone(),
        });
    }
    Ok(assessed)
}

/// Why the English disclaimer (`reference`, with its layout) can't go on a page, said for
/// the author: every page carries it, so with no text in it no page may be published.
pub fn english_disclaimer_problem(
    workspace: &Workspace,
    reference: &Reference<'_>,
) -> Result<Option<String>, WorkspaceError> {
    let problem = match workspace.read_layout(reference.name)? {
        Some(layout) => english_disclaimer_in_layout(&layout, &reference.units).err(),
        None => Some(EnglishDisclaimerProblem::NoUnits),
    };
    let show = |path: PathBuf| workspace.display_path(&path).display().to_string();
    Ok(problem.map(|problem| {
        format!(
            "{problem} ({}, {}): every page carries it, so no page can be published; write it \
             in {} and run `folio extract`",
            show(workspace.reference_units_path(reference.name)),
            show(workspace.layout_path(reference.name)),
            show(workspace.disclaimer_source_path()),
        )
    }))
}
