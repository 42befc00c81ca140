//! The coder on hand-built documents: entities, quotes and time expressions
//! are constructed here (not by the other stages), so these tests pin the
//! events stage alone.

use chrono::NaiveDate;
use dyad_code::EventCoder;
use dyad_core::{
    Document, Entity, EntityKind, Event, Mention, Modality, Quote, Span, Timex, TimexType,
};

/// A one-paragraph document; `actors` lists (surface text, name, kind,
/// code): every occurrence of the surface text becomes a mention.
fn doc(text: &str, actors: &[(&str, &str, EntityKind, &str)]) -> Document {
    let mut d = Document::from_body("t", text);
    d.sentences = split(text);
    d.reference_date = NaiveDate::from_ymd_opt(2017, 5, 12);
    for (surface, name, kind, code) in actors {
        let id = match d.entities.iter().find(|e| e.name == *name) {
            Some(e) => e.id.clone(),
            None => {
                let id = format!("e{}", d.entities.len() + 1);
                d.entities.push(Entity {
                    id: id.clone(),
                    name: name.to_string(),
                    kind: *kind,
                    title: None,
                    actor: Some(code.to_string()),
                    mentions: Vec::new(),
                });
                id
            }
        };
        let mentions: Vec<Mention> = text
            .match_indices(surface)
            .map(|(i, s)| Mention {
                start: i,
                end: i + s.len(),
            })
            .collect();
        if let Some(e) = d.entities.iter_mut().find(|e| e.id == id) {
            e.mentions.extend(mentions);
            e.mentions.sort_by_key(|m| m.start);
        }
    }
    d
}

/// Sentences split at ". " (enough for these texts).
fn split(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, _) in text.match_indices(". ") {
        out.push(Span::new(start, i + 1));
        start = i + 2;
    }
    out.push(Span::new(start, text.len()));
    out
}

fn code(d: &mut Document) -> Vec<Event> {
    EventCoder::new().annotate(d);
    d.events.clone()
}

fn triples(events: &[Event]) -> Vec<(String, String, String)> {
    events
        .iter()
        .map(|e| {
            (
                e.code.clone(),
                e.source.actor.clone().unwrap_or_default(),
                e.target.actor.clone().unwrap_or_default(),
            )
        })
        .collect()
}

fn t(code: &str, s: &str, tg: &str) -> (String, String, String) {
    (code.into(), s.into(), tg.into())
}

const LAVROV: (&str, &str, EntityKind, &str) = (
    "Sergei Lavrov",
    "Sergei Lavrov",
    EntityKind::Person,
    "RUSGOV",
);
const TRUMP: (&str, &str, EntityKind, &str) =
    ("Donald Trump", "Donald Trump", EntityKind::Person, "USAGOV");
const PUTIN: (&str, &str, EntityKind, &str) =
    ("Putin", "Vladimir Putin", EntityKind::Person, "RUSGOV");
const OBAMA: (&str, &str, EntityKind, &str) =
    ("Obama", "Barack Obama", EntityKind::Person, "USAGOV");
const MOSCOW: (&str, &str, EntityKind, &str) = ("Moscow", "Moscow", EntityKind::Location, "RUS");
const ISRAEL: (&str, &str, EntityKind, &str) = ("Israel", "Israel", EntityKind::Country, "ISR");
const IRAN: (&str, &str, EntityKind, &str) = ("Iran", "Iran", EntityKind::Country, "IRN");

#[test]
fn subject_verb_object_with_provenance() {
    let mut d = doc(
        "Sergei Lavrov met Donald Trump at the White House.",
        &[LAVROV, TRUMP],
    );
    let ev = code(&mut d);
    assert_eq!(triples(&ev), vec![t("040", "RUSGOV", "USAGOV")]);
    let e = &ev[0];
    assert_eq!(d.span_text(e.trigger), "met");
    assert_eq!(e.root, "04");
    assert_eq!(e.quad_class, 1);
    assert_eq!(e.plover.as_deref(), Some("CONSULT"));
    assert!(e.rule.starts_with("patterns.txt:"), "{}", e.rule);
    assert_eq!(e.date, NaiveDate::from_ymd_opt(2017, 5, 12));
    assert_eq!(e.source.text.as_deref(), Some("Sergei Lavrov"));
    assert!(!e.negated);
    assert_eq!(e.modality, Modality::Asserted);
}

#[test]
fn passive_voice_swaps_source_and_target() {
    let mut d = doc("Israel was attacked by Iran on Monday.", &[ISRAEL, IRAN]);
    let ev = code(&mut d);
    assert_eq!(triples(&ev), vec![t("180", "IRN", "ISR")]);
    // the active pattern must not code "Israel was attacked" by itself
    let mut d = doc("Israel was attacked on Monday.", &[ISRAEL]);
    assert!(code(&mut d).is_empty());
}

#[test]
fn visits_give_paired_codes_and_dates_from_time_expressions() {
    let text = "Donald Trump visited Moscow last month.";
    let mut d = doc(text, &[TRUMP, MOSCOW]);
    let start = text.find("last month").unwrap_or(0);
    d.timexes.push(Timex {
        text: "last month".into(),
        start,
        end: start + 10,
        kind: TimexType::Date,
        value: "2017-04".into(),
        anchor: None,
    });
    let ev = code(&mut d);
    assert_eq!(
        triples(&ev),
        vec![t("042", "USAGOV", "RUS"), t("043", "RUS", "USAGOV")]
    );
    assert_eq!(ev[0].date, NaiveDate::from_ymd_opt(2017, 4, 1));
    assert_eq!(ev[0].plover_mode.as_deref(), Some("visit"));
}

#[test]
fn compound_actors_code_every_pair() {
    let mut d = doc("Donald Trump and Putin met in Hamburg.", &[TRUMP, PUTIN]);
    let ev = code(&mut d);
    assert_eq!(
        triples(&ev),
        vec![t("040", "USAGOV", "RUSGOV"), t("040", "RUSGOV", "USAGOV")]
    );
    let mut d = doc(
        "Sergei Lavrov met both Donald Trump and Obama.",
        &[LAVROV, TRUMP, OBAMA],
    );
    assert_eq!(
        triples(&code(&mut d)),
        vec![t("040", "RUSGOV", "USAGOV"), t("040", "RUSGOV", "USAGOV")]
    );
}

#[test]
fn negation_and_modality_are_flagged() {
    let mut d = doc("Putin did not meet Obama.", &[PUTIN, OBAMA]);
    let ev = code(&mut d);
    assert_eq!(ev.len(), 1);
    assert!(ev[0].negated);
    let mut d = doc("Putin could meet Obama in July.", &[PUTIN, OBAMA]);
    let ev = code(&mut d);
    assert_eq!(
        triples(&ev),
        vec![t("036", "RUSGOV", "USAGOV")],
        "a possible meeting is an intent to meet"
    );
    assert_eq!(ev[0].modality, Modality::Hypothetical);
    let mut d = doc("Putin plans to visit Moscow.", &[PUTIN, MOSCOW]);
    let ev = code(&mut d);
    assert_eq!(
        ev.first().map(|e| (e.code.as_str(), e.modality)),
        Some(("036", Modality::Intent))
    );
}

#[test]
fn quote_speaker_is_the_source_of_statements() {
    let text =
        "\"It is too early to speak of a thaw,\" Putin said. \"The dialogue is very positive.\"";
    let mut d = doc(text, &[PUTIN]);
    for (content, _) in [
        ("It is too early to speak of a thaw,", 0),
        ("The dialogue is very positive.", 1),
    ] {
        let start = text.find(content).unwrap_or(0);
        d.quotes.push(Quote {
            text: content.into(),
            start,
            end: start + content.len(),
            direct: true,
            cue: Some("said".into()),
            cue_start: None,
            cue_end: None,
            speaker: Some("Vladimir Putin".into()),
            speaker_entity: Some("e1".into()),
            speaker_start: None,
            speaker_end: None,
        });
    }
    let ev = code(&mut d);
    let codes: Vec<&str> = ev.iter().map(|e| e.code.as_str()).collect();
    assert_eq!(
        codes,
        ["012", "013"],
        "pessimistic then optimistic comment, no thaw event"
    );
    assert!(ev
        .iter()
        .all(|e| e.source.actor.as_deref() == Some("RUSGOV")));
}

#[test]
fn sports_results_disasters_and_metaphors_are_not_events() {
    let argentina = ("Argentina", "Argentina", EntityKind::Country, "ARG");
    let usa = (
        "the United States",
        "United States",
        EntityKind::Country,
        "USA",
    );
    let mut d = doc(
        "Argentina beat the United States 2-1 in the World Cup final.",
        &[argentina, usa],
    );
    assert!(code(&mut d).is_empty());
    let mut d = doc(
        "Israel attacked Iran in the semi-final match.",
        &[ISRAEL, IRAN],
    );
    assert!(code(&mut d).is_empty());
    let mut d = doc(
        "Israel and Iran are locked in a battle for votes at the UN.",
        &[ISRAEL, IRAN],
    );
    assert!(code(&mut d).iter().all(|e| e.root != "19"));
}

#[test]
fn relative_clauses_and_possessives_find_the_right_actors() {
    let mut d = doc(
        "Donald Trump, who met Obama on Monday, condemned Iran.",
        &[TRUMP, OBAMA, IRAN],
    );
    let ev = code(&mut d);
    assert_eq!(
        triples(&ev),
        vec![t("040", "USAGOV", "USAGOV"), t("111", "USAGOV", "IRN")]
    );
    assert_eq!(ev[0].target.text.as_deref(), Some("Obama"));
    let flynn = (
        "Michael Flynn",
        "Michael Flynn",
        EntityKind::Person,
        "USAELI",
    );
    let mut d = doc(
        "Sergei Lavrov met Donald Trump's former adviser Michael Flynn.",
        &[LAVROV, TRUMP, flynn],
    );
    assert_eq!(triples(&code(&mut d)), vec![t("040", "RUSGOV", "USAELI")]);
}

#[test]
fn sentences_without_triggers_cost_nothing_and_code_nothing() {
    let mut d = doc(
        "Sergei Lavrov and Donald Trump were in the same room.",
        &[LAVROV, TRUMP],
    );
    assert!(code(&mut d).is_empty());
}

#[test]
fn explain_says_why() {
    let mut d = doc("Israel was attacked on Monday.", &[ISRAEL]);
    let trace = EventCoder::new().explain(&mut d);
    assert!(
        trace.iter().any(|l| l.contains("passive voice")),
        "{trace:#?}"
    );
}

#[test]
fn unrealised_actions_follow_cameo() {
    // a refused cooperation is a rejection
    let mut d = doc(
        "Obama said he would not provide support to Israel.",
        &[OBAMA, ISRAEL],
    );
    let ev = code(&mut d);
    assert_eq!(triples(&ev), vec![t("120", "USAGOV", "ISR")]);
    // a promised attack is a threat
    let mut d = doc("Iran will attack Israel.", &[IRAN, ISRAEL]);
    assert_eq!(triples(&code(&mut d)), vec![t("138", "IRN", "ISR")]);
    let mut d = doc("Israel threatened to attack Iran.", &[ISRAEL, IRAN]);
    assert_eq!(code(&mut d).first().map(|e| e.root.as_str()), Some("13"));
    // a place after "at" is the location, unless the verb takes "at"
    let mut d = doc("Israel fired rockets at Iran.", &[ISRAEL, IRAN]);
    assert_eq!(triples(&code(&mut d)), vec![t("194", "ISR", "IRN")]);
}
