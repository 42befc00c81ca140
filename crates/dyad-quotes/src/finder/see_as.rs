//! "X sees Y as Z": a view attributed to X. The verb of seeing is a cue
//! only before "that" in the lexicon (`clause`); before an object and an
//! "as" phrase it states the subject's view: "Many voters see the mayor as
//! a safe pair of hands". The source is the subject, the content the
//! object with its "as" phrase.
//!
//! On PolNeAR train "see"/"sees"/"saw" followed within ten words by "as"
//! stands in a gold cue about half the time (the gold contents run from
//! the object to the end of the "as" phrase). The frame, with "view" and
//! "regard" (cues.txt), adds 26 exact sources, 26 cues and 23 contents
//! (about 32 predicted).

use dyad_core::Span;

use super::*;

/// Longest object before "as", in tokens.
const MAX_OBJECT_TOKENS: usize = 10;

impl Finder<'_> {
    /// The attribution of a "see" cue `hit` with an object and an "as"
    /// phrase.
    pub(super) fn see_as(&self, si: usize, hit: CueHit) -> Option<Attribution> {
        let form = self.word(hit.span).to_ascii_lowercase();
        if !matches!(
            form.as_str(),
            "see" | "sees" | "saw" | "view" | "views" | "viewed" | "regards" | "regarded"
        ) {
            return None;
        }
        let s = self.sentences.get(si)?;
        let n = s.tokens.len();
        let ci = s.token_starting(hit.span.start)?;
        let ce = s.token_ending(hit.span.end)?;
        // the object: plain words up to "as"
        let mut k = ce + 1;
        while k < n && k <= ce + MAX_OBJECT_TOKENS && self.tok(si, k) != "as" {
            let w = self.tok(si, k);
            let word = w.chars().next().is_some_and(char::is_alphanumeric)
                || matches!(w, "'s" | "’s" | "-");
            let clause = matches!(
                self.class(si, k),
                Some(WordClass::Verb | WordClass::Aux | WordClass::Stop)
            ) && !matches!(w, "that" | "this");
            if !word || clause {
                return None;
            }
            k += 1;
        }
        if self.tok(si, k) != "as" || k == ce + 1 {
            return None;
        }
        let (source, cue_start) = self.np_left(si, ci)?;
        let start = s.tokens.get(ce + 1)?.start;
        // the "as" phrase runs to the next comma, semicolon or dash
        let stop = (k + 1..n)
            .find(|&t| matches!(self.tok(si, t), "," | ";" | "—" | "–" | "--" | ":"))
            .and_then(|t| s.tokens.get(t))
            .map_or(s.span.end, |t| t.start);
        let end = trim_content_end(self.text, start, stop);
        (end > s.tokens.get(k)?.end).then(|| Attribution {
            source: Some(source),
            cue: Some(Span::new(cue_start, hit.span.end)),
            content: vec![Span::new(start, end)],
            ..Attribution::default()
        })
    }
}
