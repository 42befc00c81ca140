//! TABARI `.verbs` files (manual §5.5–5.7, §10.5) read into dyad's pattern
//! model: each root (`ACCEPT [081]`, its verb forms `{ BROKE_ BROKEN_ }`) and
//! its phrases (`- * PROPOSAL [081]`) become [`dict::Pattern`]s whose
//! elements are [`Elem`]s; `<SYNSETS>` become [`Elem::Alt`], `<TIME>`
//! phrases are roots whose code is a day shift.
//!
//! Connectors: `_` joins two elements (adjacent, the word before it exact),
//! `~` ends a stem that must be followed immediately, a blank lets words be
//! skipped ([`Elem::Gap`] of [`GAP_CLAUSE`]). A word followed by a blank is a
//! stem ([`Elem::Stem`]); a word ending in `_` before a blank takes the
//! regular endings ([`Elem::Inflected`]); `WORD=` is exact ([`Elem::Words`]).

use std::collections::HashMap;

use crate::dict::{Elem, Pattern, GAP_CLAUSE};

/// A verb (or time-shift) root with its forms and phrases.
#[derive(Debug, Clone)]
pub struct Root {
    /// The root and its irregular forms, each a run of adjacent words.
    pub forms: Vec<Vec<Elem>>,
    /// The root's own code as written (`064`, `023?`, `032:033`, `###`,
    /// `-7`); `None` for `[---]` or a root defined only through phrases.
    pub code: Option<String>,
    /// True when the root was written with `[---]`.
    pub null: bool,
    /// Phrases, longest first (§5.7.1); `Pattern::code` holds the code as written.
    pub patterns: Vec<Pattern>,
    /// Length (alphanumeric characters) of each pattern.
    pub lengths: Vec<usize>,
    pub line: usize,
}

/// A parsed `.verbs` file.
#[derive(Debug, Clone, Default)]
pub struct Verbs {
    pub roots: Vec<Root>,
    /// `<TIME>` roots: codes are day shifts (`-1`, `+7`) or specials.
    pub time: Vec<Root>,
    pub synsets: HashMap<String, Vec<Vec<Elem>>>,
    /// One line per syntax error: `file:line: message`.
    pub errors: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
enum Lex {
    Word(String),
    Synset(String),
    Sym(char),
    Under,
    Space,
}

fn lex(s: &str) -> Vec<Lex> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut in_synset = false;
    let flush = |word: &mut String, in_synset: &mut bool, out: &mut Vec<Lex>| {
        if *in_synset {
            out.push(Lex::Synset(std::mem::take(word)));
        } else if !word.is_empty() {
            out.push(Lex::Word(std::mem::take(word)));
        }
        *in_synset = false;
    };
    for c in s.chars() {
        match c {
            c if c.is_whitespace() => {
                flush(&mut word, &mut in_synset, &mut out);
                if out.last() != Some(&Lex::Space) {
                    out.push(Lex::Space);
                }
            }
            '_' => {
                flush(&mut word, &mut in_synset, &mut out);
                out.push(Lex::Under);
            }
            '&' if word.is_empty() => in_synset = true,
            '$' | '+' | '%' | '^' | '*' | '{' | '|' | '}' => {
                flush(&mut word, &mut in_synset, &mut out);
                out.push(Lex::Sym(c));
            }
            c => word.extend(c.to_lowercase()),
        }
    }
    flush(&mut word, &mut in_synset, &mut out);
    while out.last() == Some(&Lex::Space) {
        out.pop();
    }
    while out.first() == Some(&Lex::Space) {
        out.remove(0);
    }
    out
}

/// Parse a phrase into elements; `len` receives its length (§5.7.1).
///
/// `endings`: a final `WORD_` takes the regular endings (roots, actors,
/// agents, nouns); in verb phrases and synsets it is exact (§5.2.3, §5.6).
pub fn parse_phrase(
    s: &str,
    synsets: &HashMap<String, Vec<Vec<Elem>>>,
    len: &mut usize,
    endings: bool,
) -> Result<Vec<Elem>, String> {
    let lx = lex(&s.replace('-', "_"));
    let mut pos = 0;
    let elems = seq(&lx, &mut pos, synsets, len, false, endings)?;
    if pos < lx.len() {
        return Err("unbalanced { | }".into());
    }
    Ok(elems)
}

/// Parse lexemes from `pos` until the end or an unmatched `|`/`}` (when
/// `nested`).
fn seq(
    lx: &[Lex],
    pos: &mut usize,
    synsets: &HashMap<String, Vec<Vec<Elem>>>,
    len: &mut usize,
    nested: bool,
    endings: bool,
) -> Result<Vec<Elem>, String> {
    let mut out: Vec<Elem> = Vec::new();
    let mut gap = false;
    let mut force_adjacent = false;
    while let Some(l) = lx.get(*pos) {
        let next = lx.get(*pos + 1);
        let after = lx.get(*pos + 2);
        let mut tilde_here = false;
        let elem = match l {
            Lex::Space => {
                if !out.is_empty() && !force_adjacent {
                    gap = true;
                }
                *pos += 1;
                continue;
            }
            Lex::Under => {
                *pos += 1;
                continue;
            }
            Lex::Sym('|') | Lex::Sym('}') if nested => break,
            Lex::Sym('|') | Lex::Sym('}') => return Err("`|` or `}` outside { }".into()),
            Lex::Sym('{') => {
                *pos += 1;
                let mut alts = Vec::new();
                let mut longest = 0;
                loop {
                    let mut l2 = 0;
                    let alt = seq(lx, pos, synsets, &mut l2, true, endings)?;
                    if alt.is_empty() {
                        return Err("empty alternative in { }".into());
                    }
                    longest = longest.max(l2);
                    alts.push(alt);
                    match lx.get(*pos) {
                        Some(Lex::Sym('|')) => *pos += 1,
                        Some(Lex::Sym('}')) => break,
                        _ => return Err("unclosed {".into()),
                    }
                }
                *len += longest;
                Elem::Alt(alts)
            }
            Lex::Sym('$') => Elem::Source,
            Lex::Sym('+') => Elem::Target,
            Lex::Sym('%') => Elem::Compound,
            Lex::Sym('^') => Elem::SkipActor,
            Lex::Sym('*') => Elem::Verb,
            Lex::Sym(c) => return Err(format!("unexpected {c:?}")),
            Lex::Synset(name) => {
                let members = synsets
                    .get(name)
                    .ok_or_else(|| format!("unknown synset &{}", name.to_uppercase()))?;
                // a synset designator adds nothing to the pattern length
                Elem::Alt(members.clone())
            }
            Lex::Word(w) => {
                let (w, tilde) = match w.strip_suffix('~') {
                    Some(x) => (x.to_string(), true),
                    None => (w.clone(), false),
                };
                *len += w.chars().filter(|c| c.is_alphanumeric()).count();
                if tilde {
                    tilde_here = true;
                    Elem::Stem(vec![w])
                } else if let Some(x) = w.strip_suffix('=') {
                    Elem::Words(vec![x.to_string()])
                } else if next == Some(&Lex::Under) {
                    match after {
                        None | Some(Lex::Space) | Some(Lex::Sym('|' | '}')) if endings => {
                            Elem::Inflected(vec![w])
                        }
                        _ => Elem::Words(vec![w]),
                    }
                } else {
                    Elem::Stem(vec![w])
                }
            }
        };
        if gap {
            out.push(Elem::Gap(GAP_CLAUSE));
        }
        gap = false;
        force_adjacent = tilde_here;
        out.push(elem);
        *pos += 1;
    }
    Ok(out)
}

fn is_word_or_gap(e: &Elem) -> bool {
    matches!(
        e,
        Elem::Words(_) | Elem::Stem(_) | Elem::Inflected(_) | Elem::Gap(_)
    )
}

/// Split `PHRASE [CODE] ; comment` into phrase and code (whitespace removed
/// from the code).
fn split_code(line: &str) -> Result<(String, Option<String>), String> {
    let line = line.split(';').next().unwrap_or("");
    let Some(open) = line.find('[') else {
        return Ok((line.trim().to_string(), None));
    };
    let close = line.rfind(']').ok_or("missing ]")?;
    if close < open {
        return Err("missing ]".into());
    }
    let code: String = line
        .get(open + 1..close)
        .unwrap_or("")
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if code.is_empty() {
        return Err("no code in [ ]".into());
    }
    Ok((
        line.get(..open).unwrap_or("").trim().to_string(),
        Some(code),
    ))
}

fn valid_code(code: &str, time: bool) -> bool {
    if matches!(code, "---" | "###" | "+++") {
        return true;
    }
    if time {
        let digits = code.strip_prefix(['+', '-']).unwrap_or(code);
        return !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit());
    }
    let one = |c: &str| {
        let c = c.strip_suffix(['?', '!']).unwrap_or(c);
        !c.is_empty() && c.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    match code.split_once(':') {
        Some((a, b)) => one(a) && one(b),
        None => one(code),
    }
}

/// The pattern's `code`/`paired` fields from a code as written.
fn codes_of(code: &str) -> (Option<String>, Option<String>) {
    if code == "---" {
        return (None, None);
    }
    match code.split_once(':') {
        Some((a, b)) => (Some(a.to_string()), Some(b.to_string())),
        None => (Some(code.to_string()), None),
    }
}

impl Verbs {
    /// Read a `.verbs` file.
    pub fn read(file: &str, text: &str) -> Verbs {
        let mut v = Verbs::default();
        let mut section = "";
        let mut current: Option<(bool, usize)> = None; // (time, index)
        let mut keys: HashMap<(bool, String), usize> = HashMap::new();
        let mut last_synset: Option<String> = None;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let t = raw.trim();
            if t.starts_with("~~") {
                break;
            }
            if t.is_empty() || t.starts_with('#') || t.starts_with('/') {
                continue;
            }
            let err = |v: &mut Verbs, m: &str| v.errors.push(format!("{file}:{n}: {m}"));
            let up = t.to_ascii_uppercase();
            if up.starts_with('<') {
                section = match up.as_str() {
                    s if s.starts_with("</") => "",
                    s if s.starts_with("<SYNSET") => "synsets",
                    s if s.starts_with("<TIME") => "time",
                    _ => {
                        err(&mut v, "unknown section");
                        ""
                    }
                };
                current = None;
                continue;
            }
            if section == "synsets" {
                let body = t.split(';').next().unwrap_or("").trim();
                if let Some(name) = body.strip_prefix('&') {
                    let name = name.trim().to_lowercase();
                    v.synsets.entry(name.clone()).or_default();
                    last_synset = Some(name);
                } else if let Some(member) = body.strip_prefix('+') {
                    let Some(name) = last_synset.clone() else {
                        err(&mut v, "synset member before any &NAME");
                        continue;
                    };
                    let mut l = 0;
                    match parse_phrase(member, &v.synsets, &mut l, false) {
                        Ok(es) if !es.is_empty() => {
                            if let Some(set) = v.synsets.get_mut(&name) {
                                set.push(es);
                            }
                        }
                        Ok(_) => err(&mut v, "empty synset member"),
                        Err(m) => err(&mut v, &m),
                    }
                } else {
                    err(&mut v, "expected &NAME or +member in <SYNSETS>");
                }
                continue;
            }
            let time = section == "time";
            if t.starts_with('{') {
                // irregular verb forms of the current root
                let Some((tm, k)) = current else {
                    err(&mut v, "verb forms before any verb");
                    continue;
                };
                let inner = t
                    .split(';')
                    .next()
                    .unwrap_or("")
                    .trim()
                    .trim_start_matches('{')
                    .trim_end_matches('}');
                let mut forms = Vec::new();
                for f in inner.split_whitespace() {
                    let mut l = 0;
                    match parse_phrase(f, &HashMap::new(), &mut l, true) {
                        Ok(es) if !es.is_empty() => forms.push(es),
                        _ => err(&mut v, &format!("bad verb form {f:?}")),
                    }
                }
                if forms.is_empty() {
                    err(&mut v, "no verb forms inside { }");
                }
                let list = if tm { &mut v.time } else { &mut v.roots };
                if let Some(r) = list.get_mut(k) {
                    r.forms.extend(forms);
                }
                continue;
            }
            let (phrase, code) = match split_code(t) {
                Ok(x) => x,
                Err(m) => {
                    err(&mut v, &m);
                    continue;
                }
            };
            let Some(code) = code else {
                err(&mut v, "missing [code]");
                continue;
            };
            if !valid_code(&code, time) {
                err(&mut v, &format!("bad code [{code}]"));
                continue;
            }
            if let Some(body) = phrase.strip_prefix('-') {
                // a phrase of the current root
                let Some((tm, k)) = current else {
                    err(&mut v, "pattern before any verb");
                    continue;
                };
                let mut len = 0;
                let elems = match parse_phrase(body, &v.synsets, &mut len, false) {
                    Ok(es) => es,
                    Err(m) => {
                        err(&mut v, &m);
                        continue;
                    }
                };
                let Some(trigger) = elems.iter().position(|e| *e == Elem::Verb) else {
                    err(&mut v, "missing verb marker * in the pattern");
                    continue;
                };
                let (c, paired) = codes_of(&code);
                let pat = Pattern {
                    id: format!("{file}:{n}"),
                    code: c,
                    paired,
                    elems,
                    trigger,
                    text: body.trim().to_string(),
                    verb_trigger: true,
                    trigger_lemmas: Vec::new(),
                    implicit_source: false,
                };
                let list = if tm { &mut v.time } else { &mut v.roots };
                if let Some(r) = list.get_mut(k) {
                    r.patterns.push(pat);
                    r.lengths.push(len);
                }
                continue;
            }
            // a root: `WORD [code]`, `WORD_WORD [code]`, or the phrase root
            // `WORD MORE WORDS [code]` (tagged only where the whole phrase matches)
            let phrase = phrase.replace('-', "_");
            let head = phrase.split_whitespace().next().unwrap_or("");
            if head.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                err(&mut v, "phrase missing or too short");
                continue;
            }
            let mut l = 0;
            let form = match parse_phrase(&phrase, &HashMap::new(), &mut l, true) {
                Ok(f) if !f.is_empty() && !f.iter().any(|e| !is_word_or_gap(e)) => f,
                _ => {
                    err(&mut v, "bad root");
                    continue;
                }
            };
            let squeezed: Vec<&str> = phrase.split_whitespace().collect();
            let key = (time, squeezed.join(" ").to_ascii_uppercase());
            let list = if time { &mut v.time } else { &mut v.roots };
            let k = match keys.get(&key) {
                Some(&k) => k,
                None => {
                    list.push(Root {
                        forms: vec![form],
                        code: None,
                        null: false,
                        patterns: Vec::new(),
                        lengths: Vec::new(),
                        line: n,
                    });
                    keys.insert(key, list.len() - 1);
                    list.len() - 1
                }
            };
            current = Some((time, k));
            let Some(root) = list.get_mut(k) else {
                continue;
            };
            if root.code.is_some() || root.null {
                v.errors.push(format!(
                    "{file}:{n}: duplicate root {}",
                    phrase.to_uppercase()
                ));
                continue;
            }
            if code == "---" {
                root.null = true;
            } else {
                root.code = Some(code);
            }
        }
        for r in v.roots.iter_mut().chain(v.time.iter_mut()) {
            let mut idx: Vec<usize> = (0..r.patterns.len()).collect();
            idx.sort_by_key(|&i| std::cmp::Reverse(r.lengths.get(i).copied().unwrap_or(0)));
            let pats: Vec<Pattern> = idx
                .iter()
                .filter_map(|&i| r.patterns.get(i).cloned())
                .collect();
            let lens: Vec<usize> = idx
                .iter()
                .filter_map(|&i| r.lengths.get(i).copied())
                .collect();
            r.patterns = pats;
            r.lengths = lens;
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_connectors_stems_and_alternatives() {
        let mut l = 0;
        let e = parse_phrase(
            "SAID_+ * NEW_{ TRADE | ARMS_ }_TALKS",
            &HashMap::new(),
            &mut l,
            true,
        )
        .expect("phrase");
        assert_eq!(e[0], Elem::Words(vec!["said".into()]));
        assert_eq!(e[1], Elem::Target);
        assert_eq!(e[2], Elem::Gap(GAP_CLAUSE));
        assert_eq!(e[3], Elem::Verb);
        assert_eq!(e[4], Elem::Gap(GAP_CLAUSE));
        assert_eq!(e[5], Elem::Words(vec!["new".into()]));
        let Elem::Alt(alts) = &e[6] else {
            panic!("expected alternatives, got {:?}", e[6]);
        };
        assert_eq!(alts.len(), 2);
        assert_eq!(alts[1], vec![Elem::Inflected(vec!["arms".into()])]);
        assert_eq!(e[7], Elem::Stem(vec!["talks".into()]));
        assert_eq!(l, 4 + 3 + 5 + 5);
        // in verb phrases a final `WORD_` is exact
        let e = parse_phrase("* ARMS_", &HashMap::new(), &mut l, false).expect("exact");
        assert_eq!(e[2], Elem::Words(vec!["arms".into()]));
        let e = parse_phrase("BACK~ POLICY *", &HashMap::new(), &mut l, false).expect("tilde");
        assert_eq!(e[1], Elem::Stem(vec!["policy".into()]), "{e:?}");
        assert!(parse_phrase("* { A | B", &HashMap::new(), &mut l, false).is_err());
    }

    #[test]
    fn reads_roots_forms_patterns_synsets_and_time() {
        let text = "<SYNSETS>\n&AID\n+GRAIN\n+MEDICAL_SUPPLIES\n</SYNSETS>\n<TIME>\nLAST_WEEK [-7]\n</TIME>\n\
                    SEND_  [070]\n{ SENT_ }\n- * &AID [071]\n- REFUSED TO *  [112]\nHOLD TALKS [031:031]\n\
                    - * BAD  [0x!?]\n- NOSTAR  [010]\nMEET  [---]\nSAID [023?]\n";
        let v = Verbs::read("t.verbs", text);
        assert_eq!(v.errors.len(), 2, "{:?}", v.errors);
        assert!(v.errors.iter().all(|e| e.starts_with("t.verbs:1")));
        assert_eq!(v.time.len(), 1);
        assert_eq!(v.time[0].code.as_deref(), Some("-7"));
        let send = &v.roots[0];
        assert_eq!(send.forms.len(), 2);
        assert_eq!(send.code.as_deref(), Some("070"));
        // longest first: REFUSED TO * (9) before * &AID (a synset adds 0)
        assert_eq!(send.patterns[0].code.as_deref(), Some("112"));
        assert_eq!(send.patterns[1].code.as_deref(), Some("071"));
        // a phrase root is a root of its own, tagged where the whole phrase matches
        let hold = &v.roots[1];
        assert_eq!(hold.forms[0].len(), 3);
        assert_eq!(hold.code.as_deref(), Some("031:031"));
        assert!(v.roots[2].null);
        assert_eq!(v.roots[3].code.as_deref(), Some("023?"));
    }
}
