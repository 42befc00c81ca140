//! The trained weights: a compact binary format (sparse rows of 16-bit
//! integers) and the open-addressing table they are loaded into for
//! allocation-free scoring.
//!
//! File layout (little endian): magic `DYADNER1`, fingerprint `u64`, number
//! of tags `u32`, scale `f32` (a stored value `q` means `q * scale`), row count
//! `u32`, then per row: feature key `u32`, count `u8`, and that many
//! `(tag u8, value i16)` pairs; then the word clusters: count `u32`, and per
//! word its form key `u32`, fine cluster `u8`, coarse cluster `u8`.
//!
//! In memory the rows are requantised to 8 bits (one step is 1/127 of the
//! largest weight; on CoNLL-2003 valid this moves F1 by less than 0.1) and
//! stored next to their keys, three features to a 64-byte cache line, so a
//! lookup touches one line instead of a key line and then a row line. The
//! table of the shipped model (40,000 features) is 1 MB.

use super::clusters::Clusters;
use super::tags::N_TAGS;
use super::NerError;

const MAGIC: &[u8; 8] = b"DYADNER2";

/// One feature's weights, one per tag (as stored in the file).
pub(crate) type Row = [i16; N_TAGS];

/// Features per bucket: three keys and rows fill one cache line.
const BUCKET: usize = 3;
/// Largest 8-bit weight.
const Q_MAX: f32 = 127.0;

/// A bucket of the lookup table: `rows[j]` are the weights of `keys[j]`;
/// key 0 is an empty place. `spill` is set when keys of this bucket's home
/// continue in the next bucket.
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
struct Bucket {
    keys: [u32; BUCKET],
    rows: [[i8; N_TAGS]; BUCKET],
    spill: bool,
}

impl Default for Bucket {
    fn default() -> Self {
        Bucket {
            keys: [0; BUCKET],
            rows: [[0; N_TAGS]; BUCKET],
            spill: false,
        }
    }
}

/// Weights loaded for scoring.
#[derive(Debug)]
pub(crate) struct Weights {
    mask: usize,
    buckets: Vec<Bucket>,
    len: usize,
    /// Value of one stored unit.
    pub(crate) scale: f32,
    pub(crate) fingerprint: u64,
}

impl Weights {
    /// Build the lookup table from `(key, row)` pairs whose values mean
    /// `value * scale`.
    pub(crate) fn new(fingerprint: u64, scale: f32, entries: Vec<(u32, Row)>) -> Self {
        let largest = entries
            .iter()
            .flat_map(|(_, r)| r.iter().map(|&v| f32::from(v).abs()))
            .fold(0.0f32, f32::max)
            .max(1.0);
        let step = largest / Q_MAX;
        let n_buckets = (entries.len() / BUCKET).next_power_of_two().max(2);
        let mask = n_buckets - 1;
        let mut buckets = vec![Bucket::default(); n_buckets];
        let mut len = 0;
        'entries: for (key, row) in entries {
            if key == 0 {
                continue;
            }
            let q = row.map(|v| (f32::from(v) / step).round().clamp(-Q_MAX, Q_MAX) as i8);
            let mut b = Self::home(key, mask);
            for _ in 0..n_buckets {
                let Some(bucket) = buckets.get_mut(b) else {
                    break;
                };
                if bucket.keys.contains(&key) {
                    continue 'entries;
                }
                if let Some(j) = bucket.keys.iter().position(|&k| k == 0) {
                    bucket.keys[j] = key;
                    bucket.rows[j] = q;
                    len += 1;
                    continue 'entries;
                }
                bucket.spill = true;
                b = (b + 1) & mask;
            }
        }
        Weights {
            mask,
            buckets,
            len,
            scale: scale * step,
            fingerprint,
        }
    }

    #[inline]
    fn home(key: u32, mask: usize) -> usize {
        (key.wrapping_mul(0x9e37_79b1) >> 7) as usize & mask
    }

    /// Number of features with weights.
    pub(crate) fn len(&self) -> usize {
        self.len
    }

    /// The weights of `key`, if it has any.
    #[inline]
    fn row(&self, key: u32) -> Option<&[i8; N_TAGS]> {
        let mut b = Self::home(key, self.mask);
        for _ in 0..self.buckets.len() {
            let bucket = self.buckets.get(b)?;
            if let Some(j) = bucket.keys.iter().position(|&k| k == key) {
                return bucket.rows.get(j);
            }
            if !bucket.spill {
                return None;
            }
            b = (b + 1) & self.mask;
        }
        None
    }

    /// Add the weights of every key in `keys` to `acc`.
    #[inline]
    pub(crate) fn score(&self, keys: &[u32], acc: &mut [i32; N_TAGS]) {
        for &key in keys {
            if let Some(row) = self.row(key) {
                for (a, &w) in acc.iter_mut().zip(row.iter()) {
                    *a += i32::from(w);
                }
            }
        }
    }

    /// Parse the binary format: weights and word clusters.
    pub(crate) fn from_bytes(bytes: &[u8]) -> Result<(Self, Clusters), NerError> {
        let mut r = Reader { bytes, pos: 0 };
        if r.take(8)? != MAGIC {
            return Err(NerError::Format("bad magic (not a dyad NER model)".into()));
        }
        let fingerprint = r.u64()?;
        let n_tags = r.u32()? as usize;
        if n_tags != N_TAGS {
            return Err(NerError::Format(format!(
                "{n_tags} tags, expected {N_TAGS}"
            )));
        }
        let scale = f32::from_bits(r.u32()?);
        let n_rows = r.u32()? as usize;
        let mut entries = Vec::with_capacity(n_rows.min(bytes.len() / 5));
        for _ in 0..n_rows {
            let key = r.u32()?;
            let count = r.take(1)?.first().copied().unwrap_or(0);
            let mut row = [0i16; N_TAGS];
            for _ in 0..count {
                let t = r.take(1)?.first().copied().unwrap_or(0) as usize;
                let v = i16::from_le_bytes(r.array::<2>()?);
                let cell = row
                    .get_mut(t)
                    .ok_or_else(|| NerError::Format(format!("tag {t} out of range")))?;
                *cell = v;
            }
            entries.push((key, row));
        }
        let n_words = r.u32()? as usize;
        let mut clusters = Clusters::default();
        clusters.map.reserve(n_words.min(bytes.len() / 6));
        for _ in 0..n_words {
            let key = r.u32()?;
            let [fine, coarse] = r.array::<2>()?;
            clusters.map.insert(key, (fine, coarse));
        }
        if r.pos != bytes.len() {
            return Err(NerError::Format("trailing bytes after the clusters".into()));
        }
        Ok((Weights::new(fingerprint, scale, entries), clusters))
    }
}

/// Serialise weights (rows with no non-zero value are dropped) and clusters.
pub(crate) fn to_bytes(
    fingerprint: u64,
    scale: f32,
    entries: &[(u32, Row)],
    clusters: &Clusters,
) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out.extend_from_slice(&(N_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_bits().to_le_bytes());
    let kept: Vec<&(u32, Row)> = entries
        .iter()
        .filter(|(_, row)| row.iter().any(|&v| v != 0))
        .collect();
    out.extend_from_slice(&(kept.len() as u32).to_le_bytes());
    for (key, row) in kept {
        out.extend_from_slice(&key.to_le_bytes());
        let nz = row.iter().filter(|&&v| v != 0).count();
        out.push(nz as u8);
        for (t, &v) in row.iter().enumerate() {
            if v != 0 {
                out.push(t as u8);
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
    }
    let mut words: Vec<(&u32, &(u8, u8))> = clusters.map.iter().collect();
    words.sort();
    out.extend_from_slice(&(words.len() as u32).to_le_bytes());
    for (key, (fine, coarse)) in words {
        out.extend_from_slice(&key.to_le_bytes());
        out.push(*fine);
        out.push(*coarse);
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], NerError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.bytes.len());
        let end = end.ok_or_else(|| NerError::Format("truncated model".into()))?;
        let s = self.bytes.get(self.pos..end).unwrap_or(&[]);
        self.pos = end;
        Ok(s)
    }

    fn array<const N: usize>(&mut self) -> Result<[u8; N], NerError> {
        let mut a = [0u8; N];
        a.copy_from_slice(self.take(N)?);
        Ok(a)
    }

    fn u32(&mut self) -> Result<u32, NerError> {
        Ok(u32::from_le_bytes(self.array::<4>()?))
    }

    fn u64(&mut self) -> Result<u64, NerError> {
        Ok(u64::from_le_bytes(self.array::<8>()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_scoring() {
        let mut a = [0i16; N_TAGS];
        a[0] = 5;
        a[3] = -2;
        let mut b = [0i16; N_TAGS];
        b[3] = 7;
        let mut clusters = Clusters::default();
        clusters.map.insert(7, (3, 1));
        let bytes = to_bytes(42, 0.5, &[(11, a), (27, b), (99, [0; N_TAGS])], &clusters);
        let (w, c) = Weights::from_bytes(&bytes).expect("parses");
        assert_eq!(c.map.get(&7), Some(&(3, 1)));
        assert_eq!(w.len(), 2);
        assert_eq!(w.fingerprint, 42);
        let mut acc = [0i32; N_TAGS];
        w.score(&[11, 27, 12345], &mut acc);
        // Requantised: the largest weight (7) is 127 steps of 7/127.
        let value = |units: i32| f64::from(units) * f64::from(w.scale);
        assert!((value(acc[0]) - 2.5).abs() < 0.05, "{acc:?}");
        assert!((value(acc[3]) - 2.5).abs() < 0.05, "{acc:?}");
        assert!(w.row(12345).is_none());
        assert!(Weights::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Weights::from_bytes(b"garbage!garbage!").is_err());
    }
}
