//! `dyad bench`: throughput of each stage on a corpus, one core, plus the
//! whole pipeline on all cores; prints one JSON line.
//!
//! The corpus is read into memory first (not timed). Each stage is then timed
//! alone over all documents on one thread, `--repeat` times, keeping the
//! fastest run. Per-core figures use the thread's CPU time (so other load on
//! the machine does not count against dyad); the all-cores figure uses wall
//! time. Figures: MB/s, words/s and sentences/s per core, the pipeline's
//! load time, and the process's peak resident memory.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use dyad_annotate::{Pipeline, PipelineOptions, Stage};

use crate::dicts::DictArgs;
use dyad_core::Document;
use dyad_ingest::{build_document, read_inputs, RawArticle, ReadOptions, StructureOptions};
use rayon::prelude::*;
use serde::Serialize;

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Corpus folder or file [default: DYAD_SHARED/corpora/bbc-news-2004-05].
    corpus: Option<PathBuf>,
    /// Timed runs per stage; the fastest counts.
    #[arg(long, default_value_t = 3)]
    repeat: usize,
    #[command(flatten)]
    dicts: DictArgs,
}

#[derive(Serialize)]
struct StageFigures {
    stage: &'static str,
    seconds: f64,
    mb_per_s: f64,
    words_per_s: f64,
    sentences_per_s: f64,
}

#[derive(Serialize)]
struct Report {
    task: &'static str,
    corpus: String,
    docs: usize,
    skipped: usize,
    mb: f64,
    words: usize,
    sentences: usize,
    threads: usize,
    /// The dictionaries loaded ("built-in" unless replaced or extended).
    dictionaries: Vec<String>,
    /// Loading every stage's dictionaries and models, wall clock.
    pipeline_load_s: f64,
    /// Per core (one thread), each stage alone.
    stages: Vec<StageFigures>,
    /// Structure + sentence segmentation, per core.
    structure_and_sentences_mb_per_s: f64,
    /// Every stage, per core.
    pipeline_words_per_s: f64,
    pipeline_sentences_per_s: f64,
    /// Structure + all stages on all cores, wall clock.
    parallel_docs_per_s: f64,
    parallel_words_per_s: f64,
    peak_rss_mb: Option<f64>,
}

pub fn run(args: BenchArgs) -> anyhow::Result<()> {
    let corpus = args
        .corpus
        .or_else(|| dyad_eval::shared::shared_path("corpora/bbc-news-2004-05"))
        .context("no corpus given and DYAD_SHARED/corpora/bbc-news-2004-05 not found")?;
    let repeat = args.repeat.max(1);
    let mut raws: Vec<RawArticle> = Vec::new();
    let mut skipped = 0;
    for record in read_inputs(std::slice::from_ref(&corpus), &ReadOptions::default()) {
        match record {
            Ok(raw) => raws.push(raw),
            Err(_) => skipped += 1,
        }
    }
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    let mb = bytes as f64 / 1e6;

    let started = Instant::now();
    let pipeline = Pipeline::new(PipelineOptions::default());
    let pipeline = args.dicts.apply(pipeline)?;
    let pipeline_load_s = started.elapsed().as_secs_f64();
    let dictionaries = args.dicts.describe();

    let structure = StructureOptions::default();
    let mut docs: Vec<Document> = Vec::new();
    let structure_s = fastest(repeat, || {
        docs = raws
            .iter()
            .filter_map(|r| build_document(r.clone(), &structure).ok())
            .collect();
    });
    let words: usize = docs.iter().map(Document::word_count).sum();

    let mut stage_times = Vec::new();
    for stage in Stage::ALL {
        let seconds = fastest(repeat, || {
            for doc in docs.iter_mut() {
                pipeline.run_stage(stage, doc);
            }
        });
        stage_times.push((stage.name(), seconds));
    }
    let sentences: usize = docs.iter().map(|d| d.sentences.len()).sum();

    let figures = |stage: &'static str, seconds: f64| StageFigures {
        stage,
        seconds,
        mb_per_s: mb / seconds,
        words_per_s: words as f64 / seconds,
        sentences_per_s: sentences as f64 / seconds,
    };
    let mut stages = vec![figures("structure", structure_s)];
    stages.extend(stage_times.iter().map(|&(name, s)| figures(name, s)));
    let sentence_s = stage_times.first().map_or(0.0, |t| t.1);
    let pipeline_s: f64 = structure_s + stage_times.iter().map(|t| t.1).sum::<f64>();

    let parallel_s = fastest_wall(repeat, || {
        let coded: usize = raws
            .par_iter()
            .filter_map(|r| build_document(r.clone(), &structure).ok())
            .map(|mut doc| {
                pipeline.annotate(&mut doc);
                doc.sentences.len()
            })
            .sum();
        std::hint::black_box(coded);
    });

    let report = Report {
        task: "bench",
        corpus: corpus.display().to_string(),
        docs: docs.len(),
        skipped,
        mb,
        words,
        sentences,
        threads: rayon::current_num_threads(),
        dictionaries,
        pipeline_load_s,
        stages,
        structure_and_sentences_mb_per_s: mb / (structure_s + sentence_s),
        pipeline_words_per_s: words as f64 / pipeline_s,
        pipeline_sentences_per_s: sentences as f64 / pipeline_s,
        parallel_docs_per_s: docs.len() as f64 / parallel_s,
        parallel_words_per_s: words as f64 / parallel_s,
        peak_rss_mb: peak_rss_mb(),
    };
    println!("{}", serde_json::to_string(&report)?);
    Ok(())
}

/// CPU seconds of this thread for the fastest of `n` runs.
fn fastest(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = cpu_time::ThreadTime::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Wall-clock seconds of the fastest of `n` runs.
fn fastest_wall(n: usize, mut f: impl FnMut()) -> f64 {
    (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

/// Peak resident set size (Linux `VmHWM`), in MB.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
