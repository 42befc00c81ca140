//! Exports of stored events: JSON lines, CSV, and GDELT 2.0 event-table TSV.
//!
//! The GDELT export writes the 61 columns of the GDELT 2.0 event table in
//! their order, filling what dyad knows (ids, dates, actor codes split into
//! country and type codes, event codes, QuadClass, Goldstein, mention
//! counts of 1, the action location's name, date added, source URL) and
//! leaving the rest empty, so scripts written for GDELT files read it.

use std::io::Write;

use chrono::{Datelike, NaiveDate};
use rusqlite::Row;
use serde::Serialize;

use crate::error::StoreError;
use crate::store::Store;

/// Export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    Jsonl,
    Csv,
    Gdelt,
}

impl Store {
    /// Every stored event as export rows, in ingest order.
    pub fn export_rows(&self) -> Result<Vec<ExportRow>, StoreError> {
        let mut stmt = self.conn.prepare(EXPORT_SQL)?;
        let rows = stmt.query_map([], export_row)?;
        Ok(rows.collect::<Result<Vec<_>, _>>()?)
    }
}

const EXPORT_SQL: &str =
    "SELECT row_number() OVER (ORDER BY a.rowid, e.n), e.article_id, e.date, e.code, e.root,
        e.quad_class, e.goldstein, e.plover, e.plover_mode, e.source_actor, e.source_text,
        e.target_actor, e.target_text, e.location, e.negated, e.modality, e.lead, e.rule,
        e.sentence, a.source, a.ingested_at
 FROM events e JOIN articles a ON a.id = e.article_id ORDER BY a.rowid, e.n";

/// The GDELT 2.0 event table's columns, in order.
pub const GDELT_COLUMNS: [&str; 61] = [
    "GLOBALEVENTID",
    "SQLDATE",
    "MonthYear",
    "Year",
    "FractionDate",
    "Actor1Code",
    "Actor1Name",
    "Actor1CountryCode",
    "Actor1KnownGroupCode",
    "Actor1EthnicCode",
    "Actor1Religion1Code",
    "Actor1Religion2Code",
    "Actor1Type1Code",
    "Actor1Type2Code",
    "Actor1Type3Code",
    "Actor2Code",
    "Actor2Name",
    "Actor2CountryCode",
    "Actor2KnownGroupCode",
    "Actor2EthnicCode",
    "Actor2Religion1Code",
    "Actor2Religion2Code",
    "Actor2Type1Code",
    "Actor2Type2Code",
    "Actor2Type3Code",
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
    "Actor1Geo_Type",
    "Actor1Geo_FullName",
    "Actor1Geo_CountryCode",
    "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat",
    "Actor1Geo_Long",
    "Actor1Geo_FeatureID",
    "Actor2Geo_Type",
    "Actor2Geo_FullName",
    "Actor2Geo_CountryCode",
    "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat",
    "Actor2Geo_Long",
    "Actor2Geo_FeatureID",
    "ActionGeo_Type",
    "ActionGeo_FullName",
    "ActionGeo_CountryCode",
    "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code",
    "ActionGeo_Lat",
    "ActionGeo_Long",
    "ActionGeo_FeatureID",
    "DATEADDED",
    "SOURCEURL",
];

/// CAMEO actor-type prefixes that stand where a country code would.
const NON_STATE: &[&str] = &["IGO", "NGO", "NGM", "MNC", "INT", "UIS"];

/// One exported event (JSONL and CSV rows).
#[derive(Debug, Clone, Serialize)]
pub struct ExportRow {
    pub event_id: i64,
    pub article_id: String,
    pub date: Option<String>,
    pub code: String,
    pub root: String,
    pub quad_class: i64,
    pub goldstein: f64,
    pub plover: Option<String>,
    pub plover_mode: Option<String>,
    pub source_actor: Option<String>,
    pub source_text: Option<String>,
    pub target_actor: Option<String>,
    pub target_text: Option<String>,
    pub location: Option<String>,
    pub negated: bool,
    pub modality: String,
    pub lead: bool,
    pub rule: String,
    pub sentence: String,
    pub url: Option<String>,
    pub ingested_at: String,
}

fn export_row(r: &Row<'_>) -> rusqlite::Result<ExportRow> {
    Ok(ExportRow {
        event_id: r.get(0)?,
        article_id: r.get(1)?,
        date: r.get(2)?,
        code: r.get(3)?,
        root: r.get(4)?,
        quad_class: r.get(5)?,
        goldstein: r.get(6)?,
        plover: r.get(7)?,
        plover_mode: r.get(8)?,
        source_actor: r.get(9)?,
        source_text: r.get(10)?,
        target_actor: r.get(11)?,
        target_text: r.get(12)?,
        location: r.get(13)?,
        negated: r.get(14)?,
        modality: r.get(15)?,
        lead: r.get(16)?,
        rule: r.get(17)?,
        sentence: r.get(18)?,
        url: r.get(19)?,
        ingested_at: r.get(20)?,
    })
}

impl Store {
    /// Write every stored event to `out`; returns the number written.
    pub fn export_events(
        &self,
        format: ExportFormat,
        out: &mut dyn Write,
    ) -> Result<usize, StoreError> {
        let mut stmt = self.conn.prepare(EXPORT_SQL)?;
        let rows = stmt.query_map([], export_row)?;
        let mut count = 0;
        match format {
            ExportFormat::Jsonl => {
                for row in rows {
                    serde_json::to_writer(&mut *out, &row?)
                        .map_err(|e| StoreError::Export(e.to_string()))?;
                    out.write_all(b"\n")?;
                    count += 1;
                }
            }
            ExportFormat::Csv => {
                let mut writer = csv::Writer::from_writer(out);
                for row in rows {
                    writer
                        .serialize(row?)
                        .map_err(|e| StoreError::Export(e.to_string()))?;
                    count += 1;
                }
                writer.flush()?;
            }
            ExportFormat::Gdelt => {
                for row in rows {
                    let fields = gdelt_fields(&row?);
                    out.write_all(fields.join("\t").as_bytes())?;
                    out.write_all(b"\n")?;
                    count += 1;
                }
            }
        }
        Ok(count)
    }
}

/// Split a CAMEO actor code into (country, known group, type codes).
fn split_actor(code: &str) -> (String, String, Vec<String>) {
    let chunks: Vec<String> = code
        .as_bytes()
        .chunks(3)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect();
    match chunks.split_first() {
        Some((first, rest)) if NON_STATE.contains(&first.as_str()) => (
            String::new(),
            rest.first().cloned().unwrap_or_default(),
            vec![first.clone()],
        ),
        Some((first, rest)) => (first.clone(), String::new(), rest.to_vec()),
        None => (String::new(), String::new(), Vec::new()),
    }
}

fn actor_fields(code: &Option<String>, name: &Option<String>) -> [String; 10] {
    let code = code.clone().unwrap_or_default();
    let (country, group, types) = split_actor(&code);
    let t = |i: usize| types.get(i).cloned().unwrap_or_default();
    [
        code.clone(),
        name.as_deref()
            .map(|n| n.to_uppercase())
            .unwrap_or_default(),
        country,
        group,
        String::new(),
        String::new(),
        String::new(),
        t(0),
        t(1),
        t(2),
    ]
}

/// The 61 GDELT columns of one event.
pub fn gdelt_fields(row: &ExportRow) -> Vec<String> {
    let date = row
        .date
        .as_deref()
        .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    let mut f: Vec<String> = Vec::with_capacity(61);
    f.push(row.event_id.to_string());
    match date {
        Some(d) => {
            let days_in_year = if NaiveDate::from_ymd_opt(d.year(), 2, 29).is_some() {
                366.0
            } else {
                365.0
            };
            f.push(d.format("%Y%m%d").to_string());
            f.push(d.format("%Y%m").to_string());
            f.push(d.year().to_string());
            f.push(format!(
                "{:.4}",
                d.year() as f64 + d.ordinal() as f64 / days_in_year
            ));
        }
        None => f.extend(std::iter::repeat_n(String::new(), 4)),
    }
    f.extend(actor_fields(&row.source_actor, &row.source_text));
    f.extend(actor_fields(&row.target_actor, &row.target_text));
    f.push(if row.lead { "1" } else { "0" }.to_string());
    f.push(row.code.clone());
    f.push(row.code.chars().take(3).collect());
    f.push(row.root.clone());
    f.push(row.quad_class.to_string());
    f.push(format!("{:.1}", row.goldstein));
    f.extend(["1", "1", "1", ""].map(str::to_string));
    f.extend(std::iter::repeat_n(String::new(), 16));
    f.push(String::new());
    f.push(row.location.clone().unwrap_or_default());
    f.extend(std::iter::repeat_n(String::new(), 6));
    f.push(
        row.ingested_at
            .chars()
            .filter(|c| c.is_ascii_digit())
            .collect(),
    );
    f.push(row.url.clone().unwrap_or_default());
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gdelt_row_has_61_columns_in_place() {
        let row = ExportRow {
            event_id: 7,
            article_id: "a".into(),
            date: Some("2017-05-10".into()),
            code: "042".into(),
            root: "04".into(),
            quad_class: 1,
            goldstein: 1.9,
            plover: Some("CONSULT".into()),
            plover_mode: Some("visit".into()),
            source_actor: Some("RUSGOV".into()),
            source_text: Some("Sergei Lavrov".into()),
            target_actor: Some("IGOUNO".into()),
            target_text: Some("the UN".into()),
            location: Some("Washington".into()),
            negated: false,
            modality: "asserted".into(),
            lead: true,
            rule: "verbs:12".into(),
            sentence: "…".into(),
            url: Some("https://example.org/x".into()),
            ingested_at: "2026-11-29T14:00:00Z".into(),
        };
        let f = gdelt_fields(&row);
        assert_eq!(f.len(), GDELT_COLUMNS.len());
        let col = |name: &str| {
            f[GDELT_COLUMNS
                .iter()
                .position(|c| *c == name)
                .expect("column")]
            .as_str()
        };
        assert_eq!(col("SQLDATE"), "20170510");
        assert_eq!(col("Actor1CountryCode"), "RUS");
        assert_eq!(col("Actor1Type1Code"), "GOV");
        assert_eq!(col("Actor1Name"), "SERGEI LAVROV");
        assert_eq!(col("Actor2Type1Code"), "IGO");
        assert_eq!(col("Actor2KnownGroupCode"), "UNO");
        assert_eq!(col("EventBaseCode"), "042");
        assert_eq!(col("EventRootCode"), "04");
        assert_eq!(col("QuadClass"), "1");
        assert_eq!(col("IsRootEvent"), "1");
        assert_eq!(col("ActionGeo_FullName"), "Washington");
        assert_eq!(col("DATEADDED"), "20261129140000");
        assert_eq!(col("SOURCEURL"), "https://example.org/x");
    }
}
