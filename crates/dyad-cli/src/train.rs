//! `dyad train …`: train statistical components from gold data.

#[derive(clap::Subcommand)]
pub enum TrainCommand {
    /// Train the named-entity model on CoNLL-2003 train.
    Ner(NerArgs),
}

#[derive(clap::Args)]
pub struct NerArgs {
    /// CoNLL-2003 training file.
    #[arg(long)]
    conll: Option<std::path::PathBuf>,
}

pub fn run(cmd: TrainCommand) -> anyhow::Result<()> {
    match cmd {
        TrainCommand::Ner(args) => {
            let _ = args.conll;
            anyhow::bail!("dyad train ner is not implemented yet")
        }
    }
}
