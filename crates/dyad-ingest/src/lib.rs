//! dyad-ingest: reading news records and recovering article structure.
//!
//! Two steps:
//! 1. [`readers`] turn inputs (a plain-text file, a directory of them, a JSONL
//!    file, stdin) into [`RawArticle`]s, or into one-line [`IngestError`]s that
//!    name the file and line; a bad record never stops the run.
//! 2. [`structure`] turns a raw article (scraped text, noise and all) into a
//!    [`dyad_core::Document`]: headline, standfirst, dateline, bylines,
//!    credits, captions, publisher, publication date, and a clean body.
//!
//! [`Summary`] counts what happened to every record.

pub mod decode;
pub mod error;
pub mod readers;
pub mod record;
pub mod structure;
pub mod summary;

pub use error::{IngestError, SkipReason};
pub use readers::{read_inputs, InputFormat, ReadOptions};
pub use record::{Origin, RawArticle};
pub use structure::{build_document, StructureOptions};
pub use summary::Summary;
