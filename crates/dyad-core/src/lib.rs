//! dyad-core: the `Document` model that flows through every dyad stage.
//!
//! A [`Document`] is one news article: its structure (headline, standfirst,
//! dateline, credits, captions, publisher, publication date), its body `text`,
//! and the annotations later stages add (sentences, entities, quotes, time
//! expressions, events). Every annotation points into `text` with a [`Span`]
//! of **byte offsets**, half-open (`start..end`), always on UTF-8 character
//! boundaries. `docs/schema.md` documents the JSON form.
//!
//! This crate is deliberately light (serde, chrono, xxhash): it is what an
//! embedding application links against.

pub mod annotations;
pub mod document;
pub mod id;
pub mod shared;
pub mod span;
pub mod tokens;

pub use annotations::{
    Entity, EntityKind, Event, EventActor, Mention, Modality, Quote, Timex, TimexType,
};
pub use document::{Caption, Dateline, Document, STAGES};
pub use id::content_id;
pub use span::Span;
pub use tokens::{tokenize, Token};
