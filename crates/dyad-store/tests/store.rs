//! Store behaviour: idempotent inserts, re-coding, relation series and
//! exports, on documents built here with known events.

use chrono::NaiveDate;
use dyad_core::{Document, Event, EventActor, Modality, Span};
use dyad_store::export::{ExportFormat, GDELT_COLUMNS};
use dyad_store::query::EventFilter;
use dyad_store::relations::{Period, RelationsQuery};
use dyad_store::{InsertOutcome, Store};

fn event(code: &str, quad: u8, goldstein: f32, source: &str, target: &str, date: &str) -> Event {
    Event {
        code: code.into(),
        root: code[..2].into(),
        quad_class: quad,
        goldstein,
        plover: None,
        plover_mode: None,
        source: EventActor {
            actor: Some(source.into()),
            entity: None,
            text: Some(source.into()),
        },
        target: EventActor {
            actor: Some(target.into()),
            entity: None,
            text: Some(target.into()),
        },
        date: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        date_value: Some(date.into()),
        location: None,
        negated: false,
        modality: Modality::Asserted,
        sentence: Span::new(0, 10),
        trigger: Span::new(3, 6),
        rule: "test".into(),
    }
}

fn doc(id: &str, published: &str, events: Vec<Event>) -> Document {
    let mut d = Document::from_body(id, "Officials met in the capital on Monday.");
    d.published = NaiveDate::parse_from_str(published, "%Y-%m-%d").ok();
    d.reference_date = d.published;
    d.events = events;
    d
}

#[test]
fn ingest_is_idempotent_and_recode_replaces() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("t.db");
    let docs = vec![
        doc(
            "a",
            "2017-05-12",
            vec![event("042", 1, 1.9, "RUSGOV", "USAGOV", "2017-05-10")],
        ),
        doc("b", "2017-06-01", vec![]),
    ];
    {
        let mut store = Store::open(&path).expect("open");
        let first = store.insert_batch(&docs, "v1").expect("insert");
        assert_eq!(first, vec![InsertOutcome::Stored, InsertOutcome::Stored]);
    }
    let mut store = Store::open(&path).expect("reopen");
    let again = store.insert_batch(&docs, "v1").expect("insert again");
    assert_eq!(
        again,
        vec![InsertOutcome::AlreadyPresent, InsertOutcome::AlreadyPresent]
    );
    assert_eq!(store.article_count().expect("count"), 2);
    assert_eq!(store.event_count().expect("count"), 1);
    assert!(store.contains("a").expect("contains"));
    let recoded = vec![doc(
        "a",
        "2017-05-12",
        vec![
            event("042", 1, 1.9, "RUSGOV", "USAGOV", "2017-05-10"),
            event("112", 3, -2.0, "USAGOV", "RUSGOV", "2017-05-11"),
        ],
    )];
    store.replace_batch(&recoded, "v2").expect("replace");
    assert_eq!(store.article_count().expect("count"), 2);
    assert_eq!(store.event_count().expect("count"), 2);
}

#[test]
fn relations_by_month_both_directions_with_gaps_filled() {
    let mut store = Store::open_in_memory().expect("open");
    let mut hypothetical = event("036", 1, 4.0, "RUSGOV", "USAGOV", "2017-05-12");
    hypothetical.modality = Modality::Hypothetical;
    let mut negated = event("042", 1, 1.9, "USAGOV", "RUSGOV", "2017-05-12");
    negated.negated = true;
    let docs = vec![
        doc(
            "m1",
            "2017-05-12",
            vec![
                event("042", 1, 1.9, "RUSGOV", "USAGOV", "2017-05-10"),
                event("043", 1, 2.8, "USAGOV", "RUSGOV", "2017-05-10"),
                hypothetical,
                negated,
            ],
        ),
        doc(
            "m2",
            "2017-08-03",
            vec![
                event("163", 4, -8.0, "USAGOV", "RUSGOV", "2017-08-02"),
                event("111", 3, -2.0, "RUSGOV", "USAGOV", "2017-08-02"),
                event("042", 1, 1.9, "RUSGOV", "CHNGOV", "2017-08-02"),
            ],
        ),
    ];
    store.insert_batch(&docs, "v1").expect("insert");
    let report = store
        .relations(&RelationsQuery {
            a: "RUS".into(),
            b: "USA".into(),
            by: Period::Month,
            from: None,
            to: None,
            top: 2,
        })
        .expect("relations");
    let labels: Vec<&str> = report.periods.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(labels, vec!["2017-05", "2017-06", "2017-07", "2017-08"]);
    let may = &report.periods[0];
    assert_eq!(
        may.combined.events, 2,
        "negated and hypothetical events are not counted"
    );
    assert_eq!(may.a_to_b.events, 1);
    assert_eq!(may.b_to_a.events, 1);
    assert_eq!(may.combined.quad, [2, 0, 0, 0]);
    assert!((may.combined.goldstein_total - 4.7).abs() < 1e-4);
    assert_eq!(report.periods[1].combined.events, 0);
    let august = &report.periods[3];
    assert_eq!(august.combined.quad, [0, 0, 1, 1]);
    assert_eq!(august.top_events[0].code, "163");
    assert_eq!(report.total.events, 4);
    assert_eq!(report.trend, "cooling");
    let quarters = store
        .relations(&RelationsQuery {
            a: "RUS".into(),
            b: "USA".into(),
            by: Period::Quarter,
            from: None,
            to: None,
            top: 1,
        })
        .expect("relations");
    let labels: Vec<&str> = quarters.periods.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(labels, vec!["2017-Q2", "2017-Q3"]);
    let all = store
        .events(&EventFilter {
            all_modalities: true,
            ..EventFilter::default()
        })
        .expect("events");
    assert_eq!(all.len(), 7);
    let rus_chn = store
        .events(&EventFilter {
            dyad: Some(("CHN".into(), "RUS".into())),
            ..EventFilter::default()
        })
        .expect("events");
    assert_eq!(rus_chn.len(), 1);
}

#[test]
fn exports_write_every_event() {
    let mut store = Store::open_in_memory().expect("open");
    store
        .insert_batch(
            &[doc(
                "x",
                "2018-03-15",
                vec![event("174", 4, -4.0, "GBRGOV", "RUSGOV", "2018-03-14")],
            )],
            "v1",
        )
        .expect("insert");
    let mut tsv = Vec::new();
    assert_eq!(
        store
            .export_events(ExportFormat::Gdelt, &mut tsv)
            .expect("gdelt"),
        1
    );
    let line = String::from_utf8(tsv).expect("utf8");
    let fields: Vec<&str> = line.trim_end_matches('\n').split('\t').collect();
    assert_eq!(fields.len(), GDELT_COLUMNS.len());
    assert_eq!(fields[1], "20180314");
    assert_eq!(fields[26], "174");
    let mut csv = Vec::new();
    store
        .export_events(ExportFormat::Csv, &mut csv)
        .expect("csv");
    let text = String::from_utf8(csv).expect("utf8");
    assert_eq!(text.lines().count(), 2);
    assert!(text.starts_with("event_id,article_id,date,code"));
    let mut jsonl = Vec::new();
    store
        .export_events(ExportFormat::Jsonl, &mut jsonl)
        .expect("jsonl");
    let row: serde_json::Value =
        serde_json::from_slice(jsonl.split(|b| *b == b'\n').next().expect("line")).expect("json");
    assert_eq!(row["source_actor"], "GBRGOV");
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let mut store = Store::open_in_memory().expect("open");
    store
        .insert_batch(
            &[doc(
                "p",
                "2018-03-15",
                vec![
                    event("174", 4, -4.0, "GBRGOV", "RUSGOV", "2018-03-14"),
                    event("042", 1, 1.9, "RUSGOV", "GBRGOV", "2018-03-15"),
                ],
            )],
            "v1",
        )
        .expect("insert");
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("events.parquet");
    let rows = store.export_rows().expect("rows");
    dyad_store::parquet_export::write_parquet(&rows, std::fs::File::create(&path).expect("create"))
        .expect("write");
    let reader =
        SerializedFileReader::new(std::fs::File::open(&path).expect("open")).expect("parquet");
    let meta = reader.metadata();
    assert_eq!(meta.file_metadata().num_rows(), 2);
    let fields: Vec<String> = meta
        .file_metadata()
        .schema()
        .get_fields()
        .iter()
        .map(|f| f.name().to_string())
        .collect();
    assert_eq!(fields[0], "event_id");
    assert!(fields.contains(&"goldstein".to_string()));
}
