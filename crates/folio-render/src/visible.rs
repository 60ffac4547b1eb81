//! What a reader of a page can see: its text outside comments, scripts, templates and
//! hidden elements, read with a real HTML parser. The disclaimer guarantee is checked on
//! this, never by searching the page's source for a string.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never shown as the page's text.
const NEVER_SHOWN: [&str; 12] = [
    "head", "title", "script", "style", "template", "noscript", "textarea", "iframe", "object",
    "svg", "select", "datalist",
];

/// The text of a whole HTML document that a reader sees, whitespace collapsed to single
/// spaces. Text inside comments, [`NEVER_SHOWN`] elements, elements with `hidden`,
/// `aria-hidden="true"` or an inline style that hides them, and the body of a closed
/// `<details>` is left out.
pub fn visible_text(document: &str) -> String {
    collect(Html::parse_document(document))
}

/// [`visible_text`] of an HTML fragment (the body of an element).
pub fn visible_fragment_text(fragment: &str) -> String {
    collect(Html::parse_fragment(fragment))
}

fn collect(html: Html) -> String {
    let mut shown = Shown::default();
    push_visible(html.root_element(), &mut shown);
    shown.text
}

/// Visible text as it is found, its words joined by single spaces as they come (no copy
/// of the page's text to split again): what `split_whitespace` and a join of the whole
/// text would give, read a byte at a time where the text is ASCII.
#[derive(Default)]
struct Shown {
    text: String,
    /// Whitespace came after the last word.
    space: bool,
}

impl Shown {
    fn push(&mut self, chunk: &str) {
        let bytes = chunk.as_bytes();
        let mut at = 0;
        while at < bytes.len() {
            // A run of whitespace, then a word up to the next whitespace.
            let (white, width) = whitespace_at(chunk, at);
            if white {
                self.space = true;
                at += width;
                continue;
            }
            let start = at;
            at += width;
            while at < bytes.len() {
                let (white, width) = whitespace_at(chunk, at);
                if white {
                    break;
                }
                at += width;
            }
            if self.space && !self.text.is_empty() {
                self.text.push(' ');
            }
            self.space = false;
            self.text.push_str(&chunk[start..at]);
        }
    }
}

/// Whether the character at byte `at` of `text` is whitespace (`char::is_whitespace`),
/// and its width in bytes.
fn whitespace_at(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        return (matches!(byte, b' ' | b'\t'..=b'\r'), 1);
    }
    let c = text[at..]
        .chars()
        .next()
        .expect("`at` is a character boundary");
    (c.is_whitespace(), c.len_utf8())
}

fn push_visible(element: ElementRef<'_>, text: &mut Shown) {
    if is_hidden(element) {
        return;
    }
    let closed_details = element.value().name() == "details" && element.attr("open").is_none();
    for child in element.children() {
        match child.value() {
            Node::Text(shown) if !closed_details => text.push(shown),
            Node::Element(_) => {
                let child = ElementRef::wrap(child).expect("an element node");
                if !closed_details || child.value().name() == "summary" {
                    push_visible(child, text);
                }
            }
            _ => {}
        }
    }
}

fn is_hidden(element: ElementRef<'_>) -> bool {
    let value = element.value();
    NEVER_SHOWN.contains(&value.name())
        || value.attrs().any(|(name, attr)| match name {
            "hidden" => true,
            "aria-hidden" => attr.trim().eq_ignore_ascii_case("true"),
            "style" => hides(attr),
            _ => false,
        })
}

/// Whether an inline `style` hides its element or its text. Stylesheets are not
/// evaluated: the built-in one hides nothing, and a publisher's template that hides the
/// disclaimer with a class is beyond what a page check can see.
fn hides(style: &str) -> bool {
    style.split(';').any(|declaration| {
        let Some((property, value)) = declaration.split_once(':') else {
            return false;
        };
        let value: String = value
            .to_ascii_lowercase()
            .replace("!important", "")
            .split_whitespace()
            .collect();
        let zero = || {
            value
                .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%')
                .parse::<f64>()
                .is_ok_and(|n| n <= 0.0)
        };
        match property.trim().to_ascii_lowercase().as_str() {
            "display" => value == "none",
            "visibility" => value == "hidden" || value == "collapse",
            "content-visibility" => value == "hidden",
            "opacity" | "font-size" => zero(),
            "color" => value == "transparent",
            _ => false,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &str) -> String {
        format!("<!DOCTYPE html><html><head><title>T</title></head><body>{body}</body></html>")
    }

    #[test]
    fn shown_text_is_read_with_whitespace_collapsed() {
        assert_eq!(
            visible_text(&page(
                "<main><h1>Title</h1>\n<p>One  <b>two</b>\nthree</p></main>"
            )),
            "Title One two three"
        );
    }

    #[test]
    fn hidden_places_are_left_out() {
        for hidden in [
            "<!-- Aviso legal -->",
            "<template>Aviso legal</template>",
            "<noscript>Aviso legal</noscript>",
            "<script>/* Aviso legal */</script>",
            "<style>/* Aviso legal */</style>",
            "<textarea>Aviso legal</textarea>",
            "<div hidden>Aviso legal</div>",
            "<div aria-hidden=\"true\">Aviso legal</div>",
            "<div style=\"display:none\">Aviso legal</div>",
            "<div style=\"color: red; DISPLAY : None !important\">Aviso legal</div>",
            "<div style=\"visibility:hidden\">Aviso legal</div>",
            "<div style=\"opacity:0\">Aviso legal</div>",
            "<div style=\"font-size:0\">Aviso legal</div>",
            "<div style=\"font-size:0px\">Aviso legal</div>",
            "<div style=\"color:transparent\">Aviso legal</div>",
            "<details><summary>More</summary>Aviso legal</details>",
        ] {
            assert!(
                !visible_text(&page(hidden)).contains("Aviso"),
                "{hidden} shows its text"
            );
        }
    }

    #[test]
    fn visible_styles_and_open_details_count() {
        for shown in [
            "<div style=\"display:block\">Aviso legal</div>",
            "<div style=\"font-size:0.9rem\">Aviso legal</div>",
            "<div style=\"opacity:0.8\">Aviso legal</div>",
            "<details open><summary>More</summary>Aviso legal</details>",
            "<details><summary>Aviso legal</summary>x</details>",
        ] {
            assert!(
                visible_text(&page(shown)).contains("Aviso legal"),
                "{shown} hides its text"
            );
        }
    }

    #[test]
    fn words_are_joined_across_text_nodes_as_the_whole_text_would_be() {
        let chunks = [
            "",
            " a",
            "b ",
            "\u{a0}",
            "c",
            "",
            "d\te",
            " ",
            "f\u{b}",
            "\u{2003}g ",
            "h",
            "é\u{85}ß",
            "\r\n",
            "中文",
            "\u{3000}",
        ];
        for start in 0..chunks.len() {
            for end in start..=chunks.len() {
                let mut shown = Shown::default();
                for chunk in &chunks[start..end] {
                    shown.push(chunk);
                }
                let whole = chunks[start..end].concat();
                let expected: Vec<&str> = whole.split_whitespace().collect();
                assert_eq!(shown.text, expected.join(" "), "{:?}", &chunks[start..end]);
            }
        }
        for byte in 0..=127u8 {
            let c = char::from(byte);
            assert_eq!(
                whitespace_at(&c.to_string(), 0).0,
                c.is_whitespace(),
                "{byte}"
            );
        }
    }

    #[test]
    fn fragments_read_like_the_same_markup_in_a_page() {
        let fragment = "<h2>Aviso</h2>\n<p>Este <em>texto</em>.</p>\n";
        assert_eq!(visible_fragment_text(fragment), "Aviso Este texto.");
        assert!(
            visible_text(&page(&format!("<aside>{fragment}</aside>")))
                .contains("Aviso Este texto.")
        );
    }
}
