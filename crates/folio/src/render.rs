//! `folio render`: localized article pages, each with its translated, current disclaimer
//! — or a refusal, never a page without it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Context;
use fluent_bundle::{FluentBundle, FluentResource};
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use folio_model::{Layout, UnitId};
use folio_render::{
    Alternate, Direction, Page, Text, build_blocks, language_name, render_html, render_markdown,
};
use folio_track::Status;
use folio_workspace::{Workspace, read_text, write_atomic};
use rayon::prelude::*;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::Outcome;
use crate::cli::{Cli, PageFormat, RenderArgs};
use crate::diagnostics::Reporter;
use crate::load::{english_units, open_workspace, report};
use crate::track::track;

/// The units one locale can publish: formatted through fluent-bundle, current against
/// today's English, with the English's link targets. By document, then unit id.
type Usable = BTreeMap<String, BTreeMap<String, String>>;

/// What happens to one locale.
enum Verdict {
    /// Its disclaimer is not current: nothing is written for it.
    Refused(Vec<String>),
    /// Pages for these articles are published; the others are below the policy.
    Published { below: Vec<(String, f64)> },
}

/// Runs `folio render`.
pub fn run(cli: &Cli, args: &RenderArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    let config = workspace.config();
    let reference = workspace.reference().clone();
    let (all_locales, locale_errors) = workspace.locales()?;
    for error in &locale_errors {
        reporter.error(error);
    }
    let disclaimer = config
        .disclaimer
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("disclaimer")
        .to_owned();
    let names = workspace.extracted_names()?;
    if !names.contains(&disclaimer) {
        anyhow::bail!("no English disclaimer units: run `folio extract` first");
    }
    let mut articles: Vec<String> = names
        .iter()
        .filter(|n| **n != disclaimer)
        .cloned()
        .collect();
    if !args.articles.is_empty() {
        for name in &args.articles {
            if !articles.contains(name) {
                anyhow::bail!(
                    "unknown article `{name}` (articles: {})",
                    articles.join(", ")
                );
            }
        }
        articles.retain(|a| args.articles.contains(a));
    }
    let requested: Vec<LanguageIdentifier> = if args.locale.is_empty() {
        std::iter::once(reference.clone())
            .chain(all_locales.iter().cloned())
            .collect()
    } else {
        let mut chosen = Vec::new();
        for name in &args.locale {
            let locale = folio_workspace::parse_locale(name).map_err(anyhow::Error::msg)?;
            if locale != reference && !all_locales.contains(&locale) {
                anyhow::bail!("unknown locale `{name}`");
            }
            chosen.push(locale);
        }
        chosen
    };
    let template = match &config.render.template {
        Some(path) => Some(read_text(&workspace.root().join(path))?),
        None => None,
    };

    // The English, and every locale's usable units.
    let mut layouts = BTreeMap::new();
    let mut english: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for name in articles.iter().chain(std::iter::once(&disclaimer)) {
        let layout = workspace
            .read_layout(name)?
            .context(format!("{name} has no layout: run `folio extract`"))?;
        let units = match english_units(&workspace, name) {
            Ok(units) => units,
            Err(error) => {
                report(reporter, &workspace, &error);
                return Ok(Outcome::Error);
            }
        };
        english.insert(
            name.clone(),
            units.into_iter().map(|u| (u.id, u.text)).collect(),
        );
        layouts.insert(name.clone(), layout);
    }
    let documents: Vec<&String> = layouts.keys().collect();
    let usable: BTreeMap<LanguageIdentifier, Usable> = all_locales
        .par_iter()
        .map(|locale| {
            Ok((
                locale.clone(),
                usable_units(&workspace, locale, &documents, &english)?,
            ))
        })
        .collect::<anyhow::Result<_>>()?;

    // Decide, for every locale, before writing anything.
    let policy = &config.render;
    let mut verdicts: BTreeMap<LanguageIdentifier, Verdict> = BTreeMap::new();
    for locale in &all_locales {
        let units = &usable[locale];
        let refused: Vec<String> = layouts[&disclaimer]
            .units()
            .into_iter()
            .filter(|(_, id)| {
                !units
                    .get(&disclaimer)
                    .is_some_and(|u| u.contains_key(id.as_str()))
            })
            .map(|(_, id)| id.to_string())
            .collect();
        if !refused.is_empty() {
            verdicts.insert(locale.clone(), Verdict::Refused(refused));
            continue;
        }
        let mut below = Vec::new();
        for article in &articles {
            let coverage = coverage(&layouts[article], &english[article], units.get(article));
            let complete = coverage >= 100.0 - 1e-9;
            if coverage + 1e-9 < policy.min_coverage || (!policy.fallback && !complete) {
                below.push((article.clone(), coverage));
            }
        }
        verdicts.insert(locale.clone(), Verdict::Published { below });
    }
    let published = |locale: &LanguageIdentifier, article: &str| -> bool {
        *locale == reference
            || matches!(verdicts.get(locale), Some(Verdict::Published { below }) if !below.iter().any(|(a, _)| a == article))
    };

    let extension = match args.format {
        PageFormat::Html => "html",
        PageFormat::Markdown => "md",
    };
    let available: Vec<LanguageIdentifier> = std::iter::once(reference.clone())
        .chain(all_locales.iter().cloned())
        .collect();
    let mut pages: Vec<(PathBuf, String)> = Vec::new();
    let mut withdrawn: Vec<PathBuf> = Vec::new();
    for article in &articles {
        let versions: Vec<&LanguageIdentifier> =
            available.iter().filter(|l| published(l, article)).collect();
        for locale in &requested {
            let relative = PathBuf::from(locale.to_string()).join(format!("{article}.{extension}"));
            if !published(locale, article) {
                withdrawn.push(relative);
                continue;
            }
            let chain = fallback_chain(locale, &available, &reference);
            let resolve = |document: &str, id: &UnitId| -> Option<Text> {
                chain.iter().find_map(|source| {
                    let text = if *source == reference {
                        english.get(document)?.get(id.as_str())?
                    } else {
                        usable.get(source)?.get(document)?.get(id.as_str())?
                    };
                    let fallback =
                        (source != locale).then(|| (source.to_string(), direction(source)));
                    Some(Text {
                        markdown: text.clone(),
                        fallback,
                    })
                })
            };
            // The disclaimer never falls back: the verdict above made sure it is all there.
            let own = |id: &UnitId| -> Option<Text> {
                let text = if *locale == reference {
                    english[&disclaimer].get(id.as_str())?
                } else {
                    usable.get(locale)?.get(&disclaimer)?.get(id.as_str())?
                };
                Some(Text {
                    markdown: text.clone(),
                    fallback: None,
                })
            };
            let layout = &layouts[article];
            let href = |l: &LanguageIdentifier| format!("../{l}/{article}.{extension}");
            let page = Page {
                lang: locale.to_string(),
                dir: direction(locale),
                article: article.clone(),
                title: layout
                    .title
                    .as_ref()
                    .and_then(|id| resolve(article, id))
                    .unwrap_or(Text {
                        markdown: article.clone(),
                        fallback: None,
                    }),
                description: layout
                    .description
                    .as_ref()
                    .and_then(|id| resolve(article, id)),
                body: build_blocks(layout, &|id| resolve(article, id)),
                disclaimer: build_blocks(&layouts[&disclaimer], &own),
                alternates: versions
                    .iter()
                    .map(|l| Alternate {
                        lang: l.to_string(),
                        name: language_name(&l.to_string()),
                        href: href(l),
                        current: *l == locale,
                    })
                    .collect(),
                x_default: href(&reference),
            };
            let text = match args.format {
                PageFormat::Html => render_html(&page, template.as_deref())?,
                PageFormat::Markdown => render_markdown(&page),
            };
            pages.push((relative, text));
        }
    }

    publish(&args.out, &pages, &withdrawn)?;

    let mut out = crate::diagnostics::stdout(cli.color);
    let mut outcome = if reporter.error_count() > 0 {
        Outcome::Error
    } else {
        Outcome::Clean
    };
    for locale in &requested {
        let written = pages
            .iter()
            .filter(|(p, _)| p.starts_with(locale.to_string()))
            .count();
        match verdicts.get(locale) {
            Some(Verdict::Refused(units)) => {
                reporter.error(&format!(
                    "{locale}: refused, nothing written: its disclaimer is not translated and current ({}); \
                     translate or update them in {}, then `folio accept {locale}`",
                    units.join(", "),
                    workspace.display_path(&workspace.translation_path(locale, &disclaimer)).display()
                ));
                if outcome == Outcome::Clean {
                    outcome = Outcome::Findings;
                }
            }
            Some(Verdict::Published { below }) => {
                for (article, coverage) in below.iter().filter(|(a, _)| articles.contains(a)) {
                    writeln!(
                        out,
                        "{locale}: {article} not published: {coverage:.1}% of its English words are translated and current, \
                         below the {:.0}% publishing threshold{}",
                        policy.min_coverage,
                        if policy.fallback {
                            ""
                        } else {
                            " (fallback is off: every unit must be current)"
                        }
                    )?;
                }
                writeln!(
                    out,
                    "{locale}: {written} page(s) -> {}",
                    args.out.join(locale.to_string()).display()
                )?;
            }
            None => writeln!(
                out,
                "{locale}: {written} page(s) -> {}",
                args.out.join(locale.to_string()).display()
            )?,
        }
    }
    Ok(outcome)
}

/// The locales to take a unit from, best first: the locale, then its more general
/// forms present in the workspace (pt-BR → pt), then the reference.
fn fallback_chain(
    locale: &LanguageIdentifier,
    available: &[LanguageIdentifier],
    reference: &LanguageIdentifier,
) -> Vec<LanguageIdentifier> {
    let mut chain: Vec<LanguageIdentifier> = vec![locale.clone()];
    let negotiated = negotiate_languages(
        &[locale],
        available,
        Some(reference),
        NegotiationStrategy::Filtering,
    );
    for candidate in negotiated {
        if !chain.contains(candidate) {
            chain.push(candidate.clone());
        }
    }
    if !chain.contains(reference) {
        chain.push(reference.clone());
    }
    chain
}

fn direction(locale: &LanguageIdentifier) -> Direction {
    match locale.character_direction() {
        CharacterDirection::RTL => Direction::Rtl,
        _ => Direction::Ltr,
    }
}

/// Percent of an article's English words whose unit the locale can publish itself.
fn coverage(
    layout: &Layout,
    english: &BTreeMap<String, String>,
    usable: Option<&BTreeMap<String, String>>,
) -> f64 {
    let mut total = 0;
    let mut own = 0;
    for (_, id) in layout.units() {
        let words = english
            .get(id.as_str())
            .map_or(0, |t| t.split_whitespace().count());
        total += words;
        if usable.is_some_and(|u| u.contains_key(id.as_str())) {
            own += words;
        }
    }
    if total == 0 {
        100.0
    } else {
        own as f64 * 100.0 / total as f64
    }
}

/// A locale's publishable units: current against today's English (tracker), formatted
/// without error by fluent-bundle (isolation marks off: units are Markdown with no
/// variables, and direction comes from `lang`/`dir`), with the English's link targets.
fn usable_units(
    workspace: &Workspace,
    locale: &LanguageIdentifier,
    documents: &[&String],
    english: &BTreeMap<String, BTreeMap<String, String>>,
) -> anyhow::Result<Usable> {
    let mut usable = Usable::new();
    for document in documents {
        let reference = &english[*document];
        let units: Vec<folio_track::EnglishUnit> = reference
            .iter()
            .map(|(id, text)| folio_track::EnglishUnit {
                id: id.clone(),
                text: text.clone(),
            })
            .collect();
        let tracked = track(workspace, &units, locale, document)?;
        let current: BTreeSet<&str> = tracked
            .units
            .iter()
            .filter(|u| u.status == Status::Current)
            .map(|u| u.id.as_str())
            .collect();
        let resource = match FluentResource::try_new(tracked.text.clone()) {
            Ok(resource) | Err((resource, _)) => resource,
        };
        let mut bundle = FluentBundle::new(vec![locale.clone()]);
        bundle.set_use_isolating(false);
        // Duplicates are reported by `folio check`; the first definition is used here.
        let _ = bundle.add_resource(resource);
        let mut texts = BTreeMap::new();
        for id in current {
            let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
                continue;
            };
            let mut errors = Vec::new();
            let text = bundle
                .format_pattern(pattern, None, &mut errors)
                .into_owned();
            let links_kept = reference
                .get(id)
                .is_some_and(|english| folio_check::same_link_targets(english, &text));
            if errors.is_empty() && links_kept {
                texts.insert(id.to_owned(), text);
            }
        }
        usable.insert((*document).clone(), texts);
    }
    Ok(usable)
}

/// Writes the site atomically: the new site is built in a temporary folder beside `out`
/// (a copy of the old site, the new pages written and withdrawn pages removed), then
/// renamed into place. A failure before the rename leaves the old site untouched.
fn publish(out: &Path, pages: &[(PathBuf, String)], withdrawn: &[PathBuf]) -> anyhow::Result<()> {
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).with_context(|| format!("creating {}", parent.display()))?;
    let staging = tempfile::Builder::new()
        .prefix(".folio-render-")
        .tempdir_in(&parent)
        .context("creating a staging folder")?;
    if out.is_dir() {
        copy_tree(out, staging.path())?;
    }
    for relative in withdrawn {
        folio_workspace::remove_file(&staging.path().join(relative))?;
    }
    for (relative, text) in pages {
        write_atomic(&staging.path().join(relative), text.as_bytes())?;
    }
    let staged = staging.keep();
    if out.exists() {
        let old = tempfile::Builder::new()
            .prefix(".folio-old-")
            .tempdir_in(&parent)?
            .keep();
        std::fs::remove_dir(&old)?;
        std::fs::rename(out, &old)
            .with_context(|| format!("moving the old {} aside", out.display()))?;
        std::fs::rename(&staged, out)
            .with_context(|| format!("putting the new {} in place", out.display()))?;
        std::fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
    } else {
        std::fs::rename(&staged, out)
            .with_context(|| format!("putting {} in place", out.display()))?;
    }
    Ok(())
}

fn copy_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(from).with_context(|| format!("reading {}", from.display()))? {
        let path = entry?.path();
        let target = to.join(path.file_name().expect("entries have names"));
        if path.is_dir() {
            std::fs::create_dir_all(&target)?;
            copy_tree(&path, &target)?;
        } else {
            std::fs::copy(&path, &target).with_context(|| format!("copying {}", path.display()))?;
        }
    }
    Ok(())
}
