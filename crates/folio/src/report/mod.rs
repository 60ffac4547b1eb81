//! The reporter layer: one `--format` for every report, and the writers that stream a
//! report as its documents are done. Wire types live in [`wire`]; what each command
//! prints in each format lives beside it ([`check`], [`status`]).

pub mod check;
pub mod status;
pub mod wire;

use std::io::{self, Write};

use clap::ValueEnum;
use serde::Serialize;

use crate::terminal::{write_json, write_json_within};

/// How a report is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Per-locale totals for people, findings as annotated snippets; colour on a terminal.
    Human,
    /// The documented, versioned JSON schema (`report::wire`), written as it goes.
    Json,
    /// GitHub Actions workflow commands (`::error file=…,line=…,col=…::…`).
    Github,
    /// GitLab Code Quality JSON (`check` only): an array of issues for a merge request.
    Gitlab,
}

/// Writes a report object whose `documents` array is streamed: the same bytes as
/// pretty-printing the whole report at once, without holding it. The fields before the
/// array are `version`; the ones after it are whatever [`JsonStream::end`] is given.
pub struct JsonStream<'w, W: Write> {
    out: &'w mut W,
    documents: Entries,
}

impl<'w, W: Write> JsonStream<'w, W> {
    /// Starts the object: `version`, then the opening of `documents`.
    pub fn begin(out: &'w mut W, version: u32) -> io::Result<Self> {
        write!(out, "{{\n  \"version\": {version},\n  \"documents\": [")?;
        Ok(JsonStream {
            out,
            documents: Entries::at(b"    "),
        })
    }

    /// Writes one entry of `documents`.
    pub fn item(&mut self, value: &impl Serialize) -> io::Result<()> {
        self.documents.write(self.out, value)
    }

    /// Closes `documents` and writes the fields of `tail` (an object) after it.
    pub fn end(self, tail: &impl Serialize) -> io::Result<()> {
        let close = if self.documents.count == 0 {
            "]"
        } else {
            "\n  ]"
        };
        let tail = pretty(tail)?;
        let fields = tail
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .unwrap_or("");
        writeln!(self.out, "{close},{fields}}}")
    }
}

/// The entries of a JSON array written one at a time, each as pretty-printing the whole
/// array would write it: on its own line, indented to where the array stands.
struct Entries {
    /// The entries' indentation.
    margin: &'static [u8],
    /// How many were written.
    count: usize,
    /// The entry being written, kept between entries: each goes out in one write.
    entry: Vec<u8>,
}

impl Entries {
    /// An array whose entries are indented by `margin`.
    fn at(margin: &'static [u8]) -> Self {
        Entries {
            margin,
            count: 0,
            entry: Vec::new(),
        }
    }

    /// Writes `value` as the next entry, after a comma unless it is the first.
    fn write(&mut self, out: &mut impl Write, value: &impl Serialize) -> io::Result<()> {
        self.entry.clear();
        if self.count > 0 {
            self.entry.push(b',');
        }
        self.entry.push(b'\n');
        self.entry.extend_from_slice(self.margin);
        write_json_within(&mut self.entry, value, self.margin).map_err(io::Error::other)?;
        out.write_all(&self.entry)?;
        self.count += 1;
        Ok(())
    }
}

/// `value` as pretty JSON with terminal controls escaped ([`write_json`]).
fn pretty(value: &impl Serialize) -> io::Result<String> {
    let mut bytes = Vec::new();
    write_json(&mut bytes, value).map_err(io::Error::other)?;
    String::from_utf8(bytes).map_err(io::Error::other)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Whole {
        version: u32,
        documents: Vec<serde_json::Value>,
        locales: Vec<String>,
        passed: bool,
    }

    #[derive(Serialize)]
    struct Tail<'a> {
        locales: &'a [String],
        passed: bool,
    }

    #[test]
    fn a_streamed_report_is_the_report_pretty_printed() {
        for documents in [
            vec![],
            vec![serde_json::json!({"a": [1, {"b": "x\u{1b}y"}], "c": {}})],
            vec![serde_json::json!(1), serde_json::json!({"d": []})],
            vec![serde_json::json!({"e": "a line\nand the next\n", "f": [[], [[2]]]})],
        ] {
            let whole = Whole {
                version: 2,
                documents: documents.clone(),
                locales: vec!["de".into()],
                passed: true,
            };
            let mut expected = Vec::new();
            write_json(&mut expected, &whole).unwrap();
            expected.push(b'\n');
            let mut streamed = Vec::new();
            let mut stream = JsonStream::begin(&mut streamed, 2).unwrap();
            for document in &documents {
                stream.item(document).unwrap();
            }
            stream
                .end(&Tail {
                    locales: &whole.locales,
                    passed: true,
                })
                .unwrap();
            assert_eq!(
                String::from_utf8(streamed).unwrap(),
                String::from_utf8(expected).unwrap()
            );
        }
    }
}
