//! Publishing a rendered site: the folder `render --out` names always holds a whole
//! site, the old one or the new one, and exactly the pages the workspace calls for.
//!
//! # How a site is swapped in
//!
//! The new site is built in a staging folder beside `out` (`.<name>.folio-staging-*`):
//! the old site's files hard-linked in (so a partial render keeps the other pages and
//! the publisher's own files, at no copying cost; Folio never writes a file in place, so
//! sharing inodes with the old site is safe), withdrawn pages removed, new pages written.
//! Then it replaces `out`:
//!
//! - on Linux, with one `renameat2(RENAME_EXCHANGE)`: `out` and the staging folder trade
//!   places atomically, and the old site, now in the staging folder, is removed;
//! - where the file system can't exchange, by three renames whose folder names are the
//!   journal: staging → `.<name>.folio-ready`, `out` → `.<name>.folio-old`, ready →
//!   `out`. A run killed between them leaves a ready site and no `out`; the next run
//!   finds that state and completes the swap before anything else.
//!
//! Every run starts by recovering: a ready site with no `out` is moved into place, and
//! the remaining `.<name>.folio-*` folders (partial staging, old sites) are removed. The
//! `.folio-old-*` and `.folio-render-*` folders of versions before this scheme are
//! recovered the same way (the old site back into place if `out` is missing).
//!
//! # The manifest
//!
//! `out/.folio-site.json` lists, sorted, every page Folio wrote there. A whole-site
//! render withdraws every listed page it no longer writes (a removed article or locale,
//! a refused locale); a partial one withdraws only the pages it was told to. Files not in
//! the manifest (a `robots.txt`, images) are never touched.

use std::collections::BTreeSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use crate::files::{ReplacingFile, write_unsynced};
use crate::files::{io_error, kind_name, new_dir_permissions};
use crate::{Workspace, WorkspaceError, read_text, resolve, slash};

/// The manifest of the pages Folio wrote into a site folder.
pub const MANIFEST_FILE: &str = ".folio-site.json";

/// The version of the manifest's format.
const MANIFEST_VERSION: u32 = 1;

/// What the manifest holds.
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    /// [`MANIFEST_VERSION`].
    version: u32,
    /// Every page Folio wrote, `/`-separated relative paths, sorted.
    pages: BTreeSet<String>,
}

/// Which pages of the previous site a render speaks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteScope {
    /// Every article in every locale: the new pages are the whole site, and every other
    /// page Folio wrote before is withdrawn.
    Whole,
    /// Some articles or locales: other pages stay as they are; only the pages named as
    /// withdrawn are removed.
    Part,
}

/// What publishing did beside writing the pages.
#[derive(Debug, Default)]
pub struct Published {
    /// Pages of the previous site that were removed, relative to the site folder, sorted.
    pub withdrawn: Vec<PathBuf>,
    /// Files of the previous site that could not be carried over and were left out.
    pub skipped: Vec<WorkspaceError>,
}

/// A site folder as it is, read without writing anything: the pages Folio wrote there
/// (its manifest) and so which files are the publisher's. `render --dry-run` asks it
/// what publishing would withdraw; [`SiteStage::publish`] withdraws by the same answer.
#[derive(Debug, Default)]
pub struct SitePlan {
    out: PathBuf,
    manifest: Manifest,
}

impl SitePlan {
    /// Reads the site at `out` (an absent folder is an empty site).
    pub fn read(out: &Path) -> Result<Self, WorkspaceError> {
        Ok(SitePlan {
            out: out.to_path_buf(),
            manifest: read_manifest(&out.join(MANIFEST_FILE))?,
        })
    }

    /// Whether `relative` is the publisher's own file: something is there that Folio's
    /// manifest does not list (a hand-written `robots.txt` or `index.html`). Folio does
    /// not replace such a file.
    pub fn publisher_owns(&self, relative: &Path) -> bool {
        !self.manifest.pages.contains(&slash(relative))
            && self.out.join(relative).symlink_metadata().is_ok()
    }

    /// The pages a publish of `written` would withdraw, sorted: for a whole site every
    /// page of the manifest not written again; for a part, the pages of the manifest
    /// named in `withdrawn` and not written again. A page named but written before the
    /// manifest existed goes too when it is a file of the site. A manifest entry that is
    /// not a plain relative path was not written by Folio and is never withdrawn.
    pub fn withdrawals(
        &self,
        written: &BTreeSet<String>,
        withdrawn: &[PathBuf],
        scope: SiteScope,
    ) -> Vec<PathBuf> {
        let named: BTreeSet<String> = withdrawn.iter().map(|p| slash(p)).collect();
        let mut removed = Vec::new();
        for page in &self.manifest.pages {
            let withdraw = !written.contains(page)
                && match scope {
                    SiteScope::Whole => true,
                    SiteScope::Part => named.contains(page),
                };
            let relative = Path::new(page);
            if withdraw
                && relative
                    .components()
                    .all(|c| matches!(c, std::path::Component::Normal(_)))
            {
                removed.push(relative.to_path_buf());
            }
        }
        for page in withdrawn {
            let name = slash(page);
            if !self.manifest.pages.contains(&name)
                && !written.contains(&name)
                && self.out.join(page).is_file()
            {
                removed.push(page.clone());
            }
        }
        removed.sort();
        removed.dedup();
        removed
    }

    /// Every page of the manifest, `/`-separated, sorted.
    pub fn pages(&self) -> impl Iterator<Item = &str> {
        self.manifest.pages.iter().map(String::as_str)
    }
}

impl Workspace {
    /// Checks a `render --out` folder before any work: it must not be an existing file,
    /// a filesystem root, the workspace or a folder containing it, or a folder inside
    /// (or containing) the source or locales folders. A link is judged by where it leads.
    pub fn check_site_folder(&self, out: &Path) -> Result<(), WorkspaceError> {
        let refuse = |reason: &str| WorkspaceError::SiteFolder {
            path: out.to_path_buf(),
            reason: reason.to_owned(),
        };
        if let Ok(metadata) = std::fs::metadata(out)
            && !metadata.is_dir()
        {
            return Err(refuse(&format!(
                "is {}; the site must be a folder Folio can replace",
                if metadata.is_file() {
                    "an existing file"
                } else {
                    kind_name(&metadata.file_type())
                }
            )));
        }
        let target = resolve(out).map_err(io_error(out))?;
        if target.parent().is_none() {
            return Err(refuse("is a filesystem root"));
        }
        let root = resolve(self.root()).map_err(io_error(self.root()))?;
        if root.starts_with(&target) {
            return Err(refuse(
                "is the workspace or contains it; render into a folder of its own, such as `site`",
            ));
        }
        for (folder, what) in [
            (&self.config().source, "source"),
            (&self.config().locales, "locales"),
        ] {
            let folder = resolve(&self.root().join(folder)).map_err(io_error(self.root()))?;
            if target.starts_with(&folder) || folder.starts_with(&target) {
                return Err(refuse(&format!(
                    "is inside the {what} folder ({}) or contains it; the site would overwrite the workspace",
                    folder.display()
                )));
            }
        }
        Ok(())
    }
}

impl Workspace {
    /// Checks the `--out` file of an export (`xliff export`, `tmx export`) before any
    /// work: it must not be a folder or anything but a regular file, nor inside the
    /// source or locales folders, where it would replace a translator's or author's
    /// file. A link is judged by where it leads.
    pub fn check_export_file(&self, out: &Path) -> Result<(), WorkspaceError> {
        let refuse = |reason: String| WorkspaceError::ExportFile {
            path: out.to_path_buf(),
            reason,
        };
        if let Ok(metadata) = std::fs::metadata(out)
            && !metadata.is_file()
        {
            return Err(refuse(format!(
                "is {}; name a file to write",
                kind_name(&metadata.file_type())
            )));
        }
        let target = resolve(out).map_err(io_error(out))?;
        for (folder, what) in [
            (&self.config().source, "source"),
            (&self.config().locales, "locales"),
        ] {
            let folder = resolve(&self.root().join(folder)).map_err(io_error(self.root()))?;
            if target.starts_with(&folder) {
                return Err(refuse(format!(
                    "is inside the {what} folder ({}); write the file elsewhere",
                    folder.display()
                )));
            }
        }
        Ok(())
    }
}

/// A new site being built beside `out`: pages are written into it as they are
/// rendered (from any thread), then [`SiteStage::publish`] withdraws pages, writes the
/// manifest and swaps it in whole (see the module documentation). Dropped unpublished,
/// it is removed and the old site is untouched.
pub struct SiteStage {
    out: PathBuf,
    names: Names,
    staging: tempfile::TempDir,
    plan: SitePlan,
    skipped: Vec<WorkspaceError>,
    /// The pages written, `/`-separated.
    written: Mutex<BTreeSet<String>>,
}

impl SiteStage {
    /// Starts a new site for `out`: leftovers of an earlier killed run recovered or
    /// removed, the staging folder made beside `out` with the old site's files
    /// hard-linked in.
    pub fn open(out: &Path) -> Result<Self, WorkspaceError> {
        // A link to the site folder is published through: the link stays, its target swaps.
        let out = match out.symlink_metadata() {
            Ok(m) if m.file_type().is_symlink() => out.canonicalize().map_err(io_error(out))?,
            _ => out.to_path_buf(),
        };
        let names = Names::new(&out)?;
        std::fs::create_dir_all(&names.parent).map_err(io_error(&names.parent))?;
        names.recover()?;
        if let Ok(metadata) = out.symlink_metadata()
            && !metadata.is_dir()
        {
            return Err(WorkspaceError::SiteFolder {
                path: out.clone(),
                reason: "is not a folder".to_owned(),
            });
        }
        let old_exists = out.is_dir();
        // A new site folder gets what a plain `mkdir` would; a replaced one keeps its mode
        // exactly (set after creation, as the umask would clear group bits a publisher set).
        let staging = tempfile::Builder::new()
            .prefix(&names.staging_prefix)
            .permissions(new_dir_permissions())
            .tempdir_in(&names.parent)
            .map_err(io_error(&names.parent))?;
        let stage = staging.path();
        if let Ok(metadata) = std::fs::metadata(&out) {
            std::fs::set_permissions(stage, metadata.permissions()).map_err(io_error(stage))?;
        }
        let skipped = if old_exists {
            link_tree(&out, stage)?
        } else {
            Vec::new()
        };
        let plan = SitePlan::read(&out)?;
        Ok(SiteStage {
            out,
            names,
            staging,
            plan,
            skipped,
            written: Mutex::new(BTreeSet::new()),
        })
    }

    /// What the site folder held before this run: the pages Folio wrote, and the
    /// publisher's own files.
    pub fn plan(&self) -> &SitePlan {
        &self.plan
    }

    /// Writes page `relative` into the new site. Not synced one by one: the whole site
    /// is synced once before it is swapped in.
    pub fn write_page(&self, relative: &Path, contents: &[u8]) -> Result<(), WorkspaceError> {
        write_staged(&self.inside(relative)?, contents)?;
        self.record(relative);
        Ok(())
    }

    /// Where file `relative` of the new site is, refused if a folder on the way is a
    /// link (the old site's, carried over as a link): written through it, a page would
    /// land outside the site, in place, before the new site is swapped in.
    fn inside(&self, relative: &Path) -> Result<PathBuf, WorkspaceError> {
        let mut folder = self.staging.path().to_path_buf();
        let mut shown = self.out.clone();
        for part in relative.parent().into_iter().flat_map(Path::components) {
            folder.push(part);
            shown.push(part);
            if crate::files::look(&folder)?.is_some_and(|seen| seen.file_type().is_symlink()) {
                return Err(WorkspaceError::SiteFolder {
                    path: shown,
                    reason: "is a link: Folio writes pages into this folder, and through a \
                             link they would land outside the site before it is swapped in; \
                             make it a folder"
                        .to_owned(),
                });
            }
        }
        Ok(self.staging.path().join(relative))
    }

    /// The text of page `relative` as the new site holds it before this run writes it
    /// (the old site's, linked in): `None` unless it is a regular file of text. A render
    /// that knows what the page must hold compares it, to keep it rather than make it
    /// again ([`SiteStage::keep_page`]).
    pub fn staged_page(&self, relative: &Path) -> Option<String> {
        let path = self.inside(relative).ok()?;
        let seen = crate::files::look(&path).ok()??;
        if !seen.is_file() || links_outside(&seen) {
            return None;
        }
        crate::files::read_text_seen(&path, &seen).ok()
    }

    /// Counts page `relative`, already in the new site as this run would write it (see
    /// [`SiteStage::staged_page`]), as written by this run: it stays, and stays Folio's.
    pub fn keep_page(&self, relative: &Path) {
        self.record(relative);
    }

    /// Starts the file `relative` of the new site, to be written piece by piece and
    /// then [`StagedFile::finish`]ed (a file too large to make in memory, such as a
    /// sitemap). Like [`SiteStage::write_page`], unsynced; dropped unfinished, it is not
    /// part of the site.
    pub fn create_file(&self, relative: &Path) -> Result<StagedFile<'_>, WorkspaceError> {
        let path = self.inside(relative)?;
        remove_link(&path)?;
        Ok(StagedFile {
            stage: self,
            relative: relative.to_path_buf(),
            file: ReplacingFile::create(&path)?,
        })
    }

    /// Scratch space beside the new site, for what is made before it can be placed (a
    /// locale's index entries, written out once the page around them is known): a file
    /// with no name, gone when dropped.
    pub fn scratch(&self) -> Result<Scratch, WorkspaceError> {
        let file =
            tempfile::tempfile_in(self.staging.path()).map_err(io_error(self.staging.path()))?;
        Ok(Scratch {
            file: io::BufWriter::new(file),
        })
    }

    fn record(&self, relative: &Path) {
        self.written
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .insert(slash(relative));
    }

    /// Finishes the site and swaps it in: `withdrawn` pages removed, and, for a whole
    /// site, every page of the old manifest not written this time; the manifest written;
    /// everything synced to disk; then one swap. On any error before the swap the old
    /// site is untouched.
    pub fn publish(
        self,
        withdrawn: &[PathBuf],
        scope: SiteScope,
    ) -> Result<Published, WorkspaceError> {
        let stage = self.staging.path();
        let new_pages = self
            .written
            .into_inner()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let removed = self.plan.withdrawals(&new_pages, withdrawn, scope);
        for page in &removed {
            remove_page(stage, page)?;
        }
        let removed_names: BTreeSet<String> = removed.iter().map(|p| slash(p)).collect();
        let mut manifest = Manifest {
            version: MANIFEST_VERSION,
            pages: (self.plan.manifest.pages.iter())
                .filter(|page| !removed_names.contains(*page))
                .cloned()
                .collect(),
        };
        manifest.pages.extend(new_pages);
        let published = Published {
            withdrawn: removed,
            skipped: self.skipped,
        };
        // Written as it is serialized: a site's list of pages is no string held whole.
        let manifest_path = stage.join(MANIFEST_FILE);
        let mut file = ReplacingFile::create(&manifest_path)?;
        serde_json::to_writer_pretty(&mut file, &manifest)
            .map_err(io::Error::from)
            .and_then(|()| file.write_all(b"\n"))
            .map_err(io_error(&manifest_path))?;
        drop(manifest);
        file.persist(true)?;
        sync_file_system(stage).map_err(io_error(stage))?;

        let staged = self.staging.keep();
        swap_in(&staged, &self.out, &self.names).map_err(io_error(&self.out))?;
        Ok(published)
    }
}

/// Writes a page at `path` in a staging folder. A new file is created where it goes, with
/// no temporary file and rename: nobody sees the staging folder before the swap, and one a
/// killed run leaves is removed by the next. A file already there is the old site's,
/// hard-linked in, so it is never written in place: it is replaced as [`write_unsynced`]
/// replaces a file (left alone when unchanged). A symbolic link there is removed first
/// (see [`remove_link`]).
fn write_staged(path: &Path, contents: &[u8]) -> Result<(), WorkspaceError> {
    remove_link(path)?;
    let create = || std::fs::File::create_new(path);
    let mut file = match create() {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => {
            let dir = path.parent().unwrap_or(Path::new("."));
            std::fs::create_dir_all(dir).map_err(io_error(dir))?;
            create().map_err(io_error(path))?
        }
        Err(error) if error.kind() == io::ErrorKind::AlreadyExists => {
            return write_unsynced(path, contents);
        }
        Err(error) => return Err(io_error(path)(error)),
    };
    file.write_all(contents).map_err(io_error(path))
}

/// Removes a link to a file outside the site at `path` in a staging folder, where Folio
/// is about to write one of its files (see [`links_outside`]). The old site's link was
/// carried over as a link; left there, a file "unchanged" through it would stay a link,
/// and the site would show whatever its target says after the run, disclaimer or not.
/// Only the staging folder's entry goes; the old site and the link's target are
/// untouched.
fn remove_link(path: &Path) -> Result<(), WorkspaceError> {
    match crate::files::look(path)? {
        Some(seen) if links_outside(&seen) => std::fs::remove_file(path).map_err(io_error(path)),
        _ => Ok(()),
    }
}

/// Whether a staging folder's entry, seen without following links, reaches outside the
/// site: a symbolic link, or a file with a name elsewhere than the old site and the
/// staging folder (a hard link made to or from a file outside the site: the two share
/// their bytes from then on).
fn links_outside(seen: &std::fs::Metadata) -> bool {
    if seen.file_type().is_symlink() {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        seen.is_file() && seen.nlink() > 2
    }
    #[cfg(not(unix))]
    {
        false
    }
}

/// A file of a staged site being written ([`SiteStage::create_file`]).
pub struct StagedFile<'s> {
    stage: &'s SiteStage,
    relative: PathBuf,
    file: ReplacingFile,
}

impl StagedFile<'_> {
    /// Where the file goes, relative to the site.
    pub fn relative(&self) -> &Path {
        &self.relative
    }

    /// Puts the written file in place in the new site.
    pub fn finish(self) -> Result<(), WorkspaceError> {
        self.file.persist(false)?;
        self.stage.record(&self.relative);
        Ok(())
    }
}

impl io::Write for StagedFile<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Scratch space of a staged site ([`SiteStage::scratch`]): written to, then copied out
/// whole.
pub struct Scratch {
    file: io::BufWriter<std::fs::File>,
}

impl Scratch {
    /// Copies everything written so far into `into`, from the start.
    pub fn copy_into(&mut self, into: &mut dyn io::Write) -> io::Result<()> {
        use io::Seek;
        self.file.flush()?;
        let file = self.file.get_mut();
        file.rewind()?;
        io::copy(file, into)?;
        Ok(())
    }
}

impl io::Write for Scratch {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write(buf)
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.file.write_all(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

/// Flushes everything written to the file system holding `dir` to disk: one call for a
/// whole staged site instead of one per page, before the swap makes it the site.
fn sync_file_system(dir: &Path) -> io::Result<()> {
    let folder = std::fs::File::open(dir)?;
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        rustix::fs::syncfs(&folder)?;
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        folder.sync_all()?;
    }
    Ok(())
}

/// The old site's folder name prefix in versions before the manifest.
const LEGACY_OLD: &str = ".folio-old-";
/// The staging folder name prefix in versions before the manifest.
const LEGACY_STAGING: &str = ".folio-render-";

/// The names of a site's staging and journal folders, beside it.
struct Names {
    out: PathBuf,
    parent: PathBuf,
    staging_prefix: String,
    ready: PathBuf,
    old: PathBuf,
    /// Every folder name Folio gives a site's leftovers starts with this.
    prefix: String,
}

impl Names {
    fn new(out: &Path) -> Result<Self, WorkspaceError> {
        let name =
            out.file_name()
                .and_then(|n| n.to_str())
                .ok_or_else(|| WorkspaceError::SiteFolder {
                    path: out.to_path_buf(),
                    reason: "has no folder name".to_owned(),
                })?;
        let parent = match out.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let prefix = format!(".{name}.folio-");
        Ok(Names {
            out: out.to_path_buf(),
            staging_prefix: format!("{prefix}staging-"),
            ready: parent.join(format!("{prefix}ready")),
            old: parent.join(format!("{prefix}old")),
            prefix,
            parent,
        })
    }

    /// Completes or undoes what a killed run left: a ready site with no `out` goes into
    /// place; every other leftover folder of this site is removed.
    fn recover(&self) -> Result<(), WorkspaceError> {
        let out = &self.out;
        if self.ready.is_dir() && out.symlink_metadata().is_err() {
            std::fs::rename(&self.ready, out).map_err(io_error(out))?;
        }
        // Versions before the manifest swapped with two bare renames through
        // `.folio-old-*` and `.folio-render-*`; a kill between them left no site. The
        // old site is the one to bring back: the staged one may be partial.
        if out.symlink_metadata().is_err() {
            let mut old: Vec<(std::time::SystemTime, PathBuf)> = Vec::new();
            for entry in std::fs::read_dir(&self.parent).map_err(io_error(&self.parent))? {
                let entry = entry.map_err(io_error(&self.parent))?;
                if entry
                    .file_name()
                    .to_str()
                    .is_some_and(|n| n.starts_with(LEGACY_OLD))
                    && let Ok(modified) = entry.metadata().and_then(|m| m.modified())
                {
                    old.push((modified, entry.path()));
                }
            }
            if let Some((_, newest)) = old.into_iter().max() {
                std::fs::rename(&newest, out).map_err(io_error(out))?;
            }
        }
        for entry in std::fs::read_dir(&self.parent).map_err(io_error(&self.parent))? {
            let entry = entry.map_err(io_error(&self.parent))?;
            let leftover = entry.file_name().to_str().is_some_and(|n| {
                n.starts_with(&self.prefix)
                    || n.starts_with(LEGACY_OLD)
                    || n.starts_with(LEGACY_STAGING)
            });
            if leftover && entry.file_type().is_ok_and(|t| t.is_dir()) {
                let path = entry.path();
                std::fs::remove_dir_all(&path).map_err(io_error(&path))?;
            }
        }
        Ok(())
    }
}

/// Puts the staged site at `out`, replacing the old one in one step where the system
/// allows, else by the journaled renames the next run can complete.
fn swap_in(staged: &Path, out: &Path, names: &Names) -> io::Result<()> {
    if out.symlink_metadata().is_err() {
        return std::fs::rename(staged, out);
    }
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        use rustix::fs::{CWD, RenameFlags, renameat_with};
        match renameat_with(CWD, staged, CWD, out, RenameFlags::EXCHANGE) {
            // The old site is now in the staging folder. The new site is in place
            // whatever happens next; a removal that fails is retried by the next run.
            Ok(()) => {
                let _ = std::fs::remove_dir_all(staged);
                return Ok(());
            }
            // The file system or kernel can't exchange: fall back to the journal.
            Err(
                rustix::io::Errno::INVAL | rustix::io::Errno::NOSYS | rustix::io::Errno::OPNOTSUPP,
            ) => {}
            Err(error) => return Err(error.into()),
        }
    }
    swap_by_renames(staged, out, names)
}

/// The portable swap: three renames, the folder names being the journal that
/// [`Names::recover`] reads.
fn swap_by_renames(staged: &Path, out: &Path, names: &Names) -> io::Result<()> {
    std::fs::rename(staged, &names.ready)?;
    std::fs::rename(out, &names.old)?;
    std::fs::rename(&names.ready, out)?;
    let _ = std::fs::remove_dir_all(&names.old);
    Ok(())
}

/// Carries the old site into the staging folder: folders recreated with their modes,
/// everything else hard-linked (never opened, so a FIFO can't block), copied or
/// re-linked where a hard link fails. What can't be carried over is returned.
fn link_tree(from: &Path, to: &Path) -> Result<Vec<WorkspaceError>, WorkspaceError> {
    let mut skipped = Vec::new();
    for entry in walkdir::WalkDir::new(from).min_depth(1).follow_links(false) {
        let entry = entry.map_err(|e| {
            let path = e.path().unwrap_or(from).to_path_buf();
            io_error(&path)(
                e.into_io_error()
                    .unwrap_or_else(|| io::Error::other("unreadable")),
            )
        })?;
        let relative = entry.path().strip_prefix(from).expect("under the site");
        let target = to.join(relative);
        let file_type = entry.file_type();
        if file_type.is_dir() {
            std::fs::create_dir(&target).map_err(io_error(&target))?;
            let permissions = entry
                .metadata()
                .map_err(|e| io_error(entry.path())(e.into()))?;
            std::fs::set_permissions(&target, permissions.permissions())
                .map_err(io_error(&target))?;
            continue;
        }
        if std::fs::hard_link(entry.path(), &target).is_ok() {
            continue;
        }
        if file_type.is_file() {
            std::fs::copy(entry.path(), &target).map_err(io_error(entry.path()))?;
        } else if file_type.is_symlink() {
            copy_link(entry.path(), &target)?;
        } else {
            skipped.push(WorkspaceError::NotAFile {
                path: entry.path().to_path_buf(),
                kind: kind_name(&file_type),
            });
        }
    }
    Ok(skipped)
}

#[cfg(unix)]
fn copy_link(from: &Path, to: &Path) -> Result<(), WorkspaceError> {
    let target = std::fs::read_link(from).map_err(io_error(from))?;
    std::os::unix::fs::symlink(target, to).map_err(io_error(to))
}

#[cfg(not(unix))]
fn copy_link(from: &Path, to: &Path) -> Result<(), WorkspaceError> {
    std::fs::copy(from, to).map(drop).map_err(io_error(from))
}

fn read_manifest(path: &Path) -> Result<Manifest, WorkspaceError> {
    if path.symlink_metadata().is_err() {
        return Ok(Manifest::default());
    }
    let text = read_text(path)?;
    serde_json::from_str(&text).map_err(|error| WorkspaceError::Config {
        path: path.to_path_buf(),
        message: format!(
            "{error} (this is Folio's list of the pages it wrote; delete it to start afresh, \
             then withdraw old pages by hand)"
        ),
    })
}

/// Removes a page from the staging folder, and any folder the removal leaves empty.
fn remove_page(stage: &Path, relative: &Path) -> Result<(), WorkspaceError> {
    let path = stage.join(relative);
    crate::remove_file(&path)?;
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == stage || std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A whole publication through a [`SiteStage`]: `pages` written, then published.
    fn publish_site(
        out: &Path,
        pages: &[(PathBuf, String)],
        withdrawn: &[PathBuf],
        scope: SiteScope,
    ) -> Result<Published, WorkspaceError> {
        let stage = SiteStage::open(out)?;
        for (relative, text) in pages {
            stage.write_page(relative, text.as_bytes())?;
        }
        stage.publish(withdrawn, scope)
    }

    fn page(path: &str, text: &str) -> (PathBuf, String) {
        (PathBuf::from(path), text.to_owned())
    }

    fn files(dir: &Path) -> Vec<String> {
        let mut files: Vec<String> = walkdir::WalkDir::new(dir)
            .min_depth(1)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| !e.file_type().is_dir())
            .map(|e| slash(e.path().strip_prefix(dir).unwrap()))
            .collect();
        files.sort();
        files
    }

    #[test]
    fn a_whole_render_withdraws_what_it_no_longer_writes_and_keeps_foreign_files() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        publish_site(
            &out,
            &[page("en/a.html", "A"), page("fr/a.html", "FA")],
            &[],
            SiteScope::Whole,
        )
        .unwrap();
        std::fs::write(out.join("robots.txt"), "User-agent: *\n").unwrap();
        let published =
            publish_site(&out, &[page("en/a.html", "A2")], &[], SiteScope::Whole).unwrap();
        assert_eq!(published.withdrawn, [PathBuf::from("fr/a.html")]);
        assert_eq!(files(&out), [MANIFEST_FILE, "en/a.html", "robots.txt"]);
        assert!(
            !out.join("fr").exists(),
            "an emptied locale folder goes too"
        );
        assert_eq!(
            std::fs::read_to_string(out.join(MANIFEST_FILE)).unwrap(),
            "{\n  \"version\": 1,\n  \"pages\": [\n    \"en/a.html\"\n  ]\n}\n"
        );
        assert_eq!(files(dir.path()).len(), 3, "no leftovers beside the site");
    }

    #[test]
    fn a_staged_page_never_writes_into_the_old_sites_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        publish_site(&out, &[page("en/a.html", "A")], &[], SiteScope::Whole).unwrap();
        let stage = SiteStage::open(&out).unwrap();
        stage.write_page(Path::new("en/a.html"), b"B").unwrap();
        stage
            .write_page(Path::new("fr/new/b.html"), b"new")
            .unwrap();
        assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "A");
        let staged = stage.staging.path().to_path_buf();
        assert_eq!(
            files(&staged),
            [MANIFEST_FILE, "en/a.html", "fr/new/b.html"]
        );
        assert_eq!(
            std::fs::read_to_string(staged.join("en/a.html")).unwrap(),
            "B"
        );
        drop(stage);
        assert_eq!(files(&out), [MANIFEST_FILE, "en/a.html"]);
        assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "A");
    }

    #[test]
    fn a_folder_of_the_site_that_is_a_link_is_refused_and_nothing_written_through_it() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        publish_site(&out, &[page("en/a.html", "A")], &[], SiteScope::Whole).unwrap();
        let elsewhere = dir.path().join("elsewhere");
        std::fs::create_dir(&elsewhere).unwrap();
        std::fs::write(elsewhere.join("a.html"), "theirs").unwrap();
        std::os::unix::fs::symlink(&elsewhere, out.join("de")).unwrap();
        let stage = SiteStage::open(&out).unwrap();
        let refused = stage.write_page(Path::new("de/a.html"), b"ours");
        assert!(
            matches!(&refused, Err(WorkspaceError::SiteFolder { path, .. }) if path.ends_with("site/de")),
            "{refused:?}"
        );
        assert!(stage.create_file(Path::new("de/index.html")).is_err());
        assert_eq!(stage.staged_page(Path::new("de/a.html")), None);
        drop(stage);
        assert_eq!(
            std::fs::read_to_string(elsewhere.join("a.html")).unwrap(),
            "theirs"
        );
        assert!(!elsewhere.join("index.html").exists());
        assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "A");
    }

    #[test]
    fn a_link_where_folio_writes_becomes_a_file_even_with_the_same_bytes() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let target = dir.path().join("planted");
        std::fs::write(&target, "A").unwrap();
        publish_site(&out, &[page("en/a.html", "A")], &[], SiteScope::Whole).unwrap();
        std::fs::write(&target, "A").unwrap();
        for name in ["en/a.html", "index.html"] {
            let path = out.join(name);
            std::fs::remove_file(&path).ok();
            std::os::unix::fs::symlink(&target, &path).unwrap();
        }
        let stage = SiteStage::open(&out).unwrap();
        stage.write_page(Path::new("en/a.html"), b"A").unwrap();
        let mut index = stage.create_file(Path::new("index.html")).unwrap();
        index.write_all(b"A").unwrap();
        index.finish().unwrap();
        stage.publish(&[], SiteScope::Whole).unwrap();
        std::fs::write(&target, "changed").unwrap();
        for name in ["en/a.html", "index.html"] {
            let path = out.join(name);
            assert!(path.symlink_metadata().unwrap().is_file(), "{name}");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), "A", "{name}");
        }
    }

    #[test]
    fn files_written_piece_by_piece_join_the_site_only_when_finished() {
        use std::os::unix::fs::MetadataExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        publish_site(&out, &[page("same.xml", "kept")], &[], SiteScope::Whole).unwrap();
        let inode = std::fs::metadata(out.join("same.xml")).unwrap().ino();

        let stage = SiteStage::open(&out).unwrap();
        let mut scratch = stage.scratch().unwrap();
        scratch.write_all(b"<li>1</li>").unwrap();
        scratch.write_all(b"<li>2</li>").unwrap();
        let mut index = stage.create_file(Path::new("es/index.html")).unwrap();
        index.write_all(b"<ul>").unwrap();
        scratch.copy_into(&mut index).unwrap();
        index.write_all(b"</ul>\n").unwrap();
        index.finish().unwrap();
        let mut same = stage.create_file(Path::new("same.xml")).unwrap();
        same.write_all(b"ke").unwrap();
        same.write_all(b"pt").unwrap();
        same.finish().unwrap();
        let mut dropped = stage.create_file(Path::new("es/half.xml")).unwrap();
        dropped.write_all(b"<urlset>").unwrap();
        drop(dropped);
        drop(scratch);
        stage.publish(&[], SiteScope::Whole).unwrap();

        assert_eq!(
            std::fs::read_to_string(out.join("es/index.html")).unwrap(),
            "<ul><li>1</li><li>2</li></ul>\n"
        );
        assert_eq!(files(&out), [MANIFEST_FILE, "es/index.html", "same.xml"]);
        assert_eq!(
            std::fs::metadata(out.join("same.xml")).unwrap().ino(),
            inode,
            "unchanged contents leave the old file in place"
        );
        assert_eq!(files(dir.path()).len(), 3, "no leftovers beside the site");
    }

    #[test]
    fn a_partial_render_withdraws_only_what_it_is_told() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let all = [
            page("en/a.html", "A"),
            page("es/a.html", "EA"),
            page("fr/a.html", "FA"),
        ];
        publish_site(&out, &all, &[], SiteScope::Whole).unwrap();
        publish_site(
            &out,
            &[page("en/a.html", "A2")],
            &[PathBuf::from("es/a.html")],
            SiteScope::Part,
        )
        .unwrap();
        assert_eq!(files(&out), [MANIFEST_FILE, "en/a.html", "fr/a.html"]);
        let manifest = read_manifest(&out.join(MANIFEST_FILE)).unwrap();
        assert_eq!(
            manifest.pages.into_iter().collect::<Vec<_>>(),
            ["en/a.html", "fr/a.html"]
        );
    }

    #[test]
    fn a_swap_killed_between_renames_is_completed_by_the_next_run() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        publish_site(&out, &[page("en/a.html", "old")], &[], SiteScope::Whole).unwrap();
        let names = Names::new(&out).unwrap();
        // The portable swap, stopped after its second rename: no `site`, a ready one.
        let staged = dir.path().join(".site.folio-staging-x");
        std::fs::create_dir_all(staged.join("en")).unwrap();
        std::fs::write(staged.join("en/a.html"), "new").unwrap();
        std::fs::write(staged.join("en/b.html"), "new").unwrap();
        std::fs::rename(&staged, &names.ready).unwrap();
        std::fs::rename(&out, &names.old).unwrap();
        assert!(!out.exists());
        names.recover().unwrap();
        assert_eq!(
            std::fs::read_to_string(out.join("en/b.html")).unwrap(),
            "new"
        );
        assert_eq!(files(dir.path()), ["site/en/a.html", "site/en/b.html"]);
    }

    #[test]
    fn the_portable_swap_replaces_the_site() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("en")).unwrap();
        std::fs::write(out.join("en/a.html"), "old").unwrap();
        let staged = dir.path().join(".site.folio-staging-y");
        std::fs::create_dir_all(&staged).unwrap();
        std::fs::write(staged.join("new.html"), "new").unwrap();
        swap_by_renames(&staged, &out, &Names::new(&out).unwrap()).unwrap();
        assert_eq!(files(dir.path()), ["site/new.html"]);
    }

    #[test]
    fn leftover_staging_folders_are_removed() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        let leftover = dir.path().join(".site.folio-staging-abc/en");
        std::fs::create_dir_all(&leftover).unwrap();
        std::fs::write(leftover.join("a.html"), "partial").unwrap();
        std::fs::create_dir_all(dir.path().join(".other.folio-staging-abc")).unwrap();
        publish_site(&out, &[page("en/a.html", "A")], &[], SiteScope::Whole).unwrap();
        assert!(!dir.path().join(".site.folio-staging-abc").exists());
        assert!(
            dir.path().join(".other.folio-staging-abc").exists(),
            "another site's folders are not this run's business"
        );
    }

    #[test]
    fn a_site_lost_between_the_renames_of_an_older_version_is_brought_back() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(dir.path().join(".folio-old-abc/en")).unwrap();
        std::fs::write(dir.path().join(".folio-old-abc/en/b.html"), "old").unwrap();
        std::fs::create_dir_all(dir.path().join(".folio-render-def/en")).unwrap();
        publish_site(&out, &[page("en/a.html", "A")], &[], SiteScope::Part).unwrap();
        assert_eq!(
            files(dir.path()),
            ["site/.folio-site.json", "site/en/a.html", "site/en/b.html"]
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_in_the_old_site_is_carried_over_without_being_opened() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("site");
        std::fs::create_dir_all(out.join("en")).unwrap();
        for name in ["pipe", "en/a.html"] {
            let status = std::process::Command::new("mkfifo")
                .arg(out.join(name))
                .status()
                .unwrap();
            assert!(status.success());
        }
        publish_site(&out, &[page("en/a.html", "A")], &[], SiteScope::Whole).unwrap();
        assert_eq!(std::fs::read_to_string(out.join("en/a.html")).unwrap(), "A");
    }
}
