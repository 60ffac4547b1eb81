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
    let mut text = String::new();
    push_visible(html.root_element(), &mut text);
    // The words joined by single spaces, in one pass (no list of them to join).
    let mut shown = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !shown.is_empty() {
            shown.push(' ');
        }
        shown.push_str(word);
    }
    shown
}

fn push_visible(element: ElementRef<'_>, text: &mut String) {
    if is_hidden(element) {
        return;
    }
    let closed_details = element.value().name() == "details" && element.attr("open").is_none();
    for child in element.children() {
        match child.value() {
            Node::Text(shown) if !closed_details => text.push_str(shown),
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
        || value.attr("hidden").is_some()
        || value
            .attr("aria-hidden")
            .is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
        || value.attr("style").is_some_and(hides)
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
    fn fragments_read_like_the_same_markup_in_a_page() {
        let fragment = "<h2>Aviso</h2>\n<p>Este <em>texto</em>.</p>\n";
        assert_eq!(visible_fragment_text(fragment), "Aviso Este texto.");
        assert!(
            visible_text(&page(&format!("<aside>{fragment}</aside>")))
                .contains("Aviso Este texto.")
        );
    }
}
