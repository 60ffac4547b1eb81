//! Interface strings: the words a page says around the article — the language
//! navigation's name, "Last reviewed", "Not yet translated", the 404 text — as Fluent
//! messages.
//!
//! They form a reserved document, [`INTERFACE_DOCUMENT`], tracked like an article: its
//! English is built into Folio ([`BUILTIN_ENGLISH`]; `folio extract` writes it to
//! `locales/en/interface.ftl`), and each locale translates it in
//! `locales/<tag>/interface.ftl`, which `new-locale` and `sync` start from Folio's own
//! translation when it ships one ([`builtin_translation`]: es, fr, de, pt-BR, ar,
//! zh-Hans). A page shows, per message, the locale's current translation; else Folio's
//! built-in one for the locale; else the English — resolved by the caller into
//! [`crate::Page::interface`]. The messages hold plain text: no variables, no Markdown.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use folio_ftl::{formatted_text, parse_ftl};

/// The reserved document name of the interface strings (`interface.ftl` in every
/// locale); no article may be called so.
pub const INTERFACE_DOCUMENT: &str = "interface";

/// Folio's English interface strings, with a comment per message for translators.
pub const BUILTIN_ENGLISH: &str = include_str!("interface/en.ftl");

/// Folio's own translations of the interface strings, by BCP 47 tag.
const BUILTIN_TRANSLATIONS: &[(&str, &str)] = &[
    ("ar", include_str!("interface/ar.ftl")),
    ("de", include_str!("interface/de.ftl")),
    ("es", include_str!("interface/es.ftl")),
    ("fr", include_str!("interface/fr.ftl")),
    ("pt-BR", include_str!("interface/pt-BR.ftl")),
    ("zh-Hans", include_str!("interface/zh-Hans.ftl")),
];

/// The message ids, for the code that shows them.
pub mod ids {
    /// The name of the language navigation (`<nav aria-label>`).
    pub const LANGUAGE_NAV: &str = "language-nav";
    /// Link from an article to its locale's index.
    pub const ALL_ARTICLES: &str = "all-articles";
    /// Heading of the root language chooser.
    pub const CHOOSE_LANGUAGE: &str = "choose-language";
    /// Heading of a locale's index of articles.
    pub const ARTICLES_HEADING: &str = "articles-heading";
    /// Label of the publication date.
    pub const PUBLISHED: &str = "published";
    /// Label of the date of the last change.
    pub const UPDATED: &str = "updated";
    /// Label of the date of the last medical review.
    pub const LAST_REVIEWED: &str = "last-reviewed";
    /// Label of the author.
    pub const WRITTEN_BY: &str = "written-by";
    /// Label of the medical reviewer.
    pub const REVIEWED_BY: &str = "reviewed-by";
    /// Badge of a passage shown in another language ("Not yet translated").
    pub const FALLBACK_BADGE: &str = "fallback-badge";
    /// After a link to a page only in English ("(English)").
    pub const ENGLISH_ONLY_SUFFIX: &str = "english-only-suffix";
    /// What a table with no heading before it is called (its accessible name).
    pub const TABLE_LABEL: &str = "table-label";
    /// Title of the 404 page.
    pub const NOT_FOUND_TITLE: &str = "not-found-title";
    /// Text of the 404 page.
    pub const NOT_FOUND_TEXT: &str = "not-found-text";
    /// Link from the 404 page to the index.
    pub const NOT_FOUND_LINK: &str = "not-found-link";
}

/// Folio's translation of the interface strings for `locale`: its exact tag's, else its
/// language's when that is the tag Folio ships (`es-MX` gets `es`; `pt-PT` gets
/// nothing, as Folio's Portuguese is Brazil's).
pub fn builtin_translation(locale: &str) -> Option<&'static str> {
    let language = locale.split('-').next().unwrap_or(locale);
    BUILTIN_TRANSLATIONS
        .iter()
        .find(|(tag, _)| *tag == locale)
        .or_else(|| {
            BUILTIN_TRANSLATIONS
                .iter()
                .find(|(tag, _)| *tag == language)
        })
        .map(|(_, text)| *text)
}

/// The messages of an interface `.ftl` text, by id, as formatted text; messages that
/// do not format to plain text (variables, references) and syntax errors are left out.
pub fn interface_strings(ftl: &str) -> BTreeMap<String, String> {
    parse_ftl(ftl)
        .messages
        .iter()
        .filter_map(|m| Some((m.id.to_owned(), formatted_text(m.ast.value.as_ref()?)?)))
        .collect()
}

/// Folio's English interface strings, by id.
pub fn english_interface() -> &'static BTreeMap<String, String> {
    static ENGLISH: LazyLock<BTreeMap<String, String>> =
        LazyLock::new(|| interface_strings(BUILTIN_ENGLISH));
    &ENGLISH
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL_IDS: &[&str] = &[
        ids::LANGUAGE_NAV,
        ids::ALL_ARTICLES,
        ids::CHOOSE_LANGUAGE,
        ids::ARTICLES_HEADING,
        ids::PUBLISHED,
        ids::UPDATED,
        ids::LAST_REVIEWED,
        ids::WRITTEN_BY,
        ids::REVIEWED_BY,
        ids::FALLBACK_BADGE,
        ids::ENGLISH_ONLY_SUFFIX,
        ids::TABLE_LABEL,
        ids::NOT_FOUND_TITLE,
        ids::NOT_FOUND_TEXT,
        ids::NOT_FOUND_LINK,
    ];

    #[test]
    fn every_builtin_file_parses_and_has_exactly_the_english_ids() {
        let english = english_interface();
        let english_ids: Vec<&str> = english.keys().map(String::as_str).collect();
        let mut expected = ALL_IDS.to_vec();
        expected.sort_unstable();
        assert_eq!(english_ids, expected);
        for (tag, text) in BUILTIN_TRANSLATIONS {
            let file = parse_ftl(text);
            assert!(file.errors.is_empty(), "{tag}: {:?}", file.errors);
            let strings = interface_strings(text);
            let ids: Vec<&str> = strings.keys().map(String::as_str).collect();
            assert_eq!(ids, english_ids, "{tag}");
            // French "Articles" is the one word spelled as in English.
            let copies: Vec<&String> = strings
                .iter()
                .filter(|(id, t)| english[*id] == **t)
                .map(|(id, _)| id)
                .collect();
            assert!(copies.len() <= 1, "{tag}: {copies:?} are the English");
            assert!(strings.values().all(|t| !t.trim().is_empty()), "{tag}");
        }
    }

    #[test]
    fn a_locale_gets_its_tags_translation_or_its_languages() {
        assert_eq!(builtin_translation("es"), builtin_translation("es-MX"));
        assert!(builtin_translation("pt-BR").is_some());
        assert_eq!(builtin_translation("pt-PT"), None);
        assert_eq!(builtin_translation("it"), None);
        assert_eq!(
            interface_strings(builtin_translation("zh-Hans").unwrap())[ids::FALLBACK_BADGE],
            "尚未翻译"
        );
    }
}
