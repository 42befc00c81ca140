//! A TABARI project (`.project`) for coding real text with dyad's default
//! coder: the files it names, and an [`EventCoder`] with its verbs
//! (converted by [`super::default`], codes as written) and the
//! [`Conventions`] its `.options` set (`CODE BY`, `COMPLEX:`, `DEFAULT:`,
//! `<TIME>` shifts, `?`/`!` ranks, `###`/`+++` codes …). Actors and agents
//! are left to dyad-actors (the caller loads [`ProjectCoder::actor_files`],
//! with `CONVERT AGENTS` from [`ProjectCoder::options`]).

use std::path::{Path, PathBuf};

use super::{Dictionaries, Options, ProjectError, Verbs};
use crate::conventions::Conventions;
use crate::petrarch::{load_coder_with, LoadReport, PetrarchError};
use crate::{CodeError, CodeTable, EventCoder};

/// A project that cannot be used (a file missing or unreadable, no verbs).
#[derive(Debug, thiserror::Error)]
pub enum NewsProjectError {
    #[error(transparent)]
    Read(#[from] ProjectError),
    #[error("{}: no <verbsfile> line", .0.display())]
    NoVerbs(PathBuf),
    #[error(transparent)]
    Load(#[from] PetrarchError),
    #[error(transparent)]
    Code(#[from] CodeError),
}

/// What [`load`] gives.
#[derive(Debug)]
pub struct ProjectCoder {
    /// dyad's default coder with the project's verbs and conventions.
    pub coder: EventCoder,
    /// What was read from the verbs file (its bad lines in `verbs.errors`).
    pub verbs: LoadReport,
    /// The project's `.actors` then `.agents` files.
    pub actor_files: Vec<PathBuf>,
    /// The options the project's `.options` file sets.
    pub options: Options,
    /// Syntax errors of the options file, one `file:line: message` each.
    pub option_errors: Vec<String>,
}

/// The text of `path` (invalid UTF-8 replaced), or which file failed.
pub(super) fn read(path: &Path) -> Result<String, ProjectError> {
    std::fs::read(path)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|source| ProjectError {
            path: path.to_path_buf(),
            source,
        })
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|f| f.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// Every `<tag> file` line of a `.project`: the tag (lowercase) and the
/// file, relative to the project's folder; lines whose value is empty or
/// another tag (session records) are skipped.
pub(super) fn project_entries(project: &Path) -> Result<Vec<(String, PathBuf)>, ProjectError> {
    let text = read(project)?;
    let dir = project.parent().unwrap_or(Path::new("."));
    let mut out = Vec::new();
    for line in text.lines() {
        let Some((tag, value)) = line
            .trim()
            .strip_prefix('<')
            .and_then(|r| r.split_once('>'))
        else {
            continue;
        };
        let value = value.trim();
        if !value.is_empty() && !value.starts_with('<') {
            out.push((tag.trim().to_ascii_lowercase(), dir.join(value)));
        }
    }
    Ok(out)
}

/// The files a `.project` names under `<key>` (`actorsfile`, `agentsfile`,
/// `verbsfile`, `optionsfile`, `textfile`), relative to its folder.
pub fn project_files(project: &Path, key: &str) -> Result<Vec<PathBuf>, ProjectError> {
    Ok(project_entries(project)?
        .into_iter()
        .filter(|(tag, _)| tag.eq_ignore_ascii_case(key))
        .map(|(_, file)| file)
        .collect())
}

/// Read `project`: its first verbs file into a coder over `codes` (codes
/// the table lacks are dropped and counted in [`LoadReport::uncodable`]),
/// its options (the last options file, as TABARI) into that coder's
/// conventions, with the verbs' `<TIME>` phrases and the actors' one-word
/// adjectives (for compounds). The text files are not read.
pub fn load(project: &Path, codes: CodeTable) -> Result<ProjectCoder, NewsProjectError> {
    let mut actor_files = project_files(project, "actorsfile")?;
    let agent_files = project_files(project, "agentsfile")?;
    let verbs_path = project_files(project, "verbsfile")?
        .into_iter()
        .next()
        .ok_or_else(|| NewsProjectError::NoVerbs(project.to_path_buf()))?;
    let (coder, verbs) = load_coder_with(&verbs_path, None, codes, true)?;
    let mut options = Options::default();
    let mut option_errors = Vec::new();
    for f in project_files(project, "optionsfile")? {
        let (o, e) = Options::read(&file_name(&f), &read(&f)?);
        options = o;
        option_errors.extend(e);
    }
    let named = |files: &[PathBuf]| -> Result<Vec<(String, String)>, ProjectError> {
        files.iter().map(|f| Ok((file_name(f), read(f)?))).collect()
    };
    // the actors' and verbs' bad lines are reported by their own loaders
    // (dyad-actors, `verbs.errors`): this second reading only looks for
    // adjectives and `<TIME>` phrases
    let mut ignored = Vec::new();
    let dicts = Dictionaries::build(
        &named(&actor_files)?,
        &named(&agent_files)?,
        &[],
        &mut ignored,
    );
    let time =
        super::default::convert_time(&Verbs::read(&file_name(&verbs_path), &read(&verbs_path)?));
    let has_time = !time.is_empty();
    let mut conventions = Conventions {
        time: Some(crate::matcher::Matcher::new(time, Vec::new())?),
        adjectives: dicts.adjective_words(),
        ..Conventions::default()
    };
    options.set_conventions(&mut conventions, has_time);
    let coder = coder
        .with_petrarch_rules(verbs.rules.clone())
        .with_conventions(conventions);
    actor_files.extend(agent_files);
    Ok(ProjectCoder {
        coder,
        verbs,
        actor_files,
        options,
        option_errors,
    })
}
