//! The translator's everyday loop end to end: `new-locale`, `sync` (msgmerge for Fluent:
//! textual insertion, translation memory, suggestions), and the statuses that keep a copy
//! of the English or a half-translated locale from passing as done.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use folio_tests::{Counts, Sandbox, StatusReport, ftl_messages, status_json};

const NAME: &str = "immunotherapy-multiple-myeloma";
const LOCALES: [&str; 6] = ["ar", "de", "es", "fr", "pt-BR", "zh-Hans"];

/// Unit counts of `document` in `locale`, from `status --format json`.
fn units(report: &StatusReport, locale: &str, document: &str) -> Counts {
    report.document(locale, document).units
}

/// Translates the placeholders of `path` that `choose` picks: the `# id = English`
/// message lines lose their `# ` and the English becomes `[it] English` (not identical).
fn translate_placeholders(sandbox: &Sandbox, path: &str, choose: impl Fn(usize) -> bool) {
    let text = sandbox.read(path);
    let mut out = String::new();
    let mut index = 0;
    for line in text.split_inclusive('\n') {
        let message = line
            .strip_prefix("# ")
            .and_then(|rest| rest.split_once(" = "))
            .filter(|(id, _)| !id.contains(' '));
        match message {
            Some((id, value)) => {
                if choose(index) {
                    out.push_str(&format!("{id} = [it] {value}"));
                } else {
                    out.push_str(line);
                }
                index += 1;
            }
            None => out.push_str(line),
        }
    }
    sandbox.write(path, out);
}

#[test]
fn a_new_locale_half_translated_is_neither_complete_nor_published() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run_ok(&["new-locale", "it"]);
    assert!(
        run.stdout.contains("35 added to translate"),
        "{}",
        run.stdout
    );
    let article = format!("locales/it/{NAME}.ftl");
    let text = sandbox.read(&article);
    assert!(text.starts_with("### Italiano (it): translation of"));
    assert!(
        ftl_messages(&text).is_empty(),
        "the skeleton's units are comments until translated"
    );
    let report = status_json(&sandbox, &["it"]);
    assert_eq!(units(&report, "it", NAME).missing, 35);

    translate_placeholders(&sandbox, "locales/it/disclaimer.ftl", |_| true);
    translate_placeholders(&sandbox, &article, |i| i % 2 == 0);
    let report = status_json(&sandbox, &["it"]);
    let counts = units(&report, "it", NAME);
    assert_eq!((counts.current, counts.missing), (18, 17));
    let check = sandbox.run(&["check", "it"]);
    assert_eq!(
        check.code, 1,
        "a half-translated locale fails the bar: {check:?}"
    );
    let render = sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(
        render.stdout.contains(&format!("it: {NAME} not published")),
        "{}",
        render.stdout
    );
    assert!(!sandbox.path().join(format!("site/it/{NAME}.html")).exists());

    // Naming a locale that exists, the reference or a bad tag is an error.
    for (tag, says) in [
        ("es", "exists already"),
        ("en", "reference locale"),
        ("Italian", "BCP 47"),
    ] {
        let run = sandbox.run(&["new-locale", tag]);
        assert_eq!(run.code, 2, "{tag}: {run:?}");
        assert!(run.stderr.contains(says), "{tag}: {}", run.stderr);
    }
}

#[test]
fn sync_keeps_every_byte_of_a_translators_file_and_twice_changes_nothing() {
    let sandbox = Sandbox::repo();
    let es = format!("locales/es/{NAME}.ftl");
    // A translator's own layout: a note, odd spacing, two units not translated yet.
    let original = sandbox.read(&es);
    let mut mine = String::from("# Mis notas: revisar con el equipo médico.\n\n");
    for line in original.split_inclusive('\n') {
        if line.starts_with("intro-p3 = ") || line.starts_with("types-immunotherapy-li2 = ") {
            continue;
        }
        mine.push_str(&line.replace(" = ", " =   "));
    }
    sandbox.write(&es, &mine);
    let report = status_json(&sandbox, &["es"]);
    assert_eq!(units(&report, "es", NAME).missing, 2);

    sandbox.run_ok(&["sync", "es"]);
    let synced = sandbox.read(&es);
    // Every line of the translator's file is still there, in order, byte for byte; the
    // only lines added are comments and blank lines.
    let mut old = mine.split_inclusive('\n').peekable();
    for line in synced.split_inclusive('\n') {
        if old.peek() == Some(&line) {
            old.next();
        } else {
            assert!(
                line.starts_with('#') || line == "\n",
                "only comments are added, not {line:?}"
            );
        }
    }
    assert_eq!(
        old.next(),
        None,
        "every line of the translator's file survives"
    );
    assert!(synced.contains("# intro-p3 = Immunotherapy, on the other hand"));
    sandbox.run_ok(&["sync"]);
    assert_eq!(sandbox.read(&es), synced, "a second sync changes nothing");
    for locale in LOCALES.iter().filter(|l| **l != "es") {
        assert_eq!(
            sandbox.read(&format!("locales/{locale}/{NAME}.ftl")),
            Sandbox::repo().read(&format!("locales/{locale}/{NAME}.ftl")),
            "{locale}: nothing to do, nothing touched"
        );
    }
}

#[test]
fn an_article_copied_under_a_new_name_is_current_everywhere_after_sync() {
    let sandbox = Sandbox::repo();
    sandbox.write("source/copy.md", sandbox.read(&format!("source/{NAME}.md")));
    sandbox.run_ok(&["extract"]);
    let report = status_json(&sandbox, &[]);
    assert_eq!(units(&report, "es", "copy").missing, 35);
    let run = sandbox.run_ok(&["sync"]);
    assert!(
        run.stdout.contains("es: copy: 35 unit(s) filled"),
        "{}",
        run.stdout
    );
    let report = status_json(&sandbox, &[]);
    for locale in LOCALES {
        assert_eq!(units(&report, locale, "copy").current, 35, "{locale}");
        let record = sandbox.read(&format!("locales/{locale}/confirmed/copy.toml"));
        assert!(
            record.contains("[intro-p1]\nenglish = "),
            "filled units are recorded"
        );
    }
    sandbox.run_ok(&["check"]);
}

#[test]
fn a_rewritten_paragraph_gets_the_old_translation_as_a_suggestion() {
    let sandbox = Sandbox::repo();
    let article = format!("source/{NAME}.md");
    let text = sandbox.read(&article);
    let start = text.find("Immunotherapy, on the other hand, aims").unwrap();
    let end = start + text[start..].find("\n\n").unwrap();
    let mut text = text;
    text.replace_range(
        start..end,
        "Doctors now weigh these newer options against chemotherapy for each patient, \
         looking at age, kidney function and earlier treatments before choosing.",
    );
    sandbox.write(&article, text);
    sandbox.run_ok(&["extract"]);
    let run = sandbox.run_ok(&["sync", "fr"]);
    assert!(
        run.stdout.contains("(1 with suggestions)"),
        "{}",
        run.stdout
    );
    let fr = sandbox.read(&format!("locales/fr/{NAME}.ftl"));
    let block = &fr[fr.find("# Suggestion").expect("a suggestion")..];
    assert!(
        block.starts_with("# Suggestion (")
            && block.contains("intro-p3, the retired unit in its place): L")
            && block.contains("its English, then → now: "),
        "{block}"
    );
}

#[test]
fn a_copied_english_locale_is_untranslated_not_current() {
    let sandbox = Sandbox::repo();
    for file in ["disclaimer.ftl", &format!("{NAME}.ftl")] {
        sandbox.write(
            &format!("locales/it/{file}"),
            sandbox.read(&format!("locales/en/{file}")),
        );
    }
    let report = status_json(&sandbox, &["it"]);
    let counts = units(&report, "it", NAME);
    assert_eq!(counts.current + counts.untranslated, 35, "{counts:?}");
    assert!(
        counts.untranslated >= 25,
        "every unit of more than one word is untranslated: {counts:?}"
    );
    assert_eq!(sandbox.run(&["check", "it"]).code, 1);
}

#[test]
fn minor_applies_to_an_earlier_english_edit_still_stale() {
    let sandbox = Sandbox::repo();
    let article = format!("source/{NAME}.md");
    sandbox.edit(
        &article,
        "Risky, requires donor match",
        "Risky; requires donor match",
    );
    let run = sandbox.run_ok(&["extract"]);
    assert!(
        run.stdout
            .contains("changed: comparison-treatment-options-td12 (a typo fix"),
        "extract names the changed ids: {}",
        run.stdout
    );
    // The translator of es updates theirs in the meantime: that one stays for them.
    let es = format!("locales/es/{NAME}.ftl");
    let text = sandbox.read(&es);
    let line = text
        .lines()
        .find(|l| l.starts_with("comparison-treatment-options-td12 = "))
        .unwrap()
        .to_owned();
    sandbox.edit(&es, &line, &format!("{line} (revisado)"));

    let run = sandbox.run_ok(&["extract", "--minor", "comparison-treatment-options-td12"]);
    assert!(run.stdout.contains("declared minor"), "{}", run.stdout);
    let report = status_json(&sandbox, &[]);
    for locale in LOCALES {
        let counts = units(&report, locale, NAME);
        let (updated, current) = if locale == "es" { (1, 34) } else { (0, 35) };
        assert_eq!(
            (counts.updated, counts.current),
            (updated, current),
            "{locale}: {counts:?}"
        );
    }
    let fr = sandbox.read(&format!("locales/fr/confirmed/{NAME}.toml"));
    assert!(
        fr.contains("minor-edit-of = \"Risky, requires donor match\""),
        "{fr}"
    );
    // A unit that is current everywhere can't be declared minor.
    let run = sandbox.run(&["extract", "--minor", "intro-p1"]);
    assert_eq!(run.code, 2, "{run:?}");
}

#[test]
fn the_reference_locale_is_accepted_and_explained() {
    let sandbox = Sandbox::repo();
    for args in [
        &["status", "en"][..],
        &["check", "en"],
        &["accept", "en", "--all"],
    ] {
        let run = sandbox.run(args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
        assert!(
            run.stderr.contains("`en` is the reference locale"),
            "{args:?}: {}",
            run.stderr
        );
    }
}
