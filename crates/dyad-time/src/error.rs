//! Errors of the time stage (bad lexicon data).

/// The time lexicon could not be read.
#[derive(Debug, thiserror::Error)]
pub enum TimeError {
    #[error("time lexicon line {line}: {message}")]
    Lexicon { line: usize, message: String },
}
