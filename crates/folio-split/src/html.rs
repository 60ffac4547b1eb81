//! The author's HTML, read with html5ever (through scraper): what would run code, and
//! which parts of an HTML block are text for a reader.

use scraper::{ElementRef, Html, Node};

/// Attributes whose values a reader sees or hears, so they are translated.
pub(crate) const TEXT_ATTRIBUTES: &[&str] = &["alt", "title", "aria-label"];

/// Elements whose content is never text to translate: code, and what runs or styles.
const VERBATIM: &[&str] = &["script", "style", "pre", "code", "svg", "math", "template"];

/// Elements that may wrap Markdown: an opening tag alone in an HTML block.
const WRAPPERS: &[&str] = &[
    "div",
    "section",
    "article",
    "aside",
    "details",
    "figure",
    "main",
    "header",
    "footer",
    "nav",
    "center",
    "blockquote",
    "span",
    "p",
    "picture",
    "table",
    "tbody",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "li",
    "dl",
    "dd",
    "dt",
    "sup",
    "sub",
    "small",
    "font",
    "a",
    "b",
    "i",
    "em",
    "strong",
    "kbd",
];

/// HTML elements with no content and no closing tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The first thing in `html` that would run code or restyle the page — a `<script>`, a
/// `<style>` or an `on…=` event handler — with its byte offset in `html`.
pub(crate) fn scripting(html: &str) -> Option<(usize, &'static str)> {
    let fragment = Html::parse_fragment(html);
    let lower = html.to_ascii_lowercase();
    for node in fragment.root_element().descendants() {
        let Some(element) = ElementRef::wrap(node) else {
            continue;
        };
        let name = element.value().name();
        if name == "script" || name == "style" {
            let at = lower.find(&format!("<{name}")).unwrap_or(0);
            let what = if name == "script" {
                "`<script>` in the source"
            } else {
                "`<style>` in the source"
            };
            return Some((at, what));
        }
        if let Some((attribute, _)) = element.value().attrs().find(|(a, _)| a.starts_with("on")) {
            let at = lower.find(attribute).unwrap_or(0);
            return Some((at, "an `on…=` event handler in the source's HTML"));
        }
    }
    None
}

/// What an HTML block is to the page.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum HtmlBlock {
    /// A closing tag alone (`</div>`), of the element named.
    Close(String),
    /// An opening tag alone (`<div class="note">`) that wraps the Markdown after it.
    Open(String),
    /// HTML with no text for a reader (an embed): copied into every page as it is.
    Layout,
    /// HTML with text: the author's HTML and the texts, in reading order.
    Text(Vec<Piece>),
}

/// A piece of an HTML block with text.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Piece {
    /// The author's HTML.
    Html(String),
    /// An element's content, inline HTML kept: one unit.
    Text(String),
    /// An attribute's value: one unit.
    Attribute(String),
}

/// Tells what the (trimmed) HTML block `html` is.
pub(crate) fn classify(html: &str) -> HtmlBlock {
    if let Some(name) = lone_tag(html, true) {
        return HtmlBlock::Close(name);
    }
    if let Some(name) = lone_tag(html, false)
        && WRAPPERS.contains(&name.as_str())
    {
        return HtmlBlock::Open(name);
    }
    let fragment = Html::parse_fragment(html);
    let root = fragment.root_element();
    if !has_text(root) {
        return HtmlBlock::Layout;
    }
    // The parser drops a closing tag whose element opened in an earlier block (the
    // `</div>` of a wrapper that ends after a paragraph of HTML): keep it as written.
    let (leading, body, trailing) = stray_closing_tags(html);
    let fragment = Html::parse_fragment(body);
    let root = fragment.root_element();
    let mut pieces = Pieces {
        source: body.to_ascii_lowercase(),
        pieces: Vec::new(),
    };
    pieces.html(leading);
    pieces.children(root, 0);
    pieces.html(trailing);
    pieces
        .pieces
        .retain(|p| !matches!(p, Piece::Html(h) if h.is_empty()));
    HtmlBlock::Text(pieces.pieces)
}

/// Splits the closing tags that close elements of earlier blocks off `html`: those at the
/// start, and those at the end that close more elements of their name than `html`
/// opens. Returns (those at the start, the rest, those at the end).
fn stray_closing_tags(html: &str) -> (&str, &str, &str) {
    let lower = html.to_ascii_lowercase();
    // Tags of exactly this name: `<p` must not count `<picture>`.
    let count = |tag: &str| {
        lower
            .match_indices(tag)
            .filter(|(i, _)| {
                lower[i + tag.len()..]
                    .starts_with(|c: char| c == '>' || c == '/' || c.is_ascii_whitespace())
            })
            .count()
    };
    let unbalanced = |name: &str| count(&format!("</{name}")) > count(&format!("<{name}"));
    // A closing tag before any opening one closes nothing this block opened.
    let mut start = 0;
    while let Some(rest) = html[start..].trim_start().strip_prefix("</") {
        let Some(end) = rest.find('>') else { break };
        start = html.len() - rest.len() + end + 1;
    }
    let mut end = html.len();
    while let Some(body) = html[start..end].trim_end().strip_suffix('>') {
        let Some(open) = body.rfind("</") else { break };
        let name = body[open + 2..].trim().to_ascii_lowercase();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) || !unbalanced(&name)
        {
            break;
        }
        end = start + open;
    }
    (&html[..start], &html[start..end], &html[end..])
}

/// The element name of `html` if it is one tag alone: `</name>` when `closing`, else
/// `<name …>`. Read with the HTML parser, so attributes holding `>` are no trouble.
fn lone_tag(html: &str, closing: bool) -> Option<String> {
    let inner = html.strip_prefix('<')?.strip_suffix('>')?;
    if closing {
        let name = inner.strip_prefix('/')?.trim();
        let valid = !name.is_empty()
            && name.chars().next()?.is_ascii_alphabetic()
            && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        return valid.then(|| name.to_ascii_lowercase());
    }
    if inner.starts_with(['/', '!', '?']) || html.contains("</") {
        return None;
    }
    let fragment = Html::parse_fragment(html);
    let mut children = fragment.root_element().children();
    let element = ElementRef::wrap(children.next()?)?;
    let alone = children.next().is_none() && element.children().next().is_none();
    // One tag alone: the parser saw a single element, and the source holds one `<`
    // outside attribute values (checked loosely: a second tag would be a second child).
    alone.then(|| element.value().name().to_owned())
}

/// Whether a reader sees or hears any text in `element`.
fn has_text(element: ElementRef<'_>) -> bool {
    element.descendants().any(|node| match node.value() {
        Node::Text(text) => {
            !text.trim().is_empty()
                && !node
                    .ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|e| VERBATIM.contains(&e.value().name()))
        }
        Node::Element(e) => e
            .attrs()
            .any(|(name, value)| TEXT_ATTRIBUTES.contains(&name) && !value.trim().is_empty()),
        _ => false,
    })
}

/// Elements that flow inside a line of text, so they belong to the text's unit.
const INLINE: &[&str] = &[
    "a", "abbr", "b", "bdi", "bdo", "br", "cite", "code", "data", "del", "dfn", "em", "font", "i",
    "img", "ins", "kbd", "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time",
    "u", "var", "wbr",
];

/// Whether a node flows inside a line of text: text, a comment, an inline element.
fn is_inline(node: ego_tree::NodeRef<'_, Node>) -> bool {
    match node.value() {
        Node::Text(_) | Node::Comment(_) => true,
        Node::Element(element) => INLINE.contains(&element.name()),
        _ => false,
    }
}

struct Pieces {
    /// The block's source, lowercased, to tell whether the author closed an element.
    source: String,
    pieces: Vec<Piece>,
}

impl Pieces {
    fn html(&mut self, html: &str) {
        if let Some(Piece::Html(last)) = self.pieces.last_mut() {
            last.push_str(html);
        } else {
            self.pieces.push(Piece::Html(html.to_owned()));
        }
    }

    fn text(&mut self, html: String) {
        let text = html.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return;
        }
        self.pieces.push(Piece::Text(text));
    }

    /// The children of `parent`: each run of text and inline elements that holds text is
    /// one unit (`Call <a href>us</a> today`); block elements, and the inline elements of
    /// a run without text (an `<img>` alone), are walked for their own text.
    fn children(&mut self, parent: ElementRef<'_>, depth: usize) {
        let mut run = Vec::new();
        for child in parent.children() {
            if is_inline(child) {
                run.push(child);
            } else {
                self.run(std::mem::take(&mut run), depth);
                self.node(child, depth);
            }
        }
        self.run(run, depth);
    }

    fn run(&mut self, run: Vec<ego_tree::NodeRef<'_, Node>>, depth: usize) {
        let has_text = run.iter().any(|node| {
            node.descendants()
                .any(|n| matches!(n.value(), Node::Text(t) if !t.trim().is_empty()))
        });
        if !has_text {
            for node in run {
                self.node(node, depth);
            }
            return;
        }
        let mut html = String::new();
        for node in run {
            match node.value() {
                Node::Text(text) => html.push_str(&escape_text(text)),
                Node::Element(_) => {
                    html.push_str(&ElementRef::wrap(node).expect("an element").html())
                }
                _ => {}
            }
        }
        // The whitespace around the text is the author's layout, not part of the unit.
        let trimmed = html.trim_start();
        let (before, rest) = html.split_at(html.len() - trimmed.len());
        let after = &rest[rest.trim_end().len()..];
        self.html(before);
        self.text(rest.to_owned());
        self.html(after);
    }

    fn node(&mut self, node: ego_tree::NodeRef<'_, Node>, depth: usize) {
        match node.value() {
            Node::Text(text) => self.html(&escape_text(text)),
            Node::Element(_) => {
                let element = ElementRef::wrap(node).expect("an element node");
                self.element(element, depth);
            }
            // Comments are the author's notes, not page content; doctypes can't stand here.
            _ => {}
        }
    }

    fn element(&mut self, element: ElementRef<'_>, depth: usize) {
        let name = element.value().name();
        if VERBATIM.contains(&name) {
            self.html(&element.html());
            return;
        }
        self.html(&format!("<{name}"));
        for (attribute, value) in element.value().attrs() {
            if TEXT_ATTRIBUTES.contains(&attribute) && !value.trim().is_empty() {
                self.html(&format!(" {attribute}=\""));
                self.pieces.push(Piece::Attribute(
                    value.split_ascii_whitespace().collect::<Vec<_>>().join(" "),
                ));
                self.html("\"");
            } else {
                self.html(&format!(" {attribute}=\"{}\"", escape_attribute(value)));
            }
        }
        self.html(">");
        if VOID.contains(&name) {
            return;
        }
        self.children(element, depth + 1);
        // An element the author left open at the top (a wrapper whose content follows as
        // Markdown) stays open, as in the source.
        if depth > 0 || self.source.contains(&format!("</{name}")) {
            self.html(&format!("</{name}>"));
        }
    }
}

// The author's HTML written back into English units. What these escape is part of every
// unit's text, and so of its id's stability and of every translation's status: it stays
// exactly what it has been (not an escaper that also escapes `'`), or an upgrade of Folio
// would make every translation of such a unit stale.

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_without_text_are_layout() {
        assert_eq!(
            classify(r#"<iframe src="https://video.example/embed/1" allowfullscreen></iframe>"#),
            HtmlBlock::Layout
        );
        assert_eq!(classify("<br>"), HtmlBlock::Layout);
    }

    #[test]
    fn lone_tags_open_and_close_wrappers() {
        assert_eq!(
            classify(r#"<div class="note" data-x="a>b">"#),
            HtmlBlock::Open("div".into())
        );
        assert_eq!(classify("</div>"), HtmlBlock::Close("div".into()));
        // An element closed on the same line is no wrapper.
        assert!(matches!(classify("<p>Hi</p>"), HtmlBlock::Text(_)));
    }

    #[test]
    fn text_and_text_attributes_become_pieces() {
        let HtmlBlock::Text(pieces) = classify(
            "<figure>\n  <img src=\"a.png\" alt=\"A  chart\">\n  <figcaption>The <b>chart</b>.</figcaption>\n</figure>",
        ) else {
            panic!("text expected")
        };
        assert_eq!(
            pieces,
            [
                Piece::Html("<figure>\n  <img alt=\"".into()),
                Piece::Attribute("A chart".into()),
                Piece::Html("\" src=\"a.png\">\n  <figcaption>".into()),
                Piece::Text("The <b>chart</b>.".into()),
                Piece::Html("</figcaption>\n</figure>".into()),
            ]
        );
    }

    #[test]
    fn closing_tags_of_earlier_blocks_are_kept() {
        let HtmlBlock::Text(pieces) = classify("</details>\n<p>Hi<picture></picture></p>\n</div>")
        else {
            panic!("text expected")
        };
        assert_eq!(
            pieces,
            [
                Piece::Html("</details>\n<p>".into()),
                Piece::Text("Hi".into()),
                Piece::Html("<picture></picture></p>\n</div>".into()),
            ]
        );
    }

    #[test]
    fn a_closing_tag_first_is_kept_even_when_its_name_opens_again() {
        let HtmlBlock::Text(pieces) = classify("</details>\n<details>\n<summary>X</summary>")
        else {
            panic!("text expected")
        };
        assert_eq!(
            pieces[0],
            Piece::Html("</details>\n<details>\n<summary>".into())
        );
    }

    #[test]
    fn text_beside_blocks_is_a_unit_of_its_own() {
        let HtmlBlock::Text(pieces) = classify(
            "<div class=\"v\"><iframe title=\"Video\"></iframe></div>\n- **After** the <b>embed</b>\n<img src=\"a.png\" alt=\"A\">",
        ) else {
            panic!("text expected")
        };
        assert_eq!(
            pieces,
            [
                Piece::Html("<div class=\"v\"><iframe title=\"".into()),
                Piece::Attribute("Video".into()),
                Piece::Html("\"></iframe></div>\n".into()),
                Piece::Text("- **After** the <b>embed</b> <img alt=\"A\" src=\"a.png\">".into()),
            ]
        );
    }

    #[test]
    fn an_unclosed_top_element_stays_open() {
        let HtmlBlock::Text(pieces) = classify("<details>\n<summary>More</summary>") else {
            panic!("text expected")
        };
        assert_eq!(
            pieces,
            [
                Piece::Html("<details>\n<summary>".into()),
                Piece::Text("More".into()),
                Piece::Html("</summary>".into()),
            ]
        );
    }

    #[test]
    fn scripts_styles_and_handlers_are_found() {
        assert_eq!(
            scripting("<p>x</p><SCRIPT>alert(1)</SCRIPT>"),
            Some((8, "`<script>` in the source"))
        );
        assert_eq!(scripting("<style>p{}</style>").map(|s| s.0), Some(0));
        assert_eq!(
            scripting(r#"<a href="x" onclick="go()">"#).map(|s| s.0),
            Some(12)
        );
        assert_eq!(scripting(r#"<a href="x" title="one">"#), None);
    }
}
