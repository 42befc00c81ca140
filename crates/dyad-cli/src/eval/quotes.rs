//! `dyad eval quotes`: PolNeAR attribution scores (source, cue, content;
//! exact and overlap ≥ 0.5; speaker accuracy) as one JSON line.

use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Gold data: a PolNeAR split folder holding text/ and attributions/
    /// (default: eval/quotes/polnear/dev under DYAD_SHARED).
    #[arg(long)]
    gold: Option<std::path::PathBuf>,
    /// Also write every scoring error (miss, spurious, boundary; per span
    /// kind, with its cue and context) to this file as JSON lines.
    #[arg(long)]
    errors: Option<std::path::PathBuf>,
    /// Also write, as TSV (word, in gold cues, occurrences, share), how
    /// often each word of the split stands inside a gold cue (words in at
    /// least 3 cues): the statistics behind the train-derived cue entries.
    #[arg(long)]
    cue_stats: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let dir = match args.gold {
        Some(d) => d,
        None => dyad_eval::shared::shared_path("eval/quotes/polnear/dev")
            .context("PolNeAR dev not found: pass --gold or set DYAD_SHARED")?,
    };
    let split = dir
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("gold")
        .to_string();
    let report = dyad_eval::quotes::evaluate(&dir, &format!("polnear-{split}"))?;
    if let Some(path) = &args.errors {
        let mut out = String::new();
        for e in dyad_eval::quotes::errors(&dir)? {
            out.push_str(&serde_json::to_string(&e)?);
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
    }
    if let Some(path) = &args.cue_stats {
        let mut out = String::from("word\tin_cue\toccurrences\tshare\n");
        for c in dyad_eval::quotes::cue_statistics(&dir, 3)? {
            let share = c.in_cue as f64 / c.occurrences.max(1) as f64;
            out.push_str(&format!(
                "{}\t{}\t{}\t{share:.2}\n",
                c.word, c.in_cue, c.occurrences
            ));
        }
        std::fs::write(path, out).with_context(|| format!("writing {}", path.display()))?;
    }
    super::print_json(&report)
}
