//! `folio check` end to end: every check fires on a minimal fixture and stays quiet on a
//! near miss; coverage bars; JSON, GitHub and exit codes; generic mode on real corpora.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use folio_tests::{CheckedFile, Counts, Run, Sandbox, repo_root};

// The JSON wire format (version 2) is mirrored strictly in the support library, which
// holds each locale's totals to the sums of its documents; here it is regrouped by
// locale for the assertions below.

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
    documents: Vec<CheckedFile>,
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
    let wire = folio_tests::CheckReport::parse(run);
    let mut findings = Vec::new();
    let mut locales: Vec<LocaleVerdict> = wire
        .locales
        .iter()
        .map(|l| LocaleVerdict {
            locale: l.locale.clone(),
            passed: l.passed,
            documents: Vec::new(),
        })
        .collect();
    for document in wire.documents {
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
    // The stale unit is named on its line, an error under `stale-fails`; coverage is
    // the one whole-file finding.
    assert_eq!(
        found,
        [
            ("coverage".to_owned(), "error".to_owned(), None),
            finding("stale-unit", "error", "intro-p1"),
        ]
    );

    sandbox.write(
        "folio.toml",
        "reference = \"en\"\n[check]\nmin-coverage = 0\nstale-fails = false\n",
    );
    let (code, found) = findings(&sandbox);
    assert_eq!(
        (code, found),
        (0, vec![finding("stale-unit", "warning", "intro-p1")])
    );
}

#[test]
fn check_names_obsolete_stale_untranslated_and_missing_units() {
    // A mistyped id: `intro-p1` is missing, `intro-pX` is obsolete, on its line.
    let sandbox = workspace(
        "One paragraph here.\n\nAnother paragraph there.\n",
        "intro-p2 = Otro párrafo allí.\n\nintro-pX = Un párrafo aquí.\n",
        NO_BAR,
    );
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 0, "warnings only: {run:?}");
    let report = json(&run);
    let es: Vec<&FindingReport> = report
        .findings
        .iter()
        .filter(|f| f.file == "locales/es/a.ftl")
        .collect();
    let obsolete = es.iter().find(|f| f.check == "obsolete-unit").unwrap();
    assert_eq!(
        (
            obsolete.severity.as_str(),
            obsolete.id.as_deref(),
            obsolete.line
        ),
        ("warning", Some("intro-pX"), Some(3))
    );
    let missing = es.iter().find(|f| f.check == "missing-unit").unwrap();
    assert_eq!((missing.severity.as_str(), missing.line), ("warning", None));
    assert!(
        missing.message.contains("`intro-p1`"),
        "{}",
        missing.message
    );
    // The human report shows both.
    let human = sandbox.run(&["check"]);
    let shown = format!("{}{}", human.stdout, human.stderr);
    assert!(
        shown.contains("warning[obsolete-unit]: intro-pX")
            && shown.contains("warning[missing-unit]: locales/es/a.ftl: 1 unit(s)"),
        "{shown}"
    );
    assert!(
        report.findings.iter().all(|f| !f.message.contains("  ")),
        "{:?}",
        report.findings
    );

    // Stale units are named with their lines; a long missing list is capped.
    let article: String = (1..=14)
        .map(|i| format!("Paragraph number {i}.\n\n"))
        .collect();
    let sandbox = workspace(&article, "intro-p1 = Párrafo uno.\n", "");
    sandbox.run_ok(&["accept", "es", "--new"]);
    sandbox.write("source/a.md", article.replace("number 1.", "number one."));
    sandbox.run_ok(&["extract"]);
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let report = json(&run);
    let stale: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.check == "stale-unit")
        .map(|f| (f.severity.as_str(), f.id.as_deref(), f.line))
        .collect();
    assert_eq!(stale, [("error", Some("intro-p1"), Some(1))]);
    assert!(
        report.findings.iter().all(|f| !f.message.contains("  ")),
        "{:?}",
        report.findings
    );
    let missing = report
        .findings
        .iter()
        .find(|f| f.check == "missing-unit")
        .unwrap();
    assert!(
        missing.message.starts_with("13 unit(s)") && missing.message.ends_with(" and 3 more"),
        "{}",
        missing.message
    );
}

#[test]
fn generic_mode_names_obsolete_and_missing_units() {
    let sandbox = Sandbox::empty();
    sandbox.write("l10n/en/app.ftl", "hello = Hello\nbye = Bye\n");
    sandbox.write("l10n/es/app.ftl", "hello = Hola\nbye-typo = Adiós\n");
    let run = sandbox.run(&[
        "check",
        "--locales",
        "l10n",
        "--reference",
        "en",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = json(&run);
    let named: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.check.as_str(), f.severity.as_str(), f.line))
        .collect();
    assert_eq!(
        named,
        [
            ("missing-unit", "warning", None),
            ("obsolete-unit", "warning", Some(2))
        ]
    );
    assert!(report.findings[0].message.contains("`bye`"));
    assert_eq!(report.findings[1].id.as_deref(), Some("bye-typo"));
}

#[test]
fn a_tree_named_by_its_absolute_path_names_its_files_with_single_slashes() {
    let sandbox = Sandbox::empty();
    sandbox.write("l10n/en/app.ftl", "hello = Hello\n");
    sandbox.write("l10n/es/app.ftl", "hello = Hola\n");
    let tree = sandbox.path().join("l10n");
    let tree = tree.to_str().unwrap();
    let run = sandbox.run(&[
        "check",
        "--locales",
        tree,
        "--reference",
        "en",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 0, "{run:?}");
    let report = folio_tests::CheckReport::parse(&run);
    let files: Vec<String> = report.documents.into_iter().map(|d| d.file).collect();
    let expected = |locale: &str| format!("{}/{locale}/app.ftl", tree.replace('\\', "/"));
    assert_eq!(files, [expected("en"), expected("es")]);
    assert!(files.iter().all(|file| !file.contains("//")), "{files:?}");
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

/// The workflow commands of a run, as (level, file, line, title).
fn annotations(stdout: &str) -> Vec<(String, String, Option<String>, String)> {
    stdout
        .lines()
        .filter_map(|l| l.strip_prefix("::"))
        .map(|l| {
            let (level, rest) = l.split_once(' ').unwrap();
            let (head, _) = rest.split_once("::").unwrap();
            let properties: BTreeMap<&str, &str> = head
                .split(',')
                .map(|p| p.split_once('=').unwrap())
                .collect();
            (
                level.to_owned(),
                properties["file"].to_owned(),
                properties.get("line").map(|l| l.to_string()),
                properties["title"].to_owned(),
            )
        })
        .collect()
}

#[test]
fn github_annotations_come_most_useful_first() {
    // In file order: a warning, a stale unit, a syntax error; the bar fails the file.
    let article = "One paragraph here.\n\nAnother paragraph there.\n\nA third one.\n";
    let sandbox = workspace(
        article,
        "intro-p1 = Un párrafo aquí.\nintro-p2 = Otro párrafo allí.\n",
        "",
    );
    sandbox.run_ok(&["accept", "es", "--new"]);
    sandbox.write(
        "source/a.md",
        "One paragraph here.\n\nAnother paragraph, changed.\n\nA third one.\n",
    );
    sandbox.run_ok(&["extract"]);
    sandbox.write(
        "locales/es/a.ftl",
        "typo-p9 = Obsoleto.\nintro-p1 = Un párrafo aquí.\nintro-p2 = Otro párrafo allí.\nintro-p3 = Uno { tercero\n",
    );
    let run = sandbox.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 1, "{run:?}");
    let titles: Vec<(String, String)> = annotations(&run.stdout)
        .into_iter()
        .filter(|a| a.1 == "locales/es/a.ftl")
        .map(|a| (a.0, a.3))
        .collect();
    let expected = [
        ("error", "folio syntax"),
        ("error", "folio stale-unit"),
        ("error", "folio coverage"),
        ("warning", "folio obsolete-unit"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(l, t)| (l.to_string(), t.to_string()))
        .collect();
    assert_eq!(titles[..4], expected[..], "{}", run.stdout);
}

#[test]
fn github_paths_are_relative_to_the_repository_root() {
    let sandbox = Sandbox::empty();
    sandbox.write(".git/HEAD", "ref: refs/heads/main\n");
    sandbox.write("docs/folio.toml", format!("reference = \"en\"\n{NO_BAR}"));
    sandbox.write("docs/source/a.md", PLAIN);
    sandbox.write("docs/source/disclaimer.md", "Not medical advice.\n");
    sandbox.run_ok(&["-C", "docs", "extract"]);
    sandbox.write(
        "docs/locales/es/disclaimer.ftl",
        "intro-p1 = No es consejo médico.\n",
    );
    sandbox.write("docs/locales/es/a.ftl", "intro-p1 = Palabras { sueltas\n");
    let run = sandbox.run(&["-C", "docs", "check", "--format", "github"]);
    assert_eq!(run.code, 1, "{run:?}");
    let files: Vec<String> = annotations(&run.stdout).into_iter().map(|a| a.1).collect();
    assert_eq!(files, ["docs/locales/es/a.ftl"], "{}", run.stdout);

    // Outside a repository, from the current folder (generic mode: the current folder
    // is the base).
    let plain = Sandbox::empty();
    plain.write("l10n/en/app.ftl", "hello = Hello\n");
    plain.write("l10n/es/app.ftl", "hello = Hola { $x\n");
    let run = plain.run(&[
        "check",
        "--locales",
        "l10n",
        "--reference",
        "en",
        "--format",
        "github",
    ]);
    let files: Vec<String> = annotations(&run.stdout).into_iter().map(|a| a.1).collect();
    assert_eq!(files, ["l10n/es/app.ftl"], "{}", run.stdout);
}

#[test]
fn a_github_step_summary_is_appended_when_asked_for() {
    let sandbox = workspace(PLAIN, "intro-p1 = Palabras { sueltas\n", NO_BAR);
    sandbox.write("summary.md", "# Earlier step\n");
    let summary = sandbox.path().join("summary.md");
    let env = [("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())];
    let run = sandbox.run_with_env(&["check"], &env);
    assert_eq!(run.code, 1, "{run:?}");
    let text = sandbox.read("summary.md");
    assert!(
        text.starts_with("# Earlier step\n## folio check: FAILED\n"),
        "{text}"
    );
    assert!(
        text.contains("| locale | documents | failed | coverage | errors | warnings | verdict |"),
        "{text}"
    );
    assert!(text.contains("| es | 2 | 1 | "), "{text}");
    assert!(text.contains("**FAIL**"), "{text}");
    assert!(text.contains("`folio status es --todo`"), "{text}");

    // Any format, appended again; a passing run has nothing to do next.
    sandbox.write("locales/es/a.ftl", "intro-p1 = Palabras sencillas aquí.\n");
    let run = sandbox.run_with_env(&["check", "--format", "json"], &env);
    assert_eq!(run.code, 0, "{run:?}");
    let text = sandbox.read("summary.md");
    let second = text
        .split("## folio check: ")
        .nth(2)
        .expect("a second summary");
    assert!(second.starts_with("passed"), "{text}");
    assert!(!second.contains("What to do next"), "{text}");
}

#[test]
fn gitlab_format_is_a_code_quality_report() {
    let sandbox = workspace(
        "One paragraph here.\n\nAnother paragraph there.\n",
        "intro-p1 = Palabras { sueltas\nintro-pX = Otro párrafo allí.\n",
        "",
    );
    sandbox.write(".git", "gitdir: elsewhere\n");
    let run = sandbox.run(&["check", "--format", "gitlab"]);
    assert_eq!(run.code, 1, "{run:?}");
    let issues: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect(&run.stdout);
    let mut fingerprints = BTreeSet::new();
    let mut seen = Vec::new();
    for issue in &issues {
        let object = issue.as_object().unwrap();
        assert_eq!(
            object.keys().map(String::as_str).collect::<Vec<_>>(),
            [
                "check_name",
                "description",
                "fingerprint",
                "location",
                "severity"
            ],
            "{issue}"
        );
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert!(fingerprint.len() == 32 && fingerprint.chars().all(|c| c.is_ascii_hexdigit()));
        assert!(
            fingerprints.insert(fingerprint.to_owned()),
            "unique: {issue}"
        );
        assert!(issue["description"].as_str().unwrap().starts_with("es"));
        assert!(issue["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
        seen.push((
            issue["check_name"].as_str().unwrap().to_owned(),
            issue["severity"].as_str().unwrap().to_owned(),
            issue["location"]["path"].as_str().unwrap().to_owned(),
            issue["location"]["lines"]["begin"].as_u64().unwrap(),
        ));
    }
    let expect = |check: &str, severity: &str, line: u64| {
        (
            format!("folio/{check}"),
            severity.to_owned(),
            "locales/es/a.ftl".to_owned(),
            line,
        )
    };
    for issue in [
        expect("coverage", "major", 1),
        expect("missing-unit", "minor", 1),
        expect("syntax", "major", 1),
        expect("obsolete-unit", "minor", 2),
    ] {
        assert!(seen.contains(&issue), "{issue:?} in {seen:?}");
    }
    // Stable from run to run.
    let again = sandbox.run(&["check", "--format", "gitlab"]);
    assert_eq!(again.stdout, run.stdout);
    // Nothing to report is an empty array; `status` has no such format.
    sandbox.write(
        "locales/es/a.ftl",
        "intro-p1 = Un párrafo aquí.\nintro-p2 = Otro párrafo allí.\n",
    );
    let clean = sandbox.run(&["check", "--format", "gitlab"]);
    assert_eq!(
        (clean.code, clean.stdout.as_str()),
        (0, "[]\n"),
        "{clean:?}"
    );
    assert_eq!(sandbox.run(&["status", "--format", "gitlab"]).code, 2);
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

// Sharding: `--shard I/N` jobs, merged with `--merge`, give the unsharded run's report.

/// `folio check ARGS… --format json` unsharded, and as three `--shard` jobs whose reports
/// `--merge` combines (given in `order`): the same bytes and the same exit status, each
/// job's report valid on its own, every entry in exactly one job. The human summary of
/// the merge is the unsharded one's too. Returns the unsharded run.
fn assert_shards_merge_to_the_whole(sandbox: &Sandbox, args: &[&str], order: [usize; 3]) -> Run {
    let check = |extra: &[&str]| {
        let mut all = vec!["check"];
        all.extend_from_slice(args);
        all.extend_from_slice(extra);
        sandbox.run(&all)
    };
    let whole = check(&["--format", "json"]);
    let report = folio_tests::CheckReport::parse(&whole);
    let entries = |report: &folio_tests::CheckReport| -> BTreeSet<(String, String)> {
        report
            .documents
            .iter()
            .map(|d| (d.document.clone(), d.locale.clone()))
            .collect()
    };
    let mut files = Vec::new();
    let mut covered = BTreeSet::new();
    let mut codes = Vec::new();
    for i in 1..=3 {
        let shard = check(&["--format", "json", "--shard", &format!("{i}/3")]);
        let part = entries(&folio_tests::CheckReport::parse(&shard));
        assert!(covered.is_disjoint(&part), "shard {i} repeats a document");
        covered.extend(part);
        codes.push(shard.code);
        let file = format!("shard-{i}.json");
        sandbox.write(&file, &shard.stdout);
        files.push(file);
    }
    assert_eq!(covered, entries(&report), "the shards cover every document");
    assert_eq!(
        codes.iter().max(),
        Some(&whole.code),
        "a CI matrix fails as the whole run does: {codes:?}"
    );
    let merge = |format: &str| {
        let mut all = vec!["check", "--merge"];
        all.extend(order.iter().map(|i| files[i - 1].as_str()));
        all.extend(["--format", format]);
        sandbox.run(&all)
    };
    let merged = merge("json");
    assert_eq!(
        merged.stdout, whole.stdout,
        "{args:?}: merged report\n{}",
        merged.stderr
    );
    assert_eq!(merged.code, whole.code, "{args:?}");
    let human = check(&[]);
    let merged = merge("human");
    assert_eq!(merged.stdout, human.stdout, "{args:?}");
    assert_eq!((merged.code, human.code), (whole.code, whole.code));
    // A report given twice would count its documents twice: refused, naming one.
    let twice = sandbox.run(&[
        "check", "--merge", &files[0], &files[1], &files[2], &files[0],
    ]);
    let shard_one: serde_json::Value = serde_json::from_str(&sandbox.read(&files[0])).unwrap();
    if shard_one["documents"]
        .as_array()
        .is_some_and(|d| !d.is_empty())
    {
        assert_eq!(twice.code, 2, "{twice:?}");
        assert!(
            twice.stderr.contains("is in two of the reports"),
            "{twice:?}"
        );
    }
    whole
}

/// `status --format json --shard i/3` for i = 1..3: the entries of all the jobs, in
/// (document, locale) order, are the unsharded run's.
fn assert_status_shards_cover_the_whole(sandbox: &Sandbox) {
    let entries = |run: &Run| -> Vec<serde_json::Value> {
        folio_tests::StatusReport::parse(run);
        let report: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        report["documents"].as_array().unwrap().clone()
    };
    let whole = entries(&sandbox.run_ok(&["status", "--format", "json"]));
    let mut shards: Vec<serde_json::Value> = (1..=3)
        .flat_map(|i| {
            let shard = format!("{i}/3");
            entries(&sandbox.run_ok(&["status", "--format", "json", "--shard", &shard]))
        })
        .collect();
    shards.sort_by_key(|d| (d["document"].to_string(), d["locale"].to_string()));
    assert!(whole.len() > 3);
    assert_eq!(shards, whole);
}

#[test]
fn shard_reports_merge_into_the_unsharded_report() {
    // The repository with four more articles, translated everywhere by `sync` from the
    // translation memory; then a few findings in some of them.
    let sandbox = Sandbox::repo();
    let article = sandbox.read("source/immunotherapy-multiple-myeloma.md");
    for name in ["alpha", "beta", "gamma", "delta"] {
        sandbox.write(&format!("source/{name}.md"), &article);
    }
    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["sync"]);
    let clean = assert_shards_merge_to_the_whole(&sandbox, &[], [1, 2, 3]);
    assert_eq!(clean.code, 0, "{clean:?}");
    assert_status_shards_cover_the_whole(&sandbox);

    sandbox.edit(
        "locales/es/beta.ftl",
        "\nintro-p1 = ",
        "\nintro-p1 = { nada } ",
    );
    let fr = sandbox.read("locales/fr/gamma.ftl");
    let start = fr.find("\nintro-p2 = ").unwrap() + 1;
    let end = start + fr[start..].find('\n').unwrap() + 1;
    sandbox.write(
        "locales/fr/gamma.ftl",
        format!("{}{}", &fr[..start], &fr[end..]),
    );
    let failing = assert_shards_merge_to_the_whole(&sandbox, &[], [3, 1, 2]);
    assert_eq!(failing.code, 1, "{failing:?}");
    let report = json(&failing);
    assert!(
        report
            .findings
            .iter()
            .any(|f| f.check == "unresolved-reference" && f.file == "locales/es/beta.ftl"),
        "{:?}",
        report.findings
    );
    // Locales named out of order are reported in tag order, sharded or not.
    assert_shards_merge_to_the_whole(&sandbox, &["fr", "es"], [2, 3, 1]);
    assert_eq!(
        folio_tests::status_json(&sandbox, &["fr", "es"]).locale_names(),
        ["es", "fr"]
    );
    assert_status_shards_cover_the_whole(&sandbox);

    // What is about no document (a folder that is no locale) is every job's error, and
    // the merged report's once.
    sandbox.write("locales/Spanish/notes.ftl", "a = b\n");
    let broken = assert_shards_merge_to_the_whole(&sandbox, &[], [1, 2, 3]);
    assert_eq!(broken.code, 2, "{broken:?}");
    assert_eq!(
        folio_tests::CheckReport::parse(&broken).errors.len(),
        1,
        "{}",
        broken.stdout
    );
}

#[test]
fn shard_reports_merge_into_the_unsharded_report_in_generic_mode() {
    // Four files in four locales, plus one in a folder whose name sorts beside a file's.
    let sandbox = Sandbox::fixture("corpora/ruffle");
    let tree = "web/packages/core/texts";
    sandbox.write(
        &format!("{tree}/en-US/messages/extra.ftl"),
        "days = { $count } days left\n",
    );
    sandbox.write(
        &format!("{tree}/ja-JP/messages/extra.ftl"),
        "days = { $number } 日\n",
    );
    let run = assert_shards_merge_to_the_whole(
        &sandbox,
        &["--locales", tree, "--reference", "en-US"],
        [2, 1, 3],
    );
    assert_eq!(run.code, 1, "{run:?}");
    // One file only: two of the three jobs have nothing to check.
    let sandbox = Sandbox::fixture("corpora/webthings-gateway");
    let run = assert_shards_merge_to_the_whole(
        &sandbox,
        &["--locales", "static/fluent", "--reference", "en-US"],
        [1, 2, 3],
    );
    assert_eq!(run.code, 1, "{run:?}");
}

#[test]
fn shard_reports_merge_into_the_unsharded_report_on_a_generated_tree() {
    // The benchmark's generator: 30 documents in 6 locales, with missing, obsolete and
    // locale-only files, deterministic.
    let sandbox = Sandbox::empty();
    folio_bench::tree::generate(30, 5, &sandbox.path().join("tree")).expect("a tree");
    let run = assert_shards_merge_to_the_whole(
        &sandbox,
        &["--locales", "tree", "--reference", "en"],
        [3, 1, 2],
    );
    assert!(run.code == 0 || run.code == 1, "{run:?}");
}

#[test]
fn references_resolve_in_the_file_and_in_generic_mode_the_reference_locale() {
    // A page is formatted alone: a term another document of the locale defines is not
    // there.
    let elsewhere = workspace(PLAIN, "intro-p1 = Palabras de { -marca }.\n", NO_BAR);
    elsewhere.write(
        "locales/es/disclaimer.ftl",
        "intro-p1 = No es consejo médico.\n-marca = Folio\n",
    );
    let run = elsewhere.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{run:?}");
    let report = json(&run);
    assert_eq!(report.findings.len(), 1, "{:?}", report.findings);
    let finding = &report.findings[0];
    assert_eq!(
        (finding.check.as_str(), finding.file.as_str(), finding.line),
        ("unresolved-reference", "locales/es/a.ftl", Some(1))
    );
    assert_eq!(
        finding.message,
        "`intro-p1` refers to `-marca`, which is not defined where it is used"
    );

    // An application loads several files: a translation may use what any reference file
    // defines, but not what another file of its own locale does.
    let sandbox = Sandbox::empty();
    sandbox.write("l10n/en/app.ftl", "app = Use { -brand }\n");
    sandbox.write("l10n/en/brand.ftl", "-brand = Folio\n");
    sandbox.write("l10n/es/app.ftl", "app = Use { -brand } { -marca }\n");
    sandbox.write("l10n/es/brand.ftl", "-brand = Folio\n-marca = M\n");
    let run = sandbox.run(&[
        "check",
        "--locales",
        "l10n",
        "--reference",
        "en",
        "--format",
        "json",
    ]);
    let found: Vec<(String, String, Option<String>)> = json(&run)
        .findings
        .iter()
        .map(|f| (f.check.clone(), f.file.clone(), f.id.clone()))
        .collect();
    assert_eq!(
        found,
        [(
            "unresolved-reference".to_owned(),
            "l10n/es/app.ftl".to_owned(),
            Some("app".to_owned())
        )],
        "{}",
        run.stdout
    );
}

#[test]
fn people_see_ten_snippets_per_check_and_the_document_table_on_request() {
    let article: String = (1..=12)
        .map(|i| format!("See [guide {i}](https://example.org/{i}) now.\n\n"))
        .collect();
    let es: String = (1..=12)
        .map(|i| format!("intro-p{i} = Vea [guía {i}](https://evil.example/{i}) ya.\n"))
        .collect();
    let sandbox = workspace(&article, &es, NO_BAR);
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stderr.matches("error[link-mismatch]").count(),
        10,
        "{}",
        run.stderr
    );
    assert!(
        run.stdout.contains(
            "Not shown: 2 more finding(s) (2 link-mismatch); `--format json` lists every one."
        ),
        "{}",
        run.stdout
    );
    assert_eq!(
        json(&sandbox.run(&["check", "--format", "json"]))
            .findings
            .len(),
        12
    );
    // By default one line per locale (the disclaimer's 3 words of 51 are covered);
    // `--documents` adds one per document first.
    let row = |stdout: &str, start: &str| -> Vec<String> {
        stdout
            .lines()
            .filter(|l| l.starts_with(start))
            .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
            .collect()
    };
    assert_eq!(
        row(&run.stdout, "es "),
        ["es 2 1 5.9% 0 0 0 12 0 FAIL"],
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("FAILED: 12 error(s), 0 warning(s); under the bar: es")
    );
    let documents = sandbox.run(&["check", "--documents"]);
    assert_eq!(documents.code, 1);
    assert_eq!(
        row(&documents.stdout, "es "),
        [
            "es a 0.0% 0.0% 0 0 0 12 FAIL",
            "es disclaimer 100.0% 0.0% 0 0 0 0 ok",
            "es 2 1 5.9% 0 0 0 12 0 FAIL",
        ],
        "{}",
        documents.stdout
    );
}

/// Issue 14's pull request: the workspace in a subfolder of the repository, one Junk
/// error, one stale unit and one new article. The Junk error is the first annotation, on
/// its line, named from the repository root; the step summary is written.
#[test]
fn a_pull_request_shows_its_junk_error_first_on_its_line() {
    let sandbox = Sandbox::empty();
    sandbox.write(".git/HEAD", "ref: refs/heads/main\n");
    for item in ["folio.toml", "terms.toml", "source", "locales"] {
        let from = folio_tests::repo_root().join(item);
        let to = format!("docs/{item}");
        if from.is_dir() {
            for file in walk(&from) {
                let relative = file.strip_prefix(&from).unwrap();
                sandbox.write(
                    &format!("{to}/{}", relative.display()),
                    std::fs::read(&file).unwrap(),
                );
            }
        } else {
            sandbox.write(&to, std::fs::read(&from).unwrap());
        }
    }
    // The English edit: every locale's `intro-p2` turns stale.
    let article = "docs/source/immunotherapy-multiple-myeloma.md";
    let english = sandbox.read(article);
    sandbox.write(
        article,
        english.replacen(
            "Multiple myeloma affects plasma cells",
            "Multiple myeloma damages plasma cells",
            1,
        ),
    );
    // A new article, translated nowhere yet.
    sandbox.write("docs/source/new-article.md", "# New\n\nA new paragraph.\n");
    sandbox.run_ok(&["-C", "docs", "extract"]);
    // The Junk error: Spanish `intro-p1` (line 16) loses its closing brace.
    let spanish = "docs/locales/es/immunotherapy-multiple-myeloma.ftl";
    let text = sandbox.read(spanish);
    let line = text
        .lines()
        .position(|l| l.starts_with("intro-p1 = "))
        .unwrap()
        + 1;
    sandbox.write(spanish, text.replacen("intro-p1 = ", "intro-p1 = { ", 1));
    let summary = sandbox.path().join("summary.md");
    let run = sandbox.run_with_env(
        &["-C", "docs", "check", "--format", "github"],
        &[("GITHUB_STEP_SUMMARY", summary.to_str().unwrap())],
    );
    assert_eq!(run.code, 1, "{run:?}");
    let all = annotations(&run.stdout);
    let first = &all[0];
    assert_eq!(
        (first.0.as_str(), first.3.as_str()),
        ("error", "folio syntax"),
        "{}",
        run.stdout
    );
    assert_eq!(
        first.1, "docs/locales/es/immunotherapy-multiple-myeloma.ftl",
        "{}",
        run.stdout
    );
    assert_eq!(first.2.as_deref(), Some(line.to_string().as_str()));
    // The stale units and the new article are there too, after it.
    assert!(
        all.iter().any(|a| a.3 == "folio stale-unit"),
        "{}",
        run.stdout
    );
    assert!(
        all.iter().any(|a| a.1.ends_with("new-article.ftl")),
        "{}",
        run.stdout
    );
    let summary = std::fs::read_to_string(summary).unwrap();
    assert!(summary.contains("es"), "{summary}");
}

/// Every file under `dir`.
fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

/// At 40 locales the default human output of `check` and `status` fits a screen: a line
/// per locale, whatever the number of articles.
#[test]
fn forty_locales_fit_a_screen() {
    let sandbox = Sandbox::empty();
    folio_bench::workspace::generate(
        folio_tests::repo_root(),
        "immunotherapy-multiple-myeloma",
        30,
        40,
        &sandbox.path().join("ws"),
    )
    .expect("a workspace");
    for command in ["check", "status"] {
        let run = sandbox.run(&["-C", "ws", command]);
        assert!(run.code == 0 || run.code == 1, "{run:?}");
        let lines = run.stdout.lines().count();
        assert!(
            (40..=48).contains(&lines),
            "{command}: {lines} lines\n{}",
            run.stdout
        );
    }
}

#[test]
fn a_missing_reference_folder_is_one_clear_error() {
    let sandbox = Sandbox::empty();
    sandbox.write("l10n/en/app.ftl", "hello = Hello\n");
    sandbox.write("l10n/es/app.ftl", "hello = Hola\n");
    let run = sandbox.run(&["check", "--locales", "l10n", "--reference", "en-US"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(run.stderr.matches("error").count(), 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("no such folder for the reference locale `en-US` (locales here: en, es)"),
        "{}",
        run.stderr
    );
}
