//! Word tokens with exact byte spans.
//!
//! A token is a run of letters and digits, joined across
//! - an apostrophe or hyphen between letters or digits ("don't", "don’t",
//!   "Jean-Pierre", "O'Neill", "F-16");
//! - a period before a letter or digit ("3.5", "U.S", "10.4.2", "Amazon.com");
//! - a comma between digits ("1,400");
//!
//! plus the final period of a dotted acronym ("U.S.", "a.m.", "e.g.") and of
//! an initial before a capitalised word ("George W. Bush"). Every other
//! non-space character is a token of its own: `$`, `%`, quotes, brackets,
//! a trailing period or apostrophe ("Airbus'"). ASCII goes through a byte
//! table; other characters are decoded one at a time.

use crate::span::Span;

/// A token: its span in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Space,
    Word,
    Punct,
}

const ASCII: [Class; 128] = {
    let mut t = [Class::Punct; 128];
    let mut c = 0;
    while c < 128 {
        let b = c as u8;
        if b.is_ascii_alphanumeric() {
            t[c] = Class::Word;
        } else if b.is_ascii_whitespace() || b == 0x0b {
            t[c] = Class::Space;
        }
        c += 1;
    }
    t
};

/// ASCII letters and digits (and nothing else) as a byte table.
const ASCII_WORD: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 128 {
        t[c] = (c as u8).is_ascii_alphanumeric();
        c += 1;
    }
    t
};

/// Tokenize `text`; spans are offset by `offset` (the byte position of
/// `text` in the document).
pub fn tokenize(text: &str, offset: usize) -> Vec<Token> {
    let b = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let (class, len) = class_at(text, i, c);
        match class {
            Class::Space => {
                i += len;
                continue;
            }
            Class::Word => {
                let end = word_end(text, i, len);
                out.push(Token {
                    span: Span::new(offset + i, offset + end),
                });
                i = end;
            }
            Class::Punct => {
                out.push(Token {
                    span: Span::new(offset + i, offset + i + len),
                });
                i += len;
            }
        }
    }
    out
}

/// Class and byte length of the character starting at `i` (lead byte `c`).
#[inline]
fn class_at(text: &str, i: usize, c: u8) -> (Class, usize) {
    if c < 0x80 {
        return (ASCII[c as usize], 1);
    }
    match text.get(i..).and_then(|s| s.chars().next()) {
        Some(ch) if ch.is_alphanumeric() => (Class::Word, ch.len_utf8()),
        Some(ch) if ch.is_whitespace() => (Class::Space, ch.len_utf8()),
        Some(ch) => (Class::Punct, ch.len_utf8()),
        None => (Class::Punct, 1),
    }
}

/// Byte length of the character at `i` when it is a letter or digit.
#[inline]
fn word_char_at(text: &str, i: usize) -> Option<usize> {
    let c = *text.as_bytes().get(i)?;
    match class_at(text, i, c) {
        (Class::Word, len) => Some(len),
        _ => None,
    }
}

/// End of the word token that starts at `start` with a first character of
/// `first_len` bytes.
fn word_end(text: &str, start: usize, first_len: usize) -> usize {
    let b = text.as_bytes();
    let mut j = start + first_len;
    loop {
        // fast path: ASCII letters and digits
        while b.get(j).is_some_and(|&c| ASCII_WORD[c as usize]) {
            j += 1;
        }
        let joiner = match b.get(j) {
            None => break,
            Some(b'\'' | b'-' | b'.') => 1,
            Some(b',') => {
                let digit_before = b.get(j.wrapping_sub(1)).is_some_and(u8::is_ascii_digit);
                if digit_before && b.get(j + 1).is_some_and(u8::is_ascii_digit) {
                    1
                } else {
                    break;
                }
            }
            Some(&c) if c < 0x80 => break,
            // ’ (U+2019) and ‐ (U+2010) between word characters
            Some(0xE2)
                if b.get(j + 1) == Some(&0x80) && matches!(b.get(j + 2), Some(0x99 | 0x90)) =>
            {
                3
            }
            Some(_) => match word_char_at(text, j) {
                Some(len) => {
                    j += len;
                    continue;
                }
                None => break,
            },
        };
        match word_char_at(text, j + joiner) {
            Some(len) => j += joiner + len,
            None => break,
        }
    }
    if b.get(j) == Some(&b'.') && (is_dotted(b, start, j) || is_initial(b, start, j)) {
        j += 1;
    }
    j
}

/// "U.S", "a.m", "e.g": single ASCII letters joined by periods.
fn is_dotted(b: &[u8], start: usize, end: usize) -> bool {
    let word = b.get(start..end).unwrap_or(&[]);
    word.len() >= 3
        && word.iter().enumerate().all(|(k, c)| {
            if k % 2 == 0 {
                c.is_ascii_alphabetic()
            } else {
                *c == b'.'
            }
        })
        && word.len() % 2 == 1
}

/// A capital letter standing alone, whose period is followed by a space and
/// another capital ("W. Bush", "J. R. Ewing").
fn is_initial(b: &[u8], start: usize, end: usize) -> bool {
    end == start + 1
        && b.get(start).is_some_and(u8::is_ascii_uppercase)
        && b.get(end + 1) == Some(&b' ')
        && b.get(end + 2).is_some_and(u8::is_ascii_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text, 0)
            .iter()
            .map(|t| t.span.slice(text).unwrap_or("<bad span>"))
            .collect()
    }

    #[test]
    fn news_sentence() {
        assert_eq!(
            words("The U.S. didn't pay $3.5 billion (1,400 jobs), Jean-Pierre said."),
            [
                "The",
                "U.S.",
                "didn't",
                "pay",
                "$",
                "3.5",
                "billion",
                "(",
                "1,400",
                "jobs",
                ")",
                ",",
                "Jean-Pierre",
                "said",
                "."
            ]
        );
    }

    #[test]
    fn quotes_are_separate_tokens() {
        assert_eq!(
            words("\"We won’t,\" she said. ‘Never.’ Airbus' rivals"),
            [
                "\"", "We", "won’t", ",", "\"", "she", "said", ".", "‘", "Never", ".", "’",
                "Airbus", "'", "rivals"
            ]
        );
    }

    #[test]
    fn numbers_and_percentages() {
        assert_eq!(
            words("Up 2.5% to 10.4.2, in 2008,and 60%."),
            ["Up", "2.5", "%", "to", "10.4.2", ",", "in", "2008", ",", "and", "60", "%", "."]
        );
    }

    #[test]
    fn acronyms_and_initials() {
        assert_eq!(
            words("George W. Bush met J.P. Morgan at 9 a.m. in the U.K."),
            [
                "George", "W.", "Bush", "met", "J.P.", "Morgan", "at", "9", "a.m.", "in", "the",
                "U.K."
            ]
        );
        // a capital at a sentence end keeps its period separate
        assert_eq!(words("vitamin D. it"), ["vitamin", "D", ".", "it"]);
    }

    #[test]
    fn dashes_and_edges() {
        assert_eq!(
            words("pre- and post-war -- F-16s"),
            ["pre", "-", "and", "post-war", "-", "-", "F-16s"]
        );
        assert_eq!(words("end."), ["end", "."]);
        assert_eq!(words("'90s"), ["'", "90s"]);
        assert!(words("").is_empty());
        assert!(words(" \n\t").is_empty());
    }

    #[test]
    fn unicode_and_offsets() {
        let text = "Zürich\u{a0}— Genève";
        let toks = tokenize(text, 100);
        let got: Vec<&str> = toks
            .iter()
            .map(|t| &text[t.span.start - 100..t.span.end - 100])
            .collect();
        assert_eq!(got, ["Zürich", "—", "Genève"]);
    }

    /// Spans are in order, on character boundaries, and cover every
    /// non-space character exactly once.
    #[test]
    fn spans_cover_all_non_space_text() {
        let text = "A.B.C. \"x\" 1,2,3 ’tis rock’n’roll…  naïve—U.S.-led 3.5.";
        let toks = tokenize(text, 0);
        let mut last = 0;
        let mut covered = String::new();
        for t in &toks {
            assert!(t.span.start >= last && t.span.start < t.span.end);
            covered.push_str(t.span.slice(text).expect("char boundaries"));
            last = t.span.end;
        }
        let expected: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        assert_eq!(covered, expected);
    }
}
