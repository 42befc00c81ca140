//! Speakers: the source span turned into a name — the actors stage's entity
//! when one mentions it, a pronoun resolved to the last named speaker, a
//! cue-less quote given the previous speaker.

use dyad_core::{Document, EntityKind, Span};

use crate::attribution::Attribution;
use crate::words::{WordClass, Words};

#[derive(Clone)]
struct Who {
    name: String,
    entity: Option<String>,
}

/// The last speaker and the source span it came from.
#[derive(Clone)]
struct Last {
    who: Who,
    span: Span,
}

/// Fill `speaker` and `speaker_entity` of attributions in text order.
pub fn resolve(doc: &Document, words: &Words, attrs: &mut [Attribution]) {
    let mut last_person: Option<Who> = None;
    let mut last: Option<Last> = None;
    for a in attrs.iter_mut() {
        let last_speaker = last.as_ref().map(|l| l.who.clone());
        let found = if a.inherited {
            last.clone()
        } else if let Some(src) = a.source {
            resolve_one(doc, words, src, &mut last_person, &last_speaker)
                .map(|who| Last { who, span: src })
        } else {
            None
        };
        if let Some(l) = found {
            a.speaker = Some(l.who.name.clone());
            a.speaker_entity = l.who.entity.clone();
            a.speaker_span = Some(l.span);
            last = Some(l);
        }
    }
}

fn resolve_one(
    doc: &Document,
    words: &Words,
    src: Span,
    last_person: &mut Option<Who>,
    last_speaker: &Option<Who>,
) -> Option<Who> {
    let text = doc.span_text(src).trim();
    let lower = text.to_ascii_lowercase();
    match words.class(text) {
        Some(WordClass::Subject) => {
            return match lower.as_str() {
                "he" | "she" | "i" => last_person.clone().or_else(|| last_speaker.clone()),
                _ => last_speaker.clone(),
            };
        }
        Some(WordClass::Relative) => {
            let before = doc
                .text
                .get(..src.start)
                .unwrap_or("")
                .trim_end_matches(|c: char| c.is_whitespace() || c == ',');
            let start = before.len() - antecedent_len(before);
            let span = Span::new(start, before.len());
            if span.is_empty() {
                return last_speaker.clone();
            }
            return resolve_one(doc, words, span, last_person, last_speaker);
        }
        _ => {}
    }
    if let Some((entity, is_person)) = entity_at(doc, src) {
        if is_person {
            *last_person = Some(entity.clone());
        }
        return Some(entity);
    }
    // the name without an appositive ("Mr Tillerson, who …,")
    let head = text.split(',').next().unwrap_or(text).trim();
    let mut name = head.split_whitespace().collect::<Vec<_>>().join(" ");
    let person = looks_like_person(words, head);
    // "Mr Peskov" after "Kremlin spokesman Dmitry Peskov": the fuller name
    if person {
        if let Some(prev) = last_person.as_ref().filter(|p| p.entity.is_none()) {
            let surname = |n: &str| n.split_whitespace().last().map(str::to_string);
            if surname(&prev.name) == surname(&name) && prev.name.len() > name.len() {
                name = prev.name.clone();
            }
        }
    }
    if person && name.split_whitespace().count() <= 2 {
        if let Some(full) = fuller_name(&doc.text, &name) {
            name = full;
        }
    }
    let who = Who { name, entity: None };
    if person {
        *last_person = Some(who.clone());
    }
    Some(who)
}

/// The first mention of the surname in `name` written with more capitalised
/// words before it ("Mr Lavrov" → "Russian Foreign Minister Sergei Lavrov").
fn fuller_name(text: &str, name: &str) -> Option<String> {
    let surname = name.split_whitespace().last()?;
    if surname.len() < 3 || !surname.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    for (at, _) in text.match_indices(surname) {
        let after = text
            .get(at + surname.len()..)
            .and_then(|t| t.chars().next());
        if after.is_some_and(char::is_alphanumeric) {
            continue;
        }
        let before = text.get(..at).unwrap_or("");
        let mut words: Vec<&str> = Vec::new();
        for w in before.trim_end_matches(' ').split(' ').rev() {
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            if words.len() >= 6 || !(capital || w == "of") || w.contains(['\n', ',', '.', '"', '“'])
            {
                break;
            }
            words.push(w);
        }
        while words.last() == Some(&"of") {
            words.pop();
        }
        if words.len() >= 2 {
            words.reverse();
            return Some(format!("{} {surname}", words.join(" ")));
        }
    }
    None
}

/// Length of the capitalised name at the end of `before` ("… Mr. Tillerson").
fn antecedent_len(before: &str) -> usize {
    let mut len = 0;
    for (count, word) in before.rsplit(' ').enumerate() {
        let w = word.trim();
        if count >= 5 || !w.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        len += word.len() + usize::from(count > 0);
    }
    len.min(before.len())
}

/// The entity with a mention inside or over `src`, preferring the last one
/// (the head of "Kremlin spokesman Dmitry Peskov").
fn entity_at(doc: &Document, src: Span) -> Option<(Who, bool)> {
    doc.entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m.span())))
        .filter(|(_, m)| m.overlaps(&src))
        .max_by_key(|(_, m)| m.start)
        .map(|(e, _)| {
            (
                Who {
                    name: e.name.clone(),
                    entity: Some(e.id.clone()),
                },
                e.kind == EntityKind::Person,
            )
        })
}

/// Without entities: a title, or capitalised words not led by "the".
fn looks_like_person(words: &Words, text: &str) -> bool {
    let mut tokens = text.split_whitespace();
    let first = tokens.next().unwrap_or("");
    if text
        .split(|c: char| !c.is_alphanumeric())
        .any(|w| words.is(w, WordClass::Title))
    {
        return true;
    }
    first.chars().next().is_some_and(char::is_uppercase)
        && !matches!(first, "The" | "A" | "An")
        && text
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()))
}
