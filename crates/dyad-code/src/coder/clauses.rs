//! TABARI's clauses in dyad's default coder: the words dropped before
//! matching (comma-delimited clauses, FBIS's bracketed notes), the
//! clause source carried from clause to clause (§7.5), and which of the
//! sentence's events stay under `CODE BY` and the `?`/`!` ranks (§5.7.5).

use std::ops::Range;

use dyad_core::Event;

use super::tabari::{live, ClauseCtx};
use crate::conventions::{comma_clauses, select, CodeBy, Conventions, Rank};
use crate::sentence::Sentence;

/// The words of `s` that are not coded: comma-delimited clauses within the
/// `COMMA:` limits, and with `SET: FBIS` everything between brackets.
pub(super) fn deleted_words(s: &Sentence, conv: Option<&Conventions>) -> Vec<bool> {
    let mut deleted = match conv.and_then(|c| c.comma.as_ref()) {
        Some(lim) => {
            let commas: Vec<bool> = (0..s.len())
                .map(|i| s.word(i) == "," && s.token_mention.get(i).is_some_and(Option::is_none))
                .collect();
            comma_clauses(lim, &commas)
        }
        None => Vec::new(),
    };
    if conv.is_some_and(|c| c.fbis) {
        // FBIS: bracketed words are editorial notes, never coded
        deleted.resize(s.len(), false);
        let mut depth = 0usize;
        for (i, d) in deleted.iter_mut().enumerate() {
            let w = s.word(i);
            if w == "[" {
                depth += 1;
            }
            *d |= depth > 0;
            if w == "]" {
                depth = depth.saturating_sub(1);
            }
        }
    }
    deleted
}

/// Move `ctx` on to `clause` (the clause of the next match), through the
/// clauses after `seen_clause`, carrying the clause source: the first live
/// actor of the sentence's first clause (or while nothing was coded), else
/// an actor opening the clause. Without conventions (`tabari` false) there
/// are no clauses.
pub(super) fn enter_clause(
    s: &Sentence,
    splits: &[usize],
    ctx: &mut ClauseCtx,
    seen_clause: &mut Option<usize>,
    clause: usize,
    tabari: bool,
    no_hits: bool,
) {
    let first = seen_clause.map_or(0, |c| c + 1);
    // (dyad's own coding has no clauses: an empty range)
    let last = if tabari { clause + 1 } else { first };
    for c in first..last {
        let cs = c
            .checked_sub(1)
            .and_then(|k| splits.get(k))
            .map_or(0, |&k| k + 1);
        let ce = splits.get(c).copied().unwrap_or(s.len());
        let in_clause = (0..s.mentions.len()).filter(|&m| {
            live(s, ctx, m)
                && s.mentions
                    .get(m)
                    .is_some_and(|x| cs <= x.start && x.start < ce)
        });
        let next = if c == 0 || no_hits {
            in_clause.into_iter().next()
        } else {
            s.mention_starting(cs).filter(|&m| live(s, ctx, m))
        };
        if next.is_some() {
            ctx.carried = next;
        }
        (ctx.start, ctx.end, ctx.index) = (cs, ce, c);
    }
    *seen_clause = Some(clause.max(seen_clause.unwrap_or(0)));
}

/// Append to `events` the `found` events that stay: all of them when no
/// `CODE BY` is set and no code is ranked, else those of the hits
/// [`select`] keeps (`hits`: each coded match's rank and range in `found`).
pub(super) fn keep_selected(
    code_by: Option<CodeBy>,
    hits: &[(Rank, Range<usize>)],
    mut found: Vec<Event>,
    events: &mut Vec<Event>,
) {
    let ranked = hits.iter().any(|(r, _)| r.subordinate || r.dominant);
    if code_by.is_none() && !ranked {
        events.append(&mut found);
        return;
    }
    let ranks: Vec<Rank> = hits.iter().map(|h| h.0).collect();
    let keep = select(code_by.unwrap_or(CodeBy::All), &ranks);
    if keep.len() == hits.len() {
        events.append(&mut found);
    } else {
        for k in keep {
            if let Some(range) = hits.get(k).map(|h| h.1.clone()) {
                events.extend(found.get(range).unwrap_or(&[]).iter().cloned());
            }
        }
    }
}
