//! Stable unit ids: matching new units against the previous English ones.

use std::collections::{BTreeMap, BTreeSet};

use crate::markdown::{Detail, SourceUnit, SplitArticle, placeholder_index};
use crate::matching::{Old, match_identical, match_similar, relative};
use folio_model::{Layout, Unit, UnitId, UnitKind};

/// The previous English of an article, as the last extraction wrote it.
#[derive(Debug, Clone, Default)]
pub struct Previous {
    /// The previous units in reading order: kind, id and text.
    pub units: Vec<(UnitKind, UnitId, String)>,
    /// Ids retired earlier, never to be handed out again.
    pub retired: Vec<UnitId>,
}

impl Previous {
    /// Pairs a previous layout with the texts of its units (by id, as read back from the
    /// English `.ftl`). Units whose text is unknown are left out, so they can't be matched.
    pub fn new(layout: &Layout, texts: &BTreeMap<String, String>) -> Self {
        let units = layout
            .units()
            .into_iter()
            .filter_map(|(kind, id)| {
                texts
                    .get(id.as_str())
                    .map(|text| (kind, id.clone(), text.clone()))
            })
            .collect();
        Previous {
            units,
            retired: layout.retired.clone(),
        }
    }
}

/// An article's English units with their ids, grouped for the `.ftl` file, and its layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extracted {
    /// Each unit with the name of its group (section) in the `.ftl` file, reading order.
    pub units: Vec<(Option<String>, Unit)>,
    /// The page layout referring to the units by id.
    pub layout: Layout,
}

/// Gives every unit of `article` an id, keeping the ids of `previous` where the block is
/// the same block, and builds the layout.
///
/// In order: `title` and `description` are fixed; an id pinned in the Markdown wins; a
/// unit whose text equals a previous unit's of the same kind keeps its id (the nearest in
/// position if several); a unit whose words resemble a remaining previous unit's above
/// [`SIMILARITY_THRESHOLD`](crate::SIMILARITY_THRESHOLD) keeps its id (best score first). Any other unit gets a fresh
/// id from its section and kind (`types-immunotherapy-p2`) that no unit of this article
/// has ever had. Previous ids left unmatched are retired.
///
/// Invariants (tested): inserting, deleting or moving a block changes no other unit's
/// id; running it again on its own output changes nothing.
pub fn assign_ids(article: &SplitArticle, previous: &Previous) -> Extracted {
    let mut ids = matched_ids(article, previous);
    let taken: BTreeSet<UnitId> = ids.iter().flatten().cloned().collect();

    // Everything else gets an id no unit of this article has had.
    let mut never_reuse: BTreeSet<UnitId> = taken.clone();
    never_reuse.extend(previous.units.iter().map(|(_, id, _)| id.clone()));
    never_reuse.extend(previous.retired.iter().cloned());
    for (index, unit) in article.units.iter().enumerate() {
        if ids[index].is_none() {
            let id = fresh_id(unit, &never_reuse);
            never_reuse.insert(id.clone());
            ids[index] = Some(id);
        }
    }
    let ids: Vec<UnitId> = ids
        .into_iter()
        .map(|id| id.expect("every unit got an id"))
        .collect();

    let current: BTreeSet<&UnitId> = ids.iter().collect();
    let mut retired: BTreeSet<UnitId> = previous.retired.iter().cloned().collect();
    retired.extend(previous.units.iter().map(|(_, id, _)| id.clone()));
    retired.retain(|id| !current.contains(id));

    let units = article
        .units
        .iter()
        .zip(&ids)
        .map(|(unit, id)| {
            let group = match unit.kind {
                UnitKind::Title | UnitKind::Description | UnitKind::Meta => {
                    Some("Page metadata".to_owned())
                }
                _ => Some(
                    unit.section
                        .clone()
                        .unwrap_or_else(|| "Introduction".to_owned()),
                ),
            };
            let unit = Unit {
                id: id.clone(),
                kind: unit.kind,
                text: unit.text.clone(),
                context: context(unit),
            };
            (group, unit)
        })
        .collect();
    let layout = Layout {
        title: article.title.map(|i| ids[i].clone()),
        description: article.description.map(|i| ids[i].clone()),
        meta: article
            .meta
            .iter()
            .map(|(key, index)| (key.clone(), ids[*index].clone()))
            .collect(),
        front_matter: article.front_matter.clone(),
        blocks: article
            .shape
            .iter()
            .map(|shape| {
                let mut block = shape.clone();
                block.rename_units(&mut |placeholder| ids[placeholder_index(placeholder)].clone());
                block
            })
            .collect(),
        retired: retired.into_iter().collect(),
    };
    Extracted { units, layout }
}

/// The ids fixed (title, description), pinned, or kept from a matching previous unit;
/// `None` for units that need a fresh id.
///
/// Cost: near-linear in the number of units. Identical text is found through a hash map
/// and similar text through a token index that bounds each pair's score before any diff
/// (see `matching.rs`), so an unchanged article re-extracts about as fast as it extracts.
fn matched_ids(article: &SplitArticle, previous: &Previous) -> Vec<Option<UnitId>> {
    let mut ids: Vec<Option<UnitId>> = vec![None; article.units.len()];
    let mut taken: BTreeSet<UnitId> = BTreeSet::new();

    for (index, unit) in article.units.iter().enumerate() {
        let fixed = match unit.kind {
            UnitKind::Title => Some(fixed_id("title")),
            UnitKind::Description => Some(fixed_id("description")),
            _ => unit.pinned.clone(),
        };
        if let Some(id) = fixed {
            taken.insert(id.clone());
            ids[index] = Some(id);
        }
    }

    let mut pool: Vec<Option<Old<'_>>> = previous
        .units
        .iter()
        .enumerate()
        .map(|(i, (kind, id, text))| {
            (!taken.contains(id)).then_some(Old {
                kind: *kind,
                id,
                text: text.as_str(),
                position: relative(i, previous.units.len()),
            })
        })
        .collect();
    match_identical(&article.units, &mut ids, &mut pool);
    match_similar(&article.units, &mut ids, &mut pool);
    ids
}

fn fixed_id(id: &str) -> UnitId {
    UnitId::new(id).expect("fixed ids are valid identifiers")
}

/// `{section}-{kind}{n}`: n starts at the unit's ordinal in its section and goes up
/// until the id is unused.
fn fresh_id(unit: &SourceUnit, used: &BTreeSet<UnitId>) -> UnitId {
    let section = slug(unit.section.as_deref().unwrap_or("intro"));
    let (stem, first) = match unit.kind {
        UnitKind::Heading => return first_unused(&format!("{section}-heading"), 1, used, true),
        UnitKind::Paragraph => ("p", unit.ordinal),
        UnitKind::ListItem => ("li", unit.ordinal),
        UnitKind::HeaderCell => ("th", unit.ordinal),
        UnitKind::BodyCell => ("td", unit.ordinal),
        UnitKind::Quote => ("quote", unit.ordinal),
        UnitKind::Footnote => ("note", unit.ordinal),
        UnitKind::HtmlText => ("html", unit.ordinal),
        UnitKind::Attribute => ("alt", unit.ordinal),
        UnitKind::Title => ("title", 1),
        UnitKind::Description => ("description", 1),
        UnitKind::Meta => ("meta", 1),
    };
    first_unused(&format!("{section}-{stem}"), first, used, false)
}

/// `base{n}` for the first n ≥ `first` not in `used`; when `bare_first`, plain `base`
/// stands for n = 1.
fn first_unused(base: &str, first: usize, used: &BTreeSet<UnitId>, bare_first: bool) -> UnitId {
    (first..)
        .map(|n| {
            if bare_first && n == 1 {
                base.to_owned()
            } else {
                format!("{base}{n}")
            }
        })
        .map(|id| UnitId::new(id).expect("slugs make valid identifiers"))
        .find(|id| !used.contains(id))
        .expect("an unused id exists")
}

const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with",
];

/// A short id stem from a heading: up to four lowercase ASCII words, stop words dropped,
/// always starting with a letter.
fn slug(heading: &str) -> String {
    let lower = heading.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .take(4)
        .collect();
    let slug = words.join("-");
    match slug.chars().next() {
        Some(c) if c.is_ascii_alphabetic() => slug,
        Some(_) => format!("s-{slug}"),
        None => "section".to_owned(),
    }
}

/// The translator's one-line description of a unit.
fn context(unit: &SourceUnit) -> String {
    let place = match &unit.section {
        Some(section) => format!("\"{section}\""),
        None => "the introduction".to_owned(),
    };
    match (unit.kind, &unit.detail) {
        (UnitKind::Title, _) => {
            "Page title: the article's headline, also shown in the browser tab".to_owned()
        }
        (UnitKind::Description, _) => {
            "Meta description: the summary search engines show; keep it under about 160 characters"
                .to_owned()
        }
        (UnitKind::Heading, _) => format!("Section heading {place}"),
        (UnitKind::Paragraph, _) => format!("Paragraph {} of {place}", unit.ordinal),
        (UnitKind::ListItem, _) => format!("List item {} of {place}", unit.ordinal),
        (UnitKind::Quote, _) => format!("Quoted paragraph {} of {place}", unit.ordinal),
        (UnitKind::Footnote, _) => format!("Footnote {} of {place}", unit.ordinal),
        (UnitKind::HtmlText, _) => format!("Text in HTML {} of {place}", unit.ordinal),
        (UnitKind::Attribute, _) => format!(
            "Image description or tooltip {} of {place}: plain text, read aloud to blind readers",
            unit.ordinal
        ),
        (UnitKind::Meta, _) => "Front matter value: plain text".to_owned(),
        (UnitKind::HeaderCell, _) => format!("Table header cell {} of {place}", unit.ordinal),
        (
            UnitKind::BodyCell,
            Detail::Cell {
                row,
                column,
                header,
            },
        ) => match header {
            Some(header) => format!("Table cell of {place}: row {row}, column \"{header}\""),
            None => format!("Table cell of {place}: row {row}, column {column}"),
        },
        (UnitKind::BodyCell, Detail::None) => format!("Table cell {} of {place}", unit.ordinal),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::matching::SIMILARITY_THRESHOLD;
    use crate::split_article;
    use similar::TextDiff;

    #[test]
    fn slugs_are_short_identifiers() {
        assert_eq!(
            slug("Understanding Immunotherapy for Multiple Myeloma"),
            "understanding-immunotherapy-multiple-myeloma"
        );
        assert_eq!(slug("Types of Immunotherapy"), "types-immunotherapy");
        assert_eq!(slug("2024 update"), "s-2024-update");
        assert_eq!(slug("¿Qué?"), "qu");
        assert_eq!(slug("¿¡!?"), "section");
        assert_eq!(slug("Café & crème"), "caf-cr-me");
    }

    /// The matching as first written: every pair scored. The indexed matching must give
    /// exactly its answers.
    fn match_quadratic(article: &SplitArticle, previous: &Previous) -> Vec<Option<UnitId>> {
        let mut ids: Vec<Option<UnitId>> = vec![None; article.units.len()];
        let mut taken: BTreeSet<UnitId> = BTreeSet::new();
        for (index, unit) in article.units.iter().enumerate() {
            let fixed = match unit.kind {
                UnitKind::Title => Some(fixed_id("title")),
                UnitKind::Description => Some(fixed_id("description")),
                _ => unit.pinned.clone(),
            };
            if let Some(id) = fixed {
                taken.insert(id.clone());
                ids[index] = Some(id);
            }
        }
        let mut pool: Vec<Option<(UnitKind, &UnitId, &str, f32)>> = previous
            .units
            .iter()
            .enumerate()
            .map(|(i, (kind, id, text))| {
                let position = relative(i, previous.units.len());
                (!taken.contains(id)).then_some((*kind, id, text.as_str(), position))
            })
            .collect();

        // Identical text: the nearest previous unit of the same kind.
        for (index, unit) in article.units.iter().enumerate() {
            if ids[index].is_some() {
                continue;
            }
            let position = relative(index, article.units.len());
            let best = pool
                .iter()
                .enumerate()
                .filter_map(|(slot, old)| old.map(|old| (slot, old)))
                .filter(|(_, (kind, _, text, _))| {
                    kind.family() == unit.kind.family() && *text == unit.text
                })
                .min_by(|a, b| {
                    (a.1.3 - position)
                        .abs()
                        .total_cmp(&(b.1.3 - position).abs())
                });
            if let Some((slot, (_, id, _, _))) = best {
                ids[index] = Some(id.clone());
                taken.insert(id.clone());
                pool[slot] = None;
            }
        }

        // Edited text: the most similar remaining previous unit of the same kind.
        let mut candidates = Vec::new();
        for (index, unit) in article.units.iter().enumerate() {
            if ids[index].is_some() {
                continue;
            }
            let position = relative(index, article.units.len());
            for (slot, old) in pool.iter().enumerate() {
                let Some((kind, _, text, old_position)) = old else {
                    continue;
                };
                if kind.family() != unit.kind.family() {
                    continue;
                }
                let score = TextDiff::from_words(*text, unit.text.as_str()).ratio();
                if score >= SIMILARITY_THRESHOLD {
                    candidates.push((score, (old_position - position).abs(), index, slot));
                }
            }
        }
        candidates.sort_by(|a, b| {
            b.0.total_cmp(&a.0)
                .then(a.1.total_cmp(&b.1))
                .then((a.2, a.3).cmp(&(b.2, b.3)))
        });
        for (_, _, index, slot) in candidates {
            if ids[index].is_some() {
                continue;
            }
            if let Some((_, id, _, _)) = pool[slot].take() {
                ids[index] = Some(id.clone());
                taken.insert(id.clone());
            }
        }
        ids
    }

    fn extract(markdown: &str, previous: &Previous) -> Extracted {
        assign_ids(&split_article(markdown).unwrap(), previous)
    }

    fn as_previous(extracted: &Extracted) -> Previous {
        let texts = extracted
            .units
            .iter()
            .map(|(_, u)| (u.id.to_string(), u.text.clone()))
            .collect();
        Previous::new(&extracted.layout, &texts)
    }

    #[test]
    fn re_extraction_is_a_fixed_point() {
        let md = "# A\n\nOne.\n\nTwo.\n\n- x\n- y\n\n| h | i |\n|---|---|\n| 1 | |\n";
        let first = extract(md, &Previous::default());
        let second = extract(md, &as_previous(&first));
        assert_eq!(first, second);
    }

    #[test]
    fn retired_ids_are_never_reused() {
        let v1 = extract("# S\n\nAlpha beta gamma.\n", &Previous::default());
        let v2 = extract(
            "# S\n\nSomething else entirely, nothing shared.\n",
            &as_previous(&v1),
        );
        assert_eq!(v2.units[1].1.id.as_str(), "s-p2");
        assert_eq!(v2.layout.retired, [UnitId::new("s-p1").unwrap()]);
        let v3 = extract(
            "# S\n\nSomething else entirely, nothing shared.\n\nNew.\n",
            &as_previous(&v2),
        );
        assert_eq!(v3.units[2].1.id.as_str(), "s-p3");
    }

    #[test]
    fn pinned_ids_win_over_matches() {
        let v1 = extract("# S\n\nAlpha.\n\nBeta.\n", &Previous::default());
        let v2 = extract(
            "# S\n\nAlpha. <!-- folio-id: s-p2 -->\n\nBeta.\n",
            &as_previous(&v1),
        );
        let ids: Vec<_> = v2.units.iter().map(|(_, u)| u.id.as_str()).collect();
        assert_eq!(ids, ["s-heading", "s-p2", "s-p3"]);
        assert_eq!(v2.layout.retired, [UnitId::new("s-p1").unwrap()]);
    }

    /// Property tests of the id invariants on generated articles and edits.
    mod properties {
        use super::*;
        use proptest::prelude::*;

        /// A block of a generated article: its kind (0 paragraph, 1 heading, 2 list item)
        /// and words. Texts built by [`unique`] carry a serial word, so no two blocks are
        /// identical and "untouched" is well defined.
        type Block = (u8, Vec<&'static str>);

        const WORDS: &[&str] = &["alpha", "beta", "gamma", "delta", "the", "of", "cells", "x"];

        fn block() -> impl Strategy<Value = Block> {
            (
                prop_oneof![6 => Just(0u8), 1 => Just(1u8), 2 => Just(2u8)],
                prop::collection::vec(prop::sample::select(WORDS), 1..12),
            )
        }

        fn markdown(blocks: &[Block], serials: &[usize]) -> String {
            let mut text = String::new();
            for ((kind, words), serial) in blocks.iter().zip(serials) {
                let mut words: Vec<String> = words.iter().map(|w| w.to_string()).collect();
                if *serial != usize::MAX {
                    words.insert(0, format!("n{serial}"));
                }
                let prefix = ["", "## ", "- "][*kind as usize];
                text.push_str(&format!("{prefix}{}\n\n", words.join(" ")));
            }
            text
        }

        /// An edit of the article, by indices taken modulo its length.
        #[derive(Debug, Clone)]
        enum Edit {
            Insert(usize, Block),
            Delete(usize),
            Move(usize, usize),
            /// Replaces one word (never the serial) of a block of at least 8 words.
            Reword(usize, usize, &'static str),
        }

        fn edit() -> impl Strategy<Value = Edit> {
            prop_oneof![
                (any::<usize>(), block()).prop_map(|(at, b)| Edit::Insert(at, b)),
                any::<usize>().prop_map(Edit::Delete),
                (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Move(a, b)),
                (any::<usize>(), any::<usize>(), prop::sample::select(WORDS))
                    .prop_map(|(at, word, new)| Edit::Reword(at, word, new)),
            ]
        }

        /// The article as blocks with serials, and which blocks (by serial) an edit
        /// touched.
        struct Article {
            blocks: Vec<Block>,
            serials: Vec<usize>,
            next_serial: usize,
        }

        impl Article {
            fn apply(&mut self, edit: &Edit, touched: &mut BTreeSet<usize>) {
                let len = self.blocks.len();
                match edit.clone() {
                    Edit::Insert(at, block) => {
                        let at = at % (len + 1);
                        self.blocks.insert(at, block);
                        self.serials.insert(at, self.next_serial);
                        self.next_serial += 1;
                    }
                    Edit::Delete(at) if len > 1 => {
                        let at = at % len;
                        self.blocks.remove(at);
                        self.serials.remove(at);
                    }
                    Edit::Move(from, to) if len > 1 => {
                        let block = self.blocks.remove(from % len);
                        let serial = self.serials.remove(from % len);
                        self.blocks.insert(to % len, block);
                        self.serials.insert(to % len, serial);
                    }
                    Edit::Reword(at, word, new) if len > 0 => {
                        let at = at % len;
                        let words = &mut self.blocks[at].1;
                        if words.len() >= 8 {
                            let word = word % words.len();
                            if words[word] != new {
                                words[word] = new;
                                touched.insert(self.serials[at]);
                            }
                        }
                    }
                    _ => {}
                }
            }

            fn markdown(&self) -> String {
                markdown(&self.blocks, &self.serials)
            }
        }

        /// Ids by serial word of the block.
        fn ids_by_serial(extracted: &Extracted) -> BTreeMap<String, UnitId> {
            extracted
                .units
                .iter()
                .map(|(_, u)| {
                    let serial = u.text.split_whitespace().find(|w| w.starts_with('n'));
                    (serial.unwrap_or_default().to_owned(), u.id.clone())
                })
                .collect()
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(256))]

            #[test]
            fn ids_survive_edits(
                blocks in prop::collection::vec(block(), 1..24),
                rounds in prop::collection::vec(prop::collection::vec(edit(), 1..5), 1..4),
            ) {
                let serials: Vec<usize> = (0..blocks.len()).collect();
                let mut article = Article { next_serial: blocks.len(), blocks, serials };
                let mut current = extract(&article.markdown(), &Previous::default());
                let mut ever: BTreeSet<UnitId> = BTreeSet::new();
                for edits in rounds {
                    ever.extend(current.units.iter().map(|(_, u)| u.id.clone()));
                    let before = ids_by_serial(&current);
                    let mut touched = BTreeSet::new();
                    for edit in &edits {
                        article.apply(edit, &mut touched);
                    }
                    let previous = as_previous(&current);
                    let next = extract(&article.markdown(), &previous);

                    // Ids are valid identifiers and unique.
                    let ids: Vec<&UnitId> = next.units.iter().map(|(_, u)| &u.id).collect();
                    let unique: BTreeSet<&UnitId> = ids.iter().copied().collect();
                    prop_assert_eq!(unique.len(), ids.len());
                    for id in &ids {
                        prop_assert!(UnitId::new(id.as_str()).is_ok());
                    }
                    // Untouched blocks (moved ones included) keep their ids.
                    for (serial, id) in ids_by_serial(&next) {
                        let serial_number: usize = serial[1..].parse().unwrap();
                        if let Some(old) = before.get(&serial)
                            && !touched.contains(&serial_number)
                        {
                            prop_assert_eq!(old, &id, "block {} was renamed", serial);
                        }
                    }
                    // An id that is not carried over was never handed out before.
                    for id in &ids {
                        if !previous.units.iter().any(|(_, old, _)| old == *id) {
                            prop_assert!(!ever.contains(*id), "{} is reused", id);
                        }
                    }
                    // Retired ids stay retired, and every id that left is retired.
                    for id in &ever {
                        prop_assert!(unique.contains(id) || next.layout.retired.contains(id));
                    }
                    // Re-extracting unchanged text changes nothing.
                    let again = extract(&article.markdown(), &as_previous(&next));
                    prop_assert_eq!(&again, &next);
                    current = next;
                }
            }

            #[test]
            fn indexed_matching_gives_the_quadratic_answers(
                old in prop::collection::vec(block(), 0..30),
                new in prop::collection::vec(block(), 0..30),
                edits in prop::collection::vec(edit(), 0..6),
            ) {
                // No serials: identical and near-identical texts abound, to exercise ties.
                let none = vec![usize::MAX; 64];
                let first = extract(&markdown(&old, &none), &Previous::default());
                let previous = as_previous(&first);
                let mut article = Article { blocks: new, serials: none.clone(), next_serial: usize::MAX };
                article.serials.truncate(article.blocks.len());
                for edit in &edits {
                    if let Edit::Insert(..) = edit {
                        continue;
                    }
                    article.apply(edit, &mut BTreeSet::new());
                }
                let split = split_article(&article.markdown()).unwrap();
                prop_assert_eq!(matched_ids(&split, &previous), match_quadratic(&split, &previous));
                // The same old text edited, against itself: mostly similarity matches.
                let mut edited = Article { blocks: old.clone(), serials: none.clone(), next_serial: usize::MAX };
                edited.serials.truncate(edited.blocks.len());
                for edit in &edits {
                    if let Edit::Insert(..) = edit {
                        continue;
                    }
                    edited.apply(edit, &mut BTreeSet::new());
                }
                let split = split_article(&edited.markdown()).unwrap();
                prop_assert_eq!(matched_ids(&split, &previous), match_quadratic(&split, &previous));
            }
        }

        #[test]
        fn many_similar_units_match_as_before() {
            // Every paragraph shares most words with every other: the bound prunes little
            // and the frontier of kept pairs is refilled.
            let para = |i: usize, extra: &str| {
                format!("alpha beta gamma delta {} {extra}\n\n", "x ".repeat(i % 5))
            };
            let old: String = (0..60).map(|i| para(i, "one")).collect();
            let new: String = (0..60).map(|i| para(i * 7, "two")).collect();
            let previous = as_previous(&extract(&old, &Previous::default()));
            let split = split_article(&new).unwrap();
            assert_eq!(
                matched_ids(&split, &previous),
                match_quadratic(&split, &previous)
            );
        }
    }
}
