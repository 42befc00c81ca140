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

/// Sentinel id of a token that no pattern or discard word equals.
const UNKNOWN: u32 = u32::MAX;

/// One pattern element with its words as interned ids (sorted), for the
/// default matcher.
#[derive(Debug, Clone)]
enum CElem {
    Words(Box<[u32]>),
    Source,
    Target,
    Gap(usize),
    /// [`Elem::Stem`] or [`Elem::Inflected`]: index into the pattern's elems.
    Other(usize),
    /// `^`: one actor passed over (TABARI's skip).
    Skip,
    /// A TABARI-only element: the default matcher never matches it.
    Never,
}

/// A pattern compiled for matching: the elements after the trigger, those
/// before it (reversed), and the word sets every match must find somewhere
/// in the sentence (checked before the pattern is tried).
#[derive(Debug, Clone)]
struct Compiled {
    after: Box<[CElem]>,
    before: Box<[CElem]>,
    required: Box<[Box<[u32]>]>,
    never: bool,
    weight: usize,
}

/// The interned words of a sentence: one id per token and a bitset of the
/// ids present (see [`Matcher::sentence_words`]).
#[derive(Debug, Clone, Default)]
pub struct SentWords {
    ids: Vec<u32>,
    present: Vec<u64>,
}

impl SentWords {
    fn id(&self, i: usize) -> u32 {
        self.ids.get(i).copied().unwrap_or(UNKNOWN)
    }

    fn has(&self, id: u32) -> bool {
        let i = id as usize;
        self.present
            .get(i / 64)
            .is_some_and(|w| w & (1u64 << (i % 64)) != 0)
    }

    /// True when some token of the sentence is one of `alts`.
    fn has_any(&self, alts: &[u32]) -> bool {
        alts.iter().any(|&a| self.has(a))
    }
}

/// A pattern triggered by a word, with up to two words it needs (ids,
/// [`UNKNOWN`] for none) stored inline so most candidates are rejected
/// without touching the pattern.
#[derive(Debug, Clone, Copy)]
pub struct Candidate {
    pub pattern: usize,
    keys: [u32; 2],
}

/// Patterns and discards, compiled.
#[derive(Debug)]
pub struct Matcher {
    pub patterns: Vec<Pattern>,
    pub discards: Vec<Discard>,
    /// Every word of the patterns and discards → its id.
    vocab: HashMap<String, u32>,
    compiled: Vec<Compiled>,
    /// Word id → patterns it triggers.
    by_trigger: Vec<Vec<Candidate>>,
    /// Word id → discards it starts; the discards' words as ids.
    discard_first: HashMap<u32, Vec<usize>>,
    discard_words: Vec<Vec<Box<[u32]>>>,
    prefilter: AhoCorasick,
    /// Stem triggers → the patterns they trigger.
    stems: HashMap<String, Vec<Candidate>>,
    /// Prefilter patterns below this index are whole words, the rest stems.
    n_words: usize,
    /// Shortest and longest stem (bytes).
    stem_lengths: (usize, usize),
}

fn intern(vocab: &mut HashMap<String, u32>, words: &[String]) -> Box<[u32]> {
    let mut ids: Vec<u32> = words
        .iter()
        .map(|w| {
            let next = u32::try_from(vocab.len()).unwrap_or(UNKNOWN - 1);
            *vocab.entry(w.clone()).or_insert(next)
        })
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.into_boxed_slice()
}

fn compile(vocab: &mut HashMap<String, u32>, p: &Pattern) -> Compiled {
    let mut never = false;
    let mut required = Vec::new();
    let mut elems: Vec<CElem> = Vec::with_capacity(p.elems.len());
    for (i, e) in p.elems.iter().enumerate() {
        elems.push(match e {
            Elem::Words(ws) => {
                let ids = intern(vocab, ws);
                if i != p.trigger {
                    required.push((i.abs_diff(p.trigger), ids.clone()));
                }
                CElem::Words(ids)
            }
            // TABARI's `%` binds the source; the coder makes it the target too
            Elem::Source | Elem::Compound => CElem::Source,
            Elem::Target => CElem::Target,
            Elem::Gap(n) => CElem::Gap(*n),
            Elem::Stem(_) | Elem::Inflected(_) => CElem::Other(i),
            Elem::SkipActor => CElem::Skip,
            Elem::Alt(_) | Elem::Verb => {
                never = true;
                CElem::Never
            }
        });
    }
    // the words nearest the trigger first: they reject most candidates
    required.sort_by_key(|(d, _)| *d);
    let after = elems.get(p.trigger + 1..).unwrap_or(&[]).to_vec();
    let before: Vec<CElem> = elems
        .get(..p.trigger)
        .unwrap_or(&[])
        .iter()
        .rev()
        .cloned()
        .collect();
    Compiled {
        after: after.into_boxed_slice(),
        before: before.into_boxed_slice(),
        required: required.into_iter().map(|(_, ids)| ids).collect(),
        never,
        weight: p.weight(),
    }
}

impl Matcher {
    pub fn new(patterns: Vec<Pattern>, discards: Vec<Discard>) -> Result<Self, CodeError> {
        let mut vocab: HashMap<String, u32> = HashMap::new();
        let compiled: Vec<Compiled> = patterns.iter().map(|p| compile(&mut vocab, p)).collect();
        let mut trigger_words: Vec<String> = Vec::new();
        let mut stems: HashMap<String, Vec<Candidate>> = HashMap::new();
        let mut stem_words: Vec<String> = Vec::new();
        let mut by_trigger: Vec<Vec<Candidate>> = Vec::new();
        for (i, p) in patterns.iter().enumerate() {
            // the nearest required words with one spelling each
            let mut keys = [UNKNOWN; 2];
            let singles = compiled
                .get(i)
                .into_iter()
                .flat_map(|c| c.required.iter())
                .filter_map(|alts| match **alts {
                    [one] => Some(one),
                    _ => None,
                });
            for (k, id) in keys.iter_mut().zip(singles) {
                *k = id;
            }
            if let Some(Elem::Stem(ws)) = p.elems.get(p.trigger) {
                // a stem trigger (TABARI's `RESTOR`) takes any word it begins
                for w in ws {
                    let list = stems.entry(w.clone()).or_default();
                    if list.is_empty() {
                        stem_words.push(w.clone());
                    }
                    list.push(Candidate { pattern: i, keys });
                }
            }
            if let Some(Elem::Words(ws)) = p.elems.get(p.trigger) {
                for w in ws {
                    let id = intern(&mut vocab, std::slice::from_ref(w));
                    let Some(&id) = id.first() else { continue };
                    let id = id as usize;
                    if by_trigger.len() <= id {
                        by_trigger.resize(id + 1, Vec::new());
                    }
                    if let Some(list) = by_trigger.get_mut(id) {
                        if list.is_empty() {
                            trigger_words.push(w.clone());
                        }
                        list.push(Candidate { pattern: i, keys });
                    }
                }
            }
        }
        let mut discard_first: HashMap<u32, Vec<usize>> = HashMap::new();
        let mut discard_words = Vec::with_capacity(discards.len());
        for (i, d) in discards.iter().enumerate() {
            let words: Vec<Box<[u32]>> = d.words.iter().map(|w| intern(&mut vocab, w)).collect();
            for &w in words.first().into_iter().flatten() {
                discard_first.entry(w).or_default().push(i);
            }
            discard_words.push(words);
        }
        // "" stands for a token past the sentence end in discard phrases
        intern(&mut vocab, &[String::new()]);
        trigger_words.sort();
        // stems after the words: a prefilter match at index >= `n_words`
        // is a stem, which may end inside a word
        let n_words = trigger_words.len();
        stem_words.sort();
        trigger_words.extend(stem_words);
        let prefilter = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&trigger_words)?;
        Ok(Matcher {
            patterns,
            discards,
            vocab,
            compiled,
            by_trigger,
            discard_first,
            discard_words,
            prefilter,
            // no stems: an empty range
            stem_lengths: (
                stems.keys().map(String::len).min().unwrap_or(1).max(1),
                stems.keys().map(String::len).max().unwrap_or(0),
            ),
            stems,
            n_words,
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
            let stem = m.pattern().as_usize() >= self.n_words;
            if before_ok && (stem || !is_word(m.end())) && out.last() != Some(&m.start()) {
                out.push(m.start());
            }
        }
        out
    }

    /// Intern the sentence's tokens (once per sentence).
    pub fn sentence_words(&self, s: &Sentence) -> SentWords {
        let mut present = vec![0u64; self.vocab.len().div_ceil(64)];
        let ids: Vec<u32> = (0..s.len())
            .map(|i| {
                let id = self.vocab.get(s.word(i)).copied().unwrap_or(UNKNOWN);
                if let Some(w) = present.get_mut(id as usize / 64) {
                    *w |= 1u64 << (id as usize % 64);
                }
                id
            })
            .collect();
        SentWords { ids, present }
    }

    /// Patterns triggered by the word at token `i`.
    pub fn candidates(&self, w: &SentWords, i: usize) -> &[Candidate] {
        self.by_trigger
            .get(w.id(i) as usize)
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }

    /// Patterns triggered by a stem that `word` begins with (none unless the
    /// dictionary has stem triggers).
    pub fn stem_candidates<'a>(
        &'a self,
        word: &'a str,
    ) -> impl Iterator<Item = &'a Candidate> + 'a {
        let (lo, hi) = self.stem_lengths;
        (lo..=hi.min(word.len()))
            .filter_map(move |e| word.get(..e).and_then(|p| self.stems.get(p)))
            .flatten()
    }

    /// Number of word elements of pattern `p` (see [`Pattern::weight`]).
    pub fn weight(&self, p: usize) -> usize {
        self.compiled.get(p).map_or(0, |c| c.weight)
    }

    /// False when pattern `p` cannot match the sentence: a word it needs
    /// is nowhere in it (or it has an element the default matcher never
    /// matches). A cheap test before [`Matcher::try_match`].
    pub fn may_match(&self, w: &SentWords, c: &Candidate) -> bool {
        c.keys.iter().all(|&k| k == UNKNOWN || w.has(k))
            && self
                .compiled
                .get(c.pattern)
                .is_some_and(|c| !c.never && c.required.iter().all(|alts| w.has_any(alts)))
    }

    /// Discards whose phrase occurs in the sentence.
    pub fn discards_in(&self, w: &SentWords) -> Vec<usize> {
        let mut out = Vec::new();
        let end = self.vocab.get("").copied().unwrap_or(UNKNOWN);
        for (i, &id) in w.ids.iter().enumerate() {
            for &d in self
                .discard_first
                .get(&id)
                .map(Vec::as_slice)
                .unwrap_or(&[])
            {
                let Some(words) = self.discard_words.get(d) else {
                    continue;
                };
                let ok = words.iter().enumerate().all(|(k, alts)| {
                    let t = w.ids.get(i + k).copied().unwrap_or(end);
                    alts.binary_search(&t).is_ok()
                });
                if ok && !out.contains(&d) {
                    out.push(d);
                }
            }
        }
        out
    }

    /// Try pattern `p` with its trigger at token `t`.
    pub fn try_match(&self, s: &Sentence, w: &SentWords, p: usize, t: usize) -> Option<Match> {
        let pat = self.patterns.get(p)?;
        let c = self.compiled.get(p)?;
        if c.never {
            return None;
        }
        let m = Ctx {
            s,
            w,
            elems: &pat.elems,
        };
        let slots = Slots {
            source: Slot::Absent,
            target: Slot::Absent,
        };
        let (end, slots) = forward(&m, &c.after, t + 1, slots)?;
        let (start, slots) = backward(&m, &c.before, t, slots)?;
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

/// What the element matchers read: the sentence, its word ids, and the
/// pattern's original elements (for stems and inflections).
struct Ctx<'a, 'b> {
    s: &'a Sentence<'b>,
    w: &'a SentWords,
    elems: &'a [Elem],
}

impl Ctx<'_, '_> {
    fn accepts(&self, e: &CElem, i: usize) -> bool {
        match e {
            CElem::Words(ids) => ids.binary_search(&self.w.id(i)).is_ok(),
            CElem::Other(k) => self
                .elems
                .get(*k)
                .is_some_and(|e| e.accepts_word(self.s.word(i))),
            _ => false,
        }
    }
}

fn set_slot(slots: &mut Slots, e: &CElem, v: Slot) {
    match e {
        CElem::Source => slots.source = v,
        CElem::Target => slots.target = v,
        _ => {}
    }
}

/// Match `elems` from token `pos` rightwards; returns the end token.
fn forward(c: &Ctx, elems: &[CElem], pos: usize, mut slots: Slots) -> Option<(usize, Slots)> {
    let s = c.s;
    let Some((e, rest)) = elems.split_first() else {
        return Some((pos, slots));
    };
    match e {
        CElem::Words(_) | CElem::Other(_) => {
            if pos < s.len() && c.accepts(e, pos) {
                forward(c, rest, pos + 1, slots)
            } else {
                None
            }
        }
        CElem::Gap(n) => {
            for k in 0..=*n {
                if k > 0 && (pos + k > s.len() || is_hard_break(s.word(pos + k - 1))) {
                    break;
                }
                if let Some(r) = forward(c, rest, pos + k, slots) {
                    return Some(r);
                }
            }
            None
        }
        // elements this matcher has no rule for never match
        CElem::Never => None,
        CElem::Skip => {
            // the next actor (after at most three tokens) is passed over
            for k in 0..=3 {
                let i = pos + k;
                if i >= s.len() || (k > 0 && is_hard_break(s.word(i - 1))) {
                    break;
                }
                if let Some(m) = s.mention_starting(i) {
                    let end = s.mentions.get(m).map(|x| x.end)?;
                    if let Some(r) = forward(c, rest, end, slots) {
                        return Some(r);
                    }
                }
            }
            None
        }
        CElem::Source | CElem::Target => {
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
                    if let Some(r) = forward(c, rest, end, slots) {
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
fn backward(c: &Ctx, elems: &[CElem], pos: usize, mut slots: Slots) -> Option<(usize, Slots)> {
    let s = c.s;
    let Some((e, rest)) = elems.split_first() else {
        return Some((pos, slots));
    };
    match e {
        CElem::Words(_) | CElem::Other(_) => {
            let i = pos.checked_sub(1)?;
            if c.accepts(e, i) {
                backward(c, rest, i, slots)
            } else {
                None
            }
        }
        CElem::Gap(n) => {
            for k in 0..=*n {
                if k > pos || (k > 0 && is_hard_break(s.word(pos - k))) {
                    break;
                }
                if let Some(r) = backward(c, rest, pos - k, slots) {
                    return Some(r);
                }
            }
            None
        }
        CElem::Never => None,
        CElem::Skip => {
            for k in 1..=4 {
                let Some(i) = pos.checked_sub(k) else { break };
                if is_hard_break(s.word(i)) {
                    break;
                }
                if let Some(m) = s.mention_ending(i) {
                    let start = s.mentions.get(m).map(|x| x.start)?;
                    if let Some(r) = backward(c, rest, start, slots) {
                        return Some(r);
                    }
                }
            }
            None
        }
        CElem::Source | CElem::Target => {
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
                    if let Some(r) = backward(c, rest, start, slots) {
                        return Some(r);
                    }
                }
            }
            None
        }
    }
}
