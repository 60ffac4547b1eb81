//! Policy for new work, end to end: per-document bars by glob, grace for new documents
//! (`[check] grace-days`, "today" from `FOLIO_TODAY`), and the next step for a locale
//! with no file for a document.

use folio_tests::{CheckReport, Run, Sandbox};

/// A workspace with a translated article (`about`) and disclaimer in Spanish and a new
/// article, `news-launch`, with front matter `front` and no Spanish file.
fn workspace(settings: &str, front: &str) -> Sandbox {
    let sandbox = Sandbox::empty();
    sandbox.write("folio.toml", format!("reference = \"en\"\n{settings}"));
    sandbox.write("source/disclaimer.md", "Not medical advice.\n");
    sandbox.write("source/about.md", "About us.\n");
    sandbox.write(
        "source/news-launch.md",
        format!("{front}We launched a new clinic.\n"),
    );
    sandbox.run_ok(&["extract"]);
    sandbox.write(
        "locales/es/disclaimer.ftl",
        "intro-p1 = No es consejo médico.\n",
    );
    sandbox.write("locales/es/about.ftl", "intro-p1 = Sobre nosotros.\n");
    sandbox
}

/// `folio check --format json` on `today`, with the cache (so a day's results must not
/// outlive the day).
fn check_on(sandbox: &Sandbox, today: &str) -> (Run, CheckReport) {
    let run = sandbox.run_with_env(
        &["check", "--format", "json"],
        &[("NO_COLOR", "1"), ("FOLIO_TODAY", today)],
    );
    let report = CheckReport::parse(&run);
    (run, report)
}

/// The severity and message of the coverage finding of `document` in Spanish.
fn coverage(report: &CheckReport, document: &str) -> Option<(String, String)> {
    report
        .document("es", document)
        .findings
        .iter()
        .find(|f| f.check == "coverage")
        .map(|f| (f.severity.clone(), f.message.clone()))
}

#[test]
fn a_new_article_in_a_glob_overridden_group_passes_with_its_bar() {
    let sandbox = workspace(
        "[check]\nmin-coverage = 100\n[check.documents.\"news-*\"]\nmin-coverage = 0\n",
        "",
    );
    let (run, report) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let news = report.document("es", "news-launch");
    assert_eq!((news.min_coverage, news.passed), (0.0, true));
    assert_eq!(report.document("es", "about").min_coverage, 100.0);
    // A locale override does not beat the document's.
    sandbox.write(
        "folio.toml",
        "[check.locales.es]\nmin-coverage = 100\n[check.documents.\"news-*\"]\nmin-coverage = 0\n",
    );
    let (run, report) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_eq!(report.document("es", "news-launch").min_coverage, 0.0);
}

#[test]
fn a_missing_file_names_the_command_that_creates_it() {
    let sandbox = workspace("", "");
    let (run, report) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let (severity, message) = coverage(&report, "news-launch").expect("a coverage finding");
    assert_eq!(severity, "error");
    assert!(
        message.ends_with("; there is no file yet: `folio sync es` creates it"),
        "{message}"
    );
    let human = sandbox.run_with_env(&["check"], &[("NO_COLOR", "1")]);
    assert!(
        human.stderr.contains("`folio sync es` creates it"),
        "{}",
        human.stderr
    );
    // Once the file exists, the step is not repeated.
    sandbox.run_ok(&["sync", "es"]);
    let (_, report) = check_on(&sandbox, "2026-11-28");
    let (_, message) = coverage(&report, "news-launch").expect("still under the bar");
    assert!(!message.contains("folio sync"), "{message}");
}

#[test]
fn a_dated_new_article_is_a_warning_within_the_grace_period_and_fails_after() {
    let sandbox = workspace("[check]\ngrace-days = 14\n", "---\ndate: 2026-11-20\n---\n");
    let (run, report) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let (severity, message) = coverage(&report, "news-launch").expect("a coverage finding");
    assert_eq!(severity, "warning");
    assert!(
        message.contains("new work: a warning until 2026-12-04"),
        "{message}"
    );
    assert!(report.document("es", "news-launch").passed);
    // The last day of grace, then the first without: the cached result of another day
    // is not reused.
    let (run, _) = check_on(&sandbox, "2026-12-03");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let (run, report) = check_on(&sandbox, "2026-12-04");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let (severity, message) = coverage(&report, "news-launch").expect("a coverage finding");
    assert_eq!(severity, "error");
    assert!(message.contains("`folio sync es`"), "{message}");
    assert!(!report.document("es", "news-launch").passed);
    // TOML front matter and an RFC 3339 timestamp count the same.
    sandbox.write(
        "source/news-launch.md",
        "+++\ndate = 2026-11-20T09:00:00Z\n+++\nWe launched a new clinic.\n",
    );
    sandbox.run_ok(&["extract"]);
    let (run, _) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn an_undated_article_has_grace_until_a_locale_starts_it() {
    let sandbox = workspace("[check]\ngrace-days = 14\n", "");
    let (run, report) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let (severity, message) = coverage(&report, "news-launch").expect("a coverage finding");
    assert_eq!(severity, "warning");
    assert!(
        message.contains("a warning while `es` has not started it"),
        "{message}"
    );
    sandbox.run_ok(&["sync", "es"]);
    let (run, report) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_eq!(coverage(&report, "news-launch").unwrap().0, "error");
}

#[test]
fn without_grace_a_new_article_fails_at_once() {
    let sandbox = workspace("", "---\ndate: 2026-11-20\n---\n");
    let (run, _) = check_on(&sandbox, "2026-11-28");
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
}

#[test]
fn bad_settings_and_dates_are_errors_that_say_where() {
    let sandbox = workspace("", "");
    sandbox.write(
        "folio.toml",
        "[check]\nmin-coverage = 100\n\n[check.documents.\"news-[\"]\nmin-coverage = 0\n",
    );
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("folio.toml"), "{}", run.stderr);
    assert!(
        run.stderr
            .contains("line 4: [check.documents.\"news-[\"]: not a glob"),
        "{}",
        run.stderr
    );
    sandbox.write("folio.toml", "[check]\ngrace-days = 14\n");
    let run = sandbox.run_with_env(&["check"], &[("FOLIO_TODAY", "28/11/2026")]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("FOLIO_TODAY=28/11/2026"),
        "{}",
        run.stderr
    );
}
