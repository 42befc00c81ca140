//! One sentence prepared for matching: its tokens (lowercased) and the actor
//! mentions that fall inside it, mapped to token positions.

use dyad_core::{tokenize, Document, EntityKind, Span, Token};

/// An entity mention inside the sentence.
#[derive(Debug, Clone, Copy)]
pub struct SentMention {
    /// Index into `doc.entities`.
    pub entity: usize,
    /// First token of the mention.
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    pub span: Span,
}

/// A sentence's tokens and mentions.
#[derive(Debug)]
pub struct Sentence<'a> {
    pub doc: &'a Document,
    pub span: Span,
    pub tokens: Vec<Token>,
    /// The tokens lowercased, concatenated (see [`Sentence::word`]).
    lower: String,
    ranges: Vec<(usize, usize)>,
    pub mentions: Vec<SentMention>,
    /// For each token, the mention it belongs to.
    pub token_mention: Vec<Option<usize>>,
}

/// Document mentions sorted by start: `(start, end, entity index)`.
pub fn sorted_mentions(doc: &Document) -> Vec<(usize, usize, usize)> {
    let mut all: Vec<(usize, usize, usize)> = doc
        .entities
        .iter()
        .enumerate()
        .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    all.sort_unstable();
    all
}

impl<'a> Sentence<'a> {
    /// Tokenize `span` of `doc` and attach the mentions of `all` (from
    /// [`sorted_mentions`]) that start inside it.
    pub fn new(doc: &'a Document, span: Span, all: &[(usize, usize, usize)]) -> Self {
        let text = doc.span_text(span);
        let tokens = tokenize(text, span.start);
        // one lowercase copy of the sentence; token i is lower[ranges[i]]
        let mut lower = String::with_capacity(text.len());
        let mut ranges = Vec::with_capacity(tokens.len());
        for t in &tokens {
            let w = doc.span_text(t.span);
            let start = lower.len();
            if w.is_ascii() {
                lower.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
            } else {
                lower.push_str(&w.to_lowercase().replace('’', "'"));
            }
            ranges.push((start, lower.len()));
        }
        let mut token_mention = vec![None; tokens.len()];
        let mut mentions = Vec::new();
        let first = all.partition_point(|m| m.0 < span.start);
        for &(start, end, entity) in all.iter().skip(first) {
            if start >= span.end {
                break;
            }
            let ts = tokens.partition_point(|t| t.span.start < start);
            let te = tokens.partition_point(|t| t.span.start < end.min(span.end));
            if ts >= te
                || token_mention
                    .get(ts..te)
                    .is_none_or(|s| s.iter().any(Option::is_some))
            {
                continue;
            }
            let idx = mentions.len();
            for slot in token_mention.iter_mut().take(te).skip(ts) {
                *slot = Some(idx);
            }
            mentions.push(SentMention {
                entity,
                start: ts,
                end: te,
                span: Span::new(start, end),
            });
        }
        Sentence {
            doc,
            span,
            tokens,
            lower,
            ranges,
            mentions,
            token_mention,
        }
    }

    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// The lowercase token at `i` ("" past the end).
    pub fn word(&self, i: usize) -> &str {
        self.ranges
            .get(i)
            .and_then(|&(a, b)| self.lower.get(a..b))
            .unwrap_or("")
    }

    /// The mention starting exactly at token `i`.
    pub fn mention_starting(&self, i: usize) -> Option<usize> {
        let m = (*self.token_mention.get(i)?)?;
        (self.mentions.get(m)?.start == i).then_some(m)
    }

    /// The mention ending exactly after token `i`.
    pub fn mention_ending(&self, i: usize) -> Option<usize> {
        let m = (*self.token_mention.get(i)?)?;
        (self.mentions.get(m)?.end == i + 1).then_some(m)
    }

    /// The entity kind of mention `m`.
    pub fn kind(&self, m: usize) -> Option<EntityKind> {
        let e = self.mentions.get(m)?.entity;
        Some(self.doc.entities.get(e)?.kind)
    }

    /// True when mention `m` is a place introduced by "in"/"at" — the
    /// event's location rather than an actor.
    pub fn is_location_phrase(&self, m: usize) -> bool {
        self.location_preposition(m).is_some()
    }

    /// True when mention `m` names the place of a following noun ("the Thai
    /// border", "Syrian territory"): a place, not an actor doing something.
    pub fn is_place_modifier(&self, m: usize) -> bool {
        self.mentions.get(m).is_some_and(|x| {
            matches!(
                self.word(x.end),
                "border"
                    | "borders"
                    | "frontier"
                    | "territory"
                    | "soil"
                    | "coast"
                    | "waters"
                    | "airspace"
                    | "side"
            )
        })
    }

    /// The token index of the "in"/"at" that makes mention `m` a place phrase.
    pub fn location_preposition(&self, m: usize) -> Option<usize> {
        let mention = self.mentions.get(m)?;
        let place = matches!(
            self.kind(m),
            Some(EntityKind::Location | EntityKind::Country)
        );
        let mut i = mention.start;
        // skip a determiner: "in the Oval Office"
        if i > 0 && self.word(i - 1) == "the" {
            i -= 1;
        }
        let prep = i > 0
            && matches!(
                self.word(i - 1),
                "in" | "at" | "near" | "outside" | "inside"
            );
        (place && prep).then(|| i - 1)
    }
}

/// Tokens that end a clause for the target search.
pub fn is_clause_break(w: &str) -> bool {
    matches!(
        w,
        "," | ";"
            | ":"
            | "."
            | "("
            | ")"
            | "who"
            | "which"
            | "whose"
            | "while"
            | "but"
            | "—"
            | "–"
            | "?"
            | "!"
    )
}

/// Tokens a gap never crosses.
pub fn is_hard_break(w: &str) -> bool {
    matches!(w, ";" | "." | "?" | "!" | ":")
}
