//! `terms.toml`: the termbase, read and validated into [`Term`]s.
//!
//! ```toml
//! [[term]]
//! id = "multiple-myeloma"
//! en = ["multiple myeloma"]
//! note = "A cancer of plasma cells in the bone marrow."
//!
//! [term.fr]
//! approved = ["myélome multiple"]
//! forbidden = ["myélome multiples"]
//! source = "INCa, « Myélome multiple » (patient pages)"
//! ```
//!
//! Every problem is reported with its line and column: TOML syntax, unknown keys,
//! duplicate ids, forms without a letter or digit, a form both approved and forbidden,
//! and a locale table whose tag is not a canonical BCP 47 tag or not a locale of the
//! workspace (its column would never be checked).

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::PathBuf;

use folio_model::{LineIndex, Term, TermLocale};
use serde::Deserialize;
use serde::de::{MapAccess, Visitor};
use toml::Spanned;

/// A termbase that can't be used: every problem found, each with its line and column.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct TermsError {
    /// The termbase file.
    pub path: PathBuf,
    /// What is wrong, in file order.
    pub problems: Vec<TermsProblem>,
}

/// One problem of a termbase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermsProblem {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for TermsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(
                f,
                "{}:{}:{}: {}",
                self.path.display(),
                problem.line,
                problem.column,
                problem.message
            )?;
        }
        Ok(())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    #[serde(default)]
    term: Vec<Spanned<RawTerm>>,
}

/// A `[[term]]` table: `id`, `en` and `note`, and every other key a locale's table.
#[derive(Default)]
struct RawTerm {
    id: Option<Spanned<String>>,
    en: Option<Spanned<Vec<Spanned<String>>>>,
    note: Option<String>,
    locales: Vec<(Spanned<String>, RawLocale)>,
    /// Keys that are neither a field nor a BCP 47 tag, with why not a tag.
    stray: Vec<(Spanned<String>, String)>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLocale {
    #[serde(default)]
    approved: Vec<Spanned<String>>,
    #[serde(default)]
    forbidden: Vec<Spanned<String>>,
    source: Option<String>,
    note: Option<String>,
}

impl<'de> Deserialize<'de> for RawTerm {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TermVisitor;
        impl<'de> Visitor<'de> for TermVisitor {
            type Value = RawTerm;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a [[term]] table: id, en, note and locale tables")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawTerm, A::Error> {
                let mut term = RawTerm::default();
                while let Some(key) = map.next_key::<Spanned<String>>()? {
                    match key.get_ref().as_str() {
                        "id" => term.id = Some(map.next_value()?),
                        "en" => term.en = Some(map.next_value()?),
                        "note" => term.note = Some(map.next_value()?),
                        tag => match crate::parse_locale(tag) {
                            Ok(_) => term.locales.push((key, map.next_value()?)),
                            Err(why) => {
                                map.next_value::<serde::de::IgnoredAny>()?;
                                term.stray.push((key, why));
                            }
                        },
                    }
                }
                Ok(term)
            }
        }
        deserializer.deserialize_map(TermVisitor)
    }
}

/// Parses and validates the text of a termbase; `locales` are the workspace's locale
/// tags (a table for another tag is an error). `path` names the file in errors.
pub fn parse_terms(path: PathBuf, text: &str, locales: &[String]) -> Result<Vec<Term>, TermsError> {
    let index = LineIndex::new(text);
    let mut problems = Vec::new();
    let mut problem = |at: usize, message: String| {
        let (line, column) = index.line_col(at);
        problems.push(TermsProblem {
            line,
            column,
            message,
        });
    };
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(error) => {
            let at = error.span().map_or(0, |span| span.start);
            problem(at, error.message().trim_end().to_owned());
            return Err(TermsError { path, problems });
        }
    };
    let mut terms = Vec::with_capacity(raw.term.len());
    let mut ids: HashMap<String, usize> = HashMap::new();
    for spanned in raw.term {
        let at = spanned.span().start;
        let raw = spanned.into_inner();
        let Some(id) = raw.id else {
            problem(at, "a [[term]] without an `id`".to_owned());
            continue;
        };
        let valid = !id.get_ref().is_empty()
            && id
                .get_ref()
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if !valid {
            problem(
                id.span().start,
                format!(
                    "`{}` is not a term id (letters, digits, `-` and `_`)",
                    id.get_ref()
                ),
            );
        }
        if let Some(first) = ids.insert(id.get_ref().clone(), id.span().start) {
            let (line, _) = index.line_col(first);
            problem(
                id.span().start,
                format!(
                    "the id `{}` is taken by the term on line {line}",
                    id.get_ref()
                ),
            );
        }
        let en = match raw.en {
            None => {
                problem(
                    id.span().start,
                    format!("the term `{}` has no `en` forms", id.get_ref()),
                );
                Vec::new()
            }
            Some(en) if en.get_ref().is_empty() => {
                problem(
                    en.span().start,
                    format!("the term `{}` has no `en` forms", id.get_ref()),
                );
                Vec::new()
            }
            Some(en) => forms(en.into_inner(), &mut problem),
        };
        for (key, why) in raw.stray {
            problem(
                key.span().start,
                format!(
                    "`{}` is not a term field (id, en, note) nor a locale: {why}",
                    key.get_ref()
                ),
            );
        }
        let mut tables = BTreeMap::new();
        for (tag, table) in raw.locales {
            let at = tag.span().start;
            let tag = tag.into_inner();
            if !locales.contains(&tag) {
                problem(
                    at,
                    format!(
                        "`{tag}` is not a locale of this workspace ({}); its renderings would \
                         never be checked",
                        if locales.is_empty() {
                            "it has none".to_owned()
                        } else {
                            locales.join(", ")
                        }
                    ),
                );
            }
            let lowercase: Vec<String> = table
                .approved
                .iter()
                .map(|f| f.get_ref().to_lowercase())
                .collect();
            for form in &table.forbidden {
                if lowercase.contains(&form.get_ref().to_lowercase()) {
                    problem(
                        form.span().start,
                        format!(
                            "`{}` is both approved and forbidden in {tag}",
                            form.get_ref()
                        ),
                    );
                }
            }
            let locale = TermLocale {
                approved: forms(table.approved, &mut problem),
                forbidden: forms(table.forbidden, &mut problem),
                source: table.source,
                note: table.note,
            };
            tables.insert(tag, locale);
        }
        terms.push(Term {
            id: id.into_inner(),
            en,
            note: raw.note,
            locales: tables,
        });
    }
    if problems.is_empty() {
        Ok(terms)
    } else {
        problems.sort_by_key(|p| (p.line, p.column));
        Err(TermsError { path, problems })
    }
}

/// The forms of a list, each of which must hold a letter or a digit (anything else has
/// no word to match).
fn forms(list: Vec<Spanned<String>>, problem: &mut impl FnMut(usize, String)) -> Vec<String> {
    list.into_iter()
        .map(|form| {
            if !form.get_ref().chars().any(char::is_alphanumeric) {
                problem(
                    form.span().start,
                    format!(
                        "the form `{}` has no letter or digit to match",
                        form.get_ref()
                    ),
                );
            }
            form.into_inner()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locales() -> Vec<String> {
        ["de", "fr", "pt-BR", "zh-Hans"].map(String::from).to_vec()
    }

    fn problems(text: &str) -> Vec<String> {
        match parse_terms("terms.toml".into(), text, &locales()) {
            Ok(_) => Vec::new(),
            Err(error) => error.to_string().lines().map(String::from).collect(),
        }
    }

    #[test]
    fn a_termbase_is_read_with_its_locale_tables() {
        let text = "[[term]]\nid = \"multiple-myeloma\"\nen = [\"multiple myeloma\"]\nnote = \"A cancer.\"\n\n[term.fr]\napproved = [\"myélome multiple\"]\nforbidden = [\"myélome multiples\"]\nsource = \"INCa\"\n\n[term.pt-BR]\napproved = [\"mieloma múltiplo\"]\n\n[[term]]\nid = \"remission\"\nen = [\"remission\"]\n";
        let terms = parse_terms("terms.toml".into(), text, &locales()).unwrap();
        assert_eq!(terms.len(), 2);
        assert_eq!(terms[0].id, "multiple-myeloma");
        assert_eq!(terms[0].note.as_deref(), Some("A cancer."));
        assert_eq!(terms[0].locales["fr"].forbidden, ["myélome multiples"]);
        assert_eq!(terms[0].locales["fr"].source.as_deref(), Some("INCa"));
        assert_eq!(terms[0].locales["pt-BR"].approved, ["mieloma múltiplo"]);
        assert!(terms[1].locales.is_empty());
        assert_eq!(parse_terms("t".into(), "", &[]).unwrap(), []);
    }

    #[test]
    fn every_problem_is_named_at_its_line_and_column() {
        let text = "[[term]]\nid = \"a\"\nen = [\"x\"]\n[term.fr]\napproved = [\"y\"]\nforbidden = [\"Y\", \"--\"]\n[term.es-ES]\napproved = [\"z\"]\n[term.pt-br]\napproved = [\"z\"]\n\n[[term]]\nid = \"a\"\nen = []\n\n[[term]]\nen = [\"q\"]\n";
        assert_eq!(
            problems(text),
            [
                "terms.toml:6:14: `Y` is both approved and forbidden in fr",
                "terms.toml:6:19: the form `--` has no letter or digit to match",
                "terms.toml:7:7: `es-ES` is not a locale of this workspace (de, fr, pt-BR, zh-Hans); its renderings would never be checked",
                "terms.toml:9:7: `pt-br` is not a term field (id, en, note) nor a locale: `pt-br` is not written as a canonical BCP 47 tag; did you mean `pt-BR`?",
                "terms.toml:13:6: the id `a` is taken by the term on line 2",
                "terms.toml:14:6: the term `a` has no `en` forms",
                "terms.toml:16:1: a [[term]] without an `id`",
            ]
        );
    }

    #[test]
    fn unknown_keys_and_bad_toml_are_errors_at_their_place() {
        let unknown =
            problems("[[term]]\nid = \"a\"\nen = [\"x\"]\n[term.fr]\naproved = [\"y\"]\n");
        assert_eq!(unknown.len(), 1);
        assert!(
            unknown[0].starts_with("terms.toml:5:1: unknown field `aproved`"),
            "{unknown:?}"
        );
        let syntax = problems("[[term]]\nid = \"a\nen = [\"x\"]\n");
        assert_eq!(syntax.len(), 1);
        assert!(syntax[0].starts_with("terms.toml:2:"), "{syntax:?}");
        let top = problems("[[terms]]\nid = \"a\"\n");
        assert!(
            top[0].starts_with("terms.toml:1:3: unknown field `terms`"),
            "{top:?}"
        );
        // A misspelt field of a term is not a locale tag either.
        assert_eq!(
            problems("[[term]]\nid = \"a\"\nen = [\"x\"]\nnotes = \"y\"\n"),
            [
                "terms.toml:4:1: `notes` is not a term field (id, en, note) nor a locale: `notes` is not a BCP 47 language tag (like es, pt-BR or zh-Hans)"
            ]
        );
    }
}
