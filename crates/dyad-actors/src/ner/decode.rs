//! Decoding under BILOU constraints (the best allowed tag; a beam search
//! over a sentence), and the document memory (the label last given to a
//! capitalised word) that training and tagging share.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::features::{Cap, TokInfo};
use super::tags::{self, N_TAGS};

/// Hasher for keys that already are hashes.
#[derive(Default)]
pub(crate) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub(crate) type IdMap<K, V> = HashMap<K, V, BuildHasherDefault<IdHasher>>;

/// What earlier sentences of the document said about capitalised words.
#[derive(Default)]
pub(crate) struct History(IdMap<u64, u8>);

impl History {
    pub(crate) fn clear(&mut self) {
        self.0.clear();
    }

    fn tracked(info: &TokInfo) -> bool {
        matches!(info.cap, Cap::Initial | Cap::All | Cap::Mixed)
    }

    /// 0: nothing known; 1: last tagged O; 2 + label: last tagged as that label.
    pub(crate) fn get(&self, info: &TokInfo) -> u8 {
        if Self::tracked(info) {
            self.0.get(&info.norm).copied().unwrap_or(0)
        } else {
            0
        }
    }

    pub(crate) fn record(&mut self, info: &TokInfo, tag: u8) {
        if Self::tracked(info) {
            let v = tags::parts(tag).map_or(1, |(l, _)| 2 + l as u8);
            self.0.insert(info.norm, v);
        }
    }
}

/// The best tag in the bit set `allowed`, and its margin over the runner-up
/// (infinite when it is the only one).
pub(crate) fn pick<T: Copy + PartialOrd + Into<f64>>(
    scores: &[T; N_TAGS],
    allowed: u32,
) -> (u8, f64) {
    let mut best: Option<(u8, f64)> = None;
    let mut second = f64::NEG_INFINITY;
    for (t, &s) in scores.iter().enumerate() {
        if allowed & (1 << t) == 0 {
            continue;
        }
        let s: f64 = s.into();
        match best {
            Some((_, b)) if s <= b => second = second.max(s),
            Some((_, b)) => {
                second = b;
                best = Some((t as u8, s));
            }
            None => best = Some((t as u8, s)),
        }
    }
    match best {
        Some((t, b)) if second.is_finite() => (t, b - second),
        Some((t, _)) => (t, f64::INFINITY),
        None => (tags::O, 0.0),
    }
}

/// The allowed-tag set for a position: `table` from [`tags::allowed_table`],
/// `prev` the previous tag or [`NO_TAG`].
#[inline]
pub(crate) fn allowed(table: &[[u32; 2]; N_TAGS + 1], prev: u8, last: bool) -> u32 {
    let p = if prev == NO_TAG {
        N_TAGS
    } else {
        usize::from(prev)
    };
    table.get(p).map_or(0, |row| row[usize::from(last)])
}

/// Tag value used for "before the sentence" in the tag-history features.
pub(crate) const NO_TAG: u8 = u8::MAX;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::features::tok_info;
    use crate::ner::tags::{tag, Pos};
    use crate::ner::NerLabel;

    #[test]
    fn pick_respects_constraints() {
        let mut scores = [0i32; N_TAGS];
        let i_per = tag(NerLabel::Per, Pos::Inside);
        scores[usize::from(i_per)] = 10;
        scores[usize::from(tags::O)] = 3;
        // I-PER cannot start a sentence: O wins with margin over the next best (0).
        let table = tags::allowed_table();
        let (t, m) = pick(&scores, allowed(&table, NO_TAG, false));
        assert_eq!(t, tags::O);
        assert_eq!(m, 3.0);
        let (t, _) = pick(
            &scores,
            allowed(&table, tag(NerLabel::Per, Pos::Begin), false),
        );
        assert_eq!(t, i_per);
    }

    #[test]
    fn history_tracks_capitalised_words_only() {
        let mut h = History::default();
        let clinton = tok_info("Clinton");
        let said = tok_info("said");
        h.record(&clinton, tag(NerLabel::Per, Pos::Unit));
        h.record(&said, tags::O);
        assert_eq!(h.get(&tok_info("CLINTON")), 2 + NerLabel::Per as u8);
        assert_eq!(h.get(&said), 0);
    }
}

/// Most previous-tag hypotheses kept per token.
const MAX_STATES: usize = 4;

/// Buffers of [`search`].
#[derive(Default)]
pub(crate) struct Lattice {
    /// Per token and tag: the previous tag of the best path ending there.
    back: Vec<[u8; N_TAGS]>,
    /// Per token and tag: the local margin of that tag over the best other
    /// tag allowed after the same previous tag.
    local: Vec<[f64; N_TAGS]>,
}

/// Decode a sentence: a beam search keeping the best path ending in each of
/// the [`MAX_STATES`] best tags of each token (recombined on the last tag,
/// the tag before it read from that path), with the word-feature scores
/// `statics` of each token precomputed. Training uses the same search.
/// `dynamic(i, prev, prev2, acc)` adds the scores of the decision features
/// of token `i`. `init` is the (previous, before previous) tag before the
/// first token: `(NO_TAG, NO_TAG)` at a sentence start, `(O, O)` for a
/// stretch inside a sentence. Writes the tags and each token's margin (in
/// score units).
#[allow(clippy::too_many_arguments)]
pub(crate) fn search(
    statics: &[[f32; N_TAGS]],
    table: &[[u32; 2]; N_TAGS + 1],
    scale: f64,
    init: (u8, u8),
    mut dynamic: impl FnMut(usize, u8, u8, &mut [f32; N_TAGS]),
    lattice: &mut Lattice,
    tags_out: &mut Vec<u8>,
    margins: &mut Vec<f64>,
) {
    let n = statics.len();
    tags_out.clear();
    margins.clear();
    if n == 0 {
        return;
    }
    lattice.back.clear();
    lattice.back.resize(n, [NO_TAG; N_TAGS]);
    lattice.local.clear();
    lattice.local.resize(n, [0.0; N_TAGS]);
    // Alive hypotheses: (score, tag, tag before it), best first.
    let mut alive = [(0.0f64, init.0, init.1); MAX_STATES];
    let mut n_alive = 1;
    let mut next: [(f64, u8); N_TAGS] = [(f64::NEG_INFINITY, NO_TAG); N_TAGS];
    for (i, base) in statics.iter().enumerate() {
        let last = i + 1 == n;
        next.fill((f64::NEG_INFINITY, NO_TAG));
        let (Some(back), Some(local)) = (lattice.back.get_mut(i), lattice.local.get_mut(i)) else {
            break;
        };
        for &(score, prev, prev2) in alive.iter().take(n_alive) {
            let mut acc = *base;
            dynamic(i, prev, prev2, &mut acc);
            let allowed = allowed(table, prev, last);
            let (best_t, m) = pick(&acc, allowed);
            let best_s = f64::from(acc[usize::from(best_t)]);
            for (t, ((&s, slot), (b, l))) in acc
                .iter()
                .zip(next.iter_mut())
                .zip(back.iter_mut().zip(local.iter_mut()))
                .enumerate()
            {
                if allowed & (1 << t) == 0 {
                    continue;
                }
                let total = score + f64::from(s);
                if total > slot.0 {
                    *slot = (total, prev);
                    *b = prev;
                    *l = if t == usize::from(best_t) {
                        m
                    } else {
                        f64::from(s) - best_s
                    };
                }
            }
        }
        // Keep the best MAX_STATES states, best first.
        n_alive = 0;
        for (t, &(score, prev)) in next.iter().enumerate() {
            if score == f64::NEG_INFINITY {
                continue;
            }
            let mut at = n_alive;
            while at > 0 && alive[at - 1].0 < score {
                at -= 1;
            }
            if at < MAX_STATES {
                let end = n_alive.min(MAX_STATES - 1);
                alive.copy_within(at..end, at + 1);
                alive[at] = (score, t as u8, prev);
                n_alive = (n_alive + 1).min(MAX_STATES);
            }
        }
        n_alive = n_alive.max(1);
    }
    // Backtrack from the best final state.
    let mut t = if alive[0].1 == NO_TAG {
        super::tags::O
    } else {
        alive[0].1
    };
    tags_out.resize(n, super::tags::O);
    margins.resize(n, 0.0);
    for i in (0..n).rev() {
        if let (Some(o), Some(m)) = (tags_out.get_mut(i), margins.get_mut(i)) {
            *o = t;
            *m = lattice
                .local
                .get(i)
                .and_then(|l| l.get(usize::from(t)))
                .copied()
                .unwrap_or(0.0)
                * scale;
        }
        t = lattice
            .back
            .get(i)
            .and_then(|b| b.get(usize::from(t)))
            .copied()
            .unwrap_or(NO_TAG);
        if t == NO_TAG {
            break;
        }
    }
}
