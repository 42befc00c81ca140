//! dyad-code: the events stage (CAMEO/PLOVER coding).
//!
//! Not implemented yet: [`EventCoder::annotate`] leaves `events` empty.

use dyad_core::Document;

/// Codes events from sentences, entities, quotes and time expressions.
#[derive(Debug, Default)]
pub struct EventCoder {}

impl EventCoder {
    pub fn new() -> Self {
        EventCoder {}
    }

    /// Fill `doc.events` (uses sentences, entities, quotes, timexes).
    pub fn annotate(&self, doc: &mut Document) {
        let _ = doc;
    }
}
