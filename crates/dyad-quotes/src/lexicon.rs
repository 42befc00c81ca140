//! The cue lexicon: reporting verbs, phrases and "according to", read from
//! `data/quotes/cues.txt` and compiled into one Aho-Corasick automaton.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use dyad_core::Span;

/// The embedded default lexicon.
const DEFAULT_CUES: &str = include_str!("../../../data/quotes/cues.txt");

/// How a cue takes its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// A verb of saying, writing or thinking: "said", "argued", "believes".
    Say,
    /// Like `Say`, with a hearer first: "told reporters that …".
    Tell,
    /// A verb that is a cue only before a clause: "a poll found that …".
    Clause,
    /// A verb whose content is usually a noun phrase: "endorsed Cruz".
    Object,
    /// A cue only before "to": "wants to …", "plans to …".
    Infinitive,
    /// "seem", "appear": before "to", with the subject inside the content.
    Raising,
    /// "according to": the source follows the cue.
    According,
    /// A noun after a possessive source: "his unwillingness to …",
    /// "Trump's criticism of …", "her claim that …".
    Noun,
}

/// A cue found in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueHit {
    pub span: Span,
    pub class: CueClass,
    /// The form is also a common noun ("states", "remarks").
    pub noun_too: bool,
    /// The form takes its source after it, after a comma ("…, said X").
    pub inverts: bool,
}

/// An error in a lexicon file.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    #[error("line {line}: unknown cue class {class:?}")]
    UnknownClass { line: usize, class: String },
    #[error("line {line}: no cue forms")]
    NoForms { line: usize },
    #[error("cannot build the cue matcher: {0}")]
    Build(String),
}

/// Cue forms compiled into a leftmost-longest, ASCII case-insensitive matcher.
#[derive(Debug, Clone)]
pub struct CueLexicon {
    matcher: AhoCorasick,
    /// Class, noun flag and inversion flag of each form; `None` for a
    /// blocking phrase.
    classes: Vec<(Option<CueClass>, bool, bool)>,
}

impl CueLexicon {
    /// Parse a lexicon in the `cues.txt` format.
    pub fn parse(source: &str) -> Result<Self, LexiconError> {
        let mut forms = Vec::new();
        let mut classes = Vec::new();
        for (n, raw) in source.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (class_name, rest) = line.split_once(char::is_whitespace).unwrap_or((line, ""));
            let class = match class_name {
                "say" => Some(CueClass::Say),
                "tell" => Some(CueClass::Tell),
                "clause" => Some(CueClass::Clause),
                "object" => Some(CueClass::Object),
                "infin" => Some(CueClass::Infinitive),
                "raise" => Some(CueClass::Raising),
                "accord" => Some(CueClass::According),
                "noun" => Some(CueClass::Noun),
                "block" => None,
                other => {
                    return Err(LexiconError::UnknownClass {
                        line: n + 1,
                        class: other.to_string(),
                    })
                }
            };
            let before = forms.len();
            for form in rest.split('|') {
                let mut form = form.trim();
                let (mut noun_too, mut inverts) = (false, false);
                loop {
                    if let Some(f) = form.strip_suffix('*') {
                        (form, noun_too) = (f, true);
                    } else if let Some(f) = form.strip_suffix('<') {
                        (form, inverts) = (f, true);
                    } else {
                        break;
                    }
                }
                let form = form.split_whitespace().collect::<Vec<_>>().join(" ");
                if !form.is_empty() {
                    forms.push(form);
                    classes.push((class, noun_too, inverts));
                }
            }
            if forms.len() == before {
                return Err(LexiconError::NoForms { line: n + 1 });
            }
        }
        let matcher = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            // a few hundred forms: the full DFA is small and the fastest scan
            .kind(Some(AhoCorasickKind::DFA))
            .build(&forms)
            .map_err(|e| LexiconError::Build(e.to_string()))?;
        Ok(CueLexicon { matcher, classes })
    }

    /// The lexicon shipped with dyad.
    pub fn embedded() -> Self {
        Self::parse(DEFAULT_CUES).expect("the embedded data/quotes/cues.txt is valid")
    }

    /// Every cue in `text` standing as whole words, with spans offset by `offset`.
    pub fn find(&self, text: &str, offset: usize) -> Vec<CueHit> {
        let mut out = Vec::new();
        for m in self.matcher.find_iter(text) {
            // Patterns are ASCII, so match ends fall on character boundaries.
            let before = text.get(..m.start()).and_then(|t| t.chars().next_back());
            let after = text.get(m.end()..).and_then(|t| t.chars().next());
            let joins = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
            if before.is_some_and(|c| joins(c) || c == '\'') || after.is_some_and(joins) {
                continue;
            }
            // a blocking phrase ("think tank") hides the cue it starts with
            if let Some(&(Some(class), noun_too, inverts)) =
                self.classes.get(m.pattern().as_usize())
            {
                out.push(CueHit {
                    span: Span::new(offset + m.start(), offset + m.end()),
                    class,
                    noun_too,
                    inverts,
                });
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicon_parses_and_matches_whole_words() {
        let lex = CueLexicon::embedded();
        let text = "Mr Peskov told reporters, according to Tass, that he said so. Unsaid: sayings.";
        let hits: Vec<(&str, CueClass)> = lex
            .find(text, 0)
            .iter()
            .map(|h| (h.span.slice(text).unwrap_or(""), h.class))
            .collect();
        assert_eq!(
            hits,
            vec![
                ("told", CueClass::Tell),
                ("according to", CueClass::According),
                ("said", CueClass::Say),
            ]
        );
    }

    #[test]
    fn longest_form_wins() {
        let lex = CueLexicon::embedded();
        let text = "The ministry said in a statement that talks would resume.";
        let hits = lex.find(text, 10);
        assert_eq!(hits.len(), 1);
        assert_eq!(
            hits[0].span.slice(&format!("{}{text}", " ".repeat(10))),
            Some("said in a statement")
        );
    }

    #[test]
    fn noun_and_inversion_marks() {
        let lex = match CueLexicon::parse("say said< | says*< | saying") {
            Ok(l) => l,
            Err(e) => panic!("{e}"),
        };
        let flags: Vec<(bool, bool)> = lex
            .find("she said, he says, they were saying", 0)
            .iter()
            .map(|h| (h.noun_too, h.inverts))
            .collect();
        assert_eq!(flags, vec![(false, true), (true, true), (false, false)]);
    }

    #[test]
    fn bad_class_is_an_error() {
        assert!(matches!(
            CueLexicon::parse("shout yell | yelled"),
            Err(LexiconError::UnknownClass { line: 1, .. })
        ));
        assert!(matches!(
            CueLexicon::parse("say  "),
            Err(LexiconError::NoForms { line: 1 })
        ));
    }
}
