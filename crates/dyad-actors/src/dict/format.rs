//! Parsers for dyad's own dictionary files (`data/actors/*.txt`; the format
//! is documented in `data/actors/README.md`).
//!
//! Every parser is lenient line by line: a bad line is reported as
//! `file:line: message` in a [`LoadReport`] and skipped, the rest loads.

use super::{
    Actor, ActorKind, Cue, DatedCode, Dictionary, Fallback, Form, Role, RoleCode, RoleKind, Sex,
};
use crate::dates::parse_range;

/// Problems met while loading (one line each).
#[derive(Debug, Clone, Default)]
pub struct LoadReport {
    pub errors: Vec<String>,
}

impl LoadReport {
    fn bad(&mut self, file: &str, line: usize, message: impl std::fmt::Display) {
        self.errors.push(format!("{file}:{line}: {message}"));
    }
}

/// Which of our formats a file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileFormat {
    Countries,
    Organisations,
    Roles,
    Cues,
    /// People and other named actors with dated codes (also what the
    /// TABARI importer writes for actor dictionaries).
    Actors,
}

impl FileFormat {
    /// Guess from a file name: `countries`, `organisations`, `roles`, `cues`
    /// in the name select that format; anything else is an actors file.
    pub fn from_name(name: &str) -> Self {
        let lower = name.to_ascii_lowercase();
        let base = lower.rsplit(['/', '\\']).next().unwrap_or(&lower);
        if base.contains("countries") {
            FileFormat::Countries
        } else if base.contains("organisations") || base.contains("organizations") {
            FileFormat::Organisations
        } else if base.contains("roles") || base.contains("agents") {
            FileFormat::Roles
        } else if base.contains("cues") {
            FileFormat::Cues
        } else {
            FileFormat::Actors
        }
    }
}

/// Parse one file of the given format into `dict`.
pub fn parse(
    format: FileFormat,
    file: &str,
    text: &str,
    dict: &mut Dictionary,
    report: &mut LoadReport,
) {
    match format {
        FileFormat::Countries => parse_countries(file, text, dict, report),
        FileFormat::Organisations => parse_organisations(file, text, dict, report),
        FileFormat::Roles => parse_roles(file, text, dict, report),
        FileFormat::Cues => parse_cues(file, text, dict, report),
        FileFormat::Actors => parse_actors(file, text, dict, report),
    }
}

/// Lines that carry content: (1-based number, line without its comment).
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines().enumerate().filter_map(|(i, line)| {
        let line = match line.find('#') {
            Some(p) => line.get(..p).unwrap_or(""),
            None => line,
        };
        (!line.trim().is_empty()).then_some((i + 1, line.trim_end()))
    })
}

/// Split a comma-separated list; `\,` is a comma inside an item.
fn list(field: &str) -> impl Iterator<Item = String> + '_ {
    let mut items = Vec::new();
    let mut cur = String::new();
    let mut chars = field.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&',') => {
                cur.push(',');
                chars.next();
            }
            ',' => items.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    items.push(cur);
    items
        .into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Escape a list item for writing (`,` → `\,`).
pub fn escape_item(s: &str) -> String {
    s.replace(',', "\\,")
}

/// A CAMEO-style code: 3+ characters, uppercase letters and digits.
pub fn valid_code(code: &str) -> bool {
    code.len() >= 3
        && code
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

fn parse_countries(file: &str, text: &str, dict: &mut Dictionary, report: &mut LoadReport) {
    for (n, line) in content_lines(text) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let [code, names, adjectives, capitals] = fields.as_slice() else {
            report.bad(file, n, "expected CODE | names | adjectives | capitals");
            continue;
        };
        if !valid_code(code) {
            report.bad(file, n, format!("bad code {code:?}"));
            continue;
        }
        let Some(first) = list(names).next() else {
            report.bad(file, n, "a country needs at least one name");
            continue;
        };
        let mut phrases: Vec<(String, Form)> = list(names).map(|s| (s, Form::Name)).collect();
        phrases.extend(list(adjectives).map(|s| (s, Form::Adjective)));
        phrases.extend(list(capitals).map(|s| (s, Form::Capital)));
        dict.add_actor(
            Actor {
                name: first.to_string(),
                kind: ActorKind::Country,
                codes: Vec::new(),
                fallback: Fallback::Code(code.to_string()),
                sex: None,
                short_forms: Vec::new(),
            },
            &phrases,
        );
    }
}

fn parse_organisations(file: &str, text: &str, dict: &mut Dictionary, report: &mut LoadReport) {
    for (n, line) in content_lines(text) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let [code, kind, names] = fields.as_slice() else {
            report.bad(file, n, "expected CODE | KIND | names");
            continue;
        };
        if !valid_code(code) {
            report.bad(file, n, format!("bad code {code:?}"));
            continue;
        }
        let kind = match *kind {
            "seat" => ActorKind::Seat,
            "org" => ActorKind::Organization,
            other => {
                report.bad(file, n, format!("unknown kind {other:?} (seat or org)"));
                continue;
            }
        };
        let Some(first) = list(names).next() else {
            report.bad(file, n, "no names");
            continue;
        };
        let phrases: Vec<(String, Form)> = list(names).map(|s| (s, Form::Name)).collect();
        dict.add_actor(
            Actor {
                name: first.to_string(),
                kind,
                codes: Vec::new(),
                fallback: Fallback::Code(code.to_string()),
                sex: None,
                short_forms: Vec::new(),
            },
            &phrases,
        );
    }
}

/// Parse a role code column: `GOV`, `~GOV` (suffix), `NGO~` (prefix), `-`.
pub fn parse_role_code(s: &str) -> Option<RoleCode> {
    if s == "-" {
        return Some(RoleCode::Generic);
    }
    if let Some(c) = s.strip_suffix('~') {
        return valid_code(c).then(|| RoleCode::Prefix(c.to_string()));
    }
    let c = s.strip_prefix('~').unwrap_or(s);
    valid_code(c).then(|| RoleCode::Suffix(c.to_string()))
}

/// The regular English plural of a phrase's last word (TABARI's rules plus
/// `-man` → `-men`).
pub fn regular_plural(phrase: &str) -> String {
    let lower = phrase.to_ascii_lowercase();
    if lower.ends_with("man") {
        return format!("{}en", phrase.get(..phrase.len() - 2).unwrap_or(phrase));
    }
    if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        return format!("{}ies", phrase.get(..phrase.len() - 1).unwrap_or(phrase));
    }
    if lower.ends_with('s')
        || lower.ends_with("sh")
        || lower.ends_with("ch")
        || lower.ends_with('x')
    {
        return format!("{phrase}es");
    }
    format!("{phrase}s")
}

/// Split `phrase {plural}` into the phrase and its explicit plural
/// (`Some("")` for `{}`: no plural).
pub fn split_plural(item: &str) -> (String, Option<String>) {
    if let Some(open) = item.find('{') {
        let phrase = item.get(..open).unwrap_or("").trim().to_string();
        let rest = item.get(open + 1..).unwrap_or("");
        let plural = rest.split('}').next().unwrap_or("").trim().to_string();
        (phrase, Some(plural))
    } else {
        (item.trim().to_string(), None)
    }
}

fn parse_roles(file: &str, text: &str, dict: &mut Dictionary, report: &mut LoadReport) {
    for (n, line) in content_lines(text) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let [code, kind, phrases] = fields.as_slice() else {
            report.bad(file, n, "expected CODE | KIND | phrases");
            continue;
        };
        let Some(code) = parse_role_code(code) else {
            report.bad(file, n, format!("bad role code {code:?}"));
            continue;
        };
        let kind = match *kind {
            "person" => RoleKind::Person,
            "org" => RoleKind::Org,
            other => {
                report.bad(file, n, format!("unknown kind {other:?} (person or org)"));
                continue;
            }
        };
        for item in list(phrases) {
            let (phrase, plural) = split_plural(&item);
            if phrase.is_empty() {
                report.bad(file, n, "empty phrase");
                continue;
            }
            let plural = match plural {
                Some(p) if p.is_empty() => None,
                Some(p) => Some(p),
                None => Some(regular_plural(&phrase)),
            };
            if let Some(p) = plural {
                dict.add_role(Role {
                    phrase: p,
                    code: code.clone(),
                    kind,
                    plural: true,
                });
            }
            dict.add_role(Role {
                phrase,
                code: code.clone(),
                kind,
                plural: false,
            });
        }
    }
}

fn parse_cues(file: &str, text: &str, dict: &mut Dictionary, report: &mut LoadReport) {
    for (n, line) in content_lines(text) {
        let Some((kind, words)) = line.split_once('|') else {
            report.bad(file, n, "expected KIND | words");
            continue;
        };
        let Some(cue) = Cue::parse(kind.trim()) else {
            report.bad(file, n, format!("unknown cue kind {:?}", kind.trim()));
            continue;
        };
        for w in list(words) {
            dict.add_cue(&w, cue);
        }
    }
}

/// An actor being read (person line seen, role lines pending).
struct Pending {
    actor: Actor,
    names: Vec<(String, Form)>,
}

fn flush(pending: &mut Option<Pending>, dict: &mut Dictionary) {
    if let Some(p) = pending.take() {
        dict.add_actor(p.actor, &p.names);
    }
}

fn parse_actors(file: &str, text: &str, dict: &mut Dictionary, report: &mut LoadReport) {
    let mut pending: Option<Pending> = None;
    for (n, line) in content_lines(text) {
        if line.starts_with([' ', '\t']) {
            let Some(p) = pending.as_mut() else {
                report.bad(file, n, "role line before any actor line");
                continue;
            };
            if let Err(msg) = parse_role_line(line.trim(), &mut p.actor) {
                report.bad(file, n, msg);
            }
            continue;
        }
        flush(&mut pending, dict);
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let name = fields.first().copied().unwrap_or("");
        if name.is_empty() || fields.len() > 5 {
            report.bad(
                file,
                n,
                "expected Name | aliases | short forms | sex | kind",
            );
            continue;
        }
        let sex = match fields.get(3).copied().unwrap_or("") {
            "m" => Some(Sex::Male),
            "f" => Some(Sex::Female),
            "" => None,
            other => {
                report.bad(file, n, format!("sex must be m, f or empty, not {other:?}"));
                continue;
            }
        };
        let Some(kind) = ActorKind::parse(fields.get(4).copied().unwrap_or("")) else {
            report.bad(
                file,
                n,
                "unknown kind (person, org, seat, country, location)",
            );
            continue;
        };
        let mut names = vec![(name.to_string(), Form::Name)];
        names.extend(list(fields.get(1).copied().unwrap_or("")).map(|a| (a, Form::Name)));
        let mut short_forms: Vec<String> = list(fields.get(2).copied().unwrap_or("")).collect();
        if short_forms.is_empty() && kind == ActorKind::Person {
            if let Some(last) = name.split_whitespace().last() {
                if last != name {
                    short_forms.push(last.to_string());
                }
            }
        }
        pending = Some(Pending {
            actor: Actor {
                name: name.to_string(),
                kind,
                codes: Vec::new(),
                fallback: Fallback::Eli,
                sex,
                short_forms,
            },
            names,
        });
    }
    flush(&mut pending, dict);
}

/// `CODE FROM..TO title` or `else CODE` (`else -`: no code).
fn parse_role_line(line: &str, actor: &mut Actor) -> Result<(), String> {
    let mut parts = line.splitn(3, char::is_whitespace);
    let first = parts.next().unwrap_or("");
    if first == "else" {
        let code = parts.next().unwrap_or("").trim();
        actor.fallback = if code == "-" {
            Fallback::Null
        } else if valid_code(code) {
            Fallback::Code(code.to_string())
        } else {
            return Err(format!("bad code {code:?}"));
        };
        return Ok(());
    }
    let code = if first == "-" {
        None
    } else if valid_code(first) {
        Some(first.to_string())
    } else {
        return Err(format!("bad code {first:?}"));
    };
    let range_text = parts.next().unwrap_or("").trim();
    let range = parse_range(range_text)
        .ok_or_else(|| format!("bad date range {range_text:?} (YYYY-MM-DD..YYYY-MM-DD)"))?;
    let title = parts
        .next()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string);
    actor.codes.push(DatedCode { code, range, title });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_follow_the_regular_rules() {
        assert_eq!(regular_plural("spokesman"), "spokesmen");
        assert_eq!(regular_plural("secretary"), "secretaries");
        assert_eq!(regular_plural("attorney"), "attorneys");
        assert_eq!(regular_plural("press secretary"), "press secretaries");
        assert_eq!(regular_plural("official"), "officials");
        assert_eq!(regular_plural("boss"), "bosses");
    }

    #[test]
    fn actors_file_reads_dated_roles_and_reports_bad_lines() {
        let text = "Jane Roe | J. Roe | Roe | f\n    USAGOV 2001-01-20..2005 Ambassador\n    else USAELI\nBad | x | y | q\n    USAGOV 20x1..\nJohn Doe\n    usagov 2001..\n";
        let mut dict = Dictionary::default();
        let mut report = LoadReport::default();
        parse(FileFormat::Actors, "t.txt", text, &mut dict, &mut report);
        assert_eq!(dict.actors.len(), 2, "{:?}", report.errors);
        assert_eq!(report.errors.len(), 3, "{:?}", report.errors);
        assert!(report.errors[2].starts_with("t.txt:7:"));
        assert!(report.errors[0].starts_with("t.txt:4:"));
        let roe = &dict.actors[0];
        assert_eq!(roe.codes.len(), 1);
        assert_eq!(roe.fallback, Fallback::Code("USAELI".into()));
        assert_eq!(roe.short_forms, vec!["Roe".to_string()]);
        assert_eq!(dict.actors[1].short_forms, vec!["Doe".to_string()]);
    }
}
