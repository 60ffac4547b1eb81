//! `folio extract` end to end: the real binary on copies of real workspaces.

// End-to-end tests build their fixtures on disk and read what the binary wrote.
#![allow(clippy::disallowed_methods)]

use folio_tests::{Sandbox, ftl_messages};

const ARTICLE: &str = "source/immunotherapy-multiple-myeloma.md";
const ARTICLE_FTL: &str = "locales/en/immunotherapy-multiple-myeloma.ftl";
const NAME: &str = "immunotherapy-multiple-myeloma";

/// The ids of the real article after extraction, in reading order.
const ARTICLE_IDS: &[&str] = &[
    "title",
    "description",
    "intro-p1",
    "intro-p2",
    "intro-p3",
    "intro-p4",
    "intro-p5",
    "understanding-immunotherapy-multiple-myeloma-heading",
    "understanding-immunotherapy-multiple-myeloma-p1",
    "types-immunotherapy-heading",
    "types-immunotherapy-li1",
    "types-immunotherapy-li2",
    "types-immunotherapy-li3",
    "benefits-personalized-immunotherapy-heading",
    "benefits-personalized-immunotherapy-p1",
    "comparison-treatment-options-heading",
    "comparison-treatment-options-th1",
    "comparison-treatment-options-th2",
    "comparison-treatment-options-th3",
    "comparison-treatment-options-th4",
    "comparison-treatment-options-td1",
    "comparison-treatment-options-td2",
    "comparison-treatment-options-td3",
    "comparison-treatment-options-td4",
    "comparison-treatment-options-td5",
    "comparison-treatment-options-td6",
    "comparison-treatment-options-td7",
    "comparison-treatment-options-td8",
    "comparison-treatment-options-td9",
    "comparison-treatment-options-td10",
    "comparison-treatment-options-td11",
    "comparison-treatment-options-td12",
    "future-directions-immunotherapy-heading",
    "future-directions-immunotherapy-p1",
    "future-directions-immunotherapy-p2",
];

/// A fresh copy of the repository, extracted.
fn extracted_repo() -> Sandbox {
    let sandbox = Sandbox::repo();
    sandbox.run_ok(&["extract"]);
    sandbox
}

fn ids_of(sandbox: &Sandbox) -> Vec<String> {
    sandbox.layout_ids(NAME)
}

fn text_of(sandbox: &Sandbox, id: &str) -> String {
    sandbox
        .messages(ARTICLE_FTL)
        .into_iter()
        .find_map(|(i, text)| (i == id).then_some(text))
        .unwrap_or_else(|| panic!("no unit {id}"))
}

#[test]
fn the_real_article_yields_every_unit() {
    let sandbox = extracted_repo();
    assert_eq!(ids_of(&sandbox), ARTICLE_IDS);
    let messages = sandbox.messages(ARTICLE_FTL);
    let ids: Vec<&str> = messages.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids, ARTICLE_IDS,
        "the .ftl holds the units in reading order"
    );

    // The kind is the last segment of an id without its number: `p`, `li`, `heading`…
    let kind = |id: &&str| {
        id.rsplit('-')
            .next()
            .unwrap()
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .to_owned()
    };
    let count = |wanted: &str| ids.iter().filter(|id| kind(id) == wanted).count();
    assert_eq!(count("heading"), 5);
    assert_eq!(count("li"), 3);
    assert_eq!(count("th"), 4);
    assert_eq!(count("td"), 12);
    assert_eq!(
        count("p"),
        5 + 1 + 1 + 2,
        "intro, understanding, benefits, future + further reading"
    );

    assert_eq!(
        text_of(&sandbox, "types-immunotherapy-li3"),
        "**Cell-Based Therapies:** This involves modifying a patient's own immune cells to better \
         target cancer cells, such as CAR T-cell therapy."
    );
    assert_eq!(
        text_of(&sandbox, "future-directions-immunotherapy-p2"),
        "For further reading, visit trusted sources such as the [American Cancer Society](https://www.cancer.org/) \
         and the [National Institutes of Health](https://www.nih.gov/)."
    );
    assert_eq!(
        text_of(&sandbox, "comparison-treatment-options-td12"),
        "Risky, requires donor match"
    );

    let disclaimer = sandbox.messages("locales/en/disclaimer.ftl");
    let disclaimer_ids: Vec<&str> = disclaimer.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(disclaimer_ids, ["disclaimer-heading", "disclaimer-p1"]);
    assert!(
        disclaimer[1]
            .1
            .starts_with("The content of the articles discussing symptoms")
    );
    assert!(
        !ids.iter().any(|id| id.starts_with("disclaimer")),
        "the disclaimer is not part of the article"
    );
}

#[test]
fn golden_units_of_the_real_article() {
    let sandbox = extracted_repo();
    insta::assert_snapshot!("article.ftl", sandbox.read(ARTICLE_FTL));
    insta::assert_snapshot!(
        "article.layout.json",
        sandbox.read(&format!("locales/en/{NAME}.layout.json"))
    );
    insta::assert_snapshot!("disclaimer.ftl", sandbox.read("locales/en/disclaimer.ftl"));
}

#[test]
fn the_committed_units_are_up_to_date() {
    let sandbox = Sandbox::repo();
    let run = sandbox.run(&["extract", "--check"]);
    assert_eq!(
        run.code, 0,
        "locales/en is out of date with source/: run `folio extract`\n{}",
        run.stdout
    );
}

#[test]
fn extracting_twice_gives_identical_bytes_and_check_then_passes() {
    let sandbox = extracted_repo();
    let first = (
        sandbox.read(ARTICLE_FTL),
        sandbox.read(&format!("locales/en/{NAME}.layout.json")),
    );
    sandbox.run_ok(&["extract"]);
    let second = (
        sandbox.read(ARTICLE_FTL),
        sandbox.read(&format!("locales/en/{NAME}.layout.json")),
    );
    assert_eq!(first, second);
    sandbox.run_ok(&["extract", "--check"]);
}

#[test]
fn check_fails_after_a_source_edit_and_writes_nothing() {
    let sandbox = extracted_repo();
    let before = sandbox.read(ARTICLE_FTL);
    sandbox.edit(
        ARTICLE,
        "Risky, requires donor match",
        "Risky, requires a donor match",
    );
    let run = sandbox.run(&["extract", "--check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout
            .contains("locales/en/immunotherapy-multiple-myeloma.ftl is out of date"),
        "{}",
        run.stdout
    );
    assert_eq!(sandbox.read(ARTICLE_FTL), before, "--check writes nothing");

    sandbox.run_ok(&["extract"]);
    sandbox.run_ok(&["extract", "--check"]);
}

#[test]
fn check_reports_generated_files_whose_source_is_gone() {
    let sandbox = extracted_repo();
    std::fs::remove_file(sandbox.path().join(ARTICLE)).unwrap();
    let run = sandbox.run(&["extract", "--check"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout.contains("belongs to no document in source/"),
        "{}",
        run.stdout
    );
    sandbox.run_ok(&["extract"]);
    assert!(!sandbox.path().join(ARTICLE_FTL).exists());
    sandbox.run_ok(&["extract", "--check"]);
}

#[test]
fn check_reports_a_missing_generated_file() {
    let sandbox = extracted_repo();
    std::fs::remove_file(sandbox.path().join(ARTICLE_FTL)).unwrap();
    let run = sandbox.run(&["extract", "--check"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(
        run.stdout.contains(&format!("{ARTICLE_FTL} is missing")),
        "{}",
        run.stdout
    );
}

// Edit scenarios: each asserts the complete id list before and after.

#[test]
fn one_word_changed_keeps_the_id_with_new_text() {
    let sandbox = extracted_repo();
    sandbox.edit(
        ARTICLE,
        "Multiple myeloma affects plasma cells",
        "Multiple myeloma damages plasma cells",
    );
    sandbox.run_ok(&["extract"]);
    assert_eq!(ids_of(&sandbox), ARTICLE_IDS);
    assert!(text_of(&sandbox, "intro-p2").starts_with("Multiple myeloma damages plasma cells"));
}

#[test]
fn a_paragraph_inserted_at_the_top_of_a_section_adds_one_id() {
    let sandbox = extracted_repo();
    sandbox.edit(
        ARTICLE,
        "## Benefits of Personalized Immunotherapy\n\n",
        "## Benefits of Personalized Immunotherapy\n\nA new opening paragraph about benefits.\n\n",
    );
    sandbox.run_ok(&["extract"]);
    let mut expected: Vec<&str> = ARTICLE_IDS.to_vec();
    let at = expected
        .iter()
        .position(|id| *id == "benefits-personalized-immunotherapy-heading")
        .unwrap()
        + 1;
    expected.insert(at, "benefits-personalized-immunotherapy-p2");
    assert_eq!(ids_of(&sandbox), expected);
    assert_eq!(
        text_of(&sandbox, "benefits-personalized-immunotherapy-p2"),
        "A new opening paragraph about benefits."
    );
    assert!(
        text_of(&sandbox, "benefits-personalized-immunotherapy-p1")
            .starts_with("Personalized immunotherapy offers")
    );
}

#[test]
fn a_deleted_list_item_takes_only_its_id() {
    let sandbox = extracted_repo();
    let source = sandbox.read(ARTICLE);
    let start = source.find("- **Checkpoint Inhibitors:**").unwrap();
    let end = source[start..].find("- **Cell-Based").unwrap() + start;
    sandbox.write(ARTICLE, format!("{}{}", &source[..start], &source[end..]));
    sandbox.run_ok(&["extract"]);
    let expected: Vec<&str> = ARTICLE_IDS
        .iter()
        .copied()
        .filter(|id| *id != "types-immunotherapy-li2")
        .collect();
    assert_eq!(ids_of(&sandbox), expected);
    let layout = sandbox.read(&format!("locales/en/{NAME}.layout.json"));
    assert!(
        layout.contains("\"retired\": [\n    \"types-immunotherapy-li2\"\n  ]"),
        "{layout}"
    );
}

#[test]
fn swapped_sections_keep_every_id() {
    let sandbox = extracted_repo();
    let texts_before = sandbox.messages(ARTICLE_FTL);
    let source = sandbox.read(ARTICLE);
    let benefits = source
        .find("## Benefits of Personalized Immunotherapy")
        .unwrap();
    let comparison = source.find("## Comparison of Treatment Options").unwrap();
    let future = source
        .find("## Future Directions in Immunotherapy")
        .unwrap();
    let swapped = format!(
        "{}{}{}{}",
        &source[..benefits],
        &source[comparison..future],
        &source[benefits..comparison],
        &source[future..]
    );
    sandbox.write(ARTICLE, swapped);
    sandbox.run_ok(&["extract"]);

    let ids = ids_of(&sandbox);
    let mut sorted_after = ids.clone();
    sorted_after.sort();
    let mut sorted_before: Vec<String> = ARTICLE_IDS.iter().map(|s| s.to_string()).collect();
    sorted_before.sort();
    assert_eq!(sorted_after, sorted_before, "no id added or removed");
    assert!(
        ids.iter()
            .position(|id| id == "comparison-treatment-options-heading")
            < ids
                .iter()
                .position(|id| id == "benefits-personalized-immunotherapy-heading"),
        "the sections did move"
    );
    let mut texts_after = sandbox.messages(ARTICLE_FTL);
    let mut texts_before = texts_before;
    texts_after.sort();
    texts_before.sort();
    assert_eq!(
        texts_after, texts_before,
        "every id still holds its own text"
    );
}

#[test]
fn a_rewritten_paragraph_gets_a_new_id_and_the_old_one_goes() {
    let sandbox = extracted_repo();
    let old = text_of(&sandbox, "benefits-personalized-immunotherapy-p1");
    sandbox.edit(
        ARTICLE,
        &wrapped_paragraph(&sandbox.read(ARTICLE), "Personalized immunotherapy offers"),
        "Doctors now match each drug to the patient's tumour profile, which changes the whole picture.",
    );
    sandbox.run_ok(&["extract"]);
    let expected: Vec<&str> = ARTICLE_IDS
        .iter()
        .map(|id| {
            if *id == "benefits-personalized-immunotherapy-p1" {
                "benefits-personalized-immunotherapy-p2"
            } else {
                id
            }
        })
        .collect();
    assert_eq!(ids_of(&sandbox), expected);
    assert!(!sandbox.read(ARTICLE_FTL).contains(&old));
    let layout = sandbox.read(&format!("locales/en/{NAME}.layout.json"));
    assert!(
        layout.contains("\"benefits-personalized-immunotherapy-p1\"\n  ]"),
        "retired: {layout}"
    );
}

#[test]
fn a_rewrapped_paragraph_changes_no_unit() {
    let sandbox = extracted_repo();
    let before = sandbox.read(ARTICLE_FTL);
    let source = sandbox.read(ARTICLE);
    let paragraph = wrapped_paragraph(&source, "Immunotherapy works by leveraging");
    let rewrapped = paragraph
        .split_whitespace()
        .collect::<Vec<_>>()
        .chunks(7)
        .map(|words| words.join("  "))
        .collect::<Vec<_>>()
        .join("\n");
    sandbox.edit(ARTICLE, &paragraph, &rewrapped);
    sandbox.run_ok(&["extract"]);
    assert_eq!(sandbox.read(ARTICLE_FTL), before);
}

/// The source lines of the paragraph starting with `start`, as written (wrapped).
fn wrapped_paragraph(source: &str, start: &str) -> String {
    let from = source.find(start).unwrap();
    let to = source[from..]
        .find("\n\n")
        .map_or(source.len(), |end| from + end);
    source[from..to].to_owned()
}

// Fluent round trip.

/// Every unit of the tricky fixture, with the exact text its block has.
const TRICKY: &[(&str, &str)] = &[
    ("title", "Braces {like} these and [brackets]"),
    ("description", ".Dot first, then *stars* and }{"),
    ("tricky-content-heading", "Tricky {content}"),
    (
        "tricky-content-p1",
        "A paragraph with {braces}, }{ reversed, {{double}}, a `code {span}`, *emphasis*, **strong**, \
         ~~struck~~ and a [link](https://example.org/a?b=c&d=e \"Title\").",
    ),
    (
        "tricky-content-p2",
        "[A link first](https://example.org/first) then text.",
    ),
    (
        "tricky-content-p3",
        ".NET starts with a dot, and this one wraps over several lines with odd spacing.",
    ),
    (
        "tricky-content-p4",
        "Hard breaks follow\\\n[a bracket line](https://example.org/b)\\\n*emphasis* starts this line\\\n\
         .a dot line\\\n{a brace line} and a soft line.",
    ),
    (
        "tricky-content-li1",
        "[Item link](https://example.org/c) first",
    ),
    ("tricky-content-li2", "`{code}` first"),
    (
        "tricky-content-li3",
        "*Emphasised* item with \\* an escaped star",
    ),
    ("tricky-content-th1", "Left {col}"),
    ("tricky-content-th2", "Right"),
    ("tricky-content-td1", ".dot cell"),
    ("tricky-content-td2", "*em*"),
    ("tricky-content-td3", "`}`"),
];

#[test]
fn every_unit_formats_back_to_its_block_text() {
    let sandbox = Sandbox::fixture("tricky");
    sandbox.run_ok(&["extract"]);
    let messages = ftl_messages(&sandbox.read("locales/en/tricky.ftl"));
    let expected: Vec<(String, String)> = TRICKY
        .iter()
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect();
    assert_eq!(messages, expected);
    let disclaimer = ftl_messages(&sandbox.read("locales/en/disclaimer.ftl"));
    assert_eq!(
        disclaimer,
        [(
            "intro-p1".to_owned(),
            "Not medical advice {really}.".to_owned()
        )]
    );
}

#[test]
fn the_real_units_round_trip_through_fluent() {
    let sandbox = extracted_repo();
    // ftl_messages panics on any Junk or formatting error.
    let messages = sandbox.messages(ARTICLE_FTL);
    assert_eq!(messages.len(), ARTICLE_IDS.len());
    let source = sandbox
        .read(ARTICLE)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (id, text) in messages
        .iter()
        .filter(|(id, _)| id != "title" && id != "description")
    {
        assert!(
            source.contains(text.as_str()),
            "{id}: {text:?} is not the source's text"
        );
    }
}

#[test]
fn a_second_article_extracts_correctly() {
    let sandbox = Sandbox::fixture("second");
    sandbox.run_ok(&["extract"]);
    insta::assert_snapshot!("second.ftl", sandbox.read("locales/en/vaccines.ftl"));
    insta::assert_snapshot!(
        "second.layout.json",
        sandbox.read("locales/en/vaccines.layout.json")
    );
    let layout = sandbox.read("locales/en/vaccines.layout.json");
    assert!(layout.contains("\"start\": 1"), "a numbered list");
    assert!(layout.contains("\"level\": 3"), "an h3");
    let messages = sandbox.messages("locales/en/vaccines.ftl");
    assert!(
        messages.contains(&(
            "bring-documents".to_owned(),
            "Your ID card and, if you have one, your vaccination booklet.".to_owned()
        )),
        "a pinned id"
    );
    sandbox.run_ok(&["extract", "--check"]);
}

#[test]
fn a_pinned_id_survives_a_rewrite() {
    let sandbox = Sandbox::fixture("second");
    sandbox.run_ok(&["extract"]);
    sandbox.edit(
        "source/vaccines.md",
        "Your ID card and, if you have one, your vaccination booklet.",
        "Something completely different to carry along.",
    );
    sandbox.run_ok(&["extract"]);
    let messages = sandbox.messages("locales/en/vaccines.ftl");
    assert!(messages.contains(&(
        "bring-documents".to_owned(),
        "Something completely different to carry along.".to_owned()
    )));
}

// Bad input.

#[test]
fn unsupported_markdown_is_an_error_naming_file_line_and_construct() {
    let sandbox = extracted_repo();
    sandbox.write(
        "source/bad.md",
        "# Bad\n\nFine.\n\n<div>raw</div>\n\n<script>track()</script>\n\n- a <b onclick=\"x()\">b</b>\n",
    );
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2, "{run:?}");
    for expected in [
        "source/bad.md:7:1",
        "`<script>` in the source",
        "source/bad.md:9:8",
        "event handler",
        "allow-scripts = true",
    ] {
        assert!(
            run.stderr.contains(expected),
            "{expected:?} in\n{}",
            run.stderr
        );
    }
    assert!(!run.stderr.contains("panicked"));
    assert!(
        !sandbox.path().join("locales/en/bad.ftl").exists(),
        "nothing written for the bad file"
    );
    assert!(
        run.stdout
            .contains("immunotherapy-multiple-myeloma: 35 units"),
        "the good files are still extracted"
    );
}

#[test]
fn invalid_utf8_names_the_file() {
    let sandbox = extracted_repo();
    sandbox.write("source/latin1.md", b"# Caf\xe9\n");
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("latin1.md:1:6: not valid UTF-8"),
        "{}",
        run.stderr
    );
}

#[test]
fn outside_a_workspace_is_a_clear_error() {
    let sandbox = Sandbox::empty();
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no folio.toml"), "{}", run.stderr);
}

#[test]
fn a_hand_broken_english_file_is_reported_not_overwritten() {
    let sandbox = extracted_repo();
    let broken = sandbox
        .read(ARTICLE_FTL)
        .replace("intro-p2 = Multiple", "intro-p2 = { Multiple");
    sandbox.write(ARTICLE_FTL, &broken);
    let run = sandbox.run(&["extract"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("locales/en/immunotherapy-multiple-myeloma.ftl:"),
        "{}",
        run.stderr
    );
    assert_eq!(
        sandbox.read(ARTICLE_FTL),
        broken,
        "ids would be lost by regenerating it"
    );
}

// Edits real articles get: the ids of the blocks that stay must stay.

/// Extracts `before` as `source/edits.md` of the second fixture, then `after`; returns
/// each text's id before and after, for the texts named in `kept`, and asserts they are
/// equal.
#[track_caller]
fn assert_ids_survive(before: &str, after: &str, kept: &[&str]) {
    let sandbox = Sandbox::fixture("second");
    let id_of = |sandbox: &Sandbox, text: &str| -> String {
        sandbox
            .messages("locales/en/edits.ftl")
            .into_iter()
            .find_map(|(id, t)| (t == text).then_some(id))
            .unwrap_or_else(|| panic!("no unit {text:?}"))
    };
    sandbox.write("source/edits.md", before);
    sandbox.run_ok(&["extract"]);
    let ids: Vec<String> = kept.iter().map(|t| id_of(&sandbox, t)).collect();
    sandbox.write("source/edits.md", after);
    sandbox.run_ok(&["extract"]);
    for (text, id) in kept.iter().zip(&ids) {
        assert_eq!(&id_of(&sandbox, text), id, "{text:?} changed id");
    }
    // Re-extracting the edited article changes nothing more.
    sandbox.run_ok(&["extract", "--check"]);
}

const EDITS: &str = "# Rest\n\nSleep helps the body repair itself.\n\n\
                     Drink water through the day.\n\nSee a doctor if it lasts.\n\n\
                     - Walk every morning\n- Eat vegetables\n- Stretch after work\n- Read before bed\n";
const EDIT_TEXTS: &[&str] = &[
    "Rest",
    "Sleep helps the body repair itself.",
    "Drink water through the day.",
    "See a doctor if it lasts.",
    "Walk every morning",
    "Eat vegetables",
    "Stretch after work",
    "Read before bed",
];

#[test]
fn wrapping_a_paragraph_in_a_div_keeps_every_id() {
    let after = EDITS.replace(
        "Drink water through the day.\n",
        "<div class=\"tip\">\n\nDrink water through the day.\n\n</div>\n",
    );
    assert_ids_survive(EDITS, &after, EDIT_TEXTS);
}

#[test]
fn turning_a_paragraph_into_a_list_item_keeps_every_id() {
    let after = EDITS.replace(
        "See a doctor if it lasts.\n",
        "- See a doctor if it lasts.\n- Call a nurse line at night.\n",
    );
    assert_ids_survive(EDITS, &after, EDIT_TEXTS);
}

#[test]
fn splitting_a_list_keeps_every_id() {
    let after = EDITS.replace(
        "- Stretch after work\n",
        "\nAnd in the evening:\n\n- Stretch after work\n",
    );
    assert_ids_survive(EDITS, &after, EDIT_TEXTS);
}

#[test]
fn indenting_a_list_under_another_keeps_every_id() {
    let after = EDITS.replace(
        "- Eat vegetables\n- Stretch after work\n",
        "- Eat vegetables\n  - Stretch after work\n",
    );
    assert_ids_survive(EDITS, &after, EDIT_TEXTS);
}

#[test]
fn quoting_a_paragraph_and_adding_front_matter_keeps_every_id() {
    let after = format!(
        "---\ntitle: Rest well\ntags: [sleep]\n---\n\n{}",
        EDITS.replace(
            "Sleep helps the body repair itself.\n",
            "> Sleep helps the body repair itself.\n"
        )
    );
    assert_ids_survive(EDITS, &after, EDIT_TEXTS);
}

#[test]
fn folio_toml_names_the_translated_front_matter_keys_and_may_allow_scripts() {
    let sandbox = Sandbox::fixture("second");
    let page = "---\ntitle: A page\nteaser: Read this first.\nsummary: Kept as it is.\n---\n\n\
                Text.\n\n<script src=\"analytics.js\"></script>\n";
    sandbox.write("source/page.md", page);
    let refused = sandbox.run(&["extract"]);
    assert_eq!(refused.code, 2, "{refused:?}");
    assert!(
        refused.stderr.contains("source/page.md:9:1"),
        "{}",
        refused.stderr
    );

    let settings = sandbox.read("folio.toml");
    sandbox.write(
        "folio.toml",
        format!("{settings}\n[extract]\ntranslatable-keys = [\"title\", \"teaser\"]\nallow-scripts = true\n"),
    );
    sandbox.run_ok(&["extract"]);
    let messages = sandbox.messages("locales/en/page.ftl");
    let ids: Vec<&str> = messages.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(ids, ["title", "meta-teaser", "intro-p1"]);
    let layout = sandbox.read("locales/en/page.layout.json");
    assert!(
        layout.contains("\"summary\": \"Kept as it is.\""),
        "{layout}"
    );
    assert!(layout.contains("analytics.js"), "{layout}");
}
