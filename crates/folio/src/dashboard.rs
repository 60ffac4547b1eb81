//! `folio report --out DIR`: a static dashboard for translators. Documents stream through
//! `folio-pipeline` as for `status` (the same `StatusFile` per locale and document, so
//! the same coverage); each locale keeps only what its page shows (a row per document
//! and its to-do list); the pages and badges are rendered with minijinja, every text
//! HTML-escaped, and published into `--out` through a `SiteStage`, so a killed run
//! leaves the old dashboard.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use folio_pipeline::{EnglishError, assess_document, for_each_in_order};
use folio_policy::{article_checks, percent};
use folio_track::{DiffPart, Status, StatusCounts};
use folio_workspace::{SiteScope, SiteStage, WorkspaceError};
use minijinja::{AutoEscape, Environment, context};
use serde::Serialize;

use crate::Outcome;
use crate::cli::{Cli, ReportArgs};
use crate::diagnostics::{Reporter, stdout};
use crate::load::{DocumentError, open_workspace, report, select_locales};
use crate::progress::Progress;
use crate::report::status::Totals;
use crate::report::wire::{StatusFile, round};
use crate::status::status_file;

/// The to-do list's sections, in the order a translator works through them.
const TODO_ORDER: [Status; 6] = [
    Status::Missing,
    Status::Stale,
    Status::Updated,
    Status::Untranslated,
    Status::Invalid,
    Status::Obsolete,
];

/// Runs `folio report`.
pub fn run(cli: &Cli, args: &ReportArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    workspace.check_site_folder(&args.out)?;
    let locales = select_locales(&workspace, &args.locales, reporter)?;
    let names = workspace.extracted_names()?;
    if names.is_empty() {
        anyhow::bail!(
            "no English units in {}: run `folio extract` first",
            workspace.locale_dir(workspace.reference()).display()
        );
    }
    let options = article_checks(workspace.config().check.proper_names.clone());
    let work = |name: &String| -> Result<Vec<Result<StatusFile, WorkspaceError>>, EnglishError> {
        let document = assess_document(&workspace, name, &locales, &options)?;
        Ok(document
            .locales
            .into_iter()
            .map(|one| Ok(status_file(&workspace, &document.name, one?, false)))
            .collect())
    };
    let mut failures = reporter.error_count();
    let mut totals = Totals::default();
    let mut pages: BTreeMap<String, LocalePage> = locales
        .iter()
        .map(|l| (l.to_string(), LocalePage::default()))
        .collect();
    let mut progress = Progress::new(names.len(), cli.quiet);
    for_each_in_order(&names, work, |document| {
        let prints = document.is_err()
            || document
                .as_ref()
                .is_ok_and(|d| d.iter().any(Result::is_err));
        progress.done_one(prints, || -> anyhow::Result<()> {
            match document {
                Ok(files) => {
                    for file in files {
                        match file {
                            Ok(file) => {
                                totals.add(&file, 0);
                                pages.entry(file.locale.clone()).or_default().add(file);
                            }
                            Err(error) => {
                                failures += 1;
                                reporter.error(&error);
                            }
                        }
                    }
                }
                Err(error) => {
                    failures += 1;
                    report(reporter, &workspace, &DocumentError::from(error));
                }
            }
            Ok(())
        })
    })?;
    if failures > 0 {
        // Nothing is published: the old dashboard stays as it was.
        return Ok(Outcome::Error);
    }

    let templates = templates()?;
    let stage = SiteStage::open(&args.out)?;
    let summaries = totals.locales();
    let mut index = Vec::new();
    for summary in &summaries {
        let page = &pages[&summary.locale];
        let coverage = shown(summary.coverage);
        let colour = colour(summary.coverage);
        index.push(context! {
            locale => &summary.locale,
            page => format!("{}.html", summary.locale),
            badge => format!("badges/coverage-{}.svg", summary.locale),
            coverage => &coverage,
            width => width(summary.coverage),
            colour => colour.name,
            documents => summary.documents,
            todo => page.todo.len(),
            statuses => statuses(&summary.units),
        });
        let html = templates.get_template("locale.html")?.render(context! {
            locale => &summary.locale,
            coverage => &coverage,
            width => width(summary.coverage),
            colour => colour.name,
            statuses => statuses(&summary.units),
            columns => Status::ALL.map(Status::name),
            rows => &page.rows,
            todo => page.todo.len(),
            sections => page.sections(),
        })?;
        stage.write_page(
            Path::new(&format!("{}.html", summary.locale)),
            html.as_bytes(),
        )?;
        let badge = badge(&templates, &summary.locale, summary.coverage)?;
        stage.write_page(
            Path::new(&format!("badges/coverage-{}.svg", summary.locale)),
            badge.as_bytes(),
        )?;
    }
    let overall = overall(&pages);
    let html = templates.get_template("index.html")?.render(context! {
        coverage => shown(overall),
        width => width(overall),
        colour => colour(overall).name,
        locales => index,
    })?;
    stage.write_page(Path::new("index.html"), html.as_bytes())?;
    stage.write_page(Path::new("style.css"), STYLE.as_bytes())?;
    let badge = badge(&templates, "coverage", overall)?;
    stage.write_page(Path::new("badges/coverage.svg"), badge.as_bytes())?;
    let published = stage.publish(&[], SiteScope::Whole)?;
    for skipped in &published.skipped {
        reporter.warning(&format!("{skipped}; left out of the new dashboard"));
    }
    let mut out = stdout(cli.color);
    for page in &published.withdrawn {
        writeln!(out, "withdrawn: {}", args.out.join(page).display())?;
    }
    writeln!(
        out,
        "dashboard: {} locale(s) -> {}",
        summaries.len(),
        args.out.join("index.html").display()
    )?;
    out.flush()?;
    Ok(Outcome::Clean)
}

/// What one locale's page shows, gathered as documents come.
#[derive(Default)]
struct LocalePage {
    /// A row per document.
    rows: Vec<Row>,
    /// Every unit that is not current, in document order, then unit order.
    todo: Vec<Todo>,
    /// English words whose unit is publishable, and all English words: for the overall
    /// coverage.
    publishable_words: usize,
    english_words: usize,
}

/// One document's row of a locale's table.
#[derive(Serialize)]
struct Row {
    document: String,
    file: String,
    coverage: String,
    counts: Vec<usize>,
    syntax_errors: usize,
}

/// One unit of a locale's to-do list: only what the page shows.
#[derive(Serialize)]
struct Todo {
    status: Status,
    id: String,
    /// `file:line`, or the file alone for a unit with no line (a missing one).
    place: String,
    /// The English, when no diff shows it (absent for an obsolete unit).
    english: Option<String>,
    /// The English word diff of a stale or updated unit.
    diff: Option<Vec<DiffPart>>,
    /// The translation as text, when there is one.
    translation: Option<String>,
}

impl LocalePage {
    fn add(&mut self, file: StatusFile) {
        self.publishable_words += file.publishable_words;
        self.english_words += file.words.english_total();
        self.rows.push(Row {
            document: file.document,
            file: file.file.clone(),
            coverage: shown(file.coverage),
            counts: Status::ALL.iter().map(|s| file.units.get(*s)).collect(),
            syntax_errors: file.syntax_errors.len(),
        });
        for unit in file.todo {
            let place = match unit.line {
                Some(line) => format!("{}:{line}", file.file),
                None => file.file.clone(),
            };
            self.todo.push(Todo {
                status: unit.status,
                id: unit.id,
                place,
                english: if unit.diff.is_some() {
                    None
                } else {
                    unit.english
                },
                diff: unit.diff,
                translation: unit.translation,
            });
        }
    }

    /// The to-do list by status, in [`TODO_ORDER`], empty sections left out.
    fn sections(&self) -> Vec<minijinja::Value> {
        TODO_ORDER
            .iter()
            .filter_map(|status| {
                let items: Vec<&Todo> = self.todo.iter().filter(|t| t.status == *status).collect();
                (!items.is_empty()).then(|| {
                    context! { status => status.name(), items => items }
                })
            })
            .collect()
    }
}

/// Every locale's English words together: the share whose unit is publishable.
fn overall(pages: &BTreeMap<String, LocalePage>) -> f64 {
    let (part, whole) = pages.values().fold((0, 0), |(p, w), page| {
        (p + page.publishable_words, w + page.english_words)
    });
    round(percent(part, whole))
}

/// Units by status, as (name, count), every status in report order.
fn statuses(counts: &StatusCounts) -> Vec<minijinja::Value> {
    Status::ALL
        .iter()
        .map(|s| context! { name => s.name(), count => counts.get(*s) })
        .collect()
}

/// A percentage as the dashboard shows it: one decimal, none for a whole number.
fn shown(percent: f64) -> String {
    let text = format!("{:.1}", round(percent));
    match text.strip_suffix(".0") {
        Some(whole) => whole.to_owned(),
        None => text,
    }
}

/// A bar's width in percent of its track, for an inline style.
fn width(percent: f64) -> String {
    format!("{:.1}", percent.clamp(0.0, 100.0))
}

/// A coverage's colour: its class on the pages and its fill on the badges.
struct Colour {
    name: &'static str,
    fill: &'static str,
}

/// The colour of `coverage`, by threshold: 100% bright green, 90% green, 75% yellow,
/// 50% orange, red below.
fn colour(coverage: f64) -> Colour {
    let (name, fill) = match coverage {
        c if c >= 100.0 => ("complete", "#4c1"),
        c if c >= 90.0 => ("high", "#97ca00"),
        c if c >= 75.0 => ("fair", "#dfb317"),
        c if c >= 50.0 => ("low", "#fe7d37"),
        _ => ("poor", "#e05d44"),
    };
    Colour { name, fill }
}

/// A shields-style badge: `label` on grey, the coverage on its colour.
fn badge(templates: &Environment<'_>, label: &str, coverage: f64) -> anyhow::Result<String> {
    let value = format!("{}%", shown(coverage));
    // Widths estimated from character counts (Verdana 11 px averages about 7 px): the
    // same text always gives the same bytes.
    let text_width = |text: &str| text.chars().count() * 7 + 10;
    let (label_width, value_width) = (text_width(label), text_width(&value));
    Ok(templates.get_template("badge.svg")?.render(context! {
        label => label,
        value => value,
        fill => colour(coverage).fill,
        width => label_width + value_width,
        label_width => label_width,
        value_width => value_width,
        label_x => label_width as f64 / 2.0,
        value_x => label_width as f64 + value_width as f64 / 2.0,
    })?)
}

const STYLE: &str = include_str!("dashboard/style.css");

/// The dashboard's templates, every value HTML-escaped (which is XML escaping too, for
/// the badges): translations are untrusted text.
fn templates() -> anyhow::Result<Environment<'static>> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_keep_trailing_newline(true);
    env.add_template("index.html", include_str!("dashboard/index.html"))?;
    env.add_template("locale.html", include_str!("dashboard/locale.html"))?;
    env.add_template("badge.svg", include_str!("dashboard/badge.svg"))?;
    Ok(env)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_show_one_decimal_and_none_when_whole() {
        assert_eq!(shown(100.0), "100");
        assert_eq!(shown(97.0), "97");
        assert_eq!(shown(95.54), "95.5");
        assert_eq!(shown(0.0), "0");
        assert_eq!(width(104.0), "100.0");
    }

    #[test]
    fn colours_follow_the_thresholds() {
        let names: Vec<&str> = [100.0, 99.9, 90.0, 89.9, 75.0, 50.0, 49.9, 0.0]
            .map(|c| colour(c).name)
            .to_vec();
        assert_eq!(
            names,
            [
                "complete", "high", "high", "fair", "fair", "low", "poor", "poor"
            ]
        );
    }

    #[test]
    fn badges_escape_their_text_and_are_the_same_bytes_every_time() {
        let templates = templates().unwrap();
        let svg = badge(&templates, "<x & \"y\">", 42.0).unwrap();
        assert!(svg.contains("&lt;x &amp; &quot;y&quot;&gt;: 42%"), "{svg}");
        assert!(svg.contains("fill=\"#e05d44\""), "{svg}");
        assert!(!svg.contains("<x"), "{svg}");
        assert_eq!(svg, badge(&templates, "<x & \"y\">", 42.0).unwrap());
    }
}
