//! `folio check`: coverage against thresholds plus quality checks, one verdict for CI —
//! for this workspace, or for any Fluent tree laid out as `DIR/<locale>/**/*.ftl`; and
//! `--merge`, which combines the JSON of `--shard` jobs into one verdict.
//!
//! Documents stream through `folio-pipeline` and out through the reporter
//! (`report::check`): memory holds a round of documents and the per-locale totals.

use std::collections::HashSet;
use std::io::Write;
use std::path::Path;

use folio_check::{Check, CheckOptions, Finding, Severity, TermSeverities, Termbase};
use folio_pipeline::{
    Cache, DocumentAssessment, EnglishError, EnglishFindings, Input, LocaleAssessment,
    TreeLocaleFile, TreeRun, assess_document, document_inputs, english_findings, for_each_in_order,
};
use folio_policy::{
    Bar, DisclaimerProblem, UnitFindings, WholeFileFinding, article_checks, below_bar,
    disclaimer_findings, disclaimer_problems, format_date, new_work, no_file_yet, parse_date,
    percent, unit_findings,
};
use folio_track::StatusCounts;
use folio_workspace::{FindingLevel, FluentTree, Workspace, WorkspaceError, parse_layout};

use crate::Outcome;
use crate::cli::{CheckArgs, Cli};
use crate::diagnostics::{Reporter, stdout};
use crate::load::{
    DocumentError, english_disclaimer_problem, open_workspace, report, select_locales,
};
use crate::progress::Progress;
use crate::report::check::{CheckItem, CheckReporter, merge};
use crate::report::wire::{CheckReport, CheckedFile, FindingReport, round};
use crate::status::slash_path;

/// What a cached check item holds, beside Folio's version: changed when the findings
/// of an unchanged input change within a version.
const CACHE_FORMAT: &str = "unit findings";

/// Runs `folio check`.
pub fn run(cli: &Cli, args: &CheckArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    if !args.merge.is_empty() {
        return run_merge(cli, args, reporter);
    }
    let mut out = stdout(cli.color);
    let outcome = match (&args.locales, &args.reference) {
        (Some(dir), Some(reference)) => {
            let tree = FluentTree::open(dir)?;
            let (names, _) = tree.locales()?;
            if !names.contains(reference) {
                anyhow::bail!(
                    "{}: no such folder for the reference locale `{reference}` (locales here: {})",
                    tree.locale_dir(reference).display(),
                    names.join(", ")
                );
            }
            let terms = match &args.terms {
                Some(path) => Some(folio_workspace::read_terms(path, &names)?),
                None => None,
            };
            let (run, walk_errors) = TreeRun::open(tree, reference, &args.only)?;
            for error in &walk_errors {
                reporter.error(error);
            }
            let mut printer =
                CheckReporter::new(args.format, &mut out, args.documents, Path::new("."))?
                    .of_tree();
            let options = CheckOptions {
                markdown: false,
                numbers: true,
                identical: false,
                proper_names: Vec::new(),
                terms: terms.map(|t| Termbase::new(&t.terms)),
                ..CheckOptions::default()
            };
            check_tree(&run, args, &options, cli.quiet, reporter, &mut printer)?;
            finish(printer, reporter)
        }
        _ => {
            let workspace = open_workspace(cli)?;
            let locales = select_locales(&workspace, &args.only, reporter)?;
            let all = workspace.extracted_names()?;
            if all.is_empty() {
                anyhow::bail!("no English units: run `folio extract` first");
            }
            // `--document` and `--changed-since`: the (document, locale) pairs to read.
            let (selection, chosen) = crate::select::plan(
                &workspace,
                &all,
                &locales,
                (&args.document, args.changed_since.as_deref()),
                reporter,
            )?;
            let names = args.shard.select(chosen);
            let disclaimer = workspace.disclaimer_name();
            // Every page carries the English disclaimer: with no text, no locale can pass.
            if names.contains(&disclaimer)
                && let Some(problem) = english_disclaimer_problem(&workspace, reporter)?
            {
                reporter.error(&problem);
            }
            let mut printer =
                CheckReporter::new(args.format, &mut out, args.documents, workspace.root())?;
            let config =
                workspace.read_text(&workspace.root().join(folio_workspace::CONFIG_FILE))?;
            let terms = workspace.terms()?;
            let today = today()?;
            // Grace depends on the day, so with grace a cached result lasts a day.
            let day = match workspace.config().check.grace_days {
                0 => String::new(),
                _ => format_date(today),
            };
            // The termbase shapes every document's findings, as folio.toml does.
            let terms_text = terms.as_ref().map_or("", |t| t.text.as_str());
            let cache = (!args.no_cache).then(|| {
                Cache::new(
                    &workspace,
                    "check",
                    &[&config, CACHE_FORMAT, &day, terms_text],
                )
            });
            check_workspace(
                &workspace,
                &names,
                crate::select::Pairs {
                    selection: &selection,
                    locales: &locales,
                },
                Run {
                    cache: cache.as_ref(),
                    today,
                    options: workspace_checks(&workspace, terms.as_ref()),
                },
                cli.quiet,
                reporter,
                &mut printer,
            )?;
            finish(printer, reporter)
        }
    }?;
    out.flush()?;
    Ok(outcome)
}

/// Ends the report and picks the exit status: 2 when anything could not be read or
/// checked, 1 when a locale is under the bar, else 0.
fn finish<W: codespan_reporting::term::termcolor::WriteColor>(
    printer: CheckReporter<'_, W>,
    reporter: &Reporter,
) -> anyhow::Result<Outcome> {
    let errors = reporter.error_messages();
    let passed = printer.finish(errors)?;
    Ok(outcome(passed, errors.len()))
}

fn outcome(passed: bool, failures: usize) -> Outcome {
    if failures > 0 {
        Outcome::Error
    } else if passed {
        Outcome::Clean
    } else {
        Outcome::Findings
    }
}

/// What a workspace run holds every document to.
struct Run<'c> {
    /// The cache, unless `--no-cache`.
    cache: Option<&'c Cache<'c>>,
    /// The day grace for new work is counted to.
    today: i64,
    /// The checks.
    options: CheckOptions,
}

/// The checks of a workspace: an article's, with the termbase's terminology and the
/// length limits of `folio.toml`. Only `check` runs these two: their findings keep no
/// unit off a page, so `render` and `status` have no use for them.
fn workspace_checks(
    workspace: &Workspace,
    terms: Option<&folio_workspace::Termbase>,
) -> CheckOptions {
    let settings = &workspace.config().check;
    let level = |level: FindingLevel| match level {
        FindingLevel::Error => Some(Severity::Error),
        FindingLevel::Warning => Some(Severity::Warning),
        FindingLevel::Off => None,
    };
    CheckOptions {
        terms: terms.map(|t| Termbase::new(&t.terms)),
        terminology: TermSeverities {
            missing: level(settings.terminology.missing),
            forbidden: level(settings.terminology.forbidden),
        },
        length: Some(folio_pipeline::length_limits(settings)),
        ..article_checks(settings.proper_names.clone())
    }
}

/// Workspace mode: each document's English read once, then every locale's translation
/// assessed (`folio-pipeline`), documents in parallel, reported in order. A document
/// whose files are all unchanged since the last run is taken from the cache (kept for
/// `today`, the day grace for new work is counted to).
fn check_workspace<W: codespan_reporting::term::termcolor::WriteColor>(
    workspace: &Workspace,
    names: &[String],
    pairs: crate::select::Pairs<'_>,
    run: Run<'_>,
    quiet: bool,
    reporter: &mut Reporter,
    printer: &mut CheckReporter<'_, W>,
) -> anyhow::Result<()> {
    let Run {
        cache,
        today,
        options,
    } = run;
    let disclaimer = workspace.disclaimer_name();
    let grace = workspace.config().check.grace_days > 0;
    let work = |name: &String| -> Result<Vec<Result<CheckItem, WorkspaceError>>, EnglishError> {
        let chosen = pairs.locales_of(name);
        let locales = &chosen[..];
        let mut inputs = document_inputs(workspace, name, locales);
        if grace {
            // The front matter's `date` is in the layout.
            inputs.push(workspace.layout_path(name));
        }
        if let Some(items) = cache.and_then(|c| c.get::<Vec<CheckItem>>(name, &inputs)) {
            return Ok(items
                .into_iter()
                .map(|item| with_text(workspace, item))
                .collect());
        }
        let DocumentAssessment {
            name,
            english,
            locales,
            mut inputs,
            overlong,
        } = assess_document(workspace, name, locales, &options)?;
        let date = if grace {
            document_date(workspace, &name, &mut inputs)?
        } else {
            None
        };
        // Read last, so the cache finds the inputs every run reads first.
        let english_own = (!overlong.is_empty())
            .then(|| english_findings(workspace, &name, &overlong, &mut inputs));
        // A document of 40 locales reads some 80 files: a set, not a scan per locale.
        let read: HashSet<&Path> = (inputs.iter())
            .filter(|i| i.stamp.is_some())
            .map(|i| i.path.as_path())
            .collect();
        let exists = |path: &Path| read.contains(path);
        let mut items: Vec<Result<CheckItem, WorkspaceError>> = locales
            .into_iter()
            .map(|one| {
                let one = one?;
                let problems =
                    (name == disclaimer).then(|| disclaimer_problems(&english, &one.assessment));
                let file = exists(&one.path);
                let work = NewWorkFacts {
                    file,
                    started: file || exists(&workspace.record_path(&one.locale, &name)),
                    date,
                    today,
                };
                Ok(workspace_item(workspace, &name, one, problems, work))
            })
            .collect();
        if let Some(english_own) = english_own {
            // In locale order, as `--merge` sorts entries.
            let tag = workspace.reference().to_string();
            let at = chosen.iter().filter(|l| l.to_string() < tag).count();
            let item = english_own.map(|own| english_item(workspace, &name, &english, own));
            items.insert(at, item);
        }
        if let Some(cache) = cache
            && items.iter().all(Result::is_ok)
        {
            let kept: Vec<&CheckItem> = items.iter().flatten().collect();
            cache.put(&name, inputs, &kept);
        }
        Ok(items)
    };
    let mut progress = Progress::new(names.len(), quiet);
    for_each_in_order(names, work, |document| {
        let prints = document.as_ref().map_or(true, |items| {
            items
                .iter()
                .any(|item| item.as_ref().map_or(true, |i| !i.wire.findings.is_empty()))
        });
        progress.done_one(prints, || -> anyhow::Result<()> {
            match document {
                Ok(items) => {
                    for item in items {
                        match item {
                            Ok(item) => {
                                printer.file(item, reporter)?;
                            }
                            Err(error) => reporter.error(&error),
                        }
                    }
                }
                Err(error) => report(reporter, workspace, &DocumentError::from(error)),
            }
            Ok(())
        })
    })
}

/// A cached item with the text its snippets point into, read again when it has findings.
fn with_text(workspace: &Workspace, mut item: CheckItem) -> Result<CheckItem, WorkspaceError> {
    if !item.findings.is_empty() {
        item.text = workspace
            .read_text_if_exists(&item.path)?
            .unwrap_or_default();
    }
    Ok(item)
}

/// Today, in days since 1970-01-01 (UTC): `FOLIO_TODAY` (`YYYY-MM-DD`) when set, for
/// tests and reproducible CI runs, else the clock.
fn today() -> anyhow::Result<i64> {
    if let Some(value) = std::env::var_os("FOLIO_TODAY") {
        let text = value.to_string_lossy();
        return parse_date(&text)
            .ok_or_else(|| anyhow::anyhow!("FOLIO_TODAY={text}: not a date (YYYY-MM-DD)"));
    }
    let since_epoch = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default();
    Ok((since_epoch.as_secs() / 86_400) as i64)
}

/// The day in the front matter `date` of document `name`'s layout (`None` when it has
/// no layout, no date or one that is not `YYYY-MM-DD` / RFC 3339), recording the layout
/// as an input.
fn document_date(
    workspace: &Workspace,
    name: &str,
    inputs: &mut Vec<Input>,
) -> Result<Option<i64>, EnglishError> {
    let path = workspace.layout_path(name);
    let text = Input::read(workspace, path.clone(), inputs)?;
    let Some(text) = text else { return Ok(None) };
    let layout = parse_layout(&text).map_err(|message| WorkspaceError::Layout { path, message })?;
    Ok(layout
        .front_matter
        .as_ref()
        .and_then(|front| front.get("date"))
        .and_then(|date| date.as_str())
        .and_then(parse_date))
}

/// What [`workspace_item`] needs to tell new work and a file not there yet.
struct NewWorkFacts {
    /// Whether the translation file exists.
    file: bool,
    /// Whether the locale has started the document: a file or a record.
    started: bool,
    /// The document's front matter date, in days.
    date: Option<i64>,
    /// Today, in days.
    today: i64,
}

/// One locale's assessed translation of a document as a report item, held to the
/// document's bar in the locale; `disclaimer` holds the disclaimer's gaps when the
/// document is it. A coverage shortfall is a warning while the document is new work.
fn workspace_item(
    workspace: &Workspace,
    document: &str,
    one: LocaleAssessment,
    disclaimer: Option<Vec<DisclaimerProblem>>,
    work: NewWorkFacts,
) -> CheckItem {
    let tag = one.locale.to_string();
    let settings = &workspace.config().check;
    let (min_coverage, stale_fails) = settings.bar(document, &tag);
    let new = new_work(settings.grace_days, work.today, work.date, work.started);
    let bar = Bar {
        min_coverage,
        stale_fails,
    };
    let (units, words) = StatusCounts::tally(&one.assessment.statuses);
    let coverage = one.assessment.coverage();
    // Stale units are named on their lines (errors when the bar says so), not counted
    // in a second whole-file finding.
    let counted = Bar {
        stale_fails: false,
        ..bar
    };
    let mut whole_file: Vec<WholeFileFinding> = below_bar(coverage, &units, counted, &tag)
        .into_iter()
        .map(|mut message| {
            if !work.file {
                message = format!("{message}; {}", no_file_yet(&tag));
            }
            match new {
                Some(new) => {
                    message = format!("{message}; {}", new.clause(&tag));
                    (Severity::Warning, Check::Coverage, message)
                }
                None => (Severity::Error, Check::Coverage, message),
            }
        })
        .collect();
    let mut findings = one.assessment.findings;
    unit_findings(
        &one.text,
        &one.assessment.statuses,
        UnitFindings {
            locale: &tag,
            stale: Some(stale_fails),
            untranslated: true,
        },
        &mut findings,
        &mut whole_file,
    );
    if let Some(problems) = disclaimer {
        disclaimer_findings(&one.text, &tag, problems, &mut findings, &mut whole_file);
    }
    let file = slash_path(workspace, &one.path);
    item(
        ItemFacts {
            document,
            locale: tag,
            file,
            units,
            words,
            publishable_words: one.assessment.publishable_words,
            coverage,
            bar,
        },
        one.path,
        one.text,
        findings,
        whole_file,
    )
}

/// The English's own findings about a document (its units over their length limits) as
/// a report item of the reference locale whose file is the source Markdown: reported
/// once per document, not once per locale, and failing the check like any error.
fn english_item(
    workspace: &Workspace,
    document: &str,
    english: &[folio_track::EnglishUnit],
    own: EnglishFindings,
) -> CheckItem {
    let units = StatusCounts {
        current: english.len(),
        ..StatusCounts::default()
    };
    item(
        ItemFacts {
            document,
            locale: workspace.reference().to_string(),
            file: slash_path(workspace, &own.path),
            units,
            words: StatusCounts::default(),
            publishable_words: 0,
            coverage: 100.0,
            bar: Bar {
                min_coverage: 0.0,
                stale_fails: false,
            },
        },
        own.path,
        own.text,
        own.findings,
        own.elsewhere,
    )
}

/// What a report item says of its file besides the findings.
struct ItemFacts<'a> {
    document: &'a str,
    locale: String,
    file: String,
    units: StatusCounts,
    words: StatusCounts,
    publishable_words: usize,
    coverage: f64,
    bar: Bar,
}

/// A report item: the wire entry (whole-file findings first, then the file's, in file
/// order) and, when there are findings, the text the snippets point into.
fn item(
    facts: ItemFacts<'_>,
    path: std::path::PathBuf,
    text: String,
    findings: Vec<Finding>,
    whole_file: Vec<WholeFileFinding>,
) -> CheckItem {
    // Errors fail a file; warnings (missing units, obsolete ones) are shown.
    let passed = !whole_file.iter().any(|(s, ..)| *s == Severity::Error)
        && !findings.iter().any(|f| f.severity == Severity::Error);
    let whole = whole_file
        .into_iter()
        .map(|(severity, check, message)| FindingReport {
            severity,
            check,
            line: None,
            column: None,
            id: None,
            message,
        });
    let located = findings.iter().map(|f| FindingReport {
        severity: f.severity,
        check: f.check,
        line: Some(f.line),
        column: Some(f.column),
        id: f.id.clone(),
        message: f.message.clone(),
    });
    let wire = CheckedFile {
        document: facts.document.to_owned(),
        locale: facts.locale,
        file: facts.file,
        units: facts.units,
        words: facts.words,
        publishable_words: facts.publishable_words,
        coverage: round(facts.coverage),
        min_coverage: facts.bar.min_coverage,
        stale_fails: facts.bar.stale_fails,
        passed,
        findings: whole.chain(located).collect(),
    };
    CheckItem {
        wire,
        path,
        text: if findings.is_empty() {
            String::new()
        } else {
            text
        },
        findings,
    }
}

/// Generic mode: any Fluent tree laid out as `DIR/<locale>/**/*.ftl`, file by file,
/// each reference file read and parsed once for every locale.
fn check_tree<W: codespan_reporting::term::termcolor::WriteColor>(
    run: &TreeRun,
    args: &CheckArgs,
    options: &CheckOptions,
    quiet: bool,
    reporter: &mut Reporter,
    printer: &mut CheckReporter<'_, W>,
) -> anyhow::Result<()> {
    let reference = args.reference.as_deref().unwrap_or_default();
    let min_coverage = args.min_coverage.unwrap_or(0.0);
    let files = args.shard.select(run.files());
    // Each file's items are made on the worker threads: only what is printed reaches
    // the printer, and each file's statuses are dropped where they were made.
    let work = |name: &String| {
        let file = run.check(name, options);
        let items: Vec<Result<CheckItem, WorkspaceError>> = (file.locales.into_iter())
            .map(|one| {
                one.map(|one| {
                    // The reference is held to no bar: only its errors count.
                    let bar = Bar {
                        min_coverage: if one.locale == reference {
                            0.0
                        } else {
                            min_coverage
                        },
                        stale_fails: false,
                    };
                    tree_item(&file.name, one, bar)
                })
            })
            .collect();
        items
    };
    let mut progress = Progress::new(files.len(), quiet);
    for_each_in_order(&files, work, |items| {
        let prints =
            (items.iter()).any(|item| item.as_ref().map_or(true, |i| !i.wire.findings.is_empty()));
        progress.done_one(prints, || -> anyhow::Result<()> {
            for item in items {
                match item {
                    Ok(item) => printer.file(item, reporter)?,
                    Err(error) => reporter.error(&error),
                }
            }
            Ok(())
        })
    })
}

/// Generic mode's item: coverage by status (an application's strings are not published,
/// so there is no publishing policy to apply).
fn tree_item(name: &str, one: TreeLocaleFile, bar: Bar) -> CheckItem {
    let (units, words) = StatusCounts::tally(&one.statuses);
    let coverage = match words.english_total() {
        0 => percent(units.current, units.english_total()),
        total => percent(words.current, total),
    };
    let mut whole_file: Vec<WholeFileFinding> = below_bar(coverage, &units, bar, &one.locale)
        .into_iter()
        .map(|message| (Severity::Error, Check::Coverage, message))
        .collect();
    let mut findings = one.findings;
    unit_findings(
        &one.text,
        &one.statuses,
        UnitFindings {
            locale: &one.locale,
            stale: None,
            untranslated: false,
        },
        &mut findings,
        &mut whole_file,
    );
    let file = folio_workspace::slash(&one.path);
    item(
        ItemFacts {
            document: name,
            locale: one.locale,
            file,
            units,
            words,
            publishable_words: words.current,
            coverage,
            bar,
        },
        one.path,
        one.text,
        findings,
        whole_file,
    )
}

/// `folio check --merge FILE…`: the JSON reports of `--shard` jobs combined into the
/// report (and exit status) one unsharded run gives.
fn run_merge(cli: &Cli, args: &CheckArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let mut reports = Vec::new();
    for path in &args.merge {
        let text = folio_workspace::read_text(path)?;
        let report: CheckReport = serde_json::from_str(&text).map_err(|error| {
            anyhow::anyhow!(
                "{}:{}:{}: not a `folio check --format json` report: {error}",
                path.display(),
                error.line(),
                error.column()
            )
        })?;
        if report.version != crate::report::wire::VERSION {
            anyhow::bail!(
                "{}: a version {} report; this folio writes and merges version {}",
                path.display(),
                report.version,
                crate::report::wire::VERSION
            );
        }
        reports.push(report);
    }
    let merged = merge(reports).map_err(anyhow::Error::msg)?;
    for error in &merged.errors {
        reporter.error(error);
    }
    let mut out = stdout(cli.color);
    // The reports' paths are relative to the workspace (`-C`) or the current folder.
    let base = cli.root.as_deref().unwrap_or(Path::new("."));
    let mut printer = CheckReporter::new(args.format, &mut out, args.documents, base)?;
    for document in &merged.documents {
        printer.file(
            CheckItem {
                wire: document.clone(),
                path: Path::new(&document.file).to_path_buf(),
                text: String::new(),
                findings: Vec::new(),
            },
            reporter,
        )?;
    }
    let passed = printer.finish(&merged.errors)?;
    debug_assert_eq!(passed, merged.passed);
    out.flush()?;
    Ok(outcome(merged.passed, merged.errors.len()))
}
