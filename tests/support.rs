//! Helpers for Folio's end-to-end tests: build the real `folio` binary once, copy a
//! workspace into a temporary folder, run commands in it and read what they wrote.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

/// The repository root (the parent of this package).
pub fn repo_root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ has a parent")
}

/// The `folio` binary, built once per test process with the same cargo that runs the
/// tests. The path comes from cargo's own report, so a custom target dir works too.
pub fn folio_bin() -> &'static Path {
    static BIN: OnceLock<PathBuf> = OnceLock::new();
    BIN.get_or_init(|| {
        let output = Command::new(env!("CARGO"))
            .args([
                "build",
                "--quiet",
                "--package",
                "folio",
                "--bin",
                "folio",
                "--message-format=json",
            ])
            .current_dir(repo_root())
            .output()
            .expect("cargo runs");
        assert!(
            output.status.success(),
            "building folio failed:\n{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .find_map(|message| message["executable"].as_str().map(PathBuf::from))
            .expect("cargo reports the folio executable")
    })
}

/// Unit or word counts by status, as every JSON report of Folio writes them; unknown
/// fields fail deserialization, so the schema can't grow unnoticed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Current.
    pub current: usize,
    /// Updated: stale, then changed by the translator.
    pub updated: usize,
    /// Stale.
    pub stale: usize,
    /// Untranslated: the English copied.
    pub untranslated: usize,
    /// Missing.
    pub missing: usize,
    /// Obsolete.
    pub obsolete: usize,
    /// Invalid.
    pub invalid: usize,
}

/// What a run of `folio` did.
#[derive(Debug)]
pub struct Run {
    /// The exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

/// A throwaway workspace in a temporary folder.
pub struct Sandbox {
    dir: tempfile::TempDir,
}

impl Sandbox {
    /// A copy of this repository's own workspace: folio.toml, source/ and locales/.
    pub fn repo() -> Self {
        let sandbox = Sandbox::empty();
        for item in ["folio.toml", "source", "locales"] {
            copy_tree(&repo_root().join(item), &sandbox.path().join(item));
        }
        sandbox
    }

    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Self {
        let sandbox = Sandbox::empty();
        copy_tree(
            &repo_root().join("tests/fixtures").join(name),
            sandbox.path(),
        );
        sandbox
    }

    /// An empty folder.
    pub fn empty() -> Self {
        Sandbox {
            dir: tempfile::tempdir().expect("a temporary folder"),
        }
    }

    /// The sandbox's root.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Runs `folio ARGS…` in the sandbox, with colour off.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(folio_bin())
            .args(args)
            .current_dir(self.path())
            .env("NO_COLOR", "1")
            .output()
            .expect("folio runs");
        Run {
            code: output
                .status
                .code()
                .expect("folio exits normally, not by a signal"),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs `folio ARGS…` and asserts it exits with `code`.
    pub fn run_ok(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert_eq!(
            run.code, 0,
            "folio {args:?} failed:\n{}{}",
            run.stdout, run.stderr
        );
        run
    }

    /// Reads a file of the sandbox as text.
    pub fn read(&self, path: &str) -> String {
        std::fs::read_to_string(self.path().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Writes a file of the sandbox, creating folders.
    pub fn write(&self, path: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("folders");
        std::fs::write(path, contents).expect("writable");
    }

    /// Replaces the one occurrence of `from` in a file with `to`.
    pub fn edit(&self, path: &str, from: &str, to: &str) {
        let text = self.read(path);
        assert_eq!(
            text.matches(from).count(),
            1,
            "{from:?} must occur once in {path}"
        );
        self.write(path, text.replacen(from, to, 1));
    }

    /// The messages of a `.ftl` file as (id, value text), in file order, read with
    /// fluent-syntax directly (not through Folio). Panics on any Junk.
    pub fn messages(&self, path: &str) -> Vec<(String, String)> {
        ftl_messages(&self.read(path))
    }

    /// The unit ids of a document in layout order, from its generated layout.
    pub fn layout_ids(&self, name: &str) -> Vec<String> {
        let text = self.read(&format!("locales/en/{name}.layout.json"));
        let layout: folio_model::Layout = serde_json::from_str(&text).expect("a valid layout");
        layout
            .units()
            .into_iter()
            .map(|(_, id)| id.to_string())
            .collect()
    }
}

/// Parses `.ftl` text with fluent-syntax and formats every message with fluent-bundle
/// (isolation marks off): (id, formatted value) in file order. Panics on any Junk or
/// formatting error, so a caller knows the file is clean.
pub fn ftl_messages(text: &str) -> Vec<(String, String)> {
    use fluent_bundle::{FluentBundle, FluentResource};
    let resource = match FluentResource::try_new(text.to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("syntax errors {errors:?} in\n{text}"),
    };
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect();
    let mut bundle = FluentBundle::default();
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).expect("no duplicate ids");
    ids.into_iter()
        .map(|id| {
            let message = bundle.get_message(&id).expect("present");
            let mut errors = Vec::new();
            let value = bundle.format_pattern(message.value().expect("a value"), None, &mut errors);
            assert!(errors.is_empty(), "{id}: {errors:?}");
            let value = value.into_owned();
            (id, value)
        })
        .collect()
}

/// The repository with hostile Spanish translations, rendered to `site/`.
pub fn hostile_site() -> Sandbox {
    const NAME: &str = "immunotherapy-multiple-myeloma";
    let sandbox = Sandbox::repo();
    let path = format!("locales/es/{NAME}.ftl");
    let mut text = sandbox.read(&path);
    for (id, hostile) in [
        ("title", "Título\" onload=\"window.__pwned=3"),
        (
            "description",
            "Descripción\"><img src=x onerror=window.__pwned=4>",
        ),
        (
            "intro-p1",
            "<script>window.__pwned=1</script> El tratamiento del cáncer.",
        ),
        (
            "intro-p2",
            "Texto \u{202E}invertido\u{202C} y <img src=x onerror=\"window.__pwned=5\"> más.",
        ),
        (
            "understanding-immunotherapy-multiple-myeloma-heading",
            "<iframe src=\"javascript:window.top.__pwned=6\"></iframe>Entender",
        ),
        (
            "future-directions-immunotherapy-p2",
            "Lea [la guía](javascript:window.__pwned=7) y [NIH](https://www.nih.gov/).",
        ),
    ] {
        let start = text
            .find(&format!("\n{id} = "))
            .unwrap_or_else(|| panic!("{id}"))
            + 1;
        let end = text[start..].find('\n').map_or(text.len(), |e| start + e);
        text.replace_range(start..end, &format!("{id} = {hostile}"));
    }
    sandbox.write(&path, text);
    // Units with HTML the English lacks are `tag-mismatch` errors, left out of the page;
    // the bar is lowered so the page still goes out and shows what did get through.
    sandbox.edit("folio.toml", "min-coverage = 80", "min-coverage = 0");
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    sandbox
}

fn copy_tree(from: &Path, to: &Path) {
    if from.is_dir() {
        std::fs::create_dir_all(to).expect("folders");
        let mut entries: Vec<_> = std::fs::read_dir(from)
            .expect("readable")
            .map(|e| e.expect("entry").path())
            .collect();
        entries.sort();
        for entry in entries {
            copy_tree(&entry, &to.join(entry.file_name().expect("a name")));
        }
    } else {
        std::fs::copy(from, to).unwrap_or_else(|e| panic!("{}: {e}", from.display()));
    }
}
