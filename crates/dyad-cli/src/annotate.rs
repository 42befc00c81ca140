//! `dyad annotate`: read articles, recover structure, annotate, and write one
//! JSON Document per line to stdout; a summary line goes to stderr.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_core::Document;
use dyad_ingest::{read_inputs, InputFormat, ReadOptions, StructureOptions};

use crate::batch::{process, Sink};
use crate::dicts::DictArgs;

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
    #[command(flatten)]
    dicts: DictArgs,
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
    pipeline = args.dicts.apply(pipeline)?;
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
