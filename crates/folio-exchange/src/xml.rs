//! Writing XML through quick-xml: every attribute value and text is escaped by it. The
//! layout (a line break and indentation) goes only between elements, never inside a
//! segment, where whitespace is content.

use quick_xml::Writer;
use quick_xml::escape::partial_escape;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::{Piece, Segment};

/// An XML document being written into memory.
pub(crate) struct Xml {
    writer: Writer<Vec<u8>>,
}

impl Xml {
    /// A document with its declaration (`<?xml version="1.0" encoding="UTF-8"?>`).
    pub(crate) fn new() -> Self {
        let mut xml = Xml {
            writer: Writer::new(Vec::new()),
        };
        xml.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
        xml
    }

    /// Writes `event`. Writing into a `Vec` does not fail.
    fn event(&mut self, event: Event<'_>) {
        self.writer
            .write_event(event)
            .expect("writing XML into memory does not fail");
    }

    /// A line break and two spaces per `depth`, between elements.
    pub(crate) fn line(&mut self, depth: usize) {
        let layout = format!("\n{}", "  ".repeat(depth));
        self.event(Event::Text(BytesText::from_escaped(layout)));
    }

    /// An opening tag with `attributes` (values escaped).
    pub(crate) fn open(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Start(start));
    }

    /// A closing tag.
    pub(crate) fn close(&mut self, name: &str) {
        self.event(Event::End(BytesEnd::new(name)));
    }

    /// An element without content.
    pub(crate) fn empty(&mut self, name: &str, attributes: &[(&str, &str)]) {
        let start = BytesStart::new(name).with_attributes(attributes.iter().copied());
        self.event(Event::Empty(start));
    }

    /// Text, escaped (`<`, `>` and `&`: quotes need no escaping in text, and are
    /// easier to review as they are).
    pub(crate) fn text(&mut self, text: &str) {
        self.event(Event::Text(BytesText::from_escaped(partial_escape(text))));
    }

    /// `<name …>text</name>`.
    pub(crate) fn element(&mut self, name: &str, attributes: &[(&str, &str)], text: &str) {
        self.open(name, attributes);
        self.text(text);
        self.close(name);
    }

    /// `<name …>` the segment `</name>`: its text, and each code as
    /// `<bpt>`/`<ept>`/`<ph>` holding its Markdown, with the attributes `code` gives
    /// (XLIFF's `id` and `ctype`, TMX's `i` and `x`).
    pub(crate) fn segment(
        &mut self,
        name: &str,
        attributes: &[(&str, &str)],
        segment: &Segment,
        code: &dyn Fn(&crate::Code) -> Vec<(&'static str, String)>,
    ) {
        self.open(name, attributes);
        for piece in &segment.pieces {
            match piece {
                Piece::Text(text) => self.text(text),
                Piece::Code(c) => {
                    let attributes = code(c);
                    let attributes: Vec<(&str, &str)> =
                        attributes.iter().map(|(k, v)| (*k, v.as_str())).collect();
                    self.element(c.role.element(), &attributes, &c.native);
                }
            }
        }
        self.close(name);
    }

    /// The document, ending in a line break.
    pub(crate) fn finish(mut self) -> String {
        self.line(0);
        String::from_utf8(self.writer.into_inner()).expect("quick-xml writes the UTF-8 it is given")
    }
}

/// Whether `text` can be carried as XML 1.0 text exactly: every character is one XML
/// allows, and there is no carriage return (a reader turns it into a line feed). Text
/// that can't is not exchanged (the exporter marks its unit `translate="no"`).
pub fn is_xml_text(text: &str) -> bool {
    text.chars().all(|c| {
        matches!(c, '\t' | '\n' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
    })
}

/// `text` as XML can carry it: each character [`is_xml_text`] refuses becomes U+FFFD.
pub fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if is_xml_text(text) {
        std::borrow::Cow::Borrowed(text)
    } else {
        text.chars()
            .map(|c| {
                if is_xml_text(c.encode_utf8(&mut [0; 4])) {
                    c
                } else {
                    '\u{FFFD}'
                }
            })
            .collect::<String>()
            .into()
    }
}
