//! Offices that only one country has ("Home Secretary", "Chancellor of the
//! Exchequer": the UK's), listed in `data/actors/national-offices.txt`. A
//! title with such an office and no country of its own gets that country
//! when the article is from there (its dateline place or its publisher is
//! in that country, by the dictionaries) or, failing that, when no other
//! state is in play in the article.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use dyad_core::Document;

use crate::dict::{ActorKind, Dictionary, Fallback, Target};
use crate::matcher::Matcher;
use crate::recognise::{Raw, RawKind};
use crate::title::{Affiliation, Title};

/// The embedded list.
const NATIONAL_OFFICES: &str = include_str!("../../../data/actors/national-offices.txt");

/// Office (lowercase) → state code.
fn offices() -> &'static HashMap<String, String> {
    static MAP: OnceLock<HashMap<String, String>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = HashMap::new();
        for line in NATIONAL_OFFICES.lines() {
            let line = line.split('#').next().unwrap_or("").trim();
            let Some((code, list)) = line.split_once('|') else {
                continue;
            };
            for office in list.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                map.insert(office.to_lowercase(), code.trim().to_string());
            }
        }
        map
    })
}

/// The state of a named actor: a state or place's own code, a body's
/// country prefix.
fn actor_country(dict: &Dictionary, actor: u32) -> Option<String> {
    let a = dict.actors.get(actor as usize)?;
    let code = match &a.fallback {
        Fallback::Code(c) => Some(c.as_str()),
        _ => a.codes.iter().find_map(|c| c.code.as_deref()),
    }?;
    match a.kind {
        ActorKind::Country | ActorKind::Location => Some(code.to_string()),
        _ => dict.country_of(code).map(str::to_string),
    }
}

/// The article's home state: that of its dateline place, else of its
/// publisher or source (e.g. the BBC is British).
pub fn home_country(doc: &Document, matcher: &Matcher, dict: &Dictionary) -> Option<String> {
    let fields = [
        doc.dateline.as_ref().map(|d| d.location.as_str()),
        doc.publisher.as_deref(),
        doc.source.as_deref(),
    ];
    fields.into_iter().flatten().find_map(|text| {
        matcher.find(text).iter().find_map(|hit| {
            hit.targets.iter().find_map(|t| match t {
                Target::Actor(a, _) => actor_country(dict, *a),
                _ => None,
            })
        })
    })
}

fn title_mut(kind: &mut RawKind) -> Option<&mut Title> {
    match kind {
        RawKind::Person { title, .. }
        | RawKind::Short { title, .. }
        | RawKind::Org { title, .. } => title.as_mut(),
        RawKind::Group { title } | RawKind::RoleRef { title } => Some(title),
        _ => None,
    }
}

/// States the mentions name: states, capitals, state bodies, affiliations.
fn in_play(raws: &[Raw], dict: &Dictionary) -> HashSet<String> {
    let mut out = HashSet::new();
    for r in raws {
        match &r.kind {
            RawKind::Country { actor } | RawKind::Place { actor } | RawKind::Org { actor, .. } => {
                out.extend(actor_country(dict, *actor));
            }
            _ => {}
        }
        let title = match &r.kind {
            RawKind::Person { title, .. }
            | RawKind::Short { title, .. }
            | RawKind::Org { title, .. } => title.as_ref(),
            RawKind::Group { title } | RawKind::RoleRef { title } => Some(title),
            _ => None,
        };
        match title.and_then(|t| t.affiliation.as_ref()) {
            Some(Affiliation::Country(c)) => {
                out.insert(c.clone());
            }
            Some(Affiliation::Code(c)) | Some(Affiliation::Dated(_, c)) => {
                out.extend(dict.country_of(c).map(str::to_string))
            }
            _ => {}
        }
    }
    out
}

/// Give the titles whose office belongs to one state, and that name no
/// state of their own, that state as affiliation where the article allows
/// it (see the module documentation). `home` is the article's home state.
pub fn fill(raws: &mut [Raw], dict: &Dictionary, home: Option<&str>) {
    let offices = offices();
    let mut states: Option<HashSet<String>> = None;
    for i in 0..raws.len() {
        let office_state = raws
            .get_mut(i)
            .and_then(|r| title_mut(&mut r.kind))
            .and_then(|t| {
                if t.affiliation.is_some() {
                    return None;
                }
                let role = dict.roles.get(t.role? as usize)?;
                offices.get(&role.phrase.to_lowercase()).cloned()
            });
        let Some(state) = office_state else {
            continue;
        };
        let allowed = home == Some(state.as_str()) || {
            let states = states.get_or_insert_with(|| {
                let mut s = in_play(raws, dict);
                s.extend(home.map(str::to_string));
                s
            });
            states.iter().all(|s| *s == state)
        };
        if allowed {
            if let Some(t) = raws.get_mut(i).and_then(|r| title_mut(&mut r.kind)) {
                t.affiliation = Some(Affiliation::Country(state));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_embedded_list_parses() {
        let o = super::offices();
        assert_eq!(o.get("home secretary").map(String::as_str), Some("GBR"));
        assert_eq!(
            o.get("chancellor of the exchequer").map(String::as_str),
            Some("GBR")
        );
        assert!(!o.contains_key("chancellor"));
    }
}
