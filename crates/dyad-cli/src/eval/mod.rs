//! `dyad eval …`: one subcommand per stage, each printing one JSON line.

mod actors;
mod entities;
mod petrarch;
mod plover;
mod quotes;
mod sentences;
mod structure;
mod tabari;
mod time;

use clap::Subcommand;

#[derive(Subcommand)]
pub enum EvalCommand {
    /// Article structure: headline and dateline accuracy (Reuters-21578, BBC).
    Structure(structure::Args),
    /// Sentence-boundary F1 on MEANTIME.
    Sentences(sentences::Args),
    /// TempEval-3 TIMEX3 scores (strict/relaxed span F1, type and value F1).
    Time(time::Args),
    /// MEANTIME: recall of people mentioned with a role, and their titles.
    Actors(actors::Args),
    /// CoNLL-2003 entity F1 (conlleval).
    Entities(entities::Args),
    /// PolNeAR attribution scores (source, cue, content).
    Quotes(quotes::Args),
    /// PLOVER gold standard: event-type accuracy and triple P/R/F1; PETR2 GSR triples.
    Plover(plover::Args),
    /// TABARI validation suite: share of records coded exactly, by category.
    Tabari(tabari::Args),
    /// PETRARCH dictionaries on real text: PETR2 GSR triples, PETRARCH unit tests.
    Petrarch(petrarch::Args),
}

pub fn run(cmd: EvalCommand) -> anyhow::Result<()> {
    match cmd {
        EvalCommand::Structure(a) => structure::run(a),
        EvalCommand::Sentences(a) => sentences::run(a),
        EvalCommand::Time(a) => time::run(a),
        EvalCommand::Actors(a) => actors::run(a),
        EvalCommand::Entities(a) => entities::run(a),
        EvalCommand::Quotes(a) => quotes::run(a),
        EvalCommand::Plover(a) => plover::run(a),
        EvalCommand::Tabari(a) => tabari::run(a),
        EvalCommand::Petrarch(a) => petrarch::run(a),
    }
}

/// Print a report as one JSON line on stdout.
pub fn print_json<T: serde::Serialize>(report: &T) -> anyhow::Result<()> {
    println!("{}", serde_json::to_string(report)?);
    Ok(())
}
