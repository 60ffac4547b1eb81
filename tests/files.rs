//! Folio and the file system, end to end: the site as a function of the workspace
//! (withdrawn pages, a manifest, an atomic swap, leftovers of killed runs), `--out`
//! folders refused, the workspace lock, FIFOs, file modes, and symbolic links.

#![cfg(unix)]
// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use folio_tests::{Run, Sandbox, folio_bin, status_json};

const NAME: &str = "immunotherapy-multiple-myeloma";
/// How Folio names its temporary files.
const TEMP_PREFIX: &str = ".folio-tmp-";

fn exists(sandbox: &Sandbox, path: &str) -> bool {
    sandbox.path().join(path).symlink_metadata().is_ok()
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("mkfifo");
    assert!(status.success(), "mkfifo {}", path.display());
}

/// Runs `folio ARGS…` like [`Sandbox::run`], but through `sh` with the given umask, and
/// fails the test instead of hanging when it takes longer than a minute.
fn run_limited(sandbox: &Sandbox, umask: &str, args: &[&str]) -> Run {
    let mut child = Command::new("sh")
        .arg("-c")
        .arg(format!("umask {umask} && exec \"$0\" \"$@\""))
        .arg(folio_bin())
        .args(args)
        .current_dir(sandbox.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    let start = Instant::now();
    while child.try_wait().expect("waitable").is_none() {
        if start.elapsed() > Duration::from_secs(60) {
            child.kill().expect("killable");
            panic!("folio {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let output = child.wait_with_output().expect("output");
    Run {
        code: output.status.code().expect("exits normally"),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Names beside the site that belong to a render run, not to the site.
fn leftovers(sandbox: &Sandbox) -> Vec<String> {
    std::fs::read_dir(sandbox.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".site.folio-") || n.starts_with(".folio-"))
        // The workspace's result cache, which render fills too, is no render's leftover.
        .filter(|n| n != ".folio-cache")
        .collect()
}

// --- The site is a function of the workspace (items 4 and 10) ---

#[test]
fn pages_of_a_removed_locale_and_article_are_withdrawn_and_foreign_files_survive() {
    let sandbox = Sandbox::repo();
    sandbox.write(
        "source/extra.md",
        "+++\ntitle = \"Extra\"\n+++\n\nAn extra article.\n",
    );
    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(exists(&sandbox, "site/en/extra.html"));
    assert!(exists(&sandbox, &format!("site/fr/{NAME}.html")));
    // Folio writes a robots.txt of its own under a base URL: the publisher's file here
    // is another (tests/site.rs keeps a robots.txt Folio did not write).
    sandbox.write("site/ads.txt", "placeholder.example, 1, DIRECT\n");
    sandbox.write("site/img/logo.svg", "<svg/>");

    std::fs::remove_dir_all(sandbox.path().join("locales/fr")).unwrap();
    std::fs::remove_file(sandbox.path().join("source/extra.md")).unwrap();
    sandbox.run_ok(&["extract"]);
    let run = sandbox.run_ok(&["render", "--all", "--out", "site"]);

    assert!(!exists(&sandbox, "site/fr"), "{run:?}");
    assert!(!exists(&sandbox, "site/en/extra.html"));
    assert!(
        run.stdout
            .contains(&format!("withdrawn: site/fr/{NAME}.html")),
        "{}",
        run.stdout
    );
    assert!(exists(&sandbox, &format!("site/es/{NAME}.html")));
    assert_eq!(
        sandbox.read("site/ads.txt"),
        "placeholder.example, 1, DIRECT\n"
    );
    assert_eq!(sandbox.read("site/img/logo.svg"), "<svg/>");
    let manifest: serde_json::Value =
        serde_json::from_str(&sandbox.read("site/.folio-site.json")).unwrap();
    let pages: Vec<&str> = manifest["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    // Six article pages, and per locale its index, 404 page and sitemap, and the root's
    // six (chooser, 404 page, stylesheet, sitemap index, the chooser's sitemap,
    // robots.txt).
    assert_eq!(pages.len(), 6 + 6 * 3 + 6, "{pages:?}");
    assert!(
        !pages
            .iter()
            .any(|p| p.starts_with("fr/") || p.contains("extra"))
    );
    assert!(!pages.contains(&"ads.txt"), "only files Folio wrote");
    assert!(leftovers(&sandbox).is_empty(), "{:?}", leftovers(&sandbox));
}

#[test]
fn a_partial_render_keeps_other_pages_and_withdraws_a_refused_locale() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let es = sandbox.read("locales/es/disclaimer.ftl");
    sandbox.write(
        "locales/es/disclaimer.ftl",
        es.replace("disclaimer-p1 = ", "disclaimer-p1 = { "),
    );
    let run = sandbox.run(&["render", NAME, "--locale", "es", "fr", "--out", "site"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(!exists(&sandbox, &format!("site/es/{NAME}.html")));
    for locale in ["en", "ar", "de", "fr", "pt-BR", "zh-Hans"] {
        assert!(
            exists(&sandbox, &format!("site/{locale}/{NAME}.html")),
            "{locale}"
        );
    }
}

#[test]
fn a_render_killed_mid_swap_is_completed_and_leftovers_are_removed() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let de = sandbox.read(&format!("site/de/{NAME}.html"));
    // The state a kill between the renames of the portable swap leaves: the new site
    // ready, no `site`, plus a partial staging folder and an old site.
    std::fs::rename(
        sandbox.path().join("site"),
        sandbox.path().join(".site.folio-ready"),
    )
    .unwrap();
    sandbox.write(".site.folio-old/en/old.html", "old");
    sandbox.write(".site.folio-staging-x1Y2z3/es/partial.html", "partial");
    sandbox.write(&format!("locales/en/{TEMP_PREFIX}x1Y2z3"), "");

    // A partial render: the pages it does not write come from the recovered site.
    sandbox.run_ok(&["render", NAME, "--locale", "es", "--out", "site"]);
    assert_eq!(sandbox.read(&format!("site/de/{NAME}.html")), de);
    assert!(!exists(&sandbox, "site/es/partial.html"));
    assert!(leftovers(&sandbox).is_empty(), "{:?}", leftovers(&sandbox));
    assert!(
        !exists(&sandbox, &format!("locales/en/{TEMP_PREFIX}x1Y2z3")),
        "a temporary file of a killed run is removed"
    );
}

#[test]
fn a_render_killed_at_any_moment_leaves_a_whole_site_old_or_new() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    // Alternate formats, so old and new sites differ in every page (.html or .md).
    let formats = ["markdown", "html"];
    // A render here takes about 50 ms: the kills land all through it.
    for round in 0..20u64 {
        let mut child = Command::new(folio_bin())
            .args(["render", "--all", "--format", formats[round as usize % 2]])
            .args(["--out", "site"])
            .current_dir(sandbox.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(3 * round));
        let _ = child.kill();
        child.wait().unwrap();
        let manifest: serde_json::Value =
            serde_json::from_str(&sandbox.read("site/.folio-site.json"))
                .unwrap_or_else(|e| panic!("round {round}: no whole site: {e}"));
        let pages: Vec<&str> = manifest["pages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p.as_str().unwrap())
            .collect();
        // Seven article pages, and with HTML the site around them (indexes, 404
        // pages, sitemaps, the stylesheet, robots.txt); Markdown output has none of those.
        let articles = pages.iter().filter(|p| p.contains(NAME)).count();
        assert_eq!(articles, 7, "round {round}: {pages:?}");
        let html = pages.iter().any(|p| p.ends_with(".html"));
        assert!(
            (html && pages.len() == 7 + 7 * 3 + 6) || pages.iter().all(|p| p.ends_with(".md")),
            "{pages:?}"
        );
        for page in &pages {
            assert!(
                exists(&sandbox, &format!("site/{page}")),
                "round {round}: {page}"
            );
        }
        let extension = if html { "md" } else { "html" };
        assert!(
            !exists(&sandbox, &format!("site/en/{NAME}.{extension}")),
            "round {round}: old and new pages mixed"
        );
    }
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(leftovers(&sandbox).is_empty(), "{:?}", leftovers(&sandbox));
}

#[test]
fn a_failed_render_leaves_the_whole_old_site_and_nothing_beside_it() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let before = sandbox.read(&format!("site/es/{NAME}.html"));
    // Withdrawing pages and then failing must not withdraw anything.
    std::fs::remove_dir_all(sandbox.path().join("locales/fr")).unwrap();
    sandbox.edit(
        "folio.toml",
        "[render]\n",
        "[render]\ntemplate = \"page.html\"\n",
    );
    sandbox.write("page.html", "<html>{{ body }} {% if %}</html>");
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert_eq!(sandbox.read(&format!("site/es/{NAME}.html")), before);
    assert!(exists(&sandbox, &format!("site/fr/{NAME}.html")));
    assert!(leftovers(&sandbox).is_empty(), "{:?}", leftovers(&sandbox));
}

#[test]
fn a_locale_folder_of_the_site_that_is_a_link_is_refused_and_written_through_never() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    let before = sandbox.read(&format!("site/fr/{NAME}.html"));
    // The publisher points `site/de` at a folder of theirs.
    sandbox.write("elsewhere/notes.html", "theirs");
    std::fs::remove_dir_all(sandbox.path().join("site/de")).unwrap();
    symlink(
        sandbox.path().join("elsewhere"),
        sandbox.path().join("site/de"),
    )
    .unwrap();
    let run = sandbox.run(&["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("site/de") && run.stderr.contains("is a link"),
        "{}",
        run.stderr
    );
    let outside: Vec<_> = std::fs::read_dir(sandbox.path().join("elsewhere"))
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(outside, ["notes.html"], "nothing written through the link");
    assert_eq!(sandbox.read(&format!("site/fr/{NAME}.html")), before);
    assert!(leftovers(&sandbox).is_empty(), "{:?}", leftovers(&sandbox));
}

// --- `--out` (item 11) ---

#[test]
fn an_out_folder_that_would_clobber_something_is_refused() {
    let sandbox = Sandbox::repo();
    sandbox.write("notes.txt", "my notes");
    let root = sandbox.path().to_str().unwrap().to_owned();
    for (out, reason) in [
        ("notes.txt", "an existing file"),
        (".", "the workspace"),
        ("..", "the workspace"),
        (root.as_str(), "the workspace"),
        ("source", "source folder"),
        ("source/site", "source folder"),
        ("locales", "locales folder"),
        ("locales/es", "locales folder"),
        ("/", "filesystem root"),
    ] {
        let run = sandbox.run(&["render", "--all", "--out", out]);
        assert_eq!(run.code, 2, "--out {out}: {run:?}");
        assert!(
            run.stderr.contains(&format!("--out {out}:")) && run.stderr.contains(reason),
            "--out {out}: {}",
            run.stderr
        );
    }
    assert_eq!(sandbox.read("notes.txt"), "my notes");
    assert!(!exists(&sandbox, "source/site") && !exists(&sandbox, "en"));
    // A link into the workspace is judged by where it leads.
    symlink("locales", sandbox.path().join("published")).unwrap();
    let run = sandbox.run(&["render", "--all", "--out", "published"]);
    assert_eq!(run.code, 2, "{run:?}");
}

// --- The workspace lock (item 12) ---

#[test]
fn concurrent_accepts_never_lose_an_acceptance() {
    let sandbox = Sandbox::repo();
    let record = format!("locales/es/confirmed/{NAME}.toml");
    let units = ["intro-p1", "intro-p2"];
    for round in 0..20 {
        // Make both units stale: the record says they were confirmed against other English.
        let mut text = sandbox.read(&record);
        for id in units {
            let start = text.find(&format!("[{id}]\nenglish = \"")).unwrap();
            let value = start + id.len() + 3 + "english = \"".len();
            text.insert_str(value, &format!("Round {round}. "));
        }
        sandbox.write(&record, text);
        let children: Vec<_> = units
            .iter()
            .map(|id| {
                Command::new(folio_bin())
                    .args(["accept", "es", id, "--unchanged"])
                    .current_dir(sandbox.path())
                    .stdout(Stdio::piped())
                    .stderr(Stdio::piped())
                    .spawn()
                    .unwrap()
            })
            .collect();
        for child in children {
            let output = child.wait_with_output().unwrap();
            assert!(output.status.success(), "round {round}: {output:?}");
        }
        let report = status_json(&sandbox, &["es"]);
        let article = report.document("es", NAME);
        assert_eq!(
            (article.units.stale, report.totals("es").units.stale),
            (0, 0),
            "round {round}: an acceptance was lost"
        );
    }
}

#[test]
fn a_held_lock_makes_a_writer_wait_saying_so() {
    let sandbox = Sandbox::repo();
    // This test process holds the lock, as another folio command would.
    let lock = std::fs::File::create(sandbox.path().join(".folio.lock")).unwrap();
    lock.lock().unwrap();
    let child = Command::new(folio_bin())
        .args(["accept", "es", "--new"])
        .current_dir(sandbox.path())
        .env("NO_COLOR", "1")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::thread::sleep(Duration::from_millis(500));
    lock.unlock().unwrap();
    let output = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert!(
        stderr.contains("waiting for") && stderr.contains(".folio.lock"),
        "{stderr}"
    );
}

// --- FIFOs and temporary files (item 13) ---

#[test]
fn a_fifo_in_source_is_an_error_naming_it_and_the_rest_is_extracted() {
    let sandbox = Sandbox::repo();
    mkfifo(&sandbox.path().join("source/pipe.md"));
    let run = run_limited(&sandbox, "022", &["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("source/pipe.md") && run.stderr.contains("a FIFO"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains(NAME), "{}", run.stdout);
}

/// Translations are read without a look of their own before the read (the look that
/// found them is reused): a FIFO, or a link to one, is still refused unopened, by name,
/// and the other files are checked.
#[test]
fn a_fifo_as_a_translation_is_an_error_naming_it_not_a_hang() {
    let sandbox = Sandbox::repo();
    let translation = format!("locales/es/{NAME}.ftl");
    std::fs::remove_file(sandbox.path().join(&translation)).unwrap();
    mkfifo(&sandbox.path().join(&translation));
    for command in [&["status"][..], &["check"]] {
        let run = run_limited(&sandbox, "022", command);
        assert_eq!(run.code, 2, "{command:?}: {run:?}");
        assert!(
            run.stderr.contains(&translation) && run.stderr.contains("a FIFO"),
            "{command:?}: {}",
            run.stderr
        );
        assert!(run.stdout.contains("fr"), "{command:?}: {}", run.stdout);
    }
    let tree = Sandbox::empty();
    tree.write("en/a.ftl", "hello = Hello\n");
    tree.write("en/b.ftl", "bye = Bye\n");
    tree.write("fr/b.ftl", "bye = Au revoir\n");
    std::fs::create_dir_all(tree.path().join("de")).unwrap();
    mkfifo(&tree.path().join("fr/a.ftl"));
    mkfifo(&tree.path().join("pipe"));
    symlink("../pipe", tree.path().join("de/a.ftl")).unwrap();
    let run = run_limited(
        &tree,
        "022",
        &["check", "--locales", ".", "--reference", "en"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    for path in ["fr/a.ftl", "de/a.ftl"] {
        assert!(
            run.stderr.contains(path) && run.stderr.contains("a FIFO"),
            "{path}: {}",
            run.stderr
        );
    }
    assert!(run.stdout.contains("fr"), "{}", run.stdout);
}

#[test]
fn a_fifo_in_the_old_site_never_hangs_render() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    mkfifo(&sandbox.path().join("site/pipe"));
    let page = format!("site/es/{NAME}.html");
    std::fs::remove_file(sandbox.path().join(&page)).unwrap();
    mkfifo(&sandbox.path().join(&page));
    let run = run_limited(&sandbox, "022", &["render", "--all", "--out", "site"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(sandbox.read(&page).starts_with("<!DOCTYPE html>"));
}

#[test]
fn temporary_files_of_a_killed_run_are_removed_by_the_next_writer() {
    let sandbox = Sandbox::repo();
    for path in [
        "locales/en/.tmpAb12Cd",
        "locales/es/confirmed/.folio-tmp-9xYz",
    ] {
        sandbox.write(path, "half a file");
    }
    sandbox.run_ok(&["accept", "es", "--new"]);
    assert!(!exists(&sandbox, "locales/en/.tmpAb12Cd"));
    assert!(!exists(&sandbox, "locales/es/confirmed/.folio-tmp-9xYz"));
}

// --- File modes (item 14) ---

#[test]
fn written_files_get_a_plain_writes_mode_and_rewritten_ones_keep_theirs() {
    let sandbox = Sandbox::repo();
    let record = format!("locales/es/confirmed/{NAME}.toml");
    // A new English file and layout, a new record, and a new site.
    sandbox.write("source/extra.md", "An extra article.\n");
    std::fs::remove_file(sandbox.path().join(&record)).unwrap();
    for args in [
        &["extract"][..],
        &["accept", "es", "--new"],
        &["render", "--all", "--out", "site"],
    ] {
        let run = run_limited(&sandbox, "022", args);
        assert_eq!(run.code, 0, "{args:?}: {run:?}");
    }
    for path in [
        "locales/en/extra.ftl".to_owned(),
        "locales/en/extra.layout.json".to_owned(),
        record.clone(),
        format!("site/es/{NAME}.html"),
        "site/.folio-site.json".to_owned(),
    ] {
        assert_eq!(mode(&sandbox.path().join(&path)), 0o644, "{path}");
    }
    for dir in ["site", "site/es"] {
        assert_eq!(mode(&sandbox.path().join(dir)), 0o755, "{dir}");
    }

    // A mode the user chose survives a rewrite.
    for path in [record.as_str(), "site"] {
        // 0775: group bits the umask (022) would clear if Folio relied on it.
        let mode = if path == "site" { 0o775 } else { 0o640 };
        std::fs::set_permissions(
            sandbox.path().join(path),
            std::fs::Permissions::from_mode(mode),
        )
        .unwrap();
    }
    let text = sandbox.read(&record);
    sandbox.write(
        &record,
        text.replacen("english = \"", "english = \"Old. ", 1),
    );
    let run = run_limited(&sandbox, "022", &["accept", "es", "--all", "--unchanged"]);
    assert!(run.stdout.contains("1 unchanged stale unit(s)"), "{run:?}");
    run_limited(&sandbox, "022", &["render", "--all", "--out", "site"]);
    assert_eq!(mode(&sandbox.path().join(&record)), 0o640);
    assert_eq!(mode(&sandbox.path().join("site")), 0o775);
}

#[test]
fn site_pages_get_what_a_plain_write_would_under_any_umask() {
    // Issue 13 saw pages written 0600: each umask must give exactly what `sh`'s own
    // redirection gives a new file, for HTML pages, Markdown pages (both names) and
    // the manifest, and for their folders what `mkdir` gives.
    let sandbox = Sandbox::repo();
    sandbox.edit(
        "folio.toml",
        "fallback = true",
        "fallback = true\nmarkdown-style = \"zola\"",
    );
    for (umask, file, folder) in [
        ("002", 0o664, 0o775),
        ("027", 0o640, 0o750),
        ("077", 0o600, 0o700),
    ] {
        let run = run_limited(
            &sandbox,
            umask,
            &["render", "--all", "--out", &format!("html-{umask}")],
        );
        assert_eq!(run.code, 0, "{run:?}");
        let run = run_limited(
            &sandbox,
            umask,
            &[
                "render",
                "--all",
                "--format",
                "markdown",
                "--out",
                &format!("md-{umask}"),
            ],
        );
        assert_eq!(run.code, 0, "{run:?}");
        // What the shell itself makes under this umask, for comparison.
        let plain = Command::new("sh")
            .arg("-c")
            .arg(format!(
                "umask {umask} && : > plain-{umask} && mkdir plain-dir-{umask}"
            ))
            .current_dir(sandbox.path())
            .status()
            .expect("sh runs");
        assert!(plain.success());
        assert_eq!(mode(&sandbox.path().join(format!("plain-{umask}"))), file);
        assert_eq!(
            mode(&sandbox.path().join(format!("plain-dir-{umask}"))),
            folder
        );
        for path in [
            format!("html-{umask}/es/{NAME}.html"),
            format!("html-{umask}/.folio-site.json"),
            format!("md-{umask}/{NAME}.md"),
            format!("md-{umask}/{NAME}.ar.md"),
        ] {
            assert_eq!(
                mode(&sandbox.path().join(&path)),
                file,
                "umask {umask}: {path}"
            );
        }
        for dir in [
            format!("html-{umask}"),
            format!("html-{umask}/es"),
            format!("md-{umask}"),
        ] {
            assert_eq!(
                mode(&sandbox.path().join(&dir)),
                folder,
                "umask {umask}: {dir}"
            );
        }
    }
}

// --- Symbolic links (item 9) ---

#[test]
fn a_source_link_leaving_the_workspace_is_an_error_not_content() {
    let sandbox = Sandbox::repo();
    symlink("/proc/self/environ", sandbox.path().join("source/env.md")).unwrap();
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("source/env.md") && run.stderr.contains("outside"),
        "{}",
        run.stderr
    );
    assert!(!exists(&sandbox, "locales/en/env.ftl"));
    assert!(
        run.stdout.contains(NAME),
        "the other documents are extracted"
    );
}

#[test]
fn a_record_folder_linked_outside_makes_accept_refuse() {
    let sandbox = Sandbox::repo();
    let outside = tempfile::tempdir().unwrap();
    let confirmed = sandbox.path().join("locales/es/confirmed");
    for entry in std::fs::read_dir(&confirmed).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), outside.path().join(entry.file_name())).unwrap();
    }
    std::fs::remove_dir_all(&confirmed).unwrap();
    symlink(outside.path(), &confirmed).unwrap();
    let record = outside.path().join(format!("{NAME}.toml"));
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(
        &record,
        text.replacen("english = \"", "english = \"Old. ", 1),
    )
    .unwrap();
    let before = std::fs::read_to_string(&record).unwrap();

    let run = sandbox.run(&["accept", "es", "--all", "--unchanged"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(
        run.stderr.contains("locales/es/confirmed") && run.stderr.contains("outside"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(&record).unwrap(), before);
}

#[test]
fn links_that_stay_inside_the_workspace_are_followed() {
    let sandbox = Sandbox::repo();
    std::fs::rename(
        sandbox.path().join("locales/es"),
        sandbox.path().join("translations-es"),
    )
    .unwrap();
    symlink("../translations-es", sandbox.path().join("locales/es")).unwrap();
    let text = sandbox.read(&format!("translations-es/confirmed/{NAME}.toml"));
    sandbox.write(
        &format!("translations-es/confirmed/{NAME}.toml"),
        text.replacen("english = \"", "english = \"Old. ", 1),
    );
    let run = sandbox.run_ok(&["accept", "es", "--all", "--unchanged"]);
    assert!(run.stdout.contains("1 unchanged stale unit(s)"), "{run:?}");
    sandbox.run_ok(&["render", "--all", "--out", "site"]);
    assert!(exists(&sandbox, &format!("site/es/{NAME}.html")));
}

#[test]
fn check_locales_terminates_on_link_loops_and_refuses_links_out() {
    let sandbox = Sandbox::empty();
    sandbox.write("g/en/a.ftl", "hello = Hello\n");
    sandbox.write("g/fr/a.ftl", "hello = Bonjour\n");
    symlink(".", sandbox.path().join("g/fr/a")).unwrap();
    symlink(".", sandbox.path().join("g/fr/b")).unwrap();
    symlink("/etc", sandbox.path().join("g/fr/etc")).unwrap();
    let run = run_limited(
        &sandbox,
        "022",
        &["check", "--locales", "g", "--reference", "en"],
    );
    assert_eq!(run.code, 2, "{run:?}");
    for link in ["g/fr/a", "g/fr/b"] {
        assert!(
            run.stderr
                .contains(&format!("{link}: a symbolic link loops back")),
            "{link}: {}",
            run.stderr
        );
    }
    assert!(
        run.stderr.contains("g/fr/etc") && run.stderr.contains("outside g"),
        "{}",
        run.stderr
    );
}
