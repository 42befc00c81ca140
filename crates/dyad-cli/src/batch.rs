//! Reading, structuring and annotating records on all cores, in input order.
//!
//! Records are read sequentially, processed in parallel batches (rayon), and
//! handed to a sink in their original order; every record ends either as a
//! document or as a counted, reported skip.

use dyad_annotate::Pipeline;
use dyad_core::Document;
use dyad_ingest::{build_document, IngestError, RawArticle, StructureOptions, Summary};
use rayon::prelude::*;

/// Records per parallel batch.
const BATCH: usize = 256;

/// What to do with each finished document; returning `false` stops the run
/// (e.g. the output pipe closed).
pub trait Sink {
    fn document(&mut self, doc: Document) -> anyhow::Result<bool>;
}

/// Run `records` through structure and `pipeline`, feeding `sink` in order.
/// Skipped records are reported on stderr, one line each.
pub fn process<I, S>(
    records: I,
    structure: &StructureOptions,
    pipeline: &Pipeline,
    sink: &mut S,
) -> anyhow::Result<Summary>
where
    I: Iterator<Item = Result<RawArticle, IngestError>>,
    S: Sink,
{
    let mut summary = Summary::default();
    let mut batch: Vec<Result<RawArticle, IngestError>> = Vec::with_capacity(BATCH);
    let mut records = records.peekable();
    while records.peek().is_some() {
        batch.extend(records.by_ref().take(BATCH));
        let results: Vec<Result<Document, IngestError>> = std::mem::take(&mut batch)
            .into_par_iter()
            .map(|record| {
                let raw = record?;
                let mut doc = build_document(raw, structure)?;
                pipeline.annotate(&mut doc);
                Ok(doc)
            })
            .collect();
        for result in results {
            summary.read += 1;
            match result {
                Ok(doc) => {
                    if !doc.warnings.is_empty() {
                        summary.lossy_utf8 +=
                            usize::from(doc.warnings.iter().any(|w| w.contains("UTF-8")));
                    }
                    summary.annotated += 1;
                    if !sink.document(doc)? {
                        return Ok(summary);
                    }
                }
                Err(err) => {
                    eprintln!("dyad: skipped {err}");
                    summary.skip(err.reason());
                }
            }
        }
    }
    Ok(summary)
}
