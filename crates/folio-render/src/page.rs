//! The page model: what a rendered page says, resolved and ready to assemble.

use folio_model::{Alignment, Block, Layout, UnitId};
use serde::Serialize;

/// Writing direction of a language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The unit's inline Markdown.
    pub markdown: String,
    /// The language of a fallback (`None`: the page's own language).
    pub fallback: Option<(String, Direction)>,
}

/// One block of the page, its units resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockContent {
    /// A heading; `anchor` is its stable unit id.
    Heading {
        /// Markdown level.
        level: u8,
        /// The `id` of the heading element: the unit id, stable across edits.
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
}

/// Another locale's version of the same article, for `hreflang` and the switcher.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Alternate {
    /// BCP 47 tag.
    pub lang: String,
    /// The language's own name, e.g. `Español`.
    pub name: String,
    /// Link to that page, relative to this one.
    pub href: String,
    /// Whether it is this page.
    pub current: bool,
}

/// Everything one rendered page says.
#[derive(Debug, Clone, PartialEq, Eq)]
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
    /// The article body.
    pub body: Vec<BlockContent>,
    /// The site-wide disclaimer, in the page's language (never a fallback).
    pub disclaimer: Vec<BlockContent>,
    /// Every published version of the article, this one included, sorted by tag.
    pub alternates: Vec<Alternate>,
    /// Link to the reference-language page (`hreflang="x-default"`).
    pub x_default: String,
}

/// Resolves a layout's blocks through `resolve` (unit id → text). A unit that can't be
/// resolved leaves its block out; the caller decides beforehand whether that is allowed.
pub fn build_blocks(
    layout: &Layout,
    resolve: &dyn Fn(&UnitId) -> Option<Text>,
) -> Vec<BlockContent> {
    let cells =
        |cells: &Vec<Option<UnitId>>| cells.iter().map(|c| c.as_ref().and_then(resolve)).collect();
    layout
        .blocks
        .iter()
        .filter_map(|block| match block {
            Block::Heading { level, id } => Some(BlockContent::Heading {
                level: *level,
                anchor: id.to_string(),
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
