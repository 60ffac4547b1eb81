//! `$variable` and reference analysis of Fluent patterns, selector-aware.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Expression, InlineExpression, Message, Pattern, PatternElement};

/// Whether `pattern` has a placeable: text alone uses no variable.
pub fn has_placeable(pattern: &Pattern<&str>) -> bool {
    pattern
        .elements
        .iter()
        .any(|e| matches!(e, PatternElement::Placeable { .. }))
}

/// Every variable used anywhere in `pattern`, selectors and every variant included: the
/// variables used on some way through it (a way is one choice of variant in every
/// select expression).
pub fn all<'s>(pattern: &Pattern<&'s str>) -> BTreeSet<&'s str> {
    let mut found = BTreeSet::new();
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, &mut found);
        }
    }
    found
}

fn expression_variables<'s>(expression: &Expression<&'s str>, found: &mut BTreeSet<&'s str>) {
    match expression {
        Expression::Inline(inline) => {
            inline_variables(inline, found);
            if let InlineExpression::Placeable { expression } = inline {
                expression_variables(expression, found);
            }
        }
        Expression::Select { selector, variants } => {
            inline_variables(selector, found);
            for variant in variants {
                found.extend(all(&variant.value));
            }
        }
    }
}

/// The reference's variables (`wanted`) that some way through `pattern` never shows. A
/// variable counts as shown on a way if it is used there or is the selector of a select
/// it passes through, so `{ $count -> [one] one day *[other] { $count } days }` drops
/// nothing.
///
/// Asked of each variable, not by listing the ways (their number is the product of every
/// select's variants): a way can avoid a variable exactly when every element of the
/// pattern can, and a select can when its selector does not use it and some variant can.
pub fn dropped<'s>(pattern: &Pattern<&'s str>, wanted: &BTreeSet<&'s str>) -> BTreeSet<&'s str> {
    wanted
        .iter()
        .copied()
        .filter(|variable| !always_shows(pattern, variable))
        .collect()
}

/// Whether every way through `pattern` shows `variable`.
fn always_shows(pattern: &Pattern<&str>, variable: &str) -> bool {
    pattern.elements.iter().any(|element| match element {
        PatternElement::Placeable { expression } => expression_always_shows(expression, variable),
        PatternElement::TextElement { .. } => false,
    })
}

fn expression_always_shows(expression: &Expression<&str>, variable: &str) -> bool {
    match expression {
        Expression::Inline(inline) => {
            uses(inline, variable)
                || matches!(inline, InlineExpression::Placeable { expression }
                    if expression_always_shows(expression, variable))
        }
        Expression::Select { selector, variants } => {
            uses(selector, variable) || variants.iter().all(|v| always_shows(&v.value, variable))
        }
    }
}

/// Whether an inline expression uses `variable` (see [`inline_variables`]).
fn uses(inline: &InlineExpression<&str>, variable: &str) -> bool {
    let mut used = BTreeSet::new();
    inline_variables(inline, &mut used);
    used.contains(variable)
}

/// Variables of an inline expression (function arguments included, nested placeables not).
fn inline_variables<'s>(inline: &InlineExpression<&'s str>, out: &mut BTreeSet<&'s str>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name);
        }
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
            for argument in &arguments.named {
                inline_variables(&argument.value, out);
            }
        }
        _ => {}
    }
}

/// Every message id (`name`) and term id (`-name`) a message refers to.
pub fn references(message: &Message<&str>) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let patterns = message
        .value
        .iter()
        .chain(message.attributes.iter().map(|a| &a.value));
    for pattern in patterns {
        pattern_references(pattern, &mut found);
    }
    found
}

fn pattern_references(pattern: &Pattern<&str>, found: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_references(expression, found);
        }
    }
}

fn expression_references(expression: &Expression<&str>, found: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_references(inline, found),
        Expression::Select { selector, variants } => {
            inline_references(selector, found);
            for variant in variants {
                pattern_references(&variant.value, found);
            }
        }
    }
}

fn inline_references(inline: &InlineExpression<&str>, found: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::MessageReference { id, .. } => {
            found.insert(id.name.to_owned());
        }
        InlineExpression::TermReference { id, arguments, .. } => {
            found.insert(format!("-{}", id.name));
            for argument in arguments.iter().flat_map(|a| a.positional.iter()) {
                inline_references(argument, found);
            }
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_references(argument, found);
            }
        }
        InlineExpression::Placeable { expression } => expression_references(expression, found),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Every way through `pattern`, listed: the model [`all`] and [`dropped`] answer
    /// without listing them.
    fn ways<'s>(pattern: &Pattern<&'s str>) -> Vec<BTreeSet<&'s str>> {
        let mut ways = vec![BTreeSet::new()];
        for element in &pattern.elements {
            if let PatternElement::Placeable { expression } = element {
                ways = expression_ways(ways, expression);
            }
        }
        ways
    }

    fn expression_ways<'s>(
        ways: Vec<BTreeSet<&'s str>>,
        expression: &Expression<&'s str>,
    ) -> Vec<BTreeSet<&'s str>> {
        match expression {
            Expression::Inline(inline) => {
                let mut used = BTreeSet::new();
                inline_variables(inline, &mut used);
                let ways = ways
                    .into_iter()
                    .map(|mut way| {
                        way.extend(used.iter().copied());
                        way
                    })
                    .collect();
                match inline {
                    InlineExpression::Placeable { expression } => expression_ways(ways, expression),
                    _ => ways,
                }
            }
            Expression::Select { selector, variants } => {
                let mut selector_variables = BTreeSet::new();
                inline_variables(selector, &mut selector_variables);
                let mut result = Vec::new();
                for way in &ways {
                    for variant in variants {
                        for variant_way in self::tests::ways(&variant.value) {
                            let mut combined = way.clone();
                            combined.extend(selector_variables.iter().copied());
                            combined.extend(variant_way);
                            result.push(combined);
                        }
                    }
                }
                result
            }
        }
    }

    /// A pattern of text, variables (alone, as function arguments, in nested
    /// placeables) and selects nested up to three deep.
    fn pattern_source() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            Just("text ".to_owned()),
            Just("{ $a } ".to_owned()),
            Just("{ $b } ".to_owned()),
            Just("{ NUMBER($c) } ".to_owned()),
            Just("{ DATETIME($d) } ".to_owned()),
            Just("{ { $b } } ".to_owned()),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                proptest::collection::vec(inner.clone(), 1..4).prop_map(|parts| parts.concat()),
                (
                    prop_oneof![Just("$a"), Just("$s"), Just("NUMBER($c)")],
                    inner.clone(),
                    inner
                )
                    .prop_map(|(selector, one, other)| format!(
                        "{{ {selector} ->\n    [one] {one}\n   *[other] {other}\n}} "
                    )),
            ]
        })
    }

    proptest! {
        /// The variables used and dropped are those of the listed ways.
        #[test]
        fn variables_are_those_of_every_way(body in pattern_source()) {
            let source = format!("m = x {body}\n");
            let file = folio_ftl::parse_ftl(&source);
            prop_assert!(file.errors.is_empty(), "{source}: {:?}", file.errors);
            let pattern = file.messages[0].ast.value.as_ref().unwrap();
            let listed = ways(pattern);
            let used: BTreeSet<&str> = listed.iter().flatten().copied().collect();
            prop_assert_eq!(all(pattern), used);
            let wanted: BTreeSet<&str> = ["a", "b", "c", "d", "s", "z"].into();
            let mut expected = BTreeSet::new();
            for way in &listed {
                expected.extend(wanted.difference(way).copied());
            }
            prop_assert_eq!(dropped(pattern, &wanted), expected);
        }
    }
}
