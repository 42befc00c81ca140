//! The seed article (Straits Times, 12 May 2017) from the shared data folder:
//! the time expressions the project was created for. Skips when the shared
//! folder is absent.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_core::{Document, TimexType};
use dyad_time::TimeTagger;

fn shared_dir() -> PathBuf {
    std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// The body of the seed article: the paragraphs from the dateline to the
/// credits line (headline, standfirst and photo caption left out).
fn seed_body() -> Option<String> {
    let dir = shared_dir().join("seed");
    let path = std::fs::read_dir(&dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))?;
    let raw = std::fs::read_to_string(path).ok()?;
    let start = raw.find("MOSCOW")?;
    let end = raw[start..].find("AGENCE FRANCE-PRESSE, NY TIMES")? + start;
    Some(raw[start..end].trim().to_string())
}

#[test]
fn seed_article_expressions_are_dated_against_publication() {
    let Some(body) = seed_body() else {
        eprintln!(
            "skipped: seed article not found under {}",
            shared_dir().display()
        );
        return;
    };
    let mut doc = Document::from_body("seed", body);
    doc.published = NaiveDate::from_ymd_opt(2017, 5, 12);
    TimeTagger::new().annotate(&mut doc);
    assert_eq!(doc.reference_date, NaiveDate::from_ymd_opt(2017, 5, 12));
    let find = |text: &str| {
        doc.timexes
            .iter()
            .find(|t| t.text == text)
            .unwrap_or_else(|| panic!("{text:?} not found in {:?}", doc.timexes))
    };
    assert_eq!(find("yesterday").value, "2017-05-11");
    assert_eq!(find("last month").value, "2017-04");
    assert_eq!(find("July").value, "2017-07");
    assert_eq!(find("last year").value, "2016");
    // "Wednesday's meeting came as…": the Wednesday before publication.
    assert_eq!(find("Wednesday").value, "2017-05-10");
    // "a day after Lavrov met Trump": the anchor is an event, not a date,
    // so the expression stays a one-day duration instead of a wrong date.
    let day = find("a day");
    assert_eq!((day.kind, day.value.as_str()), (TimexType::Duration, "P1D"));
    for t in &doc.timexes {
        assert_eq!(&doc.text[t.start..t.end], t.text);
    }
}

#[test]
fn reference_date_falls_back_to_the_dateline() {
    let mut doc = Document::from_body("d", "The talks ended yesterday.");
    doc.dateline = Some(dyad_core::Dateline {
        text: "MOSCOW, May 12".into(),
        location: "MOSCOW".into(),
        date_text: Some("May 12".into()),
        date: NaiveDate::from_ymd_opt(2017, 5, 12),
        agency: None,
    });
    TimeTagger::new().annotate(&mut doc);
    assert_eq!(doc.reference_date, NaiveDate::from_ymd_opt(2017, 5, 12));
    assert_eq!(
        doc.timexes.first().map(|t| t.value.as_str()),
        Some("2017-05-11")
    );
}
