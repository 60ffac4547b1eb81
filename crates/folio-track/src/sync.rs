//! `folio sync`, the pure part: msgmerge for Fluent. Missing units are inserted into a
//! translator's file as text — never by re-serialising it — so every byte already there
//! stays; exact matches from the locale's translation memory are filled in as real
//! translations, and fuzzy ones offered as comments.

use std::collections::HashMap;
use std::ops::Range;

use folio_ftl::{FtlFile, message_text};
use folio_model::LineIndex;
use similar::TextDiff;

use crate::{Status, UnitStatus, plain_diff, word_diff};

/// One English unit to sync: its id, text and translator context.
#[derive(Debug, Clone, Copy)]
pub struct SyncUnit<'a> {
    /// The unit id.
    pub id: &'a str,
    /// Today's English.
    pub english: &'a str,
    /// What the unit is (`Paragraph 2 of "Types"`), from the English file's comment.
    pub context: Option<&'a str>,
}

/// A translation the locale has confirmed, reusable for the same English elsewhere.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remembered {
    /// The English it translates.
    pub english: String,
    /// The translation.
    pub translation: String,
    /// Where it is: `document:id`.
    pub source: String,
}

/// A locale's translation memory: every current translation in it, by English.
#[derive(Debug, Clone, Default)]
pub struct Memory {
    entries: Vec<Remembered>,
    exact: HashMap<String, usize>,
}

/// Least similarity of two English texts (share of equal words) for a fuzzy suggestion.
const FUZZY: f32 = 0.6;

/// How many fuzzy suggestions a unit gets at most.
const SUGGESTIONS: usize = 2;

impl Memory {
    /// Remembers a current translation of `english` found at `source`. The first
    /// translation of an English text is the one reused.
    pub fn add(&mut self, english: &str, translation: &str, source: String) {
        let key = normalize(english);
        if self.exact.contains_key(&key) {
            return;
        }
        self.exact.insert(key, self.entries.len());
        self.entries.push(Remembered {
            english: english.to_owned(),
            translation: translation.to_owned(),
            source,
        });
    }

    /// The translation of exactly `english` (whitespace aside), if the locale has one.
    pub fn exact(&self, english: &str) -> Option<&Remembered> {
        self.exact
            .get(&normalize(english))
            .map(|&i| &self.entries[i])
    }

    /// Translations of English similar to `english`, best first.
    fn similar<'m>(&'m self, english: &str) -> Vec<(f32, &'m Remembered)> {
        let mut found: Vec<(f32, &Remembered)> = self
            .entries
            .iter()
            .map(|r| (similarity(&r.english, english), r))
            .filter(|(score, _)| *score >= FUZZY)
            .collect();
        found.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then_with(|| a.1.source.cmp(&b.1.source))
        });
        found.truncate(SUGGESTIONS);
        found
    }
}

fn normalize(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The share of equal words of two texts (spaces do not count, or any two sentences of
/// one length would look alike).
fn similarity(a: &str, b: &str) -> f32 {
    let a: Vec<&str> = a.split_whitespace().collect();
    let b: Vec<&str> = b.split_whitespace().collect();
    TextDiff::configure().diff_slices(&a, &b).ratio()
}

/// What syncing one file did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Synced {
    /// The file's new text: the old text with the insertions, every old byte kept.
    pub text: String,
    /// Units filled from memory, to record as confirmed: (id, English, translation).
    pub filled: Vec<(String, String, String)>,
    /// Units inserted for the translator to translate.
    pub to_translate: usize,
    /// Of those, how many came with suggestions.
    pub suggested: usize,
}

/// Inserts every missing unit of `units` into the translation `text` (parsed as
/// `file`, classified as `statuses`), in English order: a unit whose English the
/// locale has translated before (`memory`) as a real message, any other as a commented
/// placeholder under its context and the English, with fuzzy suggestions from memory
/// and from the file's obsolete translations (a rewritten unit's old translation). A
/// placeholder already in the file is left as it is, so syncing twice changes nothing.
/// `header` starts a file that does not exist yet (`text` empty).
pub fn sync_file(
    units: &[SyncUnit<'_>],
    text: &str,
    file: &FtlFile<'_>,
    statuses: &[UnitStatus],
    memory: &Memory,
    header: &str,
) -> Synced {
    let ends = entry_ends(text, file);
    let status: HashMap<&str, &UnitStatus> = statuses.iter().map(|u| (&*u.id, u)).collect();
    // Where each English unit's translation is in the file, to find the obsolete
    // translation that sits where a new unit goes: the one it replaced.
    let lines: Vec<Option<usize>> = units
        .iter()
        .map(|u| status.get(u.id).and_then(|s| s.line))
        .collect();
    let obsolete: Vec<&UnitStatus> = statuses
        .iter()
        .filter(|u| u.status == Status::Obsolete && u.translation.is_some())
        .collect();

    let mut synced = Synced::default();
    let mut inserts: Vec<(Range<usize>, String)> = Vec::new();
    let places = insertion_points(units, &ends, header_end(text));
    for (index, unit) in units.iter().enumerate() {
        if ends.contains_key(unit.id) {
            continue;
        }
        if status
            .get(unit.id)
            .is_some_and(|s| s.status != Status::Missing)
        {
            continue;
        }
        let block = match memory.exact(unit.english) {
            Some(found) => {
                synced.filled.push((
                    unit.id.to_owned(),
                    unit.english.to_owned(),
                    found.translation.clone(),
                ));
                let mut block = comment_lines(unit.context);
                block.push_str(&message_text(unit.id, &found.translation));
                block
            }
            None => {
                synced.to_translate += 1;
                let before = lines[..index].iter().flatten().max().copied().unwrap_or(0);
                let after = lines[index + 1..]
                    .iter()
                    .flatten()
                    .min()
                    .copied()
                    .unwrap_or(usize::MAX);
                let replaced: Vec<Remembered> = obsolete
                    .iter()
                    .filter(|u| u.line.is_some_and(|line| before < line && line < after))
                    .map(|u| Remembered {
                        english: u.confirmed.clone().unwrap_or_default(),
                        translation: u.translation.clone().unwrap_or_default(),
                        source: format!("{}, the retired unit in its place", u.id),
                    })
                    .collect();
                let mut suggestions: Vec<(f32, &Remembered)> = replaced
                    .iter()
                    .map(|r| (similarity(&r.english, unit.english), r))
                    .chain(memory.similar(unit.english))
                    .collect();
                suggestions.truncate(SUGGESTIONS);
                synced.suggested += usize::from(!suggestions.is_empty());
                placeholder(unit, &suggestions)
            }
        };
        inserts.push((places[index]..places[index], block));
    }
    let out = splice(text, inserts, header);
    synced.text = out;
    synced
}

/// Writes `translations` (unit id → translation) into a translator's file `text`
/// (parsed as `file`) as text, as `folio xliff import` applies an agency's work: a
/// message already in the file is replaced where it stands (the comments above it
/// stay); a placeholder `sync` wrote (`# id = English`) becomes the message, its
/// instruction and suggestion lines going with it (its context stays); a unit the file
/// lacks is inserted under its context after its nearest English predecessor, as `sync`
/// inserts. Every other byte of the file stays; a file written with `\r\n` gets them
/// in the messages replaced too. `units` is every English unit, in order; `header`
/// starts a file that does not exist yet.
pub fn write_translations(
    units: &[SyncUnit<'_>],
    text: &str,
    file: &FtlFile<'_>,
    translations: &HashMap<&str, &str>,
    header: &str,
) -> String {
    let ends = entry_ends(text, file);
    let lines = LineIndex::new(text);
    let messages: HashMap<&str, usize> = file
        .messages
        .iter()
        .rev()
        .map(|m| (m.id, lines.line_start(m.line)))
        .collect();
    let places = insertion_points(units, &ends, header_end(text));
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    for (index, unit) in units.iter().enumerate() {
        let Some(translation) = translations.get(unit.id) else {
            continue;
        };
        let message = message_text(unit.id, translation);
        let start = messages
            .get(unit.id)
            .copied()
            .or_else(|| placeholder_start(&lines, unit.id));
        match (start, ends.get(unit.id)) {
            (Some(start), Some(&end)) => {
                let message = if text[start..end].contains("\r\n") {
                    message.replace('\n', "\r\n")
                } else {
                    message
                };
                edits.push((start..end, message));
            }
            _ => {
                let mut block = comment_lines(unit.context);
                block.push_str(&message);
                edits.push((places[index]..places[index], block));
            }
        }
    }
    splice(text, edits, header)
}

/// For each unit, where a block for it goes if the file lacks it: after the entry of
/// its nearest English predecessor that the file has, else where the body starts.
fn insertion_points(
    units: &[SyncUnit<'_>],
    ends: &HashMap<&str, usize>,
    body_start: usize,
) -> Vec<usize> {
    let mut anchor = body_start;
    units
        .iter()
        .map(|unit| {
            let here = anchor;
            if let Some(&end) = ends.get(unit.id) {
                anchor = end;
            }
            here
        })
        .collect()
}

/// `text` with each edit made: a range replaced by its text, or (an empty range) a
/// block inserted, set apart from its neighbours by a blank line. Edits are made in
/// file order, several at one place in the order given; `header` starts an empty text.
fn splice(text: &str, mut edits: Vec<(Range<usize>, String)>, header: &str) -> String {
    // A translator may have reordered the file: edit in file order, and in English order
    // where several blocks go to one place (the sort is stable).
    edits.sort_by_key(|(range, _)| range.start);
    let mut out =
        String::with_capacity(text.len() + edits.iter().map(|(_, b)| b.len() + 2).sum::<usize>());
    if text.is_empty() && !edits.is_empty() {
        out.push_str(header);
    }
    let mut copied = 0;
    for (range, block) in edits {
        out.push_str(&text[copied..range.start]);
        copied = range.end;
        if !range.is_empty() {
            out.push_str(&block);
            continue;
        }
        if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
        }
        if !out.is_empty() && !out.ends_with("\n\n") {
            out.push('\n');
        }
        out.push_str(&block);
        // Keep the block apart from the comment of the entry that follows it.
        if text[range.start..].starts_with(|c: char| c != '\n') {
            out.push('\n');
        }
    }
    out.push_str(&text[copied..]);
    out
}

/// Where the placeholder of unit `id` that `sync` wrote starts, with the instruction
/// and suggestion lines above it (Folio's own; the context above them stays).
fn placeholder_start(lines: &LineIndex<'_>, id: &str) -> Option<usize> {
    let prefix = format!("# {id} =");
    let line = (1..=lines.line_count()).find(|&line| {
        let text = lines.line_text(line);
        text.strip_prefix(&prefix)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })?;
    let mut first = line;
    while first > 1 {
        let above = lines.line_text(first - 1);
        if above.starts_with("# Translate: ")
            || above.starts_with("# Suggestion (")
            || above.starts_with("#   its English")
        {
            first -= 1;
        } else {
            break;
        }
    }
    Some(lines.line_start(first))
}

/// The comment lines of a unit's context, `# …` each.
fn comment_lines(context: Option<&str>) -> String {
    context.map_or(String::new(), |c| {
        c.lines().map(|line| format!("# {line}\n")).collect()
    })
}

/// A unit for the translator: its context, the suggestions, and the message with the
/// English as its value, commented out. Removing the `# ` of the message's lines and
/// translating its value is all a translator does; until then the unit is missing.
fn placeholder(unit: &SyncUnit<'_>, suggestions: &[(f32, &Remembered)]) -> String {
    let mut block = comment_lines(unit.context);
    block.push_str(
        "# Translate: remove the \"# \" before the message below and replace the English.\n",
    );
    for (score, found) in suggestions {
        block.push_str(&format!(
            "# Suggestion ({:.0}% similar English, from {}): {}\n",
            score * 100.0,
            found.source,
            one_line(&found.translation)
        ));
        block.push_str(&format!(
            "#   its English, then → now: {}\n",
            one_line(&plain_diff(&word_diff(&found.english, unit.english)))
        ));
    }
    for line in message_text(unit.id, unit.english).lines() {
        block.push_str("# ");
        block.push_str(line);
        block.push('\n');
    }
    block
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Where each message of `file`, and each placeholder, ends in `text`: the byte after
/// its last line (its value's continuation lines and attributes included).
fn entry_ends<'t>(text: &'t str, file: &FtlFile<'t>) -> HashMap<&'t str, usize> {
    let mut ends = HashMap::new();
    let lines = LineIndex::new(text);
    let count = lines.line_count();
    for message in &file.messages {
        // Continuation lines are indented; the entry ends before the first line that is not.
        let mut last = message.line;
        while last < count {
            let next = lines.line_with_break(last + 1);
            if next.starts_with([' ', '\t']) && !next.trim().is_empty() {
                last += 1;
            } else {
                break;
            }
        }
        ends.entry(message.id).or_insert(lines.line_end(last));
    }
    for line in 1..=count {
        // `# id = English` on one line, or `# id =` with the English below.
        if let Some(rest) = lines.line_with_break(line).strip_prefix("# ")
            && let Some((id, value)) = rest.split_once(" =")
            && is_identifier(id)
            && (value.starts_with(' ') || value.trim().is_empty())
        {
            // The placeholder's value may go on over commented continuation lines.
            let mut last = line;
            while last < count && lines.line_with_break(last + 1).starts_with("#     ") {
                last += 1;
            }
            ends.entry(id).or_insert(lines.line_end(last));
        }
    }
    ends
}

fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Where a file's body starts: after its leading resource comments (`###`) and the blank
/// lines after them.
fn header_end(text: &str) -> usize {
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        if line.starts_with("###") || line.trim().is_empty() {
            at += line.len();
        } else {
            break;
        }
    }
    at
}

#[cfg(test)]
mod tests {
    use folio_ftl::parse_ftl;

    use super::*;
    use crate::{EnglishUnit, Record, classify};

    const ENGLISH: &[(&str, &str, &str)] = &[
        ("a", "First paragraph about cells.", "Paragraph 1"),
        ("b", "Second paragraph about {braces}.", "Paragraph 2"),
        (
            "c",
            "Third paragraph about treatment costs today.",
            "Paragraph 3",
        ),
    ];

    /// [`ENGLISH`] as the units sync and write take.
    fn english_units() -> Vec<SyncUnit<'static>> {
        ENGLISH
            .iter()
            .map(|(id, english, context)| SyncUnit {
                id,
                english,
                context: Some(context),
            })
            .collect()
    }

    /// Syncs `text` against [`ENGLISH`] with `memory`, empty record.
    fn sync(text: &str, memory: &Memory) -> Synced {
        let units = english_units();
        let english: Vec<EnglishUnit> = ENGLISH
            .iter()
            .map(|(id, text, _)| EnglishUnit::new((*id).to_owned(), (*text).to_owned()))
            .collect();
        let file = parse_ftl(text);
        let statuses = classify(&english, &file, &Record::default(), &[]);
        sync_file(&units, text, &file, &statuses, memory, "### Header\n")
    }

    #[test]
    fn missing_units_are_inserted_in_english_order_keeping_every_byte() {
        let text = "### Mine\n\n# my note\nc = Tercero  \n";
        let synced = sync(text, &Memory::default());
        assert_eq!(
            synced.text,
            "### Mine\n\n\
             # Paragraph 1\n\
             # Translate: remove the \"# \" before the message below and replace the English.\n\
             # a = First paragraph about cells.\n\n\
             # Paragraph 2\n\
             # Translate: remove the \"# \" before the message below and replace the English.\n\
             # b = Second paragraph about { \"{\" }braces{ \"}\" }.\n\n\
             # my note\nc = Tercero  \n"
        );
        assert_eq!(synced.to_translate, 2);
        assert_eq!(
            sync(&synced.text, &Memory::default()).text,
            synced.text,
            "idempotent"
        );
        // Placeholders are comments: the units are still missing.
        let file = parse_ftl(&synced.text);
        assert!(file.errors.is_empty());
        assert_eq!(file.messages.len(), 1);
    }

    #[test]
    fn exact_english_from_memory_is_filled_and_similar_english_suggested() {
        let mut memory = Memory::default();
        memory.add(
            "First  paragraph about cells.",
            "Primer párrafo.",
            "other:x".into(),
        );
        memory.add(
            "Third paragraph about treatment costs.",
            "Tercer párrafo sobre costos.",
            "other:y".into(),
        );
        let synced = sync("", &memory);
        assert!(
            synced
                .text
                .starts_with("### Header\n\n# Paragraph 1\na = Primer párrafo.\n")
        );
        assert_eq!(
            synced.filled,
            [(
                "a".to_owned(),
                "First paragraph about cells.".to_owned(),
                "Primer párrafo.".to_owned()
            )]
        );
        assert!(
            synced
                .text
                .contains("from other:y): Tercer párrafo sobre costos.\n"),
            "{}",
            synced.text
        );
        assert_eq!((synced.to_translate, synced.suggested), (2, 1));
    }

    /// Writes `translations` into `text` against [`ENGLISH`].
    fn write(text: &str, translations: &[(&str, &str)]) -> String {
        let units = english_units();
        let translations: HashMap<&str, &str> = translations.iter().copied().collect();
        write_translations(
            &units,
            text,
            &parse_ftl(text),
            &translations,
            "### Header\n",
        )
    }

    #[test]
    fn translations_replace_messages_and_placeholders_and_fill_gaps_keeping_every_other_byte() {
        let text = "### Mine\n\n# my note\nc = Tercero\n    sigue  \n\n# other\nz = Zeta\n";
        // A message replaced where it stands, its comment and every other line kept.
        assert_eq!(
            write(text, &[("c", "Tercero {nuevo}")]),
            "### Mine\n\n# my note\nc = Tercero { \"{\" }nuevo{ \"}\" }\n\n# other\nz = Zeta\n"
        );
        // A unit the file lacks goes in after its English predecessor, under its context.
        assert_eq!(
            write(text, &[("a", "Uno")]),
            "### Mine\n\n# Paragraph 1\na = Uno\n\n# my note\nc = Tercero\n    sigue  \n\n# other\nz = Zeta\n"
        );
        // A placeholder sync wrote becomes the message; its context stays.
        let synced = sync(text, &Memory::default()).text;
        let written = write(&synced, &[("b", "Dos")]);
        assert!(
            written.contains("# Paragraph 2\nb = Dos\n\n# my note\n"),
            "{written}"
        );
        assert!(!written.contains("# b ="), "{written}");
        assert!(written.contains("# a = First paragraph"), "{written}");
        // Nothing to write, nothing written; a file of \r\n keeps them.
        assert_eq!(write(text, &[]), text);
        assert_eq!(
            write("c = Tres\r\nz = Z\r\n", &[("c", "Três")]),
            "c = Três\r\nz = Z\r\n"
        );
        assert_eq!(
            write("", &[("b", "Dos")]),
            "### Header\n\n# Paragraph 2\nb = Dos\n"
        );
    }

    #[test]
    fn a_reordered_file_gets_each_unit_after_its_english_predecessor() {
        let text = "c = Tres\na = Uno\n";
        let synced = sync(text, &Memory::default());
        let b = synced.text.find("# b = ").unwrap();
        assert!(synced.text.find("a = Uno").unwrap() < b, "{}", synced.text);
        assert!(synced.text.starts_with("c = Tres\na = Uno\n"));
    }
}
