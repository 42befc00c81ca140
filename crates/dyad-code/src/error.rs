//! Errors raised while loading the event dictionaries.

/// A problem in a code table or pattern dictionary.
#[derive(Debug, thiserror::Error)]
pub enum CodeError {
    /// A line that does not follow the documented format.
    #[error("{file}:{line}: {message}")]
    Syntax {
        file: String,
        line: usize,
        message: String,
    },
    /// The trigger matcher could not be built.
    #[error("building the trigger matcher: {0}")]
    Matcher(#[from] aho_corasick::BuildError),
}

impl CodeError {
    pub(crate) fn syntax(file: &str, line: usize, message: impl Into<String>) -> Self {
        CodeError::Syntax {
            file: file.to_string(),
            line,
            message: message.into(),
        }
    }
}
