//! dyad-quotes: the quotes stage (direct and indirect reported speech).
//!
//! Not implemented yet: [`QuoteTagger::annotate`] leaves `quotes` empty.

use dyad_core::Document;

/// Finds reported speech and its speakers.
#[derive(Debug, Default)]
pub struct QuoteTagger {}

impl QuoteTagger {
    pub fn new() -> Self {
        QuoteTagger {}
    }

    /// Fill `doc.quotes` (uses `doc.sentences` and `doc.entities`).
    pub fn annotate(&self, doc: &mut Document) {
        let _ = doc;
    }
}
