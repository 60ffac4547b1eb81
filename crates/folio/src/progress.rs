//! Progress for long runs: a bar on standard error once a run has taken a second, so
//! short runs never flicker; nothing when standard error is not a terminal (a CI log, a
//! pipe) or with `--quiet`.

use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long a run goes before it shows progress.
const QUIET_FOR: Duration = Duration::from_secs(1);

/// Counts documents done out of a total, showing a bar once the run is long.
pub struct Progress {
    bar: ProgressBar,
    started: Instant,
    /// Whether the bar may ever show.
    allowed: bool,
    shown: bool,
}

impl Progress {
    /// A bar for `total` documents; `quiet` keeps it hidden.
    pub fn new(total: usize, quiet: bool) -> Self {
        let bar = ProgressBar::with_draw_target(Some(total as u64), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} documents, {eta} left")
                .expect("a valid template"),
        );
        Progress {
            bar,
            started: Instant::now(),
            allowed: !quiet && std::io::IsTerminal::is_terminal(&std::io::stderr()),
            shown: false,
        }
    }

    /// Runs `print`, then counts one document done. `prints` says whether `print` writes
    /// to the terminal (errors, snippets): then the bar is taken out of its way first.
    pub fn done_one<T>(&mut self, prints: bool, print: impl FnOnce() -> T) -> T {
        let result = if self.shown && prints {
            self.bar.suspend(print)
        } else {
            print()
        };
        self.bar.inc(1);
        if self.allowed && !self.shown && self.started.elapsed() >= QUIET_FOR {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
            self.shown = true;
        }
        result
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}
