//! Calendar values at a granularity (day, week, month, quarter, year…), their
//! TIMEX3 spelling, and arithmetic on them with chrono.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use crate::lexicon::Unit;

/// A calendar value at some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Val {
    Day(NaiveDate),
    Week(NaiveDate),
    Weekend(NaiveDate),
    Month(i32, u32),
    Quarter(i32, u32),
    Half(i32, u32),
    Season(i32, &'static str),
    Year(i32),
    Decade(i32),
    Century(i32),
}

impl Val {
    /// TIMEX3 value string.
    pub fn format(&self) -> String {
        match *self {
            Val::Day(d) => d.format("%Y-%m-%d").to_string(),
            Val::Week(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}", w.year(), w.week())
            }
            Val::Weekend(d) => {
                let w = d.iso_week();
                format!("{:04}-W{:02}-WE", w.year(), w.week())
            }
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Half(y, h) => format!("{y:04}-H{h}"),
            Val::Season(y, s) => format!("{y:04}-{s}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Decade(d) => format!("{d:03}"),
            Val::Century(c) => format!("{c:02}"),
        }
    }

    /// A date inside the value (its first day).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Val::Day(d) | Val::Week(d) | Val::Weekend(d) => Some(d),
            Val::Month(y, m) => NaiveDate::from_ymd_opt(y, m, 1),
            Val::Quarter(y, q) => NaiveDate::from_ymd_opt(y, q.saturating_sub(1) * 3 + 1, 1),
            Val::Half(y, h) => NaiveDate::from_ymd_opt(y, h.saturating_sub(1) * 6 + 1, 1),
            Val::Season(y, _) | Val::Year(y) => NaiveDate::from_ymd_opt(y, 1, 1),
            Val::Decade(d) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Val::Century(c) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
        }
    }

    /// Shift by `n` units, keeping this value's granularity when the unit is
    /// at least as coarse; a finer unit on a coarse value gives `None`.
    pub fn shift(&self, unit: Unit, n: i64) -> Option<Val> {
        let months = match unit {
            Unit::Year => Some(12 * n),
            Unit::Quarter => Some(3 * n),
            Unit::Month => Some(n),
            Unit::Decade => Some(120 * n),
            Unit::Century => Some(1200 * n),
            _ => None,
        };
        let days = match unit {
            Unit::Day => Some(n),
            Unit::Week | Unit::Weekend => Some(7 * n),
            _ => None,
        };
        match *self {
            Val::Day(d) => Some(Val::Day(match (months, days) {
                (Some(m), _) => add_months(d, m)?,
                (_, Some(k)) => add_days(d, k)?,
                _ => return None,
            })),
            Val::Week(d) | Val::Weekend(d) => {
                let moved = match (months, days) {
                    (Some(m), _) => add_months(d, m)?,
                    (_, Some(k)) => add_days(d, k)?,
                    _ => return None,
                };
                Some(if matches!(self, Val::Week(_)) {
                    Val::Week(moved)
                } else {
                    Val::Weekend(moved)
                })
            }
            Val::Month(y, m) => {
                let total = i64::from(y) * 12 + i64::from(m) - 1 + months?;
                Some(Val::Month(
                    total.div_euclid(12) as i32,
                    total.rem_euclid(12) as u32 + 1,
                ))
            }
            Val::Quarter(y, q) => {
                let total = i64::from(y) * 4 + i64::from(q) - 1 + months? / 3;
                Some(Val::Quarter(
                    total.div_euclid(4) as i32,
                    total.rem_euclid(4) as u32 + 1,
                ))
            }
            Val::Half(y, h) => {
                let total = i64::from(y) * 2 + i64::from(h) - 1 + months? / 6;
                Some(Val::Half(
                    total.div_euclid(2) as i32,
                    total.rem_euclid(2) as u32 + 1,
                ))
            }
            Val::Season(y, s) => Some(Val::Season(y + (months? / 12) as i32, s)),
            Val::Year(y) => Some(Val::Year(y + (months? / 12) as i32)),
            Val::Decade(d) => Some(Val::Decade(d + (months? / 120) as i32)),
            Val::Century(c) => Some(Val::Century(c + (months? / 1200) as i32)),
        }
    }
}

/// The value of `unit` that contains `date` ("this week", "this year").
pub fn containing(date: NaiveDate, unit: Unit) -> Option<Val> {
    Some(match unit {
        Unit::Day => Val::Day(date),
        Unit::Week => Val::Week(date),
        Unit::Weekend => Val::Weekend(date),
        Unit::Month => Val::Month(date.year(), date.month()),
        Unit::Quarter => Val::Quarter(date.year(), quarter_of(date)),
        Unit::Year => Val::Year(date.year()),
        Unit::Decade => Val::Decade(date.year().div_euclid(10)),
        Unit::Century => Val::Century(date.year().div_euclid(100)),
        Unit::Hour | Unit::Minute | Unit::Second => return None,
    })
}

/// Quarter (1–4) of a date.
pub fn quarter_of(date: NaiveDate) -> u32 {
    (date.month() - 1) / 3 + 1
}

pub fn add_days(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

pub fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

/// Weekday number 1 (Monday) … 7 (Sunday).
pub fn weekday_num(d: NaiveDate) -> u32 {
    d.weekday().number_from_monday()
}

/// Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// The `n`-th given weekday of a month (US Thanksgiving: 4th Thursday of November).
pub fn nth_weekday(year: i32, month: u32, wd: Weekday, n: u8) -> Option<NaiveDate> {
    NaiveDate::from_weekday_of_month_opt(year, month, wd, n)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
    }

    #[test]
    fn formats_and_shifts() {
        let dct = d(2017, 5, 12);
        assert_eq!(
            containing(dct, Unit::Week).map(|v| v.format()),
            Some("2017-W19".into())
        );
        let m = containing(dct, Unit::Month).and_then(|v| v.shift(Unit::Month, -5));
        assert_eq!(m.map(|v| v.format()), Some("2016-12".into()));
        let q = Val::Quarter(1989, 3).shift(Unit::Year, -1);
        assert_eq!(q.map(|v| v.format()), Some("1988-Q3".into()));
        assert_eq!(Val::Decade(199).format(), "199");
        assert_eq!(Val::Month(2017, 4).shift(Unit::Day, 1), None);
    }

    #[test]
    fn holidays() {
        assert_eq!(easter(2017), Some(d(2017, 4, 16)));
        assert_eq!(
            nth_weekday(1998, 11, Weekday::Thu, 4),
            Some(d(1998, 11, 26))
        );
    }
}
