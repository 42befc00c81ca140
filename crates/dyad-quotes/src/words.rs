//! Function-word classes (`data/quotes/words.txt`): pronouns, auxiliaries,
//! clause boundaries and titles, looked up in one hash map.

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

/// Lower-case word → class, plus the `adjunct` words, a set apart from the
/// classes (an adjunct word such as "emails" is still a plain noun for the
/// class checks).
#[derive(Debug, Clone, Default)]
pub struct Words {
    map: HashMap<String, WordClass>,
    adjuncts: HashSet<String>,
}

impl Words {
    /// Parse the `words.txt` format.
    pub fn parse(source: &str) -> Result<Self, WordsError> {
        let mut map = HashMap::new();
        let mut adjuncts = HashSet::new();
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (name, rest) = line.split_once(':').unwrap_or((line, ""));
            if name.trim() == "adjunct" {
                adjuncts.extend(rest.split_whitespace().map(str::to_string));
                continue;
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
                map.entry(w.to_string()).or_insert(class);
            }
        }
        Ok(Words { map, adjuncts })
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
    }
}
