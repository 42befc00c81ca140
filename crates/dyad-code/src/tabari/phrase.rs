//! Matching dyad [`Pattern`]s in TABARI's dialect (manual §5.5.3, §5.7.3–5.7.4):
//! the part after `*` is matched forward from the verb, the part before it
//! backward from the verb (so `$`, `+`, `^` take the nearest actor unit met);
//! words may be skipped at [`Elem::Gap`]s but never across a comma.

use crate::dict::{Elem, Pattern};

use super::text::Tok;

/// An actor as coding sees it: a span of tokens and its codes (several for a
/// coded or parsed compound).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unit {
    pub start: usize,
    pub end: usize,
    pub codes: Vec<String>,
    /// A coreferenced pronoun.
    pub pronoun: bool,
}

/// Actor slots bound by a pattern (indices into the unit list) and the
/// length of the words actually matched (§5.7.1).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Slots {
    pub source: Option<usize>,
    pub target: Option<usize>,
    /// `%`: the compound is both source and target.
    pub compound: bool,
    /// Alphanumeric characters of the dictionary words matched.
    pub len: usize,
    /// Actors passed over by `^` (they are not taken by the default search).
    pub skip: [Option<usize>; 2],
}

impl Slots {
    /// True when unit `u` was passed over by `^`.
    pub fn skipped(&self, u: Option<usize>) -> bool {
        u.is_some() && self.skip.contains(&u)
    }

    /// True when the pattern placed an actor itself.
    pub fn designated(&self) -> bool {
        self.source.is_some() || self.target.is_some() || self.compound
    }
}

fn word_len(e: &Elem) -> usize {
    match e {
        Elem::Words(w) | Elem::Stem(w) | Elem::Inflected(w) => w
            .first()
            .map(|x| x.chars().filter(|c| c.is_alphanumeric()).count())
            .unwrap_or(0),
        _ => 0,
    }
}

/// Match the run `run` (words, with [`Elem::Gap`]s where words may be
/// skipped inside the clause) at token `i`: (tokens up to the first skipped
/// word, dictionary words matched, tokens up to the last word matched).
/// Words after a skip keep their own tags.
pub fn match_run(toks: &[Tok], i: usize, run: &[Elem]) -> Option<(usize, usize, usize)> {
    fn step(
        toks: &[Tok],
        p: usize,
        run: &[Elem],
        words: usize,
        first_end: Option<usize>,
    ) -> Option<(usize, usize, usize)> {
        let Some((e, rest)) = run.split_first() else {
            return Some((first_end.unwrap_or(p), words, p));
        };
        match e {
            Elem::Gap(_) => {
                let mut q = p;
                while let Some(t) = toks.get(q) {
                    if t.is_comma() {
                        return None;
                    }
                    let first = if q > p {
                        first_end.or(Some(p))
                    } else {
                        first_end
                    };
                    if let Some(r) = step(toks, q, rest, words, first) {
                        return Some(r);
                    }
                    q += 1;
                }
                None
            }
            _ => {
                let t = toks.get(p)?;
                if t.is_comma() || !e.accepts_word(&t.w) {
                    return None;
                }
                step(toks, p + 1, rest, words + 1, first_end)
            }
        }
    }
    let (end, words, full) = step(toks, i, run, 0, None)?;
    (end > i).then_some((end - i, words, full - i))
}

struct Ctx<'a> {
    toks: &'a [Tok],
    units: &'a [Unit],
    start: usize,
    end: usize,
}

/// Match `pat` in the clause `[cs, ce)` with its verb on `[vs, ve)`.
pub fn match_pattern(
    toks: &[Tok],
    units: &[Unit],
    pat: &Pattern,
    cs: usize,
    ce: usize,
    vs: usize,
    ve: usize,
) -> Option<Slots> {
    let cx = Ctx {
        toks,
        units,
        start: cs,
        end: ce,
    };
    let k = pat.elems.iter().position(|e| *e == Elem::Verb)?;
    let before: Vec<Elem> = pat.elems.get(..k)?.iter().rev().cloned().collect();
    let after = pat.elems.get(k + 1..)?;
    let s = fwd(&cx, after, ve, Slots::default())?;
    back(&cx, &before, vs, s)
}

fn is_slot(e: Option<&Elem>) -> bool {
    matches!(
        e,
        Some(Elem::Source | Elem::Target | Elem::Compound | Elem::SkipActor)
    )
}

fn bind(e: &Elem, u: usize, unit: &Unit, mut s: Slots) -> Option<Slots> {
    match e {
        Elem::Source => s.source = Some(u),
        Elem::Target => s.target = Some(u),
        Elem::Compound => {
            if unit.codes.len() < 2 {
                return None;
            }
            s.source = Some(u);
            s.compound = true;
        }
        Elem::SkipActor => {
            if let Some(slot) = s.skip.iter_mut().find(|x| x.is_none()) {
                *slot = Some(u);
            }
        }
        _ => {}
    }
    Some(s)
}

/// Forward from `pos` (after the verb).
fn fwd(cx: &Ctx, elems: &[Elem], pos: usize, slots: Slots) -> Option<Slots> {
    let Some((e, rest)) = elems.split_first() else {
        return Some(slots);
    };
    match e {
        Elem::Gap(_) => {
            let mut p = pos;
            while p <= cx.end {
                if is_slot(rest.first()) {
                    // an actor slot after a gap takes the first actor met
                    if cx.units.iter().any(|u| u.start == p) {
                        return fwd(cx, rest, p, slots);
                    }
                } else if let Some(s) = fwd(cx, rest, p, slots) {
                    return Some(s);
                }
                if cx.toks.get(p).is_none_or(Tok::is_comma) {
                    return None;
                }
                p += 1;
            }
            None
        }
        Elem::Source | Elem::Target | Elem::Compound | Elem::SkipActor => {
            let u = cx.units.iter().position(|u| u.start == pos)?;
            let unit = cx.units.get(u)?;
            fwd(cx, rest, unit.end, bind(e, u, unit, slots)?)
        }
        Elem::Alt(alts) => {
            for alt in alts {
                let mut seq: Vec<Elem> = alt.clone();
                seq.extend(rest.iter().cloned());
                if let Some(s) = fwd(cx, &seq, pos, slots) {
                    return Some(s);
                }
            }
            None
        }
        Elem::Verb => None,
        _ => {
            if pos >= cx.end {
                return None;
            }
            let t = cx.toks.get(pos)?;
            if t.is_comma() || !e.accepts_word(&t.w) {
                return None;
            }
            let mut s = slots;
            s.len += word_len(e);
            fwd(cx, rest, pos + 1, s)
        }
    }
}

/// Backward from `pos` (exclusive; the verb start) over reversed `elems`.
fn back(cx: &Ctx, elems: &[Elem], pos: usize, slots: Slots) -> Option<Slots> {
    let Some((e, rest)) = elems.split_first() else {
        return Some(slots);
    };
    match e {
        Elem::Gap(_) => {
            let mut p = pos;
            loop {
                if is_slot(rest.first()) {
                    if cx.units.iter().any(|u| u.end == p && u.start >= cx.start) {
                        return back(cx, rest, p, slots);
                    }
                } else if let Some(s) = back(cx, rest, p, slots) {
                    return Some(s);
                }
                if p <= cx.start {
                    return None;
                }
                if cx.toks.get(p - 1).is_none_or(Tok::is_comma) {
                    return None;
                }
                p -= 1;
            }
        }
        Elem::Source | Elem::Target | Elem::Compound | Elem::SkipActor => {
            let u = cx
                .units
                .iter()
                .position(|u| u.end == pos && u.start >= cx.start)?;
            let unit = cx.units.get(u)?;
            back(cx, rest, unit.start, bind(e, u, unit, slots)?)
        }
        Elem::Alt(alts) => {
            for alt in alts {
                let mut seq: Vec<Elem> = alt.iter().rev().cloned().collect();
                seq.extend(rest.iter().cloned());
                if let Some(s) = back(cx, &seq, pos, slots) {
                    return Some(s);
                }
            }
            None
        }
        Elem::Verb => None,
        _ => {
            if pos <= cx.start {
                return None;
            }
            let t = cx.toks.get(pos - 1)?;
            if t.is_comma() || !e.accepts_word(&t.w) {
                return None;
            }
            let mut s = slots;
            s.len += word_len(e);
            back(cx, rest, pos - 1, s)
        }
    }
}
