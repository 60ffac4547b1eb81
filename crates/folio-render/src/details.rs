//! What the front matter says about an article — when it was published, changed and
//! medically reviewed, who wrote and who reviewed it — and how a page tells machines:
//! schema.org `MedicalWebPage` JSON-LD and Open Graph's `og:locale`.
//!
//! These keys are kept, not translated: dates are shown in each language's own words by
//! [`crate::CalendarDate::long`], and names (post-nominal letters included: "MD",
//! "PhD") are the same in every language. A publisher who wants a translated line about
//! a reviewer writes it in a translatable front-matter key.

use serde_json::{Map, Value, json};
use unic_langid::LanguageIdentifier;

use crate::dates::CalendarDate;
use crate::page::Page;

/// The front-matter keys read here.
pub const DETAIL_KEYS: &[&str] = &["date", "updated", "reviewed", "author", "reviewer"];

/// An article's dates and people, from its front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct ArticleDetails {
    /// `date`: first published (schema.org `datePublished`).
    pub published: Option<CalendarDate>,
    /// `updated`: last changed (`dateModified`).
    pub updated: Option<CalendarDate>,
    /// `reviewed`: last medically reviewed (`lastReviewed`).
    pub reviewed: Option<CalendarDate>,
    /// `author`: one name or a list (`author`).
    pub authors: Vec<String>,
    /// `reviewer`: one name or a list (`reviewedBy`).
    pub reviewers: Vec<String>,
}

/// A detail key whose value can't be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("front matter `{key}` is {value}: {expected}")]
pub struct DetailError {
    /// The key.
    pub key: String,
    /// The value as the source has it (JSON).
    pub value: String,
    /// What to write instead.
    pub expected: &'static str,
}

impl ArticleDetails {
    /// Reads the detail keys of `front_matter` (the layout's kept keys). A date must be
    /// `YYYY-MM-DD` (or an RFC 3339 timestamp, whose day is taken); a name a string or a
    /// list of strings. Absent keys are `None` or empty.
    pub fn from_front_matter(
        front_matter: Option<&Map<String, Value>>,
    ) -> Result<Self, DetailError> {
        let get = |key: &str| front_matter.and_then(|f| f.get(key));
        let date = |key: &str| -> Result<Option<CalendarDate>, DetailError> {
            match get(key) {
                None => Ok(None),
                Some(value) => value
                    .as_str()
                    .and_then(CalendarDate::parse)
                    .map(Some)
                    .ok_or_else(|| DetailError {
                        key: key.to_owned(),
                        value: value.to_string(),
                        expected: "write the day as YYYY-MM-DD, such as 2026-03-04",
                    }),
            }
        };
        let names = |key: &str| -> Result<Vec<String>, DetailError> {
            let bad = |value: &Value| DetailError {
                key: key.to_owned(),
                value: value.to_string(),
                expected: "write a name, or a list of names",
            };
            match get(key) {
                None => Ok(Vec::new()),
                Some(Value::String(name)) if !name.trim().is_empty() => {
                    Ok(vec![name.trim().to_owned()])
                }
                Some(Value::Array(items)) if !items.is_empty() => items
                    .iter()
                    .map(|item| match item {
                        Value::String(name) if !name.trim().is_empty() => {
                            Ok(name.trim().to_owned())
                        }
                        other => Err(bad(other)),
                    })
                    .collect(),
                Some(other) => Err(bad(other)),
            }
        };
        Ok(ArticleDetails {
            published: date("date")?,
            updated: date("updated")?,
            reviewed: date("reviewed")?,
            authors: names("author")?,
            reviewers: names("reviewer")?,
        })
    }

    /// The latest of its dates: when the page last changed, for the sitemap's `lastmod`.
    pub fn last_changed(&self) -> Option<CalendarDate> {
        [self.published, self.updated, self.reviewed]
            .into_iter()
            .flatten()
            .max()
    }
}

/// Open Graph's `og:locale` for a BCP 47 tag: `language_TERRITORY`, the territory the
/// language is most likely used in when the tag names none (CLDR's likely subtags:
/// `en` → `en_US`, `zh-Hans` → `zh_CN`, `pt-BR` → `pt_BR`); the language alone when
/// none is known.
pub fn og_locale(tag: &str) -> String {
    let Ok(mut id) = tag.parse::<LanguageIdentifier>() else {
        return tag.replace('-', "_");
    };
    id.maximize();
    match id.region {
        Some(region) => format!("{}_{}", id.language, region),
        None => id.language.to_string(),
    }
}

/// The page's schema.org `MedicalWebPage` as JSON-LD, ready to stand inside a
/// `<script type="application/ld+json">` element: serde_json writes it (keys sorted, so
/// the same page gives the same bytes) and every `<`, `>` and `&` is written as a JSON
/// `\u` escape, so no text in it — a hostile author name or translated title — can
/// close the element (`</script>`) or open a comment (`<!--`).
///
/// It names the page's language (`inLanguage`), its dates and people, and the relation
/// between versions: a translation's `translationOfWork` is the reference-language page;
/// that page's `workTranslation` lists the others.
pub fn json_ld(page: &Page) -> String {
    let own = page
        .alternates
        .iter()
        .find(|a| a.current)
        .map(|a| a.href.clone());
    let id = page.url.clone().or(own);
    let person = |name: &String| json!({ "@type": "Person", "name": name });
    let people = |names: &[String]| match names {
        [one] => person(one),
        many => Value::Array(many.iter().map(person).collect()),
    };
    let mut object = Map::new();
    object.insert("@context".into(), json!("https://schema.org"));
    object.insert("@type".into(), json!("MedicalWebPage"));
    if let Some(id) = &id {
        object.insert("@id".into(), json!(id));
        object.insert("url".into(), json!(id));
    }
    object.insert(
        "name".into(),
        json!(crate::plain_text(&page.title.markdown)),
    );
    if let Some(description) = &page.description {
        object.insert(
            "description".into(),
            json!(crate::plain_text(&description.markdown)),
        );
    }
    object.insert("inLanguage".into(), json!(page.lang));
    let details = &page.details;
    for (key, date) in [
        ("datePublished", details.published),
        ("dateModified", details.updated),
        ("lastReviewed", details.reviewed),
    ] {
        if let Some(date) = date {
            object.insert(key.into(), json!(date.iso()));
        }
    }
    if !details.authors.is_empty() {
        object.insert("author".into(), people(&details.authors));
    }
    if !details.reviewers.is_empty() {
        object.insert("reviewedBy".into(), people(&details.reviewers));
    }
    if let Some(name) = &page.site_name {
        object.insert(
            "publisher".into(),
            json!({ "@type": "Organization", "name": name }),
        );
    }
    let work = |href: &String, lang: &String| json!({ "@id": href, "inLanguage": lang });
    if page.lang == page.reference {
        let translations: Vec<Value> = page
            .alternates
            .iter()
            .filter(|a| !a.current)
            .map(|a| work(&a.href, &a.lang))
            .collect();
        if !translations.is_empty() {
            object.insert("workTranslation".into(), Value::Array(translations));
        }
    } else if let Some(original) = page.alternates.iter().find(|a| a.lang == page.reference) {
        object.insert(
            "translationOfWork".into(),
            work(&original.href, &original.lang),
        );
    }
    script_safe_json(&Value::Object(object))
}

/// `value` as pretty JSON with `<`, `>` and `&` escaped as `\u003c`, `\u003e`, `\u0026`:
/// the same JSON to a parser, inert inside an HTML `<script>` element. Outside strings
/// JSON has none of these characters, so only string contents change.
pub fn script_safe_json(value: &Value) -> String {
    serde_json::to_string_pretty(value)
        .expect("a JSON value always serializes")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn front(json: Value) -> Map<String, Value> {
        json.as_object().unwrap().clone()
    }

    #[test]
    fn details_read_dates_and_names_and_name_what_is_wrong() {
        let details = ArticleDetails::from_front_matter(Some(&front(json!({
            "date": "2025-11-03",
            "reviewed": "2026-02-10T08:00:00Z",
            "author": "Ana Ruiz",
            "reviewer": ["Dr. Lee Chen, MD", "Dr. Sam Okafor, PhD"],
            "tags": ["kept"]
        }))))
        .unwrap();
        assert_eq!(details.published.unwrap().iso(), "2025-11-03");
        assert_eq!(details.reviewed.unwrap().iso(), "2026-02-10");
        assert_eq!(details.updated, None);
        assert_eq!(details.authors, ["Ana Ruiz"]);
        assert_eq!(details.reviewers.len(), 2);
        assert_eq!(details.last_changed().unwrap().iso(), "2026-02-10");
        assert_eq!(
            ArticleDetails::from_front_matter(None).unwrap(),
            ArticleDetails::default()
        );
        let error =
            ArticleDetails::from_front_matter(Some(&front(json!({"reviewed": "last May"}))))
                .unwrap_err();
        assert_eq!(error.key, "reviewed");
        assert!(error.to_string().contains("YYYY-MM-DD"), "{error}");
        for bad in [
            json!(3),
            json!(""),
            json!([]),
            json!(["ok", 1]),
            json!({"name": "x"}),
        ] {
            assert!(
                ArticleDetails::from_front_matter(Some(&front(json!({ "author": bad })))).is_err()
            );
        }
    }

    #[test]
    fn og_locales_carry_the_likely_territory() {
        assert_eq!(og_locale("en"), "en_US");
        assert_eq!(og_locale("es"), "es_ES");
        assert_eq!(og_locale("pt-BR"), "pt_BR");
        assert_eq!(og_locale("zh-Hans"), "zh_CN");
        assert_eq!(og_locale("de"), "de_DE");
        assert_eq!(og_locale("ar"), "ar_EG");
    }

    #[test]
    fn script_safe_json_parses_back_to_the_same_value() {
        let value = json!({ "name": "</script><script>alert(1)</script><!-- & -->" });
        let text = script_safe_json(&value);
        assert!(!text.contains('<') && !text.contains('>') && !text.contains('&'));
        assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), value);
    }
}
