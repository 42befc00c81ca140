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
        // Where the last stretch of six or more months ("the first nine
        // months") ended: "a year earlier" in its sentence is that stretch
        // of the year before, i.e. the year, not the quarter.
        let mut period_end: Option<usize> = None;
        for (k, m) in matches.iter().enumerate() {
            let tense = tense::tense_around(&g, m.start, m.end);
            let period = period_end.is_some_and(|e| {
                toks.get(e..m.start).is_some_and(|between| {
                    !between.iter().any(|t| {
                        t.kind == scan::Kind::Punct
                            && matches!(text.get(t.start..t.end), Some("." | "!" | "?" | "\n"))
                    })
                })
            });
            let mut ctx = Ctx {
                dct,
                tense,
                prev,
                next: None,
                quarter,
                period,
            };
            if let Sem::Duration {
                unit: lexicon::Unit::Month,
                amount: grammar::Amount::N(v),
            } = m.sem
            {
                if v >= 6.0 {
                    period_end = Some(m.end);
                }
            }
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
                Sem::Shift { .. }
                    | Sem::YearAgo
                    | Sem::Anaphor(_)
                    | Sem::PrevWeekday(_)
                    | Sem::Quarter { q: None, .. }
            );
            if r.val.is_some() && !anaphoric {
                prev = r.val;
                // The quarter a report is about is over; a forecast
                // ("losses through the third quarter of 1990") is not it.
                if let Some(q @ calendar::Val::Quarter(..)) = r.val {
                    let over = q
                        .shift(lexicon::Unit::Quarter, 1)
                        .and_then(|n| n.first_day())
                        .is_some_and(|d| d <= dct);
                    if over {
                        quarter = Some(q);
                    }
                }
            }
            let (Some(first), Some(last)) = (toks.get(m.start), toks.get(m.end.saturating_sub(1)))
            else {
                continue;
            };
            let (mut start, end) = (first.start, last.end);
            // TimeML keeps an approximation inside the extent ("nearly two
            // years", "around 7:15 p.m.", mod="APPROX"); TimeBank leaves
            // "about" out, and "almost" before a frequency ("almost daily").
            if let Some(before) = m.start.checked_sub(1).and_then(|b| toks.get(b)) {
                let w = text.get(before.start..before.end).unwrap_or("");
                let amount = matches!(m.sem, Sem::Duration { .. } | Sem::Shift { .. });
                // "get around Wednesday's ruling": only a time or date is
                // approximated by "around".
                let point = matches!(m.sem, Sem::Clock { .. } | Sem::Date { .. });
                let approx = ["nearly", "approximately", "roughly"]
                    .iter()
                    .any(|a| w.eq_ignore_ascii_case(a))
                    || (amount && w.eq_ignore_ascii_case("almost"))
                    || ((amount || point) && w.eq_ignore_ascii_case("around"));
                if approx && before.kind == scan::Kind::Word {
                    start = before.start;
                }
            }
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
    fn intentions_and_as_soon_as_look_ahead() {
        // Friday 12 May 2017.
        has(
            "Talks, suspended in April, are set to resume Monday in Belfast.",
            "Monday",
            "2017-05-15",
        );
        has(
            "He planned to leave Nairobi on Thursday for Dar es Salaam.",
            "Thursday",
            "2017-05-18",
        );
        has(
            "The boy could fly home as early as Tuesday, lawyers said.",
            "Tuesday",
            "2017-05-16",
        );
        has(
            "On Tuesday, the government planned to reopen the port.",
            "Tuesday",
            "2017-05-09",
        );
    }

    #[test]
    fn more_calendar_phrases() {
        has(
            "The doctor was shot last Oct. 23 at his home.",
            "last Oct. 23",
            "2016-10-23",
        );
        has(
            "A hearing is set for the week of March 6, lawyers said.",
            "the week of March 6",
            "2017-W10",
        );
        has(
            "Orangemen march each July through the town.",
            "each July",
            "XXXX-07",
        );
        has(
            "The unit was sold this past spring to a rival.",
            "this past spring",
            "2017-SP",
        );
        has(
            "Shares traded at the current market price.",
            "current",
            "PRESENT_REF",
        );
        has(
            "Holders may buy shares at the then current market price.",
            "then current",
            "PAST_REF",
        );
        has(
            "In London at mid-afternoon yesterday, shares rose.",
            "mid-afternoon yesterday",
            "2017-05-11TAF",
        );
        has(
            "The blast shook the town at 10 p.m. Wednesday.",
            "10 p.m. Wednesday",
            "2017-05-10T22:00",
        );
    }

    #[test]
    fn year_ago_follows_the_reported_period() {
        let text = "Profit rose in the first quarter. Analysts see losses through the \
                    third quarter of 2018. In the year-ago period, it earned $5 million. \
                    For the quarter a year ago, sales were flat.";
        has(text, "the year-ago period", "2016-Q1");
        has(text, "the quarter a year ago", "2016-Q1");
        let text = "Profit rose in the first quarter. In the first nine months, net \
                    income was $9 million, compared with $7 million a year earlier.";
        has(text, "a year earlier", "2016");
    }

    #[test]
    fn titles_idioms_and_ordinals_are_not_times() {
        for text in [
            "Baker said on ABC's \"This Week With David Brinkley\" that talks failed.",
            "He watched the film High Noon again.",
            "A second group of directors resigned.",
            "The report appeared in USA Today, officials said.",
            "He spoke on CBS's 60 Minutes about the case.",
            "Veterans of the Prague Spring of 1968 gathered.",
            "The quarter-to-quarter comparison was hurt by charges.",
        ] {
            let got = values(text);
            assert!(
                got.iter().all(|(t, _)| ![
                    "This Week",
                    "Noon",
                    "A second",
                    "Today",
                    "60 Minutes",
                    "Spring",
                    "The quarter"
                ]
                .contains(&t.as_str())),
                "{text}: {got:?}"
            );
        }
        has(
            "Stocks rose eight trading days after Oct. 12, the day of the plunge.",
            "eight trading days",
            "P8D",
        );
        has(
            "Net for the year-earlier nine months included a gain.",
            "the year-earlier nine months",
            "P9M",
        );
    }

    #[test]
    fn approximations_stay_inside_the_extent() {
        has(
            "Talks have been cut off for nearly two years.",
            "nearly two years",
            "P2Y",
        );
        has(
            "The victim was shot around 7:15 p.m. on Friday.",
            "around 7:15 p.m. on Friday",
            "2017-05-12T19:15",
        );
        has(
            "He spent about five hours in Tanzania.",
            "five hours",
            "PT5H",
        );
        has(
            "They looked for ways to get around Wednesday's ruling.",
            "Wednesday",
            "2017-05-10",
        );
        has(
            "Critics rallied in the last half of 1989.",
            "the last half of 1989",
            "1989-H2",
        );
        has("Sales boomed in the '80s.", "the '80s", "198");
        has(
            "The index closed at 2082.1 on May 5, down 4.5% from the previous Friday.",
            "the previous Friday",
            "2017-04-28",
        );
        has(
            "The church has stood for almost a hundred years.",
            "almost a hundred years",
            "P100Y",
        );
    }

    #[test]
    fn non_dates_are_left_alone() {
        assert!(values("The 5-year-old boy and his three-year-old sister.").is_empty());
        assert!(values("He may resign. 1,500 troops and 2.5 million dollars.").is_empty());
    }
}
