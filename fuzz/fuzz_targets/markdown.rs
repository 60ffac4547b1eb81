//! Fuzz target `markdown`: any text as the translation of every unit of the seed article
//! whose English has the same link targets (the units `folio render` would use), through
//! `render_markdown`, the output read back by a CommonMark parser with the extensions
//! static-site generators turn on.
//!
//! Asserted, beyond "no panic":
//! - no block element the English page does not have: per kind of block (heading with
//!   its id and attributes, paragraph, list, item, table part, quote, code block, HTML
//!   block, front matter, rule, footnote…), no more than the English page's count;
//! - no inline HTML, footnote reference or task marker the English page lacks;
//! - no link or image target the English page does not have;
//! - no static-site template syntax (`{{`, `{%`) in the body unless the English page has
//!   it (front matter strings are JSON-quoted data no generator expands).
#![no_main]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use folio_check::same_link_targets;
use folio_fuzz::page::{seed_page, text_for};
use folio_render::{MarkdownStyle, render_markdown};
use libfuzzer_sys::fuzz_target;
use pulldown_cmark::{Event, Options, Parser, Tag};

/// What the output says, as far as safety goes.
struct Reading {
    /// Block (and non-text inline) constructs by kind, with their count.
    constructs: BTreeMap<String, usize>,
    /// Link and image targets.
    targets: BTreeSet<String>,
    /// Whether template syntax appears anywhere.
    template_syntax: bool,
}

fn read(markdown: &str) -> Reading {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM;
    let mut constructs = BTreeMap::new();
    let mut targets = BTreeSet::new();
    for event in Parser::new_ext(markdown, options) {
        let kind = match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                targets.insert(dest_url.to_string());
                continue;
            }
            Event::Start(
                Tag::Paragraph
                | Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript,
            ) => continue,
            Event::Start(Tag::Heading {
                level,
                id,
                classes,
                attrs,
            }) => format!("heading {level:?} {id:?} {classes:?} {attrs:?}"),
            Event::Start(tag) => format!("{tag:?}"),
            Event::Html(_) => "html".to_owned(),
            Event::InlineHtml(_) => "inline html".to_owned(),
            Event::FootnoteReference(_) => "footnote reference".to_owned(),
            Event::TaskListMarker(_) => "task marker".to_owned(),
            Event::Rule => "rule".to_owned(),
            Event::InlineMath(_) | Event::DisplayMath(_) => "math".to_owned(),
            _ => continue,
        };
        *constructs.entry(kind).or_insert(0) += 1;
    }
    // Generators do not expand templates in front matter (its strings are JSON-quoted
    // data), so only the body counts.
    let body = markdown
        .strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(markdown, |(_, body)| body);
    Reading {
        constructs,
        targets,
        template_syntax: body.contains("{{") || body.contains("{%"),
    }
}

fn english() -> &'static Reading {
    static ENGLISH: OnceLock<Reading> = OnceLock::new();
    ENGLISH.get_or_init(|| {
        read(&render_markdown(
            &seed_page(&|id, english| text_for(id, english, english)),
            MarkdownStyle::Hugo,
        ))
    })
}

fuzz_target!(|data: &[u8]| {
    if let Ok(translation) = std::str::from_utf8(data) {
        run(translation);
    }
});

fn run(translation: &str) {
    let page = seed_page(&|id, english| {
        let usable = same_link_targets(english, translation);
        text_for(id, english, if usable { translation } else { english })
    });
    let output = render_markdown(&page, MarkdownStyle::Hugo);
    let found = read(&output);
    let english = english();
    for (kind, count) in &found.constructs {
        let allowed = english.constructs.get(kind).copied().unwrap_or(0);
        assert!(
            *count <= allowed,
            "{count} × {kind} where the English page has {allowed}\n--- output:\n{output}"
        );
    }
    if let Some(target) = found.targets.difference(&english.targets).next() {
        panic!("link target {target:?} not in the English page\n--- output:\n{output}");
    }
    assert!(
        !found.template_syntax || english.template_syntax,
        "template syntax in the output\n--- output:\n{output}"
    );
}
