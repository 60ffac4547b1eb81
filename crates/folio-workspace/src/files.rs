//! Reading text and writing files atomically.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::WorkspaceError;

fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> WorkspaceError + '_ {
    move |error| WorkspaceError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Reads `path` as UTF-8 text; invalid UTF-8 is an error naming the line and column.
pub fn read_text(path: &Path) -> Result<String, WorkspaceError> {
    let bytes = std::fs::read(path).map_err(io_error(path))?;
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("valid_up_to is valid");
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        WorkspaceError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
        }
    })
}

/// Writes `contents` to `path` through a temporary file in the same folder and a rename,
/// creating the folder if needed. Readers see the old file or the new one, never a part.
/// Unchanged contents leave the file untouched.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WorkspaceError> {
    if std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(io_error(dir))?;
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(io_error(dir))?;
    temp.write_all(contents).map_err(io_error(path))?;
    temp.as_file().sync_all().map_err(io_error(path))?;
    temp.persist(path).map_err(|e| WorkspaceError::Io {
        path: path.to_path_buf(),
        error: e.error,
    })?;
    Ok(())
}

/// Removes a file; a file already gone is not an error.
pub fn remove_file(path: &Path) -> Result<(), WorkspaceError> {
    match std::fs::remove_file(path) {
        Err(error) if error.kind() != std::io::ErrorKind::NotFound => Err(io_error(path)(error)),
        _ => Ok(()),
    }
}

/// The entries of a folder, sorted.
pub(crate) fn list_dir(dir: &Path) -> Result<Vec<PathBuf>, WorkspaceError> {
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error(dir))? {
        paths.push(entry.map_err(io_error(dir))?.path());
    }
    paths.sort();
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_line_and_column() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bad.md");
        std::fs::write(&path, b"ok\nab\xffc\n").unwrap();
        let error = read_text(&path).unwrap_err();
        assert!(
            matches!(
                error,
                WorkspaceError::NotUtf8 {
                    line: 2,
                    column: 3,
                    ..
                }
            ),
            "{error}"
        );
        assert!(
            error.to_string().ends_with("bad.md:2:3: not valid UTF-8"),
            "{error}"
        );
    }

    #[test]
    fn atomic_writes_replace_whole_files_and_leave_no_temporaries() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/out.ftl");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(list_dir(path.parent().unwrap()).unwrap(), [path]);
    }
}
