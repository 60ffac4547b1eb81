//! The engine of every `folio` command. A run of `check`, `status` or `render` goes
//! document by document:
//! each document's English is read and parsed once, then its translation in every locale
//! is read, parsed and judged by the publishing policy (`folio-policy`), and what the
//! command needs of it is handed on in document order while the next documents are
//! being read. So memory holds a round of documents, never the workspace, and the output
//! is the same bytes on any number of cores.
//!
//! `extract`, `sync`/`new-locale`, `accept` and `xliff import` write the workspace
//! (`extract.rs`, `sync.rs`, `accept.rs`, `exchange.rs`, which also exports XLIFF and
//! TMX): each is one function that takes the workspace lock as proof it
//! is held, reads, judges with the pure crates, writes atomically and returns what it did.
//!
//! Reads and writes go through `folio-workspace`; judging is `folio-policy`'s and
//! `folio-track`'s. Nothing here prints.

mod accept;
mod cache;
mod document;
mod exchange;
mod extract;
mod kept;
mod load;
mod order;
mod render;
mod select;
mod shard;
mod site;
mod sync;
mod tree;
mod units;

pub use accept::{AcceptRequest, Accepted, Confirmed, Refusal, accept};
pub use cache::{Cache, Input};
pub use document::{
    DocumentAssessment, EnglishError, EnglishFindings, LocaleAssessment, assess_document,
    document_inputs, english_findings, english_units, read_record,
};
pub use exchange::{
    DocumentImport, ImportProblem, Imported, TmxExported, XliffExported, length_limits, tmx_export,
    xliff_export, xliff_import,
};
pub use extract::{
    ExtractCheck, ExtractOutcome, ExtractedDocument, OutOfDate, check_extraction, extract,
};
pub use folio_render::MarkdownStyle;
pub use folio_render::interface::INTERFACE_DOCUMENT;
pub use folio_render::{IndexEntry, PageTemplate, SiteOutput, SitePath, SiteUrls, SiteWriter};
pub use kept::KeptArticle;
pub use load::{DisclaimerCheck, DocumentError, RunError, english_disclaimer_check};
pub use order::for_each_in_order;
pub use render::{
    ArticleError, DecidedSite, Published, RenderRun, Rendered, RenderedSite, SiteError,
    SiteRequest, Target, decide_site,
};
pub use select::{
    Changed, DocumentPatternError, Layout, Selection, changed_documents, select_documents,
};
pub use shard::Shard;
pub use site::{ArticlePages, PageError, PageFormat, Site, interface_strings, resolve_interface};
pub use sync::{DocumentSync, LocaleSync, SyncOutcome, sync};
pub use tree::{TreeFile, TreeLocaleFile, TreeRun};
pub use units::{UnitName, resolve};
