//! The engine of `folio xliff export|import` and `folio tmx export`: a locale's units
//! out to a translation agency's CAT tool and its work back in, and the confirmed
//! translations out as a translation memory. The formats are `folio-exchange`'s; the
//! statuses and the textual rewriting of a translator's file are `folio-track`'s (the
//! same `classify` and the same insertion `sync` uses). Nothing here prints.
//!
//! Import is all or nothing: every `<file>` and unit of the XLIFF is read and judged
//! before anything is written, and one problem anywhere writes nothing.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use folio_check::LengthLimits;
use folio_exchange::{
    ExportDocument, ExportUnit, MemoryEntry, MemoryVariant, Previous, ReadDocument, ReadUnit,
    Segment, State, XliffExport, check_codes, is_xml_text, read_xliff, write_tmx, write_xliff,
    xml_safe,
};
use folio_ftl::{FtlFile, FtlMessage, formatted_text, parse_ftl};
use folio_track::{
    EnglishUnit, Record, Status, StatusCounts, SyncUnit, UnitStatus, classify, plain_diff,
    same_english, word_diff, write_translations,
};
use folio_workspace::{CheckSettings, Workspace, WorkspaceError, WorkspaceLock};
use unic_langid::LanguageIdentifier;

use crate::document::read_record;
use crate::load::{DocumentError, read_translation, write_record};

/// The length limits of `folio.toml` (`[check.length]` and each locale's), which the
/// `length` check holds translations to: XLIFF hands them to CAT tools as `maxwidth`.
pub fn length_limits(settings: &CheckSettings) -> LengthLimits {
    LengthLimits {
        limits: settings.length.clone(),
        locales: settings
            .locales
            .iter()
            .filter(|(_, s)| !s.length.is_empty())
            .map(|(tag, s)| (tag.clone(), s.length.clone()))
            .collect(),
    }
}

/// One locale's translation of one document, as exchange needs it.
struct Side {
    /// The document name.
    document: String,
    /// Its English units, in order.
    english: Vec<EnglishUnit>,
    /// Each unit's context (its comment in the English file).
    contexts: HashMap<String, String>,
    /// The translation file and its text (empty when there is none).
    path: PathBuf,
    text: String,
    /// The record, and every unit's status against it.
    record: Record,
    statuses: Vec<UnitStatus>,
    /// Translations XLIFF can't carry, and why.
    locked: HashMap<String, &'static str>,
}

impl Side {
    /// Reads `locale`'s translation of `document` and classifies it.
    fn read(
        workspace: &Workspace,
        locale: &LanguageIdentifier,
        document: &str,
    ) -> Result<Side, DocumentError> {
        let english_path = workspace.reference_units_path(document);
        let english_text = workspace.read_text(&english_path)?;
        let reference = parse_ftl(&english_text);
        if !reference.errors.is_empty() {
            return Err(DocumentError::EnglishUnits {
                path: english_path,
                errors: reference.errors,
                text: english_text,
            });
        }
        let english = folio_policy::reference_units(&reference);
        let contexts = reference
            .messages
            .iter()
            .filter_map(|m| {
                let comment = m.ast.comment.as_ref()?.content.join("\n");
                Some((m.id.to_owned(), comment))
            })
            .collect();
        let text = read_translation(workspace, locale, document)?;
        let record = read_record(workspace, locale, document)?;
        let file = parse_ftl(&text);
        let statuses = classify(
            &english,
            &file,
            &record,
            &workspace.config().check.proper_names,
        );
        let mut locked = HashMap::new();
        for message in &file.messages {
            if let Some(reason) = why_locked(message) {
                locked.entry(message.id.to_owned()).or_insert(reason);
            }
        }
        Ok(Side {
            document: document.to_owned(),
            english,
            contexts,
            path: workspace.translation_path(locale, document),
            text,
            record,
            statuses,
            locked,
        })
    }

    /// The English units with their contexts, as the textual writer takes them.
    fn sync_units(&self) -> Vec<SyncUnit<'_>> {
        self.english
            .iter()
            .map(|u| SyncUnit {
                id: &u.id,
                english: &u.text,
                context: self.contexts.get(&*u.id).map(String::as_str),
            })
            .collect()
    }
}

/// Why a translated message can't be exchanged through XLIFF, if it can't: Folio's units
/// are text, and XLIFF carries text and inline codes, not Fluent syntax.
fn why_locked(message: &FtlMessage<'_>) -> Option<&'static str> {
    if !message.ast.attributes.is_empty() {
        Some(
            "its translation has attributes (`.name = …`), which XLIFF does not carry; edit it in the .ftl file",
        )
    } else if message
        .ast
        .value
        .as_ref()
        .is_some_and(|v| formatted_text(v).is_none())
    {
        Some(
            "its translation uses Fluent syntax (variables, references or selectors), which XLIFF does not carry; edit it in the .ftl file",
        )
    } else {
        None
    }
}

/// What `xliff export` wrote.
#[derive(Debug, Default)]
pub struct XliffExported {
    /// Units exported, by status.
    pub units: StatusCounts,
    /// Documents exported (`<file>` elements).
    pub documents: usize,
    /// Invalid units left out (a syntax error in the `.ftl`): (document, id).
    pub invalid: Vec<(String, String)>,
}

/// Writes `locale`'s units of `documents` to `out` as XLIFF 1.2 (atomically): every unit
/// with English, or only those of `statuses` when some are given. A missing unit has no
/// target; an untranslated one has its copy of the English, `needs-translation`; a stale
/// or updated one its translation, `needs-review-translation`, with the English and
/// translation last confirmed (`<alt-trans>`) and the English word diff (`<note>`); a
/// current one `final` (`translated` until it is recorded). Invalid units can't be
/// carried and are left out, named in the result. Nothing is written unless every
/// document was read.
pub fn xliff_export(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    documents: &[String],
    statuses: &[Status],
    out: &Path,
) -> Result<XliffExported, Vec<DocumentError>> {
    workspace
        .check_export_file(out)
        .map_err(|e| vec![e.into()])?;
    let mut exported = XliffExported::default();
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for document in documents {
        let side = match Side::read(workspace, locale, document) {
            Ok(side) => side,
            Err(error) => {
                errors.push(error);
                continue;
            }
        };
        let mut units = Vec::new();
        for unit in &side.statuses {
            let Some(english) = unit.english.as_ref().filter(|e| !e.is_empty()) else {
                continue;
            };
            if !statuses.is_empty() && !statuses.contains(&unit.status) {
                continue;
            }
            if unit.status == Status::Invalid {
                exported
                    .invalid
                    .push((side.document.clone(), unit.id.to_string()));
                continue;
            }
            exported.units.add(unit.status, 1);
            units.push(export_unit(&side, unit, english));
        }
        exported.documents += 1;
        files.push(ExportDocument {
            name: side.document,
            units,
        });
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let limits = length_limits(&workspace.config().check);
    let text = write_xliff(
        &XliffExport {
            source_language: &workspace.reference().to_string(),
            target_language: &locale.to_string(),
            documents: &files,
        },
        &|id: &str| limits.limit(&locale.to_string(), id),
    );
    folio_workspace::write_atomic(out, text.as_bytes()).map_err(|e| vec![e.into()])?;
    Ok(exported)
}

/// One unit as XLIFF carries it: its state from its status.
fn export_unit(side: &Side, unit: &UnitStatus, english: &str) -> ExportUnit {
    let state = match unit.status {
        Status::Missing | Status::Untranslated => State::NeedsTranslation,
        Status::Stale | Status::Updated => State::NeedsReviewTranslation,
        Status::Current if unit.recorded => State::Final,
        _ => State::Translated,
    };
    let previous = match (unit.status, &unit.confirmed) {
        (Status::Stale | Status::Updated, Some(confirmed)) => Some(Previous {
            english: confirmed.clone(),
            translation: unit
                .confirmed_translation
                .clone()
                .or_else(|| unit.translation.clone())
                .unwrap_or_default(),
            diff: plain_diff(&word_diff(confirmed, english)),
        }),
        _ => None,
    };
    ExportUnit {
        id: unit.id.to_string(),
        english: english.to_owned(),
        translation: unit.translation.clone(),
        state,
        context: side.contexts.get(&*unit.id).cloned(),
        previous,
        locked: side.locked.get(&*unit.id).map(|r| (*r).to_owned()),
    }
}

/// Something in an XLIFF file that stops its import, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportProblem {
    /// 1-based line in the XLIFF file.
    pub line: usize,
    /// 1-based column, when known.
    pub column: Option<usize>,
    /// The document and unit it is about, when it is about one.
    pub unit: Option<(String, String)>,
    /// What is wrong, and what to do.
    pub message: String,
}

/// What importing one document did.
#[derive(Debug, Default)]
pub struct DocumentImport {
    /// The document name.
    pub document: String,
    /// The translation file.
    pub path: PathBuf,
    /// Units whose translation was written.
    pub written: Vec<String>,
    /// Units whose unchanged translation the reviewer confirmed (state `translated`,
    /// `final` or `signed-off` on a stale or updated unit).
    pub confirmed: Vec<String>,
    /// Units written or confirmed that are stale now: their English changed while the
    /// file was at the agency.
    pub stale: Vec<String>,
}

/// How `xliff import` ended. Only [`Imported::Applied`] wrote anything.
#[derive(Debug)]
pub enum Imported {
    /// The XLIFF can't be applied; nothing was written.
    Refused(Vec<ImportProblem>),
    /// Workspace files could not be read; nothing was written.
    Unreadable(Vec<DocumentError>),
    /// The targets were applied.
    Applied {
        /// The locale the file is for.
        locale: LanguageIdentifier,
        /// Each document of the file, in file order.
        documents: Vec<DocumentImport>,
    },
}

/// A change to make in one document: written translations and confirmations, each
/// against the English of the XLIFF's `source`.
#[derive(Default)]
struct Plan {
    write: Vec<(String, String, String)>,
    confirm: Vec<(String, String, String, Status)>,
}

/// Runs `folio xliff import` under the workspace lock: applies the targets of the XLIFF
/// file at `path` to its locale's translation files, each message whose target changed
/// rewritten as text (every other byte kept) and recorded as confirmed against the
/// English in the XLIFF's `source` — so a unit whose English moved on while the file was
/// away is stale, not current. A stale or updated unit whose target is unchanged is
/// confirmed when the reviewer set its state to `translated`, `final` or `signed-off`.
/// `locale`, when given, is the locale the file must be for. Units, codes, languages and
/// documents are all checked first; one problem writes nothing. Importing the same file
/// twice changes nothing the second time.
pub fn xliff_import(
    workspace: &Workspace,
    _lock: &WorkspaceLock,
    path: &Path,
    locale: Option<&LanguageIdentifier>,
) -> Result<Imported, WorkspaceError> {
    let text = folio_workspace::read_text(path)?;
    let files = match read_xliff(&text) {
        Ok(files) => files,
        Err(error) => {
            return Ok(Imported::Refused(vec![ImportProblem {
                line: error.line,
                column: Some(error.column),
                unit: None,
                message: error.message,
            }]));
        }
    };
    let target = match file_locale(workspace, &files, locale)? {
        Ok(target) => target,
        Err(problems) => return Ok(Imported::Refused(problems)),
    };
    let names = workspace.extracted_names()?;
    let mut problems = Vec::new();
    let mut sides = Vec::new();
    let mut unreadable = Vec::new();
    let mut seen = BTreeSet::new();
    for file in &files {
        if !names.contains(&file.original) {
            problems.push(problem(
                file.line,
                None,
                format!(
                    "`{}` is not a document of this workspace (documents: {})",
                    file.original,
                    names.join(", ")
                ),
            ));
            continue;
        }
        if !seen.insert(&file.original) {
            problems.push(problem(
                file.line,
                None,
                format!("a second <file> for `{}`: one per document", file.original),
            ));
            continue;
        }
        match Side::read(workspace, &target, &file.original) {
            Ok(side) => {
                let plan = plan_document(&side, file, &mut problems);
                sides.push((side, plan));
            }
            Err(error) => unreadable.push(error),
        }
    }
    if !unreadable.is_empty() {
        return Ok(Imported::Unreadable(unreadable));
    }
    if !problems.is_empty() {
        problems.sort_by_key(|p| (p.line, p.column));
        return Ok(Imported::Refused(problems));
    }

    // Everything holds: make every change in memory, check it, then write.
    let mut writes: Vec<(PathBuf, String, String, Record)> = Vec::new();
    let mut report = Vec::new();
    for (side, plan) in &sides {
        let translations: HashMap<&str, &str> = plan
            .write
            .iter()
            .map(|(id, translation, _)| (id.as_str(), translation.as_str()))
            .collect();
        let new_text = if translations.is_empty() {
            side.text.clone()
        } else {
            let header = crate::sync::header(&target, &side.document);
            write_translations(
                &side.sync_units(),
                &side.text,
                &parse_ftl(&side.text),
                &translations,
                &header,
            )
        };
        let file = parse_ftl(&new_text);
        if let Some(problem) = unwritten(&file, &translations, &side.text) {
            return Ok(Imported::Refused(vec![ImportProblem {
                line: 1,
                column: None,
                unit: Some((side.document.clone(), problem)),
                message: "Folio could not write this translation so that it reads back the same; \
                          nothing was written (please report this)"
                    .to_owned(),
            }]));
        }
        let mut record = side.record.clone();
        for (id, translation, english) in &plan.write {
            record.confirm(id, english, translation);
        }
        for (id, translation, english, status) in &plan.confirm {
            match status {
                Status::Stale => record.confirm_unchanged(id, english, translation),
                _ => record.confirm(id, english, translation),
            }
        }
        let statuses = classify(
            &side.english,
            &file,
            &record,
            &workspace.config().check.proper_names,
        );
        let touched: BTreeSet<&str> = plan
            .write
            .iter()
            .map(|(id, ..)| id.as_str())
            .chain(plan.confirm.iter().map(|(id, ..)| id.as_str()))
            .collect();
        report.push(DocumentImport {
            document: side.document.clone(),
            path: side.path.clone(),
            written: plan.write.iter().map(|(id, ..)| id.clone()).collect(),
            confirmed: plan.confirm.iter().map(|(id, ..)| id.clone()).collect(),
            stale: statuses
                .iter()
                .filter(|u| touched.contains(&*u.id) && u.status == Status::Stale)
                .map(|u| u.id.to_string())
                .collect(),
        });
        writes.push((side.path.clone(), new_text, side.document.clone(), record));
    }
    for ((path, new_text, _, _), (side, _)) in writes.iter().zip(&sides) {
        if *new_text != side.text {
            workspace.write_atomic(path, new_text.as_bytes())?;
        }
    }
    for ((_, _, document, record), (side, _)) in writes.iter().zip(&sides) {
        if *record != side.record {
            write_record(workspace, &target, document, record)?;
        }
    }
    Ok(Imported::Applied {
        locale: target,
        documents: report,
    })
}

/// A problem at `line` (and `column`).
fn problem(line: usize, column: Option<usize>, message: String) -> ImportProblem {
    ImportProblem {
        line,
        column,
        unit: None,
        message,
    }
}

/// The one locale every `<file>` is for: a locale of the workspace (not the
/// reference), translated from the reference, and `expected` when given.
fn file_locale(
    workspace: &Workspace,
    files: &[ReadDocument],
    expected: Option<&LanguageIdentifier>,
) -> Result<Result<LanguageIdentifier, Vec<ImportProblem>>, WorkspaceError> {
    let (locales, _) = workspace.locales()?;
    let reference = workspace.reference();
    let Some(first) = files.first() else {
        return Ok(Err(vec![problem(
            1,
            None,
            "the file has no <file> element: nothing to import".to_owned(),
        )]));
    };
    let mut problems = Vec::new();
    let target = match folio_workspace::parse_locale(&first.target_language) {
        Ok(target) => Some(target),
        Err(message) => {
            problems.push(problem(
                first.line,
                None,
                format!("target-language `{}`: {message}", first.target_language),
            ));
            None
        }
    };
    for file in files {
        if folio_workspace::parse_locale(&file.source_language)
            .ok()
            .as_ref()
            != Some(reference)
        {
            problems.push(problem(
                file.line,
                None,
                format!(
                    "source-language is `{}`, but this workspace translates from `{reference}`",
                    file.source_language
                ),
            ));
        }
        if file.target_language != first.target_language {
            problems.push(problem(
                file.line,
                None,
                format!(
                    "this <file> is for `{}`, the first for `{}`: import one locale at a time",
                    file.target_language, first.target_language
                ),
            ));
        }
    }
    if let Some(target) = &target {
        if target == reference {
            problems.push(problem(
                first.line,
                None,
                format!("the file is for `{target}`, the reference locale, whose units `folio extract` writes"),
            ));
        } else if !locales.contains(target) {
            problems.push(problem(
                first.line,
                None,
                format!(
                    "the file is for `{target}`, which this workspace does not have (locales: {}); start it with `folio new-locale {target}`",
                    locales.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
                ),
            ));
        }
        if let Some(expected) = expected.filter(|e| *e != target) {
            problems.push(problem(
                first.line,
                None,
                format!("the file is for `{target}`, not `{expected}`"),
            ));
        }
    }
    Ok(match (target, problems.is_empty()) {
        (Some(target), true) => Ok(target),
        _ => Err(problems),
    })
}

/// What to do with one document's units; problems go to `problems`.
fn plan_document(side: &Side, file: &ReadDocument, problems: &mut Vec<ImportProblem>) -> Plan {
    let statuses: HashMap<&str, &UnitStatus> = side
        .statuses
        .iter()
        .filter(|u| u.english.is_some())
        .map(|u| (&*u.id, u))
        .collect();
    let mut plan = Plan::default();
    let mut seen = BTreeSet::new();
    for unit in &file.units {
        let about = |message: String| ImportProblem {
            line: unit.line,
            column: None,
            unit: Some((file.original.clone(), unit.id.clone())),
            message,
        };
        let Some(status) = statuses.get(&*unit.id) else {
            problems.push(about(format!(
                "`{}` is not a unit of `{}`: a unit the English no longer has, or an id changed by hand",
                unit.id, file.original
            )));
            continue;
        };
        if !seen.insert(&*unit.id) {
            problems.push(about(format!("`{}` is in the file twice", unit.id)));
            continue;
        }
        match plan_unit(side, unit, status) {
            None => {}
            Some(Ok(Action::Write(translation, english))) => {
                plan.write.push((unit.id.clone(), translation, english));
            }
            Some(Ok(Action::Confirm(translation, english))) => {
                plan.confirm
                    .push((unit.id.clone(), translation, english, status.status));
            }
            Some(Err(message)) => problems.push(ImportProblem {
                line: unit.target.as_ref().map_or(unit.line, |t| t.line),
                ..about(message)
            }),
        }
    }
    plan
}

/// What a unit's target asks for: its translation written, or its translation (as it
/// is) confirmed; each with the English of the XLIFF's `source`.
enum Action {
    Write(String, String),
    Confirm(String, String),
}

/// What to do with one unit: nothing (`None`), an action, or why not.
fn plan_unit(side: &Side, unit: &ReadUnit, status: &UnitStatus) -> Option<Result<Action, String>> {
    let target = unit.target.as_ref()?;
    let translation = normalize(&target.segment.to_markdown());
    if translation.is_empty() {
        return None;
    }
    let english = unit.source.to_markdown();
    if english.trim().is_empty() {
        return Some(Err(format!(
            "`{}` has a target but no source: Folio records each translation against the \
             English it translates; keep the <source> as exported",
            unit.id
        )));
    }
    // As exported: the translation as XLIFF carries it.
    let current = status.translation.as_deref().map(xml_safe);
    if current
        .as_deref()
        .is_some_and(|c| same_english(c, &translation))
    {
        let reviewed = matches!(
            target.state.as_deref(),
            Some("translated" | "final" | "signed-off")
        );
        let recorded = side.record.get(&unit.id).is_some_and(|e| {
            same_english(&e.english, &english)
                && e.translation.as_deref() == status.translation.as_deref()
        });
        return (reviewed && !recorded && matches!(status.status, Status::Stale | Status::Updated))
            .then(|| {
                Ok(Action::Confirm(
                    status.translation.clone().unwrap_or_default(),
                    english,
                ))
            });
    }
    if let Some(reason) = side.locked.get(&unit.id) {
        return Some(Err(format!(
            "`{}` can't be changed through XLIFF: {reason}",
            unit.id
        )));
    }
    if status.status == Status::Invalid {
        return Some(Err(format!(
            "`{}` has a syntax error in {}: fix it there first (`folio check` shows where)",
            unit.id,
            side.path.display()
        )));
    }
    if !is_xml_text(&translation) {
        return Some(Err(format!(
            "the target of `{}` has a carriage return or a control character",
            unit.id
        )));
    }
    let exported = current.map(|c| Segment::from_markdown(&c).aligned_to(&unit.source));
    if let Err(problem) = check_codes(&unit.source, &target.segment, exported.as_ref()) {
        return Some(Err(format!(
            "`{}`: {problem}; put the codes back as the source has them",
            unit.id
        )));
    }
    Some(Ok(Action::Write(translation, english)))
}

/// A target as a unit's text: line breaks as `\n`, each line trimmed, no blank lines
/// (Fluent keeps neither leading nor trailing spaces nor blank lines in a value).
fn normalize(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

/// The first unit of `translations` the rewritten `file` does not give back exactly,
/// or that a new syntax error hides (compared with `old`'s): a guard, so that a
/// rewrite that could lose a translator's text is never written.
fn unwritten(file: &FtlFile<'_>, translations: &HashMap<&str, &str>, old: &str) -> Option<String> {
    if file.errors.len() > parse_ftl(old).errors.len() {
        return translations.keys().next().map(|id| (*id).to_owned());
    }
    let mut ids: Vec<&str> = translations.keys().copied().collect();
    ids.sort_unstable();
    ids.into_iter()
        .find(|id| {
            let text = file
                .messages
                .iter()
                .find(|m| m.id == *id)
                .and_then(|m| m.ast.value.as_ref())
                .and_then(formatted_text);
            text.as_deref() != translations.get(id).copied()
        })
        .map(str::to_owned)
}

/// What `tmx export` wrote.
#[derive(Debug, Default)]
pub struct TmxExported {
    /// Translation units: distinct English texts.
    pub entries: usize,
    /// English–translation pairs written.
    pub pairs: usize,
    /// Other confirmed translations of an English text a locale already had one for
    /// (the first, in document and unit order, is kept).
    pub alternatives: usize,
    /// Pairs left out because XML can't carry them (control characters).
    pub unsafe_pairs: usize,
}

/// Writes the confirmed translations of `locales` to `out` as a TMX 1.4b memory
/// (atomically): every pair a record holds (the English and the translation confirmed
/// against it), one `<tu>` per English text (whitespace aside), one `<tuv>` per locale.
/// Same workspace, same bytes.
pub fn tmx_export(
    workspace: &Workspace,
    locales: &[LanguageIdentifier],
    out: &Path,
) -> Result<TmxExported, Vec<DocumentError>> {
    workspace
        .check_export_file(out)
        .map_err(|e| vec![e.into()])?;
    let names = workspace.extracted_names().map_err(|e| vec![e.into()])?;
    let mut exported = TmxExported::default();
    let mut entries: Vec<MemoryEntry> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut errors = Vec::new();
    for document in &names {
        for locale in locales {
            let record = match read_record(workspace, locale, document) {
                Ok(record) => record,
                Err(error) => {
                    errors.push(error.into());
                    continue;
                }
            };
            for (_, entry) in record.entries() {
                let Some(translation) = &entry.translation else {
                    continue;
                };
                if !is_xml_text(&entry.english) || !is_xml_text(translation) {
                    exported.unsafe_pairs += 1;
                    continue;
                }
                let key = entry
                    .english
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" ");
                let at = *index.entry(key).or_insert_with(|| {
                    entries.push(MemoryEntry {
                        english: entry.english.clone(),
                        variants: Vec::new(),
                    });
                    entries.len() - 1
                });
                let tag = locale.to_string();
                let variants = &mut entries[at].variants;
                if variants.iter().any(|v| v.locale == tag) {
                    exported.alternatives += 1;
                } else {
                    variants.push(MemoryVariant {
                        locale: tag,
                        translation: translation.clone(),
                    });
                    exported.pairs += 1;
                }
            }
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // Variants in locale order, whatever order the documents brought them in.
    let order: Vec<String> = locales.iter().map(ToString::to_string).collect();
    for entry in &mut entries {
        entry
            .variants
            .sort_by_key(|v| order.iter().position(|l| *l == v.locale));
    }
    exported.entries = entries.len();
    let text = write_tmx(&workspace.reference().to_string(), &entries);
    folio_workspace::write_atomic(out, text.as_bytes()).map_err(|e| vec![e.into()])?;
    Ok(exported)
}
