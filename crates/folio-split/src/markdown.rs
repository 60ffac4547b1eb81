//! Markdown → source units and page shape.

use std::ops::Range;

use folio_model::{Alignment, UnitId, UnitKind};
use pulldown_cmark::{
    Alignment as CmarkAlignment, Event, HeadingLevel, LinkType, MetadataBlockKind, Options, Parser,
    Tag, TagEnd,
};

/// One translatable block of the source, before it has an id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceUnit {
    /// What block it is.
    pub kind: UnitKind,
    /// Inline Markdown, verbatim but for whitespace: every run of spaces and line breaks
    /// is one space, a hard line break is `\` + newline, and the ends are trimmed. So a
    /// re-wrapped paragraph gives the same text.
    pub text: String,
    /// The heading of the section the block is in (plain text), `None` before the first.
    pub section: Option<String>,
    /// 1-based ordinal among the blocks of the same kind in the same section, for ids
    /// and translator context. Table cells count across all tables of the section.
    pub ordinal: usize,
    /// The id the author pinned with `<!-- folio-id: … -->`, if any.
    pub pinned: Option<UnitId>,
    /// 1-based source line where the block starts.
    pub line: usize,
    /// Where a table cell sits, for translator context.
    pub detail: Detail,
}

/// Extra context for a unit, beyond its kind and section.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Detail {
    /// Nothing more to say.
    #[default]
    None,
    /// A body cell: its 1-based row and its column's header text.
    Cell {
        /// 1-based body row.
        row: usize,
        /// 1-based column.
        column: usize,
        /// The header cell's plain text, if not empty.
        header: Option<String>,
    },
}

/// The page structure, with units referred to by their index in [`SplitArticle::units`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shape {
    /// A heading of level 1–6.
    Heading {
        /// Markdown level.
        level: u8,
        /// Index of its unit.
        unit: usize,
    },
    /// A paragraph.
    Paragraph {
        /// Index of its unit.
        unit: usize,
    },
    /// A list; `start` is `Some` for a numbered list.
    List {
        /// First number of a numbered list.
        start: Option<u64>,
        /// Indexes of the item units.
        items: Vec<usize>,
    },
    /// A table; `None` cells are empty.
    Table {
        /// Column alignments.
        alignments: Vec<Alignment>,
        /// Header cells.
        header: Vec<Option<usize>>,
        /// Body rows.
        rows: Vec<Vec<Option<usize>>>,
    },
}

/// An article split into units, in reading order, and the shape that arranges them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SplitArticle {
    /// Every unit: title and description (if any) first, then the body in reading order.
    pub units: Vec<SourceUnit>,
    /// Index of the title unit.
    pub title: Option<usize>,
    /// Index of the description unit.
    pub description: Option<usize>,
    /// The body blocks.
    pub shape: Vec<Shape>,
}

/// A construct of the Markdown that Folio can't turn into units, and where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {kind}")]
pub struct SplitError {
    /// Byte offset in the Markdown where the construct starts.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub kind: SplitErrorKind,
}

/// What is wrong with a piece of Markdown.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SplitErrorKind {
    /// A construct with no place in a translatable article.
    #[error("unsupported Markdown: {construct}; {advice}")]
    Unsupported {
        /// What it is, e.g. "raw HTML block".
        construct: &'static str,
        /// How to write it instead.
        advice: &'static str,
    },
    /// The front matter is not valid TOML or has a key of the wrong type.
    #[error("front matter: {0}")]
    FrontMatter(String),
    /// A `+++` line that opens the article but was not read as front matter.
    #[error("{0}")]
    FrontMatterFence(&'static str),
    /// A `folio-id` pin that is not a Fluent identifier.
    #[error("pinned id: {0}")]
    InvalidPin(String),
    /// Two blocks pin the same id; the error is at the second pin.
    #[error("the id `{id}` is already pinned at {line}:{column}; pin another id")]
    DuplicatePin {
        /// The id.
        id: String,
        /// 1-based line of the first pin.
        line: usize,
        /// 1-based column of the first pin.
        column: usize,
    },
    /// A pin of an id the front matter's units always have.
    #[error("the id `{0}` is reserved for the front matter's {0}; pin another id")]
    ReservedPin(String),
}

const PIN_PREFIX: &str = "folio-id:";

/// Ids the front matter's units always have, so no block may pin them.
const RESERVED_IDS: &[&str] = &["title", "description"];

/// The byte-order mark.
const BOM: char = '\u{feff}';

/// Why Markdown that opens with a `+++` line was not read as front matter, if it does.
fn front_matter_fence_problem(body: &str) -> Option<&'static str> {
    let mut lines = body.lines();
    if lines.next()?.trim_end() != "+++" {
        return None;
    }
    Some(if lines.any(|line| line.trim_end() == "+++") {
        "the front matter is empty or starts with a blank line; put `key = value` lines \
         right after the opening `+++`"
    } else {
        "the front matter opened here is never closed; end it with a line `+++`"
    })
}

/// Splits a Markdown article into units and the shape of its page.
///
/// Front matter, if any, is TOML between `+++` lines; its `title` and `description`
/// become units and other keys are ignored. Returns every error found, in source order.
pub fn split_article(markdown: &str) -> Result<SplitArticle, Vec<SplitError>> {
    // A byte-order mark is not text; some editors write one, and before `+++` it would
    // hide the front matter. Offsets stay those of `markdown`, so errors point right.
    let start = if markdown.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    };
    let body = &markdown[start..];
    let mut splitter = Splitter::new(markdown);
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(body, options).into_offset_iter() {
        splitter.event(event, range.start + start..range.end + start);
    }
    if !splitter.saw_metadata
        && let Some(problem) = front_matter_fence_problem(body)
    {
        splitter.error(0, SplitErrorKind::FrontMatterFence(problem));
    }
    splitter.finish()
}

/// The inline content of the block being read: its source extent, and the parts of it
/// that are not unit text (comments) or are rewritten (hard breaks).
#[derive(Debug, Default)]
struct Inline {
    extent: Option<Range<usize>>,
    /// Ranges left out of the text (HTML comments), in source order.
    cut: Vec<Range<usize>>,
    /// Ranges of hard line breaks, written as `\` + newline.
    hard_breaks: Vec<Range<usize>>,
    pinned: Option<UnitId>,
    /// Where the pin comment starts.
    pin_offset: usize,
    /// The plain text (no markup), for headings used as section names.
    plain: String,
}

#[derive(Debug)]
struct TableState {
    alignments: Vec<Alignment>,
    header: Vec<Option<usize>>,
    rows: Vec<Vec<Option<usize>>>,
    in_head: bool,
}

struct Splitter<'a> {
    source: &'a str,
    line_starts: Vec<usize>,
    article: SplitArticle,
    errors: Vec<SplitError>,
    section: Option<String>,
    /// Per-kind ordinals within the current section.
    counters: [usize; 7],
    inline: Option<Inline>,
    /// Depth inside a construct already reported as unsupported; its content is skipped.
    skip_depth: usize,
    list: Option<(Option<u64>, Vec<usize>)>,
    /// Paragraphs seen in the current list item (loose lists wrap items in paragraphs).
    item_paragraphs: usize,
    table: Option<TableState>,
    /// The front matter being read: where it starts, and the source extent of its content.
    metadata: Option<(Range<usize>, Option<Range<usize>>)>,
    /// Every pin that names a unit, with where its comment starts, in source order.
    pins: Vec<(UnitId, usize)>,
    /// Whether the Markdown had front matter that pulldown-cmark read as such.
    saw_metadata: bool,
    html_block: Option<Range<usize>>,
}

impl<'a> Splitter<'a> {
    fn new(source: &'a str) -> Self {
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Splitter {
            source,
            line_starts,
            article: SplitArticle::default(),
            errors: Vec::new(),
            section: None,
            counters: [0; 7],
            inline: None,
            skip_depth: 0,
            list: None,
            item_paragraphs: 0,
            table: None,
            metadata: None,
            saw_metadata: false,
            pins: Vec::new(),
            html_block: None,
        }
    }

    fn finish(mut self) -> Result<SplitArticle, Vec<SplitError>> {
        // A pin must name one block: not the front matter's units, not another pin's.
        let mut seen: std::collections::BTreeMap<UnitId, usize> = Default::default();
        for (pin, offset) in std::mem::take(&mut self.pins) {
            let kind = if RESERVED_IDS.contains(&pin.as_str()) {
                SplitErrorKind::ReservedPin(pin.to_string())
            } else if let Some(&first) = seen.get(&pin) {
                let (line, column) = self.position(first);
                SplitErrorKind::DuplicatePin {
                    id: pin.to_string(),
                    line,
                    column,
                }
            } else {
                seen.insert(pin, offset);
                continue;
            };
            self.error(offset, kind);
        }
        if self.errors.is_empty() {
            Ok(self.article)
        } else {
            self.errors.sort_by_key(|e| (e.line, e.column));
            Err(self.errors)
        }
    }

    fn position(&self, offset: usize) -> (usize, usize) {
        let line = self.line_starts.partition_point(|&start| start <= offset);
        let start = self.line_starts[line - 1];
        (line, self.source[start..offset].chars().count() + 1)
    }

    fn error(&mut self, offset: usize, kind: SplitErrorKind) {
        let (line, column) = self.position(offset);
        self.errors.push(SplitError {
            offset,
            line,
            column,
            kind,
        });
    }

    fn unsupported(&mut self, offset: usize, construct: &'static str, advice: &'static str) {
        self.error(offset, SplitErrorKind::Unsupported { construct, advice });
    }

    fn event(&mut self, event: Event<'a>, range: Range<usize>) {
        if self.skip_depth > 0 {
            match event {
                Event::Start(_) => self.skip_depth += 1,
                Event::End(_) => self.skip_depth -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => {
                if let Some((_, content)) = &mut self.metadata {
                    // The content is taken from the source, not the events, so that TOML
                    // error spans are offsets into the file.
                    let extent = content.get_or_insert(range.clone());
                    extent.end = extent.end.max(range.end);
                } else {
                    self.extend_inline(range, &text);
                }
            }
            Event::Code(code) => self.extend_inline(range, &code),
            Event::SoftBreak => self.extend_inline(range, " "),
            Event::HardBreak => {
                self.extend_inline(range.clone(), " ");
                if let Some(inline) = &mut self.inline {
                    inline.hard_breaks.push(range);
                }
            }
            Event::InlineHtml(html) => self.inline_html(&html, range),
            Event::Html(_) => {
                let block = self.html_block.get_or_insert(range.clone());
                block.end = block.end.max(range.end);
            }
            Event::FootnoteReference(_) => self.unsupported(
                range.start,
                "footnote reference",
                "put the note in the text or in a paragraph of its own",
            ),
            Event::TaskListMarker(_) => {
                self.unsupported(range.start, "task list item", "write a plain list item")
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => self.unsupported(
                range.start,
                "math",
                "write the formula in words or as `code`",
            ),
            Event::Rule => self.unsupported(
                range.start,
                "thematic break (---)",
                "separate parts with headings",
            ),
        }
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        match tag {
            // pulldown-cmark reads a `+++` block after any blank line as metadata; front
            // matter is only front matter at the top (as for Hugo), and a second one would
            // give the article a second title.
            Tag::MetadataBlock(MetadataBlockKind::PlusesStyle)
                if !self.source[..range.start]
                    .trim_start_matches(BOM)
                    .trim()
                    .is_empty() =>
            {
                self.skip(
                    range.start,
                    "`+++` block after the start of the file",
                    "front matter goes at the very top; write other text as paragraphs",
                )
            }
            Tag::MetadataBlock(MetadataBlockKind::PlusesStyle) => {
                self.metadata = Some((range, None));
                self.saw_metadata = true;
            }
            Tag::MetadataBlock(MetadataBlockKind::YamlStyle) => self.skip(
                range.start,
                "YAML front matter",
                "write the front matter as TOML between `+++` lines",
            ),
            Tag::Heading { .. } | Tag::TableCell => self.begin_inline(),
            Tag::Paragraph => {
                if self.list.is_some() {
                    self.item_paragraphs += 1;
                    if self.item_paragraphs > 1 {
                        self.skip(
                            range.start,
                            "list item with several paragraphs",
                            "make each paragraph its own item, or move it out of the list",
                        );
                        return;
                    }
                }
                self.begin_inline();
            }
            Tag::List(start) => {
                if self.list.is_some() {
                    self.skip(range.start, "nested list", "flatten the list");
                } else {
                    self.list = Some((start, Vec::new()));
                }
            }
            Tag::Item => {
                self.item_paragraphs = 0;
                self.begin_inline();
            }
            Tag::Table(alignments) => {
                let alignments = alignments.into_iter().map(alignment).collect();
                self.table = Some(TableState {
                    alignments,
                    header: Vec::new(),
                    rows: Vec::new(),
                    in_head: false,
                });
            }
            Tag::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = true;
                }
            }
            Tag::TableRow => {
                if let Some(table) = &mut self.table {
                    table.rows.push(Vec::new());
                }
            }
            // Markup belongs to the unit text: the extent must cover its delimiters.
            Tag::Emphasis | Tag::Strong | Tag::Strikethrough => self.extend_inline(range, ""),
            Tag::Link { link_type, .. } => match link_type {
                LinkType::Inline | LinkType::Autolink | LinkType::Email => {
                    self.extend_inline(range, "")
                }
                _ => self.unsupported(
                    range.start,
                    "reference-style link",
                    "write the link inline, as [text](https://…), so translators see its target",
                ),
            },
            Tag::HtmlBlock => self.html_block = Some(range),
            Tag::Image { .. } => self.skip(
                range.start,
                "image",
                "images are not translatable units yet; leave them out of the article text",
            ),
            Tag::BlockQuote(_) => self.skip(range.start, "block quote", "write a plain paragraph"),
            Tag::CodeBlock(_) => self.skip(
                range.start,
                "code block",
                "articles are prose; use inline `code` inside a paragraph",
            ),
            Tag::FootnoteDefinition(_) => self.skip(
                range.start,
                "footnote definition",
                "put the note in the text or in a paragraph of its own",
            ),
            Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
            | Tag::Superscript
            | Tag::Subscript => self.skip(range.start, "extended syntax", "use plain Markdown"),
        }
    }

    fn skip(&mut self, offset: usize, construct: &'static str, advice: &'static str) {
        self.unsupported(offset, construct, advice);
        self.skip_depth = 1;
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::MetadataBlock(_) => self.front_matter(),
            TagEnd::Heading(level) => {
                if let Some((unit, plain)) = self.finish_inline(UnitKind::Heading, true) {
                    self.article.shape.push(Shape::Heading {
                        level: heading_level(level),
                        unit,
                    });
                    // A heading opens a new section: its own ordinal was counted in the old one.
                    self.section = Some(plain);
                    self.counters = [0; 7];
                    self.article.units[unit].section = self.section.clone();
                }
            }
            TagEnd::Paragraph => {
                if self.list.is_none()
                    && let Some((unit, _)) = self.finish_inline(UnitKind::Paragraph, false)
                {
                    self.article.shape.push(Shape::Paragraph { unit });
                }
            }
            TagEnd::Item => {
                if let Some((unit, _)) = self.finish_inline(UnitKind::ListItem, false) {
                    if let Some((_, items)) = &mut self.list {
                        items.push(unit);
                    }
                } else {
                    self.unsupported(
                        range.start,
                        "empty list item",
                        "remove it or write its text",
                    );
                }
            }
            TagEnd::List(_) => {
                if let Some((start, items)) = self.list.take() {
                    self.article.shape.push(Shape::List { start, items });
                }
            }
            TagEnd::TableCell => {
                let in_head = self.table.as_ref().is_some_and(|t| t.in_head);
                let kind = if in_head {
                    UnitKind::HeaderCell
                } else {
                    UnitKind::BodyCell
                };
                let cell = self.finish_inline(kind, false).map(|(unit, _)| unit);
                if let Some(table) = &mut self.table {
                    if table.in_head {
                        table.header.push(cell);
                    } else if let Some(row) = table.rows.last_mut() {
                        row.push(cell);
                    }
                }
                if let (Some(unit), Some(table)) = (cell, &self.table)
                    && !table.in_head
                {
                    let row = table.rows.len();
                    let column = table.rows.last().map_or(0, Vec::len);
                    let header = table.header.get(column - 1).copied().flatten();
                    let header = header.map(|h| self.plain_of(h));
                    self.article.units[unit].detail = Detail::Cell {
                        row,
                        column,
                        header,
                    };
                }
            }
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = false;
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let TableState {
                        alignments,
                        header,
                        rows,
                        ..
                    } = table;
                    self.article.shape.push(Shape::Table {
                        alignments,
                        header,
                        rows,
                    });
                }
            }
            TagEnd::HtmlBlock => self.html_block_end(),
            _ => {}
        }
    }

    fn plain_of(&self, unit: usize) -> String {
        markdown_to_plain(&self.article.units[unit].text)
    }

    fn begin_inline(&mut self) {
        self.inline = Some(Inline::default());
    }

    fn extend_inline(&mut self, range: Range<usize>, plain: &str) {
        if let Some(inline) = &mut self.inline {
            let extent = inline.extent.get_or_insert(range.clone());
            extent.start = extent.start.min(range.start);
            extent.end = extent.end.max(range.end);
            inline.plain.push_str(plain);
        }
    }

    fn inline_html(&mut self, html: &str, range: Range<usize>) {
        let trimmed = html.trim();
        let Some(comment) = trimmed
            .strip_prefix("<!--")
            .and_then(|c| c.strip_suffix("-->"))
        else {
            self.unsupported(
                range.start,
                "raw HTML",
                "write it as Markdown; translations are escaped, so HTML would show as text",
            );
            return;
        };
        if let Some(pin) = comment.trim().strip_prefix(PIN_PREFIX) {
            match UnitId::new(pin.trim()) {
                Ok(id) => {
                    if let Some(inline) = &mut self.inline {
                        inline.pinned = Some(id);
                        inline.pin_offset = range.start;
                    }
                }
                Err(error) => {
                    self.error(range.start, SplitErrorKind::InvalidPin(error.to_string()))
                }
            }
        }
        self.extend_inline(range.clone(), "");
        if let Some(inline) = &mut self.inline {
            inline.cut.push(range);
        }
    }

    fn html_block_end(&mut self) {
        let Some(range) = self.html_block.take() else {
            return;
        };
        let html = self.source[range.clone()].trim();
        let only_comments = html.starts_with("<!--") && html.ends_with("-->");
        if !only_comments {
            self.unsupported(
                range.start,
                "raw HTML block",
                "write it as Markdown; translations are escaped, so HTML would show as text",
            );
        } else if html.contains(PIN_PREFIX) {
            self.unsupported(
                range.start,
                "folio-id comment on a line of its own",
                "put `<!-- folio-id: … -->` at the end of the block it names, on the same line",
            );
        }
    }

    /// Ends the current inline content as a unit of `kind`; `None` if it was empty.
    fn finish_inline(&mut self, kind: UnitKind, is_heading: bool) -> Option<(usize, String)> {
        let inline = self.inline.take()?;
        let extent = inline.extent.clone()?;
        let text = unit_text(
            self.source,
            extent.clone(),
            &inline.cut,
            &inline.hard_breaks,
        );
        if text.is_empty() {
            return None;
        }
        self.counters[kind_index(kind)] += 1;
        let ordinal = self.counters[kind_index(kind)];
        let (line, _) = self.position(extent.start);
        let plain = normalize_space(&inline.plain);
        if let Some(pin) = &inline.pinned {
            self.pins.push((pin.clone(), inline.pin_offset));
        }
        self.article.units.push(SourceUnit {
            kind,
            text,
            section: if is_heading {
                Some(plain.clone())
            } else {
                self.section.clone()
            },
            ordinal,
            pinned: inline.pinned,
            line,
            detail: Detail::None,
        });
        Some((self.article.units.len() - 1, plain))
    }

    fn front_matter(&mut self) {
        let Some((range, extent)) = self.metadata.take() else {
            return;
        };
        let extent = extent.unwrap_or(range.start..range.start);
        let content = &self.source[extent.clone()];
        #[derive(serde::Deserialize)]
        struct FrontMatter {
            title: Option<String>,
            description: Option<String>,
        }
        match toml::from_str::<FrontMatter>(content) {
            Ok(front) => {
                let (line, _) = self.position(range.start);
                for (kind, value) in [
                    (UnitKind::Title, front.title),
                    (UnitKind::Description, front.description),
                ] {
                    let Some(value) = value.map(|v| normalize_space(&v)).filter(|v| !v.is_empty())
                    else {
                        continue;
                    };
                    self.article.units.push(SourceUnit {
                        kind,
                        text: value,
                        section: None,
                        ordinal: 1,
                        pinned: None,
                        line,
                        detail: Detail::None,
                    });
                    let index = Some(self.article.units.len() - 1);
                    match kind {
                        UnitKind::Title => self.article.title = index,
                        _ => self.article.description = index,
                    }
                }
            }
            Err(error) => {
                let message = error.message().to_owned();
                let offset = error
                    .span()
                    .map_or(range.start, |span| extent.start + span.start);
                self.error(offset, SplitErrorKind::FrontMatter(message));
            }
        }
    }
}

/// The unit text of `source[extent]`: `cut` ranges removed, hard breaks as `\` + newline,
/// every other run of whitespace one space, ends trimmed.
///
/// The lines between hard breaks are kept apart while reading, never marked inside the
/// text: any character, NUL included, may be the author's.
fn unit_text(
    source: &str,
    extent: Range<usize>,
    cut: &[Range<usize>],
    hard: &[Range<usize>],
) -> String {
    let mut lines = vec![String::new()];
    let mut offset = extent.start;
    let mut marks: Vec<(&Range<usize>, bool)> = cut
        .iter()
        .map(|r| (r, false))
        .chain(hard.iter().map(|r| (r, true)))
        .collect();
    marks.sort_by_key(|(r, _)| r.start);
    for (range, is_break) in marks {
        if range.start < offset {
            continue;
        }
        let line = lines.last_mut().expect("never empty");
        line.push_str(&source[offset..range.start]);
        if is_break {
            lines.push(String::new());
        } else {
            line.push(' ');
        }
        offset = range.end;
    }
    let line = lines.last_mut().expect("never empty");
    line.push_str(&source[offset..extent.end.max(offset)]);
    let lines: Vec<String> = lines.iter().map(|line| normalize_space(line)).collect();
    // A hard break can be followed by nothing but whitespace CommonMark does not count as
    // a blank line (a form feed); trimming the ends drops such a break.
    let first = lines
        .iter()
        .position(|l| !l.is_empty())
        .unwrap_or(lines.len());
    let last = lines
        .iter()
        .rposition(|l| !l.is_empty())
        .map_or(first, |i| i + 1);
    lines[first..last].join("\\\n")
}

/// Collapses every run of ASCII whitespace to one space and trims the ends. Other
/// spaces (a no-break space before a French colon) are text, as in CommonMark.
fn normalize_space(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

/// The plain text of inline Markdown (markup dropped), for context strings.
pub(crate) fn markdown_to_plain(text: &str) -> String {
    let mut plain = String::new();
    for event in Parser::new(text) {
        match event {
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            _ => {}
        }
    }
    normalize_space(&plain)
}

pub(crate) fn kind_index(kind: UnitKind) -> usize {
    match kind {
        UnitKind::Title => 0,
        UnitKind::Description => 1,
        UnitKind::Heading => 2,
        UnitKind::Paragraph => 3,
        UnitKind::ListItem => 4,
        UnitKind::HeaderCell => 5,
        UnitKind::BodyCell => 6,
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn alignment(alignment: CmarkAlignment) -> Alignment {
    match alignment {
        CmarkAlignment::None => Alignment::None,
        CmarkAlignment::Left => Alignment::Left,
        CmarkAlignment::Center => Alignment::Center,
        CmarkAlignment::Right => Alignment::Right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `markdown` and compares one line per unit, `kind: text`, with `expected`
    /// (a line break inside a unit is shown as `⏎`).
    fn check(markdown: &str, expected: &str) {
        let article = split_article(markdown).unwrap_or_else(|e| panic!("{e:?}"));
        let actual: Vec<String> = article
            .units
            .iter()
            .map(|u| format!("{:?}: {}", u.kind, u.text.replace('\n', "⏎")))
            .collect();
        let expected: Vec<&str> = expected
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        assert_eq!(actual, expected);
    }

    /// Splits `markdown`, expecting errors; returns them as `line:column: message`.
    fn errors(markdown: &str) -> Vec<String> {
        split_article(markdown)
            .unwrap_err()
            .iter()
            .map(ToString::to_string)
            .collect()
    }

    #[test]
    fn blocks_become_units_in_reading_order() {
        check(
            "+++\ntitle = \"T\"\ndescription = \"D\"\nauthor = \"ignored\"\n+++\n\nIntro *text*.\n\n## H2\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| c | |\n",
            "Title: T
             Description: D
             Paragraph: Intro *text*.
             Heading: H2
             ListItem: one
             ListItem: two
             HeaderCell: a
             HeaderCell: b
             BodyCell: c",
        );
    }

    #[test]
    fn whitespace_is_normalised_and_hard_breaks_kept() {
        check(
            "Some   words\n  wrapped\there.\n\nLine one  \nline two\\\nthree\n",
            "
            Paragraph: Some words wrapped here.
            Paragraph: Line one\\⏎line two\\⏎three",
        );
    }

    #[test]
    fn comments_are_dropped_and_pins_recorded() {
        let article = split_article(
            "<!-- an author note -->\n\nText <!-- note --> here. <!-- folio-id: kept -->\n",
        )
        .unwrap();
        assert_eq!(article.units.len(), 1);
        assert_eq!(article.units[0].text, "Text here.");
        assert_eq!(article.units[0].pinned, Some(UnitId::new("kept").unwrap()));
    }

    #[test]
    fn loose_list_items_are_single_units() {
        check("- one\n\n- two\n", "ListItem: one\nListItem: two");
    }

    #[test]
    fn shape_keeps_list_and_table_structure() {
        let article = split_article("3. c\n4. d\n\n| a | b |\n|:--|--:|\n| | x |\n").unwrap();
        assert_eq!(
            article.shape[0],
            Shape::List {
                start: Some(3),
                items: vec![0, 1]
            }
        );
        assert_eq!(
            article.shape[1],
            Shape::Table {
                alignments: vec![Alignment::Left, Alignment::Right],
                header: vec![Some(2), Some(3)],
                rows: vec![vec![None, Some(4)]],
            }
        );
    }

    #[test]
    fn unsupported_constructs_are_all_reported_with_positions() {
        let found = errors(
            "<div>\nraw\n</div>\n\nText with <b>html</b> and ![img](x.png).\n\n> quote\n\n```\ncode\n```\n\nA note[^1].\n\n[^1]: The note.\n\n---\n\n- [ ] task\n- a\n  - nested\n\n[ref link][r]\n\n[r]: https://example.org\n",
        );
        let expected = [
            "1:1: unsupported Markdown: raw HTML block",
            "5:11: unsupported Markdown: raw HTML",
            "5:18: unsupported Markdown: raw HTML",
            "5:27: unsupported Markdown: image",
            "7:1: unsupported Markdown: block quote",
            "9:1: unsupported Markdown: code block",
            "13:7: unsupported Markdown: footnote reference",
            "15:1: unsupported Markdown: footnote definition",
            "17:1: unsupported Markdown: thematic break",
            "19:3: unsupported Markdown: task list item",
            "21:3: unsupported Markdown: nested list",
            "23:1: unsupported Markdown: reference-style link",
        ];
        assert_eq!(found.len(), expected.len(), "{found:#?}");
        for (found, expected) in found.iter().zip(expected) {
            assert!(
                found.starts_with(expected),
                "{found} should start with {expected}"
            );
        }
    }

    #[test]
    fn front_matter_and_pins_are_validated() {
        assert_eq!(
            errors("---\ntitle: yaml\n---\n")[0]
                .split(';')
                .next()
                .unwrap(),
            "1:1: unsupported Markdown: YAML front matter"
        );
        // A type error points at the value, not at the fence.
        assert!(errors("+++\ntitle = 3\n+++\n")[0].starts_with("2:9: front matter: invalid type"));
        assert!(errors("Text <!-- folio-id: 9bad -->\n")[0].starts_with("1:6: pinned id:"));
        assert_eq!(
            errors("A <!-- folio-id: x -->\n\nB <!-- folio-id: x -->\n"),
            ["3:3: the id `x` is already pinned at 1:3; pin another id"]
        );
        assert!(errors("<!-- folio-id: x -->\nText\n")[0].contains("on a line of its own"));
    }

    #[test]
    fn a_byte_order_mark_does_not_hide_the_front_matter() {
        let article = split_article("\u{feff}+++\ntitle = \"T\"\n+++\n\nText.\n").unwrap();
        let texts: Vec<_> = article.units.iter().map(|u| u.text.as_str()).collect();
        assert_eq!(texts, ["T", "Text."]);
        assert_eq!(article.title, Some(0));
        // Offsets stay those of the file, byte-order mark included.
        let found = split_article("\u{feff}+++\ntitle = 3\n+++\n").unwrap_err();
        assert_eq!((found[0].line, found[0].offset), (2, 15));
    }

    #[test]
    fn front_matter_that_is_not_read_is_an_error_at_its_fence() {
        let found = errors("+++\ntitle = \"T\"\n\nText.\n");
        assert_eq!(
            found,
            ["1:1: the front matter opened here is never closed; end it with a line `+++`"]
        );
        assert!(errors("\u{feff}+++\ntitle = \"T\"\n")[0].contains("never closed"));
        assert!(
            errors("+++\n\ntitle = \"T\"\n+++\n")[0].starts_with("1:1: the front matter is empty")
        );
        assert!(errors("+++\n+++\n")[0].starts_with("1:1: the front matter is empty"));
        // `+++` further down is text.
        assert!(split_article("Text.\n\n+++\n").is_ok());
    }

    /// Found by fuzzing: a NUL in the source was taken for the splitter's own hard-break
    /// mark, so `a` + NUL became `a\` + newline, a text Fluent does not give back.
    #[test]
    fn hard_breaks_come_only_from_the_markdown() {
        check(
            "Not advice\u{0}\u{0}b\u{0}\n",
            "Paragraph: Not advice\u{0}\u{0}b\u{0}",
        );
        check("a\u{0}\\\nb\n", "Paragraph: a\u{0}\\⏎b");
    }

    /// Found by fuzzing: a hard break whose next line holds only whitespace CommonMark
    /// does not count as blank (a form feed) left the text ending in a line break, which
    /// Fluent drops.
    #[test]
    fn a_hard_break_at_the_end_is_trimmed() {
        check("a\u{c}\u{c}\n\u{c}\n", "Paragraph: a");
        check(
            "a  \n\u{c}\n\nb\\\n\u{c}  \n\u{c}\n",
            "Paragraph: a\nParagraph: b",
        );
    }

    /// Found by fuzzing: pulldown-cmark reads a `+++` block after a blank line anywhere as
    /// metadata, so a second one gave the article a title unit among its body units (out
    /// of the layout's order), or two titles with the same id.
    #[test]
    fn front_matter_is_only_at_the_top() {
        let later = "`+++` block after the start of the file";
        assert!(
            errors("Para.\n\n+++\ntitle = \"T\"\n+++\n")[0]
                .starts_with(&format!("3:1: unsupported Markdown: {later}"))
        );
        let twice = errors("+++\ntitle = \"A\"\n+++\n\n+++\ntitle = \"B\"\n+++\n");
        assert_eq!(twice.len(), 1, "{twice:?}");
        assert!(twice[0].starts_with(&format!("5:1: unsupported Markdown: {later}")));
        check(
            "\n+++\ntitle = \"T\"\n+++\n\nText.\n",
            "Title: T\nParagraph: Text.",
        );
    }
}
