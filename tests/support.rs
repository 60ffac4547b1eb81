//! Helpers for Folio's end-to-end tests: build the real `folio` binary once, copy a
//! workspace into a temporary folder, run commands in it and read what they wrote.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The repository root (the parent of this package).
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
}

/// The `folio` binary, built once per test process with the same cargo that runs the
/// tests. The path comes from cargo's own report, so a custom target dir works too.
pub fn folio_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let output = Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "--package",
                "folio",
                "--bin",
                "folio",
                "--message-format=json",
            ])
            .current_dir(repo_root())
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "building folio failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .find_map(|message| message["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the folio executable")
    })
}

/// Unit or word counts by status, as every JSON report of Folio writes them; unknown
/// fields fail deserialization, so the schema can't grow unnoticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Current.
    pub current: usize,
    /// Updated: stale, then changed by the translator.
    pub updated: usize,
    /// Stale.
    pub stale: usize,
    /// Untranslated: the English copied.
    pub untranslated: usize,
    /// Missing.
    pub missing: usize,
    /// Obsolete.
    pub obsolete: usize,
    /// Invalid.
    pub invalid: usize,
}

// The JSON wire formats of `folio check` and `folio status` (version 2), mirrored
// strictly: an unknown or missing field fails the test. Each report is one object whose
// `documents` array has an entry per (document, locale), in document order then locale
// order, followed by per-locale totals; `parse` holds the totals to the sums of their
// documents, so the tests can read either.

/// `folio check --format json`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckReport {
    /// 2.
    pub version: u32,
    /// One entry per (document, locale).
    pub documents: Vec<CheckedFile>,
    /// One entry per locale, sorted by tag.
    pub locales: Vec<LocaleVerdict>,
    /// What could not be read or checked.
    pub errors: Vec<String>,
    /// The verdict.
    pub passed: bool,
}

/// One locale's translation of one document, held to the bar.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckedFile {
    /// The document (generic mode: the file's path inside the locale folder).
    pub document: String,
    /// The locale.
    pub locale: String,
    /// The translation file, `/`-separated.
    pub file: String,
    /// Unit counts by status.
    pub units: Counts,
    /// Reference word counts by status.
    pub words: Counts,
    /// Reference words whose unit is publishable.
    pub publishable_words: usize,
    /// Percent, to one decimal.
    pub coverage: f64,
    /// The bar.
    pub min_coverage: f64,
    /// Whether stale units fail.
    pub stale_fails: bool,
    /// The document's verdict.
    pub passed: bool,
    /// Whole-file findings first, then in file order.
    pub findings: Vec<Finding>,
}

/// One finding in a file (its locale and file are the entry's).
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// `error` or `warning`.
    pub severity: String,
    /// The check's stable name.
    pub check: String,
    /// 1-based line; absent for the whole file.
    pub line: Option<usize>,
    /// 1-based column; absent for the whole file.
    pub column: Option<usize>,
    /// The unit id, when about one.
    pub id: Option<String>,
    /// What is wrong.
    pub message: String,
}

/// One locale's totals in `folio check`.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleVerdict {
    /// The locale.
    pub locale: String,
    /// Documents checked.
    pub documents: usize,
    /// Documents that did not pass.
    pub failed: usize,
    /// Unit counts by status.
    pub units: Counts,
    /// Reference word counts by status.
    pub words: Counts,
    /// Percent of all the reference words that are publishable.
    pub coverage: f64,
    /// Error findings.
    pub errors: usize,
    /// Warning findings.
    pub warnings: usize,
    /// Whether every document passed.
    pub passed: bool,
}

impl CheckReport {
    /// Parses the standard output of `folio check --format json` (or `--merge`) and
    /// holds it to the format's invariants: version 2, the verdict is its parts', each
    /// locale's totals are the sums of its documents.
    pub fn parse(run: &Run) -> Self {
        let report: CheckReport = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{e}:\n{}{}", run.stdout, run.stderr));
        assert_eq!(report.version, 2);
        assert_eq!(
            report.passed,
            report.errors.is_empty() && report.locales.iter().all(|l| l.passed)
        );
        assert_ordered(
            report.documents.iter().map(|d| (&d.document, &d.locale)),
            report.locales.iter().map(|l| &l.locale),
        );
        for l in &report.locales {
            let documents: Vec<&CheckedFile> = report
                .documents
                .iter()
                .filter(|d| d.locale == l.locale)
                .collect();
            assert_eq!(documents.len(), l.documents, "{l:?}");
            assert_eq!(sum(documents.iter().map(|d| &d.units)), l.units, "{l:?}");
            assert_eq!(sum(documents.iter().map(|d| &d.words)), l.words, "{l:?}");
            let failed = documents.iter().filter(|d| !d.passed).count();
            assert_eq!((failed, l.passed), (l.failed, failed == 0), "{l:?}");
            let findings = documents.iter().flat_map(|d| &d.findings);
            let errors = findings.clone().filter(|f| f.severity == "error").count();
            assert_eq!((errors, findings.count() - errors), (l.errors, l.warnings));
            let publishable = documents.iter().map(|d| d.publishable_words).sum();
            assert_eq!(
                l.coverage,
                percent(publishable, english_total(&l.words)),
                "{l:?}"
            );
        }
        for document in &report.documents {
            // Only a current unit is publishable; an error fails the document.
            assert!(
                document.publishable_words <= document.words.current,
                "{document:?}"
            );
            if document.findings.iter().any(|f| f.severity == "error") {
                assert!(!document.passed, "{document:?}");
            }
            assert!((0.0..=100.0).contains(&document.coverage), "{document:?}");
        }
        report
    }

    /// The entries of `locale`, in document order.
    pub fn documents_of(&self, locale: &str) -> Vec<&CheckedFile> {
        self.documents
            .iter()
            .filter(|d| d.locale == locale)
            .collect()
    }

    /// The entry of `document` in `locale`.
    pub fn document(&self, locale: &str, document: &str) -> &CheckedFile {
        self.documents
            .iter()
            .find(|d| d.locale == locale && d.document == document)
            .unwrap_or_else(|| panic!("{document} in {locale}: {self:?}"))
    }

    /// Every finding with its entry, in report order.
    pub fn findings(&self) -> impl Iterator<Item = (&CheckedFile, &Finding)> {
        self.documents
            .iter()
            .flat_map(|d| d.findings.iter().map(move |f| (d, f)))
    }
}

/// `folio status --format json`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusReport {
    /// 2.
    pub version: u32,
    /// One entry per (document, locale).
    pub documents: Vec<StatusFile>,
    /// One entry per locale, sorted by tag.
    pub locales: Vec<LocaleStatus>,
}

/// One locale's status for one document.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusFile {
    /// The document name.
    pub document: String,
    /// The locale.
    pub locale: String,
    /// The translation file, relative to the workspace root.
    pub file: String,
    /// Unit counts by status.
    pub units: Counts,
    /// English word counts by status.
    pub words: Counts,
    /// English words whose unit is publishable.
    pub publishable_words: usize,
    /// Percent of the English words whose unit is publishable.
    pub coverage: f64,
    /// Every unit that is not current.
    pub todo: Vec<UnitReport>,
    /// Syntax errors of the translation file.
    pub syntax_errors: Vec<ErrorReport>,
}

/// One unit that needs the translator.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitReport {
    /// The unit id.
    pub id: String,
    /// Its status.
    pub status: String,
    /// 1-based line of the translation.
    pub line: Option<usize>,
    /// Today's English.
    pub english: Option<String>,
    /// The English the translation was confirmed against.
    pub confirmed: Option<String>,
    /// The translation that was confirmed.
    pub confirmed_translation: Option<String>,
    /// The translation as text.
    pub translation: Option<String>,
    /// English words of the unit.
    pub words: usize,
    /// Whether the record has an entry for the unit.
    pub recorded: bool,
    /// The English word diff, for a stale or updated unit.
    pub diff: Option<Vec<DiffPart>>,
    /// The translation's word diff, for an updated unit.
    pub translation_diff: Option<Vec<DiffPart>>,
}

/// One part of a word diff.
#[derive(Debug, serde::Deserialize, PartialEq, Eq)]
#[serde(
    tag = "op",
    content = "text",
    rename_all = "kebab-case",
    deny_unknown_fields
)]
pub enum DiffPart {
    /// Unchanged text.
    Equal(String),
    /// Text removed.
    Delete(String),
    /// Text added.
    Insert(String),
}

/// A syntax error in a translation file.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ErrorReport {
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// What the parser expected.
    pub message: String,
    /// The offending line.
    pub line_text: String,
}

/// One locale's totals in `folio status`.
#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocaleStatus {
    /// The locale.
    pub locale: String,
    /// Documents.
    pub documents: usize,
    /// Unit counts by status.
    pub units: Counts,
    /// English word counts by status.
    pub words: Counts,
    /// Percent of all the English words whose unit is publishable.
    pub coverage: f64,
}

impl StatusReport {
    /// Parses the standard output of `folio status --format json` and holds it to the
    /// format's invariants: version 2, each entry's file and to-do list agree with its
    /// counts, each locale's totals are the sums of its documents.
    pub fn parse(run: &Run) -> Self {
        let report: StatusReport = serde_json::from_str(&run.stdout)
            .unwrap_or_else(|e| panic!("{e}:\n{}{}", run.stdout, run.stderr));
        assert_eq!(report.version, 2);
        assert_ordered(
            report.documents.iter().map(|d| (&d.document, &d.locale)),
            report.locales.iter().map(|l| &l.locale),
        );
        for l in &report.locales {
            let documents = report.documents_of(&l.locale);
            assert_eq!(documents.len(), l.documents, "{l:?}");
            assert_eq!(sum(documents.iter().map(|d| &d.units)), l.units, "{l:?}");
            assert_eq!(sum(documents.iter().map(|d| &d.words)), l.words, "{l:?}");
            let publishable = documents.iter().map(|d| d.publishable_words).sum();
            assert_eq!(
                l.coverage,
                percent(publishable, english_total(&l.words)),
                "{l:?}"
            );
        }
        for document in &report.documents {
            assert_eq!(
                document.file,
                format!("locales/{}/{}.ftl", document.locale, document.document)
            );
            assert!(
                document.publishable_words <= document.words.current,
                "{document:?}"
            );
            assert_eq!(
                document.coverage,
                percent(document.publishable_words, english_total(&document.words)),
                "{document:?}"
            );
            // The to-do list is every unit that is not current.
            let u = &document.units;
            let not_current = english_total(u) + u.obsolete - u.current;
            assert_eq!(document.todo.len(), not_current, "{document:?}");
        }
        report
    }

    /// The locales reported, in order.
    pub fn locale_names(&self) -> Vec<&str> {
        self.locales.iter().map(|l| l.locale.as_str()).collect()
    }

    /// The totals of `locale`.
    pub fn totals(&self, locale: &str) -> &LocaleStatus {
        self.locales
            .iter()
            .find(|l| l.locale == locale)
            .unwrap_or_else(|| panic!("{locale} in {self:?}"))
    }

    /// The entries of `locale`, in document order.
    pub fn documents_of(&self, locale: &str) -> Vec<&StatusFile> {
        self.documents
            .iter()
            .filter(|d| d.locale == locale)
            .collect()
    }

    /// The entry of `document` in `locale`.
    pub fn document(&self, locale: &str, document: &str) -> &StatusFile {
        self.documents
            .iter()
            .find(|d| d.locale == locale && d.document == document)
            .unwrap_or_else(|| panic!("{document} in {locale}: {self:?}"))
    }

    /// `(id, status)` of every unit of `locale` that is not current, in report order.
    pub fn todo(&self, locale: &str) -> Vec<(String, String)> {
        self.documents_of(locale)
            .iter()
            .flat_map(|d| &d.todo)
            .map(|u| (u.id.clone(), u.status.clone()))
            .collect()
    }
}

/// `folio status --format json ARGS…` in `sandbox`, which must exit 0, parsed.
pub fn status_json(sandbox: &Sandbox, args: &[&str]) -> StatusReport {
    let mut all = vec!["status", "--format", "json"];
    all.extend_from_slice(args);
    StatusReport::parse(&sandbox.run_ok(&all))
}

/// Entries come document by document (each document's locales together, in the order of
/// the totals), and every entry's locale has totals.
fn assert_ordered<'a>(
    entries: impl Iterator<Item = (&'a String, &'a String)>,
    locales: impl Iterator<Item = &'a String>,
) {
    let locales: Vec<&String> = locales.collect();
    assert!(locales.is_sorted(), "locale totals sorted: {locales:?}");
    let mut seen: Vec<&String> = Vec::new();
    let mut previous: Option<(&String, usize)> = None;
    for (document, locale) in entries {
        let position = locales
            .iter()
            .position(|l| *l == locale)
            .unwrap_or_else(|| panic!("{locale} of {document} has no totals"));
        match previous {
            Some((d, p)) if d == document => {
                assert!(p < position, "{document}: {locale} out of order")
            }
            _ => {
                assert!(
                    !seen.contains(&document),
                    "{document}'s entries are not together"
                );
                seen.push(document);
            }
        }
        previous = Some((document, position));
    }
}

/// The sum of some counts.
fn sum<'a>(counts: impl IntoIterator<Item = &'a Counts>) -> Counts {
    counts.into_iter().fold(
        Counts {
            current: 0,
            updated: 0,
            stale: 0,
            untranslated: 0,
            missing: 0,
            obsolete: 0,
            invalid: 0,
        },
        |a, c| Counts {
            current: a.current + c.current,
            updated: a.updated + c.updated,
            stale: a.stale + c.stale,
            untranslated: a.untranslated + c.untranslated,
            missing: a.missing + c.missing,
            obsolete: a.obsolete + c.obsolete,
            invalid: a.invalid + c.invalid,
        },
    )
}

/// The words (or units) that count towards coverage: all but obsolete.
fn english_total(c: &Counts) -> usize {
    c.current + c.updated + c.stale + c.untranslated + c.missing + c.invalid
}

/// `part` of `whole` in percent to one decimal, as the reports round it (100 of nothing).
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        (part as f64 * 100.0 / whole as f64 * 10.0).round() / 10.0
    }
}

/// What a run of `folio` did.
#[derive(Debug)]
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// A throwaway workspace in a temporary folder.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A copy of this repository's own workspace: folio.toml, terms.toml, source/ and
    /// locales/.
    pub fn repo() -> Self {
        let sandbox = Sandbox::empty();
        for item in ["folio.toml", "terms.toml", "source", "locales"] {
            copy_tree(&repo_root().join(item), &sandbox.path().join(item));
        }
        sandbox
    }

    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Self {
        let sandbox = Sandbox::empty();
        copy_tree(
            &repo_root().join("tests/fixtures").join(name),
            sandbox.path(),
        );
        sandbox
    }

    /// An empty folder.
    pub fn empty() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// The sandbox's root.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `folio ARGS…` in the sandbox, with colour off (NO_COLOR set, and no
    /// CLICOLOR_FORCE from the caller's environment to override it) and no CI step
    /// summary.
    pub fn run(&self, args: &[&str]) -> Run {
        let mut command = Command::new(folio_bin());
        command
            .env_remove("CLICOLOR_FORCE")
            .env_remove("GITHUB_STEP_SUMMARY")
            .env("NO_COLOR", "1");
        self.run_command(command, args)
    }

    /// Runs `folio ARGS…` in the sandbox with exactly the colour and CI variables `env`
    /// names (NO_COLOR, CLICOLOR_FORCE, CLICOLOR, TERM, GITHUB_STEP_SUMMARY): any of them
    /// not named is removed from the caller's environment, so the run does not depend on
    /// the terminal or CI the tests were started from.
    pub fn run_with_env(&self, args: &[&str], env: &[(&str, &str)]) -> Run {
        let mut command = Command::new(folio_bin());
        for name in [
            "NO_COLOR",
            "CLICOLOR_FORCE",
            "CLICOLOR",
            "TERM",
            "GITHUB_STEP_SUMMARY",
        ] {
            command.env_remove(name);
        }
        command.envs(env.iter().copied());
        self.run_command(command, args)
    }

    fn run_command(&self, mut command: Command, args: &[&str]) -> Run {
        let output = command
            .args(args)
            .current_dir(self.path())
            .output()
            .expect("folio runs");
        Run {
            code: output
                .status
                .code()
                .expect("folio exits normally, not by a signal"),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs `folio ARGS…` and asserts it exits with `code`.
    pub fn run_ok(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert_eq!(
            run.code, 0,
            "folio {args:?} failed:\n{}{}",
            run.stdout, run.stderr
        );
        run
    }

    /// Reads a file of the sandbox as text.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Writes a file of the sandbox, creating folders.
    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        std::fs::write(path, contents).expect("writable");
    }

    /// Replaces the one occurrence of `from` in a file with `to`.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{from:?} must occur once in {path}"
        );
        self.write(path, text.replacen(from, to, 1));
    }

    /// Removes the one-line message `id` from a `.ftl` file: a unit left untranslated.
    pub fn drop_message(&self, path: &str, id: &str) {
        let text = self.read(path);
        let start = format!("{id} =");
        let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with(&start)).collect();
        self.write(path, kept.join("\n"));
    }

    /// The messages of a `.ftl` file as (id, value text), in file order, read with
    /// fluent-syntax directly (not through Folio). Panics on any Junk.
    pub fn messages(&self, path: &str) -> Vec<(String, String)> {
        ftl_messages(&self.read(path))
    }

    /// The unit ids of a document in layout order, from its generated layout.
    pub fn layout_ids(&self, name: &str) -> Vec<String> {
        let text = self.read(&format!("locales/en/{name}.layout.json"));
        let layout: folio_model::Layout = serde_json::from_str(&text).expect("a valid layout");
        layout
            .units()
            .into_iter()
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

/// Parses `.ftl` text with fluent-syntax and formats every message with fluent-bundle
/// (isolation marks off): (id, formatted value) in file order. Panics on any Junk or
/// formatting error, so a caller knows the file is clean.
pub fn ftl_messages(text: &str) -> Vec<(String, String)> {
    use fluent_bundle::{FluentBundle, FluentResource};
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("syntax errors {errors:?} in\n{text}"),
    };
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    let mut bundle = FluentBundle::default();
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate ids");
    ids.into_iter()
        .map(|id| {
            let message = bundle.get_message(&id).expect("present");
            let mut errors = Vec::new();
            let value = bundle.format_pattern(message.value().expect("a value"), None, &mut errors);
            assert!(errors.is_empty(), "{id}: {errors:?}");
            let value = value.into_owned();
            (id, value)
        })
        .collect()
}

/// The repository with hostile Spanish translations, rendered to `site/`.
pub fn hostile_site() -> Sandbox {
    const NAME: &str = "immunotherapy-multiple-myeloma";
    let sandbox = Sandbox::repo();
    let path = format!("locales/es/{NAME}.ftl");
    let mut text = sandbox.read(&path);
    for (id, hostile) in [
        ("title", "Título\" onload=\"window.__pwned=3"),
        (
            "description",
            "Descripción\"><img src=x onerror=window.__pwned=4>",
        ),
        (
            "intro-p1",
            "<script>window.__pwned=1</script> El tratamiento del cáncer.",
        ),
        (
            "intro-p2",
            "Texto \u{202E}invertido\u{202C} y <img src=x onerror=\"window.__pwned=5\"> más.",
        ),
        (
            "understanding-immunotherapy-multiple-myeloma-heading",
            "<iframe src=\"javascript:window.top.__pwned=6\"></iframe>Entender",
        ),
        (
            "future-directions-immunotherapy-p2",
            "Lea [la guía](javascript:window.__pwned=7) y [NIH](https://www.nih.gov/).",
        ),
    ] {
        let start = text
            .find(&format!("\n{id} = "))
            .unwrap_or_else(|| panic!("{id}"))
            + 1;
        let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        text.replace_range(start..end, &format!("{id} = {hostile}"));
    }
    sandbox.write(&path, text);
    // Units with HTML the English lacks are `tag-mismatch` errors, left out of the page;
    // the bar is lowered so the page still goes out and shows what did get through.
    sandbox.edit("folio.toml", "min-coverage = 80", "min-coverage = 0");
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    sandbox
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("folders");
        let mut entries: Vec<_> = std::fs::read_dir(from)
            .expect("readable")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            copy_tree(&entry, &to.join(entry.file_name().expect("a name")));
        }
    } else {
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}
