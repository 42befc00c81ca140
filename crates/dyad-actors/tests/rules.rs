//! Recognition, coding and resolution rules on news-style sentences written
//! for these tests.

use chrono::NaiveDate;
use dyad_actors::ActorTagger;
use dyad_core::{Document, EntityKind};

fn annotate(text: &str, date: (i32, u32, u32)) -> Document {
    let mut doc = Document::from_body("t", text);
    doc.published = NaiveDate::from_ymd_opt(date.0, date.1, date.2);
    ActorTagger::new().annotate(&mut doc);
    doc
}

fn get<'a>(doc: &'a Document, name: &str) -> &'a dyad_core::Entity {
    doc.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no {name:?} in {:#?}", doc.entities))
}

#[test]
fn the_article_date_selects_the_role() {
    let text = "Secretary of State Rex Tillerson met Sergei Lavrov.";
    let before = annotate(text, (2016, 6, 1));
    assert_eq!(
        get(&before, "Rex Tillerson").actor.as_deref(),
        Some("USABUS")
    );
    let during = annotate(text, (2017, 6, 1));
    assert_eq!(
        get(&during, "Rex Tillerson").actor.as_deref(),
        Some("USAGOV")
    );
    let after = annotate(text, (2019, 6, 1));
    assert_eq!(
        get(&after, "Rex Tillerson").actor.as_deref(),
        Some("USAELI")
    );
    let putin = annotate("Vladimir Putin spoke.", (2010, 1, 1));
    assert_eq!(
        get(&putin, "Vladimir Putin").title.as_deref(),
        Some("Prime Minister")
    );
}

#[test]
fn unknown_people_are_coded_from_their_titles() {
    let doc = annotate(
        "John Smith, a senior Reuters editor, said the agency stood by its story. Mr Smith added that he had spoken to Ms Jane Doe, the UN envoy to Syria. Kenyan opposition leader Raila Odinga told supporters that a former Nigerian army chief had been arrested.",
        (2017, 5, 12),
    );
    let smith = get(&doc, "John Smith");
    assert_eq!(smith.actor.as_deref(), Some("GBRMED"));
    assert_eq!(smith.mentions.len(), 3, "John Smith, Mr Smith, he");
    assert_eq!(get(&doc, "Jane Doe").actor.as_deref(), Some("IGOUNO"));
    assert_eq!(get(&doc, "Raila Odinga").actor.as_deref(), Some("KENOPP"));
}

#[test]
fn former_officials_become_elites_and_groups_take_their_body() {
    let doc = annotate(
        "Former US president Barack Obama said he was worried. A Kremlin spokesman said talks would continue. Pentagon officials declined to comment.",
        (2018, 3, 1),
    );
    assert_eq!(get(&doc, "Barack Obama").actor.as_deref(), Some("USAELI"));
    let spokesman = get(&doc, "Kremlin spokesman");
    assert_eq!(spokesman.kind, EntityKind::Person);
    assert_eq!(spokesman.actor.as_deref(), Some("RUSGOV"));
    assert_eq!(
        get(&doc, "Pentagon officials").actor.as_deref(),
        Some("USAMIL")
    );
}

#[test]
fn pronouns_follow_the_subject_and_respect_sex() {
    let doc = annotate(
        "Chancellor Angela Merkel met Mr Putin in Sochi. She said he had been frank.",
        (2017, 5, 2),
    );
    let merkel = get(&doc, "Angela Merkel");
    let putin = get(&doc, "Vladimir Putin");
    let text = |m: &dyad_core::Mention| doc.text.get(m.start..m.end).unwrap_or("").to_string();
    assert!(merkel.mentions.iter().any(|m| text(m) == "She"));
    assert!(putin.mentions.iter().any(|m| text(m) == "he"));
}

#[test]
fn offices_after_as_are_not_references() {
    let doc = annotate(
        "President Donald Trump spoke. Richard Nixon resigned as US president in 1974.",
        (2017, 5, 12),
    );
    let trump = get(&doc, "Donald Trump");
    assert_eq!(trump.mentions.len(), 1, "{:?}", trump.mentions);
}

#[test]
fn capitalised_words_without_person_cues_are_not_people() {
    let doc = annotate(
        "Witnesses said the blast was loud. Acme Industries said profits rose. Jane Roe said she would stay.",
        (2020, 1, 1),
    );
    let people: Vec<&str> = doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .map(|e| e.name.as_str())
        .collect();
    assert_eq!(people, vec!["Jane Roe"]);
}

#[test]
fn an_office_in_a_lead_points_forward_and_leaders_take_their_body() {
    let doc = annotate(
        "Tory leader urges apology. The prince should apologise, says Tory leader Michael Howard. Hamas leader Ismail Haniyeh said talks had failed.",
        (2005, 1, 14),
    );
    let howard = get(&doc, "Michael Howard");
    // The Conservatives were in opposition in January 2005.
    assert_eq!(howard.actor.as_deref(), Some("GBROPP"));
    assert_eq!(howard.mentions.len(), 2, "{:?}", howard.mentions);
    assert_eq!(get(&doc, "Ismail Haniyeh").actor.as_deref(), Some("PSEREB"));
}

#[test]
fn offices_and_short_forms_use_the_whole_article_and_the_date() {
    let doc = annotate(
        "Fidel Castro banned dollars. Critics say it reflects the Cuban president's wish for control. President Castro's aide disagreed. President Bush's government was silent.",
        (2005, 3, 1),
    );
    let castro = get(&doc, "Fidel Castro");
    let text = |m: &dyad_core::Mention| doc.text.get(m.start..m.end).unwrap_or("").to_string();
    assert!(castro.mentions.iter().any(|m| text(m) == "Cuban president"));
    // In office in March 2005: George W. Bush.
    assert_eq!(get(&doc, "George W. Bush").actor.as_deref(), Some("USAGOV"));
    let later = annotate("Mr Bush spoke.", (2015, 3, 1));
    assert!(
        later.entities.iter().all(|e| e.name != "George W. Bush"),
        "no Bush in office in 2015: {:?}",
        later.entities
    );
}

#[test]
fn a_city_that_is_the_surname_of_someone_named_earlier_is_that_person() {
    let doc = annotate(
        "Chilean President Ricardo Lagos met his Argentine counterpart on Tuesday. Lagos said the talks went well.",
        (2004, 6, 1),
    );
    let later = doc.text.rfind("Lagos said").unwrap_or(0);
    assert!(get(&doc, "Ricardo Lagos")
        .mentions
        .iter()
        .any(|m| m.start == later));
    assert!(doc.entities.iter().all(|e| e.kind != EntityKind::Location));
    let doc = annotate(
        "Thousands of workers marched in Lagos on Monday.",
        (2004, 6, 1),
    );
    let city = get(&doc, "Lagos");
    assert_eq!(
        (city.kind, city.actor.as_deref()),
        (EntityKind::Location, Some("NGA"))
    );
}
