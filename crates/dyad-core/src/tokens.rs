//! Word tokens: runs of letters/digits (with inner apostrophes, hyphens,
//! periods and commas in numbers) and single punctuation marks.

use crate::span::Span;

/// A token: its span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
}

/// Tokenize `text` starting at byte `offset` of the document.
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        if c.is_alphanumeric() {
            let mut end = i + c.len_utf8();
            while let Some(&(j, d)) = chars.peek() {
                if d.is_alphanumeric() {
                    end = j + d.len_utf8();
                    chars.next();
                    continue;
                }
                // Inner joiners: don't, U.S, 3.5, 1,400, Jean-Pierre
                if matches!(d, '\'' | '’' | '-' | '.' | ',') {
                    let next = text[j + d.len_utf8()..].chars().next();
                    if next.is_some_and(|n| n.is_alphanumeric())
                        && (d != ',' || c.is_ascii_digit())
                    {
                        end = j + d.len_utf8();
                        chars.next();
                        continue;
                    }
                }
                break;
            }
            out.push(Token {
                span: Span::new(offset + i, offset + end),
            });
        } else {
            out.push(Token {
                span: Span::new(offset + i, offset + i + c.len_utf8()),
            });
        }
    }
    out
}
