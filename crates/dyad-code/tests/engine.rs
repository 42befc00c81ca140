//! The default matcher's pre-check (a candidate pattern is skipped when a
//! word it needs is nowhere in the sentence) never changes what is coded:
//! `annotate` (pre-check on) and `explain` (every candidate tried, for the
//! trace) must code the same events. Also: a TABARI `.verbs` file loads
//! through `petrarch::load_coder` and codes through the default coder.

mod common;

use common::with_countries as doc;
use std::path::PathBuf;

use dyad_code::petrarch::load_coder;
use dyad_code::{CodeTable, EventCoder};

const SENTENCES: &[(&str, &[(&str, &str)])] = &[
    (
        "France condemned the attack on Germany's embassy and promised aid to Mali.",
        &[("France", "FRA"), ("Germany", "DEU"), ("Mali", "MLI")],
    ),
    (
        "Russia agreed to set up a joint commission with China on border trade.",
        &[("Russia", "RUS"), ("China", "CHN")],
    ),
    (
        "Iran said it would open talks with Iraq and rejected a proposal from Israel.",
        &[("Iran", "IRN"), ("Iraq", "IRQ"), ("Israel", "ISR")],
    ),
    (
        "Japan accused North Korea of firing a missile over its territory on Monday.",
        &[("Japan", "JPN"), ("North Korea", "PRK")],
    ),
    (
        "Kenya sent troops to Somalia after Ethiopia threatened to impose sanctions on Eritrea.",
        &[
            ("Kenya", "KEN"),
            ("Somalia", "SOM"),
            ("Ethiopia", "ETH"),
            ("Eritrea", "ERI"),
        ],
    ),
];

/// Events coded with and without the pre-check, over all sentences.
fn both(coder: &EventCoder) -> (usize, usize) {
    let (mut fast, mut full) = (0, 0);
    for (text, actors) in SENTENCES {
        let mut a = doc(text, actors);
        coder.annotate(&mut a);
        let mut b = doc(text, actors);
        coder.explain(&mut b);
        assert_eq!(a.events, b.events, "{text}");
        fast += a.events.len();
        full += b.events.len();
    }
    (fast, full)
}

#[test]
fn pre_check_does_not_change_events_with_dyad_patterns() {
    let (fast, full) = both(&EventCoder::new());
    assert_eq!(fast, full);
    assert!(fast >= 4, "only {fast} events coded");
}

fn shared() -> Option<PathBuf> {
    let dir = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    dir.join("eval/events").is_dir().then_some(dir)
}

#[test]
fn pre_check_does_not_change_events_with_cameo_2() {
    let Some(dir) = shared() else {
        println!("skipped: shared data not found (set DYAD_SHARED)");
        return;
    };
    let verbs = dir.join("eval/events/petrarch2/CAMEO.2.0.txt");
    let (coder, _) = load_coder(&verbs, None, CodeTable::embedded()).expect("CAMEO.2.0 loads");
    let (fast, _) = both(&coder);
    assert!(fast >= 4, "only {fast} events coded");
}

#[test]
fn tabari_verbs_code_through_the_default_coder() {
    let Some(dir) = shared() else {
        println!("skipped: shared data not found (set DYAD_SHARED)");
        return;
    };
    let verbs = dir.join("eval/events/tabari/TABARI.Demo.verbs");
    let (coder, report) = load_coder(&verbs, None, CodeTable::embedded()).expect("loads");
    assert!(report.verbs.flavor.is_none(), "read as TABARI");
    assert!(report.patterns > 300, "{} patterns", report.patterns);
    // TABARI.Demo.verbs: SIGN [081], `- * PROTOCOL [085]`
    let mut d = doc(
        "Arnor on Thursday signed a trade protocol with Gondor.",
        &[("Arnor", "ARN"), ("Gondor", "GON")],
    );
    coder.annotate(&mut d);
    let got: Vec<(&str, Option<&str>, Option<&str>)> = d
        .events
        .iter()
        .map(|e| {
            (
                e.code.as_str(),
                e.source.actor.as_deref(),
                e.target.actor.as_deref(),
            )
        })
        .collect();
    assert!(got.contains(&("085", Some("ARN"), Some("GON"))), "{got:?}");
}

#[test]
fn tabari_ranked_codes_are_inside_the_table() {
    let Some(dir) = shared() else {
        println!("skipped: shared data not found (set DYAD_SHARED)");
        return;
    };
    // TABARI.Demo.verbs writes `SAID [023?]`, `ATTEND [031!]`: the rank is
    // not part of the code, so those patterns load and are not counted
    // as outside the table
    let verbs = dir.join("eval/events/tabari/TABARI.Demo.verbs");
    let (_, report) = load_coder(&verbs, None, CodeTable::embedded()).expect("loads");
    let ranked: Vec<&String> = report
        .uncodable
        .keys()
        .filter(|c| c.ends_with(['?', '!']) || CodeTable::embedded().get(c).is_some())
        .collect();
    assert!(ranked.is_empty(), "{ranked:?}");
    let codes: Vec<&str> = report.rules.values().map(|(c, _)| c.as_str()).collect();
    assert!(codes.contains(&"023"), "the `?` patterns are kept");
    assert!(codes.contains(&"031"), "the `!` patterns are kept");
    assert!(!codes.iter().any(|c| c.ends_with(['?', '!'])));
}
