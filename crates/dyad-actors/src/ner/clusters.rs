//! Word clusters computed from unlabelled text: each frequent word is
//! described by the words seen just before and after it, and spherical
//! k-means groups words with similar contexts (a cheap stand-in for Brown
//! clusters). Two granularities are kept; unknown words have none.
//!
//! Built by `dyad train ner` from the corpora it is given and stored in the
//! model file, so tagging needs no corpus.

use super::decode::IdMap;
use super::features::{self, Cap};
use super::hash;

/// Cluster counts of the fine and coarse clusterings.
pub(crate) const FINE: usize = 128;
pub(crate) const COARSE: usize = 24;
/// Words seen fewer times are not clustered.
const MIN_COUNT: u32 = 5;
/// Context words (the most frequent normalised words) per side.
const CONTEXTS: usize = 150;
/// Extra context dimensions per side: capitalised, lowercase, number, other.
const SHAPES: usize = 4;
const DIMS: usize = 2 * (CONTEXTS + SHAPES);
const ITERATIONS: usize = 12;

/// Word (hash of its form) → `(fine, coarse)` cluster numbers.
#[derive(Debug, Default)]
pub(crate) struct Clusters {
    pub(crate) map: IdMap<u32, (u8, u8)>,
}

impl Clusters {
    /// Clusters of a word by the key of its form hash, if known.
    #[inline]
    pub(crate) fn get(&self, word: u64) -> Option<(u8, u8)> {
        self.map.get(&hash::key(word)).copied()
    }

    /// Cluster sentences of words (already split into tokens).
    pub(crate) fn build<'a>(sentences: impl Iterator<Item = Vec<&'a str>> + Clone) -> Self {
        // Pass 1: counts of forms and of normalised forms.
        let mut counts: IdMap<u64, u32> = IdMap::default();
        let mut norm_counts: IdMap<u64, u32> = IdMap::default();
        for s in sentences.clone() {
            for w in &s {
                let info = features::tok_info(w);
                *counts.entry(info.word).or_insert(0) += 1;
                *norm_counts.entry(info.norm).or_insert(0) += 1;
            }
        }
        let mut contexts: Vec<(u64, u32)> = norm_counts.into_iter().collect();
        contexts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let context_index: IdMap<u64, usize> = contexts
            .iter()
            .take(CONTEXTS)
            .enumerate()
            .map(|(i, (h, _))| (*h, i))
            .collect();
        let mut vocab: Vec<(u64, u32)> = counts
            .into_iter()
            .filter(|(_, c)| *c >= MIN_COUNT)
            .collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        if vocab.len() < FINE {
            return Clusters::default();
        }
        let row_of: IdMap<u64, usize> = vocab
            .iter()
            .enumerate()
            .map(|(i, (h, _))| (*h, i))
            .collect();
        // Pass 2: context counts.
        let mut vectors = vec![0f32; vocab.len() * DIMS];
        let dim_of = |info: &features::TokInfo| -> usize {
            if let Some(&i) = context_index.get(&info.norm) {
                return i;
            }
            CONTEXTS
                + match info.cap {
                    Cap::Initial | Cap::All | Cap::Mixed => 0,
                    Cap::Lower => 1,
                    Cap::NoLetter if info.shape != info.short => 2,
                    _ => 3,
                }
        };
        for s in sentences {
            let infos: Vec<features::TokInfo> = s.iter().map(|w| features::tok_info(w)).collect();
            for (i, info) in infos.iter().enumerate() {
                let Some(&row) = row_of.get(&info.word) else {
                    continue;
                };
                let base = row * DIMS;
                let left = i
                    .checked_sub(1)
                    .and_then(|j| infos.get(j))
                    .map_or(CONTEXTS + 3, &dim_of);
                let right = infos.get(i + 1).map_or(CONTEXTS + 3, &dim_of);
                for d in [left, CONTEXTS + SHAPES + right] {
                    if let Some(v) = vectors.get_mut(base + d) {
                        *v += 1.0;
                    }
                }
            }
        }
        for v in vectors.chunks_mut(DIMS) {
            v.iter_mut().for_each(|x| *x = x.sqrt());
            normalise(v);
        }
        let fine = kmeans(&vectors, FINE);
        let coarse = kmeans(&vectors, COARSE);
        let map = vocab
            .iter()
            .zip(fine.iter().zip(&coarse))
            .map(|((h, _), (&f, &c))| (hash::key(*h), (f as u8, c as u8)))
            .collect();
        Clusters { map }
    }
}

fn normalise(v: &mut [f32]) {
    let n = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// Spherical k-means (cosine similarity) of unit rows; centroids start at
/// rows spread evenly over the frequency ranking (deterministic).
fn kmeans(vectors: &[f32], k: usize) -> Vec<usize> {
    let n = vectors.len() / DIMS;
    let mut centroids: Vec<f32> = (0..k)
        .flat_map(|c| {
            let row = c * n / k;
            vectors
                .get(row * DIMS..(row + 1) * DIMS)
                .unwrap_or(&[])
                .to_vec()
        })
        .collect();
    let mut assign = vec![0usize; n];
    for _ in 0..ITERATIONS {
        for (a, v) in assign.iter_mut().zip(vectors.chunks(DIMS)) {
            let mut best = (f32::NEG_INFINITY, 0);
            for (c, centroid) in centroids.chunks(DIMS).enumerate() {
                let dot: f32 = v.iter().zip(centroid).map(|(x, y)| x * y).sum();
                if dot > best.0 {
                    best = (dot, c);
                }
            }
            *a = best.1;
        }
        centroids.iter_mut().for_each(|x| *x = 0.0);
        for (&a, v) in assign.iter().zip(vectors.chunks(DIMS)) {
            if let Some(c) = centroids.get_mut(a * DIMS..(a + 1) * DIMS) {
                c.iter_mut().zip(v).for_each(|(x, y)| *x += y);
            }
        }
        centroids.chunks_mut(DIMS).for_each(normalise);
    }
    assign
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_in_the_same_contexts_share_a_cluster() {
        let mut text = Vec::new();
        let cities = ["Paris", "London", "Berlin", "Madrid", "Rome"];
        let verbs = ["said", "added", "noted", "argued", "stated"];
        for r in 0..40 {
            for (i, c) in cities.iter().enumerate() {
                let v = verbs[(i + r) % verbs.len()];
                text.push(format!("he flew to {c} on Monday ."));
                text.push(format!("the minister {v} that it was fine ."));
            }
            for n in 0..200 {
                text.push(format!(
                    "filler{} word{} thing{} .",
                    n % 97,
                    n % 89,
                    (n + r) % 83
                ));
            }
        }
        let sentences = text.iter().map(|s| s.split(' ').collect::<Vec<&str>>());
        let clusters = Clusters::build(sentences);
        let c = |w: &str| clusters.get(hash::str(w)).map(|x| x.0);
        assert!(c("Paris").is_some());
        assert_eq!(c("Paris"), c("Berlin"));
        assert_eq!(c("said"), c("argued"));
        assert_ne!(c("Paris"), c("said"));
        assert_eq!(c("Zanzibar"), None);
    }
}
