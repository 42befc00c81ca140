//! The PETRARCH discard list (`Phoenix.discards.txt`): phrases that stop a
//! sentence (or, with a leading `+`, a whole story) from being coded.
//!
//! Each becomes a dyad [`Discard`] for every root. Approximations, counted in
//! the report: story-level discards (`+PHRASE`) act on the sentence only;
//! PETRARCH matches a phrase as a prefix ("CHAMPION" also stops
//! "championship") unless it ends with `_`, dyad matches whole tokens, so a
//! phrase's last word also matches its regular plural and nothing longer.

use crate::dict::Discard;
use crate::petrarch::words::noun_forms;

/// What the reader did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DiscardReport {
    pub file: String,
    pub read: usize,
    /// `+` discards, applied to the sentence only.
    pub story_level: usize,
    pub errors: Vec<String>,
}

/// Read a discard list; bad lines are reported and skipped.
pub fn read_discards(file: &str, text: &str) -> (Vec<Discard>, DiscardReport) {
    let mut report = DiscardReport {
        file: file.to_string(),
        ..DiscardReport::default()
    };
    let mut out = Vec::new();
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let trimmed = raw.trim();
        if in_comment || trimmed.starts_with("<!--") {
            in_comment = !trimmed.contains("-->");
            continue;
        }
        let line = trimmed.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        let (story, phrase) = match line.strip_prefix('+') {
            Some(p) => (true, p.trim()),
            None => (false, line),
        };
        let words: Vec<&str> = phrase
            .split(|c: char| c.is_whitespace() || c == '_')
            .filter(|w| !w.is_empty())
            .collect();
        let exact = phrase.ends_with('_');
        let last = words.len().saturating_sub(1);
        let tokens: Vec<Vec<String>> = words
            .iter()
            .enumerate()
            .map(|(k, w)| {
                if k == last && !exact {
                    noun_forms(w)
                } else {
                    vec![w.to_lowercase()]
                }
            })
            .collect();
        if tokens.is_empty() {
            report
                .errors
                .push(format!("{file}:{}: empty discard phrase", i + 1));
            continue;
        }
        report.read += 1;
        if story {
            report.story_level += 1;
        }
        out.push(Discard {
            id: format!("{file}:{}", i + 1),
            words: tokens,
            roots: Vec::new(),
        });
    }
    (out, report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_and_story_discards() {
        let text = "<!-- test list -->\n# sports\nWORLD CUP   # comment\n+GRAND_PRIX_\n+\n";
        let (d, r) = read_discards("d.txt", text);
        assert_eq!((r.read, r.story_level, r.errors.len()), (2, 1, 1));
        assert_eq!(
            d[0].words,
            vec![vec!["world".to_string()], noun_forms("cup")]
        );
        assert_eq!(
            d[1].words,
            vec![vec!["grand".to_string()], vec!["prix".into()]]
        );
        assert!(d[0].roots.is_empty());
        assert_eq!(d[1].id, "d.txt:4");
    }
}
