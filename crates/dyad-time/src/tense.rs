//! Tense of the clause around an expression: the nearest tense marker on the
//! left (within the clause), else on the right. Future markers ("will",
//! "expected", "next") send bare weekdays and months forward.

use crate::grammar::Grammar;
use crate::resolve::Tense;
use crate::scan::Kind;

const WINDOW: usize = 10;

fn marker(g: &Grammar<'_>, i: usize, weak: bool) -> Option<Tense> {
    let t = g.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    if let Some(info) = t.lex.and_then(|l| g.lex.info(l)) {
        if info.future {
            return Some(Tense::Future);
        }
        if info.past {
            return Some(Tense::Past);
        }
    }
    if !weak {
        return None;
    }
    let w = g.text.get(t.start..t.end)?;
    (w.len() > 4 && w.ends_with("ed")).then_some(Tense::Past)
}

fn boundary(g: &Grammar<'_>, i: usize) -> bool {
    g.toks.get(i).is_some_and(|t| {
        t.kind == Kind::Punct
            && matches!(
                g.text.get(t.start..t.end),
                Some("." | "!" | "?" | ";" | "\n")
            )
    })
}

/// The tense around tokens `start..end`: the nearest lexicon marker (left
/// first), else the nearest `-ed` word.
pub fn tense_around(g: &Grammar<'_>, start: usize, end: usize) -> Tense {
    let left = || (1..=WINDOW.min(start)).map(|k| start - k);
    let right = || end..(end + WINDOW).min(g.toks.len());
    // The clause on the left (the verb the expression modifies usually
    // comes first), lexicon words before `-ed` words; then the right.
    if let Some(t) = scan(g, left(), true) {
        return t;
    }
    for weak in [false, true] {
        if let Some(t) = scan(g, right(), weak) {
            return t;
        }
    }
    Tense::Unknown
}

fn scan(g: &Grammar<'_>, order: impl Iterator<Item = usize>, weak: bool) -> Option<Tense> {
    for i in order {
        if boundary(g, i) {
            return None;
        }
        if let Some(t) = marker(g, i, weak) {
            return Some(t);
        }
    }
    None
}
