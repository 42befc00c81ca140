//! Event dates in the seed article (../shared/seed) that need more than a
//! time expression in the event's own sentence: the Kremlin's comment is
//! dated by its spokesman's "told reporters yesterday" (11 May 2017), the
//! Lavrov–Trump meeting by "Wednesday's meeting" (10 May 2017); the
//! publication date (12 May) is the date of neither.

use chrono::NaiveDate;
use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_core::{Document, Event};
use dyad_ingest::{build_document, Origin, RawArticle, StructureOptions};

const SEED: &str = "seed/straits-times-2017-05-12-kremlin-guarded-about-us-russian-ties.txt";

fn seed_document() -> Option<Document> {
    let path = dyad_eval::shared::shared_or_skip(SEED)?;
    let text = std::fs::read_to_string(&path).ok()?;
    let raw = RawArticle::from_text(Origin::file(path), text);
    let mut doc = build_document(raw, &StructureOptions::default()).ok()?;
    Pipeline::new(PipelineOptions::default()).annotate(&mut doc);
    Some(doc)
}

fn source_name<'a>(doc: &'a Document, e: &Event) -> &'a str {
    e.source
        .entity
        .as_ref()
        .and_then(|id| doc.entities.iter().find(|x| &x.id == id))
        .map(|x| x.name.as_str())
        .unwrap_or("")
}

fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

#[test]
fn seed_event_dates_come_from_the_text() {
    let Some(doc) = seed_document() else { return };
    let kremlin = doc
        .events
        .iter()
        .find(|e| e.code == "012" && source_name(&doc, e) == "Kremlin")
        .expect("Kremlin pessimistic comment");
    assert_eq!(kremlin.date, day(2017, 5, 11), "Kremlin comment");
    let positive = doc
        .events
        .iter()
        .find(|e| e.code == "013" && source_name(&doc, e) == "Dmitry Peskov")
        .expect("Peskov optimistic comment");
    assert_eq!(positive.date, day(2017, 5, 11), "Peskov's 'very positive'");
    let met: Vec<&Event> = doc
        .events
        .iter()
        .filter(|e| e.code == "040" && source_name(&doc, e) == "Sergei Lavrov")
        .collect();
    assert!(!met.is_empty(), "Lavrov's meetings");
    for e in met {
        assert_eq!(e.date, day(2017, 5, 10), "Lavrov meeting");
        assert_eq!(e.date_value.as_deref(), Some("2017-05-10"));
    }
    // Tillerson's April visit keeps its own month.
    let visit = doc
        .events
        .iter()
        .find(|e| e.code == "042" && source_name(&doc, e) == "Rex Tillerson")
        .expect("Tillerson visit");
    assert_eq!(visit.date_value.as_deref(), Some("2017-04"));
}
