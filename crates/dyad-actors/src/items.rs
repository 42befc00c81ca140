//! Items: a sentence's tokens with dictionary matches laid over them (a
//! multi-word match becomes one item).

use crate::dict::{ActorKind, Cue, Dictionary, Form, RoleKind, Target};
use crate::matcher::Matcher;
use crate::tokens::{tokenize, TokKind};

/// What an item is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemKind {
    Word,
    Possessive,
    Punct(char),
    Hit(Vec<Target>),
}

/// A token or a dictionary match; absolute byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub start: usize,
    pub end: usize,
    pub kind: ItemKind,
    /// First character uppercase.
    pub cap: bool,
}

/// Particles that may sit inside a personal name (Dominique de Villepin).
const PARTICLES: &[&str] = &[
    "de", "van", "von", "bin", "al", "da", "der", "le", "la", "du", "dos", "ibn", "el", "di", "del",
];

/// Lowercase words that link an office to its body or post.
pub const CONNECTORS: &[&str] = &["of", "the", "to", "in", "at", "with", "for"];

/// Build the items of the sentence `text` (which starts at byte `offset`).
pub fn build(matcher: &Matcher, text: &str, offset: usize) -> Vec<Item> {
    let toks = tokenize(text, offset);
    let mut hits = matcher.find(text).into_iter().peekable();
    let mut out = Vec::with_capacity(toks.len());
    let mut k = 0;
    while let Some(tok) = toks.get(k) {
        while hits.peek().is_some_and(|h| h.start + offset < tok.start) {
            hits.next();
        }
        if let Some(h) = hits.peek() {
            if h.start + offset == tok.start {
                let end = h.end + offset;
                if let Some(j) = toks
                    .get(k..)
                    .and_then(|rest| rest.iter().position(|t| t.end == end))
                {
                    let targets = hits.next().map(|h| h.targets).unwrap_or_default();
                    out.push(Item {
                        start: tok.start,
                        end,
                        kind: ItemKind::Hit(targets),
                        cap: text
                            .get(tok.start - offset..)
                            .and_then(|s| s.chars().next())
                            .is_some_and(char::is_uppercase),
                    });
                    k += j + 1;
                    continue;
                }
            }
        }
        let (kind, cap) = match tok.kind {
            TokKind::Word { cap } => (ItemKind::Word, cap),
            TokKind::Possessive => (ItemKind::Possessive, false),
            TokKind::Punct(c) => (ItemKind::Punct(c), false),
        };
        out.push(Item {
            start: tok.start,
            end: tok.end,
            kind,
            cap,
        });
        k += 1;
    }
    out
}

impl Item {
    /// The text of the item.
    pub fn text<'a>(&self, doc_text: &'a str) -> &'a str {
        doc_text.get(self.start..self.end).unwrap_or("")
    }

    fn targets(&self) -> &[Target] {
        match &self.kind {
            ItemKind::Hit(t) => t,
            _ => &[],
        }
    }

    /// True when the item is this cue.
    pub fn is_cue(&self, cue: Cue) -> bool {
        self.targets().contains(&Target::Cue(cue))
    }

    /// The role this item names.
    pub fn role(&self) -> Option<u32> {
        self.targets().iter().find_map(|t| match t {
            Target::Role(r) => Some(*r),
            _ => None,
        })
    }

    /// The role, when it names people.
    pub fn person_role(&self, dict: &Dictionary) -> Option<u32> {
        self.targets().iter().find_map(|t| match t {
            Target::Role(r) if dict.roles.get(*r as usize)?.kind == RoleKind::Person => Some(*r),
            _ => None,
        })
    }

    /// The named actor (first listed), with how it is named.
    pub fn actor(&self) -> Option<(u32, Form)> {
        self.targets().iter().find_map(|t| match t {
            Target::Actor(a, f) => Some((*a, *f)),
            _ => None,
        })
    }

    /// The named actor of one of these kinds.
    pub fn actor_of(&self, dict: &Dictionary, kinds: &[ActorKind]) -> Option<(u32, Form)> {
        self.targets().iter().find_map(|t| match t {
            Target::Actor(a, f) if kinds.contains(&dict.actors.get(*a as usize)?.kind) => {
                Some((*a, *f))
            }
            _ => None,
        })
    }

    /// A capitalised plain word (not a dictionary phrase).
    pub fn is_cap_word(&self) -> bool {
        self.kind == ItemKind::Word && self.cap
    }

    /// A lowercase plain word equal to one of `words`.
    pub fn is_word_in(&self, doc_text: &str, words: &[&str]) -> bool {
        matches!(self.kind, ItemKind::Word | ItemKind::Hit(_))
            && words.contains(&self.text(doc_text).to_ascii_lowercase().as_str())
            && !self.cap
    }
}

/// The end (exclusive) of a run of capitalised words starting at `i`
/// (with name particles and attached hyphens inside), or `None`.
pub fn cap_run(items: &[Item], i: usize, text: &str) -> Option<usize> {
    let first = items.get(i)?;
    if !first.is_cap_word() {
        return None;
    }
    let mut end = i + 1;
    while let Some(next) = items.get(end) {
        if next.is_cap_word() {
            end += 1;
            continue;
        }
        let attached_hyphen = next.kind == ItemKind::Punct('-')
            && items.get(end - 1).is_some_and(|p| p.end == next.start)
            && items
                .get(end + 1)
                .is_some_and(|w| w.start == next.end && w.is_cap_word());
        let particle = next.kind == ItemKind::Word
            && !next.cap
            && PARTICLES.contains(&next.text(text))
            && items.get(end + 1).is_some_and(Item::is_cap_word);
        if attached_hyphen || particle {
            end += 2;
            continue;
        }
        break;
    }
    Some(end)
}
