//! `dyad eval entities`: conlleval-style entity F1 of the NER model on CoNLL-2003.

#[derive(clap::Args)]
pub struct Args {
    /// Gold data (default: its place under DYAD_SHARED).
    #[arg(long)]
    gold: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let report = dyad_eval::entities::run(args.gold.as_deref())?;
    super::print_json(&report)
}
