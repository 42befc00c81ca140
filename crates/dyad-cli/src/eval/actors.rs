//! `dyad eval actors`: on MEANTIME, recall of the gold people whose mention
//! includes a role ("Airbus chief executive Noel Forgeard"), and how many of
//! them get that title.

use std::path::PathBuf;

use anyhow::Context;
use dyad_actors::{ActorTagger, DictSource};
use dyad_eval::shared::shared_path;

use super::print_json;

#[derive(clap::Args)]
pub struct Args {
    /// MEANTIME intra-doc annotation folder [default: under DYAD_SHARED].
    #[arg(long)]
    gold: Option<PathBuf>,
    /// Extra actor/agent dictionaries (dyad or TABARI/PETRARCH format).
    #[arg(long = "dict")]
    dicts: Vec<PathBuf>,
    /// Do not load the built-in dictionaries.
    #[arg(long)]
    no_defaults: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let dir = args
        .gold
        .or_else(|| shared_path(dyad_eval::sentences::MEANTIME_DIR))
        .context("MEANTIME not found: pass --gold DIR or set DYAD_SHARED")?;
    let files: Vec<(PathBuf, DictSource)> = args
        .dicts
        .iter()
        .map(|p| (p.clone(), DictSource::guess(p)))
        .collect();
    let (tagger, _) = ActorTagger::from_files(!args.no_defaults, &files)?;
    print_json(&dyad_eval::actors_meantime::evaluate(&dir, &tagger)?)
}
