//! Parallel work handed back in order: what makes streamed output deterministic.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, PoisonError, mpsc};

/// How many items each worker thread may run ahead of the sink: enough to keep every
/// core busy through uneven documents, few enough that the waiting results stay small.
const ITEMS_PER_THREAD: usize = 2;

/// Maps `items` with `work` on every core and hands each result to `sink` in the order
/// of `items`: output is the same bytes whatever the thread count. The workers take
/// items in order and go on while the sink (printing, writing) works, so no core waits
/// for a round's slowest item or for the output; none runs more than a bounded window
/// ahead of the sink, so memory holds a few results, not the whole run. Stops at the
/// first error `sink` returns (items already started finish, and are dropped).
pub fn for_each_in_order<I, T, E>(
    items: &[I],
    work: impl Fn(&I) -> T + Sync,
    mut sink: impl FnMut(T) -> Result<(), E>,
) -> Result<(), E>
where
    I: Sync,
    T: Send,
{
    let threads = rayon::current_num_threads().clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().try_for_each(|item| sink(work(item)));
    }
    let window = threads * ITEMS_PER_THREAD;
    let next = AtomicUsize::new(0);
    let progress = Progress::default();
    let (sender, receiver) = mpsc::channel::<(usize, T)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let sender = sender.clone();
            let (next, progress, work) = (&next, &progress, &work);
            scope.spawn(move || {
                // A panicking worker stops the others, or they would wait for its item.
                let _stop = StopOnDrop {
                    progress,
                    always: false,
                };
                loop {
                    let index = next.fetch_add(1, Ordering::Relaxed);
                    if index >= items.len() || !progress.wait_for_room(index, window) {
                        break;
                    }
                    if sender.send((index, work(&items[index]))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(sender);
        // However the sink ends (an error, a panic), no worker may wait for it.
        let _stop = StopOnDrop {
            progress: &progress,
            always: true,
        };
        // Results that came early, until those before them have been sunk.
        let mut early = BTreeMap::new();
        let mut sunk = 0;
        for (index, result) in receiver {
            early.insert(index, result);
            while let Some(result) = early.remove(&sunk) {
                sunk += 1;
                // An error returns, and `_stop` stops the workers.
                sink(result)?;
                progress.sunk(sunk);
            }
        }
        Ok(())
    })
}

/// How far the sink has got, for the workers to stay within their window of it.
#[derive(Default)]
struct Progress {
    state: Mutex<SinkState>,
    moved: Condvar,
}

#[derive(Default)]
struct SinkState {
    sunk: usize,
    stopped: bool,
}

impl Progress {
    /// Waits until item `index` is within `window` of the sink; `false` when the run
    /// stopped instead.
    fn wait_for_room(&self, index: usize, window: usize) -> bool {
        let state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        let state = self
            .moved
            .wait_while(state, |s| !s.stopped && index >= s.sunk + window)
            .unwrap_or_else(PoisonError::into_inner);
        !state.stopped
    }

    fn sunk(&self, sunk: usize) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .sunk = sunk;
        self.moved.notify_all();
    }

    fn stop(&self) {
        self.state
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .stopped = true;
        self.moved.notify_all();
    }
}

/// Stops the run when dropped: always (the sink's side, however it ends), or only in a
/// panic (a worker's side).
struct StopOnDrop<'p> {
    progress: &'p Progress,
    always: bool,
}

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        if self.always || std::thread::panicking() {
            self.progress.stop();
        }
    }
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

    #[test]
    fn workers_stay_within_a_window_of_a_slow_sink() {
        let items: Vec<usize> = (0..200).collect();
        let started = AtomicUsize::new(0);
        let window = rayon::current_num_threads() * ITEMS_PER_THREAD;
        let mut sunk = 0;
        for_each_in_order(
            &items,
            |i| {
                started.fetch_add(1, Ordering::SeqCst);
                *i
            },
            |_| -> Result<(), ()> {
                std::thread::sleep(std::time::Duration::from_micros(200));
                assert!(started.load(Ordering::SeqCst) <= sunk + window + 1);
                sunk += 1;
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(sunk, items.len());
    }

    #[test]
    fn a_panic_in_work_or_sink_ends_the_run_instead_of_hanging() {
        let items: Vec<usize> = (0..1000).collect();
        let in_work = std::panic::catch_unwind(|| {
            for_each_in_order(
                &items,
                |i| assert_ne!(*i, 500, "item 500"),
                |()| -> Result<(), ()> { Ok(()) },
            )
        });
        assert!(in_work.is_err());
        let in_sink = std::panic::catch_unwind(|| {
            for_each_in_order(
                &items,
                |i| *i,
                |i| -> Result<(), ()> {
                    assert_ne!(i, 500, "item 500");
                    Ok(())
                },
            )
        });
        assert!(in_sink.is_err());
    }
}
