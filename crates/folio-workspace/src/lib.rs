//! The one library that reads and writes a Folio workspace: `folio.toml`, the Markdown
//! in `source/`, and the `.ftl` and layout files in `locales/`.
//!
//! Everything else in Folio is pure and takes text; this crate turns paths into text and
//! text into files. Reads check UTF-8 and name the file on any failure; writes are atomic
//! (a temporary file in the same folder, then a rename), so no reader ever sees a
//! half-written file. It knows the workspace's file layout, not Markdown or Fluent.
//!
//! It also publishes a rendered site into its output folder ([`SiteStage`]: a
//! manifest of the pages Folio wrote, swapped in whole), takes the workspace lock that
//! commands which write hold ([`Workspace::lock`]), and walks any Fluent tree for
//! `check --locales` ([`FluentTree`]). Symbolic links are followed only while they stay
//! inside the workspace (or the tree): one leading out is an error naming it.

// The one crate that touches the file system: clippy.toml forbids std::fs everywhere else.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

mod cache;
mod config;
mod confine;
mod error;
mod files;
mod git;
mod lock;
mod site;
mod terms;
mod tree;

pub use cache::{CACHE_DIR, Stamp, program_stamp};
pub use config::{
    CheckSettings, Config, DEFAULT_TERMS, DocumentCheckSettings, ExtractSettings, FindingLevel,
    LocaleCheckSettings, MarkdownFlavor, RenderSettings, TerminologySettings, parse_base_url,
};
pub use error::WorkspaceError;
pub use files::{
    TEMP_PREFIX, append_text, is_temp_name, read_text, remove_file, repository_root, resolve,
    slash, write_atomic,
};
pub use git::{GitError, changed_paths};
pub use lock::{LOCK_FILE, WorkspaceLock};
pub use site::{MANIFEST_FILE, Published, Scratch, SitePlan, SiteScope, SiteStage, StagedFile};
pub use terms::{TermsError, TermsProblem, parse_terms};
pub use tree::FluentTree;

use std::path::{Path, PathBuf};

use folio_model::Layout;
use unic_langid::LanguageIdentifier;

/// The name of the settings file that marks a workspace's root.
pub const CONFIG_FILE: &str = "folio.toml";

/// An opened workspace: its root and settings.
#[derive(Debug, Clone)]
pub struct Workspace {
    root: PathBuf,
    /// The root with every link resolved (what confinement compares against) and the
    /// folders resolved so far, shared by clones.
    confinement: std::sync::Arc<confine::Confinement>,
    /// Folders `folio.toml` itself places outside the root (`source = "../content"`),
    /// resolved: the publisher chose them, so they are trusted like the root. A link
    /// placing them outside is not such a choice and gets no entry here.
    configured_outside: Vec<PathBuf>,
    config: Config,
}

/// A termbase as read from its file.
#[derive(Debug, Clone)]
pub struct Termbase {
    /// The file.
    pub path: PathBuf,
    /// Its text.
    pub text: String,
    /// Its terms, validated.
    pub terms: Vec<folio_model::Term>,
}

/// Reads the termbase at `path` (outside any workspace: `check --locales --terms`),
/// whose locale tables must be among `locales`.
pub fn read_terms(path: &Path, locales: &[String]) -> Result<Termbase, WorkspaceError> {
    let text = read_text(path)?;
    let terms = parse_terms(path.to_path_buf(), &text, locales)?;
    Ok(Termbase {
        path: path.to_path_buf(),
        text,
        terms,
    })
}

/// One English source document: an article, or the site-wide disclaimer.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Document {
    /// The file stem, which names its `.ftl` file in every locale.
    pub name: String,
    /// The Markdown file.
    pub source: PathBuf,
    /// Whether this is the disclaimer rather than an article.
    pub is_disclaimer: bool,
}

impl Workspace {
    /// Opens the workspace whose `folio.toml` is in `root`.
    pub fn open(root: &Path) -> Result<Self, WorkspaceError> {
        let config_path = root.join(CONFIG_FILE);
        let text = read_text(&config_path)?;
        let config = Config::parse(&text).map_err(|message| WorkspaceError::Config {
            path: config_path,
            message,
        })?;
        let confinement = std::sync::Arc::new(confine::Confinement::new(root)?);
        let mut configured = vec![config.source.clone(), config.locales.clone()];
        configured.extend(
            (config.render.template.as_deref())
                .and_then(Path::parent)
                .map(Path::to_path_buf),
        );
        let configured_outside = configured
            .into_iter()
            .filter(|path| !stays_inside(path))
            .filter_map(|path| root.join(path).canonicalize().ok())
            .collect();
        Ok(Workspace {
            root: root.to_path_buf(),
            confinement,
            configured_outside,
            config,
        })
    }

    /// Opens the workspace containing `start`: the nearest folder at or above it that
    /// holds a `folio.toml`.
    pub fn discover(start: &Path) -> Result<Self, WorkspaceError> {
        let root = start
            .ancestors()
            .find(|dir| dir.join(CONFIG_FILE).is_file())
            .ok_or_else(|| WorkspaceError::NotAWorkspace {
                start: start.to_path_buf(),
            })?;
        Workspace::open(root)
    }

    /// The folder holding `folio.toml`.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The settings.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Fails unless `path` stays inside the workspace once every symbolic link in it is
    /// followed. Links within the workspace are fine; one leading out (to
    /// `/proc/self/environ`, to another repository) would put outside text into units
    /// and pages, or make a write land outside, so it is refused, naming the path.
    pub fn confine(&self, path: &Path) -> Result<(), WorkspaceError> {
        self.allow_configured(path, self.confinement.check(path))
    }

    /// `inside`, the confinement's verdict on `path`, overruled when `path` leads into a
    /// folder folio.toml names outside the workspace.
    fn allow_configured(
        &self,
        path: &Path,
        inside: Result<(), WorkspaceError>,
    ) -> Result<(), WorkspaceError> {
        if inside.is_ok() || self.configured_outside.is_empty() {
            return inside;
        }
        let target = resolve(path).map_err(files::io_error(path))?;
        if self
            .configured_outside
            .iter()
            .any(|f| target.starts_with(f))
        {
            Ok(())
        } else {
            inside
        }
    }

    /// Reads a file of the workspace as UTF-8 text: [`read_text`] after [`Self::confine`].
    pub fn read_text(&self, path: &Path) -> Result<String, WorkspaceError> {
        self.confine(path)?;
        read_text(path)
    }

    /// Reads a file of the workspace as text, or `Ok(None)` when nothing is at `path`
    /// (a link that leads nowhere is an error, not an absent file): how commands read the
    /// files that may not exist yet, a translation or a record.
    pub fn read_text_if_exists(&self, path: &Path) -> Result<Option<String>, WorkspaceError> {
        match files::look(path)? {
            Some(seen) => self.read_seen(path, &seen).map(Some),
            None => Ok(None),
        }
    }

    /// [`Self::read_text_if_exists`], with the file's [`Stamp`] as it was before the read
    /// (`None` when there is no file): how the cache records an input. One look at the
    /// file gives both, unless it is a link (then the stamp is its target's).
    pub fn read_stamped(
        &self,
        path: &Path,
    ) -> Result<(Option<Stamp>, Option<String>), WorkspaceError> {
        let Some(seen) = files::look(path)? else {
            return Ok((None, None));
        };
        let stamp = if seen.file_type().is_symlink() {
            self.stamp(path)?
        } else {
            Some(Stamp::of(&seen))
        };
        Ok((stamp, Some(self.read_seen(path, &seen)?)))
    }

    /// Reads a file the caller has looked at (`seen`, see `files::look`) after
    /// [`Self::confine`].
    fn read_seen(&self, path: &Path, seen: &std::fs::Metadata) -> Result<String, WorkspaceError> {
        let inside = self
            .confinement
            .check_seen(path, seen.file_type().is_symlink());
        self.allow_configured(path, inside)?;
        files::read_text_seen(path, seen)
    }

    /// Writes a file of the workspace: [`write_atomic`] after [`Self::confine`], at the
    /// file a link inside the workspace leads to, so the link stays a link (a rename
    /// onto the link itself would replace it with a plain file).
    pub fn write_atomic(&self, path: &Path, contents: &[u8]) -> Result<(), WorkspaceError> {
        self.confine(path)?;
        let target = resolve(path).map_err(files::io_error(path))?;
        write_atomic(&target, contents)
    }

    /// Removes a file of the workspace: [`remove_file`] after [`Self::confine`].
    pub fn remove_file(&self, path: &Path) -> Result<(), WorkspaceError> {
        self.confine(path)?;
        remove_file(path)
    }

    /// `path` relative to the root when it is inside it, for messages.
    pub fn display_path<'p>(&self, path: &'p Path) -> &'p Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// The English documents, sorted by name: every `*.md` in the source folder, the
    /// disclaimer among them.
    pub fn documents(&self) -> Result<Vec<Document>, WorkspaceError> {
        let source_dir = self.root.join(&self.config.source);
        let mut documents = Vec::new();
        for path in files::list_dir(&source_dir)? {
            // Anything but a folder is a document, so a FIFO or a link leading outside
            // is reported by name when it is read rather than silently skipped.
            if path.extension().is_none_or(|ext| ext != "md") || path.is_dir() {
                continue;
            }
            let Some(name) = path.file_stem().and_then(|s| s.to_str()).map(str::to_owned) else {
                continue;
            };
            let is_disclaimer = path.file_name() == Some(self.config.disclaimer.as_os_str());
            documents.push(Document {
                name,
                source: path,
                is_disclaimer,
            });
        }
        if !documents.iter().any(|d| d.is_disclaimer) {
            return Err(WorkspaceError::MissingDisclaimer {
                path: self.disclaimer_source_path(),
            });
        }
        documents.sort();
        Ok(documents)
    }

    /// The images a locale has of its own: the file names (with `/` between folders)
    /// under `<source>/images/<locale>/`, which its pages show instead of the English
    /// `images/<name>`. Empty when the folder does not exist; no link is followed out of
    /// the workspace.
    pub fn localized_images(
        &self,
        locale: &LanguageIdentifier,
    ) -> Result<std::collections::BTreeSet<String>, WorkspaceError> {
        let dir = self
            .root
            .join(&self.config.source)
            .join("images")
            .join(locale.to_string());
        let mut names = std::collections::BTreeSet::new();
        if !dir.is_dir() {
            return Ok(names);
        }
        self.confine(&dir)?;
        for entry in walkdir::WalkDir::new(&dir)
            .follow_links(false)
            .sort_by_file_name()
        {
            let entry = entry.map_err(|e| WorkspaceError::Io {
                path: e.path().map_or_else(|| dir.clone(), Path::to_path_buf),
                error: e.into(),
            })?;
            if !entry.file_type().is_file() {
                continue;
            }
            if let Ok(relative) = entry.path().strip_prefix(&dir) {
                let name: Vec<_> = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect();
                names.insert(name.join("/"));
            }
        }
        Ok(names)
    }

    /// The disclaimer's document name: its file stem (`disclaimer` for `disclaimer.md`),
    /// which names its `.ftl` file in every locale.
    pub fn disclaimer_name(&self) -> String {
        self.config
            .disclaimer
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("disclaimer")
            .to_owned()
    }

    /// The disclaimer's Markdown source.
    pub fn disclaimer_source_path(&self) -> PathBuf {
        self.root
            .join(&self.config.source)
            .join(&self.config.disclaimer)
    }

    /// The English source Markdown of document `name`.
    pub fn source_path(&self, name: &str) -> PathBuf {
        self.root
            .join(&self.config.source)
            .join(format!("{name}.md"))
    }

    /// The folder of one locale's `.ftl` files.
    pub fn locale_dir(&self, locale: &LanguageIdentifier) -> PathBuf {
        self.root
            .join(&self.config.locales)
            .join(locale.to_string())
    }

    /// The translation locales: every folder in the locales folder but the reference's
    /// (and hidden ones), sorted. A folder whose name is not a canonical BCP 47 tag is an
    /// error of its own, returned beside the valid locales so they can still be served.
    pub fn locales(
        &self,
    ) -> Result<(Vec<LanguageIdentifier>, Vec<WorkspaceError>), WorkspaceError> {
        let dir = self.root.join(&self.config.locales);
        let mut locales = Vec::new();
        let mut errors = Vec::new();
        if !dir.is_dir() {
            return Ok((locales, errors));
        }
        for path in files::list_dir(&dir)? {
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            if !path.is_dir() || name.starts_with('.') {
                continue;
            }
            match parse_locale(name) {
                Ok(locale) if locale == self.config.reference => {}
                Ok(locale) => locales.push(locale),
                Err(message) => errors.push(WorkspaceError::InvalidLocale { path, message }),
            }
        }
        Ok((locales, errors))
    }

    /// The termbase: the file `[check] terms` names (which must exist), or else
    /// `terms.toml` at the root if there is one; `None` when there is none to use. Its
    /// locale tables must be locales of the workspace. Returns its path, its text (what
    /// a cache of check results must be keyed on) and its terms.
    pub fn terms(&self) -> Result<Option<Termbase>, WorkspaceError> {
        let (path, text) = match &self.config.check.terms {
            Some(configured) => {
                let path = self.root.join(configured);
                let text = self.read_text(&path)?;
                (path, text)
            }
            None => {
                let path = self.root.join(DEFAULT_TERMS);
                match self.read_text_if_exists(&path)? {
                    Some(text) => (path, text),
                    None => return Ok(None),
                }
            }
        };
        let (locales, _) = self.locales()?;
        let tags: Vec<String> = locales.iter().map(ToString::to_string).collect();
        let shown = self.display_path(&path).to_path_buf();
        let terms = parse_terms(shown, &text, &tags)?;
        Ok(Some(Termbase { path, text, terms }))
    }

    /// Whether anything is at a locale's folder already (a folder, or a file in its
    /// way): `new-locale` creates a locale only where there is none.
    pub fn has_locale(&self, locale: &LanguageIdentifier) -> bool {
        self.locale_dir(locale).exists()
    }

    /// A locale's translation of a document.
    pub fn translation_path(&self, locale: &LanguageIdentifier, document: &str) -> PathBuf {
        self.locale_dir(locale).join(format!("{document}.ftl"))
    }

    /// A locale's record of the English its translation of a document was confirmed
    /// against.
    pub fn record_path(&self, locale: &LanguageIdentifier, document: &str) -> PathBuf {
        self.locale_dir(locale)
            .join(RECORD_DIR)
            .join(format!("{document}.toml"))
    }

    /// The reference locale (the language of `source/`).
    pub fn reference(&self) -> &LanguageIdentifier {
        &self.config.reference
    }

    /// The generated English units of a document.
    pub fn reference_units_path(&self, name: &str) -> PathBuf {
        self.locale_dir(&self.config.reference)
            .join(format!("{name}.ftl"))
    }

    /// The generated layout of a document, beside its English units.
    pub fn layout_path(&self, name: &str) -> PathBuf {
        self.locale_dir(&self.config.reference)
            .join(format!("{name}{LAYOUT_SUFFIX}"))
    }

    /// Names of documents that have a generated layout in the reference locale, sorted:
    /// what the last extraction produced (including documents since removed from source).
    pub fn extracted_names(&self) -> Result<Vec<String>, WorkspaceError> {
        let dir = self.locale_dir(&self.config.reference);
        if !dir.is_dir() {
            return Ok(Vec::new());
        }
        let mut names: Vec<String> = files::list_dir(&dir)?
            .iter()
            .filter_map(|path| {
                path.file_name()?
                    .to_str()?
                    .strip_suffix(LAYOUT_SUFFIX)
                    .map(str::to_owned)
            })
            .collect();
        names.sort();
        Ok(names)
    }

    /// The generated English files of a document that are there: its units and its
    /// layout, each when present (a link that leads nowhere is not).
    pub fn generated_files(&self, name: &str) -> Vec<PathBuf> {
        [self.reference_units_path(name), self.layout_path(name)]
            .into_iter()
            .filter(|path| path.exists())
            .collect()
    }

    /// Reads a document's layout; `Ok(None)` if it has never been extracted.
    pub fn read_layout(&self, name: &str) -> Result<Option<Layout>, WorkspaceError> {
        let path = self.layout_path(name);
        if !path.exists() {
            return Ok(None);
        }
        let text = self.read_text(&path)?;
        parse_layout(&text)
            .map(Some)
            .map_err(|message| WorkspaceError::Layout { path, message })
    }
}

/// Whether a relative path from `folio.toml`, read as written (links not followed),
/// stays inside the folder it is relative to.
fn stays_inside(path: &Path) -> bool {
    let mut depth = 0usize;
    for component in path.components() {
        match component {
            std::path::Component::Normal(_) => depth += 1,
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir if depth > 0 => depth -= 1,
            _ => return false,
        }
    }
    true
}

/// The folder, inside each locale's folder, holding its records of confirmed English.
pub const RECORD_DIR: &str = "confirmed";

/// Parses a locale name as written by a user or as a folder name: a BCP 47 tag in its
/// canonical form (`pt-BR`, `zh-Hans`). The error says what is wrong and, when the tag
/// is only spelled differently, what to write instead.
pub fn parse_locale(name: &str) -> Result<LanguageIdentifier, String> {
    // unic-langid also accepts the reserved 4–8 letter language subtags, which would let
    // a folder named `Spanish` pass; real tags start with a 2–3 letter ISO 639 code.
    let language = name.split(['-', '_']).next().unwrap_or_default();
    let iso639 =
        (2..=3).contains(&language.len()) && language.chars().all(|c| c.is_ascii_alphabetic());
    match name.parse::<LanguageIdentifier>() {
        Ok(_) if !iso639 => Err(format!(
            "`{name}` is not a BCP 47 language tag (like es, pt-BR or zh-Hans)"
        )),
        Ok(locale) if locale == name => Ok(locale),
        Ok(locale) => Err(format!(
            "`{name}` is not written as a canonical BCP 47 tag; did you mean `{locale}`?"
        )),
        Err(_) => Err(format!(
            "`{name}` is not a BCP 47 language tag (like es, pt-BR or zh-Hans)"
        )),
    }
}

/// The file-name suffix of generated layouts.
pub const LAYOUT_SUFFIX: &str = ".layout.json";

/// The canonical text of a layout file: pretty JSON with a final newline, so the same
/// layout is always the same bytes.
pub fn layout_text(layout: &Layout) -> String {
    let mut text = serde_json::to_string_pretty(layout).expect("a layout always serializes");
    text.push('\n');
    text
}

/// Parses a layout file, saying what is wrong and where.
pub fn parse_layout(text: &str) -> Result<Layout, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        dir
    }

    #[test]
    fn a_locales_own_images_are_listed_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("folio.toml"), "").unwrap();
        let images = dir.path().join("source/images/es/charts");
        std::fs::create_dir_all(&images).unwrap();
        std::fs::write(images.join("a.png"), "png").unwrap();
        std::fs::write(dir.path().join("source/images/es/b.svg"), "svg").unwrap();
        let workspace = Workspace::open(dir.path()).unwrap();
        let es = workspace.localized_images(&"es".parse().unwrap()).unwrap();
        assert_eq!(
            es.into_iter().collect::<Vec<_>>(),
            ["b.svg", "charts/a.png"]
        );
        let ar = workspace.localized_images(&"ar".parse().unwrap()).unwrap();
        assert!(ar.is_empty());
    }

    #[test]
    fn documents_are_the_markdown_files_sorted() {
        let dir = workspace(&[
            ("folio.toml", "reference = \"en\"\n"),
            ("source/zeta.md", "Z"),
            ("source/alpha.md", "A"),
            ("source/disclaimer.md", "D"),
            ("source/notes.txt", "not an article"),
        ]);
        let ws = Workspace::open(dir.path()).unwrap();
        let names: Vec<_> = ws
            .documents()
            .unwrap()
            .into_iter()
            .map(|d| (d.name, d.is_disclaimer))
            .collect();
        assert_eq!(
            names,
            [
                ("alpha".into(), false),
                ("disclaimer".into(), true),
                ("zeta".into(), false)
            ]
        );
    }

    #[test]
    fn locales_are_the_valid_folders_but_the_reference() {
        let dir = workspace(&[
            ("folio.toml", ""),
            ("locales/en/a.ftl", ""),
            ("locales/pt-BR/a.ftl", ""),
            ("locales/es/a.ftl", ""),
            ("locales/pt_br/a.ftl", ""),
            ("locales/Spanish!/a.ftl", ""),
            ("locales/.hidden/a.ftl", ""),
        ]);
        let (locales, errors) = Workspace::open(dir.path()).unwrap().locales().unwrap();
        let names: Vec<String> = locales.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["es", "pt-BR"]);
        let errors: Vec<String> = errors.iter().map(ToString::to_string).collect();
        assert_eq!(errors.len(), 2, "{errors:?}");
        assert!(
            errors[0].contains("Spanish!") && errors[0].contains("not a BCP 47 language tag"),
            "{errors:?}"
        );
        assert!(errors[1].contains("did you mean `pt-BR`"), "{errors:?}");
    }

    #[test]
    fn a_missing_disclaimer_is_an_error() {
        let dir = workspace(&[("folio.toml", ""), ("source/a.md", "A")]);
        let error = Workspace::open(dir.path())
            .unwrap()
            .documents()
            .unwrap_err();
        assert!(
            matches!(error, WorkspaceError::MissingDisclaimer { .. }),
            "{error}"
        );
    }

    #[cfg(unix)]
    #[test]
    fn links_out_are_refused_but_folders_folio_toml_places_outside_are_not() {
        let outside = workspace(&[("content/a.md", "A"), ("secret.md", "S")]);
        let content = outside.path().join("content");
        let dir = workspace(&[(
            "folio.toml",
            &format!("source = \"{}\"\n", content.display()),
        )]);
        std::os::unix::fs::symlink(outside.path().join("secret.md"), content.join("s.md")).unwrap();
        std::fs::create_dir(dir.path().join("locales")).unwrap();
        std::os::unix::fs::symlink(outside.path(), dir.path().join("locales/es")).unwrap();
        let ws = Workspace::open(dir.path()).unwrap();
        assert_eq!(ws.read_text(&content.join("a.md")).unwrap(), "A");
        for refused in [
            content.join("s.md"),
            dir.path().join("locales/es/secret.md"),
        ] {
            let error = ws.read_text(&refused).unwrap_err();
            assert!(
                matches!(error, WorkspaceError::OutsideTree { .. }),
                "{error}"
            );
        }
        assert!(stays_inside(Path::new("a/../b")) && !stays_inside(Path::new("a/../../b")));
    }

    #[cfg(unix)]
    #[test]
    fn a_write_through_a_link_inside_the_workspace_keeps_the_link() {
        let dir = workspace(&[("folio.toml", ""), ("shared/r.toml", "old")]);
        let link = dir.path().join("locales/es/r.toml");
        std::fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink("../../shared/r.toml", &link).unwrap();
        let ws = Workspace::open(dir.path()).unwrap();
        ws.write_atomic(&link, b"new").unwrap();
        assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
        assert_eq!(
            std::fs::read_to_string(dir.path().join("shared/r.toml")).unwrap(),
            "new"
        );
    }

    #[test]
    fn no_workspace_is_a_clear_error() {
        let dir = tempfile::tempdir().unwrap();
        let error = Workspace::discover(dir.path()).unwrap_err();
        assert!(error.to_string().contains("folio.toml"), "{error}");
    }
}
