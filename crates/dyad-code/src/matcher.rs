//! The compiled dictionary: an Aho-Corasick prefilter over every trigger
//! form (so only sentences with a trigger do any work), a trigger → pattern
//! index, and the element-by-element matcher that runs outward from the
//! trigger, binding `$`/`+` slots.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::dict::{Discard, Elem, Pattern};
use crate::error::CodeError;
use crate::sentence::{is_hard_break, Sentence};

/// Where a pattern puts an actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// The pattern has no such slot.
    Absent,
    /// Search leftwards from this token (exclusive).
    Before(usize),
    /// Search rightwards from this token (inclusive).
    After(usize),
    /// Bound to this sentence mention.
    Bound(usize),
}

/// A successful match of one pattern.
#[derive(Debug, Clone, Copy)]
pub struct Match {
    pub pattern: usize,
    /// Token range covered by the pattern's words.
    pub start: usize,
    pub end: usize,
    pub trigger: usize,
    pub source: Slot,
    pub target: Slot,
}

#[derive(Debug, Clone, Copy)]
struct Slots {
    source: Slot,
    target: Slot,
}

/// Patterns and discards, compiled.
#[derive(Debug)]
pub struct Matcher {
    pub patterns: Vec<Pattern>,
    pub discards: Vec<Discard>,
    by_trigger: HashMap<String, Vec<usize>>,
    discard_first: HashMap<String, Vec<usize>>,
    prefilter: AhoCorasick,
}

impl Matcher {
    pub fn new(patterns: Vec<Pattern>, discards: Vec<Discard>) -> Result<Self, CodeError> {
        let mut by_trigger: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, p) in patterns.iter().enumerate() {
            if let Some(Elem::Words(ws)) = p.elems.get(p.trigger) {
                for w in ws {
                    by_trigger.entry(w.clone()).or_default().push(i);
                }
            }
        }
        let mut discard_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, d) in discards.iter().enumerate() {
            for w in d.words.first().into_iter().flatten() {
                discard_first.entry(w.clone()).or_default().push(i);
            }
        }
        let mut keys: Vec<&String> = by_trigger.keys().collect();
        keys.sort();
        let prefilter = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(keys)?;
        Ok(Matcher {
            patterns,
            discards,
            by_trigger,
            discard_first,
            prefilter,
        })
    }

    /// Byte offsets in `text` where a trigger word starts on word boundaries.
    pub fn trigger_positions(&self, text: &str) -> Vec<usize> {
        let b = text.as_bytes();
        let is_word = |i: usize| {
            b.get(i)
                .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
        };
        let mut out = Vec::new();
        // leftmost-longest, non-overlapping: a trigger starts after a
        // non-word character, so a rejected match cannot hide one
        for m in self.prefilter.find_iter(text) {
            let before_ok = m.start() == 0 || !is_word(m.start() - 1);
            if before_ok && !is_word(m.end()) && out.last() != Some(&m.start()) {
                out.push(m.start());
            }
        }
        out
    }

    /// Patterns triggered by the word at token `i`.
    pub fn candidates(&self, s: &Sentence, i: usize) -> &[usize] {
        self.by_trigger
            .get(s.word(i))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Discards whose phrase occurs in the sentence.
    pub fn discards_in(&self, s: &Sentence) -> Vec<usize> {
        let mut out = Vec::new();
        for i in 0..s.len() {
            for &d in self
                .discard_first
                .get(s.word(i))
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                let Some(disc) = self.discards.get(d) else {
                    continue;
                };
                let ok = disc
                    .words
                    .iter()
                    .enumerate()
                    .all(|(k, alts)| alts.iter().any(|a| a == s.word(i + k)));
                if ok && !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// Try pattern `p` with its trigger at token `t`.
    pub fn try_match(&self, s: &Sentence, p: usize, t: usize) -> Option<Match> {
        let pat = self.patterns.get(p)?;
        let elems = &pat.elems;
        let slots = Slots {
            source: Slot::Absent,
            target: Slot::Absent,
        };
        let after = elems.get(pat.trigger + 1..)?;
        let before: Vec<&Elem> = elems.get(..pat.trigger)?.iter().rev().collect();
        let (end, slots) = forward(s, after, t + 1, slots)?;
        let (start, slots) = backward(s, &before, t, slots)?;
        Some(Match {
            pattern: p,
            start,
            end,
            trigger: t,
            source: slots.source,
            target: slots.target,
        })
    }
}

fn set_slot(slots: &mut Slots, e: &Elem, v: Slot) {
    match e {
        Elem::Source => slots.source = v,
        Elem::Target => slots.target = v,
        _ => {}
    }
}

/// Match `elems` from token `pos` rightwards; returns the end token.
fn forward(s: &Sentence, elems: &[Elem], pos: usize, mut slots: Slots) -> Option<(usize, Slots)> {
    let Some((e, rest)) = elems.split_first() else {
        return Some((pos, slots));
    };
    match e {
        Elem::Words(ws) => {
            let w = s.word(pos);
            if pos < s.len() && ws.iter().any(|x| x == w) {
                forward(s, rest, pos + 1, slots)
            } else {
                None
            }
        }
        Elem::Gap(n) => {
            for k in 0..=*n {
                if k > 0 && (pos + k > s.len() || is_hard_break(s.word(pos + k - 1))) {
                    break;
                }
                if let Some(r) = forward(s, rest, pos + k, slots) {
                    return Some(r);
                }
            }
            None
        }
        Elem::Stem(_) | Elem::Inflected(_) => {
            if pos < s.len() && e.accepts_word(s.word(pos)) {
                forward(s, rest, pos + 1, slots)
            } else {
                None
            }
        }
        // TABARI-only elements: matched by `tabari::phrase`
        Elem::Alt(_) | Elem::Verb | Elem::Compound | Elem::SkipActor => None,
        Elem::Source | Elem::Target => {
            if rest.is_empty() {
                set_slot(&mut slots, e, Slot::After(pos));
                return Some((pos, slots));
            }
            // a slot inside the pattern binds the next mention (after at most
            // three tokens such as "the", a title)
            for k in 0..=3 {
                let i = pos + k;
                if i >= s.len() || (k > 0 && is_hard_break(s.word(i - 1))) {
                    break;
                }
                if let Some(m) = s.mention_starting(i) {
                    let end = s.mentions.get(m).map(|x| x.end)?;
                    set_slot(&mut slots, e, Slot::Bound(m));
                    if let Some(r) = forward(s, rest, end, slots) {
                        return Some(r);
                    }
                }
            }
            None
        }
    }
}

/// Match reversed `elems` leftwards from token `pos` (exclusive); returns
/// the start token.
fn backward(s: &Sentence, elems: &[&Elem], pos: usize, mut slots: Slots) -> Option<(usize, Slots)> {
    let Some((e, rest)) = elems.split_first() else {
        return Some((pos, slots));
    };
    match e {
        Elem::Words(ws) => {
            let i = pos.checked_sub(1)?;
            let w = s.word(i);
            if ws.iter().any(|x| x == w) {
                backward(s, rest, i, slots)
            } else {
                None
            }
        }
        Elem::Gap(n) => {
            for k in 0..=*n {
                if k > pos || (k > 0 && is_hard_break(s.word(pos - k))) {
                    break;
                }
                if let Some(r) = backward(s, rest, pos - k, slots) {
                    return Some(r);
                }
            }
            None
        }
        Elem::Stem(_) | Elem::Inflected(_) => {
            let i = pos.checked_sub(1)?;
            if e.accepts_word(s.word(i)) {
                backward(s, rest, i, slots)
            } else {
                None
            }
        }
        Elem::Alt(_) | Elem::Verb | Elem::Compound | Elem::SkipActor => None,
        Elem::Source | Elem::Target => {
            if rest.is_empty() {
                set_slot(&mut slots, e, Slot::Before(pos));
                return Some((pos, slots));
            }
            for k in 1..=4 {
                let Some(i) = pos.checked_sub(k) else { break };
                if is_hard_break(s.word(i)) {
                    break;
                }
                if let Some(m) = s.mention_ending(i) {
                    let start = s.mentions.get(m).map(|x| x.start)?;
                    set_slot(&mut slots, e, Slot::Bound(m));
                    if let Some(r) = backward(s, rest, start, slots) {
                        return Some(r);
                    }
                }
            }
            None
        }
    }
}
