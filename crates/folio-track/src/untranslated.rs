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
    // Two words of two letters or more tell it: the rest of the text need not be read.
    rest.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().nth(1).is_some())
        .nth(1)
        .is_some()
}

/// The text of `markdown` outside links: what a translator would have to translate.
fn prose(markdown: &str) -> String {
    // Plain text is one paragraph of itself: its text, without a parse.
    if is_plain(markdown) {
        return format!("{markdown} ");
    }
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

/// Whether `text` is one line of prose with nothing Markdown could read as markup: no
/// character that starts inline markup (`\`, code, emphasis, links, HTML, entities,
/// strikethrough) or a line break, nothing at the start that starts a block (a heading,
/// quote, list, rule or setext underline), and no space at either end (which a paragraph
/// drops). Such text is one paragraph of itself, so it needs no parse: most units are.
pub fn is_plain(text: &str) -> bool {
    let Some(first) = text.chars().next() else {
        return false;
    };
    let last = text.chars().next_back().unwrap_or(first);
    !first.is_whitespace()
        && !last.is_whitespace()
        && !first.is_ascii_digit()
        && !matches!(first, '#' | '>' | '-' | '+' | '=' | '|' | ':')
        && !has_markup_byte(text.as_bytes())
}

/// Whether `bytes` holds a byte that starts inline markup (escapes, code, emphasis,
/// links, images, HTML, entities, strikethrough) or a line break. All twelve are ASCII:
/// four vectorised three-byte searches read a unit's text in under a third of the
/// instructions a byte table takes.
fn has_markup_byte(bytes: &[u8]) -> bool {
    memchr::memchr3(b'\\', b'`', b'*', bytes).is_some()
        || memchr::memchr3(b'_', b'[', b']', bytes).is_some()
        || memchr::memchr3(b'!', b'<', b'&', bytes).is_some()
        || memchr::memchr3(b'~', b'\n', b'\r', bytes).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// Text taken as plain reads as its parse: one paragraph of itself.
        #[test]
        fn plain_prose_is_its_parse(
            text in "[a-zA-Z0-9 .,;:'\"?()/%$#{}=+|@^éß漢٣\u{a0}\t-]{0,40}"
        ) {
            if is_plain(&text) {
                let mut parsed = String::new();
                for event in Parser::new(&text) {
                    if let Event::Text(t) = event {
                        parsed.push_str(&t);
                        parsed.push(' ');
                    }
                }
                proptest::prop_assert_eq!(prose(&text), parsed);
            }
        }
    }

    #[test]
    fn markup_bytes_are_the_twelve_and_found_anywhere() {
        for byte in 0..=255u8 {
            let markup = b"\\`*_[]!<&~\n\r".contains(&byte);
            assert_eq!(has_markup_byte(&[byte]), markup, "{byte:#x}");
            let mut long = vec![b'a'; 100];
            long[71] = byte;
            assert_eq!(has_markup_byte(&long), markup, "{byte:#x} in a long text");
        }
    }

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
