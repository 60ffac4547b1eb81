//! Fuzz target `terms`: any text as a workspace's `terms.toml`, through `parse_terms`
//! (the workspace's locales are the repository's), and an accepted termbase through the
//! `terminology` check of `folio check`.
//!
//! The input is the termbase, optionally followed by a NUL byte and a translation `.ftl`
//! of the seed article; without one, the repository's French translation is checked.
//!
//! Asserted, beyond "no panic":
//! - a refused termbase has at least one problem, each at a real line and column of the
//!   text, in file order;
//! - an accepted one holds what validation promises: ids of letters, digits, `-` and
//!   `_`, each once; `en` forms, and every form with a letter or digit; only the
//!   workspace's locales; no form both approved and forbidden (case aside); and reading
//!   the same text again gives the same terms;
//! - `check_file` with the termbase compiled (`Termbase::new`) and the translation, in a
//!   locale picked by the input, gives findings at real places of the translation, in
//!   file order, and each terminology finding inside the message it names.
#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use folio_check::{Check, CheckOptions, Reference, Termbase, check_file};
use folio_ftl::{FtlFile, parse_ftl};
use folio_fuzz::fluent::{assert_line_column, assert_position};
use folio_fuzz::seed;
use libfuzzer_sys::fuzz_target;

/// The repository's French translation of the seed article.
const FRENCH_FTL: &str = include_str!("../../locales/fr/immunotherapy-multiple-myeloma.ftl");

fn locales() -> &'static [String] {
    static LOCALES: OnceLock<Vec<String>> = OnceLock::new();
    LOCALES.get_or_init(|| seed::LOCALES.iter().map(|l| (*l).to_owned()).collect())
}

fn reference() -> &'static FtlFile<'static> {
    static REFERENCE: OnceLock<FtlFile<'static>> = OnceLock::new();
    REFERENCE.get_or_init(|| parse_ftl(seed::ARTICLE_FTL))
}

fuzz_target!(|data: &[u8]| {
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    let (termbase, translation) = input.split_once('\0').unwrap_or((input, FRENCH_FTL));
    run(termbase, translation);
});

fn run(text: &str, translation: &str) {
    let terms = match folio_workspace::parse_terms("terms.toml".into(), text, locales()) {
        Ok(terms) => terms,
        Err(error) => {
            assert!(!error.problems.is_empty(), "refused without a problem");
            for problem in &error.problems {
                assert_line_column(text, problem.line, problem.column, &problem.message);
            }
            assert!(
                error.problems.is_sorted_by_key(|p| (p.line, p.column)),
                "problems out of file order"
            );
            return;
        }
    };
    let mut ids = BTreeSet::new();
    let has_word = |form: &String| form.chars().any(char::is_alphanumeric);
    for term in &terms {
        assert!(
            !term.id.is_empty()
                && term
                    .id
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_'),
            "accepted term id {:?}",
            term.id
        );
        assert!(ids.insert(&term.id), "the id `{}` twice", term.id);
        assert!(!term.en.is_empty(), "`{}` has no `en` forms", term.id);
        assert!(
            term.en.iter().all(has_word),
            "`{}`: an `en` form without a word",
            term.id
        );
        for (tag, table) in &term.locales {
            assert!(
                locales().contains(tag),
                "`{}`: a table for `{tag}`",
                term.id
            );
            assert!(
                table.approved.iter().chain(&table.forbidden).all(has_word),
                "`{}` in {tag}: a form without a word",
                term.id
            );
            let approved: BTreeSet<String> =
                table.approved.iter().map(|f| f.to_lowercase()).collect();
            assert!(
                table
                    .forbidden
                    .iter()
                    .all(|f| !approved.contains(&f.to_lowercase())),
                "`{}` in {tag}: a form both approved and forbidden",
                term.id
            );
        }
    }
    assert_eq!(
        folio_workspace::parse_terms("terms.toml".into(), text, locales()),
        Ok(terms.clone()),
        "the same text read twice"
    );

    let options = CheckOptions {
        terms: Some(Termbase::new(&terms)),
        ..CheckOptions::default()
    };
    let locale = &seed::LOCALES[text.len() % seed::LOCALES.len()];
    let file = parse_ftl(translation);
    let defined: BTreeSet<&str> = file.messages.iter().map(|m| m.id).collect();
    let findings = check_file(
        &Reference::new(reference(), &options),
        &file,
        translation,
        locale,
        &|id| defined.contains(id),
        &options,
    );
    for finding in &findings {
        assert_position(
            translation,
            finding.offset,
            finding.line,
            finding.column,
            "finding",
        );
        if finding.check == Check::Terminology {
            let id = finding
                .id
                .as_deref()
                .expect("a terminology finding names its unit");
            let at = file
                .messages
                .iter()
                .position(|m| m.id == id)
                .unwrap_or_else(|| panic!("terminology finding about `{id}`"));
            let end = file
                .messages
                .get(at + 1)
                .map_or(translation.len(), |next| next.offset);
            assert!(
                (file.messages[at].offset..end).contains(&finding.offset),
                "terminology finding outside `{id}`"
            );
        }
    }
    assert!(
        findings.is_sorted_by_key(|f| f.offset),
        "findings out of file order"
    );
}
