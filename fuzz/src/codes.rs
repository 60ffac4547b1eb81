//! Oracles for inline codes (`folio-exchange`'s `Segment`): what a unit's Markdown
//! protects, read by pulldown-cmark here rather than through the code under test, and
//! the shape every segment must have.

use std::collections::{BTreeMap, BTreeSet};

use folio_exchange::{Piece, Role, Segment};
use pulldown_cmark::{Event, Options, Parser, Tag};

/// What a translator may move but not change in `markdown`, read as the checks read a
/// unit (CommonMark with strikethrough): each link's and image's target and title, each
/// code span and each piece of inline HTML, with how many times it occurs.
pub fn protected(markdown: &str) -> BTreeMap<String, usize> {
    let mut found = BTreeMap::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH) {
        let key = match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                ..
            }) => format!("link {link_type:?} {dest_url:?} {title:?}"),
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => format!("image {dest_url:?} {title:?}"),
            Event::Code(code) => format!("code {code:?}"),
            Event::InlineHtml(html) | Event::Html(html) => format!("html {html:?}"),
            _ => continue,
        };
        *found.entry(key).or_insert(0) += 1;
    }
    found
}

/// Asserts the shape of a segment: no empty or adjacent text pieces, no empty code;
/// every opening or standalone code's id its own; every closing code after an opening
/// code of its id, and once.
pub fn assert_well_formed(segment: &Segment, what: &str) {
    let mut ids = BTreeSet::new();
    let mut open = BTreeSet::new();
    let mut previous_text = false;
    for piece in &segment.pieces {
        match piece {
            Piece::Text(text) => {
                assert!(!text.is_empty(), "{what}: an empty text piece");
                assert!(!previous_text, "{what}: two text pieces in a row");
                previous_text = true;
            }
            Piece::Code(code) => {
                previous_text = false;
                assert!(!code.native.is_empty(), "{what}: an empty code {code:?}");
                match code.role {
                    Role::Open | Role::Standalone => {
                        assert!(ids.insert(code.id), "{what}: id {} twice", code.id);
                        if code.role == Role::Open {
                            open.insert(code.id);
                        }
                    }
                    Role::Close => assert!(
                        open.remove(&code.id),
                        "{what}: <ept id=\"{}\"> without its <bpt> before it",
                        code.id
                    ),
                }
            }
        }
    }
}
