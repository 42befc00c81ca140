//! Sentences TABARI's conventions do not code: too short (`MINIMUM
//! WORDS`), discarded or complex by a `<TIME>` phrase or a `###`/`+++`
//! actor, and the `COMPLEX:` conditions (§8.1).

use super::tabari::{coded, pronoun_unit, special_actor, time_shift, word_count, ClauseCtx};
use super::Coder;
use crate::conventions::{Conventions, TimeShift, Verdict};
use crate::matcher::Match;
use crate::sentence::Sentence;

/// What the checks made before matching decide.
pub(super) enum Screen {
    /// Fewer words than `MINIMUM WORDS`: not coded, no verdict.
    Short,
    /// Discarded or complex.
    Verdict(Verdict),
    /// To be coded, with the day shift of a `<TIME>` phrase.
    Code(Option<i64>),
}

/// The checks on `s` before matching, under conventions `c`.
pub(super) fn screen(
    s: &Sentence,
    c: &Conventions,
    log: &mut impl FnMut(&dyn Fn() -> String),
) -> Screen {
    let mut shift_days = None;
    let n = word_count(s);
    if n < c.minimum_words {
        log(&|| format!("  {n} words: fewer than the minimum {}", c.minimum_words));
        return Screen::Short;
    }
    match time_shift(c, s) {
        TimeShift::Discard => return Screen::Verdict(Verdict::Discard("time phrase".into())),
        TimeShift::Complex => return Screen::Verdict(Verdict::Complex("time phrase".into())),
        TimeShift::Days(d) => {
            log(&|| format!("  time phrase: events dated {d:+} days"));
            shift_days = Some(d);
        }
        TimeShift::None => {}
    }
    if let Some(v) = special_actor(s) {
        log(&|| format!("  {v:?}"));
        return Screen::Verdict(v);
    }
    Screen::Code(shift_days)
}

impl Coder {
    /// The `COMPLEX:` condition a sentence meets, if any (§8.1).
    pub(super) fn complexity(
        &self,
        s: &Sentence,
        c: &Conventions,
        kept: &[Match],
        splits: &[usize],
        deleted: &[bool],
    ) -> Option<String> {
        let cx = c.complex;
        if cx.verbs > 0 && kept.len() >= cx.verbs {
            return Some(format!("{} verbs", kept.len()));
        }
        if cx.conj > 0 && splits.len() >= cx.conj {
            return Some(format!("{} conjunctions", splits.len()));
        }
        let kept_word = |m: usize| {
            s.mentions
                .get(m)
                .is_some_and(|x| !deleted.get(x.start).copied().unwrap_or(false))
        };
        let coded: Vec<usize> = (0..s.mentions.len())
            .filter(|&m| coded(s, m) && kept_word(m))
            .collect();
        if cx.actors > 0 && coded.len() >= cx.actors {
            return Some(format!("{} actors", coded.len()));
        }
        let first = kept.iter().find(|x| {
            self.matcher
                .patterns
                .get(x.pattern)
                .is_some_and(|p| p.code.is_some())
        });
        match first {
            Some(x) => {
                let ctx = ClauseCtx {
                    deleted: deleted.to_vec(),
                    ..ClauseCtx::default()
                };
                // a pronoun standing for an actor counts (§7.7)
                let prior = coded
                    .iter()
                    .any(|&m| s.mentions.get(m).is_some_and(|m| m.start < x.trigger))
                    || pronoun_unit(s, c, &ctx, 0, x.trigger).is_some();
                if cx.noactprior && !prior && c.default_source.is_none() {
                    return Some(format!(
                        "no actor before the first verb {:?}",
                        s.word(x.trigger)
                    ));
                }
                if cx.lateverb > 0 && x.trigger >= cx.lateverb {
                    return Some("late verb".into());
                }
                None
            }
            None if cx.noverb || cx.lateverb > 0 || cx.noactprior => Some("no verb".into()),
            None => None,
        }
    }
}
