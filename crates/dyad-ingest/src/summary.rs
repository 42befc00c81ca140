//! Counts of what happened to every input record.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::error::SkipReason;

/// Read / annotated / skipped-by-reason counts for one run.
#[derive(Debug, Default, Clone, Serialize)]
pub struct Summary {
    pub read: usize,
    pub annotated: usize,
    /// Records whose document was already stored (ingest into a database).
    pub already_present: usize,
    pub skipped: BTreeMap<&'static str, usize>,
    /// Records decoded with invalid UTF-8 replaced (they are still annotated).
    pub lossy_utf8: usize,
}

impl Summary {
    pub fn skip(&mut self, reason: SkipReason) {
        *self.skipped.entry(reason.as_str()).or_default() += 1;
    }

    pub fn skipped_total(&self) -> usize {
        self.skipped.values().sum()
    }

    /// One human-readable line: `read 10, annotated 8, skipped 2 (empty 1, binary 1), lossy UTF-8 1`
    /// (with `already present N` after `annotated` when documents were already stored).
    pub fn line(&self) -> String {
        let mut out = format!("read {}, annotated {}", self.read, self.annotated);
        if self.already_present > 0 {
            out.push_str(&format!(", already present {}", self.already_present));
        }
        out.push_str(&format!(", skipped {}", self.skipped_total()));
        if !self.skipped.is_empty() {
            let parts: Vec<String> = self
                .skipped
                .iter()
                .map(|(k, v)| format!("{k} {v}"))
                .collect();
            out.push_str(&format!(" ({})", parts.join(", ")));
        }
        if self.lossy_utf8 > 0 {
            out.push_str(&format!(", lossy UTF-8 {}", self.lossy_utf8));
        }
        out
    }
}
