//! Matching new units against the previous English ones without comparing every pair.
//!
//! [`crate::assign_ids`] promises: a unit whose text equals a previous unit's of the same
//! kind takes the nearest one's id; then, best score first, a unit takes the id of the
//! previous unit whose text resembles it with a `similar` word ratio of at least
//! [`SIMILARITY_THRESHOLD`]. Done naively that is a string comparison and a diff per pair
//! of units: hours for a long article. This module gives the same answers, pair for pair:
//!
//! - identical text is looked up in a hash map, and the nearest of several identical
//!   previous units is found by binary search over their positions;
//! - for similarity, an inverted index from tokens to previous units bounds each pair's
//!   ratio from above (the ratio counts matching tokens, and no diff matches more of a
//!   token than both texts have), and a lazy best-first search diffs a pair only when its
//!   bound could beat every pair already scored. An edited paragraph is usually settled
//!   by one diff, against the paragraph it was.
//!
//! Why not shingles or rare words as the candidate filter: a word diff counts the spaces
//! between words as tokens too, so two paragraphs of the same length that share a single
//! word can score 0.5. Any filter looser than "shares a token" would change which ids are
//! kept; the bound prunes as much while keeping every answer.

use std::cmp::Ordering;
use std::collections::{BTreeSet, BinaryHeap, HashMap};

use folio_model::{UnitId, UnitKind};
use similar::TextDiff;

use crate::markdown::SourceUnit;

/// Word similarity (0–1, `similar`'s ratio over words) above which an edited block keeps
/// the id of the previous unit it resembles. Below it the block counts as rewritten: it
/// gets a new id and the old one is retired. One changed word in a sentence scores ~0.9;
/// a fresh paragraph on the same topic scores under 0.3.
pub const SIMILARITY_THRESHOLD: f32 = 0.5;

/// A previous unit still free to be matched.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Old<'p> {
    pub kind: UnitKind,
    pub id: &'p UnitId,
    pub text: &'p str,
    /// Relative position in the previous article (see `relative`).
    pub position: f32,
}

/// Position of item `index` of `len` as a fraction, so articles of different lengths
/// compare.
pub(crate) fn relative(index: usize, len: usize) -> f32 {
    index as f32 / len.max(1) as f32
}

/// Identical text: each unit without an id, in order, takes the id of the nearest
/// previous unit of its kind with exactly its text (the earliest of equally near ones).
pub(crate) fn match_identical<'p>(
    units: &[SourceUnit],
    ids: &mut [Option<UnitId>],
    pool: &mut [Option<Old<'p>>],
) {
    let len = pool.len();
    let mut by_text: HashMap<(u8, &str), BTreeSet<usize>> = HashMap::new();
    for (slot, old) in pool.iter().enumerate() {
        if let Some(old) = old {
            by_text
                .entry((old.kind.family(), old.text))
                .or_default()
                .insert(slot);
        }
    }
    for (index, unit) in units.iter().enumerate() {
        if ids[index].is_some() {
            continue;
        }
        let Some(slots) = by_text.get_mut(&(unit.kind.family(), unit.text.as_str())) else {
            continue;
        };
        let position = relative(index, units.len());
        if let Some(slot) = nearest(slots, position, len) {
            slots.remove(&slot);
            ids[index] = pool[slot].take().map(|old| old.id.clone());
        }
    }
}

/// The slot of `slots` whose position is nearest `position`, the lowest on a tie.
///
/// Positions grow with the slot, so distances fall up to `position` and rise after it:
/// the nearest slot is the last one before or the first one at or after, and slots tied
/// with it are its neighbours.
fn nearest(slots: &BTreeSet<usize>, position: f32, len: usize) -> Option<usize> {
    let distance = |slot: usize| (relative(slot, len) - position).abs();
    let (mut low, mut high) = (0, len);
    while low < high {
        let middle = low + (high - low) / 2;
        if relative(middle, len) < position {
            low = middle + 1;
        } else {
            high = middle;
        }
    }
    let after = slots.range(low..).next().copied();
    let Some(before) = slots.range(..low).next_back().copied() else {
        return after;
    };
    let best = distance(before);
    if after.is_some_and(|after| distance(after).total_cmp(&best).is_lt()) {
        return after;
    }
    Some(
        slots
            .range(..before)
            .rev()
            .take_while(|&&slot| distance(slot).total_cmp(&best).is_eq())
            .last()
            .copied()
            .unwrap_or(before),
    )
}

/// A pair (new unit, previous unit) with its score, or an upper bound of it. The order is
/// the order pairs are matched in: higher score, then nearer, then earlier unit, then
/// earlier previous unit.
#[derive(Debug, Clone, Copy)]
struct Pair {
    score: f32,
    distance: f32,
    index: usize,
    slot: usize,
    /// Whether `score` is the real ratio rather than a bound.
    exact: bool,
}

impl Ord for Pair {
    fn cmp(&self, other: &Self) -> Ordering {
        self.score
            .total_cmp(&other.score)
            .then(other.distance.total_cmp(&self.distance))
            .then(other.index.cmp(&self.index))
            .then(other.slot.cmp(&self.slot))
    }
}

impl PartialOrd for Pair {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Pair {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pair {}

/// How many bounded pairs of one unit are kept at a time; more are recomputed when these
/// run out, which an edited paragraph, settled by its first pair or two, never needs.
const KEPT: usize = 16;

/// The single space between two words: the commonest token by far, counted per text
/// rather than indexed (see [`Index::bounds`]).
const SPACE: &str = " ";

/// Tokens of `text` as `similar`'s word diff sees them: maximal runs of whitespace and
/// of anything else.
fn tokens(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let space = first.is_whitespace();
        let end = rest
            .char_indices()
            .find(|(_, c)| c.is_whitespace() != space)
            .map_or(rest.len(), |(i, _)| i);
        let (token, tail) = rest.split_at(end);
        rest = tail;
        Some(token)
    })
}

/// A text as counts: how many tokens, how many of them single spaces, and every other
/// token (interned) with its count.
struct Counted {
    len: usize,
    spaces: usize,
    others: Vec<(usize, usize)>,
}

/// Previous units by token, to bound the ratio of a new unit against each of them.
struct Index<'t> {
    tokens: HashMap<&'t str, usize>,
    /// Per token, the slots whose text has it, with its count there.
    postings: Vec<Vec<(usize, usize)>>,
    /// Per slot, its counted text (`None` for slots already matched).
    counted: Vec<Option<Counted>>,
    /// Per slot, the shared-token tally of the unit being bounded (scratch).
    tally: Vec<usize>,
}

impl<'t> Index<'t> {
    fn new(pool: &[Option<Old<'t>>]) -> Self {
        let mut index = Index {
            tokens: HashMap::new(),
            postings: Vec::new(),
            counted: Vec::with_capacity(pool.len()),
            tally: vec![0; pool.len()],
        };
        for (slot, old) in pool.iter().enumerate() {
            let counted = old.map(|old| index.count(old.text, true));
            if let Some(counted) = &counted {
                for &(token, count) in &counted.others {
                    index.postings[token].push((slot, count));
                }
            }
            index.counted.push(counted);
        }
        index
    }

    /// Counts the tokens of `text`, interning new ones when `intern` (previous units);
    /// a new unit's token no previous unit has can match nothing and is only counted.
    fn count(&mut self, text: &'t str, intern: bool) -> Counted {
        let mut counted = Counted {
            len: 0,
            spaces: 0,
            others: Vec::new(),
        };
        let mut seen: HashMap<usize, usize> = HashMap::new();
        for token in tokens(text) {
            counted.len += 1;
            if token == SPACE {
                counted.spaces += 1;
                continue;
            }
            let id = match self.tokens.get(token) {
                Some(&id) => id,
                None if intern => {
                    self.postings.push(Vec::new());
                    self.tokens.insert(token, self.postings.len() - 1);
                    self.postings.len() - 1
                }
                None => continue,
            };
            *seen.entry(id).or_default() += 1;
        }
        counted.others = seen.into_iter().collect();
        counted.others.sort_unstable();
        counted
    }

    /// Every pair of unit `index` (of `kind`, counted as `unit`) with a free slot whose
    /// bound reaches the threshold and that comes after `after` in matching order.
    ///
    /// The bound is `2 · shared / (len + len')`, `shared` being the tokens both texts have
    /// (counting repeats): a diff matches no more than that. A slot that shares no token
    /// but single spaces can't reach the threshold — every such space sits between two
    /// other tokens, so a text has more other tokens than spaces — so only slots that
    /// share another token are visited, through the postings.
    fn bounds(
        &mut self,
        unit: &Counted,
        index: usize,
        position: f32,
        pool: &[Option<Old<'_>>],
        kind: UnitKind,
        after: Option<Pair>,
    ) -> Vec<Pair> {
        let mut touched = Vec::new();
        for &(token, count) in &unit.others {
            for &(slot, old_count) in &self.postings[token] {
                if self.tally[slot] == 0 {
                    touched.push(slot);
                }
                self.tally[slot] += count.min(old_count);
            }
        }
        if unit.len == 0 {
            // Two empty texts score 1; an empty and a non-empty one 0.
            touched.extend(
                (0..pool.len())
                    .filter(|&slot| self.counted[slot].as_ref().is_some_and(|c| c.len == 0)),
            );
        }
        let mut pairs = Vec::new();
        for slot in touched {
            let shared = std::mem::take(&mut self.tally[slot]);
            let (Some(old), Some(counted)) = (&pool[slot], &self.counted[slot]) else {
                continue;
            };
            if old.kind.family() != kind.family() {
                continue;
            }
            let shared = shared + unit.spaces.min(counted.spaces);
            let pair = Pair {
                score: ratio(shared, unit.len + counted.len),
                distance: (old.position - position).abs(),
                index,
                slot,
                exact: false,
            };
            if pair.score >= SIMILARITY_THRESHOLD && after.is_none_or(|after| pair < after) {
                pairs.push(pair);
            }
        }
        pairs
    }
}

/// `similar`'s ratio for `matched` tokens out of `len` in both texts together.
fn ratio(matched: usize, len: usize) -> f32 {
    if len == 0 {
        1.0
    } else {
        2.0 * matched as f32 / len as f32
    }
}

/// The pairs of one unit not yet in the search, best last, and whether more exist
/// beyond them.
struct Frontier {
    pairs: Vec<Pair>,
    more: bool,
}

impl Frontier {
    fn new(mut pairs: Vec<Pair>) -> Self {
        let more = pairs.len() > KEPT;
        if more {
            pairs.select_nth_unstable_by(KEPT - 1, |a, b| b.cmp(a));
            pairs.truncate(KEPT);
            // Kept for every unit at once: drop the room the other bounds took.
            pairs.shrink_to_fit();
        }
        pairs.sort_unstable();
        Frontier { pairs, more }
    }
}

/// Edited text: units without an id take the ids of the remaining previous units they
/// resemble, best pair first, exactly as scoring every pair of the same kind with
/// `similar`'s word ratio and taking them in order (score, nearness, unit, previous
/// unit) would.
pub(crate) fn match_similar<'p>(
    units: &'p [SourceUnit],
    ids: &mut [Option<UnitId>],
    pool: &mut [Option<Old<'p>>],
) {
    let mut index = Index::new(pool);
    let mut counted: Vec<Option<Counted>> = Vec::with_capacity(units.len());
    let mut frontiers: Vec<Option<Frontier>> = Vec::with_capacity(units.len());
    let mut search = BinaryHeap::new();
    for (i, unit) in units.iter().enumerate() {
        if ids[i].is_some() {
            counted.push(None);
            frontiers.push(None);
            continue;
        }
        let unit_counted = index.count(&unit.text, false);
        let position = relative(i, units.len());
        let pairs = index.bounds(&unit_counted, i, position, pool, unit.kind, None);
        let mut frontier = Frontier::new(pairs);
        search.extend(frontier.pairs.pop());
        counted.push(Some(unit_counted));
        frontiers.push(Some(frontier));
    }

    // Best first: a bound that comes out on top is replaced by its pair's real score, and
    // the unit's next bound joins the search, so a scored pair that comes out on top beats
    // every pair not yet scored.
    while let Some(pair) = search.pop() {
        if ids[pair.index].is_some() {
            continue;
        }
        if !pair.exact
            && let Some(next) = next_pair(&mut frontiers, &mut index, &counted, units, pool, pair)
        {
            search.push(next);
        }
        let Some(old) = pool[pair.slot] else {
            continue;
        };
        if pair.exact {
            ids[pair.index] = Some(old.id.clone());
            pool[pair.slot] = None;
            index.counted[pair.slot] = None;
            continue;
        }
        let score = TextDiff::from_words(old.text, units[pair.index].text.as_str()).ratio();
        if score >= SIMILARITY_THRESHOLD {
            search.push(Pair {
                score,
                exact: true,
                ..pair
            });
        }
    }
}

/// The next pair of `taken`'s unit after `taken`, recomputing the unit's bounds when the
/// kept ones ran out.
fn next_pair(
    frontiers: &mut [Option<Frontier>],
    index: &mut Index<'_>,
    counted: &[Option<Counted>],
    units: &[SourceUnit],
    pool: &[Option<Old<'_>>],
    taken: Pair,
) -> Option<Pair> {
    let frontier = frontiers[taken.index].as_mut()?;
    if frontier.pairs.is_empty() && frontier.more {
        let unit = counted[taken.index].as_ref()?;
        let position = relative(taken.index, units.len());
        let kind = units[taken.index].kind;
        let pairs = index.bounds(unit, taken.index, position, pool, kind, Some(taken));
        *frontier = Frontier::new(pairs);
    }
    frontier.pairs.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_those_of_the_word_diff() {
        let text = "a  b\u{a0}c\\\nd";
        let ours: Vec<&str> = tokens(text).collect();
        assert_eq!(ours, ["a", "  ", "b", "\u{a0}", "c\\", "\n", "d"]);
        let diff = TextDiff::from_words(text, "");
        let theirs: Vec<&str> = diff.old_slices().to_vec();
        assert_eq!(ours, theirs);
    }

    #[test]
    fn nearest_prefers_the_earliest_of_equally_near_slots() {
        let slots: BTreeSet<usize> = [1, 3, 7].into_iter().collect();
        // Slot 2 of 8 is 0.25: slots 1 and 3 are equally near.
        assert_eq!(nearest(&slots, 0.25, 8), Some(1));
        assert_eq!(nearest(&slots, 0.9, 8), Some(7));
        assert_eq!(nearest(&slots, 0.0, 8), Some(1));
        assert_eq!(nearest(&BTreeSet::new(), 0.5, 8), None);
    }
}
