//! Fronted questions with an asker or a setting before the question:
//! "Asked by a reporter whether he would run, Lee said …", "Asked on
//! Monday in Ames why she trails, Ann Lee said …", "When asked by the host
//! about the levy, …". The asker after "by" is the source; a time or
//! place phrase is skipped; the question runs from its opener ("whether",
//! "if", a wh-word, "about", "to") to the first comma outside quotes.
//!
//! On PolNeAR train the fronted-question frame (`asked_frame`) left about
//! 25 gold "asked" cues unfound because such a phrase stood between the
//! cue and the question; every "asked by X" in the gold has X as source.
//! The frame adds 7 exact sources, 12 cues and 11 contents (12 predicted).

use dyad_core::Span;

use super::*;

/// Words that open the reported question.
const OPENERS: &[&str] = &[
    "whether", "if", "why", "what", "how", "who", "whom", "which", "when", "where", "about", "to",
];

/// Prepositions of a setting phrase skipped before the question.
const SETTING: &[&str] = &["on", "in", "at", "during", "after", "before", "recently"];

/// Longest asker or setting phrase, in tokens.
const MAX_PHRASE: usize = 8;

impl Finder<'_> {
    /// The attribution of a clause-opening "asked" (`hit`) with an asker
    /// or a setting phrase before its question.
    pub(super) fn asked_extended(&self, si: usize, hit: CueHit) -> Option<Attribution> {
        if hit.class != CueClass::Tell || !self.word(hit.span).eq_ignore_ascii_case("asked") {
            return None;
        }
        let s = self.sentences.get(si)?;
        let ci = s.token_starting(hit.span.start)?;
        let mut p = ci;
        if p > 0 && self.tok(si, p - 1) == "being" {
            p -= 1;
        }
        let opens = p == 0
            || matches!(
                self.tok(si, p - 1).to_ascii_lowercase().as_str(),
                "when" | "after" | "if" | "once"
            );
        if !opens {
            return None;
        }
        let (source, k) = self.asker_and_question(si, ci + 1)?;
        let start = s.tokens.get(k)?.start;
        // the question runs to the first comma outside quotes, or to the
        // sentence end when the clause is not sentence-initial
        let comma = (k + 1..s.tokens.len()).find(|&t| {
            self.tok(si, t) == "," && s.tokens.get(t).is_some_and(|c| !self.inside_quote(*c))
        });
        let stop = match comma {
            Some(c) => s.tokens.get(c)?.start,
            None if p > 0 => s.span.end,
            None => return None,
        };
        let end = trim_content_end(self.text, start, stop);
        (end > start).then(|| Attribution {
            source,
            cue: Some(hit.span),
            content: vec![Span::new(start, end)],
            ..Attribution::default()
        })
    }

    /// From token `k` after an "asked": the asker of a "by" phrase (when
    /// there is one) and the token opening the question, past time and
    /// setting phrases; `None` when no opener follows within a few words
    /// or when nothing stands before the opener (the plain frame's case).
    pub(super) fn asker_and_question(&self, si: usize, k: usize) -> Option<(Option<Span>, usize)> {
        let s = self.sentences.get(si)?;
        let mut i = k;
        let mut source = None;
        let mut skipped = false;
        while i < s.tokens.len() && i < k + 3 * MAX_PHRASE {
            let lw = self.tok(si, i).to_ascii_lowercase();
            if OPENERS.contains(&lw.as_str()) {
                break;
            }
            if lw == "by" && source.is_none() {
                // the asker: a short noun phrase up to the next opener or
                // setting preposition
                let b = i + 1;
                let mut e = b;
                while e < s.tokens.len() && e - b < MAX_PHRASE {
                    let w = self.tok(si, e).to_ascii_lowercase();
                    if OPENERS.contains(&w.as_str())
                        || SETTING.contains(&w.as_str())
                        || !w.chars().next().is_some_and(char::is_alphanumeric)
                    {
                        break;
                    }
                    e += 1;
                }
                source = Some(self.noun_phrase(si, b, e)?);
                i = e;
                skipped = true;
                continue;
            }
            let setting = SETTING.contains(&lw.as_str())
                || WEEKDAYS.contains(&lw.as_str())
                || self.is_adverb(&lw);
            if !setting && !skipped {
                return None;
            }
            let word = lw.chars().next().is_some_and(char::is_alphanumeric)
                || matches!(lw.as_str(), "'s" | "’s" | "\"" | "“" | "”" | "." | "-");
            let clause = matches!(
                self.class(si, i),
                Some(WordClass::Verb | WordClass::Subject | WordClass::Aux)
            );
            if !word || clause || s.tokens.get(i).is_some_and(|t| self.is_cue(*t)) {
                return None;
            }
            skipped = true;
            i += 1;
        }
        let opener = self.tok(si, i).to_ascii_lowercase();
        (skipped && OPENERS.contains(&opener.as_str())).then_some((source, i))
    }
}
