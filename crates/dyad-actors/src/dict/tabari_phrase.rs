//! TABARI phrase semantics (manual §5.2.2–5.2.3) mapped onto dyad's matcher
//! phrases.
//!
//! In a TABARI dictionary a word without a final `_` is a *stem*: it
//! matches any word that starts with it (`KUWAIT` matches "Kuwaiti",
//! `ERIADOR` matches "Eriadori"). A word ending in `_` matches only itself
//! plus the regular noun endings `S` and `'S`; a word ending in `=` matches
//! only itself. Endings and stems apply to the last word of a phrase only
//! (inner words are matched as whole words here). TABARI upper-cases the
//! text, so matching ignores case; hyphens in the dictionary stand for a
//! hyphen or a blank in the text.
//!
//! A dyad phrase that ends with [`STEM_MARK`] is a stem for the matcher
//! (see `crate::matcher`); lowercase phrases match any case. PETRARCH
//! dictionaries (Phoenix) have no stems: "final underscores are no longer
//! needed since PETR does not do stemming", so their words are whole words.

/// Ends a dyad phrase whose last word may continue in the text (a stem).
pub const STEM_MARK: char = '*';

/// Separates the parts of a dyad phrase between which other words may
/// come (within the clause: up to a comma or semicolon).
pub const GAP_MARK: &str = " \u{2026} ";

/// Which program's rules a TABARI-format dictionary follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// TABARI (`.actors`, `.agents`): stems, `_` and `=` endings, `;`
    /// comments, case-insensitive.
    Tabari,
    /// PETRARCH (Phoenix `*.actors.txt`, `*.agents.txt`): whole words, `#`
    /// comments, title case.
    Petrarch,
}

impl Dialect {
    /// TABARI's own extensions (`.actors`, `.agents`) are TABARI; anything
    /// else (PETRARCH's `.txt` files) is PETRARCH.
    pub fn of_path(path: &std::path::Path) -> Self {
        let ext = path
            .extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if ext == "actors" || ext == "agents" {
            Dialect::Tabari
        } else {
            Dialect::Petrarch
        }
    }
}

/// The dyad phrases for one TABARI phrase (`KUWAIT`, `LIBYA_`, `MOUSE=`,
/// `NORLAND_STATE_RADIO_`, `EAST-MARK`), lowercase: a stem carries
/// [`STEM_MARK`], a `_` word also gets its `s` plural, a phrase of several
/// words also its forms with a hyphen in one gap or underscores, and, when
/// TABARI's blank separates words, a form with [`GAP_MARK`] there. Each
/// comes with `true`
/// when it is the `s` plural. Empty without a word.
pub fn tabari_phrases(phrase: &str) -> Vec<(String, bool)> {
    let trimmed = phrase.trim();
    let (body, ending) = if let Some(b) = trimmed.strip_suffix('=') {
        (b, Ending::Exact)
    } else if let Some(b) = trimmed.strip_suffix('_') {
        (b, Ending::Noun)
    } else {
        (trimmed, Ending::Stem)
    };
    let words: Vec<String> = body
        .split(['_', ' ', '-'])
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return Vec::new();
    }
    // TABARI reads a hyphen in the text as a blank: any one gap of the
    // phrase may be written with a hyphen ("East-Mark", "Al-Gore").
    let mut forms = vec![words.join(" ")];
    if words.len() <= MAX_HYPHEN_WORDS {
        for gap in 1..words.len() {
            let (a, b) = words.split_at(gap);
            forms.push(format!("{}-{}", a.join(" "), b.join(" ")));
        }
    }
    if words.len() > 1 {
        // a text may keep TABARI's own underscores ("South_Mark")
        forms.push(words.join("_"));
    }
    // A blank between two words of a TABARI phrase lets other words come
    // between them in the text, within the clause ("PRINCE DOL_AMROTH":
    // "the Prince of Dol Amroth"); `_` keeps words together.
    let segments: Vec<String> = body
        .split(' ')
        .map(|seg| {
            seg.split(['_', '-'])
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|seg| !seg.is_empty())
        .collect();
    if segments.len() > 1 {
        forms.push(segments.join(GAP_MARK));
    }
    let mut out = Vec::with_capacity(forms.len() * 2);
    for f in forms {
        match ending {
            Ending::Exact => out.push((f, false)),
            Ending::Noun => {
                out.push((format!("{f}s"), true));
                out.push((f, false));
            }
            Ending::Stem => out.push((format!("{f}{STEM_MARK}"), false)),
        }
    }
    out
}

/// Phrases of up to this many words also get their hyphenated forms.
const MAX_HYPHEN_WORDS: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Stem,
    Noun,
    Exact,
}

/// The phrase without its stem mark, and whether it had one.
pub fn split_stem(phrase: &str) -> (&str, bool) {
    match phrase.strip_suffix(STEM_MARK) {
        Some(p) if !p.is_empty() => (p, true),
        _ => (phrase, false),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn tabari_phrases(p: &str) -> Vec<String> {
        super::tabari_phrases(p)
            .into_iter()
            .map(|(p, _)| p)
            .collect()
    }

    #[test]
    fn stems_exact_words_and_noun_endings() {
        assert_eq!(
            super::tabari_phrases("LIBYA_"),
            vec![("libyas".to_string(), true), ("libya".to_string(), false)]
        );
        assert_eq!(tabari_phrases("KUWAIT"), vec!["kuwait*"]);
        assert_eq!(tabari_phrases("LIBYA_"), vec!["libyas", "libya"]);
        assert_eq!(tabari_phrases("MOUSE="), vec!["mouse"]);
        let radio = tabari_phrases("NORLAND_STATE_RADIO_");
        assert_eq!(radio.len(), 8, "{radio:?}");
        assert!(radio.contains(&"norland state radios".to_string()));
        assert!(radio.contains(&"norland-state radio".to_string()));
        assert_eq!(
            tabari_phrases("EAST_MARK"),
            vec!["east mark*", "east-mark*", "east_mark*"]
        );
        assert_eq!(
            tabari_phrases("PRINCE DOL_AMROTH")
                .last()
                .map(String::as_str),
            Some("prince \u{2026} dol amroth*")
        );
        assert_eq!(tabari_phrases("AL_GORE_").len(), 6);
        assert!(tabari_phrases("_").is_empty());
        assert_eq!(split_stem("kuwait*"), ("kuwait", true));
        assert_eq!(split_stem("*"), ("*", false));
    }

    #[test]
    fn dialect_from_the_file_extension() {
        assert_eq!(
            Dialect::of_path(Path::new("a/TABARI.Demo.actors")),
            Dialect::Tabari
        );
        assert_eq!(
            Dialect::of_path(Path::new("Validate.agents")),
            Dialect::Tabari
        );
        assert_eq!(
            Dialect::of_path(Path::new("Phoenix.Countries.actors.txt")),
            Dialect::Petrarch
        );
    }
}
