//! Markdown parity between a reference unit and its translation, and numbers.

use std::collections::BTreeMap;

use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::{Check, Severity};

/// What a unit's inline Markdown carries that a translation must keep.
#[derive(Default)]
struct Inline {
    links: Vec<String>,
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
pub fn strip_bidi_controls(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

/// The links, code spans and emphasis of a unit, read as its page shows it.
fn inline(text: &str) -> Inline {
    let text = strip_bidi_controls(text);
    let mut found = Inline::default();
    let parser = Parser::new_ext(&text, Options::ENABLE_STRIKETHROUGH).into_offset_iter();
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => found.links.push(dest_url.into_string()),
            Event::Code(code) => found.code.push(code.into_string()),
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

/// Whether two units link to the same targets (as a multiset, in any order).
pub fn same_link_targets(reference: &str, translated: &str) -> bool {
    inline(reference).links == inline(translated).links
}

/// Link targets, code spans and emphasis of `translated` against `reference`.
pub fn compare(reference: &str, translated: &str) -> Vec<(Check, Severity, String)> {
    let (reference, translated) = (inline(reference), inline(translated));
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
pub fn missing_numbers(reference: &str, translated: &str) -> Vec<String> {
    let mut available: BTreeMap<String, usize> = BTreeMap::new();
    for (digits, _) in numbers(&inline(translated).prose) {
        *available.entry(digits).or_default() += 1;
    }
    let mut missing = Vec::new();
    for (digits, written) in numbers(&inline(reference).prose) {
        match available.get_mut(&digits) {
            Some(count) if *count > 0 => *count -= 1,
            _ => missing.push(written),
        }
    }
    missing
}

/// Every number in `text`: (its digits in ASCII, as written).
fn numbers(text: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if ascii_digit(chars[i]).is_none() {
            i += 1;
            continue;
        }
        let (mut digits, mut written) = (String::new(), String::new());
        while i < chars.len() {
            if let Some(d) = ascii_digit(chars[i]) {
                digits.push(d);
                written.push(chars[i]);
                i += 1;
            } else if is_group_separator(chars[i])
                && chars.get(i + 1).and_then(|c| ascii_digit(*c)).is_some()
            {
                written.push(chars[i]);
                i += 1;
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
