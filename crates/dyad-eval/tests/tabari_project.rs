//! A TABARI project written for this test (its own dictionaries, options
//! and validation records in news style) coded by dyad's coder through
//! `dyad_eval::tabari::evaluate`, the scorer of TABARI's validation suite:
//! longer phrases, agents, dated actor codes, paired codes, `%` compounds,
//! `+` targets, null codes, subordinate `?` codes, `###` discards, `<TIME>`
//! shifts and capitalised verbs read as nouns. Needs no shared data.

use std::path::PathBuf;

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
const OPTIONS: &str = "SET: LABEL = TRUE\n";
/// Each record: date, id, text, expected events (TABARI's comment syntax).
const RECORDS: &[(&str, &str, &str, &str)] = &[
    (
        "050301",
        "AGENT-01",
        "The Norland envoy accused Southmark of spying on its northern ports.",
        "{ NRLGOV / STH / 121 }",
    ),
    (
        "050301",
        "PATTERN-01",
        "Norland accused Southmark on Monday of hiding weapons near the border.",
        "{ NRL / STH / 112 }",
    ),
    (
        "050301",
        "DATED-01",
        "King Oswin visited South Mark on Tuesday for two days of talks.",
        "{ NRLGOV / STH / 042 } { STH / NRLGOV / 043 }",
    ),
    (
        "070301",
        "DATED-02",
        "King Oswin visited South Mark on Tuesday for two days of talks.",
        "{ NRLELI / STH / 042 } { STH / NRLELI / 043 }",
    ),
    (
        "050301",
        "COMPOUND-01",
        "Norland and Eastia met in the capital on Friday to discuss trade.",
        "{ NRL / EST / 041 } { EST / NRL / 041 }",
    ),
    (
        "050301",
        "TARGET-01",
        "Norland sent trucks to Southmark after the floods in the valley.",
        "{ NRL / STH / 071 }",
    ),
    (
        "050301",
        "NULL-01",
        "Norland refused to send food aid to Southmark this winter.",
        "{---}",
    ),
    (
        "050301",
        "SUBORD-01",
        "Norland said it had sent help to Southmark during the long winter.",
        "{ NRL / STH / 070 }",
    ),
    (
        "050301",
        "DISCARD-01",
        "Norland accused Southmark of cheating in the rugby league final.",
        "{###}",
    ),
    (
        "050301",
        "TIME-01",
        "Yesterday Norland accused Southmark of breaking the fishing agreement.",
        "{ NRL / STH / 112 } 050228",
    ),
    (
        "050301",
        "CAPS-01",
        "Norland named the Accused Southmark officers in a long report on Monday.",
        "{---}",
    ),
];

fn write_project() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-tabari-project-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let mut text = String::new();
    for (date, id, sentence, expected) in RECORDS {
        text.push_str(&format!("{date}  {id}\n{sentence}\n/* {expected} */\n\n"));
    }
    for (name, body) in [
        ("t.actors", ACTORS),
        ("t.agents", AGENTS),
        ("t.verbs", VERBS),
        ("t.options", OPTIONS),
        ("t.text", text.as_str()),
        (
            "t.project",
            "Test project\n<actorsfile> t.actors\n<agentsfile> t.agents\n<verbsfile> t.verbs\n\
             <optionsfile> t.options\n<textfile> t.text\n",
        ),
    ] {
        std::fs::write(dir.join(name), body).expect("write project file");
    }
    dir.join("t.project")
}

#[test]
fn a_project_of_our_own_is_coded_as_its_records_expect() {
    let project = write_project();
    let (report, failures, errors) = dyad_eval::tabari::evaluate(&project).expect("project loads");
    assert!(errors.is_empty(), "syntax errors: {errors:?}");
    assert_eq!(report.tally.records, RECORDS.len());
    let shown: Vec<String> = failures
        .iter()
        .map(|f| format!("{}: expected {:?}, coded {:?}", f.id, f.expected, f.coded))
        .collect();
    assert!(shown.is_empty(), "records missed:\n{}", shown.join("\n"));
    if let Some(dir) = project.parent() {
        let _ = std::fs::remove_dir_all(dir);
    }
}
