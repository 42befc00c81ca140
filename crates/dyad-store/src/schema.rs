//! The SQLite schema. Version 1.
//!
//! `articles` keeps the full annotated Document as JSON (`doc`) for re-coding
//! and export; the other tables are normalised views for queries. Child rows
//! reference their article and are replaced as a whole when it is re-coded.

/// Current schema version, stored in `PRAGMA user_version`.
pub const SCHEMA_VERSION: i64 = 1;

pub const SCHEMA: &str = r#"
CREATE TABLE IF NOT EXISTS articles (
    id             TEXT PRIMARY KEY,
    source         TEXT,
    publisher      TEXT,
    published      TEXT,
    reference_date TEXT,
    headline       TEXT,
    dateline       TEXT,
    words          INTEGER NOT NULL,
    coder          TEXT NOT NULL,
    ingested_at    TEXT NOT NULL,
    doc            TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS entities (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    entity_id  TEXT NOT NULL,
    name       TEXT NOT NULL,
    kind       TEXT NOT NULL,
    title      TEXT,
    actor      TEXT,
    mentions   INTEGER NOT NULL,
    PRIMARY KEY (article_id, entity_id)
);
CREATE INDEX IF NOT EXISTS entities_actor ON entities(actor);
CREATE TABLE IF NOT EXISTS quotes (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n              INTEGER NOT NULL,
    text           TEXT NOT NULL,
    start          INTEGER NOT NULL,
    end            INTEGER NOT NULL,
    direct         INTEGER NOT NULL,
    cue            TEXT,
    speaker        TEXT,
    speaker_entity TEXT,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker);
CREATE TABLE IF NOT EXISTS timexes (
    article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n          INTEGER NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    type       TEXT NOT NULL,
    value      TEXT NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE TABLE IF NOT EXISTS events (
    article_id     TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    n              INTEGER NOT NULL,
    date           TEXT,
    date_value     TEXT,
    code           TEXT NOT NULL,
    root           TEXT NOT NULL,
    quad_class     INTEGER NOT NULL,
    goldstein      REAL NOT NULL,
    plover         TEXT,
    plover_mode    TEXT,
    source_actor   TEXT,
    source_entity  TEXT,
    source_text    TEXT,
    target_actor   TEXT,
    target_entity  TEXT,
    target_text    TEXT,
    location       TEXT,
    negated        INTEGER NOT NULL,
    modality       TEXT NOT NULL,
    sentence_start INTEGER NOT NULL,
    sentence_end   INTEGER NOT NULL,
    trigger_start  INTEGER NOT NULL,
    trigger_end    INTEGER NOT NULL,
    rule           TEXT NOT NULL,
    sentence       TEXT NOT NULL,
    lead           INTEGER NOT NULL,
    PRIMARY KEY (article_id, n)
);
CREATE INDEX IF NOT EXISTS events_source ON events(source_actor, date);
CREATE INDEX IF NOT EXISTS events_target ON events(target_actor, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
"#;
