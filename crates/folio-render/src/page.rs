//! The page model: what a rendered page says, resolved and ready to assemble.

use std::collections::{BTreeMap, BTreeSet};

use folio_model::{Alignment, Block, HtmlPart, Layout, UnitId};
use serde::{Deserialize, Serialize};

use crate::details::ArticleDetails;
use crate::inline::LinkNote;
use crate::interface::{english_interface, ids};

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    /// Left to right.
    Ltr,
    /// Right to left (Arabic, Hebrew, Persian, Urdu…).
    Rtl,
}

impl Direction {
    /// `ltr` or `rtl`, as HTML's `dir` attribute wants it.
    pub fn as_str(self) -> &'static str {
        match self {
            Direction::Ltr => "ltr",
            Direction::Rtl => "rtl",
        }
    }
}

/// One unit's text on a page: inline Markdown (untrusted), and, when it is a fallback
/// from another locale, that locale and its direction.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// The unit's inline Markdown.
    pub markdown: String,
    /// The language of a fallback (`None`: the page's own language).
    pub fallback: Option<(String, Direction)>,
    /// The English unit's inline Markdown, trusted: the author's inline HTML tags and
    /// image sources on the page are taken from it, by position, never from the text.
    /// `None` renders the text's own HTML as text and drops its images.
    pub reference: Option<String>,
}

/// One block of the page, its units resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockContent {
    /// A heading; `anchor` is the same in every locale.
    Heading {
        /// Markdown level.
        level: u8,
        /// The `id` of the heading element: the source's anchor (its `{#id}` or the GitHub
        /// slug of the English), else the unit id; identical in every locale.
        anchor: String,
        /// Its text.
        text: Text,
    },
    /// A paragraph.
    Paragraph(Text),
    /// A bulleted (`start: None`) or numbered list.
    List {
        /// First number of a numbered list.
        start: Option<u64>,
        /// The items.
        items: Vec<Text>,
    },
    /// A table with one header row; `None` cells are empty.
    Table {
        /// Column alignments.
        alignments: Vec<Alignment>,
        /// Header cells.
        header: Vec<Option<Text>>,
        /// Body rows.
        rows: Vec<Vec<Option<Text>>>,
    },
    /// A list whose items hold blocks (nested lists, several paragraphs, tasks).
    Items {
        /// First number of a numbered list.
        start: Option<u64>,
        /// Whether item paragraphs are shown as paragraphs.
        loose: bool,
        /// Each item: its task state, if a task, and its blocks.
        items: Vec<(Option<bool>, Vec<BlockContent>)>,
    },
    /// A block quote.
    Quote(Vec<BlockContent>),
    /// A code block, verbatim.
    Code {
        /// The fenced block's info string.
        info: String,
        /// The code.
        code: String,
    },
    /// A thematic break.
    Rule,
    /// The author's HTML, trusted, copied as written.
    Html(String),
    /// An HTML block with text: the author's HTML around units.
    HtmlText(Vec<HtmlContent>),
    /// The author's HTML element around blocks.
    Wrapper {
        /// The opening HTML, trusted.
        open: String,
        /// The blocks inside.
        blocks: Vec<BlockContent>,
        /// The closing HTML, trusted.
        close: String,
    },
    /// A footnote definition, numbered in order of definition.
    Footnote {
        /// Its label.
        label: String,
        /// Its 1-based number.
        number: usize,
        /// What it holds.
        blocks: Vec<BlockContent>,
    },
}

/// A front matter value passed through to Markdown output.
#[derive(Debug, Clone, PartialEq)]
pub enum FrontMatterValue {
    /// The source's value, trusted, as it was.
    Kept(serde_json::Value),
    /// A translated unit: untrusted, written as plain text.
    Text(Text),
}

/// A piece of an HTML block with text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlContent {
    /// The author's HTML, trusted.
    Html(String),
    /// Element content: inline Markdown and the English's inline HTML.
    Text(Text),
    /// An attribute value: plain text, escaped.
    Attribute(Text),
}

/// Another locale's version of the same article, for `hreflang` and the switcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternate {
    /// BCP 47 tag.
    pub lang: String,
    /// The language's own name, e.g. `Español`.
    pub name: String,
    /// Link to that page: absolute under the site's base URL, else relative to this
    /// page (`folio_render::SiteUrls::href`).
    pub href: String,
    /// Whether it is this page.
    pub current: bool,
}

/// Everything one rendered page says.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The page's language (BCP 47).
    pub lang: String,
    /// Its direction.
    pub dir: Direction,
    /// The article's name (file stem), for templates.
    pub article: String,
    /// The title unit.
    pub title: Text,
    /// The meta description unit.
    pub description: Option<Text>,
    /// Other front matter for Markdown output: the source's keys that are not text, and
    /// the translated values of its other text keys (`summary`…), in key order.
    pub front_matter: Vec<(String, FrontMatterValue)>,
    /// The article body.
    pub body: Vec<BlockContent>,
    /// The site-wide disclaimer, in the page's language (never a fallback).
    pub disclaimer: Vec<BlockContent>,
    /// Every published version of the article, this one included, sorted by tag.
    pub alternates: Vec<Alternate>,
    /// Link to the reference-language page (`hreflang="x-default"`).
    pub x_default: String,
    /// The ids of the units shown from another locale (fallbacks), sorted: Markdown
    /// output lists them in its front matter.
    pub fallbacks: Vec<String>,
    /// This page's own absolute URL (canonical link, `og:url`, JSON-LD `@id`); `None`
    /// when the site has no base URL.
    pub url: Option<String>,
    /// Link to the index of articles in the page's language.
    pub index: String,
    /// Link to the site's stylesheet, relative even under a base URL (see
    /// [`crate::SiteUrls::relative`]).
    pub stylesheet: String,
    /// The reference locale, which the other versions are translations of.
    pub reference: String,
    /// The site's name (`[render] site-name`), trusted.
    pub site_name: Option<String>,
    /// The article's dates and people, from its front matter.
    pub details: ArticleDetails,
    /// URL prefixes of sites that exist only in English (`[render] english-only-sites`):
    /// on a page in another language, links to them are followed by the interface's
    /// "(English)" ([`Page::link_note`]).
    pub english_only_sites: Vec<String>,
    /// The interface strings in the page's language, by message id (see
    /// [`crate::interface`]); read them with [`Page::interface_string`]. Untrusted like
    /// any translation: escaped wherever they are written.
    pub interface: BTreeMap<String, String>,
}

impl Page {
    /// The interface string `id` in the page's language, else Folio's built-in English
    /// (see [`Page::interface_is_english`]), else the id itself (a template naming an id
    /// that does not exist shows it).
    pub fn interface_string<'p>(&'p self, id: &'p str) -> &'p str {
        self.interface
            .get(id)
            .or_else(|| english_interface().get(id))
            .map_or(id, String::as_str)
    }

    /// The note after links to English-only sites, on a page not in English.
    pub fn link_note(&self) -> Option<LinkNote<'_>> {
        let english = self.lang == "en" || self.lang.starts_with("en-");
        (!english && !self.english_only_sites.is_empty()).then(|| LinkNote {
            sites: &self.english_only_sites,
            words: self.interface_string(ids::ENGLISH_ONLY_SUFFIX),
        })
    }

    /// Whether [`Page::interface_string`] shows `id` in Folio's built-in English, so the
    /// text must be marked as English on a page in another language.
    pub fn interface_is_english(&self, id: &str) -> bool {
        !self.interface.contains_key(id)
    }
}

/// Resolves a layout's blocks through `resolve` (unit id → text). A unit that can't be
/// resolved leaves its block out; the caller decides beforehand whether that is allowed.
/// Layout the author wrote (code, rules, HTML) is kept as it is.
pub fn build_blocks(
    layout: &Layout,
    resolve: &dyn Fn(&UnitId) -> Option<Text>,
) -> Vec<BlockContent> {
    let mut footnotes = 0;
    blocks(&layout.blocks, resolve, &mut footnotes)
}

fn blocks(
    blocks: &[Block],
    resolve: &dyn Fn(&UnitId) -> Option<Text>,
    footnotes: &mut usize,
) -> Vec<BlockContent> {
    let cells =
        |cells: &Vec<Option<UnitId>>| cells.iter().map(|c| c.as_ref().and_then(resolve)).collect();
    blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, id, anchor } => Some(BlockContent::Heading {
                level: *level,
                anchor: anchor.clone().unwrap_or_else(|| id.to_string()),
                text: resolve(id)?,
            }),
            Block::Paragraph { id } => Some(BlockContent::Paragraph(resolve(id)?)),
            Block::List { start, items } => Some(BlockContent::List {
                start: *start,
                items: items.iter().filter_map(resolve).collect(),
            }),
            Block::Table {
                alignments,
                header,
                rows,
            } => Some(BlockContent::Table {
                alignments: alignments.clone(),
                header: cells(header),
                rows: rows.iter().map(cells).collect(),
            }),
            Block::Items {
                start,
                loose,
                items,
            } => Some(BlockContent::Items {
                start: *start,
                loose: *loose,
                items: items
                    .iter()
                    .map(|item| (item.task, self::blocks(&item.blocks, resolve, footnotes)))
                    .collect(),
            }),
            Block::Quote { blocks } => Some(BlockContent::Quote(self::blocks(
                blocks, resolve, footnotes,
            ))),
            Block::Code { info, code } => Some(BlockContent::Code {
                info: info.clone(),
                code: code.clone(),
            }),
            Block::Rule => Some(BlockContent::Rule),
            Block::Html { html } => Some(BlockContent::Html(html.clone())),
            Block::HtmlText { parts } => {
                let mut content = Vec::with_capacity(parts.len());
                for part in parts {
                    content.push(match part {
                        HtmlPart::Html(html) => HtmlContent::Html(html.clone()),
                        HtmlPart::Text(id) => HtmlContent::Text(resolve(id)?),
                        HtmlPart::Attribute(id) => HtmlContent::Attribute(resolve(id)?),
                    });
                }
                Some(BlockContent::HtmlText(content))
            }
            Block::Wrapper {
                open,
                blocks,
                close,
            } => Some(BlockContent::Wrapper {
                open: open.clone(),
                blocks: self::blocks(blocks, resolve, footnotes),
                close: close.clone(),
            }),
            Block::Footnote { label, blocks } => {
                *footnotes += 1;
                Some(BlockContent::Footnote {
                    label: label.clone(),
                    number: *footnotes,
                    blocks: self::blocks(blocks, resolve, footnotes),
                })
            }
        })
        .collect()
}

/// Each language's name in itself, for the language switcher. A tag not listed here is
/// shown as the tag.
const ENDONYMS: &[(&str, &str)] = &[
    ("ar", "العربية"),
    ("bn", "বাংলা"),
    ("cs", "Čeština"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
    ("el", "Ελληνικά"),
    ("en", "English"),
    ("es", "Español"),
    ("fa", "فارسی"),
    ("fi", "Suomi"),
    ("fr", "Français"),
    ("he", "עברית"),
    ("hi", "हिन्दी"),
    ("hu", "Magyar"),
    ("id", "Bahasa Indonesia"),
    ("it", "Italiano"),
    ("ja", "日本語"),
    ("ko", "한국어"),
    ("nl", "Nederlands"),
    ("pl", "Polski"),
    ("pt", "Português"),
    ("pt-BR", "Português (Brasil)"),
    ("pt-PT", "Português (Portugal)"),
    ("ro", "Română"),
    ("ru", "Русский"),
    ("sv", "Svenska"),
    ("th", "ไทย"),
    ("tr", "Türkçe"),
    ("uk", "Українська"),
    ("ur", "اردو"),
    ("vi", "Tiếng Việt"),
    ("zh-Hans", "简体中文"),
    ("zh-Hant", "繁體中文"),
];

/// The language's own name: the exact tag if listed, else its language subtag's, else the tag.
pub fn language_name(tag: &str) -> String {
    let language = tag.split('-').next().unwrap_or(tag);
    ENDONYMS
        .iter()
        .find(|(t, _)| *t == tag)
        .or_else(|| ENDONYMS.iter().find(|(t, _)| *t == language))
        .map_or_else(|| tag.to_owned(), |(_, name)| (*name).to_owned())
}

/// Points a page's images at the locale's own where it has one: an image source
/// `images/<name>` (or `./images/<name>`) becomes `images/<locale>/<name>` when
/// `available` (the locale's image names, from the workspace) holds `<name>`. Applies to
/// Markdown images (through each text's English reference, which the page takes image
/// sources from) and to `src` attributes of the author's HTML.
pub fn localize_images(blocks: &mut [BlockContent], locale: &str, available: &BTreeSet<String>) {
    if available.is_empty() {
        return;
    }
    let swap = |src: &str| -> Option<String> {
        let name = src
            .strip_prefix("./")
            .unwrap_or(src)
            .strip_prefix("images/")?;
        available
            .contains(name)
            .then(|| format!("images/{locale}/{name}"))
    };
    let text = |text: &mut Text| {
        if let Some(reference) = &mut text.reference {
            *reference = localize_markdown_images(reference, &swap);
        }
    };
    let html = |html: &mut String| *html = localize_html_images(html, &swap);
    for block in blocks {
        match block {
            BlockContent::Heading { text: t, .. } | BlockContent::Paragraph(t) => text(t),
            BlockContent::List { items, .. } => items.iter_mut().for_each(text),
            BlockContent::Table { header, rows, .. } => header
                .iter_mut()
                .chain(rows.iter_mut().flatten())
                .flatten()
                .for_each(text),
            BlockContent::Items { items, .. } => {
                for (_, blocks) in items {
                    localize_images(blocks, locale, available);
                }
            }
            BlockContent::Quote(blocks) | BlockContent::Footnote { blocks, .. } => {
                localize_images(blocks, locale, available)
            }
            BlockContent::Wrapper { open, blocks, .. } => {
                html(open);
                localize_images(blocks, locale, available);
            }
            BlockContent::Html(author) => html(author),
            BlockContent::HtmlText(parts) => {
                for part in parts {
                    match part {
                        HtmlContent::Html(author) => html(author),
                        HtmlContent::Text(t) | HtmlContent::Attribute(t) => text(t),
                    }
                }
            }
            BlockContent::Code { .. } | BlockContent::Rule => {}
        }
    }
}

/// `markdown` with each image's target replaced where `swap` gives a new one.
fn localize_markdown_images(markdown: &str, swap: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut done = 0;
    for (event, range) in pulldown_cmark::Parser::new(markdown).into_offset_iter() {
        let pulldown_cmark::Event::Start(pulldown_cmark::Tag::Image { dest_url, .. }) = event
        else {
            continue;
        };
        let Some(new) = swap(&dest_url) else { continue };
        // The target follows the text's `](`; an inline image is all the splitter writes.
        let written = &markdown[range.clone()];
        if let Some(at) = written.rfind(&format!("]({dest_url}")) {
            let at = range.start + at + 2;
            if at >= done {
                out.push_str(&markdown[done..at]);
                out.push_str(&new);
                done = at + dest_url.len();
            }
        }
    }
    out.push_str(&markdown[done..]);
    out
}

/// The author's HTML with each `src="…"` replaced where `swap` gives a new one.
fn localize_html_images(html: &str, swap: &dyn Fn(&str) -> Option<String>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find("src=\"") {
        let value_start = at + 5;
        out.push_str(&rest[..value_start]);
        rest = &rest[value_start..];
        let end = rest.find('"').unwrap_or(rest.len());
        match swap(&rest[..end]) {
            Some(new) => out.push_str(&new),
            None => out.push_str(&rest[..end]),
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// Pages for the renderers' unit tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;

    /// A text in the page's own language, its English the same Markdown.
    pub(crate) fn own(markdown: &str) -> Text {
        Text {
            markdown: markdown.into(),
            fallback: None,
            reference: Some(markdown.into()),
        }
    }

    /// An English text shown as a fallback.
    pub(crate) fn english(markdown: &str) -> Text {
        Text {
            fallback: Some(("en".into(), Direction::Ltr)),
            ..own(markdown)
        }
    }

    /// A page in `lang` with `body` and a one-paragraph disclaimer.
    pub(crate) fn page(lang: &str, dir: Direction, body: Vec<BlockContent>) -> Page {
        Page {
            lang: lang.into(),
            dir,
            article: "a".into(),
            title: own("Title"),
            description: None,
            front_matter: Vec::new(),
            body,
            disclaimer: vec![BlockContent::Paragraph(own("Not advice."))],
            alternates: Vec::new(),
            x_default: "../en/a.html".into(),
            fallbacks: Vec::new(),
            url: None,
            index: "index.html".into(),
            stylesheet: "../style.css".into(),
            reference: "en".into(),
            site_name: None,
            details: ArticleDetails::default(),
            english_only_sites: Vec::new(),
            interface: BTreeMap::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interface_text_falls_back_to_the_built_in_english() {
        let mut page = testing::page("de", Direction::Ltr, Vec::new());
        assert_eq!(
            page.interface_string("fallback-badge"),
            "Not yet translated"
        );
        assert!(page.interface_is_english("fallback-badge"));
        page.interface
            .insert("fallback-badge".into(), "Noch nicht übersetzt".into());
        assert_eq!(
            page.interface_string("fallback-badge"),
            "Noch nicht übersetzt"
        );
        assert!(!page.interface_is_english("fallback-badge"));
        assert_eq!(page.interface_string("no-such-message"), "no-such-message");
    }

    #[test]
    fn a_locale_shows_its_own_images_where_it_has_them() {
        let text = |markdown: &str| Text {
            markdown: "x".into(),
            fallback: None,
            reference: Some(markdown.into()),
        };
        let mut blocks = vec![
            BlockContent::Paragraph(text("![A](images/a.png) and ![B](images/b.png)")),
            BlockContent::Html("<img src=\"./images/a.png\" alt=\"\">".into()),
        ];
        let available: BTreeSet<String> = ["a.png".to_owned()].into();
        localize_images(&mut blocks, "es", &available);
        assert_eq!(
            blocks[0],
            BlockContent::Paragraph(text("![A](images/es/a.png) and ![B](images/b.png)"))
        );
        assert_eq!(
            blocks[1],
            BlockContent::Html("<img src=\"images/es/a.png\" alt=\"\">".into())
        );
    }
}
