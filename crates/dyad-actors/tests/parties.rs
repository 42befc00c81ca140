//! Parties are coded by whether they held the government on the article's
//! date (data/actors/parties.txt), on news-style sentences written for
//! these tests.

use chrono::NaiveDate;
use dyad_actors::ActorTagger;
use dyad_core::{Document, EntityKind};

fn codes(text: &str, date: (i32, u32, u32)) -> Vec<(String, Option<String>)> {
    let mut doc = Document::from_body("t", text);
    doc.published = NaiveDate::from_ymd_opt(date.0, date.1, date.2);
    ActorTagger::new().annotate(&mut doc);
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityKind::Organization)
        .map(|e| (e.name.clone(), e.actor.clone()))
        .collect()
}

fn code_of(found: &[(String, Option<String>)], name: &str) -> Option<String> {
    found
        .iter()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no {name:?} in {found:?}"))
        .1
        .clone()
}

#[test]
fn us_parties_follow_the_presidency() {
    let text = "Democrats accused the White House of stalling, while Republicans in \
                Congress said the bill would pass.";
    let may_2017 = codes(text, (2017, 5, 12));
    assert_eq!(
        code_of(&may_2017, "Democratic Party").as_deref(),
        Some("USAOPP")
    );
    assert_eq!(
        code_of(&may_2017, "Republican Party").as_deref(),
        Some("USAGOV")
    );
    let y2010 = codes(text, (2010, 3, 1));
    assert_eq!(
        code_of(&y2010, "Democratic Party").as_deref(),
        Some("USAGOV")
    );
    assert_eq!(
        code_of(&y2010, "Republican Party").as_deref(),
        Some("USAOPP")
    );
}

#[test]
fn uk_parties_follow_the_premiership_and_the_coalition() {
    let text = "Labour attacked the Conservatives over hospital waiting lists, and the \
                Liberal Democrats said both had failed.";
    let y2005 = codes(text, (2005, 2, 1));
    assert_eq!(code_of(&y2005, "Labour").as_deref(), Some("GBRGOV"));
    assert_eq!(
        code_of(&y2005, "Conservative Party").as_deref(),
        Some("GBROPP")
    );
    assert_eq!(
        code_of(&y2005, "Liberal Democrat Party").as_deref(),
        Some("GBROPP")
    );
    let y2012 = codes(text, (2012, 2, 1));
    assert_eq!(code_of(&y2012, "Labour").as_deref(), Some("GBROPP"));
    assert_eq!(
        code_of(&y2012, "Conservative Party").as_deref(),
        Some("GBRGOV")
    );
    assert_eq!(
        code_of(&y2012, "Liberal Democrat Party").as_deref(),
        Some("GBRGOV")
    );
    let y2025 = codes(text, (2025, 2, 1));
    assert_eq!(code_of(&y2025, "Labour").as_deref(), Some("GBRGOV"));
    assert_eq!(
        code_of(&y2025, "Liberal Democrat Party").as_deref(),
        Some("GBROPP")
    );
}

#[test]
fn other_parties_and_dates_outside_every_period() {
    let text = "The Social Democratic Party of Germany and the Bharatiya Janata Party \
                sent delegations.";
    let y2010 = codes(text, (2010, 6, 1));
    assert_eq!(
        code_of(&y2010, "Social Democratic Party of Germany").as_deref(),
        Some("DEUOPP")
    );
    assert_eq!(
        code_of(&y2010, "Bharatiya Janata Party").as_deref(),
        Some("INDOPP")
    );
    let y2016 = codes(text, (2016, 6, 1));
    assert_eq!(
        code_of(&y2016, "Social Democratic Party of Germany").as_deref(),
        Some("DEUGOV")
    );
    assert_eq!(
        code_of(&y2016, "Bharatiya Janata Party").as_deref(),
        Some("INDGOV")
    );
    // Before the first listed period: the party code.
    let y1950 = codes("Democrats met in Chicago.", (1950, 6, 1));
    assert_eq!(
        code_of(&y1950, "Democratic Party").as_deref(),
        Some("USAPTY")
    );
}

#[test]
fn party_officials_take_the_party_code_of_the_date() {
    let person = |date| {
        let mut doc = Document::from_body(
            "t",
            "Tory spokesman Hugo Pembridge-Ashe said the figures were wrong.",
        );
        doc.published = NaiveDate::from_ymd_opt(date, 6, 1);
        ActorTagger::new().annotate(&mut doc);
        doc.entities
            .iter()
            .find(|e| e.name == "Hugo Pembridge-Ashe")
            .and_then(|e| e.actor.clone())
    };
    assert_eq!(person(2005).as_deref(), Some("GBROPP"));
    assert_eq!(person(2012).as_deref(), Some("GBRGOV"));
}
