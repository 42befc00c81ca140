//! TABARI's coding conventions (manual ch. 7–8), applied by dyad's
//! coder ([`crate::coder`]) when an [`crate::EventCoder`] is given
//! [`Conventions`] (a TABARI project's `.options`):
//! which events of a sentence are kept (`CODE BY CLAUSE/SENTENCE`, `CODE
//! ALL`, subordinate `?` and dominant `!` codes), the passive-voice swap,
//! `<TIME>` day shifts, `DEFAULT:` actors, `COMPLEX:` limits and the
//! minimum sentence length. None of them applies unless set: dyad's default
//! coding of news keeps every event.

use crate::matcher::Matcher;

/// `SET: CODE BY …`: how many events a sentence gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CodeBy {
    /// The first event of each clause (clauses split at conjunctions).
    #[default]
    Clause,
    /// The first event of the sentence.
    Sentence,
    /// Every event.
    All,
}

/// The `COMPLEX:` conditions (0 = inactive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Complex {
    pub verbs: usize,
    pub actors: usize,
    pub pronouns: usize,
    pub conj: usize,
    pub comma: usize,
    pub lateverb: usize,
    pub noactprior: bool,
    pub noactafter: bool,
    pub noverb: bool,
    pub nosource: bool,
    pub notarget: bool,
    pub noevent: bool,
}

/// A `DEFAULT:` code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DefaultCode {
    pub code: String,
    /// `PRIOR` (source) / `AFTER` (target): applied whenever no actor
    /// precedes / follows the verb, not only when the search fails.
    pub positional: bool,
}

/// Limits of comma-delimited clause elimination (§7.8, `COMMA:`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommaLimits {
    pub min: usize,
    pub max: usize,
    pub emin: usize,
    pub emax: usize,
    pub bmin: usize,
    pub bmax: usize,
}

impl Default for CommaLimits {
    fn default() -> Self {
        CommaLimits {
            min: 2,
            max: 10,
            emin: 2,
            emax: 10,
            bmin: 255,
            bmax: 0,
        }
    }
}

/// The tokens of comma-delimited clauses to drop (§7.8): a clause between
/// two commas of more than `min` and at most `max` tokens, one from the
/// sentence start to the first comma (`bmin`, `bmax`), one from the last
/// comma to the end (`emin`, `emax`); a dropped clause uses up its closing
/// comma, so the next clause opens at the following one. `commas[i]` is
/// true for a comma that counts (not inside an actor's name).
pub fn comma_clauses(lim: &CommaLimits, commas: &[bool]) -> Vec<bool> {
    let n = commas.len();
    let mut del = vec![false; n];
    let positions: Vec<usize> = (0..n)
        .filter(|&i| commas.get(i).copied().unwrap_or(false))
        .collect();
    if positions.is_empty() {
        return del;
    }
    const START: usize = usize::MAX;
    let mut drop = |from: usize, to: usize, open: usize, close: Option<usize>| {
        for k in from..to {
            if let Some(x) = del.get_mut(k) {
                *x = true;
            }
        }
        for k in [Some(open).filter(|&o| o != START), close]
            .into_iter()
            .flatten()
        {
            if let Some(x) = del.get_mut(k) {
                *x = true;
            }
        }
    };
    let mut opener: Option<usize> = Some(START);
    for &c in &positions {
        let Some(o) = opener else {
            opener = Some(c);
            continue;
        };
        let (s, min, max) = if o == START {
            (0, lim.bmin, lim.bmax)
        } else {
            (o + 1, lim.min, lim.max)
        };
        let len = c.saturating_sub(s);
        if len > min && len <= max {
            drop(s, c, o, Some(c));
            opener = None;
        } else {
            opener = Some(c);
        }
    }
    if let Some(o) = opener.filter(|&o| o != START) {
        let len = n.saturating_sub(o + 1);
        if len > lim.emin && len <= lim.emax {
            drop(o + 1, n, o, None);
        }
    }
    del
}

/// Where an event stands among the events of its sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Rank {
    /// Index of the clause holding the verb.
    pub clause: usize,
    /// `023?`: kept only when the sentence has no other event.
    pub subordinate: bool,
    /// `023!`: when any event is dominant, only dominant ones are kept.
    pub dominant: bool,
}

/// A code as written (`023?`, `023!`, `023`) → (the code, subordinate, dominant).
pub fn split_rank(code: &str) -> (&str, bool, bool) {
    let clean = code.trim_end_matches(['?', '!']);
    (clean, code.ends_with('?'), code.ends_with('!'))
}

/// The hits to keep (indices into `hits`, which are in text order):
/// with `CODE BY CLAUSE` the first non-subordinate hit of each clause (else
/// its first subordinate one), with `CODE BY SENTENCE` only the first, with
/// `CODE ALL` every hit; then subordinate hits go when any other remains,
/// and only dominant hits stay when there is one (manual §5.7.5, §8.3).
pub fn select(code_by: CodeBy, hits: &[Rank]) -> Vec<usize> {
    let mut raw: Vec<usize> = Vec::new();
    let mut i = 0;
    while i < hits.len() {
        let clause = hits.get(i).map_or(0, |h| h.clause);
        let mut j = i;
        while hits.get(j).is_some_and(|h| h.clause == clause) {
            j += 1;
        }
        match code_by {
            CodeBy::All => raw.extend(i..j),
            _ => {
                let first = (i..j)
                    .find(|&k| hits.get(k).is_some_and(|h| !h.subordinate))
                    .unwrap_or(i);
                if first < j {
                    raw.push(first);
                }
            }
        }
        if code_by == CodeBy::Sentence
            && raw
                .iter()
                .any(|&k| hits.get(k).is_some_and(|h| !h.subordinate))
        {
            break;
        }
        i = j;
    }
    let sub = |k: &usize| hits.get(*k).is_some_and(|h| h.subordinate);
    if raw.iter().any(|k| !sub(k)) {
        raw.retain(|k| !sub(k));
    }
    if code_by == CodeBy::Sentence {
        raw.truncate(1);
    }
    let dom = |k: &usize| hits.get(*k).is_some_and(|h| h.dominant);
    if raw.iter().any(dom) {
        raw.retain(dom);
    }
    raw
}

/// Auxiliaries that with a following "by" make a verb passive (§7.6).
const AUXIL: &[&str] = &["was", "were", "been"];

/// TABARI's passive voice: an auxiliary one or two words before the verb
/// and "by" right after it or one word later ("was opposed by", "were
/// fiercely opposed by"). `before` holds the two words before the verb
/// (nearest first), `after` the two words after it.
pub fn is_passive(before: [&str; 2], after: [&str; 2]) -> bool {
    before.iter().any(|w| AUXIL.contains(w)) && after.contains(&"by")
}

/// What a `<TIME>` phrase's code does to a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeShift {
    /// Events are dated this many days from the story's date.
    Days(i64),
    /// `[###]`: the sentence is discarded.
    Discard,
    /// `[+++]`: the sentence is complex.
    Complex,
    /// `[---]`: no shift.
    None,
}

impl TimeShift {
    /// Read a `<TIME>` code: `-1`, `+7`, `###`, `+++`, `---`.
    pub fn parse(code: &str) -> TimeShift {
        match code {
            "###" => TimeShift::Discard,
            "+++" => TimeShift::Complex,
            "---" => TimeShift::None,
            n => n
                .trim_start_matches('+')
                .parse()
                .map_or(TimeShift::None, TimeShift::Days),
        }
    }
}

/// Why a sentence gave no events although it had some to give.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// A discard code (`###`) on a verb, actor or time phrase.
    Discard(String),
    /// Too complex to code (`+++` code, `COMPLEX:` limits).
    Complex(String),
}

/// TABARI's conventions as settings of dyad's default coder. The
/// default value changes nothing.
#[derive(Debug, Default)]
pub struct Conventions {
    /// `None`: every event of every match (dyad's own behaviour).
    pub code_by: Option<CodeBy>,
    /// Sentences with fewer words are not coded.
    pub minimum_words: usize,
    pub complex: Complex,
    pub default_source: Option<DefaultCode>,
    pub default_target: Option<DefaultCode>,
    /// Only events with both actors coded (as TABARI and PETRARCH output),
    /// decided before [`CodeBy`] picks a clause's event.
    pub require_dyad: bool,
    /// "X was opposed by Y": Y is the source, X the target.
    pub passive_swap: bool,
    /// `COMMA:` limits: comma-delimited clauses are dropped (their verbs
    /// and actors not coded); `None` keeps them.
    pub comma: Option<CommaLimits>,
    /// `SET: FBIS`: words in square brackets are not coded.
    pub fbis: bool,
    /// A phrase that names no source takes the clause's source (the first
    /// actor of the sentence, carried across conjunctions), not the
    /// nearest actor; a verb with no actor after it takes the clause's
    /// first other actor as its target (§7.5).
    pub clause_source: bool,
    /// `FORWARD:`: the actor code a pronoun before any actor stands for
    /// (the first actor of the story's previous sentence), set per sentence.
    pub forward: Option<String>,
    /// Adjectives (lowercase) that may stand between the actors of a
    /// compound ("Fornost and the evil awful Gondor"): a TABARI actors
    /// file's `<ADJECTIVES>`.
    pub adjectives: std::collections::HashSet<String>,
    /// A verb after "the"/"a"/"an", or capitalised inside a sentence that
    /// is not all capitals, is a noun (§7.2).
    pub verbs_as_nouns: bool,
    /// `<TIME>` phrases compiled as patterns whose code is a
    /// [`TimeShift`]; applied when `time_shift` is on.
    pub time: Option<Matcher>,
    pub time_shift: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rank(clause: usize, code: &str) -> Rank {
        let (_, subordinate, dominant) = split_rank(code);
        Rank {
            clause,
            subordinate,
            dominant,
        }
    }

    #[test]
    fn clause_sentence_and_all_keep_the_right_events() {
        // clause 0: a subordinate then a main event; clause 1: a main event
        let hits = [rank(0, "023?"), rank(0, "111"), rank(1, "051")];
        assert_eq!(select(CodeBy::Clause, &hits), vec![1, 2]);
        assert_eq!(select(CodeBy::Sentence, &hits), vec![1]);
        assert_eq!(select(CodeBy::All, &hits), vec![1, 2]);
        // a subordinate event alone stays; a dominant one wins
        assert_eq!(select(CodeBy::Clause, &[rank(0, "023?")]), vec![0]);
        let hits = [rank(0, "111"), rank(1, "051!")];
        assert_eq!(select(CodeBy::Clause, &hits), vec![1]);
        assert_eq!(split_rank("051!"), ("051", false, true));
    }

    #[test]
    fn comma_clauses_within_the_limits_are_dropped() {
        // "A , b c d , E F" : the 3-token clause between commas goes
        let commas = [false, true, false, false, false, true, false, false];
        let del = comma_clauses(&CommaLimits::default(), &commas);
        assert_eq!(del, vec![false, true, true, true, true, true, false, false]);
        // a one-token clause is shorter than MIN and stays
        let commas = [false, true, false, true, false];
        let del = comma_clauses(&CommaLimits::default(), &commas);
        assert!(!del.iter().take(3).skip(2).any(|&d| d), "{del:?}");
    }

    #[test]
    fn time_codes_and_passives() {
        assert_eq!(TimeShift::parse("-1"), TimeShift::Days(-1));
        assert_eq!(TimeShift::parse("+7"), TimeShift::Days(7));
        assert_eq!(TimeShift::parse("###"), TimeShift::Discard);
        assert_eq!(TimeShift::parse("+++"), TimeShift::Complex);
        assert!(is_passive(["was", "x"], ["by", "y"]));
        assert!(is_passive(["fiercely", "was"], ["x", "by"]));
        assert!(!is_passive(["has", "x"], ["by", "y"]));
    }
}
