//! `folio render`: localized article pages, each with its translated, current disclaimer
//! — or a refusal, never a page without it — and the site around them. The arguments
//! are read and checked here; `folio-pipeline` decides the site (`decide_site`: every
//! locale's verdict on the disclaimer first), renders the articles into the staged site
//! and publishes it (`RenderRun`). This prints what became of each locale, as lines or
//! as the JSON report, and picks the exit status.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;

use folio_pipeline::{
    ArticleError, INTERFACE_DOCUMENT, RenderRun, Rendered, Site, SiteError, SitePath, SiteRequest,
    Target, decide_site,
};
use folio_policy::{DisclaimerGap, DisclaimerProblem, article_checks};
use folio_workspace::{SiteScope, Workspace, slash};
use unic_langid::LanguageIdentifier;

use crate::Outcome;
use crate::cli::{Cli, RenderArgs, RenderReport};
use crate::diagnostics::Reporter;
use crate::load::{english_disclaimer_problem, lock_workspace, open_workspace, report};
use crate::progress::Progress;
use crate::report::wire;

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
    let has_interface = names.iter().any(|n| n == INTERFACE_DOCUMENT);
    let articles: Vec<String> = names
        .into_iter()
        .filter(|n| *n != disclaimer && n != INTERFACE_DOCUMENT)
        .collect();
    for name in &args.articles {
        if !articles.contains(name) {
            anyhow::bail!(
                "unknown article `{name}` (articles: {})",
                articles.join(", ")
            );
        }
    }
    let named: Vec<String> = articles
        .iter()
        .filter(|a| args.articles.is_empty() || args.articles.contains(a))
        .cloned()
        .collect();
    let selected: BTreeSet<String> = args.shard.select(named).into_iter().collect();
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
    let request = SiteRequest {
        locales: &all_locales,
        requested: requested.clone(),
        has_interface,
        markdown: args.format == crate::cli::PageFormat::Markdown,
        options: &options,
    };
    let decided = match decide_site(&workspace, request) {
        Ok(decided) => decided,
        Err(SiteError::Document(error)) => {
            report(reporter, &workspace, &error);
            return Ok(Outcome::Error);
        }
        Err(SiteError::Run(error)) => return Err(error.into()),
    };
    // A dry run writes nothing, the cache included.
    let cache = (!args.no_cache && !args.dry_run)
        .then(|| decided.cache(&workspace))
        .transpose()?;
    let site = &decided.site;
    let target = Target::open(&args.out, args.dry_run)?;
    let run = RenderRun {
        workspace: &workspace,
        site,
        articles: &articles,
        selected: &selected,
        locales: &all_locales,
        options: &options,
        cache: cache.as_ref(),
        lists_pages: args.dry_run || args.report == RenderReport::Json,
    };
    let mut progress = Progress::new(articles.len(), cli.quiet);
    let done = run.render(&target, |error| {
        progress.done_one(error.is_some(), || match error {
            None => {}
            Some(ArticleError::Document(error)) => report(reporter, &workspace, &error),
            Some(ArticleError::Other(message)) => reporter.fatal(&anyhow::anyhow!(message)),
        });
    })?;
    let Some(done) = done else {
        // The old site stays as it was: a page that could not be rendered is not withdrawn.
        return Ok(Outcome::Error);
    };
    for path in &done.kept {
        reporter.warning(&format!(
            "{} is not Folio's (it is not in {}): left as it is, so the site's own is not \
             published",
            args.out.join(path).display(),
            folio_workspace::MANIFEST_FILE
        ));
    }

    // Naming no article and no locale renders the whole site; anything else is a part.
    let scope = if args.articles.is_empty() && args.locale.is_empty() && args.shard.is_all() {
        SiteScope::Whole
    } else {
        SiteScope::Part
    };
    let published = done.publish(target, scope)?;
    for skipped in &published.skipped {
        reporter.warning(&format!("{skipped}; left out of the new site"));
    }
    let summary = Summary {
        requested: &requested,
        refused: &decided.refused,
        rendered: &done.rendered,
        site_files: &done.site_files,
        kept: &done.kept,
        withdrawn: &published.withdrawn,
        disclaimer: &disclaimer,
        site,
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

/// What a render did, for its summary.
struct Summary<'a> {
    requested: &'a [LanguageIdentifier],
    refused: &'a BTreeMap<LanguageIdentifier, Vec<DisclaimerProblem>>,
    rendered: &'a Rendered,
    site_files: &'a [PathBuf],
    kept: &'a [PathBuf],
    withdrawn: &'a [PathBuf],
    disclaimer: &'a str,
    /// Where pages go, for the summary's `-> site/es/*.html`, and how they link.
    site: &'a Site,
}

impl Summary<'_> {
    /// Prints what became of each locale — refused, articles below the rule, units left
    /// out, pages written — as lines or as the JSON report; and picks the exit status
    /// that follows.
    fn print(
        &self,
        cli: &Cli,
        args: &RenderArgs,
        workspace: &Workspace,
        reporter: &mut Reporter,
    ) -> anyhow::Result<Outcome> {
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
            }
        }
        let mut out = crate::diagnostics::stdout(cli.color);
        match args.report {
            RenderReport::Json => {
                crate::terminal::write_json(&mut out, &self.wire(args, workspace))?;
                writeln!(out)?;
            }
            RenderReport::Human => self.lines(&mut out, args, workspace)?,
        }
        out.flush()?;
        Ok(outcome)
    }

    /// The human summary: withdrawn pages, then per locale the articles below the rule,
    /// the units left out and the pages written; with `--dry-run`, what would be.
    fn lines(
        &self,
        out: &mut impl Write,
        args: &RenderArgs,
        workspace: &Workspace,
    ) -> anyhow::Result<()> {
        let policy = &workspace.config().render;
        let would = if args.dry_run { "would be " } else { "" };
        if args.dry_run {
            for (_, _, page) in &self.rendered.pages {
                writeln!(out, "would write: {}", args.out.join(page).display())?;
            }
            for file in self.site_files {
                writeln!(out, "would write: {}", args.out.join(file).display())?;
            }
        }
        for page in self.withdrawn {
            writeln!(out, "{would}withdrawn: {}", args.out.join(page).display())?;
        }
        for locale in self.requested {
            if self.refused.contains_key(locale) {
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
            let count = self.rendered.counts.get(locale).copied().unwrap_or(0);
            writeln!(
                out,
                "{locale}: {count} page(s) {}-> {}",
                if args.dry_run { "would go " } else { "" },
                args.out.join(self.site.page_path(locale, "*")).display()
            )?;
        }
        if !self.site_files.is_empty() {
            let names: Vec<String> = self.site_files.iter().map(|p| slash(p)).collect();
            writeln!(
                out,
                "site: {} file(s) {}-> {}: {}",
                names.len(),
                if args.dry_run { "would go " } else { "" },
                args.out.display(),
                names.join(", ")
            )?;
            if !self.site.urls.is_absolute() {
                writeln!(
                    out,
                    "note: no `[render] base-url` in folio.toml: links are relative, and there is \
                     no canonical link, og:url, sitemap.xml or robots.txt"
                )?;
            }
        }
        if self.rendered.reused > 0 {
            writeln!(
                out,
                "note: {} page(s) kept as the site had them: their articles, the disclaimer, the \
                 template and the settings are unchanged since they were rendered \
                 (`--no-cache` renders them again)",
                self.rendered.reused
            )?;
        }
        Ok(())
    }

    /// The JSON report (`report::wire::RenderReport`).
    fn wire(&self, args: &RenderArgs, workspace: &Workspace) -> wire::RenderReport {
        let policy = &workspace.config().render;
        let mut pages: Vec<wire::PageReport> = self
            .rendered
            .pages
            .iter()
            .map(|(locale, article, path)| wire::PageReport {
                path: slash(path),
                locale: locale.to_string(),
                article: article.clone(),
                url: (args.format == crate::cli::PageFormat::Html)
                    .then(|| {
                        self.site.urls.absolute(&SitePath::article(
                            &locale.to_string(),
                            article,
                            "html",
                        ))
                    })
                    .flatten(),
            })
            .collect();
        pages.sort_by(|a, b| a.path.cmp(&b.path));
        let sorted = |paths: &[PathBuf]| {
            let mut names: Vec<String> = paths.iter().map(|p| slash(p)).collect();
            names.sort();
            names
        };
        wire::RenderReport {
            version: wire::RENDER_VERSION,
            dry_run: args.dry_run,
            out: args.out.display().to_string(),
            base_url: policy.base_url.as_ref().map(ToString::to_string),
            pages,
            site_files: sorted(self.site_files),
            kept: sorted(self.kept),
            withdrawn: sorted(self.withdrawn),
            refused: self
                .refused
                .iter()
                .filter(|(l, _)| self.requested.contains(l))
                .map(|(locale, problems)| wire::RefusedLocale {
                    locale: locale.to_string(),
                    units: problems
                        .iter()
                        .map(|p| wire::RefusedUnit {
                            id: p.id.clone(),
                            why: p.gap.describe(),
                        })
                        .collect(),
                })
                .collect(),
            below: self
                .rendered
                .below
                .iter()
                .map(|(locale, article, coverage)| wire::BelowBar {
                    locale: locale.to_string(),
                    article: article.clone(),
                    coverage: wire::round(*coverage),
                    min_coverage: policy.min_coverage,
                })
                .collect(),
            left_out: self
                .rendered
                .left_out
                .iter()
                .map(|(locale, article, units)| wire::LeftOutUnits {
                    locale: locale.to_string(),
                    article: article.clone(),
                    units: units
                        .iter()
                        .map(|(id, checks)| wire::LeftOutUnit {
                            id: id.clone(),
                            checks: checks.iter().map(|c| c.name().to_owned()).collect(),
                        })
                        .collect(),
                })
                .collect(),
        }
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
