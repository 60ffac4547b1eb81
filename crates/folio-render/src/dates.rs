//! Calendar dates of an article (published, updated, reviewed), read from front matter
//! and written the way a reader of the page's language writes them.
//!
//! Formatting is ICU4X's, with its compiled CLDR data: the long date of the language
//! ("4 de marzo de 2026", "4. März 2026", "4 مارس 2026", "2026年3月4日"), always in the
//! Gregorian calendar — a medical page's review date must mean one day to every reader,
//! and the ISO date beside it (`<time datetime>`, JSON-LD) is Gregorian.

use icu_calendar::{Date, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::YMD;
use icu_locale_core::Locale;
use serde::{Deserialize, Serialize};

/// A day of the Gregorian calendar; kept (by the render cache) as its ISO date, read
/// back only if it is a day that exists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct CalendarDate {
    year: i32,
    month: u8,
    day: u8,
}

impl CalendarDate {
    /// Reads `YYYY-MM-DD`, alone or starting an RFC 3339 timestamp
    /// (`2026-03-04T09:00:00Z`; the time is not a reader's concern); `None` for anything
    /// else, a day that does not exist included.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        let (date, rest) = text.split_at_checked(10)?;
        if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
            return None;
        }
        let mut parts = date.split('-');
        let mut number = |width: usize| -> Option<u32> {
            let part = parts.next()?;
            (part.len() == width && part.bytes().all(|b| b.is_ascii_digit()))
                .then(|| part.parse().ok())?
        };
        let (year, month, day) = (number(4)?, number(2)?, number(2)?);
        let date = CalendarDate {
            year: i32::try_from(year).ok()?,
            month: u8::try_from(month).ok()?,
            day: u8::try_from(day).ok()?,
        };
        date.gregorian().map(|_| date)
    }

    /// `YYYY-MM-DD`, for `<time datetime>`, JSON-LD and the sitemap.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    fn gregorian(self) -> Option<Date<Gregorian>> {
        Date::try_new_gregorian(self.year, self.month, self.day).ok()
    }

    /// The date as `language` (a BCP 47 tag) writes it in full; the ISO date when ICU has
    /// no data for the language or the tag does not parse.
    pub fn long(self, language: &str) -> String {
        let formatted = (|| {
            let locale: Locale = language.parse().ok()?;
            let formatter =
                FixedCalendarDateTimeFormatter::<Gregorian, _>::try_new(locale.into(), YMD::long())
                    .ok()?;
            Some(formatter.format(&self.gregorian()?).to_string())
        })();
        formatted.unwrap_or_else(|| self.iso())
    }
}

impl From<CalendarDate> for String {
    fn from(date: CalendarDate) -> String {
        date.iso()
    }
}

impl TryFrom<String> for CalendarDate {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        CalendarDate::parse(&text).ok_or_else(|| format!("{text:?} is not a day"))
    }
}

/// A date as a page shows it: the ISO form for machines, the long form for readers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ShownDate {
    /// `YYYY-MM-DD`.
    pub iso: String,
    /// In the page's language.
    pub text: String,
}

impl ShownDate {
    /// `date` shown on a page in `language`.
    pub fn new(date: CalendarDate, language: &str) -> Self {
        ShownDate {
            iso: date.iso(),
            text: date.long(language),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_iso_days_and_timestamps_and_refuse_the_rest() {
        let day = CalendarDate::parse("2026-03-04").unwrap();
        assert_eq!(day.iso(), "2026-03-04");
        assert_eq!(CalendarDate::parse("2026-03-04T09:00:00+01:00"), Some(day));
        assert_eq!(CalendarDate::parse(" 2026-03-04 "), Some(day));
        for bad in [
            "2026-02-30",
            "2026-13-01",
            "2026-3-4",
            "next week",
            "2026/03/04",
            "20260304",
            "2026-03-04x",
            "",
        ] {
            assert_eq!(CalendarDate::parse(bad), None, "{bad}");
        }
        assert!(CalendarDate::parse("2024-02-29").is_some());
    }

    #[test]
    fn long_dates_are_written_as_each_language_writes_them() {
        let day = CalendarDate::parse("2026-03-04").unwrap();
        assert_eq!(day.long("en"), "March 4, 2026");
        assert_eq!(day.long("es"), "4 de marzo de 2026");
        assert_eq!(day.long("de"), "4. März 2026");
        assert_eq!(day.long("fr"), "4 mars 2026");
        assert_eq!(day.long("pt-BR"), "4 de março de 2026");
        assert_eq!(day.long("zh-Hans"), "2026年3月4日");
        // Arabic: the month by name, Gregorian calendar, CLDR's default (Latin) digits.
        assert_eq!(day.long("ar"), "4 مارس 2026");
        // A tag ICU can't read falls back to the ISO date rather than failing the page.
        assert_eq!(day.long("not a tag"), "2026-03-04");
    }
}
