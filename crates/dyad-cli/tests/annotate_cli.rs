//! End-to-end tests of `dyad annotate`: sample articles, and bad input that
//! must give one-line errors while the run goes on.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Run {
    docs: Vec<Value>,
    stderr: String,
    success: bool,
}

fn annotate(args: &[&str], stdin: Option<&[u8]>) -> Run {
    let mut child = dyad()
        .arg("annotate")
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input)
            .expect("write stdin");
    }
    let out = child.wait_with_output().expect("dyad finishes");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    Run {
        docs: stdout
            .lines()
            .map(|l| serde_json::from_str(l).expect("each line is JSON"))
            .collect(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        success: out.status.success(),
    }
}

#[test]
fn sample_articles_become_documents() {
    let samples = repo_root().join("samples");
    let run = annotate(&[samples.to_str().expect("path")], None);
    assert!(run.success, "{}", run.stderr);
    // Twelve text articles and four JSONL records.
    assert_eq!(run.docs.len(), 16, "{}", run.stderr);
    let thaw = run
        .docs
        .iter()
        .find(|d| {
            d["source"]
                .as_str()
                .is_some_and(|s| s.ends_with("2017-05-12-kremlin-thaw.txt"))
        })
        .expect("sample article");
    assert_eq!(thaw["headline"], "Moscow cautious after Washington talks");
    assert_eq!(thaw["published"], "2017-05-12");
    assert_eq!(thaw["dateline"]["location"], "MOSCOW");
    let sentences = thaw["sentences"].as_array().expect("sentences");
    assert_eq!(sentences.len(), 5);
    let text = thaw["text"].as_str().expect("text");
    let first = &sentences[0];
    let (start, end) = (
        first["start"].as_u64().expect("start") as usize,
        first["end"].as_u64().expect("end") as usize,
    );
    assert!(text[start..end].starts_with("The Kremlin said yesterday"));
    let feed = run
        .docs
        .iter()
        .find(|d| d["id"] == "sample-2018-07-17-helsinki")
        .expect("jsonl record");
    assert_eq!(feed["published"], "2018-07-17");
    assert_eq!(feed["headline"], "Trump and Putin meet in Helsinki");
    assert_eq!(feed["dateline"]["location"], "HELSINKI");
    assert!(
        run.stderr.contains("read 16, annotated 16, skipped 0"),
        "{}",
        run.stderr
    );
}

#[test]
fn bad_files_are_reported_and_skipped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let write =
        |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).expect("write");
    write("a-empty.txt", b"");
    write("b-binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    write(
        "c-latin1.txt",
        b"Minister visits Bogot\xe1\n\nThe minister arrived in Bogot\xe1 on Monday for talks.",
    );
    write(
        "d-good.txt",
        b"Talks end\n\nThe talks ended on Friday without agreement.",
    );
    let run = annotate(&[dir.path().to_str().expect("path")], None);
    assert!(run.success);
    assert_eq!(run.docs.len(), 2);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("dyad: skipped"))
        .collect();
    assert_eq!(errors.len(), 2, "{}", run.stderr);
    assert!(errors[0].contains("a-empty.txt: empty input"));
    assert!(errors[1].contains("b-binary.txt: binary data"));
    let latin = run
        .docs
        .iter()
        .find(|d| d["text"].as_str().is_some_and(|t| t.contains("Bogot")))
        .expect("lossy doc");
    assert!(latin["warnings"][0]
        .as_str()
        .is_some_and(|w| w.contains("UTF-8")));
    assert!(
        run.stderr
            .contains("read 4, annotated 2, skipped 2 (binary 1, empty 1), lossy UTF-8 1"),
        "{}",
        run.stderr
    );
}

#[test]
fn jsonl_errors_name_the_line_and_the_run_goes_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("feed.jsonl");
    let mut file = std::fs::File::create(&path).expect("create");
    writeln!(
        file,
        r#"{{"id":"one","title":"First","text":"The envoy met the minister on Monday."}}"#
    )
    .expect("write");
    writeln!(file, r#"{{"id":"two","text": "unterminated"#).expect("write");
    writeln!(file).expect("write");
    writeln!(file, r#"{{"id":"three","title":"No text here"}}"#).expect("write");
    // A 100 MB single line.
    file.write_all(b"{\"text\":\"").expect("write");
    let chunk = vec![b'a'; 1 << 20];
    for _ in 0..100 {
        file.write_all(&chunk).expect("write");
    }
    file.write_all(b"\"}\n").expect("write");
    writeln!(
        file,
        r#"{{"id":"six","text":"The talks resumed on Tuesday.","published":"2020-01-07"}}"#
    )
    .expect("write");
    drop(file);
    let run = annotate(&[path.to_str().expect("path")], None);
    assert!(run.success);
    let ids: Vec<&str> = run.docs.iter().filter_map(|d| d["id"].as_str()).collect();
    assert_eq!(ids, vec!["one", "six"]);
    let errors: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("dyad: skipped"))
        .collect();
    assert_eq!(errors.len(), 3, "{}", run.stderr);
    assert!(errors[0].contains("feed.jsonl:2: invalid JSON"));
    assert!(errors[1].contains("feed.jsonl:4: no article text"));
    assert!(errors[2].contains("feed.jsonl:5: record of 104857611 bytes exceeds the limit"));
    assert!(
        run.stderr.contains("read 5, annotated 2, skipped 3"),
        "{}",
        run.stderr
    );
}

#[test]
fn stdin_text_and_jsonl() {
    let run = annotate(&["--published", "2017-05-12"], Some(b"Headline of the day\n\nMOSCOW - The Kremlin said on Thursday it was too early to tell."));
    assert_eq!(run.docs.len(), 1, "{}", run.stderr);
    assert_eq!(run.docs[0]["source"], "-");
    assert_eq!(run.docs[0]["headline"], "Headline of the day");
    assert_eq!(run.docs[0]["published"], Value::Null);
    assert_eq!(run.docs[0]["reference_date"], "2017-05-12");
    let run = annotate(&["-"], Some(b"{\"text\":\"One.\"}\n{\"text\":\"Two.\"}\n"));
    assert_eq!(run.docs.len(), 2, "{}", run.stderr);
    assert_eq!(run.docs[1]["source"], "-:2");
}

#[test]
fn every_shared_corpus_file_passes_through() {
    let Some(corpora) = dyad_core::shared::shared_or_skip("corpora") else {
        return;
    };
    let out = dyad()
        .arg("annotate")
        .arg(&corpora)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .expect("dyad runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let summary = stderr.lines().last().expect("summary line");
    let count = |key: &str| -> usize {
        summary
            .split(", ")
            .find_map(|part| part.strip_prefix(key))
            .and_then(|n| n.split_whitespace().next())
            .and_then(|n| n.parse().ok())
            .expect("count in summary")
    };
    let (read, annotated, skipped) = (
        count("dyad annotate: read "),
        count("annotated "),
        count("skipped "),
    );
    assert_eq!(read, annotated + skipped, "{summary}");
    assert!(read > 2300, "{summary}");
    let docs = out
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .count();
    assert_eq!(docs, annotated);
}
