//! A raw article as read from input, before structure is recovered.

use std::fmt;
use std::path::PathBuf;

use serde_json::{Map, Value};

/// Where a record came from: a file (or stdin) and, for JSONL, a line number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The file path, or `-` for stdin.
    pub path: PathBuf,
    /// 1-based line number for line-oriented formats.
    pub line: Option<usize>,
}

impl Origin {
    pub fn file(path: impl Into<PathBuf>) -> Self {
        Origin {
            path: path.into(),
            line: None,
        }
    }

    pub fn line(path: impl Into<PathBuf>, line: usize) -> Self {
        Origin {
            path: path.into(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path.display(), line),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// One article as read: text plus whatever fields the input carried.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    pub origin: Origin,
    /// The input's own id.
    pub id: Option<String>,
    pub url: Option<String>,
    /// A headline the input gives separately (JSONL `title`).
    pub title: Option<String>,
    /// A publication date the input gives (JSONL `published`), unparsed.
    pub published: Option<String>,
    /// The article text (for plain-text input, the whole scraped page text).
    pub text: String,
    /// Input fields dyad does not interpret.
    pub meta: Map<String, Value>,
    /// True when invalid UTF-8 was replaced while decoding.
    pub lossy: bool,
}

impl RawArticle {
    /// A raw article with only text.
    pub fn from_text(origin: Origin, text: impl Into<String>) -> Self {
        RawArticle {
            origin,
            id: None,
            url: None,
            title: None,
            published: None,
            text: text.into(),
            meta: Map::new(),
            lossy: false,
        }
    }
}
