//! `dyad demo`: the whole job on the built-in sample articles — ingest them
//! into a fresh embedded database, then print the relations report for one
//! dyad (Russia–United States by default) and the most mentioned actors.
//!
//! The samples (`samples/`, written by us) are compiled into the binary, so
//! the demo runs from any directory.

use std::path::{Path, PathBuf};

use anyhow::Context;
use dyad_annotate::{Pipeline, PipelineOptions};
use dyad_ingest::readers::parse_jsonl_record;
use dyad_ingest::{IngestError, Origin, RawArticle, StructureOptions};
use dyad_store::relations::{Period, RelationsQuery};
use dyad_store::Store;

use crate::batch::process;
use crate::ingest::{coder_version, StoreSink};

/// The sample text articles, by repository path.
pub const SAMPLE_ARTICLES: &[(&str, &str)] = &[
    (
        "samples/articles/2017-04-13-tillerson-moscow.txt",
        include_str!("../../../samples/articles/2017-04-13-tillerson-moscow.txt"),
    ),
    (
        "samples/articles/2017-05-12-kremlin-thaw.txt",
        include_str!("../../../samples/articles/2017-05-12-kremlin-thaw.txt"),
    ),
    (
        "samples/articles/2017-06-20-berlin-sanctions.txt",
        include_str!("../../../samples/articles/2017-06-20-berlin-sanctions.txt"),
    ),
    (
        "samples/articles/2017-07-08-hamburg-g20.txt",
        include_str!("../../../samples/articles/2017-07-08-hamburg-g20.txt"),
    ),
    (
        "samples/articles/2017-08-03-washington-sanctions.txt",
        include_str!("../../../samples/articles/2017-08-03-washington-sanctions.txt"),
    ),
    (
        "samples/articles/2017-09-01-consulate-closure.txt",
        include_str!("../../../samples/articles/2017-09-01-consulate-closure.txt"),
    ),
    (
        "samples/articles/2017-11-09-beijing-trade.txt",
        include_str!("../../../samples/articles/2017-11-09-beijing-trade.txt"),
    ),
    (
        "samples/articles/2017-11-11-danang-apec.txt",
        include_str!("../../../samples/articles/2017-11-11-danang-apec.txt"),
    ),
    (
        "samples/articles/2018-03-23-tariffs.txt",
        include_str!("../../../samples/articles/2018-03-23-tariffs.txt"),
    ),
    (
        "samples/articles/2018-11-26-kerch.txt",
        include_str!("../../../samples/articles/2018-11-26-kerch.txt"),
    ),
    (
        "samples/articles/2019-02-02-inf-treaty.txt",
        include_str!("../../../samples/articles/2019-02-02-inf-treaty.txt"),
    ),
    (
        "samples/articles/2019-06-29-osaka.txt",
        include_str!("../../../samples/articles/2019-06-29-osaka.txt"),
    ),
];

/// The sample JSONL feed.
pub const SAMPLE_FEED: (&str, &str) = (
    "samples/feed.jsonl",
    include_str!("../../../samples/feed.jsonl"),
);

#[derive(clap::Args)]
pub struct DemoArgs {
    /// Database file to create (replaced if it exists).
    #[arg(long, default_value = "dyad-demo.db")]
    db: PathBuf,
    /// First actor of the dyad to report.
    #[arg(long, default_value = "RUS")]
    a: String,
    /// Second actor of the dyad to report.
    #[arg(long, default_value = "USA")]
    b: String,
}

/// The built-in samples as raw records.
pub fn sample_records() -> Vec<Result<RawArticle, IngestError>> {
    let mut out: Vec<Result<RawArticle, IngestError>> = SAMPLE_ARTICLES
        .iter()
        .map(|(name, text)| Ok(RawArticle::from_text(Origin::file(name), *text)))
        .collect();
    let (name, feed) = SAMPLE_FEED;
    for (i, line) in feed
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        out.push(parse_jsonl_record(Origin::line(name, i + 1), line));
    }
    out
}

fn remove_database(db: &Path) -> anyhow::Result<()> {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        let path = PathBuf::from(name);
        if path.exists() {
            std::fs::remove_file(&path).with_context(|| format!("removing {}", path.display()))?;
        }
    }
    Ok(())
}

pub fn run(args: DemoArgs) -> anyhow::Result<()> {
    remove_database(&args.db)?;
    let store = Store::open(&args.db).with_context(|| format!("creating {}", args.db.display()))?;
    let pipeline = Pipeline::new(PipelineOptions::default());
    let mut sink = StoreSink::new(store, coder_version());
    let summary = process(
        sample_records().into_iter(),
        &StructureOptions::default(),
        &pipeline,
        &mut sink,
        |_| {},
    )?;
    let store = sink.into_store();
    println!(
        "Ingested the built-in samples into {}: {}; {} articles, {} events.\n",
        args.db.display(),
        summary.line(),
        store.article_count()?,
        store.event_count()?
    );
    let report = store.relations(&RelationsQuery {
        a: args.a.to_uppercase(),
        b: args.b.to_uppercase(),
        by: Period::Quarter,
        from: None,
        to: None,
        top: 2,
    })?;
    let mut out = std::io::stdout().lock();
    crate::query::relations_table(&report, &mut out)?;
    println!("\nMost mentioned actors:");
    for actor in store.top_actors(8)? {
        println!(
            "  {:<28} {:<12} {:<8} in {} articles",
            actor.name,
            actor.kind,
            actor.actor.as_deref().unwrap_or("-"),
            actor.articles
        );
    }
    println!(
        "\nExplore: dyad events --db {db} --dyad {a} {b} | dyad relations {a} {b} --db {db} --by month | dyad quotes --db {db} --speaker Putin",
        db = args.db.display(),
        a = args.a.to_uppercase(),
        b = args.b.to_uppercase()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_sample_file_is_built_in() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/articles");
        let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
            .expect("samples/articles")
            .filter_map(|e| e.ok())
            .map(|e| format!("samples/articles/{}", e.file_name().to_string_lossy()))
            .collect();
        on_disk.sort();
        let built_in: Vec<String> = SAMPLE_ARTICLES.iter().map(|(n, _)| n.to_string()).collect();
        assert_eq!(on_disk, built_in, "add new sample files to SAMPLE_ARTICLES");
        assert!(sample_records().iter().all(Result::is_ok));
    }
}
