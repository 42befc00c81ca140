//! One PETRARCH pattern body (the part of `- pre * post [code]` before the
//! code) read into a linear sequence of dyad pattern parts.
//!
//! PETRARCH-1 patterns are TABARI's: a blank between two words lets other
//! words intervene, `_` makes them consecutive; words are stems. They become
//! gaps of [`GAP_P1`] tokens and whole words with the common endings.
//!
//! PETRARCH-2 patterns are read against a parse: bare words are phrase heads,
//! `{A B}` a noun phrase (head last), `(P N)` a prepositional phrase. dyad has
//! no parse here, so they are linearised: the words of a `{…}` phrase are
//! consecutive, a preposition is followed within [`GAP_PP`] tokens by its
//! noun, and two constituents are at most [`GAP_P2`] tokens apart. Nouns also
//! match their regular plural.
//!
//! `$`/`+` are the source/target slots; `%` (compound actor) becomes `$`
//! before the verb or `+` after it when that slot is free; `^` (skip an
//! actor) becomes a gap of [`GAP_SKIP`] tokens.

use std::collections::HashMap;

use crate::dict::Elem;
use crate::petrarch::words::{noun_forms, stem_forms};

/// Tokens allowed between two PETRARCH-2 constituents.
pub const GAP_P2: usize = 6;
/// Tokens allowed between a preposition and its noun (determiner, adjectives).
pub const GAP_PP: usize = 3;
/// Tokens allowed at a blank of a PETRARCH-1 (TABARI) pattern.
pub const GAP_P1: usize = 8;
/// Tokens skipped for `^`.
pub const GAP_SKIP: usize = 4;
/// Longest gap after merging adjacent ones.
pub const MAX_GAP: usize = 12;
/// Most linear variants one pattern may expand to (multi-word synset members).
pub const MAX_VARIANTS: usize = 16;
/// Most multi-word members of a synset expanded as phrases of their own.
pub const MAX_PHRASES: usize = 3;

/// The two dictionary formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Flavor {
    /// `CAMEO.verbpatterns.*.txt`: TABARI-style linear patterns.
    Petrarch1,
    /// `CAMEO.2.0.txt`: patterns over a parse (`{…}` phrases, `(…)` PPs).
    Petrarch2,
}

impl Flavor {
    pub fn name(self) -> &'static str {
        match self {
            Flavor::Petrarch1 => "petrarch1",
            Flavor::Petrarch2 => "petrarch2",
        }
    }
}

/// A phrase: one entry per token, each listing lowercase alternatives.
pub type Phrase = Vec<Vec<String>>;

/// Synsets by name (without `&` and trailing `_`).
pub type Synsets = HashMap<String, Vec<Phrase>>;

/// A part of a linear pattern: a dyad element, or the verb of the block.
#[derive(Debug, Clone, PartialEq)]
pub enum Part {
    Elem(Elem),
    Verb,
}

/// Why a pattern could not be converted (the key of the skip counts).
#[derive(Debug, Clone, PartialEq)]
pub enum Skip {
    Syntax(String),
    NoVerb,
    TwoVerbs,
    UndefinedSynset(String),
    TwoSlots,
    Compound,
    TooManyVariants,
}

impl Skip {
    /// The count key.
    pub fn reason(&self) -> &'static str {
        match self {
            Skip::Syntax(_) => "syntax error",
            Skip::NoVerb => "no `*`",
            Skip::TwoVerbs => "two `*`",
            Skip::UndefinedSynset(_) => "undefined synset",
            Skip::TwoSlots => "two `$` or two `+`",
            Skip::Compound => "`%` with both slots taken",
            Skip::TooManyVariants => "too many synset phrase variants",
        }
    }

    /// A message for the error line.
    pub fn message(&self) -> String {
        match self {
            Skip::Syntax(m) => m.clone(),
            Skip::UndefinedSynset(n) => format!("undefined synset &{n}"),
            other => other.reason().to_string(),
        }
    }
}

/// The result of reading one body: linear variants and the approximations made.
#[derive(Debug, Clone, Default)]
pub struct Converted {
    pub variants: Vec<Vec<Part>>,
    pub approximations: Vec<&'static str>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
struct Tok<'a> {
    text: &'a str,
    /// Connected to the previous token by `_`.
    joined: bool,
    /// Followed by `_` (a whole word: no plural).
    exact: bool,
}

/// Push `chunk[start..end]` as a word (if a word is open); true if pushed.
fn flush<'a>(
    out: &mut Vec<Tok<'a>>,
    chunk: &'a str,
    start: &mut Option<usize>,
    end: usize,
    joined: bool,
) -> bool {
    let Some(a) = start.take() else {
        return false;
    };
    if let Some(text) = chunk.get(a..end) {
        out.push(Tok {
            text,
            joined,
            exact: false,
        });
    }
    true
}

/// Split a body into words and brackets, recording `_` connections.
fn tokenize(body: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok<'_>> = Vec::new();
    for chunk in body.split_whitespace() {
        let mut joined = false;
        let mut start: Option<usize> = None;
        for (i, c) in chunk.char_indices() {
            match c {
                '{' | '}' | '(' | ')' | '*' => {
                    if flush(&mut out, chunk, &mut start, i, joined) {
                        joined = false;
                    }
                    if let Some(text) = chunk.get(i..i + 1) {
                        out.push(Tok {
                            text,
                            joined: joined && c == '*',
                            exact: false,
                        });
                    }
                    joined = false;
                }
                '_' => {
                    flush(&mut out, chunk, &mut start, i, joined);
                    if let Some(last) = out.last_mut() {
                        last.exact = true;
                    }
                    joined = true;
                }
                _ => {
                    if start.is_none() {
                        start = Some(i);
                    }
                }
            }
        }
        flush(&mut out, chunk, &mut start, chunk.len(), joined);
    }
    out
}

#[derive(Debug, Clone, PartialEq)]
enum Atom {
    Phrases(Vec<Phrase>),
    Verb,
    Source,
    Target,
    Compound,
    Skip,
}

/// Read one pattern body.
pub fn convert(body: &str, flavor: Flavor, synsets: &Synsets) -> Result<Converted, Skip> {
    let mut approximations = Vec::new();
    // (atom, gap before it)
    let mut atoms: Vec<(Atom, usize)> = Vec::new();
    // open groups: (bracket, id, atoms seen inside)
    let mut stack: Vec<(char, usize, usize)> = Vec::new();
    let mut next_id = 0;
    // for the previous atom: innermost `{` id and `(` id
    let mut prev_groups: (Option<usize>, Option<usize>) = (None, None);
    let mut prev_word: Option<String> = None;
    for tok in tokenize(body) {
        match tok.text {
            "{" | "(" => {
                if flavor == Flavor::Petrarch1 {
                    return Err(Skip::Syntax(format!(
                        "`{}` in a PETRARCH-1 pattern",
                        tok.text
                    )));
                }
                let c = if tok.text == "{" { '{' } else { '(' };
                stack.push((c, next_id, 0));
                next_id += 1;
                continue;
            }
            "}" | ")" => {
                let want = if tok.text == "}" { '{' } else { '(' };
                match stack.pop() {
                    Some((c, _, _)) if c == want => continue,
                    _ => return Err(Skip::Syntax(format!("unbalanced `{}`", tok.text))),
                }
            }
            _ => {}
        }
        let np = stack.iter().rev().find(|g| g.0 == '{').map(|g| (g.1, g.2));
        let pp = stack.iter().rev().find(|g| g.0 == '(').map(|g| (g.1, g.2));
        let is_preposition =
            pp.is_some_and(|(_, seen)| seen == 0) && stack.last().is_some_and(|g| g.0 == '(');
        let atom = match tok.text {
            "*" => Atom::Verb,
            "$" => Atom::Source,
            "+" => Atom::Target,
            "%" => Atom::Compound,
            "^" => Atom::Skip,
            t if t.starts_with('&') => {
                let name = t.trim_start_matches('&').trim_end_matches('_');
                let set = synsets
                    .get(name)
                    .ok_or_else(|| Skip::UndefinedSynset(name.to_string()))?;
                Atom::Phrases(set.clone())
            }
            t => {
                if !t
                    .chars()
                    .all(|c| c.is_alphanumeric() || "-'.,/&".contains(c))
                {
                    return Err(Skip::Syntax(format!("unexpected token {t:?}")));
                }
                let forms = if tok.exact || is_preposition || t.chars().count() <= 2 {
                    vec![t.to_lowercase()]
                } else if flavor == Flavor::Petrarch1 {
                    stem_forms(t)
                } else {
                    noun_forms(t)
                };
                Atom::Phrases(vec![vec![forms]])
            }
        };
        let gap = if atoms.is_empty() || tok.joined {
            0
        } else if flavor == Flavor::Petrarch1 {
            GAP_P1
        } else if np.is_some_and(|(id, seen)| seen > 0 && prev_groups.0 == Some(id)) {
            0
        } else if pp.is_some_and(|(id, _)| prev_groups.1 == Some(id)) {
            if matches!(tok.text, "$" | "+" | "%") {
                0
            } else {
                GAP_PP
            }
        } else {
            GAP_P2
        };
        for g in stack.iter_mut() {
            g.2 += 1;
        }
        // a noun phrase's words before its head are modifiers: no plural
        if gap == 0 && np.is_some_and(|(id, seen)| seen > 0 && prev_groups.0 == Some(id)) {
            if let (Some((Atom::Phrases(ph), _)), Some(w)) = (atoms.last_mut(), prev_word) {
                *ph = vec![vec![vec![w]]];
            }
        }
        prev_word = match &atom {
            Atom::Phrases(_) if !tok.text.starts_with('&') => Some(tok.text.to_lowercase()),
            _ => None,
        };
        prev_groups = (np.map(|x| x.0), pp.map(|x| x.0));
        atoms.push((atom, gap));
    }
    if !stack.is_empty() {
        return Err(Skip::Syntax("unclosed `{` or `(`".into()));
    }
    let verbs: Vec<usize> = atoms
        .iter()
        .enumerate()
        .filter(|(_, a)| a.0 == Atom::Verb)
        .map(|(i, _)| i)
        .collect();
    let verb_at = match verbs.as_slice() {
        [] => return Err(Skip::NoVerb),
        [v] => *v,
        _ => return Err(Skip::TwoVerbs),
    };
    let has = |a: &Atom| atoms.iter().filter(|x| x.0 == *a).count();
    if has(&Atom::Source) > 1 || has(&Atom::Target) > 1 {
        return Err(Skip::TwoSlots);
    }
    let (mut source_free, mut target_free) = (has(&Atom::Source) == 0, has(&Atom::Target) == 0);
    // linear pieces, with alternatives still as phrase lists
    let mut pieces: Vec<Piece> = Vec::new();
    for (i, (atom, gap)) in atoms.into_iter().enumerate() {
        push_gap(&mut pieces, gap);
        match atom {
            Atom::Verb => pieces.push(Piece::Verb),
            Atom::Source => pieces.push(Piece::Elem(Elem::Source)),
            Atom::Target => pieces.push(Piece::Elem(Elem::Target)),
            Atom::Skip => {
                approximations.push("`^` as a gap");
                push_gap(&mut pieces, GAP_SKIP);
            }
            Atom::Compound => {
                approximations.push("`%` as `$` or `+`");
                if i < verb_at && source_free {
                    source_free = false;
                    pieces.push(Piece::Elem(Elem::Source));
                } else if i > verb_at && target_free {
                    target_free = false;
                    pieces.push(Piece::Elem(Elem::Target));
                } else {
                    return Err(Skip::Compound);
                }
            }
            Atom::Phrases(p) => pieces.push(Piece::Phrases(p)),
        }
    }
    while matches!(pieces.last(), Some(Piece::Elem(Elem::Gap(_)))) {
        pieces.pop();
    }
    while matches!(pieces.first(), Some(Piece::Elem(Elem::Gap(_)))) {
        pieces.remove(0);
    }
    // an edge slot already searches outward: no gap between it and the rest
    let is_slot = |p: Option<&Piece>| matches!(p, Some(Piece::Elem(Elem::Source | Elem::Target)));
    if is_slot(pieces.first()) && matches!(pieces.get(1), Some(Piece::Elem(Elem::Gap(_)))) {
        pieces.remove(1);
    }
    let n = pieces.len();
    if n >= 2
        && is_slot(pieces.last())
        && matches!(pieces.get(n - 2), Some(Piece::Elem(Elem::Gap(_))))
    {
        pieces.remove(n - 2);
    }
    let mut folded = false;
    let variants = expand(&pieces, &mut folded)?;
    if folded {
        approximations.push("multi-word synset members by their head word");
    }
    Ok(Converted {
        variants,
        approximations,
    })
}

#[derive(Debug, Clone, PartialEq)]
enum Piece {
    Elem(Elem),
    Verb,
    Phrases(Vec<Phrase>),
}

fn push_gap(pieces: &mut Vec<Piece>, n: usize) {
    if n == 0 {
        return;
    }
    if let Some(Piece::Elem(Elem::Gap(g))) = pieces.last_mut() {
        *g = (*g + n).min(MAX_GAP);
    } else {
        pieces.push(Piece::Elem(Elem::Gap(n)));
    }
}

/// The options one piece offers: single-token alternatives merge into one
/// word element; each multi-token phrase is an option of its own, unless
/// the synset has more than [`MAX_PHRASES`] of them: then each is matched
/// by its last word, the head of the noun phrase ("machine gun" → "gun").
fn options(piece: &Piece, folded: &mut bool) -> Vec<Vec<Part>> {
    match piece {
        Piece::Elem(e) => vec![vec![Part::Elem(e.clone())]],
        Piece::Verb => vec![vec![Part::Verb]],
        Piece::Phrases(phrases) => {
            let fold = phrases.iter().filter(|p| p.len() > 1).count() > MAX_PHRASES;
            *folded |= fold;
            let mut single: Vec<String> = Vec::new();
            let mut out = Vec::new();
            for ph in phrases {
                let ph = match ph.as_slice() {
                    [.., last] if fold => std::slice::from_ref(last),
                    all => all,
                };
                match ph {
                    [one] => {
                        for w in one {
                            if !single.contains(w) {
                                single.push(w.clone());
                            }
                        }
                    }
                    many => out.push(
                        many.iter()
                            .map(|ws| Part::Elem(Elem::Words(ws.clone())))
                            .collect(),
                    ),
                }
            }
            if !single.is_empty() {
                out.insert(0, vec![Part::Elem(Elem::Words(single))]);
            }
            out
        }
    }
}

fn expand(pieces: &[Piece], folded: &mut bool) -> Result<Vec<Vec<Part>>, Skip> {
    let mut variants: Vec<Vec<Part>> = vec![Vec::new()];
    for piece in pieces {
        let opts = options(piece, folded);
        if opts.is_empty() {
            return Err(Skip::Syntax("empty synset".into()));
        }
        if variants.len() * opts.len() > MAX_VARIANTS {
            return Err(Skip::TooManyVariants);
        }
        let mut next = Vec::with_capacity(variants.len() * opts.len());
        for v in &variants {
            for o in &opts {
                let mut x = v.clone();
                x.extend(o.iter().cloned());
                next.push(x);
            }
        }
        variants = next;
    }
    Ok(variants)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(ws: &[&str]) -> Part {
        Part::Elem(Elem::Words(ws.iter().map(|w| w.to_string()).collect()))
    }

    #[test]
    fn tokenizer_records_connections() {
        let t = tokenize("IN_* {GOOD NEWS} (TO +)");
        let texts: Vec<&str> = t.iter().map(|x| x.text).collect();
        assert_eq!(
            texts,
            ["IN", "*", "{", "GOOD", "NEWS", "}", "(", "TO", "+", ")"]
        );
        assert!(t[1].joined && t[0].exact && !t[3].joined);
    }

    #[test]
    fn petrarch2_phrases_and_prepositions() {
        let mut syn = Synsets::new();
        syn.insert(
            "TRUCE".into(),
            vec![
                vec![noun_forms("truce")],
                vec![vec!["cease".into()], noun_forms("fire")],
            ],
        );
        let c = convert("* {FRESH TALKS} (WITH +)", Flavor::Petrarch2, &syn).expect("ok");
        assert_eq!(
            c.variants,
            vec![vec![
                Part::Verb,
                Part::Elem(Elem::Gap(GAP_P2)),
                words(&["fresh"]),
                words(&["talks"]),
                Part::Elem(Elem::Gap(GAP_P2)),
                words(&["with"]),
                Part::Elem(Elem::Target),
            ]]
        );
        // a two-word synset member is a variant of its own
        let c = convert("* &TRUCE", Flavor::Petrarch2, &syn).expect("ok");
        assert_eq!(c.variants.len(), 2);
        assert_eq!(c.variants[1].len(), 4);
        assert_eq!(
            convert("* &NOPE", Flavor::Petrarch2, &syn).err(),
            Some(Skip::UndefinedSynset("NOPE".into()))
        );
        assert!(matches!(
            convert("* (TO {X Y)", Flavor::Petrarch2, &syn),
            Err(Skip::Syntax(_))
        ));
        assert_eq!(
            convert("{A B}", Flavor::Petrarch2, &syn).err(),
            Some(Skip::NoVerb)
        );
    }

    #[test]
    fn petrarch1_gaps_stems_compounds_and_skips() {
        let syn = Synsets::new();
        let c = convert("% * IN ^ WITH_HELP", Flavor::Petrarch1, &syn).expect("ok");
        let v = &c.variants[0];
        assert_eq!(v[0], Part::Elem(Elem::Source));
        assert_eq!(v[1], Part::Verb);
        assert_eq!(v[2], Part::Elem(Elem::Gap(GAP_P1)));
        assert_eq!(v[4], Part::Elem(Elem::Gap(MAX_GAP)));
        assert_eq!(v[5], words(&["with"]));
        assert!(matches!(&v[6], Part::Elem(Elem::Words(w)) if w.contains(&"helped".to_string())));
        assert_eq!(v.len(), 7);
        assert_eq!(c.approximations.len(), 2);
        assert_eq!(
            convert("$ * $", Flavor::Petrarch1, &syn).err(),
            Some(Skip::TwoSlots)
        );
    }
}
