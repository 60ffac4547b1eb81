//! `folio.toml`: the workspace settings.

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Deserialize;
use unic_langid::LanguageIdentifier;

/// The workspace settings, validated. Every path is relative to the workspace root.
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The folder of English Markdown sources (default `source`).
    pub source: PathBuf,
    /// The disclaimer's file name inside `source` (default `disclaimer.md`).
    pub disclaimer: PathBuf,
    /// The folder of locale folders (default `locales`).
    pub locales: PathBuf,
    /// The language of the sources (default `en`).
    pub reference: LanguageIdentifier,
    /// What `folio check` holds translations to.
    pub check: CheckSettings,
    /// The publishing policy of `folio render`.
    pub render: RenderSettings,
    /// What `folio extract` takes from the source.
    pub extract: ExtractSettings,
}

/// The `[extract]` table: what becomes a unit, and what the source may hold.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct ExtractSettings {
    /// Front matter keys whose text values are translated (default `title`,
    /// `description`, `summary`); other keys are kept as they are.
    #[serde(default = "default_translatable_keys")]
    pub translatable_keys: Vec<String>,
    /// Whether the source's HTML may hold `<script>`, `<style>` and `on…=` handlers
    /// (default false: they are errors, so no page runs code nobody reviewed as such).
    #[serde(default)]
    pub allow_scripts: bool,
    /// Whether the interface strings (navigation, dates' labels, the 404 text) are a
    /// tracked document of this workspace (default false: pages show Folio's built-in
    /// strings). When true, `extract` writes their English to
    /// `locales/<reference>/interface.ftl`, `new-locale` and `sync` start each locale's
    /// `interface.ftl` from Folio's own translation, and `status`, `check`, `accept` and
    /// `render` treat it like an article's units. Off by default, because turning it on
    /// leaves every locale without its file, under `check`'s bar, until `folio sync`.
    #[serde(default)]
    pub interface: bool,
}

impl Default for ExtractSettings {
    fn default() -> Self {
        ExtractSettings {
            translatable_keys: default_translatable_keys(),
            allow_scripts: false,
            interface: false,
        }
    }
}

fn default_translatable_keys() -> Vec<String> {
    ["title", "description", "summary"]
        .map(String::from)
        .to_vec()
}

/// The `[render]` table: when a localized page may be published.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct RenderSettings {
    /// Least share (percent) of an article's English words that must be current in the
    /// locale itself for its page to be published (default 80, as po4a's threshold).
    #[serde(default = "publish_coverage")]
    pub min_coverage: f64,
    /// Whether missing and stale units fall back along the locale's chain (pt-BR → pt →
    /// en), marked with their language (default true). When false, a page with any
    /// missing or stale unit is not published.
    #[serde(default = "yes")]
    pub fallback: bool,
    /// A minijinja page template, relative to the workspace root; the built-in one when
    /// absent.
    pub template: Option<PathBuf>,
    /// Which static-site generator `render --format markdown` writes for: its file names
    /// and front matter (default `hugo`).
    #[serde(default)]
    pub markdown_style: MarkdownFlavor,
    /// The URL the site is published at (`https://example.org/health/`, checked by
    /// [`parse_base_url`]): links become absolute, and pages get a canonical link and
    /// `og:url`, the site a `sitemap.xml` and `robots.txt`. Without it, links are
    /// relative and those are left out.
    #[serde(default, deserialize_with = "base_url")]
    pub base_url: Option<url::Url>,
    /// The site's name, for `og:site_name`, JSON-LD's publisher and the indexes' titles.
    pub site_name: Option<String>,
    /// Sites that exist only in English, as URL prefixes (`https://www.cancer.org/`): on a
    /// translated page, a link to one is followed by the interface's "(English)".
    #[serde(default, deserialize_with = "site_prefixes")]
    pub english_only_sites: Vec<String>,
}

/// `[render] markdown-style`: the static-site generator Markdown pages are written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MarkdownFlavor {
    /// `<locale>/<article>.md`, every front matter key at the top (Hugo, Jekyll, most
    /// others).
    #[default]
    Hugo,
    /// `<article>.md` and `<article>.<locale>.md` side by side, Folio's keys under
    /// `extra` (Zola).
    Zola,
}

/// `[render] english-only-sites`: each an absolute http(s) URL, kept as written.
fn site_prefixes<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Vec<String>, D::Error> {
    let sites = Vec::<String>::deserialize(d)?;
    for site in &sites {
        let absolute = url::Url::parse(site)
            .is_ok_and(|url| matches!(url.scheme(), "http" | "https") && url.has_host());
        if !absolute {
            return Err(serde::de::Error::custom(format!(
                "`{site}` is not an http(s) URL: write the site's address, as \
                 `https://www.cancer.org/`"
            )));
        }
    }
    Ok(sites)
}

fn base_url<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<url::Url>, D::Error> {
    let text = String::deserialize(d)?;
    parse_base_url(&text)
        .map(Some)
        .map_err(serde::de::Error::custom)
}

impl Default for RenderSettings {
    fn default() -> Self {
        RenderSettings {
            min_coverage: publish_coverage(),
            fallback: true,
            template: None,
            markdown_style: MarkdownFlavor::Hugo,
            base_url: None,
            site_name: None,
            english_only_sites: Vec::new(),
        }
    }
}

fn publish_coverage() -> f64 {
    80.0
}

/// The `[check]` table: the bar `folio check` holds each locale and document to.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct CheckSettings {
    /// Least share (percent) of a document's English words whose translation must be
    /// current, per locale (default 100).
    #[serde(default = "full_coverage")]
    pub min_coverage: f64,
    /// Whether any stale unit fails the check, whatever the coverage (default true).
    #[serde(default = "yes")]
    pub stale_fails: bool,
    /// Names that stay the same in every language; a translation identical to the English
    /// only because of them is not reported.
    #[serde(default)]
    pub proper_names: Vec<String>,
    /// Days a new document's shortfall is a warning rather than an error: while its
    /// front matter `date` is less than this many days old, or — undated — while a locale
    /// has not started it (default 0: off, every document is held to its bar at once).
    #[serde(default)]
    pub grace_days: u32,
    /// The termbase, relative to the workspace root: `terms = "terms.toml"`. Unset, a
    /// `terms.toml` at the root is used if there is one ([`DEFAULT_TERMS`]); set, the
    /// file must exist.
    pub terms: Option<PathBuf>,
    /// How the `terminology` check reports (`[check.terminology]`).
    #[serde(default)]
    pub terminology: TerminologySettings,
    /// The `length` check's limits in characters by unit id (`[check.length]`), over the
    /// built-in `title = 60`, `description = 160`; 0 turns one off.
    #[serde(default = "default_lengths", deserialize_with = "over_default_lengths")]
    pub length: BTreeMap<String, usize>,
    /// Per-locale overrides, keyed by BCP 47 tag: `[check.locales.ar] min-coverage = 90`.
    #[serde(default)]
    pub locales: BTreeMap<String, LocaleCheckSettings>,
    /// Per-document overrides, keyed by a glob over document names:
    /// `[check.documents."news-*"] min-coverage = 0`.
    #[serde(default)]
    pub documents: BTreeMap<String, DocumentCheckSettings>,
    /// `documents`' globs, compiled by [`Config::parse`], most specific first.
    #[serde(skip)]
    document_globs: DocumentGlobs,
}

/// Overrides of [`CheckSettings`] for one locale (`[check.locales.<tag>]`): its bar and
/// its length limits.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct LocaleCheckSettings {
    /// Overrides `min-coverage`.
    pub min_coverage: Option<f64>,
    /// Overrides `stale-fails`.
    pub stale_fails: Option<bool>,
    /// Overrides limits of `[check.length]` (`[check.locales.zh-Hans.length] title = 32`).
    #[serde(default)]
    pub length: BTreeMap<String, usize>,
}

/// Overrides of [`CheckSettings`]' bar for the documents a glob matches
/// (`[check.documents."<glob>"]`).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct DocumentCheckSettings {
    /// Overrides `min-coverage`.
    pub min_coverage: Option<f64>,
    /// Overrides `stale-fails`.
    pub stale_fails: Option<bool>,
}

/// The termbase a workspace uses when `folio.toml` names none, if it exists.
pub const DEFAULT_TERMS: &str = "terms.toml";

/// How a kind of terminology finding is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FindingLevel {
    /// An error: it fails `folio check`.
    Error,
    /// A warning: shown.
    Warning,
    /// Not reported.
    Off,
}

/// The `[check.terminology]` table.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
pub struct TerminologySettings {
    /// A unit whose English has a term and whose translation has none of its approved
    /// renderings (default warning).
    #[serde(default = "warning")]
    pub missing: FindingLevel,
    /// A forbidden variant of a term the English has (default error).
    #[serde(default = "error")]
    pub forbidden: FindingLevel,
}

impl Default for TerminologySettings {
    fn default() -> Self {
        TerminologySettings {
            missing: warning(),
            forbidden: error(),
        }
    }
}

fn warning() -> FindingLevel {
    FindingLevel::Warning
}
fn error() -> FindingLevel {
    FindingLevel::Error
}

/// The built-in length limits: what search engines show of a title and a description.
fn default_lengths() -> BTreeMap<String, usize> {
    [("title".to_owned(), 60), ("description".to_owned(), 160)].into()
}

/// `[check.length]` over the built-in limits, so setting one keeps the other.
fn over_default_lengths<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> Result<BTreeMap<String, usize>, D::Error> {
    let mut lengths = default_lengths();
    lengths.extend(BTreeMap::<String, usize>::deserialize(deserializer)?);
    Ok(lengths)
}

/// The compiled globs of `[check.documents]`, most specific first: the pattern with
/// more literal characters first (`news-2026-*` before `news-*`), ties in pattern order.
#[derive(Debug, Clone, Default)]
struct DocumentGlobs(Vec<(String, globset::GlobMatcher)>);

impl PartialEq for DocumentGlobs {
    fn eq(&self, other: &Self) -> bool {
        self.0
            .iter()
            .map(|(p, _)| p)
            .eq(other.0.iter().map(|(p, _)| p))
    }
}

impl DocumentGlobs {
    /// Compiles `patterns`; the error is the pattern that is not a glob and why.
    fn new<'p>(patterns: impl Iterator<Item = &'p String>) -> Result<Self, (String, String)> {
        let mut globs = Vec::new();
        for pattern in patterns {
            let glob = globset::GlobBuilder::new(pattern)
                .literal_separator(true)
                .build()
                .map_err(|e| (pattern.clone(), e.kind().to_string()))?;
            globs.push((pattern.clone(), glob.compile_matcher()));
        }
        globs.sort_by(|(a, _), (b, _)| literal_chars(b).cmp(&literal_chars(a)).then(a.cmp(b)));
        Ok(DocumentGlobs(globs))
    }
}

/// How specific a glob is: its characters that are not glob syntax.
fn literal_chars(pattern: &str) -> usize {
    pattern
        .chars()
        .filter(|c| !matches!(c, '*' | '?' | '[' | ']' | '{' | '}' | ',' | '!'))
        .count()
}

impl Default for CheckSettings {
    fn default() -> Self {
        CheckSettings {
            min_coverage: full_coverage(),
            stale_fails: true,
            proper_names: Vec::new(),
            grace_days: 0,
            terms: None,
            terminology: TerminologySettings::default(),
            length: default_lengths(),
            locales: Default::default(),
            documents: Default::default(),
            document_globs: DocumentGlobs::default(),
        }
    }
}

impl CheckSettings {
    /// The minimum coverage (percent) and whether stale fails, for `document` in
    /// `locale`. Each key is taken from the first of these that sets it: the most
    /// specific `[check.documents."<glob>"]` matching the document, then
    /// `[check.locales.<tag>]`, then `[check]`. A document rule says what that content
    /// needs in every language (news may lag, legal pages may not); a locale rule how far
    /// one team may lag in general — so the narrower statement about the content wins.
    pub fn bar(&self, document: &str, locale: &str) -> (f64, bool) {
        let mut layers: Vec<(Option<f64>, Option<bool>)> = self
            .document_globs
            .0
            .iter()
            .filter(|(_, glob)| glob.is_match(document))
            .filter_map(|(pattern, _)| self.documents.get(pattern))
            .map(|o| (o.min_coverage, o.stale_fails))
            .collect();
        layers.extend(
            self.locales
                .get(locale)
                .map(|o| (o.min_coverage, o.stale_fails)),
        );
        (
            layers.iter().find_map(|o| o.0).unwrap_or(self.min_coverage),
            layers.iter().find_map(|o| o.1).unwrap_or(self.stale_fails),
        )
    }
}

fn full_coverage() -> f64 {
    100.0
}
fn yes() -> bool {
    true
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
    #[serde(default)]
    check: CheckSettings,
    #[serde(default)]
    render: RenderSettings,
    #[serde(default)]
    extract: ExtractSettings,
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
        for (locale, settings) in &raw.check.locales {
            crate::parse_locale(locale).map_err(|e| format!("[check.locales.{locale}]: {e}"))?;
            if let Some(bad) = settings.min_coverage.filter(|c| !(0.0..=100.0).contains(c)) {
                return Err(format!(
                    "[check.locales.{locale}] min-coverage = {bad}: must be 0 to 100"
                ));
            }
        }
        let lengths = std::iter::once(("[check.length]".to_owned(), &raw.check.length)).chain(
            (raw.check.locales.iter()).map(|(locale, settings)| {
                (format!("[check.locales.{locale}.length]"), &settings.length)
            }),
        );
        for (table, limits) in lengths {
            if let Some(id) = limits
                .keys()
                .find(|id| folio_model::UnitId::new(id.as_str()).is_err())
            {
                return Err(format!(
                    "{table} `{id}`: not a unit id (a letter, then letters, digits, `-` or `_`)"
                ));
            }
        }
        for (pattern, settings) in &raw.check.documents {
            if let Some(bad) = settings.min_coverage.filter(|c| !(0.0..=100.0).contains(c)) {
                return Err(format!(
                    "[check.documents.\"{pattern}\"] min-coverage = {bad}: must be 0 to 100"
                ));
            }
        }
        let mut raw = raw;
        raw.check.document_globs =
            DocumentGlobs::new(raw.check.documents.keys()).map_err(|(pattern, why)| {
                let line = document_line(text, &pattern)
                    .map(|line| format!("line {line}: "))
                    .unwrap_or_default();
                format!("{line}[check.documents.\"{pattern}\"]: not a glob: {why}")
            })?;
        if !(0.0..=100.0).contains(&raw.render.min_coverage) {
            return Err(format!(
                "[render] min-coverage = {}: must be 0 to 100",
                raw.render.min_coverage
            ));
        }
        if !(0.0..=100.0).contains(&raw.check.min_coverage) {
            return Err(format!(
                "[check] min-coverage = {}: must be 0 to 100",
                raw.check.min_coverage
            ));
        }
        Ok(Config {
            source: raw.source,
            disclaimer: raw.disclaimer,
            locales: raw.locales,
            reference,
            check: raw.check,
            render: raw.render,
            extract: raw.extract,
        })
    }
}

/// The line (from 1) of `[check.documents]`' key `pattern` in `text`, if it can be told.
fn document_line(text: &str, pattern: &str) -> Option<usize> {
    #[derive(Deserialize)]
    struct Keys {
        check: Option<CheckKeys>,
    }
    #[derive(Deserialize)]
    struct CheckKeys {
        documents: Option<BTreeMap<toml::Spanned<String>, serde::de::IgnoredAny>>,
    }
    let keys: Keys = toml::from_str(text).ok()?;
    let (key, _) = keys
        .check?
        .documents?
        .into_iter()
        .find(|(key, _)| key.get_ref() == pattern)?;
    Some(text[..key.span().start].matches('\n').count() + 1)
}

/// Parses `[render] base-url`: an absolute `http` or `https` URL with a host and neither
/// query, fragment nor credentials, nor an empty path segment (`//`, which links made
/// under it would lose); a path not ending with `/` gets one (the site is a folder). The
/// error says what is wrong.
pub fn parse_base_url(text: &str) -> Result<url::Url, String> {
    let mut url = url::Url::parse(text).map_err(|e| format!("`{text}` is not a URL: {e}"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!(
            "`{text}` must start with https:// (or http://): pages are linked from the web"
        ));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("`{text}` has no host name"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(format!(
            "`{text}` may not have a query (`?…`) or fragment (`#…`): it is the folder the site is published in"
        ));
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(format!(
            "`{text}` may not hold a user name or password: it is written into every page"
        ));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    if url.path().contains("//") {
        return Err(format!(
            "`{text}` has an empty path segment (`//`): write the folder's path with single slashes"
        ));
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extract_settings_are_read() {
        let config = Config::parse(
            "[extract]\ntranslatable-keys = [\"title\", \"teaser\"]\nallow-scripts = true\n",
        )
        .unwrap();
        assert_eq!(config.extract.translatable_keys, ["title", "teaser"]);
        assert!(config.extract.allow_scripts);
        assert_eq!(
            Config::parse("").unwrap().extract,
            ExtractSettings::default()
        );
    }

    #[test]
    fn defaults_fill_an_empty_file() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.source, PathBuf::from("source"));
        assert_eq!(config.reference.to_string(), "en");
    }

    #[test]
    fn check_bars_default_and_override_per_locale() {
        let config =
            Config::parse("[check]\nmin-coverage = 90\n[check.locales.ar]\nstale-fails = false\n")
                .unwrap();
        assert_eq!(config.check.bar("news", "es"), (90.0, true));
        assert_eq!(config.check.bar("news", "ar"), (90.0, false));
        assert!(
            Config::parse("[check]\nmin-coverage = 120\n")
                .unwrap_err()
                .contains("0 to 100")
        );
        assert!(
            Config::parse("[check.locales.Spanish]\nmin-coverage = 1\n")
                .unwrap_err()
                .contains("Spanish")
        );
    }

    #[test]
    fn coverage_bars_that_are_not_percentages_are_rejected() {
        // NaN compares false with everything, so a gate written `coverage < bar` would
        // pass it; it must be refused like any other bar outside 0 to 100.
        for bad in ["nan", "+nan", "inf", "-inf", "-1", "100.5"] {
            for table in ["[check]", "[render]", "[check.locales.ar]"] {
                let error = Config::parse(&format!("{table}\nmin-coverage = {bad}\n"))
                    .expect_err(&format!("{table} min-coverage = {bad}"));
                assert!(error.contains("must be 0 to 100"), "{error}");
            }
        }
        assert!(Config::parse("[check]\nmin-coverage = 0\n[render]\nmin-coverage = 100\n").is_ok());
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

    #[test]
    fn document_globs_override_the_locale_and_the_default_key_by_key() {
        let config = Config::parse(
            "[check]\nmin-coverage = 100\n\
             [check.locales.ar]\nmin-coverage = 90\nstale-fails = false\n\
             [check.documents.\"news-*\"]\nmin-coverage = 0\n\
             [check.documents.\"news-2026-*\"]\nmin-coverage = 50\n\
             [check.documents.\"legal-*\"]\nstale-fails = true\n",
        )
        .unwrap();
        // Unmatched: the locale, then the default.
        assert_eq!(config.check.bar("about", "es"), (100.0, true));
        assert_eq!(config.check.bar("about", "ar"), (90.0, false));
        // A document rule beats the locale's for the keys it sets, and only those.
        assert_eq!(config.check.bar("news-launch", "ar"), (0.0, false));
        assert_eq!(config.check.bar("legal-terms", "ar"), (90.0, true));
        // The most specific matching glob wins.
        assert_eq!(config.check.bar("news-2026-launch", "es"), (50.0, true));
        // Globs match whole names.
        assert_eq!(config.check.bar("old-news-1", "es"), (100.0, true));
    }

    #[test]
    fn a_bad_glob_names_its_key_and_line() {
        let error = Config::parse(
            "[check]\nmin-coverage = 90\n\n[check.documents.\"news-[\"]\nmin-coverage = 0\n",
        )
        .unwrap_err();
        assert!(
            error.starts_with("line 4: [check.documents.\"news-[\"]: not a glob"),
            "{error}"
        );
        let error =
            Config::parse("[check.documents.\"news-*\"]\nmin-coverage = 101\n").unwrap_err();
        assert!(
            error.contains("news-*") && error.contains("0 to 100"),
            "{error}"
        );
        assert!(
            Config::parse("[check.documents.x]\nmin-coverag = 1\n")
                .unwrap_err()
                .contains("unknown field")
        );
    }

    #[test]
    fn grace_is_off_by_default() {
        assert_eq!(Config::parse("").unwrap().check.grace_days, 0);
        assert_eq!(
            Config::parse("[check]\ngrace-days = 14\n")
                .unwrap()
                .check
                .grace_days,
            14
        );
    }

    #[test]
    fn terminology_and_length_settings_default_and_override() {
        let config = Config::parse("").unwrap();
        assert_eq!(config.check.terms, None);
        assert_eq!(config.check.terminology, TerminologySettings::default());
        assert_eq!(config.check.length, default_lengths());
        let config = Config::parse(
            "[check]\nterms = \"glossary/terms.toml\"\n\
             [check.terminology]\nmissing = \"off\"\n\
             [check.length]\ntitle = 75\nmeta-summary = 200\n\
             [check.locales.zh-Hans.length]\ntitle = 32\n",
        )
        .unwrap();
        assert_eq!(
            config.check.terms,
            Some(PathBuf::from("glossary/terms.toml"))
        );
        assert_eq!(config.check.terminology.missing, FindingLevel::Off);
        assert_eq!(config.check.terminology.forbidden, FindingLevel::Error);
        // Setting one limit keeps the other built-in one.
        assert_eq!(
            config.check.length,
            [
                ("description".to_owned(), 160),
                ("meta-summary".to_owned(), 200),
                ("title".to_owned(), 75)
            ]
            .into()
        );
        assert_eq!(config.check.locales["zh-Hans"].length["title"], 32);
        for (bad, why) in [
            (
                "[check.terminology]\nmissing = \"loud\"\n",
                "unknown variant",
            ),
            ("[check.length]\ntitle = -1\n", "invalid value"),
            ("[check.length]\n\"the title\" = 60\n", "not a unit id"),
            (
                "[check.locales.ar.length]\n\"9\" = 60\n",
                "[check.locales.ar.length] `9`",
            ),
            (
                "[check.documents.\"news-*\".length]\ntitle = 60\n",
                "unknown field",
            ),
        ] {
            let error = Config::parse(bad).expect_err(bad);
            assert!(error.contains(why), "{bad}: {error}");
        }
    }

    #[test]
    fn base_urls_are_http_folders_without_query_or_credentials() {
        assert_eq!(
            parse_base_url("https://example.org").unwrap().as_str(),
            "https://example.org/"
        );
        assert_eq!(
            parse_base_url("http://example.org/a/b/").unwrap().as_str(),
            "http://example.org/a/b/"
        );
        for bad in [
            "example.org",
            "ftp://example.org/",
            "https://example.org/?q=1",
            "https://example.org/#top",
            "https://user:secret@example.org/",
            "file:///srv/site",
            // Found by the `details` fuzz target: under `https://3https//` the root's
            // link was `https://3https/`, outside the site.
            "https://3https//",
            "https://example.org/a//b",
        ] {
            assert!(parse_base_url(bad).is_err(), "{bad}");
        }
    }
}
