//! The real-article corpus (`tests/fixtures/articles`, sources and licenses in its
//! NOTICE.md): package READMEs as published and health pages written the way publishers
//! write them. Every document must extract, every unit must round-trip through Fluent, and
//! the English page Folio renders must say everything the source says.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;

use folio_tests::Sandbox;
use pulldown_cmark::{Options, Parser};
use scraper::{ElementRef, Html, Node, Selector};

/// The documents of the corpus (file stems), disclaimer excluded.
fn documents() -> Vec<String> {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/articles/source");
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("the corpus")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| p.file_stem().unwrap().to_string_lossy().into_owned())
        .filter(|name| name != "disclaimer")
        .collect();
    names.sort();
    names
}

/// The corpus, extracted: documents that failed are reported by `folio extract` on stderr.
fn extracted() -> (Sandbox, String) {
    let sandbox = Sandbox::fixture("articles");
    let run = sandbox.run(&["extract"]);
    (sandbox, run.stderr)
}

#[test]
fn the_corpus_is_large_and_nearly_all_of_it_extracts() {
    let documents = documents();
    assert!(documents.len() >= 60, "{} documents", documents.len());
    let (sandbox, stderr) = extracted();
    let refused: Vec<&String> = documents
        .iter()
        .filter(|d| !sandbox.path().join(format!("locales/en/{d}.ftl")).exists())
        .collect();
    let clean = documents.len() - refused.len();
    assert!(
        clean * 100 >= documents.len() * 97,
        "{clean} of {} extract; refused: {refused:?}\n{stderr}",
        documents.len()
    );
    // A refused document is refused with an error naming it, a line and a column.
    for document in refused {
        let at = format!("source/{document}.md:");
        let named = stderr.lines().any(|line| {
            line.split(&at).nth(1).is_some_and(|rest| {
                let mut parts = rest.split(':');
                parts.next().is_some_and(|l| l.parse::<usize>().is_ok())
                    && parts.next().is_some_and(|c| c.parse::<usize>().is_ok())
            })
        });
        assert!(named, "{document} refused without file:line:col\n{stderr}");
    }
    // The page with an analytics snippet is refused at the snippet, saying what to do.
    assert!(
        stderr.contains("source/health-sleep.md:16:1")
            && stderr.contains("`<script>` in the source")
            && stderr.contains("allow-scripts = true"),
        "{stderr}"
    );
}

#[test]
fn every_unit_of_the_corpus_round_trips_through_fluent() {
    let (sandbox, _) = extracted();
    for document in documents() {
        let path = format!("locales/en/{document}.ftl");
        if !sandbox.path().join(&path).exists() {
            continue;
        }
        // Parses without Junk and formats without error, or panics saying so.
        let formatted: BTreeMap<String, String> = sandbox.messages(&path).into_iter().collect();
        let source = sandbox.read(&format!("source/{document}.md"));
        let split = folio_split::split_article(&source).expect("it extracted");
        let layout = sandbox.read(&format!("locales/en/{document}.layout.json"));
        let layout: folio_model::Layout = serde_json::from_str(&layout).expect("a layout");
        let ids: Vec<String> = layout
            .units()
            .iter()
            .map(|(_, id)| id.to_string())
            .collect();
        assert_eq!(ids.len(), split.units.len(), "{document}");
        for (id, unit) in ids.iter().zip(&split.units) {
            assert_eq!(
                formatted.get(id),
                Some(&unit.text),
                "{document}: {id} does not format back to its text"
            );
        }
    }
}

/// What a reader gets from HTML, ids, classes and whitespace aside: elements in order
/// (heading levels, table cell kinds and table sections merged, Folio's own table wrapper
/// dropped), each text's words, and the text of `alt` and `title` attributes.
fn reading(html: &str, root: &str) -> Vec<String> {
    let document = Html::parse_document(html);
    let selector = Selector::parse(root).expect("a selector");
    let root = document.select(&selector).next().expect("the root element");
    let mut out = Vec::new();
    for child in root.children() {
        walk(child, &mut out);
    }
    out
}

fn walk(node: ego_tree::NodeRef<'_, Node>, out: &mut Vec<String>) {
    match node.value() {
        Node::Text(text) => out.extend(text.split_whitespace().map(str::to_owned)),
        // Folio names a table by the heading before it: the caption repeats that
        // heading for screen readers, it is no text of the source's.
        Node::Element(element) if element.name() == "caption" => {}
        // The article's details (dates, author) are the page's, not the source body's.
        Node::Element(element)
            if element.name() == "dl" && element.attr("class") == Some("details") => {}
        Node::Element(element) => {
            let name = element.name();
            let skip = matches!(name, "thead" | "tbody")
                || (name == "div" && element.attr("class") == Some("table"));
            if !skip {
                let name = match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => "h",
                    "th" | "td" => "cell",
                    other => other,
                };
                out.push(format!("<{name}>"));
                for attribute in ["alt", "title"] {
                    if let Some(value) = element.attr(attribute) {
                        out.push(format!("{attribute}="));
                        out.extend(value.split_whitespace().map(str::to_owned));
                    }
                }
            }
            let Some(element) = ElementRef::wrap(node) else {
                return;
            };
            for child in element.children() {
                walk(child, out);
            }
            if !skip {
                out.push("</>".to_owned());
            }
        }
        _ => {}
    }
}

/// The source rendered by pulldown-cmark directly, with the options Folio reads it with.
fn direct_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_TASKLISTS
        // Site generators take `{#id}` off a heading; Folio does too.
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut html = String::from("<!DOCTYPE html><html><body><article>");
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options));
    html.push_str("</article></body></html>");
    html
}

#[test]
fn nothing_is_lost_rendering_the_corpus_in_english() {
    let (sandbox, _) = extracted();
    sandbox.run_ok(&["render", "--locale", "en", "--out", "site"]);
    let mut lost = Vec::new();
    for document in documents() {
        let page = sandbox.path().join(format!("site/en/{document}.html"));
        if !page.exists() {
            continue;
        }
        let folio = reading(&std::fs::read_to_string(page).expect("the page"), "article");
        // The page's own `<h1>` (the title) opens the article.
        let folio = match folio.iter().position(|t| t == "</>") {
            Some(end) if folio.first().is_some_and(|t| t == "<h>") => folio[end + 1..].to_vec(),
            _ => folio,
        };
        let source = sandbox.read(&format!("source/{document}.md"));
        let direct = reading(&direct_html(&source), "article");
        if folio != direct {
            let at = folio
                .iter()
                .zip(&direct)
                .take_while(|(a, b)| a == b)
                .count();
            let from = at.saturating_sub(8);
            lost.push(format!(
                "{document}: differs at token {at}\n  folio:  {:?}\n  source: {:?}",
                &folio[from..(at + 8).min(folio.len())],
                &direct[from..(at + 8).min(direct.len())]
            ));
        }
    }
    assert!(
        lost.is_empty(),
        "{} documents differ:\n{}",
        lost.len(),
        lost.join("\n")
    );
}

/// The article body of a rendered HTML page and its disclaimer, read: the page's own
/// title heading left out.
fn page_reading(html: &str) -> Vec<String> {
    let mut article = reading(html, "article");
    if article.first().is_some_and(|t| t == "<h>")
        && let Some(end) = article.iter().position(|t| t == "</>")
    {
        article.drain(..=end);
    }
    article.extend(reading(html, "aside[role=note]"));
    article
}

#[test]
fn markdown_pages_say_what_html_pages_say() {
    let sandbox = Sandbox::fixture("health");
    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["render", "--all", "--out", "html"]);
    sandbox.run_ok(&["render", "--all", "--format", "markdown", "--out", "md"]);
    for locale in ["en", "es", "ar"] {
        let html = page_reading(&sandbox.read(&format!("html/{locale}/panic-attacks.html")));
        let markdown = sandbox.read(&format!("md/{locale}/panic-attacks.md"));
        // The source's other front matter keys pass through to site generators.
        assert!(
            markdown.contains("\n\"date\": \"2025-02-01\"\n")
                && markdown.contains("\n\"tags\": [\"mental health\"]\n"),
            "{locale}: {markdown}"
        );
        let markdown = reading(&direct_html(&markdown), "article");
        assert_eq!(markdown, html, "{locale}");
    }
    // Arabic has its own drawing; Spanish shows the English one.
    let image = |locale: &str| {
        let page = sandbox.read(&format!("html/{locale}/panic-attacks.html"));
        page.contains(&format!("src=\"images/{locale}/breathing.svg\""))
    };
    assert!(image("ar") && !image("es"));
    assert!(
        sandbox
            .read("md/ar/panic-attacks.md")
            .contains("src=\"images/ar/breathing.svg\"")
    );
}

#[test]
fn the_corpus_as_markdown_says_what_its_html_says() {
    let (sandbox, _) = extracted();
    sandbox.run_ok(&["render", "--locale", "en", "--out", "html"]);
    sandbox.run_ok(&[
        "render", "--locale", "en", "--format", "markdown", "--out", "md",
    ]);
    let mut differ = Vec::new();
    for document in documents() {
        let page = sandbox.path().join(format!("html/en/{document}.html"));
        if !page.exists() {
            continue;
        }
        let html = page_reading(&std::fs::read_to_string(page).expect("the page"));
        let markdown = sandbox.read(&format!("md/en/{document}.md"));
        let markdown = reading(&direct_html(&markdown), "article");
        if markdown != html {
            let at = markdown
                .iter()
                .zip(&html)
                .take_while(|(a, b)| a == b)
                .count();
            let from = at.saturating_sub(6);
            differ.push(format!(
                "{document}: differs at token {at}\n  markdown: {:?}\n  html:     {:?}",
                &markdown[from..(at + 8).min(markdown.len())],
                &html[from..(at + 8).min(html.len())]
            ));
        }
    }
    assert!(
        differ.is_empty(),
        "{} documents differ:\n{}",
        differ.len(),
        differ.join("\n")
    );
}

// The same invariant over generated Markdown, through the pure crates.

mod generated {
    use super::{direct_html, reading};
    use folio_render::{
        BlockContent, Direction, MarkdownStyle, Page, Text, build_blocks, render_html,
        render_markdown,
    };
    use folio_split::{Previous, assign_ids, split_article};
    use proptest::prelude::*;

    fn words() -> impl Strategy<Value = String> {
        prop::collection::vec("[a-z]{1,7}", 1..6).prop_map(|w| w.join(" "))
    }

    /// A line of inline Markdown: words with emphasis, code, a link, an image or the
    /// author's inline HTML.
    fn inline() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                words(),
                words().prop_map(|w| format!("*{w}*")),
                words().prop_map(|w| format!("**{w}**")),
                "[a-z]{1,6}".prop_map(|w| format!("`{w}`")),
                words().prop_map(|w| format!("[{w}](https://example.org/{})", w.len())),
                words().prop_map(|w| format!("![{w}](images/{}.png)", w.len())),
                words().prop_map(|w| format!("<b class=\"x\">{w}</b>")),
                words().prop_map(|w| format!("{w}<br>")),
                words().prop_map(|w| format!("[{w}][r]")),
            ],
            1..4,
        )
        .prop_map(|parts| parts.join(" "))
    }

    /// One block, possibly holding others.
    fn block() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            inline().prop_map(|t| format!("{t}\n")),
            (1..4usize, words()).prop_map(|(l, t)| format!("{} {t}\n", "#".repeat(l))),
            words().prop_map(|t| format!("```sh\n{t}\n```\n")),
            Just("***\n".to_owned()),
            Just("<iframe src=\"v.html\" title=\"Video\"></iframe>\n".to_owned()),
            words().prop_map(|t| format!("<p>{t}</p>\n")),
            (inline(), inline())
                .prop_map(|(a, b)| format!("| {a} | h |\n| --- | --- |\n| {b} | |\n")),
            (words(), words()).prop_map(|(a, b)| format!("| h |\n| --- |\n| - {a}<br>- {b} |\n")),
            (inline(), inline()).prop_map(|(a, b)| format!("- [ ] {a}\n- [x] {b}\n")),
            (words(), "[a-z]{6}").prop_map(|(w, l)| format!("{w}[^{l}]\n\n[^{l}]: Note {w}.\n")),
            (words(), "[a-z]{6}").prop_map(|(w, l)| format!("## {w} {{#{l}}}\n")),
            words().prop_map(|w| format!(
                "<div class=\"v\"><iframe title=\"V\"></iframe></div>\n{w} **not** [markup]\n"
            )),
        ];
        leaf.prop_recursive(3, 12, 3, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 1..3)
                    .prop_map(|blocks| quoted(&blocks.join("\n"))),
                prop::collection::vec((inline(), prop::option::of(inner.clone())), 1..4).prop_map(
                    |items| {
                        items
                            .iter()
                            .map(|(text, nested)| match nested {
                                Some(nested) => format!("- {text}\n\n{}", indented(nested)),
                                None => format!("- {text}\n"),
                            })
                            .collect::<Vec<_>>()
                            .join("")
                    }
                ),
                prop::collection::vec(inner, 1..3).prop_map(|blocks| format!(
                    "<div class=\"note\">\n\n{}\n</div>\n",
                    blocks.join("\n")
                )),
            ]
        })
    }

    fn quoted(text: &str) -> String {
        text.lines().map(|l| format!("> {l}\n")).collect()
    }

    fn indented(text: &str) -> String {
        text.lines()
            .map(|l| {
                if l.is_empty() {
                    "\n".to_owned()
                } else {
                    format!("  {l}\n")
                }
            })
            .collect()
    }

    /// The English page Folio renders for `markdown` as HTML, and as Markdown read back by
    /// pulldown-cmark, both read like [`reading`] (the Markdown's with the disclaimer).
    fn folio_reading(markdown: &str) -> Option<(Vec<String>, Vec<String>)> {
        let split = split_article(markdown).ok()?;
        let extracted = assign_ids(&split, &Previous::default());
        let texts: std::collections::BTreeMap<String, String> = extracted
            .units
            .iter()
            .map(|(_, unit)| (unit.id.to_string(), unit.text.clone()))
            .collect();
        let resolve = |id: &folio_model::UnitId| {
            texts.get(id.as_str()).map(|text| Text {
                markdown: text.clone(),
                fallback: None,
                reference: Some(text.clone()),
            })
        };
        let text = |markdown: &str| Text {
            markdown: markdown.to_owned(),
            fallback: None,
            reference: None,
        };
        let page = Page {
            lang: "en".into(),
            dir: Direction::Ltr,
            article: "generated".into(),
            title: text("Generated"),
            description: None,
            front_matter: Vec::new(),
            body: build_blocks(&extracted.layout, &resolve),
            disclaimer: vec![BlockContent::Paragraph(text("Not advice."))],
            alternates: Vec::new(),
            x_default: "en.html".into(),
            fallbacks: Vec::new(),
            url: None,
            index: "index.html".into(),
            stylesheet: "style.css".into(),
            reference: "en".into(),
            site_name: None,
            details: Default::default(),
            english_only_sites: Vec::new(),
            interface: Default::default(),
        };
        let html = render_html(&page, None).ok()?;
        let mut article = reading(&html, "article");
        let end = article.iter().position(|t| t == "</>")?;
        article.drain(..=end);
        let written = reading(
            &direct_html(&render_markdown(&page, MarkdownStyle::Hugo)),
            "article",
        );
        Some((article, written))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn nothing_is_lost_rendering_generated_markdown(
            blocks in prop::collection::vec(block(), 1..6)
        ) {
            // Opening with a paragraph: a `---` on the first line, even in a quote, is
            // front matter to pulldown-cmark.
            let markdown = format!(
                "Intro.\n\n{}\n[r]: https://example.org/r \"R\"\n",
                blocks.join("\n")
            );
            let folio = folio_reading(&markdown);
            prop_assert!(folio.is_some(), "Folio refused:\n{markdown}");
            let (html, written) = folio.unwrap();
            let direct = reading(&direct_html(&markdown), "article");
            prop_assert_eq!(&html, &direct, "{}", markdown);
            // The Markdown output says the same, and then the disclaimer, set apart by a
            // thematic break as it opens with no heading.
            let disclaimer = ["<hr>", "</>", "<p>", "Not", "advice.", "</>"].map(String::from);
            prop_assert_eq!(&written, &[direct, disclaimer.to_vec()].concat(), "{}", markdown);
        }
    }
}
