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
/// adjacent runs of the same kind merged and, as `git --word-diff` shows it, a
/// replacement of several words one change: the spaces between changed words go with
/// the change, so `are crucial` → `produce the antibodies` reads
/// `[-are crucial-]{+produce the antibodies+}`, not word by word.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let diff = TextDiff::from_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let part = match change.tag() {
            ChangeTag::Equal => DiffPart::Equal(change.value().to_owned()),
            ChangeTag::Delete => DiffPart::Delete(change.value().to_owned()),
            ChangeTag::Insert => DiffPart::Insert(change.value().to_owned()),
        };
        push_merged(&mut parts, part);
    }
    group_changes(parts)
}

/// Appends `part`, merged into the last part when it is of the same kind.
fn push_merged(parts: &mut Vec<DiffPart>, part: DiffPart) {
    match (parts.last_mut(), part) {
        (Some(DiffPart::Equal(run)), DiffPart::Equal(text))
        | (Some(DiffPart::Delete(run)), DiffPart::Delete(text))
        | (Some(DiffPart::Insert(run)), DiffPart::Insert(text)) => run.push_str(&text),
        (_, part) => parts.push(part),
    }
}

/// Joins the changes separated only by spaces into one deletion and one insertion, when
/// both sides have words; a pure deletion or insertion stays as it is.
fn group_changes(parts: Vec<DiffPart>) -> Vec<DiffPart> {
    let mut grouped = Vec::new();
    // The parts of the change being gathered, and its two sides with the spaces inside.
    let mut group: Vec<DiffPart> = Vec::new();
    let flush = |group: &mut Vec<DiffPart>, grouped: &mut Vec<DiffPart>| {
        // Spaces after the last change belong to what follows.
        let trailing = match group.last() {
            Some(DiffPart::Equal(_)) => group.pop(),
            _ => None,
        };
        let (mut deleted, mut inserted) = (String::new(), String::new());
        for part in group.iter() {
            match part {
                DiffPart::Equal(text) => {
                    deleted.push_str(text);
                    inserted.push_str(text);
                }
                DiffPart::Delete(text) => deleted.push_str(text),
                DiffPart::Insert(text) => inserted.push_str(text),
            }
        }
        let words = |side: &str| !side.trim().is_empty();
        let spaced = group.iter().any(|p| matches!(p, DiffPart::Equal(_)));
        if spaced && words(&deleted) && words(&inserted) {
            grouped.push(DiffPart::Delete(deleted));
            grouped.push(DiffPart::Insert(inserted));
        } else {
            for part in group.drain(..) {
                push_merged(grouped, part);
            }
        }
        group.clear();
        if let Some(part) = trailing {
            push_merged(grouped, part);
        }
    };
    for part in parts {
        match &part {
            DiffPart::Equal(text) if !group.is_empty() && text.trim().is_empty() => {
                group.push(part);
            }
            DiffPart::Equal(_) => {
                flush(&mut group, &mut grouped);
                push_merged(&mut grouped, part);
            }
            DiffPart::Delete(_) | DiffPart::Insert(_) => group.push(part),
        }
    }
    flush(&mut group, &mut grouped);
    grouped
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
    fn a_replaced_phrase_is_one_change() {
        let parts = word_diff(
            "Plasma cells are crucial for immunity.",
            "Plasma cells produce the antibodies for immunity.",
        );
        assert_eq!(
            plain_diff(&parts),
            "Plasma cells [-are crucial-]{+produce the antibodies+} for immunity."
        );
    }

    #[test]
    fn a_pure_deletion_stays_as_it_is() {
        let parts = word_diff("a very big cat", "a cat");
        assert_eq!(
            (sides(&parts).0, sides(&parts).1),
            ("a very big cat".to_owned(), "a cat".to_owned())
        );
        assert!(!parts.iter().any(|p| matches!(p, DiffPart::Insert(_))));
    }

    /// The old and new texts a diff reads back to.
    fn sides(parts: &[DiffPart]) -> (String, String) {
        let mut old = String::new();
        let mut new = String::new();
        for part in parts {
            match part {
                DiffPart::Equal(t) => {
                    old.push_str(t);
                    new.push_str(t);
                }
                DiffPart::Delete(t) => old.push_str(t),
                DiffPart::Insert(t) => new.push_str(t),
            }
        }
        (old, new)
    }

    proptest::proptest! {
        /// Grouped or not, a diff reads back to both texts, and never has two runs of
        /// the same kind side by side.
        #[test]
        fn a_diff_reads_back_to_both_texts(
            old in "([a-d]{1,3}[ .]{1,2}){0,8}",
            new in "([a-d]{1,3}[ .]{1,2}){0,8}",
        ) {
            let parts = word_diff(&old, &new);
            proptest::prop_assert_eq!(sides(&parts), (old.clone(), new.clone()));
            for pair in parts.windows(2) {
                proptest::prop_assert!(
                    std::mem::discriminant(&pair[0]) != std::mem::discriminant(&pair[1]),
                    "{:?}", parts
                );
            }
        }
    }

    #[test]
    fn identical_text_is_one_equal_run() {
        assert_eq!(word_diff("a b", "a b"), [DiffPart::Equal("a b".into())]);
    }
}
