//! Does a `.`, `?`, `!` or ellipsis end a sentence?
//!
//! The mark, any closing quotes or brackets after it, then whitespace, then
//! the next word decide:
//! - `?` and `!` end a sentence unless a lowercase word follows
//!   (`"Why?" asked the minister`).
//! - An ellipsis inside running text marks an omission and does not end the
//!   sentence; it does when a closing quote follows it or a line ends there.
//! - A period ends a sentence unless a lowercase word follows, or it closes an
//!   abbreviation:
//!   - after a title ("Mr.", "Gen.") never;
//!   - after another listed abbreviation or a dotted acronym ("U.S.",
//!     "a.m.") only when the next word is a capitalised sentence starter
//!     ("…in the U.S. The talks…") or opens with a quote mark (a bracket is a
//!     parenthesis: "EADS N.V. (EADS)", "6:40 p.m. (GMT)");
//!   - after a single capital, an initial ("George W. Bush", "spokesman J.
//!     Allard"), only before a sentence starter (a quote is a nickname:
//!     `Robert C. "Bobby" Scott`);
//!   - after a state after a town ("Mount Prospect, Ill.") before any
//!     capitalised word, but not before a bracket or dash (datelines: "RENO,
//!     Nev. (AP) —"); a state elsewhere is like any other abbreviation;
//!   - after a word that stands before numbers ("No.", "Vol.") unless a digit
//!     follows.
//! - A closing quote or bracket after the period ends the sentence whatever
//!   came before it (`…in the U.S." He said`).

use super::chars::{
    at_line_start, case_at, closer_len, is_ellipsis_char, opener_len, skip_spaces, space_len, Case,
};
use super::lexicon::{AbbrevKind, Lexicon};

/// What the scanner does after a terminal mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Outcome {
    /// Where scanning resumes.
    pub resume: usize,
    /// Where the sentence ends (exclusive), if it does.
    pub cut: Option<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Period,
    Strong,
    Ellipsis,
}

/// Decide at the terminal mark starting at byte `i` of `text`.
pub(super) fn at_terminal(text: &str, i: usize, lex: &Lexicon) -> Outcome {
    let b = text.as_bytes();
    let (j, mark) = mark_run(b, i);
    let mut k = j;
    let mut closed = false;
    loop {
        let l = closer_len(b, k);
        if l == 0 {
            break;
        }
        k += l;
        closed = true;
    }
    if k >= b.len() || space_len(b, k) == 0 {
        return Outcome {
            resume: k.max(i + 1),
            cut: None,
        };
    }
    let (m, newlines) = skip_spaces(b, k);
    if m >= b.len() {
        return Outcome {
            resume: k,
            cut: None,
        };
    }
    let next = NextWord::at(text, m, lex);
    let cut = newlines >= 2
        || match mark {
            Mark::Strong => next.case != Case::Lower,
            Mark::Ellipsis => (closed || newlines > 0) && next.case != Case::Lower,
            Mark::Period => period_ends(text, i, closed, &next, lex),
        };
    Outcome {
        resume: k,
        cut: cut.then_some(k),
    }
}

/// The run of terminal marks from `i`: its end and its kind. Two or three
/// periods, `…`, and the spaced `. . .` are ellipses; four periods, or `…`
/// with a period, are an ellipsis followed by a full stop.
fn mark_run(b: &[u8], i: usize) -> (usize, Mark) {
    let mut j = i;
    let mut dots = 0;
    let mut strong = false;
    let mut ellipsis_char = false;
    loop {
        match b.get(j) {
            Some(b'.') => {
                dots += 1;
                j += 1;
            }
            Some(b'?' | b'!') => {
                strong = true;
                j += 1;
            }
            _ if is_ellipsis_char(b, j) => {
                ellipsis_char = true;
                j += 3;
            }
            _ => break,
        }
    }
    // ". . ." written with spaces (single dots only: in "end. ... More" the
    // first period is a full stop and an ellipsis follows)
    let spaced_dot = |k: usize| {
        b.get(k) == Some(&b' ') && b.get(k + 1) == Some(&b'.') && b.get(k + 2) != Some(&b'.')
    };
    if dots == 1 && !strong && spaced_dot(j) {
        let mut spaced = 1;
        while spaced_dot(j) {
            j += 2;
            spaced += 1;
        }
        dots = spaced;
    }
    let mark = if strong {
        Mark::Strong
    } else if (ellipsis_char && dots == 0) || dots == 2 || dots == 3 {
        Mark::Ellipsis
    } else {
        Mark::Period
    };
    (j, mark)
}

/// The first word of what may be the next sentence.
struct NextWord {
    case: Case,
    /// An opening quote mark came before it.
    quoted: bool,
    /// An opening bracket came before it.
    bracketed: bool,
    /// It is a sentence starter ("The", "But").
    starter: bool,
}

impl NextWord {
    fn at(text: &str, m: usize, lex: &Lexicon) -> NextWord {
        let b = text.as_bytes();
        let mut p = m;
        let mut quoted = false;
        let mut bracketed = false;
        loop {
            let l = opener_len(b, p);
            if l == 0 {
                break;
            }
            if matches!(b.get(p), Some(b'(' | b'[' | b'{')) {
                bracketed = true;
            } else {
                quoted = true;
            }
            p += l;
        }
        let case = case_at(text, p);
        let mut starter = false;
        if case == Case::Upper {
            let mut e = p;
            while b.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
                e += 1;
            }
            let ends_word = !b
                .get(e)
                .is_some_and(|c| *c == b'.' || c.is_ascii_alphanumeric());
            starter = ends_word && text.get(p..e).is_some_and(|w| lex.is_starter(w));
        }
        NextWord {
            case,
            quoted,
            bracketed,
            starter,
        }
    }
}

/// The shape of the word before a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum WordKind {
    /// An ordinary word or number: the period is a full stop.
    Plain,
    /// A listed title ("Mr"), or a list number opening a line ("1."):
    /// never a full stop.
    Title,
    /// A listed abbreviation or dotted acronym: the next word decides.
    Abbreviation,
    /// A single capital ("W."): a name goes on, a sentence starter begins a
    /// new sentence.
    Initial,
    /// Stands before a number ("No."): an end unless a digit follows.
    Number,
    /// A state after a town ("Mount Prospect, Ill."): an end before a
    /// capitalised word, not before a dash or bracket (datelines: "RENO,
    /// Nev. (AP) —", "DECATUR, Ill. — Sen. …").
    TownState,
}

/// Classify the word that ends right before the period at `i`.
pub(super) fn word_kind(text: &str, i: usize, lex: &Lexicon) -> WordKind {
    let (start, word) = word_before(text, i);
    if word.is_empty() {
        return WordKind::Plain;
    }
    match lex.abbreviation(word) {
        Some(AbbrevKind::Title) => return WordKind::Title,
        Some(AbbrevKind::General) => return WordKind::Abbreviation,
        Some(AbbrevKind::Number) => return WordKind::Number,
        Some(AbbrevKind::Place) => {
            return if after_comma(text.as_bytes(), start) {
                WordKind::TownState
            } else {
                WordKind::Abbreviation
            }
        }
        None => {}
    }
    if word.len() <= 2
        && word.bytes().all(|c| c.is_ascii_digit())
        && at_line_start(text.as_bytes(), start)
    {
        return WordKind::Title;
    }
    if is_dotted(word) {
        return WordKind::Abbreviation;
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_lowercase() {
            return WordKind::Abbreviation; // "p.", "v."
        }
        if c.is_uppercase() {
            return WordKind::Initial; // "George W.", "spokesman J."
        }
    }
    WordKind::Plain
}

/// Whether the period at `i` ends its sentence.
fn period_ends(text: &str, i: usize, closed: bool, next: &NextWord, lex: &Lexicon) -> bool {
    if next.case == Case::Lower {
        return false;
    }
    if closed {
        return true;
    }
    match word_kind(text, i, lex) {
        WordKind::Plain => true,
        WordKind::Title => false,
        WordKind::Number => next.case != Case::Digit,
        WordKind::TownState => next.case == Case::Upper && !next.bracketed,
        WordKind::Abbreviation => next.case == Case::Upper && (next.starter || next.quoted),
        // a quote after an initial is a nickname: Robert C. "Bobby" Scott
        WordKind::Initial => next.case == Case::Upper && next.starter && !next.quoted,
    }
}

/// The word before byte `i` (up to whitespace, leading quotes and brackets
/// removed) and its start. Words longer than 40 bytes come back empty.
fn word_before(text: &str, i: usize) -> (usize, &str) {
    let b = text.as_bytes();
    let mut s = i;
    while s > 0 && i - s <= 40 {
        let c = b.get(s - 1).copied().unwrap_or(b' ');
        if c.is_ascii_whitespace() || c == 0xA0 {
            break;
        }
        s -= 1;
    }
    if i - s > 40 {
        return (i, "");
    }
    loop {
        let l = opener_len(b, s);
        if l == 0 || s + l > i {
            break;
        }
        s += l;
    }
    (s, text.get(s..i).unwrap_or(""))
}

/// True when `", "` comes right before `start` ("Mount Prospect, Ill.").
fn after_comma(b: &[u8], start: usize) -> bool {
    start >= 2 && b.get(start - 2) == Some(&b',') && b.get(start - 1) == Some(&b' ')
}

/// "U.S", "a.m", "Ph.D": letter groups of one or two joined by periods.
fn is_dotted(word: &str) -> bool {
    let mut groups = 0;
    for part in word.split('.') {
        let n = part.len();
        if n == 0 || n > 2 || !part.bytes().all(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        groups += 1;
    }
    groups >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_shapes() {
        let lex = Lexicon::get();
        let kind = |t: &str| word_kind(t, t.len() - 1, lex);
        assert_eq!(kind("the U.S."), WordKind::Abbreviation);
        assert_eq!(kind("at 9 a.m."), WordKind::Abbreviation);
        assert_eq!(kind("(Mr."), WordKind::Title);
        assert_eq!(kind("George W."), WordKind::Initial);
        assert_eq!(kind("spokesman J."), WordKind::Initial);
        assert_eq!(kind("Amazon.com."), WordKind::Plain);
        assert_eq!(kind("profits."), WordKind::Plain);
        assert_eq!(kind("Apple Inc."), WordKind::Abbreviation);
        assert_eq!(kind("San Bernardino, Calif."), WordKind::TownState);
        assert_eq!(kind("the Calif."), WordKind::Abbreviation);
    }

    #[test]
    fn mark_runs() {
        assert_eq!(mark_run(b"end. Next", 3), (4, Mark::Period));
        assert_eq!(mark_run(b"so... and", 2), (5, Mark::Ellipsis));
        assert_eq!(mark_run(b"so. . . and", 2), (7, Mark::Ellipsis));
        assert_eq!(mark_run(b"so.... And", 2), (6, Mark::Period));
        assert_eq!(mark_run(b"so. ... And", 2), (3, Mark::Period));
        assert_eq!(mark_run("so… and".as_bytes(), 2), (5, Mark::Ellipsis));
        assert_eq!(mark_run("so…. And".as_bytes(), 2), (6, Mark::Period));
        assert_eq!(mark_run(b"so. . . . And", 2), (9, Mark::Period));
        assert_eq!(mark_run(b"what?! No", 4), (6, Mark::Strong));
    }
}
