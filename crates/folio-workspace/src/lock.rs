//! The workspace lock: commands that write take it, so two of them never interleave
//! their read-modify-write of the same record (two `accept`s would otherwise both read
//! the old record and the second write would drop the first one's acceptance).

use std::fs::{File, TryLockError};
use std::path::{Path, PathBuf};

use crate::files::{io_error, is_temp_name, list_dir};
use crate::{RECORD_DIR, Workspace, WorkspaceError};

/// The lock file, in the workspace root. It is never removed (removing a lock file
/// another process is waiting on would let a third take a fresh one) and is ignored by
/// git; deleting it while no Folio command runs is harmless.
pub const LOCK_FILE: &str = ".folio.lock";

/// An advisory lock on the workspace (`flock`-style, through `std::fs::File::lock`),
/// held until dropped. The operating system releases it when the process ends, however
/// it ends, so a killed command never leaves the workspace locked.
#[derive(Debug)]
pub struct WorkspaceLock {
    /// `None` when the workspace is read-only to this user: no Folio command can write
    /// it then, so there is nobody to exclude (and `render` can still publish elsewhere).
    _file: Option<File>,
    path: PathBuf,
}

impl WorkspaceLock {
    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Workspace {
    /// The lock file of this workspace.
    pub fn lock_path(&self) -> PathBuf {
        self.root().join(LOCK_FILE)
    }

    /// Takes the workspace lock if no other process holds it; `Ok(None)` if one does.
    /// See [`Self::lock`] for what taking it also does.
    pub fn try_lock(&self) -> Result<Option<WorkspaceLock>, WorkspaceError> {
        let (file, path) = self.open_lock_file()?;
        let Some(file) = file else {
            return Ok(Some(WorkspaceLock { _file: None, path }));
        };
        match file.try_lock() {
            Ok(()) => self.locked(file, path).map(Some),
            Err(TryLockError::WouldBlock) => Ok(None),
            Err(TryLockError::Error(error)) => Err(io_error(&path)(error)),
        }
    }

    /// Takes the workspace lock, waiting as long as another process holds it.
    ///
    /// Holding it means no other Folio command is writing, so Folio's temporary files
    /// left in the locale folders are leftovers of a killed run: they are removed now.
    pub fn lock(&self) -> Result<WorkspaceLock, WorkspaceError> {
        let (file, path) = self.open_lock_file()?;
        let Some(file) = file else {
            return Ok(WorkspaceLock { _file: None, path });
        };
        file.lock().map_err(io_error(&path))?;
        self.locked(file, path)
    }

    fn open_lock_file(&self) -> Result<(Option<File>, PathBuf), WorkspaceError> {
        let path = self.lock_path();
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path);
        match file {
            Ok(file) => Ok((Some(file), path)),
            Err(error)
                if matches!(
                    error.kind(),
                    std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem
                ) =>
            {
                Ok((None, path))
            }
            Err(error) => Err(io_error(&path)(error)),
        }
    }

    fn locked(&self, file: File, path: PathBuf) -> Result<WorkspaceLock, WorkspaceError> {
        self.remove_leftover_temporaries()?;
        Ok(WorkspaceLock {
            _file: Some(file),
            path,
        })
    }

    /// Removes Folio's temporary files from the folders it writes: each locale folder
    /// (the reference's units and layouts) and each locale's record folder.
    fn remove_leftover_temporaries(&self) -> Result<(), WorkspaceError> {
        let locales = self.root().join(&self.config().locales);
        if !locales.is_dir() {
            return Ok(());
        }
        for locale in list_dir(&locales)? {
            if !locale.is_dir() || self.confine(&locale).is_err() {
                continue;
            }
            for dir in [locale.join(RECORD_DIR), locale] {
                if !dir.is_dir() {
                    continue;
                }
                for path in list_dir(&dir)? {
                    let temporary = path
                        .file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(is_temp_name);
                    if temporary && path.symlink_metadata().is_ok_and(|m| m.is_file()) {
                        crate::remove_file(&path)?;
                    }
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("folio.toml"), "").unwrap();
        std::fs::create_dir_all(dir.path().join("locales/es/confirmed")).unwrap();
        let workspace = Workspace::open(dir.path()).unwrap();
        (dir, workspace)
    }

    #[test]
    fn a_held_lock_is_not_taken_twice_and_is_released_on_drop() {
        let (_dir, workspace) = workspace();
        let held = workspace.try_lock().unwrap().expect("free at first");
        assert!(workspace.try_lock().unwrap().is_none());
        drop(held);
        assert!(workspace.try_lock().unwrap().is_some());
    }

    #[test]
    fn taking_the_lock_removes_leftover_temporaries_only() {
        let (dir, workspace) = workspace();
        let es = dir.path().join("locales/es");
        for name in [
            "confirmed/.folio-tmp-x1",
            ".tmpAbC123",
            "a.ftl",
            ".tmp-notes",
        ] {
            std::fs::write(es.join(name), "").unwrap();
        }
        let _lock = workspace.lock().unwrap();
        assert!(!es.join("confirmed/.folio-tmp-x1").exists());
        assert!(!es.join(".tmpAbC123").exists());
        assert!(es.join("a.ftl").exists() && es.join(".tmp-notes").exists());
    }
}
