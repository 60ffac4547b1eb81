//! Page → Markdown with YAML front matter, for Hugo, Zola (YAML mode) and Jekyll.

use crate::inline::{MarkdownPlace, inline_markdown, plain_text, yaml_string};
use crate::page::{BlockContent, Page};

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
    out.push_str(&format!("x_default: {}\n---\n", quote(&page.x_default)));
    blocks_markdown(&page.body, &mut out);
    out.push_str("\n<!-- disclaimer: every page carries it -->\n");
    blocks_markdown(&page.disclaimer, &mut out);
    out
}

fn blocks_markdown(blocks: &[BlockContent], out: &mut String) {
    for block in blocks {
        out.push('\n');
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
                    inline_markdown(&text.markdown, MarkdownPlace::Heading)
                ));
            }
            BlockContent::Paragraph(text) => out.push_str(&format!(
                "{}\n",
                inline_markdown(&text.markdown, MarkdownPlace::Flow)
            )),
            BlockContent::List { start, items } => {
                for (i, item) in items.iter().enumerate() {
                    let marker = match start {
                        Some(n) => format!("{}.", n + i as u64),
                        None => "-".to_owned(),
                    };
                    out.push_str(&format!(
                        "{marker} {}\n",
                        inline_markdown(&item.markdown, MarkdownPlace::Flow)
                    ));
                }
            }
            BlockContent::Table {
                header,
                rows,
                alignments,
            } => {
                let cell = |c: &Option<crate::page::Text>| {
                    c.as_ref().map_or(String::new(), |t| {
                        inline_markdown(&t.markdown, MarkdownPlace::TableCell)
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
