//! Units → canonical `.ftl` text.

use fluent_syntax::ast::{
    Comment, Entry, Expression, Identifier, InlineExpression, Message, Pattern, PatternElement,
    Resource,
};
use folio_model::Unit;

/// What to write into one generated `.ftl` file.
#[derive(Debug, Clone, Copy)]
pub struct UnitFile<'a> {
    /// Lines of the resource comment (`###`) at the top of the file.
    pub header: &'a [String],
    /// The units, in file order. A unit whose group (section) differs from the previous
    /// unit's starts a new group comment (`##`).
    pub units: &'a [(Option<String>, Unit)],
}

/// Serializes `file` with the fluent-syntax serializer: a resource comment, then each
/// unit as a message whose comment is the unit's context, grouped by section.
///
/// Invariant (tested): parsing the output gives no Junk, and formatting each message with
/// fluent-bundle (isolation off) gives back the unit's text exactly.
pub fn write_units(file: UnitFile<'_>) -> String {
    let mut body = Vec::new();
    if !file.header.is_empty() {
        body.push(Entry::ResourceComment(Comment {
            content: file.header.to_vec(),
        }));
    }
    let mut group: Option<&Option<String>> = None;
    for (unit_group, unit) in file.units {
        if group != Some(unit_group) {
            if let Some(name) = unit_group {
                body.push(Entry::GroupComment(Comment {
                    content: vec![name.clone()],
                }));
            }
            group = Some(unit_group);
        }
        body.push(Entry::Message(Message {
            id: Identifier {
                name: unit.id.as_str().to_owned(),
            },
            value: Some(encode_pattern(&unit.text)),
            attributes: Vec::new(),
            comment: Some(Comment {
                content: vec![unit.context.clone()],
            }),
        }));
    }
    fluent_syntax::serializer::serialize(&Resource { body })
}

/// One message `id = text` in the serializer's normal form, ending in a newline, with no
/// comment: what `folio sync` inserts into a translator's file (textually, so every other
/// byte of it stays).
pub fn message_text(id: &str, text: &str) -> String {
    let message = Entry::Message(Message {
        id: Identifier {
            name: id.to_owned(),
        },
        value: Some(encode_pattern(text)),
        attributes: Vec::new(),
        comment: None,
    });
    fluent_syntax::serializer::serialize(&Resource {
        body: vec![message],
    })
}

/// fluent-bundle formats at most this many placeables in one pattern (its guard against
/// exponential expansion) and reports an error past it.
const MAX_PLACEABLES: usize = 100;

/// Builds the Fluent pattern whose formatted value is exactly `text`.
///
/// Characters Fluent would read as syntax become string-literal placeables (`{"{"}`):
/// every `{` and `}`, and a `[`, `*` or `.` that starts a line of a multiline value.
/// Each line is its own text element ending in its newline, because the serializer
/// indents only at the start of an element. `text` must not have leading or trailing
/// whitespace on any line, nor blank lines: Fluent would strip them.
///
/// A text that would need more placeables than fluent-bundle formats (over 100 syntax
/// characters) is written instead as one string literal, `"` and `\` escaped and line
/// breaks as `\u000A`: unreadable, but it formats back exactly.
pub fn encode_pattern(text: &str) -> Pattern<String> {
    let pattern = encode_syntax_characters(text);
    let placeables = pattern
        .elements
        .iter()
        .filter(|e| matches!(e, PatternElement::Placeable { .. }))
        .count();
    if placeables <= MAX_PLACEABLES {
        return pattern;
    }
    let mut literal = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '"' => literal.push_str("\\\""),
            '\\' => literal.push_str("\\\\"),
            '\n' => literal.push_str("\\u000A"),
            '\r' => literal.push_str("\\u000D"),
            ch => literal.push(ch),
        }
    }
    Pattern {
        elements: vec![PatternElement::Placeable {
            expression: Expression::Inline(InlineExpression::StringLiteral { value: literal }),
        }],
    }
}

/// One string-literal placeable per syntax character, the rest as text.
fn encode_syntax_characters(text: &str) -> Pattern<String> {
    let multiline = text.contains('\n');
    let mut elements = Vec::new();
    let mut pending = String::new();
    let mut at_line_start = true;
    for ch in text.chars() {
        let special = matches!(ch, '{' | '}')
            || (multiline && at_line_start && matches!(ch, '[' | '*' | '.'));
        if special {
            if !pending.is_empty() {
                elements.push(text_element(std::mem::take(&mut pending)));
            }
            elements.push(PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral {
                    value: ch.to_string(),
                }),
            });
        } else {
            pending.push(ch);
            if ch == '\n' {
                elements.push(text_element(std::mem::take(&mut pending)));
            }
        }
        at_line_start = ch == '\n';
    }
    if !pending.is_empty() {
        elements.push(text_element(pending));
    }
    Pattern { elements }
}

fn text_element(value: String) -> PatternElement<String> {
    PatternElement::TextElement { value }
}

#[cfg(test)]
// The tests hold Folio's reading to fluent-syntax's and fluent-bundle's own.
#[allow(clippy::disallowed_methods)]
mod tests {
    use fluent_bundle::{FluentBundle, FluentResource};
    use folio_model::{UnitId, UnitKind};

    use super::*;

    fn unit(id: &str, text: &str) -> (Option<String>, Unit) {
        let unit = Unit {
            id: UnitId::new(id).unwrap(),
            kind: UnitKind::Paragraph,
            text: text.to_owned(),
            context: format!("Context of {id}"),
        };
        (Some("Section".to_owned()), unit)
    }

    /// Serializes `texts` as units, parses the result strictly and formats every message
    /// with fluent-bundle: each must come back unchanged.
    fn check_round_trip(texts: &[&str]) {
        let units: Vec<_> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| unit(&format!("u{i}"), text))
            .collect();
        let header = vec!["Generated.".to_owned()];
        let ftl = write_units(UnitFile {
            header: &header,
            units: &units,
        });
        let resource = FluentResource::try_new(ftl.clone())
            .unwrap_or_else(|(_, errors)| panic!("{errors:?} in\n{ftl}"));
        let mut bundle = FluentBundle::default();
        bundle.set_use_isolating(false);
        bundle.add_resource(resource).unwrap();
        for (i, text) in texts.iter().enumerate() {
            let message = bundle.get_message(&format!("u{i}")).unwrap();
            let mut errors = Vec::new();
            let value = bundle.format_pattern(message.value().unwrap(), None, &mut errors);
            assert!(errors.is_empty(), "{errors:?}");
            assert_eq!(value, *text, "in\n{ftl}");
        }
    }

    #[test]
    fn plain_and_markdown_text_round_trips() {
        check_round_trip(&[
            "Plain text.",
            "**Bold:** then *emphasis*, `code` and [a link](https://example.org/a_b?c=d).",
            "[Starts with a link](https://example.org) and ends.",
            "* starts with a star",
            ". starts with a dot",
            "Ünïcödé — “quotes” and العربية",
            "Backslash \\ and \"quotes\" stay literal.",
        ]);
    }

    #[test]
    fn braces_become_string_literals() {
        check_round_trip(&[
            "Use {braces} and }{ in text",
            "{",
            "}",
            "{$var}",
            "a {{ b }} c",
        ]);
        let ftl = write_units(UnitFile {
            header: &[],
            units: &[unit("u", "a {b}")],
        });
        assert!(ftl.contains(r#"u = a { "{" }b{ "}" }"#), "{ftl}");
    }

    #[test]
    fn multiline_values_escape_line_starts() {
        check_round_trip(&[
            "First line\\\nsecond line",
            "line\\\n[bracket\\\n*star\\\n.dot",
            "[first\\\nsecond",
            ".first\\\n{second}",
        ]);
    }

    /// Found by fuzzing: fluent-bundle formats at most 100 placeables in a pattern, so a
    /// unit with more braces than that did not format back (`TooManyPlaceables`).
    #[test]
    fn many_braces_still_round_trip() {
        let braces = "{}".repeat(60);
        check_round_trip(&[
            &braces,
            &format!("a {braces} \"quoted\" and \\ back\\slash"),
            &format!("line {braces}\\\n.second\\\n[third"),
            "{x} ".repeat(50).trim_end(),
        ]);
        let ftl = write_units(UnitFile {
            header: &[],
            units: &[unit("u", &format!("\"{braces}"))],
        });
        assert!(
            ftl.contains(&format!("u = {{ \"\\\"{braces}\" }}")),
            "{ftl}"
        );
    }

    #[test]
    fn groups_follow_sections() {
        let mut units = vec![unit("a", "A"), unit("b", "B")];
        units[1].0 = Some("Other".to_owned());
        let ftl = write_units(UnitFile {
            header: &[],
            units: &units,
        });
        assert_eq!(
            ftl,
            "## Section\n\n# Context of a\na = A\n\n## Other\n\n# Context of b\nb = B\n"
        );
    }
}
