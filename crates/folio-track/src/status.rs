//! Classifying each unit of one locale's translation of one document.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::Arc;

use foldhash::{HashMap, HashMapExt, HashSet};

use folio_ftl::{FtlFile, FtlMessage, FtlTerm, plain_text};
use serde::{Deserialize, Serialize};

use crate::{Record, is_untranslated};

/// One English unit as it stands now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnglishUnit {
    /// The unit id; a term's id keeps its leading `-`. Shared with every locale's
    /// status of the unit.
    pub id: Arc<str>,
    /// Its English text; empty for a message that has only attributes. Shared too.
    pub text: Arc<str>,
    /// Its words, counted once for every locale's coverage.
    pub words: usize,
}

impl EnglishUnit {
    /// The unit `id` with English `text`.
    pub fn new(id: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Self {
        let text = text.into();
        let words = word_count(&text);
        EnglishUnit {
            id: id.into(),
            text,
            words,
        }
    }
}

/// The status of a translated unit (product contract, "Status of a translated unit").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Translated, and confirmed against the English that stands now.
    Current,
    /// Was stale; the translator has since changed the translation: awaiting
    /// confirmation (`folio accept --updated`).
    Updated,
    /// Translated, but the English changed since the translation was confirmed.
    Stale,
    /// Present but identical to the English (beyond names, numbers, single words and
    /// link text): not translated.
    Untranslated,
    /// An English unit with no translation.
    Missing,
    /// A translation whose English unit no longer exists.
    Obsolete,
    /// Present but broken: a syntax error, or a message without a value.
    Invalid,
}

impl Status {
    /// Every status, in report order.
    pub const ALL: [Status; 7] = [
        Status::Current,
        Status::Updated,
        Status::Stale,
        Status::Untranslated,
        Status::Missing,
        Status::Obsolete,
        Status::Invalid,
    ];

    /// The lowercase name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Status::Current => "current",
            Status::Updated => "updated",
            Status::Stale => "stale",
            Status::Untranslated => "untranslated",
            Status::Missing => "missing",
            Status::Obsolete => "obsolete",
            Status::Invalid => "invalid",
        }
    }
}

/// One unit's status in one locale, with what a report needs to show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnitStatus {
    /// The unit id.
    pub id: Arc<str>,
    /// Its status.
    pub status: Status,
    /// 1-based line of the translation (or of the broken entry) in the locale's file.
    pub line: Option<usize>,
    /// Today's English; `None` for an obsolete unit.
    pub english: Option<Arc<str>>,
    /// The English the translation was confirmed against, when the record has it.
    pub confirmed: Option<String>,
    /// The translation that was confirmed, when the record has it.
    pub confirmed_translation: Option<String>,
    /// The translation as text, when there is a valid one.
    pub translation: Option<String>,
    /// English words of the unit: today's English, or the confirmed English when obsolete.
    pub words: usize,
    /// Whether the record has an entry for the unit. A translation without one is new:
    /// it counts as current and is recorded against today's English by `folio accept`.
    pub recorded: bool,
}

/// Unit and English-word counts by status.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusCounts {
    /// Current units.
    pub current: usize,
    /// Updated units (stale, translation changed, awaiting confirmation).
    pub updated: usize,
    /// Stale units.
    pub stale: usize,
    /// Untranslated units (the English copied).
    pub untranslated: usize,
    /// Missing units.
    pub missing: usize,
    /// Obsolete units.
    pub obsolete: usize,
    /// Invalid units.
    pub invalid: usize,
}

impl StatusCounts {
    /// Adds `amount` to the count of `status`.
    pub fn add(&mut self, status: Status, amount: usize) {
        *self.get_mut(status) += amount;
    }

    /// The count of `status`.
    pub fn get(&self, status: Status) -> usize {
        match status {
            Status::Current => self.current,
            Status::Updated => self.updated,
            Status::Stale => self.stale,
            Status::Untranslated => self.untranslated,
            Status::Missing => self.missing,
            Status::Obsolete => self.obsolete,
            Status::Invalid => self.invalid,
        }
    }

    fn get_mut(&mut self, status: Status) -> &mut usize {
        match status {
            Status::Current => &mut self.current,
            Status::Updated => &mut self.updated,
            Status::Stale => &mut self.stale,
            Status::Untranslated => &mut self.untranslated,
            Status::Missing => &mut self.missing,
            Status::Obsolete => &mut self.obsolete,
            Status::Invalid => &mut self.invalid,
        }
    }

    /// Adds every count of `other` to this one.
    pub fn add_all(&mut self, other: &StatusCounts) {
        for status in Status::ALL {
            self.add(status, other.get(status));
        }
    }

    /// Units and English words by status over `units`.
    pub fn tally(units: &[UnitStatus]) -> (StatusCounts, StatusCounts) {
        let (mut counts, mut words) = (StatusCounts::default(), StatusCounts::default());
        for unit in units {
            counts.add(unit.status, 1);
            words.add(unit.status, unit.words);
        }
        (counts, words)
    }

    /// Units (or words) of the English that exist today: everything but obsolete.
    pub fn english_total(&self) -> usize {
        self.current + self.updated + self.stale + self.untranslated + self.missing + self.invalid
    }
}

/// Whether two English texts are the same for staleness: whitespace differences never
/// make a translation stale.
pub fn same_english(a: &str, b: &str) -> bool {
    same_words(a, b)
}

/// Whether two texts have the same words, whitespace aside. The same bytes (the usual
/// case: the English a record holds is today's) are the same words, without splitting.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    // Texts whose first words start differently (most translations) differ, told
    // without splitting them into words.
    let (a, b) = (a.trim_start(), b.trim_start());
    if a.bytes().next() != b.bytes().next() {
        return false;
    }
    a.split_whitespace().eq(b.split_whitespace())
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// The value of a translated entry, as [`classify`] reads it.
enum Value<'f, 's> {
    /// A message with a value: its text is made once, for the checks too.
    Message(&'f FtlMessage<'s>),
    /// A term (whose value is never empty).
    Term(&'f FtlTerm<'s>),
    /// A message with attributes only.
    None,
}

impl<'f> Value<'f, '_> {
    /// The value's [`plain_text`]; `None` for a message without one.
    fn text(&self) -> Option<Cow<'f, str>> {
        match self {
            Value::Message(message) => message.value_text().map(Cow::Borrowed),
            Value::Term(term) => Some(plain_text(&term.ast.value)),
            Value::None => None,
        }
    }
}

/// Classifies every unit of one document in one locale: the English units in their
/// order, then obsolete translations in file order.
///
/// `translation` is the locale's parsed file (empty if it has none); `record` what it
/// was confirmed against. A translation identical to the English is untranslated (see
/// [`is_untranslated`]; `proper_names` may stay the same). Otherwise it is current when
/// the record's English equals today's (whitespace aside) or when the record has no
/// entry yet (a new translation); when the English changed, it is updated if the
/// translation differs from the one confirmed, and stale if not. The order and
/// formatting of the translator's file play no part.
pub fn classify(
    english: &[EnglishUnit],
    translation: &FtlFile<'_>,
    record: &Record,
    proper_names: &[String],
) -> Vec<UnitStatus> {
    // Entries by id (terms as `-id`): the first definition wins, as in fluent-bundle
    // (messages and terms are each in file order, and a term's `-` keeps their ids
    // apart). Borrowed from the parsed file, and turned into text only for the status
    // that keeps it: a file of a million messages is not copied twice on the way.
    let mut translated: HashMap<Cow<'_, str>, (usize, Value<'_, '_>)> =
        HashMap::with_capacity(translation.messages.len() + translation.terms.len());
    for message in &translation.messages {
        let value = match message.ast.value {
            Some(_) => Value::Message(message),
            None => Value::None,
        };
        (translated.entry(Cow::Borrowed(message.id))).or_insert((message.line, value));
    }
    for term in &translation.terms {
        (translated.entry(Cow::Owned(format!("-{}", term.id))))
            .or_insert((term.line, Value::Term(term)));
    }
    let broken: BTreeMap<&str, usize> = translation
        .errors
        .iter()
        .filter_map(|e| e.entry_id.as_deref().map(|id| (id, e.line)))
        .collect();

    let mut statuses = Vec::with_capacity(english.len());
    for unit in english {
        let entry = record.get(&unit.id);
        let mut status = UnitStatus {
            id: unit.id.clone(),
            status: Status::Missing,
            line: None,
            english: Some(unit.text.clone()),
            confirmed: entry.map(|e| e.english.clone()),
            confirmed_translation: entry.and_then(|e| e.translation.clone()),
            translation: None,
            words: unit.words,
            recorded: entry.is_some(),
        };
        match (translated.get(&*unit.id), broken.get(&*unit.id)) {
            (Some((line, Value::None)), _) if unit.text.is_empty() => {
                // Attributes only, like the English: nothing to be stale about.
                status.line = Some(*line);
                status.status = Status::Current;
            }
            (Some((line, value @ (Value::Message(_) | Value::Term(_)))), _) => {
                let text = value.text().unwrap_or_default().into_owned();
                status.line = Some(*line);
                status.status = match entry {
                    _ if is_untranslated(&unit.text, &text, proper_names) => Status::Untranslated,
                    Some(entry) if !same_english(&entry.english, &unit.text) => {
                        match &entry.translation {
                            Some(confirmed) if !same_english(confirmed, &text) => Status::Updated,
                            _ => Status::Stale,
                        }
                    }
                    _ => Status::Current,
                };
                status.translation = Some(text);
            }
            (Some((line, Value::None)), _) | (None, Some(line)) => {
                status.line = Some(*line);
                status.status = Status::Invalid;
            }
            (None, None) => {}
        }
        statuses.push(status);
    }

    // What the English no longer has, in the order of the translation's lines.
    let known: HashSet<&str> = english.iter().map(|u| &*u.id).collect();
    let mut obsolete: Vec<(&str, &usize, &Value<'_, '_>)> = (translated.iter())
        .filter(|(id, _)| !known.contains(id.as_ref()))
        .map(|(id, (line, value))| (id.as_ref(), line, value))
        .collect();
    obsolete.sort_by_key(|(_, line, _)| **line);
    for (id, line, value) in obsolete {
        let entry = record.get(id);
        statuses.push(UnitStatus {
            id: id.into(),
            status: Status::Obsolete,
            line: Some(*line),
            english: None,
            confirmed: entry.map(|e| e.english.clone()),
            confirmed_translation: entry.and_then(|e| e.translation.clone()),
            translation: value.text().map(Cow::into_owned),
            words: entry.map_or(0, |e| word_count(&e.english)),
            recorded: entry.is_some(),
        });
    }
    statuses
}

#[cfg(test)]
mod tests {
    use folio_ftl::parse_ftl;

    use super::*;

    proptest::proptest! {
        /// The shortcuts give what comparing the words gives.
        #[test]
        fn same_words_is_the_same_words(
            a in "[ \t\u{a0}\u{3000}ab\n]{0,8}",
            b in "[ \t\u{a0}\u{3000}ab\n]{0,8}",
        ) {
            let words = a.split_whitespace().eq(b.split_whitespace());
            proptest::prop_assert_eq!(same_words(&a, &b), words);
        }
    }

    fn english(units: &[(&str, &str)]) -> Vec<EnglishUnit> {
        units
            .iter()
            .map(|(id, text)| EnglishUnit::new(id.to_string(), text.to_string()))
            .collect()
    }

    /// Classifies `ftl` against the English and record, as `id:status` strings.
    fn check(units: &[(&str, &str)], ftl: &str, record: &Record, expected: &[&str]) {
        let file = parse_ftl(ftl);
        let found: Vec<String> = classify(&english(units), &file, record, &[])
            .iter()
            .map(|s| format!("{}:{}", s.id, s.status.name()))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn every_status_is_recognised() {
        let mut record = Record::default();
        record.confirm("same", "Hello  world", "Hola mundo");
        record.confirm("changed", "Old text", "Texto");
        record.confirm("edited", "Old words", "Palabras viejas");
        record.confirm("gone", "Removed text", "Adiós");
        check(
            &[
                ("same", "Hello world"),
                ("changed", "New text"),
                ("edited", "New words"),
                ("copied", "Plain English text"),
                ("new", "Fresh"),
                ("absent", "X"),
                ("broken", "Y"),
            ],
            "gone = Adiós\nchanged = Texto\nedited = Palabras nuevas\ncopied = Plain English  text\n\
             broken = { $x\nsame = Hola mundo\nnew = Fresco\n",
            &record,
            &[
                "same:current",
                "changed:stale",
                "edited:updated",
                "copied:untranslated",
                "new:current",
                "absent:missing",
                "broken:invalid",
                "gone:obsolete",
            ],
        );
    }

    #[test]
    fn a_message_without_value_is_invalid_unless_the_english_has_none() {
        let attributes_only = "a =\n    .title = T\n";
        check(
            &[("a", "A")],
            attributes_only,
            &Record::default(),
            &["a:invalid"],
        );
        check(
            &[("a", "")],
            attributes_only,
            &Record::default(),
            &["a:current"],
        );
    }

    #[test]
    fn terms_are_entries_too() {
        let ftl = "-brand = Folio\n-extra = X\n";
        check(
            &[("-brand", "Folio")],
            ftl,
            &Record::default(),
            &["-brand:current", "-extra:obsolete"],
        );
    }

    #[test]
    fn a_record_without_the_translation_keeps_a_changed_unit_stale() {
        let record = Record::parse("[a]\nenglish = \"Old words\"\n").unwrap();
        check(
            &[("a", "New words")],
            "a = Otras palabras\n",
            &record,
            &["a:stale"],
        );
    }

    #[test]
    fn proper_names_may_stay_the_same() {
        let file = parse_ftl("a = American Cancer Society\n");
        let names = ["American Cancer Society".to_owned()];
        let statuses = classify(
            &english(&[("a", "American Cancer Society")]),
            &file,
            &Record::default(),
            &names,
        );
        assert_eq!(statuses[0].status, Status::Current);
    }

    #[test]
    fn unrecorded_translations_are_marked_so() {
        let file = parse_ftl("a = A\n");
        let statuses = classify(&english(&[("a", "A")]), &file, &Record::default(), &[]);
        assert!(!statuses[0].recorded);
        assert_eq!(statuses[0].words, 1);
    }
}
