//! Allocation-free hashing of token strings and feature templates.
//!
//! Strings are hashed with FNV-1a, one byte (or one lowercased character) at a
//! time, so prefixes and suffixes come out of the same pass; features combine
//! a template number with one or more value hashes through [`mix`], and are
//! stored under the 32-bit [`key`] of that hash.

/// FNV-1a offset basis: the hash of the empty string.
pub(crate) const EMPTY: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Feed one byte.
#[inline]
pub(crate) fn byte(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(PRIME)
}

/// Feed one character (as its UTF-8 bytes).
#[inline]
pub(crate) fn char(h: u64, c: char) -> u64 {
    let mut buf = [0u8; 4];
    c.encode_utf8(&mut buf).bytes().fold(h, byte)
}

/// Hash of a whole string.
pub(crate) fn str(s: &str) -> u64 {
    s.bytes().fold(EMPTY, byte)
}

/// Combine two hashes (order matters).
#[inline]
pub(crate) fn mix(a: u64, b: u64) -> u64 {
    let h = (a ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 29)
}

/// The 32-bit key a feature is stored under (never 0, which marks an empty slot).
#[inline]
pub(crate) fn key(h: u64) -> u32 {
    let k = ((h >> 32) as u32) ^ (h as u32);
    if k == 0 {
        1
    } else {
        k
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_feeding_matches_byte_feeding() {
        let by_char = "Zürich".chars().fold(EMPTY, char);
        assert_eq!(by_char, str("Zürich"));
        assert_ne!(str("Paris"), str("paris"));
        assert_ne!(mix(1, 2), mix(2, 1));
        assert_ne!(key(0), 0);
    }
}
