//! The seed article (../shared/seed): every direct quote and the indirect
//! statements with their speakers. Skips when the shared folder is absent.

use std::path::PathBuf;

use dyad_core::Document;
use dyad_quotes::QuoteTagger;

fn shared_dir() -> PathBuf {
    std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"))
}

/// The seed's body paragraphs: from the dateline paragraph to the credit line.
fn seed_doc() -> Option<Document> {
    let path = shared_dir()
        .join("seed/straits-times-2017-05-12-kremlin-guarded-about-us-russian-ties.txt");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: {} not found (set DYAD_SHARED)", path.display());
        return None;
    };
    let paras: Vec<&str> = raw.split("\n\n").map(str::trim).collect();
    let start = paras.iter().position(|p| p.starts_with("MOSCOW"))?;
    let end = paras
        .iter()
        .position(|p| p.starts_with("AGENCE FRANCE-PRESSE"))?;
    Some(Document::from_body(
        "seed",
        paras.get(start..end)?.join("\n\n"),
    ))
}

#[test]
fn seed_quotes_and_speakers() {
    let Some(mut doc) = seed_doc() else { return };
    QuoteTagger::new().annotate(&mut doc);
    let find = |needle: &str, direct: bool| {
        doc.quotes
            .iter()
            .find(|q| q.direct == direct && q.text.contains(needle))
            .unwrap_or_else(|| {
                panic!(
                    "no {} quote with {needle:?}: {:#?}",
                    if direct { "direct" } else { "indirect" },
                    doc.quotes
                )
            })
    };
    let speaker =
        |needle: &str, direct: bool| find(needle, direct).speaker.clone().unwrap_or_default();

    // nine direct quotes
    assert!(speaker("too early to draw this conclusion", true).contains("Peskov"));
    assert!(speaker("Of course the fact", true).contains("Peskov"));
    assert!(speaker("could serve as a good occasion", true).contains("Peskov"));
    assert!(speaker("mutually beneficial", true).contains("Lavrov"));
    assert!(speaker("pragmatic", true).contains("Lavrov"));
    assert!(speaker("The goal of both President Trump", true).contains("Lavrov"));
    assert!(speaker("low level of trust", true).contains("Tillerson"));
    assert!(speaker("foremost nuclear powers", true).contains("Tillerson"));
    assert!(speaker("We don't have anything to do with this", true).contains("Putin"));
    assert!(speaker("acting within his competence", true).contains("Putin"));

    // indirect statements
    assert_eq!(
        speaker("too early to speak of a thaw", false),
        "The Kremlin"
    );
    assert!(speaker("the US President was seeking", false).contains("Lavrov"));
    assert!(speaker("low level of trust", false).contains("Tillerson"));
    assert!(speaker("Group of 20 summit", false).contains("Peskov"));
    assert_eq!(
        find("too early to speak of a thaw", false).cue.as_deref(),
        Some("said")
    );

    // without the actors stage, a short name takes the article's fuller one
    assert_eq!(
        speaker("Of course the fact", true),
        "Kremlin spokesman Dmitry Peskov"
    );
    assert_eq!(
        speaker("Group of 20 summit", false),
        "Kremlin spokesman Dmitry Peskov"
    );
    assert_eq!(
        speaker("pragmatic", true),
        "Russian Foreign Minister Sergei Lavrov"
    );
    assert_eq!(
        speaker("foremost nuclear powers", true),
        "US Secretary of State Rex Tillerson"
    );
    assert_eq!(
        speaker("acting within his competence", true),
        "Russian President Vladimir Putin"
    );
    assert_eq!(doc.quotes.iter().filter(|q| q.direct).count(), 10);
}
