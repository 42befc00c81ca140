//! Recognition: raw mentions of people (known names, honorific + name,
//! title + name, appositions, names with speech verbs), organisations,
//! states, places, groups ("White House officials"), role references
//! ("the spokesman") and pronouns, sentence by sentence.

use dyad_core::Span;

use crate::dict::{ActorKind, Cue, Dictionary, Form, RoleKind, Sex};
use crate::items::{cap_run, Item, ItemKind};
use crate::title::{affiliation_of, title_ending_at, title_starting_at, Affiliation, Title};

/// Words after which an office is predicated, not referred to ("resigned
/// as US president", "was secretary of state").
const PREDICATIVE: &[&str] = &[
    "as",
    "was",
    "is",
    "are",
    "were",
    "be",
    "been",
    "became",
    "become",
    "becomes",
    "named",
    "appointed",
    "elected",
    "remains",
    "remained",
];

/// Prepositions that tie an office to the state or body after it
/// ("the ambassadors of Arnor", TABARI's agent + OF/IN + actor).
const AFFILIATION_LINKS: &[&str] = &["of", "in"];

/// Kinds of actor that give an office its affiliation.
const AFFILIATIONS: &[ActorKind] = &[
    ActorKind::Country,
    ActorKind::Organization,
    ActorKind::Seat,
    ActorKind::Location,
];

/// What a raw mention is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RawKind {
    /// A person named in full (dictionary `actor`, or an unknown `name`).
    Person {
        actor: Option<u32>,
        name: String,
        title: Option<Title>,
        sex: Option<Sex>,
    },
    /// One capitalised word that may be the short form of someone named
    /// elsewhere ("Mr Peskov", "Peskov").
    Short {
        word: String,
        honorific: bool,
        sex: Option<Sex>,
        cue: bool,
        title: Option<Title>,
    },
    /// A named body or seat of power.
    Org {
        actor: u32,
        title: Option<Title>,
    },
    Country {
        actor: u32,
    },
    /// A capital city (a place; stands for its state).
    Place {
        actor: u32,
    },
    /// People or a body named by office and affiliation ("White House
    /// officials", "Russian state media").
    Group {
        title: Title,
    },
    /// An office without a name ("the spokesman", "the US President").
    RoleRef {
        title: Title,
    },
    Pronoun {
        sex: Sex,
    },
    /// An organisation not in the dictionaries, found by the NER model.
    NamedOrg {
        name: String,
    },
}

/// A mention before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Raw {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub in_quote: bool,
    pub kind: RawKind,
}

fn honorific_sex(word: &str) -> Option<Sex> {
    match word.trim_end_matches('.') {
        "Mr" | "Sir" | "Lord" | "Monsieur" | "Herr" => Some(Sex::Male),
        "Mrs" | "Ms" | "Miss" | "Dame" | "Lady" | "Madam" | "Mme" | "Frau" => Some(Sex::Female),
        _ => None,
    }
}

/// Everything the recogniser needs about one sentence.
pub struct Sentence<'a> {
    pub items: &'a [Item],
    pub text: &'a str,
    pub index: usize,
    pub quotes: &'a [Span],
    /// Code an office or body named without any state or body by itself
    /// (TABARI's CONVERT AGENTS).
    pub convert_agents: bool,
}

/// Find the raw mentions of one sentence.
pub fn recognise(s: &Sentence<'_>, dict: &Dictionary, out: &mut Vec<Raw>) {
    let items = s.items;
    let text = s.text;
    let first_raw = out.len();
    let mut consumed = vec![false; items.len()];
    let push = |out: &mut Vec<Raw>, start: usize, end: usize, kind: RawKind| {
        out.push(Raw {
            start,
            end,
            sentence: s.index,
            in_quote: crate::segments::inside(s.quotes, start),
            kind,
        });
    };
    // Pass 1: people.
    let mut i = 0;
    while i < items.len() {
        let Some(it) = items.get(i) else { break };
        let honorific = it.is_cue(Cue::Honorific);
        let name_at = if honorific { i + 1 } else { i };
        let Some(name_item) = items.get(name_at) else {
            break;
        };
        let person = name_item.actor_of(dict, &[ActorKind::Person]);
        let run_end = if person.is_some() {
            Some(name_at + 1)
        } else {
            cap_run(items, name_at, text)
        };
        let Some(run_end) = run_end else {
            i += 1;
            continue;
        };
        let prev = name_at
            .checked_sub(1 + usize::from(honorific))
            .and_then(|p| items.get(p).map(|x| (p, x)));
        let prefix_title = match prev {
            Some((p, x))
                if x.person_role(dict).is_some()
                    || (x.is_cue(Cue::TitleWord) && x.role().is_some()) =>
            {
                title_ending_at(items, p, text, dict)
            }
            Some((p, x)) if x.kind == ItemKind::Punct(',') && p > 0 => {
                title_ending_at(items, p - 1, text, dict).filter(|t| {
                    t.role
                        .and_then(|r| dict.roles.get(r as usize))
                        .is_some_and(|r| r.kind == RoleKind::Person && !r.plural)
                })
            }
            _ => None,
        };
        let speech_after = items.get(run_end).is_some_and(|x| x.is_cue(Cue::Speech));
        let speech_before = name_at
            .checked_sub(1)
            .and_then(|p| items.get(p))
            .is_some_and(|x| x.is_cue(Cue::Speech));
        let appos_title = if prefix_title.is_none()
            && items
                .get(run_end)
                .is_some_and(|x| x.kind == ItemKind::Punct(','))
        {
            title_starting_at(items, run_end + 1, text, dict).filter(|t| {
                t.role
                    .and_then(|r| dict.roles.get(r as usize))
                    .is_some_and(|r| r.kind == RoleKind::Person && !r.plural)
            })
        } else {
            None
        };
        let title = prefix_title.or(appos_title);
        let start = it.start;
        let end = items.get(run_end - 1).map_or(name_item.end, |x| x.end);
        let name = text.get(name_item.start..end).unwrap_or("").to_string();
        let hon_sex = if honorific {
            honorific_sex(it.text(text))
        } else {
            None
        };
        let single = run_end == name_at + 1;
        if let Some((actor, _)) = person {
            let sex = dict
                .actors
                .get(actor as usize)
                .and_then(|a| a.sex)
                .or(hon_sex);
            push(
                out,
                start,
                end,
                RawKind::Person {
                    actor: Some(actor),
                    name,
                    title: title.clone(),
                    sex,
                },
            );
        } else if items.get(run_end).is_some_and(|x| x.is_cue(Cue::OrgHead)) {
            // "Acme Industries": the name of a body, not a person.
            i = run_end + 1;
            continue;
        } else if single {
            // A lone capitalised word needs a title to be a new person
            // ("Witnesses said" is not one); otherwise it may still be the
            // short form of someone named elsewhere.
            let cue = title.is_some();
            push(
                out,
                start,
                end,
                RawKind::Short {
                    word: name,
                    honorific,
                    sex: hon_sex,
                    cue,
                    title: title.clone(),
                },
            );
        } else if honorific || title.is_some() || speech_after || speech_before {
            push(
                out,
                start,
                end,
                RawKind::Person {
                    actor: None,
                    name,
                    title: title.clone(),
                    sex: hon_sex,
                },
            );
        } else {
            // Unknown capitalised words without a person cue: not ours.
            for c in consumed.iter_mut().take(run_end).skip(name_at) {
                *c = true;
            }
            i = run_end;
            continue;
        }
        if let Some(t) = &title {
            for c in consumed.iter_mut().take(t.last_item + 1).skip(t.first_item) {
                *c = true;
            }
        }
        for c in consumed.iter_mut().take(run_end).skip(i) {
            *c = true;
        }
        i = run_end;
    }
    // Pass 2: bodies, states, places, groups, offices, pronouns.
    for (i, it) in items.iter().enumerate() {
        if consumed.get(i).copied().unwrap_or(true) {
            continue;
        }
        let next = items.get(i + 1);
        let modifies = next.is_some_and(|n| {
            n.role().is_some()
                || n.is_cue(Cue::TitleWord)
                || n.actor_of(dict, &[ActorKind::Organization, ActorKind::Seat])
                    .is_some()
        });
        if let Some((actor, form)) = it.actor() {
            let kind = dict.actors.get(actor as usize).map(|a| a.kind);
            if modifies && kind != Some(ActorKind::Person) {
                continue;
            }
            match kind {
                Some(ActorKind::Organization) | Some(ActorKind::Seat) => {
                    let title = i
                        .checked_sub(1)
                        .filter(|p| items.get(*p).is_some_and(|x| x.role().is_some()))
                        .and_then(|p| title_ending_at(items, p, text, dict))
                        .filter(|t| t.first_item < i);
                    let start = title.as_ref().map_or(it.start, |_| it.start);
                    push(out, start, it.end, RawKind::Org { actor, title });
                }
                Some(ActorKind::Country) if form == Form::Capital => {
                    push(out, it.start, it.end, RawKind::Place { actor });
                }
                Some(ActorKind::Country) => push(out, it.start, it.end, RawKind::Country { actor }),
                Some(ActorKind::Location) => push(out, it.start, it.end, RawKind::Place { actor }),
                _ => {}
            }
            continue;
        }
        if let Some(role_id) = it.role() {
            if next.is_some_and(|n| {
                n.role().is_some()
                    || n.actor_of(
                        dict,
                        &[ActorKind::Organization, ActorKind::Seat, ActorKind::Person],
                    )
                    .is_some()
                    || n.is_cap_word()
            }) || crate::modifier::modifies_next(items, i, text)
            {
                continue;
            }
            let Some(role) = dict.roles.get(role_id as usize) else {
                continue;
            };
            if role.kind == RoleKind::Person && !role.plural {
                if let Some((title, j)) = office_before_name(items, i, text, dict) {
                    // "Norland President Oswin": an office right before a
                    // name the dictionary codes as a state is one person
                    // (TABARI: an agent right before an actor).
                    if let Some(c) = consumed.get_mut(j) {
                        *c = true;
                    }
                    let name = items.get(j).map_or("", |x| x.text(text)).to_string();
                    let end = items.get(j).map_or(title.end, |x| x.end);
                    absorb(out, first_raw, title.start, end);
                    push(
                        out,
                        title.start,
                        end,
                        RawKind::Person {
                            actor: None,
                            name,
                            title: Some(title),
                            sex: None,
                        },
                    );
                    continue;
                }
            }
            let linked = linked_affiliation(items, i, text, dict);
            let title = match linked {
                Some(j) => title_ending_at(items, j, text, dict).map(|mut t| {
                    if t.affiliation.is_none() {
                        t.affiliation = items.get(j).and_then(|x| affiliation_of(x, dict));
                    }
                    t
                }),
                None => title_ending_at(items, i, text, dict),
            };
            let Some(mut title) = title else {
                continue;
            };
            if title.affiliation.is_none()
                && s.convert_agents
                && role.code != crate::dict::RoleCode::Generic
            {
                title.affiliation = Some(Affiliation::Unattached);
            }
            let predicative = title
                .first_item
                .checked_sub(1)
                .and_then(|p| items.get(p))
                .is_some_and(|x| x.is_word_in(text, PREDICATIVE));
            if predicative {
                continue;
            }
            let has_affiliation = title.affiliation.is_some();
            let span = (title.start, title.end);
            if has_affiliation {
                // the state or body named inside the title is part of this
                // mention, not a mention of its own ("Norland's foreign
                // minister", "the ambassadors of Arnor")
                if let Some(j) = linked {
                    for c in consumed.iter_mut().take(j + 1).skip(i + 1) {
                        *c = true;
                    }
                }
                absorb(out, first_raw, span.0, span.1);
            }
            if role.kind == RoleKind::Org || role.plural {
                if has_affiliation {
                    push(out, span.0, span.1, RawKind::Group { title });
                }
            } else if has_affiliation || title.definite {
                push(out, span.0, span.1, RawKind::RoleRef { title });
            }
            continue;
        }
        if it.is_cue(Cue::PronounMale) || it.is_cue(Cue::PronounFemale) {
            let sex = if it.is_cue(Cue::PronounMale) {
                Sex::Male
            } else {
                Sex::Female
            };
            push(out, it.start, it.end, RawKind::Pronoun { sex });
        }
    }
}

/// Drop the mentions of states and places (from `from` on) that lie inside
/// `start..end`: a title that covers them names its holder with them
/// ("Norland's foreign minister" is one actor, TABARI's actor + agent). A
/// named body keeps its own mention ("Republicans in Congress").
fn absorb(out: &mut Vec<Raw>, from: usize, start: usize, end: usize) {
    let mut k = from;
    while k < out.len() {
        let inside = out.get(k).is_some_and(|r| {
            start <= r.start
                && r.end <= end
                && matches!(r.kind, RawKind::Country { .. } | RawKind::Place { .. })
        });
        if inside {
            out.remove(k);
        } else {
            k += 1;
        }
    }
}

/// For the office at item `i`: the item of the state or body linked to it
/// by "of" or "in" (and "the"), as in "the ambassadors of Arnor".
fn linked_affiliation(items: &[Item], i: usize, text: &str, dict: &Dictionary) -> Option<usize> {
    if !items.get(i + 1)?.is_word_in(text, AFFILIATION_LINKS) {
        return None;
    }
    let mut k = i + 2;
    if items.get(k)?.is_word_in(text, &["the"]) {
        k += 1;
    }
    items.get(k)?.actor_of(dict, AFFILIATIONS).map(|_| k)
}

/// For the office at item `i` followed right away by a capitalised name the
/// dictionary codes as a state ("President Oswin"): the title, with
/// that state as its affiliation when it has none, and the name's item.
fn office_before_name(
    items: &[Item],
    i: usize,
    text: &str,
    dict: &Dictionary,
) -> Option<(Title, usize)> {
    let j = i + 1;
    let next = items.get(j)?;
    let (_, form) = next.actor_of(dict, &[ActorKind::Country])?;
    let adjacent = items
        .get(i)
        .is_some_and(|it| text.get(it.end..next.start) == Some(" "));
    if form != Form::Name || !next.cap || !adjacent {
        return None;
    }
    let mut title = title_ending_at(items, i, text, dict)?;
    if title.affiliation.is_none() {
        title.affiliation = affiliation_of(next, dict);
    }
    Some((title, j))
}
