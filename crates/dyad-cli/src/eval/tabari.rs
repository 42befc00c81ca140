//! `dyad eval tabari`: the TABARI validation suite (issue 7) coded with its
//! own dictionaries by dyad's coder (the one that codes news), following
//! TABARI's conventions as the project's options set them; one JSON line.
//! Failing records and syntax errors on stderr with `--failures`.

use dyad_eval::tabari as scorer;

#[derive(clap::Args)]
pub struct Args {
    /// The `.project` file (default: eval/events/tabari/Validate.project under DYAD_SHARED).
    #[arg(long)]
    project: Option<std::path::PathBuf>,
    /// Print each failing record (expected vs coded) and each syntax error to stderr.
    #[arg(long)]
    failures: bool,
}

pub fn run(args: Args) -> anyhow::Result<()> {
    let project = match args.project {
        Some(p) => p,
        None => dyad_eval::shared::shared_path("eval/events/tabari/Validate.project").ok_or_else(
            || anyhow::anyhow!("TABARI suite not found: pass --project or set DYAD_SHARED"),
        )?,
    };
    let (report, failures, errors) = scorer::evaluate(&project)?;
    super::print_json(&report)?;
    if args.failures {
        for e in &errors {
            eprintln!("syntax: {e}");
        }
        for f in &failures {
            eprintln!("FAIL {} (line {}): {}", f.id, f.line, f.text);
            eprintln!("   expected: {}", f.expected.join(" "));
            eprintln!("   coded:    {}", f.coded.join(" "));
        }
    }
    Ok(())
}
