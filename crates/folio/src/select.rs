//! The selection step of `check` and `status`: `--document` and `--changed-since` turn
//! the workspace's documents into the (document, locale) pairs a run reads. The mapping
//! is `folio_pipeline::select`'s; git runs in `folio_workspace::changed_paths`.

use folio_pipeline::{Layout, Selection, changed_documents, select_documents};
use folio_workspace::Workspace;

use crate::diagnostics::Reporter;
use unic_langid::LanguageIdentifier;

/// The (document, locale) pairs a run of `check` or `status` reads, and the names of
/// the documents with a pair among `locales`: `--document` (names or globs) and
/// `--changed-since` applied; a run left with nothing says so.
pub fn plan(
    workspace: &Workspace,
    all: &[String],
    locales: &[LanguageIdentifier],
    (documents, changed_since): (&[String], Option<&str>),
    reporter: &mut Reporter,
) -> anyhow::Result<(Selection, Vec<String>)> {
    let selection = selection(workspace, all, documents, changed_since)?;
    let chosen = names(&selection, locales);
    say_if_nothing_changed(&chosen, changed_since, reporter);
    Ok((selection, chosen))
}

/// The documents of `all` (sorted names) that `documents` (names or globs) name and
/// that changed since `changed_since`, with the locales of each that changed.
fn selection(
    workspace: &Workspace,
    all: &[String],
    documents: &[String],
    changed_since: Option<&str>,
) -> anyhow::Result<Selection> {
    let named = Selection::all(&select_documents(all, documents)?);
    let Some(since) = changed_since else {
        return Ok(named);
    };
    let paths = folio_workspace::changed_paths(workspace.root(), since)?;
    let config = workspace.config();
    let layout = Layout {
        source: folio_workspace::slash(&config.source),
        locales: folio_workspace::slash(&config.locales),
        reference: workspace.reference().to_string(),
        records: folio_workspace::RECORD_DIR.to_owned(),
        global: std::iter::once(folio_workspace::CONFIG_FILE.to_owned())
            .chain(
                config
                    .render
                    .template
                    .as_deref()
                    .map(folio_workspace::slash),
            )
            .collect(),
    };
    Ok(changed_documents(&paths, &layout)
        .selection(all)
        .intersect(&named))
}

/// The names of the selected documents with a selected locale among `locales`.
fn names(selection: &Selection, locales: &[LanguageIdentifier]) -> Vec<String> {
    let tags: Vec<String> = locales.iter().map(ToString::to_string).collect();
    selection
        .names()
        .into_iter()
        .filter(|name| tags.iter().any(|tag| selection.takes(name, tag)))
        .collect()
}

/// Says so when `--changed-since` leaves nothing to read (`names` is the selection), so
/// an empty report is not taken for a pass over everything.
fn say_if_nothing_changed(names: &[String], changed_since: Option<&str>, reporter: &mut Reporter) {
    if let Some(since) = changed_since
        && names.is_empty()
    {
        reporter.warning(&format!(
            "nothing Folio reads changed since `{since}` in the locales asked for: nothing to \
             report"
        ));
    }
}

/// The (document, locale) pairs a run reads: the selection within the locales asked for.
#[derive(Clone, Copy)]
pub struct Pairs<'a> {
    /// The selected documents and their locales.
    pub selection: &'a Selection,
    /// The locales asked for (all by default).
    pub locales: &'a [LanguageIdentifier],
}

impl Pairs<'_> {
    /// The locales read for document `name`.
    pub fn locales_of(&self, name: &str) -> Vec<LanguageIdentifier> {
        self.locales
            .iter()
            .filter(|locale| self.selection.takes(name, &locale.to_string()))
            .cloned()
            .collect()
    }
}
