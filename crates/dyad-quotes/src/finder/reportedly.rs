//! The hearsay adverb: "The hackers have reportedly reached 100 offices",
//! "Reportedly, he had been under investigation". PolNeAR annotates
//! "reportedly" as a cue with no source; the content is the clause around
//! it, in two fragments when the adverb stands inside it ("The hackers
//! have" + "reached 100 offices").
//!
//! On PolNeAR train "reportedly" stands in a gold cue 18 times out of 27
//! and was never found before this frame; it adds 14 exact cues and 20
//! content fragments (23 cues predicted).

use dyad_core::Span;

use super::*;

/// Words that open a clause and stay out of its content.
const OPENERS: &[&str] = &["but", "and", "so", "yet", "still", "now"];

impl Finder<'_> {
    /// The attribution of a "reportedly" in sentence `si` that is outside
    /// quotes and outside every attribution in `taken`.
    pub(super) fn reportedly_frame(&self, si: usize, taken: &[Attribution]) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let r =
            (0..s.tokens.len()).find(|&t| self.tok(si, t).eq_ignore_ascii_case("reportedly"))?;
        let cue = *s.tokens.get(r)?;
        if self.inside_quote(cue)
            || self.is_consumed(cue)
            || taken
                .iter()
                .any(|a| a.start() <= cue.start && cue.end <= a.end())
        {
            return None;
        }
        // the clause opens after the last comma, semicolon or dash before it
        let mut b = (0..r)
            .rev()
            .find(|&t| matches!(self.tok(si, t), "," | ";" | ":" | "—" | "–" | "--"))
            .map_or(0, |t| t + 1);
        while b < r && OPENERS.contains(&self.tok(si, b).to_ascii_lowercase().as_str()) {
            b += 1;
        }
        let mut after = r + 1;
        if self.tok(si, after) == "," {
            after += 1;
        }
        let next = self.tok(si, after);
        // the adverb modifies the clause's verb ("have reportedly reached")
        // or opens it ("Reportedly, he …"); "…, reportedly." ends nothing
        if !next.chars().next().is_some_and(char::is_alphanumeric) {
            return None;
        }
        let start = s.tokens.get(after)?.start;
        let end = trim_content_end(self.text, start, s.span.end);
        let end = self.clause_end(si, start, end);
        if end <= start {
            return None;
        }
        let mut content = Vec::new();
        if b < r {
            // a subject before the adverb: a noun phrase with its auxiliaries
            if !self.has_noun(si, b, r) || self.tok(si, b).ends_with("ing") {
                return None;
            }
            let first = Span::new(s.tokens.get(b)?.start, s.tokens.get(r - 1)?.end);
            content.push(first);
        }
        content.push(Span::new(start, end));
        Some(Attribution {
            source: None,
            cue: Some(cue),
            content,
            ..Attribution::default()
        })
    }
}
