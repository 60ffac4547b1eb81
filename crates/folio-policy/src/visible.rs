//! Whether a unit's Markdown shows a reader anything.

use pulldown_cmark::{Event, Options, Parser};

/// Whether `markdown` shows at least one visible character: its text, code and (shown
/// as text) HTML, with whitespace, format characters (zero-width spaces and joiners, bidi
/// marks, soft hyphens, the BOM…) and blank fillers left out. `{ "" }`, `**\u{200B}**`
/// and `&nbsp;` show nothing.
pub fn shows_text(markdown: &str) -> bool {
    // A visible letter first shows itself, whatever follows: no block starts with a
    // letter, and no inline markup starts before the first character. Most units start
    // so, and are told without a look at the rest.
    if markdown
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() && is_visible(c))
    {
        return true;
    }
    // Text without markup shows what it is: no parse needed.
    if folio_track::is_plain(markdown) {
        return markdown.chars().any(is_visible);
    }
    // Read as the renderer reads a unit: `~~` is strikethrough there, not text.
    Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).any(|event| match event {
        Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
            text.chars().any(is_visible)
        }
        _ => false,
    })
}

fn is_visible(c: char) -> bool {
    !(c.is_whitespace() || c.is_control() || is_format_or_filler(c))
}

/// Unicode's format characters (general category Cf) and the letters that draw nothing
/// (Hangul fillers, the braille blank).
fn is_format_or_filler(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{2800}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}'
        | '\u{FEFF}' | '\u{FFA0}' | '\u{FFF9}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}'
        | '\u{E0000}'..='\u{E0FFF}' | '\u{0600}'..='\u{0605}' | '\u{06DD}' | '\u{070F}'
        | '\u{08E2}' | '\u{110BD}' | '\u{110CD}' | '\u{1BCA0}'..='\u{1BCA3}')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether the parse shows a visible character: [`shows_text`] without its
    /// shortcuts.
    fn parse_shows_text(markdown: &str) -> bool {
        Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH).any(|event| match event {
            Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) => {
                t.chars().any(is_visible)
            }
            _ => false,
        })
    }

    proptest::proptest! {
        /// A unit that starts with a letter shows it, as its parse says, whatever markup,
        /// blank characters, HTML or lines follow.
        #[test]
        fn a_letter_first_shows_as_the_parse_says(
            text in r"[aé注\u{3164}\u{2800}ـ][a <>!\-*_`~\[\]()#=&;\n\u{200B}\u{00A0}]{0,30}"
        ) {
            proptest::prop_assert_eq!(shows_text(&text), parse_shows_text(&text));
        }
    }

    #[test]
    fn text_shows() {
        for shown in [
            "Aviso",
            "`x`",
            "**Nota:** sí",
            "<b>",
            "٢",
            "注意",
            "a\u{200B}",
        ] {
            assert!(shows_text(shown), "{shown:?}");
        }
    }

    #[test]
    fn nothing_visible_shows_nothing() {
        for empty in [
            "",
            "   ",
            "\u{00A0}",
            "&nbsp;",
            "&#8203;",
            "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}",
            "\u{202E}\u{2066}\u{2069}\u{200E}",
            "**\u{200B}**",
            "*\u{200B}*",
            "[\u{3164}](https://example.org/)",
            "\u{00AD}\u{115F}\u{2800}",
            // Found by fuzzing: strikethrough around nothing visible.
            "~~\u{0}~~\t",
        ] {
            assert!(!shows_text(empty), "{empty:?}");
        }
    }
}
