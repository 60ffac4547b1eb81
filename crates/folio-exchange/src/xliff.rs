//! XLIFF 1.2: one `<file>` per document, one `<trans-unit>` per unit, written for CAT
//! tools and read back from them.
//!
//! Round trip (tested): reading what [`write_xliff`] wrote gives back every unit's id,
//! source and target segments, and target state.

use folio_model::LineIndex;
use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use crate::inline::{Code, CodeKind, Piece, Role, Segment};
use crate::xml::{Xml, is_xml_text, xml_safe};

/// The XLIFF 1.2 namespace.
const NAMESPACE: &str = "urn:oasis:names:tc:xliff:document:1.2";

/// The state of a target (XLIFF 1.2 `state`), as Folio exports it from a unit's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    /// Missing or untranslated: `needs-translation`.
    NeedsTranslation,
    /// Stale or updated: the English changed since the translation was confirmed.
    NeedsReviewTranslation,
    /// Current, not yet recorded as confirmed.
    Translated,
    /// Current and confirmed against today's English.
    Final,
}

impl State {
    /// The XLIFF name.
    pub fn name(self) -> &'static str {
        match self {
            State::NeedsTranslation => "needs-translation",
            State::NeedsReviewTranslation => "needs-review-translation",
            State::Translated => "translated",
            State::Final => "final",
        }
    }
}

/// What to write: one locale's units, document by document.
#[derive(Debug, Clone, Copy)]
pub struct XliffExport<'a> {
    /// The reference locale (`source-language`).
    pub source_language: &'a str,
    /// The locale the file is for (`target-language`).
    pub target_language: &'a str,
    /// The documents, each a `<file>`.
    pub documents: &'a [ExportDocument],
}

/// One document's units.
#[derive(Debug, Clone)]
pub struct ExportDocument {
    /// The document name (`original`).
    pub name: String,
    /// Its units, in English order.
    pub units: Vec<ExportUnit>,
}

/// One unit as exported.
#[derive(Debug, Clone)]
pub struct ExportUnit {
    /// The unit id (`id`).
    pub id: String,
    /// Today's English, Markdown.
    pub english: String,
    /// The current translation, Markdown, when there is one.
    pub translation: Option<String>,
    /// The target's state (ignored without a translation).
    pub state: State,
    /// What the unit is (`Paragraph 2 of "Types"`), a note.
    pub context: Option<String>,
    /// The English and translation last confirmed, when the English changed since.
    pub previous: Option<Previous>,
    /// Why the unit can't be edited through XLIFF, when it can't (`translate="no"`).
    pub locked: Option<String>,
}

/// What a stale or updated unit was confirmed as.
#[derive(Debug, Clone)]
pub struct Previous {
    /// The English the translation was confirmed against.
    pub english: String,
    /// The translation confirmed then.
    pub translation: String,
    /// The English word diff from then to now, `[-old-]{+new+}`.
    pub diff: String,
}

/// Writes an XLIFF 1.2 file: per document a `<file original=… datatype="x-markdown">`,
/// per unit a `<trans-unit id=… xml:space="preserve">` with its English `<source>`, its
/// translation as `<target state=…>`, its context and (for stale units) the English
/// diff as `<note>`s, and the English and translation last confirmed as `<alt-trans>`.
/// Inline Markdown is `<bpt>`/`<ept>`/`<ph>`, a translation's codes numbered after its
/// English's. `max_width(id)` gives a unit's length limit in characters (`maxwidth`,
/// `size-unit="char"`). Text XML can't carry (control characters) is written as U+FFFD
/// and its unit locked. Same input, same bytes.
pub fn write_xliff(export: &XliffExport<'_>, max_width: &dyn Fn(&str) -> Option<usize>) -> String {
    let mut xml = Xml::new();
    xml.line(0);
    xml.open("xliff", &[("version", "1.2"), ("xmlns", NAMESPACE)]);
    for document in export.documents {
        xml.line(1);
        xml.open(
            "file",
            &[
                ("original", &document.name),
                ("source-language", export.source_language),
                ("target-language", export.target_language),
                ("datatype", "x-markdown"),
            ],
        );
        xml.line(2);
        xml.open("header", &[]);
        xml.line(3);
        xml.empty("tool", &[("tool-id", "folio"), ("tool-name", "Folio")]);
        xml.line(2);
        xml.close("header");
        xml.line(2);
        xml.open("body", &[]);
        for unit in &document.units {
            write_unit(&mut xml, unit, max_width(&unit.id));
        }
        xml.line(2);
        xml.close("body");
        xml.line(1);
        xml.close("file");
    }
    xml.line(0);
    xml.close("xliff");
    xml.finish()
}

/// One `<trans-unit>`.
fn write_unit(xml: &mut Xml, unit: &ExportUnit, max_width: Option<usize>) {
    let unsafe_text =
        !is_xml_text(&unit.english) || unit.translation.as_deref().is_some_and(|t| !is_xml_text(t));
    let locked = unit.locked.clone().or_else(|| {
        unsafe_text.then(|| {
            "it has characters XLIFF can't carry (shown as \u{FFFD}): edit it in the .ftl file"
                .to_owned()
        })
    });
    let width = max_width.map(|w| w.to_string());
    let mut attributes = vec![("id", unit.id.as_str()), ("xml:space", "preserve")];
    if locked.is_some() {
        attributes.push(("translate", "no"));
    }
    if let Some(width) = &width {
        attributes.push(("maxwidth", width));
        attributes.push(("size-unit", "char"));
    }
    xml.line(3);
    xml.open("trans-unit", &attributes);
    let source = Segment::from_markdown(&xml_safe(&unit.english));
    xml.line(4);
    xml.segment("source", &[], &source, &xliff_code);
    if let Some(translation) = &unit.translation {
        let target = Segment::from_markdown(&xml_safe(translation)).aligned_to(&source);
        xml.line(4);
        xml.segment(
            "target",
            &[("state", unit.state.name())],
            &target,
            &xliff_code,
        );
    }
    let mut notes: Vec<(&str, String)> = Vec::new();
    if let Some(context) = &unit.context {
        notes.push(("general", context.clone()));
    }
    if let Some(previous) = &unit.previous {
        notes.push((
            "source",
            format!(
                "The English changed since this translation was confirmed: {}",
                previous.diff
            ),
        ));
    }
    if let Some(reason) = &locked {
        notes.push(("general", format!("Not editable here: {reason}")));
    }
    for (annotates, note) in notes {
        xml.line(4);
        xml.element(
            "note",
            &[("from", "folio"), ("annotates", annotates)],
            &xml_safe(&note),
        );
    }
    if let Some(previous) = &unit.previous {
        let source = Segment::from_markdown(&xml_safe(&previous.english));
        let target = Segment::from_markdown(&xml_safe(&previous.translation)).aligned_to(&source);
        xml.line(4);
        xml.open("alt-trans", &[("origin", "folio-confirmed")]);
        xml.line(5);
        xml.segment("source", &[], &source, &xliff_code);
        xml.line(5);
        xml.segment("target", &[], &target, &xliff_code);
        xml.line(4);
        xml.close("alt-trans");
    }
    xml.line(3);
    xml.close("trans-unit");
}

/// An XLIFF code's attributes: `id` and `ctype` (an `<ept>` has no `ctype`).
fn xliff_code(code: &Code) -> Vec<(&'static str, String)> {
    let mut attributes = vec![("id", code.id.to_string())];
    if let (Some(kind), false) = (code.kind, code.role == Role::Close) {
        attributes.push(("ctype", kind.ctype().to_owned()));
    }
    attributes
}

/// An XLIFF file Folio can't read, and where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct XliffError {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
}

/// One `<file>` read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadDocument {
    /// `original`: the document name.
    pub original: String,
    /// `source-language`.
    pub source_language: String,
    /// `target-language`.
    pub target_language: String,
    /// The line of the `<file>` tag.
    pub line: usize,
    /// Its trans-units, in file order.
    pub units: Vec<ReadUnit>,
}

/// One `<trans-unit>` read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadUnit {
    /// `id`.
    pub id: String,
    /// The line of the `<trans-unit>` tag.
    pub line: usize,
    /// The `<source>`.
    pub source: Segment,
    /// The `<target>`, when there is one.
    pub target: Option<ReadTarget>,
}

/// A `<target>` read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadTarget {
    /// Its content.
    pub segment: Segment,
    /// Its `state`, when it has one.
    pub state: Option<String>,
    /// The line of the `<target>` tag.
    pub line: usize,
}

/// A segment being read: the pieces so far and the code being read, if any.
#[derive(Default)]
struct Reading {
    pieces: Vec<Piece>,
    code: Option<Code>,
    /// `<mrk>` elements open inside the segment (their content is the segment's).
    marks: usize,
    /// For a `<target>`: its state and line (`None` for a `<source>`).
    target: Option<(Option<String>, usize)>,
}

impl Reading {
    fn push_text(&mut self, text: &str) {
        if let Some(code) = &mut self.code {
            code.native.push_str(text);
        } else if let Some(Piece::Text(last)) = self.pieces.last_mut() {
            last.push_str(text);
        } else if !text.is_empty() {
            self.pieces.push(Piece::Text(text.to_owned()));
        }
    }
}

/// Where the reader is in the document.
#[derive(Default)]
struct Place {
    /// Elements open, by local name.
    open: Vec<String>,
    documents: Vec<ReadDocument>,
    unit: Option<ReadUnit>,
    /// The segment being read.
    segment: Option<Reading>,
    seen_root: bool,
}

/// Reads an XLIFF 1.2 file into its documents and units. Only what Folio needs is read:
/// `<file>`'s `original` and languages, each `<trans-unit>`'s `id`, `<source>` and
/// `<target>` (and its `state`); notes and `<alt-trans>` are skipped. Inline
/// `<bpt>`/`<ept>`/`<ph>` become codes and `<mrk>` is read through; any other inline
/// element is an error, as are a DTD (`<!DOCTYPE`, so no entity is ever declared or
/// expanded), an entity other than XML's five, a character XML does not allow, a file
/// that is not XLIFF 1.2, and XML that is not well-formed. Every error names its line
/// and column.
pub fn read_xliff(text: &str) -> Result<Vec<ReadDocument>, XliffError> {
    let lines = LineIndex::new(text);
    let error_at = |offset: usize, message: String| {
        let (line, column) = lines.line_col(offset.min(text.len()));
        XliffError {
            line,
            column,
            message,
        }
    };
    let mut reader = Reader::from_str(text);
    let config = reader.config_mut();
    config.check_end_names = true;
    config.check_comments = true;
    let mut place = Place::default();
    loop {
        let at = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = reader.read_event().map_err(|e| {
            let offset = usize::try_from(reader.error_position()).unwrap_or(usize::MAX);
            error_at(offset, format!("not well-formed XML: {e}"))
        })?;
        let line = lines.line_col(at.min(text.len())).0;
        let result = match event {
            Event::Start(start) => start_element(&mut place, &start, line).map(|()| {
                place.open.push(local_name(&start));
            }),
            Event::Empty(start) => start_element(&mut place, &start, line)
                .and_then(|()| end_element(&mut place, &local_name(&start))),
            Event::End(end) => {
                let name = end.local_name().as_ref().to_owned();
                place.open.pop();
                end_element(&mut place, &name)
            }
            Event::Text(content) => segment_text(&mut place, &content.xml10_content()),
            Event::CData(content) => segment_text(
                &mut place,
                &content.xml_content(quick_xml::XmlVersion::Implicit1_0),
            ),
            Event::GeneralRef(reference) => {
                let character = match reference.resolve_char_ref() {
                    Ok(Some(c)) => Ok(c.to_string()),
                    Ok(None) => match &*reference {
                        "lt" => Ok("<".to_owned()),
                        "gt" => Ok(">".to_owned()),
                        "amp" => Ok("&".to_owned()),
                        "apos" => Ok("'".to_owned()),
                        "quot" => Ok("\"".to_owned()),
                        name => Err(format!(
                            "unknown entity `&{name};`: Folio reads no DTD, so only XML's five \
                             entities (&lt; &gt; &amp; &apos; &quot;) and character references \
                             are allowed"
                        )),
                    },
                    Err(e) => Err(format!("bad character reference: {e}")),
                };
                character.and_then(|c| segment_text(&mut place, &c))
            }
            Event::DocType(_) => Err(
                "a DOCTYPE is not allowed: Folio reads XLIFF without a DTD, so no entity is \
                 ever declared or expanded; remove the <!DOCTYPE …> line"
                    .to_owned(),
            ),
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => Ok(()),
            Event::Eof => {
                return match place.open.last() {
                    Some(name) => Err(error_at(
                        text.len(),
                        format!("the file ends inside <{name}>: it was cut short"),
                    )),
                    None if !place.seen_root => Err(error_at(
                        text.len(),
                        "no <xliff> element: not an XLIFF file".to_owned(),
                    )),
                    None => Ok(place.documents),
                };
            }
        };
        result.map_err(|message| error_at(at, message))?;
    }
}

/// The local name of an element (`xliff:trans-unit` → `trans-unit`).
fn local_name(start: &BytesStart<'_>) -> String {
    start.local_name().as_ref().to_owned()
}

/// The value of attribute `name` (its local name; `xml:space` is `space`), unescaped.
fn attribute(start: &BytesStart<'_>, name: &str) -> Result<Option<String>, String> {
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|e| format!("bad attribute: {e}"))?;
        if attribute.key.local_name().as_ref() == name {
            let value = attribute
                .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .map_err(|e| format!("bad value of `{name}`: {e}"))?;
            return Ok(Some(value.into_owned()));
        }
    }
    Ok(None)
}

/// An attribute the element must have.
fn required(start: &BytesStart<'_>, name: &str) -> Result<String, String> {
    attribute(start, name)?
        .ok_or_else(|| format!("<{}> has no `{name}` attribute", local_name(start)))
}

/// Handles an opening (or empty) tag.
fn start_element(place: &mut Place, start: &BytesStart<'_>, line: usize) -> Result<(), String> {
    let name = local_name(start);
    if let Some(reading) = &mut place.segment {
        if reading.code.is_some() {
            return Err(format!(
                "<{name}> inside an inline code: Folio's codes hold Markdown only"
            ));
        }
        return match name.as_str() {
            "bpt" | "ept" | "ph" => {
                let role = match name.as_str() {
                    "bpt" => Role::Open,
                    "ept" => Role::Close,
                    _ => Role::Standalone,
                };
                let id = required(start, "id")?;
                let id = id.parse().map_err(|_| {
                    format!("<{name} id=\"{id}\">: not an id Folio wrote (a number); keep the codes as exported")
                })?;
                let kind = attribute(start, "ctype")?.and_then(|c| CodeKind::from_ctype(&c));
                reading.code = Some(Code {
                    role,
                    id,
                    kind,
                    native: String::new(),
                });
                Ok(())
            }
            "mrk" => {
                reading.marks += 1;
                Ok(())
            }
            _ => Err(format!(
                "<{name}> in a segment: Folio writes inline codes as <bpt>, <ept> and <ph>; \
                 keep them as they were exported"
            )),
        };
    }
    let parent = place.open.last().map(String::as_str);
    match (parent, name.as_str()) {
        (None, "xliff") => {
            place.seen_root = true;
            match attribute(start, "version")?.as_deref() {
                Some("1.2") => Ok(()),
                Some(version) => Err(format!(
                    "XLIFF {version} is not supported: export the file as XLIFF 1.2"
                )),
                None => Err("<xliff> has no `version`: Folio reads XLIFF 1.2".to_owned()),
            }
        }
        (None, other) => Err(format!("<{other}> is not XLIFF: the root must be <xliff>")),
        (Some("xliff"), "file") => {
            place.documents.push(ReadDocument {
                original: required(start, "original")?,
                source_language: required(start, "source-language")?,
                target_language: required(start, "target-language")?,
                line,
                units: Vec::new(),
            });
            Ok(())
        }
        (Some("body" | "group"), "trans-unit") => {
            place.unit = Some(ReadUnit {
                id: required(start, "id")?,
                line,
                source: Segment::default(),
                target: None,
            });
            Ok(())
        }
        (Some("trans-unit"), "source") => {
            place.segment = Some(Reading::default());
            Ok(())
        }
        (Some("trans-unit"), "target") => {
            let state = attribute(start, "state")?;
            place.segment = Some(Reading {
                target: Some((state, line)),
                ..Reading::default()
            });
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Handles a closing tag (or the end of an empty one).
fn end_element(place: &mut Place, name: &str) -> Result<(), String> {
    if let Some(reading) = &mut place.segment {
        if let Some(mut code) = reading.code.take() {
            // An <ept> has no `ctype`: its kind is its <bpt>'s.
            if code.role == Role::Close {
                code.kind = reading.pieces.iter().find_map(|piece| match piece {
                    Piece::Code(open) if open.role == Role::Open && open.id == code.id => open.kind,
                    _ => None,
                });
            }
            reading.pieces.push(Piece::Code(code));
            return Ok(());
        }
        if name == "mrk" && reading.marks > 0 {
            reading.marks -= 1;
            return Ok(());
        }
        let segment = Segment {
            pieces: std::mem::take(&mut reading.pieces),
        };
        let target = reading.target.take();
        place.segment = None;
        let unit = place
            .unit
            .as_mut()
            .ok_or("a segment outside a <trans-unit>")?;
        match target {
            None => unit.source = segment,
            Some((state, line)) => {
                unit.target = Some(ReadTarget {
                    segment,
                    state,
                    line,
                })
            }
        }
        return Ok(());
    }
    if name == "trans-unit"
        && let Some(unit) = place.unit.take()
    {
        let document = place
            .documents
            .last_mut()
            .ok_or("a <trans-unit> outside a <file>")?;
        document.units.push(unit);
    }
    Ok(())
}

/// Text inside a segment (elsewhere it is layout, and skipped). A character XML 1.0
/// does not allow (one a character reference smuggled in) is refused.
fn segment_text(place: &mut Place, text: &str) -> Result<(), String> {
    let Some(reading) = &mut place.segment else {
        return Ok(());
    };
    if let Some(bad) = text
        .chars()
        .find(|c| !is_xml_text(c.encode_utf8(&mut [0; 4])) && *c != '\r')
    {
        return Err(format!(
            "the character U+{:04X} is not allowed in XML text",
            u32::from(bad)
        ));
    }
    reading.push_text(text);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, english: &str, translation: Option<&str>, state: State) -> ExportUnit {
        ExportUnit {
            id: id.to_owned(),
            english: english.to_owned(),
            translation: translation.map(str::to_owned),
            state,
            context: Some(format!("Context of {id} <&>")),
            previous: None,
            locked: None,
        }
    }

    fn export(units: Vec<ExportUnit>) -> String {
        let documents = [ExportDocument {
            name: "doc & \"more\"".to_owned(),
            units,
        }];
        write_xliff(
            &XliffExport {
                source_language: "en",
                target_language: "es",
                documents: &documents,
            },
            &|id| (id == "title").then_some(60),
        )
    }

    #[test]
    fn what_is_written_reads_back() {
        let mut stale = unit(
            "intro-p2",
            "See **[the NIH](https://nih.gov/)** <b>now</b> & `x < y`.",
            Some("Vea **[los NIH](https://nih.gov/)** <b>ya</b> & `x < y`."),
            State::NeedsReviewTranslation,
        );
        stale.previous = Some(Previous {
            english: "See [the NIH](https://nih.gov/).".to_owned(),
            translation: "Vea [los NIH](https://nih.gov/).".to_owned(),
            diff: "See [-[the-]{+**[the+} …".to_owned(),
        });
        let text = export(vec![
            unit("title", "Title\\\nbroken", None, State::NeedsTranslation),
            stale,
        ]);
        assert!(
            text.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<xliff version=\"1.2\"")
        );
        assert!(
            text.contains(
                r#"<trans-unit id="title" xml:space="preserve" maxwidth="60" size-unit="char">"#
            ),
            "{text}"
        );
        assert!(
            text.contains("original=\"doc &amp; &quot;more&quot;\""),
            "{text}"
        );
        let documents = read_xliff(&text).unwrap();
        assert_eq!(documents.len(), 1);
        let document = &documents[0];
        assert_eq!(
            (
                document.original.as_str(),
                document.source_language.as_str(),
                document.target_language.as_str()
            ),
            ("doc & \"more\"", "en", "es")
        );
        let ids: Vec<&str> = document.units.iter().map(|u| u.id.as_str()).collect();
        assert_eq!(ids, ["title", "intro-p2"]);
        assert_eq!(document.units[0].source.to_markdown(), "Title\\\nbroken");
        assert_eq!(document.units[0].target, None);
        let read = &document.units[1];
        assert_eq!(
            read.source,
            Segment::from_markdown("See **[the NIH](https://nih.gov/)** <b>now</b> & `x < y`.")
        );
        let target = read.target.as_ref().unwrap();
        assert_eq!(target.state.as_deref(), Some("needs-review-translation"));
        assert_eq!(
            target.segment.to_markdown(),
            "Vea **[los NIH](https://nih.gov/)** <b>ya</b> & `x < y`."
        );
        assert_eq!(
            crate::check_codes(&read.source, &target.segment, None),
            Ok(())
        );
    }

    #[test]
    fn control_characters_lock_the_unit() {
        let text = export(vec![unit("a", "A", Some("B\u{1b}[31m"), State::Final)]);
        assert!(text.contains("translate=\"no\""), "{text}");
        assert!(text.contains("B\u{FFFD}[31m"), "{text}");
        assert!(read_xliff(&text).is_ok());
    }

    fn error(text: &str) -> XliffError {
        read_xliff(text).expect_err("refused")
    }

    #[test]
    fn hostile_or_broken_files_are_errors_with_positions() {
        let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n <!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>\n<xliff version=\"1.2\"><file original=\"d\" source-language=\"en\" target-language=\"es\"><body><trans-unit id=\"a\"><source>a</source><target>&lol2;</target></trans-unit></body></file></xliff>";
        let e = error(laughs);
        assert_eq!((e.line, e.column), (2, 1), "{e}");
        assert!(e.message.contains("DOCTYPE"), "{e}");
        let entity = "<xliff version=\"1.2\"><file original=\"d\" source-language=\"en\" target-language=\"es\"><body>\n<trans-unit id=\"a\"><source>a</source><target>&lol;</target></trans-unit></body></file></xliff>";
        let e = error(entity);
        assert_eq!(e.line, 2);
        assert!(e.message.contains("unknown entity `&lol;`"), "{e}");
        let e = error(
            "<xliff version=\"1.2\"><file original=\"d\" source-language=\"en\" target-language=\"es\">\n<body></file></xliff>",
        );
        assert!(e.message.contains("not well-formed"), "{e}");
        let e = error("<xliff version=\"1.2\"><file>");
        assert!(e.message.contains("no `original`"), "{e}");
        let e = error("<xliff version=\"2.0\"/>");
        assert!(e.message.contains("XLIFF 2.0 is not supported"), "{e}");
        let e = error("<html/>");
        assert!(e.message.contains("root must be <xliff>"), "{e}");
        let e = error("");
        assert!(e.message.contains("not an XLIFF file"), "{e}");
        let cut = "<xliff version=\"1.2\"><file original=\"d\" source-language=\"en\" target-language=\"es\"><body>";
        assert!(error(cut).message.contains("cut short"));
        let g = "<xliff version=\"1.2\"><file original=\"d\" source-language=\"en\" target-language=\"es\"><body><trans-unit id=\"a\"><source>a</source><target><g id=\"1\">b</g></target></trans-unit></body></file></xliff>";
        assert!(error(g).message.contains("<g> in a segment"));
        let control = "<xliff version=\"1.2\"><file original=\"d\" source-language=\"en\" target-language=\"es\"><body><trans-unit id=\"a\"><source>a</source><target>&#27;</target></trans-unit></body></file></xliff>";
        assert!(error(control).message.contains("U+001B"));
    }
}
