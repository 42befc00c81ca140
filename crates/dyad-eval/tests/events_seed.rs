//! The seed article (../shared/seed) through the whole pipeline: the events
//! a reader expects from it. Assertions cover what the events stage
//! guarantees given the actors stage's entities; the dates that need more
//! than a time expression in the same sentence are printed, not asserted.

use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_core::{Document, Event, Modality};
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

fn find<'a>(
    doc: &'a Document,
    code: &str,
    source: &str,
    target: Option<&str>,
) -> Option<&'a Event> {
    doc.events.iter().find(|e| {
        e.code == code
            && e.source.actor.as_deref() == Some(source)
            && target.is_none_or(|t| e.target.actor.as_deref() == Some(t))
    })
}

fn names(doc: &Document, e: &Event) -> (String, String) {
    let name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| doc.entities.iter().find(|x| &x.id == id))
            .map(|x| x.name.clone())
            .unwrap_or_default()
    };
    (name(&e.source.entity), name(&e.target.entity))
}

#[test]
fn seed_events() {
    let Some(doc) = seed_document() else { return };
    for e in &doc.events {
        let (s, t) = names(&doc, e);
        println!(
            "{} {s} ({:?}) -> {t} ({:?}) date={:?} loc={:?} neg={} {:?} {} | {}",
            e.code,
            e.source.actor,
            e.target.actor,
            e.date,
            e.location,
            e.negated,
            e.modality,
            e.rule,
            doc.span_text(e.trigger)
        );
    }
    // Lavrov (RUSGOV) met Trump (USAGOV)
    let met = find(&doc, "040", "RUSGOV", Some("USAGOV")).expect("Lavrov met Trump");
    assert_eq!(names(&doc, met).0, "Sergei Lavrov");
    assert_eq!(doc.span_text(met.trigger), "met");
    // … and Tillerson, in Washington
    let tillerson = doc
        .events
        .iter()
        .find(|e| {
            e.code == "040" && names(&doc, e) == ("Sergei Lavrov".into(), "Rex Tillerson".into())
        })
        .expect("Lavrov met Tillerson");
    assert_eq!(tillerson.location.as_deref(), Some("Washington"));
    // the Kremlin: too early to speak of a thaw — a pessimistic comment on the US
    let kremlin = doc
        .events
        .iter()
        .find(|e| e.code == "012" && names(&doc, e).0 == "Kremlin")
        .expect("Kremlin pessimistic comment");
    assert_eq!(kremlin.target.actor.as_deref(), Some("USA"));
    // nothing is coded from "thaw"
    assert!(doc
        .events
        .iter()
        .all(|e| doc.span_text(e.trigger) != "thaw"));
    // Peskov: the dialogue is very positive
    let positive = find(&doc, "013", "RUSGOV", None).expect("Peskov optimistic comment");
    assert_eq!(names(&doc, positive).0, "Dmitry Peskov");
    // Trump and Putin could meet at the G20 in July: intent, hypothetical
    let intent: Vec<&Event> = doc.events.iter().filter(|e| e.code == "036").collect();
    assert!(
        intent
            .iter()
            .any(|e| names(&doc, e) == ("Donald Trump".into(), "Vladimir Putin".into())),
        "Trump–Putin intent to meet"
    );
    assert!(intent.iter().all(|e| e.modality == Modality::Hypothetical));
    // Tillerson visited Moscow in April 2017 and met Putin
    let visit = find(&doc, "042", "USAGOV", Some("RUS")).expect("Tillerson visit to Moscow");
    assert_eq!(names(&doc, visit).0, "Rex Tillerson");
    assert_eq!(
        visit.date.map(|d| d.format("%Y-%m").to_string()).as_deref(),
        Some("2017-04")
    );
    assert!(
        find(&doc, "043", "RUS", Some("USAGOV")).is_some(),
        "paired host event"
    );
    assert!(doc
        .events
        .iter()
        .any(|e| e.code == "040"
            && names(&doc, e) == ("Rex Tillerson".into(), "Vladimir Putin".into())));
    // Tillerson deplored the low level of trust
    let deplored = doc
        .events
        .iter()
        .find(|e| doc.span_text(e.trigger) == "deplored")
        .expect("deplored");
    assert_eq!(
        (deplored.root.as_str(), names(&doc, deplored).0.as_str()),
        ("11", "Rex Tillerson")
    );
    // Putin denied any part in Comey's firing
    let denial = find(&doc, "016", "RUSGOV", None).expect("Putin denies responsibility");
    assert_eq!(names(&doc, denial).0, "Vladimir Putin");
    // every event carries the table's values
    for e in &doc.events {
        assert_eq!(e.root, e.code.get(..2).unwrap_or(""));
        assert!((1..=4).contains(&e.quad_class));
        assert!(e.sentence.contains(&e.trigger));
    }
}
