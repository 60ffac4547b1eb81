//! `folio status`, `folio accept` and `extract --minor` end to end, on copies of the
//! real workspace with its six translations.

use std::collections::BTreeMap;

use folio_tests::{Counts, DiffPart, Sandbox, StatusFile, StatusReport, UnitReport, status_json};

const ARTICLE: &str = "source/immunotherapy-multiple-myeloma.md";
const NAME: &str = "immunotherapy-multiple-myeloma";
const LOCALES: [&str; 6] = ["ar", "de", "es", "fr", "pt-BR", "zh-Hans"];

// The JSON wire format (version 2) is mirrored strictly in the support library: an
// unknown or missing field fails the test, and each locale's totals must be the sums of
// its documents.

/// The article's entry in each locale.
fn article_by_locale(report: &StatusReport) -> BTreeMap<String, &StatusFile> {
    report
        .locales
        .iter()
        .map(|l| (l.locale.clone(), report.document(&l.locale, NAME)))
        .collect()
}

/// `(id, status)` of every unit that is not current, per locale.
fn todo(report: &StatusReport, locale: &str) -> Vec<(String, String)> {
    report.todo(locale)
}

/// The deletions and insertions of a stale unit's diff.
fn changes(unit: &UnitReport) -> Vec<&DiffPart> {
    let diff = unit.diff.as_ref().expect("a stale unit has a diff");
    diff.iter()
        .filter(|p| !matches!(p, DiffPart::Equal(_)))
        .collect()
}

/// The first unit to do in the article, in the report's first locale.
fn first_todo(report: &StatusReport) -> &UnitReport {
    &report.document(&report.locales[0].locale, NAME).todo[0]
}

/// Counts with no updated or untranslated units.
fn counts(current: usize, stale: usize, missing: usize, obsolete: usize, invalid: usize) -> Counts {
    Counts {
        current,
        updated: 0,
        stale,
        untranslated: 0,
        missing,
        obsolete,
        invalid,
    }
}

#[test]
fn the_committed_repository_is_fully_current() {
    let sandbox = Sandbox::repo();
    let report = status_json(&sandbox, &[]);
    assert_eq!(report.locale_names(), LOCALES);
    for locale in &report.locales {
        assert_eq!(locale.units, counts(37, 0, 0, 0, 0), "{}", locale.locale);
        assert_eq!(
            locale.words.current,
            locale.words.current + locale.words.stale + locale.words.missing
        );
        assert!(locale.words.current > 500, "words are counted");
        assert_eq!(locale.coverage, 100.0, "{}", locale.locale);
        let documents: Vec<&str> = report
            .documents_of(&locale.locale)
            .iter()
            .map(|d| d.document.as_str())
            .collect();
        assert_eq!(documents, ["disclaimer", NAME], "{}", locale.locale);
        for document in report.documents_of(&locale.locale) {
            assert_eq!(document.coverage, 100.0);
            assert!(document.todo.is_empty() && document.syntax_errors.is_empty());
            assert!(document.words.current > 0 && document.words.stale == 0);
            assert_eq!(
                document.file,
                format!("locales/{}/{}.ftl", locale.locale, document.document)
            );
        }
    }
    // People get one line per locale; `--documents` adds one per document and locale.
    let human = sandbox.run(&["status"]);
    assert_eq!(human.code, 0);
    assert!(
        human.stdout.contains("100.0%") && !human.stdout.contains("not recorded"),
        "{}",
        human.stdout
    );
    let rows = |stdout: &str, locale: &str| -> Vec<String> {
        stdout
            .lines()
            .filter(|l| l.split_whitespace().next() == Some(locale))
            .map(str::to_owned)
            .collect()
    };
    for locale in LOCALES {
        let totals = rows(&human.stdout, locale);
        assert_eq!(totals.len(), 1, "{locale}: {}", human.stdout);
        assert!(totals[0].ends_with("100.0%") && totals[0].contains(" 37 "));
    }
    assert!(!human.stdout.contains(NAME), "{}", human.stdout);
    let documents = sandbox.run_ok(&["status", "--documents"]);
    for locale in LOCALES {
        let rows = rows(&documents.stdout, locale);
        assert_eq!(rows.len(), 3, "{locale}: {}", documents.stdout);
        assert!(
            rows[0].contains(" disclaimer ") && rows[1].contains(&format!(" {NAME} ")),
            "{rows:?}"
        );
        assert!(
            rows[1].contains(" 35 ") && rows[2].contains(" 37 "),
            "{rows:?}"
        );
    }
}

#[test]
fn one_changed_word_stales_that_unit_everywhere_until_accepted() {
    let sandbox = Sandbox::repo();
    let translations_before: Vec<String> = LOCALES
        .iter()
        .map(|l| sandbox.read(&format!("locales/{l}/{NAME}.ftl")))
        .collect();
    sandbox.edit(
        ARTICLE,
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);

    let report = status_json(&sandbox, &[]);
    for (locale, document) in article_by_locale(&report) {
        assert_eq!(document.units, counts(34, 1, 0, 0, 0), "{locale}");
        let unit = &document.todo[0];
        assert_eq!(
            (unit.id.as_str(), unit.status.as_str()),
            ("intro-p2", "stale")
        );
        assert!(unit.line.is_some() && unit.translation.is_some());
        assert!(
            unit.english
                .as_deref()
                .unwrap()
                .starts_with("Multiple myeloma damages")
        );
        assert!(unit.recorded && unit.words == 29, "{} words", unit.words);
        let changes = changes(unit);
        assert_eq!(
            changes,
            [
                &DiffPart::Delete("affects".into()),
                &DiffPart::Insert("damages".into())
            ],
            "{locale}"
        );
    }

    let diff = sandbox.run(&["status", "es", "--diff"]);
    assert!(
        diff.stdout
            .contains("Multiple myeloma [-affects-]{+damages+} plasma cells"),
        "{}",
        diff.stdout
    );
    assert!(
        diff.stdout
            .contains("locales/es/immunotherapy-multiple-myeloma.ftl:"),
        "file:line"
    );
    assert!(
        diff.stdout.contains("El mieloma múltiple"),
        "the current translation"
    );

    let translations_after: Vec<String> = LOCALES
        .iter()
        .map(|l| sandbox.read(&format!("locales/{l}/{NAME}.ftl")))
        .collect();
    assert_eq!(
        translations_after, translations_before,
        "no translator file is ever rewritten"
    );

    // Accepting the untouched translation is refused: it needs the translator's word.
    let run = sandbox.run(&["accept", "es", "intro-p2"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("--unchanged"), "{}", run.stderr);

    // The translator updates it: it shows as updated, with both diffs, until accepted.
    let es = format!("locales/es/{NAME}.ftl");
    sandbox.edit(
        &es,
        "El mieloma múltiple afecta a",
        "El mieloma múltiple daña a",
    );
    let report = status_json(&sandbox, &["es"]);
    let unit = first_todo(&report);
    assert_eq!(
        (unit.id.as_str(), unit.status.as_str()),
        ("intro-p2", "updated")
    );
    assert!(
        unit.confirmed_translation
            .as_deref()
            .is_some_and(|t| t.starts_with("El mieloma múltiple afecta a")),
        "the record keeps the translation that was confirmed"
    );
    let translation_diff: Vec<&DiffPart> = unit
        .translation_diff
        .iter()
        .flatten()
        .filter(|p| !matches!(p, DiffPart::Equal(_)))
        .collect();
    assert_eq!(
        translation_diff,
        [
            &DiffPart::Delete("afecta".into()),
            &DiffPart::Insert("daña".into())
        ]
    );
    let diff = sandbox.run(&["status", "es", "--diff"]);
    assert!(
        diff.stdout.contains("updated intro-p2")
            && diff
                .stdout
                .contains("El mieloma múltiple [-afecta-]{+daña+} a"),
        "{}",
        diff.stdout
    );
    sandbox.run_ok(&["accept", "es", "intro-p2"]);
    let report = status_json(&sandbox, &[]);
    for (locale, document) in article_by_locale(&report) {
        let expected = if locale == "es" {
            counts(35, 0, 0, 0, 0)
        } else {
            counts(34, 1, 0, 0, 0)
        };
        assert_eq!(document.units, expected, "{locale}");
    }

    // Confirming an unchanged translation is possible, and recorded as such.
    sandbox.run_ok(&["accept", "fr", "intro-p2", "--unchanged"]);
    let record = sandbox.read(&format!("locales/fr/confirmed/{NAME}.toml"));
    let entry = &record[record.find("[intro-p2]").unwrap()..];
    assert!(entry.contains("confirmed-unchanged = true"), "{entry}");
    // Accepting a current unit again is no error.
    let again = sandbox.run_ok(&["accept", "es", "intro-p2"]);
    assert!(again.stdout.contains("already current"), "{}", again.stdout);
}

#[test]
fn the_diff_runs_from_the_translated_english_to_today() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        ARTICLE,
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    sandbox.edit(
        ARTICLE,
        "which are crucial for immune function",
        "which are essential for immune function",
    );
    sandbox.run_ok(&["extract"]);
    let report = status_json(&sandbox, &["de"]);
    let unit = first_todo(&report);
    assert!(
        unit.confirmed
            .as_deref()
            .unwrap()
            .starts_with("Multiple myeloma affects plasma cells, which are crucial")
    );
    let changes = changes(unit);
    assert_eq!(
        changes,
        [
            &DiffPart::Delete("affects".into()),
            &DiffPart::Insert("damages".into()),
            &DiffPart::Delete("crucial".into()),
            &DiffPart::Insert("essential".into()),
        ]
    );
}

#[test]
fn whitespace_edits_and_reformatted_translations_change_no_status() {
    let sandbox = Sandbox::repo();
    let source = sandbox.read(ARTICLE);
    sandbox.write(
        ARTICLE,
        source
            .replace("plasma cells, which", "plasma   cells,\nwhich")
            .replace("Cancer treatment has", "Cancer  treatment has"),
    );
    sandbox.run_ok(&["extract"]);

    // Reverse the order of the Spanish messages and put each value on a line of its own
    // (unless it starts with a character Fluent would read as syntax there).
    let es = format!("locales/es/{NAME}.ftl");
    let messages = sandbox.messages(&es);
    let reformatted: String = messages
        .iter()
        .rev()
        .map(|(id, text)| match text.starts_with(['*', '[', '.']) {
            true => format!("{id}   =   {text}\n\n"),
            false => format!("{id} =\n        {text}\n\n"),
        })
        .collect();
    sandbox.write(
        &es,
        format!("# Reordered by a translator's editor.\n\n{reformatted}"),
    );

    let report = status_json(&sandbox, &[]);
    for locale in &report.locales {
        assert_eq!(locale.units, counts(37, 0, 0, 0, 0), "{}", locale.locale);
    }
}

#[test]
fn a_minor_edit_stales_nothing_and_a_real_edit_afterwards_does() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        ARTICLE,
        "Risky, requires donor match",
        "Risky; requires donor match",
    );
    let run = sandbox.run_ok(&["extract", "--minor", "comparison-treatment-options-td12"]);
    assert!(run.stdout.contains("declared minor"), "{}", run.stdout);
    let report = status_json(&sandbox, &[]);
    for locale in &report.locales {
        assert_eq!(locale.units, counts(37, 0, 0, 0, 0), "{}", locale.locale);
    }
    let record = sandbox.read(&format!("locales/fr/confirmed/{NAME}.toml"));
    let entry = &record[record.find("[comparison-treatment-options-td12]").unwrap()..];
    let entry = &entry[..entry.find("\n\n").unwrap_or(entry.len())];
    assert!(
        entry.contains("\nenglish = \"Risky; requires donor match\"\n")
            && entry.contains("\nminor-edit-of = \"Risky, requires donor match\""),
        "{entry}"
    );

    sandbox.edit(
        ARTICLE,
        "Risky; requires donor match",
        "Risky; requires a matched donor",
    );
    sandbox.run_ok(&["extract"]);
    let report = status_json(&sandbox, &[]);
    for locale in &report.locales {
        assert_eq!(
            todo(&report, &locale.locale),
            [(
                "comparison-treatment-options-td12".to_owned(),
                "stale".to_owned()
            )]
        );
    }
}

#[test]
fn minor_must_name_a_changed_unit() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run(&["extract", "--minor", "intro-p1"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`intro-p1` is not one of the units"),
        "{}",
        run.stderr
    );
}

#[test]
fn removed_english_is_obsolete_and_added_english_is_missing() {
    let sandbox = Sandbox::repo();
    let translations_before = sandbox.read(&format!("locales/es/{NAME}.ftl"));
    let source = sandbox.read(ARTICLE);
    let start = source
        .find("Personalized immunotherapy offers several advantages")
        .unwrap();
    let end = source[start..].find("\n\n").unwrap() + start + 2;
    let edited = format!(
        "{}{}",
        &source[..start],
        &source[end..].replacen(
            "## Future Directions",
            "A brand new paragraph for the comparison.\n\n## Future Directions",
            1
        )
    );
    sandbox.write(ARTICLE, edited);
    sandbox.run_ok(&["extract"]);
    let report = status_json(&sandbox, &[]);
    for locale in &report.locales {
        let mut found = todo(&report, &locale.locale);
        found.sort();
        assert_eq!(
            found,
            [
                (
                    "benefits-personalized-immunotherapy-p1".to_owned(),
                    "obsolete".to_owned()
                ),
                (
                    "comparison-treatment-options-p1".to_owned(),
                    "missing".to_owned()
                ),
            ],
            "{}",
            locale.locale
        );
    }
    assert_eq!(
        sandbox.read(&format!("locales/es/{NAME}.ftl")),
        translations_before,
        "obsolete is reported, not deleted"
    );
}

#[test]
fn a_new_translation_is_recorded_against_the_english_of_that_moment() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        ARTICLE,
        "## Future Directions",
        "A new paragraph about costs.\n\n## Future Directions",
    );
    sandbox.run_ok(&["extract"]);
    let es = format!("locales/es/{NAME}.ftl");
    let translation = sandbox.read(&es);
    sandbox.write(
        &es,
        format!(
            "{translation}comparison-treatment-options-p1 = Un párrafo nuevo sobre los costos.\n"
        ),
    );
    let report = status_json(&sandbox, &["es"]);
    assert!(
        todo(&report, "es").is_empty(),
        "a new translation counts as current"
    );

    // The author edits the paragraph before the translator records anything: the
    // translation was made against the first wording, and the diff says so.
    sandbox.edit(
        ARTICLE,
        "A new paragraph about costs.",
        "A new paragraph about treatment costs.",
    );
    sandbox.run_ok(&["extract"]);
    let report = status_json(&sandbox, &["es"]);
    let unit = first_todo(&report);
    assert_eq!(unit.status, "stale");
    assert_eq!(
        unit.confirmed.as_deref(),
        Some("A new paragraph about costs.")
    );
}

#[test]
fn accept_says_what_is_wrong_with_a_unit_it_cannot_confirm() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run(&["accept", "es", "nosuch-id"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("`nosuch-id` is not one of the units this applies to")
            && run.stderr.contains("(the English units of es)"),
        "an unknown id says so: {}",
        run.stderr
    );
    let es = format!("locales/es/{NAME}.ftl");
    let english = sandbox
        .messages(&format!("locales/en/{NAME}.ftl"))
        .into_iter()
        .find(|(id, _)| id == "intro-p1")
        .unwrap()
        .1;
    let text = sandbox.read(&es);
    let start = text.find("\nintro-p1 = ").unwrap() + 1;
    let end = start + text[start..].find('\n').unwrap();
    sandbox.write(
        &es,
        format!("{}intro-p1 = {english}{}", &text[..start], &text[end..]),
    );
    let run = sandbox.run(&["accept", "es", "intro-p1"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("is untranslated"),
        "a copied English unit can't be confirmed: {}",
        run.stderr
    );
    let run = sandbox.run(&["accept", "es"]);
    assert_eq!(run.code, 2, "accepting needs units, --all or --new");
    let run = sandbox.run(&["accept", "xx-bogus!"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("not a BCP 47 language tag"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_syntax_error_is_reported_and_the_rest_still_counted() {
    let sandbox = Sandbox::repo();
    let es = format!("locales/es/{NAME}.ftl");
    let text = sandbox.read(&es);
    let line = text
        .lines()
        .position(|l| l.starts_with("intro-p3 ="))
        .unwrap()
        + 1;
    let broken_line = text
        .lines()
        .nth(line - 1)
        .unwrap()
        .replacen(" = ", " = { ", 1);
    sandbox.write(
        &es,
        text.replacen(text.lines().nth(line - 1).unwrap(), &broken_line, 1),
    );

    let run = sandbox.run(&["status"]);
    assert_eq!(
        run.code, 0,
        "a broken translation is a finding of status, not a failure: {run:?}"
    );
    assert!(
        run.stderr
            .contains(&format!("locales/es/{NAME}.ftl:{line}:")),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("intro-p3 = {"),
        "the offending line is shown: {}",
        run.stderr
    );

    let report = status_json(&sandbox, &[]);
    for (locale, document) in article_by_locale(&report) {
        let expected = if locale == "es" {
            counts(34, 0, 0, 0, 1)
        } else {
            counts(35, 0, 0, 0, 0)
        };
        assert_eq!(document.units, expected, "{locale}");
    }
    let es_doc = article_by_locale(&report)["es"].syntax_errors.len();
    assert_eq!(es_doc, 1);
    let error = &article_by_locale(&report)["es"].syntax_errors[0];
    assert_eq!(error.line, line);
    assert!(
        error.column > 1
            && !error.message.is_empty()
            && error.line_text.starts_with("intro-p3 = {")
    );
}

#[test]
fn a_locale_folder_that_is_not_bcp47_is_named() {
    let sandbox = Sandbox::repo();
    sandbox.write(
        "locales/Spanish/immunotherapy-multiple-myeloma.ftl",
        "title = Hola\n",
    );
    let run = sandbox.run(&["status"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("locales/Spanish") && run.stderr.contains("not a BCP 47"),
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains("zh-Hans"),
        "the valid locales are still reported"
    );
    let run = sandbox.run(&["status", "pt-br"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("did you mean `pt-BR`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_reviewers_fix_of_a_current_unit_is_reconfirmed_and_later_stales_rather_than_updates() {
    let sandbox = Sandbox::repo();
    let translation = format!("locales/es/{NAME}.ftl");
    let record = format!("locales/es/confirmed/{NAME}.toml");
    // A reviewer revises a current translation while the English stands still.
    sandbox.edit(
        &translation,
        "intro-p2 = El mieloma",
        "intro-p2 = Hoy, el mieloma",
    );
    let accepted = sandbox.run_ok(&["accept", "es", "intro-p2"]);
    assert!(
        accepted
            .stdout
            .contains("re-confirmed 1 current unit(s) whose translation was revised"),
        "{}",
        accepted.stdout
    );
    let entry = sandbox.read(&record);
    let entry = &entry[entry.find("[intro-p2]").unwrap()..];
    assert!(entry.contains("Hoy, el mieloma"), "{entry}");
    // Nothing left to re-confirm.
    let again = sandbox.run_ok(&["accept", "es", "intro-p2"]);
    assert!(again.stdout.contains("already current"), "{}", again.stdout);
    // The English then changes: the unit is stale (the translator has not followed it
    // yet), not "updated" against the pre-review translation.
    sandbox.edit(
        ARTICLE,
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    let report = status_json(&sandbox, &["es"]);
    let (_, document) = article_by_locale(&report).into_iter().next().unwrap();
    assert_eq!(document.units, counts(34, 1, 0, 0, 0));
}
