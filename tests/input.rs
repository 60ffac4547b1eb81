//! Awkward input end to end: each gets a clear error naming file:line:col, or a defined
//! behaviour — front matter with a byte-order mark, unclosed or mistyped; pins that clash;
//! coverage bars that are not numbers; repeated arguments; and a summary line that agrees
//! with the exit status.

use folio_tests::{CheckReport, Sandbox};

const ARTICLE: &str = "source/immunotherapy-multiple-myeloma.md";
const NAME: &str = "immunotherapy-multiple-myeloma";

/// The article's text after its front matter's closing fence.
fn body(sandbox: &Sandbox) -> String {
    let text = sandbox.read(ARTICLE);
    let (_, rest) = text[3..]
        .split_once("+++\n")
        .expect("the article has front matter");
    rest.to_owned()
}

#[test]
fn a_byte_order_mark_before_the_front_matter_is_accepted() {
    let sandbox = Sandbox::repo();
    let before = sandbox.read(&format!("locales/en/{NAME}.ftl"));
    let text = sandbox.read(ARTICLE);
    sandbox.write(ARTICLE, format!("\u{feff}{text}"));
    sandbox.run_ok(&["extract"]);
    // The same units as without it: title and description included.
    assert_eq!(sandbox.read(&format!("locales/en/{NAME}.ftl")), before);
    assert_eq!(sandbox.layout_ids(NAME)[..2], ["title", "description"]);
}

#[test]
fn unclosed_front_matter_is_an_error_at_its_opening_fence() {
    let sandbox = Sandbox::repo();
    let text = sandbox.read(ARTICLE);
    let (front, _) = text[4..].split_once("+++\n").unwrap();
    sandbox.write(ARTICLE, format!("+++\n{front}\n{}", body(&sandbox)));
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(&format!("{ARTICLE}:1:1"))
            && run
                .stderr
                .contains("never closed; end it with a line `+++`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_mistyped_front_matter_key_is_pointed_at_in_the_file() {
    let sandbox = Sandbox::repo();
    sandbox.write(
        ARTICLE,
        format!(
            "+++\ndescription = \"D\"\ntitle = 3\n+++\n{}",
            body(&sandbox)
        ),
    );
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(&format!("{ARTICLE}:3:9")) && run.stderr.contains("invalid type"),
        "{}",
        run.stderr
    );
}

#[test]
fn pinning_a_reserved_or_taken_id_is_an_error_at_the_pin() {
    let sandbox = Sandbox::repo();
    let pinned = "multiple myeloma, a type of blood cancer, immunotherapy offers";
    sandbox.edit(
        ARTICLE,
        pinned,
        "multiple myeloma, a type of blood cancer, immunotherapy offers <!-- folio-id: title -->",
    );
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(&format!("{ARTICLE}:11:64"))
            && run.stderr.contains("the id `title` is reserved"),
        "{}",
        run.stderr
    );

    let sandbox = Sandbox::repo();
    let text = sandbox.read(ARTICLE).replacen(
        "compares to other treatment modalities.",
        "compares to other treatment modalities. <!-- folio-id: kept -->",
        1,
    );
    sandbox.write(
        ARTICLE,
        format!("{text}\nLast words. <!-- folio-id: kept -->\n"),
    );
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    let last_line = text.lines().count() + 2;
    assert!(
        run.stderr.contains(&format!("{ARTICLE}:{last_line}:13"))
            && run
                .stderr
                .contains("the id `kept` is already pinned at 14:41"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_coverage_bar_that_is_not_a_percentage_is_a_usage_error() {
    let sandbox = Sandbox::repo();
    for bad in ["NaN", "nan", "inf", "-inf", "-5", "100.5"] {
        let bar = format!("--min-coverage={bad}");
        let run = sandbox.run(&["check", "--locales", "locales", "--reference", "en", &bar]);
        assert_eq!(run.code, 2, "--min-coverage {bad}: {run:?}");
        assert!(
            run.stderr.contains("--min-coverage") && run.stderr.contains(bad),
            "{}",
            run.stderr
        );
        assert!(run.stdout.is_empty(), "no work is done: {}", run.stdout);
    }
    let config = sandbox.read("folio.toml");
    sandbox.write(
        "folio.toml",
        config.replacen("min-coverage = 100", "min-coverage = nan", 1),
    );
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("min-coverage = NaN: must be 0 to 100"),
        "{}",
        run.stderr
    );
}

#[test]
fn repeated_arguments_are_worked_on_once() {
    let sandbox = Sandbox::repo();
    let mut args = vec!["accept", "es"];
    args.extend(std::iter::repeat_n("no-such-unit", 2000));
    let run = sandbox.run(&args);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(
        run.stderr.matches("`no-such-unit` is not one of").count(),
        1,
        "{}",
        run.stderr
    );

    let mut args = vec!["render", NAME, NAME, "--locale", "es", "es", "fr", "es"];
    args.extend(["--out", "site"]);
    let run = sandbox.run(&args);
    assert_eq!(run.stdout.matches("es: ").count(), 1, "es once: {run:?}");
}

#[test]
fn the_check_summary_agrees_with_the_exit_status() {
    let sandbox = Sandbox::repo();
    // Everything else passes; a folder that is no locale can't be checked.
    sandbox.write("locales/Spanish/notes.ftl", "a = b\n");
    let run = sandbox.run(&["check"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(!run.stdout.contains("passed"), "{}", run.stdout);
    assert!(run.stdout.contains("could not complete"), "{}", run.stdout);

    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 2, "{run:?}");
    let report = CheckReport::parse(&run);
    assert!(
        !report.passed && report.errors.iter().any(|e| e.contains("Spanish")),
        "{}",
        run.stdout
    );

    let run = sandbox.run(&["check", "--format", "github"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stdout.contains("folio check could not complete"),
        "{}",
        run.stdout
    );
}

/// Found by fuzzing: a short `\u` escape before a non-ASCII character makes fluent-syntax
/// 0.12 panic. Every command that reads the file reports it as a syntax error instead,
/// and the rest of the file still counts.
#[test]
fn an_escape_the_parser_would_panic_on_is_a_syntax_error_everywhere() {
    let sandbox = Sandbox::repo();
    let es = "locales/es/immunotherapy-multiple-myeloma.ftl";
    sandbox.write(es, format!("{}p = {{ \"\\u桂\" }}\n", sandbox.read(es)));
    let check = sandbox.run(&["check", "es", "--format", "json"]);
    assert_eq!(check.code, 1, "{check:?}");
    assert!(
        CheckReport::parse(&check)
            .document("es", "immunotherapy-multiple-myeloma")
            .findings
            .iter()
            .any(|f| f.check == "syntax"),
        "{}",
        check.stdout
    );
    let status = sandbox.run_ok(&["status", "es"]);
    assert!(
        status.stderr.contains("Fluent syntax error"),
        "{}",
        status.stderr
    );
    let render = sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(render.stdout.contains("es: 1 page(s)"), "{}", render.stdout);
    sandbox.run_ok(&["accept", "es", "--new"]);
}

#[test]
fn a_name_with_a_control_character_is_refused_naming_the_file() {
    let sandbox = Sandbox::repo();
    sandbox.write("source/side\teffects.md", "# Side effects\n\nText.\n");
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    // The file is named, and what to do.
    assert!(
        run.stderr.contains("source/side\teffects.md")
            && run.stderr.contains("control character")
            && run.stderr.contains("rename the file"),
        "{}",
        run.stderr
    );
    // The other documents are still extracted: one bad name hides nothing.
    assert!(
        run.stdout
            .contains("immunotherapy-multiple-myeloma: 35 units"),
        "{}",
        run.stdout
    );
    assert!(!run.stdout.contains("side"), "{}", run.stdout);
}
