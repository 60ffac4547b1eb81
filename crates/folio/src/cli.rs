//! The command-line interface, declared with clap derive: doc comments are the help.

use std::collections::HashSet;
use std::hash::Hash;
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};

use crate::report::Format;
use crate::units::UnitName;
use folio_pipeline::Shard;

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

    /// When to colour the output. `auto` follows CLICOLOR_FORCE, NO_COLOR and CLICOLOR,
    /// then colours a terminal.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    /// Show no progress bar (one appears on a terminal when a run takes over a second).
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,

    /// Show everything: `check` shows every finding as a snippet (not the first 10 per
    /// check), and every command ends with how long it took.
    #[arg(short, long, global = true)]
    pub verbose: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The process's arguments, parsed and checked, every list free of repeats; a usage
    /// error ends the process as clap ends it (message, exit 2).
    pub fn from_args() -> Self {
        let cli = Cli::parse();
        if let Err(error) = cli.check_conflicts() {
            error.exit();
        }
        cli.without_repeats()
    }

    /// What clap's `conflicts_with` misses: a global flag given before the command
    /// (`folio -v check -q`) and its rival after it are parsed at two levels, each
    /// seeing one.
    fn check_conflicts(&self) -> Result<(), clap::Error> {
        if self.quiet && self.verbose {
            return Err(Cli::command().error(
                clap::error::ErrorKind::ArgumentConflict,
                "the argument '--quiet' cannot be used with '--verbose'",
            ));
        }
        Ok(())
    }

    /// How much to show, from `-q` and `-v` (which clap keeps apart).
    pub fn verbosity(&self) -> Verbosity {
        match (self.quiet, self.verbose) {
            (true, _) => Verbosity::Quiet,
            (false, true) => Verbosity::Verbose,
            (false, false) => Verbosity::Normal,
        }
    }

    /// The arguments with every list free of repeats, first occurrence kept: naming a
    /// unit, locale or article twice means it once, so no command does the work (or
    /// reports the error) twice.
    pub fn without_repeats(mut self) -> Self {
        match &mut self.command {
            Command::Extract(args) => dedup(&mut args.minor),
            Command::Status(args) => dedup(&mut args.locales),
            Command::Accept(args) => dedup(&mut args.units),
            Command::Sync(args) => dedup(&mut args.locales),
            Command::Report(args) => dedup(&mut args.locales),
            Command::Xliff(XliffCommand::Export(args)) => {
                dedup(&mut args.document);
                dedup(&mut args.status);
            }
            Command::Tmx(TmxCommand::Export(args)) => dedup(&mut args.locales),
            Command::NewLocale(_)
            | Command::Completions(_)
            | Command::Man(_)
            | Command::Xliff(XliffCommand::Import(_)) => {}
            Command::Check(args) => dedup(&mut args.only),
            Command::Render(args) => {
                dedup(&mut args.articles);
                dedup(&mut args.locale);
            }
        }
        self
    }
}

/// How much a run shows, from the global `-q` and `-v`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verbosity {
    /// `-q`: no progress bar.
    Quiet,
    /// Neither flag.
    Normal,
    /// `-v`: nothing capped, and the run's time.
    Verbose,
}

impl Verbosity {
    /// `-v`: a human report shows every finding rather than the first few of each kind,
    /// and the run ends with its time.
    pub fn is_verbose(self) -> bool {
        self == Verbosity::Verbose
    }
}

/// Removes repeated items, keeping the first of each in place.
fn dedup<T: Clone + Eq + Hash>(items: &mut Vec<T>) {
    let mut seen = HashSet::with_capacity(items.len());
    items.retain(|item| seen.insert(item.clone()));
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

    /// Per locale and document: units and English words by status (current, stale,
    /// missing, obsolete, invalid).
    ///
    /// With --diff, each stale unit's English word diff, from the English the translation
    /// was confirmed against to today's, beside the current translation. With --todo,
    /// everything a translator has to do, in file order.
    #[command(after_help = EXIT_CODES)]
    Status(StatusArgs),

    /// Confirm translations against today's English: the translator's act that clears
    /// *stale* and *updated*.
    ///
    /// Update the translation in locales/<LOCALE>/<document>.ftl first (the unit then
    /// shows as updated), then accept the units you reviewed. A stale unit whose
    /// translation you did not change needs --unchanged, and the record says so. Every
    /// run also records new translations (of units that were missing) against today's
    /// English. Writes only locales/<LOCALE>/confirmed/.
    #[command(after_help = EXIT_CODES)]
    Accept(AcceptArgs),

    /// Bring translators' files up to date: msgmerge for Fluent.
    ///
    /// Inserts every missing unit into locales/<LOCALE>/<document>.ftl in English order,
    /// as text (every byte already in the file stays), creating files for new documents.
    /// A unit whose English the locale has translated and confirmed elsewhere is filled
    /// in and recorded; any other is written commented out, under its context, with the
    /// English as its value and suggestions from similar English: remove the "# " and
    /// translate. Running it twice changes nothing the second time.
    #[command(after_help = EXIT_CODES)]
    Sync(SyncArgs),

    /// Start a locale: validate the BCP 47 tag, create locales/<TAG>/ and sync it.
    #[command(name = "new-locale", after_help = EXIT_CODES)]
    NewLocale(NewLocaleArgs),

    /// Gate a pull request: coverage per locale and document against the thresholds in
    /// folio.toml, plus quality checks on every translated unit.
    ///
    /// Checks: Fluent syntax, duplicate ids, messages without a value, $variables
    /// (selector-aware), unresolved message and term references, Markdown parity (link
    /// targets, inline code, balanced emphasis), numbers kept, text left identical to the
    /// English, and every disclaimer unit current. With --locales DIR --reference LANG it
    /// checks any Fluent tree laid out as DIR/<locale>/**/*.ftl, no folio.toml needed.
    #[command(after_help = EXIT_CODES)]
    Check(CheckArgs),

    /// Assemble localized pages: one per article and locale, each carrying its
    /// translated, current disclaimer.
    ///
    /// A locale whose disclaimer is missing, stale or invalid is refused (nothing written
    /// for it, exit 1). Missing and stale body units fall back along the locale chain
    /// (pt-BR → pt → en), marked with their language; a page below the publishing
    /// threshold in folio.toml ([render] min-coverage, default 80%) is not published.
    /// The site is written atomically: a failed run leaves the previous one intact.
    #[command(after_help = EXIT_CODES)]
    Render(RenderArgs),

    /// Write a static dashboard for translators: coverage bars, to-do lists and badges.
    ///
    /// OUT/index.html shows each locale's coverage (the one `status` and `check` give)
    /// and units by status; OUT/<locale>.html its documents and its to-do list, each
    /// stale unit with its English word diff; OUT/badges/coverage-<locale>.svg and
    /// OUT/badges/coverage.svg are badges. Plain HTML and CSS, no script; the folder is
    /// replaced atomically, like a rendered site.
    #[command(after_help = EXIT_CODES)]
    Report(ReportArgs),

    /// Exchange with a translation agency's CAT tool (Trados Studio, memoQ, Phrase,
    /// OmegaT): XLIFF 1.2 out, the agency's work back in.
    ///
    /// `folio xliff export es --out es.xlf` writes one trans-unit per unit (the English as
    /// source, the current translation as target, its state from its status, stale units
    /// with their previous English and word diff); `folio xliff import es.xlf` writes back
    /// the targets that changed, as `folio accept` would record them.
    #[command(subcommand)]
    Xliff(XliffCommand),

    /// Translation memories for CAT tools: `folio tmx export --out memory.tmx` writes
    /// every confirmed translation as TMX 1.4b, one unit per English text.
    #[command(subcommand)]
    Tmx(TmxCommand),

    /// Print a shell completion script to standard output.
    ///
    /// bash: `folio completions bash > ~/.local/share/bash-completion/completions/folio`;
    /// zsh: `folio completions zsh > ~/.zfunc/_folio` (with ~/.zfunc in $fpath);
    /// fish: `folio completions fish > ~/.config/fish/completions/folio.fish`;
    /// elvish and PowerShell: source the output from your profile.
    Completions(CompletionsArgs),

    /// Print a manual page (roff) to standard output: `folio man | man -l -`, or save it
    /// as folio.1 in a man1 folder on your MANPATH.
    ///
    /// `folio man COMMAND` prints the page folio-COMMAND(1) of one command.
    Man(ManArgs),
}

/// `folio xliff`'s commands.
#[derive(Debug, Subcommand)]
pub enum XliffCommand {
    /// Write a locale's units as one XLIFF 1.2 file for a CAT tool: a <file> per
    /// document, a <trans-unit> per unit (id = the unit id).
    ///
    /// The English is the source; the current translation the target, with its state:
    /// missing units have none, untranslated ones `needs-translation`, stale and updated
    /// ones `needs-review-translation` with the English they were confirmed against in
    /// <alt-trans> and the English word diff in a <note>, current ones `final`
    /// (`translated` until recorded). The unit's context is a <note>; title and
    /// description carry `maxwidth`. Inline Markdown and the author's HTML are <bpt>,
    /// <ept> and <ph> codes the tool protects. Units with a syntax error are left out.
    #[command(after_help = EXIT_CODES)]
    Export(XliffExportArgs),

    /// Apply an XLIFF file's targets to its locale's .ftl files.
    ///
    /// Only messages whose target changed are rewritten (every other byte of the file
    /// stays); each is recorded as confirmed against the English in the XLIFF's source,
    /// so a unit whose English changed meanwhile is stale. A stale or updated unit left
    /// unchanged is confirmed when its state was set to translated, final or signed-off.
    /// Every code must come back intact and every unit must exist: one problem anywhere
    /// and nothing is written. Importing the same file twice changes nothing.
    #[command(after_help = EXIT_CODES)]
    Import(XliffImportArgs),
}

/// Arguments of `folio xliff export`.
#[derive(Debug, Args)]
pub struct XliffExportArgs {
    /// The locale (BCP 47 tag).
    #[arg(value_name = "LOCALE")]
    pub locale: String,

    /// Only this document (its name, as in `source/NAME.md`, or a glob such as `news/*`);
    /// repeatable.
    #[arg(long = "document", value_name = "DOCUMENT")]
    pub document: Vec<String>,

    /// Only units of these statuses (comma-separated or repeated), e.g.
    /// `missing,stale,updated,untranslated` for an agency's to-do; every unit by default.
    #[arg(long, value_name = "STATUS", value_delimiter = ',', value_parser = status_parser())]
    pub status: Vec<folio_track::Status>,

    /// The XLIFF file to write (replaced atomically).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// Arguments of `folio xliff import`.
#[derive(Debug, Args)]
pub struct XliffImportArgs {
    /// The XLIFF file the agency returned.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The locale the file must be for (its target-language); refused otherwise.
    #[arg(long, value_name = "LOCALE")]
    pub locale: Option<String>,
}

/// `folio tmx`'s commands.
#[derive(Debug, Subcommand)]
pub enum TmxCommand {
    /// Write the confirmed translations as a TMX 1.4b memory: a <tu> per English text,
    /// a <tuv> per locale (the first confirmed translation in document order).
    #[command(after_help = EXIT_CODES)]
    Export(TmxExportArgs),
}

/// Arguments of `folio tmx export`.
#[derive(Debug, Args)]
pub struct TmxExportArgs {
    /// The locales (BCP 47 tags); all by default.
    #[arg(value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// The TMX file to write (replaced atomically).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
}

/// Arguments of `folio man`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// The command whose page to print (folio-COMMAND(1)); folio(1) by default.
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

/// Arguments of `folio completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Arguments of `folio extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Write nothing; exit 1 naming every file in locales/en/ that differs from what
    /// source/ gives.
    #[arg(long)]
    pub check: bool,

    /// Declare the English edits of these units minor (a typo, punctuation): locales
    /// whose translation was current stay current. ID, or DOCUMENT:ID.
    #[arg(long, value_name = "UNIT", num_args = 1.., conflicts_with = "check")]
    pub minor: Vec<UnitName>,
}

/// Arguments of `folio status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The locales to report (BCP 47 tags); all by default.
    #[arg(value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// Show each stale unit's English word diff and its current translation.
    #[arg(long)]
    pub diff: bool,

    /// List every missing, stale, invalid and obsolete unit, in file order, with its English.
    #[arg(long)]
    pub todo: bool,

    /// Output format: per-locale totals (and tables and diffs as asked), JSON, or
    /// GitHub workflow commands (syntax errors and stale units on their lines).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Also print the per-document table (human format).
    #[arg(long)]
    pub documents: bool,

    /// Report only job I of N's share of the documents.
    #[arg(
        long,
        value_name = "I/N",
        default_value = "1/1",
        hide_default_value = true
    )]
    pub shard: Shard,

    /// Only this document (its name, as in `source/NAME.md`, or a glob such as `news/*`);
    /// repeatable. Only these documents are read and reported.
    #[arg(long = "document", value_name = "DOCUMENT")]
    pub document: Vec<String>,

    /// Only the documents and locales changed since git REF (`git diff REF...HEAD`, plus
    /// uncommitted and untracked files): a pull request's, e.g. `origin/main`.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,

    /// Only units of this status in the to-do and diff lists and JSON `todo`; documents
    /// with none are left out of the per-document table. Repeatable.
    #[arg(long, value_name = "STATUS", value_parser = status_parser())]
    pub status: Vec<folio_track::Status>,

    /// Neither use nor update the cache of results (`.folio-cache/`, safe to delete).
    #[arg(long)]
    pub no_cache: bool,
}

/// Arguments of `folio accept`.
#[derive(Debug, Args)]
pub struct AcceptArgs {
    /// The locale (BCP 47 tag).
    #[arg(value_name = "LOCALE")]
    pub locale: String,

    /// The units to confirm: ID, or DOCUMENT:ID when the id is in several documents. An
    /// updated unit is confirmed; a stale one only with --unchanged.
    #[arg(value_name = "UNIT")]
    pub units: Vec<UnitName>,

    /// Confirm every updated unit of the locale (and, with --unchanged, every stale one).
    #[arg(long, conflicts_with = "units")]
    pub all: bool,

    /// Confirm every updated unit: stale units whose translation the translator changed.
    #[arg(long, conflicts_with_all = ["units", "all"])]
    pub updated: bool,

    /// Only record new translations; confirm nothing stale or updated.
    #[arg(long, conflicts_with_all = ["units", "all", "updated"])]
    pub new: bool,

    /// Also confirm stale units whose translation is unchanged: the English edit needs no
    /// retranslation. Recorded as such.
    #[arg(long, conflicts_with_all = ["updated", "new"])]
    pub unchanged: bool,
}

/// Arguments of `folio sync`.
#[derive(Debug, Args)]
pub struct SyncArgs {
    /// The locales to sync (BCP 47 tags); all by default.
    #[arg(value_name = "LOCALE")]
    pub locales: Vec<String>,
}

/// Arguments of `folio new-locale`.
#[derive(Debug, Args)]
pub struct NewLocaleArgs {
    /// The new locale's BCP 47 tag, canonically spelled (es, pt-BR, zh-Hans).
    #[arg(value_name = "TAG")]
    pub tag: String,
}

/// Arguments of `folio check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Check only these locales (all by default).
    #[arg(value_name = "LOCALE")]
    pub only: Vec<String>,

    /// Output format: per-locale totals and annotated snippets, JSON, or GitHub
    /// workflow commands.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,

    /// Also print the per-document table (human format).
    #[arg(long)]
    pub documents: bool,

    /// Check only job I of N's share of the documents (a CI matrix runs N jobs); their
    /// `--format json` reports combine with `--merge`.
    #[arg(
        long,
        value_name = "I/N",
        default_value = "1/1",
        hide_default_value = true
    )]
    pub shard: Shard,

    /// Only this document (its name, as in `source/NAME.md`, or a glob such as `news/*`);
    /// repeatable. Only these documents are read and reported.
    #[arg(long = "document", value_name = "DOCUMENT", conflicts_with_all = ["merge", "locales"])]
    pub document: Vec<String>,

    /// Only the documents and locales changed since git REF (`git diff REF...HEAD`, plus
    /// uncommitted and untracked files): a pull request's, e.g. `origin/main`.
    #[arg(long, value_name = "REF", conflicts_with_all = ["merge", "locales"])]
    pub changed_since: Option<String>,

    /// Neither use nor update the cache of results (`.folio-cache/`, safe to delete).
    #[arg(long)]
    pub no_cache: bool,

    /// Combine the `--format json` reports of `--shard` jobs into one verdict, the same
    /// as one unsharded run's, instead of checking anything.
    #[arg(long, value_name = "REPORT", num_args = 1.., conflicts_with_all = ["locales", "shard", "only"])]
    pub merge: Vec<PathBuf>,

    /// Check the Fluent tree DIR/<locale>/**/*.ftl instead of this workspace.
    #[arg(long, value_name = "DIR", requires = "reference")]
    pub locales: Option<PathBuf>,

    /// The reference locale folder of --locales (e.g. en-US).
    #[arg(long, value_name = "LANG", requires = "locales")]
    pub reference: Option<String>,

    /// With --locales: the least percent of reference words translated (default 0:
    /// missing strings are reported, only errors fail).
    #[arg(long, value_name = "PERCENT", requires = "locales", value_parser = percent)]
    pub min_coverage: Option<f64>,

    /// With --locales: hold translations to this termbase (the `terms.toml` format; a
    /// workspace names its own in folio.toml).
    #[arg(long, value_name = "FILE", requires = "locales")]
    pub terms: Option<PathBuf>,
}

/// `--status`'s values: the seven statuses by their report names.
fn status_parser() -> impl clap::builder::TypedValueParser<Value = folio_track::Status> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(
        folio_track::Status::ALL.map(folio_track::Status::name),
    )
    .map(|name| {
        folio_track::Status::ALL
            .into_iter()
            .find(|status| status.name() == name)
            .unwrap_or(folio_track::Status::Current)
    })
}

/// Parses a coverage bar: a number from 0 to 100. NaN, infinities and numbers outside
/// the range are usage errors, not bars that every coverage passes or none does.
fn percent(text: &str) -> Result<f64, String> {
    let value: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("`{text}` is not a number"))?;
    if (0.0..=100.0).contains(&value) {
        Ok(value)
    } else {
        Err(format!("`{text}` is not a percentage from 0 to 100"))
    }
}

/// Arguments of `folio render`.
#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The articles to render (names of source/*.md without the extension); all by default.
    #[arg(value_name = "ARTICLE")]
    pub articles: Vec<String>,

    /// Render only these locales (the reference included if named).
    #[arg(long, value_name = "LOCALE", num_args = 1.., conflicts_with = "all")]
    pub locale: Vec<String>,

    /// Render every locale, the reference included (the default).
    #[arg(long)]
    pub all: bool,

    /// Page format: HTML, or Markdown with front matter for other site generators.
    #[arg(long, value_enum, default_value_t = PageFormat::Html)]
    pub format: PageFormat,

    /// The site folder: pages go to OUT/<locale>/<article>.html (or .md).
    ///
    /// OUT/.folio-site.json lists the pages Folio wrote there: rendering everything
    /// withdraws every listed page that is no longer published (a removed article or
    /// locale); a partial render withdraws only the pages it refuses or leaves below the
    /// publishing threshold. Other files in OUT are left alone. OUT may not be a file, the workspace, or inside source/ or locales/.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,

    /// Render only job I of N's share of the articles (every locale's disclaimer is
    /// still decided). A sharded render is a partial one (see --out).
    #[arg(
        long,
        value_name = "I/N",
        default_value = "1/1",
        hide_default_value = true
    )]
    pub shard: Shard,

    /// Say what would be published, withdrawn and refused, and why; write nothing.
    #[arg(long)]
    pub dry_run: bool,

    /// How to tell what was done: lines for people, or one JSON document on standard
    /// output (version 1, documented in the README), the same with --dry-run.
    #[arg(long, value_enum, value_name = "FORMAT", default_value_t = RenderReport::Human)]
    pub report: RenderReport,

    /// Render every page again, neither using nor updating the cache (`.folio-cache/`,
    /// safe to delete) that lets an unchanged article keep the pages it has in the site.
    #[arg(long)]
    pub no_cache: bool,
}

/// How `folio render` tells what it did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderReport {
    /// Lines for people.
    Human,
    /// One JSON document (`report::wire::RenderReport`).
    Json,
}

/// Arguments of `folio report`.
#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The locales to show (BCP 47 tags); all by default.
    #[arg(value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// The dashboard folder, replaced whole on each run (files Folio did not write stay).
    /// OUT may not be a file, the workspace, or inside source/ or locales/.
    #[arg(long, value_name = "DIR")]
    pub out: PathBuf,
}

/// The format of rendered pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PageFormat {
    /// Standalone HTML5 pages.
    Html,
    /// Markdown with YAML front matter (Hugo, Zola, Jekyll).
    Markdown,
}

/// When to use colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When CLICOLOR_FORCE is set (and not 0); never when NO_COLOR is set (and not
    /// empty) or CLICOLOR is 0; otherwise on a terminal.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_list_arguments_count_once() {
        let cli = Cli::parse_from(["folio", "accept", "es", "a", "b", "a", "doc:a", "b"])
            .without_repeats();
        let Command::Accept(args) = cli.command else {
            panic!("accept parses as accept")
        };
        let names: Vec<String> = args.units.iter().map(ToString::to_string).collect();
        assert_eq!(names, ["a", "b", "doc:a"]);
        let cli = Cli::parse_from([
            "folio", "render", "x", "x", "--locale", "es", "fr", "es", "--out", "o",
        ])
        .without_repeats();
        let Command::Render(args) = cli.command else {
            panic!("render parses as render")
        };
        assert_eq!(
            (args.articles, args.locale),
            (vec!["x".to_owned()], vec!["es".to_owned(), "fr".to_owned()])
        );
    }

    #[test]
    fn quiet_and_verbose_conflict_wherever_they_are_given() {
        for args in [
            &["folio", "-v", "check", "-q"][..],
            &["folio", "--quiet", "status", "--verbose"],
        ] {
            let cli = Cli::try_parse_from(args).expect("each level sees one flag");
            let error = cli.check_conflicts().expect_err("but they conflict");
            assert_eq!(error.kind(), clap::error::ErrorKind::ArgumentConflict);
        }
        for args in [
            &["folio", "-q", "-v", "status"][..],
            &["folio", "status", "-qv"],
        ] {
            let error = Cli::try_parse_from(args).expect_err("clap sees both");
            assert_eq!(error.kind(), clap::error::ErrorKind::ArgumentConflict);
        }
        for (args, verbosity) in [
            (&["folio", "status"][..], Verbosity::Normal),
            (&["folio", "-q", "status"], Verbosity::Quiet),
            (&["folio", "status", "--verbose"], Verbosity::Verbose),
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            assert!(cli.check_conflicts().is_ok());
            assert_eq!(cli.verbosity(), verbosity);
        }
    }

    #[test]
    fn coverage_bars_must_be_percentages() {
        assert_eq!(percent("90"), Ok(90.0));
        assert_eq!(percent("0"), Ok(0.0));
        for bad in [
            "NaN", "nan", "inf", "-inf", "infinity", "-1", "100.01", "1e3", "ninety",
        ] {
            assert!(percent(bad).is_err(), "{bad}");
        }
    }
}
