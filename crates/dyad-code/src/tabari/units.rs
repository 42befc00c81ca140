//! Actor units (manual §5.4, §7.5, §7.7): an actor with its agent
//! (`~GOV` suffix, `NGO~` prefix, "former" → ELI), parsed compounds
//! (`A, B and C`), and coreferenced pronouns.

use chrono::NaiveDate;

use super::options::Options;
use super::phrase::Unit;
use super::tag::{Span, Tag, CONJ, DETERMINERS};
use super::text::Tok;
use super::Dictionaries;

/// Combine an actor code with an agent code (§5.4): no duplicate on the
/// 3-character boundaries.
fn with_agent(actor: &str, agent: &str, suffix: bool) -> String {
    let aligned = |hay: &str| {
        (0..hay.len())
            .step_by(3)
            .any(|k| hay.get(k..).is_some_and(|r| r.starts_with(agent)))
    };
    if aligned(actor) {
        return actor.to_string();
    }
    if suffix {
        format!("{actor}{agent}")
    } else {
        format!("{agent}{actor}")
    }
}

pub(super) fn build_units(
    d: &Dictionaries,
    opts: &Options,
    toks: &[Tok],
    spans: &[Span],
    date: Option<NaiveDate>,
) -> Vec<Unit> {
    let mut units = Vec::new();
    let mut used_agent = vec![false; spans.len()];
    let word = |k: usize| -> &str {
        spans
            .get(k)
            .and_then(|s| toks.get(s.start))
            .map(|t| t.w.as_str())
            .unwrap_or("")
    };
    let agent_of = |k: usize| -> Option<usize> {
        match spans.get(k)?.tag {
            Tag::Agent(a) => Some(a),
            _ => None,
        }
    };
    for (k, sp) in spans.iter().enumerate() {
        let Tag::Actor(a) = sp.tag else { continue };
        let code = d.actor_code(a, date);
        if matches!(code, "---" | "###" | "+++") {
            continue;
        }
        let mut start = sp.start;
        let mut end = sp.full_end;
        let mut former = k > 0 && word(k - 1) == "former";
        // agent after (possibly "former" between), before, or before IN/OF
        let mut agent: Option<(usize, usize)> = None; // (agent, span index)
        if let Some(a2) = agent_of(k + 1) {
            agent = Some((a2, k + 1));
        } else if word(k + 1) == "former" {
            if let Some(a2) = agent_of(k + 2) {
                agent = Some((a2, k + 2));
                former = true;
            }
        }
        if agent.is_none() && k > 0 {
            if let Some(a2) = agent_of(k - 1) {
                agent = Some((a2, k - 1));
            } else {
                // AGENT IN|OF [THE] ACTOR
                let mut j = k - 1;
                if DETERMINERS.contains(&word(j)) && j > 0 {
                    j -= 1;
                }
                if matches!(word(j), "in" | "of") && j > 0 {
                    if let Some(a2) = agent_of(j - 1) {
                        agent = Some((a2, j - 1));
                    }
                }
            }
        }
        let mut codes: Vec<String> = code.split('/').map(str::to_string).collect();
        if let Some((ag, idx)) = agent {
            if let (Some(a), Some(s)) = (d.agents.get(ag), spans.get(idx)) {
                if idx > 0 && word(idx - 1) == "former" {
                    former = true;
                }
                let code = if former { "ELI" } else { a.code.as_str() };
                let suffix = a.suffix || former;
                codes = codes.iter().map(|c| with_agent(c, code, suffix)).collect();
                start = start.min(s.start);
                end = end.max(s.full_end);
                if let Some(u) = used_agent.get_mut(idx) {
                    *u = true;
                }
                former = false;
            }
        }
        if former {
            codes = codes.iter().map(|c| with_agent(c, "ELI", true)).collect();
        }
        units.push(Unit {
            start,
            end,
            codes,
            pronoun: false,
        });
    }
    if opts.convert_agents {
        for (k, sp) in spans.iter().enumerate() {
            if let (Tag::Agent(a), false) = (sp.tag, used_agent.get(k).copied().unwrap_or(true)) {
                if units.iter().any(|u| u.start <= sp.start && sp.end <= u.end) {
                    continue;
                }
                if let Some(ag) = d.agents.get(a) {
                    let code = if ag.suffix {
                        format!("~{}", ag.code)
                    } else {
                        format!("{}~", ag.code)
                    };
                    units.push(Unit {
                        start: sp.start,
                        end: sp.end,
                        codes: vec![code],
                        pronoun: false,
                    });
                }
            }
        }
        units.sort_by_key(|u| u.start);
    }
    units
}

/// Parsed compounds (§7.5): `np (, np)* AND np`, np = [determ|adjctv]* actor.
/// With `fbis`, `<actor> , <actor>` ending a list is a compound too (§8.2.11).
pub(super) fn compounds(toks: &[Tok], spans: &[Span], units: &mut Vec<Unit>, fbis: bool) {
    let tag_at = |i: usize| {
        spans
            .iter()
            .find(|s| s.start <= i && i < s.end)
            .map(|s| s.tag)
    };
    let sep_after = |end: usize| toks.get(end).map(|t| t.w.as_str()).unwrap_or("");
    // a noun phrase may hold several actors: after a possessive ("Norland's
    // King Oswin") or with adjectives between ("Norland's prime minister Oswin")
    let np_end = |units: &[Unit], mut j: usize| {
        while let (Some(u), Some(n)) = (units.get(j), units.get(j + 1)) {
            let possessive = u
                .end
                .checked_sub(1)
                .and_then(|e| toks.get(e))
                .is_some_and(|t| t.w.ends_with("'s"));
            let mut p = u.end;
            let mut adjectives = 0;
            while let Some(t) = tag_at(p).filter(|t| matches!(t, Tag::Determ | Tag::Adj)) {
                adjectives += usize::from(t == Tag::Adj);
                p += 1;
            }
            if n.start != p || !(possessive || adjectives > 0) {
                break;
            }
            j += 1;
        }
        j
    };
    let mut k = 0;
    while k < units.len() {
        let mut saw_conj = false;
        let mut j = np_end(units, k);
        while let Some(u) = units.get(j) {
            let mut p = u.end;
            let sep = sep_after(p);
            // compounds join with AND, OR, NOR (not BUT)
            let is_conj = CONJ.contains(&sep) && sep != "but";
            if sep != "," && !is_conj {
                break;
            }
            p += 1;
            let comma_and = sep == ","
                && toks
                    .get(p)
                    .is_some_and(|t| t.w != "but" && CONJ.contains(&t.w.as_str()));
            if comma_and {
                p += 1;
            }
            while matches!(tag_at(p), Some(Tag::Determ | Tag::Adj)) {
                p += 1;
            }
            match units.get(j + 1) {
                Some(n) if n.start == p => {
                    j = np_end(units, j + 1);
                    let next = sep_after(units.get(j).map_or(n.end, |x| x.end));
                    let list_ends = next != "," && !CONJ.contains(&next);
                    if is_conj || comma_and || (fbis && list_ends) {
                        saw_conj = true;
                        break;
                    }
                }
                _ => break,
            }
        }
        if saw_conj && j > k {
            let first = units.get(k).map(|u| u.start).unwrap_or(0);
            let last = units.get(j).map(|u| u.end).unwrap_or(0);
            let mut codes: Vec<String> = Vec::new();
            for g in k..=j {
                for c in units.get(g).map(|u| u.codes.clone()).unwrap_or_default() {
                    if !codes.contains(&c) {
                        codes.push(c);
                    }
                }
            }
            units.drain(k..=j);
            units.insert(
                k,
                Unit {
                    start: first,
                    end: last,
                    codes,
                    pronoun: false,
                },
            );
        }
        k += 1;
    }
}

/// Pronoun coreference (§7.7): HE/SHE/IT/ITS/HIS/HER the first actor of the
/// sentence before the pronoun, THEY/THEM/THEIR the first compound (else the
/// first actor); with `forward`, a pronoun before any actor takes that code.
pub(super) fn pronouns(
    toks: &[Tok],
    spans: &[Span],
    units: &mut Vec<Unit>,
    deleted: &[bool],
    forward: Option<&str>,
) {
    let mut add = Vec::new();
    for sp in spans {
        if sp.tag != Tag::Pronoun || deleted.get(sp.start).copied().unwrap_or(false) {
            continue;
        }
        let w = toks.get(sp.start).map(|t| t.w.as_str()).unwrap_or("");
        let live: Vec<&Unit> = units
            .iter()
            .filter(|u| !u.pronoun && !deleted.get(u.start).copied().unwrap_or(false))
            .collect();
        let target = match w {
            "he" | "she" | "it" | "him" | "its" | "his" | "her" => {
                live.iter().find(|u| u.end <= sp.start)
            }
            _ => live
                .iter()
                .find(|u| u.codes.len() > 1 && u.end <= sp.start)
                .or_else(|| live.iter().find(|u| u.end <= sp.start)),
        };
        if let Some(u) = target {
            add.push(Unit {
                start: sp.start,
                end: sp.end,
                codes: u.codes.clone(),
                pronoun: true,
            });
        } else if let Some(code) = forward {
            // FORWARD (§8.4): a pronoun before any actor takes the first
            // actor of the previous sentence of the story
            if !units.iter().any(|u| u.start < sp.start) {
                add.push(Unit {
                    start: sp.start,
                    end: sp.end,
                    codes: vec![code.to_string()],
                    pronoun: true,
                });
            }
        }
    }
    units.extend(add);
    units.sort_by_key(|u| u.start);
}
