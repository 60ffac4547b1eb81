//! The read-and-parse floor: every `*.ftl` under a folder read and parsed once with
//! `fluent_syntax`, one file at a time per core, nothing kept. No tool can check a
//! Fluent tree in less time than this takes. With records, every `*.toml` (a Folio
//! workspace's records of confirmed English) is read and parsed with `toml` too: the
//! floor of anything that must read a workspace's translations and their records.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use fluent_syntax::ast::Entry;
use rayon::prelude::*;

/// What the floor read.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Totals {
    /// `.ftl` files read.
    pub files: u64,
    /// Messages parsed (terms not counted).
    pub messages: u64,
    /// Bytes read.
    pub bytes: u64,
    /// Files with syntax errors.
    pub files_with_errors: u64,
}

/// Every `.ftl` file under `dir` (and, with `records`, every `.toml`), following links.
pub fn input_files(dir: &Path, records: bool) -> Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(dir).follow_links(true) {
        let entry = entry.with_context(|| format!("walking {}", dir.display()))?;
        let wanted = |e: &std::ffi::OsStr| e == "ftl" || (records && e == "toml");
        if entry.file_type().is_file() && entry.path().extension().is_some_and(wanted) {
            files.push(entry.into_path());
        }
    }
    Ok(files)
}

/// Reads and parses every `.ftl` file under `dir` (and, with `records`, every `.toml`)
/// on all cores, each file read, parsed and dropped before the thread takes the next.
pub fn scan(dir: &Path, records: bool) -> Result<Totals> {
    input_files(dir, records)?
        .par_iter()
        .map(|path| parse_file(path))
        .try_reduce(Totals::default, |a, b| {
            Ok(Totals {
                files: a.files + b.files,
                messages: a.messages + b.messages,
                bytes: a.bytes + b.bytes,
                files_with_errors: a.files_with_errors + b.files_with_errors,
            })
        })
}

fn parse_file(path: &Path) -> Result<Totals> {
    let bytes = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
    // Validated as Folio validates what it reads (SIMD), and not copied as Folio must.
    let text = simdutf8::basic::from_utf8(&bytes)
        .map_err(|_| anyhow::anyhow!("{}: not UTF-8", path.display()))?;
    if path.extension().is_some_and(|e| e == "toml") {
        let errors = text.parse::<toml::Table>().is_err();
        return Ok(Totals {
            files: 1,
            bytes: text.len() as u64,
            files_with_errors: u64::from(errors),
            ..Totals::default()
        });
    }
    let (resource, errors) = match fluent_syntax::parser::parse(text) {
        Ok(resource) => (resource, false),
        Err((resource, _)) => (resource, true),
    };
    let messages = resource
        .body
        .iter()
        .filter(|entry| matches!(entry, Entry::Message(_)))
        .count();
    Ok(Totals {
        files: 1,
        messages: messages as u64,
        bytes: text.len() as u64,
        files_with_errors: u64::from(errors),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_files_messages_and_bytes() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("en/sub")).unwrap();
        std::fs::write(dir.path().join("en/a.ftl"), "a = A\n-t = T\nb = B\n").unwrap();
        std::fs::write(dir.path().join("en/sub/b.ftl"), "c = {\n").unwrap();
        std::fs::write(dir.path().join("en/notes.txt"), "a = A\n").unwrap();
        std::fs::write(dir.path().join("en/r.toml"), "[a]\nenglish = \"A\"\n").unwrap();
        let totals = scan(dir.path(), false).unwrap();
        assert_eq!(
            totals,
            Totals {
                files: 2,
                messages: 2,
                bytes: 19 + 6,
                files_with_errors: 1,
            }
        );
        // With records, the TOML is read and parsed too.
        let totals = scan(dir.path(), true).unwrap();
        assert_eq!((totals.files, totals.bytes), (3, 19 + 6 + 18));
        assert_eq!(totals.files_with_errors, 1);
    }
}
