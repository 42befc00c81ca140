//! `dyad`: news in, event data out. The command-line front end.

mod annotate;
mod batch;
mod bench;
mod demo;
mod dict;
mod dicts;
mod eval;
mod explain;
mod ingest;
mod query;
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
    /// The whole job on the built-in sample articles: ingest, then a relations report.
    Demo(demo::DemoArgs),
    /// Annotate articles into the database (idempotent; resumes after a kill).
    Ingest(ingest::IngestArgs),
    /// Re-annotate every stored article with the current dictionaries.
    Recode(ingest::RecodeArgs),
    /// List stored events (filters: actor, dyad, code, quad class, dates, text).
    Events(query::EventsArgs),
    /// List stored quotes by speaker.
    Quotes(query::QuotesArgs),
    /// The most mentioned actors, with their codes.
    Actors(query::ActorsArgs),
    /// How two actors get on, period by period, with the events behind each number.
    Relations(query::RelationsArgs),
    /// Export stored events: JSON lines, CSV, or GDELT 2.0 event-table TSV.
    Export(query::ExportArgs),
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
        Command::Demo(args) => demo::run(args),
        Command::Ingest(args) => ingest::run_ingest(args),
        Command::Recode(args) => ingest::run_recode(args),
        Command::Events(args) => query::run_events(args),
        Command::Quotes(args) => query::run_quotes(args),
        Command::Actors(args) => query::run_actors(args),
        Command::Relations(args) => query::run_relations(args),
        Command::Export(args) => query::run_export(args),
        Command::Explain(args) => explain::run(args),
        Command::Dict(cmd) => dict::run(cmd),
        Command::Train(cmd) => train::run(cmd),
    };
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("dyad: {}", one_line(&err));
            std::process::ExitCode::FAILURE
        }
    }
}

/// The error and its causes on one line, each cause once: library errors
/// often repeat their cause in their own message ("x.txt: No such file"),
/// so a cause already written is not written again.
fn one_line(err: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if line.contains(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}
