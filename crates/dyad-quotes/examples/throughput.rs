//! Measure the quotes stage alone: words per second on one core over a
//! folder tree of plain-text articles (e.g. the BBC corpus in ../shared).
//! `cargo run --release -p dyad-quotes --example throughput -- DIR [ROUNDS]`

use std::path::{Path, PathBuf};
use std::time::Instant;

use dyad_core::Document;
use dyad_quotes::QuoteTagger;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}

fn main() -> std::io::Result<()> {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: throughput DIR [ROUNDS]");
        return Ok(());
    };
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files)?;
    let mut docs = Vec::new();
    for f in &files {
        let text = String::from_utf8_lossy(&std::fs::read(f)?).into_owned();
        docs.push(Document::from_body(f.display().to_string(), text));
    }
    let words: usize = docs.iter().map(Document::word_count).sum();
    let tagger = QuoteTagger::new();
    let mut quotes = 0;
    let started = Instant::now();
    for _ in 0..rounds {
        for doc in docs.iter_mut() {
            tagger.annotate(doc);
            quotes += doc.quotes.len();
        }
    }
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{{\"docs\":{},\"words\":{},\"rounds\":{},\"seconds\":{:.3},\"words_per_sec\":{:.0},\"quotes_per_round\":{}}}",
        docs.len(),
        words,
        rounds,
        secs,
        (words * rounds) as f64 / secs,
        quotes / rounds.max(1)
    );
    Ok(())
}
