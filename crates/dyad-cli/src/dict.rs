//! `dyad dict …`: dictionary tools.
//!
//! * `dyad dict import --out DIR FILE…` converts TABARI/PETRARCH actor and
//!   agent dictionaries to dyad's format (`DIR/imported.actors.txt`,
//!   `DIR/imported.roles.txt`); bad lines are reported as `file:line:
//!   message`, skipped and counted.
//! * `dyad dict bench [--dict FILE]… [--no-defaults] PATH…` runs the actors
//!   stage alone over a corpus and prints one JSON line: load time, phrases,
//!   words per second on one core, peak memory.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use dyad_actors::dict::tabari;
use dyad_actors::{load_file, ActorTagger, DictSource, Dictionary, ImportReport};
use dyad_core::Document;

#[derive(clap::Subcommand)]
pub enum DictCommand {
    /// Convert TABARI/PETRARCH actor and agent dictionaries to dyad's format.
    Import(ImportArgs),
    /// Time the actors stage over a corpus (one core); prints one JSON line.
    Bench(BenchArgs),
}

#[derive(clap::Args)]
pub struct ImportArgs {
    /// Dictionary files: names containing `agents` are read as agent
    /// dictionaries, others as actor dictionaries.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Directory to write `imported.actors.txt` and `imported.roles.txt` to.
    #[arg(long)]
    out: PathBuf,
}

#[derive(clap::Args)]
pub struct BenchArgs {
    /// Text files or directories (one article per file; a first line
    /// without a final period is taken as the headline and skipped).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Extra dictionaries (dyad format, or TABARI/PETRARCH `.actors` /
    /// `agents` files, chosen by name). Repeatable.
    #[arg(long = "dict")]
    dicts: Vec<PathBuf>,
    /// Do not load dyad's own dictionaries.
    #[arg(long)]
    no_defaults: bool,
    /// Date used to select dated roles (YYYY-MM-DD).
    #[arg(long, value_parser = crate::annotate::parse_iso_date)]
    date: Option<chrono::NaiveDate>,
    /// Annotate the corpus this many times (steadier timings).
    #[arg(long, default_value_t = 1)]
    repeat: usize,
}

pub fn run(cmd: DictCommand) -> anyhow::Result<()> {
    match cmd {
        DictCommand::Import(args) => import(args),
        DictCommand::Bench(args) => bench(args),
    }
}

#[derive(serde::Serialize)]
struct ImportSummary {
    files: usize,
    actors: usize,
    actor_phrases: usize,
    uncoded_actors: usize,
    agents: usize,
    role_phrases: usize,
    bad_lines: usize,
    actors_file: String,
    roles_file: String,
}

fn import(args: ImportArgs) -> anyhow::Result<()> {
    let mut dict = Dictionary::default();
    let mut report = ImportReport::default();
    for path in &args.paths {
        let source = match DictSource::guess(path) {
            DictSource::TabariAgents => DictSource::TabariAgents,
            _ => DictSource::TabariActors,
        };
        load_file(path, source, &mut dict, &mut report)?;
    }
    for e in &report.load.errors {
        eprintln!("{e}");
    }
    std::fs::create_dir_all(&args.out)
        .with_context(|| format!("creating {}", args.out.display()))?;
    let names: Vec<String> = args
        .paths
        .iter()
        .map(|p| {
            p.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let header = format!(
        "Imported by `dyad dict import` from: {}\nThe licence of the source dictionaries applies to this file.",
        names.join(", ")
    );
    let actors_path = args.out.join("imported.actors.txt");
    let roles_path = args.out.join("imported.roles.txt");
    write(&actors_path, &tabari::write_actors(&dict, &header))?;
    write(&roles_path, &tabari::write_roles(&dict, &header))?;
    let actor_phrases = dict
        .phrases
        .iter()
        .filter(|(_, t)| matches!(t, dyad_actors::dict::Target::Actor(..)))
        .count();
    let summary = ImportSummary {
        files: args.paths.len(),
        actors: dict.actors.len(),
        actor_phrases,
        uncoded_actors: report.uncoded,
        agents: report.agents,
        role_phrases: dict.roles.len(),
        bad_lines: report.load.errors.len(),
        actors_file: actors_path.display().to_string(),
        roles_file: roles_path.display().to_string(),
    };
    println!("{}", serde_json::to_string(&summary)?);
    Ok(())
}

fn write(path: &Path, text: &str) -> anyhow::Result<()> {
    std::fs::write(path, text).with_context(|| format!("writing {}", path.display()))
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| format!("reading {}", path.display()))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for p in entries {
            collect(&p, out)?;
        }
    } else {
        out.push(path.to_path_buf());
    }
    Ok(())
}

/// CPU time of the calling thread in seconds (Linux), when known.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Peak resident memory of this process in MiB (Linux), when known.
fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

#[derive(serde::Serialize)]
struct BenchReport {
    docs: usize,
    words: usize,
    entities: usize,
    coded_entities: usize,
    phrases: usize,
    bad_dictionary_lines: usize,
    load_seconds: f64,
    load_cpu_seconds: Option<f64>,
    annotate_seconds: f64,
    annotate_cpu_seconds: Option<f64>,
    words_per_second: f64,
    /// Words per second of CPU time on one core (robust to a busy machine).
    words_per_cpu_second: Option<f64>,
    peak_rss_mib: Option<f64>,
}

fn bench(args: BenchArgs) -> anyhow::Result<()> {
    let mut files = Vec::new();
    for p in &args.paths {
        collect(p, &mut files)?;
    }
    let mut docs = Vec::with_capacity(files.len());
    for f in &files {
        let bytes = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
        let text = String::from_utf8_lossy(&bytes);
        let body = match text.split_once('\n') {
            Some((first, rest)) if !first.trim_end().ends_with('.') => rest,
            _ => &text,
        };
        let mut doc = Document::from_body(f.display().to_string(), body.trim());
        doc.published = args.date;
        docs.push(doc);
    }
    let c0 = thread_cpu_seconds();
    let t0 = Instant::now();
    let sources: Vec<(PathBuf, DictSource)> = args
        .dicts
        .iter()
        .map(|p| (p.clone(), DictSource::guess(p)))
        .collect();
    let (tagger, report) = ActorTagger::from_files(!args.no_defaults, &sources)?;
    let load_seconds = t0.elapsed().as_secs_f64();
    let c1 = thread_cpu_seconds();
    let words: usize = docs.iter().map(Document::word_count).sum();
    let t1 = Instant::now();
    let mut entities = 0;
    let mut coded = 0;
    for _ in 0..args.repeat.max(1) {
        entities = 0;
        coded = 0;
        for doc in docs.iter_mut() {
            tagger.annotate(doc);
            entities += doc.entities.len();
            coded += doc.entities.iter().filter(|e| e.actor.is_some()).count();
        }
    }
    let secs = t1.elapsed().as_secs_f64();
    let c2 = thread_cpu_seconds();
    let load_cpu = c0.zip(c1).map(|(a, b)| b - a);
    let annotate_cpu = c1.zip(c2).map(|(a, b)| b - a);
    let total_words = words * args.repeat.max(1);
    let out = BenchReport {
        docs: docs.len(),
        words,
        entities,
        coded_entities: coded,
        phrases: tagger.phrase_count(),
        bad_dictionary_lines: report.load.errors.len(),
        load_seconds,
        load_cpu_seconds: load_cpu,
        annotate_seconds: secs,
        annotate_cpu_seconds: annotate_cpu,
        words_per_cpu_second: annotate_cpu
            .filter(|c| *c > 0.0)
            .map(|c| total_words as f64 / c),
        words_per_second: if secs > 0.0 {
            total_words as f64 / secs
        } else {
            0.0
        },
        peak_rss_mib: peak_rss_mib(),
    };
    println!("{}", serde_json::to_string(&out)?);
    Ok(())
}
