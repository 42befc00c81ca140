//! The coder: per sentence with a trigger, match patterns, pick the most
//! specific match at each trigger, fill source and target, set flags, date
//! and location, and emit [`Event`]s (with an optional trace for `dyad explain`).
//!
//! This module runs the steps; each has its own module: `complexity`
//! (sentences TABARI's conventions leave uncoded), `matches` (the best
//! match at each trigger), `clauses` (dropped words, the carried clause
//! source, `CODE BY` selection), `emit` (events from one match), `shift`
//! (CAMEO's shifts of unrealised actions), `when_where` (event date and
//! place) and `tabari` (TABARI's rules for actors in clauses).

use std::collections::HashMap;

use dyad_core::{Document, Event, Span};

use crate::codes::CodeTable;
use crate::conventions::{CodeBy, Conventions, Rank, Verdict};
use crate::matcher::{Match, Matcher};
use crate::sentence::{sorted_mentions, Sentence};

mod clauses;
mod complexity;
mod emit;
mod matches;
mod shift;
mod tabari;
mod when_where;

pub use shift::shift_code;
use tabari::{clause_splits, ClauseCtx};

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
            match complexity::screen(s, c, &mut log) {
                complexity::Screen::Short => return None,
                complexity::Screen::Verdict(v) => return Some(v),
                complexity::Screen::Code(days) => shift_days = days,
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
        let deleted = clauses::deleted_words(s, conv);
        let kept: Vec<Match> = self.best_matches(s, &words, &deleted, tracing, &mut log);
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
            clauses::enter_clause(
                s,
                &splits,
                &mut ctx,
                &mut seen_clause,
                clause,
                conv.is_some(),
                hits.is_empty(),
            );
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
        clauses::keep_selected(code_by, &hits, found, events);
        None
    }
}
