//! Word diffs of English text.

use serde::{Deserialize, Serialize};
use similar::{ChangeTag, TextDiff};

/// One run of a word diff: text kept, removed or added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", content = "text", rename_all = "kebab-case")]
pub enum DiffPart {
    /// Text in both versions.
    Equal(String),
    /// Text only in the old version.
    Delete(String),
    /// Text only in the new version.
    Insert(String),
}

/// The word-level diff from `old` to `new` (the `similar` crate's word tokenizer), with
/// adjacent runs of the same kind merged so a changed phrase reads as one change.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let diff = TextDiff::from_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        match (change.tag(), parts.last_mut()) {
            (ChangeTag::Equal, Some(DiffPart::Equal(run)))
            | (ChangeTag::Delete, Some(DiffPart::Delete(run)))
            | (ChangeTag::Insert, Some(DiffPart::Insert(run))) => run.push_str(text),
            (ChangeTag::Equal, _) => parts.push(DiffPart::Equal(text.to_owned())),
            (ChangeTag::Delete, _) => parts.push(DiffPart::Delete(text.to_owned())),
            (ChangeTag::Insert, _) => parts.push(DiffPart::Insert(text.to_owned())),
        }
    }
    parts
}

/// A word diff as `git --word-diff=plain` writes it: `[-old-]{+new+}`, readable where
/// there is no colour (a CI log, a comment in a file).
pub fn plain_diff(diff: &[DiffPart]) -> String {
    diff.iter()
        .map(|part| match part {
            DiffPart::Equal(text) => text.clone(),
            DiffPart::Delete(text) => format!("[-{text}-]"),
            DiffPart::Insert(text) => format!("{{+{text}+}}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_changed_word_is_one_delete_and_one_insert() {
        let parts = word_diff(
            "Myeloma affects plasma cells.",
            "Myeloma damages plasma cells.",
        );
        assert_eq!(
            parts,
            [
                DiffPart::Equal("Myeloma ".into()),
                DiffPart::Delete("affects".into()),
                DiffPart::Insert("damages".into()),
                DiffPart::Equal(" plasma cells.".into()),
            ]
        );
    }

    #[test]
    fn identical_text_is_one_equal_run() {
        assert_eq!(word_diff("a b", "a b"), [DiffPart::Equal("a b".into())]);
    }
}
