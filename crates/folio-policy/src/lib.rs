//! Folio's publishing policy: the one definition of a *publishable unit*, of *coverage*
//! and of a *disclaimer that lets a locale be published*, used by `folio check` and
//! `folio render` alike, so that what check passes render publishes, and what render
//! would leave out check reports.
//!
//! A unit is publishable in a locale when it is current against today's English, has no
//! error finding (the editorial checks' — terminology, length — aside: they fail `check`
//! without keeping a unit off its page), formats in fluent-bundle without error (no reference cycle, no reference
//! storm, no unknown reference), and shows text when the English does. A locale's
//! disclaimer lets it be published when every disclaimer unit is publishable and
//! translated (not the English copied).
//!
//! Pure: parsed files, records and findings in, values out. It does not read files, print,
//! or decide what happens to a locale that fails (the callers refuse or report).

mod findings;
mod new_work;
mod publish;
mod visible;

pub use findings::{UnitFindings, WholeFileFinding, disclaimer_findings, unit_findings};
pub use new_work::{NewWork, format_date, new_work, no_file_yet, parse_date};
pub use publish::{Bar, LeftOut, PublishRule, below_bar, fallback_chain, left_out};
pub use visible::shows_text;

use std::collections::{BTreeMap, BTreeSet};

use fluent_bundle::{FluentBundle, FluentResource};
use folio_check::{Check, CheckOptions, Finding, Reference, Severity, check_file};
use folio_ftl::{FtlFile, formatted_text, plain_text};
use folio_model::Layout;
use folio_model::LineIndex;
use folio_track::{EnglishUnit, Record, Status, UnitStatus, classify};
use unic_langid::LanguageIdentifier;

/// One locale's translation of one document, as read from the workspace.
pub struct Translation<'a> {
    /// The locale, for plural rules and number formatting in fluent-bundle.
    pub locale: &'a LanguageIdentifier,
    /// The `.ftl` text (empty when the file does not exist).
    pub text: &'a str,
    /// `text`, parsed.
    pub file: &'a FtlFile<'a>,
    /// The English each unit was confirmed against.
    pub record: &'a Record,
}

/// The checks an article's units get: Markdown parity, numbers and identical text on top
/// of the Fluent checks. `check` and `render` both use these, so a unit one of them
/// would refuse the other refuses too.
pub fn article_checks(proper_names: Vec<String>) -> CheckOptions {
    CheckOptions {
        markdown: true,
        numbers: true,
        identical: true,
        proper_names,
        ..CheckOptions::default()
    }
}

/// A reference file's entries as units: messages with a value, and terms as `-id`; the
/// first definition of an id wins.
pub fn reference_units(reference: &FtlFile<'_>) -> Vec<EnglishUnit> {
    let messages = reference.messages.iter().map(|m| {
        let text = m.ast.value.as_ref().map(plain_text).unwrap_or_default();
        EnglishUnit::new(m.id.to_owned(), text.into_owned())
    });
    let terms = reference
        .terms
        .iter()
        .map(|t| EnglishUnit::new(format!("-{}", t.id), plain_text(&t.ast.value).into_owned()));
    let mut units: Vec<EnglishUnit> = messages.chain(terms).collect();
    let mut seen = BTreeSet::new();
    units.retain(|u| seen.insert(u.id.clone()));
    units
}

/// What one locale's translation of one document is worth against today's English.
#[derive(Debug)]
pub struct Assessment {
    /// Every unit's status: English order, then obsolete translations.
    pub statuses: Vec<UnitStatus>,
    /// Every finding, in file order: the quality checks, plus `does-not-format` and
    /// `empty-translation` for current units that could not be published.
    pub findings: Vec<Finding>,
    /// The publishable units: id → the formatted text a page shows.
    pub publishable: BTreeMap<String, String>,
    /// The English words whose unit is publishable.
    pub publishable_words: usize,
    /// The English words of the document.
    pub english_words: usize,
}

impl Assessment {
    /// The percentage of the English words whose unit is publishable (100 for a document
    /// with no words): the coverage `check` holds to the bar and `render` publishes by.
    pub fn coverage(&self) -> f64 {
        percent(self.publishable_words, self.english_words)
    }
}

/// `part` of `whole` as a percentage; 100 when `whole` is 0 (nothing to translate).
pub fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        part as f64 * 100.0 / whole as f64
    }
}

/// Assesses `translation` against the English `reference` file (whose units are
/// `english`), prepared once for every locale's translation (`folio_check::Reference`,
/// for the same `options`). References resolve within the translation's own file: a page is formatted
/// from its document's file alone, so a reference to another document's message would
/// show a fallback.
pub fn assess(
    reference: &Reference<'_, '_>,
    english: &[EnglishUnit],
    translation: Translation<'_>,
    options: &CheckOptions,
) -> Assessment {
    let statuses = classify(
        english,
        translation.file,
        translation.record,
        &options.proper_names,
    );
    let file = translation.file;
    let defined = |id: &str| match id.strip_prefix('-') {
        Some(term) => file.terms.iter().any(|t| t.id == term),
        None => file.messages.iter().any(|m| m.id == id),
    };
    let mut findings = check_file(
        reference,
        translation.file,
        translation.text,
        &translation.locale.to_string(),
        &defined,
        options,
    );
    // The current units at their lines, and each one formatted, in the same order.
    let current: Vec<(&UnitStatus, usize)> = statuses
        .iter()
        .filter(|u| u.status == Status::Current)
        .filter_map(|u| Some((u, u.line?)))
        .collect();
    let formatted = format_units(&translation, current.iter().map(|(u, l)| (&*u.id, *l)));
    // Built at the first unit flagged: most files have none.
    let index = std::cell::OnceCell::new();
    let english_text = std::cell::OnceCell::new();
    let english_text = || -> &BTreeMap<&str, &str> {
        english_text.get_or_init(|| english.iter().map(|u| (&*u.id, &*u.text)).collect())
    };
    // A unit with an error finding is not publishable (but for the editorial checks'
    // errors, which fail `check` and leave the unit on its page); its finding says why,
    // so the consequences (it would not format either) are not reported twice.
    let broken: BTreeSet<String> = findings
        .iter()
        .filter(|f| f.severity == Severity::Error && f.check.withholds_unit())
        .filter_map(|f| f.id.clone())
        .collect();
    let mut publishable = BTreeMap::new();
    for ((unit, line), formatted) in current.into_iter().zip(formatted) {
        if broken.contains(&*unit.id) {
            continue;
        }
        let mut flag = |check, message: String| {
            findings.push(Finding {
                severity: Severity::Error,
                check,
                id: Some(unit.id.to_string()),
                offset: index
                    .get_or_init(|| LineIndex::new(translation.text))
                    .line_start(line),
                line,
                column: 1,
                message,
            });
        };
        match formatted {
            Err(errors) => flag(
                Check::DoesNotFormat,
                format!("the translation does not format ({errors}); a page would show a fallback"),
            ),
            Ok(text)
                if !shows_text(&text)
                    && english_text().get(&*unit.id).is_some_and(|e| shows_text(e)) =>
            {
                flag(
                    Check::EmptyTranslation,
                    "the translation shows no text (empty, spaces or invisible characters)"
                        .to_owned(),
                );
            }
            Ok(text) => {
                publishable.insert(unit.id.to_string(), text);
            }
        }
    }
    findings.sort_by_key(|f| (f.offset, f.check));
    let (publishable_words, english_words) = publishable_words(english, &publishable);
    Assessment {
        statuses,
        findings,
        publishable,
        publishable_words,
        english_words,
    }
}

/// Formats each unit as fluent-bundle does, isolation marks off (units carry no
/// variables; pages set direction with `lang`/`dir`). A unit of text and string literals
/// is formatted from the parse the file already had ([`formatted_text`]); only a file
/// with a unit that must be resolved (a reference, a selector) is handed to a bundle.
/// Each unit comes with the line of its first definition, which [`classify`] found (the
/// first wins, as in fluent-bundle); the results come in the units' order, and a unit
/// that formats with any error has the errors, joined.
#[allow(clippy::disallowed_methods)] // the one bundle, for units that must be resolved
fn format_units<'i>(
    translation: &Translation<'_>,
    units: impl Iterator<Item = (&'i str, usize)>,
) -> Vec<Result<String, String>> {
    // Messages are in file order, so the one at a line is found by bisection: no map of
    // every message's id for each file. A term's line is no message's.
    let messages = &translation.file.messages;
    let at_line = |id: &str, line: usize| {
        let at = messages.binary_search_by_key(&line, |m| m.line).ok()?;
        Some(&messages[at]).filter(|m| m.id == id)
    };
    let no_value = || Err("it has no value".to_owned());
    let mut formatted = Vec::new();
    // Where a unit must be resolved by a bundle: its place in `formatted`, and its id.
    let mut to_resolve = Vec::new();
    for (id, line) in units {
        let result = match at_line(id, line).map(|m| m.ast.value.as_ref()) {
            None | Some(None) => no_value(),
            Some(Some(pattern)) => match formatted_text(pattern) {
                Some(text) => Ok(text),
                None => {
                    to_resolve.push((formatted.len(), id));
                    no_value() // replaced below
                }
            },
        };
        formatted.push(result);
    }
    if to_resolve.is_empty() {
        return formatted;
    }
    let resource = match FluentResource::try_new(folio_ftl::parsable(translation.text).into_owned())
    {
        Ok(resource) | Err((resource, _)) => resource,
    };
    let mut bundle = FluentBundle::new(vec![translation.locale.clone()]);
    bundle.set_use_isolating(false);
    // Duplicates are `duplicate-id` findings; the first definition is the one formatted.
    let _ = bundle.add_resource(resource);
    for (at, id) in to_resolve {
        formatted[at] = match bundle.get_message(id).and_then(|m| m.value()) {
            None => no_value(),
            Some(pattern) => {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, None, &mut errors);
                if errors.is_empty() {
                    Ok(text.into_owned())
                } else {
                    Err(errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "))
                }
            }
        };
    }
    formatted
}

/// The English words whose unit is in `publishable`, and all the English words.
fn publishable_words(
    english: &[EnglishUnit],
    publishable: &BTreeMap<String, String>,
) -> (usize, usize) {
    let total = english.iter().map(|u| u.words).sum();
    let own = english
        .iter()
        .filter(|u| publishable.contains_key(&*u.id))
        .map(|u| u.words)
        .sum();
    (own, total)
}

/// Why a disclaimer unit keeps its locale from being published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DisclaimerGap {
    /// Not translated at all.
    Missing,
    /// Translated against English that has changed since.
    Stale,
    /// Stale, and since changed by the translator: awaiting confirmation.
    Updated,
    /// Present but broken (a syntax error or no value).
    Invalid,
    /// The English text, copied.
    Untranslated,
    /// Current, but with these error findings (empty, does not format, link mismatch…).
    Broken(Vec<Check>),
}

impl DisclaimerGap {
    /// What is wrong, in words.
    pub fn describe(&self) -> String {
        match self {
            DisclaimerGap::Missing => "missing".to_owned(),
            DisclaimerGap::Stale => "stale".to_owned(),
            DisclaimerGap::Updated => "updated, awaiting confirmation".to_owned(),
            DisclaimerGap::Invalid => "invalid".to_owned(),
            DisclaimerGap::Untranslated => "identical to the English".to_owned(),
            DisclaimerGap::Broken(checks) => format!(
                "failing {}",
                checks
                    .iter()
                    .map(|c| c.name())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// One disclaimer unit that is not fit to publish, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DisclaimerProblem {
    /// The unit id.
    pub id: String,
    /// The line of the translation, when there is one.
    pub line: Option<usize>,
    /// Why it does not do.
    pub gap: DisclaimerGap,
}

/// The disclaimer units of a locale that keep it from being published; empty when every
/// unit is publishable (and so translated: a copy of the English is *untranslated*).
/// `assessment` is of the locale's disclaimer file.
pub fn disclaimer_problems(
    english: &[EnglishUnit],
    assessment: &Assessment,
) -> Vec<DisclaimerProblem> {
    let statuses: BTreeMap<&str, &UnitStatus> =
        assessment.statuses.iter().map(|u| (&*u.id, u)).collect();
    let mut problems = Vec::new();
    for unit in english {
        let status = statuses.get(&*unit.id);
        let gap = match (
            status.map(|s| s.status),
            assessment.publishable.get(&*unit.id),
        ) {
            (Some(Status::Current), Some(_)) => continue,
            (Some(Status::Current), None) => DisclaimerGap::Broken(
                assessment
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error && f.check.withholds_unit())
                    .filter(|f| f.id.as_deref() == Some(&*unit.id))
                    .map(|f| f.check)
                    .collect::<BTreeSet<_>>()
                    .into_iter()
                    .collect(),
            ),
            (Some(Status::Stale), _) => DisclaimerGap::Stale,
            (Some(Status::Updated), _) => DisclaimerGap::Updated,
            (Some(Status::Untranslated), _) => DisclaimerGap::Untranslated,
            (Some(Status::Invalid), _) => DisclaimerGap::Invalid,
            _ => DisclaimerGap::Missing,
        };
        problems.push(DisclaimerProblem {
            id: unit.id.to_string(),
            line: status.and_then(|s| s.line),
            gap,
        });
    }
    problems
}

/// Why the English disclaimer itself can't be published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EnglishDisclaimerProblem {
    /// It has no units at all.
    NoUnits,
    /// This unit shows no text.
    EmptyUnit(String),
}

impl std::fmt::Display for EnglishDisclaimerProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            EnglishDisclaimerProblem::NoUnits => f.write_str("the disclaimer has no text"),
            EnglishDisclaimerProblem::EmptyUnit(id) => {
                write!(f, "the disclaimer's unit `{id}` has no text")
            }
        }
    }
}

/// Checks the English disclaimer: every page carries it, so it must have units and each
/// must show text. `units` are its (id, text) pairs in page order.
pub fn english_disclaimer<'a>(
    units: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<(), EnglishDisclaimerProblem> {
    let mut any = false;
    for (id, text) in units {
        if !shows_text(text) {
            return Err(EnglishDisclaimerProblem::EmptyUnit(id.to_owned()));
        }
        any = true;
    }
    if any {
        Ok(())
    } else {
        Err(EnglishDisclaimerProblem::NoUnits)
    }
}

/// [`english_disclaimer`] for the disclaimer as the renderer builds it: the units its
/// layout places, each with its English text (a unit the English file lacks has none).
pub fn english_disclaimer_in_layout(
    layout: &Layout,
    english: &[EnglishUnit],
) -> Result<(), EnglishDisclaimerProblem> {
    let texts: BTreeMap<&str, &str> = english.iter().map(|u| (&*u.id, &*u.text)).collect();
    english_disclaimer(layout.units().into_iter().map(|(_, id)| {
        let id = id.as_str();
        (id, texts.get(id).copied().unwrap_or(""))
    }))
}

#[cfg(test)]
mod tests {
    use folio_ftl::parse_ftl;

    use super::*;

    const ENGLISH: &str = "\
heading = Disclaimer
body = The content is for information only, not advice.
";

    /// Assesses `translation` against [`ENGLISH`] with an empty record (every translation
    /// new, so current), and returns the assessment and the disclaimer's problems.
    fn check(translation: &str) -> (Assessment, Vec<DisclaimerProblem>) {
        let reference = parse_ftl(ENGLISH);
        let english = reference_units(&reference);
        let file = parse_ftl(translation);
        let locale: LanguageIdentifier = "es".parse().unwrap();
        let record = Record::default();
        let options = article_checks(Vec::new());
        let assessment = assess(
            &Reference::new(&reference, &options),
            &english,
            Translation {
                locale: &locale,
                text: translation,
                file: &file,
                record: &record,
            },
            &options,
        );
        let problems = disclaimer_problems(&english, &assessment);
        (assessment, problems)
    }

    fn gaps(translation: &str) -> Vec<(String, DisclaimerGap)> {
        check(translation)
            .1
            .into_iter()
            .map(|p| (p.id, p.gap))
            .collect()
    }

    const BODY: &str = "Solo informativo, no es consejo.";

    #[test]
    fn a_translated_disclaimer_is_publishable() {
        let (assessment, problems) = check(&format!("heading = Aviso\nbody = {BODY}\n"));
        assert_eq!(problems, []);
        assert_eq!(assessment.publishable["body"], BODY);
        assert_eq!(assessment.coverage(), 100.0);
    }

    #[test]
    fn empty_invisible_and_unformattable_units_are_not_publishable() {
        for (body, failing) in [
            (r#"{ "" }"#, Check::EmptyTranslation),
            (r#"{ "\u200B\u00A0" }"#, Check::EmptyTranslation),
            ("{ body }", Check::DoesNotFormat),
            ("{ a }\na = { body }", Check::DoesNotFormat),
        ] {
            let (assessment, problems) = check(&format!("heading = Aviso\nbody = {body}\n"));
            assert!(!assessment.publishable.contains_key("body"), "{body}");
            assert_eq!(
                problems,
                [DisclaimerProblem {
                    id: "body".into(),
                    line: Some(2),
                    gap: DisclaimerGap::Broken(vec![failing]),
                }],
                "{body}"
            );
            assert!(assessment.coverage() < 100.0);
        }
    }

    #[test]
    fn a_term_named_like_a_unit_is_not_its_message() {
        // The term comes first in the file; the unit is the message, resolved through
        // another term where it must be.
        let (assessment, problems) = check(&format!(
            "-heading = Término\nheading = Aviso\nbody = {BODY}\n"
        ));
        assert_eq!(problems, []);
        assert_eq!(assessment.publishable["heading"], "Aviso");
        let (assessment, problems) = check(&format!(
            "-body = Otro\n-aviso = Aviso\nheading = {{ -aviso }}\nbody = {BODY}\n"
        ));
        assert_eq!(problems, []);
        assert_eq!(assessment.publishable["heading"], "Aviso");
        assert_eq!(assessment.publishable["body"], BODY);
    }

    #[test]
    fn a_unit_with_an_error_finding_is_not_publishable() {
        let wrong_link = "Solo [informativo](https://evil.example/), no es consejo.";
        assert_eq!(
            gaps(&format!("heading = Aviso\nbody = {wrong_link}\n")),
            [(
                "body".to_owned(),
                DisclaimerGap::Broken(vec![Check::LinkMismatch])
            )]
        );
    }

    #[test]
    fn the_english_copied_is_untranslated_and_missing_is_missing() {
        assert_eq!(
            gaps(ENGLISH),
            [("body".to_owned(), DisclaimerGap::Untranslated)],
            "a single word (the heading) may stay the same"
        );
        assert_eq!(
            gaps(&format!("body = {BODY}\n")),
            [("heading".to_owned(), DisclaimerGap::Missing)]
        );
    }

    #[test]
    fn the_english_disclaimer_must_have_text_in_every_unit() {
        assert_eq!(english_disclaimer([("a", "Text")]), Ok(()));
        assert_eq!(
            english_disclaimer([]),
            Err(EnglishDisclaimerProblem::NoUnits)
        );
        assert_eq!(
            english_disclaimer([("a", "Text"), ("b", "&nbsp;")]),
            Err(EnglishDisclaimerProblem::EmptyUnit("b".into()))
        );
    }
}
