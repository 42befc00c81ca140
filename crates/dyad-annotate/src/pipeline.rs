//! The configured chain of annotation stages.

use chrono::NaiveDate;
use dyad_actors::ActorTagger;
use dyad_code::EventCoder;
use dyad_core::Document;
use dyad_quotes::QuoteTagger;
use dyad_time::TimeTagger;

use crate::sentences::split_sentences;

/// Which stages to run.
#[derive(Debug, Clone)]
pub struct PipelineOptions {
    pub actors: bool,
    pub quotes: bool,
    pub time: bool,
    pub events: bool,
    /// Reference date for documents that give no publication date
    /// (`--published`); the dateline's date comes after it.
    pub fallback_published: Option<NaiveDate>,
}

impl Default for PipelineOptions {
    fn default() -> Self {
        PipelineOptions {
            actors: true,
            quotes: true,
            time: true,
            events: true,
            fallback_published: None,
        }
    }
}

/// One annotation stage, for running (or timing) stages one at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    Sentences,
    Actors,
    Quotes,
    Time,
    Events,
}

impl Stage {
    /// All stages in pipeline order.
    pub const ALL: [Stage; 5] = [
        Stage::Sentences,
        Stage::Actors,
        Stage::Quotes,
        Stage::Time,
        Stage::Events,
    ];

    pub fn name(&self) -> &'static str {
        match self {
            Stage::Sentences => "sentences",
            Stage::Actors => "actors",
            Stage::Quotes => "quotes",
            Stage::Time => "time",
            Stage::Events => "events",
        }
    }
}

/// Loaded annotation stages.
#[derive(Debug)]
pub struct Pipeline {
    options: PipelineOptions,
    actors: ActorTagger,
    quotes: QuoteTagger,
    time: TimeTagger,
    events: EventCoder,
}

impl Pipeline {
    /// Use this actors tagger (e.g. with user or Phoenix dictionaries
    /// loaded) instead of the built-in one.
    pub fn with_actors(mut self, actors: ActorTagger) -> Self {
        self.actors = actors;
        self
    }

    /// Use this event coder (e.g. one built from PETRARCH or TABARI verb
    /// dictionaries) instead of the built-in one.
    pub fn with_events(mut self, events: EventCoder) -> Self {
        self.events = events;
        self
    }

    /// Build the pipeline (loads dictionaries of the enabled stages). The
    /// actors stage uses dyad's dictionaries and the embedded NER model
    /// (`ActorTagger::new`, parsed once per process); replace it with
    /// [`Pipeline::with_actors`], e.g. `ActorTagger::new().without_ner()`
    /// for dictionaries and rules only.
    pub fn new(options: PipelineOptions) -> Self {
        Pipeline {
            options,
            actors: ActorTagger::new(),
            quotes: QuoteTagger::new(),
            time: TimeTagger::new(),
            events: EventCoder::new(),
        }
    }

    /// Run every enabled stage on `doc`, replacing earlier annotations.
    pub fn annotate(&self, doc: &mut Document) {
        for stage in Stage::ALL {
            if self.enabled(stage) {
                self.run_stage(stage, doc);
            }
        }
    }

    /// True when the options enable `stage` (sentences always run).
    pub fn enabled(&self, stage: Stage) -> bool {
        match stage {
            Stage::Sentences => true,
            Stage::Actors => self.options.actors,
            Stage::Quotes => self.options.quotes,
            Stage::Time => self.options.time,
            Stage::Events => self.options.events,
        }
    }

    /// Run one stage on `doc` (the stages before it should have run).
    pub fn run_stage(&self, stage: Stage, doc: &mut Document) {
        match stage {
            Stage::Sentences => {
                if doc.reference_date.is_none() {
                    doc.reference_date = doc
                        .published
                        .or(self.options.fallback_published)
                        .or_else(|| doc.dateline.as_ref().and_then(|d| d.date));
                }
                doc.sentences = split_sentences(&doc.text);
            }
            Stage::Actors => self.actors.annotate(doc),
            Stage::Quotes => self.quotes.annotate(doc),
            Stage::Time => self.time.annotate(doc),
            Stage::Events => self.events.annotate(doc),
        }
    }
}
