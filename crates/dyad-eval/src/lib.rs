//! dyad-eval: scorers for each stage against the gold sets in `../shared`.
//!
//! Each module reads one gold set, runs dyad (or reads another system's
//! output), and returns a serialisable report; the `dyad eval …` commands
//! print it as one JSON line. The gold data is found through [`shared`]
//! (`DYAD_SHARED`, default `../shared`); nothing from it is copied here.

pub mod actors_meantime;
pub mod entities;
pub mod error;
pub mod files;
pub mod petrarch;
pub mod plover;
pub mod quotes;
pub mod sentences;
pub mod shared;
pub mod structure;
pub mod tabari;
pub mod time;

pub use error::EvalError;
