//! Word forms the PETRARCH readers add: regular noun plurals (PETRARCH's
//! rule: `+S`, `Y` → `IES`, `SS` → `ES`) and, for TABARI-style stems in
//! PETRARCH-1 files, the common suffixes a stem would have matched.

/// `word` and its regular plural (PETRARCH's rule, plus `-es` after
/// `s`/`x`/`ch`/`sh`), lowercase, without duplicates.
pub fn noun_forms(word: &str) -> Vec<String> {
    let w = word.to_lowercase();
    let plural = if let Some(stem) = w.strip_suffix('y').filter(|s| !ends_with_vowel(s)) {
        format!("{stem}ies")
    } else if ["ss", "x", "ch", "sh"].iter().any(|e| w.ends_with(e)) {
        format!("{w}es")
    } else if w.ends_with('s') || !w.chars().any(char::is_alphabetic) {
        // already plural ("forces"), or a number
        return vec![w];
    } else {
        format!("{w}s")
    };
    vec![w, plural]
}

/// A TABARI stem ("ATTEMP", "KILL") as whole words: the stem, its plural
/// and the regular verb endings. TABARI matched any word starting with the
/// stem; dyad matches whole tokens, so longer derivations are lost.
pub fn stem_forms(stem: &str) -> Vec<String> {
    let w = stem.to_lowercase();
    let mut out = noun_forms(&w);
    for suffix in ["ed", "ing", "es", "d", "er", "ers"] {
        let f = format!("{w}{suffix}");
        if !out.contains(&f) {
            out.push(f);
        }
    }
    out
}

fn ends_with_vowel(s: &str) -> bool {
    s.ends_with(['a', 'e', 'i', 'o', 'u'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_regular_rules() {
        assert_eq!(noun_forms("TALK"), ["talk", "talks"]);
        assert_eq!(noun_forms("ENEMY"), ["enemy", "enemies"]);
        assert_eq!(noun_forms("CONVOY"), ["convoy", "convoys"]);
        assert_eq!(noun_forms("PRESS"), ["press", "presses"]);
        assert_eq!(noun_forms("FORCES"), ["forces"]);
        assert!(stem_forms("ATTACK").contains(&"attacked".to_string()));
    }
}
