//! The passive question frame: "Lee was asked whether he would run", "She
//! has been asked about the levy", "Lee was asked, “Will you run?”". The
//! asker is the source when a "by" phrase names it ("was asked by the host
//! whether …"), else there is none; the cue is the passive verb with its
//! auxiliaries and the content is the question.
//!
//! On PolNeAR train a passive "asked" ("was/were/is/are/been asked") stands
//! inside a gold cue 30 times out of 42 and was never found before this
//! frame (its subject is the one asked, not a source); the frame adds 20
//! exact cues and 14 contents on train, and removes a few wrong sources.

use dyad_core::Span;

use super::*;

/// Forms of "be" that make "asked" passive.
const BE_FORMS: &[&str] = &["was", "were", "is", "are", "been", "be", "am"];

/// Words that open a reported question after the cue.
const QUESTION_OPENERS: &[&str] = &[
    "whether", "if", "what", "why", "which", "who", "whom", "how", "when", "where",
];

impl Finder<'_> {
    /// The passive question attribution of the cue `hit` ("asked") in
    /// sentence `si`, when a form of "be" stands right before it.
    pub(super) fn passive_ask(&self, si: usize, hit: CueHit) -> Option<Attribution> {
        if !self.word(hit.span).eq_ignore_ascii_case("asked") {
            return None;
        }
        let s = self.sentences.get(si)?;
        let ci = s.token_starting(hit.span.start)?;
        let be = ci.checked_sub(1)?;
        if !BE_FORMS.contains(&self.tok(si, be).to_ascii_lowercase().as_str()) {
            return None;
        }
        // "when being asked", "after he was asked": a fronted clause whose
        // question the main clause answers is the `asked_frame`'s; here the
        // be-form and its auxiliaries ("has been") join the cue
        let mut cs = be;
        while cs > 0 && self.class(si, cs - 1) == Some(WordClass::Aux) {
            cs -= 1;
        }
        if cs > 0
            && matches!(
                self.tok(si, cs - 1).to_ascii_lowercase().as_str(),
                "when" | "after" | "if" | "once" | "that" | "who" | "which"
            )
        {
            return None;
        }
        let mut k = ci + 1;
        while is_when(self.tok(si, k)) || self.is_adverb(self.tok(si, k)) {
            k += 1;
        }
        // "was asked by the host whether …": the asker is the source
        let mut agent = None;
        let adjacent = k == ci + 1;
        if let Some((a, q)) = self.asker_and_question(si, k) {
            agent = a;
            k = q;
        }
        let opener = self.tok(si, k).to_ascii_lowercase();
        let mut cue_end = hit.span.end;
        let sentence_end = |start: usize| trim_content_end(self.text, start, s.span.end);
        let content = if opener == "about" && adjacent {
            // "was asked about X": the preposition joins the cue, as with
            // the fronted "Asked about X"
            cue_end = s.tokens.get(k)?.end;
            let start = s.tokens.get(k + 1)?.start;
            Span::new(start, self.object_end(si, start, sentence_end(start)))
        } else if QUESTION_OPENERS.contains(&opener.as_str())
            || matches!(opener.as_str(), "to" | "about")
        {
            let start = s.tokens.get(k)?.start;
            Span::new(start, self.clause_end(si, start, sentence_end(start)))
        } else {
            // "was asked, “Will you run?”": a quote right after the cue
            let q = if matches!(opener.as_str(), "," | ":") {
                k + 1
            } else {
                k
            };
            let start = s.tokens.get(q)?.start;
            let quote = self.quotes.iter().find(|x| x.span.start == start)?;
            quote.span
        };
        if content.end <= content.start {
            return None;
        }
        Some(Attribution::indirect(
            agent,
            Span::new(s.tokens.get(cs)?.start, cue_end),
            content,
        ))
    }
}

/// A day name or "again" between the cue and the question ("was asked
/// Tuesday whether …").
fn is_when(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    WEEKDAYS.contains(&lw.as_str()) || matches!(lw.as_str(), "again" | "later" | "then")
}
