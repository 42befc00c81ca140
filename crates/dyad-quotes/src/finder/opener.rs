//! The opening adverbial of a clause ("By the end of the day, …", "Hours
//! later, …", "Speaking in Iowa on Monday, …"), which stands before the
//! subject a participle or coordinated cue borrows ("…, Mr. Lee said the
//! plan was dead and added …").

use super::*;

/// Prepositions that open an adverbial besides the `prep` and `lead` words
/// ("For months, …", "Amid the protests, …").
const OPENING_PREPOSITIONS: &[&str] = &[
    "for",
    "amid",
    "throughout",
    "following",
    "within",
    "outside",
    "inside",
    "unlike",
    "beyond",
];

/// Longest opening adverbial skipped, in tokens.
const MAX_OPENER_TOKENS: usize = 14;

impl Finder<'_> {
    /// The comma (token index) that closes an opening adverbial starting
    /// at token `b`, before token `ci`: a prepositional or time phrase ("By
    /// the end of the day,", "After a long night in Iowa,"), a measure of
    /// time ("Hours later,", "Two weeks ago,") or a participle phrase
    /// ("Speaking to reporters on Monday,"). `None` when the words from
    /// `b` are no such phrase, or when it holds a verb or a clause word.
    pub(super) fn opening_phrase_end(&self, si: usize, b: usize, ci: usize) -> Option<usize> {
        let first = self.tok(si, b);
        let lower = first.to_ascii_lowercase();
        let prep = matches!(
            self.words.class(&lower),
            Some(WordClass::Prep | WordClass::Lead)
        ) && !DETERMINERS.contains(&lower.as_str())
            || OPENING_PREPOSITIONS.contains(&lower.as_str());
        let participle = starts_upper(first) && (lower.ends_with("ing") || lower.ends_with("ed"));
        let mut k = b + 1;
        while k < ci && k - b <= MAX_OPENER_TOKENS {
            let w = self.tok(si, k);
            if w == "," {
                // "Hours later,", "Two weeks ago,"
                let measure = !self.words.is(first, WordClass::Subject)
                    && matches!(self.tok(si, k - 1), "later" | "earlier" | "ago");
                return (k > b + 1 && (prep || participle || measure)).then_some(k);
            }
            let clause = matches!(
                self.class(si, k),
                Some(WordClass::Verb | WordClass::Stop | WordClass::Subject)
            ) || is_quote_mark(w);
            if clause {
                return None;
            }
            k += 1;
        }
        None
    }

    /// "By Sunday afternoon she had cancelled …, citing …", "Then he cut
    /// into Bush, calling …": a pronoun subject after a short opening
    /// phrase with no comma (a preposition or time phrase, or "Then"), as
    /// token index.
    pub(super) fn subject_after_opener(&self, si: usize, b: usize, ci: usize) -> Option<usize> {
        let first = self.tok(si, b).to_ascii_lowercase();
        let opener = matches!(
            self.words.class(&first),
            Some(WordClass::Prep | WordClass::Lead)
        ) && !DETERMINERS.contains(&first.as_str())
            || first == "then";
        if !opener {
            return None;
        }
        (b + 1..ci.min(b + 6))
            .take_while(|&k| {
                let w = self.tok(si, k);
                w != "," && !matches!(self.class(si, k), Some(WordClass::Verb | WordClass::Stop))
            })
            .find(|&k| self.class(si, k) == Some(WordClass::Subject))
    }

    /// "Mr. Lee took a cautious line, saying …": before a participle cue
    /// (token `ci`, right after the comma at token `comma`) a phrase with no
    /// comma of its own is the main clause, not an appositive source; the
    /// participle takes the clause's subject instead (PolNeAR train: 5 more
    /// exact sources; the appositive source before a participle kept only
    /// 1 such phrase exact).
    pub(super) fn clause_before_participle(
        &self,
        si: usize,
        ci: usize,
        comma: usize,
        src: Span,
    ) -> bool {
        let cue = self.tok(si, ci);
        let participle = cue.len() > 4
            && cue.ends_with("ing")
            && cue.chars().all(|c| c.is_ascii_lowercase())
            && comma + 1 == ci;
        let inner = self
            .text
            .get(src.start..src.end)
            .map_or(0, |t| t.trim_end_matches(',').matches(',').count());
        let words = self
            .text
            .get(src.start..src.end)
            .map_or(0, |t| t.split_whitespace().count());
        let closed = self.text.get(..src.end).is_some_and(|t| t.ends_with(','));
        participle && closed && inner == 0 && words > 2
    }

    /// A source on the left without an opening adverbial it swallowed ("In
    /// separate interviews, [three former aides] said").
    pub(super) fn past_opening_phrase(&self, si: usize, src: Span) -> Span {
        let Some(s) = self.sentences.get(si) else {
            return src;
        };
        let Some(b) = s.token_starting(src.start) else {
            return src;
        };
        let Some(e) = s.token_ending(src.end) else {
            return src;
        };
        let first = self.tok(si, b).to_ascii_lowercase();
        let prep = matches!(
            self.words.class(&first),
            Some(WordClass::Prep | WordClass::Lead)
        ) && !DETERMINERS.contains(&first.as_str())
            || OPENING_PREPOSITIONS.contains(&first.as_str());
        if !prep {
            return src;
        }
        match self.opening_phrase_end(si, b, e + 1) {
            Some(k) if k < e && self.has_noun(si, k + 1, e + 1) => s
                .tokens
                .get(k + 1)
                .map_or(src, |t| Span::new(t.start, src.end)),
            _ => src,
        }
    }
}
