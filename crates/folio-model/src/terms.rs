//! A termbase's entries: English terms and, per locale, the renderings a translation
//! must use and the variants it must not.

use std::collections::BTreeMap;

/// One concept of the termbase (`[[term]]` in `terms.toml`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Term {
    /// The stable key, used in messages and reports (`multiple-myeloma`).
    pub id: String,
    /// The English forms that make a unit contain the term; never empty.
    pub en: Vec<String>,
    /// What the term means, for translators.
    pub note: Option<String>,
    /// The locale tables, keyed by BCP 47 tag in canonical form (`pt-BR`, `zh-Hans`). A
    /// locale without one is not checked for this term.
    pub locales: BTreeMap<String, TermLocale>,
}

/// One locale's rendering of a [`Term`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TermLocale {
    /// A translation of a unit containing the term must contain one of these.
    pub approved: Vec<String>,
    /// …and none of these.
    pub forbidden: Vec<String>,
    /// Where the choice comes from (a national cancer organisation's patient pages).
    pub source: Option<String>,
    /// Advice for translators in this locale.
    pub note: Option<String>,
}
