//! Any Fluent tree laid out as `DIR/<locale>/**/*.ftl` (an application's strings, not a
//! Folio workspace), checked file by file across locales: each reference file is read
//! and parsed once for every locale.

use std::collections::BTreeSet;

use foldhash::{HashSet, HashSetExt};
use std::path::PathBuf;

use folio_check::{CheckOptions, Finding, Reference, check_file};
use folio_ftl::{FtlFile, parse_ftl};
use folio_policy::reference_units;
use folio_track::{EnglishUnit, Record, Status, UnitStatus, classify};
use folio_workspace::{FluentTree, WorkspaceError};
use rayon::prelude::*;

/// A tree to check: its locales and the files of each, listed up front (names only).
pub struct TreeRun {
    tree: FluentTree,
    reference: String,
    /// The other locales, sorted, each with its files (relative, `/`-separated).
    locales: Vec<(String, BTreeSet<String>)>,
    reference_files: BTreeSet<String>,
    /// Every message and `-term` id the reference defines in any file: a translation
    /// may refer to them wherever they live, as an application loads several files.
    reference_ids: HashSet<String>,
}

/// One file of the tree, checked in the reference and in every locale that has it or
/// should have it.
#[derive(Debug)]
pub struct TreeFile {
    /// The file, relative to each locale's folder.
    pub name: String,
    /// Each locale's copy, in tag order, the reference's own among them (checked against
    /// itself).
    pub locales: Vec<Result<TreeLocaleFile, WorkspaceError>>,
}

/// One locale's copy of a file, checked.
#[derive(Debug)]
pub struct TreeLocaleFile {
    /// The locale (the folder name).
    pub locale: String,
    /// The file.
    pub path: PathBuf,
    /// Its text, for snippets (empty when it does not exist).
    pub text: String,
    /// Every unit's status against the reference.
    pub statuses: Vec<UnitStatus>,
    /// The quality findings, in file order.
    pub findings: Vec<Finding>,
}

impl TreeRun {
    /// Lists the tree: the reference's files and each other locale's (only those named
    /// in `only`, when it is not empty). Links are followed only inside the tree; what
    /// can't be listed is returned beside the run, which goes on without it.
    pub fn open(
        tree: FluentTree,
        reference: &str,
        only: &[String],
    ) -> Result<(Self, Vec<WorkspaceError>), WorkspaceError> {
        let (reference_files, mut errors) = tree.ftl_files(reference);
        let (mut names, locale_errors) = tree.locales()?;
        errors.extend(locale_errors);
        names.retain(|name| name != reference && (only.is_empty() || only.contains(name)));
        let mut locales = Vec::new();
        for name in names {
            let (files, walk_errors) = tree.ftl_files(&name);
            errors.extend(walk_errors);
            locales.push((name, files.into_iter().collect()));
        }
        let mut run = TreeRun {
            reference: reference.to_owned(),
            locales,
            reference_files: reference_files.into_iter().collect(),
            reference_ids: HashSet::new(),
            tree,
        };
        run.reference_ids = run.collect_reference_ids()?;
        Ok((run, errors))
    }

    /// Every file to check, sorted: the reference's and any a locale has besides.
    pub fn files(&self) -> Vec<String> {
        let mut all = self.reference_files.clone();
        for (_, files) in &self.locales {
            all.extend(files.iter().cloned());
        }
        all.into_iter().collect()
    }

    /// The ids the reference's files define, each file read and parsed on its own.
    fn collect_reference_ids(&self) -> Result<HashSet<String>, WorkspaceError> {
        let dir = self.tree.locale_dir(&self.reference);
        let sets: Vec<Vec<String>> = self
            .reference_files
            .par_iter()
            .map(|name| {
                let text = self.tree.read_text(&dir.join(name))?.unwrap_or_default();
                let file = parse_ftl(&text);
                let defined = Defined::new(&file);
                let messages = defined.messages.iter().map(|id| (*id).to_owned());
                let terms = defined.terms.iter().map(|id| format!("-{id}"));
                Ok(messages.chain(terms).collect())
            })
            .collect::<Result<_, WorkspaceError>>()?;
        Ok(sets.into_iter().flatten().collect())
    }

    /// Checks file `name` in the reference (against itself: its syntax errors, duplicate
    /// ids and unresolved references hurt every locale) and in each locale that has it
    /// or whose reference has it. Application strings are not published, so there is no
    /// record (nothing is stale) and no publishing policy.
    pub fn check(&self, name: &str, options: &CheckOptions) -> TreeFile {
        let reference_path = self.tree.locale_dir(&self.reference).join(name);
        let reference_text = match self.tree.read_text(&reference_path) {
            Ok(text) => text.unwrap_or_default(),
            Err(error) => {
                return TreeFile {
                    name: name.to_owned(),
                    locales: vec![Err(error)],
                };
            }
        };
        let reference = parse_ftl(&reference_text);
        let prepared = Reference::new(&reference, options);
        let units = reference_units(&reference);
        // The reference checked against itself, once: its syntax errors, duplicate ids
        // and unresolved references hurt every locale. Identical to itself is current.
        let own_check = self.reference_files.contains(name).then(|| {
            let mut statuses = classify(&units, &reference, &Record::default(), &[]);
            for unit in &mut statuses {
                if unit.status == Status::Untranslated {
                    unit.status = Status::Current;
                }
            }
            let own = Defined::new(&reference);
            let defined = |id: &str| own.contains(id) || self.reference_ids.contains(id);
            let findings = check_file(
                &prepared,
                &reference,
                &reference_text,
                &self.reference,
                &defined,
                options,
            );
            (statuses, findings)
        });
        let english = English {
            file: &prepared,
            units: &units,
        };
        let mut locales = Vec::new();
        for (locale, files) in &self.locales {
            if !files.contains(name) && !self.reference_files.contains(name) {
                continue;
            }
            let path = self.tree.locale_dir(locale).join(name);
            let checked = self.tree.read_text(&path).map(|text| {
                self.check_one(locale, path, text.unwrap_or_default(), &english, options)
            });
            locales.push((locale.as_str(), checked));
        }
        // The parsed reference borrows its text, which the reference's own entry takes.
        drop(prepared);
        drop(reference);
        if let Some((statuses, findings)) = own_check {
            let checked = Ok(TreeLocaleFile {
                locale: self.reference.clone(),
                path: reference_path,
                text: reference_text,
                statuses,
                findings,
            });
            locales.push((self.reference.as_str(), checked));
        }
        // In tag order, the reference among the others.
        locales.sort_by_key(|(locale, _)| *locale);
        let locales = locales.into_iter().map(|(_, checked)| checked).collect();
        TreeFile {
            name: name.to_owned(),
            locales,
        }
    }

    fn check_one(
        &self,
        locale: &str,
        path: PathBuf,
        text: String,
        english: &English<'_, '_>,
        options: &CheckOptions,
    ) -> TreeLocaleFile {
        let file = parse_ftl(&text);
        let own = Defined::new(&file);
        let defined = |id: &str| own.contains(id) || self.reference_ids.contains(id);
        let statuses = classify(
            english.units,
            &file,
            &Record::default(),
            &options.proper_names,
        );
        let findings = check_file(english.file, &file, &text, locale, &defined, options);
        drop(file);
        TreeLocaleFile {
            locale: locale.to_owned(),
            path,
            text,
            statuses,
            findings,
        }
    }
}

/// A reference file prepared for the checks, with its units: the same for every locale.
struct English<'f, 's> {
    file: &'f Reference<'f, 's>,
    units: &'f [EnglishUnit],
}

/// Every message id and term id a file defines, borrowed from it.
struct Defined<'f> {
    messages: HashSet<&'f str>,
    /// Without their `-`.
    terms: HashSet<&'f str>,
}

impl<'f> Defined<'f> {
    fn new(file: &FtlFile<'f>) -> Self {
        Defined {
            messages: file.messages.iter().map(|m| m.id).collect(),
            terms: file.terms.iter().map(|t| t.id).collect(),
        }
    }

    /// Whether the file defines `id` (a term as `-id`).
    fn contains(&self, id: &str) -> bool {
        match id.strip_prefix('-') {
            Some(term) => self.terms.contains(term),
            None => self.messages.contains(id),
        }
    }
}
