//! `folio render` end to end: pages, the disclaimer guarantee, fallbacks, the publishing
//! threshold, determinism, atomic output, Markdown, templates and hostile translations.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use folio_tests::{CheckReport, Sandbox, hostile_site};

const NAME: &str = "immunotherapy-multiple-myeloma";
const LOCALES: [&str; 7] = ["en", "ar", "de", "es", "fr", "pt-BR", "zh-Hans"];

fn page(sandbox: &Sandbox, locale: &str) -> String {
    sandbox.read(&format!("site/{locale}/{NAME}.html"))
}

fn exists(sandbox: &Sandbox, locale: &str) -> bool {
    sandbox
        .path()
        .join(format!("site/{locale}/{NAME}.html"))
        .exists()
}

/// The formatted value of `id` in a locale's file, read with fluent-bundle directly.
fn unit(sandbox: &Sandbox, locale: &str, document: &str, id: &str) -> String {
    sandbox
        .messages(&format!("locales/{locale}/{document}.ftl"))
        .into_iter()
        .find_map(|(i, text)| (i == id).then_some(text))
        .unwrap_or_else(|| panic!("{locale}: no {id}"))
}

#[test]
fn every_locale_gets_a_page_with_its_translated_disclaimer() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 0, "{run:?}");
    for locale in LOCALES {
        let html = page(&sandbox, locale);
        let disclaimer = unit(&sandbox, locale, "disclaimer", "disclaimer-p1");
        let heading = unit(&sandbox, locale, "disclaimer", "disclaimer-heading");
        let aside = &html[html
            .find("<aside role=\"note\"")
            .expect("the disclaimer landmark")..];
        assert!(
            aside.contains(&disclaimer) && aside.contains(&heading),
            "{locale}: the translated disclaimer"
        );
        assert!(
            html.find("</article>").unwrap() < html.find("<aside").unwrap(),
            "after the article"
        );
        let title = unit(&sandbox, locale, NAME, "title");
        assert!(
            html.contains(&format!("<title>{title}</title>")),
            "{locale}: title"
        );
        assert!(html.starts_with(&format!(
            "<!DOCTYPE html>\n<html lang=\"{locale}\" dir=\"{}\">",
            if locale == "ar" { "rtl" } else { "ltr" }
        )));
        for other in LOCALES {
            assert!(
                html.contains(&format!(
                    "<link rel=\"alternate\" hreflang=\"{other}\" href=\"https://health.example.org/{other}/{NAME}.html\">"
                )),
                "{locale} → {other}"
            );
        }
        assert!(html.contains(&format!(
            "hreflang=\"x-default\" href=\"https://health.example.org/en/{NAME}.html\""
        )));
        assert_eq!(html.matches("<th scope=\"col\">").count(), 4);
        assert_eq!(html.matches("<th scope=\"row\">").count(), 3);
        assert!(
            !html.contains('\u{2068}') && !html.contains('\u{2069}'),
            "no isolation marks"
        );
    }
    let mut files: Vec<String> = std::fs::read_dir(sandbox.path().join("site"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    // One folder per locale, Folio's list of the files it wrote, and the site's root
    // files: the language chooser, the 404 page, the stylesheet, the sitemap index, the
    // chooser's sitemap and robots.txt.
    assert_eq!(files.len(), 14, "{files:?}");
    assert_eq!(files[0], ".folio-site.json");
    for root in [
        "404.html",
        "index.html",
        "robots.txt",
        "sitemap.xml",
        "sitemap-root.xml",
        "style.css",
    ] {
        assert!(files.contains(&root.to_owned()), "{root}: {files:?}");
    }
}

#[test]
fn golden_pages_en_es_ar() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    insta::assert_snapshot!("page.en.html", page(&sandbox, "en"));
    insta::assert_snapshot!("page.es.html", page(&sandbox, "es"));
    insta::assert_snapshot!("page.ar.html", page(&sandbox, "ar"));
}

#[test]
fn rendering_twice_gives_identical_bytes() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let first: Vec<String> = LOCALES.iter().map(|l| page(&sandbox, l)).collect();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let second: Vec<String> = LOCALES.iter().map(|l| page(&sandbox, l)).collect();
    assert_eq!(first, second);
}

#[test]
fn an_edited_english_disclaimer_refuses_every_locale() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        "source/disclaimer.md",
        "solely intended for informational purposes",
        "intended solely for informational purposes",
    );
    sandbox.run_ok(&["extract"]);
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 1, "{run:?}");
    for locale in &LOCALES[1..] {
        assert!(
            run.stderr
                .contains(&format!("{locale}: refused, nothing written")),
            "{locale}: {}",
            run.stderr
        );
        assert!(!exists(&sandbox, locale));
    }
    assert!(
        run.stderr.contains("disclaimer-p1"),
        "names the unit: {}",
        run.stderr
    );
    assert!(exists(&sandbox, "en"));
    let en = page(&sandbox, "en");
    assert!(en.contains("intended solely for informational purposes"));
    assert!(
        !en.contains("hreflang=\"es\""),
        "refused locales are in no switcher"
    );
}

#[test]
fn only_the_locale_with_a_broken_disclaimer_is_refused() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let es = sandbox.read("locales/es/disclaimer.ftl");
    sandbox.write(
        "locales/es/disclaimer.ftl",
        es.replace("disclaimer-p1 = ", "disclaimer-p1 = { "),
    );
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("es: refused") && run.stderr.contains("disclaimer-p1"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("fr: refused"));
    assert!(
        !exists(&sandbox, "es"),
        "the old es page is withdrawn, not left with a stale disclaimer"
    );
    for locale in ["en", "ar", "de", "fr", "pt-BR", "zh-Hans"] {
        assert!(exists(&sandbox, locale), "{locale}");
        assert!(!page(&sandbox, locale).contains("hreflang=\"es\""));
    }
}

#[test]
fn a_missing_paragraph_falls_back_to_english_marked_so() {
    let sandbox = Sandbox::repo();
    sandbox.drop_message(&format!("locales/de/{NAME}.ftl"), "intro-p2");
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let html = page(&sandbox, "de");
    let english = unit(&sandbox, "en", NAME, "intro-p2");
    // The paragraph keeps the page's language; inside it, a badge saying so (in German:
    // Folio's built-in interface strings) and the English, marked with its language.
    assert!(
        html.contains(&format!(
            "<p><span class=\"fallback-badge\">Noch nicht übersetzt</span> \
             <span class=\"fallback\" lang=\"en\" dir=\"ltr\">{english}</span></p>"
        )),
        "fallback marked with lang and a badge"
    );
    assert!(html.contains(&unit(&sandbox, "de", NAME, "intro-p1")));
}

#[test]
fn a_locale_below_the_threshold_is_not_published_anywhere() {
    let sandbox = Sandbox::repo();
    let path = format!("locales/fr/{NAME}.ftl");
    let text = sandbox.read(&path);
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| !l.starts_with("intro-p") && !l.starts_with("understanding-"))
        .collect();
    sandbox.write(&path, kept.join("\n"));
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(
        run.code, 0,
        "not publishing is policy, not failure: {run:?}"
    );
    assert!(
        run.stdout
            .contains("fr: immunotherapy-multiple-myeloma not published")
            && run.stdout.contains("below the 80% publishing threshold"),
        "{}",
        run.stdout
    );
    assert!(!exists(&sandbox, "fr"));
    for locale in ["en", "ar", "de", "es", "pt-BR", "zh-Hans"] {
        let html = page(&sandbox, locale);
        assert!(
            !html.contains("hreflang=\"fr\"") && !html.contains("Français"),
            "{locale}"
        );
    }
    // The bar is the publisher's: lowered, the page goes out with English fallbacks.
    sandbox.edit("folio.toml", "[render]\n# Percent of an article's English words that must be current in the locale itself.\nmin-coverage = 80", "[render]\nmin-coverage = 20");
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(page(&sandbox, "fr").contains("<span class=\"fallback\" lang=\"en\" dir=\"ltr\">"));
}

#[test]
fn a_failed_run_leaves_the_previous_site_intact() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let before: Vec<String> = LOCALES.iter().map(|l| page(&sandbox, l)).collect();
    sandbox.edit(
        "folio.toml",
        "[render]\n",
        "[render]\ntemplate = \"page.html\"\n",
    );
    sandbox.write("page.html", "<html>{{ body }} {% if %}</html>");
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("template"), "{}", run.stderr);
    let after: Vec<String> = LOCALES.iter().map(|l| page(&sandbox, l)).collect();
    assert_eq!(before, after);
    let leftovers: Vec<_> = std::fs::read_dir(sandbox.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".folio-") && n != ".folio-cache")
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging folder left behind: {leftovers:?}"
    );
}

#[test]
fn a_template_must_show_the_disclaimer() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        "folio.toml",
        "[render]\n",
        "[render]\ntemplate = \"page.html\"\n",
    );
    sandbox.write(
        "page.html",
        "<!DOCTYPE html><html lang=\"{{ lang }}\"><title>{{ title }}</title>{{ body }}</html>",
    );
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("does not show the disclaimer"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.path().join("site").exists());

    sandbox.write("page.html", "<!DOCTYPE html><html lang=\"{{ lang }}\" dir=\"{{ dir }}\"><title>{{ title }}</title><main>{{ body }}</main><footer>{{ disclaimer }}</footer></html>");
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(
        page(&sandbox, "es").starts_with("<!DOCTYPE html><html lang=\"es\" dir=\"ltr\"><title>")
    );
}

#[test]
fn markdown_output_has_front_matter_for_site_generators() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--format", "markdown", "--out", "site"]);
    let es = sandbox.read(&format!("site/es/{NAME}.md"));
    insta::assert_snapshot!("page.es.md", es);
    let ar = sandbox.read(&format!("site/ar/{NAME}.md"));
    assert!(ar.contains("lang: \"ar\"\ndir: \"rtl\"\n"));
    assert!(ar.contains(&unit(&sandbox, "ar", "disclaimer", "disclaimer-p1")));
}

/// A Markdown page's front matter, read as YAML as site generators read it.
fn front_matter(markdown: &str) -> serde_json::Value {
    let (yaml, _) = markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .unwrap_or_else(|| panic!("front matter in\n{markdown}"));
    serde_norway::from_str(yaml).unwrap_or_else(|e| panic!("{e}\n{yaml}"))
}

#[test]
fn zola_style_names_translations_by_suffix_and_keeps_folios_keys_in_extra() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        "folio.toml",
        "fallback = true",
        "fallback = true\nmarkdown-style = \"zola\"",
    );
    let run = sandbox.run_ok(&[
        "render", "--all", "--format", "markdown", "--out", "content",
    ]);
    assert!(
        run.stdout.contains("es: 1 page(s) -> content/*.es.md"),
        "{}",
        run.stdout
    );
    // Zola's default language has no suffix (a suffix naming it is an error to Zola).
    let mut names: Vec<String> = std::fs::read_dir(sandbox.path().join("content"))
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.starts_with('.'))
        .collect();
    names.sort();
    let mut expected: Vec<String> = ["", ".ar", ".de", ".es", ".fr", ".pt-BR", ".zh-Hans"]
        .iter()
        .map(|suffix| format!("{NAME}{suffix}.md"))
        .collect();
    expected.sort();
    assert_eq!(names, expected);
    let ar = front_matter(&sandbox.read(&format!("content/{NAME}.ar.md")));
    assert_eq!(ar["slug"], NAME, "every language's page at the same path");
    assert_eq!(ar["title"], unit(&sandbox, "ar", NAME, "title"));
    assert_eq!(ar["extra"]["lang"], "ar");
    assert_eq!(ar["extra"]["dir"], "rtl");
    assert_eq!(ar["extra"]["fallbacks"], serde_json::json!([]));
    for key in ["lang", "dir", "translationKey", "alternates", "fallbacks"] {
        assert!(
            ar.get(key).is_none(),
            "{key} is Zola's extra, not a page key"
        );
    }
    // A refused locale's page is withdrawn under its Zola name.
    let es = sandbox.read("locales/es/disclaimer.ftl");
    sandbox.write(
        "locales/es/disclaimer.ftl",
        es.replace("disclaimer-p1 = ", "disclaimer-p1 = { "),
    );
    let run = sandbox.run(&[
        "render", "--all", "--format", "markdown", "--out", "content",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        !sandbox
            .path()
            .join(format!("content/{NAME}.es.md"))
            .exists()
    );
    assert!(sandbox.path().join(format!("content/{NAME}.md")).exists());
}

#[test]
fn hugo_style_pages_mark_their_fallbacks() {
    let sandbox = Sandbox::repo();
    sandbox.drop_message(&format!("locales/de/{NAME}.ftl"), "intro-p2");
    sandbox.run_ok(&[
        "render", "--locale", "de", "--format", "markdown", "--out", "site",
    ]);
    let de = sandbox.read(&format!("site/de/{NAME}.md"));
    let matter = front_matter(&de);
    assert_eq!(matter["fallbacks"], serde_json::json!(["intro-p2"]));
    assert_eq!(matter["slug"], NAME);
    assert_eq!(matter["translationKey"], NAME);
    let english = unit(&sandbox, "en", NAME, "intro-p2");
    assert!(
        de.contains(&format!("\n*\\[Noch nicht übersetzt\\]* {english}\n")),
        "{de}"
    );
}

#[test]
fn hostile_translations_render_inert() {
    let sandbox = hostile_site();
    let html = page(&sandbox, "es");
    // The one script is the page's JSON-LD, data a browser does not run.
    assert_eq!(html.matches("<script").count(), 1, "no script element");
    assert!(html.contains("<script type=\"application/ld+json\">"));
    assert!(!html.contains("<img"), "no injected element");
    assert!(
        !html.contains("href=\"javascript:") && !html.contains("<iframe"),
        "no javascript: link or frame"
    );
    assert!(!html.contains('\u{202E}'), "no bidi override");
    assert!(
        html.contains("<title>Título&quot; onload=&quot;window.__pwned=3</title>")
            || html.contains("<title>Título\" onload=\"window.__pwned=3</title>")
    );
    // HTML the English unit lacks is a `tag-mismatch` error: the unit is left out and
    // the English shows instead, as `check` says.
    let check = sandbox.run(&["check", "es", "--format", "json"]);
    let report = CheckReport::parse(&check);
    let mismatched: Vec<&str> = report
        .document("es", NAME)
        .findings
        .iter()
        .filter(|finding| finding.check == "tag-mismatch")
        .filter_map(|finding| finding.id.as_deref())
        .collect();
    for id in ["intro-p1", "intro-p2"] {
        assert!(mismatched.contains(&id), "{id}: {}", check.stdout);
    }
    assert!(html.contains(&unit(&sandbox, "en", NAME, "intro-p1")));
}

#[test]
fn the_authors_inline_html_reaches_the_page_with_the_english_tags() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        &format!("source/{NAME}.md"),
        "Multiple myeloma affects",
        "<abbr title=\"a blood cancer\" class=\"term\">Multiple myeloma</abbr> affects",
    );
    sandbox.run_ok(&["extract"]);
    let path = format!("locales/es/{NAME}.ftl");
    let text = sandbox.read(&path);
    let start = text.find("\nintro-p2 = ").unwrap() + 1;
    let end = start + text[start..].find('\n').unwrap();
    let mut text = text;
    text.replace_range(
        start..end,
        "intro-p2 = El <abbr class=\"term\" title=\"un cáncer de la sangre\">mieloma múltiple</abbr> afecta a las células plasmáticas, fundamentales para el sistema inmunitario. Los tratamientos tradicionales suelen conllevar efectos secundarios importantes.",
    );
    sandbox.write(&path, text);
    sandbox.run_ok(&["accept", "es", "--all"]);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let html = page(&sandbox, "es");
    assert!(
        html.contains(
            "El <abbr class=\"term\" title=\"un cáncer de la sangre\">mieloma múltiple</abbr> afecta"
        ),
        "{html}"
    );
}

#[test]
fn links_to_english_only_sites_say_so_on_translated_pages() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    // folio.toml names cancer.org and nih.gov as English-only sites.
    let es = page(&sandbox, "es");
    assert!(
        es.contains("Sociedad Americana Contra el Cáncer</a> (en inglés)")
            && es.contains("Institutos Nacionales de la Salud</a> (en inglés)"),
        "{es}"
    );
    assert!(page(&sandbox, "ar").contains("</a> (بالإنجليزية)"));
    assert!(!page(&sandbox, "en").contains("(English)"));
    // The Markdown output says it too.
    sandbox.run_ok(&[
        "render", "--locale", "de", "--format", "markdown", "--out", "md",
    ]);
    let de = sandbox.read(&format!("md/de/{NAME}.md"));
    assert!(
        de.contains("](https://www.nih.gov/) (auf Englisch)"),
        "{de}"
    );
    // A site that is not an address is refused where it is written.
    sandbox.edit(
        "folio.toml",
        "english-only-sites = [",
        "english-only-sites = [\"cancer.org\", ",
    );
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("folio.toml")
            && run.stderr.contains("`cancer.org` is not an http(s) URL"),
        "{}",
        run.stderr
    );
}
