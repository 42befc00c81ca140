//! Queries over stored events, quotes and actors.

use rusqlite::types::Value;
use serde::Serialize;

use crate::error::StoreError;
use crate::store::Store;

/// Which events to return. Actor filters match code prefixes: `RUS`
/// matches `RUSGOV`, `RUSMED`…
#[derive(Debug, Clone, Default)]
pub struct EventFilter {
    /// Either side is this actor.
    pub actor: Option<String>,
    /// Both directions between these two actors.
    pub dyad: Option<(String, String)>,
    pub source: Option<String>,
    pub target: Option<String>,
    /// CAMEO code prefix ("04", "042").
    pub code: Option<String>,
    pub quad_class: Option<u8>,
    /// Inclusive ISO dates.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Words that must appear in the sentence.
    pub text: Option<String>,
    /// Also negated and non-asserted (hypothetical, future, intent) events.
    pub all_modalities: bool,
    pub limit: Option<usize>,
}

/// One stored event with its article.
#[derive(Debug, Clone, Serialize)]
pub struct EventRow {
    pub article_id: String,
    pub date: Option<String>,
    pub code: String,
    pub root: String,
    pub quad_class: i64,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub source_actor: Option<String>,
    pub source_text: Option<String>,
    pub target_actor: Option<String>,
    pub target_text: Option<String>,
    pub location: Option<String>,
    pub negated: bool,
    pub modality: String,
    pub rule: String,
    pub sentence: String,
    pub headline: Option<String>,
    pub url: Option<String>,
}

fn prefix(p: &str) -> Value {
    Value::Text(format!("{}%", p.replace(['%', '_'], "")))
}

impl Store {
    /// Events matching `filter`, oldest first.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventRow>, StoreError> {
        let mut sql = String::from(
            "SELECT e.article_id, e.date, e.code, e.root, e.quad_class, e.goldstein, e.plover,
                    e.source_actor, e.source_text, e.target_actor, e.target_text, e.location,
                    e.negated, e.modality, e.rule, e.sentence, a.headline, a.source
             FROM events e JOIN articles a ON a.id = e.article_id WHERE 1=1",
        );
        let mut args: Vec<Value> = Vec::new();
        if let Some(actor) = &filter.actor {
            sql.push_str(" AND (e.source_actor LIKE ? OR e.target_actor LIKE ?)");
            args.extend([prefix(actor), prefix(actor)]);
        }
        if let Some((a, b)) = &filter.dyad {
            sql.push_str(" AND ((e.source_actor LIKE ? AND e.target_actor LIKE ?) OR (e.source_actor LIKE ? AND e.target_actor LIKE ?))");
            args.extend([prefix(a), prefix(b), prefix(b), prefix(a)]);
        }
        if let Some(source) = &filter.source {
            sql.push_str(" AND e.source_actor LIKE ?");
            args.push(prefix(source));
        }
        if let Some(target) = &filter.target {
            sql.push_str(" AND e.target_actor LIKE ?");
            args.push(prefix(target));
        }
        if let Some(code) = &filter.code {
            sql.push_str(" AND e.code LIKE ?");
            args.push(prefix(code));
        }
        if let Some(q) = filter.quad_class {
            sql.push_str(" AND e.quad_class = ?");
            args.push(Value::Integer(q as i64));
        }
        if let Some(from) = &filter.from {
            sql.push_str(" AND e.date >= ?");
            args.push(Value::Text(from.clone()));
        }
        if let Some(to) = &filter.to {
            sql.push_str(" AND e.date <= ?");
            args.push(Value::Text(to.clone()));
        }
        if let Some(text) = &filter.text {
            sql.push_str(" AND e.sentence LIKE ?");
            args.push(Value::Text(format!("%{text}%")));
        }
        if !filter.all_modalities {
            sql.push_str(" AND e.negated = 0 AND e.modality = 'asserted'");
        }
        sql.push_str(" ORDER BY e.date, e.article_id, e.n");
        if let Some(limit) = filter.limit {
            sql.push_str(&format!(" LIMIT {limit}"));
        }
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(EventRow {
                article_id: r.get(0)?,
                date: r.get(1)?,
                code: r.get(2)?,
                root: r.get(3)?,
                quad_class: r.get(4)?,
                goldstein: r.get(5)?,
                plover: r.get(6)?,
                source_actor: r.get(7)?,
                source_text: r.get(8)?,
                target_actor: r.get(9)?,
                target_text: r.get(10)?,
                location: r.get(11)?,
                negated: r.get(12)?,
                modality: r.get(13)?,
                rule: r.get(14)?,
                sentence: r.get(15)?,
                headline: r.get(16)?,
                url: r.get(17)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// Quotes whose speaker's name contains `speaker` (case-insensitive).
    pub fn quotes_by_speaker(
        &self,
        speaker: &str,
        limit: usize,
    ) -> Result<Vec<QuoteRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT q.speaker, q.text, q.direct, q.cue, coalesce(a.published, a.reference_date), a.headline, a.source
             FROM quotes q JOIN articles a ON a.id = q.article_id
             WHERE q.speaker LIKE ?1 ORDER BY 5, q.article_id, q.n LIMIT ?2",
        )?;
        let rows = stmt.query_map(
            rusqlite::params![format!("%{speaker}%"), limit as i64],
            |r| {
                Ok(QuoteRow {
                    speaker: r.get(0)?,
                    text: r.get(1)?,
                    direct: r.get(2)?,
                    cue: r.get(3)?,
                    published: r.get(4)?,
                    headline: r.get(5)?,
                    url: r.get(6)?,
                })
            },
        )?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }

    /// The most mentioned actors: name, kind, code, articles and mentions.
    pub fn top_actors(&self, limit: usize) -> Result<Vec<ActorRow>, StoreError> {
        let mut stmt = self.conn.prepare(
            "SELECT name, kind, actor, count(DISTINCT article_id), sum(mentions)
             FROM entities GROUP BY name, kind, actor
             ORDER BY count(DISTINCT article_id) DESC, sum(mentions) DESC, name LIMIT ?1",
        )?;
        let rows = stmt.query_map([limit as i64], |r| {
            Ok(ActorRow {
                name: r.get(0)?,
                kind: r.get(1)?,
                actor: r.get(2)?,
                articles: r.get(3)?,
                mentions: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

/// One stored quote with its article.
#[derive(Debug, Clone, Serialize)]
pub struct QuoteRow {
    pub speaker: Option<String>,
    pub text: String,
    pub direct: bool,
    pub cue: Option<String>,
    /// Publication date, else the article's reference date.
    pub published: Option<String>,
    pub headline: Option<String>,
    pub url: Option<String>,
}

/// An actor and how often it appears.
#[derive(Debug, Clone, Serialize)]
pub struct ActorRow {
    pub name: String,
    pub kind: String,
    pub actor: Option<String>,
    pub articles: i64,
    pub mentions: i64,
}
