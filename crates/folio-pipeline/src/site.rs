//! The pages of one article: each requested locale's page assembled from what the
//! locale can publish, the rest along its fallback chain, with its own disclaimer.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use folio_model::{Layout, UnitId};
use folio_policy::{LeftOut, PublishRule, left_out};
use folio_render::{
    Alternate, Direction, FrontMatterValue, MarkdownStyle, Page, RenderError, Text, build_blocks,
    language_name, localize_images, render_html, render_markdown,
};
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::DocumentAssessment;

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
    /// Each locale's fallback chain (`folio_policy::fallback_chain`).
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
    /// The publisher's page template, or the built-in one.
    pub template: Option<String>,
    /// Each locale's own images (`source/images/<locale>/`).
    pub images: BTreeMap<LanguageIdentifier, BTreeSet<String>>,
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

    /// Renders `document` (an article, assessed in every locale of the workspace) with
    /// its `layout`: a page per requested locale that publishes it.
    pub fn article(
        &self,
        layout: &Layout,
        document: DocumentAssessment,
    ) -> Result<ArticlePages, RenderError> {
        let article = document.name.as_str();
        let english: BTreeMap<&str, &str> = document
            .english
            .iter()
            .map(|u| (u.id.as_str(), u.text.as_str()))
            .collect();
        let mut outcome = ArticlePages::default();
        // What each locale can publish of this article, and whether it is published.
        let mut usable: BTreeMap<&LanguageIdentifier, &BTreeMap<String, String>> = BTreeMap::new();
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
        let versions: Vec<&LanguageIdentifier> = self
            .available
            .iter()
            .filter(|l| published.contains(l))
            .collect();
        let extension = match self.format {
            PageFormat::Html => "html",
            PageFormat::Markdown(_) => "md",
        };
        let href = |l: &LanguageIdentifier| format!("../{l}/{article}.{extension}");
        for locale in &self.requested {
            let relative = self.page_path(locale, article);
            if !published.contains(locale) {
                outcome.withdrawn.push(relative);
                continue;
            }
            let chain = &self.chains[locale];
            // The units shown from another locale, for Markdown's front matter.
            let fallbacks = RefCell::new(BTreeSet::new());
            let resolve = |id: &UnitId| -> Option<Text> {
                chain.iter().find_map(|source| {
                    let text = if *source == self.reference {
                        *english.get(id.as_str())?
                    } else {
                        usable.get(source)?.get(id.as_str())?.as_str()
                    };
                    let fallback =
                        (source != locale).then(|| (source.to_string(), Self::direction(source)));
                    if fallback.is_some() {
                        fallbacks.borrow_mut().insert(id.to_string());
                    }
                    Some(Text {
                        markdown: text.to_owned(),
                        fallback,
                        reference: english.get(id.as_str()).map(|t| (*t).to_owned()),
                    })
                })
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
                title: layout.title.as_ref().and_then(&resolve).unwrap_or(Text {
                    markdown: article.to_owned(),
                    fallback: None,
                    reference: None,
                }),
                description: layout.description.as_ref().and_then(&resolve),
                front_matter: front_matter(layout, &resolve),
                body: build_blocks(layout, &resolve),
                disclaimer: build_blocks(&self.disclaimer_layout, &own),
                alternates: versions
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
                interface: BTreeMap::new(),
            };
            page.fallbacks = fallbacks.take().into_iter().collect();
            if let Some(own_images) = self.images.get(locale) {
                localize_images(&mut page.body, &locale.to_string(), own_images);
            }
            let text = match self.format {
                PageFormat::Html => render_html(&page, self.template.as_deref())?,
                PageFormat::Markdown(style) => render_markdown(&page, style),
            };
            outcome.pages.push((locale.clone(), relative, text));
        }
        Ok(outcome)
    }
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
