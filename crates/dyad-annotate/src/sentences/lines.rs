//! Line structure: bullets, headings, and when a single line break ends a
//! sentence.
//!
//! A blank line always ends a sentence (the scanner handles it). A single line
//! break inside a block of lines ends one when
//! - the next line is a bullet item, or the line ending here is one and the
//!   next does not go on in lowercase;
//! - the block is not hard-wrapped (one of its lines is longer than
//!   [`WRAP_LIMIT`], so line breaks are layout, not wrapping) and the next
//!   line does not start in lowercase;
//! - in a hard-wrapped block, without a trailing comma, colon or dash: the
//!   next line starts an indented paragraph, or the line is a heading in
//!   capitals, or it is short next to the block's longest line (a paragraph
//!   end) and not the block's first line (whose start may have lost a
//!   dateline: "Standard Oil Co and BP North America" / "Inc said…").
//!
//! Otherwise the break is a space and the punctuation rules decide.

use super::chars::{case_at, closer_len, opener_len, Case};
use super::lexicon::Lexicon;
use super::punct::{word_kind, WordKind};

/// Lines longer than this many bytes are not hard-wrapped text.
pub(super) const WRAP_LIMIT: usize = 100;

/// A line shorter than this share (in tenths) of the block's longest line
/// ends a paragraph or is a heading.
const SHORT_LINE_TENTHS: usize = 6;

/// Facts about a block of lines (text between blank lines).
#[derive(Debug, Clone, Copy)]
pub(super) struct Block {
    /// Where the block's first line starts.
    pub start: usize,
    /// Length in bytes of the longest line (trimmed).
    pub max_line: usize,
}

impl Block {
    /// Measure the block whose first line starts at `start`.
    pub(super) fn measure(text: &str, start: usize) -> Block {
        let mut max_line = 0;
        for line in text.get(start..).unwrap_or("").split('\n') {
            let line = line.trim();
            if line.is_empty() {
                break;
            }
            max_line = max_line.max(line.len());
        }
        Block { start, max_line }
    }

    fn wrapped(&self) -> bool {
        self.max_line <= WRAP_LIMIT
    }
}

/// Length of the bullet marker (with the spaces after it) of the line whose
/// first non-space byte is at `i`, or 0. Markers: `•` `·` `▪` `■` `►` `▶`
/// `●` `○` `◦` `‣` `⁃` `*`; `-` `–` `—` `>` before a non-lowercase word;
/// `1.` `12)` `a)` `(a)` `(1)` before a non-lowercase word.
pub(super) fn bullet_len(text: &str, i: usize) -> usize {
    let b = text.as_bytes();
    let symbol = match b.get(i) {
        Some(b'*') => 1,
        Some(0xC2) if b.get(i + 1) == Some(&0xB7) => 2,
        Some(0xE2) => match (b.get(i + 1), b.get(i + 2)) {
            (Some(0x80), Some(0xA2 | 0xA3)) | (Some(0x81), Some(0x83)) => 3,
            (Some(0x96), Some(0xAA | 0xA0 | 0xBA | 0xB6)) => 3,
            (Some(0x97), Some(0x8F | 0x8B | 0xA6)) => 3,
            _ => 0,
        },
        _ => 0,
    };
    if symbol > 0 {
        return after_marker(text, i, i + symbol, false);
    }
    let dash = match b.get(i) {
        Some(b'-' | b'>') => 1,
        Some(0xE2) if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0x93 | 0x94)) => 3,
        _ => 0,
    };
    if dash > 0 {
        return after_marker(text, i, i + dash, true);
    }
    // numbered or lettered items
    let mut j = i;
    let paren = b.get(j) == Some(&b'(');
    if paren {
        j += 1;
    }
    let digits = b
        .get(j..)
        .unwrap_or(&[])
        .iter()
        .take_while(|c| c.is_ascii_digit())
        .count();
    let label = if (1..=2).contains(&digits) {
        digits
    } else if digits == 0
        && b.get(j).is_some_and(|c| c.is_ascii_alphabetic())
        && b.get(j + 1) == Some(&b')')
    {
        1
    } else {
        return 0;
    };
    j += label;
    match b.get(j) {
        Some(b')') => after_marker(text, i, j + 1, true),
        Some(b'.') if !paren && digits > 0 => after_marker(text, i, j + 1, true),
        _ => 0,
    }
}

/// Length of the marker `i..j` plus the spaces after it; 0 when no space
/// follows or, if `strict`, when a lowercase word follows.
fn after_marker(text: &str, i: usize, j: usize, strict: bool) -> usize {
    let b = text.as_bytes();
    let mut k = j;
    while matches!(b.get(k), Some(b' ' | b'\t')) {
        k += 1;
    }
    if k == j || k >= b.len() || b.get(k) == Some(&b'\n') {
        return 0;
    }
    if strict {
        let mut p = k;
        loop {
            let l = opener_len(b, p);
            if l == 0 {
                break;
            }
            p += l;
        }
        if matches!(case_at(text, p), Case::Lower | Case::End) {
            return 0;
        }
    }
    k - i
}

/// Does the single line break at `nl` (the line runs from `line_start`, the
/// next line's first non-space byte is at `next`) end a sentence?
pub(super) fn breaks_at(
    text: &str,
    line_start: usize,
    nl: usize,
    next: usize,
    block: &Block,
    lex: &Lexicon,
) -> bool {
    if bullet_len(text, next) > 0 {
        return true;
    }
    if matches!(case_at(text, next), Case::Lower | Case::End) {
        return false;
    }
    let raw = text.get(line_start..nl).unwrap_or("");
    let line = raw.trim();
    if line.is_empty() {
        return false;
    }
    let indent = raw.len() - raw.trim_start().len();
    let first = line_start + indent;
    let line_end = first + line.len();
    let next_indent = next.saturating_sub(nl + 1);
    let new_paragraph = next_indent >= 2 && next_indent > indent;
    if let Some(mark) = terminal_mark(text, first, line_end) {
        // A full stop at a line end: the punctuation rules already decided
        // in running text; a line break in unwrapped text, or before an
        // indented paragraph, confirms the end, except after a title ("Mr.")
        // or an initial ("Robert C.").
        return (new_paragraph || !block.wrapped())
            && !(text.as_bytes().get(mark) == Some(&b'.')
                && matches!(
                    word_kind(text, mark, lex),
                    WordKind::Title | WordKind::Initial
                ));
    }
    if line.ends_with([',', ';', ':', '-', '–', '—', '&', '/', '(']) {
        return false;
    }
    if bullet_len(text, first) > 0 || !block.wrapped() {
        return true;
    }
    // Hard-wrapped text: a new indented paragraph, an all-capitals heading,
    // or a short line that is not the block's first (whose start may have
    // lost a dateline) ends the sentence.
    new_paragraph
        || all_capitals(line)
        || (line_start > block.start && line.len() * 10 < block.max_line * SHORT_LINE_TENTHS)
}

/// If the text `start..end` ends with `.`, `?`, `!` or `…` (closing quotes
/// and brackets aside), the offset of that mark.
fn terminal_mark(text: &str, start: usize, end: usize) -> Option<usize> {
    let b = text.as_bytes();
    let mut e = end;
    while e > start {
        // step back over one closer (1–3 bytes)
        let back = (1..=3).find(|&l| e >= start + l && closer_len(b, e - l) == l);
        match back {
            Some(l) => e -= l,
            None => break,
        }
    }
    match b.get(e.checked_sub(1)?) {
        Some(b'.' | b'?' | b'!') => Some(e - 1),
        Some(0xA6) if e >= 3 && b.get(e - 3) == Some(&0xE2) => Some(e - 3),
        _ => None,
    }
}

/// A heading in capitals: at least three letters, none lowercase
/// ("MARKETS CLOSE LOWER", "KEY FACTS").
fn all_capitals(line: &str) -> bool {
    let mut upper = 0;
    for c in line.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            upper += 1;
        }
    }
    upper >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bullets() {
        assert_eq!(bullet_len("• Oil rose", 0), 4);
        assert_eq!(bullet_len("* Oil rose", 0), 2);
        assert_eq!(bullet_len("- Oil rose", 0), 2);
        assert_eq!(bullet_len("- more often", 0), 0);
        assert_eq!(bullet_len("1. Oil rose", 0), 3);
        assert_eq!(bullet_len("12) Oil rose", 0), 4);
        assert_eq!(bullet_len("(b) Oil rose", 0), 4);
        assert_eq!(bullet_len("2008. Oil rose", 0), 0);
        assert_eq!(bullet_len("J. Smith said", 0), 0);
        assert_eq!(bullet_len("3.5 percent", 0), 0);
        assert_eq!(bullet_len("Oil rose", 0), 0);
    }

    #[test]
    fn terminal_marks() {
        let t = "He said \"yes.\"";
        assert_eq!(terminal_mark(t, 0, t.len()), Some(12));
        assert_eq!(terminal_mark("no mark", 0, 7), None);
        assert!(terminal_mark("wait…", 0, "wait…".len()).is_some());
    }

    #[test]
    fn capital_headings() {
        assert!(all_capitals("MARKETS CLOSE LOWER"));
        assert!(all_capitals("KEY FACTS:"));
        assert!(!all_capitals("Airbus Wins Qatar Airways Order"));
        assert!(!all_capitals("US"));
    }
}
