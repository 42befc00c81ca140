//! Finding attributions in one document: direct quotes framed by a cue
//! ("“…,” he said"; "He added: “…”"), indirect speech ("X said (that) …",
//! "…, X said", "according to X, …"), partial quotes inside indirect speech,
//! and cue-less quote paragraphs that continue the previous speaker.

mod asked_by;
mod connective;
mod contact;
mod cue_frames;
mod dangling;
mod dash_colon;
mod direct;
mod evidence;
mod final_fallback;
mod finding;
mod indirect;
mod line_break;
mod naming;
mod negation;
mod object_relative;
mod opener;
mod passive_ask;
mod phrases;
mod prep_participle;
mod relative_source;
mod relative_tail;
mod reportedly;
mod see_as;
mod seem;

use dyad_core::{Document, Span};

use crate::attribution::Attribution;
use crate::lexicon::{CueClass, CueHit, CueLexicon};
use crate::marks::{find_quotes, QuoteSpan};
use crate::sentence::{sentence_spans, Sentence};
use crate::words::{WordClass, Words};

/// Longest noun phrase taken as a source, in tokens.
const MAX_SOURCE_TOKENS: usize = 18;
/// Longest source after its cue ("said Larry Sabato, director of …").
const MAX_RIGHT_TOKENS: usize = 40;
/// How far after a quote its cue may stand, in tokens.
const MAX_POST_GAP: usize = 25;
/// Longest tail after a sentence-final cue ("…, Trump said on Tuesday in Iowa").
const MAX_TAIL_TOKENS: usize = 8;
/// How far (bytes) a cue-less quote may stand from the previous attribution.
const MAX_INHERIT_DISTANCE: usize = 1500;

/// Determiners and possessives that may open a noun phrase.
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "that", "some", "many", "several", "other", "another", "both", "most", "all", "one", "two",
    "three", "few", "more",
];

/// Words that end a noun phrase on its right ("said Trump in Iowa").
const RIGHT_STOPS: &[&str] = &[
    "in",
    "on",
    "at",
    "during",
    "after",
    "before",
    "while",
    "when",
    "last",
    "yesterday",
    "today",
    "earlier",
    "this",
    "as",
    "to",
    "and",
    "but",
    "because",
];

/// Day names, which end a noun-phrase content ("endorsed Cruz on Monday").
const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Right stops that an appositive may contain ("director of the project
/// at the University of Texas").
const SOFT_STOPS: &[&str] = &["in", "at", "to", "and"];

/// The finder's view of one document.
pub struct Finder<'a> {
    text: &'a str,
    words: &'a Words,
    sentences: Vec<Sentence>,
    quotes: Vec<QuoteSpan>,
    cues: Vec<CueHit>,
    consumed: Vec<Span>,
    /// Attributions of the direct-quote pass.
    framed: Vec<Attribution>,
}

impl<'a> Finder<'a> {
    /// Prepare a document: sentences, tokens, quote marks and cues.
    pub fn new(doc: &'a Document, lexicon: &CueLexicon, words: &'a Words) -> Self {
        let text = doc.text.as_str();
        let paragraphs = if doc.paragraphs.is_empty() {
            vec![Span::new(0, text.len())]
        } else {
            doc.paragraphs.clone()
        };
        let quotes = find_quotes(text, &paragraphs);
        let cues: Vec<CueHit> = lexicon
            .find(text, 0)
            .into_iter()
            .filter(|c| !capitalised_mid_sentence(text, c.span))
            .filter(|c| !naming::names_a_thing(text, words, c.span))
            .filter_map(|mut c| {
                // "his claims that …": a noun after a possessive
                let noun = c.class == CueClass::Noun || c.noun_too;
                if noun && after_possessive(text, words, c.span) {
                    c.class = CueClass::Noun;
                    return Some(c);
                }
                let keep = c.class != CueClass::Noun
                    && (!c.noun_too
                        || verb_position(text, words, c.span)
                        || finding::record_subject_before(text, words, c.span));
                keep.then_some(c)
            })
            .collect();
        // only sentences with a cue, a quote or a colon need their tokens
        let sentences: Vec<Sentence> = sentence_spans(doc)
            .into_iter()
            .map(|s| {
                let i = cues.partition_point(|c| c.span.end <= s.start);
                let has_cue = cues.get(i).is_some_and(|c| c.span.start < s.end);
                let has_quote = quotes.iter().any(|q| q.span.overlaps(&s));
                let slice = s.slice(text).unwrap_or("");
                let has_colon = slice.contains(':');
                // "In a CNN poll released Monday, …"
                let has_poll = slice.contains(" poll") || slice.contains(" survey");
                // "The firm has reportedly …" (a source-less cue)
                let has_hearsay = slice.contains("eportedly");
                if has_cue || has_quote || has_colon || has_poll || has_hearsay {
                    Sentence::new(text, s)
                } else {
                    Sentence {
                        span: s,
                        tokens: Vec::new(),
                    }
                }
            })
            .collect();
        Finder {
            text,
            words,
            sentences,
            quotes,
            cues,
            consumed: Vec::new(),
            framed: Vec::new(),
        }
    }

    /// All attributions, in text order.
    pub fn find(mut self) -> Vec<Attribution> {
        let mut out = self.direct_quotes();
        for a in &out {
            self.consumed.extend(consumed_parts(a));
        }
        self.framed = out.clone();
        for si in 0..self.sentences.len() {
            let found = self.indirect_in(si);
            out.extend(found);
        }
        out.sort_by_key(|a| a.start());
        self.attach_partials(&mut out);
        self.cueless_quotes(&mut out);
        for a in &mut out {
            self.take_colon(a);
            self.drop_connectives(a);
            self.source_on_one_line(a);
            self.source_without_negation(a);
            dangling::drop_final_coordinator(self.text, a);
        }
        out.sort_by_key(|a| a.start());
        out
    }

    /// "He said: “…”": a colon right after a word cue belongs to the cue
    /// when the content follows it.
    fn take_colon(&self, a: &mut Attribution) {
        let Some(cue) = a.cue else { return };
        let colon = Span::new(cue.end, cue.end + 1);
        let word_cue = self
            .word(cue)
            .chars()
            .next_back()
            .is_some_and(char::is_alphabetic);
        if word_cue
            && self.word(colon) == ":"
            && a.content.first().is_some_and(|c| c.start >= colon.end)
        {
            a.cue = Some(Span::new(cue.start, colon.end));
        }
    }

    fn word(&self, span: Span) -> &'a str {
        span.slice(self.text).unwrap_or("")
    }

    fn tok(&self, si: usize, ti: usize) -> &'a str {
        self.sentences
            .get(si)
            .and_then(|s| s.tokens.get(ti))
            .map_or("", |t| self.word(*t))
    }

    fn class(&self, si: usize, ti: usize) -> Option<WordClass> {
        self.words.class(self.tok(si, ti))
    }

    fn sentence_of(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        let s = self.sentences.get(i)?;
        (s.span.start <= pos).then_some(i)
    }

    fn cue_ending_at(&self, end: usize) -> Option<CueHit> {
        let i = self.cues.partition_point(|c| c.span.end < end);
        self.cues.get(i).filter(|c| c.span.end == end).copied()
    }

    fn cue_starting_at(&self, start: usize) -> Option<CueHit> {
        let i = self.cues.partition_point(|c| c.span.start < start);
        self.cues.get(i).filter(|c| c.span.start == start).copied()
    }

    /// True when a cue covers part of `span` (cues are sorted and disjoint).
    fn is_cue(&self, span: Span) -> bool {
        let i = self.cues.partition_point(|c| c.span.end <= span.start);
        self.cues.get(i).is_some_and(|c| c.span.overlaps(&span))
    }

    fn is_consumed(&self, span: Span) -> bool {
        self.consumed.iter().any(|c| c.overlaps(&span))
    }

    /// The index just past the last token of sentence `si` that holds a
    /// letter or digit (the sentence without its closing punctuation), not
    /// below `floor` (unless the sentence is shorter).
    fn words_end(&self, si: usize, floor: usize) -> usize {
        let n = self.sentences.get(si).map_or(0, |s| s.tokens.len());
        let mut end = n;
        while end > floor && !self.tok(si, end - 1).chars().any(char::is_alphanumeric) {
            end -= 1;
        }
        end
    }

    /// An "-ly" adverb between a source and its cue ("Lee repeatedly
    /// said"), not a noun in "-ly" ("his family said": PolNeAR train, 3
    /// more exact sources, dev 2).
    fn is_adverb(&self, w: &str) -> bool {
        is_ly_adverb(w) && !self.words.is_ly_noun(w)
    }

    fn inside_quote(&self, span: Span) -> bool {
        self.quotes.iter().any(|q| q.span.contains(&span))
    }
}

/// The text a direct attribution takes from the indirect pass: its source,
/// its contents and everything from its cue on, but not the words between
/// a source and a later cue ("Lee said the members will meet, but said,
/// “…”": the first "said" stays free).
fn consumed_parts(a: &Attribution) -> Vec<Span> {
    let Some(cue) = a.cue else {
        return vec![Span::new(a.start(), a.end())];
    };
    let mut parts: Vec<Span> = a
        .source
        .into_iter()
        .chain(a.content.iter().copied())
        .collect();
    parts.push(Span::new(cue.start, a.end().max(cue.end)));
    parts
}

/// "Secretary of State", "Reports": a capitalised cue inside a sentence is
/// a name, not a verb.
fn capitalised_mid_sentence(text: &str, span: Span) -> bool {
    let upper = text
        .get(span.start..)
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase);
    let prev = text
        .get(..span.start)
        .and_then(|t| t.trim_end().chars().next_back());
    upper
        && prev.is_some_and(|c| c.is_alphanumeric() || matches!(c, ',' | '(' | '-'))
        && !title_case_line(text, span)
}

/// True when the line around `span` is a headline in title case ("Some Say
/// It Proves She Cheated").
fn title_case_line(text: &str, span: Span) -> bool {
    let start = text
        .get(..span.start)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(span.end..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| span.end + i);
    let line = text.get(start..end).unwrap_or("");
    let words: Vec<&str> = line
        .split_whitespace()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic))
        .collect();
    let upper = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    words.len() >= 3 && words.len() <= 20 && upper * 4 >= words.len() * 3
}

/// For a cue that is also a noun: true when the word before it (past
/// auxiliaries) is a pronoun, a finding noun ("the poll shows"), a
/// capitalised name or a closing quote — the place of a verb ("Trump
/// states", "he notes"), not of a noun ("the states").
fn verb_position(text: &str, words: &Words, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let form = text.get(span.start..span.end).unwrap_or("");
    let next = text
        .get(span.end..)
        .and_then(|t| t.split_whitespace().next())
        .unwrap_or("");
    // "…, a GOP consultant, notes that": after an appositive, before "that"
    if before.trim_end().ends_with(',') && next.eq_ignore_ascii_case("that") {
        return true;
    }
    for w in before.split_whitespace().rev().take(4) {
        if words.is(w, WordClass::Aux) {
            continue;
        }
        if w.ends_with(['”', '"', '\'']) || w.ends_with(",”") {
            return true;
        }
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        if bare.len() != w.len() {
            return false;
        }
        // "voters fear", "supporters claim": a plural noun and a base form
        let plural_subject = !form.ends_with('s') && is_plural_noun(words, bare);
        return plural_subject
            || matches!(
                words.class(bare),
                Some(WordClass::Subject | WordClass::Relative | WordClass::Evidence)
            )
            || (starts_upper(bare)
                && !DETERMINERS.contains(&bare.to_ascii_lowercase().as_str())
                && words.class(bare).is_none());
    }
    false
}

/// Possessive pronouns that can stand for a source ("his claim").
const POSSESSIVES: &[&str] = &["his", "her", "their", "its", "our", "my"];

/// True for a possessive word: "his", "Trump's", "voters’".
fn is_possessive(w: &str) -> bool {
    POSSESSIVES.contains(&w.to_ascii_lowercase().as_str())
        || ["'s", "’s", "s'", "s’"]
            .iter()
            .any(|e| w.len() > e.len() && w.ends_with(e))
}

/// True when a possessive stands before `span`, past at most two plain
/// modifiers ("his long support for", "Trump's repeated attacks on").
fn after_possessive(text: &str, words: &Words, span: Span) -> bool {
    let before = text.get(..span.start).unwrap_or("");
    let form = text.get(span.start..span.end).unwrap_or("");
    for (k, w) in before.split_whitespace().rev().take(3).enumerate() {
        if is_possessive(w) {
            return true;
        }
        // "his backers fear that": a plural noun and a base form make a
        // subject and its verb, not a possessive's noun
        if k == 0 && is_plural_noun(words, w) && !form.ends_with('s') {
            return false;
        }
        let plain = w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
            && words.class(w).is_none()
            && !DETERMINERS.contains(&w);
        if !plain || k == 2 {
            return false;
        }
    }
    false
}

/// True when `w` looks like a plural common noun ("voters", "allies"):
/// lower case, longer than three letters, ending in a single "s", of no
/// function-word class.
fn is_plural_noun(words: &Words, w: &str) -> bool {
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && w.chars().all(|c| c.is_ascii_lowercase())
        && words.class(w).is_none()
        && !DETERMINERS.contains(&w)
}

fn is_quote_mark(w: &str) -> bool {
    matches!(w, "\"" | "“" | "”" | "'" | "`" | "‘" | "’")
}

fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn is_ly_adverb(w: &str) -> bool {
    w.len() > 4 && w.ends_with("ly") && w.chars().all(|c| c.is_ascii_lowercase())
}

/// The end of a content ending before `end`: without the sentence's final
/// period, comma or dash (a closing quote mark keeps what it closes).
pub fn trim_content_end(text: &str, start: usize, end: usize) -> usize {
    let mut e = end;
    while e > start {
        let Some(c) = text.get(start..e).and_then(|t| t.chars().next_back()) else {
            break;
        };
        if c == '.' && ends_with_abbreviation(text.get(start..e - 1).unwrap_or("")) {
            break;
        }
        // "(…, he said that the timing was unrelated.)": a parenthesis
        // opened before the content is not part of it (PolNeAR train: 34
        // gold contents stop before such a ".)", 7 keep it)
        let unbalanced = c == ')' && !text.get(start..e).is_some_and(|t| t.contains('('));
        if unbalanced || c.is_whitespace() || matches!(c, '.' | ',' | ';' | ':' | '—' | '-' | '–')
        {
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    e
}

/// True when `text` ends with an abbreviation whose period is its own
/// ("U.S", "Calif", "Jr").
fn ends_with_abbreviation(text: &str) -> bool {
    let word = text
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    if word.contains('.') && word.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

/// Abbreviations written with a final period.
const ABBREVIATIONS: &[&str] = &[
    "Calif", "Mass", "Fla", "Ga", "Pa", "Va", "Wash", "Ill", "Mich", "Minn", "Wis", "Tenn", "Tex",
    "Ariz", "Colo", "Conn", "Ky", "La", "Md", "Mo", "Nev", "Okla", "Ore", "Jr", "Sr", "Inc",
    "Corp", "Co", "Ltd", "St", "Dr", "Mr", "Mrs", "Ms", "Gen", "Gov", "Sen", "Rep", "etc",
];

/// Words after a dash that open an aside, not more of the content.
const ASIDE_OPENERS: &[&str] = &[
    "a",
    "an",
    "the",
    "something",
    "which",
    "who",
    "including",
    "even",
    "one",
    "not",
];
