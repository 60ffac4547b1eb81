//! The pages of one article: each requested locale's page assembled from what the
//! locale can publish, the rest along its fallback chain, with its own disclaimer; and
//! what the site's indexes and sitemap say of it in every locale that publishes it.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use folio_check::CheckOptions;
use folio_model::{Layout, UnitId};
use folio_policy::{LeftOut, PublishRule, left_out};
use folio_render::interface::{INTERFACE_DOCUMENT, english_interface};
use folio_render::{
    Alternate, ArticleDetails, DetailError, Direction, FrontMatterValue, IndexEntry, LocaleSite,
    MarkdownStyle, Page, PageTemplate, RenderError, SiteOutput, SiteOverview, SitePath, SiteUrls,
    SiteWriter, SitemapLimits, Text, build_blocks, language_name, localize_images, render_markdown,
};
use folio_workspace::Workspace;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::{DocumentAssessment, EnglishError, assess_document};

/// The extension of the pages links point at: the HTML site's, in Markdown output too
/// (its alternates name the published pages, not the Markdown files).
const LINKED_EXTENSION: &str = "html";

/// Why an article's pages could not be made.
#[derive(Debug, thiserror::Error)]
pub enum PageError {
    /// Rendering failed (the template, or a page without its disclaimer).
    #[error(transparent)]
    Render(#[from] RenderError),
    /// A front-matter detail (`date`, `reviewed`, `author`…) can't be read.
    #[error(transparent)]
    Details(#[from] DetailError),
}

/// The format of rendered pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PageFormat {
    /// Standalone HTML5 pages, `<locale>/<article>.html`.
    Html,
    /// Markdown with YAML front matter for a static-site generator, named and keyed as
    /// its style says.
    Markdown(MarkdownStyle),
}

/// What every article's pages share, decided before any is rendered.
pub struct Site {
    /// The reference locale, whose pages always publish.
    pub reference: LanguageIdentifier,
    /// Every locale of the workspace, the reference first.
    pub available: Vec<LanguageIdentifier>,
    /// The locales to render pages for.
    pub requested: Vec<LanguageIdentifier>,
    /// Locales refused for their disclaimer: no page of theirs is published.
    pub refused: BTreeSet<LanguageIdentifier>,
    /// Each available locale's fallback chain (`folio_policy::fallback_chain`).
    pub chains: BTreeMap<LanguageIdentifier, Vec<LanguageIdentifier>>,
    /// The disclaimer's layout.
    pub disclaimer_layout: Layout,
    /// The English disclaimer's texts by unit id.
    pub disclaimer_english: BTreeMap<String, String>,
    /// Each published locale's disclaimer texts by unit id (all of them, or it is refused).
    pub disclaimer: BTreeMap<LanguageIdentifier, BTreeMap<String, String>>,
    /// When an article is published in a locale.
    pub rule: PublishRule,
    /// The page format.
    pub format: PageFormat,
    /// The page template (the publisher's, or the built-in one), compiled once.
    pub template: PageTemplate,
    /// Each locale's own images (`source/images/<locale>/`).
    pub images: BTreeMap<LanguageIdentifier, BTreeSet<String>>,
    /// How pages link to each other (absolute under `[render] base-url`).
    pub urls: SiteUrls,
    /// `[render] site-name`.
    pub site_name: Option<String>,
    /// `[render] english-only-sites`.
    pub english_only_sites: Vec<String>,
    /// Each available locale's interface strings, by message id ([`resolve_interface`]).
    pub interface: BTreeMap<LanguageIdentifier, BTreeMap<String, String>>,
}

/// One article's pages and what became of each locale.
#[derive(Debug, Default)]
pub struct ArticlePages {
    /// The pages to publish: their locale, path relative to the site, contents.
    pub pages: Vec<(LanguageIdentifier, PathBuf, String)>,
    /// The pages not published (refused or below the rule), relative to the site.
    pub withdrawn: Vec<PathBuf>,
    /// Locales whose page is below the rule, with their coverage.
    pub below: Vec<(LanguageIdentifier, f64)>,
    /// Locales whose page leaves units out for their errors, with the checks failed.
    pub left_out: Vec<(LanguageIdentifier, Vec<LeftOut>)>,
    /// The article as each locale that publishes it lists it, in site order.
    pub index: Vec<(LanguageIdentifier, IndexEntry)>,
}

/// What one article is in every locale: what each can publish, and where it is published.
struct Versions<'d> {
    english: BTreeMap<&'d str, &'d str>,
    usable: BTreeMap<&'d LanguageIdentifier, &'d BTreeMap<String, String>>,
    published: BTreeSet<&'d LanguageIdentifier>,
}

impl Site {
    /// A locale's text direction.
    pub fn direction(locale: &LanguageIdentifier) -> Direction {
        match locale.character_direction() {
            CharacterDirection::RTL => Direction::Rtl,
            _ => Direction::Ltr,
        }
    }

    /// Where `locale`'s page of `article` goes in the site: `<locale>/<article>.html`,
    /// `<locale>/<article>.md` for Hugo (a content folder per language), and for Zola
    /// `<article>.md` in the reference locale and `<article>.<locale>.md` in the others,
    /// side by side (Zola takes a file without a language suffix to be in its default
    /// language, and refuses a suffix naming the default).
    pub fn page_path(&self, locale: &LanguageIdentifier, article: &str) -> PathBuf {
        match self.format {
            PageFormat::Html => PathBuf::from(locale.to_string()).join(format!("{article}.html")),
            PageFormat::Markdown(MarkdownStyle::Hugo) => {
                PathBuf::from(locale.to_string()).join(format!("{article}.md"))
            }
            PageFormat::Markdown(MarkdownStyle::Zola) if *locale == self.reference => {
                PathBuf::from(format!("{article}.md"))
            }
            PageFormat::Markdown(MarkdownStyle::Zola) => {
                PathBuf::from(format!("{article}.{locale}.md"))
            }
        }
    }

    /// Where `document` (assessed in every locale) is published, and what each locale
    /// can publish of it; pages below the rule and units left out go to `outcome`.
    fn versions<'d>(
        &'d self,
        document: &'d DocumentAssessment,
        outcome: &mut ArticlePages,
    ) -> Versions<'d> {
        let english = document
            .english
            .iter()
            .map(|u| (&*u.id, &*u.text))
            .collect();
        let mut usable = BTreeMap::new();
        let mut published: BTreeSet<&LanguageIdentifier> = BTreeSet::from([&self.reference]);
        for one in document.locales.iter().flatten() {
            usable.insert(&one.locale, &one.assessment.publishable);
            if self.refused.contains(&one.locale) {
                continue;
            }
            let coverage = one.assessment.coverage();
            if self.rule.publishes(coverage) {
                published.insert(&one.locale);
                let units = left_out(&one.assessment);
                if !units.is_empty() {
                    outcome.left_out.push((one.locale.clone(), units));
                }
            } else {
                outcome.below.push((one.locale.clone(), coverage));
            }
        }
        Versions {
            english,
            usable,
            published,
        }
    }

    /// A unit's text on `locale`'s page: the locale's, else along its fallback chain,
    /// marked with the language it came from.
    fn resolve(
        &self,
        versions: &Versions<'_>,
        locale: &LanguageIdentifier,
        id: &UnitId,
    ) -> Option<Text> {
        self.chains[locale].iter().find_map(|source| {
            let text = if *source == self.reference {
                *versions.english.get(id.as_str())?
            } else {
                versions.usable.get(source)?.get(id.as_str())?.as_str()
            };
            let fallback =
                (source != locale).then(|| (source.to_string(), Self::direction(source)));
            Some(Text {
                markdown: text.to_owned(),
                fallback,
                reference: versions.english.get(id.as_str()).map(|t| (*t).to_owned()),
            })
        })
    }

    /// The title a page shows: the title unit, else the article's name.
    fn title(
        &self,
        versions: &Versions<'_>,
        layout: &Layout,
        locale: &LanguageIdentifier,
        article: &str,
    ) -> Text {
        layout
            .title
            .as_ref()
            .and_then(|id| self.resolve(versions, locale, id))
            .unwrap_or(Text {
                markdown: article.to_owned(),
                fallback: None,
                reference: None,
            })
    }

    /// The article as every locale that publishes it lists it.
    fn index_entries(
        &self,
        versions: &Versions<'_>,
        layout: &Layout,
        article: &str,
        details: &ArticleDetails,
    ) -> Vec<(LanguageIdentifier, IndexEntry)> {
        self.available
            .iter()
            .filter(|l| versions.published.contains(l))
            .map(|locale| {
                let entry = IndexEntry {
                    article: article.to_owned(),
                    title: self.title(versions, layout, locale, article),
                    description: layout
                        .description
                        .as_ref()
                        .and_then(|id| self.resolve(versions, locale, id)),
                    details: details.clone(),
                };
                (locale.clone(), entry)
            })
            .collect()
    }

    /// What the site's indexes and sitemap say of `document`, in every locale that
    /// publishes it; no page is rendered. A partial render asks this of the articles it
    /// does not render, so the indexes stay those of the whole workspace.
    pub fn article_index(
        &self,
        layout: &Layout,
        document: &DocumentAssessment,
    ) -> Result<Vec<(LanguageIdentifier, IndexEntry)>, PageError> {
        let details = ArticleDetails::from_front_matter(layout.front_matter.as_ref())?;
        let versions = self.versions(document, &mut ArticlePages::default());
        Ok(self.index_entries(&versions, layout, &document.name, &details))
    }

    /// Renders `document` (an article, assessed in every locale of the workspace) with
    /// its `layout`: a page per requested locale that publishes it, and its index entries
    /// in every locale that does.
    pub fn article(
        &self,
        layout: &Layout,
        document: DocumentAssessment,
    ) -> Result<ArticlePages, PageError> {
        let article = document.name.as_str();
        let details = ArticleDetails::from_front_matter(layout.front_matter.as_ref())?;
        let mut outcome = ArticlePages::default();
        let versions = self.versions(&document, &mut outcome);
        let published: Vec<&LanguageIdentifier> = self
            .available
            .iter()
            .filter(|l| versions.published.contains(l))
            .collect();
        // Every page of the article is at the same depth (`<locale>/<article>`), so a link
        // to one locale's page is the same from each of them: made once, not once a page.
        let page_at =
            |l: &LanguageIdentifier| SitePath::article(&l.to_string(), article, LINKED_EXTENSION);
        let hrefs: BTreeMap<&LanguageIdentifier, String> = match published.first() {
            Some(first) => (published.iter().chain([&&self.reference]))
                .map(|l| (*l, self.urls.href(&page_at(first), &page_at(l))))
                .collect(),
            None => BTreeMap::new(),
        };
        for locale in &self.requested {
            let relative = self.page_path(locale, article);
            if !versions.published.contains(locale) {
                outcome.withdrawn.push(relative);
                continue;
            }
            let here = page_at(locale);
            let href = |l: &LanguageIdentifier| hrefs[l].clone();
            // The units shown from another locale, for Markdown's front matter.
            let fallbacks = RefCell::new(BTreeSet::new());
            let resolve = |id: &UnitId| {
                let text = self.resolve(&versions, locale, id)?;
                if text.fallback.is_some() {
                    fallbacks.borrow_mut().insert(id.to_string());
                }
                Some(text)
            };
            // The disclaimer never falls back: a locale without all of it is refused.
            let disclaimer_texts = if *locale == self.reference {
                &self.disclaimer_english
            } else {
                &self.disclaimer[locale]
            };
            let own = |id: &UnitId| -> Option<Text> {
                Some(Text {
                    markdown: disclaimer_texts.get(id.as_str())?.clone(),
                    fallback: None,
                    reference: self.disclaimer_english.get(id.as_str()).cloned(),
                })
            };
            let mut page = Page {
                lang: locale.to_string(),
                dir: Self::direction(locale),
                article: article.to_owned(),
                title: self.title(&versions, layout, locale, article),
                description: layout.description.as_ref().and_then(&resolve),
                front_matter: front_matter(layout, &resolve),
                body: build_blocks(layout, &resolve),
                disclaimer: build_blocks(&self.disclaimer_layout, &own),
                alternates: published
                    .iter()
                    .map(|l| Alternate {
                        lang: l.to_string(),
                        name: language_name(&l.to_string()),
                        href: href(l),
                        current: *l == locale,
                    })
                    .collect(),
                x_default: href(&self.reference),
                fallbacks: Vec::new(),
                url: self.urls.absolute(&here),
                index: self
                    .urls
                    .href(&here, &SitePath::locale_index(&locale.to_string())),
                stylesheet: SiteUrls::relative(&here, &SitePath::stylesheet()),
                reference: self.reference.to_string(),
                site_name: self.site_name.clone(),
                details: details.clone(),
                english_only_sites: self.english_only_sites.clone(),
                interface: self.interface.get(locale).cloned().unwrap_or_default(),
            };
            if page.title.fallback.is_some()
                && let Some(id) = &layout.title
            {
                fallbacks.borrow_mut().insert(id.to_string());
            }
            page.fallbacks = fallbacks.take().into_iter().collect();
            if let Some(own_images) = self.images.get(locale) {
                localize_images(&mut page.body, &locale.to_string(), own_images);
            }
            let text = match self.format {
                PageFormat::Html => self.template.render(&page)?,
                PageFormat::Markdown(style) => render_markdown(&page, style),
            };
            outcome.pages.push((locale.clone(), relative, text));
        }
        outcome.index = self.index_entries(&versions, layout, article, &details);
        Ok(outcome)
    }

    /// The writer of the files around the article pages (`folio_render::SiteWriter`),
    /// into `output`: the site [`Site::overview`] describes.
    pub fn site_writer<O: SiteOutput>(&self, output: O) -> Result<SiteWriter<O>, RenderError> {
        SiteWriter::new(self.overview(), output)
    }

    /// The site as its indexes, 404 pages and sitemaps show it: every available locale
    /// not refused (the reference first), of which the writer publishes the reference
    /// and those that list an article.
    pub fn overview(&self) -> SiteOverview {
        let locales = self
            .available
            .iter()
            .filter(|l| !self.refused.contains(l))
            .map(|locale| LocaleSite {
                lang: locale.to_string(),
                dir: Self::direction(locale),
                interface: self.interface.get(locale).cloned().unwrap_or_default(),
            })
            .collect();
        SiteOverview {
            urls: self.urls.clone(),
            site_name: self.site_name.clone(),
            extension: LINKED_EXTENSION.to_owned(),
            locales,
            sitemap_limits: SitemapLimits::PROTOCOL,
        }
    }
}

/// Each available locale's interface strings: the reference's English (the workspace's
/// extracted `interface` units, else Folio's built-in), every other locale's resolved by
/// [`resolve_interface`] from its publishable translation.
pub fn interface_strings(
    workspace: &Workspace,
    extracted: bool,
    available: &[LanguageIdentifier],
    locales: &[LanguageIdentifier],
    options: &CheckOptions,
) -> Result<BTreeMap<LanguageIdentifier, BTreeMap<String, String>>, EnglishError> {
    let mut own = BTreeMap::new();
    let english: BTreeMap<String, String> = if extracted {
        let assessed = assess_document(workspace, INTERFACE_DOCUMENT, locales, options)?;
        for one in assessed.locales.into_iter().flatten() {
            own.insert(one.locale, one.assessment.publishable);
        }
        assessed
            .english
            .into_iter()
            .map(|u| (u.id.to_string(), u.text.to_string()))
            .collect()
    } else {
        english_interface().clone()
    };
    Ok(available
        .iter()
        .map(|locale| {
            let strings = if Some(locale) == available.first() {
                english.clone()
            } else {
                resolve_interface(locale, &english, own.get(locale))
            };
            (locale.clone(), strings)
        })
        .collect())
}

/// A locale's interface strings, by message id, for every id of the `english` ones
/// (the workspace's `locales/en/interface.ftl`, else Folio's built-in English): the
/// locale's own publishable translation (`own`); else Folio's built-in translation for
/// the locale, when the English it translates is today's; else the English.
pub fn resolve_interface(
    locale: &LanguageIdentifier,
    english: &BTreeMap<String, String>,
    own: Option<&BTreeMap<String, String>>,
) -> BTreeMap<String, String> {
    let builtin = folio_render::interface::builtin_translation(&locale.to_string())
        .map(folio_render::interface::interface_strings)
        .unwrap_or_default();
    let builtin_english = folio_render::interface::english_interface();
    english
        .iter()
        .map(|(id, text)| {
            let shown = own
                .and_then(|own| own.get(id))
                .or_else(|| {
                    builtin
                        .get(id)
                        .filter(|_| builtin_english.get(id) == Some(text))
                })
                .unwrap_or(text);
            (id.clone(), shown.clone())
        })
        .collect()
}

/// The front matter a Markdown page passes through: the source's kept keys and its other
/// translated text keys, sorted by key.
fn front_matter(
    layout: &Layout,
    resolve: &dyn Fn(&UnitId) -> Option<Text>,
) -> Vec<(String, FrontMatterValue)> {
    let mut values: BTreeMap<String, FrontMatterValue> = layout
        .front_matter
        .iter()
        .flatten()
        .map(|(key, value)| (key.clone(), FrontMatterValue::Kept(value.clone())))
        .collect();
    for (key, id) in &layout.meta {
        if let Some(text) = resolve(id) {
            values.insert(key.clone(), FrontMatterValue::Text(text));
        }
    }
    values.into_iter().collect()
}
