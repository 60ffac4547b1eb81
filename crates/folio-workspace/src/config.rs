//! `folio.toml`: the workspace settings.

use std::path::PathBuf;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// The workspace settings, validated. Every path is relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The folder of English Markdown sources (default `source`).
    pub source: PathBuf,
    /// The disclaimer's file name inside `source` (default `disclaimer.md`).
    pub disclaimer: PathBuf,
    /// The folder of locale folders (default `locales`).
    pub locales: PathBuf,
    /// The language of the sources (default `en`).
    pub reference: LanguageIdentifier,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    #[serde(default = "default_source")]
    source: PathBuf,
    #[serde(default = "default_disclaimer")]
    disclaimer: PathBuf,
    #[serde(default = "default_locales")]
    locales: PathBuf,
    #[serde(default = "default_reference")]
    reference: String,
}

fn default_source() -> PathBuf {
    "source".into()
}
fn default_disclaimer() -> PathBuf {
    "disclaimer.md".into()
}
fn default_locales() -> PathBuf {
    "locales".into()
}
fn default_reference() -> String {
    "en".into()
}

impl Config {
    /// Parses and validates the text of a `folio.toml`; the error says what and where.
    pub fn parse(text: &str) -> Result<Self, String> {
        let raw: RawConfig = toml::from_str(text).map_err(|e| e.to_string())?;
        let reference = raw.reference.parse().map_err(|_| {
            format!(
                "`reference = \"{}\"` is not a BCP 47 language tag",
                raw.reference
            )
        })?;
        Ok(Config {
            source: raw.source,
            disclaimer: raw.disclaimer,
            locales: raw.locales,
            reference,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_fill_an_empty_file() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.source, PathBuf::from("source"));
        assert_eq!(config.reference.to_string(), "en");
    }

    #[test]
    fn errors_name_the_problem() {
        assert!(
            Config::parse("reference = \"not a tag!\"")
                .unwrap_err()
                .contains("BCP 47")
        );
        assert!(
            Config::parse("sauce = \"x\"")
                .unwrap_err()
                .contains("unknown field")
        );
    }
}
