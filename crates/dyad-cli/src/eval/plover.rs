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
    /// Print every missed gold triple and every extra predicted one to
    /// stderr with its cause, then a count per cause.
    #[arg(long)]
    errors: bool,
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
    let (report, misses) = scorer::evaluate_plover_errors(&gold, &pipeline)?;
    super::print_json(&report)?;
    if args.errors {
        print_misses(&misses);
    }
    let petr2 = args.petr2.or_else(|| {
        dyad_eval::shared::shared_path("eval/events/universal-petrarch/PETR2_GSR_validation.xml")
    });
    if let Some(path) = petr2 {
        let (report, misses) = scorer::evaluate_petr2_errors(&path, &pipeline)?;
        super::print_json(&report)?;
        if args.errors {
            print_misses(&misses);
        }
    }
    Ok(())
}

/// One block per miss, then the count per cause, all on stderr.
fn print_misses(misses: &[scorer::Miss]) {
    for m in misses {
        eprintln!("{} {:<15} {:<22} {}", m.set, m.cause, m.triple, m.id);
        eprintln!("    text: {}", m.text);
        for p in &m.pred {
            eprintln!("    coded: {p}");
        }
    }
    let summary = scorer::miss_summary(misses);
    let set = misses.first().map(|m| m.set).unwrap_or("");
    let line: Vec<String> = summary.iter().map(|(c, n)| format!("{c} {n}")).collect();
    eprintln!("{set} causes: {}", line.join(", "));
}
