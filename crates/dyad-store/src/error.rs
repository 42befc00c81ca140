//! Store errors.

use std::path::PathBuf;

/// A database operation failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database: {0}")]
    Sql(#[from] rusqlite::Error),
    #[error("stored document {id} is not valid JSON: {source}")]
    Json {
        id: String,
        source: serde_json::Error,
    },
    #[error("database schema version {found} is newer than this dyad ({supported})")]
    SchemaVersion { found: i64, supported: i64 },
    #[error("export: {0}")]
    Export(String),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}
