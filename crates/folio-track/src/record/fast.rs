//! Records as Folio writes them (a table per unit id, holding strings and a flag), read
//! from toml_parser's events without building TOML's document tree and deserializing it
//! again: most of the work of reading a workspace is reading its records, and the tree is
//! most of that beyond lexing. Anything else — dotted keys, inline tables, arrays, keys
//! outside a table, a repeated table or key, an unknown field, a syntax error — is left
//! to `toml`, which reads every TOML and says what is wrong; so is a table without its
//! English. Lexing and string decoding are toml_parser's, as `toml`'s are.

use std::borrow::Cow;
use std::collections::BTreeMap;

use toml_parser::decoder::{Encoding, ScalarKind};
use toml_parser::parser::{EventReceiver, ValidateWhitespace};
use toml_parser::{ErrorSink, ParseError, Raw, Source, Span};

use super::RecordEntry;

/// The entries of `text`, if it is a record of the shape Folio writes; `None` to leave
/// it to `toml`.
pub(super) fn parse(text: &str) -> Option<BTreeMap<String, RecordEntry>> {
    let source = Source::new(text);
    let tokens = source.lex().into_vec();
    let mut reader = Reader {
        source,
        entries: BTreeMap::new(),
        in_header: false,
        header: None,
        table: None,
        key: None,
        failed: false,
    };
    let mut error: Option<ParseError> = None;
    {
        let mut validated = ValidateWhitespace::new(&mut reader, source);
        toml_parser::parser::parse_document(&tokens, &mut validated, &mut error);
    }
    if error.is_some() {
        return None;
    }
    reader.finish()
}

/// One table being read: its id and the fields met so far.
#[derive(Default)]
struct Fields {
    english: Option<String>,
    translation: Option<String>,
    minor_edit_of: Option<String>,
    confirmed_unchanged: Option<bool>,
}

struct Reader<'i> {
    source: Source<'i>,
    entries: BTreeMap<String, RecordEntry>,
    /// Between a table header's brackets.
    in_header: bool,
    /// The header's key, once read.
    header: Option<String>,
    /// The table whose fields are being read.
    table: Option<(String, Fields)>,
    /// A field's key, until its value comes.
    key: Option<Cow<'i, str>>,
    /// The text is not of the shape read here.
    failed: bool,
}

impl<'i> Reader<'i> {
    /// Decodes the key or scalar at `span`, written as `encoding` says (a quoted kind of
    /// string, or `None` for a bare key or value), with toml_parser's decoder.
    /// Text without escapes is borrowed, not copied.
    fn decode(
        &mut self,
        span: Span,
        encoding: Option<Encoding>,
        key: bool,
    ) -> Option<(Cow<'i, str>, ScalarKind)> {
        let written = self.source.input().get(span.start()..span.end())?;
        let raw = Raw::new_unchecked(written, encoding, span);
        let mut text = Cow::Borrowed("");
        let mut error: Option<ParseError> = None;
        let kind = if key {
            raw.decode_key(&mut text, &mut error);
            ScalarKind::String
        } else {
            raw.decode_scalar(&mut text, &mut error)
        };
        error.is_none().then_some((text, kind))
    }

    /// Ends the table being read: an entry, or a failure without the English.
    fn close_table(&mut self) {
        let Some((id, fields)) = self.table.take() else {
            return;
        };
        let Some(english) = fields.english else {
            self.failed = true;
            return;
        };
        let entry = RecordEntry {
            english,
            translation: fields.translation,
            minor_edit_of: fields.minor_edit_of,
            confirmed_unchanged: fields.confirmed_unchanged.unwrap_or(false),
        };
        if self.entries.insert(id, entry).is_some() {
            self.failed = true;
        }
    }

    fn finish(mut self) -> Option<BTreeMap<String, RecordEntry>> {
        self.close_table();
        let unfinished = self.in_header || self.key.is_some();
        (!self.failed && !unfinished).then_some(self.entries)
    }

    /// Stores `value` in the field `key` of the table being read.
    fn set(&mut self, key: &str, value: String, kind: ScalarKind) {
        let Some((_, fields)) = self.table.as_mut() else {
            self.failed = true;
            return;
        };
        let slot = match (key, kind) {
            ("english", ScalarKind::String) => &mut fields.english,
            ("translation", ScalarKind::String) => &mut fields.translation,
            ("minor-edit-of", ScalarKind::String) => &mut fields.minor_edit_of,
            ("confirmed-unchanged", ScalarKind::Boolean(flag)) => {
                self.failed |= fields.confirmed_unchanged.replace(flag).is_some();
                return;
            }
            _ => {
                self.failed = true;
                return;
            }
        };
        self.failed |= slot.replace(value).is_some();
    }
}

impl EventReceiver for Reader<'_> {
    fn std_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.close_table();
        self.failed |= self.in_header || self.key.is_some();
        self.in_header = true;
        self.header = None;
    }

    fn std_table_close(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.in_header = false;
        match self.header.take() {
            Some(id) if !self.entries.contains_key(&id) => {
                self.table = Some((id, Fields::default()))
            }
            _ => self.failed = true,
        }
    }

    fn array_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }

    fn inline_table_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.failed = true;
        false
    }

    fn array_open(&mut self, _span: Span, _error: &mut dyn ErrorSink) -> bool {
        self.failed = true;
        false
    }

    fn simple_key(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        let Some((key, _)) = self.decode(span, encoding, true) else {
            self.failed = true;
            return;
        };
        // A second key before the first is used is a dotted key.
        self.failed |= if self.in_header {
            self.header.replace(key.into_owned()).is_some()
        } else {
            self.key.replace(key).is_some()
        };
    }

    fn key_sep(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }

    fn scalar(&mut self, span: Span, encoding: Option<Encoding>, _error: &mut dyn ErrorSink) {
        let decoded = self.decode(span, encoding, false);
        let (Some(key), Some((value, kind))) = (self.key.take(), decoded) else {
            self.failed = true;
            return;
        };
        self.set(&key, value.into_owned(), kind);
    }

    fn error(&mut self, _span: Span, _error: &mut dyn ErrorSink) {
        self.failed = true;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Record;

    /// What `toml` makes of `text`.
    fn by_toml(text: &str) -> Result<BTreeMap<String, RecordEntry>, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    #[test]
    fn other_shapes_are_left_to_toml() {
        for text in [
            "english = \"x\"\n",
            "[a]\nenglish.x = \"y\"\n",
            "[a.b]\nenglish = \"x\"\n",
            "[a]\nenglish = \"x\"\n[a]\nenglish = \"y\"\n",
            "[a]\nenglish = \"x\"\n[\"a\"]\nenglish = \"y\"\n",
            "[a]\nenglish = \"x\"\nenglish = \"y\"\n",
            "[a]\ntranslation = \"x\"\n",
            "[a]\nenglish = \"x\"\nextra = \"y\"\n",
            "[a]\nenglish = 1\n",
            "[a]\nenglish = \"x\"\nconfirmed-unchanged = \"yes\"\n",
            "a = { english = \"x\" }\n",
            "[[a]]\nenglish = \"x\"\n",
            "[a]\nenglish = [\"x\"]\n",
            "[a]\nenglish = \"x\\q\"\n",
            "[a]\nenglish = \"x\" y\n",
            "[a]\nenglish = \"x\"\u{7}\n",
            "[a]\nenglish = \"x\" # \u{7}\n",
            "[a\nenglish = \"x\"\n",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn deeply_nested_values_are_refused_without_recursion() {
        for open in ["[", "{a="] {
            let text = format!("[a]\nenglish = {}\n", open.repeat(200_000));
            assert_eq!(parse(&text), None);
            assert!(Record::parse(&text).is_err());
        }
    }

    #[test]
    fn what_is_read_here_is_what_toml_reads() {
        for text in [
            "",
            "# only a comment\n",
            "[a]\nenglish = \"x\"\n",
            "[ \"a b\" ] # comment\n\"english\" = 'literal \\n'\ntranslation = \"\"\"\nmulti\n\"\"\"\n",
            "['a']\nenglish = \"\\u00e9\\t\"\nconfirmed-unchanged = false\nminor-edit-of = \"\"\n",
            "[a]\r\nenglish = \"x\"\r\n\r\n[b]\nenglish = '''y'''",
        ] {
            assert_eq!(parse(text), by_toml(text).ok(), "{text:?}");
            assert!(parse(text).is_some(), "{text:?}");
        }
    }

    proptest::proptest! {
        /// Every record Folio writes is read here, as `toml` reads it.
        #[test]
        fn records_folio_writes_are_read_as_toml_reads_them(
            units in proptest::collection::btree_map(
                "[a-z][a-z0-9-]{0,8}|\\PC{1,6}",
                ("\\PC{0,12}|[\"\\\\\n\t\r\u{0}\u{7f}'#=]{0,6}", proptest::option::of("\\PC{0,12}"),
                 proptest::option::of("\\PC{0,6}"), proptest::bool::ANY),
                0..6,
            )
        ) {
            let mut record = Record::default();
            for (id, (english, translation, minor, unchanged)) in &units {
                match (minor, translation) {
                    (Some(old), Some(t)) => record.confirm_minor(id, old, english, t),
                    (None, Some(t)) if *unchanged => record.confirm_unchanged(id, english, t),
                    (None, Some(t)) => record.confirm(id, english, t),
                    _ => record.confirm(id, english, ""),
                }
            }
            let text = record.to_text("es", "doc");
            let read = parse(&text);
            let expected = by_toml(&text).ok();
            proptest::prop_assert_eq!(read.as_ref(), expected.as_ref());
            proptest::prop_assert_eq!(read.map(|entries| Record { entries }), Some(record));
        }

        /// Whatever is read here from pieces of TOML, `toml` reads the same; and what
        /// `toml` refuses is never read here.
        #[test]
        fn pieces_of_toml_are_read_as_toml_reads_them(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "[a]\n", "[b]\n", "[\"a\"]\n", "['c d']\n", "[a.b]\n", "[[a]]\n",
                "english = \"x\"\n", "english = 'y'\n", "english = \"\"\"\nz\"\"\"\n",
                "translation = \"t\"\n", "minor-edit-of = \"m\"\n",
                "confirmed-unchanged = true\n", "confirmed-unchanged = 1\n",
                "english.x = \"d\"\n", "other = \"o\"\n", "english = { a = 1 }\n",
                "# comment\n", "\n", "english = \"bad\\q\"\n", "english = \"x\"",
                "  ", "english = ", "]\n",
            ]), 0..8)
        ) {
            let text = pieces.concat();
            if let Some(entries) = parse(&text) {
                proptest::prop_assert_eq!(Ok(entries), by_toml(&text));
            }
        }
    }
}
