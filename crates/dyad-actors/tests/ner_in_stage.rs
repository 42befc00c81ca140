//! The NER model inside the actors stage (on by default): people and
//! organisations that no dictionary or rule knows are found with it, and
//! later short mentions resolve to them.

use dyad_actors::ner::NerModel;
use dyad_actors::ActorTagger;
use dyad_core::{Document, EntityKind};

const TEXT: &str = "Talks between Karel Dvoracek and the Ostrava Mining Company ended on Tuesday without a deal.\n\nDvoracek said the company had walked away.";

fn names(tagger: &ActorTagger) -> Vec<(String, EntityKind, usize)> {
    let mut doc = Document::from_body("t", TEXT);
    tagger.annotate(&mut doc);
    doc.entities
        .iter()
        .map(|e| (e.name.clone(), e.kind, e.mentions.len()))
        .collect()
}

#[test]
fn unknown_people_and_organisations_need_the_model() {
    let plain = names(&ActorTagger::new().without_ner());
    assert!(
        !plain.iter().any(|(n, _, _)| n.contains("Ostrava")),
        "{plain:?}"
    );
    let model = NerModel::embedded().expect("embedded NER model");
    let with_ner = names(&ActorTagger::new().without_ner().with_ner(model));
    assert_eq!(with_ner, names(&ActorTagger::new()), "on by default");
    assert!(
        with_ner
            .iter()
            .any(|(n, k, m)| n == "Karel Dvoracek" && *k == EntityKind::Person && *m == 2),
        "{with_ner:?}"
    );
    assert!(
        with_ner.iter().any(|(n, k, _)| n.contains("Ostrava Mining Company") && *k == EntityKind::Organization),
        "{with_ner:?}"
    );
}
