//! The PETRARCH verb dictionary (`CAMEO.2.0.txt`, PETRARCH-1
//! `CAMEO.verbpatterns.*.txt`): synsets, verb blocks and their patterns,
//! read into dyad [`Pattern`]s.
//!
//! File layout: `&NAME` followed by `+word` lines defines a synset;
//! `--- NAME [code] ---` opens a verb block; then verb lines (`SAY {SAYS SAID
//! SAYING} [code]`, multi-word verbs `+CALL_OFF`, `WIRE_+TAP`) and pattern
//! lines `- pre * post [code]`; `~` lines are PETRARCH-2 transformations;
//! `#` starts a comment, `<!-- … -->` is a comment too.
//!
//! Every pattern of a block applies to every verb of the block. dyad's
//! trigger element lists all forms of the block's single-word verbs; the
//! multi-word verbs of one verb with the same shape ("set up", "set off")
//! share patterns whose words around the verb list the alternatives. A verb alone codes the block's
//! code (or its own) as `$ VERB +`, plus the passive `+ was … VERBED by $`;
//! a verb alone under `[---]` codes nothing and is not emitted. Patterns
//! without `$` take the nearest actor before as source (the subject);
//! without `+` the coder takes an actor after the match, else one inside it.

use std::collections::BTreeMap;

use crate::dict::{Elem, Pattern};
use crate::inflect::{FormSet, Inflector};
use crate::petrarch::pattern::{convert, Flavor, Part, Phrase, Synsets};
use crate::petrarch::words::noun_forms;

/// What the reader did, for the load report.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct VerbReport {
    pub file: String,
    pub flavor: Option<Flavor>,
    pub synsets: usize,
    pub blocks: usize,
    pub verbs: usize,
    /// Pattern lines (`- …`).
    pub patterns_read: usize,
    /// Pattern lines turned into at least one dyad pattern.
    pub patterns_converted: usize,
    /// Pattern lines not converted, by reason.
    pub skipped: BTreeMap<&'static str, usize>,
    /// Approximations made in converted patterns, by kind.
    pub approximated: BTreeMap<&'static str, usize>,
    /// Verbs alone with a code (each gives an active and a passive pattern).
    pub verbs_coded: usize,
    /// Verbs alone under the null code (not emitted).
    pub verbs_null: usize,
    /// PETRARCH-2 `~` transformation lines (not supported).
    pub transformations: usize,
    /// dyad patterns produced (variants × verb groups, passives).
    pub dyad_patterns: usize,
    /// `file:line: message`, one per bad line.
    pub errors: Vec<String>,
}

impl VerbReport {
    fn skip(&mut self, file: &str, line: usize, reason: &'static str, message: String) {
        *self.skipped.entry(reason).or_default() += 1;
        self.errors.push(format!("{file}:{line}: {message}"));
    }
}

/// Codes of a block, verb or pattern: `None` for `---`.
type Codes = (Option<String>, Option<String>);

#[derive(Debug, Clone)]
struct Verb {
    line: usize,
    pre: Vec<String>,
    post: Vec<String>,
    lemma: String,
    forms: Vec<String>,
    /// Forms written out in `{…}` (else the inflector's).
    listed: bool,
    code: Option<Codes>,
}

#[derive(Debug, Clone)]
struct RawPattern {
    line: usize,
    body: String,
    codes: Codes,
    reversed: bool,
}

#[derive(Debug, Clone, Default)]
struct Block {
    line: usize,
    codes: Codes,
    verbs: Vec<Verb>,
    patterns: Vec<RawPattern>,
}

/// Guess the format: parse-based PETRARCH-2 patterns use `{…}`/`(…)`
/// phrases or `~` transformations.
pub fn detect_flavor(text: &str) -> Flavor {
    let p2 = text.lines().any(|l| {
        let l = l.split('#').next().unwrap_or("").trim_start();
        l.starts_with('~') || (l.starts_with("- ") && l.contains(['(', '{']))
    });
    if p2 {
        Flavor::Petrarch2
    } else {
        Flavor::Petrarch1
    }
}

/// Read a verb dictionary. Bad lines are skipped and reported (one
/// `file:line: message` each); reading always goes on.
pub fn read_verbs(
    file: &str,
    text: &str,
    flavor: Option<Flavor>,
    inflector: &Inflector,
) -> (Vec<Pattern>, VerbReport) {
    let flavor = flavor.unwrap_or_else(|| detect_flavor(text));
    let mut report = VerbReport {
        file: file.to_string(),
        flavor: Some(flavor),
        ..VerbReport::default()
    };
    let mut synsets = Synsets::new();
    // synsets are defined before use: each block is converted with the
    // synsets known when it closes
    let mut out = Vec::new();
    let mut block: Option<Block> = None;
    let mut synset: Option<(String, bool)> = None;
    let mut in_comment = false;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let mut line = raw;
        if in_comment {
            match line.find("-->") {
                Some(k) => {
                    in_comment = false;
                    line = line.get(k + 3..).unwrap_or("");
                }
                None => continue,
            }
        }
        if let Some(k) = line.find("<!--") {
            match line.get(k..).and_then(|r| r.find("-->")) {
                Some(_) => line = line.get(..k).unwrap_or(""),
                None => {
                    in_comment = true;
                    line = line.get(..k).unwrap_or("");
                }
            }
        }
        if line.trim().is_empty() {
            // a blank line ends a synset; a comment-only line does not
            synset = None;
            continue;
        }
        let line = line.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if line.starts_with("---") {
            synset = None;
            if let Some(b) = block.take() {
                emit_block(file, &b, &synsets, flavor, inflector, &mut out, &mut report);
            }
            report.blocks += 1;
            let codes = match bracketed(line) {
                Some(c) => match parse_codes(c) {
                    Some(c) => c,
                    None => {
                        report
                            .errors
                            .push(format!("{file}:{n}: bad block code [{c}]"));
                        (None, None)
                    }
                },
                None => (None, None),
            };
            block = Some(Block {
                line: n,
                codes,
                ..Block::default()
            });
            continue;
        }
        if let Some(name) = line.strip_prefix('&') {
            let exact = name.ends_with('_');
            let name = name.trim_end_matches('_').trim().to_string();
            synsets.entry(name.clone()).or_default();
            report.synsets += 1;
            synset = Some((name, exact));
            continue;
        }
        if let (Some(member), Some((name, exact))) = (line.strip_prefix('+'), &synset) {
            let phrases = synset_member(member.trim(), *exact, &synsets);
            match phrases {
                Some(p) => synsets.entry(name.clone()).or_default().extend(p),
                None => report.errors.push(format!(
                    "{file}:{n}: synset member {member:?}: undefined synset or empty"
                )),
            }
            continue;
        }
        synset = None;
        if line.starts_with('~') {
            report.transformations += 1;
            continue;
        }
        let Some(b) = block.as_mut() else {
            report
                .errors
                .push(format!("{file}:{n}: entry outside a `--- VERB ---` block"));
            continue;
        };
        if let Some(rest) = line.strip_prefix('-') {
            report.patterns_read += 1;
            let Some(code_text) = bracketed(rest) else {
                report.skip(file, n, "no [code]", "pattern without [code]".into());
                continue;
            };
            // `[:CODE]`: the event runs from the object to the subject
            let reversed = code_text.starts_with(':');
            let Some(codes) = parse_codes(code_text.trim_start_matches(':')) else {
                report.skip(file, n, "bad code", format!("bad code [{code_text}]"));
                continue;
            };
            let body = rest
                .get(..rest.rfind('[').unwrap_or(rest.len()))
                .unwrap_or("");
            b.patterns.push(RawPattern {
                line: n,
                body: body.trim().to_string(),
                codes,
                reversed,
            });
            continue;
        }
        match parse_verb(n, line, inflector) {
            Ok(v) => {
                report.verbs += 1;
                b.verbs.push(v);
            }
            Err(m) => report.errors.push(format!("{file}:{n}: {m}")),
        }
    }
    if let Some(b) = block.take() {
        emit_block(file, &b, &synsets, flavor, inflector, &mut out, &mut report);
    }
    report.dyad_patterns = out.len();
    (out, report)
}

/// The text inside the last `[…]`.
fn bracketed(s: &str) -> Option<&str> {
    let a = s.rfind('[')?;
    let b = a + s.get(a..)?.find(']')?;
    s.get(a + 1..b).map(str::trim)
}

/// `042`, `042:043`, `---`, `---:---` (any code string without blanks is
/// kept; the code table decides later whether it can be coded).
fn parse_codes(s: &str) -> Option<Codes> {
    let one = |c: &str| -> Option<Option<String>> {
        let c = c.trim();
        if c.chars().all(|x| x == '-') && !c.is_empty() {
            Some(None)
        } else if !c.is_empty() && c.chars().all(|x| x.is_ascii_alphanumeric()) {
            Some(Some(c.to_string()))
        } else {
            None
        }
    };
    match s.split_once(':') {
        Some((a, b)) => Some((one(a)?, one(b)?)),
        None => Some((one(s)?, None)),
    }
}

/// A synset member: a word or phrase (`_` or blank between words), or a
/// nested `&NAME`. The last word gets its plural unless the member or the
/// synset name ends with `_`.
fn synset_member(member: &str, exact: bool, synsets: &Synsets) -> Option<Vec<Phrase>> {
    if let Some(name) = member.strip_prefix('&') {
        return synsets.get(name.trim_end_matches('_')).cloned();
    }
    let exact = exact || member.ends_with('_');
    let words: Vec<&str> = member
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.len().checked_sub(1)?;
    let phrase: Phrase = words
        .iter()
        .enumerate()
        .map(|(k, w)| {
            if k == last && !exact {
                noun_forms(w)
            } else {
                vec![w.to_lowercase()]
            }
        })
        .collect();
    Some(vec![phrase])
}

/// `SAY {SAYS SAID SAYING} [010]`, `+CALL_OFF [160]`, `WIRE_+TAP {…}`.
fn parse_verb(n: usize, line: &str, inflector: &Inflector) -> Result<Verb, String> {
    let mut rest = line.to_string();
    let mut code = None;
    if let Some(c) = bracketed(&rest) {
        code = Some(parse_codes(c).ok_or_else(|| format!("bad verb code [{c}]"))?);
        if let Some(k) = rest.rfind('[') {
            rest.truncate(k);
        }
    }
    let mut listed: Vec<String> = Vec::new();
    if let (Some(a), Some(b)) = (rest.find('{'), rest.rfind('}')) {
        listed = rest
            .get(a + 1..b)
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_string)
            .collect();
        rest.truncate(a);
    } else if rest.contains(['{', '}']) {
        return Err("unbalanced `{` in the verb forms".into());
    }
    let (pre, lemma, post) = split_verb_phrase(rest.trim())?;
    let mut forms = vec![lemma.clone()];
    for f in &listed {
        let (_, w, _) = split_verb_phrase(f)?;
        if !forms.contains(&w) {
            forms.push(w);
        }
    }
    let is_listed = !listed.is_empty();
    if !is_listed {
        forms = inflector.forms(&lemma, FormSet::All);
    }
    Ok(Verb {
        line: n,
        pre,
        post,
        lemma,
        forms,
        listed: is_listed,
        code,
    })
}

/// Words before the verb, the verb (marked `+` in a multi-word verb), words after.
fn split_verb_phrase(s: &str) -> Result<(Vec<String>, String, Vec<String>), String> {
    let words: Vec<&str> = s
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect();
    let at = match words.as_slice() {
        [] => return Err("empty verb".into()),
        [_] => 0,
        _ => words
            .iter()
            .position(|w| w.starts_with('+'))
            .ok_or_else(|| format!("multi-word verb {s:?} without `+` on the verb"))?,
    };
    let clean = |w: &&str| w.trim_start_matches('+').to_lowercase();
    let verb = words.get(at).map(clean).unwrap_or_default();
    if verb.is_empty()
        || !verb
            .chars()
            .all(|c| c.is_alphanumeric() || "-'".contains(c))
    {
        return Err(format!("bad verb {s:?}"));
    }
    let pre = words.get(..at).unwrap_or(&[]).iter().map(clean).collect();
    let post = words
        .get(at + 1..)
        .unwrap_or(&[])
        .iter()
        .map(clean)
        .collect();
    Ok((pre, verb, post))
}

/// Verbs of a block that share a shape: all single-word verbs; multi-word
/// verbs with the same verb and the same number of words around it (their
/// words merge position by position: "set up" and "set off" become "set
/// up|off", so each pattern is tried once per shape, not once per verb).
#[derive(Debug, Clone)]
struct Group {
    pre: Vec<Vec<String>>,
    post: Vec<Vec<String>>,
    /// The verb when the group is multi-word (single-word groups mix verbs).
    lemma: Option<String>,
    forms: Vec<String>,
    lemmas: Vec<String>,
    participles: Vec<String>,
}

impl Group {
    fn simple(&self) -> bool {
        self.pre.is_empty() && self.post.is_empty()
    }
}

fn add_all(to: &mut Vec<String>, from: &[String]) {
    for f in from {
        if !to.contains(f) {
            to.push(f.clone());
        }
    }
}

fn participles(v: &Verb, inflector: &Inflector) -> Vec<String> {
    if v.listed {
        // written forms: the past/participle ones are neither base, -s nor -ing
        let third = inflector.forms(&v.lemma, FormSet::Present);
        v.forms
            .iter()
            .filter(|f| !f.ends_with("ing") && !third.contains(f))
            .cloned()
            .collect()
    } else {
        inflector.forms(&v.lemma, FormSet::Participle)
    }
}

/// Group `verbs` by shape (and, for verbs alone, by code).
fn groups<'a>(verbs: impl Iterator<Item = &'a Verb>, inflector: &Inflector) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for v in verbs {
        let multi = !(v.pre.is_empty() && v.post.is_empty());
        let lemma = multi.then(|| v.lemma.clone());
        let k = match out.iter().position(|g| {
            g.lemma == lemma && g.pre.len() == v.pre.len() && g.post.len() == v.post.len()
        }) {
            Some(k) => k,
            None => {
                out.push(Group {
                    pre: vec![Vec::new(); v.pre.len()],
                    post: vec![Vec::new(); v.post.len()],
                    lemma,
                    forms: Vec::new(),
                    lemmas: Vec::new(),
                    participles: Vec::new(),
                });
                out.len() - 1
            }
        };
        if let Some(g) = out.get_mut(k) {
            for (alts, w) in g.pre.iter_mut().zip(&v.pre) {
                add_all(alts, std::slice::from_ref(w));
            }
            for (alts, w) in g.post.iter_mut().zip(&v.post) {
                add_all(alts, std::slice::from_ref(w));
            }
            add_all(&mut g.forms, &v.forms);
            add_all(&mut g.lemmas, std::slice::from_ref(&v.lemma));
            add_all(&mut g.participles, &participles(v, inflector));
        }
    }
    out
}

/// The verb group's elements and the index of the verb among them.
fn verb_elems(g: &Group) -> (Vec<Elem>, usize) {
    let mut e: Vec<Elem> = g.pre.iter().map(|w| Elem::Words(w.clone())).collect();
    let at = e.len();
    e.push(Elem::Words(g.forms.clone()));
    e.extend(g.post.iter().map(|w| Elem::Words(w.clone())));
    (e, at)
}

fn emit_block(
    file: &str,
    b: &Block,
    synsets: &Synsets,
    flavor: Flavor,
    inflector: &Inflector,
    out: &mut Vec<Pattern>,
    report: &mut VerbReport,
) {
    let all = groups(b.verbs.iter(), inflector);
    // verbs alone: grouped by their code
    let mut by_code: Vec<(Codes, Vec<&Verb>)> = Vec::new();
    for v in &b.verbs {
        let c = v.code.clone().unwrap_or_else(|| b.codes.clone());
        match by_code.iter_mut().find(|x| x.0 == c) {
            Some(x) => x.1.push(v),
            None => by_code.push((c, vec![v])),
        }
    }
    for (codes, verbs) in &by_code {
        // the id names the first verb line with this code (ids stay unique per code)
        let line = verbs.first().map(|v| v.line).unwrap_or(b.line);
        if codes.0.is_none() {
            report.verbs_null += verbs.len();
            continue;
        }
        report.verbs_coded += verbs.len();
        for g in groups(verbs.iter().copied(), inflector) {
            let (mut elems, at) = verb_elems(&g);
            elems.insert(0, Elem::Source);
            elems.push(Elem::Target);
            let simple = g.simple();
            out.push(Pattern {
                id: format!("{file}:{line} (verb)"),
                code: codes.0.clone(),
                paired: codes.1.clone(),
                elems,
                trigger: at + 1,
                text: format!("$ {} +", g.lemmas.join("|")),
                verb_trigger: true,
                trigger_lemmas: if simple { g.lemmas.clone() } else { Vec::new() },
                implicit_source: false,
            });
            if simple && !g.participles.is_empty() {
                out.push(Pattern {
                    id: format!("{file}:{line} (passive)"),
                    code: codes.0.clone(),
                    paired: codes.1.clone(),
                    elems: vec![
                        Elem::Target,
                        Elem::Words(inflector.forms("be", FormSet::All)),
                        Elem::Gap(2),
                        Elem::Words(g.participles.clone()),
                        Elem::Words(vec!["by".into()]),
                        Elem::Source,
                    ],
                    trigger: 3,
                    text: format!("(passive of) $ {} +", g.lemmas.join("|")),
                    verb_trigger: true,
                    trigger_lemmas: Vec::new(),
                    implicit_source: false,
                });
            }
        }
    }
    for p in &b.patterns {
        let converted = match convert(&p.body, flavor, synsets) {
            Ok(c) => c,
            Err(skip) => {
                report.skip(file, p.line, skip.reason(), skip.message());
                continue;
            }
        };
        if all.is_empty() {
            report.skip(
                file,
                p.line,
                "block without verbs",
                "pattern in a block without verbs".into(),
            );
            continue;
        }
        report.patterns_converted += 1;
        for a in &converted.approximations {
            *report.approximated.entry(a).or_default() += 1;
        }
        if p.reversed {
            *report
                .approximated
                .entry("`[:code]` as target → source")
                .or_default() += 1;
        }
        for variant in &converted.variants {
            for g in &all {
                let (verb, at) = verb_elems(g);
                let mut elems: Vec<Elem> = Vec::new();
                let mut trigger = 0;
                if !variant.contains(&Part::Elem(Elem::Source)) {
                    elems.push(Elem::Source);
                }
                for part in variant {
                    match part {
                        Part::Verb => {
                            trigger = elems.len() + at;
                            elems.extend(verb.iter().cloned());
                        }
                        Part::Elem(e) => elems.push(e.clone()),
                    }
                }
                if p.reversed {
                    reverse(&mut elems);
                }
                let simple = g.simple();
                out.push(Pattern {
                    id: format!("{file}:{}", p.line),
                    code: p.codes.0.clone(),
                    paired: p.codes.1.clone(),
                    elems,
                    trigger,
                    text: format!("- {}", p.body),
                    verb_trigger: true,
                    trigger_lemmas: if simple { g.lemmas.clone() } else { Vec::new() },
                    implicit_source: false,
                });
            }
        }
    }
}

/// Swap the slots; a pattern left without a source takes the first actor
/// after it.
fn reverse(elems: &mut Vec<Elem>) {
    for e in elems.iter_mut() {
        if *e == Elem::Source {
            *e = Elem::Target;
        } else if *e == Elem::Target {
            *e = Elem::Source;
        }
    }
    if !elems.contains(&Elem::Source) {
        elems.push(Elem::Source);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# a tiny dictionary written for this test
&TALKS_
+TALKS
+PEACE_NEGOTIATIONS

&NOUNS
+RALLY

--- MEET  [040]  ---
MEET {MEETS MET MEETING}
CONFER [0411]
+SIT_DOWN {+SITS_DOWN +SAT_DOWN}
- * (FOR &TALKS) [043]  # a comment
- * {BRIEF RALLY} [---]
- * &MISSING [040]
- * (WITH [040]
- * (BEFORE JUDGE) [:173]
~ a (a b Q) SAY = a b Q

--- SHRUG  [---] ---
SHRUG
- * OFF &NOUNS (WITH +) [111]
";

    #[test]
    fn reads_blocks_verbs_synsets_and_patterns() {
        let inf = Inflector::embedded();
        let (pats, r) = read_verbs("t.txt", SAMPLE, None, &inf);
        assert_eq!(r.flavor, Some(Flavor::Petrarch2));
        assert_eq!((r.blocks, r.verbs, r.synsets), (2, 4, 2));
        assert_eq!((r.patterns_read, r.patterns_converted), (6, 4));
        assert_eq!(r.skipped.get("undefined synset"), Some(&1));
        assert_eq!(r.skipped.get("syntax error"), Some(&1));
        assert_eq!(r.transformations, 1);
        assert_eq!((r.verbs_coded, r.verbs_null), (3, 1));
        assert_eq!(r.errors.len(), 2);
        assert!(r.errors[0].starts_with("t.txt:15: "), "{:?}", r.errors);
        // MEET alone: one group for meet, one for confer [0411], one for sit down
        let alone: Vec<&Pattern> = pats.iter().filter(|p| p.id.ends_with("(verb)")).collect();
        assert_eq!(alone.len(), 3);
        let meet = alone
            .iter()
            .find(|p| p.code.as_deref() == Some("040"))
            .expect("meet");
        assert_eq!(meet.elems.first(), Some(&Elem::Source));
        assert!(matches!(&meet.elems[1], Elem::Words(w) if w.contains(&"met".to_string())));
        let sit = alone
            .iter()
            .find(|p| p.trigger_lemmas.is_empty())
            .expect("multi-word verb");
        assert_eq!(sit.elems[2], Elem::Words(vec!["down".into()]));
        assert!(matches!(&sit.elems[1], Elem::Words(w) if w.contains(&"sat".to_string())));
        // `- * (FOR &TALKS)`: two synset variants × two verb shapes
        let talks: Vec<&Pattern> = pats.iter().filter(|p| p.id == "t.txt:13").collect();
        assert_eq!(talks.len(), 4);
        assert!(talks.iter().all(|p| p.code.as_deref() == Some("043")));
        let null = pats
            .iter()
            .find(|p| p.id == "t.txt:14")
            .expect("null pattern");
        assert_eq!(null.code, None);
        // `[:173]`: the subject is the target, the source comes after
        let court = pats.iter().find(|p| p.id == "t.txt:17").expect("reversed");
        assert_eq!(court.code.as_deref(), Some("173"));
        assert_eq!(court.elems.first(), Some(&Elem::Target));
        assert_eq!(court.elems.last(), Some(&Elem::Source));
        // the shrug pattern: $ shrug off rally (with +)
        let shrug = pats.iter().find(|p| p.id == "t.txt:22").expect("shrug");
        assert_eq!(shrug.trigger, 1);
        assert_eq!(shrug.elems.last(), Some(&Elem::Target));
        assert!(shrug
            .elems
            .contains(&Elem::Words(vec!["rally".into(), "rallies".into()])));
    }

    #[test]
    fn petrarch1_lines_and_codes() {
        let inf = Inflector::embedded();
        let text = "--- ABANDON [080] ---\nABANDON\n- SAID + MUST * POLICY [100]\n- * RE-TRIAL [---]\n- % * TALKS [043:043]\n";
        let (pats, r) = read_verbs("p1.txt", text, None, &inf);
        assert_eq!(r.flavor, Some(Flavor::Petrarch1));
        assert_eq!(r.patterns_converted, 3);
        let said = pats.iter().find(|p| p.id == "p1.txt:3").expect("said");
        assert_eq!(said.elems[0], Elem::Source);
        assert!(said.elems.contains(&Elem::Target));
        let pair = pats.iter().find(|p| p.id == "p1.txt:5").expect("compound");
        assert_eq!(pair.paired.as_deref(), Some("043"));
        assert_eq!(parse_codes("---:---"), Some((None, None)));
        assert_eq!(parse_codes("04 2"), None);
    }
}
