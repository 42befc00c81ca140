//! Filling a pattern's source and target: the nearest actor before the
//! trigger (skipping a relative clause), the first actor after it in the
//! same clause, compound actors ("Trump and Putin", "both powers"), plural
//! pronouns ("they", "them"), and the speaker of a quote.

use dyad_core::Span;

use crate::matcher::Slot;
use crate::sentence::{is_clause_break, Sentence};

/// How far (in tokens) the searches look.
const SOURCE_WINDOW: usize = 30;
const TARGET_WINDOW: usize = 16;

/// The actors found for one slot: sentence mention indices (several for a
/// compound), or the quote speaker's entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Found {
    None,
    Mentions(Vec<usize>),
    /// Entity index of a quote's speaker, with the quote's span.
    Speaker(usize, Span),
}

/// Token range a search may not leave (the content of the quote holding
/// the trigger, else the sentence).
#[derive(Debug, Clone, Copy)]
pub struct Bounds {
    pub start: usize,
    pub end: usize,
}

/// Resolve the source slot.
pub fn find_source(s: &Sentence, slot: Slot, bounds: Bounds) -> Found {
    match slot {
        Slot::Absent => Found::None,
        Slot::Bound(m) => Found::Mentions(compound_backward(s, m)),
        Slot::Before(pos) => search_before(s, pos, bounds),
        // the agent of a passive follows "by" closely
        Slot::After(pos) => {
            let near = Bounds {
                start: bounds.start,
                end: bounds.end.min(pos + 4),
            };
            search_after(s, pos, near, false)
        }
    }
}

/// Resolve the target slot.
pub fn find_target(s: &Sentence, slot: Slot, bounds: Bounds) -> Found {
    match slot {
        Slot::Absent => Found::None,
        Slot::Bound(m) => Found::Mentions(compound_forward(s, m)),
        Slot::Before(pos) => search_before(s, pos, bounds),
        Slot::After(pos) => search_after(s, pos, bounds, true),
    }
}

fn search_before(s: &Sentence, pos: usize, bounds: Bounds) -> Found {
    let mut i = pos.min(s.len());
    let stop = bounds.start.max(pos.saturating_sub(SOURCE_WINDOW));
    while i > stop {
        i -= 1;
        let w = s.word(i);
        if w == ";" {
            break;
        }
        if w == "," {
            if let Some(open) = relative_clause_open(s, i, stop) {
                i = open;
                continue;
            }
        }
        if matches!(w, "who" | "that") && i + 3 >= pos {
            // "the man who discussed…": the subject is the relative
            // pronoun's antecedent, an actor only when a mention ends there
            let mut j = i;
            if j > 0 && s.word(j - 1) == "," {
                j -= 1;
            }
            return match j.checked_sub(1).and_then(|k| s.mention_ending(k)) {
                Some(m) => Found::Mentions(compound_backward(s, m)),
                None => Found::None,
            };
        }
        if matches!(w, "they" | "them" | "both" | "we") {
            if let Some(group) = last_compound(s, i) {
                return Found::Mentions(group);
            }
        }
        if let Some(m) = s.mention_ending(i) {
            return Found::Mentions(compound_backward(s, m));
        }
    }
    Found::None
}

fn search_after(s: &Sentence, pos: usize, bounds: Bounds, skip_places: bool) -> Found {
    let end = bounds.end.min(pos + TARGET_WINDOW).min(s.len());
    for i in pos..end {
        if is_clause_break(s.word(i)) {
            break;
        }
        if let Some(m) = s.mention_starting(i) {
            // a place after "in"/"at" is the location — unless the pattern
            // itself ends with that preposition ("fired … at +")
            if skip_places && s.location_preposition(m).is_some_and(|p| p >= pos) {
                continue;
            }
            if possessive_before_another(s, m, end) {
                continue;
            }
            return Found::Mentions(compound_forward(s, m));
        }
    }
    Found::None
}

/// "Mr Trump's former adviser Michael Flynn": a possessive mention followed
/// by another mention in the same noun phrase.
fn possessive_before_another(s: &Sentence, m: usize, end: usize) -> bool {
    let Some(mention) = s.mentions.get(m) else {
        return false;
    };
    let last = s.word(mention.end.saturating_sub(1));
    if !(last.ends_with("'s") || s.word(mention.end) == "'") {
        return false;
    }
    (mention.end..end.min(mention.end + 6))
        .take_while(|&i| !is_clause_break(s.word(i)))
        .any(|i| s.mention_starting(i).is_some())
}

/// At a comma `i` closing ", who … ,": the token index of the opening comma.
fn relative_clause_open(s: &Sentence, i: usize, stop: usize) -> Option<usize> {
    let mut j = i;
    while j > stop + 1 {
        j -= 1;
        let w = s.word(j);
        if w == "," || w == ";" {
            return None;
        }
        if matches!(w, "who" | "which" | "whose" | "where") && s.word(j - 1) == "," {
            return Some(j - 1);
        }
    }
    None
}

/// Tokens allowed between two members of a compound ("and", "both", a
/// title such as "US Secretary of State").
fn compound_gap(s: &Sentence, from: usize, to: usize) -> bool {
    if to < from || to - from > 6 {
        return false;
    }
    let mut has_and = false;
    for i in from..to {
        let w = s.word(i);
        let raw = s
            .tokens
            .get(i)
            .map(|t| s.doc.span_text(t.span))
            .unwrap_or("");
        match w {
            "and" | "&" => has_and = true,
            "," | "both" | "of" | "the" => {}
            _ if raw.chars().next().is_some_and(char::is_uppercase) => {}
            _ => return false,
        }
    }
    has_and || (to == from)
}

/// The mention `m` and any mentions joined to it by "and" before it.
fn compound_backward(s: &Sentence, m: usize) -> Vec<usize> {
    let mut group = vec![m];
    let mut cur = m;
    while cur > 0 {
        let (Some(prev), Some(this)) = (s.mentions.get(cur - 1), s.mentions.get(cur)) else {
            break;
        };
        if prev.end < this.start && compound_gap(s, prev.end, this.start) {
            group.insert(0, cur - 1);
            cur -= 1;
        } else {
            break;
        }
    }
    dedupe(s, group)
}

/// The mention `m` and any mentions joined to it by "and" after it.
fn compound_forward(s: &Sentence, m: usize) -> Vec<usize> {
    let mut group = vec![m];
    let mut cur = m;
    while let (Some(this), Some(next)) = (s.mentions.get(cur), s.mentions.get(cur + 1)) {
        if this.end < next.start && compound_gap(s, this.end, next.start) {
            group.push(cur + 1);
            cur += 1;
        } else {
            break;
        }
    }
    dedupe(s, group)
}

/// The last compound (two or more actors joined by "and") before token `i`.
fn last_compound(s: &Sentence, i: usize) -> Option<Vec<usize>> {
    let last = s.mentions.iter().rposition(|m| m.end <= i)?;
    (0..=last)
        .rev()
        .map(|m| compound_backward(s, m))
        .find(|g| g.len() > 1)
}

/// Drop repeated entities in a group.
fn dedupe(s: &Sentence, group: Vec<usize>) -> Vec<usize> {
    let mut seen = Vec::new();
    group
        .into_iter()
        .filter(|&m| {
            let e = s.mentions.get(m).map(|x| x.entity);
            if seen.contains(&e) {
                false
            } else {
                seen.push(e);
                true
            }
        })
        .collect()
}
