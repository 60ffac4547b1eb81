//! A render run: every article's pages rendered (or kept from the render cache) into the
//! staged site while the next articles are read, each article's index entries handed to
//! the files around the pages (indexes, 404 pages, sitemaps) as it is done, and the
//! staged site published with what it no longer has withdrawn. A dry run does all of it
//! but writing. What the site is (its locales' verdicts on the disclaimer, template,
//! interface strings) is decided first, by [`decide_site`]; what the run did is handed
//! back for the summary.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use folio_check::CheckOptions;
use folio_policy::{DisclaimerProblem, LeftOut, PublishRule, disclaimer_problems, fallback_chain};
use folio_workspace::{
    MarkdownFlavor, Scratch, SitePlan, SiteScope, SiteStage, StagedFile, Workspace, WorkspaceError,
    parse_layout, slash,
};
use unic_langid::LanguageIdentifier;

use crate::{
    Cache, DocumentAssessment, DocumentError, EnglishError, IndexEntry, Input, KeptArticle,
    MarkdownStyle, PageError, PageFormat, PageTemplate, RunError, Site, SiteOutput, SitePath,
    SiteUrls, assess_document, document_inputs, for_each_in_order, interface_strings,
};

/// What a render asks of its site.
pub struct SiteRequest<'a> {
    /// Every locale of the workspace but the reference.
    pub locales: &'a [LanguageIdentifier],
    /// The locales to render pages for.
    pub requested: Vec<LanguageIdentifier>,
    /// Whether the workspace has extracted interface units (else the built-in English).
    pub has_interface: bool,
    /// Markdown pages in the workspace's `markdown-style`, instead of HTML.
    pub markdown: bool,
    /// The checks that decide which units a page may show.
    pub options: &'a CheckOptions,
}

/// The site a render makes, decided before any page is written.
pub struct DecidedSite {
    /// What every page shares.
    pub site: Site,
    /// The locales refused for their disclaimer, and why.
    pub refused: BTreeMap<LanguageIdentifier, Vec<DisclaimerProblem>>,
    /// The publisher's template as written, if there is one.
    template_text: Option<String>,
}

/// Why a render's site could not be decided.
#[derive(Debug)]
pub enum SiteError {
    /// The English of the disclaimer or of the interface can't be read: the document
    /// error it is, with its snippets.
    Document(DocumentError),
    /// Anything else that stops the render.
    Run(RunError),
}

impl<E: Into<RunError>> From<E> for SiteError {
    fn from(error: E) -> Self {
        SiteError::Run(error.into())
    }
}

/// Decides the site of a render: every locale's verdict on the disclaimer (refused
/// unless every unit of it is publishable), the fallback chains, the interface strings,
/// the images and the template, from the workspace and `folio.toml`.
pub fn decide_site(
    workspace: &Workspace,
    request: SiteRequest<'_>,
) -> Result<DecidedSite, SiteError> {
    let config = workspace.config();
    let reference = workspace.reference().clone();
    let disclaimer = workspace.disclaimer_name();
    let english_error = |error: EnglishError| SiteError::Document(error.into());
    let assessed = assess_document(workspace, &disclaimer, request.locales, request.options)
        .map_err(english_error)?;
    let mut refused = BTreeMap::new();
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
        .chain(request.locales.iter().cloned())
        .collect();
    let interface = interface_strings(
        workspace,
        request.has_interface,
        &available,
        request.locales,
        request.options,
    )
    .map_err(english_error)?;
    let mut images = BTreeMap::new();
    for locale in request.locales {
        images.insert(locale.clone(), workspace.localized_images(locale)?);
    }
    let template_text = match &config.render.template {
        Some(path) => Some(workspace.read_text(&workspace.root().join(path))?),
        None => None,
    };
    let template = PageTemplate::new(template_text.as_deref()).map_err(|error| {
        match &config.render.template {
            Some(path) => RunError::Template {
                file: workspace
                    .display_path(&workspace.root().join(path))
                    .to_path_buf(),
                error,
            },
            None => RunError::Site(error),
        }
    })?;
    let disclaimer_layout = workspace
        .read_layout(&disclaimer)?
        .ok_or_else(|| RunError::NoLayout(disclaimer.clone()))?;
    let site = Site {
        chains: available
            .iter()
            .map(|l| (l.clone(), fallback_chain(l, &available, &reference)))
            .collect(),
        reference,
        available,
        requested: request.requested,
        refused: refused.keys().cloned().collect(),
        disclaimer_layout,
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
        format: if request.markdown {
            PageFormat::Markdown(match config.render.markdown_style {
                MarkdownFlavor::Hugo => MarkdownStyle::Hugo,
                MarkdownFlavor::Zola => MarkdownStyle::Zola,
            })
        } else {
            PageFormat::Html
        },
        template,
        images,
        urls: SiteUrls::new(config.render.base_url.clone()),
        site_name: config.render.site_name.clone(),
        english_only_sites: config.render.english_only_sites.clone(),
        interface,
    };
    Ok(DecidedSite {
        site,
        refused,
        template_text,
    })
}

impl DecidedSite {
    /// The render cache: its key holds `folio.toml` and what every page shares
    /// ([`Site::cache_settings`]), the template's text among it.
    pub fn cache<'w>(&self, workspace: &'w Workspace) -> Result<Cache<'w>, WorkspaceError> {
        let config = workspace.read_text(&workspace.root().join(folio_workspace::CONFIG_FILE))?;
        let settings = (self.site).cache_settings(self.template_text.as_deref().unwrap_or(""));
        Ok(Cache::new(workspace, "render", &[&config, &settings]))
    }
}

/// One render: the articles (all of them, for the indexes), the ones whose pages are
/// rendered, and how.
pub struct RenderRun<'a> {
    /// The workspace read.
    pub workspace: &'a Workspace,
    /// The site decided for this run.
    pub site: &'a Site,
    /// Every article, in the order the indexes list them.
    pub articles: &'a [String],
    /// The articles whose pages are rendered; the others only feed the indexes.
    pub selected: &'a BTreeSet<String>,
    /// Every locale of the workspace but the reference.
    pub locales: &'a [LanguageIdentifier],
    /// The checks that decide which units a page may show.
    pub options: &'a CheckOptions,
    /// The render cache (none for `--no-cache` and a dry run).
    pub cache: Option<&'a Cache<'a>>,
    /// Keep every page's name, not only the count per locale: for a dry run's lines and
    /// the JSON report.
    pub lists_pages: bool,
}

/// What a render wrote, once every article is done.
pub struct RenderedSite {
    /// The pages, and what the run withdrew, left out and kept.
    pub rendered: Rendered,
    /// The files around the pages written (or, in a dry run, that would be), in order.
    pub site_files: Vec<PathBuf>,
    /// The publisher's own files left in place of Folio's.
    pub kept: Vec<PathBuf>,
}

/// What publishing the staged site did.
pub struct Published {
    /// The files of the old site the new one no longer has.
    pub withdrawn: Vec<PathBuf>,
    /// The files left out of the new site, and why.
    pub skipped: Vec<WorkspaceError>,
}

impl RenderRun<'_> {
    /// Renders the selected articles into `target` and makes the files around the pages,
    /// every article on every core and in order. `done` hears of each article as it is
    /// done, with its error if it failed. After a failure the files around the pages are
    /// not made and `None` is returned: the old site stays as it was, since a page that
    /// could not be rendered is not withdrawn.
    pub fn render(
        &self,
        target: &Target,
        mut done: impl FnMut(Option<ArticleError>),
    ) -> Result<Option<RenderedSite>, RunError> {
        let site = self.site;
        let mut rendered = Rendered::default();
        for locale in site.refused.iter().filter(|l| site.requested.contains(l)) {
            for article in self.selected {
                rendered.withdrawn.push(site.page_path(locale, article));
            }
        }
        // The site around the pages, for HTML (a Markdown site's generator makes its
        // own): each article's index entries go into it as the article is done.
        let mut site_files = match site.format {
            PageFormat::Html => Some(site.site_writer(SiteFiles::new(target))?),
            PageFormat::Markdown(_) => None,
        };
        let mut failed = false;
        for_each_in_order(
            self.articles,
            |article| {
                let work = if self.selected.contains(article) {
                    ArticleWork::Render(self.cache)
                } else {
                    ArticleWork::IndexOnly
                };
                render_article(self, target, article, work)
            },
            |result| -> Result<(), RunError> {
                let article = match result {
                    Ok(article) => article,
                    Err(error) => {
                        failed = true;
                        done(Some(error));
                        return Ok(());
                    }
                };
                for (locale, ..) in &article.pages {
                    *rendered.counts.entry(locale.clone()).or_default() += 1;
                }
                rendered.reused += article.reused;
                if self.lists_pages {
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
                done(None);
                Ok(())
            },
        )?;
        if failed {
            return Ok(None);
        }
        let (site_files, kept) = match site_files {
            Some(writer) => {
                let files = writer.finish()?;
                (files.written, files.kept)
            }
            None => (Vec::new(), Vec::new()),
        };
        if site.format == PageFormat::Html {
            // A sitemap of an earlier run that this one did not write goes (a locale's
            // part no longer needed, a locale refused); so does every sitemap and
            // robots.txt without a base URL. A partial render too: they are functions of
            // the whole workspace.
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
        rendered.withdrawn.sort();
        rendered.withdrawn.dedup();
        Ok(Some(RenderedSite {
            rendered,
            site_files,
            kept,
        }))
    }
}

impl RenderedSite {
    /// Makes the staged site the site, `scope` saying whether this run rendered all of
    /// it; a dry run says what that would withdraw.
    pub fn publish(&self, target: Target, scope: SiteScope) -> Result<Published, WorkspaceError> {
        match target {
            Target::Stage(stage) => {
                let published = stage.publish(&self.rendered.withdrawn, scope)?;
                Ok(Published {
                    withdrawn: published.withdrawn,
                    skipped: published.skipped,
                })
            }
            Target::DryRun(plan) => {
                let written: BTreeSet<String> = (self.rendered.pages.iter())
                    .map(|(_, _, p)| slash(p))
                    .chain(self.site_files.iter().map(|p| slash(p)))
                    .collect();
                Ok(Published {
                    withdrawn: plan.withdrawals(&written, &self.rendered.withdrawn, scope),
                    skipped: Vec::new(),
                })
            }
        }
    }
}

/// What a render did, for its summary: per article as each is done, then the run's.
#[derive(Default)]
pub struct Rendered {
    /// Pages written (or, in a dry run, that would be): locale, article, path. The whole
    /// run's list is kept only where it is shown (a dry run's lines, the JSON report):
    /// otherwise `counts` says what the summary needs, so names do not grow with the site.
    pub pages: Vec<(LanguageIdentifier, String, PathBuf)>,
    /// Pages written (or that would be) per locale.
    pub counts: BTreeMap<LanguageIdentifier, usize>,
    /// Pages withdrawn: of refused locales, or below the rule.
    pub withdrawn: Vec<PathBuf>,
    /// Pages below the publishing rule: locale, article, coverage.
    pub below: Vec<(LanguageIdentifier, String, f64)>,
    /// Units left out for their errors: locale, article, units with the checks failed.
    pub left_out: Vec<(LanguageIdentifier, String, Vec<LeftOut>)>,
    /// The article as each locale's index lists it (one article's, handed to the site's
    /// files as it is done).
    pub index: Vec<(LanguageIdentifier, IndexEntry)>,
    /// Pages kept as the site had them, their article unchanged since they were rendered.
    pub reused: usize,
}

/// Where pages go: the staged site, or nowhere in a dry run.
pub enum Target {
    /// The staged site, published by [`RenderRun::publish`].
    Stage(Box<SiteStage>),
    /// A dry run: the site as it is, written to nowhere.
    DryRun(SitePlan),
}

impl Target {
    /// The staged site beside `out`, or for a `dry_run` the site as it is.
    pub fn open(out: &Path, dry_run: bool) -> Result<Target, WorkspaceError> {
        Ok(if dry_run {
            Target::DryRun(SitePlan::read(out)?)
        } else {
            Target::Stage(Box::new(SiteStage::open(out)?))
        })
    }

    /// The site as it was before this run: its manifest and files.
    pub fn plan(&self) -> &SitePlan {
        match self {
            Target::Stage(stage) => stage.plan(),
            Target::DryRun(plan) => plan,
        }
    }

    fn write(&self, relative: &Path, contents: &str) -> Result<(), WorkspaceError> {
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

/// Why an article could not be rendered.
pub enum ArticleError {
    /// A file of it could not be read or is not valid.
    Document(DocumentError),
    /// Anything else, in words.
    Other(String),
}

/// One article: its layout read, assessed in every locale; when `render`, its pages
/// rendered and written into the target, else only its index entries made.
fn render_article(
    run: &RenderRun<'_>,
    target: &Target,
    article: &str,
    work: ArticleWork<'_>,
) -> Result<Rendered, ArticleError> {
    let (workspace, site, locales) = (run.workspace, run.site, run.locales);
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
    let mut document: DocumentAssessment =
        assess_document(workspace, article, locales, run.options)
            .map_err(|e| ArticleError::Document(e.into()))?;
    for one in &document.locales {
        if let Err(error) = one {
            return Err(ArticleError::Other(error.to_string()));
        }
    }
    // The layout is read after the document's files, as the cache lists them.
    let mut inputs = std::mem::take(&mut document.inputs);
    let layout = Input::read(workspace, layout_path.clone(), &mut inputs)
        .map_err(document_error)?
        .ok_or_else(|| {
            ArticleError::Other(format!("{article} has no layout: run `folio extract`"))
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
    let details_error = |e: PageError| ArticleError::Other(format!("{}: {e}", source().display()));
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
