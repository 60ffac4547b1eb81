//! The command-line interface, declared with clap derive: doc comments are the help.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

const EXIT_CODES: &str = "\
Exit status:
  0  clean
  1  findings over the bar (for example `extract --check` found out-of-date files)
  2  usage, input or I/O error";

/// Folio: a localization workspace for published articles, built on Project Fluent.
///
/// English Markdown in `source/` is split into Fluent units in `locales/en/`;
/// translators translate them in `locales/<lang>/*.ftl`.
#[derive(Debug, Parser)]
#[command(name = "folio", version, after_help = EXIT_CODES)]
pub struct Cli {
    /// The workspace root (the folder holding folio.toml); by default the nearest one at
    /// or above the current folder.
    #[arg(short = 'C', long, global = true, value_name = "DIR")]
    pub root: Option<PathBuf>,

    /// When to colour the output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split every article in source/ (and the disclaimer) into English units in
    /// locales/en/: one .ftl per document, plus the layout the renderer needs.
    ///
    /// Unit ids are stable: a block keeps its id when it is edited, moved, or when other
    /// blocks are inserted or removed. Pin an id by ending the block with
    /// `<!-- folio-id: my-id -->`.
    #[command(after_help = EXIT_CODES)]
    Extract(ExtractArgs),
}

/// Arguments of `folio extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Write nothing; exit 1 naming every file in locales/en/ that differs from what
    /// source/ gives.
    #[arg(long)]
    pub check: bool,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
