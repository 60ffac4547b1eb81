//! Whether a translation is the English left as it was.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// Whether `translated` is the English `english` unchanged (whitespace aside), beyond
/// what may stay the same in any language: text with no word of two letters or more
/// (numbers, symbols), a single word, text that is only links (the link text names the
/// target), or text made only of `proper_names` (drug, brand and organisation names).
pub fn is_untranslated(english: &str, translated: &str, proper_names: &[String]) -> bool {
    if !crate::status::same_words(english, translated) {
        return false;
    }
    let mut rest = prose(english);
    for name in proper_names {
        rest = rest.replace(name.as_str(), " ");
    }
    let words = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1)
        .count();
    words > 1
}

/// The text of `markdown` outside links: what a translator would have to translate.
fn prose(markdown: &str) -> String {
    let mut text = String::new();
    let mut in_link = 0usize;
    for event in Parser::new(markdown) {
        match event {
            Event::Start(Tag::Link { .. }) => in_link += 1,
            Event::End(TagEnd::Link) => in_link = in_link.saturating_sub(1),
            Event::Text(t) | Event::Code(t) if in_link == 0 => {
                text.push_str(&t);
                text.push(' ');
            }
            _ => {}
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copied_prose_is_untranslated() {
        assert!(is_untranslated(
            "Immunotherapy helps the body fight cancer.",
            "Immunotherapy  helps the body\nfight cancer.",
            &[]
        ));
        assert!(!is_untranslated(
            "Immunotherapy helps.",
            "La inmunoterapia ayuda.",
            &[]
        ));
    }

    #[test]
    fn what_may_stay_the_same_is_not_untranslated() {
        for same in [
            "Immunotherapy",
            "CAR-T",
            "2.5 mg",
            "—",
            "[National Institutes of Health](https://www.nih.gov/)",
            "American Cancer Society",
        ] {
            assert!(
                !is_untranslated(same, same, &["American Cancer Society".to_owned()]),
                "{same}"
            );
        }
    }
}
