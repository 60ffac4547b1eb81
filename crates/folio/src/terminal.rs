//! What reaches a terminal: every byte Folio prints to standard output or standard error
//! goes through [`Inert`], so text read from files (a translation, an English unit, a
//! file name, a source line in a snippet) can't drive the terminal with control
//! sequences: retitle the window (`ESC ] 0;… BEL`), clear the screen (`ESC [ 2J`), hide
//! text (`ESC [ 8m`), or reorder a line with bidi controls.
//!
//! Such characters are shown as Rust writes them in a string, `\u{1b}`, `\u{202e}`:
//! visible, unambiguous, and searchable. Colour and style still work, because they go to
//! the terminal through [`WriteColor`], around the text, not in it. JSON goes through the
//! same writer and stays valid JSON: [`write_json`] writes those characters as JSON's own
//! `\u` escapes first, so none reaches [`Inert`] raw.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};

use codespan_reporting::term::termcolor::{ColorSpec, WriteColor};
use serde::Serialize;
use serde_json::ser::{Formatter, PrettyFormatter};

/// Whether `c` must not reach a terminal raw: the C0 controls but tab and newline, DEL,
/// the C1 controls, and the bidi controls that reorder text (LRM, RLM, ALM, the
/// embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069).
pub fn is_terminal_control(c: char) -> bool {
    matches!(
        c,
        '\u{0}'..='\u{8}'
            | '\u{b}'..='\u{1f}'
            | '\u{7f}'..='\u{9f}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{61c}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}'
    )
}

/// `text` with every [terminal control](is_terminal_control) written as `\u{…}`
/// (lowercase hex, as Rust's `{:?}` does); borrowed when there is none.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !may_hold_a_control(text) || !text.chars().any(is_terminal_control) {
        return Cow::Borrowed(text);
    }
    let mut escaped = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_terminal_control(c) {
            let _ = write!(escaped, "\\u{{{:x}}}", c as u32);
        } else {
            escaped.push(c);
        }
    }
    Cow::Owned(escaped)
}

/// Whether `text` may hold a terminal control. Each is a byte below 0x20 (but tab and
/// newline) or 0x7F, or starts with one of these UTF-8 lead bytes (U+0080–U+009F,
/// U+061C, U+200E–U+2069): most text has none, and a byte scan says so without decoding
/// it.
fn may_hold_a_control(text: &str) -> bool {
    text.as_bytes().iter().any(|&b| {
        (b < 0x20 && !matches!(b, b'\t' | b'\n')) || matches!(b, 0x7F | 0xC2 | 0xD8 | 0xE2)
    })
}

/// A writer that passes text to `W` with every terminal control [escaped](escape_controls)
/// and colour changes through untouched. Bytes that are not UTF-8 are shown as `\x..`;
/// a character split across two writes is escaped once it is whole.
pub struct Inert<W> {
    inner: W,
    /// The start of a UTF-8 sequence whose end has not been written yet.
    pending: Vec<u8>,
}

impl<W> Inert<W> {
    /// Wraps `inner`.
    pub fn new(inner: W) -> Self {
        Inert {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Inert<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut start = 0;
        while start < self.pending.len() {
            match std::str::from_utf8(&self.pending[start..]) {
                Ok(text) => {
                    self.inner.write_all(escape_controls(text).as_bytes())?;
                    start = self.pending.len();
                }
                Err(error) => {
                    let valid = start + error.valid_up_to();
                    let text = std::str::from_utf8(&self.pending[start..valid])
                        .expect("the prefix is valid");
                    self.inner.write_all(escape_controls(text).as_bytes())?;
                    start = valid;
                    // `None`: an incomplete sequence at the end, kept for the next write.
                    let Some(invalid) = error.error_len() else {
                        break;
                    };
                    for byte in &self.pending[start..start + invalid] {
                        write!(self.inner, "\\x{byte:02x}")?;
                    }
                    start += invalid;
                }
            }
        }
        self.pending.drain(..start);
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

impl<W: WriteColor> WriteColor for Inert<W> {
    fn supports_color(&self) -> bool {
        self.inner.supports_color()
    }

    fn set_color(&mut self, spec: &ColorSpec) -> io::Result<()> {
        self.inner.set_color(spec)
    }

    fn reset(&mut self) -> io::Result<()> {
        self.inner.reset()
    }

    fn is_synchronous(&self) -> bool {
        self.inner.is_synchronous()
    }
}

/// Writes `value` as pretty JSON, with every terminal control inside a string written as
/// a `\uXXXX` escape. serde_json escapes the C0 controls itself; DEL, the C1 controls and
/// the bidi controls are valid raw in JSON, so this does them, and the JSON stays the same
/// value for any parser while nothing in it can drive a terminal.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> serde_json::Result<()> {
    write_json_within(out, value, b"")
}

/// [`write_json`] of a value nested in a larger document: every line after the first
/// starts with `margin` (the indentation of where the value stands), so a report can
/// stream its entries as they are done and still be the same bytes as the whole
/// document pretty-printed at once.
pub fn write_json_within(
    out: &mut impl Write,
    value: &impl Serialize,
    margin: &'static [u8],
) -> serde_json::Result<()> {
    let formatter = InertJson {
        pretty: PrettyFormatter::new(),
        margin,
    };
    let mut serializer = serde_json::Serializer::with_formatter(out, formatter);
    value.serialize(&mut serializer)
}

/// serde_json's pretty formatter, escaping terminal controls in strings and starting each
/// new line with a margin.
struct InertJson {
    pretty: PrettyFormatter<'static>,
    margin: &'static [u8],
}

impl InertJson {
    /// `writer`, with the margin written after each line break the pretty formatter
    /// writes (it ends a write with each, then writes the line's indentation).
    fn margined<'w, W: ?Sized + Write>(&self, writer: &'w mut W) -> Margined<'w, W> {
        Margined {
            writer,
            margin: self.margin,
        }
    }
}

/// A writer that writes `margin` after every write ending a line.
struct Margined<'w, W: ?Sized> {
    writer: &'w mut W,
    margin: &'static [u8],
}

impl<W: ?Sized + Write> Write for Margined<'_, W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.write_all(buf)?;
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        self.writer.write_all(buf)?;
        if buf.ends_with(b"\n") {
            self.writer.write_all(self.margin)?;
        }
        Ok(())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.writer.flush()
    }
}

impl Formatter for InertJson {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !may_hold_a_control(fragment) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut rest = fragment;
        while let Some((at, c)) = rest.char_indices().find(|(_, c)| is_terminal_control(*c)) {
            writer.write_all(&rest.as_bytes()[..at])?;
            // Every terminal control is in the Basic Multilingual Plane: one `\u` escape.
            write!(writer, "\\u{:04x}", c as u32)?;
            rest = &rest[at + c.len_utf8()..];
        }
        writer.write_all(rest.as_bytes())
    }

    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_array(writer)
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array(&mut self.margined(writer))
    }

    fn begin_array_value<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty
            .begin_array_value(&mut self.margined(writer), first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_array_value(writer)
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object(writer)
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object(&mut self.margined(writer))
    }

    fn begin_object_key<W: ?Sized + Write>(
        &mut self,
        writer: &mut W,
        first: bool,
    ) -> io::Result<()> {
        self.pretty
            .begin_object_key(&mut self.margined(writer), first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.begin_object_value(writer)
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.pretty.end_object_value(writer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `pieces` one `write` call each through [`Inert`] and returns what came out.
    fn through_inert(pieces: &[&[u8]]) -> String {
        let mut out = Inert::new(Vec::new());
        for piece in pieces {
            out.write_all(piece).unwrap();
        }
        String::from_utf8(out.inner).unwrap()
    }

    #[test]
    fn controls_are_shown_escaped() {
        assert_eq!(
            escape_controls("a\u{1b}]0;pwned\u{7}b\u{1b}[2J\u{1b}[8m"),
            "a\\u{1b}]0;pwned\\u{7}b\\u{1b}[2J\\u{1b}[8m"
        );
        assert_eq!(
            escape_controls("\u{202e}x\u{2066}\u{200f}\u{61c}\u{9b}\u{7f}\r"),
            "\\u{202e}x\\u{2066}\\u{200f}\\u{61c}\\u{9b}\\u{7f}\\u{d}"
        );
    }

    #[test]
    fn text_tabs_and_newlines_pass() {
        let text = "línea\tcon tab\nárabe العربية, 中文, emoji 🎉";
        assert!(matches!(escape_controls(text), Cow::Borrowed(t) if t == text));
    }

    #[test]
    fn a_character_split_across_writes_is_escaped_whole() {
        let rlo = "\u{202e}".as_bytes();
        assert_eq!(
            through_inert(&[b"a", &rlo[..1], &rlo[1..2], &rlo[2..], b"b"]),
            "a\\u{202e}b"
        );
        assert_eq!(through_inert(&[b"x\xff\x1by"]), "x\\xff\\u{1b}y");
    }

    #[test]
    fn colour_reaches_the_terminal() {
        use codespan_reporting::term::termcolor::{Ansi, Color};
        let mut out = Inert::new(Ansi::new(Vec::new()));
        out.set_color(ColorSpec::new().set_fg(Some(Color::Red)))
            .unwrap();
        out.write_all("\u{1b}[2J".as_bytes()).unwrap();
        out.reset().unwrap();
        let written = String::from_utf8(out.inner.into_inner()).unwrap();
        assert_eq!(written, "\u{1b}[0m\u{1b}[31m\\u{1b}[2J\u{1b}[0m");
    }

    #[test]
    fn json_escapes_every_control_and_keeps_the_value() {
        let value = serde_json::json!({"t": "a\u{1b}[2J\u{7}\u{7f}\u{85}\u{202e}b", "n": [1, 2]});
        let mut out = Vec::new();
        write_json(&mut out, &value).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(!text.chars().any(is_terminal_control), "{text}");
        assert!(text.contains("\\u202e"), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
        // Pretty, as before.
        assert!(text.starts_with("{\n  \""), "{text}");
    }
}
