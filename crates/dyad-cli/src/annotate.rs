//! `dyad annotate`: read articles, recover structure, annotate, and write one
//! JSON Document per line to stdout; a summary line goes to stderr.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use anyhow::Context;
use chrono::NaiveDate;
use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_core::Document;
use dyad_ingest::{read_inputs, InputFormat, ReadOptions, StructureOptions};

use crate::batch::{process, Sink};

#[derive(Clone, Copy, clap::ValueEnum)]
pub enum FormatArg {
    Auto,
    Text,
    Jsonl,
}

#[derive(clap::Args)]
pub struct AnnotateArgs {
    /// Files, directories (read recursively) or `-` for stdin [default: -].
    paths: Vec<PathBuf>,
    /// Input format: by extension (.jsonl/.ndjson), or forced.
    #[arg(long, value_enum, default_value = "auto")]
    format: FormatArg,
    /// Publication date (YYYY-MM-DD) for articles that give none.
    #[arg(long, value_parser = parse_iso_date)]
    published: Option<NaiveDate>,
    /// Pretty-print each document (multi-line JSON; not JSONL).
    #[arg(long)]
    pretty: bool,
    /// Largest record accepted, in MiB.
    #[arg(long, default_value_t = 16)]
    max_record_mib: usize,
    /// Skip the actors stage.
    #[arg(long)]
    no_actors: bool,
    /// Skip the quotes stage.
    #[arg(long)]
    no_quotes: bool,
    /// Skip the time stage.
    #[arg(long)]
    no_time: bool,
    /// Skip the events stage.
    #[arg(long)]
    no_events: bool,
    /// Extra actor/agent dictionaries (dyad format, or TABARI/PETRARCH
    /// `.actors`/agents files such as Phoenix), loaded with the built-in ones.
    #[arg(long = "actors-dict")]
    actors_dicts: Vec<PathBuf>,
    /// Do not load the built-in actor dictionaries (use only --actors-dict).
    #[arg(long)]
    no_default_actors: bool,
    /// Do not run the statistical NER model (it runs by default, on the
    /// capitalised words no dictionary or rule covered).
    #[arg(long)]
    no_ner: bool,
    /// A PETRARCH verb dictionary (CAMEO.2.0.txt or CAMEO.verbpatterns.*.txt)
    /// coded by dyad's coder instead of its own patterns, PETRARCH-style
    /// (codes as written, only events with both actors).
    #[arg(long = "verbs-dict")]
    verbs_dict: Option<PathBuf>,
    /// The discard list for --verbs-dict (e.g. Phoenix.discards.txt).
    #[arg(long = "discards-dict", requires = "verbs_dict")]
    discards_dict: Option<PathBuf>,
}

/// The actors tagger for `--actors-dict` / `--no-default-actors` / `--no-ner`,
/// when one of them is given.
pub fn actor_tagger(
    dicts: &[PathBuf],
    no_defaults: bool,
    no_ner: bool,
) -> anyhow::Result<Option<dyad_actors::ActorTagger>> {
    if dicts.is_empty() && !no_defaults && !no_ner {
        return Ok(None);
    }
    let mut tagger = if dicts.is_empty() && !no_defaults {
        dyad_actors::ActorTagger::new()
    } else {
        let files: Vec<(PathBuf, dyad_actors::DictSource)> = dicts
            .iter()
            .map(|p| (p.clone(), dyad_actors::DictSource::guess(p)))
            .collect();
        let (tagger, report) = dyad_actors::ActorTagger::from_files(!no_defaults, &files)?;
        for error in &report.load.errors {
            eprintln!("dyad: dictionary: {error}");
        }
        eprintln!(
            "dyad: actor dictionaries loaded: {} actors, {} agents, {} bad lines",
            report.actors,
            report.agents,
            report.load.errors.len()
        );
        tagger
    };
    if no_ner {
        tagger = tagger.without_ner();
    }
    Ok(Some(tagger))
}

/// The event coder for `--verbs-dict` / `--discards-dict`, when given; what
/// was read and skipped goes to stderr.
pub fn event_coder(
    verbs: Option<&Path>,
    discards: Option<&Path>,
) -> anyhow::Result<Option<dyad_code::EventCoder>> {
    let Some(verbs) = verbs else {
        return Ok(None);
    };
    let (coder, report) =
        dyad_code::petrarch::load_coder(verbs, discards, dyad_code::CodeTable::embedded())
            .with_context(|| format!("loading {}", verbs.display()))?;
    for error in &report.verbs.errors {
        eprintln!("dyad: dictionary: {error}");
    }
    eprintln!("dyad: {}", report.summary());
    Ok(Some(coder.with_petrarch_rules(report.rules)))
}

/// Reader settings from the command-line format and size limit.
pub fn read_options(format: FormatArg, max_record_mib: usize) -> ReadOptions {
    ReadOptions {
        format: match format {
            FormatArg::Auto => InputFormat::Auto,
            FormatArg::Text => InputFormat::Text,
            FormatArg::Jsonl => InputFormat::Jsonl,
        },
        max_record_bytes: max_record_mib.saturating_mul(1024 * 1024),
    }
}

pub fn parse_iso_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a YYYY-MM-DD date: {e}"))
}

struct JsonLines<W: Write> {
    out: W,
    pretty: bool,
}

impl<W: Write> Sink for JsonLines<W> {
    fn write_batch(&mut self, docs: Vec<Document>) -> anyhow::Result<bool> {
        for doc in docs {
            let written = if self.pretty {
                serde_json::to_writer_pretty(&mut self.out, &doc)
            } else {
                serde_json::to_writer(&mut self.out, &doc)
            };
            match written
                .map_err(std::io::Error::from)
                .and_then(|_| self.out.write_all(b"\n"))
            {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(false),
                Err(e) => return Err(e).context("writing to stdout"),
            }
        }
        Ok(true)
    }
}

pub fn run(args: AnnotateArgs) -> anyhow::Result<()> {
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("-")]
    } else {
        args.paths
    };
    let read = read_options(args.format, args.max_record_mib);
    let structure = StructureOptions {
        fallback_published: args.published,
    };
    let mut pipeline = Pipeline::new(PipelineOptions {
        actors: !args.no_actors,
        quotes: !args.no_quotes,
        time: !args.no_time,
        events: !args.no_events,
        fallback_published: args.published,
    });
    if let Some(tagger) = actor_tagger(&args.actors_dicts, args.no_default_actors, args.no_ner)? {
        pipeline = pipeline.with_actors(tagger);
    }
    if let Some(coder) = event_coder(args.verbs_dict.as_deref(), args.discards_dict.as_deref())? {
        pipeline = pipeline.with_events(coder);
    }
    let stdout = std::io::stdout();
    let mut sink = JsonLines {
        out: BufWriter::new(stdout.lock()),
        pretty: args.pretty,
    };
    let summary = process(
        read_inputs(&paths, &read),
        &structure,
        &pipeline,
        &mut sink,
        |_| {},
    )?;
    if let Err(e) = sink.out.flush() {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(e).context("writing to stdout");
        }
    }
    eprintln!("dyad annotate: {}", summary.line());
    Ok(())
}
