//! A participle of saying after a preposition or a quoted comma: "Lee defended the plan by
//! saying it would pay for itself", "Lee, after first arguing that …,
//! changed course". The participle borrows its source from the clause: the
//! speaker of an earlier attribution in the sentence, else the sentence's
//! subject noun phrase.
//!
//! The same holds after a comma closed inside a quote ("…called it
//! “messy,” adding that …"), where the comma-participle frame sees a quote
//! mark instead of the comma.
//!
//! On PolNeAR train "by/after/before/upon/while/when" + "saying",
//! "arguing", "insisting", "claiming", "noting", … stands inside a gold cue
//! 43 times out of 56, and such a participle after ",”" 27 times out of
//! 28; the main pass found few of them (it borrows a subject only after a
//! bare comma or "and"). Measured on train: +22 exact sources, +39 cues,
//! +46 contents (the quoted-comma case gives 20 of the cues). After a bare
//! comma or dash, where that frame found no subject ("Both parents
//! stiffened …, saying"), the subject phrase here adds 6 sources, 16 cues
//! and 15 contents.

use dyad_core::Span;

use super::*;

/// Prepositions and subordinators that may govern a participle cue.
const GOVERNORS: &[&str] = &["by", "after", "before", "upon", "while", "when"];

/// Sentence-initial connectives that stand before the subject.
const OPENERS: &[&str] = &["but", "and", "so", "yet", "still", "now", "then"];

/// Longest subject noun phrase taken, in tokens.
const MAX_SUBJECT_TOKENS: usize = 8;

impl Finder<'_> {
    /// The attribution of the participle cue `hit` when a preposition
    /// governs it (past "-ly" adverbs: "after publicly saying").
    pub(super) fn prep_participle(
        &self,
        si: usize,
        hit: CueHit,
        earlier: &[Attribution],
    ) -> Option<Attribution> {
        if !matches!(hit.class, CueClass::Say | CueClass::Tell) {
            return None;
        }
        let form = self.word(hit.span);
        if !(form.ends_with("ing") && form.chars().all(|c| c.is_ascii_lowercase())) {
            return None;
        }
        let s = self.sentences.get(si)?;
        let ci = s.token_starting(hit.span.start)?;
        let ce = s.token_ending(hit.span.end)?;
        let mut g = ci.checked_sub(1)?;
        while g > 0 && self.is_adverb(self.tok(si, g)) {
            g -= 1;
        }
        // "…the “king of debt,” noting that …": a comma inside a closing
        // quote mark, which the comma-participle frame does not see
        let after_quote = g + 1 == ci
            && g > 0
            && (is_quote_mark(self.tok(si, g)) || self.tok(si, g) == "''")
            && self.tok(si, g - 1) == ",";
        // after a bare comma or dash the comma-participle frame comes first;
        // here it only gets the subjects that frame could not find ("Both
        // parents stiffened …, saying")
        let after_comma = g + 1 == ci && matches!(self.tok(si, g), "," | "—" | "–" | "--");
        if !after_quote
            && !after_comma
            && !GOVERNORS.contains(&self.tok(si, g).to_ascii_lowercase().as_str())
        {
            return None;
        }
        let source = self.borrowed_source(si, g, earlier)?;
        let content = self.plain_content(si, ce, hit.class)?;
        // "Lee, after saying she would stay, left": an aside ends at its comma
        let content = if g > 0 && self.tok(si, g - 1) == "," {
            Span::new(
                content.start,
                self.relative_end(si, content.start, content.end),
            )
        } else {
            content
        };
        Some(Attribution::indirect(Some(source), hit.span, content))
    }

    /// The clause after the cue ending at token `ce`, to the end of its
    /// sentence or clause; a quote running past the sentence end stays
    /// whole.
    pub(super) fn plain_content(&self, si: usize, ce: usize, class: CueClass) -> Option<Span> {
        let s = self.sentences.get(si)?;
        let start = self.content_start(si, ce + 1, class)?;
        let end = trim_content_end(self.text, start, s.span.end);
        let end = self.clause_end(si, start, end);
        let end = self
            .quotes
            .iter()
            .find(|q| q.span.start < end && end < q.span.end && q.span.start >= start)
            .map_or(end, |q| q.span.end);
        (end > start).then(|| Span::new(start, end))
    }

    /// The source a participle at token `before` borrows: the speaker of
    /// the sentence's last attribution before it, else the subject.
    fn borrowed_source(&self, si: usize, before: usize, earlier: &[Attribution]) -> Option<Span> {
        let s = self.sentences.get(si)?;
        let at = s.tokens.get(before)?.start;
        let prior = earlier
            .iter()
            .chain(self.framed.iter())
            .filter(|a| a.end() <= at && a.start() >= s.span.start)
            .max_by_key(|a| a.end());
        if let Some(a) = prior {
            return a.source;
        }
        self.subject_phrase(si, before)
    }

    /// The noun phrase opening sentence `si` (past connectives), when a
    /// verb or a comma follows it before token `limit`: "Both parents
    /// stiffened …", "Sen. Ann Lee, after …".
    pub(super) fn subject_phrase(&self, si: usize, limit: usize) -> Option<Span> {
        let s = self.sentences.get(si)?;
        let mut b = 0;
        while b < limit
            && (OPENERS.contains(&self.tok(si, b).to_ascii_lowercase().as_str())
                || self.tok(si, b) == ",")
        {
            b += 1;
        }
        if self.class(si, b) == Some(WordClass::Subject) {
            return s.tokens.get(b).copied();
        }
        let mut e = b;
        while e < limit && e - b < MAX_SUBJECT_TOKENS {
            let w = self.tok(si, e);
            let lw = w.to_ascii_lowercase();
            let verb_like = lw.ends_with("ed") && !starts_upper(w);
            let word_ok = w.chars().next().is_some_and(char::is_alphanumeric)
                || matches!(w, "." | "'s" | "’s" | "-" | "'" | "’");
            let closed = matches!(
                self.class(si, e),
                Some(WordClass::Verb | WordClass::Aux | WordClass::Stop | WordClass::Prep)
            ) && !DETERMINERS.contains(&lw.as_str());
            let cue = s.tokens.get(e).is_some_and(|t| self.is_cue(*t));
            if !word_ok || verb_like || closed || cue {
                break;
            }
            e += 1;
        }
        // the phrase must be followed by its verb or an aside's comma
        let next = self.tok(si, e);
        let verb_next = next == ","
            || (next.chars().all(|c| c.is_ascii_lowercase()) && next.ends_with("ed"))
            || self.class(si, e) == Some(WordClass::Aux)
            || s.tokens.get(e).is_some_and(|t| self.is_cue(*t));
        let first = self.tok(si, b);
        let nounish =
            starts_upper(first) || DETERMINERS.contains(&first.to_ascii_lowercase().as_str());
        if e == b || !verb_next || !nounish || !self.has_noun(si, b, e) {
            return None;
        }
        Some(Span::new(s.tokens.get(b)?.start, s.tokens.get(e - 1)?.end))
    }
}

impl Finder<'_> {
    /// "Ann Lee, a former board member, joined the panel and said she …":
    /// a verb of saying coordinated by "and" with an earlier verb, whose
    /// subject the main pass could not find (an appositive or a name the
    /// opening-phrase test took for an adverbial). The subject is the
    /// noun phrase opening the sentence, or the speaker of an earlier
    /// attribution in it. On PolNeAR train: +3 exact sources, +10 cues and
    /// +12 contents for 10 predictions.
    pub(super) fn coordinated_fallback(
        &self,
        si: usize,
        hit: CueHit,
        earlier: &[Attribution],
    ) -> Option<Attribution> {
        if !hit.inverts || !matches!(hit.class, CueClass::Say | CueClass::Tell) {
            return None;
        }
        let s = self.sentences.get(si)?;
        let ci = s.token_starting(hit.span.start)?;
        let ce = s.token_ending(hit.span.end)?;
        let g = ci.checked_sub(1)?;
        if !self.tok(si, g).eq_ignore_ascii_case("and") {
            return None;
        }
        let source = self.borrowed_source(si, g, earlier)?;
        let content = self.plain_content(si, ce, hit.class)?;
        Some(Attribution::indirect(Some(source), hit.span, content))
    }
}
