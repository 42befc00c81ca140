//! Statistical named-entity recogniser (PER/ORG/LOC/MISC) over tokens.
//!
//! A structured averaged perceptron over BILOU tags, decoded by a small beam
//! search (4 paths, recombined on the last tag), with hashed
//! features of the words around each token (forms, shapes, affixes,
//! capitalisation), the two previous tags, gazetteer matches from the lists
//! in `data/ner/`, and what earlier sentences of the document said about the
//! same word. Trained on CoNLL-2003 by `dyad train ner`; the weights ship in
//! `data/models/ner-conll2003.bin` (see its `PROVENANCE.md`) and are held
//! as 8-bit rows beside their keys (see `weights.rs`). Whole sentences are
//! tagged with [`NerModel::tag_sentences`]; the actors stage tags only
//! stretches of them with [`NerModel::tag_windows`].
//!
//! ```no_run
//! use dyad_actors::ner::NerModel;
//! let model = NerModel::embedded()?;
//! let text = "Peter Blackburn reports from Brussels for Reuters.";
//! let tokens = dyad_core::tokenize(text, 0);
//! for e in model.tag(text, &tokens) {
//!     println!("{:?} {}", e.label, &text[e.span.start..e.span.end]);
//! }
//! # Ok::<(), dyad_actors::ner::NerError>(())
//! ```

mod clusters;
mod decode;
mod features;
mod hash;
mod lexicon;
mod tags;
mod train;
mod weights;

use std::path::{Path, PathBuf};

use dyad_core::{Span, Token};

pub use train::{train, LabeledDoc, LabeledSentence, TrainConfig, TrainSummary};

use decode::History;
use features::TokInfo;
use lexicon::Lexicon;
use tags::N_TAGS;
use weights::Weights;

/// The model shipped with dyad.
const EMBEDDED: &[u8] = include_bytes!("../../../../data/models/ner-conll2003.bin");

/// Titles dropped from the start of a person's span.
const HONORIFICS: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "Messrs", "Mme", "Mlle"];

/// Margin (perceptron units) that maps to a score of 0.73 (logistic of 1).
const SCORE_TEMPERATURE: f64 = 16.0;

/// Entity classes of CoNLL-2003.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NerLabel {
    Per = 0,
    Org = 1,
    Loc = 2,
    Misc = 3,
}

impl NerLabel {
    /// All labels, in tag order.
    pub const ALL: [NerLabel; 4] = [NerLabel::Per, NerLabel::Org, NerLabel::Loc, NerLabel::Misc];

    /// The CoNLL name: `PER`, `ORG`, `LOC`, `MISC`.
    pub fn as_str(self) -> &'static str {
        match self {
            NerLabel::Per => "PER",
            NerLabel::Org => "ORG",
            NerLabel::Loc => "LOC",
            NerLabel::Misc => "MISC",
        }
    }

    /// Parse a CoNLL name.
    pub fn from_conll(name: &str) -> Option<Self> {
        NerLabel::ALL.into_iter().find(|l| l.as_str() == name)
    }
}

/// One recognised entity.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NerSpan {
    /// Byte span in the text, from the first token's start to the last
    /// token's end (without a possessive "'s" glued to it).
    pub span: Span,
    pub label: NerLabel,
    /// Confidence in `[0, 1]` (not calibrated): `1 / (1 + exp(-m / 16))`,
    /// where `m` is the smallest margin, over the entity's tokens, between the
    /// chosen tag and the best other tag allowed after the same previous tag.
    pub score: f32,
}

/// Errors loading a model.
#[derive(Debug, thiserror::Error)]
pub enum NerError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("invalid NER model: {0}")]
    Format(String),
    #[error(
        "NER model built for other features or word lists (model {model:016x}, this build {build:016x}): retrain with `dyad train ner`"
    )]
    Incompatible { model: u64, build: u64 },
    #[error("nothing to train on")]
    NoData,
}

/// A trained recogniser with its gazetteers.
#[derive(Debug)]
pub struct NerModel {
    weights: Weights,
    lexicon: Lexicon,
    clusters: clusters::Clusters,
    allowed: [[u32; 2]; N_TAGS + 1],
    transitions: Transitions,
}

/// Scores of the tag-only features for every (previous, before previous)
/// tag pair, looked up once at load time.
#[derive(Debug)]
struct Transitions(Vec<[i32; N_TAGS]>);

impl Transitions {
    /// Index of a tag or `NO_TAG` (last).
    fn slot(tag: u8) -> usize {
        usize::from(tag).min(N_TAGS)
    }

    fn new(weights: &Weights) -> Self {
        let mut table = vec![[0i32; N_TAGS]; (N_TAGS + 1) * (N_TAGS + 1)];
        let tags = (0..N_TAGS as u8).chain([decode::NO_TAG]);
        for prev in tags.clone() {
            for prev2 in tags.clone() {
                let i = Self::slot(prev) * (N_TAGS + 1) + Self::slot(prev2);
                if let Some(row) = table.get_mut(i) {
                    weights.score(&features::transition_keys(prev, prev2), row);
                }
            }
        }
        Transitions(table)
    }

    #[inline]
    fn get(&self, prev: u8, prev2: u8) -> [i32; N_TAGS] {
        let i = Self::slot(prev) * (N_TAGS + 1) + Self::slot(prev2);
        self.0.get(i).copied().unwrap_or([0; N_TAGS])
    }
}

/// The fingerprint a model must carry to match this build's features and lists.
fn fingerprint(lexicon: &Lexicon) -> u64 {
    hash::mix(features::FEATURE_VERSION, lexicon.digest)
}

impl NerModel {
    /// The CoNLL-2003 model shipped in the binary.
    pub fn embedded() -> Result<Self, NerError> {
        Self::from_bytes(EMBEDDED)
    }

    /// The embedded model, parsed on first use and shared afterwards.
    ///
    /// # Panics
    /// Never in a release: the embedded model is checked against this
    /// build's features by a test (`embedded_model_finds_people_places_and_organisations`
    /// loads it).
    pub fn shared_embedded() -> std::sync::Arc<NerModel> {
        static MODEL: std::sync::OnceLock<std::sync::Arc<NerModel>> = std::sync::OnceLock::new();
        MODEL
            .get_or_init(|| {
                std::sync::Arc::new(
                    NerModel::embedded()
                        .expect("the embedded NER model matches this build (tested)"),
                )
            })
            .clone()
    }

    /// Load a model written by `dyad train ner`.
    pub fn load(path: impl AsRef<Path>) -> Result<Self, NerError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| NerError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        Self::from_bytes(&bytes)
    }

    /// Parse a model from its bytes.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, NerError> {
        let (weights, clusters) = Weights::from_bytes(bytes)?;
        let lexicon = Lexicon::embedded();
        let build = fingerprint(&lexicon);
        if weights.fingerprint != build {
            return Err(NerError::Incompatible {
                model: weights.fingerprint,
                build,
            });
        }
        let transitions = Transitions::new(&weights);
        Ok(NerModel {
            weights,
            lexicon,
            clusters,
            allowed: tags::allowed_table(),
            transitions,
        })
    }

    /// Number of features with non-zero weights.
    pub fn features(&self) -> usize {
        self.weights.len()
    }

    /// Entities in `tokens` (spans into `text`), which may hold several
    /// sentences: a new sentence starts after a line break or after `.`, `!`
    /// or `?` followed by a token that does not start in lowercase (a period
    /// glued to "U.S" or to a short capitalised word like "Mr" or "Gen" is
    /// taken as an abbreviation's).
    pub fn tag(&self, text: &str, tokens: &[Token]) -> Vec<NerSpan> {
        let mut sentences: Vec<&[Token]> = Vec::new();
        let mut start = 0;
        for i in 1..tokens.len() {
            let (Some(prev), Some(cur)) = (tokens.get(i - 1), tokens.get(i)) else {
                continue;
            };
            let gap = text.get(prev.span.end..cur.span.start).unwrap_or("");
            let prev_text = text.get(prev.span.start..prev.span.end).unwrap_or("");
            let cur_lower = text
                .get(cur.span.start..cur.span.end)
                .and_then(|s| s.chars().next())
                .is_some_and(char::is_lowercase);
            let abbreviation = prev_text == "." && i >= 2 && {
                // "U.S." and "Mr." reach us as "U.S" "." and "Mr" ".".
                let before = tokens.get(i - 2).map_or(Span::new(0, 0), |t| t.span);
                let word = text.get(before.start..before.end).unwrap_or("");
                before.end == prev.span.start
                    && (word.contains('.')
                        || (word.len() <= 3 && word.starts_with(|c: char| c.is_uppercase())))
            };
            let ends = matches!(prev_text, "." | "!" | "?") && !cur_lower && !abbreviation;
            if gap.contains('\n') || ends {
                sentences.push(tokens.get(start..i).unwrap_or(&[]));
                start = i;
            }
        }
        if start < tokens.len() {
            sentences.push(tokens.get(start..).unwrap_or(&[]));
        }
        self.tag_sentences(text, &sentences)
    }

    /// Entities in a document given as sentences of tokens (spans into `text`).
    /// Sentences are tagged in order; what earlier ones said about a word
    /// informs later ones.
    pub fn tag_sentences(&self, text: &str, sentences: &[&[Token]]) -> Vec<NerSpan> {
        let windows: Vec<Window> = sentences
            .iter()
            .enumerate()
            .map(|(sentence, tokens)| Window {
                sentence,
                start: 0,
                end: tokens.len(),
            })
            .collect();
        self.tag_windows(text, sentences, &windows)
    }

    /// Entities inside stretches of a document's sentences only (the rest is
    /// not looked at): each window is decoded on its own, with the two words
    /// on either side as context, as if the word before it was outside any
    /// entity, and entities end at its last token. `windows` should be in
    /// document order (earlier windows inform later ones) and not overlap.
    pub fn tag_windows(
        &self,
        text: &str,
        sentences: &[&[Token]],
        windows: &[Window],
    ) -> Vec<NerSpan> {
        let mut out = Vec::new();
        let mut state = State::default();
        for w in windows {
            let Some(sentence) = sentences.get(w.sentence) else {
                continue;
            };
            let end = w.end.min(sentence.len());
            if w.start >= end {
                continue;
            }
            self.tag_window(text, sentence, w.start, end, &mut state, &mut out);
        }
        out
    }

    /// Tag tokens `start..end` of `sentence` into `out`.
    fn tag_window(
        &self,
        text: &str,
        sentence: &[Token],
        start: usize,
        end: usize,
        state: &mut State,
        out: &mut Vec<NerSpan>,
    ) {
        let ctx_start = start.saturating_sub(features::CONTEXT);
        let ctx_end = (end + features::CONTEXT).min(sentence.len());
        let words = sentence
            .get(ctx_start..ctx_end)
            .unwrap_or(&[])
            .iter()
            .map(|t| text.get(t.span.start..t.span.end).unwrap_or(""));
        features::sentence_infos(
            words,
            &self.lexicon,
            &self.clusters,
            &mut state.infos,
            &mut state.scratch,
        );
        let init = match start {
            0 => (decode::NO_TAG, decode::NO_TAG),
            1 => (tags::O, decode::NO_TAG),
            _ => (tags::O, tags::O),
        };
        self.decode(state, start - ctx_start, end - start, ctx_start == 0, init);
        for (s, e, label) in tags::decode(&state.tags) {
            let (mut first_tok, last_tok) = (start + s, start + e);
            // Honorifics are not part of a name (CoNLL guidelines).
            while label == NerLabel::Per && first_tok + 1 < last_tok {
                let word = sentence
                    .get(first_tok)
                    .and_then(|t| text.get(t.span.start..t.span.end))
                    .unwrap_or("");
                if !HONORIFICS.contains(&word.trim_end_matches('.')) {
                    break;
                }
                first_tok += 1;
            }
            let (Some(first), Some(last)) = (sentence.get(first_tok), sentence.get(last_tok - 1))
            else {
                continue;
            };
            let margin = state
                .margins
                .get(first_tok - start..e)
                .unwrap_or(&[])
                .iter()
                .fold(f64::INFINITY, |a, &b| a.min(b));
            let last_word = text.get(last.span.start..last.span.end).unwrap_or("");
            let end_byte = last.span.end - features::possessive_len(last_word);
            out.push(NerSpan {
                span: Span::new(first.span.start, end_byte.max(first.span.start)),
                label,
                score: (1.0 / (1.0 + (-margin / SCORE_TEMPERATURE).exp())) as f32,
            });
        }
    }

    /// Decoding of `len` tokens from `offset` of `state.infos` (the window's
    /// context around them) into `state.tags`; `sentence_start` when
    /// `state.infos` starts at the sentence's first word.
    ///
    /// The word features of every token are scored first (independent
    /// lookups the processor can overlap), then the tags are chosen by the
    /// beam search adding only the features of earlier decisions.
    fn decode(
        &self,
        state: &mut State,
        offset: usize,
        len: usize,
        sentence_start: bool,
        init: (u8, u8),
    ) {
        let State {
            infos,
            keys,
            tags: out,
            margins,
            history,
            statics,
            lattice,
            ..
        } = state;
        out.clear();
        margins.clear();
        statics.clear();
        let window = infos.get(offset..offset + len).unwrap_or(&[]);
        for (k, info) in window.iter().enumerate() {
            let i = offset + k;
            keys.clear();
            features::static_keys_at(infos, i, sentence_start && i == 0, keys);
            features::history_keys(info, history.get(info), keys);
            let mut acc = [0i32; N_TAGS];
            self.weights.score(keys, &mut acc);
            statics.push(acc.map(|v| v as f32));
        }
        let scale = f64::from(self.weights.scale);
        let weights = &self.weights;
        let transitions = &self.transitions;
        decode::search(
            statics,
            &self.allowed,
            scale,
            init,
            |i, prev, prev2, acc| {
                if let Some(info) = window.get(i) {
                    let mut extra = transitions.get(prev, prev2);
                    weights.score(&features::word_tag_keys(info, prev), &mut extra);
                    for (a, e) in acc.iter_mut().zip(extra) {
                        *a += e as f32;
                    }
                }
            },
            lattice,
            out,
            margins,
        );
        for (info, &tag) in window.iter().zip(out.iter()) {
            history.record(info, tag);
        }
    }
}

/// A stretch of a sentence to tag: tokens `start..end` of sentence number
/// `sentence` (an index into the sentences given to
/// [`NerModel::tag_windows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Window {
    pub sentence: usize,
    pub start: usize,
    pub end: usize,
}

/// Buffers reused across the sentences of one call.
#[derive(Default)]
struct State {
    infos: Vec<TokInfo>,
    scratch: (Vec<u64>, Vec<u64>),
    keys: Vec<u32>,
    tags: Vec<u8>,
    margins: Vec<f64>,
    history: History,
    /// Scores of the word features of each token.
    statics: Vec<[f32; N_TAGS]>,
    lattice: decode::Lattice,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(String, NerLabel)> {
        let model = NerModel::embedded().expect("embedded NER model matches this build");
        let tokens = dyad_core::tokenize(text, 0);
        model
            .tag(text, &tokens)
            .into_iter()
            .map(|e| (text[e.span.start..e.span.end].to_string(), e.label))
            .collect()
    }

    #[test]
    fn embedded_model_finds_people_places_and_organisations() {
        let found = entities(
            "Russian Foreign Minister Sergei Lavrov met Secretary of State Rex Tillerson’s \
             team in Moscow on Wednesday.\nThe European Commission said on Thursday it would \
             ask the World Health Organisation for advice.",
        );
        let has = |s: &str, l: NerLabel| found.iter().any(|(t, k)| t == s && *k == l);
        assert!(has("Sergei Lavrov", NerLabel::Per), "{found:?}");
        assert!(has("Rex Tillerson", NerLabel::Per), "{found:?}");
        assert!(has("Moscow", NerLabel::Loc), "{found:?}");
        assert!(has("European Commission", NerLabel::Org), "{found:?}");
        assert!(!found
            .iter()
            .any(|(t, _)| t == "Wednesday" || t == "Thursday"));
    }

    #[test]
    fn spans_follow_the_tokens_and_scores_are_confidences() {
        let text = "  Angela Merkel visited Paris.";
        let model = NerModel::embedded().expect("embedded NER model matches this build");
        let found = model.tag(text, &dyad_core::tokenize(text, 0));
        // Token offsets past the end of the text are read as empty words, not a panic.
        let _ = model.tag(text, &dyad_core::tokenize(text, 100));
        assert!(!found.is_empty());
        for e in &found {
            assert!(text.get(e.span.start..e.span.end).is_some());
            assert!((0.0..=1.0).contains(&e.score));
        }
        assert!(model.tag("", &[]).is_empty());
    }

    #[test]
    fn incompatible_or_broken_models_are_errors() {
        assert!(matches!(
            NerModel::from_bytes(b"DYADNER1"),
            Err(NerError::Format(_))
        ));
        let mut bytes = EMBEDDED.to_vec();
        if let Some(b) = bytes.get_mut(8) {
            *b ^= 0xff;
        }
        assert!(matches!(
            NerModel::from_bytes(&bytes),
            Err(NerError::Incompatible { .. })
        ));
        assert!(NerModel::load("/nonexistent/model.bin").is_err());
    }

    #[test]
    fn labels_round_trip_conll_names() {
        for l in NerLabel::ALL {
            assert_eq!(NerLabel::from_conll(l.as_str()), Some(l));
        }
        assert_eq!(NerLabel::from_conll("O"), None);
    }
}
