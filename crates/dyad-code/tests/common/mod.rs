//! Test helper shared by the dyad-code integration tests: a hand-built
//! one-sentence document whose actors are given by their surface text.

use dyad_core::{Document, Entity, EntityKind, Mention, Span};

/// A one-sentence document; `actors` lists (surface text, kind, code), and
/// every occurrence of a surface text becomes a mention of its entity.
pub fn one_sentence(text: &str, actors: &[(&str, EntityKind, &str)]) -> Document {
    let mut d = Document::from_body("t", text);
    d.sentences = vec![Span::new(0, text.len())];
    for (k, (surface, kind, code)) in actors.iter().enumerate() {
        d.entities.push(Entity {
            id: format!("e{k}"),
            name: surface.to_string(),
            kind: *kind,
            title: None,
            actor: Some(code.to_string()),
            mentions: text
                .match_indices(surface)
                .map(|(i, s)| Mention {
                    start: i,
                    end: i + s.len(),
                })
                .collect(),
        });
    }
    d
}

/// [`one_sentence`] with every actor a country.
#[allow(dead_code)] // not every test file uses both helpers
pub fn with_countries(text: &str, actors: &[(&str, &str)]) -> Document {
    let actors: Vec<(&str, EntityKind, &str)> = actors
        .iter()
        .map(|(surface, code)| (*surface, EntityKind::Country, *code))
        .collect();
    one_sentence(text, &actors)
}
