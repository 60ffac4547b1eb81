//! Reading text and writing files atomically.

use std::io::Write;
use std::path::{Component, Path, PathBuf};

use crate::WorkspaceError;

/// The name prefix of Folio's temporary files. A file with it is a leftover of a killed
/// run once no Folio command holds the workspace lock, so the next locked run removes it.
pub const TEMP_PREFIX: &str = ".folio-tmp-";

/// Whether a file name is one of Folio's temporary files: [`TEMP_PREFIX`], or the
/// `.tmpXXXXXX` names (six random alphanumerics) earlier versions left behind.
pub fn is_temp_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX)
        || name
            .strip_prefix(".tmp")
            .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// `path` with `/` separators on every platform, as git, the site manifest and the JSON
/// reports name files. An absolute path keeps its one leading `/` (and a Windows drive
/// its prefix): `/srv/tree/de/app.ftl`, never `//srv/tree/de/app.ftl`.
pub fn slash(path: &Path) -> String {
    let mut named = String::new();
    for component in path.components() {
        let text = component.as_os_str().to_string_lossy();
        match component {
            Component::Prefix(_) => named.push_str(&text),
            Component::RootDir => named.push('/'),
            _ => {
                if !(named.is_empty() || named.ends_with('/')) {
                    named.push('/');
                }
                named.push_str(&text);
            }
        }
    }
    named
}

pub(crate) fn io_error(path: &Path) -> impl FnOnce(std::io::Error) -> WorkspaceError + '_ {
    move |error| WorkspaceError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// Reads `path` as UTF-8 text; invalid UTF-8 is an error naming the line and column.
///
/// Only regular files are read (a link to one is followed): opening a FIFO would block
/// until some other process writes to it, and a device could be endless, so anything
/// else is [`WorkspaceError::NotAFile`].
pub fn read_text(path: &Path) -> Result<String, WorkspaceError> {
    ensure_regular(path)?;
    let bytes = std::fs::read(path).map_err(io_error(path))?;
    decode(path, bytes)
}

/// What is at `path` itself (its `lstat`: a link is not followed), or `None` when nothing
/// is: the one look a read of a file that may be absent needs (see [`read_text_seen`]).
pub(crate) fn look(path: &Path) -> Result<Option<std::fs::Metadata>, WorkspaceError> {
    match path.symlink_metadata() {
        Ok(seen) => Ok(Some(seen)),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(io_error(path)(error)),
    }
}

/// [`read_text`] of a file the caller has [`look`]ed at (`seen`), without asking the file
/// system about it again: a link is followed as `read_text` follows it, a regular file is
/// opened and read at once, anything else is refused unopened. A run reads thousands of
/// files; the looks it saves were 7 % of a tree check's samples.
pub(crate) fn read_text_seen(
    path: &Path,
    seen: &std::fs::Metadata,
) -> Result<String, WorkspaceError> {
    if seen.file_type().is_symlink() {
        return read_text(path);
    }
    if !seen.is_file() {
        return Err(WorkspaceError::NotAFile {
            path: path.to_path_buf(),
            kind: kind_name(&seen.file_type()),
        });
    }
    let mut file = std::fs::File::open(path).map_err(io_error(path))?;
    // A byte more than the file had: the read that fills none of it finds the end.
    let room = usize::try_from(seen.len()).map_or(0, |len| len.saturating_add(1));
    let mut bytes = Vec::with_capacity(room);
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(io_error(path))?;
    decode(path, bytes)
}

/// `bytes`, read from `path`, as text; invalid UTF-8 is an error naming its line and
/// column.
fn decode(path: &Path, bytes: Vec<u8>) -> Result<String, WorkspaceError> {
    // Checked with SIMD, then copied: `String::from_utf8` would check it again, more
    // slowly than the copy (and taking it over unchecked needs `unsafe`, which Folio
    // forbids).
    if let Ok(text) = simdutf8::basic::from_utf8(&bytes) {
        return Ok(text.to_owned());
    }
    String::from_utf8(bytes).map_err(|error| {
        let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).expect("valid_up_to is valid");
        let (line, column) = folio_model::LineIndex::new(valid).line_col(valid.len());
        WorkspaceError::NotUtf8 {
            path: path.to_path_buf(),
            line,
            column,
        }
    })
}

/// Fails unless `path` is (or links to) a regular file, naming what it is instead.
pub(crate) fn ensure_regular(path: &Path) -> Result<(), WorkspaceError> {
    let metadata = std::fs::metadata(path).map_err(io_error(path))?;
    if metadata.is_file() {
        Ok(())
    } else {
        Err(WorkspaceError::NotAFile {
            path: path.to_path_buf(),
            kind: kind_name(&metadata.file_type()),
        })
    }
}

/// What a file that is not a regular file is, in words.
pub(crate) fn kind_name(file_type: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return "a FIFO";
        }
        if file_type.is_socket() {
            return "a socket";
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return "a device";
        }
    }
    if file_type.is_dir() {
        "a folder"
    } else if file_type.is_symlink() {
        "a symbolic link"
    } else {
        "not a regular file"
    }
}

/// Writes `contents` to `path` through a temporary file in the same folder and a rename,
/// creating the folder if needed. Readers see the old file or the new one, never a part.
/// Unchanged contents leave the file untouched.
///
/// The mode is what a plain write would give: a file being replaced keeps its mode, a new
/// one gets `0666` less the umask (the temporary file is created with that mode, so the
/// kernel applies the umask; tempfile's own default, `0600`, would hide pages and records
/// from everyone else). The temporary file is named [`TEMP_PREFIX`]…, so a run killed
/// mid-write leaves a name the next run knows to remove.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), WorkspaceError> {
    write_replacing(path, contents, true)
}

/// [`write_atomic`] without syncing the file to disk: for the pages of a staged site,
/// which is synced once as a whole before it becomes the site.
pub(crate) fn write_unsynced(path: &Path, contents: &[u8]) -> Result<(), WorkspaceError> {
    write_replacing(path, contents, false)
}

fn write_replacing(path: &Path, contents: &[u8], sync: bool) -> Result<(), WorkspaceError> {
    // Only a regular file is compared: reading a FIFO left where a page goes would block.
    let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
    if existing.is_some() && std::fs::read(path).is_ok_and(|old| old == contents) {
        return Ok(());
    }
    let mut file = ReplacingFile::create(path)?;
    file.write_all(contents).map_err(io_error(path))?;
    file.persist(sync)
}

/// A file written piece by piece into a temporary file beside `path`, then renamed over
/// it: what [`write_atomic`] does, for contents too large to hold in memory. Unchanged
/// contents leave the old file untouched; dropped unfinished, nothing is replaced.
pub(crate) struct ReplacingFile {
    path: PathBuf,
    temp: std::io::BufWriter<tempfile::NamedTempFile>,
    /// The regular file being replaced, if any: its mode is kept.
    existing: Option<std::fs::Metadata>,
}

impl ReplacingFile {
    /// Starts the file that will replace `path`, creating its folder if needed.
    pub(crate) fn create(path: &Path) -> Result<Self, WorkspaceError> {
        let existing = std::fs::metadata(path).ok().filter(|m| m.is_file());
        let dir = path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir).map_err(io_error(dir))?;
        let temp = tempfile::Builder::new()
            .prefix(TEMP_PREFIX)
            .permissions(new_file_permissions())
            .tempfile_in(dir)
            .map_err(io_error(dir))?;
        if let Some(existing) = &existing {
            temp.as_file()
                .set_permissions(existing.permissions())
                .map_err(io_error(path))?;
        }
        Ok(ReplacingFile {
            path: path.to_path_buf(),
            temp: std::io::BufWriter::new(temp),
            existing,
        })
    }

    /// Renames the written file over `path` (synced first when `sync`), unless `path`
    /// already holds the same bytes.
    pub(crate) fn persist(self, sync: bool) -> Result<(), WorkspaceError> {
        let path = self.path;
        let mut temp = self.temp.into_inner().map_err(|e| WorkspaceError::Io {
            path: path.clone(),
            error: e.into_error(),
        })?;
        if self.existing.is_some() && same_bytes(temp.as_file_mut(), &path).unwrap_or(false) {
            return Ok(());
        }
        if sync {
            temp.as_file().sync_all().map_err(io_error(&path))?;
        }
        temp.persist(&path).map_err(|e| WorkspaceError::Io {
            path: path.clone(),
            error: e.error,
        })?;
        Ok(())
    }
}

impl Write for ReplacingFile {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.temp.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.temp.write_all(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.temp.flush()
    }
}

/// Whether `written` (read from its start) holds exactly the bytes of the file at `path`,
/// compared a block at a time.
fn same_bytes(written: &mut std::fs::File, path: &Path) -> std::io::Result<bool> {
    use std::io::{Read, Seek};
    let mut old = std::fs::File::open(path)?;
    if old.metadata()?.len() != written.metadata()?.len() {
        return Ok(false);
    }
    written.rewind()?;
    let (mut a, mut b) = (vec![0; 64 * 1024], vec![0; 64 * 1024]);
    loop {
        let n = written.read(&mut a)?;
        if n == 0 {
            return Ok(true);
        }
        old.read_exact(&mut b[..n])?;
        if a[..n] != b[..n] {
            return Ok(false);
        }
    }
}

/// The permissions Folio asks for a new file; the umask then applies, as it does to a
/// plain write.
fn new_file_permissions() -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o666)
    }
    #[cfg(not(unix))]
    {
        tempfile::NamedTempFile::new()
            .and_then(|f| f.as_file().metadata())
            .map(|m| m.permissions())
            .expect("a temporary file can be created")
    }
}

/// The permissions Folio asks for a new folder; the umask then applies.
pub(crate) fn new_dir_permissions() -> std::fs::Permissions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::Permissions::from_mode(0o777)
    }
    #[cfg(not(unix))]
    {
        std::fs::metadata(".")
            .map(|m| m.permissions())
            .expect("the current folder exists")
    }
}

/// `path` made absolute with every symbolic link in it resolved, as far as it exists; the
/// part that does not exist yet is appended with `.` and `..` applied. This is where a
/// read or write of `path` would land, so it is what confinement checks.
pub fn resolve(path: &Path) -> std::io::Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let components: Vec<Component<'_>> = absolute.components().collect();
    for existing in (1..=components.len()).rev() {
        let prefix: PathBuf = components[..existing].iter().collect();
        match prefix.canonicalize() {
            Ok(mut resolved) => {
                for component in &components[existing..] {
                    match component {
                        Component::ParentDir => {
                            resolved.pop();
                        }
                        Component::Normal(name) => resolved.push(name),
                        _ => {}
                    }
                }
                return Ok(resolved);
            }
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => continue,
            Err(error) => return Err(error),
        }
    }
    Ok(absolute)
}

/// The repository `from` is in: the nearest folder, `from` or above it (symbolic links
/// resolved), that holds a `.git` file or folder; `None` outside any repository. Asks
/// no git process: a worktree's or submodule's `.git` file marks its root as well.
pub fn repository_root(from: &Path) -> Option<PathBuf> {
    let from = resolve(from).ok()?;
    from.ancestors()
        .find(|dir| dir.join(".git").symlink_metadata().is_ok())
        .map(Path::to_path_buf)
}

/// Appends `text` to the file at `path`, creating it when it does not exist (a log
/// another program reads, such as a CI step summary; not a workspace file).
pub fn append_text(path: &Path, text: &str) -> Result<(), WorkspaceError> {
    use std::io::Write as _;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(io_error(path))?;
    file.write_all(text.as_bytes()).map_err(io_error(path))
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
    fn slash_names_relative_and_absolute_paths_with_single_slashes() {
        for (path, named) in [
            ("de/app.ftl", "de/app.ftl"),
            ("./de/app.ftl", "./de/app.ftl"),
            ("/srv/tree/de/app.ftl", "/srv/tree/de/app.ftl"),
            ("/", "/"),
            ("de//app.ftl/", "de/app.ftl"),
            ("", ""),
        ] {
            assert_eq!(slash(Path::new(path)), named, "{path}");
        }
    }

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

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt;
        std::fs::metadata(path).unwrap().permissions().mode() & 0o777
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_readable_by_others_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.ftl");
        write_atomic(&path, b"one").unwrap();
        // Whatever the umask, a plain write would not make it owner-only.
        let plain = dir.path().join("plain");
        std::fs::write(&plain, b"x").unwrap();
        assert_eq!(mode(&path), mode(&plain));
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(mode(&path), 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_an_error_naming_it_not_a_hang() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pipe.md");
        let status = std::process::Command::new("mkfifo")
            .arg(&path)
            .status()
            .unwrap();
        assert!(status.success());
        let error = read_text(&path).unwrap_err();
        assert!(
            error.to_string().contains("pipe.md") && error.to_string().contains("a FIFO"),
            "{error}"
        );
        // Writing over it replaces it, without reading it first.
        write_atomic(&path, b"text").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"text");
    }

    #[test]
    fn temporary_names_are_recognised() {
        assert!(is_temp_name(".folio-tmp-abc"));
        assert!(is_temp_name(".tmpAb12Cd"));
        assert!(!is_temp_name(".tmpfile-notes"));
        assert!(!is_temp_name("es.ftl"));
    }

    #[test]
    fn resolve_applies_links_and_dot_dot() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().canonicalize().unwrap();
        std::fs::create_dir(real.join("a")).unwrap();
        assert_eq!(resolve(&real.join("a/new/../x")).unwrap(), real.join("a/x"));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/", real.join("a/up")).unwrap();
            assert_eq!(resolve(&real.join("a/up/etc")).unwrap(), Path::new("/etc"));
        }
    }
}
