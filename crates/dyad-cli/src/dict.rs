//! `dyad dict …`: dictionary tools (import of TABARI/PETRARCH dictionaries).

#[derive(clap::Subcommand)]
pub enum DictCommand {
    /// Convert a TABARI/PETRARCH actor or agent dictionary to dyad's format.
    Import(ImportArgs),
}

#[derive(clap::Args)]
pub struct ImportArgs {
    /// Dictionary files to import.
    paths: Vec<std::path::PathBuf>,
}

pub fn run(cmd: DictCommand) -> anyhow::Result<()> {
    match cmd {
        DictCommand::Import(args) => {
            let _ = args.paths;
            anyhow::bail!("dyad dict import is not implemented yet")
        }
    }
}
