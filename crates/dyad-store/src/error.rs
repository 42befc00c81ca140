//! Store errors.

use std::path::PathBuf;

/// A database operation failed. Causes are error sources: print with
/// `{:#}` (anyhow) to see them.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{path}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error("database")]
    Sql(#[from] rusqlite::Error),
    #[error("stored document {id} is not valid JSON")]
    Json {
        id: String,
        source: serde_json::Error,
    },
    #[error("database schema version {found} is newer than this dyad ({supported})")]
    SchemaVersion { found: i64, supported: i64 },
    #[error("export: {0}")]
    Export(String),
    #[error("writing")]
    Io(#[from] std::io::Error),
}
