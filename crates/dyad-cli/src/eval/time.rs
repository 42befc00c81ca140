//! `dyad eval time`: TempEval-3 task A scores (strict/relaxed span P/R/F1,
//! type F1, value F1) of dyad — or of another system's TimeML files with
//! `--pred` — on a TimeML gold directory (default: TBAQ under DYAD_SHARED).

use std::io::Write;

use dyad_eval::time::{evaluate, TimeEvalOptions};

#[derive(clap::Args)]
pub struct Args {
    /// Gold data (default: its place under DYAD_SHARED).
    #[arg(long)]
    gold: Option<std::path::PathBuf>,
    /// Score these TimeML files (same file names as the gold) instead of dyad.
    #[arg(long)]
    pred: Option<std::path::PathBuf>,
    /// Write every disagreement (missed, spurious, wrong value/type/extent) as JSON lines here.
    #[arg(long)]
    errors: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let gold = match args.gold {
        Some(g) => g,
        None => dyad_eval::shared::shared_path("eval/time/tbaq")
            .ok_or_else(|| anyhow::anyhow!("TBAQ not found: pass --gold or set DYAD_SHARED"))?,
    };
    let options = TimeEvalOptions {
        pred: args.pred,
        collect_errors: args.errors.is_some(),
    };
    let (report, errors) = evaluate(&gold, &options)?;
    if let Some(path) = args.errors {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
        for e in &errors {
            writeln!(out, "{}", serde_json::to_string(e)?)?;
        }
    }
    super::print_json(&report)
}
