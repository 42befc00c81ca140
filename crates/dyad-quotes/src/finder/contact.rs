//! A relative clause with no relative pronoun ("the question [nobody]
//! asked", "a strategy [some] believe"): its subject, not the noun it
//! modifies, is the source of the cue that follows.

use super::*;

/// Pronoun-like quantifiers that open the subject of such a clause.
const CLAUSE_SUBJECTS: &[&str] = &[
    "some", "many", "nobody", "few", "everyone", "someone", "most", "others",
];

/// Lower-case function words that are no noun a clause could modify.
const NOT_NOUNS: &[&str] = &[
    "for",
    "within",
    "of",
    "at",
    "least",
    "than",
    "almost",
    "nearly",
    "like",
    "per",
    "via",
    "among",
    "onto",
    "inside",
    "outside",
    "throughout",
    "amid",
    "including",
    "around",
    "across",
    "behind",
    "beyond",
    "near",
    "off",
    "out",
    "up",
    "down",
    "against",
    "towards",
    "toward",
    "whatever",
    "whichever",
    "whoever",
    "everyone",
    "anyone",
    "someone",
    "nobody",
    "more",
    "less",
];

impl Finder<'_> {
    /// True when a noun phrase on the left of a cue starts at token `b`
    /// because the word before it is the noun a
    /// contact relative clause modifies: a plain lower-case noun right
    /// before a determiner or a quantifier ("a strategy [some] believe",
    /// "a tactic [the campaign] hopes"). On PolNeAR train: 9 more exact
    /// sources, 12 more predicted (F1 68.67 to 68.70; dev 69.78 to 69.82).
    /// A one-word name after "determiner + plain noun" ("a word [Trump]
    /// said") was tried too and lost more adjectives ("a terse Miller")
    /// than it won.
    pub(super) fn contact_clause_start(&self, si: usize, b: usize) -> bool {
        let Some(p) = b.checked_sub(1) else {
            return false;
        };
        let prev = self.tok(si, p);
        let plain_noun = prev.len() > 2
            && prev.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && self.words.class(prev).is_none()
            && !DETERMINERS.contains(&prev)
            && !NOT_NOUNS.contains(&prev)
            && !self.is_adverb(prev)
            && !prev.ends_with("ing")
            && !prev.ends_with("ed")
            && !self
                .sentences
                .get(si)
                .and_then(|s| s.tokens.get(p))
                .is_some_and(|t| self.is_cue(*t));
        if !plain_noun {
            return false;
        }
        let w = self.tok(si, b).to_ascii_lowercase();
        matches!(
            w.as_str(),
            "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these" | "those"
        ) || CLAUSE_SUBJECTS.contains(&w.as_str())
    }
}
