//! Rendered pages in a real browser: headless Chromium loads en, es and ar pages and
//! reports what a reader sees — title, table, disclaimer, direction — and that hostile
//! translations injected nothing and ran nothing. Screenshots are kept as artifacts in
//! `target/browser-artifacts/`.
//!
//! `.ci/run` installs Debian's chromium. Elsewhere, without a browser, the test says so
//! and passes; under CI (`CI` set) a missing browser fails it.

use std::path::{Path, PathBuf};
use std::process::Command;

use folio_tests::{Sandbox, hostile_site, repo_root};
use serde::Deserialize;

const NAME: &str = "immunotherapy-multiple-myeloma";

// Saying why a browser test checked nothing is the point of that message.
#[allow(clippy::print_stderr)]
fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var("CHROMIUM").ok(),
        Some("/usr/bin/chromium".into()),
        Some("/usr/bin/chromium-browser".into()),
    ];
    let found = candidates
        .into_iter()
        .flatten()
        .map(PathBuf::from)
        .find(|p| p.exists());
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have chromium: .ci/run installs it"
        );
        eprintln!(
            "browser test: no chromium on this machine (apt-get install chromium); nothing checked"
        );
    }
    found
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

/// What the probe page reports about a rendered page loaded in a frame.
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Seen {
    title: String,
    lang: String,
    direction: String,
    h1: String,
    first_line_left: f64,
    first_line_right: f64,
    box_left: f64,
    box_right: f64,
    table_headers: usize,
    table_rows: usize,
    disclaimer: String,
    disclaimer_lang: String,
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
  const h1 = d.querySelector('h1');
  const range = d.createRange(); range.selectNodeContents(h1);
  const line = range.getClientRects()[0], box = h1.getBoundingClientRect();
  const aside = d.querySelector('aside[role=note]');
  const all = [...d.querySelectorAll('*')];
  document.getElementById('out').textContent = JSON.stringify({
    title: d.title, lang: d.documentElement.lang, direction: w.getComputedStyle(d.body).direction,
    h1: h1.innerText, firstLineLeft: line.left, firstLineRight: line.right, boxLeft: box.left, boxRight: box.right,
    tableHeaders: d.querySelectorAll('table thead th').length, tableRows: d.querySelectorAll('table tbody tr').length,
    disclaimer: aside ? aside.innerText : '', disclaimerLang: aside ? (aside.closest('[lang]').lang) : '',
    scripts: d.querySelectorAll('script').length,
    handlers: all.filter(e => [...e.attributes].some(a => a.name.startsWith('on'))).length,
    injected: d.querySelectorAll('img, iframe, object, embed').length,
    javascriptLinks: [...d.querySelectorAll('a')].filter(a => a.protocol === 'javascript:').length,
    pwned: (w.__pwned === undefined && window.__pwned === undefined) ? null : String(w.__pwned ?? window.__pwned),
  });
});
</script></body></html>"#;

fn see(chromium: &Path, page: &Path, work: &Path) -> Seen {
    let probe = work.join(format!(
        "probe-{}.html",
        page.parent()
            .unwrap()
            .file_name()
            .unwrap()
            .to_string_lossy()
    ));
    std::fs::write(
        &probe,
        PROBE.replace("PAGE", &format!("file://{}", page.display())),
    )
    .unwrap();
    let dom = browser(
        chromium,
        &[
            "--allow-file-access-from-files",
            "--virtual-time-budget=10000",
            "--dump-dom",
        ],
        &format!("file://{}", probe.display()),
    );
    let start = dom.find("<pre id=\"out\">").expect("the probe page") + "<pre id=\"out\">".len();
    let end = dom[start..].find("</pre>").unwrap() + start;
    let json = dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&");
    serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"))
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
        "{name}: a real screenshot"
    );
}

fn unit(sandbox: &Sandbox, locale: &str, document: &str, id: &str) -> String {
    sandbox
        .messages(&format!("locales/{locale}/{document}.ftl"))
        .into_iter()
        .find_map(|(i, t)| (i == id).then_some(t))
        .unwrap()
}

#[test]
fn readers_see_translated_pages_with_their_disclaimer() {
    let Some(chromium) = chromium() else { return };
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    for locale in ["en", "es", "ar"] {
        let page = sandbox.path().join(format!("site/{locale}/{NAME}.html"));
        screenshot(&chromium, &page, &format!("page-{locale}"));
        let seen = see(&chromium, &page, sandbox.path());
        let title = unit(&sandbox, locale, NAME, "title");
        assert_eq!(seen.title, title, "{locale}");
        assert_eq!(seen.h1, title);
        assert_eq!(seen.lang, locale);
        assert_eq!(
            (seen.table_headers, seen.table_rows),
            (4, 3),
            "{locale}: the comparison table"
        );
        let disclaimer = unit(&sandbox, locale, "disclaimer", "disclaimer-p1");
        let opening: String = disclaimer.chars().take(40).collect();
        assert!(
            seen.disclaimer.contains(&opening),
            "{locale}: {:?} in {:?}",
            opening,
            seen.disclaimer
        );
        assert_eq!(
            seen.disclaimer_lang, locale,
            "the disclaimer is in the page's language"
        );
        if locale == "ar" {
            assert_eq!(seen.direction, "rtl");
            assert!(
                (seen.first_line_right - seen.box_right).abs() < 2.0,
                "ar text starts at the right: {seen:?}"
            );
            assert!(seen.first_line_left > seen.box_left + 20.0, "{seen:?}");
        } else {
            assert_eq!(seen.direction, "ltr");
            assert!(
                (seen.first_line_left - seen.box_left).abs() < 2.0,
                "{locale} text starts at the left: {seen:?}"
            );
        }
        assert_eq!(
            (
                seen.scripts,
                seen.handlers,
                seen.injected,
                seen.javascript_links
            ),
            (0, 0, 0, 0)
        );
    }
}

#[test]
fn hostile_translations_inject_nothing_and_run_nothing() {
    let Some(chromium) = chromium() else { return };
    let sandbox = hostile_site();
    let page = sandbox.path().join(format!("site/es/{NAME}.html"));
    screenshot(&chromium, &page, "hostile-es");
    let seen = see(&chromium, &page, sandbox.path());
    assert_eq!(seen.pwned, None, "no script ran");
    assert_eq!(
        (
            seen.scripts,
            seen.handlers,
            seen.injected,
            seen.javascript_links
        ),
        (0, 0, 0, 0),
        "{seen:?}"
    );
    assert!(
        seen.title.contains("onload="),
        "the attack shows as text: {:?}",
        seen.title
    );
    assert_eq!(seen.direction, "ltr");
}
