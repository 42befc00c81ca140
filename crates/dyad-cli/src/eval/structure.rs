//! `dyad eval structure`: headline and dateline accuracy on Reuters-21578
//! and headline accuracy on the BBC corpus; one JSON line per set.

use std::path::PathBuf;

use anyhow::Context;
use dyad_eval::shared::shared_path;
use dyad_eval::structure::{eval_bbc, eval_reuters};

use super::print_json;

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Set {
    Reuters,
    Bbc,
    All,
}

#[derive(clap::Args)]
pub struct Args {
    /// Which gold set to score.
    #[arg(long, value_enum, default_value = "all")]
    set: Set,
    /// Reuters-21578 SGML folder or file [default: DYAD_SHARED/corpora/reuters21578].
    #[arg(long)]
    reuters: Option<PathBuf>,
    /// BBC corpus folder [default: DYAD_SHARED/corpora/bbc-news-2004-05].
    #[arg(long)]
    bbc: Option<PathBuf>,
    /// Include up to ten misses per kind in the output.
    #[arg(long)]
    misses: bool,
}

fn locate(given: Option<PathBuf>, relative: &str) -> anyhow::Result<PathBuf> {
    given
        .or_else(|| shared_path(relative))
        .with_context(|| format!("{relative} not found: pass its path or set DYAD_SHARED"))
}

pub fn run(args: Args) -> anyhow::Result<()> {
    if matches!(args.set, Set::Reuters | Set::All) {
        let mut report = eval_reuters(&locate(args.reuters.clone(), "corpora/reuters21578")?)?;
        if !args.misses {
            report.headline_misses.clear();
            report.place_misses.clear();
        }
        print_json(&report)?;
    }
    if matches!(args.set, Set::Bbc | Set::All) {
        let mut report = eval_bbc(&locate(args.bbc.clone(), "corpora/bbc-news-2004-05")?)?;
        if !args.misses {
            report.headline_misses.clear();
        }
        print_json(&report)?;
    }
    Ok(())
}
