//! dyad-actors: the actors stage (people, organisations, states; CAMEO codes).
//!
//! Not implemented yet: [`ActorTagger::annotate`] leaves `entities` empty.

pub mod ner;

use dyad_core::Document;

/// Recognises, codes and resolves actors.
#[derive(Debug, Default)]
pub struct ActorTagger {}

impl ActorTagger {
    pub fn new() -> Self {
        ActorTagger {}
    }

    /// Fill `doc.entities`.
    pub fn annotate(&self, doc: &mut Document) {
        let _ = doc;
    }
}
