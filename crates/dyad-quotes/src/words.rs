//! Function-word classes (`data/quotes/words.txt`): pronouns, auxiliaries,
//! clause boundaries and titles, looked up in one hash map; plus the word
//! sets apart from the classes (media adjuncts, connectives, asides, "-ly"
//! nouns).

use std::collections::{HashMap, HashSet};

const DEFAULT_WORDS: &str = include_str!("../../../data/quotes/words.txt");

/// What a function word does around a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Subject,
    Relative,
    Object,
    Aux,
    Verb,
    Stop,
    Title,
    Lead,
    Prep,
    Label,
    Evidence,
}

/// An error in a word-class file.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: unknown word class {class:?}")]
pub struct WordsError {
    pub line: usize,
    pub class: String,
}

/// Lower-case word → class, plus the sets apart from the classes: the
/// `adjunct` words (an adjunct word such as "emails" is still a plain noun
/// for the class checks), `connective` and `aside` phrases, `ly-noun` words.
#[derive(Debug, Clone, Default)]
pub struct Words {
    map: HashMap<String, WordClass>,
    adjuncts: HashSet<String>,
    connectives: HashSet<String>,
    asides: HashSet<String>,
    ly_nouns: HashSet<String>,
}

impl Words {
    /// Parse the `words.txt` format.
    pub fn parse(source: &str) -> Result<Self, WordsError> {
        let mut words = Words::default();
        let words_of = |rest: &str| {
            rest.split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        };
        let phrases_of = |rest: &str| {
            rest.split('|')
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
        };
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, rest) = line.split_once(':').unwrap_or((line, ""));
            match name.trim() {
                "adjunct" => {
                    words.adjuncts.extend(words_of(rest));
                    continue;
                }
                "ly-noun" => {
                    words.ly_nouns.extend(words_of(rest));
                    continue;
                }
                "connective" => {
                    words.connectives.extend(phrases_of(rest));
                    continue;
                }
                "aside" => {
                    words.asides.extend(phrases_of(rest));
                    continue;
                }
                _ => {}
            }
            let class = match name.trim() {
                "subject" => WordClass::Subject,
                "relative" => WordClass::Relative,
                "object" => WordClass::Object,
                "aux" => WordClass::Aux,
                "verb" => WordClass::Verb,
                "stop" => WordClass::Stop,
                "title" => WordClass::Title,
                "lead" => WordClass::Lead,
                "prep" => WordClass::Prep,
                "label" => WordClass::Label,
                "evidence" => WordClass::Evidence,
                other => {
                    return Err(WordsError {
                        line: n + 1,
                        class: other.to_string(),
                    })
                }
            };
            for w in rest.split_whitespace() {
                words.map.entry(w.to_string()).or_insert(class);
            }
        }
        Ok(words)
    }

    /// The word classes shipped with dyad.
    pub fn embedded() -> Self {
        Self::parse(DEFAULT_WORDS).expect("the embedded data/quotes/words.txt is valid")
    }

    /// The class of `word` (any case).
    pub fn class(&self, word: &str) -> Option<WordClass> {
        if word.bytes().any(|b| b.is_ascii_uppercase()) {
            self.map.get(&word.to_ascii_lowercase()).copied()
        } else {
            self.map.get(word).copied()
        }
    }

    /// True when `word` (any case) is listed under `adjunct`: a medium
    /// ("Twitter", "post") that after "in"/"on" makes a trailing phrase.
    pub fn is_adjunct(&self, word: &str) -> bool {
        self.adjuncts.contains(&word.to_ascii_lowercase())
    }

    /// True when `phrase` (lower case, single spaces) is a sentence
    /// connective ("however", "in fact").
    pub fn is_connective(&self, phrase: &str) -> bool {
        self.connectives.contains(phrase)
    }

    /// True when `phrase` (lower case, single spaces) is an aside that may
    /// stand between a source and its cue ("for her part"), or a connective.
    pub fn is_aside(&self, phrase: &str) -> bool {
        self.asides.contains(phrase) || self.connectives.contains(phrase)
    }

    /// True when `word` (any case) is a noun ending in "-ly" ("family").
    pub fn is_ly_noun(&self, word: &str) -> bool {
        self.ly_nouns.contains(&word.to_ascii_lowercase())
    }

    /// True when `word` has class `class`.
    pub fn is(&self, word: &str, class: WordClass) -> bool {
        self.class(word) == Some(class)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_classes() {
        let w = Words::embedded();
        assert_eq!(w.class("He"), Some(WordClass::Subject));
        assert_eq!(w.class("has"), Some(WordClass::Aux));
        assert_eq!(w.class("because"), Some(WordClass::Stop));
        assert_eq!(w.class("spokesman"), Some(WordClass::Title));
        assert_eq!(w.class("Kremlin"), None);
        assert!(Words::parse("colour: red").is_err());
        assert!(w.is_adjunct("Twitter"));
        assert_eq!(w.class("emails"), None);
        assert!(w.is_connective("in fact"));
        assert!(w.is_aside("for her part") && w.is_aside("however"));
        assert!(w.is_ly_noun("Family") && !w.is_ly_noun("quickly"));
        let custom =
            Words::parse("connective: in  short | after all\nly-noun: folly").expect("parses");
        assert!(custom.is_connective("in short") && custom.is_connective("after all"));
        assert!(custom.is_ly_noun("folly"));
    }
}
