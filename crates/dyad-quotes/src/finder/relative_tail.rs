//! Descriptions after a source on the right of its cue. A relative clause
//! ("“…,” said Ann Lee, who backs the mayor.") describes the speaker and is
//! part of the source, unless its verb reports speech of its own ("said Ann
//! Lee, who added that …"), which makes it a separate attribution; so is an
//! appositive dated by "now" or "then" ("said Tom Hale, then ambassador").

use super::*;

impl Finder<'_> {
    /// The end (exclusive token index) of the relative clause whose pronoun
    /// is token `rel`, when the clause belongs to the source on its left;
    /// `None` when its verb, past any auxiliaries, is a cue of saying or
    /// telling.
    ///
    /// On PolNeAR train a sentence-final "…, said X, who …" keeps the clause
    /// in the source when its verb is no verb of saying ("who backs
    /// the levy", "who declined to name a figure"), and leaves it out when it
    /// is ("who said she would not run", "who added that …"), the clause
    /// then being an attribution with the source "who". The clause runs to
    /// the sentence end, a quote mark, or a comma before another cue ("…,
    /// citing …"). Against taking the rest of the sentence whenever no cue
    /// follows, and stopping at "who" with a cue after it: 11 more exact
    /// sources on PolNeAR train, 31 fewer predicted.
    pub(super) fn relative_tail(&self, si: usize, rel: usize) -> Option<usize> {
        let s = self.sentences.get(si)?;
        let n = s.tokens.len();
        let mut v = rel + 1;
        while v < n && self.class(si, v) == Some(WordClass::Aux) {
            v += 1;
        }
        let speech = s
            .tokens
            .get(v)
            .and_then(|t| self.cue_starting_at(t.start))
            .is_some_and(|c| matches!(c.class, CueClass::Say | CueClass::Tell));
        if speech {
            return None;
        }
        let mut e = rel + 1;
        while e < n {
            let w = self.tok(si, e);
            let cue_next = s
                .tokens
                .get(e + 1)
                .is_some_and(|t| self.cue_starting_at(t.start).is_some());
            if is_quote_mark(w) || (w == "," && cue_next) {
                break;
            }
            e += 1;
        }
        Some(e)
    }

    /// "said Ann Lee, now a lawyer in Ames", "recalled Tom Hale, then
    /// ambassador to Peru": an appositive opened by "now" or "then" (token
    /// `at`) and a noun phrase, which describes the speaker.
    pub(super) fn dated_appositive(&self, si: usize, at: usize) -> bool {
        if !matches!(self.tok(si, at), "now" | "then") {
            return false;
        }
        let w = self.tok(si, at + 1);
        let cue = self
            .sentences
            .get(si)
            .and_then(|s| s.tokens.get(at + 1))
            .is_some_and(|t| self.is_cue(*t));
        let noun = DETERMINERS.contains(&w.to_ascii_lowercase().as_str())
            || is_possessive(w)
            || starts_upper(w)
            || matches!(self.words.class(w), None | Some(WordClass::Title));
        noun && !cue && w.chars().next().is_some_and(char::is_alphanumeric)
    }
}
