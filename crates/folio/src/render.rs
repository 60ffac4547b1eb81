//! `folio render`: localized article pages, each with its translated, current disclaimer
//! — or a refusal, never a page without it.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use folio_check::{Check, Severity};
use folio_model::UnitId;
use folio_policy::{DisclaimerGap, DisclaimerProblem, article_checks, disclaimer_problems};
use folio_render::{
    Alternate, Direction, FrontMatterValue, Page, Text, build_blocks, language_name,
    localize_images, render_html, render_markdown,
};
use folio_track::{EnglishUnit, Status};
use folio_workspace::{SiteScope, publish_site};
use rayon::prelude::*;
use unic_langid::{CharacterDirection, LanguageIdentifier};

use crate::Outcome;
use crate::assess::{Assessed, EnglishTexts, assess_locale, english_disclaimer_problem};
use crate::cli::{Cli, PageFormat, RenderArgs};
use crate::diagnostics::Reporter;
use crate::load::{lock_workspace, open_workspace};

/// The units one locale can publish (`folio-policy`'s definition, the one `check`
/// uses): by document, then unit id, the formatted text.
type Usable = BTreeMap<String, BTreeMap<String, String>>;

/// What one locale's translations come to: what it can publish, and what keeps it from
/// publishing at all.
struct Publishable {
    /// The publishable units.
    usable: Usable,
    /// By article, the current units left out for their errors, with the checks that
    /// failed: `check` reports the same, and the page shows a fallback instead.
    left_out: BTreeMap<String, Vec<(String, Vec<Check>)>>,
    /// Each article's coverage: the percentage of its English words it can publish.
    coverage: BTreeMap<String, f64>,
    /// The disclaimer units it lacks; any makes it refused.
    disclaimer: Vec<DisclaimerProblem>,
}

/// What happens to one locale.
enum Verdict {
    /// Its disclaimer is not publishable: nothing is written for it.
    Refused(Vec<DisclaimerProblem>),
    /// Pages for these articles are published; the others are below the policy.
    Published { below: Vec<(String, f64)> },
}

/// Runs `folio render`.
pub fn run(cli: &Cli, args: &RenderArgs, reporter: &mut Reporter) -> anyhow::Result<Outcome> {
    let workspace = open_workspace(cli)?;
    workspace.check_site_folder(&args.out)?;
    let _lock = lock_workspace(&workspace, reporter)?;
    let config = workspace.config();
    let reference = workspace.reference().clone();
    let (all_locales, locale_errors) = workspace.locales()?;
    for error in &locale_errors {
        reporter.error(error);
    }
    let disclaimer = workspace.disclaimer_name();
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
        Some(path) => Some(workspace.read_text(&workspace.root().join(path))?),
        None => None,
    };

    // The English: its text parsed once, its units, and the layouts.
    let mut layouts = BTreeMap::new();
    let names: Vec<String> = articles
        .iter()
        .chain(std::iter::once(&disclaimer))
        .cloned()
        .collect();
    for name in &names {
        let layout = workspace
            .read_layout(name)?
            .context(format!("{name} has no layout: run `folio extract`"))?;
        layouts.insert(name.clone(), layout);
    }
    let before = reporter.error_count();
    let english_texts = EnglishTexts::read(&workspace, &names, reporter)?;
    if reporter.error_count() > before {
        // An English file edited by hand and broken: nothing can be rendered from it.
        return Ok(Outcome::Error);
    }
    let references = english_texts.parse();
    let english: BTreeMap<String, BTreeMap<String, String>> = references
        .iter()
        .map(|reference| {
            let texts = reference
                .units
                .iter()
                .map(|u| (u.id.clone(), u.text.clone()));
            (reference.name.to_owned(), texts.collect())
        })
        .collect();
    let disclaimer_reference = references
        .iter()
        .find(|r| r.name == disclaimer)
        .expect("the disclaimer is read with the articles");
    // Every page carries the English disclaimer: it must have text, unit by unit, as its
    // layout places them.
    if let Some(problem) = english_disclaimer_problem(&workspace, disclaimer_reference)? {
        anyhow::bail!("{problem}");
    }
    let options = article_checks(config.check.proper_names.clone());
    let assessed: BTreeMap<LanguageIdentifier, Publishable> = all_locales
        .par_iter()
        .map(|locale| {
            let documents = assess_locale(&workspace, locale, &references, &options)?;
            Ok((
                locale.clone(),
                publishable(documents, &disclaimer, &disclaimer_reference.units),
            ))
        })
        .collect::<anyhow::Result<_>>()?;

    // Decide, for every locale, before writing anything.
    let policy = &config.render;
    let mut verdicts: BTreeMap<LanguageIdentifier, Verdict> = BTreeMap::new();
    for (locale, one) in &assessed {
        if !one.disclaimer.is_empty() {
            verdicts.insert(locale.clone(), Verdict::Refused(one.disclaimer.clone()));
            continue;
        }
        let mut below = Vec::new();
        for article in &articles {
            let coverage = one.coverage.get(article).copied().unwrap_or(0.0);
            let complete = coverage >= 100.0 - 1e-9;
            if coverage + 1e-9 < policy.min_coverage || (!policy.fallback && !complete) {
                below.push((article.clone(), coverage));
            }
        }
        verdicts.insert(locale.clone(), Verdict::Published { below });
    }
    let usable: BTreeMap<&LanguageIdentifier, &Usable> =
        assessed.iter().map(|(l, a)| (l, &a.usable)).collect();
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
                        reference: english
                            .get(document)
                            .and_then(|units| units.get(id.as_str()))
                            .cloned(),
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
                    reference: english[&disclaimer].get(id.as_str()).cloned(),
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
                        reference: None,
                    }),
                description: layout
                    .description
                    .as_ref()
                    .and_then(|id| resolve(article, id)),
                front_matter: front_matter(layout, &|id| resolve(article, id)),
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
            let mut page = page;
            if *locale != reference {
                let own = workspace.localized_images(locale)?;
                localize_images(&mut page.body, &locale.to_string(), &own);
            }
            let text = match args.format {
                PageFormat::Html => render_html(&page, template.as_deref())?,
                PageFormat::Markdown => render_markdown(&page),
            };
            pages.push((relative, text));
        }
    }

    // Naming no article and no locale renders the whole site; anything else is a part.
    let scope = if args.articles.is_empty() && args.locale.is_empty() {
        SiteScope::Whole
    } else {
        SiteScope::Part
    };
    let published = publish_site(&args.out, &pages, &withdrawn, scope)?;
    for skipped in &published.skipped {
        reporter.warning(&format!("{skipped}; left out of the new site"));
    }

    let mut out = crate::diagnostics::stdout(cli.color);
    for page in &published.withdrawn {
        writeln!(out, "withdrawn: {}", args.out.join(page).display())?;
    }
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
            Some(Verdict::Refused(problems)) => {
                let units: Vec<String> = problems
                    .iter()
                    .map(|p| format!("{} ({})", p.id, p.gap.describe()))
                    .collect();
                let stale: Vec<&str> = problems
                    .iter()
                    .filter(|p| p.gap == DisclaimerGap::Stale)
                    .map(|p| p.id.as_str())
                    .collect();
                let file = workspace.translation_path(locale, &disclaimer);
                let mut advice = format!(
                    "translate or fix them in {} (`folio check {locale}` says what is wrong)",
                    workspace.display_path(&file).display()
                );
                if !stale.is_empty() {
                    advice.push_str(&format!(
                        "; once a stale unit's translation is updated, `folio accept {locale} {}`",
                        stale.join(" ")
                    ));
                }
                reporter.error(&format!(
                    "{locale}: refused, nothing written and its old pages withdrawn: its disclaimer \
                     must be translated, current and free of errors, and {} not: {advice}",
                    units.join(", ")
                ));
                if outcome == Outcome::Clean {
                    outcome = Outcome::Findings;
                }
            }
            Some(Verdict::Published { below }) => {
                for (article, coverage) in below.iter().filter(|(a, _)| articles.contains(a)) {
                    writeln!(
                        out,
                        "{locale}: {article} not published: {coverage:.1}% of its English words are translated, current and publishable, \
                         below the {:.0}% publishing threshold{}",
                        policy.min_coverage,
                        if policy.fallback {
                            ""
                        } else {
                            " (fallback is off: every unit must be current)"
                        }
                    )?;
                }
                let left_out = assessed.get(locale).map(|a| &a.left_out);
                for (article, units) in left_out.into_iter().flatten() {
                    if !articles.contains(article) || below.iter().any(|(a, _)| a == article) {
                        continue;
                    }
                    let units: Vec<String> = units
                        .iter()
                        .map(|(id, checks)| {
                            let names: Vec<&str> = checks.iter().map(|c| c.name()).collect();
                            format!("{id} ({})", names.join(", "))
                        })
                        .collect();
                    writeln!(
                        out,
                        "{locale}: {article}: {} unit(s) left out for errors, shown from the fallback \
                         (`folio check {locale}`): {}",
                        units.len(),
                        units.join(", ")
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

/// What one locale can publish, from its assessed documents: the publishable units,
/// each article's coverage, what was left out for errors, and the disclaimer's gaps.
fn publishable(
    documents: Vec<Assessed>,
    disclaimer: &str,
    disclaimer_units: &[EnglishUnit],
) -> Publishable {
    let mut assessed = Publishable {
        usable: Usable::new(),
        left_out: BTreeMap::new(),
        coverage: BTreeMap::new(),
        disclaimer: Vec::new(),
    };
    for Assessed {
        document,
        assessment,
        ..
    } in documents
    {
        if document == disclaimer {
            assessed.disclaimer = disclaimer_problems(disclaimer_units, &assessment);
        }
        let left_out: Vec<(String, Vec<Check>)> = assessment
            .statuses
            .iter()
            .filter(|u| u.status == Status::Current && !assessment.publishable.contains_key(&u.id))
            .map(|u| {
                let checks: BTreeSet<Check> = assessment
                    .findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error && f.id.as_ref() == Some(&u.id))
                    .map(|f| f.check)
                    .collect();
                (u.id.clone(), checks.into_iter().collect())
            })
            .collect();
        if !left_out.is_empty() && document != disclaimer {
            assessed.left_out.insert(document.clone(), left_out);
        }
        assessed
            .coverage
            .insert(document.clone(), assessment.coverage);
        assessed.usable.insert(document, assessment.publishable);
    }
    assessed
}

/// The front matter a Markdown page passes through: the source's kept keys and its other
/// translated text keys, sorted by key.
fn front_matter(
    layout: &folio_model::Layout,
    resolve: &dyn Fn(&UnitId) -> Option<Text>,
) -> Vec<(String, FrontMatterValue)> {
    let mut values: BTreeMap<String, FrontMatterValue> = layout
        .front_matter
        .iter()
        .flatten()
        .map(|(key, value)| (key.clone(), FrontMatterValue::Kept(value.clone())))
        .collect();
    for (key, id) in &layout.meta {
        if let Some(text) = resolve(id) {
            values.insert(key.clone(), FrontMatterValue::Text(text));
        }
    }
    values.into_iter().collect()
}
