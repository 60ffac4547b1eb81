//! The files around the article pages: the root language chooser (`index.html`), each
//! locale's index of its articles (`<locale>/index.html`), the localized page for
//! addresses that do not exist (`404.html`, and `<locale>/404.html` for hosts that look
//! for the nearest one), and, under a base URL, `sitemap.xml` (every page with its
//! `xhtml:link` alternates) and `robots.txt` pointing at it.
//!
//! They are functions of what the whole workspace publishes ([`SiteOverview`]), so any
//! render — of the whole site, of one article, of one shard — writes the same bytes.

use std::collections::BTreeMap;

use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::dates::ShownDate;
use crate::details::ArticleDetails;
use crate::html::{RenderError, STYLESHEET, escape, text_html, url};
use crate::interface::ids;
use crate::page::{Direction, Text, language_name};
use crate::urls::{SitePath, SiteUrls};

/// One article as a locale's index lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndexEntry {
    /// The article's name (file stem).
    pub article: String,
    /// Its title in the locale (or its fallback, marked with its language).
    pub title: Text,
    /// Its description in the locale, if it has one.
    pub description: Option<Text>,
    /// Its dates and people.
    pub details: ArticleDetails,
}

/// One published locale: its language, interface strings and published articles.
#[derive(Debug, Clone, PartialEq)]
pub struct LocaleSite {
    /// BCP 47 tag.
    pub lang: String,
    /// Direction.
    pub dir: Direction,
    /// Interface strings by message id (see [`crate::interface`]).
    pub interface: BTreeMap<String, String>,
    /// Its published articles, by article name.
    pub articles: Vec<IndexEntry>,
}

impl LocaleSite {
    fn ui(&self, id: &str) -> String {
        self.interface
            .get(id)
            .or_else(|| crate::interface::english_interface().get(id))
            .cloned()
            .unwrap_or_else(|| id.to_owned())
    }
}

/// What the whole site publishes, as its indexes, 404 pages and sitemap need it.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteOverview {
    /// How pages link to each other.
    pub urls: SiteUrls,
    /// `[render] site-name`.
    pub site_name: Option<String>,
    /// The article pages' file extension (`html`).
    pub extension: String,
    /// The published locales, the reference first, then by tag.
    pub locales: Vec<LocaleSite>,
}

/// A file of the site beside the article pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SiteFile {
    /// Where it goes.
    pub path: SitePath,
    /// Its contents.
    pub contents: String,
}

#[derive(Serialize)]
struct LinkContext {
    lang: String,
    dir: &'static str,
    name: String,
    href: Value,
    current: bool,
}

#[derive(Serialize)]
struct EntryContext {
    href: Value,
    title: Value,
    description: Option<Value>,
    reviewed: Option<ShownDate>,
}

#[derive(Serialize)]
struct NotFoundContext {
    lang: String,
    dir: &'static str,
    title: String,
    text: String,
    link: String,
    href: Value,
}

/// The root chooser, every locale's index and 404 page, the root 404 page and, under a
/// base URL, `sitemap.xml` and `robots.txt`, in that order. The first locale of
/// `site.locales` is the reference: the root pages speak its language.
pub fn render_site_files(site: &SiteOverview) -> Result<Vec<SiteFile>, RenderError> {
    let Some(reference) = site.locales.first() else {
        return Ok(Vec::new());
    };
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("base", include_str!("site/base.html"))?;
    env.add_template("root", include_str!("site/root.html"))?;
    env.add_template("locale", include_str!("site/locale.html"))?;
    env.add_template("not-found", include_str!("site/not-found.html"))?;
    let urls = &site.urls;
    let stylesheet = Value::from_safe_string(STYLESHEET.to_owned());
    let root = SitePath::root();
    let links = |from: &SitePath, current: Option<&str>| -> Vec<LinkContext> {
        site.locales
            .iter()
            .map(|l| LinkContext {
                lang: l.lang.clone(),
                dir: l.dir.as_str(),
                name: language_name(&l.lang),
                href: url(&urls.href(from, &SitePath::locale_index(&l.lang))),
                current: current == Some(l.lang.as_str()),
            })
            .collect()
    };
    let absolute = |path: &SitePath| urls.absolute(path).map(|u| url(&u));
    let ui_map = |locale: &LocaleSite| -> BTreeMap<String, String> {
        crate::interface::english_interface()
            .keys()
            .map(|id| (id.clone(), locale.ui(id)))
            .collect()
    };
    let mut files = Vec::new();
    let mut push = |path: SitePath, html: String| {
        let mut contents = html.trim_end().to_owned();
        contents.push('\n');
        files.push(SiteFile { path, contents });
    };

    let title = site
        .site_name
        .clone()
        .unwrap_or_else(|| reference.ui(ids::CHOOSE_LANGUAGE));
    push(
        root.clone(),
        env.get_template("root")?.render(context! {
            lang => reference.lang,
            dir => reference.dir.as_str(),
            title => title,
            url => absolute(&root),
            alternates => links(&root, None),
            x_default => url(&urls.href(&root, &root)),
            ui => ui_map(reference),
            stylesheet => stylesheet,
        })?,
    );

    let mut sections = Vec::new();
    for locale in &site.locales {
        let index = SitePath::locale_index(&locale.lang);
        let entries: Vec<EntryContext> = locale
            .articles
            .iter()
            .map(|entry| EntryContext {
                href: url(&urls.href(
                    &index,
                    &SitePath::article(&locale.lang, &entry.article, &site.extension),
                )),
                title: Value::from_safe_string(text_html(&entry.title)),
                description: entry
                    .description
                    .as_ref()
                    .map(|d| Value::from_safe_string(text_html(d))),
                reviewed: entry
                    .details
                    .reviewed
                    .map(|d| ShownDate::new(d, &locale.lang)),
            })
            .collect();
        let heading = locale.ui(ids::ARTICLES_HEADING);
        let title = match &site.site_name {
            Some(name) => format!("{heading} · {name}"),
            None => heading.clone(),
        };
        push(
            index.clone(),
            env.get_template("locale")?.render(context! {
                lang => locale.lang,
                dir => locale.dir.as_str(),
                title => title,
                heading => heading,
                url => absolute(&index),
                alternates => links(&index, Some(&locale.lang)),
                x_default => url(&urls.href(&index, &root)),
                articles => entries,
                ui => ui_map(locale),
                stylesheet => stylesheet,
            })?,
        );
        let not_found = SitePath::in_locale(&locale.lang, "404.html");
        let section = |from: &SitePath| NotFoundContext {
            lang: locale.lang.clone(),
            dir: locale.dir.as_str(),
            title: locale.ui(ids::NOT_FOUND_TITLE),
            text: locale.ui(ids::NOT_FOUND_TEXT),
            link: locale.ui(ids::NOT_FOUND_LINK),
            href: url(&urls.href(from, &index)),
        };
        push(
            not_found.clone(),
            env.get_template("not-found")?.render(context! {
                lang => locale.lang,
                dir => locale.dir.as_str(),
                title => locale.ui(ids::NOT_FOUND_TITLE),
                sections => vec![section(&not_found)],
                stylesheet => stylesheet,
            })?,
        );
        sections.push(section(&SitePath::file("404.html")));
    }
    push(
        SitePath::file("404.html"),
        env.get_template("not-found")?.render(context! {
            lang => reference.lang,
            dir => reference.dir.as_str(),
            title => reference.ui(ids::NOT_FOUND_TITLE),
            sections => sections,
            stylesheet => stylesheet,
        })?,
    );

    if let Some(sitemap) = sitemap(site) {
        push(SitePath::file("sitemap.xml"), sitemap);
        let at = urls
            .absolute(&SitePath::file("sitemap.xml"))
            .expect("a sitemap is made only under a base URL");
        push(
            SitePath::file("robots.txt"),
            format!("User-agent: *\nAllow: /\n\nSitemap: {at}\n"),
        );
    }
    Ok(files)
}

/// `sitemap.xml` (sitemaps.org 0.9): the root chooser and every locale's index, each
/// with the indexes as alternates and the chooser as `x-default`; then every article
/// page with its published versions as alternates and the reference page as
/// `x-default`, `lastmod` its latest date. `None` without a base URL: a sitemap lists
/// absolute URLs only.
fn sitemap(site: &SiteOverview) -> Option<String> {
    let urls = &site.urls;
    let reference = &site.locales.first()?.lang;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let mut entry = |page: &SitePath,
                     lastmod: Option<String>,
                     versions: &[(&str, SitePath)],
                     x_default: &SitePath|
     -> Option<()> {
        xml.push_str(&format!(
            "  <url>\n    <loc>{}</loc>\n",
            escape(&urls.absolute(page)?)
        ));
        if let Some(lastmod) = lastmod {
            xml.push_str(&format!("    <lastmod>{lastmod}</lastmod>\n"));
        }
        let x_default = ("x-default", x_default.clone());
        for (lang, path) in versions.iter().chain(std::iter::once(&x_default)) {
            xml.push_str(&format!(
                "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>\n",
                escape(lang),
                escape(&urls.absolute(path)?)
            ));
        }
        xml.push_str("  </url>\n");
        Some(())
    };
    let indexes: Vec<(&str, SitePath)> = site
        .locales
        .iter()
        .map(|l| (l.lang.as_str(), SitePath::locale_index(&l.lang)))
        .collect();
    let root = SitePath::root();
    entry(&root, None, &indexes, &root)?;
    for (_, index) in &indexes {
        entry(index, None, &indexes, &root)?;
    }
    // Each article's versions, in site order.
    let mut versions: BTreeMap<&str, Vec<(&str, SitePath)>> = BTreeMap::new();
    let mut details: BTreeMap<&str, &ArticleDetails> = BTreeMap::new();
    for locale in &site.locales {
        for article in &locale.articles {
            versions.entry(&article.article).or_default().push((
                &locale.lang,
                SitePath::article(&locale.lang, &article.article, &site.extension),
            ));
            details.entry(&article.article).or_insert(&article.details);
        }
    }
    for locale in &site.locales {
        for article in &locale.articles {
            let all = &versions[article.article.as_str()];
            let page = SitePath::article(&locale.lang, &article.article, &site.extension);
            let x_default = all
                .iter()
                .find(|(lang, _)| lang == reference)
                .map_or_else(|| page.clone(), |(_, path)| path.clone());
            let lastmod = details[article.article.as_str()]
                .last_changed()
                .map(|d| d.iso());
            entry(&page, lastmod, all, &x_default)?;
        }
    }
    xml.push_str("</urlset>\n");
    Some(xml)
}
