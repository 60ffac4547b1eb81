//! Untrusted inline Markdown → safe HTML, safe Markdown, or plain text.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, TagEnd};

/// Removes the bidi controls that embed, override or isolate (U+202A–U+202E,
/// U+2066–U+2069): in a translation they could reorder the text around them. The
/// page's own `dir` and `lang` carry direction instead.
pub fn strip_bidi_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

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
    let events: Vec<Event<'_>> = Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).collect();
    let single_paragraph = matches!(events.first(), Some(Event::Start(Tag::Paragraph)))
        && matches!(events.last(), Some(Event::End(TagEnd::Paragraph)))
        && !events[1..events.len() - 1].iter().any(|e| {
            matches!(
                e,
                Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
            )
        });
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
            Event::Html(html) | Event::InlineHtml(html) => safe.push(Event::Text(html)),
            Event::Start(Tag::Link { ref dest_url, .. }) if !allowed_link(dest_url) => {
                dropped_links += 1
            }
            Event::Start(Tag::Image { .. }) => dropped_links += 1,
            Event::End(TagEnd::Link | TagEnd::Image) if dropped_links > 0 => dropped_links -= 1,
            other => safe.push(other),
        }
    }
    safe
}

/// A unit's inline Markdown as safe HTML (no enclosing element).
pub fn inline_html(markdown: &str) -> String {
    let text = strip_bidi_controls(markdown);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, safe_events(&text).into_iter());
    html
}

/// A unit's inline Markdown made safe for another Markdown processor: raw HTML escaped,
/// forbidden links unlinked, block syntax neutralised.
pub fn inline_markdown(markdown: &str) -> String {
    let text = strip_bidi_controls(markdown);
    let events: Vec<Event<'_>> = safe_events(&text)
        .into_iter()
        .map(|event| match event {
            // Text events are escaped by the writer, but `<` is not Markdown syntax to it.
            Event::Text(text) if text.contains(['<', '>', '&']) => Event::Text(CowStr::from(
                text.replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;"),
            )),
            other => other,
        })
        .collect();
    let mut out = String::new();
    pulldown_cmark_to_cmark::cmark(events.iter(), &mut out)
        .expect("writing to a String never fails");
    out.trim().to_owned()
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
    fn block_syntax_in_a_unit_stays_text() {
        assert_eq!(inline_html("# not a heading"), "# not a heading");
        assert_eq!(inline_html("- not a list"), "- not a list");
        assert_eq!(inline_html("> not a quote"), "&gt; not a quote");
    }

    #[test]
    fn markdown_output_is_safe_markdown() {
        assert_eq!(
            inline_markdown("**B** [l](https://x.org) <b>raw</b>"),
            "**B** [l](https://x.org) &lt;b&gt;raw&lt;/b&gt;"
        );
        assert_eq!(inline_markdown("[x](javascript:alert(1))"), "x");
    }

    #[test]
    fn plain_text_drops_markup() {
        assert_eq!(
            plain_text("**Immunotherapy** for [myeloma](https://x.org)"),
            "Immunotherapy for myeloma"
        );
        assert_eq!(plain_text("a <b> \u{2068}c\u{2069}"), "a <b> c");
    }
}
