//! Gazetteers: the word lists in `data/ner/` (countries, cities, demonyms,
//! first names, organisation words…), compiled into a hash of token
//! sequences, and matched over a sentence to give each token the list
//! classes it belongs to with its BILU position in the longest match.
//!
//! Lists are line based: one entry per line, tokens separated by spaces,
//! `#` starts a comment. Matching is on normalised tokens (lowercase,
//! digits as `0`, one trailing period dropped), so "U.S." matches "U.S".

use super::decode::IdMap;
use super::hash;

/// One gazetteer file: its name (used in docs and provenance) and its text.
struct ListFile {
    name: &'static str,
    text: &'static str,
}

/// The lists, in class order (the class number is the feature's value, so
/// reordering or editing them needs a retrained model).
const LISTS: &[ListFile] = &[
    ListFile {
        name: "countries",
        text: include_str!("../../../../data/ner/countries.txt"),
    },
    ListFile {
        name: "places",
        text: include_str!("../../../../data/ner/places.txt"),
    },
    ListFile {
        name: "place-words",
        text: include_str!("../../../../data/ner/place-words.txt"),
    },
    ListFile {
        name: "demonyms",
        text: include_str!("../../../../data/ner/demonyms.txt"),
    },
    ListFile {
        name: "first-names",
        text: include_str!("../../../../data/ner/first-names.txt"),
    },
    ListFile {
        name: "person-cues",
        text: include_str!("../../../../data/ner/person-cues.txt"),
    },
    ListFile {
        name: "organisations",
        text: include_str!("../../../../data/ner/organisations.txt"),
    },
    ListFile {
        name: "org-words",
        text: include_str!("../../../../data/ner/org-words.txt"),
    },
    ListFile {
        name: "misc",
        text: include_str!("../../../../data/ner/misc.txt"),
    },
    ListFile {
        name: "not-names",
        text: include_str!("../../../../data/ner/not-names.txt"),
    },
];

/// Longest entry, in tokens.
const MAX_LEN: usize = 6;
/// Bit set on a sequence that starts a longer entry.
const PREFIX_BIT: u16 = 1 << 15;

/// Number of list classes.
pub(crate) const N_CLASSES: usize = LISTS.len();

/// Compiled gazetteers.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Hash of a normalised token sequence → class bits (and [`PREFIX_BIT`]).
    entries: IdMap<u64, u16>,
    /// Hash of all list texts (part of the model's fingerprint).
    pub(crate) digest: u64,
}

/// Hash of a normalised token, as [`super::features`] computes it.
pub(crate) fn norm_hash(word: &str) -> u64 {
    let body = match word.strip_suffix('.') {
        Some(b) if !b.is_empty() => b,
        _ => word,
    };
    let mut h = hash::EMPTY;
    for c in body.chars() {
        if c.is_ascii_digit() {
            h = hash::byte(h, b'0');
        } else if c.is_ascii() {
            h = hash::byte(h, c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                h = hash::char(h, l);
            }
        }
    }
    h
}

/// Hash of a token sequence from its token hashes.
#[inline]
fn seq(h: u64, token: u64) -> u64 {
    hash::mix(h, token)
}

impl Lexicon {
    /// Compile the embedded lists.
    pub(crate) fn embedded() -> Self {
        let mut entries: IdMap<u64, u16> = IdMap::default();
        let mut digest = hash::EMPTY;
        for (class, list) in LISTS.iter().enumerate() {
            digest = hash::mix(digest, hash::str(list.name));
            for line in list.text.lines() {
                let line = line.split('#').next().unwrap_or("").trim();
                if line.is_empty() {
                    continue;
                }
                let tokens: Vec<&str> = line.split_whitespace().take(MAX_LEN).collect();
                let mut h = hash::EMPTY;
                for (i, t) in tokens.iter().enumerate() {
                    h = seq(h, norm_hash(t));
                    digest = hash::mix(digest, h);
                    let bits = entries.entry(h).or_insert(0);
                    if i + 1 == tokens.len() {
                        *bits |= 1 << class;
                    } else {
                        *bits |= PREFIX_BIT;
                    }
                }
                digest = hash::mix(digest, class as u64);
            }
        }
        Lexicon { entries, digest }
    }

    /// For each token (given by its normalised hash), a bit set of
    /// `class * 4 + position` (B=0, I=1, L=2, U=3) for the longest match of
    /// each class covering it.
    pub(crate) fn mark(&self, norms: &[u64], out: &mut Vec<u64>) {
        out.clear();
        out.resize(norms.len(), 0);
        // Per class, the end of the last match taken (matches don't overlap
        // within a class; the longest from the leftmost start wins).
        let mut taken_until = [0usize; N_CLASSES];
        for start in 0..norms.len() {
            let mut h = hash::EMPTY;
            let mut best_end = [0usize; N_CLASSES];
            for (end, &n) in norms.iter().enumerate().skip(start).take(MAX_LEN) {
                h = seq(h, n);
                let Some(&bits) = self.entries.get(&h) else {
                    break;
                };
                for (class, best) in best_end.iter_mut().enumerate() {
                    if bits & (1 << class) != 0 {
                        *best = end + 1;
                    }
                }
                if bits & PREFIX_BIT == 0 {
                    break;
                }
            }
            for class in 0..N_CLASSES {
                let end = best_end[class];
                if end == 0 || start < taken_until[class] {
                    continue;
                }
                taken_until[class] = end;
                let base = class * 4;
                if end - start == 1 {
                    out[start] |= 1 << (base + 3);
                } else {
                    out[start] |= 1 << base;
                    for bits in &mut out[start + 1..end - 1] {
                        *bits |= 1 << (base + 1);
                    }
                    out[end - 1] |= 1 << (base + 2);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marks(words: &[&str]) -> Vec<u64> {
        let lex = Lexicon::embedded();
        let norms: Vec<u64> = words.iter().map(|w| norm_hash(w)).collect();
        let mut out = Vec::new();
        lex.mark(&norms, &mut out);
        out
    }

    fn class_of(name: &str) -> usize {
        LISTS
            .iter()
            .position(|l| l.name == name)
            .expect("list exists")
    }

    #[test]
    fn multi_word_entries_get_bilu_positions() {
        let m = marks(&["visited", "New", "York", "and", "FRANCE", "."]);
        let country = class_of("countries");
        let place = class_of("places");
        assert_ne!(m[1] & (1 << (place * 4)), 0, "New = B-place");
        assert_ne!(m[2] & (1 << (place * 4 + 2)), 0, "York = L-place");
        assert_ne!(m[4] & (1 << (country * 4 + 3)), 0, "FRANCE = U-country");
        assert_eq!(m[0], 0);
    }

    #[test]
    fn normalisation_ignores_case_digits_and_final_period() {
        assert_eq!(norm_hash("U.S."), norm_hash("u.s"));
        assert_eq!(norm_hash("1996"), norm_hash("2003"));
        assert_eq!(norm_hash("."), hash::str("."));
        assert_eq!(norm_hash("ZÜRICH"), norm_hash("zürich"));
    }
}
