//! dyad-time: the time stage (TIMEX3 recognition and normalisation).
//!
//! The body is tokenized once ([`scan`]); each word is looked up in the
//! trigger lexicon (`data/time/lexicon.txt`, [`lexicon`]). Only tokens that
//! can open an expression run the grammar ([`grammar`]), which keeps the
//! longest pattern; [`resolve`] then turns its meaning into a TIMEX3 type and
//! value against the document's reference date, with the clause's tense
//! ([`tense`]) deciding the direction of bare weekdays and months.

pub mod calendar;
pub mod error;
pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod scan;
pub mod tense;

use dyad_core::{Document, Timex};

pub use error::TimeError;
use grammar::{From, Grammar, Match, Sem};
use lexicon::{Lexicon, DEFAULT_LEXICON};
use resolve::{resolve, Ctx};

/// Finds time expressions and normalises them against the reference date.
#[derive(Debug, Clone)]
pub struct TimeTagger {
    lex: Lexicon,
}

impl Default for TimeTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl TimeTagger {
    /// The tagger with the embedded lexicon.
    pub fn new() -> Self {
        // The embedded lexicon is checked by a unit test.
        Self::with_lexicon(DEFAULT_LEXICON).expect("embedded data/time/lexicon.txt is valid")
    }

    /// A tagger with another lexicon text (same format).
    pub fn with_lexicon(text: &str) -> Result<Self, TimeError> {
        Ok(TimeTagger {
            lex: Lexicon::parse(text)?,
        })
    }

    /// Fill `doc.timexes` and `doc.reference_date` (kept when already set,
    /// else the publication date, else the dateline's date). Without any
    /// reference date, only expressions that need none are kept.
    pub fn annotate(&self, doc: &mut Document) {
        let reference = doc
            .reference_date
            .or(doc.published)
            .or_else(|| doc.dateline.as_ref().and_then(|d| d.date));
        doc.reference_date = reference;
        doc.timexes = self.find(&doc.text, reference);
    }

    /// Whether token `i` can open an expression: a number, a trigger word,
    /// or an opening word ("the", "a") followed closely by one of those.
    fn candidate(&self, toks: &[scan::Tok], i: usize) -> bool {
        let meaningful = |t: &scan::Tok| match t.kind {
            scan::Kind::Word => t
                .lex
                .and_then(|l| self.lex.info(l))
                .is_some_and(|info| !info.start || info.future || info.past),
            scan::Kind::Punct => false,
            _ => true,
        };
        let Some(t) = toks.get(i) else {
            return false;
        };
        if meaningful(t) {
            return true;
        }
        t.lex.is_some() && toks.iter().skip(i + 1).take(3).any(meaningful)
    }

    /// Find and resolve the time expressions of `text`.
    pub fn find(&self, text: &str, reference: Option<chrono::NaiveDate>) -> Vec<Timex> {
        let toks = scan::tokenize(text, &self.lex);
        let g = Grammar {
            text,
            toks: &toks,
            lex: &self.lex,
        };
        let mut matches: Vec<Match> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if self.candidate(&toks, i) {
                if let Some(m) = g.match_at(i) {
                    i = m.end;
                    matches.push(m);
                    continue;
                }
            }
            i += 1;
        }
        let mut out = Vec::with_capacity(matches.len());
        // Without a reference date, use an arbitrary one and keep only
        // absolute values (those without an anchor).
        let dct = reference.unwrap_or_default();
        let mut prev = None;
        let mut quarter = None;
        for (k, m) in matches.iter().enumerate() {
            let tense = tense::tense_around(&g, m.start, m.end);
            let mut ctx = Ctx {
                dct,
                tense,
                prev,
                next: None,
                quarter,
            };
            if let Sem::Shift {
                from: From::Next, ..
            } = m.sem
            {
                if let Some(n) = matches.get(k + 1).filter(|n| n.start == m.end + 1) {
                    let t2 = tense::tense_around(&g, n.start, n.end);
                    ctx.next = resolve(&n.sem, &Ctx { tense: t2, ..ctx }).and_then(|r| r.val);
                }
            }
            let Some(r) = resolve(&m.sem, &ctx) else {
                continue;
            };
            if reference.is_none() && r.anchor.is_some() {
                continue;
            }
            // Only expressions dated on their own set the context for the
            // anaphoric ones ("a year earlier" must not chain).
            let anaphoric = matches!(
                m.sem,
                Sem::Shift { .. } | Sem::YearAgo | Sem::Anaphor(_) | Sem::Quarter { q: None, .. }
            );
            if r.val.is_some() && !anaphoric {
                prev = r.val;
                if let Some(q @ calendar::Val::Quarter(..)) = r.val {
                    quarter = Some(q);
                }
            }
            let (Some(first), Some(last)) = (toks.get(m.start), toks.get(m.end.saturating_sub(1)))
            else {
                continue;
            };
            let (start, end) = (first.start, last.end);
            out.push(Timex {
                text: text.get(start..end).unwrap_or("").to_string(),
                start,
                end,
                kind: r.kind,
                value: r.value,
                anchor: r.anchor,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn values(text: &str) -> Vec<(String, String)> {
        let tagger = TimeTagger::new();
        let dct = NaiveDate::from_ymd_opt(2017, 5, 12);
        tagger
            .find(text, dct)
            .into_iter()
            .map(|t| (t.text, t.value))
            .collect()
    }

    fn has(text: &str, span: &str, value: &str) {
        let got = values(text);
        assert!(
            got.iter().any(|(t, v)| t == span && v == value),
            "{span:?} -> {value:?} not in {got:?}"
        );
    }

    #[test]
    fn absolute_and_partial_dates() {
        has(
            "The deal was signed on May 12, 2017 in Paris.",
            "May 12, 2017",
            "2017-05-12",
        );
        has(
            "Talks resumed on 3 March and ended.",
            "3 March",
            "2017-03-03",
        );
        has(
            "The summit is planned for 2019, officials said.",
            "2019",
            "2019",
        );
        has("Sales fell in the 1990s.", "the 1990s", "199");
        has(
            "Profit rose in the third quarter.",
            "the third quarter",
            "2016-Q3",
        );
    }

    #[test]
    fn relative_dates_lean_to_the_past() {
        has(
            "He said on Wednesday that talks failed.",
            "Wednesday",
            "2017-05-10",
        );
        has("Officials met last month.", "last month", "2017-04");
        has("The plan will be voted on next year.", "next year", "2018");
        has(
            "The company was founded two weeks ago.",
            "two weeks ago",
            "2017-W17",
        );
        has(
            "The minister will visit Tokyo on Tuesday.",
            "Tuesday",
            "2017-05-16",
        );
        has(
            "Prices rose earlier this year.",
            "earlier this year",
            "2017",
        );
    }

    #[test]
    fn durations_sets_times_and_references() {
        has("The strike lasted three days.", "three days", "P3D");
        has("Output doubled in a decade.", "a decade", "P10Y");
        has("The committee meets every week.", "every week", "P1W");
        has("Markets are calm now.", "now", "PRESENT_REF");
        has(
            "She spoke at 9 a.m. on Friday.",
            "9 a.m. on Friday",
            "2017-05-12T09:00",
        );
        has(
            "Protesters gathered this morning.",
            "this morning",
            "2017-05-12TMO",
        );
        has("The vote came a day after May 3.", "a day", "2017-05-04");
    }

    #[test]
    fn financial_reports_compare_quarters() {
        let text = "Profit rose in the third quarter from $5 million a year ago. \
                    In the year-earlier period, sales were flat.";
        has(text, "the third quarter", "2016-Q3");
        has(text, "a year ago", "2015-Q3");
        has(text, "the year-earlier period", "2015-Q3");
    }

    #[test]
    fn anaphora_count_from_the_previous_date() {
        has(
            "He joined the army in 1995, and the following year he was promoted.",
            "the following year",
            "1996",
        );
        has(
            "The talks began on March 3. The next day they broke down.",
            "The next day",
            "2017-03-04",
        );
        has(
            "He left for Cuba in June 1998 and returned that year.",
            "that year",
            "1998",
        );
        has(
            "Three days later, the index recovered.",
            "Three days",
            "P3D",
        );
    }

    #[test]
    fn non_dates_are_left_alone() {
        assert!(values("The 5-year-old boy and his three-year-old sister.").is_empty());
        assert!(values("He may resign. 1,500 troops and 2.5 million dollars.").is_empty());
    }
}
