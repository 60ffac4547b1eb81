//! `folio check`: coverage against thresholds plus quality checks, one verdict for CI —
//! for this workspace, or for any Fluent tree laid out as `DIR/<locale>/**/*.ftl`.
//!
//! # JSON wire format (`--format json`), version 1
//!
//! [`CheckReport`]: `{"version": 1, "passed": bool, "locales": [...], "findings": [...]}`.
//! Each [`LocaleVerdict`] lists its documents ([`DocumentVerdict`]: unit and word counts
//! by status, coverage, the bar, and whether it passed). [`FindingReport`]s carry severity,
//! check name, locale, file, position (absent for whole-file findings such as coverage),
//! unit id and message. Fields are only added within a version.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use codespan_reporting::term::termcolor::WriteColor;
use folio_check::{Check, CheckOptions, Finding, Severity, check_file};
use folio_ftl::{FtlFile, parse_ftl};
use folio_policy::{
    DisclaimerProblem, article_checks, defined_ids, disclaimer_problems, reference_units,
};
use folio_track::{Record, StatusCounts, UnitStatus, classify};
use folio_workspace::{FluentTree, WorkspaceError};
use rayon::prelude::*;
use serde::Serialize;

use crate::Outcome;
use crate::assess::{EnglishTexts, assess_locale, english_disclaimer_problem};
use crate::cli::{CheckArgs, CheckFormat, Cli};
use crate::diagnostics::{Reporter, stdout};
use crate::load::{open_workspace, select_locales};
use crate::status::slash_path;

/// The version of the JSON wire format.
pub const CHECK_SCHEMA_VERSION: u32 = 1;

/// `folio check --format json`: the whole verdict.
#[derive(Debug, Serialize)]
pub struct CheckReport {
    /// [`CHECK_SCHEMA_VERSION`].
    pub version: u32,
    /// Whether everything is within the bar (exit status 0). False when the check could
    /// not read or check everything (exit status 2), whatever it did check.
    pub passed: bool,
    /// One entry per locale, sorted.
    pub locales: Vec<LocaleVerdict>,
    /// Every finding, by locale, file and position.
    pub findings: Vec<FindingReport>,
}

/// One locale's verdict.
#[derive(Debug, Serialize)]
pub struct LocaleVerdict {
    /// The locale (its folder name).
    pub locale: String,
    /// Whether every document passed and no finding is an error.
    pub passed: bool,
    /// One entry per document (generic mode: per reference file), sorted.
    pub documents: Vec<DocumentVerdict>,
}

/// One locale's verdict on one document.
#[derive(Debug, Serialize)]
pub struct DocumentVerdict {
    /// The document name (generic mode: the file's path inside the locale folder).
    pub document: String,
    /// The translation file, relative to the workspace (or the current folder), `/`-separated.
    pub file: String,
    /// Unit (message and term) counts by status.
    pub units: StatusCounts,
    /// Reference word counts by status.
    pub words: StatusCounts,
    /// Percent of the reference words whose translation is current.
    pub coverage: f64,
    /// The least coverage that passes.
    pub min_coverage: f64,
    /// Whether stale units fail the document.
    pub stale_fails: bool,
    /// Whether coverage and staleness are within the bar and no finding is an error.
    pub passed: bool,
}

/// One finding.
#[derive(Debug, Serialize)]
pub struct FindingReport {
    /// `error` (fails the check) or `warning`.
    pub severity: Severity,
    /// The check's stable name, e.g. `link-mismatch`, `coverage`.
    pub check: Check,
    /// The locale.
    pub locale: String,
    /// The file, `/`-separated.
    pub file: String,
    /// 1-based line; absent for a finding about the whole file.
    pub line: Option<usize>,
    /// 1-based column; absent for a finding about the whole file.
    pub column: Option<usize>,
    /// The unit id, when the finding is about one.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// One translation file checked: what the report and the snippets need.
struct Checked {
    locale: String,
    document: String,
    path: PathBuf,
    file: String,
    text: String,
    units: StatusCounts,
    words: StatusCounts,
    coverage: f64,
    min_coverage: f64,
    stale_fails: bool,
    findings: Vec<Finding>,
    whole_file: Vec<(Check, String)>,
}

/// Runs `folio check`.
pub fn run(cli: &Cli, args: &CheckArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let checked = match (&args.locales, &args.reference) {
        (Some(dir), Some(reference)) => check_tree(dir, reference, args, reporter)?,
        _ => check_workspace(cli, args, reporter)?,
    };
    let failures = reporter.error_count();
    let mut report = build_report(&checked);
    // A check that could not read everything has not passed, whatever it did read: the
    // verdict must agree with the exit status.
    report.passed &= failures == 0;
    let mut out = stdout(cli.color);
    match args.format {
        CheckFormat::Human => print_human(&mut out, reporter, &report, &checked, failures)?,
        CheckFormat::Json => {
            crate::terminal::write_json(&mut out, &report)?;
            writeln!(out)?;
        }
        CheckFormat::Github => print_github(&mut out, &report, failures)?,
    }
    Ok(if failures > 0 {
        Outcome::Error
    } else if report.passed {
        Outcome::Clean
    } else {
        Outcome::Findings
    })
}

/// Workspace mode: every locale and document of folio.toml's workspace.
fn check_workspace(
    cli: &Cli,
    args: &CheckArgs,
    reporter: &mut Reporter,
) -> anyhow::Result<Vec<Checked>> {
    let workspace = open_workspace(cli)?;
    let locales = select_locales(&workspace, &args.only, reporter)?;
    let names = workspace.extracted_names()?;
    if names.is_empty() {
        anyhow::bail!("no English units: run `folio extract` first");
    }
    let english = EnglishTexts::read(&workspace, &names, reporter)?;
    let references = english.parse();
    let disclaimer = workspace.disclaimer_name();
    // Every page carries the English disclaimer: with no text, no locale can pass.
    if let Some(reference) = references.iter().find(|r| r.name == disclaimer)
        && let Some(problem) = english_disclaimer_problem(&workspace, reference)?
    {
        reporter.error(&problem);
    }
    let options = article_checks(workspace.config().check.proper_names.clone());

    let results: Vec<anyhow::Result<Vec<Checked>>> = locales
        .par_iter()
        .map(|locale| {
            let tag = locale.to_string();
            let (min_coverage, stale_fails) = workspace.config().check.bar(&tag);
            let mut checked = Vec::new();
            for (one, reference) in assess_locale(&workspace, locale, &references, &options)?
                .into_iter()
                .zip(&references)
            {
                let target = Target {
                    locale: &tag,
                    document: &one.document,
                    path: &one.path,
                    file: slash_path(&workspace, &one.path),
                    text: &one.text,
                };
                let problems = (one.document == disclaimer)
                    .then(|| disclaimer_problems(&reference.units, &one.assessment));
                let mut verdict = verdict(
                    target,
                    &one.assessment.statuses,
                    one.assessment.findings,
                    one.assessment.coverage,
                    (min_coverage, stale_fails),
                );
                if let Some(problems) = problems {
                    flag_disclaimer(&mut verdict, problems);
                }
                checked.push(verdict);
            }
            Ok(checked)
        })
        .collect();
    let mut checked = Vec::new();
    for result in results {
        match result {
            Ok(c) => checked.extend(c),
            Err(error) => reporter.fatal(&error),
        }
    }
    Ok(checked)
}

/// The guarantee that no page goes out without its disclaimer: every disclaimer unit
/// must be publishable and translated, exactly as `render` requires (one definition, in
/// `folio-policy`).
fn flag_disclaimer(checked: &mut Checked, problems: Vec<DisclaimerProblem>) {
    let index = folio_ftl::LineIndex::new(&checked.text);
    for problem in problems {
        let message = format!(
            "disclaimer unit `{}` is {}: no page can be published in `{}` until every \
             disclaimer unit is translated, current and free of errors",
            problem.id,
            problem.gap.describe(),
            checked.locale
        );
        match problem.line {
            Some(line) => {
                let offset = index.line_start(line);
                checked.findings.push(Finding {
                    severity: Severity::Error,
                    check: Check::DisclaimerNotCurrent,
                    id: Some(problem.id),
                    offset,
                    line,
                    column: 1,
                    message,
                });
            }
            None => checked
                .whole_file
                .push((Check::DisclaimerNotCurrent, message)),
        }
    }
    checked.findings.sort_by_key(|f| (f.offset, f.check));
}

/// Generic mode: any Fluent tree laid out as `DIR/<locale>/**/*.ftl`.
#[allow(clippy::disallowed_methods)] // moved by the pipeline rewrite
fn check_tree(
    dir: &Path,
    reference: &str,
    args: &CheckArgs,
    reporter: &mut Reporter,
) -> anyhow::Result<Vec<Checked>> {
    let reference_dir = dir.join(reference);
    if !reference_dir.is_dir() {
        anyhow::bail!(
            "{}: no such folder for the reference locale `{reference}`",
            reference_dir.display()
        );
    }
    // Links are followed only inside DIR; a link out of it or in a loop is reported and
    // skipped, and the rest of the tree is still checked.
    let tree = FluentTree::open(dir)?;
    let (reference_files, walk_errors) = tree.ftl_files(reference);
    for error in &walk_errors {
        reporter.error(error);
    }
    let reference_texts: Vec<(String, String)> = reference_files
        .iter()
        .map(|rel| {
            let text = tree
                .read_text(&reference_dir.join(rel))?
                .unwrap_or_default();
            Ok((rel.clone(), text))
        })
        .collect::<Result<_, WorkspaceError>>()?;
    let parsed: BTreeMap<&str, FtlFile<'_>> = reference_texts
        .iter()
        .map(|(r, t)| (r.as_str(), parse_ftl(t)))
        .collect();
    let (mut locales, locale_errors) = tree.locales()?;
    for error in &locale_errors {
        reporter.error(error);
    }
    locales.retain(|name| name != reference);
    if !args.only.is_empty() {
        locales.retain(|l| args.only.contains(l));
    }
    let options = CheckOptions {
        markdown: false,
        numbers: true,
        identical: false,
        proper_names: Vec::new(),
    };
    let min_coverage = args.min_coverage.unwrap_or(0.0);

    let results: Vec<anyhow::Result<(Vec<Checked>, Vec<WorkspaceError>)>> = locales
        .par_iter()
        .map(|locale| {
            let locale_dir = tree.locale_dir(locale);
            let (files, walk_errors) = tree.ftl_files(locale);
            let mut rels: BTreeSet<String> = files.into_iter().collect();
            rels.extend(reference_files.iter().cloned());
            let texts: Vec<(String, String)> = rels
                .iter()
                .map(|rel| {
                    let text = tree.read_text(&locale_dir.join(rel))?.unwrap_or_default();
                    Ok((rel.clone(), text))
                })
                .collect::<Result<_, WorkspaceError>>()?;
            let files: Vec<FtlFile<'_>> = texts.iter().map(|(_, t)| parse_ftl(t)).collect();
            let defined = defined_ids(files.iter());
            let empty = parse_ftl("");
            let mut checked = Vec::new();
            for ((rel, text), file) in texts.iter().zip(&files) {
                let path = locale_dir.join(rel);
                let reference = parsed.get(rel.as_str()).unwrap_or(&empty);
                checked.push(check_one(
                    Target {
                        locale,
                        document: rel,
                        path: &path,
                        file: slash(&path),
                        text,
                    },
                    reference,
                    file,
                    &Record::default(),
                    &defined,
                    &options,
                    (min_coverage, false),
                ));
            }
            Ok((checked, walk_errors))
        })
        .collect();
    // The reference is checked against itself: its syntax errors, duplicate ids and
    // unresolved references hurt every locale.
    let defined = defined_ids(parsed.values());
    let mut checked: Vec<Checked> = reference_texts
        .iter()
        .zip(parsed.values())
        .map(|((rel, text), file)| {
            let path = reference_dir.join(rel);
            let target = Target {
                locale: reference,
                document: rel,
                path: &path,
                file: slash(&path),
                text,
            };
            check_one(
                target,
                file,
                file,
                &Record::default(),
                &defined,
                &options,
                (0.0, false),
            )
        })
        .collect();
    for result in results {
        match result {
            Ok((c, walk_errors)) => {
                checked.extend(c);
                for error in &walk_errors {
                    reporter.error(error);
                }
            }
            Err(error) => reporter.fatal(&error),
        }
    }
    checked.sort_by(|a, b| (&a.locale, &a.document).cmp(&(&b.locale, &b.document)));
    Ok(checked)
}

fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// Which translation file a check is about.
struct Target<'a> {
    locale: &'a str,
    document: &'a str,
    path: &'a Path,
    file: String,
    text: &'a str,
}

/// Generic mode's check of one file: statuses, findings and coverage by status (an
/// application's strings are not published, so there is no publishing policy to apply).
fn check_one(
    target: Target<'_>,
    reference: &FtlFile<'_>,
    file: &FtlFile<'_>,
    record: &Record,
    defined: &BTreeSet<String>,
    options: &CheckOptions,
    bar: (f64, bool),
) -> Checked {
    let statuses: Vec<UnitStatus> = classify(
        &reference_units(reference),
        file,
        record,
        &options.proper_names,
    );
    let (units, words) = StatusCounts::tally(&statuses);
    let findings = check_file(reference, file, target.text, defined, options);
    verdict(target, &statuses, findings, coverage(&words, &units), bar)
}

/// One file's statuses, findings and coverage held to the bar.
fn verdict(
    target: Target<'_>,
    statuses: &[UnitStatus],
    findings: Vec<Finding>,
    coverage: f64,
    (min_coverage, stale_fails): (f64, bool),
) -> Checked {
    let (units, words) = StatusCounts::tally(statuses);
    let mut whole_file = Vec::new();
    if coverage + 1e-9 < min_coverage {
        whole_file.push((
            Check::Coverage,
            format!(
                "{coverage:.1}% of the reference words are translated, current and publishable; the bar is {min_coverage:.1}% \
                 ({} missing, {} stale, {} invalid)",
                units.missing, units.stale, units.invalid
            ),
        ));
    }
    if stale_fails && units.stale > 0 {
        whole_file.push((
            Check::Coverage,
            format!("{} stale unit(s): the English changed since they were translated (`folio status {} --diff`)", units.stale, target.locale),
        ));
    }
    Checked {
        locale: target.locale.to_owned(),
        document: target.document.to_owned(),
        path: target.path.to_path_buf(),
        file: target.file,
        text: target.text.to_owned(),
        units,
        words,
        coverage,
        min_coverage,
        stale_fails,
        findings,
        whole_file,
    }
}

/// Percent of reference words current; by units when the reference has no words.
fn coverage(words: &StatusCounts, units: &StatusCounts) -> f64 {
    let (part, whole) = match words.english_total() {
        0 => (units.current, units.english_total()),
        total => (words.current, total),
    };
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

fn build_report(checked: &[Checked]) -> CheckReport {
    let mut locales: BTreeMap<&str, LocaleVerdict> = BTreeMap::new();
    let mut findings = Vec::new();
    for c in checked {
        let errors =
            c.findings.iter().any(|f| f.severity == Severity::Error) || !c.whole_file.is_empty();
        let verdict = DocumentVerdict {
            document: c.document.clone(),
            file: c.file.clone(),
            units: c.units,
            words: c.words,
            coverage: (c.coverage * 10.0).round() / 10.0,
            min_coverage: c.min_coverage,
            stale_fails: c.stale_fails,
            passed: !errors,
        };
        let locale = locales.entry(&c.locale).or_insert_with(|| LocaleVerdict {
            locale: c.locale.clone(),
            passed: true,
            documents: Vec::new(),
        });
        locale.passed &= verdict.passed;
        locale.documents.push(verdict);
        for (check, message) in &c.whole_file {
            findings.push(FindingReport {
                severity: Severity::Error,
                check: *check,
                locale: c.locale.clone(),
                file: c.file.clone(),
                line: None,
                column: None,
                id: None,
                message: message.clone(),
            });
        }
        for f in &c.findings {
            findings.push(FindingReport {
                severity: f.severity,
                check: f.check,
                locale: c.locale.clone(),
                file: c.file.clone(),
                line: Some(f.line),
                column: Some(f.column),
                id: f.id.clone(),
                message: f.message.clone(),
            });
        }
    }
    let locales: Vec<LocaleVerdict> = locales.into_values().collect();
    let passed = locales.iter().all(|l| l.passed);
    CheckReport {
        version: CHECK_SCHEMA_VERSION,
        passed,
        locales,
        findings,
    }
}

fn print_human(
    out: &mut impl WriteColor,
    reporter: &mut Reporter,
    report: &CheckReport,
    checked: &[Checked],
    failures: usize,
) -> anyhow::Result<()> {
    let width = report
        .locales
        .iter()
        .flat_map(|l| &l.documents)
        .map(|d| d.document.len())
        .max()
        .unwrap_or(8)
        .max(8);
    writeln!(
        out,
        "{:<8} {:<width$} {:>9} {:>7} {:>7} {:>5} {:>7} {:>6}  verdict",
        "locale", "document", "coverage", "bar", "missing", "stale", "invalid", "errors"
    )?;
    // `checked` and the report's documents are both in (locale, document) order.
    let documents = report.locales.iter().flat_map(|l| &l.documents);
    for (c, document) in checked.iter().zip(documents) {
        let errors = c
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .count()
            + c.whole_file.len();
        writeln!(
            out,
            "{:<8} {:<width$} {:>8.1}% {:>6.1}% {:>7} {:>5} {:>7} {:>6}  {}",
            c.locale,
            document.document,
            document.coverage,
            document.min_coverage,
            document.units.missing,
            document.units.stale,
            document.units.invalid,
            errors,
            if document.passed { "ok" } else { "FAIL" }
        )?;
    }
    out.flush()?;
    for c in checked {
        for (check, message) in &c.whole_file {
            reporter.whole_file_finding(&c.file, check.name(), message);
        }
        reporter.findings(&c.path, &c.text, &c.findings);
    }
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let warnings = report.findings.len() - errors;
    let failed: Vec<&str> = report
        .locales
        .iter()
        .filter(|l| !l.passed)
        .map(|l| l.locale.as_str())
        .collect();
    writeln!(
        out,
        "\n{}: {errors} error(s), {warnings} warning(s){}",
        summary_verdict(report, failures),
        if failed.is_empty() {
            String::new()
        } else {
            format!("; under the bar: {}", failed.join(", "))
        }
    )?;
    Ok(())
}

/// GitHub Actions workflow commands: one `::error` or `::warning` line per finding.
fn print_github(
    out: &mut impl Write,
    report: &CheckReport,
    failures: usize,
) -> std::io::Result<()> {
    for finding in &report.findings {
        let level = match finding.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut properties = format!("file={}", escape_property(&finding.file));
        if let (Some(line), Some(column)) = (finding.line, finding.column) {
            properties.push_str(&format!(",line={line},col={column}"));
        }
        properties.push_str(&format!(
            ",title={}",
            escape_property(&format!("folio {}", finding.check.name()))
        ));
        let subject = match &finding.id {
            Some(id) => format!("{} {id}: ", finding.locale),
            None => format!("{}: ", finding.locale),
        };
        writeln!(
            out,
            "::{level} {properties}::{}",
            escape_data(&format!("{subject}{}", finding.message))
        )?;
    }
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    writeln!(
        out,
        "folio check {}: {errors} error(s), {} warning(s)",
        summary_verdict(report, failures).to_lowercase(),
        report.findings.len() - errors
    )
}

/// The summary's first words, agreeing with the exit status: 2 when input could not be
/// read (`failures`), else 1 when the report did not pass, else 0.
fn summary_verdict(report: &CheckReport, failures: usize) -> String {
    if failures > 0 {
        format!("could not complete ({failures} input error(s) above)")
    } else if report.passed {
        "passed".to_owned()
    } else {
        "FAILED".to_owned()
    }
}

/// Escapes a workflow command's message (GitHub's `escapeData`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a workflow command's property value (GitHub's `escapeProperty`).
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_are_escaped() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
