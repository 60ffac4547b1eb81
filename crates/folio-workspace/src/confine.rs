//! Confinement: where a path lands once its links are followed, and whether that is
//! inside a root. A run reads thousands of files from a few dozen folders, so each
//! folder's resolution is remembered and a file costs one `lstat` (a file that is itself
//! a link is resolved in full).

use std::collections::HashMap;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use crate::WorkspaceError;
use crate::files::{io_error, resolve};

/// A root that paths must stay inside, with the folders resolved so far.
#[derive(Debug)]
pub(crate) struct Confinement {
    root: PathBuf,
    real_root: PathBuf,
    folders: Mutex<HashMap<PathBuf, PathBuf>>,
}

impl Confinement {
    /// Confinement to `root`, which must exist.
    pub(crate) fn new(root: &Path) -> Result<Self, WorkspaceError> {
        Ok(Confinement {
            root: root.to_path_buf(),
            real_root: root.canonicalize().map_err(io_error(root))?,
            folders: Mutex::new(HashMap::new()),
        })
    }

    /// Where a read or write of `path` lands: [`resolve`], with the folder's resolution
    /// remembered.
    pub(crate) fn resolve(&self, path: &Path) -> io::Result<PathBuf> {
        let is_link = match path.symlink_metadata() {
            Ok(metadata) => metadata.file_type().is_symlink(),
            Err(error) if error.kind() == io::ErrorKind::NotFound => false,
            Err(error) => return Err(error),
        };
        self.resolve_seen(path, is_link)
    }

    /// [`Self::resolve`] of a path the caller has looked at: `is_link` says whether
    /// `path` itself is a symbolic link.
    fn resolve_seen(&self, path: &Path, is_link: bool) -> io::Result<PathBuf> {
        let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
            return resolve(path);
        };
        if is_link || folder.as_os_str().is_empty() {
            return resolve(path);
        }
        let known = self.lock().get(folder).cloned();
        let resolved = match known {
            Some(resolved) => resolved,
            None => {
                let resolved = resolve(folder)?;
                self.lock().insert(folder.to_path_buf(), resolved.clone());
                resolved
            }
        };
        Ok(resolved.join(name))
    }

    /// Fails unless `path`, with its links followed, is inside the root (which the
    /// error names).
    pub(crate) fn check(&self, path: &Path) -> Result<(), WorkspaceError> {
        let target = self.resolve(path).map_err(io_error(path))?;
        self.inside(path, target)
    }

    /// [`Self::check`] of a path the caller has looked at: `is_link` says whether `path`
    /// itself is a symbolic link.
    pub(crate) fn check_seen(&self, path: &Path, is_link: bool) -> Result<(), WorkspaceError> {
        let target = self.resolve_seen(path, is_link).map_err(io_error(path))?;
        self.inside(path, target)
    }

    /// Fails unless `target`, where `path` leads, is inside the root.
    fn inside(&self, path: &Path, target: PathBuf) -> Result<(), WorkspaceError> {
        if target.starts_with(&self.real_root) {
            Ok(())
        } else {
            Err(WorkspaceError::OutsideTree {
                path: path.to_path_buf(),
                target,
                root: self.root.clone(),
            })
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<PathBuf, PathBuf>> {
        self.folders
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn links_are_followed_as_a_full_resolution_would() {
        let root = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(root.path().join("a/b")).unwrap();
        std::fs::write(root.path().join("a/b/f.ftl"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path(), root.path().join("a/out")).unwrap();
        std::os::unix::fs::symlink("b/f.ftl", root.path().join("a/link.ftl")).unwrap();
        let confinement = Confinement::new(root.path()).unwrap();
        for path in [
            "a/b/f.ftl",
            "a/b/new.ftl",
            "a/new/f.ftl",
            "a/out/f.ftl",
            "a/link.ftl",
            "a/b/../b/f.ftl",
        ] {
            let path = root.path().join(path);
            // Twice: the second from the remembered folder.
            for _ in 0..2 {
                assert_eq!(confinement.resolve(&path).unwrap(), resolve(&path).unwrap());
            }
        }
        assert!(confinement.check(&root.path().join("a/b/f.ftl")).is_ok());
        assert!(confinement.check(&root.path().join("a/out/f.ftl")).is_err());
    }
}
