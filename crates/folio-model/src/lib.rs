//! Folio's domain types: the data that flows between the splitter, the Fluent codec, the
//! workspace, the tracker and the renderer.
//!
//! This crate is at the bottom of the dependency graph. It holds plain data with serde
//! derives and the invariants that hold for every value (a [`UnitId`] is always a valid
//! Fluent identifier). It does no I/O and knows neither Markdown nor Fluent syntax.
//! Being at the bottom, it also holds the [`LineIndex`] that every crate reporting a
//! line and column shares, and the termbase's entries ([`Term`]), which the workspace
//! reads and the checker compiles.

mod lines;
mod terms;

use std::fmt;

pub use lines::{LineCursor, LineIndex};
pub use terms::{Term, TermLocale};

use serde::{Deserialize, Serialize};

/// The id of one translatable unit: a valid Fluent message identifier
/// (`[a-zA-Z][a-zA-Z0-9_-]*`), unique within its article.
///
/// Ids are the link between the English text and every translation of it, so they are
/// chosen once and kept: see `folio_split::assign_ids` for how they stay stable.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct UnitId(String);

/// Why a string is not a [`UnitId`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a valid Fluent identifier (a letter, then letters, digits, `-` or `_`)")]
pub struct InvalidUnitId(pub String);

impl UnitId {
    /// Validates `id` as a Fluent identifier.
    pub fn new(id: impl Into<String>) -> Result<Self, InvalidUnitId> {
        let id = id.into();
        let mut chars = id.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if valid {
            Ok(UnitId(id))
        } else {
            Err(InvalidUnitId(id))
        }
    }

    /// The id as it appears in a `.ftl` file.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for UnitId {
    type Error = InvalidUnitId;
    fn try_from(id: String) -> Result<Self, Self::Error> {
        UnitId::new(id)
    }
}

impl From<UnitId> for String {
    fn from(id: UnitId) -> String {
        id.0
    }
}

impl fmt::Display for UnitId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for UnitId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// What kind of block of the page a unit is; decides its id stem and how it is matched
/// against the previous English (a paragraph never takes over a heading's id).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum UnitKind {
    /// The article's title (front matter `title`).
    Title,
    /// The article's meta description (front matter `description`).
    Description,
    /// A section heading.
    Heading,
    /// A paragraph.
    Paragraph,
    /// One item of a bulleted or numbered list.
    ListItem,
    /// A table header cell.
    HeaderCell,
    /// A table body cell.
    BodyCell,
    /// A paragraph of a block quote.
    Quote,
    /// A paragraph of a footnote definition.
    Footnote,
    /// Text inside an HTML block: the content of a `<p>`, `<summary>`, `<figcaption>`…
    HtmlText,
    /// An attribute that is text for a reader: `alt`, `title` or `aria-label` in an
    /// HTML block.
    Attribute,
    /// A front matter value other than the title and description (`summary`, …).
    Meta,
}

impl UnitKind {
    /// The kinds that may take over each other's ids when a block changes kind: an
    /// author who turns a paragraph into a list item, a quote or a footnote, or wraps
    /// it in HTML, has not written a new block, so its translations must not be lost.
    pub fn family(self) -> u8 {
        match self {
            UnitKind::Title | UnitKind::Description | UnitKind::Meta => 0,
            UnitKind::Heading => 1,
            UnitKind::Paragraph
            | UnitKind::ListItem
            | UnitKind::Quote
            | UnitKind::Footnote
            | UnitKind::HtmlText => 2,
            UnitKind::HeaderCell | UnitKind::BodyCell => 3,
            UnitKind::Attribute => 4,
        }
    }
}

/// One translatable unit of English: what `folio extract` writes as one Fluent message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unit {
    /// The stable id.
    pub id: UnitId,
    /// What block of the page it is.
    pub kind: UnitKind,
    /// The block's text, inline Markdown included, with whitespace normalised
    /// (line breaks inside a paragraph are single spaces).
    pub text: String,
    /// A sentence for the translator saying what the unit is, e.g.
    /// `Paragraph 2 of "Types of Immunotherapy"`.
    pub context: String,
}

/// The order and structure of an article's blocks, by unit id: what the renderer needs
/// to rebuild the page from any locale's units. The default is the empty layout of a
/// document with no page (the interface strings).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    /// The unit holding the page title, if the source has one.
    pub title: Option<UnitId>,
    /// The unit holding the meta description, if the source has one.
    pub description: Option<UnitId>,
    /// Other translatable front matter values, by key, in source order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub meta: Vec<(String, UnitId)>,
    /// Front matter keys that are not text, kept to pass through to Markdown output.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub front_matter: Option<serde_json::Map<String, serde_json::Value>>,
    /// The body, in reading order.
    pub blocks: Vec<Block>,
    /// Ids this article used once and no longer does. They are never handed out again,
    /// so an old translation can't silently become the translation of a new block.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub retired: Vec<UnitId>,
}

/// One block of the article body.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "block", rename_all = "kebab-case")]
pub enum Block {
    /// A section heading of the given level (1–6).
    Heading {
        /// The Markdown heading level.
        level: u8,
        /// The heading's unit.
        id: UnitId,
        /// The heading's anchor (its `id` in HTML): the author's `{#id}`, or the GitHub
        /// slug of the English text, so in-page links land in every locale. `None` in
        /// layouts written before anchors: the unit id anchors it.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        anchor: Option<String>,
    },
    /// A paragraph.
    Paragraph {
        /// The paragraph's unit.
        id: UnitId,
    },
    /// A bulleted (`start` is `None`) or numbered list.
    List {
        /// The first number of a numbered list; `None` for a bulleted list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        /// One unit per item.
        items: Vec<UnitId>,
    },
    /// A table with one header row.
    Table {
        /// Column alignments, one per column.
        alignments: Vec<Alignment>,
        /// The header cells; `None` is an empty cell.
        header: Vec<Option<UnitId>>,
        /// The body rows, each as long as `header`; `None` is an empty cell.
        rows: Vec<Vec<Option<UnitId>>>,
    },
    /// A list that is more than one line of text per item: nested lists, items of several
    /// blocks, task items. A flat list of one-line items stays a [`Block::List`].
    Items {
        /// The first number of a numbered list; `None` for a bulleted list.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<u64>,
        /// Whether the items' paragraphs are shown as paragraphs (a loose list).
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        loose: bool,
        /// The items.
        items: Vec<Item>,
    },
    /// A block quote, holding blocks.
    Quote {
        /// What it holds.
        blocks: Vec<Block>,
    },
    /// A code block: kept verbatim in every locale, never translated.
    Code {
        /// The info string of a fenced block (`rust`, `sh`…); empty for none.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        info: String,
        /// The code, exactly as written.
        code: String,
    },
    /// A thematic break (`---`).
    Rule,
    /// The author's HTML, copied into every page unchanged: an embed or other HTML block
    /// with no text for a reader.
    Html {
        /// The HTML, as written.
        html: String,
    },
    /// An HTML block with text in it: verbatim pieces of the author's HTML and units,
    /// alternating in reading order.
    HtmlText {
        /// The pieces.
        parts: Vec<HtmlPart>,
    },
    /// An HTML element wrapping Markdown (an opening tag, a blank line, Markdown, a blank
    /// line, the closing tag): the author's tags around translated blocks.
    Wrapper {
        /// The opening HTML, as written.
        open: String,
        /// The blocks inside.
        blocks: Vec<Block>,
        /// The closing HTML, as written; empty when the source never closes it.
        close: String,
    },
    /// A footnote definition.
    Footnote {
        /// Its label, as references write it (`[^label]`).
        label: String,
        /// What it holds.
        blocks: Vec<Block>,
    },
}

/// One item of a [`Block::Items`] list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Item {
    /// `Some(done)` for a task list item (`- [x]`), the box's state kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub task: Option<bool>,
    /// What the item holds: usually a paragraph, then perhaps more blocks and lists.
    pub blocks: Vec<Block>,
}

/// A piece of an HTML block with text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum HtmlPart {
    /// The author's HTML, copied unchanged.
    Html(String),
    /// A unit's text: element content (inline HTML kept), rendered with the English's tags.
    Text(UnitId),
    /// A unit that is an attribute value (`alt`, `title`, `aria-label`): escaped plain text.
    Attribute(UnitId),
}

/// A table column's alignment, as written in the Markdown delimiter row.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Alignment {
    /// No alignment given.
    None,
    /// `:---`
    Left,
    /// `:---:`
    Center,
    /// `---:`
    Right,
}

impl Layout {
    /// Every unit the layout references with its kind, in reading order (title and
    /// description first). Empty table cells have no unit and are skipped.
    pub fn units(&self) -> Vec<(UnitKind, &UnitId)> {
        let mut units = Vec::new();
        units.extend(self.title.iter().map(|id| (UnitKind::Title, id)));
        units.extend(
            self.description
                .iter()
                .map(|id| (UnitKind::Description, id)),
        );
        units.extend(self.meta.iter().map(|(_, id)| (UnitKind::Meta, id)));
        for block in &self.blocks {
            block.units(&mut units);
        }
        units
    }
}

impl Block {
    /// Replaces every unit id the block references (in reading order) by `rename`'s.
    pub fn rename_units(&mut self, rename: &mut dyn FnMut(&UnitId) -> UnitId) {
        match self {
            Block::Heading { id, .. } | Block::Paragraph { id } => *id = rename(id),
            Block::List { items, .. } => items.iter_mut().for_each(|id| *id = rename(id)),
            Block::Table { header, rows, .. } => {
                for id in header.iter_mut().chain(rows.iter_mut().flatten()).flatten() {
                    *id = rename(id);
                }
            }
            Block::Items { items, .. } => {
                for block in items.iter_mut().flat_map(|item| &mut item.blocks) {
                    block.rename_units(rename);
                }
            }
            Block::Quote { blocks }
            | Block::Wrapper { blocks, .. }
            | Block::Footnote { blocks, .. } => {
                blocks.iter_mut().for_each(|b| b.rename_units(rename));
            }
            Block::HtmlText { parts } => {
                for part in parts {
                    if let HtmlPart::Text(id) | HtmlPart::Attribute(id) = part {
                        *id = rename(id);
                    }
                }
            }
            Block::Code { .. } | Block::Rule | Block::Html { .. } => {}
        }
    }

    /// Appends every unit the block references, with its kind, in reading order.
    pub fn units<'a>(&'a self, units: &mut Vec<(UnitKind, &'a UnitId)>) {
        {
            match self {
                Block::Heading { id, .. } => units.push((UnitKind::Heading, id)),
                Block::Paragraph { id } => units.push((UnitKind::Paragraph, id)),
                Block::List { items, .. } => {
                    units.extend(items.iter().map(|id| (UnitKind::ListItem, id)));
                }
                Block::Table { header, rows, .. } => {
                    units.extend(header.iter().flatten().map(|id| (UnitKind::HeaderCell, id)));
                    let body = rows.iter().flatten().flatten();
                    units.extend(body.map(|id| (UnitKind::BodyCell, id)));
                }
                Block::Items { items, .. } => {
                    for block in items.iter().flat_map(|item| &item.blocks) {
                        block.units(units);
                    }
                }
                Block::Quote { blocks }
                | Block::Wrapper { blocks, .. }
                | Block::Footnote { blocks, .. } => {
                    for block in blocks {
                        block.units(units);
                    }
                }
                Block::HtmlText { parts } => {
                    for part in parts {
                        match part {
                            HtmlPart::Text(id) => units.push((UnitKind::HtmlText, id)),
                            HtmlPart::Attribute(id) => units.push((UnitKind::Attribute, id)),
                            HtmlPart::Html(_) => {}
                        }
                    }
                }
                Block::Code { .. } | Block::Rule | Block::Html { .. } => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_ids_are_fluent_identifiers() {
        for good in ["title", "a", "types-immunotherapy-p1", "A_b-9"] {
            assert!(UnitId::new(good).is_ok(), "{good}");
        }
        for bad in ["", "1p", "-p", "para 1", "é", "p.1"] {
            assert_eq!(UnitId::new(bad), Err(InvalidUnitId(bad.to_owned())));
        }
    }

    #[test]
    fn layout_lists_ids_in_reading_order() {
        let id = |s: &str| UnitId::new(s).unwrap();
        let layout = Layout {
            title: Some(id("title")),
            description: None,
            blocks: vec![
                Block::Heading {
                    level: 2,
                    id: id("h"),
                    anchor: None,
                },
                Block::List {
                    start: None,
                    items: vec![id("li1"), id("li2")],
                },
                Block::Table {
                    alignments: vec![Alignment::None; 2],
                    header: vec![Some(id("th1")), Some(id("th2"))],
                    rows: vec![vec![Some(id("td1")), None]],
                },
                Block::Paragraph { id: id("p1") },
            ],
            meta: vec![],
            front_matter: None,
            retired: vec![],
        };
        let ids: Vec<&str> = layout
            .units()
            .into_iter()
            .map(|(_, id)| id.as_str())
            .collect();
        assert_eq!(ids, ["title", "h", "li1", "li2", "th1", "th2", "td1", "p1"]);
        assert_eq!(layout.units()[0].0, UnitKind::Title);
        assert_eq!(layout.units()[6].0, UnitKind::BodyCell);
    }

    #[test]
    fn invalid_ids_are_rejected_when_deserializing() {
        let err = serde_json::from_str::<UnitId>("\"not an id\"").unwrap_err();
        assert!(
            err.to_string().contains("not a valid Fluent identifier"),
            "{err}"
        );
    }
}
