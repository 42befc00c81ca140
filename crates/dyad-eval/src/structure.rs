//! Article-structure evaluation on others' data.
//!
//! - **Reuters-21578** (`corpora/reuters21578/*.sgm`): each story's `<TEXT>`
//!   element, tags stripped and entities decoded, is fed as plain text, as a
//!   scraper would see it. Gold: `TITLE` (headline), `DATELINE` (its place:
//!   the text before the date; and its month-day), `DATE`. Stories with a
//!   title, dateline and body are scored (briefs without a body are counted
//!   apart).
//! - **BBC News 2004–05** (`corpora/bbc-news-2004-05`): line 1 is the
//!   headline; the whole file is fed as plain text.
//!
//! Accuracy is exact match after folding whitespace.

use std::path::{Path, PathBuf};

use chrono::Datelike;
use dyad_core::Document;
use dyad_ingest::structure::dates::month_number;
use dyad_ingest::{build_document, Origin, RawArticle, StructureOptions};
use serde::Serialize;

use crate::error::EvalError;

/// Scores on Reuters-21578.
#[derive(Debug, Serialize)]
pub struct ReutersReport {
    pub task: &'static str,
    pub set: &'static str,
    /// Stories with title, dateline and body (the scored ones).
    pub docs: usize,
    /// Stories passed over: no dateline or no body (briefs).
    pub briefs: usize,
    pub headline_acc: f64,
    pub dateline_place_acc: f64,
    pub dateline_date_acc: f64,
    /// Stories whose body came out empty (an error).
    pub failed: usize,
    /// Up to ten misses of each kind, for study.
    pub headline_misses: Vec<(String, Option<String>)>,
    pub place_misses: Vec<(String, Option<String>)>,
}

/// Scores on the BBC corpus.
#[derive(Debug, Serialize)]
pub struct BbcReport {
    pub task: &'static str,
    pub set: &'static str,
    pub docs: usize,
    pub headline_acc: f64,
    /// The body starts with the gold first paragraph (line 3).
    pub body_start_acc: f64,
    pub failed: usize,
    pub headline_misses: Vec<(String, Option<String>)>,
}

/// One Reuters story: its plain text and gold fields.
#[derive(Debug, Clone)]
pub struct ReutersStory {
    pub newid: String,
    pub text: String,
    pub title: Option<String>,
    pub dateline: Option<String>,
    pub has_body: bool,
    /// (month, day) of the DATE field.
    pub date: Option<(u32, u32)>,
}

/// Score the structure stage on the Reuters SGML files in `dir`.
pub fn eval_reuters(dir: &Path) -> Result<ReutersReport, EvalError> {
    let mut stories = Vec::new();
    for path in sgm_files(dir)? {
        let bytes = std::fs::read(&path).map_err(|e| EvalError::io(&path, e))?;
        // Reuters-21578 is Latin-1; every byte maps to the same code point.
        let text: String = bytes.iter().map(|&b| b as char).collect();
        stories.extend(parse_reuters(&text));
    }
    let mut report = ReutersReport {
        task: "structure",
        set: "reuters21578",
        docs: 0,
        briefs: 0,
        headline_acc: 0.0,
        dateline_place_acc: 0.0,
        dateline_date_acc: 0.0,
        failed: 0,
        headline_misses: Vec::new(),
        place_misses: Vec::new(),
    };
    let (mut head_ok, mut place_ok, mut date_ok) = (0usize, 0usize, 0usize);
    for story in stories {
        let (Some(title), Some(dateline), true) = (&story.title, &story.dateline, story.has_body)
        else {
            report.briefs += 1;
            continue;
        };
        report.docs += 1;
        let raw = RawArticle::from_text(
            Origin::file(format!("reuters:{}", story.newid)),
            story.text.clone(),
        );
        let doc = match build_document(raw, &StructureOptions::default()) {
            Ok(doc) => doc,
            Err(_) => {
                report.failed += 1;
                continue;
            }
        };
        let gold_title = fold(title);
        if doc.headline.as_deref().map(fold).as_deref() == Some(gold_title.as_str()) {
            head_ok += 1;
        } else if report.headline_misses.len() < 10 {
            report
                .headline_misses
                .push((gold_title, doc.headline.clone()));
        }
        let gold_place = dateline_place(dateline);
        let place = doc.dateline.as_ref().map(|d| fold(&d.location));
        if place.as_deref() == Some(gold_place.as_str()) {
            place_ok += 1;
        } else if report.place_misses.len() < 10 {
            report.place_misses.push((gold_place, place));
        }
        if story.date.is_some() && predicted_month_day(&doc) == story.date {
            date_ok += 1;
        }
    }
    let n = report.docs.max(1) as f64;
    report.headline_acc = head_ok as f64 / n;
    report.dateline_place_acc = place_ok as f64 / n;
    report.dateline_date_acc = date_ok as f64 / n;
    Ok(report)
}

fn predicted_month_day(doc: &Document) -> Option<(u32, u32)> {
    let dateline = doc.dateline.as_ref()?;
    if let Some(date) = dateline.date {
        return Some((date.month(), date.day()));
    }
    let text = dateline.date_text.as_deref()?;
    let mut words = text.split_whitespace();
    let month = month_number(words.next()?)?;
    let day = words.next()?.trim_end_matches(',').parse().ok()?;
    Some((month, day))
}

/// The place of a gold dateline: the text before its date, without the
/// trailing comma and dash ("PORTLAND, Ore., Feb 26 -" → "PORTLAND, Ore.").
pub fn dateline_place(dateline: &str) -> String {
    static MONTH_DAY: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)[, ]+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? +\d{1,2}\b.*$",
        )
        .expect("month-day pattern")
    });
    let folded = fold(dateline);
    let place = MONTH_DAY.replace(&folded, "");
    place.trim().trim_end_matches(['-', ' ', ',']).to_string()
}

/// Split SGML into stories.
pub fn parse_reuters(sgml: &str) -> Vec<ReutersStory> {
    let mut out = Vec::new();
    let mut rest = sgml;
    while let Some(start) = rest.find("<REUTERS") {
        let Some(end) = rest[start..].find("</REUTERS>") else {
            break;
        };
        let story = &rest[start..start + end];
        rest = &rest[start + end + "</REUTERS>".len()..];
        let newid = attr(story, "NEWID").unwrap_or_default();
        let text_inner = element(story, "TEXT").unwrap_or_default();
        let title = element(story, "TITLE").map(|t| decode_entities(&t));
        let dateline = element(story, "DATELINE").map(|t| decode_entities(&t));
        let has_body = element(story, "BODY").is_some_and(|b| !b.trim().is_empty());
        let date = element(story, "DATE").and_then(|d| parse_reuters_date(&d));
        out.push(ReutersStory {
            newid,
            text: strip_tags(&text_inner),
            title,
            dateline,
            has_body,
            date,
        });
    }
    out
}

/// "26-FEB-1987 15:01:01.79" → (2, 26).
fn parse_reuters_date(s: &str) -> Option<(u32, u32)> {
    let mut parts = s.trim().split('-');
    let day = parts.next()?.trim().parse().ok()?;
    let month = month_number(parts.next()?)?;
    Some((month, day))
}

fn attr(tag_text: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag_text.find(&key)? + key.len();
    let end = tag_text[start..].find('"')?;
    Some(tag_text[start..start + end].to_string())
}

/// Content of the first `<NAME …>…</NAME>` element.
fn element(text: &str, name: &str) -> Option<String> {
    let open = format!("<{name}");
    let close = format!("</{name}>");
    let start = text.find(&open)?;
    let content_start = start + text[start..].find('>')? + 1;
    let end = content_start + text[content_start..].find(&close)?;
    Some(text[content_start..end].to_string())
}

/// Remove tags, decode entities, drop control characters.
fn strip_tags(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    decode_entities(&out)
}

fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let tail = &rest[amp..];
        let Some(semi) = tail.find(';').filter(|&s| s <= 8) else {
            out.push('&');
            rest = &tail[1..];
            continue;
        };
        let name = &tail[1..semi];
        let decoded = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix('#')
                .and_then(|n| n.parse::<u32>().ok())
                .and_then(char::from_u32),
        };
        match decoded {
            Some(c) if c.is_control() && c != '\n' && c != '\t' => {}
            Some(c) => out.push(c),
            None => out.push_str(&tail[..=semi]),
        }
        rest = &tail[semi + 1..];
    }
    out.push_str(rest);
    out.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// Score headline extraction on the BBC corpus in `dir`.
pub fn eval_bbc(dir: &Path) -> Result<BbcReport, EvalError> {
    let files = crate::files::files_with_extension(dir, "txt")?;
    let mut report = BbcReport {
        task: "structure",
        set: "bbc-news-2004-05",
        docs: 0,
        headline_acc: 0.0,
        body_start_acc: 0.0,
        failed: 0,
        headline_misses: Vec::new(),
    };
    let (mut head_ok, mut body_ok) = (0usize, 0usize);
    for path in files {
        let bytes = std::fs::read(&path).map_err(|e| EvalError::io(&path, e))?;
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
        let (Some(gold_headline), Some(gold_first)) = (lines.next(), lines.next()) else {
            continue;
        };
        let (gold_headline, gold_first) = (fold(gold_headline), fold(gold_first));
        report.docs += 1;
        let raw = RawArticle::from_text(Origin::file(&path), text.clone());
        let doc = match build_document(raw, &StructureOptions::default()) {
            Ok(doc) => doc,
            Err(_) => {
                report.failed += 1;
                continue;
            }
        };
        if doc.headline.as_deref().map(fold).as_deref() == Some(gold_headline.as_str()) {
            head_ok += 1;
        } else if report.headline_misses.len() < 10 {
            report
                .headline_misses
                .push((gold_headline, doc.headline.clone()));
        }
        if fold(&doc.text).starts_with(&gold_first) {
            body_ok += 1;
        }
    }
    let n = report.docs.max(1) as f64;
    report.headline_acc = head_ok as f64 / n;
    report.body_start_acc = body_ok as f64 / n;
    Ok(report)
}

fn sgm_files(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    if dir.is_file() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| EvalError::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "sgm"))
        .collect();
    files.sort();
    Ok(files)
}

fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::shared::shared_or_skip;

    #[test]
    fn gold_dateline_place() {
        assert_eq!(dateline_place("    SALVADOR, Feb 26 - "), "SALVADOR");
        assert_eq!(
            dateline_place("    PORTLAND, Ore., Feb 26 - "),
            "PORTLAND, Ore."
        );
        assert_eq!(dateline_place(" NEW YORK, FEb 26 - "), "NEW YORK");
        assert_eq!(
            dateline_place("    RICHMOND, Va. Feb 26 - "),
            "RICHMOND, Va."
        );
    }

    #[test]
    fn sgml_entities_and_tags() {
        let stories = parse_reuters(
            "<REUTERS NEWID=\"7\"><DATE>26-FEB-1987 15:01:01.79</DATE><TEXT>&#2;\n<TITLE>A &amp; B &lt;UP&gt;</TITLE>\n<DATELINE>    X, Feb 26 - </DATELINE><BODY>Text.\n REUTER\n&#3;</BODY></TEXT></REUTERS>",
        );
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].title.as_deref(), Some("A & B <UP>"));
        assert_eq!(stories[0].date, Some((2, 26)));
        assert!(stories[0]
            .text
            .starts_with("\nA & B <UP>\n    X, Feb 26 - Text."));
    }

    #[test]
    fn reuters_accuracy_meets_goal() {
        let Some(dir) = shared_or_skip("corpora/reuters21578") else {
            return;
        };
        let report = eval_reuters(&dir).expect("reuters eval");
        assert!(report.docs >= 900, "{report:?}");
        assert!(report.headline_acc >= 0.95, "{report:?}");
        assert!(report.dateline_place_acc >= 0.95, "{report:?}");
    }

    #[test]
    fn bbc_headline_accuracy_meets_goal() {
        let Some(dir) = shared_or_skip("corpora/bbc-news-2004-05") else {
            return;
        };
        let report = eval_bbc(&dir).expect("bbc eval");
        assert_eq!(report.docs, 2225);
        assert!(report.headline_acc >= 0.95, "{:?}", report.headline_misses);
    }
}
