//! `folio xliff export|import` and `folio tmx export` end to end, on copies of the real
//! workspace and of the real-article corpus (`tests/fixtures/articles`).
//!
//! The agency's side is played by a real XLIFF library, Python's translate-toolkit: it
//! reads the files Folio writes, edits targets through its own store classes
//! (`translate.storage.xliff`, `translate.storage.tmx`) and saves them, as a CAT tool
//! would. `.ci/run` installs it; without it the build script marks those tests ignored
//! (the summary says so), except under CI (`CI` set), where a missing toolkit fails them.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use folio_tests::{Sandbox, ftl_messages, status_json};

const NAME: &str = "immunotherapy-multiple-myeloma";
const ES: &str = "locales/es/immunotherapy-multiple-myeloma.ftl";

/// Edits an XLIFF file with translate-toolkit: `argv[1]` in, `argv[2]` out, `argv[3]` a
/// JSON spec: `set` (DOCUMENT:ID → a target with no codes), `first_text` (DOCUMENT:ID →
/// the new text of the target's first text run, codes kept), `state` (DOCUMENT:ID →
/// the target's state) and `prefix` (text put before every editable target, codes kept;
/// a unit without a target gets its source).
const EDIT: &str = r#"
import json, sys
from translate.storage import xliff
from translate.storage.placeables import StringElem

store = xliff.xlifffile.parsefile(sys.argv[1])
spec = json.loads(sys.argv[3])
NS = "{urn:oasis:names:tc:xliff:document:1.2}"
for unit in store.units:
    document, _, uid = unit.getid().partition("\x04")
    key = document + ":" + uid
    if key in spec.get("set", {}):
        unit.target = spec["set"][key]
    if key in spec.get("first_text", {}):
        rich = unit.rich_target
        first = next(e for e in rich[0].sub if type(e) is StringElem)
        first.sub = [spec["first_text"][key]]
        unit.rich_target = rich
    if key in spec.get("state", {}):
        unit.xmlelement.find(NS + "target").set("state", spec["state"][key])
    prefix = spec.get("prefix")
    if prefix is not None and unit.xmlelement.get("translate") != "no":
        rich = unit.rich_target if unit.target else unit.rich_source
        unit.rich_target = [StringElem([StringElem([prefix])] + list(rich[0].sub))]
store.savefile(sys.argv[2])
"#;

/// Reads an XLIFF file with translate-toolkit and prints, as JSON, each unit's id, source
/// and target (as plain text), target state, notes and the sources and targets of its
/// alt-trans.
const READ: &str = r#"
import json, sys
from translate.storage import xliff

store = xliff.xlifffile.parsefile(sys.argv[1])
NS = "{urn:oasis:names:tc:xliff:document:1.2}"
units = {}
for unit in store.units:
    target = unit.xmlelement.find(NS + "target")
    units[unit.getid().replace("\x04", ":")] = {
        "source": unit.source,
        "target": unit.target if target is not None else None,
        "state": target.get("state") if target is not None else None,
        "notes": unit.getnotes(),
        "alt": [[a.source, a.target] for a in unit.getalttrans()],
        "maxwidth": unit.xmlelement.get("maxwidth"),
    }
print(json.dumps(units))
"#;

/// Reads a TMX file with translate-toolkit and every record of `argv[2]` (a locales
/// folder) with Python's TOML reader, and checks that the memory holds every confirmed
/// pair: a `<tu>` whose English is the record's (spaces aside) with a variant in the
/// record's locale that is its translation — or, where a locale confirmed several
/// translations of one English text, one of them. Prints the pairs found.
const CHECK_TMX: &str = r#"
import json, pathlib, sys, tomllib
from translate.storage import tmx

LANG = "{http://www.w3.org/XML/1998/namespace}lang"
store = tmx.tmxfile.parsefile(sys.argv[1])
memory = {}
for unit in store.units:
    nodes = unit.getlanguageNodes()
    texts = {node.get(LANG): unit.getNodeText(node) for node in nodes}
    english = " ".join(texts.pop("en").split())
    assert english not in memory, "two units for " + english
    memory[english] = texts
confirmed = {}
for record in sorted(pathlib.Path(sys.argv[2]).glob("*/confirmed/*.toml")):
    locale = record.parent.parent.name
    for uid, entry in tomllib.loads(record.read_text()).items():
        if "translation" in entry:
            key = (" ".join(entry["english"].split()), locale)
            confirmed.setdefault(key, set()).add(entry["translation"])
for (english, locale), translations in confirmed.items():
    assert english in memory, "no unit for " + english
    assert memory[english].get(locale) in translations, (english, locale, memory[english].get(locale))
print(json.dumps({"pairs": len(confirmed), "units": len(memory)}))
"#;

/// Runs a Python script with `args`; it must succeed. Its standard output.
fn python(script: &str, args: &[&str]) -> String {
    let output = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

/// Edits `from` into `to` (both in the sandbox) with translate-toolkit, as [`EDIT`] says.
fn edit_with_toolkit(sandbox: &Sandbox, from: &str, to: &str, spec: serde_json::Value) {
    python(
        EDIT,
        &[
            path(sandbox, from).as_str(),
            path(sandbox, to).as_str(),
            &spec.to_string(),
        ],
    );
}

/// A sandbox path as a string, for Python.
fn path(sandbox: &Sandbox, name: &str) -> String {
    sandbox.path().join(name).to_string_lossy().into_owned()
}

/// Every file under `locales/`, by path, with its bytes.
fn locale_files(sandbox: &Sandbox) -> BTreeMap<String, Vec<u8>> {
    fn walk(dir: &Path, root: &Path, files: &mut BTreeMap<String, Vec<u8>>) {
        for entry in std::fs::read_dir(dir).expect("a folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                walk(&path, root, files);
            } else {
                let name = path
                    .strip_prefix(root)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                files.insert(name, std::fs::read(&path).expect("readable"));
            }
        }
    }
    let mut files = BTreeMap::new();
    walk(&sandbox.path().join("locales"), sandbox.path(), &mut files);
    files
}

/// The line of `text` that holds `needle`, 1-based.
fn line_of(text: &str, needle: &str) -> usize {
    text.lines()
        .position(|line| line.contains(needle))
        .unwrap_or_else(|| panic!("{needle} not in\n{text}"))
        + 1
}

/// The value of message `id` on its one line in `text`.
fn message_line<'t>(text: &'t str, id: &str) -> &'t str {
    text.lines()
        .find(|line| line.starts_with(&format!("{id} = ")))
        .unwrap_or_else(|| panic!("{id}"))
}

/// The repository with `intro-p3` missing in Spanish (its comment and message deleted).
fn with_a_missing_unit() -> Sandbox {
    let sandbox = Sandbox::repo();
    let text = sandbox.read(ES);
    let message = message_line(&text, "intro-p3").to_owned();
    sandbox.edit(
        ES,
        &format!("# Paragraph 3 of the introduction\n{message}\n"),
        "",
    );
    sandbox
}

#[test]
#[cfg_attr(
    no_translate_toolkit,
    ignore = "no translate-toolkit on this machine: python3 -m pip install translate-toolkit"
)]
fn an_agency_round_trip_rewrites_only_the_messages_it_changed() {
    let sandbox = with_a_missing_unit();
    sandbox.run_ok(&["xliff", "export", "es", "--out", "es.xlf"]);
    let before = sandbox.read(ES);
    edit_with_toolkit(
        &sandbox,
        "es.xlf",
        "done.xlf",
        serde_json::json!({
            "set": {
                format!("{NAME}:intro-p2"): "El mieloma múltiple daña las células plasmáticas.",
                format!("{NAME}:intro-p3"): "La inmunoterapia, en cambio, refuerza las defensas {naturales}.",
            },
            "first_text": {
                format!("{NAME}:future-directions-immunotherapy-p2"): "Lea más en fuentes fiables como la ",
            },
        }),
    );
    let run = sandbox.run_ok(&["xliff", "import", "done.xlf"]);
    assert!(
        run.stdout
            .contains(&format!("es: {NAME}: 3 translation(s) written")),
        "{}",
        run.stdout
    );

    // The file is the old one with exactly those messages changed: two replaced where
    // they stood, the missing one inserted in English order under its context.
    let old_p2 = message_line(&before, "intro-p2");
    let old_future = message_line(&before, "future-directions-immunotherapy-p2");
    let expected = before
        .replacen(
            &format!("{old_p2}\n"),
            "intro-p2 = El mieloma múltiple daña las células plasmáticas.\n\n\
             # Paragraph 3 of the introduction\n\
             intro-p3 = La inmunoterapia, en cambio, refuerza las defensas { \"{\" }naturales{ \"}\" }.\n\n",
            1,
        )
        .replacen(
            old_future,
            "future-directions-immunotherapy-p2 = Lea más en fuentes fiables como la [Sociedad Americana Contra el Cáncer](https://www.cancer.org/) y los [Institutos Nacionales de la Salud](https://www.nih.gov/).",
            1,
        );
    assert_eq!(sandbox.read(ES), expected);

    // The three are current: written, and recorded against the English they translate.
    let status = status_json(&sandbox, &["es", "--document", NAME]);
    let file = status.document("es", NAME);
    assert_eq!(
        (file.units.missing, file.units.updated),
        (0, 0),
        "{:?}",
        file.units
    );
    for unit in &file.todo {
        let edited = ["intro-p2", "intro-p3", "future-directions-immunotherapy-p2"];
        assert!(!edited.contains(&unit.id.as_str()), "{unit:?}");
    }
    let messages: BTreeMap<String, String> = ftl_messages(&sandbox.read(ES)).into_iter().collect();
    assert_eq!(
        messages["intro-p3"],
        "La inmunoterapia, en cambio, refuerza las defensas {naturales}."
    );

    // A second import of the same file changes nothing.
    let after = locale_files(&sandbox);
    let again = sandbox.run_ok(&["xliff", "import", "done.xlf"]);
    assert_eq!(locale_files(&sandbox), after);
    assert!(
        again.stdout.contains("nothing to import"),
        "{}",
        again.stdout
    );
}

#[test]
#[cfg_attr(
    no_translate_toolkit,
    ignore = "no translate-toolkit on this machine: python3 -m pip install translate-toolkit"
)]
fn a_stale_unit_goes_out_with_its_previous_english_and_word_diff() {
    let sandbox = Sandbox::repo();
    let old = message_line(&sandbox.read(&format!("locales/en/{NAME}.ftl")), "intro-p2")
        .trim_start_matches("intro-p2 = ")
        .to_owned();
    sandbox.edit(
        &format!("source/{NAME}.md"),
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["xliff", "export", "es", "--out", "es.xlf"]);
    let units: serde_json::Value =
        serde_json::from_str(&python(READ, &[&path(&sandbox, "es.xlf")])).unwrap();
    let stale = &units[format!("{NAME}:intro-p2")];
    assert_eq!(stale["state"], "needs-review-translation");
    assert_eq!(
        stale["alt"][0][0],
        old.as_str(),
        "the English confirmed: {stale}"
    );
    assert_eq!(
        stale["alt"][0][1], stale["target"],
        "the translation confirmed then"
    );
    let notes = stale["notes"].as_str().unwrap();
    assert!(
        notes.contains(
            "The English changed since this translation was confirmed: Multiple myeloma \
             [-affects-]{+damages+} plasma cells"
        ),
        "{notes}"
    );
    assert!(
        notes.contains("Paragraph 2 of the introduction"),
        "the context: {notes}"
    );
    // The limits of folio.toml's [check.length], which `check` holds translations to.
    assert_eq!(units[format!("{NAME}:description")]["maxwidth"], "160");
    assert_eq!(units[format!("{NAME}:title")]["maxwidth"], "75");
    // Current units are final and carry no alt-trans.
    let current = &units[format!("{NAME}:intro-p1")];
    assert_eq!(
        (
            current["state"].as_str(),
            current["alt"].as_array().map(Vec::len)
        ),
        (Some("final"), Some(0))
    );

    // Left as it is but marked reviewed, the stale unit is confirmed on import, as
    // `folio accept --unchanged` would: recorded so, and current.
    edit_with_toolkit(
        &sandbox,
        "es.xlf",
        "reviewed.xlf",
        serde_json::json!({"state": {format!("{NAME}:intro-p2"): "translated"}}),
    );
    let before = sandbox.read(ES);
    let run = sandbox.run_ok(&["xliff", "import", "reviewed.xlf"]);
    assert!(
        run.stdout
            .contains("0 translation(s) written, 1 unchanged translation(s) confirmed"),
        "{}",
        run.stdout
    );
    assert_eq!(sandbox.read(ES), before);
    assert!(
        sandbox
            .read(&format!("locales/es/confirmed/{NAME}.toml"))
            .contains("confirmed-unchanged = true")
    );
    let status = status_json(&sandbox, &["es", "--document", NAME]);
    let todo = &status.document("es", NAME).todo;
    assert!(todo.iter().all(|u| u.id != "intro-p2"), "current: {todo:?}");
}

#[test]
fn exported_xliff_and_tmx_are_golden() {
    let sandbox = with_a_missing_unit();
    sandbox.run_ok(&["xliff", "export", "es", "--out", "es.xlf"]);
    let xliff = sandbox.read("es.xlf");
    insta::assert_snapshot!("es.xlf", xliff);
    // Only the to-do, only one document.
    let run = sandbox.run_ok(&[
        "xliff",
        "export",
        "es",
        "--document",
        NAME,
        "--status",
        "missing,stale",
        "--out",
        "todo.xlf",
    ]);
    let counts = status_json(&sandbox, &["es", "--document", NAME])
        .document("es", NAME)
        .units;
    let todo = sandbox.read("todo.xlf");
    assert_eq!(
        todo.matches("<trans-unit ").count(),
        counts.missing + counts.stale,
        "{}\n{todo}",
        run.stdout
    );
    assert!(
        todo.contains("<trans-unit id=\"intro-p3\""),
        "the missing unit: {todo}"
    );
    assert!(!todo.contains("original=\"disclaimer\""));
    sandbox.run_ok(&["tmx", "export", "es", "--out", "es.tmx"]);
    insta::assert_snapshot!("es.tmx", sandbox.read("es.tmx"));
    // Same workspace, same bytes.
    sandbox.run_ok(&["xliff", "export", "es", "--out", "again.xlf"]);
    assert_eq!(sandbox.read("again.xlf"), xliff);
    // Both are well-formed XML, every unit of the English is there.
    let document = roxmltree::Document::parse(&xliff).expect("well-formed");
    let ids = document
        .descendants()
        .filter(|n| n.has_tag_name("trans-unit"))
        .count();
    assert_eq!(ids, 37);
    roxmltree::Document::parse(&sandbox.read("es.tmx")).expect("well-formed");
    // An export never lands on a translator's or author's file, nor on a folder.
    let before = locale_files(&sandbox);
    for (command, out) in [
        (&["xliff", "export", "es"][..], ES),
        (&["tmx", "export"], "source/x.tmx"),
        (&["xliff", "export", "es"], "locales"),
    ] {
        let mut args = command.to_vec();
        args.extend(["--out", out]);
        let run = sandbox.run(&args);
        assert_eq!(run.code, 2, "{args:?}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("--out {out}: is ")),
            "{}",
            run.stderr
        );
    }
    assert_eq!(locale_files(&sandbox), before);
}

/// Replaces `from` with `to` in the target of the trans-unit whose id is `id` (on its
/// one line), in the XLIFF text.
fn edit_target(xliff: &str, id: &str, from: &str, to: &str) -> String {
    let start = xliff
        .find(&format!("<trans-unit id=\"{id}\""))
        .expect("the unit");
    let target = start + xliff[start..].find("<target").expect("a target");
    let end = target + xliff[target..].find("</target>").unwrap();
    let edited = xliff[target..end].replacen(from, to, 1);
    assert_ne!(edited, xliff[target..end], "{from} in the target of {id}");
    format!("{}{edited}{}", &xliff[..target], &xliff[end..])
}

#[test]
fn broken_inline_codes_are_refused_naming_the_unit_and_nothing_is_written() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["xliff", "export", "es", "--out", "es.xlf"]);
    let xliff = sandbox.read("es.xlf");
    // A good edit elsewhere in the same file: all or nothing, so it is not applied either.
    let good = edit_target(&xliff, "intro-p2", "El mieloma", "Hoy, el mieloma");
    let before = locale_files(&sandbox);
    let id = "future-directions-immunotherapy-p2";
    let line = line_of(&xliff, "Para obtener más información");
    for (broken, says) in [
        (
            edit_target(
                &good,
                id,
                "<ept id=\"1\">](https://www.cancer.org/)</ept>",
                "",
            ),
            "the inline code <ept id=\"1\"> (`](https://www.cancer.org/)`) is missing",
        ),
        (
            edit_target(
                &good,
                id,
                "](https://www.cancer.org/)",
                "](https://evil.example/)",
            ),
            "was altered: `](https://evil.example/)` instead of `](https://www.cancer.org/)`",
        ),
        (
            edit_target(&good, id, " y los ", " <ph id=\"1\">`x`</ph> y los "),
            "is not one of the source's",
        ),
        // Every code kept, a link typed into the text: Markdown of its own.
        (
            edit_target(
                &good,
                id,
                " y los ",
                " [aquí](https://evil.example/) y los ",
            ),
            "the target's text makes `[aquí](https://evil.example/)` Markdown or HTML of its own",
        ),
        // A link's `](target)` moved off its text: the page would show the brackets.
        (
            edit_target(
                &good,
                id,
                "Cáncer<ept id=\"1\">](https://www.cancer.org/)</ept>",
                "Cáncer]<ept id=\"1\">](https://www.cancer.org/)</ept>",
            ),
            "(`[`) does not read as Markdown where it stands",
        ),
    ] {
        sandbox.write("broken.xlf", &broken);
        let run = sandbox.run(&["xliff", "import", "broken.xlf"]);
        assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
        assert!(
            run.stderr
                .contains(&format!("broken.xlf:{line}: unit `{NAME}:{id}`: ")),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains(says), "{}", run.stderr);
        assert!(
            run.stderr.contains("nothing was imported"),
            "{}",
            run.stderr
        );
        assert_eq!(locale_files(&sandbox), before);
    }
}

#[test]
fn a_unit_whose_english_changed_while_away_is_stale_after_import() {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["xliff", "export", "es", "--out", "es.xlf"]);
    // While the file is at the agency, the author edits the paragraph.
    sandbox.edit(
        &format!("source/{NAME}.md"),
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    let xliff = edit_target(
        &sandbox.read("es.xlf"),
        "intro-p2",
        "El mieloma múltiple afecta",
        "El mieloma múltiple ataca",
    );
    sandbox.write("done.xlf", xliff);
    let run = sandbox.run_ok(&["xliff", "import", "done.xlf"]);
    assert!(
        run.stderr
            .contains(&format!("`{NAME}:intro-p2` is stale: its English changed")),
        "{}",
        run.stderr
    );
    assert!(
        sandbox
            .read(ES)
            .contains("intro-p2 = El mieloma múltiple ataca")
    );
    let status = status_json(&sandbox, &["es", "--document", NAME]);
    let unit = status
        .document("es", NAME)
        .todo
        .iter()
        .find(|u| u.id == "intro-p2")
        .expect("intro-p2 is still to do");
    assert_eq!(unit.status, "stale");
    assert!(
        unit.confirmed
            .as_deref()
            .is_some_and(|c| c.starts_with("Multiple myeloma affects")),
        "recorded against the English the agency saw: {unit:?}"
    );
}

#[test]
#[cfg_attr(
    no_translate_toolkit,
    ignore = "no translate-toolkit on this machine: python3 -m pip install translate-toolkit"
)]
fn the_memory_holds_every_confirmed_pair() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run_ok(&["tmx", "export", "--out", "memory.tmx"]);
    let found: serde_json::Value = serde_json::from_str(&python(
        CHECK_TMX,
        &[&path(&sandbox, "memory.tmx"), &path(&sandbox, "locales")],
    ))
    .unwrap();
    // Six locales, each with every unit of both documents confirmed.
    assert_eq!(found["pairs"], 6 * 37, "{found}");
    assert_eq!(found["units"], 37, "{found}");
    assert!(
        run.stdout
            .contains("tmx: 37 English text(s), 222 confirmed translation(s) in 6 locale(s)"),
        "{}",
        run.stdout
    );
}

/// The repository's Spanish export, hostile-edited by `edit`, imported (with `args`):
/// it must be refused, saying `says`, and write nothing.
fn refused(edit: impl Fn(&str) -> String, args: &[&str], says: &str) {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["xliff", "export", "es", "--out", "es.xlf"]);
    sandbox.write("bad.xlf", edit(&sandbox.read("es.xlf")));
    let before = locale_files(&sandbox);
    let mut all = vec!["xliff", "import", "bad.xlf"];
    all.extend_from_slice(args);
    let run = sandbox.run(&all);
    assert_eq!(run.code, 2, "{says}: {}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains(says), "{says}:\n{}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert_eq!(locale_files(&sandbox), before, "{says}");
}

#[test]
fn hostile_or_mistaken_files_are_refused_and_write_nothing() {
    refused(
        |x| {
            x.replacen(
                "<trans-unit id=\"intro-p2\"",
                "<trans-unit id=\"intro-p9\"",
                1,
            )
        },
        &[],
        &format!("unit `{NAME}:intro-p9`: `intro-p9` is not a unit of `{NAME}`"),
    );
    refused(
        |x| {
            x.replacen(
                &format!("original=\"{NAME}\""),
                "original=\"other-article\"",
                1,
            )
        },
        &[],
        "`other-article` is not a document of this workspace",
    );
    refused(
        |x| x.to_owned(),
        &["--locale", "fr"],
        "the file is for `es`, not `fr`",
    );
    refused(
        |x| x.replace("target-language=\"es\"", "target-language=\"it\""),
        &[],
        "the file is for `it`, which this workspace does not have",
    );
    refused(
        |x| x.replacen("target-language=\"es\"", "target-language=\"fr\"", 1),
        &[],
        "this <file> is for `es`, the first for `fr`: import one locale at a time",
    );
    refused(
        |x| x.replace("source-language=\"en\"", "source-language=\"de\""),
        &[],
        "source-language is `de`, but this workspace translates from `en`",
    );
    refused(|x| x[..x.len() / 2].to_owned(), &[], "bad.xlf:");
    refused(
        |x| {
            x.replacen(
                "<xliff ",
                "<!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n<xliff ",
                1,
            )
            .replacen("El mieloma", "&lol1; El mieloma", 1)
        },
        &[],
        "bad.xlf:2:1: a DOCTYPE is not allowed",
    );
    refused(
        |x| x.replacen("El mieloma", "&lol; El mieloma", 1),
        &[],
        "unknown entity `&lol;`",
    );
    refused(
        |x| {
            x.replacen(
                "<target state=\"final\">",
                "<target state=\"final\"><g id=\"1\">",
                1,
            )
            .replacen("</target>", "</g></target>", 1)
        },
        &[],
        "<g> in a segment",
    );
    refused(|_| "no XML at all".to_owned(), &[], "not an XLIFF file");
}

#[test]
#[cfg_attr(
    no_translate_toolkit,
    ignore = "no translate-toolkit on this machine: python3 -m pip install translate-toolkit"
)]
fn every_unit_of_the_article_and_the_corpus_survives_the_round_trip() {
    // The real article in Spanish, and the corpus with its English copied as French.
    let repo = Sandbox::repo();
    let corpus = Sandbox::fixture("articles");
    corpus.run(&["extract"]);
    for entry in std::fs::read_dir(corpus.path().join("locales/en")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            corpus.write(&format!("locales/fr/{name}"), std::fs::read(&path).unwrap());
        }
    }
    for (sandbox, locale) in [(&repo, "es"), (&corpus, "fr")] {
        sandbox.run_ok(&["xliff", "export", locale, "--out", "out.xlf"]);
        // Through the toolkit and back, targets unchanged: not one byte changes.
        edit_with_toolkit(sandbox, "out.xlf", "same.xlf", serde_json::json!({}));
        let before = locale_files(sandbox);
        sandbox.run_ok(&["xliff", "import", "same.xlf"]);
        assert_eq!(locale_files(sandbox), before, "{locale}");

        // Every editable target changed (codes kept): every such message is rewritten,
        // and reads back as the new text exactly.
        let units: serde_json::Value =
            serde_json::from_str(&python(READ, &[&path(sandbox, "out.xlf")])).unwrap();
        edit_with_toolkit(
            sandbox,
            "out.xlf",
            "all.xlf",
            serde_json::json!({"prefix": "X "}),
        );
        let run = sandbox.run_ok(&["xliff", "import", "all.xlf"]);
        let xliff = sandbox.read("out.xlf");
        let mut checked = 0;
        for (key, unit) in units.as_object().unwrap() {
            let (document, id) = key.split_once(':').unwrap();
            let is_locked = xliff.contains(&format!(
                "<trans-unit id=\"{id}\" xml:space=\"preserve\" translate=\"no\""
            ));
            if is_locked {
                continue;
            }
            let before = unit["target"].as_str().or(unit["source"].as_str()).unwrap();
            let messages: BTreeMap<String, String> =
                ftl_messages(&sandbox.read(&format!("locales/{locale}/{document}.ftl")))
                    .into_iter()
                    .collect();
            assert_eq!(messages[id], format!("X {before}"), "{key}\n{}", run.stderr);
            checked += 1;
        }
        assert!(
            checked > if locale == "fr" { 1000 } else { 30 },
            "{checked} units"
        );
    }
}

#[test]
fn translations_xliff_cannot_carry_go_out_locked_and_are_not_changed_through_it() {
    let sandbox = Sandbox::repo();
    let text = sandbox.read(ES);
    let p2 = message_line(&text, "intro-p2").to_owned();
    let p3 = message_line(&text, "intro-p3").to_owned();
    sandbox.edit(
        ES,
        &p2,
        "intro-p2 = { -marca } afecta a las células.\n-marca = Mieloma",
    );
    sandbox.edit(ES, &p3, &format!("{p3} \u{1b}[31mrojo"));
    sandbox.run_ok(&["xliff", "export", "es", "--out", "es.xlf"]);
    let xliff = sandbox.read("es.xlf");
    for id in ["intro-p2", "intro-p3"] {
        assert!(
            xliff.contains(&format!(
                "<trans-unit id=\"{id}\" xml:space=\"preserve\" translate=\"no\">"
            )),
            "{id} locked:\n{xliff}"
        );
    }
    assert!(xliff.contains("uses Fluent syntax"), "{xliff}");
    assert!(
        !xliff.contains('\u{1b}'),
        "no control character reaches the XML"
    );
    roxmltree::Document::parse(&xliff).expect("well-formed");
    // Unchanged, they import as nothing; changed, the file is refused.
    let before = locale_files(&sandbox);
    sandbox.run_ok(&["xliff", "import", "es.xlf"]);
    assert_eq!(locale_files(&sandbox), before);
    sandbox.write(
        "changed.xlf",
        edit_target(&xliff, "intro-p2", "afecta a", "ataca"),
    );
    let run = sandbox.run(&["xliff", "import", "changed.xlf"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("`intro-p2` can't be changed through XLIFF"),
        "{}",
        run.stderr
    );
    assert_eq!(locale_files(&sandbox), before);
}
