//! The configured chain of annotation stages.

use chrono::NaiveDate;
use dyad_actors::ActorTagger;
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
            fallback_published: None,
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
}

impl Pipeline {
    /// Build the pipeline (loads dictionaries of the enabled stages).
    pub fn new(options: PipelineOptions) -> Self {
        Pipeline {
            options,
            actors: ActorTagger::new(),
            quotes: QuoteTagger::new(),
            time: TimeTagger::new(),
        }
    }

    /// Run every enabled stage on `doc`, replacing earlier annotations.
    pub fn annotate(&self, doc: &mut Document) {
        if doc.reference_date.is_none() {
            doc.reference_date = doc
                .published
                .or(self.options.fallback_published)
                .or_else(|| doc.dateline.as_ref().and_then(|d| d.date));
        }
        doc.sentences = split_sentences(&doc.text);
        if self.options.actors {
            self.actors.annotate(doc);
        }
        if self.options.quotes {
            self.quotes.annotate(doc);
        }
        if self.options.time {
            self.time.annotate(doc);
        }
    }
}
