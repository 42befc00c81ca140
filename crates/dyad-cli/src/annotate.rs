//! `dyad annotate`: read articles, annotate, write JSONL Documents.

#[derive(clap::Args)]
pub struct AnnotateArgs {
    /// Files, directories or `-` for stdin.
    paths: Vec<std::path::PathBuf>,
}

pub fn run(args: AnnotateArgs) -> anyhow::Result<()> {
    let _ = args.paths;
    anyhow::bail!("not yet")
}
