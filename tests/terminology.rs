//! The termbase and the editorial checks end to end: `terminology` (a planted wrong term
//! reported on its line and column, a missing rendering, severities from folio.toml) and
//! `length` (a locale over its limit, the English at its front-matter line in source/,
//! a per-locale override), the cache seeing a termbase edit, malformed termbases at
//! their line and column, and `check --locales --terms`.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use folio_tests::{CheckReport, Sandbox};

const ARTICLE: &str = "immunotherapy-multiple-myeloma";
const FR: &str = "locales/fr/immunotherapy-multiple-myeloma.ftl";
const LOCALES: [&str; 6] = ["ar", "de", "es", "fr", "pt-BR", "zh-Hans"];

/// A copy of this repository's workspace that passes `folio check`, whatever the state
/// of its translations' review: every stale unit confirmed as it is, the length limits
/// out of the way (the length tests set their own), and the termbase of
/// `tests/fixtures/terms`, whose French renderings the repository's translation uses.
fn clean_repo() -> Sandbox {
    let sandbox = Sandbox::repo();
    for locale in LOCALES {
        sandbox.run_ok(&["accept", locale, "--all", "--unchanged"]);
    }
    set_limits(&sandbox, 1000, 1000);
    let terms =
        std::fs::read_to_string(folio_tests::repo_root().join("tests/fixtures/terms/terms.toml"))
            .expect("the fixture termbase");
    sandbox.write("terms.toml", terms);
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(
        run.code, 0,
        "the clean copy passes:\n{}{}",
        run.stdout, run.stderr
    );
    sandbox
}

/// Sets every `title = N` and `description = N` limit of the sandbox's folio.toml.
fn set_limits(sandbox: &Sandbox, title: usize, description: usize) {
    let config: Vec<String> = sandbox
        .read("folio.toml")
        .lines()
        .map(|line| {
            if line.starts_with("title =") {
                format!("title = {title}")
            } else if line.starts_with("description =") {
                format!("description = {description}")
            } else {
                line.to_owned()
            }
        })
        .collect();
    sandbox.write("folio.toml", config.join("\n") + "\n");
}

/// The 1-based line of `needle` in `text` and its 1-based column in characters.
fn line_col(text: &str, needle: &str) -> (usize, usize) {
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} in the text"));
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    (
        text[..at].matches('\n').count() + 1,
        text[line_start..at].chars().count() + 1,
    )
}

/// A finding as the tests compare it: severity, unit id, line, column.
type Placed = (String, Option<String>, Option<usize>, Option<usize>);

/// Every finding of `check` in `locale`'s entries.
fn findings_of(report: &CheckReport, locale: &str, check: &str) -> Vec<Placed> {
    report
        .findings()
        .filter(|(entry, f)| entry.locale == locale && f.check == check)
        .map(|(_, f)| (f.severity.clone(), f.id.clone(), f.line, f.column))
        .collect()
}

#[test]
fn a_planted_wrong_term_is_an_error_on_its_line_and_column() {
    let sandbox = clean_repo();
    let clean = CheckReport::parse(&sandbox.run(&["check", "--format", "json"]));
    assert_eq!(findings_of(&clean, "fr", "terminology"), []);
    sandbox.edit(
        FR,
        "Le myélome multiple touche les plasmocytes",
        "Le myélome multiple touche les cellules plasmatiques",
    );
    let text = sandbox.read(FR);
    let (line, column) = line_col(&text, "cellules plasmatiques");
    let (_, value) = line_col(&text, "Le myélome multiple touche");
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let report = CheckReport::parse(&run);
    let intro = Some("intro-p2".to_owned());
    assert_eq!(
        findings_of(&report, "fr", "terminology"),
        [
            ("warning".into(), intro.clone(), Some(line), Some(value)),
            ("error".into(), intro, Some(line), Some(column)),
        ]
    );
    let (_, error) = report
        .findings()
        .find(|(_, f)| f.check == "terminology" && f.severity == "error")
        .unwrap();
    assert_eq!(
        error.message,
        "`cellules plasmatiques` is a forbidden variant of the term `plasma-cells` (the English \
         has `plasma cell`); use `plasmocyte`"
    );
    // The unit stays publishable: an off-term word fails the check, not the page.
    assert_eq!(report.document("fr", ARTICLE).coverage, 100.0);
    // Every reporter says where.
    let human = sandbox.run(&["check", "fr"]);
    assert_eq!(human.code, 1);
    assert!(
        human
            .stderr
            .contains("error[terminology]: intro-p2: `cellules plasmatiques`")
            && human.stderr.contains(&format!("{FR}:{line}:{column}")),
        "{}",
        human.stderr
    );
    let github = sandbox.run(&["check", "fr", "--format", "github"]);
    assert!(
        github.stdout.contains(&format!(
            "::error file={FR},line={line},col={column},title=folio terminology::fr intro-p2: "
        )),
        "{}",
        github.stdout
    );
    let gitlab = sandbox.run(&["check", "fr", "--format", "gitlab"]);
    assert!(
        gitlab
            .stdout
            .contains("\"check_name\": \"folio/terminology\""),
        "{}",
        gitlab.stdout
    );
    // A CRLF file is read the same, at the same line and column.
    sandbox.write(FR, text.replace('\n', "\r\n"));
    let crlf = CheckReport::parse(&sandbox.run(&["check", "fr", "--format", "json"]));
    assert_eq!(
        findings_of(&crlf, "fr", "terminology"),
        findings_of(&report, "fr", "terminology")
    );
}

#[test]
fn a_missing_rendering_warns_and_severities_come_from_folio_toml() {
    let sandbox = clean_repo();
    sandbox.edit(FR, "touche les plasmocytes", "touche les globules");
    let run = sandbox.run(&["check", "fr", "--format", "json"]);
    assert_eq!(
        run.code, 0,
        "a warning does not fail: {}{}",
        run.stdout, run.stderr
    );
    let report = CheckReport::parse(&run);
    let found = findings_of(&report, "fr", "terminology");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "warning");
    let (_, warning) = report
        .findings()
        .find(|(_, f)| f.check == "terminology")
        .unwrap();
    assert!(
        warning
            .message
            .contains("the English has `plasma cell` (term `plasma-cells`)")
            && warning.message.contains("`plasmocyte`"),
        "{}",
        warning.message
    );
    // Made an error, it fails; turned off, it is gone.
    sandbox.edit("folio.toml", "missing = \"warning\"", "missing = \"error\"");
    assert_eq!(sandbox.run(&["check", "fr"]).code, 1);
    sandbox.edit("folio.toml", "missing = \"error\"", "missing = \"off\"");
    assert_eq!(sandbox.run(&["check", "fr"]).code, 0);
    // Forbidden variants likewise.
    sandbox.edit(
        FR,
        "touche les globules",
        "touche les cellules plasmatiques",
    );
    assert_eq!(sandbox.run(&["check", "fr"]).code, 1);
    sandbox.edit(
        "folio.toml",
        "forbidden = \"error\"",
        "forbidden = \"warning\"",
    );
    let warned = CheckReport::parse(&sandbox.run(&["check", "fr", "--format", "json"]));
    assert_eq!(findings_of(&warned, "fr", "terminology")[0].0, "warning");
    sandbox.edit(
        "folio.toml",
        "forbidden = \"warning\"",
        "forbidden = \"off\"",
    );
    let off = sandbox.run(&["check", "fr", "--format", "json"]);
    assert_eq!(off.code, 0);
    assert_eq!(
        findings_of(&CheckReport::parse(&off), "fr", "terminology"),
        []
    );
}

#[test]
fn a_forbidden_word_where_the_english_lacks_the_term_is_the_translators_own() {
    let sandbox = clean_repo();
    // intro-p3's English has no "plasma cell".
    let fr = sandbox.read(FR);
    let line = fr.lines().find(|l| l.starts_with("intro-p3 = ")).unwrap();
    sandbox.edit(
        FR,
        line,
        &format!("{line} Les cellules plasmatiques aussi."),
    );
    let report = CheckReport::parse(&sandbox.run(&["check", "fr", "--format", "json"]));
    assert_eq!(findings_of(&report, "fr", "terminology"), []);
}

#[test]
fn length_limits_hold_locales_and_the_english_once_per_document() {
    let sandbox = clean_repo();
    let english_title = "Immunotherapy for Multiple Myeloma: Personalized Cancer Treatment Options";
    let fr_title = sandbox
        .read(FR)
        .lines()
        .find_map(|l| l.strip_prefix("title = ").map(str::to_owned))
        .unwrap();
    let limit = 60;
    assert!(english_title.chars().count() > limit && fr_title.chars().count() > limit);
    set_limits(&sandbox, limit, 1000);
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1);
    let report = CheckReport::parse(&run);
    // The English: once, at its front-matter line in the source, as the reference's entry.
    let english: Vec<_> = report
        .documents
        .iter()
        .filter(|d| d.locale == "en")
        .collect();
    assert_eq!(english.len(), 1, "{english:?}");
    assert_eq!(english[0].file, format!("source/{ARTICLE}.md"));
    assert!(!english[0].passed);
    let source = sandbox.read(&format!("source/{ARTICLE}.md"));
    let (line, column) = line_col(&source, "title =");
    assert_eq!(
        findings_of(&report, "en", "length"),
        [(
            "error".into(),
            Some("title".into()),
            Some(line),
            Some(column)
        )]
    );
    assert_eq!(
        english[0].findings[0].message,
        format!(
            "the English has {} characters, over the limit of {limit} (search engines and browser \
             tabs cut longer text short)",
            english_title.chars().count()
        )
    );
    // A locale: at the message's value.
    let (line, column) = line_col(&sandbox.read(FR), &fr_title);
    assert_eq!(
        findings_of(&report, "fr", "length"),
        [(
            "error".into(),
            Some("title".into()),
            Some(line),
            Some(column)
        )]
    );
    let human = sandbox.run(&["check"]);
    assert!(
        human.stderr.contains(&format!(
            "source/{ARTICLE}.md:{line}:1",
            line = line_col(&source, "title =").0
        )),
        "{}",
        human.stderr
    );
    // The unit stays publishable: a long title is still the page's title.
    assert_eq!(report.document("fr", ARTICLE).coverage, 100.0);

    // zh-Hans has limits of its own, over the general ones.
    set_limits(&sandbox, 1000, 1000);
    let zh = "locales/zh-Hans/immunotherapy-multiple-myeloma.ftl";
    let zh_title = sandbox
        .read(zh)
        .lines()
        .find_map(|l| l.strip_prefix("title = ").map(str::to_owned))
        .unwrap();
    sandbox.edit(
        "folio.toml",
        "[check.locales.zh-Hans.length]\ntitle = 1000",
        "[check.locales.zh-Hans.length]\ntitle = 5",
    );
    let run = sandbox.run(&["check", "--format", "json"]);
    let report = CheckReport::parse(&run);
    assert_eq!(run.code, 1);
    let (line, column) = line_col(&sandbox.read(zh), &zh_title);
    assert_eq!(
        findings_of(&report, "zh-Hans", "length"),
        [(
            "error".into(),
            Some("title".into()),
            Some(line),
            Some(column)
        )]
    );
    assert!(
        report
            .findings()
            .all(|(d, f)| f.check != "length" || d.locale == "zh-Hans")
    );
}

#[test]
fn a_termbase_edit_invalidates_cached_results() {
    let sandbox = clean_repo();
    let first = sandbox.run(&["check", "fr", "--format", "json"]);
    assert_eq!(first.code, 0);
    assert!(sandbox.path().join(".folio-cache/check").is_dir());
    // The translation's own word, forbidden now: nothing else changed.
    let terms = sandbox.read("terms.toml");
    sandbox.write(
        "terms.toml",
        terms
            .replace(
                "forbidden = [\"cellules plasmatiques\"]",
                "forbidden = [\"plasmocytes\"]",
            )
            .replace(
                "approved = [\"plasmocyte\"]",
                "approved = [\"cellules plasmatiques\"]",
            ),
    );
    let cached = sandbox.run(&["check", "fr", "--format", "json"]);
    let fresh = sandbox.run(&["check", "fr", "--format", "json", "--no-cache"]);
    assert_eq!(cached.code, 1, "{}", cached.stdout);
    assert_eq!((cached.stdout, cached.code), (fresh.stdout, fresh.code));
}

#[test]
fn a_malformed_termbase_stops_the_check_at_its_line_and_column() {
    let sandbox = clean_repo();
    let terms = sandbox.read("terms.toml");
    sandbox.write(
        "terms.toml",
        format!("{terms}\n[[term]]\nid = \"side-effects\"\nen = [\"adverse effect\"]\n[term.fr-FR]\napproved = [\"x\"]\n"),
    );
    let lines = terms.lines().count();
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains(&format!(
            "terms.toml:{}:6: the id `side-effects` is taken by the term on line",
            lines + 3
        )) && run.stderr.contains(&format!(
            "terms.toml:{}:7: `fr-FR` is not a locale of this workspace",
            lines + 5
        )),
        "{}",
        run.stderr
    );
    // A termbase folio.toml names must exist; without one named, none is fine.
    std::fs::remove_file(sandbox.path().join("terms.toml")).unwrap();
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("terms.toml"), "{}", run.stderr);
    sandbox.edit("folio.toml", "terms = \"terms.toml\"\n", "");
    assert_eq!(sandbox.run(&["check"]).code, 0);
}

#[test]
fn a_fluent_tree_is_held_to_a_termbase_given_on_the_command_line() {
    let sandbox = Sandbox::empty();
    sandbox.write(
        "l10n/en/app.ftl",
        "greeting = Living with multiple myeloma\nother = Hello\n",
    );
    sandbox.write(
        "l10n/fr/app.ftl",
        "greeting = Vivre avec la maladie de Kahler\nother = Bonjour\n",
    );
    sandbox.write(
        "terms.toml",
        "[[term]]\nid = \"multiple-myeloma\"\nen = [\"multiple myeloma\"]\n\
         [term.fr]\napproved = [\"myélome multiple\"]\nforbidden = [\"maladie de Kahler\"]\n",
    );
    let run = sandbox.run(&[
        "check",
        "--locales",
        "l10n",
        "--reference",
        "en",
        "--terms",
        "terms.toml",
        "--format",
        "json",
    ]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let report = CheckReport::parse(&run);
    assert_eq!(
        findings_of(&report, "fr", "terminology"),
        [
            ("warning".into(), Some("greeting".into()), Some(1), Some(12)),
            ("error".into(), Some("greeting".into()), Some(1), Some(26)),
        ]
    );
    // --terms belongs to --locales.
    assert_eq!(sandbox.run(&["check", "--terms", "terms.toml"]).code, 2);
}
