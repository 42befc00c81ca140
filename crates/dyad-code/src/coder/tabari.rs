//! TABARI's conventions inside the default coder (see
//! [`crate::conventions::Conventions`]): the clauses of a sentence, the
//! clause's source carried across conjunctions, pronouns and `FORWARD:`,
//! parsed and coded compounds, `DEFAULT:` actors, verbs read as nouns,
//! `<TIME>` phrases, discard and complexity codes on actors, and `$ *`
//! phrases that need an actor right before the verb.

use dyad_core::EventActor;

use super::Side;
use crate::conventions::{Conventions, TimeShift, Verdict};
use crate::dict::{Elem, Pattern};
use crate::matcher::{Match, Slot};
use crate::sentence::Sentence;

/// What coding a match needs from its sentence: the discards met and, for
/// TABARI's conventions, its clause (token range and index), whether the
/// sentence has an event yet, the clause's source carried from the clauses
/// before, the `<TIME>` day shift, the dropped comma clauses.
#[derive(Debug, Clone, Default)]
pub(super) struct ClauseCtx {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) index: usize,
    pub(super) any_event: bool,
    pub(super) carried: Option<usize>,
    pub(super) shift_days: Option<i64>,
    /// Tokens of dropped comma-delimited clauses.
    pub(super) deleted: Vec<bool>,
    /// Discards (indices into the matcher's) whose phrase is in the sentence.
    pub(super) discards: Vec<usize>,
}

/// An actor whose code is a TABARI coded compound (`FRO/BIL/SAM`) as one
/// actor per code; any other actor as itself.
pub(super) fn split_compound(a: &EventActor) -> Vec<EventActor> {
    match a.actor.as_deref() {
        Some(code) if code.contains('/') => code
            .split('/')
            .filter(|c| !c.is_empty())
            .map(|c| EventActor {
                actor: Some(c.to_string()),
                ..a.clone()
            })
            .collect(),
        _ => vec![a.clone()],
    }
}

/// TABARI's parsed compound starting at mention `m` (§7.7): actors joined
/// by commas and a final "and"/"or"/"nor", with determiners and the
/// dictionary's adjectives between ("Norland and the old Southmark",
/// "Old Norland, the new Eastia, and Southmark").
pub(super) fn tabari_compound(
    s: &Sentence,
    c: &Conventions,
    ctx: &ClauseCtx,
    m: usize,
) -> Vec<usize> {
    let mut group = vec![m];
    let mut pending = Vec::new();
    let mut j = m;
    while let Some(u) = s.mentions.get(j) {
        let mut p = u.end;
        let sep = s.word(p);
        let is_conj = matches!(sep, "and" | "or" | "nor");
        if sep != "," && !is_conj {
            break;
        }
        p += 1;
        let comma_and = sep == "," && matches!(s.word(p), "and" | "or" | "nor");
        if comma_and {
            p += 1;
        }
        while s.mention_starting(p).is_none()
            && (matches!(s.word(p), "the" | "a" | "an") || c.adjectives.contains(s.word(p)))
        {
            p += 1;
        }
        match s.mention_starting(p).filter(|&n| live(s, ctx, n)) {
            Some(n) => {
                pending.push(n);
                j = n;
                if is_conj || comma_and {
                    group.append(&mut pending);
                    break;
                }
            }
            None => break,
        }
    }
    group
}

/// TABARI's `$ *` (a source written right before the verb): an actor must
/// end there, dropped comma clauses passed over; true for other patterns.
pub(super) fn adjacent_source(s: &Sentence, pat: &Pattern, t: usize, deleted: &[bool]) -> bool {
    let written = !pat.implicit_source
        && pat.trigger > 0
        && matches!(pat.elems.get(pat.trigger - 1), Some(Elem::Source));
    if !written {
        return true;
    }
    let mut j = t;
    while j > 0 && deleted.get(j - 1).copied().unwrap_or(false) {
        j -= 1;
    }
    j.checked_sub(1)
        .and_then(|k| s.mention_ending(k))
        .is_some_and(|m| coded(s, m))
}

/// True when mention `m` has an actor code and is not in a dropped clause.
pub(super) fn live(s: &Sentence, ctx: &ClauseCtx, m: usize) -> bool {
    coded(s, m)
        && s.mentions
            .get(m)
            .is_some_and(|x| !ctx.deleted.get(x.start).copied().unwrap_or(false))
}

/// Words (tokens with a letter or digit) in the sentence.
pub(super) fn word_count(s: &Sentence) -> usize {
    (0..s.len())
        .filter(|&i| s.word(i).chars().any(char::is_alphanumeric))
        .count()
}

/// The day shift of the sentence's first `<TIME>` phrase (the most
/// specific phrase at the first position where one matches).
pub(super) fn time_shift(c: &Conventions, s: &Sentence) -> TimeShift {
    let Some(m) = c.time.as_ref().filter(|_| c.time_shift) else {
        return TimeShift::None;
    };
    let words = m.sentence_words(s);
    for t in 0..s.len() {
        let mut best: Option<(usize, usize)> = None;
        for cand in m
            .candidates(&words, t)
            .iter()
            .chain(m.stem_candidates(s.word(t)))
        {
            if !m.may_match(&words, cand) {
                continue;
            }
            if let Some(x) = m.try_match(s, &words, cand.pattern, t) {
                let w = m.weight(cand.pattern);
                if best.is_none_or(|(bw, _)| w > bw) {
                    best = Some((w, x.pattern));
                }
            }
        }
        if let Some((_, p)) = best {
            let code = m.patterns.get(p).and_then(|p| p.code.as_deref());
            return code.map_or(TimeShift::None, TimeShift::parse);
        }
    }
    TimeShift::None
}

/// An actor whose code is the discard code `###` (TABARI's actors
/// dictionaries mark sports teams and the like so) or the complexity code
/// `+++`.
pub(super) fn special_actor(s: &Sentence) -> Option<Verdict> {
    s.mentions.iter().find_map(|m| {
        let e = s.doc.entities.get(m.entity)?;
        match e.actor.as_deref() {
            Some("###") => Some(Verdict::Discard(format!("discard actor {:?}", e.name))),
            Some("+++") => Some(Verdict::Complex(format!("complex actor {:?}", e.name))),
            _ => None,
        }
    })
}

/// TABARI's verbs that are nouns (§7.2): a word inside an actor's name,
/// after "the"/"a"/"an", or capitalised inside a sentence not written in
/// capitals.
pub(super) fn verb_as_noun(c: &Conventions, s: &Sentence, t: usize) -> Option<&'static str> {
    if !c.verbs_as_nouns {
        return None;
    }
    if s.token_mention.get(t).is_some_and(Option::is_some) {
        return Some("part of an actor's name");
    }
    let prev = t.checked_sub(1).map_or("", |p| s.word(p));
    if matches!(prev, "the" | "a" | "an") {
        return Some("a noun here (after a determiner)");
    }
    let raw = |i: usize| s.tokens.get(i).map_or("", |x| s.doc.span_text(x.span));
    let capital = t > 0 && raw(t).chars().next().is_some_and(char::is_uppercase);
    if capital {
        let text = s.doc.span_text(s.span);
        let all_caps = !text.chars().any(char::is_lowercase);
        if !all_caps {
            return Some("a noun here (capitalised inside the sentence)");
        }
    }
    None
}

/// Conjunctions that split a sentence into clauses (TABARI's "and",
/// "but", "or", "nor"), except one joining two actors ("Gondor and
/// Osgiliath", "Fornost and the evil awful Gondor": determiners and the
/// dictionary's adjectives may come between).
pub(super) fn clause_splits(s: &Sentence, c: &Conventions) -> Vec<usize> {
    let mut out = Vec::new();
    for i in 0..s.len() {
        if !matches!(s.word(i), "and" | "but" | "or" | "nor") {
            continue;
        }
        // "Norland and Eastia", "the old Norland, and new Eastia"
        let comma = usize::from(i > 0 && s.word(i - 1) == ",");
        let after_actor = i > comma && s.mention_ending(i - 1 - comma).is_some();
        let mut k = i + 1;
        while s.mention_starting(k).is_none()
            && (matches!(s.word(k), "the" | "a" | "an") || c.adjectives.contains(s.word(k)))
        {
            k += 1;
        }
        let before_actor = s.mention_starting(k).is_some();
        if !(after_actor && before_actor) {
            out.push(i);
        }
    }
    out
}

/// The actor code of mention `m`.
pub(super) fn code_of<'a>(s: &'a Sentence, m: usize) -> Option<&'a str> {
    let e = s.mentions.get(m)?.entity;
    s.doc.entities.get(e)?.actor.as_deref()
}

/// TABARI's source for a phrase that names none (§7.5): with a target
/// written in the phrase, the first actor before the verb; a pronoun
/// opening the clause; else the clause's source (the first actor of the
/// first clause, carried on to later ones); else, unless `DEFAULT: SOURCE
/// … PRIOR`, the first actor after the verb in the clause. Never an actor
/// with the code of a target the phrase placed.
pub(super) fn clause_source(
    s: &Sentence,
    x: &Match,
    ctx: &ClauseCtx,
    targets: &[Side],
    c: &Conventions,
) -> Option<Vec<Side>> {
    // only a target the phrase placed itself keeps its code from the source
    let designated = matches!(x.target, Slot::Bound(_));
    let t_codes: Vec<&str> = targets
        .iter()
        .filter(|_| designated)
        .filter_map(|t| match t {
            Side::Mention(m) => code_of(s, *m),
            _ => None,
        })
        .collect();
    let distinct =
        |m: usize| live(s, ctx, m) && code_of(s, m).is_none_or(|k| !t_codes.contains(&k));
    let start = |m: usize| s.mentions.get(m).map_or(usize::MAX, |x| x.start);
    let group = |m: usize| {
        tabari_compound(s, c, ctx, m)
            .into_iter()
            .map(Side::Mention)
            .collect::<Vec<_>>()
    };
    if designated {
        if let Some(m) = (0..s.mentions.len()).find(|&m| start(m) < x.trigger && distinct(m)) {
            return Some(group(m));
        }
    }
    // a pronoun opening the clause before any actor ("He has also asked")
    if ctx.index == 0 || !ctx.any_event {
        let first = (0..s.mentions.len())
            .find(|&m| live(s, ctx, m) && start(m) >= ctx.start)
            .map_or(x.trigger, |m| start(m).min(x.trigger));
        if let Some((_, v)) = pronoun_unit(s, c, ctx, ctx.start, first) {
            return Some(v);
        }
    }
    if let Some(m) = ctx
        .carried
        .filter(|&m| (ctx.index > 0 || start(m) < x.trigger) && distinct(m))
    {
        return Some(group(m));
    }
    // greedy: the first actor after the verb
    let prior = c.default_source.as_ref().is_some_and(|d| d.positional);
    (0..s.mentions.len())
        .find(|&m| !prior && start(m) > x.trigger && start(m) < ctx.end && distinct(m))
        .map(|m| vec![Side::Mention(m)])
}

/// The first pronoun in tokens `[from, to)` (outside actors' names and
/// dropped clauses) with the actor it stands for (§7.7): "he", "it", "his"
/// … the first actor of the sentence before it; "they", "them", "their"
/// the first compound before it, else the first actor; with no actor
/// before it, the actor `FORWARD:` passes on from the story's previous
/// sentence.
pub(super) fn pronoun_unit(
    s: &Sentence,
    c: &Conventions,
    ctx: &ClauseCtx,
    from: usize,
    to: usize,
) -> Option<(usize, Vec<Side>)> {
    let i = (from..to.min(s.len())).find(|&i| {
        matches!(
            s.word(i),
            "he" | "she" | "it" | "him" | "its" | "his" | "her" | "they" | "them" | "their"
        ) && s.token_mention.get(i).is_some_and(Option::is_none)
            && !ctx.deleted.get(i).copied().unwrap_or(false)
    })?;
    let before: Vec<usize> = (0..s.mentions.len())
        .filter(|&m| live(s, ctx, m) && s.mentions.get(m).is_some_and(|x| x.end <= i))
        .collect();
    let plural = matches!(s.word(i), "they" | "them" | "their");
    let compound = before
        .iter()
        .map(|&m| tabari_compound(s, c, ctx, m))
        .find(|g| plural && g.len() > 1);
    let group = compound.or_else(|| before.first().map(|&m| tabari_compound(s, c, ctx, m)));
    match group {
        Some(g) => Some((i, g.into_iter().map(Side::Mention).collect())),
        None => c.forward.as_ref().map(|_| (i, vec![Side::Forward])),
    }
}

/// TABARI's target when no actor follows the verb in its clause: the first
/// actor of the clause before the verb that is not the source.
pub(super) fn clause_target(
    s: &Sentence,
    trigger: usize,
    ctx: &ClauseCtx,
    s_codes: &[String],
    sources: &[Side],
) -> Option<usize> {
    let own: Vec<usize> = sources
        .iter()
        .filter_map(|x| match x {
            Side::Mention(m) => Some(*m),
            _ => None,
        })
        .collect();
    (0..s.mentions.len()).find(|&m| {
        s.mentions
            .get(m)
            .is_some_and(|x| x.end > ctx.start && x.start < trigger)
            && live(s, ctx, m)
            && !own.contains(&m)
            && code_of(s, m).is_none_or(|k| !s_codes.iter().any(|c| c == k))
    })
}

/// True when mention `m` has an actor code.
pub(super) fn coded(s: &Sentence, m: usize) -> bool {
    s.mentions
        .get(m)
        .and_then(|x| s.doc.entities.get(x.entity))
        .is_some_and(|e| e.actor.is_some())
}

/// `DEFAULT:` codes for a missing source or target; a positional default
/// (`PRIOR`, `AFTER`) also replaces an actor found on the wrong side of the
/// verb at `t` (a pronoun standing for an actor counts as one).
pub(super) fn apply_defaults(
    c: &Conventions,
    s: &Sentence,
    t: usize,
    sources: &mut Vec<Side>,
    targets: &mut Vec<Side>,
) {
    let side_of = |m: usize| s.mentions.get(m).map(|x| x.start);
    if let Some(d) = &c.default_source {
        let prior = sources.contains(&Side::Forward)
            || (0..s.mentions.len()).any(|m| coded(s, m) && side_of(m) < Some(t));
        if sources.is_empty() || (d.positional && !prior) {
            *sources = vec![Side::Default(true)];
        }
    }
    if let Some(d) = &c.default_target {
        let after = (0..s.mentions.len()).any(|m| coded(s, m) && side_of(m) > Some(t));
        if targets.is_empty() || (d.positional && !after) {
            *targets = vec![Side::Default(false)];
        }
    }
}
