//! The files around the article pages: the root language chooser (`index.html`), each
//! locale's index of its articles (`<locale>/index.html`), the localized page for
//! addresses that do not exist (`404.html`, and `<locale>/404.html` for hosts that look
//! for the nearest one), the stylesheet every page links to (`style.css`), and, under a
//! base URL, the sitemaps and `robots.txt`.
//!
//! The sitemaps are what a multilingual site generator such as Hugo writes: `sitemap.xml`
//! is a sitemaps.org `<sitemapindex>` of one sitemap per locale (`<locale>/sitemap.xml`,
//! that locale's pages, each with its `xhtml:link` alternates and `x-default`), split into
//! numbered parts (`<locale>/sitemap-2.xml`, …) where one would pass the protocol's 50,000
//! URLs or 50 MiB, and `sitemap-root.xml` for the chooser (a sitemap lists only URLs at or
//! below its own folder). `robots.txt` points at the index.
//!
//! They are functions of what the whole workspace publishes, so any render — of the
//! whole site, of one article, of one shard — writes the same bytes. They are made as
//! the articles come ([`SiteWriter`]): each article's entries go straight into its
//! locales' sitemaps and into scratch space for their indexes, so memory holds one
//! article, not the site.

use std::collections::BTreeMap;
use std::io::{self, Write};

use minijinja::{Environment, Value, context};
use serde::Serialize;

use crate::dates::ShownDate;
use crate::details::ArticleDetails;
use crate::html::{RenderError, STYLESHEET, escape, text_html, url};
use crate::interface::ids;
use crate::page::{Direction, Text, language_name};
use crate::urls::{SitePath, SiteUrls};

/// One article as a locale's index lists it.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
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

/// A locale the site may publish: its language and interface strings. It is published
/// when it is the reference or lists an article.
#[derive(Debug, Clone, PartialEq)]
pub struct LocaleSite {
    /// BCP 47 tag.
    pub lang: String,
    /// Direction.
    pub dir: Direction,
    /// Interface strings by message id (see [`crate::interface`]).
    pub interface: BTreeMap<String, String>,
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

/// What every file around the pages shares, known before any article is done.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteOverview {
    /// How pages link to each other.
    pub urls: SiteUrls,
    /// `[render] site-name`.
    pub site_name: Option<String>,
    /// The article pages' file extension (`html`).
    pub extension: String,
    /// The locales that may be published (none refused), the reference first, then by tag.
    pub locales: Vec<LocaleSite>,
    /// When a locale's sitemap is split into parts.
    pub sitemap_limits: SitemapLimits,
}

/// How large one sitemap file may grow: past either limit, a locale's sitemap goes on in
/// a new part.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SitemapLimits {
    /// `<url>` entries in one file.
    pub urls: usize,
    /// Bytes of one file, uncompressed.
    pub bytes: usize,
}

impl SitemapLimits {
    /// The sitemaps.org protocol's: 50,000 URLs and 50 MiB (52,428,800 bytes).
    pub const PROTOCOL: SitemapLimits = SitemapLimits {
        urls: 50_000,
        bytes: 52_428_800,
    };
}

/// Where the files around the pages go as they are made: a staged site, or nowhere in a
/// dry run. The caller decides what a path may not replace (a publisher's own file).
pub trait SiteOutput {
    /// A file being written.
    type File: Write;
    /// Scratch space, written first and copied into a file later.
    type Scratch: Write;
    /// Starts the file at `path`.
    fn create(&mut self, path: &SitePath) -> io::Result<Self::File>;
    /// Finishes `file`: it is part of the site.
    fn finish(&mut self, file: Self::File) -> io::Result<()>;
    /// New, empty scratch space.
    fn scratch(&mut self) -> io::Result<Self::Scratch>;
    /// Copies everything written to `scratch` into `file`.
    fn copy(&mut self, scratch: &mut Self::Scratch, file: &mut Self::File) -> io::Result<()>;
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
struct NotFoundContext {
    lang: String,
    dir: &'static str,
    title: String,
    text: String,
    link: String,
    href: Value,
}

/// Stands where a locale's index lists its articles; the entries are copied in there.
const ENTRIES: &str = "<!--folio:entries-->";

const URLSET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
    <urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
    xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n";
const URLSET_END: &str = "</urlset>\n";

/// One sitemap file being written.
struct SitemapPart<F> {
    path: SitePath,
    file: F,
    urls: usize,
    bytes: usize,
    /// The latest `lastmod` of its entries, for the index.
    lastmod: Option<String>,
}

/// What a locale has of the site so far.
struct LocaleFiles<O: SiteOutput> {
    /// Its index's entries, as HTML, in article order.
    entries: Option<O::Scratch>,
    articles: usize,
    /// The sitemap part being written.
    sitemap: Option<SitemapPart<O::File>>,
    /// The finished parts: where, and their latest `lastmod`.
    parts: Vec<(SitePath, Option<String>)>,
}

impl<O: SiteOutput> LocaleFiles<O> {
    /// Writes `entry`, a `<url>`, into the locale's sitemap, starting a new part where
    /// the current one would pass `limits` (a part holds at least one entry).
    fn add_url(
        &mut self,
        output: &mut O,
        lang: &str,
        limits: SitemapLimits,
        entry: &str,
        lastmod: Option<&str>,
    ) -> Result<(), RenderError> {
        if let Some(part) = &self.sitemap
            && part.urls > 0
            && (part.urls + 1 > limits.urls
                || part.bytes + entry.len() + URLSET_END.len() > limits.bytes)
        {
            self.close_part(output)?;
        }
        let part = match &mut self.sitemap {
            Some(part) => part,
            None => {
                let number = self.parts.len() + 1;
                let path = if number == 1 {
                    SitePath::in_locale(lang, "sitemap.xml")
                } else {
                    SitePath::in_locale(lang, &format!("sitemap-{number}.xml"))
                };
                let mut file = output.create(&path)?;
                file.write_all(URLSET_START.as_bytes())?;
                self.sitemap.insert(SitemapPart {
                    path,
                    file,
                    urls: 0,
                    bytes: URLSET_START.len(),
                    lastmod: None,
                })
            }
        };
        part.file.write_all(entry.as_bytes())?;
        part.urls += 1;
        part.bytes += entry.len();
        if let Some(lastmod) = lastmod
            && part
                .lastmod
                .as_deref()
                .is_none_or(|latest| latest < lastmod)
        {
            part.lastmod = Some(lastmod.to_owned());
        }
        Ok(())
    }

    /// Ends the sitemap part being written, if any, and notes it for the index.
    fn close_part(&mut self, output: &mut O) -> Result<(), RenderError> {
        if let Some(mut part) = self.sitemap.take() {
            part.file.write_all(URLSET_END.as_bytes())?;
            output.finish(part.file)?;
            self.parts.push((part.path, part.lastmod));
        }
        Ok(())
    }
}

/// The files around the pages, made as the articles come: [`SiteWriter::add_article`]
/// for each article in order, then [`SiteWriter::finish`]. Each article's index entries
/// go into its locales' sitemaps (under a base URL) and, as HTML, into scratch space for
/// their index pages, which are written at the end, when the published locales are known.
pub struct SiteWriter<O: SiteOutput> {
    site: SiteOverview,
    output: O,
    env: Environment<'static>,
    locales: Vec<LocaleFiles<O>>,
    /// `last-reviewed` in each locale.
    last_reviewed: Vec<String>,
    /// One sitemap entry, reused.
    entry: String,
}

impl<O: SiteOutput> SiteWriter<O> {
    /// Starts the files of `site`, written into `output`.
    pub fn new(site: SiteOverview, output: O) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.add_template("base", include_str!("site/base.html"))?;
        env.add_template("root", include_str!("site/root.html"))?;
        env.add_template("locale", include_str!("site/locale.html"))?;
        env.add_template("entry", include_str!("site/entry.html"))?;
        env.add_template("not-found", include_str!("site/not-found.html"))?;
        let locales = site
            .locales
            .iter()
            .map(|_| LocaleFiles {
                entries: None,
                articles: 0,
                sitemap: None,
                parts: Vec::new(),
            })
            .collect();
        let last_reviewed = site
            .locales
            .iter()
            .map(|l| l.ui(ids::LAST_REVIEWED))
            .collect();
        Ok(SiteWriter {
            site,
            output,
            env,
            locales,
            last_reviewed,
            entry: String::new(),
        })
    }

    /// Adds one article as the locales that publish it list it (`entries`, by language,
    /// in site order): its entry on each locale's index and, under a base URL, its page
    /// in each locale's sitemap with every published version as an alternate, the
    /// reference's page as `x-default` and its latest date as `lastmod`. Articles come in
    /// the order the indexes list them.
    pub fn add_article<'e>(
        &mut self,
        entries: impl IntoIterator<Item = (&'e str, &'e IndexEntry)>,
    ) -> Result<(), RenderError> {
        let entries: Vec<(usize, &IndexEntry)> = entries
            .into_iter()
            .filter_map(|(lang, entry)| {
                let at = self.site.locales.iter().position(|l| l.lang == lang)?;
                Some((at, entry))
            })
            .collect();
        let Some((_, first)) = entries.first() else {
            return Ok(());
        };
        let extension = &self.site.extension;
        let page =
            |at: usize| SitePath::article(&self.site.locales[at].lang, &first.article, extension);
        let versions: Vec<(&str, SitePath)> = entries
            .iter()
            .map(|(at, _)| (self.site.locales[*at].lang.as_str(), page(*at)))
            .collect();
        let links = absolute_versions(&self.site.urls, &versions);
        // The reference's page, when it is one of them (it is the first).
        let reference_link = links
            .as_ref()
            .filter(|_| entries[0].0 == 0)
            .map(|l| &l[0].1);
        let lastmod = first.details.last_changed().map(|d| d.iso());
        for (i, (at, entry)) in entries.iter().enumerate() {
            let locale = &self.site.locales[*at];
            let index = SitePath::locale_index(&locale.lang);
            let here = page(*at);
            let html = self.env.get_template("entry")?.render(context! {
                href => url(&self.site.urls.href(&index, &here)),
                title => Value::from_safe_string(text_html(&entry.title)),
                description => entry
                    .description
                    .as_ref()
                    .map(|d| Value::from_safe_string(text_html(d))),
                reviewed => entry
                    .details
                    .reviewed
                    .map(|d| ShownDate::new(d, &locale.lang)),
                last_reviewed => self.last_reviewed[*at],
            })?;
            let files = &mut self.locales[*at];
            if files.entries.is_none() {
                files.entries = Some(self.output.scratch()?);
            }
            let scratch = files.entries.as_mut().expect("made above");
            scratch.write_all(b"\n")?;
            scratch.write_all(html.as_bytes())?;
            files.articles += 1;
            if let Some(links) = &links {
                let loc = &links[i].1;
                let x_default = reference_link.unwrap_or(loc);
                sitemap_entry(&mut self.entry, loc, lastmod.as_deref(), links, x_default);
                self.locales[*at].add_url(
                    &mut self.output,
                    &locale.lang,
                    self.site.sitemap_limits,
                    &self.entry,
                    lastmod.as_deref(),
                )?;
            }
        }
        Ok(())
    }

    /// Writes the rest and hands back the output: the root chooser, every published
    /// locale's index (its entries copied in) and 404 page, the root 404 page, in that
    /// order; then, under a base URL, each locale's index page closes its sitemap, the
    /// chooser gets `sitemap-root.xml`, and `sitemap.xml` (the index of them all) and
    /// `robots.txt` follow. Published: the reference and every locale that lists an
    /// article; the first is the reference, whose language the root pages speak.
    pub fn finish(mut self) -> Result<O, RenderError> {
        let published: Vec<usize> = (0..self.site.locales.len())
            .filter(|&at| at == 0 || self.locales[at].articles > 0)
            .collect();
        let Some(&reference_at) = published.first() else {
            return Ok(self.output);
        };
        let site = &self.site;
        let urls = &site.urls;
        let reference = &site.locales[reference_at];
        let stylesheet = SitePath::stylesheet();
        write_file(&mut self.output, stylesheet.clone(), STYLESHEET)?;
        // Relative from a page at its own address; a 404 page is served at any address,
        // so it links as its other links do (absolutely under a base URL).
        let stylesheet_href = |from: &SitePath| url(&SiteUrls::relative(from, &stylesheet));
        let not_found_stylesheet = |from: &SitePath| url(&urls.href(from, &stylesheet));
        let root = SitePath::root();
        let links = |from: &SitePath, current: Option<&str>| -> Vec<LinkContext> {
            published
                .iter()
                .map(|&at| &site.locales[at])
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
        let title = site
            .site_name
            .clone()
            .unwrap_or_else(|| reference.ui(ids::CHOOSE_LANGUAGE));
        let html = self.env.get_template("root")?.render(context! {
                lang => reference.lang,
                dir => reference.dir.as_str(),
                title => title,
                url => absolute(&root),
                alternates => links(&root, None),
                x_default => url(&urls.href(&root, &root)),
                ui => ui_map(reference),
                stylesheet_href => stylesheet_href(&root),
        })?;
        write_file(&mut self.output, root.clone(), &html)?;

        let mut sections = Vec::new();
        for &at in &published {
            let locale = &site.locales[at];
            let index = SitePath::locale_index(&locale.lang);
            let heading = locale.ui(ids::ARTICLES_HEADING);
            let title = match &site.site_name {
                Some(name) => format!("{heading} · {name}"),
                None => heading.clone(),
            };
            let page = self.env.get_template("locale")?.render(context! {
                lang => locale.lang,
                dir => locale.dir.as_str(),
                title => title,
                heading => heading,
                url => absolute(&index),
                alternates => links(&index, Some(&locale.lang)),
                x_default => url(&urls.href(&index, &root)),
                articles => Value::from_safe_string(ENTRIES.to_owned()),
                ui => ui_map(locale),
                stylesheet_href => stylesheet_href(&index),
            })?;
            let (before, after) = page
                .split_once(ENTRIES)
                .expect("the locale template holds the entries' place");
            let output = &mut self.output;
            let mut file = output.create(&index)?;
            file.write_all(before.as_bytes())?;
            if let Some(entries) = &mut self.locales[at].entries {
                output.copy(entries, &mut file)?;
            }
            file.write_all(after.trim_end().as_bytes())?;
            file.write_all(b"\n")?;
            output.finish(file)?;

            let not_found = SitePath::in_locale(&locale.lang, "404.html");
            let section = |from: &SitePath| NotFoundContext {
                lang: locale.lang.clone(),
                dir: locale.dir.as_str(),
                title: locale.ui(ids::NOT_FOUND_TITLE),
                text: locale.ui(ids::NOT_FOUND_TEXT),
                link: locale.ui(ids::NOT_FOUND_LINK),
                href: url(&urls.href(from, &index)),
            };
            let html = self.env.get_template("not-found")?.render(context! {
                lang => locale.lang,
                dir => locale.dir.as_str(),
                title => locale.ui(ids::NOT_FOUND_TITLE),
                sections => vec![section(&not_found)],
                stylesheet_href => not_found_stylesheet(&not_found),
            })?;
            write_file(&mut self.output, not_found, &html)?;
            sections.push(section(&SitePath::file("404.html")));
        }
        let html = self.env.get_template("not-found")?.render(context! {
            lang => reference.lang,
            dir => reference.dir.as_str(),
            title => reference.ui(ids::NOT_FOUND_TITLE),
            sections => sections,
            stylesheet_href => not_found_stylesheet(&SitePath::file("404.html")),
        })?;
        write_file(&mut self.output, SitePath::file("404.html"), &html)?;

        if urls.is_absolute() {
            self.finish_sitemaps(&published)?;
        }
        Ok(self.output)
    }

    /// Under a base URL: each published locale's index page as the last entry of its
    /// sitemap, every part closed; `sitemap-root.xml` for the chooser; `sitemap.xml`,
    /// the index of them all, each with its latest `lastmod`; `robots.txt` pointing at it.
    fn finish_sitemaps(&mut self, published: &[usize]) -> Result<(), RenderError> {
        let root = SitePath::root();
        let indexes: Vec<(&str, SitePath)> = published
            .iter()
            .map(|&at| {
                let lang = self.site.locales[at].lang.as_str();
                (lang, SitePath::locale_index(lang))
            })
            .collect();
        let (Some(root_link), Some(links)) = (
            self.site.urls.absolute(&root),
            absolute_versions(&self.site.urls, &indexes),
        ) else {
            return Ok(());
        };
        let mut entry = String::new();
        let mut sitemaps = Vec::new();
        sitemap_entry(&mut entry, &root_link, None, &links, &root_link);
        let chooser = SitePath::file("sitemap-root.xml");
        write_file(
            &mut self.output,
            chooser.clone(),
            &format!("{URLSET_START}{entry}{URLSET_END}"),
        )?;
        sitemaps.push((chooser, None));
        for (&at, (_, index)) in published.iter().zip(&links) {
            sitemap_entry(&mut entry, index, None, &links, &root_link);
            let files = &mut self.locales[at];
            let lang = &self.site.locales[at].lang;
            let limits = self.site.sitemap_limits;
            files.add_url(&mut self.output, lang, limits, &entry, None)?;
            files.close_part(&mut self.output)?;
            sitemaps.append(&mut files.parts);
        }
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
             <sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
        );
        for (path, lastmod) in &sitemaps {
            let loc = self.site.urls.absolute(path).expect("under a base URL");
            xml.push_str(&format!("  <sitemap>\n    <loc>{}</loc>\n", escape(&loc)));
            if let Some(lastmod) = lastmod {
                xml.push_str(&format!("    <lastmod>{lastmod}</lastmod>\n"));
            }
            xml.push_str("  </sitemap>\n");
        }
        xml.push_str("</sitemapindex>\n");
        let index = SitePath::file("sitemap.xml");
        let at = self.site.urls.absolute(&index).expect("under a base URL");
        write_file(&mut self.output, index, &xml)?;
        write_file(
            &mut self.output,
            SitePath::file("robots.txt"),
            &format!("User-agent: *\nAllow: /\n\nSitemap: {at}\n"),
        )
    }
}

/// Writes the file at `path` whole: `text` without trailing whitespace, and a newline.
fn write_file<O: SiteOutput>(
    output: &mut O,
    path: SitePath,
    text: &str,
) -> Result<(), RenderError> {
    let mut file = output.create(&path)?;
    file.write_all(text.trim_end().as_bytes())?;
    file.write_all(b"\n")?;
    output.finish(file)?;
    Ok(())
}

/// The absolute URL of each of `versions` (language, page): made once for all the sitemap
/// entries that list them, as each entry lists every version. `None` without a base URL:
/// a sitemap lists absolute URLs only.
fn absolute_versions<'v>(
    urls: &SiteUrls,
    versions: &[(&'v str, SitePath)],
) -> Option<Vec<(&'v str, String)>> {
    (versions.iter())
        .map(|(lang, path)| Some((*lang, urls.absolute(path)?)))
        .collect()
}

/// Makes `into` the sitemap `<url>` of the page at absolute URL `loc`: its `lastmod`, and
/// its `versions` (language, absolute URL) and `x_default` as `xhtml:link` alternates.
fn sitemap_entry(
    into: &mut String,
    loc: &str,
    lastmod: Option<&str>,
    versions: &[(&str, String)],
    x_default: &str,
) {
    use std::fmt::Write as _;
    into.clear();
    let _ = write!(into, "  <url>\n    <loc>{}</loc>\n", escape(loc));
    if let Some(lastmod) = lastmod {
        let _ = writeln!(into, "    <lastmod>{lastmod}</lastmod>");
    }
    let x_default = ("x-default", x_default);
    let versions = versions.iter().map(|(lang, href)| (*lang, href.as_str()));
    for (lang, href) in versions.chain(std::iter::once(x_default)) {
        let _ = writeln!(
            into,
            "    <xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
            escape(lang),
            escape(href)
        );
    }
    into.push_str("  </url>\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::CalendarDate;

    /// A site in memory: every finished file by path.
    #[derive(Default)]
    struct Memory {
        files: BTreeMap<String, String>,
    }

    /// A file of [`Memory`] being written.
    struct MemoryFile {
        name: String,
        bytes: Vec<u8>,
    }

    impl Write for MemoryFile {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.bytes.write(buf)
        }

        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl SiteOutput for Memory {
        type File = MemoryFile;
        type Scratch = Vec<u8>;

        fn create(&mut self, path: &SitePath) -> io::Result<MemoryFile> {
            let name = path.file_path().to_string_lossy().replace('\\', "/");
            Ok(MemoryFile {
                name,
                bytes: Vec::new(),
            })
        }

        fn finish(&mut self, file: MemoryFile) -> io::Result<()> {
            let text = String::from_utf8(file.bytes).expect("the site is UTF-8");
            assert!(self.files.insert(file.name, text).is_none(), "written once");
            Ok(())
        }

        fn scratch(&mut self) -> io::Result<Vec<u8>> {
            Ok(Vec::new())
        }

        fn copy(&mut self, scratch: &mut Vec<u8>, file: &mut MemoryFile) -> io::Result<()> {
            file.bytes.extend_from_slice(scratch);
            Ok(())
        }
    }

    const LANGS: [&str; 3] = ["en", "ar", "es"];

    fn overview(base: Option<&str>, sitemap_limits: SitemapLimits) -> SiteOverview {
        SiteOverview {
            urls: SiteUrls::new(base.map(|b| url::Url::parse(b).unwrap())),
            site_name: None,
            extension: "html".to_owned(),
            locales: LANGS
                .iter()
                .map(|lang| LocaleSite {
                    lang: (*lang).to_owned(),
                    dir: if *lang == "ar" {
                        Direction::Rtl
                    } else {
                        Direction::Ltr
                    },
                    interface: BTreeMap::new(),
                })
                .collect(),
            sitemap_limits,
        }
    }

    fn entry(article: &str, day: u32) -> IndexEntry {
        IndexEntry {
            article: article.to_owned(),
            title: Text {
                markdown: format!("Title of *{article}* <b>&"),
                fallback: None,
                reference: None,
            },
            description: None,
            details: ArticleDetails {
                published: CalendarDate::parse(&format!("2026-01-{day:02}")),
                ..ArticleDetails::default()
            },
        }
    }

    /// Renders `articles` (published in English and Spanish; the even ones in Arabic
    /// too) with `limits`.
    fn site(articles: usize, limits: SitemapLimits) -> BTreeMap<String, String> {
        let mut writer = SiteWriter::new(
            overview(Some("https://example.org/"), limits),
            Memory::default(),
        )
        .unwrap();
        for n in 0..articles {
            let entry = entry(&format!("a{n:03}"), 1 + (n % 28) as u32);
            let langs: Vec<&str> = LANGS
                .iter()
                .copied()
                .filter(|l| *l != "ar" || n % 2 == 0)
                .collect();
            writer
                .add_article(langs.iter().map(|l| (*l, &entry)))
                .unwrap();
        }
        writer.finish().unwrap().files
    }

    /// The `<url>` entries of a sitemap.
    fn urls(sitemap: &str) -> Vec<&str> {
        let body = sitemap
            .strip_prefix(URLSET_START)
            .and_then(|s| s.strip_suffix(URLSET_END))
            .unwrap_or_else(|| panic!("a whole urlset: {sitemap}"));
        body.split_inclusive("  </url>\n").collect()
    }

    /// The `<loc>`s an index lists.
    fn listed(index: &str) -> Vec<&str> {
        index
            .split("<loc>")
            .skip(1)
            .map(|s| &s[..s.find("</loc>").unwrap()])
            .collect()
    }

    #[test]
    fn a_locales_sitemap_is_split_where_it_would_pass_a_limit() {
        let whole = site(9, SitemapLimits::PROTOCOL);
        let es = urls(&whole["es/sitemap.xml"]);
        // Nine articles, then the locale's index.
        assert_eq!(es.len(), 10);
        assert!(es[9].contains("<loc>https://example.org/es/</loc>"));
        assert!(!whole.contains_key("es/sitemap-2.xml"));

        // Four URLs a file: the same entries, in order, over three parts.
        let split = site(
            9,
            SitemapLimits {
                urls: 4,
                bytes: usize::MAX,
            },
        );
        let parts = ["es/sitemap.xml", "es/sitemap-2.xml", "es/sitemap-3.xml"];
        let mut again = Vec::new();
        for part in parts {
            let entries = urls(&split[part]);
            assert!(entries.len() <= 4, "{part}");
            again.extend(entries);
        }
        assert_eq!(again, es);
        assert!(!split.contains_key("es/sitemap-4.xml"));
        // The index lists every part after the chooser's, each with its latest date.
        let index = &split["sitemap.xml"];
        let expected: Vec<String> = std::iter::once("sitemap-root.xml")
            .chain(["en/sitemap.xml", "en/sitemap-2.xml", "en/sitemap-3.xml"])
            .chain(["ar/sitemap.xml", "ar/sitemap-2.xml"])
            .chain(parts)
            .map(|p| format!("https://example.org/{p}"))
            .collect();
        assert_eq!(listed(index), expected);
        assert!(index.contains(
            "<loc>https://example.org/es/sitemap-2.xml</loc>\n    <lastmod>2026-01-08</lastmod>"
        ));
        assert!(index.contains("<loc>https://example.org/sitemap-root.xml</loc>\n  </sitemap>"));
        // Every other file is the same.
        let others = |files: &BTreeMap<String, String>| -> BTreeMap<String, String> {
            files
                .iter()
                .filter(|(name, _)| !name.contains("sitemap"))
                .map(|(n, t)| (n.clone(), t.clone()))
                .collect()
        };
        assert_eq!(others(&split), others(&whole));

        // A byte limit: no part is larger, and none is empty.
        let limit = whole["es/sitemap.xml"].len() / 3;
        let split = site(
            9,
            SitemapLimits {
                urls: usize::MAX,
                bytes: limit,
            },
        );
        let mut again = Vec::new();
        for n in 1.. {
            let name = if n == 1 {
                "es/sitemap.xml".to_owned()
            } else {
                format!("es/sitemap-{n}.xml")
            };
            let Some(part) = split.get(&name) else { break };
            assert!(part.len() <= limit, "{name}: {} > {limit}", part.len());
            let entries = urls(part);
            assert!(!entries.is_empty());
            again.extend(entries);
        }
        assert_eq!(again, es);
    }

    #[test]
    fn an_entry_larger_than_the_limit_has_a_part_to_itself() {
        let split = site(
            3,
            SitemapLimits {
                urls: usize::MAX,
                bytes: 10,
            },
        );
        for part in [
            "en/sitemap.xml",
            "en/sitemap-2.xml",
            "en/sitemap-3.xml",
            "en/sitemap-4.xml",
        ] {
            assert_eq!(urls(&split[part]).len(), 1, "{part}");
        }
        assert!(!split.contains_key("en/sitemap-5.xml"));
    }

    #[test]
    fn index_entries_are_escaped_in_order_and_the_locales_without_articles_left_out() {
        let files = site(3, SitemapLimits::PROTOCOL);
        let es = &files["es/index.html"];
        let (a0, a2) = (es.find("a000.html").unwrap(), es.find("a002.html").unwrap());
        assert!(a0 < a2);
        assert!(es.contains("Title of <em>a000</em> &lt;b&gt;&amp;"), "{es}");
        assert!(es.contains("<ul class=\"articles\">\n<li>\n<h2>"), "{es}");
        assert!(es.contains("</li>\n</ul>\n</main>"), "{es}");
        assert!(!es.contains(ENTRIES));

        // No article in Arabic: no Arabic index, sitemap or link to one.
        let mut writer = SiteWriter::new(
            overview(Some("https://example.org/"), SitemapLimits::PROTOCOL),
            Memory::default(),
        )
        .unwrap();
        let one = entry("only", 1);
        writer.add_article([("en", &one), ("es", &one)]).unwrap();
        let files = writer.finish().unwrap().files;
        assert!(
            files.keys().all(|name| !name.starts_with("ar/")),
            "{:?}",
            files.keys()
        );
        assert!(!files["index.html"].contains("hreflang=\"ar\""));
        assert!(!files["sitemap.xml"].contains("/ar/"));

        // Without a base URL: no sitemap, no robots.txt.
        let mut writer =
            SiteWriter::new(overview(None, SitemapLimits::PROTOCOL), Memory::default()).unwrap();
        writer.add_article([("en", &one)]).unwrap();
        let files = writer.finish().unwrap().files;
        assert!(
            files
                .keys()
                .all(|n| !n.contains("sitemap") && n != "robots.txt"),
            "{:?}",
            files.keys()
        );
    }
}
