//! The phrase matcher: every dictionary phrase compiled into one
//! Aho–Corasick automaton (ASCII case-insensitive), with our own checks on
//! top: word boundaries on both sides, and case — an uppercase letter in a
//! phrase must be uppercase in the text ("US" never matches "us", "Tass"
//! matches "TASS", role nouns written in lowercase match any case). Among
//! the valid matches the leftmost-longest are kept. A phrase written with a
//! final `*` (TABARI stems, see `dict::tabari_phrase`) may end inside a
//! word of the text: the match then runs to the end of that word. A phrase
//! with TABARI gaps (`dict::tabari_phrase::GAP_MARK`) is compiled by its
//! first part; the other parts must follow, in order, before the next comma
//! or semicolon, and the match runs to the end of the last.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use aho_corasick::automaton::OverlappingState;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use crate::dict::tabari_phrase::{split_stem, GAP_MARK};
use crate::dict::{Dictionary, Target};
use crate::error::ActorError;

/// A phrase as written, with what it names.
#[derive(Debug, Clone)]
struct Entry {
    written: String,
    target: Target,
    /// The last word may continue in the text (a TABARI stem).
    stem: bool,
    /// Parts that must follow `written` later in the clause (TABARI gaps).
    rest: Box<[String]>,
}

/// A match in the text: byte span and every target whose case check passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub targets: Vec<Target>,
}

/// Compiled phrases.
#[derive(Debug, Clone)]
pub struct Matcher {
    ac: AhoCorasick,
    /// Entries per automaton pattern.
    entries: Vec<Vec<Entry>>,
    /// First-word hashes (see [`fold_run`]) of the phrases of one word, or
    /// of one word and non-word characters.
    one_word: KeySet,
    /// First-word hashes of the phrases of two words or more.
    first_words: KeySet,
    /// For the phrases of two words or more: hashes of their first word, the
    /// non-word characters after it and each prefix of their second word.
    two_words: KeySet,
    /// Some phrase has no word character at all.
    nonword_only: bool,
    /// Hashes of the one-word stems (matched against every prefix of a
    /// word of the text).
    stem_one: KeySet,
    /// First-word hashes of the stems of two words or more.
    stem_first: KeySet,
    /// Some phrase is a stem or has gaps (TABARI dictionaries): matching
    /// takes the slower path that handles them.
    special: bool,
}

/// A set of hashes.
type KeySet = HashSet<u64, BuildHasherDefault<IdentityHasher>>;

/// A hasher for keys that are already hashes.
#[derive(Debug, Default, Clone, Copy)]
struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// Continue the FNV-1a hash `h` over the longest prefix of `s` whose
/// characters are all word characters (`word`) or all not, ASCII-lowercased
/// as the automaton compares; returns the hash and the prefix length.
fn fold_run(mut h: u64, s: &str, word: bool) -> (u64, usize) {
    let bytes = s.as_bytes();
    let mut len = 0;
    while let Some(&b) = bytes.get(len) {
        if b.is_ascii() {
            if b.is_ascii_alphanumeric() != word {
                break;
            }
            h = fold_byte(h, b);
            len += 1;
        } else {
            let Some(c) = s.get(len..).and_then(|r| r.chars().next()) else {
                break;
            };
            if is_word_char(c) != word {
                break;
            }
            h = fold_char(h, c);
            len += c.len_utf8();
        }
    }
    (h, len)
}

/// Continue the FNV-1a hash `h` over the byte `b`, ASCII-lowercased.
#[inline]
fn fold_byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Continue the FNV-1a hash `h` over `c`, ASCII-lowercased.
#[inline]
fn fold_char(mut h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    for &b in c.encode_utf8(&mut buf).as_bytes() {
        h = fold_byte(h, b);
    }
    h
}

/// FNV-1a offset basis: the hash of the empty string.
const EMPTY_HASH: u64 = 0xcbf2_9ce4_8422_2325;

/// The hash `h1` of a first word continued over `rest` (what follows that
/// word): its leading non-word characters and the whole word after them;
/// `None` when either is missing.
fn second_key(h1: u64, rest: &str) -> Option<u64> {
    let (hs, ns) = fold_run(h1, rest, false);
    let (h2, n2) = fold_run(hs, rest.get(ns..).unwrap_or(""), true);
    (ns > 0 && n2 > 0).then_some(h2)
}

fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

impl Matcher {
    /// Compile every phrase of `dict` (each phrase with `'` is also added
    /// with `’`).
    pub fn build(dict: &Dictionary) -> Result<Self, ActorError> {
        let mut index: HashMap<String, usize> = HashMap::with_capacity(dict.phrases.len());
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<Vec<Entry>> = Vec::new();
        let mut add = |written: String, target: Target, stem: bool, rest: Box<[String]>| {
            let key = fold(&written);
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                entries.push(Vec::new());
                entries.len() - 1
            });
            if let Some(list) = entries.get_mut(slot) {
                if !list.iter().any(|e| {
                    e.written == written && e.target == target && e.stem == stem && e.rest == rest
                }) {
                    list.push(Entry {
                        written,
                        target,
                        stem,
                        rest,
                    });
                }
            }
        };
        for (phrase, target) in &dict.phrases {
            let (phrase, stem) = split_stem(phrase.trim());
            let mut parts = phrase.split(GAP_MARK).map(str::trim);
            let phrase = parts.next().unwrap_or("");
            let rest: Box<[String]> = parts.map(fold).collect();
            if phrase.is_empty() {
                continue;
            }
            if phrase.contains('\'') {
                add(
                    phrase.replace('\'', "\u{2019}"),
                    *target,
                    stem,
                    rest.clone(),
                );
            }
            add(phrase.to_string(), *target, stem, rest);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(|e| ActorError::Matcher(e.to_string()))?;
        let mut one_word = KeySet::default();
        let mut first_words = KeySet::default();
        let mut two_words = KeySet::default();
        let mut nonword_only = false;
        let mut stem_one = KeySet::default();
        let mut stem_first = KeySet::default();
        for (p, list) in patterns.iter().zip(&entries) {
            let (h1, n1) = fold_run(EMPTY_HASH, p, true);
            if n1 > 0 && list.iter().any(|e| e.stem && e.rest.is_empty()) {
                if n1 == p.len() {
                    stem_one.insert(h1);
                } else {
                    stem_first.insert(h1);
                }
            }
            if n1 == 0 {
                // It never matches at a word start, but may be reported on
                // the walk from one (see `find`).
                nonword_only |= !p.chars().any(is_word_char);
                continue;
            }
            let rest = p.get(n1..).unwrap_or("");
            let (mut h, ns) = fold_run(h1, rest, false);
            let second = rest.get(ns..).unwrap_or("");
            let mut second_word = false;
            for c in second.chars().take_while(|&c| ns > 0 && is_word_char(c)) {
                h = fold_char(h, c);
                two_words.insert(h);
                second_word = true;
            }
            if second_word {
                first_words.insert(h1);
            } else {
                one_word.insert(h1);
            }
        }
        let special = entries
            .iter()
            .flatten()
            .any(|e| e.stem || !e.rest.is_empty());
        Ok(Matcher {
            ac,
            special,
            entries,
            one_word,
            first_words,
            two_words,
            nonword_only,
            stem_one,
            stem_first,
        })
    }

    /// Number of distinct phrases compiled.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when no phrase was compiled.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Leftmost-longest valid matches in `text`, as spans relative to `text`.
    ///
    /// Phrases can only start at a word start, so the automaton is run
    /// anchored at each word start (it stops as soon as no phrase can
    /// continue); of the phrases matching there, the longest that passes the
    /// boundary and case checks wins, and the scan resumes after it.
    ///
    /// The automaton is not run where it cannot find a valid match. At a
    /// word start the anchored automaton walks the text as long as it spells
    /// the start of some phrase, and reports every phrase that ends the walk
    /// so far (a phrase itself, or one that is a suffix of the walk). A match
    /// must not end inside a word of the text (boundary check), so:
    /// - if the walk stays inside the first word, the match is that whole
    ///   word, a phrase of one word;
    /// - otherwise some phrase starts with the whole first word followed by
    ///   a non-word character; if it ends within those non-word characters
    ///   the match is the word and non-word characters (a phrase of one word
    ///   and non-word characters) or non-word characters only (a phrase
    ///   without word characters); if it ends later, the walk spelled the
    ///   first word, the non-word characters after it and the whole second
    ///   word, a prefix of some phrase.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut prev_word = false;
        let mut resume_at = 0;
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            // ASCII fast path: for ASCII, `is_alphanumeric` is
            // `is_ascii_alphanumeric`.
            let (is_word, len) = if b.is_ascii() {
                (b.is_ascii_alphanumeric(), 1)
            } else {
                match text.get(i..).and_then(|r| r.chars().next()) {
                    Some(c) => (is_word_char(c), c.len_utf8()),
                    None => break,
                }
            };
            let word_start = is_word && !prev_word;
            prev_word = is_word;
            if word_start
                && i >= resume_at
                && text.get(i..).is_some_and(|rest| self.may_start(rest))
            {
                if let Some(hit) = self.longest_at(text, i) {
                    resume_at = hit.end;
                    out.push(hit);
                }
            }
            i += len;
        }
        out
    }

    /// Whether a phrase may start at the start of `rest` (see [`Self::find`]).
    fn may_start(&self, rest: &str) -> bool {
        let (h1, n1) = fold_run(EMPTY_HASH, rest, true);
        if n1 == 0 {
            return false;
        }
        if self.one_word.contains(&h1) {
            return true;
        }
        if self.special && (self.stem_first.contains(&h1) || self.stem_prefix(rest)) {
            return true;
        }
        if !self.first_words.contains(&h1) {
            return false;
        }
        self.nonword_only
            || second_key(h1, rest.get(n1..).unwrap_or(""))
                .is_some_and(|h2| self.two_words.contains(&h2))
    }

    /// Whether some prefix of the first word of `rest` is a one-word stem.
    fn stem_prefix(&self, rest: &str) -> bool {
        let mut h = EMPTY_HASH;
        for c in rest.chars().take_while(|&c| is_word_char(c)) {
            h = fold_char(h, c);
            if self.stem_one.contains(&h) {
                return true;
            }
        }
        false
    }

    fn longest_at(&self, text: &str, at: usize) -> Option<Hit> {
        if self.special {
            return self.longest_special_at(text, at);
        }
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        let mut best: Option<(usize, usize)> = None;
        loop {
            if self
                .ac
                .try_find_overlapping(input.clone(), &mut state)
                .is_err()
            {
                break;
            }
            let Some(m) = state.get_match() else { break };
            let (s, e) = (m.start(), m.end());
            if best.is_some_and(|(end, _)| end >= e) || !text.is_char_boundary(e) {
                continue;
            }
            let pid = m.pattern().as_usize();
            let Some(list) = self.entries.get(pid) else {
                continue;
            };
            let Some(first) = list.first() else { continue };
            let Some(slice) = text.get(s..e) else {
                continue;
            };
            if boundary_ok(text, s, e, &first.written)
                && list.iter().any(|en| case_ok(&en.written, slice))
            {
                best = Some((e, pid));
            }
        }
        let (end, pid) = best?;
        let slice = text.get(at..end)?;
        let targets: Vec<Target> = self
            .entries
            .get(pid)?
            .iter()
            .filter(|en| case_ok(&en.written, slice))
            .map(|en| en.target)
            .collect();
        Some(Hit {
            start: at,
            end,
            targets,
        })
    }

    /// [`Self::longest_at`] for dictionaries with stems or gaps.
    fn longest_special_at(&self, text: &str, at: usize) -> Option<Hit> {
        let input = Input::new(text).range(at..).anchored(Anchored::Yes);
        let mut state = OverlappingState::start();
        // the longest valid end, and the (automaton end, pattern) pairs that
        // reach it (a stem and a whole word can both end at a word's end)
        let mut best_end = 0;
        let mut best: Vec<(usize, usize)> = Vec::new();
        loop {
            if self
                .ac
                .try_find_overlapping(input.clone(), &mut state)
                .is_err()
            {
                break;
            }
            let Some(m) = state.get_match() else { break };
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(e) {
                continue;
            }
            let pid = m.pattern().as_usize();
            let Some(list) = self.entries.get(pid) else {
                continue;
            };
            let Some(end) = list.iter().filter_map(|en| valid_end(en, text, s, e)).max() else {
                continue;
            };
            if best.is_empty() || end > best_end {
                best_end = end;
                best.clear();
            }
            if end == best_end {
                best.push((e, pid));
            }
        }
        if best.is_empty() {
            return None;
        }
        // phrases written in one piece come before those with gaps
        let mut targets: Vec<Target> = Vec::new();
        for gapped in [false, true] {
            for &(e, pid) in &best {
                let Some(list) = self.entries.get(pid) else {
                    continue;
                };
                for en in list.iter().filter(|en| en.rest.is_empty() != gapped) {
                    if valid_end(en, text, at, e) == Some(best_end) && !targets.contains(&en.target)
                    {
                        targets.push(en.target);
                    }
                }
            }
        }
        Some(Hit {
            start: at,
            end: best_end,
            targets,
        })
    }
}

/// Where the match of `en` found at `s..e` ends in the text, if it is
/// valid there: boundaries and case hold; a stem runs on to the end of the
/// word it ends in.
fn valid_end(en: &Entry, text: &str, s: usize, e: usize) -> Option<usize> {
    let slice = text.get(s..e)?;
    if !case_ok(&en.written, slice) {
        return None;
    }
    if !en.rest.is_empty() {
        if !boundary_ok(text, s, e, &en.written) {
            return None;
        }
        return gapped_end(&en.rest, en.stem, text, e);
    }
    if boundary_ok(text, s, e, &en.written) {
        return Some(e);
    }
    if !en.stem || !left_boundary_ok(text, s, &en.written) {
        return None;
    }
    let rest = text.get(e..)?;
    let run: usize = rest
        .chars()
        .take_while(|&c| is_word_char(c))
        .map(char::len_utf8)
        .sum();
    Some(e + run)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The end of the last of `parts` found in order after `from`, each at a
/// word start, before the next comma or semicolon (`stem`: the last part's
/// last word may continue).
fn gapped_end(parts: &[String], stem: bool, text: &str, from: usize) -> Option<usize> {
    let clause_end = text
        .get(from..)?
        .find([',', ';'])
        .map_or(text.len(), |k| from + k);
    let mut pos = from;
    for (n, part) in parts.iter().enumerate() {
        let last = n + 1 == parts.len();
        pos = find_part(text, pos, clause_end, part, stem && last)?;
    }
    Some(pos)
}

/// The end of the first occurrence of `part` (lowercase) at a word start in
/// `text[from..limit]`.
fn find_part(text: &str, from: usize, limit: usize, part: &str, stem: bool) -> Option<usize> {
    let hay = text.get(..limit)?;
    let mut prev_word = text
        .get(..from)
        .and_then(|t| t.chars().next_back())
        .is_some_and(is_word_char);
    for (k, c) in hay.get(from..)?.char_indices() {
        let at = from + k;
        let word = is_word_char(c);
        let start = word && !prev_word;
        prev_word = word;
        if !start {
            continue;
        }
        let Some(cand) = hay.get(at..at + part.len()) else {
            continue;
        };
        if !same_words(cand, part) {
            continue;
        }
        let end = at + part.len();
        if right_boundary_ok(text, end, part) {
            return Some(end);
        }
        if stem {
            let run: usize = text
                .get(end..)?
                .chars()
                .take_while(|&c| is_word_char(c))
                .map(char::len_utf8)
                .sum();
            return Some(end + run);
        }
    }
    None
}

/// `cand` spells `part` (lowercase) but for ASCII case, a blank of `part`
/// standing for a blank, `_` or `-` of the text (TABARI's word joiners).
fn same_words(cand: &str, part: &str) -> bool {
    cand.len() == part.len()
        && cand.bytes().zip(part.bytes()).all(|(c, p)| {
            if p == b' ' {
                matches!(c, b' ' | b'_' | b'-')
            } else {
                c.eq_ignore_ascii_case(&p)
            }
        })
}

/// Word boundaries: the text must not continue a word across either end,
/// unless the phrase itself ends (or starts) with a non-word character.
fn boundary_ok(text: &str, s: usize, e: usize, written: &str) -> bool {
    left_boundary_ok(text, s, written) && right_boundary_ok(text, e, written)
}

/// The text does not continue a word across the start of the match.
fn left_boundary_ok(text: &str, s: usize, written: &str) -> bool {
    let first_is_word = written.chars().next().is_some_and(is_word_char);
    if first_is_word {
        if let Some(prev) = text.get(..s).and_then(|t| t.chars().next_back()) {
            if is_word_char(prev) {
                return false;
            }
        }
    }
    true
}

/// The text does not continue a word across the end of the match.
fn right_boundary_ok(text: &str, e: usize, written: &str) -> bool {
    let last_is_word = written.chars().next_back().is_some_and(is_word_char);
    if last_is_word {
        if let Some(next) = text.get(e..).and_then(|t| t.chars().next()) {
            if is_word_char(next) {
                return false;
            }
        }
    }
    true
}

/// Every uppercase letter of the phrase must be uppercase in the text.
fn case_ok(written: &str, found: &str) -> bool {
    written
        .chars()
        .zip(found.chars())
        .all(|(w, f)| !w.is_uppercase() || !f.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dict::{Cue, Form};

    fn dict(phrases: &[&str]) -> Dictionary {
        let mut d = Dictionary::default();
        for (i, p) in phrases.iter().enumerate() {
            d.phrases
                .push((p.to_string(), Target::Actor(i as u32, Form::Name)));
        }
        d
    }

    fn found<'a>(m: &Matcher, text: &'a str) -> Vec<&'a str> {
        m.find(text)
            .iter()
            .map(|h| text.get(h.start..h.end).unwrap_or(""))
            .collect()
    }

    #[test]
    fn leftmost_longest_on_word_boundaries_with_case() {
        let m = Matcher::build(&dict(&[
            "US",
            "United States",
            "United",
            "Tass",
            "Quai d'Orsay",
        ]))
        .expect("build");
        assert_eq!(
            found(
                &m,
                "The United States and US-Russian ties; let us see. Thus TASS said. Quai d’Orsay."
            ),
            vec!["United States", "US", "TASS", "Quai d’Orsay"]
        );
    }

    /// `find` without skipping any word start.
    fn find_everywhere(m: &Matcher, text: &str) -> Vec<Hit> {
        let mut out: Vec<Hit> = Vec::new();
        let mut prev_word = false;
        for (i, c) in text.char_indices() {
            let word_start = is_word_char(c) && !prev_word;
            prev_word = is_word_char(c);
            if word_start && out.last().is_none_or(|h| i >= h.end) {
                out.extend(m.longest_at(text, i));
            }
        }
        out
    }

    #[test]
    fn skipping_word_starts_changes_no_match() {
        let phrases = [
            "North American Energy Partners",
            "America",
            "U.S.",
            "U.S. Army",
            "al-",
            "al-Qaeda",
            "&",
            "'Oman",
            "Quai d'Orsay",
            "xamerica",
            "amer",
            "the Hague",
            "Hague",
            "Åland Islands",
        ];
        let texts = [
            "Firms in Europe or North America and the US agreed.",
            "The U.S. Army and U.S. officials met al-Qaeda and al- men at the Hague.",
            "AT&T and Xamer, xamerica, amer; Quai d’Orsay and Quai d'Orsay, 'Oman.",
            "Ships sailed to the Åland Islands and Åland, then to North Americans.",
        ];
        // With and without a phrase that has no word character.
        let words_only: Vec<&str> = phrases.into_iter().filter(|p| *p != "&").collect();
        for list in [&phrases[..], &words_only[..]] {
            let m = Matcher::build(&dict(list)).expect("build");
            assert_eq!(m.nonword_only, list.len() == phrases.len());
            for text in texts {
                assert_eq!(m.find(text), find_everywhere(&m, text), "{text}");
            }
            // The automaton reports "America" on the walk along "North
            // American…"; the hit starts where the walk did.
            assert!(found(&m, texts[0]).contains(&"North America"));
        }
    }

    #[test]
    fn stems_run_to_the_end_of_the_word() {
        let m = Matcher::build(&dict(&[
            "kuwait*",
            "north ameri*",
            "Argentin*",
            "Argentina",
        ]))
        .expect("build");
        let text = "Kuwaiti and kuwait envoys met North Americans, argentines and Argentina.";
        assert_eq!(
            found(&m, text),
            vec!["Kuwaiti", "kuwait", "North Americans", "Argentina"]
        );
        assert_eq!(m.find(text), find_everywhere(&m, text));
        // the exact phrase and the stem both name "Argentina"
        let hits = m.find("Argentina");
        assert_eq!(hits.first().map(|h| h.targets.len()), Some(2));
    }

    #[test]
    fn lowercase_phrases_match_any_case() {
        let mut d = Dictionary::default();
        d.add_cue("spokesman", Cue::TitleWord);
        let m = Matcher::build(&d).expect("build");
        assert_eq!(
            found(&m, "Spokesman, SPOKESMAN, spokesmanship"),
            vec!["Spokesman", "SPOKESMAN"]
        );
    }
}
