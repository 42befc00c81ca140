//! Where to look: sentences (from the pipeline, else a simple fallback
//! splitter over paragraphs) and which byte ranges lie inside quotation
//! marks (pronouns there are not resolved, names there do not set salience).

use dyad_core::{document::paragraph_spans, Document, Span};

/// Abbreviations after which a period does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Prof", "Gen", "Lt", "Col", "Sgt", "Capt", "Rev",
    "Gov", "Sen", "Rep", "No", "Mt", "Inc", "Corp", "Ltd", "Co", "vs", "U.S", "U.K", "U.N", "Jan",
    "Feb", "Mar", "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
];

/// The sentences of a document: `doc.sentences` when present, else split here.
pub fn sentences(doc: &Document) -> Vec<Span> {
    if !doc.sentences.is_empty() {
        return doc.sentences.clone();
    }
    let paragraphs = if doc.paragraphs.is_empty() {
        paragraph_spans(&doc.text)
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
    let Some(body) = text.get(para.start..para.end) else {
        return;
    };
    let mut start = 0;
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let Some(&(i, c)) = chars.get(k) else { break };
        if matches!(c, '.' | '!' | '?' | '\n') {
            // Closing quotes and brackets stay with the sentence.
            let mut j = k + 1;
            while let Some(&(_, d)) = chars.get(j) {
                if matches!(d, '"' | '\u{201d}' | '\'' | '\u{2019}' | ')') {
                    j += 1;
                } else {
                    break;
                }
            }
            let end = chars.get(j).map_or(body.len(), |&(p, _)| p);
            let next_is_space = chars.get(j).is_none_or(|&(_, d)| d.is_whitespace());
            let mut m = j;
            while chars.get(m).is_some_and(|&(_, d)| d.is_whitespace()) {
                m += 1;
            }
            let next_starts = chars.get(m).is_none_or(|&(_, d)| {
                d.is_uppercase()
                    || d.is_ascii_digit()
                    || matches!(d, '"' | '\u{201c}' | '\'' | '\u{2018}')
            });
            let word_before = body
                .get(start..i)
                .and_then(|s| {
                    s.split(|ch: char| !ch.is_alphanumeric() && ch != '.')
                        .next_back()
                })
                .unwrap_or("");
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&word_before)
                    || (word_before.chars().count() == 1
                        && word_before.chars().all(char::is_uppercase)));
            if (c == '\n' || (next_is_space && next_starts)) && !abbreviation {
                push(out, para.start, body, start, end);
                start = chars.get(m).map_or(body.len(), |&(p, _)| p);
                k = m;
                continue;
            }
        }
        k += 1;
    }
    push(out, para.start, body, start, body.len());
}

fn push(out: &mut Vec<Span>, base: usize, body: &str, s: usize, e: usize) {
    let Some(piece) = body.get(s..e) else { return };
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(base + s + lead, base + s + lead + trimmed.len()));
    }
}

/// Byte ranges inside quotation marks, per paragraph (straight quotes toggle,
/// curly quotes open and close); sorted and disjoint.
pub fn quote_ranges(doc: &Document) -> Vec<Span> {
    let paragraphs = if doc.paragraphs.is_empty() {
        paragraph_spans(&doc.text)
    } else {
        doc.paragraphs.clone()
    };
    let mut out = Vec::new();
    for p in paragraphs {
        let Some(body) = doc.text.get(p.start..p.end) else {
            continue;
        };
        let mut open: Option<usize> = None;
        for (i, c) in body.char_indices() {
            let abs = p.start + i;
            match (c, open) {
                ('"', None) | ('\u{201c}', None) => open = Some(abs),
                ('"', Some(s)) | ('\u{201d}', Some(s)) => {
                    out.push(Span::new(s, abs + c.len_utf8()));
                    open = None;
                }
                ('\u{201c}', Some(_)) => open = Some(abs),
                _ => {}
            }
        }
        if let Some(s) = open {
            out.push(Span::new(s, p.end));
        }
    }
    out
}

/// True when `pos` lies inside one of the sorted `ranges`.
pub fn inside(ranges: &[Span], pos: usize) -> bool {
    let idx = ranges.partition_point(|r| r.end <= pos);
    ranges
        .get(idx)
        .is_some_and(|r| r.start <= pos && pos < r.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fallback_sentences_respect_abbreviations_and_quotes() {
        let doc = Document::from_body(
            "t",
            "\"It's early,\" Mr. Peskov told reporters. But he added: \"Of course.\" The U.S. said so.\n\nNext one.",
        );
        let s: Vec<&str> = sentences(&doc).iter().map(|s| doc.span_text(*s)).collect();
        assert_eq!(
            s,
            vec![
                "\"It's early,\" Mr. Peskov told reporters.",
                "But he added: \"Of course.\"",
                "The U.S. said so.",
                "Next one."
            ]
        );
        let q = quote_ranges(&doc);
        assert_eq!(q.len(), 2);
        assert!(inside(&q, 3));
        assert!(!inside(&q, 20));
    }
}
