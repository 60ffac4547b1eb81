//! `folio-gen`: deterministic benchmark inputs. `fluent-tree` writes an application-like
//! Fluent tree; `workspace` writes a Folio workspace of many copies of an article.

// A measuring instrument: plain file access, outside Folio's rule (clippy.toml).
#![allow(clippy::disallowed_methods, clippy::disallowed_types)]
#![allow(clippy::print_stdout, clippy::print_stderr)]

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Generate benchmark inputs. The same arguments always write the same bytes.
#[derive(Parser)]
#[command(version)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// A Fluent tree OUT/<locale>/<dir>/<doc>.ftl: the reference locale `en` and L other
    /// locales, about 55 messages and 18 KB per file, mostly translated.
    FluentTree {
        /// Documents per locale (document 0 is shared/brand.ftl, the terms).
        #[arg(long)]
        documents: usize,
        /// Target locales besides `en`.
        #[arg(long)]
        locales: usize,
        /// The folder to write (missing or empty).
        out: PathBuf,
    },
    /// A Folio workspace: N copies of an article of the workspace at --from, in its
    /// locales and, past those, regional variants reusing their translations.
    Workspace {
        /// Copies of the article.
        #[arg(long)]
        articles: usize,
        /// Target locales besides the reference.
        #[arg(long)]
        locales: usize,
        /// The workspace to copy from.
        #[arg(long, default_value = ".")]
        from: PathBuf,
        /// The article to copy (a name of source/*.md without the extension).
        #[arg(long, default_value = "immunotherapy-multiple-myeloma")]
        article: String,
        /// The folder to write (missing or empty).
        out: PathBuf,
    },
}

fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::FluentTree {
            documents,
            locales,
            out,
        } => folio_bench::tree::generate(documents, locales, &out).map(|s| {
            println!(
                "fluent-tree {}: {} locales, {} files, {:.1} MB, {} messages",
                out.display(),
                s.locales,
                s.files,
                s.bytes as f64 / 1e6,
                s.messages
            );
        }),
        Command::Workspace {
            articles,
            locales,
            from,
            article,
            out,
        } => folio_bench::workspace::generate(&from, &article, articles, locales, &out).map(|s| {
            println!(
                "workspace {}: {} articles, {} target locales, {} files ({:.1} MB), {} .ftl ({:.1} MB)",
                out.display(),
                s.articles,
                s.locales,
                s.files,
                s.bytes as f64 / 1e6,
                s.ftl_files,
                s.ftl_bytes as f64 / 1e6
            );
        }),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("folio-gen: {error:#}");
            ExitCode::from(2)
        }
    }
}
