//! Errors of the evaluation commands.

use std::path::PathBuf;

/// An evaluation could not run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The cause is the error's source (printed by `{:#}` chains).
    #[error("{path}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Format { path: PathBuf, message: String },
    #[error(
        "shared data not found at {0} (set DYAD_SHARED to the folder holding eval/ and corpora/)"
    )]
    SharedMissing(PathBuf),
    #[error("{0}")]
    Other(String),
}

impl EvalError {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        EvalError::Io {
            path: path.into(),
            source,
        }
    }

    pub fn format(path: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        EvalError::Format {
            path: path.into(),
            message: message.into(),
        }
    }
}
