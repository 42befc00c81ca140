//! `dyad eval quotes`: PolNeAR attribution scores (source, cue, content;
//! exact and overlap ≥ 0.5; speaker accuracy) as one JSON line.

use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Gold data: a PolNeAR split folder holding text/ and attributions/
    /// (default: eval/quotes/polnear/dev under DYAD_SHARED).
    #[arg(long)]
    gold: Option<std::path::PathBuf>,
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
    super::print_json(&report)
}
