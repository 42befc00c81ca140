//! The article: structure, body text and annotation lists.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::annotations::{Entity, Event, Quote, Timex};
use crate::span::Span;

/// Names of the annotation stages, in pipeline order, as recorded in
/// [`Document::stages`].
pub const STAGES: &[&str] = &[
    "structure",
    "sentences",
    "actors",
    "quotes",
    "time",
    "events",
];

/// One news article.
///
/// All spans (`paragraphs`, `sentences`, and the spans inside annotations) are
/// byte offsets into [`Document::text`]. The structural fields outside the
/// body (`headline`, `standfirst`, `captions`…) are plain strings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Stable id: the input's own id, else [`crate::content_id`] of the body.
    pub id: String,
    /// Where the article came from: a file path (with `:LINE` for JSONL) or URL.
    #[serde(default)]
    pub source: Option<String>,
    /// The publisher ("The Straits Times"), when the input says so.
    #[serde(default)]
    pub publisher: Option<String>,
    /// Publication date, ISO `YYYY-MM-DD`.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    #[serde(default)]
    pub headline: Option<String>,
    /// The standfirst (dek, sub-headline) under the headline.
    #[serde(default)]
    pub standfirst: Option<String>,
    #[serde(default)]
    pub dateline: Option<Dateline>,
    /// Byline names ("Janie Gabbett").
    #[serde(default)]
    pub authors: Vec<String>,
    /// News agencies and other credits ("AGENCE FRANCE-PRESSE", "Reuters").
    #[serde(default)]
    pub credits: Vec<String>,
    /// Photo captions, deduplicated.
    #[serde(default)]
    pub captions: Vec<Caption>,
    /// The body: paragraphs joined by one blank line (`"\n\n"`).
    pub text: String,
    #[serde(default)]
    pub paragraphs: Vec<Span>,
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// The date relative time expressions are resolved against (publication
    /// date, else `--published`, else the dateline's date); set by the time stage.
    #[serde(default)]
    pub reference_date: Option<NaiveDate>,
    #[serde(default)]
    pub entities: Vec<Entity>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    #[serde(default)]
    pub timexes: Vec<Timex>,
    #[serde(default)]
    pub events: Vec<Event>,
    /// Input fields dyad does not interpret, kept as they came.
    #[serde(default)]
    pub meta: Map<String, Value>,
    /// Warnings met while building this document (lossy UTF-8 decoding,
    /// truncated input…), one short line each.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// The dateline that opens a wire story: `MOSCOW •`, `WASHINGTON (Reuters) -`,
/// `NEW YORK, Feb 26 -`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dateline {
    /// The dateline as written, without its closing dash or bullet.
    pub text: String,
    /// The place ("MOSCOW", "NEW YORK").
    pub location: String,
    /// The date written in the dateline, as written ("Feb 26").
    #[serde(default)]
    pub date_text: Option<String>,
    /// That date resolved to a calendar date when a year is known.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// The agency named in the dateline ("Reuters", "AP").
    #[serde(default)]
    pub agency: Option<String>,
}

/// A photo caption and its credit (`PHOTO: AGENCE FRANCE-PRESSE`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Caption {
    pub text: String,
    #[serde(default)]
    pub credit: Option<String>,
}

impl Document {
    /// An empty document with this body; paragraphs are found from blank lines.
    pub fn from_body(id: impl Into<String>, text: impl Into<String>) -> Self {
        let text = text.into();
        let paragraphs = paragraph_spans(&text);
        Document {
            id: id.into(),
            text,
            paragraphs,
            ..Document::default()
        }
    }

    /// The text a span covers (empty when the span is invalid).
    pub fn span_text(&self, span: Span) -> &str {
        span.slice(&self.text).unwrap_or("")
    }

    /// Iterate over sentences with their text.
    pub fn sentence_texts(&self) -> impl Iterator<Item = (Span, &str)> {
        self.sentences.iter().map(move |s| (*s, self.span_text(*s)))
    }

    /// Number of whitespace-separated words in the body.
    pub fn word_count(&self) -> usize {
        self.text.split_whitespace().count()
    }
}

/// Spans of the paragraphs in a body whose paragraphs are separated by blank
/// lines; each span is trimmed of surrounding whitespace.
pub fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_content_end = 0;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let trimmed_end = line.trim_end();
        let content = trimmed_end.trim_start();
        if content.is_empty() {
            if let Some(s) = start.take() {
                spans.push(Span::new(s, last_content_end));
            }
        } else {
            if start.is_none() {
                start = Some(line_start + (trimmed_end.len() - content.len()));
            }
            last_content_end = line_start + trimmed_end.len();
        }
        line_start += line.len();
    }
    if let Some(s) = start {
        spans.push(Span::new(s, last_content_end));
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_split_on_blank_lines() {
        let doc = Document::from_body("x", "First para\nstill first.\n\n  Second.  \n\n\nThird");
        let texts: Vec<&str> = doc.paragraphs.iter().map(|s| doc.span_text(*s)).collect();
        assert_eq!(texts, vec!["First para\nstill first.", "Second.", "Third"]);
    }

    #[test]
    fn json_round_trip_keeps_every_field() {
        let mut doc = Document::from_body("abc", "Body.");
        doc.published = NaiveDate::from_ymd_opt(2017, 5, 12);
        doc.dateline = Some(Dateline {
            text: "MOSCOW".into(),
            location: "MOSCOW".into(),
            ..Dateline::default()
        });
        doc.meta.insert("lang".into(), Value::from("en"));
        let json = serde_json::to_string(&doc).expect("serialise");
        assert!(json.contains("\"published\":\"2017-05-12\""));
        let back: Document = serde_json::from_str(&json).expect("parse");
        assert_eq!(back, doc);
    }
}
