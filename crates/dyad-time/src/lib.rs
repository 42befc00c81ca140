//! dyad-time: the time stage (TIMEX3 recognition and normalisation).
//!
//! Not implemented yet: [`TimeTagger::annotate`] leaves `timexes` empty.

use dyad_core::Document;

/// Finds time expressions and normalises them against the reference date.
#[derive(Debug, Default)]
pub struct TimeTagger {}

impl TimeTagger {
    pub fn new() -> Self {
        TimeTagger {}
    }

    /// Fill `doc.timexes` (and `doc.reference_date`).
    pub fn annotate(&self, doc: &mut Document) {
        let _ = doc;
    }
}
