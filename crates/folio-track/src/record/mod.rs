//! The record of confirmed English: one TOML file per locale and document.

mod fast;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What one locale's translations of one document were confirmed against, by unit id.
///
/// Stored as TOML, one table per unit sorted by id (`[intro-p2]` then `english = "…"`), so
/// the same record is always the same bytes and two translators confirming different
/// units touch different lines and merge cleanly.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Record {
    entries: BTreeMap<String, RecordEntry>,
}

/// What one unit's translation was confirmed against: the English, and the translation
/// itself (so that a translator's later edit of a stale unit shows, and the diff of the
/// translation is there without git).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RecordEntry {
    /// The English text, as the unit read then.
    pub english: String,
    /// The translation that was confirmed, as text; absent in records written before
    /// Folio kept it (such a stale unit can't show as updated).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub translation: Option<String>,
    /// When the author declared the last English edit minor (`folio extract --minor`):
    /// the English before that edit. The translation was confirmed against it, and the
    /// edit was judged not to need retranslation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minor_edit_of: Option<String>,
    /// The translator confirmed a stale unit without changing its translation
    /// (`folio accept --unchanged`): the English edit was judged not to need one.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub confirmed_unchanged: bool,
}

impl Record {
    /// Parses a record file; the error says what is wrong and where.
    pub fn parse(text: &str) -> Result<Self, String> {
        if let Some(entries) = fast::parse(text) {
            return Ok(Record { entries });
        }
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The canonical text of the record, with a header naming what it is.
    pub fn to_text(&self, locale: &str, document: &str) -> String {
        let body = toml::to_string(&self.entries).expect("a record always serializes");
        format!(
            "# Folio's record: the English each {locale} translation of {document} was confirmed against, and that translation.\n\
             # Written by `folio accept` and `folio extract`; do not edit by hand.\n\n{body}"
        )
    }

    /// The entry of unit `id`, if its translation was ever confirmed.
    pub fn get(&self, id: &str) -> Option<&RecordEntry> {
        self.entries.get(id)
    }

    /// Every entry, by unit id in id order.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &RecordEntry)> {
        self.entries.iter().map(|(id, entry)| (id.as_str(), entry))
    }

    /// Confirms `translation` of `id` against `english`.
    pub fn confirm(&mut self, id: &str, english: &str, translation: &str) {
        self.insert(id, english, translation, None, false);
    }

    /// Confirms a stale unit's `translation`, unchanged since it was last confirmed,
    /// against today's `english`: the translator judged the English edit to need none.
    pub fn confirm_unchanged(&mut self, id: &str, english: &str, translation: &str) {
        self.insert(id, english, translation, None, true);
    }

    /// Moves `translation`, confirmed against `old`, on to `new`, keeping that the author
    /// declared the edit minor.
    pub fn confirm_minor(&mut self, id: &str, old: &str, new: &str, translation: &str) {
        self.insert(id, new, translation, Some(old), false);
    }

    /// Fills in the translation of an entry written before records kept it, for a unit
    /// that is current (so the translation it stands confirmed with is today's).
    pub fn complete(&mut self, id: &str, translation: &str) {
        if let Some(entry) = self.entries.get_mut(id) {
            entry
                .translation
                .get_or_insert_with(|| translation.to_owned());
        }
    }

    fn insert(
        &mut self,
        id: &str,
        english: &str,
        translation: &str,
        minor_edit_of: Option<&str>,
        confirmed_unchanged: bool,
    ) {
        let entry = RecordEntry {
            english: english.to_owned(),
            translation: Some(translation.to_owned()),
            minor_edit_of: minor_edit_of.map(str::to_owned),
            confirmed_unchanged,
        };
        self.entries.insert(id.to_owned(), entry);
    }

    /// Whether the record has no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_are_sorted_and_round_trip() {
        let mut record = Record::default();
        record.confirm("zeta", "Z \"quoted\"", "Z «citado»");
        record.confirm("alpha", "Line\\\nbreak", "Línea\\\nrota");
        record.confirm_minor("mid", "Old, text", "Old text", "Texto");
        record.confirm_unchanged("omega", "Omega", "Omega");
        let text = record.to_text("es", "doc");
        assert!(text.starts_with("# Folio's record: the English each es translation of doc"));
        let alpha = text.find("[alpha]").unwrap();
        let mid = text.find("[mid]").unwrap();
        let zeta = text.find("[zeta]").unwrap();
        assert!(alpha < mid && mid < zeta, "{text}");
        assert!(text.contains("minor-edit-of = \"Old, text\""), "{text}");
        assert!(text.contains("translation = \"Texto\""), "{text}");
        assert!(text.contains("confirmed-unchanged = true"), "{text}");
        assert_eq!(Record::parse(&text).unwrap(), record);
    }

    #[test]
    fn unknown_fields_are_errors() {
        assert!(
            Record::parse("[a]\nenglish = \"x\"\nextra = 1\n")
                .unwrap_err()
                .contains("unknown field")
        );
    }
}
