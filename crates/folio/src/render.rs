//! `folio render`: localized article pages, each with its translated, current disclaimer
//! — or a refusal, never a page without it. Every locale's verdict on the disclaimer is
//! decided first; then articles stream through `folio-pipeline`, each assessed in every
//! locale, rendered and written into the staged site while the next are read.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use folio_pipeline::{
    DocumentAssessment, EnglishError, MarkdownStyle, PageFormat, Site, assess_document,
    for_each_in_order,
};
use folio_policy::{
    DisclaimerGap, DisclaimerProblem, LeftOut, PublishRule, article_checks, disclaimer_problems,
    fallback_chain,
};
use folio_workspace::{MarkdownFlavor, SiteScope, SiteStage, Workspace};
use unic_langid::LanguageIdentifier;

use crate::Outcome;
use crate::cli::{Cli, RenderArgs};
use crate::diagnostics::Reporter;
use crate::load::{
    DocumentError, english_disclaimer_problem, lock_workspace, open_workspace, report,
};
use crate::progress::Progress;

/// What became of one article, for the summary.
#[derive(Default)]
struct Rendered {
    /// Pages written, by locale.
    written: BTreeMap<LanguageIdentifier, usize>,
    withdrawn: Vec<PathBuf>,
    /// Pages below the publishing rule: locale, article, coverage.
    below: Vec<(LanguageIdentifier, String, f64)>,
    /// Units left out for their errors: locale, article, units with the checks failed.
    left_out: Vec<(LanguageIdentifier, String, Vec<LeftOut>)>,
}

/// Runs `folio render`.
pub fn run(cli: &Cli, args: &RenderArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    workspace.check_site_folder(&args.out)?;
    let _lock = lock_workspace(&workspace, reporter)?;
    let config = workspace.config();
    let reference = workspace.reference().clone();
    let (all_locales, locale_errors) = workspace.locales()?;
    for error in &locale_errors {
        reporter.error(error);
    }
    let disclaimer = workspace.disclaimer_name();
    let names = workspace.extracted_names()?;
    if !names.contains(&disclaimer) {
        anyhow::bail!("no English disclaimer units: run `folio extract` first");
    }
    let mut articles: Vec<String> = names.into_iter().filter(|n| *n != disclaimer).collect();
    if !args.articles.is_empty() {
        for name in &args.articles {
            if !articles.contains(name) {
                anyhow::bail!(
                    "unknown article `{name}` (articles: {})",
                    articles.join(", ")
                );
            }
        }
        articles.retain(|a| args.articles.contains(a));
    }
    let articles = args.shard.select(articles);
    let requested = requested_locales(args, &reference, &all_locales)?;
    // Every page carries the English disclaimer: it must have text, unit by unit, as its
    // layout places them.
    let before = reporter.error_count();
    if let Some(problem) = english_disclaimer_problem(&workspace, reporter)? {
        anyhow::bail!("{problem}");
    }
    if reporter.error_count() > before {
        return Ok(Outcome::Error);
    }
    let options = article_checks(config.check.proper_names.clone());

    // Decide every locale's disclaimer before writing anything.
    let assessed = assess_document(&workspace, &disclaimer, &all_locales, &options)
        .map_err(|error| english_error(error, &workspace, reporter));
    let Ok(assessed) = assessed else {
        return Ok(Outcome::Error);
    };
    let mut refused: BTreeMap<LanguageIdentifier, Vec<DisclaimerProblem>> = BTreeMap::new();
    let mut disclaimer_texts = BTreeMap::new();
    for one in assessed.locales {
        let one = one?;
        let problems = disclaimer_problems(&assessed.english, &one.assessment);
        if problems.is_empty() {
            disclaimer_texts.insert(one.locale, one.assessment.publishable);
        } else {
            refused.insert(one.locale, problems);
        }
    }
    let available: Vec<LanguageIdentifier> = std::iter::once(reference.clone())
        .chain(all_locales.iter().cloned())
        .collect();
    let mut images = BTreeMap::new();
    for locale in &all_locales {
        images.insert(locale.clone(), workspace.localized_images(locale)?);
    }
    let site = Site {
        chains: requested
            .iter()
            .map(|l| (l.clone(), fallback_chain(l, &available, &reference)))
            .collect(),
        reference: reference.clone(),
        available,
        requested: requested.clone(),
        refused: refused.keys().cloned().collect(),
        disclaimer_layout: workspace
            .read_layout(&disclaimer)?
            .context(format!("{disclaimer} has no layout: run `folio extract`"))?,
        disclaimer_english: assessed
            .english
            .iter()
            .map(|u| (u.id.clone(), u.text.clone()))
            .collect(),
        disclaimer: disclaimer_texts,
        rule: PublishRule {
            min_coverage: config.render.min_coverage,
            fallback: config.render.fallback,
        },
        format: match args.format {
            crate::cli::PageFormat::Html => PageFormat::Html,
            crate::cli::PageFormat::Markdown => {
                PageFormat::Markdown(match config.render.markdown_style {
                    MarkdownFlavor::Hugo => MarkdownStyle::Hugo,
                    MarkdownFlavor::Zola => MarkdownStyle::Zola,
                })
            }
        },
        template: match &config.render.template {
            Some(path) => Some(workspace.read_text(&workspace.root().join(path))?),
            None => None,
        },
        images,
    };

    let stage = SiteStage::open(&args.out)?;
    let mut rendered = Rendered::default();
    for locale in refused.keys().filter(|l| requested.contains(l)) {
        for article in &articles {
            rendered.withdrawn.push(site.page_path(locale, article));
        }
    }
    let mut failed = false;
    let mut progress = Progress::new(articles.len(), cli.quiet);
    for_each_in_order(
        &articles,
        |article| render_article(&workspace, &site, &stage, article, &all_locales, &options),
        |result| {
            let prints = result.is_err();
            progress.done_one(prints, || -> anyhow::Result<()> {
                match result {
                    Ok(article) => {
                        for (locale, n) in article.written {
                            *rendered.written.entry(locale).or_default() += n;
                        }
                        rendered.withdrawn.extend(article.withdrawn);
                        rendered.below.extend(article.below);
                        rendered.left_out.extend(article.left_out);
                    }
                    Err(error) => {
                        failed = true;
                        match error {
                            ArticleError::Document(error) => report(reporter, &workspace, &error),
                            ArticleError::Other(error) => reporter.fatal(&error),
                        }
                    }
                }
                Ok(())
            })
        },
    )?;
    if failed {
        // The old site stays as it was: a page that could not be rendered is not withdrawn.
        return Ok(Outcome::Error);
    }

    // Naming no article and no locale renders the whole site; anything else is a part.
    let scope = if args.articles.is_empty() && args.locale.is_empty() && args.shard.is_all() {
        SiteScope::Whole
    } else {
        SiteScope::Part
    };
    rendered.withdrawn.sort();
    let published = stage.publish(&rendered.withdrawn, scope)?;
    for skipped in &published.skipped {
        reporter.warning(&format!("{skipped}; left out of the new site"));
    }
    let summary = Summary {
        requested: &requested,
        refused: &refused,
        rendered: &rendered,
        withdrawn: &published.withdrawn,
        disclaimer: &disclaimer,
        site: &site,
    };
    summary.print(cli, args, &workspace, reporter)
}

/// The locales `--locale` names (each must exist), or every one, the reference first.
fn requested_locales(
    args: &RenderArgs,
    reference: &LanguageIdentifier,
    all: &[LanguageIdentifier],
) -> anyhow::Result<Vec<LanguageIdentifier>> {
    if args.locale.is_empty() {
        return Ok(std::iter::once(reference.clone())
            .chain(all.iter().cloned())
            .collect());
    }
    let mut chosen = Vec::new();
    for name in &args.locale {
        let locale = folio_workspace::parse_locale(name).map_err(anyhow::Error::msg)?;
        if locale != *reference && !all.contains(&locale) {
            anyhow::bail!("unknown locale `{name}`");
        }
        chosen.push(locale);
    }
    Ok(chosen)
}

/// Why an article could not be rendered.
enum ArticleError {
    Document(DocumentError),
    Other(anyhow::Error),
}

/// One article: its layout read, assessed in every locale, its pages rendered and
/// written into the staged site.
fn render_article(
    workspace: &Workspace,
    site: &Site,
    stage: &SiteStage,
    article: &str,
    locales: &[LanguageIdentifier],
    options: &folio_check::CheckOptions,
) -> Result<Rendered, ArticleError> {
    let layout = workspace
        .read_layout(article)
        .map_err(|e| ArticleError::Document(e.into()))?
        .ok_or_else(|| {
            ArticleError::Other(anyhow::anyhow!(
                "{article} has no layout: run `folio extract`"
            ))
        })?;
    let document: DocumentAssessment = assess_document(workspace, article, locales, options)
        .map_err(|e| ArticleError::Document(e.into()))?;
    for one in &document.locales {
        if let Err(error) = one {
            return Err(ArticleError::Other(anyhow::anyhow!("{error}")));
        }
    }
    let pages = site
        .article(&layout, document)
        .map_err(|e| ArticleError::Other(e.into()))?;
    let mut rendered = Rendered {
        withdrawn: pages.withdrawn,
        below: pages
            .below
            .into_iter()
            .map(|(locale, coverage)| (locale, article.to_owned(), coverage))
            .collect(),
        left_out: pages
            .left_out
            .into_iter()
            .map(|(locale, units)| (locale, article.to_owned(), units))
            .collect(),
        ..Rendered::default()
    };
    for (locale, relative, text) in pages.pages {
        stage
            .write_page(&relative, text.as_bytes())
            .map_err(|e| ArticleError::Document(e.into()))?;
        *rendered.written.entry(locale).or_default() += 1;
    }
    Ok(rendered)
}

/// Reports an unreadable English as a document error; the value stands for "failed".
fn english_error(error: EnglishError, workspace: &Workspace, reporter: &mut Reporter) {
    report(reporter, workspace, &DocumentError::from(error));
}

/// What a render did, for its summary.
struct Summary<'a> {
    requested: &'a [LanguageIdentifier],
    refused: &'a BTreeMap<LanguageIdentifier, Vec<DisclaimerProblem>>,
    rendered: &'a Rendered,
    withdrawn: &'a [PathBuf],
    disclaimer: &'a str,
    /// Where pages go, for the summary's `-> site/es/*.html`.
    site: &'a Site,
}

impl Summary<'_> {
    /// Prints what became of each locale: refused, articles below the rule, units left
    /// out, pages written; and picks the exit status that follows.
    fn print(
        &self,
        cli: &Cli,
        args: &RenderArgs,
        workspace: &Workspace,
        reporter: &mut Reporter,
    ) -> anyhow::Result<Outcome> {
        let policy = &workspace.config().render;
        let mut out = crate::diagnostics::stdout(cli.color);
        for page in self.withdrawn {
            writeln!(out, "withdrawn: {}", args.out.join(page).display())?;
        }
        let mut outcome = if reporter.error_count() > 0 {
            Outcome::Error
        } else {
            Outcome::Clean
        };
        for locale in self.requested {
            if let Some(problems) = self.refused.get(locale) {
                reporter.error(&self.refusal(workspace, locale, problems));
                if outcome == Outcome::Clean {
                    outcome = Outcome::Findings;
                }
                continue;
            }
            for (_, article, coverage) in self.rendered.below.iter().filter(|(l, ..)| l == locale) {
                writeln!(
                    out,
                    "{locale}: {article} not published: {coverage:.1}% of its English words are \
                     translated, current and publishable, below the {:.0}% publishing threshold{}",
                    policy.min_coverage,
                    if policy.fallback {
                        ""
                    } else {
                        " (fallback is off: every unit must be current)"
                    }
                )?;
            }
            for (_, article, units) in self.rendered.left_out.iter().filter(|(l, ..)| l == locale) {
                let units: Vec<String> = units
                    .iter()
                    .map(|(id, checks)| {
                        let names: Vec<&str> = checks.iter().map(|c| c.name()).collect();
                        format!("{id} ({})", names.join(", "))
                    })
                    .collect();
                writeln!(
                    out,
                    "{locale}: {article}: {} unit(s) left out for errors, shown from the fallback \
                     (`folio check {locale}`): {}",
                    units.len(),
                    units.join(", ")
                )?;
            }
            writeln!(
                out,
                "{locale}: {} page(s) -> {}",
                self.rendered.written.get(locale).copied().unwrap_or(0),
                args.out.join(self.site.page_path(locale, "*")).display()
            )?;
        }
        Ok(outcome)
    }

    /// Why `locale` is refused, and what to do.
    fn refusal(
        &self,
        workspace: &Workspace,
        locale: &LanguageIdentifier,
        problems: &[DisclaimerProblem],
    ) -> String {
        let units: Vec<String> = problems
            .iter()
            .map(|p| format!("{} ({})", p.id, p.gap.describe()))
            .collect();
        let stale: Vec<&str> = problems
            .iter()
            .filter(|p| p.gap == DisclaimerGap::Stale)
            .map(|p| p.id.as_str())
            .collect();
        let file = workspace.translation_path(locale, self.disclaimer);
        let mut advice = format!(
            "translate or fix them in {} (`folio check {locale}` says what is wrong)",
            workspace.display_path(&file).display()
        );
        if !stale.is_empty() {
            advice.push_str(&format!(
                "; once a stale unit's translation is updated, `folio accept {locale} {}`",
                stale.join(" ")
            ));
        }
        format!(
            "{locale}: refused, nothing written and its old pages withdrawn: its disclaimer \
             must be translated, current and free of errors, and {} not: {advice}",
            units.join(", ")
        )
    }
}
