//! Print-edition notes at the foot of a page ("A version of this article
//! appeared in the print edition of The Straits Times on May 12, 2017, with
//! the headline …"), which give publisher and publication date.

use chrono::NaiveDate;
use once_cell::sync::Lazy;
use regex::Regex;

use super::dates::parse_written_date;

/// What a print-edition line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintEdition {
    pub publisher: Option<String>,
    pub date: Option<NaiveDate>,
    pub headline: Option<String>,
}

static PATTERNS: Lazy<Vec<(Regex, Option<&'static str>)>> = Lazy::new(|| {
    let date = r"(?P<date>(?:[A-Z][a-z]+,? )?[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8} \d{4})";
    vec![
        (
            format!(r"^A version of this (?:article|story) appeared in the print edition of (?P<pub>.+?) on {date}(?:,? with the headline:? (?P<headline>.+?))?\.?(?:\s+Subscribe)?\s*$"),
            None,
        ),
        (
            format!(r"^A version of this article appears in print on {date},? (?:(?:on|in) )?(?:Page|Section) .+? of the (?:New York|National) edition with the headline:? (?P<headline>.+?)\.?(?:\s+(?:Order Reprints|Subscribe).*)?$"),
            Some("The New York Times"),
        ),
        (
            format!(r"^This (?:article|story) (?:was first|first) (?:published|appeared) (?:in|on|by) (?P<pub>.+?) on {date}\.?\s*$"),
            None,
        ),
    ]
    .into_iter()
    .map(|(p, publisher)| (Regex::new(&p).expect("print edition pattern"), publisher))
    .collect()
});

/// Parse a print-edition line.
pub fn parse_print_edition(paragraph: &str) -> Option<PrintEdition> {
    let line = paragraph.trim();
    if !(line.starts_with("A version")
        || line.starts_with("This article")
        || line.starts_with("This story"))
    {
        return None;
    }
    PATTERNS.iter().find_map(|(re, fixed_publisher)| {
        let caps = re.captures(line)?;
        Some(PrintEdition {
            publisher: caps
                .name("pub")
                .map(|m| m.as_str().trim().to_string())
                .or_else(|| fixed_publisher.map(str::to_string)),
            date: caps
                .name("date")
                .and_then(|m| parse_written_date(m.as_str())),
            headline: caps.name("headline").map(|m| m.as_str().trim().to_string()),
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn straits_times_and_new_york_times_forms() {
        let p = parse_print_edition(
            "A version of this article appeared in the print edition of The Sunday Times on June 4, 2023, with the headline Ministers meet in Jakarta. Subscribe",
        )
        .expect("print edition");
        assert_eq!(p.publisher.as_deref(), Some("The Sunday Times"));
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2023, 6, 4));
        assert_eq!(p.headline.as_deref(), Some("Ministers meet in Jakarta"));
        let p = parse_print_edition(
            "A version of this article appears in print on March 3, 2021, Section A, Page 8 of the New York edition with the headline: Talks Stall.",
        )
        .expect("section-first nyt form");
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2021, 3, 3));
        let p = parse_print_edition(
            "A version of this article appears in print on March 3, 2021, on Page A8 of the New York edition with the headline: Talks Stall.",
        )
        .expect("nyt form");
        assert_eq!(p.publisher.as_deref(), Some("The New York Times"));
        assert_eq!(p.headline.as_deref(), Some("Talks Stall"));
    }
}
