//! "Seem" (and "appear" before a judgement word) with a bare complement: "The plan seemed a long shot", "Lee
//! seemed lost", "It seems the vote will slip". Like "seems to …" (the
//! `raise` class) the cue has no source: the subject and the complement
//! are the content's two fragments; a dummy "it"/"there" stays out.
//!
//! On PolNeAR train "seem"/"seems"/"seemed" without "to", outside a
//! relative clause ("who seemed …"), stands in a gold cue 57 times out of
//! 111 and was never found before this frame; it adds 36 exact cues and
//! 48 content fragments on train (71 cues predicted).

use dyad_core::Span;

use super::*;

/// Words after "appear(s/ed)" that open a judgement ("appeared poised to
/// win", "it appears that …"). On PolNeAR train "appear" before one of them
/// stands in a gold cue 14 times out of 21.
const APPEAR_COMPLEMENTS: &[&str] = &[
    "that",
    "like",
    "likely",
    "unlikely",
    "poised",
    "ready",
    "headed",
    "set",
    "certain",
    "increasingly",
    "more",
    "less",
    "as",
];

impl Finder<'_> {
    /// The attribution of a "seem" cue `hit` not followed by "to".
    pub(super) fn seem_frame(&self, si: usize, hit: CueHit) -> Option<Attribution> {
        let form = self.word(hit.span).to_ascii_lowercase();
        let seem = matches!(form.as_str(), "seem" | "seems" | "seemed");
        let appear = matches!(form.as_str(), "appear" | "appears" | "appeared");
        if hit.class != CueClass::Raising || !(seem || appear) {
            return None;
        }
        let s = self.sentences.get(si)?;
        let ci = s.token_starting(hit.span.start)?;
        let ce = s.token_ending(hit.span.end)?;
        let next = self.tok(si, ce + 1);
        if next == "to" || !next.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        // "appeared on Fox News" is no judgement: "appear" only before a
        // complement of likelihood or manner
        if appear && !APPEAR_COMPLEMENTS.contains(&next.to_ascii_lowercase().as_str()) {
            return None;
        }
        let (subject, cue_start) = self.np_left(si, ci)?;
        let subject_word = self.word(subject).to_ascii_lowercase();
        // "those who seemed destined …": a relative clause's verb
        if matches!(subject_word.as_str(), "who" | "that" | "which") {
            return None;
        }
        let start = s.tokens.get(ce + 1)?.start;
        let end = trim_content_end(self.text, start, s.span.end);
        let end = self.clause_end(si, start, end);
        if end <= start {
            return None;
        }
        let mut content = Vec::new();
        if !matches!(subject_word.as_str(), "it" | "there") {
            content.push(subject);
        }
        content.push(Span::new(start, end));
        Some(Attribution {
            source: None,
            cue: Some(Span::new(cue_start, hit.span.end)),
            content,
            ..Attribution::default()
        })
    }
}
