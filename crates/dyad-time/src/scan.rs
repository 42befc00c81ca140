//! A cheap one-pass tokenizer for the time grammar: words (runs of letters),
//! numbers (runs of digits, with a letter suffix such as `1990s`, `9am`,
//! `3rd`), and single punctuation marks. Each word is looked up once in the
//! lexicon; the grammar then only looks at tokens that can start a timex.

use crate::lexicon::Lexicon;

/// Token kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Letters only.
    Word,
    /// Digits only; `value` holds the number and `digits` its length.
    Num,
    /// Digits glued to a number with `,` or `.` (`1,500`, `2.5`): not a date part.
    Complex,
    /// Digits with a letter suffix (`1990s`, `9am`, `21st`).
    NumSuffix,
    /// One punctuation character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, Copy)]
pub struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Lexicon index of a word.
    pub lex: Option<u32>,
    /// Numeric value of a number (or of the digits of a suffixed number).
    pub value: u32,
    /// Number of digits.
    pub digits: u8,
    /// Where the digit part of a suffixed number ends.
    pub split: usize,
    /// Whitespace precedes this token.
    pub space_before: bool,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// Tokenize `text`, looking each word up in `lex`.
pub fn tokenize(text: &str, lex: &Lexicon) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks = Vec::with_capacity(bytes.len() / 5);
    let mut i = 0;
    let mut space = true;
    let mut lower = [0u8; 24];
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let start = i;
        if b.is_ascii_digit() {
            let mut value: u64 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = (value * 10 + u64::from(bytes[i] - b'0')).min(u64::from(u32::MAX));
                i += 1;
            }
            let digit_end = i;
            let mut kind = Kind::Num;
            // 1,500 / 2.5: a separator followed by a digit glues the number.
            while i + 1 < bytes.len()
                && matches!(bytes[i], b',' | b'.')
                && bytes[i + 1].is_ascii_digit()
            {
                kind = Kind::Complex;
                i += 1;
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if kind == Kind::Num && i < bytes.len() && is_word_byte(bytes[i]) {
                kind = Kind::NumSuffix;
                while i < bytes.len() && is_word_byte(bytes[i]) {
                    i += 1;
                }
            }
            toks.push(Tok {
                start,
                end: i,
                kind,
                lex: None,
                value: value as u32,
                digits: (digit_end - start).min(255) as u8,
                split: digit_end,
                space_before: space,
            });
        } else if is_word_byte(b) {
            while i < bytes.len() && is_word_byte(bytes[i]) {
                i += 1;
            }
            let len = i - start;
            let mut lexidx = None;
            if len <= lower.len() {
                for (k, c) in bytes[start..i].iter().enumerate() {
                    lower[k] = c.to_ascii_lowercase();
                }
                if let Ok(w) = std::str::from_utf8(&lower[..len]) {
                    lexidx = lex.lookup(w);
                }
            }
            // Letters glued to digits (`mid1990s`) or to non-ASCII letters
            // stay one word without a meaning.
            if i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] >= 0x80) {
                let mut j = i;
                while j < bytes.len() && (bytes[j].is_ascii_alphanumeric() || bytes[j] >= 0x80) {
                    j += 1;
                }
                while j < bytes.len() && !text.is_char_boundary(j) {
                    j += 1;
                }
                i = j;
                lexidx = None;
            }
            toks.push(Tok {
                start,
                end: i,
                kind: Kind::Word,
                lex: lexidx,
                value: 0,
                digits: 0,
                split: i,
                space_before: space,
            });
        } else {
            let len = text[i..].chars().next().map_or(1, char::len_utf8);
            i += len;
            toks.push(Tok {
                start,
                end: i,
                kind: Kind::Punct,
                lex: None,
                value: 0,
                digits: 0,
                split: i,
                space_before: space,
            });
        }
        space = false;
    }
    toks
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::DEFAULT_LEXICON;

    #[test]
    fn numbers_words_and_punctuation() {
        let lex = Lexicon::parse(DEFAULT_LEXICON).expect("lexicon");
        let text = "On Sept. 27, 1989, 1,500 people saw the 1990s at 9am.";
        let toks = tokenize(text, &lex);
        let kinds: Vec<(&str, Kind)> = toks
            .iter()
            .map(|t| (&text[t.start..t.end], t.kind))
            .collect();
        assert!(kinds.contains(&("1989", Kind::Num)));
        assert!(kinds.contains(&("1,500", Kind::Complex)));
        assert!(kinds.contains(&("1990s", Kind::NumSuffix)));
        assert!(kinds.contains(&("9am", Kind::NumSuffix)));
        let sept = toks.iter().find(|t| &text[t.start..t.end] == "Sept");
        assert!(sept.and_then(|t| t.lex).is_some());
    }
}
