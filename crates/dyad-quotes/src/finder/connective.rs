//! A sentence connective set off by a comma at the start of an indirect
//! content ("In fact, …", "said, however, that …") is the writer's, not
//! the source's: it is cut from the content.

use dyad_core::Span;

use super::Finder;
use crate::attribution::Attribution;
use crate::words::Words;

/// Fewest words a content keeps after its connective is cut.
const MIN_REST_WORDS: usize = 2;

impl Finder<'_> {
    /// Cut leading connectives ("However, …", "for example, that …") from
    /// every content of `a` that opens with one.
    pub(super) fn drop_connectives(&self, a: &mut Attribution) {
        for c in &mut a.content {
            *c = after_connectives(self.words, self.text, *c);
        }
    }
}

/// `span` without the comma-closed connectives (`connective` in
/// `data/quotes/words.txt`) and "-ly" adverbs at its start.
fn after_connectives(words: &Words, text: &str, span: Span) -> Span {
    let mut start = span.start;
    loop {
        let Some(rest) = text.get(start..span.end) else {
            return Span::new(start, span.end);
        };
        let Some(comma) = rest.find(',') else { break };
        let raw = rest.get(..comma).unwrap_or("");
        let head = raw.to_lowercase();
        let known = words.is_connective(&head)
            // a lower-case adverb after the cue ("replied evenly, …")
            || (super::is_ly_adverb(raw) && !words.is_ly_noun(raw));
        let tail = rest.get(comma + 1..).unwrap_or("");
        let skipped = tail.len() - tail.trim_start().len();
        if !known || tail.split_whitespace().count() < MIN_REST_WORDS {
            break;
        }
        start += comma + 1 + skipped;
    }
    Span::new(start, span.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str) -> &str {
        let s = after_connectives(&Words::embedded(), text, Span::new(0, text.len()));
        &text[s.start..s.end]
    }

    #[test]
    fn leading_connectives_are_cut() {
        assert_eq!(
            cut("In fact, the bridge will reopen next spring"),
            "the bridge will reopen next spring"
        );
        assert_eq!(
            cut("however, that the vote was delayed"),
            "that the vote was delayed"
        );
        // a fronted phrase that is no connective stays
        assert_eq!(
            cut("Last year, the mill cut 200 jobs"),
            "Last year, the mill cut 200 jobs"
        );
        // nothing is left but a word: the content is kept whole
        assert_eq!(cut("Still, no"), "Still, no");
    }
}
