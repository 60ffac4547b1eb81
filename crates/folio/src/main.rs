//! The `folio` command line: parses arguments, runs one command, maps its outcome to an
//! exit status. All printing and every exit code live in this crate.

// The binary is the one place that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod accept;
mod check;
mod cli;
mod diagnostics;
mod extract;
mod load;
mod progress;
mod render;
mod report;
mod status;
mod sync;
mod terminal;

/// Unit names on the command line are the pipeline's, which resolves them.
mod units {
    pub use folio_pipeline::UnitName;
}

use std::process::ExitCode;

use clap::Parser;

use crate::cli::{Cli, Command};
use crate::diagnostics::Reporter;

/// The outcome of a command, and so the process exit status.
///
/// | code | meaning |
/// | ---- | ------- |
/// | 0 | clean |
/// | 1 | findings over the bar (e.g. `extract --check` found stale files) |
/// | 2 | usage, input or I/O error |
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing to report.
    Clean,
    /// The command ran and found something the user must act on.
    Findings,
    /// The command could not do its job: bad input, I/O failure.
    Error,
}

impl From<Outcome> for ExitCode {
    fn from(outcome: Outcome) -> ExitCode {
        match outcome {
            Outcome::Clean => ExitCode::SUCCESS,
            Outcome::Findings => ExitCode::from(1),
            Outcome::Error => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse().without_repeats();
    let mut reporter = Reporter::new(cli.color);
    let result = match &cli.command {
        Command::Extract(args) => extract::run(&cli, args, &mut reporter),
        Command::Status(args) => status::run(&cli, args, &mut reporter),
        Command::Accept(args) => accept::run(&cli, args, &mut reporter),
        Command::Sync(args) => sync::run(&cli, args, &mut reporter),
        Command::NewLocale(args) => sync::new_locale(&cli, args, &mut reporter),
        Command::Check(args) => check::run(&cli, args, &mut reporter),
        Command::Render(args) => render::run(&cli, args, &mut reporter),
    };
    match result {
        Ok(outcome) => outcome.into(),
        // A reader that stops early (`folio status | head`) is not an error.
        Err(error) if is_broken_pipe(&error) => Outcome::Clean.into(),
        Err(error) => {
            reporter.fatal(&error);
            Outcome::Error.into()
        }
    }
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|e| e.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}
