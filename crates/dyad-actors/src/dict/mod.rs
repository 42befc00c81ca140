//! The actor dictionary in memory: named actors (people, organisations,
//! states, places) with dated codes, role nouns, cue words, and the phrases
//! that name them. Filled by [`format`] (our text files) and [`tabari`]
//! (TABARI/PETRARCH files); compiled into a [`crate::matcher::Matcher`].

pub mod format;
pub mod tabari;
pub mod tabari_phrase;
pub mod tabari_raw;

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;

use crate::dates::DateRange;

/// What a named actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActorKind {
    Person,
    Organization,
    /// A building or place standing for a government (the Kremlin).
    Seat,
    Country,
    Location,
}

impl ActorKind {
    /// Name used in our files' kind column.
    pub fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Organization => "org",
            ActorKind::Seat => "seat",
            ActorKind::Country => "country",
            ActorKind::Location => "location",
        }
    }

    /// Parse a kind column.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "person" | "" => ActorKind::Person,
            "org" | "organization" | "organisation" => ActorKind::Organization,
            "seat" => ActorKind::Seat,
            "country" => ActorKind::Country,
            "location" | "place" => ActorKind::Location,
            _ => return None,
        })
    }
}

/// Grammatical sex, for resolving "he" and "she".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

/// One dated code of an actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// `None` is TABARI's null code.
    pub code: Option<String>,
    pub range: DateRange,
    /// The office, when known ("Foreign Minister").
    pub title: Option<String>,
}

/// The code of an actor outside its dated roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Fallback {
    /// Country of the nearest role + `ELI` (former or future official).
    Eli,
    Code(String),
    /// No code (TABARI: restrictions without a default).
    Null,
}

/// A named actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub name: String,
    pub kind: ActorKind,
    pub codes: Vec<DatedCode>,
    pub fallback: Fallback,
    pub sex: Option<Sex>,
    /// Forms that refer back to the actor inside an article (surnames).
    pub short_forms: Vec<String>,
}

/// Where a role noun's code goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoleCode {
    /// Appended to the country or body: `GOV` in `RUSGOV`.
    Suffix(String),
    /// Put before the country: TABARI `NGO~`.
    Prefix(String),
    /// Takes the code of the body served (spokesman, director, official).
    Generic,
}

/// Whether a role noun names people or a body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleKind {
    Person,
    Org,
}

/// A role noun ("spokesman", "foreign ministry").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub phrase: String,
    pub code: RoleCode,
    pub kind: RoleKind,
    pub plural: bool,
}

/// Cue words (cues.txt).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cue {
    Honorific,
    Former,
    PronounMale,
    PronounFemale,
    Speech,
    Stop,
    TitleWord,
    Destination,
    OrgHead,
}

impl Cue {
    /// Parse a cues.txt kind.
    pub fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "honorific" => Cue::Honorific,
            "former" => Cue::Former,
            "pronoun-m" => Cue::PronounMale,
            "pronoun-f" => Cue::PronounFemale,
            "speech" => Cue::Speech,
            "stop" => Cue::Stop,
            "titleword" => Cue::TitleWord,
            "destination" => Cue::Destination,
            "orghead" => Cue::OrgHead,
            _ => return None,
        })
    }
}

/// How a phrase names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    /// A name or alias.
    Name,
    /// An adjective or demonym ("Russian").
    Adjective,
    /// A capital city ("Moscow").
    Capital,
}

/// What a phrase points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Actor(u32, Form),
    Role(u32),
    Cue(Cue),
}

/// The whole dictionary.
#[derive(Debug, Clone, Default)]
pub struct Dictionary {
    pub actors: Vec<Actor>,
    pub roles: Vec<Role>,
    /// Every phrase with what it names, as written (case matters: an
    /// uppercase letter in a phrase must be uppercase in the text).
    pub phrases: Vec<(String, Target)>,
    /// Country codes known (from countries files and imported country entries).
    pub countries: HashSet<String>,
    /// People by short form ("Bush" → both Presidents Bush), for short forms
    /// met before any full name; filled by [`Dictionary::index_short_forms`].
    pub short_index: HashMap<String, Vec<u32>>,
}

impl Dictionary {
    /// Add an actor and its phrases; returns its id.
    pub fn add_actor(&mut self, actor: Actor, names: &[(String, Form)]) -> u32 {
        let id = self.actors.len() as u32;
        if actor.kind == ActorKind::Country {
            if let Fallback::Code(code) = &actor.fallback {
                self.countries.insert(code.clone());
            }
        }
        self.actors.push(actor);
        for (phrase, form) in names {
            self.phrases
                .push((phrase.clone(), Target::Actor(id, *form)));
        }
        id
    }

    /// Add a role and its phrase; returns its id.
    pub fn add_role(&mut self, role: Role) -> u32 {
        let id = self.roles.len() as u32;
        self.phrases.push((role.phrase.clone(), Target::Role(id)));
        self.roles.push(role);
        id
    }

    /// Add a cue word.
    pub fn add_cue(&mut self, phrase: &str, cue: Cue) {
        self.phrases.push((phrase.to_string(), Target::Cue(cue)));
    }

    /// Rebuild [`Dictionary::short_index`] from the people's short forms.
    pub fn index_short_forms(&mut self) {
        self.short_index.clear();
        for (id, a) in self.actors.iter().enumerate() {
            if a.kind != ActorKind::Person {
                continue;
            }
            for s in &a.short_forms {
                self.short_index
                    .entry(s.clone())
                    .or_default()
                    .push(id as u32);
            }
        }
    }

    /// Append another dictionary (ids are shifted).
    pub fn merge(&mut self, other: Dictionary) {
        let a0 = self.actors.len() as u32;
        let r0 = self.roles.len() as u32;
        self.actors.extend(other.actors);
        self.roles.extend(other.roles);
        self.countries.extend(other.countries);
        for (p, t) in other.phrases {
            let t = match t {
                Target::Actor(id, f) => Target::Actor(id + a0, f),
                Target::Role(id) => Target::Role(id + r0),
                c => c,
            };
            self.phrases.push((p, t));
        }
    }

    /// The country part of a code (`RUS` in `RUSGOV`), when it starts with a
    /// known country code.
    pub fn country_of<'a>(&self, code: &'a str) -> Option<&'a str> {
        let prefix = code.get(0..3)?;
        self.countries.contains(prefix).then_some(prefix)
    }
}

/// What an actor's dictionary entry says about a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOnDate {
    pub code: Option<String>,
    /// The office held then, or the last one held ("former …").
    pub title: Option<String>,
    /// True when the actor held no listed role on the date but did before.
    pub former: bool,
}

impl Actor {
    /// The actor's code on `date`: the first dated role that covers it, else
    /// the fallback.
    pub fn code_on(&self, date: NaiveDate, dict: &Dictionary) -> CodeOnDate {
        if let Some(c) = self
            .codes
            .iter()
            .find(|c| c.range.is_restricted() && c.range.contains(date))
        {
            return CodeOnDate {
                code: c.code.clone(),
                title: c.title.clone(),
                former: false,
            };
        }
        if let Some(c) = self.codes.iter().find(|c| !c.range.is_restricted()) {
            return CodeOnDate {
                code: c.code.clone(),
                title: c.title.clone(),
                former: false,
            };
        }
        let nearest = self
            .codes
            .iter()
            .filter(|c| c.code.is_some())
            .min_by_key(|c| c.range.distance_days(date));
        let past = self
            .codes
            .iter()
            .filter(|c| c.range.to.is_some_and(|t| t < date))
            .max_by_key(|c| c.range.to);
        let former = past.is_some();
        let title = past.and_then(|c| c.title.as_ref().map(|t| format!("former {t}")));
        let code = match &self.fallback {
            Fallback::Code(c) => Some(c.clone()),
            Fallback::Null => None,
            Fallback::Eli => nearest
                .and_then(|c| c.code.as_deref())
                .and_then(|c| dict.country_of(c).or_else(|| c.get(0..3)))
                .map(|country| format!("{country}ELI")),
        };
        CodeOnDate {
            code,
            title,
            former,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_range;

    fn date(s: &str) -> NaiveDate {
        crate::dates::parse_partial(s, false).expect("test date")
    }

    #[test]
    fn dated_roles_select_the_code_and_former_officials_become_eli() {
        let mut dict = Dictionary::default();
        dict.countries.insert("USA".into());
        let flynn = Actor {
            name: "Michael Flynn".into(),
            kind: ActorKind::Person,
            codes: vec![DatedCode {
                code: Some("USAGOV".into()),
                range: parse_range("2017-01-22..2017-02-13").expect("range"),
                title: Some("National Security Adviser".into()),
            }],
            fallback: Fallback::Eli,
            sex: Some(Sex::Male),
            short_forms: vec!["Flynn".into()],
        };
        let during = flynn.code_on(date("2017-02-01"), &dict);
        assert_eq!(during.code.as_deref(), Some("USAGOV"));
        assert!(!during.former);
        let after = flynn.code_on(date("2017-05-12"), &dict);
        assert_eq!(after.code.as_deref(), Some("USAELI"));
        assert!(after.former);
        assert_eq!(
            after.title.as_deref(),
            Some("former National Security Adviser")
        );
    }
}
