//! `$variable` and reference analysis of Fluent patterns, selector-aware.

use std::collections::BTreeSet;

use fluent_syntax::ast::{Expression, InlineExpression, Message, Pattern, PatternElement};

/// Most variant combinations analysed per pattern; deeper nesting is not real-world Fluent.
const MAX_PATHS: usize = 256;

/// Whether `pattern` has a placeable: text alone uses no variable.
pub fn has_placeable(pattern: &Pattern<&str>) -> bool {
    pattern
        .elements
        .iter()
        .any(|e| matches!(e, PatternElement::Placeable { .. }))
}

/// Every variable used anywhere in `pattern`, selectors included.
pub fn all<'s>(pattern: &Pattern<&'s str>) -> BTreeSet<&'s str> {
    Ways::of(pattern).all()
}

/// The variables along every way through a pattern: a way through is one choice of
/// variant in every select expression. Found once, asked for both the variables used
/// and those dropped.
pub struct Ways<'s>(Vec<BTreeSet<&'s str>>);

impl<'s> Ways<'s> {
    /// The ways through `pattern`.
    pub fn of(pattern: &Pattern<&'s str>) -> Self {
        Ways(paths(pattern))
    }

    /// Every variable used on some way, selectors included.
    pub fn all(&self) -> BTreeSet<&'s str> {
        self.0.iter().flatten().copied().collect()
    }

    /// The reference's variables (`wanted`) that some way through the translation never
    /// shows. A variable counts as shown on a way if it is used there or is the selector
    /// of a select it passes through, so `{ $count -> [one] one day *[other] { $count }
    /// days }` drops nothing.
    pub fn dropped(&self, wanted: &BTreeSet<&'s str>) -> BTreeSet<&'s str> {
        let mut dropped = BTreeSet::new();
        for path in &self.0 {
            dropped.extend(wanted.difference(path).cloned());
        }
        dropped
    }
}

/// The variables along every way through a pattern.
fn paths<'s>(pattern: &Pattern<&'s str>) -> Vec<BTreeSet<&'s str>> {
    let mut paths = vec![BTreeSet::new()];
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            paths = extend_paths(paths, expression);
        }
    }
    paths
}

fn extend_paths<'s>(
    paths: Vec<BTreeSet<&'s str>>,
    expression: &Expression<&'s str>,
) -> Vec<BTreeSet<&'s str>> {
    match expression {
        Expression::Inline(inline) => {
            let mut used = BTreeSet::new();
            inline_variables(inline, &mut used);
            let nested = match inline {
                InlineExpression::Placeable { expression } => Some(expression),
                _ => None,
            };
            let mut paths: Vec<_> = paths
                .into_iter()
                .map(|mut p| {
                    p.extend(used.iter().cloned());
                    p
                })
                .collect();
            if let Some(expression) = nested {
                paths = extend_paths(paths, expression);
            }
            paths
        }
        Expression::Select { selector, variants } => {
            let mut selector_vars = BTreeSet::new();
            inline_variables(selector, &mut selector_vars);
            let mut result = Vec::new();
            for path in &paths {
                for variant in variants {
                    for variant_path in self::paths(&variant.value) {
                        if result.len() >= MAX_PATHS {
                            return result;
                        }
                        let mut combined = path.clone();
                        combined.extend(selector_vars.iter().cloned());
                        combined.extend(variant_path);
                        result.push(combined);
                    }
                }
            }
            result
        }
    }
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
