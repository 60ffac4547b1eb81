//! Pages of the seed article, built from the repository's layouts with any text put in
//! place of the English.

use std::sync::OnceLock;

use folio_model::Layout;
use folio_render::{Alternate, Direction, Page, Text, build_blocks};

use crate::seed;

struct Seed {
    article: Layout,
    disclaimer: Layout,
    texts: std::collections::BTreeMap<String, String>,
}

fn seed() -> &'static Seed {
    static SEED: OnceLock<Seed> = OnceLock::new();
    SEED.get_or_init(|| {
        let mut texts = seed::english_texts(seed::ARTICLE_FTL);
        texts.extend(seed::english_texts(seed::DISCLAIMER_FTL));
        Seed {
            article: seed::layout(seed::ARTICLE_LAYOUT),
            disclaimer: seed::layout(seed::DISCLAIMER_LAYOUT),
            texts,
        }
    })
}

/// The seed article's page in Arabic (right to left, so direction code runs), every
/// unit's text given by `text(id, english)`, with three alternates.
pub fn seed_page(text: &dyn Fn(&str, &str) -> Text) -> Page {
    let seed = seed();
    let resolve = |id: &folio_model::UnitId| {
        let english = seed.texts.get(id.as_str())?;
        Some(text(id.as_str(), english))
    };
    let id = |id: &Option<folio_model::UnitId>| id.as_ref().and_then(&resolve);
    let alternate = |lang: &str, current: bool| Alternate {
        lang: lang.to_owned(),
        name: folio_render::language_name(lang),
        href: format!("../{lang}/immunotherapy-multiple-myeloma.html"),
        current,
    };
    Page {
        lang: "ar".to_owned(),
        dir: Direction::Rtl,
        article: "immunotherapy-multiple-myeloma".to_owned(),
        title: id(&seed.article.title).expect("the seed has a title"),
        description: id(&seed.article.description),
        body: build_blocks(&seed.article, &resolve),
        disclaimer: build_blocks(&seed.disclaimer, &resolve),
        alternates: vec![
            alternate("ar", true),
            alternate("en", false),
            alternate("es", false),
        ],
        x_default: "../en/immunotherapy-multiple-myeloma.html".to_owned(),
        front_matter: Vec::new(),
        fallbacks: Vec::new(),
        url: None,
        index: "index.html".to_owned(),
        stylesheet: "../style.css".to_owned(),
        reference: "en".to_owned(),
        site_name: None,
        details: Default::default(),
        english_only_sites: Vec::new(),
        interface: Default::default(),
    }
}

/// The text for unit `id` whose English is `english`: `markdown`, as a fallback from
/// English for every third unit (by id) so that the renderer's fallback markup is
/// exercised too. The English is the trusted reference the page takes tags from.
pub fn text_for(id: &str, english: &str, markdown: &str) -> Text {
    let fallback = id.len().is_multiple_of(3);
    Text {
        markdown: markdown.to_owned(),
        fallback: fallback.then(|| ("en".to_owned(), Direction::Ltr)),
        reference: Some(english.to_owned()),
    }
}
