//! What becomes of a locale's translations: held to `check`'s bar, published or not by
//! `render`, and where a page takes a unit the locale can't publish (the fallback chain).

use std::collections::BTreeSet;

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use folio_check::{Check, Severity};
use folio_track::{Status, StatusCounts};
use unic_langid::LanguageIdentifier;

use crate::Assessment;

/// `folio check`'s bar for one locale's file: the least coverage that passes, and
/// whether any stale unit fails it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bar {
    /// Percent of the English words that must be publishable.
    pub min_coverage: f64,
    /// Whether a stale unit fails the file whatever the coverage.
    pub stale_fails: bool,
}

/// How a file falls short of its [`Bar`], one sentence each; empty when it passes.
/// `coverage` is the file's percentage, `units` its unit counts by status.
pub fn below_bar(coverage: f64, units: &StatusCounts, bar: Bar, locale: &str) -> Vec<String> {
    let mut failures = Vec::new();
    if coverage + 1e-9 < bar.min_coverage {
        let short: Vec<String> = [
            (units.missing, "missing"),
            (units.stale, "stale"),
            (units.updated, "updated, awaiting `folio accept`"),
            (units.untranslated, "untranslated"),
            (units.invalid, "invalid"),
        ]
        .into_iter()
        .filter(|(count, _)| *count > 0)
        .map(|(count, what)| format!("{count} {what}"))
        .collect();
        let why = if short.is_empty() {
            "units with errors are not publishable".to_owned()
        } else {
            short.join(", ")
        };
        failures.push(format!(
            "{coverage:.1}% of the reference words are translated, current and publishable; \
             the bar is {:.1}% ({why})",
            bar.min_coverage
        ));
    }
    if bar.stale_fails && units.stale > 0 {
        failures.push(format!(
            "{} stale unit(s): the English changed since they were translated \
             (`folio status {locale} --diff`)",
            units.stale
        ));
    }
    failures
}

/// `render`'s rule for one article in a locale whose disclaimer is publishable.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PublishRule {
    /// Percent of the article's English words the locale itself must publish.
    pub min_coverage: f64,
    /// Whether units the locale can't publish fall back along its chain; when false,
    /// only a complete article is published.
    pub fallback: bool,
}

impl PublishRule {
    /// Whether an article with `coverage` percent publishable is published.
    pub fn publishes(&self, coverage: f64) -> bool {
        let complete = coverage >= 100.0 - 1e-9;
        coverage + 1e-9 >= self.min_coverage && (self.fallback || complete)
    }
}

/// A current unit a page leaves out for its errors: its id and the checks it failed.
pub type LeftOut = (String, Vec<Check>);

/// The current units of `assessment` a page leaves out for their errors, each with the
/// checks it failed: `check` reports the same, and the page shows a fallback instead.
pub fn left_out(assessment: &Assessment) -> Vec<LeftOut> {
    assessment
        .statuses
        .iter()
        .filter(|u| u.status == Status::Current && !assessment.publishable.contains_key(&*u.id))
        .map(|u| {
            let checks: BTreeSet<Check> = assessment
                .findings
                .iter()
                .filter(|f| f.severity == Severity::Error && f.check.withholds_unit())
                .filter(|f| f.id.as_deref() == Some(&*u.id))
                .map(|f| f.check)
                .collect();
            (u.id.to_string(), checks.into_iter().collect())
        })
        .collect()
}

/// The locales a page of `locale` takes a unit from, best first: the locale, then its
/// more general forms among `available` (pt-BR → pt, by fluent-langneg's filtering),
/// then the reference, which has every unit.
pub fn fallback_chain(
    locale: &LanguageIdentifier,
    available: &[LanguageIdentifier],
    reference: &LanguageIdentifier,
) -> Vec<LanguageIdentifier> {
    let mut chain: Vec<LanguageIdentifier> = vec![locale.clone()];
    let negotiated = negotiate_languages(
        &[locale],
        available,
        Some(reference),
        NegotiationStrategy::Filtering,
    );
    for candidate in negotiated {
        if !chain.contains(candidate) {
            chain.push(candidate.clone());
        }
    }
    if !chain.contains(reference) {
        chain.push(reference.clone());
    }
    chain
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(list: &[&str]) -> Vec<LanguageIdentifier> {
        list.iter().map(|t| t.parse().unwrap()).collect()
    }

    #[test]
    fn chains_go_from_the_locale_through_its_general_forms_to_the_reference() {
        let available = tags(&["en", "pt", "pt-BR", "fr", "zh-Hans"]);
        let en = &available[0];
        assert_eq!(
            fallback_chain(&available[2], &available, en),
            tags(&["pt-BR", "pt", "en"])
        );
        assert_eq!(
            fallback_chain(&available[3], &available, en),
            tags(&["fr", "en"])
        );
        // A locale never falls back to a sibling of another script or region.
        assert_eq!(
            fallback_chain(&tags(&["zh-Hant"])[0], &available, en),
            tags(&["zh-Hant", "en"])
        );
    }

    #[test]
    fn the_bar_names_each_shortfall() {
        let units = StatusCounts {
            current: 8,
            stale: 1,
            missing: 1,
            ..StatusCounts::default()
        };
        let bar = Bar {
            min_coverage: 90.0,
            stale_fails: true,
        };
        let failures = below_bar(80.0, &units, bar, "de");
        assert_eq!(failures.len(), 2, "{failures:?}");
        assert!(failures[0].starts_with("80.0% of the reference words"));
        assert!(
            failures[0].ends_with("(1 missing, 1 stale)"),
            "{failures:?}"
        );
        assert!(failures[1].contains("`folio status de --diff`"));
        // An updated unit is not yet publishable: the sentence says it awaits accept.
        let updated = StatusCounts {
            current: 9,
            updated: 1,
            ..StatusCounts::default()
        };
        assert!(
            below_bar(80.0, &updated, bar, "de")[0]
                .ends_with("(1 updated, awaiting `folio accept`)")
        );
        assert_eq!(
            below_bar(90.0, &StatusCounts::default(), bar, "de"),
            Vec::<String>::new()
        );
        // 89.96 rounds to 90.0 for the eye, but is below a 90% bar.
        assert_eq!(
            below_bar(89.96, &StatusCounts::default(), bar, "de").len(),
            1
        );
    }

    #[test]
    fn articles_publish_at_the_threshold_and_only_complete_without_fallback() {
        let rule = PublishRule {
            min_coverage: 80.0,
            fallback: true,
        };
        assert!(rule.publishes(80.0));
        assert!(!rule.publishes(79.9));
        let strict = PublishRule {
            min_coverage: 80.0,
            fallback: false,
        };
        assert!(!strict.publishes(99.9));
        assert!(strict.publishes(100.0));
    }
}
