//! English news sentence segmentation.
//!
//! Placeholder: splits after `.`, `?` or `!` followed by whitespace and an
//! uppercase letter, and at paragraph breaks.

use dyad_core::Span;

/// Sentence spans of `text` (byte offsets, trimmed of whitespace).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let para_break = b == b'\n' && bytes.get(i + 1) == Some(&b'\n');
        let end_mark = matches!(b, b'.' | b'?' | b'!')
            && bytes.get(i + 1).is_some_and(|c| c.is_ascii_whitespace())
            && bytes.get(i + 2).is_some_and(|c| c.is_ascii_uppercase());
        if para_break || end_mark {
            let end = if para_break { i } else { i + 1 };
            push_trimmed(text, start, end, &mut out);
            start = end;
        }
        i += 1;
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<Span>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start().len();
    let trimmed = piece.trim();
    if !trimmed.is_empty() {
        out.push(Span::new(start + lead, start + lead + trimmed.len()));
    }
}
