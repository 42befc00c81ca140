//! Byte-level character classes for the segmenter: spaces, opening and
//! closing quotes or brackets, letter case. Every function takes the UTF-8
//! bytes and an offset and answers with a byte length or a class, so callers
//! never slice inside a character and never index out of range.

/// Length in bytes of the whitespace character at `i`, or 0. Covers ASCII
/// whitespace, NO-BREAK SPACE, the U+2000–U+200A spaces, U+202F and U+3000.
pub(super) fn space_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c) => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xA0) => 2,
        Some(0xE2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x80..=0x8A | 0xAF)) => 3,
            _ => 0,
        },
        Some(0xE3) if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x80) => 3,
        _ => 0,
    }
}

/// Length of the whitespace character that ends right before `i`, or 0.
pub(super) fn space_len_before(b: &[u8], i: usize) -> usize {
    (1..=3)
        .find(|&l| i >= l && space_len(b, i - l) == l)
        .unwrap_or(0)
}

/// True when only spaces or tabs separate `i` from the start of its line.
pub(super) fn at_line_start(b: &[u8], i: usize) -> bool {
    let mut j = i;
    while j > 0 {
        match b.get(j - 1) {
            Some(b'\n') => return true,
            Some(b' ' | b'\t' | b'\r') => j -= 1,
            _ => return false,
        }
    }
    true
}

/// Skip whitespace from `i`; returns the first non-space offset and how many
/// line feeds were passed.
pub(super) fn skip_spaces(b: &[u8], mut i: usize) -> (usize, usize) {
    let mut newlines = 0;
    loop {
        let l = space_len(b, i);
        if l == 0 {
            return (i, newlines);
        }
        if b.get(i) == Some(&b'\n') {
            newlines += 1;
        }
        i += l;
    }
}

/// Length of a closing quote or bracket at `i` (`"` `'` `)` `]` `}` `”` `’`
/// `»` `›`), or 0.
pub(super) fn closer_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"' | b'\'' | b')' | b']' | b'}') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xBB) => 2,
        Some(0xE2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x99 | 0x9D | 0xBA)) => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// Length of an opening quote or bracket at `i` (`"` `'` `` ` `` `(` `[` `{`
/// `“` `‘` `„` `«` `‹`), or 0.
pub(super) fn opener_len(b: &[u8], i: usize) -> usize {
    match b.get(i) {
        Some(b'"' | b'\'' | b'`' | b'(' | b'[' | b'{') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xAB) => 2,
        Some(0xE2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0x98 | 0x9C | 0x9E | 0xB9)) => 3,
            _ => 0,
        },
        _ => 0,
    }
}

/// True when the three bytes at `i` are HORIZONTAL ELLIPSIS `…`.
pub(super) fn is_ellipsis_char(b: &[u8], i: usize) -> bool {
    b.get(i) == Some(&0xE2) && b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0xA6)
}

/// How the character at an offset starts a word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Case {
    /// Capital letter, or a camel-cased brand ("iPhone", "eBay").
    Upper,
    Lower,
    Digit,
    /// Punctuation or a symbol.
    Other,
    /// End of text.
    End,
}

/// Case class of the character at byte `i` of `text`.
pub(super) fn case_at(text: &str, i: usize) -> Case {
    let b = text.as_bytes();
    match b.get(i) {
        None => Case::End,
        Some(c) if c.is_ascii_uppercase() => Case::Upper,
        Some(c) if c.is_ascii_digit() => Case::Digit,
        Some(c) if c.is_ascii_lowercase() => {
            if b.get(i + 1).is_some_and(|d| d.is_ascii_uppercase()) {
                Case::Upper
            } else {
                Case::Lower
            }
        }
        Some(c) if c.is_ascii() => Case::Other,
        Some(_) => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(ch) if ch.is_uppercase() => Case::Upper,
            Some(ch) if ch.is_lowercase() => Case::Lower,
            Some(ch) if ch.is_numeric() => Case::Digit,
            _ => Case::Other,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let t = "iPhone The  “x” a.";
        let b = t.as_bytes();
        assert_eq!(case_at(t, 0), Case::Upper);
        assert_eq!(case_at(t, 1), Case::Upper);
        assert_eq!(case_at(t, 7), Case::Upper);
        assert_eq!(space_len(b, 6), 1);
        assert_eq!(skip_spaces(b, 10), (12, 0));
        assert_eq!(opener_len(b, 12), 3);
        assert_eq!(closer_len(b, 16), 3);
        assert_eq!(case_at(t, t.len()), Case::End);
        assert_eq!(case_at("élan", 0), Case::Lower);
        assert_eq!(case_at("Élan", 0), Case::Upper);
        assert_eq!(space_len("a\u{a0}b".as_bytes(), 1), 2);
        assert_eq!(space_len_before("a\u{a0}".as_bytes(), 3), 2);
        assert_eq!(space_len_before("a\u{2009}".as_bytes(), 4), 3);
        assert_eq!(space_len_before("a ".as_bytes(), 2), 1);
        assert_eq!(space_len_before("ab".as_bytes(), 2), 0);
        assert!(at_line_start(b"x\n  1.", 4));
        assert!(!at_line_start(b"x 1.", 2));
        assert!(is_ellipsis_char("…".as_bytes(), 0));
    }
}
