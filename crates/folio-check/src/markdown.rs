//! Markdown parity between a reference unit and its translation, and numbers.

use std::borrow::Cow;
use std::collections::BTreeMap;

use folio_track::is_plain;
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::{Check, Severity};

/// What a unit's inline Markdown carries that a translation must keep; read once per
/// text and shared by the parity and number checks.
#[derive(Default)]
pub(crate) struct Inline {
    links: Vec<String>,
    /// The inline HTML tags, normalised (see [`tag_signature`]), in order.
    tags: Vec<String>,
    code: Vec<String>,
    /// `*` delimiters left unpaired (shown as literal text), not counting `\*`.
    stray_stars: usize,
    /// The prose (text outside code and link targets), for numbers.
    prose: String,
}

/// Removes the bidi controls that embed, override or isolate (U+202A–U+202E,
/// U+2066–U+2069): in a translation they could reorder the text around them, so pages
/// never carry them (their `dir` and `lang` carry direction), and the checks read a
/// translation as the page will show it — a control splitting `<https://…>` must not
/// hide a link from the checks that the page would then render.
pub fn strip_bidi_controls(text: &str) -> Cow<'_, str> {
    if has_bidi_control(text) {
        Cow::Owned(text.chars().filter(|c| !is_bidi_control(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `c` is one of the bidi controls [`strip_bidi_controls`] removes.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` holds a bidi control, looked for by its UTF-8 lead byte (0xE2, which
/// starts every character from U+2000 to U+2FFF) rather than character by character:
/// every unit of every page is asked.
fn has_bidi_control(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(0xE2, bytes).any(|at| {
        matches!(
            bytes.get(at + 1..at + 3),
            Some([0x80, 0xAA..=0xAE] | [0x81, 0xA6..=0xA9])
        )
    })
}

/// Text that is not Markdown (an application's strings), for the number check alone:
/// all of it is prose.
pub(crate) fn not_markdown(text: &str) -> Inline {
    Inline {
        prose: text.to_owned(),
        ..Inline::default()
    }
}

/// The links, code spans and emphasis of a unit, read as its page shows it.
pub(crate) fn inline(text: &str) -> Inline {
    let text = strip_bidi_controls(text);
    if is_plain(&text) {
        // The text and a space, as a parse would give it; without `format!`'s machinery.
        let mut prose = String::with_capacity(text.len() + 1);
        prose.push_str(&text);
        prose.push(' ');
        return Inline {
            prose,
            ..Inline::default()
        };
    }
    parse_inline(&text)
}

/// [`inline`] by a full Markdown parse.
fn parse_inline(text: &str) -> Inline {
    let mut found = Inline::default();
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter();
    for (event, range) in parser {
        match event {
            // An image's source is a target too: the page shows the English's, by position,
            // so a translation must keep every image where the English has one.
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                found.links.push(dest_url.into_string())
            }
            Event::Code(code) => found.code.push(code.into_string()),
            Event::InlineHtml(html) | Event::Html(html)
                if !html.trim_start().starts_with("<!--") =>
            {
                found.tags.push(tag_signature(&html))
            }
            Event::Text(prose) => {
                // A `*` reaching the text is literal: escaped (`\*`), or a delimiter that
                // found no partner. Only the latter is a mistake.
                let unescaped = text[range.clone()]
                    .match_indices('*')
                    .filter(|(i, _)| !text[..range.start + i].ends_with('\\'))
                    .count();
                found.stray_stars += unescaped;
                found.prose.push_str(&prose);
                found.prose.push(' ');
            }
            _ => {}
        }
    }
    found.links.sort();
    found.code.sort();
    found
}

/// A unit's text as a page shows it, for reading its words and counting its characters:
/// the text and code of its inline Markdown (emphasis markers, HTML tags and link targets
/// gone, a line break read as a space), without the invisible characters a word could
/// hide behind or be split by (zero-width spaces and joiners, soft hyphens, bidi
/// controls, the BOM). It remembers where each piece came from in the unit's text.
#[derive(Debug, Default)]
pub(crate) struct Visible {
    /// The text a reader sees.
    pub(crate) text: String,
    /// Where each run of `text` starts, in order.
    pieces: Vec<Piece>,
}

/// One run of [`Visible::text`] and its origin in the unit's text.
#[derive(Debug)]
struct Piece {
    /// Where the run starts in the visible text.
    at: usize,
    /// Where it comes from in the unit's text.
    from: usize,
    /// Whether the run is the unit's text byte for byte from there (not an entity, an
    /// escape or a line break read as a space), so offsets inside it map one to one.
    exact: bool,
}

impl Visible {
    /// The offset in the unit's text of byte `at` of the visible text: exact inside a
    /// run copied from it, the run's origin otherwise.
    pub(crate) fn unit_offset(&self, at: usize) -> usize {
        let index = self.pieces.partition_point(|p| p.at <= at);
        let Some(piece) = index.checked_sub(1).map(|i| &self.pieces[i]) else {
            return 0;
        };
        if piece.exact {
            piece.from + (at - piece.at)
        } else {
            piece.from
        }
    }

    /// Appends `shown`, which comes from `from` in the unit's text, leaving out the
    /// invisible characters.
    fn push(&mut self, shown: &str, from: usize, exact: bool) {
        let mut run_start = 0;
        // Every invisible character's UTF-8 starts with one of these bytes, which are
        // never inside a character: a byte scan finds the few places to look at.
        for at in memchr::memchr3_iter(0xC2, 0xE2, 0xEF, shown.as_bytes()) {
            let Some(c) = shown[at..].chars().next().filter(|&c| is_invisible(c)) else {
                continue;
            };
            self.push_run(&shown[run_start..at], from, run_start, exact);
            run_start = at + c.len_utf8();
        }
        self.push_run(&shown[run_start..], from, run_start, exact);
    }

    /// Appends `run` (visible), which starts at byte `start` of a text from `from`.
    fn push_run(&mut self, run: &str, from: usize, start: usize, exact: bool) {
        if run.is_empty() {
            return;
        }
        self.pieces.push(Piece {
            at: self.text.len(),
            from: if exact { from + start } else { from },
            exact,
        });
        self.text.push_str(run);
    }
}

/// Characters that show nothing and join or split nothing a reader sees.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}'
        | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// [`Visible`] text of a unit's inline Markdown.
pub(crate) fn visible(text: &str) -> Visible {
    let mut shown = Visible::default();
    if is_plain(text) {
        shown.push(text, 0, true);
        return shown;
    }
    let parser = Parser::new_ext(text, Options::ENABLE_STRIKETHROUGH).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Text(prose) => {
                let exact = text[range.clone()] == *prose;
                shown.push(&prose, range.start, exact);
            }
            Event::Code(code) => match text[range.clone()].find(&*code) {
                Some(inner) => shown.push(&code, range.start + inner, true),
                None => shown.push(&code, range.start, false),
            },
            Event::SoftBreak | Event::HardBreak => shown.push(" ", range.start, false),
            _ => {}
        }
    }
    shown
}

/// Whether two units link to the same targets (as a multiset, in any order).
pub fn same_link_targets(reference: &str, translated: &str) -> bool {
    inline(reference).links == inline(translated).links
}

/// Link targets, code spans and emphasis of `translated` against `reference`.
pub(crate) fn compare(reference: &Inline, translated: &Inline) -> Vec<(Check, Severity, String)> {
    let mut problems = Vec::new();
    if reference.links != translated.links {
        problems.push((
            Check::LinkMismatch,
            Severity::Error,
            format!(
                "link targets differ: the reference has {}, the translation {}",
                list(&reference.links),
                list(&translated.links)
            ),
        ));
    }
    if reference.tags != translated.tags {
        problems.push((
            Check::TagMismatch,
            Severity::Error,
            format!(
                "HTML tags differ from the reference's (elements, order, attributes; `alt`, \
                 `title` and `aria-label` may be translated): the reference has {}, the \
                 translation {}",
                list(&reference.tags),
                list(&translated.tags)
            ),
        ));
    }
    if reference.code != translated.code {
        problems.push((
            Check::CodeMismatch,
            Severity::Error,
            format!(
                "inline code differs: the reference has {}, the translation {}",
                list(&reference.code),
                list(&translated.code)
            ),
        ));
    }
    if translated.stray_stars > reference.stray_stars {
        problems.push((
            Check::UnbalancedEmphasis,
            Severity::Error,
            "emphasis markers (`*`, `**`) do not pair up; they would show as asterisks".to_owned(),
        ));
    }
    problems
}

/// Attributes whose values are text for a reader, translated like the unit's text.
const TEXT_ATTRIBUTES: &[&str] = &["alt", "title", "aria-label"];

/// A tag as compared: `</name>`, or `<name a="v" …>` with attributes sorted and text
/// attributes left out, read with the HTML parser so quoting and case don't matter.
fn tag_signature(tag: &str) -> String {
    let tag = tag.trim();
    if let Some(name) = tag.strip_prefix("</").and_then(|t| t.strip_suffix('>')) {
        return format!("</{}>", name.trim().to_ascii_lowercase());
    }
    let fragment = scraper::Html::parse_fragment(tag);
    let Some(element) = fragment
        .root_element()
        .children()
        .find_map(scraper::ElementRef::wrap)
    else {
        return tag.to_owned();
    };
    let mut signature = format!("<{}", element.value().name());
    let mut attributes: Vec<_> = element
        .value()
        .attrs()
        .filter(|(name, _)| !TEXT_ATTRIBUTES.contains(name))
        .collect();
    attributes.sort();
    for (name, value) in attributes {
        signature.push_str(&format!(" {name}=\"{value}\""));
    }
    signature.push('>');
    signature
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// The numbers of `reference` (as written there) that `translated` lacks. Numbers are
/// compared by their digits alone, so `1,000`/`1.000`/`1 000`, `2.5`/`2,5` and any
/// script's digits (`٢٫٥`) match.
/// `reference` is [`Inline::numbers`] of the reference, read once for every translation.
pub(crate) fn missing_numbers(reference: &[(String, String)], translated: &Inline) -> Vec<String> {
    let mut missing = Vec::new();
    if reference.is_empty() {
        return missing;
    }
    let mut available: BTreeMap<String, usize> = BTreeMap::new();
    for (digits, _) in numbers(&translated.prose) {
        *available.entry(digits).or_default() += 1;
    }
    for (digits, written) in reference.iter().cloned() {
        match available.get_mut(&digits) {
            Some(count) if *count > 0 => *count -= 1,
            _ => missing.push(written),
        }
    }
    missing
}

impl Inline {
    /// Every number of the prose: (its digits in ASCII, as written).
    pub(crate) fn numbers(&self) -> Vec<(String, String)> {
        numbers(&self.prose)
    }
}

/// Every number in `text`: (its digits in ASCII, as written).
fn numbers(text: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    // Most text has no digit, and its bytes say so at a glance: every digit `ascii_digit`
    // knows is an ASCII digit or starts with one of these UTF-8 lead bytes (U+06xx,
    // U+09xx, U+FFxx).
    if !text
        .bytes()
        .any(|b| b.is_ascii_digit() || matches!(b, 0xD9 | 0xDB | 0xE0 | 0xEF))
    {
        return found;
    }
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(first) = ascii_digit(c) else {
            continue;
        };
        let (mut digits, mut written) = (String::from(first), String::from(c));
        while let Some(&next) = chars.peek() {
            if let Some(d) = ascii_digit(next) {
                digits.push(d);
                written.push(next);
                chars.next();
            } else if is_group_separator(next)
                && chars.clone().nth(1).and_then(ascii_digit).is_some()
            {
                written.push(next);
                chars.next();
            } else {
                break;
            }
        }
        found.push((digits, written));
    }
    found
}

/// Separators inside a number: decimal and thousands marks of any locale (not a plain
/// space, which separates words).
fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        '.' | ',' | '\'' | '\u{066B}' | '\u{066C}' | '\u{00A0}' | '\u{202F}' | '\u{2009}'
    )
}

/// The ASCII digit of a decimal digit in any common script.
fn ascii_digit(c: char) -> Option<char> {
    if c < '\u{0660}' {
        return c.is_ascii_digit().then_some(c);
    }
    let zero = match c {
        '0'..='9' => '0',
        '\u{0660}'..='\u{0669}' => '\u{0660}',
        '\u{06F0}'..='\u{06F9}' => '\u{06F0}',
        '\u{0966}'..='\u{096F}' => '\u{0966}',
        '\u{09E6}'..='\u{09EF}' => '\u{09E6}',
        '\u{FF10}'..='\u{FF19}' => '\u{FF10}',
        _ => return None,
    };
    char::from_digit(c as u32 - zero as u32, 10)
}

#[cfg(test)]
mod tag_tests {
    use super::*;

    fn checks(reference: &str, translated: &str) -> Vec<Check> {
        compare(&inline(reference), &inline(translated))
            .into_iter()
            .map(|(check, _, _)| check)
            .collect()
    }

    #[test]
    fn tags_must_be_the_references_but_for_text_attributes() {
        let en = r#"Call <a href="tel:1" class=x>us</a> <img src="a.png" alt="A cat">."#;
        assert_eq!(
            checks(
                en,
                r#"Llame<a class="x" href='tel:1'>nos</a> <img alt="Un gato" src="a.png">."#
            ),
            []
        );
        assert_eq!(
            checks(
                en,
                r#"Llame <a href="tel:2" class=x>nos</a> <img src="a.png" alt="A">."#
            ),
            [Check::TagMismatch]
        );
        assert_eq!(checks(en, "Llámenos."), [Check::TagMismatch]);
        assert_eq!(
            checks("<b>x</b> <i>y</i>", "<i>y</i> <b>x</b>"),
            [Check::TagMismatch]
        );
        // Comments are not markup a reader sees.
        assert_eq!(checks("x <!-- n -->", "y"), []);
        // An image dropped or pointed elsewhere is a target that differs.
        assert_eq!(checks("![A cat](c.png) x", "![Un gato](c.png) y"), []);
        assert_eq!(checks("![A cat](c.png) x", "y"), [Check::LinkMismatch]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The controls are found by their bytes exactly when a character is one, next
        /// to the other characters that start with the same byte (punctuation, arrows,
        /// the isolates' neighbours U+2065 and U+206A).
        #[test]
        fn bidi_controls_are_found_by_their_bytes(
            text in "[a\u{2029}-\u{202F}\u{2064}-\u{206A}—“…→€é]{0,12}"
        ) {
            proptest::prop_assert_eq!(has_bidi_control(&text), text.contains(is_bidi_control));
        }
    }

    proptest::proptest! {
        /// Text taken as plain reads exactly as the Markdown parse reads it.
        #[test]
        fn plain_text_reads_as_its_parse(
            text in "[a-zA-Z0-9 .,;:'\"?()/%$#{}=+|@^éß漢٣\u{a0}\t-]{0,40}"
        ) {
            if is_plain(&text) {
                let parsed = parse_inline(&text);
                proptest::prop_assert_eq!(format!("{text} "), parsed.prose);
                proptest::prop_assert!(parsed.links.is_empty() && parsed.code.is_empty());
                proptest::prop_assert!(parsed.tags.is_empty() && parsed.stray_stars == 0);
            }
        }
    }

    #[test]
    fn block_starters_and_markup_are_not_plain() {
        for text in [
            "1. one",
            "# h",
            "- a",
            "> q",
            "a *b*",
            "a\\\nb",
            " lead",
            "trail ",
            "",
            "a <b>",
            "x &amp; y",
        ] {
            assert!(!is_plain(text), "{text:?}");
        }
        assert!(is_plain("Myeloma affects 10% of patients (2024 figures)."));
    }

    #[test]
    fn visible_text_is_what_a_page_shows_and_maps_back() {
        let unit = "El **mieloma** [múlti\u{200B}ple](https://x.org/) y `CAR-T`\\\nhoy &amp; <b>mañana</b>.";
        let shown = visible(unit);
        assert_eq!(shown.text, "El mieloma múltiple y CAR-T hoy & mañana.");
        for word in ["mieloma", "múlti", "ple", "CAR-T", "hoy", "mañana"] {
            let at = shown.text.find(word).unwrap();
            assert!(unit[shown.unit_offset(at)..].starts_with(word), "{word}");
        }
        assert_eq!(visible("Plain \u{00AD}text").text, "Plain text");
        // Invisible characters at the ends, side by side, and beside ones that are not
        // (a no-break space, `«`, `’`, a fullwidth comma, which share their first byte).
        let unit = "\u{FEFF}\u{200B}a\u{A0}«b»\u{2066}\u{2069}c’d，e\u{AD}";
        let shown = visible(unit);
        assert_eq!(shown.text, "a\u{A0}«b»c’d，e");
        for word in ["a", "«b»", "c’d", "，e"] {
            let at = shown.text.find(word).unwrap();
            assert!(unit[shown.unit_offset(at)..].starts_with(word), "{word}");
        }
    }

    #[test]
    fn every_invisible_character_starts_with_a_byte_the_scan_looks_for() {
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_invisible(c))
        {
            let first = c.to_string().as_bytes()[0];
            assert!(matches!(first, 0xC2 | 0xE2 | 0xEF), "{c:?}");
        }
    }
}
