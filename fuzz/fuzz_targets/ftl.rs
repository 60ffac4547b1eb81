//! Fuzz target `ftl`: any text as a translator's `.ftl` of the seed article, through the
//! loader, the staleness tracker and the checker, as `folio status` and `folio check`
//! run them against the repository's English.
//!
//! Asserted, beyond "no panic":
//! - every message, term and syntax error points at a real place of the text (offset on
//!   a character boundary, line and column agreeing with it), messages and terms at
//!   their own id, errors with their own line's text;
//! - every English unit gets exactly one status, in English order, then each other id of
//!   the file once as obsolete; no id twice;
//! - each status is the one the tracker's contract gives, recomputed here from the file
//!   and the record: current, stale (record English differs), invalid (no value, or a
//!   broken entry of that id), missing;
//! - every finding of `check_file` (every check on, the editorial ones with the
//!   repository's termbase and length limits, as `es`) points at a real place of the
//!   text, and findings come in file order.
#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use folio_check::{CheckOptions, Reference, Termbase, check_file};
use folio_ftl::{FtlFile, parse_ftl, plain_text};
use folio_fuzz::fluent::{assert_line, assert_position};
use folio_fuzz::seed;
use folio_track::{EnglishUnit, Record, Status, classify, is_untranslated};
use libfuzzer_sys::fuzz_target;

/// The English, its parsed file and a record with every kind of entry: a third of the
/// units confirmed against today's English, a third against older English (stale), a
/// third never confirmed, and one entry for a unit the English no longer has.
struct Fixture {
    english: Vec<EnglishUnit>,
    reference: FtlFile<'static>,
    record: Record,
    /// Every check on, the editorial ones with the repository's termbase and limits.
    options: CheckOptions,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let english = seed::english_units(seed::ARTICLE_FTL);
        let mut record = Record::default();
        for (i, unit) in english.iter().enumerate() {
            match i % 3 {
                0 => record.confirm(&unit.id, &unit.text, "Traducción confirmada."),
                1 => record.confirm(
                    &unit.id,
                    "Older English of this unit.",
                    "Traducción anterior.",
                ),
                _ => {}
            }
        }
        record.confirm("retired-unit", "English that is gone.", "Texto que se fue.");
        Fixture {
            english,
            reference: parse_ftl(seed::ARTICLE_FTL),
            record,
            options: CheckOptions {
                markdown: true,
                numbers: true,
                identical: true,
                proper_names: vec!["Multiple Myeloma".to_owned(), "CAR-T".to_owned()],
                terms: Some(Termbase::new(&seed::terms())),
                length: Some(seed::length_limits()),
                ..CheckOptions::default()
            },
        }
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        run(text);
    }
});

fn run(text: &str) {
    let fixture = fixture();
    let file = parse_ftl(text);

    for message in &file.messages {
        assert_position(
            text,
            message.offset,
            message.line,
            message.column,
            "message",
        );
        assert!(
            text[message.offset..].starts_with(message.id),
            "message `{}` does not point at its id",
            message.id
        );
    }
    for term in &file.terms {
        assert!(
            text.is_char_boundary(term.offset) && text[term.offset..].starts_with(term.id),
            "term `{}` does not point at its id",
            term.id
        );
        let line = text[..term.offset].matches('\n').count() + 1;
        assert_eq!(term.line, line, "term `{}` line", term.id);
    }
    for error in &file.errors {
        assert_position(text, error.offset, error.line, error.column, "syntax error");
        let line_text = text.split('\n').nth(error.line - 1).expect("line checked");
        assert_eq!(
            error.line_text,
            line_text.trim_end_matches('\r'),
            "syntax error line text"
        );
    }

    let statuses = classify(&fixture.english, &file, &fixture.record, &[]);
    let english_ids: Vec<&str> = fixture.english.iter().map(|u| &*u.id).collect();
    let first: Vec<&str> = statuses
        .iter()
        .take(english_ids.len())
        .map(|s| &*s.id)
        .collect();
    assert_eq!(first, english_ids, "English units out of order or missing");
    let mut seen = BTreeSet::new();
    for status in &statuses {
        assert!(seen.insert(&*status.id), "`{}` has two statuses", status.id);
        if let Some(line) = status.line {
            assert_line(text, line, "status line");
        }
    }

    for (unit, status) in fixture.english.iter().zip(&statuses) {
        let message = file.messages.iter().find(|m| m.id == &*unit.id);
        let expected = match message {
            Some(m) if m.ast.value.is_some() => {
                let translation = plain_text(m.ast.value.as_ref().expect("checked")).into_owned();
                let words = |t: &str| t.split_whitespace().map(str::to_owned).collect::<Vec<_>>();
                let confirmed = fixture.record.get(&unit.id);
                let same = confirmed.is_none_or(|c| words(&c.english) == words(&unit.text));
                if is_untranslated(&unit.text, &translation, &[]) {
                    Status::Untranslated
                } else if same {
                    Status::Current
                } else if confirmed
                    .and_then(|c| c.translation.as_deref())
                    .is_some_and(|t| words(t) != words(&translation))
                {
                    Status::Updated
                } else {
                    Status::Stale
                }
            }
            Some(_) if unit.text.is_empty() => Status::Current,
            Some(_) => Status::Invalid,
            None if file
                .errors
                .iter()
                .any(|e| e.entry_id.as_deref() == Some(&*unit.id)) =>
            {
                Status::Invalid
            }
            None => Status::Missing,
        };
        assert_eq!(status.status, expected, "status of `{}`", unit.id);
        assert_eq!(
            status.line.is_none(),
            expected == Status::Missing,
            "line of `{}`",
            unit.id
        );
    }

    let mut defined: BTreeSet<String> = file.messages.iter().map(|m| m.id.to_owned()).collect();
    defined.extend(file.terms.iter().map(|t| format!("-{}", t.id)));
    let obsolete: BTreeSet<&str> = statuses[english_ids.len()..]
        .iter()
        .map(|s| {
            assert_eq!(s.status, Status::Obsolete, "`{}` after the English", s.id);
            &*s.id
        })
        .collect();
    let expected_obsolete: BTreeSet<&str> = defined
        .iter()
        .map(String::as_str)
        .filter(|id| !english_ids.contains(id))
        .collect();
    assert_eq!(obsolete, expected_obsolete, "obsolete units");

    let options = &fixture.options;
    let findings = check_file(
        &Reference::new(&fixture.reference, options),
        &file,
        text,
        "es",
        &|id| defined.contains(id),
        options,
    );
    for finding in &findings {
        assert_position(
            text,
            finding.offset,
            finding.line,
            finding.column,
            "finding",
        );
    }
    assert!(
        findings.is_sorted_by_key(|f| f.offset),
        "findings out of file order"
    );
}
