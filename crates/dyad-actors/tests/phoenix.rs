//! The Phoenix (PETRARCH-2) dictionaries in `../shared`: read directly,
//! converted to dyad's format and read back, and used for coding. Skips when
//! the shared folder is absent.

use std::path::PathBuf;

use chrono::NaiveDate;
use dyad_actors::dict::tabari;
use dyad_actors::{load_file, ActorTagger, DictSource, Dictionary, ImportReport};
use dyad_core::Document;

const DIR: &str = "eval/events/petrarch2";
const FILES: &[&str] = &[
    "Phoenix.Countries.actors.txt",
    "Phoenix.International.actors.txt",
    "Phoenix.MilNonState.actors.txt",
    "Phoenix.agents.txt",
];

fn phoenix() -> Option<Vec<(PathBuf, DictSource)>> {
    let shared = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let dir = shared.join(DIR);
    if !dir.join(FILES[0]).exists() {
        eprintln!("skipped: {DIR} not found (set DYAD_SHARED to the shared data folder)");
        return None;
    }
    Some(
        FILES
            .iter()
            .map(|f| {
                let p = dir.join(f);
                let s = DictSource::guess(&p);
                (p, s)
            })
            .collect(),
    )
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
}

#[test]
fn phoenix_converts_and_reads_back_with_the_same_codes() {
    let Some(files) = phoenix() else { return };
    let mut dict = Dictionary::default();
    let mut report = ImportReport::default();
    for (p, s) in &files {
        load_file(p, *s, &mut dict, &mut report).expect("readable");
    }
    assert!(dict.actors.len() > 20_000, "{}", dict.actors.len());
    assert!(dict.roles.len() > 2_000, "{}", dict.roles.len());
    for e in &report.load.errors {
        let mut parts = e.splitn(3, ':');
        let file = parts.next().unwrap_or("");
        let line: usize = parts.next().and_then(|l| l.parse().ok()).unwrap_or(0);
        assert!(file.contains("Phoenix.") && line > 0, "not file:line: {e}");
    }
    assert!(report.load.errors.len() < 50, "{:?}", report.load.errors);
    let lavrov = dict
        .actors
        .iter()
        .find(|a| a.name == "Sergey Lavrov")
        .expect("Lavrov in Phoenix");
    assert_eq!(
        lavrov.code_on(date(2017, 5, 12), &dict).code.as_deref(),
        Some("RUSGOV")
    );

    let out = std::env::temp_dir().join(format!("dyad-phoenix-{}", std::process::id()));
    std::fs::create_dir_all(&out).expect("temp dir");
    let actors = out.join("imported.actors.txt");
    let roles = out.join("imported.roles.txt");
    std::fs::write(&actors, tabari::write_actors(&dict, "test")).expect("write");
    std::fs::write(&roles, tabari::write_roles(&dict, "test")).expect("write");
    let mut back = Dictionary::default();
    let mut r2 = ImportReport::default();
    assert_eq!(DictSource::guess(&actors), DictSource::Dyad);
    load_file(&actors, DictSource::guess(&actors), &mut back, &mut r2).expect("read back");
    load_file(&roles, DictSource::guess(&roles), &mut back, &mut r2).expect("read back");
    let _ = std::fs::remove_dir_all(&out);
    assert!(r2.load.errors.is_empty(), "{:?}", r2.load.errors.first());
    assert_eq!(back.actors.len(), dict.actors.len());
    assert_eq!(back.roles.len(), dict.roles.len());
    for (a, b) in dict.actors.iter().zip(&back.actors).step_by(97) {
        for d in [date(1995, 1, 1), date(2008, 5, 8), date(2017, 5, 12)] {
            assert_eq!(
                a.code_on(d, &dict).code,
                b.code_on(d, &back).code,
                "{}",
                a.name
            );
        }
    }
}

#[test]
fn phoenix_alone_codes_news_text() {
    let Some(files) = phoenix() else { return };
    let (tagger, _) = ActorTagger::from_files(false, &files).expect("load");
    let mut doc = Document::from_body(
        "t",
        "Russian Foreign Minister Sergei Lavrov met the Kremlin's allies in Kabul. Afghan troops said NATO had left.",
    );
    doc.published = Some(date(2017, 5, 12));
    tagger.annotate(&mut doc);
    let code = |name: &str| {
        doc.entities
            .iter()
            .find(|e| e.name == name)
            .and_then(|e| e.actor.clone())
    };
    assert_eq!(
        code("Sergey Lavrov").as_deref(),
        Some("RUSGOV"),
        "{:#?}",
        doc.entities
    );
}
