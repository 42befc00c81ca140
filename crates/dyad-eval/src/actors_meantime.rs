//! Actors stage on MEANTIME (NewsReader, Wikinews; intra-document CAT XML):
//! recall of gold people whose mention includes a role.
//!
//! A gold person (an `ENTITY` with `ent_type="PER"`) counts when one of its
//! mentions extends a name mention of the same person with an office or
//! description ("Airbus chief executive Noel Forgeard" around "Noel
//! Forgeard"): the extra tokens must hold a word other than a determiner,
//! honorific or punctuation. The person is *found* when dyad outputs a person
//! entity with a mention overlapping the name; *titled* when that entity has
//! a title; its title *matches* when the title's words all occur in the gold
//! mention. The same is reported for every gold person with a name mention.
//! Each sentence becomes one paragraph of the rebuilt text; the creation
//! time (`functionInDocument="CREATION_TIME"`) is the publication date.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use dyad_actors::ActorTagger;
use dyad_core::{Document, EntityKind, Span};
use regex::Regex;
use serde::Serialize;

use crate::error::EvalError;
use crate::sentences::detokenize;

/// The report printed as one JSON line.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct ActorsMeantimeReport {
    pub task: &'static str,
    pub set: &'static str,
    pub docs: usize,
    /// Gold people with a mention that includes a role.
    pub people_with_role: usize,
    pub found: usize,
    pub recall: f64,
    pub titled: usize,
    pub recall_titled: f64,
    pub title_matches: usize,
    pub coded: usize,
    /// Gold people with any name mention.
    pub named_people: usize,
    pub named_found: usize,
    pub named_recall: f64,
    /// Gold role mentions whose person was not found or got no title (first 10).
    pub missed: Vec<String>,
}

struct Gold {
    text_doc: Document,
    /// (name span, mention text) of people with a role mention.
    with_role: Vec<(Span, String)>,
    /// Name spans of all named people.
    named: Vec<Span>,
}

struct Patterns {
    token: Regex,
    mention: Regex,
    anchor: Regex,
    entity: Regex,
    refers: Regex,
    source: Regex,
    target: Regex,
    timex: Regex,
}

impl Patterns {
    fn new() -> Self {
        let re = |s: &str| Regex::new(s).expect("valid MEANTIME regex");
        Patterns {
            token: re(r#"<token\s+([^>]*)>([^<]*)</token>"#),
            mention: re(r#"(?s)<ENTITY_MENTION\s+([^>]*)>(.*?)</ENTITY_MENTION>"#),
            anchor: re(r#"t_id="(\d+)""#),
            entity: re(r#"<ENTITY\s+([^>]*?)/?>"#),
            refers: re(r#"(?s)<REFERS_TO[^>]*>(.*?)</REFERS_TO>"#),
            source: re(r#"<source\s+m_id="(\d+)""#),
            target: re(r#"<target\s+m_id="(\d+)""#),
            timex: re(r#"<TIMEX3\s+([^>]*)>"#),
        }
    }
}

fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let padded_at = format!(" {attrs}").find(&key)?;
    let rest = attrs.get(padded_at + key.len() - 1..)?;
    rest.split('"').next()
}

fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

const NOT_A_ROLE: &[&str] = &[
    "the", "a", "an", "'s", "'", "mr", "mrs", "ms", "dr", "mr.", "mrs.", "ms.", "dr.", "and",
];

fn parse(xml: &str, path: &Path, p: &Patterns) -> Result<Gold, EvalError> {
    // Tokens, by t_id, grouped into sentences.
    let mut tokens: Vec<(u32, u32, String)> = Vec::new();
    for c in p.token.captures_iter(xml) {
        let attrs = c.get(1).map_or("", |m| m.as_str());
        let tid = attr(attrs, "t_id").and_then(|v| v.parse().ok());
        let sent = attr(attrs, "sentence").and_then(|v| v.parse().ok());
        let (Some(tid), Some(sent)) = (tid, sent) else {
            return Err(EvalError::format(path, format!("bad token: {attrs}")));
        };
        tokens.push((tid, sent, unescape(c.get(2).map_or("", |m| m.as_str()))));
    }
    if tokens.is_empty() {
        return Err(EvalError::format(path, "no <token> elements"));
    }
    let mut text = String::new();
    let mut spans: HashMap<u32, Span> = HashMap::new();
    let mut sentences = Vec::new();
    let mut i = 0;
    while let Some(&(_, sent, _)) = tokens.get(i) {
        let j = tokens
            .iter()
            .skip(i)
            .position(|t| t.1 != sent)
            .map_or(tokens.len(), |k| i + k);
        let part = tokens.get(i..j).unwrap_or(&[]);
        let d = detokenize(part.iter().map(|t| t.2.as_str()));
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        let base = text.len();
        for (k, t) in part.iter().enumerate() {
            let s = base + d.starts.get(k).copied().unwrap_or(0);
            let e = base
                + d.starts
                    .get(k + 1)
                    .copied()
                    .unwrap_or(d.text.len())
                    .min(d.starts.get(k).copied().unwrap_or(0) + t.2.len());
            spans.insert(t.0, Span::new(s, e.max(s)));
        }
        text.push_str(&d.text);
        sentences.push(Span::new(base, text.len()));
        i = j;
    }
    // Mentions: m_id -> (syntactic type, token ids).
    let mut mentions: HashMap<String, (String, Vec<u32>)> = HashMap::new();
    for c in p.mention.captures_iter(xml) {
        let attrs = c.get(1).map_or("", |m| m.as_str());
        let Some(mid) = attr(attrs, "m_id") else {
            continue;
        };
        let ty = attr(attrs, "syntactic_type").unwrap_or("").to_string();
        let ids: Vec<u32> = p
            .anchor
            .captures_iter(c.get(2).map_or("", |m| m.as_str()))
            .filter_map(|a| a.get(1)?.as_str().parse().ok())
            .collect();
        mentions.insert(mid.to_string(), (ty, ids));
    }
    let mut people: BTreeSet<String> = BTreeSet::new();
    for c in p.entity.captures_iter(xml) {
        let attrs = c.get(1).map_or("", |m| m.as_str());
        if attr(attrs, "ent_type") == Some("PER") {
            if let Some(mid) = attr(attrs, "m_id") {
                people.insert(mid.to_string());
            }
        }
    }
    let token_text: HashMap<u32, &str> = tokens.iter().map(|t| (t.0, t.2.as_str())).collect();
    let span_of = |ids: &[u32]| -> Option<Span> {
        let s = ids
            .iter()
            .filter_map(|t| spans.get(t))
            .map(|s| s.start)
            .min()?;
        let e = ids
            .iter()
            .filter_map(|t| spans.get(t))
            .map(|s| s.end)
            .max()?;
        Some(Span::new(s, e))
    };
    let mut with_role = Vec::new();
    let mut named = Vec::new();
    for c in p.refers.captures_iter(xml) {
        let body = c.get(1).map_or("", |m| m.as_str());
        let Some(target) = p.target.captures(body).and_then(|t| t.get(1)) else {
            continue;
        };
        if !people.contains(target.as_str()) {
            continue;
        }
        let ms: Vec<&(String, Vec<u32>)> = p
            .source
            .captures_iter(body)
            .filter_map(|s| mentions.get(s.get(1)?.as_str()))
            .collect();
        let names: Vec<&Vec<u32>> = ms
            .iter()
            .filter(|(ty, ids)| ty == "NAM" && !ids.is_empty())
            .map(|(_, ids)| ids)
            .collect();
        let Some(shortest) = names.iter().min_by_key(|ids| ids.len()) else {
            continue;
        };
        if let Some(s) = span_of(shortest) {
            named.push(s);
        }
        let mut best: Option<(Span, String)> = None;
        for (_, ids) in &ms {
            for name in &names {
                let inner: BTreeSet<u32> = name.iter().copied().collect();
                let outer: BTreeSet<u32> = ids.iter().copied().collect();
                if inner.len() >= outer.len() || !inner.is_subset(&outer) {
                    continue;
                }
                let role = outer.difference(&inner).any(|t| {
                    token_text.get(t).is_some_and(|w| {
                        w.chars().any(char::is_alphabetic)
                            && !NOT_A_ROLE.contains(&w.to_lowercase().as_str())
                    })
                });
                if role && best.is_none() {
                    if let (Some(ns), Some(os)) = (span_of(name), span_of(ids)) {
                        let mtext = text.get(os.start..os.end).unwrap_or("").to_string();
                        best = Some((ns, mtext));
                    }
                }
            }
        }
        if let Some(b) = best {
            with_role.push(b);
        }
    }
    let mut doc = Document::from_body(path.display().to_string(), text);
    doc.paragraphs = sentences.clone();
    doc.sentences = sentences;
    for c in p.timex.captures_iter(xml) {
        let attrs = c.get(1).map_or("", |m| m.as_str());
        if attr(attrs, "functionInDocument") == Some("CREATION_TIME") {
            doc.published = attr(attrs, "value")
                .and_then(|v| v.get(..10))
                .and_then(|v| v.parse().ok());
        }
    }
    Ok(Gold {
        text_doc: doc,
        with_role,
        named,
    })
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        (a as f64 / b as f64 * 10_000.0).round() / 10_000.0
    }
}

/// Score `tagger` on every `*.xml` under `dir` (recursively).
pub fn evaluate(dir: &Path, tagger: &ActorTagger) -> Result<ActorsMeantimeReport, EvalError> {
    let paths = crate::files::files_with_extension(dir, "xml")?;
    if paths.is_empty() {
        return Err(EvalError::Other(format!(
            "no MEANTIME files under {}",
            dir.display()
        )));
    }
    let pats = Patterns::new();
    let mut r = ActorsMeantimeReport {
        task: "actors",
        set: "meantime-intra-doc",
        ..Default::default()
    };
    for path in &paths {
        let xml = std::fs::read_to_string(path).map_err(|e| EvalError::io(path, e))?;
        let mut gold = parse(&xml, path, &pats)?;
        tagger.annotate(&mut gold.text_doc);
        let doc = &gold.text_doc;
        r.docs += 1;
        let person_at = |name: &Span| {
            doc.entities.iter().find(|e| {
                e.kind == EntityKind::Person
                    && e.mentions
                        .iter()
                        .any(|m| m.start < name.end && name.start < m.end)
            })
        };
        for (name, mention) in &gold.with_role {
            r.people_with_role += 1;
            let Some(e) = person_at(name) else {
                if r.missed.len() < 10 {
                    r.missed.push(mention.clone());
                }
                continue;
            };
            r.found += 1;
            if e.title.is_none() && r.missed.len() < 10 {
                r.missed.push(format!("{mention} (no title)"));
            }
            if let Some(t) = &e.title {
                r.titled += 1;
                let m = mention.to_lowercase();
                if t.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| !w.is_empty())
                    .all(|w| m.contains(w))
                {
                    r.title_matches += 1;
                }
            }
            if e.actor.is_some() {
                r.coded += 1;
            }
        }
        for name in &gold.named {
            r.named_people += 1;
            if person_at(name).is_some() {
                r.named_found += 1;
            }
        }
    }
    r.recall = ratio(r.found, r.people_with_role);
    r.recall_titled = ratio(r.titled, r.people_with_role);
    r.named_recall = ratio(r.named_found, r.named_people);
    Ok(r)
}

#[cfg(test)]
mod tests {
    use super::*;

    const XML: &str = r#"<Document doc_id="1">
<token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">chief</token>
<token number="2" sentence="0" t_id="3">executive</token>
<token number="3" sentence="0" t_id="4">Noel</token>
<token number="4" sentence="0" t_id="5">Forgeard</token>
<token number="5" sentence="0" t_id="6">said</token>
<token number="6" sentence="0" t_id="7">.</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/><token_anchor t_id="3"/><token_anchor t_id="4"/><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY_MENTION comment="" head="" m_id="2" syntactic_type="NAM"><token_anchor t_id="4"/><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY ent_type="PER" m_id="9"/>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="8" type="DATE" value="2005-01-18"/>
</Markables>
<Relations><REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="9"/></REFERS_TO></Relations>
</Document>"#;

    #[test]
    fn role_mentions_are_found_around_names() {
        let gold = parse(XML, Path::new("x.xml"), &Patterns::new()).expect("parse");
        assert_eq!(
            gold.text_doc.text,
            "Airbus chief executive Noel Forgeard said."
        );
        assert_eq!(gold.with_role.len(), 1);
        let (name, mention) = &gold.with_role[0];
        assert_eq!(gold.text_doc.span_text(*name), "Noel Forgeard");
        assert_eq!(mention, "Airbus chief executive Noel Forgeard");
        assert_eq!(
            gold.text_doc.published.map(|d| d.to_string()).as_deref(),
            Some("2005-01-18")
        );
    }
}
