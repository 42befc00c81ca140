//! "called" that names a thing is no cue: "a group called Friends of the
//! Harbour", "a new program called Safe Streets", "one PAC called Stop Lee".
//! A participle after an indefinite noun phrase ("a/an/one/another …
//! noun") gives the name of what that phrase stands for; nobody speaks.
//! "The group called for a boycott" (a definite subject) and "a group
//! called on voters to …" (a particle after the verb) stay cues.
//!
//! On PolNeAR train this takes 25 attributions off "called"/"named"/
//! "dubbed" (dev: 3): exact contents +1, exact cues -2, exact sources
//! unchanged, so all three F1 rise; dev exact counts are unchanged.

use dyad_core::Span;

use crate::words::Words;

/// Participles that can name a thing.
const NAMING: &[&str] = &["called", "named", "dubbed"];

/// Indefinite openers of the noun phrase before a naming participle.
const INDEFINITE: &[&str] = &["a", "an", "one", "another"];

/// Words right after the participle that make it a verb of speech or
/// action ("called for", "called on", "called him").
const VERB_PARTICLES: &[&str] = &[
    "for", "on", "upon", "off", "out", "back", "in", "it", "him", "her", "them", "me", "us", "to",
];

/// Longest noun phrase (in words) between the opener and the participle.
const MAX_NOUN_WORDS: usize = 4;

/// True when the cue at `span` is a participle naming an indefinite noun
/// phrase before it.
pub(super) fn names_a_thing(text: &str, words: &Words, span: Span) -> bool {
    let Some(cue) = span.slice(text) else {
        return false;
    };
    if !NAMING.contains(&cue) {
        return false;
    }
    let after = text
        .get(span.end..)
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("")
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if after.is_empty() || VERB_PARTICLES.contains(&after.as_str()) {
        return false;
    }
    let before = text.get(..span.start).unwrap_or("");
    for (nouns, w) in before.split_whitespace().rev().enumerate() {
        let lower = w.to_lowercase();
        if INDEFINITE.contains(&lower.as_str()) {
            return nouns > 0;
        }
        let plain = w.chars().all(|c| c.is_alphanumeric() || c == '-');
        // a word with a class (pronoun, auxiliary, preposition …) or an
        // adverb in "-ly" is no part of a noun phrase before the participle
        if !plain
            || nouns == MAX_NOUN_WORDS
            || words.class(&lower).is_some()
            || lower.ends_with("ly")
        {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str) -> bool {
        let words = Words::embedded();
        let start = text.find("called").unwrap_or(0);
        names_a_thing(text, &words, Span::new(start, start + "called".len()))
    }

    #[test]
    fn indefinite_noun_before_called_is_a_name() {
        assert!(check("She founded a small group called Parents for Parks."));
        assert!(check("He joined one super PAC called Stop Lee."));
        assert!(!check("The group called the plan a disgrace."));
        assert!(!check("A group called for a boycott of the vote."));
        assert!(!check("Lee called the plan a disgrace."));
    }
}
