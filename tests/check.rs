//! `folio check` end to end: every check fires on a minimal fixture and stays quiet on a
//! near miss; coverage bars; JSON, GitHub and exit codes; generic mode on real corpora.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use folio_tests::{Counts, Run, Sandbox, repo_root};
use serde::Deserialize;

// The JSON wire format (version 2), mirrored strictly, then regrouped by locale for the
// assertions below.

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireReport {
    version: u32,
    documents: Vec<WireFile>,
    locales: Vec<WireLocale>,
    errors: Vec<String>,
    passed: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireFile {
    document: String,
    locale: String,
    file: String,
    units: Counts,
    words: Counts,
    publishable_words: usize,
    coverage: f64,
    min_coverage: f64,
    stale_fails: bool,
    passed: bool,
    findings: Vec<WireFinding>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireFinding {
    severity: String,
    check: String,
    line: Option<usize>,
    column: Option<usize>,
    id: Option<String>,
    message: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct WireLocale {
    locale: String,
    documents: usize,
    failed: usize,
    units: Counts,
    words: Counts,
    coverage: f64,
    errors: usize,
    warnings: usize,
    passed: bool,
}

/// The report regrouped: documents under their locale, findings flat.
#[derive(Debug)]
struct CheckReport {
    passed: bool,
    locales: Vec<LocaleVerdict>,
    findings: Vec<FindingReport>,
}

#[derive(Debug)]
struct LocaleVerdict {
    locale: String,
    passed: bool,
    documents: Vec<WireFile>,
}

#[derive(Debug)]
#[allow(dead_code)] // mirrored for Debug output; the tests read some fields
struct FindingReport {
    severity: String,
    check: String,
    locale: String,
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    id: Option<String>,
    message: String,
}

fn json(run: &Run) -> CheckReport {
    let wire: WireReport = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}:\n{}{}", run.stdout, run.stderr));
    assert_eq!(wire.version, 2);
    assert_eq!(
        wire.passed,
        wire.errors.is_empty() && wire.locales.iter().all(|l| l.passed)
    );
    let mut findings = Vec::new();
    let mut locales: Vec<LocaleVerdict> = wire
        .locales
        .iter()
        .map(|l| {
            // The totals are the sums of the locale's documents.
            let documents: Vec<&WireFile> = wire
                .documents
                .iter()
                .filter(|d| d.locale == l.locale)
                .collect();
            assert_eq!(documents.len(), l.documents, "{l:?}");
            let sum = |f: fn(&Counts) -> usize, of: fn(&WireFile) -> &Counts| {
                documents.iter().map(|d| f(of(d))).sum::<usize>()
            };
            assert_eq!(sum(|c| c.current, |d| &d.units), l.units.current, "{l:?}");
            assert_eq!(sum(|c| c.missing, |d| &d.words), l.words.missing, "{l:?}");
            let findings = documents.iter().flat_map(|d| &d.findings);
            let errors = findings.clone().filter(|f| f.severity == "error").count();
            assert_eq!((errors, findings.count() - errors), (l.errors, l.warnings));
            assert!(l.failed <= l.documents, "{l:?}");
            assert!((0.0..=100.0).contains(&l.coverage), "{l:?}");
            LocaleVerdict {
                locale: l.locale.clone(),
                passed: l.passed,
                documents: Vec::new(),
            }
        })
        .collect();
    for document in wire.documents {
        // Only a current unit is publishable.
        assert!(
            document.publishable_words <= document.words.current,
            "{document:?}"
        );
        for f in &document.findings {
            findings.push(FindingReport {
                severity: f.severity.clone(),
                check: f.check.clone(),
                locale: document.locale.clone(),
                file: document.file.clone(),
                line: f.line,
                column: f.column,
                id: f.id.clone(),
                message: f.message.clone(),
            });
        }
        let locale = locales
            .iter_mut()
            .find(|l| l.locale == document.locale)
            .expect("every document's locale has totals");
        locale.documents.push(document);
    }
    for locale in &mut locales {
        locale.documents.sort_by(|a, b| a.document.cmp(&b.document));
    }
    findings.sort_by(|a, b| {
        (&a.locale, &a.file, a.line, a.column).cmp(&(&b.locale, &b.file, b.line, b.column))
    });
    CheckReport {
        passed: wire.passed,
        locales,
        findings,
    }
}

/// A one-article workspace whose Spanish translation of the article is `es` (the
/// disclaimer is translated correctly), extracted and checked as JSON.
fn workspace(article: &str, es: &str, settings: &str) -> Sandbox {
    let sandbox = Sandbox::empty();
    sandbox.write("folio.toml", format!("reference = \"en\"\n{settings}"));
    sandbox.write("source/a.md", article);
    sandbox.write("source/disclaimer.md", "Not medical advice.\n");
    sandbox.run_ok(&["extract"]);
    sandbox.write(
        "locales/es/disclaimer.ftl",
        "intro-p1 = No es consejo médico.\n",
    );
    sandbox.write("locales/es/a.ftl", es);
    sandbox
}

/// `(check, severity, id)` of every finding of `folio check --format json`.
fn findings(sandbox: &Sandbox) -> (i32, Vec<(String, String, Option<String>)>) {
    let run = sandbox.run(&["check", "--format", "json"]);
    let report = json(&run);
    let found = report
        .findings
        .iter()
        .map(|f| (f.check.clone(), f.severity.clone(), f.id.clone()))
        .collect();
    (run.code, found)
}

fn finding(check: &str, severity: &str, id: &str) -> (String, String, Option<String>) {
    (check.to_owned(), severity.to_owned(), Some(id.to_owned()))
}

/// Coverage off, so a fixture shows only the quality check under test.
const NO_BAR: &str = "[check]\nmin-coverage = 0\n";

/// Asserts that `bad` fires exactly `expected` and `near_miss` fires nothing.
fn fires(article: &str, bad: &str, near_miss: &str, expected: &[(&str, &str)]) {
    let (code, found) = findings(&workspace(article, bad, NO_BAR));
    let expected: Vec<_> = expected
        .iter()
        .map(|(check, severity)| finding(check, severity, "intro-p1"))
        .collect();
    assert_eq!(found, expected, "for\n{bad}");
    let errors = expected.iter().any(|(_, severity, _)| severity == "error");
    assert_eq!(code, if errors { 1 } else { 0 });
    let (code, found) = findings(&workspace(article, near_miss, NO_BAR));
    assert_eq!(found, [], "near miss\n{near_miss}");
    assert_eq!(code, 0);
}

const PLAIN: &str = "Plain words here.\n";

#[test]
fn syntax_errors_fire_with_position() {
    fires(
        PLAIN,
        "intro-p1 = Palabras { sueltas\n",
        "intro-p1 = Palabras {\"{\"} sueltas\n",
        &[("syntax", "error")],
    );
    let sandbox = workspace(PLAIN, "\n\nintro-p1 = Palabras { sueltas\n", "");
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("locales/es/a.ftl:3:"), "{}", run.stderr);
    assert!(
        run.stderr.contains("intro-p1 = Palabras { sueltas"),
        "the offending line: {}",
        run.stderr
    );
}

#[test]
fn duplicate_ids_fire() {
    fires(
        PLAIN,
        "intro-p1 = Uno.\nintro-p1 = Dos.\n",
        "intro-p1 = Uno.\n# intro-p1 = Dos.\n",
        &[("duplicate-id", "error")],
    );
}

#[test]
fn a_message_without_value_fires() {
    fires(
        PLAIN,
        "intro-p1 =\n    .title = Título\n",
        "intro-p1 = Palabras.\n",
        &[("no-value", "error"), ("attribute-mismatch", "error")],
    );
}

#[test]
fn unresolved_references_fire() {
    fires(
        PLAIN,
        "intro-p1 = Palabras de { -marca }.\n",
        "-marca = Folio\nintro-p1 = Palabras de { -marca }.\n",
        &[("unresolved-reference", "error")],
    );
}

const LINKED: &str =
    "See [the guide](https://example.org/guide) and run `folio check` with **care**.\n";

#[test]
fn changed_link_targets_fire() {
    fires(
        LINKED,
        "intro-p1 = Vea [la guía](https://evil.example/) y ejecute `folio check` con **cuidado**.\n",
        "intro-p1 = Vea [la guía en inglés](https://example.org/guide) y ejecute `folio check` con **cuidado**.\n",
        &[("link-mismatch", "error")],
    );
}

#[test]
fn changed_code_spans_fire() {
    fires(
        LINKED,
        "intro-p1 = Vea [la guía](https://example.org/guide) y ejecute `folio revisar` con **cuidado**.\n",
        "intro-p1 = Ejecute `folio check` con **cuidado**; vea [la guía](https://example.org/guide).\n",
        &[("code-mismatch", "error")],
    );
}

#[test]
fn unbalanced_emphasis_fires() {
    fires(
        LINKED,
        "intro-p1 = Vea [la guía](https://example.org/guide) y ejecute `folio check` con **cuidado.\n",
        "intro-p1 = Vea [la guía](https://example.org/guide) y ejecute `folio check` con *mucho* **cuidado**.\n",
        &[("unbalanced-emphasis", "error")],
    );
}

#[test]
fn missing_numbers_fire_and_locale_digits_count() {
    let dose = "Take 2.5 mg twice a day for 14 days.\n";
    fires(
        dose,
        "intro-p1 = Tome 2,5 mg dos veces al día durante dos semanas.\n",
        "intro-p1 = Tome 2,5 mg dos veces al día durante 14 días.\n",
        &[("missing-number", "warning")],
    );
    let (_, found) = findings(&workspace(
        dose,
        "intro-p1 = تناول ٢٫٥ ملغ مرتين يوميًا لمدة ١٤ يومًا.\n",
        "",
    ));
    assert_eq!(found, []);
}

#[test]
fn text_identical_to_english_fires_unless_proper_names() {
    let names = "Talk to the American Cancer Society.\n";
    fires(
        names,
        "intro-p1 = Talk to the American Cancer Society.\n",
        "intro-p1 = Hable con la American Cancer Society.\n",
        &[("identical-to-reference", "warning")],
    );
    let sandbox = workspace(
        "American Cancer Society\n",
        "intro-p1 = American Cancer Society\n",
        "[check]\nproper-names = [\"American Cancer Society\"]\n",
    );
    assert_eq!(findings(&sandbox).1, []);
}

#[test]
fn a_disclaimer_that_is_not_current_fires() {
    let sandbox = workspace(PLAIN, "intro-p1 = Palabras.\n", "");
    sandbox.write("locales/es/disclaimer.ftl", "# nothing translated yet\n");
    let (code, found) = findings(&sandbox);
    assert_eq!(code, 1);
    assert!(
        found.contains(&(
            "disclaimer-not-current".to_owned(),
            "error".to_owned(),
            None
        )),
        "{found:?}"
    );
}

#[test]
fn coverage_is_held_to_the_bar_per_locale() {
    let article = "One paragraph here.\n\nAnother paragraph there.\n";
    let half = "intro-p1 = Un párrafo aquí.\n";
    let sandbox = workspace(article, half, "");
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let report = json(&run);
    let es = &report
        .locales
        .iter()
        .find(|l| l.locale == "es")
        .unwrap()
        .documents;
    let a = es.iter().find(|d| d.document == "a").unwrap();
    assert_eq!(
        (
            a.units.current,
            a.units.missing,
            a.words.current,
            a.words.missing
        ),
        (1, 1, 3, 3)
    );
    assert_eq!((a.coverage, a.min_coverage, a.passed), (50.0, 100.0, false));
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.check == "coverage" && f.line.is_none() && f.file == "locales/es/a.ftl")
    );

    let lenient = workspace(article, half, "[check.locales.es]\nmin-coverage = 50\n");
    let run = lenient.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    assert!(json(&run).passed);
}

#[test]
fn stale_units_fail_unless_allowed() {
    let sandbox = workspace(PLAIN, "intro-p1 = Palabras sencillas.\n", "");
    sandbox.run_ok(&["accept", "es", "--new"]);
    sandbox.write("source/a.md", "Plain words there.\n");
    sandbox.run_ok(&["extract"]);
    let (code, found) = findings(&sandbox);
    assert_eq!(code, 1);
    assert_eq!(
        found,
        [
            ("coverage".to_owned(), "error".to_owned(), None),
            ("coverage".to_owned(), "error".to_owned(), None)
        ]
    );

    sandbox.write(
        "folio.toml",
        "reference = \"en\"\n[check]\nmin-coverage = 0\nstale-fails = false\n",
    );
    let (code, found) = findings(&sandbox);
    assert_eq!((code, found), (0, vec![]));
}

#[test]
fn the_repository_passes_its_own_check() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let report = json(&run);
    assert!(report.passed);
    assert_eq!(report.locales.len(), 6);
    for locale in &report.locales {
        assert!(locale.passed);
        for document in &locale.documents {
            assert_eq!(
                (
                    document.coverage,
                    document.units.stale,
                    document.units.obsolete
                ),
                (100.0, 0, 0),
                "{}",
                document.file
            );
            assert!(document.stale_fails && document.units.invalid == 0);
        }
    }
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn exit_codes_are_0_1_2() {
    assert_eq!(
        workspace(PLAIN, "intro-p1 = Palabras.\n", "")
            .run(&["check"])
            .code,
        0
    );
    assert_eq!(
        workspace(PLAIN, "intro-p1 = Palabras { .\n", "")
            .run(&["check"])
            .code,
        1
    );
    let broken_config = workspace(PLAIN, "intro-p1 = Palabras.\n", "");
    broken_config.write(
        "folio.toml",
        "reference = \"en\"\n[check]\nmin-coverage = \"all\"\n",
    );
    let run = broken_config.run(&["check"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("folio.toml") && run.stderr.contains("min-coverage"),
        "{}",
        run.stderr
    );
    assert_eq!(Sandbox::empty().run(&["check"]).code, 2, "no workspace");
    assert_eq!(
        Sandbox::empty().run(&["check", "--format", "yaml"]).code,
        2,
        "usage error"
    );
}

#[test]
fn github_format_gives_one_well_formed_annotation_per_finding() {
    let sandbox = workspace(PLAIN, "\nintro-p1 = Palabras { sueltas\n", NO_BAR);
    let run = sandbox.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1);
    let annotations: Vec<&str> = run.stdout.lines().filter(|l| l.starts_with("::")).collect();
    assert_eq!(annotations.len(), 1, "{}", run.stdout);
    let annotation = annotations[0];
    let (head, message) = annotation
        .strip_prefix("::error ")
        .unwrap()
        .split_once("::")
        .unwrap();
    let properties: BTreeMap<&str, &str> = head
        .split(',')
        .map(|p| p.split_once('=').unwrap())
        .collect();
    assert_eq!(properties["file"], "locales/es/a.ftl");
    assert_eq!(properties["line"], "2");
    assert!(properties["col"].parse::<usize>().unwrap() > 1);
    assert_eq!(properties["title"], "folio syntax");
    assert!(message.starts_with("es intro-p1: Expected"), "{message}");
    assert!(!message.contains('\n'));
}

// Generic mode on real-world corpora.

/// Message and term ids (terms as `-id`) of every `.ftl` under `dir`, by relative path,
/// read with fluent-syntax alone.
fn ids_by_file(dir: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(current) = pending.pop() {
        for entry in std::fs::read_dir(&current).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else if path.extension().is_some_and(|e| e == "ftl") {
                let text = std::fs::read_to_string(&path).unwrap();
                let resource = match fluent_syntax::parser::parse(text.as_str()) {
                    Ok(r) | Err((r, _)) => r,
                };
                let ids = resource
                    .body
                    .iter()
                    .filter_map(|entry| match entry {
                        fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
                        fluent_syntax::ast::Entry::Term(t) => Some(format!("-{}", t.id.name)),
                        _ => None,
                    })
                    .collect();
                files.insert(
                    path.strip_prefix(dir)
                        .unwrap()
                        .to_string_lossy()
                        .replace('\\', "/"),
                    ids,
                );
            }
        }
    }
    files
}

/// (missing, obsolete) per locale, computed independently of Folio.
fn expected_counts(root: &Path, reference: &str) -> BTreeMap<String, (usize, usize)> {
    let reference_ids = ids_by_file(&root.join(reference));
    let mut expected = BTreeMap::new();
    for entry in std::fs::read_dir(root).unwrap() {
        let name = entry.unwrap().file_name().to_string_lossy().into_owned();
        if name == reference {
            continue;
        }
        let locale_ids = ids_by_file(&root.join(&name));
        let empty = BTreeSet::new();
        let mut counts = (0, 0);
        let files: BTreeSet<&String> = reference_ids.keys().chain(locale_ids.keys()).collect();
        for file in files {
            let (r, l) = (
                reference_ids.get(file).unwrap_or(&empty),
                locale_ids.get(file).unwrap_or(&empty),
            );
            counts.0 += r.difference(l).count();
            counts.1 += l.difference(r).count();
        }
        expected.insert(name, counts);
    }
    expected
}

fn check_corpus(corpus: &str, tree: &str, reference: &str) {
    let sandbox = Sandbox::fixture(&format!("corpora/{corpus}"));
    let run = sandbox.run(&[
        "check",
        "--locales",
        tree,
        "--reference",
        reference,
        "--format",
        "json",
    ]);
    assert!(run.code == 0 || run.code == 1, "{run:?}");
    let report = json(&run);
    let found: BTreeMap<String, (usize, usize)> = report
        .locales
        .iter()
        .filter(|l| l.locale != reference)
        .map(|l| {
            let sum =
                |f: fn(&Counts) -> usize| l.documents.iter().map(|d| f(&d.units)).sum::<usize>();
            (l.locale.clone(), (sum(|c| c.missing), sum(|c| c.obsolete)))
        })
        .collect();
    let expected = expected_counts(
        &repo_root()
            .join("tests/fixtures/corpora")
            .join(corpus)
            .join(tree),
        reference,
    );
    assert_eq!(found, expected);
    // The reference is its own translation: every unit of it is current.
    let own = report
        .locales
        .iter()
        .find(|l| l.locale == reference)
        .expect("the reference is checked");
    for document in &own.documents {
        let u = &document.units;
        assert_eq!(
            (u.untranslated, u.missing, u.stale, u.obsolete),
            (0, 0, 0, 0),
            "{document:?}"
        );
    }
    assert!(
        expected.values().any(|(missing, _)| *missing > 0),
        "the corpus has gaps to find"
    );
    for f in &report.findings {
        assert!(
            f.line.is_none_or(|l| l > 0)
                && f.column.is_none_or(|c| c > 0)
                && !f.message.is_empty()
                && !f.locale.is_empty()
        );
    }
}

#[test]
fn generic_mode_counts_missing_and_obsolete_like_fluent_syntax_does() {
    check_corpus("webthings-gateway", "static/fluent", "en-US");
    check_corpus("ruffle", "web/packages/core/texts", "en-US");
}

#[test]
fn generic_mode_reports_real_errors_with_positions() {
    let sandbox = Sandbox::fixture("corpora/webthings-gateway");
    let run = sandbox.run(&[
        "check",
        "--locales",
        "static/fluent",
        "--reference",
        "en-US",
        "--format",
        "github",
    ]);
    assert_eq!(
        run.code, 1,
        "the corpus has attribute mismatches, as compare-locales finds"
    );
    assert!(
        run.stdout
            .lines()
            .any(|l| l.starts_with("::error file=static/fluent/")
                && l.contains("title=folio attribute-mismatch")),
        "{}",
        run.stdout
    );
    let min = sandbox.run(&[
        "check",
        "--locales",
        "static/fluent",
        "--reference",
        "en-US",
        "--min-coverage",
        "99.9",
        "--format",
        "json",
    ]);
    assert!(json(&min).findings.iter().any(|f| f.check == "coverage"));
    let missing = Sandbox::empty().run(&["check", "--locales", "nowhere", "--reference", "en"]);
    assert_eq!(missing.code, 2);
}

/// Generic-mode findings `(check, severity)` for one Spanish file against `en`.
fn tree_findings(en: &str, es: &str) -> Vec<(String, String)> {
    let sandbox = Sandbox::empty();
    sandbox.write("l10n/en/app.ftl", en);
    sandbox.write("l10n/es/app.ftl", es);
    let run = sandbox.run(&[
        "check",
        "--locales",
        "l10n",
        "--reference",
        "en",
        "--format",
        "json",
    ]);
    json(&run)
        .findings
        .iter()
        .map(|f| (f.check.clone(), f.severity.clone()))
        .collect()
}

#[test]
fn variables_are_checked_selector_aware_end_to_end() {
    let en = "days = { $count } days left for { $name }\n";
    let pair = |check: &str, severity: &str| (check.to_owned(), severity.to_owned());
    assert_eq!(
        tree_findings(en, "days = { $count } días para { $nombre }\n"),
        [
            pair("unknown-variable", "error"),
            pair("dropped-variable", "warning")
        ]
    );
    let selects = "days = { $count ->\n    [one] un día para { $name }\n   *[other] { $count } días para { $name }\n}\n";
    assert_eq!(
        tree_findings(en, selects),
        [],
        "the [one] variant may omit $count: it selects on it"
    );
    let drops_name =
        "days = { $count ->\n    [one] un día\n   *[other] { $count } días para { $name }\n}\n";
    assert_eq!(
        tree_findings(en, drops_name),
        [pair("dropped-variable", "warning")],
        "but not $name"
    );
}

#[test]
fn attributes_are_checked_end_to_end() {
    let en = "button =\n    .label = Save\n    .accesskey = S\n";
    assert_eq!(
        tree_findings(en, "button =\n    .label = Guardar\n    .accesskey = G\n"),
        []
    );
    let found = tree_findings(en, "button = Guardar\n    .label = Guardar\n");
    let mismatch = ("attribute-mismatch".to_owned(), "error".to_owned());
    assert_eq!(found, [mismatch.clone(), mismatch]);
}
