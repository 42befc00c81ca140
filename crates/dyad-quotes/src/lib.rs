//! dyad-quotes: the quotes stage (direct and indirect reported speech).
//!
//! [`QuoteTagger`] finds attributions — source, cue and content, after the
//! PolNeAR scheme — and writes them to `Document::quotes`: one
//! [`dyad_core::Quote`] per content fragment, plus one per quoted phrase
//! inside indirect speech. Cues come from `data/quotes/cues.txt`, function
//! words from `data/quotes/words.txt`; both are embedded.

pub mod attribution;
pub mod finder;
pub mod lexicon;
pub mod marks;
pub mod sentence;
pub mod speaker;
pub mod words;

use dyad_core::{Document, Quote, Span};

pub use attribution::Attribution;
pub use lexicon::{CueClass, CueLexicon, LexiconError};
pub use words::{Words, WordsError};

/// Finds reported speech and its speakers.
#[derive(Debug, Clone)]
pub struct QuoteTagger {
    lexicon: CueLexicon,
    words: Words,
}

impl Default for QuoteTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl QuoteTagger {
    /// A tagger with the embedded lexicons.
    pub fn new() -> Self {
        QuoteTagger {
            lexicon: CueLexicon::embedded(),
            words: Words::embedded(),
        }
    }

    /// A tagger with other lexicons (same formats as the embedded files).
    pub fn with_lexicons(cues: &str, words: &str) -> Result<Self, QuotesError> {
        Ok(QuoteTagger {
            lexicon: CueLexicon::parse(cues)?,
            words: Words::parse(words)?,
        })
    }

    /// The attributions of a document, with speakers, in text order (uses
    /// `doc.sentences`, `doc.paragraphs` and `doc.entities`).
    pub fn attributions(&self, doc: &Document) -> Vec<Attribution> {
        let mut found = finder::Finder::new(doc, &self.lexicon, &self.words).find();
        speaker::resolve(doc, &self.words, &mut found);
        found
    }

    /// Fill `doc.quotes`.
    pub fn annotate(&self, doc: &mut Document) {
        let attrs = self.attributions(doc);
        doc.quotes = to_quotes(doc, &attrs);
    }
}

/// An error in a custom lexicon.
#[derive(Debug, thiserror::Error)]
pub enum QuotesError {
    #[error("cue lexicon: {0}")]
    Cues(#[from] LexiconError),
    #[error("word classes: {0}")]
    Words(#[from] WordsError),
}

/// One quote per content fragment; quoted phrases inside indirect speech
/// come as extra direct quotes with the same cue and speaker.
pub fn to_quotes(doc: &Document, attrs: &[Attribution]) -> Vec<Quote> {
    let mut out = Vec::new();
    for a in attrs {
        let make = |span: Span, direct: bool| Quote {
            text: doc.span_text(span).to_string(),
            start: span.start,
            end: span.end,
            direct,
            cue: a.cue.map(|c| doc.span_text(c).to_string()),
            cue_start: a.cue.map(|c| c.start),
            cue_end: a.cue.map(|c| c.end),
            speaker: a.speaker.clone(),
            speaker_entity: a.speaker_entity.clone(),
            speaker_start: a.speaker_span.map(|s| s.start),
            speaker_end: a.speaker_span.map(|s| s.end),
        };
        for c in &a.content {
            out.push(make(*c, a.direct));
        }
        for p in &a.partial {
            out.push(make(*p, true));
        }
    }
    out.sort_by_key(|q| (q.start, std::cmp::Reverse(q.end)));
    out
}
