//! Byte offsets in a text to 1-based lines and columns, and back: the one line index
//! every crate that reports a position (or works line by line) uses.

/// The lines of a text, for turning byte offsets into 1-based line and column numbers
/// and line numbers into byte ranges.
///
/// A line ends after its `\n` (a `\r` before it belongs to the line's text only as far as
/// [`LineIndex::line_text`] trims it); the text after the last `\n` is one more line, empty
/// when the text ends with a line break. Columns count characters, not bytes.
#[derive(Debug, Clone)]
pub struct LineIndex<'s> {
    text: &'s str,
    /// The byte offset where each line starts; the first is always 0.
    line_starts: Vec<usize>,
}

impl<'s> LineIndex<'s> {
    /// Indexes the line starts of `text`.
    pub fn new(text: &'s str) -> Self {
        let mut line_starts = Vec::with_capacity(text.len() / 64 + 1);
        line_starts.push(0);
        line_starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { text, line_starts }
    }

    /// The indexed text.
    pub fn text(&self) -> &'s str {
        self.text
    }

    /// How many lines the text has: one more than its line breaks.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// The 1-based line and 1-based character column of byte `offset`. An offset past
    /// the end is the end; one inside a multi-byte character is that character's column.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let line = self.line_starts.partition_point(|&start| start <= offset);
        (line, column(self.text, self.line_starts[line - 1], offset))
    }

    /// The byte offset where 1-based `line` starts (the text's end past the last line).
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.text.len())
    }

    /// The byte offset just past 1-based `line`, its line break included: where the next
    /// line starts, or the text's end for the last line (and past it).
    pub fn line_end(&self, line: usize) -> usize {
        self.line_start(line.saturating_add(1).max(2))
    }

    /// The text of 1-based `line` with its line break (`\n` or `\r\n`); empty past the
    /// last line.
    pub fn line_with_break(&self, line: usize) -> &'s str {
        &self.text[self.line_start(line)..self.line_end(line)]
    }

    /// The text of 1-based `line`, without its line break (`\n` or `\r\n`).
    pub fn line_text(&self, line: usize) -> &'s str {
        let text = self.line_with_break(line);
        let text = text.strip_suffix('\n').unwrap_or(text);
        text.strip_suffix('\r').unwrap_or(text)
    }
}

/// The 1-based line and column of offsets met in increasing order, in one pass over the
/// text and without storing its line starts: for a reader that walks a file front to
/// back (a parsed file's entries) and most often needs no other position. An offset
/// before the last one asked for is counted again from the start.
#[derive(Debug, Clone)]
pub struct LineCursor<'s> {
    text: &'s str,
    /// The offset last asked for (clamped to the text), and its line and line start.
    at: usize,
    line: usize,
    line_start: usize,
}

impl<'s> LineCursor<'s> {
    /// A cursor at the start of `text`.
    pub fn new(text: &'s str) -> Self {
        LineCursor {
            text,
            at: 0,
            line: 1,
            line_start: 0,
        }
    }

    /// The 1-based line and character column of byte `offset`, as
    /// [`LineIndex::line_col`] gives them.
    pub fn line_col(&mut self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        if offset < self.at {
            *self = LineCursor::new(self.text);
        }
        let bytes = &self.text.as_bytes()[self.at..offset];
        let breaks = count_breaks(bytes);
        if breaks > 0 {
            self.line += breaks;
            self.line_start = self.at + memchr::memrchr(b'\n', bytes).map_or(0, |i| i + 1);
        }
        self.at = offset;
        (self.line, column(self.text, self.line_start, offset))
    }
}

/// How many `\n` `bytes` holds. Counted in byte-wide lanes, 255 bytes at a time, which
/// the compiler turns into wide compares: on short lines, faster than finding the breaks
/// one by one.
fn count_breaks(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|chunk| {
            let in_chunk = chunk
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(b == b'\n')));
            usize::from(in_chunk)
        })
        .sum()
}

/// The 1-based character column of byte `offset` (at most the text's length) on the line
/// of `text` that starts at `line_start`: one inside a multi-byte character is that
/// character's.
fn column(text: &str, line_start: usize, offset: usize) -> usize {
    let before = &text.as_bytes()[line_start..offset];
    if before.is_ascii() {
        return before.len() + 1;
    }
    text[line_start..]
        .char_indices()
        .take_while(|&(i, c)| line_start + i + c.len_utf8() <= offset)
        .count()
        + 1
}

#[cfg(test)]
mod tests {
    use super::{LineCursor, LineIndex};

    #[test]
    fn offsets_map_to_lines_and_columns() {
        let index = LineIndex::new("ab\ncd\n");
        assert_eq!(index.line_count(), 3);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(2), (1, 3), "the line break is on its line");
        assert_eq!(index.line_col(3), (2, 1));
        assert_eq!(
            index.line_col(6),
            (3, 1),
            "after the last break: an empty line"
        );
        assert_eq!(index.line_text(3), "");
    }

    #[test]
    fn crlf_belongs_to_the_line_it_ends() {
        let index = LineIndex::new("ab\r\ncd\r\n");
        assert_eq!(index.line_col(2), (1, 3));
        assert_eq!(index.line_col(3), (1, 4));
        assert_eq!(index.line_col(4), (2, 1));
        assert_eq!(index.line_text(1), "ab");
        assert_eq!(index.line_with_break(1), "ab\r\n");
        assert_eq!(index.line_end(1), 4);
        assert_eq!(index.line_text(2), "cd");
    }

    #[test]
    fn the_last_line_needs_no_line_break() {
        let index = LineIndex::new("ab\ncd");
        assert_eq!(index.line_count(), 2);
        assert_eq!(index.line_start(2), 3);
        assert_eq!(index.line_end(2), 5);
        assert_eq!(index.line_text(2), "cd");
        assert_eq!(index.line_col(5), (2, 3));
    }

    #[test]
    fn past_the_end_is_the_end() {
        let index = LineIndex::new("ab\ncd");
        assert_eq!(index.line_col(100), (2, 3));
        assert_eq!(index.line_start(3), 5);
        assert_eq!(index.line_start(100), 5);
        assert_eq!(index.line_end(100), 5);
        assert_eq!(index.line_text(100), "");
        // Line 0 does not exist; it reads as the first.
        assert_eq!(index.line_start(0), 0);
        assert_eq!(index.line_end(0), 3);
    }

    #[test]
    fn columns_count_characters() {
        let index = LineIndex::new("é = x\nab\r\ncd");
        assert_eq!(index.line_col(2), (1, 2), "é is two bytes, one column");
        assert_eq!(index.line_col(7), (2, 1));
        assert_eq!(index.line_col(9), (2, 3));
        assert_eq!(index.line_text(2), "ab");
        assert_eq!(index.line_col(100), (3, 3));
        let index = LineIndex::new("x\n日本語 ok");
        assert_eq!(index.line_col(2 + 9), (2, 4));
        assert_eq!(index.line_col(2 + 9 + 3), (2, 7));
        // Inside a character: that character's column.
        assert_eq!(index.line_col(2 + 4), (2, 2));
    }

    #[test]
    fn a_cursor_agrees_with_the_index() {
        for text in [
            "",
            "ab\ncd\n",
            "ab\r\ncd\r\n",
            "é = x\nab\r\ncd",
            "x\n日本語 ok\n\n\nz",
        ] {
            let index = LineIndex::new(text);
            let mut cursor = LineCursor::new(text);
            let offsets: Vec<usize> = (0..=text.len() + 2).collect();
            for &offset in &offsets {
                assert_eq!(
                    cursor.line_col(offset),
                    index.line_col(offset),
                    "{text:?} @ {offset}"
                );
            }
            // Going back starts again from the top.
            for &offset in offsets.iter().rev() {
                assert_eq!(
                    cursor.line_col(offset),
                    index.line_col(offset),
                    "{text:?} @ {offset}"
                );
            }
        }
    }

    #[test]
    fn an_empty_text_is_one_empty_line() {
        let index = LineIndex::new("");
        assert_eq!(index.line_count(), 1);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_text(1), "");
        assert_eq!(index.line_end(1), 0);
    }
}
