//! The event pattern dictionary (`data/events/patterns.txt`) and discard
//! list (`data/events/discards.txt`): parsed into [`Pattern`]s whose
//! elements are word sets, actor slots and gaps. Format: `data/events/README.md`.

use std::collections::HashMap;

use crate::error::CodeError;
use crate::inflect::{FormSet, Inflector};

/// The embedded pattern dictionary.
pub const DEFAULT_PATTERNS: &str = include_str!("../../../data/events/patterns.txt");
/// The embedded discard list.
pub const DEFAULT_DISCARDS: &str = include_str!("../../../data/events/discards.txt");

/// One element of a pattern.
#[derive(Debug, Clone, PartialEq)]
pub enum Elem {
    /// One token, any of these lowercase words.
    Words(Vec<String>),
    /// The source actor (`$`).
    Source,
    /// The target actor (`+`).
    Target,
    /// Skip up to this many tokens (`..`, `..N`); [`GAP_CLAUSE`]: any
    /// number inside the clause (TABARI's blank between pattern words).
    Gap(usize),
    /// One token beginning with any of these lowercase stems (TABARI `ACCEPT`
    /// matches "accepts", "accepted").
    Stem(Vec<String>),
    /// One token: any of these lowercase words, or one of them plus a regular
    /// ending (`s`, `es`, `ed`, `en`, `ing`, `'s`) (TABARI `ACT_`).
    Inflected(Vec<String>),
    /// Any one of these element sequences (TABARI `{ a | b_c }`, synsets).
    Alt(Vec<Vec<Elem>>),
    /// The verb found by the tagger (TABARI `*`).
    Verb,
    /// A compound actor that is both source and target (TABARI `%`).
    Compound,
    /// Skip one actor without assigning it (TABARI `^`).
    SkipActor,
}

/// [`Elem::Gap`] length meaning "any number of tokens inside the clause".
pub const GAP_CLAUSE: usize = usize::MAX;

/// Regular endings accepted by [`Elem::Inflected`].
pub const REGULAR_ENDINGS: &[&str] = &["s", "es", "ed", "en", "ing", "'s", "d"];

impl Elem {
    /// True when the element accepts the lowercase token `w`.
    pub fn accepts_word(&self, w: &str) -> bool {
        match self {
            Elem::Words(ws) => ws.iter().any(|x| x == w),
            Elem::Stem(ws) => ws.iter().any(|x| w.starts_with(x.as_str())),
            Elem::Inflected(ws) => ws.iter().any(|x| {
                w.strip_prefix(x.as_str())
                    .is_some_and(|rest| rest.is_empty() || REGULAR_ENDINGS.contains(&rest))
            }),
            _ => false,
        }
    }
}

/// A dictionary entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// `patterns.txt:123`.
    pub id: String,
    /// CAMEO code of the event (source → target); `None` for `---`
    /// entries, which match but code nothing (they block shorter patterns).
    pub code: Option<String>,
    /// Paired code (`042:043`): a second event from target to source.
    pub paired: Option<String>,
    pub elems: Vec<Elem>,
    /// Index in `elems` of the trigger word (marked `*`, else the first word).
    pub trigger: usize,
    /// The pattern as written.
    pub text: String,
    /// True when the trigger is written as a verb (`{lemma}`).
    pub verb_trigger: bool,
    /// The base forms of the trigger verb ("meet"): as nouns too
    /// ("a tour", "the demand"), they need a verbal context.
    pub trigger_lemmas: Vec<String>,
    /// TABARI: the phrase names no source (a `$` was put in front), so the
    /// source is the clause's, not the nearest actor
    /// ([`crate::conventions::Conventions::clause_source`]).
    pub implicit_source: bool,
}

impl Pattern {
    /// Number of word elements: more specific patterns win.
    pub fn weight(&self) -> usize {
        self.elems
            .iter()
            .filter(|e| matches!(e, Elem::Words(_)))
            .count()
    }
}

/// Parse `patterns.txt`.
pub fn parse_patterns(
    file: &str,
    text: &str,
    inflector: &Inflector,
) -> Result<Vec<Pattern>, CodeError> {
    let mut out = Vec::new();
    let mut synsets: HashMap<String, Vec<String>> = HashMap::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |m: &str| CodeError::syntax(file, i + 1, m);
        if let Some(def) = line.strip_prefix('&') {
            // synset: `&NAME  word|{lemma}|…`
            let (name, body) = def
                .split_once(char::is_whitespace)
                .ok_or_else(|| err("expected: &NAME words"))?;
            let mut words = Vec::new();
            for t in body.split_whitespace() {
                words.extend(
                    parse_words(t, inflector, &synsets).ok_or_else(|| err("bad synset word"))?,
                );
            }
            synsets.insert(name.to_string(), words);
            continue;
        }
        let (codes, body) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| err("expected: CODE PATTERN"))?;
        let (code, paired) =
            parse_codes(codes).ok_or_else(|| err("bad code (CODE, CODE:PAIRED or ---)"))?;
        let mut elems = Vec::new();
        let mut trigger = None;
        let mut verb_flags = Vec::new();
        let mut lemmas: Vec<Vec<String>> = Vec::new();
        for tok in body.split_whitespace() {
            let (star, tok) = match tok.strip_prefix('*') {
                Some(t) => (true, t),
                None => (false, tok),
            };
            let elem = match tok {
                "$" => Elem::Source,
                "+" => Elem::Target,
                t if t.starts_with("..") => {
                    let n = t.get(2..).unwrap_or("");
                    Elem::Gap(if n.is_empty() {
                        4
                    } else {
                        n.parse().map_err(|_| err("bad gap"))?
                    })
                }
                t => Elem::Words(
                    parse_words(t, inflector, &synsets)
                        .ok_or_else(|| err("bad word element (unknown synset?)"))?,
                ),
            };
            verb_flags.push(tok.starts_with('{'));
            lemmas.push(
                tok.split('|')
                    .filter_map(|a| a.strip_prefix('{')?.strip_suffix('}'))
                    .filter(|l| !l.contains('.'))
                    .map(str::to_lowercase)
                    .collect(),
            );
            if star {
                if !matches!(elem, Elem::Words(_)) || trigger.is_some() {
                    return Err(err("`*` marks one word element"));
                }
                trigger = Some(elems.len());
            }
            elems.push(elem);
        }
        let trigger = match trigger {
            Some(t) => t,
            None => elems
                .iter()
                .position(|e| matches!(e, Elem::Words(_)))
                .ok_or_else(|| err("a pattern needs a word"))?,
        };
        if elems.iter().filter(|e| **e == Elem::Source).count() > 1
            || elems.iter().filter(|e| **e == Elem::Target).count() > 1
        {
            return Err(err("at most one `$` and one `+`"));
        }
        if matches!(elems.first(), Some(Elem::Gap(_))) || matches!(elems.last(), Some(Elem::Gap(_)))
        {
            return Err(err("a gap must sit between two elements"));
        }
        if let (Some(code), [Elem::Source, Elem::Words(verb), Elem::Target]) =
            (&code, elems.as_slice())
        {
            if let Some(passive) = passive_of(
                body.split_whitespace().nth(1).unwrap_or(""),
                verb,
                inflector,
            ) {
                out.push(Pattern {
                    id: format!("{file}:{} (passive)", i + 1),
                    code: Some(code.clone()),
                    paired: paired.clone(),
                    elems: vec![
                        Elem::Target,
                        Elem::Words(inflector.forms("be", FormSet::All)),
                        Elem::Gap(2),
                        Elem::Words(passive),
                        Elem::Words(vec!["by".into()]),
                        Elem::Source,
                    ],
                    trigger: 3,
                    text: format!("(passive of) {}", body.trim()),
                    verb_trigger: true,
                    trigger_lemmas: Vec::new(),
                    implicit_source: false,
                });
            }
        }
        out.push(Pattern {
            id: format!("{file}:{}", i + 1),
            code,
            paired,
            elems,
            trigger,
            text: body.trim().to_string(),
            verb_trigger: verb_flags.get(trigger).copied().unwrap_or(false),
            trigger_lemmas: lemmas.get(trigger).cloned().unwrap_or_default(),
            implicit_source: false,
        });
    }
    Ok(out)
}

/// For `$ {lemma} +`: the participles of the lemma (the passive
/// `+ was … attacked by $` is generated for every such pattern).
fn passive_of(written: &str, _verb: &[String], inflector: &Inflector) -> Option<Vec<String>> {
    let lemma = written.strip_prefix('{')?.strip_suffix('}')?;
    if lemma.contains(['.', '|']) {
        return None;
    }
    Some(inflector.forms(lemma, FormSet::Participle))
}

fn valid_code(c: &str) -> bool {
    (2..=4).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_digit())
}

fn parse_codes(s: &str) -> Option<(Option<String>, Option<String>)> {
    if s == "---" {
        return Some((None, None));
    }
    let (a, b) = match s.split_once(':') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    if !valid_code(a) || b.is_some_and(|b| !valid_code(b)) {
        return None;
    }
    Some((Some(a.to_string()), b.map(str::to_string)))
}

/// `word`, `a|b|{lemma}|{lemma.pp}|&SYNSET`.
fn parse_words(
    t: &str,
    inflector: &Inflector,
    synsets: &HashMap<String, Vec<String>>,
) -> Option<Vec<String>> {
    let mut words: Vec<String> = Vec::new();
    for alt in t.split('|') {
        if let Some(name) = alt.strip_prefix('&') {
            for w in synsets.get(name)? {
                if !words.contains(w) {
                    words.push(w.clone());
                }
            }
        } else if let Some(inner) = alt.strip_prefix('{').and_then(|a| a.strip_suffix('}')) {
            let (lemma, set) = match inner.split_once('.') {
                Some((l, s)) => (l, FormSet::parse(s)?),
                None => (inner, FormSet::All),
            };
            if lemma.is_empty() {
                return None;
            }
            for f in inflector.forms(lemma, set) {
                if !words.contains(&f) {
                    words.push(f);
                }
            }
        } else if alt.is_empty() || alt.contains(['{', '}', '$', '+']) {
            return None;
        } else {
            let w = alt.to_lowercase();
            if !words.contains(&w) {
                words.push(w);
            }
        }
    }
    Some(words)
}

/// A discard: sentences containing the phrase code no event of these roots
/// (all roots when the list is empty).
#[derive(Debug, Clone, PartialEq)]
pub struct Discard {
    pub id: String,
    /// The phrase: one entry per token, each listing lowercase alternatives.
    pub words: Vec<Vec<String>>,
    pub roots: Vec<String>,
}

/// Parse `discards.txt`: `ROOTS|*  phrase words` (`a|b` alternatives).
pub fn parse_discards(file: &str, text: &str) -> Result<Vec<Discard>, CodeError> {
    let mut out = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let line = raw.split(" #").next().unwrap_or("").trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let err = |m: &str| CodeError::syntax(file, i + 1, m);
        let (roots, phrase) = line
            .split_once(char::is_whitespace)
            .ok_or_else(|| err("expected: ROOTS PHRASE"))?;
        let roots: Vec<String> = if roots == "*" {
            Vec::new()
        } else {
            let r: Vec<String> = roots.split(',').map(str::to_string).collect();
            if r.iter().any(|x| x.len() != 2 || !valid_code(x)) {
                return Err(err("roots: `*` or two-digit roots separated by commas"));
            }
            r
        };
        let words: Vec<Vec<String>> = phrase
            .split_whitespace()
            .map(|w| w.split('|').map(str::to_lowercase).collect())
            .collect();
        if words.is_empty() {
            return Err(err("empty phrase"));
        }
        out.push(Discard {
            id: format!("{file}:{}", i + 1),
            words,
            roots,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_slots_gaps_triggers_and_paired_codes() {
        let inf = Inflector::embedded();
        let p = parse_patterns(
            "t.txt",
            "# x\n042:043 $ {travel} to + ..6 for talks\n18 + {be} *{attack.pp} by $\n",
            &inf,
        )
        .expect("parse");
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].code.as_deref(), Some("042"));
        assert_eq!(p[0].paired.as_deref(), Some("043"));
        assert_eq!(p[0].trigger, 1);
        assert_eq!(p[0].elems[4], Elem::Gap(6));
        assert_eq!(p[1].trigger, 2);
        assert_eq!(p[1].elems[2], Elem::Words(vec!["attacked".into()]));
        assert_eq!(p[1].id, "t.txt:3");
        assert!(parse_patterns("t.txt", "4x $ met +", &inf).is_err());
        assert!(parse_patterns("t.txt", "040 $ .. +", &inf).is_err());
    }

    #[test]
    fn embedded_dictionaries_parse() {
        let inf = Inflector::embedded();
        let p = parse_patterns("patterns.txt", DEFAULT_PATTERNS, &inf).expect("patterns.txt");
        assert!(p.len() > 300, "{} patterns", p.len());
        let d = parse_discards("discards.txt", DEFAULT_DISCARDS).expect("discards.txt");
        assert!(!d.is_empty());
        // triggers feed the prefilter: a function word would mark every sentence
        let stop = [
            "the", "a", "of", "to", "in", "on", "at", "by", "for", "with", "and", "is", "was",
            "has", "had", "have", "be",
        ];
        for pat in &p {
            if let Some(Elem::Words(ws)) = pat.elems.get(pat.trigger) {
                assert!(
                    !ws.iter().any(|w| stop.contains(&w.as_str())),
                    "{} triggers on a function word",
                    pat.id
                );
            }
        }
    }
}
