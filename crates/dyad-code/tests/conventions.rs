//! dyad's default coder with TABARI's conventions (issue 7): a TABARI
//! `.verbs` text converted to default patterns, coded with and without the
//! conventions a TABARI `.options` file sets.

mod common;

use chrono::NaiveDate;
use common::with_countries;
use dyad_code::conventions::{Conventions, Verdict};
use dyad_code::matcher::Matcher;
use dyad_code::tabari::{default, Options, Verbs};
use dyad_code::{CodeTable, EventCoder};

const VERBS: &str = "CRITICISE  [111]\nPRAISE  [051]\nSAID  [010?]\nEXPEL  [174]\n\
<TIME>\nYESTERDAY [-1]\nLAST_WEEK [-7]\n";

fn coder(options: &str) -> EventCoder {
    let verbs = Verbs::read("t.verbs", VERBS);
    assert!(verbs.errors.is_empty(), "{:?}", verbs.errors);
    let (patterns, _) = default::convert("t.verbs", &verbs);
    let coder = EventCoder::with_dictionaries(CodeTable::embedded(), patterns, Vec::new())
        .expect("patterns compile");
    if options.is_empty() {
        return coder;
    }
    let (opts, errors) = Options::read("t.options", options);
    assert!(errors.is_empty(), "{errors:?}");
    let time = Matcher::new(default::convert_time(&verbs), Vec::new()).expect("time phrases");
    let mut c = Conventions {
        time: Some(time),
        ..Conventions::default()
    };
    opts.set_conventions(&mut c, true);
    coder.with_conventions(c)
}

const NATIONS: &[(&str, &str)] = &[("Norland", "NOR"), ("Sudland", "SUD"), ("Eastland", "EAS")];

fn coded(coder: &EventCoder, text: &str) -> (Vec<String>, Vec<Verdict>) {
    let mut doc = with_countries(text, NATIONS);
    doc.published = NaiveDate::from_ymd_opt(2024, 3, 8);
    let verdicts = coder.annotate_with_verdicts(&mut doc);
    let events = doc
        .events
        .iter()
        .map(|e| {
            let a = |x: &dyad_core::EventActor| x.actor.clone().unwrap_or_default();
            format!("{} {} {}", a(&e.source), a(&e.target), e.code)
        })
        .collect();
    (events, verdicts.into_iter().map(|(_, v)| v).collect())
}

#[test]
fn one_event_per_clause_only_with_tabari_conventions() {
    let text =
        "Norland criticised Sudland on Friday after officials praised Eastland in a statement.";
    let (all, _) = coded(&coder(""), text);
    assert!(all.len() >= 2, "{all:?}");
    let (tabari, _) = coded(&coder("SET: CODE BY CLAUSE\n"), text);
    assert_eq!(tabari, vec!["NOR SUD 111".to_string()]);
    // a conjunction opens a new clause with its own event
    let text = "Norland criticised Sudland on Friday and Sudland expels the envoys of Eastland.";
    let (two, _) = coded(&coder("SET: CODE BY CLAUSE\n"), text);
    assert_eq!(
        two,
        vec!["NOR SUD 111".to_string(), "SUD EAS 174".to_string()]
    );
}

#[test]
fn subordinate_codes_give_way_and_passive_voice_swaps() {
    let c = coder("SET: CODE ALL\n");
    let (events, _) = coded(
        &c,
        "Norland said on Friday that it would expel diplomats from Sudland at once.",
    );
    assert_eq!(events, vec!["NOR SUD 174".to_string()]);
    let (events, _) = coded(
        &c,
        "Norland was sharply criticised by Sudland in a statement on Friday evening.",
    );
    assert_eq!(events, vec!["SUD NOR 111".to_string()]);
}

#[test]
fn time_phrases_shift_the_event_date() {
    let c = coder("SET: TIME SHIFT = TRUE\n");
    let mut doc = with_countries(
        "Norland criticised Sudland last week in a long statement to parliament.",
        NATIONS,
    );
    doc.published = NaiveDate::from_ymd_opt(2024, 3, 8);
    c.annotate(&mut doc);
    let dates: Vec<_> = doc.events.iter().map(|e| e.date).collect();
    assert_eq!(dates, vec![NaiveDate::from_ymd_opt(2024, 3, 1)]);
}

#[test]
fn short_and_complex_sentences_are_not_coded() {
    let c = coder("SET: MINIMUM WORDS = 8\nCOMPLEX: NOACTPRIOR\n");
    let (events, verdicts) = coded(&c, "Norland criticised Sudland.");
    assert!(
        events.is_empty() && verdicts.is_empty(),
        "{events:?} {verdicts:?}"
    );
    let (events, verdicts) = coded(
        &c,
        "Officials criticised Sudland and Norland again in a statement on Friday.",
    );
    assert!(events.is_empty(), "{events:?}");
    assert!(
        matches!(verdicts.as_slice(), [Verdict::Complex(_)]),
        "{verdicts:?}"
    );
}

#[test]
fn default_source_fills_a_missing_actor() {
    // `PRIOR`: the default stands for any source before the verb (else
    // TABARI takes the first actor after it)
    let c = coder("DEFAULT: SOURCE [DEF] PRIOR\n");
    let (events, _) = coded(
        &c,
        "Officials on Friday criticised Sudland in a statement read on state radio.",
    );
    assert_eq!(events, vec!["DEF SUD 111".to_string()]);
}
