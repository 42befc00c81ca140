//! JSONL articles: one JSON object per line.
//!
//! Recognised fields (first alias present wins): `id`; `url` | `link`;
//! `title` | `headline`; `published` | `date` | `publish_date` |
//! `published_at`; `text` | `body` | `content`. Every other field is kept
//! in `meta`.

use std::path::Path;

use serde_json::{Map, Value};

use crate::decode::{decode_text, Decoded};
use crate::error::IngestError;
use crate::readers::bounded::BoundedLine;
use crate::readers::ReadOptions;
use crate::record::{Origin, RawArticle};

const TEXT_KEYS: &[&str] = &["text", "body", "content"];
const TITLE_KEYS: &[&str] = &["title", "headline"];
const DATE_KEYS: &[&str] = &["published", "date", "publish_date", "published_at"];
const URL_KEYS: &[&str] = &["url", "link"];

/// Turn one line into a record; `None` for a blank line (not a record).
pub(crate) fn record_from_line(
    path: &Path,
    line: BoundedLine,
    options: &ReadOptions,
) -> Option<Result<RawArticle, IngestError>> {
    match line {
        BoundedLine::Error { number, error } => Some(Err(IngestError::Io {
            origin: Origin::line(path, number),
            source: error,
        })),
        BoundedLine::TooLong { number, size } => Some(Err(IngestError::TooLarge {
            origin: Origin::line(path, number),
            size,
            limit: options.max_record_bytes,
        })),
        BoundedLine::Line { number, bytes } => {
            if bytes.iter().all(|b| b.is_ascii_whitespace()) {
                return None;
            }
            let origin = Origin::line(path, number);
            Some(match decode_text(bytes) {
                Decoded::Binary { detail } => Err(IngestError::Binary { origin, detail }),
                Decoded::Text { text, lossy } => parse_jsonl_record(origin, &text).map(|mut a| {
                    a.lossy = lossy;
                    a
                }),
            })
        }
    }
}

/// Parse one JSON object into a raw article.
pub fn parse_jsonl_record(origin: Origin, line: &str) -> Result<RawArticle, IngestError> {
    let value: Value = serde_json::from_str(line).map_err(|e| IngestError::BadJson {
        origin: origin.clone(),
        message: e.to_string(),
    })?;
    let Value::Object(mut map) = value else {
        return Err(IngestError::BadJson {
            origin,
            message: "expected a JSON object".into(),
        });
    };
    let text = match take_string(&mut map, TEXT_KEYS) {
        Some(text) if !text.trim().is_empty() => text,
        Some(_) => {
            return Err(IngestError::NoText {
                origin,
                detail: "the text field is empty".into(),
            })
        }
        None => {
            return Err(IngestError::NoText {
                origin,
                detail: "no string field text, body or content".into(),
            })
        }
    };
    let id = take_string(&mut map, &["id"]);
    let url = take_string(&mut map, URL_KEYS);
    let title = take_string(&mut map, TITLE_KEYS);
    let published = take_string(&mut map, DATE_KEYS);
    Ok(RawArticle {
        origin,
        id,
        url,
        title,
        published,
        text,
        meta: map,
        lossy: false,
    })
}

/// Remove and return the first of `keys` holding a string (numbers are
/// accepted and written out, for ids).
fn take_string(map: &mut Map<String, Value>, keys: &[&str]) -> Option<String> {
    for key in keys {
        match map.get(*key) {
            Some(Value::String(_)) | Some(Value::Number(_)) => {}
            _ => continue,
        }
        return match map.remove(*key) {
            Some(Value::String(s)) => Some(s),
            Some(Value::Number(n)) => Some(n.to_string()),
            _ => None,
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_fields_are_taken_and_the_rest_kept() {
        let line = r#"{"id": 7, "url": "https://example.org/a", "title": "Talks end", "published": "2017-05-12", "text": "Body.", "lang": "en"}"#;
        let a = parse_jsonl_record(Origin::line("x.jsonl", 1), line).expect("valid record");
        assert_eq!(a.id.as_deref(), Some("7"));
        assert_eq!(a.title.as_deref(), Some("Talks end"));
        assert_eq!(a.published.as_deref(), Some("2017-05-12"));
        assert_eq!(a.text, "Body.");
        assert_eq!(a.meta.get("lang"), Some(&Value::from("en")));
        assert!(!a.meta.contains_key("title"));
    }

    #[test]
    fn errors_name_file_and_line() {
        let err = parse_jsonl_record(Origin::line("feed.jsonl", 12), "{\"text\": ").unwrap_err();
        assert!(err.to_string().starts_with("feed.jsonl:12: invalid JSON"));
        let err = parse_jsonl_record(Origin::line("feed.jsonl", 13), "[1,2]").unwrap_err();
        assert!(err.to_string().contains("expected a JSON object"));
        let err =
            parse_jsonl_record(Origin::line("feed.jsonl", 14), "{\"title\":\"x\"}").unwrap_err();
        assert_eq!(err.reason(), crate::SkipReason::NoText);
    }
}
