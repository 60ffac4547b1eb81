//! Folio's measuring instruments.
//!
//! - [`tree`]: a deterministic Fluent tree, `OUT/<locale>/<dir>/<doc>.ftl`, shaped like an
//!   application's real localization files (`folio-gen fluent-tree`).
//! - [`workspace`]: a Folio workspace of N copies of this repository's article in L
//!   locales (`folio-gen workspace`).
//! - [`floor`]: the read-and-parse floor (`folio-floor`): every `.ftl` of a folder read
//!   and parsed once, on every core. Nothing can check a Fluent tree faster.
//!
//! Everything generated is a function of the arguments alone: no clock, no environment,
//! no randomness but the fixed-seed generator in [`rng`].

// A measuring instrument outside Folio: it writes the trees Folio is measured on and reads
// them as plainly as a program can, so it uses the file system directly (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

pub mod floor;
pub mod locales;
pub mod rng;
pub mod tree;
pub mod workspace;
