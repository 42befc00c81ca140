//! Clauses (manual §7.5.1, §7.8): comma-delimited nonrestrictive clauses
//! to drop, and conjunctions inside compound noun or adjective phrases,
//! which do not split the sentence.

use super::options::Options;
use super::phrase::Unit;
use super::tag::{Span, Tag};
use super::text::Tok;

/// `<noun> <conj> <adjctv>* <noun>` and `<adjctv> <conj> <adjctv>` do not split clauses.
pub(super) fn compound_noun_conj(kept: &[Tok], spans: &[Span], map: &[usize], c: usize) -> bool {
    // find the original span of kept token c
    let orig = map.iter().position(|&m| m == c);
    let Some(o) = orig else { return false };
    let Some(k) = spans.iter().position(|s| s.start == o) else {
        return false;
    };
    let _ = kept;
    let before = k.checked_sub(1).and_then(|b| spans.get(b)).map(|s| s.tag);
    let mut j = k + 1;
    while spans.get(j).is_some_and(|s| s.tag == Tag::Adj) {
        j += 1;
    }
    let after = spans.get(j).map(|s| s.tag);
    matches!(
        (before, after),
        (Some(Tag::Noun), Some(Tag::Noun))
            | (Some(Tag::Adj), Some(Tag::Adj))
            | (Some(Tag::Adj), Some(Tag::Noun))
    ) || (before == Some(Tag::Adj) && spans.get(k + 1).is_some_and(|s| s.tag == Tag::Adj))
}

/// Comma-delimited clauses to drop (§7.8).
pub(super) fn comma_clauses(
    opts: &Options,
    toks: &[Tok],
    _spans: &[Span],
    units: &[Unit],
) -> Vec<bool> {
    let mut del = vec![false; toks.len()];
    let Some(lim) = opts.comma else { return del };
    let commas: Vec<usize> = toks
        .iter()
        .enumerate()
        .filter(|(i, t)| t.is_comma() && !units.iter().any(|u| u.start <= *i && *i < u.end))
        .map(|(i, _)| i)
        .collect();
    if commas.is_empty() {
        return del;
    }
    // chained: a deleted clause uses up its closing comma, so the next
    // clause opens at the following comma
    const START: usize = usize::MAX;
    let mut drop = |from: usize, to: usize, open: usize, close: Option<usize>| {
        for k in from..to {
            if let Some(x) = del.get_mut(k) {
                *x = true;
            }
        }
        for k in [Some(open).filter(|&o| o != START), close]
            .into_iter()
            .flatten()
        {
            if let Some(x) = del.get_mut(k) {
                *x = true;
            }
        }
    };
    let mut opener: Option<usize> = Some(START);
    for &c in &commas {
        let Some(o) = opener else {
            opener = Some(c);
            continue;
        };
        let (s, min, max) = if o == START {
            (0, lim.bmin, lim.bmax)
        } else {
            (o + 1, lim.min, lim.max)
        };
        let n = c.saturating_sub(s);
        if n > min && n <= max {
            drop(s, c, o, Some(c));
            opener = None;
        } else {
            opener = Some(c);
        }
    }
    if let Some(o) = opener.filter(|&o| o != START) {
        let n = toks.len().saturating_sub(o + 1);
        if n > lim.emin && n <= lim.emax {
            drop(o + 1, toks.len(), o, None);
        }
    }
    del
}
