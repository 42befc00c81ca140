//! Resolution within the article: raw mentions become entities; short
//! forms ("Mr Peskov", "Peskov") join the person named in full, offices
//! ("the spokesman", "the US President") join the last person holding that
//! office, and pronouns join the most salient compatible person (the first
//! person named outside quotes in the same sentence before the pronoun,
//! else in one of the three previous sentences). Organisations stay
//! organisations.

use std::collections::HashMap;

use chrono::NaiveDate;
use dyad_core::{Entity, EntityKind, Mention};

use crate::dict::{ActorKind, Dictionary, Sex};
use crate::recognise::{Raw, RawKind};
use crate::title::{title_code, Affiliation, Title};

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Key {
    Actor(u32),
    Name(String),
    Group(String),
    Place(u32, String),
}

#[derive(Debug, Clone)]
struct Ent {
    name: String,
    kind: EntityKind,
    actor: Option<u32>,
    title: Option<String>,
    /// Lowercased titles seen, for matching offices.
    titles_lc: Vec<String>,
    title_code: Option<String>,
    former: bool,
    sex: Option<Sex>,
    short: Vec<String>,
    mentions: Vec<Mention>,
}

/// One person mention in text order (for salience).
#[derive(Debug, Clone, Copy)]
struct Seen {
    start: usize,
    sentence: usize,
    in_quote: bool,
    ent: usize,
}

struct State<'a> {
    dict: &'a Dictionary,
    text: &'a str,
    date: NaiveDate,
    ents: Vec<Ent>,
    index: HashMap<Key, usize>,
    seen: Vec<Seen>,
}

fn title_text(text: &str, t: &Title) -> String {
    text.get(t.start..t.end).unwrap_or("").trim().to_string()
}

impl State<'_> {
    fn entity(&mut self, key: Key, make: impl FnOnce() -> Ent) -> usize {
        if let Some(&i) = self.index.get(&key) {
            return i;
        }
        let i = self.ents.len();
        self.ents.push(make());
        self.index.insert(key, i);
        i
    }

    fn add_title(&mut self, e: usize, t: &Title) {
        let tt = title_text(self.text, t);
        let code = title_code(t, self.dict, self.date);
        if let Some(ent) = self.ents.get_mut(e) {
            if ent.title.is_none() && !tt.is_empty() {
                ent.title = Some(tt.clone());
            }
            ent.titles_lc.push(tt.to_lowercase());
            if ent.title_code.is_none() {
                ent.title_code = code;
            }
            ent.former |= t.former;
        }
    }

    fn mention(&mut self, e: usize, raw: &Raw) {
        if let Some(ent) = self.ents.get_mut(e) {
            ent.mentions.push(Mention {
                start: raw.start,
                end: raw.end,
            });
            if ent.kind == EntityKind::Person {
                let s = Seen {
                    start: raw.start,
                    sentence: raw.sentence,
                    in_quote: raw.in_quote,
                    ent: e,
                };
                let at = self.seen.partition_point(|x| x.start < raw.start);
                self.seen.insert(at, s);
            }
        }
    }

    fn person_from_actor(&self, actor: u32, sex: Option<Sex>) -> Ent {
        let a = self.dict.actors.get(actor as usize);
        Ent {
            name: a.map_or_else(String::new, |a| a.name.clone()),
            kind: EntityKind::Person,
            actor: Some(actor),
            title: None,
            titles_lc: Vec::new(),
            title_code: None,
            former: false,
            sex: a.and_then(|a| a.sex).or(sex),
            short: a.map(|a| a.short_forms.clone()).unwrap_or_default(),
            mentions: Vec::new(),
        }
    }

    fn plain(name: String, kind: EntityKind, actor: Option<u32>, sex: Option<Sex>) -> Ent {
        let short = if kind == EntityKind::Person {
            name.split_whitespace()
                .last()
                .map(|l| vec![l.to_string()])
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        Ent {
            name,
            kind,
            actor,
            title: None,
            titles_lc: Vec::new(),
            title_code: None,
            former: false,
            sex,
            short,
            mentions: Vec::new(),
        }
    }

    /// Pass A: mentions that name their entity in full.
    fn full(&mut self, raw: &Raw) {
        match &raw.kind {
            RawKind::Person {
                actor,
                name,
                title,
                sex,
            } => {
                let e = match actor {
                    Some(a) => {
                        let ent = self.person_from_actor(*a, *sex);
                        self.entity(Key::Actor(*a), || ent)
                    }
                    None => {
                        let (n, s) = (name.clone(), *sex);
                        self.entity(Key::Name(name.clone()), || {
                            Self::plain(n, EntityKind::Person, None, s)
                        })
                    }
                };
                if let Some(t) = title {
                    // an office named without its state ("President
                    // Peres") is held in the person's own state
                    let mut t = t.clone();
                    if t.affiliation.is_none() {
                        t.affiliation = actor.map(Affiliation::Person);
                    }
                    self.add_title(e, &t);
                }
                self.mention(e, raw);
            }
            RawKind::NamedOrg { name } => {
                let n = name.clone();
                let e = self.entity(Key::Name(name.clone()), || {
                    Self::plain(n, EntityKind::Organization, None, None)
                });
                self.mention(e, raw);
            }
            RawKind::Org { actor, title } => {
                let name = self.actor_name(*actor);
                let e = self.entity(Key::Actor(*actor), || {
                    Self::plain(name, EntityKind::Organization, Some(*actor), None)
                });
                if let Some(t) = title {
                    self.add_title(e, t);
                }
                self.mention(e, raw);
            }
            RawKind::Country { actor } => {
                let name = self.actor_name(*actor);
                let e = self.entity(Key::Actor(*actor), || {
                    Self::plain(name, EntityKind::Country, Some(*actor), None)
                });
                self.mention(e, raw);
            }
            RawKind::Place { actor } => {
                let written = self.text.get(raw.start..raw.end).unwrap_or("").to_string();
                let name = title_case(&written);
                let e = self.entity(Key::Place(*actor, name.to_lowercase()), || {
                    Self::plain(name, EntityKind::Location, Some(*actor), None)
                });
                self.mention(e, raw);
            }
            RawKind::Group { title } => {
                let name = title_text(self.text, title);
                let office = self
                    .text
                    .get(title.role_start..title.end)
                    .unwrap_or("")
                    .to_string();
                let e = self.entity(Key::Group(name.to_lowercase()), || {
                    Self::plain(name, EntityKind::Organization, None, None)
                });
                if let Some(ent) = self.ents.get_mut(e) {
                    if ent.title.is_none() && !office.is_empty() {
                        ent.title = Some(office);
                    }
                }
                let code = title_code(title, self.dict, self.date);
                if let Some(ent) = self.ents.get_mut(e) {
                    ent.title_code = ent.title_code.take().or(code);
                }
                self.mention(e, raw);
            }
            _ => {}
        }
    }

    fn actor_name(&self, actor: u32) -> String {
        self.dict
            .actors
            .get(actor as usize)
            .map_or_else(String::new, |a| a.name.clone())
    }

    /// Pass B: short forms, offices and pronouns, in text order.
    fn refer(&mut self, raw: &Raw) {
        match &raw.kind {
            RawKind::Short {
                word,
                honorific,
                sex,
                cue,
                title,
            } => {
                let found = self
                    .by_short_form(word, raw.start, *honorific)
                    .or_else(|| self.by_office_holder(word, title.as_ref(), *sex));
                let e = match found {
                    Some(e) => e,
                    None if *honorific || *cue => {
                        let (n, s) = (word.clone(), *sex);
                        self.entity(Key::Name(word.clone()), || {
                            Self::plain(n, EntityKind::Person, None, s)
                        })
                    }
                    None => return,
                };
                if let Some(t) = title {
                    self.add_title(e, t);
                }
                if let Some(ent) = self.ents.get_mut(e) {
                    if ent.sex.is_none() {
                        ent.sex = *sex;
                    }
                }
                self.mention(e, raw);
            }
            RawKind::RoleRef { title } => {
                if let Some(e) = self.by_office(title, raw.start) {
                    self.mention(e, raw);
                } else if title.affiliation.is_some() {
                    let name = title_text(self.text, title);
                    let e = self.entity(Key::Name(name.clone()), || {
                        Self::plain(name, EntityKind::Person, None, None)
                    });
                    if let Some(ent) = self.ents.get_mut(e) {
                        ent.short.clear();
                    }
                    self.add_title(e, title);
                    self.mention(e, raw);
                }
            }
            RawKind::Pronoun { sex } => {
                if raw.in_quote {
                    return;
                }
                if let Some(e) = self.salient(raw.sentence, raw.start, *sex) {
                    self.mention(e, raw);
                }
            }
            _ => {}
        }
    }

    /// A short form nobody in the article carries: the one dictionary person
    /// with that short form in office on the date ("President Bush" in 2005),
    /// whose office contains the title's office when one is written.
    fn by_office_holder(
        &mut self,
        word: &str,
        title: Option<&Title>,
        sex: Option<Sex>,
    ) -> Option<usize> {
        let office = title
            .and_then(|t| t.role)
            .and_then(|r| self.dict.roles.get(r as usize))
            .map(|r| r.phrase.to_lowercase());
        let ids = self.dict.short_index.get(word)?;
        let mut holders = ids.iter().copied().filter(|&id| {
            let Some(a) = self.dict.actors.get(id as usize) else {
                return false;
            };
            let on = a.code_on(self.date, self.dict);
            let in_office = a.codes.iter().any(|c| c.range.contains(self.date));
            in_office
                && on.code.is_some()
                && sex.is_none_or(|x| a.sex.is_none_or(|y| x == y))
                && office.as_ref().is_none_or(|o| {
                    on.title
                        .as_deref()
                        .is_some_and(|t| t.to_lowercase().contains(o.as_str()))
                })
        });
        let id = holders.next()?;
        if holders.next().is_some() {
            return None;
        }
        let ent = self.person_from_actor(id, None);
        Some(self.entity(Key::Actor(id), || ent))
    }

    fn last_before(&self, e: usize, pos: usize) -> Option<usize> {
        self.ents
            .get(e)?
            .mentions
            .iter()
            .filter(|m| m.start < pos)
            .map(|m| m.start)
            .max()
    }

    fn by_short_form(&self, word: &str, pos: usize, honorific: bool) -> Option<usize> {
        let mut matches: Vec<usize> = self
            .ents
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person && e.short.iter().any(|s| s == word))
            .map(|(i, _)| i)
            .collect();
        if matches.is_empty() && honorific {
            // "Sir Digby" for Sir Digby Jones; "Mr Lee" for Lee Myung-bak.
            matches = self
                .ents
                .iter()
                .enumerate()
                .filter(|(_, e)| {
                    e.kind == EntityKind::Person
                        && e.name.split_whitespace().count() > 1
                        && e.name.split_whitespace().next() == Some(word)
                })
                .map(|(i, _)| i)
                .collect();
        }
        let before = matches
            .iter()
            .filter_map(|&i| self.last_before(i, pos).map(|p| (p, i)))
            .max();
        if let Some((_, i)) = before {
            return Some(i);
        }
        matches.into_iter().min_by_key(|&i| {
            self.ents
                .get(i)
                .and_then(|e| e.mentions.iter().map(|m| m.start).min())
                .unwrap_or(usize::MAX)
        })
    }

    fn by_office(&self, title: &Title, pos: usize) -> Option<usize> {
        let role = self.dict.roles.get(title.role? as usize)?;
        let phrase = role.phrase.to_lowercase();
        let country = match &title.affiliation {
            Some(Affiliation::Country(c)) => Some(c.clone()),
            Some(Affiliation::Code(c)) | Some(Affiliation::Dated(_, c)) => {
                self.dict.country_of(c).map(str::to_string)
            }
            _ => None,
        };
        // The latest holder named before; failing that (a lead such as
        // "says Tory leader Michael Howard"), the first named after.
        let mut best: Option<(usize, usize)> = None;
        let mut after: Option<(usize, usize)> = None;
        for (i, e) in self.ents.iter().enumerate() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let first = e.mentions.iter().map(|m| m.start).min();
            let dict_title = e
                .actor
                .and_then(|a| self.dict.actors.get(a as usize))
                .and_then(|a| a.code_on(self.date, self.dict).title)
                .map(|t| t.to_lowercase());
            let holds = e.titles_lc.iter().chain(dict_title.iter()).any(|t| {
                t.split(|c: char| !c.is_alphanumeric())
                    .collect::<Vec<_>>()
                    .windows(phrase.split(' ').count())
                    .any(|w| w.join(" ") == phrase)
            });
            if !holds {
                continue;
            }
            if let Some(c) = &country {
                let code = self.code_of(i);
                if !code.as_deref().is_some_and(|k| k.starts_with(c.as_str())) {
                    continue;
                }
            }
            match self.last_before(i, pos) {
                Some(last) => {
                    if best.is_none_or(|(p, _)| last > p) {
                        best = Some((last, i));
                    }
                }
                None => {
                    if let Some(f) = first.filter(|f| *f > pos) {
                        if after.is_none_or(|(p, _)| f < p) {
                            after = Some((f, i));
                        }
                    }
                }
            }
        }
        best.or(after).map(|(_, i)| i)
    }

    fn salient(&self, sentence: usize, pos: usize, sex: Sex) -> Option<usize> {
        let ok = |s: &&Seen| {
            !s.in_quote
                && self
                    .ents
                    .get(s.ent)
                    .is_some_and(|e| e.sex.is_none_or(|x| x == sex))
        };
        if let Some(s) = self
            .seen
            .iter()
            .filter(|s| s.sentence == sentence && s.start < pos)
            .find(ok)
        {
            return Some(s.ent);
        }
        for back in 1..=3 {
            let Some(target) = sentence.checked_sub(back) else {
                break;
            };
            if let Some(s) = self.seen.iter().filter(|s| s.sentence == target).find(ok) {
                return Some(s.ent);
            }
        }
        None
    }

    /// The code of entity `i` on the article's date.
    fn code_of(&self, i: usize) -> Option<String> {
        let e = self.ents.get(i)?;
        let from_dict = e
            .actor
            .and_then(|a| self.dict.actors.get(a as usize))
            .map(|a| (a.kind, a.code_on(self.date, self.dict)));
        match from_dict {
            Some((ActorKind::Person, c)) => {
                if e.former && !c.former {
                    let country = c
                        .code
                        .as_deref()
                        .and_then(|k| self.dict.country_of(k))
                        .map(str::to_string);
                    if let Some(country) = country {
                        return Some(format!("{country}ELI"));
                    }
                }
                // a person coded with a bare state takes the office a title
                // gives in that state ("President Peres": ISR + GOVPRS)
                let bare_state = c
                    .code
                    .as_deref()
                    .is_some_and(|k| self.dict.country_of(k) == Some(k));
                match &e.title_code {
                    Some(t)
                        if bare_state && c.code.as_deref().is_some_and(|k| t.starts_with(k)) =>
                    {
                        Some(t.clone())
                    }
                    _ => c.code.or_else(|| e.title_code.clone()),
                }
            }
            Some((_, c)) => c.code.or_else(|| e.title_code.clone()),
            None => e.title_code.clone(),
        }
    }
}

fn title_case(s: &str) -> String {
    if s.chars().any(char::is_lowercase) {
        return s.to_string();
    }
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// Turn raw mentions into resolved entities.
/// A one-word place that is the surname of a person named earlier in the
/// article is that person ("Chilean President Ricardo Lagos … Lagos said" is
/// not the Nigerian city): it becomes a short form. `raws` is sorted by start.
fn places_named_like_people(raws: &mut [Raw], text: &str) {
    let mut surnames: Vec<&str> = Vec::new();
    for r in raws.iter_mut() {
        let written = text.get(r.start..r.end).unwrap_or("");
        match r.kind {
            RawKind::Person { .. } => {
                if let Some(last) = written.split_whitespace().last() {
                    surnames.push(last);
                }
            }
            RawKind::Place { .. }
                if !written.contains(char::is_whitespace) && surnames.contains(&written) =>
            {
                r.kind = RawKind::Short {
                    word: written.to_string(),
                    honorific: false,
                    sex: None,
                    cue: false,
                    title: None,
                };
            }
            _ => {}
        }
    }
}

pub fn resolve(mut raws: Vec<Raw>, text: &str, dict: &Dictionary, date: NaiveDate) -> Vec<Entity> {
    raws.sort_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    places_named_like_people(&mut raws, text);
    let mut st = State {
        dict,
        text,
        date,
        ents: Vec::new(),
        index: HashMap::new(),
        seen: Vec::new(),
    };
    for r in &raws {
        st.full(r);
    }
    // Short forms first, then offices, then pronouns: each step sees every
    // mention the previous ones resolved (titles such as "President Castro"
    // written after "the Cuban president" still count).
    for pass in 0..3 {
        for r in &raws {
            let step = match r.kind {
                RawKind::Short { .. } => 0,
                RawKind::RoleRef { .. } => 1,
                RawKind::Pronoun { .. } => 2,
                _ => continue,
            };
            if step == pass {
                st.refer(r);
            }
        }
    }
    let codes: Vec<Option<String>> = (0..st.ents.len()).map(|i| st.code_of(i)).collect();
    let mut order: Vec<usize> = (0..st.ents.len())
        .filter(|&i| st.ents.get(i).is_some_and(|e| !e.mentions.is_empty()))
        .collect();
    order.sort_by_key(|&i| {
        st.ents
            .get(i)
            .and_then(|e| e.mentions.iter().map(|m| m.start).min())
            .unwrap_or(usize::MAX)
    });
    let mut out = Vec::with_capacity(order.len());
    for (n, i) in order.into_iter().enumerate() {
        let Some(e) = st.ents.get(i) else { continue };
        let mut mentions = e.mentions.clone();
        mentions.sort_by_key(|m| (m.start, m.end));
        mentions.dedup();
        let dict_title = e
            .actor
            .and_then(|a| dict.actors.get(a as usize))
            .filter(|a| a.kind == ActorKind::Person)
            .and_then(|a| a.code_on(date, dict).title);
        out.push(Entity {
            id: format!("e{}", n + 1),
            name: e.name.clone(),
            kind: e.kind,
            title: e.title.clone().or(dict_title),
            actor: codes.get(i).cloned().flatten(),
            mentions,
        });
    }
    out
}
