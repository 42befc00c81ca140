//! Annotation records that the later stages add to a [`crate::Document`]:
//! entities (actors), quotes, time expressions and events.
//!
//! Field names follow the issue specifications and `docs/schema.md`; stages
//! may only add optional fields, so older JSON keeps parsing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What kind of thing an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Country,
    Location,
    Other,
}

/// One occurrence of an entity in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
}

impl Mention {
    pub fn span(&self) -> Span {
        Span::new(self.start, self.end)
    }
}

/// A person, organisation, country or place, with all its mentions resolved
/// within the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// Id unique within the document (`e1`, `e2`…).
    pub id: String,
    /// Canonical name ("Dmitry Peskov", "Russia").
    pub name: String,
    pub kind: EntityKind,
    /// Title or role as written ("Kremlin spokesman").
    #[serde(default)]
    pub title: Option<String>,
    /// CAMEO-style actor code valid on the article's date ("RUSGOV").
    #[serde(default)]
    pub actor: Option<String>,
    pub mentions: Vec<Mention>,
}

/// Reported speech: a direct quote or an indirect statement.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The content as written.
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// True for quoted words, false for indirect (reported) speech.
    pub direct: bool,
    /// The cue ("said", "told reporters", "according to"), when there is one.
    #[serde(default)]
    pub cue: Option<String>,
    #[serde(default)]
    pub cue_start: Option<usize>,
    #[serde(default)]
    pub cue_end: Option<usize>,
    /// Canonical name of the speaker.
    #[serde(default)]
    pub speaker: Option<String>,
    /// Id of the speaker's entity.
    #[serde(default)]
    pub speaker_entity: Option<String>,
    /// Where the speaker is named (the source span; for a quote that
    /// continues an earlier one, that quote's source).
    #[serde(default)]
    pub speaker_start: Option<usize>,
    #[serde(default)]
    pub speaker_end: Option<usize>,
}

/// TIMEX3 type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

/// A time expression normalised as TIMEX3.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 value: `2017-05-11`, `2017-04`, `2017-W19`, `P3D`, `PRESENT_REF`…
    pub value: String,
    /// What the value was resolved against (`"2017-05-12"`, or another
    /// timex's value for "a day after X"), when it is relative.
    #[serde(default)]
    pub anchor: Option<String>,
}

/// Modality of an event: was it said to happen, or only possible, planned…
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    #[default]
    Asserted,
    Hypothetical,
    Future,
    Intent,
}

/// One side (source or target) of an event.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    /// CAMEO actor code ("RUSGOV").
    #[serde(default)]
    pub actor: Option<String>,
    /// Entity id in this document.
    #[serde(default)]
    pub entity: Option<String>,
    /// The text naming the actor.
    #[serde(default)]
    pub text: Option<String>,
}

/// Who did what to whom, when: one coded event with its provenance.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// CAMEO event code ("042").
    pub code: String,
    /// CAMEO root ("04").
    pub root: String,
    /// GDELT QuadClass: 1 verbal cooperation, 2 material cooperation,
    /// 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    pub goldstein: f32,
    #[serde(default)]
    pub plover: Option<String>,
    #[serde(default)]
    pub plover_mode: Option<String>,
    pub source: EventActor,
    pub target: EventActor,
    /// Event date: from a time expression in the sentence, else from the
    /// rest of the article (a dated statement of the speaker, a dated event
    /// noun of the same root), else the reference date; a month-precision
    /// expression gives the month's first day.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The TIMEX3 value the date came from, with its precision ("2017-04",
    /// "2017-05-10"); none when the reference date was used.
    #[serde(default)]
    pub date_value: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub negated: bool,
    #[serde(default)]
    pub modality: Modality,
    pub sentence: Span,
    pub trigger: Span,
    /// The dictionary entry that fired.
    pub rule: String,
}
