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

/// What a page's date line says ("Published: 13 April 2017, 8:30 AM",
/// "Updated May 12, 2017", "April 13, 2017").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateLine {
    Published(NaiveDate),
    Updated(NaiveDate),
}

/// Parse a short line that only gives the page's date (and maybe a time).
pub fn parse_date_line(line: &str) -> Option<DateLine> {
    let line = line.trim();
    if line.len() > 80 || line.split_whitespace().count() > 12 {
        return None;
    }
    let lower = line.to_ascii_lowercase();
    let (updated, rest) = [
        ("last updated", true),
        ("updated", true),
        ("first published", false),
        ("published", false),
        ("posted", false),
    ]
    .iter()
    .find_map(|(label, upd)| {
        lower
            .starts_with(label)
            .then(|| (*upd, &line[label.len()..]))
    })
    .unwrap_or((false, line));
    let rest = rest
        .trim_start_matches([':', ' '])
        .trim_start_matches("on ")
        .trim();
    // Everything must be date, time or zone words: no prose.
    let prose = rest.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| c == ',' || c == '.');
        w.chars().any(char::is_alphabetic)
            && month_number(w).is_none()
            && !matches!(
                w.to_ascii_lowercase().as_str(),
                "am" | "pm"
                    | "a.m"
                    | "p.m"
                    | "at"
                    | "gmt"
                    | "utc"
                    | "sgt"
                    | "est"
                    | "edt"
                    | "bst"
                    | "cet"
                    | "monday"
                    | "tuesday"
                    | "wednesday"
                    | "thursday"
                    | "friday"
                    | "saturday"
                    | "sunday"
                    | "mon"
                    | "tue"
                    | "wed"
                    | "thu"
                    | "fri"
                    | "sat"
                    | "sun"
            )
            && !(w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()))
    });
    if prose {
        return None;
    }
    let date = parse_date(rest)?;
    Some(if updated {
        DateLine::Updated(date)
    } else {
        DateLine::Published(date)
    })
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
    fn page_date_lines() {
        assert_eq!(
            parse_date_line("Published: 13 April 2017, 8:30 AM"),
            ymd(2017, 4, 13).map(DateLine::Published)
        );
        assert_eq!(
            parse_date_line("Updated May 12, 2017 5:12 pm SGT"),
            ymd(2017, 5, 12).map(DateLine::Updated)
        );
        assert_eq!(
            parse_date_line("Thursday, April 13, 2017"),
            ymd(2017, 4, 13).map(DateLine::Published)
        );
        assert_eq!(parse_date_line("Talks resumed on April 13, 2017"), None);
        assert_eq!(parse_date_line("The election of May 12, 2017"), None);
    }

    #[test]
    fn month_day_takes_the_year_before_when_in_the_future() {
        let reference = NaiveDate::from_ymd_opt(2017, 1, 3).expect("valid");
        assert_eq!(resolve_month_day(12, 30, reference), ymd(2016, 12, 30));
        assert_eq!(resolve_month_day(1, 2, reference), ymd(2017, 1, 2));
    }
}
