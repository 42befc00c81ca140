//! TABARI verbs for dyad's default coder: each root and phrase of a parsed
//! `.verbs` file ([`Verbs`]) becomes [`Pattern`]s the default matcher
//! (`crate::matcher`) runs. TABARI-only elements are rewritten: `*` by each
//! verb form of the root (the form's first word is the trigger), synsets and
//! `{ a | b }` alternatives expanded into one pattern each, `%` kept (a
//! compound that is source and target), `^` kept (the matcher skips one
//! actor); a phrase without `$` gets one in front (TABARI's source is the
//! actor before the verb). An inflected trigger (`WORD_`) becomes its word plus
//! the regular endings; a stem trigger stays a stem, which the matcher
//! indexes by prefix. `<TIME>` roots (day shifts) become slotless patterns
//! of their own ([`convert_time`]). Codes stay as written (`023`, `023?`,
//! `###`, custom codes); the caller decides which its code table can hold.

use std::collections::BTreeMap;

use crate::dict::{Elem, Pattern, REGULAR_ENDINGS};
use crate::petrarch::VerbReport;
use crate::tabari::verbs::{Root, Verbs};

/// Most variants one TABARI phrase may expand into.
const MAX_VARIANTS: usize = 256;

/// Convert `verbs` (read from `file`) into default-coder patterns; the
/// report counts what was read, converted, skipped and approximated.
pub fn convert(file: &str, verbs: &Verbs) -> (Vec<Pattern>, VerbReport) {
    let mut report = VerbReport {
        file: file.to_string(),
        synsets: verbs.synsets.len(),
        verbs: verbs.roots.len(),
        errors: verbs.errors.clone(),
        ..VerbReport::default()
    };
    let mut out = Vec::new();
    for root in &verbs.roots {
        root_patterns(file, root, &mut out, &mut report);
        for p in &root.patterns {
            report.patterns_read += 1;
            let before = out.len();
            phrase_patterns(
                root,
                p,
                &mut out,
                &mut report.skipped,
                &mut report.approximated,
            );
            if out.len() > before {
                report.patterns_converted += 1;
            }
        }
    }
    report.dyad_patterns = out.len();
    (out, report)
}

/// `<TIME>` roots and their phrases as patterns without actor slots, for
/// [`crate::conventions::Conventions::time`]: the code is the day shift as
/// written (`-1`, `+7`, `###`, `+++`; `---` for a null root), read by
/// [`crate::conventions::TimeShift::parse`].
pub fn convert_time(verbs: &Verbs) -> Vec<Pattern> {
    let mut out = Vec::new();
    for root in &verbs.time {
        let code = if root.null {
            Some("---".to_string())
        } else {
            root.code.clone()
        };
        let mut push = |elems: Vec<Elem>, at: usize, code: Option<String>| {
            if let Some(elems) = with_word_trigger(elems, at) {
                out.push(Pattern {
                    id: format!("time:{}", root.line),
                    code,
                    paired: None,
                    text: text_of(&elems),
                    elems,
                    trigger: at,
                    verb_trigger: false,
                    trigger_lemmas: Vec::new(),
                    implicit_source: false,
                });
            }
        };
        for form in &root.forms {
            push(form.clone(), 0, code.clone());
        }
        for p in &root.patterns {
            for v in expand(&p.elems).unwrap_or_default() {
                let Some(at) = v.iter().position(|e| *e == Elem::Verb) else {
                    continue;
                };
                for form in &root.forms {
                    let mut elems: Vec<Elem> = v.get(..at).unwrap_or(&[]).to_vec();
                    elems.extend(form.iter().cloned());
                    elems.extend(v.get(at + 1..).unwrap_or(&[]).iter().cloned());
                    let code = p.code.clone().or_else(|| Some("---".to_string()));
                    push(elems, at, code);
                }
            }
        }
    }
    out
}

/// `$ FORM +` for each verb form of a coded (or null) root.
fn root_patterns(file: &str, root: &Root, out: &mut Vec<Pattern>, report: &mut VerbReport) {
    if root.code.is_none() && !root.null {
        return;
    }
    if root.null {
        report.verbs_null += 1;
    } else {
        report.verbs_coded += 1;
    }
    let (code, paired) = match root.code.as_deref().map(|c| c.split_once(':')) {
        Some(Some((a, b))) => (Some(a.to_string()), Some(b.to_string())),
        Some(None) => (root.code.clone(), None),
        None => (None, None),
    };
    for form in &root.forms {
        let mut elems = vec![Elem::Source];
        elems.extend(form.iter().cloned());
        elems.push(Elem::Target);
        let Some(elems) = with_word_trigger(elems, 1) else {
            *report
                .skipped
                .entry("verb form without a word")
                .or_default() += 1;
            continue;
        };
        out.push(Pattern {
            id: format!("{file}:{}", root.line),
            code: code.clone(),
            paired: paired.clone(),
            text: text_of(&elems),
            elems,
            trigger: 1,
            verb_trigger: false,
            trigger_lemmas: Vec::new(),
            implicit_source: true,
        });
    }
}

/// The variants of one phrase, `*` replaced by each form of the root.
fn phrase_patterns(
    root: &Root,
    p: &Pattern,
    out: &mut Vec<Pattern>,
    skipped: &mut BTreeMap<&'static str, usize>,
    approximated: &mut BTreeMap<&'static str, usize>,
) {
    let Some(variants) = expand(&p.elems) else {
        *skipped.entry("more than 256 alternatives").or_default() += 1;
        return;
    };
    let mut n = 0;
    for v in variants {
        let v = actors_as_slots(v, approximated);
        let Some(at) = v.iter().position(|e| *e == Elem::Verb) else {
            continue;
        };
        for form in &root.forms {
            // TABARI's source is the actor before the phrase when the
            // phrase names none: dyad's default coder needs the `$`
            let lead = usize::from(!v.contains(&Elem::Source) && !v.contains(&Elem::Compound));
            let mut elems: Vec<Elem> = Vec::with_capacity(v.len() + form.len() + lead);
            if lead == 1 {
                elems.push(Elem::Source);
            }
            elems.extend(v.get(..at).unwrap_or(&[]).iter().cloned());
            elems.extend(form.iter().cloned());
            elems.extend(v.get(at + 1..).unwrap_or(&[]).iter().cloned());
            if elems.iter().filter(|e| **e == Elem::Source).count() > 1
                || elems.iter().filter(|e| **e == Elem::Target).count() > 1
            {
                *skipped.entry("two source or target slots").or_default() += 1;
                continue;
            }
            let Some(elems) = with_word_trigger(elems, at + lead) else {
                continue;
            };
            n += 1;
            out.push(Pattern {
                id: p.id.clone(),
                code: p.code.clone(),
                paired: p.paired.clone(),
                text: p.text.clone(),
                elems,
                trigger: at + lead,
                verb_trigger: false,
                trigger_lemmas: Vec::new(),
                implicit_source: lead == 1,
            });
        }
    }
    if n == 0 {
        *skipped.entry("no variant with a word trigger").or_default() += 1;
    }
}

/// `%` stays (the matcher binds it as the source, the coder makes the
/// compound both source and target), the target slot if the phrase has a
/// `$`; `^` stays a skipped actor, which the default matcher passes over.
fn actors_as_slots(v: Vec<Elem>, approximated: &mut BTreeMap<&'static str, usize>) -> Vec<Elem> {
    let has_source = v.contains(&Elem::Source);
    v.into_iter()
        .map(|e| match e {
            Elem::Compound if has_source => {
                *approximated.entry("`%` after a `$` as `+`").or_default() += 1;
                Elem::Target
            }
            e => e,
        })
        .collect()
}

/// Make element `t` a trigger: a `WORD_` becomes the word with its
/// regular endings; a word or a stem stays as it is.
fn with_word_trigger(mut elems: Vec<Elem>, t: usize) -> Option<Vec<Elem>> {
    let slot = elems.get_mut(t)?;
    let (words, endings) = match slot {
        // a stem triggers on any word it begins (the matcher's stem index)
        Elem::Words(_) | Elem::Stem(_) => return Some(elems),
        Elem::Inflected(ws) => (ws.clone(), REGULAR_ENDINGS),
        _ => return None,
    };
    let mut all = vec![];
    for w in &words {
        all.push(w.clone());
        all.extend(endings.iter().map(|e| format!("{w}{e}")));
    }
    all.sort();
    all.dedup();
    *slot = Elem::Words(all);
    Some(elems)
}

/// Every sequence an element list stands for, alternatives expanded (at
/// most [`MAX_VARIANTS`]).
fn expand(elems: &[Elem]) -> Option<Vec<Vec<Elem>>> {
    let mut acc: Vec<Vec<Elem>> = vec![Vec::new()];
    for e in elems {
        match e {
            Elem::Alt(alts) => {
                let mut tails = Vec::new();
                for a in alts {
                    tails.extend(expand(a)?);
                }
                let mut next = Vec::new();
                for head in &acc {
                    for tail in &tails {
                        let mut v = head.clone();
                        v.extend(tail.iter().cloned());
                        next.push(v);
                    }
                }
                if next.len() > MAX_VARIANTS {
                    return None;
                }
                acc = next;
            }
            e => acc.iter_mut().for_each(|v| v.push(e.clone())),
        }
    }
    Some(acc)
}

/// The pattern written back in dyad's notation (for traces).
fn text_of(elems: &[Elem]) -> String {
    elems
        .iter()
        .map(|e| match e {
            Elem::Source => "$".to_string(),
            Elem::Target => "+".to_string(),
            Elem::Gap(_) => "..".to_string(),
            Elem::Words(ws) | Elem::Stem(ws) | Elem::Inflected(ws) => {
                ws.first().cloned().unwrap_or_default()
            }
            _ => "?".to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const VERBS: &str = "<SYNSETS>\n&TIES\n+MILITARY\n+ECONOMIC\n</SYNSETS>\n\
ACCUSE  [112]\n- * OF CORRUPTION  [1121]\n- * &TIES LEADERS [111]\n\
ABANDON_ [---]\n- * TALKS [345]\n";

    #[test]
    fn roots_and_phrases_become_default_patterns() {
        let v = Verbs::read("t.verbs", VERBS);
        assert!(v.errors.is_empty(), "{:?}", v.errors);
        let (pats, report) = convert("t.verbs", &v);
        assert_eq!(report.patterns_read, 3);
        assert_eq!(report.patterns_converted, 3);
        // the synset phrase gives one pattern per member
        let ties: Vec<&Pattern> = pats
            .iter()
            .filter(|p| p.code.as_deref() == Some("111"))
            .collect();
        assert_eq!(ties.len(), 2);
        for p in &pats {
            assert!(
                matches!(p.elems.get(p.trigger), Some(Elem::Words(_) | Elem::Stem(_))),
                "{p:?}"
            );
            assert!(!p
                .elems
                .iter()
                .any(|e| matches!(e, Elem::Alt(_) | Elem::Verb | Elem::Compound)));
        }
        // the null root blocks: a pattern without a code
        assert!(pats.iter().any(|p| p.code.is_none()));
        // an inflected trigger takes its regular endings
        let abandon = pats
            .iter()
            .find(|p| p.code.as_deref() == Some("345"))
            .and_then(|p| p.elems.get(p.trigger));
        assert!(abandon.is_some_and(|e| e.accepts_word("abandoned")));
    }
}
