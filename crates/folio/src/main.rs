//! The `folio` command line: parses arguments, runs one command, maps its outcome to an
//! exit status. All printing and every exit code live in this crate.

// The binary is the one place that prints.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod accept;
mod check;
mod cli;
mod color;
mod dashboard;
mod diagnostics;
mod exchange;
mod extract;
mod load;
mod progress;
mod render;
mod report;
mod select;
mod status;
mod sync;
mod terminal;

/// Unit names on the command line are the pipeline's, which resolves them.
mod units {
    pub use folio_pipeline::UnitName;
}

use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

use clap::CommandFactory;

use crate::cli::{Cli, ColorChoice, Command};
use crate::diagnostics::Reporter;

/// Folio allocates and frees many small strings per unit; mimalloc does that in a
/// fraction of the system allocator's instructions.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
    let started = Instant::now();
    let cli = Cli::from_args();
    let mut reporter = Reporter::new(cli.color, cli.verbosity());
    let result = match &cli.command {
        Command::Extract(args) => extract::run(&cli, args, &mut reporter),
        Command::Status(args) => status::run(&cli, args, &mut reporter),
        Command::Accept(args) => accept::run(&cli, args, &mut reporter),
        Command::Sync(args) => sync::run(&cli, args, &mut reporter),
        Command::NewLocale(args) => sync::new_locale(&cli, args, &mut reporter),
        Command::Check(args) => check::run(&cli, args, &mut reporter),
        Command::Render(args) => render::run(&cli, args, &mut reporter),
        Command::Report(args) => dashboard::run(&cli, args, &mut reporter),
        Command::Xliff(command) => exchange::xliff(&cli, command, &mut reporter),
        Command::Tmx(command) => exchange::tmx(&cli, command, &mut reporter),
        Command::Completions(args) => completions(args.shell),
        Command::Man(args) => man(args.command.as_deref()),
    };
    let outcome = match result {
        Ok(outcome) => outcome,
        // A reader that stops early (`folio status | head`) is not an error.
        Err(error) if is_broken_pipe(&error) => return Outcome::Clean.into(),
        Err(error) => {
            reporter.fatal(&error);
            Outcome::Error
        }
    };
    if reporter.verbosity().is_verbose() {
        let seconds = started.elapsed().as_secs_f64();
        reporter.note(&format_args!("finished in {seconds:.2} s"));
    }
    outcome.into()
}

/// `folio completions SHELL`: the script clap_complete generates from [`Cli`].
fn completions(shell: clap_complete::Shell) -> anyhow::Result<Outcome> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "folio", &mut script);
    print_generated(&script)
}

/// `folio man [COMMAND]`: the manual page clap_mangen generates from [`Cli`], folio(1) or
/// folio-COMMAND(1).
fn man(command: Option<&str>) -> anyhow::Result<Outcome> {
    // Built, so each command carries the global options and its page name; without the
    // `help` command, which has no page of its own.
    let mut folio = Cli::command().disable_help_subcommand(true);
    folio.build();
    let page = match command {
        None => folio,
        Some(name) => folio.find_subcommand(name).cloned().ok_or_else(|| {
            anyhow::anyhow!("`{name}` is not a folio command (`folio --help` lists them)")
        })?,
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .source(concat!("folio ", env!("CARGO_PKG_VERSION")))
        .render(&mut roff)?;
    print_generated(&roff)
}

/// Prints a generated file to standard output, uncoloured (it is meant for a file or a
/// pipe), through the same inert writer as every report.
fn print_generated(text: &[u8]) -> anyhow::Result<Outcome> {
    let mut out = diagnostics::stdout(ColorChoice::Never);
    out.write_all(text)?;
    out.flush()?;
    Ok(Outcome::Clean)
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
