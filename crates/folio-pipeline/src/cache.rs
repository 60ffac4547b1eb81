//! The result cache: what a command concluded about a document, kept under the
//! workspace (`.folio-cache/<command>/<document>.json`) with a fingerprint of every
//! file it read, so that a re-run with nothing changed reads no input at all.
//!
//! A cached result is used only when every input is unchanged: its stamp (size, times,
//! inode) is the one recorded and old enough that an edit within the file system's
//! timestamp granularity could not hide behind it, or else, read again, its content
//! hashes (xxh3) to the one recorded. The key holds Folio's version, the program's own
//! stamp and the settings that shape results, so an upgrade, a rebuild or a `folio.toml`
//! edit starts afresh. Anything
//! unreadable is a miss. The folder is safe to delete.

use std::path::PathBuf;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use folio_workspace::{Stamp, Workspace, WorkspaceError};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::xxh3_64;

/// How recent a stamp may be and still be trusted without reading the file: file
/// systems record times in ticks, so an edit right after a read can keep the stamp.
const SETTLED: Duration = Duration::from_secs(2);

/// One file a result was computed from, as it was when read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Input {
    /// The file.
    pub path: PathBuf,
    /// Its stamp, taken before it was read; `None` when it did not exist.
    pub stamp: Option<Stamp>,
    /// The xxh3 hash of its text; `None` when it did not exist.
    pub hash: Option<u64>,
}

impl Input {
    /// Reads `path` (`None` when there is no file) and records it, stamped before the
    /// read, in `inputs`.
    pub fn read(
        workspace: &Workspace,
        path: PathBuf,
        inputs: &mut Vec<Input>,
    ) -> Result<Option<String>, WorkspaceError> {
        let (stamp, text) = workspace.read_stamped(&path)?;
        inputs.push(Input {
            path,
            stamp,
            hash: text.as_deref().map(|t| xxh3_64(t.as_bytes())),
        });
        Ok(text)
    }
}

/// A cached result and what it was computed from.
#[derive(Serialize, Deserialize)]
struct Entry<T> {
    /// The cache key: Folio's version and the settings (see [`Cache::new`]).
    key: u64,
    /// When the run that computed it started, in nanoseconds since the epoch.
    started: i128,
    inputs: Vec<Input>,
    value: T,
}

/// One command's cache in a workspace.
pub struct Cache<'w> {
    workspace: &'w Workspace,
    command: &'static str,
    key: u64,
    started: i128,
}

impl<'w> Cache<'w> {
    /// The cache of `command`, for results shaped by `settings` (say, the text of
    /// `folio.toml` and the locales asked for).
    pub fn new(workspace: &'w Workspace, command: &'static str, settings: &[&str]) -> Self {
        let mut key = format!(
            "folio {} {:?}\0{command}",
            env!("CARGO_PKG_VERSION"),
            folio_workspace::program_stamp()
        );
        for setting in settings {
            key.push('\0');
            key.push_str(setting);
        }
        Cache {
            workspace,
            command,
            key: xxh3_64(key.as_bytes()),
            started: now(),
        }
    }

    fn name(&self, document: &str) -> String {
        format!("{}/{document}.json", self.command)
    }

    /// The result for `document` if every one of `inputs` (the files it always reads, in
    /// order) is unchanged since it was computed, and so is every file the computation
    /// read besides, after them (a file read only for what it found: the English source,
    /// to place a finding on its line).
    pub fn get<T: DeserializeOwned + Serialize>(
        &self,
        document: &str,
        inputs: &[PathBuf],
    ) -> Option<T> {
        let text = self.workspace.read_cache(&self.name(document))?;
        let mut entry: Entry<T> = serde_json::from_str(&text).ok()?;
        if entry.key != self.key
            || entry.inputs.len() < inputs.len()
            || entry.inputs.iter().zip(inputs).any(|(i, p)| i.path != *p)
        {
            return None;
        }
        let settled = entry.started - SETTLED.as_nanos() as i128;
        let mut restamped = false;
        for input in &mut entry.inputs {
            let stamp = self.workspace.stamp(&input.path).ok()?;
            let trusted = stamp == input.stamp
                && input
                    .stamp
                    .is_none_or(|s| s.modified < settled && s.changed < settled);
            if trusted {
                continue;
            }
            // Touched, checked out again, or too recent to trust: its content decides.
            let text = self.workspace.read_text_if_exists(&input.path).ok()?;
            if text.map(|t| xxh3_64(t.as_bytes())) != input.hash {
                return None;
            }
            input.stamp = stamp;
            restamped = true;
        }
        if restamped {
            // Unchanged content under new stamps: record them, so the next run trusts them.
            entry.started = self.started;
            self.write(document, &entry);
        }
        Some(entry.value)
    }

    /// Keeps `value` for `document`, computed from `inputs`. A cache that can't be
    /// written costs the next run a recomputation, nothing more.
    pub fn put<T: Serialize>(&self, document: &str, inputs: Vec<Input>, value: &T) {
        let entry = Entry {
            key: self.key,
            started: self.started,
            inputs,
            value,
        };
        self.write(document, &entry);
    }

    fn write<T: Serialize>(&self, document: &str, entry: &Entry<T>) {
        if let Ok(text) = serde_json::to_vec(entry) {
            let _ = self.workspace.write_cache(&self.name(document), &text);
        }
    }
}

fn now() -> i128 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}
