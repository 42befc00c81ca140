//! The coder: per sentence with a trigger, match patterns, pick the most
//! specific match at each trigger, fill source and target, set flags, date
//! and location, and emit [`Event`]s (with an optional trace for `dyad explain`).

use std::collections::HashMap;

use chrono::NaiveDate;
use dyad_core::{Document, Event, EventActor, Modality, Span, TimexType};

use crate::actors::{find_source, find_target, Bounds, Found};
use crate::codes::CodeTable;
use crate::conventions::{
    comma_clauses, is_passive, select, split_rank, CodeBy, Conventions, Rank, TimeShift, Verdict,
};
use crate::dict::Elem;
use crate::flags::{read_flags, Flags};
use crate::matcher::{Match, Matcher, Slot};
use crate::sentence::{is_clause_break, sorted_mentions, Sentence};

mod tabari;

use tabari::{
    adjacent_source, apply_defaults, clause_source, clause_splits, clause_target, code_of, coded,
    live, pronoun_unit, special_actor, split_compound, tabari_compound, time_shift, verb_as_noun,
    word_count, ClauseCtx,
};

/// Codes and patterns, ready to code documents.
#[derive(Debug)]
pub struct Coder {
    pub codes: CodeTable,
    pub matcher: Matcher,
    /// TABARI's conventions, when set (see [`Conventions`]).
    pub conventions: Option<Conventions>,
}

/// What coding one match gave.
enum Emitted {
    /// Events were added (possibly none), with the rank of the code.
    Events(bool, bool),
    /// A `###` code: the sentence is discarded.
    Discard(String),
    /// A `+++` code: the sentence is too complex.
    Complex(String),
}

/// One side of an event before it becomes an [`EventActor`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Mention(usize),
    Entity(usize, Span),
    /// A `DEFAULT:` code: the source's (true) or the target's.
    Default(bool),
    /// The actor `FORWARD:` passes on from the story's previous sentence.
    Forward,
}

impl Coder {
    /// Code every sentence of `doc`; when `trace` is given, append one line
    /// per decision (patterns tried, why an event was or was not coded).
    pub fn code(&self, doc: &Document, trace: Option<&mut Vec<String>>) -> Vec<Event> {
        self.code_with_verdicts(doc, trace, &mut Vec::new())
    }

    /// [`Coder::code`], also listing the sentences [`Conventions`] judged
    /// complex or discarded.
    pub fn code_with_verdicts(
        &self,
        doc: &Document,
        mut trace: Option<&mut Vec<String>>,
        verdicts: &mut Vec<(Span, Verdict)>,
    ) -> Vec<Event> {
        let mut events = Vec::new();
        let positions = self.matcher.trigger_positions(&doc.text);
        let marked: Vec<usize> = if self.conventions.is_some() {
            // complexity and discards are judged on every sentence
            (0..doc.sentences.len()).collect()
        } else {
            if positions.is_empty() {
                if let Some(t) = trace.as_deref_mut() {
                    t.push("no trigger word from the dictionary in the text".into());
                }
                return events;
            }
            let mut marked: Vec<usize> = Vec::new();
            for p in positions {
                let k = doc.sentences.partition_point(|s| s.end <= p);
                if doc.sentences.get(k).is_some_and(|s| s.start <= p) && marked.last() != Some(&k) {
                    marked.push(k);
                }
            }
            marked
        };
        let all = sorted_mentions(doc);
        let ids: HashMap<&str, usize> = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.as_str(), i))
            .collect();
        for k in marked {
            let Some(&span) = doc.sentences.get(k) else {
                continue;
            };
            let s = Sentence::new(doc, span, &all);
            if let Some(v) = self.code_sentence(&s, &ids, &mut events, trace.as_deref_mut()) {
                verdicts.push((span, v));
            }
        }
        events
    }

    fn code_sentence(
        &self,
        s: &Sentence,
        ids: &HashMap<&str, usize>,
        events: &mut Vec<Event>,
        mut trace: Option<&mut Vec<String>>,
    ) -> Option<Verdict> {
        let m = &self.matcher;
        let conv = self.conventions.as_ref();
        let words = m.sentence_words(s);
        let tracing = trace.is_some();
        let mut log = |line: &dyn Fn() -> String| {
            if let Some(t) = trace.as_deref_mut() {
                t.push(line());
            }
        };
        log(&|| {
            format!(
                "sentence {}..{}: {:?}",
                s.span.start,
                s.span.end,
                s.doc.span_text(s.span)
            )
        });
        let mut shift_days = None;
        if let Some(c) = conv {
            let n = word_count(s);
            if n < c.minimum_words {
                log(&|| format!("  {n} words: fewer than the minimum {}", c.minimum_words));
                return None;
            }
            match time_shift(c, s) {
                TimeShift::Discard => return Some(Verdict::Discard("time phrase".into())),
                TimeShift::Complex => return Some(Verdict::Complex("time phrase".into())),
                TimeShift::Days(d) => {
                    log(&|| format!("  time phrase: events dated {d:+} days"));
                    shift_days = Some(d);
                }
                TimeShift::None => {}
            }
            if let Some(v) = special_actor(s) {
                log(&|| format!("  {v:?}"));
                return Some(v);
            }
        }
        let discards = m.discards_in(&words);
        for &d in &discards {
            if let Some(disc) = m.discards.get(d) {
                let roots = if disc.roots.is_empty() {
                    "all".to_string()
                } else {
                    disc.roots.join(",")
                };
                log(&|| format!("  discard {} applies (roots {roots})", disc.id));
            }
        }
        let deleted = match conv.and_then(|c| c.comma.as_ref()) {
            Some(lim) => {
                let commas: Vec<bool> = (0..s.len())
                    .map(|i| {
                        s.word(i) == "," && s.token_mention.get(i).is_some_and(Option::is_none)
                    })
                    .collect();
                comma_clauses(lim, &commas)
            }
            None => Vec::new(),
        };
        let mut deleted = deleted;
        if conv.is_some_and(|c| c.fbis) {
            // FBIS: bracketed words are editorial notes, never coded
            deleted.resize(s.len(), false);
            let mut depth = 0usize;
            for (i, d) in deleted.iter_mut().enumerate() {
                let w = s.word(i);
                if w == "[" {
                    depth += 1;
                }
                *d |= depth > 0;
                if w == "]" {
                    depth = depth.saturating_sub(1);
                }
            }
        }
        let gone = |i: usize| deleted.get(i).copied().unwrap_or(false);
        // best match per trigger token
        let mut matches: Vec<Match> = Vec::new();
        for t in 0..s.len() {
            if gone(t) {
                continue;
            }
            if let Some(why) = conv.and_then(|c| verb_as_noun(c, s, t)) {
                if !m.candidates(&words, t).is_empty()
                    || m.stem_candidates(s.word(t)).next().is_some()
                {
                    log(&|| format!("  {:?} skipped: {why}", s.word(t)));
                }
                continue;
            }
            let mut best: Option<Match> = None;
            for c in m
                .candidates(&words, t)
                .iter()
                .chain(m.stem_candidates(s.word(t)))
            {
                // a pattern needing a word the sentence lacks cannot match
                // (when tracing, it is tried to log why)
                if !tracing && !m.may_match(&words, c) {
                    continue;
                }
                let p = c.pattern;
                let Some(pat) = m.patterns.get(p) else {
                    continue;
                };
                if pat.verb_trigger
                    && pat.trigger == 1
                    && matches!(pat.elems.first(), Some(Elem::Source))
                {
                    if let Some(why) = not_active_verb(s, t, &pat.trigger_lemmas) {
                        log(&|| {
                            format!(
                                "  [{}] `{}` skipped at {:?}: {why}",
                                pat.id,
                                pat.text,
                                s.word(t)
                            )
                        });
                        continue;
                    }
                }
                match m.try_match(s, &words, p, t) {
                    Some(found) => {
                        log(&|| {
                            format!("  [{}] `{}` matched at {:?}", pat.id, pat.text, s.word(t))
                        });
                        if conv.is_some() && !adjacent_source(s, pat, t, &deleted) {
                            log(&|| format!("  [{}] no actor right before the verb", pat.id));
                            continue;
                        }
                        // with TABARI's conventions a phrase that writes its
                        // source beats the verb's own pattern
                        let explicit = |q: usize| {
                            conv.is_some() && m.patterns.get(q).is_some_and(|q| !q.implicit_source)
                        };
                        let better = best.is_none_or(|b| {
                            (m.weight(p), found.end - found.start, explicit(p))
                                > (m.weight(b.pattern), b.end - b.start, explicit(b.pattern))
                        });
                        if better {
                            best = Some(found);
                        }
                    }
                    None => log(&|| {
                        format!(
                            "  [{}] `{}` tried at {:?}: words do not match",
                            pat.id,
                            pat.text,
                            s.word(t)
                        )
                    }),
                }
            }
            matches.extend(best);
        }
        // a match inside a more specific one is dropped
        let weight = |x: &Match| m.weight(x.pattern);
        matches.sort_by_key(|x| (std::cmp::Reverse(weight(x)), x.trigger));
        let mut kept: Vec<Match> = Vec::new();
        for x in matches {
            if let Some(k) = kept
                .iter()
                .find(|k| k.start <= x.trigger && x.trigger < k.end)
            {
                let (a, b) = (m.patterns.get(x.pattern), m.patterns.get(k.pattern));
                if let (Some(a), Some(b)) = (a, b) {
                    log(&|| format!("  [{}] dropped: inside the more specific [{}]", a.id, b.id));
                }
                continue;
            }
            kept.push(x);
        }
        kept.sort_by_key(|x| x.trigger);
        let splits = match conv {
            Some(c) if c.code_by.is_some() || c.complex.conj > 0 => clause_splits(s, c),
            _ => Vec::new(),
        };
        if let Some(why) = conv.and_then(|c| self.complexity(s, c, &kept, &splits, &deleted)) {
            log(&|| format!("  complex: {why}"));
            return Some(Verdict::Complex(why));
        }
        let code_by = conv.and_then(|c| c.code_by);
        let mut found: Vec<Event> = Vec::new();
        let mut hits: Vec<(Rank, std::ops::Range<usize>)> = Vec::new();
        let mut ctx = ClauseCtx {
            shift_days,
            deleted,
            discards,
            ..ClauseCtx::default()
        };
        let mut seen_clause: Option<usize> = None;
        for x in kept {
            let clause = splits.partition_point(|&c| c < x.trigger);
            // TABARI's clause source, carried from clause to clause (§7.5)
            let first = seen_clause.map_or(0, |c| c + 1);
            // (dyad's own coding has no clauses: an empty range)
            let last = if conv.is_some() { clause + 1 } else { first };
            for c in first..last {
                let cs = c
                    .checked_sub(1)
                    .and_then(|k| splits.get(k))
                    .map_or(0, |&k| k + 1);
                let ce = splits.get(c).copied().unwrap_or(s.len());
                let in_clause = (0..s.mentions.len()).filter(|&m| {
                    live(s, &ctx, m)
                        && s.mentions
                            .get(m)
                            .is_some_and(|x| cs <= x.start && x.start < ce)
                });
                let next = if c == 0 || hits.is_empty() {
                    in_clause.into_iter().next()
                } else {
                    s.mention_starting(cs).filter(|&m| live(s, &ctx, m))
                };
                if next.is_some() {
                    ctx.carried = next;
                }
                (ctx.start, ctx.end, ctx.index) = (cs, ce, c);
            }
            seen_clause = Some(clause.max(seen_clause.unwrap_or(0)));
            ctx.any_event = !hits.is_empty();
            let main = |r: &Rank| !r.subordinate;
            match code_by {
                Some(CodeBy::Sentence) if hits.iter().any(|(r, _)| main(r)) => break,
                Some(CodeBy::Clause | CodeBy::Sentence)
                    if hits.iter().any(|(r, _)| r.clause == clause && main(r)) =>
                {
                    continue
                }
                _ => {}
            }
            let before = found.len();
            match self.emit(s, ids, &x, &mut found, &ctx, &mut log) {
                Emitted::Events(subordinate, dominant) if found.len() > before => {
                    let rank = Rank {
                        clause,
                        subordinate,
                        dominant,
                    };
                    hits.push((rank, before..found.len()));
                }
                Emitted::Events(..) => {}
                Emitted::Discard(why) => return Some(Verdict::Discard(why)),
                Emitted::Complex(why) => return Some(Verdict::Complex(why)),
            }
        }
        let ranked = hits.iter().any(|(r, _)| r.subordinate || r.dominant);
        if code_by.is_none() && !ranked {
            events.append(&mut found);
            return None;
        }
        let ranks: Vec<Rank> = hits.iter().map(|h| h.0).collect();
        let keep = select(code_by.unwrap_or(CodeBy::All), &ranks);
        if keep.len() == hits.len() {
            events.append(&mut found);
        } else {
            for k in keep {
                if let Some(range) = hits.get(k).map(|h| h.1.clone()) {
                    events.extend(found.get(range).unwrap_or(&[]).iter().cloned());
                }
            }
        }
        None
    }

    /// The `COMPLEX:` condition a sentence meets, if any (§8.1).
    fn complexity(
        &self,
        s: &Sentence,
        c: &Conventions,
        kept: &[Match],
        splits: &[usize],
        deleted: &[bool],
    ) -> Option<String> {
        let cx = c.complex;
        if cx.verbs > 0 && kept.len() >= cx.verbs {
            return Some(format!("{} verbs", kept.len()));
        }
        if cx.conj > 0 && splits.len() >= cx.conj {
            return Some(format!("{} conjunctions", splits.len()));
        }
        let kept_word = |m: usize| {
            s.mentions
                .get(m)
                .is_some_and(|x| !deleted.get(x.start).copied().unwrap_or(false))
        };
        let coded: Vec<usize> = (0..s.mentions.len())
            .filter(|&m| coded(s, m) && kept_word(m))
            .collect();
        if cx.actors > 0 && coded.len() >= cx.actors {
            return Some(format!("{} actors", coded.len()));
        }
        let first = kept.iter().find(|x| {
            self.matcher
                .patterns
                .get(x.pattern)
                .is_some_and(|p| p.code.is_some())
        });
        match first {
            Some(x) => {
                let ctx = ClauseCtx {
                    deleted: deleted.to_vec(),
                    ..ClauseCtx::default()
                };
                // a pronoun standing for an actor counts (§7.7)
                let prior = coded
                    .iter()
                    .any(|&m| s.mentions.get(m).is_some_and(|m| m.start < x.trigger))
                    || pronoun_unit(s, c, &ctx, 0, x.trigger).is_some();
                if cx.noactprior && !prior && c.default_source.is_none() {
                    return Some(format!(
                        "no actor before the first verb {:?}",
                        s.word(x.trigger)
                    ));
                }
                if cx.lateverb > 0 && x.trigger >= cx.lateverb {
                    return Some("late verb".into());
                }
                None
            }
            None if cx.noverb || cx.lateverb > 0 || cx.noactprior => Some("no verb".into()),
            None => None,
        }
    }

    fn emit(
        &self,
        s: &Sentence,
        ids: &HashMap<&str, usize>,
        x: &Match,
        events: &mut Vec<Event>,
        ctx: &ClauseCtx,
        log: &mut impl FnMut(&dyn Fn() -> String),
    ) -> Emitted {
        let nothing = Emitted::Events(false, false);
        let Some(pat) = self.matcher.patterns.get(x.pattern) else {
            return nothing;
        };
        let Some(written) = pat.code.as_deref() else {
            log(&|| format!("  [{}] is a null pattern (---): nothing coded", pat.id));
            return nothing;
        };
        let conv = self.conventions.as_ref();
        if conv.is_some() {
            match written {
                "###" => return Emitted::Discard(format!("discard pattern {}", pat.id)),
                "+++" => return Emitted::Complex(format!("complex pattern {}", pat.id)),
                _ => {}
            }
        }
        // `023?` subordinate, `023!` dominant (TABARI dictionaries)
        let (code, subordinate, dominant) = split_rank(written);
        let root = code.get(..2).unwrap_or(code);
        if let Some(d) = ctx
            .discards
            .iter()
            .filter_map(|&d| self.matcher.discards.get(d))
            .find(|d| d.roots.is_empty() || d.roots.iter().any(|r| r == root))
        {
            log(&|| {
                format!(
                    "  [{}] {code} discarded by {} ({})",
                    pat.id,
                    d.id,
                    flat(&d.words)
                )
            });
            return nothing;
        }
        let Some(trigger_tok) = s.tokens.get(x.trigger) else {
            return nothing;
        };
        let trigger = trigger_tok.span;
        // the quote holding the trigger bounds the actor searches
        let quote = s
            .doc
            .quotes
            .iter()
            .find(|q| q.start <= trigger.start && trigger.end <= q.end);
        let bounds = match quote {
            Some(q) => Bounds {
                start: s.tokens.partition_point(|t| t.span.start < q.start),
                end: s.tokens.partition_point(|t| t.span.start < q.end),
            },
            None => Bounds {
                start: 0,
                end: s.len(),
            },
        };
        let mut source = find_source(s, x.source, bounds);
        if source == Found::None {
            if let Some((e, q)) =
                quote.and_then(|q| Some((*ids.get(q.speaker_entity.as_deref()?)?, q)))
            {
                source = crate::actors::speaker_source(s, e, q);
            }
        }
        // a pattern without `+` still takes an actor that follows it in
        // the clause ("promised … military aid to Mozambique")
        let target_slot = match x.target {
            Slot::Absent => Slot::After(x.end),
            slot => slot,
        };
        let mut target = find_target(s, target_slot, bounds);
        if target == Found::None && !matches!(x.target, Slot::Bound(_)) {
            // "rejected a US offer", "expelled two Russian diplomats": an
            // actor inside the matched words is the target
            if let Some(m) = s.mentions.iter().position(|m| {
                x.start < m.start && m.end <= x.end && m.start > x.trigger.min(x.start)
            }) {
                target = Found::Mentions(vec![m]);
            }
        }
        if target == Found::None && !matches!(x.target, Slot::Bound(_)) {
            // "protested in Cairo": the place stands for the target
            target = crate::actors::place_target(s, x.trigger);
        }
        let mut sources = sides(&source);
        let mut targets = sides(&target);
        // TABARI's `%`: the compound it binds is source and target
        let compound = sources.len() > 1 && pat.elems.contains(&Elem::Compound);
        if compound {
            targets.clear();
        }
        if let Some(c) = conv.filter(|c| c.clause_source && !compound) {
            if pat.implicit_source && matches!(x.source, Slot::Before(_)) {
                if let Some(v) = clause_source(s, x, ctx, &targets, c) {
                    sources = v;
                }
            }
            let after_verb = match x.target {
                // a phrase without `+`: the first actor after the verb
                Slot::Absent => Some(x.trigger + 1),
                Slot::After(pos) => Some(pos),
                _ => None,
            };
            if let Some(pos) = after_verb {
                // TABARI's target: the first actor after the verb in the
                // clause, across commas and places, not the source's code
                let own = self.side_codes(s, &sources);
                let first = (0..s.mentions.len()).find(|&m| {
                    s.mentions
                        .get(m)
                        .is_some_and(|x| x.start >= pos && x.start < ctx.end)
                        && live(s, ctx, m)
                        && code_of(s, m).is_some_and(|k| !own.iter().any(|o| o == k))
                });
                targets = match first {
                    Some(m) => tabari_compound(s, c, ctx, m)
                        .into_iter()
                        .map(Side::Mention)
                        .collect(),
                    None => Vec::new(),
                };
            }
            if targets.is_empty() {
                // a pronoun after the verb ("asked him"), else the clause's
                // other actor before it
                let after = pronoun_unit(s, c, ctx, x.end, ctx.end).map(|(_, v)| v);
                let distinct = |v: &Vec<Side>| {
                    let (a, b) = (self.side_codes(s, v), self.side_codes(s, &sources));
                    !a.is_empty() && a.iter().all(|k| !b.contains(k))
                };
                if let Some(v) = after.filter(distinct) {
                    targets = v;
                } else if let Some(m) =
                    clause_target(s, x.trigger, ctx, &self.side_codes(s, &sources), &sources)
                {
                    targets = vec![Side::Mention(m)];
                }
            }
        }
        if let Some(c) = conv {
            let bound = matches!(x.source, Slot::Bound(_)) || matches!(x.target, Slot::Bound(_));
            let w = |i: Option<usize>| i.map_or("", |i| s.word(i));
            let t = x.trigger;
            if c.passive_swap
                && !bound
                && is_passive(
                    [w(t.checked_sub(1)), w(t.checked_sub(2))],
                    [w(Some(t + 1)), w(Some(t + 2))],
                )
            {
                log(&|| format!("  [{}] passive voice: source and target swapped", pat.id));
                std::mem::swap(&mut sources, &mut targets);
            }
            apply_defaults(c, s, t, &mut sources, &mut targets);
        }
        if sources.is_empty() {
            log(&|| {
                format!(
                    "  [{}] {code}: no source actor (no actor before the verb, no quote speaker)",
                    pat.id
                )
            });
            return nothing;
        }
        let f = read_flags(s, x.start);
        let (negated, modality) = (f.negated, f.modality);
        let mut code = code.to_string();
        let mut paired = pat.paired.as_deref().map(|p| split_rank(p).0.to_string());
        // with TABARI's conventions codes are taken as written
        let shifted = if conv.is_none() {
            shift_code(&code, f)
        } else {
            None
        };
        if let Some(shifted) = shifted {
            log(&|| {
                format!(
                    "  [{}] {code} becomes {shifted} ({modality:?}{})",
                    pat.id,
                    if f.refusal { ", refused" } else { "" }
                )
            });
            code = shifted.to_string();
            paired = None;
        }
        let Some(info) = self.codes.get(&code) else {
            log(&|| format!("  [{}] code {code} is not in the code table", pat.id));
            return nothing;
        };
        let (date, date_value) = match ctx.shift_days {
            // a `<TIME>` phrase dates the event from the story's date
            Some(d) => {
                let base = s.doc.published.or(s.doc.reference_date);
                let date = base.and_then(|b| b.checked_add_signed(chrono::Duration::days(d)));
                (date, date.map(|d| d.to_string()))
            }
            None => event_date(s, trigger),
        };
        let location = event_location(s, trigger);
        let mut pairs: Vec<(Side, Option<Side>)> = Vec::new();
        if targets.is_empty() && sources.len() > 1 {
            for a in &sources {
                for b in &sources {
                    if a != b {
                        pairs.push((*a, Some(*b)));
                    }
                }
            }
        } else if targets.is_empty() {
            pairs.extend(sources.iter().map(|a| (*a, None)));
        } else {
            for a in &sources {
                for b in &targets {
                    pairs.push((*a, Some(*b)));
                }
            }
        }
        let sentence = s.span;
        let require_dyad = conv.is_some_and(|c| c.require_dyad);
        let n_pairs = pairs.len();
        for (a, b) in pairs {
            let (ea, mut eb) = (self.actor(s, a), b.map(|b| self.actor(s, b)));
            if eb
                .as_ref()
                .is_some_and(|eb| eb.entity.is_some() && eb.entity == ea.entity)
            {
                // "X reneged on his commitment": no other party named
                if n_pairs > 1 {
                    continue;
                }
                eb = None;
            }
            let mut make = |info: &crate::codes::CodeInfo, src: EventActor, tgt: EventActor| {
                let ev = Event {
                    code: info.code.clone(),
                    root: info.root().to_string(),
                    quad_class: info.quad_class,
                    goldstein: info.goldstein,
                    plover: info.plover.clone(),
                    plover_mode: info.plover_mode.clone(),
                    source: src,
                    target: tgt,
                    date,
                    date_value: date_value.clone(),
                    location: location.clone(),
                    negated,
                    modality,
                    sentence,
                    trigger,
                    rule: pat.id.clone(),
                };
                let dup = events.iter().any(|e| {
                    e.code == ev.code
                        && e.sentence == ev.sentence
                        && e.source.entity == ev.source.entity
                        && e.target.entity == ev.target.entity
                        && e.source.actor == ev.source.actor
                        && e.target.actor == ev.target.actor
                });
                let undyadic =
                    require_dyad && (ev.source.actor.is_none() || ev.target.actor.is_none());
                if !dup && !undyadic {
                    log(&|| {
                        format!(
                            "  [{}] CODED {} {} → {}{}{}",
                            pat.id,
                            ev.code,
                            show(&ev.source),
                            show(&ev.target),
                            if negated { " (negated)" } else { "" },
                            if modality != Modality::Asserted {
                                format!(" ({modality:?})")
                            } else {
                                String::new()
                            }
                        )
                    });
                    events.push(ev);
                }
            };
            let tgt = eb.clone().unwrap_or_default();
            let paired_info = paired.as_deref().and_then(|p| self.codes.get(p));
            if conv.is_some() {
                // TABARI's coded compounds (`FRO/BIL/SAM`): one event each
                for a in split_compound(&ea) {
                    for b in split_compound(&tgt) {
                        if a.actor.is_some() && a.actor == b.actor {
                            continue;
                        }
                        make(info, a.clone(), b.clone());
                        if let (Some(p), true) = (paired_info, eb.is_some()) {
                            make(p, b, a.clone());
                        }
                    }
                }
                continue;
            }
            make(info, ea.clone(), tgt.clone());
            if let (Some(p), Some(eb)) = (paired_info, eb) {
                make(p, eb, ea);
            }
        }
        Emitted::Events(subordinate, dominant)
    }

    /// The actor codes of some sides.
    fn side_codes(&self, s: &Sentence, sides: &[Side]) -> Vec<String> {
        sides
            .iter()
            .filter_map(|&x| self.actor(s, x).actor)
            .collect()
    }

    fn actor(&self, s: &Sentence, side: Side) -> EventActor {
        let (entity, span) = match side {
            Side::Mention(m) => match s.mentions.get(m) {
                Some(x) => (x.entity, x.span),
                None => return EventActor::default(),
            },
            Side::Entity(e, span) => (e, span),
            Side::Forward => {
                return EventActor {
                    actor: self.conventions.as_ref().and_then(|c| c.forward.clone()),
                    entity: None,
                    text: None,
                };
            }
            Side::Default(source) => {
                let c = self.conventions.as_ref();
                let d = if source {
                    c.and_then(|c| c.default_source.as_ref())
                } else {
                    c.and_then(|c| c.default_target.as_ref())
                };
                return EventActor {
                    actor: d.map(|d| d.code.clone()),
                    entity: None,
                    text: None,
                };
            }
        };
        let Some(ent) = s.doc.entities.get(entity) else {
            return EventActor::default();
        };
        let written = s.doc.span_text(span);
        let text = match side {
            // a pronoun ("he", "his") is shown by the name it stands for
            Side::Mention(_) if !is_pronoun(written) => written.to_string(),
            _ => ent.name.clone(),
        };
        EventActor {
            actor: ent.actor.clone(),
            entity: Some(ent.id.clone()),
            text: Some(text),
        }
    }
}

/// CAMEO's coding of unrealised actions: a refused cooperation is a
/// rejection (12), a promised, planned or possible cooperation an intent to
/// cooperate (03), a promised or possible sanction, coercion or attack a
/// threat (13). Statements, appeals and verbal conflict keep their code.
pub fn shift_code(code: &str, f: Flags) -> Option<&'static str> {
    let root = code.get(..2)?;
    let sub = code.get(2..3).unwrap_or("0");
    if f.refusal {
        return Some(match root {
            "03" | "05" => "120",
            "04" => "125",
            "06" => "121",
            "07" => "122",
            "08" => "124",
            _ => return None,
        });
    }
    if f.modality == Modality::Asserted || f.negated {
        return None;
    }
    // "tried to hack": an attempted coercion or attack was carried out
    if f.attempt && matches!(root, "15" | "16" | "17" | "18" | "19" | "20") {
        return None;
    }
    Some(match (root, sub) {
        ("04", _) => "036",
        ("05", _) => "032",
        ("06", "1") => "0311",
        ("06", "2") => "0312",
        ("06", "3") => "0313",
        ("06", "4") => "0314",
        ("06", _) => "031",
        ("07", "1") => "0331",
        ("07", "2") => "0332",
        ("07", "3") => "0333",
        ("07", "4") => "0334",
        ("07", _) => "033",
        ("08", "4") => "0353",
        ("08", "5") => "0354",
        ("08", "6") => "0355",
        ("08", "7") => "0356",
        ("08", _) => "035",
        ("16", "1") => "1313",
        ("16", "2") => "1311",
        ("16", "3") => "1312",
        ("16", "4") => "134",
        ("16", "6") => "136",
        ("16", _) => "131",
        ("17", "3") | ("17", "4") => "131",
        ("17", "5") => "137",
        ("17", _) => "132",
        ("15" | "18" | "19" | "20", _) => "138",
        _ => return None,
    })
}

/// "was attacked", "were quickly expelled", "has been arrested": a verb
/// used in the passive, which an active `$ verb +` pattern must not code.
/// Also "the meeting", "his visit": a verb form used as a noun.
fn not_active_verb(s: &Sentence, t: usize, lemmas: &[String]) -> Option<&'static str> {
    let w = s.word(t);
    let next = s.word(t + 1);
    let in_mention = |i: usize| s.token_mention.get(i).is_some_and(Option::is_some);
    // "Supported by strong profits": a participle with its agent
    if w.ends_with("ed") && next == "by" {
        return Some("passive voice (participle + \"by\")");
    }
    if t == 0 {
        return None;
    }
    let prev = s.word(t - 1);
    let det = matches!(
        prev,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "their"
            | "his"
            | "her"
            | "its"
            | "our"
            | "whose"
            | "my"
            | "your"
    );
    if det || prev.ends_with("'s") {
        return Some("a noun here (after a determiner)");
    }
    if !w.ends_with("ed") && matches!(next, "from" | "of") {
        return Some("a noun here (before \"from\"/\"of\")");
    }
    // a base form that can be a noun ("his European tour", "a massive
    // demand") needs a verbal context: "to", a modal, "did", a pronoun or
    // an actor right before it
    if lemmas.iter().any(|l| l == w) && !in_mention(t - 1) && !verbal_context(prev) {
        return Some("a noun here (base form without a verbal context)");
    }
    if w.ends_with("ing") && in_mention(t - 1) && s.mention_starting(t + 1).is_none() {
        return Some("a noun here (\"G7 meeting\")");
    }
    if w.ends_with("ing") {
        // "the G7 meeting is thought…": a noun before a verb
        if matches!(
            next,
            "is" | "was" | "will" | "has" | "had" | "would" | "could" | "ended" | "began" | "took"
        ) {
            return Some("a noun here (before a verb)");
        }
        return None;
    }
    let be = |x: &str| {
        matches!(
            x,
            "was" | "were" | "been" | "being" | "is" | "are" | "be" | "am" | "get" | "got" | "gets"
        )
    };
    // up to two words between: "was not received", "were quickly expelled"
    let filler = |x: &str| {
        x == "not" || x == "also" || x == "then" || x.ends_with("ly") || x.ends_with("n't")
    };
    let mut k = t;
    for _ in 0..3 {
        let Some(p) = k.checked_sub(1) else { break };
        let x = s.word(p);
        if be(x) {
            return Some("passive voice");
        }
        if !filler(x) {
            break;
        }
        k = p;
    }
    None
}

/// Words after which a base verb form is a verb.
fn verbal_context(prev: &str) -> bool {
    matches!(
        prev,
        "to" | "will"
            | "would"
            | "could"
            | "can"
            | "may"
            | "might"
            | "must"
            | "should"
            | "shall"
            | "did"
            | "do"
            | "does"
            | "not"
            | "never"
            | "they"
            | "we"
            | "i"
            | "you"
            | "also"
            | "jointly"
            | "and"
            | "or"
            | "'ll"
            | "cannot"
    ) || prev.ends_with("n't")
        || prev.ends_with("ly")
}

fn is_pronoun(w: &str) -> bool {
    matches!(
        w.to_lowercase().as_str(),
        "he" | "she"
            | "him"
            | "her"
            | "his"
            | "hers"
            | "it"
            | "its"
            | "they"
            | "them"
            | "their"
            | "we"
            | "us"
            | "our"
            | "i"
            | "me"
            | "my"
    )
}

fn sides(f: &Found) -> Vec<Side> {
    match f {
        Found::None => Vec::new(),
        Found::Mentions(ms) => ms.iter().map(|m| Side::Mention(*m)).collect(),
        Found::Speaker(e, span) => vec![Side::Entity(*e, *span)],
    }
}

fn show(a: &EventActor) -> String {
    match (&a.text, &a.actor) {
        (Some(t), Some(c)) => format!("{t} ({c})"),
        (Some(t), None) => format!("{t} (no code)"),
        _ => "—".into(),
    }
}

fn flat(words: &[Vec<String>]) -> String {
    words
        .iter()
        .map(|w| w.join("|"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The date of the time expression in the sentence nearest the trigger
/// (day or month precision; a month gives its first day) with its TIMEX3
/// value, else the document's reference date (and no value).
fn event_date(s: &Sentence, trigger: Span) -> (Option<NaiveDate>, Option<String>) {
    let mut best: Option<(usize, NaiveDate, &str)> = None;
    for t in &s.doc.timexes {
        if t.start < s.span.start || t.end > s.span.end || t.kind != TimexType::Date {
            continue;
        }
        let Some(d) = parse_timex_date(&t.value) else {
            continue;
        };
        let dist = if t.start >= trigger.end {
            t.start - trigger.end
        } else {
            trigger.start.saturating_sub(t.end)
        };
        if best.is_none_or(|(bd, _, _)| dist < bd) {
            best = Some((dist, d, t.value.as_str()));
        }
    }
    match best {
        Some((_, d, value)) => (Some(d), Some(value.to_string())),
        None => (s.doc.reference_date, None),
    }
}

fn parse_timex_date(v: &str) -> Option<NaiveDate> {
    if let Some(Ok(d)) = v
        .get(..10)
        .map(|x| NaiveDate::parse_from_str(x, "%Y-%m-%d"))
    {
        return Some(d);
    }
    if v.len() == 7 {
        return NaiveDate::parse_from_str(&format!("{v}-01"), "%Y-%m-%d").ok();
    }
    None
}

/// A place named with "in"/"at" in the sentence (nearest after the trigger,
/// else before it), else the dateline's place.
fn event_location(s: &Sentence, trigger: Span) -> Option<String> {
    let mut before = None;
    let mut after = None;
    let t = s.tokens.partition_point(|x| x.span.start < trigger.start);
    let mut lo = t;
    while lo > 0 && !is_clause_break(s.word(lo - 1)) {
        lo -= 1;
    }
    let mut hi = t + 1;
    while hi < s.len() && !is_clause_break(s.word(hi)) {
        hi += 1;
    }
    for (i, m) in s.mentions.iter().enumerate() {
        if !s.is_location_phrase(i) || m.start < lo || m.end > hi {
            continue;
        }
        let name = s.doc.entities.get(m.entity).map(|e| e.name.clone());
        if m.span.start >= trigger.end {
            if after.is_none() {
                after = name;
            }
        } else {
            before = name;
        }
    }
    after.or(before).or_else(|| {
        s.doc
            .dateline
            .as_ref()
            .map(|d| d.location.clone())
            .filter(|l| !l.is_empty())
    })
}
