//! `dyad eval petrarch`: PETRARCH dictionaries run through dyad's own coder
//! (issue 7). One JSON line each: what was loaded (pattern counts, skips by
//! reason, load times); the 78 PETR2 GSR sentences coded with dyad's
//! dictionaries, with Phoenix actors + CAMEO.2.0 verbs, and with both actor
//! sets; the PETRARCH unit tests coded with the dictionaries they name.

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_code::petrarch::{load_coder, LoadReport};
use dyad_code::CodeTable;
use dyad_eval::petrarch as scorer;
use dyad_eval::shared::shared_path;
use serde_json::json;

#[derive(clap::Args)]
pub struct Args {
    /// Verb dictionary (PETRARCH-2 or -1 format; default petrarch2/CAMEO.2.0.txt).
    #[arg(long)]
    verbs: Option<PathBuf>,
    /// Discard list (default petrarch2/Phoenix.discards.txt).
    #[arg(long)]
    discards: Option<PathBuf>,
    /// Actor and agent dictionaries (default the Phoenix countries,
    /// international, non-state actors and agents).
    #[arg(long = "actors")]
    actors: Vec<PathBuf>,
    /// PETR2 GSR sentences (default universal-petrarch/PETR2_GSR_validation.xml).
    #[arg(long)]
    gsr: Option<PathBuf>,
    /// PETRARCH unit tests (default petrarch2/PETR.UnitTest.records.xml).
    #[arg(long)]
    unit: Option<PathBuf>,
    /// Instead of the gold sets, time the whole pipeline with these
    /// dictionaries on a corpus (one thread; e.g. corpora/bbc-news-2004-05).
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// With `--corpus`: write the coded events, one JSON line per document
    /// (`{"doc": id, "events": [...]}`), to this file (to diff two builds).
    #[arg(long)]
    dump_events: Option<PathBuf>,
    /// Print every bad dictionary line and every record not matched to stderr.
    #[arg(long)]
    failures: bool,
}

fn shared(rel: &str) -> anyhow::Result<PathBuf> {
    shared_path(rel).ok_or_else(|| anyhow::anyhow!("{rel} not found: set DYAD_SHARED"))
}

fn load_json(report: &LoadReport, load_ms: f64, actors: (usize, usize, f64)) -> serde_json::Value {
    let v = &report.verbs;
    json!({
        "task": "events-petrarch-load",
        "verbs_file": v.file,
        "flavor": v.flavor.map(|f| f.name()),
        "blocks": v.blocks,
        "verbs": v.verbs,
        "synsets": v.synsets,
        "patterns_read": v.patterns_read,
        "patterns_converted": v.patterns_converted,
        "skipped": v.skipped,
        "approximated": v.approximated,
        "transformations_skipped": v.transformations,
        "verbs_alone_coded": v.verbs_coded,
        "verbs_alone_null": v.verbs_null,
        "bad_lines": v.errors.len(),
        "dyad_patterns": v.dyad_patterns,
        "uncodable_patterns": report.uncodable,
        "patterns_loaded": report.patterns,
        "discards": report.discards.as_ref().map(|d| d.read),
        "discards_story_level": report.discards.as_ref().map(|d| d.story_level),
        "verbs_load_ms": load_ms,
        "actors": actors.0,
        "agents": actors.1,
        "actors_load_ms": actors.2,
    })
}

fn ms(t: Instant) -> f64 {
    (t.elapsed().as_secs_f64() * 10000.0).round() / 10.0
}

fn print(report: &scorer::RecordReport, failures: bool) -> anyhow::Result<()> {
    super::print_json(report)?;
    if failures {
        for f in &report.failures {
            eprintln!("{} {}: {f}", report.set, report.config);
        }
    }
    Ok(())
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let dir = "eval/events/petrarch2";
    let verbs = match args.verbs {
        Some(v) => v,
        None => shared(&format!("{dir}/CAMEO.2.0.txt"))?,
    };
    let discards = match args.discards {
        Some(d) => d,
        None => shared(&format!("{dir}/Phoenix.discards.txt"))?,
    };
    let actors = if args.actors.is_empty() {
        [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
            "Phoenix.agents.txt",
        ]
        .iter()
        .map(|f| shared(&format!("{dir}/{f}")))
        .collect::<anyhow::Result<Vec<_>>>()?
    } else {
        args.actors
    };
    let t = Instant::now();
    let (coder, load) = load_coder(&verbs, Some(&discards), CodeTable::embedded())
        .with_context(|| format!("loading {}", verbs.display()))?;
    let verbs_ms = ms(t);
    let t = Instant::now();
    let (phoenix, n_actors, n_agents) = scorer::actor_pipeline(&actors, false)?;
    let actors_ms = ms(t);
    eprintln!("dyad: {}", load.summary());
    if args.failures {
        for e in &load.verbs.errors {
            eprintln!("dyad: dictionary: {e}");
        }
    }
    super::print_json(&load_json(&load, verbs_ms, (n_actors, n_agents, actors_ms)))?;
    if let Some(corpus) = &args.corpus {
        return bench(corpus, &phoenix, &coder, &load, args.dump_events.as_deref());
    }

    let gsr = match args.gsr {
        Some(g) => g,
        None => shared("eval/events/universal-petrarch/PETR2_GSR_validation.xml")?,
    };
    let records = scorer::read_records(&gsr)?;
    let set = gsr
        .file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let ours = Pipeline::new(PipelineOptions::default());
    let report = scorer::score_records(&set, "dyad", &records, &|doc| ours.annotate(doc));
    print(&report, args.failures)?;
    let report = scorer::score_records(&set, "dyad+require-dyad", &records, &|doc| {
        ours.annotate(doc);
        dyad_code::petrarch::require_dyad(doc);
    });
    print(&report, args.failures)?;
    let verbs_name = verbs
        .file_stem()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default();
    let config = format!("phoenix+{verbs_name}");
    let report = scorer::score_with_coder(&set, &config, &records, &phoenix, &coder, &load.rules);
    print(&report, args.failures)?;
    drop(phoenix);
    let (both, _, _) = scorer::actor_pipeline(&actors, true)?;
    let report = scorer::score_with_coder(
        &set,
        &format!("dyad-actors+{config}"),
        &records,
        &both,
        &coder,
        &load.rules,
    );
    print(&report, args.failures)?;

    let unit = match args.unit {
        Some(u) => u,
        None => shared(&format!("{dir}/PETR.UnitTest.records.xml"))?,
    };
    let (report, _) = scorer::evaluate_unit_tests(&unit)?;
    print(&report, args.failures)?;
    Ok(())
}

/// Time structure, sentences, Phoenix actors, quotes, time and the CAMEO.2.0
/// coder (with `literal_codes` and `require_dyad`) over a corpus on one
/// thread (thread CPU time); one JSON line.
fn bench(
    corpus: &std::path::Path,
    pipeline: &Pipeline,
    coder: &dyad_code::EventCoder,
    load: &LoadReport,
    dump: Option<&std::path::Path>,
) -> anyhow::Result<()> {
    use dyad_ingest::{build_document, read_inputs, ReadOptions, StructureOptions};
    let structure = StructureOptions::default();
    let raws: Vec<_> = read_inputs(
        std::slice::from_ref(&corpus.to_path_buf()),
        &ReadOptions::default(),
    )
    .filter_map(Result::ok)
    .collect();
    let bytes: usize = raws.iter().map(|r| r.text.len()).sum();
    let t = cpu_time::ThreadTime::now();
    let mut docs: Vec<dyad_core::Document> = raws
        .into_iter()
        .filter_map(|r| build_document(r, &structure).ok())
        .collect();
    let structure_s = t.elapsed().as_secs_f64();
    let t = cpu_time::ThreadTime::now();
    for doc in docs.iter_mut() {
        pipeline.annotate(doc);
    }
    let stages_s = t.elapsed().as_secs_f64();
    let t = cpu_time::ThreadTime::now();
    let mut events = 0;
    for doc in docs.iter_mut() {
        coder.annotate(doc);
        dyad_code::petrarch::literal_codes(doc, &load.rules, coder.codes());
        dyad_code::petrarch::require_dyad(doc);
        events += doc.events.len();
    }
    let events_s = t.elapsed().as_secs_f64();
    if let Some(path) = dump {
        use std::io::Write;
        let file =
            std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?;
        let mut out = std::io::BufWriter::new(file);
        for doc in &docs {
            let line = json!({"doc": doc.id, "events": doc.events});
            writeln!(out, "{line}")?;
        }
        out.flush()?;
    }
    let words: usize = docs.iter().map(dyad_core::Document::word_count).sum();
    let total = structure_s + stages_s + events_s;
    super::print_json(&json!({
        "task": "events-petrarch-bench",
        "corpus": corpus.display().to_string(),
        "docs": docs.len(),
        "mb": bytes as f64 / 1e6,
        "words": words,
        "events": events,
        "structure_s": structure_s,
        "sentences_actors_quotes_time_s": stages_s,
        "events_s": events_s,
        "pipeline_words_per_s_per_core": words as f64 / total,
        "events_words_per_s_per_core": words as f64 / events_s,
    }))
}
