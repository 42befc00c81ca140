//! Offices and bodies used as modifiers are not mentions, and offices that
//! only one country has are coded with it; news-style sentences written for
//! these tests.

use chrono::NaiveDate;
use dyad_actors::ActorTagger;
use dyad_core::Document;

fn entities(text: &str) -> Vec<(String, Option<String>)> {
    let mut doc = Document::from_body("t", text);
    doc.published = NaiveDate::from_ymd_opt(2005, 3, 1);
    ActorTagger::new().annotate(&mut doc);
    doc.entities
        .iter()
        .map(|e| (e.name.clone(), e.actor.clone()))
        .collect()
}

#[test]
fn offices_and_bodies_before_a_noun_are_modifiers() {
    for text in [
        "The Thai tourist industry has been hit hard by the floods.",
        "British tourist numbers fell by a third last year.",
        "Two men were taken to a British police station on Monday.",
        "The US court order was upheld on appeal.",
        "EU member states disagreed over the budget.",
        "German business confidence rose in March.",
    ] {
        let found = entities(text);
        assert!(
            found
                .iter()
                .all(|(_, code)| code.as_deref().is_none_or(|c| c.len() == 3)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn offices_followed_by_a_verb_or_a_function_word_stay_mentions() {
    for (text, name, code) in [
        (
            "A British tourist was injured, and the British tourist said he would sue.",
            "British tourist",
            "GBRCVL",
        ),
        ("The Thai police arrested two men.", "Thai police", "THACOP"),
        (
            "A US court ruled that the law was valid.",
            "US court",
            "USAJUD",
        ),
        (
            "The Russian ambassador says that talks will resume.",
            "Russian ambassador",
            "RUSGOV",
        ),
        (
            "Chinese government officials met in Beijing.",
            "Chinese government officials",
            "CHNGOV",
        ),
    ] {
        let found = entities(text);
        assert!(
            found
                .iter()
                .any(|(n, c)| n == name && c.as_deref() == Some(code)),
            "{text}: {found:?}"
        );
    }
}

fn annotate_doc(text: &str, publisher: Option<&str>) -> Document {
    let mut doc = Document::from_body("t", text);
    doc.published = NaiveDate::from_ymd_opt(2005, 3, 1);
    doc.publisher = publisher.map(str::to_string);
    ActorTagger::new().annotate(&mut doc);
    doc
}

fn code_of(doc: &Document, mention: &str) -> Option<String> {
    doc.entities
        .iter()
        .find(|e| {
            e.mentions
                .iter()
                .any(|m| doc.text.get(m.start..m.end) == Some(mention))
        })
        .and_then(|e| e.actor.clone())
}

#[test]
fn uk_only_offices_are_british_when_no_other_state_is_in_play() {
    let text = "The Home Secretary said the new powers were needed. The Chancellor of the \
                Exchequer will set out his Budget on Wednesday, and the shadow chancellor \
                Oliver Letwin attacked the plans.";
    let doc = annotate_doc(text, None);
    assert_eq!(
        code_of(&doc, "Home Secretary").as_deref(),
        Some("GBRGOV"),
        "{:#?}",
        doc.entities
    );
    assert_eq!(
        code_of(&doc, "Chancellor of the Exchequer").as_deref(),
        Some("GBRGOV"),
        "{:#?}",
        doc.entities
    );
    assert_eq!(code_of(&doc, "Oliver Letwin").as_deref(), Some("GBROPP"));
}

#[test]
fn with_another_state_in_play_only_a_british_article_codes_them() {
    let text = "The Foreign Secretary flew to Delhi for talks with Indian officials.";
    let foreign = annotate_doc(text, None);
    assert_eq!(
        code_of(&foreign, "Foreign Secretary"),
        None,
        "{:#?}",
        foreign.entities
    );
    let british = annotate_doc(text, Some("BBC"));
    assert_eq!(
        code_of(&british, "Foreign Secretary").as_deref(),
        Some("GBRGOV")
    );
}
