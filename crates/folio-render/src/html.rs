//! Page → HTML through a minijinja template (the built-in one, or the publisher's).

use minijinja::{Environment, Value, context};
use serde::Serialize;

use std::collections::BTreeMap;

use crate::dates::{CalendarDate, ShownDate};
use crate::details::{json_ld, og_locale};
use crate::inline::{LinkNote, html_text_as_markdown, inline_html_with, plain_text};
use folio_model::Alignment;

use crate::interface::{english_interface, ids};
use crate::page::{BlockContent, HtmlContent, Page, Text};
use crate::visible::{visible_fragment_text, visible_text};

/// The built-in page template. A publisher's own template gets the same variables:
/// `lang`, `dir`, `title` (plain), `title_html` (with the "not yet translated" badge when
/// the title is a fallback), `description` (plain or none),
/// `body` and `disclaimer` (safe HTML), `alternates` (`lang`, `name`, `href`,
/// `og_locale`, `current`), `x_default`, `url` (absolute, or none without a base URL),
/// `index` (the locale's index of articles), `article`, `reference`, `site_name`,
/// `og_locale`, `published`, `updated`, `reviewed` (each `iso` and `text`, or none),
/// `authors`, `reviewers` (lists of names), `ui` (interface strings by message id:
/// `ui['last-reviewed']`), `json_ld` (the MedicalWebPage, safe inside `<script>`),
/// `stylesheet_href` (the relative link to the site's `style.css`) and `stylesheet` (the
/// built-in stylesheet's text, for a template that inlines it). The `tojson` filter is
/// available.
pub const BUILTIN_TEMPLATE: &str = include_str!("page.html");

/// The built-in stylesheet: readable on a phone and a desktop, right-to-left aware
/// (logical properties only). A site has it once, as `style.css`, which its pages link
/// to: inlined, it was 28 % of every page.
pub const STYLESHEET: &str = include_str!("page.css");

/// Why a page could not be rendered.
#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    /// The template does not parse or fails to render. Its message shows where, with the
    /// template's lines around it; it is not also the error's source, which would say it
    /// twice.
    #[error("page template: {0:#}")]
    Template(minijinja::Error),
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
    /// A file of the site could not be written.
    #[error(transparent)]
    Write(#[from] std::io::Error),
}

impl From<minijinja::Error> for RenderError {
    fn from(error: minijinja::Error) -> Self {
        RenderError::Template(error)
    }
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
/// built-in [`BUILTIN_TEMPLATE`] when `None`): [`PageTemplate::render`] with the template
/// compiled for this one page. Fails unless the disclaimer has text and the finished page
/// shows all of it to a reader (see [`visible_text`]).
pub fn render_html(page: &Page, template: Option<&str>) -> Result<String, RenderError> {
    PageTemplate::new(template)?.render(page)
}

/// A page template compiled once, for every page of a render: the built-in
/// [`BUILTIN_TEMPLATE`] or the publisher's (minijinja syntax, HTML auto-escaping).
#[derive(Debug)]
pub struct PageTemplate {
    env: Environment<'static>,
    /// [`STYLESHEET`] as a template value, made once.
    stylesheet: Value,
}

impl PageTemplate {
    /// Compiles `template`, or the built-in one when `None`; a syntax error is
    /// [`RenderError::Template`].
    pub fn new(template: Option<&str>) -> Result<Self, RenderError> {
        let mut env = Environment::new();
        env.set_auto_escape_callback(|_| minijinja::AutoEscape::Html);
        env.add_template_owned("page", template.unwrap_or(BUILTIN_TEMPLATE).to_owned())?;
        Ok(PageTemplate {
            env,
            stylesheet: Value::from_safe_string(STYLESHEET.to_owned()),
        })
    }

    /// Renders `page` as a complete HTML document. Fails unless the disclaimer has text
    /// and the finished page shows all of it to a reader (see [`visible_text`]).
    pub fn render(&self, page: &Page) -> Result<String, RenderError> {
        let env = &self.env;
        let disclaimer = blocks_html(page, &page.disclaimer);
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
        let mut html = env.get_template("page")?.render(context! {
            lang => page.lang,
            dir => page.dir.as_str(),
            article => page.article,
            title => plain_text(&page.title.markdown),
            title_html => Value::from_safe_string(block_content(page, &page.title)),
            description => page.description.as_ref().map(|d| plain_text(&d.markdown)),
            body => Value::from_safe_string(blocks_html(page, &page.body)),
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
            stylesheet_href => url(&page.stylesheet),
            stylesheet => self.stylesheet.clone(),
        })?;
        let shown = visible_fragment_text(&disclaimer);
        if shown.is_empty() {
            return Err(RenderError::NoDisclaimer);
        }
        if !visible_text(&html).contains(&shown) {
            return Err(RenderError::TemplateHidesDisclaimer);
        }
        html.truncate(html.trim_end().len());
        html.push('\n');
        Ok(html)
    }
}

/// A text's inline HTML, the author's tags from its English (see [`inline_html_with`]),
/// `note` after the links it names.
fn inline(text: &Text, note: Option<LinkNote<'_>>) -> String {
    inline_html_with(&text.markdown, text.reference.as_deref(), note)
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

/// A text's inline HTML, wrapped in `<span lang dir>` when it is a fallback: for a place
/// that shows the text again, without the badge (a table's caption).
pub(crate) fn text_html(text: &Text) -> String {
    let html = inline(text, None);
    match &text.fallback {
        Some((lang, dir)) => format!(
            "<span lang=\"{}\" dir=\"{}\">{html}</span>",
            escape(lang),
            dir.as_str()
        ),
        None => html,
    }
}

/// `text` safe in a quoted attribute and anywhere else in HTML or XML: `&`, `<`, `>`,
/// `"` and `'` escaped, as pulldown-cmark escapes the HTML it writes.
pub(crate) fn escape(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut escaped, text).expect("a String takes any text");
    escaped
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

/// `blocks` of `page` as HTML.
fn blocks_html(page: &Page, blocks: &[BlockContent]) -> String {
    let mut found = Footnotes::new();
    footnotes(blocks, &mut found);
    let mut writer = Writer {
        page,
        html: String::new(),
        heading: None,
    };
    writer.write_blocks(blocks, Paragraphs::Wrapped);
    link_footnotes(writer.html, &found)
}

/// How paragraphs are written: in `<p>`, or bare, as CommonMark shows the paragraphs of
/// a tight list's items.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Paragraphs {
    Wrapped,
    Bare,
}

/// A text's content in a block: its inline HTML, or for a fallback the localized
/// "not yet translated" badge followed by the text in a `<span>` marked with its own
/// language and direction. The block element itself keeps the page's `lang` and
/// `dir`, so a list item's marker stays on the page's side; the stylesheet makes the
/// span a block of its own, aligned in its own direction.
fn block_content(page: &Page, text: &Text) -> String {
    let html = inline(text, page.link_note());
    let Some((lang, dir)) = &text.fallback else {
        return html;
    };
    format!(
        "{}<span class=\"fallback\" lang=\"{}\" dir=\"{}\">{html}</span>",
        badge(page),
        escape(lang),
        dir.as_str()
    )
}

/// The badge on a fallback: the interface's words in the page's language (the
/// built-in English, marked as English, when the page's language has none).
fn badge(page: &Page) -> String {
    const ID: &str = "fallback-badge";
    let english =
        page.interface_is_english(ID) && page.lang != "en" && !page.lang.starts_with("en-");
    format!(
        "<span class=\"fallback-badge\"{}>{}</span> ",
        if english {
            " lang=\"en\" dir=\"ltr\""
        } else {
            ""
        },
        escape_text(page.interface_string(ID))
    )
}

/// Writes one page's blocks as HTML: the page gives the interface's words (the badge
/// on a fallback), and the last heading written names the next table.
struct Writer<'p> {
    page: &'p Page,
    html: String,
    /// The last heading written: its anchor and text.
    heading: Option<(&'p str, &'p Text)>,
}

impl<'p> Writer<'p> {
    /// [`block_content`] on this page.
    fn content(&self, text: &Text) -> String {
        block_content(self.page, text)
    }

    /// Writes `blocks`, their paragraphs as `paragraphs` says.
    fn write_blocks(&mut self, blocks: &'p [BlockContent], paragraphs: Paragraphs) {
        for block in blocks {
            self.write_block(block, paragraphs);
        }
    }

    fn write_block(&mut self, block: &'p BlockContent, paragraphs: Paragraphs) {
        match block {
            BlockContent::Paragraph(text) if paragraphs == Paragraphs::Bare => {
                let content = self.content(text);
                self.html.push_str(&content);
                self.html.push('\n');
            }
            BlockContent::Items {
                start,
                loose,
                items,
            } => {
                self.html.push_str(&list_open(*start));
                for (task, blocks) in items {
                    self.html.push_str("<li>");
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
                                let content = self.content(text);
                                self.html.push_str(&format!("<p>{checkbox}{content}</p>\n"));
                                blocks = rest;
                            }
                            _ => self.html.push_str(checkbox),
                        }
                    }
                    let paragraphs = if *loose {
                        Paragraphs::Wrapped
                    } else {
                        Paragraphs::Bare
                    };
                    self.write_blocks(blocks, paragraphs);
                    self.html.push_str("</li>\n");
                }
                self.html.push_str(list_close(*start));
            }
            BlockContent::Quote(blocks) => {
                self.html.push_str("<blockquote>\n");
                self.write_blocks(blocks, Paragraphs::Wrapped);
                self.html.push_str("</blockquote>\n");
            }
            BlockContent::Code { info, code } => {
                let language = info.split_whitespace().next().unwrap_or("");
                if language.is_empty() {
                    self.html.push_str("<pre><code>");
                } else {
                    self.html.push_str(&format!(
                        "<pre><code class=\"language-{}\">",
                        escape(language)
                    ));
                }
                self.html.push_str(&escape_text(code));
                self.html.push_str("</code></pre>\n");
            }
            BlockContent::Rule => self.html.push_str("<hr />\n"),
            BlockContent::Html(author) => {
                self.html.push_str(author);
                self.html.push('\n');
            }
            BlockContent::HtmlText(parts) => {
                for part in parts {
                    match part {
                        HtmlContent::Html(author) => self.html.push_str(author),
                        HtmlContent::Text(text) => {
                            let content = self.content(&html_text(text));
                            self.html.push_str(&content);
                        }
                        HtmlContent::Attribute(text) => {
                            self.html.push_str(&escape(&plain_text(&text.markdown)))
                        }
                    }
                }
                self.html.push('\n');
            }
            BlockContent::Wrapper {
                open,
                blocks,
                close,
            } => {
                self.html.push_str(open);
                self.html.push('\n');
                self.write_blocks(blocks, Paragraphs::Wrapped);
                self.html.push_str(close);
                self.html.push('\n');
            }
            BlockContent::Footnote {
                label,
                number,
                blocks,
            } => {
                self.html.push_str(&format!(
                    "<div class=\"footnote-definition\" id=\"{}\"><sup class=\"footnote-definition-label\">{number}</sup>\n",
                    escape(label)
                ));
                self.write_blocks(blocks, Paragraphs::Wrapped);
                self.html.push_str("</div>\n");
            }
            BlockContent::Heading {
                level,
                anchor,
                text,
            } => {
                // The page title is the one h1; article headings start at h2.
                let level = (*level).clamp(2, 6);
                let content = self.content(text);
                self.html.push_str(&format!(
                    "<h{level} id=\"{}\">{content}</h{level}>\n",
                    escape(anchor),
                ));
                self.heading = Some((anchor, text));
            }
            BlockContent::Paragraph(text) => {
                let content = self.content(text);
                self.html.push_str(&format!("<p>{content}</p>\n"));
            }
            BlockContent::List { start, items } => {
                self.html.push_str(&list_open(*start));
                for item in items {
                    let content = self.content(item);
                    self.html.push_str(&format!("<li>{content}</li>\n"));
                }
                self.html.push_str(list_close(*start));
            }
            BlockContent::Table {
                alignments,
                header,
                rows,
            } => self.write_table(alignments, header, rows),
        }
    }

    /// A table, readable on a phone and by keyboard: the scrolling box around it is a
    /// focusable region named by the section's heading (which is also the table's
    /// caption, for screen readers: Markdown has no caption syntax), or by the
    /// interface's word for a table when no heading precedes it; each body cell carries
    /// its column's header text in `data-label`, which the stylesheet shows above the
    /// cell when a narrow screen stacks the rows.
    fn write_table(
        &mut self,
        alignments: &[Alignment],
        header: &[Option<Text>],
        rows: &[Vec<Option<Text>>],
    ) {
        let (name, caption) = match self.heading {
            Some((anchor, text)) => (
                format!(" aria-labelledby=\"{}\"", escape(anchor)),
                format!(
                    "<caption class=\"visually-hidden\">{}</caption>\n",
                    text_html(text)
                ),
            ),
            None => (
                format!(
                    " aria-label=\"{}\"",
                    escape(self.page.interface_string(ids::TABLE_LABEL))
                ),
                String::new(),
            ),
        };
        self.html.push_str(&format!(
            "<div class=\"table\" role=\"region\" tabindex=\"0\"{name}><table>\n{caption}<thead>\n<tr>"
        ));
        for (column, cell) in header.iter().enumerate() {
            let cell = self.cell(
                "th",
                " scope=\"col\"",
                alignments.get(column),
                cell.as_ref(),
            );
            self.html.push_str(&cell);
        }
        self.html.push_str("</tr>\n</thead>\n<tbody>\n");
        let labels: Vec<String> = header
            .iter()
            .map(|cell| {
                cell.as_ref()
                    .map(|text| plain_text(&text.markdown))
                    .filter(|label| !label.trim().is_empty())
                    .map_or_else(String::new, |label| {
                        format!(" data-label=\"{}\"", escape(&label))
                    })
            })
            .collect();
        for row in rows {
            self.html.push_str("<tr>");
            for (column, cell) in row.iter().enumerate() {
                // The first column names the row, as in the comparison table.
                let (tag, attributes) = if column == 0 {
                    ("th", " scope=\"row\"".to_owned())
                } else {
                    ("td", labels.get(column).cloned().unwrap_or_default())
                };
                let cell = self.cell(tag, &attributes, alignments.get(column), cell.as_ref());
                self.html.push_str(&cell);
            }
            self.html.push_str("</tr>\n");
        }
        self.html.push_str("</tbody>\n</table></div>\n");
    }

    fn cell(
        &self,
        tag: &str,
        attributes: &str,
        alignment: Option<&Alignment>,
        cell: Option<&Text>,
    ) -> String {
        let align = match alignment {
            Some(Alignment::Left) => " class=\"start\"",
            Some(Alignment::Center) => " class=\"center\"",
            Some(Alignment::Right) => " class=\"end\"",
            _ => "",
        };
        let content = cell.map(|text| self.content(text)).unwrap_or_default();
        format!("<{tag}{attributes}{align}>{content}</{tag}>")
    }
}

fn list_open(start: Option<u64>) -> String {
    match start {
        None => "<ul>\n".to_owned(),
        Some(1) => "<ol>\n".to_owned(),
        Some(n) => format!("<ol start=\"{n}\">\n"),
    }
}

fn list_close(start: Option<u64>) -> &'static str {
    if start.is_some() {
        "</ol>\n"
    } else {
        "</ul>\n"
    }
}

/// `text` safe as an element's content: `&`, `<` and `>` escaped.
fn escape_text(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html_body_text(&mut escaped, text)
        .expect("a String takes any text");
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::Direction;
    use crate::page::testing::{english, own, page};

    /// The article's HTML, between `<article>` and `</article>`.
    fn article(page: &Page) -> String {
        let html = render_html(page, None).expect("renders");
        let start = html.find("<article>").expect("an article") + "<article>".len();
        let end = html.find("</article>").expect("its end");
        html[start..end].to_owned()
    }

    #[test]
    fn a_fallback_keeps_the_pages_direction_and_shows_a_badge() {
        let mut arabic = page(
            "ar",
            Direction::Rtl,
            vec![
                BlockContent::List {
                    start: None,
                    items: vec![own("عنصر"), english("An **item**")],
                },
                BlockContent::Paragraph(english("A paragraph.")),
            ],
        );
        let html = article(&arabic);
        // No block element is turned: the item and paragraph keep the page's dir, so the
        // list marker stays on the right.
        assert!(
            !html.contains("<li lang") && !html.contains("<p lang"),
            "{html}"
        );
        assert!(
            html.contains(
                "<li><span class=\"fallback-badge\" lang=\"en\" dir=\"ltr\">Not yet translated</span> \
                 <span class=\"fallback\" lang=\"en\" dir=\"ltr\">An <strong>item</strong></span></li>"
            ),
            "{html}"
        );
        // With the page's own words, the badge is in the page's language, unmarked; and
        // those words are untrusted text.
        arabic
            .interface
            .insert("fallback-badge".into(), "لم تُترجم <b>بعد</b>".into());
        let html = article(&arabic);
        assert!(
            html.contains(
                "<p><span class=\"fallback-badge\">لم تُترجم &lt;b&gt;بعد&lt;/b&gt;</span> \
                 <span class=\"fallback\" lang=\"en\" dir=\"ltr\">A paragraph.</span></p>"
            ),
            "{html}"
        );
        // An English page needs no marking of English words.
        let html = article(&page(
            "en-GB",
            Direction::Ltr,
            vec![BlockContent::Paragraph(english("A paragraph."))],
        ));
        assert!(html.contains("<span class=\"fallback-badge\">"), "{html}");
    }

    #[test]
    fn a_table_is_a_named_focusable_region_with_labelled_cells() {
        let table = || BlockContent::Table {
            alignments: vec![Alignment::None; 3],
            header: vec![Some(own("Treatment")), Some(own("How \"it\" works")), None],
            rows: vec![vec![
                Some(own("Surgery")),
                Some(own("Removes")),
                Some(own("x")),
            ]],
        };
        let heading = BlockContent::Heading {
            level: 2,
            anchor: "options".into(),
            text: english("Options"),
        };
        let html = article(&page("es", Direction::Ltr, vec![heading, table()]));
        assert!(
            html.contains(
                "<div class=\"table\" role=\"region\" tabindex=\"0\" aria-labelledby=\"options\"><table>\n\
                 <caption class=\"visually-hidden\"><span lang=\"en\" dir=\"ltr\">Options</span></caption>"
            ),
            "{html}"
        );
        // The row's header names the row; each other cell carries its column's header
        // as plain text, escaped; a column without a header gets no label.
        assert!(
            html.contains(
                "<tr><th scope=\"row\">Surgery</th><td data-label=\"How &quot;it&quot; works\">Removes</td><td>x</td></tr>"
            ),
            "{html}"
        );
        // With no heading before it, the region is named by the interface's word.
        let html = article(&page("es", Direction::Ltr, vec![table()]));
        assert!(
            html.contains("role=\"region\" tabindex=\"0\" aria-label=\"Table\"><table>\n<thead>"),
            "{html}"
        );
    }
}
