//! `folio-floor DIR`: the read-and-parse floor. Reads and parses every `*.ftl` under DIR
//! once, on all cores, and prints how many files, messages and bytes it read.

// A measuring instrument: plain file access, outside Folio's rule (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// The folio binary's allocator, so that the floor is no slower than Folio could be.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Read and parse every `*.ftl` under DIR once, on all cores: the time no Fluent checker
/// can beat.
#[derive(Parser)]
#[command(version)]
struct Args {
    /// The folder to read (for example a tree's root or a workspace's `locales/`).
    dir: PathBuf,

    /// Also read and parse every `*.toml` (a workspace's records) with `toml`.
    #[arg(long)]
    records: bool,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match folio_bench::floor::scan(&args.dir, args.records) {
        Ok(totals) => {
            println!(
                "{} files, {} messages, {} bytes, {} files with syntax errors",
                totals.files, totals.messages, totals.bytes, totals.files_with_errors
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("folio-floor: {error:#}");
            ExitCode::from(2)
        }
    }
}
