//! Titles: the words around a name that give an office and the body it
//! serves ("Kremlin spokesman", "the Russian ambassador to the United
//! States", "Mr Trump's former national security adviser"), and the CAMEO
//! code they imply.

use chrono::NaiveDate;

use crate::dict::{ActorKind, Cue, Dictionary, RoleCode, RoleKind};
use crate::items::{Item, ItemKind, CONNECTORS};

/// Whom an office is held for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Affiliation {
    /// A state (`RUS`).
    Country(String),
    /// A body with its own code (`RUSGOV` for the Kremlin, `IGOUNO`).
    Code(String),
    /// A person's ("Mr Trump's adviser"): their country on the date.
    Person(u32),
    /// A body whose code depends on the date (a party in or out of
    /// government, data/actors/parties.txt): its code on the date; the
    /// string is its undated code.
    Dated(u32, String),
    /// None: an agent standing alone, coded by itself (`~REB`), as with
    /// TABARI's `SET: CONVERT AGENTS = TRUE`.
    Unattached,
}

/// A parsed title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    pub start: usize,
    pub end: usize,
    pub affiliation: Option<Affiliation>,
    /// The head office (the last role before any "to …").
    pub role: Option<u32>,
    /// Start of the head role phrase.
    pub role_start: usize,
    pub former: bool,
    /// Preceded by "the".
    pub definite: bool,
    /// Item indices (in the sentence) that the title covers.
    pub first_item: usize,
    pub last_item: usize,
}

const MAX_UNKNOWN_WORDS: usize = 4;
const DESTINATIONS: &[&str] = &["to", "in", "at", "with"];

/// The affiliation a state, body or place item gives an office.
pub fn affiliation_of(item: &Item, dict: &Dictionary) -> Option<Affiliation> {
    let (id, _) = item.actor_of(
        dict,
        &[
            ActorKind::Country,
            ActorKind::Organization,
            ActorKind::Seat,
            ActorKind::Location,
        ],
    )?;
    let actor = dict.actors.get(id as usize)?;
    let code = match &actor.fallback {
        crate::dict::Fallback::Code(c) => c.clone(),
        _ => return None,
    };
    let dated = actor.codes.iter().any(|c| c.range.is_restricted());
    Some(match actor.kind {
        ActorKind::Country | ActorKind::Location => Affiliation::Country(code),
        ActorKind::Organization if dated => Affiliation::Dated(id, code),
        _ => Affiliation::Code(code),
    })
}

/// Parse the title that ends with item `last` (inclusive), walking left.
/// Connectors ("to", "of", "the") are only taken to the right of the last
/// office ("ambassador to the United States"); a title needs an office.
pub fn title_ending_at(
    items: &[Item],
    last: usize,
    text: &str,
    dict: &Dictionary,
) -> Option<Title> {
    let mut k = last as isize;
    let mut role_seen = false;
    let mut unknown = 0;
    let mut first = last + 1;
    let mut definite = false;
    while k >= 0 {
        let Some(it) = items.get(k as usize) else {
            break;
        };
        let ku = k as usize;
        let accept = if let Some(r) = it.role() {
            // Only an office held by people closes the trailing part: in
            // "adviser to the Treasury" the Treasury is where, not what.
            if dict
                .roles
                .get(r as usize)
                .is_some_and(|r| r.kind == RoleKind::Person)
            {
                role_seen = true;
            }
            true
        } else if it.is_cue(Cue::TitleWord)
            || it.is_cue(Cue::Former)
            || affiliation_of(it, dict).is_some()
        {
            true
        } else if it.actor_of(dict, &[ActorKind::Person]).is_some()
            || it.is_cap_word()
            || it.is_cue(Cue::OrgHead)
        {
            // A possessor ("Mr Trump's") or part of an unknown body name.
            let possessor = items
                .get(ku + 1)
                .is_some_and(|n| n.kind == ItemKind::Possessive);
            if possessor {
                true
            } else if (it.is_cap_word() || it.is_cue(Cue::OrgHead)) && unknown < MAX_UNKNOWN_WORDS {
                unknown += 1;
                true
            } else {
                false
            }
        } else if it.kind == ItemKind::Possessive {
            ku > 0
                && items
                    .get(ku - 1)
                    .is_some_and(|p| p.is_cap_word() || p.actor().is_some())
        } else if it.is_cue(Cue::Honorific) {
            items
                .get(ku + 2)
                .is_some_and(|n| n.kind == ItemKind::Possessive)
        } else if it.kind == ItemKind::Punct('-') {
            ku > 0
                && items.get(ku - 1).is_some_and(|p| p.end == it.start)
                && items.get(ku + 1).is_some_and(|n| n.start == it.end)
        } else if !role_seen && it.is_word_in(text, CONNECTORS) {
            true
        } else {
            if it.text(text).eq_ignore_ascii_case("the") {
                definite = true;
            }
            false
        };
        if !accept {
            break;
        }
        first = ku;
        k -= 1;
    }
    // Trim connectors and unknown words from the left edge.
    while first <= last {
        let Some(it) = items.get(first) else { break };
        if it.is_word_in(text, CONNECTORS) {
            if it.text(text).eq_ignore_ascii_case("the") {
                definite = true;
            }
            first += 1;
        } else {
            break;
        }
    }
    if first > last {
        return None;
    }
    let slice = items.get(first..=last)?;
    // Head role: the last role before a destination connector.
    let mut head: Option<(usize, u32)> = None;
    let mut dest_at: Option<usize> = None;
    for (off, it) in slice.iter().enumerate() {
        if head.is_some() && it.is_word_in(text, DESTINATIONS) {
            dest_at = Some(off);
            break;
        }
        if let Some(r) = it.role() {
            head = Some((off, r));
        }
    }
    let (head_off, role) = head?;
    let former = slice
        .get(..head_off)
        .is_some_and(|pre| pre.iter().any(|it| it.is_cue(Cue::Former)));
    // Affiliation: the first body or state left of the office, else one
    // after "of".
    let mut affiliation = None;
    for (off, it) in slice.iter().enumerate().take(head_off) {
        if let Some(a) = affiliation_of(it, dict) {
            affiliation = Some(a);
            break;
        }
        if let Some((p, _)) = it.actor_of(dict, &[ActorKind::Person]) {
            if slice
                .get(off + 1)
                .is_some_and(|n| n.kind == ItemKind::Possessive)
            {
                affiliation = Some(Affiliation::Person(p));
                break;
            }
        }
    }
    if affiliation.is_none() {
        let tail_end = dest_at.unwrap_or(slice.len());
        let mut after_of = false;
        for it in slice.get(head_off + 1..tail_end).unwrap_or(&[]) {
            if it.is_word_in(text, &["of"]) {
                after_of = true;
            } else if after_of {
                if let Some(a) = affiliation_of(it, dict) {
                    affiliation = Some(a);
                    break;
                }
            }
        }
    }
    let start = slice.first()?.start;
    let end = slice.last()?.end;
    let role_start = slice.get(head_off)?.start;
    Some(Title {
        start,
        end,
        affiliation,
        role: Some(role),
        role_start,
        former,
        definite,
        first_item: first,
        last_item: last,
    })
}

/// Parse a title that starts at item `first` and runs right (appositions:
/// "Sergey Kislyak, the Russian ambassador to the United States, said").
pub fn title_starting_at(
    items: &[Item],
    first: usize,
    text: &str,
    dict: &Dictionary,
) -> Option<Title> {
    let mut k = first;
    if items
        .get(k)
        .is_some_and(|it| it.is_word_in(text, &["the", "a", "an"]) || it.is_cue(Cue::Stop))
    {
        k += 1;
    }
    let mut last: Option<usize> = None;
    let mut role_seen = false;
    while let Some(it) = items.get(k) {
        let ok = if it.role().is_some() {
            role_seen = true;
            true
        } else if !role_seen && it.is_word_in(text, &["a", "an", "the"]) {
            true
        } else {
            it.is_cue(Cue::TitleWord)
                || it.is_cue(Cue::Former)
                || affiliation_of(it, dict).is_some()
                || it.kind == ItemKind::Possessive
                || (role_seen && it.is_word_in(text, CONNECTORS))
                || it.is_cap_word()
        };
        if !ok {
            break;
        }
        last = Some(k);
        k += 1;
    }
    // Drop trailing connectors.
    let mut last = last?;
    while last > first
        && items
            .get(last)
            .is_some_and(|it| it.is_word_in(text, CONNECTORS))
    {
        last -= 1;
    }
    let t = title_ending_at(items, last, text, dict)?;
    (t.first_item >= first).then_some(t)
}

/// The CAMEO code a title implies on `date` (`None` when it names no body).
pub fn title_code(title: &Title, dict: &Dictionary, date: NaiveDate) -> Option<String> {
    let role = dict.roles.get(title.role? as usize)?;
    let (base, is_country) = match title.affiliation.as_ref()? {
        Affiliation::Country(c) => (c.clone(), true),
        Affiliation::Code(c) => (c.clone(), false),
        Affiliation::Dated(a, c) => {
            let on = dict.actors.get(*a as usize)?.code_on(date, dict).code;
            (on.unwrap_or_else(|| c.clone()), false)
        }
        Affiliation::Unattached => {
            return match &role.code {
                RoleCode::Suffix(r) => Some(format!("~{r}")),
                RoleCode::Prefix(r) => Some(format!("{r}~")),
                RoleCode::Generic => None,
            };
        }
        Affiliation::Person(p) => {
            let code = dict.actors.get(*p as usize)?.code_on(date, dict).code?;
            (dict.country_of(&code)?.to_string(), true)
        }
    };
    let country = if is_country {
        Some(base.as_str())
    } else {
        dict.country_of(&base)
    };
    if title.former {
        return Some(format!("{}ELI", country.unwrap_or(&base)));
    }
    Some(match &role.code {
        RoleCode::Generic => {
            if is_country {
                format!("{base}GOV")
            } else {
                base
            }
        }
        // A body outside any state keeps its code ("UN envoy": IGOUNO).
        RoleCode::Suffix(r) => match country {
            Some(c) => format!("{c}{r}"),
            None => base,
        },
        // TABARI's prefixed agents (`NGM~`) go before the whole code,
        // unless it already holds them on a 3-letter boundary.
        RoleCode::Prefix(r) if holds_aligned(&base, r) => base,
        RoleCode::Prefix(r) => format!("{r}{base}"),
    })
}

/// Whether `code`, read in 3-letter blocks, already contains the blocks
/// of `part` in a row.
pub fn holds_aligned(code: &str, part: &str) -> bool {
    if part.is_empty() || !code.len().is_multiple_of(3) || !part.len().is_multiple_of(3) {
        return false;
    }
    let blocks = |s: &str| -> Vec<String> {
        s.as_bytes()
            .chunks(3)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect()
    };
    let (c, p) = (blocks(code), blocks(part));
    c.windows(p.len()).any(|w| w == p.as_slice())
}
