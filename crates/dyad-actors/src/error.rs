//! Errors raised while loading dictionaries.

/// A dictionary could not be read or built.
#[derive(Debug, thiserror::Error)]
pub enum ActorError {
    /// A line that does not follow the format (`file:line: message`).
    #[error("{file}:{line}: {message}")]
    Parse {
        file: String,
        line: usize,
        message: String,
    },
    /// A dictionary file could not be read.
    #[error("{path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },
    /// The phrase matcher could not be compiled.
    #[error("building the phrase matcher: {0}")]
    Matcher(String),
    /// A user file had bad lines (each already reported in `errors`).
    #[error("{count} bad line(s) in dictionaries; first: {first}")]
    BadLines { count: usize, first: String },
}
