//! dyad-code: the events stage. Codes who did what to whom, when, as CAMEO
//! events with Goldstein score, GDELT QuadClass and PLOVER type and mode.
//!
//! Data (embedded, parsed at start-up; formats in `data/events/README.md`):
//! `cameo.txt` (code table), `patterns.txt` (event patterns), `verbs.txt`
//! (verb inflections), `discards.txt` (sports, disasters, metaphors).
//! An Aho-Corasick prefilter over the trigger words means only sentences
//! with a trigger do any work.

pub mod actors;
pub mod coder;
pub mod codes;
pub mod dict;
pub mod error;
pub mod flags;
pub mod inflect;
pub mod matcher;
pub mod sentence;

use dyad_core::Document;

pub use coder::Coder;
pub use codes::{CodeInfo, CodeTable};
pub use error::CodeError;

/// Codes events from sentences, entities, quotes and time expressions.
#[derive(Debug)]
pub struct EventCoder {
    coder: Coder,
}

impl Default for EventCoder {
    fn default() -> Self {
        EventCoder::new()
    }
}

impl EventCoder {
    /// The coder with the embedded dictionaries.
    pub fn new() -> Self {
        let inflector = inflect::Inflector::embedded();
        let patterns = dict::parse_patterns("patterns.txt", dict::DEFAULT_PATTERNS, &inflector)
            .expect("embedded data/events/patterns.txt is valid (guarded by a test)");
        let discards = dict::parse_discards("discards.txt", dict::DEFAULT_DISCARDS)
            .expect("embedded data/events/discards.txt is valid (guarded by a test)");
        EventCoder::with_dictionaries(CodeTable::embedded(), patterns, discards)
            .expect("embedded dictionaries compile (guarded by a test)")
    }

    /// A coder from parsed dictionaries (for importers and tests).
    pub fn with_dictionaries(
        codes: CodeTable,
        patterns: Vec<dict::Pattern>,
        discards: Vec<dict::Discard>,
    ) -> Result<Self, CodeError> {
        let matcher = matcher::Matcher::new(patterns, discards)?;
        Ok(EventCoder {
            coder: Coder { codes, matcher },
        })
    }

    /// The code table.
    pub fn codes(&self) -> &CodeTable {
        &self.coder.codes
    }

    /// Number of patterns loaded.
    pub fn pattern_count(&self) -> usize {
        self.coder.matcher.patterns.len()
    }

    /// Fill `doc.events` (uses sentences, entities, quotes, timexes).
    pub fn annotate(&self, doc: &mut Document) {
        doc.events = self.coder.code(doc, None);
    }

    /// Code `doc` and explain each decision, one line each (for `dyad explain`).
    pub fn explain(&self, doc: &mut Document) -> Vec<String> {
        let mut trace = Vec::new();
        doc.events = self.coder.code(doc, Some(&mut trace));
        trace
    }
}
