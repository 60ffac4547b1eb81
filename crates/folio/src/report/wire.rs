//! The JSON wire formats of `folio check` and `folio status`, version 2, in one place.
//!
//! Both are one object whose `documents` array has an entry per (document, locale), in
//! document order then locale order, written as each document is done; per-locale
//! totals follow. Fields are only ever added within a version; a removal or a change of
//! meaning bumps it. Version 1 (before streaming) nested documents under locales and
//! listed findings apart.
//!
//! `folio check --format json` is a [`CheckReport`]; `folio status --format json` is
//! `{"version": 2, "documents": [StatusFile…], "locales": [LocaleStatus…]}`.

use folio_check::{Check, Severity};
use folio_track::{DiffPart, Status, StatusCounts};
use serde::{Deserialize, Serialize};

/// The version of both formats.
pub const VERSION: u32 = 2;

/// `folio check --format json`: the whole verdict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckReport {
    /// [`VERSION`].
    pub version: u32,
    /// One entry per (document, locale); in generic mode per (file, locale), the
    /// reference's own files included. In a workspace, the reference locale has an entry
    /// for a document only when the English itself has findings (a unit over its
    /// `length` limit), its `file` the source Markdown.
    pub documents: Vec<CheckedFile>,
    /// One entry per locale, sorted by tag.
    pub locales: Vec<LocaleVerdict>,
    /// What could not be read or checked (exit status 2), one sentence each.
    pub errors: Vec<String>,
    /// Whether everything is within the bar and everything could be checked.
    pub passed: bool,
}

/// One locale's translation of one document, held to the bar.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckedFile {
    /// The document name (generic mode: the file's path inside the locale folder).
    pub document: String,
    /// The locale.
    pub locale: String,
    /// The translation file, relative to the workspace (or the current folder), `/`-separated.
    pub file: String,
    /// Unit (message and term) counts by status.
    pub units: StatusCounts,
    /// Reference word counts by status.
    pub words: StatusCounts,
    /// Reference words whose unit is publishable (generic mode: current).
    pub publishable_words: usize,
    /// Percent of the reference words that are publishable, to one decimal.
    pub coverage: f64,
    /// The least coverage that passes.
    pub min_coverage: f64,
    /// Whether stale units fail the document.
    pub stale_fails: bool,
    /// Whether coverage and staleness are within the bar and no finding is an error.
    pub passed: bool,
    /// Every finding, whole-file ones (coverage) first, then in file order.
    pub findings: Vec<FindingReport>,
}

/// One finding in a file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingReport {
    /// `error` (fails the check) or `warning`.
    pub severity: Severity,
    /// The check's stable name, e.g. `link-mismatch`, `coverage`.
    pub check: Check,
    /// 1-based line; absent for a finding about the whole file.
    pub line: Option<usize>,
    /// 1-based column; absent for a finding about the whole file.
    pub column: Option<usize>,
    /// The unit id, when the finding is about one.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// One locale's totals over the documents checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleVerdict {
    /// The locale.
    pub locale: String,
    /// Documents checked.
    pub documents: usize,
    /// Documents that did not pass.
    pub failed: usize,
    /// Unit counts by status.
    pub units: StatusCounts,
    /// Reference word counts by status.
    pub words: StatusCounts,
    /// Percent of all the reference words that are publishable, to one decimal.
    pub coverage: f64,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Whether every document passed.
    pub passed: bool,
}

/// One locale's status for one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StatusFile {
    /// The document name (its file stem).
    pub document: String,
    /// The locale.
    pub locale: String,
    /// The translation file, relative to the workspace root, `/`-separated.
    pub file: String,
    /// Unit counts by status.
    pub units: StatusCounts,
    /// English word counts by status (obsolete: the words of the English last confirmed).
    pub words: StatusCounts,
    /// English words whose unit is publishable.
    pub publishable_words: usize,
    /// Percent of the English words whose unit is publishable: the coverage `folio
    /// check` holds to the bar and `folio render` publishes by.
    pub coverage: f64,
    /// Every unit that is not current, in English order then file order.
    pub todo: Vec<UnitReport>,
    /// Syntax errors of the translation file.
    pub syntax_errors: Vec<ErrorReport>,
}

/// One unit that needs the translator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitReport {
    /// The unit id.
    pub id: String,
    /// Its status.
    pub status: Status,
    /// 1-based line of the translation in the locale's file.
    pub line: Option<usize>,
    /// Today's English; absent for an obsolete unit.
    pub english: Option<String>,
    /// The English the translation was confirmed against.
    pub confirmed: Option<String>,
    /// The translation that was confirmed.
    pub confirmed_translation: Option<String>,
    /// The translation as text, when there is a valid one.
    pub translation: Option<String>,
    /// English words of the unit.
    pub words: usize,
    /// Whether the record has an entry for the unit.
    pub recorded: bool,
    /// For a stale or updated unit, the word diff of the English from `confirmed` to
    /// `english`.
    pub diff: Option<Vec<DiffPart>>,
    /// For an updated unit, the word diff of the translation from
    /// `confirmed_translation` to `translation`.
    pub translation_diff: Option<Vec<DiffPart>>,
}

/// A syntax error in a translation file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ErrorReport {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What the parser expected.
    pub message: String,
    /// The offending line.
    pub line_text: String,
}

/// One locale's totals in `folio status`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocaleStatus {
    /// The locale.
    pub locale: String,
    /// Documents.
    pub documents: usize,
    /// Unit counts by status.
    pub units: StatusCounts,
    /// English word counts by status.
    pub words: StatusCounts,
    /// Percent of all the English words whose unit is publishable.
    pub coverage: f64,
}

/// One issue of `folio check --format gitlab`, which writes a JSON array of them: GitLab's
/// Code Quality report (a subset of the Code Climate issue), shown on merge requests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeQualityIssue {
    /// The finding's message, with its locale and unit id.
    pub description: String,
    /// `folio/` and the check's name, e.g. `folio/link-mismatch`.
    pub check_name: String,
    /// Stable across runs and line shifts, unique within the report: a hash of the
    /// check, the file, the unit id and the message (and, for a repeat, its ordinal).
    pub fingerprint: String,
    /// `major` for an error, `minor` for a warning.
    pub severity: String,
    /// Where.
    pub location: CodeQualityLocation,
}

/// Where a Code Quality issue is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeQualityLocation {
    /// The file, relative to the repository root, `/`-separated.
    pub path: String,
    /// Its lines.
    pub lines: CodeQualityLines,
}

/// The line of a Code Quality issue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CodeQualityLines {
    /// 1-based; 1 for a finding about the whole file.
    pub begin: usize,
}

/// The version of `folio render --report json`.
pub const RENDER_VERSION: u32 = 1;

/// `folio render --report json`: what a render published, withdrew, refused and left
/// out, and why — or, with `--dry-run`, what it would. Paths are relative to `out`,
/// `/`-separated; every list is sorted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RenderReport {
    /// [`RENDER_VERSION`].
    pub version: u32,
    /// Whether nothing was written (`--dry-run`).
    pub dry_run: bool,
    /// The site folder, as given.
    pub out: String,
    /// `[render] base-url`, or none: then links are relative and there is no sitemap.
    pub base_url: Option<String>,
    /// The article pages written.
    pub pages: Vec<PageReport>,
    /// The other files written: indexes, 404 pages, `sitemap.xml`, `robots.txt`.
    pub site_files: Vec<String>,
    /// Files Folio would have written but left as they are: the publisher's own.
    pub kept: Vec<String>,
    /// Pages of the previous site removed.
    pub withdrawn: Vec<String>,
    /// Locales refused for their disclaimer: nothing of theirs is published.
    pub refused: Vec<RefusedLocale>,
    /// Articles not published in a locale, below `[render] min-coverage`.
    pub below: Vec<BelowBar>,
    /// Units left out of published pages for their errors (shown from the fallback).
    pub left_out: Vec<LeftOutUnits>,
}

/// One article page written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageReport {
    /// Path relative to the site folder.
    pub path: String,
    /// BCP 47 tag.
    pub locale: String,
    /// The article.
    pub article: String,
    /// Its absolute URL, under a base URL.
    pub url: Option<String>,
}

/// A locale refused for its disclaimer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusedLocale {
    /// BCP 47 tag.
    pub locale: String,
    /// Each disclaimer unit that is not publishable, and why.
    pub units: Vec<RefusedUnit>,
}

/// A disclaimer unit keeping its locale from being published.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RefusedUnit {
    /// The unit id.
    pub id: String,
    /// Why, in words (`missing`, `stale`, …).
    pub why: String,
}

/// An article not published in a locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BelowBar {
    /// BCP 47 tag.
    pub locale: String,
    /// The article.
    pub article: String,
    /// Percent of its English words current in the locale, to one decimal.
    pub coverage: f64,
    /// The publishing threshold.
    pub min_coverage: f64,
}

/// Units of a published page shown from the fallback for their errors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeftOutUnits {
    /// BCP 47 tag.
    pub locale: String,
    /// The article.
    pub article: String,
    /// Each unit and the checks it fails.
    pub units: Vec<LeftOutUnit>,
}

/// One unit left out.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LeftOutUnit {
    /// The unit id.
    pub id: String,
    /// The checks it fails.
    pub checks: Vec<String>,
}

/// A percentage to one decimal, as reports show it.
pub fn round(percent: f64) -> f64 {
    (percent * 10.0).round() / 10.0
}
