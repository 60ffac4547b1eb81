//! What a reader of a page can see: its text outside comments, scripts, templates and
//! hidden elements, read with a real HTML parser. The disclaimer guarantee is checked on
//! this, never by searching the page's source for a string.

use scraper::{ElementRef, Html, Node};

/// Elements whose content is never shown as the page's text: the browser's own
/// stylesheet hides them (`head`, `script`, `noembed`, `rp`, …), or their content is
/// fallback for a browser that lacks the element (`canvas`, `video`, `object`, …), or it
/// is not read as text (`textarea`, `select`, `svg`), or it is shown reversed (`bdo`).
const NEVER_SHOWN: [&str; 20] = [
    "head", "title", "script", "style", "template", "noscript", "noembed", "noframes", "rp",
    "textarea", "iframe", "object", "canvas", "video", "audio", "svg", "math", "select",
    "datalist", "bdo",
];

/// The text of a whole HTML document that a reader sees, whitespace collapsed to single
/// spaces. Text inside comments, [`NEVER_SHOWN`] elements, elements with `hidden`,
/// `aria-hidden="true"`, `popover` or an inline style that hides them, a `<dialog>` that
/// is not `open`, an element with a declarative shadow root, and the body of a closed
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
    if is_hidden(element) || hosts_a_shadow_root(element) {
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

/// Whether `element` has a declarative shadow root (a `<template shadowrootmode>` child):
/// a browser then shows the shadow tree instead of the element's content, which appears
/// only where the tree has a slot for it. Slots are not followed, and the shadow tree is
/// in a template, which is never read: such an element shows nothing here.
fn hosts_a_shadow_root(element: ElementRef<'_>) -> bool {
    element.children().any(|child| {
        child.value().as_element().is_some_and(|e| {
            e.name() == "template"
                && e.attr("shadowrootmode").is_some_and(|mode| {
                    mode.eq_ignore_ascii_case("open") || mode.eq_ignore_ascii_case("closed")
                })
        })
    })
}

fn is_hidden(element: ElementRef<'_>) -> bool {
    let value = element.value();
    NEVER_SHOWN.contains(&value.name())
        || (value.name() == "dialog" && value.attr("open").is_none())
        || value.attrs().any(|(name, attr)| match name {
            // `hidden="until-found"` too: shown only once a search finds it.
            "hidden" => true,
            "aria-hidden" => attr.trim().eq_ignore_ascii_case("true"),
            // A popover is hidden until something opens it.
            "popover" => true,
            "style" => hides(attr),
            _ => false,
        })
}

/// Whether an inline `style` hides its element or its text: `display: none`,
/// `visibility: hidden`, an opacity under 0.1, a font under 4 px, transparent text or
/// text the colour of its background, a bidi override (text shown reversed), and the
/// ways pages hide text "visually" — clipped to nothing (`clip: rect(0 0 0 0)`,
/// `clip-path: inset(50%)`), scaled under a tenth, no height or width with the overflow
/// hidden, or moved a thousand pixels or more off the page. A declaration is read as
/// written (a later one does not undo it): a style that hides anywhere hides. Stylesheets
/// are not evaluated: the built-in one hides nothing, and a publisher's template that
/// hides the disclaimer with a class is beyond what a page check can see.
fn hides(style: &str) -> bool {
    let declarations: Vec<(String, String)> = style
        .split(';')
        .filter_map(|declaration| {
            let (property, value) = declaration.split_once(':')?;
            let value = value.to_ascii_lowercase().replace("!important", "");
            let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
            Some((property.trim().to_ascii_lowercase(), value))
        })
        .collect();
    let any = |properties: &[&str], test: &dyn Fn(&str) -> bool| {
        (declarations.iter()).any(|(p, v)| properties.contains(&p.as_str()) && test(v))
    };
    let zero = |value: &str| length(value).is_some_and(|n| n <= 0.0);
    let colours = |properties: &[&str]| {
        (declarations.iter())
            .filter(|(p, _)| properties.contains(&p.as_str()))
            .map(|(_, v)| v.as_str())
            .collect::<Vec<_>>()
    };
    let text_colours = colours(&["color"]);
    let backgrounds = colours(&["background", "background-color"]);
    any(&["display"], &|v| v == "none")
        || any(&["visibility"], &|v| v == "hidden" || v == "collapse")
        || any(&["content-visibility"], &|v| v == "hidden")
        || any(&["opacity"], &|v| fraction(v).is_some_and(|n| n < 0.1))
        || any(&["font-size"], &|v| font_size(v).is_some_and(|px| px < 4.0))
        || any(&["color"], &|v| v == "transparent")
        // Text the colour of its own background (a keyword such as `inherit` names no
        // colour of its own).
        || text_colours.iter().any(|c| {
            backgrounds.contains(c)
                && !matches!(
                    *c,
                    "inherit" | "initial" | "unset" | "revert" | "revert-layer" | "currentcolor"
                )
        })
        || any(&["unicode-bidi"], &|v| v.contains("bidi-override"))
        || any(&["clip"], &clipped_by_rect)
        || any(&["clip-path"], &clipped_by_shape)
        || any(&["transform"], &scaled_to_nothing)
        || (any(&["overflow", "overflow-x", "overflow-y"], &|v| {
            v.split(' ').any(|v| v == "hidden" || v == "clip")
        }) && any(&["height", "max-height", "width", "max-width"], &zero))
        || (any(&["position"], &|v| v != "static")
            && any(&["left", "top"], &|v| {
                length(v).is_some_and(|n| n <= -1000.0)
            }))
        || any(&["text-indent"], &|v| {
            length(v).is_some_and(|n| n <= -1000.0)
        })
}

/// An opacity: a number, or a percentage as a fraction of 1.
fn fraction(value: &str) -> Option<f64> {
    match value.strip_suffix('%') {
        Some(percent) => percent.parse::<f64>().ok().map(|n| n / 100.0),
        None => value.parse().ok(),
    }
}

/// A font size in pixels, against a 16 px parent for `em` and `%`; `None` for a keyword
/// (`small`, `smaller`…), which never makes text unreadable.
fn font_size(value: &str) -> Option<f64> {
    match value.strip_suffix('%') {
        Some(percent) => percent.parse::<f64>().ok().map(|n| n * 16.0 / 100.0),
        None => length(value),
    }
}

/// A CSS length or number in pixels (`em` and `rem` at 16 px); a percentage as its number.
fn length(value: &str) -> Option<f64> {
    let number = value.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%');
    let n = number.parse::<f64>().ok()?;
    Some(match &value[number.len()..] {
        "em" | "rem" => n * 16.0,
        _ => n,
    })
}

/// The arguments of CSS function `name` at the start of `value`: `rect(0, 0, 0, 0)` →
/// `["0", "0", "0", "0"]`.
fn arguments<'v>(value: &'v str, name: &str) -> Option<Vec<&'v str>> {
    let inside = value.strip_prefix(name)?.strip_prefix('(')?;
    let inside = &inside[..inside.find(')')?];
    Some(
        inside
            .split([',', ' '])
            .filter(|argument| !argument.is_empty())
            .collect(),
    )
}

/// `clip: rect(top right bottom left)` of no area.
fn clipped_by_rect(value: &str) -> bool {
    let Some(edges) = arguments(value, "rect") else {
        return false;
    };
    match edges.iter().map(|e| length(e)).collect::<Option<Vec<_>>>() {
        Some(edges) if edges.len() == 4 => edges[2] <= edges[0] || edges[1] <= edges[3],
        _ => false,
    }
}

/// `clip-path: inset(…)` whose percentages meet (`inset(50%)`), or a circle or ellipse of
/// no radius.
fn clipped_by_shape(value: &str) -> bool {
    if let Some(insets) = arguments(value, "inset") {
        // Percentages, and a bare 0; other lengths depend on the box's size.
        let percent = |inset: &&str| match *inset {
            "0" => Some(0.0),
            inset => inset.strip_suffix('%')?.parse::<f64>().ok(),
        };
        let insets: Option<Vec<f64>> = insets
            .iter()
            .take_while(|i| **i != "round")
            .map(percent)
            .collect();
        let (top, right, bottom, left) = match insets.as_deref() {
            Some([all]) => (*all, *all, *all, *all),
            Some([vertical, horizontal]) => (*vertical, *horizontal, *vertical, *horizontal),
            Some([top, horizontal, bottom]) => (*top, *horizontal, *bottom, *horizontal),
            Some([top, right, bottom, left]) => (*top, *right, *bottom, *left),
            _ => return false,
        };
        return top + bottom >= 100.0 || left + right >= 100.0;
    }
    ["circle", "ellipse"].iter().any(|shape| {
        arguments(value, shape).is_some_and(|radii| {
            let radii: Vec<&str> = radii.into_iter().take_while(|r| *r != "at").collect();
            !radii.is_empty() && radii.iter().any(|r| length(r).is_some_and(|n| n <= 0.0))
        })
    })
}

/// A `transform` that scales an axis to nothing or nearly (`scale(0)`, `scaleY(0.05)`).
fn scaled_to_nothing(value: &str) -> bool {
    value.match_indices("scale").any(|(at, _)| {
        let function = &value[at..];
        let name_end = function.find('(').unwrap_or(function.len());
        arguments(function, &function[..name_end]).is_some_and(|factors| {
            factors
                .iter()
                .any(|f| f.parse::<f64>().is_ok_and(|n| n.abs() < 0.1))
        })
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
            "<dialog>Aviso legal</dialog>",
            "<div popover>Aviso legal</div>",
            "<div hidden=\"until-found\">Aviso legal</div>",
            "<canvas>Aviso legal</canvas>",
            "<video controls>Aviso legal</video>",
            "<audio>Aviso legal</audio>",
            "<noembed>Aviso legal</noembed>",
            "<ruby>x<rp>Aviso legal</rp></ruby>",
            "<p>x</p><body hidden>",
            "<div style=\"position:absolute;clip:rect(0 0 0 0)\">Aviso legal</div>",
            "<div style=\"clip: rect(1px, 1px, 1px, 1px)\">Aviso legal</div>",
            "<div style=\"clip-path: inset(50%)\">Aviso legal</div>",
            "<div style=\"clip-path: inset(0 60% 0 40%)\">Aviso legal</div>",
            "<div style=\"clip-path: circle(0)\">Aviso legal</div>",
            "<div style=\"transform: scale(0)\">Aviso legal</div>",
            "<div style=\"transform: rotate(5deg) scaleY(0)\">Aviso legal</div>",
            "<div style=\"height:0;overflow:hidden\">Aviso legal</div>",
            "<div style=\"width: 1px; max-width: 0; overflow: clip\">Aviso legal</div>",
            "<div style=\"position:absolute; left:-9999px\">Aviso legal</div>",
            "<div style=\"position:fixed;top:-100em\">Aviso legal</div>",
            "<div style=\"text-indent:-10000px\">Aviso legal</div>",
            "<div style=\"opacity:0.05\">Aviso legal</div>",
            "<div style=\"opacity: 5%\">Aviso legal</div>",
            "<div style=\"font-size:3px\">Aviso legal</div>",
            "<div style=\"font-size:0.1em\">Aviso legal</div>",
            "<div style=\"font-size:10%\">Aviso legal</div>",
            "<div style=\"color:#fff; background:#FFF\">Aviso legal</div>",
            "<div style=\"background-color: white; color: white\">Aviso legal</div>",
            "<div style=\"transform: scaleX(0.05)\">Aviso legal</div>",
            "<bdo dir=\"rtl\">Aviso legal</bdo>",
            "<div style=\"unicode-bidi: bidi-override; direction: rtl\">Aviso legal</div>",
            // A declarative shadow root replaces what its host shows: the host's own
            // content is shown only through the shadow tree's slots.
            "<div><template shadowrootmode=\"open\"><p>x</p></template>Aviso legal</div>",
            "<div><template shadowrootmode=\"CLOSED\"></template><p>Aviso legal</p></div>",
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
            "<dialog open>Aviso legal</dialog>",
            "<div style=\"clip: auto\">Aviso legal</div>",
            "<div style=\"clip: rect(0 100px 20px 0)\">Aviso legal</div>",
            "<div style=\"clip-path: inset(10% 20%)\">Aviso legal</div>",
            "<div style=\"clip-path: circle(50% at 0 0)\">Aviso legal</div>",
            "<div style=\"transform: scale(1.5) translateX(2px)\">Aviso legal</div>",
            "<div style=\"height:0\">Aviso legal</div>",
            "<div style=\"overflow:hidden; height:auto\">Aviso legal</div>",
            "<div style=\"position:absolute; left:-10px; top:0\">Aviso legal</div>",
            "<div style=\"left:-9999px\">Aviso legal</div>",
            "<div style=\"text-indent:-2em\">Aviso legal</div>",
            "<div style=\"opacity:0.85\">Aviso legal</div>",
            "<div style=\"font-size:12px\">Aviso legal</div>",
            "<div style=\"font-size:smaller\">Aviso legal</div>",
            "<div style=\"font-size:75%\">Aviso legal</div>",
            "<div style=\"color:#333; background:#fff\">Aviso legal</div>",
            "<div style=\"color: inherit; background: inherit\">Aviso legal</div>",
            "<div style=\"transform: scale(0.9)\">Aviso legal</div>",
            "<div dir=\"rtl\" style=\"unicode-bidi: isolate\">Aviso legal</div>",
            // Not a shadow root: a mode that is neither open nor closed.
            "<div><template shadowrootmode=\"shut\"></template>Aviso legal</div>",
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
