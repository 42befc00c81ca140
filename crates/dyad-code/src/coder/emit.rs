//! Building events from one pattern match: the source and target (slots,
//! quote speakers, TABARI's clause actors, passive voice, `DEFAULT:`), the
//! code (CAMEO shifts of unrealised actions, `?`/`!` ranks, discards), date
//! and location, and the events for every source/target pair.

use std::collections::HashMap;

use dyad_core::{Event, EventActor, Modality};

use super::shift::shift_code;
use super::tabari::{
    apply_defaults, clause_source, clause_target, code_of, live, pronoun_unit, split_compound,
    tabari_compound, ClauseCtx,
};
use super::when_where::{event_date, event_location};
use super::{Coder, Emitted, Side};
use crate::actors::{find_source, find_target, Bounds, Found};
use crate::conventions::{is_passive, split_rank};
use crate::dict::Elem;
use crate::flags::read_flags;
use crate::matcher::{Match, Slot};
use crate::sentence::Sentence;

impl Coder {
    /// Code match `x` of sentence `s` into `events`.
    pub(super) fn emit(
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
            // "rejected a US offer", "expelled three foreign envoys": an
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
