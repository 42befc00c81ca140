//! Feature extraction: per-token facts computed once ([`TokInfo`]), then
//! the hashed feature keys of a position — static ones from the words around
//! it, dynamic ones from the tags already predicted and from what earlier
//! sentences of the same document said about the same word.
//!
//! No feature allocates: every value is a 64-bit hash and every feature is
//! `mix(template, value…)` folded to a 32-bit key. Only the words are used
//! (no part-of-speech or chunk columns), so the model runs on raw text.

use super::clusters::Clusters;
use super::hash;
use super::lexicon::{self, Lexicon};

/// Words of context the static features read on each side of a token.
pub(crate) const CONTEXT: usize = 2;

/// Bumped whenever a template changes meaning; part of the model fingerprint.
pub(crate) const FEATURE_VERSION: u64 = 3;

/// Capitalisation class of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(crate) enum Cap {
    /// No letters (punctuation, numbers).
    NoLetter = 0,
    Lower = 1,
    /// "Paris", "A".
    Initial = 2,
    /// "NATO", "BRUSSELS".
    All = 3,
    /// "McDonald", "iPhone".
    Mixed = 4,
    /// Outside the sentence.
    Pad = 5,
}

/// What the features need to know about one token.
#[derive(Debug, Clone, Copy)]
pub(crate) struct TokInfo {
    /// The word as written.
    pub word: u64,
    /// Lowercased, digits as 0, one final period dropped.
    pub norm: u64,
    /// Shape with runs capped at 4 ("Xxxxx" → "Xxxx", "1996-08-22" → "dddd-dd-dd").
    pub shape: u64,
    /// Shape with runs collapsed ("Xx", "d-d-d").
    pub short: u64,
    /// Lowercased prefixes/suffixes of 1–4 characters (0 when the word is shorter).
    pub pre: [u64; 4],
    pub suf: [u64; 4],
    pub cap: Cap,
    /// Gazetteer marks: bit `class * 4 + BILU position`.
    pub gaz: u64,
    /// Fine and coarse word clusters, when the word was clustered.
    pub cluster: Option<(u8, u8)>,
}

impl TokInfo {
    fn pad(edge: u64) -> Self {
        TokInfo {
            word: edge,
            norm: edge,
            shape: edge,
            short: edge,
            pre: [0; 4],
            suf: [0; 4],
            cap: Cap::Pad,
            gaz: 0,
            cluster: None,
        }
    }
}

fn shape_class(c: char) -> u8 {
    if c.is_uppercase() {
        b'X'
    } else if c.is_lowercase() || c.is_alphabetic() {
        b'x'
    } else if c.is_numeric() {
        b'd'
    } else if c.is_ascii() {
        c as u8
    } else {
        b'*'
    }
}

/// Length in bytes of a possessive ending ("Blair's", "Blair’s") glued to a
/// word, 0 when there is none. CoNLL splits "'s" off; raw-text tokens keep it.
pub(crate) fn possessive_len(word: &str) -> usize {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if word.len() > suffix.len() && word.ends_with(suffix) {
            return suffix.len();
        }
    }
    0
}

/// The form the features see: typographic quotes as ASCII quotes (as in the
/// Reuters training text), possessive endings dropped.
fn canonical(word: &str) -> &str {
    match word {
        "“" | "”" | "„" | "«" | "»" | "``" | "''" => "\"",
        "‘" | "’" => "'",
        _ => word
            .get(..word.len() - possessive_len(word))
            .unwrap_or(word),
    }
}

/// Feed the lowercase form of `c` (one byte for ASCII, the common case).
#[inline]
fn lower_into(h: u64, c: char) -> u64 {
    if c.is_ascii() {
        hash::byte(h, c.to_ascii_lowercase() as u8)
    } else {
        c.to_lowercase().fold(h, hash::char)
    }
}

/// Facts about one word.
pub(crate) fn tok_info(word: &str) -> TokInfo {
    let word = canonical(word);
    let mut shape = hash::EMPTY;
    let mut short = hash::EMPTY;
    let mut last = 0u8;
    let mut run = 0usize;
    let (mut upper, mut lower, mut first_upper, mut n) = (0usize, 0usize, false, 0usize);
    let mut pre = [0u64; 4];
    let mut lh = hash::EMPTY;
    for c in word.chars() {
        let s = shape_class(c);
        if s == last {
            run += 1;
        } else {
            run = 1;
            short = hash::byte(short, s);
            last = s;
        }
        if run <= 4 {
            shape = hash::byte(shape, s);
        }
        if s == b'X' {
            upper += 1;
            if n == 0 {
                first_upper = true;
            }
        } else if s == b'x' {
            lower += 1;
        }
        if n < 4 {
            lh = lower_into(lh, c);
            pre[n] = lh;
        }
        n += 1;
    }
    let mut suf = [0u64; 4];
    let mut sh = hash::EMPTY;
    for (k, c) in word.chars().rev().take(4).enumerate() {
        sh = lower_into(sh, c);
        suf[k] = sh;
    }
    let cap = match (upper, lower) {
        (0, 0) => Cap::NoLetter,
        (0, _) => Cap::Lower,
        (u, 0) if u >= 2 => Cap::All,
        (_, 0) => Cap::Initial,
        (1, _) if first_upper => Cap::Initial,
        (_, _) => Cap::Mixed,
    };
    TokInfo {
        word: hash::str(word),
        norm: lexicon::norm_hash(word),
        shape,
        short,
        pre,
        suf,
        cap,
        gaz: 0,
        cluster: None,
    }
}

/// Infos of a sentence's words, with gazetteer marks and clusters.
pub(crate) fn sentence_infos<'a>(
    words: impl Iterator<Item = &'a str>,
    lexicon: &Lexicon,
    clusters: &Clusters,
    out: &mut Vec<TokInfo>,
    scratch: &mut (Vec<u64>, Vec<u64>),
) {
    out.clear();
    out.extend(words.map(tok_info));
    let (norms, marks) = scratch;
    norms.clear();
    norms.extend(out.iter().map(|t| t.norm));
    lexicon.mark(norms, marks);
    for (t, &m) in out.iter_mut().zip(marks.iter()) {
        t.gaz = m;
        t.cluster = clusters.get(t.word);
    }
}

// Template numbers (values are arbitrary but fixed: they are in the model).
const T_BIAS: u64 = 1;
const T_WORD: u64 = 2;
const T_NORM: [u64; 5] = [3, 4, 5, 6, 7]; // offsets -2..=2
const T_BI_PREV: u64 = 8;
const T_BI_NEXT: u64 = 9;
const T_SHAPE: u64 = 10;
const T_SHORT: [u64; 5] = [11, 12, 13, 14, 15];
const T_SHORT_TRI: u64 = 16;
const T_SHORT_PREV: u64 = 17;
const T_SHORT_NEXT: u64 = 18;
const T_PRE: [u64; 4] = [19, 20, 21, 22];
const T_SUF: [u64; 4] = [23, 24, 25, 26];
const T_FIRST: u64 = 27;
const T_CAP_TRI: u64 = 28;
const T_PREVW_SHORT: u64 = 29;
const T_SHORT_NEXTW: u64 = 30;
const T_GAZ: [u64; 3] = [31, 32, 33]; // offsets -1, 0, +1
const T_P1: u64 = 40;
const T_P12: u64 = 41;
const T_P1_NORM: u64 = 42;
const T_P1_SHORT: u64 = 43;
const T_HIST: u64 = 44;
const T_HIST_CAP: u64 = 45;
const T_GAZ_CAP: u64 = 46;
const T_FIRST_NORM: u64 = 47;
const T_FINE: [u64; 3] = [50, 51, 52]; // offsets -1, 0, +1
const T_COARSE: u64 = 53;
const T_FINE_CAP: u64 = 54;
const T_COARSE_NEXT: u64 = 55;

const BOS: u64 = 0x5eed_0001;
const EOS: u64 = 0x5eed_0002;

#[inline]
fn f1(t: u64, a: u64) -> u32 {
    hash::key(hash::mix(t, a))
}

#[inline]
fn f2(t: u64, a: u64, b: u64) -> u32 {
    hash::key(hash::mix(hash::mix(t, a), b))
}

#[inline]
fn f3(t: u64, a: u64, b: u64, c: u64) -> u32 {
    hash::key(hash::mix(hash::mix(hash::mix(t, a), b), c))
}

/// Features of position `i` that depend only on the words; appended to `out`.
pub(crate) fn static_keys(infos: &[TokInfo], i: usize, out: &mut Vec<u32>) {
    static_keys_at(infos, i, i == 0, out);
}

/// [`static_keys`] for `infos` that may be a stretch of a sentence: `first`
/// tells whether position `i` starts the sentence (the stretch's own edges
/// read as sentence edges, so a stretch must carry two words of context on
/// each side that lies inside the sentence).
pub(crate) fn static_keys_at(infos: &[TokInfo], i: usize, first: bool, out: &mut Vec<u32>) {
    let bos = TokInfo::pad(BOS);
    let eos = TokInfo::pad(EOS);
    let at = |d: isize| -> &TokInfo {
        let j = i as isize + d;
        if j < 0 {
            &bos
        } else {
            infos.get(j as usize).unwrap_or(&eos)
        }
    };
    let (m2, m1, c, p1, p2) = (at(-2), at(-1), at(0), at(1), at(2));
    out.push(f1(T_BIAS, 0));
    out.push(f1(T_WORD, c.word));
    for (k, t) in [m2, m1, c, p1, p2].iter().enumerate() {
        out.push(f1(T_NORM[k], t.norm));
        out.push(f1(T_SHORT[k], t.short));
    }
    out.push(f2(T_BI_PREV, m1.norm, c.norm));
    out.push(f2(T_BI_NEXT, c.norm, p1.norm));
    out.push(f1(T_SHAPE, c.shape));
    out.push(f3(T_SHORT_TRI, m1.short, c.short, p1.short));
    out.push(f2(T_SHORT_PREV, m1.short, c.short));
    out.push(f2(T_SHORT_NEXT, c.short, p1.short));
    for k in 0..4 {
        if c.pre[k] != 0 {
            out.push(f1(T_PRE[k], c.pre[k]));
        }
        if c.suf[k] != 0 {
            out.push(f1(T_SUF[k], c.suf[k]));
        }
    }
    out.push(f2(T_FIRST, u64::from(first), c.short));
    if first {
        out.push(f1(T_FIRST_NORM, c.norm));
    }
    out.push(f3(T_CAP_TRI, m1.cap as u64, c.cap as u64, p1.cap as u64));
    out.push(f2(T_PREVW_SHORT, m1.norm, c.short));
    out.push(f2(T_SHORT_NEXTW, c.short, p1.norm));
    let fine = |t: &TokInfo| t.cluster.map_or(1000 + t.cap as u64, |c| u64::from(c.0));
    let coarse = |t: &TokInfo| t.cluster.map_or(1000 + t.cap as u64, |c| u64::from(c.1));
    for (k, t) in [m1, c, p1].iter().enumerate() {
        out.push(f1(T_FINE[k], fine(t)));
    }
    out.push(f1(T_COARSE, coarse(c)));
    out.push(f2(T_FINE_CAP, fine(c), c.cap as u64));
    out.push(f2(T_COARSE_NEXT, coarse(c), coarse(p1)));
    for (k, t) in [m1, c, p1].iter().enumerate() {
        let mut bits = t.gaz;
        while bits != 0 {
            let b = u64::from(bits.trailing_zeros());
            out.push(f1(T_GAZ[k], b));
            if k == 1 {
                out.push(f2(T_GAZ_CAP, b, c.cap as u64));
            }
            bits &= bits - 1;
        }
    }
}

/// Features of position `i` that depend on earlier decisions: the two
/// previous tags (`u8::MAX` before the sentence) and `hist`, the label last
/// given to this word earlier in the document (0: never seen capitalised).
/// The same keys as [`transition_keys`] + [`word_tag_keys`] + [`history_keys`].
pub(crate) fn dynamic_keys(info: &TokInfo, prev: u8, prev2: u8, hist: u8, out: &mut Vec<u32>) {
    out.extend_from_slice(&transition_keys(prev, prev2));
    out.extend_from_slice(&word_tag_keys(info, prev));
    history_keys(info, hist, out);
}

/// Features of the previous two tags alone (the same for every word).
pub(crate) fn transition_keys(prev: u8, prev2: u8) -> [u32; 2] {
    [
        f1(T_P1, u64::from(prev)),
        f2(T_P12, u64::from(prev2), u64::from(prev)),
    ]
}

/// Features of the previous tag with this word.
#[inline]
pub(crate) fn word_tag_keys(info: &TokInfo, prev: u8) -> [u32; 2] {
    [
        f2(T_P1_NORM, u64::from(prev), info.norm),
        f2(T_P1_SHORT, u64::from(prev), info.short),
    ]
}

/// Features of what the document said earlier about this word.
pub(crate) fn history_keys(info: &TokInfo, hist: u8, out: &mut Vec<u32>) {
    if hist != 0 {
        out.push(f1(T_HIST, u64::from(hist)));
        out.push(f2(T_HIST_CAP, u64::from(hist), info.cap as u64));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalisation_classes() {
        assert_eq!(tok_info("Paris").cap, Cap::Initial);
        assert_eq!(tok_info("NATO").cap, Cap::All);
        assert_eq!(tok_info("McDonald").cap, Cap::Mixed);
        assert_eq!(tok_info("said").cap, Cap::Lower);
        assert_eq!(tok_info("1996").cap, Cap::NoLetter);
        assert_eq!(tok_info("A").cap, Cap::Initial);
    }

    #[test]
    fn shapes_and_affixes() {
        assert_eq!(tok_info("Brussels").short, tok_info("Paris").short);
        assert_ne!(tok_info("Ab").shape, tok_info("Paris").shape);
        assert_eq!(tok_info("1996-08-22").shape, tok_info("2003-11-02").shape);
        assert_eq!(tok_info("Germany").suf[1], tok_info("colony").suf[1]);
        assert_eq!(tok_info("ab").pre[3], 0);
    }

    #[test]
    fn raw_text_forms_read_like_reuters_tokens() {
        assert_eq!(tok_info("Blair's").word, tok_info("Blair").word);
        assert_eq!(tok_info("Blair’s").norm, tok_info("blair").norm);
        assert_eq!(tok_info("“").word, tok_info("\"").word);
        assert_eq!(possessive_len("Blair’s"), "’s".len());
        assert_eq!(possessive_len("'s"), 0);
    }

    #[test]
    fn keys_depend_on_neighbours() {
        let a: Vec<TokInfo> = ["Mr", "Smith", "said"]
            .iter()
            .map(|w| tok_info(w))
            .collect();
        let b: Vec<TokInfo> = ["in", "Smith", "said"]
            .iter()
            .map(|w| tok_info(w))
            .collect();
        let (mut ka, mut kb) = (Vec::new(), Vec::new());
        static_keys(&a, 1, &mut ka);
        static_keys(&b, 1, &mut kb);
        assert_eq!(ka.len(), kb.len());
        assert!(ka.iter().zip(&kb).any(|(x, y)| x != y));
        assert_eq!(ka[1], kb[1], "the word feature itself is the same");
    }
}
