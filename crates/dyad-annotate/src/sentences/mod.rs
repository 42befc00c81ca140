//! English news sentence segmentation: a single forward byte scan.
//!
//! The scanner stops only at `.`, `?`, `!`, `…` and line feeds; everything
//! else is skipped with one table lookup per byte. At a terminal mark,
//! [`punct`] decides from the mark, the closing quotes after it, the word
//! before it (abbreviation lists in `data/sentences/`, dotted acronyms,
//! initials) and the next word. At a line feed, [`lines`] decides: blank
//! lines always end a sentence, single breaks only before or after bullets,
//! after headings, or in text whose lines are paragraphs.
//!
//! Sentences come back as byte spans into the text, trimmed of whitespace;
//! a bullet marker that opens a line (`•`, `-`, `1.`) is left out of the
//! sentence it introduces.

mod chars;
mod lexicon;
mod lines;
mod punct;
#[cfg(test)]
mod tests;

use dyad_core::Span;

pub use lexicon::LexiconError;

use lexicon::Lexicon;
use lines::Block;

/// Bytes at which the scanner stops: terminal marks, line feed, and the lead
/// byte of `…` (U+2026).
const STOP: [bool; 256] = {
    let mut t = [false; 256];
    t[b'.' as usize] = true;
    t[b'?' as usize] = true;
    t[b'!' as usize] = true;
    t[b'\n' as usize] = true;
    t[0xE2] = true;
    t
};

/// Sentence spans of `text` (byte offsets, trimmed of whitespace, in order,
/// non-overlapping).
pub fn split_sentences(text: &str) -> Vec<Span> {
    let lex = Lexicon::get();
    let b = text.as_bytes();
    let mut out = Out::new(text);
    let mut line_start = 0;
    let mut block_start = 0;
    let mut block: Option<Block> = None;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        if !STOP[c as usize] {
            i += 1;
            continue;
        }
        match c {
            b'\n' => {
                let (next, newlines) = chars::skip_spaces(b, i);
                // `next` is the first non-space byte of the next non-blank
                // line; that line starts right after the last '\n' before it.
                let next_line = last_line_start(b, i, next);
                if newlines >= 2 || next >= b.len() {
                    out.cut(i);
                    block = None;
                    block_start = next_line;
                } else {
                    let blk = *block.get_or_insert_with(|| Block::measure(text, block_start));
                    if lines::breaks_at(text, line_start, i, next, &blk, lex) {
                        out.cut(i);
                    }
                }
                line_start = next_line;
                i = next.max(i + 1);
            }
            0xE2 if !chars::is_ellipsis_char(b, i) => i += 1,
            _ => {
                let o = punct::at_terminal(text, i, lex);
                if let Some(end) = o.cut {
                    out.cut(end);
                }
                i = o.resume.max(i + 1);
            }
        }
    }
    out.cut(b.len());
    out.spans
}

/// Start of the line holding `next`: one past the last line feed in `i..next`.
fn last_line_start(b: &[u8], i: usize, next: usize) -> usize {
    let mut s = next;
    while s > i && b.get(s - 1) != Some(&b'\n') {
        s -= 1;
    }
    s
}

/// The spans found so far.
struct Out<'a> {
    text: &'a str,
    spans: Vec<Span>,
    /// Where the current sentence began (untrimmed).
    start: usize,
}

impl<'a> Out<'a> {
    fn new(text: &'a str) -> Self {
        Out {
            text,
            spans: Vec::with_capacity(text.len() / 128 + 1),
            start: 0,
        }
    }

    /// End the current sentence at `end`; empty sentences are dropped.
    fn cut(&mut self, end: usize) {
        if end <= self.start {
            return;
        }
        let b = self.text.as_bytes();
        let (mut s, _) = chars::skip_spaces(b, self.start);
        self.start = end;
        if s >= end {
            return;
        }
        if chars::at_line_start(b, s) {
            let marker = lines::bullet_len(self.text, s);
            if marker > 0 && s + marker < end {
                s += marker;
            }
        }
        let mut e = end;
        while e > s {
            match chars::space_len_before(b, e) {
                0 => break,
                l => e -= l,
            }
        }
        if e > s {
            self.spans.push(Span::new(s, e));
        }
    }
}
