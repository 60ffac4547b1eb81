//! Folio's quality checks: one translated `.ftl` file against its reference, message by
//! message, returning [`Finding`]s with positions.
//!
//! The checks are those a reviewer of medical translations needs and compare-locales
//! lacks: syntax errors, duplicate ids, messages without a value, selector-aware
//! `$variable` parity, unresolved message and term references, Markdown parity (link
//! targets, code spans, balanced emphasis), numbers that must survive translation, and
//! text left identical to the English; and the editorial checks of a workspace: the
//! termbase's `terminology` ([`Termbase`]) and the `length` of units search engines cut
//! short ([`LengthLimits`]). Pure: parsed files in, findings out. Coverage and thresholds
//! are the caller's (they need the tracker's statuses); reading the termbase is too.

mod length;
mod markdown;
mod terminology;
mod variables;

pub use length::LengthLimits;
pub use markdown::{same_link_targets, strip_bidi_controls};
pub use terminology::{TermSeverities, Termbase};

use std::borrow::Cow;
use std::collections::BTreeSet;

use foldhash::{HashMap, HashMapExt};

use fluent_syntax::ast::{Message, Pattern};
use folio_ftl::{FtlFile, plain_text, source_offset};
use folio_track::is_untranslated;
use serde::{Deserialize, Serialize};

/// How bad a finding is. Errors fail `folio check`; warnings are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Over the bar: the translation is broken or wrong.
    Error,
    /// Worth a look: the translation may be wrong.
    Warning,
}

/// Which check produced a finding; its kebab-case name is stable (JSON, GitHub titles).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Check {
    /// A Fluent syntax error (Junk).
    Syntax,
    /// The same id twice in one file.
    DuplicateId,
    /// A message with attributes but no value, where the reference has a value.
    NoValue,
    /// An attribute the reference has and the translation lacks, or the reverse; or a
    /// value where the reference has only attributes.
    AttributeMismatch,
    /// A `$variable` the reference does not have.
    UnknownVariable,
    /// A `$variable` of the reference missing from some variant of the translation.
    DroppedVariable,
    /// A message or term reference that resolves to nothing.
    UnresolvedReference,
    /// The message fails to format (a reference cycle, too many placeables): a page
    /// would show a fallback instead.
    DoesNotFormat,
    /// The translation shows no text: empty, whitespace or invisible characters only.
    EmptyTranslation,
    /// Link targets differ from the reference's.
    LinkMismatch,
    /// Inline code differs from the reference's.
    CodeMismatch,
    /// The author's inline HTML tags differ from the reference's: elements, order or
    /// attributes (but for `alt`, `title` and `aria-label`, which are text).
    TagMismatch,
    /// Emphasis markers that do not pair up.
    UnbalancedEmphasis,
    /// A number of the reference is missing.
    MissingNumber,
    /// The translation is the reference text, unchanged.
    IdenticalToReference,
    /// A disclaimer unit is not publishable: missing, stale, invalid, untranslated, empty,
    /// or with an error finding.
    DisclaimerNotCurrent,
    /// Coverage is under the threshold, or stale units are not allowed.
    Coverage,
    /// Units of the reference with no translation in the file (one finding per file).
    MissingUnit,
    /// A translation whose reference text changed since it was confirmed.
    StaleUnit,
    /// A translation that is still the reference text.
    UntranslatedUnit,
    /// A translation whose id the reference does not have: a mistyped id, or a unit the
    /// reference no longer has.
    ObsoleteUnit,
    /// A term of the English without an approved rendering in the translation, or with a
    /// forbidden variant.
    Terminology,
    /// A unit longer than its limit (the title, the meta description).
    Length,
}

impl Check {
    /// The stable kebab-case name.
    pub fn name(self) -> &'static str {
        match self {
            Check::Syntax => "syntax",
            Check::DuplicateId => "duplicate-id",
            Check::NoValue => "no-value",
            Check::AttributeMismatch => "attribute-mismatch",
            Check::UnknownVariable => "unknown-variable",
            Check::DroppedVariable => "dropped-variable",
            Check::UnresolvedReference => "unresolved-reference",
            Check::DoesNotFormat => "does-not-format",
            Check::EmptyTranslation => "empty-translation",
            Check::LinkMismatch => "link-mismatch",
            Check::TagMismatch => "tag-mismatch",
            Check::CodeMismatch => "code-mismatch",
            Check::UnbalancedEmphasis => "unbalanced-emphasis",
            Check::MissingNumber => "missing-number",
            Check::IdenticalToReference => "identical-to-reference",
            Check::DisclaimerNotCurrent => "disclaimer-not-current",
            Check::Coverage => "coverage",
            Check::MissingUnit => "missing-unit",
            Check::StaleUnit => "stale-unit",
            Check::UntranslatedUnit => "untranslated-unit",
            Check::ObsoleteUnit => "obsolete-unit",
            Check::Terminology => "terminology",
            Check::Length => "length",
        }
    }

    /// Whether an error of this check keeps the unit off a page. The editorial checks
    /// (`terminology`, `length`) fail `folio check` but do not: a paragraph left in
    /// English is worse for a reader than one with an off-term word or a long meta
    /// description.
    pub fn withholds_unit(self) -> bool {
        !matches!(self, Check::Terminology | Check::Length)
    }
}

/// One problem in a translation file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Error or warning.
    pub severity: Severity,
    /// Which check.
    pub check: Check,
    /// The message or term id, when the finding is about one.
    pub id: Option<String>,
    /// Byte offset in the translation file.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What is wrong, in a sentence.
    pub message: String,
}

/// Which checks run: Markdown checks only make sense where values are Markdown (Folio
/// workspaces), not in an application's UI strings.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    /// Link, code span and emphasis parity.
    pub markdown: bool,
    /// Numbers of the reference must appear in the translation.
    pub numbers: bool,
    /// Warn when a translation equals its reference text.
    pub identical: bool,
    /// Words and phrases that stay the same in every language (brand, drug and
    /// organisation names); a translation identical to the reference only because it
    /// consists of these is not reported.
    pub proper_names: Vec<String>,
    /// The termbase the `terminology` check holds translations to; none: no check.
    pub terms: Option<Termbase>,
    /// How terminology findings are reported.
    pub terminology: TermSeverities,
    /// The character limits of the `length` check; none: no check.
    pub length: Option<LengthLimits>,
}

/// Checks `translation` (the text `source` parsed), in `locale` (its BCP 47 tag, which
/// picks the termbase's renderings and the length limits), against `reference`.
///
/// `defined` says whether a message id or a term id (with its `-`) is defined where the
/// translation is used, against which its references are resolved: an article's page is
/// formatted from its own file, an application may load several. Findings come in file
/// order.
pub fn check_file<'s>(
    reference: &Reference<'_, 's>,
    translation: &FtlFile<'s>,
    source: &str,
    locale: &str,
    defined: &dyn Fn(&str) -> bool,
    options: &CheckOptions,
) -> Vec<Finding> {
    // Built at the first finding: most files have none.
    let index = std::cell::OnceCell::new();
    let mut findings = Vec::new();
    let mut push = |severity, check, id: Option<&str>, offset: usize, message: String| {
        let (line, column) = index
            .get_or_init(|| folio_model::LineIndex::new(source))
            .line_col(offset);
        findings.push(Finding {
            severity,
            check,
            id: id.map(str::to_owned),
            offset,
            line,
            column,
            message,
        });
    };

    for error in &translation.errors {
        push(
            Severity::Error,
            Check::Syntax,
            error.entry_id.as_deref(),
            error.offset,
            error.message.clone(),
        );
    }

    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(translation.messages.len());
    // Findings with a place of their own inside a message, pushed after its other ones.
    let mut placed: Vec<(Severity, Check, usize, String)> = Vec::new();
    for message in &translation.messages {
        let id = Some(message.id);
        // Every finding below is about this message, at its id.
        let mut flag =
            |severity, check, text: String| push(severity, check, id, message.offset, text);
        if let Some(first) = seen.insert(message.id, message.line) {
            flag(
                Severity::Error,
                Check::DuplicateId,
                format!(
                    "`{}` is defined twice; the first definition, on line {first}, is the one used",
                    message.id
                ),
            );
            continue;
        }
        for reference_id in variables::references(&message.ast) {
            if !defined(&reference_id) {
                flag(
                    Severity::Error,
                    Check::UnresolvedReference,
                    format!(
                        "`{}` refers to `{reference_id}`, which is not defined where it is used",
                        message.id
                    ),
                );
            }
        }
        let Some(prepared) = reference.messages.get(message.id) else {
            continue;
        };
        let english = prepared.message;
        if english.value.is_some() && message.ast.value.is_none() {
            flag(
                Severity::Error,
                Check::NoValue,
                format!("`{}` has no value, but the reference has one", message.id),
            );
        }
        if english.value.is_none() && message.ast.value.is_some() {
            flag(
                Severity::Error,
                Check::AttributeMismatch,
                format!(
                    "`{}` has a value, but the reference has only attributes",
                    message.id
                ),
            );
        }
        // Most messages have no attributes on either side: nothing to compare.
        if !(english.attributes.is_empty() && message.ast.attributes.is_empty()) {
            let names = |m: &Message<&'s str>| -> BTreeSet<&'s str> {
                m.attributes.iter().map(|a| a.id.name).collect()
            };
            let (english_names, translated_names) = (names(english), names(&message.ast));
            for missing in english_names.difference(&translated_names) {
                flag(
                    Severity::Error,
                    Check::AttributeMismatch,
                    format!(
                        "`{}` lacks the attribute `.{missing}` of the reference",
                        message.id
                    ),
                );
            }
            for extra in translated_names.difference(&english_names) {
                flag(
                    Severity::Error,
                    Check::AttributeMismatch,
                    format!(
                        "`{}` has an attribute `.{extra}` the reference does not have",
                        message.id
                    ),
                );
            }
        }
        for (label, facts, translated) in prepared.pairs(&message.ast) {
            let at = |what: &str| {
                if label.is_empty() {
                    what.to_owned()
                } else {
                    format!("{what} (attribute .{label})")
                }
            };
            // Only placeables hold variables: text alone needs no variable analysis.
            if facts.placeables || variables::has_placeable(translated) {
                for variable in variables::all(translated).difference(&facts.variables) {
                    flag(
                        Severity::Error,
                        Check::UnknownVariable,
                        at(&format!("`${variable}` is not a variable of the reference")),
                    );
                }
                for variable in variables::dropped(translated, &facts.variables) {
                    flag(
                        Severity::Warning,
                        Check::DroppedVariable,
                        at(&format!(
                            "`${variable}` of the reference is missing from the translation"
                        )),
                    );
                }
            }
            // The value's text is the tracker's too: made once per message.
            let translated_text = match (label, message.value_text()) {
                ("", Some(text)) => Cow::Borrowed(text),
                _ => plain_text(translated),
            };
            let translated_inline = facts.read(&translated_text, options);
            if options.markdown {
                for (check, severity, problem) in
                    markdown::compare(&facts.inline, &translated_inline)
                {
                    flag(severity, check, at(&problem));
                }
            }
            if options.numbers {
                for number in markdown::missing_numbers(&facts.numbers, &translated_inline) {
                    flag(
                        Severity::Warning,
                        Check::MissingNumber,
                        at(&format!(
                            "the number {number} of the reference is missing from the translation"
                        )),
                    );
                }
            }
            if options.identical
                && is_untranslated(&facts.text, &translated_text, &options.proper_names)
            {
                flag(
                    Severity::Warning,
                    Check::IdenticalToReference,
                    at("the translation is identical to the reference text"),
                );
            }
            placed.extend(editorial(
                EditorialUnit {
                    id: message.id,
                    label,
                    facts,
                    pattern: translated,
                    text: &translated_text,
                    at: message.offset,
                },
                source,
                locale,
                options,
            ));
        }
        for (severity, check, offset, text) in placed.drain(..) {
            push(severity, check, id, offset, text);
        }
    }
    findings.sort_by_key(|f| (f.offset, f.check));
    findings
}

/// One translated pattern, for the editorial checks.
struct EditorialUnit<'a, 's> {
    id: &'a str,
    /// `""` for the value, else the attribute's name.
    label: &'a str,
    facts: &'a Facts<'s>,
    pattern: &'a Pattern<&'s str>,
    /// The pattern's text.
    text: &'a str,
    /// The message's offset in the file, where a position inside it can't be told.
    at: usize,
}

/// The `terminology` and `length` findings of one translated pattern, each with its
/// offset in the file `source`.
fn editorial(
    unit: EditorialUnit<'_, '_>,
    source: &str,
    locale: &str,
    options: &CheckOptions,
) -> Vec<(Severity, Check, usize, String)> {
    let mut found = Vec::new();
    let terms = options
        .terms
        .as_ref()
        .filter(|termbase| termbase.has_table(&unit.facts.terms, locale));
    let limit = options
        .length
        .as_ref()
        .filter(|_| unit.label.is_empty())
        .and_then(|limits| limits.limit(locale, unit.id));
    if terms.is_none() && limit.is_none() {
        return found;
    }
    let shown = markdown::visible(unit.text);
    let file_offset = |at: usize| source_offset(source, unit.pattern, at, unit.at);
    if let Some(termbase) = terms {
        let words = terminology::words(&shown.text);
        let problems = terminology::check_translation(
            termbase,
            &unit.facts.terms,
            locale,
            &shown.text,
            &words,
            options.terminology,
        );
        for problem in problems {
            let offset = file_offset(shown.unit_offset(problem.at));
            let message = match unit.label {
                "" => problem.message,
                label => format!("{} (attribute .{label})", problem.message),
            };
            found.push((problem.severity, Check::Terminology, offset, message));
        }
    }
    if let Some(limit) = limit {
        let length = shown.text.chars().count();
        if length > limit {
            let message = format!("the translation has {}", length::over_limit(length, limit));
            found.push((Severity::Error, Check::Length, file_offset(0), message));
        }
    }
    found
}

/// A reference file prepared once for checking any number of translations of it (every
/// locale's, in a run): its messages by id, the first definition winning, and for each
/// of their patterns what the checks compare — its text, inline Markdown and variables.
pub struct Reference<'f, 's> {
    /// The parsed file.
    pub file: &'f FtlFile<'s>,
    messages: HashMap<&'s str, Prepared<'f, 's>>,
}

/// One reference message, prepared.
struct Prepared<'f, 's> {
    message: &'f Message<&'s str>,
    /// The value (labelled `""`) and each attribute, by name.
    patterns: Vec<(&'s str, Facts<'s>)>,
}

/// What the checks compare of one reference pattern.
struct Facts<'s> {
    text: Cow<'s, str>,
    inline: markdown::Inline,
    /// The numbers of its prose (empty unless the number check is on).
    numbers: Vec<(String, String)>,
    placeables: bool,
    variables: BTreeSet<&'s str>,
    /// The termbase's terms the text contains.
    terms: Vec<terminology::TermHit>,
}

impl<'f, 's> Reference<'f, 's> {
    /// Prepares `file` for the checks `options` asks for.
    pub fn new(file: &'f FtlFile<'s>, options: &CheckOptions) -> Self {
        let mut messages = HashMap::with_capacity(file.messages.len());
        for message in &file.messages {
            let ast = &message.ast;
            let value = ast.value.iter().map(|v| ("", v));
            let attributes = ast.attributes.iter().map(|a| (a.id.name, &a.value));
            let patterns = value
                .chain(attributes)
                .map(|(label, pattern)| (label, Facts::new(pattern, options)))
                .collect();
            messages.entry(message.id).or_insert(Prepared {
                message: ast,
                patterns,
            });
        }
        Reference { file, messages }
    }
}

/// A reference unit longer than its limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Overlong {
    /// The unit id.
    pub id: String,
    /// Its length, in characters as a page shows them.
    pub length: usize,
    /// The limit.
    pub limit: usize,
    /// The message's byte offset in the reference file.
    pub offset: usize,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl Reference<'_, '_> {
    /// The reference's own units over their limits in `locale` (the reference's tag), in
    /// file order: the English is held to the limits its translations are.
    pub fn overlong(&self, limits: &LengthLimits, locale: &str) -> Vec<Overlong> {
        let mut seen = std::collections::HashSet::new();
        let mut found = Vec::new();
        for message in &self.file.messages {
            if !seen.insert(message.id) {
                continue;
            }
            let (Some(limit), Some(value)) =
                (limits.limit(locale, message.id), message.ast.value.as_ref())
            else {
                continue;
            };
            let length = markdown::visible(&plain_text(value)).text.chars().count();
            if length > limit {
                found.push(Overlong {
                    id: message.id.to_owned(),
                    length,
                    limit,
                    offset: message.offset,
                    message: format!("the English has {}", length::over_limit(length, limit)),
                });
            }
        }
        found
    }
}

impl<'f, 's> Prepared<'f, 's> {
    /// The value and each attribute present in both messages, labelled by attribute name
    /// (`""` for the value), with the reference side's facts.
    fn pairs<'t>(
        &self,
        translated: &'t Message<&'s str>,
    ) -> Vec<(&'s str, &Facts<'s>, &'t Pattern<&'s str>)> {
        let value = translated.value.iter().map(|v| ("", v));
        let attributes = translated.attributes.iter().map(|a| (a.id.name, &a.value));
        value
            .chain(attributes)
            .filter_map(|(label, pattern)| {
                let facts = self.patterns.iter().find(|(l, _)| *l == label)?;
                Some((label, &facts.1, pattern))
            })
            .collect()
    }
}

impl<'s> Facts<'s> {
    fn new(pattern: &Pattern<&'s str>, options: &CheckOptions) -> Self {
        let text = plain_text(pattern);
        let inline = Self::read_with(&text, options);
        let placeables = variables::has_placeable(pattern);
        let terms = options.terms.as_ref().map_or_else(Vec::new, |termbase| {
            termbase.find_english(&terminology::words(&markdown::visible(&text).text))
        });
        Facts {
            numbers: if options.numbers {
                inline.numbers()
            } else {
                Vec::new()
            },
            inline,
            placeables,
            terms,
            variables: if placeables {
                variables::all(pattern)
            } else {
                BTreeSet::new()
            },
            text,
        }
    }

    /// A translation's text read as this reference text is: Markdown, or (for the number
    /// check alone) plain prose.
    fn read(&self, text: &str, options: &CheckOptions) -> markdown::Inline {
        // Without Markdown, only numbers are read, and only the reference's are missed.
        if !options.markdown && self.numbers.is_empty() {
            return markdown::Inline::default();
        }
        Self::read_with(text, options)
    }

    fn read_with(text: &str, options: &CheckOptions) -> markdown::Inline {
        if options.markdown {
            markdown::inline(text)
        } else if options.numbers {
            markdown::not_markdown(text)
        } else {
            markdown::Inline::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use folio_ftl::parse_ftl;

    use super::*;

    /// Checks `translation` against `reference` with every check on, as
    /// `line:check:severity` strings.
    fn check(reference: &str, translation: &str) -> Vec<String> {
        let reference_file = parse_ftl(reference);
        let file = parse_ftl(translation);
        let mut defined: BTreeSet<String> = file.messages.iter().map(|m| m.id.to_owned()).collect();
        defined.extend(file.terms.iter().map(|t| format!("-{}", t.id)));
        let options = CheckOptions {
            markdown: true,
            numbers: true,
            identical: true,
            proper_names: vec!["CAR T".into()],
            ..CheckOptions::default()
        };
        check_file(
            &Reference::new(&reference_file, &options),
            &file,
            translation,
            "es",
            &|id| defined.contains(id),
            &options,
        )
        .iter()
        .map(|f| format!("{}:{}:{:?}", f.line, f.check.name(), f.severity))
        .collect()
    }

    #[test]
    fn clean_translations_have_no_findings() {
        let en = "a = Take **2 doses** of `drug` daily; see [the guide](https://x.org/g).\nb = { $count ->\n    [one] one day\n   *[other] { $count } days\n}\nc = Hello { -brand }\n";
        let es = "-brand = Folio\na = Tome **2 dosis** de `drug` al día; vea [la guía](https://x.org/g).\nb = { $count ->\n    [one] un día\n   *[other] { $count } días\n}\nc = Hola { -brand }\n";
        assert_eq!(check(en, es), Vec::<String>::new());
    }

    #[test]
    fn syntax_duplicates_and_missing_values() {
        let en = "a = A\nb = B\n";
        let es = "a = { A\nb = Be\nb = Be again\nc =\n    .attr = only attribute\n";
        assert_eq!(check(en, es), ["1:syntax:Error", "3:duplicate-id:Error"]);
        assert_eq!(
            check("c = C\n", "c =\n    .attr = only attribute\n"),
            ["1:no-value:Error", "1:attribute-mismatch:Error"]
        );
    }

    #[test]
    fn attributes_must_match_the_reference() {
        let en = "m =\n    .label = L\n    .title = T\n";
        assert_eq!(
            check(en, "m =\n    .label = Le\n    .title = Te\n"),
            Vec::<String>::new()
        );
        assert_eq!(
            check(en, "m = Value\n    .label = Le\n    .tooltip = X\n"),
            ["1:attribute-mismatch:Error"; 3]
        );
    }

    #[test]
    fn variables_are_checked_selector_aware() {
        let en = "m = { $count } days left for { $name }\n";
        assert_eq!(
            check(en, "m = { $count } días para { $nombre }\n"),
            ["1:unknown-variable:Error", "1:dropped-variable:Warning"]
        );
        // A variant that selects on $count may omit it; one that does not select on $name may not omit $name.
        assert_eq!(
            check(
                en,
                "m = { $count ->\n    [one] un día\n   *[other] { $count } días\n} para { $name }\n"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            check(
                en,
                "m = { $count ->\n    [one] un día para { $name }\n   *[other] { $count } días\n}\n"
            ),
            ["1:dropped-variable:Warning"]
        );
    }

    #[test]
    fn references_must_resolve() {
        assert_eq!(
            check(
                "m = { -brand } and { other }\n",
                "m = { -brand } y { other }\n"
            ),
            [
                "1:unresolved-reference:Error",
                "1:unresolved-reference:Error"
            ]
        );
    }

    /// Found by fuzzing: a bidi control inside `<…>` hid an autolink from the checks,
    /// and the page (which strips those controls) then rendered it.
    #[test]
    fn links_are_read_as_the_page_shows_them() {
        assert_eq!(
            check(
                "m = Write to us today.\n",
                "m = Escríbanos <m2A\u{202E}a@b.c> hoy.\n"
            ),
            ["1:link-mismatch:Error"]
        );
    }

    #[test]
    fn markdown_parity() {
        let en = "m = See [the guide](https://x.org/g) and `code` with **bold** text here.\n";
        assert_eq!(
            check(
                en,
                "m = Vea [la guía](https://evil.example/) y `code` con **negrita** aquí.\n"
            ),
            ["1:link-mismatch:Error"]
        );
        assert_eq!(
            check(
                en,
                "m = Vea [la guía](https://x.org/g) y `código` con **negrita** aquí.\n"
            ),
            ["1:code-mismatch:Error"]
        );
        assert_eq!(
            check(
                en,
                "m = Vea [la guía](https://x.org/g) y `code` con **negrita aquí.\n"
            ),
            ["1:unbalanced-emphasis:Error"]
        );
        assert_eq!(
            check(
                en,
                "m = Vea [la guía](https://x.org/g) y `code` con \\*\\*asteriscos\\*\\* aquí.\n"
            ),
            Vec::<String>::new()
        );
    }

    #[test]
    fn numbers_must_survive_in_any_digits() {
        let en = "m = Take 2.5 mg, 3 times, for 10% of 1,000 patients since 2019.\n";
        assert_eq!(
            check(
                en,
                "m = Tome 2,5 mg, 3 veces, para el 10 % de 1.000 pacientes desde 2019.\n"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            check(
                en,
                "m = تناول ٢٫٥ ملغ ٣ مرات لـ ١٠٪ من ١٠٠٠ مريض منذ ٢٠١٩.\n"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            check(
                en,
                "m = Tome 2,5 mg, tres veces, para el 10 % de 1.000 pacientes desde 2019.\n"
            ),
            ["1:missing-number:Warning"]
        );
    }

    #[test]
    fn identical_text_is_flagged_unless_proper_names() {
        assert_eq!(
            check("m = Stem cell transplant\n", "m = Stem cell transplant\n"),
            ["1:identical-to-reference:Warning"]
        );
        assert_eq!(check("m = CAR T\n", "m = CAR T\n"), Vec::<String>::new());
        assert_eq!(
            check("m = Immunotherapy\n", "m = Immunotherapy\n"),
            Vec::<String>::new(),
            "one word is often the same word"
        );
    }

    /// Checks `translation` (in `fr`) with only the editorial checks on: a termbase of
    /// `multiple myeloma` (approved `myélome multiple`, forbidden `myélome multiples`)
    /// and `plasma cells`, and a title limit of 20 (12 in `zh-Hans`), as
    /// `line:column:check:severity` strings.
    fn editorial(reference: &str, translation: &str, locale: &str) -> Vec<String> {
        use folio_model::{Term, TermLocale};
        let table = |approved: &str, forbidden: &[&str]| TermLocale {
            approved: vec![approved.to_owned()],
            forbidden: forbidden.iter().map(|f| f.to_string()).collect(),
            ..TermLocale::default()
        };
        let terms = [
            Term {
                id: "multiple-myeloma".into(),
                en: vec!["multiple myeloma".into()],
                locales: [
                    (
                        "fr".to_owned(),
                        table("myélome multiple", &["myélome multiples"]),
                    ),
                    ("zh-Hans".to_owned(), table("多发性骨髓瘤", &["骨髓癌"])),
                ]
                .into(),
                ..Term::default()
            },
            Term {
                id: "plasma-cells".into(),
                en: vec!["plasma cell".into()],
                locales: [("fr".to_owned(), table("plasmocyte", &["cellules plasma"]))].into(),
                ..Term::default()
            },
        ];
        let options = CheckOptions {
            terms: Some(Termbase::new(&terms)),
            length: Some(LengthLimits {
                limits: [("title".to_owned(), 20)].into(),
                locales: [("zh-Hans".to_owned(), [("title".to_owned(), 12)].into())].into(),
            }),
            ..CheckOptions::default()
        };
        let reference_file = parse_ftl(reference);
        let file = parse_ftl(translation);
        check_file(
            &Reference::new(&reference_file, &options),
            &file,
            translation,
            locale,
            &|_| true,
            &options,
        )
        .iter()
        .map(|f| {
            format!(
                "{}:{}:{}:{:?}",
                f.line,
                f.column,
                f.check.name(),
                f.severity
            )
        })
        .collect()
    }

    #[test]
    fn terminology_findings_point_at_the_variant_and_the_value() {
        let en = "title = Myeloma\nintro = Multiple myeloma affects plasma cells.\n";
        assert_eq!(
            editorial(
                en,
                "title = Myélome\nintro = Le myélome multiple touche les plasmocytes.\n",
                "fr"
            ),
            Vec::<String>::new()
        );
        // A forbidden variant at its column; a missing rendering at the value.
        assert_eq!(
            editorial(
                en,
                "title = Myélome\nintro = Les myélomes multiples touchent les cellules plasma.\n",
                "fr"
            ),
            [
                "2:9:terminology:Warning",
                "2:13:terminology:Error",
                "2:45:terminology:Error"
            ]
        );
        // Words across inline Markdown, on a continuation line of a CRLF file.
        let fr = "title = Myélome\r\nintro =\r\n    Il touche les **plasmo**cytes,\r\n    puis le *myélome* multiples.\r\n";
        assert_eq!(editorial(en, fr, "fr"), ["4:14:terminology:Error"]);
        // A locale without tables is not checked; terms the English lacks are not either.
        assert_eq!(editorial(en, "intro = Nada.\n", "es"), Vec::<String>::new());
        assert_eq!(
            editorial(
                "intro = It helps.\n",
                "intro = Les myélomes multiples.\n",
                "fr"
            ),
            Vec::<String>::new()
        );
        // Chinese, matched as a substring.
        assert_eq!(
            editorial(
                en,
                "intro = 多发性骨髓瘤即骨髓癌，影响浆细胞。\n",
                "zh-Hans"
            ),
            ["1:16:terminology:Error"]
        );
    }

    #[test]
    fn length_counts_characters_a_page_shows_per_locale() {
        let en = "title = Immunotherapy\n";
        assert_eq!(
            editorial(en, "title = Immunothérapie **ciblé**\n", "fr"),
            Vec::<String>::new()
        );
        assert_eq!(
            editorial(en, "title = L’immunothérapie personnalisée\n", "fr"),
            ["1:9:length:Error"]
        );
        assert_eq!(
            editorial(en, "title = 个体化免疫治疗多发性骨髓瘤\n", "fr"),
            Vec::<String>::new()
        );
        assert_eq!(
            editorial(en, "title = 个体化免疫治疗多发性骨髓瘤\n", "zh-Hans"),
            ["1:9:length:Error"]
        );
        // Only the unit's value is held to the limit, and only ids with a limit.
        assert_eq!(
            editorial(
                "intro = x\n",
                "intro = Un texte bien plus long que vingt caractères\n",
                "fr"
            ),
            Vec::<String>::new()
        );
        let reference = parse_ftl("title = Immunotherapy for multiple myeloma\ntitle = x\n");
        let limits = LengthLimits {
            limits: [("title".to_owned(), 20)].into(),
            ..LengthLimits::default()
        };
        let prepared = Reference::new(&reference, &CheckOptions::default());
        let overlong = prepared.overlong(&limits, "en");
        assert_eq!(
            overlong
                .iter()
                .map(|o| (o.id.as_str(), o.length, o.limit, o.offset))
                .collect::<Vec<_>>(),
            [("title", 34, 20, 0)]
        );
    }
}
