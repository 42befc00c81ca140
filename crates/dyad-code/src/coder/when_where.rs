//! When and where an event happened: the sentence's time expression
//! nearest the trigger (else the document's date) and the place named
//! with "in"/"at" near it (else the dateline's).

use chrono::NaiveDate;
use dyad_core::{Span, TimexType};

use crate::sentence::{is_clause_break, Sentence};

/// The date of the time expression in the sentence nearest the trigger
/// (day or month precision; a month gives its first day) with its TIMEX3
/// value, else the document's reference date (and no value).
pub(super) fn event_date(s: &Sentence, trigger: Span) -> (Option<NaiveDate>, Option<String>) {
    let mut best: Option<(usize, NaiveDate, &str)> = None;
    for t in &s.doc.timexes {
        if t.start < s.span.start || t.end > s.span.end || t.kind != TimexType::Date {
            continue;
        }
        let Some(d) = parse_timex_date(&t.value) else {
            continue;
        };
        let dist = if t.start >= trigger.end {
            t.start - trigger.end
        } else {
            trigger.start.saturating_sub(t.end)
        };
        if best.is_none_or(|(bd, _, _)| dist < bd) {
            best = Some((dist, d, t.value.as_str()));
        }
    }
    match best {
        Some((_, d, value)) => (Some(d), Some(value.to_string())),
        None => (s.doc.reference_date, None),
    }
}

fn parse_timex_date(v: &str) -> Option<NaiveDate> {
    if let Some(Ok(d)) = v
        .get(..10)
        .map(|x| NaiveDate::parse_from_str(x, "%Y-%m-%d"))
    {
        return Some(d);
    }
    if v.len() == 7 {
        return NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok();
    }
    None
}

/// A place named with "in"/"at" in the sentence (nearest after the trigger,
/// else before it), else the dateline's place.
pub(super) fn event_location(s: &Sentence, trigger: Span) -> Option<String> {
    let mut before = None;
    let mut after = None;
    let t = s.tokens.partition_point(|x| x.span.start < trigger.start);
    let mut lo = t;
    while lo > 0 && !is_clause_break(s.word(lo - 1)) {
        lo -= 1;
    }
    let mut hi = t + 1;
    while hi < s.len() && !is_clause_break(s.word(hi)) {
        hi += 1;
    }
    for (i, m) in s.mentions.iter().enumerate() {
        if !s.is_location_phrase(i) || m.start < lo || m.end > hi {
            continue;
        }
        let name = s.doc.entities.get(m.entity).map(|e| e.name.clone());
        if m.span.start >= trigger.end {
            if after.is_none() {
                after = name;
            }
        } else {
            before = name;
        }
    }
    after.or(before).or_else(|| {
        s.doc
            .dateline
            .as_ref()
            .map(|d| d.location.clone())
            .filter(|l| !l.is_empty())
    })
}
