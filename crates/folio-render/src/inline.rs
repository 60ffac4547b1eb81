//! Untrusted inline Markdown → safe HTML, safe Markdown, or plain text (and plain text as
//! a front matter string): every untrusted-text rule of the renderer lives here.

use folio_check::strip_bidi_controls;
use folio_track::is_plain;
use pulldown_cmark::{CowStr, Event, LinkType, Options, Parser, Tag, TagEnd};

/// Whether a link target may be rendered: http(s), mailto, or relative (no scheme).
/// Control characters and whitespace are ignored when reading the scheme, as browsers do.
fn allowed_link(url: &str) -> bool {
    let cleaned: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    match lower.find(':') {
        Some(colon) if !lower[..colon].contains(['/', '?', '#']) => {
            matches!(&lower[..colon], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Parses a unit's inline Markdown into safe events: raw HTML becomes text, links with a
/// forbidden target and images lose their markup (their text stays). A unit whose
/// Markdown opens any block other than one paragraph is returned as one text event.
fn safe_events(markdown: &str) -> Vec<Event<'_>> {
    safe_events_with(markdown, None)
}

/// [`safe_events`], with the author's markup of `reference` (the English unit, trusted):
/// the translation's n-th inline HTML tag becomes the English's n-th when it is the same
/// tag but for its text attributes (`alt`, `title`, `aria-label`, taken from the
/// translation), and its n-th image shows the English's n-th image source. Anything else
/// stays inert as before: HTML as text, images without their markup.
fn safe_events_with<'t>(markdown: &'t str, reference: Option<&str>) -> Vec<Event<'t>> {
    // An HTML tag, image or link (autolinks and reference links too) needs a `<` or a
    // `[`: an English unit without either has none, and is not parsed for them.
    let markup = reference.filter(|english| english.contains(['<', '[']));
    let (tags, images) = markup
        .map(crate::tags::reference_markup)
        .unwrap_or_default();
    let (mut next_tag, mut next_image) = (0, 0);
    // The page links only where the English unit does: `folio check` holds translations
    // to the English's link targets, and this holds the page to them whatever a
    // translation's Markdown turns into once its block starters are escaped.
    let mut english_links: Option<Vec<String>> =
        reference.map(|_| markup.map(link_targets).unwrap_or_default());
    let mut events: Vec<Event<'_>> =
        Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).collect();
    let mut single_paragraph = is_one_paragraph(&events);
    if !single_paragraph && let Some(escaped) = escape_block_starts(markdown) {
        // A table cell's `- a<br>- b` is text where it stands, and a line of a paragraph
        // may start with `1.`: alone, they would open a list. With their block starters
        // escaped they are the one paragraph they were.
        let reparsed: Vec<Event<'static>> =
            Parser::new_ext(&escaped, Options::ENABLE_STRIKETHROUGH)
                .map(Event::into_static)
                .collect();
        if is_one_paragraph(&reparsed) {
            events = reparsed;
            single_paragraph = true;
        }
    }
    if !single_paragraph {
        return if markdown.trim().is_empty() {
            Vec::new()
        } else {
            vec![Event::Text(CowStr::from(markdown))]
        };
    }
    let mut dropped_links = 0usize;
    let mut safe = Vec::with_capacity(events.len());
    for event in events.into_iter().skip(1) {
        match event {
            Event::End(TagEnd::Paragraph) => {}
            Event::InlineHtml(html) if !html.trim_start().starts_with("<!--") => {
                let english = tags
                    .get(next_tag)
                    .and_then(|t| crate::tags::HtmlTag::parse(t));
                next_tag += 1;
                match (english, crate::tags::HtmlTag::parse(&html)) {
                    (Some(english), Some(own)) if english.matches(&own) => {
                        safe.push(Event::InlineHtml(english.write_with_text_of(&own).into()))
                    }
                    _ => safe.push(Event::Text(html)),
                }
            }
            Event::Html(html) | Event::InlineHtml(html) => safe.push(Event::Text(html)),
            Event::Start(Tag::Image {
                link_type,
                title,
                id,
                ..
            }) if images.get(next_image).is_some_and(|src| allowed_link(src)) => {
                next_image += 1;
                safe.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url: images[next_image - 1].clone().into(),
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Link { ref dest_url, .. })
                if !allowed_link(dest_url)
                    || english_links
                        .as_mut()
                        .is_some_and(|links| !take(links, dest_url)) =>
            {
                dropped_links += 1
            }
            Event::Start(Tag::Image { .. }) => dropped_links += 1,
            Event::End(TagEnd::Link | TagEnd::Image) if dropped_links > 0 => dropped_links -= 1,
            other => safe.push(other),
        }
    }
    safe
}

/// The link targets of a unit's Markdown, in order.
fn link_targets(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.into_string()),
            _ => None,
        })
        .collect()
}

/// Removes one `target` from `links`; whether it was there.
fn take(links: &mut Vec<String>, target: &str) -> bool {
    match links.iter().position(|link| link == target) {
        Some(at) => {
            links.remove(at);
            true
        }
        None => false,
    }
}

/// Text from inside the author's HTML, written as Markdown that shows it literally: a
/// browser never read `**` or `[x]` there as markup, so neither may the page. Tags
/// (`<…>`) and entities (`&amp;`) stay as they are; every other ASCII punctuation
/// character is backslash-escaped.
pub(crate) fn html_text_as_markdown(html: &str) -> String {
    let mut out = String::with_capacity(html.len() + html.len() / 8);
    let mut chars = html.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        match c {
            '<' => {
                let end = html[at..].find('>').map_or(html.len(), |e| at + e + 1);
                out.push_str(&html[at..end]);
                while chars.peek().is_some_and(|(i, _)| *i < end) {
                    chars.next();
                }
            }
            '&' => {
                let entity = html[at + 1..].find(';').filter(|&e| {
                    e > 0
                        && e <= 10
                        && html[at + 1..at + 1 + e]
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '#')
                });
                match entity {
                    Some(e) => {
                        let end = at + 1 + e + 1;
                        out.push_str(&html[at..end]);
                        while chars.peek().is_some_and(|(i, _)| *i < end) {
                            chars.next();
                        }
                    }
                    None => out.push_str("&amp;"),
                }
            }
            c if c.is_ascii_punctuation() => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `events` are one paragraph and nothing else.
fn is_one_paragraph(events: &[Event<'_>]) -> bool {
    matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
        && !events[1..events.len() - 1].iter().any(|e| {
            matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        })
}

/// `markdown` with a backslash before the block starter that opens any of its lines
/// (`-`, `+`, `*`, `#`, `>`, `=`, `1.`, `1)`), or `None` if no line opens with one.
fn escape_block_starts(markdown: &str) -> Option<String> {
    let mut out = String::with_capacity(markdown.len() + 4);
    let mut changed = false;
    for (i, line) in markdown.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let indent = line.len() - line.trim_start().len();
        let rest = &line[indent..];
        let digits = rest.chars().take_while(char::is_ascii_digit).count();
        let at = match rest.as_bytes().first() {
            Some(b'-' | b'+' | b'*' | b'#' | b'>' | b'=') => Some(indent),
            Some(b'0'..=b'9') if matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) => {
                Some(indent + digits)
            }
            _ => None,
        };
        match at {
            Some(at) => {
                out.push_str(&line[..at]);
                out.push('\\');
                out.push_str(&line[at..]);
                changed = true;
            }
            None => out.push_str(line),
        }
    }
    changed.then_some(out)
}

/// A unit's inline Markdown as safe HTML (no enclosing element).
pub fn inline_html(markdown: &str) -> String {
    inline_html_with(markdown, None, None)
}

/// A unit's inline Markdown as safe HTML, the author's inline HTML tags and image
/// sources taken from `reference`, the English unit, by position (see `safe_events_with`);
/// with `note`, links to the sites it names are followed by its words.
pub fn inline_html_with(
    markdown: &str,
    reference: Option<&str>,
    note: Option<LinkNote<'_>>,
) -> String {
    let text = strip_bidi_controls(markdown);
    let mut html = String::new();
    if is_plain(&text) {
        // One paragraph of itself, one text with nothing to read as markup (no HTML,
        // image or link, so nothing the English's tags or a note apply to): written as
        // the parse would write its text, without the parse (most units are plain).
        pulldown_cmark::html::push_html(&mut html, std::iter::once(Event::Text(text.into())));
        return html;
    }
    let events = note_links(safe_events_with(&text, reference), note);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Words a page writes after each link to certain sites: on a translated page, "(en
/// inglés)" after a link to a site that exists only in English, so the reader knows before
/// following it (the interface string `english-only-suffix`).
#[derive(Debug, Clone, Copy)]
pub struct LinkNote<'a> {
    /// URL prefixes of the sites (`https://www.cancer.org/`).
    pub sites: &'a [String],
    /// The words, untrusted text (they are escaped like a translation).
    pub words: &'a str,
}

/// `events` with `note`'s words as text after every link whose target starts with one of
/// its sites.
fn note_links<'t>(events: Vec<Event<'t>>, note: Option<LinkNote<'_>>) -> Vec<Event<'t>> {
    let Some(note) = note.filter(|n| !n.sites.is_empty() && !n.words.trim().is_empty()) else {
        return events;
    };
    let mut noted = Vec::with_capacity(events.len());
    let mut open: Vec<bool> = Vec::new();
    for event in events {
        match &event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                open.push(
                    note.sites
                        .iter()
                        .any(|site| dest_url.starts_with(site.as_str())),
                );
                noted.push(event);
            }
            Event::End(TagEnd::Link) => {
                noted.push(event);
                if open.pop() == Some(true) {
                    noted.push(Event::Text(format!(" {}", note.words.trim()).into()));
                }
            }
            _ => noted.push(event),
        }
    }
    noted
}

/// Where a unit's Markdown lands in a Markdown page: it decides what a hard break and a
/// `|` may become, since a heading and a table row must stay on one line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkdownPlace {
    /// A paragraph or a list item: a hard break stays a hard break (`\` + newline).
    Flow,
    /// A heading: one line, so a hard break becomes a space.
    Heading,
    /// A table cell: one line, and a `|` in code is escaped as GFM tables require.
    TableCell,
}

/// A unit's inline Markdown, rewritten for another Markdown processor (Hugo's goldmark,
/// Zola's pulldown-cmark, Jekyll's kramdown) so that it can only produce inline Markdown.
///
/// The unit is parsed into `safe_events` (the HTML path's rules: raw HTML as text, only
/// allowed link targets, no images) and written back by `pulldown-cmark-to-cmark`, with
/// every text written by `escape_markdown_text` instead of the writer's own escaping,
/// which only guards a text's first character. What comes out:
///
/// - no block: newlines become spaces (a hard break in [`MarkdownPlace::Flow`] stays a
///   hard break, and the line after it is guarded like the first), and a line never starts
///   with a block starter (`#`, `>`, `-`, `+`, `=`, `:`, `|`, `[`, fences, `1.`, `1)`…);
/// - no reference or footnote definition, no link or image a reader did not see as one:
///   `[`, `]` are escaped, links are inline links to their parsed targets, and bare
///   `https://` and `www.` are broken so autolinking extensions leave them alone;
/// - no raw HTML: `<`, `>` and `&` are entities;
/// - no template syntax for the static-site generator: `{` and `}` are escaped everywhere
///   (so no `{{`, `{%`, `%}`, `}}`, and no kramdown `{:` attribute list), in link titles as
///   entities and in link targets percent-encoded; inline code holding them is written as
///   escaped text, since nothing can be escaped inside a code span;
/// - no table cell break: `|` is escaped everywhere.
pub fn inline_markdown(markdown: &str, place: MarkdownPlace) -> String {
    inline_markdown_with(markdown, place, None, None)
}

/// [`inline_markdown`], with the author's inline HTML tags and image sources taken from
/// `reference`, the English unit, by position, as [`inline_html_with`] does: they are
/// written as they are, the only raw HTML the output can hold. With `note`, links to the
/// sites it names are followed by its words.
pub fn inline_markdown_with(
    markdown: &str,
    place: MarkdownPlace,
    reference: Option<&str>,
    note: Option<LinkNote<'_>>,
) -> String {
    let text = strip_bidi_controls(markdown);
    let mut events: Vec<Event<'_>> = Vec::new();
    let mut line_start = true;
    for event in coalesce_text(note_links(safe_events_with(&text, reference), note)) {
        let written = match event {
            // Only the English's own tags come out of `safe_events_with` as HTML.
            Event::InlineHtml(html) => {
                line_start = false;
                Event::InlineHtml(html)
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                line_start = false;
                Event::Start(Tag::Image {
                    link_type: LinkType::Inline,
                    dest_url: encode_destination(&dest_url).into(),
                    title: escape_link_title(&title).into(),
                    id: CowStr::Borrowed(""),
                })
            }
            Event::End(TagEnd::Image) => Event::End(TagEnd::Image),
            Event::Text(text) => {
                Event::InlineHtml(escape_markdown_text(&text, &mut line_start).into())
            }
            Event::Code(code) if has_template_syntax(&code) => {
                Event::InlineHtml(escape_markdown_text(&code, &mut line_start).into())
            }
            Event::Code(code) => {
                line_start = false;
                match place {
                    MarkdownPlace::TableCell if code.contains('|') => {
                        Event::Code(code.replace('|', "\\|").into())
                    }
                    _ => Event::Code(code),
                }
            }
            Event::SoftBreak => Event::InlineHtml(" ".into()),
            Event::HardBreak => match place {
                MarkdownPlace::Flow => {
                    line_start = true;
                    Event::InlineHtml("\\\n".into())
                }
                MarkdownPlace::Heading | MarkdownPlace::TableCell => Event::InlineHtml(" ".into()),
            },
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => {
                line_start = false;
                // An email autolink's target has no scheme; written as an inline link it
                // needs one.
                let dest_url = match link_type {
                    LinkType::Email => format!("mailto:{dest_url}"),
                    _ => dest_url.into_string(),
                };
                // Always an inline link: a reference link would need a definition, and
                // the page has none.
                Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url: encode_destination(&dest_url).into(),
                    title: escape_link_title(&title).into(),
                    id: CowStr::Borrowed(""),
                })
            }
            event @ (Event::Start(Tag::Emphasis | Tag::Strong | Tag::Strikethrough)
            | Event::End(
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link,
            )) => {
                if matches!(event, Event::Start(_)) {
                    line_start = false;
                }
                event
            }
            // Nothing else comes out of `safe_events` with the options it parses with; an
            // unexpected event is dropped rather than written unescaped.
            _ => continue,
        };
        events.push(written);
    }
    let mut out = String::new();
    pulldown_cmark_to_cmark::cmark(events.iter(), &mut out)
        .expect("writing to a String never fails");
    out.trim().to_owned()
}

/// Merges adjacent text events, so that a line's first characters (`1` and `. `) are seen
/// together by [`escape_markdown_text`].
fn coalesce_text(events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut merged: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for event in events {
        match (merged.last_mut(), event) {
            (Some(Event::Text(previous)), Event::Text(text)) => {
                *previous = format!("{previous}{text}").into();
            }
            (_, event) => merged.push(event),
        }
    }
    merged
}

/// Whether code holds a static-site generator's template delimiters, which Hugo, Zola and
/// Jekyll expand even inside a code span.
fn has_template_syntax(code: &str) -> bool {
    ["{{", "{%", "%}", "}}"].iter().any(|d| code.contains(d))
}

/// Characters escaped with a backslash wherever they are: Markdown inline syntax, GFM
/// table pipes, and the braces of template syntax and kramdown attribute lists. All are
/// escapable in CommonMark and in kramdown.
const ESCAPED_EVERYWHERE: &[char] = &['\\', '`', '*', '_', '[', ']', '{', '}', '|', '#'];

/// Characters escaped with a backslash when they start a line, where they would open a
/// block (list, setext underline, definition list, kramdown math).
const ESCAPED_AT_LINE_START: &[char] = &['-', '+', '=', ':', '$'];

/// Writes untrusted text as Markdown that shows exactly that text: see
/// [`inline_markdown`]. `line_start` says whether the text begins a line (it is cleared
/// once anything is written).
pub(crate) fn escape_markdown_text(text: &str, line_start: &mut bool) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let chars: Vec<char> = text
        .chars()
        .map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c })
        .collect();
    let mut i = 0;
    if *line_start {
        // Leading blanks would indent the line (an indented code block at four), and a
        // block starter after a form feed or other blank still starts its block.
        while chars.get(i).is_some_and(|c| c.is_whitespace()) {
            i += 1;
        }
        if i == chars.len() {
            return out;
        }
        *line_start = false;
        // `1.` or `1)` starts an ordered list.
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if ESCAPED_AT_LINE_START.contains(&chars[i]) {
            out.push('\\');
            out.push(chars[i]);
            i += 1;
        } else if chars[i] == '^' {
            // A lone `^` ends a block in kramdown, which has no backslash escape for it.
            out.push_str("&#94;");
            i += 1;
        } else if (1..=9).contains(&digits) && matches!(chars.get(i + digits), Some('.' | ')')) {
            out.extend(&chars[i..i + digits]);
            out.push('\\');
            i += digits;
        }
    }
    while i < chars.len() {
        let c = chars[i];
        let rest = &chars[i + 1..];
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            // `~` is not escapable in kramdown; an entity is, everywhere.
            '~' => out.push_str("&#126;"),
            c if ESCAPED_EVERYWHERE.contains(&c) => {
                out.push('\\');
                out.push(c);
            }
            // `\{%` still holds `{%`, which Liquid reads whatever comes before it.
            '%' if i > 0 && chars[i - 1] == '{' => out.push_str("&#37;"),
            // `$$` opens kramdown math.
            '$' if rest.first() == Some(&'$') => out.push_str("\\$"),
            // Autolinking extensions (goldmark's linkify, on by default in Hugo) turn bare
            // `scheme://…` and `www.…` into links.
            ':' if rest.starts_with(&['/', '/']) => out.push_str("\\:"),
            '.' if i >= 3
                && chars[i - 3..i].iter().all(|c| c.eq_ignore_ascii_case(&'w'))
                && !(i > 3 && chars[i - 4].is_alphanumeric()) =>
            {
                out.push_str("\\.")
            }
            // An email address is autolinked too.
            '@' => out.push_str("&#64;"),
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// A link target for a Markdown page: characters that could end the target, break a table
/// row or form template syntax are percent-encoded (the same URL to a browser).
fn encode_destination(url: &str) -> String {
    let mut out = String::with_capacity(url.len());
    for c in url.chars() {
        match c {
            c if c.is_control() || c.is_whitespace() => {
                let mut bytes = [0; 4];
                for b in c.encode_utf8(&mut bytes).bytes() {
                    out.push_str(&format!("%{b:02X}"));
                }
            }
            '<' | '>' | '{' | '}' | '|' | '\\' | '"' | '`' => {
                out.push_str(&format!("%{:02X}", c as u32))
            }
            c => out.push(c),
        }
    }
    out
}

/// A link title for a Markdown page, before the writer escapes its quotes: on one line,
/// and with entities for `&`, `<`, `>` and the braces of template syntax.
fn escape_link_title(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    for c in title.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '{' => out.push_str("&#123;"),
            '}' => out.push_str("&#125;"),
            '|' => out.push_str("&#124;"),
            c => out.push(c),
        }
    }
    out
}

/// `text` as a double-quoted string that JSON and YAML read alike. serde_json escapes the
/// C0 controls; YAML also refuses DEL and the C1 controls (a site generator fails the
/// whole build on them), and YAML 1.1 reads U+2028, U+2029 and U+0085 as line breaks, so
/// those are written as `\uXXXX` escapes too, which both languages decode to the same text.
pub(crate) fn yaml_string(text: &str) -> String {
    let json = serde_json::to_string(text).expect("strings always serialize");
    let mut quoted = String::with_capacity(json.len());
    for c in json.chars() {
        if c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{feff}') {
            quoted.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            quoted.push(c);
        }
    }
    quoted
}

/// A unit's text without markup, for `<title>`, `<meta>` and front matter.
pub fn plain_text(markdown: &str) -> String {
    let text = strip_bidi_controls(markdown);
    let mut plain = String::new();
    for event in safe_events(&text) {
        match event {
            Event::Text(t) | Event::Code(t) => plain.push_str(&t),
            Event::SoftBreak | Event::HardBreak => plain.push(' '),
            _ => {}
        }
    }
    plain.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`inline_html_with`] always through the parse.
    fn parsed_html(markdown: &str, reference: Option<&str>) -> String {
        let text = strip_bidi_controls(markdown);
        let mut html = String::new();
        let events = note_links(safe_events_with(&text, reference), None);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        html
    }

    /// Prose of letters, digits, punctuation no inline markup starts with, spaces and
    /// tabs, non-ASCII letters and spaces, and a bidi control.
    const PROSE: &str = "[a-zA-Z\u{202e}][a-zA-Z0-9 \t,.;:'\"()#=+|/?-]{0,16}[éß\u{a0}\u{2003}\u{202e}]{0,2}[a-z ,.:()'\"/-]{0,16}[a-z.]";

    /// Text with every markup character but `<` and `[`, and a bare URL.
    const NO_ANGLE_OR_BRACKET: &str =
        "[a-z !()*_`&#;:/.\\]\\\\~\n-]{0,24}(https://a.example/ )?[a-z !()*_&#;.\\]-]{0,12}";

    proptest::proptest! {
        #[test]
        fn plain_text_is_written_as_its_parse_writes_it(text in PROSE) {
            proptest::prop_assume!(is_plain(&strip_bidi_controls(&text)));
            for reference in [None, Some("<b>x</b> ![i](a.png) [l](https://a.example/)")] {
                proptest::prop_assert_eq!(
                    inline_html_with(&text, reference, None),
                    parsed_html(&text, reference)
                );
            }
        }

        #[test]
        fn english_without_a_bracket_or_angle_has_no_tag_image_or_link(
            english in NO_ANGLE_OR_BRACKET
        ) {
            let (tags, images) = crate::tags::reference_markup(&english);
            proptest::prop_assert!(tags.is_empty() && images.is_empty());
            proptest::prop_assert!(link_targets(&english).is_empty());
        }
    }

    #[test]
    fn links_to_named_sites_are_followed_by_the_note_as_text() {
        let sites = ["https://www.nih.gov/".to_owned()];
        let note = LinkNote {
            sites: &sites,
            words: "(en <b>inglés</b>)",
        };
        let markdown = "Ver [NIH](https://www.nih.gov/) y [otro](https://x.org/).";
        assert_eq!(
            inline_html_with(markdown, None, Some(note)),
            "Ver <a href=\"https://www.nih.gov/\">NIH</a> (en &lt;b&gt;inglés&lt;/b&gt;) y \
             <a href=\"https://x.org/\">otro</a>."
        );
        assert_eq!(
            inline_markdown_with(markdown, MarkdownPlace::Flow, None, Some(note)),
            "Ver [NIH](https://www.nih.gov/) (en &lt;b&gt;inglés&lt;/b&gt;) y [otro](https://x.org/)."
        );
        // No note, or a blank one: the links alone.
        assert_eq!(
            inline_html_with(markdown, None, None),
            inline_html_with(
                markdown,
                None,
                Some(LinkNote {
                    sites: &sites,
                    words: " "
                })
            )
        );
    }

    #[test]
    fn markdown_becomes_html() {
        assert_eq!(
            inline_html("**Bold:** *em*, `a<b`, [link](https://x.org/?a=1&b=2)"),
            "<strong>Bold:</strong> <em>em</em>, <code>a&lt;b</code>, <a href=\"https://x.org/?a=1&amp;b=2\">link</a>"
        );
    }

    #[test]
    fn hostile_text_is_inert() {
        assert_eq!(
            inline_html("<script>alert(1)</script>"),
            "&lt;script&gt;alert(1)&lt;/script&gt;"
        );
        assert_eq!(
            inline_html("a <img src=x onerror=alert(1)> b"),
            "a &lt;img src=x onerror=alert(1)&gt; b"
        );
        assert_eq!(inline_html("[click](javascript:alert(1))"), "click");
        assert_eq!(
            inline_html("[click](JaVa\tScRiPt:alert(1))"),
            "[click](JaVa\tScRiPt:alert(1))"
        );
        assert_eq!(
            inline_html("[x](data:text/html,hi) [y](mailto:a@b.c) [z](../rel.html)"),
            "x <a href=\"mailto:a@b.c\">y</a> <a href=\"../rel.html\">z</a>"
        );
        assert_eq!(inline_html("![img](https://x.org/a.png)"), "img");
        assert_eq!(
            inline_html("[t](https://x.org/\" onmouseover=\"alert(1))"),
            "[t](https://x.org/\" onmouseover=\"alert(1))"
        );
        assert_eq!(inline_html("a\u{202E}b\u{2067}c"), "abc");
    }

    #[test]
    fn text_from_html_shows_its_markdown_characters() {
        let html = r#"- **Call** <a href="tel:1">[us]</a> &amp; 1. now"#;
        let literal = html_text_as_markdown(html);
        assert_eq!(
            inline_html_with(&literal, Some(&literal), None),
            r#"- **Call** <a href="tel:1">[us]</a> &amp; 1. now"#
        );
    }

    #[test]
    fn block_syntax_in_a_unit_stays_text() {
        assert_eq!(inline_html("# not a heading"), "# not a heading");
        assert_eq!(inline_html("- not a list"), "- not a list");
        assert_eq!(
            inline_html("- one<br>- **two**"),
            "- one&lt;br&gt;- <strong>two</strong>"
        );
        assert_eq!(
            inline_html_with("- one<br>- two", Some("- a<br>- b"), None),
            "- one<br>- two"
        );
        assert_eq!(inline_html("1986. A good year"), "1986. A good year");
        assert_eq!(inline_html("> not a quote"), "&gt; not a quote");
    }

    /// Asserts what a unit's Markdown becomes in a Markdown page's paragraph.
    #[track_caller]
    fn check_markdown(input: &str, expected: &str) {
        assert_eq!(inline_markdown(input, MarkdownPlace::Flow), expected);
    }

    #[test]
    fn honest_markdown_is_written_as_it_was() {
        for honest in [
            "**Anticuerpos monoclonales:** Estas moléculas, fabricadas en el laboratorio.",
            "Lea la [Sociedad Americana Contra el Cáncer](https://www.cancer.org/) y *más*.",
            "Costo elevado, no disponible en todas partes",
            "`code` and ~~gone~~, 2.5 mg/kg (50 %)",
        ] {
            check_markdown(honest, honest);
        }
    }

    #[test]
    fn raw_html_is_text() {
        check_markdown(
            "**B** [l](https://x.org) <b>raw</b>",
            "**B** [l](https://x.org) &lt;b&gt;raw&lt;/b&gt;",
        );
        check_markdown(
            "a <iframe src=\"https://evil.org\"></iframe> &amp; &lt;b&gt;",
            "a &lt;iframe src=\"https\\://evil.org\"&gt;&lt;/iframe&gt; &amp; &lt;b&gt;",
        );
        // An HTML block: the unit is not one paragraph, so all of it is text.
        check_markdown("<iframe>\n&amp;", "&lt;iframe&gt; &amp;amp;");
        check_markdown("<!-- x -->", "&lt;!-- x --&gt;");
    }

    #[test]
    fn forbidden_links_lose_their_markup() {
        check_markdown("[x](javascript:alert(1))", "x");
        check_markdown("![i](https://x.org/a.png)", "i");
        check_markdown("<a@b.c>", "[a&#64;b.c](mailto:a@b.c)");
        check_markdown("<https://x.org/>", "[https\\://x.org/](https://x.org/)");
    }

    #[test]
    fn a_block_started_after_a_blank_line_is_text() {
        check_markdown("Texto\n\n# Nota", "Texto  \\# Nota");
        check_markdown("Texto\n\n- a\n- b", "Texto  - a - b");
        check_markdown("# Nota", "\\# Nota");
        check_markdown("> cita", "&gt; cita");
        check_markdown("- a", "\\- a");
        check_markdown("+ a", "\\+ a");
        check_markdown("1. a", "1\\. a");
        check_markdown("2026) a", "2026\\) a");
        check_markdown("===", "\\===");
        check_markdown(": definición", "\\: definición");
        check_markdown("$$x$$", "\\$$x\\$$");
        check_markdown("^", "&#94;");
    }

    #[test]
    fn a_hard_break_starts_a_guarded_line() {
        check_markdown("a\\\n2. b", "a\\\n2\\. b");
        check_markdown("a  \n:b", "a\\\n\\:b");
        check_markdown("a\\\n=b", "a\\\n\\=b");
        // `# b` would interrupt the paragraph: escaped, it stays a line of it.
        check_markdown("a\\\n# b", "a\\\n\\# b");
        check_markdown("a\\\n--- | ---", "a\\\n\\--- \\| ---");
        assert_eq!(
            inline_markdown("a\\\n2. b", MarkdownPlace::Heading),
            "a 2. b"
        );
        assert_eq!(inline_markdown("a\\\nb", MarkdownPlace::TableCell), "a b");
    }

    #[test]
    fn definitions_are_text() {
        check_markdown(
            "[r]: javascript:alert(document.domain)",
            "\\[r\\]: javascript:alert(document.domain)",
        );
        check_markdown("Pulse [aquí][r].", "Pulse \\[aquí\\]\\[r\\].");
        check_markdown("[^1]: nota", "\\[^1\\]: nota");
    }

    #[test]
    fn fences_are_text() {
        check_markdown("```", "\\`\\`\\`");
        check_markdown("```js\nalert(1)", "\\`\\`\\`js alert(1)");
        check_markdown("~~~", "&#126;&#126;&#126;");
        check_markdown("    indented", "indented");
    }

    #[test]
    fn template_syntax_is_neutralised() {
        check_markdown(
            "{{% youtube dQw4w9WgXcQ %}}",
            "\\{\\{&#37; youtube dQw4w9WgXcQ %\\}\\}",
        );
        check_markdown("{{< x >}}", "\\{\\{&lt; x &gt;\\}\\}");
        check_markdown(
            "{{% param \"title\" %}}",
            "\\{\\{&#37; param \"title\" %\\}\\}",
        );
        // `\{%` would still be a Liquid tag: the `%` is an entity.
        check_markdown(
            "{% include x.html %} {{ site.email }}",
            "\\{&#37; include x.html %\\} \\{\\{ site.email \\}\\}",
        );
        // Nothing can be escaped inside a code span, so such code is written as text.
        check_markdown("`{{< x >}}`", "\\{\\{&lt; x &gt;\\}\\}");
        check_markdown("`{ x }`", "`{ x }`");
        // kramdown's inline attribute lists and extensions.
        check_markdown(
            "*x*{: onclick=\"alert(1)\"}",
            "*x*\\{: onclick=\"alert(1)\"\\}",
        );
        check_markdown(
            "[a](https://x.org/{{x}} \"{{< t >}}\")",
            "[a](https://x.org/%7B%7Bx%7D%7D \"&#123;&#123;&lt; t &gt;&#125;&#125;\")",
        );
    }

    #[test]
    fn bare_urls_and_addresses_are_not_autolinked() {
        check_markdown(
            "Vea https://evil.org, WWW.evil.org y a@b.c",
            "Vea https\\://evil.org, WWW\\.evil.org y a&#64;b.c",
        );
        check_markdown("awww.x", "awww.x");
    }

    #[test]
    fn table_cells_stay_one_cell() {
        let cell = |input| inline_markdown(input, MarkdownPlace::TableCell);
        assert_eq!(cell("a | b"), "a \\| b");
        assert_eq!(cell("`a|b`"), "`a\\|b`");
        assert_eq!(
            cell("a\n\n| b | c |\n| - | - |"),
            "a  \\| b \\| c \\| \\| - \\| - \\|"
        );
        check_markdown("`a|b`", "`a|b`");
    }

    /// Units that attack a Markdown page, one construct each.
    const ATTACKS: &[&str] = &[
        "Texto\n\n# Nota",
        // Found by fuzzing: a form feed before `:` still opened a definition list.
        "\u{c}&colon;\\\u{c}W\u{b}",
        "a\\\n# b",
        "a\\\n2. b",
        "a  \n- b",
        "a\\\n> b",
        "a\\\n```",
        "a\\\n---",
        "a\\\n===",
        "[r]: javascript:alert(document.domain)",
        "Pulse [aquí][r].\n\n[r]: javascript:alert(1)",
        "[^1]: nota",
        "nota[^1]",
        "{{% youtube x %}} {{< x >}} {% raw %} {{ site.x }}",
        "`{{< youtube x >}}`",
        "```\nunclosed",
        "~~~",
        "<script>alert(1)</script>",
        "a <iframe src=x></iframe>",
        "<div>\nblock\n</div>",
        "| a | b |\n| - | - |\n| c | d |",
        "a | b",
        "term\n: definition",
        "$$\nx\n$$",
        "*x*{: onclick=\"alert(1)\"}",
        "https://evil.org www.evil.org a@b.c <https://evil.org>",
        "[a](https://x.org \"{{< t >}}\") [b](javascript:x) ![c](https://x.org/c.png)",
        "    indented code",
        "1. one\n2. two",
        "- [ ] task",
        "***",
    ];

    /// Every extension a site generator may turn on.
    fn all_extensions() -> Options {
        Options::ENABLE_TABLES
            | Options::ENABLE_FOOTNOTES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS
            | Options::ENABLE_HEADING_ATTRIBUTES
            | Options::ENABLE_DEFINITION_LIST
            | Options::ENABLE_MATH
            | Options::ENABLE_GFM
    }

    /// Found by fuzzing: a `# ` line broke a link apart for the checks, and escaping it
    /// for the page joined the link again, to a target the English does not have.
    #[test]
    fn pages_link_only_where_the_english_does() {
        let english = "Read [the guide](https://www.nih.gov/).";
        let translation = "Lea [la\n# guía](https://evil.example/) y [esto](https://www.nih.gov/).";
        let html = inline_html_with(translation, Some(english), None);
        assert!(!html.contains("evil.example\""), "{html}");
        assert!(html.contains("href=\"https://www.nih.gov/\""), "{html}");
        let markdown = inline_markdown_with(translation, MarkdownPlace::Flow, Some(english), None);
        assert!(!markdown.contains("](https://evil.example/)"), "{markdown}");
        assert!(markdown.contains("](https://www.nih.gov/)"), "{markdown}");
    }

    #[test]
    fn attacks_come_out_as_one_paragraph_of_inline_markdown() {
        for attack in ATTACKS {
            let written = inline_markdown(attack, MarkdownPlace::Flow);
            for delimiter in ["{{", "{%", "%}", "}}"] {
                assert!(!written.contains(delimiter), "{attack:?} → {written:?}");
            }
            let events: Vec<Event<'_>> = Parser::new_ext(&written, all_extensions()).collect();
            assert!(
                matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
                    && matches!(events.last(), Some(Event::End(TagEnd::Paragraph))),
                "{attack:?} → {written:?} is one paragraph: {events:?}"
            );
            for event in &events[1..events.len() - 1] {
                let inline = match event {
                    Event::Start(tag) => matches!(
                        tag,
                        Tag::Emphasis | Tag::Strong | Tag::Strikethrough | Tag::Link { .. }
                    ),
                    Event::End(tag) => matches!(
                        tag,
                        TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
                    ),
                    Event::Text(_) | Event::Code(_) | Event::SoftBreak | Event::HardBreak => true,
                    _ => false,
                };
                assert!(inline, "{attack:?} → {written:?} has {event:?}");
                if let Event::Start(Tag::Link { dest_url, .. }) = event {
                    assert!(allowed_link(dest_url), "{attack:?} → {dest_url}");
                }
            }
        }
    }

    #[test]
    fn attacks_stay_in_their_table_cell() {
        for attack in ATTACKS {
            let cell = inline_markdown(attack, MarkdownPlace::TableCell);
            let table = format!("| h | i |\n| - | - |\n| {cell} | x |\n");
            let events: Vec<Event<'_>> = Parser::new_ext(&table, all_extensions()).collect();
            let cells = events
                .iter()
                .filter(|e| matches!(e, Event::Start(Tag::TableCell)))
                .count();
            let rows = events
                .iter()
                .filter(|e| matches!(e, Event::Start(Tag::TableRow)))
                .count();
            assert_eq!((rows, cells), (1, 4), "{attack:?} → {cell:?}");
            assert!(
                matches!(events.last(), Some(Event::End(TagEnd::Table))),
                "{attack:?} → {cell:?}"
            );
        }
    }

    #[test]
    fn attacks_stay_in_their_heading() {
        for attack in ATTACKS {
            let heading = inline_markdown(attack, MarkdownPlace::Heading);
            let page = format!("## {heading} {{#anchor}}\n");
            let events: Vec<Event<'_>> = Parser::new_ext(&page, all_extensions()).collect();
            assert!(
                matches!(
                    events.first(),
                    Some(Event::Start(Tag::Heading { id: Some(id), .. })) if id.as_ref() == "anchor"
                ) && matches!(events.last(), Some(Event::End(TagEnd::Heading(_)))),
                "{attack:?} → {heading:?}: {events:?}"
            );
        }
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("**Immunotherapy** for [myeloma](https://x.org)"),
            "Immunotherapy for myeloma"
        );
        assert_eq!(plain_text("a <b> \u{2068}c\u{2069}"), "a <b> c");
    }

    #[test]
    fn front_matter_strings_are_valid_yaml_and_json() {
        let text = "Título \"x\"\n---\u{7}\u{7f}\u{85}\u{2028}\u{feff}";
        let quoted = yaml_string(text);
        assert_eq!(
            quoted,
            "\"Título \\\"x\\\"\\n---\\u0007\\u007f\\u0085\\u2028\\ufeff\""
        );
        assert_eq!(serde_json::from_str::<String>(&quoted).unwrap(), text);
    }
}
