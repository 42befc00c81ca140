//! Calendar dates as news pages write them: ISO, RFC 2822, "May 12, 2017",
//! "12 May 2017", and month-day pairs ("Feb 26") resolved against a year.

use chrono::{DateTime, Datelike, NaiveDate};

/// Month number (1–12) of an English month name or abbreviation ("Sept.").
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    if w.len() < 3 {
        return None;
    }
    if w == "sept" {
        return Some(9);
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(&w) && (w.len() == 3 || w.len() == m.len() || w.len() == 4))
        .map(|i| i as u32 + 1)
}

/// Parse a publication date in any common form; the time of day is dropped.
pub fn parse_date(input: &str) -> Option<NaiveDate> {
    let s = input.trim();
    if s.is_empty() {
        return None;
    }
    if let Some(head) = s.get(..10) {
        if let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d") {
            return Some(d);
        }
    }
    if let Ok(dt) = DateTime::parse_from_rfc2822(s) {
        return Some(dt.date_naive());
    }
    parse_written_date(s)
}

/// "May 12, 2017", "12 May 2017", "Friday, May 12, 2017", "May 12 2017".
pub fn parse_written_date(s: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let Some(month) = month_number(w) else {
            continue;
        };
        let day_after = words.get(i + 1).and_then(|d| parse_day(d));
        let day_before = i
            .checked_sub(1)
            .and_then(|j| words.get(j))
            .and_then(|d| parse_day(d));
        let (day, year_word) = match (day_after, day_before) {
            (Some(d), _) => (d, words.get(i + 2)),
            (None, Some(d)) => (d, words.get(i + 1)),
            _ => continue,
        };
        let year = year_word
            .and_then(|y| y.parse::<i32>().ok())
            .filter(|y| (1800..=2200).contains(y))?;
        return NaiveDate::from_ymd_opt(year, month, day);
    }
    None
}

fn parse_day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.');
    digits.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
}

/// Resolve a month and day without a year against a reference date: the
/// latest such date not more than a few days after the reference (a
/// dateline names the day the story was filed).
pub fn resolve_month_day(month: u32, day: u32, reference: NaiveDate) -> Option<NaiveDate> {
    let this_year = NaiveDate::from_ymd_opt(reference.year(), month, day)?;
    if (this_year - reference).num_days() > 7 {
        NaiveDate::from_ymd_opt(reference.year() - 1, month, day)
    } else {
        Some(this_year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn common_forms() {
        assert_eq!(parse_date("2017-05-12"), ymd(2017, 5, 12));
        assert_eq!(parse_date("2017-05-12T08:30:00+08:00"), ymd(2017, 5, 12));
        assert_eq!(
            parse_date("Fri, 12 May 2017 08:30:00 +0800"),
            ymd(2017, 5, 12)
        );
        assert_eq!(parse_date("May 12, 2017"), ymd(2017, 5, 12));
        assert_eq!(parse_date("12 May 2017"), ymd(2017, 5, 12));
        assert_eq!(parse_date("Friday, Sept. 8, 2017"), ymd(2017, 9, 8));
        assert_eq!(parse_date("May 2017"), None);
        assert_eq!(parse_date("soon"), None);
    }

    #[test]
    fn month_day_takes_the_year_before_when_in_the_future() {
        let reference = NaiveDate::from_ymd_opt(2017, 1, 3).expect("valid");
        assert_eq!(resolve_month_day(12, 30, reference), ymd(2016, 12, 30));
        assert_eq!(resolve_month_day(1, 2, reference), ymd(2017, 1, 2));
    }
}
