//! Indirect speech: "X said (that) …", "…, X said", "according to X, …",
//! "X: …", and where each content starts and ends.

use dyad_core::Span;

use super::*;

/// Words after a comma or dash that open a contrast the speaker did not
/// state ("most say they trust her, while a third do not").
const CONTRAST_OPENERS: &[&str] = &[
    "while", "though", "although", "despite", "compared", "whereas",
];

/// Whether ", but" followed by `w` opens a new clause that ends the
/// content: a subject pronoun, "the"/a possessive or a name ("…, but he
/// declined …"). On PolNeAR train gold contents stop before such a ", but"
/// 103 times and run on past it 26 times.
fn but_new_clause(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "he" | "she" | "they" | "it" | "i" | "the" | "his" | "her" | "their"
    ) || (starts_upper(w) && w.chars().any(char::is_lowercase))
}

/// Words in "-ing" that are no trailing participle: the content runs on
/// past ", including …" (114 of 128 gold contents on PolNeAR train) and
/// ", during …" (7 of 7).
const NOT_PARTICIPLES: &[&str] = &["including", "during"];

impl Finder<'_> {
    pub(super) fn indirect_in(&self, si: usize) -> Vec<Attribution> {
        let Some(s) = self.sentences.get(si) else {
            return Vec::new();
        };
        let lo = self.cues.partition_point(|c| c.span.start < s.span.start);
        let hits: Vec<CueHit> = self
            .cues
            .get(lo..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.span.end <= s.span.end)
            .copied()
            .collect();
        let mut accepted: Vec<Attribution> = Vec::new();
        if let Some(a) = self.colon_frame(si).or_else(|| self.dash_colon(si)) {
            accepted.push(a);
        }
        if let Some(a) = self.poll_frame(si) {
            if !self.is_consumed(Span::new(a.start(), a.end())) && accepted.is_empty() {
                accepted.push(a);
            }
        }
        for hit in hits {
            if self.is_consumed(hit.span) || self.inside_quote(hit.span) {
                continue;
            }
            if accepted
                .iter()
                .any(|a| a.cue.is_some_and(|c| c.overlaps(&hit.span)))
            {
                continue;
            }
            let Some(a) = self.cue_frame(si, hit, &accepted) else {
                continue;
            };
            // "…, a state she hoped to carry, the race will be tight, said
            // X": an attribution inside a later cue's content is nested in
            // it, and only the outer one counts
            accepted.retain(|g| {
                !g.cue.is_some_and(|gc| {
                    a.cue.is_some_and(|ac| gc.end <= ac.start)
                        && a.content
                            .iter()
                            .any(|c| c.start <= gc.start && gc.end <= c.end)
                })
            });
            if !self.fit(&mut accepted, &a) {
                continue;
            }
            accepted.push(a);
        }
        if let Some(a) = self.reportedly_frame(si, &accepted) {
            accepted.push(a);
        }
        accepted.retain(|a| a.content.first().is_some_and(|c| !c.is_empty()));
        accepted
    }

    /// "Trump: ‘We are going to win so much.’" / "Q: And the wall?": a short
    /// name and a colon opening a sentence.
    pub(super) fn colon_frame(&self, si: usize) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let colon = (1..s.tokens.len().min(7)).find(|&t| self.tok(si, t) == ":")?;
        let name_ok = (0..colon).all(|t| {
            let w = self.tok(si, t);
            (starts_upper(w) || matches!(w, "of" | "'s" | "’s" | "."))
                && !matches!(
                    self.words.class(w),
                    Some(WordClass::Label | WordClass::Stop)
                )
        }) && !self
            .words
            .is(&self.tok(si, 0).to_ascii_lowercase(), WordClass::Label);
        // "Q: …" / "A: …": an interview transcript, not an attribution
        let initial = colon == 1 && self.tok(si, 0).chars().count() == 1;
        let colon_tok = *s.tokens.get(colon)?;
        if !name_ok || initial || self.is_consumed(colon_tok) {
            return None;
        }
        let start = s.tokens.get(colon + 1)?.start;
        let end = trim_content_end(self.text, start, s.span.end);
        if self
            .text
            .get(start..end)
            .map_or(0, |t| t.split_whitespace().count())
            < 3
        {
            return None;
        }
        Some(Attribution::indirect(
            Some(Span::new(s.span.start, s.tokens.get(colon - 1)?.end)),
            colon_tok,
            Span::new(start, end),
        ))
    }

    /// "In a CNN poll released Monday, Clinton led by 10 points": "In" is
    /// the cue, the poll the source, the clause after the comma the content.
    pub(super) fn poll_frame(&self, si: usize) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let n = s.tokens.len();
        let t = 0;
        if !self.tok(si, t).eq_ignore_ascii_case("in") {
            return None;
        }
        // the noun phrase after "in", ending with a poll word
        let mut k = t + 1;
        let mut head = None;
        while k < n && k <= t + 9 {
            let w = self.tok(si, k);
            if matches!(
                w.to_ascii_lowercase().as_str(),
                "poll" | "polls" | "survey" | "surveys"
            ) {
                head = Some(k);
                break;
            }
            let ok = w.chars().any(char::is_alphanumeric) || matches!(w, "/" | "-" | "’" | "'");
            if !ok || matches!(self.class(si, k), Some(WordClass::Verb | WordClass::Stop)) {
                return None;
            }
            k += 1;
        }
        let head = head?;
        // "released Monday", "conducted last week"
        let mut src_end = head + 1;
        if matches!(
            self.tok(si, src_end),
            "released" | "conducted" | "published" | "taken"
        ) {
            let mut j = src_end + 1;
            while j < n && is_time_word(self.tok(si, j)) {
                j += 1;
            }
            src_end = j;
        }
        let source = Span::new(s.tokens.get(t + 1)?.start, s.tokens.get(src_end - 1)?.end);
        let cue = *s.tokens.get(t)?;
        let words = |sp: Span| {
            self.text
                .get(sp.start..sp.end)
                .map_or(0, |x| x.split_whitespace().count())
        };
        // only a sentence-initial poll phrase: a trailing one ("…, he fell
        // to 10 percent in the latest poll") is too often not the source
        if self.tok(si, src_end) != "," {
            return None;
        }
        let start = s.tokens.get(src_end + 1)?.start;
        let end = trim_content_end(self.text, start, s.span.end);
        let content = Span::new(start, end.max(start));
        (words(content) >= 3).then(|| Attribution {
            source: Some(source),
            cue: Some(cue),
            content: vec![content],
            ..Attribution::default()
        })
    }

    /// Make room for `a` among the sentence's earlier attributions: a new
    /// clause (after a comma, "and", "but") ends the content it falls in;
    /// an attribution nested inside another's content is dropped.
    pub(super) fn fit(&self, accepted: &mut [Attribution], a: &Attribution) -> bool {
        let a_start = a.start();
        for g in accepted.iter_mut() {
            let Some(c) = g.content.first().copied() else {
                continue;
            };
            let a_span = Span::new(a_start, a.end());
            if !c.overlaps(&a_span) {
                if g.source.is_some_and(|s| s.overlaps(&a_span))
                    || g.cue.is_some_and(|s| s.overlaps(&a_span))
                {
                    return false;
                }
                continue;
            }
            // a borrowed source ("he said X, adding Y") lies before the content
            let a_start = match (a.source, a.cue) {
                (Some(src), Some(cue)) if src.start < c.start => cue.start,
                _ => a_start,
            };
            if a_start <= c.start {
                return false;
            }
            let before = self.text.get(c.start..a_start).unwrap_or("").trim_end();
            let lower = before.to_ascii_lowercase();
            let boundary = if before.ends_with([',', ';', '—']) {
                Some(before.len() - before.chars().next_back().map_or(1, char::len_utf8))
            } else if before.ends_with(",”") || before.ends_with(",\"") || before.ends_with(",''")
            {
                // the comma inside a closing quote ends the clause too
                Some(before.len())
            } else if (lower.ends_with(" and") || lower.ends_with(" but")) && a.source.is_some() {
                // a source-less cue after "and" ("said X and Y are expected
                // to …") is part of the content
                Some(before.len() - 4)
            } else {
                None
            };
            let Some(cut) = boundary else { return false };
            let end = trim_content_end(self.text, c.start, c.start + cut);
            if end <= c.start {
                return false;
            }
            if let Some(f) = g.content.first_mut() {
                f.end = end;
            }
        }
        true
    }

    pub(super) fn indirect_frame(
        &self,
        si: usize,
        hit: CueHit,
        earlier: &[Attribution],
    ) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let ci = s.token_starting(hit.span.start)?;
        let ce = s.token_ending(hit.span.end)?;
        if hit.class == CueClass::According {
            return self.according(si, ci, ce, hit);
        }
        if hit.class == CueClass::Noun {
            return self.noun_frame(si, ci, ce, hit);
        }
        // "Asked whether …" / "When asked about …, Lee said"
        let opens_clause = ci == 0 || {
            let mut k = ci;
            if k > 0 && self.tok(si, k - 1) == "being" {
                k -= 1;
            }
            k > 0
                && matches!(
                    self.tok(si, k - 1).to_ascii_lowercase().as_str(),
                    "when" | "after" | "if" | "once"
                )
        };
        if opens_clause && hit.class == CueClass::Tell {
            return self.asked_frame(si, ce, hit);
        }
        if let Some(a) = self.final_cue(si, ci, ce, hit) {
            return Some(a);
        }
        let (source, cue_start) = match self.np_left(si, ci) {
            Some(found) => found,
            None => self.participle_subject(si, ci, earlier)?,
        };
        // "a poll shows Trump ahead": after a finding noun a clause verb
        // needs no "that"
        let class = if hit.class == CueClass::Clause && self.evidence_source(source) {
            CueClass::Say
        } else {
            hit.class
        };
        let start = self.content_start(si, ce + 1, class)?;
        // "wrote about X", "said of X", "railed against X": a preposition
        // right after the cue belongs to the cue (PolNeAR)
        let mut cue_end = hit.span.end;
        let start = match s.tokens.get(ce + 1) {
            // ("said of X" is left alone: its content is usually a quote)
            Some(t)
                if t.start == start
                    && !matches!(
                        self.word(hit.span).to_ascii_lowercase().as_str(),
                        "say" | "says" | "said" | "saying"
                    )
                    && CUE_PREPOSITIONS.contains(&self.word(*t).to_ascii_lowercase().as_str()) =>
            {
                cue_end = t.end;
                s.tokens.get(ce + 2)?.start
            }
            _ => start,
        };
        let end = trim_content_end(self.text, start, s.span.end);
        let end = self.clause_end(si, start, end);
        let end = if hit.class == CueClass::Object {
            self.object_end(si, start, end)
        } else {
            end
        };
        // a line break or a parenthesis after a sentence end closes it
        // ("… an egregious act.” (The access was …)")
        let end = self
            .text
            .get(start..end)
            .and_then(|t| {
                [t.find('\n'), t.find(". ("), t.find(".” (")]
                    .into_iter()
                    .flatten()
                    .min()
            })
            .map_or(end, |i| {
                let cut = start + i;
                let cut = if self.text.get(cut..cut + 1) == Some("\n") {
                    cut
                } else {
                    // keep the period's sentence and a closing quote mark
                    self.text
                        .get(cut..end)
                        .and_then(|t| t.find(" (").map(|j| cut + j))
                        .unwrap_or(cut)
                };
                trim_content_end(self.text, start, cut)
            });
        // a quote that runs past the sentence end stays whole
        let end = self
            .quotes
            .iter()
            .find(|q| q.span.start < end && end < q.span.end && q.span.start >= start)
            .map_or(end, |q| q.span.end);
        // a direct quote's frame later in the sentence ends the content
        // ("After Scalia said that …, Trump said: “…”")
        let end = self
            .consumed
            .iter()
            .filter(|c| c.start > start && c.start < end)
            .map(|c| trim_content_end(self.text, start, c.start))
            .min()
            .unwrap_or(end);
        // "the levy, which he said would fall, …": the relative pronoun
        // before the source is the content's first fragment
        let relative = s
            .token_starting(source.start)
            .and_then(|src| self.object_relative(si, src));
        // "X, who said …, issued": a relative clause ends at its comma
        let end = if self.words.is(self.word(source), WordClass::Relative)
            || relative.as_ref().is_some_and(|r| r.non_restrictive)
        {
            self.relative_end(si, start, end)
        } else {
            end
        };
        if end <= start {
            return None;
        }
        let content = match relative {
            Some(r) => vec![r.span, Span::new(start, end)],
            None => vec![Span::new(start, end)],
        };
        if hit.class == CueClass::Raising {
            return Some(Attribution {
                cue: Some(Span::new(cue_start, cue_end)),
                content: vec![source, Span::new(start, end)],
                ..Attribution::default()
            });
        }
        Some(Attribution {
            source: Some(source),
            cue: Some(Span::new(cue_start, cue_end)),
            content,
            ..Attribution::default()
        })
    }

    /// "…, X said (on Tuesday)." / "…, said X."
    pub(super) fn final_cue(
        &self,
        si: usize,
        ci: usize,
        ce: usize,
        hit: CueHit,
    ) -> Option<Attribution> {
        if matches!(hit.class, CueClass::Infinitive | CueClass::Raising) {
            return None;
        }
        let s = self.sentences.get(si)?;
        let tail_end = self.words_end(si, ce + 1);
        let clean = |from: usize, to: usize| {
            to.saturating_sub(from) <= MAX_TAIL_TOKENS
                && !(from..to).any(|t| {
                    let w = self.tok(si, t);
                    is_quote_mark(w)
                        || w == "that"
                        || matches!(
                            self.class(si, t),
                            Some(WordClass::Verb | WordClass::Subject | WordClass::Aux)
                        )
                })
        };
        let cs = self.aux_start(si, ci);
        let cue = Span::new(s.tokens.get(cs)?.start, hit.span.end);
        // "…, said X." (not for clause verbs: "…, found in 2010")
        // ("…, adding that …" is no inverted frame)
        let participle = self.tok(si, ci).ends_with("ing");
        // only a plain verb of saying inverts ("…, has endorsed X" does not)
        if matches!(hit.class, CueClass::Say | CueClass::Tell)
            && hit.inverts
            && cs == ci
            && !participle
            && cs > 0
            && self.tok(si, cs - 1) == ","
        {
            // a long source with its appositive ("said Ann Lee, a professor
            // of law at …") may run past the tail limit
            let long_source = |src: Span| {
                let after = s.token_at_or_after(src.end);
                self.word(src).contains(',')
                    && !(ce + 1..after).any(|t| is_quote_mark(self.tok(si, t)))
                    && clean(after, tail_end)
                    && !(after..tail_end).any(|t| self.class(si, t) == Some(WordClass::Aux))
            };
            if let Some(source) = self
                .np_right(si, ce + 1)
                .filter(|src| clean(ce + 1, tail_end) || long_source(*src))
            {
                let content = self.lead_content(si, cs - 1, 3)?;
                return Some(Attribution::indirect(Some(source), cue, content));
            }
        }
        // "…, X said (on Tuesday)(, and …)."
        let split = (ce + 1..tail_end).find(|&t| self.tok(si, t) == ",");
        let tail_stop = split.unwrap_or(tail_end);
        if !clean(ce + 1, tail_stop) {
            return None;
        }
        // the tail is a time or place ("said on Tuesday in Iowa"), not an
        // object ("…, Lew acknowledged the agency's limits")
        let w = self.tok(si, ce + 1);
        let tail_ok = ce + 1 >= tail_stop
            // "…, the president told her.", "…, officials told Reuters."
            || (hit.class == CueClass::Tell
                && tail_stop <= ce + 4
                && (ce + 1..tail_stop).all(|t| {
                    let x = self.tok(si, t);
                    self.words.is(x, WordClass::Object) || starts_upper(x)
                }))
            || is_time_word(w)
            || self.is_adverb(w)
            || (matches!(self.words.class(w), Some(WordClass::Lead | WordClass::Prep))
                && !matches!(w.to_ascii_lowercase().as_str(), "a" | "an" | "the"));
        if !tail_ok {
            return None;
        }
        let (np, _) = self.np_left(si, ci)?;
        // "…, who has endorsed Clinton, said": a relative clause is no frame
        if self.words.is(self.word(np), WordClass::Relative) {
            return None;
        }
        let b = s.token_starting(np.start)?;
        if b == 0 || self.tok(si, b - 1) != "," {
            return None;
        }
        let min_words = if split.is_some() { 1 } else { 3 };
        let mut content = vec![self.lead_content(si, b - 1, min_words)?];
        // "…, he said, wiping his face": a participle phrase is no content
        let participle = split.is_some_and(|k| {
            let w = self.tok(si, k + 1);
            w.len() > 4 && w.ends_with("ing") && w.chars().all(|c| c.is_ascii_lowercase())
        });
        if let Some(k) = split.filter(|_| !participle) {
            let start = s.tokens.get(k + 1)?.start;
            let end = trim_content_end(self.text, start, s.span.end);
            if self
                .text
                .get(start..end)
                .map_or(0, |t| t.split_whitespace().count())
                >= 2
            {
                content.push(Span::new(start, end));
            }
        }
        Some(Attribution {
            source: Some(np),
            cue: Some(cue),
            content,
            ..Attribution::default()
        })
    }

    /// "Asked whether he would run, Reid said …": a sentence-initial
    /// participle with no source; its content is the question, up to the
    /// first comma outside quotes.
    pub(super) fn asked_frame(&self, si: usize, ce: usize, hit: CueHit) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let mut k = ce + 1;
        while is_time_word(self.tok(si, k)) || self.tok(si, k) == "on" {
            k += 1;
        }
        let opener = self.tok(si, k).to_ascii_lowercase();
        if !matches!(
            opener.as_str(),
            "if" | "whether" | "about" | "what" | "why" | "which" | "who" | "how" | "when"
        ) {
            return None;
        }
        // "asked (last month) about X": the preposition joins the cue
        // (PolNeAR train: 21 such cues take it, 6 leave it)
        let mut cue = hit.span;
        if opener == "about" {
            cue.end = s.tokens.get(k)?.end;
            k += 1;
        }
        let start = s.tokens.get(k)?.start;
        // the question runs to the first comma outside quotes, or to the
        // sentence end ("…, she said when asked which candidate she backs.")
        let comma = (k + 1..s.tokens.len()).find(|&t| {
            self.tok(si, t) == "," && s.tokens.get(t).is_some_and(|c| !self.inside_quote(*c))
        });
        let stop = match comma {
            Some(c) => s.tokens.get(c)?.start,
            None if hit.span.start > s.span.start => s.span.end,
            None => return None,
        };
        let end = trim_content_end(self.text, start, stop);
        (end > start).then(|| Attribution {
            source: None,
            cue: Some(cue),
            content: vec![Span::new(start, end)],
            ..Attribution::default()
        })
    }

    /// The content from the sentence start to the comma at token `comma`.
    pub(super) fn lead_content(&self, si: usize, comma: usize, min_words: usize) -> Option<Span> {
        let s = self.sentences.get(si)?;
        // a leading "But", "And", "Still," stays out
        let mut first = 0;
        while first < comma
            && matches!(
                self.tok(si, first),
                "But" | "And" | "Still" | "However" | "Yet" | ","
            )
        {
            first += 1;
        }
        let start = s.tokens.get(first)?.start;
        let end = trim_content_end(self.text, start, s.tokens.get(comma)?.start);
        if end <= start {
            return None;
        }
        (self
            .text
            .get(start..end)
            .map_or(0, |t| t.split_whitespace().count())
            >= min_words)
            .then(|| Span::new(start, end))
    }

    /// "According to X, …" / "…, according to X." / "…, according to X,
    /// …": the source runs to the next comma; the content is the clause
    /// before the cue and the words after the source.
    pub(super) fn according(
        &self,
        si: usize,
        ci: usize,
        ce: usize,
        hit: CueHit,
    ) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let n = s.tokens.len();
        let mut k = ce + 1;
        while k < n && !matches!(self.tok(si, k), "," | "(" | ")" | ";" | ":" | "—") {
            k += 1;
        }
        let mut src_end = k;
        while src_end > ce + 1 && !self.tok(si, src_end - 1).chars().any(char::is_alphanumeric) {
            src_end -= 1;
        }
        if src_end <= ce + 1 {
            return None;
        }
        let source = Span::new(s.tokens.get(ce + 1)?.start, s.tokens.get(src_end - 1)?.end);
        let words = |span: Span| {
            self.text
                .get(span.start..span.end)
                .map_or(0, |t| t.split_whitespace().count())
        };
        // after the source
        let right = if matches!(self.tok(si, k), "," | ":") && k + 1 < n {
            let start = s.tokens.get(k + 1)?.start;
            let end = trim_content_end(self.text, start, s.span.end);
            (end > start)
                .then(|| Span::new(start, end))
                .filter(|r| words(*r) >= 2)
        } else {
            None
        };
        // before the cue: from the sentence start, a "(" or a relative pronoun
        let mut lb = 0;
        let mut outer: Option<usize> = None;
        for t in 0..ci {
            let w = self.tok(si, t);
            if w == "(" {
                outer = Some(lb);
                lb = t + 1;
            } else if w == ")" {
                // a closed parenthesis is part of the clause
                lb = outer.take().unwrap_or(lb);
            } else if t > 0 && self.tok(si, t - 1) == "," && self.words.is(w, WordClass::Relative) {
                lb = t;
            }
        }
        let left = if ci > lb {
            let start = s.tokens.get(lb)?.start;
            let end = trim_content_end(self.text, start, s.tokens.get(ci)?.start);
            (end > start).then(|| Span::new(start, end))
        } else {
            None
        };
        // a connective before "according to" is not content ("In addition,
        // according to X, …"); a fronted phrase is ("Over the long term,
        // according to X, …")
        let left = left.filter(|l| {
            let t = self.word(*l).trim_end_matches(',').to_ascii_lowercase();
            right.is_none() || !self.words.is_connective(&t)
        });
        // "Though he has no shot, [Kasich has the best odds], according to
        // X": a fronted subordinate clause stays out
        let left = left.map(|l| self.after_subordinate(l));
        // "…, according to Andrew Lee, who prosecuted …" / "…, according
        // to Ann Ray, a former prime minister": after a clause, a relative
        // clause or a verbless appositive belongs to the source
        let (source, right) = match (left, right) {
            (Some(_), Some(r)) if self.source_tail(si, k + 1, r) => {
                (Span::new(source.start, r.end), None)
            }
            _ => (source, right),
        };
        let content: Vec<Span> = left.into_iter().chain(right).collect();
        if content.is_empty() {
            return None;
        }
        Some(Attribution {
            source: Some(source),
            cue: Some(hit.span),
            content,
            ..Attribution::default()
        })
    }

    /// True when the words from token `from` (spanning `rest`, to the
    /// sentence end) describe the source rather than say something: a
    /// relative clause, or a short appositive with no verb.
    fn source_tail(&self, si: usize, from: usize, rest: Span) -> bool {
        let first = self.tok(si, from);
        if self.words.is(first, WordClass::Relative) || first == "whose" {
            return true;
        }
        let Some(s) = self.sentences.get(si) else {
            return false;
        };
        let last = s.token_at_or_after(rest.end);
        let article = matches!(first.to_ascii_lowercase().as_str(), "a" | "an" | "the");
        article
            && last.saturating_sub(from) <= 12
            && !(from..last).any(|t| {
                let w = self.tok(si, t);
                matches!(
                    self.class(si, t),
                    Some(WordClass::Verb | WordClass::Aux | WordClass::Stop | WordClass::Subject)
                ) || w == ","
                    || s.tokens.get(t).is_some_and(|tk| self.is_cue(*tk))
            })
    }

    /// "[his] <unwillingness> {to run}", "[Trump's] <harsh criticism of>
    /// {Cruz}", "[her] <claim> {that …}": the possessive is the source, the
    /// modifiers and the noun the cue, and the content its complement.
    pub(super) fn noun_frame(
        &self,
        si: usize,
        ci: usize,
        ce: usize,
        hit: CueHit,
    ) -> Option<Attribution> {
        let s = self.sentences.get(si)?;
        let mut p = ci;
        while p > 0 && !is_possessive(self.tok(si, p - 1)) {
            p -= 1;
            if ci - p > 2 {
                return None;
            }
        }
        let poss = p.checked_sub(1)?;
        let poss_tok = *s.tokens.get(poss)?;
        let source = if POSSESSIVES.contains(&self.word(poss_tok).to_ascii_lowercase().as_str()) {
            poss_tok
        } else {
            let b = self.np_start(si, poss + 1)?;
            Span::new(s.tokens.get(b)?.start, poss_tok.end)
        };
        // "His unwillingness to X angered Y": a subject's complement has no
        // clear end; only an object ("followed his unwillingness to X") is taken
        let src_tok = s.token_starting(source.start)?;
        if src_tok == 0 || matches!(self.tok(si, src_tok - 1), "But" | "And" | ",") {
            return None;
        }
        let cue = Span::new(s.tokens.get(poss + 1)?.start, hit.span.end);
        let last = self.word(hit.span).rsplit(' ').next().unwrap_or("");
        let prep = matches!(
            last.to_ascii_lowercase().as_str(),
            "of" | "on" | "for" | "to" | "about" | "with" | "against" | "toward"
        );
        let next = self.tok(si, ce + 1);
        let start = s.tokens.get(ce + 1)?.start;
        let sentence_end = trim_content_end(self.text, start, s.span.end);
        let end = if prep && next.chars().next().is_some_and(char::is_alphanumeric) {
            self.object_end(si, start, sentence_end)
        } else if next.eq_ignore_ascii_case("that") || next == "to" {
            self.clause_end(si, start, sentence_end)
        } else {
            return None;
        };
        (end > start).then(|| Attribution {
            source: Some(source),
            cue: Some(cue),
            content: vec![Span::new(start, end)],
            ..Attribution::default()
        })
    }

    /// A content that opens with a subordinate clause ("Though he has no
    /// shot, Kasich leads") without that clause, when a main clause of at
    /// least three words follows its comma.
    pub(super) fn after_subordinate(&self, span: Span) -> Span {
        let t = self.word(span);
        let first = t
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        if !SUBORDINATORS.contains(&first.as_str()) {
            return span;
        }
        let Some(comma) = t.find(", ") else {
            return span;
        };
        let rest = t.get(comma + 2..).unwrap_or("");
        if rest.split_whitespace().count() < 3
            || self.inside_quote(Span::new(span.start + comma, span.start + comma + 1))
        {
            return span;
        }
        Span::new(span.start + comma + 2, span.end)
    }

    /// The end of a noun-phrase content ("endorsed [Cruz] last week"):
    /// before the first preposition, time word, clause word or punctuation;
    /// a clause after "that" or a quote runs on.
    pub(super) fn object_end(&self, si: usize, start: usize, end: usize) -> usize {
        let Some(s) = self.sentences.get(si) else {
            return end;
        };
        let first = s.token_at_or_after(start);
        let w0 = self.tok(si, first);
        if w0.eq_ignore_ascii_case("that") || is_quote_mark(w0) {
            return end;
        }
        let is_time = |w: &str| {
            let lw = w.to_ascii_lowercase();
            WEEKDAYS.contains(&lw.as_str())
                || matches!(
                    lw.as_str(),
                    "yesterday" | "today" | "tonight" | "last" | "earlier"
                )
        };
        let mut last_end = None;
        for i in first..s.tokens.len() {
            let Some(t) = s.tokens.get(i) else { break };
            if t.end > end {
                break;
            }
            let w = self.word(*t);
            let next = self.tok(si, i + 1);
            let stop = matches!(w, "," | ";" | ":" | "(" | "—" | "–" | "--")
                || (matches!(self.words.class(w), Some(WordClass::Stop))
                    && !matches!(w, "and" | "that" | "as" | "than" | "if" | "whether"))
                || is_time(w)
                || (matches!(w, "on" | "this") && is_time(next) || w == "this" && next == "week")
                || self.trailing_adjunct(si, i)
                || self.joins_clause(si, i);
            if stop && i > first {
                break;
            }
            last_end = Some(t.end);
        }
        last_end.map_or(end, |e| trim_content_end(self.text, start, e).min(end))
    }

    /// True when token `p` joins a new clause or verb phrase to a
    /// noun-phrase content: "as" before a name or pronoun ("condemned the
    /// launch [as Pyongyang fired …]"), "and" before a past form or a
    /// number ("promised a veto [and attempted …]", "prefer Lee [and 5
    /// percent back …]"). ("And has": as often inside a relative clause of
    /// the phrase as after it.)
    fn joins_clause(&self, si: usize, p: usize) -> bool {
        let next = self.tok(si, p + 1);
        match self.tok(si, p) {
            "as" => {
                self.words.is(next, WordClass::Subject)
                    || (starts_upper(next) && self.words.class(next).is_none())
            }
            "and" => {
                (next.len() > 4
                    && next.ends_with("ed")
                    && next.chars().all(|c| c.is_ascii_lowercase()))
                    || next.chars().next().is_some_and(|c| c.is_ascii_digit())
            }
            _ => false,
        }
    }

    /// True when token `p` opens a trailing time or medium phrase that is
    /// no part of a noun-phrase content: "on Twitter", "in a statement",
    /// "in an interview with CNN", "in a Facebook post". (Months and years
    /// are not: on PolNeAR train "in 2012" ends as many gold contents as it
    /// stays inside.)
    fn trailing_adjunct(&self, si: usize, p: usize) -> bool {
        if !matches!(self.tok(si, p), "in" | "on" | "at" | "during") {
            return false;
        }
        let next = self.tok(si, p + 1);
        if self.words.is_adjunct(next) {
            return true;
        }
        // a determiner, at most one modifier, then a statement-like noun
        if !matches!(
            next.to_ascii_lowercase().as_str(),
            "a" | "an" | "his" | "her" | "their" | "its"
        ) {
            return false;
        }
        (p + 2..p + 4).any(|t| {
            let w = self.tok(si, t);
            w.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_uppercase())
                && !DETERMINERS.contains(&w.to_ascii_lowercase().as_str())
                && (self.words.is_adjunct(w) || self.class(si, t) == Some(WordClass::Lead))
        })
    }

    /// The end of a content inside a relative clause: the first comma
    /// outside quotes followed by a lower-case word that is a plain word or
    /// a verb ("the levy, which he said would fall, [was] approved").
    pub(super) fn relative_end(&self, si: usize, start: usize, end: usize) -> usize {
        let Some(s) = self.sentences.get(si) else {
            return end;
        };
        for i in s.token_at_or_after(start)..s.tokens.len() {
            let Some(t) = s.tokens.get(i) else { break };
            if t.end > end {
                break;
            }
            let next = self.tok(si, i + 1);
            if self.word(*t) == ","
                && !self.inside_quote(*t)
                && next.chars().next().is_some_and(char::is_lowercase)
                && matches!(self.words.class(next), None | Some(WordClass::Verb))
            {
                return trim_content_end(self.text, start, t.start);
            }
        }
        end
    }

    /// The end of a content clause before `end`: before a trailing
    /// participle (", drawing criticism"), a verb joined by "but"
    /// (", but declined to …") or an aside after a dash ("— a milestone …").
    pub(super) fn clause_end(&self, si: usize, start: usize, end: usize) -> usize {
        let Some(s) = self.sentences.get(si) else {
            return end;
        };
        let first = s.token_at_or_after(start);
        let mut words = 0;
        for i in first..s.tokens.len() {
            let Some(t) = s.tokens.get(i) else { break };
            if t.end > end {
                break;
            }
            let w = self.word(*t);
            if w.chars().next().is_some_and(char::is_alphanumeric) {
                words += 1;
                continue;
            }
            // "…,” adding …": a comma inside a closing quote mark ends the
            // clause as one outside it does; the mark stays in the content
            let closing_comma = is_quote_mark(w)
                && i > first
                && self.tok(si, i - 1) == ","
                && self.quotes.iter().any(|q| q.span.end == t.end);
            if words < 3 || (self.inside_quote(*t) && !closing_comma) {
                continue;
            }
            let w = if closing_comma { "," } else { w };
            let next = self.tok(si, i + 1);
            let after = self.tok(si, i + 2);
            let lower = |x: &str| x.chars().next().is_some_and(char::is_lowercase);
            let cut = match w {
                "," => {
                    (lower(next)
                        && next.ends_with("ing")
                        && next.len() > 5
                        && !self.words.is(next, WordClass::Stop)
                        && !NOT_PARTICIPLES.contains(&next))
                        || (next == "but"
                            && lower(after)
                            && self.words.class(after).is_none()
                            && !DETERMINERS.contains(&after))
                        || (next == "but" && but_new_clause(after))
                        // ", and he …", ", and said …": stop 27, run on 7
                        || (next == "and" && matches!(after, "he" | "they" | "said"))
                        || CONTRAST_OPENERS.contains(&next)
                        || self.final_appositive(si, i)
                }
                "—" | "-" | "–" | "--" => {
                    ASIDE_OPENERS.contains(&next) || CONTRAST_OPENERS.contains(&next)
                }
                _ => false,
            };
            if cut {
                let at = if closing_comma { t.end } else { t.start };
                return trim_content_end(self.text, start, at);
            }
        }
        end
    }

    /// True when the comma at token `comma` opens an indefinite noun phrase
    /// or a relative clause about a person: the writer's comment on the
    /// content, not more of it ("said taxes would rise, an admission that
    /// …"; "…, who leads the committee"). On PolNeAR train, cutting there
    /// gains exact contents; "the" ("…, the party's nominee") and "which"
    /// do not (on dev).
    fn final_appositive(&self, si: usize, comma: usize) -> bool {
        matches!(self.tok(si, comma + 1), "a" | "an" | "who")
    }

    /// Where the content after a cue starts: past a hearer ("told
    /// reporters"), at a near "that" ("said on Tuesday that"), past a comma
    /// or colon.
    pub(super) fn content_start(&self, si: usize, from: usize, class: CueClass) -> Option<usize> {
        let s = self.sentences.get(si)?;
        let n = s.tokens.len();
        if matches!(class, CueClass::Infinitive | CueClass::Raising) {
            let to = self.tok(si, from) == "to";
            return to.then(|| s.tokens.get(from).map(|t| t.start)).flatten();
        }
        let mut i = from;
        let mut found_that = false;
        {
            // "told reporters on Tuesday that", "said in an interview with CNN that"
            // a hearer may be long ("told an audience at a festival in
            // Houston last week that")
            let window = if class == CueClass::Tell { 20 } else { 10 };
            // "discussed the violence that has marred …": after an object
            // noun phrase a "that" is a relative pronoun
            // ("said this week that": a time phrase, not an object)
            let time = is_time_word(self.tok(si, from + 1));
            let object = class != CueClass::Tell
                && !time
                && matches!(
                    self.tok(si, from).to_ascii_lowercase().as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "this" | "these"
                );
            let window = if object { 0 } else { window };
            for k in from..n.min(from + window) {
                let w = self.tok(si, k);
                if w.eq_ignore_ascii_case("that") || w.eq_ignore_ascii_case("whether") {
                    i = k;
                    found_that = true;
                    break;
                }
                // an adverb ("told lawmakers privately that") does not block
                let adverb = self.is_adverb(w) || matches!(w, "later" | "earlier" | "again");
                let blocks = w == ","
                    || is_quote_mark(w)
                    || (!adverb
                        && matches!(
                            self.words.class(w),
                            Some(
                                WordClass::Subject
                                    | WordClass::Verb
                                    | WordClass::Aux
                                    | WordClass::Stop
                            )
                        ));
                if blocks {
                    break;
                }
            }
        }
        if class == CueClass::Tell && !found_that {
            // "told reporters: “…”" drops the hearer; "urged them to act" keeps it
            let mut k = i;
            while k < n && k < i + 4 {
                let w = self.tok(si, k);
                let obj = self.words.is(w, WordClass::Object)
                    || (starts_upper(w) && !self.words.is(w, WordClass::Subject))
                    || w.eq_ignore_ascii_case("the");
                if !obj {
                    break;
                }
                k += 1;
            }
            let after = self.tok(si, k);
            // "asked the campaign of …": a determiner alone is no hearer
            let bare_article = k
                .checked_sub(1)
                .is_some_and(|p| self.tok(si, p).eq_ignore_ascii_case("the"));
            if k > i && after != "to" && !after.is_empty() && !bare_article {
                i = k;
            } else if let Some(p) = (i + 1..n.min(i + 7)).find(|&p| {
                // "told a news conference they …": a hearer up to a pronoun
                self.words.is(self.tok(si, p), WordClass::Subject)
            }) {
                let plain = (i..p).all(|q| {
                    let w = self.tok(si, q);
                    w.chars()
                        .all(|c| c.is_alphanumeric() || c == '’' || c == '\'')
                        && !matches!(
                            self.words.class(w),
                            Some(WordClass::Verb | WordClass::Aux | WordClass::Stop)
                        )
                });
                if plain {
                    i = p;
                }
            }
        }
        if matches!(self.tok(si, i), "," | ":") {
            i += 1;
        }
        // "said in a statement Thursday night they …": a time phrase
        // before the clause stays out
        if !found_that {
            let mut k = i;
            while k < n && is_time_word(self.tok(si, k)) {
                k += 1;
            }
            let next = self.tok(si, k);
            // "said Tuesday his plan …", "responded Friday to …": a bare
            // day name after the cue is when, not what (PolNeAR train: 23
            // gold contents start after it, 1 with it before a comma)
            let weekday = WEEKDAYS.contains(&self.tok(si, i).to_ascii_lowercase().as_str())
                && !matches!(next, "" | "," | "'s" | "’s")
                // "said Sunday on Fox News": left as it was
                && !matches!(
                    self.words.class(next),
                    Some(WordClass::Lead | WordClass::Prep)
                );
            if k > i
                && (weekday
                    || self.words.is(next, WordClass::Subject)
                    || (starts_upper(next) && self.words.class(next).is_none()))
            {
                i = k;
            }
        }
        let first = self.tok(si, i);
        // "said at Monday's rally", "said of the title": no content here
        if !found_that
            && matches!(
                self.words.class(first),
                Some(WordClass::Lead | WordClass::Prep)
            )
            && !matches!(first, "a" | "an" | "the" | "A" | "An" | "The")
            // "wrote about the flooding": a topic is content
            && !matches!(first, "about" | "against" | "over")
            && n.saturating_sub(i) <= 7
        {
            return None;
        }
        // a clause verb takes "that", a quote or a bare clause opening with
        // a pronoun ("Clinton knows she will …")
        if class == CueClass::Clause
            && !(first.eq_ignore_ascii_case("that")
                || is_quote_mark(first)
                || (self.words.is(first, WordClass::Subject) && first != "it"))
        {
            return None;
        }
        if first.is_empty() || !(first.chars().any(char::is_alphanumeric) || is_quote_mark(first)) {
            return None;
        }
        Some(s.tokens.get(i)?.start)
    }
}

/// Prepositions that join the cue they follow ("wrote about", "said of").
const CUE_PREPOSITIONS: &[&str] = &["about", "of", "for", "on", "against", "with", "over", "at"];

/// Subordinators that open a fronted clause ("Though …, ").
const SUBORDINATORS: &[&str] = &[
    "though", "although", "while", "as", "if", "when", "since", "because", "after", "before",
    "whereas", "despite", "unless", "until", "once",
];

/// Words of a time phrase ("Thursday night", "last week").
fn is_time_word(w: &str) -> bool {
    let lw = w.to_ascii_lowercase();
    WEEKDAYS.contains(&lw.as_str())
        || matches!(
            lw.as_str(),
            "yesterday"
                | "today"
                | "tonight"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "last"
                | "week"
                | "month"
                | "year"
                | "weekend"
        )
}
