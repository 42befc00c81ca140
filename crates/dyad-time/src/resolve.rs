//! Normalisation: a recognised [`Sem`] becomes a TIMEX3 type and value,
//! resolved against the reference date with news-aware direction (bare
//! weekdays and months lean to the past unless the clause points ahead), and
//! anaphoric expressions ("a year earlier", "the next day") against the
//! previous dated expression.

use chrono::{Datelike, NaiveDate, Weekday};
use dyad_core::TimexType;

use crate::calendar::{self, add_days, containing, quarter_of, weekday_num, Val};
use crate::grammar::{duration_value, Amount, From, Sem};
use crate::lexicon::{Holiday, Unit};

/// Which way the clause around an expression points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
}

/// What an expression is resolved against.
#[derive(Debug, Clone, Copy)]
pub struct Ctx {
    pub dct: NaiveDate,
    pub tense: Tense,
    /// The previous dated expression in the document.
    pub prev: Option<Val>,
    /// The dated expression right after "after"/"before", if any.
    pub next: Option<Val>,
    /// The latest quarter named in the document (financial reports compare
    /// it with "a year ago").
    pub quarter: Option<Val>,
    /// A stretch of six or more months was named earlier in the sentence.
    pub period: bool,
}

/// A resolved expression.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub kind: TimexType,
    pub value: String,
    pub anchor: Option<String>,
    /// The calendar value, for later anaphora.
    pub val: Option<Val>,
}

fn date(val: Val, anchor: Option<String>) -> Resolved {
    Resolved {
        kind: TimexType::Date,
        value: val.format(),
        anchor,
        val: Some(val),
    }
}

fn plain(kind: TimexType, value: String) -> Resolved {
    Resolved {
        kind,
        value,
        anchor: None,
        val: None,
    }
}

fn dct_anchor(ctx: &Ctx) -> Option<String> {
    Some(ctx.dct.format("%Y-%m-%d").to_string())
}

/// Resolve one expression.
pub fn resolve(sem: &Sem, ctx: &Ctx) -> Option<Resolved> {
    let dct = ctx.dct;
    let rel = || dct_anchor(ctx);
    Some(match sem {
        Sem::Date {
            y: Some(y), m, d, ..
        } => match d {
            Some(d) => date(Val::Day(NaiveDate::from_ymd_opt(*y, *m, *d)?), None),
            None => date(Val::Month(*y, *m), None),
        },
        Sem::Date { y: None, m, d, dir } => {
            let year = month_year(dct, *m, *d, *dir, ctx.tense);
            match d {
                Some(d) => date(Val::Day(NaiveDate::from_ymd_opt(year, *m, *d)?), rel()),
                None => date(Val::Month(year, *m), rel()),
            }
        }
        Sem::MonthOfYear { m, rel_year } => {
            date(Val::Month(dct.year() + *rel_year as i32, *m), rel())
        }
        Sem::Year(y) => date(Val::Year(*y), None),
        Sem::Decade(d) => date(Val::Decade(*d), None),
        Sem::Century(c) => date(Val::Century(*c), None),
        Sem::Weekday { wd, dir } => {
            let cur = weekday_num(dct) as i64;
            let wd = i64::from(*wd);
            let offset = match dir {
                None if ctx.tense == Tense::Future => (wd - cur).rem_euclid(7),
                None => -(cur - wd).rem_euclid(7),
                Some(d) if *d < 0 => -((cur - wd - 1).rem_euclid(7) + 1),
                Some(d) if *d > 0 => (wd - cur - 1).rem_euclid(7) + 1,
                Some(_) => wd - cur,
            };
            date(Val::Day(add_days(dct, offset)?), rel())
        }
        Sem::RelDay(n) => date(Val::Day(add_days(dct, *n)?), rel()),
        Sem::RelUnit {
            unit: Unit::Quarter,
            n: 0,
        } if ctx.quarter.is_some() => date(ctx.quarter?, rel()),
        Sem::RelUnit { unit, n } => {
            let mut n = *n;
            if *unit == Unit::Weekend && n == 0 && ctx.tense != Tense::Future {
                let wd = dct.weekday();
                if wd != Weekday::Sat && wd != Weekday::Sun {
                    n = -1;
                }
            }
            let base = containing(dct, *unit)?;
            date(base.shift(*unit, n)?, rel())
        }
        Sem::Shift {
            unit,
            amount,
            sign,
            from,
        } => shift(*unit, *amount, *sign, *from, ctx)?,
        Sem::Duration { unit, amount } => {
            plain(TimexType::Duration, duration_value(*unit, *amount))
        }
        Sem::Quarter { q, y, rel_year } => {
            let val = match (q, y, rel_year) {
                (Some(q), Some(y), _) => Val::Quarter(*y, *q),
                (Some(q), None, Some(r)) => Val::Quarter(dct.year() + *r as i32, *q),
                (Some(q), None, None) => {
                    let cq = quarter_of(dct);
                    let year = match ctx.prev {
                        _ if *q > cq && ctx.tense != Tense::Future => dct.year() - 1,
                        _ => dct.year(),
                    };
                    Val::Quarter(year, *q)
                }
                // "the quarter", "the 1988 period", "last year's quarter": the
                // quarter the report is about, in the year said.
                (None, y, r) => {
                    let base = match ctx.quarter.or(ctx.prev) {
                        Some(v @ Val::Quarter(..)) => Some(v),
                        _ => None,
                    };
                    let year = y.or(r.map(|r| dct.year() + r as i32));
                    match (base, year) {
                        (Some(Val::Quarter(_, q)), Some(year)) => Val::Quarter(year, q),
                        (None, Some(year)) => Val::Year(year),
                        (Some(v), None) => v,
                        _ => containing(dct, Unit::Quarter)?.shift(Unit::Quarter, -1)?,
                    }
                }
            };
            date(val, rel())
        }
        Sem::YearAgo => {
            let val = match ctx.quarter.or(ctx.prev) {
                Some(v) if ctx.period => Val::Year(v.first_day()?.year() - 1),
                Some(v @ (Val::Quarter(..) | Val::Half(..) | Val::Month(..) | Val::Year(..))) => {
                    v.shift(Unit::Year, -1)?
                }
                _ => Val::Year(dct.year() - 1),
            };
            date(val, rel())
        }
        Sem::Half { h, y } => date(Val::Half(y.unwrap_or(dct.year()), *h), rel()),
        Sem::Season { s, dir, y } => {
            let year = match (y, dir) {
                (Some(y), _) => *y,
                // "last fall": the previous year's (TimeBank reads it so even
                // when this year's fall is over).
                // "this past spring": this year's once it has begun.
                (None, Some(-2)) if dct.month() >= season_start(s) => dct.year(),
                (None, Some(d)) if *d < 0 => dct.year() - 1,
                (None, Some(d)) if *d > 0 => {
                    if dct.month() < season_start(s) {
                        dct.year()
                    } else {
                        dct.year() + 1
                    }
                }
                _ => dct.year(),
            };
            date(
                Val::Season(year, s),
                y.is_none().then(|| dct.format("%Y-%m-%d").to_string()),
            )
        }
        Sem::Holiday { h, y } => {
            let day = |year: i32| holiday_date(*h, year);
            let val = match y {
                Some(y) => day(*y)?,
                None => {
                    let this = day(dct.year())?;
                    if this > dct && ctx.tense != Tense::Future {
                        day(dct.year() - 1)?
                    } else if this < dct && ctx.tense == Tense::Future {
                        day(dct.year() + 1)?
                    } else {
                        this
                    }
                }
            };
            date(Val::Day(val), y.is_none().then(rel).flatten())
        }
        Sem::Ref(r) => plain(TimexType::Date, (*r).to_string()),
        Sem::Set(v) => plain(TimexType::Set, v.clone()),
        Sem::Anaphor(n) => {
            let (base, anchor) = match ctx.prev {
                Some(Val::Day(d)) => (d, d.format("%Y-%m-%d").to_string()),
                _ => (dct, dct.format("%Y-%m-%d").to_string()),
            };
            date(Val::Day(add_days(base, *n)?), Some(anchor))
        }
        Sem::PrevWeekday(wd) => {
            let (base, anchor) = match ctx.prev {
                Some(Val::Day(d)) => (d, d.format("%Y-%m-%d").to_string()),
                _ => (dct, dct.format("%Y-%m-%d").to_string()),
            };
            let cur = weekday_num(base) as i64;
            let offset = -((cur - i64::from(*wd) - 1).rem_euclid(7) + 1);
            date(Val::Day(add_days(base, offset)?), Some(anchor))
        }
        Sem::WeekOf(day) => {
            let r = resolve(day, ctx)?;
            match r.val {
                Some(Val::Day(d)) => date(Val::Week(d), r.anchor),
                _ => r,
            }
        }
        Sem::Clock { h, m, day } => {
            let (d, anchor) = day_of(day.as_deref(), ctx)?;
            Resolved {
                // A clock time is a TIME, with or without its day ("10 p.m.
                // Wednesday"), as the TimeML guidelines say.
                kind: TimexType::Time,
                value: format!("{}T{h:02}:{m:02}", d.format("%Y-%m-%d")),
                anchor,
                val: Some(Val::Day(d)),
            }
        }
        Sem::PartOfDay { pod, day } => {
            let (d, anchor) = day_of(Some(day), ctx)?;
            // TimeBank dates "Friday night", "Friday morning", "the next
            // morning" by their day (a DATE) and keeps the part of day for
            // "this morning" and "Friday evening"/"afternoon" (a TIME).
            let day_only = match **day {
                Sem::Weekday { .. } => matches!(*pod, "MO" | "NI"),
                Sem::Anaphor(_) => true,
                _ => false,
            };
            if day_only {
                return Some(date(Val::Day(d), anchor));
            }
            Resolved {
                kind: TimexType::Time,
                value: format!("{}T{pod}", d.format("%Y-%m-%d")),
                anchor,
                val: Some(Val::Day(d)),
            }
        }
    })
}

/// The day a clock time or part of day falls on.
fn day_of(day: Option<&Sem>, ctx: &Ctx) -> Option<(NaiveDate, Option<String>)> {
    match day {
        // A clock time without a day belongs to the day last talked about.
        None => match ctx.prev {
            Some(Val::Day(d)) => Some((d, Some(d.format("%Y-%m-%d").to_string()))),
            _ => Some((ctx.dct, dct_anchor(ctx))),
        },
        Some(sem) => {
            let r = resolve(sem, ctx)?;
            match r.val {
                Some(Val::Day(d)) => Some((d, r.anchor)),
                _ => None,
            }
        }
    }
}

fn season_start(s: &str) -> u32 {
    match s {
        "SP" => 3,
        "SU" => 6,
        "FA" => 9,
        _ => 12,
    }
}

fn holiday_date(h: Holiday, year: i32) -> Option<NaiveDate> {
    match h {
        Holiday::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
        Holiday::Easter => calendar::easter(year),
        Holiday::Thanksgiving => calendar::nth_weekday(year, 11, Weekday::Thu, 4),
        Holiday::Election => {
            let monday = calendar::nth_weekday(year, 11, Weekday::Mon, 1)?;
            add_days(monday, 1)
        }
    }
}

/// The year of a month (and day) written without one.
fn month_year(dct: NaiveDate, m: u32, d: Option<u32>, dir: Option<i32>, tense: Tense) -> i32 {
    let y = dct.year();
    // With a day, "last Oct. 23" compares days; without, months.
    let here = (dct.month(), d.map_or(0, |_| dct.day()));
    let there = (m, d.unwrap_or(0));
    match dir {
        Some(0) => y,
        Some(k) if k < 0 => {
            if there < here {
                y
            } else {
                y - 1
            }
        }
        Some(_) => {
            if there > here {
                y
            } else {
                y + 1
            }
        }
        None => {
            // Months from the reference month: news mostly looks back up to
            // eight months and ahead up to four, unless the tense says otherwise.
            let o = i64::from(m) - i64::from(dct.month());
            match (tense, d.is_some()) {
                (Tense::Future, false) => y + i32::from(o < 0),
                (Tense::Future, true) => y + i32::from(o < -2),
                (Tense::Past, true) => y - i32::from(o > 2),
                _ => {
                    if o > 4 {
                        y - 1
                    } else if o < -8 {
                        y + 1
                    } else {
                        y
                    }
                }
            }
        }
    }
}

fn shift(unit: Unit, amount: Amount, sign: i64, from: From, ctx: &Ctx) -> Option<Resolved> {
    let n = match amount {
        Amount::N(v) if v.fract() == 0.0 => v as i64,
        _ => {
            return Some(match from {
                From::Now if sign < 0 => plain(TimexType::Date, "PAST_REF".into()),
                From::Now => plain(TimexType::Date, "FUTURE_REF".into()),
                _ => plain(TimexType::Duration, duration_value(unit, amount)),
            })
        }
    };
    if unit.is_clock() {
        return Some(plain(TimexType::Duration, duration_value(unit, amount)));
    }
    let gran = match unit {
        Unit::Decade | Unit::Century => Unit::Year,
        Unit::Weekend => Unit::Week,
        u => u,
    };
    match from {
        From::Now => {
            // "up from $10 million a year ago" after "the third quarter":
            // the same quarter a year before.
            if let (Unit::Year, Some(prev @ Val::Quarter(..))) = (unit, ctx.quarter) {
                let year = prev.first_day()?.year();
                if ctx.period {
                    return Some(date(Val::Year(year + (sign * n) as i32), dct_anchor(ctx)));
                }
                if let Some(v) = prev.shift(unit, sign * n) {
                    return Some(date(v, Some(prev.format())));
                }
            }
            let base = containing(ctx.dct, gran)?;
            Some(date(base.shift(unit, sign * n)?, dct_anchor(ctx)))
        }
        From::Previous => {
            if let (Unit::Year, Some(q), true) = (unit, ctx.quarter, n != 0) {
                if ctx.period {
                    let year = q.first_day()?.year() + (sign * n) as i32;
                    return Some(date(Val::Year(year), Some(q.format())));
                }
                if let Some(v) = q.shift(unit, sign * n) {
                    return Some(date(v, Some(q.format())));
                }
            }
            if let Some(prev) = ctx
                .prev
                .filter(|p| !matches!(p, Val::Decade(_) | Val::Century(_)))
            {
                // "the following year" after a day: the next year, not a day.
                // "that year" after "June 1998": 1998.
                let prev = match (prev, unit) {
                    (Val::Day(d), Unit::Year | Unit::Month) => containing(d, unit)?,
                    (_, Unit::Year) if n == 0 => containing(prev.first_day()?, unit)?,
                    _ => prev,
                };
                if let Some(v) = prev.shift(unit, sign * n) {
                    return Some(date(v, Some(prev.format())));
                }
            }
            let base = containing(ctx.dct, gran)?;
            Some(date(base.shift(unit, sign * n)?, dct_anchor(ctx)))
        }
        From::Next => match ctx.next {
            Some(next) => {
                let v = next.shift(unit, sign * n)?;
                Some(date(v, Some(next.format())))
            }
            None => Some(plain(TimexType::Duration, duration_value(unit, amount))),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(tense: Tense) -> Ctx {
        Ctx {
            dct: NaiveDate::from_ymd_opt(2017, 5, 12).expect("date"),
            tense,
            prev: None,
            next: None,
            quarter: None,
            period: false,
        }
    }

    fn value(sem: Sem, tense: Tense) -> String {
        resolve(&sem, &ctx(tense))
            .map(|r| r.value)
            .unwrap_or_default()
    }

    #[test]
    fn weekdays_lean_to_the_past_unless_future() {
        let wed = Sem::Weekday { wd: 3, dir: None };
        assert_eq!(value(wed.clone(), Tense::Past), "2017-05-10");
        assert_eq!(value(wed, Tense::Future), "2017-05-17");
        assert_eq!(
            value(Sem::Weekday { wd: 5, dir: None }, Tense::Unknown),
            "2017-05-12"
        );
        assert_eq!(
            value(
                Sem::Weekday {
                    wd: 5,
                    dir: Some(-1)
                },
                Tense::Unknown
            ),
            "2017-05-05"
        );
        assert_eq!(
            value(
                Sem::Weekday {
                    wd: 1,
                    dir: Some(1)
                },
                Tense::Unknown
            ),
            "2017-05-15"
        );
    }

    #[test]
    fn months_and_quarters() {
        let july = Sem::Date {
            y: None,
            m: 7,
            d: None,
            dir: None,
        };
        assert_eq!(value(july.clone(), Tense::Future), "2017-07");
        assert_eq!(value(july, Tense::Unknown), "2017-07");
        let december = Sem::Date {
            y: None,
            m: 12,
            d: None,
            dir: None,
        };
        assert_eq!(value(december, Tense::Past), "2016-12");
        let q = Sem::Quarter {
            q: Some(4),
            y: None,
            rel_year: None,
        };
        assert_eq!(value(q, Tense::Past), "2016-Q4");
        assert_eq!(
            value(
                Sem::RelUnit {
                    unit: Unit::Month,
                    n: -1
                },
                Tense::Past
            ),
            "2017-04"
        );
    }
}
