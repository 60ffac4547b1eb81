//! Markdown → source units and page shape.

use std::ops::Range;

use folio_model::{Alignment, Block, HtmlPart, Item, LineIndex, UnitId, UnitKind};
use pulldown_cmark::{
    Alignment as CmarkAlignment, CodeBlockKind, Event, HeadingLevel, LinkType, MetadataBlockKind,
    Options, Parser, Tag, TagEnd,
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

/// An article split into units, in reading order, and the shape that arranges them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SplitArticle {
    /// Every unit: title and description (if any) first, then the body in reading order.
    pub units: Vec<SourceUnit>,
    /// Index of the title unit.
    pub title: Option<usize>,
    /// Index of the description unit.
    pub description: Option<usize>,
    /// Other translatable front matter values: key and unit index, in source order.
    pub meta: Vec<(String, usize)>,
    /// The front matter's other keys, kept for Markdown output.
    pub front_matter: Option<serde_json::Map<String, serde_json::Value>>,
    /// The body blocks. Their unit ids are placeholders naming the unit's index in
    /// `units` ([`placeholder`]); `assign_ids` replaces them with the real ids.
    pub shape: Vec<Block>,
}

/// The placeholder id of the unit at `index` in [`SplitArticle::units`].
pub fn placeholder(index: usize) -> UnitId {
    UnitId::new(format!("u{index}")).expect("placeholders are identifiers")
}

/// The unit index a [`placeholder`] id names.
pub fn placeholder_index(id: &UnitId) -> usize {
    id.as_str()[1..]
        .parse()
        .expect("the splitter only writes placeholders")
}

/// What the author may set for the splitter in `folio.toml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SplitOptions {
    /// Front matter keys whose string values are translatable units.
    pub translatable_keys: Vec<String>,
    /// Whether `<script>`, `<style>` and `on…=` handlers may stand in the source.
    pub allow_scripts: bool,
}

impl Default for SplitOptions {
    fn default() -> Self {
        SplitOptions {
            translatable_keys: ["title", "description", "summary"]
                .map(String::from)
                .to_vec(),
            allow_scripts: false,
        }
    }
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

/// Splits a Markdown article into units and the shape of its page, with the default
/// [`SplitOptions`].
pub fn split_article(markdown: &str) -> Result<SplitArticle, Vec<SplitError>> {
    split_article_with(markdown, &SplitOptions::default())
}

/// Splits a Markdown article into units and the shape of its page.
///
/// Front matter, if any, is TOML between `+++` lines or YAML between `---` lines; the
/// string values of `options.translatable_keys` become units (`title` and `description`
/// the page's), other keys are kept in [`SplitArticle::front_matter`]. Every CommonMark
/// and GFM construct has a treatment (see the README's table); what can't be localized
/// (`<script>`, `<style>`, `on…=` handlers unless allowed, math) is an error. Returns every
/// error found, in source order.
pub fn split_article_with(
    markdown: &str,
    options: &SplitOptions,
) -> Result<SplitArticle, Vec<SplitError>> {
    // A byte-order mark is not text; some editors write one, and before `+++` it would
    // hide the front matter. Offsets stay those of `markdown`, so errors point right.
    let start = if markdown.starts_with(BOM) {
        BOM.len_utf8()
    } else {
        0
    };
    let body = &markdown[start..];
    let mut splitter = Splitter::new(markdown, options);
    let parser_options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    for (event, range) in Parser::new_ext(body, parser_options).into_offset_iter() {
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
/// that are not unit text (comments) or are rewritten (hard breaks, reference links).
#[derive(Debug, Default)]
struct Inline {
    extent: Option<Range<usize>>,
    /// Ranges of the source replaced in the text, in any order: comments by a space,
    /// hard breaks by a NUL (later `\` + newline), reference links by inline links.
    replaced: Vec<(Range<usize>, String)>,
    pinned: Option<UnitId>,
    /// Where the pin comment starts.
    pin_offset: usize,
    /// The plain text (no markup), for headings used as section names.
    plain: String,
    /// Where the last line break ended: what stands between it and the next inline
    /// content is a container's line prefix (`> `, indentation), not text.
    line_start: Option<usize>,
}

#[derive(Debug)]
struct TableState {
    alignments: Vec<Alignment>,
    header: Vec<Option<usize>>,
    rows: Vec<Vec<Option<usize>>>,
    in_head: bool,
}

/// A container being read; its blocks are collected until it ends.
#[derive(Debug)]
enum Frame {
    Root(Vec<Block>),
    Quote(Vec<Block>),
    List {
        start: Option<u64>,
        loose: bool,
        items: Vec<Item>,
    },
    Item(Item),
    Wrapper {
        open: String,
        name: String,
        blocks: Vec<Block>,
    },
    Footnote {
        label: String,
        blocks: Vec<Block>,
    },
}

/// An HTML block's text as pulldown-cmark gives it, line by line, with the source offset
/// of each line, so positions in the text map back to the file.
#[derive(Debug, Default)]
struct HtmlBlockText {
    start: usize,
    text: String,
    /// (offset in `text`, offset in the source) for each line.
    lines: Vec<(usize, usize)>,
}

impl HtmlBlockText {
    fn source_offset(&self, at: usize) -> usize {
        let line = self.lines.partition_point(|(text, _)| *text <= at);
        match line.checked_sub(1).map(|l| self.lines[l]) {
            Some((text, source)) => source + (at - text),
            None => self.start,
        }
    }
}

/// A link or image being read inside the unit. Reference-style ones (`rewrite` set:
/// image or not, target, title) are written inline when they end.
#[derive(Debug)]
struct OpenLink {
    rewrite: Option<(bool, String, String)>,
    inner: Option<Range<usize>>,
}

struct Splitter<'a> {
    source: &'a str,
    options: &'a SplitOptions,
    lines: LineIndex<'a>,
    article: SplitArticle,
    errors: Vec<SplitError>,
    section: Option<String>,
    /// Per-kind ordinals within the current section.
    counters: [usize; KINDS],
    inline: Option<Inline>,
    /// Depth inside a construct already reported as unsupported; its content is skipped.
    skip_depth: usize,
    frames: Vec<Frame>,
    table: Option<TableState>,
    /// The front matter being read: its kind, where it starts, and the source extent
    /// of its content.
    metadata: Option<(MetadataBlockKind, Range<usize>, Option<Range<usize>>)>,
    /// Every pin that names a unit, with where its comment starts, in source order.
    pins: Vec<(UnitId, usize)>,
    /// Whether the Markdown had front matter that pulldown-cmark read as such.
    saw_metadata: bool,
    /// The HTML block being read: where it starts, its text (container prefixes such as
    /// a quote's `> ` left out), and where each line of that text starts in the source.
    html_block: Option<HtmlBlockText>,
    code: Option<(String, String)>,
    /// The links and images open, innermost last.
    links: Vec<OpenLink>,
    /// Anchors handed out so far, for GitHub's `-1`, `-2` suffixes.
    anchors: std::collections::BTreeMap<String, usize>,
}

const KINDS: usize = 12;

impl<'a> Splitter<'a> {
    fn new(source: &'a str, options: &'a SplitOptions) -> Self {
        Splitter {
            source,
            options,
            lines: LineIndex::new(source),
            article: SplitArticle::default(),
            errors: Vec::new(),
            section: None,
            counters: [0; KINDS],
            inline: None,
            skip_depth: 0,
            frames: vec![Frame::Root(Vec::new())],
            table: None,
            metadata: None,
            saw_metadata: false,
            pins: Vec::new(),
            html_block: None,
            code: None,
            links: Vec::new(),
            anchors: Default::default(),
        }
    }

    fn finish(mut self) -> Result<SplitArticle, Vec<SplitError>> {
        self.close_wrappers();
        if let Some(Frame::Root(blocks)) = self.frames.pop() {
            self.article.shape = blocks;
        }
        // A pin must name one block: not the front matter's units, not another pin's.
        let mut seen: std::collections::BTreeMap<UnitId, usize> = Default::default();
        for (pin, offset) in std::mem::take(&mut self.pins) {
            let kind = if RESERVED_IDS.contains(&pin.as_str()) {
                SplitErrorKind::ReservedPin(pin.to_string())
            } else if let Some(&first) = seen.get(&pin) {
                let (line, column) = self.lines.line_col(first);
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

    fn error(&mut self, offset: usize, kind: SplitErrorKind) {
        let (line, column) = self.lines.line_col(offset);
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
        // Everything inside a link is its text, nested links and images included; the
        // link's own end event is not.
        let own_end = matches!(event, Event::End(TagEnd::Link | TagEnd::Image));
        let open = self.links.len() - usize::from(own_end);
        for link in &mut self.links[..open] {
            let inner = link.inner.get_or_insert(range.clone());
            inner.start = inner.start.min(range.start);
            inner.end = inner.end.max(range.end);
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(text) => {
                if let Some((_, _, content)) = &mut self.metadata {
                    // The content is taken from the source, not the events, so that error
                    // spans are offsets into the file.
                    let extent = content.get_or_insert(range.clone());
                    extent.end = extent.end.max(range.end);
                } else if let Some((_, code)) = &mut self.code {
                    code.push_str(&text);
                } else {
                    self.extend_inline(range, &text);
                }
            }
            Event::Code(code) => self.extend_inline(range, &code),
            Event::SoftBreak => {
                self.extend_inline(range.clone(), " ");
                if let Some(inline) = &mut self.inline {
                    inline.line_start = Some(range.end);
                }
            }
            Event::HardBreak => {
                self.extend_inline(range.clone(), " ");
                if let Some(inline) = &mut self.inline {
                    inline.replaced.push((range.clone(), HARD_BREAK.to_owned()));
                    inline.line_start = Some(range.end);
                }
            }
            Event::InlineHtml(html) => self.inline_html(&html, range),
            Event::Html(html) => {
                let block = self.html_block.get_or_insert_with(|| HtmlBlockText {
                    start: range.start,
                    ..HtmlBlockText::default()
                });
                block.lines.push((block.text.len(), range.start));
                block.text.push_str(&html);
            }
            // The reference stays in the unit; translators move it with the sentence.
            Event::FootnoteReference(_) => self.extend_inline(range, ""),
            Event::TaskListMarker(done) => {
                if let Some(Frame::Item(item)) = self
                    .frames
                    .iter_mut()
                    .rev()
                    .find(|f| matches!(f, Frame::Item(_)))
                {
                    item.task = Some(done);
                }
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => self.unsupported(
                range.start,
                "math",
                "write the formula in words or as `code`",
            ),
            Event::Rule => {
                self.flush_item_text();
                self.push_block(Block::Rule);
            }
        }
    }

    fn start(&mut self, tag: Tag<'a>, range: Range<usize>) {
        match tag {
            // pulldown-cmark also reads `---` … `---` further down (in a quote, say) as a
            // metadata block; only the one that opens the file is front matter.
            Tag::MetadataBlock(kind)
                if !self.source[..range.start]
                    .trim_start_matches(BOM)
                    .trim()
                    .is_empty() =>
            {
                match kind {
                    MetadataBlockKind::YamlStyle => self.skip(
                        range.start,
                        "`---` lines read as front matter inside the article",
                        "write thematic breaks as `***`, or put a blank line before `---`",
                    ),
                    MetadataBlockKind::PlusesStyle => self.skip(
                        range.start,
                        "`+++` block after the start of the file",
                        "front matter goes at the very top; write other text as paragraphs",
                    ),
                }
            }
            Tag::MetadataBlock(kind) => {
                self.metadata = Some((kind, range, None));
                self.saw_metadata = true;
            }
            Tag::Heading { .. } => {
                self.flush_item_text();
                self.begin_inline();
            }
            Tag::TableCell => self.begin_inline(),
            Tag::Paragraph => {
                self.flush_item_text();
                let depth = self.frames.len();
                if depth >= 2
                    && matches!(self.frames[depth - 1], Frame::Item(_))
                    && let Frame::List { loose, .. } = &mut self.frames[depth - 2]
                {
                    *loose = true;
                }
                self.begin_inline();
            }
            Tag::List(start) => {
                self.flush_item_text();
                self.frames.push(Frame::List {
                    start,
                    loose: false,
                    items: Vec::new(),
                });
            }
            Tag::Item => self.frames.push(Frame::Item(Item {
                task: None,
                blocks: Vec::new(),
            })),
            Tag::Table(alignments) => {
                self.flush_item_text();
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
            Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }
            | Tag::Image {
                link_type,
                dest_url,
                title,
                ..
            } => {
                let image = self.source[range.clone()].starts_with('!');
                self.extend_inline(range, "");
                // The unit carries a reference link inline, target and all: translators
                // see where it goes, and every unit renders on its own.
                let inline = matches!(
                    link_type,
                    LinkType::Inline | LinkType::Autolink | LinkType::Email
                );
                self.links.push(OpenLink {
                    rewrite: (!inline).then(|| (image, dest_url.to_string(), title.to_string())),
                    inner: None,
                });
            }
            Tag::HtmlBlock => {
                self.flush_item_text();
                self.html_block = Some(HtmlBlockText {
                    start: range.start,
                    ..HtmlBlockText::default()
                });
            }
            Tag::BlockQuote(_) => {
                self.flush_item_text();
                self.frames.push(Frame::Quote(Vec::new()));
            }
            Tag::CodeBlock(kind) => {
                self.flush_item_text();
                let info = match kind {
                    CodeBlockKind::Fenced(info) => info.to_string(),
                    CodeBlockKind::Indented => String::new(),
                };
                self.code = Some((info, String::new()));
            }
            Tag::FootnoteDefinition(label) => {
                self.flush_item_text();
                self.frames.push(Frame::Footnote {
                    label: label.to_string(),
                    blocks: Vec::new(),
                });
            }
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
                let explicit = self.take_explicit_anchor();
                if let Some((unit, plain)) = self.finish_inline(UnitKind::Heading, true) {
                    let anchor = self.anchor(explicit, &plain);
                    self.push_block(Block::Heading {
                        level: heading_level(level),
                        id: placeholder(unit),
                        anchor: Some(anchor),
                    });
                    // A heading opens a new section: its own ordinal was counted in the old one.
                    self.section = Some(plain);
                    self.counters = [0; KINDS];
                    self.article.units[unit].section = self.section.clone();
                }
            }
            TagEnd::Paragraph => {
                let kind = self.flow_kind();
                if let Some((unit, _)) = self.finish_inline(kind, false) {
                    self.push_block(Block::Paragraph {
                        id: placeholder(unit),
                    });
                }
            }
            TagEnd::Item => {
                self.flush_item_text();
                self.close_wrappers();
                if let Some(Frame::Item(item)) = self.frames.pop()
                    && let Some(Frame::List { items, .. }) = self.frames.last_mut()
                {
                    items.push(item);
                }
            }
            TagEnd::List(_) => {
                if let Some(Frame::List {
                    start,
                    loose,
                    items,
                }) = self.frames.pop()
                {
                    self.push_block(list_block(start, loose, items));
                }
            }
            TagEnd::TableCell => self.table_cell(),
            TagEnd::TableHead => {
                if let Some(table) = &mut self.table {
                    table.in_head = false;
                }
            }
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let id = |c: Option<usize>| c.map(placeholder);
                    self.push_block(Block::Table {
                        alignments: table.alignments,
                        header: table.header.into_iter().map(id).collect(),
                        rows: table
                            .rows
                            .into_iter()
                            .map(|row| row.into_iter().map(id).collect())
                            .collect(),
                    });
                }
            }
            TagEnd::HtmlBlock => self.html_block_end(),
            TagEnd::BlockQuote(_) => {
                self.close_wrappers();
                if let Some(Frame::Quote(blocks)) = self.frames.pop() {
                    self.push_block(Block::Quote { blocks });
                }
            }
            TagEnd::CodeBlock => {
                if let Some((info, code)) = self.code.take() {
                    self.push_block(Block::Code { info, code });
                }
            }
            TagEnd::FootnoteDefinition => {
                self.close_wrappers();
                if let Some(Frame::Footnote { label, blocks }) = self.frames.pop() {
                    self.push_block(Block::Footnote { label, blocks });
                }
            }
            TagEnd::Link | TagEnd::Image => {
                let Some(link) = self.links.pop() else {
                    return;
                };
                let Some((image, dest, title)) = link.rewrite else {
                    return;
                };
                // A collapsed reference's `[]` is not in the link's range.
                let mut range = range;
                if self.source[range.end..].starts_with("[]") {
                    range.end += 2;
                }
                let Some(inline) = &mut self.inline else {
                    return;
                };
                // The text as written, with the links rewritten inside it.
                let inner = link.inner.map_or(String::new(), |inner| {
                    let inner = inner.start..inner.end.min(range.end);
                    let nested: Vec<_> = inline
                        .replaced
                        .iter()
                        .filter(|(r, _)| r.start >= inner.start && r.end <= inner.end)
                        .cloned()
                        .collect();
                    replace_ranges(self.source, inner, &nested)
                });
                let written = inline_link(image, &inner, &dest, &title);
                inline.replaced.push((range, written));
            }
            _ => {}
        }
    }

    fn table_cell(&mut self) {
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

    /// Takes a trailing `{#id}` off the heading being read, and returns the id.
    ///
    /// pulldown-cmark's heading attributes would also take `{word}` and `{.class}` off a
    /// heading, changing text that has always been text; only an explicit anchor is
    /// markup here, as in GitHub, Hugo and Pandoc alike.
    fn take_explicit_anchor(&mut self) -> Option<String> {
        let inline = self.inline.as_mut()?;
        let extent = inline.extent.clone()?;
        let text = self.source[extent.clone()].trim_end();
        let open = text.rfind("{#")?;
        let id = text[open + 2..].strip_suffix('}')?;
        let valid = !id.is_empty()
            && id
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.'));
        if !valid {
            return None;
        }
        inline.extent = Some(extent.start..extent.start + open);
        let written = format!("{{#{id}}}");
        if let Some(at) = inline.plain.rfind(&written) {
            inline.plain.truncate(at);
        }
        Some(id.to_owned())
    }

    /// The anchor of a heading: the author's `{#id}`, else GitHub's slug of its text,
    /// numbered `-1`, `-2`… when it repeats, as GitHub and most site generators do.
    fn anchor(&mut self, explicit: Option<String>, plain: &str) -> String {
        if let Some(explicit) = explicit {
            self.anchors.entry(explicit.clone()).or_insert(0);
            return explicit;
        }
        let base = github_slug(plain);
        let mut anchor = base.clone();
        while let Some(count) = self.anchors.get_mut(&anchor) {
            *count += 1;
            anchor = format!("{base}-{count}");
        }
        self.anchors.insert(anchor.clone(), 0);
        anchor
    }

    /// The kind of a paragraph in the innermost container.
    fn flow_kind(&self) -> UnitKind {
        self.frames
            .iter()
            .rev()
            .find_map(|frame| match frame {
                Frame::Item(_) => Some(UnitKind::ListItem),
                Frame::Quote(_) => Some(UnitKind::Quote),
                Frame::Footnote { .. } => Some(UnitKind::Footnote),
                Frame::Root(_) => Some(UnitKind::Paragraph),
                Frame::List { .. } | Frame::Wrapper { .. } => None,
            })
            .unwrap_or(UnitKind::Paragraph)
    }

    fn push_block(&mut self, block: Block) {
        match self.frames.last_mut() {
            Some(
                Frame::Root(blocks)
                | Frame::Quote(blocks)
                | Frame::Item(Item { blocks, .. })
                | Frame::Wrapper { blocks, .. }
                | Frame::Footnote { blocks, .. },
            ) => blocks.push(block),
            // Blocks are only ever pushed into items of a list, never beside them.
            Some(Frame::List { .. }) | None => {}
        }
    }

    /// Ends the text of a tight list item (which has no paragraph events) before a block
    /// inside the item starts, or the item ends.
    fn flush_item_text(&mut self) {
        if matches!(self.frames.last(), Some(Frame::Item(_)))
            && self.table.is_none()
            && let Some((unit, _)) = self.finish_inline(UnitKind::ListItem, false)
        {
            self.push_block(Block::Paragraph {
                id: placeholder(unit),
            });
        }
    }

    /// Closes the HTML wrappers still open in the container that ends, so a wrapper
    /// opened inside a list item or quote never swallows what follows it.
    fn close_wrappers(&mut self) {
        while let Some(Frame::Wrapper { .. }) = self.frames.last() {
            self.close_wrapper(String::new());
        }
    }

    fn close_wrapper(&mut self, close: String) {
        if let Some(Frame::Wrapper { open, name, blocks }) = self.frames.pop() {
            let close = if close.is_empty() {
                format!("</{name}>")
            } else {
                close
            };
            self.push_block(Block::Wrapper {
                open,
                blocks,
                close,
            });
        }
    }

    fn plain_of(&self, unit: usize) -> String {
        markdown_to_plain(&self.article.units[unit].text)
    }

    fn begin_inline(&mut self) {
        self.inline = Some(Inline::default());
    }

    fn extend_inline(&mut self, range: Range<usize>, plain: &str) {
        // A tight list item's text comes without a paragraph around it.
        if self.inline.is_none() && matches!(self.frames.last(), Some(Frame::Item(_))) {
            self.begin_inline();
        }
        if let Some(inline) = &mut self.inline {
            if let Some(line_start) = inline.line_start.take()
                && range.start > line_start
                && self.source[line_start..range.start]
                    .chars()
                    .all(|c| c == '>' || c.is_whitespace())
            {
                inline
                    .replaced
                    .push((line_start..range.start, " ".to_owned()));
            }
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
            // The author's inline HTML is trusted: it stays in the unit as protected
            // markup, like a link's target. Only what would run code is refused.
            let start = range.start;
            self.check_scripts(html, &|at| start + at);
            self.extend_inline(range, "");
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
            inline.replaced.push((range, " ".to_owned()));
        }
    }

    /// Reports `<script>`, `<style>` and `on…=` handlers in the author's HTML at `offset`,
    /// unless `folio.toml` allows them. Returns whether it reported one.
    fn check_scripts(&mut self, html: &str, offset: &dyn Fn(usize) -> usize) -> bool {
        if self.options.allow_scripts {
            return false;
        }
        let Some((at, construct)) = crate::html::scripting(html) else {
            return false;
        };
        self.unsupported(
            offset(at),
            construct,
            "pages must not run the source's code; remove it, or set `allow-scripts = true` \
             under `[extract]` in folio.toml if this site needs it",
        );
        true
    }

    fn html_block_end(&mut self) {
        let Some(block) = self.html_block.take() else {
            return;
        };
        let range = block.start..block.start;
        let raw = block.text.as_str();
        let html = raw.trim();
        if html.starts_with("<!--") && html.ends_with("-->") && !html[4..].contains("<!--") {
            if html.contains(PIN_PREFIX) {
                self.unsupported(
                    range.start,
                    "folio-id comment on a line of its own",
                    "put `<!-- folio-id: … -->` at the end of the block it names, on the same line",
                );
            }
            return;
        }
        if self.check_scripts(raw, &|at| block.source_offset(at)) {
            return;
        }
        match crate::html::classify(html) {
            crate::html::HtmlBlock::Close(name) => {
                if matches!(self.frames.last(), Some(Frame::Wrapper { name: open, .. }) if *open == name)
                {
                    self.close_wrapper(html.to_owned());
                } else {
                    self.push_block(Block::Html {
                        html: html.to_owned(),
                    });
                }
            }
            crate::html::HtmlBlock::Open(name) => self.frames.push(Frame::Wrapper {
                open: html.to_owned(),
                name,
                blocks: Vec::new(),
            }),
            crate::html::HtmlBlock::Layout => self.push_block(Block::Html {
                html: html.to_owned(),
            }),
            crate::html::HtmlBlock::Text(pieces) => {
                let (line, _) = self.lines.line_col(range.start);
                let mut parts = Vec::new();
                for piece in pieces {
                    parts.push(match piece {
                        crate::html::Piece::Html(html) => HtmlPart::Html(html),
                        crate::html::Piece::Text(text) => {
                            HtmlPart::Text(self.push_unit(UnitKind::HtmlText, text, line))
                        }
                        crate::html::Piece::Attribute(text) => {
                            HtmlPart::Attribute(self.push_unit(UnitKind::Attribute, text, line))
                        }
                    });
                }
                self.push_block(Block::HtmlText { parts });
            }
        }
    }

    /// Adds a unit that is not read from inline events (HTML text, attributes).
    fn push_unit(&mut self, kind: UnitKind, text: String, line: usize) -> UnitId {
        self.counters[kind_index(kind)] += 1;
        self.article.units.push(SourceUnit {
            kind,
            text,
            section: self.section.clone(),
            ordinal: self.counters[kind_index(kind)],
            pinned: None,
            line,
            detail: Detail::None,
        });
        placeholder(self.article.units.len() - 1)
    }

    /// Ends the current inline content as a unit of `kind`; `None` if it was empty.
    fn finish_inline(&mut self, kind: UnitKind, is_heading: bool) -> Option<(usize, String)> {
        let inline = self.inline.take()?;
        let extent = inline.extent.clone()?;
        let text = unit_text(self.source, extent.clone(), &inline.replaced);
        if text.is_empty() {
            return None;
        }
        self.counters[kind_index(kind)] += 1;
        let ordinal = self.counters[kind_index(kind)];
        let (line, _) = self.lines.line_col(extent.start);
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
        let Some((kind, range, extent)) = self.metadata.take() else {
            return;
        };
        let extent = extent.unwrap_or(range.start..range.start);
        let content = &self.source[extent.clone()];
        let values = match kind {
            MetadataBlockKind::PlusesStyle => self.toml_front_matter(content, &extent, &range),
            MetadataBlockKind::YamlStyle => self.yaml_front_matter(content, &extent, &range),
        };
        let Some(mut values) = values else {
            return;
        };
        let (line, _) = self.lines.line_col(range.start);
        for key in &self.options.translatable_keys {
            let Some(serde_json::Value::String(value)) = values.get(key) else {
                continue;
            };
            let value = normalize_space(value);
            values.remove(key);
            if value.is_empty() {
                continue;
            }
            let kind = match key.as_str() {
                "title" => UnitKind::Title,
                "description" => UnitKind::Description,
                _ => UnitKind::Meta,
            };
            let pinned = (kind == UnitKind::Meta)
                .then(|| UnitId::new(format!("meta-{}", key_slug(key))).ok())
                .flatten();
            self.article.units.push(SourceUnit {
                kind,
                text: value,
                section: None,
                ordinal: 1,
                pinned,
                line,
                detail: Detail::None,
            });
            let index = self.article.units.len() - 1;
            match kind {
                UnitKind::Title => self.article.title = Some(index),
                UnitKind::Description => self.article.description = Some(index),
                _ => self.article.meta.push((key.clone(), index)),
            }
        }
        if !values.is_empty() {
            self.article.front_matter = Some(values);
        }
    }

    /// TOML front matter as JSON values; `title` and `description` must be strings.
    fn toml_front_matter(
        &mut self,
        content: &str,
        extent: &Range<usize>,
        range: &Range<usize>,
    ) -> Option<serde_json::Map<String, serde_json::Value>> {
        #[derive(serde::Deserialize)]
        #[allow(dead_code)] // read only to check the types, with the error's span
        struct Typed {
            title: Option<String>,
            description: Option<String>,
        }
        let parsed =
            toml::from_str::<Typed>(content).and_then(|_| toml::from_str::<toml::Table>(content));
        match parsed {
            Ok(table) => Some(
                table
                    .into_iter()
                    .map(|(k, v)| (k, toml_to_json(v)))
                    .collect(),
            ),
            Err(error) => {
                let message = error.message().to_owned();
                let offset = error
                    .span()
                    .map_or(range.start, |span| extent.start + span.start);
                self.error(offset, SplitErrorKind::FrontMatter(message));
                None
            }
        }
    }

    /// YAML front matter as JSON values; it must be a mapping, `title` and `description`
    /// strings.
    fn yaml_front_matter(
        &mut self,
        content: &str,
        extent: &Range<usize>,
        range: &Range<usize>,
    ) -> Option<serde_json::Map<String, serde_json::Value>> {
        if content.trim().is_empty() {
            return Some(Default::default());
        }
        match serde_norway::from_str::<serde_json::Value>(content) {
            Ok(serde_json::Value::Object(map)) => {
                for key in ["title", "description"] {
                    if map.get(key).is_some_and(|v| !v.is_string() && !v.is_null()) {
                        let at = content.find(&format!("{key}:")).unwrap_or(0);
                        self.error(
                            extent.start + at,
                            SplitErrorKind::FrontMatter(format!(
                                "invalid type: `{key}` must be a string"
                            )),
                        );
                        return None;
                    }
                }
                Some(map)
            }
            Ok(serde_json::Value::Null) => Some(Default::default()),
            Ok(_) => {
                self.error(
                    range.start,
                    SplitErrorKind::FrontMatter(
                        "YAML front matter must be `key: value` lines".into(),
                    ),
                );
                None
            }
            Err(error) => {
                let offset = error
                    .location()
                    .map_or(range.start, |l| extent.start + l.index().min(content.len()));
                self.error(offset, SplitErrorKind::FrontMatter(error.to_string()));
                None
            }
        }
    }
}

/// A flat list of one-line items stays a [`Block::List`], as before these kinds existed;
/// anything richer is a [`Block::Items`].
fn list_block(start: Option<u64>, loose: bool, items: Vec<Item>) -> Block {
    let flat: Option<Vec<UnitId>> = items
        .iter()
        .map(|item| match (item.task, item.blocks.as_slice()) {
            (None, [Block::Paragraph { id }]) if !loose => Some(id.clone()),
            _ => None,
        })
        .collect();
    match flat {
        Some(ids) if !ids.is_empty() => Block::List { start, items: ids },
        _ => Block::Items {
            start,
            loose,
            items,
        },
    }
}

/// An inline link (or image) with the text written as `inner`, for a reference link.
fn inline_link(image: bool, inner: &str, dest: &str, title: &str) -> String {
    let dest = if dest.is_empty() || dest.contains([' ', '(', ')', '<', '>']) {
        format!("<{}>", dest.replace('<', "%3C").replace('>', "%3E"))
    } else {
        dest.to_owned()
    };
    let title = if title.is_empty() {
        String::new()
    } else {
        format!(" \"{}\"", title.replace('\\', "\\\\").replace('"', "\\\""))
    };
    format!("{}[{inner}]({dest}{title})", if image { "!" } else { "" })
}

/// GitHub's heading anchor: lowercase, letters, digits, `-` and `_` kept, spaces made `-`,
/// everything else dropped.
pub fn github_slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// A front matter key as part of an id.
fn key_slug(key: &str) -> String {
    key.chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect()
}

/// A TOML value as JSON; dates and times become their TOML text.
fn toml_to_json(value: toml::Value) -> serde_json::Value {
    use serde_json::Value as J;
    match value {
        toml::Value::String(s) => J::String(s),
        toml::Value::Integer(i) => J::from(i),
        toml::Value::Float(f) => J::from(f),
        toml::Value::Boolean(b) => J::Bool(b),
        toml::Value::Datetime(d) => J::String(d.to_string()),
        toml::Value::Array(a) => J::Array(a.into_iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => {
            J::Object(t.into_iter().map(|(k, v)| (k, toml_to_json(v))).collect())
        }
    }
}

/// The unit text of `source[extent]`: `replaced` ranges written as their replacement,
/// NUL (a hard break) as `\` + newline, every other run of whitespace one space, ends
/// trimmed. A range inside an earlier one is skipped.
fn unit_text(source: &str, extent: Range<usize>, replaced: &[(Range<usize>, String)]) -> String {
    // Lines are split at the hard breaks the Markdown has, never at a character of the
    // text: any character, NUL included, may be the author's.
    let mut lines = vec![String::new()];
    let mut offset = extent.start;
    for (range, with) in ordered_marks(replaced) {
        if range.start < offset {
            continue;
        }
        let line = lines.last_mut().expect("never empty");
        line.push_str(&source[offset..range.start]);
        if with == HARD_BREAK {
            lines.push(String::new());
        } else {
            line.push_str(with);
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

/// What a hard break is replaced with among an inline's replaced ranges: a mark that
/// `unit_text` turns into a line break and no other replacement is.
const HARD_BREAK: &str = "\u{0}";

/// Replaced ranges in source order, an outer range before the ranges inside it.
fn ordered_marks(replaced: &[(Range<usize>, String)]) -> Vec<(&Range<usize>, &str)> {
    let mut marks: Vec<(&Range<usize>, &str)> = replaced
        .iter()
        .map(|(r, with)| (r, with.as_str()))
        .collect();
    marks.sort_by_key(|(r, _)| (r.start, std::cmp::Reverse(r.end)));
    marks
}

/// `source[extent]` with `replaced` ranges written as their replacement; a range inside
/// an earlier (outer) one is skipped.
fn replace_ranges(
    source: &str,
    extent: Range<usize>,
    replaced: &[(Range<usize>, String)],
) -> String {
    let mut raw = String::with_capacity(extent.len());
    let mut offset = extent.start;
    for (range, with) in ordered_marks(replaced) {
        if range.start < offset {
            continue;
        }
        raw.push_str(&source[offset..range.start]);
        raw.push_str(with);
        offset = range.end;
    }
    raw.push_str(&source[offset..extent.end.max(offset)]);
    raw
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
        UnitKind::Quote => 7,
        UnitKind::Footnote => 8,
        UnitKind::HtmlText => 9,
        UnitKind::Attribute => 10,
        UnitKind::Meta => 11,
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
            Block::List {
                start: Some(3),
                items: vec![placeholder(0), placeholder(1)]
            }
        );
        assert_eq!(
            article.shape[1],
            Block::Table {
                alignments: vec![Alignment::Left, Alignment::Right],
                header: vec![Some(placeholder(2)), Some(placeholder(3))],
                rows: vec![vec![None, Some(placeholder(4))]],
            }
        );
    }

    /// The shape of `markdown` as compact JSON, unit placeholders and all.
    fn shape(markdown: &str) -> String {
        let article = split_article(markdown).unwrap_or_else(|e| panic!("{e:?}"));
        serde_json::to_string(&article.shape).unwrap()
    }

    #[test]
    fn real_article_constructs_become_units_or_layout() {
        check(
            "Text with <b>html</b>, ![an image](x.png \"T\") and <https://a.example>.\n\n\
             > A quote\n>\n> > nested\n\n```sh\ncode\n```\n\n    indented\n\n\
             A note[^1].\n\n[^1]: The note.\n\n---\n\n- [ ] task\n- a\n  - nested\n    - deeper\n\n\
             [ref link][r] and [r]\n\n[r]: https://example.org \"Ex\"\n",
            "Paragraph: Text with <b>html</b>, ![an image](x.png \"T\") and <https://a.example>.
             Quote: A quote
             Quote: nested
             Paragraph: A note[^1].
             Footnote: The note.
             ListItem: task
             ListItem: a
             ListItem: nested
             ListItem: deeper
             Paragraph: [ref link](https://example.org \"Ex\") and [r](https://example.org \"Ex\")",
        );
        assert_eq!(
            shape("> q\n>\n> > n\n\n```sh\nx\n```\n\n---\n"),
            r#"[{"block":"quote","blocks":[{"block":"paragraph","id":"u0"},{"block":"quote","blocks":[{"block":"paragraph","id":"u1"}]}]},{"block":"code","info":"sh","code":"x\n"},{"block":"rule"}]"#
        );
    }

    #[test]
    fn quote_prefixes_and_reference_links_do_not_leak_into_text() {
        check(
            "> [!NOTE]\n> Two  lines\\\n>   three\n\n\
             [![badge](b.svg)][ci] and [Fluent][], [x]. [![b][img]][ci]\n\n\
             [ci]: https://ci.example\n[Fluent]: https://fluent.example\n[x]: <a b>\n\
             [img]: i.svg\n",
            "Quote: [!NOTE] Two lines\\⏎three
             Paragraph: [![badge](b.svg)](https://ci.example) and [Fluent](https://fluent.example), [x](<a b>). [![b](i.svg)](https://ci.example)",
        );
    }

    #[test]
    fn lists_nest_to_any_depth_and_keep_task_state() {
        assert_eq!(
            shape("- [x] a\n  - b\n    1. c\n"),
            r#"[{"block":"items","items":[{"task":true,"blocks":[{"block":"paragraph","id":"u0"},{"block":"list","items":["u1"]},{"block":"list","start":1,"items":["u2"]}]}]}]"#
                .replace(r#"{"block":"list","items":["u1"]},{"block":"list","start":1,"items":["u2"]}"#, r#"{"block":"items","items":[{"blocks":[{"block":"paragraph","id":"u1"},{"block":"list","start":1,"items":["u2"]}]}]}"#)
        );
        // Items of several paragraphs make a loose list; each paragraph is a unit.
        check(
            "- one\n\n  more\n- two\n",
            "ListItem: one\nListItem: more\nListItem: two",
        );
        assert!(shape("- one\n\n  more\n").contains(r#""loose":true"#));
    }

    #[test]
    fn html_blocks_are_layout_wrappers_or_text() {
        let markdown = "<div class=\"note\">\n\nInside *here*.\n\n</div>\n\n\
                        <iframe src=\"https://v.example/e/1\"></iframe>\n\n\
                        <p>Call <a href=\"tel:1\">us</a>.</p>\n\n<img src=\"a.png\" alt=\"A cat\">\n";
        check(
            markdown,
            "Paragraph: Inside *here*.
             HtmlText: Call <a href=\"tel:1\">us</a>.
             Attribute: A cat",
        );
        assert_eq!(
            shape(markdown),
            r#"[{"block":"wrapper","open":"<div class=\"note\">","blocks":[{"block":"paragraph","id":"u0"}],"close":"</div>"},{"block":"html","html":"<iframe src=\"https://v.example/e/1\"></iframe>"},{"block":"html-text","parts":[{"html":"<p>"},{"text":"u1"},{"html":"</p>"}]},{"block":"html-text","parts":[{"html":"<img alt=\""},{"attribute":"u2"},{"html":"\" src=\"a.png\">"}]}]"#
        );
        // A wrapper the source never closes is closed where its container ends.
        assert!(
            shape("> <div>\n>\n> x\n\ny\n").contains(r#""close":"</div>"}]},{"block":"paragraph""#)
        );
    }

    #[test]
    fn headings_are_anchored_as_on_github() {
        let article =
            split_article("# Why? It's *hard*\n\n## Why? It's hard\n\n### Custom {#own}\n")
                .unwrap();
        let anchors: Vec<_> = article
            .shape
            .iter()
            .map(|b| match b {
                Block::Heading { anchor, .. } => anchor.clone().unwrap(),
                _ => panic!(),
            })
            .collect();
        assert_eq!(anchors, ["why-its-hard", "why-its-hard-1", "own"]);
        assert_eq!(article.units[2].text, "Custom");
    }

    #[test]
    fn html_in_a_quote_leaves_the_quote_marks_out() {
        let markdown =
            "> <div class=\"v\"></div>\n> text **here**\n>\n> <p>x</p>\n> <script>x()</script>\n";
        assert_eq!(
            errors(markdown),
            [
                "5:3: unsupported Markdown: `<script>` in the source; pages must not run the source's code; remove it, or set `allow-scripts = true` under `[extract]` in folio.toml if this site needs it"
            ]
        );
        check(
            "> <div class=\"v\"></div>\n> text **here**\n",
            "HtmlText: text **here**",
        );
    }

    #[test]
    fn code_is_refused_only_where_it_would_run() {
        let found = errors(
            "Text <a href=\"#\" onclick=\"x()\">go</a>.\n\n<script>alert(1)</script>\n\n<style>p {}</style>\n",
        );
        assert_eq!(found.len(), 3, "{found:#?}");
        assert!(
            found[0].starts_with("1:18: unsupported Markdown: an `on…=` event handler"),
            "{}",
            found[0]
        );
        assert!(found[1].starts_with("3:1: unsupported Markdown: `<script>` in the source"));
        assert!(found[2].starts_with("5:1: unsupported Markdown: `<style>`"));
        assert!(found[1].contains("allow-scripts = true"));
        let allowed = SplitOptions {
            allow_scripts: true,
            ..SplitOptions::default()
        };
        let article = split_article_with("<script>alert(1)</script>\n", &allowed).unwrap();
        assert!(matches!(&article.shape[0], Block::Html { html } if html.contains("alert")));
    }

    #[test]
    fn front_matter_is_only_at_the_top() {
        let found = errors("Intro.\n\n> ---\n> a\n\n---\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].starts_with("3:3: unsupported Markdown: `---` lines read as front matter")
        );
    }

    /// Found by fuzzing: pulldown-cmark reads a `+++` block after a blank line anywhere as
    /// metadata, so a second one gave the article a title unit among its body units (out
    /// of the layout's order), or two titles with the same id.
    #[test]
    fn toml_front_matter_is_only_at_the_top() {
        let later = "`+++` block after the start of the file";
        assert!(
            errors("Para.\n\n+++\ntitle = \"T\"\n+++\n")[0]
                .starts_with(&format!("3:1: unsupported Markdown: {later}"))
        );
        let twice = errors("+++\ntitle = \"A\"\n+++\n\n+++\ntitle = \"B\"\n+++\n");
        assert_eq!(twice.len(), 1, "{twice:?}");
        assert!(twice[0].starts_with(&format!("5:1: unsupported Markdown: {later}")));
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

    #[test]
    fn yaml_and_toml_front_matter_keep_their_other_keys() {
        for markdown in [
            "---\ntitle: T\nsummary: S\ntags: [a, b]\ndate: 2024-01-02\n---\n\nText.\n",
            "+++\ntitle = \"T\"\nsummary = \"S\"\ntags = [\"a\", \"b\"]\ndate = 2024-01-02\n+++\n\nText.\n",
        ] {
            let article = split_article(markdown).unwrap();
            let texts: Vec<_> = article
                .units
                .iter()
                .map(|u| (u.kind, u.text.as_str()))
                .collect();
            assert_eq!(
                texts,
                [
                    (UnitKind::Title, "T"),
                    (UnitKind::Meta, "S"),
                    (UnitKind::Paragraph, "Text.")
                ]
            );
            assert_eq!(article.meta, [("summary".to_owned(), 1)]);
            let kept = serde_json::to_string(&article.front_matter).unwrap();
            assert_eq!(kept, r#"{"date":"2024-01-02","tags":["a","b"]}"#);
        }
        let keys = SplitOptions {
            translatable_keys: vec!["subtitle".into()],
            ..SplitOptions::default()
        };
        let article = split_article_with("---\ntitle: T\nsubtitle: S\n---\n", &keys).unwrap();
        assert_eq!(article.units.len(), 1);
        assert_eq!(
            article.units[0].pinned,
            Some(UnitId::new("meta-subtitle").unwrap())
        );
    }

    #[test]
    fn front_matter_and_pins_are_validated() {
        assert!(
            errors("---\ntitle: [yaml\n---\n")[0].starts_with("3:"),
            "{:?}",
            errors("---\ntitle: [yaml\n---\n")
        );
        assert!(errors("---\ntitle: 3\n---\n")[0].starts_with("2:1: front matter: invalid type"));
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
}
