//! The real-article corpus (`tests/fixtures/articles`, sources and licenses in its
//! NOTICE.md): package READMEs as published and health pages written the way publishers
//! write them. Every document must extract, every unit must round-trip through Fluent, and
//! the English page Folio renders must say everything the source says.

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
        let markdown = reading(&direct_html(&markdown), "article");
        assert_eq!(markdown, html, "{locale}");
    }
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
