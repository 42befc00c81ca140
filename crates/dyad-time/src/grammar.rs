//! Recognition: at a token that can start a time expression, the grammar
//! tries each pattern and keeps the longest, returning its token extent and
//! its meaning ([`Sem`]), still unresolved.

use crate::lexicon::{Holiday, Lexicon, Unit, WordInfo};
use crate::scan::{Kind, Tok};

/// How many of a unit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Amount {
    N(f64),
    /// Unknown ("several", "a few", bare plurals).
    X,
}

/// What a shifted expression is counted from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum From {
    /// "two weeks ago": the reference date.
    Now,
    /// "a year earlier": the previous expression in the text.
    Previous,
    /// "a day after X": the next expression, else a duration.
    Next,
}

/// The meaning of a recognised expression, before resolution.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// Calendar date with what is written; `dir` for "last May", "next March".
    Date {
        y: Option<i32>,
        m: u32,
        d: Option<u32>,
        dir: Option<i32>,
    },
    /// "January this year", "May last year".
    MonthOfYear {
        m: u32,
        rel_year: i64,
    },
    Year(i32),
    Decade(i32),
    Century(i32),
    Weekday {
        wd: u32,
        dir: Option<i32>,
    },
    RelDay(i64),
    /// this (0) / last (-1) / next (+1) unit.
    RelUnit {
        unit: Unit,
        n: i64,
    },
    Shift {
        unit: Unit,
        amount: Amount,
        sign: i64,
        from: From,
    },
    Duration {
        unit: Unit,
        amount: Amount,
    },
    /// Quarter `q` (None: the latest one), optional year, optional relative year.
    Quarter {
        q: Option<u32>,
        y: Option<i32>,
        rel_year: Option<i64>,
    },
    /// The year-ago counterpart of the previous expression ("year-earlier").
    YearAgo,
    Half {
        h: u32,
        y: Option<i32>,
    },
    /// `dir`: -1 last, +1 next, 0 this; -2 for "this past", the latest
    /// one already begun.
    Season {
        s: &'static str,
        dir: Option<i32>,
        y: Option<i32>,
    },
    Holiday {
        h: Holiday,
        y: Option<i32>,
    },
    Ref(&'static str),
    Set(String),
    /// Day offset from the previous dated expression ("the next day").
    Anaphor(i64),
    /// The week containing a date ("the week of March 6").
    WeekOf(Box<Sem>),
    /// The weekday before the previous dated expression ("the previous
    /// Friday").
    PrevWeekday(u32),
    Clock {
        h: u32,
        m: u32,
        day: Option<Box<Sem>>,
    },
    PartOfDay {
        pod: &'static str,
        day: Box<Sem>,
    },
}

/// A recognised expression: tokens `start..end` and its meaning.
#[derive(Debug, Clone)]
pub struct Match {
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
}

/// The grammar over one document's tokens.
pub struct Grammar<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
}

const EMPTY: WordInfo = WordInfo {
    month: None,
    weekday: None,
    unit: None,
    plural: false,
    number: None,
    tens: None,
    ordinal: None,
    fuzzy: false,
    relday: None,
    reference: None,
    season: None,
    pod: None,
    clock: None,
    dir: None,
    modifier: None,
    set: None,
    tz: false,
    holiday: None,
    future: false,
    past: false,
    intent: false,
    start: false,
};

impl<'a> Grammar<'a> {
    fn tok(&self, i: usize) -> Option<&Tok> {
        self.toks.get(i)
    }

    fn info(&self, i: usize) -> &WordInfo {
        self.tok(i)
            .and_then(|t| t.lex)
            .and_then(|l| self.lex.info(l))
            .unwrap_or(&EMPTY)
    }

    fn word(&self, i: usize) -> &str {
        self.tok(i)
            .and_then(|t| self.text.get(t.start..t.end))
            .unwrap_or("")
    }

    fn is(&self, i: usize, w: &str) -> bool {
        self.word(i).eq_ignore_ascii_case(w)
    }

    fn punct(&self, i: usize, c: &str) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Punct) && self.word(i) == c
    }

    /// A hyphen or dash glued to both neighbours.
    fn hyphen(&self, i: usize) -> bool {
        self.punct(i, "-") && self.tok(i + 1).is_some_and(|t| !t.space_before)
    }

    fn capitalised(&self, i: usize) -> bool {
        self.word(i)
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_uppercase())
    }

    /// A capitalised word inside a sentence, after another capitalised one
    /// or before a capitalised "of"-phrase: part of a name or title ("USA
    /// Today", "This Week", "Prague Spring", "60 Minutes").
    fn in_title(&self, i: usize) -> bool {
        if !self.capitalised(i) || i == 0 {
            return false;
        }
        let prev = self.tok(i - 1);
        let sentence_start = prev.is_none_or(|p| {
            p.kind == Kind::Punct
                && matches!(
                    self.word(i - 1),
                    "." | "!" | "?" | "\n" | "\"" | "`" | "'" | ":"
                )
        });
        if sentence_start {
            return false;
        }
        let named_before = self.capitalised(i - 1)
            || self
                .tok(i - 1)
                .is_some_and(|p| matches!(p.kind, Kind::Num | Kind::Complex));
        named_before || (self.is(i + 1, "of") && self.capitalised(i + 2))
    }

    fn num(&self, i: usize) -> Option<u32> {
        self.tok(i).filter(|t| t.kind == Kind::Num).map(|t| t.value)
    }

    /// A plain number that is not glued to a previous number ("1,989").
    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.tok(i)?;
        if t.kind != Kind::Num || t.digits != 4 || !(1000..=2099).contains(&t.value) {
            return None;
        }
        if i > 0 && (self.punct(i - 1, "$") || self.punct(i - 1, "#")) {
            return None;
        }
        if self.punct(i + 1, "%") {
            return None;
        }
        Some(t.value as i32)
    }

    fn day_at(&self, i: usize) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let ok = |v: u32| (1..=31).contains(&v) && t.digits <= 2;
        match t.kind {
            Kind::Num if ok(t.value) => Some((t.value, i + 1)),
            Kind::NumSuffix if ok(t.value) => {
                let suf = self
                    .text
                    .get(t.split..t.end)
                    .unwrap_or("")
                    .to_ascii_lowercase();
                matches!(suf.as_str(), "st" | "nd" | "rd" | "th").then_some((t.value, i + 1))
            }
            _ => None,
        }
    }

    /// Skip an abbreviation's period.
    fn dot(&self, i: usize) -> usize {
        if self.punct(i, ".") {
            i + 1
        } else {
            i
        }
    }

    /// A month name at `i` with its end (period included); ambiguous words
    /// ("may", "march", abbreviations) need support from their neighbours.
    fn month_at(&self, i: usize, strong_context: bool) -> Option<(u32, usize)> {
        let m = self.info(i).month?;
        if !self.capitalised(i) {
            return None;
        }
        let w = self.word(i);
        let short = w.len() <= 4
            && !w.eq_ignore_ascii_case("may")
            && !w.eq_ignore_ascii_case("june")
            && !w.eq_ignore_ascii_case("july");
        // Only an abbreviation takes the period ("Sept."; not "in December.").
        let after = if short { self.dot(i + 1) } else { i + 1 };
        let abbreviated = w.len() <= 4
            && !w.eq_ignore_ascii_case("may")
            && !w.eq_ignore_ascii_case("june")
            && !w.eq_ignore_ascii_case("july");
        let next_is_number = self.day_at(after).is_some() || self.year_at(after).is_some();
        if abbreviated && !(self.punct(i + 1, ".") || next_is_number) {
            return None;
        }
        let ambiguous = w.eq_ignore_ascii_case("may") || w.eq_ignore_ascii_case("march");
        if (ambiguous || abbreviated) && !(next_is_number || strong_context) {
            return None;
        }
        Some((m, after))
    }

    /// Amount before a unit: digits, number words, "a"/"an", fractions, vague
    /// words. Returns the amount and the index after it.
    fn amount_at(&self, i: usize) -> Option<(Amount, usize)> {
        let t = self.tok(i)?;
        if t.kind == Kind::Num && t.digits <= 3 {
            let mut v = f64::from(t.value);
            let mut j = i + 1;
            // 5 1/2
            if let (Some(a), true, Some(b)) = (self.num(j), self.punct(j + 1, "/"), self.num(j + 2))
            {
                if b > 0 && a < b {
                    v += f64::from(a) / f64::from(b);
                    j += 3;
                }
            }
            return Some((Amount::N(v), j));
        }
        if t.kind == Kind::Complex {
            let s = self.text.get(t.start..t.end)?;
            if s.contains('.') && !s.contains(',') {
                return s.parse().ok().map(|v| (Amount::N(v), i + 1));
            }
            return None;
        }
        let info = self.info(i);
        if let Some(tens) = info.tens {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            if let Some(n) = self.info(j).number.filter(|n| *n < 10) {
                return Some((Amount::N(f64::from(tens + n)), j + 1));
            }
            return Some((Amount::N(f64::from(tens)), i + 1));
        }
        if let Some(n) = info.number {
            if n < 100 {
                return Some((Amount::N(f64::from(n)), i + 1));
            }
        }
        if self.is(i, "couple") && self.is(i + 1, "of") {
            return Some((Amount::N(2.0), i + 2));
        }
        if self.is(i, "a") || self.is(i, "an") {
            if self.is(i + 1, "few") || self.is(i + 1, "couple") {
                let j = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                let amount = if self.is(i + 1, "few") {
                    Amount::X
                } else {
                    Amount::N(2.0)
                };
                return Some((amount, j));
            }
            if self.is(i + 1, "half") {
                return Some((Amount::N(0.5), i + 2));
            }
            // "a hundred years"
            if self.is(i + 1, "hundred") {
                return Some((Amount::N(100.0), i + 2));
            }
            return Some((Amount::N(1.0), i + 1));
        }
        if info.fuzzy {
            return Some((Amount::X, i + 1));
        }
        None
    }

    /// The longest expression starting at token `i`.
    pub fn match_at(&self, i: usize) -> Option<Match> {
        let mut best: Option<Match> = None;
        let mut consider = |m: Option<(usize, Sem)>| {
            if let Some((end, sem)) = m {
                if end > i && best.as_ref().is_none_or(|b| end > b.end) {
                    best = Some(Match { start: i, end, sem });
                }
            }
        };
        consider(self.modified(i));
        consider(self.core(i));
        best
    }

    /// "early 1991", "late November", "the end of 1999", "earlier this year",
    /// "mid-1990s", "late yesterday": a modifier kept inside the span.
    fn modified(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let m = self.info(j).modifier?;
        let w = self.word(j).to_ascii_lowercase();
        j += 1;
        if self.hyphen(j) {
            j += 1;
        }
        if self.is(j, "of") || self.is(j, "in") {
            j += 1;
        }
        if the && !(self.is(j - 1, "of")) {
            return None;
        }
        // "mid-afternoon", "mid afternoon yesterday", "late Friday night":
        // a part of the day, of the day named next or of the reference day.
        if matches!(
            m,
            crate::lexicon::Modifier::Mid
                | crate::lexicon::Modifier::Start
                | crate::lexicon::Modifier::End
        ) && !the
        {
            if let Some(pod) = self.info(j).pod {
                let (end, day) = match self.relday(j + 1) {
                    Some((end, day @ Sem::RelDay(_))) => (end, day),
                    _ => (j + 1, Sem::RelDay(0)),
                };
                let day = Box::new(day);
                return Some((end, Sem::PartOfDay { pod, day }));
            }
        }
        let (end, sem) = match self.core(j) {
            Some(found) => found,
            None if self.is(j, "the") && !self.info(j + 1).plural => {
                let unit = self
                    .info(j + 1)
                    .unit
                    .filter(|u| matches!(u, Unit::Year | Unit::Month | Unit::Week))?;
                (j + 2, Sem::RelUnit { unit, n: 0 })
            }
            None => return None,
        };
        let coarse = matches!(
            sem,
            Sem::Year(_)
                | Sem::Decade(_)
                | Sem::Century(_)
                | Sem::Date { d: None, .. }
                | Sem::RelUnit { .. }
                | Sem::RelDay(_)
                | Sem::Weekday { .. }
                | Sem::Quarter { .. }
                | Sem::Season { .. }
                | Sem::Anaphor(_)
        );
        if !coarse {
            return None;
        }
        // "earlier"/"later" only before this/that/next/last…: "later" alone is
        // too often an adverb.
        if matches!(
            m,
            crate::lexicon::Modifier::Before | crate::lexicon::Modifier::After
        ) && !(self.info(j).dir.is_some()
            || self.is(j, "that")
            || self.is(j, "today")
            || self.is(j, "yesterday")
            || (self.is(j - 1, "in") && self.is(j, "the")))
        {
            return None;
        }
        let _ = w;
        Some((end, sem))
    }

    /// Every unmodified pattern; the longest wins.
    fn core(&self, i: usize) -> Option<(usize, Sem)> {
        let mut best: Option<(usize, Sem)> = None;
        let mut consider = |m: Option<(usize, Sem)>| {
            if let Some((end, sem)) = m {
                if best.as_ref().is_none_or(|b| end > b.0) {
                    best = Some((end, sem));
                }
            }
        };
        let t = self.tok(i)?;
        match t.kind {
            Kind::Punct => return None,
            Kind::Num | Kind::NumSuffix | Kind::Complex => {
                consider(self.clock(i));
                consider(self.day_month(i));
                consider(self.year(i));
                consider(self.amount_unit(i));
                consider(self.ordinal_phrase(i));
                return best;
            }
            Kind::Word => {}
        }
        t.lex?;
        consider(self.month_date(i));
        consider(self.weekday(i));
        consider(self.relday(i));
        consider(self.directed(i));
        consider(self.amount_unit(i));
        consider(self.ordinal_phrase(i));
        consider(self.reference(i));
        consider(self.set(i));
        consider(self.season(i));
        consider(self.holiday(i));
        consider(self.anaphor(i));
        consider(self.the_phrase(i));
        consider(self.clock(i));
        consider(self.spelled_year(i));
        best
    }

    /// "9am", "9 a.m.", "10:30 p.m. EDT Thursday", "noon".
    fn clock(&self, i: usize) -> Option<(usize, Sem)> {
        let t = self.tok(i)?;
        let (mut h, mut m, mut j, mut explicit);
        if let Some((ch, cm)) = self.info(i).clock {
            // "High Noon", "high noon comes today": the idiom.
            if i > 0 && self.is(i - 1, "high") {
                return None;
            }
            h = ch;
            m = cm;
            j = i + 1;
            explicit = true;
        } else if t.kind == Kind::NumSuffix {
            let suf = self.text.get(t.split..t.end)?.to_ascii_lowercase();
            if !matches!(suf.as_str(), "am" | "pm") || t.value == 0 || t.value > 12 {
                return None;
            }
            h = t.value;
            m = 0;
            j = i + 1;
            if suf == "pm" && h < 12 {
                h += 12;
            } else if suf == "am" && h == 12 {
                h = 0;
            }
            explicit = true;
        } else if t.kind == Kind::Num && t.digits <= 2 && t.value <= 24 {
            h = t.value;
            m = 0;
            j = i + 1;
            explicit = false;
            if self.punct(j, ":")
                && self.tok(j + 1).is_some_and(|n| {
                    n.kind == Kind::Num && n.digits == 2 && n.value < 60 && !n.space_before
                })
            {
                m = self.tok(j + 1)?.value;
                j += 2;
                explicit = true;
            }
            if let Some((pm, k)) = self.ampm(j) {
                if pm && h < 12 {
                    h += 12;
                } else if !pm && h == 12 {
                    h = 0;
                }
                j = k;
                explicit = true;
            } else if self.is(j, "o") && self.punct(j + 1, "'") && self.is(j + 2, "clock") {
                j += 3;
                explicit = true;
            } else if self.is(j, "in")
                && self.is(j + 1, "the")
                && self.info(j + 2).pod.is_some()
                && i > 0
                && self.is(i - 1, "at")
            {
                explicit = h <= 12;
            }
        } else {
            return None;
        }
        if !explicit {
            return None;
        }
        if self.info(j).tz {
            j += 1;
        }
        // "9 in the morning"
        if self.is(j, "in") && self.is(j + 1, "the") {
            if let Some(pod) = self.info(j + 2).pod {
                if matches!(pod, "AF" | "EV" | "NI") && h < 12 {
                    h += 12;
                }
                j += 3;
            }
        }
        let mut day = None;
        let k = if self.punct(j, ",") { j + 1 } else { j };
        if let Some((end, sem @ Sem::Date { d: Some(_), .. })) = self.month_date(k) {
            day = Some(Box::new(sem));
            j = end;
        } else if let Some((end, sem)) = self.weekday(j).or_else(|| self.relday(j)) {
            day = Some(Box::new(sem));
            j = end;
        } else if self.is(j, "on") {
            if let Some((end, sem)) = self.weekday(j + 1) {
                day = Some(Box::new(sem));
                j = end;
            }
        }
        Some((j, Sem::Clock { h, m, day }))
    }

    fn ampm(&self, j: usize) -> Option<(bool, usize)> {
        let w = self.word(j).to_ascii_lowercase();
        match w.as_str() {
            "am" | "pm" => Some((w == "pm", self.dot(j + 1))),
            "a" | "p" if self.punct(j + 1, ".") && self.is(j + 2, "m") => {
                Some((w == "p", self.dot(j + 3)))
            }
            _ => None,
        }
    }

    /// "12 May", "12 May 2017", "the 12th of May".
    fn day_month(&self, i: usize) -> Option<(usize, Sem)> {
        let (d, j) = self.day_at(i)?;
        let k = if self.is(j, "of") { j + 1 } else { j };
        let (m, mut end) = self.month_at(k, true)?;
        let mut y = None;
        if self.punct(end, ",") && self.year_at(end + 1).is_some() {
            end += 1;
        }
        if let Some(year) = self.year_at(end) {
            y = Some(year);
            end += 1;
        }
        Some((
            end,
            Sem::Date {
                y,
                m,
                d: Some(d),
                dir: None,
            },
        ))
    }

    /// "May 12, 2017", "Sept. 27", "July 2017", "November", "May" (guarded).
    fn month_date(&self, i: usize) -> Option<(usize, Sem)> {
        let strong = i > 0 && {
            let p = self.word(i - 1).to_ascii_lowercase();
            matches!(
                p.as_str(),
                "in" | "since"
                    | "until"
                    | "till"
                    | "by"
                    | "from"
                    | "through"
                    | "during"
                    | "before"
                    | "after"
                    | "of"
                    | "last"
                    | "next"
                    | "this"
                    | "early"
                    | "late"
                    | "mid"
                    | "-"
                    | "between"
                    | "and"
                    | "or"
                    | "to"
                    | "on"
                    | "that"
                    | "each"
                    | "every"
            )
        };
        let (m, j) = self.month_at(i, strong)?;
        if let Some((d, k)) = self.day_at(j) {
            // Not "May 5,000": day_at only takes plain 1–2 digit numbers.
            let mut end = k;
            let mut y = None;
            if self.punct(end, ",") && self.year_at(end + 1).is_some() {
                y = self.year_at(end + 1);
                end += 2;
            } else if let Some(year) = self.year_at(end) {
                y = Some(year);
                end += 1;
            }
            return Some((
                end,
                Sem::Date {
                    y,
                    m,
                    d: Some(d),
                    dir: None,
                },
            ));
        }
        if let Some(year) = self.year_at(j) {
            return Some((
                j + 1,
                Sem::Date {
                    y: Some(year),
                    m,
                    d: None,
                    dir: None,
                },
            ));
        }
        if let Some((end, Sem::Year(year))) = self.spelled_year(j) {
            let (y, d, dir) = (Some(year), None, None);
            return Some((end, Sem::Date { y, m, d, dir }));
        }
        if self.is(j, "of") {
            if let Some(year) = self.year_at(j + 1) {
                return Some((
                    j + 2,
                    Sem::Date {
                        y: Some(year),
                        m,
                        d: None,
                        dir: None,
                    },
                ));
            }
        }
        // "January this year", "last November"
        if let Some(n) = self.info(j).dir {
            if self.is(j + 1, "year") {
                return Some((
                    j + 2,
                    Sem::MonthOfYear {
                        m,
                        rel_year: i64::from(n),
                    },
                ));
            }
        }
        Some((
            j,
            Sem::Date {
                y: None,
                m,
                d: None,
                dir: None,
            },
        ))
    }

    /// "Friday", "Friday, Oct. 23", "Friday morning".
    fn weekday(&self, i: usize) -> Option<(usize, Sem)> {
        let wd = self.info(i).weekday?;
        if self.word(i).len() < 6 {
            return None;
        }
        let j = i + 1;
        // Monday, Oct. 23 (1989)
        let k = if self.punct(j, ",") { j + 1 } else { j };
        if let Some((end, sem @ Sem::Date { d: Some(_), .. })) = self.month_date(k) {
            return Some((end, sem));
        }
        let sem = Sem::Weekday { wd, dir: None };
        if let Some(pod) = self.info(j).pod {
            return Some((
                j + 1,
                Sem::PartOfDay {
                    pod,
                    day: Box::new(sem),
                },
            ));
        }
        Some((j, sem))
    }

    /// "yesterday", "tonight", "yesterday morning".
    fn relday(&self, i: usize) -> Option<(usize, Sem)> {
        let n = self.info(i).relday?;
        if self.in_title(i) {
            return None;
        }
        let sem = Sem::RelDay(n);
        if self.is(i, "tonight") {
            return Some((
                i + 1,
                Sem::PartOfDay {
                    pod: "NI",
                    day: Box::new(sem),
                },
            ));
        }
        if let Some(pod) = self.info(i + 1).pod {
            return Some((
                i + 2,
                Sem::PartOfDay {
                    pod,
                    day: Box::new(sem),
                },
            ));
        }
        Some((i + 1, sem))
    }

    /// "last month", "next Friday", "this summer", "the past two years",
    /// "last night", "this morning", "the past".
    fn directed(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let mut dir = self.info(j).dir?;
        let mut dword = self.word(j).to_ascii_lowercase();
        j += 1;
        // "this past spring", "this coming week": the second word says
        // which way.
        let mut this_past = false;
        if dir == 0 && !the {
            if let Some(d) = self.info(j).dir.filter(|d| *d != 0) {
                this_past = d < 0;
                dir = d;
                dword = self.word(j).to_ascii_lowercase();
                j += 1;
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        let info = self.info(j);
        // the past two years / the next few weeks / last three months
        if dir != 0 {
            if let Some((amount, k)) = self.amount_at(j) {
                if !matches!(amount, Amount::N(v) if v == 1.0 && (self.is(j, "a") || self.is(j, "an")))
                {
                    if let Some(unit) = self.info(k).unit {
                        if self.info(k).plural || matches!(amount, Amount::N(v) if v == 1.0) {
                            return Some((k + 1, Sem::Duration { unit, amount }));
                        }
                    }
                }
            }
        }
        if let Some(unit) = info.unit {
            if info.plural {
                return None;
            }
            // "This Week With David Brinkley": a title, not a date.
            if self.capitalised(j) && self.capitalised(j - 1) {
                return None;
            }
            if unit == Unit::Day {
                // the next day / the following day / the previous day
                return (the && dir != 0).then_some((j + 1, Sem::Anaphor(i64::from(dir))));
            }
            if matches!(unit, Unit::Decade | Unit::Century) && dir != 0 {
                let amount = Amount::N(1.0);
                return Some((j + 1, Sem::Duration { unit, amount }));
            }
            // "the following month", "the previous year": counted from the
            // expression before, not from the reference date.
            if the && matches!(dword.as_str(), "following" | "previous" | "preceding") {
                let (amount, sign, from) = (Amount::N(1.0), i64::from(dir), From::Previous);
                return Some((
                    j + 1,
                    Sem::Shift {
                        unit,
                        amount,
                        sign,
                        from,
                    },
                ));
            }
            if unit == Unit::Year && self.punct(j + 1, "'") && self.is(j + 2, "s") {
                if self.is(j + 3, "quarter") || self.is(j + 3, "period") {
                    let rel_year = Some(i64::from(dir));
                    return Some((
                        j + 4,
                        Sem::Quarter {
                            q: None,
                            y: None,
                            rel_year,
                        },
                    ));
                }
                if let Some((
                    end,
                    Sem::Quarter {
                        q: Some(q),
                        y: None,
                        ..
                    },
                )) = self.ordinal_phrase(j + 3)
                {
                    return Some((
                        end,
                        Sem::Quarter {
                            q: Some(q),
                            y: None,
                            rel_year: Some(i64::from(dir)),
                        },
                    ));
                }
            }
            return Some((
                j + 1,
                Sem::RelUnit {
                    unit,
                    n: i64::from(dir),
                },
            ));
        }
        if the
            && info.unit.is_none()
            && dword != "past"
            && dword != "following"
            && dword != "next"
            && dword != "previous"
        {
            return None;
        }
        if let Some(wd) = info.weekday {
            if self.word(j).len() >= 6 {
                // "the previous Friday": the one before the day last talked about.
                if the && matches!(dword.as_str(), "previous" | "preceding") {
                    return Some((j + 1, Sem::PrevWeekday(wd)));
                }
                let sem = Sem::Weekday { wd, dir: Some(dir) };
                if let Some(pod) = self.info(j + 1).pod {
                    return Some((
                        j + 2,
                        Sem::PartOfDay {
                            pod,
                            day: Box::new(sem),
                        },
                    ));
                }
                return Some((j + 1, sem));
            }
        }
        if let Some((m, end)) = self.month_at(j, true) {
            // "last Oct. 23": the day of that month.
            let (d, end) = match self.day_at(end) {
                Some((d, k)) => (Some(d), k),
                None => (None, end),
            };
            return Some((
                end,
                Sem::Date {
                    y: None,
                    m,
                    d,
                    dir: Some(dir),
                },
            ));
        }
        if let Some(s) = info.season {
            let dir = if this_past { -2 } else { dir };
            return Some((
                j + 1,
                Sem::Season {
                    s,
                    dir: Some(dir),
                    y: None,
                },
            ));
        }
        if let Some(pod) = info.pod {
            if the {
                return None;
            }
            let day = match (dir, pod) {
                (-1, "NI" | "EV") => Sem::RelDay(-1),
                (0, _) => Sem::RelDay(0),
                (1, _) => Sem::RelDay(1),
                _ => return None,
            };
            return Some((
                j + 1,
                Sem::PartOfDay {
                    pod,
                    day: Box::new(day),
                },
            ));
        }
        if the && dword == "past" {
            return Some((j, Sem::Ref("PAST_REF")));
        }
        None
    }

    /// "three days", "a decade", "30-year", "two weeks ago", "a year earlier",
    /// "a day after", "several years", "the first nine months".
    fn amount_unit(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        // at least / more than / less than / the first
        let comparative = (self.is(j, "more") || self.is(j, "less") || self.is(j, "fewer"))
            && self.is(j + 1, "than");
        let bound = self.is(j, "at") && (self.is(j + 1, "least") || self.is(j + 1, "most"));
        let the_first = self.is(j, "the") && (self.is(j + 1, "first") || self.is(j + 1, "latest"));
        if comparative || bound || the_first {
            j += 2;
        } else if self.is(j, "the") {
            j += 1;
        }
        let (amount, mut k) = self.amount_at(j)?;
        if self.is(k, "more") || self.is(k, "additional") || self.is(k, "extra") {
            k += 1;
        }
        // "eight trading days", "five business days": a stretch that cannot
        // be counted on the calendar.
        let working = (self.is(k, "trading") || self.is(k, "business") || self.is(k, "working"))
            && self.info(k + 1).unit == Some(Unit::Day);
        if working {
            k += 1;
        }
        let hyphenated = self.hyphen(k);
        if hyphenated {
            k += 1;
        }
        if hyphenated && self.is(i, "the") {
            return None;
        }
        if self.hyphen(k + 1) && (self.is(k + 2, "earlier") || self.is(k + 2, "ago")) {
            return None;
        }
        let info = self.info(k);
        let unit = info.unit?;
        if unit == Unit::Weekend || self.in_title(k) {
            return None;
        }
        let is_a = (self.is(j, "a") || self.is(j, "an")) && k == j + 1;
        if is_a && info.plural {
            return None;
        }
        // "a second group", "a second betrayal": the ordinal.
        if is_a
            && unit == Unit::Second
            && self.tok(k + 1).is_some_and(|t| t.kind == Kind::Word)
            && !matches!(
                self.word(k + 1).to_ascii_lowercase().as_str(),
                "later" | "earlier" | "ago" | "before" | "after" | "or" | "and" | "of" | "to"
            )
        {
            return None;
        }
        if amount == Amount::X && !info.plural {
            return None;
        }
        // "the two days" needs a number word or digits after "the"
        if self.is(i, "the") && is_a {
            return None;
        }
        let mut end = k + 1;
        // "the 5-year-old", "five years old": ages are not time expressions.
        if self.is(end, "old") || (self.hyphen(end) && self.is(end + 1, "old")) {
            return None;
        }
        if hyphenated && unit == Unit::Quarter {
            return None;
        }
        if hyphenated && self.hyphen(end) && self.is(end + 1, "long") {
            end += 2;
        }
        if working {
            return Some((end, Sem::Duration { unit, amount }));
        }
        let w = self.word(end).to_ascii_lowercase();
        let shift = |sign: i64, from: From| Sem::Shift {
            unit,
            amount,
            sign,
            from,
        };
        // "two days later": TimeBank marks the stretch ("two days", a
        // DURATION); only years are dated ("a year earlier" in results).
        if matches!(w.as_str(), "earlier" | "later") && unit != Unit::Year {
            return Some((end, Sem::Duration { unit, amount }));
        }
        match w.as_str() {
            "ago" => return Some((end + 1, shift(-1, From::Now))),
            "earlier" | "before" if !hyphenated => {
                if w == "before" {
                    return Some((end, shift(-1, From::Next)));
                }
                return Some((end + 1, shift(-1, From::Previous)));
            }
            "later" | "after" if !hyphenated => {
                if w == "after" {
                    return Some((end, shift(1, From::Next)));
                }
                return Some((end + 1, shift(1, From::Previous)));
            }
            "from" if self.is(end + 1, "now") => return Some((end + 2, shift(1, From::Now))),
            _ => {}
        }
        // "$5 a year", "twice a day": a rate
        if is_a && i > 0 && !hyphenated {
            let prev = self.tok(i - 1);
            let rate = prev.is_some_and(|p| matches!(p.kind, Kind::Num | Kind::Complex))
                || matches!(
                    self.word(i - 1).to_ascii_lowercase().as_str(),
                    "million"
                        | "billion"
                        | "times"
                        | "twice"
                        | "once"
                        | "percent"
                        | "%"
                        | "cents"
                        | "dollars"
                );
            if rate {
                return Some((end, Sem::Set(duration_value(unit, Amount::N(1.0)))));
            }
        }
        // a bare number that is really a year or an amount of money is not a duration
        if matches!(self.tok(j).map(|t| t.kind), Some(Kind::Num))
            && self.tok(j).is_some_and(|t| t.digits >= 4)
        {
            return None;
        }
        Some((end, Sem::Duration { unit, amount }))
    }

    /// "the third quarter", "fourth-quarter", "first half of 1990",
    /// "the 20th century", "the fiscal first quarter".
    fn ordinal_phrase(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // "the 1988 second quarter"
        let lead_year = self.year_at(j).filter(|_| self.is(i, "the"));
        if lead_year.is_some() {
            j += 1;
        }
        let t = self.tok(j)?;
        let n = match t.kind {
            Kind::NumSuffix => {
                let suf = self.text.get(t.split..t.end)?.to_ascii_lowercase();
                matches!(suf.as_str(), "st" | "nd" | "rd" | "th").then_some(t.value)?
            }
            // "the last half of 1989", "the last quarter of 1990"
            Kind::Word
                if self.is(i, "the")
                    && self.is(j, "last")
                    && self.is(j + 2, "of")
                    && self.year_at(j + 3).is_some() =>
            {
                match self.word(j + 1).to_ascii_lowercase().as_str() {
                    "half" => 2,
                    "quarter" => 4,
                    _ => return None,
                }
            }
            Kind::Word => self.info(j).ordinal?,
            _ => return None,
        };
        let mut k = j + 1;
        if self.hyphen(k) {
            if self.is(i, "the") {
                return None;
            }
            k += 1;
        }
        let unit_word = self.word(k).to_ascii_lowercase();
        let mut end = k + 1;
        let mut y = lead_year;
        let mut rel_year = None;
        let of_year = |e: usize| -> Option<(usize, Option<i32>, Option<i64>)> {
            if self.is(e, "of") || self.is(e, ",") {
                if let Some(year) = self.year_at(e + 1) {
                    return Some((e + 2, Some(year), None));
                }
                if let Some(dir) = self.info(e + 1).dir {
                    if self.is(e + 2, "year") {
                        return Some((e + 3, None, Some(i64::from(dir))));
                    }
                }
            }
            self.year_at(e).map(|year| (e + 1, Some(year), None))
        };
        match unit_word.as_str() {
            "quarter" if (1..=4).contains(&n) => {
                if let Some((e, yy, ry)) = of_year(end) {
                    end = e;
                    y = yy;
                    rel_year = ry;
                }
                Some((
                    end,
                    Sem::Quarter {
                        q: Some(n),
                        y,
                        rel_year,
                    },
                ))
            }
            "half" if (1..=2).contains(&n) => {
                if let Some((e, yy, _)) = of_year(end) {
                    end = e;
                    y = yy;
                }
                Some((end, Sem::Half { h: n, y }))
            }
            "century" if (1..=21).contains(&n) => Some((end, Sem::Century(n as i32 - 1))),
            _ => None,
        }
    }

    fn reference(&self, i: usize) -> Option<(usize, Sem)> {
        // "the then current market price", "then-current"
        if self.is(i, "then") {
            let j = if self.hyphen(i + 1) { i + 2 } else { i + 1 };
            if self.is(j, "current") {
                return Some((j + 1, Sem::Ref("PAST_REF")));
            }
        }
        if let Some(r) = self.info(i).reference {
            // "the current account" is the balance of payments.
            if self.is(i, "current") && self.is(i + 1, "account") {
                return None;
            }
            return Some((i + 1, Sem::Ref(r)));
        }
        // "the future", "the near future", "the past" (handled in `directed`)
        let mut j = i;
        if self.is(j, "the") {
            j += 1;
            if self.is(j, "near")
                || self.is(j, "distant")
                || self.is(j, "foreseeable")
                || self.is(j, "immediate")
            {
                j += 1;
            }
            if self.is(j, "future") {
                return Some((j + 1, Sem::Ref("FUTURE_REF")));
            }
        }
        None
    }

    /// "every week", "each year", "daily", "every Monday".
    fn set(&self, i: usize) -> Option<(usize, Sem)> {
        if let Some(v) = &self.info(i).set {
            return Some((i + 1, Sem::Set(v.clone())));
        }
        if !(self.is(i, "every") || self.is(i, "each") || self.is(i, "per")) {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "other") {
            j += 1;
        }
        let mut amount = Amount::N(if self.is(j - 1, "other") { 2.0 } else { 1.0 });
        if let Some((a, k)) = self.amount_at(j) {
            if !(self.is(j, "a") || self.is(j, "an")) {
                amount = a;
                j = k;
            }
        }
        let info = self.info(j);
        if let Some(unit) = info.unit {
            return Some((j + 1, Sem::Set(duration_value(unit, amount))));
        }
        if let Some(wd) = info.weekday {
            return Some((j + 1, Sem::Set(format!("XXXX-WXX-{wd}"))));
        }
        // "each July"
        if let Some((m, end)) = self.month_at(j, true) {
            if self.day_at(end).is_none() && self.year_at(end).is_none() {
                return Some((end, Sem::Set(format!("XXXX-{m:02}"))));
            }
        }
        None
    }

    /// "this summer", "spring 1998", "the summer of 1997".
    fn season(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let s = self.info(j).season?;
        if self.in_title(j)
            || (self.capitalised(j) && self.is(j + 1, "of") && self.capitalised(j + 2))
        {
            return None;
        }
        let w = self.word(j).to_ascii_lowercase();
        // "the winter of nineteen ninety-four"
        let k = if self.is(j + 1, "of") { j + 2 } else { j + 1 };
        if let Some((end, Sem::Year(year))) = self.spelled_year(k) {
            return Some((
                end,
                Sem::Season {
                    s,
                    dir: None,
                    y: Some(year),
                },
            ));
        }
        if let Some(year) = self.year_at(j + 1) {
            return Some((
                j + 2,
                Sem::Season {
                    s,
                    dir: None,
                    y: Some(year),
                },
            ));
        }
        if self.is(j + 1, "of") {
            if let Some(year) = self.year_at(j + 2) {
                return Some((
                    j + 3,
                    Sem::Season {
                        s,
                        dir: None,
                        y: Some(year),
                    },
                ));
            }
        }
        if w == "fall" || the {
            return None;
        }
        Some((
            j + 1,
            Sem::Season {
                s,
                dir: None,
                y: None,
            },
        ))
    }

    /// "Christmas", "Thanksgiving Day", "Election Day", "Easter 1998".
    fn holiday(&self, i: usize) -> Option<(usize, Sem)> {
        let h = self.info(i).holiday?;
        if !self.capitalised(i) {
            return None;
        }
        let mut j = i + 1;
        let day = self.is(j, "day") || self.is(j, "eve");
        if self.is(j, "eve") {
            return None;
        }
        if day {
            j += 1;
        } else if h == Holiday::Election {
            return None;
        }
        let mut y = None;
        if let Some(year) = self.year_at(j) {
            y = Some(year);
            j += 1;
        }
        Some((j, Sem::Holiday { h, y }))
    }

    /// "that day", "the same day", "the day before", "the next morning".
    fn anaphor(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        if !(self.is(j, "that") || self.is(j, "the")) {
            return None;
        }
        j += 1;
        if self.is(j, "same") {
            j += 1;
        }
        if self.is(j, "day") && (self.is(i, "that") || self.is(j - 1, "same")) {
            return Some((j + 1, Sem::Anaphor(0)));
        }
        // "that year", "that quarter": the one last talked about
        if self.is(i, "that") && !self.info(j).plural {
            if let Some(unit) = self
                .info(j)
                .unit
                .filter(|u| matches!(u, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week))
            {
                let (amount, sign, from) = (Amount::N(0.0), 1, From::Previous);
                return Some((
                    j + 1,
                    Sem::Shift {
                        unit,
                        amount,
                        sign,
                        from,
                    },
                ));
            }
        }
        if self.is(i, "the") && (self.is(j, "next") || self.is(j, "following")) {
            if let Some(pod) = self.info(j + 1).pod {
                return Some((
                    j + 2,
                    Sem::PartOfDay {
                        pod,
                        day: Box::new(Sem::Anaphor(1)),
                    },
                ));
            }
        }
        None
    }

    /// "the 1990s", "1990s", "fiscal 1989", "the latest quarter", "the
    /// quarter", "the year-ago quarter", "year-earlier", "the weekend".
    fn the_phrase(&self, i: usize) -> Option<(usize, Sem)> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        let fiscal = self.is(j, "fiscal");
        if fiscal {
            j += 1;
        }
        if fiscal {
            if let Some(year) = self.year_at(j) {
                return Some((j + 1, Sem::Year(year)));
            }
        }
        if self.is(j, "latest") || self.is(j, "most") && self.is(j + 1, "recent") {
            let k = if self.is(j, "most") { j + 2 } else { j + 1 };
            if self.is(k, "quarter") || self.is(k, "period") {
                return Some((
                    k + 1,
                    Sem::Quarter {
                        q: None,
                        y: None,
                        rel_year: None,
                    },
                ));
            }
        }
        // year-ago / year-earlier (quarter)
        if self.is(j, "year")
            && self.hyphen(j + 1)
            && (self.is(j + 2, "ago") || self.is(j + 2, "earlier"))
        {
            let mut k = j + 3;
            // "the year-earlier nine months": that stretch, a year before.
            if let Some((end, sem @ Sem::Duration { .. })) = self.amount_unit(k) {
                return Some((end, sem));
            }
            // "the year-ago third quarter"
            if let Some((end, Sem::Quarter { q: Some(q), .. })) = self.ordinal_phrase(k) {
                let rel_year = Some(-1);
                return Some((
                    end,
                    Sem::Quarter {
                        q: Some(q),
                        y: None,
                        rel_year,
                    },
                ));
            }
            if self.is(k, "quarter") || self.is(k, "period") || self.is(k, "level") {
                k += 1;
            } else if the {
                return None;
            }
            return Some((k, Sem::YearAgo));
        }
        // "the quarter a year ago", "the same period last year", "the
        // corresponding quarter a year earlier": the year-ago counterpart.
        if the {
            let k = if self.is(j, "same") || self.is(j, "corresponding") || self.is(j, "comparable")
            {
                j + 1
            } else {
                j
            };
            if self.is(k, "quarter") || self.is(k, "period") {
                let a_year_ago = (self.is(k + 1, "a") || self.is(k + 1, "one"))
                    && self.is(k + 2, "year")
                    && (self.is(k + 3, "ago") || self.is(k + 3, "earlier"));
                if a_year_ago {
                    return Some((k + 4, Sem::YearAgo));
                }
                if (self.is(k + 1, "last") || self.is(k + 1, "previous")) && self.is(k + 2, "year")
                {
                    return Some((k + 3, Sem::YearAgo));
                }
            }
        }
        // "the 1988 period", "the 1989 quarter": that year's quarter in context
        if the && (self.is(j + 1, "period") || self.is(j + 1, "quarter")) {
            if let Some(year) = self.year_at(j) {
                let y = Some(year);
                return Some((
                    j + 2,
                    Sem::Quarter {
                        q: None,
                        y,
                        rel_year: None,
                    },
                ));
            }
        }
        if the
            && (self.is(j, "quarter"))
            && !self.is(j + 1, "century")
            && !(self.hyphen(j + 1) && self.is(j + 2, "to"))
        {
            return Some((
                j + 1,
                Sem::Quarter {
                    q: None,
                    y: None,
                    rel_year: None,
                },
            ));
        }
        if the && fiscal && self.is(j, "year") {
            let amount = Amount::N(1.0);
            return Some((
                j + 1,
                Sem::Duration {
                    unit: Unit::Year,
                    amount,
                },
            ));
        }
        if the && self.is(j, "full") && self.is(j + 1, "year") {
            return Some((
                j + 2,
                Sem::RelUnit {
                    unit: Unit::Year,
                    n: 0,
                },
            ));
        }
        // "the year 2000", "the year two thousand"
        if the && self.is(j, "year") {
            if let Some(y) = self.year_at(j + 1) {
                return Some((j + 2, Sem::Year(y)));
            }
            if self.info(j + 1).number.is_some_and(|n| n <= 3) && self.is(j + 2, "thousand") {
                let base = self.info(j + 1).number.unwrap_or(0) as i32 * 1000;
                let k = if self.is(j + 3, "and") { j + 4 } else { j + 3 };
                if let Some((Amount::N(v), end)) = self
                    .amount_at(k)
                    .filter(|_| self.info(k).number.is_some() || self.info(k).tens.is_some())
                {
                    return Some((end, Sem::Year(base + v as i32)));
                }
                return Some((j + 3, Sem::Year(base)));
            }
        }
        // "for the year", "of the year": the current year (not "of the year"
        // awards, which are capitalised).
        if the
            && self.word(j) == "year"
            && i > 0
            && (self.is(i - 1, "for") || self.is(i - 1, "of") || self.is(i - 1, "during"))
            && !self.hyphen(j + 1)
            && !(self.is(j + 1, "ended") || self.is(j + 1, "ending"))
        {
            return Some((
                j + 1,
                Sem::RelUnit {
                    unit: Unit::Year,
                    n: 0,
                },
            ));
        }
        if the && self.is(j, "year") && (self.is(j + 1, "ended") || self.is(j + 1, "ending")) {
            let amount = Amount::N(1.0);
            return Some((
                j + 1,
                Sem::Duration {
                    unit: Unit::Year,
                    amount,
                },
            ));
        }
        if !the
            && i > 0
            && (self.is(i - 1, "for") || self.is(i - 1, "within") || self.is(i - 1, "in"))
        {
            let info = self.info(i);
            if let Some(unit) = info
                .unit
                .filter(|u| info.plural && !matches!(u, Unit::Day | Unit::Quarter | Unit::Weekend))
            {
                return Some((
                    i + 1,
                    Sem::Duration {
                        unit,
                        amount: Amount::X,
                    },
                ));
            }
        }
        // "the week of March 6"
        if the && self.is(j, "week") && self.is(j + 1, "of") {
            if let Some((end, sem @ Sem::Date { d: Some(_), .. })) = self.month_date(j + 2) {
                return Some((end, Sem::WeekOf(Box::new(sem))));
            }
        }
        if the && self.is(j, "weekend") {
            return Some((
                j + 1,
                Sem::RelUnit {
                    unit: Unit::Weekend,
                    n: 0,
                },
            ));
        }
        // "the '80s"
        if the && self.punct(j, "'") {
            let t = self.tok(j + 1)?;
            if t.kind == Kind::NumSuffix
                && t.digits == 2
                && self.text.get(t.split..t.end) == Some("s")
                && t.value % 10 == 0
            {
                return Some((j + 2, Sem::Decade(190 + (t.value / 10) as i32)));
            }
        }
        let t = self.tok(j)?;
        if t.kind == Kind::NumSuffix
            && t.digits == 4
            && self.text.get(t.split..t.end) == Some("s")
            && t.value % 10 == 0
        {
            return Some((j + 1, Sem::Decade((t.value / 10) as i32)));
        }
        None
    }

    /// "nineteen ninety-one".
    fn spelled_year(&self, i: usize) -> Option<(usize, Sem)> {
        let hundreds = self.info(i).number.filter(|n| (10..=20).contains(n))?;
        let (rest, end) = self.amount_at(i + 1)?;
        let Amount::N(r) = rest else { return None };
        if !(10.0..100.0).contains(&r) || self.info(i + 1).tens.is_none() {
            return None;
        }
        Some((end, Sem::Year((hundreds * 100) as i32 + r as i32)))
    }

    /// A lone four-digit year, or "1990s".
    fn year(&self, i: usize) -> Option<(usize, Sem)> {
        if let Some(y) = self.year_at(i) {
            if i > 0
                && self.punct(i - 1, ",")
                && self.tok(i - 1).is_some_and(|p| !p.space_before)
                && self.tok(i).is_some_and(|t| !t.space_before)
            {
                return None;
            }
            return Some((i + 1, Sem::Year(y)));
        }
        let t = self.tok(i)?;
        if t.kind == Kind::NumSuffix
            && t.digits == 4
            && self.text.get(t.split..t.end) == Some("s")
            && t.value % 10 == 0
        {
            return Some((i + 1, Sem::Decade((t.value / 10) as i32)));
        }
        None
    }
}

/// TIMEX3 duration value for an amount of a unit: `P3D`, `PT2H`, `PXY`.
pub fn duration_value(unit: Unit, amount: Amount) -> String {
    // Quarters are written in months (TimeBank: "the next three quarters" = P9M).
    if unit == Unit::Quarter {
        let months = match amount {
            Amount::N(v) => Amount::N(v * 3.0),
            Amount::X => Amount::X,
        };
        return duration_value(Unit::Month, months);
    }
    let (letter, factor) = match unit {
        Unit::Year => ("Y", 1.0),
        Unit::Quarter => ("Q", 1.0),
        Unit::Month => ("M", 1.0),
        Unit::Week | Unit::Weekend => ("W", 1.0),
        Unit::Day => ("D", 1.0),
        Unit::Hour => ("H", 1.0),
        Unit::Minute => ("M", 1.0),
        Unit::Second => ("S", 1.0),
        Unit::Decade => ("DE", 1.0),
        Unit::Century => ("CE", 1.0),
    };
    let t = if unit.is_clock() { "T" } else { "" };
    match amount {
        Amount::X => format!("P{t}X{letter}"),
        Amount::N(v) => {
            let v = v * factor;
            if v.fract() == 0.0 {
                // Decades and centuries read better in years (TimeBank uses P10Y).
                match unit {
                    Unit::Decade => format!("P{}Y", (v as u64) * 10),
                    Unit::Century => format!("P{}Y", (v as u64) * 100),
                    _ => format!("P{t}{}{letter}", v as u64),
                }
            } else {
                let (small, mult, s_letter) = match unit {
                    Unit::Year => ("", 12.0, "M"),
                    Unit::Day => ("T", 24.0, "H"),
                    Unit::Hour => ("T", 60.0, "M"),
                    Unit::Week => ("", 7.0, "D"),
                    _ => ("", 0.0, ""),
                };
                let whole = v.trunc();
                let part = (v.fract() * mult).round();
                if mult == 0.0 {
                    return format!("P{t}{v}{letter}");
                }
                if whole == 0.0 {
                    return format!("P{small}{}{s_letter}", part as u64);
                }
                if small == t {
                    format!("P{t}{}{letter}{}{s_letter}", whole as u64, part as u64)
                } else {
                    format!("P{}{letter}T{}{s_letter}", whole as u64, part as u64)
                }
            }
        }
    }
}
