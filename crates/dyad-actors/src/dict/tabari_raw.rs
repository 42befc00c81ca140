//! TABARI mode of the actors importer: reads `.actors` and `.agents` files
//! keeping TABARI's own matching semantics (stems, `_` exact words, `=`
//! no-ending words, the special codes `---` `###` `+++`, coded compounds
//! `A/B`, dated codes, `<NOUN>`/`<ADJECTIVE>` lists) for coders that must
//! reproduce TABARI exactly (the TABARI validation suite). The dyad-format
//! import ([`super::tabari`]) maps the same files onto dyad's recogniser.

use crate::dates::{parse_tabari_restriction, DateRange};

/// One code block of an actor: `[CODE]`, `[CODE <911226]`, `[---]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawCode {
    /// The code as written: `ARN`, `ELR/GAL`, `---`, `###`, `+++`.
    pub code: String,
    pub range: DateRange,
}

/// One actor group: a phrase, its `+` synonyms and its codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawActor {
    /// Phrases as written (`MINAS_TIRITH`, `AL GORE`, `MOUSE=`).
    pub phrases: Vec<String>,
    pub codes: Vec<RawCode>,
    /// Line of the first phrase.
    pub line: usize,
}

impl RawActor {
    /// The code that applies on `date`: the first satisfied restriction,
    /// else the unrestricted default, else the null code `---`.
    pub fn code_on(&self, date: Option<chrono::NaiveDate>) -> &str {
        if let Some(d) = date {
            if let Some(c) = self
                .codes
                .iter()
                .find(|c| c.range.is_restricted() && c.range.contains(d))
            {
                return &c.code;
            }
        }
        self.codes
            .iter()
            .rev()
            .find(|c| !c.range.is_restricted())
            .map(|c| c.code.as_str())
            .unwrap_or("---")
    }
}

/// An agent: `PHRASE [~GOV]` (suffix) or `[NGO~]` (prefix).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawAgent {
    pub phrase: String,
    pub code: String,
    /// True for `~CODE` (appended to the actor code).
    pub suffix: bool,
    pub line: usize,
}

/// Everything read from a TABARI actors file.
#[derive(Debug, Clone, Default)]
pub struct RawActors {
    pub actors: Vec<RawActor>,
    pub nouns: Vec<String>,
    pub adjectives: Vec<String>,
    /// One line per syntax error: `file:line: message`.
    pub errors: Vec<String>,
}

fn strip_comment(line: &str) -> &str {
    let cut = line.find(';').unwrap_or(line.len());
    line.get(..cut).unwrap_or(line)
}

/// Split `PHRASE [a] [b]` into the phrase and the blocks; `None` on an
/// unclosed `[`.
fn blocks(line: &str) -> Option<(String, Vec<String>)> {
    let mut phrase = String::new();
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        phrase.push_str(rest.get(..open).unwrap_or(""));
        let after = rest.get(open + 1..).unwrap_or("");
        let close = after.find(']')?;
        out.push(after.get(..close).unwrap_or("").trim().to_string());
        rest = after.get(close + 1..).unwrap_or("");
    }
    if rest.contains(']') {
        return None;
    }
    phrase.push_str(rest);
    Some((phrase.trim().to_string(), out))
}

fn is_special(code: &str) -> bool {
    let squeezed: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    matches!(squeezed.as_str(), "---" | "###" | "+++")
}

/// `CODE`, `CODE <d`, `CODE >d`, `CODE d-d`, `---`, `A/B`.
fn parse_block(block: &str) -> Result<RawCode, String> {
    if is_special(block) {
        return Ok(RawCode {
            code: block.chars().filter(|c| !c.is_whitespace()).collect(),
            range: DateRange::default(),
        });
    }
    let b = block.trim();
    let code_end = b
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>'))
        .unwrap_or(b.len());
    let code = b.get(..code_end).unwrap_or("");
    let restriction = b.get(code_end..).unwrap_or("").trim();
    let code_ok = !code.is_empty()
        && (is_special(code)
            || code
                .split('/')
                .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_alphanumeric())));
    if !code_ok {
        return Err(format!("bad code block [{block}]"));
    }
    let range = if restriction.is_empty() {
        DateRange::default()
    } else {
        parse_tabari_restriction(restriction)
            .ok_or_else(|| format!("bad date restriction in [{block}]"))?
    };
    Ok(RawCode {
        code: code.to_string(),
        range,
    })
}

/// Read a TABARI `.actors` file in TABARI mode.
pub fn read_actors(file: &str, text: &str) -> RawActors {
    let mut out = RawActors::default();
    let mut section: Option<bool> = None; // Some(true) nouns, Some(false) adjectives
    let mut group: Option<RawActor> = None;
    let finish = |g: Option<RawActor>, out: &mut RawActors| {
        if let Some(g) = g {
            if g.codes.is_empty() {
                out.errors
                    .push(format!("{file}:{}: actor without a [code]", g.line));
            } else {
                out.actors.push(g);
            }
        }
    };
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let t = raw.trim();
        if t.starts_with("~~") {
            break;
        }
        if t.is_empty() || t.starts_with('#') || t.starts_with('/') {
            continue;
        }
        let upper = t.to_ascii_uppercase();
        if upper.starts_with("</") {
            section = None;
            continue;
        }
        if upper.starts_with("<NOUN") {
            section = Some(true);
            continue;
        }
        if upper.starts_with("<ADJ") {
            section = Some(false);
            continue;
        }
        if let Some(nouns) = section {
            let w = strip_comment(t).trim().to_string();
            if !w.is_empty() {
                if nouns {
                    out.nouns.push(w);
                } else {
                    out.adjectives.push(w);
                }
            }
            continue;
        }
        let line = strip_comment(raw);
        if line.trim().is_empty() {
            continue;
        }
        let Some((phrase, bl)) = blocks(line) else {
            out.errors.push(format!("{file}:{n}: unbalanced [ ]"));
            continue;
        };
        let mut codes = Vec::new();
        for b in &bl {
            match parse_block(b) {
                Ok(c) => codes.push(c),
                Err(m) => out.errors.push(format!("{file}:{n}: {m}")),
            }
        }
        if phrase.is_empty() {
            match group.as_mut() {
                Some(g) if !bl.is_empty() => g.codes.extend(codes),
                _ => out
                    .errors
                    .push(format!("{file}:{n}: code line before any actor")),
            }
            continue;
        }
        if let Some(syn) = phrase.strip_prefix('+') {
            match group.as_mut() {
                Some(g) => {
                    g.phrases.push(syn.trim().replace('-', "_"));
                    g.codes.extend(codes);
                }
                None => out
                    .errors
                    .push(format!("{file}:{n}: synonym before any actor")),
            }
            continue;
        }
        if phrase.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
            out.errors.push(format!("{file}:{n}: phrase too short"));
            continue;
        }
        finish(group.take(), &mut out);
        group = Some(RawActor {
            phrases: vec![phrase.replace('-', "_")],
            codes,
            line: n,
        });
    }
    finish(group.take(), &mut out);
    out
}

/// Read a TABARI `.agents` file in TABARI mode; errors as `file:line: …`.
pub fn read_agents(file: &str, text: &str) -> (Vec<RawAgent>, Vec<String>) {
    let mut agents = Vec::new();
    let mut errors = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let t = raw.trim();
        if t.starts_with("~~") {
            break;
        }
        if t.is_empty() || t.starts_with('#') || t.starts_with('/') || t.starts_with('<') {
            continue;
        }
        let line = strip_comment(raw);
        let Some((phrase, bl)) = blocks(line) else {
            errors.push(format!("{file}:{n}: unbalanced [ ]"));
            continue;
        };
        let Some(block) = bl.first() else {
            errors.push(format!("{file}:{n}: agent without a [code]"));
            continue;
        };
        let code: String = block.chars().filter(|c| !c.is_whitespace()).collect();
        let (suffix, bare) = if let Some(c) = code.strip_prefix('~') {
            (true, c)
        } else if let Some(c) = code.strip_suffix('~') {
            (false, c)
        } else {
            errors.push(format!("{file}:{n}: agent code without the ~ connector"));
            continue;
        };
        if bare.is_empty() || !bare.bytes().all(|b| b.is_ascii_alphanumeric()) {
            errors.push(format!("{file}:{n}: bad agent code [{block}]"));
            continue;
        }
        if phrase.is_empty() {
            errors.push(format!("{file}:{n}: agent without a phrase"));
            continue;
        }
        agents.push(RawAgent {
            phrase: phrase.replace('-', "_"),
            code: bare.to_string(),
            suffix,
            line: n,
        });
    }
    (agents, errors)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn reads_groups_dated_and_special_codes() {
        let text = "<NOUN>\nGOATS\n</NOUN>\nNORLAND [NRL]\nBADLAND  [### <890101] [BAD]\n\
                    KING_OSWIN ; comment\n+OSWIN\n\t[NRLGOV 900101-951231]\n\t[NRLELI]\nXX [A-B]\nLAKE_TOWN [NRL/OST]\n";
        let r = read_actors("t.actors", text);
        assert_eq!(r.nouns, vec!["GOATS".to_string()]);
        assert_eq!(r.actors.len(), 4);
        assert_eq!(r.errors.len(), 2, "{:?}", r.errors);
        assert!(r.errors.iter().all(|e| e.starts_with("t.actors:")));
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd);
        let bad = &r.actors[1];
        assert_eq!(bad.code_on(d(1988, 1, 1)), "###");
        assert_eq!(bad.code_on(d(1995, 1, 1)), "BAD");
        let king = &r.actors[2];
        assert_eq!(king.phrases, vec!["KING_OSWIN", "OSWIN"]);
        assert_eq!(king.code_on(d(1993, 5, 1)), "NRLGOV");
        assert_eq!(king.code_on(d(1999, 5, 1)), "NRLELI");
        assert_eq!(r.actors[3].code_on(None), "NRL/OST");
    }

    #[test]
    fn reads_agents_with_prefix_and_suffix_codes() {
        let (a, e) = read_agents(
            "t.agents",
            "ENVOY_  [ ~GOV] ;x\nRIGHTS_GROUP_ [NGO~]\nBROKEN [GOV]\n",
        );
        assert_eq!(a.len(), 2);
        assert!(a[0].suffix && a[0].code == "GOV");
        assert!(!a[1].suffix && a[1].code == "NGO");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("t.agents:3:"));
    }
}
