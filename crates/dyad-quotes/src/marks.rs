//! Quotation marks: pairs of opening and closing marks within a paragraph,
//! and quotes that run on over several paragraphs.
//!
//! Double marks only (straight `"`, curly `“ ”`, and the doubled apostrophes
//! `'' … ''` / ` `` … '' ` of some wire styles); single marks inside them are
//! nested quotes and stay part of the outer quote.

use dyad_core::Span;

/// One quoted stretch of text, marks included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    pub span: Span,
    /// Index of the first fragment of a quote that runs over several
    /// paragraphs (its own index when it starts here).
    pub chain: usize,
    /// True when the paragraph ended before the quote closed.
    pub open_end: bool,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    Either,
}

/// The double quotation mark at byte `i` of `text`, with its length.
fn mark_at(text: &str, i: usize) -> Option<(Mark, usize)> {
    let rest = text.get(i..)?;
    if rest.starts_with('"') {
        Some((Mark::Either, 1))
    } else if rest.starts_with('“') {
        Some((Mark::Open, '“'.len_utf8()))
    } else if rest.starts_with('”') {
        Some((Mark::Close, '”'.len_utf8()))
    } else if rest.starts_with("``") {
        Some((Mark::Open, 2))
    } else if rest.starts_with("''") {
        Some((Mark::Either, 2))
    } else {
        None
    }
}

/// Quote spans in the paragraphs of `text`, in text order.
pub fn find_quotes(text: &str, paragraphs: &[Span]) -> Vec<QuoteSpan> {
    let mut out: Vec<QuoteSpan> = Vec::new();
    for para in paragraphs {
        let Some(body) = para.slice(text) else {
            continue;
        };
        let mut open: Option<usize> = None;
        let mut i = 0;
        let bytes = body.as_bytes();
        while i < bytes.len() {
            let Some(b) = bytes.get(i) else { break };
            if !matches!(b, b'"' | b'`' | b'\'' | 0xE2) {
                i += 1;
                continue;
            }
            let Some((mark, len)) = mark_at(body, i) else {
                i += 1;
                continue;
            };
            let at = para.start + i;
            match (open, mark) {
                (None, Mark::Open | Mark::Either) => open = Some(at),
                (Some(_), Mark::Open) => open = Some(at),
                (Some(s), Mark::Close | Mark::Either) => {
                    // "… 'a special case,'''": a nested single quote closes
                    // first, the doubled mark after it
                    let len = if len == 2 && body.get(i..).is_some_and(|r| r.starts_with("'''")) {
                        3
                    } else {
                        len
                    };
                    push(&mut out, Span::new(s, at + len), false);
                    open = None;
                    i += len;
                    continue;
                }
                (None, Mark::Close) => {}
            }
            i += len;
        }
        if let Some(s) = open {
            push(&mut out, Span::new(s, para.end), true);
        }
    }
    out
}

/// Add a quote; a quote opening a paragraph right after a paragraph whose
/// quote never closed continues that quote.
fn push(out: &mut Vec<QuoteSpan>, span: Span, open_end: bool) {
    let index = out.len();
    let chain = match out.last() {
        Some(prev) if prev.open_end && is_paragraph_start(prev, span) => prev.chain,
        _ => index,
    };
    out.push(QuoteSpan {
        span,
        chain,
        open_end,
    });
}

/// True when `span` starts right after the previous quote's paragraph (only
/// whitespace between them).
fn is_paragraph_start(prev: &QuoteSpan, span: Span) -> bool {
    span.start > prev.span.end && span.start - prev.span.end <= 4
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::document::paragraph_spans;

    fn texts(text: &str) -> Vec<(String, usize)> {
        find_quotes(text, &paragraph_spans(text))
            .iter()
            .map(|q| (q.span.slice(text).unwrap_or("").to_string(), q.chain))
            .collect()
    }

    #[test]
    fn straight_curly_and_doubled_marks() {
        let t = "He said \"yes,\" then “no” and ''maybe'' today.";
        let got = texts(t);
        assert_eq!(
            got,
            vec![
                ("\"yes,\"".to_string(), 0),
                ("“no”".to_string(), 1),
                ("''maybe''".to_string(), 2)
            ]
        );
    }

    #[test]
    fn single_quotes_nest_inside_double() {
        let t = "“He told me ‘never’ and ‘don’t’,” she said.";
        assert_eq!(
            texts(t),
            vec![("“He told me ‘never’ and ‘don’t’,”".to_string(), 0)]
        );
    }

    #[test]
    fn nested_single_quote_before_doubled_close() {
        let t = "''We hear, 'It is a special case,''' he said.";
        assert_eq!(
            texts(t),
            vec![("''We hear, 'It is a special case,'''".to_string(), 0)]
        );
    }

    #[test]
    fn quote_runs_over_paragraphs() {
        let t = "“We will stay the course.\n\n“We will not give up,” he said.\n\nNext “thing”.";
        let got = texts(t);
        assert_eq!(got[0], ("“We will stay the course.".to_string(), 0));
        assert_eq!(got[1], ("“We will not give up,”".to_string(), 0));
        assert_eq!(got[2], ("“thing”".to_string(), 2));
    }
}
