//! Plain-text articles: one file is one article.

use std::path::Path;

use crate::decode::{decode_text, Decoded};
use crate::error::IngestError;
use crate::readers::ReadOptions;
use crate::record::{Origin, RawArticle};

/// Read one text file as one article, refusing files over the size limit
/// before reading them.
pub fn read_text_file(path: &Path, options: &ReadOptions) -> Result<RawArticle, IngestError> {
    let origin = Origin::file(path);
    let size = match std::fs::metadata(path) {
        Ok(meta) => meta.len() as usize,
        Err(source) => return Err(IngestError::Io { origin, source }),
    };
    if size > options.max_record_bytes {
        return Err(IngestError::TooLarge {
            origin,
            size,
            limit: options.max_record_bytes,
        });
    }
    match std::fs::read(path) {
        Ok(bytes) => article_from_bytes(origin, bytes),
        Err(source) => Err(IngestError::Io { origin, source }),
    }
}

/// Decode bytes into a text article (or an empty/binary error).
pub fn article_from_bytes(origin: Origin, bytes: Vec<u8>) -> Result<RawArticle, IngestError> {
    match decode_text(bytes) {
        Decoded::Binary { detail } => Err(IngestError::Binary { origin, detail }),
        Decoded::Text { text, lossy } => {
            if text.trim().is_empty() {
                return Err(IngestError::Empty { origin });
            }
            let mut article = RawArticle::from_text(origin, text);
            article.lossy = lossy;
            Ok(article)
        }
    }
}
