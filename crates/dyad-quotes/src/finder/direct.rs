//! Direct quotes: a quote framed by its cue after it ("“…,” he said") or
//! before it ("He added: “…”"), split and multi-paragraph quotes, quoted
//! phrases inside indirect speech, and cue-less quote paragraphs that
//! continue the previous speaker.

use dyad_core::Span;

use super::*;

impl Finder<'_> {
    pub(super) fn direct_quotes(&self) -> Vec<Attribution> {
        let mut out: Vec<Attribution> = Vec::new();
        for (qi, q) in self.quotes.iter().enumerate() {
            if q.chain != qi {
                continue;
            }
            let fragments: Vec<Span> = self
                .quotes
                .iter()
                .filter(|f| f.chain == qi)
                .map(|f| f.span)
                .collect();
            let (Some(first), Some(last)) = (fragments.first().copied(), fragments.last().copied())
            else {
                continue;
            };
            let post = self.post_frame(last).map(|mut a| {
                // words before the quote in its sentence belong to the content
                // ("But on Carrier, “we worked hard,” he said")
                let lead = self
                    .sentence_of(first.start)
                    .and_then(|si| self.sentences.get(si))
                    .map_or(first.start, |s| s.span.start);
                // … but not a label before a colon ("His final assessment: “…”")
                let lead = match self.text.get(lead..first.start) {
                    Some(t) if t.contains([':', '—', '(', '–']) || t.contains(" - ") => {
                        first.start
                    }
                    // … nor an indirect frame of its own ("Lee said in
                    // politics it takes time but added, “…,” Lee said")
                    _ if self.cue_between(lead, first.start) => first.start,
                    _ => lead,
                };
                a.content = vec![Span::new(lead.min(first.start), first.end)];
                a
            });
            let framed = post.or_else(|| self.pre_frame(first, last, &out));
            let Some(mut a) = framed else {
                // "“The risk,” said Edward Leamer, “is that …”": the quote
                // right after a frame continues it
                if let Some(prev) = out.last_mut() {
                    let gap = self.text.get(prev.end()..first.start).unwrap_or("x");
                    let same = self.sentence_of(prev.end().saturating_sub(1))
                        == self.sentence_of(first.start);
                    if same && gap.trim() == "," {
                        prev.content.extend(fragments);
                    }
                }
                continue;
            };
            if let Some((head, lead)) = a.content.split_last() {
                // the frame may start the content earlier ("that “…”") or
                // give a fragment before it ("After that, he said, “…”")
                let mut content = lead.to_vec();
                let mut quoted = fragments.clone();
                if let Some(f) = quoted.first_mut() {
                    f.start = f.start.min(head.start);
                }
                content.extend(quoted);
                a.content = content;
            }
            // A split quote ("“A,” he said, “B.”") shares its cue with the
            // quote before: one attribution with two fragments.
            if let Some(prev) = out
                .iter_mut()
                .rev()
                .find(|p| p.cue == a.cue && a.cue.is_some())
            {
                prev.content.extend(a.content);
                continue;
            }
            out.push(a);
        }
        out
    }

    /// True when a verb cue stands between `start` and `end`.
    fn cue_between(&self, start: usize, end: usize) -> bool {
        let i = self.cues.partition_point(|c| c.span.start < start);
        self.cues
            .get(i..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.span.end <= end)
            .any(|c| matches!(c.class, CueClass::Say | CueClass::Tell))
    }

    /// "“…,” X said" / "“…,” said X" / "“…,” according to X".
    pub(super) fn post_frame(&self, quote: Span) -> Option<Attribution> {
        let mut si = self.sentence_of(quote.end.checked_sub(1)?)?;
        let mut s = self.sentences.get(si)?;
        let mut i = s.token_at_or_after(quote.end);
        // “…,” he said / “…?” she asked: the quote ends its clause
        // (nested closing quotes too: "… ‘this is important,’ ”")
        let inner_end = self
            .word(quote)
            .trim_end_matches(|c: char| matches!(c, '"' | '”' | '\'' | '’') || c.is_whitespace())
            .chars()
            .next_back();
        // “… offensive!” Cruz said.: the splitter may end the sentence
        // inside the quote; the frame is then the next sentence
        if i >= s.tokens.len() && inner_end.is_some_and(|c| matches!(c, '?' | '!' | ',')) {
            let next = self.sentences.get(si + 1)?;
            let gap = self.text.get(quote.end..next.span.start)?;
            if gap.contains('\n') || !gap.trim().is_empty() {
                return None;
            }
            si += 1;
            s = next;
            i = 0;
        }
        if self.tok(si, i) == "," {
            i += 1;
        } else if !inner_end.is_some_and(|c| matches!(c, ',' | '?' | '!' | '—' | '-')) {
            // "“…” said Ann Lee": a verb of saying right after the quote
            // frames it even without a comma
            let said = s
                .tokens
                .get(i)
                .and_then(|t| self.cue_starting_at(t.start))
                .is_some_and(|h| h.inverts && h.class == CueClass::Say);
            if !said {
                return None;
            }
        }
        let first = i;
        while i < s.tokens.len() && i < first + MAX_POST_GAP {
            let w = self.tok(si, i);
            // "Mr." and "U.S." do not end the search; a sentence's last period does
            let abbreviation = w == "." && i > 0 && {
                let prev = self.tok(si, i - 1);
                prev.len() <= 3 && starts_upper(prev)
                    || prev.contains('.')
                    // a party tag: "McConnell, R-Ky., said"
                    || prev.split_once('-').is_some_and(|(p, st)| {
                        p.len() <= 2 && starts_upper(p) && starts_upper(st) && st.len() <= 5
                    })
            };
            // "Sanders' campaign manager": a possessive apostrophe
            let possessive = matches!(w, "'" | "’")
                && i > 0
                && self.tok(si, i - 1).ends_with('s')
                && s.tokens
                    .get(i - 1)
                    .zip(s.tokens.get(i))
                    .is_some_and(|(a, b)| a.end == b.start);
            if (is_quote_mark(w) && !possessive)
                || matches!(w, "!" | "?" | ";" | ":")
                || (w == "." && !abbreviation)
            {
                return None;
            }
            let here = s.tokens.get(i)?;
            if let Some(hit) = self.cue_starting_at(here.start) {
                let cue_end_tok = s.token_ending(hit.span.end)?;
                // "…,” Trump said: “…”": the cue introduces the next quote
                if self.tok(si, cue_end_tok + 1) == ":" {
                    return None;
                }
                return self
                    .post_source(si, first, i, cue_end_tok, hit)
                    .map(|(src, cue)| Attribution {
                        source: src,
                        cue: Some(cue),
                        content: vec![quote],
                        direct: true,
                        ..Attribution::default()
                    });
            }
            i += 1;
        }
        None
    }

    /// The source of a cue that follows its content: the noun phrase between
    /// `first` and the cue, else the one after the cue.
    pub(super) fn post_source(
        &self,
        si: usize,
        first: usize,
        cue_tok: usize,
        cue_end_tok: usize,
        hit: CueHit,
    ) -> Option<(Option<Span>, Span)> {
        let s = self.sentences.get(si)?;
        // a clause verb next to its quote is a cue ("“…,” Carson continued")
        if matches!(
            hit.class,
            CueClass::Infinitive | CueClass::Raising | CueClass::Noun
        ) {
            return None;
        }
        // aux words before the cue belong to it ("has said")
        let mut cs = cue_tok;
        while cs > first && self.class(si, cs - 1) == Some(WordClass::Aux) {
            cs -= 1;
        }
        let cue = Span::new(s.tokens.get(cs)?.start, hit.span.end);
        if cs > first && hit.class != CueClass::According {
            // NP between the quote and the cue, with its appositive and
            // trailing comma ("Michael Briggs, a spokesman for Sanders,
            // said"); a participle phrase stays out ("Mr Putin, dressed in a
            // hockey uniform, said").
            let mut end = cs;
            while end > first && self.is_adverb(self.tok(si, end - 1)) {
                end -= 1;
            }
            let mut np_end = first;
            while np_end < end && self.tok(si, np_end) != "," {
                np_end += 1;
            }
            let np = self.noun_phrase(si, first, np_end)?;
            let inner = self.tok(si, np_end + 1);
            let participle = inner.chars().next().is_some_and(char::is_lowercase)
                && (inner.ends_with("ed") || inner.ends_with("ing"));
            let aside = matches!(self.words.class(inner), Some(WordClass::Stop));
            if np_end + 1 < end && self.tok(si, end - 1) == "," && !participle && !aside {
                let last = s.tokens.get(end - 1)?;
                return Some((Some(Span::new(np.start, last.end)), cue));
            }
            return Some((Some(np), cue));
        }
        // "“…,” telling reporters …": a participle is no inverted frame
        if cs == first && !self.tok(si, cue_tok).ends_with("ing") {
            let src = self.np_right(si, cue_end_tok + 1);
            return src.map(|src| (Some(src), cue));
        }
        None
    }

    /// "X said: “…”" / "X added, “…”" / "X told reporters that “…”".
    pub(super) fn pre_frame(
        &self,
        first: Span,
        last: Span,
        earlier: &[Attribution],
    ) -> Option<Attribution> {
        let si = self.sentence_of(first.start)?;
        let s = self.sentences.get(si)?;
        // the quote must close its clause: the sentence ends, or a comma
        // follows ("said, “…,” promising …")
        let li = self.sentence_of(last.end.checked_sub(1)?)?;
        let ls = self.sentences.get(li)?;
        let after = ls.token_at_or_after(last.end);
        let comma_inside = self
            .word(last)
            .trim_end_matches(['"', '”', '\'', '’'])
            .ends_with(',');
        let clause_ends = comma_inside || self.tok(li, after) == ",";
        if !clause_ends
            && (after..ls.tokens.len()).any(|t| self.tok(li, t).chars().any(char::is_alphanumeric))
        {
            return None;
        }
        let qi = s.token_at_or_after(first.start);
        let mut j = qi;
        let mut content_start = first.start;
        if j > 0 && matches!(self.tok(si, j - 1), "," | ":") {
            j -= 1;
        }
        if j > 0 && self.tok(si, j - 1).eq_ignore_ascii_case("that") {
            j -= 1;
            content_start = s.tokens.get(j)?.start;
        }
        if j == 0 {
            return None;
        }
        // the cue, possibly with a hearer after it ("told reporters:")
        // or a phrase after it ("said of the voters, “…”", "told CNN on Sunday:")
        let mut hit = None;
        for back in 0..12 {
            let Some(t) = j.checked_sub(1 + back) else {
                break;
            };
            let tok = *s.tokens.get(t)?;
            if let Some(h) = self.cue_ending_at(tok.end) {
                let after = self.tok(si, t + 1);
                let phrase = matches!(after, "of" | "about" | "to")
                    || matches!(
                        self.words.class(after),
                        Some(WordClass::Lead | WordClass::Object | WordClass::Prep)
                    )
                    || starts_upper(after);
                let gap_ok = back == 0
                    || (h.class == CueClass::Tell && back < 4)
                    || (phrase && matches!(self.tok(si, j), "," | ":"));
                if gap_ok && matches!(h.class, CueClass::Say | CueClass::Tell | CueClass::Clause) {
                    hit = Some(h);
                }
                break;
            }
            let w = self.word(tok);
            let blocks = is_quote_mark(w)
                || matches!(w, "," | ";" | ":" | "." | "(" | ")")
                || matches!(
                    self.words.class(w),
                    Some(WordClass::Subject | WordClass::Verb | WordClass::Aux | WordClass::Stop)
                );
            if back >= 1 && blocks {
                break;
            }
        }
        let hit = hit?;
        if hit.class == CueClass::According {
            return None;
        }
        let ci = s.token_starting(hit.span.start)?;
        let (source, cue_start) = self
            .np_left(si, ci)
            .or_else(|| self.participle_subject(si, ci, earlier))?;
        let mut content = Vec::new();
        // "{The streets were deserted}, he added, “…”"
        if let Some(b) = s.token_starting(source.start) {
            if b > 0 && self.tok(si, b - 1) == "," && self.tok(si, j.saturating_sub(1)) == "," {
                if let Some(lead) = self.lead_content(si, b - 1, 1) {
                    if !self.quotes.iter().any(|q| q.span.overlaps(&lead)) {
                        content.push(lead);
                    }
                }
            }
        }
        content.push(Span::new(content_start, first.end));
        Some(Attribution {
            source: Some(source),
            cue: Some(Span::new(cue_start, hit.span.end)),
            content,
            direct: true,
            ..Attribution::default()
        })
    }

    pub(super) fn attach_partials(&self, out: &mut [Attribution]) {
        for a in out.iter_mut().filter(|a| !a.direct) {
            for q in &self.quotes {
                if a.content.iter().any(|c| c.contains(&q.span)) {
                    a.partial.push(q.span);
                }
            }
        }
    }

    /// A quote opening its sentence with no cue of its own continues the
    /// speaker of the attribution just before it.
    pub(super) fn cueless_quotes(&self, out: &mut Vec<Attribution>) {
        let mut extra = Vec::new();
        for (qi, q) in self.quotes.iter().enumerate() {
            if q.chain != qi {
                continue;
            }
            let covered = out
                .iter()
                .any(|a| a.content.iter().any(|c| c.overlaps(&q.span)))
                || out.iter().any(|a| {
                    a.source.is_some_and(|s| s.overlaps(&q.span))
                        || a.cue.is_some_and(|s| s.overlaps(&q.span))
                });
            if covered {
                continue;
            }
            let Some(si) = self.sentence_of(q.span.start) else {
                continue;
            };
            let opens = self
                .sentences
                .get(si)
                .and_then(|s| s.tokens.first())
                .is_some_and(|t| t.start == q.span.start);
            let words = self.word(q.span).split_whitespace().count();
            if !opens || words < 3 {
                continue;
            }
            let prev_end = out
                .iter()
                .filter(|a| a.end() <= q.span.start)
                .map(Attribution::end)
                .max();
            if prev_end.is_none_or(|e| q.span.start - e > MAX_INHERIT_DISTANCE) {
                continue;
            }
            let content: Vec<Span> = self
                .quotes
                .iter()
                .filter(|f| f.chain == qi)
                .map(|f| f.span)
                .collect();
            extra.push(Attribution {
                content,
                direct: true,
                inherited: true,
                ..Attribution::default()
            });
        }
        out.extend(extra);
    }
}
