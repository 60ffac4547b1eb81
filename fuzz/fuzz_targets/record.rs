//! Fuzz target `record`: any text as a locale's record of confirmed English
//! (`locales/<lang>/confirmed/<document>.toml`), through `Record::parse`.
//!
//! Asserted, beyond "no panic": `Record::parse` (which reads records in the shape Folio
//! writes from toml_parser's events, and leaves every other text to `toml`) gives what
//! `toml` alone gives: the same record, or an error where `toml` has one; and a record it
//! reads is written back and read again unchanged.
#![no_main]

use folio_track::Record;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let read = Record::parse(text);
    let by_toml: Result<Record, _> = toml::from_str(text);
    match (&read, &by_toml) {
        (Ok(record), Ok(expected)) => assert_eq!(record, expected, "{text:?}"),
        (Err(_), Err(_)) => {}
        _ => panic!("Record::parse gives {read:?}, toml gives {by_toml:?} for {text:?}"),
    }
    if let Ok(record) = read {
        let written = record.to_text("es", "doc");
        assert_eq!(Record::parse(&written).as_ref(), Ok(&record), "{written:?}");
    }
});
