//! Fuzz target `xliff`: any text as an XLIFF file back from a translation agency, through
//! `read_xliff` and the inline-code machinery `folio xliff import` holds targets to.
//!
//! Asserted, beyond "no panic":
//! - a refused file's error is at a real line and column of the text; an accepted file's
//!   `<file>`, `<trans-unit>` and `<target>` lines are lines of the text, a target's not
//!   before its unit's;
//! - round trip: each accepted document, written again by `write_xliff` (with a context
//!   note and an `<alt-trans>` that reading must skip) and read back, gives the same
//!   name, languages and unit ids, each source the segment of its Markdown, each target
//!   the segment of its Markdown numbered after the source's, and the state written;
//! - for the Markdown of every source and target: `Segment::from_markdown` gives it back
//!   byte for byte, in a well-formed segment (ids unique, each `<ept>` after its
//!   `<bpt>`) whose codes pass `check_codes` against themselves and which `aligned_to`
//!   itself leaves unchanged; a target's segment aligned to its source keeps its
//!   Markdown and stays well-formed;
//! - a target that passes `check_codes` against its source has the source's codes, each
//!   exactly once; and when the source's codes are those its Markdown reads into (as in
//!   every file Folio wrote), the target's Markdown protects exactly what the source's
//!   does: the same link and image targets, code spans and inline HTML.
#![no_main]

use std::collections::BTreeMap;

use folio_exchange::{
    ExportDocument, ExportUnit, Previous, ReadDocument, Role, Segment, State, XliffExport,
    check_codes, read_xliff, write_xliff, xml_safe,
};
use folio_fuzz::codes::{assert_well_formed, protected};
use folio_fuzz::fluent::{assert_line, assert_line_column};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        run(text);
    }
});

fn run(text: &str) {
    let documents = match read_xliff(text) {
        Ok(documents) => documents,
        Err(error) => {
            assert_line_column(text, error.line, error.column, "read_xliff error");
            return;
        }
    };
    for document in &documents {
        assert_line(text, document.line, "<file>");
        for unit in &document.units {
            assert_line(text, unit.line, "<trans-unit>");
            assert!(unit.line >= document.line, "a unit before its <file>");
            let source = unit.source.to_markdown();
            let read = assert_reads_back(&source, "source");
            let Some(target) = &unit.target else {
                continue;
            };
            assert_line(text, target.line, "<target>");
            assert!(target.line >= unit.line, "a target before its unit");
            let translation = target.segment.to_markdown();
            assert_reads_back(&translation, "target");
            let aligned = Segment::from_markdown(&translation).aligned_to(&read);
            assert_eq!(
                aligned.to_markdown(),
                translation,
                "aligned_to changed the text"
            );
            assert_well_formed(&aligned, "target aligned to its source");
            if check_codes(&unit.source, &target.segment, None).is_ok() {
                assert_codes_kept(&unit.source, &read, &target.segment, &source, &translation);
            }
        }
    }
    for document in &documents {
        round_trip(document);
    }
}

/// Asserts that `markdown` reads into a well-formed segment that gives it back, checks
/// against itself and aligns to itself unchanged; returns the segment.
fn assert_reads_back(markdown: &str, what: &str) -> Segment {
    let segment = Segment::from_markdown(markdown);
    assert_eq!(segment.to_markdown(), markdown, "{what}: not given back");
    assert_well_formed(&segment, what);
    assert_eq!(
        check_codes(&segment, &segment, None),
        Ok(()),
        "{what}: its codes fail against themselves"
    );
    assert_eq!(
        segment.aligned_to(&segment),
        segment,
        "{what}: aligned to itself, it changed"
    );
    segment
}

/// The (element, id, Markdown) of each code of `segment`, counted.
fn codes(segment: &Segment) -> BTreeMap<(&'static str, u32, String), usize> {
    let mut found = BTreeMap::new();
    for code in segment.codes() {
        *found
            .entry((code.role.element(), code.id, code.native.clone()))
            .or_insert(0) += 1;
    }
    found
}

/// Asserts what a target that passed `check_codes` against `source` (whose Markdown
/// reads into `read`) keeps: every code of the source once and no other, and, when the
/// source's codes are its Markdown's, the same protected Markdown.
fn assert_codes_kept(
    source: &Segment,
    read: &Segment,
    target: &Segment,
    source_markdown: &str,
    target_markdown: &str,
) {
    assert_eq!(
        codes(target),
        codes(source),
        "check_codes passed a target whose codes are not the source's"
    );
    let natives = |s: &Segment| -> Vec<(Role, String)> {
        s.codes().map(|c| (c.role, c.native.clone())).collect()
    };
    if natives(source) == natives(read) {
        assert_eq!(
            protected(target_markdown),
            protected(source_markdown),
            "check_codes passed a target whose Markdown protects other things than the \
             source's\nsource: {source_markdown:?}\ntarget: {target_markdown:?}"
        );
    }
}

/// The state `write_xliff` writes for a target read with `state`: the same when it is
/// one Folio writes.
fn state(state: Option<&str>) -> State {
    [
        State::NeedsTranslation,
        State::NeedsReviewTranslation,
        State::Translated,
        State::Final,
    ]
    .into_iter()
    .find(|s| Some(s.name()) == state)
    .unwrap_or(State::NeedsTranslation)
}

/// Writes `document` again and reads it back: the same names and ids, each segment the
/// one its Markdown (as XML carries it) reads into.
fn round_trip(document: &ReadDocument) {
    let units: Vec<ExportUnit> = document
        .units
        .iter()
        .map(|unit| {
            let english = unit.source.to_markdown();
            let translation = unit.target.as_ref().map(|t| t.segment.to_markdown());
            ExportUnit {
                id: unit.id.clone(),
                previous: translation.as_ref().map(|t| Previous {
                    english: english.clone(),
                    translation: t.clone(),
                    diff: format!("[-{english}-]{{+{t}+}}"),
                }),
                english,
                translation,
                state: state(unit.target.as_ref().and_then(|t| t.state.as_deref())),
                context: Some(unit.id.clone()),
                locked: None,
            }
        })
        .collect();
    let written = write_xliff(
        &XliffExport {
            source_language: &document.source_language,
            target_language: &document.target_language,
            documents: &[ExportDocument {
                name: document.original.clone(),
                units: units.clone(),
            }],
        },
        &|id| (id.len() % 3 == 0).then_some(id.len()),
    );
    let again = read_xliff(&written)
        .unwrap_or_else(|e| panic!("what write_xliff wrote does not read: {e}\n{written}"));
    assert_eq!(
        again.len(),
        1,
        "one document written, not one read\n{written}"
    );
    let again = &again[0];
    assert_eq!(
        (
            &again.original,
            &again.source_language,
            &again.target_language
        ),
        (
            &document.original,
            &document.source_language,
            &document.target_language
        ),
        "the document's name or languages changed\n{written}"
    );
    let ids: Vec<&str> = again.units.iter().map(|u| u.id.as_str()).collect();
    let expected: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, expected, "unit ids changed\n{written}");
    for (unit, read) in units.iter().zip(&again.units) {
        let source = Segment::from_markdown(&xml_safe(&unit.english));
        assert_eq!(read.source, source, "`{}`: source\n{written}", unit.id);
        match (&unit.translation, &read.target) {
            (None, None) => {}
            (Some(translation), Some(target)) => {
                let expected = Segment::from_markdown(&xml_safe(translation)).aligned_to(&source);
                assert_eq!(target.segment, expected, "`{}`: target\n{written}", unit.id);
                assert_eq!(
                    target.state.as_deref(),
                    Some(unit.state.name()),
                    "`{}`: state\n{written}",
                    unit.id
                );
            }
            (written_target, read_target) => panic!(
                "`{}`: target {written_target:?} read back as {read_target:?}\n{written}",
                unit.id
            ),
        }
    }
}
