//! A negated auxiliary ("isn't", "haven’t") ends the noun phrase before
//! it: it belongs with the cue, not with the source ("The mayor isn't
//! convinced" → source "The mayor").

use dyad_core::Span;

use super::Finder;
use crate::attribution::Attribution;

impl Finder<'_> {
    /// Drop a final negated auxiliary from the source of `a`; a source that
    /// is nothing but one ("he [doesn't] believe") gives way to the noun
    /// phrase before it, and the auxiliary joins the cue ("he [doesn't
    /// believe]"), or the attribution loses its source.
    pub(super) fn source_without_negation(&self, a: &mut Attribution) {
        let Some(src) = a.source else { return };
        let trimmed = without_negation(self.text, src);
        if trimmed != src || !is_negated_auxiliary(self.word(src)) {
            a.source = Some(trimmed);
            return;
        }
        let before = self.sentence_of(src.start).and_then(|si| {
            let ti = self.sentences.get(si)?.token_starting(src.start)?;
            self.np_left(si, ti)
        });
        match (before, a.cue) {
            (Some((np, cue_start)), Some(cue)) if cue_start <= src.start => {
                a.source = Some(np);
                a.cue = Some(Span::new(cue_start.min(cue.start), cue.end));
            }
            _ => a.source = None,
        }
    }
}

/// True when `w` is one lower-case "…n't" word ("don't", "hasn’t").
fn is_negated_auxiliary(w: &str) -> bool {
    (w.ends_with("n't") || w.ends_with("n’t"))
        && w.chars()
            .all(|c| c.is_ascii_lowercase() || c == '\'' || c == '’')
}

/// `span` without a final lower-case "…n't" word, when words remain.
fn without_negation(text: &str, span: Span) -> Span {
    let Some(t) = text.get(span.start..span.end) else {
        return span;
    };
    let trimmed = t.trim_end();
    let Some(sp) = trimmed.rfind(char::is_whitespace) else {
        return span;
    };
    let last = trimmed.get(sp..).unwrap_or("").trim_start();
    let negated = is_negated_auxiliary(last);
    let head = trimmed.get(..sp).unwrap_or("").trim_end();
    if !negated || !head.chars().any(char::is_alphanumeric) {
        return span;
    }
    Span::new(span.start, span.start + head.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> &str {
        let s = without_negation(text, Span::new(0, text.len()));
        &text[s.start..s.end]
    }

    #[test]
    fn negated_auxiliary_leaves_the_source() {
        assert_eq!(cut("The harbour master isn’t"), "The harbour master");
        assert_eq!(cut("Port officials haven't"), "Port officials");
        assert_eq!(cut("The harbour master"), "The harbour master");
        assert_eq!(cut("didn't"), "didn't");
    }
}
