//! Fuzz target `inline`: any text as the translation of every unit of the seed article,
//! through the renderer's inline HTML and the whole page with the built-in template.
//!
//! Asserted, beyond "no panic":
//! - one unit's inline HTML scans as well-formed tags only (no `<` from the translation
//!   left unescaped), and its tags are only those inline Markdown makes: `a` (with
//!   `href` and `title` only), `strong`, `em`, `code`, `del`, `br`;
//! - in the fragment and in the page: no `on…` attribute, no URL attribute whose scheme
//!   is not http, https or mailto (schemes read as a browser does, after character
//!   references, tabs and newlines), no attribute that reads as a `javascript:`,
//!   `vbscript:` or `data:` URL;
//! - the page renders, and its structure (every tag but the inline ones above, in order)
//!   is that of the same page with the English texts, but for elements left out (an
//!   empty description has no `<meta>`); every attribute is one that page has on that
//!   tag, or an inline tag's;
//! - no bidi embedding, override or isolate control survives into the page;
//! - a translation `folio render` would use (`same_link_targets` with an English unit)
//!   links to no target that English unit lacks.
#![no_main]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use folio_check::same_link_targets;
use folio_fuzz::html::{HtmlTag, check_attributes, scan};
use folio_fuzz::page::{seed_page, text_for};
use folio_fuzz::seed;
use folio_policy::shows_text;
use folio_render::{RenderError, inline_html, inline_html_with, render_html};
use libfuzzer_sys::fuzz_target;

/// Tags inline Markdown renders to, with the attributes each may carry.
const INLINE: &[(&str, &[&str])] = &[
    ("a", &["href", "title"]),
    ("strong", &[]),
    ("em", &[]),
    ("code", &[]),
    ("del", &[]),
    ("br", &[]),
];

/// The English page's structure and its (tag, attribute) pairs.
struct Baseline {
    structure: Vec<(String, bool)>,
    attributes: BTreeSet<(String, String)>,
}

fn baseline() -> &'static Baseline {
    static BASELINE: OnceLock<Baseline> = OnceLock::new();
    BASELINE.get_or_init(|| {
        let page = seed_page(&|id, english| text_for(id, english, english));
        let html = render_html(&page, None).expect("the English page renders");
        let tags = scan(&html).expect("the English page is well-formed");
        let mut attributes: BTreeSet<(String, String)> = pairs(&tags);
        for (name, allowed) in INLINE {
            attributes.extend(allowed.iter().map(|a| (name.to_string(), a.to_string())));
        }
        Baseline {
            structure: structure(&tags),
            attributes,
        }
    })
}

fn is_inline(tag: &HtmlTag) -> bool {
    INLINE.iter().any(|(name, _)| *name == tag.name)
}

fn structure(tags: &[HtmlTag]) -> Vec<(String, bool)> {
    tags.iter()
        .filter(|t| !is_inline(t))
        .map(|t| (t.name.clone(), t.closing))
        .collect()
}

fn pairs(tags: &[HtmlTag]) -> BTreeSet<(String, String)> {
    tags.iter()
        .flat_map(|t| {
            t.attributes
                .iter()
                .map(|(a, _)| (t.name.clone(), a.clone()))
        })
        .collect()
}

fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The link targets of each English unit, by its text.
fn english_links() -> &'static Vec<(String, BTreeSet<String>)> {
    static LINKS: OnceLock<Vec<(String, BTreeSet<String>)>> = OnceLock::new();
    LINKS.get_or_init(|| {
        let mut texts = seed::english_texts(seed::ARTICLE_FTL);
        texts.extend(seed::english_texts(seed::DISCLAIMER_FTL));
        texts
            .into_values()
            .map(|english| {
                let tags = scan(&inline_html(&english)).expect("the English is well-formed");
                let links = hrefs(&tags);
                (english, links)
            })
            .collect()
    })
}

fn hrefs(tags: &[HtmlTag]) -> BTreeSet<String> {
    tags.iter()
        .flat_map(|t| &t.attributes)
        .filter(|(name, _)| name == "href")
        .map(|(_, value)| value.clone())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    if let Ok(translation) = std::str::from_utf8(data) {
        run(translation);
    }
});

fn run(translation: &str) {
    let fragment = inline_html(translation);
    let tags = scan(&fragment).unwrap_or_else(|e| panic!("{e}\nin {fragment:?}"));
    for tag in &tags {
        let allowed = INLINE
            .iter()
            .find(|(name, _)| *name == tag.name)
            .unwrap_or_else(|| panic!("<{}> in inline HTML {fragment:?}", tag.name));
        for (attribute, _) in &tag.attributes {
            assert!(
                allowed.1.contains(&attribute.as_str()),
                "`{attribute}` on <{}> in {fragment:?}",
                tag.name
            );
        }
    }
    if let Err(e) = check_attributes(&tags) {
        panic!("{e}\nin {fragment:?}");
    }
    // `folio render` uses a translation only if `same_link_targets` finds the English's
    // links in it, and renders it with the English unit as its reference; the page must
    // then link nowhere else (bidi controls included: the checks read a translation as
    // the page shows it, and the renderer holds links to the English's).
    for (english, links) in english_links() {
        if same_link_targets(english, translation) {
            let page = inline_html_with(translation, Some(english), None);
            let found = hrefs(&scan(&page).unwrap_or_else(|e| panic!("{e}\nin {page:?}")));
            assert!(
                found.is_subset(links),
                "links {found:?} where the English {english:?} has {links:?}"
            );
        }
    }

    let page = seed_page(&|id, english| text_for(id, english, translation));
    // The disclaimer is this text too: one that shows nothing is refused (the policy
    // never lets such a unit through), and nothing else may fail.
    let html = match render_html(&page, None) {
        Ok(html) => html,
        Err(RenderError::NoDisclaimer) => {
            assert!(
                !shows_text(translation),
                "a disclaimer with text refused as empty"
            );
            return;
        }
        Err(e) => panic!("page does not render: {e}"),
    };
    let tags = scan(&html).unwrap_or_else(|e| panic!("{e}\nin the page"));
    if let Err(e) = check_attributes(&tags) {
        panic!("{e}\nin the page");
    }
    let baseline = baseline();
    let found = structure(&tags);
    let mut english = baseline.structure.iter();
    if let Some(extra) = found.iter().find(|tag| !english.any(|t| t == *tag)) {
        panic!(
            "<{}{}> where the English page has none: the structure differs",
            if extra.1 { "/" } else { "" },
            extra.0
        );
    }
    if let Some(extra) = pairs(&tags).difference(&baseline.attributes).next() {
        panic!(
            "attribute `{}` on <{}> the English page does not have",
            extra.1, extra.0
        );
    }
    if let Some(c) = html.chars().find(|c| is_bidi_control(*c)) {
        panic!("bidi control U+{:04X} in the page", u32::from(c));
    }
}
