//! Findings that "show": "A harbour survey released Sunday by the Daily Star
//! shows the mayor ahead", "Photos showed crowds at the gate". A form of
//! "show" takes a bare clause or noun phrase as its content when its
//! subject is a record or a finding (a poll, records, emails, a video); the
//! subject may carry a participle ("released Sunday", "compiled by …")
//! that the ordinary noun-phrase walk refuses.
//!
//! On PolNeAR train about 64 gold cues "show"/"shows"/"showed" were missed
//! before this frame, most of them after such a subject. With
//! [`record_subject_before`] (which keeps "shows" a verb after "polling of
//! dock workers") it adds 18 exact sources, 24 cues and 20 contents on
//! train (about 27 predicted) and 4 of each on dev.

use dyad_core::Span;

use super::*;
use crate::words::Words;

/// Nouns for records and media that show things, besides the `evidence`
/// class of words.txt ("poll", "report", "data", …).
const RECORDS: &[&str] = &[
    "emails",
    "email",
    "e-mails",
    "filings",
    "filing",
    "video",
    "videos",
    "footage",
    "photos",
    "photo",
    "images",
    "image",
    "pictures",
    "documents",
    "math",
    "search",
    "markets",
    "findings",
    "returns",
    "tallies",
    "transcripts",
    "logs",
    "graphics",
    "outcome",
    "map",
];

/// Participles that may modify a record inside its noun phrase.
const RECORD_PARTICIPLES: &[&str] = &[
    "released",
    "conducted",
    "compiled",
    "published",
    "taken",
    "obtained",
    "done",
    "posted",
    "made",
    "reviewed",
    "filed",
];

/// Prepositions inside a record's noun phrase ("a poll by …", "polls in
/// the state") and the "and" of a joint sponsor ("by the Star and Radio
/// Five").
const INNER: &[&str] = &[
    "of", "by", "from", "for", "in", "among", "at", "on", "to", "with", "and",
];

/// Longest record phrase, in tokens.
const MAX_RECORD_TOKENS: usize = 14;

impl Finder<'_> {
    /// The attribution of a "show" cue `hit` after a record or finding.
    pub(super) fn finding_frame(&self, si: usize, hit: CueHit) -> Option<Attribution> {
        let form = self.word(hit.span).to_ascii_lowercase();
        if !matches!(form.as_str(), "show" | "shows" | "showed" | "showing") {
            return None;
        }
        let s = self.sentences.get(si)?;
        let ci = s.token_starting(hit.span.start)?;
        let ce = s.token_ending(hit.span.end)?;
        let b = self.record_start(si, ci)?;
        let source = Span::new(s.tokens.get(b)?.start, s.tokens.get(ci - 1)?.end);
        let content = self.plain_content(si, ce, CueClass::Say)?;
        Some(Attribution::indirect(Some(source), hit.span, content))
    }

    /// The first token of a record phrase ending right before token `ci`,
    /// when the phrase holds a record or finding noun.
    fn record_start(&self, si: usize, ci: usize) -> Option<usize> {
        let s = self.sentences.get(si)?;
        let mut b = ci;
        let mut record = false;
        while b > 0 && ci - b < MAX_RECORD_TOKENS {
            let w = self.tok(si, b - 1);
            let lw = w.to_ascii_lowercase();
            let bare = lw.trim_matches(|c: char| !c.is_alphanumeric());
            let participle = RECORD_PARTICIPLES.contains(&bare);
            let inner = INNER.contains(&bare);
            let word = w.chars().next().is_some_and(char::is_alphanumeric)
                || matches!(w, "'s" | "’s" | "-" | "/" | "%" | "&" | "." | "$");
            let closed = matches!(
                self.words.class(&lw),
                Some(WordClass::Verb | WordClass::Aux | WordClass::Stop | WordClass::Subject)
            ) || matches!(self.words.class(&lw), Some(WordClass::Relative));
            let cue = s.tokens.get(b - 1).is_some_and(|t| self.is_cue(*t));
            if !word || (closed && !inner && !participle && !is_when_word(&lw)) {
                break;
            }
            if cue && !participle {
                break;
            }
            record |= self.words.is(bare, WordClass::Evidence) || RECORDS.contains(&bare);
            b -= 1;
        }
        // the phrase opens with a determiner, an adjective or a noun, not
        // with a preposition or a participle
        while b < ci {
            let lw = self.tok(si, b).to_ascii_lowercase();
            if INNER.contains(&lw.as_str()) || RECORD_PARTICIPLES.contains(&lw.as_str()) {
                b += 1;
            } else {
                break;
            }
        }
        (record && b < ci).then_some(b)
    }
}

/// Time words inside a record phrase ("released last week").
fn is_when_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || matches!(w, "last" | "this" | "week" | "month" | "year")
}

/// For a "show" form that is also a noun ("a TV show"): true when a record
/// or finding noun stands among the few plain words before it ("Polling
/// of dock workers shows", "Footage from the quay shows") — the place of
/// a verb. The general test (`verb_position`) only looks at the word right
/// before the form.
pub(super) fn record_subject_before(text: &str, words: &Words, span: Span) -> bool {
    let form = text
        .get(span.start..span.end)
        .unwrap_or("")
        .to_ascii_lowercase();
    if !matches!(form.as_str(), "show" | "shows") {
        return false;
    }
    let before = text.get(..span.start).unwrap_or("");
    for (k, w) in before.split_whitespace().rev().take(6).enumerate() {
        let bare = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_ascii_lowercase();
        // the record noun itself may close the phrase ("polls show")
        if words.is(&bare, WordClass::Evidence) || RECORDS.contains(&bare.as_str()) {
            // "a TV show": a record noun right before is a compound only
            // when a determiner precedes it directly; elsewhere it heads
            // the subject
            return k > 0 || !w.ends_with(|c: char| c.is_alphanumeric()) || bare.ends_with('s');
        }
        let plain = w
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'));
        if !plain
            || matches!(
                words.class(&bare),
                Some(WordClass::Verb | WordClass::Aux | WordClass::Stop | WordClass::Subject)
            )
        {
            return false;
        }
    }
    false
}
