//! Opening the database and writing annotated documents.

use std::path::Path;

use dyad_core::{Document, Event};
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::error::StoreError;
use crate::schema::{SCHEMA, SCHEMA_VERSION};

/// What happened to one document offered to the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InsertOutcome {
    Stored,
    AlreadyPresent,
}

/// An open dyad database.
pub struct Store {
    pub(crate) conn: Connection,
}

impl Store {
    /// Open (creating if needed) the database at `path`, in WAL mode.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        let conn = Connection::open(path).map_err(|source| StoreError::Open {
            path: path.to_path_buf(),
            source,
        })?;
        Self::init(conn)
    }

    /// An in-memory database (tests, one-off runs).
    pub fn open_in_memory() -> Result<Store, StoreError> {
        Self::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Store, StoreError> {
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::SchemaVersion {
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        conn.execute_batch(SCHEMA)?;
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        Ok(Store { conn })
    }

    /// True when an article with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        let found: Option<i64> = self
            .conn
            .query_row("SELECT 1 FROM articles WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        Ok(found.is_some())
    }

    /// Store a batch of documents in one transaction; documents whose id is
    /// already stored are left as they are. `coder` names the dictionaries
    /// and version that annotated them.
    pub fn insert_batch(
        &mut self,
        docs: &[Document],
        coder: &str,
    ) -> Result<Vec<InsertOutcome>, StoreError> {
        let tx = self.conn.transaction()?;
        let mut outcomes = Vec::with_capacity(docs.len());
        for doc in docs {
            outcomes.push(insert_document(&tx, doc, coder, false)?);
        }
        tx.commit()?;
        Ok(outcomes)
    }

    /// Replace stored documents (re-coding): old child rows go with them.
    pub fn replace_batch(&mut self, docs: &[Document], coder: &str) -> Result<(), StoreError> {
        let tx = self.conn.transaction()?;
        for doc in docs {
            insert_document(&tx, doc, coder, true)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Number of stored articles.
    pub fn article_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// Number of stored events.
    pub fn event_count(&self) -> Result<usize, StoreError> {
        let n: i64 = self
            .conn
            .query_row("SELECT count(*) FROM events", [], |r| r.get(0))?;
        Ok(n as usize)
    }

    /// The highest article row number (0 for an empty store): re-coding pages
    /// up to it, since a replaced article gets a new, higher row number.
    pub fn last_row(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(rowid), 0) FROM articles", [], |r| {
                r.get(0)
            })?)
    }

    /// Up to `limit` stored documents with a row number above `after` and at
    /// most `upto`, in ingest order, with their row numbers (for paging
    /// through a corpus).
    pub fn documents_between(
        &self,
        after: i64,
        upto: i64,
        limit: usize,
    ) -> Result<Vec<(i64, Document)>, StoreError> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT rowid, id, doc FROM articles WHERE rowid > ?1 AND rowid <= ?2 ORDER BY rowid LIMIT ?3",
        )?;
        let mut rows = stmt.query(rusqlite::params![after, upto, limit as i64])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let rowid: i64 = row.get(0)?;
            let id: String = row.get(1)?;
            let json: String = row.get(2)?;
            let doc =
                serde_json::from_str(&json).map_err(|source| StoreError::Json { id, source })?;
            out.push((rowid, doc));
        }
        Ok(out)
    }

    /// Every stored document, in ingest order, passed to `f`.
    pub fn for_each_document(
        &self,
        mut f: impl FnMut(Document) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let mut stmt = self
            .conn
            .prepare("SELECT id, doc FROM articles ORDER BY rowid")?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let id: String = row.get(0)?;
            let json: String = row.get(1)?;
            let doc =
                serde_json::from_str(&json).map_err(|source| StoreError::Json { id, source })?;
            f(doc)?;
        }
        Ok(())
    }
}

fn insert_document(
    tx: &Transaction<'_>,
    doc: &Document,
    coder: &str,
    replace: bool,
) -> Result<InsertOutcome, StoreError> {
    if replace {
        tx.execute("DELETE FROM articles WHERE id = ?1", [&doc.id])?;
    }
    let json = serde_json::to_string(doc).map_err(|source| StoreError::Json {
        id: doc.id.clone(),
        source,
    })?;
    let inserted = tx.execute(
        "INSERT OR IGNORE INTO articles
         (id, source, publisher, published, reference_date, headline, dateline, words, coder, ingested_at, doc)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?10)",
        params![
            doc.id,
            doc.source,
            doc.publisher,
            doc.published.map(|d| d.to_string()),
            doc.reference_date.map(|d| d.to_string()),
            doc.headline,
            doc.dateline.as_ref().map(|d| d.location.clone()),
            doc.word_count() as i64,
            coder,
            json,
        ],
    )?;
    if inserted == 0 {
        return Ok(InsertOutcome::AlreadyPresent);
    }
    let mut entity = tx.prepare_cached(
        "INSERT INTO entities (article_id, entity_id, name, kind, title, actor, mentions) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for e in &doc.entities {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        entity.execute(params![
            doc.id,
            e.id,
            e.name,
            kind,
            e.title,
            e.actor,
            e.mentions.len() as i64
        ])?;
    }
    let mut quote = tx.prepare_cached(
        "INSERT INTO quotes (article_id, n, text, start, end, direct, cue, speaker, speaker_entity) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (n, q) in doc.quotes.iter().enumerate() {
        quote.execute(params![
            doc.id,
            n as i64,
            q.text,
            q.start as i64,
            q.end as i64,
            q.direct,
            q.cue,
            q.speaker,
            q.speaker_entity
        ])?;
    }
    let mut timex = tx.prepare_cached(
        "INSERT INTO timexes (article_id, n, text, start, end, type, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (n, t) in doc.timexes.iter().enumerate() {
        let kind = serde_json::to_value(t.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        timex.execute(params![
            doc.id,
            n as i64,
            t.text,
            t.start as i64,
            t.end as i64,
            kind,
            t.value
        ])?;
    }
    for (n, ev) in doc.events.iter().enumerate() {
        insert_event(tx, doc, n, ev)?;
    }
    Ok(InsertOutcome::Stored)
}

fn insert_event(
    tx: &Transaction<'_>,
    doc: &Document,
    n: usize,
    ev: &Event,
) -> Result<(), StoreError> {
    let mut stmt = tx.prepare_cached(
        "INSERT INTO events (article_id, n, date, date_value, code, root, quad_class, goldstein, plover, plover_mode,
            source_actor, source_entity, source_text, target_actor, target_entity, target_text, location,
            negated, modality, sentence_start, sentence_end, trigger_start, trigger_end, rule, sentence, lead)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26)",
    )?;
    let modality = serde_json::to_value(ev.modality)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default();
    let date = ev.date.or(doc.reference_date).map(|d| d.to_string());
    stmt.execute(params![
        doc.id,
        n as i64,
        date,
        ev.date_value,
        ev.code,
        ev.root,
        ev.quad_class as i64,
        ev.goldstein as f64,
        ev.plover,
        ev.plover_mode,
        ev.source.actor,
        ev.source.entity,
        ev.source.text,
        ev.target.actor,
        ev.target.entity,
        ev.target.text,
        ev.location,
        ev.negated,
        modality,
        ev.sentence.start as i64,
        ev.sentence.end as i64,
        ev.trigger.start as i64,
        ev.trigger.end as i64,
        ev.rule,
        doc.span_text(ev.sentence),
        // In the lead paragraph: GDELT's IsRootEvent.
        doc.paragraphs
            .first()
            .is_some_and(|p| ev.sentence.start < p.end),
    ])?;
    Ok(())
}
