//! TABARI `.actors`/`.agents` files keep TABARI's matching rules in dyad's
//! actors stage (stems, `_` and `=` endings, any case, special codes), and
//! agents combine with actors as the TABARI manual (§5.4) says: right
//! before or after an actor, or before OF/IN and an actor. The small
//! dictionaries and the news-style sentences are written for these tests.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_actors::{ActorTagger, DictSource};
use dyad_core::Document;

const ACTORS: &str = "\
NORLAND  [NRL] ; a state
OSTMARK_ [OST]
WALRUS= [WAL]
KING_OSWIN ; a person with dated codes
+OSWIN
\t[NRL <990101]
\t[NRLGOV >990101]
TANNER  [NRL]
BANDIT_KING  [###]
SOUTH_ISLES [SIS/NIS]
DUKE WEST_MARCH  [WMR]
~~FINISH
";

const AGENTS: &str = "\
FOREIGN_MINISTER_  [~GOVFRM] ;x
PRESIDENT_  [~GOVPRS]
AMBASSADOR_  [~GOV]
GOVERNMENT_  [~GOV]
RIGHTS_ACTIVISTS_  [NGM~]
REBEL_  [~REB]
~~FINISH
";

/// A tagger over `actors` and `agents` written as files named `name.*`
/// (the extension picks the dialect).
fn tagger(name: &str, actors_ext: &str, agents_ext: &str) -> ActorTagger {
    tagger_over(name, ACTORS, actors_ext, agents_ext)
}

fn tagger_over(name: &str, actors: &str, actors_ext: &str, agents_ext: &str) -> ActorTagger {
    let dir = std::env::temp_dir().join(format!("dyad-tabari-dialect-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let a = dir.join(format!("{name}.{actors_ext}"));
    let g = dir.join(format!("{name}.{agents_ext}"));
    std::fs::write(&a, actors).expect("write actors");
    std::fs::write(&g, AGENTS).expect("write agents");
    let files: Vec<(PathBuf, DictSource)> = [a, g]
        .into_iter()
        .map(|p| {
            let s = DictSource::guess(&p);
            (p, s)
        })
        .collect();
    let (t, report) = ActorTagger::from_files(false, &files).expect("load");
    if actors_ext == "actors" {
        assert!(report.load.errors.is_empty(), "{:?}", report.load.errors);
    }
    t.without_ner()
}

/// (mention text, code) of every entity mention, in text order.
fn mentions(t: &ActorTagger, text: &str) -> Vec<(String, String)> {
    mentions_on(t, text, 2001)
}

fn mentions_on(t: &ActorTagger, text: &str, year: i32) -> Vec<(String, String)> {
    let mut doc = Document::from_body("t", text);
    doc.published = NaiveDate::from_ymd_opt(year, 5, 1);
    t.annotate(&mut doc);
    let mut out: Vec<(usize, String, String)> = doc
        .entities
        .iter()
        .flat_map(|e| {
            let code = e.actor.clone().unwrap_or_else(|| "-".into());
            let text = &doc.text;
            e.mentions.iter().map(move |m| {
                let w = text.get(m.start..m.end).unwrap_or("").to_string();
                (m.start, w, code.clone())
            })
        })
        .collect();
    out.sort();
    out.into_iter().map(|(_, w, c)| (w, c)).collect()
}

fn pair(w: &str, c: &str) -> (String, String) {
    (w.to_string(), c.to_string())
}

#[test]
fn stems_endings_and_case_follow_tabari() {
    let t = tagger("stems", "actors", "agents");
    let got = mentions(
        &t,
        "Norlandic troops crossed into Ostmarks while the walrus watched. \
         Ostmarkian and Walruses were not seen.",
    );
    // NORLAND is a stem, OSTMARK_ takes the noun ending -s only, WALRUS=
    // takes no ending; case does not matter.
    assert_eq!(
        got,
        vec![
            pair("Norlandic", "NRL"),
            pair("Ostmarks", "OST"),
            pair("walrus", "WAL"),
        ]
    );
}

#[test]
fn agents_join_the_actor_next_to_them() {
    let t = tagger("join", "actors", "agents");
    let got = mentions(
        &t,
        "Norland's foreign minister met the ambassadors of Ostmark and Norland. \
         Rights activists in Ostmark praised the Norlandic government.",
    );
    assert_eq!(
        got,
        vec![
            pair("Norland's foreign minister", "NRLGOVFRM"),
            pair("ambassadors of Ostmark", "OSTGOV"),
            pair("Norland", "NRL"),
            pair("Rights activists in Ostmark", "NGMOST"),
            pair("Norlandic government", "NRLGOV"),
        ]
    );
}

#[test]
fn an_office_before_a_coded_name_is_one_person() {
    let t = tagger("office", "actors", "agents");
    let got = mentions(&t, "Norland President Tanner arrived in Ostmark on Monday.");
    assert_eq!(
        got,
        vec![
            pair("Norland President Tanner", "NRLGOVPRS"),
            pair("Ostmark", "OST")
        ]
    );
    // a person coded with a bare state takes the office a title gives (in
    // 1995 Oswin is coded NRL, from 1999 NRLGOV)
    let got = mentions_on(&t, "President Oswin arrived.", 1995);
    assert_eq!(got, vec![pair("Oswin", "NRLGOVPRS")]);
    let got = mentions_on(&t, "President Oswin arrived.", 2001);
    assert_eq!(got, vec![pair("Oswin", "NRLGOV")]);
}

#[test]
fn special_and_compound_codes_are_kept_as_written() {
    let t = tagger("special", "actors", "agents");
    let got = mentions(&t, "The bandit king fled to the South Isles.");
    assert_eq!(
        got,
        vec![pair("bandit king", "###"), pair("South Isles", "SIS/NIS")]
    );
}

#[test]
fn a_blank_in_a_phrase_lets_words_come_between() {
    let t = tagger("gap", "actors", "agents");
    let got = mentions(&t, "The Duke of the West March warned Ostmark.");
    assert_eq!(
        got,
        vec![
            pair("Duke of the West March", "WMR"),
            pair("Ostmark", "OST")
        ]
    );
    // not across a comma, and `_` keeps "West March" together
    let got = mentions(&t, "The Duke, unlike West March, warned the west of March.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn agents_alone_are_coded_only_when_converted() {
    let t = tagger("conv", "actors", "agents");
    let text = "Rebels attacked Ostmark while rights activists watched.";
    assert_eq!(mentions(&t, text), vec![pair("Ostmark", "OST")]);
    let t = t.with_convert_agents(true);
    assert_eq!(
        mentions(&t, text),
        vec![
            pair("Rebels", "~REB"),
            pair("Ostmark", "OST"),
            pair("rights activists", "NGM~"),
        ]
    );
}

#[test]
fn petrarch_files_have_no_stems() {
    // PETRARCH `.txt` files: whole words, no TABARI endings
    let t = tagger_over(
        "petr",
        "NORLAND  [NRL]\nOSTMARK_ [OST]\n",
        "actors.txt",
        "agents.txt",
    );
    let got = mentions(&t, "Norlandic troops crossed into Norland and Ostmarks.");
    assert_eq!(got, vec![pair("Norland", "NRL")]);
}
