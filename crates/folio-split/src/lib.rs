//! Folio's splitter: an English Markdown article in, translatable units with stable ids
//! and the page layout out.
//!
//! Two steps, both pure (text and values in, values out; no file I/O):
//!
//! 1. [`split_article_with`] parses the Markdown with pulldown-cmark (and the author's HTML
//!    blocks with html5ever) into [`SourceUnit`]s — front matter text, headings,
//!    paragraphs, list items at any depth, table cells, quoted and footnote paragraphs,
//!    text and `alt`/`title`/`aria-label` in HTML — each keeping its inline Markdown and
//!    inline HTML verbatim with whitespace normalised, and the page's body as
//!    `folio_model::Block`s (code, rules and text-less HTML kept as layout). What can't be
//!    localized (`<script>`, `<style>`, `on…=` handlers unless allowed, math) is a
//!    [`SplitError`] naming line, column and construct; all of them are reported.
//! 2. [`assign_ids`] gives every unit an id, keeping the ids of the previous English
//!    units it matches (pinned id, then identical text, then word similarity), so that
//!    edits, insertions, deletions and moves rename nothing else.
//!
//! It deliberately knows nothing of Fluent syntax (that is `folio-ftl`) or of files.

mod front;
mod html;
mod ids;
mod markdown;
mod matching;

pub use front::front_matter_key;
pub use ids::{Extracted, Previous, assign_ids};
pub use markdown::{
    Detail, SourceUnit, SplitArticle, SplitError, SplitErrorKind, SplitOptions, github_slug,
    placeholder, placeholder_index, split_article, split_article_with,
};
pub use matching::SIMILARITY_THRESHOLD;
