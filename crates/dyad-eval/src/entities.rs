//! Evaluation of named-entity recognition on CoNLL-2003
//! (`eval/entities/conll2003/valid.txt` under the shared folder), scored as
//! the `conlleval` script does: a chunk counts as correct when its first and
//! last tokens and its type all match a gold chunk; precision, recall and F1
//! per type, overall, and overall for PER/ORG/LOC only.
//!
//! The gold tokens are fed to the tagger unchanged (joined by spaces, one
//! sentence per line) so that tokenisation does not blur the score; the
//! part-of-speech and chunk columns are ignored.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_actors::ner::{LabeledDoc, LabeledSentence, NerLabel, NerModel};
use dyad_core::{Span, Token};
use serde::Serialize;

use crate::shared;
use crate::EvalError;

/// Where the validation set lives inside the shared folder.
pub const VALID: &str = "eval/entities/conll2003/valid.txt";
/// Where the training set lives inside the shared folder.
pub const TRAIN: &str = "eval/entities/conll2003/train.txt";

/// A sentence: words and their NER tags (IOB1 or IOB2).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllSentence {
    pub words: Vec<String>,
    pub tags: Vec<String>,
}

/// The sentences between two `-DOCSTART-` lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ConllDoc {
    pub sentences: Vec<ConllSentence>,
}

/// Parse CoNLL-2003 text: one token per line (`word POS chunk NER`; only the
/// first and last columns are read), blank lines between sentences,
/// `-DOCSTART-` lines between documents.
pub fn parse_conll(text: &str, path: &Path) -> Result<Vec<ConllDoc>, EvalError> {
    let mut docs: Vec<ConllDoc> = Vec::new();
    let mut doc = ConllDoc::default();
    let mut sentence = ConllSentence::default();
    for (n, line) in text.lines().enumerate() {
        let mut cols = line.split_whitespace();
        let Some(word) = cols.next() else {
            if !sentence.words.is_empty() {
                doc.sentences.push(std::mem::take(&mut sentence));
            }
            continue;
        };
        if word == "-DOCSTART-" {
            if !sentence.words.is_empty() {
                doc.sentences.push(std::mem::take(&mut sentence));
            }
            if !doc.sentences.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        let Some(tag) = cols.last() else {
            return Err(EvalError::format(
                path,
                format!("line {}: no tag column", n + 1),
            ));
        };
        sentence.words.push(word.to_string());
        sentence.tags.push(tag.to_string());
    }
    if !sentence.words.is_empty() {
        doc.sentences.push(sentence);
    }
    if !doc.sentences.is_empty() {
        docs.push(doc);
    }
    Ok(docs)
}

/// Read and parse a CoNLL-2003 file.
pub fn read_conll(path: &Path) -> Result<Vec<ConllDoc>, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
    parse_conll(&text, path)
}

/// A chunk: tokens `start..end` of a sentence and its type.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub kind: String,
}

fn split_tag(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((t, k)) => (t, k),
        None => (tag, ""),
    }
}

/// conlleval's `endOfChunk`.
fn chunk_ends(prev: &str, tag: &str, prev_kind: &str, kind: &str) -> bool {
    matches!(
        (prev, tag),
        ("B", "B") | ("B", "O") | ("I", "B") | ("I", "O") | ("E", "E") | ("E", "I") | ("E", "O")
    ) || (prev != "O" && prev != "." && prev_kind != kind)
        || prev == "]"
        || prev == "["
}

/// conlleval's `startOfChunk`.
fn chunk_starts(prev: &str, tag: &str, prev_kind: &str, kind: &str) -> bool {
    matches!(
        (prev, tag),
        ("B", "B") | ("I", "B") | ("O", "B") | ("O", "I") | ("E", "E") | ("E", "I") | ("O", "E")
    ) || (tag != "O" && tag != "." && prev_kind != kind)
        || tag == "["
        || tag == "]"
}

/// The chunks of one sentence's tags, with conlleval's rules (IOB1, IOB2
/// and IOE all work); the sentence boundary closes any open chunk.
pub fn chunks<S: AsRef<str>>(tags: &[S]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let (mut prev, mut prev_kind) = ("O", "");
    let mut open: Option<(usize, String)> = None;
    for (i, tag) in tags.iter().enumerate() {
        let (t, kind) = split_tag(tag.as_ref());
        if chunk_ends(prev, t, prev_kind, kind) {
            if let Some((start, k)) = open.take() {
                out.push(Chunk {
                    start,
                    end: i,
                    kind: k,
                });
            }
        }
        if chunk_starts(prev, t, prev_kind, kind) {
            open = Some((i, kind.to_string()));
        }
        prev = t;
        prev_kind = kind;
    }
    if let Some((start, kind)) = open {
        out.push(Chunk {
            start,
            end: tags.len(),
            kind,
        });
    }
    out
}

/// The CoNLL documents as training data for the NER model.
pub fn to_labeled(docs: &[ConllDoc]) -> Vec<LabeledDoc> {
    docs.iter()
        .map(|d| LabeledDoc {
            sentences: d
                .sentences
                .iter()
                .map(|s| LabeledSentence {
                    words: s.words.clone(),
                    entities: chunks(&s.tags)
                        .into_iter()
                        .filter_map(|c| Some((c.start, c.end, NerLabel::from_conll(&c.kind)?)))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// Precision, recall and F1 (in percent) with their counts.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
    pub gold: usize,
    pub predicted: usize,
    pub correct: usize,
}

impl Prf {
    fn from_counts(gold: usize, predicted: usize, correct: usize) -> Self {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        let precision = pct(correct, predicted);
        let recall = pct(correct, gold);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        let r2 = |x: f64| (x * 100.0).round() / 100.0;
        Prf {
            precision: r2(precision),
            recall: r2(recall),
            f1: r2(f1),
            gold,
            predicted,
            correct,
        }
    }
}

/// Chunk counts per type.
#[derive(Debug, Default)]
pub struct Counts {
    /// type → (gold, predicted, correct)
    by_kind: BTreeMap<String, (usize, usize, usize)>,
    tokens: usize,
    tokens_correct: usize,
}

impl Counts {
    /// Add one sentence's gold and predicted tags.
    pub fn add<S: AsRef<str>, T: AsRef<str>>(&mut self, gold: &[S], predicted: &[T]) {
        self.tokens += gold.len();
        self.tokens_correct += gold
            .iter()
            .zip(predicted)
            .filter(|(g, p)| g.as_ref() == p.as_ref())
            .count();
        let g = chunks(gold);
        let p = chunks(predicted);
        let gs: HashSet<&Chunk> = g.iter().collect();
        for c in &g {
            self.by_kind.entry(c.kind.clone()).or_default().0 += 1;
        }
        for c in &p {
            let e = self.by_kind.entry(c.kind.clone()).or_default();
            e.1 += 1;
            if gs.contains(c) {
                e.2 += 1;
            }
        }
    }

    fn total(&self, keep: impl Fn(&str) -> bool) -> Prf {
        let (mut g, mut p, mut c) = (0, 0, 0);
        for (k, &(kg, kp, kc)) in &self.by_kind {
            if keep(k) {
                g += kg;
                p += kp;
                c += kc;
            }
        }
        Prf::from_counts(g, p, c)
    }

    /// All chunk types together (conlleval's overall line).
    pub fn overall(&self) -> Prf {
        self.total(|_| true)
    }

    /// PER, ORG and LOC only.
    pub fn per_org_loc(&self) -> Prf {
        self.total(|k| matches!(k, "PER" | "ORG" | "LOC"))
    }

    /// Per type.
    pub fn by_type(&self) -> BTreeMap<String, Prf> {
        self.by_kind
            .iter()
            .map(|(k, &(g, p, c))| (k.clone(), Prf::from_counts(g, p, c)))
            .collect()
    }

    /// Token tag accuracy in percent (conlleval's "accuracy").
    pub fn accuracy(&self) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            (10000.0 * self.tokens_correct as f64 / self.tokens as f64).round() / 100.0
        }
    }
}

/// The figures `dyad eval entities` prints.
#[derive(Debug, Clone, Serialize)]
pub struct EntitiesReport {
    pub task: &'static str,
    pub gold: PathBuf,
    pub system: String,
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Token tag accuracy (percent).
    pub accuracy: f64,
    pub overall: Prf,
    pub per_org_loc: Prf,
    pub types: BTreeMap<String, Prf>,
    /// Tagging speed on this set (one thread, excluding file reading).
    pub tokens_per_second: f64,
}

/// One document as text (sentences on their own lines, tokens separated by
/// spaces) with the token spans of each sentence.
fn layout(doc: &ConllDoc) -> (String, Vec<Vec<Token>>) {
    let mut text = String::new();
    let mut sentences = Vec::with_capacity(doc.sentences.len());
    for s in &doc.sentences {
        let mut tokens = Vec::with_capacity(s.words.len());
        for (i, w) in s.words.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(w);
            tokens.push(Token {
                span: Span::new(start, text.len()),
            });
        }
        text.push('\n');
        sentences.push(tokens);
    }
    (text, sentences)
}

/// Tag the documents with `model`; IOB2 tags per sentence.
pub fn predict(model: &NerModel, docs: &[ConllDoc]) -> Vec<Vec<Vec<String>>> {
    docs.iter()
        .map(|doc| {
            let (text, sentences) = layout(doc);
            let slices: Vec<&[Token]> = sentences.iter().map(Vec::as_slice).collect();
            let spans = model.tag_sentences(&text, &slices);
            let mut starts: HashMap<usize, (usize, usize)> = HashMap::new();
            let mut ends: HashMap<usize, (usize, usize)> = HashMap::new();
            for (si, s) in sentences.iter().enumerate() {
                for (ti, t) in s.iter().enumerate() {
                    starts.insert(t.span.start, (si, ti));
                    ends.insert(t.span.end, (si, ti));
                }
            }
            let mut tags: Vec<Vec<String>> = sentences
                .iter()
                .map(|s| vec!["O".to_string(); s.len()])
                .collect();
            for e in spans {
                let (Some(&(s0, t0)), Some(&(s1, t1))) =
                    (starts.get(&e.span.start), ends.get(&e.span.end))
                else {
                    continue;
                };
                if s0 != s1 || t1 < t0 {
                    continue;
                }
                if let Some(row) = tags.get_mut(s0) {
                    for (k, cell) in row.iter_mut().enumerate().take(t1 + 1).skip(t0) {
                        let pos = if k == t0 { "B" } else { "I" };
                        *cell = format!("{pos}-{}", e.label.as_str());
                    }
                }
            }
            tags
        })
        .collect()
}

/// Score `model` on a CoNLL file.
pub fn evaluate(model: &NerModel, gold_path: &Path) -> Result<EntitiesReport, EvalError> {
    let docs = read_conll(gold_path)?;
    let started = Instant::now();
    let predicted = predict(model, &docs);
    let seconds = started.elapsed().as_secs_f64();
    let mut counts = Counts::default();
    let mut sentences = 0;
    for (doc, pred) in docs.iter().zip(&predicted) {
        for (s, p) in doc.sentences.iter().zip(pred) {
            counts.add(&s.tags, p);
            sentences += 1;
        }
    }
    Ok(EntitiesReport {
        task: "entities",
        gold: gold_path.to_path_buf(),
        system: format!(
            "dyad ner (structured averaged perceptron, beam 4, {} features)",
            model.features()
        ),
        documents: docs.len(),
        sentences,
        tokens: counts.tokens,
        accuracy: counts.accuracy(),
        overall: counts.overall(),
        per_org_loc: counts.per_org_loc(),
        types: counts.by_type(),
        tokens_per_second: if seconds > 0.0 {
            (counts.tokens as f64 / seconds).round()
        } else {
            0.0
        },
    })
}

/// `dyad eval entities`: score the embedded model on `gold` (default: the
/// CoNLL-2003 validation set in the shared folder).
pub fn run(gold: Option<&Path>) -> Result<EntitiesReport, EvalError> {
    let path = match gold {
        Some(p) => p.to_path_buf(),
        None => shared::shared_path(VALID)
            .ok_or_else(|| EvalError::SharedMissing(PathBuf::from(VALID)))?,
    };
    let model = NerModel::embedded().map_err(|e| EvalError::Other(e.to_string()))?;
    evaluate(&model, &path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conlleval_chunks_for_iob1_and_iob2() {
        // IOB2
        let c = chunks(&["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG"]);
        let spans: Vec<(usize, usize, &str)> = c
            .iter()
            .map(|c| (c.start, c.end, c.kind.as_str()))
            .collect();
        assert_eq!(
            spans,
            vec![(0, 2, "PER"), (3, 4, "LOC"), (4, 5, "LOC"), (5, 6, "ORG")]
        );
        // IOB1: I starts a chunk after O; B only splits two same-type chunks.
        let c = chunks(&["I-ORG", "I-ORG", "B-ORG", "O", "I-MISC"]);
        let spans: Vec<(usize, usize)> = c.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(spans, vec![(0, 2), (2, 3), (4, 5)]);
    }

    #[test]
    fn scores_exact_span_and_type() {
        let mut counts = Counts::default();
        counts.add(
            &["B-PER", "I-PER", "O", "B-LOC", "O", "B-MISC"],
            &["B-PER", "O", "O", "B-LOC", "O", "B-MISC"],
        );
        let overall = counts.overall();
        assert_eq!(
            (overall.gold, overall.predicted, overall.correct),
            (3, 3, 2)
        );
        let pol = counts.per_org_loc();
        assert_eq!((pol.gold, pol.predicted, pol.correct), (2, 2, 1));
        assert_eq!(pol.f1, 50.0);
        assert_eq!(counts.accuracy(), 83.33);
    }

    #[test]
    fn embedded_model_reaches_the_goal_on_conll_valid() {
        let Some(path) = shared::shared_or_skip(VALID) else {
            return;
        };
        let model = NerModel::embedded().expect("embedded NER model matches this build");
        let report = evaluate(&model, &path).expect("valid set scores");
        assert_eq!(report.documents, 216);
        assert_eq!(report.overall.gold, 5942);
        assert!(report.per_org_loc.f1 >= 88.0, "{:?}", report.per_org_loc);
        assert!(report.overall.f1 >= 85.0, "{:?}", report.overall);
    }

    #[test]
    fn parses_documents_and_sentences() {
        let text = "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n\n-DOCSTART- -X- -X- O\n\nBonn NNP B-NP B-LOC\n";
        let docs = parse_conll(text, Path::new("x")).expect("parses");
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0].sentences.len(), 2);
        assert_eq!(docs[0].sentences[0].tags, vec!["B-ORG", "O"]);
        let labeled = to_labeled(&docs);
        assert_eq!(
            labeled[1].sentences[0].entities,
            vec![(0, 1, NerLabel::Loc)]
        );
    }
}
