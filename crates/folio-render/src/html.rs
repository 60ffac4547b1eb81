//! Page → HTML through a minijinja template (the built-in one, or the publisher's).

use minijinja::{Environment, Value, context};
use serde::Serialize;

use std::collections::BTreeMap;

use crate::dates::{CalendarDate, ShownDate};
use crate::details::{json_ld, og_locale};
use crate::inline::{html_text_as_markdown, inline_html_with, plain_text};
use crate::interface::english_interface;
use crate::page::{BlockContent, HtmlContent, Page, Text};
use crate::visible::{visible_fragment_text, visible_text};

/// The built-in page template. A publisher's own template gets the same variables:
/// `lang`, `dir`, `title` (plain), `title_html`, `description` (plain or none),
/// `body` and `disclaimer` (safe HTML), `alternates` (`lang`, `name`, `href`,
/// `og_locale`, `current`), `x_default`, `url` (absolute, or none without a base URL),
/// `index` (the locale's index of articles), `article`, `reference`, `site_name`,
/// `og_locale`, `published`, `updated`, `reviewed` (each `iso` and `text`, or none),
/// `authors`, `reviewers` (lists of names), `ui` (interface strings by message id:
/// `ui['last-reviewed']`), `json_ld` (the MedicalWebPage, safe inside `<script>`) and
/// `stylesheet`. The `tojson` filter is available.
pub const BUILTIN_TEMPLATE: &str = include_str!("page.html");

/// The built-in stylesheet: readable on a phone and a desktop, right-to-left aware
/// (logical properties only).
pub const STYLESHEET: &str = include_str!("page.css");

/// Why a page could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The template does not parse or fails to render.
    #[error("page template: {0:#}")]
    Template(#[from] minijinja::Error),
    /// The page has no disclaimer text to show: no page may go out without one.
    #[error("the page has no disclaimer text; no page may go out without it")]
    NoDisclaimer,
    /// The template's output does not show the disclaimer where a reader sees it.
    #[error(
        "the page template does not show the disclaimer (`{{{{ disclaimer }}}}`) where a reader \
         sees it: not in a comment, `<template>`, `<noscript>`, `<script>`, `<style>`, \
         `<textarea>`, closed `<details>`, nor in an element that is `hidden`, `aria-hidden` or \
         styled `display:none`; no page may go out without it"
    )]
    TemplateHidesDisclaimer,
}

#[derive(Serialize)]
struct AlternateContext<'a> {
    lang: &'a str,
    name: &'a str,
    href: Value,
    og_locale: String,
    current: bool,
}

/// A URL for an attribute: escaped here (minijinja's HTML escaping would also turn every
/// `/` into `&#x2f;`, valid but unreadable).
pub(crate) fn url(href: &str) -> Value {
    Value::from_safe_string(escape(href))
}

/// Renders `page` as a complete HTML document with `template` (minijinja syntax; the
/// built-in [`BUILTIN_TEMPLATE`] when `None`). Fails unless the disclaimer has text and
/// the finished page shows all of it to a reader (see [`visible_text`]).
pub fn render_html(page: &Page, template: Option<&str>) -> Result<String, RenderError> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
    env.add_template("page", template.unwrap_or(BUILTIN_TEMPLATE))?;
    let disclaimer = blocks_html(&page.disclaimer);
    let alternates: Vec<AlternateContext<'_>> = page
        .alternates
        .iter()
        .map(|a| AlternateContext {
            lang: &a.lang,
            name: &a.name,
            href: url(&a.href),
            og_locale: og_locale(&a.lang),
            current: a.current,
        })
        .collect();
    let details = &page.details;
    let shown = |date: Option<CalendarDate>| date.map(|d| ShownDate::new(d, &page.lang));
    let ui: BTreeMap<&str, &str> = english_interface()
        .keys()
        .chain(page.interface.keys())
        .map(|id| (id.as_str(), page.interface_string(id)))
        .collect();
    let html = env.get_template("page")?.render(context! {
        lang => page.lang,
        dir => page.dir.as_str(),
        article => page.article,
        title => plain_text(&page.title.markdown),
        title_html => Value::from_safe_string(text_html(&page.title)),
        description => page.description.as_ref().map(|d| plain_text(&d.markdown)),
        body => Value::from_safe_string(blocks_html(&page.body)),
        disclaimer => Value::from_safe_string(disclaimer.clone()),
        alternates => alternates,
        x_default => url(&page.x_default),
        url => page.url.as_deref().map(url),
        index => url(&page.index),
        reference => page.reference,
        site_name => page.site_name,
        og_locale => og_locale(&page.lang),
        published => shown(details.published),
        updated => shown(details.updated),
        reviewed => shown(details.reviewed),
        authors => details.authors,
        reviewers => details.reviewers,
        ui => ui,
        json_ld => Value::from_safe_string(json_ld(page)),
        stylesheet => Value::from_safe_string(STYLESHEET.to_owned()),
    })?;
    let shown = visible_fragment_text(&disclaimer);
    if shown.is_empty() {
        return Err(RenderError::NoDisclaimer);
    }
    if !visible_text(&html).contains(&shown) {
        return Err(RenderError::TemplateHidesDisclaimer);
    }
    let mut html = html.trim_end().to_owned();
    html.push('\n');
    Ok(html)
}

/// A text's inline HTML, the author's tags from its English (see [`inline_html_with`]).
fn inline(text: &Text) -> String {
    inline_html_with(&text.markdown, text.reference.as_deref())
}

/// A unit of text from the author's HTML, its Markdown characters made literal (see
/// [`html_text_as_markdown`]), the translation's and the English's alike.
pub(crate) fn html_text(text: &Text) -> Text {
    Text {
        markdown: html_text_as_markdown(&text.markdown),
        fallback: text.fallback.clone(),
        reference: text.reference.as_deref().map(html_text_as_markdown),
    }
}

/// A text's inline HTML, wrapped in `<span lang dir>` when it is a fallback.
pub(crate) fn text_html(text: &Text) -> String {
    let html = inline(text);
    match &text.fallback {
        Some((lang, dir)) => format!(
            "<span lang=\"{}\" dir=\"{}\">{html}</span>",
            escape(lang),
            dir.as_str()
        ),
        None => html,
    }
}

/// ` lang="…" dir="…"` for a block holding a fallback text.
fn lang_attributes(text: &Text) -> String {
    match &text.fallback {
        Some((lang, dir)) => format!(" lang=\"{}\" dir=\"{}\"", escape(lang), dir.as_str()),
        None => String::new(),
    }
}

pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page's footnotes: label → number, for the references in its texts.
type Footnotes = BTreeMap<String, usize>;

fn footnotes(blocks: &[BlockContent], found: &mut Footnotes) {
    for block in blocks {
        match block {
            BlockContent::Footnote {
                label,
                number,
                blocks,
            } => {
                found.insert(label.clone(), *number);
                footnotes(blocks, found);
            }
            BlockContent::Quote(blocks) | BlockContent::Wrapper { blocks, .. } => {
                footnotes(blocks, found)
            }
            BlockContent::Items { items, .. } => items
                .iter()
                .for_each(|(_, blocks)| footnotes(blocks, found)),
            _ => {}
        }
    }
}

/// `[^label]` in a text's HTML as pulldown-cmark writes a footnote reference, for the
/// labels this page defines; a translation can write no other link this way.
fn link_footnotes(html: String, footnotes: &Footnotes) -> String {
    if !html.contains("[^") {
        return html;
    }
    let mut html = html;
    for (label, number) in footnotes {
        let escaped = escape(label);
        html = html.replace(
            &format!("[^{escaped}]"),
            &format!("<sup class=\"footnote-reference\"><a href=\"#{escaped}\">{number}</a></sup>"),
        );
    }
    html
}

fn blocks_html(blocks: &[BlockContent]) -> String {
    let mut found = Footnotes::new();
    footnotes(blocks, &mut found);
    let mut html = String::new();
    write_blocks(blocks, Paragraphs::Wrapped, &mut html);
    link_footnotes(html, &found)
}

/// How paragraphs are written: in `<p>`, or bare, as CommonMark shows the paragraphs of
/// a tight list's items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paragraphs {
    Wrapped,
    Bare,
}

/// Writes `blocks`, their paragraphs as `paragraphs` says.
fn write_blocks(blocks: &[BlockContent], paragraphs: Paragraphs, html: &mut String) {
    for block in blocks {
        match block {
            BlockContent::Paragraph(text) if paragraphs == Paragraphs::Bare => {
                if lang_attributes(text).is_empty() {
                    html.push_str(&inline(text));
                } else {
                    html.push_str(&text_html(text));
                }
                html.push('\n');
            }
            BlockContent::Items {
                start,
                loose,
                items,
            } => {
                html.push_str(&list_open(*start));
                for (task, blocks) in items {
                    html.push_str("<li>");
                    let mut blocks = blocks.as_slice();
                    if let Some(done) = task {
                        let checkbox = if *done {
                            "<input disabled=\"\" type=\"checkbox\" checked=\"\"/>\n"
                        } else {
                            "<input disabled=\"\" type=\"checkbox\"/>\n"
                        };
                        // In a loose list the box stands inside the item's first paragraph.
                        match blocks {
                            [BlockContent::Paragraph(text), rest @ ..] if *loose => {
                                html.push_str(&format!(
                                    "<p{}>{checkbox}{}</p>\n",
                                    lang_attributes(text),
                                    inline(text)
                                ));
                                blocks = rest;
                            }
                            _ => html.push_str(checkbox),
                        }
                    }
                    let paragraphs = if *loose {
                        Paragraphs::Wrapped
                    } else {
                        Paragraphs::Bare
                    };
                    write_blocks(blocks, paragraphs, html);
                    html.push_str("</li>\n");
                }
                html.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            BlockContent::Quote(blocks) => {
                html.push_str("<blockquote>\n");
                write_blocks(blocks, Paragraphs::Wrapped, html);
                html.push_str("</blockquote>\n");
            }
            BlockContent::Code { info, code } => {
                let language = info.split_whitespace().next().unwrap_or("");
                if language.is_empty() {
                    html.push_str("<pre><code>");
                } else {
                    html.push_str(&format!(
                        "<pre><code class=\"language-{}\">",
                        escape(language)
                    ));
                }
                html.push_str(&escape_text(code));
                html.push_str("</code></pre>\n");
            }
            BlockContent::Rule => html.push_str("<hr />\n"),
            BlockContent::Html(author) => {
                html.push_str(author);
                html.push('\n');
            }
            BlockContent::HtmlText(parts) => {
                for part in parts {
                    match part {
                        HtmlContent::Html(author) => html.push_str(author),
                        HtmlContent::Text(text) => html.push_str(&text_html(&html_text(text))),
                        HtmlContent::Attribute(text) => {
                            html.push_str(&escape(&plain_text(&text.markdown)))
                        }
                    }
                }
                html.push('\n');
            }
            BlockContent::Wrapper {
                open,
                blocks,
                close,
            } => {
                html.push_str(open);
                html.push('\n');
                write_blocks(blocks, Paragraphs::Wrapped, html);
                html.push_str(close);
                html.push('\n');
            }
            BlockContent::Footnote {
                label,
                number,
                blocks,
            } => {
                html.push_str(&format!(
                    "<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{number}</sup>\n",
                    escape(label)
                ));
                write_blocks(blocks, Paragraphs::Wrapped, html);
                html.push_str("</div>\n");
            }
            BlockContent::Heading {
                level,
                anchor,
                text,
            } => {
                // The page title is the one h1; article headings start at h2.
                let level = (*level).clamp(2, 6);
                html.push_str(&format!(
                    "<h{level} id=\"{}\"{}>{}</h{level}>\n",
                    escape(anchor),
                    lang_attributes(text),
                    inline(text)
                ));
            }
            BlockContent::Paragraph(text) => {
                html.push_str(&format!(
                    "<p{}>{}</p>\n",
                    lang_attributes(text),
                    inline(text)
                ));
            }
            BlockContent::List { start, items } => {
                html.push_str(&list_open(*start));
                for item in items {
                    html.push_str(&format!(
                        "<li{}>{}</li>\n",
                        lang_attributes(item),
                        inline(item)
                    ));
                }
                html.push_str(if start.is_some() {
                    "</ol>\n"
                } else {
                    "</ul>\n"
                });
            }
            BlockContent::Table {
                alignments,
                header,
                rows,
            } => {
                html.push_str("<div class=\"table\"><table>\n<thead>\n<tr>");
                for (column, cell) in header.iter().enumerate() {
                    html.push_str(&cell_html(
                        "th",
                        " scope=\"col\"",
                        alignments.get(column),
                        cell.as_ref(),
                    ));
                }
                html.push_str("</tr>\n</thead>\n<tbody>\n");
                for row in rows {
                    html.push_str("<tr>");
                    for (column, cell) in row.iter().enumerate() {
                        // The first column names the row, as in the comparison table.
                        let (tag, scope) = if column == 0 {
                            ("th", " scope=\"row\"")
                        } else {
                            ("td", "")
                        };
                        html.push_str(&cell_html(
                            tag,
                            scope,
                            alignments.get(column),
                            cell.as_ref(),
                        ));
                    }
                    html.push_str("</tr>\n");
                }
                html.push_str("</tbody>\n</table></div>\n");
            }
        }
    }
}

fn list_open(start: Option<u64>) -> String {
    match start {
        None => "<ul>\n".to_owned(),
        Some(1) => "<ol>\n".to_owned(),
        Some(n) => format!("<ol start=\"{n}\">\n"),
    }
}

fn escape_text(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn cell_html(
    tag: &str,
    scope: &str,
    alignment: Option<&folio_model::Alignment>,
    cell: Option<&Text>,
) -> String {
    let align = match alignment {
        Some(folio_model::Alignment::Left) => " class=\"start\"",
        Some(folio_model::Alignment::Center) => " class=\"center\"",
        Some(folio_model::Alignment::Right) => " class=\"end\"",
        _ => "",
    };
    match cell {
        Some(text) => format!(
            "<{tag}{scope}{align}{}>{}</{tag}>",
            lang_attributes(text),
            inline(text)
        ),
        None => format!("<{tag}{scope}{align}></{tag}>"),
    }
}
