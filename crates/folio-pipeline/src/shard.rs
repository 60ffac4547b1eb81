//! `--shard I/N`: one job's share of the documents, so a CI matrix of N jobs covers
//! every document exactly once.

use std::fmt;
use std::str::FromStr;

/// Job `index` of `count` (1-based, as CI matrices number their jobs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: usize,
    count: usize,
}

impl Shard {
    /// The whole run: one job.
    pub const ALL: Shard = Shard { index: 1, count: 1 };

    /// Whether the document at `position` in the sorted list of all documents is this
    /// job's: documents are dealt round-robin, so jobs get even shares and the split
    /// depends only on the list.
    pub fn takes(&self, position: usize) -> bool {
        position % self.count == self.index - 1
    }

    /// This job's documents of `all` (sorted by the caller).
    pub fn select<T>(&self, all: Vec<T>) -> Vec<T> {
        all.into_iter()
            .enumerate()
            .filter(|(position, _)| self.takes(*position))
            .map(|(_, item)| item)
            .collect()
    }

    /// Whether this is the whole run.
    pub fn is_all(&self) -> bool {
        self.count == 1
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let bad = || format!("`{text}` is not a shard: write I/N, job I of N, as in 1/4");
        let (index, count) = text.split_once('/').ok_or_else(bad)?;
        let index: usize = index.trim().parse().map_err(|_| bad())?;
        let count: usize = count.trim().parse().map_err(|_| bad())?;
        if count == 0 || index == 0 || index > count {
            return Err(format!(
                "`{text}` is not a shard: I must be between 1 and N, as in 1/4"
            ));
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_every_document_once() {
        let all: Vec<usize> = (0..103).collect();
        let mut covered: Vec<usize> = (1..=4)
            .flat_map(|i| {
                format!("{i}/4")
                    .parse::<Shard>()
                    .unwrap()
                    .select(all.clone())
            })
            .collect();
        covered.sort();
        assert_eq!(covered, all);
        assert_eq!(Shard::ALL.select(all.clone()), all);
    }

    #[test]
    fn bad_shards_are_refused() {
        for bad in ["0/4", "5/4", "1/0", "1", "a/b", "-1/2"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
        assert_eq!("2/3".parse::<Shard>().unwrap().to_string(), "2/3");
    }
}
