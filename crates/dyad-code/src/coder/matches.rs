//! Which patterns match a sentence: the best match at each trigger word
//! (most specific, longest, with TABARI's conventions a phrase that writes
//! its source), not at a verb used as a noun or in the passive, and not
//! inside a more specific match.

use crate::dict::Elem;
use crate::matcher::{Match, SentWords};
use crate::sentence::Sentence;

use super::tabari::{adjacent_source, verb_as_noun};
use super::Coder;

impl Coder {
    /// The matches kept in `s`, in text order; words marked in `deleted`
    /// (dropped comma clauses, FBIS notes) trigger nothing. With `tracing`
    /// every candidate pattern is tried, to log why it does not match.
    pub(super) fn best_matches(
        &self,
        s: &Sentence,
        words: &SentWords,
        deleted: &[bool],
        tracing: bool,
        log: &mut impl FnMut(&dyn Fn() -> String),
    ) -> Vec<Match> {
        let m = &self.matcher;
        let conv = self.conventions.as_ref();
        let gone = |i: usize| deleted.get(i).copied().unwrap_or(false);
        // best match per trigger token
        let mut matches: Vec<Match> = Vec::new();
        for t in 0..s.len() {
            if gone(t) {
                continue;
            }
            if let Some(why) = conv.and_then(|c| verb_as_noun(c, s, t)) {
                if !m.candidates(words, t).is_empty()
                    || m.stem_candidates(s.word(t)).next().is_some()
                {
                    log(&|| format!("  {:?} skipped: {why}", s.word(t)));
                }
                continue;
            }
            let mut best: Option<Match> = None;
            for c in m
                .candidates(words, t)
                .iter()
                .chain(m.stem_candidates(s.word(t)))
            {
                // a pattern needing a word the sentence lacks cannot match
                // (when tracing, it is tried to log why)
                if !tracing && !m.may_match(words, c) {
                    continue;
                }
                let p = c.pattern;
                let Some(pat) = m.patterns.get(p) else {
                    continue;
                };
                if pat.verb_trigger
                    && pat.trigger == 1
                    && matches!(pat.elems.first(), Some(Elem::Source))
                {
                    if let Some(why) = not_active_verb(s, t, &pat.trigger_lemmas) {
                        log(&|| {
                            format!(
                                "  [{}] `{}` skipped at {:?}: {why}",
                                pat.id,
                                pat.text,
                                s.word(t)
                            )
                        });
                        continue;
                    }
                }
                match m.try_match(s, words, p, t) {
                    Some(found) => {
                        log(&|| {
                            format!("  [{}] `{}` matched at {:?}", pat.id, pat.text, s.word(t))
                        });
                        if conv.is_some() && !adjacent_source(s, pat, t, deleted) {
                            log(&|| format!("  [{}] no actor right before the verb", pat.id));
                            continue;
                        }
                        // with TABARI's conventions a phrase that writes its
                        // source beats the verb's own pattern
                        let explicit = |q: usize| {
                            conv.is_some() && m.patterns.get(q).is_some_and(|q| !q.implicit_source)
                        };
                        let better = best.is_none_or(|b| {
                            (m.weight(p), found.end - found.start, explicit(p))
                                > (m.weight(b.pattern), b.end - b.start, explicit(b.pattern))
                        });
                        if better {
                            best = Some(found);
                        }
                    }
                    None => log(&|| {
                        format!(
                            "  [{}] `{}` tried at {:?}: words do not match",
                            pat.id,
                            pat.text,
                            s.word(t)
                        )
                    }),
                }
            }
            matches.extend(best);
        }
        // a match inside a more specific one is dropped
        let weight = |x: &Match| m.weight(x.pattern);
        matches.sort_by_key(|x| (std::cmp::Reverse(weight(x)), x.trigger));
        let mut kept: Vec<Match> = Vec::new();
        for x in matches {
            if let Some(k) = kept
                .iter()
                .find(|k| k.start <= x.trigger && x.trigger < k.end)
            {
                let (a, b) = (m.patterns.get(x.pattern), m.patterns.get(k.pattern));
                if let (Some(a), Some(b)) = (a, b) {
                    log(&|| format!("  [{}] dropped: inside the more specific [{}]", a.id, b.id));
                }
                continue;
            }
            kept.push(x);
        }
        kept.sort_by_key(|x| x.trigger);
        kept
    }
}

/// "was attacked", "were quickly expelled", "has been arrested": a verb
/// used in the passive, which an active `$ verb +` pattern must not code.
/// Also "the meeting", "his visit": a verb form used as a noun.
fn not_active_verb(s: &Sentence, t: usize, lemmas: &[String]) -> Option<&'static str> {
    let w = s.word(t);
    let next = s.word(t + 1);
    let in_mention = |i: usize| s.token_mention.get(i).is_some_and(Option::is_some);
    // "Supported by strong profits": a participle with its agent
    if w.ends_with("ed") && next == "by" {
        return Some("passive voice (participle + \"by\")");
    }
    if t == 0 {
        return None;
    }
    let prev = s.word(t - 1);
    let det = matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "their"
            | "his"
            | "her"
            | "its"
            | "our"
            | "whose"
            | "my"
            | "your"
    );
    if det || prev.ends_with("'s") {
        return Some("a noun here (after a determiner)");
    }
    if !w.ends_with("ed") && matches!(next, "from" | "of") {
        return Some("a noun here (before \"from\"/\"of\")");
    }
    // a base form that can be a noun ("his European tour", "a massive
    // demand") needs a verbal context: "to", a modal, "did", a pronoun or
    // an actor right before it
    if lemmas.iter().any(|l| l == w) && !in_mention(t - 1) && !verbal_context(prev) {
        return Some("a noun here (base form without a verbal context)");
    }
    if w.ends_with("ing") && in_mention(t - 1) && s.mention_starting(t + 1).is_none() {
        return Some("a noun here (\"G7 meeting\")");
    }
    if w.ends_with("ing") {
        // "the G7 meeting is thought…": a noun before a verb
        if matches!(
            next,
            "is" | "was" | "will" | "has" | "had" | "would" | "could" | "ended" | "began" | "took"
        ) {
            return Some("a noun here (before a verb)");
        }
        return None;
    }
    let be = |x: &str| {
        matches!(
            x,
            "was" | "were" | "been" | "being" | "is" | "are" | "be" | "am" | "get" | "got" | "gets"
        )
    };
    // up to two words between: "was not received", "were quickly expelled"
    let filler = |x: &str| {
        x == "not" || x == "also" || x == "then" || x.ends_with("ly") || x.ends_with("n't")
    };
    let mut k = t;
    for _ in 0..3 {
        let Some(p) = k.checked_sub(1) else { break };
        let x = s.word(p);
        if be(x) {
            return Some("passive voice");
        }
        if !filler(x) {
            break;
        }
        k = p;
    }
    None
}

/// Words after which a base verb form is a verb.
fn verbal_context(prev: &str) -> bool {
    matches!(
        prev,
        "to" | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "did"
            | "do"
            | "does"
            | "not"
            | "never"
            | "they"
            | "we"
            | "i"
            | "you"
            | "also"
            | "jointly"
            | "and"
            | "or"
            | "'ll"
            | "cannot"
    ) || prev.ends_with("n't")
        || prev.ends_with("ly")
}
