//! Page → Markdown with YAML front matter, for Hugo, Zola (YAML mode) and Jekyll.

use crate::inline::{
    LinkNote, MarkdownPlace, escape_markdown_text, inline_html_with, inline_markdown_with,
    plain_text, yaml_string,
};
use crate::interface::ids;
use crate::page::{BlockContent, FrontMatterValue, HtmlContent, Page};

/// `text` with every line but the first indented by `indent` (blank lines left blank),
/// for the content of a list item or footnote.
fn indented(text: &str, indent: &str) -> String {
    let mut out = String::new();
    for (i, line) in text.lines().enumerate() {
        if i > 0 && !line.is_empty() {
            out.push_str(indent);
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

/// Which static-site generator's conventions a Markdown page follows: where Folio's own
/// front matter keys go (the page's path is the caller's: Hugo reads `<lang>/<article>.md`
/// in a content folder per language, Zola `<article>.<lang>.md` beside `<article>.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MarkdownStyle {
    /// Hugo, Jekyll and most others: every key at the top of the front matter, where
    /// templates read it (`.Params.lang`, `page.lang`).
    #[default]
    Hugo,
    /// Zola: its own page keys (`title`, `description`, `date`, `updated`, `slug`…) at
    /// the top, everything else under `extra`, the one table Zola passes on to
    /// templates (it drops other unknown keys).
    Zola,
}

/// The page keys Zola reads itself; a source key of these names stays at the top of
/// the front matter in [`MarkdownStyle::Zola`], any other goes under `extra`.
const ZOLA_KEYS: &[&str] = &[
    "title",
    "description",
    "date",
    "updated",
    "draft",
    "render",
    "slug",
    "path",
    "taxonomies",
    "weight",
    "authors",
    "aliases",
    "template",
    "in_search_index",
];

/// Renders `page` as Markdown in `style`: front matter with `title`, `description`,
/// `slug` (the article's name, unless the source sets one, so every language's page has
/// the same last path segment), `lang`, `dir`, `translationKey` (the article, as Hugo
/// pairs translations), `alternates`, `x_default` and `fallbacks` (the ids of the units
/// shown from another locale), then the source's other keys; then the body, each
/// fallback block opening with the interface's "not yet translated" badge in brackets
/// and emphasis (HTML would be dropped by a site generator that does not allow raw
/// HTML, as Hugo by default); then the disclaimer, its first heading carrying the
/// `disclaimer` class (`{#disclaimer .disclaimer}`, heading attributes that Hugo, Zola
/// and pulldown-cmark read), or a thematic break before it when it opens with no
/// heading, so it stands apart from the article without any HTML. Strings in the front
/// matter are YAML-safe JSON strings (`yaml_string`), so no translation can break out of
/// them or break the YAML.
pub fn render_markdown(page: &Page, style: MarkdownStyle) -> String {
    let quote = yaml_string;
    // Each entry: its key and its YAML text after `key:` (` value`, or lines of a list).
    let mut entries: Vec<(&str, String)> = Vec::new();
    entries.push((
        "title",
        format!(" {}", quote(&plain_text(&page.title.markdown))),
    ));
    if let Some(description) = &page.description {
        entries.push((
            "description",
            format!(" {}", quote(&plain_text(&description.markdown))),
        ));
    }
    if !page.front_matter.iter().any(|(key, _)| key == "slug") {
        entries.push(("slug", format!(" {}", quote(&page.article))));
    }
    entries.push(("lang", format!(" {}", quote(&page.lang))));
    entries.push(("dir", format!(" {}", quote(page.dir.as_str()))));
    entries.push(("translationKey", format!(" {}", quote(&page.article))));
    let mut alternates = String::new();
    for alternate in &page.alternates {
        alternates.push_str(&format!(
            "\n  - lang: {}\n    href: {}",
            quote(&alternate.lang),
            quote(&alternate.href)
        ));
    }
    if alternates.is_empty() {
        alternates.push_str(" []");
    }
    entries.push(("alternates", alternates));
    entries.push(("x_default", format!(" {}", quote(&page.x_default))));
    let fallbacks: Vec<String> = page.fallbacks.iter().map(|id| quote(id)).collect();
    entries.push(("fallbacks", format!(" [{}]", fallbacks.join(", "))));
    // The source's own `extra` table, in Zola's style, merges into Folio's.
    let mut source_extra: Vec<(&str, String)> = Vec::new();
    for (key, value) in &page.front_matter {
        match (key.as_str(), value, style) {
            (
                "extra",
                FrontMatterValue::Kept(serde_json::Value::Object(map)),
                MarkdownStyle::Zola,
            ) => {
                source_extra.extend(map.iter().map(|(k, v)| (k.as_str(), format!(" {v}"))));
            }
            (key, _, _) if is_reserved(key) => {}
            (key, _, _) if key == "extra" && style == MarkdownStyle::Zola => {}
            (key, value, _) => {
                // JSON is YAML's flow style: the source's values go out as they were parsed.
                let value = match value {
                    FrontMatterValue::Kept(value) => value.to_string(),
                    FrontMatterValue::Text(text) => quote(&plain_text(&text.markdown)),
                };
                entries.push((key, format!(" {value}")));
            }
        }
    }
    let mut top = String::new();
    let mut extra = String::new();
    let in_extra = |key: &str| style == MarkdownStyle::Zola && !ZOLA_KEYS.contains(&key);
    let entries = entries
        .iter()
        .map(|(key, value)| (in_extra(key), key, value))
        .chain(source_extra.iter().map(|(key, value)| (true, key, value)));
    for (in_extra, key, value) in entries {
        let entry = format!("{}:{value}\n", key_name(key));
        if in_extra {
            for line in entry.lines() {
                extra.push_str("  ");
                extra.push_str(line);
                extra.push('\n');
            }
        } else {
            top.push_str(&entry);
        }
    }
    let mut out = String::from("---\n");
    out.push_str(&top);
    if !extra.is_empty() {
        out.push_str("extra:\n");
        out.push_str(&extra);
    }
    out.push_str("---\n");
    let marks = Marks {
        badge: format!(
            "*\\[{}\\]* ",
            escape_markdown_text(page.interface_string(ids::FALLBACK_BADGE), &mut false)
        ),
        note: page.link_note(),
    };
    let mut body = String::new();
    blocks_markdown(&page.body, &marks, &mut body);
    out.push_str(&restore_footnote_references(body, &page.body));
    let mut disclaimer = String::new();
    blocks_markdown(&page.disclaimer, &marks, &mut disclaimer);
    match page.disclaimer.first() {
        // The heading is the disclaimer's first line: `## … {#anchor}`.
        Some(BlockContent::Heading { anchor, .. }) => {
            disclaimer = disclaimer.replacen(
                &format!(" {{#{anchor}}}\n"),
                &format!(" {{#{anchor} .disclaimer}}\n"),
                1,
            );
        }
        _ => out.push_str("\n***\n"),
    }
    out.push_str(&disclaimer);
    out
}

/// A front matter key as written: Folio's own bare, as site generators document them;
/// the source's quoted (`yaml_string`), as they were before.
fn key_name(key: &str) -> String {
    if OWN_KEYS.contains(&key) {
        key.to_owned()
    } else {
        yaml_string(key)
    }
}

/// The keys this renderer writes itself.
const OWN_KEYS: &[&str] = &[
    "title",
    "description",
    "slug",
    "lang",
    "dir",
    "translationKey",
    "alternates",
    "x_default",
    "fallbacks",
];

/// Whether the source's own front-matter key gives way to the renderer's: every key it
/// writes itself but `slug` (the source's when it has one).
fn is_reserved(key: &str) -> bool {
    key != "slug" && OWN_KEYS.contains(&key)
}

/// `\[^label\]`, as [`crate::inline_markdown`] escapes a footnote reference, written back as a
/// reference for the labels the page defines.
fn restore_footnote_references(mut body: String, blocks: &[BlockContent]) -> String {
    let mut labels = Vec::new();
    footnote_labels(blocks, &mut labels);
    for label in labels {
        body = body.replace(&format!("\\[^{label}\\]"), &format!("[^{label}]"));
    }
    body
}

fn footnote_labels(blocks: &[BlockContent], labels: &mut Vec<String>) {
    for block in blocks {
        match block {
            BlockContent::Footnote { label, blocks, .. } => {
                labels.push(label.clone());
                footnote_labels(blocks, labels);
            }
            BlockContent::Quote(blocks) | BlockContent::Wrapper { blocks, .. } => {
                footnote_labels(blocks, labels)
            }
            BlockContent::Items { items, .. } => {
                items.iter().for_each(|(_, b)| footnote_labels(b, labels))
            }
            _ => {}
        }
    }
}

/// What a page's Markdown adds to its units: the badge (Markdown) opening each fallback
/// text, and the note after links to English-only sites.
struct Marks<'p> {
    badge: String,
    note: Option<LinkNote<'p>>,
}

/// Writes `blocks` as Markdown, each fallback text opening with the badge of `marks`.
fn blocks_markdown(blocks: &[BlockContent], marks: &Marks<'_>, out: &mut String) {
    let unit = |text: &crate::page::Text, place: MarkdownPlace| {
        let written =
            inline_markdown_with(&text.markdown, place, text.reference.as_deref(), marks.note);
        if text.fallback.is_some() {
            format!("{}{written}", marks.badge)
        } else {
            written
        }
    };
    // Two lists in a row are one list to a Markdown reader unless their markers differ.
    let mut previous_marker: Option<&str> = None;
    for block in blocks {
        out.push('\n');
        let list = match block {
            BlockContent::List { start, .. } | BlockContent::Items { start, .. } => Some(start),
            _ => None,
        };
        let marker = list.map(|start| {
            let (usual, other) = match start {
                None => ("-", "*"),
                Some(_) => (".", ")"),
            };
            if previous_marker == Some(usual) {
                other
            } else {
                usual
            }
        });
        previous_marker = marker;
        let marker = marker.unwrap_or("-");
        match block {
            BlockContent::Heading {
                level,
                anchor,
                text,
            } => {
                let level = (*level).clamp(2, 6) as usize;
                out.push_str(&format!(
                    "{} {} {{#{anchor}}}\n",
                    "#".repeat(level),
                    unit(text, MarkdownPlace::Heading)
                ));
            }
            BlockContent::Paragraph(text) => {
                out.push_str(&format!("{}\n", unit(text, MarkdownPlace::Flow)))
            }
            BlockContent::List { start, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(n) => format!("{}{marker}", n + i as u64),
                        None => marker.to_owned(),
                    };
                    out.push_str(&format!("{marker} {}\n", unit(item, MarkdownPlace::Flow)));
                }
            }
            BlockContent::Items {
                start,
                loose,
                items,
            } => {
                for (i, (task, blocks)) in items.iter().enumerate() {
                    if *loose && i > 0 {
                        out.push('\n');
                    }
                    let marker = match start {
                        Some(n) => format!("{}{marker}", n + i as u64),
                        None => marker.to_owned(),
                    };
                    let task = match task {
                        Some(true) => "[x] ",
                        Some(false) => "[ ] ",
                        None => "",
                    };
                    let mut inner = String::new();
                    blocks_markdown(blocks, marks, &mut inner);
                    let inner = inner.trim_start_matches('\n');
                    let inner = if *loose {
                        inner.to_owned()
                    } else {
                        // A tight item: its blocks one after another, no blank lines.
                        inner.replace("\n\n", "\n")
                    };
                    let indent = " ".repeat(marker.len() + 1);
                    out.push_str(&format!("{marker} {task}{}", indented(&inner, &indent)));
                }
            }
            BlockContent::Quote(blocks) => {
                let mut inner = String::new();
                blocks_markdown(blocks, marks, &mut inner);
                for line in inner.trim_start_matches('\n').lines() {
                    out.push_str(if line.is_empty() { ">" } else { "> " });
                    out.push_str(line);
                    out.push('\n');
                }
            }
            BlockContent::Code { info, code } => {
                // A fence longer than any backtick run in the code.
                let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
                let fence = "`".repeat(longest.max(2) + 1);
                out.push_str(&format!("{fence}{info}\n{code}"));
                if !code.ends_with('\n') && !code.is_empty() {
                    out.push('\n');
                }
                out.push_str(&fence);
                out.push('\n');
            }
            BlockContent::Rule => out.push_str("***\n"),
            BlockContent::Html(html) => {
                out.push_str(html);
                out.push('\n');
            }
            // Text inside the author's HTML is not read as Markdown by any processor: it
            // goes out as the same safe HTML as in an HTML page.
            // A blank line would end the HTML block for a Markdown reader, so none is
            // written inside it: each text goes on lines of its own (its opening tag then
            // stands alone on its line, which starts an HTML block even for `<sup>`), and
            // whitespace around it is dropped.
            BlockContent::HtmlText(parts) => {
                for part in parts {
                    match part {
                        HtmlContent::Html(html) if out.ends_with('\n') => {
                            out.push_str(html.trim_start_matches([' ', '\t', '\n']))
                        }
                        HtmlContent::Html(html) => out.push_str(html),
                        HtmlContent::Text(text) => {
                            let text = crate::html::html_text(text);
                            let kept = out.trim_end_matches([' ', '\t']).len();
                            out.truncate(kept);
                            if !out.ends_with('\n') {
                                out.push('\n');
                            }
                            let html = inline_html_with(
                                &text.markdown,
                                text.reference.as_deref(),
                                marks.note,
                            )
                            .replace('\n', " ");
                            // A text that opens with a tag (`<sup>…`, `<img …> and text`) has
                            // the tag alone on its line, as an HTML block must start.
                            match html.find('>').filter(|_| html.starts_with('<')) {
                                Some(end) => {
                                    out.push_str(&html[..=end]);
                                    out.push('\n');
                                    out.push_str(html[end + 1..].trim_start());
                                }
                                None => out.push_str(&html),
                            }
                            out.push('\n');
                        }
                        HtmlContent::Attribute(text) => out.push_str(
                            &plain_text(&text.markdown)
                                .replace('&', "&amp;")
                                .replace('"', "&quot;")
                                .replace('<', "&lt;"),
                        ),
                    }
                }
                out.push('\n');
            }
            BlockContent::Wrapper {
                open,
                blocks,
                close,
            } => {
                out.push_str(open);
                out.push('\n');
                blocks_markdown(blocks, marks, out);
                out.push('\n');
                out.push_str(close);
                out.push('\n');
            }
            BlockContent::Footnote { label, blocks, .. } => {
                let mut inner = String::new();
                blocks_markdown(blocks, marks, &mut inner);
                out.push_str(&format!(
                    "[^{label}]: {}",
                    indented(inner.trim_start_matches('\n'), "    ")
                ));
            }
            BlockContent::Table {
                header,
                rows,
                alignments,
            } => {
                let cell = |c: &Option<crate::page::Text>| {
                    c.as_ref()
                        .map_or(String::new(), |t| unit(t, MarkdownPlace::TableCell))
                };
                out.push_str(&format!(
                    "| {} |\n",
                    header.iter().map(cell).collect::<Vec<_>>().join(" | ")
                ));
                let rule: Vec<&str> = alignments
                    .iter()
                    .map(|a| match a {
                        folio_model::Alignment::Left => ":---",
                        folio_model::Alignment::Center => ":---:",
                        folio_model::Alignment::Right => "---:",
                        folio_model::Alignment::None => "---",
                    })
                    .collect();
                out.push_str(&format!("| {} |\n", rule.join(" | ")));
                for row in rows {
                    out.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(cell).collect::<Vec<_>>().join(" | ")
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Direction;
    use crate::page::testing::{english, own, page};

    fn front_matter(markdown: &str) -> serde_json::Value {
        let yaml = markdown
            .strip_prefix("---\n")
            .and_then(|rest| rest.split_once("\n---\n"))
            .expect("front matter")
            .0;
        serde_norway::from_str(yaml).expect("valid YAML")
    }

    #[test]
    fn fallbacks_are_listed_and_marked_where_a_reader_sees_them() {
        let mut page = page(
            "de",
            Direction::Ltr,
            vec![
                BlockContent::Heading {
                    level: 2,
                    anchor: "s".into(),
                    text: english("Section"),
                },
                BlockContent::List {
                    start: None,
                    items: vec![own("Eins"), english("Two")],
                },
            ],
        );
        page.fallbacks = vec!["s-heading".into(), "s-li2".into()];
        page.interface
            .insert("fallback-badge".into(), "Noch *nicht* [übersetzt]".into());
        let markdown = render_markdown(&page, MarkdownStyle::Hugo);
        assert_eq!(
            front_matter(&markdown)["fallbacks"],
            serde_json::json!(["s-heading", "s-li2"])
        );
        // The badge is emphasis around the interface text, which is text: its own
        // Markdown characters are escaped.
        let badge = "*\\[Noch \\*nicht\\* \\[übersetzt\\]\\]* ";
        assert!(
            markdown.contains(&format!("\n## {badge}Section {{#s}}\n")),
            "{markdown}"
        );
        assert!(
            markdown.contains(&format!("\n- Eins\n- {badge}Two\n")),
            "{markdown}"
        );
    }

    #[test]
    fn the_disclaimer_is_a_section_a_site_generator_keeps() {
        let mut page = page(
            "es",
            Direction::Ltr,
            vec![BlockContent::Paragraph(own("Hola."))],
        );
        // With no heading, a thematic break sets it apart; no HTML comment, which a
        // generator that drops raw HTML would drop.
        let markdown = render_markdown(&page, MarkdownStyle::Hugo);
        assert!(
            markdown.ends_with("\nHola.\n\n***\n\nNot advice.\n"),
            "{markdown}"
        );
        page.disclaimer.insert(
            0,
            BlockContent::Heading {
                level: 2,
                anchor: "disclaimer".into(),
                text: own("Aviso"),
            },
        );
        let markdown = render_markdown(&page, MarkdownStyle::Hugo);
        assert!(
            markdown.ends_with("\nHola.\n\n## Aviso {#disclaimer .disclaimer}\n\nNot advice.\n"),
            "{markdown}"
        );
        assert!(!markdown.contains("<!--"), "{markdown}");
    }

    #[test]
    fn zola_reads_its_own_keys_and_the_rest_under_extra() {
        let mut page = page("es", Direction::Ltr, Vec::new());
        page.front_matter = vec![
            (
                "date".into(),
                FrontMatterValue::Kept(serde_json::json!("2025-02-01")),
            ),
            (
                "extra".into(),
                FrontMatterValue::Kept(serde_json::json!({"hero": "a.png"})),
            ),
            (
                "tags".into(),
                FrontMatterValue::Kept(serde_json::json!(["x"])),
            ),
        ];
        let zola = front_matter(&render_markdown(&page, MarkdownStyle::Zola));
        assert_eq!(
            zola,
            serde_json::json!({
                "title": "Title",
                "slug": "a",
                "date": "2025-02-01",
                "extra": {
                    "lang": "es",
                    "dir": "ltr",
                    "translationKey": "a",
                    "alternates": [],
                    "x_default": "../en/a.html",
                    "fallbacks": [],
                    "tags": ["x"],
                    "hero": "a.png",
                },
            })
        );
        // Hugo reads every key at the top, the source's `extra` as it was.
        let hugo = front_matter(&render_markdown(&page, MarkdownStyle::Hugo));
        assert_eq!(hugo["lang"], "es");
        assert_eq!(hugo["extra"], serde_json::json!({"hero": "a.png"}));
        assert_eq!(hugo["date"], "2025-02-01");
    }
}
