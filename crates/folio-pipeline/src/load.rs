//! What the commands share: the per-document error that stops one document but not the
//! others, the error that stops a writing run, reading and writing a locale's
//! translation and record, and judging the English disclaimer (`check`, `render`).

use std::path::PathBuf;

use folio_ftl::SyntaxError;
use folio_policy::EnglishDisclaimerProblem;
use folio_split::SplitError;
use folio_track::{EnglishUnit, Record};
use folio_workspace::{Workspace, WorkspaceError};
use unic_langid::LanguageIdentifier;

use crate::document::EnglishError;

/// Why one document (or one locale's file of it) could not be processed. Kept per
/// document so the others still are; it carries the text snippets are drawn from.
#[derive(Debug)]
pub enum DocumentError {
    /// Reading a file failed, or it is not valid.
    Workspace(WorkspaceError),
    /// The Markdown has constructs that can't be units.
    Split {
        /// The Markdown file.
        path: PathBuf,
        /// Its text, for snippets.
        text: String,
        /// Every problem found.
        errors: Vec<SplitError>,
    },
    /// The English disclaimer shows no text, so no page could carry it.
    EmptyDisclaimer {
        /// The disclaimer's Markdown.
        path: PathBuf,
        /// The line of the empty block, or 1.
        line: usize,
        /// What is wrong.
        problem: EnglishDisclaimerProblem,
    },
    /// A source article takes the name reserved for the interface strings
    /// (`folio_render::interface::INTERFACE_DOCUMENT`).
    ReservedName {
        /// The Markdown file.
        path: PathBuf,
    },
    /// A source article's name holds a control character (a tab, a line break): it
    /// becomes the page's address, which no link can carry such a character in.
    ControlInName {
        /// The Markdown file.
        path: PathBuf,
    },
    /// A generated English `.ftl` no longer parses (it was edited by hand).
    EnglishUnits {
        /// The `.ftl` file.
        path: PathBuf,
        /// Its text, for snippets.
        text: String,
        /// Every syntax error.
        errors: Vec<SyntaxError>,
    },
}

impl From<EnglishError> for DocumentError {
    fn from(error: EnglishError) -> Self {
        match error {
            EnglishError::Workspace(error) => DocumentError::Workspace(error),
            EnglishError::Syntax { path, text, errors } => {
                DocumentError::EnglishUnits { path, text, errors }
            }
        }
    }
}

impl From<WorkspaceError> for DocumentError {
    fn from(error: WorkspaceError) -> Self {
        DocumentError::Workspace(error)
    }
}

/// What stops a writing command as a whole (as opposed to one document of it). Its text
/// is the message the user reads; a workspace error keeps its chain of causes.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    /// Reading or writing the workspace failed.
    #[error(transparent)]
    Workspace(#[from] WorkspaceError),
    /// A document's generated English units do not parse, so its earlier English edits
    /// can't be told (`extract --minor`).
    #[error("{0}: the English units do not parse")]
    EnglishUnparsable(String),
    /// The files around a site's pages could not be made.
    #[error(transparent)]
    Site(#[from] folio_render::RenderError),
    /// The disclaimer has no layout.
    #[error("{0} has no layout: run `folio extract`")]
    NoLayout(String),
    /// The publisher's page template is not valid.
    #[error("{}", file.display())]
    Template {
        /// The template, as the user names it.
        file: PathBuf,
        /// What is wrong with it.
        #[source]
        error: folio_render::RenderError,
    },
    /// `sync` found no English units to bring into the locales.
    #[error("no English units: run `folio extract` first")]
    NoEnglish,
}

/// The English units of a document as last extracted, in file order; empty if it has
/// never been extracted.
pub fn last_extracted_units(
    workspace: &Workspace,
    document: &str,
) -> Result<Vec<EnglishUnit>, DocumentError> {
    let path = workspace.reference_units_path(document);
    if workspace.read_text_if_exists(&path)?.is_none() {
        return Ok(Vec::new());
    }
    crate::document::english_units(workspace, document).map_err(DocumentError::from)
}

/// A locale's translation of a document as text; empty if the file does not exist.
pub fn read_translation(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    document: &str,
) -> Result<String, WorkspaceError> {
    let path = workspace.translation_path(locale, document);
    Ok(workspace.read_text_if_exists(&path)?.unwrap_or_default())
}

/// Writes a record (atomically), or removes its file when it is empty.
pub fn write_record(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    document: &str,
    record: &Record,
) -> Result<(), WorkspaceError> {
    let path = workspace.record_path(locale, document);
    if record.is_empty() {
        workspace.remove_file(&path)
    } else {
        workspace.write_atomic(
            &path,
            record.to_text(&locale.to_string(), document).as_bytes(),
        )
    }
}

/// Whether the English disclaimer can go on a page, as [`english_disclaimer_check`] finds.
#[derive(Debug)]
pub enum DisclaimerCheck {
    /// Its units show text where its layout places them.
    Ready,
    /// It shows no text, so no page can be published.
    NoText(EnglishDisclaimerProblem),
    /// Its generated English can't be read; that error is all there is to say.
    Unreadable(DocumentError),
}

/// Reads the English disclaimer's units and layout and judges them
/// (`folio_policy::english_disclaimer_in_layout`): every page carries the disclaimer, so
/// `check` and `render` stop on one without text. A layout that can't be read is an error.
pub fn english_disclaimer_check(workspace: &Workspace) -> Result<DisclaimerCheck, WorkspaceError> {
    let name = workspace.disclaimer_name();
    let units = match crate::document::english_units(workspace, &name) {
        Ok(units) => units,
        Err(error) => return Ok(DisclaimerCheck::Unreadable(error.into())),
    };
    let problem = match workspace.read_layout(&name)? {
        Some(layout) => folio_policy::english_disclaimer_in_layout(&layout, &units).err(),
        None => Some(EnglishDisclaimerProblem::NoUnits),
    };
    Ok(problem.map_or(DisclaimerCheck::Ready, DisclaimerCheck::NoText))
}
