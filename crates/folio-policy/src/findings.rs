//! What `check` says about a translation file beyond the quality checks: the units behind
//! its counts (missing, stale, untranslated, obsolete) and its disclaimer's gaps, as
//! findings on their lines. Pure: statuses and text in, findings out.

use folio_check::{Check, Finding, Severity};
use folio_model::LineIndex;
use folio_track::{Status, UnitStatus};

use crate::DisclaimerProblem;

/// The disclaimer's gaps (`disclaimer_problems`) as findings of its translation: on
/// the unit's line, or about the whole file. The guarantee that no page goes out without
/// its disclaimer: `check` fails exactly what `render` refuses.
pub fn disclaimer_findings(
    text: &str,
    locale: &str,
    problems: Vec<DisclaimerProblem>,
    findings: &mut Vec<Finding>,
    whole_file: &mut Vec<WholeFileFinding>,
) {
    let index = LineIndex::new(text);
    for problem in problems {
        let message = format!(
            "disclaimer unit `{}` is {}: no page can be published in `{locale}` until every \
             disclaimer unit is translated, current and free of errors",
            problem.id,
            problem.gap.describe(),
        );
        match problem.line {
            Some(line) => findings.push(Finding {
                severity: Severity::Error,
                check: Check::DisclaimerNotCurrent,
                id: Some(problem.id),
                offset: index.line_start(line),
                line,
                column: 1,
                message,
            }),
            None => whole_file.push((Severity::Error, Check::DisclaimerNotCurrent, message)),
        }
    }
    findings.sort_by_key(|f| (f.offset, f.check));
}

/// A finding about a whole file: its severity, check and message.
pub type WholeFileFinding = (Severity, Check, String);

/// How many missing ids a `missing-unit` finding lists; the rest are counted.
const MISSING_LISTED: usize = 10;

/// Which units [`unit_findings`] names besides the missing and obsolete ones.
pub struct UnitFindings<'a> {
    /// The locale, for the commands the messages suggest.
    pub locale: &'a str,
    /// Stale units, as errors when `Some(true)` (the bar's `stale-fails`), else warnings;
    /// `None` names none (generic mode has no record, so nothing is stale).
    pub stale: Option<bool>,
    /// Untranslated units, as warnings.
    pub untranslated: bool,
}

/// Names the units behind a file's counts: obsolete (a warning: often a mistyped id),
/// stale and untranslated ones on their lines, the missing ones in one whole-file
/// warning. The coverage finding stays the one that fails a file short of its bar. A
/// term only the translation defines is its own (not obsolete); an untranslated unit
/// the `identical-to-reference` check already names is not named twice.
pub fn unit_findings(
    text: &str,
    statuses: &[UnitStatus],
    which: UnitFindings<'_>,
    findings: &mut Vec<Finding>,
    whole_file: &mut Vec<WholeFileFinding>,
) {
    let locale = which.locale;
    let index = std::cell::OnceCell::new();
    let mut missing = Vec::new();
    let before = findings.len();
    let identical: std::collections::HashSet<String> = findings
        .iter()
        .filter(|f| f.check == Check::IdenticalToReference)
        .filter_map(|f| f.id.clone())
        .collect();
    for unit in statuses {
        let id: &str = &unit.id;
        let (severity, check, message) = match unit.status {
            Status::Missing => {
                missing.push(id);
                continue;
            }
            Status::Obsolete if !id.starts_with('-') => (
                Severity::Warning,
                Check::ObsoleteUnit,
                format!(
                    "`{id}` is not a unit of the reference: a mistyped id, or a unit the \
                     reference no longer has, so it is never shown"
                ),
            ),
            Status::Stale => match which.stale {
                Some(fails) => (
                    if fails {
                        Severity::Error
                    } else {
                        Severity::Warning
                    },
                    Check::StaleUnit,
                    format!(
                        "`{id}` is stale: the English changed since it was translated \
                         (`folio status {locale} --diff`)"
                    ),
                ),
                None => continue,
            },
            Status::Untranslated if which.untranslated && !identical.contains(id) => (
                Severity::Warning,
                Check::UntranslatedUnit,
                format!("`{id}` is still the English text (`folio status {locale} --todo`)"),
            ),
            _ => continue,
        };
        match unit.line {
            Some(line) => findings.push(Finding {
                severity,
                check,
                id: Some(id.to_owned()),
                offset: index.get_or_init(|| LineIndex::new(text)).line_start(line),
                line,
                column: 1,
                message,
            }),
            None => whole_file.push((severity, check, message)),
        }
    }
    if !missing.is_empty() {
        let listed: Vec<String> = missing
            .iter()
            .take(MISSING_LISTED)
            .map(|id| format!("`{id}`"))
            .collect();
        let more = match missing.len().saturating_sub(MISSING_LISTED) {
            0 => String::new(),
            n => format!(" and {n} more"),
        };
        whole_file.push((
            Severity::Warning,
            Check::MissingUnit,
            format!(
                "{} unit(s) of the reference not translated: {}{more}",
                missing.len(),
                listed.join(", ")
            ),
        ));
    }
    if findings.len() > before {
        findings.sort_by_key(|f| (f.offset, f.check));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, status: Status, line: Option<usize>) -> UnitStatus {
        UnitStatus {
            id: id.into(),
            status,
            line,
            english: None,
            confirmed: None,
            confirmed_translation: None,
            translation: None,
            words: 1,
            recorded: true,
        }
    }

    #[test]
    fn the_units_behind_the_counts_are_named() {
        let text = "a = x\nb = y\nc = z\n";
        let mut statuses: Vec<UnitStatus> = (0..12)
            .map(|i| unit(&format!("m{i}"), Status::Missing, None))
            .collect();
        statuses.push(unit("a", Status::Stale, Some(1)));
        statuses.push(unit("b", Status::Untranslated, Some(2)));
        statuses.push(unit("c", Status::Obsolete, Some(3)));
        statuses.push(unit("-brand", Status::Obsolete, Some(3)));
        let (mut findings, mut whole) = (Vec::new(), Vec::new());
        let which = UnitFindings {
            locale: "es",
            stale: Some(true),
            untranslated: true,
        };
        unit_findings(text, &statuses, which, &mut findings, &mut whole);
        let named: Vec<(Severity, Check, usize)> = findings
            .iter()
            .map(|f| (f.severity, f.check, f.line))
            .collect();
        assert_eq!(
            named,
            [
                (Severity::Error, Check::StaleUnit, 1),
                (Severity::Warning, Check::UntranslatedUnit, 2),
                (Severity::Warning, Check::ObsoleteUnit, 3),
            ]
        );
        assert_eq!(whole.len(), 1);
        assert_eq!(
            (whole[0].0, whole[0].1),
            (Severity::Warning, Check::MissingUnit)
        );
        assert!(whole[0].2.starts_with("12 unit(s)"), "{}", whole[0].2);
        assert!(whole[0].2.ends_with("and 2 more"), "{}", whole[0].2);
    }

    #[test]
    fn generic_mode_names_no_stale_and_stale_warns_without_stale_fails() {
        let statuses = [unit("a", Status::Stale, Some(1))];
        for (stale, expected) in [(None, vec![]), (Some(false), vec![Severity::Warning])] {
            let (mut findings, mut whole) = (Vec::new(), Vec::new());
            let which = UnitFindings {
                locale: "es",
                stale,
                untranslated: false,
            };
            unit_findings("a = x\n", &statuses, which, &mut findings, &mut whole);
            let severities: Vec<Severity> = findings.iter().map(|f| f.severity).collect();
            assert_eq!(severities, expected);
        }
    }
}
