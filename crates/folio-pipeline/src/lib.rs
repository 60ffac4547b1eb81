//! The engine of `folio check`, `status` and `render`. A run goes document by document:
//! each document's English is read and parsed once, then its translation in every locale
//! is read, parsed and judged by the publishing policy (`folio-policy`), and what the
//! command needs of it is handed on in document order while the next documents are
//! being read. So memory holds a round of documents, never the workspace, and the output
//! is the same bytes on any number of cores.
//!
//! Reads go through `folio-workspace`; judging is `folio-policy`'s. Nothing here prints.

mod cache;
mod document;
mod order;
mod shard;
mod site;
mod tree;

pub use cache::{Cache, Input};
pub use document::{
    DocumentAssessment, EnglishError, LocaleAssessment, assess_document, document_inputs,
    english_units, read_record,
};
pub use order::for_each_in_order;
pub use shard::Shard;
pub use site::{ArticlePages, PageFormat, Site};
pub use tree::{TreeFile, TreeLocaleFile, TreeRun};
