//! Stable document identifiers.

use sha2::{Digest, Sha256};

/// A stable id for an article body: the first 16 hex digits of the SHA-256 of
/// the body with its whitespace folded (runs of whitespace become one space,
/// leading/trailing whitespace dropped). Re-scraping the same article with
/// different line wrapping gives the same id.
pub fn content_id(body: &str) -> String {
    let mut hasher = Sha256::new();
    let mut first = true;
    for word in body.split_whitespace() {
        if !first {
            hasher.update(b" ");
        }
        hasher.update(word.as_bytes());
        first = false;
    }
    let digest = hasher.finalize();
    let mut out = String::with_capacity(16);
    for byte in digest.iter().take(8) {
        out.push_str(&format!("{byte:02x}"));
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
        assert_eq!(a.len(), 16);
        assert_ne!(a, content_id("The Kremlin said it was too late."));
    }
}
