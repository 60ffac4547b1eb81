//! What can go wrong reading or writing a workspace.

use std::path::PathBuf;

/// A workspace I/O or settings failure. Every variant names the file.
#[derive(Debug, thiserror::Error)]
pub enum WorkspaceError {
    /// No `folio.toml` at or above the starting folder.
    #[error("no folio.toml in {start} or any folder above it (is this a Folio workspace?)")]
    NotAWorkspace {
        /// Where the search started.
        start: PathBuf,
    },
    /// A file or folder could not be read or written.
    #[error("{path}: {error}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The OS error (part of the message, so not repeated as a cause).
        error: std::io::Error,
    },
    /// A file is not UTF-8.
    #[error("{path}:{line}:{column}: not valid UTF-8")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first invalid byte.
        line: usize,
        /// 1-based column (in characters) of the first invalid byte.
        column: usize,
    },
    /// `folio.toml` is not valid.
    #[error("{path}: {message}")]
    Config {
        /// The settings file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The termbase can't be used: every problem, at its line and column.
    #[error(transparent)]
    Terms(#[from] crate::TermsError),
    /// The disclaimer source the settings name does not exist.
    #[error("{path}: the disclaimer source is missing (set `disclaimer` in folio.toml)")]
    MissingDisclaimer {
        /// Where it was expected.
        path: PathBuf,
    },
    /// A locale folder or argument is not a BCP 47 tag.
    #[error("{path}: {message}")]
    InvalidLocale {
        /// The folder (or the argument, as a path).
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A record of confirmed English can't be read back.
    #[error("{path}: {message}")]
    Record {
        /// The record file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A generated layout file can't be read back.
    #[error(
        "{path}: {message} (regenerate it: delete the file and run `folio extract`; ids then start afresh)"
    )]
    Layout {
        /// The layout file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// Something Folio would read is not a regular file (a FIFO would block the command
    /// forever, a device could be endless).
    #[error("{path}: is {kind}, not a regular file; Folio reads only regular files")]
    NotAFile {
        /// The path.
        path: PathBuf,
        /// What it is instead, in words ("a FIFO").
        kind: &'static str,
    },
    /// A path leads, through a symbolic link, outside the tree Folio may touch.
    #[error(
        "{path}: a symbolic link leads outside {root} (to {target}); Folio follows links only within it"
    )]
    OutsideTree {
        /// The path as Folio meant to use it.
        path: PathBuf,
        /// Where it leads.
        target: PathBuf,
        /// The tree it must stay in: the workspace, or the folder given to `--locales`.
        root: PathBuf,
    },
    /// A folder links back to one of its own ancestors: walking it would never end.
    #[error("{path}: a symbolic link loops back to {ancestor}; it is skipped")]
    LinkLoop {
        /// The link.
        path: PathBuf,
        /// The folder it loops back to.
        ancestor: PathBuf,
    },
    /// `render --out` names a place a site must not go.
    #[error("--out {path}: {reason}")]
    SiteFolder {
        /// The folder as given.
        path: PathBuf,
        /// Why it is refused.
        reason: String,
    },
}
