//! Errors for records that cannot become documents. Each names its origin
//! (file, and line for JSONL) and fits on one line.

use crate::record::Origin;

/// Why a record was skipped; the summary counts skips by this reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SkipReason {
    Unreadable,
    Empty,
    Binary,
    TooLarge,
    BadJson,
    NoText,
}

impl SkipReason {
    /// Short machine-friendly name used in summaries.
    pub fn as_str(&self) -> &'static str {
        match self {
            SkipReason::Unreadable => "unreadable",
            SkipReason::Empty => "empty",
            SkipReason::Binary => "binary",
            SkipReason::TooLarge => "too_large",
            SkipReason::BadJson => "bad_json",
            SkipReason::NoText => "no_text",
        }
    }
}

/// A record that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{origin}: cannot read: {source}")]
    Io {
        origin: Origin,
        source: std::io::Error,
    },
    #[error("{origin}: empty input")]
    Empty { origin: Origin },
    #[error("{origin}: binary data, not text ({detail})")]
    Binary { origin: Origin, detail: String },
    #[error("{origin}: record of {size} bytes exceeds the limit of {limit} bytes")]
    TooLarge {
        origin: Origin,
        size: usize,
        limit: usize,
    },
    #[error("{origin}: invalid JSON: {message}")]
    BadJson { origin: Origin, message: String },
    #[error("{origin}: no article text ({detail})")]
    NoText { origin: Origin, detail: String },
}

impl IngestError {
    /// The reason this record was skipped.
    pub fn reason(&self) -> SkipReason {
        match self {
            IngestError::Io { .. } => SkipReason::Unreadable,
            IngestError::Empty { .. } => SkipReason::Empty,
            IngestError::Binary { .. } => SkipReason::Binary,
            IngestError::TooLarge { .. } => SkipReason::TooLarge,
            IngestError::BadJson { .. } => SkipReason::BadJson,
            IngestError::NoText { .. } => SkipReason::NoText,
        }
    }
}
