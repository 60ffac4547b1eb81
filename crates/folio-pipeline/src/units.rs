//! Naming units on the command line: `ID`, or `DOCUMENT:ID` when ids repeat across
//! documents (every article has a `title`).

/// A unit named on the command line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnitName {
    /// The document, when qualified.
    pub document: Option<String>,
    /// The unit id.
    pub id: String,
}

impl std::str::FromStr for UnitName {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, String> {
        let (document, id) = match text.split_once(':') {
            Some((document, id)) => (Some(document.to_owned()), id),
            None => (None, text),
        };
        folio_model::UnitId::new(id).map_err(|e| e.to_string())?;
        Ok(UnitName {
            document,
            id: id.to_owned(),
        })
    }
}

impl std::fmt::Display for UnitName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.document {
            Some(document) => write!(f, "{document}:{}", self.id),
            None => f.write_str(&self.id),
        }
    }
}

/// Resolves `names` against `candidates` (document, id) pairs: each name must match
/// exactly one. Returns the matched pairs, or one message per name that does not.
pub fn resolve(
    names: &[UnitName],
    candidates: &[(&str, &str)],
) -> Result<Vec<(String, String)>, Vec<String>> {
    let mut found = Vec::new();
    let mut errors = Vec::new();
    for name in names {
        let matches: Vec<_> = candidates
            .iter()
            .filter(|(document, id)| {
                *id == name.id && name.document.as_deref().is_none_or(|d| d == *document)
            })
            .collect();
        match matches.as_slice() {
            [(document, id)] => found.push((document.to_string(), id.to_string())),
            [] => errors.push(format!(
                "`{name}` is not one of the units this applies to: {}",
                describe(candidates)
            )),
            many => errors.push(format!(
                "`{name}` is in several documents; write one of {}",
                many.iter()
                    .map(|(d, i)| format!("`{d}:{i}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }
    if errors.is_empty() {
        Ok(found)
    } else {
        Err(errors)
    }
}

/// `document:id, …`, or `none`.
fn describe(units: &[(&str, &str)]) -> String {
    if units.is_empty() {
        return "none".to_owned();
    }
    units
        .iter()
        .map(|(d, i)| format!("{d}:{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_parse_and_resolve() {
        let names: Vec<UnitName> = ["a", "doc2:title"]
            .iter()
            .map(|s| s.parse().unwrap())
            .collect();
        let candidates = [("doc1", "a"), ("doc1", "title"), ("doc2", "title")];
        let owned = |d: &str, i: &str| (d.to_owned(), i.to_owned());
        assert_eq!(
            resolve(&names, &candidates).unwrap(),
            [owned("doc1", "a"), owned("doc2", "title")]
        );
        let ambiguous: Vec<UnitName> = vec!["title".parse().unwrap(), "zzz".parse().unwrap()];
        let errors = resolve(&ambiguous, &candidates).unwrap_err();
        assert!(
            errors[0].contains("`doc1:title`, `doc2:title`"),
            "{errors:?}"
        );
        assert!(errors[1].contains("`zzz` is not one of"), "{errors:?}");
        assert!("bad id".parse::<UnitName>().is_err());
    }
}
