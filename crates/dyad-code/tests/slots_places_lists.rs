//! Slot rules on hand-built documents (sentences written for these tests):
//! a place named with "in"/"at" fills a missing target, comma lists closed by
//! "and" are compounds, and a nationality adjective naming a place ("the
//! Thai border") is not the source; an attempted attack stays an attack; a
//! compound quote speaker ("Chile and Peru said…") is a compound source; an
//! appositive after the subject (", a close partner of X,") is skipped.

mod common;
use chrono::NaiveDate;
use dyad_code::EventCoder;
use dyad_core::{Document, EntityKind, Event, Quote};

/// A one-sentence document dated 4 March 2021 (see [`common::one_sentence`]).
fn doc(text: &str, actors: &[(&str, EntityKind, &str)]) -> Document {
    let mut d = common::one_sentence(text, actors);
    d.reference_date = NaiveDate::from_ymd_opt(2021, 3, 4);
    d
}

fn pairs(d: &mut Document) -> Vec<(String, String, String)> {
    EventCoder::new().annotate(d);
    d.events
        .iter()
        .map(|e: &Event| {
            (
                e.root.clone(),
                e.source.actor.clone().unwrap_or_default(),
                e.target.actor.clone().unwrap_or_default(),
            )
        })
        .collect()
}

#[test]
fn place_after_in_fills_a_missing_target_and_stays_the_location() {
    let mut d = doc(
        "Thousands of Kenyan teachers protested on Tuesday in Nairobi.",
        &[
            ("Kenyan teachers", EntityKind::Organization, "KENEDU"),
            ("Nairobi", EntityKind::Location, "KEN"),
        ],
    );
    let got = pairs(&mut d);
    assert!(
        got.iter()
            .any(|(r, s, t)| r == "14" && s == "KENEDU" && t == "KEN"),
        "{got:?}"
    );
    let ev = d.events.iter().find(|e| e.root == "14");
    assert_eq!(
        ev.and_then(|e| e.location.clone()).as_deref(),
        Some("Nairobi")
    );
}

#[test]
fn a_place_in_a_subordinate_clause_is_not_the_target() {
    let mut d = doc(
        "Peruvian miners protested on Monday if the strike spreads in Chile.",
        &[
            ("Peruvian miners", EntityKind::Organization, "PERLAB"),
            ("Chile", EntityKind::Country, "CHL"),
        ],
    );
    let got = pairs(&mut d);
    assert!(
        got.iter().any(|(r, s, _)| r == "14" && s == "PERLAB"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, _, t)| t == "CHL"), "{got:?}");
}

#[test]
fn a_named_target_wins_over_the_place() {
    let mut d = doc(
        "Ukraine accused Russia of shelling civilians in Kharkiv.",
        &[
            ("Ukraine", EntityKind::Country, "UKR"),
            ("Russia", EntityKind::Country, "RUS"),
            ("Kharkiv", EntityKind::Location, "UKR"),
        ],
    );
    let got = pairs(&mut d);
    assert!(
        got.iter()
            .any(|(r, s, t)| r == "11" && s == "UKR" && t == "RUS"),
        "{got:?}"
    );
}

#[test]
fn a_comma_list_closed_by_and_is_one_compound() {
    let mut d = doc(
        "Germany, France and Italy met on Friday.",
        &[
            ("Germany", EntityKind::Country, "DEU"),
            ("France", EntityKind::Country, "FRA"),
            ("Italy", EntityKind::Country, "ITA"),
        ],
    );
    let got = pairs(&mut d);
    for (a, b) in [("DEU", "FRA"), ("DEU", "ITA"), ("FRA", "ITA")] {
        assert!(
            got.iter().any(|(r, s, t)| r == "04" && s == a && t == b),
            "{a}>{b} missing: {got:?}"
        );
    }
}

#[test]
fn a_comma_without_and_does_not_join_actors() {
    let mut d = doc(
        "After talks with Poland, Hungary met Austria on Friday.",
        &[
            ("Poland", EntityKind::Country, "POL"),
            ("Hungary", EntityKind::Country, "HUN"),
            ("Austria", EntityKind::Country, "AUT"),
        ],
    );
    let got = pairs(&mut d);
    assert!(
        got.iter()
            .any(|(r, s, t)| r == "04" && s == "HUN" && t == "AUT"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, s, _)| s == "POL"), "{got:?}");
}

#[test]
fn an_adjective_naming_a_border_is_not_the_source() {
    let mut d = doc(
        "Sudanese troops seized a rebel base on the Chadian border after heavy fighting.",
        &[
            ("Sudanese troops", EntityKind::Organization, "SDNMIL"),
            ("Chadian", EntityKind::Country, "TCD"),
        ],
    );
    let got = pairs(&mut d);
    assert!(
        !got.is_empty() && got.iter().all(|(_, s, _)| s == "SDNMIL"),
        "the border adjective became a source: {got:?}"
    );
}

#[test]
fn an_attempted_attack_is_coded_as_the_attack_not_a_threat() {
    let mut d = doc(
        "Iranian hackers tried to hack Israeli water utilities last week.",
        &[
            ("Iranian hackers", EntityKind::Organization, "IRN"),
            ("Israeli water utilities", EntityKind::Organization, "ISR"),
        ],
    );
    let got = pairs(&mut d);
    assert!(
        got.iter()
            .any(|(r, s, t)| r == "17" && s == "IRN" && t == "ISR"),
        "{got:?}"
    );
    let mut d = doc(
        "Iranian hackers plan to hack Israeli water utilities.",
        &[
            ("Iranian hackers", EntityKind::Organization, "IRN"),
            ("Israeli water utilities", EntityKind::Organization, "ISR"),
        ],
    );
    let got = pairs(&mut d);
    assert!(got.iter().any(|(r, _, _)| r == "13"), "{got:?}");
}

#[test]
fn a_compound_speaker_is_a_compound_source() {
    let text = "Chile and Peru said the two neighbours would deepen ties.";
    let mut d = doc(
        text,
        &[
            ("Chile", EntityKind::Country, "CHL"),
            ("Peru", EntityKind::Country, "PER"),
        ],
    );
    let content = "the two neighbours would deepen ties";
    let start = text.find(content).unwrap_or(0);
    let speaker = text.find("Peru").unwrap_or(0);
    d.quotes.push(Quote {
        text: content.into(),
        start,
        end: start + content.len(),
        direct: false,
        cue: Some("said".into()),
        cue_start: None,
        cue_end: None,
        speaker: Some("Peru".into()),
        speaker_entity: Some("e1".into()),
        speaker_start: Some(speaker),
        speaker_end: Some(speaker + 4),
    });
    let got = pairs(&mut d);
    for (a, b) in [("CHL", "PER"), ("PER", "CHL")] {
        assert!(
            got.iter().any(|(r, s, t)| r == "03" && s == a && t == b),
            "{a}>{b} missing: {got:?}"
        );
    }
}

#[test]
fn an_appositive_after_the_subject_is_skipped() {
    let mut d = doc(
        "Norway, a close partner of Denmark in the Arctic council, accused Russia of spying.",
        &[
            ("Norway", EntityKind::Country, "NOR"),
            ("Denmark", EntityKind::Country, "DNK"),
            ("Russia", EntityKind::Country, "RUS"),
        ],
    );
    let got = pairs(&mut d);
    assert!(
        got.iter()
            .any(|(r, s, t)| r == "11" && s == "NOR" && t == "RUS"),
        "{got:?}"
    );
    assert!(!got.iter().any(|(_, s, _)| s == "DNK"), "{got:?}");
}
