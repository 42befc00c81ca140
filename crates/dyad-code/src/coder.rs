//! The coder: per sentence with a trigger, match patterns, pick the most
//! specific match at each trigger, fill source and target, set flags, date
//! and location, and emit [`Event`]s (with an optional trace for `dyad explain`).

use std::collections::HashMap;

use chrono::NaiveDate;
use dyad_core::{Document, Event, EventActor, Modality, Span, TimexType};

use crate::actors::{find_source, find_target, Bounds, Found};
use crate::codes::CodeTable;
use crate::dict::Elem;
use crate::flags::{read_flags, Flags};
use crate::matcher::{Match, Matcher, Slot};
use crate::sentence::{is_clause_break, sorted_mentions, Sentence};

/// Codes and patterns, ready to code documents.
#[derive(Debug)]
pub struct Coder {
    pub codes: CodeTable,
    pub matcher: Matcher,
}

/// One side of an event before it becomes an [`EventActor`].
#[derive(Debug, Clone, Copy, PartialEq)]
enum Side {
    Mention(usize),
    Entity(usize, Span),
}

impl Coder {
    /// Code every sentence of `doc`; when `trace` is given, append one line
    /// per decision (patterns tried, why an event was or was not coded).
    pub fn code(&self, doc: &Document, mut trace: Option<&mut Vec<String>>) -> Vec<Event> {
        let mut events = Vec::new();
        let positions = self.matcher.trigger_positions(&doc.text);
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
            self.code_sentence(&s, &ids, &mut events, trace.as_deref_mut());
        }
        events
    }

    fn code_sentence(
        &self,
        s: &Sentence,
        ids: &HashMap<&str, usize>,
        events: &mut Vec<Event>,
        mut trace: Option<&mut Vec<String>>,
    ) {
        let m = &self.matcher;
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
        // best match per trigger token
        let mut matches: Vec<Match> = Vec::new();
        for t in 0..s.len() {
            let mut best: Option<Match> = None;
            for c in m.candidates(&words, t) {
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
                        let better = best.is_none_or(|b| {
                            (m.weight(p), found.end - found.start)
                                > (m.weight(b.pattern), b.end - b.start)
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
        for x in kept {
            self.emit(s, ids, &x, &discards, events, &mut log);
        }
    }

    fn emit(
        &self,
        s: &Sentence,
        ids: &HashMap<&str, usize>,
        x: &Match,
        discards: &[usize],
        events: &mut Vec<Event>,
        log: &mut impl FnMut(&dyn Fn() -> String),
    ) {
        let Some(pat) = self.matcher.patterns.get(x.pattern) else {
            return;
        };
        let Some(code) = pat.code.as_deref() else {
            log(&|| format!("  [{}] is a null pattern (---): nothing coded", pat.id));
            return;
        };
        let root = code.get(..2).unwrap_or(code);
        if let Some(d) = discards
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
            return;
        }
        let Some(trigger_tok) = s.tokens.get(x.trigger) else {
            return;
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
        let sources = sides(&source);
        let targets = sides(&target);
        if sources.is_empty() {
            log(&|| {
                format!(
                    "  [{}] {code}: no source actor (no actor before the verb, no quote speaker)",
                    pat.id
                )
            });
            return;
        }
        let f = read_flags(s, x.start);
        let (negated, modality) = (f.negated, f.modality);
        let mut code = code.to_string();
        let mut paired = pat.paired.clone();
        if let Some(shifted) = shift_code(&code, f) {
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
            return;
        };
        let (date, date_value) = event_date(s, trigger);
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
                });
                if !dup {
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
            make(info, ea.clone(), tgt.clone());
            if let (Some(p), Some(eb)) = (paired.as_deref().and_then(|p| self.codes.get(p)), eb) {
                make(p, eb, ea);
            }
        }
    }

    fn actor(&self, s: &Sentence, side: Side) -> EventActor {
        let (entity, span) = match side {
            Side::Mention(m) => match s.mentions.get(m) {
                Some(x) => (x.entity, x.span),
                None => return EventActor::default(),
            },
            Side::Entity(e, span) => (e, span),
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
