//! `folio-gen workspace`: a Folio workspace of N copies of a repository's article.
//!
//! From the source workspace (`--from`, holding `folio.toml`, `source/` and `locales/`)
//! it copies `folio.toml`, the disclaimer (`source/disclaimer.md`, its English units and
//! layout, and each locale's translation and record) and, for i in 1..=N, the article
//! `source/<article>.md` as `source/<article>-<i>.md` with its English units, layout, and
//! each locale's translation and record (`locales/<l>/confirmed/<article>-<i>.toml`).
//! The article's name in the files' header comments follows the copy's name.
//!
//! The target locales are the source workspace's own (sorted), then, when more are asked
//! for, regional variants of them that can reuse their files unchanged (`de-AT` the `de`
//! files, `zh-Hans-SG` the `zh-Hans` files, …), one per language in turn.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::locales::REFERENCE;

/// Regional variants written in the same language and script as a locale, so they can
/// reuse its translations as they are.
pub const VARIANTS: &[(&str, &[&str])] = &[
    (
        "ar",
        &[
            "ar-EG", "ar-SA", "ar-AE", "ar-MA", "ar-DZ", "ar-IQ", "ar-JO", "ar-LB", "ar-KW",
            "ar-QA", "ar-TN",
        ],
    ),
    (
        "de",
        &["de-AT", "de-CH", "de-LU", "de-LI", "de-BE", "de-IT"],
    ),
    (
        "es",
        &[
            "es-MX", "es-AR", "es-CO", "es-CL", "es-PE", "es-US", "es-419", "es-VE", "es-EC",
            "es-UY", "es-ES",
        ],
    ),
    (
        "fr",
        &[
            "fr-CA", "fr-BE", "fr-CH", "fr-LU", "fr-SN", "fr-CI", "fr-MA",
        ],
    ),
    ("pt-BR", &["pt-PT", "pt-AO", "pt-MZ", "pt-CV", "pt-GW"]),
    (
        "zh-Hans",
        &["zh-Hans-SG", "zh-Hans-MY", "zh-Hans-HK", "zh-Hans-MO"],
    ),
];

/// The disclaimer's name (`source/disclaimer.md`).
const DISCLAIMER: &str = "disclaimer";

/// What a generated workspace holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Target locales (the reference not counted).
    pub locales: usize,
    /// Articles (the disclaimer not counted).
    pub articles: usize,
    /// Files written.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
    /// `.ftl` files written.
    pub ftl_files: u64,
    /// Bytes of `.ftl` files written.
    pub ftl_bytes: u64,
}

/// One target locale of the new workspace and the source locale whose files it reuses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The new locale's tag.
    pub tag: String,
    /// The source workspace's locale it copies.
    pub from: String,
}

/// The `count` target locales made from the source workspace's `own` locales: those
/// first, then their variants in turn.
pub fn targets(own: &[String], count: usize) -> Result<Vec<Target>> {
    let mut chosen: Vec<Target> = own
        .iter()
        .map(|tag| Target {
            tag: tag.clone(),
            from: tag.clone(),
        })
        .collect();
    let families: Vec<(&String, &[&str])> = own
        .iter()
        .filter_map(|tag| {
            VARIANTS
                .iter()
                .find(|(base, _)| base == tag)
                .map(|(_, variants)| (tag, *variants))
        })
        .collect();
    let deepest = families.iter().map(|(_, v)| v.len()).max().unwrap_or(0);
    for round in 0..deepest {
        for (base, variants) in &families {
            if let Some(tag) = variants.get(round)
                && !own.iter().any(|o| o == tag)
            {
                chosen.push(Target {
                    tag: (*tag).to_owned(),
                    from: (*base).clone(),
                });
            }
        }
    }
    if count > chosen.len() {
        bail!(
            "at most {} locales can be made from the source workspace's {} (asked for {count})",
            chosen.len(),
            own.join(", ")
        );
    }
    chosen.truncate(count);
    chosen.sort_by(|a, b| a.tag.cmp(&b.tag));
    Ok(chosen)
}

/// Writes a workspace of `articles` copies of `article` in `locales` target locales,
/// made from the workspace at `from`, into `out` (missing or empty).
pub fn generate(
    from: &Path,
    article: &str,
    articles: usize,
    locales: usize,
    out: &Path,
) -> Result<Summary> {
    let from_locales = from.join("locales");
    let mut own = Vec::new();
    for entry in std::fs::read_dir(&from_locales)
        .with_context(|| format!("reading {}", from_locales.display()))?
    {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if entry.file_type()?.is_dir() && name != REFERENCE && !name.starts_with('.') {
            own.push(name);
        }
    }
    own.sort();
    let targets = targets(&own, locales)?;
    prepare_out(out)?;

    let copier = Copier { from, out };
    let mut summary = Summary {
        locales: targets.len(),
        articles,
        ..Summary::default()
    };
    copier.copy("folio.toml", "folio.toml", None, &mut summary)?;
    // The termbase, if any, with the tables of the locales written: `check` refuses a
    // table for a locale the workspace lacks.
    if from.join(TERMS).is_file() {
        let text = std::fs::read_to_string(from.join(TERMS))
            .with_context(|| format!("reading {}", from.join(TERMS).display()))?;
        let kept = terms_for(&text, &targets);
        std::fs::write(out.join(TERMS), &kept)
            .with_context(|| format!("writing {}", out.join(TERMS).display()))?;
        summary.files += 1;
        summary.bytes += kept.len() as u64;
    }
    // The disclaimer keeps its name.
    copier.document(DISCLAIMER, DISCLAIMER, &targets, &mut summary)?;
    let copies = (1..=articles)
        .into_par_iter()
        .map(|i| {
            let mut part = Summary::default();
            copier.document(article, &format!("{article}-{i}"), &targets, &mut part)?;
            Ok(part)
        })
        .collect::<Result<Vec<Summary>>>()?;
    for part in copies {
        summary.files += part.files;
        summary.bytes += part.bytes;
        summary.ftl_files += part.ftl_files;
        summary.ftl_bytes += part.ftl_bytes;
    }
    Ok(summary)
}

/// Makes `out` an empty folder: refuses one that has anything in it.
pub fn prepare_out(out: &Path) -> Result<()> {
    if out.exists() {
        let mut entries =
            std::fs::read_dir(out).with_context(|| format!("reading {}", out.display()))?;
        if entries.next().is_some() {
            bail!("{} is not empty: give a new folder", out.display());
        }
    }
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))
}

struct Copier<'a> {
    from: &'a Path,
    out: &'a Path,
}

impl Copier<'_> {
    /// Copies every file of one document: source, English units and layout, and each
    /// target's translation and record.
    fn document(
        &self,
        name: &str,
        copy: &str,
        targets: &[Target],
        summary: &mut Summary,
    ) -> Result<()> {
        let rename = (name != copy).then_some((name, copy));
        self.copy(
            &format!("source/{name}.md"),
            &format!("source/{copy}.md"),
            None,
            summary,
        )?;
        self.copy(
            &format!("locales/{REFERENCE}/{name}.ftl"),
            &format!("locales/{REFERENCE}/{copy}.ftl"),
            rename,
            summary,
        )?;
        self.copy(
            &format!("locales/{REFERENCE}/{name}.layout.json"),
            &format!("locales/{REFERENCE}/{copy}.layout.json"),
            None,
            summary,
        )?;
        for target in targets {
            let (from, to) = (&target.from, &target.tag);
            self.copy(
                &format!("locales/{from}/{name}.ftl"),
                &format!("locales/{to}/{copy}.ftl"),
                rename,
                summary,
            )?;
            self.copy(
                &format!("locales/{from}/confirmed/{name}.toml"),
                &format!("locales/{to}/confirmed/{copy}.toml"),
                rename,
                summary,
            )?;
        }
        Ok(())
    }

    /// Copies one file; with `rename`, header comment lines (`#…`) name the copy.
    fn copy(
        &self,
        from: &str,
        to: &str,
        rename: Option<(&str, &str)>,
        summary: &mut Summary,
    ) -> Result<()> {
        let source: PathBuf = self.from.join(from);
        let target: PathBuf = self.out.join(to);
        let text = std::fs::read_to_string(&source)
            .with_context(|| format!("reading {}", source.display()))?;
        let text = match rename {
            Some((name, copy)) => rename_in_comments(&text, name, copy),
            None => text,
        };
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("creating {}", parent.display()))?;
        }
        std::fs::write(&target, &text).with_context(|| format!("writing {}", target.display()))?;
        summary.files += 1;
        summary.bytes += text.len() as u64;
        if to.ends_with(".ftl") {
            summary.ftl_files += 1;
            summary.ftl_bytes += text.len() as u64;
        }
        Ok(())
    }
}

/// The termbase's file name in a workspace.
const TERMS: &str = "terms.toml";

/// A termbase's `text` without the `[term.<tag>]` tables of locales not in `targets`
/// (a table runs to the next table header).
fn terms_for(text: &str, targets: &[Target]) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut skipping = false;
    for line in text.split_inclusive('\n') {
        if line.starts_with('[') {
            skipping = line
                .trim_end()
                .strip_prefix("[term.")
                .and_then(|rest| rest.strip_suffix(']'))
                .is_some_and(|tag| !targets.iter().any(|t| t.tag == tag));
        }
        if !skipping {
            kept.push_str(line);
        }
    }
    kept
}

/// `text` with `name` replaced by `copy` in its comment lines only.
fn rename_in_comments(text: &str, name: &str, copy: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    for line in text.split_inclusive('\n') {
        if line.starts_with('#') {
            out.push_str(&line.replace(name, copy));
        } else {
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn own() -> Vec<String> {
        ["ar", "de", "es", "fr", "pt-BR", "zh-Hans"]
            .map(String::from)
            .to_vec()
    }

    #[test]
    fn the_termbase_keeps_the_tables_of_the_locales_written() {
        let text = "[[term]]\nid = \"a\"\nen = [\"a\"]\n\n[term.de]\napproved = [\"x\"]\n\n\
                    [term.fr]\napproved = [\"y\"]\n\n[[term]]\nid = \"b\"\n";
        let targets = [Target {
            tag: "fr".to_owned(),
            from: "fr".to_owned(),
        }];
        assert_eq!(
            terms_for(text, &targets),
            "[[term]]\nid = \"a\"\nen = [\"a\"]\n\n[term.fr]\napproved = [\"y\"]\n\n\
             [[term]]\nid = \"b\"\n"
        );
    }

    #[test]
    fn variants_are_canonical_tags_of_their_language() {
        for (base, variants) in VARIANTS {
            for tag in *variants {
                assert!(folio_workspace::parse_locale(tag).is_ok(), "{tag}");
                let language = |t: &str| t.split('-').next().unwrap().to_owned();
                assert_eq!(language(tag), language(base));
                if base.contains("-Hans") {
                    assert!(tag.contains("-Hans"), "{tag} keeps the script");
                }
            }
        }
    }

    #[test]
    fn targets_start_with_the_own_locales_then_take_variants_in_turn() {
        let six = targets(&own(), 6).unwrap();
        assert!(six.iter().all(|t| t.tag == t.from));
        let eight: Vec<String> = targets(&own(), 8)
            .unwrap()
            .into_iter()
            .map(|t| t.tag)
            .collect();
        assert_eq!(
            eight,
            ["ar", "ar-EG", "de", "de-AT", "es", "fr", "pt-BR", "zh-Hans"]
        );
        let forty = targets(&own(), 40).unwrap();
        assert_eq!(forty.len(), 40);
        assert!(
            forty
                .iter()
                .any(|t| t.tag == "zh-Hans-SG" && t.from == "zh-Hans")
        );
        assert!(targets(&own(), 51).is_err());
    }

    #[test]
    fn only_comments_are_renamed() {
        let text = "### a-b: units of source/a-b.md\nx-a-b-y = a-b\n";
        assert_eq!(
            rename_in_comments(text, "a-b", "a-b-3"),
            "### a-b-3: units of source/a-b-3.md\nx-a-b-y = a-b\n"
        );
    }
}
