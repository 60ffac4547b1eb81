//! Stable unit ids: matching new units against the previous English ones.

use std::collections::{BTreeMap, BTreeSet};

use folio_model::{Block, Layout, Unit, UnitId, UnitKind};
use similar::TextDiff;

use crate::markdown::{Detail, Shape, SourceUnit, SplitArticle};

/// Word similarity (0–1, `similar`'s ratio over words) above which an edited block keeps
/// the id of the previous unit it resembles. Below it the block counts as rewritten: it
/// gets a new id and the old one is retired. One changed word in a sentence scores ~0.9;
/// a fresh paragraph on the same topic scores under 0.3.
pub const SIMILARITY_THRESHOLD: f32 = 0.5;

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
/// [`SIMILARITY_THRESHOLD`] keeps its id (best score first). Any other unit gets a fresh
/// id from its section and kind (`types-immunotherapy-p2`) that no unit of this article
/// has ever had. Previous ids left unmatched are retired.
///
/// Invariants (tested): inserting, deleting or moving a block changes no other unit's
/// id; running it again on its own output changes nothing.
pub fn assign_ids(article: &SplitArticle, previous: &Previous) -> Extracted {
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
            .filter(|(_, (kind, _, text, _))| *kind == unit.kind && *text == unit.text)
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
            if *kind != unit.kind {
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
                UnitKind::Title | UnitKind::Description => Some("Page metadata".to_owned()),
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
        blocks: article
            .shape
            .iter()
            .map(|shape| block(shape, &ids))
            .collect(),
        retired: retired.into_iter().collect(),
    };
    Extracted { units, layout }
}

fn fixed_id(id: &str) -> UnitId {
    UnitId::new(id).expect("fixed ids are valid identifiers")
}

/// Position of item `index` of `len` as a fraction, so articles of different lengths
/// compare.
fn relative(index: usize, len: usize) -> f32 {
    index as f32 / len.max(1) as f32
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
        UnitKind::Title => ("title", 1),
        UnitKind::Description => ("description", 1),
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

fn block(shape: &Shape, ids: &[UnitId]) -> Block {
    let id = |index: &usize| ids[*index].clone();
    let cells = |cells: &Vec<Option<usize>>| cells.iter().map(|c| c.as_ref().map(id)).collect();
    match shape {
        Shape::Heading { level, unit } => Block::Heading {
            level: *level,
            id: id(unit),
        },
        Shape::Paragraph { unit } => Block::Paragraph { id: id(unit) },
        Shape::List { start, items } => Block::List {
            start: *start,
            items: items.iter().map(id).collect(),
        },
        Shape::Table {
            alignments,
            header,
            rows,
        } => Block::Table {
            alignments: alignments.clone(),
            header: cells(header),
            rows: rows.iter().map(cells).collect(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::split_article;

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
}
