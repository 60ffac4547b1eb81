//! The `terminology` check: where an English unit contains a term of the termbase, its
//! translation must contain an approved rendering and no forbidden variant.
//!
//! Matching is on words, case-insensitive: both sides are lowercased (and put in NFC),
//! split on Unicode word boundaries (UAX #29) and at apostrophes (so French
//! `l'immunothérapie` holds the word `immunothérapie`), and everything that is not a word
//! (spaces, punctuation) is ignored. A form matches at text word `i` when every one of
//! its words `j` is a prefix of text word `i + j`: `plasma cell` matches `plasma cells`,
//! `Plasmazelle` matches `Plasmazellen`. Scripts written without spaces (Chinese) come
//! out of UAX #29 one character per word, so there a form matches as a substring. There
//! is no stemmer beyond that: other inflections are listed as forms (Arabic's attached
//! `و`, `ب`, `ال`…).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use folio_model::Term;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};
use unicode_segmentation::UnicodeSegmentation;

use crate::Severity;

/// One word of a text: where it is and the form it is compared in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Word<'t> {
    /// Its bytes in the text.
    pub(crate) range: Range<usize>,
    /// Lowercase, NFC; the text's own bytes when they already are (most words are).
    key: Cow<'t, str>,
}

/// The words of `text`, in order.
///
/// UAX #29 always breaks before a run of spaces, and no rule looks back across one, so
/// the text is segmented a piece at a time, each piece starting where a run of spaces
/// does (a proptest holds this to segmenting the whole text). A piece that is all ASCII,
/// as most words of most languages are, takes unicode-segmentation's ASCII fast path,
/// which gives the segments with a letter or digit, as the general one does (the crate
/// tests the two agree); a segment without one holds no word anyway. Only the pieces
/// with other characters take the general path, which looks every character up.
///
/// A piece whose other characters are all [`two_byte_letter`]s (accented Latin, Greek,
/// Cyrillic and Arabic words) takes the fast path too, on a stand-in of it in which each
/// such letter is `aa`: an ASCII letter in UAX #29's eyes, two bytes long as the letter is,
/// so the stand-in's segments are at the piece's own offsets.
pub(crate) fn words(text: &str) -> Vec<Word<'_>> {
    let mut found = Vec::new();
    let mut stand_in = String::new();
    let mut start = 0;
    for end in space_run_starts(text).chain([text.len()]) {
        let piece = &text[start..end];
        if piece.is_ascii() {
            words_of(start, piece.unicode_word_indices(), &mut found);
        } else if let Some(ascii) = ascii_stand_in(piece, &mut stand_in) {
            let segments = (ascii.unicode_word_indices())
                .map(|(at, segment)| (at, &piece[at..at + segment.len()]));
            words_of(start, segments, &mut found);
        } else {
            words_of(start, piece.split_word_bound_indices(), &mut found);
        }
        start = end;
    }
    found
}

/// `piece` with each [`two_byte_letter`] written `aa`, in `buffer`; `None` if it has
/// another character outside ASCII.
fn ascii_stand_in<'b>(piece: &str, buffer: &'b mut String) -> Option<&'b str> {
    buffer.clear();
    for c in piece.chars() {
        if c.is_ascii() {
            buffer.push(c);
        } else if two_byte_letter(c) {
            buffer.push_str("aa");
        } else {
            return None;
        }
    }
    Some(buffer)
}

/// Whether `c` is two bytes in UTF-8 and a letter UAX #29 segments as it does an ASCII
/// letter (Word_Break ALetter): the accented Latin letters, and Greek, Cyrillic and Arabic
/// ones. A test holds every one of them, in every context that tells word classes apart,
/// to the general segmentation.
fn two_byte_letter(c: char) -> bool {
    matches!(c,
        '\u{00C0}'..='\u{00D6}'
        | '\u{00D8}'..='\u{00F6}'
        | '\u{00F8}'..='\u{024F}'
        | '\u{0386}'
        | '\u{0388}'..='\u{038A}'
        | '\u{038C}'
        | '\u{038E}'..='\u{03A1}'
        | '\u{03A3}'..='\u{03CE}'
        | '\u{0400}'..='\u{0481}'
        | '\u{048A}'..='\u{04FF}')
        || arabic_letter(c)
}

/// Whether `c` is one of the basic Arabic letters (hamza to ghain, feh to yeh): two bytes
/// in UTF-8, caseless, ALetter to UAX #29.
fn arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}')
}

/// Where each run of spaces (U+0020) in `text` starts, but at the start of the text.
fn space_run_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b' ', bytes).filter(move |&i| i > 0 && bytes[i - 1] != b' ')
}

/// The words of a piece's UAX #29 segments, given with their byte offsets in the piece,
/// which starts at byte `offset` of the text.
fn words_of<'t>(
    offset: usize,
    segments: impl Iterator<Item = (usize, &'t str)>,
    found: &mut Vec<Word<'t>>,
) {
    for (start, token) in segments {
        let start = offset + start;
        // UAX #29 keeps `l'immunothérapie` one word (an apostrophe between letters joins
        // them); a term inside it must still be found.
        let apostrophes = token.match_indices(['\'', '’']);
        let ends = apostrophes
            .map(|(i, a)| (i, a.len()))
            .chain([(token.len(), 0)]);
        let mut part_start = 0;
        for (end, separator) in ends {
            let part = &token[part_start..end];
            if part
                .chars()
                .any(|c| caseless_letter(c) || c.is_alphanumeric())
            {
                found.push(Word {
                    range: start + part_start..start + end,
                    key: key(part),
                });
            }
            part_start = end + separator;
        }
    }
}

/// The comparison form of a word: lowercase, in NFC. ASCII is NFC and lowercases byte by
/// byte, so an ASCII word needs no Unicode tables; a word already lowercase and in NFC
/// needs no copy.
fn key(word: &str) -> Cow<'_, str> {
    if word.is_ascii() {
        return if word.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(word.to_ascii_lowercase())
        } else {
            Cow::Borrowed(word)
        };
    }
    // Most words are lowercase and in NFC already: then they are their own key. Only a
    // character past U+02FF can be other than NFC, and the letters of scripts without
    // case (`caseless_letter`) are their own lowercase and NFC.
    let mut past_latin = false;
    let lowercase = word.chars().all(|c| {
        if caseless_letter(c) {
            return true;
        }
        past_latin |= c >= '\u{300}';
        let mut lower = c.to_lowercase();
        lower.next() == Some(c) && lower.next().is_none()
    });
    if lowercase && (!past_latin || is_nfc_quick(word.chars()) == IsNormalized::Yes) {
        return Cow::Borrowed(word);
    }
    let lower = word.to_lowercase();
    Cow::Owned(match is_nfc_quick(lower.chars()) {
        IsNormalized::Yes => lower,
        _ => lower.nfc().collect(),
    })
}

/// Whether `c` is a letter of a script without case that is always its own lowercase and
/// its own NFC (combining class 0, quick check yes), told without Unicode tables: Arabic
/// letters, kana, CJK ideographs and Hangul syllables, whose words are most of those of
/// such texts (a Chinese text is a word per character). A test holds every one of them
/// to the tables.
fn caseless_letter(c: char) -> bool {
    arabic_letter(c)
        || matches!(c,
        '\u{3041}'..='\u{3096}'
        | '\u{30A1}'..='\u{30FA}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{4E00}'..='\u{9FFF}'
        | '\u{AC00}'..='\u{D7A3}')
}

/// A form of a term, split into the words it is matched by.
#[derive(Debug, Clone)]
struct Form {
    /// As written in the termbase.
    text: String,
    words: Vec<String>,
}

impl Form {
    fn new(text: &str) -> Self {
        Form {
            text: text.to_owned(),
            words: words(text)
                .into_iter()
                .map(|w| w.key.into_owned())
                .collect(),
        }
    }

    /// Whether the form matches at word `i` of `text`.
    fn matches_at(&self, text: &[Word<'_>], i: usize) -> bool {
        let Some(first) = self.words.first() else {
            return false;
        };
        // Words are never empty: their first bytes settle most comparisons.
        text.len() - i >= self.words.len()
            && text[i].key.as_bytes().first() == first.as_bytes().first()
            && self
                .words
                .iter()
                .zip(&text[i..])
                .all(|(form, word)| word.key.starts_with(form.as_str()))
    }

    /// The first word of every match in `text`, in order; matches do not overlap (the
    /// text is read from the start, and a match's words are not looked at again). Only
    /// the words `starts` gives with the form's first character are tried: no other can
    /// match.
    fn find_all(&self, text: &[Word<'_>], starts: &FirstChars) -> Vec<usize> {
        let mut found = Vec::new();
        let Some(first) = self.words.first().and_then(|w| w.chars().next()) else {
            return found;
        };
        let mut next = 0;
        for i in starts.words(first) {
            if i >= next && self.matches_at(text, i) {
                found.push(i);
                next = i + self.words.len();
            }
        }
        found
    }

    fn quoted(&self) -> String {
        format!("`{}`", self.text)
    }
}

/// A text's words by the first character of their key (a byte would not tell Arabic or
/// Chinese words apart), in text order within a character.
struct FirstChars(Vec<(char, usize)>);

impl FirstChars {
    /// Indexes the words of `text`.
    fn new(text: &[Word<'_>]) -> Self {
        let mut starts: Vec<(char, usize)> = text
            .iter()
            .enumerate()
            .filter_map(|(i, word)| Some((word.key.chars().next()?, i)))
            .collect();
        starts.sort_unstable();
        FirstChars(starts)
    }

    /// The words whose key starts with `first`, in text order.
    fn words(&self, first: char) -> impl Iterator<Item = usize> + '_ {
        let from = self.0.partition_point(|&(c, _)| c < first);
        self.0[from..]
            .iter()
            .take_while(move |&&(c, _)| c == first)
            .map(|&(_, i)| i)
    }
}

/// One term, compiled.
#[derive(Debug, Clone)]
struct Compiled {
    id: String,
    en: Vec<Form>,
    locales: BTreeMap<String, LocaleForms>,
}

/// One locale's forms of a term, compiled.
#[derive(Debug, Clone)]
struct LocaleForms {
    approved: Vec<Form>,
    forbidden: Vec<Form>,
    note: Option<String>,
}

/// A termbase compiled for matching: every form split into words once, and the English
/// forms indexed by the first byte of their first word, so finding the terms of a text
/// costs, per word, a look at the few forms whose first word starts as it does, whatever
/// the number of terms.
#[derive(Debug, Clone)]
pub struct Termbase {
    terms: Vec<Compiled>,
    /// First byte of an English form's first word → (term, form), shortest first word
    /// first, then in termbase order: the order in which a word's prefixes find them.
    first_bytes: Vec<Vec<(usize, usize)>>,
}

impl Default for Termbase {
    fn default() -> Self {
        Termbase {
            terms: Vec::new(),
            first_bytes: vec![Vec::new(); 256],
        }
    }
}

/// A term an English text contains: which, and by which of its forms.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TermHit {
    term: usize,
    form: usize,
}

impl Termbase {
    /// Compiles `terms` (validated by whoever read them: ids unique, every form with a
    /// letter or digit). A form without words never matches.
    pub fn new(terms: &[Term]) -> Self {
        let mut termbase = Termbase::default();
        for (t, term) in terms.iter().enumerate() {
            let en: Vec<Form> = term.en.iter().map(|f| Form::new(f)).collect();
            for (f, form) in en.iter().enumerate() {
                if let Some(&byte) = form.words.first().and_then(|w| w.as_bytes().first()) {
                    termbase.first_bytes[usize::from(byte)].push((t, f));
                }
            }
            let locales = term
                .locales
                .iter()
                .map(|(tag, locale)| {
                    let forms = |list: &[String]| list.iter().map(|f| Form::new(f)).collect();
                    let compiled = LocaleForms {
                        approved: forms(&locale.approved),
                        forbidden: forms(&locale.forbidden),
                        note: locale.note.clone(),
                    };
                    (tag.clone(), compiled)
                })
                .collect();
            termbase.terms.push(Compiled {
                id: term.id.clone(),
                en,
                locales,
            });
        }
        let terms = &termbase.terms;
        for forms in &mut termbase.first_bytes {
            forms.sort_by_key(|&(t, f)| (terms[t].en[f].words[0].len(), t, f));
        }
        termbase
    }

    /// The terms English `text` (its words) contains, each once, by the first of its
    /// forms found, in termbase order.
    pub(crate) fn find_english(&self, text: &[Word<'_>]) -> Vec<TermHit> {
        let mut hits: BTreeMap<usize, usize> = BTreeMap::new();
        for (i, word) in text.iter().enumerate() {
            let Some(&byte) = word.key.as_bytes().first() else {
                continue;
            };
            for &(term, form) in &self.first_bytes[usize::from(byte)] {
                if self.terms[term].en[form].matches_at(text, i) {
                    hits.entry(term).or_insert(form);
                }
            }
        }
        hits.into_iter()
            .map(|(term, form)| TermHit { term, form })
            .collect()
    }

    /// Whether any of `hits` has a table for `locale`: without one, a translation has
    /// nothing to be checked against, and its words need not be found.
    pub(crate) fn has_table(&self, hits: &[TermHit], locale: &str) -> bool {
        hits.iter()
            .any(|hit| self.terms[hit.term].locales.contains_key(locale))
    }
}

/// How the terminology check reports what it finds; `None` turns a finding off.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TermSeverities {
    /// A unit whose English has a term and whose translation has none of its approved
    /// renderings (default: warning).
    pub missing: Option<Severity>,
    /// A forbidden variant of a term the English has (default: error).
    pub forbidden: Option<Severity>,
}

impl Default for TermSeverities {
    fn default() -> Self {
        TermSeverities {
            missing: Some(Severity::Warning),
            forbidden: Some(Severity::Error),
        }
    }
}

/// A terminology problem in one translated text: where (a byte of the visible text; the
/// text's start for a missing rendering), how bad and what.
pub(crate) struct Problem {
    pub(crate) at: usize,
    pub(crate) severity: Severity,
    pub(crate) message: String,
}

/// Checks the translation `shown` (the visible text, and its `words`) of an English text
/// that contains `hits`, in `locale`: each forbidden variant where it is, then each term
/// with no approved rendering. Terms without a table for the locale are not checked.
pub(crate) fn check_translation(
    termbase: &Termbase,
    hits: &[TermHit],
    locale: &str,
    shown: &str,
    words: &[Word<'_>],
    severities: TermSeverities,
) -> Vec<Problem> {
    let mut problems = Vec::new();
    let starts = FirstChars::new(words);
    for hit in hits {
        let term = &termbase.terms[hit.term];
        let Some(forms) = term.locales.get(locale) else {
            continue;
        };
        let english = &term.en[hit.form];
        // The advice a finding ends with, made only for a unit that has one: most have none.
        let advice = || {
            let note = forms
                .note
                .as_deref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default();
            format!("{}{note}", list(&forms.approved))
        };
        // Where approved renderings stand, by word range: a forbidden variant inside a
        // longer one (`CAR-T细胞` in the approved `CAR-T细胞疗法`) is part of the right
        // term; one the same length as the approved match is what the termbase forbids.
        let approved_at: Vec<std::ops::Range<usize>> = forms
            .approved
            .iter()
            .flat_map(|form| {
                form.find_all(words, &starts)
                    .into_iter()
                    .map(|i| i..i + form.words.len())
            })
            .collect();
        if let Some(severity) = severities.forbidden {
            for variant in &forms.forbidden {
                for i in variant.find_all(words, &starts) {
                    let end = i + variant.words.len();
                    if approved_at
                        .iter()
                        .any(|r| r.start <= i && end <= r.end && r.len() > end - i)
                    {
                        continue;
                    }
                    let last = &words[i + variant.words.len() - 1];
                    let written = &shown[words[i].range.start..last.range.end];
                    problems.push(Problem {
                        at: words[i].range.start,
                        severity,
                        message: format!(
                            "`{written}` is a forbidden variant of the term `{}` (the English \
                             has {}); use {}",
                            term.id,
                            english.quoted(),
                            advice(),
                        ),
                    });
                }
            }
        }
        // A table with forbidden variants only prescribes nothing to look for.
        if let Some(severity) = severities.missing
            && !forms.approved.is_empty()
            && approved_at.is_empty()
        {
            problems.push(Problem {
                at: 0,
                severity,
                message: format!(
                    "the English has {} (term `{}`), but the translation has none of its \
                     approved renderings: {}",
                    english.quoted(),
                    term.id,
                    advice(),
                ),
            });
        }
    }
    problems
}

/// Forms as a message lists them: `a`, `b` or `c`.
fn list(forms: &[Form]) -> String {
    match forms {
        [] => "another word (the termbase approves none)".to_owned(),
        [one] => one.quoted(),
        [init @ .., last] => format!(
            "{} or {}",
            init.iter().map(Form::quoted).collect::<Vec<_>>().join(", "),
            last.quoted()
        ),
    }
}

#[cfg(test)]
mod tests {
    use folio_model::TermLocale;

    use super::*;

    fn term(id: &str, en: &[&str], locale: &str, approved: &[&str], forbidden: &[&str]) -> Term {
        let strings = |l: &[&str]| l.iter().map(|s| s.to_string()).collect();
        Term {
            id: id.into(),
            en: strings(en),
            note: None,
            locales: [(
                locale.to_owned(),
                TermLocale {
                    approved: strings(approved),
                    forbidden: strings(forbidden),
                    ..TermLocale::default()
                },
            )]
            .into(),
        }
    }

    fn keys(text: &str) -> Vec<String> {
        words(text)
            .into_iter()
            .map(|w| w.key.into_owned())
            .collect()
    }

    /// The ids of the terms English `text` contains.
    fn found(termbase: &Termbase, text: &str) -> Vec<String> {
        termbase
            .find_english(&words(text))
            .iter()
            .map(|hit| termbase.terms[hit.term].id.clone())
            .collect()
    }

    /// `severity:word at` of each problem of translation `text`.
    fn problems(terms: &[Term], english: &str, locale: &str, text: &str) -> Vec<String> {
        let termbase = Termbase::new(terms);
        let hits = termbase.find_english(&words(english));
        let severities = TermSeverities::default();
        check_translation(&termbase, &hits, locale, text, &words(text), severities)
            .iter()
            .map(|p| format!("{:?}@{}", p.severity, p.at))
            .collect()
    }

    #[test]
    fn words_are_lowercase_nfc_without_punctuation_and_split_at_apostrophes() {
        assert_eq!(
            keys("L'Immunothérapie, c’est « CAR-T » !"),
            ["l", "immunothérapie", "c", "est", "car", "t"]
        );
        // e + U+0301 is é.
        assert_eq!(keys("MYE\u{301}LOME"), ["myélome"]);
        assert_eq!(keys("多发性骨髓瘤"), ["多", "发", "性", "骨", "髓", "瘤"]);
        let text = "d’un myélome";
        for word in words(text) {
            assert!(!text[word.range].contains('’'));
        }
    }

    proptest::proptest! {
        /// ASCII text's fast path finds the words the general one does.
        #[test]
        fn ascii_words_are_those_of_every_segment(text in "[ -~\t\n\r]{0,40}") {
            let mut general = Vec::new();
            words_of(0, text.split_word_bound_indices(), &mut general);
            proptest::prop_assert_eq!(words(&text), general);
        }

        /// The index finds a form's matches where reading every word from the start does.
        #[test]
        fn forms_are_found_where_a_scan_finds_them(
            text in "[abá ]{0,24}",
            form in "[abá]{1,3}( [abá]{1,3}){0,2}",
        ) {
            let words = words(&text);
            let form = Form::new(&form);
            let mut scan = Vec::new();
            let mut i = 0;
            while i < words.len() {
                if form.matches_at(&words, i) {
                    scan.push(i);
                    i += form.words.len();
                } else {
                    i += 1;
                }
            }
            proptest::prop_assert_eq!(form.find_all(&words, &FirstChars::new(&words)), scan);
        }

        /// Segmenting a piece at a time (ASCII pieces on the fast path) finds the words
        /// segmenting the whole text at once does, whatever surrounds the spaces.
        #[test]
        fn words_are_those_of_the_whole_text_segmented_at_once(
            text in "( |  |a|é|b|'|’|\\.|,|1|-|\u{301}|\u{AD}|\u{200D}|\u{200B}|\u{1F600}|\u{1F1EB}|Σ|多|ا|\t|\n|:|_){0,24}"
        ) {
            let mut whole = Vec::new();
            words_of(0, text.split_word_bound_indices(), &mut whole);
            proptest::prop_assert_eq!(words(&text), whole);
        }

        /// A key is a word lowercased and put in NFC, however it is made.
        #[test]
        fn keys_are_the_lowercase_nfc_words(text in "(\\PC|[a-zA-Z0-9'’ÉΣσςİé\u{301}\u{1C5} ]){0,12}") {
            for word in words(&text) {
                let lower = text[word.range.clone()].to_lowercase();
                let nfc: String = lower.nfc().collect();
                proptest::prop_assert_eq!(&*word.key, nfc.as_str());
            }
        }
    }

    #[test]
    fn two_byte_letters_segment_as_ascii_letters_do() {
        // Each context puts the letter where UAX #29 tells letters from digits,
        // underscores, quotes and the separators inside words and numbers.
        let contexts = [
            "{}", "a{}", "{}a", "{}{}", "1{}", "{}1", "_{}", "{}_", "a.{}", "{}.a", "1.{}", "{}.1",
            "a'{}", "{}'a", "1'{}", "{}'1", "a:{}", "{}:a", "1,{}", "{}, 1", "{};1", "a-{}",
            "\"{}\"", "{}\"{}", "'{}'", "{}.", "({})", "x{}.{}y", "{}'{}",
        ];
        let letters = (0..=0x7FF)
            .filter_map(char::from_u32)
            .filter(|&c| two_byte_letter(c));
        let mut count = 0;
        for c in letters {
            count += 1;
            assert_eq!(c.len_utf8(), 2, "{c:?}");
            for context in contexts {
                let text = context.replace("{}", &c.to_string());
                let mut general = Vec::new();
                words_of(0, text.split_word_bound_indices(), &mut general);
                assert_eq!(words(&text), general, "{text:?}");
            }
        }
        assert!(count > 600, "{count}");
    }

    #[test]
    fn caseless_letters_are_their_own_lowercase_nfc_letters() {
        let letters = (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| caseless_letter(c));
        let mut count = 0;
        for c in letters {
            count += 1;
            assert!(c.is_alphanumeric(), "{c:?}");
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
            assert_eq!(unicode_normalization::char::canonical_combining_class(c), 0);
            assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
        }
        assert!(count > 30_000, "{count}");
    }

    #[test]
    fn forms_match_by_word_prefix_and_in_order() {
        let termbase = Termbase::new(&[
            term("plasma-cells", &["plasma cell"], "de", &[], &[]),
            term("car-t", &["CAR T-cell therapy"], "de", &[], &[]),
            term("myeloma", &["multiple myeloma"], "de", &[], &[]),
        ]);
        assert_eq!(found(&termbase, "Plasma cells matter."), ["plasma-cells"]);
        assert_eq!(found(&termbase, "CAR T cell therapy"), ["car-t"]);
        // `therapies` does not start with `therapy`: such a plural is a listed form.
        assert_eq!(
            found(&termbase, "CAR T-cell therapies"),
            Vec::<String>::new()
        );
        assert_eq!(found(&termbase, "cell plasma"), Vec::<String>::new());
        // Prefixes are the price of inflection without a stemmer: `plasma` starts
        // `plasmacytoma` too.
        assert_eq!(found(&termbase, "plasmacytoma cells"), ["plasma-cells"]);
        assert_eq!(
            found(&termbase, "MULTIPLE MYELOMA and plasma cells"),
            ["plasma-cells", "myeloma"]
        );
        // A word must start with the form's word: no match inside a word.
        assert_eq!(found(&termbase, "aplasma cells"), Vec::<String>::new());
    }

    #[test]
    fn german_compounds_match_by_prefix() {
        let terms = [term(
            "plasma-cells",
            &["plasma cells"],
            "de",
            &["Plasmazelle"],
            &[],
        )];
        let en = "Multiple myeloma affects plasma cells.";
        assert_eq!(
            problems(&terms, en, "de", "Es befällt die Plasmazellen."),
            Vec::<String>::new()
        );
        assert_eq!(
            problems(&terms, en, "de", "Es befällt die Zellen."),
            ["Warning@0"]
        );
    }

    #[test]
    fn a_forbidden_variant_inside_an_approved_rendering_is_the_right_term() {
        let terms = [term(
            "car-t",
            &["CAR T-cell therapy"],
            "zh-Hans",
            &["CAR-T细胞疗法"],
            &["CAR-T细胞"],
        )];
        let english = "such as CAR T-cell therapy";
        assert!(problems(&terms, english, "zh-Hans", "例如CAR-T细胞疗法。").is_empty());
        // Alone, the variant is reported (and the approved rendering missed).
        assert_eq!(
            problems(&terms, english, "zh-Hans", "例如CAR-T细胞。").len(),
            2
        );
    }

    #[test]
    fn chinese_forms_match_as_substrings() {
        let terms = [term(
            "myeloma",
            &["multiple myeloma"],
            "zh-Hans",
            &["多发性骨髓瘤"],
            &["骨髓癌"],
        )];
        let en = "Multiple myeloma is a blood cancer.";
        assert_eq!(
            problems(&terms, en, "zh-Hans", "多发性骨髓瘤是一种血癌。"),
            Vec::<String>::new()
        );
        let text = "多发性骨髓瘤又称骨髓癌。";
        assert_eq!(
            problems(&terms, en, "zh-Hans", text),
            [format!("Error@{}", text.find("骨髓癌").unwrap())]
        );
    }

    #[test]
    fn arabic_attached_words_are_listed_forms() {
        let terms = [term(
            "immunotherapy",
            &["immunotherapy"],
            "ar",
            &["العلاج المناعي", "والعلاج المناعي", "بالعلاج المناعي"],
            &["المعالجة المناعية"],
        )];
        let en = "Immunotherapy helps.";
        for text in [
            "يساعد العلاج المناعي.",
            "وبالعلاج المناعي يتحسن المرضى.",
            "والعلاج المناعيّ مفيد.",
        ] {
            let got = problems(&terms, en, "ar", text);
            // وبالعلاج is not listed: it is reported missing; the others pass.
            if text.starts_with("وب") {
                assert_eq!(got, ["Warning@0"], "{text}");
            } else {
                assert_eq!(got, Vec::<String>::new(), "{text}");
            }
        }
        let text = "تساعد المعالجة المناعية.";
        assert_eq!(
            problems(&terms, en, "ar", text),
            [
                format!("Error@{}", text.find("المعالجة").unwrap()),
                "Warning@0".to_owned()
            ]
        );
    }

    #[test]
    fn only_terms_of_the_english_and_locales_with_a_table_are_checked() {
        let terms = [term(
            "remission",
            &["remission"],
            "fr",
            &["rémission"],
            &["rémittence"],
        )];
        // The English lacks the term: a forbidden word is the translator's own.
        assert_eq!(
            problems(&terms, "It helps.", "fr", "Une rémittence."),
            Vec::<String>::new()
        );
        // No table for es: not checked.
        assert_eq!(
            problems(&terms, "In remission.", "es", "En nada."),
            Vec::<String>::new()
        );
        // Every forbidden occurrence is reported where it is; case does not matter.
        let text = "Rémittence, puis rémittence.";
        assert_eq!(
            problems(&terms, "In remission.", "fr", text),
            [
                "Error@0".to_owned(),
                format!("Error@{}", text.rfind("rémittence").unwrap()),
                "Warning@0".to_owned()
            ]
        );
    }

    #[test]
    fn messages_name_the_term_the_english_form_and_the_renderings() {
        let termbase = Termbase::new(&[term(
            "side-effects",
            &["side effects", "side effect"],
            "es",
            &["efectos secundarios", "efectos adversos"],
            &["efectos colaterales"],
        )]);
        let english = "It has side effects.";
        let hits = termbase.find_english(&words(english));
        let text = "Tiene efectos colaterales.";
        let messages: Vec<String> = check_translation(
            &termbase,
            &hits,
            "es",
            text,
            &words(text),
            TermSeverities::default(),
        )
        .into_iter()
        .map(|p| p.message)
        .collect();
        assert_eq!(
            messages,
            [
                "`efectos colaterales` is a forbidden variant of the term `side-effects` (the \
                 English has `side effects`); use `efectos secundarios` or `efectos adversos`",
                "the English has `side effects` (term `side-effects`), but the translation has \
                 none of its approved renderings: `efectos secundarios` or `efectos adversos`"
            ]
        );
        let off = TermSeverities {
            missing: None,
            forbidden: None,
        };
        assert!(check_translation(&termbase, &hits, "es", text, &words(text), off).is_empty());
    }
}
