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
        Slot::Before(pos) => search_before(s, pos, bounds, true),
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
        Slot::Before(pos) => search_before(s, pos, bounds, false),
        Slot::After(pos) => search_after(s, pos, bounds, true),
    }
}

/// Look back from `pos` for the nearest actor; with `skip_places`, an
/// adjective naming a place ("on the Thai border") is passed over.
fn search_before(s: &Sentence, pos: usize, bounds: Bounds, skip_places: bool) -> Found {
    let mut i = pos.min(s.len());
    let stop = bounds.start.max(pos.saturating_sub(SOURCE_WINDOW));
    while i > stop {
        i -= 1;
        let w = s.word(i);
        if w == ";" {
            break;
        }
        if w == "," {
            if let Some(open) =
                relative_clause_open(s, i, stop).or_else(|| appositive_open(s, i, stop))
            {
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
            if skip_places && s.is_place_modifier(m) {
                continue;
            }
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

/// At a comma `i` closing an appositive after an actor ("Pakistan, a key
/// U.S. ally in the region, has refused…"): the token index of the opening
/// comma, which must follow a mention and precede "a"/"an"/"the".
fn appositive_open(s: &Sentence, i: usize, stop: usize) -> Option<usize> {
    let mut j = i;
    while j > stop + 1 && i - j < 14 {
        j -= 1;
        let w = s.word(j);
        if is_clause_break(w) && w != "," {
            return None;
        }
        if w == "," {
            let opens = matches!(s.word(j + 1), "a" | "an" | "the");
            return (opens && j > 0 && s.mention_ending(j - 1).is_some()).then_some(j);
        }
    }
    None
}

/// How two neighbouring mentions are joined.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Join {
    /// "and" (with commas, "both", a title): a compound.
    And,
    /// A comma alone: a compound only inside a list closed by "and"
    /// ("the US, Russia and Switzerland").
    Comma,
    None,
}

/// How the tokens between two mentions join them ("and", "both", a title
/// such as "US Secretary of State", or a list comma).
fn compound_gap(s: &Sentence, from: usize, to: usize) -> Join {
    if to < from || to - from > 6 {
        return Join::None;
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
            _ => return Join::None,
        }
    }
    if has_and || to == from {
        Join::And
    } else if to == from + 1 && s.word(from) == "," {
        Join::Comma
    } else {
        Join::None
    }
}

/// The join between mention `a` and the next mention `a + 1`; a place
/// introduced by "in"/"at" is never a list member.
fn join_after(s: &Sentence, a: usize) -> Join {
    let (Some(this), Some(next)) = (s.mentions.get(a), s.mentions.get(a + 1)) else {
        return Join::None;
    };
    if this.end >= next.start {
        return Join::None;
    }
    match compound_gap(s, this.end, next.start) {
        Join::Comma if s.is_location_phrase(a) || s.is_location_phrase(a + 1) => Join::None,
        j => j,
    }
}

/// The mention `m` and any mentions joined to it by "and" before it.
fn compound_backward(s: &Sentence, m: usize) -> Vec<usize> {
    let mut group = vec![m];
    let mut cur = m;
    let mut listed = false;
    while cur > 0 {
        match join_after(s, cur - 1) {
            Join::And => listed = true,
            Join::Comma if listed => {}
            _ => break,
        }
        group.insert(0, cur - 1);
        cur -= 1;
    }
    dedupe(s, group)
}

/// The mention `m` and any mentions joined to it by "and" after it (list
/// commas count when an "and" closes the list).
fn compound_forward(s: &Sentence, m: usize) -> Vec<usize> {
    let mut group = vec![m];
    let mut pending = Vec::new();
    let mut cur = m;
    loop {
        match join_after(s, cur) {
            Join::And => {
                group.append(&mut pending);
                group.push(cur + 1);
            }
            Join::Comma => pending.push(cur + 1),
            Join::None => break,
        }
        cur += 1;
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

/// The source taken from the speaker (entity `e`) of `quote`: the
/// speaker's mention in the sentence with any actors joined to it ("Brazil
/// and the United States said…" gives both), else the speaker's entity.
pub fn speaker_source(s: &Sentence, e: usize, quote: &dyad_core::Quote) -> Found {
    let (Some(a), Some(b)) = (quote.speaker_start, quote.speaker_end) else {
        return Found::Speaker(e, Span::new(quote.start, quote.end));
    };
    let named = s
        .mentions
        .iter()
        .position(|m| m.entity == e && m.span.start < b && a < m.span.end);
    match named {
        Some(m) => Found::Mentions(compound_backward(s, m)),
        None => Found::Speaker(e, Span::new(quote.start, quote.end)),
    }
}

/// When a pattern finds no target, the place named with "in"/"at" in the
/// trigger's clause stands for it ("protested in Cairo", "evacuate the
/// settlements in Gaza"), as in the PETRARCH and PLOVER gold: the nearest
/// such place after the trigger, else the nearest before it. The place stays
/// the event's location too.
pub fn place_target(s: &Sentence, trigger: usize) -> Found {
    // a subordinate clause ("if war starts in Iraq") has its own place
    let stop = |w: &str| is_clause_break(w) || is_subordinator(w);
    let mut lo = trigger;
    while lo > 0 && !stop(s.word(lo - 1)) {
        lo -= 1;
    }
    let mut hi = trigger + 1;
    while hi < s.len() && !stop(s.word(hi)) {
        hi += 1;
    }
    let places = s
        .mentions
        .iter()
        .enumerate()
        .filter(|&(i, m)| lo <= m.start && m.end <= hi && s.is_location_phrase(i));
    let mut before = None;
    for (i, m) in places {
        if m.start > trigger {
            return Found::Mentions(vec![i]);
        }
        before = Some(i);
    }
    before.map_or(Found::None, |i| Found::Mentions(vec![i]))
}

/// Conjunctions that open a subordinate clause.
fn is_subordinator(w: &str) -> bool {
    matches!(
        w,
        "if" | "unless"
            | "when"
            | "whenever"
            | "because"
            | "although"
            | "though"
            | "whereas"
            | "until"
            | "where"
    )
}
