//! What the render cache keeps of one article (`.folio-cache/render/<article>.json`): what
//! its render concluded and the hash of each page it wrote. With the key's share that every
//! page depends on ([`Site::cache_settings`]), it lets `folio render` keep an unchanged
//! article's pages as the site has them, if each still hashes as recorded, rather than
//! render and prove them again.

use std::path::PathBuf;

use folio_policy::LeftOut;
use folio_render::IndexEntry;
use serde::{Deserialize, Serialize};
use unic_langid::LanguageIdentifier;
use xxhash_rust::xxh3::xxh3_64;

use crate::{ArticlePages, Site};

/// One article's render as the cache keeps it. Locales are tags; a coverage is kept as
/// its bits, so a summary made from the cache is exactly a fresh one's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptArticle {
    /// Locale, path relative to the site, xxh3 of the page's contents.
    pub pages: Vec<(String, PathBuf, u64)>,
    /// The pages not published (refused or below the rule), relative to the site.
    pub withdrawn: Vec<PathBuf>,
    /// Locales below the rule, with their coverage's bits.
    pub below: Vec<(String, u64)>,
    /// Locales whose page leaves units out, with the checks failed.
    pub left_out: Vec<(String, Vec<LeftOut>)>,
    /// The article as each locale that publishes it lists it.
    pub index: Vec<(String, IndexEntry)>,
}

impl KeptArticle {
    /// What the cache keeps of a render's `pages`.
    pub fn of(pages: &ArticlePages) -> Self {
        KeptArticle {
            pages: (pages.pages.iter())
                .map(|(locale, path, text)| {
                    (locale.to_string(), path.clone(), Self::page_hash(text))
                })
                .collect(),
            withdrawn: pages.withdrawn.clone(),
            below: (pages.below.iter())
                .map(|(locale, coverage)| (locale.to_string(), coverage.to_bits()))
                .collect(),
            left_out: (pages.left_out.iter())
                .map(|(locale, units)| (locale.to_string(), units.clone()))
                .collect(),
            index: (pages.index.iter())
                .map(|(locale, entry)| (locale.to_string(), entry.clone()))
                .collect(),
        }
    }

    /// The hash a kept page is recorded and compared by.
    pub fn page_hash(page: &str) -> u64 {
        xxh3_64(page.as_bytes())
    }
}

impl Site {
    /// What every page of a render depends on beyond its article's own files and
    /// `folio.toml`, for the render cache's key: the locales asked for and refused, the
    /// fallback chains, the disclaimer in every locale, the interface strings, each
    /// locale's images, how pages link, and `template` (the publisher's template's text,
    /// empty for the built-in one, which is part of Folio's build). Anything new that a
    /// page depends on belongs here or among the article's inputs.
    pub fn cache_settings(&self, template: &str) -> String {
        let locales = (
            &self.reference,
            &self.available,
            &self.requested,
            &self.refused,
        );
        let disclaimer = (
            &self.disclaimer_layout,
            &self.disclaimer_english,
            &self.disclaimer,
        );
        let pages = (&self.rule, &self.format, &self.urls, &self.site_name);
        let shared = (
            &self.chains,
            &self.images,
            &self.english_only_sites,
            &self.interface,
        );
        format!("{locales:?}\0{disclaimer:?}\0{pages:?}\0{shared:?}\0{template}")
    }

    /// Whether `kept` names the pages a render of `article` makes and nothing else: each
    /// page at its locale's path, and every locale asked for either published or
    /// withdrawn, once. The cache is a file anyone may edit; an entry that named another
    /// path would have a file outside the article's pages kept as Folio's, and its real
    /// page withdrawn.
    pub fn names_its_pages(&self, article: &str, kept: &KeptArticle) -> bool {
        let at_home = kept.pages.iter().all(|(tag, relative, _)| {
            tag.parse::<LanguageIdentifier>()
                .is_ok_and(|locale| self.page_path(&locale, article) == *relative)
        });
        let mut named: Vec<&PathBuf> = (kept.pages.iter().map(|(_, relative, _)| relative))
            .chain(&kept.withdrawn)
            .collect();
        named.sort();
        let mut expected: Vec<PathBuf> = (self.requested.iter())
            .map(|locale| self.page_path(locale, article))
            .collect();
        expected.sort();
        at_home && named.into_iter().eq(expected.iter())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_article_reads_back_exactly_its_coverage_and_hashes() {
        let es: LanguageIdentifier = "es".parse().unwrap();
        let pages = ArticlePages {
            pages: vec![(
                es.clone(),
                PathBuf::from("es/a.html"),
                "<p>Hola</p>".to_owned(),
            )],
            withdrawn: vec![PathBuf::from("fr/a.html")],
            // A coverage no decimal text holds exactly.
            below: vec![(es.clone(), 0.1 + 0.2)],
            left_out: Vec::new(),
            index: Vec::new(),
        };
        let kept = KeptArticle::of(&pages);
        assert_eq!(kept.pages[0].2, KeptArticle::page_hash("<p>Hola</p>"));
        let read: KeptArticle =
            serde_json::from_str(&serde_json::to_string(&kept).unwrap()).unwrap();
        assert_eq!(read, kept);
        assert_eq!(f64::from_bits(read.below[0].1), 0.1 + 0.2);
    }
}
