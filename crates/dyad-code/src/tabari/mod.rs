//! TABARI projects and dictionaries read into dyad's own pattern model (issue 7).
//!
//! A `.project` names the `.actors`, `.agents`, `.verbs`, `.options` and text
//! files (manual §4); [`Project::load`] reads them all, reporting every syntax
//! error as one `file:line: message` line and carrying on. Verbs become
//! [`crate::dict::Pattern`]s ([`verbs`]); actors and agents are read by
//! dyad-actors' importer in its TABARI mode
//! ([`dyad_actors::dict::tabari_raw`]); [`code::code_record`] codes a record
//! with TABARI's rules, set by the [`options::Options`] of the project.

mod clauses;
pub mod code;
pub mod default;
pub mod news;
pub mod options;
pub mod phrase;
pub mod records;
mod tag;
pub mod text;
mod units;
pub mod verbs;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use dyad_actors::dict::tabari_raw::{read_actors, read_agents, RawActor, RawAgent};

use crate::dict::Elem;

pub use code::{code_record, Coded};
pub use options::Options;
pub use records::{read_records, Expected, Record};
pub use verbs::Verbs;

/// Actors, agents, nouns, adjectives and verbs, compiled for tagging.
#[derive(Debug, Clone, Default)]
pub struct Dictionaries {
    pub actors: Vec<RawActor>,
    /// Every actor phrase as adjacent words, with its length, and its actor.
    pub actor_phrases: Vec<(Vec<Elem>, usize)>,
    actor_of_phrase: Vec<usize>,
    pub agents: Vec<RawAgent>,
    pub agent_phrases: Vec<(Vec<Elem>, usize)>,
    pub nouns: Vec<(Vec<Elem>, usize)>,
    pub adjectives: Vec<(Vec<Elem>, usize)>,
    pub verbs: Verbs,
    /// Every phrase by the first one or two letters of its first word.
    index: HashMap<String, Vec<Entry>>,
}

/// A phrase of one of the dictionaries, for tagging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Entry {
    /// Index into `actor_phrases`.
    Actor(usize),
    /// Index into `agent_phrases`.
    Agent(usize),
    /// Verb root and form.
    Verb(usize, usize),
    /// Time root and form.
    Time(usize, usize),
    Noun(usize),
    Adjective(usize),
}

/// Index key of a word: its first two characters (one for a one-letter word).
fn key_of(w: &str) -> String {
    w.chars().take(2).collect()
}

fn first_word(run: &[Elem]) -> Option<&str> {
    match run.first()? {
        Elem::Words(w) | Elem::Stem(w) | Elem::Inflected(w) => w.first().map(String::as_str),
        _ => None,
    }
}

/// A phrase of the actors/agents/nouns files as adjacent words; its length.
fn phrase_run(p: &str) -> Option<(Vec<Elem>, usize)> {
    let mut len = 0;
    // a blank between two words lets words be skipped, as in verb phrases
    let es = verbs::parse_phrase(p, &HashMap::new(), &mut len, true).ok()?;
    if es.is_empty()
        || !es.iter().all(|e| {
            matches!(
                e,
                Elem::Words(_) | Elem::Stem(_) | Elem::Inflected(_) | Elem::Gap(_)
            )
        })
    {
        return None;
    }
    Some((es, len))
}

impl Dictionaries {
    /// The code of actor phrase `phrase` (an index into `actor_phrases`) on `date`.
    pub fn actor_code(&self, phrase: usize, date: Option<NaiveDate>) -> &str {
        self.actor_of_phrase
            .get(phrase)
            .and_then(|&a| self.actors.get(a))
            .map(|a| a.code_on(date))
            .unwrap_or("---")
    }

    /// The one-word adjectives (lowercase), for compounds in dyad's default
    /// coder ([`crate::conventions::Conventions::adjectives`]).
    pub fn adjective_words(&self) -> std::collections::HashSet<String> {
        self.adjectives
            .iter()
            .filter_map(|(run, _)| match run.as_slice() {
                [Elem::Words(w) | Elem::Stem(w) | Elem::Inflected(w)] => w.first().cloned(),
                _ => None,
            })
            .map(|w| w.to_lowercase())
            .collect()
    }

    /// The run of words of a phrase entry.
    pub fn run(&self, e: Entry) -> Option<&[Elem]> {
        let run = match e {
            Entry::Actor(i) => &self.actor_phrases.get(i)?.0,
            Entry::Agent(i) => &self.agent_phrases.get(i)?.0,
            Entry::Verb(r, f) => self.verbs.roots.get(r)?.forms.get(f)?,
            Entry::Time(r, f) => self.verbs.time.get(r)?.forms.get(f)?,
            Entry::Noun(i) => &self.nouns.get(i)?.0,
            Entry::Adjective(i) => &self.adjectives.get(i)?.0,
        };
        Some(run)
    }

    /// Phrases whose first word may match the lowercase token `w`.
    pub fn candidates<'a>(&'a self, w: &str) -> impl Iterator<Item = Entry> + 'a {
        let one: String = w.chars().take(1).collect();
        let two: String = w.chars().take(2).collect();
        let a = self.index.get(&one).map(Vec::as_slice).unwrap_or(&[]);
        let b = if two != one {
            self.index.get(&two).map(Vec::as_slice).unwrap_or(&[])
        } else {
            &[]
        };
        a.iter().chain(b.iter()).copied()
    }

    fn reindex(&mut self) {
        let mut entries: Vec<Entry> = Vec::new();
        entries.extend((0..self.actor_phrases.len()).map(Entry::Actor));
        entries.extend((0..self.agent_phrases.len()).map(Entry::Agent));
        for (r, root) in self.verbs.roots.iter().enumerate() {
            entries.extend((0..root.forms.len()).map(|f| Entry::Verb(r, f)));
        }
        for (r, root) in self.verbs.time.iter().enumerate() {
            entries.extend((0..root.forms.len()).map(|f| Entry::Time(r, f)));
        }
        entries.extend((0..self.nouns.len()).map(Entry::Noun));
        entries.extend((0..self.adjectives.len()).map(Entry::Adjective));
        let mut index: HashMap<String, Vec<Entry>> = HashMap::new();
        for e in entries {
            if let Some(w) = self.run(e).and_then(first_word) {
                index.entry(key_of(w)).or_default().push(e);
            }
        }
        self.index = index;
    }

    /// Compile dictionaries from file texts; errors are appended to `errors`.
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
                let idx = d.actors.len();
                for p in &a.phrases {
                    match phrase_run(p) {
                        Some(run) => {
                            d.actor_phrases.push(run);
                            d.actor_of_phrase.push(idx);
                        }
                        None => errors.push(format!("{file}:{}: bad actor phrase {p:?}", a.line)),
                    }
                }
                d.actors.push(a);
            }
            for n in raw.nouns {
                match phrase_run(&n) {
                    Some(run) => d.nouns.push(run),
                    None => errors.push(format!("{file}: bad noun {n:?}")),
                }
            }
            for n in raw.adjectives {
                match phrase_run(&n) {
                    Some(run) => d.adjectives.push(run),
                    None => errors.push(format!("{file}: bad adjective {n:?}")),
                }
            }
        }
        for (file, text) in agents {
            let (list, errs) = read_agents(file, text);
            errors.extend(errs);
            for a in list {
                match phrase_run(&a.phrase) {
                    Some(run) => {
                        d.agent_phrases.push(run);
                        d.agents.push(a);
                    }
                    None => errors.push(format!("{file}:{}: bad agent phrase", a.line)),
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
        d.reindex();
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
        let read = |p: &Path| {
            std::fs::read(p)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map_err(|source| ProjectError {
                    path: p.to_path_buf(),
                    source,
                })
        };
        let text = read(path)?;
        let dir = path.parent().unwrap_or(Path::new("."));
        let mut files: HashMap<&str, Vec<String>> = HashMap::new();
        for line in text.lines() {
            let t = line.trim();
            let Some(rest) = t.strip_prefix('<') else {
                continue;
            };
            let Some((tag, value)) = rest.split_once('>') else {
                continue;
            };
            let value = value.trim();
            if value.is_empty() || value.starts_with('<') {
                continue;
            }
            for key in [
                "actorsfile",
                "agentsfile",
                "verbsfile",
                "optionsfile",
                "textfile",
            ] {
                if tag.trim().eq_ignore_ascii_case(key) {
                    files.entry(key).or_default().push(value.to_string());
                }
            }
        }
        let mut load = |key: &str| -> Result<Vec<(String, String)>, ProjectError> {
            let mut out = Vec::new();
            for f in files.remove(key).unwrap_or_default() {
                let p = dir.join(&f);
                out.push((f, read(&p)?));
            }
            Ok(out)
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
