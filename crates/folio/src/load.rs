//! Loading what commands share: the workspace, English units, translations and records,
//! with per-document errors that are reported without stopping the other documents.

use std::path::PathBuf;

use anyhow::Context;
use folio_ftl::{SyntaxError, parse_ftl, plain_text};
use folio_policy::EnglishDisclaimerProblem;
use folio_split::SplitError;
use folio_track::{EnglishUnit, Record};
use folio_workspace::{Workspace, WorkspaceError, WorkspaceLock};
use unic_langid::LanguageIdentifier;

use crate::cli::Cli;
use crate::diagnostics::{Located, Reporter};

/// Why one document (or one locale's file of it) could not be processed. Kept per
/// document so the others still are.
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

impl From<WorkspaceError> for DocumentError {
    fn from(error: WorkspaceError) -> Self {
        DocumentError::Workspace(error)
    }
}

/// Opens the workspace named by `--root`, or the one around the current folder.
pub fn open_workspace(cli: &Cli) -> anyhow::Result<Workspace> {
    let workspace = match &cli.root {
        Some(root) => Workspace::open(root)?,
        None => {
            Workspace::discover(&std::env::current_dir().context("reading the current folder")?)?
        }
    };
    Ok(workspace)
}

/// Takes the workspace lock for a command that writes. When another Folio command holds
/// it, says so, naming the lock file, and waits: commands are short, and waiting makes
/// two translators' `accept`s both count instead of failing one of them.
pub fn lock_workspace(
    workspace: &Workspace,
    reporter: &mut Reporter,
) -> anyhow::Result<WorkspaceLock> {
    if let Some(lock) = workspace.try_lock()? {
        return Ok(lock);
    }
    reporter.warning(&format!(
        "waiting for {}: another folio command is writing this workspace",
        workspace.lock_path().display()
    ));
    Ok(workspace.lock()?)
}

/// The English units of a document as last extracted, in file order; empty if it has
/// never been extracted.
#[allow(clippy::disallowed_methods)] // moved by the pipeline rewrite
pub fn english_units(
    workspace: &Workspace,
    document: &str,
) -> Result<Vec<EnglishUnit>, DocumentError> {
    let path = workspace.reference_units_path(document);
    if !path.exists() {
        return Ok(Vec::new());
    }
    let text = workspace.read_text(&path)?;
    let file = parse_ftl(&text);
    if !file.errors.is_empty() {
        return Err(DocumentError::EnglishUnits {
            path,
            text: text.clone(),
            errors: file.errors,
        });
    }
    Ok(file
        .messages
        .iter()
        .filter_map(|m| {
            Some(EnglishUnit {
                id: m.id.to_owned(),
                text: plain_text(m.ast.value.as_ref()?),
            })
        })
        .collect())
}

/// A locale's record for a document; empty if there is none yet.
#[allow(clippy::disallowed_methods)] // moved by the pipeline rewrite
pub fn read_record(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    document: &str,
) -> Result<Record, WorkspaceError> {
    let path = workspace.record_path(locale, document);
    if !path.exists() {
        return Ok(Record::default());
    }
    let text = workspace.read_text(&path)?;
    Record::parse(&text).map_err(|message| WorkspaceError::Record { path, message })
}

/// A locale's translation of a document as text; empty if the file does not exist.
#[allow(clippy::disallowed_methods)] // moved by the pipeline rewrite
pub fn read_translation(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    document: &str,
) -> Result<String, WorkspaceError> {
    let path = workspace.translation_path(locale, document);
    if path.exists() {
        workspace.read_text(&path)
    } else {
        Ok(String::new())
    }
}

/// Writes a record, or removes its file when it is empty.
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

/// The locales a command works on: those named (each must be a canonical BCP 47 tag
/// with a folder in the workspace), or all of them. Bad folder names are reported and
/// skipped; the rest are still served.
pub fn select_locales(
    workspace: &Workspace,
    named: &[String],
    reporter: &mut Reporter,
) -> anyhow::Result<Vec<LanguageIdentifier>> {
    let (all, errors) = workspace.locales()?;
    if named.is_empty() {
        for error in &errors {
            reporter.error(error);
        }
        return Ok(all);
    }
    let mut chosen = Vec::new();
    for name in named {
        let locale = folio_workspace::parse_locale(name).map_err(anyhow::Error::msg)?;
        if &locale == workspace.reference() {
            reporter.warning(&format!(
                "`{locale}` is the reference locale: its units are the English itself, generated \
                 in {} by `folio extract` (`folio extract --check` checks them), so there is \
                 nothing to translate in it",
                workspace
                    .display_path(&workspace.locale_dir(&locale))
                    .display()
            ));
            continue;
        }
        if !all.contains(&locale) {
            anyhow::bail!(
                "unknown locale `{name}`: no folder {} (locales here: {})",
                workspace
                    .display_path(&workspace.locale_dir(&locale))
                    .display(),
                all.iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            );
        }
        if !chosen.contains(&locale) {
            chosen.push(locale);
        }
    }
    Ok(chosen)
}

/// Reports a document error: snippets for errors inside a file, one line otherwise.
pub fn report(reporter: &mut Reporter, workspace: &Workspace, error: &DocumentError) {
    match error {
        DocumentError::Workspace(error) => reporter.error(error),
        DocumentError::Split { path, text, errors } => {
            let problems: Vec<Located<'_>> = errors
                .iter()
                .map(|e| Located {
                    offset: e.offset,
                    message: e.kind.to_string(),
                    note: None,
                })
                .collect();
            reporter.located_errors(workspace.display_path(path), text, &problems);
        }
        DocumentError::EmptyDisclaimer {
            path,
            line,
            problem,
        } => reporter.error(&format!(
            "{}:{line}:1: {problem}; every page carries the disclaimer, so write it (comments \
             and markup without words are not text)",
            workspace.display_path(path).display()
        )),
        DocumentError::EnglishUnits { path, text, errors } => {
            let note = "this generated file was edited by hand; fix it, or delete it and its \
                        .layout.json to start ids afresh";
            let problems: Vec<Located<'_>> = errors
                .iter()
                .map(|e| Located {
                    offset: e.offset,
                    message: e.message.clone(),
                    note: Some(note),
                })
                .collect();
            reporter.located_errors(workspace.display_path(path), text, &problems);
        }
    }
}
