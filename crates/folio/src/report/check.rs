//! `folio check`'s report in each format, fed one checked file at a time.

use std::collections::BTreeMap;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

use codespan_reporting::term::termcolor::WriteColor;
use folio_check::{Check, Finding, Severity};
use folio_policy::percent;
use folio_track::StatusCounts;
use serde::{Deserialize, Serialize};

use super::wire::{
    CheckReport, CheckedFile, CodeQualityIssue, CodeQualityLines, CodeQualityLocation,
    LocaleVerdict, VERSION, round,
};
use super::{Format, JsonStream};
use crate::diagnostics::Reporter;

/// How many findings of one check the human report shows as snippets; the rest are
/// counted (`--format json` lists every one).
const SNIPPETS_PER_CHECK: usize = 10;

/// One translation file checked: its wire entry, and what snippets need. Kept in the
/// cache without its text, which is read again when there are findings to show.
#[derive(Serialize, Deserialize)]
pub struct CheckItem {
    /// The entry of the report.
    pub wire: CheckedFile,
    /// The file, as the snippets name it.
    pub path: PathBuf,
    /// Its text when it has findings (empty otherwise: nothing to point into).
    #[serde(skip)]
    pub text: String,
    /// Its findings with byte offsets, for snippets.
    pub findings: Vec<Finding>,
}

/// Per-locale totals, added up as files come.
#[derive(Default)]
pub struct Totals {
    locales: BTreeMap<String, Sums>,
}

#[derive(Default)]
struct Sums {
    documents: usize,
    failed: usize,
    units: StatusCounts,
    words: StatusCounts,
    publishable_words: usize,
    errors: usize,
    warnings: usize,
}

impl Totals {
    /// Adds one file.
    pub fn add(&mut self, file: &CheckedFile) {
        let sums = self.locales.entry(file.locale.clone()).or_default();
        sums.documents += 1;
        sums.failed += usize::from(!file.passed);
        sums.units.add_all(&file.units);
        sums.words.add_all(&file.words);
        sums.publishable_words += file.publishable_words;
        for finding in &file.findings {
            match finding.severity {
                Severity::Error => sums.errors += 1,
                Severity::Warning => sums.warnings += 1,
            }
        }
    }

    /// Each locale's verdict, sorted by tag.
    pub fn verdicts(&self) -> Vec<LocaleVerdict> {
        self.locales
            .iter()
            .map(|(locale, s)| LocaleVerdict {
                locale: locale.clone(),
                documents: s.documents,
                failed: s.failed,
                units: s.units,
                words: s.words,
                coverage: round(percent(s.publishable_words, s.words.english_total())),
                errors: s.errors,
                warnings: s.warnings,
                passed: s.failed == 0,
            })
            .collect()
    }
}

/// The fields of [`CheckReport`] after `documents`.
#[derive(Serialize)]
struct Tail<'a> {
    locales: &'a [LocaleVerdict],
    errors: &'a [String],
    passed: bool,
}

/// Prints `folio check`'s report in one format as files come, adding up the totals,
/// then the totals.
pub struct CheckReporter<'o, W: WriteColor> {
    sink: Sink<'o, W>,
    totals: Totals,
    /// Whether the report is of a workspace (its next steps are `folio status`), not of a
    /// Fluent tree.
    workspace: bool,
}

/// The environment variable naming the file GitHub Actions shows as a step's summary.
pub const STEP_SUMMARY: &str = "GITHUB_STEP_SUMMARY";

/// Where each format's report goes, and what it keeps until the end.
enum Sink<'o, W: WriteColor> {
    /// Snippets as files come; tables and the summary at the end.
    Human(Human<'o, W>),
    /// The report, streamed.
    Json(JsonStream<'o, W>),
    /// Workflow commands, kept until the end to be given in order of use.
    Github(Github<'o, W>),
    /// GitLab Code Quality issues, streamed as a JSON array.
    Gitlab(Gitlab<'o, W>),
}

/// `--format gitlab`'s state: the array is written as files come.
pub struct Gitlab<'o, W> {
    out: &'o mut W,
    paths: RepositoryPaths,
    issues: super::Entries,
}

impl<W: Write> Gitlab<'_, W> {
    /// Writes one file's findings as issues.
    fn file(&mut self, file: &CheckedFile) -> io::Result<()> {
        let path = self.paths.of(&file.file);
        // Repeats of one finding in a file (the same check, id and message) get their
        // ordinal in the hash: GitLab shows one issue per fingerprint.
        let mut seen: BTreeMap<u128, usize> = BTreeMap::new();
        for finding in &file.findings {
            let key = format!(
                "{}\0{path}\0{}\0{}",
                finding.check.name(),
                finding.id.as_deref().unwrap_or_default(),
                finding.message
            );
            let hash = xxhash_rust::xxh3::xxh3_128(key.as_bytes());
            let repeat = seen.entry(hash).or_default();
            let fingerprint = match *repeat {
                0 => hash,
                n => xxhash_rust::xxh3::xxh3_128(format!("{key}\0{n}").as_bytes()),
            };
            *repeat += 1;
            let subject = match &finding.id {
                Some(id) => format!("{} {id}: ", file.locale),
                None => format!("{}: ", file.locale),
            };
            let issue = CodeQualityIssue {
                description: format!("{subject}{}", finding.message),
                check_name: format!("folio/{}", finding.check.name()),
                fingerprint: format!("{fingerprint:032x}"),
                severity: match finding.severity {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                }
                .to_owned(),
                location: CodeQualityLocation {
                    path: path.clone(),
                    lines: CodeQualityLines {
                        begin: finding.line.unwrap_or(1),
                    },
                },
            };
            self.issues.write(self.out, &issue)?;
        }
        Ok(())
    }

    /// Closes the array.
    fn finish(self) -> io::Result<()> {
        let close = if self.issues.count == 0 { "]" } else { "\n]" };
        writeln!(self.out, "{close}")
    }
}

/// `--format github`'s state. GitHub shows a step's first 10 error annotations (and 10
/// warnings), so they are kept and written at the end, the most useful first: quality
/// errors on their lines, stale units on theirs, whole-file errors, then warnings. An
/// annotation is a line of text, a finding's worth; holding them is holding the
/// findings, which a report of the size GitHub reads keeps small.
pub struct Github<'o, W> {
    out: &'o mut W,
    paths: RepositoryPaths,
    /// (rank, workflow command), in document order within a rank.
    annotations: Vec<(u8, String)>,
}

/// Turns a report's file paths (relative to `base`, the workspace root or the current
/// folder) into paths relative to the repository root, as CI annotations need them.
pub struct RepositoryPaths {
    /// The repository root (or, outside any, the current folder), absolute.
    anchor: Option<PathBuf>,
    /// `base`, absolute.
    base: Option<PathBuf>,
}

impl RepositoryPaths {
    /// Paths under `base`, named from the first folder above it holding `.git` (no git
    /// process is asked); outside a repository, from the current folder.
    pub fn new(base: &Path) -> Self {
        let anchor = folio_workspace::repository_root(base)
            .or_else(|| folio_workspace::resolve(Path::new(".")).ok());
        RepositoryPaths {
            anchor,
            base: folio_workspace::resolve(base).ok(),
        }
    }

    /// `file` (a report's `/`-separated path) relative to the anchor, `/`-separated; as
    /// it is when it is not under the anchor.
    pub fn of(&self, file: &str) -> String {
        let (Some(anchor), Some(base)) = (&self.anchor, &self.base) else {
            return file.to_owned();
        };
        let joined = normalize(&base.join(file));
        match joined.strip_prefix(anchor) {
            Ok(relative) => relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy())
                .collect::<Vec<_>>()
                .join("/"),
            Err(_) => file.to_owned(),
        }
    }
}

/// `path` with `.` and `..` applied, without asking the file system.
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The human report's state.
pub struct Human<'o, W> {
    out: &'o mut W,
    /// `--documents`: the per-document rows, printed before the totals.
    rows: Option<Vec<CheckedFile>>,
    /// Findings shown as snippets, and not shown, by check.
    shown: BTreeMap<Check, usize>,
    hidden: BTreeMap<Check, usize>,
}

impl<'o, W: WriteColor> CheckReporter<'o, W> {
    /// A reporter writing to `out`; `documents` asks the human format for the
    /// per-document table; `base` is the folder the report's paths are relative to (the
    /// workspace root, or the current folder), from which CI formats find the repository.
    pub fn new(format: Format, out: &'o mut W, documents: bool, base: &Path) -> io::Result<Self> {
        let sink = match format {
            Format::Human => Sink::Human(Human {
                out,
                rows: documents.then(Vec::new),
                shown: BTreeMap::new(),
                hidden: BTreeMap::new(),
            }),
            Format::Json => Sink::Json(JsonStream::begin(out, VERSION)?),
            Format::Gitlab => {
                write!(out, "[")?;
                Sink::Gitlab(Gitlab {
                    out,
                    paths: RepositoryPaths::new(base),
                    issues: super::Entries::at(b"  "),
                })
            }
            Format::Github => Sink::Github(Github {
                out,
                paths: RepositoryPaths::new(base),
                annotations: Vec::new(),
            }),
        };
        Ok(CheckReporter {
            sink,
            totals: Totals::default(),
            workspace: true,
        })
    }

    /// Marks the report as generic mode's (`--locales`): no workspace commands to suggest.
    pub fn of_tree(mut self) -> Self {
        self.workspace = false;
        self
    }

    /// Reports one checked file.
    pub fn file(&mut self, item: CheckItem, reporter: &mut Reporter) -> io::Result<()> {
        self.totals.add(&item.wire);
        match &mut self.sink {
            Sink::Json(stream) => stream.item(&item.wire),
            Sink::Gitlab(gitlab) => gitlab.file(&item.wire),
            Sink::Github(github) => {
                let file = github.paths.of(&item.wire.file);
                github_file(&mut github.annotations, &file, &item.wire);
                Ok(())
            }
            Sink::Human(human) => {
                human.file(item, reporter);
                Ok(())
            }
        }
    }

    /// Ends the report with the totals and `errors`, what could not be checked; returns
    /// the verdict: every locale within the bar and nothing that could not be checked.
    pub fn finish(self, errors: &[String]) -> io::Result<bool> {
        let locales = &self.totals.verdicts();
        let passed = errors.is_empty() && locales.iter().all(|l| l.passed);
        let verdict = summary_verdict(passed, errors.len());
        let (error_count, warning_count) = locales
            .iter()
            .fold((0, 0), |(e, w), l| (e + l.errors, w + l.warnings));
        match self.sink {
            Sink::Json(stream) => stream.end(&Tail {
                locales,
                errors,
                passed,
            })?,
            Sink::Gitlab(gitlab) => gitlab.finish()?,
            Sink::Github(mut github) => {
                github.annotations.sort_by_key(|(rank, _)| *rank);
                for (_, annotation) in &github.annotations {
                    writeln!(github.out, "{annotation}")?;
                }
                writeln!(
                    github.out,
                    "folio check {}: {error_count} error(s), {warning_count} warning(s)",
                    verdict.to_lowercase()
                )?
            }
            Sink::Human(human) => human.finish(locales, &verdict, error_count, warning_count)?,
        }
        // Any format: a CI run's summary page shows the verdict without the log.
        if let Some(path) = std::env::var_os(STEP_SUMMARY).filter(|p| !p.is_empty()) {
            let summary = step_summary(locales, errors, &verdict, self.workspace);
            folio_workspace::append_text(Path::new(&path), &summary).map_err(io::Error::other)?;
        }
        Ok(passed)
    }
}

impl<W: WriteColor> Human<'_, W> {
    fn file(&mut self, item: CheckItem, reporter: &mut Reporter) {
        let verbose = reporter.verbosity().is_verbose();
        for finding in item.wire.findings.iter().filter(|f| f.line.is_none()) {
            if self.show(finding.check, verbose) {
                match finding.severity {
                    Severity::Error => reporter.whole_file_finding(
                        &item.wire.file,
                        finding.check.name(),
                        &finding.message,
                    ),
                    // `missing-unit`: a warning about the whole file.
                    Severity::Warning => reporter.finding_line(
                        &item.wire.file,
                        finding.severity,
                        finding.check.name(),
                        &finding.message,
                    ),
                }
            }
        }
        if item.findings.is_empty() {
            // A merged report has no texts to point into: each finding by its place.
            for finding in &item.wire.findings {
                if let (Some(line), Some(column)) = (finding.line, finding.column)
                    && self.show(finding.check, verbose)
                {
                    let id = finding
                        .id
                        .as_deref()
                        .map_or(String::new(), |id| format!("{id}: "));
                    reporter.finding_line(
                        &format!("{}:{line}:{column}", item.wire.file),
                        finding.severity,
                        finding.check.name(),
                        &format!("{id}{}", finding.message),
                    );
                }
            }
        }
        let shown: Vec<Finding> = item
            .findings
            .into_iter()
            .filter(|f| self.show(f.check, verbose))
            .collect();
        // Named as the report names the file (relative), whichever way it was read.
        reporter.findings(std::path::Path::new(&item.wire.file), &item.text, &shown);
        if let Some(rows) = &mut self.rows {
            rows.push(item.wire);
        }
    }

    /// Counts a finding of `check`; whether its snippet is shown (always with `-v`).
    fn show(&mut self, check: Check, verbose: bool) -> bool {
        if verbose {
            return true;
        }
        let shown = self.shown.entry(check).or_default();
        if *shown < SNIPPETS_PER_CHECK {
            *shown += 1;
            true
        } else {
            *self.hidden.entry(check).or_default() += 1;
            false
        }
    }

    fn finish(
        self,
        locales: &[LocaleVerdict],
        verdict: &str,
        errors: usize,
        warnings: usize,
    ) -> io::Result<()> {
        let out = self.out;
        if !self.hidden.is_empty() {
            let hidden: Vec<String> = self
                .hidden
                .iter()
                .map(|(check, n)| format!("{n} {}", check.name()))
                .collect();
            writeln!(
                out,
                "Not shown: {} more finding(s) ({}); `--format json` lists every one.\n",
                self.hidden.values().sum::<usize>(),
                hidden.join(", ")
            )?;
        }
        if let Some(rows) = &self.rows {
            document_table(out, rows)?;
            writeln!(out)?;
        }
        writeln!(
            out,
            "{:<8} {:>9} {:>6} {:>9} {:>7} {:>5} {:>7} {:>6} {:>8}  verdict",
            "locale",
            "documents",
            "failed",
            "coverage",
            "missing",
            "stale",
            "invalid",
            "errors",
            "warnings"
        )?;
        for l in locales {
            writeln!(
                out,
                "{:<8} {:>9} {:>6} {:>8.1}% {:>7} {:>5} {:>7} {:>6} {:>8}  {}",
                l.locale,
                l.documents,
                l.failed,
                l.coverage,
                l.units.missing,
                l.units.stale,
                l.units.invalid,
                l.errors,
                l.warnings,
                if l.passed { "ok" } else { "FAIL" }
            )?;
        }
        let failed: Vec<&str> = locales
            .iter()
            .filter(|l| !l.passed)
            .map(|l| l.locale.as_str())
            .collect();
        writeln!(
            out,
            "\n{verdict}: {errors} error(s), {warnings} warning(s){}",
            if failed.is_empty() {
                String::new()
            } else {
                format!("; under the bar: {}", failed.join(", "))
            }
        )
    }
}

/// The per-document table of `--documents`.
fn document_table(out: &mut impl Write, rows: &[CheckedFile]) -> io::Result<()> {
    let width = rows
        .iter()
        .map(|d| d.document.len())
        .max()
        .unwrap_or(8)
        .max(8);
    writeln!(
        out,
        "{:<8} {:<width$} {:>9} {:>7} {:>7} {:>5} {:>7} {:>6}  verdict",
        "locale", "document", "coverage", "bar", "missing", "stale", "invalid", "errors"
    )?;
    for d in rows {
        let errors = d
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count();
        writeln!(
            out,
            "{:<8} {:<width$} {:>8.1}% {:>6.1}% {:>7} {:>5} {:>7} {:>6}  {}",
            d.locale,
            d.document,
            d.coverage,
            d.min_coverage,
            d.units.missing,
            d.units.stale,
            d.units.invalid,
            errors,
            if d.passed { "ok" } else { "FAIL" }
        )?;
    }
    Ok(())
}

/// GitHub Actions workflow commands for one file, named `path`: one `::error` or
/// `::warning` per finding, each with its rank (see [`Github`]).
fn github_file(annotations: &mut Vec<(u8, String)>, path: &str, file: &CheckedFile) {
    for finding in &file.findings {
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let rank = match (finding.severity, finding.line, finding.check) {
            (Severity::Error, Some(_), Check::StaleUnit) => 1,
            (Severity::Error, Some(_), _) => 0,
            (Severity::Error, None, _) => 2,
            (Severity::Warning, Some(_), _) => 3,
            (Severity::Warning, None, _) => 4,
        };
        let mut properties = format!("file={}", escape_property(path));
        if let (Some(line), Some(column)) = (finding.line, finding.column) {
            properties.push_str(&format!(",line={line},col={column}"));
        }
        properties.push_str(&format!(
            ",title={}",
            escape_property(&format!("folio {}", finding.check.name()))
        ));
        let subject = match &finding.id {
            Some(id) => format!("{} {id}: ", file.locale),
            None => format!("{}: ", file.locale),
        };
        annotations.push((
            rank,
            format!(
                "::{level} {properties}::{}",
                escape_data(&format!("{subject}{}", finding.message))
            ),
        ));
    }
}

/// The Markdown GitHub Actions shows as the step's summary: the verdict, a row per
/// locale, and what to do next for each locale under the bar.
fn step_summary(
    locales: &[LocaleVerdict],
    errors: &[String],
    verdict: &str,
    workspace: bool,
) -> String {
    let mut md = format!("## folio check: {verdict}\n\n");
    md.push_str(
        "| locale | documents | failed | coverage | errors | warnings | verdict |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | --- |\n",
    );
    for l in locales {
        md.push_str(&format!(
            "| {} | {} | {} | {:.1}% | {} | {} | {} |\n",
            markdown_text(&l.locale),
            l.documents,
            l.failed,
            l.coverage,
            l.errors,
            l.warnings,
            if l.passed { "ok" } else { "**FAIL**" }
        ));
    }
    let failing: Vec<&LocaleVerdict> = locales.iter().filter(|l| !l.passed).collect();
    if !failing.is_empty() || !errors.is_empty() {
        md.push_str("\n### What to do next\n\n");
    }
    for l in failing {
        let locale = markdown_text(&l.locale);
        md.push_str(&if workspace {
            format!(
                "- `{locale}`: {} document(s) under the bar — `folio status {locale} --todo` \
                 lists the units to translate or confirm, `folio check {locale} --documents` \
                 the documents that fail\n",
                l.failed
            )
        } else {
            format!(
                "- `{locale}`: {} file(s) under the bar — fix the errors the annotations name \
                 and translate the missing strings\n",
                l.failed
            )
        });
    }
    for error in errors {
        md.push_str(&format!("- could not check: {}\n", markdown_text(error)));
    }
    md.push('\n');
    md
}

/// `text` safe in a Markdown table cell or list item: no new lines, pipes or HTML.
fn markdown_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\r', '\n'], " ")
        .replace('`', "'")
}

/// The summary's first words, agreeing with the exit status: 2 when input could not be
/// read, else 1 when the report did not pass, else 0.
fn summary_verdict(passed: bool, failures: usize) -> String {
    if failures > 0 {
        format!("could not complete ({failures} input error(s))")
    } else if passed {
        "passed".to_owned()
    } else {
        "FAILED".to_owned()
    }
}

/// Escapes a workflow command's message (GitHub's `escapeData`).
pub fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (GitHub's `escapeProperty`).
pub fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Combines the JSON reports of `--shard` jobs into the report of one unsharded run:
/// documents in (document, locale) order, totals added up again, errors kept once each
/// (every job reports what is not about one document, such as a bad locale folder).
/// Fails when two reports hold the same document in the same locale (a report given
/// twice, or shards that overlap): counted twice, it would skew the verdict.
pub fn merge(reports: Vec<CheckReport>) -> Result<CheckReport, String> {
    let mut documents: Vec<CheckedFile> =
        reports.iter().flat_map(|r| r.documents.clone()).collect();
    documents.sort_by(|a, b| (&a.document, &a.locale).cmp(&(&b.document, &b.locale)));
    if let Some(pair) = documents
        .windows(2)
        .find(|w| (&w[0].document, &w[0].locale) == (&w[1].document, &w[1].locale))
    {
        return Err(format!(
            "`{}` in `{}` is in two of the reports: give each shard's report once, from \
             jobs run with the same N",
            pair[0].document, pair[0].locale
        ));
    }
    let mut errors: Vec<String> = Vec::new();
    for error in reports.into_iter().flat_map(|r| r.errors) {
        if !errors.contains(&error) {
            errors.push(error);
        }
    }
    let mut totals = Totals::default();
    for document in &documents {
        totals.add(document);
    }
    let locales = totals.verdicts();
    let passed = errors.is_empty() && locales.iter().all(|l| l.passed);
    Ok(CheckReport {
        version: VERSION,
        documents,
        locales,
        errors,
        passed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_normalized_lexically() {
        assert_eq!(
            normalize(Path::new("/r/docs/./a/../locales/es.ftl")),
            Path::new("/r/docs/locales/es.ftl")
        );
    }

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
