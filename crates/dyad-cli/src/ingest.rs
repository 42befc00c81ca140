//! `dyad ingest` and `dyad recode`: annotate articles into the embedded
//! database.
//!
//! Ingest reads, structures and annotates on all cores and writes through
//! one ordered writer, one transaction per batch (WAL mode). Articles whose
//! id is already stored are not annotated again, so re-running a command —
//! also after it was killed — resumes without losing or duplicating anything.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use chrono::NaiveDate;
use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_core::Document;
use dyad_ingest::{read_inputs, StructureOptions};
use dyad_store::{InsertOutcome, Store};
use indicatif::{ProgressBar, ProgressStyle};

use crate::annotate::{parse_iso_date, read_options, FormatArg};
use crate::batch::{process, Sink, BATCH};
use crate::dicts::DictArgs;

/// The coder recorded with every stored article: dyad's version and the
/// actor dictionaries in use.
pub fn coder_version() -> String {
    coder_with(&DictArgs::default())
}

fn coder_with(dicts: &DictArgs) -> String {
    format!(
        "dyad {} ({})",
        env!("CARGO_PKG_VERSION"),
        dicts.describe().join(", ")
    )
}

#[derive(clap::Args)]
pub struct IngestArgs {
    /// Files, directories (read recursively) or `-` for stdin.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The database file (created when missing).
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    /// Input format: by extension (.jsonl/.ndjson), or forced.
    #[arg(long, value_enum, default_value = "auto")]
    format: FormatArg,
    /// Publication date (YYYY-MM-DD) for articles that give none.
    #[arg(long, value_parser = parse_iso_date)]
    published: Option<NaiveDate>,
    /// Largest record accepted, in MiB.
    #[arg(long, default_value_t = 16)]
    max_record_mib: usize,
    /// No progress bar.
    #[arg(long)]
    quiet: bool,
    #[command(flatten)]
    dicts: DictArgs,
}

/// Writes annotated batches into the store, skipping stored ids.
pub struct StoreSink {
    store: Store,
    coder: String,
    stored: usize,
}

impl StoreSink {
    pub fn new(store: Store, coder: String) -> Self {
        StoreSink {
            store,
            coder,
            stored: 0,
        }
    }

    pub fn into_store(self) -> Store {
        self.store
    }
}

impl Sink for StoreSink {
    fn is_present(&mut self, id: &str) -> anyhow::Result<bool> {
        Ok(self.store.contains(id)?)
    }

    fn dedupes(&self) -> bool {
        true
    }

    fn write_batch(&mut self, docs: Vec<Document>) -> anyhow::Result<bool> {
        let outcomes = self.store.insert_batch(&docs, &self.coder)?;
        self.stored += outcomes
            .iter()
            .filter(|o| **o == InsertOutcome::Stored)
            .count();
        Ok(true)
    }
}

fn progress_bar(quiet: bool) -> ProgressBar {
    if quiet {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}") {
        bar.set_style(style);
    }
    bar
}

pub fn run_ingest(args: IngestArgs) -> anyhow::Result<()> {
    let store = Store::open(&args.db).with_context(|| format!("opening {}", args.db.display()))?;
    let read = read_options(args.format, args.max_record_mib);
    let structure = StructureOptions {
        fallback_published: args.published,
    };
    let mut pipeline = Pipeline::new(PipelineOptions {
        fallback_published: args.published,
        ..PipelineOptions::default()
    });
    pipeline = args.dicts.apply(pipeline)?;
    let mut sink = StoreSink::new(store, coder_with(&args.dicts));
    let bar = progress_bar(args.quiet);
    let started = Instant::now();
    let summary = process(
        read_inputs(&args.paths, &read),
        &structure,
        &pipeline,
        &mut sink,
        |s| {
            let rate = s.read as f64 / started.elapsed().as_secs_f64().max(1e-9);
            bar.set_message(format!(
                "{} read, {} annotated, {:.0} articles/s",
                s.read, s.annotated, rate
            ));
            bar.tick();
        },
    )?;
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "dyad ingest: {}; stored {}; {:.0} articles/s; {} articles and {} events in {}",
        summary.line(),
        sink.stored,
        summary.read as f64 / seconds.max(1e-9),
        sink.store.article_count()?,
        sink.store.event_count()?,
        args.db.display()
    );
    Ok(())
}

#[derive(clap::Args)]
pub struct RecodeArgs {
    /// The database file.
    #[arg(long, default_value = "dyad.db")]
    db: PathBuf,
    #[command(flatten)]
    dicts: DictArgs,
}

/// Re-annotate every stored article with the current dictionaries, a batch
/// at a time (memory stays flat); each batch replaces its articles' rows in
/// one transaction.
pub fn run_recode(args: RecodeArgs) -> anyhow::Result<()> {
    use rayon::prelude::*;
    if !args.db.exists() {
        anyhow::bail!("{}: no such database", args.db.display());
    }
    let mut store = Store::open(&args.db)?;
    let pipeline = args
        .dicts
        .apply(Pipeline::new(PipelineOptions::default()))?;
    let coder = coder_with(&args.dicts);
    // Replaced articles get new row numbers above `upto`: page only through
    // the rows that were there at the start.
    let upto = store.last_row()?;
    let mut after = 0;
    let mut total = 0;
    loop {
        let page = store.documents_between(after, upto, BATCH)?;
        let Some(last) = page.last().map(|(rowid, _)| *rowid) else {
            break;
        };
        after = last;
        let mut docs: Vec<Document> = page.into_iter().map(|(_, doc)| doc).collect();
        docs.par_iter_mut().for_each(|doc| pipeline.annotate(doc));
        store.replace_batch(&docs, &coder)?;
        total += docs.len();
    }
    eprintln!(
        "dyad recode: {total} articles re-coded; {} events",
        store.event_count()?
    );
    Ok(())
}
