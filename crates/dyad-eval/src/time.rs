//! Evaluation of the time stage on TempEval-3 TimeML (task A).
//!
//! Reads inline TimeML (`.tml`): the plain text inside `<TEXT>` with tags
//! removed and entities decoded, the TIMEX3 extents in it as byte spans, and
//! the document creation time (DCT). Scores a system's TIMEX3 against gold
//! with the TempEval-3 metric: strict (identical extent) and relaxed
//! (overlapping extent) P/R/F1, and attribute F1 for `type` and `value` =
//! accuracy on relaxed-matched pairs × relaxed F1 (UzZaman et al. 2013).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::Serialize;

use crate::EvalError;

/// One TIMEX3 with its byte span in the plain text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimexSpan {
    pub start: usize,
    pub end: usize,
    pub kind: String,
    pub value: String,
}

/// One TimeML document.
#[derive(Debug, Clone, Default)]
pub struct TimemlDoc {
    /// File name.
    pub name: String,
    /// Document creation time.
    pub dct: Option<NaiveDate>,
    /// Plain text of `<TEXT>`.
    pub text: String,
    pub timexes: Vec<TimexSpan>,
}

fn decode_entity(entity: &str) -> Option<char> {
    match entity {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        _ => {
            let code = entity.strip_prefix('#')?;
            let n = match code.strip_prefix('x').or_else(|| code.strip_prefix('X')) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => code.parse().ok()?,
            };
            char::from_u32(n)
        }
    }
}

fn attr(tag: &str, name: &str) -> Option<String> {
    let mut rest = tag;
    while let Some(pos) = rest.find(name) {
        let before_ok = pos == 0 || rest[..pos].ends_with(char::is_whitespace);
        let after = rest[pos + name.len()..].trim_start();
        if before_ok {
            if let Some(v) = after.strip_prefix('=') {
                let v = v.trim_start();
                let quote = v.chars().next()?;
                if quote == '"' || quote == '\'' {
                    let body = &v[1..];
                    let end = body.find(quote)?;
                    return Some(body[..end].to_string());
                }
            }
        }
        rest = &rest[pos + name.len()..];
    }
    None
}

/// Parse inline TimeML.
pub fn parse_timeml(name: &str, xml: &str) -> Result<TimemlDoc, String> {
    let mut doc = TimemlDoc {
        name: name.to_string(),
        ..TimemlDoc::default()
    };
    if let Some(dct_start) = xml.find("<DCT>") {
        let dct = &xml[dct_start..];
        let end = dct.find("</DCT>").unwrap_or(dct.len());
        if let Some(v) = attr(&dct[..end], "value") {
            doc.dct = v
                .get(..10)
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        }
    }
    let open = xml.find("<TEXT>").ok_or("no <TEXT> element")?;
    let body_start = open + "<TEXT>".len();
    let close = xml[body_start..]
        .find("</TEXT>")
        .map(|p| body_start + p)
        .ok_or("no </TEXT>")?;
    let body = &xml[body_start..close];
    let mut text = String::with_capacity(body.len());
    let mut open_timex: Vec<(usize, String, String)> = Vec::new();
    let mut rest = body;
    while !rest.is_empty() {
        let Some(pos) = rest.find(['<', '&']) else {
            text.push_str(rest);
            break;
        };
        text.push_str(&rest[..pos]);
        rest = &rest[pos..];
        if rest.starts_with('&') {
            let end = rest.find(';').filter(|e| *e <= 10);
            match end.and_then(|e| decode_entity(&rest[1..e]).map(|c| (c, e))) {
                Some((c, e)) => {
                    text.push(c);
                    rest = &rest[e + 1..];
                }
                None => {
                    text.push('&');
                    rest = &rest[1..];
                }
            }
            continue;
        }
        let end = rest.find('>').ok_or("unclosed tag")?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        if let Some(t) = tag.strip_prefix("TIMEX3") {
            if t.trim_end().ends_with('/') {
                continue;
            }
            let kind = attr(t, "type").unwrap_or_default();
            let value = attr(t, "value").unwrap_or_default();
            open_timex.push((text.len(), kind, value));
        } else if tag.starts_with("/TIMEX3") {
            let (start, kind, value) = open_timex.pop().ok_or("unbalanced </TIMEX3>")?;
            if text.len() > start {
                doc.timexes.push(TimexSpan {
                    start,
                    end: text.len(),
                    kind,
                    value,
                });
            }
        }
    }
    doc.text = text;
    doc.timexes.sort_by_key(|t| (t.start, t.end));
    Ok(doc)
}

/// Read every `.tml` file under `dir` (recursively), sorted by path.
pub fn read_dir(dir: &Path) -> Result<Vec<(PathBuf, TimemlDoc)>, EvalError> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let xml = std::fs::read_to_string(&path).map_err(|e| EvalError::io(&path, e))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let doc = parse_timeml(&name, &xml).map_err(|m| EvalError::format(&path, m))?;
            Ok((path, doc))
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), EvalError> {
    let entries = std::fs::read_dir(dir).map_err(|e| EvalError::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| EvalError::io(dir, e))?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "tml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Re-map spans of `pred` (over `pred_text`) onto `gold_text` by aligning
/// non-whitespace characters; `None` when the texts differ beyond whitespace.
pub fn align(pred_text: &str, gold_text: &str, pred: &[TimexSpan]) -> Option<Vec<TimexSpan>> {
    if pred_text == gold_text {
        return Some(pred.to_vec());
    }
    let chars = |s: &str| -> Vec<(usize, char)> {
        s.char_indices()
            .filter(|(_, c)| !c.is_whitespace())
            .collect()
    };
    let p = chars(pred_text);
    let g = chars(gold_text);
    if p.len() != g.len() || p.iter().zip(&g).any(|(a, b)| a.1 != b.1) {
        return None;
    }
    let map = |offset: usize, is_end: bool| -> Option<usize> {
        if is_end {
            let k = p.iter().rposition(|(o, _)| *o < offset)?;
            let (o, c) = g.get(k)?;
            Some(o + c.len_utf8())
        } else {
            let k = p.iter().position(|(o, _)| *o >= offset)?;
            g.get(k).map(|(o, _)| *o)
        }
    };
    Some(
        pred.iter()
            .filter_map(|t| {
                let start = map(t.start, false)?;
                let end = map(t.end, true)?;
                (end > start).then(|| TimexSpan {
                    start,
                    end,
                    ..t.clone()
                })
            })
            .collect(),
    )
}

/// Counts for the TempEval-3 metric.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub pred: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
}

impl Counts {
    fn add(&mut self, o: Counts) {
        self.gold += o.gold;
        self.pred += o.pred;
        self.strict += o.strict;
        self.relaxed += o.relaxed;
        self.type_ok += o.type_ok;
        self.value_ok += o.value_ok;
    }
}

/// A pair matched by overlap: (gold index, pred index).
pub fn match_pairs(gold: &[TimexSpan], pred: &[TimexSpan]) -> Vec<(usize, usize)> {
    // One-to-one: candidate pairs by overlap, exact extents first, then by
    // larger overlap, then in text order.
    let mut cands = Vec::new();
    for (gi, g) in gold.iter().enumerate() {
        for (pi, p) in pred.iter().enumerate() {
            let ov = g.end.min(p.end).saturating_sub(g.start.max(p.start));
            if ov > 0 {
                let exact = g.start == p.start && g.end == p.end;
                cands.push((!exact, std::cmp::Reverse(ov), gi, pi));
            }
        }
    }
    cands.sort();
    let mut gused = vec![false; gold.len()];
    let mut pused = vec![false; pred.len()];
    let mut pairs = Vec::new();
    for (_, _, gi, pi) in cands {
        if !gused[gi] && !pused[pi] {
            gused[gi] = true;
            pused[pi] = true;
            pairs.push((gi, pi));
        }
    }
    pairs.sort();
    pairs
}

/// Score one document.
pub fn score_doc(gold: &[TimexSpan], pred: &[TimexSpan]) -> Counts {
    let mut c = Counts {
        gold: gold.len(),
        pred: pred.len(),
        ..Counts::default()
    };
    for (gi, pi) in match_pairs(gold, pred) {
        let (g, p) = (&gold[gi], &pred[pi]);
        c.relaxed += 1;
        if g.start == p.start && g.end == p.end {
            c.strict += 1;
        }
        if g.kind.eq_ignore_ascii_case(&p.kind) {
            c.type_ok += 1;
        }
        if g.value == p.value {
            c.value_ok += 1;
        }
    }
    c
}

/// Precision, recall, F1 (percent).
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn prf(tp: usize, pred: usize, gold: usize) -> Prf {
    let p = if pred > 0 {
        tp as f64 / pred as f64
    } else {
        0.0
    };
    let r = if gold > 0 {
        tp as f64 / gold as f64
    } else {
        0.0
    };
    let f = if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    };
    Prf {
        p: round2(100.0 * p),
        r: round2(100.0 * r),
        f1: round2(100.0 * f),
    }
}

/// The JSON report of `dyad eval time`.
#[derive(Debug, Clone, Serialize)]
pub struct TimeReport {
    pub task: &'static str,
    pub set: String,
    pub system: String,
    pub docs: usize,
    pub gold: usize,
    pub pred: usize,
    pub strict: Prf,
    pub relaxed: Prf,
    pub type_f1: f64,
    pub value_f1: f64,
    pub type_accuracy: f64,
    pub value_accuracy: f64,
    /// Docs of `--pred` that were missing or could not be aligned.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unaligned: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub words_per_sec: Option<f64>,
}

impl TimeReport {
    /// Build the report from summed counts.
    pub fn from_counts(set: &str, system: &str, docs: usize, c: Counts) -> TimeReport {
        let relaxed = prf(c.relaxed, c.pred, c.gold);
        // Attribute F1 = 2·correct / (|sys| + |ref|) = accuracy × relaxed F1,
        // computed before rounding.
        let attr_f1 = |ok: usize| {
            let total = c.pred + c.gold;
            if total > 0 {
                round2(200.0 * ok as f64 / total as f64)
            } else {
                0.0
            }
        };
        let acc = |ok: usize| {
            if c.relaxed > 0 {
                ok as f64 / c.relaxed as f64
            } else {
                0.0
            }
        };
        TimeReport {
            task: "time",
            set: set.to_string(),
            system: system.to_string(),
            docs,
            gold: c.gold,
            pred: c.pred,
            strict: prf(c.strict, c.pred, c.gold),
            relaxed,
            type_f1: attr_f1(c.type_ok),
            value_f1: attr_f1(c.value_ok),
            type_accuracy: round2(100.0 * acc(c.type_ok)),
            value_accuracy: round2(100.0 * acc(c.value_ok)),
            unaligned: None,
            words: None,
            words_per_sec: None,
        }
    }
}

/// One disagreement, for error study.
#[derive(Debug, Clone, Serialize)]
pub struct TimeError {
    pub doc: String,
    pub kind: &'static str,
    pub text: String,
    pub gold: Option<String>,
    pub pred: Option<String>,
}

fn describe(text: &str, t: &TimexSpan) -> String {
    format!(
        "{} {} [{}]",
        t.kind,
        t.value,
        text.get(t.start..t.end).unwrap_or("")
    )
}

/// List the errors of one document: missed, spurious, wrong value or type.
pub fn errors(doc: &str, text: &str, gold: &[TimexSpan], pred: &[TimexSpan]) -> Vec<TimeError> {
    let pairs = match_pairs(gold, pred);
    let mut out = Vec::new();
    let gm: BTreeMap<usize, usize> = pairs.iter().copied().collect();
    let pm: BTreeMap<usize, usize> = pairs.iter().map(|(g, p)| (*p, *g)).collect();
    let context = |s: usize, e: usize| {
        let a = text.floor_char_boundary(s.saturating_sub(40));
        let b = text.ceil_char_boundary((e + 40).min(text.len()));
        text.get(a..b).unwrap_or("").replace('\n', " ")
    };
    for (gi, g) in gold.iter().enumerate() {
        match gm.get(&gi) {
            None => out.push(TimeError {
                doc: doc.into(),
                kind: "missed",
                text: context(g.start, g.end),
                gold: Some(describe(text, g)),
                pred: None,
            }),
            Some(&pi) => {
                let p = &pred[pi];
                let kind = if g.value != p.value {
                    "value"
                } else if !g.kind.eq_ignore_ascii_case(&p.kind) {
                    "type"
                } else if (g.start, g.end) != (p.start, p.end) {
                    "extent"
                } else {
                    continue;
                };
                out.push(TimeError {
                    doc: doc.into(),
                    kind,
                    text: context(g.start, g.end),
                    gold: Some(describe(text, g)),
                    pred: Some(describe(text, p)),
                });
            }
        }
    }
    for (pi, p) in pred.iter().enumerate() {
        if !pm.contains_key(&pi) {
            out.push(TimeError {
                doc: doc.into(),
                kind: "spurious",
                text: context(p.start, p.end),
                gold: None,
                pred: Some(describe(text, p)),
            });
        }
    }
    out
}

/// Run dyad's time stage on a gold document's text with the DCT as the
/// publication date.
pub fn dyad_predict(tagger: &dyad_time::TimeTagger, doc: &TimemlDoc) -> Vec<TimexSpan> {
    let mut d = dyad_core::Document::from_body(doc.name.clone(), doc.text.clone());
    d.published = doc.dct;
    tagger.annotate(&mut d);
    d.timexes
        .into_iter()
        .map(|t| TimexSpan {
            start: t.start,
            end: t.end,
            kind: serde_json::to_value(t.kind)
                .ok()
                .and_then(|v| v.as_str().map(str::to_string))
                .unwrap_or_default(),
            value: t.value,
        })
        .collect()
}

/// Options of an evaluation run.
#[derive(Debug, Clone, Default)]
pub struct TimeEvalOptions {
    /// Score these TimeML files (matched by file name) instead of dyad.
    pub pred: Option<PathBuf>,
    /// Collect per-expression errors.
    pub collect_errors: bool,
}

/// Evaluate on a gold directory; returns the report and, if asked, errors.
pub fn evaluate(
    gold_dir: &Path,
    options: &TimeEvalOptions,
) -> Result<(TimeReport, Vec<TimeError>), EvalError> {
    let gold = read_dir(gold_dir)?;
    if gold.is_empty() {
        return Err(EvalError::Other(format!(
            "no .tml files under {}",
            gold_dir.display()
        )));
    }
    let set = gold_dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "time".into());
    let mut total = Counts::default();
    let mut errs = Vec::new();
    let (system, preds, unaligned, words, secs) = match &options.pred {
        Some(pred_dir) => {
            let mut by_name = BTreeMap::new();
            for (_, d) in read_dir(pred_dir)? {
                by_name.insert(d.name.clone(), d);
            }
            let mut unaligned = 0;
            let preds: Vec<Vec<TimexSpan>> = gold
                .iter()
                .map(|(_, g)| {
                    let aligned = by_name
                        .get(&g.name)
                        .and_then(|p| align(&p.text, &g.text, &p.timexes));
                    if aligned.is_none() {
                        unaligned += 1;
                    }
                    aligned.unwrap_or_default()
                })
                .collect();
            let system = pred_dir
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_else(|| "pred".into());
            (system, preds, Some(unaligned), None, None)
        }
        None => {
            let tagger = dyad_time::TimeTagger::new();
            let started = std::time::Instant::now();
            let preds: Vec<Vec<TimexSpan>> =
                gold.iter().map(|(_, g)| dyad_predict(&tagger, g)).collect();
            let secs = started.elapsed().as_secs_f64();
            let words: usize = gold
                .iter()
                .map(|(_, g)| g.text.split_whitespace().count())
                .sum();
            ("dyad".to_string(), preds, None, Some(words), Some(secs))
        }
    };
    for ((_, g), p) in gold.iter().zip(&preds) {
        total.add(score_doc(&g.timexes, p));
        if options.collect_errors {
            errs.extend(errors(&g.name, &g.text, &g.timexes, p));
        }
    }
    let mut report = TimeReport::from_counts(&set, &system, gold.len(), total);
    report.unaligned = unaligned;
    report.words = words;
    report.words_per_sec = match (words, secs) {
        (Some(w), Some(s)) if s > 0.0 => Some((w as f64 / s).round()),
        _ => None,
    };
    Ok((report, errs))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TML: &str = r#"<TimeML><DCT><TIMEX3 tid="t0" type="DATE" value="1998-01-08" functionInDocument="CREATION_TIME">19980108</TIMEX3></DCT>
<TEXT>Stocks fell <TIMEX3 tid="t1" type="DATE" value="1998-01-07">yesterday</TIMEX3> &amp; rose for <TIMEX3 tid="t2" type="DURATION" value="P3D">three days</TIMEX3>.<TIMEX3 tid="t3" type="DATE" value="X"/></TEXT></TimeML>"#;

    fn span(start: usize, end: usize, kind: &str, value: &str) -> TimexSpan {
        TimexSpan {
            start,
            end,
            kind: kind.into(),
            value: value.into(),
        }
    }

    #[test]
    fn reads_inline_timeml() {
        let doc = parse_timeml("x.tml", TML).expect("parse");
        assert_eq!(doc.dct, NaiveDate::from_ymd_opt(1998, 1, 8));
        assert_eq!(doc.text, "Stocks fell yesterday & rose for three days.");
        let texts: Vec<&str> = doc
            .timexes
            .iter()
            .map(|t| &doc.text[t.start..t.end])
            .collect();
        assert_eq!(texts, vec!["yesterday", "three days"]);
        assert_eq!(doc.timexes[1].value, "P3D");
    }

    #[test]
    fn strict_relaxed_and_attribute_scores() {
        let gold = vec![
            span(0, 10, "DATE", "A"),
            span(20, 30, "DURATION", "P3D"),
            span(40, 45, "DATE", "B"),
        ];
        // exact with right value, overlap with wrong value, one spurious
        let pred = vec![
            span(0, 10, "DATE", "A"),
            span(25, 35, "DURATION", "P4D"),
            span(50, 55, "DATE", "C"),
        ];
        let c = score_doc(&gold, &pred);
        assert_eq!((c.strict, c.relaxed, c.type_ok, c.value_ok), (1, 2, 2, 1));
        let r = TimeReport::from_counts("t", "s", 1, c);
        assert_eq!(r.relaxed.f1, 66.67);
        assert_eq!(r.strict.f1, 33.33);
        // value F1 = 1/2 accuracy × 66.67
        assert_eq!(r.value_f1, 33.33);
        assert_eq!(r.type_f1, 66.67);
    }

    #[test]
    fn alignment_ignores_whitespace_only() {
        let pred = vec![span(5, 10, "DATE", "A")];
        let got = align("the  today", "the today", &pred).expect("aligned");
        assert_eq!((got[0].start, got[0].end), (4, 9));
        assert!(align("other", "the today", &pred).is_none());
    }

    #[test]
    fn tbaq_scores_stay_at_least_at_heideltime_level() {
        let Some(dir) = crate::shared::shared_or_skip("eval/time/tbaq") else {
            return;
        };
        let (report, _) = evaluate(&dir, &TimeEvalOptions::default()).expect("evaluate");
        assert_eq!(report.gold, 1822);
        // HeidelTime scored by this scorer on TBAQ: relaxed 92.1, value 77.4.
        assert!(report.relaxed.f1 > 92.0, "{report:?}");
        assert!(report.value_f1 > 77.5, "{report:?}");
    }
}
