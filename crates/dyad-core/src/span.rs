//! Byte spans into a document's `text`.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into `Document::text`.
///
/// Offsets are UTF-8 byte offsets (what Rust's `str` slicing uses), and both
/// ends always fall on character boundaries. In Python, slice
/// `text.encode()[start:end].decode()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (`start <= end`).
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The text this span covers, or `None` when it is out of range or not on
    /// character boundaries.
    pub fn slice<'a>(&self, text: &'a str) -> Option<&'a str> {
        text.get(self.start..self.end)
    }

    /// True when `other` lies entirely inside `self`.
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slice_respects_char_boundaries() {
        let text = "MOSCOW • The Kremlin";
        let bullet = Span::new(7, 10);
        assert_eq!(bullet.slice(text), Some("•"));
        assert_eq!(Span::new(7, 8).slice(text), None);
    }

    #[test]
    fn overlap_and_containment() {
        let a = Span::new(0, 10);
        let b = Span::new(5, 15);
        assert!(a.overlaps(&b));
        assert!(!a.contains(&b));
        assert!(a.contains(&Span::new(2, 3)));
        assert!(!Span::new(0, 5).overlaps(&Span::new(5, 6)));
    }
}
