//! `dyad eval plover` (not written yet).

#[derive(clap::Args)]
pub struct Args {
    /// Gold data (default: its place under DYAD_SHARED).
    #[arg(long)]
    gold: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let _ = args.gold;
    anyhow::bail!("dyad eval plover is not implemented yet")
}
