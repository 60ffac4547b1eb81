//! One document of a workspace: its English read and parsed once, then its translation
//! in every locale read and judged by the publishing policy.

use std::path::PathBuf;

use folio_check::{Check, CheckOptions, Finding, Overlong, Reference, Severity};
use folio_ftl::{SyntaxError, parse_ftl};
use folio_policy::{Assessment, Translation, assess, reference_units};
use folio_track::{EnglishUnit, Record};
use folio_workspace::{Workspace, WorkspaceError};

use crate::cache::Input;
use unic_langid::LanguageIdentifier;

/// Why a document's English could not be read.
#[derive(Debug)]
pub enum EnglishError {
    /// Reading the file failed.
    Workspace(WorkspaceError),
    /// The generated English `.ftl` no longer parses: it was edited by hand.
    Syntax {
        /// The `.ftl` file.
        path: PathBuf,
        /// Its text, for snippets.
        text: String,
        /// Every syntax error.
        errors: Vec<SyntaxError>,
    },
}

impl From<WorkspaceError> for EnglishError {
    fn from(error: WorkspaceError) -> Self {
        EnglishError::Workspace(error)
    }
}

/// One locale's translation of a document, assessed.
#[derive(Debug)]
pub struct LocaleAssessment {
    /// The locale.
    pub locale: LanguageIdentifier,
    /// The translation file (which may not exist).
    pub path: PathBuf,
    /// Its text, for snippets (empty when there is no file).
    pub text: String,
    /// Statuses, findings, publishable units and coverage.
    pub assessment: Assessment,
    /// The file's syntax errors.
    pub syntax_errors: Vec<SyntaxError>,
}

/// A document assessed in every locale asked for.
#[derive(Debug)]
pub struct DocumentAssessment {
    /// The document name.
    pub name: String,
    /// Its English units, in file order.
    pub english: Vec<EnglishUnit>,
    /// Each locale's assessment, in the order the locales were given; a locale whose
    /// files could not be read has the error instead, and the others go on.
    pub locales: Vec<Result<LocaleAssessment, WorkspaceError>>,
    /// Every file read, in [`document_inputs`] order, for the cache.
    pub inputs: Vec<Input>,
    /// The English units over their length limits (with `options.length`).
    pub overlong: Vec<Overlong>,
}

/// The files [`assess_document`] reads for document `name` in `locales`, in order: the
/// English units, then each locale's translation and record.
pub fn document_inputs(
    workspace: &Workspace,
    name: &str,
    locales: &[LanguageIdentifier],
) -> Vec<PathBuf> {
    let mut paths = vec![workspace.reference_units_path(name)];
    for locale in locales {
        paths.push(workspace.translation_path(locale, name));
        paths.push(workspace.record_path(locale, name));
    }
    paths
}

/// Reads document `name`'s English and its translation and record in each of
/// `locales`, and assesses each translation (`folio_policy::assess`). The English is
/// parsed once for all locales; each translation is read, parsed and judged once.
pub fn assess_document(
    workspace: &Workspace,
    name: &str,
    locales: &[LanguageIdentifier],
    options: &CheckOptions,
) -> Result<DocumentAssessment, EnglishError> {
    let mut inputs = Vec::with_capacity(1 + 2 * locales.len());
    let path = workspace.reference_units_path(name);
    let english_text =
        Input::read(workspace, path.clone(), &mut inputs)?.ok_or_else(|| WorkspaceError::Io {
            path: path.clone(),
            error: std::io::ErrorKind::NotFound.into(),
        })?;
    let reference = parse_ftl(&english_text);
    if !reference.errors.is_empty() {
        let errors = reference.errors;
        return Err(EnglishError::Syntax {
            path,
            text: english_text,
            errors,
        });
    }
    let english = reference_units(&reference);
    let prepared = Reference::new(&reference, options);
    let overlong = options.length.as_ref().map_or_else(Vec::new, |limits| {
        prepared.overlong(limits, &workspace.reference().to_string())
    });
    let mut assessed = Vec::with_capacity(locales.len());
    for locale in locales {
        let one = (|| {
            let path = workspace.translation_path(locale, name);
            let text = Input::read(workspace, path.clone(), &mut inputs)?.unwrap_or_default();
            let record_path = workspace.record_path(locale, name);
            let record_text = Input::read(workspace, record_path.clone(), &mut inputs)?;
            let record = parse_record(record_path, record_text)?;
            let file = parse_ftl(&text);
            let assessment = assess(
                &prepared,
                &english,
                Translation {
                    locale,
                    text: &text,
                    file: &file,
                    record: &record,
                },
                options,
            );
            let syntax_errors = file.errors;
            Ok(LocaleAssessment {
                locale: locale.clone(),
                path,
                text,
                assessment,
                syntax_errors,
            })
        })();
        assessed.push(one);
    }
    Ok(DocumentAssessment {
        name: name.to_owned(),
        english,
        locales: assessed,
        inputs,
        overlong,
    })
}

/// The English's own findings about a document: where in its source Markdown.
#[derive(Debug)]
pub struct EnglishFindings {
    /// The source Markdown.
    pub path: PathBuf,
    /// Its text, for snippets.
    pub text: String,
    /// Findings on lines of it, in file order.
    pub findings: Vec<Finding>,
    /// Findings about a unit that can't be placed in it: a body unit's (the units'
    /// own positions are the splitter's, and the check does not split).
    pub elsewhere: Vec<(Severity, Check, String)>,
}

/// Places `overlong` units of document `name` in its source Markdown, read as an input
/// recorded after the others: a front-matter unit (`title`, `description`, `meta-KEY`)
/// at its key's line, any other unit as a finding about the file.
pub fn english_findings(
    workspace: &Workspace,
    name: &str,
    overlong: &[Overlong],
    inputs: &mut Vec<Input>,
) -> Result<EnglishFindings, WorkspaceError> {
    let path = workspace.source_path(name);
    let text = Input::read(workspace, path.clone(), inputs)?.unwrap_or_default();
    // Built at the first finding placed.
    let index = std::cell::OnceCell::new();
    let (mut findings, mut elsewhere) = (Vec::new(), Vec::new());
    for unit in overlong {
        let key = match unit.id.as_str() {
            "title" | "description" => Some(unit.id.as_str()),
            id => id.strip_prefix("meta-"),
        };
        match key.and_then(|key| folio_split::front_matter_key(&text, key)) {
            Some(offset) => {
                let (line, column) = index
                    .get_or_init(|| folio_model::LineIndex::new(&text))
                    .line_col(offset);
                findings.push(Finding {
                    severity: Severity::Error,
                    check: Check::Length,
                    id: Some(unit.id.clone()),
                    offset,
                    line,
                    column,
                    message: unit.message.clone(),
                });
            }
            None => elsewhere.push((Severity::Error, Check::Length, unit.message.clone())),
        }
    }
    Ok(EnglishFindings {
        path,
        text,
        findings,
        elsewhere,
    })
}

/// Document `name`'s English units, in file order.
pub fn english_units(workspace: &Workspace, name: &str) -> Result<Vec<EnglishUnit>, EnglishError> {
    let (path, text) = read_english(workspace, name)?;
    let file = parse_ftl(&text);
    if file.errors.is_empty() {
        Ok(reference_units(&file))
    } else {
        let errors = file.errors;
        Err(EnglishError::Syntax { path, text, errors })
    }
}

/// The generated English units file of document `name`: its path and text.
fn read_english(workspace: &Workspace, name: &str) -> Result<(PathBuf, String), EnglishError> {
    let path = workspace.reference_units_path(name);
    let text = workspace.read_text(&path)?;
    Ok((path, text))
}

/// A locale's record for a document; empty if there is none yet.
pub fn read_record(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    document: &str,
) -> Result<Record, WorkspaceError> {
    let path = workspace.record_path(locale, document);
    let text = workspace.read_text_if_exists(&path)?;
    parse_record(path, text)
}

/// The record read from `path` (`None`: there is none yet, so it is empty).
fn parse_record(path: PathBuf, text: Option<String>) -> Result<Record, WorkspaceError> {
    match text {
        None => Ok(Record::default()),
        Some(text) => {
            Record::parse(&text).map_err(|message| WorkspaceError::Record { path, message })
        }
    }
}
