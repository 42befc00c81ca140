//! Event dates from the rest of the article, for events whose own sentence
//! has no time expression (they would otherwise fall back to the reference
//! date, usually the day of publication).
//!
//! Two sources, both from the text:
//! - **speech dates**: a quote whose cue sentence carries a date ("Peskov told
//!   reporters yesterday") dates that speaker's statements in the article, and
//!   the statements of the same actor code (the Kremlin and its spokesman) in
//!   the same or the neighbouring paragraph;
//! - **event anchors**: an event noun next to a date ("Wednesday's meeting",
//!   "the talks on Monday", data/events/anchors.txt) dates the undated events
//!   of its CAMEO root when the article's anchors for that root agree.
//!
//! Only asserted events are re-dated: a planned or possible meeting keeps its
//! own (or the reference) date.

use std::collections::HashMap;

use chrono::NaiveDate;
use dyad_core::{Document, Event, Modality, Span, TimexType};

use crate::error::CodeError;

/// The embedded anchor lexicon (`data/events/anchors.txt`).
pub const DEFAULT_ANCHORS: &str = include_str!("../../../data/events/anchors.txt");

/// CAMEO roots of speech acts: statements, appeals, intents, demands,
/// disapproval, rejection, threats.
const SPEECH_ROOTS: &[&str] = &["01", "02", "03", "10", "11", "12", "13"];

/// Prepositions allowed between an event noun and its date ("the meeting on Monday").
const LINK_WORDS: &[&str] = &["on", "in", "of", "at", "during", "from"];

/// Event nouns by the CAMEO root they date.
#[derive(Debug, Clone, Default)]
pub struct Anchors {
    roots: HashMap<String, &'static str>,
}

impl Anchors {
    /// The embedded lexicon.
    pub fn embedded() -> Self {
        Anchors::parse("anchors.txt", DEFAULT_ANCHORS)
            .expect("embedded data/events/anchors.txt is valid (guarded by a test)")
    }

    /// Parse `ROOT noun|noun…` lines.
    pub fn parse(file: &str, text: &str) -> Result<Self, CodeError> {
        let mut roots = HashMap::new();
        for (n, raw) in text.lines().enumerate() {
            let line = raw.split('#').next().unwrap_or("").trim();
            if line.is_empty() {
                continue;
            }
            let mut parts = line.split_whitespace();
            let (Some(root), Some(nouns), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(CodeError::syntax(file, n + 1, "expected `ROOT noun|noun…`"));
            };
            let root = root_of(root)
                .ok_or_else(|| CodeError::syntax(file, n + 1, "root must be 01…20"))?;
            for noun in nouns.split('|').filter(|w| !w.is_empty()) {
                roots.insert(noun.to_lowercase(), root);
            }
        }
        Ok(Anchors { roots })
    }

    fn root(&self, word: &str) -> Option<&'static str> {
        self.roots.get(&word.to_lowercase()).copied()
    }
}

/// The interned two-digit root for `s`, if it is one of the 20 CAMEO roots.
fn root_of(s: &str) -> Option<&'static str> {
    const ROOTS: [&str; 20] = [
        "01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15",
        "16", "17", "18", "19", "20",
    ];
    ROOTS.iter().find(|r| **r == s).copied()
}

/// A date found in the text, with the TIMEX3 value it came from.
#[derive(Debug, Clone, PartialEq)]
struct Dated {
    date: NaiveDate,
    value: String,
}

/// Re-date the undated asserted events of `events` from speech dates and
/// event anchors found elsewhere in `doc`.
pub fn date_from_discourse(doc: &Document, anchors: &Anchors, events: &mut [Event]) {
    if events
        .iter()
        .all(|e| e.date_value.is_some() || e.modality != Modality::Asserted)
    {
        return;
    }
    let speech = speech_dates(doc);
    let by_root = anchor_dates(doc, anchors);
    for e in events.iter_mut() {
        if e.date_value.is_some() || e.modality != Modality::Asserted {
            continue;
        }
        let found = if SPEECH_ROOTS.contains(&e.root.as_str()) {
            speech_date_for(doc, &speech, e)
        } else {
            None
        };
        let found = found.or_else(|| by_root.get(e.root.as_str()).cloned().flatten());
        if let Some(d) = found {
            e.date = Some(d.date);
            e.date_value = Some(d.value);
        }
    }
}

/// One dated quote: who spoke, in which paragraph, when.
#[derive(Debug)]
struct Speech {
    entity: String,
    actor: Option<String>,
    paragraph: usize,
    when: Dated,
}

/// Dated speech acts: a quote whose cue sentence holds a day-precision date
/// outside the quoted words; later quotes of the same speaker in the same
/// paragraph share it.
fn speech_dates(doc: &Document) -> Vec<Speech> {
    let mut out: Vec<Speech> = Vec::new();
    for q in &doc.quotes {
        let (Some(entity), Some(cue)) = (q.speaker_entity.as_ref(), q.cue_start) else {
            continue;
        };
        let Some(sentence) = containing(&doc.sentences, cue) else {
            continue;
        };
        let paragraph = doc.paragraphs.partition_point(|p| p.end <= cue);
        let when = doc
            .timexes
            .iter()
            .filter(|t| t.kind == TimexType::Date && t.value.len() == 10)
            .filter(|t| t.start >= sentence.start && t.end <= sentence.end)
            .filter(|t| t.end <= q.start || t.start >= q.end)
            .find_map(|t| dated(&t.value));
        let Some(when) = when else {
            continue;
        };
        let actor = doc
            .entities
            .iter()
            .find(|x| &x.id == entity)
            .and_then(|x| x.actor.clone());
        out.push(Speech {
            entity: entity.clone(),
            actor,
            paragraph,
            when,
        });
    }
    out
}

/// The speech date for a statement event: its source entity's dated speech
/// nearest in the article, else a dated speech by the same actor code in the
/// same or a neighbouring paragraph.
fn speech_date_for(doc: &Document, speech: &[Speech], e: &Event) -> Option<Dated> {
    let paragraph = doc.paragraphs.partition_point(|p| p.end <= e.trigger.start);
    let nearest = |it: &mut dyn Iterator<Item = &Speech>| {
        it.min_by_key(|s| s.paragraph.abs_diff(paragraph))
            .map(|s| s.when.clone())
    };
    if let Some(entity) = e.source.entity.as_deref() {
        if let Some(d) = nearest(&mut speech.iter().filter(|s| s.entity == entity)) {
            return Some(d);
        }
    }
    let actor = e.source.actor.as_deref()?;
    nearest(
        &mut speech
            .iter()
            .filter(|s| s.actor.as_deref() == Some(actor) && s.paragraph.abs_diff(paragraph) <= 1),
    )
}

/// Dates of anchored event nouns by root; `None` where the article's anchors
/// for a root disagree (then no event of that root is re-dated).
fn anchor_dates(doc: &Document, anchors: &Anchors) -> HashMap<&'static str, Option<Dated>> {
    let mut out: HashMap<&'static str, Option<Dated>> = HashMap::new();
    for t in &doc.timexes {
        if t.kind != TimexType::Date {
            continue;
        }
        let Some(when) = dated(&t.value) else {
            continue;
        };
        let Some(root) = anchored_noun(doc, Span::new(t.start, t.end), anchors) else {
            continue;
        };
        match out.get(root) {
            None => {
                out.insert(root, Some(when));
            }
            Some(Some(prev)) if *prev != when => {
                out.insert(root, None);
            }
            Some(_) => {}
        }
    }
    out
}

/// The root of an event noun attached to the time expression at `span`:
/// "Wednesday's (Oval Office) meeting" or "the meeting (on) Wednesday".
fn anchored_noun(doc: &Document, span: Span, anchors: &Anchors) -> Option<&'static str> {
    let text = doc.text.as_str();
    let after = text.get(span.end..)?;
    if let Some(rest) = after
        .strip_prefix("'s ")
        .or_else(|| after.strip_prefix("\u{2019}s "))
    {
        let found = words(rest).take(4).find_map(|w| anchors.root(w));
        if found.is_some() {
            return found;
        }
    }
    let before = text.get(..span.start)?;
    let mut back = before
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .take(2);
    let first = back.next()?;
    if let Some(r) = anchors.root(trim_word(first)) {
        return Some(r);
    }
    if LINK_WORDS.contains(&first) {
        return back.next().and_then(|w| anchors.root(trim_word(w)));
    }
    None
}

/// Words of `text` up to the first punctuation that ends a phrase.
fn words(text: &str) -> impl Iterator<Item = &str> {
    let end = text
        .find(['.', ',', ';', ':', '!', '?', '"', '(', ')'])
        .unwrap_or(text.len());
    text.get(..end)
        .unwrap_or("")
        .split_whitespace()
        .map(trim_word)
}

fn trim_word(w: &str) -> &str {
    w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')
}

/// The span of `spans` (sorted, disjoint) containing byte `at`.
fn containing(spans: &[Span], at: usize) -> Option<Span> {
    let k = spans.partition_point(|s| s.end <= at);
    spans.get(k).copied().filter(|s| s.start <= at)
}

/// A day-precision TIMEX3 value ("2017-05-11") as a date.
fn dated(value: &str) -> Option<Dated> {
    let date = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    Some(Dated {
        date,
        value: value.get(..10)?.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_anchor_lexicon_parses() {
        let a = Anchors::embedded();
        assert_eq!(a.root("Meeting"), Some("04"));
        assert_eq!(a.root("attack"), Some("18"));
        assert_eq!(a.root("weather"), None);
    }

    #[test]
    fn anchor_lexicon_errors_name_the_line() {
        let err = Anchors::parse("a.txt", "04 meeting\n42 talks\n").unwrap_err();
        assert_eq!(err.to_string(), "a.txt:2: root must be 01…20");
    }

    fn doc_with_timex(text: &str, timex: &str) -> (Document, Span) {
        let doc = Document::from_body("t", text);
        let start = text.find(timex).unwrap_or(0);
        (doc, Span::new(start, start + timex.len()))
    }

    #[test]
    fn event_nouns_next_to_a_date() {
        let a = Anchors::embedded();
        for (text, timex, root) in [
            (
                "Wednesday's meeting came as talks stalled.",
                "Wednesday",
                Some("04"),
            ),
            (
                "Friday's Oval Office meeting was short.",
                "Friday",
                Some("04"),
            ),
            ("The talks on Monday ended early.", "Monday", Some("04")),
            (
                "The bombing last week killed four.",
                "last week",
                Some("18"),
            ),
            ("He said on Monday that it rained.", "Monday", None),
            ("Monday's weather was fine.", "Monday", None),
        ] {
            let (doc, span) = doc_with_timex(text, timex);
            assert_eq!(anchored_noun(&doc, span, &a), root, "{text}");
        }
    }
}
