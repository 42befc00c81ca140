//! TABARI dictionaries coded through dyad's pattern model, on small
//! dictionaries and news-style sentences written for this test.

use dyad_code::tabari::{code_record, Dictionaries, Options};

const ACTORS: &str = "\
<NOUN>\nTRUCKS\n</NOUN>\n\
NORLAND [NRL]\nSOUTHMARK [STH]\n+SOUTH_MARK\nEASTIA [EST]\nRUGBY_LEAGUE [###]\n\
KING_OSWIN [NRLGOV 900101-051231] [NRLELI]\n";
const AGENTS: &str = "ENVOY_ [~GOV]\nAID_AGENCY_ [NGO~]\n";
const VERBS: &str = "\
<TIME>\nYESTERDAY [-1]\n</TIME>\n\
ACCUSE [112]\n- * OF_SPYING [121]\n\
VISIT_ [042:043]\n{ VISITED_ }\n\
MET [040:040]\n- % * [041:041]\n\
SAID [010?]\n\
SEND_ [070]\n{ SENT_ }\n- * TRUCKS_ TO + [071]\n- REFUSED TO * [---]\n";

fn dicts() -> Dictionaries {
    let mut errors = Vec::new();
    let d = Dictionaries::build(
        &[("t.actors".into(), ACTORS.into())],
        &[("t.agents".into(), AGENTS.into())],
        &[("t.verbs".into(), VERBS.into())],
        &mut errors,
    );
    assert!(errors.is_empty(), "{errors:?}");
    d
}

fn events(text: &str, date: &str) -> Vec<(String, String, String)> {
    let opts = Options {
        time_shift: Some(true),
        ..Options::default()
    };
    code_record(&dicts(), &opts, date, text, None)
        .events
        .into_iter()
        .map(|(s, t, c, _)| (s, t, c))
        .collect()
}

fn ev(s: &str, t: &str, c: &str) -> (String, String, String) {
    (s.into(), t.into(), c.into())
}

#[test]
fn longer_phrases_win_and_agents_attach() {
    assert_eq!(
        events(
            "The Norland envoy accused Southmark of spying on its northern ports.",
            "050301"
        ),
        vec![ev("NRLGOV", "STH", "121")]
    );
    assert_eq!(
        events(
            "Norland accused Southmark on Monday of hiding weapons near the border.",
            "050301"
        ),
        vec![ev("NRL", "STH", "112")]
    );
}

#[test]
fn paired_codes_compounds_and_dated_actors() {
    assert_eq!(
        events(
            "King Oswin visited South Mark on Tuesday for two days of talks.",
            "050301"
        ),
        vec![ev("NRLGOV", "STH", "042"), ev("STH", "NRLGOV", "043")]
    );
    assert_eq!(
        events(
            "King Oswin visited South Mark on Tuesday for two days of talks.",
            "070301"
        ),
        vec![ev("NRLELI", "STH", "042"), ev("STH", "NRLELI", "043")]
    );
    let got = events(
        "Norland and Eastia met in the capital on Friday to discuss trade.",
        "050301",
    );
    assert_eq!(got, vec![ev("NRL", "EST", "041"), ev("EST", "NRL", "041")]);
}

#[test]
fn targets_nulls_subordinates_and_discards() {
    assert_eq!(
        events(
            "Norland sent trucks to Southmark after the floods in the valley.",
            "050301"
        ),
        vec![ev("NRL", "STH", "071")]
    );
    assert!(events(
        "Norland refused to send trucks of grain to Southmark this winter.",
        "050301"
    )
    .is_empty());
    // the subordinate SAID gives way to the event it reports
    assert_eq!(
        events(
            "Norland said it had sent help to Southmark during the long winter.",
            "050301"
        ),
        vec![ev("NRL", "STH", "070")]
    );
    let d = dicts();
    let c = code_record(
        &d,
        &Options::default(),
        "050301",
        "Norland accused Southmark of cheating in the rugby league final.",
        None,
    );
    assert!(c.discard && c.events.is_empty());
}

#[test]
fn time_phrases_shift_the_date_and_capitals_make_nouns() {
    let opts = Options {
        time_shift: Some(true),
        ..Options::default()
    };
    let c = code_record(
        &dicts(),
        &opts,
        "050301",
        "Yesterday Norland accused Southmark of breaking the fishing agreement.",
        None,
    );
    assert_eq!(c.events.first().map(|e| e.3.as_str()), Some("050228"));
    // "Accused" capitalised inside the sentence is a noun, not the verb
    let c = code_record(
        &dicts(),
        &opts,
        "050301",
        "Norland named the Accused Southmark officers in a long report on Monday.",
        None,
    );
    assert!(c.events.is_empty(), "{:?}", c.events);
}
