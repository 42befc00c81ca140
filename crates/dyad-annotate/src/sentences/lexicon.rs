//! The segmenter's word lists (`data/sentences/*.txt`, embedded at build
//! time), parsed once into hash sets. See `data/sentences/README.md` for the
//! file formats.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

const ABBREVIATIONS: &str = include_str!("../../../../data/sentences/abbreviations.txt");
const STARTERS: &str = include_str!("../../../../data/sentences/starters.txt");

/// What an abbreviation does before a capitalised word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Stands before a name ("Mr", "Gen"): never ends a sentence.
    Title,
    /// Stands before a number ("No", "Vol"): before a digit no end,
    /// otherwise a plain word.
    Number,
    /// A state or province ("Calif"): ends a sentence after "Town, ST."
    /// before any capital; elsewhere like [`AbbrevKind::General`].
    Place,
    /// May end a sentence ("Inc", "etc"): the next word decides.
    General,
}

/// A malformed line in a word list.
#[derive(Debug, thiserror::Error)]
#[error("{file} line {line}: {message}")]
pub struct LexiconError {
    file: &'static str,
    line: usize,
    message: String,
}

/// Abbreviations and sentence starters.
#[derive(Debug)]
pub(crate) struct Lexicon {
    abbreviations: HashMap<&'static str, AbbrevKind>,
    starters: HashSet<&'static str>,
}

impl Lexicon {
    /// The embedded lists, parsed on first use.
    pub(crate) fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            Lexicon::parse(ABBREVIATIONS, STARTERS)
                .expect("embedded data/sentences lists are valid (checked by a unit test)")
        })
    }

    /// Parse the two lists.
    pub(crate) fn parse(
        abbreviations: &'static str,
        starters: &'static str,
    ) -> Result<Lexicon, LexiconError> {
        let mut abbr = HashMap::new();
        for (n, line) in entries(abbreviations) {
            let mut fields = line.split_whitespace();
            let (Some(word), Some(kind), None) = (fields.next(), fields.next(), fields.next())
            else {
                return Err(LexiconError {
                    file: "abbreviations.txt",
                    line: n,
                    message: format!("expected `ABBREVIATION KIND`, got {line:?}"),
                });
            };
            let kind = match kind {
                "title" => AbbrevKind::Title,
                "number" => AbbrevKind::Number,
                "place" => AbbrevKind::Place,
                "general" => AbbrevKind::General,
                other => {
                    return Err(LexiconError {
                        file: "abbreviations.txt",
                        line: n,
                        message: format!(
                            "unknown kind {other:?} (title | number | place | general)"
                        ),
                    })
                }
            };
            abbr.insert(word.trim_end_matches('.'), kind);
        }
        let mut start = HashSet::new();
        for (n, line) in entries(starters) {
            if line.split_whitespace().count() != 1 {
                return Err(LexiconError {
                    file: "starters.txt",
                    line: n,
                    message: format!("expected one word, got {line:?}"),
                });
            }
            start.insert(line);
        }
        Ok(Lexicon {
            abbreviations: abbr,
            starters: start,
        })
    }

    /// The kind of `word` (written without its final period), if listed.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        self.abbreviations.get(word).copied()
    }

    /// True when `word` is a capitalised sentence starter ("The", "But").
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// Non-comment, non-blank lines with their 1-based numbers, trimmed.
fn entries(list: &'static str) -> impl Iterator<Item = (usize, &'static str)> {
    list.lines().enumerate().filter_map(|(i, line)| {
        let line = line.split('#').next().unwrap_or("").trim();
        (!line.is_empty()).then_some((i + 1, line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lists_parse() {
        let lex = Lexicon::parse(ABBREVIATIONS, STARTERS).expect("embedded lists parse");
        assert_eq!(lex.abbreviation("Mr"), Some(AbbrevKind::Title));
        assert_eq!(lex.abbreviation("Inc"), Some(AbbrevKind::General));
        assert_eq!(lex.abbreviation("No"), Some(AbbrevKind::Number));
        assert_eq!(lex.abbreviation("Calif"), Some(AbbrevKind::Place));
        assert_eq!(lex.abbreviation("said"), None);
        assert!(lex.is_starter("The"));
        assert!(!lex.is_starter("Air"));
    }

    #[test]
    fn malformed_lines_are_reported() {
        let err = Lexicon::parse("Mr title\nInc company\n", "The\n").unwrap_err();
        assert!(err.to_string().contains("line 2"), "{err}");
        assert!(Lexicon::parse("Mr\n", "The\n").is_err());
        assert!(Lexicon::parse("Mr title\n", "The End\n").is_err());
    }
}
