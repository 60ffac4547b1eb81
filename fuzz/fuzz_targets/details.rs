//! Fuzz target `details`: any text as an article's front-matter details (`date`,
//! `updated`, `reviewed`, `author`, `reviewer`) and as `[render] base-url`, through
//! `ArticleDetails::from_front_matter`, `CalendarDate`, `script_safe_json`,
//! `parse_base_url` and the links `SiteUrls` makes under it.
//!
//! Asserted, beyond "no panic":
//! - a date is accepted exactly when it is a real `YYYY-MM-DD` day, alone or starting a
//!   timestamp: its ISO form starts the trimmed text and reads back as the same day,
//!   and its long form in any language tag (the input's too) is not empty;
//! - the details of the text as every key are read only when the date is, and the names
//!   are the text trimmed; front matter that is the input as JSON is read or refused
//!   with the key it names, and what is read holds only real days and non-empty names;
//! - `script_safe_json` of the text has no `<`, `>` or `&` and parses back to it;
//! - an accepted base URL is http(s) with a host, no query, fragment or credentials,
//!   and a path ending in `/`, and is a fixed point of `parse_base_url`; every link
//!   made under it is inside it, on its host, without query or fragment;
//! - without a base, a relative link from any page to another (named by the input as a
//!   document can be) resolves from the first page's address to the second's segments.
#![no_main]

use folio_render::{
    ArticleDetails, CalendarDate, DETAIL_KEYS, SitePath, SiteUrls, script_safe_json,
};
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        dates(text);
        details(text);
        json(text);
        base_url(text);
        relative_links(text);
    }
});

fn dates(text: &str) {
    let Some(day) = CalendarDate::parse(text) else {
        return;
    };
    let iso = day.iso();
    assert!(
        iso.len() == 10 && text.trim().starts_with(&iso),
        "{iso} read from {text:?}"
    );
    assert_eq!(
        CalendarDate::parse(&iso),
        Some(day),
        "{iso} does not read back"
    );
    for language in ["en", "ar", "zh-Hans", text] {
        assert!(!day.long(language).is_empty(), "{iso} in {language:?}");
    }
}

fn details(text: &str) {
    let mut front = Map::new();
    for key in DETAIL_KEYS {
        front.insert((*key).to_owned(), json!(text));
    }
    let read = ArticleDetails::from_front_matter(Some(&front));
    let date = CalendarDate::parse(text);
    let named = !text.trim().is_empty();
    match read {
        Ok(details) => {
            assert!(date.is_some() && named, "details read from {text:?}");
            assert_eq!(details.published, date);
            assert_eq!(details.last_changed(), date);
            assert_eq!(details.authors, [text.trim()]);
            assert_eq!(details.reviewers, [text.trim()]);
        }
        Err(error) => {
            let first_bad = if date.is_none() { "date" } else { "author" };
            assert!(!named || date.is_none(), "{text:?} refused: {error}");
            assert_eq!(error.key, first_bad, "{error}");
        }
    }
    // Front matter as the layout keeps it: any JSON object.
    if let Ok(front) = serde_json::from_str::<Map<String, Value>>(text) {
        match ArticleDetails::from_front_matter(Some(&front)) {
            Ok(details) => {
                for name in details.authors.iter().chain(&details.reviewers) {
                    assert!(!name.is_empty() && name.trim() == name, "name {name:?}");
                }
                for (key, day) in [
                    ("date", details.published),
                    ("updated", details.updated),
                    ("reviewed", details.reviewed),
                ] {
                    let given = front.get(key).and_then(Value::as_str);
                    assert_eq!(day, given.and_then(CalendarDate::parse), "`{key}`");
                }
            }
            Err(error) => assert!(
                DETAIL_KEYS.contains(&error.key.as_str()) && front.contains_key(&error.key),
                "refused for `{}`",
                error.key
            ),
        }
    }
}

fn json(text: &str) {
    let value = json!({ "name": text, "list": [text] });
    let safe = script_safe_json(&value);
    assert!(
        !safe.contains(['<', '>', '&']),
        "script_safe_json left markup in {safe}"
    );
    assert_eq!(
        serde_json::from_str::<Value>(&safe).expect("script_safe_json is JSON"),
        value
    );
}

/// Pages of a site, as `SitePath`s and their segments, two of them named by `text`
/// as a document name can be: anything but `/` and NUL — and but a tab, line feed or
/// carriage return, which the WHATWG URL parser drops from a link (a known gap: a
/// document so named gets links that miss its page; see README.md).
fn pages(text: &str) -> Vec<(SitePath, Vec<String>)> {
    let name = text.replace(['/', '\0', '\t', '\n', '\r'], "");
    let (first, second) = name.split_at(name.floor_char_boundary(name.len() / 2));
    let segments = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
    vec![
        (SitePath::root(), segments(&["index.html"])),
        (SitePath::file("sitemap.xml"), segments(&["sitemap.xml"])),
        (
            SitePath::locale_index("es"),
            segments(&["es", "index.html"]),
        ),
        (
            SitePath::article("es", first, "html"),
            segments(&["es", &format!("{first}.html")]),
        ),
        (
            SitePath::article("zh-Hans", second, "md"),
            segments(&["zh-Hans", &format!("{second}.md")]),
        ),
    ]
}

fn base_url(text: &str) {
    let Ok(base) = folio_workspace::parse_base_url(text) else {
        return;
    };
    assert!(matches!(base.scheme(), "http" | "https"), "{base}");
    assert!(base.host_str().is_some_and(|h| !h.is_empty()), "{base}");
    assert!(
        base.query().is_none() && base.fragment().is_none(),
        "{base}"
    );
    assert!(
        base.username().is_empty() && base.password().is_none(),
        "{base}"
    );
    assert!(base.path().ends_with('/'), "{base}");
    assert_eq!(
        folio_workspace::parse_base_url(base.as_str()).as_ref(),
        Ok(&base),
        "not a fixed point"
    );
    let urls = SiteUrls::new(Some(base.clone()));
    for (page, _) in pages(text) {
        let href = urls.href(&SitePath::root(), &page);
        assert_eq!(urls.absolute(&page).as_ref(), Some(&href));
        assert!(href.starts_with(base.as_str()), "{href} outside {base}");
        let url = url::Url::parse(&href).unwrap_or_else(|e| panic!("{href}: {e}"));
        assert_eq!(url.host_str(), base.host_str(), "{href}");
        assert!(url.query().is_none() && url.fragment().is_none(), "{href}");
    }
}

/// Without a base URL, a link from any page to any other resolves, from the first
/// page's address, to the second's: its segments under the site folder.
fn relative_links(text: &str) {
    let urls = SiteUrls::new(None);
    let site = url::Url::parse("https://example.org/site/").expect("a constant URL");
    let pages = pages(text);
    for (from, from_segments) in &pages {
        let mut here = site.clone();
        here.path_segments_mut()
            .expect("an https URL has a path")
            .pop_if_empty()
            .extend(from_segments);
        for (to, to_segments) in &pages {
            let href = urls.href(from, to);
            let there = here
                .join(&href)
                .unwrap_or_else(|e| panic!("{href:?} from {from:?}: {e}"));
            let segments: Vec<String> = there
                .path_segments()
                .expect("an https URL has a path")
                .map(percent_decode)
                .collect();
            let mut expected = vec!["site".to_owned()];
            expected.extend(to_segments.iter().cloned());
            assert_eq!(segments, expected, "{href:?} from {from:?} to {to:?}");
            assert!(
                there.query().is_none() && there.fragment().is_none(),
                "{href:?}"
            );
        }
    }
}

/// A URL path segment with its `%XX` escapes decoded.
fn percent_decode(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                i += 3;
            }
            (byte, _) => {
                decoded.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&decoded).into_owned()
}
