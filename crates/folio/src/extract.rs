//! `folio extract [--check]`: source/ → English units and layouts in locales/en/.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use anyhow::Context;
use folio_ftl::{SyntaxError, UnitFile, parse_ftl, plain_text, write_units};
use folio_split::{Previous, SplitError, assign_ids, split_article};
use folio_workspace::{Document, Workspace, WorkspaceError, layout_text, read_text, write_atomic};
use rayon::prelude::*;

use crate::Outcome;
use crate::cli::{Cli, ExtractArgs};
use crate::diagnostics::{Located, Reporter};

/// What extracting one document produces.
struct Extraction {
    /// Files to write, with their full contents.
    files: Vec<(PathBuf, String)>,
    units: usize,
    /// Ids that did not exist before this extraction.
    new_ids: usize,
    /// Ids retired by this extraction.
    retired: usize,
}

/// Why one document could not be extracted. Kept per document so the others still are.
enum DocumentError {
    Workspace(WorkspaceError),
    Split {
        path: PathBuf,
        text: String,
        errors: Vec<SplitError>,
    },
    PreviousUnits {
        path: PathBuf,
        text: String,
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

/// Runs `folio extract`.
pub fn run(cli: &Cli, args: &ExtractArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let documents = workspace.documents()?;
    let results: Vec<(&Document, Result<Extraction, DocumentError>)> = documents
        .par_iter()
        .map(|doc| (doc, extract_document(&workspace, doc)))
        .collect();

    let current: BTreeSet<&str> = documents.iter().map(|d| d.name.as_str()).collect();
    let orphans: Vec<PathBuf> = workspace
        .extracted_names()?
        .into_iter()
        .filter(|name| !current.contains(name.as_str()))
        .flat_map(|name| {
            [
                workspace.reference_units_path(&name),
                workspace.layout_path(&name),
            ]
        })
        .filter(|path| path.exists())
        .collect();

    let mut out_of_date = Vec::new();
    for (doc, result) in &results {
        let extraction = match result {
            Ok(extraction) => extraction,
            Err(error) => {
                report(reporter, &workspace, error);
                continue;
            }
        };
        for (path, contents) in &extraction.files {
            let shown = workspace.display_path(path).display().to_string();
            if args.check {
                match std::fs::read(path) {
                    Ok(old) if old == contents.as_bytes() => {}
                    Ok(_) => out_of_date.push(format!("{shown} is out of date")),
                    Err(_) => out_of_date.push(format!("{shown} is missing")),
                }
            } else {
                write_atomic(path, contents.as_bytes())?;
            }
        }
        if !args.check {
            println!(
                "{}: {} units ({} new, {} retired) -> {}",
                doc.name,
                extraction.units,
                extraction.new_ids,
                extraction.retired,
                workspace
                    .display_path(&workspace.reference_units_path(&doc.name))
                    .display()
            );
        }
    }
    for path in &orphans {
        let shown = workspace.display_path(path).display().to_string();
        if args.check {
            out_of_date.push(format!("{shown} belongs to no document in source/"));
        } else {
            folio_workspace::remove_file(path)?;
            println!("removed {shown}: its source is gone");
        }
    }

    if reporter.error_count() > 0 {
        return Ok(Outcome::Error);
    }
    if out_of_date.is_empty() {
        if args.check {
            println!(
                "locales/{} is up to date with source/",
                workspace.reference()
            );
        }
        return Ok(Outcome::Clean);
    }
    for finding in &out_of_date {
        println!("{finding}");
    }
    println!("run `folio extract` and commit the result");
    Ok(Outcome::Findings)
}

fn extract_document(workspace: &Workspace, doc: &Document) -> Result<Extraction, DocumentError> {
    let text = read_text(&doc.source)?;
    let article = match split_article(&text) {
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
        "Translators: keep inline Markdown (**bold**, *emphasis*, `code`, [text](link targets))."
            .to_owned(),
    ];
    let ftl = write_units(UnitFile {
        header: &header,
        units: &extracted.units,
    });

    let before: BTreeSet<&str> = previous
        .units
        .iter()
        .map(|(_, id, _)| id.as_str())
        .collect();
    let new_ids = extracted
        .units
        .iter()
        .filter(|(_, u)| !before.contains(u.id.as_str()))
        .count();
    let retired =
        extracted.layout.retired.len() - previous.retired.len().min(extracted.layout.retired.len());
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
    })
}

/// The English units of the last extraction, which new ids are matched against.
fn previous_units(workspace: &Workspace, name: &str) -> Result<Previous, DocumentError> {
    let Some(layout) = workspace.read_layout(name)? else {
        return Ok(Previous::default());
    };
    let path = workspace.reference_units_path(name);
    let text = if path.exists() {
        read_text(&path)?
    } else {
        String::new()
    };
    let file = parse_ftl(&text);
    if !file.errors.is_empty() {
        return Err(DocumentError::PreviousUnits {
            path,
            text: text.clone(),
            errors: file.errors,
        });
    }
    let texts: BTreeMap<String, String> = file
        .messages
        .iter()
        .filter_map(|m| Some((m.id.to_owned(), plain_text(m.ast.value.as_ref()?))))
        .collect();
    Ok(Previous::new(&layout, &texts))
}

fn report(reporter: &mut Reporter, workspace: &Workspace, error: &DocumentError) {
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
        DocumentError::PreviousUnits { path, text, errors } => {
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
