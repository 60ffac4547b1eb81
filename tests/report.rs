//! `folio report --out DIR`, the translators' dashboard, end to end on a copy of the real
//! workspace with a stale unit, a missing unit and a hostile translation planted: the
//! pages and badges exist, show what `status` reports (the same coverage, the stale unit's
//! English word diff, file:line), and the hostile text is escaped.

// End-to-end tests read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::Path;

use folio_tests::{Sandbox, StatusReport, status_json};
use scraper::{Html, Selector};

const ARTICLE: &str = "source/immunotherapy-multiple-myeloma.md";
const NAME: &str = "immunotherapy-multiple-myeloma";
const HOSTILE: &str = "<script>alert(1)</script>";
const MISSING: &str = "comparison-treatment-options-td11";

/// The repository's workspace with `intro-p2` stale everywhere, one unit missing in
/// Spanish and a hostile obsolete Spanish unit.
fn planted() -> Sandbox {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        ARTICLE,
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    let es = format!("locales/es/{NAME}.ftl");
    sandbox.edit(&es, &format!("{MISSING} = Posibilidad de curación\n"), "");
    let mut text = sandbox.read(&es);
    text.push_str(&format!("\nzz-hostile = {HOSTILE}\n"));
    sandbox.write(&es, text);
    sandbox
}

/// A percentage as the dashboard shows it: one decimal, none for a whole number.
fn shown(percent: f64) -> String {
    let text = format!("{percent:.1}");
    text.strip_suffix(".0").map_or(text.clone(), str::to_owned)
}

/// Every file under `dir`, relative, with its bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut found = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(folder) = stack.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let relative = path
                    .strip_prefix(dir)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                found.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    found
}

fn select<'a>(page: &'a Html, selector: &str) -> Vec<scraper::ElementRef<'a>> {
    page.select(&Selector::parse(selector).unwrap()).collect()
}

fn text(element: &scraper::ElementRef<'_>) -> String {
    element.text().collect()
}

/// The badge's `<title>` (label: value) and its value's fill colour, read as XML.
fn badge(sandbox: &Sandbox, path: &str) -> (String, String) {
    let svg = sandbox.read(path);
    let document = roxmltree::Document::parse(&svg)
        .unwrap_or_else(|e| panic!("{path} is not well-formed XML: {e}\n{svg}"));
    let root = document.root_element();
    assert_eq!(root.tag_name().name(), "svg", "{path}");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2000/svg"),
        "{path}"
    );
    let title = root
        .descendants()
        .find(|n| n.has_tag_name("title"))
        .and_then(|n| n.text())
        .unwrap_or_else(|| panic!("{path} has no title"))
        .to_owned();
    let fill = root
        .descendants()
        .filter(|n| n.has_tag_name("rect"))
        .nth(2)
        .and_then(|n| n.attribute("fill"))
        .unwrap_or_else(|| panic!("{path} has no value rect"))
        .to_owned();
    (title, fill)
}

#[test]
fn the_dashboard_shows_coverage_todo_lists_diffs_and_badges() {
    let sandbox = planted();
    let status: StatusReport = status_json(&sandbox, &[]);
    let run = sandbox.run_ok(&["report", "--out", "dashboard"]);
    assert!(
        run.stdout.contains("dashboard: 6 locale(s)"),
        "{}",
        run.stdout
    );
    let out = sandbox.path().join("dashboard");
    let written = files(&out);
    for file in ["index.html", "style.css", "badges/coverage.svg"] {
        assert!(written.contains_key(file), "{file} in {:?}", written.keys());
    }

    // The index: a bar, the coverage and a link per locale, as `status` counts it.
    let index = Html::parse_document(&sandbox.read("dashboard/index.html"));
    let cards = select(&index, "li.locale");
    assert_eq!(cards.len(), status.locales.len());
    for (card, totals) in cards.iter().zip(&status.locales) {
        let locale = &totals.locale;
        let coverage = format!("{}%", shown(totals.coverage));
        let heading = text(&select(&index, &format!("#locale-{locale} h2"))[0]);
        assert_eq!(heading, format!("{locale} {coverage}"), "{locale}");
        let links: Vec<&str> = card
            .select(&Selector::parse("a").unwrap())
            .filter_map(|a| a.value().attr("href"))
            .collect();
        assert!(
            links.contains(&format!("{locale}.html").as_str()),
            "{links:?}"
        );
        assert_eq!(
            card.select(&Selector::parse(".bar > span").unwrap())
                .count(),
            1,
            "{locale}: a bar"
        );
        for file in [
            format!("{locale}.html"),
            format!("badges/coverage-{locale}.svg"),
        ] {
            assert!(written.contains_key(&file), "{file}");
        }
        let (title, fill) = badge(&sandbox, &format!("dashboard/badges/coverage-{locale}.svg"));
        assert_eq!(title, format!("{locale}: {coverage}"), "{locale}'s badge");
        assert!(fill.starts_with('#'), "{locale}'s badge colour: {fill}");
        assert!(
            text(card).contains(&format!("stale {}", totals.units.stale)),
            "{locale}: units by status"
        );
    }
    let (title, _) = badge(&sandbox, "dashboard/badges/coverage.svg");
    assert!(title.starts_with("coverage: "), "{title}");
    assert!(title.ends_with('%'), "{title}");

    // The Spanish page: its documents, and its to-do list with file:line.
    let es_status = status.document("es", NAME);
    let file = &es_status.file;
    let raw = sandbox.read("dashboard/es.html");
    let es = Html::parse_document(&raw);
    let rows = select(&es, "tbody tr");
    assert_eq!(rows.len(), status.documents_of("es").len());
    assert!(
        rows.iter().any(|r| text(r).contains(NAME)
            && text(r).contains(&format!("{}%", shown(es_status.coverage)))),
        "the article's row with its coverage"
    );
    let stale = es_status
        .todo
        .iter()
        .find(|u| u.status == "stale")
        .expect("a stale unit");
    let stale_item = select(&es, ".todo li.status-stale")
        .into_iter()
        .find(|li| text(li).contains(&stale.id))
        .expect("the stale unit in the to-do list");
    assert!(
        text(&stale_item).contains(&format!("{file}:{}", stale.line.unwrap())),
        "file:line: {}",
        text(&stale_item)
    );
    assert!(
        raw.contains("Multiple myeloma <del>affects</del><ins>damages</ins> plasma cells"),
        "the English word diff with <del>/<ins>"
    );
    let missing = select(&es, ".todo li.status-missing");
    assert_eq!(missing.len(), 1, "one missing unit");
    assert!(text(&missing[0]).contains(MISSING) && text(&missing[0]).contains(file.as_str()));
    assert!(
        select(&es, "h3").iter().map(text).collect::<Vec<_>>()
            == ["missing (1)", "stale (1)", "obsolete (1)"],
        "sections in a translator's order"
    );

    // The hostile translation is text on the page, never markup.
    assert!(!raw.contains(HOSTILE) && !raw.to_lowercase().contains("<script"));
    assert!(raw.contains("&lt;script&gt;alert(1)"), "escaped");
    let obsolete = select(&es, ".todo li.status-obsolete .translation");
    assert_eq!(obsolete.iter().map(text).collect::<Vec<_>>(), [HOSTILE]);
    assert!(select(&es, "script").is_empty());

    // Same workspace, same bytes.
    sandbox.run_ok(&["report", "--out", "dashboard"]);
    assert_eq!(files(&out), written, "a second run writes the same bytes");
}

#[test]
fn one_locale_alone_a_failed_run_keeps_the_old_dashboard_and_out_is_checked() {
    let sandbox = planted();
    sandbox.run_ok(&["report", "es", "--out", "dashboard"]);
    let written = files(&sandbox.path().join("dashboard"));
    assert!(written.contains_key("es.html") && !written.contains_key("de.html"));
    // Publishing all locales again replaces the folder whole: the pages come back, and
    // the publisher's own files stay.
    sandbox.write("dashboard/CNAME", "l10n.example.org\n");
    sandbox.run_ok(&["report", "--out", "dashboard"]);
    let written = files(&sandbox.path().join("dashboard"));
    assert!(written.contains_key("de.html") && written.contains_key("CNAME"));
    // A run that cannot read a translation publishes nothing: the old dashboard stays.
    sandbox.write(&format!("locales/de/{NAME}.ftl"), b"title = \xff\n");
    let run = sandbox.run(&["report", "--out", "dashboard"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(files(&sandbox.path().join("dashboard")), written);
    for out in ["locales", "source", "."] {
        let run = sandbox.run(&["report", "--out", out]);
        assert_eq!(run.code, 2, "--out {out}: {run:?}");
    }
}
