//! End-to-end tests of `dyad annotate --tabari-project`: a TABARI project's
//! actors, agents, verbs and options code news text written for these
//! tests with the validation suite's fictional states (Arnor, Gondor).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

struct Run {
    /// (code, source actor, target actor) of every event.
    events: Vec<(String, String, String)>,
    stderr: String,
    success: bool,
}

fn annotate(project: &Path, text: &str) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dyad"))
        .arg("annotate")
        .arg("--tabari-project")
        .arg(project)
        .args(["--published", "2004-05-04", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dyad runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(text.as_bytes())
        .expect("write stdin");
    let out = child.wait_with_output().expect("dyad finishes");
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let actor = |e: &Value, side: &str| e[side]["actor"].as_str().unwrap_or("").to_string();
    let mut events = Vec::new();
    for line in stdout.lines() {
        let doc: Value = serde_json::from_str(line).expect("each line is JSON");
        for e in doc["events"].as_array().into_iter().flatten() {
            let code = e["code"].as_str().unwrap_or("").to_string();
            events.push((code, actor(e, "source"), actor(e, "target")));
        }
    }
    Run {
        events,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        success: out.status.success(),
    }
}

fn tabari_dir() -> Option<PathBuf> {
    dyad_core::shared::shared_or_skip("eval/events/tabari/Validate.project")
        .and_then(|p| p.parent().map(Path::to_path_buf))
}

#[test]
fn validation_project_codes_news_text() {
    let Some(dir) = tabari_dir() else {
        return;
    };
    let run = annotate(
        &dir.join("Validate.project"),
        "Arnor criticized Gondor on Tuesday for closing a mountain pass to traders.\n\n\
         The foreign minister of Arnor warned Gondor that the dispute could hurt \
         trade, officials said.\n",
    );
    assert!(run.success, "{}", run.stderr);
    // TABARI.Demo.verbs: CRITICI [121], WARN [160]; ARNOR [ARN], GONDOR [GON]
    let criticized = ("121".to_string(), "ARN".to_string(), "GON".to_string());
    assert!(run.events.contains(&criticized), "{:?}", run.events);
    assert!(
        run.events
            .iter()
            .any(|(c, s, t)| c == "160" && s.starts_with("ARN") && s.len() > 3 && t == "GON"),
        "the minister of Arnor (an agent of ARN) warned Gondor: {:?}",
        run.events
    );
    assert!(
        run.stderr.contains("TABARI.Demo.verbs:") && run.stderr.contains("0 bad option lines"),
        "{}",
        run.stderr
    );
}

/// A project of our own (the suite's dictionaries, our options): a bad
/// option line is one `file:line` message and the run goes on; `CONVERT
/// AGENTS` codes a lone agent by its role.
#[test]
fn project_options_set_the_conventions() {
    let Some(dir) = tabari_dir() else {
        return;
    };
    let tmp = tempfile::tempdir().expect("temp dir");
    let project = tmp.path().join("news.project");
    let text = format!(
        "<actorsfile> {}\n<agentsfile> {}\n<verbsfile> {}\n<optionsfile> news.options\n",
        dir.join("TABARI.Demo.actors").display(),
        dir.join("Validate.agents").display(),
        dir.join("TABARI.Demo.verbs").display(),
    );
    std::fs::write(&project, text).expect("write project");
    // eight words at least: TABARI's default MINIMUM WORDS
    let sentence = "Guerrillas warned Gondor on Monday that their campaign would go on.\n";
    let rebels = ("160".to_string(), "~REB".to_string(), "GON".to_string());
    for convert in [true, false] {
        let options = format!(
            "SET: CODE BY CLAUSE\nSET: NO SUCH SETTING = TRUE\nSET: CONVERT AGENTS = {}\n",
            if convert { "TRUE" } else { "FALSE" }
        );
        std::fs::write(tmp.path().join("news.options"), options).expect("write options");
        let run = annotate(&project, sentence);
        assert!(run.success, "{}", run.stderr);
        let bad: Vec<&str> = run
            .stderr
            .lines()
            .filter(|l| l.contains("news.options:2:"))
            .collect();
        assert_eq!(bad.len(), 1, "{}", run.stderr);
        assert!(run.stderr.contains("1 bad option lines"), "{}", run.stderr);
        assert_eq!(run.events.contains(&rebels), convert, "{:?}", run.events);
    }
}

#[test]
fn a_missing_project_is_one_line_naming_it() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let missing = tmp.path().join("nowhere.project");
    let run = annotate(&missing, "Arnor met Gondor.\n");
    assert!(!run.success);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines.first().is_some_and(|l| l.contains("nowhere.project")),
        "{}",
        run.stderr
    );
}
