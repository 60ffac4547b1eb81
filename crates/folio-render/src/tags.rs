//! The author's inline HTML tags in a unit, read with html5ever, so a translation's tags
//! can be matched to the English's by position and replaced by them.

use pulldown_cmark::{Event, Options, Parser, Tag};
use scraper::{ElementRef, Html};

/// Attributes whose values are text for a reader: a translation supplies them.
const TEXT_ATTRIBUTES: &[&str] = &["alt", "title", "aria-label"];

/// An inline HTML tag, read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct HtmlTag {
    closing: bool,
    name: String,
    /// Sorted by name, as the parser gives them.
    attributes: Vec<(String, String)>,
}

impl HtmlTag {
    /// Reads one tag (`<a href="…">`, `</a>`, `<br/>`); `None` for a comment, a
    /// declaration or anything that is not one tag.
    pub(crate) fn parse(tag: &str) -> Option<HtmlTag> {
        let tag = tag.trim();
        if let Some(name) = tag.strip_prefix("</").and_then(|t| t.strip_suffix('>')) {
            return Some(HtmlTag {
                closing: true,
                name: name.trim().to_ascii_lowercase(),
                attributes: Vec::new(),
            });
        }
        if !tag.starts_with('<') || tag.starts_with("<!") || tag.starts_with("<?") {
            return None;
        }
        let fragment = Html::parse_fragment(tag);
        let element = fragment
            .root_element()
            .children()
            .find_map(ElementRef::wrap)?;
        Some(HtmlTag {
            closing: false,
            name: element.value().name().to_owned(),
            attributes: element
                .value()
                .attrs()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect(),
        })
    }

    /// Whether `other` is this tag but for its text attributes.
    pub(crate) fn matches(&self, other: &HtmlTag) -> bool {
        let fixed = |tag: &HtmlTag| -> Vec<(String, String)> {
            tag.attributes
                .iter()
                .filter(|(k, _)| !TEXT_ATTRIBUTES.contains(&k.as_str()))
                .cloned()
                .collect()
        };
        self.closing == other.closing && self.name == other.name && fixed(self) == fixed(other)
    }

    /// This (the English) tag written with the translation's text attributes.
    pub(crate) fn write_with_text_of(&self, translation: &HtmlTag) -> String {
        if self.closing {
            return format!("</{}>", self.name);
        }
        let mut html = format!("<{}", self.name);
        for (name, value) in &self.attributes {
            let value = match TEXT_ATTRIBUTES.contains(&name.as_str()) {
                true => translation
                    .attributes
                    .iter()
                    .find(|(k, _)| k == name)
                    .map_or(value, |(_, v)| v),
                false => value,
            };
            let value = folio_check::strip_bidi_controls(value);
            html.push_str(&format!(
                " {name}=\"{}\"",
                value
                    .replace('&', "&amp;")
                    .replace('"', "&quot;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;")
            ));
        }
        html.push('>');
        html
    }
}

/// The inline HTML tags and image targets of trusted (English) Markdown, in order.
pub(crate) fn reference_markup(markdown: &str) -> (Vec<String>, Vec<String>) {
    let (mut tags, mut images) = (Vec::new(), Vec::new());
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::InlineHtml(html) if !html.trim_start().starts_with("<!--") => {
                tags.push(html.into_string())
            }
            Event::Start(Tag::Image { dest_url, .. }) => images.push(dest_url.into_string()),
            _ => {}
        }
    }
    (tags, images)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_match_but_for_text_attributes() {
        let en = HtmlTag::parse(r#"<abbr title="Food and Drug" class="x">"#).unwrap();
        let es = HtmlTag::parse(r#"<abbr class="x" title="Alimentos">"#).unwrap();
        assert!(en.matches(&es));
        assert_eq!(
            en.write_with_text_of(&es),
            r#"<abbr class="x" title="Alimentos">"#
        );
        let evil = HtmlTag::parse(r#"<abbr class="y" title="A">"#).unwrap();
        assert!(!en.matches(&evil));
        assert!(
            HtmlTag::parse("</b>")
                .unwrap()
                .matches(&HtmlTag::parse("</B >").unwrap())
        );
        assert_eq!(HtmlTag::parse("<!-- c -->"), None);
    }
}
