//! `folio-gen fluent-tree`: a deterministic Fluent tree shaped like an application's
//! localization files, `OUT/<locale>/<dir>/<doc>.ftl`.
//!
//! The reference locale `en` holds every document; document 0 is `shared/brand.ftl`, the
//! terms (`-brand-name`, …) every other file refers to. The others are screens of an
//! application: a resource comment, group comments, and about 55 messages of the kinds
//! real files have (labels, long descriptions, buttons with `.title` and `.accesskey`,
//! inputs with only attributes, plural selects, `$variables`, platform selects, message
//! and term references, `NUMBER()` calls), with comments on some.
//!
//! Each target locale translates every document: its words are made-up words of its
//! own script, one per English word and locale, and its plural selects have its CLDR
//! categories. A translation is mostly complete: in each locale a deterministic 0.5 to
//! 4 % of the messages is missing, a quarter of the files carries one obsolete message,
//! and about one document in 250 has an extra file that exists only in that locale.

use std::fmt::Write as _;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::locales::{REFERENCE, Script, TreeLocale, tree_locales};
use crate::rng::{Rng, hash_str, mix};

/// What a generated tree holds.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Locale folders, the reference's included.
    pub locales: usize,
    /// `.ftl` files written.
    pub files: u64,
    /// Bytes written.
    pub bytes: u64,
    /// Messages written (terms not counted).
    pub messages: u64,
}

impl Summary {
    fn add(self, other: Summary) -> Summary {
        Summary {
            locales: self.locales.max(other.locales),
            files: self.files + other.files,
            bytes: self.bytes + other.bytes,
            messages: self.messages + other.messages,
        }
    }
}

/// Writes the tree of `documents` documents in the reference locale and `locales` target
/// locales into `out`, which must be missing or empty.
pub fn generate(documents: usize, locales: usize, out: &Path) -> Result<Summary> {
    anyhow::ensure!(documents >= 1, "--documents must be at least 1");
    let targets = tree_locales(locales).map_err(anyhow::Error::msg)?;
    crate::workspace::prepare_out(out)?;
    let voices: Vec<Voice> = std::iter::once(Voice::english())
        .chain(targets.iter().map(|l| Voice::target(l)))
        .collect();
    for voice in &voices {
        for dir in DIRS.iter().chain(std::iter::once(&"shared")) {
            let path = out.join(voice.tag).join(dir);
            std::fs::create_dir_all(&path)
                .with_context(|| format!("creating {}", path.display()))?;
        }
    }
    let summary = (0..documents)
        .into_par_iter()
        .map(|index| write_document(index, &voices, out))
        .try_reduce(Summary::default, |a, b| Ok(a.add(b)))?;
    Ok(Summary {
        locales: voices.len(),
        ..summary
    })
}

/// Generates one document and writes it in every locale (plus any locale-only file).
fn write_document(index: usize, voices: &[Voice], out: &Path) -> Result<Summary> {
    let document = Document::generate(index);
    let mut summary = Summary::default();
    let mut text = String::with_capacity(48 * 1024);
    for voice in voices {
        text.clear();
        let messages = document.render(voice, &mut text);
        let path = out.join(voice.tag).join(&document.path);
        std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
        summary.files += 1;
        summary.bytes += text.len() as u64;
        summary.messages += messages;
        if voice.translated && index > 0 && mix(&[voice.seed, index as u64, 3]).is_multiple_of(250)
        {
            text.clear();
            let messages = document.render_legacy(voice, &mut text);
            let path = out.join(voice.tag).join(document.legacy_path());
            std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
            summary.files += 1;
            summary.bytes += text.len() as u64;
            summary.messages += messages;
        }
    }
    Ok(summary)
}

// ---------------------------------------------------------------------------------------
// Vocabulary

/// The folders documents are spread over.
#[rustfmt::skip]
const DIRS: &[&str] = &[
    "app", "settings", "onboarding", "editor", "account", "devices", "sharing", "reports",
    "store", "help", "errors", "admin",
];

#[rustfmt::skip]
const VERBS: &[&str] = &[
    "open", "close", "save", "delete", "select", "choose", "create", "remove", "update",
    "sync", "share", "export", "import", "download", "upload", "restore", "connect",
    "disconnect", "enable", "disable", "review", "edit", "rename", "move", "copy", "add",
    "invite", "manage", "check", "reset", "confirm", "cancel", "change", "show", "hide",
    "pin", "archive", "search", "filter", "sort", "send", "receive", "start", "stop",
    "pause", "resume", "install", "refresh", "verify", "calibrate",
];
#[rustfmt::skip]
const NOUNS: &[&str] = &[
    "account", "profile", "device", "tracker", "file", "folder", "project", "report",
    "message", "notification", "setting", "password", "backup", "library", "photo", "video",
    "document", "calendar", "event", "contact", "team", "member", "invitation",
    "subscription", "payment", "invoice", "plan", "storage", "server", "connection",
    "network", "version", "language", "theme", "shortcut", "window", "tab", "page", "list",
    "item", "tag", "label", "comment", "draft", "template", "workspace", "channel",
    "session", "permission", "key", "token", "license", "history", "record", "layout",
    "dashboard", "widget", "screen", "camera", "microphone", "speaker", "battery", "sensor",
    "firmware", "bookmark", "playlist", "album", "note", "task", "reminder", "address",
    "card", "order", "cart", "rating", "view", "summary", "preview", "link", "code",
    "image", "user", "group", "role", "policy", "log", "error", "warning", "request",
    "schedule", "region", "zone", "sample", "chart",
];
#[rustfmt::skip]
const ADJECTIVES: &[&str] = &[
    "new", "current", "previous", "shared", "private", "public", "recent", "selected",
    "default", "custom", "automatic", "manual", "local", "remote", "secure", "active",
    "inactive", "available", "offline", "online", "pending", "expired", "hidden", "visible",
    "primary", "secondary", "advanced", "basic", "full", "empty", "large", "small",
    "important", "optional", "required", "unsaved", "connected", "verified", "temporary",
    "archived",
];
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "from", "to", "in", "on", "for", "with", "without", "before", "after", "into", "across",
    "between", "under", "over",
];
#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "the", "your", "this", "each", "every", "a", "another", "all", "any", "their",
];
#[rustfmt::skip]
const LINKS: &[&str] = &[
    "and", "but", "or", "when", "while", "because", "until", "so",
];
#[rustfmt::skip]
const COPULAS: &[&str] = &[
    "is", "was", "will be", "can be", "may be", "is not", "is still",
];
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "now", "again", "soon", "here", "automatically", "later", "first",
];

/// The generator's words, indexed by a `u16`, and where each part of speech starts.
struct Vocabulary {
    words: Vec<&'static str>,
    verbs: std::ops::Range<u16>,
    nouns: std::ops::Range<u16>,
    adjectives: std::ops::Range<u16>,
    prepositions: std::ops::Range<u16>,
    determiners: std::ops::Range<u16>,
    links: std::ops::Range<u16>,
    copulas: std::ops::Range<u16>,
    adverbs: std::ops::Range<u16>,
}

fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        let mut words = Vec::new();
        let mut part = |list: &[&'static str]| {
            let start = words.len() as u16;
            words.extend_from_slice(list);
            start..words.len() as u16
        };
        let verbs = part(VERBS);
        let nouns = part(NOUNS);
        let adjectives = part(ADJECTIVES);
        let prepositions = part(PREPOSITIONS);
        let determiners = part(DETERMINERS);
        let links = part(LINKS);
        let copulas = part(COPULAS);
        let adverbs = part(ADVERBS);
        Vocabulary {
            words,
            verbs,
            nouns,
            adjectives,
            prepositions,
            determiners,
            links,
            copulas,
            adverbs,
        }
    })
}

/// The terms `shared/brand.ftl` defines, which other documents refer to.
#[rustfmt::skip]
const TERMS: &[&str] = &[
    "-brand-name", "-brand-short-name", "-vendor-name", "-product-cloud",
];

// ---------------------------------------------------------------------------------------
// Voices: English and the pseudo-translations

/// How one locale writes the generator's words.
struct Voice {
    tag: &'static str,
    translated: bool,
    seed: u64,
    /// Each vocabulary word, lower case.
    words: Vec<String>,
    /// Each vocabulary word, capitalized (where the script has capitals).
    capitals: Vec<String>,
    spaced: bool,
    cased: bool,
    punctuation: [&'static str; 5],
    plurals: &'static [&'static str],
    /// Missing messages per thousand.
    missing: u64,
}

impl Voice {
    fn english() -> Voice {
        let words: Vec<String> = vocabulary().words.iter().map(|w| (*w).to_owned()).collect();
        Voice {
            tag: REFERENCE,
            translated: false,
            seed: hash_str(REFERENCE),
            capitals: words.iter().map(|w| capitalize(w)).collect(),
            words,
            spaced: true,
            cased: true,
            punctuation: [".", ",", "?", "!", ":"],
            plurals: &["one", "other"],
            missing: 0,
        }
    }

    fn target(locale: &'static TreeLocale) -> Voice {
        let seed = hash_str(locale.tag);
        let words: Vec<String> = vocabulary()
            .words
            .iter()
            .map(|english| translate_word(locale, seed, english))
            .collect();
        let cased = matches!(locale.script, Script::Syllables { cased: true, .. });
        let position = crate::locales::TREE_LOCALES
            .iter()
            .position(|l| l.tag == locale.tag)
            .unwrap_or(0) as u64;
        Voice {
            tag: locale.tag,
            translated: true,
            seed,
            capitals: words
                .iter()
                .map(|w| if cased { capitalize(w) } else { w.clone() })
                .collect(),
            words,
            spaced: locale.spaced,
            cased,
            punctuation: locale.punctuation,
            plurals: locale.plurals,
            missing: [5, 10, 20, 30, 40][(position % 5) as usize],
        }
    }
}

/// One locale's made-up word for an English word (a phrase like "will be" is one word).
fn translate_word(locale: &TreeLocale, seed: u64, english: &str) -> String {
    let mut rng = Rng::new(mix(&[seed, hash_str(english)]));
    let letters = english.chars().filter(|c| c.is_alphabetic()).count();
    let mut word = String::new();
    match locale.script {
        Script::Syllables {
            consonants, vowels, ..
        } => {
            // A syllable averages about 2.6 letters.
            let syllables = ((letters * locale.length + 130) / 260).clamp(1, 7);
            for _ in 0..syllables {
                let onset: &&str = rng.pick(consonants);
                word.push_str(onset);
                let nucleus: &&str = rng.pick(vowels);
                word.push_str(nucleus);
            }
        }
        Script::Block { first, count } => {
            let characters = (letters * locale.length / 100).clamp(1, 5);
            for _ in 0..characters {
                let code = first + (rng.next_u64() % u64::from(count)) as u32;
                word.push(char::from_u32(code).unwrap_or('\u{4E00}'));
            }
        }
    }
    word
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

// ---------------------------------------------------------------------------------------
// Documents

/// A piece of a pattern.
#[derive(Debug, Clone)]
enum Tok {
    /// A vocabulary word.
    Word(u16),
    /// A vocabulary word, capitalized.
    Capital(u16),
    /// Punctuation: full stop, comma, question mark, exclamation mark, colon.
    Punct(u8),
    /// Text the same in every language (a unit, a number).
    Literal(&'static str),
    /// `{ $name }`.
    Variable(&'static str),
    /// `{ -term }`.
    Term(&'static str),
    /// `{ message-id }`.
    Reference(String),
    /// `{ NUMBER($name, …) }`.
    Number(&'static str),
}

type Text = Vec<Tok>;

#[derive(Debug, Clone)]
enum Value {
    /// A pattern on the line of the id.
    Line(Text),
    /// A long pattern on indented lines below the id.
    Block(Text),
    /// `{ $var -> [one] … *[other] … }` with the locale's plural categories.
    Plural {
        var: &'static str,
        one: Text,
        other: Text,
    },
    /// `{ $var -> [key] … *[last] … }` with the same keys in every locale.
    Select {
        var: &'static str,
        variants: Vec<(&'static str, Text)>,
    },
}

#[derive(Debug, Clone)]
enum Attribute {
    Text(&'static str, Text),
    /// `.accesskey`, a letter of the value.
    AccessKey,
}

#[derive(Debug, Clone)]
struct Message {
    comment: Option<String>,
    id: String,
    value: Option<Value>,
    attributes: Vec<Attribute>,
    /// Another message refers to this one, so a translation never drops it.
    referenced: bool,
}

#[derive(Debug, Clone)]
struct Group {
    comment: String,
    /// Lines written as they are after the group comment (the brand file's terms).
    raw: &'static str,
    messages: Vec<Message>,
}

/// One generated document, the same in every locale but for its words.
#[derive(Debug, Clone)]
struct Document {
    index: usize,
    path: String,
    header: String,
    groups: Vec<Group>,
}

const LICENSE: &str = "# This Source Code Form is subject to the terms of the Mozilla Public\n\
# License, v. 2.0. If a copy of the MPL was not distributed with this\n\
# file, You can obtain one at http://mozilla.org/MPL/2.0/.\n\n";

const BRAND_TERMS: &str = "-brand-name = Lumen\n\
-brand-short-name = Lumen\n\
-vendor-name = Northwind\n\
-product-cloud = { -brand-name } Cloud\n    \
.gender = feminine\n";

impl Document {
    fn generate(index: usize) -> Document {
        let mut rng = Rng::new(mix(&[0x5EED, index as u64]));
        if index == 0 {
            return Document::brand(&mut rng);
        }
        let v = vocabulary();
        let dir = DIRS[index % DIRS.len()];
        let topic = NOUNS[rng.below(NOUNS.len())];
        let prefix = format!("{topic}-{index:04}");
        let mut header = String::new();
        if rng.chance(50) {
            header.push_str(LICENSE);
        }
        let _ = writeln!(
            header,
            "### Strings of the {} {topic} screen ({dir}).\n### Keep {{ $variables }} and {{ -terms }} as they are.\n",
            capitalize(ADJECTIVES[rng.below(ADJECTIVES.len())])
        );
        let mut ids = std::collections::HashSet::new();
        let mut groups = Vec::new();
        let messages = rng.between(46, 66);
        let mut made = 0;
        while made < messages {
            let size = rng.between(6, 10).min(messages - made);
            let slug = v.words[rng.below_range(&v.nouns) as usize];
            let mut group = Group {
                comment: english_line(&phrase(&mut rng, 2, 4)),
                raw: "",
                messages: Vec::new(),
            };
            let title = unique(&mut ids, format!("{prefix}-{slug}-title"));
            group.messages.push(Message {
                comment: None,
                id: title.clone(),
                value: Some(Value::Line(phrase(&mut rng, 2, 4))),
                attributes: Vec::new(),
                referenced: true,
            });
            for _ in 1..size {
                let message = random_message(&mut rng, &mut ids, &prefix, slug, &title);
                group.messages.push(message);
            }
            made += size;
            groups.push(group);
        }
        Document {
            index,
            path: format!("{dir}/{topic}-{index:04}.ftl"),
            header,
            groups,
        }
    }

    fn brand(rng: &mut Rng) -> Document {
        let mut about = phrase(rng, 1, 1);
        about.push(Tok::Term("-brand-name"));
        let mut copyright = vec![
            Tok::Literal("©"),
            Tok::Variable("year"),
            Tok::Term("-vendor-name"),
        ];
        copyright.push(Tok::Punct(0));
        copyright.extend(sentence(rng));
        Document {
            index: 0,
            path: "shared/brand.ftl".to_owned(),
            header: format!(
                "{LICENSE}### Product and vendor names, shared by every other file.\n\n"
            ),
            groups: vec![
                Group {
                    comment: "Brand names: keep them as they are in every language.".to_owned(),
                    raw: BRAND_TERMS,
                    messages: Vec::new(),
                },
                Group {
                    comment: "About the product".to_owned(),
                    raw: "",
                    messages: vec![
                        plain("brand-about", Value::Line(about)),
                        plain("brand-tagline", Value::Line(sentence(rng))),
                        Message {
                            comment: Some(
                                "Variables:\n  $year (Number) - The current year.".into(),
                            ),
                            ..plain("brand-copyright", Value::Line(copyright))
                        },
                    ],
                },
            ],
        }
    }

    /// The path of this document's file that exists only in some locales.
    fn legacy_path(&self) -> String {
        self.path.replace(".ftl", "-legacy.ftl")
    }

    /// Writes the document as `voice` has it; returns the number of messages.
    fn render(&self, voice: &Voice, out: &mut String) -> u64 {
        out.push_str(&self.header);
        let mut count = 0;
        let obsolete = voice.translated
            && self.index > 0
            && mix(&[voice.seed, self.index as u64, 1]).is_multiple_of(4);
        let obsolete_group = mix(&[voice.seed, self.index as u64, 2]) as usize % self.groups.len();
        for (g, group) in self.groups.iter().enumerate() {
            let _ = writeln!(out, "## {}\n", group.comment);
            out.push_str(group.raw);
            for (m, message) in group.messages.iter().enumerate() {
                if voice.translated
                    && !message.referenced
                    && mix(&[voice.seed, self.index as u64, g as u64, m as u64]) % 1000
                        < voice.missing
                {
                    continue;
                }
                render_message(message, voice, out);
                count += 1;
            }
            if obsolete && g == obsolete_group {
                let mut rng = Rng::new(mix(&[voice.seed, self.index as u64, 4]));
                let message = plain(
                    &format!("{}-legacy-notice", group.messages[0].id),
                    Value::Line(sentence(&mut rng)),
                );
                render_message(&message, voice, out);
                count += 1;
            }
            out.push('\n');
        }
        count
    }

    /// A small file of strings a locale kept from an older version of this document.
    fn render_legacy(&self, voice: &Voice, out: &mut String) -> u64 {
        let mut rng = Rng::new(mix(&[voice.seed, self.index as u64, 5]));
        let stem = self.path.trim_end_matches(".ftl").replace('/', "-");
        out.push_str("## Strings of an older version of this screen\n\n");
        let count = rng.between(3, 8);
        for i in 0..count {
            let message = plain(&format!("{stem}-old-{i}"), Value::Line(sentence(&mut rng)));
            render_message(&message, voice, out);
        }
        count as u64
    }
}

fn plain(id: &str, value: Value) -> Message {
    Message {
        comment: None,
        id: id.to_owned(),
        value: Some(value),
        attributes: Vec::new(),
        referenced: false,
    }
}

fn unique(ids: &mut std::collections::HashSet<String>, id: String) -> String {
    if ids.insert(id.clone()) {
        return id;
    }
    (2..)
        .map(|n| format!("{id}-{n}"))
        .find(|candidate| ids.insert(candidate.clone()))
        .expect("some suffix is free")
}

/// One message of a random kind (all but titles).
fn random_message(
    rng: &mut Rng,
    ids: &mut std::collections::HashSet<String>,
    prefix: &str,
    slug: &str,
    title: &str,
) -> Message {
    let v = vocabulary();
    let noun = v.words[rng.below_range(&v.nouns) as usize];
    let roll = rng.below(100);
    let mut comment = None;
    let (kind, value, attributes) = match roll {
        // A long description on indented lines.
        0..=43 => {
            let mut text = Vec::new();
            for _ in 0..rng.between(3, 7) {
                text.extend(sentence(rng));
            }
            if rng.chance(40) {
                let term = TERMS[rng.below(TERMS.len())];
                insert(rng, &mut text, Tok::Term(term));
            }
            ("description", Some(Value::Block(text)), Vec::new())
        }
        // A button: label, tooltip, access key.
        44..=53 => {
            let mut label = vec![Tok::Capital(rng.below_range(&v.verbs))];
            label.push(Tok::Word(rng.below_range(&v.nouns)));
            (
                "button",
                Some(Value::Line(label)),
                vec![
                    Attribute::Text("title", sentence(rng)),
                    Attribute::AccessKey,
                ],
            )
        }
        // An input: attributes only.
        54..=60 => (
            "input",
            None,
            vec![
                Attribute::Text("label", phrase(rng, 1, 3)),
                Attribute::Text("placeholder", clause_sentence(rng, false)),
                Attribute::Text("aria-label", phrase(rng, 2, 3)),
            ],
        ),
        // A plural select.
        61..=68 => {
            let noun_word = rng.below_range(&v.nouns);
            let mut one = vec![Tok::Variable("count"), Tok::Word(noun_word)];
            let tail = predicate(rng);
            one.extend(tail.iter().cloned());
            one.push(Tok::Punct(0));
            let mut other = vec![Tok::Variable("count"), Tok::Word(noun_word)];
            other.push(Tok::Word(rng.below_range(&v.adjectives)));
            other.extend(tail);
            other.push(Tok::Punct(0));
            comment = Some(format!(
                "Variables:\n  $count (Number) - The number of {noun} items shown."
            ));
            (
                "count",
                Some(Value::Plural {
                    var: "count",
                    one,
                    other,
                }),
                Vec::new(),
            )
        }
        // A sentence with variables.
        69..=76 => {
            let mut text = sentence(rng);
            let names = ["user", "name", "date", "device", "folder", "host"];
            let first = names[rng.below(names.len())];
            insert(rng, &mut text, Tok::Variable(first));
            let mut about = format!("Variables:\n  ${first} (String) - The {first} shown.");
            if rng.chance(40) {
                let second = names[rng.below(names.len())];
                if second != first {
                    insert(rng, &mut text, Tok::Variable(second));
                    let _ = write!(about, "\n  ${second} (String) - The {second} shown.");
                }
            }
            comment = Some(about);
            ("status", Some(Value::Line(text)), Vec::new())
        }
        // A sentence that refers to the group's title.
        77..=82 => {
            let mut text = sentence(rng);
            insert(rng, &mut text, Tok::Reference(title.to_owned()));
            ("hint", Some(Value::Line(text)), Vec::new())
        }
        // A platform select.
        83..=87 => {
            let variants = vec![
                ("windows", sentence(rng)),
                ("macos", sentence(rng)),
                ("other", sentence(rng)),
            ];
            (
                "platform",
                Some(Value::Select {
                    var: "platform",
                    variants,
                }),
                Vec::new(),
            )
        }
        // A short label.
        88..=93 => ("label", Some(Value::Line(phrase(rng, 1, 3))), Vec::new()),
        // An error with the system's message.
        94..=97 => {
            let mut text = clause_sentence(rng, true);
            text.pop();
            text.extend([Tok::Punct(4), Tok::Variable("error")]);
            if rng.chance(50) {
                text.insert(0, Tok::Term("-brand-short-name"));
            }
            ("error", Some(Value::Line(text)), Vec::new())
        }
        // A size with NUMBER().
        _ => {
            let mut text = phrase(rng, 1, 2);
            let unit = ["KB", "MB", "GB"][rng.below(3)];
            text.extend([Tok::Punct(4), Tok::Number("size"), Tok::Literal(unit)]);
            ("size", Some(Value::Line(text)), Vec::new())
        }
    };
    if comment.is_none() && rng.chance(40) {
        comment = Some(english_line(&clause_sentence(rng, true)));
    }
    Message {
        comment,
        id: unique(ids, format!("{prefix}-{slug}-{noun}-{kind}")),
        value,
        attributes,
        referenced: false,
    }
}

impl Rng {
    /// A number in a `u16` range.
    fn below_range(&mut self, range: &std::ops::Range<u16>) -> u16 {
        range.start + self.below(usize::from(range.end - range.start)) as u16
    }
}

/// A capitalized phrase of `low..=high` words, no punctuation: a label or a title.
fn phrase(rng: &mut Rng, low: usize, high: usize) -> Text {
    let v = vocabulary();
    let n = rng.between(low, high);
    let mut text = Vec::with_capacity(n);
    match n {
        1 => text.push(Tok::Word(rng.below_range(&v.nouns))),
        2 => {
            let first = if rng.chance(50) {
                &v.verbs
            } else {
                &v.adjectives
            };
            text.push(Tok::Word(rng.below_range(first)));
            text.push(Tok::Word(rng.below_range(&v.nouns)));
        }
        _ => {
            text.push(Tok::Word(rng.below_range(&v.verbs)));
            for _ in 2..n {
                text.push(Tok::Word(rng.below_range(&v.adjectives)));
            }
            text.push(Tok::Word(rng.below_range(&v.nouns)));
        }
    }
    if let Some(Tok::Word(first)) = text.first() {
        text[0] = Tok::Capital(*first);
    }
    text
}

/// "the selected device is offline" and the like, without a subject's capital.
fn predicate(rng: &mut Rng) -> Text {
    let v = vocabulary();
    let mut text = vec![Tok::Word(rng.below_range(&v.copulas))];
    text.push(Tok::Word(rng.below_range(&v.adjectives)));
    if rng.chance(50) {
        text.push(Tok::Word(rng.below_range(&v.prepositions)));
        text.push(Tok::Word(rng.below_range(&v.determiners)));
        text.push(Tok::Word(rng.below_range(&v.nouns)));
    }
    text
}

/// A clause: an instruction or a statement.
fn clause(rng: &mut Rng) -> Text {
    let v = vocabulary();
    let mut text = Vec::new();
    if rng.chance(50) {
        text.push(Tok::Word(rng.below_range(&v.verbs)));
        text.push(Tok::Word(rng.below_range(&v.determiners)));
        if rng.chance(50) {
            text.push(Tok::Word(rng.below_range(&v.adjectives)));
        }
        text.push(Tok::Word(rng.below_range(&v.nouns)));
        if rng.chance(70) {
            text.push(Tok::Word(rng.below_range(&v.prepositions)));
            text.push(Tok::Word(rng.below_range(&v.determiners)));
            text.push(Tok::Word(rng.below_range(&v.nouns)));
        }
    } else {
        text.push(Tok::Word(rng.below_range(&v.determiners)));
        if rng.chance(40) {
            text.push(Tok::Word(rng.below_range(&v.adjectives)));
        }
        text.push(Tok::Word(rng.below_range(&v.nouns)));
        text.extend(predicate(rng));
    }
    if rng.chance(20) {
        text.push(Tok::Word(rng.below_range(&v.adverbs)));
    }
    text
}

/// One clause, capitalized, with or without its closing punctuation.
fn clause_sentence(rng: &mut Rng, punctuated: bool) -> Text {
    let mut text = clause(rng);
    if let Some(Tok::Word(first)) = text.first() {
        text[0] = Tok::Capital(*first);
    }
    if punctuated {
        text.push(Tok::Punct(0));
    }
    text
}

/// A sentence of one to three clauses, capitalized and punctuated.
fn sentence(rng: &mut Rng) -> Text {
    let v = vocabulary();
    let mut text = clause_sentence(rng, false);
    for _ in 0..rng.below(3) {
        text.push(Tok::Punct(1));
        text.push(Tok::Word(rng.below_range(&v.links)));
        text.extend(clause(rng));
    }
    let end = match rng.below(20) {
        0 => 2,
        1 => 3,
        _ => 0,
    };
    text.push(Tok::Punct(end));
    text
}

/// Puts `tok` between two words of `text` (never before the closing punctuation's word).
fn insert(rng: &mut Rng, text: &mut Text, tok: Tok) {
    let at = 1 + rng.below(text.len().saturating_sub(1).max(1));
    text.insert(at.min(text.len()), tok);
}

/// English text on one line (comments are English in every locale, as exported).
fn english_line(text: &Text) -> String {
    static ENGLISH: OnceLock<Voice> = OnceLock::new();
    let mut out = String::new();
    render_text(text, ENGLISH.get_or_init(Voice::english), &mut out, None);
    out
}

// ---------------------------------------------------------------------------------------
// Rendering

/// Appends `text` on one line; when `breaks` is given, records the byte offsets of the
/// spaces a long line may be wrapped at.
fn render_text(text: &Text, voice: &Voice, out: &mut String, mut breaks: Option<&mut Vec<usize>>) {
    let mut previous: Option<&Tok> = None;
    for tok in text {
        let space = match (previous, tok) {
            (None, _) => false,
            (Some(_), Tok::Punct(_)) => false,
            (Some(Tok::Punct(p)), _) => voice.spaced || voice.punctuation[*p as usize].is_ascii(),
            (Some(Tok::Word(_) | Tok::Capital(_)), Tok::Word(_) | Tok::Capital(_)) => voice.spaced,
            _ => true,
        };
        if space {
            if let Some(breaks) = breaks.as_deref_mut() {
                breaks.push(out.len());
            }
            out.push(' ');
        }
        match tok {
            Tok::Word(w) => out.push_str(&voice.words[usize::from(*w)]),
            Tok::Capital(w) => out.push_str(&voice.capitals[usize::from(*w)]),
            Tok::Punct(p) => out.push_str(voice.punctuation[*p as usize]),
            Tok::Literal(s) => out.push_str(s),
            Tok::Variable(name) => {
                let _ = write!(out, "{{ ${name} }}");
            }
            Tok::Term(name) => {
                let _ = write!(out, "{{ {name} }}");
            }
            Tok::Reference(id) => {
                let _ = write!(out, "{{ {id} }}");
            }
            Tok::Number(name) => {
                let _ = write!(out, "{{ NUMBER(${name}, maximumFractionDigits: 1) }}");
            }
        }
        previous = Some(tok);
    }
}

/// Appends `text` wrapped at about 80 columns, each line indented by four spaces. Lines
/// break only at spaces between words, so none starts with `[`, `*` or `.`.
fn render_block(text: &Text, voice: &Voice, out: &mut String) {
    let mut line = String::new();
    let mut breaks = Vec::new();
    render_text(text, voice, &mut line, Some(&mut breaks));
    let mut segments = Vec::with_capacity(breaks.len() + 1);
    let mut start = 0;
    for at in breaks {
        segments.push(&line[start..at]);
        start = at + 1;
    }
    segments.push(&line[start..]);
    let mut width = 0;
    out.push_str("    ");
    for segment in segments {
        let length = segment.chars().count();
        if width > 0 && width + 1 + length > 76 {
            out.push_str("\n    ");
            width = 0;
        }
        if width > 0 {
            out.push(' ');
            width += 1;
        }
        out.push_str(segment);
        width += length;
    }
    out.push('\n');
}

fn render_message(message: &Message, voice: &Voice, out: &mut String) {
    if let Some(comment) = &message.comment {
        for line in comment.lines() {
            let _ = writeln!(out, "# {line}");
        }
    }
    out.push_str(&message.id);
    out.push_str(" =");
    match &message.value {
        None => out.push('\n'),
        Some(Value::Line(text)) => {
            out.push(' ');
            render_text(text, voice, out, None);
            out.push('\n');
        }
        Some(Value::Block(text)) => {
            out.push('\n');
            render_block(text, voice, out);
        }
        Some(Value::Plural { var, one, other }) => {
            let _ = writeln!(out, "\n    {{ ${var} ->");
            for category in voice.plurals {
                let text = if *category == "one" { one } else { other };
                let marker = if *category == "other" { " *" } else { "  " };
                let _ = write!(out, "      {marker}[{category}] ");
                render_text(text, voice, out, None);
                out.push('\n');
            }
            out.push_str("    }\n");
        }
        Some(Value::Select { var, variants }) => {
            let _ = writeln!(out, "\n    {{ ${var} ->");
            for (i, (key, text)) in variants.iter().enumerate() {
                let marker = if i + 1 == variants.len() { " *" } else { "  " };
                let _ = write!(out, "      {marker}[{key}] ");
                render_text(text, voice, out, None);
                out.push('\n');
            }
            out.push_str("    }\n");
        }
    }
    for attribute in &message.attributes {
        match attribute {
            Attribute::Text(name, text) => {
                let _ = write!(out, "    .{name} = ");
                render_text(text, voice, out, None);
                out.push('\n');
            }
            Attribute::AccessKey => {
                let _ = writeln!(out, "    .accesskey = {}", access_key(message, voice));
            }
        }
    }
}

/// The first letter of the value's first word, in the locale's script when it has
/// capitals (as translators pick), else the English one.
fn access_key(message: &Message, voice: &Voice) -> char {
    let first = match &message.value {
        Some(Value::Line(text) | Value::Block(text)) => text.iter().find_map(|t| match t {
            Tok::Word(w) | Tok::Capital(w) => Some(usize::from(*w)),
            _ => None,
        }),
        _ => None,
    };
    let Some(word) = first else { return 'A' };
    let source = if voice.cased {
        &voice.capitals[word]
    } else {
        vocabulary().words[word]
    };
    source
        .chars()
        .next()
        .and_then(|c| c.to_uppercase().next())
        .unwrap_or('A')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_parses_cleanly_in_every_locale() {
        let voices: Vec<Voice> = std::iter::once(Voice::english())
            .chain(crate::locales::TREE_LOCALES.iter().map(Voice::target))
            .collect();
        for index in 0..40 {
            let document = Document::generate(index);
            for voice in &voices {
                let mut text = String::new();
                let messages = document.render(voice, &mut text);
                let resource = match fluent_syntax::parser::parse(text.as_str()) {
                    Ok(resource) => resource,
                    Err((_, errors)) => {
                        panic!("{} {}: {errors:?}\n{text}", voice.tag, document.path)
                    }
                };
                let parsed = resource
                    .body
                    .iter()
                    .filter(|e| matches!(e, fluent_syntax::ast::Entry::Message(_)))
                    .count();
                assert_eq!(parsed as u64, messages, "{} {}", voice.tag, document.path);
                assert!(
                    !text.lines().any(|line| line.starts_with('.')),
                    "attributes are indented"
                );
                let mut legacy = String::new();
                document.render_legacy(voice, &mut legacy);
                assert!(fluent_syntax::parser::parse(legacy.as_str()).is_ok());
            }
        }
    }

    #[test]
    fn documents_differ_and_generation_is_repeatable() {
        let english = Voice::english();
        let render = |index| {
            let mut text = String::new();
            Document::generate(index).render(&english, &mut text);
            text
        };
        assert_eq!(render(7), render(7));
        assert_ne!(render(7), render(8));
    }

    #[test]
    fn a_tree_is_written_and_counted() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("tree");
        let summary = generate(30, 3, &out).unwrap();
        assert_eq!(summary.locales, 4);
        assert!(summary.files >= 120);
        for tag in ["en", "de", "es", "fr"] {
            assert!(out.join(tag).join("shared/brand.ftl").is_file(), "{tag}");
        }
        let again = dir.path().join("again");
        assert_eq!(generate(30, 3, &again).unwrap(), summary);
        let a = std::fs::read(out.join("de/shared/brand.ftl")).unwrap();
        let b = std::fs::read(again.join("de/shared/brand.ftl")).unwrap();
        assert_eq!(a, b);
    }
}
