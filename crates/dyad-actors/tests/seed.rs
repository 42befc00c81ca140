//! The seed article (Straits Times, 12 May 2017, in `../shared/seed`): every
//! actor the project was created for must be found, titled and coded for
//! May 2017, with its later mentions resolved. Skips when the shared folder
//! is absent.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_actors::ActorTagger;
use dyad_core::{Document, Entity, EntityKind};

const SEED: &str = "seed/straits-times-2017-05-12-kremlin-guarded-about-us-russian-ties.txt";

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let path = dir.join(SEED);
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: {SEED} not found (set DYAD_SHARED to the shared data folder)");
        None
    }
}

/// The article's body (dateline paragraph to the agency credit) and its
/// photo caption, each as a Document dated 2017-05-12.
fn seed_docs() -> Option<(Document, Document)> {
    let raw = std::fs::read_to_string(shared()?).ok()?;
    let start = raw.find("MOSCOW •")?;
    let end = raw.find("AGENCE FRANCE-PRESSE, NY TIMES")?;
    let body = raw.get(start..end)?.trim().to_string();
    let caption_start = raw.find("A handout photo")?;
    let caption_end = raw.get(caption_start..)?.find(" PHOTO:")? + caption_start;
    let caption = raw.get(caption_start..caption_end)?.to_string();
    let date = NaiveDate::from_ymd_opt(2017, 5, 12);
    let mut doc = Document::from_body("seed", body);
    doc.published = date;
    let mut cap = Document::from_body("seed-caption", caption);
    cap.published = date;
    Some((doc, cap))
}

fn find<'a>(doc: &'a Document, name: &str) -> &'a Entity {
    doc.entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", doc.entities))
}

fn mentions(doc: &Document, e: &Entity) -> Vec<String> {
    e.mentions
        .iter()
        .map(|m| doc.text.get(m.start..m.end).unwrap_or("").to_string())
        .collect()
}

fn check(doc: &Document, name: &str, kind: EntityKind, title: Option<&str>, actor: &str) {
    let e = find(doc, name);
    assert_eq!(e.kind, kind, "{name}");
    assert_eq!(e.title.as_deref(), title, "{name}");
    assert_eq!(e.actor.as_deref(), Some(actor), "{name}");
}

#[test]
fn seed_actors_are_found_titled_and_coded_for_may_2017() {
    let Some((mut doc, mut cap)) = seed_docs() else {
        return;
    };
    let tagger = ActorTagger::new();
    tagger.annotate(&mut doc);
    tagger.annotate(&mut cap);
    use EntityKind::*;
    check(
        &doc,
        "Dmitry Peskov",
        Person,
        Some("Kremlin spokesman"),
        "RUSGOV",
    );
    check(
        &doc,
        "Sergei Lavrov",
        Person,
        Some("Russian Foreign Minister"),
        "RUSGOV",
    );
    check(
        &doc,
        "Rex Tillerson",
        Person,
        Some("US Secretary of State"),
        "USAGOV",
    );
    check(
        &doc,
        "Sergey Kislyak",
        Person,
        Some("Russian ambassador to the United States"),
        "RUSGOV",
    );
    check(
        &doc,
        "Michael Flynn",
        Person,
        Some("Mr Trump's former national security adviser"),
        "USAELI",
    );
    check(
        &doc,
        "Henry Kissinger",
        Person,
        Some("former Secretary of State"),
        "USAELI",
    );
    // Fired on 9 May 2017: a former official three days later.
    check(
        &doc,
        "James Comey",
        Person,
        Some("Federal Bureau of Investigation director"),
        "USAELI",
    );
    check(&doc, "Kremlin", Organization, None, "RUSGOV");
    check(
        &doc,
        "Tass",
        Organization,
        Some("Russian news agency"),
        "RUSMED",
    );
    // Out of the White House in May 2017: the opposition (data/actors/parties.txt).
    check(&doc, "Democratic Party", Organization, None, "USAOPP");
    check(&doc, "Donald Trump", Person, Some("US President"), "USAGOV");
    check(
        &doc,
        "Vladimir Putin",
        Person,
        Some("Russian President"),
        "RUSGOV",
    );
    check(
        &cap,
        "White House officials",
        Organization,
        Some("officials"),
        "USAGOV",
    );
    check(
        &cap,
        "Russian Foreign Ministry",
        Organization,
        None,
        "RUSGOV",
    );
    check(
        &cap,
        "Russian state media",
        Organization,
        Some("state media"),
        "RUSGOVMED",
    );
}

#[test]
fn seed_later_mentions_point_back() {
    let Some((mut doc, _)) = seed_docs() else {
        return;
    };
    ActorTagger::new().annotate(&mut doc);
    let peskov = mentions(&doc, find(&doc, "Dmitry Peskov"));
    assert_eq!(peskov, vec!["Dmitry Peskov", "he", "Mr Peskov"]);
    let lavrov = mentions(&doc, find(&doc, "Sergei Lavrov"));
    assert!(lavrov.contains(&"Mr Lavrov".to_string()) && lavrov.contains(&"he".to_string()));
    let tillerson = mentions(&doc, find(&doc, "Rex Tillerson"));
    for m in ["Mr Tillerson", "his", "he"] {
        assert!(tillerson.contains(&m.to_string()), "{tillerson:?}");
    }
    let putin = mentions(&doc, find(&doc, "Vladimir Putin"));
    assert_eq!(putin.iter().filter(|m| *m == "he").count(), 2, "{putin:?}");
    let trump = mentions(&doc, find(&doc, "Donald Trump"));
    assert!(
        trump.contains(&"US President".to_string()),
        "the US President: {trump:?}"
    );
    assert!(trump.contains(&"his".to_string()));
    assert!(trump.iter().filter(|m| *m == "Mr Trump").count() >= 6);
    assert_eq!(
        mentions(&doc, find(&doc, "Henry Kissinger")),
        vec!["Dr Henry Kissinger", "Dr Kissinger"]
    );
    // Pronouns inside quotations are left alone ("We don't have anything…").
    for e in &doc.entities {
        for m in &e.mentions {
            let t = doc.text.get(m.start..m.end).unwrap_or("");
            assert!(!["We", "we", "it", "It"].contains(&t), "{t} in {}", e.name);
        }
    }
    // Organisations stay organisations.
    assert_eq!(mentions(&doc, find(&doc, "Tass")), vec!["Tass"]);
}
