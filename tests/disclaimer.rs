//! The disclaimer guarantee under attack, end to end: every way a translator, an author or
//! a template could get a page out without a translated, current, visible disclaimer, and
//! `check` and `render` agreeing on each (one definition, in `folio-policy`).

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use folio_tests::{CheckReport, Run, Sandbox, status_json};

const NAME: &str = "immunotherapy-multiple-myeloma";
const ES_DISCLAIMER: &str = "locales/es/disclaimer.ftl";

/// Replaces the one-line value of `id` in a `.ftl` file with `value` (Fluent source).
fn set_message(sandbox: &Sandbox, path: &str, id: &str, value: &str) {
    let text = sandbox.read(path);
    let start = text
        .find(&format!("\n{id} = "))
        .unwrap_or_else(|| panic!("{id} in {path}"))
        + 1;
    let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
    let mut text = text;
    text.replace_range(start..end, &format!("{id} = {value}"));
    sandbox.write(path, text);
}

fn page_exists(sandbox: &Sandbox, locale: &str) -> bool {
    sandbox
        .path()
        .join(format!("site/{locale}/{NAME}.html"))
        .exists()
}

/// `check es` and `render --all` on the sandbox: check fails naming the disclaimer unit,
/// render refuses es (nothing written, exit 1) and still publishes the others.
fn assert_es_refused(sandbox: &Sandbox, unit: &str, why: &str) {
    let check = sandbox.run(&["check", "es", "--format", "json"]);
    assert_eq!(check.code, 1, "{why}: check must fail\n{check:?}");
    let report = CheckReport::parse(&check);
    let flagged = report
        .document("es", "disclaimer")
        .findings
        .iter()
        .any(|f| {
            f.check == "disclaimer-not-current"
                && f.id.as_deref() == Some(unit)
                && f.severity == "error"
        });
    assert!(
        flagged,
        "{why}: expected disclaimer-not-current on {unit}\n{}",
        check.stdout
    );
    let render = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(render.code, 1, "{why}: render must refuse es\n{render:?}");
    assert!(
        render.stderr.contains("es: refused") && render.stderr.contains(unit),
        "{why}: the refusal names the locale and the unit\n{}",
        render.stderr
    );
    assert!(!page_exists(sandbox, "es"), "{why}: no es page");
    assert!(
        page_exists(sandbox, "fr"),
        "{why}: other locales still render"
    );
    let fr = sandbox.read(&format!("site/fr/{NAME}.html"));
    assert!(
        !fr.contains("hreflang=\"es\""),
        "{why}: a refused locale is in no switcher"
    );
}

#[test]
fn empty_and_invisible_disclaimer_translations_are_refused() {
    for (unit, value) in [
        ("disclaimer-p1", r#"{ "" }"#),
        ("disclaimer-p1", r#"{ "   " }"#),
        ("disclaimer-p1", r#"{ "\u200B" }"#),
        ("disclaimer-p1", r#"{ "\u00A0" }"#),
        ("disclaimer-p1", r#"**{ "\u200B\u2060" }**"#),
        ("disclaimer-p1", "&nbsp;&#8203;"),
        ("disclaimer-p1", "{ nada }\nnada = { \"\" }"),
        ("disclaimer-heading", r#"{ "" }"#),
    ] {
        let sandbox = Sandbox::repo();
        set_message(&sandbox, ES_DISCLAIMER, unit, value);
        assert_es_refused(&sandbox, unit, value);
    }
}

#[test]
fn a_disclaimer_that_does_not_format_is_refused_with_the_right_advice() {
    let storm = "{ a1 }\na1 = { a2 }{ a2 }{ a2 }{ a2 }{ a2 }{ a2 }{ a2 }{ a2 }{ a2 }{ a2 }\n\
                 a2 = { a3 }{ a3 }{ a3 }{ a3 }{ a3 }{ a3 }{ a3 }{ a3 }{ a3 }{ a3 }\na3 = Texto";
    for value in [
        "{ disclaimer-p1 }",
        "{ otro }\notro = { disclaimer-p1 }",
        storm,
    ] {
        let sandbox = Sandbox::repo();
        set_message(&sandbox, ES_DISCLAIMER, "disclaimer-p1", value);
        assert_es_refused(&sandbox, "disclaimer-p1", value);
        let render = sandbox.run(&["render", "--all", "--out", "site"]);
        assert!(
            !render.stderr.contains("folio accept"),
            "a unit that is current but broken is fixed, not accepted: {}",
            render.stderr
        );
        assert!(
            render.stderr.contains("folio check es"),
            "{}",
            render.stderr
        );
    }
}

#[test]
fn a_disclaimer_copied_from_the_english_is_refused() {
    let sandbox = Sandbox::repo();
    sandbox.write(ES_DISCLAIMER, sandbox.read("locales/en/disclaimer.ftl"));
    assert_es_refused(&sandbox, "disclaimer-p1", "copied English");
    // A whole locale started by copying the English files is refused too.
    let sandbox = Sandbox::repo();
    for file in ["disclaimer.ftl", &format!("{NAME}.ftl")] {
        sandbox.write(
            &format!("locales/it/{file}"),
            sandbox.read(&format!("locales/en/{file}")),
        );
    }
    let render = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(render.code, 1, "{render:?}");
    assert!(render.stderr.contains("it: refused"), "{}", render.stderr);
    assert!(!page_exists(&sandbox, "it"));
}

#[test]
fn an_english_disclaimer_without_text_is_an_error_at_extract() {
    for (source, line) in [
        ("<!-- pending legal review -->\n", 1),
        ("", 1),
        ("## Disclaimer\n\n<!-- x -->\n\n**&#8203;**\n", 5),
    ] {
        let sandbox = Sandbox::repo();
        sandbox.write("source/disclaimer.md", source);
        let run = sandbox.run(&["extract"]);
        assert_eq!(run.code, 2, "{source:?}: {run:?}");
        assert!(
            run.stderr
                .contains(&format!("source/disclaimer.md:{line}:1:"))
                && run.stderr.contains("no text"),
            "{source:?}: names the file, line and problem: {}",
            run.stderr
        );
        // The committed English disclaimer is left as it was, so pages keep theirs.
        assert_eq!(
            sandbox.read("locales/en/disclaimer.ftl"),
            Sandbox::repo().read("locales/en/disclaimer.ftl")
        );
        sandbox.run_ok(&["render", "--all", "--out", "site"]);
    }
}

#[test]
fn a_hand_emptied_english_disclaimer_stops_check_and_render() {
    let sandbox = Sandbox::repo();
    let layout = "locales/en/disclaimer.layout.json";
    let mut value: serde_json::Value = serde_json::from_str(&sandbox.read(layout)).unwrap();
    value["blocks"] = serde_json::json!([]);
    sandbox.write(layout, value.to_string());
    let render = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(render.code, 2, "{render:?}");
    assert!(render.stderr.contains("the disclaimer has no text"));
    assert!(!sandbox.path().join("site").exists(), "nothing written");
    let check = sandbox.run(&["check"]);
    assert_eq!(check.code, 2, "{check:?}");
    assert!(check.stderr.contains("the disclaimer has no text"));

    let sandbox = Sandbox::repo();
    set_message(
        &sandbox,
        "locales/en/disclaimer.ftl",
        "disclaimer-p1",
        r#"{ " " }"#,
    );
    let render = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(render.code, 2, "{render:?}");
    assert!(
        render
            .stderr
            .contains("the disclaimer's unit `disclaimer-p1` has no text")
    );
}

/// Renders with `template` as the publisher's template.
fn render_with_template(template: &str) -> (Sandbox, Run) {
    let sandbox = Sandbox::repo();
    sandbox.write("templates/page.html", template);
    sandbox.edit(
        "folio.toml",
        "[render]\n",
        "[render]\ntemplate = \"templates/page.html\"\n",
    );
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    (sandbox, run)
}

#[test]
fn a_template_that_hides_the_disclaimer_writes_no_page() {
    for hidden in [
        "<html><body>{{ body }}</body></html>",
        "{{ body }}<!-- {{ disclaimer }} -->",
        "<body>{{ body }}<div style=\"display:none\">{{ disclaimer }}</div></body>",
        "<body>{{ body }}<div style=\"visibility: hidden\">{{ disclaimer }}</div></body>",
        "<body>{{ body }}<div hidden>{{ disclaimer }}</div></body>",
        "<body>{{ body }}<noscript>{{ disclaimer }}</noscript></body>",
        "<body>{{ body }}<template>{{ disclaimer }}</template></body>",
        "<body>{{ body }}<textarea>{{ disclaimer }}</textarea></body>",
        "<body>{{ body }}<script>/*{{ disclaimer }}*/</script></body>",
        "<body>{{ body }}<details><summary>Legal</summary>{{ disclaimer }}</details></body>",
        // A modal the reader must open, a popover, fallback content, and the ways pages
        // hide text "visually" while screen readers still read it.
        "<body>{{ body }}<dialog id=\"legal\">{{ disclaimer }}</dialog></body>",
        "<body>{{ body }}<div popover id=\"legal\">{{ disclaimer }}</div></body>",
        "<body>{{ body }}<video src=\"v.mp4\">{{ disclaimer }}</video></body>",
        "<body>{{ body }}<div style=\"position:absolute;clip:rect(0 0 0 0)\">{{ disclaimer }}</div></body>",
        "<body>{{ body }}<div style=\"height:0;overflow:hidden\">{{ disclaimer }}</div></body>",
        // A declarative shadow root shows its own tree instead of the host's content.
        "<body>{{ body }}<aside><template shadowrootmode=\"open\"><p>Legal</p></template>{{ disclaimer }}</aside></body>",
        // An attribute on a second `<body>` tag, after the disclaimer, is the page body's.
        "<body>{{ body }}<aside>{{ disclaimer }}</aside><body hidden></body>",
    ] {
        let (sandbox, run) = render_with_template(hidden);
        assert_eq!(run.code, 2, "{hidden}: {run:?}");
        assert!(
            run.stderr.contains("does not show the disclaimer"),
            "{hidden}: {}",
            run.stderr
        );
        assert!(
            !sandbox.path().join("site").exists(),
            "{hidden}: nothing written"
        );
    }
    let (sandbox, run) =
        render_with_template("<html><body>{{ body }}<aside>{{ disclaimer }}</aside></body></html>");
    assert_eq!(run.code, 0, "a template that shows it works: {run:?}");
    assert!(page_exists(&sandbox, "es"));
}

#[test]
fn a_template_that_does_not_parse_is_named_and_shown_once() {
    let (sandbox, run) = render_with_template("<body>{{ body }}\n<p>{{ disclaimer </p>\n");
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr
            .contains("templates/page.html: page template: syntax error"),
        "names the file: {}",
        run.stderr
    );
    assert!(
        run.stderr.contains("{{ disclaimer </p>"),
        "shows the line: {}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("syntax error").count(),
        2,
        "said once, and pointed at once under the line: {}",
        run.stderr
    );
    assert!(!sandbox.path().join("site").exists(), "nothing written");
}

#[test]
fn check_and_render_agree_on_a_body_unit_that_does_not_format() {
    let sandbox = Sandbox::repo();
    let path = format!("locales/es/{NAME}.ftl");
    set_message(&sandbox, &path, "intro-p2", "{ intro-p2 }");
    let check = sandbox.run(&["check", "es", "--format", "json"]);
    assert_eq!(check.code, 1, "{check:?}");
    let report = CheckReport::parse(&check);
    let document = report.document("es", NAME);
    assert!(
        document
            .findings
            .iter()
            .any(|f| f.check == "does-not-format" && f.id.as_deref() == Some("intro-p2")),
        "{}",
        check.stdout
    );
    assert!(
        document.coverage < 100.0,
        "a unit render leaves out is not covered: {document:?}"
    );
    let status = status_json(&sandbox, &["es"]);
    let in_status = status.document("es", NAME);
    assert_eq!(
        (in_status.coverage, in_status.publishable_words),
        (document.coverage, document.publishable_words),
        "status and check give one coverage"
    );
    let render = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(render.code, 0, "{render:?}");
    assert!(
        render
            .stdout
            .contains("left out for errors, shown from the fallback")
            && render.stdout.contains("intro-p2 (does-not-format)"),
        "render says what it left out: {}",
        render.stdout
    );
    let html = sandbox.read(&format!("site/es/{NAME}.html"));
    assert!(
        html.contains("<span class=\"fallback\" lang=\"en\" dir=\"ltr\">Multiple myeloma"),
        "the unit falls back to the English, marked so"
    );
}
