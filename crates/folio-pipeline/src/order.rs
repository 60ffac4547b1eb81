//! Parallel work handed back in order: what makes streamed output deterministic.

use rayon::prelude::*;

/// How many items each worker thread gets per round: enough to keep every core busy
/// through uneven documents, few enough that a round's results stay small.
const ITEMS_PER_THREAD: usize = 8;

/// Maps `items` with `work` on every core, a bounded round at a time, and hands each
/// result to `sink` in the order of `items`: output is the same bytes whatever the
/// thread count, and memory holds one round, not the whole run. Stops at the first
/// error `sink` returns.
pub fn for_each_in_order<I, T, E>(
    items: &[I],
    work: impl Fn(&I) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    T: Send,
{
    let round = (rayon::current_num_threads() * ITEMS_PER_THREAD).max(1);
    for chunk in items.chunks(round) {
        let results: Vec<T> = chunk.par_iter().map(&work).collect();
        for result in results {
            sink(result)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_item_order() {
        let items: Vec<usize> = (0..1000).collect();
        let mut seen = Vec::new();
        for_each_in_order(
            &items,
            |i| i * 2,
            |r| -> Result<(), ()> {
                seen.push(r);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(seen, items.iter().map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn the_first_error_stops_the_run() {
        let items: Vec<usize> = (0..1000).collect();
        let mut seen = 0;
        let result = for_each_in_order(
            &items,
            |i| *i,
            |r| {
                seen += 1;
                if r == 10 { Err(r) } else { Ok(()) }
            },
        );
        assert_eq!((result, seen), (Err(10), 11));
    }
}
