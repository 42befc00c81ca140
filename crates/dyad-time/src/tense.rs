//! Tense of the clause around an expression: the nearest tense marker on the
//! left (within the clause), else on the right. Future markers ("will",
//! "expected", "next") send bare weekdays and months forward, and so do an
//! intention with its infinitive ("planned to leave on Thursday") and "as
//! early as"/"as soon as" right before the expression.

use crate::grammar::Grammar;
use crate::resolve::Tense;
use crate::scan::Kind;

const WINDOW: usize = 10;

/// The tense marked by token `i`; `left` when it stands before the
/// expression, where an intention governs it through its infinitive.
fn marker(g: &Grammar<'_>, i: usize, weak: bool, left: bool) -> Option<Tense> {
    let t = g.toks.get(i)?;
    if t.kind != Kind::Word {
        return None;
    }
    let followed_by_to = || {
        g.toks
            .get(i + 1)
            .and_then(|n| g.text.get(n.start..n.end))
            .is_some_and(|w| w.eq_ignore_ascii_case("to") || w.eq_ignore_ascii_case("for"))
    };
    if let Some(info) = t.lex.and_then(|l| g.lex.info(l)) {
        if left && info.intent && followed_by_to() {
            return Some(Tense::Future);
        }
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

/// "as early as Tuesday", "as soon as next week": a date still to come.
fn as_soon_as(g: &Grammar<'_>, start: usize) -> bool {
    let word = |k: usize| {
        start
            .checked_sub(k)
            .and_then(|i| g.toks.get(i))
            .and_then(|t| g.text.get(t.start..t.end))
            .unwrap_or("")
    };
    word(1).eq_ignore_ascii_case("as")
        && word(3).eq_ignore_ascii_case("as")
        && ["early", "soon"]
            .iter()
            .any(|w| word(2).eq_ignore_ascii_case(w))
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
    if as_soon_as(g, start) {
        return Tense::Future;
    }
    // The clause on the left (the verb the expression modifies usually
    // comes first), lexicon words before `-ed` words; then the right.
    if let Some(t) = scan(g, left(), true, true) {
        return t;
    }
    scan(g, right(), true, false).unwrap_or(Tense::Unknown)
}

fn scan(
    g: &Grammar<'_>,
    order: impl Iterator<Item = usize>,
    weak: bool,
    left: bool,
) -> Option<Tense> {
    for i in order {
        if boundary(g, i) {
            return None;
        }
        if let Some(t) = marker(g, i, weak, left) {
            return Some(t);
        }
    }
    None
}
