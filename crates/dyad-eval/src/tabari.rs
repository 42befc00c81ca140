//! Scorer for the TABARI validation suite (issue 7): every record of the
//! project's text file is coded with the project's dictionaries and options
//! (mid-file `{ OPTION: … }` records change them as they come) and matches
//! when the special it expects was met (`{###}` discard, `{+++}` complex,
//! `{---}` no events) or its coded (source, target, code) multiset — with the
//! event date when time shifting is on and the record gives one — equals the
//! expected one (`-{…}` records: contains it).

use std::collections::BTreeMap;
use std::path::Path;

use dyad_code::tabari::news::project_files;
use dyad_code::tabari::{Coded, Project, Record};
use serde::Serialize;

/// Records and matches of one category.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct CategoryScore {
    pub records: usize,
    pub matched: usize,
}

/// Event counts over the suite.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct EventCounts {
    pub expected: usize,
    pub coded: usize,
    pub correct: usize,
}

/// Records matched and events counted over the suite.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Tally {
    pub records: usize,
    pub records_matched: usize,
    pub share: f64,
    pub by_category: BTreeMap<String, CategoryScore>,
    pub events: EventCounts,
}

impl Tally {
    /// Count one record coded as `coded`; a mismatch is added to `failures`
    /// with what was expected and what was coded.
    fn score(&mut self, r: &Record, coded: &Coded, dated: bool, failures: &mut Vec<Failure>) {
        let ok = record_matches(r, coded, dated);
        let keys = coded_keys(coded);
        let exp = expected_keys(r, dated);
        self.records += 1;
        self.events.expected += exp.len();
        self.events.coded += keys.len();
        self.events.correct += common(&exp, &keys);
        let cat = self.by_category.entry(r.category.clone()).or_default();
        cat.records += 1;
        if ok {
            self.records_matched += 1;
            cat.matched += 1;
            return;
        }
        let mut expected: Vec<String> = exp.iter().map(show).collect();
        for (flag, s) in [
            (r.expect_none, "{---}"),
            (r.expect_discard, "{###}"),
            (r.expect_complex, "{+++}"),
            (r.unchecked_extra, "-{…}"),
        ] {
            if flag {
                expected.push(s.into());
            }
        }
        let mut got: Vec<String> = keys.iter().map(show).collect();
        if coded.discard {
            got.push("{###}".into());
        }
        if coded.complex {
            got.push("{+++}".into());
        }
        if !coded.note.is_empty() {
            got.push(format!("({})", coded.note));
        }
        failures.push(Failure {
            id: r.id.clone(),
            line: r.line,
            text: r.text.clone(),
            expected,
            coded: got,
        });
    }

    fn finish(&mut self) {
        self.share = if self.records == 0 {
            0.0
        } else {
            self.records_matched as f64 / self.records as f64
        };
    }
}

/// A record that did not match.
#[derive(Debug, Clone)]
pub struct Failure {
    pub id: String,
    pub line: usize,
    pub text: String,
    pub expected: Vec<String>,
    pub coded: Vec<String>,
}

type Key = (String, String, String, Option<String>);

fn expected_keys(r: &Record, dated: bool) -> Vec<Key> {
    r.expected
        .iter()
        .filter(|e| e.checked)
        .map(|e| {
            (
                e.source.clone(),
                e.target.clone(),
                e.code.clone(),
                e.date.clone().filter(|_| dated),
            )
        })
        .collect()
}

/// Multiset intersection size.
fn common(a: &[Key], b: &[Key]) -> usize {
    let mut pool: Vec<&Key> = b.iter().collect();
    let mut n = 0;
    for k in a {
        if let Some(p) = pool
            .iter()
            .position(|x| x.0 == k.0 && x.1 == k.1 && x.2 == k.2 && (k.3.is_none() || x.3 == k.3))
        {
            pool.swap_remove(p);
            n += 1;
        }
    }
    n
}

/// Decide whether one coded record matches its expectations.
pub fn record_matches(r: &Record, c: &Coded, dated: bool) -> bool {
    if (r.expect_discard && c.discard) || (r.expect_complex && c.complex) {
        return true;
    }
    let coded = coded_keys(c);
    if r.expect_none && coded.is_empty() {
        return true;
    }
    let exp = expected_keys(r, dated);
    let n = common(&exp, &coded);
    if r.unchecked_extra {
        n == exp.len()
    } else {
        n == exp.len()
            && n == coded.len()
            && !(exp.is_empty() && (r.expect_discard || r.expect_complex))
    }
}

fn coded_keys(c: &Coded) -> Vec<Key> {
    if c.discard || c.complex {
        return Vec::new();
    }
    c.events
        .iter()
        .map(|(s, t, code, d)| (s.clone(), t.clone(), code.clone(), Some(d.clone())))
        .collect()
}

fn show(k: &Key) -> String {
    match &k.3 {
        Some(d) => format!("{{ {} / {} / {} }} {d}", k.0, k.1, k.2),
        None => format!("{{ {} / {} / {} }}", k.0, k.1, k.2),
    }
}

/// The one JSON line of `dyad eval tabari`: the suite coded by dyad's
/// coder (the one that codes real news) with the project's verbs
/// converted by [`dyad_code::tabari::default`], actors and agents read by
/// dyad-actors' TABARI importer into an `ActorTagger`, and the rest of
/// dyad's pipeline (sentences, quotes, time; each record's date is the
/// document's publication date). The coder follows TABARI's conventions
/// set from the project's options (and `OPTION` records as they come):
/// one event per clause, `?`/`!` ranks, passive voice, `<TIME>` shifts,
/// `DEFAULT:` actors, `COMPLEX:` limits, minimum words, discard codes.
/// Events carry the verb dictionary's code as written (a code outside the
/// CAMEO table rides on a placeholder and is restored by rule) and the
/// event's own date; `FORWARD:` passes the first actor on. `SET: CONVERT
/// AGENTS` codes a lone agent by its own code
/// (`ActorTagger::with_convert_agents`).
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub suite: String,
    #[serde(flatten)]
    pub tally: Tally,
    /// Syntax errors met while reading the project, `OPTION` records
    /// included (each printed with `--failures`).
    pub syntax_errors: usize,
    pub patterns: usize,
    pub actors: usize,
    pub agents: usize,
    /// `<TIME>` phrases (as slotless patterns).
    pub time_phrases: usize,
    /// Verb phrases not converted, by reason.
    pub skipped: BTreeMap<&'static str, usize>,
    /// Approximations made while converting, by kind.
    pub approximated: BTreeMap<&'static str, usize>,
}

/// Codes the table lacks (custom test codes) ride on this one; the rule id
/// gives the code back.
const PLACEHOLDER: &str = "010";

/// Run the suite of `project` (a `.project` file) through dyad's coder:
/// the report, the records that did not match, and every syntax error
/// (`file:line: message`).
pub fn evaluate(project: &Path) -> Result<(Report, Vec<Failure>, Vec<String>), crate::EvalError> {
    use dyad_code::conventions::{split_rank, Conventions, Verdict};
    use dyad_code::{dict::Pattern, CodeTable, EventCoder};
    use std::collections::HashMap;
    let other = |e: &dyn std::fmt::Display| crate::EvalError::Other(e.to_string());
    let p = Project::load(project).map_err(|e| other(&e))?;
    let mut files = project_files(project, "actorsfile").map_err(|e| other(&e))?;
    files.extend(project_files(project, "agentsfile").map_err(|e| other(&e))?);
    let (tagger, n_actors, n_agents) = crate::petrarch::actor_tagger(&files, false)?;
    // `SET: CONVERT AGENTS` may be turned on and off by OPTION records:
    // both taggers are built once
    let converting = crate::petrarch::events_off_pipeline(tagger.clone().with_convert_agents(true));
    let pipeline = crate::petrarch::events_off_pipeline(tagger);
    let (patterns, verbs) = dyad_code::tabari::default::convert("verbs", &p.dicts.verbs);
    let table = CodeTable::embedded();
    let mut written: HashMap<String, (Option<String>, Option<String>)> = HashMap::new();
    let clean = |c: &Option<String>| c.as_deref().map(|c| split_rank(c).0.to_string());
    let patterns: Vec<Pattern> = patterns
        .into_iter()
        .map(|mut pat| {
            written.insert(pat.id.clone(), (clean(&pat.code), clean(&pat.paired)));
            if let Some(c) = &pat.code {
                let (bare, sub, dom) = split_rank(c);
                if table.get(bare).is_none() && !matches!(bare, "###" | "+++") {
                    let mark = if sub {
                        "?"
                    } else if dom {
                        "!"
                    } else {
                        ""
                    };
                    pat.code = Some(format!("{PLACEHOLDER}{mark}"));
                    pat.paired = None;
                }
            }
            if pat
                .paired
                .as_deref()
                .is_some_and(|c| table.get(split_rank(c).0).is_none())
            {
                pat.paired = None;
            }
            pat
        })
        .collect();
    let n_patterns = patterns.len();
    let time = dyad_code::tabari::default::convert_time(&p.dicts.verbs);
    let n_time = time.len();
    let has_time = !p.dicts.verbs.time.is_empty();
    let conventions = Conventions {
        time: Some(dyad_code::matcher::Matcher::new(time, Vec::new()).map_err(|e| other(&e))?),
        adjectives: p.dicts.adjective_words(),
        ..Conventions::default()
    };
    let mut coder = EventCoder::with_dictionaries(table, patterns, Vec::new())
        .map_err(|e| other(&e))?
        .with_conventions(conventions);
    let mut report = Report {
        suite: project
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default(),
        patterns: n_patterns,
        actors: n_actors,
        agents: n_agents,
        time_phrases: n_time,
        skipped: verbs.skipped.clone(),
        approximated: verbs.approximated.clone(),
        ..Report::default()
    };
    let mut errors = p.errors.clone();
    let mut failures = Vec::new();
    let mut opts = p.options.clone();
    let agents: Vec<&str> = p.dicts.agents.iter().map(|a| a.code.as_str()).collect();
    let mut prev: Option<(String, u32, Option<String>)> = None;
    for r in &p.records {
        for o in &r.options {
            if let Err(m) = opts.apply(o) {
                errors.push(format!("{}: record {}: OPTION {m}", r.line, r.id));
            }
        }
        // FORWARD: the first actor of the previous sentence of the same story
        let seq = opts
            .forward
            .as_deref()
            .and_then(|f| dyad_code::tabari::options::sequence(f, &r.id));
        let forward = match (&seq, &prev) {
            (Some((story, sent)), Some((ps, pn, code))) if story == ps && *sent == pn + 1 => {
                code.clone()
            }
            _ => None,
        };
        if let Some(c) = coder.conventions_mut() {
            opts.set_conventions(c, has_time);
            c.forward = forward.clone();
        }
        let mut doc = dyad_core::Document::from_body(&r.id, &r.text);
        doc.published = dyad_code::tabari::parse_date(&r.date);
        if opts.convert_agents {
            converting.annotate(&mut doc);
        } else {
            pipeline.annotate(&mut doc);
        }
        let verdicts = coder.annotate_with_verdicts(&mut doc);
        let mut coded = Coded::default();
        for (_, v) in &verdicts {
            match v {
                Verdict::Discard(why) => {
                    coded.discard = true;
                    coded.note = why.clone();
                }
                Verdict::Complex(why) => {
                    coded.complex = true;
                    coded.note = why.clone();
                }
            }
        }
        if coded.discard {
            coded.complex = false;
        }
        for e in &doc.events {
            let (code, paired) = written.get(&e.rule).cloned().unwrap_or_default();
            let code = match (&paired, code) {
                (Some(pc), _) if *pc == e.code => pc.clone(),
                (_, Some(c)) => c,
                (_, None) => continue,
            };
            let actor = |a: &dyad_core::EventActor| a.actor.clone().unwrap_or_else(|| "---".into());
            let date = e
                .date
                .map(|d| dyad_code::tabari::format_date(d, &r.date))
                .unwrap_or_else(|| r.date.clone());
            coded
                .events
                .push((actor(&e.source), actor(&e.target), code, date));
        }
        let first = first_actor(&doc, &agents).or(forward);
        prev = seq.map(|(story, sent)| (story, sent, first));
        let dated = opts.time_shift.unwrap_or(has_time);
        report.tally.score(r, &coded, dated, &mut failures);
    }
    report.tally.finish();
    report.syntax_errors = errors.len();
    Ok((report, failures, errors))
}

/// The code of the first coded actor of `doc` without its agents (what
/// TABARI's `FORWARD:` passes on): agent codes (`~GOV`, `~GOVPRS`) are
/// taken off the end of the actor's code.
fn first_actor(doc: &dyad_core::Document, agents: &[&str]) -> Option<String> {
    let first = doc
        .entities
        .iter()
        .filter(|e| e.actor.is_some())
        .filter_map(|e| Some((e.mentions.iter().map(|m| m.start).min()?, e)))
        .min_by_key(|(start, _)| *start)?;
    let mut code = first.1.actor.clone()?;
    loop {
        let agent = agents
            .iter()
            .map(|a| a.trim_matches('~'))
            .filter(|a| !a.is_empty() && code.len() >= a.len() + 3 && code.ends_with(a))
            .max_by_key(|a| a.len());
        match agent {
            Some(a) => code.truncate(code.len() - a.len()),
            None => break,
        }
    }
    Some(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `SET: CONVERT AGENTS` records (category CONV) are coded with the
    /// converting tagger: every one of them matches.
    #[test]
    fn default_engine_converts_agents_when_the_options_say_so() {
        let Some(project) = crate::shared::shared_or_skip("eval/events/tabari/Validate.project")
        else {
            return;
        };
        let (report, _, _) = evaluate(&project).expect("the suite loads");
        let conv = report
            .tally
            .by_category
            .get("CONV")
            .cloned()
            .unwrap_or_default();
        assert!(conv.records > 0, "the suite has CONV records");
        assert_eq!(conv.matched, conv.records, "CONV: {conv:?}");
    }
}
