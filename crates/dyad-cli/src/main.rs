//! `dyad`: news in, event data out. The command-line front end.

mod annotate;
mod batch;
mod bench;
mod dict;
mod eval;
mod explain;
mod train;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "dyad",
    version,
    about = "Turns news into event data: who did what to whom, when."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read articles and write annotated Documents as JSON lines to stdout.
    Annotate(annotate::AnnotateArgs),
    /// Measure each stage's throughput on a corpus (one JSON line).
    Bench(bench::BenchArgs),
    /// Score a stage on its gold set; prints one JSON line of metrics.
    #[command(subcommand)]
    Eval(eval::EvalCommand),
    /// Explain the event coding of one sentence.
    Explain(explain::ExplainArgs),
    /// Dictionary tools.
    #[command(subcommand)]
    Dict(dict::DictCommand),
    /// Train a statistical model from gold data.
    #[command(subcommand)]
    Train(train::TrainCommand),
}

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Annotate(args) => annotate::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Eval(cmd) => eval::run(cmd),
        Command::Explain(args) => explain::run(args),
        Command::Dict(cmd) => dict::run(cmd),
        Command::Train(cmd) => train::run(cmd),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dyad: {err:#}");
            std::process::ExitCode::FAILURE
        }
    }
}
