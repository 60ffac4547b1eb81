//! Oracles shared by Folio's fuzz targets (`fuzz_targets/`): the checks each target
//! asserts, written apart from the code under test so that a bug there is not mirrored
//! here, and the repository's English that inputs are judged against.
//!
//! Nothing here runs the fuzzers or decides what they feed; see `README.md`.

pub mod codes;
pub mod fluent;
pub mod html;
pub mod page;
pub mod seed;
