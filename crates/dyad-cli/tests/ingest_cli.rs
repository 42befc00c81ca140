//! `dyad ingest` end to end: idempotence, and a `kill -9` in the middle of a
//! run followed by a re-run that resumes without loss or duplicates.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn ingest(paths: &[&Path], db: &Path) -> String {
    let out = dyad()
        .arg("ingest")
        .args(paths)
        .arg("--db")
        .arg(db)
        .arg("--quiet")
        .output()
        .expect("dyad runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(out.status.success(), "{stderr}");
    stderr
}

/// `(articles, events, entities, quotes, timexes)` as `dyad` reports them.
fn counts(db: &Path) -> Vec<String> {
    ["actors", "events"]
        .iter()
        .map(|cmd| {
            let out = dyad()
                .arg(cmd)
                .arg("--db")
                .arg(db)
                .args(["--output", "json", "--limit", "100000"])
                .output()
                .expect("dyad runs");
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
            let mut lines: Vec<String> = String::from_utf8_lossy(&out.stdout)
                .lines()
                .map(str::to_string)
                .collect();
            lines.sort();
            lines.join("\n")
        })
        .collect()
}

fn samples() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples")
}

#[test]
fn ingest_twice_stores_once() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("s.db");
    let first = ingest(&[&samples()], &db);
    assert!(
        first.contains("read 16, annotated 16, skipped 0; stored 16"),
        "{first}"
    );
    let second = ingest(&[&samples()], &db);
    assert!(
        second.contains("read 16, annotated 0, already present 16, skipped 0; stored 0"),
        "{second}"
    );
    assert!(second.contains("16 articles"), "{second}");
}

#[test]
fn kill_9_mid_ingest_then_resume_loses_and_duplicates_nothing() {
    let Some(bbc) = dyad_core::shared::shared_or_skip("corpora/bbc-news-2004-05") else {
        return;
    };
    let inputs = [bbc.join("politics"), bbc.join("business")];
    let inputs: Vec<&Path> = inputs.iter().map(PathBuf::as_path).collect();
    let dir = tempfile::tempdir().expect("tempdir");

    // Reference: one uninterrupted run.
    let clean_db = dir.path().join("clean.db");
    ingest(&inputs, &clean_db);

    // Killed run: SIGKILL once some batches are committed.
    let db = dir.path().join("killed.db");
    let mut child = dyad()
        .arg("ingest")
        .args(&inputs)
        .arg("--db")
        .arg(&db)
        .arg("--quiet")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("dyad runs");
    let started = Instant::now();
    let wal = db.with_extension("db-wal");
    while started.elapsed() < Duration::from_secs(60) {
        if std::fs::metadata(&wal)
            .map(|m| m.len() > 64 * 1024)
            .unwrap_or(false)
        {
            break;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("reaped");
    assert!(
        !status.success(),
        "the run finished before it could be killed"
    );

    let resumed = ingest(&inputs, &db);
    assert!(
        resumed.contains("already present"),
        "nothing was committed before the kill: {resumed}"
    );
    assert_eq!(counts(&db), counts(&clean_db));
    let again = ingest(&inputs, &db);
    assert!(again.contains("stored 0;"), "{again}");
}

#[test]
fn recode_replaces_every_article_once_and_finishes() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("r.db");
    ingest(&[&samples()], &db);
    let before = counts(&db);
    let mut child = dyad()
        .arg("recode")
        .arg("--db")
        .arg(&db)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(120) {
            child.kill().expect("kill");
            panic!("dyad recode did not finish: it must page only through the rows present at its start");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().expect("stderr"), &mut stderr)
        .expect("read");
    assert!(status.success(), "{stderr}");
    assert!(stderr.contains("16 articles re-coded"), "{stderr}");
    assert_eq!(counts(&db), before);
}
