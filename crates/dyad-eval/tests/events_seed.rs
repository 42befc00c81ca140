//! The seed article (../shared/seed) through the whole pipeline: the events
//! a reader expects from it. Assertions cover what the events stage
//! guarantees given the actors stage's entities; the dates that need more
//! than a time expression in the same sentence come from the rest of the
//! article (speech dates, event anchors).

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

/// The pipeline on one news-style sentence (written for this test) dated
/// `published`: its events as (PLOVER type, source country, target country).
fn coded(text: &str, published: &str) -> Vec<(String, String, String)> {
    let mut doc = Document::from_body("t", text);
    doc.published = chrono::NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    Pipeline::new(PipelineOptions::default()).annotate(&mut doc);
    doc.events
        .iter()
        .map(|e| {
            (
                e.plover.clone().unwrap_or_default(),
                dyad_eval::plover::country(e.source.actor.as_deref()),
                dyad_eval::plover::country(e.target.actor.as_deref()),
            )
        })
        .collect()
}

/// Dictionary coverage beyond the seed: older state names, armed groups,
/// leaders of many states, and verbs and nominal phrases of several roots.
#[test]
fn dictionaries_cover_common_news_events() {
    let cases = [
        (
            "The Soviet Union expelled three British diplomats on Tuesday.",
            "1985-06-01",
            ("SANCTION", "RUS", "GBR"),
        ),
        (
            "President Robert Mugabe threatened to expel foreign journalists.",
            "2003-06-01",
            ("THREATEN", "ZWE", ""),
        ),
        (
            "The Tamil Tigers attacked an army camp near Jaffna on Sunday.",
            "2003-06-01",
            ("ASSAULT", "LKA", ""),
        ),
        (
            "Bosnian Serb forces shelled the town on Friday.",
            "1994-06-01",
            ("ASSAULT", "BIH", ""),
        ),
        (
            "The United States advised against travel to Haiti on Friday.",
            "2004-03-01",
            ("SANCTION", "USA", "HTI"),
        ),
        (
            "Italy has paid compensation to Libya for the colonial era.",
            "2008-09-01",
            ("RETREAT", "ITA", "LBY"),
        ),
        (
            "The Red Cross withdrew its staff from Somalia after the attack.",
            "2008-09-01",
            ("SANCTION", "NGO", "SOM"),
        ),
        (
            "Bangladesh refused entry to Myanmar refugees on Monday.",
            "2012-06-01",
            ("REJECT", "BGD", "MMR"),
        ),
        (
            "Pakistan is committed to peace with India, the foreign minister said.",
            "2004-01-01",
            ("AGREE", "PAK", "IND"),
        ),
        (
            "The Kurdistan Workers' Party demanded that Turkey release its leader.",
            "2000-01-01",
            ("REQUEST", "TUR", "TUR"),
        ),
    ];
    for (text, date, (kind, source, target)) in cases {
        let events = coded(text, date);
        let want = (kind.to_string(), source.to_string(), target.to_string());
        assert!(events.contains(&want), "{text}: {want:?} not in {events:?}");
    }
}

// Dates that need more than a time expression in the event's own sentence:
// the Kremlin's comment is dated by its spokesman's "told reporters
// yesterday" (11 May 2017), the Lavrov–Trump meeting by "Wednesday's
// meeting" (10 May 2017); the publication date (12 May) is the date of neither.

fn source_name<'a>(doc: &'a Document, e: &Event) -> &'a str {
    e.source
        .entity
        .as_ref()
        .and_then(|id| doc.entities.iter().find(|x| &x.id == id))
        .map(|x| x.name.as_str())
        .unwrap_or("")
}

fn day(y: i32, m: u32, d: u32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::from_ymd_opt(y, m, d)
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
