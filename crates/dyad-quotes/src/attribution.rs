//! The attribution record the finder produces: source, cue and content spans
//! (the content possibly in several fragments), before it becomes
//! [`dyad_core::Quote`]s.

use dyad_core::Span;

/// One act of reported speech.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Attribution {
    /// Who spoke, as written ("Kremlin spokesman Dmitry Peskov", "he").
    pub source: Option<Span>,
    /// The cue ("said", "told", "according to").
    pub cue: Option<Span>,
    /// What was said, in text order: one span, or several for split and
    /// multi-paragraph quotes.
    pub content: Vec<Span>,
    /// True when the content is quoted words.
    pub direct: bool,
    /// True when the speaker comes from the previous attribution (a quote
    /// with no cue of its own).
    pub inherited: bool,
    /// Quoted words inside an indirect content ("the \"low level of trust\"").
    pub partial: Vec<Span>,
    /// The speaker's name (entity name, or the source as written, pronouns
    /// resolved).
    pub speaker: Option<String>,
    /// The speaker's entity id, when the actors stage ran.
    pub speaker_entity: Option<String>,
    /// The source span the speaker was taken from: `source`, or for a
    /// cue-less quote the source of the attribution it continues.
    pub speaker_span: Option<Span>,
}

impl Attribution {
    /// An attribution of one content span with its cue and, when found, its
    /// source; not direct, no speaker yet.
    pub fn indirect(source: Option<Span>, cue: Span, content: Span) -> Self {
        Attribution {
            source,
            cue: Some(cue),
            content: vec![content],
            ..Attribution::default()
        }
    }

    /// The first byte any of its spans covers.
    pub fn start(&self) -> usize {
        let mut s = self.content.first().map_or(usize::MAX, |c| c.start);
        if let Some(src) = self.source {
            s = s.min(src.start);
        }
        if let Some(cue) = self.cue {
            s = s.min(cue.start);
        }
        s
    }

    /// The last byte any of its spans covers.
    pub fn end(&self) -> usize {
        let mut e = self.content.last().map_or(0, |c| c.end);
        if let Some(src) = self.source {
            e = e.max(src.end);
        }
        if let Some(cue) = self.cue {
            e = e.max(cue.end);
        }
        e
    }
}
