//! `--document`, `--status` and `--changed-since` end to end: which documents and
//! locales `check` and `status` read and report. `--changed-since` runs git on a
//! repository built in the sandbox.

#![allow(clippy::disallowed_methods)]

use std::process::Command;

use folio_tests::{CheckReport, Sandbox, StatusReport, status_json};

const NAME: &str = "immunotherapy-multiple-myeloma";
const LOCALES: [&str; 6] = ["ar", "de", "es", "fr", "pt-BR", "zh-Hans"];

/// Runs `git ARGS…` in the sandbox, which must succeed.
fn git(sandbox: &Sandbox, args: &[&str]) {
    let output = Command::new("git")
        .arg("-C")
        .arg(sandbox.path())
        .args([
            "-c",
            "user.name=Folio",
            "-c",
            "user.email=folio@example.org",
        ])
        .args([
            "-c",
            "commit.gpgsign=false",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .output()
        .expect("git runs");
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A copy of the workspace committed in a new repository, tagged `base`.
fn repository() -> Sandbox {
    let sandbox = Sandbox::repo();
    git(&sandbox, &["init", "-q"]);
    git(&sandbox, &["add", "-A"]);
    git(&sandbox, &["commit", "-q", "-m", "base"]);
    git(&sandbox, &["tag", "base"]);
    sandbox
}

/// The (document, locale) entries of `folio check --format json ARGS…`.
fn checked(sandbox: &Sandbox, args: &[&str]) -> Vec<(String, String)> {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = sandbox.run(&all);
    assert!(run.code < 2, "{}{}", run.stdout, run.stderr);
    CheckReport::parse(&run)
        .documents
        .iter()
        .map(|d| (d.document.clone(), d.locale.clone()))
        .collect()
}

/// The (document, locale) entries of `folio status --format json ARGS…`.
fn reported(sandbox: &Sandbox, args: &[&str]) -> Vec<(String, String)> {
    status_json(sandbox, args)
        .documents
        .iter()
        .map(|d| (d.document.clone(), d.locale.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(d, l)| ((*d).to_owned(), (*l).to_owned()))
        .collect()
}

fn every_locale(document: &str) -> Vec<(String, String)> {
    LOCALES
        .iter()
        .map(|l| (document.to_owned(), (*l).to_owned()))
        .collect()
}

#[test]
fn changed_since_checks_only_the_changed_translation() {
    let sandbox = repository();
    sandbox.edit(
        &format!("locales/es/{NAME}.ftl"),
        "title = Inmunoterapia en",
        "title = La inmunoterapia en",
    );
    git(&sandbox, &["commit", "-q", "-am", "es: title"]);
    let only = pairs(&[(NAME, "es")]);
    assert_eq!(checked(&sandbox, &["--changed-since", "base"]), only);
    assert_eq!(reported(&sandbox, &["--changed-since", "base"]), only);
    // Nothing changed since HEAD: nothing is read, and the run says so.
    assert_eq!(checked(&sandbox, &["--changed-since", "HEAD"]), pairs(&[]));
    for command in ["check", "status"] {
        let run = sandbox.run(&[command, "--changed-since", "HEAD"]);
        assert!(
            run.stderr
                .contains("nothing Folio reads changed since `HEAD`"),
            "{command}: {run:?}"
        );
    }
    // Named locales narrow it further.
    assert_eq!(
        checked(&sandbox, &["--changed-since", "base", "fr"]),
        pairs(&[])
    );

    // Uncommitted changes count: a record edited, a translation not yet added.
    let record = format!("locales/fr/confirmed/{NAME}.toml");
    let text = sandbox.read(&record);
    sandbox.write(&record, format!("{text}\n"));
    let untracked = sandbox.read("locales/de/disclaimer.ftl");
    sandbox.write("locales/de/disclaimer.ftl", format!("{untracked}\n"));
    assert_eq!(
        checked(&sandbox, &["--changed-since", "base"]),
        pairs(&[("disclaimer", "de"), (NAME, "es"), (NAME, "fr")])
    );
}

#[test]
fn changed_english_or_settings_mean_every_locale() {
    let sandbox = repository();
    let source = sandbox.read("source/disclaimer.md");
    sandbox.write("source/disclaimer.md", format!("{source}\n"));
    // The disclaimer's English changed: every locale's disclaimer is checked.
    assert_eq!(
        checked(&sandbox, &["--changed-since", "base"]),
        every_locale("disclaimer")
    );
    let config = sandbox.read("folio.toml");
    sandbox.write("folio.toml", format!("{config}\n"));
    let mut everything = every_locale("disclaimer");
    everything.extend(every_locale(NAME));
    assert_eq!(checked(&sandbox, &["--changed-since", "base"]), everything);
    // --document narrows what changed.
    assert_eq!(
        checked(&sandbox, &["--changed-since", "base", "--document", NAME]),
        every_locale(NAME)
    );
}

#[test]
fn changed_since_outside_a_repository_or_an_unknown_ref_exits_2() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run(&["check", "--changed-since", "main"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("not in a git repository"),
        "{}",
        run.stderr
    );

    let sandbox = repository();
    for command in ["check", "status"] {
        let run = sandbox.run(&[command, "--changed-since", "no-such-branch"]);
        assert_eq!(run.code, 2, "{}", run.stderr);
        assert!(
            run.stderr.contains("`no-such-branch` is not a commit"),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn document_names_and_globs_select_documents() {
    let sandbox = Sandbox::repo();
    assert_eq!(
        checked(&sandbox, &["--document", "disclaimer"]),
        every_locale("disclaimer")
    );
    assert_eq!(
        reported(&sandbox, &["--document", "immuno*", "es", "de"]),
        pairs(&[(NAME, "de"), (NAME, "es")])
    );
    let run = sandbox.run(&["status", "--document", "imunotherapy"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains(&format!("no such document; did you mean `{NAME}`?")),
        "{}",
        run.stderr
    );
    let run = sandbox.run(&["check", "--document", "zzz*"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("the documents are `disclaimer`"),
        "{}",
        run.stderr
    );
}

/// `folio status --format json ARGS…` with `--status`, parsed without the check that
/// `todo` holds every unit that is not current: it holds the units asked for.
fn filtered(sandbox: &Sandbox, args: &[&str]) -> StatusReport {
    let mut all = vec!["status", "--format", "json"];
    all.extend_from_slice(args);
    let run = sandbox.run_ok(&all);
    serde_json::from_str(&run.stdout).expect("status JSON")
}

#[test]
fn status_filter_lists_only_those_statuses() {
    let sandbox = Sandbox::repo();
    let path = format!("locales/es/{NAME}.ftl");
    let text = sandbox.read(&path);
    let without_title: String = text
        .lines()
        .filter(|line| !line.starts_with("title = "))
        .map(|line| format!("{line}\n"))
        .collect();
    sandbox.write(&path, without_title);

    let report = filtered(&sandbox, &["--status", "missing"]);
    assert_eq!(
        report.todo("es"),
        vec![("title".to_owned(), "missing".to_owned())]
    );
    assert!(report.todo("fr").is_empty());
    // JSON keeps every entry (its totals are their sums).
    assert_eq!(report.documents.len(), 12);

    let report = filtered(&sandbox, &["--status", "current", "fr"]);
    let todo = report.todo("fr");
    assert!(!todo.is_empty());
    assert!(todo.iter().all(|(_, status)| status == "current"));

    // The per-document table leaves out documents with none of those units.
    let run = sandbox.run_ok(&["status", "--documents", "--todo", "--status", "missing"]);
    let rows: Vec<&str> = run
        .stdout
        .lines()
        .filter(|line| {
            matches!(line.split_whitespace().nth(1), Some(d) if d == NAME || d == "disclaimer")
        })
        .collect();
    assert_eq!(rows.len(), 1, "{}", run.stdout);
    assert!(rows[0].starts_with("es "), "{}", run.stdout);

    // check holds every unit to the bar: it takes no --status.
    let run = sandbox.run(&["check", "--status", "stale"]);
    assert_eq!(run.code, 2);
}

#[test]
fn changed_since_in_a_workspace_below_the_repository_root() {
    let sandbox = Sandbox::repo();
    let docs = sandbox.path().join("docs");
    std::fs::create_dir(&docs).expect("docs/");
    for item in ["folio.toml", "terms.toml", "source", "locales"] {
        std::fs::rename(sandbox.path().join(item), docs.join(item)).expect("moved");
    }
    sandbox.write("README.md", "outside the workspace\n");
    git(&sandbox, &["init", "-q"]);
    git(&sandbox, &["add", "-A"]);
    git(&sandbox, &["commit", "-q", "-m", "base"]);
    sandbox.write("locales/es/disclaimer.ftl", "not the workspace's\n");
    sandbox.write("README.md", "changed\n");
    sandbox.edit(
        &format!("docs/locales/ar/{NAME}.ftl"),
        "\ntitle = ",
        "\ntitle =  ",
    );
    let run = sandbox.run(&[
        "-C",
        "docs",
        "check",
        "--format",
        "json",
        "--changed-since",
        "HEAD",
    ]);
    assert!(run.code < 2, "{}", run.stderr);
    let entries: Vec<(String, String)> = CheckReport::parse(&run)
        .documents
        .iter()
        .map(|d| (d.document.clone(), d.locale.clone()))
        .collect();
    assert_eq!(entries, pairs(&[(NAME, "ar")]));
}
