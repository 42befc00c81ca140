//! TABARI projects and dictionaries read into dyad's own pattern model (issue 7).
//!
//! A `.project` names the `.actors`, `.agents`, `.verbs`, `.options` and text
//! files (manual §4); [`Project::load`] reads them all, reporting every syntax
//! error as one `file:line: message` line and carrying on. Verbs are parsed
//! ([`verbs`]) and converted into the default coder's patterns
//! ([`default`]); actors and agents are read by dyad-actors' importer
//! ([`dyad_actors::dict::tabari_raw`]); the [`options::Options`] become the
//! default coder's [`crate::conventions::Conventions`]. There is one coder:
//! [`news::load`] builds it for a project, and the validation suite is run
//! through it (dyad-eval's `tabari` module).

pub mod default;
pub mod news;
pub mod options;
pub mod records;
pub mod verbs;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dyad_actors::dict::tabari_raw::{read_actors, read_agents, RawActor, RawAgent};

use crate::dict::Elem;

pub use options::Options;
pub use records::{format_date, parse_date, read_records, Coded, Expected, Record};
pub use verbs::Verbs;

/// A project's actors, agents, noun and adjective lists (as read by
/// dyad-actors' TABARI reader) and verbs.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub actors: Vec<RawActor>,
    pub agents: Vec<RawAgent>,
    /// `<NOUN>` list phrases, as written.
    pub nouns: Vec<String>,
    /// `<ADJECTIVE>` list phrases, as written.
    pub adjectives: Vec<String>,
    pub verbs: Verbs,
}

/// Whether `p` (a phrase of the actors/agents/nouns files) is a run of
/// words, stems and gaps, as TABARI's phrases must be.
fn is_phrase(p: &str) -> bool {
    let mut len = 0;
    // a blank between two words lets words be skipped, as in verb phrases
    verbs::parse_phrase(p, &HashMap::new(), &mut len, true).is_ok_and(|es| {
        !es.is_empty()
            && es.iter().all(|e| {
                matches!(
                    e,
                    Elem::Words(_) | Elem::Stem(_) | Elem::Inflected(_) | Elem::Gap(_)
                )
            })
    })
}

impl Dictionaries {
    /// The one-word adjectives (lowercase), for compounds in dyad's default
    /// coder ([`crate::conventions::Conventions::adjectives`]).
    pub fn adjective_words(&self) -> std::collections::HashSet<String> {
        self.adjectives
            .iter()
            .filter_map(|a| {
                let mut len = 0;
                let es = verbs::parse_phrase(a, &HashMap::new(), &mut len, true).ok()?;
                match es.as_slice() {
                    [Elem::Words(w) | Elem::Stem(w) | Elem::Inflected(w)] => w.first().cloned(),
                    _ => None,
                }
            })
            .map(|w| w.to_lowercase())
            .collect()
    }

    /// Read dictionaries from file texts; errors are appended to `errors`.
    pub fn build(
        actors: &[(String, String)],
        agents: &[(String, String)],
        verbs_files: &[(String, String)],
        errors: &mut Vec<String>,
    ) -> Dictionaries {
        let mut d = Dictionaries::default();
        for (file, text) in actors {
            let raw = read_actors(file, text);
            errors.extend(raw.errors);
            for a in raw.actors {
                for p in a.phrases.iter().filter(|p| !is_phrase(p)) {
                    errors.push(format!("{file}:{}: bad actor phrase {p:?}", a.line));
                }
                d.actors.push(a);
            }
            for (list, what, out) in [
                (raw.nouns, "noun", &mut d.nouns),
                (raw.adjectives, "adjective", &mut d.adjectives),
            ] {
                for n in list {
                    if is_phrase(&n) {
                        out.push(n);
                    } else {
                        errors.push(format!("{file}: bad {what} {n:?}"));
                    }
                }
            }
        }
        for (file, text) in agents {
            let (list, errs) = read_agents(file, text);
            errors.extend(errs);
            for a in list {
                if is_phrase(&a.phrase) {
                    d.agents.push(a);
                } else {
                    errors.push(format!("{file}:{}: bad agent phrase", a.line));
                }
            }
        }
        for (file, text) in verbs_files {
            let v = Verbs::read(file, text);
            errors.extend(v.errors.iter().cloned());
            if d.verbs.roots.is_empty() && d.verbs.time.is_empty() {
                d.verbs = v;
            } else {
                d.verbs.roots.extend(v.roots);
                d.verbs.time.extend(v.time);
                d.verbs.synsets.extend(v.synsets);
            }
        }
        d
    }
}

/// A TABARI project: its dictionaries, options and text records.
#[derive(Debug, Clone)]
pub struct Project {
    pub dicts: Dictionaries,
    pub options: Options,
    pub records: Vec<Record>,
    /// Every syntax error, one `file:line: message` line each.
    pub errors: Vec<String>,
}

/// A problem that stops a project from loading (a missing file).
#[derive(Debug, thiserror::Error)]
#[error("reading {}", .path.display())]
pub struct ProjectError {
    pub path: PathBuf,
    #[source]
    pub source: std::io::Error,
}

impl Project {
    /// Read `path` (a `.project` file) and every file it names.
    pub fn load(path: &Path) -> Result<Project, ProjectError> {
        let dir = path.parent().unwrap_or(Path::new("."));
        let entries = news::project_entries(path)?;
        // each file with its name as the project writes it (for messages)
        let load = |key: &str| -> Result<Vec<(String, String)>, ProjectError> {
            entries
                .iter()
                .filter(|(tag, _)| tag == key)
                .map(|(_, p)| {
                    let name = p
                        .strip_prefix(dir)
                        .unwrap_or(p)
                        .to_string_lossy()
                        .into_owned();
                    Ok((name, news::read(p)?))
                })
                .collect()
        };
        let actors = load("actorsfile")?;
        let agents = load("agentsfile")?;
        let verbs = load("verbsfile")?;
        let options = load("optionsfile")?;
        let texts = load("textfile")?;
        let mut errors = Vec::new();
        let dicts = Dictionaries::build(&actors, &agents, &verbs, &mut errors);
        let mut opts = Options::default();
        for (f, t) in &options {
            let (o, e) = Options::read(f, t);
            opts = o;
            errors.extend(e);
        }
        let mut records = Vec::new();
        for (f, t) in &texts {
            let (r, e) = read_records(f, t);
            records.extend(r);
            errors.extend(e);
        }
        Ok(Project {
            dicts,
            options: opts,
            records,
            errors,
        })
    }
}
