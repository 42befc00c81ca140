//! Training: a structured averaged perceptron (Collins 2002) that decodes
//! each sentence with the same beam search as tagging and moves the weights
//! from the predicted path's features to the gold path's wherever they
//! differ; documents are shuffled per epoch with a fixed seed; small weights
//! are then pruned and the rest quantised to 16 bits.

use super::clusters::Clusters;
use super::decode::{self, History, IdMap, NO_TAG};
use super::features::{self, TokInfo};
use super::lexicon::Lexicon;
use super::tags::{self, N_TAGS};
use super::weights::{self, Row};
use super::{fingerprint, NerError, NerLabel};

/// A sentence of words with its entities (token ranges `start..end`).
#[derive(Debug, Clone, Default)]
pub struct LabeledSentence {
    pub words: Vec<String>,
    pub entities: Vec<(usize, usize, NerLabel)>,
}

/// A document: its sentences in order.
#[derive(Debug, Clone, Default)]
pub struct LabeledDoc {
    pub sentences: Vec<LabeledSentence>,
}

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainConfig {
    /// Passes over the data.
    pub epochs: usize,
    /// Seed of the document shuffle.
    pub seed: u64,
    /// Features whose averaged weights are all smaller than this (in
    /// perceptron units) are dropped from the saved model.
    pub min_weight: f32,
}

impl Default for TrainConfig {
    fn default() -> Self {
        TrainConfig {
            epochs: 12,
            seed: 2003,
            min_weight: 1.0,
        }
    }
}

/// What training did.
#[derive(Debug, Clone, Default)]
pub struct TrainSummary {
    pub documents: usize,
    pub sentences: usize,
    pub tokens: usize,
    /// Features that ever received an update.
    pub features_seen: usize,
    /// Features kept in the saved model.
    pub features_kept: usize,
    /// Tokens of unlabelled text used for the clusters.
    pub unlabeled_tokens: usize,
    /// Words with clusters.
    pub clustered_words: usize,
    /// Fraction of training tokens mistagged during each epoch.
    pub epoch_errors: Vec<f64>,
}

/// One sentence ready for training.
struct Prepared {
    infos: Vec<TokInfo>,
    /// Static keys of token `i`: `keys[offsets[i]..offsets[i + 1]]`.
    keys: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<u8>,
}

/// Perceptron weights with the sums needed for averaging.
#[derive(Default)]
struct Learner {
    index: IdMap<u32, u32>,
    w: Vec<f32>,
    /// Sum of `step * update`, for the averaged weights `w - u / step`.
    u: Vec<f64>,
}

impl Learner {
    fn score(&self, keys: &[u32], acc: &mut [f32; N_TAGS]) {
        for k in keys {
            if let Some(&r) = self.index.get(k) {
                let base = r as usize * N_TAGS;
                if let Some(row) = self.w.get(base..base + N_TAGS) {
                    for (a, &w) in acc.iter_mut().zip(row) {
                        *a += w;
                    }
                }
            }
        }
    }

    /// Add `delta` to the weight of `tag` for every key.
    fn add(&mut self, keys: &[u32], tag: u8, delta: f32, step: f64) {
        for &k in keys {
            let next = (self.w.len() / N_TAGS) as u32;
            let r = *self.index.entry(k).or_insert(next);
            if r == next {
                self.w.extend_from_slice(&[0.0; N_TAGS]);
                self.u.extend_from_slice(&[0.0; N_TAGS]);
            }
            let i = r as usize * N_TAGS + usize::from(tag);
            if let (Some(w), Some(u)) = (self.w.get_mut(i), self.u.get_mut(i)) {
                *w += delta;
                *u += step * f64::from(delta);
            }
        }
    }
}

fn prepare(docs: &[LabeledDoc], lexicon: &Lexicon, clusters: &Clusters) -> Vec<Vec<Prepared>> {
    let mut scratch = (Vec::new(), Vec::new());
    docs.iter()
        .map(|doc| {
            doc.sentences
                .iter()
                .filter(|s| !s.words.is_empty())
                .map(|s| {
                    let mut infos = Vec::new();
                    features::sentence_infos(
                        s.words.iter().map(String::as_str),
                        lexicon,
                        clusters,
                        &mut infos,
                        &mut scratch,
                    );
                    let mut keys = Vec::new();
                    let mut offsets = vec![0];
                    for i in 0..infos.len() {
                        features::static_keys(&infos, i, &mut keys);
                        offsets.push(keys.len());
                    }
                    let gold = tags::encode(s.words.len(), &s.entities);
                    Prepared {
                        infos,
                        keys,
                        offsets,
                        gold,
                    }
                })
                .collect()
        })
        .collect()
}

/// Deterministic xorshift generator for the shuffle.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
}

/// Train a model; returns its bytes (the format `NerModel::from_bytes`
/// reads) and a summary. `unlabeled` are raw texts (tokenised with
/// `dyad_core::tokenize`) from which, with the training words, the word
/// clusters are computed; it may be empty. `progress` is called after each
/// epoch with the epoch number and its token error rate.
pub fn train(
    docs: &[LabeledDoc],
    unlabeled: &[String],
    config: &TrainConfig,
    mut progress: impl FnMut(usize, f64),
) -> Result<(Vec<u8>, TrainSummary), NerError> {
    let lexicon = Lexicon::embedded();
    let raw: Vec<Vec<&str>> = unlabeled
        .iter()
        .map(|t| {
            dyad_core::tokenize(t, 0)
                .iter()
                .map(|k| t.get(k.span.start..k.span.end).unwrap_or(""))
                .collect()
        })
        .collect();
    let sentences = docs
        .iter()
        .flat_map(|d| &d.sentences)
        .map(|s| s.words.iter().map(String::as_str).collect::<Vec<&str>>())
        .chain(raw.iter().cloned());
    let clusters = Clusters::build(sentences);
    let data = prepare(docs, &lexicon, &clusters);
    let mut summary = TrainSummary {
        unlabeled_tokens: raw.iter().map(Vec::len).sum(),
        clustered_words: clusters.map.len(),
        documents: data.len(),
        sentences: data.iter().map(Vec::len).sum(),
        tokens: data.iter().flatten().map(|s| s.gold.len()).sum(),
        ..TrainSummary::default()
    };
    if summary.tokens == 0 {
        return Err(NerError::NoData);
    }
    let mut learner = Learner::default();
    let mut rng = Rng(config.seed | 1);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut step = 1.0f64;
    let mut history = History::default();
    let mut keys: Vec<u32> = Vec::new();
    let allowed = tags::allowed_table();
    let mut preds: Vec<u8> = Vec::new();
    let mut margins: Vec<f64> = Vec::new();
    let mut hist: Vec<u8> = Vec::new();
    let mut statics: Vec<[f32; N_TAGS]> = Vec::new();
    let mut lattice = decode::Lattice::default();
    for epoch in 0..config.epochs {
        for i in (1..order.len()).rev() {
            order.swap(i, (rng.next() % (i as u64 + 1)) as usize);
        }
        let mut errors = 0usize;
        for &d in &order {
            history.clear();
            for s in data.get(d).map(Vec::as_slice).unwrap_or(&[]) {
                let statics_of = |i: usize| -> &[u32] {
                    match (s.offsets.get(i), s.offsets.get(i + 1)) {
                        (Some(&a), Some(&b)) => s.keys.get(a..b).unwrap_or(&[]),
                        _ => &[],
                    }
                };
                hist.clear();
                hist.extend(s.infos.iter().map(|info| history.get(info)));
                statics.clear();
                for i in 0..s.infos.len() {
                    let mut acc = [0f32; N_TAGS];
                    learner.score(statics_of(i), &mut acc);
                    statics.push(acc);
                }
                decode::search(
                    &statics,
                    &allowed,
                    1.0,
                    (NO_TAG, NO_TAG),
                    |i, prev, prev2, acc| {
                        if let (Some(info), Some(&h)) = (s.infos.get(i), hist.get(i)) {
                            keys.clear();
                            features::dynamic_keys(info, prev, prev2, h, &mut keys);
                            learner.score(&keys, acc);
                        }
                    },
                    &mut lattice,
                    &mut preds,
                    &mut margins,
                );
                // Collins' update: gold features up, predicted features down,
                // wherever the tag or its history differs.
                let (mut gp, mut gp2, mut pp, mut pp2) = (NO_TAG, NO_TAG, NO_TAG, NO_TAG);
                for (i, info) in s.infos.iter().enumerate() {
                    let g = s.gold.get(i).copied().unwrap_or(tags::O);
                    let p = preds.get(i).copied().unwrap_or(tags::O);
                    let h = hist.get(i).copied().unwrap_or(0);
                    if (g, gp, gp2) != (p, pp, pp2) {
                        for (tag, prev, prev2, delta) in [(g, gp, gp2, 1.0), (p, pp, pp2, -1.0)] {
                            keys.clear();
                            keys.extend_from_slice(statics_of(i));
                            features::dynamic_keys(info, prev, prev2, h, &mut keys);
                            learner.add(&keys, tag, delta, step);
                        }
                    }
                    if g != p {
                        errors += 1;
                    }
                    step += 1.0;
                    (gp2, gp, pp2, pp) = (gp, g, pp, p);
                }
                for (info, &pred) in s.infos.iter().zip(&preds) {
                    history.record(info, pred);
                }
            }
        }
        let rate = errors as f64 / summary.tokens as f64;
        summary.epoch_errors.push(rate);
        progress(epoch + 1, rate);
    }
    // Average, prune, quantise.
    summary.features_seen = learner.index.len();
    let mut averaged: Vec<(u32, [f32; N_TAGS])> = Vec::with_capacity(learner.index.len());
    let mut max_abs = 0f32;
    for (&key, &r) in &learner.index {
        let base = r as usize * N_TAGS;
        let mut row = [0f32; N_TAGS];
        for (t, cell) in row.iter_mut().enumerate() {
            let w = learner.w.get(base + t).copied().unwrap_or(0.0);
            let u = learner.u.get(base + t).copied().unwrap_or(0.0);
            *cell = (f64::from(w) - u / step) as f32;
        }
        if row.iter().any(|v| v.abs() >= config.min_weight) {
            max_abs = row.iter().fold(max_abs, |m, v| m.max(v.abs()));
            averaged.push((key, row));
        }
    }
    averaged.sort_by_key(|(k, _)| *k);
    let scale = if max_abs > 0.0 {
        max_abs / 32767.0
    } else {
        1.0
    };
    let quantised: Vec<(u32, Row)> = averaged
        .iter()
        .map(|(k, row)| {
            let mut q = [0i16; N_TAGS];
            for (c, &v) in q.iter_mut().zip(row) {
                *c = (v / scale).round().clamp(-32767.0, 32767.0) as i16;
            }
            (*k, q)
        })
        .collect();
    summary.features_kept = quantised
        .iter()
        .filter(|(_, r)| r.iter().any(|&v| v != 0))
        .count();
    let bytes = weights::to_bytes(fingerprint(&lexicon), scale, &quantised, &clusters);
    Ok((bytes, summary))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ner::NerModel;

    fn sentence(text: &str, entities: &[(usize, usize, NerLabel)]) -> LabeledSentence {
        LabeledSentence {
            words: text.split(' ').map(String::from).collect(),
            entities: entities.to_vec(),
        }
    }

    #[test]
    fn learns_a_toy_pattern_deterministically() {
        let doc = LabeledDoc {
            sentences: vec![
                sentence(
                    "Mr Kowalski visited Ruritania .",
                    &[(1, 2, NerLabel::Per), (3, 4, NerLabel::Loc)],
                ),
                sentence(
                    "Mr Novak visited Freedonia .",
                    &[(1, 2, NerLabel::Per), (3, 4, NerLabel::Loc)],
                ),
                sentence(
                    "the minister visited Elbonia today",
                    &[(3, 4, NerLabel::Loc)],
                ),
                sentence("Mr Smith Jones said so", &[(1, 3, NerLabel::Per)]),
            ],
        };
        let docs = vec![doc; 5];
        let config = TrainConfig {
            epochs: 5,
            min_weight: 0.0,
            ..TrainConfig::default()
        };
        let (bytes, summary) = train(&docs, &[], &config, |_, _| {}).expect("trains");
        let (again, _) = train(&docs, &[], &config, |_, _| {}).expect("trains");
        assert_eq!(bytes, again, "training is deterministic");
        assert_eq!(summary.tokens, 5 * 20);
        let model = NerModel::from_bytes(&bytes).expect("loads");
        let text = "Mr Dvorak visited Syldavia .";
        let tokens = dyad_core::tokenize(text, 0);
        let found: Vec<(&str, NerLabel)> = model
            .tag(text, &tokens)
            .iter()
            .map(|e| (&text[e.span.start..e.span.end], e.label))
            .collect();
        assert_eq!(
            found,
            vec![("Dvorak", NerLabel::Per), ("Syldavia", NerLabel::Loc)]
        );
    }
}
