//! `dyad explain`: for one sentence, the entities found, the event patterns
//! tried and why an event was or was not coded (not written yet).

#[derive(clap::Args)]
pub struct ExplainArgs {
    /// The sentence (or short text) to explain.
    text: String,
    /// Publication date to resolve time expressions against.
    #[arg(long)]
    published: Option<String>,
}

pub fn run(args: ExplainArgs) -> anyhow::Result<()> {
    let _ = (args.text, args.published);
    anyhow::bail!("dyad explain is not implemented yet")
}
