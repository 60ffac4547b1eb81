//! Folio's Fluent codec: English [`Unit`]s to canonical `.ftl` text, and any `.ftl` text
//! back to its messages with positions and syntax errors.
//!
//! Writing goes through the fluent-syntax serializer only, so generated files are in
//! serializer normal form. The serializer writes text elements verbatim, so this crate
//! hands it an AST in which every Fluent-significant character of the English is already
//! safe (see [`encode_pattern`]). Reading never fails: broken entries come back as
//! [`SyntaxError`]s beside the messages that did parse, as Fluent keeps them as Junk.
//!
//! The crate does no I/O and knows nothing of Markdown.

mod encode;
mod read;

pub use encode::{UnitFile, encode_pattern, message_text, write_units};
pub use read::{
    FtlFile, FtlMessage, FtlTerm, SyntaxError, formatted_text, parsable, parse_ftl, plain_text,
    source_offset,
};
