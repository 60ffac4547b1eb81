//! A unit's inline Markdown as a [`Segment`]: translatable text between protected codes.
//!
//! The codes are what Folio's checks protect in a translation (`folio-check`'s Markdown
//! parity): the delimiters of emphasis, strong and strikethrough, a link's `[` and its
//! `](target)`, an image's `![` and `](source)`, a code span, an autolink, a hard break
//! and the author's inline HTML tags. A CAT tool shows each as a tag the translator can
//! move but not edit, which is what the checks ask of a translator in a `.ftl` file.
//!
//! Invariant (property-tested): [`Segment::to_markdown`] of [`Segment::from_markdown`]
//! is the text, byte for byte. The text between codes is the Markdown source as
//! written (escapes and entities included), so nothing is decoded that would have to be
//! encoded back.

use std::collections::HashMap;
use std::ops::Range;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// What a protected code is, written as XLIFF's `ctype`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CodeKind {
    /// `**` or `__`.
    Strong,
    /// `*` or `_`.
    Emphasis,
    /// `~~`.
    Strikethrough,
    /// `[` … `](target "title")`.
    Link,
    /// `![` … `](source "title")`: the alt text between is translated.
    Image,
    /// An autolink `<https://…>`, kept whole: its text is its target.
    Autolink,
    /// A code span, kept whole.
    Code,
    /// A hard line break (`\` and a line break).
    Break,
    /// One of the author's inline HTML tags.
    Html,
    /// An HTML comment.
    Comment,
}

impl CodeKind {
    /// Every kind.
    const ALL: [CodeKind; 10] = [
        CodeKind::Strong,
        CodeKind::Emphasis,
        CodeKind::Strikethrough,
        CodeKind::Link,
        CodeKind::Image,
        CodeKind::Autolink,
        CodeKind::Code,
        CodeKind::Break,
        CodeKind::Html,
        CodeKind::Comment,
    ];

    /// The XLIFF 1.2 `ctype` of the code: a predefined value where there is one
    /// (`bold`, `italic`, `link`, `image`, `lb`), an `x-` name otherwise.
    pub fn ctype(self) -> &'static str {
        match self {
            CodeKind::Strong => "bold",
            CodeKind::Emphasis => "italic",
            CodeKind::Strikethrough => "x-strikethrough",
            CodeKind::Link => "link",
            CodeKind::Image => "image",
            CodeKind::Autolink => "x-autolink",
            CodeKind::Code => "x-code",
            CodeKind::Break => "lb",
            CodeKind::Html => "x-html",
            CodeKind::Comment => "x-html-comment",
        }
    }

    /// The kind whose [`ctype`](Self::ctype) is `ctype`.
    pub fn from_ctype(ctype: &str) -> Option<Self> {
        CodeKind::ALL.into_iter().find(|kind| kind.ctype() == ctype)
    }
}

/// Where a code stands in its pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Opens a pair (`<bpt>`).
    Open,
    /// Closes the pair of the same id (`<ept>`).
    Close,
    /// Stands alone (`<ph>`).
    Standalone,
}

impl Role {
    /// The XLIFF (and TMX) element of the role.
    pub fn element(self) -> &'static str {
        match self {
            Role::Open => "bpt",
            Role::Close => "ept",
            Role::Standalone => "ph",
        }
    }
}

/// One protected code: its native Markdown or HTML and its id, shared by the two codes
/// of a pair and unique among a segment's codes otherwise.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// Open, close or standalone.
    pub role: Role,
    /// The id, from 1.
    pub id: u32,
    /// What it is, when known (a file read back may carry a `ctype` Folio did not write).
    pub kind: Option<CodeKind>,
    /// The Markdown or HTML it stands for, exactly.
    pub native: String,
}

/// A piece of a segment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    /// Text to translate, as Markdown source.
    Text(String),
    /// A code to keep.
    Code(Code),
}

/// A unit's text as translatable text and protected codes, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segment {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
}

/// A code found in the Markdown, before ids are given.
struct Span {
    range: Range<usize>,
    role: Role,
    kind: CodeKind,
    /// The pair it belongs to (open and close share it); unique for a standalone code.
    pair: usize,
}

/// An inline element being read: where it starts and ends, and where its content got to.
struct Frame {
    range: Range<usize>,
    kind: CodeKind,
    /// The end of the last child read; the closing delimiter starts here.
    cursor: usize,
    /// Whether the opening delimiter was taken (at the first child).
    opened: bool,
    pair: usize,
    /// Read whole (an autolink): its children are its target, not text.
    opaque: bool,
}

/// Elements that never have a closing tag.
const VOID_ELEMENTS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

impl Segment {
    /// Reads `text`, a unit's Markdown, as the checks read it (CommonMark with
    /// strikethrough), into text and codes. Codes get ids 1, 2, … in order of their
    /// first appearance.
    pub fn from_markdown(text: &str) -> Segment {
        let mut spans = Vec::new();
        let mut frames: Vec<Frame> = Vec::new();
        let mut pairs = 0;
        let mut html: Vec<(Range<usize>, HtmlTag)> = Vec::new();
        let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter();
        for (event, range) in parser {
            if frames.last().is_some_and(|f| f.opaque) {
                match event {
                    Event::Start(_) => frames.push(Frame {
                        range: range.clone(),
                        kind: CodeKind::Autolink,
                        cursor: range.start,
                        opened: true,
                        pair: 0,
                        opaque: true,
                    }),
                    Event::End(_) => {
                        let frame = frames.pop().expect("a frame is open");
                        if !frames.last().is_some_and(|f| f.opaque) {
                            close_frame(&mut frames, &mut spans, frame);
                        }
                    }
                    _ => {}
                }
                continue;
            }
            match event {
                Event::Start(tag) => {
                    let kind = match &tag {
                        Tag::Emphasis => CodeKind::Emphasis,
                        Tag::Strong => CodeKind::Strong,
                        Tag::Strikethrough => CodeKind::Strikethrough,
                        Tag::Link {
                            link_type: LinkType::Autolink | LinkType::Email,
                            ..
                        } => CodeKind::Autolink,
                        Tag::Link { .. } => CodeKind::Link,
                        Tag::Image { .. } => CodeKind::Image,
                        // Block structure (a unit's text is one block's inline content):
                        // its markers stay in the text around the codes.
                        _ => continue,
                    };
                    open_top(&mut frames, &mut spans, range.start);
                    pairs += 1;
                    frames.push(Frame {
                        range: range.clone(),
                        kind,
                        cursor: range.start,
                        opened: false,
                        pair: pairs,
                        opaque: kind == CodeKind::Autolink,
                    });
                }
                Event::End(
                    TagEnd::Emphasis
                    | TagEnd::Strong
                    | TagEnd::Strikethrough
                    | TagEnd::Link
                    | TagEnd::Image,
                ) => {
                    if let Some(frame) = frames.pop() {
                        close_frame(&mut frames, &mut spans, frame);
                    }
                }
                Event::End(_) => {}
                leaf => {
                    open_top(&mut frames, &mut spans, range.start);
                    let kind = match &leaf {
                        Event::Code(_) => Some(CodeKind::Code),
                        Event::HardBreak => Some(CodeKind::Break),
                        Event::InlineHtml(tag) | Event::Html(tag) => {
                            html.push((range.clone(), html_tag(tag)));
                            None
                        }
                        _ => None,
                    };
                    if let Some(kind) = kind {
                        pairs += 1;
                        spans.push(Span {
                            range: range.clone(),
                            role: Role::Standalone,
                            kind,
                            pair: pairs,
                        });
                    }
                    if let Some(top) = frames.last_mut() {
                        top.cursor = range.end;
                    }
                }
            }
        }
        pair_html(&html, &mut spans, &mut pairs);
        assemble(text, spans)
    }

    /// The Markdown the segment stands for: its text and its codes' native text, in
    /// order.
    pub fn to_markdown(&self) -> String {
        let mut text = String::new();
        for piece in &self.pieces {
            match piece {
                Piece::Text(t) => text.push_str(t),
                Piece::Code(code) => text.push_str(&code.native),
            }
        }
        text
    }

    /// The codes, in order.
    pub fn codes(&self) -> impl Iterator<Item = &Code> {
        self.pieces.iter().filter_map(|piece| match piece {
            Piece::Code(code) => Some(code),
            Piece::Text(_) => None,
        })
    }

    /// This segment (a translation) with its codes renumbered after `source`'s (its
    /// English), so that a CAT tool pairs them: each opening or standalone code takes
    /// the id of the first unused source code of the same role with the same native
    /// text, else of the same role and kind; a closing code takes its opening code's.
    /// Codes the source has no counterpart for get ids after the source's.
    pub fn aligned_to(&self, source: &Segment) -> Segment {
        let mut unused: Vec<&Code> = source.codes().filter(|c| c.role != Role::Close).collect();
        let mut fresh = source.codes().map(|c| c.id).max().unwrap_or(0);
        let mut ids: HashMap<u32, u32> = HashMap::new();
        let mut pieces = Vec::with_capacity(self.pieces.len());
        for piece in &self.pieces {
            let Piece::Code(code) = piece else {
                pieces.push(piece.clone());
                continue;
            };
            let id = match code.role {
                Role::Close => ids.get(&code.id).copied().unwrap_or_else(|| {
                    fresh += 1;
                    fresh
                }),
                role => {
                    let found = unused
                        .iter()
                        .position(|s| s.role == role && s.native == code.native)
                        .or_else(|| {
                            unused
                                .iter()
                                .position(|s| s.role == role && s.kind == code.kind)
                        });
                    let id = match found {
                        Some(index) => unused.remove(index).id,
                        None => {
                            fresh += 1;
                            fresh
                        }
                    };
                    ids.insert(code.id, id);
                    id
                }
            };
            pieces.push(Piece::Code(Code { id, ..code.clone() }));
        }
        Segment { pieces }
    }
}

/// Takes the opening delimiter of the innermost element when its first child arrives at
/// `at`: everything from the element's start to there.
fn open_top(frames: &mut [Frame], spans: &mut Vec<Span>, at: usize) {
    if let Some(top) = frames.last_mut()
        && !top.opened
    {
        top.opened = true;
        spans.push(Span {
            range: top.range.start..at,
            role: Role::Open,
            kind: top.kind,
            pair: top.pair,
        });
    }
}

/// Records the closing delimiter of `frame` (from its last child to its end), or the
/// whole element as one code when it had no child or is read whole.
fn close_frame(frames: &mut [Frame], spans: &mut Vec<Span>, frame: Frame) {
    if frame.opaque || !frame.opened {
        spans.push(Span {
            range: frame.range.clone(),
            role: Role::Standalone,
            kind: frame.kind,
            pair: frame.pair,
        });
    } else {
        spans.push(Span {
            range: frame.cursor..frame.range.end,
            role: Role::Close,
            kind: frame.kind,
            pair: frame.pair,
        });
    }
    if let Some(parent) = frames.last_mut() {
        parent.cursor = frame.range.end;
    }
}

/// What one of the author's HTML tags is, for pairing.
#[derive(Debug, PartialEq, Eq)]
enum HtmlTag {
    /// An opening tag of the element named.
    Opens(String),
    /// A closing tag of the element named.
    Closes(String),
    /// A comment.
    Comment,
    /// A void or self-closing element, or anything else that pairs with nothing.
    Alone,
}

/// Reads what an HTML tag is.
fn html_tag(tag: &str) -> HtmlTag {
    let tag = tag.trim();
    if tag.starts_with("<!--") {
        return HtmlTag::Comment;
    }
    let (opens, rest) = match (tag.strip_prefix("</"), tag.strip_prefix('<')) {
        (Some(rest), _) => (false, rest),
        (None, Some(rest)) => (true, rest),
        (None, None) => return HtmlTag::Alone,
    };
    let name = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect::<String>()
        .to_ascii_lowercase();
    if name.is_empty() || !tag.ends_with('>') {
        HtmlTag::Alone
    } else if !opens {
        HtmlTag::Closes(name)
    } else if tag.ends_with("/>") || VOID_ELEMENTS.contains(&name.as_str()) {
        HtmlTag::Alone
    } else {
        HtmlTag::Opens(name)
    }
}

/// Pairs the author's HTML tags (an opening tag with the next closing tag of its
/// element at the same depth) into open and close codes; the rest stand alone.
fn pair_html(html: &[(Range<usize>, HtmlTag)], spans: &mut Vec<Span>, pairs: &mut usize) {
    let mut roles = vec![Role::Standalone; html.len()];
    let mut partner: Vec<Option<usize>> = vec![None; html.len()];
    let mut open: Vec<(usize, &str)> = Vec::new();
    for (index, (_, tag)) in html.iter().enumerate() {
        match tag {
            HtmlTag::Opens(name) => open.push((index, name)),
            HtmlTag::Closes(name) => {
                if let Some(depth) = open.iter().rposition(|(_, n)| n == name) {
                    let (opening, _) = open[depth];
                    open.truncate(depth);
                    roles[opening] = Role::Open;
                    roles[index] = Role::Close;
                    partner[index] = Some(opening);
                }
            }
            HtmlTag::Comment | HtmlTag::Alone => {}
        }
    }
    let mut pair_of: HashMap<usize, usize> = HashMap::new();
    for (index, (range, tag)) in html.iter().enumerate() {
        let pair = match partner[index] {
            Some(opening) => pair_of[&opening],
            None => {
                *pairs += 1;
                pair_of.insert(index, *pairs);
                *pairs
            }
        };
        spans.push(Span {
            range: range.clone(),
            role: roles[index],
            kind: if *tag == HtmlTag::Comment {
                CodeKind::Comment
            } else {
                CodeKind::Html
            },
            pair,
        });
    }
}

/// Turns the spans into a segment: sorted, overlaps and empty spans dropped, a pair
/// that lost a member made standalone, ids given in order, text between them.
fn assemble(text: &str, mut spans: Vec<Span>) -> Segment {
    spans.sort_by_key(|s| (s.range.start, s.range.end));
    let mut kept: Vec<Span> = Vec::with_capacity(spans.len());
    for span in spans {
        let after = kept.last().map_or(0, |k| k.range.end);
        if span.range.start >= after
            && span.range.end > span.range.start
            && text.is_char_boundary(span.range.start)
            && text.is_char_boundary(span.range.end)
        {
            kept.push(span);
        }
    }
    let mut members: HashMap<usize, usize> = HashMap::new();
    for span in &kept {
        *members.entry(span.pair).or_default() += 1;
    }
    let mut ids: HashMap<usize, u32> = HashMap::new();
    let mut next = 0;
    let mut pieces = Vec::new();
    let mut at = 0;
    for span in kept {
        if span.range.start > at {
            pieces.push(Piece::Text(text[at..span.range.start].to_owned()));
        }
        let role = if members[&span.pair] == 2 {
            span.role
        } else {
            Role::Standalone
        };
        let id = match (role, ids.get(&span.pair)) {
            (Role::Close, Some(&id)) => id,
            _ => {
                next += 1;
                ids.insert(span.pair, next);
                next
            }
        };
        pieces.push(Piece::Code(Code {
            role,
            id,
            kind: Some(span.kind),
            native: text[span.range.clone()].to_owned(),
        }));
        at = span.range.end;
    }
    if at < text.len() {
        pieces.push(Piece::Text(text[at..].to_owned()));
    }
    Segment { pieces }
}

/// Why a translated segment's codes are not its source's: a CAT tool lets a translator
/// move codes, never drop, repeat, invent or edit one.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodeProblem {
    /// A code of the source is not in the target.
    #[error("the inline code <{element} id=\"{id}\"> (`{native}`) is missing")]
    Missing {
        /// `bpt`, `ept` or `ph`.
        element: &'static str,
        /// Its id.
        id: u32,
        /// The Markdown it stands for.
        native: String,
    },
    /// A code of the source is in the target more than once.
    #[error("the inline code <{element} id=\"{id}\"> is there {count} times")]
    Repeated {
        /// `bpt`, `ept` or `ph`.
        element: &'static str,
        /// Its id.
        id: u32,
        /// How many times.
        count: usize,
    },
    /// The target has a code the source does not.
    #[error("the inline code <{element} id=\"{id}\"> is not one of the source's")]
    Unknown {
        /// `bpt`, `ept` or `ph`.
        element: &'static str,
        /// Its id.
        id: u32,
    },
    /// A code's Markdown was edited.
    #[error(
        "the inline code <{element} id=\"{id}\"> was altered: `{found}` instead of `{expected}`"
    )]
    Altered {
        /// `bpt`, `ept` or `ph`.
        element: &'static str,
        /// Its id.
        id: u32,
        /// The source's Markdown.
        expected: String,
        /// The target's.
        found: String,
    },
    /// A pair's closing code comes before its opening one.
    #[error("the inline code <ept id=\"{id}\"> comes before its <bpt id=\"{id}\">")]
    ClosedBeforeOpened {
        /// The pair's id.
        id: u32,
    },
    /// The target's text reads as Markdown or HTML of its own (a link, an image, code,
    /// emphasis, a tag), which no code of the source stands for.
    #[error(
        "the target's text makes `{markdown}` Markdown or HTML of its own; only the source's \
         inline codes may mark text (write it without the markup)"
    )]
    MarkupInText {
        /// The Markdown the text makes (a pair whole), as the target has it.
        markdown: String,
    },
    /// A code no longer reads as Markdown where the target has it (emphasis moved next
    /// to a space, a link's parts around a stray bracket): the page would show its
    /// characters.
    #[error(
        "the inline code <{element} id=\"{id}\"> (`{native}`) does not read as Markdown \
         where it stands; move it against the words it marks"
    )]
    NotMarkup {
        /// `bpt`, `ept` or `ph`.
        element: &'static str,
        /// Its id.
        id: u32,
        /// The Markdown it stands for.
        native: String,
    },
}

/// Holds a translated `target` to its `source`'s codes: every code of the source
/// exactly once, none other, a pair opened before it is closed, and each code's
/// Markdown the source's — or `current`'s, the translation the target was exported
/// from (aligned to the source), whose HTML may carry a translated `title` or `alt`.
/// And the Markdown the target makes reads back into codes exactly where the target
/// has them: its text adds no markup of its own (`[a](b)` typed as text is a link),
/// and no code stops being markup where it was moved. So a target that passes
/// protects what its source does: the same link targets, code spans and tags.
pub fn check_codes(
    source: &Segment,
    target: &Segment,
    current: Option<&Segment>,
) -> Result<(), CodeProblem> {
    let key = |c: &Code| (c.role, c.id);
    let mut found: HashMap<(Role, u32), Vec<(usize, &Code)>> = HashMap::new();
    for (position, code) in target.codes().enumerate() {
        found.entry(key(code)).or_default().push((position, code));
    }
    let theirs: HashMap<(Role, u32), &str> = current
        .map(|c| {
            c.codes()
                .map(|code| (key(code), code.native.as_str()))
                .collect()
        })
        .unwrap_or_default();
    let mut opened: HashMap<u32, usize> = HashMap::new();
    for code in source.codes() {
        let element = code.role.element();
        let (position, copy) = match found.remove(&key(code)).as_deref() {
            None | Some([]) => {
                return Err(CodeProblem::Missing {
                    element,
                    id: code.id,
                    native: code.native.clone(),
                });
            }
            Some([one]) => *one,
            Some(many) => {
                return Err(CodeProblem::Repeated {
                    element,
                    id: code.id,
                    count: many.len(),
                });
            }
        };
        if copy.native != code.native && theirs.get(&key(code)) != Some(&copy.native.as_str()) {
            return Err(CodeProblem::Altered {
                element,
                id: code.id,
                expected: code.native.clone(),
                found: copy.native.clone(),
            });
        }
        match code.role {
            Role::Open => {
                opened.insert(code.id, position);
            }
            Role::Close if opened.get(&code.id).is_some_and(|&open| open > position) => {
                return Err(CodeProblem::ClosedBeforeOpened { id: code.id });
            }
            _ => {}
        }
    }
    let mut extra: Vec<(Role, u32)> = found.into_keys().collect();
    extra.sort_by_key(|(role, id)| (*id, role.element()));
    if let Some(&(role, id)) = extra.first() {
        return Err(CodeProblem::Unknown {
            element: role.element(),
            id,
        });
    }
    check_reading(target)
}

/// Whether `target`'s Markdown, read again, has its markup exactly where the target's
/// codes are: byte for byte, what the reading takes as codes is what the target holds
/// as codes (a pair read as one code, `[](x)`, covers the same bytes).
fn check_reading(target: &Segment) -> Result<(), CodeProblem> {
    let markdown = target.to_markdown();
    let read = Segment::from_markdown(&markdown);
    let (ours, theirs) = (code_ranges(target), code_ranges(&read));
    let mask = |ranges: &[(Range<usize>, &Code)]| {
        let mut mask = vec![false; markdown.len()];
        for (range, _) in ranges {
            mask[range.clone()].fill(true);
        }
        mask
    };
    let (ours_mask, theirs_mask) = (mask(&ours), mask(&theirs));
    let uncovered = |mask: &[bool], range: &Range<usize>| !mask[range.clone()].iter().all(|&b| b);
    if let Some((range, code)) = theirs
        .iter()
        .find(|(range, _)| uncovered(&ours_mask, range))
    {
        // A pair is shown whole: `[here](x)`, not `[`.
        let end = theirs
            .iter()
            .find(|(_, c)| code.role == Role::Open && c.role == Role::Close && c.id == code.id)
            .map_or(range.end, |(close, _)| close.end);
        return Err(CodeProblem::MarkupInText {
            markdown: markdown[range.start..end].to_owned(),
        });
    }
    if let Some((_, code)) = ours
        .iter()
        .find(|(range, _)| uncovered(&theirs_mask, range))
    {
        return Err(CodeProblem::NotMarkup {
            element: code.role.element(),
            id: code.id,
            native: code.native.clone(),
        });
    }
    Ok(())
}

/// Each code of `segment` with the bytes it takes in the segment's Markdown.
fn code_ranges(segment: &Segment) -> Vec<(Range<usize>, &Code)> {
    let mut at = 0;
    let mut ranges = Vec::new();
    for piece in &segment.pieces {
        match piece {
            Piece::Text(text) => at += text.len(),
            Piece::Code(code) => {
                ranges.push((at..at + code.native.len(), code));
                at += code.native.len();
            }
        }
    }
    ranges
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The codes of `text` as (element, id, native).
    fn codes(text: &str) -> Vec<(&'static str, u32, String)> {
        Segment::from_markdown(text)
            .codes()
            .map(|c| (c.role.element(), c.id, c.native.clone()))
            .collect()
    }

    fn code(element: &'static str, id: u32, native: &str) -> (&'static str, u32, String) {
        (element, id, native.to_owned())
    }

    #[test]
    fn plain_text_is_one_piece() {
        let segment = Segment::from_markdown("Multiple myeloma affects plasma cells.");
        assert_eq!(
            segment.pieces,
            [Piece::Text(
                "Multiple myeloma affects plasma cells.".to_owned()
            )]
        );
    }

    #[test]
    fn markdown_delimiters_are_paired_codes_and_their_content_is_text() {
        assert_eq!(
            codes("See **[the NIH](https://www.nih.gov/ \"NIH\")** and *more*."),
            [
                code("bpt", 1, "**"),
                code("bpt", 2, "["),
                code("ept", 2, "](https://www.nih.gov/ \"NIH\")"),
                code("ept", 1, "**"),
                code("bpt", 3, "*"),
                code("ept", 3, "*"),
            ]
        );
        assert_eq!(
            codes("***both*** ~~gone~~ ![A cat](cat.png)"),
            [
                code("bpt", 1, "*"),
                code("bpt", 2, "**"),
                code("ept", 2, "**"),
                code("ept", 1, "*"),
                code("bpt", 3, "~~"),
                code("ept", 3, "~~"),
                code("bpt", 4, "!["),
                code("ept", 4, "](cat.png)"),
            ]
        );
    }

    #[test]
    fn code_spans_autolinks_breaks_and_empty_links_stand_alone() {
        assert_eq!(
            codes("Run `folio check` at <https://example.org>\\\nor [](#top)."),
            [
                code("ph", 1, "`folio check`"),
                code("ph", 2, "<https://example.org>"),
                code("ph", 3, "\\\n"),
                code("ph", 4, "[](#top)"),
            ]
        );
    }

    #[test]
    fn html_tags_pair_by_element_and_the_rest_stand_alone() {
        assert_eq!(
            codes(r#"<abbr title="HyperText">HTML</abbr> a<br>b <!-- n --> <b>x <i>y</b>"#),
            [
                code("bpt", 1, r#"<abbr title="HyperText">"#),
                code("ept", 1, "</abbr>"),
                code("ph", 2, "<br>"),
                code("ph", 3, "<!-- n -->"),
                code("bpt", 4, "<b>"),
                code("ph", 5, "<i>"),
                code("ept", 4, "</b>"),
            ]
        );
    }

    #[test]
    fn a_translation_is_aligned_to_its_source_by_native_text_then_kind() {
        let source = Segment::from_markdown("*a* [b](x) `c`");
        let moved = Segment::from_markdown("`c` [B](x) _A_").aligned_to(&source);
        let ids: Vec<(&str, u32)> = moved.codes().map(|c| (c.role.element(), c.id)).collect();
        assert_eq!(
            ids,
            [("ph", 3), ("bpt", 2), ("ept", 2), ("bpt", 1), ("ept", 1)]
        );
        // Emphasis written `_…_` where the English has `*…*` is the same code moved,
        // kept as the translator wrote it.
        assert_eq!(check_codes(&source, &moved, Some(&moved)), Ok(()));
        assert!(matches!(
            check_codes(&source, &moved, None),
            Err(CodeProblem::Altered { id: 1, .. })
        ));
    }

    #[test]
    fn broken_codes_are_named() {
        let source = Segment::from_markdown("**a** [b](x)");
        let check = |target: &str| {
            let target = Segment::from_markdown(target).aligned_to(&source);
            check_codes(&source, &target, None)
        };
        assert_eq!(check("[B](x) **A**"), Ok(()));
        assert_eq!(
            check("**A** B"),
            Err(CodeProblem::Missing {
                element: "bpt",
                id: 2,
                native: "[".to_owned()
            })
        );
        assert!(matches!(
            check("**A** [B](y)"),
            Err(CodeProblem::Altered { id: 2, .. })
        ));
        assert!(matches!(
            check("**A** [B](x) `z`"),
            Err(CodeProblem::Unknown { id: 3, .. })
        ));
        let mut repeated = source.clone();
        repeated.pieces.push(repeated.pieces[0].clone());
        assert!(matches!(
            check_codes(&source, &repeated, None),
            Err(CodeProblem::Repeated {
                id: 1,
                count: 2,
                ..
            })
        ));
        let mut swapped = source.clone();
        swapped.pieces.swap(0, 2);
        assert_eq!(
            check_codes(&source, &swapped, None),
            Err(CodeProblem::ClosedBeforeOpened { id: 1 })
        );
    }

    /// Found by the `xliff` fuzz target: an agency's target that kept every code but
    /// typed an image into its text passed, so the import wrote Markdown with an image
    /// the English does not have.
    #[test]
    fn a_target_whose_text_makes_markup_is_refused() {
        let source = Segment::from_markdown("**Bold:** see the [NIH](https://nih.gov/).");
        let check = |target: &str| {
            let target = Segment::from_markdown(target).aligned_to(&source);
            check_codes(&source, &target, None)
        };
        assert_eq!(
            check("**Negrita:** vea los [NIH](https://nih.gov/)."),
            Ok(())
        );
        // What a CAT tool sends back: the codes as they were, text typed around them.
        let typed = |text: &str| {
            let mut target = source.clone();
            target.pieces.push(Piece::Text(text.to_owned()));
            check_codes(&source, &target, None)
        };
        assert_eq!(
            typed(" ![x](evil.png)"),
            Err(CodeProblem::MarkupInText {
                markdown: "![x](evil.png)".to_owned()
            })
        );
        assert_eq!(
            typed(" <https://evil.example>"),
            Err(CodeProblem::MarkupInText {
                markdown: "<https://evil.example>".to_owned()
            })
        );
        assert_eq!(typed(" 2 * 3 < 7, [sic]"), Ok(()));
        // `**` against a letter after a colon is no longer strong emphasis: the page
        // would show the asterisks.
        let mut moved = source.clone();
        moved.pieces[3] = Piece::Text("see the ".to_owned());
        assert_eq!(
            moved.to_markdown(),
            "**Bold:**see the [NIH](https://nih.gov/)."
        );
        assert_eq!(
            check_codes(&source, &moved, None),
            Err(CodeProblem::NotMarkup {
                element: "bpt",
                id: 1,
                native: "**".to_owned()
            })
        );
        // A link whose text the translator emptied reads as one code, `[](…)`: still
        // the source's link.
        let mut emptied = source.clone();
        emptied
            .pieces
            .retain(|p| *p != Piece::Text("NIH".to_owned()));
        assert_eq!(check_codes(&source, &emptied, None), Ok(()));
    }

    proptest::proptest! {
        /// Any text reads into a segment that gives it back byte for byte, whose codes
        /// are the source's when checked against itself.
        #[test]
        fn segments_give_back_their_markdown(
            text in r"([a-z ]|\*\*?|_|~~|`|\[|\]|\(|\)|!|<|>|/|b|br|=|\x22|\\|\n|&|#|é){0,40}"
        ) {
            let segment = Segment::from_markdown(&text);
            proptest::prop_assert_eq!(segment.to_markdown(), text);
            proptest::prop_assert_eq!(check_codes(&segment, &segment, None), Ok(()));
        }
    }
}
