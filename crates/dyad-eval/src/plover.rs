//! Event coding scores on two gold sets:
//! - the PLOVER gold standard (`eval/events/plover/PLOVER_GSR_dev.json`):
//!   event-type accuracy (the first PLOVER-typed event dyad codes in the
//!   sentence against the gold type, old labels mapped: DEMAND→REQUEST,
//!   DISAPPROVE→ACCUSE, INVESTIGATE→ACCUSE, FIGHT→ASSAULT) and micro P/R/F1 of
//!   (event type, source country, target country) triples;
//! - the 78 sentences of `universal-petrarch/PETR2_GSR_validation.xml` (not
//!   well-formed XML, read line by line): micro P/R/F1 of (source, target,
//!   CAMEO root) triples, actors compared at country level (first three
//!   letters of the actor code) and in full.
//!
//! Errors are `std::io::Error`s (`InvalidData` for a malformed gold file) so
//! this module stays free of crate-specific types.

use std::collections::BTreeMap;
use std::io;
use std::path::Path;

use chrono::NaiveDate;
use dyad_annotate::Pipeline;
use dyad_core::{Document, Event};
use serde::Serialize;
use serde_json::Value;

/// Precision, recall, F1 (percent, two decimals) with their counts.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Prf {
    pub p: f64,
    pub r: f64,
    pub f1: f64,
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
}

impl Prf {
    pub fn new(tp: usize, pred: usize, gold: usize) -> Prf {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(tp, pred);
        let r = ratio(tp, gold);
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        let pct = |x: f64| (x * 10000.0).round() / 100.0;
        Prf {
            p: pct(p),
            r: pct(r),
            f1: pct(f1),
            tp,
            pred,
            gold,
        }
    }
}

/// Scores on the PLOVER gold standard.
#[derive(Debug, Clone, Serialize)]
pub struct PloverReport {
    pub task: &'static str,
    pub set: String,
    pub sentences: usize,
    /// Sentences where dyad coded at least one PLOVER event.
    pub coded: usize,
    /// Share (percent) of sentences whose first PLOVER event has the gold type.
    pub type_accuracy: f64,
    /// Type accuracy over the coded sentences only.
    pub type_accuracy_coded: f64,
    pub triples: Prf,
    /// The same triples with the gold's `SRC/TAR` markup read as a mutual
    /// event: actors marked both source and target of an event the gold
    /// lists without a target ("X and Y agreed…") give the pairs X→Y and
    /// Y→X, as CAMEO codes compound actors, instead of X→none and Y→none.
    pub triples_mutual: Prf,
    /// Per gold type: [sentences, correct type].
    pub by_type: BTreeMap<String, [usize; 2]>,
}

/// Scores on the PETRARCH-2 gold sentences.
#[derive(Debug, Clone, Serialize)]
pub struct Petr2Report {
    pub task: &'static str,
    pub set: String,
    pub sentences: usize,
    pub gold_events: usize,
    /// (source country, target country, root) triples.
    pub triples_country: Prf,
    /// (source code, target code, root) triples, full actor codes.
    pub triples_full: Prf,
    /// Share (percent) of the sentences whose set of root codes equals the gold one.
    pub root_set_accuracy: f64,
}

fn invalid(path: &Path, msg: impl std::fmt::Display) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidData,
        format!("{}: {msg}", path.display()),
    )
}

/// Today's PLOVER label for an older gold label.
pub fn map_label(label: &str) -> String {
    match label {
        "DEMAND" => "REQUEST".into(),
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE".into(),
        "FIGHT" => "ASSAULT".into(),
        other => other.to_string(),
    }
}

/// Country part of an actor code ("USAGOV" → "USA").
pub fn country(code: Option<&str>) -> String {
    code.map(|c| c.chars().take(3).collect())
        .unwrap_or_default()
}

fn run_pipeline(pipeline: &Pipeline, id: &str, text: &str, date: Option<NaiveDate>) -> Document {
    let mut doc = Document::from_body(id, text);
    doc.published = date;
    pipeline.annotate(&mut doc);
    doc
}

fn gold_countries(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .map(|a| country(a.get("code").and_then(Value::as_str)))
            .collect(),
        _ => Vec::new(),
    }
}

/// One gold event dyad did not reproduce, or one extra predicted event, with
/// its cause (for `dyad eval plover --errors`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Miss {
    /// `plover` or `petr2`.
    pub set: &'static str,
    pub id: String,
    /// Short cause key (`no-event`, `wrong-type`, `source-missing`,
    /// `source-uncoded`, `source-wrong`, `target-missing`, `target-uncoded`,
    /// `target-wrong`, `target-extra`, `extra-type`, `extra-actors`).
    pub cause: &'static str,
    /// The triple concerned, as `TYPE SRC>TGT`.
    pub triple: String,
    /// What dyad coded in the sentence.
    pub pred: Vec<String>,
    pub text: String,
}

/// A triple: (event type or root, source country, target country).
type Triple = (String, String, String);

fn describe(doc: &Document, e: &Event) -> String {
    let side = |a: &dyad_core::EventActor| match (&a.actor, &a.text) {
        (Some(c), Some(t)) => format!("{c}({t})"),
        (None, Some(t)) => format!("?({t})"),
        (Some(c), None) => c.clone(),
        (None, None) => "-".into(),
    };
    let trigger = doc.text.get(e.trigger.start..e.trigger.end).unwrap_or("");
    let mut flags = String::new();
    if e.negated {
        flags.push_str(" neg");
    }
    format!(
        "{}/{} {}>{} '{}' [{}]{}",
        e.code,
        e.plover.as_deref().unwrap_or("-"),
        side(&e.source),
        side(&e.target),
        trigger,
        e.rule,
        flags
    )
}

/// Why the gold triple `g` is not among the predicted events `typed` (all of
/// the sentence's events, `kind` giving each event's type or root).
fn classify(g: &Triple, events: &[&Event], kind: &dyn Fn(&Event) -> String) -> &'static str {
    if events.is_empty() {
        return "no-event";
    }
    let same: Vec<&&Event> = events.iter().filter(|e| kind(e) == g.0).collect();
    if same.is_empty() {
        return "wrong-type";
    }
    let src_ok = |e: &Event| country(e.source.actor.as_deref()) == g.1;
    let tgt_ok = |e: &Event| country(e.target.actor.as_deref()) == g.2;
    // the event of the right type that gets the source right, else the target
    let best = same
        .iter()
        .find(|e| src_ok(e))
        .or_else(|| same.iter().find(|e| tgt_ok(e)))
        .or_else(|| same.first())
        .copied();
    let Some(e) = best else {
        return "wrong-type";
    };
    if !src_ok(e) {
        return match (&e.source.actor, &e.source.text) {
            (None, None) => "source-missing",
            (None, Some(_)) => "source-uncoded",
            _ => "source-wrong",
        };
    }
    if g.2.is_empty() {
        return "target-extra";
    }
    match (&e.target.actor, &e.target.text) {
        (None, None) => "target-missing",
        (None, Some(_)) => "target-uncoded",
        _ => "target-wrong",
    }
}

fn fmt_triple(t: &Triple) -> String {
    let or_dash = |s: &str| {
        if s.is_empty() {
            "-".to_string()
        } else {
            s.to_string()
        }
    };
    format!("{} {}>{}", t.0, or_dash(&t.1), or_dash(&t.2))
}

/// Score the pipeline on the PLOVER gold standard JSON file.
pub fn evaluate_plover(path: &Path, pipeline: &Pipeline) -> io::Result<PloverReport> {
    evaluate_plover_errors(path, pipeline).map(|(report, _)| report)
}

/// [`evaluate_plover`] with the missed gold triples and the extra predicted
/// ones, each with its cause.
pub fn evaluate_plover_errors(
    path: &Path,
    pipeline: &Pipeline,
) -> io::Result<(PloverReport, Vec<Miss>)> {
    let text = std::fs::read_to_string(path)?;
    let items: Vec<Value> = serde_json::from_str(&text).map_err(|e| invalid(path, e))?;
    if items.is_empty() {
        return Err(invalid(path, "no records"));
    }
    let (mut correct, mut coded) = (0, 0);
    let (mut tp, mut npred, mut ngold) = (0, 0, 0);
    let (mut tp_mutual, mut ngold_mutual) = (0, 0);
    let mut by_type: BTreeMap<String, [usize; 2]> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut n = 0;
    for (i, item) in items.iter().enumerate() {
        // DOCUMENT records document the file; they have no text
        let Some(sentence) = item.get("text").and_then(Value::as_str) else {
            continue;
        };
        n += 1;
        let label = map_label(item.get("event").and_then(Value::as_str).unwrap_or(""));
        let date = item
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let doc = run_pipeline(pipeline, &format!("plover-{i}"), sentence, date);
        let typed: Vec<&Event> = doc.events.iter().filter(|e| e.plover.is_some()).collect();
        let first = typed.first().and_then(|e| e.plover.clone());
        let entry = by_type.entry(label.clone()).or_default();
        entry[0] += 1;
        if first.is_some() {
            coded += 1;
        }
        if first.as_deref() == Some(label.as_str()) {
            correct += 1;
            entry[1] += 1;
        }
        // triples: gold sources × targets ("" when none)
        let sources = gold_countries(item.get("source"));
        let mut targets = gold_countries(item.get("target"));
        if targets.is_empty() {
            targets.push(String::new());
        }
        let mut gold: Vec<Triple> = Vec::new();
        for s in &sources {
            for t in &targets {
                let triple = (label.clone(), s.clone(), t.clone());
                if !gold.contains(&triple) {
                    gold.push(triple);
                }
            }
        }
        let kind = |e: &Event| e.plover.clone().unwrap_or_default();
        let pred = pred_triples(&typed, &kind);
        tp += pred.iter().filter(|p| gold.contains(p)).count();
        npred += pred.len();
        ngold += gold.len();
        let mutual =
            mutual_triples(item, &label, &sources, &targets).unwrap_or_else(|| gold.clone());
        tp_mutual += pred.iter().filter(|p| mutual.contains(p)).count();
        ngold_mutual += mutual.len();
        let id = item
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string();
        collect_misses(
            &mut misses,
            ("plover", &id, &doc),
            (&gold, &pred),
            &typed,
            &kind,
        );
    }
    let pct = |a: usize, b: usize| {
        if b == 0 {
            0.0
        } else {
            (a as f64 * 10000.0 / b as f64).round() / 100.0
        }
    };
    let report = PloverReport {
        task: "plover",
        set: path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sentences: n,
        coded,
        type_accuracy: pct(correct, n),
        type_accuracy_coded: pct(correct, coded),
        triples: Prf::new(tp, npred, ngold),
        triples_mutual: Prf::new(tp_mutual, npred, ngold_mutual),
        by_type,
    };
    Ok((report, misses))
}

/// The gold triples of a record whose markup marks its actors `SRC/TAR`
/// and that has no target: every ordered pair of its sources. `None` for
/// every other record.
fn mutual_triples(
    item: &Value,
    label: &str,
    sources: &[String],
    targets: &[String],
) -> Option<Vec<Triple>> {
    let markup = item
        .get("textInfo")
        .and_then(|t| t.get("markup"))
        .and_then(Value::as_str)?;
    let untargeted = targets.iter().all(String::is_empty);
    if !markup.contains("SRC/TAR") || !untargeted || sources.len() < 2 {
        return None;
    }
    let mut out: Vec<Triple> = Vec::new();
    for (i, s) in sources.iter().enumerate() {
        for (j, t) in sources.iter().enumerate() {
            let triple = (label.to_string(), s.clone(), t.clone());
            if i != j && !out.contains(&triple) {
                out.push(triple);
            }
        }
    }
    Some(out)
}

fn pred_triples(events: &[&Event], kind: &dyn Fn(&Event) -> String) -> Vec<Triple> {
    let mut pred: Vec<Triple> = Vec::new();
    for e in events {
        let triple = (
            kind(e),
            country(e.source.actor.as_deref()),
            country(e.target.actor.as_deref()),
        );
        if !pred.contains(&triple) {
            pred.push(triple);
        }
    }
    pred
}

/// Add one [`Miss`] per gold triple not predicted and per predicted triple
/// not in the gold.
fn collect_misses(
    out: &mut Vec<Miss>,
    (set, id, doc): (&'static str, &str, &Document),
    (gold, pred): (&[Triple], &[Triple]),
    events: &[&Event],
    kind: &dyn Fn(&Event) -> String,
) {
    let described: Vec<String> = events.iter().map(|e| describe(doc, e)).collect();
    let mut push = |cause: &'static str, t: &Triple| {
        out.push(Miss {
            set,
            id: id.to_string(),
            cause,
            triple: fmt_triple(t),
            pred: described.clone(),
            text: doc.text.clone(),
        })
    };
    for g in gold.iter().filter(|g| !pred.contains(g)) {
        push(classify(g, events, kind), g);
    }
    for p in pred.iter().filter(|p| !gold.contains(p)) {
        let cause = if gold.iter().any(|g| g.0 == p.0) {
            "extra-actors"
        } else {
            "extra-type"
        };
        push(cause, p);
    }
}

/// Count the misses by cause (sorted by count, largest first).
pub fn miss_summary(misses: &[Miss]) -> Vec<(&'static str, usize)> {
    let mut counts: BTreeMap<&'static str, usize> = BTreeMap::new();
    for m in misses {
        *counts.entry(m.cause).or_default() += 1;
    }
    let mut v: Vec<(&'static str, usize)> = counts.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v
}

/// One PETR2 gold record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Petr2Record {
    pub id: String,
    pub date: Option<NaiveDate>,
    pub text: String,
    /// (event code, source code, target code).
    pub events: Vec<(String, String, String)>,
}

fn xml_attr(tag: &str, name: &str) -> Option<String> {
    let key = format!("{name}=\"");
    let start = tag.find(&key)? + key.len();
    let rest = tag.get(start..)?;
    Some(rest.get(..rest.find('"')?)?.to_string())
}

/// Read the PETR2 validation file tolerantly: `<Sentence …/>` opens a
/// record, `<EventCoding …/>` adds an expected event, `<Text>…</Text>` holds
/// the sentence; everything else (comments, parses) is skipped.
pub fn read_petr2(text: &str) -> Vec<Petr2Record> {
    let mut out: Vec<Petr2Record> = Vec::new();
    let mut in_text = false;
    for line in text.lines() {
        let t = line.trim();
        if t.starts_with("<Sentence ") {
            out.push(Petr2Record {
                id: xml_attr(t, "id").unwrap_or_default(),
                date: xml_attr(t, "date")
                    .and_then(|d| NaiveDate::parse_from_str(&d, "%Y%m%d").ok()),
                ..Petr2Record::default()
            });
            in_text = false;
        } else if t.starts_with("<EventCoding ") {
            if let (Some(rec), Some(code)) = (out.last_mut(), xml_attr(t, "eventcode")) {
                let src = xml_attr(t, "sourcecode").unwrap_or_default();
                let tgt = xml_attr(t, "targetcode").unwrap_or_default();
                rec.events.push((code, src, tgt));
            }
        } else if let Some(rest) = t.strip_prefix("<Text>") {
            in_text = true;
            push_text(&mut out, rest, &mut in_text);
        } else if in_text {
            push_text(&mut out, t, &mut in_text);
        }
    }
    out
}

fn push_text(out: &mut [Petr2Record], piece: &str, in_text: &mut bool) {
    let (piece, done) = match piece.find("</Text>") {
        Some(k) => (piece.get(..k).unwrap_or(""), true),
        None => (piece, false),
    };
    if let Some(rec) = out.last_mut() {
        if !rec.text.is_empty() && !piece.is_empty() {
            rec.text.push(' ');
        }
        rec.text.push_str(piece.trim());
    }
    if done {
        *in_text = false;
    }
}

/// Score the pipeline on the PETR2 gold sentences.
pub fn evaluate_petr2(path: &Path, pipeline: &Pipeline) -> io::Result<Petr2Report> {
    evaluate_petr2_errors(path, pipeline).map(|(report, _)| report)
}

/// [`evaluate_petr2`] with the missed and extra country-level triples (as
/// `ROOT SRC>TGT`), each with its cause.
pub fn evaluate_petr2_errors(
    path: &Path,
    pipeline: &Pipeline,
) -> io::Result<(Petr2Report, Vec<Miss>)> {
    let text = std::fs::read_to_string(path)?;
    let records = read_petr2(&text);
    if records.is_empty() {
        return Err(invalid(path, "no <Sentence> records"));
    }
    let (mut tpc, mut tpf, mut npred, mut ngold, mut same_roots) = (0, 0, 0, 0, 0);
    let mut gold_events = 0;
    let mut misses = Vec::new();
    for rec in &records {
        let doc = run_pipeline(pipeline, &rec.id, &rec.text, rec.date);
        let root = |c: &str| c.chars().take(2).collect::<String>();
        let mut gold_c: Vec<Triple> = Vec::new();
        let mut gold_f: Vec<Triple> = Vec::new();
        for (code, s, t) in &rec.events {
            gold_events += 1;
            let c = (country(Some(s)), country(Some(t)), root(code));
            if !gold_c.contains(&c) {
                gold_c.push(c);
            }
            let f = (s.clone(), t.clone(), root(code));
            if !gold_f.contains(&f) {
                gold_f.push(f);
            }
        }
        let mut pred_c: Vec<Triple> = Vec::new();
        let mut pred_f: Vec<Triple> = Vec::new();
        let events: Vec<&Event> = doc.events.iter().filter(|e| !e.negated).collect();
        for e in &events {
            let c = (
                country(e.source.actor.as_deref()),
                country(e.target.actor.as_deref()),
                e.root.clone(),
            );
            if !pred_c.contains(&c) {
                pred_c.push(c);
            }
            let f = (
                e.source.actor.clone().unwrap_or_default(),
                e.target.actor.clone().unwrap_or_default(),
                e.root.clone(),
            );
            if !pred_f.contains(&f) {
                pred_f.push(f);
            }
        }
        tpc += pred_c.iter().filter(|p| gold_c.contains(p)).count();
        tpf += pred_f.iter().filter(|p| gold_f.contains(p)).count();
        npred += pred_c.len();
        ngold += gold_c.len();
        let by_root = |v: &[Triple]| -> Vec<Triple> {
            v.iter()
                .map(|(s, t, r)| (r.clone(), s.clone(), t.clone()))
                .collect()
        };
        let kind = |e: &Event| e.root.clone();
        collect_misses(
            &mut misses,
            ("petr2", &rec.id, &doc),
            (&by_root(&gold_c), &by_root(&pred_c)),
            &events,
            &kind,
        );
        let mut gr: Vec<String> = gold_c.iter().map(|x| x.2.clone()).collect();
        let mut pr: Vec<String> = pred_c.iter().map(|x| x.2.clone()).collect();
        gr.sort();
        gr.dedup();
        pr.sort();
        pr.dedup();
        if gr == pr {
            same_roots += 1;
        }
    }
    let n = records.len();
    let report = Petr2Report {
        task: "events-petr2",
        set: path
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        sentences: n,
        gold_events,
        triples_country: Prf::new(tpc, npred, ngold),
        triples_full: Prf::new(tpf, npred, ngold),
        root_set_accuracy: (same_roots as f64 * 10000.0 / n as f64).round() / 100.0,
    };
    Ok((report, misses))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_malformed_petr2_records() {
        let xml = "<Validation>\n# comment <Sentences>\n<Sentence category=\"AFP\" date=\"20080804\" id=\"A_1\" evaluate=\"true\"/>\n<EventCoding eventcode=\"042\" sourcecode=\"USA\" targetcode=\"CHN\" />\n<Text>\nThe US leader\nvisited China.\n</Text>\n<Parse>\n1\tThe\n</Parse>\n<Sentence category=\"TEST\" date=\"20080805\" id=\"B_2\"/>\n<EventCoding noevents=\"True\" />\n<Text>Nothing here.</Text>\n";
        let recs = read_petr2(xml);
        assert_eq!(recs.len(), 2);
        assert_eq!(recs[0].text, "The US leader visited China.");
        assert_eq!(
            recs[0].events,
            vec![("042".into(), "USA".into(), "CHN".into())]
        );
        assert_eq!(recs[0].date, NaiveDate::from_ymd_opt(2008, 8, 4));
        assert!(recs[1].events.is_empty());
        assert_eq!(recs[1].text, "Nothing here.");
    }

    fn event(
        plover: &str,
        source: (Option<&str>, Option<&str>),
        target: (Option<&str>, Option<&str>),
    ) -> Event {
        let side = |(actor, text): (Option<&str>, Option<&str>)| serde_json::json!({"actor": actor, "text": text});
        serde_json::from_value(serde_json::json!({
            "code": "180", "root": "18", "quad_class": 4, "goldstein": -9.0,
            "plover": plover, "source": side(source), "target": side(target),
            "sentence": {"start": 0, "end": 10}, "trigger": {"start": 0, "end": 4},
            "rule": "test"
        }))
        .expect("a valid event")
    }

    #[test]
    fn misses_are_classified_by_cause() {
        let kind = |e: &Event| e.plover.clone().unwrap_or_default();
        let gold: Triple = ("ASSAULT".into(), "USA".into(), "IRQ".into());
        assert_eq!(classify(&gold, &[], &kind), "no-event");
        let protest = event("PROTEST", (Some("USAGOV"), None), (Some("IRQ"), None));
        assert_eq!(classify(&gold, &[&protest], &kind), "wrong-type");
        let uncoded = event("ASSAULT", (None, Some("the Marines")), (Some("IRQ"), None));
        assert_eq!(classify(&gold, &[&uncoded], &kind), "source-uncoded");
        let no_target = event("ASSAULT", (Some("USAMIL"), None), (None, None));
        assert_eq!(classify(&gold, &[&no_target], &kind), "target-missing");
        let wrong = event("ASSAULT", (Some("USAMIL"), None), (Some("SYR"), None));
        assert_eq!(classify(&gold, &[&wrong, &uncoded], &kind), "target-wrong");
        let untargeted: Triple = ("ASSAULT".into(), "USA".into(), String::new());
        assert_eq!(classify(&untargeted, &[&wrong], &kind), "target-extra");
    }

    #[test]
    fn labels_and_scores() {
        assert_eq!(map_label("DISAPPROVE"), "ACCUSE");
        assert_eq!(map_label("FIGHT"), "ASSAULT");
        assert_eq!(map_label("AGREE"), "AGREE");
        assert_eq!(country(Some("USAGOV")), "USA");
        let p = Prf::new(1, 2, 4);
        assert_eq!((p.p, p.r), (50.0, 25.0));
        assert!((p.f1 - 33.33).abs() < 0.01);
    }
}
