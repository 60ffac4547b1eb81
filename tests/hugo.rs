//! `folio render --format markdown` through a real static site generator: Hugo (Debian's
//! `hugo`) builds a tiny site around the generated Markdown of a workspace whose Spanish
//! translations attack the page, and the built HTML must have exactly the blocks and links
//! of the English page: no shortcode output, no frame or script, no heading, list, code
//! block, definition list or footnote a translator wrote.
//!
//! The site turns on goldmark's `unsafe` raw HTML, as many real sites do, so that raw HTML
//! from a translation would reach the page unless Folio escaped it. `.ci/run` installs
//! hugo; without it the build script marks the test ignored (the summary says so), except
//! under CI (`CI` set), where a missing hugo fails it.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::path::Path;
use std::process::Command;

use folio_tests::{Sandbox, ftl_messages};

const NAME: &str = "immunotherapy-multiple-myeloma";

/// Replaces the value of message `id` (one line in the file) with `value`, Fluent source
/// that may span lines.
fn replace_message(text: &mut String, id: &str, value: &str) {
    let start = text
        .find(&format!("\n{id} = "))
        .unwrap_or_else(|| panic!("{id}"))
        + 1;
    let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
    text.replace_range(start..end, &format!("{id} ={value}"));
}

/// Spanish translations that attack a Markdown page, as Fluent source. Every one but
/// `types-immunotherapy-li2` (inline code the English lacks: a `code-mismatch` error, so
/// it falls back to the English) keeps the English unit's links and code, so `render`
/// publishes it.
const HOSTILE: &[(&str, &str)] = &[
    // Controls YAML refuses (Hugo fails the whole build on them) or reads as line breaks.
    (
        "title",
        " Título { \"\\u007F\\u0085\\u2028\" } --- { \"{{<\" } youtube t { \">}}\" }",
    ),
    // A heading after a blank line.
    (
        "intro-p1",
        "\n    Texto del párrafo.\n\n    { \"#\" } Nota inyectada",
    ),
    // A reference definition with a script target (after text: a unit that shows nothing
    // is not published), and a unit that uses it.
    (
        "intro-p2",
        "\n    Texto.\n\n    [r]: javascript:alert(document.domain)",
    ),
    (
        "intro-p3",
        " Pulse [aquí][r], vea https://evil.example/ o www.evil.example, escriba a pirata@evil.example. { \"{{<\" } youtube dQw4w9WgXcQ { \">}}\" }",
    ),
    // Hugo shortcodes and Liquid tags. (Raw HTML the English unit lacks is a `tag-mismatch`
    // error, so such a unit never reaches a page: `tests/render.rs` shows it left out.)
    (
        "intro-p4",
        " Título: { \"{{%\" } param \"title\" { \"%}}\" }, { \"{%\" } include x.html { \"%}\" } { \"{{\" } site.email { \"}}\" }",
    ),
    // A definition list under the previous paragraph.
    ("intro-p5", " : definición inyectada"),
    // A footnote reference, and its definition elsewhere.
    (
        "understanding-immunotherapy-multiple-myeloma-p1",
        " Texto con nota[^1].",
    ),
    (
        "future-directions-immunotherapy-p1",
        " [^1]: nota inyectada",
    ),
    // Heading attributes.
    (
        "types-immunotherapy-heading",
        " Tipos { \"{\" }#x onclick=\"alert(1)\"{ \"}\" }",
    ),
    // An unclosed fence would swallow the rest of the page, the disclaimer included.
    (
        "types-immunotherapy-li1",
        "\n    Anticuerpos monoclonales: texto\n\n    ```",
    ),
    // A shortcode in inline code, and an ordered list.
    (
        "types-immunotherapy-li2",
        " `{ \"{{<\" } youtube abc { \">}}\" }` y más",
    ),
    (
        "benefits-personalized-immunotherapy-p1",
        " 1. lista inyectada",
    ),
    // A pipe and a multi-line table cell.
    ("comparison-treatment-options-td3", " Dirigida | inyectada"),
    (
        "comparison-treatment-options-td4",
        "\n    Costo\n\n    | x | y |\n    | - | - |\n    | <b>z</b> | w |",
    ),
    // A shortcode in a link title, with the English link targets.
    (
        "future-directions-immunotherapy-p2",
        " Consulte la [Sociedad](https://www.cancer.org/ \"{ \"{{<\" } youtube t { \">}}\" }\") y los [Institutos](https://www.nih.gov/).",
    ),
];

/// How many elements of each kind a built page has, for the tags a translator must not
/// add.
fn elements(html: &str) -> Vec<(&'static str, usize)> {
    const TAGS: &[&str] = &[
        "a",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "p",
        "ul",
        "ol",
        "li",
        "table",
        "tr",
        "th",
        "td",
        "pre",
        "code",
        "blockquote",
        "hr",
        "dl",
        "dt",
        "dd",
        "sup",
        "section",
        "iframe",
        "script",
        "img",
        "b",
        "div",
        "span",
        "input",
    ];
    TAGS.iter()
        .map(|tag| {
            let count = html.matches(&format!("<{tag}>")).count()
                + html.matches(&format!("<{tag} ")).count();
            (*tag, count)
        })
        .collect()
}

/// Every `href="…"` of a page, sorted.
fn hrefs(html: &str) -> Vec<&str> {
    let mut hrefs: Vec<&str> = html
        .split("href=\"")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').expect("a closing quote")])
        .collect();
    hrefs.sort_unstable();
    hrefs
}

/// Runs Hugo on the site at `site`, into `public/`; fails the test with Hugo's output if
/// it fails.
fn hugo_build(site: &Path) {
    let output = Command::new("hugo")
        .args(["--source"])
        .arg(site)
        .args(["--destination", "public", "--quiet"])
        .output()
        .expect("hugo runs: apt-get install hugo (.ci/run installs it)");
    assert!(
        output.status.success(),
        "hugo failed:\n{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
}

fn build_site(site: &Path) {
    std::fs::write(
        site.join("hugo.toml"),
        "baseURL = \"https://example.org/\"\n\
         disableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\", \"robotsTXT\", \"404\", \"home\", \"section\"]\n\
         [markup.goldmark.renderer]\n\
         unsafe = true\n",
    )
    .expect("writable");
    let layouts = site.join("layouts/_default");
    std::fs::create_dir_all(&layouts).expect("folders");
    std::fs::write(
        layouts.join("single.html"),
        "<!DOCTYPE html><html><body><main>{{ .Content }}</main></body></html>\n",
    )
    .expect("writable");
    hugo_build(site);
}

#[test]
#[cfg_attr(no_hugo, ignore = "no hugo on this machine: apt-get install hugo")]
fn hostile_translations_build_no_block_link_or_shortcode_in_hugo() {
    let sandbox = Sandbox::repo();
    let path = format!("locales/es/{NAME}.ftl");
    let mut text = sandbox.read(&path);
    for (id, value) in HOSTILE {
        replace_message(&mut text, id, value);
    }
    sandbox.write(&path, &text);
    let site = tempfile::tempdir().expect("a temporary folder");
    let content = site.path().join("content");
    let run = sandbox.run_ok(&[
        "render",
        "--locale",
        "en",
        "es",
        "--format",
        "markdown",
        "--out",
        content.to_str().expect("a UTF-8 path"),
    ]);
    // Every hostile unit is on the page: none was left out as unpublishable.
    let markdown = std::fs::read_to_string(content.join(format!("es/{NAME}.md"))).expect("es");
    for needle in [
        "title: \"Título \\u007f\\u0085\\u2028 ---",
        "Nota inyectada",
        // The definition is consumed as Markdown reads it: only the text stays.
        "\n\nTexto.\n\n",
        "youtube dQw4w9WgXcQ",
        "param \"title\"",
        "definición inyectada",
        "nota inyectada",
        "lista inyectada",
        "Dirigida \\| inyectada",
        "Anticuerpos monoclonales: texto",
    ] {
        assert!(
            markdown.contains(needle),
            "{needle:?} in the Markdown page:\n{markdown}\n{}",
            run.stdout
        );
    }
    // Liquid (Jekyll) and Zola read these wherever they are, escaped or not.
    let body = markdown
        .split("\n---\n")
        .nth(1)
        .expect("a body after the front matter");
    for delimiter in ["{{", "{%", "%}", "}}"] {
        assert!(!body.contains(delimiter), "{delimiter} in\n{body}");
    }

    build_site(site.path());
    let read = |locale: &str| {
        std::fs::read_to_string(
            site.path()
                .join(format!("public/{locale}/{NAME}/index.html")),
        )
        .unwrap_or_else(|e| panic!("{locale}: {e}"))
    };
    let (en, es) = (read("en"), read("es"));
    assert_eq!(
        elements(&es),
        elements(&en),
        "the Spanish page has the English page's elements\n{es}"
    );
    assert_eq!(hrefs(&es), hrefs(&en), "and its links\n{es}");
    assert!(!es.contains("href=\"javascript:"), "{es}");
    assert!(!es.contains("youtube.com"), "no shortcode ran\n{es}");
    // The shortcodes and template tags show as the text the translator wrote.
    for shown in [
        "youtube dQw4w9WgXcQ",
        "param",
        "include x.html",
        "site.email",
    ] {
        assert!(es.contains(shown), "{shown:?} shows as text\n{es}");
    }
    // The page title is not in the body: `param "title"` did not run.
    assert!(!es.contains("Inmunoterapia en el mieloma múltiple: opciones"));
    // The disclaimer survived the unclosed fence, as a paragraph.
    let disclaimer = ftl_messages(&sandbox.read("locales/es/disclaimer.ftl"));
    let (_, paragraph) = disclaimer
        .iter()
        .find(|(id, _)| id == "disclaimer-p1")
        .expect("a disclaimer paragraph");
    let opening: String = paragraph.chars().take(40).collect();
    assert!(
        es.contains(&format!("<p>{opening}")),
        "the disclaimer is a paragraph of the page\n{es}"
    );
}

/// The Hugo configuration the README gives for Folio's Markdown output: one language per
/// locale, each reading its own content folder, Hugo's default Markdown settings (raw
/// HTML dropped).
const MULTILINGUAL: &str = r#"baseURL = "https://example.org/"
defaultContentLanguage = "en"
defaultContentLanguageInSubdir = true
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404", "home", "section"]

[languages.en]
contentDir = "content/en"
weight = 1
[languages.ar]
contentDir = "content/ar"
languageDirection = "rtl"
weight = 2
[languages.de]
contentDir = "content/de"
weight = 3
[languages.es]
contentDir = "content/es"
weight = 4
[languages.fr]
contentDir = "content/fr"
weight = 5
[languages.pt-BR]
contentDir = "content/pt-BR"
weight = 6
[languages.zh-Hans]
contentDir = "content/zh-Hans"
weight = 7
"#;

/// A page template that lists the page's translations (`.Translations`, which Hugo
/// fills from `translationKey`) and Folio's fallbacks list.
const SINGLE: &str = r#"<!DOCTYPE html>
<html lang="{{ .Lang }}" dir="{{ .Language.LanguageDirection | default "ltr" }}">
<body><main>{{ .Content }}</main>
<nav>{{ range .Translations }}<a hreflang="{{ .Lang }}" href="{{ .RelPermalink }}">{{ .Title }}</a>
{{ end }}</nav>
<p id="fallbacks">{{ delimit .Params.fallbacks "," }}</p>
</body></html>
"#;

#[test]
#[cfg_attr(no_hugo, ignore = "no hugo on this machine: apt-get install hugo")]
fn hugo_builds_a_multilingual_site_with_every_translation_linked() {
    const LOCALES: [&str; 7] = ["en", "ar", "de", "es", "fr", "pt-BR", "zh-Hans"];
    let sandbox = Sandbox::repo();
    // A German paragraph left untranslated: shown in English, marked so.
    sandbox.drop_message(&format!("locales/de/{NAME}.ftl"), "intro-p2");
    let site = tempfile::tempdir().expect("a temporary folder");
    let content = site.path().join("content");
    sandbox.run_ok(&[
        "render",
        "--all",
        "--format",
        "markdown",
        "--out",
        content.to_str().expect("a UTF-8 path"),
    ]);
    std::fs::write(site.path().join("hugo.toml"), MULTILINGUAL).expect("writable");
    let layouts = site.path().join("layouts/_default");
    std::fs::create_dir_all(&layouts).expect("folders");
    std::fs::write(layouts.join("single.html"), SINGLE).expect("writable");
    hugo_build(site.path());
    for locale in LOCALES {
        // Hugo writes language keys in lower case: `/pt-br/`, `/zh-hans/`.
        let key = locale.to_lowercase();
        let built = site.path().join(format!("public/{key}/{NAME}/index.html"));
        let html = std::fs::read_to_string(&built)
            .unwrap_or_else(|e| panic!("{locale}: {}: {e}", built.display()));
        assert!(
            html.contains(&format!("<html lang=\"{key}\"")),
            "{locale}\n{html}"
        );
        // Every other language is a translation of this page, linked to its page.
        let mut linked: Vec<String> = html
            .split("<a hreflang=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').expect("a quote")].to_owned())
            .collect();
        linked.sort();
        let mut others: Vec<String> = LOCALES
            .iter()
            .filter(|l| **l != locale)
            .map(|l| l.to_lowercase())
            .collect();
        others.sort();
        assert_eq!(linked, others, "{locale}: .Translations\n{html}");
        for other in &others {
            assert!(
                html.contains(&format!("href=\"/{other}/{NAME}/\"")),
                "{locale}: the link to {other}\n{html}"
            );
        }
        // The disclaimer is a section of the page, with Hugo's default settings.
        let disclaimer = ftl_messages(&sandbox.read(&format!("locales/{locale}/disclaimer.ftl")));
        let opening: String = disclaimer
            .iter()
            .find(|(id, _)| id == "disclaimer-p1")
            .map(|(_, text)| text.chars().take(30).collect())
            .expect("a disclaimer paragraph");
        assert!(
            html.contains("<h2 id=\"disclaimer\" class=\"disclaimer\">")
                && html.contains(&format!("<p>{opening}")),
            "{locale}: the disclaimer section\n{html}"
        );
        assert!(!html.contains("raw HTML omitted"), "{locale}\n{html}");
    }
    let de = std::fs::read_to_string(site.path().join(format!("public/de/{NAME}/index.html")))
        .expect("the German page");
    assert!(
        de.contains("<p><em>[Noch nicht übersetzt]</em> ")
            && de.contains("<p id=\"fallbacks\">intro-p2</p>"),
        "the German page marks its English paragraph\n{de}"
    );
}
