//! Which documents, and which locales of each, a run of `check` or `status` reads:
//! `--document NAME|GLOB` and `--changed-since REF`. Pure: names and paths in, a
//! `Selection` out; running git is `folio_workspace::changed_paths`'.

use std::collections::{BTreeMap, BTreeSet};

use globset::{Glob, GlobMatcher};

/// The documents a run reads and, per document, the locales.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Selection {
    /// Per document name: `None` every locale, else these locale tags.
    documents: BTreeMap<String, Option<BTreeSet<String>>>,
}

impl Selection {
    /// Every locale of each of `names`.
    pub fn all(names: &[String]) -> Self {
        Selection {
            documents: names.iter().map(|n| (n.clone(), None)).collect(),
        }
    }

    /// The selected document names, sorted.
    pub fn names(&self) -> Vec<String> {
        self.documents.keys().cloned().collect()
    }

    /// Whether locale `tag` of document `name` is selected.
    pub fn takes(&self, name: &str, tag: &str) -> bool {
        match self.documents.get(name) {
            Some(None) => true,
            Some(Some(tags)) => tags.contains(tag),
            None => false,
        }
    }

    /// Keeps only what `other` selects too.
    pub fn intersect(self, other: &Selection) -> Selection {
        let documents = self
            .documents
            .into_iter()
            .filter_map(|(name, mine)| {
                let theirs = other.documents.get(&name)?;
                let locales = match (mine, theirs) {
                    (None, None) => None,
                    (Some(tags), None) => Some(tags),
                    (None, Some(tags)) => Some(tags.clone()),
                    (Some(a), Some(b)) => Some(a.intersection(b).cloned().collect()),
                };
                Some((name, locales))
            })
            .collect();
        Selection { documents }
    }
}

/// A `--document` argument that names no document.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentPatternError {
    /// Not a valid glob.
    #[error("--document `{pattern}` is not a valid pattern: {message}")]
    Invalid {
        /// The argument.
        pattern: String,
        /// What the glob parser said.
        message: String,
    },
    /// Matches no document.
    #[error("--document `{pattern}`: no such document; {hint}")]
    Unknown {
        /// The argument.
        pattern: String,
        /// Close matches, or the documents there are.
        hint: String,
    },
}

/// The documents among `names` that `patterns` (names or globs such as `news/*`) name;
/// all of them when there are no patterns. Every pattern must name at least one.
pub fn select_documents(
    names: &[String],
    patterns: &[String],
) -> Result<Vec<String>, DocumentPatternError> {
    if patterns.is_empty() {
        return Ok(names.to_vec());
    }
    let mut matchers: Vec<GlobMatcher> = Vec::with_capacity(patterns.len());
    for pattern in patterns {
        let glob = Glob::new(pattern).map_err(|e| DocumentPatternError::Invalid {
            pattern: pattern.clone(),
            message: e.kind().to_string(),
        })?;
        let matcher = glob.compile_matcher();
        if !names.iter().any(|n| matcher.is_match(n)) {
            return Err(DocumentPatternError::Unknown {
                pattern: pattern.clone(),
                hint: hint(names, pattern),
            });
        }
        matchers.push(matcher);
    }
    Ok(names
        .iter()
        .filter(|n| matchers.iter().any(|m| m.is_match(n.as_str())))
        .cloned()
        .collect())
}

/// "did you mean …" with the names within a few edits of `pattern`, beginning within a
/// few edits of it, or containing it,
/// else the documents there are (the first 10).
fn hint(names: &[String], pattern: &str) -> String {
    let limit = (pattern.chars().count() / 3).max(2);
    let close: Vec<&str> = names
        .iter()
        .filter(|n| {
            let head: String = n.chars().take(pattern.chars().count()).collect();
            n.contains(pattern)
                || edit_distance(n, pattern) <= limit
                || edit_distance(&head, pattern) <= limit
        })
        .map(String::as_str)
        .collect();
    if !close.is_empty() {
        return format!("did you mean {}?", list(&close));
    }
    if names.is_empty() {
        return "there are no documents".to_owned();
    }
    let shown: Vec<&str> = names.iter().take(10).map(String::as_str).collect();
    let more = names.len().saturating_sub(shown.len());
    let tail = if more > 0 {
        format!(" and {more} more")
    } else {
        String::new()
    };
    format!("the documents are {}{tail}", list(&shown))
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (diagonal + usize::from(ca != *cb))
                .min(above + 1)
                .min(row[j] + 1);
            diagonal = above;
        }
    }
    row[b.len()]
}

/// Where a workspace keeps what Folio reads, as `/`-separated paths relative to its
/// root (the form `changed_paths` gives).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The English Markdown folder (`source`).
    pub source: String,
    /// The locales folder (`locales`).
    pub locales: String,
    /// The reference locale's tag (`en`).
    pub reference: String,
    /// The records folder inside each locale's (`confirmed`).
    pub records: String,
    /// Other files whose change can change any result: `folio.toml`, the page template.
    pub global: Vec<String>,
}

/// What a set of changed paths touches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Changed {
    /// A file every result depends on changed (`folio.toml`, the template).
    Everything,
    /// These documents: `None` in every locale, else in these locale tags.
    Documents(BTreeMap<String, Option<BTreeSet<String>>>),
}

impl Changed {
    /// The part of `all` (document names) it touches.
    pub fn selection(&self, all: &[String]) -> Selection {
        match self {
            Changed::Everything => Selection::all(all),
            Changed::Documents(touched) => Selection {
                documents: all
                    .iter()
                    .filter_map(|n| Some((n.clone(), touched.get(n)?.clone())))
                    .collect(),
            },
        }
    }
}

/// Maps changed paths (relative to the workspace root, `/`-separated) to the documents
/// and locales they touch:
/// - `source/<doc>.md`, `locales/<ref>/<doc>.ftl`, `locales/<ref>/<doc>.layout.json`:
///   the document in every locale (the English changed; so for the disclaimer, whose
///   English every locale's pages carry);
/// - `locales/<l>/<doc>.ftl`, `locales/<l>/confirmed/<doc>.toml`: the document in `l`;
/// - `folio.toml`, the template (`layout.global`): everything;
/// - anything else (images, README, CI files, the cache): nothing.
pub fn changed_documents(paths: &[String], layout: &Layout) -> Changed {
    let mut touched: BTreeMap<String, Option<BTreeSet<String>>> = BTreeMap::new();
    for path in paths {
        let path = path.trim_start_matches("./");
        if layout
            .global
            .iter()
            .any(|g| g.trim_start_matches("./") == path)
        {
            return Changed::Everything;
        }
        let Some((document, locale)) = touches(path, layout) else {
            continue;
        };
        match locale {
            None => {
                touched.insert(document, None);
            }
            Some(tag) => {
                if let Some(tags) = touched
                    .entry(document)
                    .or_insert_with(|| Some(BTreeSet::new()))
                {
                    tags.insert(tag);
                }
            }
        }
    }
    Changed::Documents(touched)
}

/// The document a path is a file of, and its locale (`None`: every locale).
fn touches(path: &str, layout: &Layout) -> Option<(String, Option<String>)> {
    if let Some(rest) = under(path, &layout.source) {
        let document = rest.strip_suffix(".md")?;
        return Some((document.to_owned(), None));
    }
    let rest = under(path, &layout.locales)?;
    let (locale, rest) = rest.split_once('/')?;
    if locale == layout.reference {
        let document = rest
            .strip_suffix(".ftl")
            .or_else(|| rest.strip_suffix(".layout.json"))?;
        return Some((document.to_owned(), None));
    }
    let document = match under(rest, &layout.records) {
        Some(record) => record.strip_suffix(".toml")?,
        None => rest.strip_suffix(".ftl")?,
    };
    Some((document.to_owned(), Some(locale.to_owned())))
}

/// `path` without the folder `dir` and its `/`, when it is inside it.
fn under<'a>(path: &'a str, dir: &str) -> Option<&'a str> {
    let dir = dir.trim_start_matches("./").trim_end_matches('/');
    path.strip_prefix(dir)?
        .strip_prefix('/')
        .filter(|rest| !rest.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Layout {
        Layout {
            source: "source".into(),
            locales: "locales".into(),
            reference: "en".into(),
            records: "confirmed".into(),
            global: vec!["folio.toml".into(), "templates/page.html".into()],
        }
    }

    fn changed(paths: &[&str]) -> Changed {
        let paths: Vec<String> = paths.iter().map(|p| (*p).to_owned()).collect();
        changed_documents(&paths, &layout())
    }

    fn set(tags: &[&str]) -> Option<BTreeSet<String>> {
        Some(tags.iter().map(|t| (*t).to_owned()).collect())
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|n| (*n).to_owned()).collect()
    }

    #[test]
    fn english_source_touches_every_locale() {
        let Changed::Documents(d) = changed(&["source/intro.md"]) else {
            panic!("not documents")
        };
        assert_eq!(d, BTreeMap::from([("intro".to_owned(), None)]));
    }

    #[test]
    fn reference_units_and_layout_touch_every_locale() {
        let Changed::Documents(d) = changed(&["locales/en/a.ftl", "locales/en/b.layout.json"])
        else {
            panic!("not documents")
        };
        assert_eq!(
            d,
            BTreeMap::from([("a".to_owned(), None), ("b".to_owned(), None)])
        );
    }

    #[test]
    fn translation_and_record_touch_their_locale() {
        let Changed::Documents(d) = changed(&[
            "locales/es/a.ftl",
            "locales/fr/confirmed/a.toml",
            "locales/de/b.ftl",
        ]) else {
            panic!("not documents")
        };
        assert_eq!(
            d,
            BTreeMap::from([
                ("a".to_owned(), set(&["es", "fr"])),
                ("b".to_owned(), set(&["de"])),
            ])
        );
    }

    #[test]
    fn english_change_wins_over_a_locale_change() {
        for order in [
            ["locales/es/a.ftl", "source/a.md"],
            ["source/a.md", "locales/es/a.ftl"],
        ] {
            let Changed::Documents(d) = changed(&order) else {
                panic!("not documents")
            };
            assert_eq!(d, BTreeMap::from([("a".to_owned(), None)]));
        }
    }

    #[test]
    fn disclaimer_english_means_every_locale() {
        let Changed::Documents(d) = changed(&["source/disclaimer.md"]) else {
            panic!("not documents")
        };
        let selection = Changed::Documents(d).selection(&names(&["a", "disclaimer"]));
        assert_eq!(selection.names(), names(&["disclaimer"]));
        assert!(selection.takes("disclaimer", "ar"));
        assert!(selection.takes("disclaimer", "zh-Hans"));
    }

    #[test]
    fn settings_and_template_touch_everything() {
        assert_eq!(changed(&["README.md", "folio.toml"]), Changed::Everything);
        assert_eq!(changed(&["templates/page.html"]), Changed::Everything);
        let all = names(&["a", "b"]);
        assert_eq!(Changed::Everything.selection(&all), Selection::all(&all));
    }

    #[test]
    fn other_files_touch_nothing() {
        assert_eq!(
            changed(&[
                "README.md",
                "source/images/a.png",
                ".github/workflows/ci.yml",
                "locales/es/notes.txt",
                "locales",
                "sourcery/a.md",
            ]),
            Changed::Documents(BTreeMap::new())
        );
    }

    #[test]
    fn nested_document_names() {
        let Changed::Documents(d) = changed(&["source/news/a.md", "locales/es/news/b.ftl"]) else {
            panic!("not documents")
        };
        assert_eq!(
            d,
            BTreeMap::from([
                ("news/a".to_owned(), None),
                ("news/b".to_owned(), set(&["es"])),
            ])
        );
    }

    #[test]
    fn selection_keeps_known_documents_and_intersects() {
        let all = names(&["a", "b", "c"]);
        let Changed::Documents(d) = changed(&["locales/es/a.ftl", "source/b.md", "source/gone.md"])
        else {
            panic!("not documents")
        };
        let selection = Changed::Documents(d).selection(&all);
        assert_eq!(selection.names(), names(&["a", "b"]));
        assert!(selection.takes("a", "es"));
        assert!(!selection.takes("a", "fr"));
        assert!(selection.takes("b", "fr"));
        assert!(!selection.takes("c", "es"));
        let only_a = Selection::all(&names(&["a"]));
        let both = selection.intersect(&only_a);
        assert_eq!(both.names(), names(&["a"]));
        assert!(both.takes("a", "es") && !both.takes("a", "fr"));
    }

    #[test]
    fn documents_by_name_and_glob() {
        let all = names(&["about", "news/a", "news/b", "guide"]);
        assert_eq!(select_documents(&all, &[]).unwrap(), all);
        assert_eq!(
            select_documents(&all, &names(&["news/*", "about"])).unwrap(),
            names(&["about", "news/a", "news/b"])
        );
    }

    #[test]
    fn unknown_document_lists_close_matches_or_the_documents() {
        let all = names(&["immunotherapy", "news/a", "guide", "immunology-basics-x"]);
        let error = select_documents(&all, &names(&["imunotherapy"])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "--document `imunotherapy`: no such document; did you mean `immunotherapy`?"
        );
        let error = select_documents(&all, &names(&["zzzzzzzzzz"])).unwrap_err();
        assert_eq!(
            error.to_string(),
            "--document `zzzzzzzzzz`: no such document; the documents are `immunotherapy`, `news/a`, `guide`, `immunology-basics-x`"
        );
        assert!(matches!(
            select_documents(&all, &names(&["a[b"])),
            Err(DocumentPatternError::Invalid { .. })
        ));
    }
}
