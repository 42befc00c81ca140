//! A byline-style attribution after a dash: "POLLS WERE TOO EARLY - Ann
//! Lee and Tom Ray: “Although the polls failed …”". A spaced dash, a short
//! run of capitalised names (joined by "and") and a colon: the names are
//! the source, the colon the cue, and what follows (a quote, or the rest of
//! the sentence) the content. The `colon_frame` only sees such a name at
//! the start of a sentence.
//!
//! On PolNeAR train a spaced dash, capitalised names and a colon before a
//! quote mark stand in a gold attribution 8 times out of 9, none of them
//! found before this frame (it predicts 7, 5 of them exact).

use dyad_core::Span;

use super::*;

/// Longest name run, in tokens.
const MAX_NAME_TOKENS: usize = 7;

impl Finder<'_> {
    /// The dash-and-colon attribution of sentence `si`, if any.
    pub(super) fn dash_colon(&self, si: usize) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let n = s.tokens.len();
        let colon = (2..n).find(|&t| self.tok(si, t) == ":")?;
        let dash = (colon.saturating_sub(MAX_NAME_TOKENS + 1)..colon)
            .rev()
            .find(|&t| matches!(self.tok(si, t), "-" | "–" | "—"))?;
        if dash == 0 || dash + 1 >= colon {
            return None;
        }
        let names_ok = (dash + 1..colon).all(|t| {
            let w = self.tok(si, t);
            (starts_upper(w) && w.chars().any(char::is_lowercase))
                || matches!(w, "and" | "." | "of")
        }) && starts_upper(self.tok(si, dash + 1))
            && starts_upper(self.tok(si, colon - 1));
        let colon_tok = *s.tokens.get(colon)?;
        if !names_ok || self.is_consumed(colon_tok) {
            return None;
        }
        let first = *s.tokens.get(colon + 1)?;
        // a quote after the colon is the content, even past the sentence
        let content = match self.quotes.iter().find(|q| q.span.start == first.start) {
            Some(q) => q.span,
            None if is_quote_mark(self.word(first)) => return None,
            None => {
                let end = trim_content_end(self.text, first.start, s.span.end);
                Span::new(first.start, end)
            }
        };
        if content.end <= content.start || self.word(content).split_whitespace().count() < 3 {
            return None;
        }
        Some(Attribution {
            source: Some(Span::new(
                s.tokens.get(dash + 1)?.start,
                s.tokens.get(colon - 1)?.end,
            )),
            cue: Some(colon_tok),
            content: vec![content],
            ..Attribution::default()
        })
    }
}
