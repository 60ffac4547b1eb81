//! Page → Markdown with YAML front matter, for Hugo, Zola (YAML mode) and Jekyll.

use crate::inline::{
    MarkdownPlace, inline_html_with, inline_markdown_with, plain_text, yaml_string,
};
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

/// Renders `page` as Markdown: front matter with `title`, `description`, `lang`, `dir`,
/// `translationKey` (the article, as Hugo links translations) and `alternates`; then the
/// body and the disclaimer. Strings in the front matter are YAML-safe JSON
/// strings (`yaml_string`), so no translation can break out of them or break the YAML.
pub fn render_markdown(page: &Page) -> String {
    let quote = yaml_string;
    let mut out = String::from("---\n");
    out.push_str(&format!(
        "title: {}\n",
        quote(&plain_text(&page.title.markdown))
    ));
    if let Some(description) = &page.description {
        out.push_str(&format!(
            "description: {}\n",
            quote(&plain_text(&description.markdown))
        ));
    }
    out.push_str(&format!(
        "lang: {}\ndir: {}\n",
        quote(&page.lang),
        quote(page.dir.as_str())
    ));
    out.push_str(&format!("translationKey: {}\n", quote(&page.article)));
    out.push_str("alternates:\n");
    for alternate in &page.alternates {
        out.push_str(&format!(
            "  - lang: {}\n    href: {}\n",
            quote(&alternate.lang),
            quote(&alternate.href)
        ));
    }
    out.push_str(&format!("x_default: {}\n", quote(&page.x_default)));
    for (key, value) in &page.front_matter {
        if RESERVED_KEYS.contains(&key.as_str()) {
            continue;
        }
        // JSON is YAML's flow style: the source's values go out as they were parsed.
        let value = match value {
            FrontMatterValue::Kept(value) => value.to_string(),
            FrontMatterValue::Text(text) => quote(&plain_text(&text.markdown)),
        };
        out.push_str(&format!("{}: {value}\n", quote(key)));
    }
    out.push_str("---\n");
    let mut body = String::new();
    blocks_markdown(&page.body, &mut body);
    out.push_str(&restore_footnote_references(body, &page.body));
    out.push_str("\n<!-- disclaimer: every page carries it -->\n");
    blocks_markdown(&page.disclaimer, &mut out);
    out
}

/// The keys this renderer writes itself; the source's own of these names give way.
const RESERVED_KEYS: &[&str] = &[
    "title",
    "description",
    "lang",
    "dir",
    "translationKey",
    "alternates",
    "x_default",
];

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

fn blocks_markdown(blocks: &[BlockContent], out: &mut String) {
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
                    inline_markdown_with(
                        &text.markdown,
                        MarkdownPlace::Heading,
                        text.reference.as_deref()
                    )
                ));
            }
            BlockContent::Paragraph(text) => out.push_str(&format!(
                "{}\n",
                inline_markdown_with(
                    &text.markdown,
                    MarkdownPlace::Flow,
                    text.reference.as_deref()
                )
            )),
            BlockContent::List { start, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(n) => format!("{}{marker}", n + i as u64),
                        None => marker.to_owned(),
                    };
                    out.push_str(&format!(
                        "{marker} {}\n",
                        inline_markdown_with(
                            &item.markdown,
                            MarkdownPlace::Flow,
                            item.reference.as_deref()
                        )
                    ));
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
                    blocks_markdown(blocks, &mut inner);
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
                blocks_markdown(blocks, &mut inner);
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
                            let html = inline_html_with(&text.markdown, text.reference.as_deref())
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
                blocks_markdown(blocks, out);
                out.push('\n');
                out.push_str(close);
                out.push('\n');
            }
            BlockContent::Footnote { label, blocks, .. } => {
                let mut inner = String::new();
                blocks_markdown(blocks, &mut inner);
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
                    c.as_ref().map_or(String::new(), |t| {
                        inline_markdown_with(
                            &t.markdown,
                            MarkdownPlace::TableCell,
                            t.reference.as_deref(),
                        )
                    })
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
