//! Throughput of the time stage on a folder of plain-text articles (default:
//! the BBC corpus under DYAD_SHARED), single thread, words per second.
//!
//! `cargo run --release -p dyad-time --example throughput [DIR]`

use std::path::{Path, PathBuf};
use std::time::Instant;

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            std::env::var_os("DYAD_SHARED")
                .map(PathBuf::from)
                .unwrap_or_else(|| PathBuf::from("../shared"))
                .join("corpora/bbc-news-2004-05")
        });
    let mut files = Vec::new();
    collect(&dir, &mut files);
    let texts: Vec<String> = files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        eprintln!("no .txt files under {}", dir.display());
        return;
    }
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let tagger = dyad_time::TimeTagger::new();
    let reference = chrono::NaiveDate::from_ymd_opt(2005, 1, 1);
    let mut found = 0;
    let mut best = f64::MAX;
    for _ in 0..5 {
        let started = Instant::now();
        found = texts
            .iter()
            .map(|t| tagger.find(t, reference).len())
            .sum::<usize>();
        best = best.min(started.elapsed().as_secs_f64());
    }
    println!(
        "{} docs, {words} words, {found} timexes, best of 5: {best:.3} s, {:.0} words/s",
        texts.len(),
        words as f64 / best
    );
}
