//! The writing commands as library calls, on a workspace in a temporary folder: extract,
//! `extract --check`, sync and accept return what they did, and print nothing.

// Building the fixture workspace on disk is what this test is for.
#![allow(clippy::disallowed_methods)]

use folio_pipeline::{AcceptRequest, Accepted, OutOfDate, UnitName};
use folio_workspace::Workspace;
use unic_langid::LanguageIdentifier;

fn write(root: &std::path::Path, path: &str, text: &str) {
    let path = root.join(path);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

#[test]
fn extract_sync_and_accept_return_what_they_did() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "folio.toml", "reference = \"en\"\n");
    write(root, "source/intro.md", "# Hello\n\nFirst paragraph.\n");
    write(
        root,
        "source/disclaimer.md",
        "Machine-assisted translation.\n",
    );
    std::fs::create_dir_all(root.join("locales/es")).unwrap();
    let workspace = Workspace::open(root).unwrap();
    let es: LanguageIdentifier = "es".parse().unwrap();
    let lock = workspace.lock().unwrap();

    let extracted = folio_pipeline::extract(&workspace, &lock, &[]);
    assert!(
        extracted.errors.is_empty() && extracted.stopped.is_none(),
        "{extracted:?}"
    );
    let names: Vec<&str> = extracted.written.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["disclaimer", "intro"]);
    let units = extracted.written[1].units;
    assert_eq!(extracted.written[1].new_ids, units);
    let checked = folio_pipeline::check_extraction(&workspace);
    assert!(checked.out_of_date.is_empty() && checked.errors.is_empty());

    let synced = folio_pipeline::sync(&workspace, &lock, std::slice::from_ref(&es));
    let documents = synced.locales[0].documents.as_ref().unwrap();
    assert_eq!(documents[1].document, "intro");
    assert_eq!(documents[1].to_translate, units);

    // The translator translates every unit; accept records them as new translations.
    let english = folio_pipeline::english_units(&workspace, "intro").unwrap();
    let translation: String = english
        .iter()
        .map(|u| format!("{} = Hola {}\n", u.id, u.id))
        .collect();
    write(root, "locales/es/intro.ftl", &translation);
    let all = AcceptRequest {
        all: true,
        ..AcceptRequest::default()
    };
    match folio_pipeline::accept(&workspace, &lock, &es, &all).unwrap() {
        Accepted::Confirmed(confirmed) => assert_eq!(confirmed.new, units),
        other => panic!("{other:?}"),
    }

    // The English moves on: --check sees it, extract reports the change, and the
    // unchanged translation is stale, so naming it without --unchanged is refused.
    write(root, "source/intro.md", "# Hello\n\nThe first paragraph.\n");
    let checked = folio_pipeline::check_extraction(&workspace);
    assert!(!checked.out_of_date.is_empty());
    for finding in &checked.out_of_date {
        assert!(
            matches!(finding, OutOfDate::Changed(path) if path.to_string_lossy().contains("intro")),
            "{finding:?}"
        );
    }
    let extracted = folio_pipeline::extract(&workspace, &lock, &[]);
    assert!(extracted.written[0].changed.is_empty());
    let changed = &extracted.written[1].changed;
    assert_eq!(changed.len(), 1, "{extracted:?}");
    let named = AcceptRequest {
        units: vec![changed[0].parse::<UnitName>().unwrap()],
        ..AcceptRequest::default()
    };
    match folio_pipeline::accept(&workspace, &lock, &es, &named).unwrap() {
        Accepted::Refused(refused) => assert!(refused[0].problem.contains("--unchanged")),
        other => panic!("{other:?}"),
    }
}
