//! Reading, structuring and annotating records on all cores, in input order.
//!
//! Records are read sequentially and processed in batches: structure in
//! parallel; then, on this thread, the sink may say a document is already
//! present (it is then not annotated again); then annotation in parallel;
//! then the sink receives the batch in input order. Every record ends as a
//! document, as already present, or as a counted, reported skip.

use dyad_annotate::Pipeline;
use dyad_core::Document;
use dyad_ingest::{build_document, IngestError, RawArticle, StructureOptions, Summary};
use rayon::prelude::*;

/// Records per parallel batch.
pub const BATCH: usize = 256;

/// Where finished documents go.
pub trait Sink {
    /// True when a document with this id needs no annotation (already stored).
    fn is_present(&mut self, _id: &str) -> anyhow::Result<bool> {
        Ok(false)
    }

    /// True when documents are keyed by id, so a repeated id is not written twice.
    fn dedupes(&self) -> bool {
        false
    }

    /// Take a batch of annotated documents, in input order; `false` stops the
    /// run (e.g. the output pipe closed).
    fn write_batch(&mut self, docs: Vec<Document>) -> anyhow::Result<bool>;
}

/// Run `records` through structure and `pipeline`, feeding `sink` in order.
/// Skipped records are reported on stderr, one line each; `progress` is
/// called after each batch with the running summary.
pub fn process<I, S>(
    records: I,
    structure: &StructureOptions,
    pipeline: &Pipeline,
    sink: &mut S,
    mut progress: impl FnMut(&Summary),
) -> anyhow::Result<Summary>
where
    I: Iterator<Item = Result<RawArticle, IngestError>>,
    S: Sink,
{
    let mut summary = Summary::default();
    let mut records = records.peekable();
    while records.peek().is_some() {
        let batch: Vec<Result<RawArticle, IngestError>> = records.by_ref().take(BATCH).collect();
        let structured: Vec<Result<Document, IngestError>> = batch
            .into_par_iter()
            .map(|record| build_document(record?, structure))
            .collect();
        let mut fresh: Vec<Document> = Vec::with_capacity(structured.len());
        let mut batch_ids = std::collections::HashSet::new();
        for result in structured {
            summary.read += 1;
            match result {
                // The same article twice in one batch counts like one already stored.
                Ok(doc) if sink.dedupes() && !batch_ids.insert(doc.id.clone()) => {
                    summary.already_present += 1
                }
                Ok(doc) if sink.is_present(&doc.id)? => summary.already_present += 1,
                Ok(doc) => fresh.push(doc),
                Err(err) => {
                    eprintln!("dyad: skipped {err}");
                    summary.skip(err.reason());
                }
            }
        }
        fresh.par_iter_mut().for_each(|doc| pipeline.annotate(doc));
        summary.annotated += fresh.len();
        summary.lossy_utf8 += fresh
            .iter()
            .filter(|d| d.warnings.iter().any(|w| w.contains("UTF-8")))
            .count();
        let go_on = sink.write_batch(fresh)?;
        progress(&summary);
        if !go_on {
            break;
        }
    }
    Ok(summary)
}
