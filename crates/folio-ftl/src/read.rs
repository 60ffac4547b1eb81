//! `.ftl` text → messages with positions, and syntax errors with line and column.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::OnceLock;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Message, Pattern, PatternElement};
use fluent_syntax::parser::{ErrorKind, ParserError};
use fluent_syntax::unicode::unescape_unicode_to_string;
use folio_model::{LineCursor, LineIndex};

/// A parsed `.ftl` file: the messages that parsed and the errors of those that did not.
/// Borrowing from the source keeps every id, pattern and error tied to its position.
#[derive(Debug, Default)]
pub struct FtlFile<'s> {
    /// The messages in file order, duplicates included.
    pub messages: Vec<FtlMessage<'s>>,
    /// The terms (`-brand = …`) in file order.
    pub terms: Vec<FtlTerm<'s>>,
    /// One error per Junk entry, in file order.
    pub errors: Vec<SyntaxError>,
}

/// One message of a parsed file.
#[derive(Debug)]
pub struct FtlMessage<'s> {
    /// The message id, as written.
    pub id: &'s str,
    /// Byte offset of the id.
    pub offset: usize,
    /// 1-based line of the id.
    pub line: usize,
    /// 1-based column of the id, in characters.
    pub column: usize,
    /// The full AST, for checks that look inside the value and attributes.
    pub ast: Message<&'s str>,
    /// [`plain_text`] of a value of more than one element, made at the first
    /// [`FtlMessage::value_text`].
    joined_text: OnceLock<String>,
}

impl FtlMessage<'_> {
    /// [`plain_text`] of the value (`None` for a message without one), made once however
    /// often it is asked for: the tracker and the checks both read every unit's text.
    pub fn value_text(&self) -> Option<&str> {
        let value = self.ast.value.as_ref()?;
        if let Some(text) = self.joined_text.get() {
            return Some(text);
        }
        Some(match plain_text(value) {
            Cow::Borrowed(text) => text,
            Cow::Owned(text) => self.joined_text.get_or_init(|| text),
        })
    }
}

/// One term of a parsed file.
#[derive(Debug)]
pub struct FtlTerm<'s> {
    /// The term id without its leading `-`.
    pub id: &'s str,
    /// Byte offset of the id.
    pub offset: usize,
    /// 1-based line of the id.
    pub line: usize,
    /// The full AST.
    pub ast: fluent_syntax::ast::Term<&'s str>,
}

/// A Fluent syntax error: where it is, what was expected, and the offending line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{line}:{column}: {message}")]
pub struct SyntaxError {
    /// Byte offset the error points at.
    pub offset: usize,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The parser's explanation, e.g. `Expected a token starting with "="`.
    pub message: String,
    /// The text of the offending line, without its line break and any carriage returns
    /// before it.
    pub line_text: String,
    /// The id the broken entry starts with, if it looks like `id =` (terms keep their
    /// `-`), so a broken message can be counted as that unit being invalid.
    pub entry_id: Option<String>,
}

/// Parses `source` as Fluent, keeping what parsed and reporting what did not.
///
/// A large file is parsed a slice at a time, each slice ending before a line that starts
/// a message (a letter in the first column, not after a comment line), and each slice's
/// patterns are trimmed before the next is parsed: the parser leaves room for four
/// elements in every pattern, three quarters of a parsed file's memory, and parsed whole
/// it would all be held at once (a million messages: 416 MB). Cut there, a file without
/// errors gives the same entries as parsed whole; a file with an error is parsed whole
/// again, so that errors and recovery are exactly the parser's.
pub fn parse_ftl(source: &str) -> FtlFile<'_> {
    let traps = entries_the_parser_panics_on(source);
    if traps.is_empty() {
        return parse_in_slices(source, SLICE_BYTES);
    }
    // Rare: parse around the entries the parser would panic on, whole part by part.
    let index = LineIndex::new(source);
    let mut lines = LineCursor::new(source);
    let mut file = FtlFile::default();
    let mut start = 0;
    for (junk, error) in traps {
        read_part(source, start..junk.start, &index, &mut lines, &mut file);
        file.errors.push(syntax_error(source, &index, error));
        start = junk.end;
    }
    read_part(source, start..source.len(), &index, &mut lines, &mut file);
    file
}

/// About how much of a file is parsed at a time.
const SLICE_BYTES: usize = 1 << 20;

#[allow(clippy::disallowed_methods)] // folio-ftl is where .ftl is parsed (clippy.toml)
fn parse_in_slices(source: &str, slice_bytes: usize) -> FtlFile<'_> {
    // Entries come in file order: their lines are counted as they come.
    let mut lines = LineCursor::new(source);
    let mut file = FtlFile::default();
    let mut start = 0;
    while start < source.len() {
        let end = slice_end(source, start + slice_bytes);
        match fluent_syntax::parser::parse(&source[start..end]) {
            Ok(resource) => collect_entries(&mut file, resource.body, source, &mut lines),
            Err(_) => return parse_whole(source),
        }
        start = end;
    }
    file.messages.shrink_to_fit();
    file
}

/// The first offset after `from` where a line starts a message: a letter in the first
/// column (a pattern's continuation lines are indented), the line before it not a
/// comment (which belongs to the message). The end of `source` if there is none.
fn slice_end(source: &str, from: usize) -> usize {
    let bytes = source.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        let Some(newline) = bytes[at..].iter().position(|&b| b == b'\n') else {
            break;
        };
        let line_start = at + newline + 1;
        let previous_line = source[..at + newline].rfind('\n').map_or(0, |i| i + 1);
        if bytes.get(line_start).is_some_and(u8::is_ascii_alphabetic)
            && bytes.get(previous_line) != Some(&b'#')
        {
            return line_start;
        }
        at = line_start;
    }
    bytes.len()
}

/// The whole of `source` in one parse: errors and their recovery as the parser has them.
#[allow(clippy::disallowed_methods)] // folio-ftl is where .ftl is parsed (clippy.toml)
fn parse_whole(source: &str) -> FtlFile<'_> {
    let (resource, parse_errors) = match fluent_syntax::parser::parse(source) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let mut file = FtlFile::default();
    collect_entries(
        &mut file,
        resource.body,
        source,
        &mut LineCursor::new(source),
    );
    let index = LineIndex::new(source);
    file.errors = parse_errors
        .into_iter()
        .map(|error| syntax_error(source, &index, error))
        .collect();
    file.messages.shrink_to_fit();
    file
}

/// Adds the messages and terms of `body` (parsed from a slice of `source`) to `file`,
/// their patterns trimmed to size.
fn collect_entries<'s>(
    file: &mut FtlFile<'s>,
    body: Vec<Entry<&'s str>>,
    source: &'s str,
    lines: &mut LineCursor<'s>,
) {
    // Room for every entry at once (most are messages): the list is not regrown, and
    // moved, as it fills.
    file.messages.reserve(body.len());
    // The room is given back only where it adds up: a small file's is little, and held
    // only while the file is.
    let compact = |pattern: &mut Pattern<&str>| {
        if source.len() > COMPACT_ABOVE {
            pattern.elements.shrink_to_fit();
        }
    };
    for entry in body {
        match entry {
            Entry::Message(mut ast) => {
                if let Some(value) = &mut ast.value {
                    compact(value);
                }
                ast.attributes
                    .iter_mut()
                    .for_each(|a| compact(&mut a.value));
                let offset = offset_in(source, ast.id.name);
                let (line, column) = lines.line_col(offset);
                file.messages.push(FtlMessage {
                    id: ast.id.name,
                    offset,
                    line,
                    column,
                    ast,
                    joined_text: OnceLock::new(),
                });
            }
            Entry::Term(mut ast) => {
                compact(&mut ast.value);
                ast.attributes
                    .iter_mut()
                    .for_each(|a| compact(&mut a.value));
                let offset = offset_in(source, ast.id.name);
                let (line, _) = lines.line_col(offset);
                file.terms.push(FtlTerm {
                    id: ast.id.name,
                    offset,
                    line,
                    ast,
                });
            }
            _ => {}
        }
    }
}

/// The size of a file above which [`collect_entries`] gives back the room the parser
/// left in each pattern's element list: it grows the list by pushing, so a one-line
/// message holds room for four elements.
const COMPACT_ABOVE: usize = 256 << 10;

/// `source` as any fluent-syntax parser may take it (fluent-bundle's `FluentResource`
/// included): the entries fluent-syntax 0.12 would panic on are blanked out, their line
/// breaks kept. Those entries are Junk anyway, and [`parse_ftl`] reports them; every other
/// byte is unchanged, so every other entry parses and formats as before.
pub fn parsable(source: &str) -> Cow<'_, str> {
    let traps = entries_the_parser_panics_on(source);
    if traps.is_empty() {
        return Cow::Borrowed(source);
    }
    let mut bytes = source.as_bytes().to_vec();
    for (junk, _) in traps {
        for byte in &mut bytes[junk] {
            if *byte != b'\n' {
                *byte = b' ';
            }
        }
    }
    Cow::Owned(String::from_utf8(bytes).expect("whole entries replaced by ASCII"))
}

/// fluent-syntax 0.12 panics on a `\u` or `\U` escape in a string literal cut short by a
/// non-ASCII character: reporting the error, it slices one byte past the digits, inside
/// that character (projectfluent/fluent-rs#389). Such an entry is Junk anyway, so it is
/// found on a copy in which each character after a backslash and up to five hex digits
/// is `?` (same length, same error at the same place), and the original is then parsed
/// around it. Returns those entries' byte ranges and errors, in file order; none for
/// almost every file, which is then parsed once.
#[allow(clippy::disallowed_methods)] // folio-ftl is where .ftl is parsed (clippy.toml)
fn entries_the_parser_panics_on(source: &str) -> Vec<(Range<usize>, ParserError)> {
    let bytes = source.as_bytes();
    let mut traps = Vec::new();
    for backslash in memchr::memchr_iter(b'\\', bytes) {
        let mut at = backslash + 1;
        let digits = match bytes.get(at) {
            Some(b'u') => 4,
            Some(b'U') => 6,
            _ => 0,
        };
        if digits > 0 {
            at += 1;
            let hex = bytes[at..]
                .iter()
                .take(digits)
                .take_while(|b| b.is_ascii_hexdigit())
                .count();
            at += hex;
        }
        if let Some(ch) = source.get(at..).and_then(|rest| rest.chars().next())
            && !ch.is_ascii()
        {
            traps.push(at..at + ch.len_utf8());
        }
    }
    if traps.is_empty() {
        return Vec::new();
    }
    let mut defused = bytes.to_vec();
    for trap in &traps {
        defused[trap.clone()].fill(b'?');
    }
    let defused = String::from_utf8(defused).expect("whole characters replaced by ASCII");
    let Err((_, errors)) = fluent_syntax::parser::parse(defused.as_str()) else {
        return Vec::new();
    };
    errors
        .into_iter()
        .filter_map(|mut error| {
            let junk = error.slice.clone()?;
            if !traps.iter().any(|trap| junk.contains(&trap.start)) {
                return None;
            }
            // Name the character the translator wrote, not its stand-in.
            if let ErrorKind::InvalidUnicodeEscapeSequence(sequence) = &mut error.kind
                && let Some(ch) = source.get(error.pos.start..).and_then(|r| r.chars().next())
                && !ch.is_ascii()
                && sequence.ends_with('?')
            {
                sequence.pop();
                sequence.push(ch);
            }
            Some((junk, error))
        })
        .collect()
}

/// Parses `source[part]`, a run of whole entries, into `file`.
#[allow(clippy::disallowed_methods)] // folio-ftl is where .ftl is parsed (clippy.toml)
fn read_part<'s>(
    source: &'s str,
    part: Range<usize>,
    index: &LineIndex<'s>,
    lines: &mut LineCursor<'s>,
    file: &mut FtlFile<'s>,
) {
    if part.is_empty() {
        return;
    }
    let shift = part.start;
    let (resource, parse_errors) = match fluent_syntax::parser::parse(&source[part]) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    collect_entries(file, resource.body, source, lines);
    for mut error in parse_errors {
        error.pos = error.pos.start + shift..error.pos.end + shift;
        error.slice = error.slice.map(|s| s.start + shift..s.end + shift);
        file.errors.push(syntax_error(source, index, error));
    }
}

/// A parser error of `source` (positions in the whole text) as a [`SyntaxError`].
fn syntax_error(source: &str, index: &LineIndex<'_>, error: ParserError) -> SyntaxError {
    let offset = error_offset(source, &error);
    let (line, column) = index.line_col(offset);
    SyntaxError {
        offset,
        line,
        column,
        message: error.kind.to_string(),
        // As shown to the translator: a line ending in stray carriage returns shows none.
        line_text: index.line_text(line).trim_end_matches('\r').to_owned(),
        entry_id: error
            .slice
            .as_ref()
            .and_then(|slice| entry_id(&source[slice.clone()])),
    }
}

/// The identifier a broken entry begins with: `id =` or `-term =` after any comments.
fn entry_id(junk: &str) -> Option<String> {
    let line = junk
        .lines()
        .map(str::trim_start)
        .find(|l| !l.is_empty() && !l.starts_with('#'))?;
    let (name, _) = line.split_once('=')?;
    let name = name.trim_end();
    let bare = name.strip_prefix('-').unwrap_or(name);
    let mut chars = bare.chars();
    let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    valid.then(|| name.to_owned())
}

/// Where to point for `error`. The parser often notices a missing `}` or `]` only at the
/// start of the next line; pointing just past the last character of the line that is
/// actually broken is what the translator needs to see.
fn error_offset(source: &str, error: &ParserError) -> usize {
    let pos = error.pos.start.min(source.len());
    let entry_start = error.slice.as_ref().map_or(0, |slice| slice.start);
    let at_line_start = pos == 0 || source.as_bytes()[pos - 1] == b'\n';
    if !at_line_start || pos <= entry_start {
        return pos;
    }
    source[entry_start..pos].trim_end().len() + entry_start
}

/// The text a pattern shows when it has no variables to fill: text elements and string
/// and number literals as their values, any other placeable as its source (`{ $name }`).
/// This is how the English units read back, and how a translation is shown beside them.
/// A pattern of one text element (most are) is borrowed from the parsed file.
pub fn plain_text<'s>(pattern: &Pattern<&'s str>) -> Cow<'s, str> {
    if let [PatternElement::TextElement { value }] = pattern.elements.as_slice() {
        return Cow::Borrowed(value);
    }
    let mut text = String::with_capacity(pattern_len(pattern));
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable { expression } => push_expression(&mut text, expression),
        }
    }
    Cow::Owned(text)
}

/// The byte offset in `source` (the text `pattern` was parsed from, as by [`parse_ftl`])
/// of byte `at` of [`plain_text`]`(pattern)`: how a finding inside a unit's text points
/// at its line and column in the file, across continuation lines, CRLF line breaks and
/// the indentation the parser removed. A byte inside a placeable's text (a string
/// literal, say) maps to the end of the text before it, or to `fallback` when the
/// pattern opens with it; `at` past the text maps to where the text ends.
pub fn source_offset(source: &str, pattern: &Pattern<&str>, at: usize, fallback: usize) -> usize {
    let mut start = 0;
    let mut last_end = None;
    for element in &pattern.elements {
        let (len, offset) = match element {
            PatternElement::TextElement { value } => (value.len(), Some(offset_in(source, value))),
            PatternElement::Placeable { expression } => {
                let mut text = String::new();
                push_expression(&mut text, expression);
                (text.len(), None)
            }
        };
        if at < start + len {
            return match offset {
                Some(offset) => offset + (at - start),
                None => last_end.unwrap_or(fallback),
            };
        }
        if let Some(offset) = offset {
            last_end = Some(offset + len);
        }
        start += len;
    }
    last_end.unwrap_or(fallback)
}

/// The most placeables fluent-bundle resolves in one message before it gives up with
/// "Too many placeables" (its `MAX_PLACEABLES`, a guard against reference storms).
const BUNDLE_MAX_PLACEABLES: usize = 100;

/// What fluent-bundle formats `pattern` to (isolation off), when that needs no bundle:
/// the pattern is text and string literals only, within fluent-bundle's placeable limit.
/// `None` for anything that must be resolved (references, variables, selectors,
/// functions, number literals, which fluent-bundle reformats): those go to a bundle.
///
/// Every generated unit and almost every translation is of this kind, so the parse that
/// read the file is the only one; the property test in `tests` holds it to fluent-bundle.
pub fn formatted_text(pattern: &Pattern<&str>) -> Option<String> {
    let mut placeables = 0;
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value),
            PatternElement::Placeable {
                expression: Expression::Inline(InlineExpression::StringLiteral { value }),
            } => {
                placeables += 1;
                text.push_str(&unescape_unicode_to_string(value));
            }
            PatternElement::Placeable { .. } => return None,
        }
    }
    (placeables <= BUNDLE_MAX_PLACEABLES).then_some(text)
}

/// About how long [`plain_text`] of `pattern` is, to allocate its text once.
fn pattern_len(pattern: &Pattern<&str>) -> usize {
    (pattern.elements.iter())
        .map(|element| match element {
            PatternElement::TextElement { value } => value.len(),
            PatternElement::Placeable { .. } => 16,
        })
        .sum()
}

fn push_expression(text: &mut String, expression: &Expression<&str>) {
    match expression {
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            text.push_str(&unescape_unicode_to_string(value));
        }
        Expression::Inline(InlineExpression::NumberLiteral { value }) => text.push_str(value),
        Expression::Inline(InlineExpression::VariableReference { id }) => {
            text.extend(["{ $", id.name, " }"]);
        }
        Expression::Inline(InlineExpression::MessageReference { id, .. }) => {
            text.extend(["{ ", id.name, " }"]);
        }
        Expression::Inline(InlineExpression::TermReference { id, .. }) => {
            text.extend(["{ -", id.name, " }"]);
        }
        _ => text.push_str("{ … }"),
    }
}

/// Byte offset of `part` inside `whole`; `part` must be a subslice of it, as every
/// string in a `Resource<&str>` is of the text it was parsed from.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize)
        .saturating_sub(whole.as_ptr() as usize)
        .min(whole.len())
}

#[cfg(test)]
// The tests hold Folio's reading to fluent-syntax's and fluent-bundle's own.
#[allow(clippy::disallowed_methods)]
mod tests {
    use super::*;

    /// fluent-bundle's own formatting of the only message in `source`, isolation off.
    fn bundle_format(source: &str) -> Result<String, String> {
        let resource = fluent_bundle::FluentResource::try_new(source.to_owned())
            .map_err(|_| "syntax".to_owned())?;
        let mut bundle = fluent_bundle::FluentBundle::new(vec!["en".parse().unwrap()]);
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|_| "add".to_owned())?;
        let pattern = bundle.get_message("m").and_then(|m| m.value()).unwrap();
        let mut errors = Vec::new();
        let text = bundle
            .format_pattern(pattern, None, &mut errors)
            .into_owned();
        if errors.is_empty() {
            Ok(text)
        } else {
            Err(format!("{errors:?}"))
        }
    }

    proptest::proptest! {
        /// Where `formatted_text` answers, it answers what fluent-bundle formats; and it
        /// answers for every pattern of text and string literals within the limit.
        #[test]
        fn formatted_text_is_what_fluent_bundle_formats(
            parts in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::string::string_regex("[a-z .,é漢]{1,8}").unwrap(),
                    proptest::prop_oneof![
                        proptest::strategy::Just(r#"{ "{" }"#.to_owned()),
                        proptest::strategy::Just(r#"{ "\u00e9\"" }"#.to_owned()),
                        proptest::strategy::Just(r#"{ "" }"#.to_owned()),
                        proptest::strategy::Just("{ 007 }".to_owned()),
                        proptest::strategy::Just("{ -t }".to_owned()),
                    ],
                ],
                1..120,
            )
        ) {
            let source = format!("-t = T\nm = x{}\n", parts.concat());
            let file = parse_ftl(&source);
            let message = file.messages.iter().find(|m| m.id == "m").unwrap();
            let pattern = message.ast.value.as_ref().unwrap();
            let simple = pattern.elements.iter().all(|e| !matches!(
                e,
                PatternElement::Placeable { expression }
                    if !matches!(expression, Expression::Inline(InlineExpression::StringLiteral { .. }))
            ));
            let placeables = pattern
                .elements
                .iter()
                .filter(|e| matches!(e, PatternElement::Placeable { .. }))
                .count();
            match formatted_text(pattern) {
                Some(text) => proptest::prop_assert_eq!(Ok(text), bundle_format(&source)),
                None => proptest::prop_assert!(!simple || placeables > BUNDLE_MAX_PLACEABLES),
            }
        }
    }

    #[test]
    fn formatted_text_leaves_storms_to_the_bundle() {
        let source = format!("m = {}\n", r#"{ "x" }"#.repeat(101));
        let file = parse_ftl(&source);
        let pattern = file.messages[0].ast.value.as_ref().unwrap();
        assert_eq!(formatted_text(pattern), None);
        assert!(bundle_format(&source).is_err());
    }

    /// Parsing in the smallest slices gives what parsing whole gives.
    fn check_slices(source: &str) {
        let whole = format!("{:?}", parse_whole(source));
        assert_eq!(format!("{:?}", parse_in_slices(source, 1)), whole);
        assert_eq!(format!("{:?}", parse_ftl(source)), whole);
    }

    #[test]
    fn slices_parse_as_the_whole_file() {
        check_slices("");
        check_slices("# c\nhello = Hi\n\n  \nbye = { \"{\" }x\n");
        // Comments stay with their message; multiline patterns, attributes, select
        // expressions and terms are not cut.
        check_slices(
            "### Group\n\n# About a\na = A\n    continued\n\n    after a blank\n  .title = T\n\
             -brand = Folio\n    .gender = x\nb = { $n ->\n    [one] one\n   *[other] { -brand }\n}\n\
             c =\n    Block\n# lone comment\n\nd = { \"{\" }\r\ne = E\r\n",
        );
        // Broken files are parsed whole: recovery may skip a line a slice would start at.
        check_slices("key = {\nfoo = bar\n}\nok = fine\n");
        check_slices("ok = fine\nbroken = { $x\nnext = also fine\n");
        check_slices(include_str!(
            "../../../tests/fixtures/corpora/webthings-gateway/static/fluent/en-US/main.ftl"
        ));
        check_slices(include_str!(
            "../../../tests/fixtures/corpora/webthings-gateway/static/fluent/ja/main.ftl"
        ));
        check_slices(include_str!(
            "../../../locales/es/immunotherapy-multiple-myeloma.ftl"
        ));
    }

    #[test]
    fn slices_end_where_a_message_starts() {
        let text = "a = A\n  b\n# c\nd = D\ne = E\n";
        assert_eq!(slice_end(text, 0), 10 + 4 + 6);
        assert_eq!(slice_end(text, 21), text.len());
    }

    #[test]
    fn messages_carry_their_positions() {
        let file = parse_ftl("# c\nhello = Hi\n\n  \nbye = { \"{\" }x\n");
        let found: Vec<_> = file
            .messages
            .iter()
            .map(|m| (m.id, m.line, m.column))
            .collect();
        assert_eq!(found, [("hello", 2, 1), ("bye", 5, 1)]);
        assert!(file.errors.is_empty());
        assert_eq!(
            plain_text(file.messages[1].ast.value.as_ref().unwrap()),
            "{x"
        );
    }

    #[test]
    fn junk_is_reported_and_the_rest_kept() {
        let file = parse_ftl("ok = fine\nbroken = { $x\nnext = also fine\n");
        let ids: Vec<_> = file.messages.iter().map(|m| m.id).collect();
        assert_eq!(ids, ["ok", "next"]);
        assert_eq!(file.errors.len(), 1);
        let error = &file.errors[0];
        assert_eq!((error.line, error.column), (2, 14));
        assert_eq!(error.line_text, "broken = { $x");
        // Stray carriage returns at the end of the line are not shown either.
        let file = parse_ftl("ok = fine\nbroken = { $x\r\r\r\nnext = fine\n");
        assert_eq!(file.errors[0].line_text, "broken = { $x");
        assert_eq!(error.entry_id.as_deref(), Some("broken"));
        assert!(error.message.contains('}'), "{}", error.message);
    }

    /// Found by fuzzing: fluent-syntax 0.12 panics (slicing inside a character) on a
    /// `\\u` or `\\U` escape cut short by a non-ASCII character in a string literal, so a
    /// translator's typo crashed every command that read the file.
    #[test]
    fn a_short_unicode_escape_before_a_non_ascii_character_is_an_error() {
        let file = parse_ftl("p={\"\\u桂");
        assert!(file.messages.is_empty());
        assert_eq!(file.errors.len(), 1);
        assert_eq!(file.errors[0].entry_id.as_deref(), Some("p"));

        let text = "# c\na = A\n# about p\np = { \"\\U12ǔ\" }\n    .t = x\n-t = { \"\\u0é\" }\nb = B \\é { \"\\\\é\" }\n";
        let file = parse_ftl(text);
        let ids: Vec<_> = file.messages.iter().map(|m| (m.id, m.line)).collect();
        assert_eq!(ids, [("a", 2), ("b", 7)]);
        assert_eq!(
            plain_text(file.messages[1].ast.value.as_ref().unwrap()),
            "B \\é \\é"
        );
        let errors: Vec<_> = file
            .errors
            .iter()
            .map(|e| (e.entry_id.as_deref(), e.line, e.column))
            .collect();
        assert_eq!(errors, [(Some("p"), 4, 12), (Some("-t"), 6, 12)]);
        assert!(
            file.errors[0].message.ends_with("\"12ǔ\""),
            "{}",
            file.errors[0].message
        );
    }

    #[test]
    fn what_the_parser_would_panic_on_is_blanked_for_other_parsers() {
        let text = "a = A\np = { \"\\u0é\" }\nb = B \\é\n";
        let safe = parsable(text);
        assert_eq!(safe.len(), text.len());
        assert!(
            safe.starts_with("a = A\n") && safe.ends_with("\nb = B \\é\n"),
            "{safe}"
        );
        assert!(!safe.contains("p ="));
        assert!(matches!(parsable("a = A\n"), Cow::Borrowed(_)));
        // fluent-bundle takes it, and formats the rest.
        assert!(fluent_syntax::parser::parse(safe.as_ref()).is_ok());
    }

    #[test]
    fn placeables_read_back_as_source() {
        let file = parse_ftl("m = a { $n } { -brand } { other } { 5 } { \"\\u0041\" }\n");
        assert_eq!(
            plain_text(file.messages[0].ast.value.as_ref().unwrap()),
            "a { $n } { -brand } { other } 5 A"
        );
    }

    /// Every byte of a unit's text maps back to the same character in the file, across
    /// continuation lines (LF and CRLF) and the indentation the parser removed.
    #[test]
    fn text_offsets_map_back_to_the_file() {
        for source in [
            "a = x\nm = Le myélome { \"{\" } multiple\n",
            "m =\n    première ligne\n      deuxième ligne\n    troisième\n",
            "m =\r\n    première ligne\r\n      deuxième ligne\r\n    troisième\r\n",
        ] {
            let file = parse_ftl(source);
            let message = file.messages.iter().find(|m| m.id == "m").unwrap();
            let pattern = message.ast.value.as_ref().unwrap();
            let text = plain_text(pattern);
            for word in ["myélome", "multiple", "deuxième", "troisième", "ligne"] {
                for (at, _) in text.match_indices(word) {
                    let offset = source_offset(source, pattern, at, message.offset);
                    assert!(
                        source[offset..].starts_with(word),
                        "{source:?}: {word} at {at} maps to {offset}"
                    );
                }
            }
            // A placeable's text maps to the end of the text before it.
            if let Some(at) = text.find('{') {
                let offset = source_offset(source, pattern, at, message.offset);
                assert_eq!(&source[..offset], "a = x\nm = Le myélome ");
            }
        }
    }
}
