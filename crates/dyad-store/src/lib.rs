//! dyad-store: the embedded SQLite store behind `dyad ingest`, the query
//! commands, relation reports and exports.
//!
//! One database file holds, per article, the whole annotated Document (as
//! JSON, so it can be re-coded) and normalised rows for entities, quotes,
//! time expressions and events. Ingest is idempotent (articles are keyed by
//! their id: a stored id is skipped), each batch is one transaction in WAL
//! mode, so a run killed at any point leaves only whole articles behind and
//! a re-run resumes where it stopped.

pub mod error;
pub mod export;
#[cfg(feature = "parquet")]
pub mod parquet_export;
pub mod query;
pub mod relations;
pub mod schema;
pub mod store;

pub use error::StoreError;
pub use store::{InsertOutcome, Store};
