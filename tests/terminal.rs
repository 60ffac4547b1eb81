//! Terminal control characters in files never reach a terminal raw: every human report
//! (`status --diff`, `status --todo`, `check` snippets, error snippets) shows them escaped
//! as `\u{…}`, and JSON carries them as `\u` escapes that parse back to the same text.

use folio_tests::{CheckReport, Run, Sandbox, StatusReport};

const ARTICLE: &str = "source/immunotherapy-multiple-myeloma.md";
const NAME: &str = "immunotherapy-multiple-myeloma";

/// Retitles the window, clears the screen, hides what follows, reorders the line, and a
/// C1 control sequence introducer and DEL for good measure.
const HOSTILE: &str =
    "\u{1b}]0;pwned\u{7} \u{1b}[2J \u{1b}[8m oculto \u{202e}invertido\u{202c} \u{9b}31m \u{7f}fin";

/// Characters that must not appear raw in any output.
const RAW: &[char] = &[
    '\u{1b}', '\u{7}', '\u{202e}', '\u{202c}', '\u{9b}', '\u{7f}',
];

/// A copy of the repository where `intro-p2` is stale everywhere (its English edit carries
/// control characters too), the Spanish translation of it carries [`HOSTILE`], and the
/// Spanish `intro-p3` carries it with an unknown variable, so `check` shows its line.
fn workspace_with_controls() -> Sandbox {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        ARTICLE,
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma \u{1b}[8mdamages\u{202e} plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    let path = format!("locales/es/{NAME}.ftl");
    let text = sandbox.read(&path);
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for line in &mut lines {
        if line.starts_with("intro-p2 = ") {
            *line = format!("intro-p2 = {HOSTILE}");
        } else if line.starts_with("intro-p3 = ") {
            *line = format!("intro-p3 = {HOSTILE} {{ $pwned }}");
        }
    }
    sandbox.write(&path, lines.join("\n") + "\n");
    sandbox
}

#[track_caller]
fn assert_inert(run: &Run, what: &str) {
    for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
        let raw: Vec<char> = text.chars().filter(|c| RAW.contains(c)).collect();
        assert!(raw.is_empty(), "{what}: raw {raw:?} on {stream}:\n{text}");
    }
}

#[test]
fn status_diff_shows_controls_escaped() {
    let sandbox = workspace_with_controls();
    let run = sandbox.run_ok(&["status", "es", "--diff"]);
    assert_inert(&run, "status --diff");
    // The translator changed the unit, so it shows as updated, with the translation's
    // own diff: every control in it escaped.
    for escaped in [
        "\\u{1b}]0;pwned\\u{7}",
        "\\u{1b}[2J",
        "\\u{202e}invertido\\u{202c}",
        "\\u{9b}31m",
        "\\u{7f}fin",
    ] {
        assert!(
            run.stdout.contains(escaped),
            "the translation is shown, escaped ({escaped}):\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains("\\u{1b}[8mdamages\\u{202e}"),
        "the English diff too:\n{}",
        run.stdout
    );
}

#[test]
fn status_todo_shows_controls_escaped() {
    let sandbox = workspace_with_controls();
    let run = sandbox.run_ok(&["status", "es", "--todo"]);
    assert_inert(&run, "status --todo");
    assert!(
        run.stdout.contains("\\u{1b}]0;pwned\\u{7}"),
        "{}",
        run.stdout
    );
}

#[test]
fn colour_still_works_around_escaped_text() {
    let sandbox = workspace_with_controls();
    let run = sandbox.run_ok(&["--color", "always", "status", "es", "--diff"]);
    for attack in ["\u{1b}]0;", "\u{1b}[2J", "\u{1b}[8m", "\u{202e}", "\u{7}"] {
        assert!(
            !run.stdout.contains(attack),
            "{attack:?} raw in\n{}",
            run.stdout
        );
    }
    assert!(
        run.stdout.contains("\u{1b}[0m"),
        "colour is on: {}",
        run.stdout
    );
}

#[test]
fn check_snippets_show_controls_escaped() {
    let sandbox = workspace_with_controls();
    let run = sandbox.run(&["check", "es"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_inert(&run, "check");
    assert!(
        run.stderr.contains("unknown-variable") && run.stderr.contains("\\u{1b}[2J"),
        "the snippet shows the line, escaped:\n{}",
        run.stderr
    );
    let github = sandbox.run(&["check", "es", "--format", "github"]);
    assert_inert(&github, "check --format github");
}

#[test]
fn json_escapes_controls_and_keeps_the_text() {
    let sandbox = workspace_with_controls();
    let run = sandbox.run_ok(&["status", "es", "--format", "json"]);
    assert_inert(&run, "status --format json");
    let report = StatusReport::parse(&run);
    let translations: Vec<&str> = report
        .documents_of("es")
        .into_iter()
        .flat_map(|d| &d.todo)
        .filter_map(|u| u.translation.as_deref())
        .collect();
    assert!(
        translations.contains(&HOSTILE),
        "the JSON keeps the text exactly: {translations:?}"
    );

    let run = sandbox.run(&["check", "es", "--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert_inert(&run, "check --format json");
    CheckReport::parse(&run);
}

#[test]
fn error_snippets_from_source_show_controls_escaped() {
    let sandbox = Sandbox::repo();
    sandbox.write(
        "source/hostile.md",
        "# Title \u{1b}]0;pwned\u{7}\n\n<div onclick=\"x()\">\u{1b}[2J\u{202e}</div>\n",
    );
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert_inert(&run, "extract");
    assert!(run.stderr.contains("hostile.md"), "{}", run.stderr);
}

#[test]
fn syntax_error_snippets_show_controls_escaped() {
    let sandbox = Sandbox::repo();
    let path = format!("locales/es/{NAME}.ftl");
    let text = sandbox.read(&path);
    sandbox.write(
        &path,
        text.replacen("\nintro-p4 = ", "\nintro-p4 = \u{1b}[2J\u{202e} { ", 1),
    );
    let run = sandbox.run_ok(&["status", "es"]);
    assert_inert(&run, "status with a syntax error");
    assert!(
        run.stderr.contains("\\u{1b}[2J\\u{202e}"),
        "the snippet shows the line, escaped:\n{}",
        run.stderr
    );
}
