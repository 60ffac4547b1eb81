//! The site around the pages, end to end: the root chooser, locale indexes, 404 pages,
//! the sitemaps (the index `sitemap.xml`, `sitemap-root.xml` and one per locale, valid
//! against the sitemaps.org schemas), `robots.txt` and the one stylesheet; absolute
//! links, canonical, Open Graph and JSON-LD under a base URL; partial renders that keep
//! the indexes the whole workspace's; the publisher's own files; `--dry-run` and
//! `--report json`; and the interface strings tracked as a document.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::Path;

use folio_tests::Sandbox;
use serde_json::Value;

const NAME: &str = "immunotherapy-multiple-myeloma";
const LOCALES: [&str; 7] = ["en", "ar", "de", "es", "fr", "pt-BR", "zh-Hans"];
const BASE: &str = "https://health.example.org/";
const SITE_FILES: [&str; 6] = [
    "index.html",
    "404.html",
    "style.css",
    "sitemap.xml",
    "sitemap-root.xml",
    "robots.txt",
];

/// Every file of a rendered site but the manifest, by `/`-separated path.
fn site_files(root: &Path) -> BTreeMap<String, String> {
    walk(root, root)
}

fn walk(root: &Path, dir: &Path) -> BTreeMap<String, String> {
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(walk(root, &path));
        } else if path.file_name().unwrap() != ".folio-site.json" {
            let name = path
                .strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            files.insert(name, std::fs::read_to_string(&path).unwrap());
        }
    }
    files
}

/// The files that are functions of the whole workspace: indexes, 404s, sitemap, robots.
fn around_pages(files: &BTreeMap<String, String>) -> BTreeMap<String, String> {
    files
        .iter()
        .filter(|(name, _)| !name.ends_with(&format!("{NAME}.html")))
        .map(|(n, t)| (n.clone(), t.clone()))
        .collect()
}

/// The JSON-LD of a page, parsed strictly.
fn json_ld(html: &str) -> Value {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("script[type=\"application/ld+json\"]").unwrap();
    let scripts: Vec<String> = document.select(&selector).map(|s| s.inner_html()).collect();
    assert_eq!(scripts.len(), 1, "one JSON-LD script: {scripts:?}");
    serde_json::from_str(&scripts[0]).expect("JSON-LD parses")
}

/// Gives the article a medical review, as a publisher's article has: the repository's
/// own names no medical reviewer (nobody reviewed it medically).
fn medically_reviewed(sandbox: &Sandbox) {
    sandbox.edit(
        &format!("source/{NAME}.md"),
        "author = ",
        "reviewed = 2026-02-02\nreviewer = \"Dr. A. Example, MD\"\nauthor = ",
    );
    sandbox.run_ok(&["extract"]);
}

#[test]
fn the_site_has_a_chooser_indexes_404s_a_sitemap_and_robots() {
    let sandbox = Sandbox::repo();
    medically_reviewed(&sandbox);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let files = site_files(&sandbox.path().join("site"));
    for name in SITE_FILES {
        assert!(files.contains_key(name), "{name}");
    }
    for locale in LOCALES {
        for name in [
            "index.html",
            "404.html",
            "sitemap.xml",
            &format!("{NAME}.html"),
        ] {
            assert!(
                files.contains_key(&format!("{locale}/{name}")),
                "{locale}/{name}"
            );
        }
    }
    // Reviewed by eye: the pages around the articles, and one article's head.
    insta::assert_snapshot!("site.index.html", &files["index.html"]);
    insta::assert_snapshot!("site.es.index.html", &files["es/index.html"]);
    insta::assert_snapshot!("site.ar.404.html", &files["ar/404.html"]);
    insta::assert_snapshot!("site.404.html", &files["404.html"]);
    insta::assert_snapshot!("site.sitemap.xml", files["sitemap.xml"]);
    insta::assert_snapshot!("site.sitemap-root.xml", files["sitemap-root.xml"]);
    insta::assert_snapshot!("site.es.sitemap.xml", files["es/sitemap.xml"]);
    insta::assert_snapshot!("site.robots.txt", files["robots.txt"]);
    let article = &files[&format!("es/{NAME}.html")];
    let head = &article[..article.find("<body>").unwrap()];
    insta::assert_snapshot!("site.es.article-head.html", head);
    // Every language's own name on the chooser, each link with hreflang and lang.
    for (tag, name) in [
        ("ar", "العربية"),
        ("zh-Hans", "简体中文"),
        ("pt-BR", "Português (Brasil)"),
    ] {
        assert!(
            files["index.html"].contains(&format!(
                "<a href=\"{BASE}{tag}/\" hreflang=\"{tag}\" lang=\"{tag}\""
            )) && files["index.html"].contains(name)
        );
    }
    // The metadata block speaks the page's language, dates included.
    let ar = &files[&format!("ar/{NAME}.html")];
    assert!(ar.contains("<dt>آخر مراجعة طبية</dt>"), "Arabic label");
    assert!(
        ar.contains("<time datetime=\"2026-02-02\">2 فبراير 2026</time>"),
        "Arabic date"
    );
    assert!(files[&format!("zh-Hans/{NAME}.html")].contains(">2026年2月2日</time>"));
    assert!(files[&format!("de/{NAME}.html")].contains("aria-label=\"Sprache\""));
}

#[test]
#[cfg_attr(
    no_xmllint,
    ignore = "no xmllint on this machine (Debian: libxml2-utils)"
)]
fn the_sitemaps_are_valid_against_the_sitemap_schemas() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let schemas = folio_tests::repo_root().join("tests/fixtures/sitemap");
    let validate = |schema: &str, file: &Path| {
        std::process::Command::new("xmllint")
            .args(["--noout", "--schema"])
            .arg(schemas.join(schema))
            .arg(file)
            .output()
            .expect("xmllint runs")
    };
    let valid = |schema: &str, file: &Path| {
        let out = validate(schema, file);
        assert!(
            out.status.success(),
            "{}: {}",
            file.display(),
            String::from_utf8_lossy(&out.stderr)
        );
    };
    let site = sandbox.path().join("site");
    // The index lists the chooser's sitemap, then every locale's, each of which exists.
    valid("siteindex.xsd", &site.join("sitemap.xml"));
    let index = std::fs::read_to_string(site.join("sitemap.xml")).unwrap();
    let document = roxmltree::Document::parse(&index).unwrap();
    let listed: Vec<&str> = document
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    let expected: Vec<String> = std::iter::once("sitemap-root.xml".to_owned())
        .chain(LOCALES.iter().map(|l| format!("{l}/sitemap.xml")))
        .map(|p| format!("{BASE}{p}"))
        .collect();
    assert_eq!(listed, expected);
    // Every sitemap is valid, and together they list every published page, each with all
    // its versions and x-default; a locale's sitemap lists only its own folder's pages.
    let mut urls = 0;
    for loc in &listed {
        let relative = loc.strip_prefix(BASE).unwrap();
        let file = site.join(relative);
        valid("sitemap-with-alternates.xsd", &file);
        let text = std::fs::read_to_string(&file).unwrap();
        let document = roxmltree::Document::parse(&text).unwrap();
        let folder = match relative.rsplit_once('/') {
            Some((folder, _)) => format!("{BASE}{folder}/"),
            None => BASE.to_owned(),
        };
        for url in document.descendants().filter(|n| n.has_tag_name("url")) {
            urls += 1;
            let loc = url
                .children()
                .find(|n| n.has_tag_name("loc"))
                .and_then(|n| n.text())
                .unwrap();
            assert!(loc.starts_with(&folder), "{loc} in {relative}");
            let links = url.children().filter(|n| n.has_tag_name("link")).count();
            assert_eq!(links, LOCALES.len() + 1, "{:?}", url.range());
        }
    }
    assert_eq!(urls, 1 + LOCALES.len() * 2);
    let ar = std::fs::read_to_string(site.join("ar/sitemap.xml")).unwrap();
    assert!(ar.contains(&format!(
        "<loc>{BASE}ar/{NAME}.html</loc>\n    <lastmod>2025-09-15</lastmod>"
    )));
    // The schemas are not rubber stamps: a relative alternate fails, and so does an
    // index whose date is not one, or a sitemap where the index should be.
    let broken = sandbox.path().join("broken.xml");
    let es = std::fs::read_to_string(site.join("es/sitemap.xml")).unwrap();
    std::fs::write(
        &broken,
        es.replacen(&format!("href=\"{BASE}es/\""), "href=\"/es/\"", 1),
    )
    .unwrap();
    assert!(
        !validate("sitemap-with-alternates.xsd", &broken)
            .status
            .success()
    );
    std::fs::write(
        &broken,
        index.replacen(
            "<lastmod>2025-09-15</lastmod>",
            "<lastmod>last week</lastmod>",
            1,
        ),
    )
    .unwrap();
    assert!(!validate("siteindex.xsd", &broken).status.success());
    assert!(
        !validate("siteindex.xsd", &site.join("es/sitemap.xml"))
            .status
            .success()
    );
}

#[test]
fn json_ld_parses_names_the_language_and_links_the_translations() {
    let sandbox = Sandbox::repo();
    medically_reviewed(&sandbox);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    for locale in LOCALES {
        let page = sandbox.read(&format!("site/{locale}/{NAME}.html"));
        let ld = json_ld(&page);
        let url = format!("{BASE}{locale}/{NAME}.html");
        assert_eq!(ld["@type"], "MedicalWebPage");
        assert_eq!(ld["inLanguage"], locale);
        assert_eq!(ld["url"], url.as_str());
        assert_eq!(ld["datePublished"], "2025-09-15");
        assert_eq!(ld["lastReviewed"], "2026-02-02");
        assert_eq!(ld["reviewedBy"]["@type"], "Person");
        assert_eq!(ld["reviewedBy"]["name"], "Dr. A. Example, MD");
        assert!(page.contains(&format!("<link rel=\"canonical\" href=\"{url}\">")));
        assert!(page.contains(&format!("<meta property=\"og:url\" content=\"{url}\">")));
        if locale == "en" {
            assert_eq!(
                ld["workTranslation"].as_array().unwrap().len(),
                LOCALES.len() - 1
            );
        } else {
            assert_eq!(
                ld["translationOfWork"]["@id"],
                format!("{BASE}en/{NAME}.html")
            );
        }
    }
}

#[test]
fn a_hostile_author_cannot_leave_the_json_ld_script() {
    let sandbox = Sandbox::repo();
    let hostile = "</script><script>alert(1)</script><!-- & -->";
    sandbox.edit(
        &format!("source/{NAME}.md"),
        "author = \"Health Content Team\"",
        &format!("author = {hostile:?}"),
    );
    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    for locale in ["en", "es"] {
        let page = sandbox.read(&format!("site/{locale}/{NAME}.html"));
        let ld = json_ld(&page);
        assert_eq!(ld["author"]["name"], hostile, "{locale}");
        assert!(!page.contains("<script>alert"), "{locale}");
    }
}

#[test]
fn any_render_writes_the_whole_workspaces_indexes_and_the_same_bytes_twice() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "whole"]);
    let whole = site_files(&sandbox.path().join("whole"));
    sandbox.run_ok(&["render", "--all", "--out", "whole"]);
    assert_eq!(
        site_files(&sandbox.path().join("whole")),
        whole,
        "same bytes twice"
    );
    // One article in one locale, into a fresh folder: its page, and every index, 404 and
    // the sitemap as the whole render wrote them.
    sandbox.run_ok(&["render", NAME, "--locale", "es", "--out", "part"]);
    let part = site_files(&sandbox.path().join("part"));
    assert_eq!(around_pages(&part), around_pages(&whole));
    assert_eq!(
        part[&format!("es/{NAME}.html")],
        whole[&format!("es/{NAME}.html")]
    );
    assert!(!part.contains_key(&format!("fr/{NAME}.html")));
    // Each shard writes the same site files too.
    for shard in ["1/2", "2/2"] {
        let out = format!("shard{}", &shard[..1]);
        sandbox.run_ok(&["render", "--shard", shard, "--out", &out]);
        assert_eq!(
            around_pages(&site_files(&sandbox.path().join(&out))),
            around_pages(&whole)
        );
    }
}

/// The site file a page's `href` names: under [`BASE`], or relative to the page's folder.
fn linked_file(page: &str, href: &str) -> String {
    if let Some(path) = href.strip_prefix(BASE) {
        return path.to_owned();
    }
    let mut folder: Vec<&str> = page.split('/').collect();
    folder.pop();
    for segment in href.split('/') {
        match segment {
            ".." => assert!(folder.pop().is_some(), "{page}: {href} leaves the site"),
            segment => folder.push(segment),
        }
    }
    folder.join("/")
}

#[test]
fn every_page_links_the_one_stylesheet_with_or_without_a_base_url() {
    let sandbox = Sandbox::repo();
    for round in ["base URL", "no base URL"] {
        sandbox.run_ok(&["render", "--all", "--out", "site"]);
        let files = site_files(&sandbox.path().join("site"));
        assert_eq!(files["style.css"], folio_render::STYLESHEET, "{round}");
        let pages: Vec<&String> = files.keys().filter(|n| n.ends_with(".html")).collect();
        assert!(pages.len() > 20, "{round}: {pages:?}");
        for page in pages {
            let document = scraper::Html::parse_document(&files[page]);
            let link = scraper::Selector::parse("link[rel=stylesheet]").unwrap();
            let hrefs: Vec<&str> = document
                .select(&link)
                .filter_map(|l| l.attr("href"))
                .collect();
            assert_eq!(hrefs.len(), 1, "{round}: {page}: {hrefs:?}");
            // Relative from a page at its own address (styled opened from disk too); a
            // 404 page is served at any address, so it links absolutely under a base URL.
            let absolute = hrefs[0].starts_with(BASE);
            assert_eq!(
                absolute,
                round == "base URL" && page.ends_with("404.html"),
                "{round}: {page}: {}",
                hrefs[0]
            );
            assert_eq!(linked_file(page, hrefs[0]), "style.css", "{round}: {page}");
            let style = scraper::Selector::parse("style").unwrap();
            assert_eq!(document.select(&style).count(), 0, "{round}: {page}");
        }
        if round == "base URL" {
            sandbox.edit("folio.toml", &format!("base-url = \"{BASE}\""), "");
        }
    }
}

#[test]
fn without_a_base_url_links_are_relative_and_the_sitemap_is_withdrawn() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(sandbox.path().join("site/sitemap.xml").exists());
    assert!(sandbox.path().join("site/fr/sitemap.xml").exists());
    sandbox.edit("folio.toml", &format!("base-url = \"{BASE}\""), "");
    // A partial render: the sitemap is the whole workspace's, so it goes too.
    let run = sandbox.run_ok(&["render", "--locale", "es", "--out", "site"]);
    assert!(
        run.stdout.contains("withdrawn:") && run.stdout.contains("sitemap.xml"),
        "{}",
        run.stdout
    );
    for name in [
        "sitemap.xml",
        "sitemap-root.xml",
        "es/sitemap.xml",
        "robots.txt",
    ] {
        assert!(!sandbox.path().join("site").join(name).exists(), "{name}");
    }
    assert!(
        run.stdout.contains("no `[render] base-url`"),
        "{}",
        run.stdout
    );
    let page = sandbox.read(&format!("site/es/{NAME}.html"));
    assert!(page.contains(&format!(
        "<link rel=\"alternate\" hreflang=\"ar\" href=\"../ar/{NAME}.html\">"
    )));
    assert!(!page.contains("rel=\"canonical\"") && !page.contains("og:url"));
    let index = sandbox.read("site/index.html");
    assert!(
        index.contains("<a href=\"es/index.html\" hreflang=\"es\""),
        "{index}"
    );
}

#[test]
fn a_sitemap_no_longer_made_is_withdrawn_by_a_partial_render_too() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(sandbox.read("site/sitemap.xml").contains("/fr/sitemap.xml"));
    // French is refused for its disclaimer: it is no longer in the site's sitemaps,
    // even when the render names only Spanish.
    sandbox.drop_message("locales/fr/disclaimer.ftl", "disclaimer-heading");
    let run = sandbox.run(&["render", "--locale", "es", "--out", "site"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.contains("withdrawn: site/fr/sitemap.xml"),
        "{}",
        run.stdout
    );
    assert!(!sandbox.path().join("site/fr/sitemap.xml").exists());
    let index = sandbox.read("site/sitemap.xml");
    assert!(!index.contains("/fr/"), "{index}");
    assert!(index.contains("/es/sitemap.xml"), "{index}");
    assert!(!sandbox.read("site/es/sitemap.xml").contains("/fr/"));
}

#[test]
fn a_base_url_that_is_not_an_http_folder_is_an_error_at_its_line() {
    let sandbox = Sandbox::repo();
    for bad in ["health.example.org", "https://health.example.org/?lang=en"] {
        sandbox.edit(
            "folio.toml",
            &format!("base-url = \"{BASE}\""),
            &format!("base-url = \"{bad}\""),
        );
        let run = sandbox.run(&["render", "--all", "--out", "site"]);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(
            run.stderr.contains("folio.toml") && run.stderr.contains(bad),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("line"), "{}", run.stderr);
        sandbox.edit(
            "folio.toml",
            &format!("base-url = \"{bad}\""),
            &format!("base-url = \"{BASE}\""),
        );
    }
}

#[test]
fn the_publishers_own_files_are_left_as_they_are() {
    let sandbox = Sandbox::repo();
    sandbox.write("site/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    let run = sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert_eq!(
        sandbox.read("site/robots.txt"),
        "User-agent: *\nDisallow: /drafts/\n"
    );
    assert!(
        run.stderr.contains("robots.txt is not Folio's"),
        "{}",
        run.stderr
    );
    assert!(sandbox.path().join("site/sitemap.xml").exists());
}

#[test]
fn dry_run_writes_nothing_and_the_json_report_says_what_would_be_done() {
    let sandbox = Sandbox::repo();
    // A refused locale: its disclaimer heading removed.
    let fr = sandbox.read("locales/fr/disclaimer.ftl");
    sandbox.drop_message("locales/fr/disclaimer.ftl", "disclaimer-heading");
    let run = sandbox.run(&[
        "render",
        "--all",
        "--out",
        "site",
        "--dry-run",
        "--report",
        "json",
    ]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        !sandbox.path().join("site").exists(),
        "a dry run writes nothing"
    );
    let report: Value = serde_json::from_str(&run.stdout).expect("one JSON document");
    assert_eq!(report["version"], 1);
    assert_eq!(report["dry_run"], true);
    assert_eq!(report["base_url"], BASE);
    let pages = report["pages"].as_array().unwrap();
    assert_eq!(pages.len(), LOCALES.len() - 1);
    assert!(pages.iter().all(|p| p["locale"] != "fr"));
    assert_eq!(pages[0]["url"], format!("{BASE}ar/{NAME}.html"));
    assert_eq!(report["refused"][0]["locale"], "fr");
    assert_eq!(report["refused"][0]["units"][0]["id"], "disclaimer-heading");
    let written = report["site_files"].as_array().unwrap();
    for name in ["sitemap.xml", "sitemap-root.xml", "es/sitemap.xml"] {
        assert!(written.iter().any(|f| f == name), "{name}: {written:?}");
    }
    assert!(
        written
            .iter()
            .all(|f| !f.as_str().unwrap().starts_with("fr/"))
    );
    // After a real render, a dry run names what it would withdraw.
    sandbox.write("locales/fr/disclaimer.ftl", &fr);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    std::fs::remove_file(
        sandbox
            .path()
            .join(format!("locales/en/{NAME}.layout.json")),
    )
    .unwrap();
    std::fs::remove_file(sandbox.path().join(format!("locales/en/{NAME}.ftl"))).unwrap();
    let before = site_files(&sandbox.path().join("site"));
    let run = sandbox.run_ok(&["render", "--all", "--out", "site", "--dry-run"]);
    assert!(
        run.stdout
            .contains(&format!("would be withdrawn: site/es/{NAME}.html")),
        "{}",
        run.stdout
    );
    assert_eq!(
        site_files(&sandbox.path().join("site")),
        before,
        "still nothing written"
    );
}

#[test]
fn interface_strings_are_tracked_synced_from_folios_translation_and_overridden() {
    let sandbox = Sandbox::repo();
    medically_reviewed(&sandbox);
    sandbox.edit(
        "folio.toml",
        "[render]",
        "[extract]\ninterface = true\n\n[render]",
    );
    sandbox.run_ok(&["extract"]);
    assert!(
        sandbox
            .read("locales/en/interface.ftl")
            .contains("last-reviewed = Last reviewed")
    );
    let run = sandbox.run_ok(&["sync"]);
    assert!(
        run.stdout.contains("es: interface: 15 unit(s) filled"),
        "{}",
        run.stdout
    );
    assert!(
        sandbox
            .read("locales/es/interface.ftl")
            .contains("last-reviewed = Última revisión")
    );
    let check = sandbox.run(&["check", "--document", "interface"]);
    assert_eq!(check.code, 0, "{check:?}");
    let page = |sandbox: &Sandbox| {
        sandbox.run_ok(&["render", "--all", "--out", "site"]);
        sandbox.read(&format!("site/es/{NAME}.html"))
    };
    assert!(page(&sandbox).contains("<dt>Última revisión</dt>"));
    // The translator's own wording replaces Folio's (a revision while the English stands
    // is current); a broken one falls back to Folio's.
    let file = "locales/es/interface.ftl";
    sandbox.edit(
        file,
        "last-reviewed = Última revisión",
        "last-reviewed = Revisado el",
    );
    assert!(
        page(&sandbox).contains("<dt>Revisado el</dt>"),
        "the translator's"
    );
    sandbox.edit(
        file,
        "last-reviewed = Revisado el",
        "last-reviewed = Revisado { $x",
    );
    assert!(
        page(&sandbox).contains("<dt>Última revisión</dt>"),
        "Folio's again"
    );
    // A locale Folio has no translation for starts with the English to translate.
    sandbox.run_ok(&["new-locale", "it"]);
    assert!(
        sandbox
            .read("locales/it/interface.ftl")
            .contains("# last-reviewed = Last reviewed")
    );
    // An article may not take the reserved name.
    sandbox.write("source/interface.md", "# Interface\n\nText.\n");
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("source/interface.md") && run.stderr.contains("rename"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_detail_that_is_not_a_date_is_an_error_naming_the_source() {
    let sandbox = Sandbox::repo();
    sandbox.edit(
        &format!("source/{NAME}.md"),
        "author = ",
        "reviewed = \"last May\"\nauthor = ",
    );
    sandbox.run_ok(&["extract"]);
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains(&format!("source/{NAME}.md"))
            && run.stderr.contains("`reviewed`")
            && run.stderr.contains("YYYY-MM-DD"),
        "{}",
        run.stderr
    );
    assert!(!sandbox.path().join("site").exists(), "nothing published");
}
