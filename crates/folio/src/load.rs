//! What commands share at the edge: opening the workspace the arguments name, taking its
//! lock (saying so when waiting), choosing locales, and reporting the per-document errors
//! the pipeline returns, without stopping the other documents.

use std::path::PathBuf;

use anyhow::Context;
use folio_pipeline::DisclaimerCheck;
use folio_workspace::{Workspace, WorkspaceError, WorkspaceLock};
use unic_langid::LanguageIdentifier;

use crate::cli::Cli;
use crate::diagnostics::{Located, Reporter};

pub use folio_pipeline::DocumentError;

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

/// Why the English disclaimer can't go on a page, said for the author: every page
/// carries it, so with no text in it no page may be published. A disclaimer whose
/// English can't be read is reported here and leaves nothing more to say.
pub fn english_disclaimer_problem(
    workspace: &Workspace,
    reporter: &mut Reporter,
) -> Result<Option<String>, WorkspaceError> {
    let name = workspace.disclaimer_name();
    let problem = match folio_pipeline::english_disclaimer_check(workspace)? {
        DisclaimerCheck::Ready => return Ok(None),
        DisclaimerCheck::NoText(problem) => problem,
        DisclaimerCheck::Unreadable(error) => {
            report(reporter, workspace, &error);
            return Ok(None);
        }
    };
    let show = |path: PathBuf| workspace.display_path(&path).display().to_string();
    Ok(Some(format!(
        "{problem} ({}, {}): every page carries it, so no page can be published; write it in {} \
         and run `folio extract`",
        show(workspace.reference_units_path(&name)),
        show(workspace.layout_path(&name)),
        show(workspace.disclaimer_source_path()),
    )))
}

/// The locales a command works on: those named (each must be a canonical BCP 47 tag
/// with a folder in the workspace), or all of them, in tag order either way: reports
/// list locales sorted, as `check --merge` does. Bad folder names are reported and
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
    Ok(all.into_iter().filter(|l| chosen.contains(l)).collect())
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
        DocumentError::ReservedName { path } => reporter.error(&format!(
            "{}: `{}` is the name of the interface strings' document ({}/<locale>/{}.ftl); \
             rename the article",
            workspace.display_path(path).display(),
            folio_pipeline::INTERFACE_DOCUMENT,
            workspace.config().locales.display(),
            folio_pipeline::INTERFACE_DOCUMENT,
        )),
        DocumentError::ControlInName { path } => reporter.error(&format!(
            "{}: the name holds a control character (a tab or a line break), and a document's \
             name becomes its page's address, which no link can carry it in; rename the file",
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
