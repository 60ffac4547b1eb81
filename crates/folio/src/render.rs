//! `folio render`: localized article pages, each with its translated, current disclaimer
//! — or a refusal, never a page without it — and the site around them: the root
//! language chooser, each locale's index, 404 pages, and under a base URL the sitemap
//! and `robots.txt`. Every locale's verdict on the disclaimer is decided first; then
//! every article streams through `folio-pipeline`, assessed in every locale: the ones
//! asked for are rendered and written into the staged site while the next are read, and
//! all of them feed the indexes, which are so the whole workspace's in any partial run.
//! `--dry-run` does all of it but writing.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use folio_pipeline::{
    Cache, DocumentAssessment, EnglishError, INTERFACE_DOCUMENT, IndexEntry, Input, KeptArticle,
    MarkdownStyle, PageFormat, PageTemplate, Site, SiteOutput, SitePath, SiteUrls, assess_document,
    document_inputs, for_each_in_order, interface_strings,
};
use folio_policy::{
    DisclaimerGap, DisclaimerProblem, LeftOut, PublishRule, article_checks, disclaimer_problems,
    fallback_chain,
};
use folio_workspace::{
    MarkdownFlavor, Scratch, SitePlan, SiteScope, SiteStage, StagedFile, Workspace, WorkspaceError,
    parse_layout,
};
use unic_langid::LanguageIdentifier;

use crate::Outcome;
use crate::cli::{Cli, RenderArgs, RenderReport};
use crate::diagnostics::Reporter;
use crate::load::{
    DocumentError, english_disclaimer_problem, lock_workspace, open_workspace, report,
};
use crate::progress::Progress;
use crate::report::wire;

/// What became of one article, for the summary.
#[derive(Default)]
struct Rendered {
    /// Pages written (or, in a dry run, that would be): locale, article, path. The whole
    /// run's list is kept only where it is shown (a dry run's lines, the JSON report):
    /// otherwise `counts` says what the summary needs, so names do not grow with the site.
    pages: Vec<(LanguageIdentifier, String, PathBuf)>,
    /// Pages written (or that would be) per locale.
    counts: BTreeMap<LanguageIdentifier, usize>,
    withdrawn: Vec<PathBuf>,
    /// Pages below the publishing rule: locale, article, coverage.
    below: Vec<(LanguageIdentifier, String, f64)>,
    /// Units left out for their errors: locale, article, units with the checks failed.
    left_out: Vec<(LanguageIdentifier, String, Vec<LeftOut>)>,
    /// The article as each locale's index lists it (one article's, handed to the site's
    /// files as it is done).
    index: Vec<(LanguageIdentifier, IndexEntry)>,
    /// Pages kept as the site had them, their article unchanged since they were rendered.
    reused: usize,
}

/// Where pages go: the staged site, or nowhere in a dry run.
enum Target {
    Stage(Box<SiteStage>),
    DryRun(SitePlan),
}

impl Target {
    fn plan(&self) -> &SitePlan {
        match self {
            Target::Stage(stage) => stage.plan(),
            Target::DryRun(plan) => plan,
        }
    }

    fn write(
        &self,
        relative: &Path,
        contents: &str,
    ) -> Result<(), folio_workspace::WorkspaceError> {
        match self {
            Target::Stage(stage) => stage.write_page(relative, contents.as_bytes()),
            Target::DryRun(_) => Ok(()),
        }
    }

    /// Whether the new site holds page `relative` with contents hashing to `hash` (a dry
    /// run keeps nothing: it uses no cache).
    fn holds(&self, relative: &Path, hash: u64) -> bool {
        match self {
            Target::Stage(stage) => stage
                .staged_page(relative)
                .is_some_and(|text| KeptArticle::page_hash(&text) == hash),
            Target::DryRun(_) => false,
        }
    }

    /// Keeps page `relative` as the new site holds it, as written by this run.
    fn keep(&self, relative: &Path) {
        if let Target::Stage(stage) = self {
            stage.keep_page(relative);
        }
    }
}

/// The files around the pages go where the pages go, except where a publisher's own
/// file is (left as it is); names are kept, contents are not.
struct SiteFiles<'t> {
    target: &'t Target,
    /// The files written (or, in a dry run, that would be), in order.
    written: Vec<PathBuf>,
    /// The publisher's own files left in place of Folio's.
    kept: Vec<PathBuf>,
}

impl<'t> SiteFiles<'t> {
    fn new(target: &'t Target) -> Self {
        SiteFiles {
            target,
            written: Vec::new(),
            kept: Vec::new(),
        }
    }
}

/// One file around the pages as it is written.
enum SiteFile<'t> {
    Staged(Box<StagedFile<'t>>),
    /// Made and dropped: a dry run's (at this path), or where the publisher's file stays.
    Dropped(Option<PathBuf>),
}

impl Write for SiteFile<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            SiteFile::Staged(file) => file.write(buf),
            SiteFile::Dropped(_) => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            SiteFile::Staged(file) => file.flush(),
            SiteFile::Dropped(_) => Ok(()),
        }
    }
}

/// Scratch space for the files around the pages; none in a dry run.
struct SiteScratch(Option<Scratch>);

impl Write for SiteScratch {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match &mut self.0 {
            Some(scratch) => scratch.write(buf),
            None => Ok(buf.len()),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match &mut self.0 {
            Some(scratch) => scratch.flush(),
            None => Ok(()),
        }
    }
}

impl<'t> SiteOutput for SiteFiles<'t> {
    type File = SiteFile<'t>;
    type Scratch = SiteScratch;

    fn create(&mut self, path: &SitePath) -> std::io::Result<SiteFile<'t>> {
        let relative = path.file_path();
        if self.target.plan().publisher_owns(&relative) {
            self.kept.push(relative);
            return Ok(SiteFile::Dropped(None));
        }
        match self.target {
            Target::Stage(stage) => Ok(SiteFile::Staged(Box::new(
                stage
                    .create_file(&relative)
                    .map_err(std::io::Error::other)?,
            ))),
            Target::DryRun(_) => Ok(SiteFile::Dropped(Some(relative))),
        }
    }

    fn finish(&mut self, file: SiteFile<'t>) -> std::io::Result<()> {
        match file {
            SiteFile::Staged(file) => {
                self.written.push(file.relative().to_path_buf());
                file.finish().map_err(std::io::Error::other)
            }
            SiteFile::Dropped(Some(path)) => {
                self.written.push(path);
                Ok(())
            }
            SiteFile::Dropped(None) => Ok(()),
        }
    }

    fn scratch(&mut self) -> std::io::Result<SiteScratch> {
        match self.target {
            Target::Stage(stage) => Ok(SiteScratch(Some(
                stage.scratch().map_err(std::io::Error::other)?,
            ))),
            Target::DryRun(_) => Ok(SiteScratch(None)),
        }
    }

    fn copy(&mut self, scratch: &mut SiteScratch, file: &mut SiteFile<'t>) -> std::io::Result<()> {
        match &mut scratch.0 {
            Some(scratch) => scratch.copy_into(file),
            None => Ok(()),
        }
    }
}

/// Whether a page of the site's manifest is one of Folio's sitemaps: `sitemap.xml` and
/// `sitemap-root.xml` at the root, `<locale>/sitemap.xml` and its parts
/// `<locale>/sitemap-<n>.xml`.
fn is_sitemap(page: &str) -> bool {
    let (folder, name) = match page.split_once('/') {
        Some((folder, name)) => (Some(folder), name),
        None => (None, page),
    };
    let part = |name: &str| {
        name.strip_prefix("sitemap-")
            .and_then(|n| n.strip_suffix(".xml"))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    };
    match folder {
        None => name == "sitemap.xml" || name == "sitemap-root.xml",
        Some(_) => !name.contains('/') && (name == "sitemap.xml" || part(name)),
    }
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
    let Ok(interface) = interface_strings(
        &workspace,
        has_interface,
        &available,
        &all_locales,
        &options,
    )
    .map_err(|error| english_error(error, &workspace, reporter)) else {
        return Ok(Outcome::Error);
    };
    let mut images = BTreeMap::new();
    for locale in &all_locales {
        images.insert(locale.clone(), workspace.localized_images(locale)?);
    }
    let template_text = match &config.render.template {
        Some(path) => Some(workspace.read_text(&workspace.root().join(path))?),
        None => None,
    };
    let site = Site {
        chains: available
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
            .map(|u| (u.id.to_string(), u.text.to_string()))
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
            Some(path) => PageTemplate::new(template_text.as_deref()).with_context(|| {
                let file = workspace.root().join(path);
                workspace.display_path(&file).display().to_string()
            })?,
            None => PageTemplate::new(None)?,
        },
        images,
        urls: SiteUrls::new(config.render.base_url.clone()),
        site_name: config.render.site_name.clone(),
        english_only_sites: config.render.english_only_sites.clone(),
        interface,
    };

    // A dry run writes nothing, the cache included.
    let cache = (!args.no_cache && !args.dry_run)
        .then(|| -> anyhow::Result<Cache<'_>> {
            let config =
                workspace.read_text(&workspace.root().join(folio_workspace::CONFIG_FILE))?;
            let settings = site.cache_settings(template_text.as_deref().unwrap_or(""));
            Ok(Cache::new(&workspace, "render", &[&config, &settings]))
        })
        .transpose()?;
    let target = if args.dry_run {
        Target::DryRun(SitePlan::read(&args.out)?)
    } else {
        Target::Stage(Box::new(SiteStage::open(&args.out)?))
    };
    let mut rendered = Rendered::default();
    for locale in refused.keys().filter(|l| requested.contains(l)) {
        for article in &selected {
            rendered.withdrawn.push(site.page_path(locale, article));
        }
    }
    // The site around the pages, for HTML (a Markdown site's generator makes its own):
    // each article's index entries go into it as the article is done.
    let mut site_files = match site.format {
        PageFormat::Html => Some(site.site_writer(SiteFiles::new(&target))?),
        PageFormat::Markdown(_) => None,
    };
    let lists_pages = args.dry_run || args.report == RenderReport::Json;
    let mut failed = false;
    let mut progress = Progress::new(articles.len(), cli.quiet);
    for_each_in_order(
        &articles,
        |article| {
            let work = if selected.contains(article) {
                ArticleWork::Render(cache.as_ref())
            } else {
                ArticleWork::IndexOnly
            };
            render_article(
                &workspace,
                &site,
                &target,
                article,
                work,
                &all_locales,
                &options,
            )
        },
        |result| {
            let prints = result.is_err();
            progress.done_one(prints, || -> anyhow::Result<()> {
                match result {
                    Ok(article) => {
                        for (locale, ..) in &article.pages {
                            *rendered.counts.entry(locale.clone()).or_default() += 1;
                        }
                        rendered.reused += article.reused;
                        if lists_pages {
                            rendered.pages.extend(article.pages);
                        }
                        rendered.withdrawn.extend(article.withdrawn);
                        rendered.below.extend(article.below);
                        rendered.left_out.extend(article.left_out);
                        if let Some(writer) = &mut site_files
                            && !failed
                        {
                            let langs: Vec<String> =
                                article.index.iter().map(|(l, _)| l.to_string()).collect();
                            writer.add_article(
                                langs
                                    .iter()
                                    .zip(&article.index)
                                    .map(|(lang, (_, entry))| (lang.as_str(), entry)),
                            )?;
                        }
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
    let (site_files, kept) = match site_files {
        Some(writer) => {
            let files = writer.finish()?;
            (files.written, files.kept)
        }
        None => (Vec::new(), Vec::new()),
    };
    if site.format == PageFormat::Html {
        // A sitemap of an earlier run that this one did not write goes (a locale's part
        // no longer needed, a locale refused); so does every sitemap and robots.txt
        // without a base URL. A partial render too: they are functions of the whole
        // workspace.
        rendered.withdrawn.extend(
            target
                .plan()
                .pages()
                .filter(|page| is_sitemap(page))
                .map(PathBuf::from),
        );
        if !site.urls.is_absolute() {
            for name in ["sitemap.xml", "robots.txt"] {
                rendered.withdrawn.push(SitePath::file(name).file_path());
            }
        }
    }
    for path in &kept {
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
    rendered.withdrawn.sort();
    rendered.withdrawn.dedup();
    let withdrawn = match target {
        Target::Stage(stage) => {
            let published = stage.publish(&rendered.withdrawn, scope)?;
            for skipped in &published.skipped {
                reporter.warning(&format!("{skipped}; left out of the new site"));
            }
            published.withdrawn
        }
        Target::DryRun(plan) => {
            let written: BTreeSet<String> = rendered
                .pages
                .iter()
                .map(|(_, _, p)| slash(p))
                .chain(site_files.iter().map(|p| slash(p)))
                .collect();
            plan.withdrawals(&written, &rendered.withdrawn, scope)
        }
    };
    let summary = Summary {
        requested: &requested,
        refused: &refused,
        rendered: &rendered,
        site_files: &site_files,
        kept: &kept,
        withdrawn: &withdrawn,
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

/// One article: its layout read, assessed in every locale; when `render`, its pages
/// rendered and written into the target, else only its index entries made.
fn render_article(
    workspace: &Workspace,
    site: &Site,
    target: &Target,
    article: &str,
    work: ArticleWork<'_>,
    locales: &[LanguageIdentifier],
    options: &folio_check::CheckOptions,
) -> Result<Rendered, ArticleError> {
    let document_error = |e: WorkspaceError| ArticleError::Document(e.into());
    // Only a rendered article is cached: an index entry alone is cheap to make again.
    let cache = match work {
        ArticleWork::Render(cache) => cache,
        ArticleWork::IndexOnly => None,
    };
    let layout_path = workspace.layout_path(article);
    if let Some(cache) = cache {
        let mut inputs = document_inputs(workspace, article, locales);
        inputs.push(layout_path.clone());
        if let Some(rendered) = cache
            .get::<KeptArticle>(article, &inputs)
            .and_then(|cached| reuse(site, target, article, cached))
        {
            return Ok(rendered);
        }
    }
    let mut document: DocumentAssessment = assess_document(workspace, article, locales, options)
        .map_err(|e| ArticleError::Document(e.into()))?;
    for one in &document.locales {
        if let Err(error) = one {
            return Err(ArticleError::Other(anyhow::anyhow!("{error}")));
        }
    }
    // The layout is read after the document's files, as the cache lists them.
    let mut inputs = std::mem::take(&mut document.inputs);
    let layout = Input::read(workspace, layout_path.clone(), &mut inputs)
        .map_err(document_error)?
        .ok_or_else(|| {
            ArticleError::Other(anyhow::anyhow!(
                "{article} has no layout: run `folio extract`"
            ))
        })?;
    let layout = parse_layout(&layout).map_err(|message| {
        document_error(WorkspaceError::Layout {
            path: layout_path,
            message,
        })
    })?;
    let source = || {
        workspace
            .display_path(&workspace.root().join(&workspace.config().source))
            .join(format!("{article}.md"))
    };
    let details_error = |e: folio_pipeline::PageError| {
        ArticleError::Other(anyhow::anyhow!("{}: {e}", source().display()))
    };
    if matches!(work, ArticleWork::IndexOnly) {
        return Ok(Rendered {
            index: site
                .article_index(&layout, &document)
                .map_err(details_error)?,
            ..Rendered::default()
        });
    }
    let pages = site.article(&layout, document).map_err(details_error)?;
    // What the cache keeps, made (with a cache only) before the pages go to the site.
    let kept = cache.map(|_| KeptArticle::of(&pages));
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
        index: pages.index,
        ..Rendered::default()
    };
    for (locale, relative, text) in pages.pages {
        target.write(&relative, &text).map_err(document_error)?;
        rendered.pages.push((locale, article.to_owned(), relative));
    }
    if let (Some(cache), Some(kept)) = (cache, kept) {
        cache.put(article, inputs, &kept);
    }
    Ok(rendered)
}

/// What a run does with one article: render its pages (with the render cache, unless
/// `--no-cache` or `--dry-run`), or, outside the articles asked for, only list it in
/// the indexes.
#[derive(Clone, Copy)]
enum ArticleWork<'c> {
    Render(Option<&'c Cache<'c>>),
    IndexOnly,
}

/// The article as `cached` concluded, if the new site still holds every page it wrote,
/// byte for byte (by hash): those pages are kept as they are. `None` sends the article
/// through a render: a page changed or missing, a locale that no longer parses, or an
/// entry that is not what a render of the article makes (see [`Site::names_its_pages`]).
/// Every kept page was proven to show the disclaimer when it was written, and the
/// cache's key and inputs say it would be written the same now.
fn reuse(site: &Site, target: &Target, article: &str, cached: KeptArticle) -> Option<Rendered> {
    let locale = |tag: &str| tag.parse::<LanguageIdentifier>().ok();
    if !site.names_its_pages(article, &cached)
        || !cached
            .pages
            .iter()
            .all(|(_, relative, hash)| target.holds(relative, *hash))
    {
        return None;
    }
    let mut rendered = Rendered {
        withdrawn: cached.withdrawn,
        reused: cached.pages.len(),
        ..Rendered::default()
    };
    for (tag, relative, _) in cached.pages {
        rendered
            .pages
            .push((locale(&tag)?, article.to_owned(), relative));
    }
    for (tag, bits) in cached.below {
        rendered
            .below
            .push((locale(&tag)?, article.to_owned(), f64::from_bits(bits)));
    }
    for (tag, units) in cached.left_out {
        rendered
            .left_out
            .push((locale(&tag)?, article.to_owned(), units));
    }
    for (tag, entry) in cached.index {
        rendered.index.push((locale(&tag)?, entry));
    }
    for (_, _, relative) in &rendered.pages {
        target.keep(relative);
    }
    Some(rendered)
}

/// Reports an unreadable English as a document error; the value stands for "failed".
fn english_error(error: EnglishError, workspace: &Workspace, reporter: &mut Reporter) {
    report(reporter, workspace, &DocumentError::from(error));
}

/// A site path `/`-separated, as the manifest and the JSON report write it.
fn slash(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
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
