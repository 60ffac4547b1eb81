//! Policy for new work: a document a locale could not have translated yet is held to its
//! bar with warnings, not errors, for `[check] grace-days`; and a file that does not exist
//! yet is reported with the command that creates it.
//!
//! Dates are calendar days counted from 1970-01-01 (`i64`), read from `YYYY-MM-DD` or the
//! date part of an RFC 3339 timestamp (its time and offset are ignored: a day of grace
//! more or less is not worth a time zone database). No date crate: the conversion is
//! Howard Hinnant's `days_from_civil` and its inverse, unit-tested below.

/// Why a (document, locale) is new work, within its grace.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewWork {
    /// The document's `date` is less than `grace-days` old: grace until the day given.
    Dated {
        /// The first day the document is held to its bar.
        until: i64,
    },
    /// The document has no `date` and the locale has not started it (no file, no record).
    NotStarted,
}

/// Whether a document dated `date` (days; `None` when undated or unreadable) is new work
/// in a locale on `today`, with `grace_days` of grace (0: never). `started`: the locale
/// has a translation file or a record for it.
///
/// A dated document has grace in every locale until `date + grace_days`, then none, in
/// every locale: the date bounds it. An undated one has grace only where no one has
/// started it: nothing bounds that but starting (`folio sync`) or adding a `date`.
pub fn new_work(grace_days: u32, today: i64, date: Option<i64>, started: bool) -> Option<NewWork> {
    if grace_days == 0 {
        return None;
    }
    match date {
        Some(date) => {
            let until = date + i64::from(grace_days);
            (today < until).then_some(NewWork::Dated { until })
        }
        None => (!started).then_some(NewWork::NotStarted),
    }
}

impl NewWork {
    /// The clause a coverage finding under grace ends with.
    pub fn clause(self, locale: &str) -> String {
        match self {
            NewWork::Dated { until } => format!(
                "new work: a warning until {} (`[check] grace-days`)",
                format_date(until)
            ),
            NewWork::NotStarted => format!(
                "new work: a warning while `{locale}` has not started it (`[check] grace-days`)"
            ),
        }
    }
}

/// The next step for a locale with no translation file for a document.
pub fn no_file_yet(locale: &str) -> String {
    format!("there is no file yet: `folio sync {locale}` creates it")
}

/// The day `text` names: `YYYY-MM-DD`, alone or starting an RFC 3339 timestamp
/// (`2026-11-28T09:00:00Z`, `2026-11-28 09:00:00+01:00`); `None` for anything else.
pub fn parse_date(text: &str) -> Option<i64> {
    let text = text.trim();
    let (date, rest) = text.split_at_checked(10)?;
    if !(rest.is_empty() || rest.starts_with(['T', 't', ' '])) {
        return None;
    }
    let bytes = date.as_bytes();
    if bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let part = &date[range];
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month)
        .contains(&day)
        .then(|| days_from_civil(year, month, day))
}

/// `days` since 1970-01-01 as `YYYY-MM-DD`.
pub fn format_date(days: i64) -> String {
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_days_since_the_epoch_both_ways() {
        assert_eq!(parse_date("1970-01-01"), Some(0));
        assert_eq!(parse_date("2000-03-01"), Some(11_017));
        assert_eq!(parse_date("2026-11-28"), Some(20_785));
        for days in (0..2_900_000).step_by(7) {
            assert_eq!(parse_date(&format_date(days)), Some(days), "{days}");
        }
        assert_eq!(
            parse_date("2024-02-29"),
            parse_date("2024-02-28").map(|d| d + 1)
        );
    }

    #[test]
    fn rfc_3339_timestamps_give_their_day_and_nonsense_none() {
        assert_eq!(
            parse_date("2026-11-28T23:59:59+05:00"),
            parse_date("2026-11-28")
        );
        assert_eq!(parse_date("2026-11-28 08:00:00Z"), parse_date("2026-11-28"));
        for bad in [
            "",
            "2026-11",
            "2026-13-01",
            "2026-02-29",
            "2026-11-31",
            "26-11-28xx",
            "2026/11/28",
            "2026-11-28x",
            "+026-11-28",
            "2026-1a-28",
            "next week",
        ] {
            assert_eq!(parse_date(bad), None, "{bad}");
        }
    }

    #[test]
    fn grace_runs_from_the_date_or_until_a_locale_starts() {
        let day = parse_date("2026-11-20").unwrap();
        let until = NewWork::Dated { until: day + 14 };
        assert_eq!(new_work(14, day, Some(day), true), Some(until));
        assert_eq!(new_work(14, day + 13, Some(day), false), Some(until));
        assert_eq!(new_work(14, day + 14, Some(day), false), None);
        // A date in the future is new work too.
        assert_eq!(new_work(14, day - 3, Some(day), true), Some(until));
        assert_eq!(new_work(14, day, None, false), Some(NewWork::NotStarted));
        assert_eq!(new_work(14, day, None, true), None);
        // Off.
        assert_eq!(new_work(0, day, Some(day), false), None);
        assert_eq!(new_work(0, day, None, false), None);
        assert_eq!(
            until.clause("es"),
            "new work: a warning until 2026-12-04 (`[check] grace-days`)"
        );
    }

    #[test]
    fn a_missing_file_names_the_command_that_creates_it() {
        assert_eq!(
            no_file_yet("pt-BR"),
            "there is no file yet: `folio sync pt-BR` creates it"
        );
    }
}
