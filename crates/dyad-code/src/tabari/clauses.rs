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

/// Comma-delimited clauses to drop (§7.8): the shared rule
/// ([`crate::conventions::comma_clauses`]) over TABARI's tokens, commas
/// inside an actor unit not counted.
pub(super) fn comma_clauses(
    opts: &Options,
    toks: &[Tok],
    _spans: &[Span],
    units: &[Unit],
) -> Vec<bool> {
    let Some(lim) = opts.comma else {
        return vec![false; toks.len()];
    };
    let commas: Vec<bool> = toks
        .iter()
        .enumerate()
        .map(|(i, t)| t.is_comma() && !units.iter().any(|u| u.start <= i && i < u.end))
        .collect();
    crate::conventions::comma_clauses(&lim, &commas)
}
