//! dyad-code: the events stage. Codes who did what to whom, when, as CAMEO
//! events with Goldstein score, GDELT QuadClass and PLOVER type and mode.
//!
//! Data (embedded, parsed at start-up; formats in `data/events/README.md`):
//! `cameo.txt` (code table), `patterns.txt` (event patterns), `verbs.txt`
//! (verb inflections), `discards.txt` (sports, disasters, metaphors),
//! `anchors.txt` (event nouns that date events across sentences).
//! Imported dictionaries: [`tabari`] (TABARI projects) and [`petrarch`];
//! [`conventions`] makes the coder follow TABARI's rules (one event per
//! clause, passive voice, `<TIME>` shifts, `DEFAULT:` actors, complexity)
//! when a project's options ask for them.
//! An Aho-Corasick prefilter over the trigger words means only sentences
//! with a trigger do any work.

pub mod actors;
pub mod coder;
pub mod codes;
pub mod conventions;
pub mod dict;
pub mod discourse_dates;
pub mod error;
pub mod flags;
pub mod inflect;
pub mod matcher;
pub mod petrarch;
pub mod sentence;
pub mod tabari;

use dyad_core::Document;

pub use coder::Coder;
pub use codes::{CodeInfo, CodeTable};
pub use error::CodeError;

/// Codes events from sentences, entities, quotes and time expressions.
#[derive(Debug)]
pub struct EventCoder {
    coder: Coder,
    anchors: discourse_dates::Anchors,
    /// PETRARCH behaviour after coding (set for PETRARCH dictionaries):
    /// dictionary codes taken literally, events without both actors dropped.
    petrarch: Option<petrarch::RuleCodes>,
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
            coder: Coder {
                codes,
                matcher,
                conventions: None,
            },
            anchors: discourse_dates::Anchors::embedded(),
            petrarch: None,
        })
    }

    /// Code as PETRARCH does with its dictionaries: each rule's code as
    /// written (no shift of planned or possible actions, see
    /// [`petrarch::literal_codes`]) and only events with a source and a
    /// target ([`petrarch::require_dyad`]). `rules` is
    /// [`petrarch::LoadReport::rules`].
    pub fn with_petrarch_rules(mut self, rules: petrarch::RuleCodes) -> Self {
        self.petrarch = Some(rules);
        self
    }

    /// Code with TABARI's conventions ([`conventions::Conventions`]: one
    /// event per clause, `?`/`!` ranks, passive voice, `<TIME>` shifts,
    /// `DEFAULT:` actors, `COMPLEX:` limits …), e.g. from a TABARI project's
    /// options ([`tabari::Options::set_conventions`]).
    pub fn with_conventions(mut self, c: conventions::Conventions) -> Self {
        self.coder.conventions = Some(c);
        self
    }

    /// The conventions set with [`EventCoder::with_conventions`], to change
    /// between documents (a TABARI `OPTION` record).
    pub fn conventions_mut(&mut self) -> Option<&mut conventions::Conventions> {
        self.coder.conventions.as_mut()
    }

    /// [`EventCoder::annotate`], returning the sentences the conventions
    /// judged complex or discarded (no events are coded in them).
    pub fn annotate_with_verdicts(
        &self,
        doc: &mut Document,
    ) -> Vec<(dyad_core::Span, conventions::Verdict)> {
        let mut verdicts = Vec::new();
        let mut events = self.coder.code_with_verdicts(doc, None, &mut verdicts);
        discourse_dates::date_from_discourse(doc, &self.anchors, &mut events);
        doc.events = events;
        self.apply_petrarch_rules(doc);
        verdicts
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
    /// Events whose sentence has no date are then dated from the rest of the
    /// article ([`discourse_dates`]).
    pub fn annotate(&self, doc: &mut Document) {
        let mut events = self.coder.code(doc, None);
        discourse_dates::date_from_discourse(doc, &self.anchors, &mut events);
        doc.events = events;
        self.apply_petrarch_rules(doc);
    }

    fn apply_petrarch_rules(&self, doc: &mut Document) {
        if let Some(rules) = &self.petrarch {
            petrarch::literal_codes(doc, rules, &self.coder.codes);
            petrarch::require_dyad(doc);
        }
    }

    /// Code `doc` and explain each decision, one line each (for `dyad explain`).
    pub fn explain(&self, doc: &mut Document) -> Vec<String> {
        let mut trace = Vec::new();
        let mut events = self.coder.code(doc, Some(&mut trace));
        discourse_dates::date_from_discourse(doc, &self.anchors, &mut events);
        doc.events = events;
        self.apply_petrarch_rules(doc);
        trace
    }
}
