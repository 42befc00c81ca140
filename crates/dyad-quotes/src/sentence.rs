//! Sentence access for the quotes stage: the document's sentences, or a
//! simple split of its paragraphs when the pipeline gave none, each with its
//! word tokens.

use dyad_core::{tokenize, Document, Span};

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Sgt", "Capt", "Jr",
    "Sr", "Prof", "Rev", "No", "vs", "Jan", "Feb", "Mar", "Apr", "Aug", "Sept", "Sep", "Oct",
    "Nov", "Dec", "Inc", "Corp", "Co", "Ltd", "U.S", "U.N", "U.K", "D.C",
];

/// Sentence spans: `doc.sentences`, else a split of each paragraph after
/// `.`, `!` or `?` (and any closing quote) before a capital or opening quote.
pub fn sentence_spans(doc: &Document) -> Vec<Span> {
    if !doc.sentences.is_empty() {
        return doc.sentences.clone();
    }
    let paragraphs = if doc.paragraphs.is_empty() {
        vec![Span::new(0, doc.text.len())]
    } else {
        doc.paragraphs.clone()
    };
    let mut out = Vec::new();
    for p in paragraphs {
        split_paragraph(&doc.text, p, &mut out);
    }
    out
}

fn split_paragraph(text: &str, para: Span, out: &mut Vec<Span>) {
    let Some(body) = para.slice(text) else { return };
    let mut start = 0;
    let mut chars = body.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = chars.peek() {
            if matches!(d, '"' | '”' | '’' | '\'' | ')') {
                end = j + d.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        let rest = body.get(end..).unwrap_or("");
        let after_space = rest.trim_start();
        if after_space.len() == rest.len() || after_space.is_empty() {
            continue;
        }
        let next = after_space.chars().next();
        if !next.is_some_and(|n| n.is_uppercase() || matches!(n, '"' | '“' | '\'' | '‘')) {
            continue;
        }
        if c == '.' {
            let before = body.get(start..i).unwrap_or("");
            let word = before
                .rsplit(|ch: char| ch.is_whitespace() || ch == '(')
                .next()
                .unwrap_or("");
            if ABBREVIATIONS.contains(&word)
                || (word.len() == 1 && word.chars().all(char::is_uppercase))
            {
                continue;
            }
        }
        push(para.start + start, para.start + end, text, out);
        start = end;
    }
    push(para.start + start, para.end, text, out);
}

fn push(start: usize, end: usize, text: &str, out: &mut Vec<Span>) {
    let piece = text.get(start..end).unwrap_or("");
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}

/// One sentence and its tokens.
#[derive(Debug, Clone)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Vec<Span>,
}

impl Sentence {
    pub fn new(text: &str, span: Span) -> Self {
        let body = span.slice(text).unwrap_or("");
        let tokens = tokenize(body, span.start)
            .into_iter()
            .map(|t| t.span)
            .collect();
        Sentence { span, tokens }
    }

    /// Index of the first token starting at or after `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.start < pos)
    }

    /// Index of the token starting exactly at `pos`.
    pub fn token_starting(&self, pos: usize) -> Option<usize> {
        let i = self.token_at_or_after(pos);
        (self.tokens.get(i)?.start == pos).then_some(i)
    }

    /// Index of the token ending exactly at `pos`.
    pub fn token_ending(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end < pos);
        (self.tokens.get(i)?.end == pos).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_split_keeps_titles_and_closing_quotes() {
        let doc = Document::from_body(
            "t",
            "Mr. Peskov spoke. \"It is early,\" he said. \"Very early.\" Then U.S. officials left.",
        );
        let got: Vec<&str> = sentence_spans(&doc)
            .iter()
            .map(|s| doc.span_text(*s))
            .collect();
        assert_eq!(
            got,
            vec![
                "Mr. Peskov spoke.",
                "\"It is early,\" he said.",
                "\"Very early.\"",
                "Then U.S. officials left."
            ]
        );
    }
}
