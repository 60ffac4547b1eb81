//! Folio's splitter: an English Markdown article in, translatable units with stable ids
//! and the page layout out.
//!
//! Two steps, both pure (text and values in, values out; no file I/O):
//!
//! 1. [`split_article`] parses the Markdown with pulldown-cmark into [`SourceUnit`]s —
//!    title, description, headings, paragraphs, list items and table cells, each keeping
//!    its inline Markdown verbatim with whitespace normalised — and the [`Shape`] of the
//!    page. Constructs that can't be units (raw HTML, images, footnotes, nested lists…)
//!    are [`SplitError`]s naming line, column and construct; all of them are reported.
//! 2. [`assign_ids`] gives every unit an id, keeping the ids of the previous English
//!    units it matches (pinned id, then identical text, then word similarity), so that
//!    edits, insertions, deletions and moves rename nothing else.
//!
//! It deliberately knows nothing of Fluent syntax (that is `folio-ftl`) or of files.

mod html;
mod ids;
mod markdown;
mod matching;

pub use ids::{Extracted, Previous, SIMILARITY_THRESHOLD, assign_ids};
pub use markdown::{
    Detail, SourceUnit, SplitArticle, SplitError, SplitErrorKind, SplitOptions, github_slug,
    placeholder, placeholder_index, split_article, split_article_with,
};
