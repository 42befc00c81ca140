//! dyad-actors: the actors stage.
//!
//! Recognises people, organisations, states and places in a [`Document`],
//! codes each with a CAMEO-style actor code valid on the article's date
//! (`RUSGOV`, `USAELI`, `IGOUNO`…), and resolves later mentions (surnames,
//! honorifics, offices, pronouns) within the article. Dictionaries are data:
//! dyad's own (`data/actors/*.txt`, embedded), TABARI/PETRARCH actor and
//! agent files (read directly or converted with `dyad dict import`), or
//! both.

pub mod dates;
pub mod dict;
pub mod error;
mod gate;
mod items;
pub mod matcher;
mod modifier;
mod national;
pub mod ner;
mod recognise;
mod resolve;
mod segments;
mod title;
mod tokens;

use std::path::Path;

use chrono::NaiveDate;
use dyad_core::Document;

pub use dict::format::{FileFormat, LoadReport};
pub use dict::tabari::ImportReport;
pub use dict::Dictionary;
pub use error::ActorError;

use matcher::Matcher;

/// dyad's own dictionaries, embedded at build time: (file name, text).
pub const DEFAULT_FILES: &[(&str, &str)] = &[
    (
        "countries.txt",
        include_str!("../../../data/actors/countries.txt"),
    ),
    // Before organisations.txt: a party's dated code (GOV/OPP) wins over
    // an undated one listed there.
    (
        "parties.txt",
        include_str!("../../../data/actors/parties.txt"),
    ),
    (
        "organisations.txt",
        include_str!("../../../data/actors/organisations.txt"),
    ),
    ("roles.txt", include_str!("../../../data/actors/roles.txt")),
    ("cues.txt", include_str!("../../../data/actors/cues.txt")),
    (
        "people.txt",
        include_str!("../../../data/actors/people.txt"),
    ),
];

/// First line of dictionary files written by dyad (`# dyad-format: actors`).
pub const FORMAT_MARKER: &str = "# dyad-format:";

/// Which kind of dictionary file a path holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DictSource {
    /// One of dyad's formats (chosen from the file name; see [`FileFormat`]).
    Dyad,
    /// A TABARI/PETRARCH `.actors` file.
    TabariActors,
    /// A TABARI/PETRARCH `.agents` file.
    TabariAgents,
}

impl DictSource {
    /// Guess from a path: a file whose first line is `# dyad-format: …`
    /// (what `dyad dict import` writes) is dyad's; otherwise names containing
    /// `agents` are TABARI agents, `.actors` TABARI actors, anything else
    /// dyad's format.
    pub fn guess(path: &Path) -> Self {
        if let Ok(mut f) = std::fs::File::open(path) {
            let mut head = [0u8; 64];
            let n = std::io::Read::read(&mut f, &mut head).unwrap_or(0);
            if head
                .get(..n)
                .is_some_and(|h| h.starts_with(FORMAT_MARKER.as_bytes()))
            {
                return DictSource::Dyad;
            }
        }
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().to_ascii_lowercase())
            .unwrap_or_default();
        if name.contains("agents") {
            DictSource::TabariAgents
        } else if name.contains(".actors") {
            DictSource::TabariActors
        } else {
            DictSource::Dyad
        }
    }
}

/// dyad's embedded dictionaries, parsed. An entry of organisations.txt
/// whose every name is also a party's name in parties.txt is left out: the
/// party's dated entry supersedes it.
pub fn default_dictionary() -> Result<Dictionary, ActorError> {
    let mut dict = Dictionary::default();
    let mut report = LoadReport::default();
    for (name, text) in DEFAULT_FILES {
        let format = FileFormat::from_name(name);
        if *name == "organisations.txt" {
            let mut part = Dictionary::default();
            dict::format::parse(format, name, text, &mut part, &mut report);
            dict.merge(without_superseded(part, &dict));
        } else {
            dict::format::parse(format, name, text, &mut dict, &mut report);
        }
    }
    match report.errors.first() {
        Some(first) => Err(ActorError::BadLines {
            count: report.errors.len(),
            first: first.clone(),
        }),
        None => Ok(dict),
    }
}

/// `part` without the actors all of whose names (case aside) already name
/// an actor of `dict`.
fn without_superseded(part: Dictionary, dict: &Dictionary) -> Dictionary {
    let known: std::collections::HashSet<String> = dict
        .phrases
        .iter()
        .filter(|(_, t)| matches!(t, dict::Target::Actor(..)))
        .map(|(p, _)| p.to_lowercase())
        .collect();
    let mut names: Vec<Vec<(String, dict::Form)>> = vec![Vec::new(); part.actors.len()];
    let mut out = Dictionary {
        countries: part.countries,
        ..Dictionary::default()
    };
    for (phrase, target) in part.phrases {
        match target {
            dict::Target::Actor(id, form) => {
                if let Some(list) = names.get_mut(id as usize) {
                    list.push((phrase, form));
                }
            }
            other => out.phrases.push((phrase, other)),
        }
    }
    for (actor, names) in part.actors.into_iter().zip(names) {
        let superseded =
            !names.is_empty() && names.iter().all(|(p, _)| known.contains(&p.to_lowercase()));
        if !superseded {
            out.add_actor(actor, &names);
        }
    }
    out
}

/// Read one dictionary file into `dict`; bad lines go to `report`.
pub fn load_file(
    path: &Path,
    source: DictSource,
    dict: &mut Dictionary,
    report: &mut ImportReport,
) -> Result<(), ActorError> {
    let bytes = std::fs::read(path).map_err(|source| ActorError::Io {
        path: path.display().to_string(),
        source,
    })?;
    let text = String::from_utf8_lossy(&bytes);
    let name = path.display().to_string();
    match source {
        DictSource::Dyad => dict::format::parse(
            FileFormat::from_name(&name),
            &name,
            &text,
            dict,
            &mut report.load,
        ),
        DictSource::TabariActors => {
            let dialect = dict::tabari_phrase::Dialect::of_path(path);
            dict::tabari::parse_actors_in(dialect, &name, &text, dict, report)
        }
        DictSource::TabariAgents => {
            let dialect = dict::tabari_phrase::Dialect::of_path(path);
            dict::tabari::parse_agents_in(dialect, &name, &text, dict, report)
        }
    }
    Ok(())
}

/// Recognises, codes and resolves actors.
#[derive(Debug, Clone)]
pub struct ActorTagger {
    dict: Dictionary,
    matcher: Matcher,
    /// The statistical NER model, when enabled: people and organisations
    /// that no dictionary or rule found (uncoded unless a title codes them).
    ner: Option<std::sync::Arc<ner::NerModel>>,
    /// Code offices and bodies named without a state by themselves (`~REB`).
    convert_agents: bool,
}

impl Default for ActorTagger {
    fn default() -> Self {
        Self::new()
    }
}

impl ActorTagger {
    /// A tagger with dyad's embedded dictionaries and the embedded NER model
    /// (see [`ActorTagger::without_ner`]).
    pub fn new() -> Self {
        let dict = default_dictionary().expect("embedded actor dictionaries are valid (tested)");
        Self::from_dictionary(dict)
            .expect("embedded actor dictionaries compile (tested)")
            .with_embedded_ner()
    }

    /// A tagger over any dictionary, without the NER model (add it with
    /// [`ActorTagger::with_ner`] or [`ActorTagger::with_embedded_ner`]).
    pub fn from_dictionary(mut dict: Dictionary) -> Result<Self, ActorError> {
        dict.index_short_forms();
        let matcher = Matcher::build(&dict)?;
        Ok(ActorTagger {
            dict,
            matcher,
            ner: None,
            convert_agents: false,
        })
    }

    /// Also run this NER model and add the people and organisations it
    /// finds that the dictionaries and rules did not. It runs only on the
    /// stretches of capitalised words where something is left to find (see
    /// `gate.rs`).
    pub fn with_ner(mut self, model: ner::NerModel) -> Self {
        self.ner = Some(std::sync::Arc::new(model));
        self
    }

    /// Run the NER model shipped in the binary (parsed once per process,
    /// shared by every tagger).
    pub fn with_embedded_ner(mut self) -> Self {
        self.ner = Some(ner::NerModel::shared_embedded());
        self
    }

    /// Dictionaries and rules only: no statistical NER.
    pub fn without_ner(mut self) -> Self {
        self.ner = None;
        self
    }

    /// Code an office or body named without any state or body by its own
    /// role code (`~REB` for "guerrillas", `NGO~` for a prefixed agent), as
    /// TABARI does with `SET: CONVERT AGENTS = TRUE`; off by default (such
    /// mentions are then left out).
    pub fn with_convert_agents(mut self, on: bool) -> Self {
        self.convert_agents = on;
        self
    }

    /// True when the NER model runs.
    pub fn has_ner(&self) -> bool {
        self.ner.is_some()
    }

    /// A tagger from files, with or without dyad's embedded dictionaries,
    /// and with the embedded NER model (drop it with
    /// [`ActorTagger::without_ner`]).
    /// Bad lines are skipped and returned in the report (one `file:line:
    /// message` each). Without our dictionaries, the embedded cue words are
    /// still loaded (honorifics, pronouns) since they are grammar, not actors.
    pub fn from_files(
        with_defaults: bool,
        files: &[(std::path::PathBuf, DictSource)],
    ) -> Result<(Self, ImportReport), ActorError> {
        let mut dict = if with_defaults {
            default_dictionary()?
        } else {
            let mut d = Dictionary::default();
            let mut r = LoadReport::default();
            for (name, text) in DEFAULT_FILES {
                if FileFormat::from_name(name) == FileFormat::Cues {
                    dict::format::parse(FileFormat::Cues, name, text, &mut d, &mut r);
                }
            }
            d
        };
        let mut report = ImportReport::default();
        for (path, source) in files {
            load_file(path, *source, &mut dict, &mut report)?;
        }
        Ok((Self::from_dictionary(dict)?.with_embedded_ner(), report))
    }

    /// The dictionary in use.
    pub fn dictionary(&self) -> &Dictionary {
        &self.dict
    }

    /// Number of distinct phrases in the matcher.
    pub fn phrase_count(&self) -> usize {
        self.matcher.len()
    }

    /// Fill `doc.entities` (replacing what was there). The date that selects
    /// dated roles is `doc.published`, else `doc.reference_date`, else today.
    pub fn annotate(&self, doc: &mut Document) {
        let date = doc
            .published
            .or(doc.reference_date)
            .unwrap_or_else(|| chrono::Utc::now().date_naive());
        doc.entities = self.entities(doc, date);
    }

    /// The entities of `doc` as of `date`.
    pub fn entities(&self, doc: &Document, date: NaiveDate) -> Vec<dyad_core::Entity> {
        let sentences = segments::sentences(doc);
        let quotes = segments::quote_ranges(doc);
        let mut raws = Vec::new();
        let mut seeds: Vec<Vec<dyad_core::Span>> = Vec::with_capacity(sentences.len());
        let mut named = std::collections::HashSet::new();
        for (index, span) in sentences.iter().enumerate() {
            let Some(text) = doc.text.get(span.start..span.end) else {
                seeds.push(Vec::new());
                continue;
            };
            let items = items::build(&self.matcher, text, span.start);
            let s = recognise::Sentence {
                items: &items,
                text: &doc.text,
                index,
                quotes: &quotes,
                convert_agents: self.convert_agents,
            };
            let before = raws.len();
            recognise::recognise(&s, &self.dict, &mut raws);
            if self.ner.is_some() {
                let found = raws.get(before..).unwrap_or(&[]);
                seeds.push(gate::uncovered(&items, found, &self.dict, &named));
                gate::note_names(found, &mut named);
            }
        }
        if let Some(model) = &self.ner {
            gate::add_mentions(model, doc, &sentences, &seeds, &quotes, &mut raws);
        }
        let home = national::home_country(doc, &self.matcher, &self.dict);
        national::fill(&mut raws, &self.dict, home.as_deref());
        resolve::resolve(raws, &doc.text, &self.dict, date)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn embedded_dictionaries_load_without_bad_lines() {
        let dict = default_dictionary().expect("embedded dictionaries parse");
        assert!(dict.countries.len() >= 200, "{}", dict.countries.len());
        let mut names = HashSet::new();
        for a in &dict.actors {
            assert!(
                names.insert((a.name.clone(), a.kind.as_str())),
                "duplicate actor {}",
                a.name
            );
            if a.kind == dict::ActorKind::Person {
                assert!(
                    !a.codes.is_empty() || a.fallback != dict::Fallback::Eli,
                    "{} has no code at all",
                    a.name
                );
            }
        }
        assert!(Matcher::build(&dict).is_ok());
    }

    #[test]
    fn a_phrase_names_one_state_only() {
        let dict = default_dictionary().expect("embedded dictionaries parse");
        let mut seen: std::collections::HashMap<&str, u32> = std::collections::HashMap::new();
        for (phrase, target) in &dict.phrases {
            if let dict::Target::Actor(id, _) = target {
                if dict.actors[*id as usize].kind == dict::ActorKind::Country {
                    let prev = seen.insert(phrase.as_str(), *id);
                    assert!(prev.is_none_or(|p| p == *id), "{phrase} names two states");
                }
            }
        }
    }
}
