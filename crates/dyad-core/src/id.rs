//! Stable document identifiers.

use xxhash_rust::xxh3::xxh3_128;

/// A stable id for an article body: the XXH3-128 hash (a fixed, specified
/// algorithm, so ids never change between versions or machines) of the body
/// with its ASCII whitespace folded — runs of whitespace count as one space
/// and leading/trailing whitespace is ignored — as 32 hex digits. Re-scraping
/// the same article with different line wrapping gives the same id.
pub fn content_id(body: &str) -> String {
    format!("{:032x}", xxh3_128(&fold_whitespace(body)))
}

/// The bytes of `text` with every run of ASCII whitespace replaced by one
/// space, and no leading or trailing space. (Other Unicode spaces, such as a
/// no-break space, count as text.)
fn fold_whitespace(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for word in text
        .as_bytes()
        .split(u8::is_ascii_whitespace)
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_ignores_whitespace_layout() {
        let a = content_id("The Kremlin said\nit was too early.");
        let b = content_id("  The Kremlin  said it was\ttoo early. ");
        assert_eq!(a, b);
        assert_eq!(a.len(), 32);
        assert_ne!(a, content_id("The Kremlin said it was too late."));
    }

    #[test]
    fn ascii_whitespace_runs_fold() {
        assert_eq!(fold_whitespace(" a \t\r\n b\n"), b"a b".to_vec());
        assert_eq!(
            fold_whitespace("caf\u{e9}  au\u{a0}lait"),
            "caf\u{e9} au\u{a0}lait".as_bytes().to_vec()
        );
    }

    #[test]
    fn id_is_fixed_across_versions() {
        // XXH3-128 of "abc": a published test vector of the algorithm.
        assert_eq!(content_id("abc"), "06b05ab6733a618578af5f94892f3950");
    }
}
