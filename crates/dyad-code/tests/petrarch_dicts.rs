//! The real PETRARCH dictionaries from `../shared` (skipped when absent):
//! counts of patterns read, converted and skipped stay sane, and the coder
//! built from them codes a sentence written for this test.

use std::path::PathBuf;

use dyad_code::petrarch::{load_coder, read_verbs, Flavor};
use dyad_code::CodeTable;

fn shared(rel: &str) -> Option<PathBuf> {
    let base = std::env::var_os("DYAD_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared"));
    let p = base.join(rel);
    p.exists().then_some(p)
}

#[test]
fn cameo_2_0_reads_with_few_skips() {
    let Some(path) = shared("eval/events/petrarch2/CAMEO.2.0.txt") else {
        eprintln!("skipped: ../shared/eval/events/petrarch2/CAMEO.2.0.txt not found");
        return;
    };
    let text = std::fs::read_to_string(&path).expect("readable");
    let inf = dyad_code::inflect::Inflector::embedded();
    let (patterns, r) = read_verbs("CAMEO.2.0.txt", &text, None, &inf);
    eprintln!(
        "CAMEO.2.0: blocks {} verbs {} synsets {} patterns read {} converted {} skipped {:?} approximated {:?} transformations {} verbs coded {} null {} dyad patterns {} errors {}",
        r.blocks, r.verbs, r.synsets, r.patterns_read, r.patterns_converted, r.skipped,
        r.approximated, r.transformations, r.verbs_coded, r.verbs_null, r.dyad_patterns, r.errors.len()
    );
    for e in r.errors.iter().take(20) {
        eprintln!("  {e}");
    }
    assert_eq!(r.flavor, Some(Flavor::Petrarch2));
    // the file's own header: ~4,700 pattern lines in ~400 blocks
    assert!(r.patterns_read > 4_000, "{}", r.patterns_read);
    assert!(r.blocks > 300, "{}", r.blocks);
    assert!(
        r.patterns_converted * 100 >= r.patterns_read * 95,
        "converted {} of {}",
        r.patterns_converted,
        r.patterns_read
    );
    let skipped: usize = r.skipped.values().sum();
    assert_eq!(r.patterns_converted + skipped, r.patterns_read);
    assert_eq!(patterns.len(), r.dyad_patterns);
    assert!(r.transformations > 0);
    // every pattern's trigger is a word element listing verb forms
    for p in &patterns {
        assert!(
            matches!(p.elems.get(p.trigger), Some(dyad_code::dict::Elem::Words(w)) if !w.is_empty()),
            "{}",
            p.id
        );
    }
}

#[test]
fn petrarch1_verbpatterns_read() {
    let Some(path) = shared("eval/events/petrarch1/CAMEO.verbpatterns.150430.txt") else {
        eprintln!(
            "skipped: ../shared/eval/events/petrarch1/CAMEO.verbpatterns.150430.txt not found"
        );
        return;
    };
    let text = std::fs::read_to_string(&path).expect("readable");
    let inf = dyad_code::inflect::Inflector::embedded();
    let (_, r) = read_verbs("CAMEO.verbpatterns.150430.txt", &text, None, &inf);
    eprintln!(
        "PETRARCH-1: blocks {} verbs {} patterns read {} converted {} skipped {:?} approximated {:?} dyad patterns {} errors {}",
        r.blocks, r.verbs, r.patterns_read, r.patterns_converted, r.skipped, r.approximated,
        r.dyad_patterns, r.errors.len()
    );
    for e in r.errors.iter().take(20) {
        eprintln!("  {e}");
    }
    assert_eq!(r.flavor, Some(Flavor::Petrarch1));
    assert!(r.patterns_read > 10_000, "{}", r.patterns_read);
    assert!(r.patterns_converted * 100 >= r.patterns_read * 95);
}

#[test]
fn phoenix_coder_loads() {
    let (Some(verbs), Some(discards)) = (
        shared("eval/events/petrarch2/CAMEO.2.0.txt"),
        shared("eval/events/petrarch2/Phoenix.discards.txt"),
    ) else {
        eprintln!("skipped: PETRARCH-2 dictionaries not found under ../shared");
        return;
    };
    let (coder, r) = load_coder(&verbs, Some(&discards), CodeTable::embedded()).expect("loads");
    eprintln!(
        "coder: {} patterns, uncodable {:?}, unpaired {}, discards {:?}",
        r.patterns,
        r.uncodable,
        r.unpaired,
        r.discards
            .as_ref()
            .map(|d| (d.read, d.story_level, d.errors.len()))
    );
    assert_eq!(coder.pattern_count(), r.patterns);
    let uncodable: usize = r.uncodable.values().sum();
    assert!(uncodable * 50 < r.patterns, "{uncodable} uncodable");
    assert!(r.discards.is_some_and(|d| d.read > 400));
}
