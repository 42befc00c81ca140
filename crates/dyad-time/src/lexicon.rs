//! The trigger-word lexicon (`data/time/lexicon.txt`), parsed into a hash map
//! from lower-case word to everything the grammar may use it as.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::error::TimeError;

/// The lexicon embedded in the binary.
pub const DEFAULT_LEXICON: &str = include_str!("../../../data/time/lexicon.txt");

/// Calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Year,
    Quarter,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Decade,
    Century,
    Weekend,
}

impl Unit {
    fn parse(s: &str) -> Option<Unit> {
        Some(match s {
            "Y" => Unit::Year,
            "Q" => Unit::Quarter,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "WE" => Unit::Weekend,
            _ => return None,
        })
    }

    /// True for hours, minutes and seconds (written after `T` in durations).
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// Modifiers kept inside an expression ("early", "late", "mid").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modifier {
    Start,
    End,
    Mid,
    Before,
    After,
}

/// A computed or fixed holiday.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Holiday {
    Fixed(u32, u32),
    Easter,
    Thanksgiving,
    Election,
}

/// Everything one word can mean to the grammar.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    pub month: Option<u32>,
    pub weekday: Option<u32>,
    pub unit: Option<Unit>,
    pub plural: bool,
    pub number: Option<u32>,
    pub tens: Option<u32>,
    pub ordinal: Option<u32>,
    pub fuzzy: bool,
    pub relday: Option<i64>,
    pub reference: Option<&'static str>,
    pub season: Option<&'static str>,
    pub pod: Option<&'static str>,
    pub clock: Option<(u32, u32)>,
    pub dir: Option<i32>,
    pub modifier: Option<Modifier>,
    pub set: Option<String>,
    pub tz: bool,
    pub holiday: Option<Holiday>,
    pub future: bool,
    pub past: bool,
    /// Points to the future when followed by "to" ("planned to", "set to").
    pub intent: bool,
    /// Only opens expressions ("the", "a", "every"): worth trying only when
    /// a meaningful word follows.
    pub start: bool,
}

/// FNV-1a: a fast hash for short keys.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Word → meaning map.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    words: HashMap<Box<str>, u32, BuildHasherDefault<Fnv>>,
    infos: Vec<WordInfo>,
}

fn intern(s: &str) -> Option<&'static str> {
    const KNOWN: &[&str] = &[
        "PRESENT_REF",
        "PAST_REF",
        "FUTURE_REF",
        "SP",
        "SU",
        "FA",
        "WI",
        "MO",
        "AF",
        "EV",
        "NI",
    ];
    KNOWN.iter().copied().find(|k| *k == s)
}

impl Lexicon {
    /// Parse the line-based lexicon format described at the top of the file.
    pub fn parse(text: &str) -> Result<Lexicon, TimeError> {
        let mut lex = Lexicon::default();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let err = |message: &str| TimeError::Lexicon {
                line: n + 1,
                message: message.to_string(),
            };
            let (head, words) = line.rsplit_once(':').ok_or_else(|| err("missing ':'"))?;
            let mut head = head.split_whitespace();
            let class = head.next().ok_or_else(|| err("missing class"))?;
            let value = head.next().ok_or_else(|| err("missing value"))?;
            for word in words.split('|').map(str::trim).filter(|w| !w.is_empty()) {
                let info = lex.entry(&word.to_lowercase());
                apply(info, class, value).map_err(|m| err(&m))?;
            }
        }
        Ok(lex)
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        let idx = match self.words.get(word) {
            Some(i) => *i as usize,
            None => {
                let i = self.infos.len();
                self.infos.push(WordInfo::default());
                self.words.insert(word.into(), i as u32);
                i
            }
        };
        &mut self.infos[idx]
    }

    /// Index of a word (already lower-cased) in the lexicon.
    pub fn lookup(&self, lower: &str) -> Option<u32> {
        self.words.get(lower).copied()
    }

    /// The meanings of a word index returned by [`Lexicon::lookup`].
    pub fn info(&self, idx: u32) -> Option<&WordInfo> {
        self.infos.get(idx as usize)
    }
}

fn apply(info: &mut WordInfo, class: &str, value: &str) -> Result<(), String> {
    let num = || {
        value
            .parse::<i64>()
            .map_err(|_| format!("bad number {value:?}"))
    };
    let unit = || Unit::parse(value).ok_or_else(|| format!("bad unit {value:?}"));
    let interned = || intern(value).ok_or_else(|| format!("unknown value {value:?}"));
    match class {
        "month" => info.month = Some(num()? as u32),
        "weekday" => info.weekday = Some(num()? as u32),
        "unit" => info.unit = Some(unit()?),
        "units" => {
            info.unit = Some(unit()?);
            info.plural = true;
        }
        "number" => info.number = Some(num()? as u32),
        "tens" => info.tens = Some(num()? as u32),
        "ordinal" => info.ordinal = Some(num()? as u32),
        "fuzzy" => info.fuzzy = true,
        "relday" => info.relday = Some(num()?),
        "ref" => info.reference = Some(interned()?),
        "season" => info.season = Some(interned()?),
        "pod" => info.pod = Some(interned()?),
        "clock" => {
            let (h, m) = value.split_once(':').ok_or("clock needs HH:MM")?;
            let h = h.parse().map_err(|_| "bad hour")?;
            let m = m.parse().map_err(|_| "bad minute")?;
            info.clock = Some((h, m));
        }
        "dir" => info.dir = Some(num()? as i32),
        "mod" => {
            info.modifier = Some(match value {
                "START" => Modifier::Start,
                "END" => Modifier::End,
                "MID" => Modifier::Mid,
                "BEFORE" => Modifier::Before,
                "AFTER" => Modifier::After,
                _ => return Err(format!("unknown modifier {value:?}")),
            })
        }
        "set" => info.set = Some(value.to_string()),
        "tz" => info.tz = true,
        "holiday" => {
            info.holiday = Some(match value {
                "easter" => Holiday::Easter,
                "thanksgiving" => Holiday::Thanksgiving,
                "election" => Holiday::Election,
                md => {
                    let (m, d) = md.split_once('-').ok_or("holiday needs MM-DD")?;
                    let m = m.parse().map_err(|_| "bad month")?;
                    let d = d.parse().map_err(|_| "bad day")?;
                    Holiday::Fixed(m, d)
                }
            })
        }
        "future" => info.future = true,
        "past" => info.past = true,
        "intent" => info.intent = true,
        "start" => info.start = true,
        "cue" => {}
        _ => return Err(format!("unknown class {class:?}")),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_lexicon_parses() {
        let lex = Lexicon::parse(DEFAULT_LEXICON).expect("default lexicon");
        let may = lex.info(lex.lookup("may").expect("may")).expect("info");
        assert_eq!(may.month, Some(5));
        let second = lex
            .info(lex.lookup("second").expect("second"))
            .expect("info");
        assert_eq!(second.ordinal, Some(2));
        assert_eq!(second.unit, Some(Unit::Second));
    }

    #[test]
    fn bad_lines_are_reported_with_their_number() {
        let err = Lexicon::parse("# c\nmonth x: jan\n").expect_err("bad number");
        assert!(err.to_string().contains("line 2"), "{err}");
    }
}
