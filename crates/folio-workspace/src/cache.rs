//! The cache folder's files: what the cache keeps is the pipeline's business; where it
//! lives, how its files are read and written and how input files are stamped is here.
//!
//! The cache is `<root>/.folio-cache/`, made with a `.gitignore` of `*` so git ignores
//! it wherever the workspace is, and safe to delete at any time.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use serde::{Deserialize, Serialize};

use crate::files::{io_error, write_unsynced};
use crate::{Workspace, WorkspaceError};

/// The cache folder's name, at the workspace root.
pub const CACHE_DIR: &str = ".folio-cache";

/// What a file's metadata says about its contents without reading them: size, times
/// (nanoseconds since the epoch) and inode. Any edit changes one of them; the
/// pipeline also never trusts a stamp as recent as the run that recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    /// Bytes.
    pub len: u64,
    /// Last modification.
    pub modified: i128,
    /// Last status change (Unix), else the modification again.
    pub changed: i128,
    /// The inode (Unix), else 0.
    pub inode: u64,
}

impl Stamp {
    pub(crate) fn of(metadata: &std::fs::Metadata) -> Self {
        let nanos = |time: std::io::Result<std::time::SystemTime>| -> i128 {
            time.ok()
                .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos() as i128)
        };
        let modified = nanos(metadata.modified());
        #[cfg(unix)]
        let (changed, inode) = {
            use std::os::unix::fs::MetadataExt;
            (
                i128::from(metadata.ctime()) * 1_000_000_000 + i128::from(metadata.ctime_nsec()),
                metadata.ino(),
            )
        };
        #[cfg(not(unix))]
        let (changed, inode) = (modified, 0);
        Stamp {
            len: metadata.len(),
            modified,
            changed,
            inode,
        }
    }
}

/// The running program's [`Stamp`]: part of the cache key, so a rebuilt or reinstalled
/// `folio` of the same version (a developer's build, a patched package) never trusts
/// results an older build computed. `None` when the program can't be found.
pub fn program_stamp() -> Option<Stamp> {
    let path = std::env::current_exe().ok()?;
    std::fs::metadata(path).ok().map(|m| Stamp::of(&m))
}

impl Workspace {
    /// `path`'s [`Stamp`], or `None` when there is no file.
    pub fn stamp(&self, path: &Path) -> Result<Option<Stamp>, WorkspaceError> {
        match std::fs::metadata(path) {
            Ok(metadata) => Ok(Some(Stamp::of(&metadata))),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(io_error(path)(error)),
        }
    }

    /// The cache file `name` (a relative path inside the cache folder).
    fn cache_path(&self, name: &str) -> PathBuf {
        self.root().join(CACHE_DIR).join(name)
    }

    /// The text of cache file `name`; `None` when it is missing or unreadable (a cache
    /// that can't be read is a cache miss, never an error).
    pub fn read_cache(&self, name: &str) -> Option<String> {
        std::fs::read_to_string(self.cache_path(name)).ok()
    }

    /// Writes cache file `name` (atomically, unsynced: losing it costs a recomputation),
    /// making the cache folder, with its `.gitignore`, first.
    pub fn write_cache(&self, name: &str, contents: &[u8]) -> Result<(), WorkspaceError> {
        let dir = self.root().join(CACHE_DIR);
        let ignore = dir.join(".gitignore");
        if !ignore.exists() {
            write_unsynced(
                &ignore,
                b"# Folio's cache: safe to delete, never committed.\n*\n",
            )?;
        }
        write_unsynced(&self.cache_path(name), contents)
    }
}
