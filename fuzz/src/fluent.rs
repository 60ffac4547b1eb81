//! Oracles for Fluent text: the round trip of generated English, and positions that
//! point inside the text they claim to.

use fluent_bundle::{FluentBundle, FluentResource};
use folio_ftl::{parse_ftl, plain_text};
use folio_model::Unit;

/// Asserts ARCHITECTURE's round trip for `ftl`, the file generated from `units`: it
/// parses without Junk (fluent-bundle and `folio_ftl::parse_ftl` alike), holds exactly
/// the units' ids in order, and each message formats with fluent-bundle (isolation off)
/// to exactly its unit's text and reads back through `plain_text` (how `extract` reads
/// the previous English) as that text too.
pub fn assert_round_trip(ftl: &str, units: &[(Option<String>, Unit)]) {
    let resource = FluentResource::try_new(ftl.to_owned())
        .unwrap_or_else(|(_, errors)| panic!("generated .ftl has Junk: {errors:?}\n{ftl}"));
    let mut bundle = FluentBundle::<FluentResource>::default();
    bundle.set_use_isolating(false);
    if let Err(errors) = bundle.add_resource(resource) {
        panic!("generated .ftl does not load: {errors:?}\n{ftl}");
    }
    let parsed = parse_ftl(ftl);
    assert!(parsed.errors.is_empty(), "{:?}\n{ftl}", parsed.errors);
    let ids: Vec<&str> = parsed.messages.iter().map(|m| m.id).collect();
    let expected: Vec<&str> = units.iter().map(|(_, u)| u.id.as_str()).collect();
    assert_eq!(ids, expected, "message ids of the generated .ftl\n{ftl}");
    for ((_, unit), message) in units.iter().zip(&parsed.messages) {
        let pattern = bundle
            .get_message(unit.id.as_str())
            .and_then(|m| m.value())
            .unwrap_or_else(|| panic!("`{}` has no value\n{ftl}", unit.id));
        let mut errors = Vec::new();
        let formatted = bundle.format_pattern(pattern, None, &mut errors);
        assert!(errors.is_empty(), "`{}`: {errors:?}\n{ftl}", unit.id);
        assert_eq!(
            formatted, unit.text,
            "`{}` does not format back\n{ftl}",
            unit.id
        );
        let value = message.ast.value.as_ref().expect("checked above");
        assert_eq!(
            plain_text(value),
            unit.text,
            "`{}` does not read back\n{ftl}",
            unit.id
        );
    }
}

/// Asserts that `offset`, `line` and `column` (1-based, column in characters) describe
/// the same place of `text`, and that the place is inside it: the offset on a character
/// boundary, the line one of the text's, the column at most one past its last character.
pub fn assert_position(text: &str, offset: usize, line: usize, column: usize, what: &str) {
    assert!(
        offset <= text.len() && text.is_char_boundary(offset),
        "{what}: offset {offset} is not a character boundary of a {}-byte text",
        text.len()
    );
    let before = &text[..offset];
    let expected_line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let expected_column = text[line_start..offset].chars().count() + 1;
    assert_eq!(
        (line, column),
        (expected_line, expected_column),
        "{what}: line:column do not match offset {offset}"
    );
    assert_line(text, line, what);
}

/// Asserts that 1-based `line` is a line of `text` (a text of n line breaks has n + 1).
pub fn assert_line(text: &str, line: usize, what: &str) {
    let lines = text.matches('\n').count() + 1;
    assert!(
        (1..=lines).contains(&line),
        "{what}: line {line} outside a text of {lines} lines"
    );
}

/// Asserts that 1-based `line` and `column` (in characters) are a place of `text`: the
/// line one of the text's, the column at most one past its last character (a `\r`
/// before the line break counts as one).
pub fn assert_line_column(text: &str, line: usize, column: usize, what: &str) {
    assert_line(text, line, what);
    let line_text = text.split('\n').nth(line - 1).expect("line checked");
    let width = line_text.chars().count();
    assert!(
        (1..=width + 1).contains(&column),
        "{what}: column {column} outside line {line} of {width} characters"
    );
}
