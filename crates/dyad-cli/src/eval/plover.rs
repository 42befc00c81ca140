//! `dyad eval plover`: PLOVER gold standard (event-type accuracy, triple
//! P/R/F1) and the PETRARCH-2 gold sentences ((source, target, root) triple
//! P/R/F1); one JSON line per set.

use dyad_annotate::{Pipeline, PipelineOptions};

use dyad_eval::plover as scorer;

#[derive(clap::Args)]
pub struct Args {
    /// Gold data (default: its place under DYAD_SHARED).
    #[arg(long)]
    gold: Option<std::path::PathBuf>,
    /// PETRARCH-2 gold sentences (default: its place under DYAD_SHARED;
    /// skipped when absent).
    #[arg(long)]
    petr2: Option<std::path::PathBuf>,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let gold = match args.gold {
        Some(g) => g,
        None => dyad_eval::shared::shared_path("eval/events/plover/PLOVER_GSR_dev.json")
            .ok_or_else(|| {
                anyhow::anyhow!("PLOVER gold not found: pass --gold or set DYAD_SHARED")
            })?,
    };
    let pipeline = Pipeline::new(PipelineOptions::default());
    let report = scorer::evaluate_plover(&gold, &pipeline)?;
    super::print_json(&report)?;
    let petr2 = args.petr2.or_else(|| {
        dyad_eval::shared::shared_path("eval/events/universal-petrarch/PETR2_GSR_validation.xml")
    });
    if let Some(path) = petr2 {
        let report = scorer::evaluate_petr2(&path, &pipeline)?;
        super::print_json(&report)?;
    }
    Ok(())
}
