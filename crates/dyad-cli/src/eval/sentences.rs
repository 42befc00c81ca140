//! `dyad eval sentences`: sentence-boundary P/R/F1 on MEANTIME, one JSON line.

use std::path::PathBuf;

use anyhow::Context;

#[derive(clap::Args)]
pub struct Args {
    /// Gold data: a folder searched recursively for MEANTIME CAT `.xml` files
    /// (default: the English intra-document annotation under DYAD_SHARED).
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Also print up to N boundary errors (missed / spurious, with context)
    /// to stderr.
    #[arg(long, value_name = "N")]
    show_errors: Option<usize>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let dir = match args.gold {
        Some(dir) => dir,
        None => dyad_eval::sentences::default_gold_dir().with_context(|| {
            format!(
                "MEANTIME not found at <shared>/{} (set DYAD_SHARED or pass --gold DIR)",
                dyad_eval::sentences::MEANTIME_DIR
            )
        })?,
    };
    let report = dyad_eval::sentences::evaluate(&dir)?;
    if let Some(n) = args.show_errors {
        for e in report.errors.iter().take(n) {
            eprintln!("{:8} {:<40} {}", e.kind, e.doc, e.context);
        }
    }
    super::print_json(&report)
}
