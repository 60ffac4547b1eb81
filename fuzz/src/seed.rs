//! The repository's English of the seed article and of the disclaimer, built into the
//! fuzzers so that every input is judged against real units and a real layout.

use std::collections::BTreeMap;

use folio_check::LengthLimits;
use folio_ftl::{parse_ftl, plain_text};
use folio_model::{Layout, Term};
use folio_track::EnglishUnit;

/// The seed article's English units, as `folio extract` wrote them.
pub const ARTICLE_FTL: &str = include_str!("../../locales/en/immunotherapy-multiple-myeloma.ftl");
/// The seed article's layout.
pub const ARTICLE_LAYOUT: &str =
    include_str!("../../locales/en/immunotherapy-multiple-myeloma.layout.json");
/// The disclaimer's English units.
pub const DISCLAIMER_FTL: &str = include_str!("../../locales/en/disclaimer.ftl");
/// The disclaimer's layout.
pub const DISCLAIMER_LAYOUT: &str = include_str!("../../locales/en/disclaimer.layout.json");

/// The repository's termbase.
pub const TERMS_TOML: &str = include_str!("../../terms.toml");
/// The repository's translated locales, as `terms.toml`'s tables name them.
pub const LOCALES: &[&str] = &["ar", "de", "es", "fr", "pt-BR", "zh-Hans"];

/// The repository's termbase, read as `folio check` reads it. Panics if it does not
/// validate, since the repository's termbase must.
pub fn terms() -> Vec<Term> {
    let locales: Vec<String> = LOCALES.iter().map(|l| (*l).to_owned()).collect();
    folio_workspace::parse_terms("terms.toml".into(), TERMS_TOML, &locales)
        .expect("the repository's termbase validates")
}

/// The repository's length limits (`folio.toml`'s `[check.length]` and zh-Hans's).
pub fn length_limits() -> LengthLimits {
    let limits = |title, description| {
        [
            ("title".to_owned(), title),
            ("description".to_owned(), description),
        ]
        .into()
    };
    LengthLimits {
        limits: limits(75, 160),
        locales: [("zh-Hans".to_owned(), limits(32, 80))].into(),
    }
}

/// The English units of `ftl`, read back as `folio status` reads them: every message
/// with a value, its text as the pattern's plain text. Panics on a syntax error, since
/// the repository's English must always parse.
pub fn english_units(ftl: &str) -> Vec<EnglishUnit> {
    let file = parse_ftl(ftl);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    file.messages
        .iter()
        .filter_map(|m| {
            Some(EnglishUnit::new(
                m.id.to_owned(),
                plain_text(m.ast.value.as_ref()?).into_owned(),
            ))
        })
        .collect()
}

/// Unit id → English text, for resolving a layout.
pub fn english_texts(ftl: &str) -> BTreeMap<String, String> {
    english_units(ftl)
        .into_iter()
        .map(|u| (u.id.to_string(), u.text.to_string()))
        .collect()
}

/// Parses a layout file of the repository.
pub fn layout(json: &str) -> Layout {
    serde_json::from_str(json).expect("the repository's layouts parse")
}
