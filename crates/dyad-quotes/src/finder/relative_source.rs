//! A source that carries a restrictive relative clause with verbs,
//! auxiliaries or prepositions of its own ("Residents who had lived there
//! for years said …"), which the plain noun-phrase walk stops at.

use super::{is_quote_mark, Finder, MAX_SOURCE_TOKENS};
use crate::words::WordClass;

impl Finder<'_> {
    /// The first token of "NP who …" ending at token `end` (exclusive):
    /// a lower-case "who" with no comma, colon, quote mark or cue between
    /// it and `end`, not followed by a pronoun ("the man who he said …"),
    /// after a noun phrase; `None` otherwise or when the whole is longer
    /// than a source may be.
    pub(super) fn relative_source(&self, si: usize, end: usize) -> Option<usize> {
        let s = self.sentences.get(si)?;
        let floor = end.saturating_sub(MAX_SOURCE_TOKENS);
        let mut r = end;
        while r > floor {
            r -= 1;
            let w = self.tok(si, r);
            if matches!(w, "," | ";" | ":" | "(" | ")" | "—" | "–" | "--") || is_quote_mark(w) {
                return None;
            }
            if s.tokens.get(r).is_some_and(|t| self.is_cue(*t)) {
                return None;
            }
            if w == "who" {
                break;
            }
        }
        if self.tok(si, r) != "who" || r + 1 >= end {
            return None;
        }
        if self.words.is(self.tok(si, r + 1), WordClass::Subject) {
            return None;
        }
        // the clause is complete: it ends on a content word, not on an
        // auxiliary, preposition or conjunction that the cue continues
        // ("a candidate who has [criticized]" is the clause's own cue)
        let last = self.tok(si, end - 1);
        let complete = last.chars().all(char::is_alphanumeric)
            && !matches!(
                self.words.class(last),
                Some(
                    WordClass::Aux
                        | WordClass::Verb
                        | WordClass::Stop
                        | WordClass::Prep
                        | WordClass::Subject
                )
            )
            && !matches!(last, "for" | "of" | "and" | "or" | "a" | "an" | "the");
        if !complete {
            return None;
        }
        let head = self.np_start(si, r)?;
        // the phrase opens the clause ("… to the candidate who …" is an object)
        let opens = head == 0
            || matches!(
                self.tok(si, head - 1),
                "," | "and" | "but" | "And" | "But" | ";" | ":" | "—" | "–" | "--"
            );
        (opens && end - head <= MAX_SOURCE_TOKENS).then_some(head)
    }
}
