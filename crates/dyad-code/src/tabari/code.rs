//! Coding one TABARI record (manual ch. 5–7): tag words with the actor,
//! agent, verb and time dictionaries (longest phrase first), build actor
//! units (agents, "former", coded and parsed compounds, pronouns), drop
//! comma-delimited clauses, split clauses at conjunctions, then for each
//! verb try its [`Pattern`]s longest first and fill source and target by
//! the pattern's `$ + % ^` or TABARI's default search.

use chrono::NaiveDate;

use super::clauses::{comma_clauses, compound_noun_conj};
use super::options::{CodeBy, Options};
use super::phrase::{match_pattern, Unit};
use super::tag::{tag, time_shift, Tag};
use super::text::{all_caps, tokenize, Tok};
use super::units::{build_units, compounds, pronouns};
use super::Dictionaries;
use crate::conventions::{is_passive, select, split_rank, Rank, TimeShift};

/// The outcome of coding one record.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Coded {
    /// (source, target, code, date YYMMDD or YYYYMMDD).
    pub events: Vec<(String, String, String, String)>,
    pub discard: bool,
    pub complex: bool,
    /// Why the record was complex or discarded, for `--failures`.
    pub note: String,
    /// Code of the first actor (without agents): what `FORWARD` passes on.
    pub first_actor: Option<String>,
}

/// Parse a record date (`YYMMDD`, or `YYYYMMDD` with `SET: YYYY`).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    dyad_actors::dates::parse_tabari_date(s)
}

/// `d` written like the record date `like` (`YYMMDD` or `YYYYMMDD`).
pub fn format_date(d: NaiveDate, like: &str) -> String {
    if like.len() == 8 {
        d.format("%Y%m%d").to_string()
    } else {
        d.format("%y%m%d").to_string()
    }
}

/// Code one record's text.
///
/// `forward`: the actor code forwarded from the previous sentence of the
/// story (`FORWARD:`), for a pronoun that comes before any actor.
pub fn code_record(
    dicts: &Dictionaries,
    opts: &Options,
    date_str: &str,
    text: &str,
    forward: Option<&str>,
) -> Coded {
    let mut out = Coded::default();
    let date = parse_date(date_str);
    let toks = tokenize(text, opts.fbis);
    if opts.minimum_words > 0 && toks.len() < opts.minimum_words {
        out.note = "fewer words than MINIMUM WORDS".into();
        return out;
    }
    let caps = all_caps(text);
    // 1. tag
    let mut spans = tag(dicts, &toks);
    // 2. verbs as nouns (determiner before, capitalised inside the sentence),
    //    null actors as nouns; specials from roots and actors
    let mut prev_tag = Tag::None;
    for (k, sp) in spans.iter_mut().enumerate() {
        if let Tag::Verb(r) = sp.tag {
            let capital = !caps && k > 0 && toks.get(sp.start).is_some_and(|t| t.cap);
            if prev_tag == Tag::Determ || capital {
                sp.tag = Tag::Noun;
            } else if dicts
                .verbs
                .roots
                .get(r)
                .is_some_and(|root| root.null && root.patterns.is_empty())
            {
                sp.tag = Tag::None;
            }
        }
        if let Tag::Actor(a) = sp.tag {
            let code = dicts.actor_code(a, date);
            match code {
                "---" => sp.tag = Tag::Noun,
                "###" => {
                    out.discard = true;
                    out.note = "discard code on an actor".into();
                }
                "+++" => {
                    out.complex = true;
                    out.note = "complex code on an actor".into();
                }
                _ => {}
            }
        }
        if let Tag::Verb(r) = sp.tag {
            match dicts.verbs.roots.get(r).and_then(|x| x.code.as_deref()) {
                Some("###") => {
                    out.discard = true;
                    out.note = "discard code on a verb".into();
                }
                Some("+++") => {
                    out.complex = true;
                    out.note = "complex code on a verb".into();
                }
                _ => {}
            }
        }
        prev_tag = sp.tag;
    }
    if out.discard {
        out.complex = false;
        return out;
    }
    // time shift
    let mut event_date = date;
    let shifting = opts.time_shift.unwrap_or(!dicts.verbs.time.is_empty());
    if shifting {
        if let Some(shift) = time_shift(dicts, &toks, &spans) {
            match TimeShift::parse(&shift) {
                TimeShift::Discard => {
                    out.discard = true;
                    out.note = "discard time phrase".into();
                    return out;
                }
                TimeShift::Complex => {
                    out.complex = true;
                    out.note = "complex time phrase".into();
                }
                TimeShift::None => {}
                TimeShift::Days(days) => {
                    event_date =
                        date.and_then(|d| d.checked_add_signed(chrono::Duration::days(days)));
                }
            }
        }
    }
    // 3. actor units
    let mut units = build_units(dicts, opts, &toks, &spans, date);
    compounds(&toks, &spans, &mut units, opts.fbis);
    // 4. comma-delimited clauses
    let deleted = comma_clauses(opts, &toks, &spans, &units);
    // 5. pronouns
    pronouns(&toks, &spans, &mut units, &deleted, forward);
    out.first_actor = spans.iter().find_map(|sp| match sp.tag {
        Tag::Actor(a) => Some(dicts.actor_code(a, date).to_string()),
        _ => None,
    });
    // rebuild the sentence without deleted words
    let mut map = vec![usize::MAX; toks.len() + 1];
    let mut kept: Vec<Tok> = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if !deleted.get(i).copied().unwrap_or(false) {
            if let Some(m) = map.get_mut(i) {
                *m = kept.len();
            }
            kept.push(t.clone());
        }
    }
    if let Some(m) = map.get_mut(toks.len()) {
        *m = kept.len();
    }
    let remap = |s: usize, e: usize| -> Option<(usize, usize)> {
        let a = *map.get(s)?;
        let b = *map.get(e.checked_sub(1)?)?;
        (a != usize::MAX && b != usize::MAX).then(|| (a, b + 1))
    };
    let units: Vec<Unit> = units
        .into_iter()
        .filter_map(|u| {
            let (start, end) = remap(u.start, u.end)?;
            Some(Unit { start, end, ..u })
        })
        .collect();
    let mut verbs: Vec<(usize, usize, usize)> = Vec::new(); // (start, end, root)
    let mut conjs: Vec<usize> = Vec::new();
    for sp in &spans {
        match sp.tag {
            Tag::Verb(r) => {
                if let Some((s, e)) = remap(sp.start, sp.end) {
                    verbs.push((s, e, r));
                }
            }
            Tag::Conj => {
                // a conjunction inside a parsed or coded compound does not split
                if let Some((s, _)) = remap(sp.start, sp.end) {
                    if !units
                        .iter()
                        .any(|u| u.codes.len() > 1 && u.start <= s && s < u.end)
                    {
                        conjs.push(s);
                    }
                }
            }
            _ => {}
        }
    }
    conjs.retain(|&c| !compound_noun_conj(&kept, &spans, &map, c));
    // 6. complexity
    let c = opts.complex;
    if c.verbs > 0 && verbs.len() >= c.verbs {
        out.complex = true;
        out.note = format!("{} verbs", verbs.len());
    }
    if c.conj > 0 && conjs.len() >= c.conj {
        out.complex = true;
        out.note = format!("{} conjunctions", conjs.len());
    }
    if c.actors > 0 && units.len() >= c.actors {
        out.complex = true;
        out.note = format!("{} actors", units.len());
    }
    // a null-coded root counts as the first verb only where one of its
    // phrases with a code matches (§8.7, "null-coded verb before actor")
    let first_verb = verbs.iter().find(|v| {
        dicts.verbs.roots.get(v.2).is_some_and(|r| {
            !r.null
                || r.patterns.iter().any(|p| {
                    p.code.is_some()
                        && match_pattern(&kept, &units, p, 0, kept.len(), v.0, v.1).is_some()
                })
        })
    });
    if let Some(&(v0, _, _)) = first_verb {
        if c.noactprior && !units.iter().any(|u| u.start < v0) && opts.default_source.is_none() {
            out.complex = true;
            out.note = "no actor before the first verb".into();
        }
        if c.lateverb > 0 && v0 >= c.lateverb {
            out.complex = true;
            out.note = "late verb".into();
        }
    } else if c.noverb || c.lateverb > 0 || c.noactprior {
        // without a verb there is no actor before the first verb either
        out.complex = true;
        out.note = "no verb".into();
    }
    if out.complex {
        return out;
    }
    // 7. clauses and coding
    let mut bounds: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for &cj in &conjs {
        bounds.push((start, cj));
        start = cj + 1;
    }
    bounds.push((start, kept.len()));
    let mut raw: Vec<Hit> = Vec::new();
    let mut source: Option<usize> = None;
    let mut passive_seen = false;
    'clauses: for (ci, &(cs, ce)) in bounds.iter().enumerate() {
        // a clause's own subject replaces the carried source
        // an actor right after the conjunction, or (no event yet) the
        // clause's first actor, becomes the source
        if ci == 0 || raw.is_empty() {
            if let Some(u) = units.iter().position(|u| u.start >= cs && u.start < ce) {
                source = Some(u);
            }
        } else if let Some(u) = units.iter().position(|u| u.start == cs) {
            source = Some(u);
        }
        let mut clause_hits: Vec<Hit> = Vec::new();
        for &(vs, ve, r) in verbs.iter().filter(|v| v.0 >= cs && v.1 <= ce) {
            let Some(root) = dicts.verbs.roots.get(r) else {
                continue;
            };
            // longest first; a match through alternatives counts the words it
            // actually matched, and longer patterns are tried before it is kept
            let mut found = None;
            let mut need = 0usize;
            for (pi, pat) in root.patterns.iter().enumerate() {
                if found.is_some() && root.lengths.get(pi).copied().unwrap_or(0) <= need {
                    break;
                }
                if let Some(m) = match_pattern(&kept, &units, pat, cs, ce, vs, ve) {
                    if found.is_some() && m.len <= need {
                        continue;
                    }
                    need = m.len;
                    found = Some((pat.code.clone(), pat.paired.clone(), m, pat.id.clone()));
                    if !pat
                        .elems
                        .iter()
                        .any(|e| matches!(e, crate::dict::Elem::Alt(_)))
                    {
                        break;
                    }
                }
            }
            let (code, paired, slots, id) = match found {
                Some(f) => f,
                None => {
                    if root.null || root.code.is_none() {
                        continue;
                    }
                    let code = root.code.clone().unwrap_or_default();
                    let (c, p) = match code.split_once(':') {
                        Some((a, b)) => (Some(a.to_string()), Some(b.to_string())),
                        None => (Some(code), None),
                    };
                    (c, p, Default::default(), format!("root {}", root.line))
                }
            };
            let Some(code) = code else {
                // null pattern: this verb codes nothing
                continue;
            };
            match code.as_str() {
                "###" => {
                    out.discard = true;
                    out.note = format!("discard pattern {id}");
                    out.events.clear();
                    return out;
                }
                "+++" => {
                    out.complex = true;
                    out.note = format!("complex pattern {id}");
                    out.events.clear();
                    return out;
                }
                _ => {}
            }
            // actors
            let slots: super::phrase::Slots = slots;
            let (mut src, mut tgt, designated) = (slots.source, slots.target, slots.designated());
            // default source: the clause's source (before the verb in the
            // first clause), with a code distinct from a designated target
            let t_codes0 = slots
                .target
                .and_then(|t| units.get(t))
                .map(|u| u.codes.clone());
            let distinct_from_target = |u: &Unit| Some(&u.codes) != t_codes0.as_ref();
            if src.is_none() {
                let carried = source.filter(|&s| {
                    units
                        .get(s)
                        .is_some_and(|u| (ci > 0 || u.start < vs) && distinct_from_target(u))
                });
                src = if slots.target.is_some() {
                    units
                        .iter()
                        .position(|u| u.start < vs && distinct_from_target(u))
                        .or(carried)
                } else {
                    carried
                };
            }
            let prior_default = opts.default_source.as_ref().is_some_and(|d| d.positional);
            if src.is_none() && !prior_default {
                // greedy: a source after the verb
                src = units
                    .iter()
                    .position(|u| u.start >= ve && u.start < ce && distinct_from_target(u));
            }
            let src_codes = src.and_then(|s| units.get(s)).map(|u| u.codes.clone());
            if tgt.is_none() {
                let distinct = |u: &Unit| Some(&u.codes) != src_codes.as_ref();
                tgt = units
                    .iter()
                    .position(|u| u.start >= ve && u.start < ce && distinct(u))
                    .filter(|&t| !slots.skipped(Some(t)))
                    .or_else(|| {
                        // else the first actor of the clause before the verb
                        units.iter().position(|u| {
                            u.start < vs
                                && u.end > cs
                                && distinct(u)
                                && !slots.skipped(units.iter().position(|x| x == u))
                                && Some(u) != src.and_then(|s| units.get(s))
                        })
                    });
            }
            // passive voice
            if !designated {
                let w = |i: Option<usize>| {
                    i.and_then(|i| kept.get(i))
                        .map_or("", |t: &Tok| t.w.as_str())
                };
                let before = [w(vs.checked_sub(1)), w(vs.checked_sub(2))];
                if is_passive(before, [w(Some(ve)), w(Some(ve + 1))]) {
                    std::mem::swap(&mut src, &mut tgt);
                    passive_seen = true;
                }
            }
            let mut s_codes: Vec<String> = src
                .and_then(|s| units.get(s))
                .map(|u| u.codes.clone())
                .unwrap_or_default();
            let mut t_codes: Vec<String> = tgt
                .and_then(|t| units.get(t))
                .map(|u| u.codes.clone())
                .unwrap_or_default();
            if slots.compound {
                t_codes = s_codes.clone();
            }
            if let Some(d) = &opts.default_source {
                let none_prior = !units.iter().any(|u| u.start < vs && u.start >= cs);
                if s_codes.is_empty()
                    || (d.positional
                        && none_prior
                        && src.is_none_or(|s| units.get(s).is_none_or(|u| u.start >= vs)))
                {
                    s_codes = vec![d.code.clone()];
                }
            }
            if let Some(d) = &opts.default_target {
                let none_after = !units.iter().any(|u| u.start >= ve && u.start < ce);
                if t_codes.is_empty() || (d.positional && none_after) {
                    t_codes = vec![d.code.clone()];
                }
            }
            if t_codes.is_empty() && s_codes.len() > 1 {
                t_codes = s_codes.clone();
            }
            if s_codes.is_empty() || t_codes.is_empty() {
                continue;
            }
            let _ = passive_seen;
            let (clean, subordinate, dominant) = split_rank(&code);
            let paired = paired.map(|p| split_rank(&p).0.to_string());
            clause_hits.push(Hit {
                sources: s_codes,
                targets: t_codes,
                code: clean.to_string(),
                paired,
                rank: Rank {
                    clause: ci,
                    subordinate,
                    dominant,
                },
            });
            if opts.code_by != CodeBy::All && !subordinate {
                break;
            }
        }
        let any_main = clause_hits.iter().any(|h| !h.rank.subordinate);
        raw.extend(clause_hits);
        if opts.code_by == CodeBy::Sentence && any_main {
            break 'clauses;
        }
    }
    let ranks: Vec<Rank> = raw.iter().map(|h| h.rank).collect();
    let keep = select(opts.code_by, &ranks);
    let raw: Vec<Hit> = keep.iter().filter_map(|&k| raw.get(k).cloned()).collect();
    let date_out = event_date
        .map(|d| format_date(d, date_str))
        .unwrap_or_else(|| date_str.to_string());
    for h in raw {
        for s in &h.sources {
            for t in &h.targets {
                if s == t {
                    continue;
                }
                let ev = (s.clone(), t.clone(), h.code.clone(), date_out.clone());
                if !out.events.contains(&ev) {
                    out.events.push(ev);
                }
                if let Some(p) = &h.paired {
                    let ev = (t.clone(), s.clone(), p.clone(), date_out.clone());
                    if !out.events.contains(&ev) {
                        out.events.push(ev);
                    }
                }
            }
        }
    }
    out
}

#[derive(Debug, Clone)]
struct Hit {
    sources: Vec<String>,
    targets: Vec<String>,
    code: String,
    paired: Option<String>,
    rank: Rank,
}
