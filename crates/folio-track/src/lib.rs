//! Folio's staleness tracker: which English each translation was confirmed against, and
//! so whether it is current, updated, stale, untranslated, missing, obsolete or invalid —
//! with the word diffs of the English and of the translation from then to now.
//!
//! The [`Record`] is the tracker's memory: per locale and document, one entry per unit
//! holding the English text the translation was confirmed against and the translation
//! that was confirmed. It is a file of its
//! own (never a translator's `.ftl`, which the tracker only reads), so a translator's
//! formatting and comments stay theirs. Everything here is pure: text and parsed files in,
//! values out.

mod diff;
mod record;
mod status;
mod sync;
mod untranslated;

pub use diff::{DiffPart, plain_diff, word_diff};
pub use record::{Record, RecordEntry};
pub use status::{EnglishUnit, Status, StatusCounts, UnitStatus, classify, same_english};
pub use sync::{Memory, Remembered, SyncUnit, Synced, sync_file, write_translations};
pub use untranslated::{is_plain, is_untranslated};
