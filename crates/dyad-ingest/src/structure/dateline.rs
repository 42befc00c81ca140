//! Datelines that open wire stories: `MOSCOW •`, `MOSCOW (AP) —`,
//! `NEW YORK, Feb 26 -`, `WASHINGTON (Reuters) -`, `PORTLAND, Ore., Feb 26 -`,
//! `NEW DELHI:`. They give the place, sometimes the agency and the day.

use chrono::NaiveDate;
use dyad_core::Dateline;
use once_cell::sync::Lazy;
use regex::Regex;

use super::dates::{month_number, resolve_month_day};

/// Uppercase place: `MOSCOW`, `NEW YORK`, `RIO DE JANEIRO`, `ST. PETERSBURG`,
/// optionally followed by up to two qualifiers (`, Ore.`, `, British Columbia`).
const UPPER_PLACE: &str = r"[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,4}(?:,[ ]+[A-Z][A-Za-z'’.\-]*(?:[ ][A-Z][A-Za-z'’.\-]*){0,2}){0,2}";
/// Title-case place, only accepted when a date or agency follows (`Toronto, Feb 26 -`).
const TITLE_PLACE: &str = r"[A-Z][a-z'’.\-]+(?:[ ][A-Z][a-z'’.\-]+){0,3}(?:,[ ]+[A-Z][A-Za-z'’.\-]*(?:[ ][A-Z][A-Za-z'’.\-]*){0,2}){0,2}";
const AGENCY: &str = r"\((?P<agency>[A-Z][A-Za-z .&'\-]{0,40})\)";
const DATE: &str = r"(?i:(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?)[ ]+(?P<day>\d{1,2})(?:,?[ ]+(?P<year>\d{4}))?";
/// A dash, bullet or bar with a space after it ("FARMER-OWNED" is no dateline), or a colon.
const SEPARATOR: &str = r"(?:[ ]*(?:--|[-–—•|:])(?:[ ]+|$)|[ ]*[•|])";

static UPPER_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{UPPER_PLACE})[ ]*(?:{AGENCY})?(?:,?[ ]*{DATE})?[ ]*(?:\((?P<agency2>[A-Z][A-Za-z .&'\-]{{0,40}})\))?(?P<sep>{SEPARATOR})"
    ))
    .expect("dateline pattern")
});

static TITLE_RE: Lazy<Regex> = Lazy::new(|| {
    Regex::new(&format!(
        r"^(?P<place>{TITLE_PLACE})[ ]*(?:{AGENCY})?(?:,?[ ]*{DATE})?[ ]*(?:\((?P<agency2>[A-Z][A-Za-z .&'\-]{{0,40}})\))?(?P<sep>{SEPARATOR})"
    ))
    .expect("dateline pattern")
});

/// Words in capitals that open a paragraph but are not places.
const NOT_PLACES: &[&str] = &[
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "EXCLUSIVE",
    "WATCH",
    "PHOTO",
    "PHOTOS",
    "VIDEO",
    "ANALYSIS",
    "OPINION",
    "EDITORIAL",
    "CORRECTION",
    "NOTE",
    "EDITOR'S NOTE",
    "LIVE",
    "READ",
    "ALSO READ",
    "SEE",
    "FILE",
    "UPDATE 1",
    "UPDATE 2",
    "REFILE",
    "WRAPUP",
    "FACTBOX",
    "TIMELINE",
    "Q",
    "A",
];

/// A dateline found at the start of a paragraph, and where the story text begins.
#[derive(Debug, Clone, PartialEq)]
pub struct FoundDateline {
    pub dateline: Dateline,
    /// Byte offset in the paragraph where the text after the dateline starts.
    pub body_start: usize,
}

/// Look for a dateline at the start of `paragraph`. `reference` resolves a
/// month-day without a year.
pub fn find_dateline(paragraph: &str, reference: Option<NaiveDate>) -> Option<FoundDateline> {
    let head_end = floor_char_boundary(paragraph, 160);
    let head = &paragraph[..head_end];
    if !could_be_dateline(head) {
        return None;
    }
    let caps = UPPER_RE.captures(head).or_else(|| {
        // A title-case place needs a date or an agency to be a dateline.
        TITLE_RE.captures(head).filter(|c| {
            c.name("day").is_some() || c.name("agency").is_some() || c.name("agency2").is_some()
        })
    })?;
    let place_match = caps.name("place")?;
    let sep = caps.name("sep")?;
    let place = place_match
        .as_str()
        .trim()
        .trim_end_matches(',')
        .to_string();
    if NOT_PLACES.contains(&place.as_str()) || place.len() < 2 {
        return None;
    }
    let rest = &paragraph[sep.end()..];
    // A dateline alone on its line (the story starts in the next paragraph)
    // must carry a date or an agency.
    if rest.trim().is_empty() {
        let dated = caps.name("day").is_some()
            || caps.name("agency").is_some()
            || caps.name("agency2").is_some();
        return dated.then(|| {
            dateline_from(
                paragraph,
                &caps,
                place,
                reference,
                sep.start(),
                paragraph.len(),
            )
        });
    }
    // The story goes on in the same paragraph, in running text (a headline
    // such as "ECONOMIC SPOTLIGHT - BANKAMERICA" does not).
    if !rest.chars().any(char::is_lowercase) {
        return None;
    }
    // The story's first word; after a dated dateline anything goes (wire copy
    // is sometimes all lower case).
    let first_after = rest.chars().next()?;
    let dated = caps.name("day").is_some();
    if !(dated
        || first_after.is_uppercase()
        || first_after.is_ascii_digit()
        || "\"“‘'(<[".contains(first_after))
    {
        return None;
    }
    Some(dateline_from(
        paragraph,
        &caps,
        place,
        reference,
        sep.start(),
        sep.end(),
    ))
}

fn dateline_from(
    paragraph: &str,
    caps: &regex::Captures<'_>,
    place: String,
    reference: Option<NaiveDate>,
    text_end: usize,
    body_start: usize,
) -> FoundDateline {
    let agency = caps
        .name("agency")
        .or_else(|| caps.name("agency2"))
        .map(|m| m.as_str().trim().to_string());
    let date_text = caps
        .name("month")
        .filter(|_| caps.name("day").is_some())
        .map(|m| {
            let end = caps
                .name("year")
                .or_else(|| caps.name("day"))
                .map_or(m.end(), |x| x.end());
            paragraph[m.start()..end].to_string()
        });
    let date = match (caps.name("month"), caps.name("day")) {
        (Some(m), Some(d)) => {
            let month = month_number(m.as_str());
            let day = d.as_str().parse::<u32>().ok();
            let year = caps
                .name("year")
                .and_then(|y| y.as_str().parse::<i32>().ok());
            match (month, day, year, reference) {
                (Some(mo), Some(da), Some(y), _) => NaiveDate::from_ymd_opt(y, mo, da),
                (Some(mo), Some(da), None, Some(r)) => resolve_month_day(mo, da, r),
                _ => None,
            }
        }
        _ => None,
    };
    FoundDateline {
        dateline: Dateline {
            text: paragraph[..text_end].trim().to_string(),
            location: place,
            date_text,
            date,
            agency,
        },
        body_start,
    }
}

/// A cheap test before the regular expressions: the head opens with a
/// capital, has a separator, and before it either a first word in capitals
/// or an agency/date marker ("(" or a digit).
fn could_be_dateline(head: &str) -> bool {
    if !head.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let Some(sep) = head.find(['-', ':', '|', '–', '—', '•']) else {
        return false;
    };
    let before = &head[..sep];
    let first_word = before.split([' ', ',']).next().unwrap_or("");
    !first_word.chars().any(char::is_lowercase)
        || before.contains('(')
        || before.bytes().any(|b| b.is_ascii_digit())
}

/// The largest char boundary not above `index`.
fn floor_char_boundary(s: &str, index: usize) -> usize {
    if index >= s.len() {
        return s.len();
    }
    let mut i = index;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(p: &str) -> Option<String> {
        find_dateline(p, None).map(|f| f.dateline.location)
    }

    #[test]
    fn common_forms() {
        assert_eq!(place("MOSCOW • The Kremlin said"), Some("MOSCOW".into()));
        let ap = find_dateline("MOSCOW (AP) — Russia's foreign minister", None).expect("dateline");
        assert_eq!(ap.dateline.location, "MOSCOW");
        assert_eq!(ap.dateline.agency.as_deref(), Some("AP"));
        let ny = find_dateline(
            "NEW YORK, Feb 26 - Stocks rose",
            NaiveDate::from_ymd_opt(1987, 2, 26),
        )
        .expect("dateline");
        assert_eq!(ny.dateline.location, "NEW YORK");
        assert_eq!(ny.dateline.date_text.as_deref(), Some("Feb 26"));
        assert_eq!(ny.dateline.date, NaiveDate::from_ymd_opt(1987, 2, 26));
        let wr = find_dateline("WASHINGTON (Reuters) - The Senate voted", None).expect("dateline");
        assert_eq!(wr.dateline.agency.as_deref(), Some("Reuters"));
        assert_eq!(
            &"WASHINGTON (Reuters) - The Senate voted"[wr.body_start..],
            "The Senate voted"
        );
        assert_eq!(
            place("PORTLAND, Ore., Feb 26 - Shares"),
            Some("PORTLAND, Ore.".into())
        );
        assert_eq!(place("Toronto, Feb 26 - Shares"), Some("Toronto".into()));
        assert_eq!(
            place("NEW DELHI: The government said"),
            Some("NEW DELHI".into())
        );
    }

    #[test]
    fn ordinary_openings_are_not_datelines() {
        assert_eq!(place("The Kremlin said it was too early."), None);
        assert_eq!(place("UPDATE: The vote was delayed."), None);
        assert_eq!(place("Moscow - a city of 12 million - said"), None);
        assert_eq!(place("NATO - the alliance"), None);
    }
}
