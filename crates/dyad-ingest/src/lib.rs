//! dyad-ingest: reading news records and recovering article structure.
