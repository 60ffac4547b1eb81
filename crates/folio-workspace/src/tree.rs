//! Any Fluent tree laid out as `DIR/<locale>/**/*.ftl` (`folio check --locales DIR`):
//! listing its locales and files, and reading them, without ever leaving `DIR`.

use std::path::{Path, PathBuf};

use crate::WorkspaceError;
use crate::confine::Confinement;
use crate::files::{list_dir, look, read_text_seen};

/// A Fluent tree rooted at a folder. Symbolic links are followed only while they stay
/// inside the folder; a link leading out, and a link looping back to one of its own
/// ancestors, are errors naming the link (the walk goes on with the rest).
#[derive(Debug, Clone)]
pub struct FluentTree {
    root: PathBuf,
    confinement: std::sync::Arc<Confinement>,
}

impl FluentTree {
    /// Opens the tree at `root`, which must be a folder.
    pub fn open(root: &Path) -> Result<Self, WorkspaceError> {
        Ok(FluentTree {
            root: root.to_path_buf(),
            confinement: std::sync::Arc::new(Confinement::new(root)?),
        })
    }

    /// The folder of a locale.
    pub fn locale_dir(&self, locale: &str) -> PathBuf {
        self.root.join(locale)
    }

    /// The locale folders, sorted: every folder in the root but hidden ones. Folders
    /// reached through a link leading out of the tree are errors, beside the others.
    pub fn locales(&self) -> Result<(Vec<String>, Vec<WorkspaceError>), WorkspaceError> {
        let mut locales = Vec::new();
        let mut errors = Vec::new();
        for path in list_dir(&self.root)? {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if name.starts_with('.') || !path.is_dir() {
                continue;
            }
            match self.confine(&path) {
                Ok(()) => locales.push(name.to_owned()),
                Err(error) => errors.push(error),
            }
        }
        Ok((locales, errors))
    }

    /// Every `.ftl` file under a locale's folder, as sorted `/`-separated paths relative
    /// to it, and the problems met on the way (links out of the tree or in a loop,
    /// unreadable folders), each naming its path.
    pub fn ftl_files(&self, locale: &str) -> (Vec<String>, Vec<WorkspaceError>) {
        let dir = self.locale_dir(locale);
        let mut found = Vec::new();
        let mut errors = Vec::new();
        let mut walk = walkdir::WalkDir::new(&dir)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = walk.next() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    errors.push(walk_error(&dir, error));
                    continue;
                }
            };
            if entry.path_is_symlink()
                && let Err(error) = self.confine(entry.path())
            {
                errors.push(error);
                if entry.file_type().is_dir() {
                    walk.skip_current_dir();
                }
                continue;
            }
            if entry.file_type().is_dir() || entry.path().extension().is_none_or(|e| e != "ftl") {
                continue;
            }
            let relative = entry.path().strip_prefix(&dir).expect("under the locale");
            found.push(
                relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/"),
            );
        }
        found.sort();
        (found, errors)
    }

    /// Reads a file of the tree as UTF-8 text, refusing a path that a link leads out of
    /// the tree; `Ok(None)` when there is no such file.
    pub fn read_text(&self, path: &Path) -> Result<Option<String>, WorkspaceError> {
        let Some(seen) = look(path)? else {
            return Ok(None);
        };
        let is_link = seen.file_type().is_symlink();
        self.confinement.check_seen(path, is_link)?;
        read_text_seen(path, &seen).map(Some)
    }

    fn confine(&self, path: &Path) -> Result<(), WorkspaceError> {
        self.confinement.check(path)
    }
}

fn walk_error(dir: &Path, error: walkdir::Error) -> WorkspaceError {
    let path = error.path().unwrap_or(dir).to_path_buf();
    if let Some(ancestor) = error.loop_ancestor() {
        return WorkspaceError::LinkLoop {
            path,
            ancestor: ancestor.to_path_buf(),
        };
    }
    let error = error
        .into_io_error()
        .unwrap_or_else(|| std::io::Error::other("unreadable"));
    WorkspaceError::Io { path, error }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn links_inside_are_followed_loops_and_links_out_are_errors() {
        let dir = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("secret.ftl"), "x = y\n").unwrap();
        let fr = dir.path().join("fr");
        std::fs::create_dir_all(fr.join("sub")).unwrap();
        std::fs::write(fr.join("sub/a.ftl"), "a = b\n").unwrap();
        symlink(".", fr.join("loop1")).unwrap();
        symlink(".", fr.join("loop2")).unwrap();
        symlink("sub", fr.join("inside")).unwrap();
        symlink(outside.path(), fr.join("out")).unwrap();
        symlink(outside.path().join("secret.ftl"), fr.join("leak.ftl")).unwrap();
        let tree = FluentTree::open(dir.path()).unwrap();
        let (files, errors) = tree.ftl_files("fr");
        assert_eq!(files, ["inside/a.ftl", "sub/a.ftl"]);
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 4, "{errors:#?}");
        assert!(
            errors
                .iter()
                .any(|e| e.contains("leak.ftl") && e.contains("outside"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("/out") && e.contains("outside"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("loop1") && e.contains("loops"))
        );
        assert!(
            errors
                .iter()
                .any(|e| e.contains("loop2") && e.contains("loops"))
        );
        assert!(tree.read_text(&fr.join("leak.ftl")).is_err());
        assert_eq!(tree.read_text(&fr.join("none.ftl")).unwrap(), None);
    }
}
