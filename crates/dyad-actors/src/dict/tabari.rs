//! Reading TABARI / PETRARCH actor and agent dictionaries (TABARI 0.8.4b2
//! manual §5; PETRARCH-2 dictionary docs), and writing what was read in
//! dyad's own format.
//!
//! Actors: `PHRASE [CODE]`, `+SYNONYM`, and date restrictions either on the
//! phrase line or on following indented lines: `[RUSGOV >080508]`,
//! `[USAGOV 20170201-20180331]`, `[AFGELI <730717]`; an unrestricted code is
//! the default. Agents: `PHRASE {PLURAL} [~GOV]` or `[NGO~]`, with
//! `!PERSON! = MAN, MEN, …` substitution sets. Phrases are uppercase with `_`
//! between words; we write them in title case, which in dyad means "each
//! capitalised word must be capitalised in the text".
//!
//! Files in TABARI's own dialect (`.actors`, `.agents`; see
//! [`super::tabari_phrase::Dialect`]) are read with [`super::tabari_raw`]'s
//! reader and keep TABARI's phrase semantics: stems, `_` and `=` endings,
//! any case ([`super::tabari_phrase`]), and the special codes `###`, `+++`
//! and coded compounds `A/B` as written.

use super::format::{escape_item, parse_role_code, LoadReport};
use super::tabari_phrase::{tabari_phrases, Dialect};
use super::tabari_raw::{read_actors, read_agents, RawActor};
use super::{Actor, ActorKind, DatedCode, Dictionary, Fallback, Form, Role, RoleCode, RoleKind};
use crate::dates::{parse_tabari_restriction, DateRange};

/// Counts from an import.
#[derive(Debug, Clone, Default)]
pub struct ImportReport {
    pub load: LoadReport,
    /// Actor groups (primary phrase + synonyms) read.
    pub actors: usize,
    /// Agent phrases read (before plural generation).
    pub agents: usize,
    /// Actor groups without any code (TABARI null code), skipped.
    pub uncoded: usize,
}

const FUNCTION_WORDS: &[&str] = &[
    "of", "the", "and", "for", "de", "del", "della", "di", "da", "do", "dos", "du", "des", "la",
    "le", "von", "van", "der", "den", "in", "on", "at", "to", "bin", "ibn", "al", "el", "y",
];

/// Turn a TABARI phrase (`VLADIMIR_PUTIN_`) into dyad text (`Vladimir Putin`).
pub fn phrase_to_text(phrase: &str) -> String {
    let words: Vec<&str> = phrase.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let lower = w.to_lowercase();
        if i > 0 && FUNCTION_WORDS.contains(&lower.as_str()) {
            out.push(lower);
            continue;
        }
        out.push(title_word(w));
    }
    out.join(" ")
}

/// `PUTIN` → `Putin`, `AL-QAEDA` → `Al-Qaeda`, `U.N.` stays `U.N.`.
fn title_word(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut start = true;
    for c in w.chars() {
        if c.is_alphanumeric() {
            if start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            start = false;
        } else {
            out.push(c);
            start = matches!(c, '-' | '.' | '\'' | '(');
        }
    }
    out
}

/// Remove `#` and `;` comments.
fn strip_comment(line: &str) -> &str {
    let cut = line.find(['#', ';']).unwrap_or(line.len());
    line.get(..cut).unwrap_or(line)
}

/// Split off every `[...]` block (a `}` also closes one: Phoenix has `[~LEG}`).
fn code_blocks(line: &str) -> (String, Vec<String>) {
    let mut phrase = String::new();
    let mut blocks = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        phrase.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after.find([']', '}']).unwrap_or(after.len());
        blocks.push(after.get(..close).unwrap_or("").trim().to_string());
        rest = after.get(close + 1..).unwrap_or("");
    }
    phrase.push_str(rest);
    (phrase.trim().to_string(), blocks)
}

/// One code block: `CODE`, `CODE >080508`, `CODE 940922-040712`, `---`.
fn parse_block(block: &str) -> Result<DatedCode, String> {
    let mut parts = block.splitn(2, char::is_whitespace);
    let code = parts.next().unwrap_or("").trim();
    let restriction = parts.next().unwrap_or("").trim();
    let code = if code.is_empty() || code.chars().all(|c| c == '-') {
        None
    } else if code
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        Some(code.to_string())
    } else {
        return Err(format!("bad code {code:?}"));
    };
    let range = if restriction.is_empty() {
        DateRange::default()
    } else {
        parse_tabari_restriction(restriction)
            .ok_or_else(|| format!("bad date restriction {restriction:?}"))?
    };
    Ok(DatedCode {
        code,
        range,
        title: None,
    })
}

struct Group {
    phrases: Vec<String>,
    codes: Vec<DatedCode>,
    person_hint: bool,
}

fn finish(group: Option<Group>, dict: &mut Dictionary, report: &mut ImportReport) {
    let Some(g) = group else { return };
    report.actors += 1;
    let Some(first) = g.phrases.first() else {
        return;
    };
    if g.codes.iter().all(|c| c.code.is_none()) {
        report.uncoded += 1;
        return;
    }
    let (restricted, defaults): (Vec<DatedCode>, Vec<DatedCode>) =
        g.codes.into_iter().partition(|c| c.range.is_restricted());
    let fallback = match defaults.into_iter().next_back() {
        Some(DatedCode { code: Some(c), .. }) => Fallback::Code(c),
        _ => Fallback::Null,
    };
    let name = phrase_to_text(first);
    let single_code = match (&fallback, restricted.is_empty()) {
        (Fallback::Code(c), true) => Some(c.as_str()),
        _ => None,
    };
    let kind = if !restricted.is_empty() || g.person_hint {
        ActorKind::Person
    } else if single_code.is_some_and(|c| c.len() == 3) {
        ActorKind::Country
    } else {
        ActorKind::Organization
    };
    let names: Vec<(String, Form)> = g
        .phrases
        .iter()
        .map(|p| (phrase_to_text(p), Form::Name))
        .filter(|(p, _)| !p.is_empty())
        .collect();
    add_imported(dict, name, kind, restricted, fallback, &names);
}

/// Add an imported actor (no sex; a person's short forms derived from
/// `name`) under its `names`.
fn add_imported(
    dict: &mut Dictionary,
    name: String,
    kind: ActorKind,
    codes: Vec<DatedCode>,
    fallback: Fallback,
    names: &[(String, Form)],
) {
    let short_forms = person_short_forms(kind, &name);
    dict.add_actor(
        Actor {
            name,
            kind,
            codes,
            fallback,
            sex: None,
            short_forms,
        },
        names,
    );
}

/// Read a TABARI/PETRARCH `.actors` file into `dict`.
pub fn parse_actors(file: &str, text: &str, dict: &mut Dictionary, report: &mut ImportReport) {
    let mut group: Option<Group> = None;
    let mut in_section = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("<!--") {
            continue;
        }
        if trimmed.starts_with('<') {
            // <NOUN>…</NOUN>, <ADJECTIVE>…</ADJECTIVE>: uncoded word lists.
            in_section = !trimmed.starts_with("</");
            continue;
        }
        if in_section {
            continue;
        }
        let person_hint = raw.contains("CountryInfo");
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let indented = line.starts_with([' ', '\t']);
        let (phrase, blocks) = code_blocks(line);
        let mut codes = Vec::new();
        for b in &blocks {
            match parse_block(b) {
                Ok(c) => codes.push(c),
                Err(msg) => report.load.errors.push(format!("{file}:{n}: {msg}")),
            }
        }
        if indented && phrase.is_empty() {
            match group.as_mut() {
                Some(g) => g.codes.extend(codes),
                None => report
                    .load
                    .errors
                    .push(format!("{file}:{n}: code line before any actor")),
            }
            continue;
        }
        if let Some(syn) = phrase.strip_prefix('+') {
            match group.as_mut() {
                Some(g) => {
                    g.phrases.push(syn.trim().to_string());
                    g.codes.extend(codes);
                    g.person_hint |= person_hint;
                }
                None => report
                    .load
                    .errors
                    .push(format!("{file}:{n}: synonym before any actor")),
            }
            continue;
        }
        if phrase.is_empty() {
            report
                .load
                .errors
                .push(format!("{file}:{n}: no phrase on this line"));
            continue;
        }
        finish(group.take(), dict, report);
        group = Some(Group {
            phrases: vec![phrase],
            codes,
            person_hint,
        });
    }
    finish(group.take(), dict, report);
}

/// Read a `.actors` file of either dialect into `dict`.
pub fn parse_actors_in(
    dialect: Dialect,
    file: &str,
    text: &str,
    dict: &mut Dictionary,
    report: &mut ImportReport,
) {
    match dialect {
        Dialect::Petrarch => parse_actors(file, text, dict, report),
        Dialect::Tabari => {
            let raw = read_actors(file, text);
            report.load.errors.extend(raw.errors);
            for a in raw.actors {
                report.actors += 1;
                add_tabari_actor(a, dict, report);
            }
        }
    }
}

/// One actor group read in TABARI's dialect, with TABARI's phrase rules.
fn add_tabari_actor(a: RawActor, dict: &mut Dictionary, report: &mut ImportReport) {
    let Some(first) = a.phrases.first() else {
        return;
    };
    let code = |c: &str| (c != "---").then(|| c.to_string());
    let restricted: Vec<DatedCode> = a
        .codes
        .iter()
        .filter(|c| c.range.is_restricted())
        .map(|c| DatedCode {
            code: code(&c.code),
            range: c.range,
            title: None,
        })
        .collect();
    // TABARI's default is the last unrestricted code; none is the null code
    let fallback = match a.codes.iter().rev().find(|c| !c.range.is_restricted()) {
        Some(c) => code(&c.code).map_or(Fallback::Null, Fallback::Code),
        None => Fallback::Null,
    };
    if fallback == Fallback::Null && restricted.iter().all(|c| c.code.is_none()) {
        report.uncoded += 1;
        return;
    }
    let kind = match &fallback {
        _ if !restricted.is_empty() => ActorKind::Person,
        Fallback::Code(c) if c.len() == 3 && c.bytes().all(|b| b.is_ascii_alphabetic()) => {
            ActorKind::Country
        }
        _ => ActorKind::Organization,
    };
    let name = phrase_to_text(first.trim_end_matches('='));
    let names: Vec<(String, Form)> = a
        .phrases
        .iter()
        .flat_map(|p| tabari_phrases(p))
        .map(|(p, _)| (p, Form::Name))
        .collect();
    add_imported(dict, name, kind, restricted, fallback, &names);
}

/// Read a `.agents` file of either dialect into `dict`.
pub fn parse_agents_in(
    dialect: Dialect,
    file: &str,
    text: &str,
    dict: &mut Dictionary,
    report: &mut ImportReport,
) {
    if dialect == Dialect::Petrarch {
        parse_agents(file, text, dict, report);
        return;
    }
    let (agents, errors) = read_agents(file, text);
    report.load.errors.extend(errors);
    for agent in agents {
        report.agents += 1;
        let code = if agent.suffix {
            RoleCode::Suffix(agent.code.clone())
        } else {
            RoleCode::Prefix(agent.code.clone())
        };
        let words: Vec<&str> = agent
            .phrase
            .split(['_', ' '])
            .filter(|w| !w.is_empty())
            .collect();
        let kind = role_kind(&words);
        for (phrase, plural) in tabari_phrases(&agent.phrase) {
            dict.add_role(Role {
                phrase,
                code: code.clone(),
                kind,
                plural,
            });
        }
        // a noun (`_`) agent also takes its English plural ("authorities")
        if let Some(stem) = agent.phrase.trim_end().strip_suffix('_') {
            let english = tabari_plural(stem).to_lowercase().replace('_', " ");
            if english != format!("{}s", stem.to_lowercase().replace('_', " ")) {
                dict.add_role(Role {
                    phrase: english,
                    code,
                    kind,
                    plural: true,
                });
            }
        }
    }
}

/// Person or body, from an agent phrase's head word.
fn role_kind(words: &[&str]) -> RoleKind {
    if words
        .last()
        .is_some_and(|w| ORG_HEADS.contains(&w.to_ascii_uppercase().as_str()))
    {
        RoleKind::Org
    } else {
        RoleKind::Person
    }
}

/// Words that make an agent phrase name a body rather than a person.
const ORG_HEADS: &[&str] = &[
    "MINISTRY",
    "MINISTRIES",
    "GOVERNMENT",
    "ARMY",
    "ARMIES",
    "POLICE",
    "FORCE",
    "FORCES",
    "PARLIAMENT",
    "COURT",
    "COURTS",
    "PARTY",
    "PARTIES",
    "AGENCY",
    "AGENCIES",
    "COMMITTEE",
    "COUNCIL",
    "COMPANY",
    "COMPANIES",
    "FIRM",
    "BANK",
    "UNION",
    "NAVY",
    "MILITARY",
    "CABINET",
    "ADMINISTRATION",
    "DEPARTMENT",
    "LEGISLATURE",
    "ASSEMBLY",
    "CONGRESS",
    "SENATE",
    "MEDIA",
    "NEWSPAPER",
    "CHURCH",
    "UNIVERSITY",
    "SCHOOL",
    "GROUP",
    "ORGANIZATION",
    "ORGANISATION",
    "REGIME",
    "OPPOSITION",
    "JUNTA",
    "MILITIA",
    "BUREAU",
    "OFFICE",
    "EMBASSY",
];

fn tabari_plural(phrase: &str) -> String {
    if let Some(stem) = phrase.strip_suffix('Y') {
        format!("{stem}IES")
    } else if phrase.ends_with("SS") {
        format!("{phrase}ES")
    } else {
        format!("{phrase}S")
    }
}

/// Read a TABARI/PETRARCH `.agents` file into `dict`.
pub fn parse_agents(file: &str, text: &str, dict: &mut Dictionary, report: &mut ImportReport) {
    let mut sets: Vec<(String, Vec<String>)> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let trimmed = raw.trim();
        if trimmed.starts_with("<!--") || trimmed.starts_with('<') {
            continue;
        }
        let line = strip_comment(raw).trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with('!') {
            if let Some((marker, items)) = line.split_once('=') {
                let items = items
                    .split(',')
                    .map(|s| s.trim().to_string())
                    .filter(|s| !s.is_empty())
                    .collect();
                sets.push((marker.trim().to_string(), items));
                continue;
            }
        }
        let (head, blocks) = code_blocks(line);
        let Some(block) = blocks.first() else {
            report
                .load
                .errors
                .push(format!("{file}:{n}: agent without a [code]"));
            continue;
        };
        let Some(code) = parse_role_code(block.trim()) else {
            report
                .load
                .errors
                .push(format!("{file}:{n}: bad agent code {block:?}"));
            continue;
        };
        let (phrase, plural) = super::format::split_plural(&head);
        if phrase.is_empty() {
            report
                .load
                .errors
                .push(format!("{file}:{n}: agent without a phrase"));
            continue;
        }
        report.agents += 1;
        // Expand substitution markers (no plurals are made for these).
        let mut forms: Vec<(String, bool)> = Vec::new();
        if let Some((marker, items)) = sets.iter().find(|(m, _)| phrase.contains(m.as_str())) {
            for item in items {
                forms.push((phrase.replace(marker.as_str(), item), false));
            }
        } else {
            forms.push((phrase.clone(), false));
            match plural {
                Some(p) if p.is_empty() => {}
                Some(p) => forms.push((p, true)),
                None => forms.push((tabari_plural(phrase.trim_end_matches('_')), true)),
            }
        }
        for (form, is_plural) in forms {
            let words: Vec<&str> = form.split(['_', ' ']).filter(|w| !w.is_empty()).collect();
            if words.is_empty() {
                continue;
            }
            let kind = if words
                .last()
                .is_some_and(|w| ORG_HEADS.contains(&w.to_ascii_uppercase().as_str()))
            {
                RoleKind::Org
            } else {
                RoleKind::Person
            };
            dict.add_role(Role {
                phrase: words.join(" ").to_lowercase(),
                code: code.clone(),
                kind,
                plural: is_plural,
            });
        }
    }
}

/// Write the actors of `dict` in dyad's actors format.
pub fn write_actors(dict: &Dictionary, header: &str) -> String {
    let mut out = format!("{} actors\n", crate::FORMAT_MARKER);
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("# Format: Name | aliases | short forms | sex | kind, then indented `CODE FROM..TO` lines and `else CODE` (see data/actors/README.md).\n");
    let mut names_of: Vec<Vec<&str>> = vec![Vec::new(); dict.actors.len()];
    for (p, t) in &dict.phrases {
        if let super::Target::Actor(id, _) = t {
            if let Some(v) = names_of.get_mut(*id as usize) {
                v.push(p.as_str());
            }
        }
    }
    for (actor, names) in dict.actors.iter().zip(names_of) {
        if actor.name.contains('|') || actor.name.trim().is_empty() {
            continue;
        }
        let aliases: Vec<String> = names
            .into_iter()
            .filter(|n| *n != actor.name && !n.contains('|'))
            .map(escape_item)
            .collect();
        let short: Vec<String> = actor.short_forms.iter().map(|s| escape_item(s)).collect();
        out.push_str(&format!(
            "{} | {} | {} | | {}\n",
            actor.name,
            aliases.join(", "),
            short.join(", "),
            actor.kind.as_str()
        ));
        for c in &actor.codes {
            out.push_str(&format!(
                "    {} {}\n",
                c.code.as_deref().unwrap_or("-"),
                c.range.to_dyad()
            ));
        }
        match &actor.fallback {
            Fallback::Code(c) => out.push_str(&format!("    else {c}\n")),
            Fallback::Null => out.push_str("    else -\n"),
            Fallback::Eli => {}
        }
    }
    out
}

/// Write the roles of `dict` in dyad's roles format (each form listed, with
/// `{}` so that no further plural is generated).
pub fn write_roles(dict: &Dictionary, header: &str) -> String {
    let mut out = format!("{} roles\n", crate::FORMAT_MARKER);
    for line in header.lines() {
        out.push_str("# ");
        out.push_str(line);
        out.push('\n');
    }
    out.push_str("# Format: CODE | KIND | phrase {}, … (see data/actors/README.md).\n");
    for role in &dict.roles {
        if role.phrase.contains(['|', '{', '}']) {
            continue;
        }
        let code = match &role.code {
            RoleCode::Suffix(c) => c.clone(),
            RoleCode::Prefix(c) => format!("{c}~"),
            RoleCode::Generic => "-".to_string(),
        };
        let kind = match role.kind {
            RoleKind::Person => "person",
            RoleKind::Org => "org",
        };
        out.push_str(&format!(
            "{code} | {kind} | {} {{}}\n",
            escape_item(&role.phrase)
        ));
    }
    out
}

/// A person's surname as their short form ("Peskov" for "Dmitry Peskov");
/// none for other kinds or one-word names.
fn person_short_forms(kind: ActorKind, name: &str) -> Vec<String> {
    if kind != ActorKind::Person {
        return Vec::new();
    }
    name.split_whitespace()
        .last()
        .filter(|l| *l != name)
        .map(|l| vec![l.to_string()])
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_partial;

    const ACTORS: &str = "# test\nSERGEY_LAVROV_  # CountryInfo.txt\n+LAVROV\n+SERGEI_LAVROV\n\t[RUSGOV 19940922-20040712] # Amb. to UN\n\t[RUSGOV >20040309]\nKREMLIN_\n+RUSSIAN_WHITE_HOUSE\n\t[RUSGOV]\nBOUTROS-GHALI [EGY < 911231] [UNO > 920101]\nBROKEN_ [RUSGOV >08x508]\nU.N._\nAFGHANISTAN_  [AFG]\n+AFGHAN_\n";

    #[test]
    fn actors_with_dated_codes_are_read() {
        let mut dict = Dictionary::default();
        let mut report = ImportReport::default();
        parse_actors("a.txt", ACTORS, &mut dict, &mut report);
        assert_eq!(
            report.load.errors,
            vec!["a.txt:11: bad date restriction \">08x508\"".to_string()]
        );
        assert_eq!(
            report.uncoded, 2,
            "BROKEN_ lost its only code, U.N._ has none"
        );
        let names: Vec<&str> = dict.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(
            names,
            vec!["Sergey Lavrov", "Kremlin", "Boutros-Ghali", "Afghanistan"]
        );
        let lavrov = &dict.actors[0];
        assert_eq!(lavrov.kind, ActorKind::Person);
        let d = parse_partial("2017-05-12", false).expect("date");
        assert_eq!(lavrov.code_on(d, &dict).code.as_deref(), Some("RUSGOV"));
        assert_eq!(dict.actors[3].kind, ActorKind::Country);
        let bg = &dict.actors[2];
        let d91 = parse_partial("1991-06-01", false).expect("date");
        let d95 = parse_partial("1995-06-01", false).expect("date");
        assert_eq!(bg.code_on(d91, &dict).code.as_deref(), Some("EGY"));
        assert_eq!(bg.code_on(d95, &dict).code.as_deref(), Some("UNO"));
        assert!(dict.phrases.iter().any(|(p, _)| p == "Russian White House"));
    }

    #[test]
    fn agents_expand_plurals_and_substitutions() {
        let text = "!PERSON! = MAN, WOMAN\nCONGRESS!PERSON! [~LEG}\nFOREIGN_MINISTER [~GOVFRM]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]\nPOLICE {} [~COP]\nAID_WORKER [NGO~]\nNO_CODE\n";
        let mut dict = Dictionary::default();
        let mut report = ImportReport::default();
        parse_agents("g.txt", text, &mut dict, &mut report);
        assert_eq!(report.load.errors.len(), 1);
        let phrases: Vec<&str> = dict.roles.iter().map(|r| r.phrase.as_str()).collect();
        assert_eq!(
            phrases,
            vec![
                "congressman",
                "congresswoman",
                "foreign minister",
                "foreign ministers",
                "attorney general",
                "attorneys general",
                "police",
                "aid worker",
                "aid workers"
            ]
        );
        assert_eq!(dict.roles[7].code, RoleCode::Prefix("NGO".into()));
        assert_eq!(dict.roles[6].kind, RoleKind::Org);
    }

    #[test]
    fn written_files_load_back_the_same_codes() {
        let mut dict = Dictionary::default();
        let mut report = ImportReport::default();
        parse_actors("a.txt", ACTORS, &mut dict, &mut report);
        let text = write_actors(&dict, "imported from a.txt");
        let mut back = Dictionary::default();
        let mut lr = LoadReport::default();
        super::super::format::parse(
            super::super::format::FileFormat::Actors,
            "out.txt",
            &text,
            &mut back,
            &mut lr,
        );
        assert!(lr.errors.is_empty(), "{:?}\n{text}", lr.errors);
        assert_eq!(back.actors.len(), dict.actors.len());
        let d = parse_partial("2017-05-12", false).expect("date");
        for (a, b) in dict.actors.iter().zip(&back.actors) {
            assert_eq!(
                a.code_on(d, &dict).code,
                b.code_on(d, &back).code,
                "{}",
                a.name
            );
        }
    }
}
