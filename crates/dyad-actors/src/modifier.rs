//! Offices and bodies used as modifiers: "the tourist industry", "a police
//! station", "the US court order", "EU member states" name an industry, a
//! building, an order and states, not a tourist, the police, a court or a
//! member. An office or body noun followed by a lowercase plain word is
//! read as a modifier unless that word can continue a clause: a function
//! word or a verb from `data/actors/after-roles.txt`, a word ending in
//! -ed, -ing or -ly (but for the nouns listed there: "court ruling"), or a word ending in -s that is followed by anything but a
//! verb or the end of the clause ("the minister says that…", "Tory leader
//! urges apology"; but "tourist numbers fell", "EU member states."). Speech verbs are dictionary cues, never plain
//! words, so "the spokesman said" is never a modifier.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::items::{Item, ItemKind};

/// The embedded word lists.
const AFTER_ROLES: &str = include_str!("../../../data/actors/after-roles.txt");

/// Function words and verbs, parsed once.
struct Lists {
    function: HashSet<&'static str>,
    verb: HashSet<&'static str>,
    /// Nouns that look like verbs or adverbs (-ing, -ed, -ly).
    noun: HashSet<&'static str>,
}

fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut l = Lists {
            function: HashSet::new(),
            verb: HashSet::new(),
            noun: HashSet::new(),
        };
        for line in AFTER_ROLES.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((kind, words)) = line.split_once('|') else {
                continue;
            };
            let set = match kind.trim() {
                "function" => &mut l.function,
                "verb" => &mut l.verb,
                "noun" => &mut l.noun,
                _ => continue,
            };
            set.extend(words.split(',').map(str::trim).filter(|w| !w.is_empty()));
        }
        l
    })
}

fn plain_lower<'a>(item: &Item, text: &'a str) -> Option<&'a str> {
    let word = item.text(text);
    (item.kind == ItemKind::Word
        && !item.cap
        && !word.is_empty()
        && word.chars().all(|c| c.is_alphabetic() && c.is_lowercase()))
    .then_some(word)
}

/// True when the office or body noun at item `i` modifies the word after
/// it.
pub fn modifies_next(items: &[Item], i: usize, text: &str) -> bool {
    let Some(word) = items.get(i + 1).and_then(|n| plain_lower(n, text)) else {
        return false;
    };
    let l = lists();
    if l.noun.contains(word) {
        return true;
    }
    if l.function.contains(word)
        || l.verb.contains(word)
        || word.ends_with("ed")
        || word.ends_with("ing")
        || word.ends_with("ly")
    {
        return false;
    }
    if word.ends_with('s') && !word.ends_with("ss") {
        // A plural noun is followed by its verb ("numbers fell", "states
        // disagreed", "states said") or ends the clause ("member states.");
        // a verb by its object or a function word ("urges apology", "says
        // that").
        return match items.get(i + 2) {
            None => true,
            Some(a) => match plain_lower(a, text) {
                Some(next) if l.function.contains(next) => false,
                Some(next) => l.verb.contains(next) || next.ends_with("ed"),
                None => !matches!(a.kind, ItemKind::Word),
            },
        };
    }
    true
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_lists_parse() {
        let l = super::lists();
        assert!(l.function.contains("the") && l.function.contains("that"));
        assert!(l.verb.contains("went") && l.verb.contains("say"));
        assert!(!l.function.contains("industry") && !l.verb.contains("station"));
        assert!(l.noun.contains("ruling"));
    }
}
