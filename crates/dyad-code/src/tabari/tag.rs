//! Tagging a record's words with the dictionaries (manual §7.1): at each
//! position the phrase with most words (then most letters) among actors,
//! agents, verbs, time phrases, nouns and adjectives; else a determiner,
//! pronoun, conjunction or comma; and the `<TIME>` shift of the sentence.

use super::phrase::{match_pattern, match_run};
use super::text::Tok;
use super::{Dictionaries, Entry};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tag {
    None,
    Actor(usize),
    Agent(usize),
    Verb(usize),
    Time(usize),
    Noun,
    Adj,
    Determ,
    Pronoun,
    Conj,
    Comma,
}

#[derive(Debug, Clone, Copy)]
pub(super) struct Span {
    pub(super) start: usize,
    pub(super) end: usize,
    /// End of the last word of a phrase matched across skipped words.
    pub(super) full_end: usize,
    pub(super) tag: Tag,
}

pub(super) const DETERMINERS: &[&str] = &["the", "a", "an"];
pub(super) const PRONOUNS: &[&str] = &[
    "he", "she", "it", "they", "them", "their", "its", "his", "her", "him",
];
pub(super) const CONJ: &[&str] = &["and", "but", "or", "nor"];
/// Longest dictionary phrase at each position, left to right.
pub(super) fn tag(d: &Dictionaries, toks: &[Tok]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        // (words matched, characters, tokens spanned, full extent, tag):
        // most words, then longest
        let mut best: Option<(usize, usize, usize, usize, Tag)> = None;
        let mut consider = |m: Option<(usize, usize, usize)>, chars: usize, tag: Tag| {
            if let Some((n, words, full)) = m {
                if best.is_none_or(|(bw, bc, _, _, _)| (words, chars) > (bw, bc)) {
                    best = Some((words, chars, n, full, tag));
                }
            }
        };
        // a possessive is a noun ending, never a verb's
        let w = toks.get(i).map(|t| t.w.as_str()).unwrap_or("");
        let possessive = w.ends_with("'s");
        for e in d.candidates(w) {
            let Some(run) = d.run(e) else { continue };
            let (chars, tag) = match e {
                Entry::Actor(a) => (d.actor_phrases.get(a).map_or(0, |x| x.1), Tag::Actor(a)),
                Entry::Agent(a) => (d.agent_phrases.get(a).map_or(0, |x| x.1), Tag::Agent(a)),
                Entry::Verb(_, _) if possessive => continue,
                Entry::Verb(r, _) => (run_chars(run), Tag::Verb(r)),
                Entry::Time(r, _) => (run_chars(run), Tag::Time(r)),
                Entry::Noun(k) => (d.nouns.get(k).map_or(0, |x| x.1), Tag::Noun),
                Entry::Adjective(k) => (d.adjectives.get(k).map_or(0, |x| x.1), Tag::Adj),
            };
            consider(match_run(toks, i, run), chars, tag);
        }
        let (n, full, tag) = match best {
            Some((_, _, n, full, tag)) if n > 0 => (n, full, tag),
            _ => {
                let w = toks.get(i).map(|t| t.w.as_str()).unwrap_or("");
                let tag = if w == "," {
                    Tag::Comma
                } else if DETERMINERS.contains(&w) {
                    Tag::Determ
                } else if PRONOUNS.contains(&w) {
                    Tag::Pronoun
                } else if CONJ.contains(&w) {
                    Tag::Conj
                } else {
                    Tag::None
                };
                (1, 1, tag)
            }
        };
        out.push(Span {
            start: i,
            end: i + n,
            full_end: i + full,
            tag,
        });
        i += n;
    }
    out
}

fn run_chars(run: &[crate::dict::Elem]) -> usize {
    use crate::dict::Elem;
    run.iter()
        .map(|e| match e {
            Elem::Words(w) | Elem::Stem(w) | Elem::Inflected(w) => {
                w.first().map(|x| x.len()).unwrap_or(0)
            }
            _ => 0,
        })
        .sum()
}

pub(super) fn time_shift(d: &Dictionaries, toks: &[Tok], spans: &[Span]) -> Option<String> {
    for sp in spans {
        let Tag::Time(r) = sp.tag else { continue };
        let root = d.verbs.time.get(r)?;
        for pat in &root.patterns {
            if match_pattern(toks, &[], pat, 0, toks.len(), sp.start, sp.end).is_some() {
                return Some(pat.code.clone().unwrap_or_else(|| "---".into()));
            }
        }
        match (&root.code, root.null) {
            (_, true) => return Some("---".into()),
            (Some(c), _) => return Some(c.clone()),
            _ => {}
        }
    }
    None
}
