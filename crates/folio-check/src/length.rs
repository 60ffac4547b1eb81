//! The `length` check: units that search engines and browser tabs cut short (the title,
//! the meta description) held to a number of characters.

use std::collections::BTreeMap;

/// Character limits per unit id, with per-locale overrides. Characters are Unicode scalar
/// values of the text a page shows (Markdown markup and invisible characters not counted).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LengthLimits {
    /// Unit id → limit, for every locale and the English.
    pub limits: BTreeMap<String, usize>,
    /// Locale tag → unit id → limit, over `limits`.
    pub locales: BTreeMap<String, BTreeMap<String, usize>>,
}

impl LengthLimits {
    /// The limit on unit `id` in `locale` (the locale's own, else the general one); none
    /// when unset or set to 0.
    pub fn limit(&self, locale: &str, id: &str) -> Option<usize> {
        self.locales
            .get(locale)
            .and_then(|limits| limits.get(id))
            .or_else(|| self.limits.get(id))
            .copied()
            .filter(|&limit| limit > 0)
    }
}

/// The message of a unit over its limit.
pub(crate) fn over_limit(length: usize, limit: usize) -> String {
    format!(
        "{length} characters, over the limit of {limit} (search engines and browser tabs cut \
         longer text short)"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_locale_overrides_the_general_limit_and_zero_turns_it_off() {
        let limits = LengthLimits {
            limits: [("title".to_owned(), 60), ("description".to_owned(), 160)].into(),
            locales: [(
                "zh-Hans".to_owned(),
                [("title".to_owned(), 32), ("description".to_owned(), 0)].into(),
            )]
            .into(),
        };
        assert_eq!(limits.limit("fr", "title"), Some(60));
        assert_eq!(limits.limit("zh-Hans", "title"), Some(32));
        assert_eq!(limits.limit("zh-Hans", "description"), None);
        assert_eq!(limits.limit("fr", "intro-p1"), None);
    }
}
