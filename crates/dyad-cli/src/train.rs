//! `dyad train …`: train statistical components from gold data.
//!
//! `dyad train ner --conll ../shared/eval/entities/conll2003/train.txt --out data/models/ner-conll2003.bin`
//! trains the named-entity model (fixed seed: the same data gives the same
//! bytes), writes its weights and a `PROVENANCE.md` beside them, and scores
//! it on the validation set when one is found.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use dyad_actors::ner::{self, NerModel, TrainConfig};
use dyad_eval::entities;

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Train the named-entity model on CoNLL-2003 train.
    Ner(NerArgs),
}

#[derive(clap::Args)]
pub struct NerArgs {
    /// CoNLL-2003 training file (default: its place under DYAD_SHARED).
    #[arg(long)]
    conll: Option<PathBuf>,
    /// Where to write the weights.
    #[arg(long, default_value = "data/models/ner-conll2003.bin")]
    out: PathBuf,
    /// Validation file to score the model on (default: CoNLL-2003 valid under
    /// DYAD_SHARED, when present).
    #[arg(long)]
    valid: Option<PathBuf>,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainConfig::default().epochs)]
    epochs: usize,
    /// Seed of the document shuffle.
    #[arg(long, default_value_t = TrainConfig::default().seed)]
    seed: u64,
    /// Drop features whose averaged weights are all below this.
    #[arg(long, default_value_t = TrainConfig::default().min_weight)]
    min_weight: f32,
    /// Unlabelled text for the word clusters (repeatable): a folder (its
    /// `.txt` files), a `.csv` (one text per line), an `.sgm` (tags
    /// dropped) or any text file. Default: the BBC, AG News and
    /// Reuters-21578 corpora under DYAD_SHARED, when present.
    #[arg(long)]
    corpus: Vec<PathBuf>,
}

/// The default unlabelled corpora, inside the shared folder.
const CORPORA: &[&str] = &[
    "corpora/bbc-news-2004-05",
    "corpora/ag-news-test/test.csv",
    "corpora/reuters21578/reut2-000.sgm",
];

/// Texts of a corpus path (see `NerArgs::corpus`), in a fixed order.
fn read_corpus(path: &Path, out: &mut Vec<String>) -> anyhow::Result<()> {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .with_context(|| path.display().to_string())?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for e in entries {
            if e.is_dir() || e.extension().is_some_and(|x| x == "txt") {
                read_corpus(&e, out)?;
            }
        }
        return Ok(());
    }
    let bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
    let text = String::from_utf8_lossy(&bytes);
    match path.extension().and_then(|x| x.to_str()) {
        Some("csv") => out.extend(text.lines().map(String::from)),
        Some("sgm") => {
            let mut plain = String::with_capacity(text.len());
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' => {
                        in_tag = true;
                        plain.push(' ');
                    }
                    '>' => in_tag = false,
                    _ if !in_tag => plain.push(c),
                    _ => {}
                }
            }
            out.extend(plain.split("\n\n").map(String::from));
        }
        _ => out.push(text.into_owned()),
    }
    Ok(())
}

pub fn run(cmd: TrainCommand) -> anyhow::Result<()> {
    match cmd {
        TrainCommand::Ner(args) => train_ner(args),
    }
}

fn train_ner(args: NerArgs) -> anyhow::Result<()> {
    let conll = match args.conll {
        Some(p) => p,
        None => dyad_eval::shared::shared_path(entities::TRAIN)
            .with_context(|| format!("{} not found: pass --conll", entities::TRAIN))?,
    };
    let valid = args
        .valid
        .or_else(|| dyad_eval::shared::shared_path(entities::VALID));
    let docs = entities::read_conll(&conll)?;
    let labeled = entities::to_labeled(&docs);
    let corpora: Vec<PathBuf> = if args.corpus.is_empty() {
        CORPORA
            .iter()
            .filter_map(|c| dyad_eval::shared::shared_path(c))
            .collect()
    } else {
        args.corpus.clone()
    };
    let mut unlabeled = Vec::new();
    for c in &corpora {
        read_corpus(c, &mut unlabeled)?;
    }
    let config = TrainConfig {
        epochs: args.epochs,
        seed: args.seed,
        min_weight: args.min_weight,
    };
    let started = Instant::now();
    let (bytes, summary) = ner::train(&labeled, &unlabeled, &config, |epoch, rate| {
        eprintln!(
            "epoch {epoch}: {:.3}% training tokens mistagged",
            100.0 * rate
        );
    })?;
    let train_seconds = started.elapsed().as_secs_f64();
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| dir.display().to_string())?;
    }
    std::fs::write(&args.out, &bytes).with_context(|| args.out.display().to_string())?;
    let model = NerModel::from_bytes(&bytes)?;
    let report = match &valid {
        Some(v) => Some(entities::evaluate(&model, v)?),
        None => None,
    };
    let provenance = provenance_path(&args.out);
    let text = provenance_text(&Run {
        corpora: &corpora,
        conll: &conll,
        out: &args.out,
        config: &config,
        summary: &summary,
        seconds: train_seconds,
        size: bytes.len(),
        report: report.as_ref(),
    });
    std::fs::write(&provenance, text).with_context(|| provenance.display().to_string())?;
    let line = serde_json::json!({
        "out": args.out,
        "provenance": provenance,
        "bytes": bytes.len(),
        "train_seconds": (train_seconds * 10.0).round() / 10.0,
        "tokens": summary.tokens,
        "features_seen": summary.features_seen,
        "features_kept": summary.features_kept,
        "valid": report,
    });
    println!("{line}");
    Ok(())
}

/// `x/ner-conll2003.bin` → `x/ner-conll2003.PROVENANCE.md`.
fn provenance_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!("{stem}.PROVENANCE.md"))
}

/// What a training run used and produced.
struct Run<'a> {
    corpora: &'a [PathBuf],
    conll: &'a Path,
    out: &'a Path,
    config: &'a TrainConfig,
    summary: &'a ner::TrainSummary,
    seconds: f64,
    size: usize,
    report: Option<&'a entities::EntitiesReport>,
}

fn provenance_text(run: &Run) -> String {
    let Run {
        corpora,
        conll,
        out,
        config,
        summary,
        seconds,
        size,
        report,
    } = *run;
    let mut s = String::new();
    let date = chrono::Utc::now().format("%Y-%m-%d %H:%M UTC");
    let _ = writeln!(s, "# Provenance of `{}`\n", out.display());
    let _ = writeln!(
        s,
        "Named-entity weights for `dyad_actors::ner::NerModel` (PER, ORG, LOC, MISC).\n"
    );
    let _ = writeln!(
        s,
        "- Trained: {date}, in {seconds:.1} s (release build, one thread)."
    );
    let corpus_args: String = corpora
        .iter()
        .map(|c| format!(" --corpus {}", c.display()))
        .collect();
    let _ = writeln!(
        s,
        "- Command: `dyad train ner --conll {} --out {} --epochs {} --seed {} --min-weight {}{corpus_args}` (the `--corpus` values shown are the defaults found under DYAD_SHARED).",
        conll.display(),
        out.display(),
        config.epochs,
        config.seed,
        config.min_weight
    );
    let _ = writeln!(s, "- Word clusters: {} words seen at least 5 times, clustered by their left/right neighbours (the 150 most frequent normalised words plus 4 shape classes per side, square-rooted counts) with spherical k-means (128 fine and 24 coarse clusters, 12 iterations, deterministic initialisation), from the training words plus {} tokens of unlabelled text: {}. Only the cluster numbers are stored in the model, not the text.", summary.clustered_words, summary.unlabeled_tokens, corpora.iter().map(|c| format!("`{}`", c.display())).collect::<Vec<_>>().join(", "));
    let _ = writeln!(s, "- Data: CoNLL-2003 English training set (Reuters 1996), `{}` — {} documents, {} sentences, {} tokens. Only the word column and the NER column are used (no POS/chunk features). The data itself is not in this repository.", conll.display(), summary.documents, summary.sentences, summary.tokens);
    let _ = writeln!(s, "- Word lists: `data/ner/*.txt` (typed for dyad); their hash is part of the model's fingerprint, so editing them requires retraining.");
    let _ = writeln!(s, "- Loading: the 16-bit rows are requantised to 8 bits (one step = 1/127 of the largest weight) and stored beside their keys, three to a cache line (1 MB for 40,000 features); in the actors stage the model runs only on the stretches of capitalised words that no dictionary phrase or rule covered (`crates/dyad-actors/src/gate.rs`).");
    let _ = writeln!(s, "- Model: structured averaged perceptron (Collins 2002) over BILOU tags (17), decoded by a beam search keeping the best path into each of the 4 best tags per token (the same search in training and tagging), {} epochs, documents shuffled with a fixed xorshift seed (deterministic: same data, same bytes).", config.epochs);
    let _ = writeln!(s, "- Features: word; normalised word (lowercase, digits→0, final period dropped) at −2…+2; word bigrams −1/0 and 0/+1; long and short shapes (−2…+2, bigrams, trigram); prefixes and suffixes of 1–4 characters; capitalisation trigram; sentence-initial flags; previous word × shape, shape × next word; gazetteer class and BILU position at −1, 0, +1 (and × capitalisation); fine cluster at −1, 0, +1, coarse cluster, fine cluster × capitalisation, coarse cluster × next coarse cluster; previous tag, previous two tags, previous tag × word and × shape; the label the document last gave the same capitalised word.");
    let _ = writeln!(s, "- Weights: {} features updated, {} kept after dropping those whose averaged weights are all below {}, stored as sparse 16-bit integers, plus the cluster table: {} bytes.", summary.features_seen, summary.features_kept, config.min_weight, size);
    let errs: Vec<String> = summary
        .epoch_errors
        .iter()
        .map(|e| format!("{:.2}", 100.0 * e))
        .collect();
    let _ = writeln!(
        s,
        "- Training tokens mistagged per epoch (%): {}.",
        errs.join(", ")
    );
    if let Some(r) = report {
        let _ = writeln!(
            s,
            "\n## Scores on `{}` (conlleval, entity-level exact match)\n",
            r.gold.display()
        );
        let _ = writeln!(s, "| type | precision | recall | F1 | gold | predicted |");
        let _ = writeln!(s, "|---|---|---|---|---|---|");
        for (k, p) in &r.types {
            let _ = writeln!(
                s,
                "| {k} | {:.2} | {:.2} | {:.2} | {} | {} |",
                p.precision, p.recall, p.f1, p.gold, p.predicted
            );
        }
        let p = &r.per_org_loc;
        let _ = writeln!(
            s,
            "| PER+ORG+LOC | {:.2} | {:.2} | **{:.2}** | {} | {} |",
            p.precision, p.recall, p.f1, p.gold, p.predicted
        );
        let p = &r.overall;
        let _ = writeln!(
            s,
            "| all | {:.2} | {:.2} | **{:.2}** | {} | {} |",
            p.precision, p.recall, p.f1, p.gold, p.predicted
        );
        let _ = writeln!(
            s,
            "\nToken accuracy {:.2} %; tagging speed on this set {:.0} tokens/s (one thread, wall clock on a shared machine; includes building the text).",
            r.accuracy, r.tokens_per_second
        );
        let _ = writeln!(s, "The validation set was used only to compare a few settings (greedy vs beam decoding, beam width 2/3/4, epochs 8/12/16, pruning threshold, word clusters: none / from the training words only / with the corpora), never for training.");
    }
    s
}
