//! Folio's renderer: one resolved article page to HTML (through a minijinja template) or
//! to Markdown with front matter, with every unit's text treated as untrusted.
//!
//! The caller resolves each unit of the layout to a [`Text`] (the translation, or a
//! fallback marked with its language) and says which locales are published; this crate
//! only assembles. Untrusted-text rules, applied here and nowhere else: a translation's
//! HTML is shown as text unless it is the English unit's own tag at the same position
//! (then the English's is written, `tags.rs`), images show the English's sources, only
//! `http(s)`, `mailto` and relative link targets become links, bidi embedding, override
//! and isolate controls are removed so no translation can reorder the page, and a unit
//! whose Markdown would open a block (a heading, list, quote…) is shown as plain text.
//! The author's HTML blocks, code and rules in the layout are trusted and copied. In Markdown output a unit can only produce inline Markdown:
//! block starters, definitions, fences, table pipes, newlines, bare URLs and the template
//! syntax of static-site generators (`{{`, `{%`) are escaped ([`inline_markdown`]). No I/O.

mod dates;
mod details;
mod html;
mod inline;
pub mod interface;
mod markdown;
mod page;
mod site;
mod tags;
mod urls;
mod visible;

pub use dates::{CalendarDate, ShownDate};
pub use details::{ArticleDetails, DETAIL_KEYS, DetailError, json_ld, og_locale, script_safe_json};
pub use html::{BUILTIN_TEMPLATE, PageTemplate, RenderError, STYLESHEET, render_html};
pub use inline::{
    LinkNote, MarkdownPlace, inline_html, inline_html_with, inline_markdown, inline_markdown_with,
    plain_text,
};
pub use markdown::{MarkdownStyle, render_markdown};
pub use page::{
    Alternate, BlockContent, Direction, FrontMatterValue, HtmlContent, Page, Text, build_blocks,
    language_name, localize_images,
};
pub use site::{IndexEntry, LocaleSite, SiteOutput, SiteOverview, SiteWriter, SitemapLimits};
pub use urls::{SitePath, SiteUrls};
pub use visible::{visible_fragment_text, visible_text};
