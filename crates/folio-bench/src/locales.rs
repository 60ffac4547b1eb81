//! The locales the tree generator writes: real BCP 47 tags, each with the look of its
//! writing system (letters, word spacing, punctuation) and its CLDR plural categories,
//! so a generated translation has the bytes and the select variants of a real one.

/// How a locale's pseudo-translated words are made.
#[derive(Debug, Clone, Copy)]
pub enum Script {
    /// Words are syllables, each a consonant (or none) then a vowel, from these lists.
    Syllables {
        /// Syllable onsets.
        consonants: &'static [&'static str],
        /// Syllable nuclei.
        vowels: &'static [&'static str],
        /// Whether the script has capital letters.
        cased: bool,
    },
    /// Words are characters of one Unicode block (ideographs, Hangul syllables).
    Block {
        /// The first code point.
        first: u32,
        /// How many code points from `first` may be used.
        count: u32,
    },
}

/// A target locale of the generated tree.
#[derive(Debug, Clone, Copy)]
pub struct TreeLocale {
    /// The canonical BCP 47 tag, also the folder name.
    pub tag: &'static str,
    /// How its words look.
    pub script: Script,
    /// Whether words are separated by spaces.
    pub spaced: bool,
    /// Translated word length, in percent of the English word's.
    pub length: usize,
    /// Its CLDR cardinal plural categories, `other` last.
    pub plurals: &'static [&'static str],
    /// Full stop, comma, question mark, exclamation mark, colon.
    pub punctuation: [&'static str; 5],
}

const ONE_OTHER: &[&str] = &["one", "other"];
const OTHER: &[&str] = &["other"];
const SLAVIC: &[&str] = &["one", "few", "many", "other"];
const ONE_FEW_OTHER: &[&str] = &["one", "few", "other"];
const ASCII_PUNCTUATION: [&str; 5] = [".", ",", "?", "!", ":"];
const CJK_PUNCTUATION: [&str; 5] = ["。", "，", "？", "！", "："];

/// A Latin-script locale: common consonants and the five vowels, plus its own letters.
macro_rules! latin {
    ($tag:literal, [$($c:literal),*], [$($v:literal),*], $length:literal, $plurals:expr) => {
        TreeLocale {
            tag: $tag,
            script: Script::Syllables {
                consonants: &[
                    "b", "d", "f", "g", "k", "l", "m", "n", "p", "r", "s", "t", "v", "", $($c),*
                ],
                vowels: &["a", "e", "i", "o", "u", $($v),*],
                cased: true,
            },
            spaced: true,
            length: $length,
            plurals: $plurals,
            punctuation: ASCII_PUNCTUATION,
        }
    };
}

/// A locale of another alphabet, abjad or abugida.
macro_rules! letters {
    ($tag:literal, [$($c:literal),*], [$($v:literal),*], $cased:literal, $spaced:literal, $length:literal, $plurals:expr, $punctuation:expr) => {
        TreeLocale {
            tag: $tag,
            script: Script::Syllables {
                consonants: &[$($c),*],
                vowels: &[$($v),*],
                cased: $cased,
            },
            spaced: $spaced,
            length: $length,
            plurals: $plurals,
            punctuation: $punctuation,
        }
    };
}

/// Every locale the tree generator knows, the most translated first: `--locales L`
/// takes the first L.
pub const TREE_LOCALES: &[TreeLocale] = &[
    latin!(
        "de",
        ["sch", "ch", "st", "w", "z"],
        ["ä", "ö", "ü", "ei", "au"],
        130,
        ONE_OTHER
    ),
    latin!(
        "fr",
        ["qu", "ch", "ll", "c"],
        ["é", "è", "ê", "ou", "ai", "eu"],
        120,
        ONE_OTHER
    ),
    latin!(
        "es",
        ["ñ", "ll", "rr", "j", "c"],
        ["á", "é", "í", "ó", "ú", "ue", "ia"],
        120,
        ONE_OTHER
    ),
    letters!(
        "ja",
        [""],
        [
            "か", "き", "く", "け", "こ", "さ", "し", "す", "た", "ち", "つ", "て", "と", "な",
            "に", "の", "は", "ま", "み", "る", "れ", "ろ", "を", "ん", "ア", "イ", "ク", "ス",
            "ト", "ル", "設", "定", "表", "示", "新", "規", "作", "成", "保", "存"
        ],
        false,
        false,
        60,
        OTHER,
        CJK_PUNCTUATION
    ),
    TreeLocale {
        tag: "zh-Hans",
        script: Script::Block {
            first: 0x4E00,
            count: 0x51A5,
        },
        spaced: false,
        length: 30,
        plurals: OTHER,
        punctuation: CJK_PUNCTUATION,
    },
    latin!(
        "pt-BR",
        ["nh", "lh", "ç", "c"],
        ["ã", "õ", "á", "ê", "ão"],
        115,
        ONE_OTHER
    ),
    letters!(
        "ru",
        [
            "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц",
            "ч", "ш", "щ", ""
        ],
        ["а", "е", "и", "о", "у", "ы", "э", "ю", "я", "ё"],
        true,
        true,
        115,
        SLAVIC,
        ASCII_PUNCTUATION
    ),
    latin!(
        "it",
        ["gl", "gn", "zz", "cc", "z"],
        ["à", "è", "ì", "ò", "ia", "io"],
        115,
        ONE_OTHER
    ),
    TreeLocale {
        tag: "ko",
        script: Script::Block {
            first: 0xAC00,
            count: 11172,
        },
        spaced: true,
        length: 45,
        plurals: OTHER,
        punctuation: ASCII_PUNCTUATION,
    },
    latin!(
        "nl",
        ["ij", "sch", "w", "z"],
        ["aa", "ee", "oo", "ui", "ij"],
        115,
        ONE_OTHER
    ),
    latin!(
        "pl",
        ["sz", "cz", "rz", "ł", "ż", "ś", "ć"],
        ["ą", "ę", "ó", "y", "ie"],
        120,
        SLAVIC
    ),
    latin!(
        "tr",
        ["ş", "ç", "ğ", "y", "c"],
        ["ı", "ö", "ü"],
        110,
        ONE_OTHER
    ),
    letters!(
        "ar",
        [
            "ب", "ت", "ث", "ج", "ح", "خ", "د", "ذ", "ر", "ز", "س", "ش", "ص", "ض", "ط", "ظ", "ع",
            "غ", "ف", "ق", "ك", "ل", "م", "ن", "ه"
        ],
        ["ا", "و", "ي", "", "ى", "ة"],
        false,
        true,
        90,
        &["zero", "one", "two", "few", "many", "other"],
        [".", "،", "؟", "!", ":"]
    ),
    latin!(
        "sv",
        ["sk", "sj", "tj", "j"],
        ["å", "ä", "ö"],
        105,
        ONE_OTHER
    ),
    letters!(
        "uk",
        [
            "б", "в", "г", "ґ", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х",
            "ц", "ч", "ш", ""
        ],
        ["а", "е", "и", "і", "ї", "о", "у", "є", "ю", "я"],
        true,
        true,
        115,
        SLAVIC,
        ASCII_PUNCTUATION
    ),
    TreeLocale {
        tag: "zh-Hant",
        script: Script::Block {
            first: 0x4E00,
            count: 0x51A5,
        },
        spaced: false,
        length: 30,
        plurals: OTHER,
        punctuation: CJK_PUNCTUATION,
    },
    latin!(
        "cs",
        ["č", "š", "ž", "ř", "ch"],
        ["á", "é", "í", "ý", "ů", "ě"],
        110,
        SLAVIC
    ),
    latin!("da", ["sk", "j", "v"], ["æ", "ø", "å"], 105, ONE_OTHER),
    latin!(
        "fi",
        ["kk", "tt", "ss", "j"],
        ["ä", "ö", "aa", "ii", "uo"],
        115,
        ONE_OTHER
    ),
    latin!("nb", ["sk", "kj", "j"], ["æ", "ø", "å"], 105, ONE_OTHER),
    letters!(
        "he",
        [
            "ב", "ג", "ד", "ה", "ז", "ח", "ט", "כ", "ל", "מ", "נ", "ס", "פ", "צ", "ק", "ר", "ש",
            "ת"
        ],
        ["א", "ו", "י", "", "ע"],
        false,
        true,
        85,
        &["one", "two", "other"],
        ASCII_PUNCTUATION
    ),
    letters!(
        "el",
        [
            "β", "γ", "δ", "ζ", "θ", "κ", "λ", "μ", "ν", "ξ", "π", "ρ", "σ", "τ", "φ", "χ", ""
        ],
        ["α", "ε", "η", "ι", "ο", "υ", "ω", "ά", "έ", "ί", "ό"],
        true,
        true,
        120,
        ONE_OTHER,
        [".", ",", ";", "!", ":"]
    ),
    latin!(
        "hu",
        ["sz", "gy", "zs", "cs", "ny"],
        ["á", "é", "ő", "ű", "ö"],
        115,
        ONE_OTHER
    ),
    latin!(
        "ro",
        ["ș", "ț", "ch", "c"],
        ["ă", "â", "î", "ea"],
        115,
        ONE_FEW_OTHER
    ),
    latin!("id", ["ng", "ny", "c", "j"], ["ai", "au"], 110, OTHER),
    latin!(
        "vi",
        ["ng", "nh", "th", "tr", "đ"],
        ["ơ", "ư", "ế", "ạ", "ộ", "ả", "ồ"],
        110,
        OTHER
    ),
    letters!(
        "th",
        [
            "ก", "ข", "ค", "ง", "จ", "ช", "ด", "ต", "ท", "น", "บ", "ป", "พ", "ม", "ย", "ร", "ล",
            "ว", "ส", "ห", "อ"
        ],
        ["า", "ิ", "ี", "ุ", "ู", "ะ", "ั"],
        false,
        false,
        80,
        OTHER,
        ASCII_PUNCTUATION
    ),
    letters!(
        "hi",
        [
            "क", "ख", "ग", "च", "ज", "ट", "ड", "त", "द", "न", "प", "ब", "म", "य", "र", "ल", "व",
            "स", "ह"
        ],
        ["", "ा", "ि", "ी", "ु", "े", "ो", "ं"],
        false,
        true,
        100,
        ONE_OTHER,
        ["।", ",", "?", "!", ":"]
    ),
    letters!(
        "bg",
        [
            "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ц",
            "ч", "ш", ""
        ],
        ["а", "е", "и", "о", "у", "ъ", "ю", "я"],
        true,
        true,
        115,
        ONE_OTHER,
        ASCII_PUNCTUATION
    ),
    latin!(
        "ca",
        ["ll", "ny", "ç", "x"],
        ["à", "è", "é", "í", "ò", "ó", "ú"],
        115,
        ONE_OTHER
    ),
    latin!(
        "hr",
        ["č", "ć", "š", "ž", "dž", "lj", "nj"],
        ["ije"],
        110,
        ONE_FEW_OTHER
    ),
    latin!(
        "sk",
        ["č", "š", "ž", "ď", "ľ"],
        ["á", "é", "í", "ý", "ô", "ä"],
        110,
        SLAVIC
    ),
    latin!(
        "sl",
        ["č", "š", "ž", "j"],
        ["ie"],
        110,
        &["one", "two", "few", "other"]
    ),
    letters!(
        "sr",
        [
            "б", "в", "г", "д", "ђ", "ж", "з", "к", "л", "љ", "м", "н", "њ", "п", "р", "с", "т",
            "ћ", "ч", "џ", "ш", ""
        ],
        ["а", "е", "и", "о", "у"],
        true,
        true,
        110,
        ONE_FEW_OTHER,
        ASCII_PUNCTUATION
    ),
    latin!(
        "lt",
        ["š", "ž", "č"],
        ["ą", "ę", "ė", "į", "ū", "y"],
        110,
        SLAVIC
    ),
    latin!(
        "lv",
        ["š", "ž", "č", "ķ", "ļ", "ņ"],
        ["ā", "ē", "ī", "ū"],
        110,
        &["zero", "one", "other"]
    ),
    latin!(
        "et",
        ["kk", "tt", "j", "h"],
        ["ä", "ö", "õ", "ü"],
        110,
        ONE_OTHER
    ),
    letters!(
        "fa",
        [
            "ب", "پ", "ت", "ج", "چ", "خ", "د", "ر", "ز", "ژ", "س", "ش", "ف", "ق", "ک", "گ", "ل",
            "م", "ن", "ه"
        ],
        ["ا", "و", "ی", ""],
        false,
        true,
        95,
        ONE_OTHER,
        [".", "،", "؟", "!", ":"]
    ),
    latin!("ms", ["ng", "ny", "c", "j"], ["ai", "au"], 110, OTHER),
    latin!(
        "es-MX",
        ["ñ", "ll", "rr", "j", "c"],
        ["á", "é", "í", "ó", "ú", "ue"],
        120,
        ONE_OTHER
    ),
    latin!(
        "fr-CA",
        ["qu", "ch", "ll", "c"],
        ["é", "è", "ê", "ou", "ai"],
        120,
        ONE_OTHER
    ),
    latin!(
        "pt-PT",
        ["nh", "lh", "ç", "c"],
        ["ã", "õ", "á", "ê", "ão"],
        115,
        ONE_OTHER
    ),
    letters!(
        "bn",
        [
            "ক", "খ", "গ", "চ", "জ", "ট", "ড", "ত", "দ", "ন", "প", "ব", "ম", "য", "র", "ল", "শ",
            "স", "হ"
        ],
        ["", "া", "ি", "ী", "ু", "ে", "ো"],
        false,
        true,
        100,
        ONE_OTHER,
        ["।", ",", "?", "!", ":"]
    ),
    letters!(
        "ka",
        [
            "ბ", "გ", "დ", "ვ", "ზ", "თ", "კ", "ლ", "მ", "ნ", "პ", "რ", "ს", "ტ", "ქ", "შ", "ც",
            "ხ", ""
        ],
        ["ა", "ე", "ი", "ო", "უ"],
        false,
        true,
        120,
        ONE_OTHER,
        ASCII_PUNCTUATION
    ),
    latin!("eu", ["tx", "tz", "ts", "x"], ["ai", "ei"], 115, ONE_OTHER),
    latin!(
        "gl",
        ["ñ", "x", "ll"],
        ["á", "é", "í", "ó", "ú"],
        115,
        ONE_OTHER
    ),
    latin!(
        "is",
        ["þ", "ð", "hv"],
        ["á", "é", "í", "ó", "ú", "ý", "æ", "ö"],
        110,
        ONE_OTHER
    ),
    latin!(
        "ga",
        ["bh", "ch", "dh", "mh", "th"],
        ["á", "é", "í", "ó", "ú", "ao"],
        115,
        &["one", "two", "few", "many", "other"]
    ),
];

/// The reference locale of every generated tree.
pub const REFERENCE: &str = "en";

/// The tree locales `--locales count` selects (the first `count`), sorted by tag; an
/// error naming the limit when there are not that many.
pub fn tree_locales(count: usize) -> Result<Vec<&'static TreeLocale>, String> {
    if count > TREE_LOCALES.len() {
        return Err(format!(
            "at most {} locales besides {REFERENCE} (asked for {count})",
            TREE_LOCALES.len()
        ));
    }
    let mut chosen: Vec<&TreeLocale> = TREE_LOCALES[..count].iter().collect();
    chosen.sort_by_key(|l| l.tag);
    Ok(chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_are_canonical_unique_and_not_the_reference() {
        let mut seen = std::collections::BTreeSet::new();
        for locale in TREE_LOCALES {
            let parsed = folio_workspace::parse_locale(locale.tag);
            assert!(parsed.is_ok(), "{}: {parsed:?}", locale.tag);
            assert!(seen.insert(locale.tag), "{} twice", locale.tag);
            assert_ne!(locale.tag, REFERENCE);
            assert_eq!(locale.plurals.last(), Some(&"other"), "{}", locale.tag);
        }
        assert!(TREE_LOCALES.len() >= 40);
    }

    #[test]
    fn a_selection_is_sorted_and_bounded() {
        let tags: Vec<&str> = tree_locales(5).unwrap().iter().map(|l| l.tag).collect();
        assert_eq!(tags, ["de", "es", "fr", "ja", "zh-Hans"]);
        assert!(tree_locales(TREE_LOCALES.len() + 1).is_err());
    }
}
