//! The phrase matcher: every dictionary phrase compiled into one
//! Aho–Corasick automaton (ASCII case-insensitive), with our own checks on
//! top: word boundaries on both sides, and case — an uppercase letter in a
//! phrase must be uppercase in the text ("US" never matches "us", "Tass"
//! matches "TASS", role nouns written in lowercase match any case). Among
//! the valid matches the leftmost-longest are kept.

use std::collections::HashMap;

use aho_corasick::automaton::OverlappingState;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, Anchored, Input, MatchKind, StartKind};

use crate::dict::{Dictionary, Target};
use crate::error::ActorError;

/// A phrase as written, with what it names.
#[derive(Debug, Clone)]
struct Entry {
    written: String,
    target: Target,
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
        let mut add = |written: String, target: Target| {
            let key = fold(&written);
            let slot = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                entries.push(Vec::new());
                entries.len() - 1
            });
            if let Some(list) = entries.get_mut(slot) {
                if !list
                    .iter()
                    .any(|e| e.written == written && e.target == target)
                {
                    list.push(Entry { written, target });
                }
            }
        };
        for (phrase, target) in &dict.phrases {
            let phrase = phrase.trim();
            if phrase.is_empty() {
                continue;
            }
            if phrase.contains('\'') {
                add(phrase.replace('\'', "\u{2019}"), *target);
            }
            add(phrase.to_string(), *target);
        }
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .start_kind(StartKind::Anchored)
            .build(&patterns)
            .map_err(|e| ActorError::Matcher(e.to_string()))?;
        Ok(Matcher { ac, entries })
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
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut out = Vec::new();
        let mut prev_word = false;
        let mut resume_at = 0;
        for (i, c) in text.char_indices() {
            let is_word = is_word_char(c);
            let word_start = is_word && !prev_word;
            prev_word = is_word;
            if !word_start || i < resume_at {
                continue;
            }
            if let Some(hit) = self.longest_at(text, i) {
                resume_at = hit.end;
                out.push(hit);
            }
        }
        out
    }

    fn longest_at(&self, text: &str, at: usize) -> Option<Hit> {
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
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Word boundaries: the text must not continue a word across either end,
/// unless the phrase itself ends (or starts) with a non-word character.
fn boundary_ok(text: &str, s: usize, e: usize, written: &str) -> bool {
    let first_is_word = written.chars().next().is_some_and(is_word_char);
    let last_is_word = written.chars().next_back().is_some_and(is_word_char);
    if first_is_word {
        if let Some(prev) = text.get(..s).and_then(|t| t.chars().next_back()) {
            if is_word_char(prev) {
                return false;
            }
        }
    }
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
