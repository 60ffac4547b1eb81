//! Rendered pages (and the translators' dashboard, at phone width) in a real browser:
//! headless Chromium loads en, es and ar pages and
//! reports what a reader sees — title, the direction of the page, which edge text starts
//! at, the order of the table's columns, the side list markers sit on, the disclaimer and
//! its language — and that hostile translations injected nothing and ran nothing.
//! Screenshots are kept as artifacts in `target/browser-artifacts/`.
//!
//! Every geometric assertion compares edges of boxes (where a line starts, which column is
//! on the right), never a width that depends on the fonts installed: the test passes with
//! or without the Noto fonts `.ci/run` installs for the screenshots.
//!
//! Without Chromium (`apt-get install chromium`, or `CHROMIUM=/path/to/it`) the build
//! script marks these tests ignored, so the run's summary lists each as ignored, with the reason;
//! under CI (`CI` set) they are never ignored, and a missing browser fails them.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;

use folio_tests::{Sandbox, ftl_messages, hostile_site, repo_root};
use serde::Deserialize;

const NAME: &str = "immunotherapy-multiple-myeloma";

/// How far (CSS pixels) an edge may sit from where it is expected: rounding, not layout.
const EDGE: f64 = 2.0;

fn chromium() -> PathBuf {
    let on_path = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .flat_map(|folder| [folder.join("chromium"), folder.join("chromium-browser")]);
    std::env::var_os("CHROMIUM")
        .map(PathBuf::from)
        .into_iter()
        .chain(on_path)
        .find(|p| p.is_file())
        .expect("no chromium on this machine: `apt-get install chromium` (.ci/run installs it)")
}

fn browser(chromium: &Path, extra: &[&str], url: &str) -> String {
    let profile = tempfile::tempdir().unwrap();
    let output = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(extra)
        .arg(url)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// A horizontal extent on the page, in CSS pixels.
#[derive(Debug, Clone, Copy, Deserialize)]
struct Span {
    left: f64,
    right: f64,
}

impl Span {
    fn center(self) -> f64 {
        (self.left + self.right) / 2.0
    }
}

/// A block and the first line of text inside it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Lined {
    block: Span,
    first_line: Span,
}

/// A list and its first item.
#[derive(Debug, Deserialize)]
struct Listed {
    list: Span,
    item: Span,
}

/// What the probe page reports about a rendered page loaded in a frame.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Seen {
    title: String,
    lang: String,
    dir: String,
    direction: String,
    h1: String,
    heading: Lined,
    paragraph: Lined,
    columns: Vec<Span>,
    table_rows: usize,
    list: Option<Listed>,
    disclaimer: String,
    disclaimer_lang: String,
    disclaimer_direction: String,
    disclaimer_visible: bool,
    scripts: usize,
    handlers: usize,
    injected: usize,
    javascript_links: usize,
    pwned: Option<String>,
}

const PROBE: &str = r#"<!DOCTYPE html><html><body><pre id="out">not loaded</pre>
<iframe id="page" src="PAGE" style="width:1000px;height:900px"></iframe>
<script>
document.getElementById('page').addEventListener('load', () => {
  const frame = document.getElementById('page');
  const d = frame.contentDocument, w = frame.contentWindow;
  const span = r => ({ left: r.left, right: r.right });
  const lined = e => {
    const range = d.createRange(); range.selectNodeContents(e);
    return { block: span(e.getBoundingClientRect()), firstLine: span(range.getClientRects()[0]) };
  };
  const h1 = d.querySelector('h1');
  const list = d.querySelector('article ul, article ol');
  const aside = d.querySelector('aside[role=note]');
  const all = [...d.querySelectorAll('*')];
  document.getElementById('out').textContent = JSON.stringify({
    title: d.title, lang: d.documentElement.lang, dir: d.documentElement.dir,
    direction: w.getComputedStyle(d.body).direction,
    h1: h1.innerText, heading: lined(h1), paragraph: lined(d.querySelector('article p')),
    columns: [...d.querySelectorAll('table thead th')].map(th => span(th.getBoundingClientRect())),
    tableRows: d.querySelectorAll('table tbody tr').length,
    list: list ? { list: span(list.getBoundingClientRect()), item: span(list.querySelector('li').getBoundingClientRect()) } : null,
    disclaimer: aside ? aside.innerText : '',
    disclaimerLang: aside ? aside.closest('[lang]').lang : '',
    disclaimerDirection: aside ? w.getComputedStyle(aside).direction : '',
    disclaimerVisible: aside ? aside.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && aside.getClientRects().length > 0 : false,
    scripts: d.querySelectorAll('script:not([type="application/ld+json"])').length,
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    injected: d.querySelectorAll('img, iframe, object, embed').length,
    javascriptLinks: [...d.querySelectorAll('a')].filter(a => a.protocol === 'javascript:').length,
    pwned: (w.__pwned === undefined && window.__pwned === undefined) ? null : String(w.__pwned ?? window.__pwned),
  });
});
</script></body></html>"#;

fn see(chromium: &Path, page: &Path, work: &Path) -> Seen {
    let locale = page
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_string_lossy();
    let probe = work.join(format!("probe-{locale}.html"));
    run_probe(chromium, PROBE, page, &probe)
}

/// Loads `page` in a frame of the probe page `html` (written to `path`; its script writes
/// a JSON report into `<pre id="out">`) and reads the report.
fn run_probe<T: serde::de::DeserializeOwned>(
    chromium: &Path,
    html: &str,
    page: &Path,
    path: &Path,
) -> T {
    std::fs::write(
        path,
        html.replace("PAGE", &format!("file://{}", page.display())),
    )
    .unwrap();
    let dom = browser(
        chromium,
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ],
        &format!("file://{}", path.display()),
    );
    let start = dom.find("<pre id=\"out\">").expect("the probe page") + "<pre id=\"out\">".len();
    let end = dom[start..].find("</pre>").unwrap() + start;
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("the probe's report: {e}: {json}"))
}

fn screenshot(chromium: &Path, page: &Path, name: &str) {
    let artifacts = repo_root().join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let file = artifacts.join(format!("{name}.png"));
    browser(
        chromium,
        &[
            &format!("--screenshot={}", file.display()),
            "--window-size=1000,1600",
        ],
        &format!("file://{}", page.display()),
    );
    assert!(
        std::fs::metadata(&file).unwrap().len() > 10_000,
        "{name}: expected a real screenshot in {}",
        file.display()
    );
}

fn unit(sandbox: &Sandbox, locale: &str, document: &str, id: &str) -> String {
    sandbox
        .messages(&format!("locales/{locale}/{document}.ftl"))
        .into_iter()
        .find_map(|(i, t)| (i == id).then_some(t))
        .unwrap()
}

/// The edge where text starts: right for right-to-left pages, left otherwise.
fn start_edge(span: Span, rtl: bool) -> f64 {
    if rtl { span.right } else { span.left }
}

/// Asserts what a reader sees of a page's direction: text starts at the start edge of its
/// box, the table's first column is on the start side, list markers sit on the start side.
fn assert_reads_in_direction(locale: &str, seen: &Seen, rtl: bool) {
    let (direction, side) = if rtl {
        ("rtl", "right")
    } else {
        ("ltr", "left")
    };
    assert_eq!(
        (seen.dir.as_str(), seen.direction.as_str()),
        (direction, direction),
        "{locale}: expected <html dir=\"{direction}\"> and a computed direction of {direction}"
    );
    for (what, lined) in [("h1", &seen.heading), ("first paragraph", &seen.paragraph)] {
        let (line, block) = (
            start_edge(lined.first_line, rtl),
            start_edge(lined.block, rtl),
        );
        assert!(
            (line - block).abs() < EDGE,
            "{locale}: expected the {what}'s first line to start at the {side} edge of its box \
             (x = {block:.1}); it starts at x = {line:.1}"
        );
    }
    let [first, second, ..] = seen.columns[..] else {
        panic!(
            "{locale}: expected the comparison table's header row, found {} header cell(s)",
            seen.columns.len()
        );
    };
    assert!(
        (first.center() > second.center()) == rtl,
        "{locale}: expected the table's first column on the {side} of the second; \
         their centers are at x = {:.1} and x = {:.1}",
        first.center(),
        second.center()
    );
    let listed = seen
        .list
        .as_ref()
        .unwrap_or_else(|| panic!("{locale}: expected a list in the article"));
    // Markers sit outside the item, in the list's padding on the start side.
    let (start_gap, end_gap) = if rtl {
        (
            listed.list.right - listed.item.right,
            listed.item.left - listed.list.left,
        )
    } else {
        (
            listed.item.left - listed.list.left,
            listed.list.right - listed.item.right,
        )
    };
    assert!(
        start_gap > EDGE && end_gap.abs() < EDGE,
        "{locale}: expected list markers on the {side}: the list's padding there, none on the \
         other side; found {start_gap:.1} px on the {side} and {end_gap:.1} px on the other"
    );
}

#[test]
#[cfg_attr(
    no_chromium,
    ignore = "no chromium on this machine: apt-get install chromium"
)]
fn readers_see_translated_pages_with_their_disclaimer() {
    let chromium = chromium();
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    for (locale, rtl) in [("en", false), ("es", false), ("ar", true)] {
        let page = sandbox.path().join(format!("site/{locale}/{NAME}.html"));
        screenshot(&chromium, &page, &format!("page-{locale}"));
        let seen = see(&chromium, &page, sandbox.path());
        let title = unit(&sandbox, locale, NAME, "title");
        assert_eq!(seen.title, title, "{locale}: expected the translated title");
        assert_eq!(seen.h1, title, "{locale}: expected the translated h1");
        assert_eq!(seen.lang, locale, "{locale}: expected <html lang>");
        assert_eq!(
            (seen.columns.len(), seen.table_rows),
            (4, 3),
            "{locale}: expected the comparison table's 4 columns and 3 rows"
        );
        assert_reads_in_direction(locale, &seen, rtl);
        let disclaimer = unit(&sandbox, locale, "disclaimer", "disclaimer-p1");
        let opening: String = disclaimer.chars().take(40).collect();
        assert!(
            seen.disclaimer_visible && seen.disclaimer.contains(&opening),
            "{locale}: expected the visible disclaimer to contain {opening:?}; \
             it reads {:?} (visible: {})",
            seen.disclaimer,
            seen.disclaimer_visible
        );
        assert_eq!(
            (
                seen.disclaimer_lang.as_str(),
                seen.disclaimer_direction.as_str()
            ),
            (locale, if rtl { "rtl" } else { "ltr" }),
            "{locale}: expected the disclaimer in the page's language and direction"
        );
        assert_eq!(
            (
                seen.scripts,
                seen.handlers,
                seen.injected,
                seen.javascript_links
            ),
            (0, 0, 0, 0),
            "{locale}: expected no script, handler, embedded object or javascript: link"
        );
    }
}

#[test]
#[cfg_attr(
    no_chromium,
    ignore = "no chromium on this machine: apt-get install chromium"
)]
fn hostile_translations_inject_nothing_and_run_nothing() {
    let chromium = chromium();
    let sandbox = hostile_site();
    let page = sandbox.path().join(format!("site/es/{NAME}.html"));
    screenshot(&chromium, &page, "hostile-es");
    let seen = see(&chromium, &page, sandbox.path());
    assert_eq!(seen.pwned, None, "expected no script to run");
    assert_eq!(
        (
            seen.scripts,
            seen.handlers,
            seen.injected,
            seen.javascript_links
        ),
        (0, 0, 0, 0),
        "expected no script, handler, embedded object or javascript: link"
    );
    assert!(
        seen.title.contains("onload="),
        "expected the attack to show as text in the title: {:?}",
        seen.title
    );
    assert_eq!(
        seen.direction, "ltr",
        "expected a U+202E in a translation not to turn the page"
    );
}

/// What the article probe reports about a real-world page: embeds, images, nested lists,
/// quotes, and in-page anchors (each resolved, and one followed by a click).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Article {
    lang: String,
    embeds: Vec<String>,
    images: Vec<(String, String)>,
    nested_items: Vec<String>,
    quote: String,
    anchors: Vec<(String, bool)>,
    scrolled: f64,
    target_top: f64,
}

const ARTICLE_PROBE: &str = r##"<!DOCTYPE html><html><body><pre id="out">not loaded</pre>
<iframe id="page" src="PAGE" style="width:800px;height:300px"></iframe>
<script>
document.getElementById('page').addEventListener('load', () => {
  const frame = document.getElementById('page');
  const d = frame.contentDocument, w = frame.contentWindow;
  const article = d.querySelector('article');
  const links = [...article.querySelectorAll('a[href^="#"]')];
  const report = {
    lang: d.documentElement.lang,
    embeds: [...article.querySelectorAll('iframe')].map(f => f.title),
    images: [...article.querySelectorAll('img')].map(i => [i.alt, i.getAttribute('src')]),
    nestedItems: [...article.querySelectorAll('li li')].map(li => li.innerText.trim()),
    quote: (article.querySelector('blockquote') || { innerText: '' }).innerText,
    anchors: links.map(a => {
      const target = d.getElementById(decodeURIComponent(a.hash.slice(1)));
      return [a.hash, !!target && /^H[1-6]$/.test(target.tagName)];
    }),
  };
  const follow = links.find(a => a.hash === '#what-to-try');
  follow.click();
  setTimeout(() => {
    report.scrolled = w.scrollY;
    report.targetTop = d.getElementById('what-to-try').getBoundingClientRect().top;
    document.getElementById('out').textContent = JSON.stringify(report);
  }, 200);
});
</script></body></html>"##;

fn see_article(chromium: &Path, page: &Path, work: &Path, locale: &str) -> Article {
    let probe = work.join(format!("article-probe-{locale}.html"));
    run_probe(chromium, ARTICLE_PROBE, page, &probe)
}

#[test]
#[cfg_attr(
    no_chromium,
    ignore = "no chromium on this machine: apt-get install chromium"
)]
fn readers_see_embeds_images_nested_lists_quotes_and_working_anchors() {
    const PAGE: &str = "panic-attacks";
    let chromium = chromium();
    let sandbox = Sandbox::fixture("health");
    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    for locale in ["en", "es", "ar"] {
        let page = sandbox.path().join(format!("site/{locale}/{PAGE}.html"));
        screenshot(&chromium, &page, &format!("article-{locale}"));
        let seen = see_article(&chromium, &page, sandbox.path(), locale);
        let text = |id: &str| unit(&sandbox, locale, PAGE, id);
        assert_eq!(seen.lang, locale);
        assert_eq!(
            seen.embeds,
            [text("intro-alt1")],
            "{locale}: expected the video embed, its title translated"
        );
        // Arabic has an image of its own; the others show the English one.
        let src = if locale == "ar" {
            "images/ar/breathing.svg"
        } else {
            "images/breathing.svg"
        };
        assert_eq!(
            seen.images,
            [(text("signs-panic-attack-alt1"), src.to_owned())],
            "{locale}: expected the image with its alt text translated"
        );
        assert_eq!(
            seen.nested_items,
            [
                text("signs-panic-attack-li3"),
                text("signs-panic-attack-li4")
            ],
            "{locale}: expected the nested list's items"
        );
        assert!(
            seen.quote.contains(&text("signs-panic-attack-quote1")),
            "{locale}: expected the patient's quote, translated: {:?}",
            seen.quote
        );
        assert_eq!(seen.anchors.len(), 4, "{locale}: {:?}", seen.anchors);
        assert!(
            seen.anchors.iter().all(|(_, lands)| *lands),
            "{locale}: expected every in-page link to land on a heading: {:?}",
            seen.anchors
        );
        assert!(
            seen.scrolled > 0.0 && seen.target_top.abs() < EDGE,
            "{locale}: expected following `#what-to-try` to scroll its heading to the top; \
             scrolled {:.1} px, the heading is at y = {:.1}",
            seen.scrolled,
            seen.target_top
        );
    }
}

/// A coverage bar: its track and its fill, and whether the fill is painted.
#[derive(Debug, Deserialize)]
struct Bar {
    track: Span,
    fill: Span,
    height: f64,
    visible: bool,
    label: String,
}

/// What the dashboard probe reports about a page of `folio report` at phone width.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Dashboard {
    viewport: f64,
    scroll_width: f64,
    bars: Vec<Bar>,
    scripts: usize,
}

const DASHBOARD_PROBE: &str = r#"<!DOCTYPE html><html><body style="margin:0"><pre id="out">not loaded</pre>
<iframe id="page" src="PAGE" style="width:360px;height:740px;border:0"></iframe>
<script>
document.getElementById('page').addEventListener('load', () => {
  const d = document.getElementById('page').contentDocument;
  const span = r => ({ left: r.left, right: r.right });
  document.getElementById('out').textContent = JSON.stringify({
    viewport: d.documentElement.clientWidth,
    scrollWidth: Math.max(d.documentElement.scrollWidth, d.body.scrollWidth),
    bars: [...d.querySelectorAll('.bar')].map(bar => {
      const fill = bar.querySelector('span');
      const r = fill.getBoundingClientRect();
      return {
        track: span(bar.getBoundingClientRect()), fill: span(r), height: r.height,
        visible: fill.checkVisibility({ opacityProperty: true, visibilityProperty: true })
          && getComputedStyle(fill).backgroundColor !== 'rgba(0, 0, 0, 0)',
        label: bar.getAttribute('aria-label'),
      };
    }),
    scripts: d.querySelectorAll('script:not([type="application/ld+json"])').length,
  });
});
</script></body></html>"#;

#[test]
#[cfg_attr(
    no_chromium,
    ignore = "no chromium on this machine: apt-get install chromium"
)]
fn the_translators_dashboard_fits_a_phone_and_shows_its_bars() {
    let chromium = chromium();
    let sandbox = Sandbox::repo();
    // One stale unit, so the bars are not all full.
    sandbox.edit(
        &format!("source/{NAME}.md"),
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["report", "--out", "dashboard"]);
    for page in ["index", "es", "ar"] {
        let path = sandbox.path().join(format!("dashboard/{page}.html"));
        let probe = sandbox.path().join(format!("dashboard-probe-{page}.html"));
        let seen: Dashboard = run_probe(&chromium, DASHBOARD_PROBE, &path, &probe);
        assert!(
            (seen.viewport - 360.0).abs() < EDGE,
            "{page}: expected a 360 px viewport, found {}",
            seen.viewport
        );
        assert!(
            seen.scroll_width <= seen.viewport,
            "{page}: expected no horizontal overflow at 360 px; the page is {} px wide",
            seen.scroll_width
        );
        assert_eq!(seen.scripts, 0, "{page}: no script");
        let expected = if page == "index" { 7 } else { 1 };
        assert_eq!(seen.bars.len(), expected, "{page}: {:?}", seen.bars);
        for bar in &seen.bars {
            let percent: f64 = bar
                .label
                .rsplit(' ')
                .next()
                .and_then(|p| p.strip_suffix('%'))
                .and_then(|p| p.parse().ok())
                .unwrap_or_else(|| panic!("{page}: a bar's label {:?}", bar.label));
            let track = bar.track.right - bar.track.left;
            let fill = bar.fill.right - bar.fill.left;
            assert!(
                bar.visible && bar.height > 0.0 && fill > 0.0,
                "{page}: expected {:?}'s bar painted: {bar:?}",
                bar.label
            );
            assert!(
                bar.track.left >= 0.0 && bar.track.right <= 360.0 + EDGE,
                "{page}: expected the bar within the screen: {bar:?}"
            );
            assert!(
                (fill - track * percent / 100.0).abs() < EDGE,
                "{page}: expected {:?}'s fill to be {percent}% of its {track:.1} px track; \
                 it is {fill:.1} px",
                bar.label
            );
        }
    }
    screenshot(
        &chromium,
        &sandbox.path().join("dashboard/index.html"),
        "dashboard-index",
    );
}

// --- Phones, fallbacks and accessibility (issue 13) ---

/// `text` (a `.ftl` file) without the messages `ids`, their continuation lines included.
fn without_messages(text: &str, ids: &[&str]) -> String {
    let mut kept = String::new();
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with([' ', '\t']) && skipping {
            continue;
        }
        skipping = ids.iter().any(|id| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        });
        if !skipping {
            kept.push_str(line);
        }
    }
    kept
}

/// The workspace with an Arabic list item and table cell left untranslated, so that the
/// Arabic page shows them in English (fallbacks), rendered into `site`.
fn site_with_arabic_fallbacks() -> Sandbox {
    let sandbox = Sandbox::repo();
    let path = format!("locales/ar/{NAME}.ftl");
    let text = sandbox.read(&path);
    let fewer = without_messages(
        &text,
        &[
            "types-immunotherapy-li1",
            "comparison-treatment-options-td3",
        ],
    );
    assert_eq!(ftl_messages(&text).len(), ftl_messages(&fewer).len() + 2);
    sandbox.write(&path, fewer);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    sandbox
}

/// A screenshot of `page` in a `width` × `height` px frame, scrolled to the element
/// `selector` picks, kept in `target/browser-artifacts/<name>.png`.
fn screenshot_of(chromium: &Path, page: &Path, selector: &str, size: (u32, u32), name: &str) {
    let artifacts = repo_root().join("target/browser-artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let file = artifacts.join(format!("{name}.png"));
    let frame = tempfile::tempdir().unwrap();
    let wrapper = frame.path().join("frame.html");
    let (width, height) = size;
    std::fs::write(
        &wrapper,
        format!(
            "<!DOCTYPE html><html><body style=\"margin:0\">\
             <iframe id=\"f\" src=\"file://{}\" style=\"width:{width}px;height:{height}px;border:0\"></iframe>\
             <script>f.addEventListener('load', () => {{ const w = f.contentWindow; \
             const e = f.contentDocument.querySelector({selector:?}); \
             w.scrollTo(0, e.getBoundingClientRect().top + w.scrollY - 8); }});</script></body></html>",
            page.display()
        ),
    )
    .unwrap();
    browser(
        chromium,
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=5000",
            &format!("--screenshot={}", file.display()),
            &format!("--window-size={width},{height}"),
        ],
        &format!("file://{}", wrapper.display()),
    );
    assert!(
        std::fs::metadata(&file).unwrap().len() > 10_000,
        "{name}: expected a real screenshot in {}",
        file.display()
    );
}

/// A table cell at phone width: its text, the header text it is labelled with, and
/// where its box and each line of its text are.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct CellSeen {
    text: String,
    column: usize,
    label: Option<String>,
    label_shown: bool,
    visible: bool,
    cell: Span,
    lines: Vec<Span>,
}

/// A table and the region around it.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct TableSeen {
    role: Option<String>,
    focusable: bool,
    name: Option<String>,
    caption: Option<String>,
    headers: Vec<String>,
    columns: Vec<Span>,
    scroll_width: f64,
    client_width: f64,
    cells: Vec<CellSeen>,
}

/// What the layout probe reports about a page at a given width.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Layout {
    viewport: f64,
    scroll_width: f64,
    hyphens: String,
    tables: Vec<TableSeen>,
}

const LAYOUT_PROBE: &str = r#"<!DOCTYPE html><html><body style="margin:0"><pre id="out">not loaded</pre>
<iframe id="page" src="PAGE" style="width:WIDTHpx;height:800px;border:0"></iframe>
<script>
document.getElementById('page').addEventListener('load', () => {
  const frame = document.getElementById('page');
  const d = frame.contentDocument, w = frame.contentWindow;
  const span = r => ({ left: r.left, right: r.right });
  const tables = [...d.querySelectorAll('article .table')].map(region => {
    const table = region.querySelector('table');
    const labelledBy = region.getAttribute('aria-labelledby');
    region.focus();
    return {
      role: region.getAttribute('role'),
      focusable: d.activeElement === region,
      name: labelledBy ? d.getElementById(labelledBy).textContent.trim() : region.getAttribute('aria-label'),
      caption: table.caption ? table.caption.textContent.trim() : null,
      headers: [...table.querySelectorAll('thead th')].map(th => th.textContent.trim()),
      columns: [...table.querySelectorAll('thead th')].map(th => span(th.getBoundingClientRect())),
      scrollWidth: region.scrollWidth, clientWidth: region.clientWidth,
      cells: [...table.querySelectorAll('tbody th, tbody td')].map(cell => {
        const range = d.createRange(); range.selectNodeContents(cell);
        const before = w.getComputedStyle(cell, '::before');
        return {
          text: cell.textContent.trim(), column: cell.cellIndex, label: cell.dataset.label ?? null,
          // Chromium resolves `attr(data-label) / ""` to `"<label>" / ""`.
          labelShown: before.display === 'block' && before.content.startsWith(JSON.stringify(cell.dataset.label ?? null)),
          visible: cell.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
          cell: span(cell.getBoundingClientRect()), lines: [...range.getClientRects()].map(span),
        };
      }),
    };
  });
  document.getElementById('out').textContent = JSON.stringify({
    viewport: d.documentElement.clientWidth,
    scrollWidth: Math.max(d.documentElement.scrollWidth, d.body.scrollWidth),
    hyphens: w.getComputedStyle(d.querySelector('article p')).hyphens,
    tables,
  });
});
</script></body></html>"#;

fn see_layout(chromium: &Path, page: &Path, width: u32, name: &str) -> Layout {
    let probe = tempfile::tempdir().unwrap();
    run_probe(
        chromium,
        &LAYOUT_PROBE.replace("WIDTH", &width.to_string()),
        page,
        &probe.path().join(format!("layout-{name}.html")),
    )
}

#[test]
#[cfg_attr(
    no_chromium,
    ignore = "no chromium on this machine: apt-get install chromium"
)]
fn the_comparison_table_is_whole_on_a_360_px_phone() {
    let chromium = chromium();
    let sandbox = Sandbox::repo();
    // German's long compounds, and longer still: a word and a URL no line holds.
    let path = format!("locales/de/{NAME}.ftl");
    let text = sandbox.read(&path);
    let cell = unit(&sandbox, "de", NAME, "comparison-treatment-options-td4");
    let long = format!(
        "{cell} Stammzelltransplantationsnachsorgeuntersuchungsterminvereinbarung \
         https://www.example.org/ein/sehr/langer/pfad/ohne/jede/moeglichkeit/umzubrechen"
    );
    sandbox.write(&path, text.replace(&cell, &long));
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    for (locale, rtl) in [("en", false), ("de", false), ("ar", true)] {
        let page = sandbox.path().join(format!("site/{locale}/{NAME}.html"));
        screenshot_of(
            &chromium,
            &page,
            "#comparison-of-treatment-options",
            (360, 900),
            &format!("phone-table-{locale}"),
        );
        let seen = see_layout(&chromium, &page, 360, locale);
        assert!(
            (seen.viewport - 360.0).abs() < EDGE && seen.scroll_width <= seen.viewport,
            "{locale}: expected a 360 px page with nothing wider; it is {} px wide",
            seen.scroll_width
        );
        assert_eq!(
            seen.hyphens,
            if rtl { "manual" } else { "auto" },
            "{locale}: hyphenation where the language has it"
        );
        let [table] = &seen.tables[..] else {
            panic!("{locale}: expected one table: {:?}", seen.tables)
        };
        let heading = unit(
            &sandbox,
            locale,
            NAME,
            "comparison-treatment-options-heading",
        );
        assert_eq!(
            (table.role.as_deref(), table.focusable),
            (Some("region"), true),
            "{locale}: expected a region the keyboard reaches"
        );
        assert_eq!(table.name.as_deref(), Some(heading.as_str()), "{locale}");
        assert_eq!(table.caption.as_deref(), Some(heading.as_str()), "{locale}");
        assert!(
            table.scroll_width <= table.client_width,
            "{locale}: expected nothing to scroll at 360 px: {} of {} px",
            table.scroll_width,
            table.client_width
        );
        assert_eq!(table.cells.len(), 12, "{locale}: 3 rows of 4 cells");
        for cell in &table.cells {
            assert!(cell.visible, "{locale}: {cell:?}");
            for span in std::iter::once(&cell.cell).chain(&cell.lines) {
                assert!(
                    span.left >= -EDGE && span.right <= seen.viewport + EDGE,
                    "{locale}: expected {:?} within the 360 px screen: {span:?}",
                    cell.text
                );
            }
            // Every cell but the row's own header is labelled with its column's header,
            // shown above it now that the header row is not.
            if cell.column > 0 {
                assert_eq!(
                    cell.label.as_deref(),
                    Some(table.headers[cell.column].as_str()),
                    "{locale}"
                );
                assert!(cell.label_shown, "{locale}: {cell:?}");
            }
        }
        // The last column (the risks) is there, in full.
        assert!(
            table.cells.iter().filter(|c| c.column == 3).count() == 3,
            "{locale}"
        );
        if locale == "de" {
            assert!(
                table
                    .cells
                    .iter()
                    .any(|c| c.text.contains("Stammzelltransplantationsnachsorge")),
                "the long word is in the table"
            );
        }

        // On a desktop it is a table again, its columns side by side in reading order.
        let wide = see_layout(&chromium, &page, 1280, &format!("{locale}-wide"));
        let columns = &wide.tables[0].columns;
        assert_eq!(columns.len(), 4, "{locale}");
        assert!(
            columns
                .windows(2)
                .all(|pair| (pair[0].center() > pair[1].center()) == rtl),
            "{locale}: columns in reading order at 1280 px: {columns:?}"
        );
    }
}

/// What the fallback probe reports about the first list item shown in English.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct FallbackSeen {
    item_direction: String,
    item_lang: String,
    sibling: Span,
    item: Span,
    badge: String,
    badge_box: Span,
    badge_visible: bool,
    text_lang: String,
    text_direction: String,
    text: Lined,
    cell_badge: bool,
    hyphens: String,
}

const FALLBACK_PROBE: &str = r#"<!DOCTYPE html><html><body><pre id="out">not loaded</pre>
<iframe id="page" src="PAGE" style="width:800px;height:900px"></iframe>
<script>
document.getElementById('page').addEventListener('load', () => {
  const frame = document.getElementById('page');
  const d = frame.contentDocument, w = frame.contentWindow;
  const span = r => ({ left: r.left, right: r.right });
  const text = d.querySelector('article li > .fallback');
  const item = text.parentElement;
  const sibling = [...item.parentElement.children].find(li => !li.querySelector('.fallback'));
  const badge = item.querySelector('.fallback-badge');
  const range = d.createRange(); range.selectNodeContents(text);
  document.getElementById('out').textContent = JSON.stringify({
    itemDirection: w.getComputedStyle(item).direction, itemLang: item.closest('[lang]').lang,
    sibling: span(sibling.getBoundingClientRect()), item: span(item.getBoundingClientRect()),
    badge: badge.textContent, badgeBox: span(badge.getBoundingClientRect()),
    badgeVisible: badge.checkVisibility({ opacityProperty: true, visibilityProperty: true }),
    textLang: text.lang, textDirection: w.getComputedStyle(text).direction,
    text: { block: span(text.getBoundingClientRect()), firstLine: span(range.getClientRects()[0]) },
    cellBadge: !!d.querySelector('article td .fallback-badge'),
    hyphens: w.getComputedStyle(text).hyphens,
  });
});
</script></body></html>"#;

#[test]
#[cfg_attr(
    no_chromium,
    ignore = "no chromium on this machine: apt-get install chromium"
)]
fn an_english_item_on_an_arabic_page_keeps_its_marker_on_the_right_and_says_so() {
    let chromium = chromium();
    let sandbox = site_with_arabic_fallbacks();
    let page = sandbox.path().join(format!("site/ar/{NAME}.html"));
    screenshot_of(
        &chromium,
        &page,
        "#types-of-immunotherapy",
        (360, 700),
        "fallback-ar",
    );
    let probe = sandbox.path().join("fallback-probe.html");
    let seen: FallbackSeen = run_probe(&chromium, FALLBACK_PROBE, &page, &probe);
    // The item is the page's: right to left, so its marker hangs on the right, where
    // the list's padding is; it has the same box as its translated siblings.
    assert_eq!(
        (seen.item_direction.as_str(), seen.item_lang.as_str()),
        ("rtl", "ar"),
        "{seen:?}"
    );
    assert!(
        (seen.item.left - seen.sibling.left).abs() < EDGE
            && (seen.item.right - seen.sibling.right).abs() < EDGE,
        "expected the English item where the Arabic ones are: {seen:?}"
    );
    // The badge, in Arabic (Folio's built-in interface strings), opens the item on its
    // right; the English under it reads left to right from the item's left edge, and
    // hyphenates as English.
    assert!(
        seen.badge_visible
            && seen.badge == "لم ت\u{64f}ترجم بعد"
            && (seen.badge_box.right - seen.item.right).abs() < EDGE,
        "{seen:?}"
    );
    assert_eq!(
        (seen.text_lang.as_str(), seen.text_direction.as_str()),
        ("en", "ltr")
    );
    assert!(
        (seen.text.first_line.left - seen.item.left).abs() < EDGE,
        "expected the English to start at the item's left edge: {seen:?}"
    );
    assert_eq!(seen.hyphens, "auto");
    assert!(seen.cell_badge, "the English table cell has its badge too");
}

/// One axe-core violation: the rule, its impact and the elements it names.
#[derive(Debug, Deserialize)]
struct Violation {
    id: String,
    impact: Option<String>,
    nodes: Vec<String>,
}

const AXE_PROBE: &str = r#"<!DOCTYPE html><html><body style="margin:0"><pre id="out">not loaded</pre>
<iframe id="page" src="PAGE" style="width:WIDTHpx;height:800px;border:0"></iframe>
<script>
const out = report => { document.getElementById('out').textContent = JSON.stringify(report); };
document.getElementById('page').addEventListener('load', () => {
  const frame = document.getElementById('page');
  const d = frame.contentDocument, w = frame.contentWindow;
  const axe = d.createElement('script');
  axe.src = 'AXE';
  axe.onload = () => w.axe.run(d, { resultTypes: ['violations'] })
    .then(result => out(result.violations.map(v => ({
      id: v.id, impact: v.impact,
      nodes: v.nodes.map(n => n.target.join(' ') + ': ' + n.failureSummary),
    }))))
    .catch(error => out([{ id: 'axe-error', impact: null, nodes: [String(error)] }]));
  axe.onerror = () => out([{ id: 'axe-not-loaded', impact: null, nodes: ['AXE'] }]);
  // axe is loaded into the page itself, so it checks the page at the frame's width.
  d.head.appendChild(axe);
});
</script></body></html>"#;

/// axe-core's `axe.min.js`: `AXE_CORE`, or where `tests/axe/install.sh` installs it.
fn axe_core() -> PathBuf {
    let path = std::env::var_os("AXE_CORE").map_or_else(
        || repo_root().join("target/axe/node_modules/axe-core/axe.min.js"),
        PathBuf::from,
    );
    assert!(
        path.is_file(),
        "no axe-core at {}: run tests/axe/install.sh (.ci/run does)",
        path.display()
    );
    path
}

#[test]
#[cfg_attr(
    no_axe,
    ignore = "no axe-core or no chromium on this machine: tests/axe/install.sh, apt-get install chromium"
)]
fn axe_finds_no_violation_on_a_phone_or_a_desktop() {
    let chromium = chromium();
    let axe = axe_core();
    let sandbox = site_with_arabic_fallbacks();
    let check = |page: &Path, width: u32, name: &str| -> Vec<Violation> {
        let probe = sandbox.path().join(format!("axe-{name}-{width}.html"));
        let html = AXE_PROBE
            .replace("WIDTH", &width.to_string())
            .replace("AXE", &format!("file://{}", axe.display()));
        run_probe(&chromium, &html, page, &probe)
    };
    // The probe sees what axe reports: a page without its language is a violation.
    let english = sandbox.read(&format!("site/en/{NAME}.html"));
    let control = sandbox.path().join("no-lang.html");
    std::fs::write(&control, english.replacen("<html lang=\"en\"", "<html", 1)).unwrap();
    let violations = check(&control, 360, "control");
    assert!(
        violations.iter().any(|v| v.id == "html-has-lang"),
        "expected axe to report the missing lang: {violations:?}"
    );
    let mut found = Vec::new();
    for locale in ["en", "es", "ar", "zh-Hans"] {
        let page = sandbox.path().join(format!("site/{locale}/{NAME}.html"));
        for width in [360, 1280] {
            found.extend(check(&page, width, locale).into_iter().map(|v| {
                format!(
                    "{locale} at {width} px: {} ({:?}): {:?}",
                    v.id, v.impact, v.nodes
                )
            }));
        }
    }
    assert!(found.is_empty(), "axe-core found:\n{}", found.join("\n"));
}
