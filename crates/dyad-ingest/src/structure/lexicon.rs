//! The structure lexicons in `data/structure/` (agencies, boilerplate),
//! embedded at build time and compiled once at start-up.

use std::collections::HashMap;

use once_cell::sync::Lazy;
use regex::RegexSet;

const AGENCIES: &str = include_str!("../../../../data/structure/agencies.txt");
const BOILERPLATE: &str = include_str!("../../../../data/structure/boilerplate.txt");

/// Agency aliases (lower-cased) → canonical name.
pub struct Agencies {
    by_alias: HashMap<String, String>,
}

impl Agencies {
    fn parse(source: &str) -> Self {
        let mut by_alias = HashMap::new();
        for line in data_lines(source) {
            let mut names = line.split('|').map(str::trim).filter(|s| !s.is_empty());
            let Some(canonical) = names.next() else {
                continue;
            };
            by_alias.insert(canonical.to_lowercase(), canonical.to_string());
            for alias in names {
                by_alias.insert(alias.to_lowercase(), canonical.to_string());
            }
        }
        Agencies { by_alias }
    }

    /// The canonical name of a credit when it is a known agency.
    pub fn canonical(&self, credit: &str) -> Option<&str> {
        let key = credit.trim().trim_end_matches('.').to_lowercase();
        self.by_alias.get(&key).map(String::as_str)
    }
}

/// Whole-line boilerplate patterns.
pub struct Boilerplate {
    set: RegexSet,
}

impl Boilerplate {
    fn parse(source: &str) -> Self {
        let patterns: Vec<String> = data_lines(source)
            .map(|p| format!(r"(?i)^(?:{p})$"))
            .collect();
        let set =
            RegexSet::new(&patterns).expect("data/structure/boilerplate.txt: invalid pattern");
        Boilerplate { set }
    }

    /// True when the whole (trimmed) line is page furniture.
    pub fn is_boilerplate(&self, line: &str) -> bool {
        let line = line.trim();
        // Long lines are prose; the patterns describe short page furniture.
        line.len() <= 300 && self.set.is_match(line)
    }
}

/// Non-comment, non-blank lines of a lexicon file.
fn data_lines(source: &str) -> impl Iterator<Item = &str> {
    source
        .lines()
        .map(|l| l.split_once(" #").map_or(l, |(a, _)| a).trim())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

pub static AGENCY_LEXICON: Lazy<Agencies> = Lazy::new(|| Agencies::parse(AGENCIES));
pub static BOILERPLATE_LEXICON: Lazy<Boilerplate> = Lazy::new(|| Boilerplate::parse(BOILERPLATE));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_parse() {
        assert_eq!(
            AGENCY_LEXICON.canonical("NY TIMES"),
            Some("The New York Times")
        );
        assert_eq!(AGENCY_LEXICON.canonical("Reuter"), Some("Reuters"));
        assert!(BOILERPLATE_LEXICON.is_boilerplate(
            "Join ST's Telegram channel and get the latest breaking news delivered to you."
        ));
        assert!(BOILERPLATE_LEXICON.is_boilerplate("Subscribe"));
        assert!(!BOILERPLATE_LEXICON
            .is_boilerplate("Readers who subscribe to the paper were told of the change."));
    }
}
