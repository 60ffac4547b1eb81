//! The conventions people expect of a command line: colour as `--color`, CLICOLOR_FORCE,
//! NO_COLOR and CLICOLOR say, `-q` and `-v`, shell completions and a man page.

use folio_tests::{Run, Sandbox};

const ARTICLE: &str = "source/immunotherapy-multiple-myeloma.md";

/// The start of every ANSI colour or style sequence.
const ESC: char = '\u{1b}';

/// A copy of the repository where one English word changed, so `status es --diff` prints
/// a word diff: red and green with colour, `[-…-]{+…+}` without.
fn stale_workspace() -> Sandbox {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        ARTICLE,
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    sandbox
}

/// `folio FLAGS… ARGS…` with exactly the colour variables of `env`.
fn run(sandbox: &Sandbox, flags: &[&str], args: &[&str], env: &[(&str, &str)]) -> Run {
    let all: Vec<&str> = flags.iter().chain(args).copied().collect();
    sandbox.run_with_env(&all, env)
}

/// Flags before the command, the colour variables, and whether output is coloured.
type Case = (
    &'static [&'static str],
    &'static [(&'static str, &'static str)],
    bool,
);

/// Standard output and standard error, each coloured or not, under every rule and each
/// rule against the ones below it. The tests' streams are pipes, never terminals, so
/// `auto` alone means no colour.
#[test]
fn colour_follows_the_flag_then_clicolor_force_then_no_color() {
    let stale = stale_workspace();
    // No folio.toml: `status` fails with an error on standard error.
    let empty = Sandbox::empty();
    let cases: &[Case] = &[
        (&[], &[], false),
        (&["--color", "auto"], &[], false),
        // The flag wins over every variable.
        (&["--color", "always"], &[], true),
        (&["--color", "always"], &[("NO_COLOR", "1")], true),
        (&["--color", "always"], &[("CLICOLOR", "0")], true),
        (&["--color", "never"], &[("CLICOLOR_FORCE", "1")], false),
        // CLICOLOR_FORCE, set and not 0, colours a pipe, whatever NO_COLOR or TERM say.
        (&[], &[("CLICOLOR_FORCE", "1")], true),
        (&[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")], true),
        (&[], &[("CLICOLOR_FORCE", "1"), ("TERM", "dumb")], true),
        (&[], &[("CLICOLOR_FORCE", "0")], false),
        // NO_COLOR and CLICOLOR only ever take colour away.
        (&[], &[("NO_COLOR", "1")], false),
        (&[], &[("NO_COLOR", "")], false),
        (&[], &[("CLICOLOR", "1")], false),
    ];
    for &(flags, env, coloured) in cases {
        let report = run(&stale, flags, &["status", "es", "--diff"], env);
        assert_eq!(report.code, 0, "{flags:?} {env:?}: {}", report.stderr);
        assert_eq!(
            report.stdout.contains(ESC),
            coloured,
            "stdout, {flags:?} {env:?}:\n{}",
            report.stdout
        );
        // Without colour, the diff shows its changes with git's plain markers.
        assert_eq!(
            report.stdout.contains("[-affects-]{+damages+}"),
            !coloured,
            "{flags:?} {env:?}:\n{}",
            report.stdout
        );
        let error = run(&empty, flags, &["status"], env);
        assert_eq!(error.code, 2, "{flags:?} {env:?}");
        assert!(error.stderr.contains("folio.toml"), "{}", error.stderr);
        assert_eq!(
            error.stderr.contains(ESC),
            coloured,
            "stderr, {flags:?} {env:?}:\n{}",
            error.stderr
        );
    }
}

/// The default `Sandbox::run` stays uncoloured even when the caller's environment forces
/// colour.
#[test]
fn the_default_sandbox_run_is_uncoloured() {
    let run = Sandbox::empty().run(&["status"]);
    assert_eq!(run.code, 2);
    assert!(!run.stderr.contains(ESC), "{}", run.stderr);
}

#[test]
fn quiet_and_verbose_conflict() {
    let sandbox = Sandbox::repo();
    for args in [
        &["-q", "-v", "status"][..],
        &["status", "--quiet", "--verbose"],
        &["--verbose", "check", "-q"],
    ] {
        let run = sandbox.run(args);
        assert_eq!(run.code, 2, "{args:?}");
        assert!(
            run.stderr.contains("cannot be used with"),
            "{args:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn verbose_ends_with_the_run_time() {
    let sandbox = Sandbox::repo();
    for args in [&["-v", "status"][..], &["check", "--verbose"]] {
        let run = sandbox.run_ok(args);
        let last = run.stderr.lines().last().unwrap_or_default();
        assert!(
            last.starts_with("note: finished in ") && last.ends_with(" s"),
            "{args:?}: {}",
            run.stderr
        );
    }
    let run = sandbox.run_ok(&["status"]);
    assert!(!run.stderr.contains("finished in"), "{}", run.stderr);
    // A failed run says how long it took too, after its error.
    let run = Sandbox::empty().run(&["-v", "status"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("error: no folio.toml"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("note: finished in "), "{}", run.stderr);
}

/// The command names `folio --help` lists (but `help`), so a new command can't miss its
/// completions or its page.
fn command_names(sandbox: &Sandbox) -> Vec<String> {
    let help = sandbox.run_ok(&["--help"]).stdout;
    let commands = help
        .split("Commands:\n")
        .nth(1)
        .expect("--help lists commands");
    let names: Vec<String> = commands
        .lines()
        .take_while(|line| line.starts_with("  "))
        .filter_map(|line| line.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_owned)
        .collect();
    assert!(names.len() >= 9, "{names:?}");
    names
}

#[test]
fn completions_are_printed_for_every_shell_without_a_workspace() {
    let sandbox = Sandbox::empty();
    let bash = sandbox.run_ok(&["completions", "bash"]);
    assert!(bash.stderr.is_empty(), "{}", bash.stderr);
    for word in ["render", "--shard", "new-locale", "--color", "--verbose"] {
        assert!(bash.stdout.contains(word), "bash lacks {word}");
    }
    for name in command_names(&sandbox) {
        assert!(bash.stdout.contains(&name), "bash lacks {name}");
    }
    for (shell, marker) in [
        ("zsh", "#compdef folio"),
        ("fish", "complete -c folio"),
        ("elvish", "edit:completion:arg-completer[folio]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let run = sandbox.run_ok(&["completions", shell]);
        assert!(run.stdout.contains(marker), "{shell}:\n{}", run.stdout);
        assert!(run.stdout.contains("render"), "{shell} lacks render");
        assert!(!run.stdout.contains(ESC), "{shell}");
    }
    let run = sandbox.run(&["completions", "tcsh"]);
    assert_eq!(run.code, 2, "an unknown shell is a usage error");
}

/// Lines of `page` before its `.TH` are the string definitions clap_mangen puts first
/// (`.ie`/`.el`, for the apostrophe); the title is the first request after them.
#[track_caller]
fn title(page: &str) -> &str {
    let mut lines = page.lines();
    let title = lines
        .by_ref()
        .find(|line| !line.starts_with(".ie ") && !line.starts_with(".el "))
        .expect("a page");
    assert!(title.starts_with(".TH "), "{page}");
    title
}

#[test]
fn the_man_page_is_roff_and_names_every_command() {
    let sandbox = Sandbox::empty();
    let page = sandbox.run_ok(&["man"]).stdout;
    assert!(title(&page).starts_with(".TH folio 1 "), "{page}");
    assert!(page.contains("\n.SH SYNOPSIS\n"), "{page}");
    assert!(!page.contains(ESC));
    let commands = page
        .split("\n.SH SUBCOMMANDS\n")
        .nth(1)
        .expect("a SUBCOMMANDS section");
    for name in command_names(&sandbox) {
        // roff escapes the hyphen: folio\-new\-locale(1).
        let reference = format!("folio-{name}(1)").replace('-', "\\-");
        assert!(commands.contains(&reference), "no {reference}:\n{page}");
        // Each command's own page, which the reference names.
        let own = sandbox.run_ok(&["man", &name]).stdout;
        assert!(
            title(&own).starts_with(&format!(".TH folio-{name} 1 ")),
            "{own}"
        );
    }
    assert!(!commands.contains("folio\\-help"), "help has no page");
    assert!(
        page.contains("\\-\\-verbose") && page.contains("\\-\\-color"),
        "{page}"
    );
    let run = sandbox.run(&["man", "bogus"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`bogus` is not a folio command"));
}

/// `-v` lifts `check`'s cap of 10 snippets per check. Ignored until `report/check.rs`
/// asks the reporter's verbosity before capping (the one-line change its `file` needs:
/// `.filter(|f| reporter.verbosity().is_verbose() || self.show(f.check))`).
#[test]
fn verbose_check_shows_every_snippet() {
    let sandbox = Sandbox::empty();
    let (mut english, mut spanish) = (String::new(), String::new());
    for i in 1..=15 {
        english.push_str(&format!("m{i} = Hello {{ $name }}\n"));
        spanish.push_str(&format!("m{i} = Hola\n"));
    }
    sandbox.write("l/en-US/a.ftl", english);
    sandbox.write("l/es/a.ftl", spanish);
    let args = ["check", "--locales", "l", "--reference", "en-US"];
    let snippets = |run: &Run| {
        run.stderr
            .lines()
            .filter(|line| line.starts_with("warning[") || line.starts_with("error["))
            .count()
    };
    let normal = sandbox.run(&args);
    assert_eq!(snippets(&normal), 10, "{}", normal.stderr);
    assert!(
        normal.stdout.contains("Not shown: 5 more"),
        "{}",
        normal.stdout
    );
    let verbose = sandbox.run(&[&["-v"][..], &args].concat());
    assert_eq!(snippets(&verbose), 15, "{}", verbose.stderr);
    assert!(!verbose.stdout.contains("Not shown"), "{}", verbose.stdout);
}

/// A report is written in blocks when standard output is not a terminal; the last block
/// still reaches it, and a write that fails, even the last, is an error (exit 2), not a
/// silent success. A reader that stops early is not an error.
#[cfg(target_os = "linux")]
#[test]
// The test opens the full device as standard output: plain file access, on purpose.
#[allow(clippy::disallowed_methods, clippy::disallowed_types)]
fn a_report_that_cannot_be_written_is_an_error() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let sandbox = Sandbox::repo();
    let expected = sandbox.run_ok(&["status", "--format", "json"]).stdout;
    assert!(expected.trim_end().ends_with('}'), "{expected}");
    // The report is a few kilobytes: it fits in one block, written only at the end.
    let full = std::fs::File::options()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let output = Command::new(folio_tests::folio_bin())
        .args(["status", "--format", "json"])
        .current_dir(sandbox.path())
        .stdout(full)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("No space left on device"), "{stderr}");
    // A reader that takes one byte and goes away, from a report larger than a pipe holds:
    // the rest is not written, quietly.
    const TREE_CHECK: [&str; 7] = [
        "check",
        "--locales",
        ".",
        "--reference",
        "en",
        "--format",
        "json",
    ];
    let tree = Sandbox::empty();
    for document in 0..300 {
        for locale in ["en", "fr"] {
            tree.write(&format!("{locale}/d{document}.ftl"), "hello = Hello\n");
        }
    }
    let mut child = Command::new(folio_tests::folio_bin())
        .args(TREE_CHECK)
        .current_dir(tree.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(first, [b'{']);
    assert_eq!(output.status.code(), Some(0), "{output:?}");
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    let whole = tree.run(&TREE_CHECK);
    assert!(whole.stdout.len() > 1 << 17, "{}", whole.stdout.len());
}
