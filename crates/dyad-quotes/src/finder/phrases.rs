//! Noun phrases around a cue: the source on its left ("Tad Devine, a top
//! adviser, said") or right ("said Larry Sabato, director of …"), the cue's
//! auxiliaries, and the subject a participle or a coordinated verb borrows.

use dyad_core::Span;

use super::*;

/// Aux words that may also be adjectives inside a noun phrase ("an
/// earlier report", "the first poll").
const NP_AUX: &[&str] = &["earlier", "first"];

/// Number words of a share ("three in four voters").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

/// Prepositions that may join a noun's modifier inside a source.
const INNER_PREPOSITIONS: &[&str] = &["to", "by", "from", "with"];

/// Quantifiers that stand alone for a group of speakers ("Some said …").
const QUANTIFIER_PRONOUNS: &[&str] = &[
    "some", "many", "both", "most", "several", "few", "others", "another", "all",
];

impl Finder<'_> {
    /// The first token of the cue starting at token `ci` once auxiliaries
    /// and adverbs join it ("has also said", "has since said").
    pub(super) fn aux_start(&self, si: usize, ci: usize) -> usize {
        // a progressive joins its "be" ("is telling", "are hoping")
        let progressive = {
            let w = self.tok(si, ci);
            w.len() > 5 && w.ends_with("ing") && w.chars().all(|c| c.is_ascii_lowercase())
        };
        let mut cs = ci;
        while cs > 0 {
            let w = self.tok(si, cs - 1);
            let since =
                w == "since" && cs >= 2 && matches!(self.tok(si, cs - 2), "has" | "have" | "had");
            let be = progressive && matches!(w, "is" | "are" | "was" | "were" | "am" | "been");
            // "Lee and Park both said": a floating quantifier after a noun
            // joins the cue, as PolNeAR marks it (train: 4 more exact
            // sources and cues, no loss)
            let floating = matches!(w, "both" | "all") && cs >= 2 && {
                let n = self.tok(si, cs - 2);
                n.chars().next().is_some_and(char::is_alphanumeric)
                    && !DETERMINERS.contains(&n.to_ascii_lowercase().as_str())
                    && matches!(self.words.class(n), None | Some(WordClass::Title))
            };
            if self.class(si, cs - 1) != Some(WordClass::Aux) && !since && !be && !floating {
                break;
            }
            cs -= 1;
        }
        cs
    }

    /// The source on the left of the cue starting at token `ci`, and where
    /// the cue starts once auxiliaries join it ("he has also said").
    pub(super) fn np_left(&self, si: usize, ci: usize) -> Option<(Span, usize)> {
        let (src, cue_start) = self.np_left_words(si, ci)?;
        // "In separate interviews, [three aides] said" (PolNeAR train: 2
        // more exact sources, none lost)
        let src = self.past_opening_phrase(si, src);
        // "he’s said", "Trump's argued": the contracted "has"/"is" joins
        // the cue, not the source
        let text = self.word(src);
        let clitic = ["’s", "'s", "’ve", "'ve", "’re", "'re"]
            .into_iter()
            .find(|c| text.len() > c.len() && text.ends_with(c));
        match clitic {
            Some(c) if cue_start == src.end || self.text.get(src.end..cue_start) == Some(" ") => {
                let at = src.end - c.len();
                Some((Span::new(src.start, at), at))
            }
            _ => Some((src, cue_start)),
        }
    }

    /// [`Self::np_left`] on whole tokens.
    fn np_left_words(&self, si: usize, ci: usize) -> Option<(Span, usize)> {
        let s = self.sentences.get(si)?;
        let cs = self.aux_start(si, ci);
        let cue_start = s.tokens.get(cs)?.start;
        let mut end = cs;
        while end > 0 && self.is_adverb(self.tok(si, end - 1)) {
            end -= 1;
        }
        // "Clinton on Tuesday said", "Bush in a Medium post said"
        if let Some(found) = self.time_phrase_before(si, end) {
            if let Some(b) = self.np_start(si, found) {
                let last = found.checked_sub(1)?;
                return Some((
                    Span::new(s.tokens.get(b)?.start, s.tokens.get(last)?.end),
                    cue_start,
                ));
            }
        }
        let last = end.checked_sub(1)?;
        if let Some(WordClass::Subject | WordClass::Relative) = self.class(si, last) {
            return Some((*s.tokens.get(last)?, cue_start));
        }
        if self.tok(si, last) == "," {
            let src = self.appositive_source(si, last)?;
            // "Mr. Lee took a cautious line, saying …": see
            // `clause_before_participle`; the participle then takes the
            // clause's subject
            if self.clause_before_participle(si, ci, last, src) {
                return None;
            }
            return Some((src, cue_start));
        }
        // "Donald Trump - who previously said … - said": the name before the aside
        if matches!(self.tok(si, last), "-" | "—" | "–" | "--") {
            let dash = self.tok(si, last);
            let p = (0..last).rev().find(|&t| self.tok(si, t) == dash)?;
            let b = self.np_start(si, p)?;
            // "Jim Sims — a teacher from Ames — says": an aside with no cue of
            // its own stays in the source, dashes included (PolNeAR train:
            // 46 such sources keep it, 23 leave it)
            let nested =
                (p + 1..last).any(|t| s.tokens.get(t).is_some_and(|tok| self.is_cue(*tok)));
            let end = if nested { p.checked_sub(1)? } else { last };
            return Some((
                Span::new(s.tokens.get(b)?.start, s.tokens.get(end)?.end),
                cue_start,
            ));
        }
        // "Residents who had lived there for years said"
        let b = self
            .np_start(si, end)
            .or_else(|| self.relative_source(si, end))?;
        Some((
            Span::new(s.tokens.get(b)?.start, s.tokens.get(last)?.end),
            cue_start,
        ))
    }

    /// The start of a short time or place phrase ending at token `end`
    /// ("on Tuesday", "last week", "in a statement"), when there is one.
    pub(super) fn time_phrase_before(&self, si: usize, end: usize) -> Option<usize> {
        let mut k = end;
        while k > 0 && end - k < 5 {
            let w = self.tok(si, k - 1);
            let lw = w.to_ascii_lowercase();
            // "4 in 10 say", "Six in 10 voters say" is a share, not a time phrase
            let share = lw == "in" && k >= 2 && {
                let n = self.tok(si, k - 2);
                n.chars().all(|c| c.is_ascii_digit() || c == '%')
                    || NUMBER_WORDS.contains(&n.to_ascii_lowercase().as_str())
            };
            if share {
                return None;
            }
            if matches!(
                lw.as_str(),
                "on" | "in" | "last" | "this" | "earlier" | "at" | "during"
            ) {
                return (k < end).then_some(k - 1).filter(|&b| b > 0);
            }
            if !(self.words.is(w, WordClass::Lead)
                || starts_upper(w)
                || w.chars().all(|c| c.is_ascii_digit()))
            {
                return None;
            }
            k -= 1;
        }
        None
    }

    /// "Tad Devine, a top adviser to Sanders, said" / "Scott Reed, who
    /// managed …, said": the name with its appositive and trailing comma
    /// (token `comma`); "Trump, however, said": the name alone.
    pub(super) fn appositive_source(&self, si: usize, comma: usize) -> Option<Span> {
        let s = self.sentences.get(si)?;
        let mut best: Option<usize> = None;
        let mut best_comma = comma;
        let mut nested = false;
        let mut c = comma;
        let floor = comma.saturating_sub(30);
        while c > floor {
            c -= 1;
            let w = self.tok(si, c);
            // "Sen. Ann Lee (D-Mo.), …": a short parenthesis before a comma
            // is part of the name
            if w == ")" && self.tok(si, c + 1) == "," {
                let open = (c.saturating_sub(6)..c)
                    .rev()
                    .find(|&t| self.tok(si, t) == "(");
                let start = open.and_then(|o| self.np_start(si, o));
                let opens = start.is_some_and(|b| {
                    b == 0 || matches!(self.tok(si, b - 1), "," | "and" | "but" | "And" | "But")
                });
                if let (Some(b), true) = (start, opens) {
                    if c + 1 == comma {
                        // "Kasich (R-OH), said": the name alone
                        return Some(Span::new(s.tokens.get(b)?.start, s.tokens.get(c)?.end));
                    }
                    best = Some(b);
                }
                break;
            }
            if is_quote_mark(w) || matches!(w, ";" | ":" | "(" | ")") {
                break;
            }
            // a cue may sit in a relative clause ("Graham, who says …,
            // tweeted"; "Lee, who has endorsed Cruz, said"), not before the name
            let cue_here = s.tokens.get(c).is_some_and(|t| self.is_cue(*t));
            let mut r = c;
            while r > 0 && self.class(si, r - 1) == Some(WordClass::Aux) {
                r -= 1;
            }
            let relative = r >= 1 && self.words.is(self.tok(si, r - 1), WordClass::Relative);
            // "Rubio, appearing on Fox News, said": a participle aside too
            let participle = r >= 1 && self.tok(si, r - 1) == "," && w.ends_with("ing");
            if cue_here && !relative && !participle {
                break;
            }
            // "Cruz, who says Trump is attacking him, said": the relative
            // clause is an attribution of its own, so the source is the name
            nested |= cue_here;
            if w != "," || c == 0 {
                continue;
            }
            let Some(b) = self.np_start(si, c) else {
                continue;
            };
            // the phrase opens the clause: sentence start, a comma or "and"/"but"
            // (not "After …", not a gerund "Making her way …")
            let before = if b == 0 { "" } else { self.tok(si, b - 1) };
            let gerund = self.tok(si, b).to_ascii_lowercase().ends_with("ing");
            let initial_adverb = b == 1 && self.class(si, 0) == Some(WordClass::Aux);
            let opens = !gerund
                && (b == 0
                    || initial_adverb
                    || matches!(before, "," | "and" | "but" | "And" | "But"));
            if opens {
                // "Salceda, citing data from …, said": a participle phrase
                // between the commas is not part of the source
                let inner = self.tok(si, c + 1);
                let participle = inner.chars().next().is_some_and(char::is_lowercase)
                    && (inner.ends_with("ing") || inner.ends_with("ed"));
                // "Trump, in Kentucky, said": a place or time aside too
                let aside = matches!(inner, "in" | "at" | "on" | "during" | "from");
                if participle || aside {
                    return Some(Span::new(s.tokens.get(b)?.start, s.tokens.get(c - 1)?.end));
                }
                best = Some(b);
                best_comma = c;
                // a single adverb between the commas ("Trump, however, said")
                // or a connective ("Lee, for her part, said")
                let aside = s
                    .tokens
                    .get(c + 1)
                    .zip(s.tokens.get(comma.saturating_sub(1)))
                    .and_then(|(a, z)| self.text.get(a.start..z.end))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let connective = comma > c + 1 && comma <= c + 4 && self.words.is_aside(&aside);
                if (comma == c + 2 && matches!(self.class(si, c + 1), Some(WordClass::Stop)))
                    || connective
                {
                    return Some(Span::new(s.tokens.get(b)?.start, s.tokens.get(c - 1)?.end));
                }
            }
        }
        let b = self.past_intro(si, best?, comma);
        if nested && best_comma < comma && best_comma > b {
            return Some(Span::new(
                s.tokens.get(b)?.start,
                s.tokens.get(best_comma - 1)?.end,
            ));
        }
        Some(Span::new(s.tokens.get(b)?.start, s.tokens.get(comma)?.end))
    }

    /// The start of an appositive source at token `b` without a fronted
    /// adverbial ("In October, [Mrs. Clinton, the nominee,] proposed";
    /// "Moreover, [Jeffrey Sachs, …,] noted"): past the first comma before
    /// `last_comma` when the phrase before it opens with a preposition, a
    /// time word, a connective or an "-ly" adverb.
    fn past_intro(&self, si: usize, b: usize, last_comma: usize) -> usize {
        let w = self.tok(si, b);
        let lw = w.to_ascii_lowercase();
        let intro = matches!(
            self.class(si, b),
            Some(WordClass::Prep | WordClass::Lead | WordClass::Aux)
        ) && !DETERMINERS.contains(&lw.as_str())
            || self.is_adverb(&lw)
            || matches!(
                lw.as_str(),
                "of" | "for" | "instead" | "moreover" | "similarly" | "meanwhile" | "ultimately"
            );
        if !intro {
            return b;
        }
        (b + 1..last_comma)
            .find(|&t| self.tok(si, t) == ",")
            .filter(|&c| c + 1 < last_comma && self.has_noun(si, c + 1, last_comma))
            .map_or(b, |c| c + 1)
    }

    /// Walk left from token `end` (exclusive) over a noun phrase; its first
    /// token, or `None` when the words there form a clause.
    pub(super) fn np_start(&self, si: usize, end: usize) -> Option<usize> {
        let mut b = end;
        while b > 0 {
            // "a strategy [some] believe" (see `contact_clause_start`)
            if b < end && self.contact_clause_start(si, b) {
                break;
            }
            let w = self.tok(si, b - 1);
            let punct = !w.chars().next().is_some_and(char::is_alphanumeric);
            if punct && !matches!(w, "." | "(" | ")" | "&" | "'" | "’" | "$" | "-" | "/" | "%") {
                break;
            }
            // "WASHINGTON (Reuters) - President Obama said": a spaced dash
            // (a dateline's, an aside's) is no part of a name
            if w == "-" && self.spaced(si, b - 1) {
                break;
            }
            // "Neither Lee nor Park said": "nor" joins conjuncts too
            // (PolNeAR train: 4 more exact sources)
            if matches!(w, "and" | "or" | "nor") && b < end {
                if let Some(k) = self.left_conjunct(si, b - 1) {
                    b = k;
                    break;
                }
            }
            // "About 4 in 10", "about half of voters": an approximation
            // opens the phrase
            let approx = matches!(
                w,
                "About" | "about" | "Nearly" | "nearly" | "Almost" | "almost"
            ) && (self
                .tok(si, b)
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
                || NUMBER_WORDS.contains(&self.tok(si, b).to_ascii_lowercase().as_str()))
                || matches!(self.tok(si, b), "half" | "one-third" | "two-thirds");
            match self.class(si, b - 1) {
                // "an adviser to Clinton", "a report by the agency": a
                // preposition after a noun is inside the phrase
                _ if b < end && self.inner_preposition(si, b - 1) => {}
                // "the author of that report": a demonstrative after a
                // preposition is a determiner, not a conjunction
                _ if b >= 2
                    && b < end
                    && matches!(w.to_ascii_lowercase().as_str(), "that" | "this")
                    && matches!(self.tok(si, b - 2), "of" | "for" | "at" | "in" | "on") => {}
                Some(WordClass::Stop | WordClass::Prep) if !approx => break,
                Some(WordClass::Verb) => return None,
                // "An earlier report said": an adjective-like aux may sit in
                // a noun phrase, other auxiliaries may not
                // "Even Rendell said", "Still, …": a sentence-initial adverb
                // opens the clause, outside the phrase
                Some(WordClass::Aux) if b == 1 && starts_upper(w) => break,
                Some(WordClass::Aux) if !NP_AUX.contains(&w.to_ascii_lowercase().as_str()) => {
                    return None
                }
                // "Democrats who watched the debate said": a subject
                // relative clause stays in the source with its noun (282 of
                // 462 such gold sources on PolNeAR train)
                Some(WordClass::Relative)
                    if b < end
                        && w.eq_ignore_ascii_case("who")
                        && self
                            .tok(si, b)
                            .chars()
                            .next()
                            .is_some_and(char::is_lowercase)
                        && !self.words.is(self.tok(si, b), WordClass::Subject) =>
                {
                    if let Some(k) = self
                        .np_start(si, b - 1)
                        .filter(|&k| end - k <= MAX_SOURCE_TOKENS)
                    {
                        return Some(k);
                    }
                    break;
                }
                // "… which Trump said", "a word Trump repeated"
                Some(WordClass::Subject | WordClass::Relative) if b < end => break,
                _ => {}
            }
            if self
                .sentences
                .get(si)
                .and_then(|s| s.tokens.get(b - 1))
                .is_some_and(|t| self.is_cue(*t))
            {
                return None;
            }
            b -= 1;
            if end - b > MAX_SOURCE_TOKENS {
                return None;
            }
        }
        // strip leading punctuation
        while b < end && !self.tok(si, b).chars().any(char::is_alphanumeric) {
            b += 1;
        }
        let approx_start = matches!(
            self.tok(si, b).to_ascii_lowercase().as_str(),
            "about" | "nearly" | "almost"
        );
        if (matches!(self.class(si, b), Some(WordClass::Prep)) && !approx_start)
            || (b..end).all(|t| matches!(self.class(si, t), Some(WordClass::Lead)))
        {
            return None;
        }
        // "Some said", "Many say": a quantifier alone stands for its people
        let alone = end == b + 1
            && QUANTIFIER_PRONOUNS.contains(&self.tok(si, b).to_ascii_lowercase().as_str());
        (b < end && (self.has_noun(si, b, end) || alone)).then_some(b)
    }

    /// True when token `p` has white space (or a text edge) on both sides.
    fn spaced(&self, si: usize, p: usize) -> bool {
        let Some(t) = self.sentences.get(si).and_then(|s| s.tokens.get(p)) else {
            return false;
        };
        // a run of dashes ("--") counts as one
        let gap = |c: char| c.is_whitespace() || c == '-';
        let before = self.text.get(..t.start).and_then(|x| x.chars().next_back());
        let after = self.text.get(t.end..).and_then(|x| x.chars().next());
        before.is_none_or(gap) && after.is_none_or(gap)
    }

    /// True when token `p` is a preposition that modifies the noun before
    /// it ("the head of the delegation to the forum", "a report by the
    /// agency", "voters with college degrees"): a noun or name before it,
    /// the start of a noun phrase after it.
    fn inner_preposition(&self, si: usize, p: usize) -> bool {
        let w = self.tok(si, p);
        if !INNER_PREPOSITIONS.contains(&w) || p == 0 {
            return false;
        }
        let before = self.tok(si, p - 1);
        let noun_before = before.chars().next().is_some_and(char::is_alphanumeric)
            && matches!(
                self.words.class(before),
                None | Some(WordClass::Title | WordClass::Object | WordClass::Evidence)
            )
            && !DETERMINERS.contains(&before.to_ascii_lowercase().as_str())
            && !self.is_adverb(before)
            && self
                .sentences
                .get(si)
                .and_then(|s| s.tokens.get(p - 1))
                .is_some_and(|t| !self.is_cue(*t));
        let after = self.tok(si, p + 1);
        let np_after = DETERMINERS.contains(&after.to_ascii_lowercase().as_str())
            || is_possessive(after)
            || (starts_upper(after) && !self.words.is(after, WordClass::Subject))
            || (after.chars().next().is_some_and(char::is_lowercase)
                && self.words.class(after).is_none()
                && !after.ends_with("ing"));
        noun_before && np_after
    }

    /// "Lawyers and trade experts said", "Farmers, traders and local
    /// officials say", "On Monday, Ms. Lee and Senator Ann Park urged", "He
    /// and his advisers have vowed": the first token of the conjuncts before the
    /// "and" at token `and`, when they are a noun phrase (names, titles,
    /// determiners, plain nouns and adjectives; a pronoun only right before
    /// the "and") that opens the sentence or follows a comma, a dash, a
    /// sentence adverb or a subordinator.
    fn left_conjunct(&self, si: usize, and: usize) -> Option<usize> {
        let mut b = and;
        while b > 0 && and - b < 8 {
            let w = self.tok(si, b - 1);
            let lw = w.to_ascii_lowercase();
            let class = self.words.class(w);
            // a plain lower-case word followed by a determiner is a verb or
            // preposition with its object ("won the state and …"): a clause
            let next_det =
                b < and && DETERMINERS.contains(&self.tok(si, b).to_ascii_lowercase().as_str());
            let plain_lower = w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && class.is_none()
                && !lw.ends_with("ed")
                && !lw.ends_with("ing")
                && !self.is_adverb(w)
                && !next_det;
            let nounish = starts_upper(w) && class.is_none()
                || w == ","
                || w.chars().all(|c| c.is_ascii_digit() || c == '%')
                || matches!(lw.as_str(), "of" | "in" | "the" | "some" | "most" | "many")
                || (b < and && DETERMINERS.contains(&lw.as_str()) && lw != "that")
                || (class == Some(WordClass::Title) && !next_det)
                || (b < and && matches!(w, "(" | ")"))
                // the period of an abbreviated title ("Mr.", "Sen.")
                || (w == "." && b >= 2 && self.class(si, b - 2) == Some(WordClass::Title))
                || (is_possessive(w) && starts_upper(w))
                || (b == and && class == Some(WordClass::Subject) && lw != "it")
                || plain_lower;
            if !nounish {
                break;
            }
            b -= 1;
            // a pronoun is the whole conjunct
            if self.words.is(self.tok(si, b), WordClass::Subject) {
                break;
            }
        }
        // "On Sunday, Mr. Rubio and …": the conjunct starts after the comma
        // that closes an opening phrase
        let mut after_comma = false;
        while b < and && self.tok(si, b) == "," {
            b += 1;
            after_comma = true;
        }
        if b == and || self.tok(si, b) == "(" {
            return None;
        }
        let opener = b.checked_sub(1).map(|p| self.tok(si, p));
        let opens = match opener {
            None => true,
            Some(w) => {
                after_comma
                    || matches!(
                        w,
                        "But" | "And" | "So" | "Yet" | "—" | "–" | "--" | ":" | ";"
                    )
                    || (w.chars().all(char::is_lowercase)
                        && matches!(self.words.class(w), Some(WordClass::Stop))
                        && !matches!(w, "and" | "or" | "nor"))
            }
        };
        // a single pronoun conjunct must open the clause itself
        let pronoun = self.words.is(self.tok(si, b), WordClass::Subject);
        let conjunct_ok = !pronoun || b + 1 == and;
        // "Farmers, traders, and officials say": a serial comma before the
        // "and" closes a list when an earlier comma opened it (PolNeAR
        // train: 2 more exact sources, none lost)
        let serial = (b + 1..and - 1).any(|t| self.tok(si, t) == ",");
        (opens && conjunct_ok && (serial || !self.tok(si, and - 1).eq(","))).then_some(b)
    }

    pub(super) fn has_noun(&self, si: usize, b: usize, e: usize) -> bool {
        (b..e).any(|t| {
            let w = self.tok(si, t);
            w.chars().next().is_some_and(char::is_alphanumeric)
                && !DETERMINERS.contains(&w.to_ascii_lowercase().as_str())
        })
    }

    /// A noun phrase over tokens `b..e` (no clause words), as a span.
    pub(super) fn noun_phrase(&self, si: usize, b: usize, e: usize) -> Option<Span> {
        if b >= e || e - b > MAX_SOURCE_TOKENS || !self.has_noun(si, b, e) {
            return None;
        }
        if (b..e).any(|t| {
            matches!(
                self.class(si, t),
                Some(WordClass::Stop | WordClass::Verb | WordClass::Aux)
            ) && !(t == b && self.words.is(self.tok(si, t), WordClass::Subject))
        }) {
            return None;
        }
        let s = self.sentences.get(si)?;
        Some(Span::new(s.tokens.get(b)?.start, s.tokens.get(e - 1)?.end))
    }

    /// The noun phrase starting at token `from` and running right: "said
    /// David Axelrod, who was …" keeps its relative clause.
    pub(super) fn np_right(&self, si: usize, from: usize) -> Option<Span> {
        let s = self.sentences.get(si)?;
        let n = s.tokens.len();
        let mut e = from;
        let mut first_comma = None;
        let mut closing_comma = false;
        while e < n {
            let w = self.tok(si, e);
            if w == "," {
                let next = self.tok(si, e + 1);
                // "said Scott Reed, who …": the relative clause too, unless
                // it reports speech of its own ("who says …"; see
                // `relative_tail`)
                if self.words.is(next, WordClass::Relative) {
                    if let Some(end) = self.relative_tail(si, e + 1) {
                        e = end;
                    }
                    break;
                }
                let appositive = next.chars().next().is_some_and(char::is_alphanumeric)
                    && !matches!(
                        self.words.class(next),
                        Some(
                            WordClass::Stop | WordClass::Subject | WordClass::Verb | WordClass::Aux
                        )
                    )
                    && !RIGHT_STOPS.contains(&next.to_ascii_lowercase().as_str());
                // "said Ann Lee, now a lawyer in Ames" (PolNeAR train: 6 more
                // exact sources, none lost)
                let appositive = appositive || self.dated_appositive(si, e + 1);
                if !appositive {
                    break;
                }
                first_comma.get_or_insert(e);
                e += 1;
                continue;
            }
            // after an appositive comma the rest of the sentence is the source
            // ("said Robert Reich, a secretary of labor during … who has …")
            let cue_here = e > from && s.tokens.get(e).is_some_and(|t| self.is_cue(*t));
            // "said one source who spoke on condition …", "said Lee, a
            // pollster who said …": a relative clause with no comma before
            // it ends the phrase when it reports speech of its own, else it
            // is part of the phrase ("said a donor who backs Cruz")
            if e > from && w.eq_ignore_ascii_case("who") {
                if let Some(end) = self.relative_tail(si, e) {
                    e = end;
                }
                break;
            }
            if first_comma.is_some() {
                if is_quote_mark(w) {
                    break;
                }
                if cue_here {
                    closing_comma =
                        e > from + 1 && self.tok(si, e - 1) == "," && first_comma != Some(e - 1);
                    break;
                }
                e += 1;
                if e - from > MAX_RIGHT_TOKENS {
                    e = first_comma?;
                    break;
                }
                continue;
            }
            if cue_here {
                break;
            }
            let punct = !w.chars().next().is_some_and(char::is_alphanumeric);
            // "a source close to the campaign"
            if w == "to" && e > from && self.tok(si, e - 1) == "close" {
                e += 1;
                continue;
            }
            // "said one source in the room": a place after a common noun
            // that opens with a determiner, not a time or medium ("in a
            // statement", "on Twitter"; PolNeAR train: 1 more exact source,
            // 2 closer; dev: 2 more exact)
            if matches!(w, "in" | "on" | "at")
                && e > from
                && DETERMINERS.contains(&self.tok(si, from).to_ascii_lowercase().as_str())
                && self.tok(si, e - 1).chars().all(|c| c.is_ascii_lowercase())
                && self.tok(si, e + 1) == "the"
                && {
                    let n = self.tok(si, e + 2);
                    n.chars().all(|c| c.is_ascii_lowercase())
                        && self.words.class(n).is_none()
                        && !self.words.is_adjunct(n)
                }
            {
                e += 1;
                continue;
            }
            if (punct && !matches!(w, "." | "(" | ")" | "&" | "'" | "’" | "-"))
                || (RIGHT_STOPS.contains(&w.to_ascii_lowercase().as_str())
                    && !(first_comma.is_some() && SOFT_STOPS.contains(&w)))
                || matches!(self.class(si, e), Some(WordClass::Verb | WordClass::Aux))
            {
                break;
            }
            e += 1;
            if e - from > MAX_RIGHT_TOKENS {
                e = first_comma?;
                break;
            }
        }
        // "said Peter Rice, chairman of Fox, noting …", "said Jeff Flake,
        // Republican of Arizona, who …", "…, in a statement": a closed
        // appositive keeps its closing comma (PolNeAR train)
        if e < n && self.tok(si, e) == "," && first_comma.is_some_and(|f| f != e) {
            e += 1;
            closing_comma = true;
        }
        let raw_end = e
            .checked_sub(1)
            .and_then(|l| s.tokens.get(l))
            .map(|t| t.end);

        while e > from
            && !self.tok(si, e - 1).chars().any(char::is_alphanumeric)
            && !(closing_comma && self.tok(si, e - 1) == ",")
        {
            e -= 1;
        }
        if e <= from || !self.has_noun(si, from, e) {
            return None;
        }
        let start = s.tokens.get(from)?.start;
        let mut end = s.tokens.get(e - 1)?.end;
        // "said Sen. Ann Lee (D-Va.)", "said Tom Hale Jr.": a parenthesis
        // keeps its closing mark and "Jr."/"Sr." their period (a state's
        // period, "of Ames, Iowa.", is kept by as many gold sources as drop
        // it on PolNeAR train, so it goes with the sentence)
        if let Some(raw) = raw_end.filter(|&r| r > end) {
            let mut kept = trim_content_end(self.text, start, raw);
            // the sentence's period after the parenthesis goes
            if self
                .text
                .get(start..kept)
                .is_some_and(|x| x.ends_with(")."))
            {
                kept -= 1;
            }
            let extra = self.text.get(end..kept).unwrap_or("");
            let suffix = matches!(self.tok(si, e - 1), "Jr" | "Sr");
            if kept > end
                && extra.chars().all(|c| matches!(c, '.' | ')'))
                && (extra.contains(')') || suffix)
            {
                end = kept;
            }
        }
        Some(Span::new(start, end))
    }

    /// "Mr Lavrov met …, saying …": a participle cue after a comma takes the
    /// sentence's subject.
    pub(super) fn participle_subject(
        &self,
        si: usize,
        ci: usize,
        earlier: &[Attribution],
    ) -> Option<(Span, usize)> {
        let s = self.sentences.get(si)?;
        let cue = self.tok(si, ci);
        let cs = self.aux_start(si, ci);
        let prev = cs.checked_sub(1).map_or("", |p| self.tok(si, p));
        let participle = cue.ends_with("ing") && cs == ci && prev == ",";
        let coordinated = prev.eq_ignore_ascii_case("and") || prev.eq_ignore_ascii_case("but");
        if !(participle || coordinated) {
            return None;
        }
        let ci = cs;
        let cue_start = s.tokens.get(ci)?.start;
        // "“…,” he said, adding …": the speaker of the sentence's last frame
        // (a quote's frame that opened before this sentence counts when it
        // ends inside it: "“… I know. We will win,” he said, adding …", not
        // "We"; PolNeAR train: 16 fewer spurious sources)
        let before_cue = |a: &&Attribution| a.end() <= cue_start && a.end() > s.span.start;
        let mut prior: Vec<&Attribution> = earlier
            .iter()
            .chain(self.framed.iter())
            .filter(before_cue)
            .collect();
        prior.sort_by_key(|a| a.end());
        if let Some(last) = prior.last() {
            return last.source.map(|src| (src, cue_start));
        }
        let mut b = 0;
        loop {
            while b < ci
                && (matches!(self.class(si, b), Some(WordClass::Stop)) || self.tok(si, b) == ",")
            {
                b += 1;
            }
            // an opening adverbial ("Last month,", "On Tuesday,", "In Iowa,")
            let mut k = b;
            while k < ci && self.tok(si, k) != "," {
                let w = self.tok(si, k);
                let adverbial =
                    matches!(self.words.class(w), Some(WordClass::Lead | WordClass::Prep))
                        || starts_upper(w)
                        || w.chars().all(|c| c.is_ascii_digit());
                if !adverbial || k - b > 5 {
                    break;
                }
                k += 1;
            }
            if k > b && k < ci && self.tok(si, k) == "," {
                b = k + 1;
                continue;
            }
            // a longer opening phrase ("By the end of the day,", "Hours
            // later,"; PolNeAR train, with the next rule: 17 more exact
            // sources, 18 fewer predicted)
            if let Some(k) = self.opening_phrase_end(si, b, ci) {
                b = k + 1;
                continue;
            }
            break;
        }
        // "By Sunday she had cancelled …, citing …"
        if let Some(k) = self.subject_after_opener(si, b, ci) {
            return Some((*s.tokens.get(k)?, s.tokens.get(ci)?.start));
        }
        if let Some(WordClass::Subject) = self.class(si, b) {
            return Some((*s.tokens.get(b)?, s.tokens.get(ci)?.start));
        }
        let mut e = b;
        while e < ci {
            let w = self.tok(si, e);
            let ok = starts_upper(w)
                || DETERMINERS.contains(&w.to_ascii_lowercase().as_str())
                || matches!(w, "." | "'s" | "’s" | "of" | "-")
                || self.words.is(w, WordClass::Title);
            if !ok {
                break;
            }
            e += 1;
        }
        if e == b || e >= ci || !self.has_noun(si, b, e) {
            return None;
        }
        Some((
            Span::new(s.tokens.get(b)?.start, s.tokens.get(e - 1)?.end),
            s.tokens.get(ci)?.start,
        ))
    }
}
