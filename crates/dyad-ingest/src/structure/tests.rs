//! Structure tests on the seed article (read from ../shared when present)
//! and on our own sample articles in `samples/`.

use super::*;
use crate::record::Origin;
use std::path::PathBuf;

fn structure_of(path: &std::path::Path) -> Document {
    let text = std::fs::read_to_string(path).expect("readable test article");
    build_document(
        RawArticle::from_text(Origin::file(path), text),
        &StructureOptions::default(),
    )
    .expect("structured document")
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../samples/articles")
        .join(name)
}

#[test]
fn seed_article_structure() {
    let Some(dir) = dyad_core::shared::shared_or_skip("seed") else {
        return;
    };
    let path = std::fs::read_dir(&dir)
        .expect("seed dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .expect("seed article");
    let doc = structure_of(&path);
    assert_eq!(
        doc.headline.as_deref(),
        Some("Kremlin guarded about US-Russian ties")
    );
    assert!(doc
        .standfirst
        .as_deref()
        .is_some_and(|s| s.starts_with("Too early to say there's a thaw")));
    assert_eq!(doc.captions.len(), 1, "captions: {:?}", doc.captions);
    assert!(doc.captions[0]
        .text
        .ends_with("The pictures quickly spread on Twitter."));
    assert_eq!(
        doc.captions[0].credit.as_deref(),
        Some("AGENCE FRANCE-PRESSE")
    );
    let dateline = doc.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.location, "MOSCOW");
    assert_eq!(doc.credits, vec!["AGENCE FRANCE-PRESSE", "NY TIMES"]);
    assert_eq!(doc.publisher.as_deref(), Some("The Straits Times"));
    assert_eq!(doc.published, NaiveDate::from_ymd_opt(2017, 5, 12));
    assert!(doc.text.starts_with("The Kremlin said it was too early"));
    assert!(doc.text.ends_with("a gala hockey event he founded"));
    assert!(!doc.text.contains("Telegram"));
    assert!(!doc.text.contains("PHOTO:"));
    assert_eq!(doc.paragraphs.len(), 14);
}

#[test]
fn newspaper_page_sample() {
    let doc = structure_of(&sample("2017-05-12-kremlin-thaw.txt"));
    assert_eq!(
        doc.headline.as_deref(),
        Some("Moscow cautious after Washington talks")
    );
    assert!(doc
        .standfirst
        .as_deref()
        .is_some_and(|s| s.starts_with("Officials say a single meeting")));
    assert_eq!(doc.captions.len(), 1);
    assert_eq!(doc.captions[0].credit.as_deref(), Some("REUTERS"));
    assert_eq!(
        doc.dateline.as_ref().map(|d| d.location.as_str()),
        Some("MOSCOW")
    );
    assert_eq!(doc.credits, vec!["AGENCE FRANCE-PRESSE", "REUTERS"]);
    assert_eq!(doc.published, NaiveDate::from_ymd_opt(2017, 5, 12));
    assert_eq!(
        doc.meta.get("print_headline").and_then(|v| v.as_str()),
        Some("Moscow cautious after Washington talks")
    );
    assert!(doc.text.starts_with("The Kremlin said yesterday"));
    assert!(doc.text.ends_with("government in Syria."));
    assert_eq!(doc.paragraphs.len(), 4);
}

#[test]
fn wire_story_with_byline() {
    let doc = structure_of(&sample("2017-06-20-berlin-sanctions.txt"));
    assert_eq!(
        doc.headline.as_deref(),
        Some("EU ministers extend sanctions on Russia for six months")
    );
    assert_eq!(doc.authors, vec!["Clara Weiss"]);
    assert_eq!(doc.credits, vec!["Reuters"]);
    let dateline = doc.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.location, "BRUSSELS");
    assert_eq!(dateline.agency.as_deref(), Some("Reuters"));
    assert!(doc.standfirst.is_none());
    assert!(doc
        .text
        .starts_with("European Union foreign ministers agreed on Monday"));
}

#[test]
fn story_without_headline_starts_at_dateline() {
    let doc = structure_of(&sample("2017-08-03-washington-sanctions.txt"));
    assert!(doc.headline.is_none());
    assert_eq!(
        doc.dateline.as_ref().map(|d| d.location.as_str()),
        Some("WASHINGTON")
    );
    assert_eq!(doc.credits, vec!["AP"]);
    assert!(doc
        .text
        .starts_with("US President Donald Trump signed a bill"));
}

#[test]
fn dateline_with_region_and_date_and_body_caption() {
    let doc = structure_of(&sample("2017-11-11-danang-apec.txt"));
    let dateline = doc.dateline.as_ref().expect("dateline");
    assert_eq!(dateline.location, "DANANG, Vietnam");
    assert_eq!(dateline.date_text.as_deref(), Some("Nov 11"));
    assert_eq!(doc.captions.len(), 1);
    assert!(doc.captions[0]
        .text
        .starts_with("Leaders pose for a group photo"));
    assert!(!doc.text.contains("group photo"));
}

#[test]
fn given_title_and_date_are_used() {
    let mut raw = RawArticle::from_text(
        Origin::line("feed.jsonl", 3),
        "Talks resume in Geneva\n\nGENEVA, March 2 - Negotiators met again on Tuesday.",
    );
    raw.title = Some("Talks resume in Geneva".into());
    raw.published = Some("1987-03-03".into());
    let doc = build_document(raw, &StructureOptions::default()).expect("document");
    assert_eq!(doc.headline.as_deref(), Some("Talks resume in Geneva"));
    assert_eq!(doc.text, "Negotiators met again on Tuesday.");
    assert_eq!(
        doc.dateline.and_then(|d| d.date),
        NaiveDate::from_ymd_opt(1987, 3, 2)
    );
}

#[test]
fn only_furniture_is_an_error_naming_the_record() {
    let raw = RawArticle::from_text(
        Origin::line("feed.jsonl", 9),
        "Subscribe\n\nAdvertisement\n",
    );
    let err = build_document(raw, &StructureOptions::default()).unwrap_err();
    assert!(err.to_string().starts_with("feed.jsonl:9: no article text"));
}

#[test]
fn id_is_stable_across_rewrapping() {
    let a = RawArticle::from_text(
        Origin::file("a"),
        "Headline here\n\nThe minister met\nthe envoy on Monday.",
    );
    let b = RawArticle::from_text(
        Origin::file("b"),
        "Headline here\n\nThe minister met the envoy on Monday.",
    );
    let da = build_document(a, &StructureOptions::default()).expect("doc a");
    let db = build_document(b, &StructureOptions::default()).expect("doc b");
    assert_eq!(da.id, db.id);
}
