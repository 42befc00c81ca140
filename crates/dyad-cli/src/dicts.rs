//! The dictionary options shared by `annotate`, `ingest`, `recode` and
//! `bench` (extra actor dictionaries, no built-in actors, no NER, PETRARCH or
//! TABARI verbs, a whole TABARI project), and the pipeline they give.

use std::path::{Path, PathBuf};

use dyad_annotate::Pipeline;

/// Which dictionaries and models the actors and events stages load.
#[derive(clap::Args, Debug, Clone, Default)]
pub struct DictArgs {
    /// Extra actor/agent dictionaries (dyad format, or TABARI/PETRARCH
    /// `.actors`/agents files such as Phoenix), loaded with the built-in ones.
    #[arg(long = "actors-dict")]
    pub actors_dicts: Vec<PathBuf>,
    /// Do not load the built-in actor dictionaries (use only --actors-dict).
    #[arg(long)]
    pub no_default_actors: bool,
    /// Do not run the statistical NER model (it runs by default, on the
    /// capitalised words no dictionary or rule covered).
    #[arg(long)]
    pub no_ner: bool,
    /// A PETRARCH (CAMEO.2.0.txt, CAMEO.verbpatterns.*.txt) or TABARI
    /// (`.verbs`) verb dictionary coded by dyad's coder instead of its own
    /// patterns, PETRARCH-style (codes as written, only events with both actors).
    #[arg(long = "verbs-dict")]
    pub verbs_dict: Option<PathBuf>,
    /// The discard list for --verbs-dict (e.g. Phoenix.discards.txt).
    #[arg(long = "discards-dict", requires = "verbs_dict")]
    pub discards_dict: Option<PathBuf>,
    /// A TABARI `.project`: its actors and agents (as --actors-dict), its
    /// verbs (as --verbs-dict) and its `.options` (CODE BY, COMPLEX,
    /// DEFAULT, TIME shifts, CONVERT AGENTS …) as the coder's conventions.
    #[arg(
        long = "tabari-project",
        value_name = "FILE.project",
        conflicts_with = "verbs_dict"
    )]
    pub tabari_project: Option<PathBuf>,
}

impl DictArgs {
    /// `pipeline` with the actors tagger and event coder these options ask
    /// for (unchanged when they ask for the built-in ones).
    pub fn apply(&self, mut pipeline: Pipeline) -> anyhow::Result<Pipeline> {
        let project = self
            .tabari_project
            .as_deref()
            .map(tabari_project)
            .transpose()?;
        let mut dicts = self.actors_dicts.clone();
        let mut convert_agents = false;
        if let Some(p) = &project {
            dicts.extend(p.actor_files.iter().cloned());
            convert_agents = p.options.convert_agents;
        }
        if let Some(tagger) = actor_tagger(&dicts, self.no_default_actors, self.no_ner)? {
            pipeline = pipeline.with_actors(tagger.with_convert_agents(convert_agents));
        }
        if let Some(p) = project {
            pipeline = pipeline.with_events(p.coder);
        } else if let Some(coder) =
            event_coder(self.verbs_dict.as_deref(), self.discards_dict.as_deref())?
        {
            pipeline = pipeline.with_events(coder);
        }
        Ok(pipeline)
    }

    /// What is loaded, one item each ("built-in actors", "NER", a file…).
    pub fn describe(&self) -> Vec<String> {
        let mut parts: Vec<String> = Vec::new();
        if !self.no_default_actors {
            parts.push("built-in actors".into());
        }
        parts.extend(self.actors_dicts.iter().map(|p| p.display().to_string()));
        if !self.no_ner {
            parts.push("NER data/models/ner-conll2003.bin".into());
        }
        match (&self.tabari_project, &self.verbs_dict) {
            (Some(p), _) => parts.push(format!("TABARI project {}", p.display())),
            (None, Some(v)) => parts.push(format!("verbs {}", v.display())),
            (None, None) => parts.push("built-in patterns".into()),
        }
        parts
    }
}

/// The actors tagger for `--actors-dict` / `--no-default-actors` / `--no-ner`,
/// when one of them is given.
fn actor_tagger(
    dicts: &[PathBuf],
    no_defaults: bool,
    no_ner: bool,
) -> anyhow::Result<Option<dyad_actors::ActorTagger>> {
    if dicts.is_empty() && !no_defaults && !no_ner {
        return Ok(None);
    }
    let mut tagger = if dicts.is_empty() && !no_defaults {
        dyad_actors::ActorTagger::new()
    } else {
        let files: Vec<(PathBuf, dyad_actors::DictSource)> = dicts
            .iter()
            .map(|p| (p.clone(), dyad_actors::DictSource::guess(p)))
            .collect();
        let (tagger, report) = dyad_actors::ActorTagger::from_files(!no_defaults, &files)?;
        for error in &report.load.errors {
            eprintln!("dyad: dictionary: {error}");
        }
        eprintln!(
            "dyad: actor dictionaries loaded: {} actors, {} agents, {} bad lines",
            report.actors,
            report.agents,
            report.load.errors.len()
        );
        tagger
    };
    if no_ner {
        tagger = tagger.without_ner();
    }
    Ok(Some(tagger))
}

/// The event coder for `--verbs-dict` / `--discards-dict`, when given; what
/// was read and skipped goes to stderr.
fn event_coder(
    verbs: Option<&Path>,
    discards: Option<&Path>,
) -> anyhow::Result<Option<dyad_code::EventCoder>> {
    let Some(verbs) = verbs else {
        return Ok(None);
    };
    // the error names the file it could not read
    let (coder, report) =
        dyad_code::petrarch::load_coder(verbs, discards, dyad_code::CodeTable::embedded())?;
    for error in &report.verbs.errors {
        eprintln!("dyad: dictionary: {error}");
    }
    eprintln!("dyad: {}", report.summary());
    Ok(Some(coder.with_petrarch_rules(report.rules)))
}

/// The coder (and actor files, options) of a `--tabari-project`; bad lines
/// of its verbs and options files go to stderr, one `file:line: message`
/// each, and are counted.
fn tabari_project(project: &Path) -> anyhow::Result<dyad_code::tabari::news::ProjectCoder> {
    let loaded = dyad_code::tabari::news::load(project, dyad_code::CodeTable::embedded())?;
    for error in loaded
        .verbs
        .verbs
        .errors
        .iter()
        .chain(&loaded.option_errors)
    {
        eprintln!("dyad: dictionary: {error}");
    }
    eprintln!(
        "dyad: {}; {}: {} bad option lines",
        loaded.verbs.summary(),
        project.display(),
        loaded.option_errors.len()
    );
    Ok(loaded)
}
