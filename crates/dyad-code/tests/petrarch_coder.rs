//! A PETRARCH-2 verb dictionary written for this test, converted and run by
//! dyad's own coder on hand-built documents (actors attached here, so the
//! test pins the reader and the coder, not the actors stage).

mod common;

use common::with_countries as doc;
use dyad_code::petrarch::{literal_codes, read_verbs, require_dyad};
use dyad_code::{CodeTable, EventCoder};
use dyad_core::Document;

const VERBS: &str = "\
&AID_
+AID
+ASSISTANCE

--- CONDEMN  [111]  ---
CONDEMN
DENOUNCE

--- SEND  [---]  ---
SEND {SENDS SENT SENDING}
- * {HUMANITARIAN &AID} (TO +)  [073]
- * TROOPS (TO +)  [---]

--- VISIT  [042:043]  ---
VISIT
";

fn coder() -> (EventCoder, dyad_code::petrarch::RuleCodes) {
    let inf = dyad_code::inflect::Inflector::embedded();
    let (patterns, report) = read_verbs("test.verbs", VERBS, None, &inf);
    assert!(report.errors.is_empty(), "{:?}", report.errors);
    let rules = patterns
        .iter()
        .filter_map(|p| Some((p.id.clone(), (p.code.clone()?, p.paired.clone()))))
        .collect();
    let coder = EventCoder::with_dictionaries(CodeTable::embedded(), patterns, Vec::new())
        .expect("compiles");
    (coder, rules)
}

fn triples(d: &Document) -> Vec<(String, String, String)> {
    let mut v: Vec<_> = d
        .events
        .iter()
        .map(|e| {
            (
                e.source.actor.clone().unwrap_or_default(),
                e.target.actor.clone().unwrap_or_default(),
                e.code.clone(),
            )
        })
        .collect();
    v.sort();
    v
}

fn t(s: &str, d: &str, c: &str) -> (String, String, String) {
    (s.into(), d.into(), c.into())
}

const ACTORS: &[(&str, &str)] = &[("Lithuania", "LTU"), ("Belarus", "BLR"), ("Ukraine", "UKR")];

#[test]
fn verbs_alone_and_their_passives_code_the_block_code() {
    let (coder, _) = coder();
    let mut d = doc(
        "Lithuania on Monday denounced Belarus over the border closure.",
        ACTORS,
    );
    coder.annotate(&mut d);
    assert_eq!(triples(&d), vec![t("LTU", "BLR", "111")]);
    let mut d = doc("Belarus was condemned by Lithuania on Monday.", ACTORS);
    coder.annotate(&mut d);
    assert_eq!(triples(&d), vec![t("LTU", "BLR", "111")]);
}

#[test]
fn noun_phrase_and_preposition_patterns_pick_the_code_and_target() {
    let (coder, _) = coder();
    let mut d = doc(
        "Lithuania sent humanitarian assistance to Ukraine last week.",
        ACTORS,
    );
    coder.annotate(&mut d);
    assert_eq!(triples(&d), vec![t("LTU", "UKR", "073")]);
    // the null pattern and the null verb code nothing
    let mut d = doc("Lithuania sent troops to Ukraine last week.", ACTORS);
    coder.annotate(&mut d);
    assert!(d.events.is_empty(), "{:?}", triples(&d));
}

#[test]
fn literal_codes_undo_the_cameo_shift_and_require_dyad_drops_half_events() {
    let (coder, rules) = coder();
    let mut d = doc("Lithuania will visit Ukraine next month.", ACTORS);
    coder.annotate(&mut d);
    // dyad's own reading: a planned visit
    assert!(
        d.events.iter().all(|e| e.code != "042"),
        "{:?}",
        triples(&d)
    );
    literal_codes(&mut d, &rules, coder.codes());
    assert_eq!(
        triples(&d),
        vec![t("LTU", "UKR", "042"), t("UKR", "LTU", "043")]
    );
    let mut d = doc("Lithuania denounced the decision.", ACTORS);
    coder.annotate(&mut d);
    assert_eq!(d.events.len(), 1);
    require_dyad(&mut d);
    assert!(d.events.is_empty());
}
