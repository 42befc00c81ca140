//! Dates in dictionaries: our `YYYY[-MM[-DD]]..YYYY[-MM[-DD]]` ranges and
//! TABARI's `YYMMDD` / `YYYYMMDD` restrictions (`<d`, `>d`, `d-d`).

use chrono::{Datelike, NaiveDate};

/// An inclusive date range; an open end is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct DateRange {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
}

impl DateRange {
    /// True when `date` falls inside the range (both ends inclusive).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }

    /// True when the range has at least one end (a real restriction).
    pub fn is_restricted(&self) -> bool {
        self.from.is_some() || self.to.is_some()
    }

    /// Days between `date` and the nearest point of the range (0 inside).
    pub fn distance_days(&self, date: NaiveDate) -> i64 {
        if let Some(f) = self.from {
            if date < f {
                return (f - date).num_days();
            }
        }
        if let Some(t) = self.to {
            if date > t {
                return (date - t).num_days();
            }
        }
        0
    }

    /// Written back in our format (`2008-05-08..`).
    pub fn to_dyad(&self) -> String {
        let f = self.from.map(|d| d.to_string()).unwrap_or_default();
        let t = self.to.map(|d| d.to_string()).unwrap_or_default();
        format!("{f}..{t}")
    }
}

/// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; a partial date is the first day
/// of its period, or the last when `end` is true.
pub fn parse_partial(s: &str, end: bool) -> Option<NaiveDate> {
    let mut parts = s.split('-');
    let year: i32 = parts.next()?.parse().ok()?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let month: Option<u32> = match parts.next() {
        Some(m) => Some(m.parse().ok()?),
        None => None,
    };
    let day: Option<u32> = match parts.next() {
        Some(d) => Some(d.parse().ok()?),
        None => None,
    };
    if parts.next().is_some() {
        return None;
    }
    match (month, day) {
        (Some(m), Some(d)) => NaiveDate::from_ymd_opt(year, m, d),
        (Some(m), None) => {
            let first = NaiveDate::from_ymd_opt(year, m, 1)?;
            if end {
                last_of_month(first)
            } else {
                Some(first)
            }
        }
        _ => {
            if end {
                NaiveDate::from_ymd_opt(year, 12, 31)
            } else {
                NaiveDate::from_ymd_opt(year, 1, 1)
            }
        }
    }
}

fn last_of_month(first: NaiveDate) -> Option<NaiveDate> {
    let (y, m) = if first.month() == 12 {
        (first.year() + 1, 1)
    } else {
        (first.year(), first.month() + 1)
    };
    NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
}

/// Parse our range syntax `FROM..TO` (either side may be empty).
pub fn parse_range(s: &str) -> Option<DateRange> {
    let (a, b) = s.split_once("..")?;
    let from = if a.is_empty() {
        None
    } else {
        Some(parse_partial(a, false)?)
    };
    let to = if b.is_empty() {
        None
    } else {
        Some(parse_partial(b, true)?)
    };
    if let (Some(f), Some(t)) = (from, to) {
        if f > t {
            return None;
        }
    }
    Some(DateRange { from, to })
}

/// Parse a TABARI/PETRARCH date: `YYMMDD` (years 00–30 are 2000–2030, as in
/// TABARI 0.8.4 §6.5.2) or `YYYYMMDD`.
pub fn parse_tabari_date(s: &str) -> Option<NaiveDate> {
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (year, rest) = match s.len() {
        6 => {
            let yy: i32 = s.get(0..2)?.parse().ok()?;
            (if yy <= 30 { 2000 + yy } else { 1900 + yy }, s.get(2..)?)
        }
        8 => (s.get(0..4)?.parse().ok()?, s.get(4..)?),
        _ => return None,
    };
    let month: u32 = rest.get(0..2)?.parse().ok()?;
    let day: u32 = rest.get(2..4)?.parse().ok()?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Parse a TABARI restriction (`<d`, `>d`, `d-d`).
pub fn parse_tabari_restriction(s: &str) -> Option<DateRange> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix('<') {
        return Some(DateRange {
            from: None,
            to: Some(parse_tabari_date(rest.trim())?),
        });
    }
    if let Some(rest) = s.strip_prefix('>') {
        return Some(DateRange {
            from: Some(parse_tabari_date(rest.trim())?),
            to: None,
        });
    }
    let (a, b) = s.split_once('-')?;
    let from = parse_tabari_date(a.trim())?;
    let to = parse_tabari_date(b.trim())?;
    Some(DateRange {
        from: Some(from.min(to)),
        to: Some(from.max(to)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn our_ranges_fill_partial_dates() {
        let r = parse_range("2017-02..2018").expect("range");
        assert_eq!(r.from, Some(d(2017, 2, 1)));
        assert_eq!(r.to, Some(d(2018, 12, 31)));
        assert!(parse_range("2008-05-08..")
            .expect("open")
            .contains(d(2026, 1, 1)));
        assert!(parse_range("2018..2017").is_none());
        assert!(parse_range("2017-13..").is_none());
    }

    #[test]
    fn tabari_dates_use_the_2030_pivot() {
        assert_eq!(parse_tabari_date("080508"), Some(d(2008, 5, 8)));
        assert_eq!(parse_tabari_date("940922"), Some(d(1994, 9, 22)));
        assert_eq!(parse_tabari_date("20040309"), Some(d(2004, 3, 9)));
        let r = parse_tabari_restriction(">080508").expect("after");
        assert!(r.contains(d(2008, 5, 8)) && !r.contains(d(2008, 5, 7)));
        let r = parse_tabari_restriction("< 911231").expect("before");
        assert!(r.contains(d(1991, 12, 31)) && !r.contains(d(1992, 1, 1)));
        assert!(parse_tabari_restriction("19940922-20040712")
            .expect("between")
            .contains(d(2000, 1, 1)));
        assert!(parse_tabari_restriction("08x508").is_none());
    }
}
