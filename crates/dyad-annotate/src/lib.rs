//! dyad-annotate: runs the annotation stages over a [`dyad_core::Document`].
//!
//! Order: sentences (this crate) → actors (`dyad-actors`) → quotes
//! (`dyad-quotes`, needs actors for speakers) → time (`dyad-time`) → events
//! (`dyad-code`, needs all of them).
//! [`Pipeline`] holds the loaded stages; it is `Sync`, so one pipeline can
//! annotate documents on all cores.

pub mod pipeline;
pub mod sentences;

pub use dyad_core::{tokenize, Token};
pub use pipeline::{Pipeline, PipelineOptions, Stage};
pub use sentences::split_sentences;
