//! A relative pronoun before the source stands for the content it
//! reports: "the levy, [which] the minister said [would fall], …", "[what]
//! the mayor called [a reckless gamble]", "the envoy, [whom] the king
//! views [as a rival]". PolNeAR marks the pronoun as the content's first
//! fragment and the words after the cue as the second.

use dyad_core::Span;

use super::Finder;
use crate::words::WordClass;

/// Relative pronouns that may be the object of a reporting verb.
const OBJECT_RELATIVES: &[&str] = &["which", "what", "whom"];

/// A relative pronoun before a source.
pub(super) struct ObjectRelative {
    /// The pronoun's span.
    pub span: Span,
    /// True when a comma opens the clause ("the levy, which …"): the
    /// clause, and the content in it, end at its closing comma.
    pub non_restrictive: bool,
}

impl Finder<'_> {
    /// The relative pronoun right before the source that starts at token
    /// `src` of sentence `si`, when it is the reported object. "That" is
    /// left out: on PolNeAR train only one in five is a relative pronoun
    /// there; the others open a reported clause ("told reporters that
    /// aides hope …") or are determiners.
    pub(super) fn object_relative(&self, si: usize, src: usize) -> Option<ObjectRelative> {
        let r = src.checked_sub(1)?;
        let w = self.tok(si, r).to_ascii_lowercase();
        if !OBJECT_RELATIVES.contains(&w.as_str()) {
            return None;
        }
        let span = *self.sentences.get(si)?.tokens.get(r)?;
        let before = if r == 0 { "" } else { self.tok(si, r - 1) };
        // "the speech in which he said …": the pronoun is not the object
        // (PolNeAR train: none of ten is content)
        let prep = matches!(
            self.words.class(before),
            Some(WordClass::Prep | WordClass::Lead)
        ) || matches!(
            before.to_ascii_lowercase().as_str(),
            "of" | "for" | "and" | "or"
        );
        if w == "which" && prep {
            return None;
        }
        Some(ObjectRelative {
            span,
            non_restrictive: before == ",",
        })
    }
}
