//! TMX 1.4b: a translation memory, one `<tu>` per English text, one `<tuv>` per locale.

use crate::inline::{Code, Role, Segment};
use crate::xml::{Xml, xml_safe};

/// One English text and its confirmed translations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryEntry {
    /// The English, Markdown.
    pub english: String,
    /// Its translations, one per locale, in locale order.
    pub variants: Vec<MemoryVariant>,
}

/// One locale's translation of an entry's English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemoryVariant {
    /// The locale (BCP 47, `xml:lang`).
    pub locale: String,
    /// The translation, Markdown.
    pub translation: String,
}

/// Writes a TMX 1.4b memory of `entries` (in their order), the English in
/// `source_language`. Each `<seg>` carries inline Markdown as `<bpt i>`/`<ept i>`/`<ph
/// x>` codes, a translation's numbered after its English's (`x` matches codes across a
/// `<tu>`'s variants, as CAT tools expect). No creation date, so the same memory is the
/// same bytes.
pub fn write_tmx(source_language: &str, entries: &[MemoryEntry]) -> String {
    let mut xml = Xml::new();
    xml.line(0);
    xml.open("tmx", &[("version", "1.4")]);
    xml.line(1);
    xml.empty(
        "header",
        &[
            ("creationtool", "Folio"),
            ("creationtoolversion", env!("CARGO_PKG_VERSION")),
            ("segtype", "paragraph"),
            ("o-tmf", "Folio"),
            ("adminlang", "en"),
            ("srclang", source_language),
            ("datatype", "x-markdown"),
        ],
    );
    xml.line(1);
    xml.open("body", &[]);
    for entry in entries {
        let english = Segment::from_markdown(&xml_safe(&entry.english));
        xml.line(2);
        xml.open("tu", &[]);
        write_variant(&mut xml, source_language, &english);
        for variant in &entry.variants {
            let translation =
                Segment::from_markdown(&xml_safe(&variant.translation)).aligned_to(&english);
            write_variant(&mut xml, &variant.locale, &translation);
        }
        xml.line(2);
        xml.close("tu");
    }
    xml.line(1);
    xml.close("body");
    xml.line(0);
    xml.close("tmx");
    xml.finish()
}

/// One `<tuv xml:lang=…><seg>…</seg></tuv>`.
fn write_variant(xml: &mut Xml, locale: &str, segment: &Segment) {
    xml.line(3);
    xml.open("tuv", &[("xml:lang", locale)]);
    xml.segment("seg", &[], segment, &tmx_code);
    xml.close("tuv");
}

/// A TMX code's attributes: a pair's `i`, and `x` (matching across variants) on the
/// opening and standalone codes, with the kind as `type`.
fn tmx_code(code: &Code) -> Vec<(&'static str, String)> {
    let id = code.id.to_string();
    let mut attributes = match code.role {
        Role::Open => vec![("i", id.clone()), ("x", id)],
        Role::Close => vec![("i", id)],
        Role::Standalone => vec![("x", id)],
    };
    if let (Some(kind), false) = (code.kind, code.role == Role::Close) {
        attributes.push(("type", kind.ctype().to_owned()));
    }
    attributes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_memory_has_a_unit_per_english_text_and_a_variant_per_locale() {
        let text = write_tmx(
            "en",
            &[MemoryEntry {
                english: "See [the NIH](https://nih.gov/) & more.".to_owned(),
                variants: vec![
                    MemoryVariant {
                        locale: "es".to_owned(),
                        translation: "Vea [los NIH](https://nih.gov/) y más.".to_owned(),
                    },
                    MemoryVariant {
                        locale: "pt-BR".to_owned(),
                        translation: "Veja [os NIH](https://nih.gov/).".to_owned(),
                    },
                ],
            }],
        );
        assert!(text.contains(r#"<tuv xml:lang="en"><seg>See <bpt i="1" x="1" type="link">[</bpt>the NIH<ept i="1">](https://nih.gov/)</ept> &amp; more.</seg></tuv>"#), "{text}");
        assert!(
            text.contains(
                r#"<tuv xml:lang="pt-BR"><seg>Veja <bpt i="1" x="1" type="link">[</bpt>os NIH"#
            ),
            "{text}"
        );
        assert_eq!(text.matches("<tu>").count(), 1);
    }
}
