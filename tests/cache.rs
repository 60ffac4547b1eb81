//! The result cache (`.folio-cache/`) attacked: a cached run must say byte for byte what
//! a fresh one says, and no cached result may outlive a change to what it was computed
//! from — content edited behind an unchanged size and modification time, settings
//! changed, the cache itself corrupted or deleted.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]

use std::time::{Duration, SystemTime};

use folio_tests::Sandbox;

const TRANSLATION: &str = "locales/es/immunotherapy-multiple-myeloma.ftl";

/// Gives the Spanish translation a `link-mismatch` error: its first link's target changed.
fn break_a_link(sandbox: &Sandbox) {
    let text = sandbox.read(TRANSLATION);
    sandbox.write(TRANSLATION, text.replacen("](https://", "](httpx://", 1));
}

fn outputs(sandbox: &Sandbox, args: &[&str]) -> (i32, String, String) {
    let run = sandbox.run(args);
    (run.code, run.stdout, run.stderr)
}

/// Every file of the sandbox's workspace dated `age` ago, as if it had been there a
/// while: the cache trusts the stamps of settled files without reading them.
fn age(sandbox: &Sandbox, age: Duration) {
    let then = SystemTime::now() - age;
    for entry in walkdir(sandbox.path()) {
        if entry.is_file() {
            let file = std::fs::File::options().write(true).open(&entry).unwrap();
            file.set_modified(then).unwrap();
        }
    }
}

/// Writes `text` into `path` of the sandbox and puts the file's modification time back.
fn write_behind_the_same_time(sandbox: &Sandbox, path: &str, text: &str) {
    let file = sandbox.path().join(path);
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    sandbox.write(path, text);
    std::fs::File::options()
        .write(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
}

fn walkdir(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(walkdir(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn a_cached_run_says_exactly_what_a_fresh_run_says() {
    let sandbox = Sandbox::repo();
    // A finding, so that cached snippets are shown too.
    break_a_link(&sandbox);
    for args in [
        &["check", "--format", "json"][..],
        &["check"],
        &["check", "--documents", "--format", "github"],
        &["status", "--format", "json"],
        &["status", "--todo", "--documents"],
    ] {
        let fresh = outputs(&sandbox, &[args, &["--no-cache"]].concat());
        let first = outputs(&sandbox, args);
        let cached = outputs(&sandbox, args);
        assert_eq!(first, fresh, "{args:?}");
        assert_eq!(cached, fresh, "{args:?}");
    }
    assert!(sandbox.path().join(".folio-cache/check").is_dir());
    assert_eq!(
        sandbox.read(".folio-cache/.gitignore").lines().last(),
        Some("*")
    );
}

#[test]
fn an_edit_behind_the_same_size_and_time_is_seen() {
    let sandbox = Sandbox::repo();
    age(&sandbox, Duration::from_secs(3600));
    // Status-change times can't be set back: wait until they are settled too, so the
    // cache trusts every stamp without reading (the path this test attacks).
    std::thread::sleep(Duration::from_millis(2500));
    let clean = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(clean.code, 0, "{}{}", clean.stdout, clean.stderr);
    // Break a link target without changing the file's size, and put its modification
    // time back: only its content (and its status-change time) tells.
    let text = sandbox.read(TRANSLATION);
    let broken = text.replacen("](https://", "](httpx://", 1);
    assert_ne!(broken, text);
    assert_eq!(broken.len(), text.len());
    write_behind_the_same_time(&sandbox, TRANSLATION, &broken);
    let run = sandbox.run(&["check", "--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("link-mismatch"), "{}", run.stdout);
    assert_eq!(
        outputs(&sandbox, &["check", "--format", "json"]),
        outputs(&sandbox, &["check", "--format", "json", "--no-cache"])
    );
}

#[test]
fn touching_files_changes_nothing_and_changing_settings_changes_the_verdict() {
    let sandbox = Sandbox::repo();
    let before = outputs(&sandbox, &["status", "--format", "json"]);
    age(&sandbox, Duration::from_secs(60));
    assert_eq!(outputs(&sandbox, &["status", "--format", "json"]), before);
    assert_eq!(sandbox.run(&["check"]).code, 0);
    // A stricter bar in folio.toml is a new verdict, not a cached one.
    let config = sandbox.read("folio.toml");
    sandbox.write(
        "folio.toml",
        format!("{config}\n[check.locales.es]\nmin-coverage = 100\nstale-fails = true\n"),
    );
    break_a_link(&sandbox);
    let fresh = outputs(&sandbox, &["check", "--format", "json", "--no-cache"]);
    assert_eq!(outputs(&sandbox, &["check", "--format", "json"]), fresh);
}

#[test]
fn a_corrupt_or_deleted_cache_is_a_miss() {
    let sandbox = Sandbox::repo();
    let fresh = outputs(&sandbox, &["check", "--format", "json", "--no-cache"]);
    assert_eq!(outputs(&sandbox, &["check", "--format", "json"]), fresh);
    for entry in walkdir(&sandbox.path().join(".folio-cache/check")) {
        std::fs::write(entry, "{ not json").unwrap();
    }
    assert_eq!(outputs(&sandbox, &["check", "--format", "json"]), fresh);
    std::fs::remove_dir_all(sandbox.path().join(".folio-cache")).unwrap();
    assert_eq!(outputs(&sandbox, &["check", "--format", "json"]), fresh);
}

const ARTICLE: &str = "immunotherapy-multiple-myeloma";

/// The whole site rendered into `site/`.
const RENDER: [&str; 4] = ["render", "--all", "--out", "site"];

/// Every file of the rendered site under `site/`, by path relative to it.
fn site(sandbox: &Sandbox) -> std::collections::BTreeMap<String, String> {
    let root = sandbox.path().join("site");
    walkdir(&root)
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

/// The number of pages a render says it kept from the cache (0 when it says nothing).
fn kept(run: &folio_tests::Run) -> usize {
    run.stdout
        .lines()
        .find_map(|line| line.strip_prefix("note: ")?.split_once(" page(s) kept"))
        .map_or(0, |(count, _)| count.parse().unwrap())
}

#[test]
fn an_unchanged_render_keeps_its_pages_and_writes_the_same_site() {
    let sandbox = Sandbox::repo();
    let first = sandbox.run_ok(&RENDER);
    assert_eq!(kept(&first), 0, "{}", first.stdout);
    let fresh = site(&sandbox);
    let again = sandbox.run_ok(&RENDER);
    assert_eq!(kept(&again), 7, "every page kept: {}", again.stdout);
    assert_eq!(site(&sandbox), fresh);
    // Without the cache, every page is rendered again, to the same bytes.
    let uncached = sandbox.run_ok(&[&RENDER[..], &["--no-cache"]].concat());
    assert_eq!(kept(&uncached), 0, "{}", uncached.stdout);
    assert_eq!(site(&sandbox), fresh);
    // A dry run neither uses nor writes the cache.
    let dry = sandbox.run_ok(&[&RENDER[..], &["--dry-run"]].concat());
    assert_eq!(kept(&dry), 0, "{}", dry.stdout);
    // A deleted cache is a miss, and the site is the same.
    std::fs::remove_dir_all(sandbox.path().join(".folio-cache")).unwrap();
    let rebuilt = sandbox.run_ok(&RENDER);
    assert_eq!(kept(&rebuilt), 0, "{}", rebuilt.stdout);
    assert_eq!(site(&sandbox), fresh);
}

#[test]
fn a_changed_translation_or_a_tampered_page_is_rendered_again() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&RENDER);
    let fresh = site(&sandbox);
    // A translation edited behind the same size and modification time.
    let text = sandbox.read(TRANSLATION);
    let edited = text.replacen("inmunoterapia", "inmunoterapio", 1);
    assert_ne!(edited, text);
    write_behind_the_same_time(&sandbox, TRANSLATION, &edited);
    assert_eq!(kept(&sandbox.run_ok(&RENDER)), 0);
    assert!(site(&sandbox)[&format!("es/{ARTICLE}.html")].contains("inmunoterapio"));
    sandbox.write(TRANSLATION, &text);
    sandbox.run_ok(&RENDER);
    assert_eq!(site(&sandbox), fresh);
    // A page of the site changed by hand is made again, not kept; so is one removed.
    let french = format!("site/fr/{ARTICLE}.html");
    let original = sandbox.read(&french);
    sandbox.write(&french, original.replace("<aside", "<aside hidden"));
    assert_eq!(kept(&sandbox.run_ok(&RENDER)), 0);
    assert_eq!(sandbox.read(&french), original);
    std::fs::remove_file(sandbox.path().join(&french)).unwrap();
    assert_eq!(kept(&sandbox.run_ok(&RENDER)), 0);
    assert_eq!(site(&sandbox), fresh);
}

#[test]
fn no_cached_page_outlives_a_change_to_the_disclaimer_template_or_settings() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&RENDER);
    // The Spanish disclaimer copied from the English: es is refused and its page
    // withdrawn, though its article did not change.
    let disclaimer = "locales/es/disclaimer.ftl";
    let spanish = sandbox.read(disclaimer);
    sandbox.write(disclaimer, sandbox.read("locales/en/disclaimer.ftl"));
    let run = sandbox.run(&RENDER);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("es: refused"), "{}", run.stderr);
    assert!(
        !sandbox
            .path()
            .join(format!("site/es/{ARTICLE}.html"))
            .exists()
    );
    sandbox.write(disclaimer, &spanish);
    sandbox.run_ok(&RENDER);
    assert!(
        sandbox
            .path()
            .join(format!("site/es/{ARTICLE}.html"))
            .exists()
    );
    // A template of the publisher's, then an edit of that file alone.
    sandbox.write(
        "templates/page.html",
        "<html><body>{{ body }}<aside>{{ disclaimer }}</aside><p>one</p></body></html>",
    );
    sandbox.edit(
        "folio.toml",
        "[render]\n",
        "[render]\ntemplate = \"templates/page.html\"\n",
    );
    let run = sandbox.run_ok(&RENDER);
    assert_eq!(kept(&run), 0, "{}", run.stdout);
    sandbox.edit("templates/page.html", "<p>one</p>", "<p>two</p>");
    let run = sandbox.run_ok(&RENDER);
    assert_eq!(kept(&run), 0, "{}", run.stdout);
    assert!(
        sandbox
            .read(&format!("site/de/{ARTICLE}.html"))
            .contains("<p>two</p>")
    );
    let run = sandbox.run_ok(&RENDER);
    assert_eq!(kept(&run), 7, "{}", run.stdout);
    // Asking for fewer locales is another render.
    let run = sandbox.run_ok(&["render", "--locale", "de", "--out", "site"]);
    assert_eq!(kept(&run), 0, "{}", run.stdout);
    let run = sandbox.run_ok(&["render", "--locale", "de", "--out", "site"]);
    assert_eq!(kept(&run), 1, "{}", run.stdout);
}

#[test]
fn a_page_replaced_by_a_link_to_the_same_bytes_is_written_again_as_a_file() {
    for hard in [false, true] {
        for render in [
            &RENDER[..],
            &["render", "--all", "--no-cache", "--out", "site"],
        ] {
            let sandbox = Sandbox::repo();
            sandbox.run_ok(&RENDER);
            let page = format!("site/es/{ARTICLE}.html");
            let original = sandbox.read(&page);
            // The page swapped for a link to a copy outside the site: the same bytes, so
            // a page "unchanged" through the link would stay a link, and show what its
            // target says.
            let planted = sandbox.path().join("planted.html");
            sandbox.write("planted.html", &original);
            let path = sandbox.path().join(&page);
            std::fs::remove_file(&path).unwrap();
            if hard {
                std::fs::hard_link(&planted, &path).unwrap();
            } else {
                std::os::unix::fs::symlink(&planted, &path).unwrap();
            }
            let run = sandbox.run_ok(render);
            let what = format!("hard link {hard}, {render:?}");
            assert_eq!(kept(&run), 0, "{what}: rendered again: {}", run.stdout);
            let seen = std::fs::symlink_metadata(&path).unwrap();
            assert!(
                seen.is_file(),
                "{what}: the page is a file of the site again"
            );
            assert_eq!(
                std::os::unix::fs::MetadataExt::nlink(&seen),
                1,
                "{what}: of the site alone"
            );
            // Overwritten in place, as an editor or a deploy script may write a file.
            std::fs::write(&planted, "<p>no disclaimer</p>").unwrap();
            assert_eq!(sandbox.read(&page), original, "{what}");
            let run = sandbox.run_ok(&RENDER);
            assert_eq!(sandbox.read(&page), original, "{what}");
            assert_eq!(
                kept(&run),
                7,
                "{what}: the cache keeps it again: {}",
                run.stdout
            );
        }
    }
}

#[test]
fn a_cache_entry_naming_a_page_elsewhere_is_a_miss() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&RENDER);
    let fresh = site(&sandbox);
    // The Spanish page's entry edited by hand to name a copy outside the site, whose
    // bytes still hash as recorded: taken at its word, the run would keep that file as
    // Folio's page and withdraw the real one.
    let page = format!("es/{ARTICLE}.html");
    sandbox.write("planted.html", &fresh[&page]);
    let entry = format!(".folio-cache/render/{ARTICLE}.json");
    let mut cached: serde_json::Value = serde_json::from_str(&sandbox.read(&entry)).unwrap();
    let pages = cached["value"]["pages"].as_array_mut().unwrap();
    let spanish = pages.iter_mut().find(|p| p[1] == page.as_str()).unwrap();
    spanish[1] = "../planted.html".into();
    sandbox.write(&entry, cached.to_string());
    let run = sandbox.run_ok(&RENDER);
    assert_eq!(kept(&run), 0, "{}", run.stdout);
    assert_eq!(site(&sandbox), fresh);
}
