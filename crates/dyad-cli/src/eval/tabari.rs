//! `dyad eval tabari`: the TABARI validation suite (issue 7) coded with its
//! own dictionaries through dyad's pattern model with TABARI's rules; a
//! second JSON line (`"engine":"default"`) codes it with dyad's default
//! coder and the same dictionaries, following TABARI's conventions as the
//! project's options set them. Failing records on stderr with
//! `--failures` (`--failures-default` for the second line).

use dyad_eval::tabari as scorer;

#[derive(clap::Args)]
pub struct Args {
    /// The `.project` file (default: eval/events/tabari/Validate.project under DYAD_SHARED).
    #[arg(long)]
    project: Option<std::path::PathBuf>,
    /// Print each failing record (expected vs coded) and each syntax error to stderr.
    #[arg(long)]
    failures: bool,
    /// Print each record the default coder misses to stderr.
    #[arg(long)]
    failures_default: bool,
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
    let (report, failures) = scorer::evaluate_default(&project)?;
    super::print_json(&report)?;
    if args.failures_default {
        for f in &failures {
            eprintln!("DEFAULT MISS {} (line {}): {}", f.id, f.line, f.text);
            eprintln!("   expected: {}", f.expected.join(" "));
            eprintln!("   coded:    {}", f.coded.join(" "));
        }
    }
    Ok(())
}
