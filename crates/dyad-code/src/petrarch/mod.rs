//! PETRARCH verb dictionaries read into dyad's own pattern model (issue 7),
//! so dyad's matcher and coder run them: no second engine.
//!
//! - [`verbs`]: the verb dictionary (PETRARCH-2 `CAMEO.2.0.txt` and
//!   PETRARCH-1 `CAMEO.verbpatterns.*.txt`) into [`crate::dict::Pattern`]s;
//! - [`pattern`]: one pattern body, linearised (how each construct maps, and
//!   which are approximated, is documented there);
//! - [`discards`]: the discard list into [`crate::dict::Discard`]s;
//! - [`load_coder`]: an [`EventCoder`] from the files, with a report of what
//!   was read, converted and skipped (by reason).
//!
//! Not supported (counted, never silently dropped): PETRARCH-2 `~`
//! transformations and its code arithmetic for verb–verb combinations
//! ("will [help]" → 033); patterns whose code is not in the code table.
//! Actors and agents come from `dyad_actors` (its TABARI/PETRARCH importer).

pub mod discards;
pub mod pattern;
pub mod verbs;
mod words;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use dyad_core::Document;

use crate::codes::CodeTable;
use crate::conventions::split_rank;
use crate::inflect::Inflector;
use crate::{CodeError, EventCoder};

pub use discards::{read_discards, DiscardReport};
pub use pattern::Flavor;
pub use verbs::{detect_flavor, read_verbs, VerbReport};

/// A problem loading PETRARCH dictionaries (bad lines are not errors: they
/// are skipped and listed in the report).
#[derive(Debug, thiserror::Error)]
pub enum PetrarchError {
    /// (The I/O error is part of the message, not a `source`, so that a
    /// report of the whole error chain does not print it twice.)
    #[error("reading {path}: {error}")]
    Io {
        path: PathBuf,
        error: std::io::Error,
    },
    #[error(transparent)]
    Code(#[from] CodeError),
}

/// What [`load_coder`] read.
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub verbs: VerbReport,
    pub discards: Option<DiscardReport>,
    /// dyad patterns dropped because their code is not in the code table,
    /// by code.
    pub uncodable: BTreeMap<String, usize>,
    /// Paired codes dropped (not in the code table).
    pub unpaired: usize,
    /// dyad patterns in the coder.
    pub patterns: usize,
    /// The code (and paired code) of each rule id, for [`literal_codes`].
    pub rules: RuleCodes,
}

impl LoadReport {
    /// One line for the command line: what was read, converted, skipped.
    pub fn summary(&self) -> String {
        let v = &self.verbs;
        let skipped: usize = v.skipped.values().sum();
        let uncodable: usize = self.uncodable.values().sum();
        let mut line = format!(
            "{}: {} of {} patterns converted ({skipped} skipped, {} bad lines), {} verbs, {} dyad patterns loaded ({uncodable} with a code outside the table)",
            v.file,
            v.patterns_converted,
            v.patterns_read,
            v.errors.len(),
            v.verbs,
            self.patterns,
        );
        if let Some(d) = &self.discards {
            line.push_str(&format!("; {}: {} discards", d.file, d.read));
        }
        line
    }
}

/// Rule id (`Event::rule`) → (code, paired code) as the dictionary wrote them.
pub type RuleCodes = HashMap<String, (String, Option<String>)>;

fn read(path: &Path) -> Result<String, PetrarchError> {
    std::fs::read_to_string(path).map_err(|error| PetrarchError::Io {
        path: path.to_path_buf(),
        error,
    })
}

/// True for a TABARI `.verbs` file (by its extension, or a TABARI
/// `<SYNSETS>`/`<TIME>` section) rather than a PETRARCH dictionary.
pub fn is_tabari_verbs(path: &Path, text: &str) -> bool {
    let ext = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("verbs"));
    ext || text.lines().any(|l| {
        let l = l.trim().to_ascii_uppercase();
        l == "</SYNSETS>" || l == "</TIME>"
    })
}

/// An [`EventCoder`] from a PETRARCH verb dictionary (format detected; a
/// TABARI `.verbs` file is read by [`crate::tabari::default`]) and
/// an optional discard list, coding into `codes` (usually
/// [`CodeTable::embedded`]). Patterns whose code the table lacks are dropped
/// and counted in the report.
pub fn load_coder(
    verbs: &Path,
    discards: Option<&Path>,
    codes: CodeTable,
) -> Result<(EventCoder, LoadReport), PetrarchError> {
    load_coder_with(verbs, discards, codes, false)
}

/// [`load_coder`]; with `specials`, patterns coded with TABARI's discard
/// (`###`) and complex (`+++`) codes are kept (for a coder with TABARI's
/// [`crate::conventions::Conventions`], which acts on them).
pub fn load_coder_with(
    verbs: &Path,
    discards: Option<&Path>,
    codes: CodeTable,
    specials: bool,
) -> Result<(EventCoder, LoadReport), PetrarchError> {
    let name = |p: &Path| {
        p.file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let text = read(verbs)?;
    let (patterns, verb_report) = if is_tabari_verbs(verbs, &text) {
        let parsed = crate::tabari::Verbs::read(&name(verbs), &text);
        crate::tabari::default::convert(&name(verbs), &parsed)
    } else {
        read_verbs(&name(verbs), &text, None, &Inflector::embedded())
    };
    let mut report = LoadReport {
        verbs: verb_report,
        ..LoadReport::default()
    };
    let mut kept = Vec::with_capacity(patterns.len());
    // a TABARI rank (`023?`, `023!`) is not part of the code: the coder
    // takes it off
    let bare = |c: &str| split_rank(c).0.to_string();
    for mut p in patterns {
        if let Some(c) = p.code.as_deref() {
            let special = specials && matches!(c, "###" | "+++");
            if !special && codes.get(split_rank(c).0).is_none() {
                *report.uncodable.entry(bare(c)).or_default() += 1;
                continue;
            }
        }
        if p.paired
            .as_deref()
            .is_some_and(|c| codes.get(split_rank(c).0).is_none())
        {
            report.unpaired += 1;
            p.paired = None;
        }
        if let Some(c) = &p.code {
            report
                .rules
                .insert(p.id.clone(), (bare(c), p.paired.as_deref().map(bare)));
        }
        kept.push(p);
    }
    report.patterns = kept.len();
    let discard_list = match discards {
        Some(path) => {
            let (d, r) = read_discards(&name(path), &read(path)?);
            report.discards = Some(r);
            d
        }
        None => Vec::new(),
    };
    let coder = EventCoder::with_dictionaries(codes, kept, discard_list)?;
    Ok((coder, report))
}

/// PETRARCH's `require_dyad` setting (on in its unit tests and in the
/// Phoenix configuration): keep only events with a coded source and a coded
/// target. Run it after the coder.
pub fn require_dyad(doc: &mut Document) {
    doc.events
        .retain(|e| e.source.actor.is_some() && e.target.actor.is_some());
}

/// PETRARCH codes what the dictionary says for planned or possible actions:
/// undo dyad's CAMEO shift of unrealised actions into 03x/13x (a planned
/// meeting 036 instead of 040, a possible attack 138), restoring the rule's
/// code and its paired event (target → source). Refusals (12x, "would not
/// provide support") stay: PETRARCH-2 codes them so too. `rules` comes from
/// [`LoadReport::rules`]. Run it after the coder.
pub fn literal_codes(doc: &mut Document, rules: &RuleCodes, codes: &CodeTable) {
    let mut added = Vec::new();
    for e in doc.events.iter_mut() {
        let Some((code, paired)) = rules.get(&e.rule) else {
            continue;
        };
        let shifted = matches!(e.root.as_str(), "03" | "13");
        if e.code == *code || !shifted {
            continue;
        }
        let Some(info) = codes.get(code) else {
            continue;
        };
        set_code(e, info);
        if let Some(info) = paired.as_deref().and_then(|p| codes.get(p)) {
            if e.target.actor.is_some() {
                let mut back = e.clone();
                std::mem::swap(&mut back.source, &mut back.target);
                set_code(&mut back, info);
                added.push(back);
            }
        }
    }
    doc.events.extend(added);
}

fn set_code(e: &mut dyad_core::Event, info: &crate::CodeInfo) {
    e.code = info.code.clone();
    e.root = info.root().to_string();
    e.quad_class = info.quad_class;
    e.goldstein = info.goldstein;
    e.plover = info.plover.clone();
    e.plover_mode = info.plover_mode.clone();
}
