//! Folio's exchange formats for translation agencies: XLIFF 1.2, which every CAT tool
//! (Trados Studio, memoQ, Phrase, OmegaT) imports, and TMX 1.4b translation memories.
//!
//! Pure: text and values in, text and values out; the pipeline reads the workspace and
//! writes files. XML is written and read with quick-xml, so every attribute and text is
//! escaped on the way out and unescaped on the way in; a unit's inline Markdown travels
//! as protected XLIFF codes ([`Segment`]). Reading refuses a DTD outright (no entity is
//! ever expanded, so no "billion laughs") and names the line and column of anything it
//! can't take. It knows nothing of Fluent, records or statuses beyond the values it is
//! handed.

mod inline;
mod tmx;
mod xliff;
mod xml;

pub use inline::{Code, CodeKind, CodeProblem, Piece, Role, Segment, check_codes};
pub use tmx::{MemoryEntry, MemoryVariant, write_tmx};
pub use xliff::{
    ExportDocument, ExportUnit, Previous, ReadDocument, ReadTarget, ReadUnit, State, XliffError,
    XliffExport, read_xliff, write_xliff,
};
pub use xml::{is_xml_text, xml_safe};
